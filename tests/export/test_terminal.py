"""The matrix table printed by `annotator run`."""

from __future__ import annotations

from rich.console import Console

from annotator.export.terminal import table
from annotator.export.view import short_label


def test_terminal_table_shows_words_and_marks(matrix):
    c = matrix.cells[0]
    matrix.cells[0] = c.model_copy(update={"reviewed": True})
    console = Console(record=True, width=220, color_system=None)
    console.print(table(matrix, console.width))
    text = console.export_text()
    lines = [line for line in text.splitlines() if "│" in line or "┃" in line]
    okafor = next(line for line in lines if "Amara Okafor" in line)
    assert "✔ Support ✓" in okafor and "✖ Oppose" in okafor
    for q in matrix.questions:
        assert short_label(q).split()[0] in text
    assert sum("Hannah Levy" in line for line in lines) == 1


def test_narrow_terminal_numbers_the_questions(matrix):
    console = Console(record=True, width=80, color_system=None)
    console.print(table(matrix, console.width))
    text = console.export_text()
    assert all(len(line) <= 80 for line in text.splitlines())
    okafor = next(line for line in text.splitlines() if "Amara Okafor" in line)
    assert "✔" in okafor and "✖" in okafor
    assert "Hannah Levy" in text and f"Q5 {short_label(matrix.questions[4])}" in text
