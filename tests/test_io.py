import json
import os
import stat

import pytest

from annotator.errors import InputError
from annotator.io import Reporter, atomic_write, iter_jsonl, write_jsonl


def test_atomic_write_leaves_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_write(target) as f:
        f.write("half")
        raise RuntimeError("killed")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary left


def test_atomic_write_gives_shareable_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_jsonl(tmp_path / "a.jsonl", [{"x": 1}])
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "a.jsonl").stat().st_mode)
    assert mode == 0o644


def test_iter_jsonl_reports_bad_lines_and_goes_on(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": 1}\nnot json\n[1, 2]\n\n{"id": 2}\n')
    rep = Reporter(quiet=True)
    rows = list(iter_jsonl(p, rep))
    assert [n for n, _ in rows] == [1, 5]
    assert len(rep.skipped) == 2 and "c.jsonl:2" in rep.skipped[0] and "c.jsonl:3" in rep.skipped[1]


def test_iter_jsonl_without_reporter_raises_with_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": 1}\n{oops\n')
    with pytest.raises(InputError, match=r"c\.jsonl:2"):
        list(iter_jsonl(p))


def test_write_jsonl_round_trip(tmp_path):
    rows = [{"a": "é", "b": [1, 2]}, {"a": None}]
    assert write_jsonl(tmp_path / "r.jsonl", rows) == 2
    assert [json.loads(x) for x in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()] == rows
