"""Regular-expression pieces and small helpers shared by the extraction passes: capital
letters of every Latin script, names, pronouns, the masks for quotations, quantities,
the words that open a clause, and content trimming.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from annotator.quotes import lexicon as lx
from annotator.quotes.records import Mention, QSpan

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŊŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"

SPEECH = "\ue000"  # mask for a quotation that reads as speech

FRAG = "x"  # mask for a quoted term or scare quote (reads as one lower-case word)

ABBR_TITLES = "Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Adm|Sgt|St|Jr|Sr|Rev|Mt|Pres|Supt"

TOK = rf"(?:(?:{ABBR_TITLES})\.|[{UPPER}]\.(?:[{UPPER}]\.)*|[{UPPER}][\w’'\-]*s['’](?=[ \t]+(?:Association|Union|Federation|Alliance|Council|League|Coalition|Club|Guild|Society|Fund|Caucus|Network|Congress|Forum|Institute|Committee)\b)|[{UPPER}][\w’'\-]*\w|[{UPPER}])"

NAMERUN = rf"{TOK}(?:[ \t]+(?:(?:{'|'.join(sorted(lx.NAME_PARTICLES))})[ \t]+)*{TOK}){{0,6}}"

PRON = r"(?:he|she|they|He|She|They|I|we|We)"

WORD = r"[\w’'\-.]+"

# Letters of scripts without case (Hebrew, Arabic, Devanagari, Thai, kana, CJK, Hangul) open a sentence as a capital does.
CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"

WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: social platforms, where words are posted ("said on Instagram"): general names, as the
#: months are; broadcasters are read by their form instead (`BROADCASTER`)
PLATFORMS = r"Twitter|Facebook|Instagram|YouTube|TikTok|LinkedIn|Reddit|Snapchat|Telegram|WhatsApp|Threads|Bluesky|Mastodon|social\s+media"
#: a broadcaster, by its form: an acronym ("KHBR"), or a name and the kind of outlet ("Harbor News")
BROADCASTER = r"[A-Z]{2,}(?![\w’'\-])|[A-Z][a-z]+\s+(?:News|Radio|Television|TV|Network|Channel|Business)\b"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAMES = tuple(MONTHS.split("|"))

#: aux words, adverbs and times between a subject and its cue ("Ann Kim, however, has long said",
#: "Kim on Monday said"): where they start, the subject ends
AUX_RE = re.compile(
    r"(?:,\s*(?:however|meanwhile|too|though|instead|for\s+(?:her|his|its|their)\s+part|in\s+turn),"
    r"|\s+(?:"
    + lx.alternation(lx.AUX)
    + rf"|[a-z][\w’'\-]*ly|on\s+(?:{WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this|this\s+past|"
    r"earlier\s+this|late\s+last|early\s+this)\s+(?:week|month|year|weekend|night)"
    r"|(?:a|an|one|two|three|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier)),?)*\s*$"
)
#: every word an `AUX_RE` match can be made of, besides "-ly" adverbs and numbers (keep in step)
_AUX_WORDS = frozenset(
    lx.AUX
    | set(WEEKDAYS.split("|"))
    | set(
        [
            "however",
            "meanwhile",
            "too",
            "though",
            "instead",
            "for",
            "her",
            "his",
            "its",
            "their",
            "part",
            "in",
            "turn",
            "on",
            "morning",
            "afternoon",
            "evening",
            "night",
            "last",
            "this",
            "past",
            "earlier",
            "late",
            "early",
            "week",
            "month",
            "year",
            "weekend",
            "a",
            "an",
            "one",
            "two",
            "three",
            "several",
            "day",
            "days",
            "weeks",
            "months",
            "years",
            "later",
        ]
    )
)


def aux_tail(text: str) -> re.Match[str] | None:
    """`AUX_RE.search(text)`, begun after the last word that no match can hold: reading back
    over the words `AUX_RE` is made of costs far less than trying the pattern at every position."""
    j = i = len(text)
    while i:
        j = i
        while j and (text[j - 1] == "," or text[j - 1].isspace()):
            j -= 1
        k = j
        while k and text[k - 1] != "," and not text[k - 1].isspace():
            k -= 1
        w = text[k:j]
        if not w or not (w in _AUX_WORDS or w.endswith("ly") or w.isdigit()):
            break
        i = j = k
    return AUX_RE.search(text, j)


FUNCTION_WORDS = {
    "who",
    "which",
    "that",
    "is",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "to",
    "and",
    "but",
    "said",
    "says",
    "will",
    "would",
    "could",
    "can",
    "not",
    "also",
    "did",
    "does",
    "do",
    "be",
    "been",
    "when",
    "while",
    "if",
    "because",
    "after",
    "before",
    "as",
    "than",
    "then",
    "in",
    "on",
    "at",
    "should",
    "must",
    "might",
    "may",
    "shall",
}

# A quantity opening reported content ("said about half of ...", "said nearly 40 percent ..."):
# the adverb or preposition belongs to the number, so the content is a clause.
QUANT = (
    r"(?:about|nearly|roughly|almost|around|approximately|over|under|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|just|only|up\s+to|well\s+over|some)\s+(?:[$£€]?\d[\d,.]*|half|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|"
    r"millions|billions|dozens|a\s+(?:third|quarter|fifth|half|dozen|hundred|thousand|million|billion|"
    r"majority|handful|fraction))\b"
)

#: an adverb in -ly ("publicly", "flatly"); not "only", which opens a noun phrase ("said only the
#: council could decide"), nor a noun or verb in -ly
LY_ADVERB = r"(?!(?:only|family|supply|apply|rely|reply|rally|ally|assembly|monopoly|anomaly)\b)[a-z]\w*ly"

#: a finite verb: an auxiliary, a modal or a past tense
FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|do|does|did|"
    r"isn't|aren't|wasn't|weren't|won't|wouldn't|can't|couldn't|shouldn't|hasn't|haven't|didn't|"
    r"doesn't|don't|[a-z]{3,}ed)\b"
)
#: an auxiliary: what an appositive ("a lawyer at the firm") never holds outside a relative clause
APP_VERB_RE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had)\b")
WHO_RE = re.compile(r"\bwho\b")
#: a relative clause's second verb ("who was shown the memo and spoke anonymously")
AND_REL_RE = re.compile(rf"\s+and\s+(?:also\s+)?[a-z]+(?:ed|s)?\b[^,;:.!?{SPEECH}]*")
#: a relative pronoun: a verb after it is its clause's, not the appositive's
REL_WORD_RE = re.compile(r"\b(?:who|whose|that|which)\b")


def opens_upper(text: str, at: int) -> bool:
    """The quotation starting at `at` opens with a capital letter (a sentence of its own)."""
    inner = text[at : at + 8].lstrip("“”\"'‘’`« ")
    return inner[:1].isupper()


def app_has_verb(app: str) -> bool:
    """The words after a name and its comma have a verb of their own ("a memo was handed"), not
    one in a relative clause ("a historian who has written two books")."""
    verb = APP_VERB_RE.search(app)
    return verb is not None and not REL_WORD_RE.search(app, 0, verb.start())


#: "added Kim, referring to the delays": a participle clause after the name, not an appositive
ING_CLAUSE_RE = re.compile(r"[a-z]+ing\s+(?:to|that|the|an?|his|her|their|its|about|on|for|at|in|out|up)\b")
#: a determiner that ends the text before a position ("... the Ledger": its "the")
DET_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")


def comma_in_marks(text: str, lo: int, end: int) -> bool:
    """The text before `end` (not before `lo`) ends with a comma, closing quotation marks
    and spaces aside: '“harbor values,” saying', '“a mess,” the Ledger reported'."""
    return text[max(lo, end - 8) : end].rstrip(" ”’\"'`").endswith(",")


PREP_START_RE = re.compile(
    r"^\s*,?\s*(?!\s*"
    + QUANT
    + r")(?:on|in|at|during|after|before|with|without|from|via|over|late|early|to|earlier|later|among|"
    r"(?:last|this|next)\s+(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|"
    r"winter|time|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|again|also|"
    r"publicly|privately|repeatedly|previously|once|then|now|further|flatly|" + LY_ADVERB + r")\b"
    r"(?![’']s\b)"  # "said Monday’s vote ...", "said last year’s plan ...": a possessive opens a clause
)

CLAUSE_START_RE = re.compile(
    rf"^(?:{SPEECH}|[{UPPER}\d$£€]|(?:the|a|an|this|that|these|those|there|it|its|he|she|they|we|i|you|his|her|"
    rf"their|our|my|your|some|many|most|no|not|all|every|each|both|one|two|three|four|five|more|less|"
    rf"fewer|few|only|if|what|whether|how|why|when|where|who|nobody|everyone|everybody|someone|nothing|"
    rf"anything|something|nor|neither|none|any|much|such)\b|{QUANT})",
    re.IGNORECASE,
)

TRIVIAL_TAIL_RE = re.compile(
    r"^(?:\s*,?\s*(?!"
    + QUANT
    + r")(?:on|in|at|during|after|before|with|from|via|over|while|when|as|last|this|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|later|earlier|"
    r"again|also|publicly|privately|then|" + LY_ADVERB + rf")\b[^{SPEECH}]*"
    # "to reporters", "to the council": whom it was said to, a few words; a longer "to ..." is
    # the rest of the sentence ("It is his job, he said, to talk to the council about it")
    rf"|\s*,?\s*to(?:\s+[\w’'\-.]+){{1,4}})?[\s.!?,:;”\"’)]*$"
)

_WORD_RE = re.compile(r"[\w’'\-]+")

_TRAIL_CONJ_RE = re.compile(r"(?:\s+(?:and|but|or|as|while|then))+\s*$")


def trim_content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,:;—–-\t":
        a += 1
    while b > a and text[b - 1] in " ,.;:—–-\t!?":
        b -= 1
    m = _TRAIL_CONJ_RE.search(text, max(a, b - 80), b)
    if m and m.end() == b:
        b = m.start()
        while b > a and text[b - 1] in " ,.;:—–-\t":
            b -= 1
    return a, b


def count_words(s: str) -> int:
    return len(_WORD_RE.findall(s))


LEAD_RE = re.compile(rf"({SPEECH})\s*,?(?:\s+[\w’'.\-]+,?){{0,6}}$")

LEAD_FRAG_RE = re.compile(rf"({FRAG}{FRAG})\s*,?(?:\s+[\w’'.\-]+){{0,6}}$")


class QuoteIndex:
    """A sentence's quotations by start and by end (the first in text order wins), and in
    start order for range look-ups: each look-up costs the same however many there are."""

    def __init__(self, quotes: list[QSpan]):
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.by_start: dict[int, QSpan] = {}
        self.by_end: dict[int, QSpan] = {}
        for q in quotes:
            self.by_start.setdefault(q.start, q)
            self.by_end.setdefault(q.end, q)

    def within(self, a: int, b: int) -> list[QSpan]:
        """The quotations starting in [a, b) (absolute offsets), in text order."""
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < b:
            out.append(self.quotes[i])
            i += 1
        return out


def quote_at(quotes: list[QSpan] | QuoteIndex, pos: int, base: int, *, ending: bool) -> QSpan | None:
    """The quotation starting (or ending) at sentence offset `pos`."""
    index = quotes if isinstance(quotes, QuoteIndex) else QuoteIndex(quotes)
    return (index.by_end if ending else index.by_start).get(base + pos)


def last_char(s: str, end: int) -> str:
    """The last non-blank character of s[:end] ('' if none), without copying s[:end]."""
    i = end - 1
    while i >= 0 and s[i].isspace():
        i -= 1
    return s[i] if i >= 0 else ""


def lead_tail(s: str, end: int, width: int = 400) -> tuple[str, int]:
    """The end of s[:end].rstrip() (at most `width` characters) and that text's length."""
    i = end
    while i > 0 and s[i - 1].isspace():
        i -= 1
    return s[max(0, i - width) : i], i


