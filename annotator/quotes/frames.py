"""Frames: each reporting cue of a sentence paired with its speaker (before or after the
cue), or marked to inherit the speaker of its clause ("..., adding that ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.quotes import lexicon as lx
from annotator.quotes.cues import NOT_A_CUE_AFTER_RE, OBJECT_LEMMAS, SPEECH_LEMMAS, find_cues, lemma_of
from annotator.quotes.patterns import (
    ABBR_TITLES,
    FRAG,
    FUNCTION_WORDS,
    INTRO_ONLY_RE,
    LEAD_RE,
    NAMERUN,
    PREP_START_RE,
    SPEECH,
    WEEKDAYS,
    comma_in_marks,
    count_words,
    lead_tail,
)
from annotator.quotes.records import Mention
from annotator.quotes.speakers import left_speaker, right_speaker
from annotator.quotes.subjects import OPENING_ING_RE, np_kind, sentence_subject


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


COORD_RE = re.compile(
    r"(?:^|\s)(?:and|but|then)(?:\s+(?:" + lx.alternation(lx.AUX - {"who", "which"}) + r"|[a-z]\w*ly))*\s*$"
)

#: a participle coordinated with an earlier one: "..., acknowledging that A but warning"
COORD_ING_RE = re.compile(r",\s+[a-z]+ing\b[^,;:]{0,200}\s(?:and|but)(?:\s+also)?\s*$")
#: a described person after "said" ("..., said an official who ...", "said one pilot")
INVERTED_NP_RE = re.compile(r"(?:an?|one|another|two|three|several)\s")
#: a verb that takes a verb of saying after "to" ("continued to say", "declined to insist")
CATENATIVE_TO_RE = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|tr(?:y|ies|ied|ying)|"
    r"struggl(?:e|es|ed|ing)|decid(?:e|es|ed)|chose|seem(?:s|ed)?|appear(?:s|ed)?|"
    r"(?:went|goes|go|going)\s+out\s+of\s+(?:his|her|their|its)\s+way|"
    r"(?:is|was|are|were|be|been)\s+(?:not\s+)?(?:willing|unwilling|ready|eager|quick|careful|reluctant|hesitant|able|unable))"
    r"\s+to\s+$"
)
SAY_BASE_FORMS = frozenset(
    {
        "say",
        "insist",
        "argue",
        "claim",
        "suggest",
        "warn",
        "explain",
        "acknowledge",
        "admit",
        "deny",
        "stress",
        "emphasize",
        "assert",
        "predict",
        "maintain",
    }
)
#: a clause before ", who ...": the object of its verb is whom "who" stands for
REL_OBJECT_RE = re.compile(
    r"\b(?:[a-z]{3,}ed|met|told|saw|heard|led|is|was|are|were|has|have|had)\s+(?:(?:for|to|with|by|on|at|from)\s+)?"
    r"(?P<np>(?:the|an?|his|her|their|its|our|some|many|several|\d+)\s+[^,;]+|(?P<name>[A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]+){0,3}))$"
)
REL_RE = re.compile(r",\s*who(?:\s+(?:" + lx.alternation(lx.AUX - {"who", "which"}) + r"|[a-z]\w*ly))*\s*$")

IT_RE = re.compile(r"(?:^|(?<=[\s,;:]))[Ii]t\s+(?:also\s+)?$")

ACC_NP_RE = re.compile(
    rf"\s+(?P<spk>(?:\b(?:{ABBR_TITLES}|[A-Z])\.|[^,;:()\[\]{SPEECH}.—–]|\.(?=\S))+?)(?=\s*(?:[,;:)\]{SPEECH}—–]|\s-\s|"
    rf"\s(?:but|and|while|who|which|as|after|before|because|although)\s|\.(?:\s|$)|$))"
)

AND_GROUP_RE = re.compile(r"\s+and\s+(?:[\w\-]+\s+){0,3}?(?i:" + lx.alternation(lx.GROUP_NOUNS) + r")\b")
AND_NAME_RE = re.compile(r"\s+and\s+(?:[A-Z][\w’'\-]*\.?\s+){1,3}?[A-Z][\w’'\-]+(?=\s*[.,;:]|$)")
#: what may follow an inverted speaker (and its appositive) for it to be the speaker: the end
#: of the sentence, a closing punctuation, or a quotation
INVERTED_END_RE = re.compile(rf"\s*(?:[.!?;:]|,\s*{SPEECH}|$)")

#: the possessor right before a view noun: "His view is", "Ann Kim’s own argument was"
POSSESSOR_RE = re.compile(
    rf"(?:(?<![\w’'])(?P<pro>[Hh]is|[Hh]er|[Tt]heir)|(?P<name>{NAMERUN})['’]s?)\s+(?:own\s+|main\s+|central\s+)?$"
)

PROGRESSIVE_RE = re.compile(
    r"\b(?:is|are|was|were|been|be|am|kept|keeps|began|begins|started|starts|continued|continues)(?:\s+\w+ly)*\s+$"
)

ISSUED_RE = re.compile(
    r"\b(?:issued|issues|released|releases|sent(?:\s+out)?|sends(?:\s+out)?|posted|posts|put\s+out|published|"
    r"wrote|signed|emailed|e-mailed|texted)\s+(?:(?:a|an|the|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,2}?"
    r"(?:statement|letter|memo|release|note|post|message|op-ed|column|tweet|report|email|e-mail)"
    r"(?:\s+to\s+(?:[\w’'\-]+\s+){0,2}?[\w’'\-]+)?|(?:his|her|their|its)?\s*(?:supporters|followers|reporters|"
    r"members|donors|staff))"
    # "released a statement Wednesday evening saying": when
    r"(?:\s+(?:on\s+)?(?:" + WEEKDAYS + r"|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:last|this|earlier\s+this)\s+(?:week|month|year|morning))?"
    r"\s*,?\s*$"
)

TRAILING_TIME_RE = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+(?:week|month|year|night)|"
    r"this\s+(?:week|month|year|morning)|earlier\s+this\s+(?:week|month|year)|on\s+\w+day)$"
)

#: a preposition (and article) right before a name: the name is its object, not a subject
#: a speaker found that is a preposition's object ("to Eastport voters")
#: (not "with some warning that ...", "a group of parents saying ...": they are the subject)
PREP_HEAD_RE = re.compile(r"(?:to|for|at|from|on|into)\s")
#: ... or inside a group's words, before the group ("a pitch to voters saying ...")
PREP_IN_RE = re.compile(r"\s(?:to|for|at|from|on|into)\s")
#: ... or right before it ("to (Eastport voters)")
ADDRESSEE_BEFORE_RE = re.compile(r"\b(?:to|at|from|on|into)\s+$")
PREP_OBJECT_RE = re.compile(
    r"\b(?:of|at|in|on|from|with|to|for|near|outside|inside|into|through|across|toward|towards)\s+(?:the\s+)?$"
)

#: part of a group named before it: "..., many of them chanting"
OF_THEM_RE = re.compile(r"(?:many|some|most|several|all|few|dozens|hundreds)\s+of\s+them$", re.I)
#: an adverb between a clause's comma and its participle: "..., alternately shouting"
ADVERB_AFTER_COMMA_RE = re.compile(
    r",\s+(?:[a-z]+ly|also|then|again|even|often|sometimes|once\s+again|in\s+turn|at\s+times"
    r"|at\s+(?:one|another|some)\s+point)$"
)

BY_END_RE = re.compile(r"(?:^|\s)(?:by|after|before|while|when|in)$")


PHRASAL_AFTER_RE = re.compile(r"\s+(?:up\b|off\b|\d|by\s+\d)")
#: a determiner right before a cue word makes it a noun ("no doubt", "a claim", "the report")
NOUN_DET_RE = re.compile(r"(?<![\w’'\-])(?:[Nn]o|[Aa]n?|[Tt]he|[Aa]ny|[Ll]ittle)\s+$")


#: a source noun and the participle and time after it ("poll released Monday", "survey
#: conducted last spring", "poll out today")
SOURCE_TAIL_RE = re.compile(
    r"\b(?P<head>" + lx.alternation(lx.SOURCE_NOUNS) + r")\s+(?:released|conducted|published|taken|"
    r"out|issued|commissioned)\b.*$",
    re.IGNORECASE,
)


def source_head(text: str, spk: Mention) -> Mention:
    """A noun-phrase speaker cut after its source noun: "A harbor poll released Monday" is "A harbor poll"."""
    if spk.kind != "np":
        return spk
    m = SOURCE_TAIL_RE.search(spk.text)
    if m is None:
        return spk
    b = spk.start + m.end("head")
    return Mention(spk.start, b, text[spk.start : b], spk.kind)


def intro_only(lead0: str) -> bool:
    """Nothing, or a short adverbial ("Over the next decade", "In 2019") before a cue."""
    if not lead0:
        return True
    return (
        count_words(lead0) <= 6
        and SPEECH not in lead0
        and "," not in lead0
        and bool(PREP_START_RE.match(lead0[:1].lower() + lead0[1:]) or INTRO_ONLY_RE.match(lead0))
    )


#: adverbs that sit between a passive's auxiliary and its participle ("was also accused")
PASSIVE_ADVERBS = frozenset(
    {"also", "not", "never", "often", "still", "already", "even", "once", "since", "long"}
)


#: a clause after a verb: "that", or a subject and its verb ("claims the pier is safe")
VERB_CLAUSE_AFTER_RE = re.compile(
    r"\s+(?:that\b|(?:(?:the|a|an|his|her|its|their|he|she|it|they)\b[^,;:.]{0,40}?|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"
    r"\s(?:is|are|was|were|has|have|had|will|would|can|could|should|must|[a-z]+s)\b)"
)


NOT_SUBJECT_END = frozenset({"over", "about", "of", "for", "with", "by", "from", "into", "against", "amid"})


def agrees_as_verb(spk: str, low: str, masked: str, ce: int) -> bool:
    """A singular noun-phrase subject, then a word that may be a plural noun or a verb ending
    in "-s" ("The port authority claims the pier is safe"), then a clause: the verb."""
    head = spk.rsplit(None, 1)[-1]
    return (
        low.endswith("s")
        and not head.endswith(("s", "’s", "'s"))
        and head.lower()
        not in FUNCTION_WORDS | NOT_SUBJECT_END  # "Concerns rose over claims that ...": no subject
        and bool(VERB_CLAUSE_AFTER_RE.match(masked, ce))
    )


def addressed(spk: Mention, lemma: str, masked: str, base: int, cs: int) -> bool:
    """The speaker found before a participle cue at `cs` is who is addressed, the object of a
    preposition ("made her case to Eastport voters saying ..."), unless a message was sent to
    them ("emailed a note to the board saying ...": its sender speaks)."""
    if PREP_HEAD_RE.match(spk.text):
        return True
    return (
        spk.kind in ("group", "name")
        and lemma in SPEECH_LEMMAS
        and bool(
            PREP_IN_RE.search(spk.text)
            or ADDRESSEE_BEFORE_RE.search(masked, max(0, spk.start - base - 8), spk.start - base)
        )
        and not ISSUED_RE.search(masked, max(0, cs - 80), cs)
    )


def find_frames(text: str, masked: str, base: int) -> list[Frame]:
    frames: list[Frame] = []
    for m in find_cues(masked):
        cue = m.group("cue")
        cs, ce = m.span("cue")
        low = cue.lower()
        lemma = lemma_of(cue)
        if low.split()[0] in lx.VIEW_NOUNS:
            # "His view is that ...", "Ann Kim's argument was that ...": the possessor holds it
            pm = POSSESSOR_RE.search(masked, max(0, cs - 80), cs)
            if pm is None:
                continue
            if pm.group("pro"):
                pro = lx.POSSESSIVE_PRONOUN[pm.group("pro").lower()]
                spk = Mention(base + pm.start("pro"), base + pm.end("pro"), pro, "pronoun")
            else:
                a, b = base + pm.start("name"), base + pm.end("name")
                spk = Mention(a, b, text[a:b], "name")
            frames.append(Frame(cue, "say", cs, ce, spk, pm.start(), ce))
            continue
        if lemma == "according to":
            spk, after = right_speaker(text, masked, base, ce)
            am = ACC_NP_RE.match(masked, ce)
            ag = AND_GROUP_RE.match(masked, am.end("spk")) if am else None
            am_end = (
                ag.end() if ag else am.end("spk") if am else 0
            )  # "local and state strategists": one group
            if am and (spk is None or am_end > spk.end - base) and len(am.group("spk").split()) <= 16:
                # the whole noun phrase up to the next punctuation: "according to engineers who
                # inspected the dam", "according to Ms. Ott's office"
                a, b = base + am.start("spk"), base + am_end
                end = b
                kind, a, b, org_at = np_kind(text, a, b)
                if kind:
                    spk, after = Mention(a, b, text[a:b], kind), am_end
                    if org_at is not None:  # "by Mia Holt of the Harbor Institute": her affiliation
                        spk.appositive, spk.app_start = text[org_at:end], org_at
            if spk is not None and spk.kind != "pronoun":
                tt = TRAILING_TIME_RE.search(spk.text)
                if tt and tt.start() > 0:  # "as first reported by the Harbor Times on Tuesday"
                    spk = Mention(spk.start, spk.start + tt.start(), spk.text[: tt.start()], spk.kind)
            if spk is None or (spk.kind == "pronoun" and spk.text.lower() == "i"):
                continue
            co = AND_NAME_RE.match(masked, after) if spk.kind == "name" else None
            if co:  # "according to Ann Kim and Tom Reyes": the first named speaks for both
                after = co.end()
            if (
                spk.appositive
                and cs <= 200
                and intro_only(masked[:cs].strip(" ,—–-"))
                and (
                    masked[after : after + 2].strip()[:1] != ","
                    or masked[after + 1 : after + 2].isdigit()  # "2,200": a number, not a closing comma
                )
            ):
                # "According to X, the content.": no appositive unless a second comma closes it
                spk.appositive = spk.app_start = None
                after = spk.end - base
            frames.append(Frame(cue, lemma, cs, ce, spk, cs, after, inverted=True))
            continue
        if NOT_A_CUE_AFTER_RE.match(masked, ce) and low in ("think", "thinks"):
            continue  # "think tanks", "think twice"
        if lemma in ("show", "decline") and PHRASAL_AFTER_RE.match(masked, ce):
            continue  # "showed up to vote", "traffic declined 12 percent": no speech
        if (
            NOUN_DET_RE.search(masked, max(0, cs - 8), cs)
            and not low.endswith(("ing", "ed"))
            and " " not in low
        ):
            continue  # "left no doubt that", "a report that": a noun after its determiner
        prev_words = masked[max(0, cs - 30) : cs].split()[-2:] or [""]
        prev_word = prev_words[-1:]
        if (
            len(prev_words) == 2
            and prev_words[1].islower()
            and (prev_words[1].endswith("ly") or prev_words[1] in PASSIVE_ADVERBS)
        ):
            prev_word = prev_words[
                :1
            ]  # "is widely expected", "was also accused": an adverb after the auxiliary
        if prev_word[0].lower() in lx.PASSIVE_AUX and (
            low.endswith("ed") or low in ("told", "said", "thought", "known", "found", "shown", "read")
        ):
            continue  # passive: "was told that", "is expected to"
        object_only = lemma in OBJECT_LEMMAS and lemma not in SPEECH_LEMMAS
        if low.split()[0].endswith("ing") and PROGRESSIVE_RE.search(masked, max(0, cs - 40), cs):
            low = "is " + low  # "has been pushing for": a finite verb, not a participle clause
        lead, _ = lead_tail(masked, cs, 200)
        if lemma in SPEECH_LEMMAS and lemma not in ("tell", "ask") and lead.endswith((",", SPEECH, FRAG)):
            inv, after = right_speaker(text, masked, base, ce)
            if (
                inv is not None
                and (inv.kind == "name" or (inv.kind == "np" and INVERTED_NP_RE.match(inv.text)))
                and INVERTED_END_RE.match(masked, after)
            ):
                # "..., said Dan Lee, a historian." : a name right after the cue, then the sentence
                # ends; it wins over a name earlier in the clause ("New York, a state that ...")
                frames.append(Frame(cue, lemma, cs, ce, inv, cs, after, inverted=True))
                continue
        spk = left_speaker(text, masked, base, cs)
        if spk is not None and low.endswith("ing") and addressed(spk, lemma, masked, base, cs):
            # "made her case to Eastport voters saying ...": the clause's subject says it
            frames.append(Frame(cue, lemma, cs, ce, None, cs, ce, inherit=True))
            continue
        if (
            spk is not None
            and (spk.kind == "np" or spk.appositive)
            and low.endswith("ing")
            and lead.endswith(",")
        ):
            spk = None  # "X reiterated that approach in an interview, saying ...": X, not the phrase
        elif (
            spk is not None
            and low.endswith("ing")
            and lead.endswith(",")
            and PREP_OBJECT_RE.search(masked, max(0, spk.start - base - 16), spk.start - base)
        ):
            spk = None  # "marched on the first day of the Harbor Convention, chanting": a place, not X
        elif (
            spk is not None
            and OF_THEM_RE.match(spk.text)
            and masked[max(0, spk.start - base - 20) : spk.start - base].rstrip().endswith(",")
        ):
            # "About 120 residents packed the hall, many of them chanting ...": the residents
            group = sentence_subject(text, masked[: min(spk.start - base, 400)], base)
            spk = group if group is not None and group.kind == "group" else spk
        issued = ISSUED_RE.search(masked, max(0, cs - 80), cs) if low.endswith("ing") else None
        if issued:  # "Ann Kim issued a statement saying ...": the statement's author speaks
            spk = left_speaker(text, masked, base, issued.start()) or spk
        if (
            object_only
            and spk is not None
            and not issued
            and (
                (spk.kind == "np" and not low.split()[0].endswith(("ed", "spoke")))
                or low.split()[0].endswith("ing")
            )
        ):
            spk = None
        if spk is not None:
            spk = source_head(text, spk)  # "A harbor poll released Monday shows": the poll
            heads = (spk.text, spk.text.split(" of ", 1)[0])  # (and "A survey of residents": the survey)
            if (
                low in lx.AMBIGUOUS_FORMS
                and spk.kind == "np"
                and not any(h.rsplit(None, 1)[-1].lower() in lx.SOURCE_NOUNS for h in heads)
                and not LEAD_RE.search(masked[max(0, spk.start - base - 120) : spk.start - base].rstrip())
                and not any(agrees_as_verb(h, low, masked, ce) for h in heads)
            ):
                continue
            frames.append(Frame(cue, lemma, cs, ce, spk, spk.start - base, ce))
            continue
        if low.split()[0].endswith("ing") and (
            lead.endswith((",", SPEECH))
            or BY_END_RE.search(lead)
            or OPENING_ING_RE.match(lead)  # "While saying that ..., she ..."
            or ADVERB_AFTER_COMMA_RE.search(lead)
            # "a defense of “harbor values,” saying ...": the comma inside the term's marks
            or (lemma in SPEECH_LEMMAS and lead.endswith(FRAG) and comma_in_marks(text, base, base + cs))
        ):
            frames.append(Frame(cue, lemma, cs, ce, None, cs, ce, inherit=True))
            continue
        window = masked[max(0, cs - 80) : cs]
        if COORD_RE.search(window) and (not low.endswith("ing") or COORD_ING_RE.search(window)):
            # "X shook her head and said ...", "..., acknowledging that A but warning that B":
            # the speaker of the clause
            frames.append(Frame(cue, lemma, cs, ce, None, cs, ce, inherit=True))
            continue
        rel = REL_RE.search(masked[max(0, cs - 40) : cs])
        if rel:
            comma = cs - (len(masked[max(0, cs - 40) : cs]) - rel.start())
            spk = left_speaker(text, masked, base, comma)
            obj = REL_OBJECT_RE.search(spk.text) if spk is not None and spk.kind in ("np", "group") else None
            if obj:  # "Kim thanked the crews, who said ...": the crews, not the clause
                spk = Mention(
                    spk.start + obj.start("np"),
                    spk.end,
                    obj.group("np"),
                    "name" if obj.group("name") else "np",
                )
            if spk is not None and spk.kind != "pronoun":
                frames.append(Frame(cue, lemma, cs, ce, spk, cs, ce))
                continue
        if low in (
            "said",
            "says",
            "added",
            "reported",
            "announced",
            "stated",
            "wrote",
            "noted",
            "warned",
        ) and IT_RE.search(masked[max(0, cs - 20) : cs]):
            a = base + cs - len(IT_RE.search(masked[max(0, cs - 20) : cs]).group())
            frames.append(
                Frame(cue, lemma, cs, ce, Mention(a, a + 2, text[a : a + 2], "pronoun"), a - base, ce)
            )
            continue
        cat = CATENATIVE_TO_RE.search(masked, max(0, cs - 60), cs) if low in SAY_BASE_FORMS else None
        if cat:  # "continued to say ...", "declined to insist ...": the subject of the first verb
            spk = left_speaker(text, masked, base, cat.start())
            if spk is None:
                frames.append(Frame(cue, lemma, cs, ce, None, cs, ce, inherit=True))
            else:
                frames.append(Frame(cue, lemma, cs, ce, spk, spk.start - base, ce))
            continue
        if (
            low in lx.AMBIGUOUS_FORMS
            and not low.endswith("ed")
            and low not in ("said", "told", "wrote", "thought")
            and not (low in ("read", "reads") and lead.endswith((SPEECH, ",")))  # "“...,” read the note"
        ):
            continue
        if object_only:
            continue
        if (
            (lead.endswith((SPEECH, ",", FRAG)) or not lead)
            and not (
                # "A spokesman for the Lenders Association, Jo Marsh, called the bill ...": a naming
                # verb takes its object after it, never its subject (unless a quotation precedes it)
                low in lx.NAMING_VERBS and not lead.endswith((SPEECH, FRAG))
            )
            # "“...,” Ann Kim, Democrat of Eastport, told Mr. Reyes": whom she told, never who spoke
            and not (lemma == "tell" and not lead.endswith((SPEECH, FRAG)))
            and not low.split()[0].endswith("ing")  # "“harbor values,” saying the city ...": no speaker after
        ):
            spk, after = right_speaker(text, masked, base, ce)
            if (
                spk is not None
                and spk.text.lower() != "i"
                and (lead.endswith((SPEECH, ",", FRAG)) or spk.kind == "name" or cue[:1].isupper())
            ):
                frames.append(Frame(cue, lemma, cs, ce, spk, cs, after, inverted=True))
    # "followed the line by posting attacks on ...": a weak cue's participle with no quotation
    # after it frames nothing, and does not end the content it stands in
    return [
        f
        for f in frames
        if not (f.inherit and f.lemma in lx.WEAK_ING and SPEECH not in masked[f.end : f.end + 4])
    ]
