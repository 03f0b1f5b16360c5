"""Inter-annotator agreement on reviewed labels, and the model against the humans.

An *item* is one quote on one question: ``(quote_id, question)``. Before anything is
counted, labels are cleaned (see `clean_labels`): empty labels (a cancelled or skipped
annotation that slipped through) are dropped, and when one annotator labelled an item more
than once only their latest label (by ``created_at``; file order breaks ties) is kept.

Measures, per question and over all items pooled:

- ``percent_agreement``: among the items rated by at least two annotators, the share on
  which every rater gave the same label (``null`` when no item has two ratings).
- ``krippendorff_alpha``: nominal alpha over every annotator, missing ratings allowed
  (the `krippendorff` package). ``null`` where undefined: no item with two ratings, or no
  variation at all among the pairable ratings (expected disagreement is zero).
- ``cohen_kappa``: only where exactly two annotators rated the question, over the items
  both rated (scikit-learn); ``null`` otherwise or where undefined.
- ``model_vs_human``: where the model's proposal is known (``ReviewedLabel.model_label``),
  the model's label against the humans' majority label (items with a tied majority are left
  out and counted): accuracy, macro-F1 over the labels seen, confusion matrix (rows: the
  humans, columns: the model). Over the reviews in which the humans saw the proposal.

Blind reviews (``ReviewedLabel.blind``: pushed with ``studio push --no-predictions``, the
reviewer saw no proposal) are also measured apart: ``blind`` is the humans' agreement among
blind reviews only (free of the pull a pre-selected answer has), and ``model_vs_blind`` the
model against the blind reviewers' majority, the model's labels read from the run's quotes
(``model_labels``, `annotator agreement --quotes`), since a blind task carries none. A model
that agrees much more with reviewers who saw it than with blind ones is being rubber-stamped.
"""

from __future__ import annotations

import csv
import io
import math
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import krippendorff
import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from sklearn.metrics import cohen_kappa_score, confusion_matrix, f1_score

from annotator.errors import InputError
from annotator.io import Reporter, read_models
from annotator.models import DEFAULT_LABELS, ReviewedLabel

Item = tuple[str, str]
"""(quote_id, question)"""


class Majority(NamedTuple):
    """The humans' majority label on one item (None on a tie) and who rated it."""

    label: str | None
    annotators: tuple[str, ...]


# --------------------------------------------------------------------------- cleaning


def _when(value: str | None) -> datetime:
    """created_at as an aware datetime; missing or unreadable dates sort first."""
    if value:
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            dt = None
        if dt is not None:
            return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    return datetime.min.replace(tzinfo=timezone.utc)


class Cleaned(NamedTuple):
    labels: list[ReviewedLabel]
    dropped_empty: int
    replaced: int


def clean(labels: Iterable[ReviewedLabel]) -> Cleaned:
    """Drop empty labels; keep each annotator's latest label per item (file order breaks ties)."""
    latest: dict[tuple[str, str, str], tuple[datetime, int, ReviewedLabel]] = {}
    dropped = replaced = 0
    for i, lab in enumerate(labels):
        if not lab.label.strip():
            dropped += 1
            continue
        key = (lab.quote_id, lab.question, lab.annotator)
        rank = (_when(lab.created_at), i, lab)
        if key in latest:
            replaced += 1
            if rank[:2] < latest[key][:2]:
                continue
        latest[key] = rank
    kept = [r for _, _, r in sorted(latest.values(), key=lambda t: t[1])]
    return Cleaned(kept, dropped, replaced)


def clean_labels(labels: Iterable[ReviewedLabel]) -> list[ReviewedLabel]:
    """The labels agreement is computed on (see `clean`), in input order."""
    return clean(labels).labels


def ratings(labels: Iterable[ReviewedLabel]) -> dict[Item, dict[str, str]]:
    """{(quote_id, question): {annotator: label}} after cleaning, items in input order."""
    out: dict[Item, dict[str, str]] = {}
    for lab in clean_labels(labels):
        out.setdefault((lab.quote_id, lab.question), {})[lab.annotator] = lab.label.strip()
    return out


def disputed_items(labels: Iterable[ReviewedLabel]) -> set[Item]:
    """Items on which the reviewers gave different labels (each annotator's latest counts)."""
    return {item for item, by in ratings(labels).items() if len(set(by.values())) > 1}


def majority_labels(labels: Iterable[ReviewedLabel]) -> dict[Item, Majority]:
    """Each item's most frequent human label (None when the top labels tie) and its raters."""
    out: dict[Item, Majority] = {}
    for item, by in ratings(labels).items():
        counts = Counter(by.values()).most_common()
        tie = len(counts) > 1 and counts[0][1] == counts[1][1]
        out[item] = Majority(None if tie else counts[0][0], tuple(sorted(by)))
    return out


