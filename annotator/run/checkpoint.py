"""Resumable per-article work: a checkpoint store in the run folder.

    from annotator.run.checkpoint import Checkpoint, run_fingerprint, resumable_map
    with Checkpoint(out, run_fingerprint(codebook_digest, model_version, experts_path)) as cp:
        for article, quotes in resumable_map(annotate_for_article, articles, cp, jobs=2, init=setup):
            ...                                   # input order, cached or computed
    write_jsonl(out / "quotes.jsonl", ...)        # final files: atomic, written at the end

Layout: `OUT/.work/<fingerprint>/part-00000.jsonl`, one line per finished article:
`{"key": <article id + text hash>, "article_id": ..., "result": [...quotes...]}`. Each run
appends to a part file of its own, flushing after every article, so a run killed at any
moment leaves complete lines plus at most one torn last line, which the next run ignores.
The fingerprint covers what changes the per-article result (codebook, stance model, expert
registry, tool version and a digest of the quote and stance code); a store of another
fingerprint is dropped. An article whose text
changed gets a new key and is recomputed. Failed articles are not stored: a rerun retries
them (and reports them again).

Final outputs are written with `annotator.io.atomic_write`: after a kill each is the
previous complete file or absent, never truncated; `annotator.run.folder` removes the
temporary files a killed write leaves beside them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from annotator.io import Reporter
from annotator.models import Article, Quote
from annotator.parallel import map_ordered
from annotator.scratch import DiskIndex

WORK_DIR = ".work"
SYNC_EVERY = 200  # fsync the part file every this many articles (flush after each)


#: the packages whose code decides an article's result (quotes, speakers, stances)
RESULT_PACKAGES = ("quotes", "stance")


def code_files() -> list[Path]:
    """The source files of `RESULT_PACKAGES`, in a fixed order."""
    root = Path(__file__).resolve().parent.parent
    return sorted(f for pkg in RESULT_PACKAGES for f in (root / pkg).rglob("*.py"))


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the code that decides an article's result: an upgraded or edited annotator
    never reuses another code's finished articles, even under the same version number."""
    h = hashlib.sha1()
    root = Path(__file__).resolve().parent.parent
    for f in code_files():
        h.update(str(f.relative_to(root)).encode() + b"\x00" + f.read_bytes())
    return h.hexdigest()[:16]


