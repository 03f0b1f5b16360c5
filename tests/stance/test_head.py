"""Learning from reviews with the neural engine: the head on its logits (no torch), its
cross-validated check, and `annotator train REVIEWED.jsonl` writing (or refusing to write)
an engine file that `annotator stance --model` then uses."""

from __future__ import annotations

import json
import re

import numpy as np
from typer.testing import CliRunner

from annotator.cli import app
from annotator.stance.neural.head import apply_head, fit_head, review_cv

runner = CliRunner()


def _logits(labels, rng, margin=3.0):
    """Logits an engine would give: the given class ahead by `margin`."""
    z = rng.normal(0, 0.3, size=(len(labels), 3))
    z[np.arange(len(labels)), labels] += margin
    return z


def test_a_question_the_engine_misreads_is_learnt():
    """On one question the engine reads every supporting quote as against (a question worded
    against its target); on another it is right. A per-question bias learns the first and
    leaves the second alone."""
    rng = np.random.default_rng(0)
    questions = ["misread"] * 12 + ["fine"] * 12
    truth = np.array([2] * 12 + [2, 1, 0] * 4)
    engine_says = np.array([1] * 12 + [2, 1, 0] * 4)
    logits = _logits(engine_says, rng)
    before, after = review_cv(logits, questions, truth)
    assert before["accuracy"] == 0.5 and after["accuracy"] > 0.9
    head = fit_head(logits, questions, truth)
    fixed = apply_head(logits, questions, head).argmax(axis=1)
    assert (fixed == truth).all()
    # a question the head never saw gets only the global terms: the engine's reading stands
    unseen = apply_head(logits[12:], ["other"] * 12, head).argmax(axis=1)
    assert unseen.tolist() == engine_says[12:].tolist()


def test_reviews_that_agree_with_the_engine_change_little():
    rng = np.random.default_rng(1)
    labels = np.array([0, 1, 2] * 6)
    logits = _logits(labels, rng)
    head = fit_head(logits, ["q"] * len(labels), labels)
    assert abs(float(head["scale"][0]) - 1.0) < 0.8
    assert (apply_head(logits, ["q"] * len(labels), head).argmax(axis=1) == labels).all()


CODEBOOK = "questions:\n  - id: bridge\n    text: Should the old bridge close to cars?\n"
QUESTION = "Should the old bridge close to cars?"
# invented sentences that plainly support closing the bridge; the shipped engine reads about half
# of them as against (the question names what it would remove): the case reviews are for
FOR_CLOSING = [
    "Closing the bridge to cars is long overdue.",
    "Cars have no business on that old bridge any more.",
    "The bridge should be for people on foot and on bikes.",
    "Shutting it to traffic would make the crossing safe again.",
    "Every week the bridge stays open to cars, it crumbles a little more.",
    "A car-free bridge would bring the riverside back to life.",
    "Let the cars take the ring road and give the bridge to walkers.",
    "Traffic is wrecking the bridge; close it to cars now.",
    "The sooner the cars are off that bridge, the better.",
]
AGAINST_CLOSING = [
    "The bridge must stay open to cars; the shops depend on the traffic.",
    "Closing the bridge would cut the town in two.",
    "Drivers need that crossing; shutting it would be a mistake.",
    "Keep the bridge open to traffic, as it has been for a century.",
]


def _reviewed(tmp_path, items: list[tuple[str, str]]):
    rows = [
        {
            "quote_id": f"q{n}",
            "article_id": "a",
            "start": 0,
            "end": len(t),
            "question": "bridge",
            "label": label,
            "annotator": "rev",
            "text": t,
        }
        for n, (t, label) in enumerate(items)
    ]
    path = tmp_path / "reviewed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "codebook.yaml").write_text(CODEBOOK, encoding="utf-8")
    return path


def _stance(tmp_path, text: str, model=None) -> str:
    pairs, pred = tmp_path / "pairs.jsonl", tmp_path / "pred.jsonl"
    pairs.write_text(json.dumps({"id": "new", "question": QUESTION, "text": text}) + "\n", encoding="utf-8")
    args = ["stance", "--pairs", str(pairs), "-o", str(pred)] + (["--model", str(model)] if model else [])
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    return json.loads(pred.read_text(encoding="utf-8"))["stance"]


def test_a_misread_question_is_learnt_from_reviews(tmp_path):
    from annotator.stance.neural.runtime import NeuralEngine

    reviewed = _reviewed(tmp_path, [(t, "support") for t in FOR_CLOSING])
    out = tmp_path / "newsroom.zip"
    res = runner.invoke(app, ["train", str(reviewed), "-c", str(tmp_path / "codebook.yaml"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    scores = re.search(
        r"engine alone macro-F1 [\d.]+ \(accuracy ([\d.]+)\); with the reviews, 3-fold CV macro-F1 "
        r"[\d.]+ \(accuracy ([\d.]+)\)",
        res.output,
    )
    assert scores, res.output
    alone, with_reviews = float(scores.group(1)), float(scores.group(2))
    assert alone <= 0.6 and with_reviews >= alone + 0.2, res.output
    engine = NeuralEngine.load(out)
    assert engine.head and engine.version != NeuralEngine.load().version
    assert engine.manifest["reviewed"]["reviewed_labels"] == len(FOR_CLOSING)
    assert (
        _stance(tmp_path, "Honestly, cars should have been banned from the bridge years ago.", out)
        == "support"
    )


def test_reviews_that_would_lower_the_score_are_refused_unless_forced(tmp_path):
    """For and against on one question: a bias cannot learn which is which, and its
    cross-validated score is below the engine's; nothing is written without --force."""
    # four each way, balanced; the engine reads some of each side right, so a per-question bias
    # can only trade one side for the other (measured: 0.37 alone, 0.11 cross-validated)
    four_for = [FOR_CLOSING[i] for i in (0, 4, 5, 7)]
    items = [(t, "support") for t in four_for] + [(t, "oppose") for t in AGAINST_CLOSING]
    reviewed = _reviewed(tmp_path, items)
    out = tmp_path / "newsroom.zip"
    res = runner.invoke(app, ["train", str(reviewed), "-c", str(tmp_path / "codebook.yaml"), "-o", str(out)])
    assert res.exit_code == 1, res.output
    assert "lowers the reviewed-item macro-F1" in res.output and "--force" in res.output and not out.exists()
    args = ["train", str(reviewed), "-c", str(tmp_path / "codebook.yaml"), "-o", str(out), "--force"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and out.exists()
