"""The whole run behind `annotator run`: articles -> quotes with stances -> matrix -> files.

    from annotator.run import run
    result = run(["articles/"], codebook="questions.yaml", out="out/")
    result.cells        # the matrix, one Cell per expert and question

One path, with or without an out folder; only where things go differs:

1. articles are read and annotated (`annotator.run.article`) over `jobs` processes, in input
   order; with an out folder, each finished article is kept in OUT/.work/ so a killed run
   resumes where it stopped (`annotator.run.checkpoint`);
2. the parent links speakers across articles (`annotator.run.link`) and streams every quote
   to OUT/quotes.jsonl (a temporary file until the end; without a folder, to a list), to the
   matrix builder and to the expert collector, which keep what grows with the corpus in a
   scratch store (a SQLite file in OUT; without a folder, in memory);
3. experts.jsonl, then the matrix one expert at a time (matrix.jsonl), then the exports, and
   run.json last: its presence says the folder is complete.

Outputs are written atomically and are byte-identical across reruns on the same inputs: no
wall-clock time is written anywhere (set SOURCE_DATE_EPOCH to stamp a `generated_at`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import paths
from annotator.errors import InputError
from annotator.experts import ExpertCollector
from annotator.export import write_all
from annotator.export.view import MatrixData, Summary
from annotator.ingest import iter_articles
from annotator.io import (
    Reporter,
    Streamed,
    json_chunks,
    publish,
    read_models,
    read_models_at,
    temporary_beside,
    to_json,
    write_chunks,
    write_jsonl,
)
from annotator.matrix import MatrixBuilder
from annotator.models import Article, Cell, Expert, Quote, ReviewedLabel
from annotator.parallel import map_ordered
from annotator.run.article import annotate_for_article
from annotator.run.checkpoint import Checkpoint, resumable_map, run_fingerprint
from annotator.run.context import Context, Given, load_context, worker_context
from annotator.run.folder import RUN_FILES, RUN_META, WORK_DIR, RunFolder
from annotator.run.link import link_across_articles
from annotator.scratch import Scratch


@dataclass
class RunResult:
    """What a run made. With an out folder the quotes and cells are in its files, not in
    memory: `cells` reads OUT/matrix.jsonl, `data` serves the exports from the files."""

    n_articles: int
    n_quotes: int
    experts: list[Expert]
    data: MatrixData
    quotes: list[Quote] = field(default_factory=list)  # the quotes, when the run had no out folder
    written: list[Path] = field(default_factory=list)

    @property
    def cells(self) -> list[Cell]:
        return list(self.data.iter_cells())


def read_reviewed(path: Path | None, reporter: Reporter) -> tuple[list[ReviewedLabel], list[str]]:
    """Reviewed labels (from `annotator studio pull`), empty (cancelled) ones dropped, and
    where each is (FILE:LINE)."""
    if path is None:
        return [], []
    if not Path(path).is_file():
        raise InputError(
            f"{path}: no such reviewed-labels file; give the JSONL written by `annotator studio pull`"
        )
    pairs = [
        (at, lab) for at, lab in read_models_at(path, ReviewedLabel, reporter) if lab.label or lab.speaker
    ]
    return [lab for _, lab in pairs], [at for at, _ in pairs]


class _Quotes:
    """Where a run's quotes go: OUT/quotes.jsonl through a temporary file (published when the
    run is done), or a list."""

    def __init__(self, folder: RunFolder | None):
        self.folder = folder
        self.kept: list[Quote] = []
        self.tmp: Path | None = None
        self.file = None

    def open(self) -> None:
        if self.folder is not None and self.file is None:
            self.tmp, self.file = temporary_beside(self.folder.path / "quotes.jsonl")

    def add(self, q: Quote) -> None:
        if self.folder is None:
            self.kept.append(q)
            return
        self.open()
        self.file.write(to_json(q, exclude_none=False) + "\n")

    def publish(self) -> None:
        if self.folder is None:
            return
        self.open()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        publish(self.tmp, self.folder.path / "quotes.jsonl")
        self.file = self.tmp = None

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)


def _annotated(
    articles: Iterable[Article],
    ctx: Context,
    reporter: Reporter,
    jobs: int | None,
    folder: RunFolder | None,
    experts: Path | None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """(article, quotes with stances) in input order over `jobs` processes, resumable in a folder."""
    init = Given(worker_context(ctx))
    if folder is None:
        yield from map_ordered(
            annotate_for_article,
            articles,
            jobs,
            init=init,
            reporter=reporter,
            describe=lambda a: a.source or a.id,
        )
        return
    fingerprint = run_fingerprint(
        ctx.codebook.digest, getattr(ctx.model, "version", None), Path(experts) if experts else None
    )
    with Checkpoint(folder.path, fingerprint) as checkpoint:
        yield from resumable_map(
            annotate_for_article, articles, checkpoint, jobs, init=init, reporter=reporter
        )


def _run_meta(
    ctx: Context, n_quotes: int, n_expert: int, reviewed: Sequence[ReviewedLabel], extra: dict
) -> dict:
    from annotator import __version__

    created = sorted(lab.created_at for lab in reviewed if lab.created_at)
    return {
        "title": ctx.codebook.title,
        "tool": f"expert-stance-annotator {__version__}",
        "codebook": ctx.codebook.model_dump(mode="json"),
        "codebook_version": ctx.codebook.version,
        "codebook_digest": ctx.codebook.digest,
        "model_version": getattr(ctx.model, "version", None),
        "articles": None,
        "quotes": n_quotes,
        "expert_quotes": n_expert,
        "reviewed_labels": len(reviewed),
        "reviewed_at": created[-1:],
        **extra,
    }


def execute(
    articles: Iterable[Article],
    ctx: Context,
    reviewed: Sequence[ReviewedLabel] = (),
    reporter: Reporter | None = None,
    folder: RunFolder | None = None,
    jobs: int | None = 1,
    experts: Path | None = None,
    rows: str = "experts",
    meta: dict | None = None,
    where: Sequence[str] | None = None,
    annotated: Iterable[tuple[Article, list[Quote]]] | None = None,
) -> RunResult:
    """Annotate the articles and make the matrix and its files (see the module doc).
    `annotated`: the articles with their quotes made elsewhere (a Dask cluster), in input
    order, instead of annotating `articles` here."""
    reporter = reporter or Reporter()
    store = Scratch.beside(folder.path) if folder is not None else Scratch()
    builder = MatrixBuilder(ctx.codebook, reviewed, scratch=store, rows=rows, where=where)
    collector = ExpertCollector(ctx.people, store)
    quotes = _Quotes(folder)
    read = 0

    def counted() -> Iterator[Article]:
        nonlocal read
        for art in articles:
            read += 1
            yield art

    def in_order() -> Iterator[Quote]:
        nonlocal read
        pairs = (
            annotated
            if annotated is not None
            else _annotated(counted(), ctx, reporter, jobs, folder, experts)
        )
        for art, found in pairs:
            if annotated is not None:
                read += 1
            store.article(art)
            yield from found

    try:
        n_expert = 0
        # each article was annotated with its own copy of the registry (so the output does not
        # depend on how articles were spread over processes); speakers are linked now
        for q in link_across_articles(in_order(), ctx.people):
            quotes.add(q)
            builder.add(q)
            collector.add(q)
            n_expert += q.speaker_is_expert
        if not store.count:
            if read:
                raise InputError(
                    f"none of the {read} article(s) read could be annotated (see the warnings above)"
                )
            raise InputError(
                "no article could be read from the inputs (see the warnings above); check the paths"
            )
        run_meta = _run_meta(ctx, builder.count, n_expert, reviewed, meta or {})
        result = _finish(store, builder, collector, quotes, run_meta, folder, reporter)
    except BaseException:
        quotes.discard()
        store.close()
        raise
    store.close()
    return result


def _finish(
    store: Scratch,
    builder: MatrixBuilder,
    collector: ExpertCollector,
    quotes: _Quotes,
    meta: dict,
    folder: RunFolder | None,
    reporter: Reporter,
) -> RunResult:
    """experts, the matrix one expert at a time, the exports, and run.json last."""
    experts = collector.experts(articles=False)
    summary = Summary(experts)

    def cells() -> Iterator[Cell]:
        for c in builder.iter_cells(experts, reporter=reporter):
            summary.add(c)
            yield c

    table = {k: v for k, v in meta.items() if k != "articles"}
    if folder is None:
        made = list(cells())
        articles = list(store.articles())
        data = MatrixData(
            codebook=builder.codebook,
            experts=experts,
            meta={**meta, "articles": articles},
            summary=summary,
            cell_source=lambda: iter(made),
            quotes=quotes.kept,
            article_source=lambda: iter(articles),
        )
        return RunResult(store.count, builder.count, collector.experts(), data, quotes=quotes.kept)
    out = folder.path
    quotes.publish()
    write_jsonl(out / "experts.jsonl", collector.iter_experts(), exclude_none=False)
    write_jsonl(out / "matrix.jsonl", cells(), exclude_none=False)
    data = MatrixData(
        codebook=builder.codebook,
        experts=experts,
        meta=table,
        summary=summary,
        cell_source=lambda: read_models(out / "matrix.jsonl", Cell),
        article_source=store.articles,
    )
    exports = write_all(data, out)
    write_chunks(out / RUN_META, json_chunks({**meta, "articles": Streamed(store.articles)}))
    data.article_source = lambda: json.loads((out / RUN_META).read_text("utf-8"))["articles"]
    written = (
        [out / n for n in ("quotes.jsonl", "matrix.jsonl", "experts.jsonl")] + exports + [out / RUN_META]
    )
    return RunResult(store.count, builder.count, experts, data, written=written)


def run(
    inputs: Sequence[Path | str] = (),
    *,
    codebook: Path | None = None,
    experts: Path | None = None,
    labels: Path | None = None,
    model: Path | None = None,
    engine: str | None = None,
    out: Path | None = None,
    reporter: Reporter | None = None,
    encoding: str | None = None,
    progress: bool = False,
    jobs: int | None = 1,
    rows: str = "experts",
    dask: Any = None,
) -> RunResult:
    """The whole pipeline. No inputs: the bundled seed article(s), with the seed codebook and
    expert registry unless others are given. Writes the run folder when `out` is given.
    `dask`: a dask.distributed `Client`, a scheduler address or "local:N": the per-article
    work runs on that cluster (`annotator.run.dask`), with the same results."""
    reporter = reporter or Reporter()
    seed = not inputs
    if seed:
        inputs = paths.seed_articles()
        experts = experts or (paths.SEED_EXPERTS if paths.SEED_EXPERTS.exists() else None)
    if codebook is None:
        if not paths.SEED_CODEBOOK.exists():
            raise InputError(
                "no --codebook given and the bundled seed codebook is missing; pass --codebook questions.yaml"
            )
        if not seed:
            reporter.warn(
                f"no --codebook given: using the bundled seed codebook ({paths.SEED_CODEBOOK.name}); "
                "pass --codebook with your own questions"
            )
        codebook = paths.SEED_CODEBOOK
    if out is not None and Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"{out}: exists and is not a folder; --out takes a folder for the run's files")
    ctx = load_context(codebook, experts, model, engine)
    reviewed, where = read_reviewed(labels, reporter)
    meta = {"inputs": ["(bundled seed)"] if seed else [str(p) for p in inputs]}

    def source(skip: Sequence[Path]) -> Iterable[Article]:
        articles: Iterable[Article] = iter_articles(inputs, reporter, encoding, skip=skip)
        if progress:
            from tqdm import tqdm

            articles = tqdm(
                articles, unit=" articles", file=sys.stderr, disable=None, mininterval=0.5, leave=False
            )
        return articles

    if dask is not None:
        return _run_on_dask(
            dask,
            inputs,
            ctx,
            reviewed,
            reporter,
            out,
            experts,
            model,
            engine,
            encoding,
            progress,
            rows,
            meta,
            where,
        )
    if out is None:
        return execute(source(()), ctx, reviewed, reporter, None, jobs, experts, rows, meta, where)
    with RunFolder(out) as folder:
        try:
            return execute(
                source([folder.path]), ctx, reviewed, reporter, folder, jobs, experts, rows, meta, where
            )
        except InputError:
            folder.remove_if_empty()  # nothing could be annotated: no empty folder left behind
            raise


def _run_on_dask(
    dask: Any,
    inputs: Sequence[Path | str],
    ctx: Context,
    reviewed: Sequence[ReviewedLabel],
    reporter: Reporter,
    out: Path | None,
    experts: Path | None,
    model: Path | None,
    engine: str | None,
    encoding: str | None,
    progress: bool,
    rows: str,
    meta: dict,
    where: Sequence[str],
) -> RunResult:
    """`run` with the per-article work on a Dask cluster (see `annotator.run.dask`)."""
    import copy
    import hashlib
    import pickle

    from annotator.run.dask import DaskSetup, connect, dask_annotated

    people = copy.deepcopy(ctx.people)  # the registry as loaded: what every article starts from
    model_path = str(Path(model).resolve()) if model else None
    key = hashlib.sha1(pickle.dumps((ctx.codebook.digest, engine, model_path, encoding, people))).hexdigest()
    setup = DaskSetup(ctx.codebook, people, engine, model_path, encoding, key)
    fingerprint = run_fingerprint(
        ctx.codebook.digest, getattr(ctx.model, "version", None), Path(experts) if experts else None
    )
    client, cluster = connect(dask)
    try:
        if out is None:
            pairs = dask_annotated(inputs, setup, client, reporter, progress=progress)
            return execute((), ctx, reviewed, reporter, None, 1, experts, rows, meta, where, annotated=pairs)
        with RunFolder(out) as folder:
            pairs = dask_annotated(
                inputs,
                setup,
                client,
                reporter,
                work=folder.path / WORK_DIR,
                fingerprint=fingerprint,
                skip=[folder.path],
                progress=progress,
            )
            try:
                return execute(
                    (), ctx, reviewed, reporter, folder, 1, experts, rows, meta, where, annotated=pairs
                )
            except InputError:
                folder.remove_if_empty()
                raise
    finally:
        if cluster is not None:
            client.close()
            cluster.close()


__all__ = ["RUN_FILES", "RunResult", "execute", "read_reviewed", "run"]
