"""Speakers: the words naming who speaks at a cue. Before the cue (a name, a pronoun, a
group, a described person, "Name, appositive,", asides in brackets or dashes), after it
(inverted: "..., said Dr. X, a lecturer at Y"), or the subject of the sentence.
"""

from __future__ import annotations

import re

from annotator.quotes import lexicon as lx
from annotator.quotes.patterns import (
    ABBR_TITLES,
    AND_REL_RE,
    BROADCASTER,
    CONTACT_ENDS,
    CONTACT_GROUP_RE,
    FRAG,
    FUNCTION_WORDS,
    HEAD_BEFORE_ING_RE,
    ING_CLAUSE_RE,
    MONTH_NAMES,
    NAMERUN,
    PLATFORMS,
    PRON,
    SOURCE_OF_GROUP_RE,
    SPEECH,
    TOK,
    UPPER,
    WEEKDAYS,
    WHO_RE,
    WORD,
    app_has_verb,
    aux_tail,
    comma_in_marks,
    people_around,
    preposed_description,
)
from annotator.quotes.records import Mention
from annotator.quotes.subjects import (
    NOT_ADVERBS,
    PERSON_OF_ORG_RE,
    SUBJ_END_BAD,
    clause_subject,
    clean_name_mention,
    headed_np,
    looks_like_org,
    np_kind,
    person_of_common,
    role_of_np,
)

# speaker noun phrases at the end of the text before a cue (applied to a bounded window)

#: a source's participle and the month or year it came out ("a survey published in May")
DATED_SOURCE_RE = re.compile(
    rf"\b(?:released|published|conducted|taken|issued|commissioned)(?P<when>\s+in\s+(?:early\s+|late\s+)?(?:{'|'.join(MONTH_NAMES)}|(?:19|20)\d\d))\s*$"
)
LEFT_PRON_RE = re.compile(rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>{PRON})$")

LEFT_NAME_RE = re.compile(rf"(?:^|(?<=[\s,;:(—–\-\"“”]))(?P<spk>{NAMERUN})$")

#: a group noun joined to the next: "Economists and (planners)": two groups are one speaker
GROUP_AND = rf"(?i:{lx.alternation(lx.GROUP_NOUNS)})\s+(?:and|or)\s+"

LEFT_GROUP_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>(?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Oo]ther|[Ff]ew|[Tt]he|[Tt]hese|"
    rf"[Tt]hose|[Bb]oth|[Aa]ll|[Tt]op|[Ss]enior|[Ss]ome \w+|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
    rf"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive)\s+)?(?:{WORD}\s+){{0,2}}?"
    rf"(?:{GROUP_AND})?(?:{lx.alternation(lx.GROUP_NOUNS)}|"
    rf"{lx.alternation(w.capitalize() for w in lx.GROUP_NOUNS)}))$"
)

LEFT_NP_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|"
    rf"[Tt]hat|[Aa]nother|[Oo]ne|{NAMERUN}[’']s)\s+(?:{WORD}\s+){{0,4}}?(?:{lx.alternation(lx.SPEAKER_NOUNS)}))$"
)

APPOS_CAND_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-]))(?P<spk>{NAMERUN}(?:\s+(?:of|at|from)\s+(?:the\s+)?{NAMERUN})?|"
    rf"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{WORD}\s+){{0,4}}?"
    rf"(?:{lx.alternation(lx.SPEAKER_NOUNS | lx.ROLE_WORDS)})"
    # "The employee of nearly four years, a ...": a short modifier after the head noun
    rf"(?:\s+(?:of|at|from|with|for)\s+(?:[\w’'\-]+\s+){{0,3}}[\w’'\-]+)?)"
    rf"(?:\s*\((?:[A-Z]{{1,2}}-)?[A-Z][\w.\s-]{{0,20}}\))?\s*,\s*"
)

#: a relative clause that runs on to the cue ("supporters who came to the rally say"): who precedes it speaks
REL_SUBJECT_RE = re.compile(rf"\swho\s[^,;:{SPEECH}]{{3,140}}$")

MODIFIED_NP_RE = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s.*\s(?:of|at|from|with|for)\s")

