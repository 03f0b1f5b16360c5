"""Given names, as a reader knows them: "Ann Kim" names a person, "Tom" is usually a man.

The lists are the US Census Bureau's 1990 frequencies of first names (4,275 female and 1,219
male names, public domain), as the `names` package ships them (MIT). They serve two things:

- a capitalised run of a given name and a surname ("Ann Kim read the report.") names a
  person, so a later "she said" can go back to her; capitalised runs in general ("New
  Jersey", "Star Wars") are not taken for people. The given name must be a common one (at
  least `MIN_SHARE` percent of people: "Virginia", not "Star"), and the last word one of the
  census's 88,799 surnames ("Virginia Beach" passes, "Santa Fe", "Royal Navy" do not);
- a pronoun does not go back to a person whose given name is clearly of the other gender
  ("Tom Reyes read it. “...,” she said": not Tom). Clearly: one list's share of the name at
  least `RATIO` times the other's; a name common in both ("Jordan", "Casey") decides nothing.

Nothing guessed here is written out: a person's `pronoun` in the exports is still only what
the article's own pronouns or the registry say.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from annotator.quotes import lexicon as lx

#: one list's share of a name at least this many times the other's: that list's gender
RATIO = 4.0
#: a given name that opens a person's name: borne by at least this percent of women or men
MIN_SHARE = 0.005


def _shares(member: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in resources.files("names").joinpath(member).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, float], dict[str, float]]:
    """The female and male given-name shares, each file read once per process."""
    return _shares("dist.female.first"), _shares("dist.male.first")


@lru_cache(maxsize=1)
def _table() -> dict[str, str | None]:
    """given name (lower case) -> "she", "he", or None (used for both)."""
    female, male = _lists()
    table: dict[str, str | None] = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        table[name] = "she" if f >= RATIO * m and f > 0 else "he" if m >= RATIO * f and m > 0 else None
    return table


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    female, male = _lists()
    return frozenset(n for n, v in (*female.items(), *male.items()) if v >= MIN_SHARE)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii")
    return frozenset(line.split(None, 1)[0].lower() for line in text.splitlines() if line.strip())


def is_given_name(word: str) -> bool:
    """A common given name ("Ann", "Greg"; not "Homeowner", not the rare "Star")."""
    return _ascii(word) in _common()


@lru_cache(maxsize=16384)
def _ascii(word: str) -> str:
    """The word as the census lists spell it: lower case, without accents ("Ibáñez" ibanez)."""
    return unicodedata.normalize("NFKD", word.strip(".,")).encode("ascii", "ignore").decode().lower()


def is_person_name(name: str) -> bool:
    """A common given name, then a surname: "Ann Kim", "Tom de la Rosa" (not "New Jersey",
    "Star Wars", "Santa Fe"). One word is no such name."""
    words = [_ascii(w) for w in name.split()]
    if len(words) < 2 or words[0].lower() not in _common():
        return False
    last = words[-1].replace("’", "'")
    return (
        last in _surnames()
        or last.replace("'", "") in _surnames()
        or ("-" in last and all(part in _surnames() for part in last.split("-")))
    )


def is_plural_group_name(name: str) -> bool:
    """Capitalised words for a group of people ("Harbor Islanders", "Senate Republicans"): two
    words or more, the last a plural that is no surname, the first no given name."""
    words = [_ascii(w) for w in name.split()]
    if len(words) < 2 or words[0] in _common() or words[0].rstrip(".") in lx.TITLES:
        return False
    last = words[-1]
    return last.endswith(("ers", "ans", "ites", "ists", "ats", "ees")) and last not in _surnames()


def given_pronoun(name: str) -> str | None:
    """ "she" or "he" when the name's first word is clearly a woman's or a man's given name."""
    words = name.split()
    return _table().get(_ascii(words[0])) if words else None


def title_pronoun(title: str | None) -> str | None:
    """ "she" for "Ms."/"Mrs.", "he" for "Mr."/"Sir": a title that says the gender (written out)."""
    for w in (title or "").lower().replace(".", " ").split():
        if w in lx.GENDER_TITLES:
            return lx.GENDER_TITLES[w]
    return None


def may_be(name: str, pronoun: str) -> bool:
    """ "he"/"she" may stand for the person named: her given name is not clearly the other's."""
    return given_pronoun(name) in (None, pronoun)


__all__ = [
    "MIN_SHARE",
    "RATIO",
    "given_pronoun",
    "is_given_name",
    "is_person_name",
    "is_plural_group_name",
    "may_be",
    "title_pronoun",
]
