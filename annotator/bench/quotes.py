"""`annotator bench quotes`: quote extraction speed (articles per CPU second on one core) and
memory (peak RSS, growth over the second half of the run)."""

from __future__ import annotations

import resource
import time
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.models import Article
from annotator.quotes import find_quotes
from annotator.quotes.people import People


@dataclass
class BenchResult:
    articles: int
    characters: int
    quotes: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    rss_growth_mb: float

    @property
    def articles_per_second(self) -> float:
        """Per second of CPU time on one core (wall time varies with the machine's load)."""
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    def lines(self) -> list[str]:
        return [
            f"articles            {self.articles}",
            f"characters          {self.characters}",
            f"quotes              {self.quotes}",
            f"wall seconds        {self.seconds:.2f}",
            f"CPU seconds         {self.cpu_seconds:.2f}",
            f"articles/s          {self.articles_per_second:.1f} (one core, CPU time)",
            f"articles/s (wall)   {self.articles / self.seconds if self.seconds else 0:.1f}",
            f"characters/s        {self.characters / self.cpu_seconds if self.cpu_seconds else 0:.0f}",
            f"peak RSS MB         {self.peak_rss_mb:.1f}",
            f"RSS growth MB       {self.rss_growth_mb:.1f} (second half of the run)",
        ]


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:  # not Linux: fall back to the peak
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_quotes(articles: Iterable[Article], repeat: int = 1) -> BenchResult:
    """Time `find_quotes` over the articles (`repeat` passes, one People registry for the
    run as in `annotator quotes`) and measure memory: peak RSS, and how far the current RSS
    grew over the second half of the run (flat when memory does not grow with articles)."""
    arts = list(articles)
    people = People()
    total = len(arts) * repeat
    n = chars = quotes = 0
    mid_rss: float | None = None
    t0 = time.perf_counter()
    c0 = time.process_time()
    for r in range(repeat):
        for a in arts:
            quotes += len(
                find_quotes(a if repeat == 1 else a.model_copy(update={"id": f"{a.id}#{r}"}), people)
            )
            n += 1
            chars += len(a.text)
            if mid_rss is None and n >= total // 2:
                mid_rss = _rss_mb()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    end_rss = _rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(n, chars, quotes, seconds, cpu, peak, end_rss - (mid_rss or end_rss))
