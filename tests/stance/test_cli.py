"""`annotator stance` (pairs and quotes) and `annotator train` through typer's CliRunner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from annotator.cli import app
from annotator.models import Quote, quote_id

runner = CliRunner()

PAIRS = [
    {
        "id": "a",
        "question": "Should the council build a new tram line?",
        "text": "A tram line would be a great benefit: it cuts traffic and helps commuters get to work.",
    },
    {
        "id": "b",
        "question": "Should the council ban fireworks in the old town?",
        "text": "Fireworks are dangerous, scare animals and leave the streets full of litter.",
    },
    {
        "id": "c",
        "question": "Should the council build a new tram line?",
        "text": " ".join(
            ["The choir sang three hymns and a folk song at the harvest festival on Sunday."] * 4
        ),
    },
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_pairs(tmp_path):
    src = write_jsonl(tmp_path / "pairs.jsonl", PAIRS)
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["stance", "--pairs", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert all(set(r) == {"id", "stance", "confidence"} and 0 <= r["confidence"] <= 1 for r in rows)
    got = {r["id"]: r["stance"] for r in rows}
    assert got == {"a": "support", "b": "support", "c": "neutral"}


def test_pairs_bad_line_is_skipped_with_exit_3(tmp_path):
    src = tmp_path / "pairs.jsonl"
    src.write_text(
        json.dumps(PAIRS[0])
        + "\n{not json\n"
        + json.dumps({"id": "x", "text": "no question"})
        + "\n"
        + json.dumps({"id": "y", "question": "  ", "text": "an empty question"})
        + "\n"
    )
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["stance", "--pairs", str(src), "-o", str(out)])
    assert result.exit_code == 3
    assert "not valid JSON" in result.output and 'needs "id", "question" and "text"' in result.output
    assert [r["id"] for r in read_jsonl(out)] == ["a"]


def test_missing_model_is_one_error_line(tmp_path):
    src = write_jsonl(tmp_path / "pairs.jsonl", PAIRS)
    result = runner.invoke(
        app,
        [
            "stance",
            "--pairs",
            str(src),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--model",
            str(tmp_path / "none.npz"),
        ],
    )
    assert result.exit_code == 1
    assert "Error:" in result.output and "no such model file" in result.output
    assert "Traceback" not in result.output


def test_quotes_need_a_codebook(tmp_path):
    src = write_jsonl(tmp_path / "q.jsonl", [])
    result = runner.invoke(app, ["stance", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1 and "needs --codebook" in result.output


TRAM_CODEBOOK = """
title: A city's transport plans
questions:
  - id: build_tram
    text: Should the city build the tram line?
    short: Build the tram
  - id: raise_fares
    text: Should bus and tram fares rise?
  - id: close_airport
    text: Should the regional airport close?
