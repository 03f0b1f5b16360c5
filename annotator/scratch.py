"""A run's working memory on disk: what grows with the corpus (the articles' metadata, the
quotes that are evidence, which speaker speaks in which article) goes into one SQLite file
beside the run's outputs, so the memory a run needs does not grow with the number of
articles. Without a folder it lives in memory (the library's in-memory path).

    scratch = Scratch.beside(out)          # OUT/.scratch.xxxx.tmp, removed by close()
    n = scratch.article(article)           # its place in the run
    for meta in scratch.articles(): ...    # in input order
    scratch.add_evidence(...); scratch.evidence_of([speaker, ...])   # the matrix's quotes
    scratch.add_speaks(speaker, n); scratch.articles_of(speaker)      # who speaks where

This module owns every table and every SQL statement of the store; the matrix and the run
call its methods. It is scratch: no journal, no fsync (a killed run's file is swept by the
next run in that folder, `annotator.run.folder`)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from annotator.models import Article

ARTICLE_FIELDS = ("id", "title", "url", "published", "outlet", "source")


class Scratch:
    def __init__(self, path: Path | None = None):
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:", isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("PRAGMA temp_store = FILE")
        self.db.execute("PRAGMA cache_size = -4000")  # 4 MB of page cache at most
        self.db.execute("BEGIN")
        self.db.execute(
            "CREATE TABLE articles (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, "
            "url TEXT, published TEXT, outlet TEXT, source TEXT)"
        )
        self._last: tuple[str, int] | None = None
        self._evidence = self._evidence_indexed = self._speaks = False
        self.count = 0

    @classmethod
    def beside(cls, folder: Path | str) -> Scratch:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".scratch.", suffix=".tmp", dir=folder)
        os.close(fd)
        return cls(Path(tmp))

    def article(self, art: Article | str) -> int:
        """The article's place in the run (0, 1, 2...), recording its metadata the first time
        (an id alone records an article without metadata; the first record wins)."""
        aid = art if isinstance(art, str) else art.id
        if self._last is not None and self._last[0] == aid:
            return self._last[1]
        row = self.db.execute("SELECT n FROM articles WHERE id = ?", (aid,)).fetchone()
        if row is None:
            n = self.count
            values = (
                (aid, None, None, None, None, None)
                if isinstance(art, str)
                else tuple(getattr(art, f) for f in ARTICLE_FIELDS)
            )
            self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", (n, *values))
            self.count += 1
        else:
            n = row[0]
        self._last = (aid, n)
        return n

    def meta(self, n: int) -> dict:
        row = self.db.execute(
            "SELECT id, title, url, published, outlet, source FROM articles WHERE n = ?", (n,)
        ).fetchone()
        return dict(zip(ARTICLE_FIELDS, row)) if row else {}

    def articles(self) -> Iterator[dict]:
        """Every article's metadata (id, title, url, published, outlet, source), in input order."""
        cur = self.db.cursor()  # its own cursor: callers may query while iterating
        for row in cur.execute("SELECT id, title, url, published, outlet, source FROM articles ORDER BY n"):
            yield dict(zip(ARTICLE_FIELDS, row))

    # --- the matrix's evidence: quotes that address a question, by speaker -----------------
    def add_evidence(self, speaker: int, art: int, start: int, stop: int, quote: str, votes: str) -> None:
        """Keep one quote (its record and its votes, as JSON text) of speaker number `speaker`."""
        if not self._evidence:
            self.db.execute(
                "CREATE TABLE evidence (who INTEGER NOT NULL, art INTEGER NOT NULL, start INTEGER NOT NULL,"
                " stop INTEGER NOT NULL, quote TEXT NOT NULL, votes TEXT NOT NULL)"
            )
            self._evidence = True
        self.db.execute(
            "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)", (speaker, art, start, stop, quote, votes)
        )

    def evidence_of(self, speakers: Sequence[int]) -> Iterator[tuple[int, int, int, str, str]]:
        """(art, start, stop, quote, votes) of these speakers' kept quotes, in run order. The
        first call indexes the table (cheaper than keeping an index while adding)."""
        if not self._evidence or not speakers:
            return
        if not self._evidence_indexed:
            self.db.execute("CREATE INDEX evidence_who ON evidence (who, art, start, stop)")
            self._evidence_indexed = True
        marks = ",".join("?" * len(speakers))
        yield from self.db.execute(
            f"SELECT art, start, stop, quote, votes FROM evidence WHERE who IN ({marks}) "
            "ORDER BY art, start, stop",
            list(speakers),
        )

    # --- who speaks in which article -------------------------------------------------------
    def add_speaks(self, speaker: int, art: int) -> None:
        if not self._speaks:
            self.db.execute(
                "CREATE TABLE speaks (speaker INTEGER NOT NULL, art INTEGER NOT NULL, "
                "PRIMARY KEY (speaker, art)) WITHOUT ROWID"
            )
            self._speaks = True
        self.db.execute("INSERT OR IGNORE INTO speaks VALUES (?, ?)", (speaker, art))

    def articles_of(self, speaker: int) -> list[str]:
        """Ids of the articles speaker number `speaker` speaks in, in run order."""
        if not self._speaks:
            return []
        return [
            row[0]
            for row in self.db.execute(
                "SELECT a.id FROM speaks s JOIN articles a ON a.n = s.art WHERE s.speaker = ? ORDER BY s.art",
                (speaker,),
            )
        ]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DiskIndex:
    """A `str -> (int, int)` mapping (or, with the default value, a set of strings) in a
    private temporary SQLite database: it lives in a small page cache and spills to a
    temporary file that SQLite deletes when it is closed, so an index of every article of a
    corpus (ids read, finished articles) does not grow the process's memory.

        seen = DiskIndex()
        seen["a1"] = (0, 0); "a1" in seen; seen.get("a1")
    """

    def __init__(self) -> None:
        self.db = sqlite3.connect("", isolation_level=None)  # "": a private temporary on-disk database
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("BEGIN")
        self.db.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, a INTEGER, b INTEGER) WITHOUT ROWID")

    def get(self, key: str) -> tuple[int, int] | None:
        row = self.db.execute("SELECT a, b FROM kv WHERE k = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def __contains__(self, key: object) -> bool:
        return self.db.execute("SELECT 1 FROM kv WHERE k = ?", (key,)).fetchone() is not None

    def __setitem__(self, key: str, value: tuple[int, int]) -> None:
        self.db.execute(
            "INSERT INTO kv VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET a = excluded.a, b = excluded.b",
            (key, *value),
        )

    def add(self, key: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO kv VALUES (?, 0, 0)", (key,))

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM kv").fetchone()[0]

    def clear(self) -> None:
        self.db.execute("DELETE FROM kv")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
