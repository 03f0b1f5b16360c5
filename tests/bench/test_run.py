"""The benchmark's corpus generator and `annotator bench run` (tiny sizes: a smoke test,
never a timing assertion)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from annotator.bench.run import synthetic_corpus, write_corpus
from annotator.cli import app
from annotator.ingest import iter_articles
from annotator.models import Article
from annotator.quotes import find_quotes

runner = CliRunner()


def test_synthetic_corpus_is_news_like_and_deterministic(tmp_path):
    recs = list(synthetic_corpus(20, seed=1))
    assert recs == list(synthetic_corpus(20, seed=1))
    assert len({r["id"] for r in recs}) == 20
    mean = sum(len(r["text"]) for r in recs) / len(recs)
    assert 4000 <= mean <= 5200
    quotes = find_quotes(Article(id=recs[0]["id"], text=recs[0]["text"]))
    assert {"direct", "indirect"} <= {q.kind for q in quotes}
    assert any(q.speaker_is_expert for q in quotes)
    path = write_corpus(tmp_path / "c.jsonl", 5)
    assert [a.id for a in iter_articles([path])] == [f"bench-{i:06d}" for i in range(5)]


def test_bench_run_prints_figures(tmp_path):
    result = runner.invoke(
        app,
        ["bench", "run", "--articles", "12", "--jobs", "1,2", "--stages", "quotes", "--work", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    rows = [
        ln.split()
        for ln in result.output.splitlines()
        if ln.startswith("quotes ") and "x the speed" not in ln
    ]
    assert [(r[1], r[2]) for r in rows] == [("12", "1"), ("12", "2")]
    assert all(float(r[4]) > 0 and float(r[5]) > 0 for r in rows)  # articles/s, peak RSS MB
    assert "quotes 12: 2 processes" in result.output
    out = (tmp_path / "work-12" / "quotes-12.jsonl").read_text(encoding="utf-8").splitlines()
    assert out and json.loads(out[0])["article_id"] == "bench-000000"


def test_bench_run_with_a_corpus_and_bad_options(tmp_path):
    corpus = write_corpus(tmp_path / "mine.jsonl", 6)
    result = runner.invoke(
        app,
        ["bench", "run", "--articles", "100", "--jobs", "1", "--stages", "quotes", "--corpus", str(corpus)],
    )
    assert result.exit_code == 0, result.output
    assert [ln.split()[1] for ln in result.output.splitlines() if ln.startswith("quotes ")] == ["6"]
    bad = runner.invoke(app, ["bench", "run", "--jobs", "two"])
    assert bad.exit_code == 1 and "Error: --jobs: expected numbers" in bad.output
    bad = runner.invoke(app, ["bench", "run", "--stages", "everything"])
    assert bad.exit_code == 1 and "Error: unknown stage 'everything'" in bad.output
    missing = runner.invoke(app, ["bench", "run", "--corpus", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1 and "no such corpus file" in missing.output
