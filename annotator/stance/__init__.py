"""Stance: codebooks, the stance model, prediction for quotes and pairs, training."""

from annotator.stance.codebook import load_codebook, parse_codebook
from annotator.stance.model import StanceModel
from annotator.stance.predict import predict_pairs, predict_quotes

__all__ = ["StanceModel", "load_codebook", "parse_codebook", "predict_pairs", "predict_quotes"]
