"""`annotator bench run`: throughput and peak memory of quotes, stance and the whole run,
on 1 and N processes, for corpora of 1,000 and 10,000 articles.

    annotator bench run --articles 1000,10000 --jobs 1,2
    annotator bench run --corpus corpus.jsonl --jobs 1,2

Without `--corpus`, a synthetic news-like corpus is generated (template sentences with
invented names, roles, reporting verbs and quotes of every kind; about 4,500 characters an
article). Each (stage, size, jobs) configuration runs in a fresh Python process, so the peak
memory reported is that configuration's: the parent's peak RSS (VmHWM) and the largest
worker's (`getrusage(RUSAGE_CHILDREN)`; it counts the pages a forked worker shares with the
parent, so it overstates what a worker adds).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

STAGES = ("quotes", "stance", "run")

FIRST = [
    "Amara",
    "Bastian",
    "Corinne",
    "Dmitri",
    "Elspeth",
    "Farid",
    "Greta",
    "Hollis",
    "Ines",
    "Jules",
    "Kasimir",
    "Leonie",
    "Matthias",
    "Noor",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosalind",
    "Soren",
    "Tamsin",
    "Ulrich",
    "Vesna",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zelda",
]
LAST = [
    "Abernethy",
    "Brankovic",
    "Castellano",
    "Dunleavy",
    "Eriksen",
    "Fairweather",
    "Grunwald",
    "Halvorsen",
    "Iwasaki",
    "Jovanovic",
    "Kettering",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Okonkwo",
    "Pellegrini",
    "Quarshie",
    "Rasmussen",
    "Santangelo",
    "Thorvald",
    "Underhill",
    "Valdivia",
    "Whitcombe",
    "Yablonsky",
]
ROLES = [
    "a senior fellow at the Institute for Regional Studies",
    "a professor of economics at Northvale University",
    "a former ambassador to the region",
    "an analyst at Harbourline Capital",
    "a spokesperson for the ministry",
    "a lecturer in international law at Eastmere College",
    "the mayor of Ridgeport",
    "a researcher at the Centre for Energy Policy",
    "a retired general",
    "an adviser to the transport committee",
]
TOPICS = [
    "the new tariff plan",
    "the proposed carbon levy",
    "the river dam project",
    "the rail strike settlement",
    "the housing subsidy",
    "the border agreement",
    "the ceasefire proposal",
    "the pension reform",
    "the public broadband rollout",
    "the defence spending increase",
]
OPINIONS = [
    "is a mistake that will cost families dearly",
    "is the best chance we have had in a decade",
    "should be delayed until the evidence is in",
    "will not survive its first winter",
    "deserves support from every party",
    "is risky, but the alternative is worse",
    "has been badly explained to the public",
    "could work if the funding holds",
]
VERBS = ["said", "told reporters", "argued", "warned", "added", "noted", "insisted", "wrote"]
NARRATIVE = [
    "The debate has dominated the week in parliament, where members traded figures late into the night.",
    "Officials released a forty-page summary on Tuesday, but several annexes remain confidential.",
    "Markets reacted calmly, with the main index closing slightly higher after a volatile morning.",
    "Local councils have asked for more time to assess what the changes would mean for their budgets.",
    "Opinion polls suggest the public remains divided, with a large share still undecided.",
    "The committee is expected to publish its recommendations before the end of the month.",
    "Critics point to a similar scheme abroad that was quietly abandoned after two years.",
    "Supporters say the timetable is tight but achievable if the first phase starts in spring.",
]


@dataclass
class _Person:
    name: str
    role: str
    pronoun: str


def _article(rng: random.Random, i: int, target_chars: int = 4500) -> dict:
    topic = rng.choice(TOPICS)
    people = [
        _Person(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES), rng.choice(["he", "she"]))
        for _ in range(rng.randint(2, 4))
    ]
    parts = [f"Debate grows over {topic}", f"The government defended {topic} on Monday as opposition grew."]
    named: set[str] = set()
    while sum(len(p) + 1 for p in parts) < target_chars:
        p = rng.choice(people)
        surname = p.name.split()[-1]
        ref = surname if p.name in named else f"{p.name}, {p.role},"
        ref_end = surname if p.name in named else f"{p.name}, {p.role}"
        opinion, verb = rng.choice(OPINIONS), rng.choice(VERBS)
        form = rng.randrange(12)
        if form >= 6:
            parts.append(rng.choice(NARRATIVE))
            continue
        if form == 0:
            s = f"“{topic[0].upper()}{topic[1:]} {opinion},” {ref} {verb}."
            s = s.replace(",,", ",")
        elif form == 1:
            s = f"{ref_end} {verb} that {topic} {opinion}."
        elif form == 2:
            s = f'"We cannot pretend {topic} is simple," {ref} {verb}. "It {opinion}."'
            s = s.replace(",,", ",")
        elif form == 3:
            s = f"According to {ref_end}, {topic} {opinion}."
        elif form == 4 and p.name in named:
            s = f"“People are tired of waiting,” {p.pronoun} {verb}."
        elif form == 5:
            s = f"{ref_end} {verb}: “The question is not whether {topic} {opinion}, but who pays.”"
        else:
            s = f"{ref_end} {verb} that {topic} {opinion}."
        named.add(p.name)
        parts.append(s)
    return {
        "id": f"bench-{i:06d}",
        "title": parts[0],
        "text": "\n".join(parts),
        "published": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "outlet": "The Synthetic Ledger",
    }


def synthetic_corpus(n: int, seed: int = 0) -> Iterator[dict]:
    """`n` news-like article records ({"id", "title", "text", "published", "outlet"})."""
    rng = random.Random(seed)
    for i in range(n):
        yield _article(rng, i)


def write_corpus(path: Path | str, n: int, seed: int = 0) -> Path:
    from annotator.io import atomic_write

    path = Path(path)
    with atomic_write(path) as f:
        for rec in synthetic_corpus(n, seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


# --- one configuration, in its own process --------------------------------------------

_SETUP_SECONDS = 0.0


@dataclass(frozen=True)
class _Timed:
    """Wraps a worker-state factory to time it (with 'fork' it runs once, in the parent)."""

    init: object

    def __call__(self):
        global _SETUP_SECONDS
        t0 = time.perf_counter()
        state = self.init()  # type: ignore[operator]
        _SETUP_SECONDS += time.perf_counter() - t0
        return state


@dataclass(frozen=True)
class StanceSetup:
    codebook: str | None = None
    model: str | None = None
    engine: str | None = None

    def __call__(self):
        from annotator import paths
        from annotator.stance.codebook import load_codebook
        from annotator.stance.engine import load_engine

        return load_codebook(Path(self.codebook) if self.codebook else paths.SEED_CODEBOOK), load_engine(
            self.engine, Path(self.model) if self.model else None
        )


def stance_for_quotes(quotes: list, state: tuple) -> list:
    """Stances for one article's quotes (the stance half of `annotator run`)."""
    from annotator.stance.predict import predict_quotes

    codebook, model = state
    return predict_quotes(quotes, codebook, model)


