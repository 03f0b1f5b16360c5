"""What the stance engine reads for a quote: its words, and for reported speech whose verb
takes a side, or whose verb is negated ("does not think ..."), the verb (with the negation)
in front of the content."""

from __future__ import annotations

import re
from typing import Any

from annotator.models import Quote
from annotator.stance.direction import read_direction


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


#: "it is far from clear that ..." (doubt), which the engine reads as assent
FAR_FROM_RE = re.compile(
    r"\b(?P<it>[Ii]t\s+is|[Ii]t['’]s|[Ii]t\s+was|[Ii]t\s+remains)\s+far\s+from\s+(?:clear|certain|obvious|sure)"
    r"\s+(?:that|whether)\b"
)
#: "it's hard to imagine a better X than Y" (Y is the best), which the engine reads as doubt
HARD_TO_IMAGINE_RE = re.compile(
    r"\b(?:[Ii]t\s+is|[Ii]t['’]s|[Ii]t\s+would\s+be)\s+(?:hard|difficult)\s+to\s+(?:imagine|think\s+of|find|name)"
    r"\s+an?\s+(?=(?:better|worse|bigger|greater|safer|smarter|wiser|more\s+\w+|less\s+\w+)\b)"
)
#: "X is (long) overdue" (X should have come already), which the engine reads either way
LONG_OVERDUE_RE = re.compile(
    r"(?P<be>\s+(?:is|are|was|were)|['’]s)\s+(?:(?:long|way|well|far|years|decades|months)\s+)?overdue\b"
)


_AUX_NOT = (
    r"(?:do|does|did|will|would|should|need|may|might)\s+not|(?:don|doesn|didn|won|wouldn|shouldn|needn)['’]t"
)
#: the tense of "is quick" after each auxiliary of a negated "take long"
_QUICK = {
    "did": "was quick",
    "will": "will be quick",
    "won": "will be quick",
    "would": "would be quick",
    "should": "should be quick",
    "need": "can be quick",
    "may": "may be quick",
    "might": "might be quick",
}


def _quick(m: re.Match) -> str:
    if m.group("plain"):
        return "was quick" if m.group("plain") == "took" else "is quick"
    aux = re.split(r"\s|['’]", m.group("aux").lower())[0]
    aux = {
        "don": "do",
        "doesn": "does",
        "didn": "did",
        "wouldn": "would",
        "shouldn": "should",
        "needn": "need",
    }.get(aux, aux)
    return _QUICK.get(aux, "is quick")


#: "couldn't be better", "could not be more important", "couldn't have been clearer": the
#: engine reads the negation; it reads "is extremely good", "is clearer than ever" right
COULD_NOT_BE_RE = re.compile(
    r"\b(?:could\s*n['’]t|could\s+not)\s+(?:possibly\s+)?(?P<be>have\s+been|be)\s+"
    r"(?P<c>better|worse|more\s+(?!than\b)[a-z]\w+|(?!(?:over|under|after|ever|never|either|neither|other|together|rather"
    r"|whether|further|farther|member|partner|leader|number|power|water|paper|answer|matter|letter|order|offer)\b)"
    r"[a-z]{2,}er)\b"
)


def _extremely(m: re.Match) -> str:
    be = "was" if m.group("be").startswith("have") else "is"
    c = m.group("c")
    if c in ("better", "worse"):
        return f"{be} extremely {'good' if c == 'better' else 'bad'}"
    if c.startswith("more"):
        return f"{be} extremely {c.split()[-1]}"
    return f"{be} {c} than ever"


#: "few experts doubt", "very few drivers would accept": the engine misses the negative
#: quantifier; it reads "hardly any" right (a clause-initial "few" only: "a few", "the few",
#: "the past few" are left alone)
FEW_RE = re.compile(
    r"(?P<pre>^|[.;:!?,]\s+|\b(?:and|but|that|because|yet)\s+)(?P<f>(?:[Vv]ery\s+)?[Ff]ew)\s+"
    r"(?=(?:[a-z][\w'’-]*\s+){1,3}?(?:doubt|want|support|believe|think|expect|oppose|agree|like|trust|see|accept"
    r"|favou?r|back|buy|care|would|will|can|could)\b)"
)


