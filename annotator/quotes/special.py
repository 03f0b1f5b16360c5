"""Special patterns outside the speaker + cue frame: sourceless attributions ("X appears
Y", "X is expected to Y"), questions put to a speaker ("Asked whether ..."), "Name: ..."
lines and title-case headlines ("Mayor Says Bridge Will Reopen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.quotes import lexicon as lx
from annotator.quotes.cues import SPEECH_LEMMAS
from annotator.quotes.frames import find_frames
from annotator.quotes.patterns import (
    NAMERUN,
    SPEECH,
    UPPER,
    content_kind,
    count_words,
    quote_at,
    trim_content,
)
from annotator.quotes.records import Mention, QSpan, Raw, Sentence
from annotator.quotes.subjects import sentence_subject
from annotator.quotes.text import VOICED_BEFORE_RE

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

#: what every match of `STATIVE_RE` holds
STATIVE_HINTS = (
    "appear",
    "seem",
    "expected",
    "reportedly",
    "seen",
    "viewed",
    "regarded",
    "perceived",
    "considered",
    "deemed",
    "known",
)
#: a clause boundary (a comma inside a number, "250,000", is none)
STATIVE_LEFT_RE = re.compile(
    r"(?:,(?!\d)|[;:—–(]|\b(?:that|but|and|while|as|because|if|when|though|although|since|whereas)\b)"
    r"(?!.*(?:,(?!\d)|[;:—–(]|\b(?:that|but|and|while|as|because|if|when|though|although|since|"
    r"whereas)\b))"
)

#: where the complement ends: a clause boundary, or the sentence's own end (a full stop inside
#: the sentence is a number's or an abbreviation's: "to rise to 3.4 percent", "that Mr. Reyes will")
STATIVE_RIGHT_RE = re.compile(
    r",(?!\d)|[;:—–(]|\s-{1,2}\s|[.!?](?=[\s\"'”’)]*$)|\s(?:but|while|because|although|though|whereas)\s"
)

APPEAR_PLACE_RE = re.compile(
    r"\s*(?:on|in|at|before|with|together|alongside|onstage|live|during|for|as|from|"
    r"outside|inside|next|beside|behind|via|later|briefly|again|here|there|only|twice|"
    r"frequently|regularly|often)\b|\s*[,.;:]|\s*$"
)

STATIVE_BAD_SUBJ = {"it", "there", "this", "that", "which", "who", "what"}


def _raw(
    sent: Sentence,
    sent_index: int,
    a: int,
    b: int,
    kind: str,
    cue: str,
    cs: int,
    ce: int,
    mention: Mention | None = None,
    how: str = "none",
) -> Raw:
    """A candidate of this module: offsets `a`, `b`, `cs`, `ce` are within the sentence."""
    base = sent.start
    return Raw(
        base + a,
        base + b,
        kind,
        cue,
        base + cs,
        base + ce,
        mention,
        how,
        None,
        sent.start,
        sent.end,
        sent=sent_index,
    )


def stative_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    """The subject and complement of "X appears/seems (to be) Y" and "X is expected to Y"."""
    out: list[Raw] = []
    if not any(map(masked.__contains__, STATIVE_HINTS)):
        return out  # (a look for the verbs first: the full pattern is slow to run on every sentence)
    for m in STATIVE_RE.finditer(masked):
        cs, ce = m.span()
        left = masked[max(0, cs - 160) : cs]
        lm = next(reversed(list(STATIVE_LEFT_RE.finditer(left))), None)  # the last clause boundary
        la = (cs - len(left)) + (lm.end() if lm else 0)
        if lm is None and cs - len(left) > 0:
            continue
        sa, sb = trim_content(masked, la, cs)
        subj = masked[sa:sb]
        nw = count_words(subj)
        rm = STATIVE_RIGHT_RE.search(masked, ce)
        ra, rb = trim_content(masked, ce, rm.start() if rm else len(masked))
        if SPEECH in subj or SPEECH in masked[ra:rb] or rb - ra < 2:
            continue
        if m.group("seem") and m.group("seem").startswith("appear") and APPEAR_PLACE_RE.match(masked, ce):
            continue  # "she appeared on the show", "appeared together": showing up, not seeming
        cue = masked[cs:ce]
        if 1 <= nw <= 12 and subj.split()[0].lower() not in STATIVE_BAD_SUBJ:
            out.append(_raw(sent, sent_index, sa, sb, "indirect", cue, cs, ce))
        out.append(_raw(sent, sent_index, ra, rb, "indirect", cue, cs, ce))
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
    out: list[Raw] = []
    if "sked" not in masked:
        return out
    for m in ASKED_RE.finditer(masked):
        a = m.start("c")
        e = ASKED_END_RE.search(masked, a)
        b = e.start() if e else len(masked)
        a2, b2 = trim_content(masked, a, b)
        if count_words(masked[a2:b2]) < 3 or SPEECH in masked[a2:b2]:
            continue
        cs = m.group().find("sked") + m.start() - 1
        out.append(_raw(sent, sent_index, a2, b2, "indirect", "asked", cs, cs + 5))
    return out


#: "In her view, the toll will fail.", "But in Ann Kim's opinion, ...": the rest of the sentence
#: is the view of the person the possessive names
IN_VIEW_RE = re.compile(
    rf"^(?:(?:But|And|Yet|Still|So)\s+|\s*)?[Ii]n\s+(?P<who>his|her|their|(?P<name>{NAMERUN})['’]s?)\s+"
    r"(?:own\s+)?(?P<cue>view|views|opinion|estimation|judgment|judgement|assessment|analysis|words|telling)\s*,\s*"
)


def view_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    """ "In her view, the toll will fail.": the rest of the sentence is hers (indirect, or mixed
    when it holds a quotation), the possessive her mention and "In her view" the cue."""
    m = IN_VIEW_RE.match(masked) if "n " in masked[:40] else None
    if m is None:
        return []
    a, b = trim_content(masked, m.end(), len(masked))
    if count_words(masked[a:b]) < 3:
        return []
    base = sent.start
    if m.group("name"):
        who = Mention(base + m.start("name"), base + m.end("name"), m.group("name"), "name")
    else:
        pro = lx.POSSESSIVE_PRONOUN[m.group("who").lower()]
        who = Mention(base + m.start("who"), base + m.end("who"), pro, "pronoun")
    cs = m.start("who") - 3
    cue = text[base + cs : base + m.end("cue")]  # "In his view", as written
    return [_raw(sent, sent_index, a, b, content_kind(masked, a, b), cue, cs, m.end("cue"), who, "frame")]


# A headline or summary line "Name: what they said." (also "Name to Group: ...", "Poll: ...").
HEADLINE_RE = re.compile(
    rf"^(?P<spk>(?!(?:{'|'.join(lx.LABEL_WORDS)})\b){NAMERUN}(?:\s+to\s+{NAMERUN})?):\s+(?=[{UPPER}‘“\"'{SPEECH}])"
)


def headline_quotes(
    text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str
) -> list[Raw]:
    base = sent.start
    m = HEADLINE_RE.match(masked) if ":" in masked else None
    if (
        not m
        or len(m.group("spk").split()) > 5
        or m.group("spk").split()[0].lower() in lx.NOT_NAMES
        or (m.group("spk").isupper() and len(m.group("spk")) > 3)
    ):
        return []  # "The Update: ...", "BREAKING: ...": a label, not a speaker
    a, b = trim_content(masked, m.end(), len(masked))
    if count_words(masked[a:b]) < 3:
        return []
    spk = m.group("spk").split(" to ")[0]
    sa, sb = base + m.start("spk"), base + m.start("spk") + len(spk)
    q = quote_at(quotes, a, base, ending=False)
    kind = "direct" if q is not None and q.end - base >= b - 1 else content_kind(masked, a, b)
    return [
        _raw(
            sent,
            sent_index,
            a,
            b,
            kind,
            ":",
            m.end("spk"),
            m.end("spk") + 1,
            Mention(sa, sb, text[sa:sb], "name"),
            how="frame",
        )
    ]


# A title-case headline with its cue capitalised ("Mayor Says Bridge Will Reopen", "Bridge Will
# Reopen, Mayor Says").
TITLE_CUE_RE = re.compile(
    r"(?<=\s)(?:Says|Said|Warns|Tells|Claims|Admits|Insists|Argues|Predicts|Vows|Pledges|"
    r"Suggests|Urges|Declares|Denies|Confirms|Announces|Promises|Reveals|Tweets|Endorses|Slams|Blasts|Rips|"
    r"Praises|Attacks|Criticizes|Defends|Backs|Rejects|Dismisses|Touts|Mocks|Accuses|Blames|Wants|Questions|"
    r"Calls\s+(?:for|on|On|For)|Sides\s+[Ww]ith|Shows|Finds|Find|Reveal|Rip|Slam|Blast|Urge|Warn|Say|"
    r"Seeks|Opens\s+Up\s+About|Just\s+(?:Announced|Said|Endorsed|Revealed|Called))(?=\s|[.!?]?$)"
)
#: where a headline's content ends: a new clause ("... After Report Reveals ...")
TITLE_END_RE = re.compile(r"\s(?:[Aa]fter|[Aa]mid|[Ww]hile|[Bb]efore|[Bb]ecause|[Dd]espite)\s[A-Z]|\s[–—-]\s")

TITLE_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")
_CAPITAL_RE = re.compile("[A-Z]")
TITLE_SPK_RE = re.compile(rf"(?:^|(?<=,\s)|(?<=:\s)|(?<=—\s)|(?<=–\s))(?P<spk>{NAMERUN})\s+$")


def title_quotes(text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str) -> list[Raw]:
    base = sent.start
    capitals = len(_CAPITAL_RE.findall(masked))  # (each title-case word opens with one: a cheap bound)
    if capitals < 3:
        return []
    words = TITLE_WORD_RE.findall(masked)
    if (
        len(words) < 4
        or capitals < 0.7 * len(words)
        or sum(1 for w in words if w[0].isupper()) < 0.7 * len(words)
    ):
        return []
    m = TITLE_CUE_RE.search(masked)
    if not m:
        return []
    sm = TITLE_SPK_RE.search(masked, 0, m.start())
    if not sm or len(sm.group("spk").split()) > 6:
        return []
    sa, sb = base + sm.start("spk"), base + sm.end("spk")
    if masked[: sm.start("spk")].rstrip().endswith(","):  # "Content, Name Says."
        a, b = trim_content(masked, 0, sm.start("spk"))
    else:  # "Name Says Content"
        e = TITLE_END_RE.search(masked, m.end())
        a, b = trim_content(masked, m.end(), e.start() if e else len(masked))
    if count_words(masked[a:b]) < 2:
        return []
    return [
        _raw(
            sent,
            sent_index,
            a,
            b,
            content_kind(masked, a, b),
            m.group(),
            m.start(),
            m.end(),
            Mention(sa, sb, text[sa:sb], "name"),
            how="frame",
        )
    ]


#: a name after a quotation and a dash, ending its line: '“...” ― Ann Kim'
DASH_NAME_RE = re.compile(
    rf"[^\S\n]*[―—–]{{1,2}}[^\S\n]*(?P<spk>{NAMERUN})[^\S\n]*[.,]?[^\S\n]*(?=\n|$|[“\"])"
)
#: a line that signs the quotation ending the paragraph before it: "-Ann Kim, Eastport."
NEXT_LINE_SIGN_RE = re.compile(rf"\s*\n\s*[-―—–]{{1,2}}[^\S\n]*(?P<spk>{NAMERUN})[^\S\n]*(?=[,.]|\n|$)")
#: "Name: “...”" inside a paragraph (a transcript or a run of short answers)
#: ("HEADLINE - Ann Kim and Tom Reyes: “...”", a digest's item by two authors: the first;
#: "HEADLINE -More from Kim: “...”", a digest's next item from the same source)
NAME_COLON_RE = re.compile(
    rf"(?:^|(?<=[.!?”\"]\s)|(?<=\s[-—–]\s)|(?<=\s[-—–]))(?:More\s+from\s+)?(?P<spk>{NAMERUN})"
    rf"(?:\s+and\s+{NAMERUN})?:\s*$"
)


TITLE_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|St)\.\s+$")
#: words that follow a plural or common noun, never a person's name, at a sentence start
NOT_A_PERSON_NEXT = frozenset(
    {
        "of",
        "are",
        "were",
        "have",
        "agree",
        "say",
        "show",
        "suggest",
        "indicate",
        "seem",
        "appear",
        "do",
        "from",
    }
)


#: anything but the stops and commas that may close a paragraph after its last quotation (looked
#: for from the quotation on, so that the rest of a long paragraph is not copied for every quote)
_WORDS_AFTER_RE = re.compile(r"[^ .,]")


def dash_speaker(text: str, q: QSpan, pe: int) -> Mention | None:
    """The person a quotation is signed with: '“We were proud of him.” ― Ann Kim'."""
    m = DASH_NAME_RE.match(text, q.end, min(pe, q.end + 80))
    if m is None and _WORDS_AFTER_RE.search(text, q.end, pe) is None:
        # the quotation ends its paragraph and the next line signs it ("-Ann Kim, Eastport")
        m = NEXT_LINE_SIGN_RE.match(text, pe, pe + 120)
        end = text.find("\n", m.end()) if m else -1
        if m and any(c in text[m.end() : end if end >= 0 else len(text)] for c in ':“"”'):
            m = None  # the next item of a list ("- Tom Brisk, ...: “...”"), not a signature
    if m is None:
        return None
    a, b = m.span("spk")
    if text[a:b].split()[0].lower() in lx.NOT_NAMES:
        return None
    return Mention(a, b, text[a:b], "name")


def colon_speaker(text: str, masked: str, sent: Sentence, q: QSpan) -> tuple[Mention, int, int] | None:
    """The speaker of a quotation that a colon introduces in its sentence: the subject of the
    words before the colon ("Ann Kim responded awkwardly: “...”", "Ann Kim: “...”"), with
    the colon as cue."""
    k = q.start - sent.start
    if k < 0:
        return _colon_lead_speaker(text, masked[:k].rstrip(), sent)
    while k > 0 and masked[k - 1].isspace():
        k -= 1
    if k == 0 or k > 250 or masked[k - 1] != ":":
        return None  # (what `_colon_lead_speaker` turns down, seen without copying a long sentence)
    return _colon_lead_speaker(text, masked[:k], sent)


def voiced_speaker(text: str, masked: str, sent: Sentence, q: QSpan) -> tuple[Mention, int, int] | None:
    """The speaker of a chant, a shout or a sign that no frame claimed ("The crowd responded with
    chants of “...”", "A student hoisted a sign that read “...”"): the subject of its sentence,
    with the voicing words as cue."""
    m = VOICED_BEFORE_RE.search(text, max(sent.start, q.start - 40), q.start)
    if m is None:
        return None
    spk = sentence_subject(text, masked[: min(m.start() - sent.start, 400)], sent.start)
    if spk is None or (spk.kind == "pronoun" and spk.text.lower() == "i"):
        return None
    return spk, m.start(), m.start() + len(m.group().rstrip(" ,:"))


def _colon_lead_speaker(text: str, lead: str, sent: Sentence) -> tuple[Mention, int, int] | None:
    """The subject of the (masked) words of a sentence up to the colon that ends them."""
    if not lead.endswith(":") or len(lead) > 250 or SPEECH in lead:
        return None
    nm = NAME_COLON_RE.search(lead)
    if nm and TITLE_BEFORE_RE.search(lead, max(0, nm.start() - 6), nm.start()):
        nm = None  # "said of Ms. Kim:": the name after a title is no "Name:" line
    if nm:
        a, b = sent.start + nm.start("spk"), sent.start + nm.end("spk")
        if text[a:b].split()[0].lower() in lx.NOT_NAMES:
            return None
        return Mention(a, b, text[a:b], "name"), sent.start + len(lead) - 1, sent.start + len(lead)
    spk = sentence_subject(text, lead[:-1], sent.start)
    if spk is None or (spk.kind == "pronoun" and spk.text.lower() == "i"):
        return None
    after = lead[spk.end - sent.start : spk.end - sent.start + 20].split()
    if spk.kind == "name" and " " not in spk.text and after and after[0].lower() in NOT_A_PERSON_NEXT:
        return None  # "Signs of momentum ...:", "Pollsters agree - ...:": a common noun opens the sentence
    if any(ch in spk.text for ch in "'\"“”"):
        return None
    if spk.kind == "name" and spk.appositive is None:
        # "- Ann Kim, a child psychologist at Harbor Hospital: “...”": the words between the
        # name and the colon describe her, when no reporting verb is among them
        rest = lead[spk.end - sent.start : -1]
        words = re.findall(r"[a-z]+", rest)
        if rest.startswith(",") and len(rest) <= 200 and not any(w in lx.VERB_FORMS for w in words):
            app = rest.strip(" ,")
            if app:
                spk.appositive, spk.app_start = app, spk.end + rest.index(app)
    return spk, sent.start + len(lead) - 1, sent.start + len(lead)


#: what may follow a speaker's cue at the end of a sentence for the next quotation to be the
#: words it announces: nothing, "in", a time, an adverb ("chimed in.", "continued.")
ANNOUNCE_TAIL_RE = re.compile(
    r"^(?:\s+(?:in|on|up|again|too|also|then|later|quickly|briefly|[a-z]+ly|"
    r"(?:his|her|their)\s+(?:[a-z]+\s+){0,2}(?:remarks|comments|speech|answer|argument|attack|point)))*\s*[.:]?\s*$"
)


def announcing_speaker(text: str, masked: str, sent: Sentence) -> tuple[Mention, str, int, int] | None:
    """The speaker of a sentence that only announces speech ("Her friend Jo Marsh, 20, chimed
    in.", "Ann Kim continued her remarks.") and has no quotation: the next quotation, opening
    the next sentence or paragraph, is what the speaker said. (mention, cue, cue start, end)."""
    if SPEECH in masked:
        return None
    for f in reversed(find_frames(text, masked, sent.start)):
        if f.mention is None or f.inverted or f.inherit:
            continue
        if f.lemma not in SPEECH_LEMMAS:
            return None
        if not ANNOUNCE_TAIL_RE.match(masked[f.cue_end :]):
            return None
        return f.mention, f.cue, sent.start + f.cue_start, sent.start + f.cue_end
    # "On May 3, Ann Kim made the following comment:" and the quotation in the next paragraph
    colon = _colon_lead_speaker(text, masked.rstrip(), sent)
    if colon is not None:
        return colon[0], ":", colon[1], colon[2]
    return None


#: an interview printed as questions and answers: "Q: ..." and "A: ..." opening paragraphs
QA_QUESTION_RE = re.compile(r"(?m)^[ \t]*(?:Q|Question)[:.][ \t]")
QA_ANSWER_RE = re.compile(r"[ \t]*(?:A|Answer)[:.][ \t]+")
#: the interviewee, introduced before the first question: "Ann Kim, an economist at ...",
#: "We spoke with Ann Kim", "economist Ann Kim"
QA_PERSON_RE = re.compile(
    rf"(?P<n>{NAMERUN}),[ \t]+(?:an?|the)[ \t]|\b(?:with|asked|interviewed)[ \t]+(?P<w>{NAMERUN})\b"
)


LINE_RE = re.compile(r"(?m)^[^\n]*$")
#: a paragraph of a panel interview opening with who answers: "Tenorio: In the short run, yes."
QA_LABEL_RE = re.compile(r"[ \t]*(?P<n>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,2}):[ \t]+")
#: a capitalised word with another after it: the second may be a surname ("Maria Tenorio")
_SURNAME_RE = re.compile(r"(?<![\w’'\-])[A-Z][\w’'\-]+(?=[ \t]+(?P<s>[A-Z][\w’'\-]+)(?![\w’'\-]))")


@dataclass(frozen=True)
class Interview:
    """An article printed as questions and answers: who answers the "A:" lines (named before
    the first question, or None), where the first question starts, and the surnames of the
    text (a panel answer's label, "Tenorio: ...", must be one)."""

    interviewee: Mention | None
    first_q: int
    surnames: frozenset[str]


def _panel_label(text: str, ps: int, pe: int, surnames: frozenset[str]) -> re.Match[str] | None:
    """The label of a panel answer ("Tenorio: ..."): a name said elsewhere in the text as
    part of a person's name ("Maria Tenorio is a professor ...")."""
    m = QA_LABEL_RE.match(text, ps, pe)
    if m is None or m.group("n").split()[0].lower() in lx.NOT_NAMES:
        return None
    return m if m.group("n").split()[-1] in surnames else None


def qa_interviewee(text: str) -> Interview | None:
    """For an interview printed as "Q: ... / A: ..." (or "Q: ... / Tenorio: ..."), the
    `Interview`; None when the text is no such interview."""
    q = QA_QUESTION_RE.search(text)
    if q is None:
        return None
    surnames = frozenset(m.group("s") for m in _SURNAME_RE.finditer(text))  # once, for every paragraph
    if not re.search(r"(?m)^[ \t]*(?:A|Answer)[:.][ \t]", text[q.end() :]):
        panel = any(_panel_label(text, m.start(), m.end(), surnames) for m in LINE_RE.finditer(text, q.end()))
        return Interview(None, q.start(), surnames) if panel else None
    for m in QA_PERSON_RE.finditer(text, 0, q.start()):
        g = "n" if m.group("n") else "w"
        a, b = m.span(g)
        name = text[a:b]
        if len(name.split()) >= 2 and name.split()[0].lower() not in lx.NOT_NAMES:
            return Interview(Mention(a, b, name, "name"), q.start(), surnames)
    return Interview(None, q.start(), surnames)


def qa_answer(text: str, ps: int, pe: int, qa: Interview) -> Raw | None:
    """The answer of a paragraph opening "A: ..." after the first question: the
    interviewee's words (cue "A:"); with no interviewee named, a quote without a speaker
    (a reviewer can name one; no row gets it). A panel answer ("Tenorio: ...") is the
    label's person's."""
    if ps < qa.first_q:
        return None
    m = QA_ANSWER_RE.match(text, ps, pe)
    cue, who = "A:", qa.interviewee
    if m is None:
        m = _panel_label(text, ps, pe, qa.surnames)  # "Tenorio: ...": a panel member's answer
        if m is None:
            return None
        cue, who = m.group("n") + ":", Mention(m.start("n"), m.end("n"), m.group("n"), "name")
    a, b = m.end(), pe
    while b > a and text[b - 1].isspace():
        b -= 1
    if b - a < 2:
        return None
    return Raw(a, b, "direct", cue, ps, m.end(), who, "frame", None, ps, pe)
