"""Fixtures for the Label Studio tests.

`ls_server` (session scope) starts ONE real Label Studio for the whole test session the way
a user does, with `annotator studio serve` (a fresh data folder in a temp folder, 127.0.0.1,
a free port; the address and token read from what it prints), and stops it with Ctrl-C
(SIGINT) at the end: every push and pull test runs against a server `studio serve` started.
It needs the server's own virtual
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


class Served:
    """`annotator studio serve` running in a child process, its output read as it comes."""

    def __init__(self, data_dir: Path, port: int | None = None):
        import subprocess
        import sys
        import threading

        from annotator.studio.server import free_port

        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "annotator",
                "studio",
                "serve",
                "--data",
                str(data_dir),
                "--port",
                str(port or free_port()),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            env={
                k: v for k, v in os.environ.items() if k not in ("LABEL_STUDIO_API_KEY", "LABEL_STUDIO_URL")
            },
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def ready(self, timeout: float = 300.0) -> RunningServer:
        """The address and token it printed, once the server answers."""
        import re
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = re.search(
                r"running at (http://127\.0\.0\.1:\d+).*API token\s+([0-9a-f]{40})", self.output, re.S
            )
            if m:
                return RunningServer(m.group(1), m.group(2))
            if self.proc.poll() is not None:
                self._reader.join(5)
                raise AssertionError(f"studio serve exited ({self.proc.returncode}):\n{self.output}")
            time.sleep(0.5)
        raise AssertionError(f"studio serve printed no address within {timeout:.0f} s:\n{self.output}")

    def interrupt(self, timeout: float = 60.0) -> int:
        """Ctrl-C, as a user stops it: its exit code."""
        import signal

        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout)
        except Exception:
            self.proc.kill()
            raise
        self._reader.join(5)
        return code


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory):
    from annotator.studio.server import INSTALL_HINT, find_binary

    if os.environ.get("ANNOTATOR_TEST_LS_URL") and os.environ.get("ANNOTATOR_TEST_LS_TOKEN"):
        # a server the developer already runs (admin token); the tests make their own projects
        yield RunningServer(os.environ["ANNOTATOR_TEST_LS_URL"], os.environ["ANNOTATOR_TEST_LS_TOKEN"])
        return
    if find_binary() is None:
        why = f"Label Studio server not installed: run {INSTALL_HINT} (makes .venv-ls/), or set LABEL_STUDIO_BIN"
        if IN_CI:
            pytest.fail(f"{why} (required under CI=true)")
        pytest.skip(why)
    served = Served(tmp_path_factory.mktemp("label-studio"))
    try:
        server = served.ready()
    except AssertionError as e:
        served.interrupt()
        pytest.fail(f"Label Studio did not start: {e}")
    yield server
    served.interrupt()


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
