"""JSON and Markdown exports."""

from __future__ import annotations

import json

from annotator.export import json as json_export
from annotator.export import markdown
from annotator.export.view import MatrixData
from annotator.models import Cell, Evidence
from tests import newsroom


def test_json_document(matrix, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    doc = json.loads(json_export.render(matrix))
    assert set(doc) == {"meta", "questions", "labels", "articles", "experts", "matrix", "cells"}
    assert (
        doc["meta"]["generated_at"] is None and doc["meta"]["data_as_of"] == "2031-05-21"
    )  # the latest review
    assert doc["meta"]["experts"] == 4 and doc["meta"]["questions"] == len(newsroom.QUESTIONS)
    assert [e["id"] for e in doc["experts"]] == newsroom.ROWS
    assert doc["matrix"]["mei-tanaka"]["build_tram"] == "oppose"
    assert len(doc["cells"]) == 4 * len(newsroom.QUESTIONS) and all(
        Cell.model_validate(c) for c in doc["cells"]
    )
    assert json_export.render(matrix) == json_export.render(matrix)


def test_json_evidence_carries_context_terms_and_offsets(matrix):
    doc = json.loads(json_export.render(matrix))
    cell = next(c for c in doc["cells"] if c["expert_id"] == "mei-tanaka" and c["question"] == "raise_fares")
    [ev] = cell["evidence"]
    assert ev["context"].startswith("“Building the tram now")  # the sentence before, then its own
    assert ev["context"][ev["start"] - ev["context_start"] : ev["end"] - ev["context_start"]] == ev["text"]
    assert ev["terms"] == ["raise"] and ev["title"] == newsroom.TITLE and ev["url"] == newsroom.URL


def test_json_generated_at_from_source_date_epoch(matrix, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740614400")
    assert json.loads(json_export.render(matrix))["meta"]["generated_at"] == "2025-02-27T00:00:00Z"


def test_markdown_table_and_quotes(matrix):
    md = markdown.render(matrix)
    table = [line for line in md.splitlines() if line.startswith("| **")]
    assert len(table) == 4 and all(line.count(" | ") == len(newsroom.QUESTIONS) for line in table)
    assert "✔ Support" in table[0] and "◐ Mixed" in table[1] and "✖ Oppose" in table[2]
    assert "> “Building the tram now would be a costly error.”" in md
    assert f"[{newsroom.TITLE}]({newsroom.URL})" in md


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
