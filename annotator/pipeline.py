"""The whole run behind `annotator run`: articles -> quotes with stances -> matrix -> files.

    from annotator.pipeline import run
    result = run(["articles/"], codebook="questions.yaml", out="out/")
    result.cells        # the matrix, one Cell per expert and question

Two halves, so a corpus streams and the per-article work can be spread over processes:

- `annotate_article(article, ctx)`: one article -> its quotes with stances (pure apart
  from `ctx.people`, which learns the speakers it meets; every article starts from the
  registry as loaded, `worker_context`).
- `stream_run(...)`: the articles' quotes, one article at a time (+ reviewed labels) ->
  speakers linked across articles, quotes spooled to OUT, experts and cells; then `write_run`.

Outputs are written atomically and are byte-identical across reruns on the same inputs: no
wall-clock time is written anywhere (set SOURCE_DATE_EPOCH to stamp a `generated_at`).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import paths
from annotator.errors import InputError
from annotator.export import MatrixData, write_all
from annotator.export.view import RUN_META, Summary
from annotator.ingest import iter_articles
from annotator.io import (
    Reporter,
    Streamed,
    json_chunks,
    publish,
    read_models,
    temporary_beside,
    to_json,
    write_chunks,
    write_jsonl,
)
from annotator.matrix import MatrixBuilder
from annotator.models import Article, Cell, Codebook, Expert, Quote, ReviewedLabel
from annotator.scratch import Scratch

if TYPE_CHECKING:
    from annotator.quotes import ExpertCollector

RUN_FILES = ("quotes.jsonl", "matrix.jsonl", "experts.jsonl", RUN_META, "matrix.csv", "matrix_wide.csv",
             "matrix.json", "matrix.md", "matrix.html")


@dataclass
class Context:
    """What annotating an article needs: the codebook, the stance model, the people met."""

    codebook: Codebook
    model: object
    people: object


@dataclass
class _Pending:
    """A streamed run between `stream_run` and `write_run`: what the matrix, the experts and
    the articles are made from, in the scratch store."""

    builder: MatrixBuilder
    collector: ExpertCollector
    scratch: Scratch
    meta: dict
    reporter: Reporter | None


@dataclass
class RunResult:
    """What a run made. With an out folder, the quotes and the cells are in the folder's
    files, not in memory: `cells` reads OUT/matrix.jsonl when asked, and `data` serves the
    exports from the files (`MatrixData.iter_cells`)."""

    quotes: list[Quote]
    experts: list[Expert]
    data: MatrixData
    n_articles: int = 0
    written: list[Path] = field(default_factory=list)
    n_quotes: int = 0  # all the run's quotes (`quotes` is empty when they were streamed to a file)
    spool: Path | None = None  # the streamed quotes, until `write_run` puts them in place
    pending: _Pending | None = None  # a streamed run's matrix, until `write_run` writes it

    @property
    def cells(self) -> list[Cell]:
        """The matrix, one Cell per expert and question (read from OUT/matrix.jsonl after a
        streamed run)."""
        return self.data.cells if self.data.cell_source is None else list(self.data.iter_cells())


def annotate_article(article: Article, ctx: Context) -> list[Quote]:
    """One article's quotes, attributed, each with a stance on every codebook question."""
    from annotator.quotes import find_quotes
    from annotator.stance.predict import predict_quotes

    quotes = find_quotes(article, ctx.people)  # type: ignore[arg-type]
    if not quotes:
        return []
    return predict_quotes(quotes, ctx.codebook, ctx.model, articles={article.id: article})


def _annotated(articles: Iterable[Article], ctx: Context, reporter: Reporter, jobs: int | None,
               out: Path | None, experts: Path | None) -> Iterator[tuple[Article, list[Quote]]]:
    """(article, quotes with stances) in input order over `jobs` processes. With an out
    folder, finished articles are kept in OUT/.work/ so a killed run resumes where it stopped."""
    from annotator.parallel import Given, annotate_for_article, map_ordered

    ctx = worker_context(ctx)
    if out is None:
        yield from map_ordered(annotate_for_article, articles, jobs, init=Given(ctx), reporter=reporter,
                               describe=lambda a: a.source or a.id)
        return
    from annotator.resume import Checkpoint, clean_temporaries, resumable_map, run_fingerprint

    clean_temporaries(out)
    fingerprint = run_fingerprint(ctx.codebook.digest, getattr(ctx.model, "version", None),
                                  Path(experts) if experts else None)
    with Checkpoint(out, fingerprint) as checkpoint:
        yield from resumable_map(annotate_for_article, articles, checkpoint, jobs, init=Given(ctx),
                                 reporter=reporter)


def worker_context(ctx: Context) -> Context:
    """The per-article side's context: the registry as loaded, apart from the run's, which
    learns every speaker as articles are linked. Each article starts from this snapshot on
    any number of processes (in one process too: copying the run's growing registry for
    every article made a one-process run quadratic)."""
    import copy
    import dataclasses

    return dataclasses.replace(ctx, people=copy.deepcopy(ctx.people))


