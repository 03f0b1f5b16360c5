"""Where reported content starts and ends: `content_end` (the next speaker, a reason, a
relative clause's end, the close of a naming verb's quotation), the gap that coordinates two
frames, and the aside of "As X put it, ..." (used by `annotator.quotes.content`)."""

from __future__ import annotations

import re

from annotator.quotes import lexicon as lx
from annotator.quotes.cues import SPEECH_LEMMAS
from annotator.quotes.frames import CATENATIVE_TO_RE, SAY_BASE_FORMS
from annotator.quotes.patterns import (
    DET_BEFORE_RE,
    FINITE_RE,
    FRAG,
    MONTHS,
    PLATFORMS,
    PREP_START_RE,
    QUANT,
    SPEECH,
    UPPER,
    WEEKDAYS,
    QuoteIndex,
    comma_in_marks,
    count_words,
)

#: what may follow the cue of "As X put it ..., " before the comma: "it", a time, a place, a source
AS_TAIL_RE = re.compile(
    r"(?:\s+it)?(?:\s+(?:in|on|at|to|during|last|this|earlier|recently|once|before|after|when|while)\b"
    r"[^,;:\ue000]{0,60})?\s*,\s*"
)
AS_LEAD_RE = re.compile(r"(?:^|[,;]\s*|\b(?:[Bb]ut|[Aa]nd|[Jj]ust)\s+)[Aa]s(?:\s+[\w’'\-.]+){0,5}\s*$")

