"""`annotator quotes` and `annotator bench quotes` through typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from tests.conftest import SEEDS

SEED = SEEDS / "000_add76b67e3208ad5.txt"
GOOD = "“Rents are far too high for young families,” said Dr. Ann Kim, a lecturer at Harbor College."


@pytest.fixture
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        return CliRunner()


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_quotes_to_a_file(runner, tmp_path):
    out = tmp_path / "quotes.jsonl"
    result = runner.invoke(
        app, ["quotes", str(SEED), "-o", str(out), "--experts", str(SEEDS / "experts.yaml")]
    )
    assert result.exit_code == 0, result.output
    quotes = _lines(out.read_text(encoding="utf-8"))
    assert len(quotes) >= 25
    for field in (
        "article_id",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_id",
        "cue",
        "attribution",
        "confidence",
        "context",
        "speaker_is_expert",
    ):
        assert field in quotes[0]
    text = SEED.read_text(encoding="utf-8")
    assert all(text[q["start"] : q["end"]] == q["text"] for q in quotes)
    assert "Wrote" in result.stderr


def test_quotes_to_stdout(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    (q,) = _lines(result.stdout)
    assert (q["article_id"], q["speaker"], q["speaker_id"], q["kind"]) == (
        "a",
        "Ann Kim",
        "ann-kim",
        "direct",
    )


def test_folders_md_html_and_jsonl(runner, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.md").write_text("# Title\n\n" + GOOD, encoding="utf-8")
    (d / "two.html").write_text(f"<html><body><p>{GOOD}</p></body></html>", encoding="utf-8")
    (d / "three.jsonl").write_text(json.dumps({"id": "x3", "text": GOOD}) + "\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["quotes", str(d), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(q["article_id"] for q in _lines(out.read_text(encoding="utf-8"))) == ["one", "two", "x3"]


def test_bad_inputs_are_reported_and_skipped(runner, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    (tmp_path / "corpus.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "text": GOOD}),
                "{not json",
                json.dumps({"text": GOOD}),
                json.dumps({"id": "j4"}),
                json.dumps({"id": "j5", "text": GOOD}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "q.jsonl"
    args = [
        "quotes",
        *(str(tmp_path / n) for n in ("good.txt", "empty.txt", "binary.txt", "corpus.jsonl")),
        str(tmp_path / "missing.txt"),
        "-o",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    err = result.stderr
    assert "Traceback" not in err
    assert "empty.txt" in err and "binary" in err and "missing.txt" in err
    assert "corpus.jsonl:2" in err and "corpus.jsonl:3" in err and "corpus.jsonl:4" in err
    assert sorted(q["article_id"] for q in _lines(out.read_text(encoding="utf-8"))) == ["good", "j1", "j5"]


def test_non_utf8_text_is_decoded_with_a_warning(runner, tmp_path):
    (tmp_path / "latin.txt").write_bytes(
        "“Rents in Montréal are far too high this year,” said Ann Kim.".encode("cp1252")
    )
    result = runner.invoke(app, ["quotes", str(tmp_path / "latin.txt")])
    assert result.exit_code == 0, result.output
    assert "not UTF-8" in result.stderr
    (q,) = _lines(result.stdout)
    assert "Montréal" in q["text"] and q["speaker"] == "Ann Kim"


def test_missing_registry_is_one_error_line(runner, tmp_path):
    result = runner.invoke(app, ["quotes", str(SEED), "--experts", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error:") and "nope.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_has_an_example(runner):
    result = runner.invoke(app, ["quotes", "--help"])
    assert result.exit_code == 0
    assert "annotator quotes" in result.stdout and "Example" in result.stdout


def test_bench_quotes_prints_figures(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["bench", "quotes", str(tmp_path / "a.txt"), "-n", "20"])
    assert result.exit_code == 0, result.output
    assert "articles/s" in result.stdout and "peak RSS MB" in result.stdout
    assert "articles            20" in result.stdout
