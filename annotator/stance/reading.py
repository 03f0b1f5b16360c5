"""What the stance engine reads for a quote: its words, and for reported speech whose verb
takes a side, or whose verb is negated ("does not think ..."), the verb (with the negation)
in front of the content."""

from __future__ import annotations

import re

from annotator.models import Quote
from annotator.stance.direction import read_direction
from annotator.stance.idioms import plain_phrasings
from annotator.stance.removal import read_kept


def strip_quote_marks(text: str) -> str:
    return text.strip().strip("\"'\u201c\u201d\u2018\u2019` ,").strip()


def _verb_forms(bases: str) -> frozenset[str]:
    """The regular inflections of each base verb (over-generated forms are harmless)."""
    out: set[str] = set()
    for b in bases.split():
        out |= {b, b + "s", b + "es", b + "d", b + "ed", b + "ing", b + b[-1] + "ed", b + b[-1] + "ing"}
        if b.endswith("e"):
            out.add(b[:-1] + "ing")
        if b.endswith("y"):
            out |= {b[:-1] + "ies", b[:-1] + "ied"}
    return frozenset(out)


#: Reporting verbs that carry a side ("criticized the levy", "urged the council to act",
#: "denied that rents rose", "doubted the bridge would help", "declined to take a position"):
#: the content alone reads differently, so the stance engine reads the verb with it. Neutral
#: verbs of saying (say, tell, note, add) are not here, nor verbs that assert or commit to
#: their content (argue, insist, concede, admit, promise, vow, pledge): "argued that X" holds
#: X as "X" does, and the engine, shown the verb, reads such clauses worse (invented probes:
#: "argued a higher levy would pay for cleaner streets" lost its side).
POLAR_CUES: frozenset[str] = _verb_forms(
    "want urge propose endorse criticize criticise praise blame defend reject dismiss condemn welcome "
    "slam blast applaud demand accuse deny dispute support oppose attack denounce prefer tout "
    "recommend warn fear worry hope threaten refuse complain lament "
    "protest doubt question challenge back favor favour champion advocate lobby press push "
    "call caution decry deplore mock ridicule hail celebrate embrace resist fight block veto "
    "decline"
) | {"sought", "fought", "spoke", "spoken", "voiced", "expressed", "lashed", "railed"}
#: verbs of advocating something, shown to the engine as "wants"
ADVOCACY_RE = re.compile(
    r"^(?:push|press|lobb(?:y|ie|ying)|call|campaign|advocat|argu|fight|fought)\w*\s+for$", re.IGNORECASE
)
#: a negation right before the cue ("did not support"), read with it
NEG_BEFORE_RE = re.compile(
    r"\b(?:\w+n[’']t|(?:(?:do|does|did|would|will|could|can|should|has|have|had|is|are|was|were)\s+)?"
    r"(?:not|never))(?:\s+\w+ly)?\s*$",
    re.IGNORECASE,
)


#: a negated verb of opposing (litotes: "would not oppose", "I'm not against", "don't object
#: to"): it takes the side the verb opposes. The engine misreads the two negatives, so it reads
#: the side they make ("would support", "I'm for") instead.
LITOTES_RE = re.compile(
    r"\b(?:(?P<aux>do|does|did|would|will|could|can|should|am|is|are|was|were|be|'m|’m|'re|’re)\s*"
    r"(?:not|n[’']t)|(?P<auxn>don|doesn|didn|wouldn|won|couldn|can|shouldn|isn|aren|wasn|weren)[’']t|never)"
    r"\s+(?P<v>opposed\s+to|oppose[sd]?|against|object\s+to|objects\s+to|"
    r"objected\s+to|disagree\s+with|disagrees\s+with|disagreed\s+with)\b",
    re.IGNORECASE,
)
_LITOTES_SIDE = {
    "oppose": "support",
    "opposes": "supports",
    "opposed": "supported",
    "opposed to": "in favour of",
    "against": "for",
    "object to": "accept",
    "objects to": "accepts",
    "objected to": "accepted",
    "disagree with": "agree with",
    "disagrees with": "agrees with",
    "disagreed with": "agreed with",
}
_AUX_OF = {"won": "will", "can": "can", "don": "do", "doesn": "does", "didn": "did"}


