"""The experts-by-questions matrix: aggregate quote-level stances into one cell per expert
and question, with the quotes behind every cell.

Rules (documented in the README, "Matrix"):

- Rows are the experts who speak: a quote counts when its speaker is marked as an expert
  (`Quote.speaker_is_expert`) or resolves to an expert of the `experts` list
  (`Expert.is_expert`). Groups ("analysts", "officials") never get a row.
- A cell's label comes from the labels of the expert's quotes on that question:
  support and oppose together, or any mixed quote -> mixed; a single polar label -> that
  label; neutral only when nothing is polar; only not_addressed (or no label) -> not_addressed.
  With a codebook whose labels are not the defaults, every label other than not_addressed
  and neutral is polar; two different polar labels make mixed when the codebook has
  `mixed`, else the label with the largest summed confidence wins.
- Confidence: the mean confidence of the votes that make the cell's label (for mixed: all
  polar votes; for not_addressed: the not_addressed votes, 1.0 when there are none).
  A human-reviewed vote's confidence is the share of reviewers who chose it (1.0 when they
  all agree).
- Reviewed labels (matched to quotes by quote_id, else by article id and span) replace the
  model's label for that quote and question and mark the cell `reviewed`. Several
  reviewers: the majority label (a tie votes for each tied label); any split between
  reviewers marks the item and its cell `disputed`. A reviewer's `speaker` correction moves the quote
  to that speaker (majority of reviewers; a tie leaves it where it was).
- Evidence lists every quote of the expert that addresses the question (label other than
  not_addressed), with its source ("model" or "annotator"), ordered by article and offset.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.io import Reporter
from annotator.models import (
    NOT_ADDRESSED,
    Article,
    Cell,
    Codebook,
    Evidence,
    Expert,
    Quote,
    ReviewedLabel,
)
from annotator.quotes.people import slug  # the canonical expert-id rule ("first-last")

MIXED = "mixed"
NEUTRAL = "neutral"
NO_SPEAKER = {"", "none", "null", "unknown", "nobody", "-"}


@dataclass(frozen=True)
class Vote:
    """One quote's label on one question, as used by the aggregation."""

    label: str
    confidence: float
    source: str = "model"


@dataclass
class _Item:
    """The final labels of one quote: question -> votes, plus review bookkeeping."""

    quote: Quote
    speaker_key: str | None
    votes: dict[str, list[Vote]] = field(default_factory=dict)
    reviewed: dict[str, list[str]] = field(default_factory=dict)  # question -> annotators
    disputed: set[str] = field(default_factory=set)
    model_label: dict[str, str] = field(default_factory=dict)


def combine(votes: Sequence[Vote], labels: Sequence[str]) -> tuple[str, float]:
    """The cell label and confidence from the votes of an expert's quotes on one question."""
    addressed = [v for v in votes if v.label != NOT_ADDRESSED]
    if not addressed:
        na = [v.confidence for v in votes]
        return NOT_ADDRESSED, round(sum(na) / len(na), 4) if na else 1.0
    polar = [v for v in addressed if v.label != NEUTRAL]
    if not polar:
        return NEUTRAL, _mean(addressed)
    distinct = {v.label for v in polar}
    if MIXED in labels and (MIXED in distinct or len(distinct) > 1):
        return MIXED, _mean(polar)
    if len(distinct) == 1:
        return polar[0].label, _mean(polar)
    weight: Counter[str] = Counter()
    for v in polar:
        weight[v.label] += v.confidence
    order = {lab: i for i, lab in enumerate(labels)}
    best = max(weight, key=lambda lab: (weight[lab], -order.get(lab, len(order))))
    return best, round(weight[best] / sum(weight.values()) * _mean([v for v in polar if v.label == best]), 4)


def _mean(votes: Sequence[Vote]) -> float:
    return round(sum(v.confidence for v in votes) / len(votes), 4)


