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

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

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
from annotator.scratch import Scratch

MIXED = "mixed"
NEUTRAL = "neutral"
NO_SPEAKER = {"", "none", "null", "unknown", "nobody", "-"}


@dataclass(frozen=True)
class Vote:
    """One quote's label on one question, as used by the aggregation."""

    label: str
    confidence: float
    source: str = "model"


class _Kept(NamedTuple):
    """What the matrix needs of a quote it keeps (evidence, or named by a reviewer): not its
    context, cue or stances, which stay in quotes.jsonl."""

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

    @classmethod
    def of(cls, q: Quote) -> _Kept:
        return cls(q.id, q.article_id, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_id, q.role,
                   q.organisation, q.attribution, q.speaker_is_expert)


@dataclass(slots=True)
class _Item:
    """The final labels of one quote: the model's vote per question, the reviewers' votes
    where they labelled it, and the review bookkeeping."""

    quote: _Kept
    speaker_key: str | None
    preds: dict[str, Vote]
    human: dict[str, list[Vote]] = field(default_factory=dict)
    reviewed: dict[str, list[str]] = field(default_factory=dict)  # question -> annotators
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


def units(confidence: float) -> int:
    return round(confidence * UNITS)


def combine(votes: Sequence[Vote], labels: Sequence[str], *, na_units: int = 0,
            na_count: int = 0) -> tuple[str, float]:
    """The cell label and confidence from the votes of an expert's quotes on one question
    (plus, as a sum in `units` and a count, not_addressed votes not passed one by one)."""
    addressed = [v for v in votes if v.label != NOT_ADDRESSED]
    if not addressed:
        total = sum(units(v.confidence) for v in votes) + na_units
        count = len(votes) + na_count
        return NOT_ADDRESSED, round(total / count / UNITS, 4) if count else 1.0
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
        item.human[question] = [Vote(label, share, "annotator") for label in top]
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


class _Who(NamedTuple):
    """The quote fields that decide a quote's matrix row (what `_Speakers.key_of` reads)."""

    speaker: str | None
    speaker_id: str | None
    attribution: str
    speaker_is_expert: bool


Pos = tuple[int, int, int]  # (article order, start, end): the order of quotes in the run


@dataclass(slots=True)
class _Seen:
    """What the matrix remembers of one speaker (a distinct `_Who`) however many quotes they
    have: where their first quote stands, their first role and organisation, and the sum (in
    `units`) and count of the not_addressed confidences of their quotes that address no
    question. Their quotes that do (the evidence) are on disk, in the scratch store."""

    n: int  # the speaker's number in the scratch store
    first: Pos
    role: tuple[Pos, str] | None = None
    organisation: tuple[Pos, str] | None = None
    na_units: dict[str, int] = field(default_factory=dict)
    na_count: dict[str, int] = field(default_factory=dict)


