"""The HTML view as a document: self-contained, accessible structure, everything escaped.
(What it does in a browser is in test_browser.py.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from annotator.export import html
from tests import newsroom
from tests.export.conftest import PAYLOADS, hostile_data


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def _parse(page: str) -> _Collect:
    p = _Collect()
    p.feed(page)
    return p


@pytest.mark.parametrize(
    "obj, forbidden",
    [
        ({"t": "</script><script>x()</script>"}, "</script"),
        ({"t": "<!-- a"}, "<!--"),
        ({"t": "a & b > c"}, "&"),
        ({"t": "line\u2028sep"}, "\u2028"),
    ],
)
def test_script_json_escapes(obj, forbidden):
    text = html.script_json(obj)
    assert forbidden not in text and "<" not in text and ">" not in text
    assert json.loads(text) == obj


def test_page_structure(matrix):
    page = html.render(matrix)
    p = _parse(page)
    tags = [t for t, _ in p.tags]
    assert tags.count("table") == 2 and "caption" in tags  # the matrix and the experts directory
    cols = [a for t, a in p.tags if t == "th" and a.get("scope") == "col"]
    rows = [a for t, a in p.tags if t == "th" and a.get("scope") == "row"]
    assert len(cols) == (1 + len(newsroom.QUESTIONS)) + 4 and len(rows) == 4 + 4
    buttons = [a for t, a in p.tags if t == "button" and "cell" in a.get("class", "")]
    assert len(buttons) == sum(1 for c in matrix.cells if c.evidence)
    assert all(b["aria-label"] and b["aria-haspopup"] == "dialog" for b in buttons)
    assert "senior lecturer in public finance" in page and "Institute for City Studies" in page
    # the full question is in the header's tooltip
    assert "Should the city open bus lanes before any tram?" in page
    assert "How this was made" in page and "Data as of 2031-05-21" in page
    assert "any split" in page and "split evenly" not in page


def test_directory_rows_articles_and_questions(matrix):
    p = _parse(html.render(matrix))
    rows = [a for t, a in p.tags if t == "tr" and "data-quotes" in a]
    assert [r["data-expert"] for r in rows] == newsroom.ROWS
    assert [r["data-quotes"] for r in rows] == ["3", "2", "3", "1"]
    assert all(r["data-articles"] == "1" for r in rows)
    links = [a for t, a in p.tags if t == "a" and a.get("href") == newsroom.URL]
    assert len(links) == 4 and all(a["rel"] == "noopener noreferrer" for a in links)
    assert "bus lanes first" in rows[2]["data-search"] and "eastgate college" in rows[2]["data-search"]


def test_page_is_self_contained(matrix):
    page = html.render(matrix)
    p = _parse(page)
    assert not [a for t, a in p.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in p.tags if t == "script" and "src" in a]
    assert not re.search(r"""src\s*=\s*["']?(https?:)?//""", page)  # nothing is loaded from elsewhere
    # the only links out are the articles' own, opened by the reader in a new tab
    for t, a in p.tags:
        if "href" in a:
            assert t == "a" and (a["href"].startswith("#") or a.get("target") == "_blank"), (t, a)
    assert "@import" not in page and "url(" not in page.split("</style>")[0]
    csp = next(
        a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_csp_hash_matches_the_page_script(matrix):
    import base64
    import hashlib

    page = html.render(matrix)
    p = _parse(page)
    [(_, code)] = [s for s in p.scripts if "type" not in s[0]]
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in page


def test_hostile_text_is_escaped_everywhere():
    page = html.render(hostile_data())
    p = _parse(page)
    scripts = p.scripts
    assert len(scripts) == 2  # the JSON data block and the page's own script, nothing injected
    assert scripts[0][0].get("type") == "application/json"
    assert "window.__pwned" not in scripts[1][1]
    assert not [a for t, a in p.tags if t in ("img", "svg", "i", "b") or any(k.startswith("on") for k in a)]
    assert [a["href"] for t, a in p.tags if t == "a"] == ["#matrix", "#experts", "#methodology"]
    data = json.loads(scripts[0][1])
    texts = [e["text"] for c in data["cells"].values() for e in c["evidence"]]
    assert texts == PAYLOADS  # the words survive, as data
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page  # the role, shown as text
    assert "{{ 7*7 }}" not in page.split('id="matrix-data"')[0]  # quotes only in the data block


def test_render_is_deterministic(matrix, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert html.render(matrix) == html.render(matrix)
