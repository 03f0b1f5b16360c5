"""The stance model: polarity (for/against the question) and relevance (does the text address
the question at all), both linear models over fast sparse features.

`StanceModel` follows the scikit-learn estimator contract: parameters in `__init__`, `fit`
returns self, learned attributes end in "_", `random_state` fixes the sampled negatives.

- Polarity: logistic regression on `PairFeaturizer` features, trained on labels normalised
  by the question's direction (support of "Should we ban X?" = against X), flipped back at
  prediction time.
- Relevance: logistic regression on question/text overlap features (`relevance_vector`),
  trained on real pairs (relevant) against the same texts paired with other questions of the
  data (not relevant) plus any pair labelled neutral. Pairs below `relevance_threshold` are
  neutral (`predict`) or not_addressed (codebook prediction).

Storage (`save` / `load`) is pickle-free: one .npz of plain numeric arrays (loaded with
allow_pickle=False) plus a JSON manifest inside it with the format version, library
versions, training-data hash, codebook hash and a SHA-256 of the arrays. A file whose arrays
do not match its manifest, or built by another format or scikit-learn major version, is
refused with ModelError.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression

from annotator.errors import ModelError
from annotator.stance.features import (
    RELEVANCE_NAMES,
    PairFeaturizer,
    content_stems,
    infer_direction,
    relevance_vector,
    tokenize,
)

FORMAT = "annotator-stance/1"
FEATURES_VERSION = "features/1"
DEFAULT_MODEL_NAME = "stance-general.npz"
LABELS = ("neutral", "oppose", "support")

PairLike = Any  # (question, text[, direction]) tuple, a dict with those keys, or a Pair


def as_triple(item: PairLike) -> tuple[str, str, str]:
    """(question, text, direction) from a tuple, dict or record; direction inferred when absent."""
    if isinstance(item, tuple | list):
        q, t = item[0], item[1]
        d = item[2] if len(item) > 2 else None
    elif isinstance(item, Mapping):
        q, t, d = item["question"], item["text"], item.get("direction")
    else:
        q, t, d = item.question, item.text, getattr(item, "direction", None)
    return q, t, d or infer_direction(q)


def library_versions() -> dict[str, str]:
    import scipy
    import sklearn

    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
    }


class StanceModel(ClassifierMixin, BaseEstimator):
    """Stance of a text toward a question: support / oppose / neutral (= not about it)."""

    def __init__(
        self,
        C: float = 1.0,
        char_weight: float = 0.7,
        cue_weight: float = 1.0,
        n_word_features: int = 2**17,
        n_char_features: int = 2**17,
        relevance_recall: float = 0.97,
        negatives_per_pair: int = 1,
        random_state: int = 0,
    ):
        self.C = C
        self.char_weight = char_weight
        self.cue_weight = cue_weight
        self.n_word_features = n_word_features
        self.n_char_features = n_char_features
        self.relevance_recall = relevance_recall
        self.negatives_per_pair = negatives_per_pair
        self.random_state = random_state

    # ---------------------------------------------------------------- fitting
    def fit(self, X: Sequence[PairLike], y: Sequence[str], sample_weight: Sequence[float] | None = None):
        triples = [as_triple(x) for x in X]
        y = np.asarray(y)
        bad = sorted(set(y) - set(LABELS))
        if bad:
            raise ValueError(f"unknown stance labels {bad}; expected {list(LABELS)}")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.classes_ = np.array(LABELS)
        self.metadata_: dict[str, Any] = getattr(self, "metadata_", {})
        polar = np.flatnonzero(y != "neutral")
        if len(set(y[polar])) < 2:
            raise ValueError("need both support and oppose examples to fit the polarity model")
        # polarity, direction-normalised: 1 = for the target
        self.featurizer_ = PairFeaturizer(
            self.n_word_features, self.n_char_features, self.char_weight, self.cue_weight
        )
        pt = [triples[i] for i in polar]
        M = self.featurizer_.fit(pt).transform(pt)
        signs = np.array([-1 if d == "against" else 1 for _, _, d in pt])
        y_for = np.where(signs > 0, y[polar] == "support", y[polar] == "oppose").astype(int)
        self.polarity_ = LogisticRegression(
            C=self.C, solver="liblinear", max_iter=2000, random_state=self.random_state
        )
        self.polarity_.fit(M, y_for, sample_weight=w[polar])
        # relevance: stem document frequencies, then real pairs vs mismatched pairs
        self._fit_idf(triples)
        self._fit_relevance(triples, y, w)
        return self

    def _fit_idf(self, triples: Sequence[tuple[str, str, str]]) -> None:
        df: Counter[str] = Counter()
        texts = {t for _, t, _ in triples} | {q for q, _, _ in triples}
        for t in texts:
            df.update(set(content_stems(tokenize(t))))
        n = len(texts)
        keys = sorted(k for k, v in df.items() if v >= 2)
        self.idf_keys_ = np.array(keys, dtype=str)
        self.idf_values_ = np.array([np.log((n + 1) / (df[k] + 1)) + 1 for k in keys], dtype=np.float32)
        self.idf_default_ = float(np.log(n + 1) + 1)
        self._idf_cache = None

    @property
    def idf(self) -> dict[str, float]:
        if getattr(self, "_idf_cache", None) is None:
            self._idf_cache = dict(zip(self.idf_keys_.tolist(), self.idf_values_.tolist()))
        return self._idf_cache

    def _fit_relevance(self, triples, y, w) -> None:
        """Real pairs are relevant; the same texts under another question are not. Paragraphs
        made by joining 3-6 texts of one question teach the model that a long text never
        naming the question's terms is probably not about it."""
        rng = np.random.RandomState(self.random_state)
        by_q: dict[str, list[str]] = {}
        for (q, t, _), lab in zip(triples, y):
            if lab != "neutral":
                by_q.setdefault(q, []).append(t)
        questions = sorted(by_q)
        examples: list[tuple[str, str, float, int]] = []  # question, text, weight, label
        for (q, t, _), lab, wt in zip(triples, y, w):
            examples.append((q, t, wt, int(lab != "neutral")))
        for q in questions:
            texts = by_q[q]
            for _ in range(max(1, len(texts) // 4)):
                k = min(len(texts), rng.randint(3, 7))
                para = " ".join(texts[i] for i in rng.choice(len(texts), size=k, replace=False))
                examples.append((q, para, 1.0, 1))
        rows, labels, weights = [], [], []
        for q, t, wt, lab in examples:
            rows.append(self.relevance_features(q, t))
            labels.append(lab)
            weights.append(wt)
            if lab == 0 or len(questions) < 2:
                continue
            for _ in range(self.negatives_per_pair):
                other = questions[rng.randint(len(questions))]
                if other != q:
                    rows.append(self.relevance_features(other, t))
                    labels.append(0)
                    weights.append(wt)
        R = np.array(rows, dtype=np.float32)
        labels_a = np.array(labels)
        self.relevance_ = LogisticRegression(
            C=1.0, solver="liblinear", max_iter=2000, random_state=self.random_state
        )
        self.relevance_.fit(R, labels_a, sample_weight=np.array(weights))
        # threshold: keep `relevance_recall` of the real relevant pairs
        pos_rows = [self.relevance_features(q, t) for (q, t, _), lab in zip(triples, y) if lab != "neutral"]
        p = self.relevance_from_features(pos_rows)
        self.relevance_threshold_ = float(np.quantile(p, 1 - self.relevance_recall)) if len(p) else 0.5

    # ------------------------------------------------------------- prediction
    def relevance_features(self, question: str, text: str, extra_terms: Iterable[str] = ()) -> list[float]:
        return relevance_vector(
            tokenize(question),
            tokenize(text),
            self.idf,
            self.idf_default_,
            extra_stems=content_stems(extra_terms),
        )

    def polarity(self, X: Sequence[PairLike]) -> np.ndarray:
        """P(support) of each pair, in the question's own direction."""
        self._check_fitted()
        triples = [as_triple(x) for x in X]
        if not triples:
            return np.zeros(0)
        p_for = self.polarity_.predict_proba(self.featurizer_.transform(triples))[:, 1]
        signs = np.array([-1 if d == "against" else 1 for _, _, d in triples])
        return np.where(signs > 0, p_for, 1 - p_for)

    def relevance(self, X: Sequence[PairLike]) -> np.ndarray:
        """P(the text addresses the question) of each pair."""
        self._check_fitted()
        triples = [as_triple(x) for x in X]
        if not triples:
            return np.zeros(0)
        R = np.array([self.relevance_features(q, t) for q, t, _ in triples], dtype=np.float32)
        return self.relevance_.predict_proba(R)[:, 1]

    def relevance_from_features(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        self._check_fitted()
        if not len(rows):
            return np.zeros(0)
        return self.relevance_.predict_proba(np.asarray(rows, dtype=np.float32))[:, 1]

    def predict_proba(self, X: Sequence[PairLike]) -> np.ndarray:
        """Columns follow `classes_` (neutral, oppose, support)."""
        ps, rel = self.polarity(X), self.relevance(X)
        return np.column_stack([1 - rel, rel * (1 - ps), rel * ps])

    # the StanceEngine interface (annotator.stance.engine)
    name = "fast"

    def pair_probs(self, pairs: Sequence[PairLike]) -> np.ndarray:
        """(n, 3) probabilities (none, oppose, support): `predict_proba` in engine order."""
        if not len(pairs):
            return np.zeros((0, 3))
        return self.predict_proba(pairs)

    def predict(self, X: Sequence[PairLike]) -> np.ndarray:
        return self.predict_with_confidence(X)[0]

    def predict_with_confidence(self, X: Sequence[PairLike]) -> tuple[np.ndarray, np.ndarray]:
        """Labels and confidences in one pass: neutral below the relevance threshold (its
        confidence: how far below), else support/oppose with the polarity probability."""
        ps, rel = self.polarity(X), self.relevance(X)
        labels = np.where(ps >= 0.5, "support", "oppose").astype(object)
        conf = np.maximum(ps, 1 - ps)
        low = rel < self.relevance_threshold_
        labels[low] = "neutral"
        t = max(self.relevance_threshold_, 1e-6)
        conf[low] = 0.5 + 0.5 * (1 - rel[low] / t)
        return labels.astype(str), conf

    def _check_fitted(self) -> None:
        if not hasattr(self, "polarity_"):
            raise ModelError("the stance model is not trained; train it with `annotator train` or load one")

    # ---------------------------------------------------------------- storage
    @property
    def version(self) -> str:
        self._check_fitted()
        return self.metadata_.get("version") or f"stance-{self._arrays_digest(self._arrays())[:10]}"

    def _arrays(self) -> dict[str, np.ndarray]:
        f = self.featurizer_
        return {
            "word_idf": f.word_idf_.idf_.astype(np.float32),
            "char_idf": f.char_idf_.idf_.astype(np.float32),
            "cue_scale": f.cue_scale_.astype(np.float32),
            "polarity_coef": self.polarity_.coef_.astype(np.float32),
            "polarity_intercept": self.polarity_.intercept_.astype(np.float32),
            "relevance_coef": self.relevance_.coef_.astype(np.float32),
            "relevance_intercept": self.relevance_.intercept_.astype(np.float32),
            "relevance_threshold": np.array([self.relevance_threshold_], dtype=np.float32),
            "idf_keys": self.idf_keys_.astype(str),
            "idf_values": self.idf_values_.astype(np.float32),
        }

    @staticmethod
    def _arrays_digest(arrays: Mapping[str, np.ndarray]) -> str:
        h = hashlib.sha256()
        for k in sorted(arrays):
            a = np.ascontiguousarray(arrays[k])
            h.update(k.encode())
            h.update(str(a.dtype).encode())
            h.update(str(a.shape).encode())
            h.update(a.tobytes())
        return h.hexdigest()

    def save(self, path: Path | str) -> Path:
        """Write the model as one pickle-free .npz (atomic)."""
        from annotator.io import atomic_write

        arrays = self._arrays()
        digest = self._arrays_digest(arrays)
        meta = dict(self.metadata_)
        meta.setdefault("version", f"stance-{digest[:10]}")
        manifest = {
            "format": FORMAT,
            "features": FEATURES_VERSION,
            "params": self.get_params(),
            "idf_default": self.idf_default_,
            "arrays_sha256": digest,
            "libraries": library_versions(),
            "relevance_features": list(RELEVANCE_NAMES),
            **meta,
        }
        buf = io.BytesIO()
        np.savez_compressed(
            buf, manifest=np.frombuffer(json.dumps(manifest).encode(), dtype=np.uint8), **arrays
        )
        path = Path(path)
        with atomic_write(path, "wb") as fh:
            fh.write(buf.getvalue())
        path.chmod(0o644)
        self.metadata_ = meta
        return path

    @classmethod
    def load(cls, path: Path | str | None = None) -> StanceModel:
        """Load a saved model (None: the one shipped with the package). Never unpickles."""
        from annotator.paths import MODEL_DIR

        path = Path(path) if path is not None else MODEL_DIR / DEFAULT_MODEL_NAME
        if not path.exists():
            raise ModelError(
                f"{path}: no such model file; train one with `annotator train -o {path}` "
                "or leave out --model to use the bundled one"
            )
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as e:
            raise ModelError(
                f"{path}: not a stance model file ({type(e).__name__}: {e}); only files written "
                "by `annotator train` are accepted (pickles are never loaded)"
            ) from None
        if "manifest" not in arrays:
            raise ModelError(f"{path}: no manifest inside; not a stance model written by `annotator train`")
        try:
            manifest = json.loads(arrays.pop("manifest").tobytes().decode())
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ModelError(f"{path}: its manifest is unreadable; retrain with `annotator train`") from None
        if manifest.get("format") != FORMAT or manifest.get("features") != FEATURES_VERSION:
            raise ModelError(
                f"{path}: model format {manifest.get('format')}/{manifest.get('features')} does not "
                f"match this annotator ({FORMAT}/{FEATURES_VERSION}); retrain with `annotator train`"
            )
        built = manifest.get("libraries", {}).get("scikit-learn", "?")
        here = library_versions()["scikit-learn"]
        if built.split(".")[0] != here.split(".")[0]:
            raise ModelError(
                f"{path}: built with scikit-learn {built}, this is {here}; retrain with "
                "`annotator train` or install a matching scikit-learn"
            )
        if cls._arrays_digest(arrays) != manifest.get("arrays_sha256"):
            raise ModelError(
                f"{path}: the model's arrays do not match its checksum (changed or damaged "
                "after training); retrain it or restore the original file"
            )
        return cls._from_arrays(arrays, manifest, path)

    @classmethod
    def _from_arrays(cls, a: dict[str, np.ndarray], manifest: dict, path: Path) -> StanceModel:
        try:
            model = cls(**manifest["params"])
            f = PairFeaturizer(
                model.n_word_features, model.n_char_features, model.char_weight, model.cue_weight
            )
            f.word_idf_ = _tfidf(a["word_idf"])
            f.char_idf_ = _tfidf(a["char_idf"])
            f.cue_scale_ = a["cue_scale"]
            f.n_features_out_ = a["polarity_coef"].shape[1]
            model.featurizer_ = f
            model.polarity_ = _logreg(a["polarity_coef"], a["polarity_intercept"], model)
            model.relevance_ = _logreg(a["relevance_coef"], a["relevance_intercept"], model)
            model.relevance_threshold_ = float(a["relevance_threshold"][0])
            model.idf_keys_ = a["idf_keys"]
            model.idf_values_ = a["idf_values"]
            model.idf_default_ = float(manifest["idf_default"])
            model.classes_ = np.array(LABELS)
            model.metadata_ = {
                k: v
                for k, v in manifest.items()
                if k
                not in ("format", "features", "params", "idf_default", "arrays_sha256", "relevance_features")
            }
            model._idf_cache = None
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(
                f"{path}: incomplete stance model ({type(e).__name__}: {e}); retrain it"
            ) from None
        if (
            f.word_idf_.idf_.shape[0] != model.n_word_features
            or f.char_idf_.idf_.shape[0] != model.n_char_features
        ):
            raise ModelError(f"{path}: feature sizes do not match the model's parameters; retrain it")
        return model


def _tfidf(idf: np.ndarray) -> TfidfTransformer:
    t = TfidfTransformer(sublinear_tf=True)
    t.idf_ = idf.astype(np.float64)
    return t


def _logreg(coef: np.ndarray, intercept: np.ndarray, model: StanceModel) -> LogisticRegression:
    lr = LogisticRegression(C=model.C, solver="liblinear", random_state=model.random_state)
    lr.coef_ = coef.astype(np.float64)
    lr.intercept_ = intercept.astype(np.float64)
    lr.classes_ = np.array([0, 1])
    return lr


__all__ = ["DEFAULT_MODEL_NAME", "LABELS", "StanceModel", "as_triple", "library_versions"]
