"""The matrix's rules, pure: how the labels of an expert's quotes make a cell, how reviewed
labels replace the model's, which speaker gets a row. No storage here (the builder over
the scratch store is `annotator.matrix.builder`); each rule is the README's, one for one:

- `combine`: a cell's label and confidence from its votes. Support and oppose together, or
  any mixed quote -> mixed, unless one side is only the model's and carries less than a
  quarter of the summed confidence (`MIXED_MIN_SHARE`) or is one quote against three or more
  (`MIXED_MIN_MAJORITY`): then the other side; a single polar
  label -> that label; neutral only when nothing is polar; only not_addressed ->
  not_addressed. With a codebook whose labels are not the
  defaults, two different polar labels make mixed when the codebook has `mixed`, else the
  label with the largest summed confidence wins. Confidence: the mean confidence of the
  votes that make the label (for not_addressed: of the not_addressed votes, 1.0 when none).
- `apply_reviews`: reviewed labels (matched by quote id, else by article and span) replace
  the model's label for that quote and question; several reviewers: the majority (a tie
  votes for each tied label); any split marks the item disputed; the latest label of each
  reviewer counts; a reviewer's `speaker` correction moves the quote (majority; a tie leaves
  it).
- `lead_label`: the one label shown for a quote (a tie shows the model's label if tied).
- (builder) a direct quotation of five words or more that repeats an earlier one of its
  article word for word (a pull quote) adds no evidence: the same words said once.
- `RowKeys.key_of`: a quote's row: its speaker when an expert (registry or role rule), or,
  with rows="people", any named person; groups and organisations never get a row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from annotator.io import Reporter
from annotator.models import NOT_ADDRESSED, Codebook, Expert, Quote, ReviewedLabel
from annotator.quotes.people import is_organisation, slug

MIXED = "mixed"
NEUTRAL = "neutral"
NO_SPEAKER = {"", "none", "null", "unknown", "nobody", "-"}
ROWS = ("experts", "people")


@dataclass(frozen=True)
class Vote:
    """One quote's label on one question, as used by the aggregation."""

    label: str
    confidence: float
    source: str = "model"


