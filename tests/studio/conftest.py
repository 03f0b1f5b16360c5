"""Fixtures for the Label Studio tests.

`ls_server` (session scope) starts ONE real Label Studio for the whole test session (a fresh
data dir in a temp folder, 127.0.0.1, a free port, a known admin token, its own process
group) and stops its process group at the end. It needs the server's own virtual
environment from scripts/install-label-studio.sh (or env LABEL_STUDIO_BIN): without it the
`studio` tests skip, except under CI=true, where they fail. A server that does not start
fails the tests everywhere. To reuse a server you already run, set ANNOTATOR_TEST_LS_URL and
ANNOTATOR_TEST_LS_TOKEN (an admin's token).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.models import Article, Codebook, Quote
from annotator.stance.codebook import load_codebook
from tests.conftest import IN_CI, SEEDS
from tests.gold_fixtures import seed_article, seed_experts, seed_quotes


@dataclass(frozen=True)
class RunningServer:
    url: str
    token: str


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory):
    from annotator.errors import StudioError
    from annotator.studio.server import INSTALL_HINT, find_binary, start_server

    if os.environ.get("ANNOTATOR_TEST_LS_URL") and os.environ.get("ANNOTATOR_TEST_LS_TOKEN"):
        # a server the developer already runs (admin token); the tests make their own projects
        yield RunningServer(os.environ["ANNOTATOR_TEST_LS_URL"], os.environ["ANNOTATOR_TEST_LS_TOKEN"])
        return
    binary = find_binary()
    if binary is None:
        why = f"Label Studio server not installed: run {INSTALL_HINT} (makes .venv-ls/), or set LABEL_STUDIO_BIN"
        if IN_CI:
            pytest.fail(f"{why} (required under CI=true)")
        pytest.skip(why)
    try:
        server = start_server(binary, data_dir=tmp_path_factory.mktemp("label-studio"), timeout=300)
    except StudioError as e:
        pytest.fail(f"Label Studio did not start: {e}")
    yield server
    server.stop()


@pytest.fixture
def studio(ls_server):
    """An API client logged in as the server's admin."""
    from annotator.studio.adapter import Studio

    return Studio(ls_server.url, ls_server.token)


@pytest.fixture
def project_name() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    return load_codebook(SEEDS / "codebook.yaml")


@pytest.fixture(scope="session")
def quotes() -> list[Quote]:
    """The seed's quotes: experts' quotes with stances on every question, others without."""
    return seed_quotes()


@pytest.fixture(scope="session")
def article() -> Article:
    return seed_article()


@pytest.fixture(scope="session")
def experts():
    return seed_experts()


def write_quotes(path: Path, quotes: list[Quote]) -> Path:
    path.write_text("".join(q.model_dump_json() + "\n" for q in quotes), encoding="utf-8")
    return path


def write_articles(path: Path, articles: list[Article]) -> Path:
    path.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
    return path
