"""matrix.md: the matrix as a Markdown table (stance as symbol and word), the questions, and
every cell's quotes with their article. All article text is escaped, so a quote can't
become a link, a heading or HTML in any Markdown renderer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from annotator.export.json import meta
from annotator.export.view import LABEL_MEANINGS, MatrixData, iso_date, short_label, style, web_url

_SPECIAL = re.compile(r"([\\`*_\[\]|#!~{}])")


def esc(text: str | None) -> str:
    """Markdown-safe inline text: specials backslash-escaped, newlines folded, and &, <, >
    as entities (no renderer can read a tag in it)."""
    if not text:
        return ""
    text = re.sub(r"\s*[\r\n]\s*", " ", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def link(title: str, url: str | None) -> str:
    if address := web_url(url):
        safe_url = re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", address)
        return f"[{esc(title)}]({safe_url})"
    return esc(title)


def render(data: MatrixData) -> str:
    return "".join(chunks(data))


def chunks(data: MatrixData) -> Iterator[str]:
    """The document in pieces, one expert's quotes at a time: its lines joined by newlines,
    with the blank lines at its end dropped and one newline to end it."""
    pending: list[str] = []  # blank lines, written only when a line with text follows
    started = False
    for line in _lines(data):
        if not line.strip():
            pending.append(line)
            continue
        yield ("\n" if started else "") + "".join(p + "\n" for p in pending) + line
        pending, started = [], True
    yield "\n"


def _lines(data: MatrixData) -> Iterator[str]:
    labels = data.labels
    qs = data.questions
    info = meta(data)
    out = [f"# {esc(data.title())}", ""]
    out.append(
        f"{info['experts']} experts, {info['questions']} questions, {info['expert_quotes']} expert quotes "
        f"from {info['articles']} article(s). Model {esc(info['model_version'] or 'unknown')}; "
        f"{info['reviewed_cells']} cell(s) reviewed by people"
        + (f"; data as of {info['data_as_of']}" if info["data_as_of"] else "")
        + "."
    )
    out += [
        "",
        "| Expert | " + " | ".join(esc(short_label(q)) for q in qs) + " |",
        "|---|" + "---|" * len(qs),
    ]
    for r in data.rows():
        who = f"**{esc(r.name)}**" + (
            f"<br>{esc(', '.join(x for x in (r.role, r.organisation) if x))}"
            if r.role or r.organisation
            else ""
        )
        cells = []
        for q in qs:
            c = r.cells.get(q.id)
            if c is None:
                cells.append("")
                continue
            st = style(c.stance, labels)
            flags = (
                [f"{round(c.confidence * 100)}%"]
                + (["reviewed"] if c.reviewed else [])
                + (["disputed"] if c.disputed else [])
            )
            cells.append(f"{esc(st.symbol)} {esc(st.word)} ({', '.join(flags)})")
        out.append(f"| {who} | " + " | ".join(cells) + " |")
    out += [
        "",
        "Legend: "
        + "; ".join(f"{esc(style(lab, labels).symbol)} {esc(style(lab, labels).word)}" for lab in labels)
        + ". Percentages are the confidence of the label; *reviewed* cells carry a person's label.",
        "",
        "## Questions",
        "",
    ]
    out += [f"{i}. **{esc(short_label(q))}**: {esc(q.text)}" for i, q in enumerate(qs, 1)]
    out += ["", "## Labels", ""]
    out += [
        f"- {esc(style(lab, labels).symbol)} **{esc(style(lab, labels).word)}**: {esc(LABEL_MEANINGS.get(lab, lab))}"
        for lab in labels
    ]
    out += ["", "## Quotes behind each cell", ""]
    yield from out
    for r, full in data.iter_row_cells():
        shown = [(q, full[q.id]) for q in qs if q.id in full and full[q.id].evidence]
        if not shown:
            continue
        out = [f"### {esc(r.name)}", ""]
        for q, c in shown:
            st = style(c.stance, labels)
            out += [f"**{esc(short_label(q))}**: {esc(st.symbol)} {esc(st.word)}", ""]
            for e in c.evidence:
                est = style(e.label, labels)
                who = (
                    f"reviewed by {esc(', '.join(e.annotators))}"
                    if e.source == "annotator"
                    else f"{esc(e.source)} {round(e.confidence * 100)}%"
                )
                if e.disputed and e.reviews:  # every reviewer's label, not only the one shown
                    who += "; split: " + ", ".join(
                        f"{esc(a)} {esc(style(lab, labels).word.lower())}" for a, lab in e.reviews.items()
                    )
                where = ", ".join(
                    x
                    for x in (
                        link(e.title or e.article_id, e.url),
                        esc(iso_date(e.published)),
                        f"characters {e.start}–{e.end}",
                    )
                    if x
                )
                out += [f"> {esc(e.text)}", ">", f"> {esc(est.symbol)} {esc(est.word)} ({who}). {where}", ""]
        yield from out