WHO_CUE_RE = re.compile(r",\s*(?:(?:an?|the)\s+[^,;:\ue000]{1,60}?\s+)?(?:who|whom)\s+(?:[a-z]+\s+){0,2}$")
MAIN_VERB_AFTER_RE = re.compile(
    r",\s+(?:has|have|had|is|was|were|are|will|would|can|could|also|then|later|now|[a-z]{3,}ed)\s"
)
#: what continues a clause after an appositive closed by a comma: a verb or a complement
GOES_ON_RE = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|must|may|might|into|to\s+[a-z]+\b|"
    r"(?!(?:and|but|or|while|which|who|the|an?|according|as|so|then|though)\b)[a-z]+(?:ed|s)\b"
    r"|[a-z]+[.!?]?\s*$)"  # or one last word, the complement ("..., which lies beyond the river, void.")
)
APPOSITIVE_CUT_RE = re.compile(r",\s+(?:an?|the|who|which|whose|where)\s")
AND_VP_RE = re.compile(
    r"\s+and\s+(?:(?:has|have|had)\s+(?:also\s+)?(?:been|[a-z]+ed)|(?:was|were)\s+[a-z]+ed"
    r"|(?:also|then|later|once\s+again)\s+[a-z]+ed|[a-z]{3,}ed\s+(?:the|a|an|his|her|their|its|to|that)\b)"
)
DASH_RE = re.compile(r"\s+[—–]\s+")
BECAUSE_CUT_RE = re.compile(r",\s+because\s")
PARTICIPLE_CUT_RE = re.compile(r",\s+([a-z]+ing)\b")
#: ", and" or ", but" and a clause with a subject of its own, after reported content: the
#: writer's next statement ("said the levy would pass, but the council refused")
NEW_CLAUSE_RE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?:(?:on|in|by|at|later|then)\b[^,;:\ue000]{0,30},\s+)?(?:(?:now|at\s+one\s+point|then|later)\s+)?(?:he|she|they|it|there|that|this"
    r"|(?:the|an?|his|her|their|its|these|those|some|many|most|several|two|three|four|five|no)\s+(?:[\w\-’']+\s+){0,4}?[\w\-’']+"
    r"|[A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]+){0,3})\s+"
    # (not a verb of saying or knowing: "..., but she knows that ..." goes on with her words)
    r"(?!(?:knows|knew|thinks|thought|believes|believed|hopes|hoped|says|said|added|argued|noted|wants|feels|fears|"
    r"expects)\b)"
    r"(?:(?:also|now|still|soon|never|often|have|has|had|is|are|was|were|will|would|could|can|should|may|might|"
    r"did|does|do|doesn’t|don’t|didn’t|wasn’t|isn’t|doesn't|don't|didn't|wasn't|isn't)\b|[a-z]+ed\b|[a-z]+s\b)"
)
#: what the writer adds after reported content: a concession ("even though ...", ", although
#: ..."), a dash and an appositive or a new clause ("— a claim he has made before", "— and the
#: Senate ..."), a comparison with a forecast (", well above what analysts expected"), an
#: absolute phrase (", with one poll finding ...")
WRITER_ASIDE_RE = re.compile(
    r",?\s+(?:even\s+though|although|though)\s(?!not\b)(?![^,;]{0,30},)"
    r"|\s+[—–]\s+(?:an?|the|one|all|despite|and(?!\s+(?:that|more)\b))\s"
    r"|,\s+(?:well\s+(?:above|below)|with\s+(?:one|some|many|most|the|his|her|their|a|an)\s)\s*"
)
#: content that is a quotation, then "and" and the subject's next verb
QUOTE_THEN_VERB_RE = re.compile(rf"(?P<q>[{SPEECH}{FRAG}]+)\s+and\s+(?:then\s+)?[a-z]+(?:s|ed)\b")
#: a colon and a quotation with an attribution of its own after it
ATTRIBUTED_QUOTE_RE = re.compile(
    rf":\s*{SPEECH}+\s+(?:he|she|they|we|I|{UPPER}[\w’'\-]+(?:\s+{UPPER}[\w’'\-]+)?)\s+"
    r"(?:said|says|added|adds|told|tells|wrote|writes|explained|explains|noted|notes|insisted|argued|recalled|continued)\b"
)
#: the participles of the lexicon's reporting verbs ("saying", "warning")
_ING_CUES = lx.alternation(f for f in lx.VERB_FORMS if f.endswith("ing"))
CUT_RE = re.compile(
    r";|(?:\s+[—–-]{1,2}\s*|—\s*)(?="
    + SPEECH
    + r")|,\s+(?:according to|(?!including\b)\w+ing\b|who\s|which\s|whose\s|whom\s|where\s|as\s|"
    r"compared\s|(?:and|but)\s+(?:when|while|then)\s|the\s|an?\s)|"
    r",\s+(?:" + _ING_CUES + r")\b|"
    # "X, just a day after Y", "X, hours before Y": when, in the writer's words
    r",\s+(?:just\s+|only\s+)?(?:an?|one|two|three|four|five|several|\d+)\s+(?:hours?|days?|weeks?|months?)\s+(?:after|before)\b|"
    # "acknowledging that X but warning that Y": the second participle starts its own frame
    r"\s+(?:but|and)\s+(?:also\s+)?(?:" + _ING_CUES + r")\s+(?:that|of)\b|"
    r",\s+(?:said|says|told|tells|added|adds|wrote|writes|argued|noted|insisted|explained)\b|"
    r"(?<=" + SPEECH + r")\s+(?:according to|referring to|(?!including\b)\w+ing\b)"
)

#: a sentence that opens with a subordinate clause holding the cue ("A week after X announced
#: that ..., Y ..."): the content ends at the comma that closes the clause
SUBORD_RE = re.compile(
    r"^(?:(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?(?:(?:[Ee]ven|[Jj]ust|[Oo]nly|[Ss]hortly|[Ss]oon|[Ll]ong|[Rr]ight|[Mm]oments|[Mm]inutes|[Hh]ours|[Dd]ays|"
    r"[Ww]eeks|[Mm]onths|[Yy]ears|(?:An?|One|Two|Three|Four|Five|Several|Some|A few)\s+(?:\w+\s+)?"
    r"(?:moments?|minutes?|hours?|days?|weeks?|months?|years?))\s+)?"
    r"(?:[Bb]ecause|[Ww]hile|[Aa]s|[Ww]hen|[Ii]f|[Aa]lthough|[Tt]hough|[Ss]ince|[Aa]fter|[Bb]efore|[Ee]ven as|"
    r"[Ee]ven though|[Ww]hereas|[Uu]ntil|[Oo]nce|[Uu]nless|[Dd]espite|[Ww]henever|[Nn]ow that)\b[^,]*$"
)

#: a relative or subordinate clause opened inside the sentence and holding the cue ("Kim, who
#: said ..., left", "the levy, even after she attacked it, passed"): the content ends at its comma
MID_SUBORD_RE = re.compile(
    r",\s*(?:(?:even|just|only)\s+)?(?:after|before|when|while|since|because|although|though|if|once|until|unless)\s[^,;:\u2014\u2013\ue000]*$"
)

