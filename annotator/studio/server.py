"""Start a throw-away local Label Studio server (for the `studio` tests and the benchmark).

Headless and loopback-only: a fresh data dir, SQLite, a known admin and legacy API token, no
telemetry, no version check; started in its own process group and stopped as a group. The
server binary comes from scripts/install-label-studio.sh (.venv-ls/bin/label-studio) or env
LABEL_STUDIO_BIN. Standard library only (no SDK import).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import StudioError
from annotator.paths import PACKAGE

INSTALL_HINT = "scripts/install-label-studio.sh"
_STARTED = re.compile(r"Starting development server at (http://[\d.]+:\d+)/?")


def find_binary() -> Path | None:
    """The label-studio executable: env LABEL_STUDIO_BIN, else .venv-ls/bin/label-studio."""
    env = os.environ.get("LABEL_STUDIO_BIN")
    if env:
        return Path(env) if Path(env).exists() else None
    candidate = PACKAGE.parent / ".venv-ls" / "bin" / "label-studio"
    return candidate if candidate.exists() else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def whoami_status(url: str, token: str, timeout: float = 5.0) -> int | None:
    """HTTP status of GET /api/current-user/whoami (None when nothing answers)."""
    req = urllib.request.Request(
        f"{url}/api/current-user/whoami", headers={"Authorization": f"Token {token}"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, OSError):
        return None


@dataclass
class LocalServer:
    """A running Label Studio: `url`, admin `token`, `email`; call stop() at the end."""

    url: str
    token: str
    email: str
    password: str
    data_dir: Path
    log_path: Path
    process: subprocess.Popen
    startup_seconds: float
    _own_dir: bool = field(default=True, repr=False)

    def stop(self, keep_data: bool = False) -> None:
        """Stop the server's whole process group (the wrapper and Django's reloader child)."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except (ProcessLookupError, PermissionError):
                pass
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=10)
        if self._own_dir and not keep_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def server_env(data_dir: Path, email: str, password: str, token: str) -> dict[str, str]:
    env = dict(os.environ)
    for key in list(env):  # nothing of a developer's own Label Studio setup leaks in
        if key.startswith(("LABEL_STUDIO_", "DJANGO_")) or key in ("LS_API_KEY",):
            env.pop(key)
    env.update(
        {
            "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
            "DJANGO_DB": "sqlite",
            "LABEL_STUDIO_USERNAME": email,
            "LABEL_STUDIO_PASSWORD": password,
            "LABEL_STUDIO_USER_TOKEN": token,
            "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
            "LATEST_VERSION_CHECK": "false",
            "COLLECT_ANALYTICS": "false",
            "SENTRY_DSN": "",
            "FRONTEND_SENTRY_DSN": "",
            "CONVERTER_DOWNLOAD_RESOURCES": "false",
            "FEATURE_FLAGS_OFFLINE": "true",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def start_server(
    binary: Path | None = None, data_dir: Path | None = None, timeout: float = 240.0, port: int | None = None
) -> LocalServer:
    """Start Label Studio on 127.0.0.1 and wait until the admin token is accepted.

    Raises StudioError (with the log's last lines) when it does not come up in `timeout` s."""
    binary = binary or find_binary()
    if binary is None:
        raise StudioError(
            f"no Label Studio server found (.venv-ls/bin/label-studio or LABEL_STUDIO_BIN); run "
            f"{INSTALL_HINT}"
        )
    own = data_dir is None
    data_dir = Path(data_dir or tempfile.mkdtemp(prefix="annotator-ls-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(20)
    email, password = "admin@example.com", secrets.token_urlsafe(12)
    log_path = data_dir / "server.log"
    port = port or free_port()
    t0 = time.perf_counter()
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            [str(binary), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=data_dir,
            env=server_env(data_dir, email, password, token),
            start_new_session=True,
        )
    server = LocalServer(
        f"http://127.0.0.1:{port}", token, email, password, data_dir, log_path, proc, 0.0, own
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = server.log_tail()
            server.stop(keep_data=False)
            raise StudioError(
                f"Label Studio exited (code {proc.returncode}) while starting; its log ends:\n{tail}"
            )
        m = _STARTED.search(log_path.read_text(errors="replace"))
        if m:
            server.url = m.group(1)  # it moves to the next port when the one asked for is taken
            if whoami_status(server.url, token) == 200:
                server.startup_seconds = round(time.perf_counter() - t0, 1)
                return server
        time.sleep(1.0)
    tail = server.log_tail()
    server.stop()
    raise StudioError(f"Label Studio did not answer within {timeout:.0f} s; its log ends:\n{tail}")
