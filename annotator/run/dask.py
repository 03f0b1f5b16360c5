"""`annotator run --dask`: the per-article work (quotes, speakers, stances) on a Dask cluster.

    from dask.distributed import Client
    from annotator.run import run
    run(["corpus.jsonl"], codebook="questions.yaml", out="/shared/out", dask=Client("tcp://scheduler:8786"))
    run(["corpus.jsonl"], codebook="questions.yaml", out="out/", dask="local:4")  # one big machine

How it runs:

1. the parent cuts the inputs into blocks (`annotator.run.blocks`: byte ranges of JSONL
   files, or lists of files), in input order;
2. each block is one task: the worker reads its block's articles itself (the inputs must be
   where every worker can read them), annotates each with the context it loaded once per
   worker process (codebook, registry, stance engine: `DaskSetup`, sent once and cached),
   and writes one line per article into `OUT/.work/dask-<fingerprint>/block-NNNNNN.jsonl`,
   atomically, with a summary beside it (OUT must be on storage every worker can reach);
3. the parent streams the parts in block order, at most `window` blocks ahead, and hands
   the articles and their quotes to the same steps as a run on one machine: duplicate ids
   dropped, speakers linked across articles in input order, the matrix built.

The run folder is byte for byte what a run on one process writes. A block whose part and
summary exist is not computed again (a rerun after a stop resumes); a lost worker costs only
the blocks it was running, which Dask runs again elsewhere. Without an out folder the parts
come back through Dask instead of a shared folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.io import Reporter, atomic_write
from annotator.models import Article, Codebook, Quote
from annotator.quotes.people import People
from annotator.run.blocks import (
    DEFAULT_BLOCK_FILES,
    Block,
    BlockResult,
    Collect,
    block_articles,
    plan_blocks,
    read_summary,
    summary_path,
    write_summary,
)

DASK_DIR = "dask-"  # OUT/.work/dask-<fingerprint>/
DEFAULT_BLOCK_ARTICLES = (
    50  # articles (JSONL lines, or files) a block: enough blocks to keep every worker busy
)
ARTICLE_FIELDS = ("id", "title", "url", "published", "outlet", "source")


# --------------------------------------------------------------------------- the worker side


@dataclass(frozen=True)
class DaskSetup:
    """What a worker needs to annotate articles, sent once: the codebook, the registry as
    loaded, the stance engine by name and file (None: the one installed with the package on
    the worker), and the text encoding."""

    codebook: Codebook
    people: People
    engine: str | None
    model: str | None
    encoding: str | None
    key: str  # identifies this set-up in a worker's cache


_CONTEXTS: dict[str, Any] = {}
_LOCK = threading.Lock()


def worker_context(setup: DaskSetup) -> Any:
    """The set-up's `Context`, built once per worker process (and kept for later tasks)."""
    from annotator.run.context import Context
    from annotator.stance.engine import load_engine

    with _LOCK:
        ctx = _CONTEXTS.get(setup.key)
        if ctx is None:
            if len(_CONTEXTS) >= 2:  # a long-lived worker serving run after run keeps two
                _CONTEXTS.pop(next(iter(_CONTEXTS)))
            ctx = _CONTEXTS[setup.key] = Context(
                codebook=setup.codebook, model=load_engine(setup.engine, setup.model), people=setup.people
            )
    return ctx


def _part(folder: str, index: int) -> Path:
    return Path(folder) / f"block-{index:06d}.jsonl"


def _article_line(art: Article, quotes: list[Quote]) -> str:
    head = {f: getattr(art, f) for f in ARTICLE_FIELDS}
    return (
        '{"article": '
        + json.dumps(head, ensure_ascii=False)
        + ', "quotes": ['
        + ",".join(q.model_dump_json() for q in quotes)
        + "]}"
    )


def annotate_block(block: Block, setup: DaskSetup, folder: str | None) -> BlockResult:
    """Run on a worker: one block's articles annotated, one line an article, written to the
    block's part in `folder` (atomically, then its summary) or, without a folder, returned."""
    from annotator.parallel import describe_failure
    from annotator.run.article import annotate_for_article

    ctx = worker_context(setup)
    part = _part(folder, block.index) if folder else None
    if part is not None and summary_path(part).exists():  # done already (a task run again)
        return read_summary(block.index, part)
    rep = Collect()
    result = BlockResult(block.index, str(part) if part else "")
    lines: list[str] = []
    for art in block_articles(block, rep, setup.encoding):
        try:
            quotes = annotate_for_article(art, ctx)
        except Exception as e:  # noqa: BLE001 - one article must not stop the block
            rep.skip(f"{art.source or art.id}: {describe_failure(e).message}")
            continue
        lines.append(_article_line(art, quotes))
        result.articles.append((art.id, len(quotes)))
    result.warnings, result.skipped = rep.warnings, rep.skipped
    if part is None:
        result.lines = lines
        return result
    with atomic_write(part) as f:
        for line in lines:
            f.write(line + "\n")
    write_summary(result)  # the part is complete once its summary exists
    return result


# --------------------------------------------------------------------------- the parent side


