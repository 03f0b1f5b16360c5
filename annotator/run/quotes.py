"""`annotator quotes` as a library call: the quotes of every article, in input order, over
any number of processes; speakers linked across articles afterwards, so the output does not
depend on the number of processes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest import iter_articles
from annotator.io import Reporter
from annotator.models import Article, Quote
from annotator.parallel import map_ordered
from annotator.run.article import quotes_for_article
from annotator.run.context import QuotesSetup
from annotator.run.link import link_across_articles


def stream_quotes(
    inputs: Sequence[Path | str],
    experts: Path | None = None,
    reporter: Reporter | None = None,
    encoding: str | None = None,
    jobs: int | None = None,
    progress: bool = False,
) -> Iterator[Quote]:
    reporter = reporter or Reporter()
    setup = QuotesSetup(str(experts) if experts else None)
    articles: Iterable[Article] = iter_articles(inputs, reporter, encoding)
    if progress:
        from tqdm import tqdm

        articles = tqdm(
            articles, unit=" articles", file=sys.stderr, disable=None, mininterval=0.5, leave=False
        )
    read = 0

    def counted() -> Iterator[Article]:
        nonlocal read
        for art in articles:
            read += 1
            yield art

    pairs = map_ordered(
        quotes_for_article,
        counted(),
        jobs,
        init=setup,
        reporter=reporter,
        describe=lambda a: a.source or a.id,
    )
    yield from link_across_articles((q for _, found in pairs for q in found), setup())
    if not read:  # raised inside the writer: an output file is not made
        raise InputError("no article could be read from the inputs (see the warnings above); check the paths")


__all__ = ["stream_quotes"]
