"""annotator.run.checkpoint: the checkpoint store, reruns, and a run killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from annotator.io import atomic_write
from annotator.models import Article
from annotator.run.article import quotes_for_article
from annotator.run.checkpoint import Checkpoint, article_key, resumable_map, run_fingerprint
from annotator.run.context import QuotesSetup
from annotator.run.folder import own_temporaries

ARTS = [
    Article(
        id=f"n{i}",
        text=f"“Rates will fall by {i} points,” Lena Hart, an analyst at Bayview Bank, said. "
        f"Hart added that the {i}th forecast was cautious.",
    )
    for i in range(12)
]


def test_rerun_uses_the_store_and_gives_the_same_quotes(tmp_path):
    fp = run_fingerprint("codebook-digest", "model-1")
    with Checkpoint(tmp_path, fp) as cp:
        first = list(resumable_map(quotes_for_article, ARTS, cp, 2, init=QuotesSetup()))
        assert len(cp) == len(ARTS)
    with Checkpoint(tmp_path, fp) as cp:
        calls = []

        def spy(article, registry):
            calls.append(article.id)
            return quotes_for_article(article, registry)

        again = list(resumable_map(spy, ARTS, cp, 1, init=QuotesSetup()))
    assert calls == []
    assert [(a.id, [q.model_dump_json() for q in qs]) for a, qs in again] == [
        (a.id, [q.model_dump_json() for q in qs]) for a, qs in first
    ]


def test_changed_article_or_settings_recomputed(tmp_path):
    fp = run_fingerprint("a")
    with Checkpoint(tmp_path, fp) as cp:
        list(resumable_map(quotes_for_article, ARTS[:3], cp, 1, init=QuotesSetup()))
    changed = ARTS[0].model_copy(update={"text": ARTS[0].text + " More."})
    with Checkpoint(tmp_path, fp) as cp:
        assert ARTS[1] in cp and changed not in cp
        assert article_key(changed) != article_key(ARTS[0])
    with Checkpoint(tmp_path, run_fingerprint("b")) as cp:  # other codebook: old store dropped
        assert len(cp) == 0
    assert [p.name for p in (tmp_path / ".work").iterdir()] == [run_fingerprint("b")]


def test_torn_last_line_is_ignored(tmp_path):
    fp = run_fingerprint("x")
    with Checkpoint(tmp_path, fp) as cp:
        list(resumable_map(quotes_for_article, ARTS[:4], cp, 1, init=QuotesSetup()))
    part = next((tmp_path / ".work" / fp).glob("part-*.jsonl"))
    data = part.read_bytes()
    part.write_bytes(data[: len(data) - 30])  # a kill in the middle of the 4th line
    with Checkpoint(tmp_path, fp) as cp:
        assert cp.torn_lines == 1 and len(cp) == 3 and ARTS[3] not in cp
        list(resumable_map(quotes_for_article, ARTS[:4], cp, 1, init=QuotesSetup()))
    with Checkpoint(tmp_path, fp) as cp:
        assert len(cp) == 4 and len(list((tmp_path / ".work" / fp).glob("part-*.jsonl"))) == 2


def test_fingerprint_hashes_file_content(tmp_path):
    reg = tmp_path / "experts.yaml"
    reg.write_text("- name: A B\n")
    before = run_fingerprint(reg)
    reg.write_text("- name: A C\n")
    assert run_fingerprint(reg) != before


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "quotes.jsonl"
    with pytest.raises(RuntimeError), atomic_write(target) as f:
        f.write("half")
        raise RuntimeError("killed")
    assert not target.exists() and list(tmp_path.iterdir()) == []
    (tmp_path / ".quotes.jsonl.abc12345.tmp").write_text("left by a SIGKILL")
    (tmp_path / ".notes.tmp").write_text("a user's file")
    assert [p.name for p in own_temporaries(tmp_path)] == [".quotes.jsonl.abc12345.tmp"]


SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from annotator.io import write_jsonl
    from annotator.models import Article
    from annotator.run.article import quotes_for_article
    from annotator.run.checkpoint import Checkpoint, resumable_map, run_fingerprint
    from annotator.run.context import QuotesSetup
    from annotator.run.folder import own_temporaries

    def slow(article, registry):
        time.sleep(float(sys.argv[2]))
        return quotes_for_article(article, registry)

    if __name__ == "__main__":
        out = Path(sys.argv[1])
        arts = [Article(id=f"k{i}", text=f"“Stocks will climb {i} percent,” Omar Reyes, a strategist at Pinecrest, "
                                         f"said. Reyes warned that “risks remain.”") for i in range(60)]
        for tmp in own_temporaries(out):
            tmp.unlink()
        quotes = []
        with Checkpoint(out, run_fingerprint("test")) as cp:
            for _, qs in resumable_map(slow, arts, cp, jobs=2, init=QuotesSetup(), chunksize=2):
                quotes.extend(qs)
        write_jsonl(out / "quotes.jsonl", quotes)
""")


def _run(script: Path, out: Path, delay: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(script), str(out), str(delay)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def test_killed_run_resumes_to_identical_bytes(tmp_path):
    script = tmp_path / "job.py"
    script.write_text(SCRIPT)
    whole = tmp_path / "whole"
    p = _run(script, whole, 0.0)
    assert p.wait(timeout=120) == 0, p.stderr.read().decode()

    out = tmp_path / "killed"
    p = _run(script, out, 0.05)
    deadline = time.time() + 60
    lines = 0
    while time.time() < deadline and lines < 12:
        time.sleep(0.05)
        lines = sum(f.read_bytes().count(b"\n") for f in (out / ".work").rglob("part-*.jsonl"))
    os.killpg(p.pid, signal.SIGKILL)  # the run and its workers, mid-way
    p.wait(timeout=30)
    assert 12 <= lines < 60
    assert not (out / "quotes.jsonl").exists()  # absent, never truncated

    p = _run(script, out, 0.0)
    assert p.wait(timeout=120) == 0, p.stderr.read().decode()
    assert (out / "quotes.jsonl").read_bytes() == (whole / "quotes.jsonl").read_bytes()
    stored = [
        json.loads(line)["article_id"]
        for f in sorted((out / ".work").rglob("part-*.jsonl"))
        for line in f.read_bytes().splitlines()
        if line.endswith(b"}")
    ]
    assert len(set(stored)) == 60
    assert not list(out.glob(".*.tmp"))


def test_fingerprint_covers_the_quote_and_stance_code(monkeypatch):
    from annotator.run import checkpoint

    files = checkpoint.code_files()
    names = {f.relative_to(files[0].parents[1]).as_posix() for f in files}
    assert {"quotes/extract.py", "stance/predict.py", "stance/neural/runtime.py"} <= names
    before = run_fingerprint("a")
    # another code (an upgrade, an edit) under the same version number: another fingerprint
    monkeypatch.setattr(checkpoint, "code_digest", lambda: "0" * 16)
    assert run_fingerprint("a") != before