SUBJECT_WHO_RE = re.compile(
    r"^(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]till)\s+)?[^,;:\ue000]{1,60},\s*(?:(?:who|whom)\s[^,;:\u2014\u2013\ue000]*)?$"
)


def subject_clause(masked: str, start: int, cue: str) -> bool:
    """The cue at `start` is in a clause set off by commas after the sentence's subject ("Kim,
    who said ..., left", "The Ledger, citing ..., reported"): its content ends at the comma."""
    m = SUBJECT_WHO_RE.match(masked, 0, start)
    if m is None or FINITE_RE.search(masked, 0, masked.rfind(",", 0, start)):
        return False  # (not "Kim thanked the crews, who said ...": no subject, a clause)
    return masked[start - 2 : start] != ", " or cue.endswith("ing")


def subordinate_end(text: str, base: int, masked: str, a: int, b: int, start: int, end: int, cue: str) -> int:
    """Where content in [a, b) ends when its frame (`start`..`end`) sits in a clause that a
    comma closes: a subordinate clause opening the sentence or set off inside it ("Even after
    Kim attacked the levy, ..."), or a clause set off after the subject (`subject_clause`)."""
    if "," in masked[end:a]:
        return b  # "As Kim pointed out, the rules ...": the content is the main clause
    if (
        SUBORD_RE.match(masked, 0, start)
        or MID_SUBORD_RE.search(masked, max(0, start - 160), start)
        or subject_clause(masked, start, cue)
    ):
        comma = clause_comma(masked, a, b, text, base)
        if comma > a:
            return comma
    return b


# "Asked about the plan, X said, “...”": the question put to the speaker, not her words
ASKED_HEAD_RE = re.compile(r"^(?:(?:[Ww]hen|[Aa]fter|[Oo]nce|[Ii]f|[Uu]pon)\s+)?(?:being\s+)?[Aa]sked\b")
#: words before "X said, “...”" that open a subordinate clause or a participle phrase ("Taking
#: it in, X said, “We ...”"): the setting, not her words
SUBORD_HEAD_RE = re.compile(
    r"(?:(?:even|just|only|long|shortly|soon)\s+)?(?:before|after|when|while|as|if|although|though|because|since|"
    r"until|once|unless|whether)\b|(?-i:[A-Z][a-z]{2,}ing)\s(?<!thing\s)",
    re.IGNORECASE,
)
DESC_HEAD_RE = re.compile(r"(?:A|An|The|Another|One|His|Her|Their|Its)\s")

#: spaces, and a time or a manner adverb, between a cue and its "to ..." clause ("pledged
#: Saturday to", "vowed again to")
WHEN_SKIP_RE = re.compile(
    r"\s*(?:(?:on\s+)?(?:"
    + WEEKDAYS
    + r"|today|yesterday|again|also|repeatedly|publicly|privately|once more)\s+)?"
)
#: a relative pronoun, a subject and the cue ("whom he described", "which the mayor called")
REL_SUBJECT_RE = re.compile(r"\b(?:who|whom|which|what)\s+(?:[\w’'\-.]+\s+){1,4}?[a-z]+\s*$")
TIME_ONLY_RE = re.compile(
    r"\s*(?:last|this|next|early|late|earlier|later)\s+(?:week|month|year|spring|summer|fall|autumn|winter|"
    + MONTHS
    + "|"
    + WEEKDAYS
    + r")"
    r"[\s.,;:!?]*$"
)
THAT_END_RE = re.compile(r"\bthat\s*,?\s*$")
PREP_CONTENT_RE = re.compile(
    r"\s*(?!\s*" + QUANT + r")(?:of|by|in|on|at|for|with|from|as|about|into|onto|over|under|against)\b"
)

NAME_AND_END_RE = re.compile(rf"[^,;]\s[{UPPER}][\w’'\-.]*\s+and\s*$")
GAP_COORD_RE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s*$")