def content_kind(masked: str, a: int, b: int) -> str:
    seg = masked[a:b]
    if SPEECH in seg or FRAG * 2 in seg:
        return "mixed"
    return "indirect"


INTRO_ONLY_RE = re.compile(
    r"^(?:\w+ly|But|And|So|Yet|Still|However|Indeed|Now|Then|Also|Meanwhile|Instead|Today|"
    r"Yesterday|Later|Earlier|In fact|Of course|Still|Moreover|Again|In addition|Additionally|Furthermore|"
    r"As a result|For example|For instance|In other words|In turn|At the same time|On the other hand|"
    r"By contrast|In contrast|Overall|Ultimately|Finally|Nevertheless|Nonetheless|Thus|Therefore|Similarly|Likewise|"
    r"(?:Last|Next|This|Early|Late)\s+(?:week|month|year|spring|summer|fall|autumn|winter|" + MONTHS + r")|"
    r"(?:(?:a\s+few|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|some|\d+)\s+)?"
    r"(?:moments|minutes|hours|days|weeks|months|years)\s+(?:later|earlier|ago))$",
    re.IGNORECASE,
)

#: words before a cue that end in a conjunction: the clause they open is after the cue
#: ("..., because, according to Kim, the crews ...")
OPEN_END_RE = re.compile(
    r"\b(?:because|and|but|or|since|after|before|when|while|if|although|though)\s*,?\s*$"
)
INTRO_RE = re.compile(r"^(?:But|And|So|Yet|Still|However|Indeed|Now|Then|Also|Meanwhile|Instead)\b\s*,?\s*")