def _hardly_any(m: re.Match) -> str:
    upper = m.group("f")[0].isupper() and (not m.group("pre") or m.group("pre")[0] in ".;:!?")
    return m.group("pre") + ("Hardly any " if upper else "hardly any ")


#: "has yet to show", "have yet to be proven": not yet (the engine read "yet to be proven"
#: as support)
_PARTICIPLE = {
    "be": "been",
    "see": "seen",
    "hear": "heard",
    "find": "found",
    "show": "shown",
    "prove": "proven",
    "meet": "met",
    "read": "read",
    "make": "made",
}
YET_TO_RE = re.compile(
    r"\b(?P<aux>has|have|had|is|are|was|were)\s+yet\s+to\s+(?P<v>be|see|hear|find|show|prove|produce|meet|read|deliver"
    r"|make|convince|persuade|explain|demonstrate|offer|provide|present)\b"
)


def _not_yet(m: re.Match) -> str:
    aux, v = m.group("aux"), m.group("v")
    if aux in ("is", "are", "was", "were"):
        return f"{aux} not yet" if v == "be" else m.group()
    return f"{aux} not {_PARTICIPLE.get(v, v + ('d' if v.endswith('e') else 'ed'))}"


#: idioms the engine read the wrong way round on invented probes, and their plain forms
IDIOMS: tuple[tuple[re.Pattern[str], Any], ...] = (
    # "I'd be surprised if it passed": doubt
    (
        re.compile(
            r"\b(?P<who>[Ii]|[Ww]e)(?:['’]d|\s+would)\s+be\s+(?:very\s+|really\s+)?"
            r"(?:surprised|astonished|amazed|stunned|shocked)\s+if\b"
        ),
        r"\g<who> doubt that",
    ),
    # "the last thing we need": not what we need
    (
        re.compile(
            r"\bthe\s+last\s+thing\s+(?=(?:\w+\s+){0,3}?(?:needs?|needed|wants?|wanted|should|must|ought)\b)"
        ),
        "not what ",
    ),
    # "X is the only tool that has ever lowered rents": X did it (the engine reads "only" as
    # doubt); "the only thing a ban will do is raise costs": all it will do
    (
        re.compile(
            r"\s+(?:is|are|was|were|remains|has\s+been)\s+the\s+only\s+(?:\w+\s+)?(?:thing|things|tool|way|option|"
            r"policy|measure|approach|solution|one|step|idea|plan|choice|lever|remedy)\s+(?:that|which)\s+(?:(?:has|have)\s+)?(?:ever\s+)?"
        ),
        " ",
    ),
    (
        re.compile(
            r"\b[Tt]he\s+only\s+thing\s+(?P<x>(?:\w+\s+){1,4}?)(?:will|would|can|could|does|did)\s+do\s+is\s+(?:to\s+)?"
        ),
        r"\g<x>will only ",
    ),
    # "can't come soon enough": needed now
    (re.compile(r"\b(?:can['’]t|cannot|couldn['’]t|could\s+not)\s+come\s+soon\s+enough\b"), "is needed now"),
    # "I see no reason not to": every reason to
    (
        re.compile(
            r"\b(?:(?:[Ii]|[Ww]e)\s+(?:can\s+)?see|[Tt]here\s+is|[Tt]here['’]s)\s+no\s+reason\s+not\s+to\b"
        ),
        "there is every reason to",
    ),
    # "we can't afford not to": we must
    (
        re.compile(r"\b(?P<who>\w+)\s+(?:can['’]t|cannot|could\s*n['’]t|could\s+not)\s+afford\s+not\s+to\b"),
        r"\g<who> must",
    ),
    # "money down the drain": money wasted
    (re.compile(r"\bmoney\s+down\s+the\s+drain\b"), "money wasted"),
    # "it doesn't take long", "won't take a lot of time", "takes little time": quick (the
    # engine read the negation as doubt; "takes years" it reads the right way round)
    (
        re.compile(
            rf"\b(?:(?P<aux>{_AUX_NOT})\s+take|(?P<plain>takes?|took)(?=\s+(?:very\s+)?little\s+time\b))"
            r"\s+(?:(?:a\s+)?(?:whole\s+)?(?:lot\s+of|great\s+deal\s+of|much)\s+time|(?:very\s+|that\s+|so\s+|too\s+)?long"
            r"(?=\s*(?:[,.;:!?)\"”’]|$|(?:for|to|before|until|at\s+all|now|anymore|either)\b))"
            r"|(?:very\s+)?little\s+time)(?:\s+at\s+all)?\b"
        ),
        _quick,
    ),
    # "can only do so much": cannot do much
    (re.compile(r"\b(?P<aux>can|could|will|would)\s+only\s+do\s+so\s+much\b"), r"\g<aux> not do much"),
    # "throwing good money after bad": wasting more money
    (re.compile(r"\bthrow(?P<s>s|ing|n)?\s+good\s+money\s+after\s+bad\b"), "wasting even more money"),
    (COULD_NOT_BE_RE, _extremely),
    (FEW_RE, _hardly_any),
    (YET_TO_RE, _not_yet),
    # "I wouldn't rule out a deal": a deal is possible (the engine read the negation as doubt)
    (
        re.compile(
            r"\b(?:would\s*n['’]t|would\s+not|can['’]t|cannot|can\s+not|could\s*n['’]t|could\s+not|do\s*n['’]t"
            r"|do\s+not|does\s*n['’]t|does\s+not|won['’]t|will\s+not)\s+rule\s+out\b"
        ),
        "see a real possibility of",
    ),
    # "I have no objection to the plan": I agree with it
    (
        re.compile(r"\b(?P<aux>have|has|had)\s+no\s+objections?\s+to\b"),
        lambda m: {"have": "agree with", "has": "agrees with", "had": "agreed with"}[m.group("aux")],
    ),
    # "shouldn't have trouble paying", "won't have much difficulty following": can easily
    (
        re.compile(
            r"\b(?:should\s*n['’]t|should\s+not|won['’]t|will\s+not|would\s*n['’]t|would\s+not|do\s*n['’]t|do\s+not"
            r"|does\s*n['’]t|does\s+not|did\s*n['’]t|did\s+not)\s+have\s+(?:any\s+|much\s+|a\s+lot\s+of\s+)?"
            r"(?:trouble|difficulty|difficulties|problems?|a\s+problem|a\s+hard\s+time)\s+(?=\w+ing\b)"
        ),
        "can easily handle ",
    ),
    # "there has never been a better time to": now is the best time to
    (
        re.compile(
            r"\b(?:[Tt]here|[Ii]t)\s*(?:has|['’]s|had|is|was)\s+never\s+(?:been\s+)?a\s+(?P<c>better|worse)\s+(?:time|moment)\b"
        ),
        lambda m: "now is the " + ("best" if m.group("c") == "better" else "worst") + " time",
    ),
    # "a no-lose proposition": a sure win; "a solution in search of a problem": unnecessary
    (re.compile(r"\ba\s+no[- ]lose\s+(?:proposition|situation|deal|bet)\b"), "a sure win"),
    (re.compile(r"\ba\s+solution\s+in\s+search\s+of\s+a\s+problem\b"), "unnecessary"),
    # "off the table": ruled out; "anything but certain": doubtful
    (re.compile(r"\b(?:is|are|was|were|be|been|remains?)\s+off\s+the\s+table\b"), "is ruled out"),
    (
        re.compile(r"\banything\s+but\s+(?:certain|clear|sure|guaranteed|settled|assured|a\s+done\s+deal)\b"),
        "doubtful",
    ),
    # "no amount of money will fix it": money will not fix it
    (
        re.compile(
            r"\b[Nn]o\s+amount\s+of\s+(?P<x>[^,;:.!?]{1,80}?)\s+"
            r"(?P<aux>will|would|can|could|should|is|was|are|were)\s+(?!not\b)"
        ),
        r"\g<x> \g<aux> not ",
    ),
    # "a one-time fix for a recurring problem", "a short-term fix at best", "just a stopgap", "a
    # band-aid", "treats the symptom rather than the disease": it will not solve the problem
    (
        re.compile(
            r"(?:\s+(?:is|are|was|were)|['’]s)\s+(?:(?:just|only|merely|simply|at\s+best)\s+)?(?:an?\s+)?"
            r"(?:(?:one-time|one-off|short-term|temporary|quick|stopgap)\s+(?:fix|solution|patch|measure)|"
            r"band-?aid(?:\s+(?:fix|solution|measure))?|stopgap(?:\s+(?:fix|solution|measure))?)"
            r"(?:\s+at\s+best)?(?:\s+(?:for|to)\s+an?\s+(?:recurring|long-term|structural|permanent|deeper|bigger)"
            r"\s+problem)?",
            re.IGNORECASE,
        ),
        " will not solve the underlying problem",
    ),
    (
        re.compile(
            r"\b(?:treats?|treated|treating|addresses|address)\s+(?:the\s+|a\s+)?symptoms?\s+(?:rather\s+than|and\s+not|"
            r"but\s+not|instead\s+of)\s+(?:the\s+|its\s+)?(?:disease|cause|causes|illness|problem)\b"
        ),
        "will not solve the underlying problem",
    ),
    # "to own the issue of X": to champion X; "threw her weight behind X": champions X
    (re.compile(r"\bown\s+the\s+issue\s+of\b"), "champion"),
    (re.compile(r"\bown\s+the\s+(?P<x>(?:[\w\-]+\s+){0,2}?[\w\-]+)\s+issue\b"), r"champion \g<x>"),
    (
        re.compile(
            r"\b(?:threw|throw|throws|throwing|thrown)\s+(?:his|her|their|its|our|my|your)\s+(?:full\s+)?weight\s+behind\b"
        ),
        "champions",
    ),
    # "has cooled on X": has soured on X; "walked back her support for X": now opposes X
    (re.compile(r"\bcooled\s+on\b"), "soured on"),
    (
        re.compile(
            r"\b(?:walked|walks|walking)\s+back\s+(?:his|her|their|its|our|my)\s+support\s+(?:for|of)\b"
        ),
        "now opposes",
    ),
    # "pull the plug on X": cancel X
    (
        re.compile(r"\b(?P<v>pull(?:ed|s|ing)?)\s+the\s+plug\s+on\b"),
        lambda m: {"pull": "cancel", "pulled": "cancelled", "pulls": "cancels", "pulling": "cancelling"}[
            m.group("v")
        ],
    ),
    # "I wouldn't say no to a sale": I would welcome one
    (
        re.compile(
            r"\b(?:would\s+not|would\s*n['’]t|will\s+not|won['’]t|would\s+never|will\s+never)\s+say\s+no\s+to\b"
        ),
        "would welcome",
    ),
)


