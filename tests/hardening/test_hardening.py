"""Bad inputs through `annotator quotes` and `annotator.ingest.iter_articles`: each gives a
clear `Warning:` naming the file (and line), exit 3 where something was skipped, never a
traceback, and every good article of the batch in the output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.ingest import iter_articles
from annotator.io import Reporter
from annotator.models import Article
from annotator.quotes import find_quotes

runner = CliRunner()

GOOD = "“Bridges need money,” Hana Ilic, an engineer at Rivermouth Institute, said.\n"
GOOD_ID = "good"


def out_ids(path: Path) -> set[str]:
    return {json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()}


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# name, file name, content, expected warning fragment, exit code
BAD_FILES = [
    ("empty txt", "empty.txt", b"", "empty.txt: the file is empty", 3),
    ("blank txt", "blank.txt", b"  \n\n\t", "blank.txt: the file is empty", 3),
    (
        "binary",
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "looks like a binary",
        3,
    ),
    ("empty jsonl", "none.jsonl", b"", None, 0),
    (
        "invalid json line",
        "broken.jsonl",
        json.dumps({"id": "j1", "text": GOOD}).encode() + b'\n{"id": "j2", "text": "unterminated\n',
        "broken.jsonl:2: not valid JSON",
        3,
    ),
    (
        "missing text",
        "notext.jsonl",
        b'{"id": "m1"}\n' + json.dumps({"id": "m2", "text": GOOD}).encode() + b"\n",
        'notext.jsonl:1: no "text" string',
        3,
    ),
    (
        "missing id",
        "noid.jsonl",
        b'{"text": "Some words here."}\n' + json.dumps({"id": "m3", "text": GOOD}).encode(),
        'noid.jsonl:1: no "id"',
        3,
    ),
    (
        "text not a string",
        "textnum.jsonl",
        b'{"id": "t1", "text": 42}\n',
        'textnum.jsonl:1: no "text" string',
        3,
    ),
    ("array line", "array.jsonl", b"[1, 2]\n", "array.jsonl:1: expected a JSON object", 3),
    ("deep nesting", "deep.jsonl", b"[" * 50000 + b"\n", "deep.jsonl:1: not valid JSON", 3),
    (
        "non-utf8 jsonl line",
        "latin.jsonl",
        b'{"id": "l1", "text": "caf\xe9 society"}\n'
        + json.dumps({"id": "l2", "text": GOOD}).encode()
        + b"\n",
        "latin.jsonl:1: not UTF-8",
        3,
    ),
    ("unknown suffix", "notes.docx", b"PK\x03\x04", "unknown file type", 3),
    (
        "html without text",
        "blank.html",
        b"<html><script>var a = 1;</script><style>p{}</style></html>",
        "blank.html: the HTML has no visible text",
        3,
    ),
]


@pytest.mark.parametrize("name, filename, content, warning, code", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input_through_cli(tmp_path, name, filename, content, warning, code):
    write(tmp_path / f"{GOOD_ID}.txt", GOOD)
    bad = write(tmp_path / filename, content)
    out = tmp_path / "quotes.jsonl"
    result = runner.invoke(
        app, ["quotes", str(tmp_path / f"{GOOD_ID}.txt"), str(bad), "-o", str(out), "--quiet"]
    )
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    assert GOOD_ID in out_ids(out)  # the good article of the batch is in the output
    if warning:
        result = runner.invoke(app, ["quotes", str(tmp_path / f"{GOOD_ID}.txt"), str(bad), "-o", str(out)])
        assert warning in result.stderr
        assert "Traceback" not in result.stderr
        warn_lines = [ln for ln in result.stderr.splitlines() if ln.startswith("Warning:")]
        assert any(filename in ln for ln in warn_lines)


@pytest.mark.parametrize("name, filename, content, warning, code", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input_through_ingest(tmp_path, name, filename, content, warning, code):
    bad = write(tmp_path / filename, content)
    good = write(tmp_path / "z_good.txt", GOOD)
    rep = Reporter(quiet=True)
    arts = list(iter_articles([bad, good], rep))
    assert arts[-1].id == "z_good"
    if warning:
        assert any(warning in s for s in rep.skipped), rep.skipped
    else:
        assert rep.skipped == []


def test_good_lines_of_a_bad_jsonl_all_kept(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": GOOD.replace("Bridges", f"Bridges {i}")}) for i in range(6)]
    lines[2] = "{oops"
    lines.insert(4, b"\xff\xfe bad bytes".decode("latin-1"))
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["quotes", str(path), "-o", str(out)])
    assert result.exit_code == 3
    assert out_ids(out) == {"a0", "a1", "a3", "a4", "a5"}
    assert "c.jsonl:3: not valid JSON" in result.stderr and "c.jsonl:5: not valid JSON" in result.stderr


def test_duplicate_ids_reported_not_merged(tmp_path):
    path = tmp_path / "dup.jsonl"
    first = {"id": "same", "text": GOOD}
    second = {"id": "same", "text": "“Roads need money,” Ola Berg, a planner, said.\n"}
    path.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["quotes", str(path), "-o", str(out)])
    assert result.exit_code == 3
    assert "dup.jsonl:2: duplicate article id 'same'" in result.stderr
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert texts == ["“Bridges need money,”"]


def test_non_utf8_text_file_detected_or_given(tmp_path):
    text = "“Le café est fermé,” Émile Durand, an economist at Brest University, said. Señor Peña agreed.\n"
    path = write(tmp_path / "cp.txt", text.encode("cp1252"))
    out = tmp_path / "q.jsonl"
    detected = runner.invoke(app, ["quotes", str(path), "-o", str(out)])
    assert "Traceback" not in detected.output
    assert "cp.txt: not UTF-8; decoded as" in detected.stderr
    given = runner.invoke(app, ["quotes", str(path), "-o", str(out), "--encoding", "cp1252"])
    assert given.exit_code == 0 and "not UTF-8" not in given.stderr
    q = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert q["text"] == "“Le café est fermé,”"


def test_non_utf8_jsonl_with_encoding(tmp_path):
    path = write(
        tmp_path / "l.jsonl",
        '{"id": "x", "text": "“Très bien,” Zoé Marchal, a lecturer, said."}\n'.encode("cp1252"),
    )
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["quotes", str(path), "-o", str(out), "--encoding", "cp1252"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == "“Très bien,”"


def test_bad_encoding_name_is_an_error_not_a_traceback(tmp_path):
    path = write(tmp_path / "a.txt", "caf\xe9".encode("latin-1"))
    result = runner.invoke(
        app, ["quotes", str(path), "-o", str(tmp_path / "q.jsonl"), "--encoding", "nope-8"]
    )
    assert "Traceback" not in result.output
    assert "a.txt: cannot decode as nope-8" in result.stderr


def test_html_scripts_and_styles_dropped(tmp_path):
    html = (
        "<html><head><style>.x{content:'“not a quote,” said Style'}</style>"
        "<script>var s = '“fake,” said Script Kiddie';</script></head><body><article>"
        "<p>“Trains must run on time,” Ana Velasquez, a professor of transport, said.</p>"
        "<noscript>“also hidden,” said Nobody</noscript></article></body></html>"
    )
    path = write(tmp_path / "page.html", html)
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["quotes", str(path), "-o", str(out)])
    assert result.exit_code == 0
    quotes = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [q["text"] for q in quotes] == ["“Trains must run on time,”"]
    art = next(iter_articles([path]))
    assert "Script" not in art.text and "Style" not in art.text and "var s" not in art.text


def test_unclosed_quote_does_not_swallow_the_article():
    text = (
        "“This sentence opens a quote that never closes, said nobody in particular.\n"
        "The council met on Friday to discuss the budget.\n"
        "“We will cut spending,” Lara Quint, the council's treasurer, said.\n"
    )
    quotes = find_quotes(Article(id="u", text=text))
    assert any(q.text == "“We will cut spending,”" and q.speaker == "Lara Quint" for q in quotes)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert "The council met on Friday" not in q.text


# Decomposed accents (combining marks) in names, bidi controls around the sentence and a
# following sentence in a caseless script (Hebrew, Arabic, CJK) keep the quote and its speaker.
@pytest.mark.parametrize(
    "text, quote",
    [
        ("“Peace\u200d now,” Sami Rahal, an analyst, said.", "“Peace\u200d now,”"),
        ("“\u05e9\u05dc\u05d5\u05dd,” Dov Erez, a lecturer, said.", "“\u05e9\u05dc\u05d5\u05dd,”"),
        (
            "\U0001f468\u200d\U0001f469\u200d\U0001f467 “Family first,” Mia Holt, a sociologist, said.",
            "“Family first,”",
        ),
        ("Cafe\u0301 owners. “Prices rise,” Noël Brun, an economist, said.", "“Prices rise,”"),
        ("“Wait\u200b and see,” Ida Kova\u010d, a fellow, said.", "“Wait\u200b and see,”"),
        ("“Peace now,” Sami\u0301 Rahal, an analyst, said.", "“Peace now,”"),
        ("“Prices rise,” Noe\u0308l Brun, an economist, said.", "“Prices rise,”"),
        (
            "“\u05e9\u05dc\u05d5\u05dd,” Dov Erez, a lecturer, said. \u05d6\u05d4 \u05d8\u05d5\u05d1.",
            "“\u05e9\u05dc\u05d5\u05dd,”",
        ),  # a caseless sentence after the frame
        ("\u202b“Peace now,” Dov Erez, a lecturer, said.\u202c", "“Peace now,”"),
    ],
)
def test_odd_unicode_offsets_exact(text, quote):
    quotes = find_quotes(Article(id="u", text=text))
    assert quote in [q.text for q in quotes]
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)


UNIT = "The committee met again. “Costs keep rising,” Tomas Lind, an analyst at Northgate, said. "


def _long_article(size: int) -> Article:
    text = UNIT * (size // len(UNIT))
    half = len(text) // 2
    return Article(
        id="big", text=text[:half] + "\n".join(text[half:].split(". "))
    )  # one long line, many lines


@pytest.mark.parametrize(
    "size",
    [
        2_000_000,
        pytest.param(
            15_000_000, marks=pytest.mark.slow
        ),  # about 30 s on one core; `annotator bench run` times it too
    ],
)
def test_very_long_line_and_article(size):
    """A 2 MB and a 15 MB article (half one long line, half many lines): extraction
    finishes, finds every quote, and offsets stay exact."""
    art = _long_article(size)
    quotes = find_quotes(art)
    assert len(quotes) >= size // len(UNIT) * 0.99
    sample = quotes[:: max(1, len(quotes) // 1000)]
    assert all(art.text[q.start : q.end] == q.text for q in sample)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“Peace now,” Sami\u0301 Rahal, an analyst, said.", "Sami\u0301 Rahal"),
        ("“Prices rise,” Noe\u0308l Brun, an economist, said.", "Noe\u0308l Brun"),
        ("\u202b“Peace now,” Dov Erez, a lecturer, said.\u202c", "Dov Erez"),
    ],
)
def test_odd_unicode_speaker_is_cut_from_the_original_text(text, speaker):
    [q] = find_quotes(Article(id="u", text=text))
    assert q.speaker == speaker