def load_context(codebook: Path | None, experts: Path | None, model: Path | None) -> Context:
    from annotator.quotes.people import People
    from annotator.stance.codebook import load_codebook
    from annotator.stance.model import StanceModel

    book = load_codebook(codebook)
    people = People.load(experts) if experts else People()
    return Context(codebook=book, model=StanceModel.load(model), people=people)


def read_reviewed(path: Path | None, reporter: Reporter) -> list[ReviewedLabel]:
    """Reviewed labels (from `annotator studio pull`), empty (cancelled) ones dropped."""
    if path is None:
        return []
    if not Path(path).is_file():
        raise InputError(f"{path}: no such reviewed-labels file; give the JSONL written by `annotator studio pull`")
    return [lab for lab in read_models(path, ReviewedLabel, reporter) if lab.label or lab.speaker]


def _run_meta(ctx: Context, articles: object, n_quotes: int, n_expert: int,
              reviewed: Sequence[ReviewedLabel], meta: dict | None) -> dict:
    from annotator import __version__

    created = sorted(lab.created_at for lab in reviewed if lab.created_at)
    return {
        "title": ctx.codebook.title,
        "tool": f"expert-stance-annotator {__version__}",
        "codebook": ctx.codebook.model_dump(mode="json"),
        "codebook_version": ctx.codebook.version,
        "codebook_digest": ctx.codebook.digest,
        "model_version": getattr(ctx.model, "version", None),
        "articles": articles,
        "quotes": n_quotes,
        "expert_quotes": n_expert,
        "reviewed_labels": len(reviewed),
        "reviewed_at": created[-1:],
        **(meta or {}),
    }


def stream_run(annotated: Iterable[tuple[Article, list[Quote]]], ctx: Context,
               reviewed: Sequence[ReviewedLabel] = (), reporter: Reporter | None = None,
               out: Path | None = None, meta: dict | None = None, read: Sequence[int] = (0,)) -> RunResult:
    """The parent's half of a run, one article at a time: link speakers across articles,
    write each quote to OUT/quotes.jsonl (a temporary file until `write_run` renames it),
    and feed the matrix builder and the expert collector, which keep what grows with the
    corpus (the evidence quotes, the articles' metadata, who speaks where) in a scratch
    SQLite file in OUT. Memory does not grow with the number of articles or quotes; the
    matrix is made and written by `write_run`, one expert at a time. Without `out`,
    everything is kept in memory and the result holds the quotes and the cells."""
    from annotator.parallel import link_across_articles
    from annotator.quotes import ExpertCollector

    scratch = Scratch.beside(out) if out is not None else Scratch()
    builder = MatrixBuilder(ctx.codebook, reviewed, scratch=scratch)
    collector = ExpertCollector(ctx.people, scratch)  # type: ignore[arg-type]
    kept: list[Quote] = []
    n_expert = 0

    def quotes_in_order() -> Iterator[Quote]:
        for art, found in annotated:
            scratch.article(art)
            yield from found

    spool_path: Path | None = None
    spool = None
    try:
        # Each article was annotated with its own copy of the registry (so the output does
        # not depend on how articles were spread over processes); link speakers now.
        for q in link_across_articles(quotes_in_order(), ctx.people):
            if out is not None and spool is None:
                # opened once the first article is done: a resumed run first sweeps OUT of
                # the temporary files a killed run left
                spool_path, spool = temporary_beside(Path(out) / "quotes.jsonl")
            if spool is not None:
                spool.write(to_json(q, exclude_none=False) + "\n")
            else:
                kept.append(q)
            builder.add(q)
            collector.add(q)
            n_expert += q.speaker_is_expert
        if out is not None and spool is None and scratch.count:  # articles, but not one quote
            spool_path, spool = temporary_beside(Path(out) / "quotes.jsonl")
        if spool is not None:
            spool.flush()
            os.fsync(spool.fileno())
            spool.close()
            spool = None
        if not scratch.count:
            if read[0]:
                raise InputError(f"none of the {read[0]} article(s) read could be annotated (see the warnings above)")
            raise InputError("no article could be read from the inputs (see the warnings above); check the paths")
        if out is not None:
            run_meta = _run_meta(ctx, None, builder.count, n_expert, reviewed, meta)
            pending = _Pending(builder, collector, scratch, run_meta, reporter)
            return RunResult(quotes=[], experts=[], data=MatrixData(codebook=ctx.codebook, meta=run_meta),
                             n_articles=scratch.count, n_quotes=builder.count, spool=spool_path, pending=pending)
        experts = collector.experts()
        cells = builder.cells(experts, reporter=reporter)
        articles = list(scratch.articles())
    except BaseException:
        if spool is not None:
            spool.close()
        if spool_path is not None:
            spool_path.unlink(missing_ok=True)
        scratch.close()
        raise
    scratch.close()
    run_meta = _run_meta(ctx, articles, builder.count, n_expert, reviewed, meta)
    data = MatrixData(cells=cells, quotes=kept, codebook=ctx.codebook, experts=experts, meta=run_meta)
    return RunResult(quotes=kept, experts=experts, data=data, n_articles=len(articles), n_quotes=builder.count)


