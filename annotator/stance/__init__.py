"""Stance: codebooks, the stance model, prediction for quotes and pairs, training."""

from annotator.stance.codebook import load_codebook, parse_codebook
from annotator.stance.model import StanceModel
from annotator.stance.predict import predict_pairs, predict_quotes

__all__ = ["load_codebook", "parse_codebook", "StanceModel", "predict_quotes", "predict_pairs"]