class _Speakers:
    """Resolve speaker names and ids to matrix rows."""

    def __init__(self, experts: Iterable[Expert]):
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
        """The row id of a quote's speaker, or None when the speaker is no expert."""
        if quote.attribution == "group":
            return None
        known = self.find(quote.speaker_id) or self.find(quote.speaker)
        if known is not None:
            if known.kind == "group":
                return None
            if known.is_expert or quote.speaker_is_expert:
                return known.id
            return None
        if quote.speaker_is_expert and (quote.speaker_id or quote.speaker):
            return quote.speaker_id or slug(quote.speaker or "")
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


def _majority(values: list[str]) -> tuple[list[str], int, int]:
    """The most frequent values (several on a tie), their count and the total."""
    counts = Counter(values)
    top = max(counts.values())
    return [v for v in counts if counts[v] == top], top, len(values)


def _latest_per_annotator(labels: Iterable[ReviewedLabel]) -> list[ReviewedLabel]:
    """One label per annotator and item: the latest (by created_at, then file order)."""
    keep: dict[str, tuple[tuple[str, int], ReviewedLabel]] = {}
    for n, lab in enumerate(labels):
        rank = (lab.created_at or "", n)
        if lab.annotator not in keep or rank >= keep[lab.annotator][0]:
            keep[lab.annotator] = (rank, lab)
    return [lab for _, lab in keep.values()]


def _apply_reviews(items: dict[str, _Item], quotes_by_span: dict[tuple, str], reviewed: Sequence[ReviewedLabel],
                   codebook: Codebook, speakers: _Speakers, reporter: Reporter | None) -> None:
    questions = {q.id for q in codebook.questions}
    by_item: dict[tuple[str, str], list[ReviewedLabel]] = defaultdict(list)
    speaker_fix: dict[str, list[ReviewedLabel]] = defaultdict(list)
    for lab in reviewed:
        qid = lab.quote_id if lab.quote_id in items else quotes_by_span.get((lab.article_id, lab.start, lab.end))
        if qid is None:
            if reporter:
                reporter.warn(f"reviewed label by {lab.annotator} for quote {lab.quote_id} ({lab.article_id} "
                              f"{lab.start}-{lab.end}) matches no quote of this run; ignored")
            continue
        if lab.speaker is not None:
            speaker_fix[qid].append(lab)
        if not lab.label:  # a speaker correction alone, or a cancelled annotation
            continue
        if lab.question not in questions:
            if reporter:
                reporter.warn(f"reviewed label for question '{lab.question}' (quote {qid}) is not in the codebook; "
                              "ignored")
            continue
        if lab.label not in codebook.labels_for(lab.question):
            if reporter:
                reporter.warn(f"reviewed label '{lab.label}' on question '{lab.question}' (quote {qid}) is not one of "
                              f"{', '.join(codebook.labels_for(lab.question))}; ignored")
            continue
        by_item[(qid, lab.question)].append(lab)
    for (qid, question), labs in by_item.items():
        item = items[qid]
        labs = _latest_per_annotator(labs)
        top, count, total = _majority([lab.label for lab in labs])
        share = round(count / total, 4)
        item.votes[question] = [Vote(label, share, "annotator") for label in top]
        item.reviewed[question] = sorted(lab.annotator for lab in labs)
        if len({lab.label for lab in labs}) > 1:  # any split is shown, as `annotator disagreements` lists it
            item.disputed.add(question)
    for qid, labs in speaker_fix.items():
        labs = _latest_per_annotator(labs)
        top, _, _ = _majority([lab.speaker or "" for lab in labs])
        if len(top) == 1:
            items[qid].speaker_key = speakers.corrected_key(top[0])


def _lead_label(item: _Item, question: str, labels: Sequence[str]) -> str:
    """The one label shown for a quote on a question (a tie shows the model's, if tied)."""
    votes = item.votes.get(question, [])
    if not votes:
        return NOT_ADDRESSED
    if len(votes) == 1:
        return votes[0].label
    tied = [v.label for v in votes]
    if item.model_label.get(question) in tied:
        return item.model_label[question]
    order = {lab: i for i, lab in enumerate(labels)}
    return min(tied, key=lambda lab: order.get(lab, len(order)))