class MatrixBuilder:
    """`build_matrix`, one quote at a time, in memory that does not grow with the corpus.
    A quote that addresses a question (evidence) goes to the scratch store (SQLite, on disk
    during a run); a quote a reviewed label names stays in memory (there are as many as
    there are reviews); every other quote only adds to its speaker's running figures.
    Quotes must come article by article (all of one article together), as a run makes them.
    The cells come one expert at a time (`iter_cells`), each row's evidence read back.

        builder = MatrixBuilder(codebook, reviewed)
        for q in quotes: builder.add(q)
        cells = builder.cells(experts)
    """

    def __init__(self, codebook: Codebook, reviewed: Sequence[ReviewedLabel] = (), *, keep_all: bool = False,
                 scratch: Scratch | None = None):
        self.codebook = codebook
        self.keep_all = keep_all  # keep every quote whole (the reference the compact path is tested against)
        self.reviewed = list(reviewed)
        self._review_ids = {lab.quote_id for lab in self.reviewed}
        self._review_spans = {(lab.article_id, lab.start, lab.end) for lab in self.reviewed}
        self._questions = [q.id for q in codebook.questions]
        self.scratch = scratch if scratch is not None else Scratch()
        self._db = self.scratch.db
        self._db.execute("CREATE TABLE kept (who INTEGER NOT NULL, art INTEGER NOT NULL, start INTEGER NOT NULL, "
                         "stop INTEGER NOT NULL, quote TEXT NOT NULL, votes TEXT NOT NULL)")
        self.items: dict[str, _Item] = {}  # the quotes reviewers named
        self.positions: dict[str, Pos] = {}
        self.seen: dict[_Who, _Seen] = {}
        self.stored = 0  # quotes in the scratch store
        self._article: str | None = None
        self._order = 0
        self._ids_here: set[str] = set()
        self.count = 0

    @property
    def kept(self) -> int:
        """Quotes kept whole (stored or in memory), as opposed to only counted."""
        return self.stored + len(self.items)

    def add(self, q: Quote) -> None:
        if q.article_id != self._article:
            self._article, self._ids_here = q.article_id, set()
            self._order = self.scratch.article(q.article_id)
        if q.id in self._ids_here:
            return
        self._ids_here.add(q.id)
        self.count += 1
        pos = (self._order, q.start, q.end)
        stances = q.stances or {}
        preds = [(qid, stances.get(qid)) for qid in self._questions]
        if q.id in self._review_ids or (q.article_id, q.start, q.end) in self._review_spans:
            votes = {qid: Vote(p.label, p.confidence, p.source) for qid, p in preds if p is not None}
            self.items[q.id] = _Item(quote=_Kept.of(q), speaker_key=None, preds=votes)
            self.positions[q.id] = pos
            return
        who = _Who(q.speaker, q.speaker_id, q.attribution, q.speaker_is_expert)
        rec = self.seen.get(who)
        if rec is None:
            rec = self.seen[who] = _Seen(n=len(self.seen), first=pos)
        elif pos < rec.first:
            rec.first = pos
        if q.role and (rec.role is None or pos < rec.role[0]):
            rec.role = (pos, q.role)
        if q.organisation and (rec.organisation is None or pos < rec.organisation[0]):
            rec.organisation = (pos, q.organisation)
        if self.keep_all or any(p is not None and p.label != NOT_ADDRESSED for _, p in preds):
            votes_json = json.dumps({qid: [p.label, p.confidence, p.source] for qid, p in preds if p is not None},
                                    ensure_ascii=False, separators=(",", ":"))
            self._db.execute("INSERT INTO kept VALUES (?, ?, ?, ?, ?, ?)",
                             (rec.n, pos[0], q.start, q.end, json.dumps(_Kept.of(q), ensure_ascii=False), votes_json))
            self.stored += 1
            return
        for qid, pred in preds:
            if pred is not None:
                rec.na_units[qid] = rec.na_units.get(qid, 0) + units(pred.confidence)
                rec.na_count[qid] = rec.na_count.get(qid, 0) + 1

    def _stored(self, whos: Sequence[int]) -> list[tuple[Pos, _Item, int]]:
        """The stored quotes of these speakers, in run order: (position, item, article order)."""
        if not whos:
            return []
        marks = ",".join("?" * len(whos))
        out = []
        cur = self._db.execute(f"SELECT art, start, stop, quote, votes FROM kept WHERE who IN ({marks}) "
                               "ORDER BY art, start, stop", list(whos))
        for art, start, stop, quote, votes in cur:
            preds = {qid: self._vote(*v) for qid, v in json.loads(votes).items()}
            out.append(((art, start, stop), _Item(quote=_Kept(*json.loads(quote)), speaker_key=None, preds=preds),
                        art))
        return out

    @staticmethod
    @lru_cache(maxsize=4096)
    def _vote(label: str, confidence: float, source: str) -> Vote:
        return Vote(label, confidence, source)

    def iter_cells(self, experts: Iterable[Expert] = (), articles: dict[str, Article] | None = None,
                   *, reporter: Reporter | None = None) -> Iterator[Cell]:
        """One cell per expert (who speaks in the quotes added) and codebook question, in the
        order the experts first speak and the codebook's question order, one expert at a
        time. Article titles, links and dates come from `articles`, else from the scratch
        store (`Scratch.article`)."""
        articles = articles or {}
        codebook = self.codebook
        # indexed once all quotes are in (cheaper than keeping an index up to date while adding)
        self._db.execute("CREATE INDEX IF NOT EXISTS kept_who ON kept (who, art, start, stop)")
        speakers = _Speakers(experts)
        for item in self.items.values():
            item.speaker_key = speakers.key_of(item.quote)
        if self.reviewed:
            by_span = {(it.quote.article_id, it.quote.start, it.quote.end): qid for qid, it in self.items.items()}
            _apply_reviews(self.items, by_span, self.reviewed, codebook, speakers, reporter)

        firsts: dict[str, Pos] = {}
        whos: dict[str, list[tuple[_Who, _Seen]]] = {}
        reviewed_items: dict[str, list[tuple[Pos, _Item]]] = {}
        for who, rec in self.seen.items():
            key = speakers.key_of(who)
            if key is not None:
                whos.setdefault(key, []).append((who, rec))
                firsts[key] = min(firsts.get(key, rec.first), rec.first)
        for qid, it in self.items.items():
            if it.speaker_key is not None:
                pos = self.positions[qid]
                reviewed_items.setdefault(it.speaker_key, []).append((pos, it))
                firsts[it.speaker_key] = min(firsts.get(it.speaker_key, pos), pos)

        meta_cache: dict[int, dict] = {}

        def article_meta(pos: Pos, article_id: str) -> dict:
            """Title, url and date of a quote's article: from `articles`, else the store."""
            if article_id in articles:
                a = articles[article_id]
                return {"title": a.title, "url": a.url, "published": a.published}
            if pos[0] not in meta_cache:
                if len(meta_cache) > 4096:
                    meta_cache.clear()
                meta_cache[pos[0]] = self.scratch.meta(pos[0])
            return meta_cache[pos[0]]

        for key in sorted(firsts, key=lambda k: firsts[k]):
            expert = speakers.records.get(key)
            row_whos = whos.get(key, [])
            entries = [(pos, it) for pos, it, _ in self._stored([rec.n for _, rec in row_whos])]
            entries += reviewed_items.get(key, [])
            entries.sort(key=lambda e: e[0])
            its = [it for _, it in entries]
            quiet = [rec for _, rec in row_whos]
            own: list[tuple[Pos, str | None, str | None, str | None]] = []  # (pos, speaker, role, organisation)
            for pos, it in reviewed_items.get(key, []):
                q = it.quote
                if key in (q.speaker_id, slug(q.speaker or "")):
                    own.append((pos, q.speaker, q.role, q.organisation))
            for who, rec in row_whos:
                if key in (who.speaker_id, slug(who.speaker or "")):
                    own.append((rec.first, who.speaker, None, None))
                    if rec.role:
                        own.append((rec.role[0], None, rec.role[1], None))
                    if rec.organisation:
                        own.append((rec.organisation[0], None, None, rec.organisation[1]))
            own.sort(key=lambda o: o[0])
            first_name = next((o[1] for o in own if o[1] is not None), None)
            name = expert.name if expert else first_name or key
            role = (expert.role if expert else None) or next((o[2] for o in own if o[2]), None)
            org = (expert.organisation if expert else None) or next((o[3] for o in own if o[3]), None)

            for question in codebook.questions:
                labels = codebook.labels_for(question.id)
                votes = [v for it in its for v in it.votes(question.id)]
                na_units = sum(rec.na_units.get(question.id, 0) for rec in quiet)
                na_count = sum(rec.na_count.get(question.id, 0) for rec in quiet)
                stance, confidence = combine(votes, labels, na_units=na_units, na_count=na_count)
                evidence = []
                for pos, it in entries:
                    shown = _lead_label(it, question.id, labels)
                    if shown == NOT_ADDRESSED:
                        continue
                    evidence.append(_evidence(it, question.id, shown, article_meta(pos, it.quote.article_id)))
                yield Cell(
                    expert=name, expert_id=key, question=question.id, stance=stance, confidence=confidence,
                    reviewed=any(question.id in it.reviewed for it in its),
                    disputed=any(question.id in it.disputed for it in its),
                    role=role, organisation=org, evidence=evidence,
                )

    def cells(self, experts: Iterable[Expert] = (), articles: dict[str, Article] | None = None,
              *, reporter: Reporter | None = None) -> list[Cell]:
        """`iter_cells` as a list."""
        return list(self.iter_cells(experts, articles, reporter=reporter))


