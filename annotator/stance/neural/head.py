"""Learning from reviews without retraining the transformer: a small head on its logits.

The reviewed labels of a codebook (`annotator studio pull`) say, for some quotes, what a
person read. The head adjusts the engine's three logits (none, oppose, support):

    z' = scale * z + bias + bias[question]

`scale` and `bias` correct the engine's calibration on this newsroom's quotes; the
per-question bias corrects a question the engine systematically misreads (a question
worded against its target, a forecast it reads as a wish). They are fit by minimising the
cross-entropy on the reviewed items plus an L2 pull toward no change (scale 1, biases 0),
so a handful of reviews moves the engine a little and many move it more. NumPy and SciPy
only: no torch, the shipped install can learn.

`review_cv` says whether it helps: the reviewed items in k folds, each predicted by a head
fit on the others, against the engine alone; `annotator train` refuses to write a head that
scores lower than the engine (unless --force).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: reviewed label -> the engine's class (mixed teaches nothing here)
REVIEW_CLASS = {"not_addressed": 0, "neutral": 0, "oppose": 1, "support": 2}


@dataclass
class ReviewItem:
    question: str
    text: str
    label: int  # index into (none, oppose, support)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_head(
    logits: np.ndarray,
    questions: Sequence[str],
    labels: Sequence[int],
    l2: float = 1.0,
    base_head: dict[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Fit scale, bias and per-question biases on reviewed items' logits (see module doc)."""
    from scipy.optimize import minimize

    keys = sorted(set(questions))
    qi = np.array([keys.index(q) for q in questions])
    y = np.asarray(labels)
    n, k = len(y), len(keys)
    onehot = np.eye(3)[y]

    def unpack(w):
        return w[0], w[1:4], w[4:].reshape(k, 3)

    def loss(w):
        s, b, qb = unpack(w)
        z = s * logits + b + qb[qi]
        p = _softmax(z)
        ce = -np.sum(onehot * np.log(p + 1e-12)) / max(n, 1)
        reg = l2 * ((s - 1) ** 2 + np.sum(b**2) + np.sum(qb**2)) / max(n, 1)
        g = (p - onehot) / max(n, 1)
        grad = np.concatenate(
            [
                [np.sum(g * logits) + 2 * l2 * (s - 1) / max(n, 1)],
                g.sum(axis=0) + 2 * l2 * b / max(n, 1),
                (np.stack([g[qi == j].sum(axis=0) for j in range(k)]) + 2 * l2 * qb / max(n, 1)).ravel()
                if k
                else np.zeros(0),
            ]
        )
        return ce + reg, grad

    w0 = np.concatenate([[1.0], np.zeros(3), np.zeros(3 * k)])
    res = minimize(loss, w0, jac=True, method="L-BFGS-B")
    s, b, qb = unpack(res.x)
    return {
        "scale": np.array([s], dtype=np.float32),
        "bias": b.astype(np.float32),
        "question_keys": np.array(keys, dtype=str),
        "question_bias": qb.astype(np.float32),
    }


def apply_head(logits: np.ndarray, questions: Sequence[str], head: dict[str, np.ndarray]) -> np.ndarray:
    """The adjusted logits (a question the head never saw gets the global terms only)."""
    z = logits * float(head["scale"][0]) + head["bias"]
    keys = {str(q): i for i, q in enumerate(head.get("question_keys", np.array([], dtype=str)).tolist())}
    if keys:
        qb = head["question_bias"]
        for r, q in enumerate(questions):
            j = keys.get(q)
            if j is not None:
                z[r] = z[r] + qb[j]
    return z


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Macro-F1 over the classes present in the gold labels."""
    gold, pred = np.asarray(gold), np.asarray(pred)
    f1s = []
    for c in sorted(set(gold.tolist())):
        tp = np.sum((gold == c) & (pred == c))
        fp = np.sum((gold != c) & (pred == c))
        fn = np.sum((gold == c) & (pred != c))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return round(float(np.mean(f1s)), 4) if f1s else 0.0


def review_cv(
    logits: np.ndarray, questions: Sequence[str], labels: Sequence[int], folds: int = 3, l2: float = 1.0
) -> tuple[dict, dict]:
    """(engine alone, engine + head) on the reviewed items: macro-F1 and accuracy, the head
    scored by k-fold cross-validation (items in a fixed interleaved order)."""
    y = np.asarray(labels)
    before = logits.argmax(axis=1)
    after = np.empty(len(y), dtype=int)
    k = max(2, min(folds, len(y)))
    idx = np.arange(len(y))
    for f in range(k):
        test = idx[idx % k == f]
        train = idx[idx % k != f]
        if not len(train):
            after[test] = before[test]
            continue
        head = fit_head(logits[train], [questions[i] for i in train], y[train], l2)
        after[test] = apply_head(logits[test], [questions[i] for i in test], head).argmax(axis=1)

    def score(pred):
        return {
            "macro_f1": macro_f1(y, pred),
            "accuracy": round(float(np.mean(pred == y)), 4),
            "items": len(y),
        }

    return score(before), score(after)


__all__ = ["REVIEW_CLASS", "ReviewItem", "apply_head", "fit_head", "macro_f1", "review_cv"]
