"""Quotes: find every quote in an article and attribute it to a canonical speaker.

from annotator.quotes import find_quotes, People
people = People.load("seeds/experts.yaml")      # optional registry
quotes = find_quotes(article, people)          # list[Quote], text order
(the speakers of many quotes, one record each: `annotator.experts.collect_experts`)
"""

from __future__ import annotations

import gc
import unicodedata

from annotator.models import Article, Quote
from annotator.quotes.attribute import resolve
from annotator.quotes.extract import find_raw
from annotator.quotes.people import People, slug


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
        m.text = text[m.start : m.end]
        if m.appositive:
            at = (
                m.app_start
                if m.app_start is not None and view.startswith(m.appositive, m.app_start)
                else view.find(m.appositive, m.start)
            )
            if at >= 0:
                m.appositive = text[at : at + len(m.appositive)]


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


__all__ = ["People", "find_quotes", "matching_view", "slug"]