def _litotes(m: re.Match) -> str:
    verb = " ".join(m.group("v").lower().split())
    aux = m.group("aux") or (_AUX_OF.get(m.group("auxn").lower(), m.group("auxn")) if m.group("auxn") else "")
    return " ".join(x for x in (aux, _LITOTES_SIDE[verb]) if x).replace(" 'm", "'m").replace(" ’m", "’m")


#: "does not go far enough": the speaker wants more of the same, which the engine reads as
#: opposition; it reads "should go further" instead
NOT_FAR_ENOUGH_RE = re.compile(
    r"\b(?:(?:do|does|did|would|will|could|may|might)\s+not|(?:don|doesn|didn|wouldn|won|couldn)[’']t)"
    r"\s+go\s+(?:nearly\s+|quite\s+)?far\s+enough\b",
    re.IGNORECASE,
)


#: "a no-brainer" (an obvious choice), which the engine reads as a negation
NO_BRAINER_RE = re.compile(r"\b(?:a|the)\s+no[- ]?brainer\b", re.IGNORECASE)


#: "even without X" / "even in the absence of X", whose main clause says what still holds
#: ("Even without federal money, the city could still build the tram"): the engine reads the
#: concession as doubt, so it reads the plain claim ("Without federal money, the city could
#: build the tram"), which says the same
EVEN_WITHOUT_RE = re.compile(r"\b(?P<even>[Ee]ven\s+)(?=without\b|in\s+the\s+absence\s+of\b|with\s+no\b)")
STILL_RE = re.compile(r"\s+still\b(?=\s+\w)")


def read_litotes(text: str) -> str:
    """`text` with each negated verb of opposing read as the side it takes ("I would not
    oppose a ban" -> "I would support a ban"; "We're not against it" -> "We're for it"),
    "does not go far enough" as "should go further", "a no-brainer" as "an obvious choice",
    a concession "even without X, ... still ..." as its plain claim, "it is far from clear
    that" as "it is doubtful that", "it's hard to imagine a better X than Y" as "there is no
    better X than Y", and "long overdue" as "needed now"."""
    text = plain_phrasings(text)
    if "ven " in text:
        m = EVEN_WITHOUT_RE.search(text)
        if m:
            text = text[: m.start("even")] + text[m.end("even") :]
            text = STILL_RE.sub("", text)
            if m.start("even") == 0:
                text = text[:1].upper() + text[1:]
    if "n" not in text:
        return text
    text = LITOTES_RE.sub(_litotes, text)
    if "brainer" in text:
        text = NO_BRAINER_RE.sub("an obvious choice", text)
    return NOT_FAR_ENOUGH_RE.sub("should go further", text) if "enough" in text else text


#: double quotation marks inside a mixed quote (and the NYT's '' and ``)
INNER_MARKS_RE = re.compile(r"[“”„«»\"]|''|``")


def plain_words(q: Quote) -> str:
    """A quote's words as the engine reads them, before any verb: no edge quotation marks,
    phrasings it misreads in their plain form (`read_litotes`), and a mixed quote without its
    inner marks ("the plan would “wipe out” the oyster beds" is all her claim; the engine
    reads marked words as distanced, even ironic)."""
    text = read_litotes(strip_quote_marks(q.text))
    return " ".join(INNER_MARKS_RE.sub("", text).split()) if q.kind == "mixed" else text