def read_labels(path: Path | str, reporter: Reporter | None = None) -> list[ReviewedLabel]:
    """Read reviewed labels JSONL; bad lines are reported (or raise without a reporter).
    An empty file, or one without a single valid label, is an InputError."""
    labels = list(read_models(path, ReviewedLabel, reporter))
    if not labels:
        bad = f" ({len(reporter.skipped)} invalid lines)" if reporter and reporter.skipped else ""
        raise InputError(
            f"{path}: no reviewed labels{bad}; expected one JSON object a line with quote_id, question, "
            "label, annotator (article_id, start, end optional; as `annotator studio pull` writes them)"
        )
    return labels


# --------------------------------------------------------------------------- report


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Agreement(_Out):
    """Agreement among the humans on one question (or all of them)."""

    items: int = Field(description="items (quote x question) with at least one label")
    annotators: int
    ratings: int = Field(description="labels counted, after cleaning")
    multi_rated_items: int = Field(description="items with at least two ratings")
    agreed_items: int = Field(description="of those, items on which every rater agrees")
    percent_agreement: float | None
    krippendorff_alpha: float | None
    cohen_kappa: float | None
    kappa_items: int = Field(0, description="items both annotators rated (kappa's base)")
    annotator_names: list[str] = Field(default_factory=list)


class ModelAgreement(_Out):
    """The model's proposals against the humans' majority label."""

    items: int = Field(description="items with a model proposal and a human majority")
    ties: int = Field(0, description="items with a model proposal left out: the humans tied")
    accuracy: float | None
    macro_f1: float | None
    labels: list[str] = Field(default_factory=list)
    confusion_matrix: list[list[int]] = Field(
        default_factory=list, description="rows: human label, columns: model label, in `labels` order"
    )


class ModelReport(_Out):
    questions: dict[str, ModelAgreement] = Field(default_factory=dict)
    overall: ModelAgreement


class HumanReport(_Out):
    questions: dict[str, Agreement]
    overall: Agreement


class AgreementReport(_Out):
    questions: dict[str, Agreement]
    overall: Agreement
    model_vs_human: ModelReport | None = Field(
        None, description="the model against the humans who saw its proposal"
    )
    blind_labels: int = Field(0, description="labels given in blind reviews (no proposal shown)")
    blind: HumanReport | None = Field(None, description="agreement among blind reviews only")
    model_vs_blind: ModelReport | None = Field(
        None, description="the model (labels from the run's quotes) against the blind reviewers"
    )
    labels_read: int
    dropped_empty: int = Field(0, description="empty (cancelled or skipped) labels dropped")
    replaced_duplicates: int = Field(0, description="earlier labels replaced by the annotator's latest")


def _num(x: float) -> float | None:
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def _label_order(values: Iterable[str]) -> list[str]:
    seen = set(values)
    return [v for v in DEFAULT_LABELS if v in seen] + sorted(seen - set(DEFAULT_LABELS))


def alpha(table: dict[Item, dict[str, str]]) -> float | None:
    """Nominal Krippendorff's alpha; None where undefined (no pairable variation)."""
    pairable = [by for by in table.values() if len(by) >= 2]
    values = _label_order(v for by in pairable for v in by.values())
    if len(values) < 2:  # no item with two ratings, or one value only: D_e = 0
        return None
    index = {v: i for i, v in enumerate(values)}
    counts = np.zeros((len(pairable), len(values)), dtype=int)
    for u, by in enumerate(pairable):
        for v in by.values():
            counts[u, index[v]] += 1
    return _num(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))


def kappa(table: dict[Item, dict[str, str]], annotators: list[str]) -> tuple[float | None, int]:
    """Cohen's kappa over the items both of exactly two annotators rated, and how many."""
    if len(annotators) != 2:
        return None, 0
    a, b = annotators
    both = [(by[a], by[b]) for by in table.values() if a in by and b in by]
    if not both:
        return None, 0
    y1, y2 = zip(*both)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = cohen_kappa_score(list(y1), list(y2), replace_undefined_by=np.nan)
    return _num(k), len(both)


def human_agreement(table: dict[Item, dict[str, str]]) -> Agreement:
    names = sorted({a for by in table.values() for a in by})
    multi = [by for by in table.values() if len(by) >= 2]
    agreed = sum(1 for by in multi if len(set(by.values())) == 1)
    k, k_items = kappa(table, names)
    return Agreement(
        items=len(table),
        annotators=len(names),
        ratings=sum(len(by) for by in table.values()),
        multi_rated_items=len(multi),
        agreed_items=agreed,
        percent_agreement=agreed / len(multi) if multi else None,
        krippendorff_alpha=alpha(table),
        cohen_kappa=k,
        kappa_items=k_items,
        annotator_names=names,
    )


