"""`annotator bench ...`: benchmarks that print figures (speed, memory). Each area adds its
own command to `bench_app` from its own CLI module."""

from __future__ import annotations

import typer

from annotator.cli.app import app

bench_app = typer.Typer(help="Benchmarks: print throughput and peak memory on a corpus.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