#: where and when words were said, after the quotation a naming verb gives ("called the
#: levy “reckless” in a tweet Sunday"): not the speaker's words
CIRCUMSTANCE_RE = re.compile(
    r"\s+(?:in|on|at|during)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:tweet|tweets|interview|statement|speech|rally|post|letter|debate|video|broadcast|op-ed|column|memoir|"
    r"book|hearing|briefing|" + PLATFORMS + r"|television|radio|" + WEEKDAYS + r")\b[^,;:]*"
    r"(?:[.!?]?\s*$|(?=,\s*(?:and|but|while|whereas|as)\s))"
)


CIRCUMSTANCE_HEAD_RE = re.compile(
    r"(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore)\s+(?:an?|the|his|her|their|its)\s"
)

#: where and when a stance was taken, after the noun phrase a stance verb takes ("endorsed Ann
#: Kim at a news conference Friday", "criticized the levy during a debate"): the writer's words
OBJECT_CIRCUMSTANCE_RE = re.compile(
    r"(?:\s+(?:during\s+(?:an?|the|his|her|their|its)\s"
    r"|at\s+(?:an?|the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?(?:news|press|conference|rally|event|forum|hearing|"
    r"meeting|town|debate|summit|convention|campaign)\b"
    r"|(?:early|late|last|earlier)\s+(?:on\s+)?(?:" + WEEKDAYS + r"|week|month|year|this)\b"
    r"|on\s+(?:" + WEEKDAYS + r"|the\s+campaign\s+trail|" + PLATFORMS + r"|television)\b"
    r"|in\s+(?:an?|the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?(?:interview|statement|speech|op-ed|letter|tweet|post|"
    r"debate|appearance|conference|call|address)\b"
    r"|(?:" + WEEKDAYS + r")\b"
    r"|on\s+(?:multiple|several|numerous|many|repeated)\s+occasions\b"
    r"|but\s+(?:also\s+)?(?:was|is|has|had|did|does|would|will|could|said|[a-z]+ed)\b"
    r"))"
)
#: what opens a clause or an infinitive, not a noun phrase
CLAUSE_WORDS = "to|that|whether|if|how|what|why|when|where|who|which"
NOT_NP_RE = re.compile(rf"(?:{CLAUSE_WORDS})\b", re.IGNORECASE)


def object_end(masked: str, a: int, b: int) -> int:
    """Where the noun-phrase object of a stance verb from `a` ends, at most `b`: before a
    circumstance of the act (`OBJECT_CIRCUMSTANCE_RE`); a clause or an infinitive ("wants to
    ...", "asked whether ...") keeps its adjuncts, which may be its own."""
    if NOT_NP_RE.match(masked, a):
        return b
    m = OBJECT_CIRCUMSTANCE_RE.search(masked, a, b)
    return m.start() if m and m.start() > a else b


#: a bare clause that cannot be an object: a subject, then an auxiliary or a modal ("feared her
#: boss would object", "vowed she and her crew would finish the pier"); a verb that otherwise
#: needs "that" ("hoped", "vowed", "feared") reports it
FINITE_CLAUSE_RE = re.compile(
    r"\s*(?:he|she|they|we|I|it|you|there|(?:the|an?|his|her|their|its|our|my|this|these|those|some|many|most)"
    r"\s+(?:[\w\-’']+\s+){0,3}?[\w\-’']+|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+)?"
    r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"
    r"(?:\s+and\s+(?:his|her|their|its|the)?\s*[\w\-]+)?"
    r"\s+(?:would|will|could|can|should|might|may|must|is|are|was|were|has|have|had|wo|won’t|won't|"
    r"wouldn’t|wouldn't|isn’t|isn't|wasn’t|wasn't)\b"
)
#: a modal right after the cue: the clause's subject is the relative gap before the speaker
GAP_MODAL_RE = re.compile(r"\s*(?:will|would|could|can|might|may|should|must)\s+[a-z]")


def bare_clause(masked: str, at: int) -> bool:
    """A clause with no "that" at `at` that a verb needing "that" ("hoped", "feared") still
    reports: a subject and an auxiliary, or a modal whose subject is the relative gap ("a plan
    she hopes will save the pier")."""
    return bool(FINITE_CLAUSE_RE.match(masked, at) or GAP_MODAL_RE.match(masked, at))


#: a relative clause between a speaker and a cue ("Residents who [opposed]")
REL_WHO_RE = re.compile(r"\s+(?:who|that)\s+(?:[a-z]+\s+){0,2}$")


