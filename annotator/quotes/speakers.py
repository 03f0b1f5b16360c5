"""Speakers: the words naming who speaks at a cue. Before the cue (a name, a pronoun, a
group, a described person, "Name, appositive,", asides in brackets or dashes), after it
(inverted: "..., said Dr. X, a lecturer at Y"), or the subject of the sentence.
"""

from __future__ import annotations

import re

from annotator.quotes import lexicon as lx
from annotator.quotes.patterns import (
    ABBR_TITLES,
    FRAG,
    FUNCTION_WORDS,
    NAMERUN,
    PRON,
    SPEECH,
    TOK,
    UPPER,
    WEEKDAYS,
    WORD,
)
from annotator.quotes.records import Mention

# speaker noun phrases at the end of the text before a cue (applied to a bounded window)
AUX_RE = re.compile(
    r"(?:\s+(?:"
    + lx.alternation(lx.AUX)
    + r"|[a-z][\w’'\-]*ly|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:last|this|earlier this)\s+(?:week|month|year)),?)*\s*$"
)

LEFT_PRON_RE = re.compile(rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>{PRON})$")

LEFT_NAME_RE = re.compile(rf"(?:^|(?<=[\s,;:(—–\-\"“”]))(?P<spk>{NAMERUN})$")

LEFT_GROUP_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>(?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Oo]ther|[Ff]ew|[Tt]he|[Tt]hese|"
    rf"[Tt]hose|[Bb]oth|[Aa]ll|[Tt]op|[Ss]enior|[Ss]ome \w+|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
    rf"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive)\s+)?(?:{WORD}\s+){{0,2}}?(?:{lx.alternation(lx.GROUP_NOUNS)}|"
    rf"{lx.alternation(w.capitalize() for w in lx.GROUP_NOUNS)}))$"
)

LEFT_NP_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]his|[Tt]hat|"
    rf"[Aa]nother|{NAMERUN}[’']s)\s+(?:{WORD}\s+){{0,4}}?(?:{lx.alternation(lx.SPEAKER_NOUNS)}))$"
)

APPOS_CAND_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>{NAMERUN}(?:\s+(?:of|at|from)\s+(?:the\s+)?{NAMERUN})?|"
    rf"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{WORD}\s+){{0,4}}?"
    rf"(?:{lx.alternation(lx.SPEAKER_NOUNS | lx.ROLE_WORDS)}))(?:\s*\((?:[A-Z]{{1,2}}-)?[A-Z][\w.\s-]{{0,20}}\))?\s*,\s*"
)

APP_START_RE = re.compile(
    rf"^(?:an?\s|the\s|who\s|whose\s|former\s|ex-|his\s|her\s|their\s|\d{{1,3}}(?:,|\s|$)|including\s|"
    rf"(?:at|of|from|with)\s+(?:the\s+)?[{UPPER}]|(?:{TOK}\s+)+(?:[a-z]+\s+)?(?:{lx.alternation(lx.ROLE_WORDS)})\b|"
    rf"(?!(?:in|on|at|during|from|of|since|after|before|by|with|to|and|but|or|as|when|while|where|if|which|that|"
    rf"is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|remained|remains|"
    rf"became|becomes|said|says|told|added|not|never)\b)"
    rf"[a-z][\w’'\-]*|(?:{TOK}\s+)*[{UPPER}][\w.&\-]*[’']s\s)"
)


#: a word before a capitalised run that makes it the object of a phrase, not a subject
PREP_BEFORE_RE = re.compile(r"(?:^|\s)(?:of|the|at|for|from|in|on|with|by|to|into)\s+$", re.IGNORECASE)
REL_APP_RE = re.compile(r"(?:who|whose)\s")
PARTY_CODE_RE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]{1,5}$")
PARTY_COMMA_RE = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{1,5},$")


