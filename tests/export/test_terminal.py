"""The matrix table printed by `annotator run`."""

from __future__ import annotations

from rich.console import Console

from annotator.export.terminal import table
from annotator.export.view import short_label


def test_terminal_table_shows_words_and_marks(seed_matrix):
    c = seed_matrix.cells[0]
    seed_matrix.cells[0] = c.model_copy(update={"reviewed": True})
    console = Console(record=True, width=220, color_system=None)
    console.print(table(seed_matrix, console.width))
    text = console.export_text()
    lines = [line for line in text.splitlines() if "│" in line or "┃" in line]
    shea = next(line for line in lines if "Jamie Shea" in line)
    assert "◐ Mixed ✓" in shea and "✔ Support" in shea
    for q in seed_matrix.questions:
        assert short_label(q).split()[0] in text
    assert sum("Olena Borodyna" in line for line in lines) == 1


def test_narrow_terminal_numbers_the_questions(seed_matrix):
    console = Console(record=True, width=80, color_system=None)
    console.print(table(seed_matrix, console.width))
    text = console.export_text()
    assert all(len(line) <= 80 for line in text.splitlines())
    shea = next(line for line in text.splitlines() if "Jamie Shea" in line)
    assert "◐" in shea and "✔" in shea
    assert "Olena Borodyna" in text and f"Q7 {short_label(seed_matrix.questions[6])}" in text
