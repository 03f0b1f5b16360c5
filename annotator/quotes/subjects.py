"""Subjects and noun phrases: the subject of a clause or sentence ("the campaign's
statement said", "On Tuesday, Ms. Kim deflected ..., saying"), what kind of noun phrase names a
speaker (a name, a group, a described person, a source with its affiliation), and the name
inside a capitalised run.
"""

from __future__ import annotations

import itertools
import re

from annotator.quotes import lexicon as lx
from annotator.quotes.given_names import is_person_name
from annotator.quotes.patterns import DET_BEFORE_RE, FUNCTION_WORDS, SPEECH, TOK, UPPER, WEEKDAYS
from annotator.quotes.people import split_title
from annotator.quotes.records import Mention


def clean_name_mention(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim a capitalised run to the name: leading sentence words dropped, trailing dot dropped."""
    span = text[a:b]
    words = list(re.finditer(r"\S+", span))
    i = 0
    while i < len(words) and words[i].group().lower().rstrip(".,") in lx.NOT_NAMES:
        i += 1
    if i == len(words):
        return None
    a2 = a + words[i].start()
    last = words[-1].group()
    b2 = b
    if (
        last.endswith(".")
        and last.lower().rstrip(".") not in lx.ABBREVIATIONS
        and not re.fullmatch(r"(?:[A-Z]\.)+", last)
    ):
        b2 -= 1
    if b2 <= a2:
        return None
    return a2, b2


_ORGISH = {
    "university",
    "institute",
    "center",
    "centre",
    "college",
    "school",
    "department",
    "committee",
    "council",
    "party",
    "house",
    "foundation",
    "association",
    "agency",
    "office",
    "bureau",
}


def looks_like_org(name: str) -> bool:
    return any(w.lower().strip(".,") in _ORGISH for w in name.split())


SUBJ_START_RE = re.compile(
    rf"^(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Aa]ll|[Bb]oth|[Tt]wo|[Tt]hree|"
    rf"[Ff]our|[Ff]ive|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Oo]ther|[Ff]ew|[Mm]ore|[Nn]o|"
    rf"[Ee]arly|[Rr]ecent|[Nn]ew|[Ff]ormer|[Cc]urrent)\b|[{UPPER}]|\d)"
)


SUBJ_BAD = FUNCTION_WORDS - {"in", "on", "at", "and"} | {
    "it",
    "this",
    "there",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "what",
    "how",
    "why",
    "whether",
    "if",
    "not",
}


SUBJ_END_BAD = frozenset(
    [
        "by",
        "after",
        "before",
        "with",
        "for",
        "of",
        "from",
        "to",
        "about",
        "into",
        "ago",
        "up",
        "off",
        "on",
        "in",
        "at",
    ]
)


#: words ending in -ly that are not adverbs (an adverb ends a subject noun phrase)
NOT_ADVERBS = frozenset(
    [
        "family",
        "ally",
        "rally",
        "assembly",
        "supply",
        "early",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "only",
        "elderly",
        "friendly",
        "holy",
        "reply",
        "belly",
        "bully",
        "jelly",
        "fly",
    ]
)


#: a clause that opens with a preposition is an adverbial, not a subject ("In a flurry of calls")
SUBJ_PREP_START = frozenset(
    ["in", "on", "at", "during", "after", "before", "with", "from", "for", "by", "under", "over"]
)


SUBJ_TIME_TAIL_RE = re.compile(
    r"\s+(?:on\s+|last\s+|this\s+)?(?:" + WEEKDAYS + r"|week|month|year)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
)


def clause_subject(text: str, core_r: str, off: int) -> Mention | None:
    """A longer subject noun phrase opening its clause right before the cue ("A statement
    posted on the campaign's website said ..."): 2 to 9 words after the sentence start or a
    comma, starting like a noun phrase, with no verb-like function word inside."""
    start = (
        max(core_r.rfind(","), core_r.rfind(";"), core_r.rfind(":"), core_r.rfind(SPEECH), core_r.rfind("—"))
        + 1
    )
    seg = core_r[start:]
    lead = len(seg) - len(seg.lstrip())
    seg = SUBJ_TIME_TAIL_RE.sub("", seg.strip())  # "The department's letters Monday said": when
    words = seg.split()
    if not 2 <= len(words) <= 9 or not SUBJ_START_RE.match(seg):
        return None
    if (
        any(w.lower().strip(".,") in SUBJ_BAD for w in words)
        or words[-1].lower() in lx.NAME_PARTICLES
        or words[-1].lower() in ("and", "or", "but", "nor")
        or words[-1].lower() in SUBJ_END_BAD  # "X responded by saying": a verb phrase, not a subject
        or any(w.lower().endswith(("n’t", "n't")) for w in words)
    ):
        return None  # "X appeared on the show and defended ...": a coordinated verb, not a subject
    if words[0].lower() in ("but", "and", "so", "yet", "however", "still", "now", "then", "also"):
        return None
    if words[0].lower() in SUBJ_PREP_START:
        return None
    cut = next(
        (k for k, w in enumerate(words[1:], 1) if w.endswith("ly") and w.islower() and w not in NOT_ADVERBS),
        None,
    )
    if cut is not None:  # "the community immediately began": the subject ends before the adverb
        seg = " ".join(words[:cut]) if cut >= 2 else ""
        if not seg or len(seg.split()) < 2:
            return None
    a = off + start + lead
    b = a + len(seg)
    end = b
    kind, a, b, aff = np_kind(text, a, b)
    if kind == "":
        return None
    if aff is not None:  # "Ann Kim of the law school": her affiliation, as an appositive
        return Mention(a, b, text[a:b], kind, appositive=text[aff:end].strip(), app_start=aff)
    return Mention(a, b, text[a:b], kind)


_DETS = ("the", "a", "an", "his", "her", "their", "its", "one", "our")


#: a proper name at the end of a phrase, with its inner connectors ("Harbor Institute of Technology")
PROPER_TAIL_RE = re.compile(rf"{TOK}(?:\s+(?:(?:of|for|and|the|on|&)\s+)*{TOK})*$")


SOURCE_LEAD_RE = re.compile(r"(?:^|\s)(?:by|from|of|at)(?:\s+the)?\s*$")


PERSON_OF_ORG_RE = re.compile(
    rf"^(?P<p>{TOK}(?:\s+{TOK}){{1,3}})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?{TOK}.*)$"
)


#: a name, then where she is from in common words: "Ann Kim of the law school"
PERSON_OF_COMMON_RE = re.compile(
    rf"^(?P<p>{TOK}(?:\s+{TOK}){{1,3}})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?[a-z][\w’'\-]*(?:\s+[\w’'\-]+){{0,5}})$"
)


#: a person's role right before "of"/"at"/"from" ("the mayor of", "a professor at")
ROLE_HEAD_OF_RE = re.compile(
    rf"^(?:the|a|an|another|one|his|her|their|its)\s+(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?:{lx.alternation(lx.PERSON_ROLES)})\s+(?:of|at|from|to|for|with)(?:\s+the)?\s*$",
    re.IGNORECASE,
)


CONNECTOR_RE = re.compile(r"\s(?:of|for|and|the|on|&)\s")

#: a role and what it is of, ending right before a cue: "The mayor of Eastport (said)", "the
#: former director of the state election office": a described person, not the place or office
ROLE_OF_NP_RE = re.compile(
    rf"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{lx.alternation(lx.PERSON_ROLES)})"
    r"\s+(?:of|at|from|for|with)\s+(?P<of>[^,;:()“”\"]{1,80})$"
)
_ROLE_OF = frozenset({"of", "at", "from", "for", "with"})
_COMMON_OF = frozenset({"of", "at", "from", "with"})
_REL_WORD_RE = re.compile(r"\b(?:that|who|whom|whose|which|where|when)\b")
_OF_LINK_RE = re.compile(r"(?:of|at|for|from|with|the|and|&|on|in)$", re.IGNORECASE)


PERSON_OF_COMMON_END_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(]))(?P<p>{TOK}(?:\s+{TOK}){{1,3}})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?"
    r"[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){0,4})$"
)


def person_of_common(text: str, core: str, off: int) -> Mention | None:
    """ "Tom Reyes of the neighborhood association (said)": the person, her affiliation in
    common words an appositive (the group noun at the end is not the speaker)."""
    if _COMMON_OF.isdisjoint(core[-120:].split()[-7:]):
        return None  # (the affiliation's "of" comes among the last seven words, or nowhere)
    m = PERSON_OF_COMMON_END_RE.search(core, max(0, len(core) - 120))
    if m is None or not is_person_name(split_title(m.group("p"))[0]):
        return None
    a, b = off + m.start("p"), off + m.end("p")
    return Mention(a, b, text[a:b], "name", appositive=m.group("org"), app_start=off + m.start("org"))


def role_of_np(core: str) -> int | None:
    """Where "The mayor of Eastport" starts when `core` ends with such a phrase (see
    `ROLE_OF_NP_RE`), else None; not when a name follows a common noun in it ("the director
    of the institute Ann Kim": a name of its own)."""
    words = core[-160:].split()
    if _ROLE_OF.isdisjoint(words) or lx.PERSON_ROLES.isdisjoint(words):
        return None  # (no role word, or no "of" after it: no need to run the pattern)
    m = ROLE_OF_NP_RE.search(core, max(0, len(core) - 160))
    if m is None:
        return None
    if _REL_WORD_RE.search(m.group("of")):
        return None  # "an owner of a shop that sells ...": a relative clause, not a name's words
    words = m.group("of").split()
    for prev, w in itertools.pairwise(words):
        if w[:1].isupper() and not prev[:1].isupper() and not _OF_LINK_RE.match(prev):
            return None
    return m.start()


def np_kind(text: str, a: int, b: int) -> tuple[str, int, int, int | None]:
    """Name, group or described NP, and where an affiliation starts (or None): a phrase
    ending in a capitalised run names someone ("his campaign manager Jeff Weaver"); a source
    phrase names the person or organisation in it ("calculations by Mia Holt of the Harbor
    Institute" -> Mia Holt, of the Harbor Institute; "estimates by the Quarry Center" ->
    Quarry Center); ending in a group noun it is a group."""
    spk = text[a:b]
    words = spk.split()
    last = words[-1]
    if last[:1].isupper() and last.lower().rstrip(".") not in lx.NOT_NAMES:
        tail = PROPER_TAIL_RE.search(spk)
        lead_m = (
            SOURCE_LEAD_RE.search(spk, 0, tail.start()) if tail is not None and tail.start() > 0 else None
        )
        if tail is not None and tail.start() > 0 and ROLE_HEAD_OF_RE.search(spk, 0, tail.start()):
            return "np", a, b, None  # "the mayor of Lakeside", "an adviser to Ann Kim": a described person
        if tail is not None and tail.start() > 0 and (lead_m or CONNECTOR_RE.search(tail.group())):
            phrase = tail.group()
            po = PERSON_OF_ORG_RE.match(phrase)
            t0 = a + tail.start()
            if (
                po
                and not looks_like_org(po.group("p"))
                and po.group("p").split()[0].lower() not in lx.NOT_NAMES
            ):
                return "name", t0, t0 + len(po.group("p")), t0 + po.start("org")
            cleaned = clean_name_mention(text, t0, b)
            return ("name", cleaned[0], cleaned[1], None) if cleaned else ("", a, b, None)
        # "the Harbor Ledger" as written (the article dropped); people get their trailing name
        cleaned = clean_name_mention(text, a, b)
        return ("name", cleaned[0], cleaned[1], None) if cleaned else ("", a, b, None)
    po = PERSON_OF_COMMON_RE.match(spk)
    if po and is_person_name(split_title(po.group("p"))[0]):
        # "Dean Ann Kim of the law school": the person, of a place named in common words
        return "name", a, a + len(po.group("p")), a + po.start("org")
    if last.lower() in lx.GROUP_NOUNS:
        return "group", a, b, None
    return "np", a, b, None


_TOKEN_RE = re.compile(r"[^\s,;:]+|[,;:]")


INTRO_PHRASE_RE = re.compile(
    r"\s*(?:(?:On|In|At|During|After|Before|Last|This|Next|Earlier|Later|Since|By|Over|Absent|Despite|Unlike|Like|Amid|For|With|From|To|"
    r"Among|Without|Following|Given|Under|Throughout|Across|Against|Through|Until|Upon|While|When|Although|"
    r"Outside|Inside|Near|Behind|Beyond|Around|Along|Within|Beside|"
    r"Though|If|As|Because|Once|Even\s+(?:as|if|though|when|after|before)|"
    r"(?:Shortly|Soon|Long|Just|Right)\s+(?:after|before))\s[^,;:\ue000]{1,80}"
    r"(?:,\s*[A-Z][a-z]{1,4}\.(?=,)|,\s*\d{4}(?=,))?|"  # "At a conference in Aspen, Colo.,", "On July 6, 2015,"
    r"Yesterday|Today|Tonight|Now|Still|Meanwhile|Outside|Inside|"
    + WEEKDAYS
    + r"|However|Instead|Later|Earlier|Separately|Afterward|Afterwards|"
    r"Likewise|Similarly|Moreover|Indeed|Finally|Again|Overall|Ultimately|Nonetheless|Nevertheless|Besides|"
    r"Otherwise|Consequently|Thus|Therefore|Recently|Previously|Initially|Instead|Notably|[A-Z][a-z]{3,}ly|"
    r"(?:(?:A\s+few|A\s+couple\s+of|Two|Three|Several|Many|Some|\d+)\s+(?:minutes|hours|days|weeks|months|years)|"
    r"Minutes|Hours|Days|Weeks|Months|Years|Moments|Seconds)\s+(?:later|earlier|ago|before|after)),\s*|"
    r"\s*(?:But|And|So|Yet|Then|Also)\s+(?:(?:even|also|then|now|still|only|just)\s+)?|\s*Even\s+(?=[A-Z])|\s*(?:Here|There|Back|Elsewhere)\s[^,;:\ue000]{1,40},\s*|"
    r"\s*[A-Z][A-Z .'\-]+,\s*[A-Z][\w.]*\.?\s*[-—–]+\s*"  # a dateline: "LAKESIDE, Ore. - "
)


#: an opening participle phrase ("Rallying hundreds of workers, Ann Kim ...")
PARTICIPLE_OPENER_RE = re.compile(
    r"\s*(?:[A-Z][a-z]+ing|(?:When\s+)?(?:Asked|Pressed|Questioned|Reached|Contacted|Interviewed|Challenged))"
    r"\s[^,;:\ue000]{1,80},\s*"
)


#: a second intro after the first one's comma ("Thursday, after remaining neutral, X ...")
LOWER_INTRO_RE = re.compile(
    r"\s*(?:after|before|while|when|although|though|despite|during|since|amid|following|as|if|in|on|at)\s"
    r"[^,;:\ue000]{1,80},\s*"
)
#: a counted group opening a sentence: "About 200 protesters", "Hundreds of nurses", "Dozens
#: of angry parents", "A handful of local growers"
COUNTED_GROUP_RE = re.compile(
    r"\s*(?P<count>(?i:(?:about|around|roughly|nearly|almost|some|more\s+than|at\s+least|over|up\s+to)\s+)?"
    r"(?:\d[\d,]*|(?i:a\s+(?:few|group|crowd|number)|(?:a\s+)?(?:" + lx.alternation(lx.NUMBER_WORDS) + r"))))"
    r"\s+(?:of\s+)?(?P<words>[\w\-’']+(?:\s+[\w\-’']+){0,2})"
)


#: where a clause with a subject of its own opens inside a sentence: "... Dan Ruiz — where about
#: 50 workers had gathered, chanting ...", "...; the nurses marched, chanting ..."
CLAUSE_OPEN_RE = re.compile(
    r"(?:\s[—–]\s*|;\s*|\s-\s+|,\s+(?:but|yet|and)\s+(?=[A-Z]))(?:where\s+|when\s+|while\s+)?"
)


#: a sentence opening with a phrase whose participle is the cue: its subject comes after the comma
OPENING_ING_RE = re.compile(
    r"\s*(?:(?:But|And)\s+)?(?:While|After|Before|Since|Besides|Despite|By|Without|Upon|When|On|In\s+addition\s+to|"
    r"Instead\s+of|Apart\s+from|Aside\s+from)(?:\s+\w+)?\s*$"
)


def participle_subject(text: str, masked: str, base: int, at: int) -> Mention | None:
    """The subject of the clause that holds position `at` (relative to `base`) of a sentence,
    for a participle cue there: that of the last clause opened before it, when it has one,
    else the sentence's (`sentence_subject`)."""
    if 0 < at <= 80 and OPENING_ING_RE.match(masked, 0, at):
        # "While saying that ..., she ...", "Aside from stating ..., Kim ...": the main clause's
        comma = masked.find(", ", at, at + 300)
        if comma > 0:
            return sentence_subject(text, masked[comma + 2 : comma + 302], base + comma + 2)
    opened = None
    for m in CLAUSE_OPEN_RE.finditer(masked, max(0, at - 300), at):  # the nearest clause (linear time)
        opened = m
    if opened is not None and opened.end() < at:
        own = sentence_subject(text, masked[opened.end() : at], base + opened.end())
        if own is not None and own.kind != "pronoun":  # "..., where she grew up, saying": Ann Kim
            return own
    return sentence_subject(text, masked, base)


def sentence_subject(text: str, masked: str, base: int) -> Mention | None:
    """The subject of a sentence for a participle cue ("X took to Instagram, writing ..."): a
    pronoun, or the last capitalised run before the first ordinary lower-case word."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    last_end = 0
    at = 0
    for k in range(3):  # "Thursday, after remaining neutral for months, X appeared ...": intros in a row
        intro = (INTRO_PHRASE_RE if k == 0 else LOWER_INTRO_RE).match(masked, at)  # "On Tuesday, X ..."
        if intro is None or intro.end() == at:
            break
        at = intro.end()
    opener = PARTICIPLE_OPENER_RE.match(masked, at)
    counted = COUNTED_GROUP_RE.match(masked, opener.end() if opener else at)
    if counted:
        # "About 200 protesters gathered ...", "Hundreds of angry nurses marched ...": the group
        for w in re.finditer(r"[A-Za-z]+", counted.group("words")):
            if w.group().lower() in lx.GROUP_NOUNS:
                a, b = counted.start("count"), counted.start("words") + w.end()
                return Mention(base + a, base + b, text[base + a : base + b], "group")
    toks = list(_TOKEN_RE.finditer(masked[:200], opener.end() if opener else at))
    skip_to = -1
    for ti, m in enumerate(toks):
        if ti < skip_to:
            continue
        w = m.group()
        if best is not None or run_start is not None:
            # "The Harbor technology columnist Jo Marsh went ...": a run, a role, then the name
            k = _role_then_name(toks, ti)
            if k:
                best, run_start, skip_to = None, None, k
                continue
        if SPEECH in w:
            continue
        if w.lower() in ("he", "she", "they") and best is None:
            return Mention(base + m.start(), base + m.end(), w, "pronoun")
        if w[:1].isupper() and w.lower().rstrip(".") not in lx.NOT_NAMES:
            if run_start is None:
                run_start = m.start()
            last_end = m.end()
            continue
        if run_start is not None:
            best = (run_start, last_end)
            run_start = None
            if ti == 1 and w in IMPERATIVE_NEXT:
                return None  # "Check out the website, ...", "Take the ferry ...": a verb, no name
            if masked[best[0] : best[1]].endswith(("'s", "’s", "s'", "s’")) or w.lower() in lx.GROUP_NOUNS:
                # "Japan's central bank ended ...", "Lakeside politicians want ...": a possessive
                # or a modifier, not the subject; the head noun phrase is the subject
                return _head_np(text, masked, base, best[0], m.start())
            det = DET_BEFORE_RE.search(masked, max(0, best[0] - 5), best[0])
            if det and w[:1].islower():
                # "The Harbor candidate appeared ...": a capitalised modifier of a described person
                head = _described_np(text, masked, base, det.start(), m.start())
                if head is not None:
                    return head
        if best is None and w.lower() in lx.GROUP_NOUNS:
            start = toks[0].start() if toks else 0
            while start < m.start() and masked[start] in " \t" + SPEECH:
                start += 1
            end = m.end()
            if w.lower() in QUANTIFIERS:  # "Many local growers try ...": the quantifier and its noun
                for k in range(ti + 1, min(ti + 4, len(toks))):
                    nxt = toks[k].group()
                    if not nxt.isalpha() or not nxt.islower():
                        break
                    if (
                        nxt.endswith("s")
                        and not nxt.endswith("ss")
                        and nxt not in lx.DETERMINERS | _NOT_PLURAL
                    ):
                        end = toks[k].end()  # "some of his supporters": the noun, not "his"
                        break
            return Mention(base + start, base + end, text[base + start : base + end], "group")
        if w in (",", ";", ":"):
            return None if best is None else _subject(text, base, best)
        if (
            best is None
            and run_start is None
            and 0 < ti < 3
            and toks[ti - 1].group().lower() in ("the", "a", "an")
            and w.lower() in _PERSON_HEADS
            and (ti + 1 == len(toks) or not toks[ti + 1].group()[:1].isupper())
        ):
            # "The mayor thanked the growers and said ...": the described person is the subject
            start = toks[ti - 1].start()
            return Mention(base + start, base + m.end(), text[base + start : base + m.end()], "np")
        if w.lower() in lx.ROLE_WORDS or (w.lower() in lx.NOT_NAMES and w.lower() in ("the", "a", "an")):
            continue
        if best is None and ti + 1 < len(toks) and toks[ti + 1].group().lower() in lx.GROUP_NOUNS:
            continue  # "average voters may ... and conclude": an adjective before the group
        break
    if best is None:
        return None
    return _subject(text, base, best)


#: what follows a sentence's first word when that word is a verb of command, not a name
IMPERATIVE_NEXT = frozenset({"out", "up", "the", "a", "an", "your", "our", "my", "this", "these", "those"})
ROLE_NOUNS = lx.PERSON_ROLES | lx.ROLE_WORDS
_PERSON_HEADS = (lx.PERSON_NOUNS | lx.ROLE_WORDS) - {"campaign", "chief", "head"}
QUANTIFIERS = frozenset({"many", "most", "some", "several", "few", "both", "all"})
_NOT_PLURAL = frozenset(
    {"is", "was", "has", "does", "as", "us", "this", "thus", "yes", "plus", "across", "its"}
)
HEAD_NOUNS = (
    lx.SPEAKER_NOUNS
    | lx.GROUP_NOUNS
    | lx.PERSON_ROLES
    | {
        "bank",
        "fund",
        "firm",
        "giant",
        "paper",
        "graduate",
        "native",
        "veteran",
        "student",
        "alumnus",
        "alumna",
    }
)


def _role_then_name(toks: list[re.Match], i: int) -> int:
    """When tokens i.. are up to three lower-case words ending in a role word and followed by
    a capitalised word, the index of that capitalised word; else 0."""
    for k in range(i, min(i + 3, len(toks))):
        w = toks[k].group()
        if not w[:1].islower():
            return 0
        if w.lower() in ROLE_NOUNS and k + 1 < len(toks) and toks[k + 1].group()[:1].isupper():
            return k + 1
    return 0


def _described_np(text: str, masked: str, base: int, start: int, at: int) -> Mention | None:
    """ "The Harbor candidate", "a Harbor campaign official": a determiner, a capitalised
    modifier and one or two lower-case nouns ending in a head noun (the last one that is), or
    None (a verb after the capitalised words: "The Harbor Times ran ...")."""
    words = list(re.finditer(r"[\w’'\-]+", masked[at : at + 60]))[:2]
    end = None
    for w in words:
        low = w.group()
        if not low.islower() or low in lx.AUX or low.endswith(("ed", "ing")):
            break
        if low in HEAD_NOUNS:
            end = at + w.end()
    if end is None:
        return None
    kind = (
        "group"
        if text[base + end - 1 : base + end] == "s" and masked[:end].split()[-1] in lx.GROUP_NOUNS
        else "np"
    )
    return Mention(base + start, base + end, text[base + start : base + end], kind)


def _head_np(text: str, masked: str, base: int, start: int, at: int) -> Mention | None:
    """The noun phrase from `start` through at most four lower-case words after `at` that ends
    in a head noun (a group, a role, an institution), or None."""
    words = list(re.finditer(r"[\w’'\-]+", masked[at : at + 80]))[:4]
    for k in range(len(words)):
        if words[k].group().lower() in HEAD_NOUNS and all(w.group()[:1].islower() for w in words[: k + 1]):
            end = at + words[k].end()
            kind = "group" if words[k].group().lower() in lx.GROUP_NOUNS else "np"
            return Mention(base + start, base + end, text[base + start : base + end], kind)
    return None


def _subject(text: str, base: int, span: tuple[int, int]) -> Mention | None:
    cleaned = clean_name_mention(text, base + span[0], base + span[1])
    if not cleaned:
        return None
    return Mention(cleaned[0], cleaned[1], text[cleaned[0] : cleaned[1]], "name")


#: a described speaker whose head noun comes before its modifier: "a person close to the
#: mayor", "an official at the agency", "a spokeswoman for the council"
HEADED_NP_RE = re.compile(
    rf"^(?:the|a|an|another|one)\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{lx.alternation(lx.SPEAKER_NOUNS | lx.ROLE_WORDS)}|"
    rf"{lx.alternation(lx.GROUP_NOUNS)})\s+(?:(?:close|familiar|closest)\s+(?:to|with)|at|for|with|of|in|on|from|to)\s",
    re.IGNORECASE,
)


INVOLVED_START_RE = re.compile(
    r"^(?:the|a|an|one|another)\s+(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+\s+(?:involved|familiar|close|briefed|knowledgeable)\s",
    re.IGNORECASE,
)


def headed_np(spk: str) -> bool:
    """A described speaker whose head noun comes first (`HEADED_NP_RE`, "a person involved ...")."""
    return bool(HEADED_NP_RE.match(spk) or INVOLVED_START_RE.match(spk))
