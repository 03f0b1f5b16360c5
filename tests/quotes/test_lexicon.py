"""The language data of quote extraction: no duplicates, valid verb forms, and every cue list
consistent with the verb tables."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.quotes import lexicon as lx


@pytest.mark.parametrize("table", ["_SPEECH", "_OBJECT"])
def test_verb_tables_have_no_duplicates_and_four_forms(table):
    rows = getattr(lx, table)
    assert not [row for row, n in Counter(rows).items() if n > 1]
    for base, third, past, ing in rows:
        assert third.endswith("s") and ing.endswith("ing"), (base, third, past, ing)
        assert base.isalpha() and base == base.lower()
        assert not base.endswith(("ed", "ing")) or base in ("need", "bring"), base


def test_every_lemma_the_rules_name_is_a_verb_of_the_tables():
    lemmas = (
        {row[0] for row in lx._SPEECH} | {row[0] for row in lx._OBJECT} | {lem for _, lem in lx.CUE_PHRASES}
    )
    for name in ("BARE_CLAUSE", "THAT_ONLY", "TO_CLAUSE", "QUOTE_ONLY", "OTHER_SENSE", "WEAK_ING"):
        unknown = getattr(lx, name) - lemmas - {"estimate", "mention", "post", "read"}
        assert not unknown, f"{name}: {sorted(unknown)}"


@pytest.mark.parametrize(
    "name",
    [
        "GROUP_NOUNS",
        "SPEAKER_NOUNS",
        "SOURCE_NOUNS",
        "ROLE_WORDS",
        "TITLES",
        "NOT_NAMES",
        "ABBREVIATIONS",
        "NAME_PARTICLES",
    ],
)
def test_word_lists_are_lower_case(name):
    words = getattr(lx, name)
    assert words and all(w == w.lower() and w == w.strip() for w in words)


def test_nouns_are_not_verbs():
    assert "state" not in lx.VERB_FORMS and "stated" in lx.VERB_FORMS
    assert "agree" not in lx.VERB_FORMS


def test_an_alternation_matches_what_a_longest_first_list_matches():
    """`alternation` is a trie for speed; it must prefer the longest word as a flat
    longest-first alternation does."""
    import re

    from annotator.quotes.lexicon import VERB_FORMS, alternation

    words = sorted(VERB_FORMS)[:400] + ["said in", "said", "s", "a.b"]
    trie = re.compile(rf"(?:{alternation(words)})")
    flat = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")")
    for text in ["said in a statement", "saying so", "says", "sx", "a.b", "abc", *words]:
        a, b = trie.match(text), flat.match(text)
        assert (a and a.group()) == (b and b.group()), text
