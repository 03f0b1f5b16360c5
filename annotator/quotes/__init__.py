"""Quotes: find every quote in an article and attribute it to a canonical speaker.

    from annotator.quotes import find_quotes, collect_experts, People
    people = People.load("seeds/experts.yaml")      # optional registry
    quotes = find_quotes(article, people)          # list[Quote], text order
    experts = collect_experts(quotes, people)      # the speakers, one record each
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from annotator.models import Article, Expert, Quote
from annotator.quotes.attribute import resolve
from annotator.quotes.extract import find_raw
from annotator.quotes.people import People, slug


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
        raws, sents = find_raw(article.text)
        return resolve(article.id, article.text, raws, sents, people)
    finally:
        if was_enabled:
            gc.enable()


class ExpertCollector:
    """`collect_experts`, one quote at a time: keeps the order in which people first speak
    and the articles each speaks in (one entry a speaker and article), not the quotes."""

    def __init__(self, people: People | None = None):
        self.people = people if people is not None else People()
        self.order: list[str] = []
        self.articles: dict[str, dict[str, None]] = {}  # speaker -> articles, in order

    def add(self, q: Quote) -> None:
        if not q.speaker_id or not q.speaker:
            return
        if self.people.get(q.speaker_id) is None:
            self.people.meet(q.speaker, role=q.role, organisation=q.organisation)
        seen = self.articles.get(q.speaker_id)
        if seen is None:
            self.order.append(q.speaker_id)
            seen = self.articles[q.speaker_id] = {}
        seen[q.article_id] = None

    def experts(self) -> list[Expert]:
        out = []
        for pid in self.order:
            p = self.people.get(pid)
            if p is None or p.kind != "person":
                continue
            e = p.expert()
            out.append(e.model_copy(update={"articles": list(self.articles[pid])}))
        return out


def collect_experts(quotes: Iterable[Quote], people: People | None = None) -> list[Expert]:
    """The named people speaking in `quotes`, one Expert each (registry data first, then
    what the articles said: role, organisation, articles). Groups are left out."""
    collector = ExpertCollector(people)
    for q in quotes:
        collector.add(q)
    return collector.experts()


__all__ = ["ExpertCollector", "People", "collect_experts", "find_quotes", "slug"]