def in_subject_relative(masked: str, base: int, f, nxt) -> bool:
    """Frame `f` stands in a relative clause of the subject that frame `nxt` shares ("Residents
    who opposed the levy said ..."): its content ends where `nxt`'s verb begins."""
    return (
        f.mention is not None
        and nxt.mention is not None
        and nxt.mention.start == f.mention.start
        and not (nxt.inverted or nxt.inherit or f.inverted or f.inherit)
        and bool(REL_WHO_RE.match(masked, f.mention.end - base, f.cue_start))
    )


TO_VERB_RE = re.compile(
    r"(?:not\s+)?to\s+(?!(?:a|an|the|his|her|their|its|this|that|these|those|my|our|your|some|any|him|them|"
    r"me|us|it|what|which|whom|date|\d)\b)[a-z]"
)
#: the verb of a "to ..." clause, past a "help"
TO_HEAD_RE = re.compile(r"(?:not\s+)?to\s+(?:help\s+(?:to\s+)?)?([a-z]+)")


def promised_act(masked: str, at: int, lemma: str) -> bool:
    """The "to ..." clause at `at` is what a commitment verb reports ("vowed to repeal the
    law", "threatened to sue"): not "declined to say ..." ("say" frames its own content), nor
    a pledge of resources ("pledged to send aid", "to help fund"), an act, not words."""
    if not TO_VERB_RE.match(masked, at):
        return False
    head = TO_HEAD_RE.match(masked, at)
    verb = head.group(1) if head else ""
    if verb in SAY_BASE_FORMS and CATENATIVE_TO_RE.search(masked, max(0, at - 60), at + 3):
        return False
    return not (lemma == "pledge" and verb in lx.GIVING_VERBS)


CLAUSE_COMMA_RE = re.compile(r",(?!\d)")
MASKED_RUN_RE = re.compile(rf"[{SPEECH}]+")


#: a conjunction, or a semicolon, right before a later frame's speaker ("..., but he said", "while
#: the pilots praised ...")
LATER_COORD_RE = re.compile(
    r"(?:[,;]\s*(?:and|but|while|whereas)\b|;|\s(?:while|whereas)\b)\s*[\w’'\-. ]{0,40}$"
)
#: verbs of saying (not of knowing or hoping, which nest in the content: "she hopes A, but she knows B")
SPEECH_VERB_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "argue",
        "note",
        "write",
        "insist",
        "claim",
        "warn",
        "explain",
        "suggest",
        "stress",
    }
)


def coordinated_start(masked: str, at: int, later: list, n: int) -> int:
    """Where a later frame coordinated with the one ending at `at` starts ("..., but he said"),
    past a frame nested in the content between; `n` when none is."""
    for g in later:
        if (
            g.lemma in SPEECH_VERB_LEMMAS
            and not g.inherit
            and LATER_COORD_RE.search(masked, max(at, g.start - 80), g.start)
        ):
            return g.start
    return n


def clause_comma(masked: str, a: int, b: int, text: str = "", base: int = 0) -> int:
    """The first comma in [a, b) that is no thousands separator ("2,400"), or -1; with the
    text, also a comma inside the marks that close a quotation ('that “the pier is safe,”
    the engineers said': the end of the quotation)."""
    m = CLAUSE_COMMA_RE.search(masked, a, b)
    end = m.start() if m else -1
    if text:
        for q in MASKED_RUN_RE.finditer(masked, a, end if end >= 0 else b):
            if q.end() < b and comma_in_marks(text, base + q.start(), base + q.end()):
                return q.end()
    return end


def circumstance_only(masked: str, a: int, b: int) -> bool:
    """The words in [a, b) only say where or when ("In a radio address in May", "On Monday"):
    a prepositional phrase with no verb, which is no reported content."""
    head = masked[a:b]
    return bool(CIRCUMSTANCE_HEAD_RE.match(head)) and not FINITE_RE.search(head) and count_words(head) <= 8


