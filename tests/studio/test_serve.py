"""`annotator studio serve`: a real Label Studio on 127.0.0.1 with the user's data folder.

The session's shared server (conftest `ls_server`) is itself started with `studio serve`, so
every push and pull test runs against one; here: Ctrl-C stops it cleanly and leaves nothing
running, a second start finds the same login and projects, and folders it must not touch
are refused with one clear line."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.studio.server import DATABASE, LOGIN_FILE, whoami_status
from tests.studio.conftest import Served

runner = CliRunner()


@pytest.mark.studio
def test_ctrl_c_stops_it_and_a_second_start_finds_the_same_login_and_projects(ls_server, tmp_path):
    from annotator.studio.adapter import Studio
    from annotator.studio.server import find_binary

    if find_binary() is None:  # the session server came from ANNOTATOR_TEST_LS_URL: nothing to start here
        pytest.skip("no local Label Studio to start (scripts/install-label-studio.sh)")
    data = tmp_path / "studio-data"
    first = Served(data)
    server = first.ready()
    assert whoami_status(server.url, server.token) == 200
    assert "this is the first start" in first.output and "admin@example.com" in first.output
    login = json.loads((data / LOGIN_FILE).read_text(encoding="utf-8"))
    assert login["token"] == server.token
    assert (os.stat(data / LOGIN_FILE).st_mode & 0o077) == 0  # the owner's alone
    config = (
        '<View><Text name="t" value="$t"/><Choices name="c" toName="t"><Choice value="a"/></Choices></View>'
    )
    project = Studio(server.url, server.token).create_project("Kept between starts", config, None)

    assert first.interrupt() == 0
    assert "Stopped. The data stays in" in first.output and "Traceback" not in first.output
    assert whoami_status(server.url, server.token, timeout=2) is None  # nothing answers any more

    second = Served(data)
    again = second.ready()
    try:
        assert again.token == server.token and "this is the first start" not in second.output
        assert Studio(again.url, again.token).project(project.id).title == "Kept between starts"
    finally:
        assert second.interrupt() == 0
    assert whoami_status(again.url, again.token, timeout=2) is None


def test_a_folder_with_another_label_studio_is_refused(tmp_path):
    data = tmp_path / "theirs"
    data.mkdir()
    (data / DATABASE).write_bytes(b"")
    res = runner.invoke(app, ["studio", "serve", "--data", str(data)], env={"LABEL_STUDIO_BIN": "/bin/true"})
    assert res.exit_code == 1, res.output
    assert "Error:" in res.output and "did not set up" in res.output and "Traceback" not in res.output
    assert not (data / LOGIN_FILE).exists()


def test_a_file_as_the_data_folder_is_one_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("mine", encoding="utf-8")
    res = runner.invoke(app, ["studio", "serve", "--data", str(path)], env={"LABEL_STUDIO_BIN": "/bin/true"})
    assert res.exit_code == 1 and "is a file" in res.output
    assert path.read_text(encoding="utf-8") == "mine"


def test_no_label_studio_installed_says_how_to_install(tmp_path):
    res = runner.invoke(
        app,
        ["studio", "serve", "--data", str(tmp_path / "d")],
        env={"LABEL_STUDIO_BIN": str(tmp_path / "missing")},
    )
    assert res.exit_code != 0 and "install-label-studio.sh" in res.output
