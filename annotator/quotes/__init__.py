"""Quotes: find every quote in an article and attribute it to a canonical speaker.

    from annotator.quotes import find_quotes, collect_experts, People
    people = People.load("seeds/experts.yaml")      # optional registry
    quotes = find_quotes(article, people)          # list[Quote], text order
    experts = collect_experts(quotes, people)      # the speakers, one record each
"""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Iterable, Iterator

from annotator.models import Article, Expert, Quote
from annotator.quotes.attribute import resolve
from annotator.quotes.extract import find_raw
from annotator.quotes.people import People, slug
from annotator.scratch import Scratch


def matching_view(text: str) -> str:
    """The text the rules read, of the same length as `text` so that every offset holds:
    a combining mark (a decomposed accent) becomes a letter, so "Noe\u0308l" stays one word;
    a format character (bidi controls, zero-width spaces; not the zero-width joiner inside
    emoji) becomes a space. Quotes and names are still cut from the original text."""
    if text.isascii():
        return text
    table = {}
    for ch in set(text):
        if ch.isascii():
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Mc", "Me"):
            table[ord(ch)] = "a"
        elif cat == "Cf" and ch != "\u200d":
            table[ord(ch)] = " "
    return text.translate(table) if table else text


def _restore_mentions(raws: list, text: str, view: str) -> None:
    """Speaker words as the article writes them (the rules read `matching_view`)."""
    for r in raws:
        m = r.mention
        if m is None:
            continue
        m.text = text[m.start:m.end]
        if m.appositive:
            at = m.app_start if m.app_start is not None and view.startswith(m.appositive, m.app_start) \
                else view.find(m.appositive, m.start)
            if at >= 0:
                m.appositive = text[at:at + len(m.appositive)]


def find_quotes(article: Article, people: People | None = None) -> list[Quote]:
    """Extraction and attribution for one article. Deterministic and without I/O; the
    people registry, when given, learns the speakers met (one canonical record a person
    across the articles of a run)."""
    people = people if people is not None else People()
    # The objects made here form no reference cycles; pausing the cyclic collector keeps a
    # huge article (10^5 quotes) linear instead of rescanning a growing heap.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        text = article.text
        view = matching_view(text)
        raws, sents = find_raw(view)
        if view is not text:
            _restore_mentions(raws, text, view)
        return resolve(article.id, text, raws, sents, people)
    finally:
        if was_enabled:
            gc.enable()


class ExpertCollector:
    """`collect_experts`, one quote at a time: keeps the order in which people first speak,
    not the quotes; which articles each speaks in goes to the scratch store (on disk during
    a run), so memory grows with the number of speakers, not of articles."""

    def __init__(self, people: People | None = None, scratch: Scratch | None = None):
        self.people = people if people is not None else People()
        self.scratch = scratch if scratch is not None else Scratch()
        self.scratch.db.execute("CREATE TABLE speaks (speaker INTEGER NOT NULL, art INTEGER NOT NULL, "
                                "PRIMARY KEY (speaker, art)) WITHOUT ROWID")
        self.order: dict[str, int] = {}  # speaker id -> its number, in the order they first speak
        self._article: str | None = None
        self._art = 0
        self._here: set[int] = set()

    def add(self, q: Quote) -> None:
        if not q.speaker_id or not q.speaker:
            return
        if self.people.get(q.speaker_id) is None:
            self.people.meet(q.speaker, role=q.role, organisation=q.organisation)
        n = self.order.get(q.speaker_id)
        if n is None:
            n = self.order[q.speaker_id] = len(self.order)
        if q.article_id != self._article:
            self._article, self._art, self._here = q.article_id, self.scratch.article(q.article_id), set()
        if n not in self._here:
            self._here.add(n)
            self.scratch.db.execute("INSERT OR IGNORE INTO speaks VALUES (?, ?)", (n, self._art))

    def iter_experts(self, *, articles: bool = True) -> Iterator[Expert]:
        """One Expert a person who spoke, in the order they first spoke; `articles=False`
        leaves out the articles each speaks in (the list that grows with the corpus)."""
        for pid, n in self.order.items():
            p = self.people.get(pid)
            if p is None or p.kind != "person":
                continue
            e = p.expert()
            ids = [row[0] for row in self.scratch.db.execute(
                "SELECT a.id FROM speaks s JOIN articles a ON a.n = s.art WHERE s.speaker = ? ORDER BY s.art",
                (n,))] if articles else []
            yield e.model_copy(update={"articles": ids})

    def experts(self, *, articles: bool = True) -> list[Expert]:
        return list(self.iter_experts(articles=articles))


def collect_experts(quotes: Iterable[Quote], people: People | None = None) -> list[Expert]:
    """The named people speaking in `quotes`, one Expert each (registry data first, then
    what the articles said: role, organisation, articles). Groups are left out."""
    with Scratch() as scratch:
        collector = ExpertCollector(people, scratch)
        for q in quotes:
            collector.add(q)
        return collector.experts()


__all__ = ["ExpertCollector", "People", "collect_experts", "find_quotes", "slug"]
