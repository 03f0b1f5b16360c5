"""Find quotes in an article: quotation-mark spans, reporting frames (speaker + cue), and the
reported content they introduce (direct, indirect, mixed).

Linear-time scanning: the text is cut into paragraphs, each paragraph into sentences (never
inside a quotation), and every regex runs on one sentence with bounded windows. A quotation
mark left open is capped at the end of its paragraph, so it cannot swallow the article.

The output is a list of `Raw` candidates with the speaker *mention* (the words naming the
speaker at this quote); `attribute.py` turns mentions into canonical people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.quotes import lexicon as lx

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŊŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
SPEECH = "\ue000"  # mask for a quotation that reads as speech
FRAG = "x"  # mask for a quoted term or scare quote (reads as one lower-case word)

_ABBR_TITLES = "Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Adm|Sgt|St|Jr|Sr|Rev|Mt|Pres|Supt"
TOK = rf"(?:(?:{_ABBR_TITLES})\.|[{UPPER}]\.(?:[{UPPER}]\.)*|[{UPPER}][\w’'\-]*\w|[{UPPER}])"
NAMERUN = rf"{TOK}(?:[ \t]+(?:(?:{'|'.join(sorted(lx.NAME_PARTICLES))})[ \t]+)*{TOK}){{0,6}}"
PRON = r"(?:he|she|they|He|She|They|I|we|We)"
WORD = r"[\w’'\-.]+"

QMARK_RE = re.compile(r"“|”|„|«|»|''|``|\"")
OPENERS = {"“", "„", "«", "``"}
CLOSERS = {"”", "»"}
STRAIGHT = {'"', "''"}

_PHRASES = (["according to", "as reported by", "as first reported by"] + [p for p, _ in lx.CUE_PHRASES]
            + [p for p, _ in lx.OBJECT_PHRASES])
_SINGLE = set(lx.VERB_FORMS) | set(lx.OBJECT_VERBS) | set(lx.NAMING_VERBS)
CUE_FIRST: dict[str, list[str]] = {}
for _p in sorted(_PHRASES, key=len, reverse=True):
    CUE_FIRST.setdefault(_p.split()[0], []).append(_p)
_WORDCHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_’'-")
ALPHA_RE = re.compile(r"[A-Za-z]+")


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


def find_cues(masked: str) -> list[CueMatch]:
    """Reporting cues in a masked sentence: one dictionary look-up per word (fast), then the
    multi-word phrases starting with that word. Verbs are lower case; "According to" and
    "As reported by" may open a sentence."""
    out: list[CueMatch] = []
    n = len(masked)
    for m in ALPHA_RE.finditer(masked):
        a, b = m.span()
        if a > 0 and masked[a - 1] in _WORDCHARS:
            continue
        if b < n and masked[b] in _WORDCHARS:
            continue
        w = m.group()
        low = w.lower()
        if w != low and low not in ("according", "as"):
            continue
        found = None
        for p in CUE_FIRST.get(low, ()):
            e = a + len(p)
            if masked[a:e].lower() == p and (e >= n or masked[e] not in _WORDCHARS):
                found = CueMatch(masked[a:e], a, e)
                break
        if found is None and w == low and low in _SINGLE:
            found = CueMatch(w, a, b)
        if found is not None:
            if out and found.start < out[-1].end:
                continue
            out.append(found)
    return out


CUE_LEMMA = {p: lem for p, lem in lx.CUE_PHRASES + lx.OBJECT_PHRASES}
OBJECT_LEMMAS = set(lx.OBJECT_VERBS.values()) | {lem for _, lem in lx.OBJECT_PHRASES}
SPEECH_LEMMAS = set(lx.VERB_FORMS.values()) | {lem for _, lem in lx.CUE_PHRASES}

# Letters of scripts without case (Hebrew, Arabic, Devanagari, Thai, kana, CJK, Hangul) open a sentence as a capital does.
CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
SENT_END_RE = re.compile(rf"[.!?…]+(?:[”\"’)\]]|'')*(?=\s+(?:[“\"‘(\[]|''|``)?[{UPPER}{CASELESS}\d$£€])|"
                         rf"[.!?…]+(?:[”\"’)\]]|'')*\s*$")
QCLOSE_IN_RE = re.compile(r"[”\"]|''")
ATTRIB_AFTER_RE = re.compile(r"\s+(?:[^\s.!?“”\"]+\s+){0,6}?(?:" + lx.alternation(
    [f for f in lx.VERB_FORMS if not f.endswith("ing")] + [p for p, _ in lx.CUE_PHRASES]) + r")(?![\w’'\-])")
INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
ABBR_BEFORE_RE = re.compile(r"(?:^|[\s(])([\w.]+)\.$")

# speaker noun phrases at the end of the text before a cue (applied to a bounded window)
AUX_RE = re.compile(r"(?:\s+(?:" + lx.alternation(lx.AUX) + r"|\w+ly|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                    r"Saturday|Sunday)|(?:last|this|earlier this)\s+(?:week|month|year)),?)*\s*$")
LEFT_PRON_RE = re.compile(rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>{PRON})$")
LEFT_NAME_RE = re.compile(rf"(?:^|(?<=[\s,;:(—–\-\"“”]))(?P<spk>{NAMERUN})$")
LEFT_GROUP_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>(?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Oo]ther|[Ff]ew|[Tt]he|[Tt]hese|"
    rf"[Tt]hose|[Bb]oth|[Aa]ll|[Tt]op|[Ss]enior|[Ss]ome \w+|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
    rf"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive)\s+)?(?:{WORD}\s+){{0,2}}?(?:{lx.alternation(lx.GROUP_NOUNS)}|"
    rf"{lx.alternation(w.capitalize() for w in lx.GROUP_NOUNS)}))$"
)
LEFT_NP_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|{NAMERUN}[’']s)\s+"
    rf"(?:{WORD}\s+){{0,4}}?(?:{lx.alternation(lx.SPEAKER_NOUNS)}))$"
)
APPOS_CAND_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>{NAMERUN}|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{WORD}\s+){{0,4}}?"
    rf"(?:{lx.alternation(lx.SPEAKER_NOUNS | lx.ROLE_WORDS)}))\s*,\s*"
)
APP_START_RE = re.compile(
    rf"^(?:an?\s|the\s|who\s|whose\s|former\s|ex-|his\s|her\s|their\s|\d{{1,3}}(?:,|\s|$)|including\s|"
    rf"(?:at|of|from|with)\s+(?:the\s+)?[{UPPER}]|(?:{TOK}\s+)+(?:[a-z]+\s+)?(?:{lx.alternation(lx.ROLE_WORDS)})\b|"
    rf"(?!(?:in|on|at|during|from|of|since|after|before|by|with|to|and|but|or|as|when|while|where|if|which|that)\b)"
    rf"[a-z][\w’'\-]*|(?:{TOK}\s+)*[{UPPER}][\w.&\-]*[’']s\s)"
)


def appositive_speaker(core_r: str) -> re.Match | None:
    """The speaker of "NAME, APPOSITIVE," right before a cue: the rightmost name or role NP
    whose tail reads as an appositive (a role, an age, a relative clause), at most 3 commas."""
    cands = list(APPOS_CAND_RE.finditer(core_r))
    for m in reversed(cands):
        app = core_r[m.end():-1].strip()
        if not app and m.group("spk")[:1].isupper() and not re.match(r"(?:The|A|An|His|Her|Their)\s", m.group("spk")) \
                and core_r[:m.start()].rstrip().endswith(","):
            return m  # "A farmer from the valley, Jo Marsh, said": the name after its description
        if not app or len(app) > 260 or app.count(",") > 3 or ";" in app or ":" in app:
            continue
        if APP_START_RE.match(app):
            return m
    return None


ROLEW = lx.alternation(lx.ROLE_WORDS)
DESCNAME = rf"(?:(?:the|his|her|their|its|a|an)\s+)?(?:(?:{TOK}(?:[’']s)?|{ROLEW})\s+){{0,6}}{NAMERUN}(?![\w’'])"
EXTEND = rf"(?:\s+(?:of|with|from|at|for)\s+(?:the\s+)?{NAMERUN})?"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
NP_STOP = (rf"[,.;:!?{SPEECH}(]|$|\s+(?:in|during|when|while|as|last|this|earlier|later|after|before|who|which|whose|"
           rf"that|and|but|told|said|says|wrote|added|adding|saying|according|on\s+(?:{_WEEKDAYS}|a|an|Twitter|Facebook|"
           rf"CNN|Fox|MSNBC)|at\s+(?:a|an)|{_WEEKDAYS}|today|yesterday)\b")
GENERIC_NP = rf"(?:the|a|an|his|her|their|its|one)\s+(?:[\w’'\-.&]+\s+){{0,7}}?[\w’'\-&]+(?=\s*(?:{NP_STOP}))"
RIGHT_SPK_RE = re.compile(
    rf"^\s+(?P<spk>{PRON}(?![\w’'])|{GENERIC_NP}|{DESCNAME}|"
    rf"(?:(?:some|many|most|other|several|two|three|four|five|\d+)\s+)?(?:{WORD}\s+){{0,2}}?(?:{lx.alternation(lx.GROUP_NOUNS)})(?![\w’']){EXTEND})"
    rf"(?:\s*\((?:[A-Z]{{1,2}}-)?[A-Z][\w.\s-]{{0,20}}\))?"
    rf"(?:\s*,\s*(?P<app>[^,{SPEECH};:.]{{2,200}}(?:\.[^\s,{SPEECH};:.][^,{SPEECH};:.]*)*))?"
)
FUNCTION_WORDS = {"who", "which", "that", "is", "was", "were", "are", "has", "have", "had", "to", "and", "but",
                  "said", "says", "will", "would", "could", "can", "not", "also", "did", "does", "do", "be", "been",
                  "when", "while", "if", "because", "after", "before", "as", "than", "then", "in", "on", "at",
                  "should", "must", "might", "may", "shall"}
LEFT_GENERIC_RE = re.compile(
    rf"(?:^|(?<=[,;:{SPEECH}])\s*|(?<=[,;:{SPEECH}]))(?P<spk>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|"
    rf"{NAMERUN}[’']s)\s+(?:[\w’'\-.]+\s+){{0,4}}?[\w’'\-]+)$"
)
TELL_OBJ_RE = re.compile(
    rf"^\s+(?:him|her|them|me|us|reporters|journalists|the\s+(?:{WORD}\s+){{0,3}}?[\w’'\-]+|"
    rf"(?:an?\s+)?(?:{WORD}\s+){{0,2}}?(?:audience|crowd|interviewer|reporter|committee|group|panel|supporters)|"
    rf"{NAMERUN}|(?:the\s+)?{NAMERUN})(?=[\s,.:;]|$)"
)
TO_OBJ_RE = re.compile(rf"^\s+to\s+(?:him|her|them|me|us|reporters|journalists|(?:the\s+)?{NAMERUN})(?=[\s,.:;]|$)")
THAT_RE = re.compile(r"\bthat\b")
# A quantity opening reported content ("said about half of ...", "said nearly 40 percent ..."):
# the adverb or preposition belongs to the number, so the content is a clause.
QUANT = (r"(?:about|nearly|roughly|almost|around|approximately|over|under|more\s+than|less\s+than|fewer\s+than|"
         r"at\s+least|at\s+most|just|only|up\s+to|well\s+over|some)\s+(?:[$£€]?\d[\d,.]*|half|one|two|three|four|five|"
         r"six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|"
         r"millions|billions|dozens|a\s+(?:third|quarter|fifth|half|dozen|hundred|thousand|million|billion|"
         r"majority|handful|fraction))\b")
PREP_START_RE = re.compile(
    r"^\s*,?\s*(?!\s*" + QUANT + r")(?:on|in|at|during|after|before|with|from|via|over|late|early|to|earlier|later|among|"
    r"(?:last|this|next)\s+(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|"
    r"winter|time|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|again|also|"
    r"publicly|privately|repeatedly|previously|once|then|now|further|flatly|\w+ly)\b"
)
CUT_RE = re.compile(
    r";|(?:\s+[—–-]{1,2}\s*|—\s*)(?=" + SPEECH + r")|,\s+(?:according to|(?!including\b)\w+ing\b|who\s|which\s|whose\s|whom\s|where\s|as\s|"
    r"compared\s|(?:and|but)\s+(?:when|while|then)\s|the\s|an?\s)|\s+by\s+(?!(?:spring|morning|evening|thing|king|ring|string|wing|meeting|building|ruling|hearing|"
    r"funding|spending|opening|beginning|ending|nothing|something|anything|everything|Beijing|Reading)\b)\w+ing\b|"
    r",\s+(?:" + lx.alternation(f for f in lx.VERB_FORMS if f.endswith("ing")) + r")\b|"
    r",\s+(?:said|says|told|tells|added|adds|wrote|writes|argued|noted|insisted|explained)\b|"
    r"(?<=" + SPEECH + r")\s+(?:according to|referring to|(?!including\b)\w+ing\b)"
)
SUBORD_RE = re.compile(r"^(?:Because|While|As|When|If|Although|Though|Since|After|Before|Even as|Even though|Whereas|Until|"
                       r"Once|Unless)\b[^,]*$")
CLAUSE_START_RE = re.compile(
    rf"^(?:{SPEECH}|[{UPPER}\d$£€]|(?:the|a|an|this|that|these|those|there|it|its|he|she|they|we|i|you|his|her|"
    rf"their|our|my|your|some|many|most|no|not|all|every|each|both|one|two|three|four|five|more|less|"
    rf"fewer|few|only|if|what|whether|how|why|when|where|who|nobody|everyone|everybody|someone|nothing|"
    rf"anything|something|nor|neither|none|any|much|such)\b|{QUANT})",
    re.IGNORECASE,
)
TRIVIAL_TAIL_RE = re.compile(
    rf"^(?:\s*,?\s*(?:on|in|at|during|after|before|with|from|via|over|to|while|when|as|last|this|"
    rf"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|later|earlier|"
    rf"again|also|publicly|privately|then|\w+ly)\b[^{SPEECH}]*)?[\s.!?,:;”\"’)]*$"
)
BULLET_RE = re.compile(r"[ \t]*(?:[-–—•*·▪►]|\d{1,2}[.)])[ \t]+")


@dataclass(slots=True)
class QSpan:
    """A span between quotation marks (marks included)."""

    start: int
    end: int
    speech: bool
    unclosed: bool = False
    used: bool = False


@dataclass(slots=True)
class Mention:
    """The words naming a speaker at one quote."""

    start: int
    end: int
    text: str
    kind: str  # name | pronoun | group | np | inherited
    appositive: str | None = None
    app_start: int | None = None


@dataclass(slots=True)
class Raw:
    """A quote candidate before speakers are resolved."""

    start: int
    end: int
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    mention: Mention | None = None
    how: str = "frame"  # frame | continuation | none
    group: str | None = None
    sent_start: int = 0
    sent_end: int = 0
    para: int = 0
    sent: int = 0  # index of the sentence the quote starts in
    inherit_raw: Raw | None = None  # the quote whose speaker this one continues


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line; bullets and indentation stripped at the start."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        b = BULLET_RE.match(text, s, e)
        if b:
            s = b.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def quotations(text: str, ps: int, pe: int) -> list[QSpan]:
    """Quotation-mark spans of one paragraph, marks included; an unclosed mark runs to the end."""
    spans: list[QSpan] = []
    open_at: int | None = None
    for m in QMARK_RE.finditer(text, ps, pe):
        ch = m.group()
        a, b = m.start(), m.end()
        before = text[a - 1] if a > ps else " "
        after = text[b] if b < pe else " "
        if open_at is None:
            if ch in CLOSERS:
                continue
            if ch in STRAIGHT and (after.isspace() or after in ",.;:") and not before.isspace() and a > ps:
                continue  # a stray closing straight mark
            open_at = a
        else:
            if ch in OPENERS or (ch in STRAIGHT and before.isspace() and not after.isspace() and b - open_at > 2
                                 and text[a - 2: a - 1] not in ",.!?"):
                if ch in OPENERS or before.isspace():
                    # a new opening while one is open: the earlier mark was stray
                    open_at = a
                    continue
            spans.append(QSpan(open_at, b, False))
            open_at = None
    if open_at is not None and pe - open_at > 1:
        spans.append(QSpan(open_at, pe, False, unclosed=True))
    for q in spans:
        q.speech = is_speech(text, q)
    return spans


_WORD_RE = re.compile(r"[\w’'\-]+")


def is_speech(text: str, q: QSpan) -> bool:
    """A quotation reads as speech (not a term, scare quote or title): enough words, and the
    punctuation of a sentence or clause inside the marks, or a long stretch of words."""
    inner = text[q.start + 1: q.end - 1] if not q.unclosed else text[q.start + 1: q.end]
    inner = inner.strip(" '`\"")
    words = _WORD_RE.findall(inner[:400])
    n = len(words)
    if n < lx.MIN_SPEECH_WORDS:
        return False
    ends = inner[-1:] in ".,!?…:;—-" if inner else False
    caps = sum(1 for w in words if w[:1].isupper())
    if not ends and caps == n:  # a title in title case
        return False
    return ends or n >= 8 or q.unclosed


def sentences(text: str, ps: int, pe: int, quotes: list[QSpan]) -> list[Sentence]:
    """Sentences of a paragraph; never split inside a quotation."""
    out: list[Sentence] = []
    start = ps
    qi = 0
    for m in SENT_END_RE.finditer(text, ps, pe):
        b = m.end()
        # inside a quotation?
        while qi < len(quotes) and quotes[qi].end < b:
            qi += 1
        if qi < len(quotes) and quotes[qi].start < b < quotes[qi].end:
            continue
        dot = m.start()
        if QCLOSE_IN_RE.search(m.group()) and ATTRIB_AFTER_RE.match(text, b, min(pe, b + 120)):
            qq = next((q for q in reversed(quotes) if m.start() <= q.end <= b), None)
            if qq is None or not text[start:qq.start].strip(" \t'\"“‘`"):
                continue  # “...!” Okafor said. : the attribution belongs to the quote
            # X said the plan is “over.” He said ...: a quotation inside a sentence ends with it
        if text[dot] == ".":
            w = ABBR_BEFORE_RE.search(text, max(ps, dot - 12), dot + 1)
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in lx.ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or INITIALS_RE.fullmatch(word):
                    continue
        while b > start and b <= pe and text[b - 1].isspace():
            b -= 1
        if b > start:
            out.append(Sentence(start, b))
        start = m.end()
        while start < pe and text[start].isspace():
            start += 1
    if start < pe:
        out.append(Sentence(start, pe))
    return out


def _mask(text: str, s: Sentence, quotes: list[QSpan]) -> str:
    parts = []
    pos = s.start
    for q in quotes:
        if q.start < pos or q.end > s.end:
            continue
        parts.append(text[pos:q.start])
        parts.append((SPEECH if q.speech else FRAG) * (q.end - q.start))
        pos = q.end
    parts.append(text[pos:s.end])
    return "".join(parts)


def _clean_name_mention(text: str, a: int, b: int) -> tuple[int, int] | None:
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
    if last.endswith(".") and last.lower().rstrip(".") not in lx.ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.)+", last):
        b2 -= 1
    if b2 <= a2:
        return None
    return a2, b2


NAME_OF_ORG_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-\"“”]))(?P<spk>{NAMERUN})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?{NAMERUN}"
    rf"(?:\s+(?:for|of|on|and|in)\s+(?:the\s+)?{NAMERUN}){{0,3}})$"
)
_ORGISH = {"university", "institute", "center", "centre", "college", "school", "department", "committee",
           "council", "party", "house", "foundation", "association", "agency", "office", "bureau"}


def _looks_like_org(name: str) -> bool:
    return any(w.lower().strip(".,") in _ORGISH for w in name.split())


PARTY_TAG_RE = re.compile(r"\s*\((?:[A-Z]{1,2}-)?[A-Z][\w.\s-]{0,20}\)$")


GROUP_LEAD_RE = re.compile(r"(?:that|which|who|whom|and|but|or|if|whether|because|as|while|when|where)\s+",
                           re.IGNORECASE)


ASIDE_RE = re.compile(r",\s*(?:including|who|which|whose|when|while|like|such\s+as|along\s+with|as\s+well\s+as)\b"
                      r"[^,;:]*(?:,[^,;:]*){0,2},$")


def left_speaker(text: str, masked: str, base: int, upto: int, depth: int = 0) -> Mention | None:
    """The speaker named right before a cue (masked[:upto]), allowing aux words between."""
    window_start = max(0, upto - 300)
    left = masked[window_start:upto]
    aux = AUX_RE.search(left)
    core = left[: aux.start()] if aux else left
    core_r = core.rstrip()
    tag = PARTY_TAG_RE.search(core_r)
    if tag:  # "Rep. Ann Kim (D-Ore.) said": the party or state tag is not part of the name
        core_r = core_r[: tag.start()].rstrip()
    if not core_r:
        return None
    if core_r.endswith(")") and depth == 0:
        # "Ann Kim (who won the last vote) said": a bracketed aside after the subject
        k = core_r.rfind("(")
        if 0 < k and len(core_r) - k < 150 and SPEECH not in core_r[k:]:
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
    if core_r.endswith(SPEECH) and text[off + len(core_r) - 2: off + len(core_r)].lstrip()[:1] == ",":
        core_r += ","  # “..., citing “a phrase,” said X”: the comma sits inside the marks
    if core_r.endswith(","):
        m = appositive_speaker(core_r)
        if m:
            a, b = m.span("spk")
            spk = masked[window_start + a: window_start + b]
            kind = "name" if spk[:1].isupper() and not re.match(r"(?:The|A|An)\s", spk) else "np"
            if kind == "name":
                cleaned = _clean_name_mention(text, off + a, off + b)
                if not cleaned:
                    return None
                a2, b2 = cleaned
            else:
                a2, b2 = off + a, off + b
            return Mention(a2, b2, text[a2:b2], kind, appositive=core_r[m.end():-1].strip(),
                           app_start=off + m.end())
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
        if m and m.group("spk").split()[0].lower() not in lx.NOT_NAMES:
            d = len(core_r) - min(160, len(core_r))
            cleaned = _clean_name_mention(text, off + d + m.start("spk"), off + d + m.end("spk"))
            if cleaned and not _looks_like_org(text[cleaned[0]:cleaned[1]]):
                a, b = cleaned
                return Mention(a, b, text[a:b], "name", appositive=m.group("org"), app_start=off + d + m.start("org"))
            if cleaned:  # "the University of Eastbrook found": the organisation as a whole
                a, b = cleaned[0], off + d + m.end("org")
                return Mention(a, b, text[a:b], "name")
        m = LEFT_NAME_RE.search(core_r[-120:])
        if m:
            d = len(core_r) - min(120, len(core_r))
            cleaned = _clean_name_mention(text, off + d + m.start("spk"), off + d + m.end("spk"))
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
    if m and d + m.start("spk") > 0 and core_r[: d + m.start("spk")].rstrip()[-1:] not in (",", ";", ":", SPEECH):
        m = None
    if m and not any(w.lower() in FUNCTION_WORDS for w in m.group("spk").split()[1:]):
        a, b = off + d + m.start("spk"), off + d + m.end("spk")
        return Mention(a, b, text[a:b], "np")
    return clause_subject(text, core_r, off)


SUBJ_START_RE = re.compile(rf"^(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Aa]ll|[Bb]oth|[Tt]wo|[Tt]hree|"
                           rf"[Ff]our|[Ff]ive|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Oo]ther|[Ff]ew|[Mm]ore|[Nn]o|"
                           rf"[Ee]arly|[Rr]ecent|[Nn]ew|[Ff]ormer|[Cc]urrent|[{UPPER}]|\d)")
SUBJ_BAD = FUNCTION_WORDS - {"in", "on", "at", "and"} | {"it", "this", "there", "he", "she", "they", "we", "i",
                                                           "you", "what", "how", "why", "whether", "if", "not"}


def clause_subject(text: str, core_r: str, off: int) -> Mention | None:
    """A longer subject noun phrase opening its clause right before the cue ("A statement
    posted on the campaign's website said ..."): 2 to 9 words after the sentence start or a
    comma, starting like a noun phrase, with no verb-like function word inside."""
    start = max(core_r.rfind(","), core_r.rfind(";"), core_r.rfind(":"), core_r.rfind(SPEECH), core_r.rfind("—")) + 1
    seg = core_r[start:]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    words = seg.split()
    if not 2 <= len(words) <= 9 or not SUBJ_START_RE.match(seg):
        return None
    if any(w.lower().strip(".,") in SUBJ_BAD for w in words) or words[-1].lower() in lx.NAME_PARTICLES or \
            words[-1].lower() in ("and", "or", "but", "nor"):
        return None  # "X appeared on the show and defended ...": a coordinated verb, not a subject
    if words[0].lower() in ("but", "and", "so", "yet", "however", "still", "now", "then", "also"):
        return None
    a = off + start + lead
    b = a + len(seg)
    kind, a, b = _np_kind(text, a, b)
    if kind == "":
        return None
    return Mention(a, b, text[a:b], kind)


def right_speaker(text: str, masked: str, base: int, pos: int) -> tuple[Mention | None, int]:
    """An inverted speaker after a cue ("..., said Dr. X, a lecturer at Y.")."""
    m = RIGHT_SPK_RE.match(masked[pos: pos + 400])
    if not m:
        return None, pos
    a, b = base + pos + m.start("spk"), base + pos + m.end("spk")
    spk = text[a:b]
    first = spk.split(None, 1)[0]
    if first.lower() in lx.PRONOUNS:
        kind = "pronoun"
    else:
        if any(w.lower() in FUNCTION_WORDS for w in spk.split()[1:]):
            return None, pos
        kind, a, b = _np_kind(text, a, b)
        if kind == "":
            return None, pos
    app = m.group("app")
    end = pos + m.end()
    if app and not APP_START_RE.match(app.strip() + " "):
        app = None
        end = pos + m.end("spk")
    mention = Mention(a, b, text[a:b], kind, appositive=app.strip() if app else None,
                      app_start=base + pos + m.start("app") if app else None)
    return mention, end


_DETS = ("the", "a", "an", "his", "her", "their", "its", "one", "our")


def _np_kind(text: str, a: int, b: int) -> tuple[str, int, int]:
    """Name, group or described NP: a phrase ending in a capitalised run names someone
    ("his campaign manager Jeff Weaver"); ending in a group noun it is a group."""
    spk = text[a:b]
    words = spk.split()
    last = words[-1]
    if last[:1].isupper() and last.lower().rstrip(".") not in lx.NOT_NAMES:
        if words[0].lower() in _DETS:
            # keep "the Washington Post" as written; people get their trailing name
            cleaned = _clean_name_mention(text, a, b)
            return ("name", cleaned[0], cleaned[1]) if cleaned else ("", a, b)
        cleaned = _clean_name_mention(text, a, b)
        return ("name", cleaned[0], cleaned[1]) if cleaned else ("", a, b)
    if last.lower() in lx.GROUP_NOUNS:
        return "group", a, b
    return "np", a, b


_TRAIL_CONJ_RE = re.compile(r"(?:\s+(?:and|but|or|as|while|then))+\s*$")


def _trim_content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,:;—–-\t":
        a += 1
    while b > a and text[b - 1] in " ,.;:—–-\t!?":
        b -= 1
    m = _TRAIL_CONJ_RE.search(text, a, b)
    if m and m.end() == b:
        b = m.start()
        while b > a and text[b - 1] in " ,.;:—–-\t":
            b -= 1
    return a, b


def _words(s: str) -> int:
    return len(_WORD_RE.findall(s))


@dataclass(slots=True)
class Frame:
    """A speaker + cue in a sentence; positions relative to the sentence start."""

    cue: str
    lemma: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    start: int  # where the frame's words begin (speaker or cue)
    end: int  # where they end (cue, or speaker/appositive when inverted)
    inverted: bool = False
    inherit: bool = False  # participle after a comma: the clause's speaker


PREP_CONTENT_RE = re.compile(r"\s*(?!\s*" + QUANT + r")(?:of|by|in|on|at|for|with|from|as|about|into|onto|over|under|against)\b")
GAP_COORD_RE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s*$")
PUNCT_END_RE = re.compile(r"[,.!?]\W*$")
ING_TAIL_RE = re.compile(r"\s*,\s*\w+ing\b")
AFTER_SPEECH_RE = re.compile(rf"^\s*,?\s*(?:(?:and|then)\s+)?{SPEECH}")
RIGHT_SPEECH_RE = re.compile(rf"^\s*[,:]?\s*(?=({SPEECH}))")
RIGHT_PREP_SPEECH_RE = re.compile(rf"^[^{SPEECH}.;]{{1,70}}?[,:]\s*(?=({SPEECH}))")
ACC_SKIP_RE = re.compile(rf"^[^,.;{SPEECH}]{{0,60}}?,\s*")
STOP_PUNCT_RE = re.compile(r"[.;:]")
LEAD_PUNCT_RE = re.compile(r"^\s*[,:]?\s*")
ASK_OBJ_RE = re.compile(r"^\s+(?P<o>)(?:(?!(?:for|about|on|in|at)\b)[\w’'.\-]+\s+){1,7}?"
                        r"(?:to\s+(?!(?:the|a|an|his|her|their|its)\b)[a-z]|(?:whether|if|what|why|how|who)\b)")
ASK_RE = re.compile(r"^\s*(?=(?:whether|if|why|how|what|when|where|who|to|for|about)\b)")
SPACES_RE = re.compile(r"^\s*")
PAREN_RE = re.compile(r"^\s*,(?!\s*(?:who|whom|whose|which)\b)\s*")
# An inverted speaker followed by a relative clause ("..., said X, a lecturer, who has studied it"):
# the clause describes the speaker; the content is on the left.
REL_TAIL_RE = re.compile(r"^\.?\s*,?\s*(?:who|whom|whose|which)\b[^{SPEECH}]*$".replace("{SPEECH}", SPEECH))


# The object of a naming verb ("called [the plan a disaster]"); not a phone call, a meeting or a vote.
NAMING_OBJ_RE = re.compile(rf"\s+(?=[\w{SPEECH}{FRAG}$])")
NAMING_BAD_RE = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its|another|several|two)\s+(?:\w+\s+){0,2}?(?:conference|meeting|vote|votes|"
    r"election|elections|halt|strike|hearing|session|recess|timeout|summit|referendum|caucus|rally|press|briefing)\b|"
    r"it\s+quits\b|(?:off|up|out|back|in|upon|around|home|911)(?:[\s,.;:]|$)|"
    r"(?:him|her|them|me|us|it)\s*(?:[,.;:]|$|(?:on|at|in|to|from|after|before|back|again|twice|last|this|yesterday|"
    r"today|\w+day)\b))"
)


# "called Ann Kim on Monday", "called his sister and": a telephone call, not a name given.
PHONE_CALL_RE = re.compile(
    rf"\s+(?:{NAMERUN}|(?:my|his|her|their|our)\s+(?:[\w’'\-]+[’']s\s+)?(?:mother|father|wife|husband|son|daughter|"
    rf"brother|sister|friend|friends|parents|family|office|lawyer|boss|aide|aides))"
    rf"(?:\s*[,.;:]|\s*$|\s+(?:to|and|on|at|in|from|shortly|earlier|later|last|this|after|before|yesterday|today|"
    rf"again|back|twice|recently|{_WEEKDAYS})\b)"
)


def _lemma(cue: str) -> str:
    low = cue.lower()
    if low.startswith(("according", "as reported", "as first")):
        return "according to"
    if low in CUE_LEMMA:
        return CUE_LEMMA[low]
    return lx.VERB_FORMS.get(low) or lx.OBJECT_VERBS.get(low, low)


LEAD_RE = re.compile(rf"({SPEECH})\s*,?(?:\s+[\w’'.\-]+){{0,6}}$")
LEAD_FRAG_RE = re.compile(rf"({FRAG}{FRAG})\s*,?(?:\s+[\w’'.\-]+){{0,6}}$")
SUBJECT_RE = re.compile(rf"^(?:{SPEECH}+\s*,?\s*)?(?P<spk>{PRON}|{NAMERUN})(?=\s+[a-z])")


_TOKEN_RE = re.compile(r"[^\s,;:]+|[,;:]")


def sentence_subject(text: str, masked: str, base: int) -> Mention | None:
    """The subject of a sentence for a participle cue ("X took to Twitter, writing ..."): a
    pronoun, or the last capitalised run before the first ordinary lower-case word."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    last_end = 0
    for m in _TOKEN_RE.finditer(masked[:200]):
        w = m.group()
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
        if best is None and w.lower() in lx.GROUP_NOUNS:
            start = 0
            while start < m.start() and masked[start] in " \t" + SPEECH:
                start += 1
            return Mention(base + start, base + m.end(), text[base + start:base + m.end()], "group")
        if w in (",", ";", ":"):
            return None if best is None else _subject(text, base, best)
        if w.lower() in lx.ROLE_WORDS or w.lower() in lx.NOT_NAMES and w.lower() in ("the", "a", "an"):
            continue
        break
    if best is None:
        return None
    return _subject(text, base, best)


def _subject(text: str, base: int, span: tuple[int, int]) -> Mention | None:
    cleaned = _clean_name_mention(text, base + span[0], base + span[1])
    if not cleaned:
        return None
    return Mention(cleaned[0], cleaned[1], text[cleaned[0]:cleaned[1]], "name")


COORD_RE = re.compile(r"(?:^|\s)(?:and|but|then)(?:\s+(?:" + lx.alternation(lx.AUX - {"who", "which"}) + r"|\w+ly))*\s*$")
REL_RE = re.compile(r",\s*who(?:\s+(?:" + lx.alternation(lx.AUX - {"who", "which"}) + r"|\w+ly))*\s*$")
IT_RE = re.compile(r"(?:^|(?<=[\s,;:]))[Ii]t\s+(?:also\s+)?$")


ACC_NP_RE = re.compile(rf"\s+(?P<spk>(?:\b(?:{_ABBR_TITLES}|[A-Z])\.|[^,;:()\[\]{SPEECH}.—–]|\.(?=\S))+?)(?=\s*(?:[,;:)\]{SPEECH}—–]|\s-\s|"
                       rf"\s(?:but|and|while|who|which|as|after|before|because|although)\s|\.(?:\s|$)|$))")
BY_END_RE = re.compile(r"(?:^|\s)(?:by|after|before|while|when|in)$")


def _intro_only(lead0: str) -> bool:
    """Nothing, or a short adverbial ("Over the next decade", "In 2019") before a cue."""
    if not lead0:
        return True
    return _words(lead0) <= 6 and SPEECH not in lead0 and "," not in lead0 and \
        bool(PREP_START_RE.match(lead0[:1].lower() + lead0[1:]) or INTRO_ONLY_RE.match(lead0))


NOT_A_CUE_AFTER_RE = re.compile(r"[\s-]+(?:tanks?|twice|so|again|big|about)\b")


def find_frames(text: str, masked: str, base: int) -> list[Frame]:
    frames: list[Frame] = []
    for m in find_cues(masked):
        cue = m.group("cue")
        cs, ce = m.span("cue")
        low = cue.lower()
        lemma = _lemma(cue)
        if lemma == "according to":
            spk, after = right_speaker(text, masked, base, ce)
            am = ACC_NP_RE.match(masked, ce)
            if am and (spk is None or am.end("spk") > spk.end - base) and \
                    len(am.group("spk").split()) <= 16:
                # the whole noun phrase up to the next punctuation: "according to engineers who
                # inspected the dam", "according to Ms. Ott's office"
                a, b = base + am.start("spk"), base + am.end("spk")
                kind, a, b = _np_kind(text, a, b)
                if kind:
                    spk, after = Mention(a, b, text[a:b], kind), am.end("spk")
            if spk is None or spk.kind == "pronoun" and spk.text.lower() == "i":
                continue
            if spk.appositive and _intro_only(masked[:cs].strip(" ,—–-")) and masked[after:after + 2].strip()[:1] != ",":
                # "According to X, the content.": no appositive unless a second comma closes it
                spk.appositive = spk.app_start = None
                after = spk.end - base
            frames.append(Frame(cue, lemma, cs, ce, spk, cs, after, inverted=True))
            continue
        if NOT_A_CUE_AFTER_RE.match(masked, ce) and low in ("think", "thinks"):
            continue  # "think tanks", "think twice"
        prev_word = masked[max(0, cs - 12):cs].split()[-1:] or [""]
        if prev_word[0].lower() in lx.PASSIVE_AUX and (low.endswith("ed") or low in ("told", "said", "thought", "known", "found", "shown", "read")):
            continue  # passive: "was told that", "is expected to"
        object_only = lemma in OBJECT_LEMMAS and lemma not in SPEECH_LEMMAS
        spk = left_speaker(text, masked, base, cs)
        if object_only and spk is not None and (spk.kind == "np" and not low.split()[0].endswith(("ed", "spoke"))
                                                or low.split()[0].endswith("ing")):
            spk = None
        if spk is not None:
            if low in lx.AMBIGUOUS_FORMS and spk.kind == "np" and \
                    spk.text.rsplit(None, 1)[-1].lower() not in lx.SOURCE_NOUNS and not LEAD_RE.search(masked[max(0, spk.start - base - 120):spk.start - base].rstrip()):
                continue
            frames.append(Frame(cue, lemma, cs, ce, spk, spk.start - base, ce))
            continue
        lead = masked[:cs].rstrip()
        if low.split()[0].endswith("ing") and (lead.endswith(",") or BY_END_RE.search(lead)):
            frames.append(Frame(cue, lemma, cs, ce, None, cs, ce, inherit=True))
            continue
        window = masked[max(0, cs - 80):cs]
        if COORD_RE.search(window) and not low.endswith("ing"):
            # "X shook her head and said ...": the speaker of the clause
            frames.append(Frame(cue, lemma, cs, ce, None, cs, ce, inherit=True))
            continue
        rel = REL_RE.search(masked[max(0, cs - 40):cs])
        if rel:
            comma = cs - (len(masked[max(0, cs - 40):cs]) - rel.start())
            spk = left_speaker(text, masked, base, comma)
            if spk is not None and spk.kind != "pronoun":
                frames.append(Frame(cue, lemma, cs, ce, spk, cs, ce))
                continue
        if low in ("said", "says", "added", "reported", "announced", "stated", "wrote", "noted", "warned") and \
                IT_RE.search(masked[max(0, cs - 20):cs]):
            a = base + cs - len(IT_RE.search(masked[max(0, cs - 20):cs]).group())
            frames.append(Frame(cue, lemma, cs, ce, Mention(a, a + 2, text[a:a + 2], "pronoun"), a - base, ce))
            continue
        if low in lx.AMBIGUOUS_FORMS and not low.endswith("ed") and low not in ("said", "told", "wrote", "thought"):
            continue
        if object_only:
            continue
        if lead.endswith((SPEECH, ",", FRAG)) or not lead:
            spk, after = right_speaker(text, masked, base, ce)
            if spk is not None and spk.text.lower() != "i" and (lead.endswith((SPEECH, ",", FRAG)) or spk.kind == "name"):
                frames.append(Frame(cue, lemma, cs, ce, spk, cs, after, inverted=True))
    return frames


def _quote_at(quotes: list[QSpan], pos: int, base: int, *, ending: bool) -> QSpan | None:
    for q in quotes:
        if (q.end if ending else q.start) == base + pos:
            return q
    return None


def _content_kind(masked: str, a: int, b: int) -> str:
    seg = masked[a:b]
    if SPEECH in seg or FRAG * 2 in seg:
        return "mixed"
    return "indirect"


TO_VERB_RE = re.compile(r"to\s+(?!(?:a|an|the|his|her|their|its|this|that|these|those|my|our|your|some|any|him|them|"
                        r"me|us|it|what|which|whom|date|\d)\b)[a-z]")


LEAD_DET_RE = re.compile(r"\s*(?<![\w’'\-])(?:the|The)$")


SAID_IN_RE = re.compile(
    rf"^(?=\s+\S)(?:\s+(?:in|on|at|during|via)\s+(?:a|an|the|his|her|their|its|one)\s+(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?:statement|interview|email|e-mail|letter|speech|tweet|post|call|conference|briefing|debate|rally|"
    rf"appearance|memo|release|video|op-ed|column|filing|hearing)s?)?"
    rf"(?:\s+(?:on\s+|late\s+|early\s+|last\s+|this\s+)?(?:{_WEEKDAYS}|night|morning|evening|afternoon|week|month|"
    rf"year|today|yesterday))*\s+(?=(?:he|she|they|it|we|I|the|a|an|his|her|their|its|there|this|that|"
    rf"[{UPPER}][a-z]+\s+(?:is|was|were|are|has|had|will|would|could|should|did|does|must)\b))"
)


def _nests_in_content(f: Frame) -> bool:
    """A stance frame ("wants", "supports") inside content already taken is part of that content."""
    return f.lemma in OBJECT_LEMMAS and f.lemma not in SPEECH_LEMMAS


def sentence_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    """Quotes introduced by reporting frames in one sentence."""
    base = sent.start
    frames = find_frames(text, masked, base)
    out: list[Raw] = []
    consumed = 0
    n = len(masked)
    for i, f in enumerate(frames):
        nxt = frames[i + 1] if i + 1 < len(frames) else None
        if _nests_in_content(f) and any(r.start <= base + f.cue_start < r.end for r in out):
            continue  # "X says she wants to ...": the stance inside reported content is part of it
        if f.inherit:
            prev = next((r.mention for r in reversed(out) if r.mention is not None), None)
            if prev is None:
                prev = sentence_subject(text, masked, base)
                if prev is None:
                    continue
            f.mention = prev
        limit = n
        if nxt is not None:
            gap = masked[f.end:nxt.start]
            if nxt.inherit or GAP_COORD_RE.search(gap) or \
                    (not nxt.inherit and masked[:nxt.start].rstrip()[-1:] == "," and TRIVIAL_TAIL_RE.match(masked[nxt.end:])):
                limit = nxt.start
        parts: list[tuple[int, int, str]] = []  # (a, b, kind) relative
        lead = masked[: f.start].rstrip()
        lead_quote = None
        if SPEECH in lead[-120:]:
            lm = LEAD_RE.search(lead[-120:])
            if lm:
                lead_quote = _quote_at(quotes, len(lead) - len(lead[-120:]) + lm.end(1), base, ending=True)
        elif FRAG in lead[-120:]:
            lm = LEAD_FRAG_RE.search(lead[-120:])
            if lm:
                lq = _quote_at(quotes, len(lead) - len(lead[-120:]) + lm.end(1), base, ending=True)
                if lq is not None and PUNCT_END_RE.search(text, lq.start, lq.end) and \
                        (TRIVIAL_TAIL_RE.match(masked[f.end:limit]) or ING_TAIL_RE.match(masked, f.end, limit)) \
                        and f.lemma != "according to":
                    lead_quote = lq
        pos = f.end
        if lead_quote is not None and lead_quote.start - base >= consumed:
            qa = lead_quote.start - base
            pre_a, pre_b = _trim_content(masked, consumed, qa)
            pre = masked[pre_a:qa]
            if pre_b > pre_a and _words(pre) >= 3 and SPEECH not in pre and not STOP_PUNCT_RE.search(pre) and \
                    masked[:qa].rstrip()[-1:] not in (",", ":", "—", "–") and CLAUSE_START_RE.match(pre):
                # "The plan is a “good thing,” X said": the clause around the quotation is the content
                parts.append((_skip_intro(masked, pre_a, qa), lead_quote.end - base, "mixed"))
            else:
                parts.append((qa, lead_quote.end - base, "direct"))
            after = masked[f.end:limit]
            m2 = AFTER_SPEECH_RE.match(after)
            if m2:
                q2 = _quote_at(quotes, f.end + m2.end() - 1, base, ending=False)
                q2 = q2 or next((q for q in quotes if q.start - base >= f.end and q.speech), None)
                if q2 is not None:
                    parts.append((q2.start - base, q2.end - base, "direct"))
        else:
            if not f.inverted and f.mention is not None or f.inherit:
                if f.lemma == "tell":
                    t = TELL_OBJ_RE.match(masked[pos:pos + 120])
                    if t:
                        pos += t.end()
            that_pos = pos
            if not f.inverted and f.mention is not None or f.inherit:
                t = TO_OBJ_RE.match(masked[pos:pos + 120])
                if t:
                    pos += t.end()
            right = masked[pos:limit]
            m_sp = RIGHT_SPEECH_RE.match(right) or (
                PREP_START_RE.match(right) and RIGHT_PREP_SPEECH_RE.match(right))
            content: tuple[int, int] | None = None
            if m_sp and f.lemma != "according to":
                q = _quote_at(quotes, pos + m_sp.end(), base, ending=False)
                if q is not None and q.speech:
                    parts.append((q.start - base, q.end - base, "direct"))
            elif (f.lemma in lx.NAMING_VERBS or f.cue.lower() in lx.NAMING_VERBS) and \
                    (f.inherit or not f.cue.endswith("ing")) and NAMING_OBJ_RE.match(masked, pos, limit) and \
                    not NAMING_BAD_RE.match(masked, pos, limit) and not f.inverted and \
                    not (f.mention is not None and f.mention.kind == "np" and re.match(r"(?:an?|An?)\s", f.mention.text)) and \
                    not (f.cue.lower().startswith("call") and PHONE_CALL_RE.match(masked, pos, limit)):
                # "X called the plan a disaster", "Y described it as “a mess”": object and complement
                # (not "with critics describing it as ...", a circumstance with its own subject)
                content = (pos, limit)
            elif f.lemma in lx.NAMING_VERBS or f.cue.lower() in lx.NAMING_VERBS:
                for q in quotes:
                    if pos <= q.start - base < limit and q.speech and not q.unclosed:
                        gap = masked[pos:q.start - base]
                        if len(gap) < 80 and SPEECH not in gap:
                            parts.append((q.start - base, q.end - base, "mixed"))
                        break
            elif f.lemma == "according to":
                # "According to X, content." (content after the speaker)
                lead0 = masked[: f.start].strip(" ,—–-(")
                # "Over the next decade, according to X, content.": a short adverbial before it
                short_intro = bool(lead0) and lead.endswith(",") and _intro_only(lead0)
                if f.start == 0 or not lead0 or INTRO_ONLY_RE.match(lead0) or short_intro:
                    r = ACC_SKIP_RE.match(right)
                    if r:
                        content = (pos + r.end(), limit)
                        if short_intro and not INTRO_ONLY_RE.match(lead0) and _words(lead0) >= 2:
                            a0, b0 = _trim_content(masked, 0, len(lead))
                            parts.append((a0, b0, _content_kind(masked, a0, b0)))
            else:
                right0 = masked[that_pos:limit]
                tm = THAT_RE.search(right0[:160])
                if tm is not None:
                    between = right0[: tm.start()]
                    if (not between.strip() or PREP_START_RE.match(between) or between.strip() == ",") and \
                            SPEECH not in between and not STOP_PUNCT_RE.search(between) and _words(between) <= 12:
                        content = (that_pos + tm.end(), limit)
                if content is None and f.lemma in lx.BARE_CLAUSE and f.lemma not in lx.THAT_ONLY and \
                        f.lemma not in lx.QUOTE_ONLY and not f.inverted:
                    r = LEAD_PUNCT_RE.match(right)
                    rest = right[r.end():]
                    if rest and CLAUSE_START_RE.match(rest) and not PREP_START_RE.match(rest) and \
                            not (right[: r.end()].strip() == "," and f.mention is not None and not f.inherit):
                        content = (pos + r.end(), limit)
                    elif rest and not f.inherit:
                        pm = SAID_IN_RE.match(right)  # "said in a statement on Thursday they would ..."
                        if pm and pm.end() > len(right) - len(right.lstrip()):
                            content = (pos + pm.end(), limit)
            if content is None and not parts and f.lemma == "ask" and not f.inverted:
                t = TELL_OBJ_RE.match(masked[that_pos:that_pos + 120])
                p2 = that_pos + (t.end() if t else 0)
                am = ASK_RE.match(masked[p2:limit])
                ao = ASK_OBJ_RE.match(masked[that_pos:limit])
                if am:
                    content = (p2 + am.end(), limit)
                elif ao:  # "asked the board to delay the vote": the person asked and the request
                    content = (that_pos + ao.start("o"), limit)
            if content is None and not parts and f.lemma in OBJECT_LEMMAS and not f.inverted and \
                    f.lemma != "according to":
                rest = masked[that_pos:limit]
                r = SPACES_RE.match(rest)
                body = rest[r.end():]
                if body and (CLAUSE_START_RE.match(body) or body.startswith(("to ", FRAG))) and \
                        not PREP_START_RE.match(body if not body.startswith("to ") else "x"):
                    content = (that_pos + r.end(), limit)
            if content is None and not parts and f.lemma in lx.TO_CLAUSE and not f.inverted:
                # "X vowed to repeal the law", "Y threatened to sue": the promised act is the content
                p2 = that_pos + len(masked[that_pos:limit]) - len(masked[that_pos:limit].lstrip())
                if TO_VERB_RE.match(masked, p2):
                    content = (p2, limit)
            if content is not None and PREP_CONTENT_RE.match(masked, content[0]) and not \
                    masked.startswith("to ", content[0]):
                content = None
            if content is not None:
                a, b = content
                cut = CUT_RE.search(masked, a, b)
                if cut:
                    b = cut.start()
                if SUBORD_RE.match(masked[:f.start]):
                    comma = masked.find(",", a, b)
                    if comma > a:
                        b = comma
                a2, b2 = _trim_content(masked, a, b)
                if _words(text[base + a2:base + b2]) >= 2:
                    q = _quote_at(quotes, a2, base, ending=False)
                    if q is not None and q.end - base >= b2 - 1 and q.speech:
                        parts.append((q.start - base, q.end - base, "direct"))
                    else:
                        parts.append((a2, b2, _content_kind(masked, a2, b2)))
            acc_lead = f.lemma == "according to" and (lead.endswith(("—", "–")) or _words(lead) >= 4 and
                                                      lead[-1:].isalnum() and not BY_END_RE.search(lead))
            det = LEAD_DET_RE.search(lead)
            if det and not f.inverted and lead[:det.start()].endswith(","):
                lead = lead[:det.start()]  # "..., the Harbor Times reported": the article belongs to the speaker
            right_quote = len(parts) == 1 and parts[0][2] == "direct" and parts[0][0] >= f.end
            if (not parts or right_quote) and f.lemma not in lx.QUOTE_ONLY and \
                    (f.inverted or f.mention is not None) and (lead.endswith(",") or acc_lead) and len(lead) > consumed:
                tail_at = f.end
                if f.lemma == "tell" and not f.inverted:
                    t = TELL_OBJ_RE.match(masked[f.end:limit])  # "..., Brisk told the paper."
                    if t:
                        tail_at += t.end()
                tail = masked[tail_at:limit]
                paren = PAREN_RE.match(tail)
                trivial = TRIVIAL_TAIL_RE.match(tail) or (f.inverted and REL_TAIL_RE.match(tail))
                if right_quote:  # "In short, she said, “...”": the words before the cue are content too
                    trivial, paren = None, None
                    a2, b2 = _trim_content(masked, consumed, len(lead))
                    if SPEECH not in masked[a2:b2] and _words(masked[a2:b2]) >= 1 and \
                            not INTRO_ONLY_RE.match(masked[a2:b2]):
                        parts.insert(0, (a2, b2, "indirect"))
                if trivial or paren:
                    a2, b2 = _trim_content(masked, consumed, len(lead))
                    a2 = _skip_intro(masked, a2, b2)
                    if ASKED_RE.match(masked[a2:b2]):
                        a2 = b2  # "Asked if ..., X said": the question is not X's content
                    nw = _words(text[base + a2:base + b2])
                    left_ok = nw >= 3 or (not trivial and nw >= 1 and not INTRO_ONLY_RE.match(masked[a2:b2]))
                    if left_ok:
                        q = _quote_at(quotes, a2, base, ending=False)
                        if q is not None and q.end - base >= b2 - 1 and q.speech:
                            parts.append((q.start - base, q.end - base, "direct"))
                        else:
                            parts.append((a2, b2, _content_kind(masked, a2, b2)))
                    if paren and not trivial and f.lemma != "according to":
                        c, d = tail_at + paren.end(), limit
                        cut = CUT_RE.search(masked, c, d)
                        if cut:
                            d = cut.start()
                        c, d = _trim_content(masked, c, d)
                        if _words(text[base + c:base + d]) >= 2:
                            parts.append((c, d, _content_kind(masked, c, d)))
        if not parts:
            continue
        for q in quotes:  # a quotation inside the frame ("X, citing “...,” said") is not a quote of its own
            if f.start <= q.start - base and q.end - base <= f.end:
                q.used = True
        group = f"s{sent_index}f{i}" if len(parts) > 1 else None
        for a, b, kind in parts:
            for q in quotes:
                if a <= q.start - base and q.end - base <= b:
                    q.used = True
            out.append(Raw(base + a, base + b, kind, f.cue, base + f.cue_start, base + f.cue_end, f.mention,
                           "frame", group, sent.start, sent.end, sent=sent_index))
            consumed = max(consumed, b)
        consumed = max(consumed, f.end)
    return out


INTRO_ONLY_RE = re.compile(r"^(?:\w+ly|But|And|So|Yet|Still|However|Indeed|Now|Then|Also|Meanwhile|Instead|Today|"
                           r"Yesterday|Later|Earlier|In fact|Of course|Still|Moreover|Again)$", re.IGNORECASE)
INTRO_RE = re.compile(r"^(?:But|And|So|Yet|Still|However|Indeed|Now|Then|Also|Meanwhile|Instead)\b\s*,?\s*")


def _skip_intro(masked: str, a: int, b: int) -> int:
    m = INTRO_RE.match(masked[a:b])
    return a + m.end() if m and _words(masked[a + m.end():b]) >= 3 else a


COLON_END_RE = re.compile(r":\s*$")

# Sourceless attributions of appearance, expectation and report ("the plan appears weak", "turnout is
# expected to rise", "the mayor reportedly considered a run"): the subject and the complement are each
# content with no speaker.
STATIVE_RE = re.compile(
    r"(?<![\w’'\-])(?:(?:may|might|can|could|would|does|did|do|still|also|now|already|not|no longer|often|"
    r"only|n’t|n't)\s+)*(?:(?P<seem>appears?|appeared|seems?|seemed)(?:\s+(?:to\s+be|like)(?![\w’'\-]))?|"
    r"(?:is|are|was|were|be|been)\s+(?:(?:widely|not|also|now|still|largely|generally)\s+)*expected(?=\s+to\s)|"
    r"(?:(?:has|had|have|is|was|are|were)\s+)?(?:reportedly)(?:\s+(?:has|had|have|is|was|are|were|been))*|"
    r"(?:(?:is|are|was|were|be|been|being)\s+(?:(?:widely|increasingly|largely|generally|often|still|also|now|long|"
    r"not|once)\s+)*)?(?:seen|viewed|regarded|perceived|considered|deemed|known)(?=\s+(?:as|to\s+be)\s))"
    r"(?![\w’'\-])"
)
STATIVE_LEFT_RE = re.compile(r"(?:[,;:—–(]|\b(?:that|but|and|while|as|because|if|when|though|although|since|whereas)\b)"
                             r"(?!.*(?:[,;:—–(]|\b(?:that|but|and|while|as|because|if|when|though|although|since|"
                             r"whereas)\b))")
STATIVE_RIGHT_RE = re.compile(r"[,;:—–(.!?]|\s(?:but|while|because|although|though|whereas)\s")
APPEAR_PLACE_RE = re.compile(r"\s*(?:on|in|at|before|with|together|alongside|onstage|live|during|for|as|from|"
                             r"outside|inside|next|beside|behind|via|later|briefly|again|here|there|only|twice|"
                             r"frequently|regularly|often)\b|\s*[,.;:]|\s*$")
STATIVE_BAD_SUBJ = {"it", "there", "this", "that", "which", "who", "what"}


def stative_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    """The subject and complement of "X appears/seems (to be) Y" and "X is expected to Y"."""
    base = sent.start
    out: list[Raw] = []
    for m in STATIVE_RE.finditer(masked):
        cs, ce = m.span()
        left = masked[max(0, cs - 160):cs]
        lm = None
        for lm in STATIVE_LEFT_RE.finditer(left):
            pass
        la = (cs - len(left)) + (lm.end() if lm else 0)
        if lm is None and cs - len(left) > 0:
            continue
        sa, sb = _trim_content(masked, la, cs)
        subj = masked[sa:sb]
        nw = _words(subj)
        rm = STATIVE_RIGHT_RE.search(masked, ce)
        ra, rb = _trim_content(masked, ce, rm.start() if rm else len(masked))
        if SPEECH in subj or SPEECH in masked[ra:rb] or rb - ra < 2:
            continue
        if m.group("seem") and m.group("seem").startswith("appear") and APPEAR_PLACE_RE.match(masked, ce):
            continue  # "she appeared on the show", "appeared together": showing up, not seeming
        cue = masked[cs:ce]
        if 1 <= nw <= 12 and subj.split()[0].lower() not in STATIVE_BAD_SUBJ:
            out.append(Raw(base + sa, base + sb, "indirect", cue, base + cs, base + ce, None, "none", None,
                           sent.start, sent.end, sent=sent_index))
        out.append(Raw(base + ra, base + rb, "indirect", cue, base + cs, base + ce, None, "none", None,
                       sent.start, sent.end, sent=sent_index))
    return out


# "Asked whether the plan would pass, X said ...", "when asked what she would do": the question put
# to the speaker is reported content of its own, with no named asker.
ASKED_RE = re.compile(
    r"(?:(?<![\w’'\-])(?:[Ww]hen|[Aa]fter|[Oo]nce|[Ii]f|[Uu]pon|[Bb]ut|[Aa]nd)\s+|^)(?:being\s+)?[Aa]sked"
    r"(?:\s+(?!(?:if|whether|what|why|how|who|whom|which|where)\b)[^\s,;:—–]+){0,8}?"
    r"\s+(?P<c>(?:if|whether|what|why|how|who|whom|which|where)\b)"
)
ASKED_END_RE = re.compile(r"[,;:—–(]|\s-\s")


def asked_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    base = sent.start
    out: list[Raw] = []
    for m in ASKED_RE.finditer(masked):
        a = m.start("c")
        e = ASKED_END_RE.search(masked, a)
        b = e.start() if e else len(masked)
        a2, b2 = _trim_content(masked, a, b)
        if _words(masked[a2:b2]) < 3 or SPEECH in masked[a2:b2]:
            continue
        cs = m.group().find("sked") + m.start() - 1
        out.append(Raw(base + a2, base + b2, "indirect", "asked", base + cs, base + cs + 5, None, "none", None,
                       sent.start, sent.end, sent=sent_index))
    return out


# A headline or summary line "Name: what they said." (also "Name to Group: ...", "Poll: ...").
HEADLINE_RE = re.compile(
    rf"^(?P<spk>(?!(?:{'|'.join(lx.LABEL_WORDS)})\b){NAMERUN}(?:\s+to\s+{NAMERUN})?):\s+(?=[{UPPER}‘“\"'{SPEECH}])"
)


def headline_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    base = sent.start
    m = HEADLINE_RE.match(masked)
    if not m or len(m.group("spk").split()) > 5 or m.group("spk").split()[0].lower() in lx.NOT_NAMES or \
            m.group("spk").isupper() and len(m.group("spk")) > 3:
        return []  # "The Update: ...", "BREAKING: ...": a label, not a speaker
    a, b = _trim_content(masked, m.end(), len(masked))
    if _words(masked[a:b]) < 3:
        return []
    spk = m.group("spk").split(" to ")[0]
    sa, sb = base + m.start("spk"), base + m.start("spk") + len(spk)
    q = _quote_at(quotes, a, base, ending=False)
    kind = "direct" if q is not None and q.end - base >= b - 1 else _content_kind(masked, a, b)
    return [Raw(base + a, base + b, kind, ":", base + m.end("spk"), base + m.end("spk") + 1,
                Mention(sa, sb, text[sa:sb], "name"), "frame", None, sent.start, sent.end, sent=sent_index)]


# A title-case headline with its cue capitalised ("Mayor Says Bridge Will Reopen", "Bridge Will
# Reopen, Mayor Says").
TITLE_CUE_RE = re.compile(r"(?<=\s)(?:Says|Said|Warns|Tells|Claims|Admits|Insists|Argues|Predicts|Vows|Pledges|"
                          r"Suggests|Urges|Declares|Denies|Confirms|Announces)(?=\s|[.!?]?$)")
TITLE_SPK_RE = re.compile(rf"(?:^|(?<=,\s))(?P<spk>{NAMERUN})\s+$")


def title_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    base = sent.start
    words = re.findall(r"[A-Za-z][\w’'\-]*", masked)
    if len(words) < 4 or sum(1 for w in words if w[0].isupper()) < 0.7 * len(words):
        return []
    m = TITLE_CUE_RE.search(masked)
    if not m:
        return []
    sm = TITLE_SPK_RE.search(masked, 0, m.start())
    if not sm or len(sm.group("spk").split()) > 6:
        return []
    sa, sb = base + sm.start("spk"), base + sm.end("spk")
    if masked[:sm.start("spk")].rstrip().endswith(","):  # "Content, Name Says."
        a, b = _trim_content(masked, 0, sm.start("spk"))
    else:  # "Name Says Content"
        a, b = _trim_content(masked, m.end(), len(masked))
    if _words(masked[a:b]) < 2:
        return []
    return [Raw(base + a, base + b, _content_kind(masked, a, b), m.group(), base + m.start(), base + m.end(),
                Mention(sa, sb, text[sa:sb], "name"), "frame", None, sent.start, sent.end, sent=sent_index)]


def find_raw(text: str) -> tuple[list[Raw], list[Sentence]]:
    """All quote candidates of an article, in text order, and its sentences."""
    raws: list[Raw] = []
    all_sents: list[Sentence] = []
    prev_para_last: int | None = None  # index in raws of the previous paragraph's last quote
    pending: Raw | None = None  # "X said:" at a paragraph end, waiting for its quote
    for pi, (ps, pe) in enumerate(paragraphs(text)):
        quotes = quotations(text, ps, pe)
        sents = sentences(text, ps, pe, quotes)
        para_raws: list[Raw] = []
        sent_quotes: list[list[QSpan]] = []  # the quotations inside each sentence
        sent_masks: list[str] = []  # each sentence with its quotations masked
        qi = 0
        for s in sents:
            while qi < len(quotes) and quotes[qi].end <= s.start:
                qi += 1
            sq = []
            j = qi
            while j < len(quotes) and quotes[j].start < s.end:
                if quotes[j].start >= s.start and quotes[j].end <= s.end:
                    sq.append(quotes[j])
                j += 1
            idx = len(all_sents)
            all_sents.append(s)
            sent_quotes.append(sq)
            masked = _mask(text, s, sq)  # one mask a sentence, read by every pass below
            sent_masks.append(masked)
            for r in sentence_quotes(text, s, sq, idx, masked):
                r.para = pi
                para_raws.append(r)
        # a frame ending with a colon and no content: its quote is the next paragraph's
        last_s = sents[-1] if sents else None
        new_pending = None
        if last_s is not None and COLON_END_RE.search(text[last_s.start:last_s.end]) and not any(
                q for q in quotes if q.start >= last_s.start):
            masked = _mask(text, last_s, [])
            fr = find_frames(text, masked, last_s.start)
            if fr and fr[-1].mention is not None:
                f = fr[-1]
                new_pending = Raw(0, 0, "direct", f.cue, last_s.start + f.cue_start, last_s.start + f.cue_end,
                                  f.mention, "frame", None, last_s.start, last_s.end)
        # speech quotes no frame claimed: continuations, or unattributed
        unclaimed = [q for q in quotes if q.speech and not q.used]
        for q in unclaimed:
            si = _sentence_index(all_sents, q.start, len(all_sents) - len(sents))
            s = all_sents[si]
            r = Raw(q.start, q.end, "direct", None, None, None, None, "none", None, s.start, s.end, pi,
                    sent=si)
            before = [k for k in para_raws if k.start < q.start]
            after = [k for k in para_raws if k.start > q.start and k.kind == "direct"]
            if pending is not None and q.start == ps:
                r.cue, r.cue_start, r.cue_end, r.mention, r.how = (pending.cue, pending.cue_start, pending.cue_end,
                                                                    pending.mention, "frame")
            elif before:
                r.how = "continuation"
                r.inherit_raw = before[-1]
            elif after:
                r.how = "continuation"
                r.inherit_raw = after[0]
            elif q.start == ps and prev_para_last is not None:
                r.how = "continuation"
                r.inherit_raw = raws[prev_para_last]
            para_raws.append(r)
        by_sent: dict[int, list[Raw]] = {}
        for k in para_raws:
            by_sent.setdefault(k.sent_start, []).append(k)
        first = len(all_sents) - len(sents)
        for i, (s, sq, masked) in enumerate(zip(sents, sent_quotes, sent_masks)):
            si = first + i
            here = by_sent.setdefault(s.start, [])
            extra = headline_quotes(text, s, sq, si, masked) + title_quotes(text, s, sq, si, masked) \
                if s.start == ps else []
            for r in extra + stative_quotes(text, s, sq, si, masked) + asked_quotes(text, s, sq, si, masked):
                if not any(k.start < r.end and r.start < k.end for k in here):
                    here.append(r)
                    r.para = pi
                    para_raws.append(r)
        para_raws.sort(key=lambda r: r.start)
        pending = new_pending
        if para_raws:
            raws.extend(para_raws)
            prev_para_last = len(raws) - 1
        else:
            prev_para_last = None
    return raws, all_sents


def _sentence_index(sents: list[Sentence], pos: int, lo: int) -> int:
    for i in range(lo, len(sents)):
        if sents[i].start <= pos < sents[i].end or pos < sents[i].start:
            return i
    return len(sents) - 1