def appositive_speaker(core_r: str) -> re.Match | None:
    """The speaker of "NAME, APPOSITIVE," right before a cue: the rightmost name or role NP
    whose tail reads as an appositive (a role, an age, a relative clause), at most 3 commas."""
    cands = [
        m
        for m in APPOS_CAND_RE.finditer(core_r)
        if not PREP_BEFORE_RE.search(core_r, max(0, m.start() - 12), m.start())  # "member of the X, a group"
        and not PARTY_CODE_RE.match(m.group("spk"))  # "Rep. Ann Kim, D-Ore., said"
    ]
    for m in cands:  # "Ann Kim, whose start-up, Harbor Data, uses ..., said": the relative clause is hers
        app = core_r[m.end() : -1].strip()
        if (
            REL_APP_RE.match(app)
            and m.group("spk")[:1].isupper()
            and not re.match(r"(?:The|A|An|His|Her|Their)\s", m.group("spk"))
            and len(app) <= 260
            and app.count(",") <= 3
            and ";" not in app
        ):
            return m
        break
    for m in reversed(cands):
        app = core_r[m.end() : -1].strip()
        before = core_r[: m.start()].rstrip()
        if (
            not app
            and m.group("spk")[:1].isupper()
            and not re.match(r"(?:The|A|An|His|Her|Their)\s", m.group("spk"))
            and before.endswith(",")
            and (before[:-1].split() or ["x"])[-1][:1].islower()  # not "from Houston, Texas,": a place
        ):
            return m  # "A farmer from the valley, Jo Marsh, said": the name after its description
        if not app or len(app) > 260 or app.count(",") > 3 or ";" in app or ":" in app:
            continue
        if APP_START_RE.match(app):
            if not m.group("spk")[:1].isupper() or re.match(r"(?:The|A|An|His|Her|Their)\s", m.group("spk")):
                # "Sam Pratt, the attorney general of the state, one of the states suing, said":
                # a description in a chain of appositives describes the name before it
                for e in reversed(cands[: cands.index(m)]):
                    app2 = core_r[e.end() : -1].strip()
                    if (
                        e.group("spk")[:1].isupper()
                        and not re.match(r"(?:The|A|An|His|Her|Their)\s", e.group("spk"))
                        and core_r[e.end() : m.start()].strip() == ""
                        and len(app2) <= 260
                        and app2.count(",") <= 3
                        and ";" not in app2
                        and ":" not in app2
                    ):
                        return e
            return m
    return None


ROLEW = lx.alternation(lx.ROLE_WORDS)

DESCNAME = rf"(?:(?:the|his|her|their|its|a|an)\s+)?(?:(?:{TOK}(?:[’']s)?|(?:{ROLEW})(?:\s+of)?)\s+){{0,6}}{NAMERUN}(?![\w’'])"

EXTEND = rf"(?:\s+(?:of|with|from|at|for)\s+(?:the\s+)?{NAMERUN})?"

NP_STOP = (
    rf"[,.;:!?{SPEECH}(]|$|\s+(?:in|during|when|while|as|last|this|earlier|later|after|before|who|which|whose|"
    rf"that|and|but|told|said|says|wrote|added|adding|saying|according|on\s+(?:{WEEKDAYS}|a|an|Twitter|Facebook|"
    rf"CNN|Fox|MSNBC)|at\s+(?:a|an)|{WEEKDAYS}|today|yesterday)\b"
)

GENERIC_NP = (
    rf"(?:the|a|an|another|his|her|their|its|one)\s+(?:[\w’'\-.&]+\s+){{0,12}}?[\w’'\-&]+"
    rf"(?!\.\s+[{UPPER}])(?=\s*(?:{NP_STOP}))"
)

RIGHT_SPK_RE = re.compile(
    rf"^\s+(?P<spk>{PRON}(?![\w’'])|{GENERIC_NP}|{DESCNAME}|"
    rf"(?:(?:some|many|most|other|several|two|three|four|five|\d+)\s+)?(?:{WORD}\s+){{0,2}}?(?:{lx.alternation(lx.GROUP_NOUNS)})(?![\w’']){EXTEND})"
    rf"(?:\s*\((?:[A-Z]{{1,2}}-)?[A-Z][\w.\s-]{{0,20}}\))?"
    rf"(?:\s*,\s*(?P<app>(?:\b(?:{ABBR_TITLES}|Mt|Ft|Inc|Co|Corp|Ltd)\.|[^,{SPEECH};:.]|\.(?=[^\s,{SPEECH};:.])){{2,200}})"
    rf"(?:\s*,\s*(?P<rel>(?:who|whose)\s(?:\b(?:{ABBR_TITLES}|Mt|Ft|Inc|Co|Corp|Ltd)\.|[^{SPEECH};:.]|\.(?=\S)){{2,300}}))?)?"
)

