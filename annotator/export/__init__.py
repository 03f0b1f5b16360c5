"""Exports of the matrix: csv (long + wide), json, md, html, sqlite. One module a format;
`export()` writes one format to a file, `write_all()` the files of a run folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.export import csv as csv_
from annotator.export import html, markdown, sqlite
from annotator.export import json as json_
from annotator.export.view import MatrixData, load, load_run
from annotator.io import write_chunks

FORMATS = ("csv", "json", "md", "html", "sqlite")
SUFFIX = {"csv": ".csv", "json": ".json", "md": ".md", "html": ".html", "sqlite": ".db"}
RUN_FILES = {"matrix.csv": "csv", "matrix_wide.csv": "csv-wide", "matrix.json": "json", "matrix.md": "md",
             "matrix.html": "html"}


def chunks(data: MatrixData, fmt: str) -> Iterator[str]:
    """The text of one format (not sqlite, which is a file), in pieces: json, md and html
    are written one expert at a time, never whole in memory."""
    if fmt == "csv":
        return iter([csv_.long_csv(data)])
    if fmt == "csv-wide":
        return iter([csv_.wide_csv(data)])
    if fmt == "json":
        return json_.chunks(data)
    if fmt == "md":
        return markdown.chunks(data)
    if fmt == "html":
        return html.chunks(data)
    raise InputError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")


def render(data: MatrixData, fmt: str) -> str:
    """The text of one format (not sqlite, which is a file)."""
    return "".join(chunks(data, fmt))


def wide_path(path: Path) -> Path:
    """Where the wide CSV goes beside a long one: matrix.csv -> matrix_wide.csv."""
    return path.with_name(f"{path.stem}_wide{path.suffix or '.csv'}")


def export(data: MatrixData, fmt: str, out: Path) -> list[Path]:
    """Write one format. `out` is a file, or a folder (then matrix.<ext> inside it). CSV
    writes the long table and, beside it, the wide one (NAME_wide.csv). Returns the paths."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")
    out = Path(out)
    if out.is_dir() or str(out).endswith(("/", "\\")):
        out = out / f"matrix{SUFFIX[fmt]}"
    if fmt == "sqlite":
        sqlite.write(data, out)
        return [out]
    write_chunks(out, chunks(data, fmt))
    if fmt == "csv":
        write_chunks(wide_path(out), chunks(data, "csv-wide"))
        return [out, wide_path(out)]
    return [out]


def write_all(data: MatrixData, folder: Path) -> list[Path]:
    """matrix.csv, matrix_wide.csv, matrix.json, matrix.md, matrix.html in a run folder."""
    written = []
    for name, fmt in RUN_FILES.items():
        write_chunks(Path(folder) / name, chunks(data, fmt))
        written.append(Path(folder) / name)
    return written


__all__ = ["FORMATS", "MatrixData", "chunks", "export", "load", "load_run", "render", "write_all"]
