"""Runs: the per-article work, what is linked across articles, resumable checkpoints, the
run folder, and the pipeline behind `annotator run` and `annotator quotes`.

    from annotator.run import run, stream_quotes
    result = run(["articles/"], codebook="questions.yaml", out="out/")

Modules import one way: context -> article -> link -> checkpoint -> folder -> pipeline.
The names below are loaded on first use, so `annotator.run.folder` (which input expansion
reads) imports nothing else of the package."""

from __future__ import annotations

from annotator.lazy import lazy_exports

_EXPORTS = {
    "run": "pipeline",
    "execute": "pipeline",
    "RunResult": "pipeline",
    "read_reviewed": "pipeline",
    "RUN_FILES": "folder",
    "RUN_META": "folder",
    "RunFolder": "folder",
    "stream_quotes": "quotes",
    "Context": "context",
    "load_context": "context",
    "worker_context": "context",
    "Given": "context",
    "QuotesSetup": "context",
    "RunSetup": "context",
    "annotate_article": "article",
    "annotate_for_article": "article",
    "quotes_for_article": "article",
    "link_across_articles": "link",
    "Checkpoint": "checkpoint",
    "resumable_map": "checkpoint",
    "run_fingerprint": "checkpoint",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = sorted(_EXPORTS)
