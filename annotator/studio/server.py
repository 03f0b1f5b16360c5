"""Start a local Label Studio server: `annotator studio serve` (a data folder of the user's,
kept between starts) and the throw-away one of the `studio` tests and the benchmark.

Headless and loopback-only: SQLite, a known admin and legacy API token, no telemetry, no
version check; started in its own process group and stopped as a group. The server binary
comes from scripts/install-label-studio.sh (.venv-ls/bin/label-studio) or env
LABEL_STUDIO_BIN. Standard library only (no SDK import).

A data folder set up by `studio serve` holds LOGIN_FILE (owner-only): the first user's
e-mail, password and API token, made at the first start and shown again at every start.
"""

from __future__ import annotations

import json
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
LOGIN_FILE = "annotator-login.json"
DATABASE = "label_studio.sqlite3"
DEFAULT_EMAIL = "admin@example.com"
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


@dataclass(frozen=True)
class Login:
    """The first user of a Label Studio data folder: e-mail, password and API token."""

    email: str
    password: str
    token: str

    @classmethod
    def new(cls, email: str = DEFAULT_EMAIL) -> Login:
        return cls(email, secrets.token_urlsafe(12), secrets.token_hex(20))


def folder_login(data_dir: Path, email: str = DEFAULT_EMAIL) -> tuple[Login, bool]:
    """The login of a data folder set up by `studio serve` (and False), or a new one written
    to it (and True) when the folder holds no Label Studio yet. A folder holding a Label
    Studio set up otherwise is refused: its users and tokens are not ours to change."""
    path = data_dir / LOGIN_FILE
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return Login(raw["email"], raw["password"], raw["token"]), False
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise StudioError(
                f"{path}: cannot read the login of this data folder ({e}); remove the file and the "
                f"folder's {DATABASE} to start afresh, or use another --data folder"
            ) from None
    if (data_dir / DATABASE).exists():
        raise StudioError(
            f"{data_dir}: holds a Label Studio that `annotator studio serve` did not set up (no "
            f"{LOGIN_FILE}); start that one with `label-studio start`, or choose an empty --data folder"
        )
    login = Login.new(email)
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"email": login.email, "password": login.password, "token": login.token}, f)
        f.write("\n")
    return login, True


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
    binary: Path | None = None,
    data_dir: Path | None = None,
    timeout: float = 240.0,
    port: int | None = None,
    login: Login | None = None,
) -> LocalServer:
    """Start Label Studio on 127.0.0.1 and wait until the admin token is accepted. Without
    `data_dir`, a throw-away folder (removed by stop()); without `login`, a new admin.

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
    login = login or Login.new()
    token, email, password = login.token, login.email, login.password
    log_path = data_dir / "server.log"
    port = port or free_port()
    t0 = time.perf_counter()
    log_from = log_path.stat().st_size if log_path.exists() else 0  # the log of earlier starts stays
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
    try:
        return _wait_ready(server, proc, log_path, log_from, token, t0, timeout)
    except BaseException:  # Ctrl-C while starting: the server goes too
        server.stop(keep_data=not own)
        raise


def _wait_ready(
    server: LocalServer,
    proc: subprocess.Popen,
    log_path: Path,
    log_from: int,
    token: str,
    t0: float,
    timeout: float,
) -> LocalServer:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = server.log_tail()
            raise StudioError(
                f"Label Studio exited (code {proc.returncode}) while starting; its log ends:\n{tail}"
            )
        with open(log_path, "rb") as f:
            f.seek(log_from)
            m = _STARTED.search(f.read().decode(errors="replace"))
        if m:
            server.url = m.group(1)  # it moves to the next port when the one asked for is taken
            if whoami_status(server.url, token) == 200:
                server.startup_seconds = round(time.perf_counter() - t0, 1)
                return server
        time.sleep(1.0)
    tail = server.log_tail()
    raise StudioError(f"Label Studio did not answer within {timeout:.0f} s; its log ends:\n{tail}")


def serve(
    data_dir: Path,
    port: int = 8080,
    email: str = DEFAULT_EMAIL,
    binary: Path | None = None,
    timeout: float = 300.0,
) -> tuple[LocalServer, bool]:
    """`annotator studio serve`: Label Studio on 127.0.0.1 with its data in `data_dir` (kept),
    the first user made at the first start. Returns the server and whether it was the first
    start; stop it with `server.stop()` (the data stays)."""
    data_dir = Path(data_dir).expanduser().resolve()
    if data_dir.exists() and not data_dir.is_dir():
        raise StudioError(f"{data_dir}: is a file; --data needs a folder (a new or an empty one at first)")
    binary = binary or find_binary()
    if binary is None:
        raise StudioError(
            f"no Label Studio server found (.venv-ls/bin/label-studio or LABEL_STUDIO_BIN); run {INSTALL_HINT}"
        )
    login, first = folder_login(data_dir, email)
    return start_server(binary, data_dir, timeout=timeout, port=port, login=login), first
