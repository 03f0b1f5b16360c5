"""The HTML view as a document: self-contained, accessible structure, everything escaped.
(What it does in a browser is in test_browser.py.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from annotator.export import html
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


def test_seed_page_structure(seed_matrix):
    page = html.render(seed_matrix)
    p = _parse(page)
    tags = [t for t, _ in p.tags]
    assert tags.count("table") == 1 and "caption" in tags
    cols = [a for t, a in p.tags if t == "th" and a.get("scope") == "col"]
    rows = [a for t, a in p.tags if t == "th" and a.get("scope") == "row"]
    assert len(cols) == 1 + 7 and len(rows) == 4
    buttons = [a for t, a in p.tags if t == "button" and "cell" in a.get("class", "")]
    assert len(buttons) == sum(1 for c in seed_matrix.cells if c.evidence)
    assert all(b["aria-label"] and b["aria-haspopup"] == "dialog" for b in buttons)
    assert "former deputy assistant secretary general" in page and "King’s College London" in page
    # the full question is in the header's tooltip
    assert "Should the West press for a quick ceasefire or peace deal with Russia?" in page
    assert "How this was made" in page and "Data as of 2025-03-04" in page


def test_seed_page_is_self_contained(seed_matrix):
    page = html.render(seed_matrix)
    p = _parse(page)
    assert not [a for t, a in p.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in p.tags if t == "script" and "src" in a]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page.split("</style>")[0]
    csp = next(
        a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_csp_hash_matches_the_page_script(seed_matrix):
    import base64
    import hashlib

    page = html.render(seed_matrix)
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
    assert not [a for t, a in p.tags if t == "a"]
    data = json.loads(scripts[0][1])
    texts = [e["text"] for c in data["cells"].values() for e in c["evidence"]]
    assert texts == PAYLOADS  # the words survive, as data
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page  # the role, shown as text
    assert "{{ 7*7 }}" not in page.split('id="matrix-data"')[0]  # quotes only in the data block


def test_render_is_deterministic(seed_matrix, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert html.render(seed_matrix) == html.render(seed_matrix)