LEFT_GENERIC_RE = re.compile(
    rf"(?:^|(?<=[,;:{SPEECH}])\s*|(?<=[,;:{SPEECH}]))(?P<spk>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|"
    rf"{NAMERUN}[’']s)\s+(?:[\w’'\-.]+\s+){{0,4}}?[\w’'\-]+)$"
)


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


NAME_OF_ORG_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-\"“”]))(?P<spk>{NAMERUN})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?{NAMERUN}"
    rf"(?:\s+(?:for|of|on|and|in)\s+(?:the\s+)?{NAMERUN}){{0,3}})$"
)

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


PARTY_TAG_RE = re.compile(r"\s*\((?:[A-Z]{1,2}-)?[A-Z][\w.\s-]{0,20}\)$")

GROUP_LEAD_RE = re.compile(
    r"(?:(?:[\w’'\-]+\s+)?(?:that|which|who|whom|and|but|or|if|whether|because|as|while|when|where|though|"
    r"although|among|in|during|of|after|before|since|for)\s+|\d[\d,]*,\s+)+",
    re.IGNORECASE,
)

ASIDE_RE = re.compile(
    r",\s*(?:including|who|which|whose|when|while|like|such\s+as|along\s+with|as\s+well\s+as)\b"
    r"[^,;:]*(?:,[^,;:]*){0,2},$"
)
PREP_ASIDE_RE = re.compile(
    r",\s*(?:in|on|at|during|after|before|through|via)\s+(?:a|an|the|his|her|their|its)\s[^,;:]*,$"
)


