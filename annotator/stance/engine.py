"""One interface for every stance engine, and how a run picks one.

An engine answers one question: for (question, text) pairs, the probabilities that the text
takes no side on the question (none), opposes it, or supports it, in the question's own
wording. Everything else (relevance to a codebook, labels, confidences, the matrix) is built
on those probabilities by `annotator.stance.predict`.

    engine = load_engine("neural")          # or "fast", or a path to an engine file
    probs = engine.pair_probs([("Should X be banned?", "Banning X would save lives.")])

Engines shipped with the package:

- `neural` (default): a MiniLM cross-encoder fine-tuned for stance, run with onnxruntime
  (`annotator.stance.neural`); reads negation, contrast and hedges.
- `fast`: hashed TF-IDF and cue features with logistic regression (`annotator.stance.model`);
  about 15x faster, much weaker on wording.

A new engine implements `StanceEngine` (name, version, pair_probs, save) and a loader in
`ENGINE_LOADERS`; nothing in the pipeline changes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from annotator.errors import ModelError

ENGINES = ("neural", "fast")
DEFAULT_ENGINE = "neural"
#: column order of `pair_probs`
PROB_LABELS = ("none", "oppose", "support")


@runtime_checkable
class StanceEngine(Protocol):
    """What the pipeline needs of a stance engine."""

    name: str

    @property
    def version(self) -> str: ...

    def pair_probs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(n, 3) probabilities (none, oppose, support) for (question, text) pairs."""
        ...

    def save(self, path: Path | str) -> Path: ...


def _load_neural(path: Path | None) -> StanceEngine:
    from annotator.stance.neural.runtime import NeuralEngine

    return NeuralEngine.load(path)


def _load_fast(path: Path | None) -> StanceEngine:
    from annotator.stance.model import StanceModel

    return StanceModel.load(path)


ENGINE_LOADERS: dict[str, Callable[[Path | None], StanceEngine]] = {
    "neural": _load_neural,
    "fast": _load_fast,
}


def engine_kind(path: Path) -> str:
    """Which engine wrote a model file: a zip with a manifest.json is neural, an .npz fast."""
    if not path.exists():
        raise ModelError(
            f"{path}: no such model file; check the --model path, or use --engine neural|fast "
            "for a bundled engine"
        )
    if path.is_dir():
        raise ModelError(f"{path}: is a folder; --model takes a model file from `annotator train`")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        raise ModelError(
            f"{path}: not a stance model file; only files written by `annotator train` are accepted"
        ) from None
    if "manifest.json" in names:
        return "neural"
    if "manifest.npy" in names:
        return "fast"
    raise ModelError(
        f"{path}: not a stance model file (no manifest inside); only files written by "
        "`annotator train` are accepted"
    )


def load_engine(engine: str | None = None, model: Path | str | None = None) -> StanceEngine:
    """The engine named (default: neural), or the one in a model file (its kind is read from
    the file; naming a different engine is an error)."""
    if engine is not None and engine not in ENGINE_LOADERS:
        raise ModelError(f"unknown stance engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if model is not None:
        path = Path(model)
        kind = engine_kind(path)
        if engine is not None and engine != kind:
            raise ModelError(
                f"{path}: is a {kind} model, not {engine}; drop --engine or pass a {engine} model"
            )
        return ENGINE_LOADERS[kind](path)
    return ENGINE_LOADERS[engine or DEFAULT_ENGINE](None)


__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "ENGINE_LOADERS",
    "PROB_LABELS",
    "StanceEngine",
    "engine_kind",
    "load_engine",
]
