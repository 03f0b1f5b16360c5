"""Resolve speaker mentions to people: full names, surnames and titles ("Mr. X") to the
person first named in full, pronouns to the most recent compatible speaker, continuations
to the quote they continue; groups ("experts", "officials") stay groups.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from annotator.models import Quote, quote_id
from annotator.quotes import lexicon as lx
from annotator.quotes.given_names import is_person_name, may_be, title_pronoun
from annotator.quotes.patterns import (
    LEAD_PROFESSION_RE,
    NAME_OF_ORG_AFTER_RE,
    PREPOSED_DESC_RE,
    ROLE_BEFORE_RE,
    UPPER,
    name_runs,
    preposed_role,
)
from annotator.quotes.people import PROFESSION_RE, People, Person, is_organisation, split_title
from annotator.quotes.records import Mention, Raw, Sentence
from annotator.quotes.roles import describes_place_or_org, split_role

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


@dataclass
class Speaker:
    name: str | None
    id: str | None
    how: str  # attribution literal
    person: Person | None = None
    is_group: bool = False


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
            if m is not None and m.kind == "name":
                self._learn(m.text, m.start, found, speaker=True)
        self.described: dict[str, str] = {}  # a person's first appositive outside a quote
        for start, end in name_runs(text):
            described = (
                PERSON_APPOSITIVE_RE.match(text, end, end + 80) is not None
                or WHO_SINGULAR_RE.match(text, end, end + 240) is not None
            )
            before = ROLE_BEFORE_RE.search(text, max(0, start - 60), start)
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
            if m.start() in full_at:
                continue
            full = self.by_surname.get(m.group("s").lower())
            titled = m.group() != m.group("s")
            if full is None and titled and people is not None:  # "Mr. Lee", known from the registry
                known = people.by_surname(m.group("s"))
                full = known.name if known is not None and known.kind == "person" else None
            if full is not None and m.group("s") != full:
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
        key = parts[-1].lower()
        if speaker:
            self.by_surname[key] = name
            self.persons.add(name)
        else:
            self.by_surname.setdefault(key, name)
        if (
            person
            or is_person_name(name)
            or (title and (title.lower().rstrip(".") in lx.TITLES or PROFESSION_RE.search(title.lower())))
        ):
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


def _titled_person(mention: str) -> bool:
    """A person named after an office of an organisation ("Commission President Ann Kim",
    "Harbor Bank Governor Ann Kim"), not the organisation: a title word, then a name of two
    or more words that is no organisation's."""
    name, title = split_title(mention)
    return (
        title is not None
        and len(name.split()) >= 2
        and not is_organisation(name)
        and any(w.lower().rstrip(".") in lx.TITLES for w in title.split())
    )


_COUNTING = lx.NUMBER_WORDS | {"some", "many", "most", "several", "few", "both", "all"}  # "some of his ..."
_SHARE_HINTS = frozenset({"in", "percent", "more", "less", "fewer"})