ASIDES = "however|though|too|also|again|then|instead|in turn"
#: "said of the levy that ...", "talked about ...": a preposition that opens what it is about
OF_START_RE = re.compile(r"^\s*(?:of|about|to)\s")
#: punctuation that ends a clause between a cue and what may be its content
STOP_PUNCT_RE = re.compile(r"[.;:—–]|\s--?\s")
#: adverbs set off by commas between a cue and its content ("noted, however, that")
ASIDE_ADVERB_RE = re.compile(rf"^\s*,\s*(?:{ASIDES}|moreover)\s*,\s*$")
#: whom it was said to, before "that" ("assured residents that", "promised Ms. Lind that")
IOBJ_RE = re.compile(
    r"^\s*(?:him|her|them|me|us|you|(?:the|his|her|their|its|some|many|all)\s+(?:[\w\-’']+\s+){0,3}?[\w\-’']+"
    r"|(?!(?:is|are|was|were|has|have|had|will|would)\b)[a-z][\w\-]*|[A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]+){0,3})"
    r"(?:\s+(?!(?:is|are|was|were|has|have|had|will|would)\b)[a-z][\w\-]*){0,2}\s*$"  # "the Ledger's editorial board"
)
IOBJ_LEMMAS = frozenset(
    {
        "assure",
        "promise",
        "warn",
        "remind",
        "tell",
        "inform",
        "convince",
        "persuade",
        "advise",
        "caution",
        "notify",
    }
)


def that_gap_ok(between: str, lemma: str) -> bool:
    """The words between a cue and "that" leave the that-clause its content: nothing, "of the
    levy", a comma, an aside adverb, a place or time ("said in May that"), or whom it was said
    to after a verb that takes one ("assured residents that")."""
    if SPEECH in between:
        return False
    if lemma in IOBJ_LEMMAS and IOBJ_RE.match(between):
        return True
    if STOP_PUNCT_RE.search(between) or count_words(between) > 12:
        return False
    return bool(
        not between.strip()
        or PREP_START_RE.match(between)
        or OF_START_RE.match(between)
        or between.strip() in (",", "only", "simply", "merely", "just")  # "said only that ..."
        or ASIDE_ADVERB_RE.match(between)
    )


#: a one-word object that is content: a name or a pronoun ("attacked Kim", "endorsed her")
ONE_WORD_OBJECT_RE = re.compile(r"(?:[A-Z][\w’'\-]+|him|her|them|[a-z]{4,})")


def one_word_object(object_only: bool, masked: str, a: int, b: int) -> bool:
    """One word is the content of a stance verb (`object_only`: no verb of saying) when it
    names someone ("As Kim attacked Reyes, ...")."""
    return object_only and bool(ONE_WORD_OBJECT_RE.fullmatch(masked, a, b))


def comma_before(text: str, masked: str, base: int, at: int) -> bool:
    """A comma ends the words before `at`, or the quotation that ends them has its comma
    inside the marks ('“a mess,” the Ledger reported')."""
    i = at
    det = DET_BEFORE_RE.search(masked, max(0, at - 8), at)  # the speaker's determiner ("the Ledger")
    if det:
        i = det.start()
    while i > 0 and masked[i - 1].isspace():
        i -= 1
    if i == 0:
        return False
    if masked[i - 1] == ",":
        return True
    # a quoted phrase inside the content (a whole quotation before "she said" has a frame of its own)
    return masked[i - 1] == FRAG and comma_in_marks(text, base, base + i)


def prep_content(masked: str, a: int) -> bool:
    """Content at `a` that opens with a preposition is where or how it was said ("said in a
    statement"), not what: unless "that" introduced it ("said that in her town, ...") or it
    is an infinitive ("to ...")."""
    if TIME_ONLY_RE.match(masked, a):
        return True  # "had forecast last spring": when, not what
    if not PREP_CONTENT_RE.match(masked, a) or masked.startswith("to ", a):
        return False
    if masked.startswith("as ", a) and REL_SUBJECT_RE.search(masked, max(0, a - 80), a):
        return False  # "whom she described as “reckless”": the relative pronoun is the object
    return not THAT_END_RE.search(masked, max(0, a - 8), a)


