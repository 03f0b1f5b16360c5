"""`annotator bench studio`: push N synthetic quotes to a real Label Studio and pull them back.

Steps, each timed: build and check the tasks (LabelInterface on every prediction), push
(project, batches), push again (nothing new: the idempotency check over N task hashes),
annotate a sample of tasks through the API as a second user (one request per annotation,
as a reviewer's browser does; Label Studio takes ~0.1-0.3 s each here, so N of them would
time the server, not this code), and pull N reviewed tasks: the same N tasks imported once
more with one annotation each (so the export really holds N annotated tasks), then
`pull` (export, users, reviewed labels). Synthetic data only: no seed text.
"""

from __future__ import annotations

import os
import resource
import secrets
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from annotator.errors import StudioError
from annotator.io import Reporter
from annotator.models import Codebook, Question, Quote, StancePrediction
from annotator.studio.adapter import Studio
from annotator.studio.config import build_config, control_name
from annotator.studio.sync import pull, push
from annotator.studio.tasks import build_tasks

LABELS = ("support", "oppose", "mixed", "neutral", "not_addressed")
QUESTIONS = 7


def synthetic_codebook() -> Codebook:
    return Codebook(
        title="Benchmark codebook",
        version="bench",
        questions=[
            Question(id=f"question_{i}", text=f"Benchmark question number {i}?")
            for i in range(1, QUESTIONS + 1)
        ],
    )


def synthetic_quotes(n: int, codebook: Codebook) -> list[Quote]:
    """n quotes over n/20 articles, each with a stance on every question (deterministic)."""
    out = []
    for i in range(n):
        article = f"bench-article-{i // 20:05d}"
        start = (i % 20) * 400
        text = f"\u201cStatement number {i} by a speaker, long enough to look like a real quote in an article.\u201d"
        stances = {
            q.id: StancePrediction(
                label=LABELS[(i + j) % len(LABELS)],
                confidence=round(0.3 + ((i * 7 + j * 13) % 70) / 100, 2),
                model_version="bench-model",
            )
            for j, q in enumerate(codebook.questions)
        }
        out.append(
            Quote(
                id=f"bench-{i:06d}",
                article_id=article,
                start=start,
                end=start + len(text),
                text=text,
                kind="direct",
                speaker=f"Speaker {i % 50}",
                speaker_id=f"speaker-{i % 50}",
                speaker_is_expert=True,
                role="analyst",
                organisation="An Institute",
                context=f"The sentence before. {text} said Speaker {i % 50}.",
                stances=stances,
            )
        )
    return out


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024, 1)


@dataclass
class StudioBench:
    tasks: int
    batch_size: int
    url: str = ""
    server_start_s: float | None = None
    times: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    peak_mb: float = 0.0

    def lines(self) -> list[str]:
        n = self.tasks
        head = (
            f"Label Studio round trip: {n} tasks x {QUESTIONS} questions, batches of {self.batch_size}, "
            f"{os.cpu_count()} CPU(s), server {self.url}"
        )
        out = [head]
        if self.server_start_s is not None:
            out.append(f"  server start (fresh data dir, migrations): {self.server_start_s:8.1f} s")
        rows = [
            ("build + check tasks", "build", n, "tasks"),
            ("push (new project)", "push", n, "tasks"),
            ("push again (0 new)", "push_again", n, "tasks"),
            ("annotate via API (sample)", "annotate", self.counts.get("annotations", 0), "annotations"),
            ("import N reviewed tasks", "seed_reviewed", n, "tasks"),
            (f"pull ({n} annotated tasks)", "pull", self.counts.get("labels", 0), "labels"),
        ]
        for label, key, count, unit in rows:
            t = self.times.get(key)
            if t is None:
                continue
            rate = f"{count / t:10.0f} {unit}/s" if t > 0 else ""
            out.append(f"  {label:<30} {t:8.1f} s  {rate}")
        out.append(
            f"  imported {self.counts.get('imported', 0)}, second push imported "
            f"{self.counts.get('imported_again', 0)}, labels pulled {self.counts.get('labels', 0)}"
        )
        out.append(
            f"  push + pull: {self.times.get('push', 0) + self.times.get('pull', 0):.1f} s; "
            f"client peak RSS {self.peak_mb} MB"
        )
        return out


