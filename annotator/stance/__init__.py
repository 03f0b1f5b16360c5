"""Stance: codebooks, the engines (neural and fast), prediction for quotes and pairs,
training. The names below load on first use, so reading a codebook does not load an engine."""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "load_codebook": "codebook",
    "parse_codebook": "codebook",
    "StanceModel": "model",
    "load_engine": "engine",
    "predict_pairs": "predict",
    "predict_quotes": "predict",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'annotator.stance' has no attribute {name!r}")
    return getattr(importlib.import_module(f"annotator.stance.{module}"), name)


__all__ = sorted(_EXPORTS)