def connect(dask: Any) -> tuple[Any, Any]:
    """(client, cluster to close or None) from a `Client`, a scheduler address
    ("tcp://host:8786") or "local:N" (a LocalCluster of N single-thread worker processes)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError(
            "--dask needs Dask: pip install -e '.[dask]' (or pip install 'dask[distributed]')"
        ) from None
    if not isinstance(dask, str):
        return dask, None
    spec = dask.strip()
    if spec.startswith("local:"):
        n = spec.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise InputError(f"--dask {spec}: give local:N with N worker processes, e.g. local:4")
        import logging

        cluster = LocalCluster(
            n_workers=int(n),
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",  # a free port (the dashboard itself needs bokeh)
            host="127.0.0.1",
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster
    try:
        return Client(spec, timeout="10s"), None
    except (OSError, TimeoutError, ValueError) as e:
        raise InputError(
            f"--dask {spec}: no Dask scheduler answers there ({e}); start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS`, or use --dask local:N"
        ) from None


def plan_digest(blocks: Sequence[Block]) -> str:
    """A hash of the block plan and of the input files' sizes and times: a changed input
    makes other blocks, so the parts of the old plan are not reused."""
    h = hashlib.sha1()
    stat: dict[str, tuple[int, int]] = {}
    for b in blocks:
        h.update(repr((b.path, b.start, b.end, b.first_line, b.files)).encode())
        for f in [b.path] if b.path else [f for f, _ in b.files]:
            if f not in stat:
                st = os.stat(f)
                stat[f] = (st.st_size, st.st_mtime_ns)
                h.update(repr((f, stat[f])).encode())
    return h.hexdigest()[:16]


def dask_annotated(
    inputs: Sequence[Path | str],
    setup: DaskSetup,
    client: Any,
    reporter: Reporter,
    work: Path | None = None,
    fingerprint: str = "",
    skip: Sequence[Path] = (),
    block_articles_n: int | None = None,
    window: int | None = None,
    progress: bool = False,
) -> Iterator[tuple[Article, list[Quote]]]:
    """(article, its quotes with stances) in input order, computed on the cluster; with
    `work` (OUT/.work), the parts go to `work/dask-<fingerprint+plan>/` and finished ones
    are reused. Duplicate article ids are reported and dropped as on one machine."""
    from annotator.scratch import DiskIndex

    n = block_articles_n or DEFAULT_BLOCK_ARTICLES
    blocks = plan_blocks(inputs, reporter, n, max(1, min(n, DEFAULT_BLOCK_FILES)), skip)
    folder: Path | None = None
    if work is not None and blocks:
        folder = work / f"{DASK_DIR}{fingerprint}-{plan_digest(blocks)}"
        if work.is_dir():  # the parts of other settings or inputs are of no use
            for old in work.iterdir():
                if old.is_dir() and old.name.startswith(DASK_DIR) and old != folder:
                    shutil.rmtree(old, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = window or 4 * workers
    setup_future = client.scatter(setup, broadcast=True, hash=False)
    bar = _progress(len(blocks)) if progress else None
    link = getattr(client, "dashboard_link", None)
    if progress and link:
        reporter.info(f"Dask dashboard: {link}")
    seen = DiskIndex()
    pending: deque[tuple[Block, Any]] = deque()
    todo = iter(blocks)
    done_articles, t0 = 0, time.monotonic()

    def submit() -> bool:
        block = next(todo, None)
        if block is None:
            return False
        part = _part(str(folder), block.index) if folder else None
        if part is not None and summary_path(part).exists():
            pending.append((block, None))  # written by an earlier run: read, not computed
        else:
            fut = client.submit(
                annotate_block, block, setup_future, str(folder) if folder else None, pure=False
            )
            pending.append((block, fut))
        return True

    try:
        while len(pending) < window and submit():
            pass
        while pending:
            block, fut = pending.popleft()
            res = (
                fut.result()
                if fut is not None
                else read_summary(block.index, _part(str(folder), block.index))
            )
            submit()
            for w in res.warnings:
                reporter.warn(w)
            for s in res.skipped:
                reporter.skip(s)
            for line in _lines(res, folder):
                obj = json.loads(line)
                art = Article(text="", **obj["article"])
                if art.id in seen:
                    reporter.skip(
                        f"{art.source}: duplicate article id '{art.id}' (already read); skipped, give it a unique id"
                    )
                    continue
                seen.add(art.id)
                done_articles += 1
                yield art, [_quote(q) for q in obj["quotes"]]
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(f"{done_articles / max(time.monotonic() - t0, 1e-9):.1f} articles/s")
    finally:
        for _, fut in pending:
            if fut is not None:
                fut.cancel()
        seen.close()
        if bar is not None:
            bar.close()


def _quote(d: dict) -> Quote:
    """A quote from a part our own worker wrote (every field, as `model_dump_json` gives
    them): built without validating again, as the worker built it."""
    from annotator.models import StancePrediction

    stances = d.get("stances")
    if stances is not None:
        d["stances"] = {k: StancePrediction.model_construct(**v) for k, v in stances.items()}
    return Quote.model_construct(**d)


def _lines(res: BlockResult, folder: Path | None) -> Iterator[str]:
    if res.lines is not None:
        yield from res.lines
        return
    if folder is None or not Path(res.part).exists():
        raise InputError(
            f"{res.part}: a worker wrote this block's part, but it is not here: the out folder must be on "
            "storage every Dask worker and this machine share (a network or cluster file system)"
        )
    with open(res.part, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield line


def _progress(total: int) -> Any:
    import sys

    from tqdm import tqdm

    return tqdm(total=total, unit=" blocks", file=sys.stderr, disable=None, mininterval=0.5, leave=False)


__all__ = [
    "DASK_DIR",
    "DaskSetup",
    "annotate_block",
    "connect",
    "dask_annotated",
    "plan_digest",
    "worker_context",
]
