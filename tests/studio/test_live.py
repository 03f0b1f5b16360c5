"""Against a real Label Studio server (marker `studio`; the server starts once per session,
see conftest.py): push, two annotators label through the API, pull, the matrix follows the
humans; idempotent pushes; a wrong key, a server that is down and a missing project each
give one clear error and write nothing; the API key never shows up in any output."""

from __future__ import annotations

import json
import secrets
import uuid

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.matrix import build_matrix
from annotator.models import ReviewedLabel
from annotator.studio.config import SPEAKER_CHECK, SPEAKER_FIX, SPEAKER_OK, SPEAKER_WRONG, control_name
from annotator.studio.server import free_port
from annotator.studio.sync import find_project
from tests.conftest import SEEDS
from tests.studio.conftest import write_articles, write_quotes

pytestmark = pytest.mark.studio

runner = CliRunner()
CODEBOOK = str(SEEDS / "codebook.yaml")


def choices(labels: dict[str, str]) -> list[dict]:
    return [
        {"from_name": control_name(q), "to_name": "quote", "type": "choices", "value": {"choices": [lab]}}
        for q, lab in labels.items()
    ]


def speaker(check: str, name: str | None = None) -> list[dict]:
    out = [{"from_name": SPEAKER_CHECK, "to_name": "quote", "type": "choices", "value": {"choices": [check]}}]
    if name:
        out.append(
            {"from_name": SPEAKER_FIX, "to_name": "quote", "type": "textarea", "value": {"text": [name]}}
        )
    return out


def model_labels(quote) -> dict[str, str]:
    return {q: p.label for q, p in (quote.stances or {}).items()}


def invoke(args: list[str], token: str | None = None):
    env = {"LABEL_STUDIO_API_KEY": token} if token else {"LABEL_STUDIO_API_KEY": ""}
    result = runner.invoke(app, args, env=env)
    if token:
        assert token not in result.stdout and token not in result.stderr
    return result


def read_reviewed(path) -> list[ReviewedLabel]:
    return [ReviewedLabel.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def pushed(ls_server, studio, tmp_path, quotes, article, project_name):
    """The seed's quotes pushed through the CLI: (project id, {quote id: task id})."""
    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes)
    afile = write_articles(tmp_path / "articles.jsonl", [article])
    result = invoke(
        [
            "studio",
            "push",
            str(qfile),
            "-c",
            CODEBOOK,
            "--url",
            ls_server.url,
            "--project",
            project_name,
            "--articles",
            str(afile),
            "--batch-size",
            "10",
        ],
        ls_server.token,
    )
    assert result.exit_code == 0, result.output
    assert f"'{project_name}' (created): {len(quotes)} new tasks in 3 batches" in result.stdout
    project = find_project(studio, project_name)
    tasks = {data["quote_id"]: tid for tid, data in studio.task_data(project.id)}
    return project.id, tasks