def _group_name(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in ("with", "and", "but", "while", "as"):
        words.pop(0)  # "..., with some warning that ...": the group is "some"
    # "about 200 protesters", "hundreds of nurses", "at least 50 workers": the counted people
    # (not a share: "more than six in 10", "less than a third", "more national polls")
    lows = {w.lower() for w in words}
    counting = words[-1].lower() in lx.GROUP_NOUNS - lx.SHARE_WORDS and not _SHARE_HINTS & lows
    counted = False
    while (
        len(words) > 1
        and (
            words[0].lower() in lx.DETERMINERS
            or words[0].lower() in lx.NUMBER_WORDS
            or words[0].isdigit()
            or (counting and words[0].lower() in lx.COUNT_WORDS | {"at"})
            or (counting and words[0].replace(",", "").isdigit())
            or (counting and counted and words[0].lower() == "of")
        )
        and words[1].lower() not in ("percent", "in", "out")  # "42 percent", "one in five": a share
    ):
        counted = counted or words[0].lower() in _COUNTING or words[0].replace(",", "").isdigit()
        words.pop(0)
    out = " ".join(words)
    return (
        out[:1].lower() + out[1:] if out[:1].isupper() and not out[1:2].isupper() and len(words) == 1 else out
    )


#: a source phrase before a name: "... at Eastmoor College led by economist"
TITLE_SOURCE_RE = re.compile(r"^.*\b(?:by|with)\s+(?P<role>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)$")
TITLE_ORG_RE = re.compile(
    r"\b(?:at|of|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w.&'’\-]*\s+){0,5}[A-Z][\w.&'’\-]*)"
)

#: a definite description by role: "the economist", "The law professor", "the analyst"
DEFINITE_ROLE_RE = re.compile(
    rf"^(?:the|The)\s+(?:[a-z\-]+\s+)?(?P<head>{lx.alternation(lx.PERSON_ROLES - {'official', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'secretary', 'chair', 'chairman', 'chairwoman', 'manager', 'director'})})$"
)


def _np_name(text: str) -> str:
    return " ".join(text.split())


class Resolver:
    """Walks an article's quotes in order and names their speakers."""

    def __init__(
        self, article_id: str, text: str, raws: list[Raw], people: People, sents: list[Sentence] = ()
    ) -> None:
        self.article_id = article_id
        self.text = text
        self.people = people
        quoted = [(r.start, r.end) for r in raws if r.kind in ("direct", "mixed")]
        self.names = ArticleNames(text, raws, quoted, people)
        self.sents = list(sents)
        self.sent_starts = [x.start for x in self.sents]
        self.recent_people: list[tuple[int, Person]] = []  # speakers, in order
        self.recent_groups: list[tuple[int, str]] = []

    def person_for(self, mention: Mention) -> Speaker:
        whole = re.sub(r"^(?:the|The)\s+", "", mention.text.strip())
        if is_organisation(whole) and whole[:1].isupper() and not _titled_person(whole):
            # "Quarry Policy Center": an organisation's name is not split into title and name
            p = self.people.meet(whole, kind="organisation", article_id=self.article_id)
            return Speaker(p.name, p.id, "name", p)
        name, title = split_title(mention.text)
        if not name:
            return Speaker(None, None, "none")
        role, org = split_role(mention.appositive)
        if (
            not role
            and title
            and title.lower().rstrip(".") not in lx.GENDER_TITLES
            and title.lower().rstrip(".") not in ("dr", "prof")
        ):
            # "Hydrologist Mia Holt" opening a sentence: the role in lower case; titles stay
            # as written ("Senator", "Commission President")
            role = title.lower() if title.lower() not in lx.TITLES and " " not in title else title
            tail = TITLE_SOURCE_RE.match(role)
            if tail:
                # "a study by researchers at Eastmoor College led by economist X": the role is
                # the words right before the name, the organisation the one named "at"/"of"
                at = TITLE_ORG_RE.search(role, 0, tail.start("role"))
                role = tail.group("role")
                org = org or (at.group("org") if at else None)
        parts = name.split()
        if is_organisation(name) or describes_place_or_org(mention.appositive):
            p = self.people.meet(name, kind="organisation", article_id=self.article_id)
            return Speaker(p.name, p.id, "name", p)
        how = "name"
        full = name
        if len(parts) > 1 and all(w.lower() in lx.NAME_PARTICLES for w in parts[:-1]):
            parts = parts[-1:]  # "Van der Berg said": the surname of a name with particles
        if len(parts) == 1:
            how = "title" if title else "surname"
            found = self.names.by_surname.get(parts[0].lower())
            if found:
                full = found
            else:
                known = self.people.find(name) or self.people.by_surname(parts[0])
                if known is not None:
                    full = known.name
        if not role and not org and full in self.names.described:
            # "Ann Kim, a professor of law, has studied rents. ... Kim said": described where
            # she was first named, outside any quote
            role, org = split_role(self.names.described[full])
        p = self.people.meet(
            full,
            role=role,
            organisation=org,
            title=title,
            pronoun=title_pronoun(title),
            alias=mention.text if mention.text != full else None,
            article_id=self.article_id,
        )
        return Speaker(p.name, p.id, how, p)

    def pronoun(self, mention: Mention, pos: int) -> Speaker:
        """he/she: the first person named (outside quotations) earlier in the pronoun's
        sentence, else in the sentence before (its subject, as a reader takes it), else the
        latest speaker, else the latest person named; always of a compatible gender.
        they: the latest group of speakers nearby."""
        pro = mention.text.lower()
        if pro in ("he", "she"):
            for name in self._subjects(pos):
                p = self._compatible(name, pro)
                if p is not None:
                    return Speaker(p.name, p.id, "pronoun", p)
            for at, p in reversed(self.recent_people[-8:]):
                fits = p.pronoun == pro or (p.pronoun is None and may_be(p.name, pro))
                if p.kind == "person" and fits and pos - at < 3000:
                    if p.pronoun is None:
                        p.pronoun = pro
                    self.people.meet(p.name, article_id=self.article_id)
                    return Speaker(p.name, p.id, "pronoun", p)
            for name in self.names.last_before(pos):
                p = self._compatible(name, pro)
                if p is not None:
                    return Speaker(p.name, p.id, "pronoun", p)
            return Speaker(None, None, "pronoun")
        if pro == "they" and self.recent_groups and pos - self.recent_groups[-1][0] < 600:
            return Speaker(self.recent_groups[-1][1], None, "group", is_group=True)
        return Speaker(None, None, "pronoun")

    def described_anaphor(self, mention: Mention, pos: int) -> Speaker | None:
        """ "the economist said", "the professor added": the nearest person named before, in
        the article, whose role has that noun ("Ann Kim, an economist at ..."), else None."""
        m = DEFINITE_ROLE_RE.match(mention.text.strip())
        if m is None:
            return None
        head = m.group("head").lower()
        for name in self.names.last_before(pos, limit=12):
            known = self.people.find(name)
            if known is not None and known.kind != "person":
                continue
            role = known.role if known is not None else None
            desc = " ".join(x for x in (role, self.names.described.get(name)) if x)
            if re.search(rf"\b{re.escape(head)}\b", desc, re.IGNORECASE):
                role, org = split_role(self.names.described.get(name)) if not role else (role, None)
                p = self.people.meet(name, role=role, organisation=org, article_id=self.article_id)
                if p.kind == "person":
                    return Speaker(p.name, p.id, "description", p)
        return None

    def _subjects(self, pos: int) -> list[str]:
        """The first person named before `pos` in its sentence, then the first named in the
        sentence before (at most one of each)."""
        if not self.sents:
            return []
        si = bisect.bisect_right(self.sent_starts, pos) - 1
        out = []
        if si >= 0:
            here = self.names.first_between(self.sents[si].start, pos)
            if here:
                out.append(here)
        if si >= 1:
            prev = self.names.first_between(self.sents[si - 1].start, self.sents[si - 1].end)
            if prev:
                out.append(prev)
        return out

    def _compatible(self, name: str, pro: str) -> Person | None:
        known = self.people.find(name)
        if name not in self.names.persons and (known is None or not known.registered):
            return None  # "New Jersey", "Star Wars": capitalised words not known to name a person
        if known is not None and (known.kind != "person" or known.pronoun not in (None, pro)):
            return None
        if not may_be(name, pro) and (known is None or known.pronoun is None):
            return None  # "Tom Reyes ... she said": not Tom (unless the article said "she" of him)
        role, org = split_role(self.names.described.get(name))
        p = self.people.meet(name, pronoun=pro, role=role, organisation=org, article_id=self.article_id)
        return p if p.kind == "person" and p.pronoun == pro else None

    def speaker(self, raw: Raw) -> Speaker:
        m = raw.mention
        if m is None:
            return Speaker(None, None, "none")
        m = _author_of(m)
        if m.kind == "name" and " " not in m.text.strip() and m.text.strip().lower() in lx.GROUP_NOUNS:
            m = Mention(
                m.start, m.end, m.text, "group"
            )  # "Investigators reviewed ...": a group noun opening the sentence
        if m.kind == "name":
            sp = self.person_for(m)
        elif m.kind == "pronoun":
            sp = self.pronoun(m, m.start)
        elif m.kind == "group":
            sp = Speaker(_group_name(m.text), None, "group", is_group=True)
        else:
            sp = self.described_anaphor(m, raw.start) or Speaker(_np_name(m.text), None, "name")
        if sp.person is not None and sp.person.kind == "person":
            self.recent_people.append((raw.start, sp.person))
        if sp.is_group and sp.name:
            self.recent_groups.append((raw.start, sp.name))
        return sp


#: "Ann Kim's statement", "her latest remarks": a person's possessive before what she said
AUTHORED_RE = re.compile(
    rf"^(?P<who>.+?)['’]s\s+(?:[a-z\-]+\s+){{0,2}}?(?:{lx.alternation(lx.AUTHORED_NOUNS)})$"
    rf"|^(?P<pro>[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z\-]+\s+){{0,2}}?(?:{lx.alternation(lx.AUTHORED_NOUNS)})$"
)


def _author_of(m: Mention) -> Mention:
    """The mention of the person whose words a mention names ("Ann Kim's comment" -> Ann
    Kim, "her remarks" -> she), else the mention as it is."""
    if m.kind not in ("name", "np"):
        return m
    a = AUTHORED_RE.match(m.text)
    if a is None:
        return m
    if a.group("pro"):
        pro = a.group("pro")
        return Mention(m.start, m.start + len(pro), lx.POSSESSIVE_PRONOUN[pro.lower()], "pronoun")
    who = a.group("who")
    if not who[:1].isupper() or who.split()[0].lower() in lx.NOT_NAMES:
        return m  # "the mayor's statement": a described person, left as written
    return Mention(m.start, m.start + len(who), who, "name", m.appositive, m.app_start)


def _confidence(raw: Raw, sp: Speaker) -> float:
    base = {
        "name": 0.9,
        "surname": 0.88,
        "description": 0.8,
        "title": 0.88,
        "pronoun": 0.75,
        "continuation": 0.7,
        "group": 0.8,
        "none": 0.4,
    }.get(sp.how, 0.5)
    if raw.kind != "direct":
        base -= 0.1
    if sp.name is None:
        base = min(base, 0.4)
    return round(max(0.05, min(0.99, base)), 2)


def _context(text: str, sents: list[Sentence], raw: Raw) -> tuple[int, str]:
    """Where the quote's context starts, and its text: the sentence before the quote and the
    quote's sentence(s)."""
    si = raw.sent
    first = max(0, si - 1)
    last = si
    while last + 1 < len(sents) and sents[last].end < raw.end:
        last += 1
    a = sents[first].start if sents else raw.start
    b = max(sents[last].end if sents else raw.end, raw.end)
    # a sentence thousands of characters long (a page whose line breaks were lost) gives
    # each quote a window of it, not all of it
    first_char = max(min(a, raw.start), raw.start - CONTEXT_BEFORE)
    return first_char, text[first_char : min(b, raw.end + CONTEXT_AFTER)]


CONTEXT_BEFORE = 1000  # characters of context kept before a quote, at most
CONTEXT_AFTER = 600  # ... and after it


_ALL_FIELDS = frozenset(Quote.model_fields)


def _quote(**values) -> Quote:
    """A Quote from values this module built and typed itself: constructed without
    re-validation, with one shared fields-set (a 15 MB article has ~10^5 quotes; validated
    models would cost three times the memory). `tests/quotes` validate every field shape."""
    if values["end"] < values["start"]:
        raise ValueError("quote end before start")
    values.setdefault("stances", None)
    return Quote.model_construct(_fields_set=_ALL_FIELDS, **values)


def resolve(
    article_id: str, text: str, raws: list[Raw], sents: list[Sentence], people: People
) -> list[Quote]:
    """Quotes with canonical speakers, in text order."""
    res = Resolver(article_id, text, raws, people, sents)
    speakers: dict[int, Speaker] = {}
    # frames first (in order), then continuations which copy the quote they continue
    for r in raws:
        if r.how != "continuation":
            speakers[id(r)] = res.speaker(r)
    n_group = 0
    origin: dict[int, Raw | None] = {}  # continuation -> the quote its chain starts from (memo: linear)
    for r in raws:
        if r.how == "continuation":
            src = r.inherit_raw
            seen: set[int] = set()
            path = [r]
            while src is not None and src.how == "continuation" and id(src) not in seen:
                if id(src) in origin:
                    src = origin[id(src)]
                    break
                seen.add(id(src))
                path.append(src)
                src = src.inherit_raw
            if src is None or src.how != "continuation":  # not a cycle: the whole path starts there
                for x in path:
                    origin[id(x)] = src
            sp = speakers.get(id(src)) if src is not None else None
            if sp is None or sp.name is None:
                speakers[id(r)] = Speaker(None, None, "none")
            else:
                speakers[id(r)] = Speaker(sp.name, sp.id, "continuation", sp.person, sp.is_group)
            if src is not None:
                if src.group is None:
                    n_group += 1
                    src.group = f"c{n_group}"
                r.group = src.group
    out: list[Quote] = []
    for r in raws:
        sp = speakers[id(r)]
        p = sp.person
        is_person = p is not None and p.kind == "person"
        context_start, context = _context(text, sents, r)
        out.append(
            _quote(
                id=quote_id(article_id, r.start, r.end),
                article_id=article_id,
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                kind=r.kind,
                speaker=sp.name,
                speaker_id=sp.id,  # type: ignore[arg-type]
                speaker_mention=r.mention.text if r.mention is not None else None,
                speaker_start=r.mention.start if r.mention is not None else None,
                speaker_end=r.mention.end if r.mention is not None else None,
                speaker_is_expert=bool(is_person and p.expert_flag),
                role=p.role if is_person else None,
                organisation=p.organisation if is_person else None,
                cue=r.cue if r.how != "continuation" else None,
                cue_start=r.cue_start if r.how != "continuation" else None,
                cue_end=r.cue_end if r.how != "continuation" else None,
                attribution=sp.how if sp.name is not None else "none",  # type: ignore[arg-type]
                confidence=_confidence(r, sp),
                group=r.group,
                context=context,
                context_start=context_start,
            )
        )
    return out