#: for each of IDIOMS in order, the words one of which it needs (a cheap test before the regex)
IDIOM_KEYS: tuple[tuple[str, ...], ...] = (
    ("surprised", "astonished", "amazed", "stunned", "shocked"),
    ("last thing",),
    ("only",),
    ("only thing",),
    ("soon enough",),
    ("reason not",),
    ("afford not",),
    ("drain",),
    ("take", "took"),
    ("so much",),
    ("good money",),
    ("ould",),
    ("ew ",),
    ("yet to",),
    ("rule out",),
    ("objection",),
    ("trouble", "difficult", "problem", "hard time"),
    ("never",),
    ("lose",),
    ("in search of",),
    ("off the table",),
    ("anything but",),
    ("amount of",),
    ("fix", "solution", "patch", "measure", "aid", "Aid", "stopgap"),
    ("symptom",),
    ("issue",),
    ("issue",),
    ("weight behind",),
    ("cooled on",),
    ("back",),
    ("plug",),
    ("say no",),
)
assert len(IDIOM_KEYS) == len(IDIOMS)


#: a question the speaker asks and answers herself: "The question is whether the county gets
#: its money back, and on the evidence, it probably does" (the engine reads an open question)
QUESTION_ANSWERED_RE = re.compile(
    r"\b[Tt]he\s+(?:real\s+|big\s+|key\s+|only\s+)?question\s+is\s+whether\s+(?P<x>[^,.;:?!]{4,160})"
    r"[,.;:?]?\s+(?:(?:and|but|so)\s+)?(?:[^.;:?!]{0,80}?,\s*)?(?:I\s+think\s+)?(?:it|they)\s+"
    r"(?:probably\s+|likely\s+|almost\s+certainly\s+|clearly\s+|certainly\s+)?"
    r"(?P<aux>does|do|will|would|is|are|can|could|did|has|have)(?P<neg>\s+not|n['’]t)?(?=\s*[.,;!]|\s*$)"
)


