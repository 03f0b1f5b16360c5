"""matrix.db: articles, speakers, questions, quotes, stances and cells as related SQLite
tables (primary and foreign keys), ready for Datasette (`datasette matrix.db`) or any SQL
client. A view `matrix_wide` pivots the cells into experts by questions."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from annotator.export.view import MatrixData, iso_date, question_stub, short_label
from annotator.quotes.people import slug

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


def _column(label: str) -> str:
    """A column name from a label: control characters (NUL among them, which SQL text cannot
    hold) become spaces, runs of spaces one."""
    return re.sub(r"\s+", " ", re.sub(r"[\x00-\x1f\x7f]", " ", label)).strip()


def fill(db: sqlite3.Connection, data: MatrixData) -> None:
    """The tables, from the data's articles, experts, quotes (one at a time) and cells (one
    at a time): a run of any size fits in the database, not in memory."""
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
        (
            (a["id"], a.get("title"), a.get("url"), iso_date(a.get("published")), a.get("outlet"))
            for a in data.iter_articles()
        ),
    )
    speakers: dict[str, tuple] = {}
    for e in data.experts:
        speakers[e.id] = (e.id, e.name, e.role, e.organisation, e.kind, int(e.is_expert))
    for r in data.rows():
        old = speakers.get(r.id)
        speakers[r.id] = (
            r.id,
            r.name,
            r.role or (old[2] if old else None),
            r.organisation or (old[3] if old else None),
            old[4] if old else "person",
            1,
        )
    db.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?)", list(speakers.values()))
    questions = list(data.questions)
    known = {q.id for q in questions}
    for qid in dict.fromkeys(c.question for r in data.rows() for c in r.cells.values()):
        if qid not in known:
            questions.append(question_stub(qid))
            known.add(qid)
    db.executemany(
        "INSERT INTO questions VALUES (?, ?, ?, ?, ?)",
        [(q.id, i, short_label(q), q.text, q.description) for i, q in enumerate(questions, 1)],
    )
    upsert_stance = (
        "INSERT INTO stances VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (quote_id, question_id, source) "
        "DO UPDATE SET label = excluded.label, confidence = excluded.confidence, "
        "model_version = excluded.model_version, annotators = excluded.annotators"
    )
    for q in data.iter_quotes():  # a later record of the same quote replaces an earlier one
        db.execute("INSERT OR IGNORE INTO articles (id) VALUES (?)", (q.article_id,))
        if q.speaker_id:
            db.execute(
                "INSERT OR IGNORE INTO speakers VALUES (?, ?, ?, ?, ?, ?)",
                (
                    q.speaker_id,
                    q.speaker or q.speaker_id,
                    q.role,
                    q.organisation,
                    "group" if q.attribution == "group" else "person",
                    int(q.speaker_is_expert),
                ),
            )
        db.execute(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            'article_id = excluded.article_id, start = excluded.start, "end" = excluded."end", '
            "text = excluded.text, kind = excluded.kind, speaker = excluded.speaker, "
            "speaker_id = excluded.speaker_id, cue = excluded.cue, attribution = excluded.attribution, "
            "confidence = excluded.confidence",
            (
                q.id,
                q.article_id,
                q.start,
                q.end,
                q.text,
                q.kind,
                q.speaker,
                q.speaker_id,
                q.cue,
                q.attribution,
                q.confidence,
            ),
        )
        db.executemany(
            upsert_stance,
            [
                (q.id, qid, p.source, p.label, p.confidence, p.model_version, None)
                for qid, p in (q.stances or {}).items()
                if qid in known
            ],
        )
    for c in data.iter_cells():
        expert_id = c.expert_id or slug(c.expert)
        cell_id = f"{expert_id}:{c.question}"
        db.execute(
            "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "stance = excluded.stance, confidence = excluded.confidence, reviewed = excluded.reviewed, "
            "disputed = excluded.disputed, quotes = excluded.quotes",
            (
                cell_id,
                expert_id,
                c.question,
                c.stance,
                c.confidence,
                int(c.reviewed),
                int(c.disputed),
                len(c.evidence),
            ),
        )
        for e in c.evidence:
            # a matrix exported without its quotes file: the quote from the evidence
            db.execute("INSERT OR IGNORE INTO articles (id) VALUES (?)", (e.article_id,))
            db.execute(
                "INSERT OR IGNORE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    e.quote_id,
                    e.article_id,
                    e.start,
                    e.end,
                    e.text,
                    e.kind,
                    c.expert,
                    expert_id,
                    None,
                    None,
                    None,
                ),
            )
            stance = (
                e.quote_id,
                c.question,
                e.source,
                e.label,
                e.confidence,
                None,
                ", ".join(e.annotators) or None,
            )
            if e.source != "model":
                db.execute(upsert_stance, stance)
            else:
                db.execute("INSERT OR IGNORE INTO stances VALUES (?, ?, ?, ?, ?, ?, ?)", stance)
            db.execute(
                "INSERT OR IGNORE INTO cell_quotes VALUES (?, ?, ?, ?, ?)",
                (cell_id, e.quote_id, e.label, e.confidence, e.source),
            )
    shorts = [_column(short_label(q)) or q.id for q in questions]
    lowered = [x.casefold() for x in shorts]  # SQLite column names ignore case
    names = [
        x
        if lowered.count(x.casefold()) == 1 and x.casefold() not in ("expert", "role", "organisation")
        else f"{x} ({q.id})"
        for x, q in zip(shorts, questions)
    ]
    pivot = ",\n    ".join(
        f"MAX(CASE WHEN c.question_id = {_literal(q.id)} THEN c.stance END) AS {_ident(n)}"
        for q, n in zip(questions, names)
    )
    db.execute(
        f"CREATE VIEW matrix_wide AS\nSELECT s.name AS expert, s.role, s.organisation,\n    {pivot}\n"
        "FROM cells c JOIN speakers s ON s.id = c.expert_id\nGROUP BY c.expert_id\n"
        "ORDER BY MIN(c.rowid)"
    )


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
