"""Exports of a matrix read back from a file (`MatrixData.cell_source`, as `annotator run`
writes them): the same bytes as from memory, and no quote held in the rows."""

from __future__ import annotations

import json

import pytest

from annotator.export import FORMATS, chunks, export, render
from annotator.export.view import MatrixData, Summary
from annotator.io import read_models, write_jsonl
from annotator.models import Cell


def _streamed(data: MatrixData, tmp_path) -> tuple[MatrixData, list[int]]:
    """`data` as a run writes it: cells in a file, read back on demand (counted)."""
    path = tmp_path / "matrix.jsonl"
    summary = Summary(data.experts)
    for c in data.cells:
        summary.add(c)
    write_jsonl(path, data.cells, exclude_none=False)
    reads = [0]

    def source():
        reads[0] += 1
        return read_models(path, Cell)

    articles = data.articles()
    meta = {k: v for k, v in data.meta.items() if k != "articles"}
    meta["quotes"] = len(data.quotes)  # a run's metadata counts its quotes (they stay in quotes.jsonl)
    return MatrixData(
        codebook=data.codebook,
        experts=data.experts,
        meta=meta,
        summary=summary,
        cell_source=source,
        article_source=lambda: iter(articles),
    ), reads


@pytest.mark.parametrize("fmt", ["csv", "csv-wide", "json", "md", "html"])
def test_streamed_export_equals_in_memory(matrix, tmp_path, monkeypatch, fmt):
    monkeypatch.setattr(
        "secrets.token_hex", lambda n: "0" * (2 * n)
    )  # irrelevant to the output; pinned anyway
    streamed, reads = _streamed(matrix, tmp_path)
    assert matrix.cells and any(c.evidence for c in matrix.cells)
    assert render(streamed, fmt) == render(matrix, fmt)
    if fmt in ("json", "md", "html"):
        assert reads[0] >= 1  # the quotes came from the file, not from memory


def test_rows_keep_no_quotes_but_their_count_and_lead(matrix, tmp_path):
    streamed, _ = _streamed(matrix, tmp_path)
    rows = streamed.rows()
    assert all(not c.evidence for r in rows for c in r.cells.values())
    full = {(c.expert_id, c.question): c for c in matrix.cells}
    for r in rows:
        for qid in r.cells:
            assert r.quotes[qid] == len(full[(r.id, qid)].evidence)
            lead = r.leads[qid]
            assert (lead is None) == (not full[(r.id, qid)].evidence)
            if lead is not None:
                assert lead in full[(r.id, qid)].evidence


def test_json_export_streams_and_parses(matrix, tmp_path):
    streamed, _ = _streamed(matrix, tmp_path)
    pieces = list(chunks(streamed, "json"))
    assert len(pieces) > len(matrix.cells)  # a piece a cell at least, not one string
    doc = json.loads("".join(pieces))
    assert len(doc["cells"]) == len(matrix.cells) and doc["articles"][0]["id"]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "sqlite"])
def test_export_of_a_streamed_matrix_writes_files(matrix, tmp_path, fmt):
    streamed, _ = _streamed(matrix, tmp_path)
    [first, *_] = export(streamed, fmt, tmp_path / "out" / f"m.{fmt}")
    assert first.read_text("utf-8") == render(matrix, fmt)
    assert not list((tmp_path / "out").glob(".*.tmp"))