def _answered(m: re.Match[str]) -> str:
    claim = m.group("x").strip()
    return f"It is not true that {claim}" if m.group("neg") else claim[:1].upper() + claim[1:]


def _plain_phrasings(text: str) -> str:
    """Doubt, superlatives, urgency and idioms in words the engine reads the right way round."""
    upper, changed = text[:1].isupper(), False
    for keys, (rx, plain) in zip(IDIOM_KEYS, IDIOMS):
        if any(k in text for k in keys):
            new = rx.sub(plain, text)
            changed, text = changed or new != text, new
    if changed and upper:
        text = text[:1].upper() + text[1:]
    if "far from" in text:
        text = FAR_FROM_RE.sub(
            lambda m: "it is doubtful that" if m.group("it")[0] == "i" else "It is doubtful that", text
        )
    if "to " in text and ("hard" in text or "difficult" in text):
        text = HARD_TO_IMAGINE_RE.sub(
            lambda m: "there is no " if m.group()[0] == "i" else "There is no ", text
        )
    if "question is whether" in text:
        text = QUESTION_ANSWERED_RE.sub(_answered, text)
    if "overdue" in text:
        text = LONG_OVERDUE_RE.sub(
            lambda m: (" is" if m.group("be") in ("'s", "’s") else m.group("be")) + " needed now", text
        )
    return text