APP_START_RE = re.compile(
    rf"^(?:an?\s|the\s|who\s|whose\s|former\s|ex-|his\s|her\s|their\s|\d{{1,3}}(?:,|\s|$)|including\s|"
    rf"(?:Democrat|Republican|Independent)\s+(?:of|from)\s|"  # "Ann Kim, Democrat of Eastport,"
    rf"(?:at|of|from|with)\s+(?:the\s+)?[{UPPER}]|(?:{TOK}\s+)+(?:[a-z]+\s+)?(?:{lx.alternation(lx.ROLE_WORDS)})\b|"
    rf"(?!(?:in|on|at|during|from|of|since|after|before|by|with|to|and|but|or|as|when|while|where|if|which|that|"
    rf"is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|remained|remains|"
    rf"became|becomes|said|says|told|added|not|never)\b)"
    rf"[a-z][\w’'\-]*|(?:{TOK}\s+)*[{UPPER}][\w.&\-]*(?:[’']s|s[’'])\s)"  # "Kim's", "Harris' aide"
)


#: a word before a capitalised run that makes it the object of a phrase, not a subject
PREP_BEFORE_RE = re.compile(r"(?:^|\s)(?:of|the|at|for|from|in|on|with|by|to|into)\s+$", re.IGNORECASE)
WHO_OBJ_RE = re.compile(r"\s+who\s+[^,;:\ue000]*?\b(?:with|to|for|by|from|at|on)\s+(?:the\s+)?$")
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
        # a described NP with a modifier ("The employee of nearly four years,") opens its clause,
        # not "When X explored a campaign for mayor in 2009,"
        and not (
            MODIFIED_NP_RE.match(m.group("spk"))
            and core_r[: m.start()].rstrip()[-1:] not in ("", ",", ";", ":")
        )
    ]
    if cands:  # "Ann Kim, whose start-up, Harbor Data, uses ..., said": the relative clause is hers
        m = cands[0]
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
    for m in reversed(cands):
        app = core_r[m.end() : -1].strip()
        before = core_r[: m.start()].rstrip()
        if (
            not app
            and m.group("spk")[:1].isupper()
            and not re.match(r"(?:The|A|An|His|Her|Their)\s", m.group("spk"))
            and before.endswith(",")
            and (
                (before[:-1].split() or ["x"])[-1][:1].islower()  # not "from Houston, Texas,": a place
                # "A spokesman for the Lenders Association, Jo Marsh,": an organisation's name
                or (len(m.group("spk").split()) >= 2 and looks_like_org(" ".join(before[:-1].split()[-3:])))
            )
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

#: a name with a description before it: "former Harbor Bank economist Ann Kim", "state health
#: commissioner Ann Kim" (lower-case words only where a role word follows them)
DESCNAME = (
    rf"(?:(?:the|his|her|their|its|a|an)\s+)?(?:(?:{TOK}(?:[’']s|(?<=s)[’'])?|(?:{ROLEW})(?:\s+of)?|"
    rf"[a-z][\w\-]*(?=\s+(?:[a-z][\w\-]*\s+)?(?:{ROLEW})\s))\s+){{0,6}}{NAMERUN}(?![\w’'])"
)

EXTEND = rf"(?:\s+(?:of|with|from|at|for)\s+(?:the\s+)?{NAMERUN})?"

NP_STOP = (
    rf"[,.;:!?{SPEECH}(]|$|\s+(?:in|during|when|while|as|last|this|earlier|later|after|before|who|which|whose|"
    rf"that|and|but|told|said|says|wrote|added|adding|saying|according|on\s+(?:{WEEKDAYS}|a|an|{PLATFORMS}|{BROADCASTER})|at\s+(?:a|an)|{WEEKDAYS}|today|yesterday)\b"
)

GENERIC_NP = (
    rf"(?:the|a|an|another|his|her|their|its|one)\s+(?:[\w’'\-.&]+\s+){{0,12}}?[\w’'\-&]+"
    rf"(?!\.\s+[{UPPER}])(?=\s*(?:{NP_STOP}))"
)

#: "one Republican involved in the planning", "a person familiar with the talks"
INVOLVED_NP = (
    rf"(?:the|a|an|one|another)\s+(?:[\w’'\-]+\s+){{0,3}}?[\w’'\-]+\s+(?:involved|familiar|close|briefed|"
    rf"knowledgeable)\s+(?:in|with|to|on|about)\s+(?:[\w’'\-]+\s+){{0,4}}?[\w’'\-]+(?=\s*(?:{NP_STOP}))"
)

#: a person's role by whose it is ("said Kim's spokesman(, Tom Reyes)", "said Harris' aide")
POSS_NP = rf"{NAMERUN}(?:[’']s|(?<=s)[’'])\s+(?:[\w\-]+\s+){{0,2}}?(?:{ROLEW})(?![\w’'])(?=\s*(?:{NP_STOP}))"
RIGHT_SPK_RE = re.compile(
    rf"^\s+(?P<spk>{PRON}(?![\w’'])|{INVOLVED_NP}|{GENERIC_NP}|{POSS_NP}|{DESCNAME}|"
    rf"(?:(?:some|many|most|other|several|two|three|four|five|\d+)\s+)?(?:{WORD}\s+){{0,2}}?(?:{lx.alternation(lx.GROUP_NOUNS)})(?![\w’']){EXTEND})"
    rf"(?:\s*\((?:[A-Z]{{1,2}}-)?[A-Z][\w.\s-]{{0,20}}\))?"
    rf"(?:\s*,\s*(?P<app>(?:\b(?:{ABBR_TITLES}|Mt|Ft|Inc|Co|Corp|Ltd)\.|[^,{SPEECH};:.]|\.(?=[^\s,{SPEECH};:.])){{2,200}})"
    rf"(?:\s*,\s*(?P<rel>(?:who|whose)\s(?:\b(?:{ABBR_TITLES}|Mt|Ft|Inc|Co|Corp|Ltd)\.|[^{SPEECH};:.]|\.(?=\S)){{2,300}}))?)?"
)

LEFT_GENERIC_RE = re.compile(
    rf"(?:^|(?<=[,;:{SPEECH}])\s*|(?<=[,;:{SPEECH}]))(?P<spk>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|"
    rf"{NAMERUN}[’']s)\s+(?:[\w’'\-.]+\s+){{0,4}}?[\w’'\-]+)$"
)


NAME_OF_ORG_RE = re.compile(
    rf"(?:^|(?<=[\s,;:(—–\-\"“”]))(?P<spk>{NAMERUN})\s+(?P<org>(?:of|at|from|with)\s+(?:the\s+)?{NAMERUN}"
    rf"(?:\s+(?:for|of|on|and|in)\s+(?:the\s+)?{NAMERUN}){{0,3}})$"
)


PARTY_TAG_RE = re.compile(r"\s*\((?:[A-Z]{1,2}-)?[A-Z][\w.\s-]{0,20}\)$")

#: a preposition or subordinator opening a sentence whose subject reports ("While a poll showed ...")
PREP_OPEN_RE = re.compile(
    r"\s*(?:Despite|With|Without|Amid|Amidst|While|Although|Though|Whereas|Because|When|Once|If|Unless)\s+(?=[A-Za-z0-9])"
)
#: a conjunction or linking adverb opening a sentence ("But", "And yet", "Still,")
SENTENCE_CONJ_RE = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Or|Still|Now|Instead|Meanwhile|Also|Then|Indeed|However|Moreover|Nonetheless)"
    r"(?:\s+yet)?,?\s+)(?=[A-Za-z])"
)

