"""matrix.json: the whole matrix in one document (meta, questions, labels, experts, cells
with their evidence, and a compact expert -> question -> stance map). Written piece by
piece: the articles and the cells are never all in memory (`chunks`)."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.export.view import (
    LABEL_MEANINGS,
    MatrixData,
    data_as_of,
    generated_at,
    iso_date,
    short_label,
    style,
)
from annotator.io import Streamed, json_chunks


def meta(data: MatrixData) -> dict:
    """The run's description: counts, versions and dates (deterministic: no wall clock)."""
    from annotator import __version__

    book = data.codebook
    rows = data.rows()
    cells = [c for r in rows for c in r.cells.values()]
    m = data.meta
    return {
        "title": data.title(),
        "tool": f"expert-stance-annotator {__version__}",
        "generated_at": generated_at(),
        "data_as_of": data_as_of(data),
        "model_version": m.get("model_version"),
        "codebook_version": book.version if book else m.get("codebook_version"),
        "codebook_digest": book.digest if book else m.get("codebook_digest"),
        "articles": sum(1 for _ in data.iter_articles()),
        "quotes": data.quote_count(),
        "expert_quotes": m["expert_quotes"]
        if "expert_quotes" in m
        else len({e.quote_id for c in data.iter_cells() for e in c.evidence}),
        "experts": len(rows),
        "questions": len(data.questions),
        "reviewed_labels": m.get("reviewed_labels", 0),
        "reviewed_cells": sum(c.reviewed for c in cells),
        "disputed_cells": sum(c.disputed for c in cells),
    }


def document(data: MatrixData) -> dict:
    """The document, its articles and cells as `Streamed` lists (read when written)."""
    labels = data.labels
    rows = data.rows()
    return {
        "meta": meta(data),
        "questions": [
            {"id": q.id, "short": short_label(q), "text": q.text, "description": q.description}
            for q in data.questions
        ],
        "labels": [
            {
                "label": lab,
                "word": style(lab, labels).word,
                "symbol": style(lab, labels).symbol,
                "colour": style(lab, labels).colour,
                "meaning": LABEL_MEANINGS.get(lab),
            }
            for lab in labels
        ],
        "articles": Streamed(
            lambda: ({**a, "published": iso_date(a.get("published"))} for a in data.iter_articles())
        ),
        "experts": [
            {"id": r.id, "name": r.name, "role": r.role, "organisation": r.organisation} for r in rows
        ],
        "matrix": {r.id: {q: c.stance for q, c in r.cells.items()} for r in rows},
        "cells": Streamed(lambda: (c.model_dump(mode="json") for c in data.iter_cells())),
    }


def chunks(data: MatrixData) -> Iterator[str]:
    return json_chunks(document(data))


def render(data: MatrixData) -> str:
    return "".join(chunks(data))
