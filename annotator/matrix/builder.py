"""The matrix builder: quotes in, one cell per expert and question out, in memory that does
not grow with the corpus. The rules it applies are `annotator.matrix.rules`; what grows with
the corpus (the evidence quotes) is kept in the scratch store.

- Rows are the experts who speak (or, with rows="people", every named person), in the order
  they first speak; cells follow the codebook's question order.
- Evidence lists every quote of the row that addresses the question (label other than
  not_addressed), with its source ("model" or "annotator"), ordered by article and offset.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from annotator.io import Reporter
from annotator.matrix.rules import Item, KeptQuote, RowKeys, Vote, apply_reviews, combine, lead_label, units
from annotator.models import NOT_ADDRESSED, Article, Cell, Codebook, Evidence, Expert, Quote, ReviewedLabel
from annotator.quotes.people import slug  # the canonical expert-id rule ("first-last")
from annotator.scratch import Scratch

#: a quotation's words, for spotting a word-for-word repeat in its article
REPEAT_WORDS_RE = re.compile(r"[^\W_]+")
REPEAT_MIN_WORDS = 5  # shorter quotations ("Yes, absolutely.") repeat by nature and all count


class _Who(NamedTuple):
    """The quote fields that decide a quote's matrix row (what `RowKeys.key_of` reads)."""

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

    def __init__(
        self,
        codebook: Codebook,
        reviewed: Sequence[ReviewedLabel] = (),
        *,
        scratch: Scratch | None = None,
        rows: str = "experts",
        where: Sequence[str] | None = None,
    ):
        self.codebook = codebook
        self.rows = rows
        self.where = where  # each reviewed label's FILE:LINE, for the warnings
        self.reviewed = list(reviewed)
        self._review_ids = {lab.quote_id for lab in self.reviewed}
        self._review_spans = {(lab.article_id, lab.start, lab.end) for lab in self.reviewed}
        self._questions = [q.id for q in codebook.questions]
        self.scratch = scratch if scratch is not None else Scratch()
        self.items: dict[str, Item] = {}  # the quotes reviewers named
        self.positions: dict[str, Pos] = {}
        self.seen: dict[_Who, _Seen] = {}
        self.stored = 0  # quotes in the scratch store
        self._article: str | None = None
        self._order = 0
        self._ids_here: set[str] = set()
        self._words_here: set[tuple[str, ...]] = set()
        self.count = 0

    @property
    def kept(self) -> int:
        """Quotes kept whole (stored or in memory), as opposed to only counted."""
        return self.stored + len(self.items)

    def add(self, q: Quote) -> None:
        if q.article_id != self._article:
            self._article, self._ids_here, self._words_here = q.article_id, set(), set()
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
            self.items[q.id] = Item(quote=KeptQuote.of(q), speaker_key=None, preds=votes)
            self.positions[q.id] = pos
            return
        if q.kind == "direct":
            # a quotation repeated word for word in its article (a pull quote, a summary box)
            # is one statement: its repeat adds no evidence
            words = tuple(REPEAT_WORDS_RE.findall(q.text.lower()))
            if len(words) >= REPEAT_MIN_WORDS:
                if words in self._words_here:
                    return
                self._words_here.add(words)
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
        if any(p is not None and p.label != NOT_ADDRESSED for _, p in preds):
            votes_json = json.dumps(
                {qid: [p.label, p.confidence, p.source] for qid, p in preds if p is not None},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            self.scratch.add_evidence(
                rec.n, pos[0], q.start, q.end, json.dumps(KeptQuote.of(q), ensure_ascii=False), votes_json
            )
            self.stored += 1
            return
        for qid, pred in preds:
            if pred is not None:
                rec.na_units[qid] = rec.na_units.get(qid, 0) + units(pred.confidence)
                rec.na_count[qid] = rec.na_count.get(qid, 0) + 1

    def _stored(self, whos: Sequence[int]) -> list[tuple[Pos, Item, int]]:
        """The stored quotes of these speakers, in run order: (position, item, article order)."""
        out = []
        for art, start, stop, quote, votes in self.scratch.evidence_of(whos):
            preds = {qid: self._vote(*v) for qid, v in json.loads(votes).items()}
            out.append(
                (
                    (art, start, stop),
                    Item(quote=KeptQuote(*json.loads(quote)), speaker_key=None, preds=preds),
                    art,
                )
            )
        return out

    @staticmethod
    @lru_cache(maxsize=4096)
    def _vote(label: str, confidence: float, source: str) -> Vote:
        return Vote(label, confidence, source)

    def iter_cells(
        self,
        experts: Iterable[Expert] = (),
        articles: dict[str, Article] | None = None,
        *,
        reporter: Reporter | None = None,
    ) -> Iterator[Cell]:
        """One cell per expert (who speaks in the quotes added) and codebook question, in the
        order the experts first speak and the codebook's question order, one expert at a
        time. Article titles, links and dates come from `articles`, else from the scratch
        store (`Scratch.article`)."""
        articles = articles or {}
        codebook = self.codebook
        speakers = RowKeys(experts, self.rows)
        for item in self.items.values():
            item.speaker_key = speakers.key_of(item.quote)
        if self.reviewed:
            by_span = {
                (it.quote.article_id, it.quote.start, it.quote.end): qid for qid, it in self.items.items()
            }
            apply_reviews(self.items, by_span, self.reviewed, codebook, speakers, reporter, self.where)

        firsts: dict[str, Pos] = {}
        whos: dict[str, list[tuple[_Who, _Seen]]] = {}
        reviewed_items: dict[str, list[tuple[Pos, Item]]] = {}
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
            own: list[
                tuple[Pos, str | None, str | None, str | None]
            ] = []  # (pos, speaker, role, organisation)
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
                    shown = lead_label(it, question.id, labels)
                    if shown == NOT_ADDRESSED:
                        continue
                    evidence.append(_evidence(it, question.id, shown, article_meta(pos, it.quote.article_id)))
                yield Cell(
                    expert=name,
                    expert_id=key,
                    question=question.id,
                    stance=stance,
                    confidence=confidence,
                    reviewed=any(question.id in it.reviewed for it in its),
                    disputed=any(question.id in it.disputed for it in its),
                    role=role,
                    organisation=org,
                    evidence=evidence,
                )

    def cells(
        self,
        experts: Iterable[Expert] = (),
        articles: dict[str, Article] | None = None,
        *,
        reporter: Reporter | None = None,
    ) -> list[Cell]:
        """`iter_cells` as a list."""
        return list(self.iter_cells(experts, articles, reporter=reporter))


def build_matrix(
    quotes: Iterable[Quote],
    codebook: Codebook,
    experts: Iterable[Expert] = (),
    reviewed: Sequence[ReviewedLabel] = (),
    articles: dict[str, Article] | None = None,
    *,
    reporter: Reporter | None = None,
    rows: str = "experts",
) -> list[Cell]:
    """One cell per expert (who speaks in `quotes`) and codebook question, in the order the
    experts first speak and the codebook's question order. See the module doc for the rules."""
    by_article: dict[str, list[Quote]] = {}
    seen: set[str] = set()
    for q in quotes:
        if q.id not in seen:
            seen.add(q.id)
            by_article.setdefault(q.article_id, []).append(q)
    with Scratch() as scratch:
        builder = MatrixBuilder(codebook, reviewed, scratch=scratch, rows=rows)
        for group in by_article.values():
            for q in group:
                builder.add(q)
        return builder.cells(experts, articles, reporter=reporter)


def _evidence(item: Item, question: str, label: str, article: dict) -> Evidence:
    q = item.quote
    votes = item.votes(question)
    human = question in item.reviewed
    return Evidence(
        quote_id=q.id,
        article_id=q.article_id,
        start=q.start,
        end=q.end,
        text=q.text,
        label=label,
        confidence=max(v.confidence for v in votes),
        source="annotator" if human else votes[0].source,
        kind=q.kind,
        title=article.get("title"),
        url=article.get("url"),
        published=article.get("published"),
        annotators=item.reviewed.get(question, []),
        model_label=item.model_label(question),
        disputed=question in item.disputed,
        reviews=item.review_labels.get(question, {}),
        context=q.context,
        context_start=q.context_start,
        terms=q.terms.get(question, []) if q.terms else [],
    )


def experts_of(cells: Sequence[Cell]) -> list[tuple[str, str]]:
    """(expert_id, name) of the matrix rows, in row order."""
    seen: dict[str, str] = {}
    for c in cells:
        seen.setdefault(c.expert_id or slug(c.expert), c.expert)
    return list(seen.items())
