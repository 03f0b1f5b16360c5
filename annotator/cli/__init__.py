"""Command-line interface: `annotator COMMAND`. Commands live one group a module; each
parses its options and calls one library function."""

from __future__ import annotations

from annotator.cli.app import app

# Each module registers its commands on `app` when imported (bench first: others add to it).
from annotator.cli import bench, quotes, stance, run, export, studio, agreement, bench_run  # noqa: E402,F401,I001


def main() -> None:
    app()


__all__ = ["app", "main"]
