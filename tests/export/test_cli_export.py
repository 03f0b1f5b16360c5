"""`annotator export`: re-render a run's matrix from its files, without the models."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.export import render
from tests.export.conftest import newsroom_data

runner = CliRunner()


@pytest.fixture
def run_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = newsroom_data()
    data.meta["codebook"] = data.codebook.model_dump(mode="json")
    return write_run_folder(data, tmp_path / "run")


def write_run_folder(data, out):
    """A run folder with these data in it, file by file as `annotator run` writes it."""
    from annotator.export import write_all
    from annotator.io import json_chunks, write_chunks, write_jsonl

    out.mkdir(parents=True)
    write_jsonl(out / "quotes.jsonl", data.quotes, exclude_none=False)
    write_jsonl(out / "matrix.jsonl", data.cells, exclude_none=False)
    write_jsonl(out / "experts.jsonl", data.experts, exclude_none=False)
    write_all(data, out)
    write_chunks(out / "run.json", json_chunks({**data.meta, "articles": data.articles()}))
    return out


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("csv", "matrix.csv"),
        ("json", "matrix.json"),
        ("md", "matrix.md"),
        ("html", "matrix.html"),
        ("experts", "experts.csv"),
    ],
)
def test_export_from_run_folder_matches_the_run(run_dir, tmp_path, fmt, name):
    out = tmp_path / f"again.{fmt}"
    res = runner.invoke(app, ["export", str(run_dir), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8") == (run_dir / name).read_text(encoding="utf-8")


def test_export_csv_writes_wide_beside_long(run_dir, tmp_path):
    res = runner.invoke(app, ["export", str(run_dir), "-f", "csv", "-o", str(tmp_path / "table.csv")])
    assert res.exit_code == 0, res.output
    wide = list(csv.reader((tmp_path / "table_wide.csv").read_text(encoding="utf-8").splitlines()))
    assert len(wide) == 1 + 4


def test_export_sqlite_from_matrix_and_quotes_files(run_dir, tmp_path):
    db = tmp_path / "matrix.db"
    res = runner.invoke(
        app,
        [
            "export",
            "--quotes",
            str(run_dir / "quotes.jsonl"),
            "--matrix",
            str(run_dir / "matrix.jsonl"),
            "--format",
            "sqlite",
            "-o",
            str(db),
        ],
    )
    assert res.exit_code == 0, res.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(newsroom_data().quotes)
    assert con.execute("SELECT text FROM questions WHERE id = 'raise_fares'").fetchone()[0] == (
        "Should fares rise to pay for the line?"
    )


def test_export_matrix_alone_still_renders(tmp_path, run_dir):
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "cells.jsonl").write_text(
        (run_dir / "matrix.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    res = runner.invoke(app, ["export", "--matrix", str(lone / "cells.jsonl"), "-f", "html", "-o", str(lone)])
    assert res.exit_code == 0, res.output
    page = (lone / "matrix.html").read_text(encoding="utf-8")
    assert "Bus lanes first" in page  # column label made from the question id


def test_export_experts_to_a_folder_is_experts_csv(run_dir, tmp_path):
    res = runner.invoke(app, ["export", str(run_dir), "-f", "experts", "-o", str(tmp_path / "out") + "/"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader((tmp_path / "out" / "experts.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["name"] for r in rows] == ["Amara Okafor", "Lukas Brandt", "Mei Tanaka", "Hannah Levy"]


def test_export_errors(tmp_path):
    res = runner.invoke(app, ["export", str(tmp_path), "-f", "html", "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1 and "Error:" in res.output and "no matrix.jsonl" in res.output
    res = runner.invoke(app, ["export", "-f", "html", "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1 and "nothing to export" in res.output
    res = runner.invoke(app, ["export", str(tmp_path), "-f", "pdf", "-o", str(tmp_path / "x.pdf")])
    assert res.exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"expert": "A"}\nnot json\n', encoding="utf-8")
    res = runner.invoke(app, ["export", "--matrix", str(bad), "-f", "json", "-o", str(tmp_path / "m.json")])
    assert res.exit_code == 1 and "no matrix cells" in res.output
    assert "Traceback" not in res.output


def test_run_folder_files_and_json_roundtrip(run_dir):
    names = sorted(p.name for p in run_dir.iterdir())
    assert names == sorted(
        [
            "quotes.jsonl",
            "matrix.jsonl",
            "experts.jsonl",
            "run.json",
            "matrix.csv",
            "matrix_wide.csv",
            "matrix.json",
            "matrix.md",
            "matrix.html",
            "experts.csv",
        ]
    )
    cells = [json.loads(line) for line in (run_dir / "matrix.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(cells) == 4 * 5
    assert {"expert", "expert_id", "question", "stance", "confidence", "reviewed", "evidence"} <= set(
        cells[0]
    )
    ev = next(c for c in cells if c["evidence"])["evidence"][0]
    assert {"article_id", "start", "end", "text", "label", "source"} <= set(ev)
    assert render(newsroom_data(), "md") == (run_dir / "matrix.md").read_text(encoding="utf-8")


def test_a_run_folder_is_exported_from_its_files(run_dir, tmp_path):
    """The cells and quotes stay in their files (read again for each format), and the
    database is the one made from memory."""
    from annotator.export import export, load_run

    data = load_run(run_dir)
    assert data.cells == [] and data.quotes == [] and data.cell_source is not None and data.quote_source
    assert [r.id for r in data.rows()] == [r.id for r in newsroom_data().rows()]
    [streamed] = export(data, "sqlite", tmp_path / "streamed.db")
    [memory] = export(newsroom_data(), "sqlite", tmp_path / "memory.db")
    dump = [list(sqlite3.connect(p).iterdump()) for p in (streamed, memory)]
    assert dump[0] == dump[1] and len(dump[0]) > 100


def test_rows_not_written_together_are_read_into_memory(run_dir, tmp_path):
    from annotator.export import load, render

    lines = (run_dir / "matrix.jsonl").read_text(encoding="utf-8").splitlines()
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("\n".join(lines[::2] + lines[1::2]) + "\n", encoding="utf-8")  # rows interleaved
    data = load(shuffled, codebook=None, meta=run_dir / "run.json")
    assert data.cell_source is None and len(data.cells) == len(lines)
    md = render(data, "md")
    for r in data.rows():
        assert md.count(f"### {r.name}") == (1 if any(r.quotes.values()) else 0)


def test_a_bad_matrix_line_is_reported_once(run_dir, tmp_path):
    lines = (run_dir / "matrix.jsonl").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad-run"
    bad.mkdir()
    for name in ("run.json", "experts.jsonl", "quotes.jsonl"):
        (bad / name).write_bytes((run_dir / name).read_bytes())
    (bad / "matrix.jsonl").write_text(
        "\n".join(lines[:3] + ["{not json"] + lines[3:]) + "\n", encoding="utf-8"
    )
    res = runner.invoke(app, ["export", str(bad), "-f", "html", "-o", str(tmp_path / "m.html")])
    assert res.exit_code == 3, res.output  # partial: the line was skipped, the rest exported
    assert res.output.count("matrix.jsonl:4") == 1 and "1 lines skipped" in res.output
    assert (tmp_path / "m.html").read_text("utf-8") == (run_dir / "matrix.html").read_text("utf-8")


def test_the_command_offers_every_export_format():
    from annotator.cli.export import Format
    from annotator.export import FORMATS

    assert [f.value for f in Format] == list(FORMATS)
