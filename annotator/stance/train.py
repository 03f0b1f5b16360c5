"""Training the stance model: from public question/text pairs, and from reviewed labels on
top of them (reviewed items weighted up). Reproducible: fixed random_state, the data's
SHA-256 and the library versions are stored with the model.

    model, report = train_model([Path("train.jsonl")])
    model, report = train_model([Path("train.jsonl")], reviewed=labels, codebook=cb)
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from annotator.errors import InputError
from annotator.io import Reporter, iter_jsonl
from annotator.models import Codebook, ReviewedLabel
from annotator.stance.model import LABELS, StanceModel

#: reviewed label -> the pair label it trains; mixed and not_addressed teach no polarity
REVIEW_MAP = {"support": "support", "oppose": "oppose", "neutral": "neutral", "not_addressed": "neutral"}


@dataclass
class TrainRow:
    question: str
    text: str
    stance: str
    direction: str | None = None
    weight: float = 1.0
    source: str = "pairs"


@dataclass
class TrainReport:
    data_sha256: str
    rows: int
    questions: int
    reviewed_rows: int = 0
    cv_before: dict[str, float] = field(default_factory=dict)
    cv_after: dict[str, float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            (
                f"trained on {self.rows} pairs over {self.questions} questions "
                f"({self.reviewed_rows} reviewed), data sha256 {self.data_sha256[:16]}"
            )
        ]
        if self.reviewed_rows:
            names = (
                ("reviewed items, base model only (before)", self.cv_before),
                ("reviewed items, 3-fold CV with reviews (after)", self.cv_after),
            )
        else:
            names = (("question-disjoint 5-fold CV", self.cv_after),)
        for name, cv in names:
            if cv:
                out.append(
                    f"{name}: "
                    + ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in cv.items())
                )
        return out


def file_sha256(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def load_pairs(path: Path | str, reporter: Reporter | None = None) -> list[TrainRow]:
    """Labelled pairs `{"question", "text", "stance"}` a line (other fields ignored)."""
    rows = []
    for n, obj in iter_jsonl(path, reporter):
        q, t, s = obj.get("question"), obj.get("text"), obj.get("stance", obj.get("label"))
        if not (isinstance(q, str) and isinstance(t, str) and s in LABELS):
            msg = f"{path}:{n}: need string question and text and a stance in {list(LABELS)}"
            if reporter is None:
                raise InputError(msg)
            reporter.skip(msg)
            continue
        rows.append(TrainRow(q, t, s, obj.get("direction"), source=str(obj.get("source", "pairs"))))
    if not rows:
        raise InputError(f"{path}: no usable pairs; each line needs question, text and stance")
    return rows


def reviewed_rows(
    labels: Sequence[ReviewedLabel], codebook: Codebook, weight: float = 5.0, reporter: Reporter | None = None
) -> list[TrainRow]:
    """Training rows from reviewed labels: the codebook gives the question text and direction."""
    by_id = {q.id: q for q in codebook.questions}
    rows = []
    for lab in labels:
        q = by_id.get(lab.question)
        target = REVIEW_MAP.get(lab.label)
        if q is None or not lab.text or target is None:
            if reporter is not None and (q is None or not lab.text):
                reporter.skip(
                    f"reviewed label {lab.quote_id}/{lab.question}: "
                    + ("question not in the codebook" if q is None else "no quote text; skipped")
                )
            continue
        text = q.text + (" " + q.target if q.target else "")
        rows.append(TrainRow(text, lab.text, target, q.direction, weight, "reviewed"))
    return rows


def fit_rows(rows: Sequence[TrainRow], **params) -> StanceModel:
    model = StanceModel(**params)
    X = [(r.question, r.text, r.direction) for r in rows]
    return model.fit(X, [r.stance for r in rows], sample_weight=[r.weight for r in rows])


def cross_validate(
    rows: Sequence[TrainRow], folds: int = 5, score_rows: Sequence[bool] | None = None, **params
) -> dict[str, float]:
    """Question-disjoint cross-validation (GroupKFold by question): pro/con macro-F1 of the
    polarity on held-out questions, and accuracy. `score_rows` limits scoring to some rows."""
    groups = np.array([r.question for r in rows])
    y = np.array([r.stance for r in rows])
    pred = np.empty(len(rows), dtype=object)
    n_groups = len(set(groups))
    if n_groups < 2:
        return {}
    for tr, te in GroupKFold(min(folds, n_groups)).split(np.zeros(len(rows)), y, groups):
        sub = [rows[i] for i in tr]
        if len({r.stance for r in sub if r.stance != "neutral"}) < 2:
            continue
        m = fit_rows(sub, **params)
        ps = m.polarity([(rows[i].question, rows[i].text, rows[i].direction) for i in te])
        pred[te] = np.where(ps >= 0.5, "support", "oppose")
    keep = np.array([p is not None for p in pred]) & (y != "neutral")
    if score_rows is not None:
        keep &= np.asarray(score_rows)
    if not keep.any():
        return {}
    return {
        "macro_f1": round(float(f1_score(y[keep], pred[keep].astype(str), average="macro")), 4),
        "accuracy": round(float(np.mean(y[keep] == pred[keep])), 4),
    }


def review_cv(
    base_rows: Sequence[TrainRow], extra: Sequence[TrainRow], folds: int = 3, **params
) -> tuple[dict[str, float], dict[str, float]]:
    """Before/after on the reviewed items themselves: `before` is the base model (public
    pairs only) scored on every reviewed support/oppose item; `after` is k-fold CV over the
    reviewed items, each fold predicted by a model of the base data plus the other folds."""
    polar = [i for i, r in enumerate(extra) if r.stance in ("support", "oppose")]
    if len(polar) < 2 or len({extra[i].stance for i in polar}) < 2:
        return {}, {}
    gold = np.array([extra[i].stance for i in polar])

    def score(pred: np.ndarray) -> dict[str, float]:
        return {
            "macro_f1": round(float(f1_score(gold, pred, average="macro")), 4),
            "accuracy": round(float(np.mean(gold == pred)), 4),
            "items": len(gold),
        }

    def label(model: StanceModel, idx: Sequence[int]) -> np.ndarray:
        ps = model.polarity([(extra[i].question, extra[i].text, extra[i].direction) for i in idx])
        return np.where(ps >= 0.5, "support", "oppose")

    before = score(label(fit_rows(base_rows, **params), polar)) if base_rows else {}
    pred = np.empty(len(polar), dtype=object)
    k = min(folds, len(polar))
    for f in range(k):
        test = [polar[j] for j in range(len(polar)) if j % k == f]
        train = [r for i, r in enumerate(extra) if i not in set(test)]
        if len({r.stance for r in list(base_rows) + train if r.stance != "neutral"}) < 2:
            return before, {}
        pred[[j for j in range(len(polar)) if j % k == f]] = label(
            fit_rows(list(base_rows) + train, **params), test
        )
    return before, score(pred.astype(str))


def train_model(
    pair_files: Sequence[Path],
    reviewed: Sequence[ReviewedLabel] = (),
    codebook: Codebook | None = None,
    base: bool = True,
    review_weight: float = 5.0,
    cv: bool = True,
    reporter: Reporter | None = None,
    **params,
) -> tuple[StanceModel, TrainReport]:
    """Train from public pairs (when `base`) plus reviewed labels weighted up."""
    base_rows: list[TrainRow] = []
    if base:
        for p in pair_files:
            base_rows.extend(load_pairs(p, reporter))
    extra: list[TrainRow] = []
    if reviewed:
        if codebook is None:
            raise InputError("reviewed labels need --codebook to know each question's text and direction")
        extra = reviewed_rows(reviewed, codebook, review_weight, reporter)
    rows = base_rows + extra
    if not rows:
        raise InputError("nothing to train on: give --pairs FILE and/or reviewed labels with --codebook")
    h = hashlib.sha256(file_sha256(list(pair_files)).encode() if base else b"")
    for r in extra:
        h.update(f"{r.question}\x00{r.text}\x00{r.stance}\x00{r.weight}\n".encode())
    report = TrainReport(h.hexdigest(), len(rows), len({r.question for r in rows}), len(extra))
    if cv:
        if extra:
            report.cv_before, report.cv_after = review_cv(base_rows, extra, **params)
        else:
            report.cv_after = cross_validate(rows, **params)
    model = fit_rows(rows, **params)
    model.metadata_ = {
        "data_sha256": report.data_sha256,
        "training_rows": len(rows),
        "reviewed_rows": len(extra),
        "pair_files": [Path(p).name for p in pair_files],
        "codebook_sha": codebook.digest if codebook else None,
    }
    return model, report


__all__ = [
    "TrainReport",
    "TrainRow",
    "cross_validate",
    "file_sha256",
    "fit_rows",
    "load_pairs",
    "reviewed_rows",
    "train_model",
]
