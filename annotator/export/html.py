"""matrix.html: the newsroom view. One self-contained file (no CDN, no network: a Content
Security Policy forbids any fetch), usable offline and as an iframe embed.

Safety: the table is rendered by Jinja with autoescape; the quotes for the dialog are embedded
as JSON in a `<script type="application/json">` block with `<`, `>` and `&` written as
\\u003c, \\u003e, \\u0026 (so no article text can close the block), and the page's script puts
them into the page with textContent only. The only script allowed to run is the page's own
(its hash is in the CSP), so even a bug in escaping could not run injected code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Iterator
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from annotator.export.json import meta as run_meta
from annotator.export.view import (
    LABEL_MEANINGS,
    MatrixData,
    context_parts,
    directory,
    iso_date,
    short_label,
    style,
    web_url,
)

DIRECTORY_ARTICLES = 12  # articles listed per expert in the directory (the rest are counted)


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("annotator.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def script_json(obj: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' (nor U+2028/9) left."""
    return _script_safe(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def _script_safe(text: str) -> str:
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _aria(expert: str, short: str, word: str, percent: int, reviewed: bool, disputed: bool, n: int) -> str:
    if n == 0:
        return f"{expert} on {short}: {word}; no quote."
    who = "reviewed by a person" if reviewed else "model proposal"
    return (
        f"{expert} on {short}: {word}, {percent}% confidence, {who}"
        + (", reviewers disagree" if disputed else "")
        + f". Show the {n} quote{'s' if n != 1 else ''}."
    )


def _styles(data: MatrixData) -> dict:
    labels = data.labels
    styles = {lab: style(lab, labels) for lab in labels}
    for lab in data.labels_seen():  # a label the codebook does not list still gets a style
        styles.setdefault(lab, style(lab, labels))
    return styles


def context(data: MatrixData) -> dict:
    """The template's variables (plain values; the template escapes them), but for the
    quotes behind the cells, which `payload_chunks` writes."""
    labels = data.labels
    questions = data.questions
    columns = [{"id": q.id, "short": short_label(q), "text": q.text} for q in questions]
    shorts = {c["id"]: c["short"] for c in columns}
    styles = _styles(data)
    rows = []
    for r in data.rows():
        out = []
        for q in questions:
            c = r.cells.get(q.id)
            if c is None:
                continue
            st = styles[c.stance]
            n = r.quotes.get(q.id, 0)
            pct = round(c.confidence * 100)
            out.append(
                {
                    "key": f"{r.id}:{q.id}",
                    "question": q.id,
                    "short": shorts[q.id],
                    "stance": c.stance,
                    "css": st.css,
                    "symbol": st.symbol,
                    "word": st.word,
                    "percent": pct,
                    "reviewed": c.reviewed,
                    "disputed": c.disputed,
                    "evidence": n,
                    "aria": _aria(r.name, shorts[q.id], st.word, pct, c.reviewed, c.disputed, n),
                }
            )
        rows.append(
            {"id": r.id, "name": r.name, "role": r.role, "organisation": r.organisation, "cells": out}
        )
    info = run_meta(data)
    n_quotes = info["expert_quotes"]
    caption = (
        f"Stances of {len(rows)} expert{'s' if len(rows) != 1 else ''} (rows) on {len(columns)} question"
        f"{'s' if len(columns) != 1 else ''} (columns), from {n_quotes} quote{'s' if n_quotes != 1 else ''}. "
        "Hover or focus a column heading for the full question; select a cell to read its quotes."
    )
    legend = [
        {
            "label": lab,
            "css": s.css,
            "symbol": s.symbol,
            "word": s.word,
            "meaning": LABEL_MEANINGS.get(lab, ""),
        }
        for lab, s in styles.items()
        if lab in labels
    ]
    experts = []
    for d in directory(data):
        arts = [
            {
                "title": a.get("title") or a["id"],
                "url": web_url(a.get("url")),
                "date": iso_date(a.get("published")),
            }
            for a in d.articles[:DIRECTORY_ARTICLES]
        ]
        addressed = [
            {
                "id": q.id,
                "short": shorts[q.id],
                "css": styles[d.addressed[q.id]].css,
                "symbol": styles[d.addressed[q.id]].symbol,
                "word": styles[d.addressed[q.id]].word,
            }
            for q in questions
            if q.id in d.addressed
        ]
        experts.append(
            {
                "id": d.id,
                "name": d.name,
                "role": d.role,
                "organisation": d.organisation,
                "quotes": d.quotes,
                "n_articles": len(d.articles),
                "articles": arts,
                "more": max(0, len(d.articles) - DIRECTORY_ARTICLES),
                "addressed": addressed,
                "search": " ".join(
                    [d.name, d.role or "", d.organisation or ""]
                    + [a["title"] for a in arts]
                    + [f"{x['short']} {x['word']}" for x in addressed]
                ).lower(),
            }
        )
    return {
        "title": data.title(),
        "meta": info,
        "rows": rows,
        "experts": experts,
        "columns": columns,
        "legend": legend,
        "styles": list(styles.values()),
        "caption": caption,
        "lang": data.meta.get("lang", "en"),
    }


def payload_chunks(data: MatrixData) -> Iterator[str]:
    """The page's data block, `{"cells": {key: quotes...}, "styles": ...}` as script-safe
    JSON, one expert's cells at a time."""
    questions = data.questions
    shorts = {q.id: short_label(q) for q in questions}
    texts = {q.id: q.text for q in questions}
    styles = _styles(data)
    yield '{"cells":{'
    first = True
    for r, full in data.iter_row_cells():
        for q in questions:
            c = full.get(q.id)
            if c is None or not c.evidence:
                continue
            cell = {
                "expert": r.name,
                "role": r.role,
                "organisation": r.organisation,
                "short": shorts[q.id],
                "question_text": texts[q.id],
                "stance": c.stance,
                "confidence": c.confidence,
                "reviewed": c.reviewed,
                "disputed": c.disputed,
                "evidence": [
                    {
                        "text": e.text,
                        "context": context_parts(e),
                        "terms": e.terms,
                        "label": e.label,
                        "source": e.source,
                        "confidence": e.confidence,
                        "annotators": e.annotators,
                        "model_label": e.model_label,
                        "disputed": e.disputed,
                        "reviews": e.reviews,
                        "title": e.title,
                        "url": e.url,
                        "date": iso_date(e.published),
                        "article_id": e.article_id,
                        "start": e.start,
                        "end": e.end,
                    }
                    for e in c.evidence
                ],
            }
            yield ("" if first else ",") + script_json(f"{r.id}:{q.id}") + ":" + script_json(cell)
            first = False
    yield (
        '},"styles":'
        + script_json({lab: {"symbol": s.symbol, "word": s.word, "css": s.css} for lab, s in styles.items()})
        + "}"
    )


def chunks(data: MatrixData) -> Iterator[str]:
    """The page in pieces: the rendered template around the data block, which is written
    one expert at a time."""
    mark = f"\x00matrix-data-{secrets.token_hex(16)}\x00"  # where the data block goes in the page
    env = _env()
    ctx = context(data)
    css = env.get_template("matrix.css").render(styles=ctx["styles"])
    script = env.loader.get_source(env, "matrix.js")[0]  # raw: not a Jinja template
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    page = env.get_template("matrix.html.j2").render(
        **ctx, data_json=Markup(mark), css=Markup(css), script=Markup(script), script_hash=f"sha256-{digest}"
    )
    head, tail = page.split(mark)
    yield head
    yield from payload_chunks(data)
    yield tail


def render(data: MatrixData) -> str:
    return "".join(chunks(data))
