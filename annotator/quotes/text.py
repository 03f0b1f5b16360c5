"""Text structure: paragraphs (bullets stripped), quotation-mark spans (paired within a
paragraph; an unclosed mark stops at its end), whether a quotation reads as speech, and
sentences (never split inside a quotation, nor after an abbreviation or initial).
"""

from __future__ import annotations

import bisect
import itertools
import re

from annotator.quotes import lexicon as lx
from annotator.quotes.patterns import _WORD_RE, CASELESS, FRAG, SPEECH, UPPER
from annotator.quotes.records import QSpan, Sentence

QMARK_RE = re.compile(r"“|”|„|«|»|''|``|\"")

OPENERS = {"“", "„", "«", "``"}

CLOSERS = {"”", "»"}

STRAIGHT = {'"', "''"}

#: (each branch opens with one mark written out, then the rest of the run: a pattern that
#: opens with a character class lets `re` skip to the next mark instead of trying every position)
SENT_END_RE = re.compile(
    rf"[.!?…][.!?…]*(?:[”\"’')\]]|'')*(?=\s+(?:[“\"‘'(\[]|''|``)?[{UPPER}{CASELESS}\d$£€])|"
    # a closing curly mark run into the next opening one, as scraped text loses the space
    # ('... by a fifth.”“Your numbers are wrong,” Kim wrote.')
    rf"[.!?…][.!?…]*”(?=“[{UPPER}{CASELESS}\d])|"
    # ... or a full stop run into the opening mark of the next quotation ('authorities."We ...')
    rf"[.!?…][.!?…]*(?=[“\"][{UPPER}])|"
    rf"[.!?…][.!?…]*(?:[”\"’)\]]|'')*\s*$"
)

QCLOSE_IN_RE = re.compile(r"[”\"]|''")

ATTRIB_AFTER_RE = re.compile(
    r"\s+(?:(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|St|Jr|Sr|Lt|Col|Rev)\.|[A-Z]\.(?:[A-Z]\.)*|[^\s.!?“”\"]+)\s+){0,12}?(?:"
    + lx.alternation([f for f in lx.VERB_FORMS if not f.endswith("ing")] + [p for p, _ in lx.CUE_PHRASES])
    + r")(?![\w’'\-])"
    # ... not a new report with a clause of its own ('“...” Kim said he would ...')
    + r"(?!\s+(?:that|he|she|they|we|I|it|there)\b)"
)

INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")

ABBR_BEFORE_RE = re.compile(r"(?:^|[\s(])([\w.]+)\.$")

BULLET_RE = re.compile(r"[ \t]*(?:[-–—•*·▪►]|\d{1,2}[.)])[ \t]+")


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


#: single quotation marks (British style: ‘...’ or '...'): an opening one after a space, a
#: bracket, a dash or the paragraph's start, before a word; a closing one after a non-space,
#: before a space, punctuation or the end. An apostrophe inside a word ("don't") is neither;
#: "firms' profits" (an s, a space, a lower-case word) is a plural possessive
SINGLE_OPEN_RE = re.compile(r"(?<![^\s(\[—–])['‘](?=[\w$£€])")
SINGLE_CLOSE_RE = re.compile(r"(?<=\S)['’](?=[\s,.;:!?)\]—–]|$)")
POSSESSIVE_AFTER_RE = re.compile(r"\s[a-z]")


def single_quotations(text: str, ps: int, pe: int) -> list[QSpan]:
    """Spans between single quotation marks in a paragraph that has no double ones. Each
    opening mark pairs with the first closing mark after it; an opening mark never closed is
    an apostrophe ("'90s") and makes no span."""
    opens = [m.start() for m in SINGLE_OPEN_RE.finditer(text, ps, pe)]
    if not opens:
        return []
    closes = []
    for m in SINGLE_CLOSE_RE.finditer(text, ps, pe):
        a = m.start()
        if text[a - 1] in "sS" and POSSESSIVE_AFTER_RE.match(text, a + 1, pe):
            continue
        closes.append(a)
    spans: list[QSpan] = []
    k = 0
    pos = ps
    for a in opens:
        if a < pos:
            continue  # inside the span just closed
        while k < len(closes) and closes[k] <= a:
            k += 1
        if k == len(closes):
            break
        spans.append(QSpan(a, closes[k] + 1, False))
        pos = closes[k] + 1
        k += 1
    return spans


def uses_single_marks(text: str) -> bool:
    """The article quotes with single marks only (British style): it has no double mark.
    (American text keeps single marks for headlines and quotes within quotes.)"""
    return QMARK_RE.search(text) is None and ("‘" in text or "'" in text)


