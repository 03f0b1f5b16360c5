"""CSV exports for spreadsheets, Datawrapper and Flourish: a long table (one row per expert
and question, with the lead quote and its article) and a wide one (experts by questions).

UTF-8, one header row, one table a file, ISO dates, an empty cell for a missing value, and a
leading apostrophe on any text whose first visible character is = + - @ (after spaces, tabs
or control characters) so a spreadsheet never runs it as a formula; line breaks inside a
field are quoted (a bare carriage return becomes a line feed first).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from annotator.export.view import MatrixData, directory, iso_date, short_label

FORMULA_START = ("=", "+", "-", "@")
_LEADING = re.compile(r"^[\s\x00-\x1f\x7f]+")

LONG_COLUMNS = [
    "expert",
    "expert_id",
    "role",
    "organisation",
    "question",
    "question_text",
    "stance",
    "confidence",
    "reviewed",
    "disputed",
    "quotes",
    "quote",
    "quote_label",
    "quote_source",
    "article_title",
    "url",
    "date",
    "article_id",
    "start",
    "end",
]


def safe(value: object) -> str:
    """A CSV cell: '' for None, true/false for booleans, formula-looking text defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}"
    # a bare carriage return is a line break the csv module would not quote: as "\n" it is
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if _LEADING.sub("", text).startswith(FORMULA_START) or text[:1] in ("\t",):
        return "'" + text
    return text


def _table(header: list[str], rows: Iterable[list[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([safe(h) for h in header])
    for r in rows:
        w.writerow([safe(v) for v in r])
    return buf.getvalue()


def long_csv(data: MatrixData) -> str:
    """One row per expert and question."""
    texts = {q.id: q.text for q in data.questions}
    order = {q.id: i for i, q in enumerate(data.questions)}
    rows = []
    for row in data.rows():
        for qid in sorted(row.cells, key=lambda q: order.get(q, len(order))):
            c = row.cells[qid]
            ev = row.leads.get(qid)
            rows.append(
                [
                    c.expert,
                    c.expert_id,
                    row.role,
                    row.organisation,
                    qid,
                    texts.get(qid),
                    c.stance,
                    c.confidence,
                    c.reviewed,
                    c.disputed,
                    row.quotes.get(qid, 0),
                    ev.text if ev else None,
                    ev.label if ev else None,
                    ev.source if ev else None,
                    ev.title if ev else None,
                    ev.url if ev else None,
                    iso_date(ev.published) if ev else None,
                    ev.article_id if ev else None,
                    ev.start if ev else None,
                    ev.end if ev else None,
                ]
            )
    return _table(LONG_COLUMNS, rows)


def wide_headers(data: MatrixData) -> list[str]:
    """Question column names: short labels, made unique with the id where two collide."""
    shorts = [short_label(q) for q in data.questions]
    return [s if shorts.count(s) == 1 else f"{s} ({q.id})" for s, q in zip(shorts, data.questions)]


def wide_csv(data: MatrixData) -> str:
    """Experts by questions; each cell holds the stance label (empty where no cell exists)."""
    qs = data.questions
    rows = [
        [r.name, r.role, r.organisation] + [r.cells[q.id].stance if q.id in r.cells else None for q in qs]
        for r in data.rows()
    ]
    return _table(["expert", "role", "organisation"] + wide_headers(data), rows)


EXPERT_COLUMNS = [
    "expert_id",
    "name",
    "role",
    "organisation",
    "quotes",
    "articles",
    "questions_addressed",
    "stances",
    "article_titles",
    "article_urls",
    "article_ids",
]


def experts_csv(data: MatrixData) -> str:
    """The experts directory: one row per expert with role, organisation, number of quotes
    and of articles, the questions they address (short labels, and question=stance pairs),
    and their articles' titles, links and ids (several values joined by " | ")."""
    shorts = {q.id: short_label(q) for q in data.questions}
    rows = []
    for d in directory(data):
        rows.append(
            [
                d.id,
                d.name,
                d.role,
                d.organisation,
                d.quotes,
                len(d.articles),
                " | ".join(shorts.get(q, q) for q in d.addressed),
                " | ".join(f"{q}={label}" for q, label in d.addressed.items()),
                " | ".join(a.get("title") or "" for a in d.articles),
                " | ".join(a.get("url") or "" for a in d.articles),
                " | ".join(a["id"] for a in d.articles),
            ]
        )
    return _table(EXPERT_COLUMNS, rows)
