"""JSON and Markdown exports."""

from __future__ import annotations

import json

from annotator.export import json as json_export
from annotator.export import markdown
from annotator.export.view import MatrixData
from annotator.models import Cell, Evidence


def test_json_document(seed_matrix, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    doc = json.loads(json_export.render(seed_matrix))
    assert set(doc) == {"meta", "questions", "labels", "articles", "experts", "matrix", "cells"}
    assert (
        doc["meta"]["generated_at"] is None and doc["meta"]["data_as_of"] == "2025-03-04"
    )  # the latest review
    assert doc["meta"]["experts"] == 4 and doc["meta"]["questions"] == 7
    assert [e["id"] for e in doc["experts"]] == [
        "jamie-shea",
        "stefan-wolfe",
        "mark-hilborne",
        "olena-borodyna",
    ]
    assert doc["matrix"]["olena-borodyna"]["europe_strategy_coherent"] == "oppose"
    assert len(doc["cells"]) == 28 and all(Cell.model_validate(c) for c in doc["cells"])
    assert json_export.render(seed_matrix) == json_export.render(seed_matrix)


def test_json_generated_at_from_source_date_epoch(seed_matrix, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740614400")
    assert json.loads(json_export.render(seed_matrix))["meta"]["generated_at"] == "2025-02-27T00:00:00Z"


def test_markdown_table_and_quotes(seed_matrix):
    md = markdown.render(seed_matrix)
    table = [line for line in md.splitlines() if line.startswith("| **")]
    assert len(table) == 4 and all(line.count(" | ") == 7 for line in table)
    assert "◐ Mixed" in table[0] and "✖ Oppose" in table[3]
    assert "> “The increase in Ukrainian defense output" in md
    assert (
        "[Starmer’s Diplomatic Meeting with Trump on Ukraine Security](https://news.example.org/seed-article)"
        in md
    )


def test_markdown_escapes_article_text():
    ev = Evidence(
        quote_id="q",
        article_id="a",
        start=0,
        end=5,
        label="support",
        confidence=0.9,
        text="<script>alert(1)</script> | [click](javascript:alert(2)) *bold*\n# heading",
        title="<img src=x onerror=alert(3)>",
        url="javascript:alert(4)",
    )
    cell = Cell(
        expert="Ann | <b>Lee</b>",
        expert_id="ann",
        question="q1",
        stance="support",
        confidence=0.9,
        evidence=[ev],
    )
    md = markdown.render(MatrixData(cells=[cell]))
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert "javascript:alert(4)" not in md  # not a link, only text
    assert "&lt;script&gt;" in md and "\\[click\\]" in md and "\\*bold\\*" in md
    row = next(line for line in md.splitlines() if line.startswith("| **"))
    assert row.count(" | ") == 1  # the pipe in the name did not add a column
