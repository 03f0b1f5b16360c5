"""Reporting cues: verbs of saying and their phrases ("said", "according to", "called for"),
found with one dictionary look-up per word, and their lemmas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.quotes import lexicon as lx
from annotator.quotes.patterns import search_before

_PHRASES = (
    ["according to", "as reported by", "as first reported by", "in the words of"]
    + [p for p, _ in lx.CUE_PHRASES]
    + [p for p, _ in lx.OBJECT_PHRASES]
)

_SINGLE = set(lx.VERB_FORMS) | set(lx.OBJECT_VERBS) | set(lx.NAMING_VERBS)

CUE_FIRST: dict[str, list[str]] = {}

for _p in sorted(_PHRASES, key=len, reverse=True):
    CUE_FIRST.setdefault(_p.split()[0], []).append(_p)

#: phrases of a verb and its preposition, by the verb: an adverb may come between them
PREP_FIRST: dict[str, list[str]] = {}
for _p, _ in lx.OBJECT_PHRASES:
    _w = _p.split()
    if len(_w) == 2 and _w[1] in ("about", "of", "for", "on", "against", "at", "to"):
        PREP_FIRST.setdefault(_w[0], []).append(_w[1])
_ADVERBS = r"(?:[a-z]{3,}ly|more|less|repeatedly|often|again|openly|at\s+length|out)"
ADVERB_GAP_RE = re.compile(r"\s+" + _ADVERBS + r"\s+")
ADVERB_IN_RE = re.compile(r"(?<=\w)\s+" + _ADVERBS + r"(?=\s+\w+$)")

_WORDCHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_’'-")

ALPHA_RE = re.compile(r"[A-Za-z]+")
_NON_SPACE_RE = re.compile(r"\S")  # (a cue opens its sentence: nothing but spaces before it)
#: a possessive right before a word ("Kim’s remarks")
POSSESSIVE_END_RE = re.compile(
    r"(?<![\w'’])(?!(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Ww]ho|[Tt]here|[Ww]hat|[Hh]ere|[Ww]here|[Ll]et)['’])\w[\w.\-]*['’]s\s+$"
)


@dataclass(slots=True)
class CueMatch:
    """A reporting cue found in a sentence (offsets relative to the sentence)."""

    cue: str
    start: int
    end: int

    def group(self, _name: str = "cue") -> str:
        return self.cue

    def span(self, _name: str = "cue") -> tuple[int, int]:
        return self.start, self.end


#: the words a cue may start with
_CANDIDATES = frozenset(CUE_FIRST) | frozenset(PREP_FIRST) | frozenset(_SINGLE)

#: cues that may open a sentence, capitalised, before their speaker
SENTENCE_FIRST = frozenset({"said", "says", "added", "adds", "wrote", "writes", "recalled", "explained"})


def find_cues(masked: str) -> list[CueMatch]:
    """Reporting cues in a masked sentence: one dictionary look-up per word (fast), then the
    multi-word phrases starting with that word. Verbs are lower case; "According to" and
    "As reported by" may open a sentence."""
    out: list[CueMatch] = []
    n = len(masked)
    for m in ALPHA_RE.finditer(masked):
        w = m.group()
        low = w.lower()
        if low not in _CANDIDATES:
            continue  # most words: one set look-up
        a, b = m.span()
        if a > 0 and masked[a - 1] in _WORDCHARS:
            continue
        if b < n and masked[b] in _WORDCHARS:
            continue
        if (
            w != low
            and low not in ("according", "as", "in")
            and not (low in SENTENCE_FIRST and _NON_SPACE_RE.search(masked, 0, a) is None)
        ):
            continue  # "Said Jo Marsh, who ...": a cue may open its sentence, inverted
        found = None
        for p in CUE_FIRST.get(low, ()):
            e = a + len(p)
            if masked[a:e].lower() == p and (e >= n or masked[e] not in _WORDCHARS):
                found = CueMatch(masked[a:e], a, e)
                break
        if found is None and low in PREP_FIRST:
            gap = ADVERB_GAP_RE.match(masked, b)  # "complained bitterly about", "talked more about"
            if gap:
                for rest in PREP_FIRST[low]:
                    e = gap.end() + len(rest)
                    if masked[gap.end() : e].lower() == rest and (e >= n or masked[e] not in _WORDCHARS):
                        found = CueMatch(masked[a:e], a, e)
                        break
        if found is None and (w == low or low in SENTENCE_FIRST) and low in _SINGLE:
            if search_before(POSSESSIVE_END_RE, masked, a, 40, ("'s", "’s")):
                continue  # "Ann Kim's remarks", "the bank's report": a noun, not a verb
            found = CueMatch(w, a, b)
        if found is not None:
            if out and found.start < out[-1].end:
                continue
            out.append(found)
    return out


CUE_LEMMA = {p: lem for p, lem in lx.CUE_PHRASES + lx.OBJECT_PHRASES}

OBJECT_LEMMAS = set(lx.OBJECT_VERBS.values()) | {lem for _, lem in lx.OBJECT_PHRASES}

SPEECH_LEMMAS = set(lx.VERB_FORMS.values()) | {lem for _, lem in lx.CUE_PHRASES}


def lemma_of(cue: str) -> str:
    low = cue.lower()
    if low.startswith(("according", "as reported", "as first", "in the words of")):
        return "according to"
    if low in CUE_LEMMA:
        return CUE_LEMMA[low]
    if " " in low:
        plain = ADVERB_IN_RE.sub("", low)  # "complained bitterly about"
        if plain in CUE_LEMMA:
            return CUE_LEMMA[plain]
    return lx.VERB_FORMS.get(low) or lx.OBJECT_VERBS.get(low, low)


NOT_A_CUE_AFTER_RE = re.compile(r"[\s-]+(?:tanks?|twice|so|again|big|about)\b")
