"""The seed scored with gold-span quotes: stance from the pipeline's own stance step and
the matrix from annotator.matrix, measured by ../shared/eval/score_stance.py."""

from __future__ import annotations

import json
import subprocess
import sys

from annotator.io import write_jsonl
from annotator.models import Expert, Quote, quote_id
from annotator.stance import StanceModel, load_codebook, predict_quotes
from annotator.stance.predict import context_for
from tests.conftest import SEEDS


def gold_span_quotes() -> tuple[dict, list[Quote]]:
    gold = json.loads((SEEDS / "gold" / "seed_gold.json").read_text(encoding="utf-8"))
    text = (SEEDS / gold["article"]).read_text(encoding="utf-8")
    aid = gold["article"].rsplit(".", 1)[0]
    quotes = [
        Quote(
            id=quote_id(aid, g["start"], g["end"]),
            article_id=aid,
            start=g["start"],
            end=g["end"],
            text=g["text"],
            kind=g["kind"],
            speaker=g["speaker"],
            speaker_id=g["speaker"],
            speaker_is_expert=True,
            context=context_for(text, g["start"], g["end"]),
        )
        for g in gold["expert_quotes"]
    ]
    return gold, quotes


def test_seed_reaches_the_floors(shared, tmp_path):
    from annotator.matrix import build_matrix

    gold, quotes = gold_span_quotes()
    codebook = load_codebook(SEEDS / "codebook.yaml")
    labelled = predict_quotes(quotes, codebook, StanceModel.load())
    experts = [Expert(is_expert=True, **e) for e in gold["experts"]]
    cells = build_matrix(labelled, codebook, experts)
    write_jsonl(tmp_path / "quotes.jsonl", labelled)
    write_jsonl(tmp_path / "matrix.jsonl", cells)
    out = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score_stance.py"),
            "seed",
            str(SEEDS / "gold" / "seed_gold.json"),
            "--quotes",
            str(tmp_path / "quotes.jsonl"),
            "--matrix",
            str(tmp_path / "matrix.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    right, total = map(int, result["matrix_cells_right"].split("/"))
    assert result["quote_stance_accuracy"] >= 0.85, result
    assert right >= 26 and total == 28, result
