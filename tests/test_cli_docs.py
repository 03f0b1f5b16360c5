"""Every command has --help with an example, and the README lists every command."""

from __future__ import annotations

import click
import pytest
import typer.main
from typer.testing import CliRunner

from annotator.cli import app
from tests.conftest import ROOT

runner = CliRunner()


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        path = prefix + (name,)
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, path))
        else:
            out.append(path)
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_the_core_commands_exist():
    names = {" ".join(c) for c in COMMANDS}
    for required in ("quotes", "stance", "run", "agreement", "export", "train"):
        assert required in names


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_an_example(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert f"annotator {' '.join(command)}" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_each_example_keeps_its_own_line(command):
    """click rewraps a paragraph unless it starts with \\b: examples must not run together."""
    result = runner.invoke(app, [*command, "--help"], terminal_width=80)
    text = result.output.split("Example", 1)[1]
    text = text.split("\nArguments:", 1)[0].split("\nOptions:", 1)[0]
    lines = [line.strip() for line in text.splitlines() if "annotator " in line]
    assert lines, result.output
    for line in lines:
        assert line.startswith("annotator ") and line.count("annotator ") == 1, (
            f"examples run together: {line!r}"
        )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_readme_lists_the_command(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"annotator {' '.join(command)}" in readme


def test_python_dash_m_works():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "annotator", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "quotes" in out.stdout
