"""Stance: codebooks, the engines (neural and fast), prediction for quotes and pairs,
training. The names below load on first use, so reading a codebook does not load an engine."""

from __future__ import annotations

from annotator.lazy import lazy_exports

_EXPORTS = {
    "load_codebook": "codebook",
    "parse_codebook": "codebook",
    "StanceModel": "model",
    "load_engine": "engine",
    "predict_pairs": "predict",
    "predict_quotes": "predict",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = sorted(_EXPORTS)