def read_litotes(text: str) -> str:
    """`text` with each negated verb of opposing read as the side it takes ("I would not
    oppose a ban" -> "I would support a ban"; "We're not against it" -> "We're for it"),
    "does not go far enough" as "should go further", "a no-brainer" as "an obvious choice",
    a concession "even without X, ... still ..." as its plain claim, "it is far from clear
    that" as "it is doubtful that", "it's hard to imagine a better X than Y" as "there is no
    better X than Y", and "long overdue" as "needed now"."""
    text = _plain_phrasings(text)
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


def read_correction(text: str, question: str) -> str:
    """`text` as the engine reads it on `question`: in a correction ("Visitors, not distant
    cities, are the main source"; "The ban is the answer, not a new tax") the engine reads
    the "not" as opposing whatever is asked, so where the question is about what is
    affirmed (more of its words in the rest of the sentence than in the denied part), the
    denied part is left out ("Visitors are the main source"); where it is about the denied
    part, the text stays as it is."""
    if ", not " not in text:
        return text
    from annotator.stance.features import content_stems, tokenize

    asked = set(content_stems(tokenize(question)))
    for rx in (CORRECTION_MID_RE, CORRECTION_END_RE):
        m = rx.search(text)
        if m is None:
            continue
        denied = set(content_stems(tokenize(m.group("y"))))
        rest = set(content_stems(tokenize(text[: m.start()] + " " + text[m.end() :])))
        if len(asked & rest) > len(asked & denied):
            joint = " " if rx is CORRECTION_MID_RE else m.group("end")
            return text[: m.start()] + joint + text[m.end() :]
        return text
    return text


def read_for(text: str, question: str) -> str:
    """What the engine reads of `text` on one question: a correction for what the question
    asks (`read_correction`), then a change said the other way as a negation (`read_direction`)."""
    return read_direction(read_correction(text, question), question)


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
