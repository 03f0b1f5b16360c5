"""The matrix as a table for the terminal (rich): stance symbol and word per cell, a mark for
reviewed cells; colour only adds to the words. On a narrow terminal the columns are
numbered (Q1, Q2...) with cells as symbols, and a key follows the table."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from annotator.export.view import MatrixData, short_label, style
from annotator.models import NOT_ADDRESSED

CELL_WIDTH = 16  # "◐ Not addressed" and padding


def table(data: MatrixData, width: int = 200) -> Group:
    labels = data.labels
    questions = data.questions
    rows = data.rows()
    name_width = min(max([len(r.name) for r in rows] + [6]), 28)
    compact = name_width + 4 + len(questions) * (CELL_WIDTH + 3) > width
    t = Table(title=data.title(), header_style="bold", title_justify="left", expand=False)
    t.add_column("Expert", style="bold", no_wrap=True, max_width=name_width)
    for i, q in enumerate(questions, 1):
        if compact:
            t.add_column(f"Q{i}", justify="center", no_wrap=True)
        else:
            t.add_column(short_label(q), overflow="fold", max_width=CELL_WIDTH)
    for r in rows:
        cells = []
        for q in questions:
            c = r.cells.get(q.id)
            if c is None:
                cells.append(Text(""))
                continue
            st = style(c.stance, labels)
            mark = ("✓" if c.reviewed else "") + ("!" if c.disputed else "")
            if c.stance == NOT_ADDRESSED:
                cells.append(Text(st.symbol + mark, style="dim"))
            elif compact:
                cells.append(Text(st.symbol + mark, style=f"bold {st.colour}"))
            else:
                cells.append(Text(f"{st.symbol} {st.word}" + (f" {mark}" if mark else ""), style=st.colour))
        t.add_row(r.name, *cells)
    key = [
        Text(
            " ".join(f"{style(lab, labels).symbol} {style(lab, labels).word}" for lab in labels)
            + "   ✓ reviewed by a person   ! reviewers disagree",
            style="dim",
        )
    ]
    if compact:
        key += [Text(f"Q{i} {short_label(q)}", style="dim") for i, q in enumerate(questions, 1)]
    return Group(t, *key)