#: a dateline opening an article's first sentence: "LAKESIDE — ", "PORT ALDER, Ore. — ",
#: "LAKESIDE (AP) — "
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
    r"(?:[ \t]*\([A-Z][\w .]*\))?(?:[ \t]*[—–][ \t]*|[ \t]+--?[ \t]+)"
)


def skip_intro(masked: str, a: int, b: int) -> int:
    """Where reported content starts after a dateline and an opening "But", "Still", ..."""
    d = DATELINE_RE.match(masked[a:b])
    if d and count_words(masked[a + d.end() : b]) >= 3:
        a += d.end()
    m = INTRO_RE.match(masked[a:b])
    return a + m.end() if m and count_words(masked[a + m.end() : b]) >= 3 else a


# The object of a naming verb ("called [the plan a disaster]"); not a phone call, a meeting or a vote.
NAMING_OBJ_RE = re.compile(rf"\s+(?=[\w{SPEECH}{FRAG}$])")

NAMING_BAD_RE = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its|another|several|two)\s+(?:\w+\s+){0,2}?(?:conference|meeting|vote|votes|"
    r"election|elections|halt|strike|hearing|session|recess|timeout|summit|referendum|caucus|rally|press|briefing)\b|"
    r"it\s+quits\b|(?:off|up|out|back|in|upon|around|home|911)(?:[\s,.;:]|$)|"
    r"(?:him|her|them|me|us|it)\s*(?:[,.;:]|$|(?:on|at|in|to|from|after|before|back|again|twice|last|this|yesterday|"
    r"today|\w+day)\b))"
)


