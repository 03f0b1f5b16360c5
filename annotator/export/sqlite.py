"""matrix.db: articles, speakers, questions, quotes, stances and cells as related SQLite
tables (primary and foreign keys), ready for Datasette (`datasette matrix.db`) or any SQL
client. A view `matrix_wide` pivots the cells into experts by questions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from annotator.export.view import MatrixData, iso_date, question_stub, short_label
from annotator.matrix import slug

SCHEMA = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    published TEXT,
    outlet TEXT
);
CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT,
    organisation TEXT,
    kind TEXT,
    is_expert INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    short TEXT NOT NULL,
    text TEXT NOT NULL,
    description TEXT
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT,
    speaker TEXT,
    speaker_id TEXT REFERENCES speakers(id),
    cue TEXT,
    attribution TEXT,
    confidence REAL
);
CREATE TABLE stances (
    quote_id TEXT NOT NULL REFERENCES quotes(id),
    question_id TEXT NOT NULL REFERENCES questions(id),
    source TEXT NOT NULL,
    label TEXT NOT NULL,
    confidence REAL,
    model_version TEXT,
    annotators TEXT,
    PRIMARY KEY (quote_id, question_id, source)
);
CREATE TABLE cells (
    id TEXT PRIMARY KEY,
    expert_id TEXT NOT NULL REFERENCES speakers(id),
    question_id TEXT NOT NULL REFERENCES questions(id),
    stance TEXT NOT NULL,
    confidence REAL NOT NULL,
    reviewed INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    UNIQUE (expert_id, question_id)
);
CREATE TABLE cell_quotes (
    cell_id TEXT NOT NULL REFERENCES cells(id),
    quote_id TEXT NOT NULL REFERENCES quotes(id),
    label TEXT NOT NULL,
    confidence REAL,
    source TEXT NOT NULL,
    PRIMARY KEY (cell_id, quote_id)
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX cells_question ON cells(question_id);
CREATE INDEX cell_quotes_quote ON cell_quotes(quote_id);
"""


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fill(db: sqlite3.Connection, data: MatrixData) -> None:
    db.executescript(SCHEMA)
    articles = data.articles()
    db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                   [(a["id"], a.get("title"), a.get("url"), iso_date(a.get("published")), a.get("outlet"))
                    for a in articles])
    speakers: dict[str, tuple] = {}
    for e in data.experts:
        speakers[e.id] = (e.id, e.name, e.role, e.organisation, e.kind, int(e.is_expert))
    for r in data.rows():
        old = speakers.get(r.id)
        speakers[r.id] = (r.id, r.name, r.role or (old[2] if old else None),
                          r.organisation or (old[3] if old else None), old[4] if old else "person", 1)
    for q in data.quotes:
        if q.speaker_id and q.speaker_id not in speakers:
            speakers[q.speaker_id] = (q.speaker_id, q.speaker or q.speaker_id, q.role, q.organisation,
                                      "group" if q.attribution == "group" else "person", int(q.speaker_is_expert))
    db.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?)", list(speakers.values()))
    questions = list(data.questions)
    for qid in dict.fromkeys(c.question for c in data.iter_cells()):
        if qid not in {q.id for q in questions}:
            questions.append(question_stub(qid))
    db.executemany("INSERT INTO questions VALUES (?, ?, ?, ?, ?)",
                   [(q.id, i, short_label(q), q.text, q.description) for i, q in enumerate(questions, 1)])
    quotes: dict[str, tuple] = {}
    stances: dict[tuple, tuple] = {}
    for q in data.quotes:
        quotes[q.id] = (q.id, q.article_id, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_id, q.cue,
                        q.attribution, q.confidence)
        for qid, p in (q.stances or {}).items():
            stances[(q.id, qid, p.source)] = (q.id, qid, p.source, p.label, p.confidence, p.model_version, None)
    cells, links = [], []
    for c in data.iter_cells():
        expert_id = c.expert_id or slug(c.expert)
        cell_id = f"{expert_id}:{c.question}"
        cells.append((cell_id, expert_id, c.question, c.stance, c.confidence, int(c.reviewed), int(c.disputed),
                      len(c.evidence)))
        for e in c.evidence:
            if e.quote_id not in quotes:  # a matrix exported without its quotes file
                quotes[e.quote_id] = (e.quote_id, e.article_id, e.start, e.end, e.text, e.kind, c.expert,
                                      expert_id, None, None, None)
            if e.source != "model" or (e.quote_id, c.question, e.source) not in stances:
                stances[(e.quote_id, c.question, e.source)] = (
                    e.quote_id, c.question, e.source, e.label, e.confidence, None,
                    ", ".join(e.annotators) or None)
            links.append((cell_id, e.quote_id, e.label, e.confidence, e.source))
    known_q = {q.id for q in questions}
    db.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", list(quotes.values()))
    db.executemany("INSERT INTO stances VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [s for s in stances.values() if s[1] in known_q])
    db.executemany("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?)", cells)
    db.executemany("INSERT OR IGNORE INTO cell_quotes VALUES (?, ?, ?, ?, ?)", links)
    shorts = [short_label(q) for q in questions]
    names = [s if shorts.count(s) == 1 and s.lower() not in ("expert", "role", "organisation") else f"{s} ({q.id})"
             for s, q in zip(shorts, questions)]
    pivot = ",\n    ".join(f"MAX(CASE WHEN c.question_id = {_literal(q.id)} THEN c.stance END) AS {_ident(n)}"
                           for q, n in zip(questions, names))
    db.execute(f"CREATE VIEW matrix_wide AS\nSELECT s.name AS expert, s.role, s.organisation,\n    {pivot}\n"
               "FROM cells c JOIN speakers s ON s.id = c.expert_id\nGROUP BY c.expert_id\n"
               "ORDER BY MIN(c.rowid)")


def write(data: MatrixData, path: Path | str) -> None:
    """Write the database atomically (a new file replaces the old one whole)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            with db:
                fill(db, data)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:  # pragma: no cover - a bug in fill()
                raise RuntimeError(f"foreign key check failed: {problems[:3]}")
        finally:
            db.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a database is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