def model_agreement(pairs: list[tuple[str, str]], ties: int) -> ModelAgreement:
    """pairs: (human majority label, model label)."""
    if not pairs:
        return ModelAgreement(items=0, ties=ties, accuracy=None, macro_f1=None)
    truth, pred = (list(x) for x in zip(*pairs))
    labels = _label_order(truth + pred)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f1 = f1_score(truth, pred, labels=labels, average="macro", zero_division=0)
    return ModelAgreement(
        items=len(pairs),
        ties=ties,
        accuracy=sum(t == p for t, p in pairs) / len(pairs),
        macro_f1=_num(f1),
        labels=labels,
        confusion_matrix=confusion_matrix(truth, pred, labels=labels).tolist(),
    )


def _table(labels: Iterable[ReviewedLabel]) -> dict[Item, dict[str, str]]:
    table: dict[Item, dict[str, str]] = {}
    for lab in labels:
        table.setdefault((lab.quote_id, lab.question), {})[lab.annotator] = lab.label.strip()
    return table


def _humans(table: dict[Item, dict[str, str]]) -> HumanReport:
    by_question: dict[str, dict[Item, dict[str, str]]] = defaultdict(dict)
    for item, by in table.items():
        by_question[item[1]][item] = by
    return HumanReport(
        questions={q: human_agreement(t) for q, t in by_question.items()}, overall=human_agreement(table)
    )


def _model_report(labels: list[ReviewedLabel], proposals: dict[Item, str]) -> ModelReport | None:
    """The model's proposal on each item against the majority of these labels."""
    if not proposals:
        return None
    majority = majority_labels(labels)
    questions = list(dict.fromkeys(lab.question for lab in labels))
    per_q: dict[str, list[tuple[str, str]]] = defaultdict(list)
    ties: Counter[str] = Counter()
    for item, proposed in proposals.items():
        if item not in majority:
            continue
        human = majority[item].label
        if human is None:
            ties[item[1]] += 1
        else:
            per_q[item[1]].append((human, proposed))
    if not per_q and not ties:
        return None
    return ModelReport(
        questions={q: model_agreement(per_q[q], ties[q]) for q in questions if per_q[q] or ties[q]},
        overall=model_agreement([p for q in questions for p in per_q[q]], sum(ties.values())),
    )


def compute(labels: Iterable[ReviewedLabel], model_labels: dict[Item, str] | None = None) -> AgreementReport:
    """Agreement per question and overall, the model against the humans where known, and
    the same for blind reviews apart (see the module doc). `model_labels`: the model's
    label on each (quote_id, question), from the run's quotes, for the blind reviews (and
    for seen ones whose label does not say what was shown)."""
    labels = list(labels)
    model_labels = model_labels or {}
    cleaned = clean(labels)
    table = _table(cleaned.labels)
    if not table:
        raise InputError(
            "no reviewed labels to compare: every label is empty (cancelled or skipped); "
            "pull the annotations again once they are labelled"
        )
    seen = [lab for lab in cleaned.labels if not lab.blind]
    blind = [lab for lab in cleaned.labels if lab.blind]
    shown: dict[Item, tuple[datetime, str]] = {}
    for lab in seen:
        item = (lab.quote_id, lab.question)
        proposal = (lab.model_label or "").strip() or model_labels.get(item)
        if proposal:
            when = _when(lab.created_at)
            if item not in shown or when >= shown[item][0]:
                shown[item] = (when, proposal)
    blind_items = {(lab.quote_id, lab.question) for lab in blind}
    humans = _humans(table)
    return AgreementReport(
        questions=humans.questions,
        overall=humans.overall,
        model_vs_human=_model_report(seen, {item: p for item, (_, p) in shown.items()}),
        blind_labels=len(blind),
        blind=_humans(_table(blind)) if blind else None,
        model_vs_blind=_model_report(blind, {i: model_labels[i] for i in blind_items if i in model_labels}),
        labels_read=len(labels),
        dropped_empty=cleaned.dropped_empty,
        replaced_duplicates=cleaned.replaced,
    )


def model_labels_of(quotes: Iterable) -> dict[Item, str]:
    """The model's label on each (quote_id, question) of a run's quotes (`quotes.jsonl`)."""
    out: dict[Item, str] = {}
    for q in quotes:
        for question, pred in (q.stances or {}).items():
            if pred.source == "model":
                out[(q.id, question)] = pred.label
    return out


# --------------------------------------------------------------------------- rendering

OVERALL = "(overall)"


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}"


