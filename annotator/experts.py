"""The people who speak in a run, one record each, with the articles they speak in.

    experts = collect_experts(quotes, people)     # a list of quotes at hand
    collector = ExpertCollector(people, scratch)  # a run: one quote at a time
    for q in quotes: collector.add(q)
    for e in collector.iter_experts(): ...

The collector keeps the order in which people first speak, not the quotes; which articles
each speaks in goes to the scratch store (on disk during a run), so memory grows with the
number of speakers, not of articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.models import Expert, Quote
from annotator.quotes.people import People
from annotator.scratch import Scratch


class ExpertCollector:
    def __init__(self, people: People | None = None, scratch: Scratch | None = None):
        self.people = people if people is not None else People()
        self.scratch = scratch if scratch is not None else Scratch()
        self.order: dict[str, int] = {}  # speaker id -> its number, in the order they first speak
        self.counts: list[int] = []  # quotes of each speaker, by number
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
            self.counts.append(0)
        self.counts[n] += 1
        if q.article_id != self._article:
            self._article, self._art, self._here = q.article_id, self.scratch.article(q.article_id), set()
        if n not in self._here:
            self._here.add(n)
            self.scratch.add_speaks(n, self._art)

    def iter_experts(self, *, articles: bool = True) -> Iterator[Expert]:
        """One Expert a person who spoke, in the order they first spoke; `articles=False`
        leaves out the articles each speaks in (the list that grows with the corpus)."""
        for pid, n in self.order.items():
            p = self.people.get(pid)
            if p is None or p.kind != "person":
                continue
            ids = self.scratch.articles_of(n) if articles else []
            yield p.expert().model_copy(update={"articles": ids, "quotes": self.counts[n]})

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


__all__ = ["ExpertCollector", "collect_experts"]
