"""Codebook loading: valid YAML/JSON, and invalid files with messages naming the field and
the question."""

from __future__ import annotations

import json

import pytest

from annotator.errors import CodebookError
from annotator.stance.codebook import load_codebook, parse_codebook
from tests.conftest import SEEDS

VALID = """
title: Transit
questions:
  - id: fare_free
    text: Should the city make buses free to ride?
    target: free buses
    direction: for
    keywords: [fares, free transit]
    cues: {oppose: [unaffordable]}
  - id: ban_cars
    text: Should cars be banned from the centre?
    target: cars in the centre
    direction: against
"""


def write(tmp_path, text, name="cb.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_valid_yaml(tmp_path):
    cb = load_codebook(write(tmp_path, VALID))
    assert [q.id for q in cb.questions] == ["fare_free", "ban_cars"]
    assert cb.questions[1].direction == "against"
    assert cb.labels == ["support", "oppose", "mixed", "neutral", "not_addressed"]
    assert cb.questions[0].cues == {"oppose": ["unaffordable"]}


def test_valid_json_and_same_digest_as_yaml(tmp_path):
    import yaml

    data = yaml.safe_load(VALID)
    a = load_codebook(write(tmp_path, json.dumps(data), "cb.json"))
    b = load_codebook(write(tmp_path, VALID))
    assert a == b and a.digest == b.digest


def test_keywords_as_comma_string(tmp_path):
    cb = load_codebook(write(tmp_path, "questions:\n  - {id: a, text: 'Is it good?', keywords: 'x, y z'}\n"))
    assert cb.questions[0].keywords == ["x", "y z"]


def test_seed_codebook_has_the_gold_questions():
    gold = json.loads((SEEDS / "gold" / "seed_gold.json").read_text(encoding="utf-8"))
    cb = load_codebook(SEEDS / "codebook.yaml")
    assert [q.id for q in cb.questions] == [q["id"] for q in gold["questions"]]
    assert [q.text for q in cb.questions] == [q["text"] for q in gold["questions"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "the codebook is empty"),
        ("title: x\n", "missing `questions:`"),
        ("questions: []\n", "`questions` must be a non-empty list"),
        ("questions:\n  - just a string\n", "question 1: expected a mapping"),
        ("questions:\n  - {id: a}\n", "question 1 ('a'): field 'text': Field required"),
        (
            "questions:\n  - {id: a, text: 'Is it?', direction: sideways}\n",
            "question 1 ('a'): field 'direction': must be 'for' or 'against'",
        ),
        (
            "questions:\n  - {id: ok, text: 'Is it good?'}\n  - {id: 'bad id', text: 'Is it bad?'}\n",
            "question 2 ('bad id'): field 'id': String should match pattern",
        ),
        (
            "questions:\n  - {id: a, text: 'Is it?', colour: red}\n",
            "question 1 ('a'): field 'colour': unknown field",
        ),
        ("questions:\n  - {id: a, text: 'Is it?'}\n  - {id: a, text: 'Is it again?'}\n", "repeated: a"),
        (
            "labels: [agree, disagree]\nquestions:\n  - {id: a, text: 'Is it?'}\n",
            "labels must include 'not_addressed'",
        ),
        (
            "labels: [true, false, not_addressed]\nquestions:\n  - {id: a, text: 'Is it?'}\n",
            "labels: true is read by YAML as a true/false value, not a label; put it in quotes",
        ),
        (
            "questions:\n  - {id: a, text: 'Is it?', labels: [1, 2, not_addressed]}\n",
            "question 1 ('a'): labels: 1 is a number, not a label; put it in quotes",
        ),
        (
            "questions:\n  - {id: a, text: 'Is it?', cues: {maybe: [x]}}\n",
            "question 'a': label 'maybe' is not in the codebook labels",
        ),
        ("questions: [\n", "not valid YAML"),
        ("- [1, 2\n", "not valid YAML"),
    ],
)
def test_invalid_codebooks_say_what_and_where(tmp_path, text, expected):
    with pytest.raises(CodebookError) as err:
        load_codebook(write(tmp_path, text))
    assert expected in str(err.value)
    assert str(tmp_path / "cb.yaml") in str(err.value)


def test_missing_file_and_bad_json(tmp_path):
    with pytest.raises(CodebookError, match="no such codebook file"):
        load_codebook(tmp_path / "nope.yaml")
    with pytest.raises(CodebookError, match=r"not valid JSON .* line 1"):
        load_codebook(write(tmp_path, "{questions: ", "cb.json"))


def test_a_bare_list_of_questions_is_accepted():
    cb = parse_codebook([{"id": "q1", "text": "Should we?"}])
    assert cb.questions[0].direction == "for"


def test_yes_and_no_are_labels_not_booleans(tmp_path):
    """YAML 1.1 reads yes/no/on/off as booleans; a journalist writing labels means the words."""
    path = tmp_path / "c.yaml"
    path.write_text(
        "labels: [yes, no, on, off, not_addressed]\n"
        "questions:\n  - {id: a, text: 'Is it on?', labels: [on, off, not_addressed]}\n",
        encoding="utf-8",
    )
    book = load_codebook(path)
    assert book.labels == ["yes", "no", "on", "off", "not_addressed"]
    assert book.labels_for("a") == ["on", "off", "not_addressed"]


def test_numbers_written_as_keywords_or_version_are_text(tmp_path):
    # YAML reads `2030` and `version: 2` as numbers; a journalist means the words
    cb = load_codebook(
        write(
            tmp_path,
            "version: 2\nquestions:\n  - {id: a, text: 'Done by 2030?', keywords: [finished, 2030]}\n",
        )
    )
    assert cb.version == "2" and cb.questions[0].keywords == ["finished", "2030"]
    cb = load_codebook(write(tmp_path, "questions:\n  - {id: a, text: 'Done by 2030?', keywords: 2030}\n"))
    assert cb.questions[0].keywords == ["2030"]
