#!/usr/bin/env python3
"""Development check of the stance step on the seed with gold-span quotes.

Builds Quote records from seeds/gold/seed_gold.json's expert quotes (context = sentence before
+ the quote's sentence, from the article), predicts stances with the codebook, aggregates a
tiny local matrix (support+oppose -> mixed; nothing relevant -> not_addressed) and runs
../shared/eval/score_stance.py seed on both.

    .venv/bin/python scripts/stance_seed_check.py [--model M] [--codebook seeds/codebook.yaml] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.io import write_jsonl
from annotator.models import Article, Quote, quote_id
from annotator.stance import StanceModel, load_codebook, predict_quotes
from annotator.stance.predict import context_for


def gold_quotes(gold: dict, text: str, article_id: str) -> list[Quote]:
    out = []
    for g in gold["expert_quotes"]:
        out.append(Quote(id=quote_id(article_id, g["start"], g["end"]), article_id=article_id, start=g["start"],
                         end=g["end"], text=g["text"], kind=g["kind"], speaker=g["speaker"],
                         speaker_id=g["speaker"], context=context_for(text, g["start"], g["end"])))
    return out


def aggregate(quotes: list[Quote]) -> list[dict]:
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for q in quotes:
        for qid, st in (q.stances or {}).items():
            cells[(q.speaker_id, qid)].add(st.label)
    out = []
    for (who, qid), labs in cells.items():
        labs = labs - {"not_addressed"}
        if not labs:
            continue
        polar = labs & {"support", "oppose"}
        stance = "mixed" if polar == {"support", "oppose"} or "mixed" in labs else (
            polar.pop() if polar else "neutral")
        out.append({"expert": who, "question": qid, "stance": stance})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model")
    ap.add_argument("--codebook", default=str(ROOT / "seeds" / "codebook.yaml"))
    ap.add_argument("--gold", default=str(ROOT / "seeds" / "gold" / "seed_gold.json"))
    ap.add_argument("--out", default="/tmp/stance-seed")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score_stance.py"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    art_path = Path(args.gold).resolve().parent.parent / gold["article"]
    text = art_path.read_text(encoding="utf-8")
    aid = art_path.stem
    quotes = predict_quotes(gold_quotes(gold, text, aid), load_codebook(args.codebook),
                            StanceModel.load(args.model), {aid: Article(id=aid, text=text)})
    out = Path(args.out)
    write_jsonl(out / "quotes.jsonl", quotes)
    write_jsonl(out / "matrix.jsonl", aggregate(quotes))
    cmd = [sys.executable, args.scorer, "seed", args.gold, "--quotes", str(out / "quotes.jsonl"),
           "--matrix", str(out / "matrix.jsonl")] + (["--json"] if args.json else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