def write_run(result: RunResult, out: Path) -> list[Path]:
    """quotes.jsonl, matrix.jsonl, experts.jsonl, run.json and the exports, each atomically.
    A streamed run's matrix is made here, one expert at a time, written to matrix.jsonl and
    read back from it by the exports."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder; --out takes a folder for the run's files")
    out.mkdir(parents=True, exist_ok=True)
    if result.spool is not None:  # streamed by `stream_run`: complete, renamed into place
        publish(result.spool, out / "quotes.jsonl")
        result.spool = None
    elif result.pending is None:
        write_jsonl(out / "quotes.jsonl", result.quotes, exclude_none=False)
    if result.pending is not None:
        pending, result.pending = result.pending, None
        try:
            result.data = _write_streamed(pending, out)
            exports = write_all(result.data, out)
        finally:
            pending.scratch.close()
        result.experts = result.data.experts  # without their article lists (those are in experts.jsonl)
        result.data.article_source = lambda: json.loads((out / RUN_META).read_text("utf-8"))["articles"]
    else:
        write_jsonl(out / "matrix.jsonl", result.data.cells, exclude_none=False)
        write_jsonl(out / "experts.jsonl", result.experts, exclude_none=False)
        write_chunks(out / RUN_META, json_chunks(result.data.meta))
        exports = write_all(result.data, out)
    result.written = [out / n for n in ("quotes.jsonl", "matrix.jsonl", "experts.jsonl", RUN_META)] + exports
    return result.written


def _write_streamed(p: _Pending, out: Path) -> MatrixData:
    """experts.jsonl, matrix.jsonl and run.json of a streamed run, from its scratch store,
    and the MatrixData the exports read: the cells from OUT/matrix.jsonl, the articles from
    the store, the rows from the summary made while matrix.jsonl was written."""
    write_jsonl(out / "experts.jsonl", p.collector.iter_experts(), exclude_none=False)
    experts = p.collector.experts(articles=False)
    summary = Summary(experts)

    def cells() -> Iterator[Cell]:
        for c in p.builder.iter_cells(experts, reporter=p.reporter):
            summary.add(c)
            yield c

    write_jsonl(out / "matrix.jsonl", cells(), exclude_none=False)
    write_chunks(out / RUN_META, json_chunks({**p.meta, "articles": Streamed(p.scratch.articles)}))
    meta = {k: v for k, v in p.meta.items() if k != "articles"}
    return MatrixData(codebook=p.builder.codebook, experts=experts, meta=meta, summary=summary,
                      cell_source=lambda: read_models(out / "matrix.jsonl", Cell), article_source=p.scratch.articles)


def run(inputs: Sequence[Path | str] = (), *, codebook: Path | None = None, experts: Path | None = None,
        labels: Path | None = None, model: Path | None = None, out: Path | None = None,
        reporter: Reporter | None = None, encoding: str | None = None, progress: bool = False,
        jobs: int | None = 1) -> RunResult:
    """The whole pipeline. No inputs: the bundled seed article(s), with the seed codebook and
    expert registry unless others are given. Writes the run folder when `out` is given."""
    reporter = reporter or Reporter()
    if out is not None and Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"{out}: exists and is not a folder; --out takes a folder for the run's files")
    seed = not inputs
    if seed:
        inputs = paths.seed_articles()
        experts = experts or (paths.SEED_EXPERTS if paths.SEED_EXPERTS.exists() else None)
    if codebook is None:
        if not paths.SEED_CODEBOOK.exists():
            raise InputError("no --codebook given and the bundled seed codebook is missing; pass --codebook "
                             "questions.yaml")
        if not seed:
            reporter.warn(f"no --codebook given: using the bundled seed codebook ({paths.SEED_CODEBOOK.name}); "
                          "pass --codebook with your own questions")
        codebook = paths.SEED_CODEBOOK
    ctx = load_context(codebook, experts, model)
    reviewed = read_reviewed(labels, reporter)
    read = [0]

    def counted() -> Iterator[Article]:
        for art in iter_articles(inputs, reporter, encoding):
            read[0] += 1
            yield art

    source: Iterable[Article] = counted()
    if progress:
        from tqdm import tqdm

        source = tqdm(source, unit=" articles", file=sys.stderr, disable=None, mininterval=0.5, leave=False)
    inputs_shown = ["(bundled seed)"] if seed else [str(p) for p in inputs]
    made_out = out is not None and not Path(out).exists()
    try:
        result = stream_run(_annotated(source, ctx, reporter, jobs, out, experts), ctx, reviewed, reporter, out,
                            meta={"inputs": inputs_shown}, read=read)
    except InputError:
        if made_out:  # nothing could be annotated: leave no empty run folder behind
            shutil.rmtree(out, ignore_errors=True)
        raise
    if out is not None:
        write_run(result, out)
    return result
