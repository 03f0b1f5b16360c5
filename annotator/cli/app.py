"""The typer app and the one place where errors become `Error: ...` lines and exit codes.

Exit codes: 0 done; 1 error (nothing written); 2 usage error (bad flags); 3 done, but some
items were skipped (each reported on stderr as a `Warning:` line).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from annotator.errors import AnnotatorError, Skipped
from annotator.io import Reporter

F = TypeVar("F", bound=Callable)

app = typer.Typer(
    name="annotator",
    help="Find experts' quotes in articles, propose their stances on a codebook's questions, "
    "review them in Label Studio and export the experts-by-questions matrix.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def path_option(*args, **kwargs):
    """A file or folder option whose problems (missing, unreadable) the command reports itself,
    as one `Error:` line and exit 1, rather than click's usage error (exit 2)."""
    return typer.Option(*args, readable=False, **kwargs)


def path_argument(*args, **kwargs):
    """A file or folder argument (see `path_option`)."""
    return typer.Argument(*args, readable=False, **kwargs)


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def handle_errors(fn: F) -> F:
    """Turn the project's exceptions (and any other) into one `Error:` line and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Skipped as e:
            typer.echo(f"Warning: {e}", err=True)
            raise typer.Exit(e.exit_code) from None
        except AnnotatorError as e:
            raise fail(str(e), e.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted; outputs already written are complete, rerun to finish", 130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except OSError as e:  # a path the user gave: read-only, missing folder, disk full
            where = e.filename or "a file"
            raise fail(
                f"{where}: {e.strerror or e}; check the path, its folder and their permissions", 1
            ) from None
        except Exception as e:  # a bug: still one line, the traceback only on request
            if os.environ.get("ANNOTATOR_DEBUG"):
                raise
            raise fail(
                f"internal error ({type(e).__name__}: {e}); rerun with ANNOTATOR_DEBUG=1 "
                "for the traceback and report it",
                1,
            ) from None

    return wrapper  # type: ignore[return-value]


def finish(reporter: Reporter, what: str = "items") -> None:
    """End a batch command: exit 3 when something was skipped (already reported)."""
    if reporter.skipped:
        raise Skipped(
            f"{len(reporter.skipped)} {what} skipped (see the warnings above); the rest was written"
        )