def text_table(header: list[str], rows: list[list[str]], left: int = 1) -> str:
    """A plain aligned text table: the first `left` columns left-aligned, the rest right."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r: list[str]) -> str:
        cells = [str(c).ljust(w) if i < left else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


HUMAN_COLUMNS = [
    "question",
    "items",
    "annotators",
    "multi_rated_items",
    "percent_agreement",
    "krippendorff_alpha",
    "cohen_kappa",
]
MODEL_COLUMNS = ["model_items", "model_accuracy", "model_macro_f1"]


def _rows(
    questions: dict[str, Agreement], overall: Agreement, m: ModelReport | None
) -> list[tuple[str, Agreement, ModelAgreement | None]]:
    rows = [(q, a, m.questions.get(q) if m else None) for q, a in questions.items()]
    return rows + [(OVERALL, overall, m.overall if m else None)]


def _subsets(report: AgreementReport) -> list[tuple[str, list[tuple[str, Agreement, ModelAgreement | None]]]]:
    """("all", rows) and, where there are blind reviews, ("blind", rows)."""
    out = [("all", _rows(report.questions, report.overall, report.model_vs_human))]
    if report.blind is not None:
        out.append(("blind", _rows(report.blind.questions, report.blind.overall, report.model_vs_blind)))
    return out


def _human_table(rows: list[tuple[str, Agreement, ModelAgreement | None]], with_model: bool) -> str:
    header = HUMAN_COLUMNS + (MODEL_COLUMNS if with_model else [])
    header = [h.replace("krippendorff_", "").replace("percent_agreement", "agreement") for h in header]
    body = []
    for q, a, m in rows:
        row = [
            q,
            str(a.items),
            str(a.annotators),
            str(a.multi_rated_items),
            _fmt(a.percent_agreement),
            _fmt(a.krippendorff_alpha),
            _fmt(a.cohen_kappa),
        ]
        if with_model:
            row += [str(m.items), _fmt(m.accuracy), _fmt(m.macro_f1)] if m else ["0", "", ""]
        body.append(row)
    return text_table(header, body)


def _confusion(title: str, mo: ModelAgreement | None) -> list[str]:
    if not mo or not mo.labels:
        return []
    cm = [[lab, *map(str, row)] for lab, row in zip(mo.labels, mo.confusion_matrix)]
    return [f"{title} (rows: humans, columns: model):\n" + text_table(["human \\ model", *mo.labels], cm)]


def render_table(report: AgreementReport) -> str:
    """The report as aligned text tables for a terminal (empty cell: undefined): every
    review, then the blind reviews apart where there are any."""
    parts = []
    subsets = dict(_subsets(report))
    blind = report.blind is not None
    if blind:
        parts.append(
            f"All reviews ({report.labels_read - report.dropped_empty} labels; model: against those who saw it)"
        )
    parts.append(_human_table(subsets["all"], report.model_vs_human is not None))
    mo = report.model_vs_human.overall if report.model_vs_human else None
    parts += _confusion("Model against the majority of the reviewers who saw its proposal", mo)
    if blind:
        parts.append(f"Blind reviews only ({report.blind_labels} labels; no proposal was shown)")
        parts.append(_human_table(subsets["blind"], report.model_vs_blind is not None))
        mb = report.model_vs_blind.overall if report.model_vs_blind else None
        parts += _confusion("Model against the blind reviewers' majority", mb)
    notes = [
        "agreement: share of items rated by 2+ annotators on which all agree; "
        "alpha: Krippendorff's nominal alpha; kappa: Cohen's, only with exactly two annotators; "
        "empty: undefined."
    ]
    if blind and report.model_vs_blind is None:
        notes.append("Pass --quotes with the run's quotes.jsonl to compare the model with the blind reviews.")
    if report.dropped_empty or report.replaced_duplicates:
        notes.append(
            f"{report.dropped_empty} empty labels dropped; {report.replaced_duplicates} earlier "
            "labels replaced by the annotator's latest."
        )
    return "\n\n".join(parts + [" ".join(notes)]) + "\n"


def render_csv(report: AgreementReport) -> str:
    """One row per question plus an overall row, for all reviews and (reviews=blind) for the
    blind reviews apart; empty cell where a measure is undefined."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HUMAN_COLUMNS + ["agreed_items", "ratings", "kappa_items"] + MODEL_COLUMNS + ["reviews"])
    for subset, rows in _subsets(report):
        for q, a, m in rows:
            values = [
                a.percent_agreement,
                a.krippendorff_alpha,
                a.cohen_kappa,
                a.agreed_items,
                a.ratings,
                a.kappa_items,
                *([m.items, m.accuracy, m.macro_f1] if m else [0, None, None]),
            ]
            w.writerow(
                [
                    q,
                    a.items,
                    a.annotators,
                    a.multi_rated_items,
                    *("" if x is None else x for x in values),
                    subset,
                ]
            )
    return buf.getvalue()


def render_json(report: AgreementReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
