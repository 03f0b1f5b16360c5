"""Stance benchmarks: pairs per second on one core, and the learning curve of reviewed
labels (issue 7): how macro-F1 on a question's held-out items rises as reviewers label
k items of that question.

    annotator bench stance --n 5000
    annotator bench learning-curve --sizes 0,4,8,16
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from annotator.errors import InputError
from annotator.models import Pair
from annotator.paths import SHARED_STANCE
from annotator.stance.engine import load_engine
from annotator.stance.predict import predict_pairs

# Invented sentence parts for generated benchmark pairs (no corpus text).
_SUBJECTS = [
    "The new levy",
    "A shorter working week",
    "The city tram plan",
    "Free school meals",
    "The river dam",
    "A ban on night flights",
    "The pension reform",
    "Rent controls",
    "The border agreement",
    "Public broadband",
]
_CLAIMS = [
    "would cost families far more than its supporters admit",
    "is the best chance in a decade to cut waste",
    "should be delayed until the evidence is in",
    "has been badly explained to the public",
    "could work if the funding holds, but the timetable is unrealistic",
    "deserves support because it protects the most vulnerable",
    "is a risky gamble with public money",
    "will not survive its first winter without more staff",
]
_QUESTIONS = [
    "Should the council adopt {}?",
    "Is {} good for the region?",
    "Should we ban {}?",
    "Must the government fund {}?",
]


def generated_pairs(n: int, seed: int = 0) -> list[Pair]:
    """Sentence-length pairs from invented templates (15-30 words of text)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        subj = rng.choice(_SUBJECTS)
        text = (
            f"{subj} {rng.choice(_CLAIMS)}, {rng.choice(['experts said', 'she argued', 'he warned'])}; "
            f"{rng.choice(_SUBJECTS).lower()} {rng.choice(_CLAIMS)}."
        )
        out.append(Pair(id=str(i), question=rng.choice(_QUESTIONS).format(subj.lower()), text=text))
    return out


def bench_pairs(
    path: Path | None, n: int, model_path: Path | None, engines: Sequence[str] = ("neural", "fast")
) -> Iterator[str]:
    """Pairs per CPU second on one core, for each engine (or the one in `model_path`)."""
    from threadpoolctl import threadpool_limits

    if path is not None:
        from annotator.io import Reporter
        from annotator.stance.files import read_pairs

        pairs = read_pairs(path, Reporter())[:n]
        what = f"{len(pairs)} pairs from {path}"
    else:
        pairs = generated_pairs(n)
        what = f"{len(pairs)} generated sentence-length pairs"
    if not pairs:
        raise InputError("no pairs to time")
    words = np.mean([len(p.text.split()) for p in pairs])
    yield f"stance pairs: {what}, {words:.0f} words a text on average, 1 thread"
    for engine_name in [None] if model_path is not None else engines:
        t0 = time.perf_counter()
        model = load_engine(engine_name, model_path)
        load_s = time.perf_counter() - t0
        with threadpool_limits(1):
            predict_pairs(pairs[:50], model)  # warm up
            t0, c0 = time.perf_counter(), time.process_time()
            predict_pairs(pairs, model)
            dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        yield (
            f"{model.name:7} {len(pairs) / cpu:8,.0f} pairs per CPU second on one core ({cpu:.2f} s CPU; "
            f"wall {len(pairs) / dt:,.0f}/s); load {load_s * 1000:.0f} ms ({model.version})"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1024 if sys.platform != "darwin" else 1024**2
    )
    yield f"peak memory: {peak:.0f} MB"


