"""CSV exports: long and wide tables, clean for spreadsheets and Datawrapper."""

from __future__ import annotations

import csv
import io

import pytest

from annotator.export import csv as csv_export
from annotator.export.csv import LONG_COLUMNS, long_csv, safe, wide_csv
from annotator.export.view import MatrixData, iso_date
from annotator.models import Cell, Evidence
from tests.gold_fixtures import gold


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("plain words", "plain words"),
        ("“quoted”", "“quoted”"),
        (None, ""),
        (True, "true"),
        (0.8333, "0.83"),
        (12, "12"),
    ],
)
def test_safe_cell(value, expected):
    assert safe(value) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-02-27", "2025-02-27"),
        ("2025-02-27T09:30:00Z", "2025-02-27"),
        ("2025-02-27T23:30:00+01:00", "2025-02-27"),
        ("Thu, 27 Feb 2025 10:00:00 GMT", "2025-02-27"),
        ("2025-02-27 garbage", "2025-02-27"),
        ("last Thursday", "last Thursday"),
        (None, None),
        ("", None),
    ],
)
def test_iso_date(text, expected):
    assert iso_date(text) == expected


def test_long_csv_one_row_per_expert_and_question(seed_matrix):
    rows = _rows(long_csv(seed_matrix))
    assert list(rows[0]) == LONG_COLUMNS
    assert len(rows) == 4 * 7
    ref = gold()
    for r in rows:
        assert r["stance"] in ref["matrix"].get(r["expert_id"], {}).get(r["question"], ["not_addressed"])
        if r["stance"] == "not_addressed":
            assert r["quote"] == r["url"] == r["date"] == r["article_title"] == ""
            assert r["quotes"] == "0"
        else:
            assert r["quote"] and r["date"] == "2025-02-27" and r["url"].startswith("https://")
    hil = next(r for r in rows if r["expert_id"] == "mark-hilborne" and r["question"] == "quick_peace_deal")
    assert hil["stance"] == "oppose" and "urgency for a ‘deal’" in hil["quote"]
    assert hil["reviewed"] == "true" and hil["disputed"] == "false" and hil["quote_source"] == "annotator"
    assert {r["reviewed"] for r in rows if r["expert_id"] == "jamie-shea"} == {"false"}


def test_long_csv_is_utf8_with_one_header_and_defuses_formulas(tmp_path, seed_matrix):
    c = seed_matrix.cells[0]
    ev = c.evidence[0].model_copy(update={"text": "=cmd|' /C calc'!A0", "title": "@title"})
    cell = c.model_copy(update={"evidence": [ev], "stance": ev.label})
    data = MatrixData(cells=[cell], codebook=seed_matrix.codebook)
    path = tmp_path / "m.csv"
    path.write_text(long_csv(data), encoding="utf-8")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    [row] = _rows(raw.decode("utf-8"))
    assert row["quote"] == "'=cmd|' /C calc'!A0" and row["article_title"] == "'@title"
    assert raw.decode().count("expert,expert_id") == 1


def test_wide_csv_experts_by_questions(seed_matrix):
    rows = list(csv.reader(io.StringIO(wide_csv(seed_matrix))))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["expert", "role", "organisation"] and len(header) == 3 + 7
    assert [r[0] for r in body] == ["Jamie Shea", "Stefan Wolfe", "Mark Hilborne", "Olena Borodyna"]
    assert all(len(r) == len(header) for r in body)
    col = header.index("Quick peace deal")
    assert [r[col] for r in body] == ["not_addressed", "not_addressed", "oppose", "oppose"]


def test_wide_csv_missing_cell_is_empty_and_duplicate_short_labels_made_unique(seed_matrix):
    from annotator.models import Codebook, Question

    book = Codebook(
        questions=[
            Question(id="a", text="First?", short="Same"),
            Question(id="b", text="Second?", short="Same"),
        ]
    )
    cells = [
        Cell(
            expert="Ann Lee",
            expert_id="ann-lee",
            question="a",
            stance="support",
            confidence=0.9,
            evidence=[
                Evidence(
                    quote_id="q1",
                    article_id="x",
                    start=0,
                    end=4,
                    text="Yes.",
                    label="support",
                    confidence=0.9,
                )
            ],
        )
    ]
    rows = list(csv.reader(io.StringIO(csv_export.wide_csv(MatrixData(cells=cells, codebook=book)))))
    assert rows[0][3:] == ["Same (a)", "Same (b)"]
    assert rows[1] == ["Ann Lee", "", "", "support", ""]