def stance_text(q: Quote) -> str:
    """The words the stance engine reads for a quote: its text without quotation marks; for
    reported speech whose verb carries a side ("criticized the levy", "did not support the
    plan", "urged the council to act"), the verb (and a negation right before it) first; for
    any other reporting verb with a negation right before it ("does not think the levy will
    pass", "never believed that ..."), the negation and the verb first, since the content
    alone says the opposite of what the speaker holds."""
    text = plain_words(q)
    if q.kind == "direct" or not q.cue:
        return text
    neg = None
    if q.context and q.context_start is not None and q.cue_start is not None:
        k = q.cue_start - q.context_start
        if 0 < k <= len(q.context):
            neg = NEG_BEFORE_RE.search(q.context[max(0, k - 30) : k])
    polar = q.cue.split()[0].lower() in POLAR_CUES or ADVOCACY_RE.match(q.cue) is not None
    if not polar and neg is None:
        return text
    lead = neg.group().strip() + " " if neg else ""
    cue = q.cue
    if ADVOCACY_RE.match(cue):
        # "pushing for a ban", "argued for tax cuts": the engine read these advocacy verbs
        # as opposition on invented probes, and reads "wants" the right way round
        cue = "want" if neg else "wants"
    return f"{lead}{cue} {text}"


#: a correction, "X, not Y, is Z" / "X is Z, not Y": the speaker affirms X and denies Y
_NOT_A_CORRECTION = (
    r"(?!only\b|just\b|least\b|yet\b|to\s+mention\b|because\b|surprisingly\b|that\b|so\b|even\b)"
)
CORRECTION_MID_RE = re.compile(rf",\s+not\s+{_NOT_A_CORRECTION}(?P<y>[^,;:.!?]{{1,60}}),\s+")
CORRECTION_END_RE = re.compile(rf",\s+not\s+{_NOT_A_CORRECTION}(?P<y>[^,;:.!?]{{1,60}})(?P<end>[.!?]?\s*)$")


def _stems(text: str) -> set[str]:
    """The content stems of a text (what a question and a part of a quote share)."""
    from annotator.stance.features import content_stems, tokenize

    return set(content_stems(tokenize(text)))


#: two sentences that say what is not so, then what is, in the same frame: "I am not against the
#: tax. I am against pretending it is enough."; "This isn't about money. It's about fairness."
#: (the first may already read "I am for the tax", `read_litotes` having run)
NOT_THEN_IS_RE = re.compile(
    r"^(?P<a>(?P<subj>[A-Z][\w’']*(?:\s+[\w’']+)?)\s*[^.!?]*?(?:\bnot|n[’']t|\bnever|\bfor|\bin\s+favou?r\s+of)\b"
    r"[^.!?]*[.!?])\s+"
    r"(?P<b>[A-Z][^.!?]*[.!?]?)$"
)
_PRONOUNS = frozenset(
    {"i", "i'm", "we", "we're", "they", "they're", "he", "he's", "she", "she's", "you", "you're"}
)


def _same_frame(a_subj: str, b: str) -> bool:
    """Whether sentence `b` opens as `a_subj` does ("I am" / "I am"; "I'm" / "I'm"; "This
    isn't" / "It's")."""
    a0 = a_subj.lower().replace("’", "'").split()
    b0 = b.lower().replace("’", "'").split()
    if not a0 or not b0:
        return False
    if a0[0] in ("this", "that", "it") and b0[0] in ("it's", "it", "this", "that"):
        return True
    if a0[0] in _PRONOUNS and b0[0].split("'")[0] == a0[0].split("'")[0]:
        return True
    return b0[: len(a0)] == a0


def read_not_then_is(text: str, question: str) -> str:
    """ "I am not against the tax. I am against pretending it is enough.": what the speaker
    denies, then what she holds, in the same frame. The engine reads both sides as one (here as
    opposing the tax); the sentence with more of the question's words is read alone (on the tax,
    the first; on whether it is enough, the second), and a tie leaves the text as it is."""
    m = NOT_THEN_IS_RE.match(text.strip())
    if m is None or not _same_frame(m.group("subj"), m.group("b")):
        return text
    asked = _stems(question)
    a, b = len(asked & _stems(m.group("a"))), len(asked & _stems(m.group("b")))
    if a == b:
        return text
    return read_litotes(m.group("a")) if a > b else m.group("b")


