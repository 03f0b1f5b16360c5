"""A streaming, order-preserving process-pool map for per-article work.

    from annotator.parallel import map_ordered
    for article, quotes in map_ordered(find_quotes_one, articles, jobs=2, init=Registry("experts.yaml")):
        ...

- Results come back in input order, whatever the number of processes: `--jobs 4` writes
  the same bytes as `--jobs 1`.
- Streaming: at most `window` chunks are in flight, so memory stays flat on 100,000 items
  (a plain `Pool.imap` reads its whole input ahead).
- `jobs=1` runs in this process, without a pool; `jobs=None` or `0` uses every core.
- Per-item failure: an exception raised by `fn` for one item is caught in the worker and
  reported through `Reporter.skip` in the parent; the item is left out, the rest go on.
- Heavy state (the stance model, the expert registry) is built once by `init`, a picklable
  zero-argument callable (a class instance or `functools.partial`), and passed to
  `fn(item, state)`; without `init`, `fn(item)` is called. With 'fork' (Linux) the state is
  built once in the parent before the workers start and shared copy-on-write; with 'spawn'
  each worker builds it once.
- A worker that dies (out of memory, killed) ends the map with a `WorkerDied` error instead
  of a hang; with `annotator.resume`, the next run picks up where this one stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from annotator.errors import AnnotatorError
from annotator.io import Reporter

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNKSIZE = 8
_MISSING = object()


class WorkerDied(AnnotatorError):
    """A worker process ended abruptly (killed or out of memory)."""


@dataclass(frozen=True)
class Failure:
    """What a worker sends back instead of a result when `fn` raised for one item."""

    message: str
    kind: str
    expected: bool  # an AnnotatorError (the user's input) rather than a bug


def cpu_count() -> int:
    """Cores this process may use (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    """`None` or 0: every core; a negative number: all cores but that many; else `jobs`."""
    if not jobs:
        return cpu_count()
    if jobs < 0:
        return max(1, cpu_count() + jobs)
    return jobs


def start_method() -> str:
    """'fork' on Linux (workers inherit loaded modules: fast start), else 'spawn'."""
    methods = multiprocessing.get_all_start_methods()
    return "fork" if sys.platform.startswith("linux") and "fork" in methods else "spawn"


def describe_failure(exc: BaseException) -> Failure:
    if isinstance(exc, AnnotatorError):
        return Failure(str(exc), type(exc).__name__, True)
    return Failure(f"could not be processed ({type(exc).__name__}: {exc})", type(exc).__name__, False)


# --- the worker side -----------------------------------------------------------------

_STATE: Any = _MISSING


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to end this worker when its parent (`parent`, the pid the parent gave
    before starting it) dies (Linux): a killed run leaves no worker behind holding its memory.
    Elsewhere a thread watches the parent instead. The pid comes from the parent: read here, it
    would be the new parent's when the run was killed before this worker got this far."""
    import signal

    if os.getppid() != parent:
        os._exit(1)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGTERM, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
            if os.getppid() != parent:  # the parent died before the request took effect
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _init_worker(init: Callable[[], Any] | None, parent: int) -> None:
    global _STATE
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)
    if init is not None:
        _STATE = init()


def _call(fn: Callable, item: Any, state: Any) -> Any:
    try:
        return fn(item) if state is _MISSING else fn(item, state)
    except Exception as e:  # noqa: BLE001 - one bad item must not stop the batch
        return describe_failure(e)


def _run_chunk(fn: Callable, chunk: list) -> list:
    return [_call(fn, item, _STATE) for item in chunk]


# --- the parent side -----------------------------------------------------------------


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_ordered(
    fn: Callable[..., R],
    items: Iterable[T],
    jobs: int | None = None,
    *,
    init: Callable[[], Any] | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    window: int | None = None,
    reporter: Reporter | None = None,
    describe: Callable[[T], str] = str,
    lookup: Callable[[T], R | None] | None = None,
) -> Iterator[tuple[T, R]]:
    """`(item, fn(item[, state]))` for each item, in input order, over `jobs` processes.

    - `init`: picklable zero-argument callable run once in each process; its value is
      passed to `fn` as a second argument.
    - `chunksize`: items sent to a worker at a time; `window`: chunks in flight (default
      4 per process); memory holds at most `window * chunksize` items and results.
    - A failing item is reported as `Warning: <describe(item)>: <message>` through
      `reporter` (a default one prints to stderr) and left out of the output.
    - `lookup(item)`: a result known already (e.g. from a resume store), or None; such
      items are not sent to a worker but come out in their place.
    """
    reporter = reporter if reporter is not None else Reporter()
    n = resolve_jobs(jobs)
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")

    def settle(item: T, value: Any) -> Iterator[tuple[T, R]]:
        if isinstance(value, Failure):
            reporter.skip(f"{describe(item)}: {value.message}")
        else:
            yield item, value

    if n == 1:
        state = init() if init is not None else _MISSING
        for item in items:
            known = lookup(item) if lookup is not None else None
            yield from settle(item, known if known is not None else _call(fn, item, state))
        return

    window = window or 4 * n
    # In flight, in input order: (chunk items, future or None, looked-up results).
    pending: deque[tuple[list[T], Future | None, list]] = deque()
    method = start_method()
    global _STATE
    saved = _STATE
    if method == "fork":  # build the state once, here: the forked workers share its pages
        _STATE = init() if init is not None else _MISSING
        init = None
    ctx = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(
        max_workers=n, mp_context=ctx, initializer=_init_worker, initargs=(init, os.getpid())
    )
    clean = False
    try:
        for chunk in _chunks(items, chunksize):
            known = [lookup(i) if lookup is not None else None for i in chunk]
            todo = [i for i, k in zip(chunk, known) if k is None]
            fut = pool.submit(_run_chunk, fn, todo) if todo else None
            pending.append((chunk, fut, known))
            while pending and (len(pending) >= window or _ready(pending[0][1])):
                yield from _drain_one(pending, settle)
        while pending:
            yield from _drain_one(pending, settle)
        clean = True
    except BrokenProcessPool:
        raise WorkerDied(
            "a worker process died (killed, or out of memory?); outputs already written "
            "are complete: rerun with fewer --jobs to finish"
        ) from None
    finally:
        _STATE = saved
        if clean:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, an error, or the consumer stopped early: do not wait for the queue
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                if proc.is_alive():
                    proc.terminate()
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.join(timeout=5)


def _ready(fut: Future | None) -> bool:
    return fut is None or fut.done()


def _drain_one(pending: deque, settle: Callable) -> Iterator:
    chunk, fut, known = pending.popleft()
    computed = iter(fut.result() if fut is not None else ())
    for item, k in zip(chunk, known):
        yield from settle(item, k if k is not None else next(computed))


__all__ = [
    "DEFAULT_CHUNKSIZE",
    "Failure",
    "WorkerDied",
    "cpu_count",
    "describe_failure",
    "map_ordered",
    "resolve_jobs",
    "start_method",
]