def close_of_complement(
    index: QuoteIndex, text: str, base: int, masked: str, a: int, b: int, reach: int
) -> int:
    """Where the content of a naming verb or of "according to" ends: at the close of the
    quotation that opens it (within `reach` characters of its start) when a comma or a dash
    parts it from the words after it, or only where and when it was said follows ("which X called “a scandal,” citing ...": the
    quotation is the words; "According to X, “...,” perhaps because ...": the rest is
    the writer's)."""
    start = a
    while start < b and masked[start].isspace():
        start += 1
    for q in index.within(base + start, base + min(b, start + reach + 1)):
        end = q.end - base
        if q.unclosed or end >= b:
            return b
        if SPEECH in masked[start : q.start - base] or not masked[end:b].strip(" ,.;:!?\u201d\"'\u2019"):
            return b
        if (
            not re.match(r"\s*[,;\u2014\u2013-]", masked[end:b])
            and not text[q.start : q.end].rstrip("\"'\u201d\u2019").endswith(",")
            and not CIRCUMSTANCE_RE.match(masked, end, b)
        ):
            # "According to X, “the plan” is dead.", "called it “a blueprint” for ...": the
            # words after the close go on with the quotation's clause
            return b
        return end
    return b


#: a gerund adjunct of the act after a noun-phrase object ("after dropping the firm", "despite
#: trailing in the polls")
ING_ADJUNCT_RE = re.compile(
    r",?\s+(?:after|before|despite|while|since|without)\s+(?!(?:spring|morning|evening|nothing|something|"
    r"anything|everything|thing|meeting|hearing|briefing|building|wedding|funding|polling|ruling|spending)\b)"
    r"[a-z]{3,}ing\s+[A-Za-z]"
)


def short_np(masked: str, a: int, b: int) -> bool:
    """[a, b) is a short noun phrase ("the deal with the firm"), not a clause or an infinitive."""
    return (
        count_words(masked[a:b]) <= 8
        and not CLAUSE_HEAD_RE.match(masked, a)
        and not FINITE_RE.search(masked, a, b)
        and lx.IRREGULAR_PAST.isdisjoint(masked[a:b].split())  # "the rain came": a clause
        and not THAT_END_RE.search(masked, max(0, a - 8), a)  # after "that", a clause
    )


#: what opens a clause or an infinitive in reported content, not a noun phrase
CLAUSE_HEAD_RE = re.compile(
    rf"\s*(?:{CLAUSE_WORDS}|he|she|they|we|I|it|you|there|after|before|because|while|although|unless|until|since|once)\b"
)
#: a subordinate clause opening reported content ("said that if ..., ...")
SUB_OPEN_RE = re.compile(
    r"\s*(?:if|when|whenever|while|although|though|because|after|before|once|unless|until|since|as\s+long\s+as"
    r"|(?P<pp>as\s+of|in|on|at|by|during|over|within|throughout|across))\s"
)


def holds_reports(out: list, masked: str, base: int, lead_len: int, at: int, lemma: str, trivial) -> bool:
    """The quotes found so far in a sentence (`out`) all lie in the clause before an "according
    to X" at `at` that ends the sentence (`trivial`: nothing but where or when follows): X's
    report holds them ("Two others pledged to back her, according to Reyes"), unless the
    attribution is a bracketed aside ("(..., according to X)")."""
    return (
        bool(trivial)
        and lemma in ("according to", "say", "report", "write", "tell", "add", "note")
        and bool(out)
        and all(r.kind != "direct" and r.end - base <= lead_len and (r.cue_start or 0) < r.start for r in out)
        and masked.count("(", 0, at) <= masked.count(")", 0, at)
    )