def quotations(text: str, ps: int, pe: int, single: bool = False) -> list[QSpan]:
    """Quotation-mark spans of one paragraph, marks included; an unclosed mark runs to the end.
    With `single` (`uses_single_marks` of the article), single marks (`single_quotations`)."""
    spans = single_quotations(text, ps, pe) if single else _double_quotations(text, ps, pe)
    for q in spans:
        q.speech = (
            is_speech(text, q)
            or short_answer(text, q, ps)
            or framed_speech(text, q, ps)
            or voiced(text, q, ps)
        )
    for prev, q in itertools.pairwise(spans):
        if prev.speech and not q.speech and _continues(text, prev, q):
            q.speech = True
        elif q.speech and not prev.speech and _interrupted(text, prev, q):
            prev.speech = True
    return spans


def _interrupted(text: str, prev: QSpan, q: QSpan) -> bool:
    """A short quotation that an attribution cuts from the rest of its sentence ('“The
    alternative,” Brill said, “is paying for emergencies.”'): speech, however short."""
    if prev.unclosed:
        return False
    i = prev.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] not in ".!?”\"'\n":
        return False  # 'The so-called “harbor plan,” she said, “is dead.”': a term inside a sentence
    inner = text[prev.start + 1 : prev.end - 1].strip(" '`\"")
    rest = text[q.start + 1 : q.start + 3].lstrip(" '`\"")
    between = text[prev.end : q.start]
    return (
        inner[-1:] == ","
        and rest[:1].islower()
        and len(between) <= 60
        and not any(ch in between for ch in '.!?“”"')
        and bool(INTERRUPT_RE.match(between))
    )


def _double_quotations(text: str, ps: int, pe: int) -> list[QSpan]:
    """Spans between double marks (curly, straight, `''`) of a paragraph, paired in order."""
    spans: list[QSpan] = []
    open_at: int | None = None
    marks = list(QMARK_RE.finditer(text, ps, pe))
    skip_to = -1
    for i, m in enumerate(marks):
        if i <= skip_to:
            continue
        ch = m.group()
        a, b = m.start(), m.end()
        if ch == "''" and open_at is not None and b < pe and text[b] == "'":
            a, b = a + 1, b + 1  # a quotation's inner single mark, then its closing '' (",'''")
        before = text[a - 1] if a > ps else " "
        after = text[b] if b < pe else " "
        if open_at is None:
            if ch in CLOSERS and not _misdirected_opener(text, a, b, ps, pe):
                continue
            if ch in STRAIGHT and (after.isspace() or after in ",.;:") and not before.isspace() and a > ps:
                continue  # a stray closing straight mark
            open_at = a
        else:
            if ch in OPENERS and _misdirected_closer(text, a, b, pe):
                spans.append(QSpan(open_at, b, False))  # '“Apparently not,“ he said'
                open_at = None
                continue
            if _nested(marks, i, text, open_at):
                # '“Beyond the “cell phone only” homes, the miss is old.”': a quotation
                # inside the open one, in the same marks; the outer one goes on
                skip_to = i + 1
                continue
            if ch in OPENERS or (
                ch in STRAIGHT
                and before.isspace()
                and not after.isspace()
                and b - open_at > 2
                and text[a - 2 : a - 1] not in ",.!?"
            ):
                if ch in OPENERS or before.isspace():
                    # a new opening while one is open: the earlier mark was stray
                    open_at = a
                    continue
            spans.append(QSpan(open_at, b, False))
            open_at = None
    if open_at is not None and pe - open_at > 1:
        spans.append(QSpan(open_at, pe, False, unclosed=True))
    return spans


def _nested(marks: list[re.Match[str]], i: int, text: str, open_at: int) -> bool:
    """The curly opening mark `marks[i]`, met while a curly quotation is open, opens a
    quotation inside it: its closing mark comes next, and another closing mark after that."""
    if marks[i].group() != "“" or text[open_at] != "“" or i + 2 >= len(marks):
        return False
    return marks[i + 1].group() == "”" and marks[i + 2].group() in ("”", '"')


_NOT_A_SPACE_RE = re.compile(r"[^ ]")


def _misdirected_opener(text: str, a: int, b: int, ps: int, pe: int) -> bool:
    """A closing mark typed where an opening one belongs: at the start of a paragraph or
    after a space, with words (or an ellipsis) right behind it ('”We were proud of him.”')."""
    if a > ps and not text[a - 1].isspace():
        return False
    first = _NOT_A_SPACE_RE.search(text, b, pe)  # (the rest of the paragraph is not copied)
    return first is not None and (
        text[b : b + 1].isalnum() or text[first.start()] == "…" or text.startswith("...", first.start(), pe)
    )


