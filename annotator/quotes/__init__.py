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


def collect_experts(quotes: Iterable[Quote], people: People | None = None) -> list[Expert]:
    """The named people speaking in `quotes`, one Expert each (registry data first, then
    what the articles said: role, organisation, articles). Groups are left out."""
    people = people if people is not None else People()
    order: list[str] = []
    articles: dict[str, list[str]] = {}
    for q in quotes:
        if not q.speaker_id or not q.speaker:
            continue
        if people.get(q.speaker_id) is None:
            people.meet(q.speaker, role=q.role, organisation=q.organisation)
        if q.speaker_id not in articles:
            order.append(q.speaker_id)
            articles[q.speaker_id] = []
        if q.article_id not in articles[q.speaker_id]:
            articles[q.speaker_id].append(q.article_id)
    out = []
    for pid in order:
        p = people.get(pid)
        if p is None or p.kind != "person":
            continue
        e = p.expert()
        out.append(e.model_copy(update={"articles": articles[pid]}))
    return out


__all__ = ["People", "collect_experts", "find_quotes", "slug"]
