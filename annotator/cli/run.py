"""`annotator run`: the whole pipeline, from articles to the matrix and its exports."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import app, finish, handle_errors, path_argument, path_option
from annotator.io import Reporter


@app.command("run")
@handle_errors
def run_cmd(
    inputs: list[Path] | None = path_argument(
        None,
        help="Articles: .txt, .md, .html files, folders, or JSONL corpora. None: the bundled seed article.",
    ),
    out: Path = path_option(..., "--out", "-o", help="Folder for the run's files (created if missing)."),
    codebook: Path | None = path_option(
        None, "--codebook", "-c", help="Key questions (YAML/JSON). Default: the bundled seed codebook."
    ),
    experts: Path | None = path_option(
        None,
        "--experts",
        "-e",
        help="Expert registry (YAML/JSON). Default with no INPUT: the seed's registry.",
    ),
    labels: Path | None = path_option(
        None,
        "--labels",
        "-l",
        help="Reviewed labels JSONL (from `annotator studio pull`); they win over the model's.",
    ),
    model: Path | None = path_option(
        None, "--model", "-m", help="Stance model file from `annotator train` (default: the bundled engine)."
    ),
    engine: str | None = typer.Option(
        None,
        "--engine",
        help="Stance engine: neural (default; reads negation, "
        "contrast, hedges) or fast (TF-IDF, ~15x faster).",
    ),
    encoding: str | None = typer.Option(None, "--encoding", help="Text encoding of non-UTF-8 files."),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        min=0,
        help="Processes for the per-article work (0: all cores). The output is the same for any number.",
    ),
    dask: str | None = typer.Option(
        None,
        "--dask",
        help="Run the per-article work on a Dask cluster: a scheduler address (tcp://HOST:8786; the "
        "inputs and --out must be on storage every worker reaches), or local:N for N worker "
        "processes on this machine. The output is the same as without.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no table, no progress, no warnings."),
    rows: str = typer.Option(
        "experts",
        "--rows",
        help="Matrix rows: experts (default) or people (every named person, politicians included).",
    ),
) -> None:
    """Run everything: find and attribute the quotes, propose a stance on every question,
    apply reviewed labels, build the experts-by-questions matrix and write, into --out:
    quotes.jsonl, matrix.jsonl, experts.jsonl, run.json, matrix.csv (long), matrix_wide.csv,
    matrix.json, matrix.md, matrix.html and experts.csv. Reruns give identical files; --jobs
    and --dask spread the work without changing a byte of it.

    Examples:

    \b
        annotator run --out out/                      # the bundled seed
        annotator run articles/ --codebook questions.yaml --labels reviewed.jsonl --out out/
        annotator run corpus.jsonl --codebook questions.yaml --jobs 2 --out out/
        annotator run corpus.jsonl --codebook questions.yaml --dask tcp://scheduler:8786 --out /shared/out/
    """
    from annotator.errors import InputError
    from annotator.run import run

    if rows not in ("experts", "people"):
        raise InputError(f"--rows must be experts or people, not '{rows}'")
    reporter = Reporter(quiet=quiet)
    result = run(
        inputs or [],
        codebook=codebook,
        experts=experts,
        labels=labels,
        model=model,
        engine=engine,
        out=out,
        reporter=reporter,
        encoding=encoding,
        progress=not quiet,
        jobs=jobs or None,
        rows=rows,
        dask=dask,
    )
    if not quiet:
        from rich.console import Console

        from annotator.export.terminal import table

        console = Console(highlight=False)
        console.print(table(result.data, console.width))
        rows = result.data.rows()
        reviewed = sum(c.reviewed for r in rows for c in r.cells.values())
        typer.echo(
            f"{result.n_articles} article(s), {result.n_quotes} quotes, "
            f"{len(rows)} experts, {reviewed} reviewed cell(s). "
            f"Wrote {len(result.written)} files to {out}/ (open {out / 'matrix.html'})"
        )
    finish(reporter, "articles or lines")