def naming_bad(masked: str, pos: int, limit: int) -> bool:
    """After a naming verb, words that make it no naming (`NAMING_BAD_RE`: "called a vote",
    "called it quits"), unless a quotation names the object ("called the vote “a sensible
    first step”")."""
    m = NAMING_BAD_RE.match(masked, pos, limit)
    return m is not None and masked[m.end() : limit].lstrip()[:1] not in (SPEECH, FRAG)


# "called Ann Kim on Monday", "called his sister and": a telephone call, not a name given.
PHONE_CALL_RE = re.compile(
    rf"\s+(?:{NAMERUN}|(?:my|his|her|their|our)\s+(?:[\w’'\-]+[’']s\s+)?(?:mother|father|wife|husband|son|daughter|"
    rf"brother|sister|friend|friends|parents|family|office|lawyer|boss|aide|aides))"
    rf"(?:\s*[,.;:]|\s*$|\s+(?:to|and|on|at|in|from|shortly|earlier|later|last|this|after|before|yesterday|today|"
    rf"again|back|twice|recently|{WEEKDAYS})\b)"
)


#: the endings of a profession that may stand before a name ("biologist", "statistician")
PROFESSION_SUFFIX = r"(?:ologist|nomist|ician)"

#: lower-case role words right before a name ("..., economist Ann Kim, disagreed", "senior
#: analyst Ann Kim"): her role
#: the roles a lower-case description right before a name ends with (`ROLE_BEFORE_RE`)
_NAME_ROLES = sorted(lx.PERSON_ROLES - {"person", "member", "head", "chief", "owner", "partner", "friend"})
ROLE_BEFORE_RE = re.compile(
    r"(?:^|[\s,(—–])(?P<r>(?:(?:[Ff]ormer|[Ee]x-)[ \t]*(?:[\w\-]+[ \t]+){0,3}?|(?:(?:"
    + "|".join(re.escape(w) for w in sorted(lx.ROLE_WORDS - {"his", "her", "their", "its", "our", "then"}))
    + r")[ \t]+){0,2})(?:"
    + "|".join(_NAME_ROLES)
    # a profession ("Marine biologist Ann Kim", "Epidemiologist Ann Kim"), at most one word before it
    + r"|(?:[A-Z][a-z]+[ \t]+)?[A-Za-z]*"
    + PROFESSION_SUFFIX
    + r"))[ \t]+$"
)
#: the endings of the word right before a name that `ROLE_BEFORE_RE` can match
_ROLE_ENDS = (*_NAME_ROLES, "ologist", "nomist", "ician")


