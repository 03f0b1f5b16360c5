"""People named in one article, as a reader keeps track of them: full names by surname ("Lee"
-> "Ann Lee"), every place a person is named outside a quotation (for he/she), which names
are known to be people's (a role, a title, an age, a given name and a surname), and the
description each was first given ("Ann Kim, an economist at ...")."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from annotator.quotes import lexicon as lx
from annotator.quotes.given_names import is_person_name, is_plural_group_name
from annotator.quotes.patterns import (
    LEAD_PROFESSION_RE,
    NAME_OF_ORG_AFTER_RE,
    PREPOSED_DESC_RE,
    UPPER,
    name_runs,
    preposed_role,
    role_before,
)
from annotator.quotes.people import PROFESSION_RE, People, is_organisation, split_title
from annotator.quotes.records import Raw

SURNAME_IN_TEXT_RE = re.compile(
    rf"(?<![\w’'\-])(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+)?(?P<s>[{UPPER}][\w’'\-]+)(?![\w’'\-])"
)
#: after a name, an appositive that describes a person ("Ann Kim, president of the Center
#: ...", "Ann Kim, a former director ...", "Ann Kim, who teaches ..."): the name is a person's,
#: and a pronoun in the next sentence may take it ("who" with a singular verb only: "Ann Kim,
#: who teaches law", not "Latin Americans, who voted")
PERSON_APPOSITIVE_RE = re.compile(
    # "Greta Lund, 67, ...": an age says a person, whatever follows
    r",[ \t]+(?:\d{1,3}(?=,|[ \t]+and\b)|who[ \t]+(?:[a-z]+ly[ \t]+)?(?:is|was|has|[a-z]+[^s\W]s)\b|(?:(?:a|an|the|its|their|his|her)[ \t]+)?(?:[\w’'\-.]+[ \t]+){0,3}?(?:"
    + "|".join(sorted(lx.PERSON_NOUNS - {"person", "member", "head", "chief", "owner", "partner"}))
    + r")\b"
    # a profession in -ist or -ian ("a pharmacist", "an economic historian", "a physician")
    + r"|an?[ \t]+(?:[\w’'\-]+[ \t]+){0,2}?[a-z]{3,}(?:ist|ian)\b"
    + r"(?![ \t]+(?:firm|group|company|party|movement|shop|store|network|publication|airliner)))"
)
#: after a name, a copula that describes a person ("Ann Kim is an engineer at the port
#: authority."): the name is a person's, and the description (to the clause's end) her role
PERSON_COPULA_RE = re.compile(
    r"[ \t]+(?:is|was)[ \t]+(?P<d>(?:(?:a|an|the)[ \t]+)?(?:[\w’'\-.]+[ \t]+){0,3}?(?:"
    + "|".join(sorted(lx.PERSON_NOUNS - {"person", "member", "head", "chief", "owner", "partner", "friend"}))
    + r"|[a-z]{3,}(?:ist|ian))\b[^.;:\n,]{0,100}?)(?=[.;:\n]|,|[ \t]+(?:who|which|and|but)\b|$)"
)
#: "Ann Kim, who ran the port for a decade, was calmer", "Ann Kim, who ran the port and now
#: advises the city, ...": a who-clause in the past with a singular verb after it or in it
#: says a person (a past tense alone does not: "Harbor Islanders, who voted early, disagreed")
WHO_SINGULAR_RE = re.compile(
    r",[ \t]+who[ \t]+(?:"
    r"[^,;.\n]{1,160},[ \t]+(?:[a-z]+ly[ \t]+)?(?:is|was|has|says|[a-z]+[^s\W]s)\b"
    r"|[^,;.\n]{1,160}?[ \t](?:and|but)[ \t]+(?:now[ \t]+|also[ \t]+|later[ \t]+)?(?:is|has|[a-z]+[^s\W]s)\b)"
)
#: where the appositive after a described name ends: a comma and a word that starts the
#: predicate ("Ann Kim, president of the Harbor Center, a think tank, disagreed ...")
APPOSITIVE_END_RE = re.compile(
    r",[ \t]+(?!(?:a|an|the|who|whom|whose|which|and|or|but|its|his|her|their|now|formerly|based|"
    r"once|also|then|one|former)\b)[a-z]"
)
APPOSITIVE_MAX = 200


class ArticleNames:
    """People named in one article: full names by surname (for "Lee" -> "Ann Lee"), and every
    place a person is named outside a quotation (full name, or a known surname with or without
    a title), in text order, for pronouns."""

    def __init__(
        self, text: str, raws: list[Raw], quoted: list[tuple[int, int]] = (), people: People | None = None
    ) -> None:
        self.by_surname: dict[str, str] = {}
        found: list[tuple[int, str]] = []  # (position, full name)
        self.persons: set[str] = set()  # names known to be people: speakers, or named with a title
        for r in raws:
            m = r.mention
            if m is not None and m.kind == "name" and not is_plural_group_name(m.text):
                self._learn(m.text, m.start, found, speaker=True)  # (not "Harbor Islanders": a group)
        self.described: dict[str, str] = {}  # a person's first appositive outside a quote
        for start, end in name_runs(text):
            described = (
                PERSON_APPOSITIVE_RE.match(text, end, end + 80) is not None
                or WHO_SINGULAR_RE.match(text, end, end + 240) is not None
            )
            before = role_before(text, start)
            of_org = (
                NAME_OF_ORG_AFTER_RE.match(text, end, end + 80)
                if text[end : end + 4] in (" of ", " at ")
                else None
            )
            of_org = of_org if of_org is not None and is_organisation(of_org.group("org")) else None
            if before is None and text[(k := of_org.end() if of_org else end) : k + 1] == ",":
                before = PREPOSED_DESC_RE.search(text, max(0, start - 80), start)
            if before is None:  # "Biologist Ann Kim" opening a sentence: the run starts with her role
                before = LEAD_PROFESSION_RE.match(text, start, end)
            copula = None if described or before else PERSON_COPULA_RE.match(text, end, end + 160)
            if not (described or copula) and of_org is not None:  # "Raul Ibanez of the Eastfield Institute"
                copula = of_org
            name = self._learn(
                text[start:end], start, found, speaker=False, person=described or bool(before) or bool(copula)
            )
            if name is not None and name not in self.described:
                app = self._appositive(text, end) if described else None
                if app or before or copula:
                    where = [preposed_role(before)] if before else []
                    self.described[name] = app or " ".join(
                        where + ([copula.group("d").strip()] if copula else [])
                    )
        full_at = {pos for pos, _ in found}
        for m in SURNAME_IN_TEXT_RE.finditer(text):
            whole, surname = m.group(0, "s")
            full = self.by_surname.get(surname.lower())
            titled = whole != surname
            if (full is None and not titled) or m.start() in full_at:
                continue  # (most capitalised words: no surname known, no title)
            if full is None and titled and people is not None:  # "Mr. Lee", known from the registry
                known = people.by_surname(surname)
                full = known.name if known is not None and known.kind == "person" else None
            if full is not None and surname != full:
                found.append((m.start(), full))
                if titled:  # "Mr. Lee": a person
                    self.persons.add(full)
        found.sort()
        # drop names inside quotations: the words of a quote do not name its speaker
        qs = sorted(quoted)
        qstarts = [a for a, _ in qs]
        self.mentions = []
        for pos, name in found:
            k = bisect.bisect_right(qstarts, pos) - 1
            if k >= 0 and qs[k][0] <= pos < qs[k][1]:
                continue
            self.mentions.append((pos, name))
        self.positions = [pos for pos, _ in self.mentions]

    @staticmethod
    def _appositive(text: str, at: int) -> str | None:
        """The appositive that starts with the comma at `at`, up to the comma before the
        predicate, in one clause of at most APPOSITIVE_MAX characters; None when it does not end."""
        window = text[at : at + APPOSITIVE_MAX]
        stop = min((k for k in (window.find(c) for c in ".;:\n") if k >= 0), default=len(window))
        end = APPOSITIVE_END_RE.search(window, 1, stop)
        if end is None and window[stop : stop + 1] == ".":
            # "... shared by Ann Kim, an economist at the Harbor Institute.": it ends the sentence
            return window[1:stop].strip() or None
        return window[1 : end.start()].strip() if end else None

    def _learn(
        self, mention: str, pos: int, found: list[tuple[int, str]], speaker: bool, person: bool = False
    ) -> str | None:
        parsed = full_name(mention)
        if parsed is None:
            return None
        name, named_person = parsed
        key = name.rsplit(None, 1)[-1].lower()
        if speaker:
            self.by_surname[key] = name
            self.persons.add(name)
        else:
            self.by_surname.setdefault(key, name)
        if person or named_person:
            self.persons.add(name)  # "Dr. Ann Kim", "Biologist Ann Kim", "Ann Kim": a person
        found.append((pos, name))
        return name

    def first_between(self, start: int, end: int) -> str | None:
        """The full name of the first person named in [start, end), if any."""
        i = bisect.bisect_left(self.positions, start)
        return self.mentions[i][1] if i < len(self.positions) and self.positions[i] < end else None

    def last_before(self, pos: int, limit: int = 8) -> list[str]:
        """Up to `limit` names before `pos`, nearest first."""
        i = bisect.bisect_left(self.positions, pos)
        return [self.mentions[j][1] for j in range(i - 1, max(-1, i - 1 - limit), -1)]


@lru_cache(maxsize=8192)
def full_name(mention: str) -> tuple[str, bool] | None:
    """The full name a capitalised run gives, and whether the run itself shows a person (a
    common given name and surname, a title, a profession); None when it names no one by full
    name ("the Senate", "Van der Berg", "NASA"). Cached: names recur within and across articles."""
    words = mention.split()
    while words and words[0].lower().rstrip(".,") in lx.NOT_NAMES:
        words.pop(0)
    if not words:
        return None
    if len(words[-1]) > 2 and words[-1].endswith("."):  # "Ann Kim." at a sentence end; not "J."
        words[-1] = words[-1].rstrip(".")
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        bare = w.lower().rstrip(".")
        if (
            w.endswith(".")
            and len(bare) >= 3
            and bare.isalpha()
            and bare not in lx.TITLES
            and bare not in lx.ABBREVIATIONS
        ):
            # "... the Senate. Ann Kim": a sentence ended inside the capitalised run
            words = words[i + 1 :]
            break
    name, title = split_title(" ".join(words))
    parts = name.split()
    if len(parts) < 2 or is_organisation(name) or any(p.lower() in lx.NOT_NAMES for p in parts):
        return None
    if all(p.lower() in lx.NAME_PARTICLES for p in parts[:-1]):
        return None  # "Van der Berg": a surname with its particles, not a full name
    if any(len(p) > 1 and p.isupper() for p in parts):
        return None
    titled = bool(title and (title.lower().rstrip(".") in lx.TITLES or PROFESSION_RE.search(title.lower())))
    return name, titled or is_person_name(name)


__all__ = ["APPOSITIVE_MAX", "PERSON_APPOSITIVE_RE", "PERSON_COPULA_RE", "ArticleNames"]
