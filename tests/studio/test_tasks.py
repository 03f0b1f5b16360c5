"""Tasks and predictions built from quotes, and the offline import file (no server needed)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.io import Reporter
from annotator.models import Article, Quote, StancePrediction
from annotator.studio.adapter import prediction_errors
from annotator.studio.config import build_config, control_name
from annotator.studio.tasks import article_html, build_task, build_tasks, task_hash
from tests.conftest import SEEDS
from tests.studio.conftest import write_articles, write_quotes

runner = CliRunner()


def _quote(n: int, conf: dict[str, float] | None = None, label: str = "support", **kw) -> Quote:
    stances = None
    if conf is not None:
        stances = {
            q: StancePrediction(label=label, confidence=c, model_version="m-1") for q, c in conf.items()
        }
    return Quote(
        id=f"q{n}",
        article_id="a1",
        start=10 * n,
        end=10 * n + 5,
        text=f"words {n}",
        kind="direct",
        speaker="Ann Example",
        role="professor",
        organisation="A University",
        stances=stances,
        **kw,
    )


def test_task_hash_is_stable_and_follows_the_codebook(codebook):
    assert task_hash("q1", codebook) == task_hash("q1", codebook)
    assert task_hash("q1", codebook) != task_hash("q2", codebook)
    changed = codebook.model_copy(update={"labels": [*codebook.labels, "unclear"]})
    assert task_hash("q1", changed) != task_hash("q1", codebook)


def test_most_uncertain_first_and_no_stances_first(codebook):
    qid = codebook.questions[0].id
    quotes = [_quote(1, {qid: 0.9}), _quote(2, {qid: 0.3}), _quote(3), _quote(4, {qid: 0.6})]
    tasks = build_tasks(quotes, codebook)
    assert [t["data"]["quote_id"] for t in tasks] == ["q3", "q2", "q4", "q1"]
    assert tasks[1]["predictions"][0]["score"] == 0.3
    assert "predictions" not in tasks[0]


def test_prediction_covers_the_questions_in_codebook_order_and_is_valid(codebook, quotes):
    xml = build_config(codebook)
    for task in build_tasks(quotes, codebook, config=xml):
        for pred in task.get("predictions", []):
            assert prediction_errors(xml, pred) == []
            assert pred["model_version"] == "gold-test"
            assert [r["from_name"] for r in pred["result"]] == [
                control_name(q.id) for q in codebook.questions
            ]
            assert 0 <= pred["score"] <= 1


def test_task_data_has_what_pull_and_the_config_need(codebook, quotes, article):
    task = build_task(quotes[0], codebook, article)
    data = task["data"]
    for key in (
        "quote_id",
        "article_id",
        "start",
        "end",
        "text",
        "context",
        "speaker",
        "speaker_line",
        "article_html",
        "task_hash",
        "codebook_digest",
        "model_labels",
    ):
        assert key in data
    assert data["context"]  # falls back to the quote text when the quote has no context
    assert quotes[0].speaker in data["speaker_line"]
    assert article.url in data["article_html"]


@pytest.mark.parametrize(
    "url, title, linked",
    [
        ("https://example.org/a?x=1&y=2", "A & B <i>", True),
        ("javascript:alert(1)", "Evil", False),
        (None, None, False),
    ],
)
def test_article_link_is_escaped_and_only_http(url, title, linked):
    got = article_html("art-1", Article(id="art-1", text="t", url=url, title=title))
    assert ("<a href=" in got) == linked
    assert "javascript" not in got and "<i>" not in got
    if title:
        assert "A &amp; B &lt;i&gt;" in got or "Evil" in got
    else:
        assert "art-1" in got


def test_quotes_that_do_not_fit_the_codebook_are_reported_and_left_out(codebook):
    q = codebook.questions[0].id
    quotes = [
        _quote(1, {q: 0.5}),
        _quote(2, {"no_such_question": 0.5}),
        _quote(3, {q: 0.5}, label="maybe"),
        _quote(1, {q: 0.5}),
    ]
    reporter = Reporter(quiet=True)
    tasks = build_tasks(quotes, codebook, reporter=reporter)
    assert [t["data"]["quote_id"] for t in tasks] == ["q1"]
    assert len(reporter.skipped) == 2
    assert "no_such_question" in reporter.skipped[0] and "'maybe'" in reporter.skipped[1]


def test_push_to_file_writes_an_import_file(tmp_path, codebook, quotes, article):
    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes)
    afile = write_articles(tmp_path / "articles.jsonl", [article])
    out = tmp_path / "tasks.json"
    result = runner.invoke(
        app,
        [
            "studio",
            "push",
            str(qfile),
            "-c",
            str(SEEDS / "codebook.yaml"),
            "--articles",
            str(afile),
            "--to-file",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert len(tasks) == len(quotes)
    assert {t["data"]["quote_id"] for t in tasks} == {q.id for q in quotes}
    assert all(article.url in t["data"]["article_html"] for t in tasks)
    assert f"Wrote {len(quotes)} tasks" in result.stdout


def test_push_to_file_reports_unfit_quotes_and_exits_3(tmp_path, codebook):
    q = codebook.questions[0].id
    qfile = write_quotes(tmp_path / "quotes.jsonl", [_quote(1, {q: 0.5}), _quote(2, {q: 0.5}, label="maybe")])
    out = tmp_path / "tasks.json"
    result = runner.invoke(app, ["studio", "push", str(qfile), "--to-file", str(out)])
    assert result.exit_code == 3
    assert "q2" in result.stderr and "'maybe'" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 1


def test_push_needs_url_and_key(tmp_path, quotes, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes[:2])
    result = runner.invoke(app, ["studio", "push", str(qfile)])
    assert result.exit_code == 1 and "--url" in result.stderr
    result = runner.invoke(app, ["studio", "push", str(qfile), "--url", "http://127.0.0.1:9"])
    assert result.exit_code == 1 and "LABEL_STUDIO_API_KEY" in result.stderr


def test_nothing_to_push_is_an_error_and_writes_nothing(tmp_path, codebook):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "tasks.json"
    result = runner.invoke(app, ["studio", "push", str(empty), "--to-file", str(out)])
    assert result.exit_code == 1 and "nothing to push: no quotes" in result.stderr
    unfit = write_quotes(tmp_path / "unfit.jsonl", [_quote(1, {"no_such_question": 0.5})])
    result = runner.invoke(app, ["studio", "push", str(unfit), "--to-file", str(out)])
    assert result.exit_code == 1 and "all 1 quotes were skipped" in result.stderr
    assert not out.exists()
