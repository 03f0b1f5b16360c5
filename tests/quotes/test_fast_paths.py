"""The fast front ends of slow patterns give exactly what the plain pattern gives.

`aux_tail` reads back over the words `AUX_RE` is made of before it searches, and `role_before`
runs `ROLE_BEFORE_RE` only where the word before a name ends as a role does. Both must find
the same match as the pattern searched over the whole window, on any text: these tests compare
them on thousands of random strings built from the patterns' own words and the characters
that end their runs (commas, line breaks, non-breaking spaces, quotation masks). The words
are invented or ordinary English."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from annotator.quotes import lexicon as lx
from annotator.quotes.given_names import is_person_name
from annotator.quotes.patterns import AUX_RE, ROLE_BEFORE_RE, SPEECH, WEEKDAYS, aux_tail, role_before
from annotator.quotes.people import split_title
from annotator.quotes.subjects import PERSON_OF_COMMON_END_RE, ROLE_OF_NP_RE, person_of_common, role_of_np

AUX_PIECES = (
    sorted(lx.AUX)
    + WEEKDAYS.split("|")
    # the words written out in the pattern ("however", "morning", "days", "later", ...) and
    # pieces of them, read from the pattern itself
    + sorted(set(re.findall(r"[A-Za-z]+", AUX_RE.pattern)))
    + [
        "day",
        "week",
        "month",
        "year",
        "this past",
        "in turn",
        "for her part",
        "two weeks later",
        "on Monday night",
        "quietly",
        "firmly",
        "Early",
        "Kim",
        "the mayor",
        "12",
        "1990",
    ]
    + ["fly", "ly", "x"]
)
SEPARATORS = [" ", " ", " ", ", ", ",", "  ", "\n", "\t", "\xa0", " , ", ". ", "; ", SPEECH, " (", ") "]


def _random_text(rng: random.Random, pieces: list[str], n: int) -> str:
    out = []
    for _ in range(n):
        out.append(rng.choice(pieces))
        out.append(rng.choice(SEPARATORS))
    if out and rng.random() < 0.5:
        out.pop()  # (end on a word as often as on a separator)
    return "".join(out)


def _span(m):
    return None if m is None else (m.span(), m.groupdict())


@pytest.mark.parametrize("seed", range(4))
def test_aux_tail_finds_what_the_pattern_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = _random_text(rng, AUX_PIECES, rng.randint(0, 12))
        if rng.random() < 0.5:  # (often a chain of aux words alone, as a match is made of)
            text += "".join(
                rng.choice(AUX_PIECES) + rng.choice([" ", ", ", ","]) for _ in range(rng.randint(1, 5))
            )
        assert _span(aux_tail(text)) == _span(AUX_RE.search(text)), repr(text)


def test_aux_tail_starts_at_the_aux_words() -> None:
    text = "Dr. Ann Kim, however, has long quietly"
    assert aux_tail(text).start() == text.index(",")
    assert aux_tail("The mayor on Monday night").group() == " on Monday night"
    assert aux_tail("The mayor").group() == ""


ROLE_PIECES = [
    "economist",
    "Marine biologist",
    "physician",
    "former",
    "Former",
    "ex-",
    "senior",
    "analyst",
    "the",
    "professor",
    "Professor",
    "mayor",
    "member",
    "Kim",
    "said",
    "co-founder",
    "criminologist",
    "her",
]


@pytest.mark.parametrize("seed", range(4))
def test_role_before_finds_what_the_pattern_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = _random_text(rng, ROLE_PIECES, rng.randint(0, 14)) + rng.choice(["", " ", "\t", "\n", " \n"])
        start = len(text)
        text += "Ann Kim said."
        want = ROLE_BEFORE_RE.search(text, max(0, start - 60), start)
        assert _span(role_before(text, start)) == _span(want), repr(text)


def test_role_before_reads_the_role() -> None:
    text = "said former senior economist Ann Kim"
    assert role_before(text, text.index("Ann")).group("r") == "former senior economist"
    assert role_before("said Ann Kim", 5) is None


COMMON_PIECES = ["Ann", "Kim", "Tom", "Reyes", "of", "at", "from", "with", "for", "the", "The", "a", "an"] + [
    "mayor",
    "director",
    "harbor",
    "association",
    "neighborhood",
    "group",
    "said",
    "who",
    "that",
]


@pytest.mark.parametrize("seed", range(3))
def test_role_and_affiliation_checks_skip_only_what_cannot_match(seed: int) -> None:
    """`role_of_np` and `person_of_common` skip their patterns when the words at the end
    cannot hold a match; they must answer as the patterns alone would."""
    rng = random.Random(seed)
    for _ in range(1500):
        core = _random_text(rng, COMMON_PIECES, rng.randint(0, 8))
        if rng.random() < 0.7:  # (most often a subject and an affiliation of one to seven words)
            lower = [w for w in COMMON_PIECES if w.islower()]
            core += " ".join(
                [rng.choice(["Ann Kim", "Tom Reyes", "the mayor", "a director", "An"]), rng.choice(lower)]
                + [rng.choice(lower) for _ in range(rng.randint(0, 7))]
            )
        core = core.rstrip()
        m = ROLE_OF_NP_RE.search(core, max(0, len(core) - 160))
        want = None
        if m is not None and not re.search(r"\b(?:that|who|whom|whose|which|where|when)\b", m.group("of")):
            words = m.group("of").split()
            if not any(
                w[:1].isupper()
                and not p[:1].isupper()
                and not re.match(r"(?i:of|at|for|from|with|the|and|&|on|in)$", p)
                for p, w in itertools.pairwise(words)
            ):
                want = m.start()
        assert role_of_np(core) == want, repr(core)
        p = PERSON_OF_COMMON_END_RE.search(core, max(0, len(core) - 120))
        got = person_of_common(core, core, 0)
        if p is None or not is_person_name(split_title(p.group("p"))[0]):
            assert got is None, repr(core)
        else:
            assert (got.start, got.end, got.appositive) == (p.start("p"), p.end("p"), p.group("org")), repr(
                core
            )


def test_quotes_are_built_as_model_construct_builds_them() -> None:
    """Quotes are set up without `model_construct`'s per-field look-ups: the same model state."""
    from annotator.models import Article, Quote
    from annotator.quotes import People, find_quotes

    text = "“The ferry must run all winter,” said Ann Kim, a harbor engineer. She said the pier is safe."
    quotes = find_quotes(Article(id="a1", text=text), People())
    assert len(quotes) == 2
    for q in quotes:
        built = Quote.model_construct(_fields_set=set(Quote.model_fields), **dict(q.__dict__))
        assert q.__getstate__() == built.__getstate__()
        assert q == built and hash(q) == hash(built)
        assert Quote.model_validate(q.model_dump()) == q