def run_fingerprint(*parts: Any) -> str:
    """A short hash of what decides an article's result: pass the codebook digest, model
    version, registry path (its content is hashed) and anything else; the tool version and
    the digest of its quote and stance code are always included."""
    from annotator import __version__

    h = hashlib.sha1(f"annotator {__version__} {code_digest()}".encode())
    for p in parts:
        if isinstance(p, Path) and p.is_file():
            h.update(b"file\x00" + p.read_bytes())
        else:
            h.update(b"\x00" + json.dumps(p, sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]


def article_key(article: Article) -> str:
    """The id plus a hash of the text: a changed article is recomputed."""
    digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{article.id}\x00{digest}"


def _encode_quotes(quotes: list[Quote]) -> str:
    return "[" + ",".join(q.model_dump_json() for q in quotes) + "]"


def _decode_quotes(rows: list[dict]) -> list[Quote]:
    return [Quote.model_validate(r) for r in rows]


class Checkpoint:
    """Finished articles' results under `out/.work/<fingerprint>/`, looked up by article.

    `lookup(article)` gives the stored result or None; `add(article, result)` stores one
    (`encode` turns a result into JSON text, `decode` turns the parsed JSON back). The
    index (key -> file, offset) is a `DiskIndex`, so memory holds no per-article state.
    """

    def __init__(
        self,
        out: Path | str,
        fingerprint: str,
        *,
        encode: Callable[[Any], str] = _encode_quotes,
        decode: Callable[[Any], Any] = _decode_quotes,
    ) -> None:
        self.root = Path(out) / WORK_DIR
        self.dir = self.root / fingerprint
        self.encode, self.decode = encode, decode
        self._index = DiskIndex()  # key -> (part, offset), on disk: it has an entry an article
        self._readers: dict[int, IO[bytes]] = {}
        self._writer: IO[bytes] | None = None
        self._unsynced = 0
        self.torn_lines = 0
        if self.root.is_dir():  # a store made for other settings is of no use
            for old in self.root.iterdir():
                if old.is_dir() and old.name != fingerprint:
                    shutil.rmtree(old, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._parts = sorted(self.dir.glob("part-*.jsonl"))
        for n, part in enumerate(self._parts):
            self._load(n, part)

    def _load(self, n: int, part: Path) -> None:
        with open(part, "rb") as f:
            offset = 0
            for line in f:
                if line.endswith(b"\n"):
                    try:
                        key = json.loads(line)["key"]
                    except (ValueError, KeyError, TypeError):
                        self.torn_lines += 1
                    else:
                        self._index[key] = (n, offset)
                else:
                    self.torn_lines += 1  # the last line of a killed run
                offset += len(line)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, article: Article) -> bool:
        return article_key(article) in self._index

    def lookup(self, article: Article) -> Any | None:
        where = self._index.get(article_key(article))
        if where is None:
            return None
        n, offset = where
        f = self._readers.get(n)
        if f is None:
            f = self._readers[n] = open(self._parts[n], "rb")
        f.seek(offset)
        return self.decode(json.loads(f.readline())["result"])

    def add(self, article: Article, result: Any) -> None:
        key = article_key(article)
        if key in self._index:
            return
        if self._writer is None:
            last = max(
                (int(p.stem.split("-")[1]) for p in self._parts if p.stem.split("-")[1].isdigit()), default=-1
            )
            path = self.dir / f"part-{last + 1:05d}.jsonl"
            self._parts.append(path)
            self._writer = open(path, "ab")
        n = len(self._parts) - 1
        head = json.dumps({"key": key, "article_id": article.id}, ensure_ascii=False)
        line = (head[:-1] + ', "result": ' + self.encode(result) + "}").encode(
            "utf-8", "surrogatepass"
        ) + b"\n"
        offset = self._writer.tell()
        self._writer.write(line)
        self._writer.flush()  # in the OS after each article: a killed process loses nothing
        self._index[key] = (n, offset)
        self._unsynced += 1
        if self._unsynced >= SYNC_EVERY:
            os.fsync(self._writer.fileno())
            self._unsynced = 0

    def close(self) -> None:
        self._close_files()
        self._index.close()

    def _close_files(self) -> None:
        if self._writer is not None:
            self._writer.flush()
            os.fsync(self._writer.fileno())
            self._writer.close()
            self._writer = None
        for f in self._readers.values():
            f.close()
        self._readers.clear()

    def clear(self) -> None:
        """Drop the whole store (e.g. for `--fresh`)."""
        self._close_files()
        shutil.rmtree(self.root, ignore_errors=True)
        self._index.clear()
        self._parts = []
        self.dir.mkdir(parents=True, exist_ok=True)

    def __enter__(self) -> Checkpoint:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def resumable_map(
    fn: Callable,
    articles: Iterable[Article],
    checkpoint: Checkpoint,
    jobs: int | None = None,
    *,
    init: Callable[[], Any] | None = None,
    reporter: Reporter | None = None,
    chunksize: int = 8,
) -> Iterator[tuple[Article, Any]]:
    """`(article, fn(article[, state]))` in input order (see `annotator.parallel.map_ordered`);
    articles already in the checkpoint are not recomputed, new results are stored as they come."""
    for art, result in map_ordered(
        fn,
        articles,
        jobs,
        init=init,
        chunksize=chunksize,
        reporter=reporter,
        describe=lambda a: a.source or a.id,
        lookup=checkpoint.lookup,
    ):
        checkpoint.add(art, result)
        yield art, result


__all__ = ["WORK_DIR", "Checkpoint", "article_key", "resumable_map", "run_fingerprint"]
