"""Fixtures for export tests: the invented story's matrix (tests/newsroom.py) and a real
headless Chromium driven by selenium (`browser` marker)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from annotator.export import MatrixData
from annotator.matrix import build_matrix
from tests import newsroom

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install chromium chromium-driver"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def newsroom_data(**article_meta) -> MatrixData:
    """The invented story's matrix (tests/newsroom.py), with two reviewers' labels: one
    reviewed cell and one disputed."""
    art = newsroom.article(**article_meta)
    quotes = newsroom.quotes(art.id)
    book = newsroom.codebook()
    reviews = newsroom.reviews(quotes)
    cells = build_matrix(quotes, book, newsroom.experts(), reviews, articles={art.id: art})
    return MatrixData(
        cells=cells,
        quotes=quotes,
        codebook=book,
        experts=newsroom.experts(),
        meta={
            "model_version": "hand-set labels (test data)",
            "reviewed_labels": len(reviews),
            "reviewed_at": [r.created_at for r in reviews][-1:],
            "articles": [art.model_dump(exclude={"text"})],
        },
    )


@pytest.fixture
def matrix() -> MatrixData:
    return newsroom_data()


def _binary(path: Path, name: str) -> str | None:
    if path.exists():
        return str(path)
    return shutil.which(name)


@pytest.fixture(scope="session")
def driver():
    """Headless Chromium through the system chromedriver (never selenium-manager). Under
    CI=true a missing browser fails; elsewhere the test is skipped."""
    chromium = _binary(CHROMIUM, "chromium")
    chromedriver = _binary(CHROMEDRIVER, "chromedriver")
    if not (chromium and chromedriver):
        why = f"chromium and chromedriver are needed for browser tests: {INSTALL}"
        if IN_CI:
            pytest.fail(why + " (required under CI=true)")
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="annotator-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
    ):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


PAYLOADS = [
    '</script><script>window.__pwned = "script"; alert(1)</script>',
    "<img src=x onerror=\"window.__pwned = 'img'; alert(2)\">",
    "<svg onload=\"window.__pwned='svg'\">",
    '"><a href="javascript:window.__pwned=1">x</a> &amp; \u2028 {{ 7*7 }}',
]


CONTEXT_PAYLOAD = "<img src=x onerror=\"window.__pwned='context'\">Before."


def hostile_data() -> MatrixData:
    """A matrix whose article text, title, url and speaker carry script payloads."""
    from annotator.models import Article, Codebook, Expert, Question, Quote, StancePrediction, quote_id

    text = " ".join(f'"{p}," she said.' for p in PAYLOADS)
    art = Article(
        id="evil<1>",
        text=text,
        title='<script>window.__pwned="title"</script>Title',
        url="javascript:window.__pwned='url'",
        published="2025-01-02",
    )
    book = Codebook(
        title="<b>Bold</b> questions",
        questions=[
            Question(id="q1", text='Is <script>window.__pwned="q"</script> fine?', short="<i>Q1</i>"),
            Question(id="q2", text="A second question?"),
        ],
    )
    quotes = []
    pos = 0
    for p in PAYLOADS:
        start = text.index(p, pos)
        pos = start + len(p)
        quotes.append(
            Quote(
                id=quote_id(art.id, start, pos),
                article_id=art.id,
                start=start,
                end=pos,
                text=p,
                kind="direct",
                speaker="Eve <img src=x onerror=\"window.__pwned='name'\">",
                speaker_id="eve",
                speaker_is_expert=True,
                role="<script>alert(3)</script>",
                # the context (the sentence before) carries a payload of its own
                context=CONTEXT_PAYLOAD + " " + p,
                context_start=None,  # not from this text: the view finds the quote in it
                stances={
                    "q1": StancePrediction(label="support", confidence=0.9),
                    "q2": StancePrediction(label="not_addressed", confidence=0.7),
                },
            )
        )
    experts = [Expert(id="eve", name=quotes[0].speaker, is_expert=True, role=quotes[0].role)]
    cells = build_matrix(quotes, book, experts, articles={art.id: art})
    return MatrixData(
        cells=cells,
        quotes=quotes,
        codebook=book,
        experts=experts,
        meta={"articles": [art.model_dump(exclude={"text"})], "model_version": "<b>m</b>"},
    )
