"""`annotator quotes`: find and attribute quotes; `annotator bench quotes`: its speed."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator import paths
from annotator.cli.app import app, finish, handle_errors, path_argument, path_option
from annotator.cli.bench import bench_app
from annotator.errors import InputError
from annotator.io import Reporter, write_jsonl


@app.command("quotes")
@handle_errors
def quotes_cmd(
    inputs: list[Path] = path_argument(
        ...,
        help="Articles: .txt, .md, .html files, folders of them, "
        'or JSONL corpora with one {"id", "text"} a line.',
    ),
    output: Path | None = path_option(
        None, "--output", "-o", help="Quotes JSONL to write (default: stdout)."
    ),
    experts: Path | None = path_option(
        None,
        "--experts",
        "-e",
        help="Expert registry (YAML/JSON): known experts with aliases, role, organisation, pronoun.",
    ),
    encoding: str | None = typer.Option(None, "--encoding", help="Text encoding of non-UTF-8 files."),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        min=0,
        help="Processes (0: all cores). The output is the same, in the same order, for any number.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no warnings."),
) -> None:
    """Find the quotes in articles (direct, indirect, mixed) and attribute each to a speaker,
    one quote a JSON line: offsets into the article text, kind, canonical speaker and id,
    cue, how the speaker was found, confidence, context.

    Example:

    \b
        annotator quotes articles/ corpus.jsonl -o quotes.jsonl --experts seeds/experts.yaml
        annotator quotes big-corpus.jsonl -o quotes.jsonl --jobs 0
    """
    from annotator.run.quotes import stream_quotes

    reporter = Reporter(quiet=quiet)
    n = write_jsonl(
        output,
        stream_quotes(inputs, experts, reporter, encoding, jobs or None, progress=not quiet),
        exclude_none=False,
    )
    if output is not None and str(output) != "-" and not quiet:
        typer.echo(f"Wrote {n} quotes to {output}", err=True)
    finish(reporter, "files or lines")


@bench_app.command("quotes")
@handle_errors
def bench_quotes_cmd(
    corpus: list[Path] | None = path_argument(None, help="Articles to time (default: the bundled seed)."),
    repeat: int = typer.Option(
        0, "--repeat", "-n", min=0, help="Passes over the corpus (default: enough for about 1,000 articles)."
    ),
) -> None:
    """Quote extraction speed (articles/s on one core) and memory (peak RSS, growth).

    Example:

    \b
        annotator bench quotes ../shared/data/attribution/polnear_dev.jsonl -n 3
    """
    from annotator.bench.quotes import bench_quotes
    from annotator.ingest import iter_articles

    reporter = Reporter()
    articles = list(iter_articles(corpus or paths.seed_articles(), reporter))
    if not articles:
        raise InputError("no readable articles to time; pass a corpus (files, folders or JSONL)")
    passes = repeat or max(1, 1000 // len(articles))
    result = bench_quotes(articles, passes)
    for line in result.lines():
        typer.echo(line)
    finish(reporter, "files or lines")
