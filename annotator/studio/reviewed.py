"""Reviewed labels from Label Studio's JSON export (tasks with their annotations).

- Cancelled (skipped) annotations and annotations with an empty result are dropped.
- Each stance choice becomes one ReviewedLabel with who (the annotator's email) and when.
- A choice for a question or label the codebook does not have is reported
  (`reporter.skip`, so the command exits 3) and not passed on: the server stores such
  results without complaint.
- A speaker correction (the speaker marked wrong, a name typed) is kept on every label of
  that annotation; marked wrong with no name gives speaker "unknown" (the quote leaves the
  expert); a correction without any stance choice gives one label with empty question and
  label, which the matrix reads as a correction alone.
- model_label is the model's proposal the reviewer saw: the prediction Label Studio stored
  with the annotation, else the model labels pushed in the task data. A task pushed blind
  (`studio push --no-predictions`) shows no proposal: its labels are `blind` and have none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from annotator.io import Reporter
from annotator.models import ReviewedLabel
from annotator.studio.config import (
    SPEAKER_CHECK,
    SPEAKER_FIX,
    SPEAKER_OK,
    SPEAKER_WRONG,
    ConfigQuestions,
    question_of,
)

UNKNOWN = "unknown"


def annotator_name(completed_by: Any, users: Mapping[int, str]) -> str:
    """The annotator's email: from the user map, an embedded user object, or 'user-<id>'."""
    if isinstance(completed_by, dict):
        return str(
            completed_by.get("email") or completed_by.get("username") or f"user-{completed_by.get('id')}"
        )
    if isinstance(completed_by, int) and completed_by in users:
        return users[completed_by]
    return f"user-{completed_by}"


def _choices(result: Iterable[dict]) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """({control: [choices]}, speaker check values, speaker texts) of one result list."""
    choices: dict[str, list[str]] = {}
    check: list[str] = []
    texts: list[str] = []
    for region in result:
        if not isinstance(region, dict):
            continue
        name = region.get("from_name")
        value = region.get("value") or {}
        if name == SPEAKER_CHECK:
            check += [str(c) for c in value.get("choices") or []]
        elif name == SPEAKER_FIX:
            texts += [str(t).strip() for t in value.get("text") or [] if str(t).strip()]
        elif isinstance(name, str):
            choices.setdefault(name, []).extend(str(c) for c in value.get("choices") or [])
    return choices, check, texts


def _model_labels(annotation: dict, data: dict) -> tuple[dict[str, str], str | None]:
    pred = annotation.get("prediction")
    if isinstance(pred, dict) and isinstance(pred.get("result"), list):
        labels = {}
        for region in pred["result"]:
            q = question_of(str(region.get("from_name", "")))
            got = (region.get("value") or {}).get("choices") or []
            if q and got:
                labels[q] = str(got[0])
        return labels, pred.get("model_version")
    return dict(data.get("model_labels") or {}), data.get("model_version")


def speaker_correction(check: list[str], texts: list[str], current: str | None) -> str | None:
    """The reviewer's speaker correction, or None when they confirmed or left it alone."""
    name = texts[-1] if texts else None
    if name and name != (current or ""):
        return name
    if SPEAKER_WRONG in check and SPEAKER_OK not in check and not name:
        return UNKNOWN
    return None


def reviewed_labels(
    tasks: Iterable[dict],
    questions: ConfigQuestions,
    users: Mapping[int, str] | None = None,
    reporter: Reporter | None = None,
) -> list[ReviewedLabel]:
    """Reviewed labels from exported tasks, in task and annotation order."""
    reporter = reporter or Reporter()
    users = users or {}
    out: list[ReviewedLabel] = []
    for task in tasks:
        data = task.get("data") or {}
        task_id = task.get("id")
        if not all(k in data for k in ("quote_id", "article_id", "start", "end")):
            reporter.skip(
                f"task {task_id}: its data has no quote_id/article_id/start/end; it was not pushed by "
                "`annotator studio push`, skipped"
            )
            continue
        for ann in task.get("annotations") or []:
            if ann.get("was_cancelled") or not ann.get("result"):
                continue
            out += _from_annotation(task_id, data, ann, questions, users, reporter)
    return out


def _from_annotation(
    task_id: Any,
    data: dict,
    ann: dict,
    questions: ConfigQuestions,
    users: Mapping[int, str],
    reporter: Reporter,
) -> list[ReviewedLabel]:
    who = annotator_name(ann.get("completed_by"), users)
    where = f"task {task_id} (quote {data['quote_id']}), annotation {ann.get('id')} by {who}"
    choices, check, texts = _choices(ann["result"])
    speaker = speaker_correction(check, texts, data.get("speaker"))
    blind = bool(data.get("blind"))
    model, model_version = ({}, None) if blind else _model_labels(ann, data)
    base: dict[str, Any] = {
        "blind": blind,
        "quote_id": data["quote_id"],
        "article_id": data["article_id"],
        "start": data["start"],
        "end": data["end"],
        "annotator": who,
        "created_at": ann.get("created_at"),
        "speaker": speaker,
        "model_version": model_version,
        "task_id": task_id if isinstance(task_id, int) else None,
        "annotation_id": ann.get("id") if isinstance(ann.get("id"), int) else None,
        "text": data.get("text"),
    }
    labels: list[ReviewedLabel] = []
    for control, picked in choices.items():
        question = question_of(control)
        if question is None:
            reporter.skip(
                f"{where}: result for '{control}', which is not a question of the codebook; not passed on"
            )
            continue
        if len(picked) != 1:
            reporter.skip(
                f"{where}: {len(picked)} labels on question '{question}', expected one; not passed on"
            )
            continue
        problem = questions.check(question, picked[0])
        if problem:
            reporter.skip(
                f"{where}: {problem}; not passed on (fix the annotation in Label Studio or the codebook)"
            )
            continue
        labels.append(
            ReviewedLabel(question=question, label=picked[0], model_label=model.get(question), **base)
        )
    if not labels and speaker is not None:
        labels.append(ReviewedLabel(question="", label="", **base))
    return labels