def _misdirected_closer(text: str, a: int, b: int, pe: int) -> bool:
    """An opening mark typed where a closing one belongs: right after the punctuation that
    ends the quoted words, with a space, a bracketed source or the paragraph's end behind it
    ('not,“ he said', 'stand.“[Harbor Post.]')."""
    return text[a - 1 : a] in (",", ".", "!", "?") and (b >= pe or text[b].isspace() or text[b] in "[(")


def _continues(text: str, prev: QSpan, q: QSpan) -> bool:
    """A short quoted sentence that goes on from the speech before it, after only a short
    attribution ('“There was smoke everywhere,” Kim said. “Smoke and noise.”')."""
    if q.unclosed:
        return False
    between = text[prev.end : q.start]
    inner = text[q.start + 1 : q.end - 1].strip(" '`\"")
    return (
        len(between) <= 80
        and between.rstrip().endswith(".")
        and not any(ch in between for ch in '“”"')
        and bool(ATTRIB_AFTER_RE.match(between))
        and inner[:1].isupper()
        and inner[-1:] in ".!?"
    )


#: the attribution that cuts a quoted sentence: ' Brill said, ', ' she added, '
INTERRUPT_RE = re.compile(
    r"^\s*(?:[\w’'.\-]+\s+){0,4}?(?:said|says|added|adds|argued|argues|explained|explains|noted|notes|wrote|"
    r"writes|continued|continues|insisted|insists|told\s+\w+|replied|replies)(?:\s+[\w’'.\-]+){0,4}?\s*,\s*$"
)

#: a reporting verb and a comma or colon right before a quotation: 'she said, "No."'
SAID_BEFORE_RE = re.compile(
    r"(?:\b(?:said|says|say|saying|replied|replies|answered|answers|responded|added|shouted|yelled|told|declared|"
    r"wrote|exclaimed|blurted(?: out)?)\b[^.;:!?\"“”'\n]{0,40}[,:]|,\s*(?:he|she|they|I|we)\s+(?:said|says|replied|answered))\s*$"
)
#: a speaker and verb right after it: '"No," she said.'
SAID_AFTER_RE = re.compile(
    r"^\s*(?:(?:he|she|they|I|we)\s+(?:said|says|replied|answered|added)|(?:said|says|replied|answered)\s+(?:he|she|they))\b"
)


def short_answer(text: str, q: QSpan, ps: int) -> bool:
    """A quotation of one or two words that a reporting verb frames ('she said, “No.”',
    '“Never,” he replied.'): speech, however short."""
    if q.unclosed:
        return False
    inner = text[q.start + 1 : q.end - 1].strip(" '`\"")
    if not inner or inner[-1:] not in ".!?," or len(_WORD_RE.findall(inner)) > 2:
        return False
    if SAID_BEFORE_RE.search(text, max(ps, q.start - 60), q.start):
        return True
    before = text[max(ps, q.start - 3) : q.start].rstrip()
    # '“Never,” he replied.' opening its sentence, not a word quoted inside one
    return (not before or before[-1] in ".!?”\"'") and bool(SAID_AFTER_RE.match(text[q.end : q.end + 30]))


def framed_speech(text: str, q: QSpan, ps: int) -> bool:
    """A quotation of three words or more right after a reporting verb and its comma or colon
    ('He said, “The council will build it” - and the crowd cheered'): speech, though nothing
    inside the marks ends a sentence."""
    if q.unclosed or len(_WORD_RE.findall(text[q.start + 1 : q.end - 1])) < lx.MIN_SPEECH_WORDS:
        return False
    return bool(SAID_BEFORE_RE.search(text, max(ps, q.start - 60), q.start))


