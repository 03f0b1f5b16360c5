"""`annotator run --dask` on a real LocalCluster (worker processes): the run folder is byte for
byte the one-process run's, with the neural engine and the fast one; finished blocks are not
computed again; a worker killed mid-run costs only its blocks; without an out folder the
results come back through Dask; bad addresses are one clear line."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from dask import distributed
from typer.testing import CliRunner

from annotator.bench.run import synthetic_corpus
from annotator.cli import app
from annotator.run import run
from annotator.run.dask import DASK_DIR
from tests import newsroom
from tests.conftest import local_cluster

runner = CliRunner()


@pytest.fixture(scope="module")
def client(dask_client):
    return dask_client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Invented news-like articles, with a bad line and a duplicate id in another block."""
    recs = list(synthetic_corpus(36, seed=7))
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    lines.insert(5, "{not json")
    lines.insert(30, json.dumps(recs[3]))
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def codebook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("codebook") / "codebook.yaml"
    path.write_text(
        "title: A city's plans\nquestions:\n"
        + "".join(f"  - id: {qid}\n    text: {text!r}\n" for qid, text, _ in newsroom.QUESTIONS),
        encoding="utf-8",
    )
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")
    }


def _parts(out: Path) -> list[Path]:
    [folder] = [d for d in (out / ".work").iterdir() if d.name.startswith(DASK_DIR)]
    return sorted(folder.glob("block-*.jsonl"))


@pytest.fixture(scope="module")
def one_process(corpus, codebook, tmp_path_factory):
    outs = {}
    for engine in ("fast", "neural"):
        out = tmp_path_factory.mktemp(f"one-{engine}") / "out"
        res = runner.invoke(
            app,
            ["run", str(corpus), "-c", str(codebook), "--engine", engine, "-j", "1", "--out", str(out), "-q"],
        )
        assert res.exit_code == 3, res.output  # the bad line and the duplicate: reported, skipped
        outs[engine] = out
    return outs


@pytest.mark.parametrize("engine", ["fast", "neural"])
def test_the_run_folder_is_the_one_process_run_byte_for_byte(
    engine, client, corpus, codebook, one_process, tmp_path
):
    out = tmp_path / "out"
    run([corpus], codebook=codebook, engine=engine, out=out, dask=client)
    assert _files(out) == _files(one_process[engine])
    assert len(_parts(out)) >= 1


def test_cli_local_cluster_gives_the_same_files(corpus, codebook, one_process, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(
        app,
        ["run", str(corpus), "-c", str(codebook), "--engine", "fast", "--dask", "local:2", "--out", str(out)],
    )
    assert res.exit_code == 3, res.output
    assert "duplicate article id" in res.output and "corpus.jsonl:6" in res.output  # as on one machine
    assert _files(out) == _files(one_process["fast"])


def test_finished_blocks_are_not_computed_again(client, corpus, codebook, one_process, tmp_path, monkeypatch):
    from annotator.run import blocks

    monkeypatch.setattr("annotator.run.dask.DEFAULT_BLOCK_ARTICLES", 8)
    out = tmp_path / "out"
    run([corpus], codebook=codebook, engine="fast", out=out, dask=client)
    parts = _parts(out)
    assert len(parts) == 5  # 38 lines, 8 a block
    stamps = {p.name: p.stat().st_mtime_ns for p in parts}
    lost = parts[2]
    lost.unlink()
    lost.with_suffix(".done.json").unlink()
    time.sleep(0.05)
    run([corpus], codebook=codebook, engine="fast", out=out, dask=client)
    again = {p.name: p.stat().st_mtime_ns for p in _parts(out)}
    assert again.keys() == stamps.keys()
    assert [n for n in again if again[n] != stamps[n]] == [lost.name]  # only the lost block, computed again
    assert _files(out) == _files(one_process["fast"])
    assert blocks.DEFAULT_BLOCK_LINES  # the planner's own default is untouched


def test_a_worker_killed_mid_run_costs_only_its_blocks(corpus, codebook, one_process, tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.run.dask.DEFAULT_BLOCK_ARTICLES", 2)
    cluster = local_cluster()  # its own: one of its workers is killed
    c = distributed.Client(cluster)
    out = tmp_path / "out"
    errors: list[BaseException] = []

    def go() -> None:
        try:
            run([corpus], codebook=codebook, engine="neural", out=out, dask=c)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            errors.append(e)

    try:
        t = threading.Thread(target=go)
        t.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (out / ".work").exists():
            time.sleep(0.05)
        while time.monotonic() < deadline and not list(
            (out / ".work").glob(f"{DASK_DIR}*/block-*.done.json")
        ):
            time.sleep(0.05)
        pids = c.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)  # a worker process dies in the middle of the run
        t.join(300)
        assert not t.is_alive() and not errors, errors
        assert victim not in c.run(os.getpid).values()  # it is gone; the nanny started another
    finally:
        c.close()
        cluster.close()
    assert _files(out) == _files(one_process["neural"])


def test_without_an_out_folder_the_results_come_back_through_dask(client, corpus, codebook, one_process):
    from annotator.io import Reporter

    res = run([corpus], codebook=codebook, engine="fast", dask=client, reporter=Reporter(quiet=True))
    lines = (one_process["fast"] / "matrix.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(c.model_dump_json()) for c in res.cells] == [json.loads(x) for x in lines]
    assert res.n_articles == 36


@pytest.mark.parametrize(
    "spec, message",
    [
        ("local:0", "give local:N"),
        ("local:x", "give local:N"),
        ("tcp://127.0.0.1:9", "no Dask scheduler answers"),
    ],
)
def test_bad_dask_addresses_are_one_clear_line(spec, message, corpus, codebook, tmp_path):
    res = runner.invoke(
        app, ["run", str(corpus), "-c", str(codebook), "--dask", spec, "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 1, res.output
    assert message in res.output and "Traceback" not in res.output
