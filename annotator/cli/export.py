"""`annotator export`: re-render the matrix of a run in another format, without rerunning
the models."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from annotator.cli.app import app, finish, handle_errors, path_argument, path_option
from annotator.io import Reporter


class Format(str, Enum):
    csv = "csv"
    json = "json"
    md = "md"
    html = "html"
    sqlite = "sqlite"
    experts = "experts"  # the experts directory (experts.csv); keep in step with export.FORMAT_TABLE


@app.command("export")
@handle_errors
def export_cmd(
    run_dir: Path | None = path_argument(
        None, help="A folder written by `annotator run` (instead of --matrix/--quotes)."
    ),
    format: Format = typer.Option(
        ...,
        "--format",
        "-f",
        help="csv (long + wide), json, md, html, sqlite, or experts (the experts directory as CSV).",
    ),
    output: str = typer.Option(
        ...,
        "--output",
        "-o",
        help="File to write, or a folder (an existing one, or a "
        "path ending in /: then matrix.<ext> inside it).",
    ),
    matrix: Path | None = path_option(None, "--matrix", help="Matrix cells JSONL (matrix.jsonl)."),
    quotes: Path | None = path_option(
        None,
        "--quotes",
        help="Quotes JSONL (quotes.jsonl); needed for the full sqlite quotes and stances tables.",
    ),
    codebook: Path | None = path_option(
        None,
        "--codebook",
        "-c",
        help="Codebook for the question texts (default: the one recorded in the run's run.json).",
    ),
    rows: str = typer.Option(
        "experts",
        "--rows",
        help="experts (default), or people: every named person gets a "
        "row (a run folder's matrix is made again from its quotes).",
    ),
    labels: Path | None = path_option(
        None,
        "--labels",
        "-l",
        help="Reviewed labels to apply again (a run folder's matrix is made again from its quotes).",
    ),
) -> None:
    """Write the matrix as csv (matrix.csv long, plus matrix_wide.csv), json, md, html or
    sqlite (tables for Datasette) from a run's files, or the experts directory (experts.csv:
    each expert's role, organisation, articles, number of quotes and questions addressed).

    Examples:

    \b
        annotator export out/ --format sqlite -o matrix.db
        annotator export out/ --format csv --rows people -o people/
        annotator export out/ --format experts -o experts.csv
        annotator export --quotes out/quotes.jsonl --matrix out/matrix.jsonl --format html -o matrix.html
    """
    from annotator.errors import InputError
    from annotator.export import export, load, load_run

    reporter = Reporter()
    if rows not in ("experts", "people"):
        raise InputError(f"--rows must be experts or people, not '{rows}'")
    if run_dir is not None:
        data = load_run(run_dir, codebook, reporter, rows, labels)
    elif matrix is not None:
        if rows != "experts" or labels is not None:
            raise InputError(
                "--rows people and --labels need a run folder (annotator export out/ ...), whose quotes "
                "make the matrix again"
            )
        folder = matrix.parent
        meta = folder / "run.json"
        experts = folder / "experts.jsonl"
        data = load(
            matrix,
            quotes,
            codebook,
            meta if meta.exists() else None,
            experts if experts.exists() else None,
            reporter,
        )
    else:
        raise InputError(
            "nothing to export: give a run folder (annotator export out/ ...) or --matrix matrix.jsonl"
        )
    for path in export(data, format.value, Path(output), folder=output.endswith(("/", "\\"))):
        typer.echo(f"Wrote {path}", err=True)
    finish(reporter, "lines")