#: a verb or noun of voicing right before a quotation: 'chanting “Fair pay now”', 'shouted
#: “Finally!”', 'responded with chants of “Four more years”', 'cried out: “No!”', 'a sign that
#: read “Vote them out”'
VOICED_BEFORE_RE = re.compile(
    r"\b(?:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|scream(?:s|ed|ing)?|holler(?:s|ed|ing)?|"
    r"cr(?:y|ies|ied|ying)\s+out|(?:chants|cries|shouts|screams|yells)\s+of|utter(?:s|ed|ing)?|"
    # written by hand or on a keyboard: "a doctor had typed “...”", "someone scrawled “...”"
    r"(?:typed|scrawled|scribbled|spray-painted)|"
    r"(?:sign|banner|placard|poster|shirt|T-shirt|button)s?\s+(?:that\s+)?(?:read|reads|reading|said|saying)|"
    # "T-shirts quickly appeared outside the hall that said ...": what it says, a little later
    r"(?:sign|banner|placard|poster|shirt|T-shirt|button)s\b[^.;:\"“”]{1,70}?\bthat\s+(?:read|said))"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
#: a sentence-opening quotation that a voicing verb after it frames: '“No!” the crowd shouted'
VOICED_AFTER_RE = re.compile(
    r"^\s*(?:[\w’'.\-]+\s+){1,3}?(?:chanted|shouted|yelled|screamed|hollered|cried(?:\s+out)?)\b"
)


def voiced(text: str, q: QSpan, ps: int) -> bool:
    """A short quotation that is chanted, shouted or cried out ('protesters chanting “Fair pay
    now”', '“Never!” the crowd shouted'): speech, however short (a chant has no full stop)."""
    if q.unclosed or len(_WORD_RE.findall(text[q.start + 1 : q.end - 1])) > 12:
        return False
    if VOICED_BEFORE_RE.search(text, max(ps, q.start - 110), q.start):
        return True
    before = text[max(ps, q.start - 3) : q.start].rstrip()
    return (not before or before[-1] in ".!?”\"'") and bool(VOICED_AFTER_RE.match(text[q.end : q.end + 40]))


def is_speech(text: str, q: QSpan) -> bool:
    """A quotation reads as speech (not a term, scare quote or title): enough words, and the
    punctuation of a sentence or clause inside the marks, or a long stretch of words."""
    inner = text[q.start + 1 : q.end - 1] if not q.unclosed else text[q.start + 1 : q.end]
    inner = inner.strip(" '`\"")
    words = _WORD_RE.findall(inner[:400])
    n = len(words)
    if n < lx.MIN_SPEECH_WORDS:
        return False
    ends = inner[-1:] in ".,!?…:;—-" if inner else False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS)
    if caps == n and (not ends or (n <= 8 and inner[-1:] in ",;:" and words[0][:1].isupper())):
        return False  # a title in title case ("America's Unwritten Constitution," with the comma inside)
    if caps == n and n <= 9 and WORK_BEFORE_RE.search(text, max(0, q.start - 30), q.start):
        return False  # 'said on the Harbor Channel's “Morning Watch.”', 'in her memoir, “Safe Harbor.”'
    return ends or n >= 8 or q.unclosed


#: what comes before the title of a show, a book or a podcast
WORK_BEFORE_RE = re.compile(
    r"(?:[’']s|\bon|\b(?:book|memoir|podcast|show|program|programme|film|column|novel|song|album|movie|series|"
    r"essay|documentary|play|newsletter|blog))\s*,?\s*$"
)


#: lower-case words a title in title case keeps ("The Art of War")
TITLE_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "with",
        "from",
        "by",
        "as",
        "vs",
    }
)


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
            # the last quotation ending in the mark run: `quotes` are in order and apart, so
            # their ends rise, and it is the last one ending by `b` (found at `qi`, not by a walk
            # back over the paragraph's quotations for every sentence)
            j = qi if qi < len(quotes) and quotes[qi].end == b else qi - 1
            qq = quotes[j] if j >= 0 and quotes[j].end >= m.start() else None
            if qq is None or not text[start : qq.start].strip(" \t'\"“‘`"):
                continue  # “...!” Okafor said. : the attribution belongs to the quote
            # X said the plan is “over.” He said ...: a quotation inside a sentence ends with it
        if text[dot] == ".":
            w = ABBR_BEFORE_RE.search(text, max(0, dot - 12), dot + 1)
            if w:
                word = w.group(1).lower().rstrip(".")
                if (
                    (word in lx.ABBREVIATIONS and (word != "no" or text[b : b + 1].isdigit()))
                    or (len(word) == 1 and word.isalpha())
                    or INITIALS_RE.fullmatch(word)
                ):
                    continue  # "Dr. Kim", "No. 3" (but "Kim said no. Lee said yes." ends)
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


def mask_sentence(text: str, s: Sentence, quotes: list[QSpan]) -> str:
    parts = []
    pos = s.start
    for q in quotes:
        if q.start < pos or q.end > s.end:
            continue
        parts.append(text[pos : q.start])
        parts.append((SPEECH if q.speech else FRAG) * (q.end - q.start))
        pos = q.end
    parts.append(text[pos : s.end])
    masked = "".join(parts)
    # a non-breaking space reads as a space ("issued a\u00a0statement"); same length, same offsets
    return masked.replace("\u00a0", " ") if "\u00a0" in masked else masked


COLON_END_RE = re.compile(r":\s*$")


def sentence_index(sent_ends: list[int], pos: int, lo: int) -> int:
    """The first sentence from `lo` on that holds `pos` or starts after it (sentences in
    order, given by where each ends), else the last one."""
    i = bisect.bisect_right(sent_ends, pos, lo)
    return i if i < len(sent_ends) else len(sent_ends) - 1
