"""annotator.parallel: order, streaming, per-item failures, state once per process."""

from __future__ import annotations

import io
import os

import pytest

from annotator.errors import InputError
from annotator.io import Reporter
from annotator.models import Article
from annotator.parallel import WorkerDied, map_ordered, resolve_jobs
from annotator.run.article import quotes_for_article
from annotator.run.context import QuotesSetup
from annotator.run.link import link_across_articles


def square(x: int) -> int:
    if x % 7 == 3:
        raise InputError(f"item {x} is bad")
    if x % 11 == 5:
        raise ZeroDivisionError("a bug")
    return x * x


def pid_and_state(x: int, state: dict) -> tuple[int, int]:
    return os.getpid(), id(state)


class CountingInit:
    def __call__(self) -> dict:
        return {"loaded_in": os.getpid()}


def die(x: int) -> int:
    if x == 5:
        os._exit(1)
    return x


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("chunksize", [1, 3, 50])
def test_order_and_failures(jobs, chunksize):
    stream = io.StringIO()
    rep = Reporter(stream=stream)
    got = list(
        map_ordered(
            square, range(40), jobs, chunksize=chunksize, reporter=rep, describe=lambda x: f"item#{x}"
        )
    )
    expected = [(x, x * x) for x in range(40) if x % 7 != 3 and x % 11 != 5]
    assert got == expected
    bad = [x for x in range(40) if x % 7 == 3 or x % 11 == 5]
    assert len(rep.skipped) == len(bad)
    assert rep.skipped[0] == "item#3: item 3 is bad"
    assert "item#5: could not be processed (ZeroDivisionError: a bug)" in rep.skipped
    assert "Traceback" not in stream.getvalue()


def test_state_loaded_once_per_process():
    got = list(map_ordered(pid_and_state, range(60), 2, init=CountingInit(), chunksize=2))
    by_pid: dict[int, set[int]] = {}
    for _, (pid, state_id) in got:
        by_pid.setdefault(pid, set()).add(state_id)
    assert all(len(ids) == 1 for ids in by_pid.values())
    assert os.getpid() not in by_pid


def test_jobs_one_runs_in_process():
    got = list(map_ordered(pid_and_state, range(5), 1, init=CountingInit()))
    assert {pid for _, (pid, _) in got} == {os.getpid()}


def test_input_read_lazily():
    """At most the window of chunks is read ahead: a 100,000-item input is not loaded up front."""
    read = []

    def items():
        for i in range(100_000):
            read.append(i)
            yield i

    it = map_ordered(abs, items(), 2, chunksize=10, window=4)
    first = next(it)
    assert first == (0, 0)
    assert len(read) <= 10 * 5
    it.close()


def test_lookup_skips_work():
    got = list(
        map_ordered(square, [1, 2, 3, 4], 2, chunksize=2, lookup=lambda x: -x if x in (1, 3) else None)
    )
    assert got == [(1, -1), (2, 4), (3, -3), (4, 16)]


def test_dead_worker_is_an_error_not_a_hang():
    with pytest.raises(WorkerDied, match="worker process died"):
        list(map_ordered(die, range(20), 2, chunksize=2))


def test_resolve_jobs():
    assert resolve_jobs(None) >= 1
    assert resolve_jobs(0) == resolve_jobs(None)
    assert resolve_jobs(3) == 3
    assert resolve_jobs(-100) == 1


ARTICLES = [
    Article(
        id="a1",
        text="“Prices will rise,” Dana Okafor, an economist at Lakeside Bank, said. "
        "Okafor added that wages would lag.",
    ),
    Article(id="a2", text="Okafor said the outlook was poor. “We are worried,” she told reporters."),
    Article(id="a3", text="“Nothing has changed,” a spokesperson for the council said."),
    Article(id="a4", text="Mira Lindgren, a professor of history, wrote that “the past repeats.”"),
]


def test_quotes_same_for_any_jobs():
    one = [q for _, qs in map_ordered(quotes_for_article, ARTICLES * 5, 1, init=QuotesSetup()) for q in qs]
    two = [
        q
        for _, qs in map_ordered(quotes_for_article, ARTICLES * 5, 2, init=QuotesSetup(), chunksize=1)
        for q in qs
    ]
    assert one and one == two


def test_link_across_articles_names_a_surname_from_an_earlier_article():
    from annotator.quotes.people import People

    per_article = [qs for _, qs in map_ordered(quotes_for_article, ARTICLES, 1, init=QuotesSetup())]
    a2 = [q for q in per_article[1] if q.speaker]
    assert a2 and a2[0].speaker == "Okafor"  # the article alone cannot name her
    people = People()
    linked = [list(link_across_articles(qs, people)) for qs in per_article]
    a2 = [q for q in linked[1] if q.speaker]
    assert a2[0].speaker == "Dana Okafor" and a2[0].speaker_id == "dana-okafor"
    assert a2[0].speaker_is_expert and a2[0].organisation == "Lakeside Bank"


INTERRUPT_SCRIPT = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from annotator.parallel import map_ordered

def slow(x):
    time.sleep(0.05)
    return x

if __name__ == "__main__":
    try:
        for i, _ in map_ordered(slow, range(100_000), jobs=2, chunksize=2):
            if i == 5:
                print("running", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
"""


def test_ctrl_c_stops_the_workers_promptly(tmp_path):
    import signal
    import subprocess
    import sys

    script = tmp_path / "job.py"
    script.write_text(INTERRUPT_SCRIPT)
    p = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert p.stdout.readline().strip() == "running"
    os.killpg(p.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole group
    try:
        out, _ = p.communicate(timeout=20)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert out.strip() == "interrupted"
    with pytest.raises(ProcessLookupError):
        os.killpg(p.pid, 0)  # no worker left behind


def test_run_work_same_for_any_jobs():
    """Quotes with stances (the per-article half of `annotator run`): 2 processes give what 1 gives."""
    from annotator.run.article import annotate_for_article
    from annotator.run.context import Given, RunSetup

    ctx = RunSetup()()
    one = [qs for _, qs in map_ordered(annotate_for_article, ARTICLES * 3, 1, init=Given(ctx))]
    two = [qs for _, qs in map_ordered(annotate_for_article, ARTICLES * 3, 2, init=Given(ctx), chunksize=1)]
    assert any(q.stances for qs in one for q in qs)
    assert [[q.model_dump_json() for q in qs] for qs in one] == [
        [q.model_dump_json() for q in qs] for qs in two
    ]
    assert ctx.people.experts() == RunSetup()().people.experts()  # the shared registry is never changed