def _by_article(path: Path) -> Iterator[list]:
    from annotator.models import Quote

    group: list = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            q = Quote.model_validate_json(line)
            if group and group[0].article_id != q.article_id:
                yield group
                group = []
            group.append(q)
    if group:
        yield group


def _articles(corpus: Path, n: int, reporter):
    import itertools

    from annotator.ingest import iter_articles

    return itertools.islice(iter_articles([corpus], reporter), n)


def _first_articles(corpus: Path, n: int, work: Path) -> Path:
    """A JSONL file of the corpus's first `n` lines (the corpus itself when it has no more)."""
    out = work / f"first-{n}.jsonl"
    kept = 0
    with open(corpus, "rb") as src, open(out, "wb") as dst:
        for line in src:
            if kept >= n:
                return out
            dst.write(line)
            kept += 1
    out.unlink()
    return corpus


def _peak_rss_mb() -> float:
    """This process's peak RSS since it started (VmHWM: unlike ru_maxrss, it does not carry
    the peak of the process that spawned it over the exec)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # not Linux
        pass
    return 0.0


def run_configuration(
    stage: str,
    corpus: Path,
    n: int,
    jobs: int,
    work: Path,
    engine: str | None = None,
    dask: str | None = None,
) -> dict:
    """Time one stage on the first `n` articles of `corpus` with `jobs` processes (or, for
    the run stage, on the Dask cluster `dask`: an address or local:N)."""
    from annotator.io import Reporter, write_jsonl
    from annotator.parallel import map_ordered
    from annotator.run.article import quotes_for_article
    from annotator.run.context import QuotesSetup, RunSetup
    from annotator.run.link import link_across_articles

    rep = Reporter(quiet=True)
    work.mkdir(parents=True, exist_ok=True)
    count = {"articles": 0, "quotes": 0}

    def counted(pairs):
        for _, qs in pairs:
            count["articles"] += 1
            count["quotes"] += len(qs)
            yield from qs

    t0 = time.perf_counter()
    if stage == "quotes":
        from annotator.quotes.people import People

        pairs = map_ordered(
            quotes_for_article, _articles(corpus, n, rep), jobs, init=_Timed(QuotesSetup()), reporter=rep
        )
        write_jsonl(
            work / f"quotes-{n}.jsonl", link_across_articles(counted(pairs), People()), exclude_none=False
        )
    elif stage == "stance":
        source = work / f"quotes-{n}.jsonl"
        if not source.exists():
            raise SystemExit(f"{source}: run the quotes stage first")
        t0 = time.perf_counter()
        pairs = map_ordered(
            stance_for_quotes,
            _by_article(source),
            jobs,
            init=_Timed(StanceSetup(engine=engine)),
            reporter=rep,
            describe=lambda g: g[0].article_id,
        )
        for _ in counted(pairs):
            pass
    elif stage == "run" and dask:  # the same run with the per-article work on Dask
        import shutil

        from annotator import paths
        from annotator.run.pipeline import run

        out = work / f"run-{n}-dask"
        shutil.rmtree(out, ignore_errors=True)
        first = _first_articles(corpus, n, work)
        t0 = time.perf_counter()  # the cluster's start-up is counted: it is part of the run
        result = run([first], codebook=paths.SEED_CODEBOOK, engine=engine, out=out, reporter=rep, dask=dask)
        count["articles"], count["quotes"] = result.n_articles, result.n_quotes
    elif stage == "run":  # what `annotator run` does, streamed into a run folder
        import shutil

        from annotator.run.folder import RunFolder
        from annotator.run.pipeline import execute

        out = work / f"run-{n}-{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        ctx = _Timed(RunSetup(engine=engine))()  # once, in the parent: it aggregates with it too
        with RunFolder(out) as folder:
            result = execute(_articles(corpus, n, rep), ctx, (), rep, folder, jobs)
        count["articles"], count["quotes"] = result.n_articles, result.n_quotes
    else:
        raise SystemExit(f"unknown stage {stage}")
    seconds = time.perf_counter() - t0
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    self_mb, child_mb = _peak_rss_mb() or me.ru_maxrss / 1024, kids.ru_maxrss / 1024
    return {
        "stage": stage,
        "n": n,
        "jobs": jobs,
        "dask": dask,
        "articles": count["articles"],
        "quotes": count["quotes"],
        "seconds": round(seconds, 3),
        "setup_seconds": round(_SETUP_SECONDS, 3),
        "articles_per_s": round(count["articles"] / seconds, 1) if seconds else 0.0,
        "peak_rss_mb": round(self_mb, 1),
        "peak_worker_rss_mb": round(child_mb, 1),
        "cpu_parent_s": round(me.ru_utime + me.ru_stime, 2),
        "cpu_workers_s": round(kids.ru_utime + kids.ru_stime, 2),
        "skipped": len(rep.skipped),
        "first_skip": rep.skipped[0] if rep.skipped else None,
    }


if (
    __name__ == "__main__"
):  # one configuration: python -m annotator.bench.run STAGE CORPUS N JOBS WORK [ENGINE]
    _stage, _corpus, _n, _jobs, _work = sys.argv[1:6]
    _engine = (sys.argv[6] if len(sys.argv) > 6 else "") or None
    _dask = (sys.argv[7] if len(sys.argv) > 7 else "") or None
    print(
        json.dumps(run_configuration(_stage, Path(_corpus), int(_n), int(_jobs), Path(_work), _engine, _dask))
    )


# --- the driver: every configuration in a fresh process ----------------------------------


@dataclass
class Figure:
    stage: str
    articles: int
    jobs: int
    seconds: float
    articles_per_s: float
    peak_rss_mb: float
    peak_worker_rss_mb: float
    quotes: int = 0
    setup_seconds: float = 0.0
    skipped: int = 0
    error: str | None = None
    dask: str | None = None


def _stance_available() -> bool:
    try:
        import annotator.stance.predict  # noqa: F401
    except ImportError:
        return False
    return True


def bench_run(
    sizes: Sequence[int] = (1000, 10000),
    jobs: Sequence[int] = (1, 2),
    corpus: Path | None = None,
    stages: Sequence[str] = STAGES,
    work: Path | None = None,
    echo=print,
    engine: str | None = None,
    dask: str | None = None,
) -> list[Figure]:
    """Run every (size, stage, jobs) configuration in its own process and return the figures.
    The synthetic corpus (or the first `size` articles of `corpus`) is read from a JSONL file."""
    from annotator.errors import InputError

    for s in stages:
        if s not in STAGES:
            raise InputError(f"unknown stage '{s}'; choose from {', '.join(STAGES)}")
    if "stance" in stages and not _stance_available():
        echo("stance: annotator.stance is not importable; stage left out")
        stages = [s for s in stages if s != "stance"]
    if corpus is not None and not Path(corpus).is_file():
        raise InputError(f'{corpus}: no such corpus file; give a JSONL file with one {{"id", "text"}} a line')
    tmp = tempfile.TemporaryDirectory(prefix="annotator-bench-") if work is None else None
    root = Path(tmp.name if tmp else work)  # type: ignore[arg-type]
    figures: list[Figure] = []
    try:
        for n in sizes:
            path = Path(corpus) if corpus else write_corpus(root / f"corpus-{n}.jsonl", n)
            ordered = [s for s in STAGES if s in stages]
            if "stance" in ordered and "quotes" not in ordered:
                ordered.insert(0, "quotes")  # stance times the quotes the quotes stage writes
            for stage in ordered:
                for j in jobs:
                    if stage == "quotes" and "quotes" not in stages and j != jobs[0]:
                        continue
                    fig = _one(stage, path, n, j, root / f"work-{n}", engine)
                    if stage in stages:
                        figures.append(fig)
                        echo(_line(fig))
                if stage == "run" and dask:
                    fig = _one(stage, path, n, 0, root / f"work-{n}", engine, dask)
                    figures.append(fig)
                    echo(_line(fig))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return figures


def _one(
    stage: str,
    corpus: Path,
    n: int,
    jobs: int,
    work: Path,
    engine: str | None = None,
    dask: str | None = None,
) -> Figure:
    proc = subprocess.run(
        [sys.executable, "-m", "annotator.bench.run", stage, str(corpus), str(n), str(jobs), str(work)]
        + [engine or "", dask or ""],
        capture_output=True,
        text=True,
    )
    try:
        d = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return Figure(stage, n, jobs, 0, 0, 0, 0, error=last, dask=dask)
    return Figure(
        stage,
        d["articles"],
        jobs,
        d["seconds"],
        d["articles_per_s"],
        d["peak_rss_mb"],
        d["peak_worker_rss_mb"],
        d["quotes"],
        d["setup_seconds"],
        d["skipped"],
        d.get("first_skip"),
        dask,
    )


HEADER = (
    f"{'stage':<7} {'articles':>8} {'jobs':>4} {'seconds':>8} {'art/s':>7} {'peak RSS MB':>11} "
    f"{'worker MB':>9} {'setup s':>7}"
)


def _line(f: Figure) -> str:
    jobs = f"dask {f.dask}" if f.dask else str(f.jobs)
    if f.error and not f.articles:
        return f"{f.stage:<7} {f.articles:>8} {jobs:>4}  failed: {f.error}"
    line = (
        f"{f.stage:<7} {f.articles:>8} {jobs:>4} {f.seconds:>8.2f} {f.articles_per_s:>7.1f} "
        f"{f.peak_rss_mb:>11.1f} {f.peak_worker_rss_mb:>9.1f} {f.setup_seconds:>7.2f}"
    )
    if f.skipped:
        line += f"  ({f.skipped} skipped: {f.error})"
    return line


def speedups(figures: Sequence[Figure]) -> list[str]:
    """'quotes 1000: 2 processes 1.85x faster than 1' lines."""
    out = []
    base = {(f.stage, f.articles): f for f in figures if f.jobs == 1 and not f.dask and f.articles_per_s}
    by_jobs = {(f.stage, f.articles, f.jobs): f for f in figures if not f.dask and f.articles_per_s}
    for f in figures:
        if f.dask and f.articles_per_s:
            n = int(f.dask.split(":")[1]) if f.dask.startswith("local:") and f.dask[6:].isdigit() else None
            same = by_jobs.get((f.stage, f.articles, n)) if n else None
            if same is not None:
                out.append(
                    f"{f.stage} {f.articles}: dask {f.dask} {f.articles_per_s / same.articles_per_s:.2f}x the "
                    f"speed of --jobs {n} (parent peak {f.peak_rss_mb:.0f} MB against {same.peak_rss_mb:.0f} MB)"
                )
            continue
        b = base.get((f.stage, f.articles))
        if b is not None and f.jobs != 1 and f.articles_per_s:
            out.append(
                f"{f.stage} {f.articles}: {f.jobs} processes {f.articles_per_s / b.articles_per_s:.2f}x "
                f"the speed of 1"
            )
    return out