def left_speaker(text: str, masked: str, base: int, upto: int, depth: int = 0) -> Mention | None:
    """The speaker named right before a cue (masked[:upto]), allowing aux words between."""
    window_start = max(0, upto - 300)
    left = masked[window_start:upto]
    if depth == 0:
        pa = PREP_ASIDE_RE.search(left.rstrip()[-250:])
        if pa:  # "Tom Brisk, in a statement released on Thursday, said": the subject before the aside
            k = len(left.rstrip()) - min(250, len(left.rstrip())) + pa.start()
            if k > 0 and SPEECH not in left[k:]:
                return left_speaker(text, masked, base, window_start + k, depth=1)
    aux = AUX_RE.search(left)
    core = left[: aux.start()] if aux else left
    core_r = core.rstrip()
    tag = PARTY_TAG_RE.search(core_r)
    if tag:  # "Rep. Ann Kim (D-Ore.) said": the party or state tag is not part of the name
        core_r = core_r[: tag.start()].rstrip()
    tag = PARTY_COMMA_RE.search(core_r)
    if tag:  # "Rep. Ann Kim, D-Ore., said"
        core_r = core_r[: tag.start()].rstrip()
    if not core_r:
        return None
    if core_r.endswith(")") and depth == 0:
        # "Ann Kim (who won the last vote) said": a bracketed aside after the subject
        k = core_r.rfind("(")
        if k > 0 and len(core_r) - k < 150 and SPEECH not in core_r[k:]:
            return left_speaker(text, masked, base, window_start + k, depth=1)
        return None
    if core_r.endswith(("—", "–", "--")) and depth == 0:
        # "Many guests — including A, B and C — said": the speaker is the subject before the aside
        body = core_r.rstrip("—–- ")
        k = max(body.rfind("—"), body.rfind("–"), body.rfind("--"))
        if k > 0 and SPEECH not in body[k:] and len(body) - k < 200:
            return left_speaker(text, masked, base, window_start + k, depth=1)
        return None
    off = base + window_start
    if core_r.endswith((SPEECH, FRAG)) and text[max(off, off + len(core_r) - 4) : off + len(core_r)].rstrip(
        "”’\"'` "
    ).endswith(","):
        core_r += ","  # “..., citing “a phrase,” said X”: the comma sits inside the marks
    if core_r.endswith(","):
        m = appositive_speaker(core_r)
        if m:
            a, b = m.span("spk")
            spk = masked[window_start + a : window_start + b]
            kind = "name" if spk[:1].isupper() and not re.match(r"(?:The|A|An)\s", spk) else "np"
            app_at = off + m.end()
            if kind == "name":
                po = PERSON_OF_ORG_RE.match(spk)
                if po and not looks_like_org(po.group("p")):
                    # "Hal Moss of Berenberg, the largest bank, said": the person; the rest describes him
                    app_at = off + a + po.start("org")
                    b = a + len(po.group("p"))
                cleaned = clean_name_mention(text, off + a, off + b)
                if not cleaned:
                    return None
                a2, b2 = cleaned
            else:
                a2, b2 = off + a, off + b
            return Mention(
                a2,
                b2,
                text[a2:b2],
                kind,
                appositive=text[app_at : off + len(core_r) - 1].strip(),
                app_start=app_at,
            )
        if depth == 0:
            # "Several candidates, including X, said", "The firms, which had ..., said": an aside
            # between commas; the speaker is the subject before it
            pm = ASIDE_RE.search(core_r[-250:])
            if pm:
                k = len(core_r) - min(250, len(core_r)) + pm.start()
                if k > 0 and SPEECH not in core_r[k:]:
                    return left_speaker(text, masked, base, window_start + k, depth=1)
        return None
    last = core_r.rsplit(None, 1)[-1]
    low = last.lower()
    if low in lx.PRONOUNS and last in ("he", "she", "they", "He", "She", "They", "I", "we", "We"):
        m = LEFT_PRON_RE.search(core_r)
        if m:
            return Mention(off + m.start("spk"), off + m.end("spk"), m.group("spk"), "pronoun")
        return None
    if low.strip(".") in lx.GROUP_NOUNS:
        m = LEFT_GROUP_RE.search(core_r[-80:])
        if m:
            d = len(core_r) - min(80, len(core_r))
            a, b = off + d + m.start("spk"), off + d + m.end("spk")
            lead_w = GROUP_LEAD_RE.match(text, a, b)
            if lead_w:  # "shows that most residents oppose": the clause word is not the group's
                a = lead_w.end()
            return Mention(a, b, text[a:b], "group")
    if last[:1].isupper() and not last.endswith(("’s", "'s")):
        m = NAME_OF_ORG_RE.search(core_r[-160:])
        if m and m.group("spk").split()[-1].lower().rstrip(".") in lx.TITLES | lx.ROLE_WORDS:
            m = None  # "Secretary of State Ann Kim said": a title, then the name
        if m and m.group("spk").split()[0].lower() not in lx.NOT_NAMES:
            d = len(core_r) - min(160, len(core_r))
            cleaned = clean_name_mention(text, off + d + m.start("spk"), off + d + m.end("spk"))
            if cleaned and not looks_like_org(text[cleaned[0] : cleaned[1]]):
                a, b = cleaned
                return Mention(
                    a, b, text[a:b], "name", appositive=m.group("org"), app_start=off + d + m.start("org")
                )
            if cleaned:  # "the University of Eastbrook found": the organisation as a whole
                a, b = cleaned[0], off + d + m.end("org")
                return Mention(a, b, text[a:b], "name")
        m = LEFT_NAME_RE.search(core_r[-120:])
        if m:
            d = len(core_r) - min(120, len(core_r))
            cleaned = clean_name_mention(text, off + d + m.start("spk"), off + d + m.end("spk"))
            if cleaned:
                a, b = cleaned
                return Mention(a, b, text[a:b], "name")
        return None
    if low in lx.SPEAKER_NOUNS:
        m = LEFT_NP_RE.search(core_r[-120:])
        if m:
            d = len(core_r) - min(120, len(core_r))
            a, b = off + d + m.start("spk"), off + d + m.end("spk")
            return Mention(a, b, text[a:b], "np")
    m = LEFT_GENERIC_RE.search(core_r[-100:])
    d = len(core_r) - min(100, len(core_r))
    if (
        m
        and d + m.start("spk") > 0
        and core_r[: d + m.start("spk")].rstrip()[-1:] not in (",", ";", ":", SPEECH)
    ):
        m = None
    if m and not any(
        w.lower() in FUNCTION_WORDS or (w.endswith("ly") and w.islower() and w not in NOT_ADVERBS)
        for w in m.group("spk").split()[1:]
    ):
        a, b = off + d + m.start("spk"), off + d + m.end("spk")
        return Mention(a, b, text[a:b], "np")
    return clause_subject(text, core_r, off)


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
#: a clause that opens with a preposition is an adverbial, not a subject ("In a flurry of calls")
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
SUBJ_PREP_START = frozenset(
    ["in", "on", "at", "during", "after", "before", "with", "from", "for", "by", "under", "over"]
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
    seg = seg.strip()
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
    kind, a, b, _ = np_kind(text, a, b)
    if kind == "":
        return None
    return Mention(a, b, text[a:b], kind)


#: a described speaker whose head noun comes before its modifier: "a person close to the
#: mayor", "an official at the agency", "a spokeswoman for the council"
HEADED_NP_RE = re.compile(
    rf"^(?:the|a|an|another|one)\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{lx.alternation(lx.SPEAKER_NOUNS | lx.ROLE_WORDS)}|"
    rf"{lx.alternation(lx.GROUP_NOUNS)})\s+(?:(?:close|familiar|closest)\s+(?:to|with)|at|for|with|of|in|on|from|to)\s",
    re.IGNORECASE,
)


NAME_ONLY_RE = re.compile(rf"^{NAMERUN}$")


def _headed_np(spk: str) -> bool:
    return bool(HEADED_NP_RE.match(spk))


def right_speaker(text: str, masked: str, base: int, pos: int) -> tuple[Mention | None, int]:
    """An inverted speaker after a cue ("..., said Dr. X, a lecturer at Y.")."""
    m = RIGHT_SPK_RE.match(masked[pos : pos + 400])
    if not m:
        return None, pos
    a, b = base + pos + m.start("spk"), base + pos + m.end("spk")
    spk = text[a:b]
    first = spk.split(None, 1)[0]
    if first.lower() in lx.PRONOUNS:
        kind = "pronoun"
    else:
        if any(w.lower() in FUNCTION_WORDS for w in spk.split()[1:]) and not _headed_np(spk):
            return None, pos
        kind, a, b, _ = np_kind(text, a, b)
        if kind == "":
            return None, pos
    app = m.group("app")
    end = pos + m.end()
    if kind == "np" and app and not m.group("rel") and NAME_ONLY_RE.match(app.strip()):
        # "said another city resident, Tom Berg.": the name in apposition is the speaker
        a2 = base + pos + m.start("app") + (len(app) - len(app.lstrip()))
        cleaned = clean_name_mention(text, a2, a2 + len(app.strip()))
        if cleaned is not None:
            desc, d0 = text[a:b], a
            a, b = cleaned
            return Mention(a, b, text[a:b], "name", appositive=desc, app_start=d0), end
    if app and not APP_START_RE.match(app.strip() + " "):
        app = None
        end = pos + m.end("spk")
    elif app:  # the words as written (quotations are masked in `masked`); with a relative
        # clause: "said X, a former banker, who now runs a research firm"
        app = text[base + pos + m.start("app") : base + pos + m.end("rel" if m.group("rel") else "app")]
    mention = Mention(
        a,
        b,
        text[a:b],
        kind,
        appositive=app.strip() if app else None,
        app_start=base + pos + m.start("app") if app else None,
    )
    return mention, end


_DETS = ("the", "a", "an", "his", "her", "their", "its", "one", "our")

#: a proper name at the end of a phrase, with its inner connectors ("Harbor Institute of Technology")
PROPER_TAIL_RE = re.compile(rf"{TOK}(?:\s+(?:(?:of|for|and|the|on|&)\s+)*{TOK})*$")
SOURCE_LEAD_RE = re.compile(r"(?:^|\s)(?:by|from|of|at)(?:\s+the)?\s*$")
PERSON_OF_ORG_RE = re.compile(
    rf"^(?P<p>{TOK}(?:\s+{TOK}){{1,3}})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?{TOK}.*)$"
)
#: a person's role right before "of"/"at"/"from" ("the mayor of", "a professor at")
ROLE_HEAD_OF_RE = re.compile(
    rf"^(?:the|a|an|another|one|his|her|their|its)\s+(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?:{lx.alternation(lx.PERSON_ROLES)})\s+(?:of|at|from|to|for|with)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
CONNECTOR_RE = re.compile(r"\s(?:of|for|and|the|on|&)\s")


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
        # "the Washington Post" as written (the article dropped); people get their trailing name
        cleaned = clean_name_mention(text, a, b)
        return ("name", cleaned[0], cleaned[1], None) if cleaned else ("", a, b, None)
    if last.lower() in lx.GROUP_NOUNS:
        return "group", a, b, None
    return "np", a, b, None


_TOKEN_RE = re.compile(r"[^\s,;:]+|[,;:]")
INTRO_PHRASE_RE = re.compile(
    r"\s*(?:(?:On|In|At|During|After|Before|Last|Earlier|Later|Since|By|Over|Absent|Despite|Unlike|Like|Amid|"
    r"Among|Without|Following|Given|Under|Throughout|Across|Against|Through|Until|Upon|While|When|Although|"
    r"Though|If|As|Because|Once|(?:Shortly|Soon|Long|Just|Right)\s+(?:after|before))\s[^,;:\ue000]{1,80}|"
    r"Yesterday|Today|Tonight|Now|Still|Meanwhile|However|Instead|Later|Earlier|Separately|Afterward|Afterwards|"
    r"Likewise|Similarly|Moreover|Indeed|Finally|Again|Overall|Ultimately|Nonetheless|Nevertheless|Besides|"
    r"Otherwise|Consequently|Thus|Therefore|Recently|Previously|Initially|Instead|Notably),\s*|"
    r"\s*(?:But|And|So|Yet|Then|Also)\s+|\s*(?:Here|There|Back|Elsewhere)\s[^,;:\ue000]{1,40},\s*|"
    r"\s*[A-Z][A-Z .'\-]+,\s*[A-Z][\w.]*\.?\s*[-—–]+\s*"  # a dateline: "LAKESIDE, Ore. - "
)
#: an opening participle phrase ("Rallying hundreds of workers, Ann Kim ...")
PARTICIPLE_OPENER_RE = re.compile(r"\s*[A-Z][a-z]+ing\s[^,;:\ue000]{1,80},\s*")


def sentence_subject(text: str, masked: str, base: int) -> Mention | None:
    """The subject of a sentence for a participle cue ("X took to Twitter, writing ..."): a
    pronoun, or the last capitalised run before the first ordinary lower-case word."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    last_end = 0
    intro = INTRO_PHRASE_RE.match(masked)  # "On Tuesday, X deflected ... before saying, ..."
    at = intro.end() if intro else 0
    opener = PARTICIPLE_OPENER_RE.match(masked, at)
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
            if masked[best[0] : best[1]].endswith(("'s", "’s", "s'", "s’")) or w.lower() in lx.GROUP_NOUNS:
                # "Japan's central bank ended ...", "Lakeside politicians want ...": a possessive
                # or a modifier, not the subject; the head noun phrase is the subject
                return _head_np(text, masked, base, best[0], m.start())
        if best is None and w.lower() in lx.GROUP_NOUNS:
            start = toks[0].start() if toks else 0
            while start < m.start() and masked[start] in " \t" + SPEECH:
                start += 1
            return Mention(base + start, base + m.end(), text[base + start : base + m.end()], "group")
        if w in (",", ";", ":"):
            return None if best is None else _subject(text, base, best)
        if w.lower() in lx.ROLE_WORDS or (w.lower() in lx.NOT_NAMES and w.lower() in ("the", "a", "an")):
            continue
        if best is None and ti + 1 < len(toks) and toks[ti + 1].group().lower() in lx.GROUP_NOUNS:
            continue  # "average voters may ... and conclude": an adjective before the group
        break
    if best is None:
        return None
    return _subject(text, base, best)


HEAD_NOUNS = lx.SPEAKER_NOUNS | lx.GROUP_NOUNS | lx.PERSON_ROLES | {"bank", "fund", "firm", "giant", "paper"}


def _role_then_name(toks: list[re.Match], i: int) -> int:
    """When tokens i.. are up to three lower-case words ending in a role word and followed by
    a capitalised word, the index of that capitalised word; else 0."""
    for k in range(i, min(i + 3, len(toks))):
        w = toks[k].group()
        if not w[:1].islower():
            return 0
        if (
            w.lower() in lx.PERSON_ROLES | lx.ROLE_WORDS
            and k + 1 < len(toks)
            and toks[k + 1].group()[:1].isupper()
        ):
            return k + 1
    return 0


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
