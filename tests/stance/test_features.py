"""Text normalisation, direction inference and cue features."""

from __future__ import annotations

import pytest

from annotator.stance.features import anchored_polarity, infer_direction, stem, tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We should ban smoking in parks", "against"),
        ("Abolish the monarchy", "against"),
        ("Speed limits should not be raised", "against"),
        ("We should not ban fireworks", "for"),
        ("The city should build more bike lanes", "for"),
        ("Is nuclear power a threat to safety?", "against"),
        ("Should the voting age be lowered to 16?", "for"),
        ("library", "for"),
    ],
)
def test_infer_direction(text, expected):
    assert infer_direction(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They shouldn\u2019t go", ["they", "should", "not", "go"]),
        ("The U.S. and US allies told us", ["the", "usa", "and", "usa", "allies", "told", "us"]),
        ("Can't stop", ["can", "not", "stop"]),
    ],
)
def test_tokenize(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("defence", "defense"),
        ("prioritise", "prioritizing"),
        ("equipping", "equip"),
        ("commitment", "committed"),
        ("Nigerian", "Nigeria"),
    ],
)
def test_stem_unifies_variants(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    "text, anchors, sign",
    [
        ("the region still lacks a coherent plan", {stem("coherent"), stem("plan")}, -1),
        ("a tram line would be a great benefit for commuters", {stem("tram")}, 1),
        ("the tram line is not a good idea", {stem("tram")}, -1),
        ("the weather was fine", {stem("tram")}, 0),
    ],
)
def test_anchored_polarity(text, anchors, sign):
    value = anchored_polarity(tokenize(text), anchors)
    assert (value > 0) - (value < 0) == sign