def content_end(
    index: QuoteIndex,
    text: str,
    base: int,
    masked: str,
    a: int,
    b: int,
    *,
    cue_start: int,
    lemma: str,
    cue: str,
) -> int:
    """Where reported content from `a` ends, at most `b` (sentence offsets): at the next
    speaker or clause (`CUT_RE`); before the writer's reason (", because ..."); for "X, who
    said ..., issued ...", before the main clause's verb; for a naming verb or "according to",
    at the close of the quotation that opens it (`close_of_complement`)."""
    at = a
    sub = SUB_OPEN_RE.match(masked, a)
    if sub:
        # "said that if the levy passes, the pier will close", "found that by June, ...": the
        # comma closes the clause or phrase that opens the content, and the main clause goes on
        comma = masked.find(",", a, b)
        at = comma + 1 if comma > 0 and count_words(masked[a:comma]) <= (6 if sub.group("pp") else 20) else a
    cut = CUT_RE.search(masked, at, b)
    while cut is not None:
        ing = PARTICIPLE_CUT_RE.match(masked, cut.start())
        if (
            ing
            and ing.group(1) not in lx.VERB_FORMS
            and not masked.startswith(" that", ing.end())  # "..., estimating that": a report of its own
            and FINITE_RE.search(masked, a, cut.start())
        ):
            # "insisted the slump would pass, reflecting ...": a participle after a clause
            # with its own verb goes on with the clause (after a noun phrase, "declared war,
            # leading to ...", it is the writer's)
            at = cut.end()
            cut = CUT_RE.search(masked, at, b)
            continue
        if not APPOSITIVE_CUT_RE.match(masked, cut.start()):
            break
        # "said that the Ledger, a rival paper, has done ...": an appositive of the content's
        # subject, closed by a comma, and the content goes on; after a longer head, only when
        # the clause goes on with its verb or complement ("the claim, which covers the bay, invalid")
        close = masked.find(",", cut.end(), min(b, cut.end() + 80))
        if close < 0 or not masked[close + 1 : b].strip() or masked[close + 1 : close + 2] == ",":
            break
        if count_words(masked[a : cut.start()]) > 4 and not GOES_ON_RE.match(masked, close + 1, b):
            break
        at = close + 1
        cut = CUT_RE.search(masked, at, b)
    if cut:
        b = cut.start()
    head = QUOTE_THEN_VERB_RE.match(masked, a, b)
    if head and set(head.group("q")) in ({SPEECH}, {FRAG}):
        b = head.end("q")  # "said “The Harbor Folks” and swears ...": the quotation, then her next verb
    cut = ATTRIBUTED_QUOTE_RE.search(masked, a, b)
    if cut and count_words(masked[a : cut.start()]) >= 2:
        b = cut.start()  # "lamenting the churn: “...,” she said": the quotation has its own speaker
    cut = WRITER_ASIDE_RE.search(masked, a, b)
    if cut and DASH_RE.match(masked, cut.start()):
        close = DASH_RE.search(masked, cut.end(), min(b, cut.end() + 100))
        if close and GOES_ON_RE.match(masked, close.end() - 1, b):
            cut = None  # "the council – a slim half of it – knows better": an appositive
    if cut and count_words(masked[a : cut.start()]) >= 2:
        b = cut.start()  # "claimed the count was wrong even though ...", "... — a claim he ...": the writer's
    cut = NEW_CLAUSE_RE.search(masked, a, b)
    if cut and count_words(masked[a : cut.start()]) >= 2 and SPEECH not in masked[cut.start() : b]:
        b = cut.start()  # "said the levy would pass, but the council refused": the writer goes on
    cut = (
        AND_VP_RE.search(masked, a, b) if masked.startswith("to ", a) or lemma not in SPEECH_LEMMAS else None
    )
    if cut:  # "endorsed Kim and has clashed with her ...", "vowed to stay and praised ...": her next act
        b = cut.start()
    cut = OBJECT_CIRCUMSTANCE_RE.search(masked, a, b)
    if cut and cut.start() > a and short_np(masked, a, cut.start()) and " that " not in masked[cut.end() : b]:
        b = cut.start()  # "announced their backing on Friday": when, the writer's
    cut = ING_ADJUNCT_RE.search(masked, a, b)
    if cut and short_np(masked, a, cut.start()):
        b = cut.start()  # "announced the deal after dropping the firm": when, the writer's
    cut = BECAUSE_CUT_RE.search(masked, a, b)
    if cut and count_words(masked[a : cut.start()]) >= 3:
        b = cut.start()  # "doesn't expect a deal soon, because ...": the reason is the writer's
    if WHO_CUE_RE.search(masked, max(0, cue_start - 100), cue_start):
        cut = MAIN_VERB_AFTER_RE.search(masked, a, b)
        if cut:
            b = cut.start()
    if lemma == "according to" or lemma in lx.NAMING_VERBS or cue.lower() in lx.NAMING_VERBS:
        b = close_of_complement(index, text, base, masked, a, b, 0 if lemma == "according to" else 80)
    det = DET_BEFORE_RE.search(masked, max(a, b - 8), b)
    return det.start() if det and b - a > 8 else b  # '“...,” the Ledger reported': not its "the"