"""


def test_quotes_get_stances_for_every_question(tmp_path):
    book = tmp_path / "codebook.yaml"
    book.write_text(TRAM_CODEBOOK, encoding="utf-8")
    text = "Officials met on Monday. \u201cWe must build the tram line now,\u201d said Ann Example."
    start = text.index("\u201c")
    end = text.index("\u201d") + 1
    q = Quote(
        id=quote_id("art", start, end),
        article_id="art",
        start=start,
        end=end,
        text=text[start:end],
        kind="direct",
        speaker="Ann Example",
    )
    src = write_jsonl(tmp_path / "q.jsonl", [json.loads(q.model_dump_json())])
    art = tmp_path / "art.txt"
    art.write_text(text, encoding="utf-8")
    out = tmp_path / "labelled.jsonl"
    result = runner.invoke(
        app,
        [
            "stance",
            str(src),
            "--codebook",
            str(book),
            "-o",
            str(out),
            "--articles",
            str(art),
        ],
    )
    assert result.exit_code == 0, result.output
    (row,) = read_jsonl(out)
    assert len(row["stances"]) == 3
    for v in row["stances"].values():
        assert (
            v["source"] == "model" and v["model_version"].startswith("neural-") and 0 <= v["confidence"] <= 1
        )
    assert row["stances"]["build_tram"]["label"] == "support"
    assert row["stances"]["build_tram"]["terms"]  # why: the question's words it mentions
    assert row["stances"]["close_airport"]["label"] == "not_addressed"
    # the fast engine, by name
    result = runner.invoke(
        app,
        [
            "stance",
            str(src),
            "--codebook",
            str(book),
            "-o",
            str(out),
            "--articles",
            str(art),
            "--engine",
            "fast",
        ],
    )
    assert result.exit_code == 0, result.output
    (row,) = read_jsonl(out)
    assert all(v["model_version"].startswith("stance-") for v in row["stances"].values())
    assert row["stances"]["build_tram"]["label"] == "support"


def test_train_from_pairs_writes_a_model_stance_accepts(tmp_path):
    from tests.stance.test_model import toy_data

    X, y = toy_data()
    pairs = write_jsonl(
        tmp_path / "train.jsonl", [{"question": q, "text": t, "stance": s} for (q, t), s in zip(X, y)]
    )
    model = tmp_path / "m.npz"
    result = runner.invoke(app, ["train", "--pairs", str(pairs), "-o", str(model), "--no-cv"])
    assert result.exit_code == 0, result.output
    assert "data sha256" in result.output and "version stance-" in result.output
    src = write_jsonl(tmp_path / "pairs.jsonl", PAIRS[:2])
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["stance", "--pairs", str(src), "-o", str(out), "--model", str(model)])
    assert result.exit_code == 0, result.output
    assert len(read_jsonl(out)) == 2


def test_train_reviewed_needs_codebook(tmp_path):
    rev = write_jsonl(tmp_path / "rev.jsonl", [])
    result = runner.invoke(app, ["train", str(rev), "-o", str(tmp_path / "m.npz")])
    assert result.exit_code == 1 and "needs --codebook" in result.output


def test_train_from_reviewed_labels_on_top_of_base_pairs(tmp_path):
    from tests.stance.test_model import BAD, GOOD, toy_data

    X, y = toy_data()
    pairs = write_jsonl(
        tmp_path / "train.jsonl", [{"question": q, "text": t, "stance": s} for (q, t), s in zip(X, y)]
    )
    cb = tmp_path / "cb.yaml"
    cb.write_text(
        "questions:\n  - id: trams\n    text: Should the city build trams?\n    target: trams\n",
        encoding="utf-8",
    )
    labels = []
    for n, (text, lab) in enumerate(
        [(f"Trams: {g}.", "support") for g in GOOD] + [(f"Trams: {b}.", "oppose") for b in BAD]
    ):
        labels.append(
            {
                "quote_id": f"q{n}",
                "article_id": "a",
                "start": n,
                "end": n + 1,
                "question": "trams",
                "label": lab,
                "annotator": "ann",
                "text": text,
            }
        )
    labels.append(
        {
            "quote_id": "qx",
            "article_id": "a",
            "start": 0,
            "end": 1,
            "question": "unknown",
            "label": "support",
            "annotator": "ann",
            "text": "x",
        }
    )
    rev = write_jsonl(tmp_path / "reviewed.jsonl", labels)
    model = tmp_path / "m.npz"
    result = runner.invoke(
        app, ["train", str(rev), "--codebook", str(cb), "--pairs", str(pairs), "-o", str(model)]
    )
    assert result.exit_code == 3, result.output  # the label of an unknown question was skipped
    assert "question not in the codebook" in result.output
    assert "(before)" in result.output and "(after)" in result.output and "10 reviewed" in result.output
    from annotator.stance import StanceModel

    m = StanceModel.load(model)
    assert m.metadata_["reviewed_rows"] == 10 and m.metadata_["codebook_sha"]


def test_fine_tuning_options_are_for_the_neural_engine(tmp_path):
    pairs = write_jsonl(tmp_path / "p.jsonl", [{"question": "Q?", "text": "T.", "stance": "support"}])
    res = runner.invoke(app, ["train", "--pairs", str(pairs), "--epochs", "2", "-o", str(tmp_path / "m.npz")])
    assert res.exit_code == 1 and "for fine-tuning the neural engine" in res.output
    res = runner.invoke(
        app, ["train", "--pairs", str(pairs), "--augment", "{oops", "-o", str(tmp_path / "m.zip")]
    )
    assert res.exit_code == 1 and "--augment: not JSON" in res.output
    assert not (tmp_path / "m.npz").exists() and not (tmp_path / "m.zip").exists()
