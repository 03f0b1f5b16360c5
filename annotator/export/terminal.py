"""The matrix as a table for the terminal (rich): stance symbol and word per cell, a mark for
reviewed cells; colour only adds to the words."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from annotator.export.view import MatrixData, short_label, style
from annotator.models import NOT_ADDRESSED


def table(data: MatrixData) -> Table:
    labels = data.labels
    t = Table(title=data.title(), show_lines=False, header_style="bold", title_justify="left", expand=False)
    t.add_column("Expert", style="bold", no_wrap=False, min_width=12)
    for q in data.questions:
        t.add_column(short_label(q), overflow="fold", min_width=6)
    for r in data.rows():
        cells = []
        for q in data.questions:
            c = r.cells.get(q.id)
            if c is None:
                cells.append(Text(""))
                continue
            st = style(c.stance, labels)
            if c.stance == NOT_ADDRESSED:
                cells.append(Text(st.symbol, style="dim"))
                continue
            mark = (" ✓" if c.reviewed else "") + (" !" if c.disputed else "")
            cells.append(Text(f"{st.symbol} {st.word}{mark}", style=st.colour))
        t.add_row(r.name, *cells)
    t.caption = ("✓ reviewed by a person, ! reviewers disagree, – not addressed; "
                 f"{len(data.rows())} experts, {len(data.questions)} questions")
    return t
