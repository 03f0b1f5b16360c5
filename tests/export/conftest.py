"""Fixtures for export tests: the seed matrix (from the reference annotation's quotes) and a
real headless Chromium driven by selenium (`browser` marker)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from annotator.export import MatrixData
from annotator.matrix import build_matrix
from tests.gold_fixtures import seed_article, seed_codebook, seed_experts, seed_quotes

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install chromium chromium-driver"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _codebook():
    """The bundled seed codebook (short labels, title), or one made from the gold's questions."""
    from annotator import paths

    if paths.SEED_CODEBOOK.exists():
        from annotator.stance.codebook import load_codebook

        return load_codebook(paths.SEED_CODEBOOK)
    return seed_codebook()


def seed_reviews(quotes) -> list:
    """Two reviewers confirm the gold label on two quotes (so the views show reviewed cells)."""
    from annotator.models import ReviewedLabel

    out = []
    for q in quotes:
        if q.speaker_id in ("mark-hilborne", "olena-borodyna") and q.stances:
            question = "quick_peace_deal" if q.speaker_id == "mark-hilborne" else "europe_strategy_coherent"
            label = q.stances[question].label
            if label == "oppose" and not [r for r in out if r.question == question]:
                for who, day in (("reviewer-a", "2025-03-03"), ("reviewer-b", "2025-03-04")):
                    out.append(
                        ReviewedLabel(
                            quote_id=q.id,
                            article_id=q.article_id,
                            start=q.start,
                            end=q.end,
                            question=question,
                            label=label,
                            annotator=who,
                            created_at=f"{day}T10:00:00Z",
                        )
                    )
    return out


def seed_data(**article_meta) -> MatrixData:
    """The seed's matrix from the reference quotes and labels (test data, not model output)."""
    art = seed_article(**article_meta)
    quotes = seed_quotes(art.id)
    book = _codebook()
    reviews = seed_reviews(quotes)
    cells = build_matrix(quotes, book, seed_experts(), reviews, articles={art.id: art})
    return MatrixData(
        cells=cells,
        quotes=quotes,
        codebook=book,
        experts=seed_experts(),
        meta={
            "model_version": "reference labels (test data)",
            "reviewed_labels": len(reviews),
            "reviewed_at": [r.created_at for r in reviews][-1:],
            "articles": [art.model_dump(exclude={"text"})],
        },
    )


@pytest.fixture
def seed_matrix() -> MatrixData:
    return seed_data()


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
