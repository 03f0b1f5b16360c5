"""Reviewed labels from Label Studio's JSON export, and `pull --from-export` (no server needed).

The export records follow what a real Label Studio 1.23 returned (see test_live.py for the
round trip against a real server)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.io import Reporter
from annotator.models import ReviewedLabel
from annotator.studio.config import (
    SPEAKER_CHECK,
    SPEAKER_FIX,
    SPEAKER_OK,
    SPEAKER_WRONG,
    control_name,
    questions_of_codebook,
)
from annotator.studio.reviewed import reviewed_labels, speaker_correction
from annotator.studio.tasks import build_task
from tests.conftest import SEEDS

runner = CliRunner()


def choice(question: str, label: str) -> dict:
    return {
        "from_name": control_name(question),
        "to_name": "quote",
        "type": "choices",
        "value": {"choices": [label]},
    }


def ann(result: list[dict], user=2, n=1, cancelled=False, prediction: dict | None = None) -> dict:
    return {
        "id": n,
        "completed_by": user,
        "result": result,
        "was_cancelled": cancelled,
        "ground_truth": False,
        "created_at": f"2025-03-0{n}T10:00:00Z",
        "updated_at": f"2025-03-0{n}T10:00:00Z",
        "lead_time": 2.0,
        "prediction": prediction or {},
        "task": 7,
        "project": 1,
    }


@pytest.fixture
def task(codebook, quotes):
    q = next(q for q in quotes if q.stances)
    t = build_task(q, codebook)
    return {"id": 7, "data": t["data"], "annotations": [], "predictions": [1]}


@pytest.fixture
def q1(codebook):
    return codebook.questions[0].id


def _pull(tasks, codebook, users=None):
    reporter = Reporter(quiet=True)
    return reviewed_labels(
        tasks, questions_of_codebook(codebook), users or {2: "ann@example.org"}, reporter
    ), reporter


def test_one_label_per_choice_with_who_when_and_the_model_label(task, codebook, q1):
    q2 = codebook.questions[1].id
    pred = {"model_version": "v9", "result": [choice(q1, "oppose"), choice(q2, "neutral")]}
    task["annotations"] = [ann([choice(q1, "support"), choice(q2, "neutral")], prediction=pred)]
    labels, rep = _pull([task], codebook)
    assert not rep.skipped
    assert [(lab.question, lab.label, lab.model_label) for lab in labels] == [
        (q1, "support", "oppose"),
        (q2, "neutral", "neutral"),
    ]
    lab = labels[0]
    assert lab.annotator == "ann@example.org" and lab.created_at == "2025-03-01T10:00:00Z"
    assert (lab.quote_id, lab.article_id, lab.start, lab.end) == (
        task["data"]["quote_id"],
        task["data"]["article_id"],
        task["data"]["start"],
        task["data"]["end"],
    )
    assert lab.model_version == "v9" and lab.task_id == 7 and lab.speaker is None


def test_model_label_falls_back_to_the_task_data(task, codebook, q1):
    task["annotations"] = [ann([choice(q1, "mixed")])]
    labels, _ = _pull([task], codebook)
    assert labels[0].model_label == task["data"]["model_labels"][q1]


@pytest.mark.parametrize(
    "annotation",
    [
        ann([], cancelled=True),  # skipped in the UI
        ann([]),  # submitted with nothing chosen
        ann([choice("ignored", "support")], cancelled=True),  # cancelled with a result
    ],
)
def test_cancelled_skipped_and_empty_are_dropped(task, codebook, annotation):
    task["annotations"] = [annotation]
    labels, rep = _pull([task], codebook)
    assert labels == [] and rep.skipped == []


@pytest.mark.parametrize(
    "result, problem",
    [
        (
            [
                {
                    "from_name": "stance_no_such",
                    "to_name": "quote",
                    "type": "choices",
                    "value": {"choices": ["support"]},
                }
            ],
            "unknown question 'no_such'",
        ),
        ("BAD_LABEL", "'perhaps' is not one of"),
        (
            [
                {
                    "from_name": "sentiment",
                    "to_name": "quote",
                    "type": "choices",
                    "value": {"choices": ["pos"]},
                }
            ],
            "'sentiment'",
        ),
        ("TWO_LABELS", "2 labels"),
    ],
)
def test_results_outside_the_codebook_are_reported_not_passed_on(task, codebook, q1, result, problem):
    if result == "BAD_LABEL":
        result = [choice(q1, "perhaps")]
    elif result == "TWO_LABELS":
        result = [{**choice(q1, "support"), "value": {"choices": ["support", "oppose"]}}]
    good = choice(codebook.questions[1].id, "oppose")
    task["annotations"] = [ann([*result, good])]
    labels, rep = _pull([task], codebook)
    assert [(lab.question, lab.label) for lab in labels] == [(codebook.questions[1].id, "oppose")]
    assert len(rep.skipped) == 1 and problem in rep.skipped[0]
    assert "task 7" in rep.skipped[0] and "ann@example.org" in rep.skipped[0]


@pytest.mark.parametrize(
    "check, texts, current, expected",
    [
        ([], [], "Ann Example", None),
        ([SPEAKER_OK], [], "Ann Example", None),
        ([SPEAKER_WRONG], ["Bo Other"], "Ann Example", "Bo Other"),
        ([], ["Bo Other"], "Ann Example", "Bo Other"),
        ([SPEAKER_WRONG], [], "Ann Example", "unknown"),
        ([SPEAKER_OK], ["Ann Example"], "Ann Example", None),
        ([], ["Ann Example"], None, "Ann Example"),
    ],
)
def test_speaker_correction(check, texts, current, expected):
    assert speaker_correction(check, texts, current) == expected


def test_speaker_correction_is_kept_on_every_label_and_alone(task, codebook, q1):
    fix = [
        {
            "from_name": SPEAKER_CHECK,
            "to_name": "quote",
            "type": "choices",
            "value": {"choices": [SPEAKER_WRONG]},
        },
        {
            "from_name": SPEAKER_FIX,
            "to_name": "quote",
            "type": "textarea",
            "value": {"text": ["  Bo Other "]},
        },
    ]
    task["annotations"] = [ann([*fix, choice(q1, "support")], n=1), ann(fix, user=3, n=2)]
    labels, rep = _pull([task], codebook, {2: "a@x.org", 3: "b@x.org"})
    assert not rep.skipped
    assert [(lab.annotator, lab.question, lab.label, lab.speaker) for lab in labels] == [
        ("a@x.org", q1, "support", "Bo Other"),
        ("b@x.org", "", "", "Bo Other"),
    ]


@pytest.mark.parametrize(
    "completed_by, expected",
    [
        (2, "ann@example.org"),
        (99, "user-99"),
        ({"id": 5, "email": "e@x.org"}, "e@x.org"),
    ],
)
def test_annotator_names(task, codebook, q1, completed_by, expected):
    task["annotations"] = [ann([choice(q1, "support")], user=completed_by)]
    labels, _ = _pull([task], codebook)
    assert labels[0].annotator == expected


def test_task_not_pushed_by_us_is_reported(codebook, q1):
    labels, rep = _pull(
        [{"id": 3, "data": {"text": "x"}, "annotations": [ann([choice(q1, "support")])]}], codebook
    )
    assert labels == [] and "task 3" in rep.skipped[0]


def test_pull_from_export_cli(tmp_path, task, codebook, q1):
    task["annotations"] = [
        ann([choice(q1, "oppose")]),
        ann([], cancelled=True, n=2),
        ann([choice(q1, "perhaps")], n=3),
    ]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task]), encoding="utf-8")
    out = tmp_path / "reviewed.jsonl"
    result = runner.invoke(
        app,
        ["studio", "pull", "--from-export", str(export), "-c", str(SEEDS / "codebook.yaml"), "-o", str(out)],
    )
    assert result.exit_code == 3, result.output
    assert "'perhaps'" in result.stderr
    rows = [ReviewedLabel.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r.question, r.label, r.annotator) for r in rows] == [(q1, "oppose", "user-2")]


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not a JSON file"),
        ('{"a": 1}', "a list of tasks"),
        ('[{"id": 1, "stance_q": "support"}]', "JSON_MIN"),
    ],
)
def test_pull_from_export_bad_files(tmp_path, content, message):
    export = tmp_path / "export.json"
    export.write_text(content, encoding="utf-8")
    out = tmp_path / "reviewed.jsonl"
    result = runner.invoke(
        app,
        ["studio", "pull", "--from-export", str(export), "-c", str(SEEDS / "codebook.yaml"), "-o", str(out)],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert not out.exists()


def test_pull_from_export_needs_the_codebook(tmp_path):
    export = tmp_path / "export.json"
    export.write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["studio", "pull", "--from-export", str(export)])
    assert result.exit_code == 1 and "--codebook" in result.stderr