def read_correction(text: str, question: str) -> str:
    """`text` as the engine reads it on `question`: in a correction ("Visitors, not distant
    cities, are the main source"; "The ban is the answer, not a new tax") the engine reads
    the "not" as opposing whatever is asked, so where the question is about what is
    affirmed (more of its words in the rest of the sentence than in the denied part), the
    denied part is left out ("Visitors are the main source"); where it is about the denied
    part, the text stays as it is."""
    if ", not " not in text:
        return text
    asked = _stems(question)
    for rx in (CORRECTION_MID_RE, CORRECTION_END_RE):
        m = rx.search(text)
        if m is None:
            continue
        denied = _stems(m.group("y"))
        rest = _stems(text[: m.start()] + " " + text[m.end() :])
        if len(asked & rest) > len(asked & denied):
            joint = " " if rx is CORRECTION_MID_RE else m.group("end")
            return text[: m.start()] + joint + text[m.end() :]
        return text
    return text


#: a question about what ought to be done ("Should ...?", "Must ...?"), not about what will be
NORMATIVE_RE = re.compile(r"^\W*(?:should|must|ought|shall)\b|\bshould\b", re.IGNORECASE)
#: "X would be ideal -- but it may be overly ambitious": a wish, then a doubt that it can be had
WISH_BUT_RE = re.compile(
    r"^(?P<wish>.*?\b(?:ideal(?:ly)?|optimal|the\s+best\s+(?:outcome|solution|option|answer|result)|"
    r"wonderful|preferable|beneficial|in\s+a\s+perfect\s+world|my\s+preference)\b[^;:]*?)"
    r"\s*(?:,|;|\s[–—-]+|\s*--)\s*(?:but|though|although|yet)\s+(?P<doubt>.+)$",
    re.IGNORECASE | re.DOTALL,
)
FEASIBILITY_DOUBT_RE = re.compile(
    r"\b(?:(?:overly|too|wildly|hugely)\s+ambitious|unrealistic|not\s+realistic|a\s+(?:stretch|long\s+shot|"
    r"pipe\s+dream|tall\s+order)|wishful\s+thinking|pie\s+in\s+the\s+sky|out\s+of\s+reach|"
    r"(?:hard|difficult|impossible)\s+to\s+(?:see|imagine|achieve|pull|get|pay|afford|fund)|"
    r"not\s+(?:going|likely)\s+to\s+happen|won[’']t\s+happen|unlikely|infeasible|not\s+feasible|impractical)\b",
    re.IGNORECASE,
)


def read_wish(text: str, question: str) -> str:
    """On a question of what ought to be done, a wish with a doubt that it can be had ("Ideally
    the state would pay for all of it -- but asking for that may be overly ambitious"; "A new
    bridge would be wonderful, though it is probably unrealistic") is read as the wish: the
    speaker's preference is the stance, the doubt is about the odds. The engine reads such
    sentences by their second half, as opposition. On any other question (“Will the state
    pay?”) the doubt is the answer and the text stays as it is."""
    if not NORMATIVE_RE.search(question):
        return text
    m = WISH_BUT_RE.match(text)
    if m is None or not FEASIBILITY_DOUBT_RE.search(m.group("doubt")):
        return text
    wish = m.group("wish").rstrip(" ,;–—-")
    return wish + "." if wish[-1:].isalnum() else wish


