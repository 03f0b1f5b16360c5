"""CSV exports: long and wide tables, clean for spreadsheets and Datawrapper."""

from __future__ import annotations

import csv
import io

import pytest

from annotator.export import csv as csv_export
from annotator.export.csv import LONG_COLUMNS, long_csv, safe, wide_csv
from annotator.export.view import MatrixData, iso_date
from annotator.models import Cell, Evidence
from tests import newsroom


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


def test_long_csv_one_row_per_expert_and_question(matrix):
    rows = _rows(long_csv(matrix))
    assert list(rows[0]) == LONG_COLUMNS
    assert len(rows) == len(newsroom.ROWS) * len(newsroom.QUESTIONS)
    for r in rows:
        assert r["stance"] == newsroom.expected(r["expert_id"], r["question"], reviewed=True)
        if r["stance"] == "not_addressed":
            assert r["quote"] == r["url"] == r["date"] == r["article_title"] == ""
            assert r["quotes"] == "0"
        else:
            assert r["quote"] and r["date"] == newsroom.PUBLISHED and r["url"] == newsroom.URL
    tanaka = next(r for r in rows if r["expert_id"] == "mei-tanaka" and r["question"] == "build_tram")
    assert tanaka["stance"] == "oppose" and "costly error" in tanaka["quote"]
    assert (
        tanaka["reviewed"] == "true"
        and tanaka["disputed"] == "false"
        and tanaka["quote_source"] == "annotator"
    )
    split = next(r for r in rows if r["expert_id"] == "lukas-brandt" and r["question"] == "bus_lanes_first")
    assert split["reviewed"] == "true" and split["disputed"] == "true"
    assert {r["reviewed"] for r in rows if r["expert_id"] == "amara-okafor"} == {"false"}


def test_long_csv_is_utf8_with_one_header_and_defuses_formulas(tmp_path, matrix):
    c = matrix.cells[0]
    ev = c.evidence[0].model_copy(update={"text": "=cmd|' /C calc'!A0", "title": "@title"})
    cell = c.model_copy(update={"evidence": [ev], "stance": ev.label})
    data = MatrixData(cells=[cell], codebook=matrix.codebook)
    path = tmp_path / "m.csv"
    path.write_text(long_csv(data), encoding="utf-8")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    [row] = _rows(raw.decode("utf-8"))
    assert row["quote"] == "'=cmd|' /C calc'!A0" and row["article_title"] == "'@title"
    assert raw.decode().count("expert,expert_id") == 1


def test_wide_csv_experts_by_questions(matrix):
    rows = list(csv.reader(io.StringIO(wide_csv(matrix))))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["expert", "role", "organisation"] and len(header) == 3 + len(newsroom.QUESTIONS)
    assert [r[0] for r in body] == [newsroom.NAMES[e] for e in newsroom.ROWS]
    assert all(len(r) == len(header) for r in body)
    col = header.index("Build the tram")
    assert [r[col] for r in body] == [newsroom.expected(e, "build_tram") for e in newsroom.ROWS]


def test_experts_csv_is_the_directory(matrix):
    from annotator.export.csv import EXPERT_COLUMNS, experts_csv

    rows = _rows(experts_csv(matrix))
    assert list(rows[0]) == EXPERT_COLUMNS
    assert [r["expert_id"] for r in rows] == newsroom.ROWS
    tanaka = next(r for r in rows if r["expert_id"] == "mei-tanaka")
    assert tanaka["organisation"] == "Eastgate College" and tanaka["quotes"] == "3"
    assert tanaka["articles"] == "1" and tanaka["article_urls"] == newsroom.URL
    assert tanaka["questions_addressed"] == "Build the tram | Bus lanes first | Raise fares"
    assert tanaka["stances"] == "build_tram=oppose | bus_lanes_first=support | raise_fares=neutral"
    levy = next(r for r in rows if r["expert_id"] == "hannah-levy")
    assert levy["questions_addressed"] == "Delay the vote" and levy["article_titles"] == newsroom.TITLE


def test_experts_csv_defuses_formulas_in_names_and_titles():
    from annotator.export.csv import experts_csv
    from annotator.models import Expert

    ev = Evidence(
        quote_id="q",
        article_id="a1",
        start=0,
        end=3,
        text="Yes",
        label="support",
        confidence=0.9,
        title='=HYPERLINK("http://x")',
    )
    cell = Cell(
        expert="@Ann Lee", expert_id="ann-lee", question="q1", stance="support", confidence=0.9, evidence=[ev]
    )
    data = MatrixData(
        cells=[cell], experts=[Expert(id="ann-lee", name="@Ann Lee", quotes=2, articles=["a1"])]
    )
    [row] = _rows(experts_csv(data))
    assert row["name"] == "'@Ann Lee" and row["quotes"] == "2" and row["article_ids"] == "a1"
    assert row["article_titles"] == '\'=HYPERLINK("http://x")'


def test_wide_csv_missing_cell_is_empty_and_duplicate_short_labels_made_unique(matrix):
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