def test_round_trip_two_annotators_and_the_matrix_follows_the_humans(
    ls_server, studio, pushed, tmp_path, quotes, codebook, experts, project_name
):
    _, tasks = pushed
    assert set(tasks) == {q.id for q in quotes}
    stanced = [q for q in quotes if q.stances]
    # X: an expert the model finds opposed somewhere; reviewer B turns every oppose of X's into support
    x = [q for q in stanced if "oppose" in model_labels(q).values()][-1].speaker_id
    # Y: another expert; B disagrees with A (who accepts the model) on Y's first quote, and moves Y's
    # last quote to a third expert Z
    y = next(q.speaker_id for q in stanced if q.speaker_id != x)
    z = next(e for e in experts if e.id not in (x, y))
    y_quotes = [q for q in stanced if q.speaker_id == y]
    disputed_q, moved_q = y_quotes[0], y_quotes[-1]
    disputed_question = next(qid for qid, lab in model_labels(disputed_q).items() if lab == "support")

    a = studio.create_user(f"reviewer-a-{uuid.uuid4().hex[:6]}@example.org", secrets.token_urlsafe(12))
    b = studio.create_user(f"reviewer-b-{uuid.uuid4().hex[:6]}@example.org", secrets.token_urlsafe(12))
    users = studio.users()
    for q in stanced:
        if q.speaker_id != x:  # A agrees with the model and confirms the speaker
            studio.annotate(tasks[q.id], choices(model_labels(q)) + speaker(SPEAKER_OK), user_id=a)
        else:
            flipped = {k: ("support" if v == "oppose" else v) for k, v in model_labels(q).items()}
            studio.annotate(tasks[q.id], choices(flipped), user_id=b)
    studio.annotate(tasks[disputed_q.id], choices({disputed_question: "oppose"}), user_id=b)
    studio.annotate(tasks[moved_q.id], speaker(SPEAKER_WRONG, z.name), user_id=b)
    others = [q for q in quotes if not q.stances]
    studio.annotate(tasks[others[0].id], [], user_id=a, was_cancelled=True)  # skipped
    studio.annotate(tasks[others[1].id], [], user_id=a)  # submitted empty

    out = tmp_path / "reviewed.jsonl"
    result = invoke(
        ["studio", "pull", "--url", ls_server.url, "--project", project_name, "-o", str(out)], ls_server.token
    )
    assert result.exit_code == 0, result.output
    assert ls_server.token not in out.read_text(encoding="utf-8")
    rows = read_reviewed(out)

    by_quote = {q.id: q for q in quotes}
    a_rows = [r for r in rows if r.annotator == users[a]]
    b_rows = [r for r in rows if r.annotator == users[b]]
    assert len(a_rows) == sum(len(q.stances) for q in stanced if q.speaker_id != x)
    assert all(r.label == r.model_label == model_labels(by_quote[r.quote_id])[r.question] for r in a_rows)
    assert all(r.speaker is None and r.created_at and r.model_version == "gold-test" for r in a_rows)
    assert {r.quote_id for r in rows} <= {q.id for q in stanced}  # the skipped and the empty are dropped
    flips = [r for r in b_rows if r.label and r.label != r.model_label]
    assert flips and [(r.model_label, r.label) for r in flips if r.quote_id != disputed_q.id] == [
        ("oppose", "support")
    ] * (len(flips) - 1)
    moved = [r for r in b_rows if r.quote_id == moved_q.id]
    assert [(r.question, r.label, r.speaker) for r in moved] == [("", "", z.name)]
    for r in rows:
        q = by_quote[r.quote_id]
        assert (r.article_id, r.start, r.end) == (q.article_id, q.start, q.end)

    model = {(c.expert_id, c.question): c for c in build_matrix(quotes, codebook, experts)}
    human = {(c.expert_id, c.question): c for c in build_matrix(quotes, codebook, experts, reviewed=rows)}
    changed = [key for key in model if key[0] == x and model[key].stance == "oppose"]
    assert changed
    for key in changed:
        assert human[key].stance == "support" and human[key].reviewed
    assert human[(y, disputed_question)].disputed and not model[(y, disputed_question)].disputed
    assert any(e.quote_id == moved_q.id for (eid, _), c in human.items() if eid == z.id for e in c.evidence)
    assert not any(e.quote_id == moved_q.id for (eid, _), c in human.items() if eid == y for e in c.evidence)
    assert any(e.quote_id == moved_q.id for (eid, _), c in model.items() if eid == y for e in c.evidence)


