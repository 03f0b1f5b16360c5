"""The items reviewers disagree on, with the quote and each annotator's label, for adjudication."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from annotator.agreement import clean_labels, majority_labels, text_table
from annotator.models import ReviewedLabel


class Disagreement(BaseModel):
    """One disputed item: a quote on a question and what each reviewer said."""

    model_config = ConfigDict(frozen=True)

    quote_id: str
    article_id: str | None = None
    start: int | None = None
    end: int | None = None
    question: str
    text: str | None = Field(None, description="the quote, where the labels carry it")
    labels: dict[str, str] = Field(description="annotator -> their latest label")
    majority: str | None = Field(None, description="the most frequent label; null on a tie")
    model_label: str | None = None


def find_disagreements(labels: Iterable[ReviewedLabel]) -> list[Disagreement]:
    """Items whose reviewers gave different labels, ordered by article, span and question."""
    kept = clean_labels(labels)
    majority = majority_labels(kept)
    first: dict[tuple[str, str], ReviewedLabel] = {}
    by: dict[tuple[str, str], dict[str, str]] = {}
    text: dict[tuple[str, str], str] = {}
    model: dict[tuple[str, str], str] = {}
    for lab in kept:
        item = (lab.quote_id, lab.question)
        first.setdefault(item, lab)
        by.setdefault(item, {})[lab.annotator] = lab.label.strip()
        if lab.text and item not in text:
            text[item] = lab.text
        if lab.model_label and lab.model_label.strip():
            model[item] = lab.model_label.strip()
    out = [
        Disagreement(
            quote_id=item[0],
            article_id=lab.article_id,
            start=lab.start,
            end=lab.end,
            question=item[1],
            text=text.get(item),
            labels=dict(sorted(by[item].items())),
            majority=majority[item].label,
            model_label=model.get(item),
        )
        for item, lab in first.items()
        if len(set(by[item].values())) > 1
    ]
    return sorted(
        out,
        key=lambda d: (
            d.article_id or "",
            d.start if d.start is not None else -1,
            d.end if d.end is not None else -1,
            d.quote_id,
            d.question,
        ),
    )


def render_jsonl(items: list[Disagreement]) -> str:
    return "".join(json.dumps(d.model_dump(), ensure_ascii=False) + "\n" for d in items)


def _short(text: str | None, width: int = 70) -> str:
    if not text:
        return ""
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


def render_table(items: list[Disagreement]) -> str:
    """A text table: one row per disputed item, one column per annotator."""
    if not items:
        return "No disagreements: every item rated by two or more annotators has one label.\n"
    names = sorted({a for d in items for a in d.labels})
    with_model = any(d.model_label for d in items)
    header = ["quote", "question", *names, "majority", *(["model"] if with_model else []), "text"]
    rows = [
        [
            d.quote_id,
            d.question,
            *(d.labels.get(a, "") for a in names),
            d.majority or "(tie)",
            *([d.model_label or ""] if with_model else []),
            _short(d.text),
        ]
        for d in items
    ]
    return text_table(header, rows, left=len(header)) + f"\n\n{len(items)} disputed items.\n"