class KeptQuote(NamedTuple):
    """What the matrix needs of a quote it keeps (evidence, or named by a reviewer): its
    words, speaker and context, and the question words each model label rests on; not its
    cue or the rest of its stances, which stay in quotes.jsonl."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str | None
    speaker: str | None
    speaker_id: str | None
    role: str | None
    organisation: str | None
    attribution: str
    speaker_is_expert: bool
    context: str | None = None
    context_start: int | None = None
    terms: dict[str, list[str]] | None = None  # question id -> the words that made it relevant

    @classmethod
    def of(cls, q: Quote) -> KeptQuote:
        return cls(
            q.id,
            q.article_id,
            q.start,
            q.end,
            q.text,
            q.kind,
            q.speaker,
            q.speaker_id,
            q.role,
            q.organisation,
            q.attribution,
            q.speaker_is_expert,
            q.context,
            q.context_start,
            {k: p.terms for k, p in (q.stances or {}).items() if p.terms},
        )


@dataclass(slots=True)
class Item:
    """The final labels of one quote: the model's vote per question, the reviewers' votes
    where they labelled it, and the review bookkeeping."""

    quote: KeptQuote
    speaker_key: str | None
    preds: dict[str, Vote]
    human: dict[str, list[Vote]] = field(default_factory=dict)
    reviewed: dict[str, list[str]] = field(default_factory=dict)  # question -> annotators
    review_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # question -> annotator -> label
    disputed: set[str] = field(default_factory=set)

    def votes(self, question: str) -> list[Vote]:
        if question in self.human:
            return self.human[question]
        pred = self.preds.get(question)
        return [pred] if pred is not None else []

    def model_label(self, question: str) -> str | None:
        pred = self.preds.get(question)
        return pred.label if pred is not None else None


UNITS = 10_000  # confidences are kept to 4 decimals; sums in these units are exact in any order
# the model's quotes on a side with less of the weight than this do not make a cell mixed
MIXED_MIN_SHARE = 0.25
# one model reading against this many on the other side is more likely a misreading than a turn
MIXED_MIN_MAJORITY = 3


def units(confidence: float) -> int:
    return round(confidence * UNITS)


def combine(
    votes: Sequence[Vote], labels: Sequence[str], *, na_units: int = 0, na_count: int = 0
) -> tuple[str, float]:
    """The cell label and confidence from the votes of an expert's quotes on one question
    (plus, as a sum in `units` and a count, not_addressed votes not passed one by one)."""
    addressed = [v for v in votes if v.label != NOT_ADDRESSED]
    if not addressed:
        total = sum(units(v.confidence) for v in votes) + na_units
        count = len(votes) + na_count
        return NOT_ADDRESSED, round(total / count / UNITS, 4) if count else 1.0
    polar = [v for v in addressed if v.label != NEUTRAL]
    if not polar:
        return NEUTRAL, mean_confidence(addressed)
    distinct = {v.label for v in polar}
    weight: Counter[str] = Counter()
    for v in polar:
        weight[v.label] += v.confidence
    order = {lab: i for i, lab in enumerate(labels)}
    best = max(weight, key=lambda lab: (weight[lab], -order.get(lab, len(order))))
    share = weight[best] / sum(weight.values())
    if MIXED in labels and MIXED not in distinct and len(distinct) > 1:
        outweighed = [v for v in polar if v.label != best]
        outnumbered = len(outweighed) == 1 and len(polar) - 1 >= MIXED_MIN_MAJORITY
        if (1 - share < MIXED_MIN_SHARE or outnumbered) and all(v.source == "model" for v in outweighed):
            return best, round(share * mean_confidence([v for v in polar if v.label == best]), 4)
        return MIXED, mean_confidence(polar)
    if MIXED in labels and MIXED in distinct:
        return MIXED, mean_confidence(polar)
    if len(distinct) == 1:
        return polar[0].label, mean_confidence(polar)
    return best, round(share * mean_confidence([v for v in polar if v.label == best]), 4)


def mean_confidence(votes: Sequence[Vote]) -> float:
    return round(sum(v.confidence for v in votes) / len(votes), 4)


class RowKeys:
    """Resolve speaker names and ids to matrix rows."""

    def __init__(self, experts: Iterable[Expert], rows: str = "experts"):
        if rows not in ROWS:
            raise ValueError(f"rows must be one of {ROWS}, not {rows!r}")
        self.rows = rows
        self.by_key: dict[str, Expert] = {}
        self.records: dict[str, Expert] = {}
        for e in experts:
            self.records.setdefault(e.id, e)
            for key in (e.id, e.name, *e.aliases):
                self.by_key.setdefault(key.casefold(), e)
            self.by_key.setdefault(slug(e.name), e)

    def find(self, name_or_id: str | None) -> Expert | None:
        if not name_or_id:
            return None
        return self.by_key.get(name_or_id.casefold()) or self.by_key.get(slug(name_or_id))

    def key_of(self, quote: Quote) -> str | None:
        """The row id of a quote's speaker, or None when the speaker gets no row (not an
        expert; with rows="people", not a named person)."""
        if quote.attribution == "group":
            return None
        known = self.find(quote.speaker_id) or self.find(quote.speaker)
        if known is not None:
            if known.kind != "person":
                return None
            if known.is_expert or quote.speaker_is_expert or self.rows == "people":
                return known.id
            return None
        if quote.speaker_is_expert and (quote.speaker_id or quote.speaker):
            return quote.speaker_id or slug(quote.speaker or "")
        if (
            self.rows == "people"
            and quote.speaker_id
            and quote.speaker
            and not is_organisation(quote.speaker)
        ):
            return quote.speaker_id
        return None

    def corrected_key(self, speaker: str) -> str | None:
        """The row id for a reviewer's speaker correction (None: not an expert, drop)."""
        if speaker.strip().casefold() in NO_SPEAKER:
            return None
        known = self.find(speaker)
        if known is not None:
            return known.id if known.is_expert and known.kind != "group" else None
        new = Expert(id=slug(speaker), name=speaker.strip(), is_expert=True)
        self.records.setdefault(new.id, new)
        self.by_key.setdefault(new.id, new)
        self.by_key.setdefault(new.name.casefold(), new)
        return new.id


def majority(values: list[str]) -> tuple[list[str], int, int]:
    """The most frequent values (several on a tie), their count and the total."""
    counts = Counter(values)
    top = max(counts.values())
    return [v for v in counts if counts[v] == top], top, len(values)


