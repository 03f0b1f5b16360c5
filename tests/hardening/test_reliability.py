"""Never lose a user's file, never carry markup or formulas, one clear line for every failure:
each promise tried through the CLI, where a user meets it. Every name and sentence is
invented for these tests."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from tests.conftest import need

runner = CliRunner()
ANNOTATOR = [sys.executable, "-m", "annotator"]
ARTICLE = (
    "“The new levy is far too high for small farms,” said Ann Kim, a senior lecturer at Harbor College.\n\n"
    "Tom Brisk, an economist at the Quarry Institute, argued that the levy would fund the river dam.\n"
)
CODEBOOK = """questions:
  - id: levy
    short: Levy
    text: Should the town keep the new levy?
    target: the new levy
    keywords: [levy, tax]
"""


def _corpus(folder: Path, n: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            ARTICLE.replace("Ann Kim", f"Ann Kim{i}" if i else "Ann Kim"), "utf-8"
        )
    return folder


def _book(folder: Path) -> Path:
    path = folder / "codebook.yaml"
    path.write_text(CODEBOOK, "utf-8")
    return path


def _run_args(arts, book, out, *extra: str) -> list[str]:
    """`annotator run ARTS --codebook BOOK --out OUT --engine fast` and the extra options."""
    return ["run", str(arts), "--codebook", str(book), "--out", str(out), "--engine", "fast", *extra]


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*ANNOTATOR, *args], capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture
def shared_tmp():
    """A folder another user can enter (pytest's own tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="annotator-hardening-"))
    path.chmod(0o777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def as_other_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """The CLI as a user without the rights root has (nobody), so permissions apply."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        need(shutil.which("setpriv") is not None, "setpriv (util-linux) is needed to drop root for this test")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {**os.environ, "HOME": str(cwd)}
    return subprocess.run(
        [*prefix, *ANNOTATOR, *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env
    )


# --- data loss ------------------------------------------------------------------------------


def test_a_run_removes_only_its_own_temporary_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "run.json").write_text("{}")  # a folder a run wrote before
    mine = [out / ".notes.tmp", out / ".~lock.report.odt.tmp", out / ".matrix.jsonl.tmp"]
    for p in mine:
        p.write_text("the user's")
    (out / ".matrix.jsonl.ab12cd34.tmp").write_text("left by a killed run")
    res = runner.invoke(
        app,
        _run_args(_corpus(tmp_path / "arts"), _book(tmp_path), out, "--quiet"),
    )
    assert res.exit_code == 0, res.output
    assert all(p.read_text() == "the user's" for p in mine)
    assert not (out / ".matrix.jsonl.ab12cd34.tmp").exists()


def test_a_second_run_into_the_same_folder_is_refused_and_the_first_completes(tmp_path):
    arts = _corpus(tmp_path / "arts", 1500)
    out = tmp_path / "out"
    first = subprocess.Popen(
        [
            *ANNOTATOR,
            *_run_args(arts, _book(tmp_path), out, "--jobs", "1", "--quiet"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not ((out / ".lock").exists() and (out / ".lock").read_text().strip()):
        time.sleep(0.05)
    second = _run(*_run_args(arts, tmp_path / "codebook.yaml", out, "--quiet"))
    assert second.returncode == 1
    assert f"Error: {out} is in use by another run (pid {first.pid})" in second.stderr
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert (out / "run.json").exists() and json.loads((out / "run.json").read_text())["quotes"] > 0


def test_an_out_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    arts = _corpus(tmp_path / "arts")
    args = _run_args(arts, _book(tmp_path), arts / "out", "--quiet")
    first = runner.invoke(app, args)
    files = {p.name: p.read_bytes() for p in (arts / "out").iterdir() if p.is_file() and p.name != ".lock"}
    again = runner.invoke(app, args)
    assert first.exit_code == again.exit_code == 0, again.output
    assert json.loads((arts / "out" / "run.json").read_text())["articles"][0]["id"] == "a0"
    assert len(json.loads((arts / "out" / "run.json").read_text())["articles"]) == 1
    assert files == {
        p.name: p.read_bytes() for p in (arts / "out").iterdir() if p.is_file() and p.name != ".lock"
    }


def _alive(pids: list[int]) -> list[int]:
    """The processes of `pids` still running (not gone, not zombies)."""
    return [
        p
        for p in pids
        if Path(f"/proc/{p}").exists() and "zombie" not in Path(f"/proc/{p}/status").read_text()
    ]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def test_workers_die_with_their_parent_and_the_folder_says_incomplete(tmp_path):
    need(Path("/proc/self/task").is_dir(), "needs Linux /proc to find the worker processes")
    arts = _corpus(tmp_path / "arts", 400)
    out = tmp_path / "out"
    parent = subprocess.Popen(
        [
            *ANNOTATOR,
            *_run_args(arts, _book(tmp_path), out, "--jobs", "2", "--quiet"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2:
        time.sleep(0.1)
        workers = _children(parent.pid)
    assert len(workers) >= 2, "the run started no worker processes"
    os.kill(parent.pid, signal.SIGKILL)  # the parent only
    parent.wait(timeout=30)
    deadline = time.time() + 20
    while time.time() < deadline and _alive(workers):
        time.sleep(0.1)
    assert _alive(workers) == []
    assert not (out / "run.json").exists()
    res = runner.invoke(app, ["export", str(out), "--format", "html", "-o", str(tmp_path / "m.html")])
    assert res.exit_code == 1
    assert "did not finish" in res.output or "no matrix.jsonl" in res.output


def test_export_refuses_a_folder_whose_run_did_not_finish(tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(
        app,
        _run_args(_corpus(tmp_path / "arts"), _book(tmp_path), out, "--quiet"),
    )
    assert res.exit_code == 0
    (out / "run.json").unlink()  # as a run killed while writing leaves it
    res = runner.invoke(app, ["export", str(out), "--format", "md", "-o", str(tmp_path / "m.md")])
    assert res.exit_code == 1 and "did not finish (run.json is missing)" in res.output
    assert not (tmp_path / "m.md").exists()


# --- injection --------------------------------------------------------------------------------


def _data(
    tmp_path: Path, published: str = "2025-01-02", labels: list[str] | None = None, org: str | None = None
):
    from annotator.export import MatrixData
    from annotator.matrix import build_matrix
    from annotator.models import Article, Codebook, Expert, Question, Quote, StancePrediction, quote_id

    labels = labels or ["support", "oppose", "not_addressed"]
    book = Codebook(
        labels=labels, questions=[Question(id="levy", text="Keep the levy?", short="Levy\x00 | x")]
    )
    art = Article(
        id="a1", text=ARTICLE, title="Title\r=1+2", published=published, url="https://example.org/a"
    )
    q = Quote(
        id=quote_id("a1", 0, 10),
        article_id="a1",
        start=0,
        end=10,
        text="“The levy”",
        kind="direct",
        speaker="Ann Kim",
        speaker_id="ann-kim",
        speaker_is_expert=True,
        organisation=org,
        stances={"levy": StancePrediction(label=labels[0], confidence=0.9)},
    )
    experts = [Expert(id="ann-kim", name="Ann Kim", is_expert=True, organisation=org)]
    cells = build_matrix([q], book, experts, articles={"a1": art})
    return MatrixData(
        cells=cells,
        quotes=[q],
        codebook=book,
        experts=experts,
        meta={"articles": [{"id": "a1", "title": art.title, "published": published}]},
    )


def test_markdown_escapes_dates_labels_and_pipes(tmp_path):
    from annotator.export import render

    md = render(
        _data(tmp_path, published="<img src=x onerror=alert(1)>", labels=["yes|<b>", "no", "not_addressed"]),
        "md",
    )
    assert "<img" not in md and "&lt;img src=x onerror=alert(1)&gt;" in md
    assert "\r" not in md  # a carriage return in a title does not start a line
    assert "<b>" not in md and "Yes\\|&lt;b&gt;" in md
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert len({line.count(" | ") - line.count("\\|") for line in table}) == 1  # every row has its columns


def test_csv_quotes_line_breaks_and_defuses_formulas(tmp_path):
    from annotator.export import render

    data = _data(tmp_path, org=" \r=HYPERLINK(1)")
    long_rows = list(csv.reader(io.StringIO(render(data, "csv"))))
    wide_rows = list(csv.reader(io.StringIO(render(data, "csv-wide"))))
    assert len(long_rows) == 2 and len(wide_rows) == 2  # one header, one row: no row made by a line break
    for row in long_rows[1:] + wide_rows[1:]:
        for value in row:
            assert not value.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")), value
    assert (
        "Title\n=1+2" in long_rows[1][long_rows[0].index("article_title")]
        or "'Title" in long_rows[1][long_rows[0].index("article_title")]
    )


def test_sqlite_takes_any_question_label(tmp_path):
    from annotator.export import export

    (path,) = export(_data(tmp_path), "sqlite", tmp_path / "m.db")
    with sqlite3.connect(path) as db:
        cols = [r[1] for r in db.execute("PRAGMA table_info(matrix_wide)")]
        assert any(c.startswith("Levy") and "\x00" not in c for c in cols)


# --- wrong output with no warning ------------------------------------------------------------


@pytest.mark.parametrize(
    "entries, message",
    [
        (
            "[{name: Ann Kim, id: ak}, {name: Tom Brisk, id: ak}]",
            "#1 (Ann Kim) and #2 (Tom Brisk) have the same id 'ak'",
        ),
        ("[{name: Ann Kim}, {name: ann kim, id: other}]", "#1 (Ann Kim) and #2 (ann kim) have the same name"),
    ],
)
def test_a_registry_with_one_person_twice_is_an_error(tmp_path, entries, message):
    reg = tmp_path / "experts.yaml"
    reg.write_text(entries)
    res = runner.invoke(
        app,
        _run_args(_corpus(tmp_path / "arts"), _book(tmp_path), tmp_path / "out", "--experts", str(reg)),
    )
    assert res.exit_code == 1 and message in res.output and "Traceback" not in res.output


def test_same_file_names_in_two_folders_are_two_articles(tmp_path):
    for day in ("2024-01-01", "2024-01-02"):
        (tmp_path / "arts" / day).mkdir(parents=True)
        (tmp_path / "arts" / day / "article.txt").write_text(ARTICLE, "utf-8")
    res = runner.invoke(app, ["quotes", str(tmp_path / "arts"), "-o", str(tmp_path / "q.jsonl"), "--quiet"])
    assert res.exit_code == 0, res.output
    ids = {json.loads(x)["article_id"] for x in (tmp_path / "q.jsonl").read_text().splitlines()}
    assert ids == {"2024-01-01/article", "2024-01-02/article"}


def test_an_unreadable_folder_is_reported_with_exit_3(shared_tmp):
    arts = _corpus(shared_tmp / "arts")
    locked = arts / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE)
    locked.chmod(0o000)
    try:
        res = as_other_user(["quotes", "arts", "-o", "q.jsonl"], shared_tmp)
    finally:
        locked.chmod(0o755)
    assert res.returncode == 3, res.stderr
    assert "locked: cannot read this folder" in res.stderr


def test_every_reviewer_label_is_kept_and_the_split_shown(tmp_path):
    out = tmp_path / "out"
    args = _run_args(_corpus(tmp_path / "arts"), _book(tmp_path), out, "--quiet")
    assert runner.invoke(app, args).exit_code == 0
    q = json.loads((out / "quotes.jsonl").read_text().splitlines()[0])
    labels = tmp_path / "reviewed.jsonl"
    labels.write_text(
        "".join(
            json.dumps(
                {
                    "quote_id": q["id"],
                    "article_id": q["article_id"],
                    "start": q["start"],
                    "end": q["end"],
                    "question": "levy",
                    "label": lab,
                    "annotator": who,
                }
            )
            + "\n"
            for who, lab in (("rev-a", "support"), ("rev-b", "oppose"))
        )
    )
    res = runner.invoke(app, args + ["--labels", str(labels)])
    assert res.exit_code == 0, res.output
    cells = [json.loads(x) for x in (out / "matrix.jsonl").read_text().splitlines()]
    (ev,) = [e for c in cells for e in c["evidence"] if e["quote_id"] == q["id"]]
    assert ev["reviews"] == {"rev-a": "support", "rev-b": "oppose"} and ev["disputed"]
    html = (out / "matrix.html").read_text()
    assert '"reviews":{"rev-a":"support","rev-b":"oppose"}' in html
    assert "rev-a support, rev-b oppose" in (out / "matrix.md").read_text()


# --- messages and exit codes -------------------------------------------------------------------


def test_an_out_folder_that_cannot_be_made_is_one_error_line(shared_tmp):
    _corpus(shared_tmp / "arts")
    _book(shared_tmp)
    blocked = shared_tmp / "blocked"
    blocked.mkdir()
    blocked.chmod(0o755)  # root's: the other user cannot write in it
    res = as_other_user(
        ["run", "arts", "--codebook", "codebook.yaml", "--out", "blocked/out", "--engine", "fast"], shared_tmp
    )
    assert res.returncode == 1, res.stderr
    assert res.stderr.startswith("Error: blocked/out") and "Traceback" not in res.stderr
    res = as_other_user(["quotes", "arts", "-o", "blocked/q.jsonl"], shared_tmp)
    assert (
        res.returncode == 1
        and "Error: " in res.stderr
        and "blocked" in res.stderr
        and "internal" not in res.stderr
    )


@pytest.mark.parametrize("option", ["--codebook", "--experts", "--labels"])
def test_files_that_exist_but_cannot_be_read_exit_1(shared_tmp, option):
    _corpus(shared_tmp / "arts")
    _book(shared_tmp)
    secret = shared_tmp / "secret.yaml"
    secret.write_text(CODEBOOK)
    secret.chmod(0o000)
    args = ["run", "arts", "--out", "out", "--engine", "fast", option, "secret.yaml"]
    if option != "--codebook":
        args += ["--codebook", "codebook.yaml"]
    res = as_other_user(args, shared_tmp)
    assert res.returncode == 1, res.stderr
    assert res.stderr.startswith("Error: ") and "secret.yaml" in res.stderr and "Usage:" not in res.stderr


def test_reviewed_labels_that_match_nothing_are_one_warning_each_and_exit_3(tmp_path):
    labels = tmp_path / "reviewed.jsonl"
    labels.write_text(
        "".join(
            json.dumps({"quote_id": f"q_{i}", "question": "levy", "label": "support", "annotator": "rev-a"})
            + "\n"
            for i in range(2)
        )
    )
    res = runner.invoke(
        app,
        _run_args(_corpus(tmp_path / "arts"), _book(tmp_path), tmp_path / "out", "--labels", str(labels)),
    )
    assert res.exit_code == 3, res.output
    warnings = [line for line in res.output.splitlines() if "matches no quote of this run" in line]
    assert [w.split(": ")[1] for w in warnings] == [f"{labels}:1", f"{labels}:2"]


def test_no_input_at_all_is_an_error_and_writes_nothing(tmp_path):
    res = runner.invoke(app, ["quotes", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "q.jsonl")])
    assert res.exit_code == 1 and "Error: no article could be read" in res.output
    assert not (tmp_path / "q.jsonl").exists()


def test_export_into_a_new_folder(tmp_path):
    out = tmp_path / "out"
    runner.invoke(
        app,
        _run_args(_corpus(tmp_path / "arts"), _book(tmp_path), out, "--quiet"),
    )
    for fmt in ("md", "html", "csv"):
        res = runner.invoke(app, ["export", str(out), "--format", fmt, "-o", str(tmp_path / "newdir") + "/"])
        assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "newdir").iterdir()) == [
        "matrix.csv",
        "matrix.html",
        "matrix.md",
        "matrix_wide.csv",
    ]


def test_push_reads_only_articles_from_a_folder(tmp_path):
    out = tmp_path / "out"
    arts = _corpus(tmp_path / "arts")
    runner.invoke(
        app,
        _run_args(arts, _book(tmp_path), out, "--quiet"),
    )
    (arts / "gold").mkdir()
    (arts / "gold" / "quotes.jsonl").write_text('{"not": "an article"}\n')
    res = runner.invoke(
        app,
        [
            "studio",
            "push",
            str(out / "quotes.jsonl"),
            "-c",
            str(tmp_path / "codebook.yaml"),
            "--articles",
            str(arts),
            "--to-file",
            str(tmp_path / "tasks.json"),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "skipped" not in res.output


def test_a_key_in_the_url_is_never_shown(tmp_path):
    res = runner.invoke(
        app,
        [
            "studio",
            "pull",
            "--url",
            "http://reviewer:s3cretkey@127.0.0.1:9/x?token=abc123",
            "--project",
            "p",
            "--api-key",
            "k",
            "-o",
            str(tmp_path / "r.jsonl"),
        ],
    )
    assert res.exit_code == 1
    assert "s3cretkey" not in res.output and "abc123" not in res.output and "***" in res.output


def test_agreement_takes_labels_from_another_tool(tmp_path):
    labels = tmp_path / "labels.jsonl"
    rows = [("q1", "a", "support"), ("q1", "b", "support"), ("q2", "a", "oppose"), ("q2", "b", "support")]
    labels.write_text(
        "".join(
            json.dumps({"quote_id": q, "question": "levy", "label": lab, "annotator": who}) + "\n"
            for q, who, lab in rows
        )
    )
    res = runner.invoke(app, ["agreement", str(labels), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["questions"]["levy"]["items"] == 2
    res = runner.invoke(app, ["disagreements", str(labels), "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.output.splitlines()[0])["quote_id"] == "q2"


def test_the_cli_starts_without_the_heavy_libraries():
    code = (
        "import sys, annotator.cli; heavy = [m for m in ('sklearn', 'scipy', 'label_studio_sdk', 'onnxruntime', "
        "'tokenizers', 'numpy') if m in sys.modules]; print(','.join(heavy))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and res.stdout.strip() == ""
