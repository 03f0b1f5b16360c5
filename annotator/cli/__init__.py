"""Command-line interface: `annotator COMMAND`. Commands live one group a module; each
parses its options and calls one library function."""

from __future__ import annotations

# Each module registers its commands on `app` when imported (bench first: others add to it).
from annotator.cli import agreement, bench, bench_run, export, quotes, run, stance, studio  # noqa: F401
from annotator.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