def build_matrix(quotes: Iterable[Quote], codebook: Codebook, experts: Iterable[Expert] = (),
                 reviewed: Sequence[ReviewedLabel] = (), articles: dict[str, Article] | None = None,
                 *, reporter: Reporter | None = None) -> list[Cell]:
    """One cell per expert (who speaks in `quotes`) and codebook question, in the order the
    experts first speak and the codebook's question order. See the module doc for the rules."""
    articles = articles or {}
    speakers = _Speakers(experts)
    items: dict[str, _Item] = {}
    quotes_by_span: dict[tuple, str] = {}
    article_order: dict[str, int] = {}
    for q in quotes:
        article_order.setdefault(q.article_id, len(article_order))
        if q.id in items:
            continue
        item = _Item(quote=q, speaker_key=speakers.key_of(q))
        for question in codebook.questions:
            pred = (q.stances or {}).get(question.id)
            if pred is not None:
                item.votes[question.id] = [Vote(pred.label, pred.confidence, pred.source)]
                item.model_label[question.id] = pred.label
        items[q.id] = item
        quotes_by_span[(q.article_id, q.start, q.end)] = q.id
    if reviewed:
        _apply_reviews(items, quotes_by_span, reviewed, codebook, speakers, reporter)

    ordered = sorted(items.values(), key=lambda it: (article_order[it.quote.article_id], it.quote.start,
                                                     it.quote.end))
    rows: dict[str, list[_Item]] = {}
    for it in ordered:
        if it.speaker_key is not None:
            rows.setdefault(it.speaker_key, []).append(it)

    cells: list[Cell] = []
    for key, its in rows.items():
        expert = speakers.records.get(key)
        own = [it.quote for it in its if key in (it.quote.speaker_id, slug(it.quote.speaker or ""))]
        name = expert.name if expert else (own[0].speaker if own else None) or key
        role = (expert.role if expert else None) or next((q.role for q in own if q.role), None)
        org = (expert.organisation if expert else None) or next((q.organisation for q in own if q.organisation), None)
        for question in codebook.questions:
            labels = codebook.labels_for(question.id)
            votes = [v for it in its for v in it.votes.get(question.id, [])]
            stance, confidence = combine(votes, labels)
            evidence = []
            for it in its:
                shown = _lead_label(it, question.id, labels)
                if shown == NOT_ADDRESSED:
                    continue
                evidence.append(_evidence(it, question.id, shown, articles))
            reviewed_here = any(question.id in it.reviewed for it in its)
            cells.append(Cell(
                expert=name, expert_id=key, question=question.id, stance=stance, confidence=confidence,
                reviewed=reviewed_here, disputed=any(question.id in it.disputed for it in its),
                role=role, organisation=org, evidence=evidence,
            ))
    return cells


def _evidence(item: _Item, question: str, label: str, articles: dict[str, Article]) -> Evidence:
    q = item.quote
    votes = item.votes[question]
    art = articles.get(q.article_id)
    human = question in item.reviewed
    return Evidence(
        quote_id=q.id, article_id=q.article_id, start=q.start, end=q.end, text=q.text, label=label,
        confidence=max(v.confidence for v in votes), source="annotator" if human else votes[0].source,
        kind=q.kind, title=art.title if art else None, url=art.url if art else None,
        published=art.published if art else None, annotators=item.reviewed.get(question, []),
        model_label=item.model_label.get(question), disputed=question in item.disputed,
    )


def experts_of(cells: Sequence[Cell]) -> list[tuple[str, str]]:
    """(expert_id, name) of the matrix rows, in row order."""
    seen: dict[str, str] = {}
    for c in cells:
        seen.setdefault(c.expert_id or slug(c.expert), c.expert)
    return list(seen.items())