def latest_per_annotator(labels: Iterable[ReviewedLabel]) -> list[ReviewedLabel]:
    """One label per annotator and item: the latest (by created_at, then file order)."""
    keep: dict[str, tuple[tuple[str, int], ReviewedLabel]] = {}
    for n, lab in enumerate(labels):
        rank = (lab.created_at or "", n)
        if lab.annotator not in keep or rank >= keep[lab.annotator][0]:
            keep[lab.annotator] = (rank, lab)
    return [lab for _, lab in keep.values()]


def apply_reviews(
    items: dict[str, Item],
    quotes_by_span: dict[tuple, str],
    reviewed: Sequence[ReviewedLabel],
    codebook: Codebook,
    speakers: RowKeys,
    reporter: Reporter | None,
    where: Sequence[str] | None = None,
) -> None:
    """Reviewed labels over the model's (see the module doc). A label that matches no quote,
    question or label is reported once, as `FILE:LINE: ...` when `where` gives its place,
    and counted as skipped (the run exits 3)."""
    questions = {q.id for q in codebook.questions}
    by_item: dict[tuple[str, str], list[ReviewedLabel]] = defaultdict(list)
    speaker_fix: dict[str, list[ReviewedLabel]] = defaultdict(list)
    for i, lab in enumerate(reviewed):
        at = f"{where[i]}: " if where is not None and i < len(where) else ""
        qid = (
            lab.quote_id
            if lab.quote_id in items
            else quotes_by_span.get((lab.article_id, lab.start, lab.end))
        )
        if qid is None:
            if reporter:
                span = f" ({lab.article_id} {lab.start}-{lab.end})" if lab.article_id else ""
                reporter.skip(
                    f"{at}reviewed label by {lab.annotator} for quote {lab.quote_id}{span} matches no quote "
                    "of this run; ignored"
                )
            continue
        if lab.speaker is not None:
            speaker_fix[qid].append(lab)
        if not lab.label:  # a speaker correction alone, or a cancelled annotation
            continue
        if lab.question not in questions:
            if reporter:
                reporter.skip(
                    f"{at}reviewed label for question '{lab.question}' (quote {qid}) is not in the codebook; "
                    "ignored"
                )
            continue
        if lab.label not in codebook.labels_for(lab.question):
            if reporter:
                reporter.skip(
                    f"{at}reviewed label '{lab.label}' on question '{lab.question}' (quote {qid}) is not one "
                    f"of {', '.join(codebook.labels_for(lab.question))}; ignored"
                )
            continue
        by_item[(qid, lab.question)].append(lab)
    for (qid, question), labs in by_item.items():
        item = items[qid]
        labs = latest_per_annotator(labs)
        top, count, total = majority([lab.label for lab in labs])
        share = round(count / total, 4)
        item.human[question] = [Vote(label, share, "annotator") for label in top]
        item.reviewed[question] = sorted(lab.annotator for lab in labs)
        item.review_labels[question] = {
            lab.annotator: lab.label for lab in sorted(labs, key=lambda x: x.annotator)
        }
        if len({lab.label for lab in labs}) > 1:  # any split is shown, as `annotator disagreements` lists it
            item.disputed.add(question)
    for qid, labs in speaker_fix.items():
        labs = latest_per_annotator(labs)
        top, _, _ = majority([lab.speaker or "" for lab in labs])
        if len(top) == 1:
            items[qid].speaker_key = speakers.corrected_key(top[0])


def lead_label(item: Item, question: str, labels: Sequence[str]) -> str:
    """The one label shown for a quote on a question (a tie shows the model's, if tied)."""
    votes = item.votes(question)
    if not votes:
        return NOT_ADDRESSED
    if len(votes) == 1:
        return votes[0].label
    tied = [v.label for v in votes]
    if item.model_label(question) in tied:
        return item.model_label(question)  # type: ignore[return-value]
    order = {lab: i for i, lab in enumerate(labels)}
    return min(tied, key=lambda lab: order.get(lab, len(order)))


__all__ = [
    "MIXED",
    "NEUTRAL",
    "NO_SPEAKER",
    "ROWS",
    "UNITS",
    "Item",
    "KeptQuote",
    "RowKeys",
    "Vote",
    "apply_reviews",
    "combine",
    "latest_per_annotator",
    "lead_label",
    "majority",
    "mean_confidence",
    "units",
]