def learning_curve(
    pairs_path: Path | None,
    base_path: Path | None,
    sizes: Sequence[int],
    n_questions: int,
    seed: int,
    review_weight: float = 5.0,
    min_heldout: int = 8,
    engine: str = "neural",
) -> Iterator[str]:
    """Simulated reviews: for questions with enough labelled pairs, the first k of a fixed
    shuffle are 'reviewed', and the items after the largest k are scored. k = 0 is the
    engine alone. Neural: the reviews train a head on the engine's logits (as `annotator
    train REVIEWED -o x.zip` does); fast: they are added to the base data, weighted up."""
    from sklearn.metrics import f1_score

    from annotator.stance.train import TrainRow, fit_rows, load_pairs

    pairs_path = pairs_path or SHARED_STANCE / "dev.jsonl"
    base_path = base_path or SHARED_STANCE / "train.jsonl"
    for p in (pairs_path, base_path):
        if not Path(p).exists():
            raise InputError(
                f"{p}: not found; pass --pairs (labelled pairs to simulate reviews from) and --base"
            )
    rows = [r for r in load_pairs(pairs_path) if r.stance in ("support", "oppose")]
    base = load_pairs(base_path)
    sizes = sorted(set(sizes))
    need = max(sizes) + min_heldout
    by_q: dict[str, list[TrainRow]] = {}
    for r in rows:
        by_q.setdefault(r.question, []).append(r)
    rng = random.Random(seed)
    eligible = sorted(q for q, rs in by_q.items() if len(rs) >= need and len({r.stance for r in rs}) == 2)
    rng.shuffle(eligible)
    chosen = eligible[:n_questions]
    if not chosen:
        raise InputError(f"no question in {pairs_path} has {need} labelled pairs of both stances")
    order = {}
    for q in chosen:
        items = list(by_q[q])
        rng.shuffle(items)
        order[q] = items
    held = [r for q in chosen for r in order[q][max(sizes) :]]
    gold = [r.stance for r in held]
    if engine == "neural":
        yield from _neural_curve(order, chosen, held, gold, sizes, pairs_path)
        return
    yield (
        f"learning curve: {len(chosen)} questions of {pairs_path.name} with >= {need} pairs; "
        f"{len(held)} held-out pairs; reviewed items weigh {review_weight}"
    )
    for k in sizes:
        reviewed = [
            TrainRow(r.question, r.text, r.stance, r.direction, review_weight, "reviewed")
            for q in chosen
            for r in order[q][:k]
        ]
        model = fit_rows(base + reviewed)
        pred = model.polarity([(r.question, r.text, r.direction) for r in held])
        labels = np.where(pred >= 0.5, "support", "oppose")
        f1 = f1_score(gold, labels, average="macro")
        acc = float(np.mean(np.array(gold) == labels))
        yield f"  {k:3d} reviewed/question: macro-F1 {f1:.4f}  accuracy {acc:.4f}"


def _neural_curve(order, chosen, held, gold, sizes, pairs_path) -> Iterator[str]:
    from annotator.stance.neural.head import apply_head, fit_head, macro_f1
    from annotator.stance.neural.runtime import NeuralEngine

    engine = NeuralEngine.load()
    classes = {"oppose": 1, "support": 2}
    z_held = engine.logits([(r.question, r.text) for r in held])
    y_held = [classes[g] for g in gold]
    yield (
        f"learning curve (neural + reviewed-labels head): {len(chosen)} questions of {pairs_path.name}; "
        f"{len(held)} held-out pairs"
    )
    for k in sizes:
        reviewed = [r for q in chosen for r in order[q][:k]]
        z = z_held
        if reviewed:
            head = fit_head(
                engine.logits([(r.question, r.text) for r in reviewed]),
                [r.question for r in reviewed],
                [classes[r.stance] for r in reviewed],
            )
            z = apply_head(z_held, [r.question for r in held], head)
        pred = np.where(z[:, 2] >= z[:, 1], 2, 1)  # support vs oppose
        acc = float(np.mean(pred == np.array(y_held)))
        yield f"  {k:3d} reviewed/question: macro-F1 {macro_f1(y_held, pred.tolist()):.4f}  accuracy {acc:.4f}"


__all__ = ["bench_pairs", "generated_pairs", "learning_curve"]