def search_before(
    pattern: re.Pattern[str],
    text: str,
    end: int,
    width: int,
    endings: tuple[str, ...],
    spaces: str | None = None,
) -> re.Match[str] | None:
    """`pattern.search(text, end - width, end)` for a pattern whose matches end in `spaces`
    (whitespace when None) at `end`, run only where the words before those spaces end with one
    of `endings`: a cheap test of the window's end first, as the search tries every position."""
    w = text[max(0, end - width) : end]
    s = w.rstrip(spaces)
    if len(s) == len(w) or not s.endswith(endings):
        return None
    return pattern.search(text, max(0, end - width), end)


def role_before(text: str, start: int) -> re.Match[str] | None:
    """`ROLE_BEFORE_RE` in the 60 characters before a name at `start` (most capitalised runs
    have no role before them; `$` also matches before a final line break)."""
    return search_before(ROLE_BEFORE_RE, text, start, 60, _ROLE_ENDS, " \t\n")


#: a profession opening a capitalised run ("Biologist Ann Kim" at a sentence's start): her role
LEAD_PROFESSION_RE = re.compile(r"(?P<r>[A-Z][a-z]+" + PROFESSION_SUFFIX + r")[ \t]+(?=[A-Z])")


def preposed_role(m: re.Match[str]) -> str:
    """The role a description before a name gives (`ROLE_BEFORE_RE`, `LEAD_PROFESSION_RE`,
    `PREPOSED_DESC_RE`), an opening "Former", "Ex-" or profession in lower case."""
    return re.sub(
        r"^(?:Former|Ex-|[A-Z](?=[a-z]+" + PROFESSION_SUFFIX + r"))",
        lambda w: w.group().lower(),
        re.sub(r"^[Aa]nother\s+", "", m.group("r")),  # "Another economist, Ann Kim,": an economist
    )


#: an organisation right after a name ("Raul Ibanez of the Eastfield Institute"): where she works
NAME_OF_ORG_AFTER_RE = re.compile(
    r"[ \t]+(?P<d>(?:of|at|from)[ \t]+(?:the[ \t]+)?(?P<org>(?:[A-Z][\w.&'’\-]*[ \t]+(?:of[ \t]+|for[ \t]+|and[ \t]+)?){0,5}"
    r"[A-Z][\w.&'’\-]*))(?=[ \t,.;]|$)"
)

#: a group with a clause of who asked it, with no "who" or "that": "all the experts I interviewed"
CONTACT_ENDS = ("interviewed", "surveyed", "polled", "asked", "contacted", "consulted", "spoke to", "spoke with",
                 "talked to", "talked with", "reached", "met")  # fmt: skip
