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
from annotator.quotes.given_names import is_plural_group_name, may_be, title_pronoun
from annotator.quotes.names import ArticleNames
from annotator.quotes.people import People, Person, is_organisation, split_title
from annotator.quotes.records import Mention, Raw, Sentence
from annotator.quotes.roles import describes_place_or_org, split_role
from annotator.quotes.subjects import ROLE_OF_NP_RE


@dataclass
class Speaker:
    name: str | None
    id: str | None
    how: str  # attribution literal
    person: Person | None = None
    is_group: bool = False


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

    def introduced(self, mention: Mention) -> Speaker | None:
        """ "Margaret Chen disagrees. The former director of the election office said ...": a
        definite description of a role opening a sentence, right after a sentence whose subject
        is a person named with no description yet, describes that person (a reader's reading; a
        person already described is taken to be someone else: "Ann Kim, an economist, doubts
        it. The mayor of Eastport said ..."). The description becomes her role."""
        t = " ".join(mention.text.split())
        if not t.startswith("The ") or ROLE_OF_NP_RE.match(t) is None or not self.sents:
            return None
        si = bisect.bisect_right(self.sent_starts, mention.start) - 1
        if si < 1 or self.text[self.sents[si].start : mention.start].strip(" \"“‘'"):
            return None  # not the sentence's opening words
        prev = self.sents[si - 1]
        name = self.names.first_between(prev.start, prev.end)
        known = self.people.find(name) if name else None
        if (
            name is None
            or name not in self.names.persons
            or self.text[prev.start : prev.end].find(name.split()[0]) > 3  # not its subject
            or name in self.names.described
            or (known is not None and (known.role or known.kind != "person"))
        ):
            return None
        role, org = split_role(t[4:])
        p = self.people.meet(name, role=role, organisation=org, article_id=self.article_id)
        return Speaker(p.name, p.id, "description", p) if p.kind == "person" else None

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
        if m.kind == "name" and is_plural_group_name(m.text):
            m = Mention(m.start, m.end, m.text, "group")  # "Harbor Islanders disagreed with ...": a group
        if m.kind == "name":
            sp = self.person_for(m)
        elif m.kind == "pronoun":
            sp = self.pronoun(m, m.start)
        elif m.kind == "group":
            sp = Speaker(_group_name(m.text), None, "group", is_group=True)
        else:
            sp = (
                self.described_anaphor(m, raw.start)
                or self.introduced(m)
                or Speaker(_np_name(m.text), None, "name")
            )
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


_FIELD_ORDER = tuple(Quote.model_fields)
_ALL_FIELDS = frozenset(_FIELD_ORDER)
#: `Quote` has no aliases, private attributes or post-init step, so a quote can be set up as
#: `model_construct` does, without its look-ups field by field (4 µs a quote here, not 10)
_PLAIN = (
    all(f.alias is None and f.validation_alias is None for f in Quote.model_fields.values())
    and not Quote.__private_attributes__
    and not Quote.__pydantic_post_init__
)


def _quote(**values) -> Quote:
    """A Quote from values this module built and typed itself: constructed without
    re-validation, with one shared fields-set (a 15 MB article has ~10^5 quotes; validated
    models would cost three times the memory). `tests/quotes` validate every field shape."""
    if values["end"] < values["start"]:
        raise ValueError("quote end before start")
    values.setdefault("stances", None)
    if not _PLAIN or len(values) != len(_FIELD_ORDER):
        return Quote.model_construct(_fields_set=_ALL_FIELDS, **values)
    q = Quote.__new__(Quote)
    object.__setattr__(q, "__dict__", {k: values[k] for k in _FIELD_ORDER})
    object.__setattr__(q, "__pydantic_fields_set__", _ALL_FIELDS)
    object.__setattr__(q, "__pydantic_extra__", None)
    object.__setattr__(q, "__pydantic_private__", None)
    return q


def _cue_gap(r: Raw) -> int:
    """How far the cue is from the content (no cue: farthest)."""
    if r.cue_start is None or r.cue_end is None:
        return 1 << 30
    return max(0, r.start - r.cue_end, r.cue_start - r.end)


def _one_per_span(raws: list[Raw]) -> list[Raw]:
    """One quote a span: content two cues claim ("Kim, who testified at the hearing, ... warned
    that X": X under "testified" and under "warned") is the nearer cue's; a continuation
    of the other points to the one kept."""
    best: dict[tuple[int, int], Raw] = {}
    for r in raws:
        k = (r.start, r.end)
        if k not in best or _cue_gap(r) < _cue_gap(best[k]):
            best[k] = r
    if len(best) == len(raws):
        return raws
    for r in raws:
        if r.inherit_raw is not None:
            r.inherit_raw = best.get((r.inherit_raw.start, r.inherit_raw.end), r.inherit_raw)
    return [r for r in raws if best[(r.start, r.end)] is r]


def _outermost_of_each_speaker(raws: list[Raw], speakers: dict[int, Speaker]) -> list[Raw]:
    """Quotes, less reported ones inside a longer quote of the same speaker ("Kim said she
    believes that X": her belief is part of what she said, one quote; her own words in marks
    stay quotes). One pass in text order, with the farthest-reaching quote so far of each speaker."""
    reach: dict[str | None, int] = {}  # speaker -> the end of the quote of hers reaching farthest
    inner: set[int] = set()
    for r in sorted(raws, key=lambda r: (r.start, -r.end)):
        name = speakers[id(r)].name
        far = reach.get(name)
        if far is not None and far >= r.end and r.how != "continuation" and r.kind == "indirect":
            inner.add(id(r))  # (one quote a span: a span reaching as far starts earlier)
        elif far is None or r.end > far:
            reach[name] = r.end
    return [r for r in raws if id(r) not in inner] if inner else raws


def resolve(
    article_id: str, text: str, raws: list[Raw], sents: list[Sentence], people: People
) -> list[Quote]:
    """Quotes with canonical speakers, in text order."""
    raws = _one_per_span(raws)
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
    for r in _outermost_of_each_speaker(raws, speakers):
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