def test_push_twice_creates_nothing_twice_and_adds_new_quotes(
    ls_server, studio, tmp_path, quotes, project_name
):
    first = write_quotes(tmp_path / "first.jsonl", quotes[: len(quotes) // 2])
    everything = write_quotes(tmp_path / "all.jsonl", quotes)
    args = ["-c", CODEBOOK, "--url", ls_server.url, "--project", project_name]
    r1 = invoke(["studio", "push", str(first), *args], ls_server.token)
    r2 = invoke(["studio", "push", str(everything), *args], ls_server.token)
    r3 = invoke(["studio", "push", str(everything), *args], ls_server.token)
    assert (r1.exit_code, r2.exit_code, r3.exit_code) == (0, 0, 0), r1.output + r2.output + r3.output
    assert "(created)" in r1.stdout and "(reused)" in r2.stdout
    assert (
        f"{len(quotes) - len(quotes) // 2} new tasks" in r2.stdout
        and f"{len(quotes) // 2} already" in r2.stdout
    )
    assert f"0 new tasks in 0 batches, {len(quotes)} already there" in r3.stdout
    project = find_project(studio, project_name)
    data = [d for _, d in studio.task_data(project.id)]
    assert len(data) == len(quotes)
    assert len({d["task_hash"] for d in data}) == len({d["quote_id"] for d in data}) == len(quotes)
    assert len(studio.projects_titled(project_name)) == 1


def test_tasks_come_most_uncertain_first(ls_server, studio, tmp_path, quotes, project_name):
    varied = []
    for n, q in enumerate(quotes):
        if q.stances:
            conf = round(0.2 + ((n * 37) % 70) / 100, 2)
            q = q.model_copy(
                update={
                    "stances": {k: v.model_copy(update={"confidence": conf}) for k, v in q.stances.items()}
                }
            )
        varied.append(q)
    qfile = write_quotes(tmp_path / "quotes.jsonl", varied)
    result = invoke(
        [
            "studio",
            "push",
            str(qfile),
            "-c",
            CODEBOOK,
            "--url",
            ls_server.url,
            "--project",
            project_name,
            "--batch-size",
            "7",
        ],
        ls_server.token,
    )
    assert result.exit_code == 0, result.output
    certainty = {q.id: (min(p.confidence for p in q.stances.values()) if q.stances else -1.0) for q in varied}
    assert len(set(certainty.values())) > 5
    in_task_order = [
        d["quote_id"] for _, d in sorted(studio.task_data(find_project(studio, project_name).id))
    ]
    assert [certainty[q] for q in in_task_order] == sorted(certainty.values())


def test_wrong_api_key_one_error_nothing_written(ls_server, studio, tmp_path, quotes, project_name):
    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes[:3])
    wrong = secrets.token_hex(20)
    result = invoke(["studio", "push", str(qfile), "--url", ls_server.url, "--project", project_name], wrong)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("Error: ") and "refused the API key (401)" in result.stderr
    assert "LABEL_STUDIO_API_KEY" in result.stderr
    assert studio.projects_titled(project_name) == []
    out = tmp_path / "reviewed.jsonl"
    result = invoke(
        [
            "studio",
            "pull",
            "--url",
            ls_server.url,
            "--project",
            project_name,
            "-o",
            str(out),
            "--api-key",
            wrong,
        ]
    )
    assert result.exit_code == 1 and "refused the API key" in result.stderr and wrong not in result.output
    assert not out.exists()


def test_server_down_one_error_nothing_written(tmp_path, quotes):
    url = f"http://127.0.0.1:{free_port()}"
    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes[:3])
    key = secrets.token_hex(20)
    result = invoke(["studio", "push", str(qfile), "--url", url], key)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot reach Label Studio at {url} (connection refused); check --url and that "
        "the server is running\n"
    )
    out = tmp_path / "reviewed.jsonl"
    result = invoke(["studio", "pull", "--url", url, "--project", "x", "-o", str(out)], key)
    assert result.exit_code == 1 and "cannot reach Label Studio" in result.stderr
    assert not out.exists()


def test_missing_project_is_a_clear_error(ls_server, tmp_path):
    out = tmp_path / "reviewed.jsonl"
    for ref, message in (
        ("987654", "not found"),
        (f"no-such-{uuid.uuid4().hex[:6]}", "no Label Studio project"),
    ):
        result = invoke(
            ["studio", "pull", "--url", ls_server.url, "--project", ref, "-o", str(out)], ls_server.token
        )
        assert result.exit_code == 1 and message in result.stderr and "--project" in result.stderr
        assert not out.exists()


def test_results_outside_the_codebook_are_reported_exit_3(
    ls_server, studio, pushed, tmp_path, quotes, codebook
):
    project_id, tasks = pushed
    q = next(q for q in quotes if q.stances)
    first, second = codebook.questions[0].id, codebook.questions[1].id
    bad = choices({first: "perhaps", second: "oppose"})
    bad.append(
        {
            "from_name": "stance_not_a_question",
            "to_name": "quote",
            "type": "choices",
            "value": {"choices": ["support"]},
        }
    )
    studio.annotate(tasks[q.id], bad)  # the server stores it without complaint
    out = tmp_path / "reviewed.jsonl"
    result = invoke(
        [
            "studio",
            "pull",
            "--url",
            ls_server.url,
            "--project",
            str(project_id),
            "-c",
            CODEBOOK,
            "-o",
            str(out),
        ],
        ls_server.token,
    )
    assert result.exit_code == 3, result.output
    assert "'perhaps' is not one of" in result.stderr and "unknown question 'not_a_question'" in result.stderr
    rows = read_reviewed(out)
    assert [(r.question, r.label) for r in rows] == [(second, "oppose")]