CONTACT_GROUP_RE = re.compile(
    r"(?P<g>(?:(?:[Aa]ll|[Mm]ost|[Mm]any|[Ss]ome|[Ss]everal|[Bb]oth|[Tt]he|[Tt]hese|[Tt]hose|[Oo]ther|\d+)\s+){0,2}"
    r"(?:[a-z][\w\-]*\s+)?[a-z]+)\s+(?:I|we|he|she|they|you|(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?:"
    + "|".join(e.replace(" ", r"\s+") for e in CONTACT_ENDS)
    + r")$"
)
#: a described head before a participle and its group: "The union (representing city workers)"
HEAD_BEFORE_ING_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*\s+$"
)
#: a source made of what a group said, right before the group: "A poll of (voters)", "the
#: latest survey of (harbor residents)": the source reports, not the group
SOURCE_OF_GROUP_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Aa]nother|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w\-]*\s+){0,2}"
    r"(?:survey|surveys|poll|polls|study|census|analysis|review|audit|canvass|sampling)\s+of\s+$"
)
#: a description before a name in apposition: "The fund's managing director, Ann Kim, ..."
PREPOSED_DESC_RE = re.compile(
    r"(?:^|(?<=[\s(—–]))(?P<r>(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w’'.\-]*[’']s)\s+"
    r"(?:[\w’'\-]+\s+){0,4}?(?:"
    + "|".join(sorted(lx.PERSON_NOUNS - {"person", "member", "friend", "partner"}))
    + r")(?:\s+(?:at|of|for|with|from|in)\s+(?:[\w’'\-.&]+\s+){0,4}?[\w’'\-.&]+)?),[ \t]*$"
)

#: a capitalised run of two words or more: a name, maybe
NAME_IN_TEXT_RE = re.compile(
    rf"[{UPPER}][\w’'.\-]*(?:[ \t]+(?:(?:{lx.alternation(lx.NAME_PARTICLES)})[ \t]+)*[{UPPER}][\w’'.\-]*)+"
)


def name_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each capitalised run that may be a name; a run that a sentence end cuts
    ("... hired Ann Kim. She says ...") gives its parts ("Ann Kim", "She")."""
    for m in NAME_IN_TEXT_RE.finditer(text):
        start = m.start()
        if ". " not in m.group():
            yield start, m.end()
            continue
        for w in re.finditer(r"\S+", m.group()):
            bare = w.group().lower().rstrip(".")
            if (
                w.group().endswith(".")
                and w.end() < len(m.group())
                and len(bare) >= 3
                and bare.isalpha()
                and bare not in lx.TITLES
                and bare not in lx.ABBREVIATIONS
            ):
                yield start, m.start() + w.end() - 1
                start = m.start() + w.end() + 1
        yield start, m.end()


#: a one-word answer as reported content ("Asked whether ..., Kim said no.")
YES_NO_RE = re.compile(r"(?:yes|no)\b", re.IGNORECASE)


#: a description written before the name it describes, between a clause boundary and the
#: name's comma: "The study’s lead author, Jo Marsh, said", "A researcher at the Harbor
#: Institute, Jo Marsh, said"
PREPOSED_RE = re.compile(
    r"(?:^|[.;:!?—–]\s+|\n)(?P<d>(?:The|A|An|[A-Z][\w\-]*[’']s)\s[^,.;:!?—–\n]{2,120}?),\s*$"
)


def preposed_description(before: str) -> tuple[int, int] | None:
    """(start, end) in `before` of a description right before the name's comma, if any."""
    m = PREPOSED_RE.search(before[-160:])
    if m is None or SPEECH in m.group("d") or FRAG in m.group("d"):
        return None
    d = len(before) - min(160, len(before))
    return d + m.start("d"), d + m.end("d")


#: the people around someone, before the name: "Aides to (Mayor Ann Kim)", "lawyers for (Kim)"
PEOPLE_OF_RE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<np>(?:(?:[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Tt]op|[Ss]enior|[Hh]is|[Hh]er|[Tt]he)\s+)?"
    r"(?:[Aa]ides|[Aa]dvis[eo]rs|[Ss]taffers|[Ll]awyers|[Aa]ttorneys|[Aa]llies|[Ff]riends|[Ss]upporters|[Cc]onfidants)"
    r"\s+(?:to|for|of|close\s+to)\s+)$"
)


def people_around(text: str, masked: str, base: int, spk: Mention | None) -> Mention | None:
    """The speaker, or the people around a named one when they are named before the name
    ("Aides to Mayor Ann Kim said": the aides, a group, not the mayor)."""
    held = (
        PEOPLE_OF_RE.search(masked, max(0, spk.start - base - 60), spk.start - base)
        if spk is not None and spk.kind == "name"
        else None
    )
    if held is None:
        return spk
    a = base + held.start("np")
    return Mention(a, spk.end, text[a : spk.end], "group")
