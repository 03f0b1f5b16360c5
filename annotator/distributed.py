"""Quotes for corpora too big for one machine, on a Dask cluster.

    from dask.distributed import Client
    from annotator.distributed import quotes_with_dask, merge_parts
    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    result = quotes_with_dask(["corpus/"], client, "out/parts", experts="experts.yaml")
    merge_parts(result, "out/quotes.jsonl")           # one file, in input order (optional)

The inputs are cut into blocks (a JSONL file by line ranges, found by scanning for line
breaks without parsing; other files a number of files a block). Each block is one task: a
worker reads its lines or files, runs the per-article function the CLI uses
(`annotator.run.article.quotes_for_article`: `find_quotes` with a fresh copy of the registry),
and writes `part-NNNNN.jsonl` atomically into the output folder, which must be reachable by
every worker (a shared file system). The parts, read in order, are the quotes a single
process writes. Bad lines and files are reported as warnings, with file and line, as in
`annotator quotes`; duplicate article ids across blocks are found afterwards and their later
occurrences' quotes removed, as a single process does. Parts already present are not
recomputed when `resume=True`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.io import Reporter, atomic_write, to_json
from annotator.run.blocks import (
    DEFAULT_BLOCK_FILES,
    DEFAULT_BLOCK_LINES,
    Block,
    BlockResult,
    block_articles,
    plan_blocks,
    read_summary,
    summary_path,
    write_summary,
)
from annotator.run.blocks import Collect as _Collect


@dataclass
class DaskResult:
    out: Path
    parts: list[Path]
    articles: int
    quotes: int
    skipped: list[str]


_REGISTRY: dict[str | None, Any] = {}


def process_block(
    block: Block, out: str, experts: str | None = None, encoding: str | None = None, resume: bool = False
) -> BlockResult:
    """Run on a worker: the quotes of one block into `out/part-NNNNN.jsonl` (atomically)."""
    from annotator.parallel import describe_failure
    from annotator.run.article import quotes_for_article
    from annotator.run.context import QuotesSetup

    part = Path(out) / f"part-{block.index:05d}.jsonl"
    done = summary_path(part)
    if resume and part.exists() and done.exists():
        return read_summary(block.index, part)
    done.unlink(missing_ok=True)  # the part is complete only once its summary is written
    if experts not in _REGISTRY:  # once per worker process
        _REGISTRY[experts] = QuotesSetup(experts)()
    registry = _REGISTRY[experts]
    rep = _Collect()
    result = BlockResult(block.index, str(part))
    with atomic_write(part) as f:
        for art in block_articles(block, rep, encoding):
            try:
                quotes = quotes_for_article(art, registry)
            except Exception as e:  # noqa: BLE001 - one article must not stop the block
                rep.skip(f"{art.source or art.id}: {describe_failure(e).message}")
                continue
            for q in quotes:
                f.write(to_json(q, exclude_none=False) + "\n")
            result.articles.append((art.id, len(quotes)))
    result.warnings, result.skipped = rep.warnings, rep.skipped
    write_summary(result)
    return result


def _drop_duplicates(results: Sequence[BlockResult], reporter: Reporter) -> None:
    """Later occurrences of an article id are reported and their quotes removed."""
    seen: set[str] = set()
    for res in results:
        drop: list[tuple[int, int]] = []  # line ranges in the part
        line = 0
        kept = []
        for aid, n in res.articles:
            if aid in seen:
                msg = (
                    f"part {res.index}: duplicate article id '{aid}' (already read); skipped, "
                    "give it a unique id"
                )
                reporter.skip(msg)
                res.skipped.append(msg)
                drop.append((line, line + n))
            else:
                seen.add(aid)
                kept.append((aid, n))
            line += n
        if drop:
            part = Path(res.part)
            lines = part.read_bytes().splitlines(keepends=True)
            with atomic_write(part, "wb") as f:
                for i, ln in enumerate(lines):
                    if not any(a <= i < b for a, b in drop):
                        f.write(ln)
            res.articles = kept
            write_summary(res)


def quotes_with_dask(
    inputs: Sequence[Path | str],
    client: Any,
    out: Path | str,
    *,
    experts: str | None = None,
    encoding: str | None = None,
    reporter: Reporter | None = None,
    block_lines: int = DEFAULT_BLOCK_LINES,
    block_files: int = DEFAULT_BLOCK_FILES,
    resume: bool = False,
) -> DaskResult:
    """The quotes of every article of `inputs`, computed on the Dask cluster behind `client`,
    as `out/part-NNNNN.jsonl` files (in input order when read by part number)."""
    reporter = reporter or Reporter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    blocks = plan_blocks(inputs, reporter, block_lines, block_files)
    if not blocks:
        raise InputError("no article files in the inputs; check the paths")
    if not resume:
        for old in list(out.glob("part-*.jsonl")) + list(out.glob("part-*.done.json")):
            old.unlink()
    futures = client.map(
        process_block,
        blocks,
        out=str(out),
        experts=str(experts) if experts else None,
        encoding=encoding,
        resume=resume,
        pure=False,
    )
    results: list[BlockResult] = client.gather(futures)
    results.sort(key=lambda r: r.index)
    for res in results:
        for w in res.warnings:
            reporter.warn(w)
        for s in res.skipped:
            reporter.skip(s)
    _drop_duplicates(results, reporter)
    return DaskResult(
        out=out,
        parts=[Path(r.part) for r in results],
        articles=sum(len(r.articles) for r in results),
        quotes=sum(n for r in results for _, n in r.articles),
        skipped=list(reporter.skipped),
    )


def merge_parts(
    result: DaskResult | Sequence[Path], dest: Path | str, link: bool = True, experts: str | None = None
) -> int:
    """Concatenate the parts, in order, into one JSONL file (atomically), streaming. With
    `link`, speakers are linked across articles as `annotator.run.link.link_across_articles`
    does (a sequential pass: cheap next to extraction)."""
    from annotator.models import Quote
    from annotator.run.context import QuotesSetup
    from annotator.run.link import link_across_articles

    parts = result.parts if isinstance(result, DaskResult) else list(result)

    def quotes() -> Iterator[Quote]:
        for p in parts:
            with open(p, encoding="utf-8") as f:
                for line in f:
                    yield Quote.model_validate_json(line)

    stream: Iterable[Quote] = link_across_articles(quotes(), QuotesSetup(experts)()) if link else quotes()
    n = 0
    with atomic_write(dest) as f:
        for q in stream:
            f.write(to_json(q, exclude_none=False) + "\n")
            n += 1
    return n
