"""Reading and writing JSONL and files: atomic writes, per-line errors, one reporter."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from annotator.errors import InputError


@dataclass
class Reporter:
    """Collects per-item problems in a batch; each is printed once as a `Warning:` line.

    A batch goes on past a bad item; the CLI exits non-zero when `skipped` is not empty.
    """

    stream: IO[str] | None = None
    quiet: bool = False
    skipped: list[str] = field(default_factory=list)

    def skip(self, message: str) -> None:
        self.skipped.append(message)
        if not self.quiet:
            print(f"Warning: {message}", file=self.stream or sys.stderr)

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"Warning: {message}", file=self.stream or sys.stderr)

    def info(self, message: str) -> None:
        """A note for the user, not a problem (e.g. where a dashboard is)."""
        if not self.quiet:
            print(message, file=self.stream or sys.stderr)


def describe_validation(err: ValidationError) -> str:
    """One line from a pydantic error: which field, what is wrong."""
    parts = []
    for e in err.errors()[:3]:
        loc = ".".join(str(x) for x in e.get("loc", ())) or "record"
        parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    more = len(err.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def parse_jsonl_line(
    raw: bytes,
    path: Path | str,
    n: int,
    reporter: Reporter | None = None,
    encoding: str | None = None,
    first: bool = False,
) -> dict | None:
    """One JSONL line (bytes) to its object; None for a blank line. A line that is not
    UTF-8 (nor `encoding`, when given), not JSON or not an object is reported and gives None
    when a reporter is given, else raises InputError. Each line is decoded on its own, so
    one bad byte does not lose the rest of the file."""
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None

    def bad(msg: str) -> None:
        if reporter is None:
            raise InputError(msg)
        reporter.skip(msg)

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = None
        if encoding:
            try:
                line = raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
        if line is None:
            bad(
                f"{path}:{n}: not UTF-8 ({e.reason} at byte {e.start}); re-save the file as UTF-8 "
                "or pass --encoding"
            )
            return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        bad(f"{path}:{n}: not valid JSON ({e.msg} at column {e.colno}); fix or remove the line")
        return None
    except RecursionError:
        bad(f"{path}:{n}: not valid JSON (nested too deeply); fix or remove the line")
        return None
    if not isinstance(obj, dict):
        bad(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
        return None
    if _SURROGATE_ESCAPE.search(raw):
        clean = _no_lone_surrogates(obj)
        if clean != obj:
            obj = clean
            if reporter is not None:
                reporter.warn(
                    f"{path}:{n}: unpaired surrogate escapes (\\udXXX) replaced with U+FFFD (one character "
                    "for one, so offsets are unchanged); fix the producer of the file to keep the "
                    "original characters"
                )
    return obj


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(value: Any) -> Any:
    """A JSON value with every unpaired UTF-16 surrogate (which no UTF-8 file can hold,
    so no output could be written) replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_no_lone_surrogates(k): _no_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_lone_surrogates(v) for v in value]
    return value


def iter_jsonl(
    path: Path | str, reporter: Reporter | None = None, encoding: str | None = None
) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for each JSON object line. Bad lines are reported and
    skipped when a reporter is given, else raise InputError. Lines are UTF-8 (a BOM is
    allowed), or `encoding` where they are not."""
    path = Path(path)
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a JSONL file") from None
    with f:
        for n, raw in enumerate(f, 1):
            obj = parse_jsonl_line(raw, path, n, reporter, encoding, first=(n == 1))
            if obj is not None:
                yield n, obj


def read_models(path: Path | str, model: type[BaseModel], reporter: Reporter | None = None) -> Iterator[Any]:
    """Yield validated records from a JSONL file; invalid lines are reported (or raise)."""
    for _, record in read_models_at(path, model, reporter):
        yield record


def read_models_at(
    path: Path | str, model: type[BaseModel], reporter: Reporter | None = None
) -> Iterator[tuple[str, Any]]:
    """("FILE:LINE", record) for each valid line of a JSONL file (see `read_models`)."""
    for n, obj in iter_jsonl(path, reporter):
        try:
            yield f"{path}:{n}", model.model_validate(obj)
        except ValidationError as e:
            msg = f"{path}:{n}: not a valid {model.__name__.lower()} ({describe_validation(e)})"
            if reporter is None:
                raise InputError(msg) from None
            reporter.skip(msg)


def to_json(obj: BaseModel | dict, **kw: Any) -> str:
    if isinstance(obj, BaseModel):
        return obj.model_dump_json(**kw)
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temporary_beside(path: Path | str, mode: str = "w", encoding: str | None = "utf-8") -> tuple[Path, IO]:
    """A new temporary file in `path`'s folder, open for writing; `publish` puts it in place
    (`atomic_write` does both; a streaming writer publishes when its whole job is done)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return Path(tmp), os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None)


def publish(tmp: Path | str, path: Path | str) -> None:
    """Put a complete temporary file in place: shareable mode, one atomic rename."""
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a run's files are for sharing
    os.replace(tmp, path)


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename over it: a reader (or a run
    killed half-way) sees the old file or the complete new one, never a truncated one."""
    tmp, f = temporary_beside(path, mode, encoding)
    try:
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        publish(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_jsonl(path: Path | str | None, records: Iterable[BaseModel | dict], **dump: Any) -> int:
    """Write records one a line (atomically to a file, or to stdout when path is None or '-')."""
    count = 0
    if path is None or str(path) == "-":
        for r in records:
            sys.stdout.write(to_json(r, **dump) + "\n")
            count += 1
        sys.stdout.flush()
        return count
    with atomic_write(path) as f:
        for r in records:
            f.write(to_json(r, **dump) + "\n")
            count += 1
    return count


def write_text(path: Path | str, text: str) -> None:
    with atomic_write(path) as f:
        f.write(text)


def write_chunks(path: Path | str, chunks: Iterable[str]) -> None:
    """Write text made piece by piece (never held whole), atomically."""
    with atomic_write(path) as f:
        for chunk in chunks:
            f.write(chunk)


class Streamed:
    """A list that `json_chunks` writes item by item: `items` is called when the list is
    written, so the items need not exist all at once."""

    def __init__(self, items: Callable[[], Iterable[Any]]):
        self.items = items


def json_chunks(doc: dict, indent: int = 2) -> Iterator[str]:
    """`json.dumps(doc, ensure_ascii=False, indent=indent) + "\\n"`, in pieces: a top-level
    value that is `Streamed` is written one item at a time."""
    pad = " " * indent
    yield "{"
    for i, (key, value) in enumerate(doc.items()):
        yield ("\n" if i == 0 else ",\n") + pad + json.dumps(key, ensure_ascii=False) + ": "
        if isinstance(value, Streamed):
            inner, n = pad * 2, 0
            for item in value.items():
                yield (
                    ("[\n" if n == 0 else ",\n")
                    + inner
                    + json.dumps(item, ensure_ascii=False, indent=indent).replace("\n", "\n" + inner)
                )
                n += 1
            yield "\n" + pad + "]" if n else "[]"
        else:
            yield json.dumps(value, ensure_ascii=False, indent=indent).replace("\n", "\n" + pad)
    yield ("\n}" if doc else "}") + "\n"
