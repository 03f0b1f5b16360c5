"""The corpus cut into blocks for cluster work (`annotator.run.dask`, `annotator.distributed`):
a block is a byte range of a JSONL file (found by scanning for line breaks, without parsing)
or a list of article files, and a worker reads its own block's articles. Reading the blocks
in order gives the articles `annotator.ingest.iter_articles` gives, in the same order, with
the same sources ("file:line") and warnings; duplicate ids are the reader's to drop."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.io import Reporter, atomic_write

DEFAULT_BLOCK_LINES = 1000
DEFAULT_BLOCK_FILES = 200


@dataclass(frozen=True)
class Block:
    """A unit of work: a byte range of one JSONL file, or a list of article files."""

    index: int
    path: str | None = None
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[tuple[str, str | None], ...] = ()  # (file, article id or None)


@dataclass
class BlockResult:
    index: int
    part: str
    articles: list[tuple[str, int]] = field(default_factory=list)  # (article id, quotes written)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    lines: list[str] | None = None  # the block's output, when it is not written to a part


class Collect(Reporter):
    """A quiet reporter that keeps warnings to send back to the client."""

    def __init__(self) -> None:
        super().__init__(quiet=True)
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def plan_blocks(
    inputs: Iterable[Path | str],
    reporter: Reporter,
    block_lines: int = DEFAULT_BLOCK_LINES,
    block_files: int = DEFAULT_BLOCK_FILES,
    skip: Iterable[Path] = (),
) -> list[Block]:
    """Blocks of the inputs, in input order. JSONL files are scanned for line breaks only;
    the `skip` folders (a run's own OUT) are not read."""
    from annotator.ingest import JSONL_SUFFIXES, expand

    blocks: list[Block] = []
    files: list[tuple[str, str | None]] = []

    def flush_files() -> None:
        if files:
            blocks.append(Block(len(blocks), files=tuple(files)))
            files.clear()

    for path, article_id in expand(inputs, reporter, list(skip)):
        if path.suffix.lower() not in JSONL_SUFFIXES:
            files.append((str(path), article_id))
            if len(files) >= block_files:
                flush_files()
            continue
        flush_files()
        with open(path, "rb") as f:
            start, line, n = 0, 1, 0
            pos = 0
            for raw in f:
                pos += len(raw)
                n += 1
                if n >= block_lines:
                    blocks.append(Block(len(blocks), str(path), start, pos, line))
                    start, line, n = pos, line + n, 0
            if n or start == 0:
                blocks.append(Block(len(blocks), str(path), start, pos, line))
    flush_files()
    return blocks


def block_articles(block: Block, reporter: Reporter, encoding: str | None) -> Iterator[Any]:
    from annotator.ingest import article_from_record, read_file
    from annotator.io import parse_jsonl_line

    if block.files:
        for f, article_id in block.files:
            yield from read_file(Path(f), reporter, encoding, article_id)
        return
    path = Path(block.path or "")
    with open(path, "rb") as f:
        f.seek(block.start)
        data = f.read(block.end - block.start)
    for n, raw in enumerate(data.splitlines(keepends=True), block.first_line):
        obj = parse_jsonl_line(raw, path, n, reporter, encoding, first=(n == 1))
        if obj is None:
            continue
        try:
            yield article_from_record(obj, f"{path}:{n}")
        except InputError as e:
            reporter.skip(str(e))


def summary_path(part: Path | str) -> Path:
    """Where a block's summary goes: beside its part (a part with one is complete)."""
    return Path(part).with_suffix(".done.json")


def write_summary(result: BlockResult) -> None:
    """The block's summary beside its part, atomically: written last, it says the part is
    complete (a resumed run reads the part instead of computing it again)."""
    import json

    with atomic_write(summary_path(result.part)) as f:
        json.dump({"articles": result.articles, "warnings": result.warnings, "skipped": result.skipped}, f)


def read_summary(index: int, part: Path | str) -> BlockResult:
    """The BlockResult of a complete part, from its summary."""
    import json

    saved = json.loads(summary_path(part).read_text(encoding="utf-8"))
    return BlockResult(
        index,
        str(part),
        [tuple(a) for a in saved["articles"]],  # type: ignore[misc]
        saved["warnings"],
        saved["skipped"],
    )


__all__ = [
    "DEFAULT_BLOCK_FILES",
    "DEFAULT_BLOCK_LINES",
    "Block",
    "BlockResult",
    "Collect",
    "block_articles",
    "plan_blocks",
    "read_summary",
    "summary_path",
    "write_summary",
]
