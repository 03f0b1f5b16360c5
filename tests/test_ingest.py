"""Reading articles: .txt, .md, .html, folders, JSONL corpora; bad input reported and skipped."""

from __future__ import annotations

import json

import pytest

from annotator.errors import InputError
from annotator.ingest import decode, html_to_article, iter_articles
from annotator.io import Reporter
from tests.conftest import SEEDS


def read(paths, **kw):
    reporter = Reporter(quiet=True)
    return list(iter_articles(paths, reporter, **kw)), reporter.skipped


def test_text_file_keeps_the_text_and_takes_a_title(tmp_path):
    p = tmp_path / "a1.txt"
    p.write_bytes(b"A Headline\r\nFirst paragraph.\r\n")
    (art,), skipped = read([p])
    assert (art.id, art.title, art.text, skipped) == (
        "a1",
        "A Headline",
        "A Headline\nFirst paragraph.\n",
        [],
    )


def test_markdown_title(tmp_path):
    p = tmp_path / "m.md"
    p.write_text("# The Title\n\nBody text.", encoding="utf-8")
    (art,), _ = read([p])
    assert art.title == "The Title"


def test_html_visible_text_and_metadata():
    html = (
        "<html><head><title>T</title><meta property='og:url' content='https://x.example/a'>"
        "<meta property='article:published_time' content='2024-05-01'><script>var x=1;</script></head>"
        "<body><nav>menu</nav><article><p>First &amp; only.</p><ul><li>one</li></ul></article></body></html>"
    )
    art = html_to_article(html, "h")
    assert art.text == "First & only.\n- one"
    assert (art.title, art.url, art.published) == ("T", "https://x.example/a", "2024-05-01")


def test_jsonl_corpus_and_metadata(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"id": 7, "text": "Body.", "meta": {"outlet": "Daily", "date": "2024-01-02"}}) + "\n",
        encoding="utf-8",
    )
    (art,), _ = read([p])
    assert (art.id, art.outlet, art.published, art.source) == ("7", "Daily", "2024-01-02", f"{p}:1")


def test_folder_is_searched_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First.", encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Hidden.", encoding="utf-8")
    arts, _ = read([tmp_path])
    assert [a.id for a in arts] == ["a", "b"]


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bin.txt", b"\x00\x01binary\x00\x02", "binary"),
        ("doc.pdf", b"%PDF-1.4", "unknown file type"),
    ],
)
def test_bad_files_are_skipped_with_a_message(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    arts, skipped = read([tmp_path / name, tmp_path / "ok.txt"])
    assert [a.id for a in arts] == ["ok"]
    assert len(skipped) == 1 and name in skipped[0] and message in skipped[0]


def test_bad_jsonl_lines_name_the_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        "\n".join(
            [
                '{"id": "a", "text": "A."}',
                "{oops",
                "[1, 2]",
                '{"text": "no id"}',
                '{"id": "b"}',
                '{"id": "c", "text": "  "}',
                '{"id": "a", "text": "dup"}',
                '{"id": "d", "text": "D."}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    arts, skipped = read([p])
    assert [a.id for a in arts] == ["a", "d"]
    assert [s.split(":")[1] for s in skipped] == ["2", "3", "4", "5", "6", "7"]
    assert "not valid JSON" in skipped[0] and 'no "id"' in skipped[2] and 'no "text"' in skipped[3]
    assert "duplicate article id" in skipped[5]


def test_non_utf8_jsonl_stops_with_a_line_number(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"id": "a", "text": "A."}\n{"id": "b", "text": "caf\xe9"}\n')
    arts, skipped = read([p])
    assert [a.id for a in arts] == ["a"]
    assert "c.jsonl:2" in skipped[0] and "not UTF-8" in skipped[0]


def test_missing_path(tmp_path):
    arts, skipped = read([tmp_path / "nope.txt"])
    assert arts == [] and "no such file or folder" in skipped[0]


def test_decode_falls_back_and_honours_an_encoding():
    text = "Café au lait, naïve façade, déjà vu – and so on, “quoted”.".encode("cp1252")
    assert decode(text, "x")[0].startswith("Café")
    assert decode("plain".encode("utf-16"), "x", "utf-16")[0] == "plain"
    with pytest.raises(InputError, match="cannot decode as ascii"):
        decode("é".encode(), "x", "ascii")


def test_the_seed_reads_as_one_article():
    (art,), skipped = read([SEEDS / "000_add76b67e3208ad5.txt"])
    assert skipped == [] and art.id == "000_add76b67e3208ad5" and art.title


def test_unpaired_surrogate_escapes_are_replaced_with_a_warning(tmp_path):
    """JSON can spell a lone UTF-16 surrogate ("\\ud800") that no UTF-8 output can hold: it
    becomes U+FFFD (one character for one, so offsets keep), with a warning, and the
    article's quotes can be written."""
    import io

    from annotator.quotes import find_quotes

    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"id": "a", "text": "\\"We will not \\ud800 yield,\\" said Ana Ruiz, an economist.", '
        '"title": "T\\uDC01"}\n{"id": "b", "text": "A pair \\ud83d\\ude00 stays."}\n',
        encoding="utf-8",
    )
    buf = io.StringIO()
    rep = Reporter(stream=buf)
    a, b = iter_articles([p], rep)
    assert a.text == '"We will not \ufffd yield," said Ana Ruiz, an economist.' and a.title == "T\ufffd"
    assert b.text == "A pair \U0001f600 stays."  # a valid pair is one character, untouched
    assert buf.getvalue().count("Warning:") == 1 and "c.jsonl:1" in buf.getvalue() and not rep.skipped
    [q] = find_quotes(a)
    assert a.text[q.start : q.end] == q.text and q.model_dump_json()
