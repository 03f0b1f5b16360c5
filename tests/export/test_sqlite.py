"""SQLite export: related tables with keys, browsable by Datasette as is."""

from __future__ import annotations

import asyncio
import sqlite3

from annotator.export import export
from tests import newsroom

CELLS = len(newsroom.ROWS) * len(newsroom.QUESTIONS)


def _db(tmp_path, data):
    [path] = export(data, "sqlite", tmp_path / "matrix.db")
    return path, sqlite3.connect(path)


def test_tables_keys_and_counts(tmp_path, matrix):
    _, db = _db(tmp_path, matrix)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"articles", "speakers", "questions", "quotes", "stances", "cells", "cell_quotes"}
    fks = {(t, r[3], r[2]) for t in tables for r in db.execute(f"PRAGMA foreign_key_list({t})")}
    assert {
        ("quotes", "article_id", "articles"),
        ("quotes", "speaker_id", "speakers"),
        ("stances", "quote_id", "quotes"),
        ("stances", "question_id", "questions"),
        ("cells", "expert_id", "speakers"),
        ("cells", "question_id", "questions"),
        ("cell_quotes", "cell_id", "cells"),
        ("cell_quotes", "quote_id", "quotes"),
    } <= fks
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM cells").fetchone()[0] == CELLS
    assert db.execute("SELECT count(*) FROM questions").fetchone()[0] == len(newsroom.QUESTIONS)
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(matrix.quotes)
    assert db.execute("SELECT title, published FROM articles").fetchall() == [
        (newsroom.TITLE, newsroom.PUBLISHED)
    ]
    row = db.execute("""SELECT c.stance, count(cq.quote_id) FROM cells c JOIN speakers s ON s.id = c.expert_id
                        JOIN cell_quotes cq ON cq.cell_id = c.id
                        WHERE s.name = 'Mei Tanaka' AND c.question_id = 'build_tram'""").fetchone()
    assert row == ("oppose", 2)
    wide = db.execute("SELECT * FROM matrix_wide").fetchall()
    assert len(wide) == 4 and wide[0][0] == "Amara Okafor"
    db.close()


def test_rewrite_replaces_file(tmp_path, matrix):
    path, db = _db(tmp_path, matrix)
    db.close()
    export(matrix, "sqlite", path)  # no "table already exists": a fresh file replaces the old
    assert sqlite3.connect(path).execute("SELECT count(*) FROM cells").fetchone()[0] == CELLS
    assert [p.name for p in tmp_path.iterdir()] == ["matrix.db"]  # no temporary file left


def test_datasette_serves_the_database(tmp_path, matrix):
    from datasette.app import Datasette

    path, db = _db(tmp_path, matrix)
    db.close()

    async def fetch():
        ds = Datasette([str(path)])
        await ds.invoke_startup()
        tables = await ds.client.get("/matrix.json")
        cells = await ds.client.get("/matrix/cells.json?_shape=array&_labels=on&question_id=build_tram")
        quote = await ds.client.get("/matrix/quotes.json?_shape=array&_labels=on&_size=1")
        return tables, cells, quote

    tables, cells, quote = asyncio.run(fetch())
    assert tables.status_code == 200
    assert {t["name"] for t in tables.json()["tables"]} >= {"cells", "quotes", "speakers", "articles"}
    rows = cells.json()
    assert cells.status_code == 200 and len(rows) == 4
    # foreign keys are followed: the expert id comes with the speaker's name as its label
    assert {r["expert_id"]["label"] for r in rows} == set(newsroom.NAMES.values())
    assert quote.json()[0]["article_id"]["value"] == newsroom.ARTICLE_ID
