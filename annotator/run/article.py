"""The per-article work of a run, the part spread over processes (or Dask workers).

Each article is annotated with a fresh copy of the registry, never with what other articles
taught it: the result of an article does not depend on which process handled it or on what
came before, so `--jobs N` gives the bytes of `--jobs 1`. Speakers are linked across
articles afterwards, in input order (`annotator.run.link`)."""

from __future__ import annotations

import copy
import dataclasses

from annotator.models import Article, Quote
from annotator.quotes import find_quotes
from annotator.quotes.people import People
from annotator.run.context import Context
from annotator.stance.predict import predict_quotes


def annotate_article(article: Article, ctx: Context) -> list[Quote]:
    """One article's quotes, attributed, each with a stance on every codebook question."""
    quotes = find_quotes(article, ctx.people)
    if not quotes:
        return []
    return predict_quotes(quotes, ctx.codebook, ctx.model, articles={article.id: article})


def annotate_for_article(article: Article, ctx: Context) -> list[Quote]:
    """`annotate_article` with its own copy of the registry."""
    return annotate_article(article, dataclasses.replace(ctx, people=copy.deepcopy(ctx.people)))


def quotes_for_article(article: Article, registry: People) -> list[Quote]:
    """`find_quotes` on one article with its own copy of the registry."""
    return find_quotes(article, copy.deepcopy(registry))


__all__ = ["annotate_article", "annotate_for_article", "quotes_for_article"]
