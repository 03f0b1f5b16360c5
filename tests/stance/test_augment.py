"""The training pairs the neural engine learns from: each derivation moves the label the way
the module doc says. Invented sentences only."""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

import pytest

from annotator.stance.neural import phrases
from annotator.stance.neural.augment import FLIP, Example, augment, negate
from annotator.stance.neural.train import LABELS, _recorded_args


@pytest.mark.parametrize(
    "sentence, negated",
    [
        ("Ferries should be free for pupils.", "Ferries should not be free for pupils."),
        ("The toll isn't fair to drivers.", "The toll is fair to drivers."),
        ("Orchards can survive a dry summer.", "Orchards cannot survive a dry summer."),
        ("The harbour will not reopen.", "The harbour will reopen."),
    ],
)
def test_negate_switches_the_main_clause(sentence, negated):
    assert negate(sentence) == negated


@pytest.mark.parametrize(
    "sentence",
    [
        "If the ferry stops, the island is cut off.",  # the auxiliary is in a subordinate clause
        "Nobody thinks the toll won't rise.",  # two negators: not safe to switch one
        "The council does a good job.",  # 'does' as a main verb
        "Growers love the new subsidy.",  # no auxiliary to negate
    ],
)
def test_negate_leaves_unsafe_sentences_alone(sentence):
    assert negate(sentence) is None


ROWS = [
    Example("Should the ferry be free for pupils?", "Free ferries would keep pupils in school.", "support"),
    Example(
        "Should the ferry be free for pupils?", "The ferry should charge everyone the same fare.", "oppose"
    ),
    Example("Should orchards get a water subsidy?", "Orchards will die without cheap water.", "support"),
    Example("Should orchards get a water subsidy?", "Growers can pay for their own water.", "oppose"),
    Example(
        "Should the harbour be dredged?", "Dredging is the only way to keep the boats coming.", "support"
    ),
    Example("Should the harbour be dredged?", "Dredging would ruin the oyster beds.", "oppose"),
] * 10


def test_augment_is_deterministic_and_labels_are_known():
    a = augment(ROWS, seed=3, predictions=0.3, effects=0.2, necessities=0.1, comparisons=0.1)
    b = augment(ROWS, seed=3, predictions=0.3, effects=0.2, necessities=0.1, comparisons=0.1)
    assert a == b
    assert {e.label for e in a} <= set(LABELS)
    kinds = Counter(e.kind for e in a)
    assert kinds["original"] == len(ROWS)
    assert kinds["prediction"] == int(0.3 * len(ROWS)) and kinds["effect"] == int(0.2 * len(ROWS))


def test_a_negated_copy_has_the_other_label():
    originals = {(r.text, r.label) for r in ROWS}
    out = augment(ROWS, seed=5, negations=1.0, off_topic=0.0, frames=0.0, contrasts=0.0)
    negated = [e for e in out if e.kind == "negation"]
    assert negated
    for e in negated:
        source = [lab for text, lab in originals if negate(text) == e.text]
        assert source and e.label == FLIP[source[0]], e


def test_off_topic_pairs_take_no_side_and_share_no_topic_word():
    out = augment(ROWS, seed=7, off_topic=1.0, negations=0.0, frames=0.0, contrasts=0.0)
    off = [e for e in out if e.kind == "off_topic"]
    assert off and all(e.label == "none" for e in off)
    topic_of = {r.text: r.question for r in ROWS}
    for e in off:
        own = set(re.findall(r"[a-z]{4,}", topic_of[e.text].lower())) - phrases.COMMON_WORDS
        asked = set(re.findall(r"[a-z]{4,}", e.question.lower())) - phrases.COMMON_WORDS
        assert not own & asked, e


def test_an_effect_reads_opposite_ways_on_the_good_and_the_bad_question():
    """'It won't hurt them' says yes to 'is it good for them?' and no to 'will it hurt them?'."""
    rng = random.Random(11)
    by_text: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _ in range(3000):
        q, text, label = phrases.effect_example(rng)
        asked = "bad" if re.search(r"\b(hurt|bad)\b", q) else "good"
        by_text[text][asked].add(label)
    both = [t for t, d in by_text.items() if len(d) == 2]
    assert len(both) > 20
    for t in both:
        good, bad = by_text[t]["good"], by_text[t]["bad"]
        assert len(good) == 1 and len(bad) == 1, t
        (g,), (b,) = good, bad
        assert (g, b) in {("support", "oppose"), ("oppose", "support"), ("none", "none")}, t
    assert any("won't hurt" in t and by_text[t]["good"] == {"support"} for t in both)


def test_a_consequence_answers_merit_and_harm_in_opposite_ways():
    """'It hits small shops hardest' says no to 'was it the right decision?' and yes to 'does
    it harm small shops?' (the family of the sweep's round "consequences", off by default)."""
    rng = random.Random(5)
    by_text: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _ in range(3000):
        q, text, label = phrases.consequence_example(rng)
        asked = "bad" if re.search(r"\b(harm|unfair|worse)\b", q) else "good"
        by_text[text][asked].add(label)
    both = [t for t, d in by_text.items() if len(d) == 2]
    assert len(both) > 20
    for t in both:
        (g,), (b,) = by_text[t]["good"], by_text[t]["bad"]
        assert (g, b) in {("support", "oppose"), ("oppose", "support"), ("none", "none")}, t
    assert any("hardest" in t and by_text[t]["good"] == {"oppose"} for t in both)
    # off by default: the shipped recipe's augmented set draws none
    assert not any(e.kind == "consequence" for e in augment(ROWS, seed=3, predictions=0.3))


def test_a_prediction_may_name_the_event_in_its_own_words():
    """Some predictions name the event with a noun of their own ("a deal" for "the merger"),
    not the question's subject phrase, and keep the template's label."""
    rng = random.Random(2)
    oblique = 0
    labels = dict(phrases.OBLIQUE_PREDICTIONS)
    for _ in range(2000):
        q, text, label = phrases.prediction_example(rng)
        subject = next(s for s, _, _ in phrases.EVENTS if q.lower().find(s) >= 0)
        nouns = phrases.EVENT_NOUNS.get(subject, ())
        for template, want in labels.items():
            for n in nouns:
                if text == phrases._cap(template.format(n=n, N=phrases._cap(n))):
                    oblique += 1
                    assert label == want and n != subject, (q, text, label)
    assert oblique > 300


def test_the_manifest_keeps_the_command_without_export_only_and_the_note():
    args = ["--pairs", "p.jsonl", "--export-only", "--note", "ran on a GPU", "--device", "cuda", "--note=x"]
    assert _recorded_args(args) == ["--pairs", "p.jsonl", "--device", "cuda"]
