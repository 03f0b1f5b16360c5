"""A run's output folder: one run at a time, the run's own temporary files only, and a
marker that says the folder is complete.

- `RunFolder(out)` takes an exclusive lock (`OUT/.lock`, `fcntl.flock`, with the pid in it):
  a second run into the same folder is refused with `Error: OUT is in use by another run
  (pid N)`; the lock goes with the process, however it ends.
- It removes only the temporary files this project writes (`.quotes.jsonl.x1y2z3a4.tmp`,
  `.scratch.x1y2z3a4.tmp`, ...: a known file name, eight random characters), and only in a
  folder that holds a run; anything else (`.notes.tmp`, an office suite's lock file) is
  left alone.
- `run.json` is written last and marks the folder complete; a run starting in the folder
  removes it first, so a run killed half-way leaves a folder that `annotator export`
  refuses (`is_complete`).
- `is_run_folder(path)`: a folder a run wrote (input expansion skips them, so an OUT inside
  an input folder is never read back as articles).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import IO

from annotator.errors import InputError

RUN_META = "run.json"
LOCK = ".lock"
WORK_DIR = ".work"
#: every file `annotator run` writes in OUT
RUN_FILES = (
    "quotes.jsonl",
    "matrix.jsonl",
    "experts.jsonl",
    RUN_META,
    "matrix.csv",
    "matrix_wide.csv",
    "matrix.json",
    "matrix.md",
    "matrix.html",
    "experts.csv",
)
_OWN_TEMPORARY = re.compile(
    r"^\.(?:" + "|".join(re.escape(n) for n in RUN_FILES + ("scratch",)) + r")\.[A-Za-z0-9_]{8}\.tmp$"
)


def is_run_folder(path: Path) -> bool:
    """A folder `annotator run` wrote into (its marker, its lock, its resume store or its
    matrix is there)."""
    try:
        return path.is_dir() and any(
            (path / name).exists() for name in (RUN_META, LOCK, WORK_DIR, "matrix.jsonl")
        )
    except OSError:  # a folder this user cannot read: the walk reports it
        return False


def is_complete(path: Path) -> bool:
    return (Path(path) / RUN_META).is_file()


def own_temporaries(folder: Path) -> list[Path]:
    """The temporary files a killed run of this project left in `folder`."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _OWN_TEMPORARY.match(p.name) and p.is_file())


class RunFolder:
    """The folder a run writes, held for the run's duration (a context manager)."""

    def __init__(self, out: Path | str):
        self.path = Path(out)
        self._lock: IO | None = None
        self.created = False

    def __enter__(self) -> RunFolder:
        out = self.path
        if out.exists() and not out.is_dir():
            raise InputError(f"{out}: exists and is not a folder; --out takes a folder for the run's files")
        try:
            self.created = not out.exists()
            out.mkdir(parents=True, exist_ok=True)
            self._lock = open(out / LOCK, "a+")
        except OSError as e:
            raise InputError(
                f"{out}: cannot write the run folder ({e.strerror or e}); choose another --out "
                "or fix its permissions"
            ) from None
        import fcntl

        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.seek(0)
            pid = self._lock.read().strip() or "?"
            self._lock.close()
            self._lock = None
            raise InputError(
                f"{out} is in use by another run (pid {pid}); wait for it to finish or choose another --out"
            ) from None
        self._lock.seek(0)
        self._lock.truncate()
        self._lock.write(str(os.getpid()))
        self._lock.flush()
        for tmp in own_temporaries(out):
            tmp.unlink(missing_ok=True)
        with contextlib.suppress(FileNotFoundError):
            (out / RUN_META).unlink()  # incomplete until this run writes it again, last
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:  # the file stays (removing it would let two runs lock two files)
            with contextlib.suppress(OSError):
                self._lock.seek(0)
                self._lock.truncate()
            self._lock.close()
            self._lock = None

    def remove_if_empty(self) -> None:
        """A run that annotated nothing leaves no folder it made itself (all in it is its own:
        the lock, the resume store, temporary files)."""
        if self.created:
            import shutil

            shutil.rmtree(self.path, ignore_errors=True)


__all__ = [
    "LOCK",
    "RUN_FILES",
    "RUN_META",
    "WORK_DIR",
    "RunFolder",
    "is_complete",
    "is_run_folder",
    "own_temporaries",
]