def read_for(text: str, question: str) -> str:
    """What the engine reads of `text` on one question: a denied or condemned removal as
    keeping, on a question that asks for no removal (`removal.read_kept`); a wish with a doubt of its odds as the
    wish on a "should" question (`read_wish`), "I'm not against X. I'm against Y." as the
    sentence the question is about (`read_not_then_is`), a correction for what the question
    asks (`read_correction`), then a change said the other way as a negation (`read_direction`)."""
    text = read_kept(text, question)
    return read_direction(
        read_correction(read_not_then_is(read_wish(text, question), question), question), question
    )


#: an answer that only makes sense with its question: "it could", "they would not", "she did"
ELLIPTIC_ANSWER_RE = re.compile(
    r"^(?:that\s+)?(?:it|they|this|that|he|she|we|I)\s+(?P<aux>could|would|will|might|may|can|should|must|did|does|do|"
    r"is|was|were|are|has|had|have)(?P<neg>n['’]t|\s+not|\s+never)?\s*[.!?]?$",
    re.IGNORECASE,
)
#: a one-word answer: "“Absolutely,” she said"; "“No,” he said"
YES_ANSWER_RE = re.compile(
    r"^(?:yes|yeah|absolutely|definitely|certainly|of course|sure|undoubtedly|indeed|without a doubt)\W*$",
    re.I,
)
NO_ANSWER_RE = re.compile(
    r"^(?:no|nope|never|not at all|absolutely not|definitely not|certainly not|of course not|not really)\W*$",
    re.I,
)
#: the question a speaker was asked, in the words before her answer: "Asked whether the toll
#: would hurt drivers, ..."
ASKED_RE = re.compile(
    r"\b[Aa]sked\s+(?:(?:by|about)\s+[^,;:]{1,40}\s+)?(?:whether|if)\s+(?P<x>[^,;:?]{4,200})[,?]"
)
_AUX_IN_RE = re.compile(
    r"\b(?:would|will|could|can|might|may|should|must|is|are|was|were|has|have|had|does|did|do)\b", re.I
)


def read_answer(text: str, before: str) -> str | None:
    """A short answer ("it could", "“No,”") to a question the article states before it ("Asked
    whether the levy would hurt grocers, she conceded that it could"), read as the claim it
    answers: "the levy could hurt grocers", "the levy would not hurt grocers". None when the
    text is no such answer, or no "Asked whether ..." comes before it."""
    words = text.strip(" \"'“”‘’")
    m = ELLIPTIC_ANSWER_RE.match(words)
    yes, no = YES_ANSWER_RE.match(words), NO_ANSWER_RE.match(words)
    if m is None and yes is None and no is None:
        return None
    asked = next(iter(reversed(list(ASKED_RE.finditer(before)))), None)  # the last question asked
    if asked is None:
        return None
    claim = asked.group("x").strip()
    negated = bool(no) or bool(m and m.group("neg"))
    aux = _AUX_IN_RE.search(claim)
    if m is not None and aux is not None:
        verb = m.group("aux").lower() + (" not" if negated else "")
        return claim[: aux.start()] + verb + claim[aux.end() :]
    if aux is not None and negated:
        return claim[: aux.end()] + " not" + claim[aux.end() :]
    return f"It is not true that {claim}" if negated else claim


#: where a sentence ends inside a longer text (before a capital, a quotation mark or a bracket)
SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“‘(])")


def windows(text: str, max_words: int = 40) -> list[str]:
    """A long text as runs of whole sentences of at most `max_words` words each (a sentence
    longer than that is a run of its own); a text of `max_words` words or fewer as itself.
    The engine reads at most 128 tokens of a pair, so a long comment or quotation was read
    only up to its first hundred words or so; read window by window, all of it counts."""
    if max_words <= 0 or len(text.split()) <= max_words:
        return [text]
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for sent in SENTENCE_END_RE.split(text):
        w = len(sent.split())
        if cur and n + w > max_words:
            out.append(" ".join(cur))
            cur, n = [], 0
        cur.append(sent)
        n += w
    if cur:
        out.append(" ".join(cur))
    return out