def build_matrix(quotes: Iterable[Quote], codebook: Codebook, experts: Iterable[Expert] = (),
                 reviewed: Sequence[ReviewedLabel] = (), articles: dict[str, Article] | None = None,
                 *, reporter: Reporter | None = None) -> list[Cell]:
    """One cell per expert (who speaks in `quotes`) and codebook question, in the order the
    experts first speak and the codebook's question order. See the module doc for the rules."""
    by_article: dict[str, list[Quote]] = {}
    seen: set[str] = set()
    for q in quotes:
        if q.id not in seen:
            seen.add(q.id)
            by_article.setdefault(q.article_id, []).append(q)
    with Scratch() as scratch:
        builder = MatrixBuilder(codebook, reviewed, scratch=scratch)
        for group in by_article.values():
            for q in group:
                builder.add(q)
        return builder.cells(experts, articles, reporter=reporter)


def _evidence(item: _Item, question: str, label: str, article: dict) -> Evidence:
    q = item.quote
    votes = item.votes(question)
    human = question in item.reviewed
    return Evidence(
        quote_id=q.id, article_id=q.article_id, start=q.start, end=q.end, text=q.text, label=label,
        confidence=max(v.confidence for v in votes), source="annotator" if human else votes[0].source,
        kind=q.kind, title=article.get("title"), url=article.get("url"),
        published=article.get("published"), annotators=item.reviewed.get(question, []),
        model_label=item.model_label(question), disputed=question in item.disputed,
    )


def experts_of(cells: Sequence[Cell]) -> list[tuple[str, str]]:
    """(expert_id, name) of the matrix rows, in row order."""
    seen: dict[str, str] = {}
    for c in cells:
        seen.setdefault(c.expert_id or slug(c.expert), c.expert)
    return list(seen.items())
