"""`annotator bench ...`: benchmarks that print figures (speed, memory). Each area adds its
own command to `bench_app` from its own CLI module."""

from __future__ import annotations

import typer

from annotator.cli.app import app

bench_app = typer.Typer(
    help="Benchmarks: print throughput and peak memory (never timed tests).\n\n"
    "Example:\n\n\b\n    annotator bench quotes ../shared/data/attribution/polnear_dev.jsonl -n 3\n"
    "    annotator bench run --articles 1000 --jobs 1,2",
    no_args_is_help=True,
)
app.add_typer(bench_app, name="bench")
