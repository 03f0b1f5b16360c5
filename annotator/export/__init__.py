"""Exports of the matrix: csv (long + wide), json, md, html, sqlite, and the experts
directory (experts.csv). One module a format, one
row of `FORMATS` each: a new format is a module and a row here, nothing else.

`export()` writes one format to a file (or a folder), `write_all()` the files of a run folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError
from annotator.export import csv as csv_
from annotator.export import html, markdown, sqlite
from annotator.export import json as json_
from annotator.export.view import MatrixData, load, load_run
from annotator.io import write_chunks


@dataclass(frozen=True)
class Format:
    """How one format is written: as text in pieces (`chunks`) or as a file (`write`); the
    name it has in a run folder (None: not written by a run); formats written beside it."""

    name: str
    suffix: str
    chunks: Callable[[MatrixData], Iterator[str]] | None = None
    write: Callable[[MatrixData, Path], None] | None = None
    run_file: str | None = None
    beside: tuple[str, ...] = ()
    public: bool = True  # choosable with --format


FORMAT_TABLE: tuple[Format, ...] = (
    Format("csv", ".csv", lambda d: iter([csv_.long_csv(d)]), run_file="matrix.csv", beside=("csv-wide",)),
    Format("csv-wide", ".csv", lambda d: iter([csv_.wide_csv(d)]), run_file="matrix_wide.csv", public=False),
    Format("json", ".json", json_.chunks, run_file="matrix.json"),
    Format("md", ".md", markdown.chunks, run_file="matrix.md"),
    Format("html", ".html", html.chunks, run_file="matrix.html"),
    Format("sqlite", ".db", write=sqlite.write),
    Format("experts", ".csv", lambda d: iter([csv_.experts_csv(d)]), run_file="experts.csv"),
)
BY_NAME = {f.name: f for f in FORMAT_TABLE}
FORMATS = tuple(f.name for f in FORMAT_TABLE if f.public)
#: the export files of a run folder and their format
RUN_EXPORTS = {f.run_file: f.name for f in FORMAT_TABLE if f.run_file}


def _format(name: str) -> Format:
    fmt = BY_NAME.get(name)
    if fmt is None or (not fmt.public and name not in RUN_EXPORTS.values()):
        raise InputError(f"unknown export format '{name}'; use one of {', '.join(FORMATS)}")
    return fmt


def chunks(data: MatrixData, name: str) -> Iterator[str]:
    """The text of one format (not sqlite, which is a file), in pieces: json, md and html
    are written one expert at a time, never whole in memory."""
    fmt = _format(name)
    if fmt.chunks is None:
        raise InputError(
            f"the {name} format is a file, not text; write it with `annotator export --format {name}`"
        )
    return fmt.chunks(data)


def render(data: MatrixData, name: str) -> str:
    """The text of one format (not sqlite, which is a file)."""
    return "".join(chunks(data, name))


def beside_path(path: Path, fmt: Format) -> Path:
    """Where a companion format goes: matrix.csv -> matrix_wide.csv."""
    tail = fmt.name.split("-", 1)[-1]
    return path.with_name(f"{path.stem}_{tail}{path.suffix or fmt.suffix}")


def _write(data: MatrixData, fmt: Format, out: Path) -> None:
    if fmt.write is not None:
        fmt.write(data, out)
    else:
        write_chunks(out, fmt.chunks(data))  # type: ignore[misc]


def export(data: MatrixData, name: str, out: Path | str, folder: bool = False) -> list[Path]:
    """Write one format. `out` is a file, or a folder (an existing one, a path ending in a
    separator, or `folder=True`: then matrix.<ext> inside it, the folder made if needed).
    CSV writes the long table and, beside it, the wide one (NAME_wide.csv). Returns the paths."""
    fmt = _format(name)
    folder = folder or str(out).endswith(("/", "\\"))
    out = Path(out)
    if out.is_dir() or folder:
        out.mkdir(parents=True, exist_ok=True)
        out = out / (fmt.run_file or f"matrix{fmt.suffix}")
    written = [out]
    _write(data, fmt, out)
    for other in fmt.beside:
        path = beside_path(out, BY_NAME[other])
        _write(data, BY_NAME[other], path)
        written.append(path)
    return written


def write_all(data: MatrixData, folder: Path) -> list[Path]:
    """The export files of a run folder (matrix.csv, matrix_wide.csv, matrix.json, matrix.md,
    matrix.html, experts.csv)."""
    written = []
    for run_file, name in RUN_EXPORTS.items():
        _write(data, BY_NAME[name], Path(folder) / run_file)
        written.append(Path(folder) / run_file)
    return written


__all__ = [
    "FORMATS",
    "FORMAT_TABLE",
    "RUN_EXPORTS",
    "Format",
    "MatrixData",
    "chunks",
    "export",
    "load",
    "load_run",
    "render",
    "write_all",
]