#: a possessive determiner inside a group's words ("measure its backers")
POSS_DET_RE = re.compile(r"(?<=\s)(?:its|their|his|her|our)\s")

GROUPS_JOINED_RE = re.compile(GROUP_AND)
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


_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred)"
#: a share of people as a subject: "about one in five", "two-thirds", "42 percent (of voters)"
SHARE_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[\s,;:—(]))(?P<spk>(?:(?:[Aa]bout|[Nn]early|[Rr]oughly|[Aa]lmost|[Aa]round|[Mm]ore\s+than|[Ll]ess\s+than|"
    r"[Ff]ewer\s+than|[Oo]ver|[Jj]ust|[Oo]nly)\s+)?"
    rf"(?:(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|\d+)\s+(?:in|of\s+every|out\s+of)\s+{_SMALL}"
    r"|(?:[Tt]wo|[Tt]hree|[Ff]our)[- ](?:thirds|quarters|fifths)"
    r"|\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)(?:\s+of\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)?)"
    # a bare count after a clause ("..., 38 said"); "a quarter, 26 percent, say" (not "Kim, 38, said")
    r"|(?:^|(?<=[,;]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s))\d{1,3})(?:(?<=[a-z%]),)?\s*$"
)


#: group words that count or share rather than name who speaks
QUANTITY_WORDS = {"many", "most", "some", "both", "several", "few", "others", "percent", "half"}
QUANTITY_WORDS |= {"third", "quarter", "majority", "minority"}
#: a group subject with a modifier after it, opening its clause: "Residents living near the
#: plant", "Economists surveyed by the Ledger", "Doctors in rural clinics" (not "Experts such as")
GROUP_MODIFIED_RE = re.compile(
    r"(?:^\s*|(?P<pre>[,;:—–(]\s*))(?P<spk>(?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Ss]everal|[Tt]he|[Tt]hose|[Tt]hese|[Aa]ll|"
    r"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d+)\s+)?"
    r"(?:(?!(?i:because|when|if|as|while|although|though|since|after|before|but|and|so|in|on|at|by|for|with|"
    r"from|of|to|that|which|who|where|than|then|also|even|only|just)\b)[A-Za-z][\w’'\-]*\s+){0,2}?"
    rf"(?:{GROUP_AND})?(?i:"
    + lx.alternation(lx.GROUP_NOUNS - QUANTITY_WORDS)
    + r"))\s+(?!such\s+as\b|including\b|like\b)(?:[a-z][\w’'\-]*ing|[a-z][\w’'\-]*ed(?=\s+(?:by|in|at|from|for)\b)"
    r"|in|at|from|near|across|with|on|of|close\s+to|familiar\s+with)\b"
    r"[^,;:()—–\-\ue000\ue001]{0,60}$"
)


#: a name, then a description whose relative clause runs on to the cue: "Sen. Ann Kim, a
#: Republican who (has opposed ...)", "Ann Kim, an economist who (has criticized ...)"
DESC_WHO_RE = re.compile(rf"(?P<name>{NAMERUN}),\s+(?:an?|the)\s+[^,;:()\ue000]{{1,60}}$")


_SHARE_HINT_RE = re.compile(r"\d|\sin\s|-|percent")  # what a share subject cannot do without


def left_speaker(text: str, masked: str, base: int, upto: int, depth: int = 0) -> Mention | None:
    """The speaker named right before a cue (masked[:upto]), allowing aux words between; the
    people around a named person speak for themselves ("Aides to Mayor Ann Kim said": the aides)."""
    return people_around(text, masked, base, _left_speaker(text, masked, base, upto, depth))


def _left_speaker(text: str, masked: str, base: int, upto: int, depth: int = 0) -> Mention | None:
    window_start = max(0, upto - 300)
    left = masked[window_start:upto]
    if window_start == 0:
        conj = SENTENCE_CONJ_RE.match(left)
        if conj:  # "But the founders said": the conjunction is not the subject's
            left = " " * conj.end() + left[conj.end() :]
        prep = PREP_OPEN_RE.match(left)
        if prep:  # "Despite grocers arguing that ...": the preposition is not the subject's
            left = " " * prep.end() + left[prep.end() :]
    if depth == 0:
        pa = PREP_ASIDE_RE.search(left.rstrip()[-250:])
        if pa:  # "Tom Brisk, in a statement released on Thursday, said": the subject before the aside
            k = len(left.rstrip()) - min(250, len(left.rstrip())) + pa.start()
            if k > 0 and SPEECH not in left[k:]:
                return left_speaker(text, masked, base, window_start + k, depth=1)
    lr = left.rstrip()  # (the patterns below run only where the text ends as their matches do)
    dated = DATED_SOURCE_RE.search(left) if lr[-4:].isdigit() or lr.endswith(MONTH_NAMES) else None
    if dated:  # "A survey published in May showed": when it came out, not a name
        left = left[: dated.start("when")] + " " * (len(left) - dated.start("when"))
    aux = aux_tail(left)
    core = left[: aux.start()] if aux else left
    core_r = core.rstrip()
    if (
        aux
        and "," in aux.group()
        and aux.group()[:1] != ","
        and not core_r.endswith(",")
        and "," in core_r[-250:]
    ):
        core_r += ","  # "X, dedicating the museum on Saturday, said": the appositive's closing comma
    tag = PARTY_TAG_RE.search(core_r) if core_r.endswith(")") else None
    if tag:  # "Rep. Ann Kim (D-Ore.) said": the party or state tag is not part of the name
        core_r = core_r[: tag.start()].rstrip()
    tag = PARTY_COMMA_RE.search(core_r) if core_r.endswith(",") else None
    if tag:  # "Rep. Ann Kim, D-Ore., said"
        core_r = core_r[: tag.start()].rstrip()
    if not core_r:
        return None
    tail_at = max(0, len(core_r) - 160)  # these subjects end at the cue: read only the end
    off0 = base + window_start
    end60 = max(0, len(core_r) - 60)
    share = SHARE_SUBJECT_RE.search(core_r, end60) if _SHARE_HINT_RE.search(core_r, end60) else None
    # "all the experts I interviewed said": the group, not the interviewer
    asked = CONTACT_GROUP_RE.search(core_r, tail_at) if core_r.endswith(CONTACT_ENDS) else None
    ok = asked is not None and asked.group("g").lower().split()[-1] in lx.GROUP_NOUNS
    span = share.span("spk") if share else (asked.start("g"), len(core_r)) if ok else None
    if span:  # "About one in five say ...", "Two-thirds said ...": a share of those asked
        a, b = base + window_start + span[0], base + window_start + span[1]
        return Mention(a, b, text[a:b], "group")
    dw = DESC_WHO_RE.search(core_r, tail_at) if aux is not None and "who" in aux.group() else None
    if dw and depth == 0:
        # "Sen. Ann Kim, a Republican who has opposed the leases, ...": the person the
        # description's relative clause is about, not a word of the description
        cleaned = clean_name_mention(text, off0 + dw.start("name"), off0 + dw.end("name"))
        if cleaned:
            return Mention(cleaned[0], cleaned[1], text[cleaned[0] : cleaned[1]], "name")
    gm = (
        GROUP_MODIFIED_RE.search(core_r, tail_at)
        if not lx.GROUP_NOUNS.isdisjoint(core_r[tail_at:].lower().split())
        else None
    )
    if gm and (gm.group("pre") or (window_start == 0 and gm.start() == 0)):
        # "Residents living near the plant say", "Economists surveyed by the Ledger said": the
        # group the modifier describes, not the last noun before the cue
        a, b = base + window_start + gm.start("spk"), base + window_start + len(core_r)
        return Mention(a, b, text[a:b], "group")
    if core_r.endswith(")") and depth == 0:
        # "Ann Kim (who won the last vote) said": a bracketed aside after the subject
        k = core_r.rfind("(")
        if k > 0 and len(core_r) - k < 150 and SPEECH not in core_r[k:]:
            return left_speaker(text, masked, base, window_start + k, depth=1)
        return None
    if core_r.endswith(("—", "–", "--", " -", "―")) and depth == 0:
        # "Many guests — including A, B and C — said": the speaker is the subject before the aside
        body = core_r.rstrip("—–-― ")
        k = max(body.rfind("—"), body.rfind("–"), body.rfind("--"), body.rfind(" - "), body.rfind("―"))
        if k > 0 and SPEECH not in body[k:] and len(body) - k < 200:
            return left_speaker(text, masked, base, window_start + k, depth=1)
        return None
    off = base + window_start
    if core_r.endswith((SPEECH, FRAG)) and comma_in_marks(text, off, off + len(core_r)):
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
            appositive = text[app_at : off + len(core_r) - 1].strip()
            if not appositive and kind == "name":
                pre = preposed_description(core_r[:a])
                if pre is not None:  # "The study’s lead author, Jo Marsh, said": her role
                    appositive, app_at = text[off + pre[0] : off + pre[1]], off + pre[0]
            return Mention(
                a2,
                b2,
                text[a2:b2],
                kind,
                appositive=appositive,
                app_start=app_at,
            )
        if depth == 0:
            # "Several candidates, including X, said", "The firms, which had ..., said": an aside
            # between commas; the speaker is the subject before it
            pm = ASIDE_RE.search(core_r[-250:]) or PREP_ASIDE_RE.search(core_r[-250:])
            if pm:
                k = len(core_r) - min(250, len(core_r)) + pm.start()
                if k > 0 and SPEECH not in core_r[k:]:
                    return left_speaker(text, masked, base, window_start + k, depth=1)
        return None
    po = person_of_common(text, core_r, off)
    if po is not None:
        return po
    ro = role_of_np(core_r)
    if ro is not None:  # "The mayor of Eastport said": the mayor, a described person, not the place
        return Mention(off + ro, off + len(core_r), text[off + ro : off + len(core_r)], "np")
    last = core_r.rsplit(None, 1)[-1]
    low = last.lower()
    if low == "it":
        return (
            None  # "a change it says would save money": "it" speaks (the caller's `IT_RE`), not "a change it"
        )
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
            if lead_w and GROUPS_JOINED_RE.fullmatch(lead_w.group()):
                lead_w = None  # "Economists and planners say": both groups speak
            if lead_w:  # "shows that most residents oppose": the clause word is not the group's
                a = lead_w.end()
            det = POSS_DET_RE.search(text, a + 1, b)
            if det:  # "a measure its backers say would ...": the group starts at its determiner
                a = det.start()
            head = (
                HEAD_BEFORE_ING_RE.search(text, max(0, a - 60), a)
                if text[a:b].split()[0].endswith("ing")
                else None
            )
            if head:  # "The union representing city workers said": the union, described by its members
                return Mention(head.start(), b, text[head.start() : b], "np")
            src = SOURCE_OF_GROUP_RE.search(text, max(0, a - 60), a)
            if src:  # "A poll of voters found": the poll, not the voters
                return Mention(src.start(), b, text[src.start() : b], "np")
            return Mention(a, b, text[a:b], "group")
    if last[:1].isupper() and not last.endswith(("’s", "'s")):
        m = NAME_OF_ORG_RE.search(core_r[-160:])
        if m and m.group("spk").split()[-1].lower().rstrip(".") in lx.TITLES | lx.ROLE_WORDS:
            m = None  # "Secretary of State Ann Kim said": a title, then the name
        lead_skip = 0
        if m and m.group("spk").split()[0].lower() in lx.NOT_NAMES:
            # "Even Mr. Brisk of Harbor Bank doubts ...": a capitalised word that names nobody
            # opens the sentence; the name is the rest of the run
            first = m.group("spk").split()[0]
            rest = m.group("spk")[len(first) :].lstrip()
            lead_skip = len(m.group("spk")) - len(rest) if rest and rest.split()[0][:1].isupper() else -1
        if m and lead_skip >= 0:
            d = len(core_r) - min(160, len(core_r))
            cleaned = clean_name_mention(text, off + d + m.start("spk") + lead_skip, off + d + m.end("spk"))
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
            if depth == 0:
                # "Officials who spoke with the Harbor Times said": the name is an object in a
                # relative clause; the subject comes before "who"
                w = WHO_OBJ_RE.search(core_r[: d + m.start("spk")][-100:])
                if w:
                    k = d + m.start("spk") - min(100, d + m.start("spk")) + w.start()
                    return left_speaker(text, masked, base, window_start + k, depth=1)
            cleaned = clean_name_mention(text, off + d + m.start("spk"), off + d + m.end("spk"))
            if cleaned:
                a, b = cleaned
                return Mention(a, b, text[a:b], "name")
        # "A statement posted on the website HarborNews.com said": a noun phrase that ends
        # in a name
        return clause_subject(text, core_r, off)
    if low in lx.SPEAKER_NOUNS:
        m = LEFT_NP_RE.search(core_r[-120:])
        if m:
            d = len(core_r) - min(120, len(core_r))
            a, b = off + d + m.start("spk"), off + d + m.end("spk")
            return Mention(a, b, text[a:b], "np")
    if depth == 0:
        w = REL_SUBJECT_RE.search(core_r[-150:])
        if w:  # "Many supporters who came to the rally to protest the vote say": the subject before "who"
            k = len(core_r) - min(150, len(core_r)) + w.start()
            sp = left_speaker(text, masked, base, window_start + k, depth=1)
            if sp is not None and (
                sp.kind == "group"
                or (sp.kind == "np" and sp.text.rsplit(None, 1)[-1].lower() in lx.PERSON_NOUNS)
            ):  # (or a described person: "The woman who runs the ferry said ...")
                return sp
    m = LEFT_GENERIC_RE.search(core_r[-100:])
    d = len(core_r) - min(100, len(core_r))
    if (
        m
        and d + m.start("spk") > 0
        and core_r[: d + m.start("spk")].rstrip()[-1:] not in (",", ";", ":", SPEECH)
    ):
        m = None
    if (
        m
        and not any(
            w.lower() in FUNCTION_WORDS or (w.endswith("ly") and w.islower() and w not in NOT_ADVERBS)
            for w in m.group("spk").split()[1:]
        )
        and m.group("spk").split()[-1].lower() not in SUBJ_END_BAD  # "The administration long ago showed"
    ):
        a, b = off + d + m.start("spk"), off + d + m.end("spk")
        return Mention(a, b, text[a:b], "np")
    return clause_subject(text, core_r, off)


NAME_ONLY_RE = re.compile(rf"^{NAMERUN}$")


SPACED_DASH_RE = re.compile(r"\s+(?:-{1,2}|[—–])\s+")


def right_speaker(text: str, masked: str, base: int, pos: int) -> tuple[Mention | None, int]:
    """An inverted speaker after a cue ("..., said Dr. X, a lecturer at Y.")."""
    m = RIGHT_SPK_RE.match(masked[pos : pos + 400])
    if not m:
        return None, pos
    a, b = base + pos + m.start("spk"), base + pos + m.end("spk")
    spk = text[a:b]
    dash = SPACED_DASH_RE.search(spk)
    if dash and dash.start() > 0:  # "according to the Tax Center - half a point of output": a dash ends it
        b = a + dash.start()
        spk = text[a:b]
    first = spk.split(None, 1)[0]
    if first.lower() in lx.PRONOUNS:
        kind = "pronoun"
    else:
        if any(w.lower() in FUNCTION_WORDS for w in spk.split()[1:]) and not headed_np(spk):
            return None, pos
        kind, a, b, _ = np_kind(text, a, b)
        if kind == "":
            return None, pos
    app = m.group("app")
    end = pos + m.end()
    if kind == "np" and app and NAME_ONLY_RE.match(app.strip()):
        # "said another city resident, Tom Berg.": the name in apposition is the speaker
        a2 = base + pos + m.start("app") + (len(app) - len(app.lstrip()))
        cleaned = clean_name_mention(text, a2, a2 + len(app.strip()))
        if cleaned is not None:
            desc, d0 = text[a:b], a
            a, b = cleaned
            return Mention(a, b, text[a:b], "name", appositive=desc, app_start=d0), end
    clause = app and (app_has_verb(app) or ING_CLAUSE_RE.match(app.strip()))  # "a memo was handed"
    if app and (clause or not APP_START_RE.match(app.strip() + " ")):
        app = None
        end = pos + m.end("spk")
    elif app:  # the words as written (quotations are masked in `masked`); with a relative
        # clause: "said X, a former banker, who now runs a research firm"
        app = text[base + pos + m.start("app") : base + pos + m.end("rel" if m.group("rel") else "app")]
    more = AND_REL_RE.match(masked, end) if WHO_RE.search(text[a:b] + " " + (app or "")) else None
    if more:  # "said a clerk who was shown the memo and spoke anonymously": one clause
        end = more.end()
    mention = Mention(
        a, b, text[a:b], kind, app.strip() if app else None, base + pos + m.start("app") if app else None
    )
    return mention, end
