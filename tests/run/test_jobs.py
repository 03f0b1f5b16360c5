"""`--jobs N` gives the same bytes as one process, through the real commands."""

from __future__ import annotations

from typer.testing import CliRunner

from annotator.cli import app
from annotator.paths import SEED_CODEBOOK, seed_articles

runner = CliRunner()

ARTICLES = [
    {
        "id": f"a{i}",
        "text": f"Dr. Ana Ruiz{i}, an economist at the Central Institute, said the plan would fail. "
        f"\u201cIt is a mistake to rush this,\u201d Ruiz{i} said. \u201cWe need more time.\u201d\n"
        f"Officials argued that the scheme was sound. Minister Leo Park said: \u201cWe will go ahead.\u201d",
    }
    for i in range(12)
]


def _corpus(tmp_path):
    import json

    p = tmp_path / "corpus.jsonl"
    p.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return p


def test_quotes_jobs_2_equals_jobs_1(tmp_path):
    corpus = _corpus(tmp_path)
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"q{jobs}.jsonl"
        r = runner.invoke(
            app,
            ["quotes", str(corpus), *map(str, seed_articles()), "-o", str(out), "-q", "--jobs", str(jobs)],
        )
        assert r.exit_code == 0, r.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].count(b"\n") >= 12 * 3


def test_run_jobs_2_equals_jobs_1_and_rerun_is_identical(tmp_path):
    corpus = _corpus(tmp_path)
    folders = []
    for name, jobs in (("one", 1), ("two", 2), ("two", 2)):
        out = tmp_path / name
        r = runner.invoke(
            app,
            [
                "run",
                str(corpus),
                "--codebook",
                str(SEED_CODEBOOK),
                "--out",
                str(out),
                "-q",
                "--jobs",
                str(jobs),
            ],
        )
        assert r.exit_code == 0, r.output
        folders.append({p.name: p.read_bytes() for p in out.iterdir() if p.is_file()})
    assert folders[0] == folders[1] == folders[2]
    assert {"quotes.jsonl", "matrix.jsonl", "matrix.html"} <= set(folders[0])


def test_run_jobs_1_equals_jobs_2_on_news_like_articles(tmp_path):
    """People recur across these articles (surnames first named in full elsewhere, one
    person with several roles): each article must start from the registry as loaded on
    one process as on two, whatever the run has learnt from earlier articles."""
    from annotator.bench.run import write_corpus

    corpus = write_corpus(tmp_path / "corpus.jsonl", 20)
    files = []
    for jobs in (1, 2):
        out = tmp_path / f"run{jobs}"
        r = runner.invoke(
            app,
            [
                "run",
                str(corpus),
                "--codebook",
                str(SEED_CODEBOOK),
                "--out",
                str(out),
                "-q",
                "--jobs",
                str(jobs),
            ],
        )
        assert r.exit_code == 0, r.output
        files.append({n: (out / n).read_bytes() for n in ("quotes.jsonl", "matrix.jsonl", "experts.jsonl")})
    assert files[0] == files[1]
    assert files[0]["quotes.jsonl"].count(b"\n") > 100