def _annotate_all(
    studio: Studio, task_ids: list[int], codebook: Codebook, user: int, workers: int = 2
) -> int:
    result = [
        {
            "from_name": control_name(q.id),
            "to_name": "quote",
            "type": "choices",
            "value": {"choices": ["support"]},
        }
        for q in codebook.questions
    ]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(1 for _ in pool.map(lambda tid: studio.annotate(tid, result, user_id=user), task_ids))


def _reviewed_tasks(tasks: list[dict], user: int) -> list[dict]:
    """The tasks with one annotation each (the model's proposal accepted), for the pull step."""
    out = []
    for t in tasks:
        pred = t["predictions"][0]
        out.append({**t, "annotations": [{"result": pred["result"], "completed_by": user, "lead_time": 3.0}]})
    return out


def bench_studio(
    n: int, url: str | None = None, api_key: str | None = None, batch_size: int = 500, annotate: int = 100
) -> StudioBench:
    """Run the round trip against `url` (with `api_key`), or a throw-away local server."""
    from annotator.studio.server import start_server

    server = None
    bench = StudioBench(n, batch_size)
    if url is None:
        server = start_server(timeout=600)
        url, api_key, bench.server_start_s = server.url, server.token, server.startup_seconds
    if not api_key:
        raise StudioError("no API key for --url: set LABEL_STUDIO_API_KEY or pass --api-key")
    bench.url = url
    try:
        codebook = synthetic_codebook()
        quotes = synthetic_quotes(n, codebook)
        reporter = Reporter()
        t = time.perf_counter()
        config = build_config(codebook)
        tasks = build_tasks(quotes, codebook, reporter=reporter, config=config)
        bench.times["build"] = time.perf_counter() - t
        studio = Studio(url, api_key)
        title = f"bench-{uuid.uuid4().hex[:8]}"
        t = time.perf_counter()
        first = push(
            quotes,
            codebook,
            url=url,
            api_key=api_key,
            project=title,
            batch_size=batch_size,
            reporter=reporter,
            studio=studio,
        )
        bench.times["push"] = time.perf_counter() - t
        t = time.perf_counter()
        again = push(
            quotes,
            codebook,
            url=url,
            api_key=api_key,
            project=title,
            batch_size=batch_size,
            reporter=reporter,
            studio=studio,
        )
        bench.times["push_again"] = time.perf_counter() - t
        bench.counts.update(imported=first.imported, imported_again=again.imported)
        user = studio.create_user(f"bench-{uuid.uuid4().hex[:6]}@example.org", secrets.token_urlsafe(12))
        if annotate:
            t = time.perf_counter()
            bench.counts["annotations"] = _annotate_all(studio, first.task_ids[:annotate], codebook, user)
            bench.times["annotate"] = time.perf_counter() - t
        reviewed = studio.create_project(f"{title}-reviewed", config, "bench-model")
        t = time.perf_counter()
        for i in range(0, len(tasks), batch_size):
            studio.import_tasks(reviewed.id, _reviewed_tasks(tasks[i : i + batch_size], user))
        bench.times["seed_reviewed"] = time.perf_counter() - t
        t = time.perf_counter()
        labels = pull(
            url=url,
            api_key=api_key,
            project=str(reviewed.id),
            codebook=codebook,
            reporter=reporter,
            studio=studio,
        )
        bench.times["pull"] = time.perf_counter() - t
        bench.counts["labels"] = len(labels)
        if server is None:
            studio.delete_project(first.project_id)
            studio.delete_project(reviewed.id)
    finally:
        if server is not None:
            server.stop()
    bench.peak_mb = peak_rss_mb()
    return bench
