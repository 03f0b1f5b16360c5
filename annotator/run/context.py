"""What annotating an article needs (codebook, stance engine, the people registry), loaded
once per process, and the picklable set-ups that build it in a worker."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator import paths
from annotator.models import Codebook
from annotator.quotes.people import People
from annotator.stance.codebook import load_codebook
from annotator.stance.engine import StanceEngine, load_engine


@dataclass
class Context:
    """The codebook, the stance engine and the people met."""

    codebook: Codebook
    model: StanceEngine
    people: People


def load_context(
    codebook: Path | None, experts: Path | None, model: Path | None, engine: str | None = None
) -> Context:
    book = load_codebook(codebook)
    people = People.load(experts) if experts else People()
    return Context(codebook=book, model=load_engine(engine, model), people=people)


def worker_context(ctx: Context) -> Context:
    """The per-article side's context: the registry as loaded, apart from the run's, which
    learns every speaker as articles are linked. Each article starts from this snapshot on
    any number of processes (in one process too: copying the run's growing registry for
    every article made a one-process run quadratic)."""
    return dataclasses.replace(ctx, people=copy.deepcopy(ctx.people))


@dataclass(frozen=True)
class Given:
    """Worker state already built in the parent (e.g. the run's `Context`, which the parent
    needs anyway): shared copy-on-write with 'fork', pickled once a worker with 'spawn'."""

    value: Any

    def __call__(self) -> Any:
        return self.value


@dataclass(frozen=True)
class QuotesSetup:
    """Worker state for `annotator quotes`: the expert registry (loaded once a process)."""

    experts: str | None = None

    def __call__(self) -> People:
        return People.load(self.experts) if self.experts else People()


@dataclass(frozen=True)
class RunSetup:
    """Worker state for `annotator run`: codebook (default: the bundled seed codebook),
    stance engine and registry, loaded once a process."""

    codebook: str | None = None
    experts: str | None = None
    model: str | None = None
    engine: str | None = None

    def __call__(self) -> Context:
        def p(x: str | None) -> Path | None:
            return Path(x) if x else None

        return load_context(
            p(self.codebook) or paths.SEED_CODEBOOK, p(self.experts), p(self.model), self.engine
        )


__all__ = ["Context", "Given", "QuotesSetup", "RunSetup", "load_context", "worker_context"]
