"""Command-line interface: `annotator COMMAND`. Commands live one group a module; each
parses its options and calls one library function."""

from __future__ import annotations

import importlib

from annotator.cli.app import app

# Each module registers its commands on `app` when imported.
for _name in ("bench", "quotes", "stance", "run", "export", "studio", "agreement", "reliability"):
    try:
        importlib.import_module(f"annotator.cli.{_name}")
    except ModuleNotFoundError as _e:  # a command module not written yet
        if _e.name != f"annotator.cli.{_name}":
            raise


def main() -> None:
    app()


__all__ = ["app", "main"]
