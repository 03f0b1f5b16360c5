"""`annotator bench run`: throughput and peak memory of quotes, stance and the whole run,
on 1 and N processes (see annotator.bench.run)."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import handle_errors, path_option
from annotator.cli.bench import bench_app
from annotator.errors import InputError


def _ints(value: str, what: str) -> list[int]:
    try:
        out = [int(x.replace("_", "")) for x in value.split(",") if x.strip()]
    except ValueError:
        raise InputError(
            f"{what}: expected numbers separated by commas, e.g. 1000,10000; got '{value}'"
        ) from None
    if not out or any(x < 1 for x in out):
        raise InputError(f"{what}: expected positive numbers, e.g. 1,2; got '{value}'")
    return out


@bench_app.command("run")
@handle_errors
def bench_run_cmd(
    articles: str = typer.Option("1000,10000", "--articles", "-n", help="Corpus sizes, comma-separated."),
    jobs: str = typer.Option("1,2", "--jobs", "-j", help="Process counts to compare, comma-separated."),
    corpus: Path | None = path_option(
        None, "--corpus", help="A JSONL corpus to time (its first N articles) instead of the generated one."
    ),
    stages: str = typer.Option("quotes,stance,run", "--stages", help="Stages to time: quotes, stance, run."),
    work: Path | None = path_option(None, "--work", help="Keep the generated corpora and outputs here."),
    engine: str | None = typer.Option(None, "--engine", help="Stance engine: neural (default) or fast."),
    dask: str | None = typer.Option(
        None,
        "--dask",
        help="Also time the run stage on Dask (local:N or a scheduler address), beside --jobs.",
    ),
) -> None:
    """Articles per second on 1 and N processes, and peak memory (the parent's and the
    largest worker's), for quotes, stance and the whole run, each configuration in a
    fresh process. Without --corpus, a synthetic news-like corpus is generated.

    Examples:

    \b
        annotator bench run                                   # 1,000 and 10,000 articles, jobs 1 and 2
        annotator bench run --articles 2000 --jobs 1,2,4 --corpus corpus.jsonl --stages quotes
        annotator bench run --articles 1000,10000 --jobs 2 --stages run --dask local:2
    """
    from annotator.bench.run import HEADER, bench_run, speedups

    typer.echo(HEADER)
    figures = bench_run(
        _ints(articles, "--articles"),
        _ints(jobs, "--jobs"),
        corpus,
        [s.strip() for s in stages.split(",") if s.strip()],
        work,
        echo=typer.echo,
        engine=engine,
        dask=dask,
    )
    for line in speedups(figures):
        typer.echo(line)