def test_offline_files_round_trip_through_a_real_server(
    ls_server, studio, tmp_path, quotes, codebook, project_name
):
    """push --to-file writes what Label Studio imports; pull --from-export reads its JSON export."""
    from annotator.studio.config import build_config

    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes)
    tasks_file = tmp_path / "tasks.json"
    result = invoke(["studio", "push", str(qfile), "-c", CODEBOOK, "--to-file", str(tasks_file)])
    assert result.exit_code == 0, result.output
    project = studio.create_project(project_name, build_config(codebook), "gold-test")
    ids = studio.import_tasks(project.id, json.loads(tasks_file.read_text(encoding="utf-8")))
    assert len(ids) == len(quotes)
    q = next(q for q in quotes if q.stances)
    task_id = next(tid for tid, d in studio.task_data(project.id) if d["quote_id"] == q.id)
    studio.annotate(task_id, choices({codebook.questions[0].id: "mixed"}))
    export = tmp_path / "export.json"
    export.write_text(json.dumps(studio.export_tasks(project.id)), encoding="utf-8")
    out = tmp_path / "reviewed.jsonl"
    result = invoke(["studio", "pull", "--from-export", str(export), "-c", CODEBOOK, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_reviewed(out)
    assert [(r.quote_id, r.question, r.label, r.model_label) for r in rows] == [
        (q.id, codebook.questions[0].id, "mixed", q.stances[codebook.questions[0].id].label)
    ]


def test_api_key_not_in_help(ls_server):
    for command in (["studio", "push", "--help"], ["studio", "pull", "--help"]):
        result = invoke(command, ls_server.token)
        assert result.exit_code == 0


def test_bench_studio_runs_the_round_trip(ls_server):
    """The benchmark's steps do what they say (the figures themselves are not asserted)."""
    from annotator.bench.studio import QUESTIONS, bench_studio

    bench = bench_studio(30, url=ls_server.url, api_key=ls_server.token, batch_size=8, annotate=2)
    assert bench.counts == {"imported": 30, "imported_again": 0, "annotations": 2, "labels": 30 * QUESTIONS}
    lines = bench.lines()
    assert any("push again (0 new)" in line for line in lines) and ls_server.token not in "\n".join(lines)


def test_blind_push_carries_no_proposal_and_pulls_blind_labels(
    ls_server, studio, tmp_path, quotes, project_name
):
    """--no-predictions: no prediction on the server and nothing of the model's in the task
    data; what reviewers label comes back marked blind, with no model label."""
    from label_studio_sdk import LabelStudio

    qfile = write_quotes(tmp_path / "quotes.jsonl", quotes)
    result = invoke(
        [
            "studio",
            "push",
            str(qfile),
            "-c",
            CODEBOOK,
            "--url",
            ls_server.url,
            "--project",
            project_name,
            "--no-predictions",
        ],
        ls_server.token,
    )
    assert result.exit_code == 0, result.output
    assert "blind review" in result.stdout
    project = find_project(studio, project_name)
    client = LabelStudio(base_url=ls_server.url, api_key=ls_server.token)
    tasks = dict(studio.task_data(project.id))
    assert len(tasks) == len(quotes)
    for tid, data in tasks.items():
        assert data["blind"] is True
        assert not {"model_labels", "model_version", "certainty"} & set(data)
        assert list(client.predictions.list(task=tid)) == []
    # the same quotes pushed with proposals to another project do carry them (the contrast)
    seen = f"{project_name}-seen"
    result = invoke(
        ["studio", "push", str(qfile), "-c", CODEBOOK, "--url", ls_server.url, "--project", seen],
        ls_server.token,
    )
    assert result.exit_code == 0, result.output
    seen_tasks = dict(studio.task_data(find_project(studio, seen).id))
    stanced = next(tid for tid, d in seen_tasks.items() if d.get("model_labels"))
    assert list(client.predictions.list(task=stanced))

    by_id = {data["quote_id"]: tid for tid, data in tasks.items()}
    q = next(q for q in quotes if q.stances)
    question = next(iter(q.stances))
    studio.annotate(by_id[q.id], choices({question: "neutral"}))
    out = tmp_path / "blind.jsonl"
    result = invoke(
        ["studio", "pull", "--url", ls_server.url, "--project", project_name, "-o", str(out)], ls_server.token
    )
    assert result.exit_code == 0, result.output
    [row] = read_reviewed(out)
    assert row.blind and row.model_label is None and row.label == "neutral" and row.question == question
