"""Phrasings the stance engine reads the wrong way round, and their plain forms: doubt ("it is
far from clear that"), superlatives and urgency ("hard to imagine a better", "long overdue",
"couldn't be better"), negative quantifiers ("few experts doubt"), "has yet to", a question the
speaker answers herself, and the table of idioms (`IDIOMS`, each found on invented probes,
each with a row in the tests). Used by `annotator.stance.reading.read_litotes`."""

from __future__ import annotations

import re
from typing import Any

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


#: verbs of harm or change after "without" ("cut costs without hurting service"), -ing form -> base
_WITHOUT_VERBS = {
    "hurting": "hurt", "harming": "harm", "damaging": "damage", "raising": "raise", "increasing": "increase",
    "reducing": "reduce", "cutting": "cut", "lowering": "lower", "affecting": "affect", "hitting": "hit",
    "slowing": "slow", "costing": "cost", "losing": "lose", "disrupting": "disrupt", "delaying": "delay",
    "weakening": "weaken", "undermining": "undermine", "threatening": "threaten", "endangering": "endanger",
    "worsening": "worsen", "driving": "drive", "pushing": "push", "killing": "kill", "closing": "close",
    "causing": "cause", "adding": "add", "breaking": "break", "sacrificing": "sacrifice",
    "compromising": "compromise", "making": "make", "lengthening": "lengthen", "shrinking": "shrink",
}  # fmt: skip
_PAST_BEFORE_RE = re.compile(r"\b(?:had|has|have|was|were|did|[a-z]{3,}ed)\b")


def _without(m: re.Match) -> str:
    """ "..., without hurting service" -> " and did not hurt service" (past) / "and does not"."""
    before = m.string[max(0, m.start() - 80) : m.start()]
    aux = "did" if _PAST_BEFORE_RE.search(before) else "does"
    return f" and {aux} not {_WITHOUT_VERBS[m.group('v').lower()]}"


#: idioms the engine read the wrong way round on invented probes: for each, the words one of
#: which it needs (a cheap test before the regex), its pattern, and its plain form
IDIOMS: tuple[tuple[tuple[str, ...], re.Pattern[str], Any], ...] = (
    # "cut sick days without hurting service": and did not hurt service (the engine read the
    # harm named after "without" as said, not denied)
    (
        ("without",),
        re.compile(r",?\s+without\s+(?P<v>" + "|".join(_WITHOUT_VERBS) + r")\b", re.IGNORECASE),
        _without,
    ),
    # "it isn't going to kill anybody's business", "would kill jobs": the harm in plain words
    # (the engine read the first as *oppose* on charging rent, and "... to hurt anybody's
    # business" as *support*)
    (
        ("kill",),
        re.compile(
            r"\bkill(?P<s>s|ed|ing)?(?=\s+(?:(?:[\w'’]+['’]s?|the|their|our|your|his|her|its|small|local|many|"
            r"thousands\s+of|more)\s+){0,2}(?:business(?:es)?|jobs?|sales|trade|tourism|growth|economy|industry|"
            r"industries|shops?|stores?|restaurants?|farms?|investment|demand|competition|innovation)\b)",
            re.IGNORECASE,
        ),
        lambda m: "hurt" + {"s": "s", "ed": "", "ing": "ing"}.get((m.group("s") or "").lower(), ""),
    ),
    # "worked better than its critics feared": it worked well; "did worse than its backers
    # promised": it did badly (the engine read the critics' fear, or the backers' hope, as the side)
    (
        ("better than", "worse than"),
        re.compile(
            r"\b(?:(?:far|much|a\s+lot|rather|a\s+little|slightly)\s+)?(?P<cmp>better|worse)\s+than\s+"
            r"(?:(?:its|their|his|her|the|many|most|some|even\s+the)\s+)?(?P<who>critics|skeptics|sceptics|opponents|"
            r"doubters|naysayers|supporters|backers|advocates|proponents|boosters|champions|anyone|many\s+people|"
            r"most\s+people|people)\s+(?:had\s+|have\s+)?(?:feared|expected|predicted|thought|warned|claimed|said|"
            r"hoped|promised|imagined|forecast)\b",
            re.IGNORECASE,
        ),
        lambda m: "well" if m.group("cmp").lower() == "better" else "badly",
    ),
    # "our bodies pay for that", "families will pay the price": they suffer for it (the engine
    # read the paying as a side taken, the wrong way round)
    (
        ("pay", "paid"),
        re.compile(
            # not a payment someone should or is willing to make ("we should pay for it")
            r"(?<!should )(?<!must )(?<!to )(?<!will gladly )\b(?P<v>pay|pays|paid|paying)\s+(?:(?P<price>(?:a|the)\s+(?:heavy\s+|steep\s+|high\s+|big\s+|real\s+)?price)"
            r"(?P<pfor>\s+for)?\b|for(?=\s+(?:that|it|this|those|these)\b))",
            re.IGNORECASE,
        ),
        lambda m: (
            {"pay": "suffer", "pays": "suffers", "paid": "suffered", "paying": "suffering"}[
                m.group("v").lower()
            ]
            + (" for" if (m.group("pfor") or not m.group("price")) else "")
        ),
    ),
    # "I'd be surprised if it passed": doubt
    (
        ("surprised", "astonished", "amazed", "stunned", "shocked"),
        re.compile(
            r"\b(?P<who>[Ii]|[Ww]e)(?:['’]d|\s+would)\s+be\s+(?:very\s+|really\s+)?"
            r"(?:surprised|astonished|amazed|stunned|shocked)\s+if\b"
        ),
        r"\g<who> doubt that",
    ),
    # "the last thing we need": not what we need
    (
        ("last thing",),
        re.compile(
            r"\bthe\s+last\s+thing\s+(?=(?:\w+\s+){0,3}?(?:needs?|needed|wants?|wanted|should|must|ought)\b)"
        ),
        "not what ",
    ),
    # "X is the only tool that has ever lowered rents": X did it (the engine reads "only" as
    # doubt); "the only thing a ban will do is raise costs": all it will do
    (
        ("only",),
        re.compile(
            r"\s+(?:is|are|was|were|remains|has\s+been)\s+the\s+only\s+(?:\w+\s+)?(?:thing|things|tool|way|option|"
            r"policy|measure|approach|solution|one|step|idea|plan|choice|lever|remedy)\s+(?:that|which)\s+(?:(?:has|have)\s+)?(?:ever\s+)?"
        ),
        " ",
    ),
    (
        ("only thing",),
        re.compile(
            r"\b[Tt]he\s+only\s+thing\s+(?P<x>(?:\w+\s+){1,4}?)(?:will|would|can|could|does|did)\s+do\s+is\s+(?:to\s+)?"
        ),
        r"\g<x>will only ",
    ),
    # "can't come soon enough": needed now
    (
        ("soon enough",),
        re.compile(r"\b(?:can['’]t|cannot|couldn['’]t|could\s+not)\s+come\s+soon\s+enough\b"),
        "is needed now",
    ),
    # "I see no reason not to": every reason to
    (
        ("reason not",),
        re.compile(
            r"\b(?:(?:[Ii]|[Ww]e)\s+(?:can\s+)?see|[Tt]here\s+is|[Tt]here['’]s)\s+no\s+reason\s+not\s+to\b"
        ),
        "there is every reason to",
    ),
    # "we can't afford not to": we must
    (
        ("afford not",),
        re.compile(r"\b(?P<who>\w+)\s+(?:can['’]t|cannot|could\s*n['’]t|could\s+not)\s+afford\s+not\s+to\b"),
        r"\g<who> must",
    ),
    # "money down the drain": money wasted
    (("drain",), re.compile(r"\bmoney\s+down\s+the\s+drain\b"), "money wasted"),
    # "it doesn't take long", "won't take a lot of time", "takes little time": quick (the
    # engine read the negation as doubt; "takes years" it reads the right way round)
    (
        ("take", "took"),
        re.compile(
            rf"\b(?:(?P<aux>{_AUX_NOT})\s+take|(?P<plain>takes?|took)(?=\s+(?:very\s+)?little\s+time\b))"
            r"\s+(?:(?:a\s+)?(?:whole\s+)?(?:lot\s+of|great\s+deal\s+of|much)\s+time|(?:very\s+|that\s+|so\s+|too\s+)?long"
            r"(?=\s*(?:[,.;:!?)\"”’]|$|(?:for|to|before|until|at\s+all|now|anymore|either)\b))"
            r"|(?:very\s+)?little\s+time)(?:\s+at\s+all)?\b"
        ),
        _quick,
    ),
    # "can only do so much": cannot do much
    (
        ("so much",),
        re.compile(r"\b(?P<aux>can|could|will|would)\s+only\s+do\s+so\s+much\b"),
        r"\g<aux> not do much",
    ),
    # "throwing good money after bad": wasting more money
    (
        ("good money",),
        re.compile(r"\bthrow(?P<s>s|ing|n)?\s+good\s+money\s+after\s+bad\b"),
        "wasting even more money",
    ),
    (("ould",), COULD_NOT_BE_RE, _extremely),
    (("ew ",), FEW_RE, _hardly_any),
    (("yet to",), YET_TO_RE, _not_yet),
    # "I wouldn't rule out a deal": a deal is possible (the engine read the negation as doubt)
    (
        ("rule out",),
        re.compile(
            r"\b(?:would\s*n['’]t|would\s+not|can['’]t|cannot|can\s+not|could\s*n['’]t|could\s+not|do\s*n['’]t"
            r"|do\s+not|does\s*n['’]t|does\s+not|won['’]t|will\s+not)\s+rule\s+out\b"
        ),
        "see a real possibility of",
    ),
    # "I have no objection to the plan": I agree with it
    (
        ("objection",),
        re.compile(r"\b(?P<aux>have|has|had)\s+no\s+objections?\s+to\b"),
        lambda m: {"have": "agree with", "has": "agrees with", "had": "agreed with"}[m.group("aux")],
    ),
    # "shouldn't have trouble paying", "won't have much difficulty following": can easily
    (
        ("trouble", "difficult", "problem", "hard time"),
        re.compile(
            r"\b(?:should\s*n['’]t|should\s+not|won['’]t|will\s+not|would\s*n['’]t|would\s+not|do\s*n['’]t|do\s+not"
            r"|does\s*n['’]t|does\s+not|did\s*n['’]t|did\s+not)\s+have\s+(?:any\s+|much\s+|a\s+lot\s+of\s+)?"
            r"(?:trouble|difficulty|difficulties|problems?|a\s+problem|a\s+hard\s+time)\s+(?=\w+ing\b)"
        ),
        "can easily handle ",
    ),
    # "there has never been a better time to": now is the best time to
    (
        ("never",),
        re.compile(
            r"\b(?:[Tt]here|[Ii]t)\s*(?:has|['’]s|had|is|was)\s+never\s+(?:been\s+)?a\s+(?P<c>better|worse)\s+(?:time|moment)\b"
        ),
        lambda m: "now is the " + ("best" if m.group("c") == "better" else "worst") + " time",
    ),
    # "a no-lose proposition": a sure win; "a solution in search of a problem": unnecessary
    (("lose",), re.compile(r"\ba\s+no[- ]lose\s+(?:proposition|situation|deal|bet)\b"), "a sure win"),
    (
        ("in search of", "looking for a problem"),
        re.compile(r"\ba\s+solution\s+(?:in\s+search\s+of|looking\s+for)\s+a\s+problem\b"),
        "unnecessary",
    ),
    # "off the table": ruled out; "anything but certain": doubtful
    (
        ("off the table",),
        re.compile(r"\b(?:is|are|was|were|be|been|remains?)\s+off\s+the\s+table\b"),
        "is ruled out",
    ),
    (
        ("anything but",),
        re.compile(r"\banything\s+but\s+(?:certain|clear|sure|guaranteed|settled|assured|a\s+done\s+deal)\b"),
        "doubtful",
    ),
    # "no amount of money will fix it": money will not fix it
    (
        ("amount of",),
        re.compile(
            r"\b[Nn]o\s+amount\s+of\s+(?P<x>[^,;:.!?]{1,80}?)\s+"
            r"(?P<aux>will|would|can|could|should|is|was|are|were)\s+(?!not\b)"
        ),
        r"\g<x> \g<aux> not ",
    ),
    # "a one-time fix for a recurring problem", "a short-term fix at best", "just a stopgap", "a
    # band-aid", "treats the symptom rather than the disease": it will not solve the problem
    (
        ("fix", "solution", "patch", "measure", "aid", "Aid", "stopgap"),
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
        ("symptom",),
        re.compile(
            r"\b(?:treats?|treated|treating|addresses|address)\s+(?:the\s+|a\s+)?symptoms?\s+(?:rather\s+than|and\s+not|"
            r"but\s+not|instead\s+of)\s+(?:the\s+|its\s+)?(?:disease|cause|causes|illness|problem)\b"
        ),
        "will not solve the underlying problem",
    ),
    # "to own the issue of X": to champion X; "threw her weight behind X": champions X
    (("issue",), re.compile(r"\bown\s+the\s+issue\s+of\b"), "champion"),
    (
        ("issue",),
        re.compile(r"\bown\s+the\s+(?P<x>(?:[\w\-]+\s+){0,2}?[\w\-]+)\s+issue\b"),
        r"champion \g<x>",
    ),
    (
        ("weight behind",),
        re.compile(
            r"\b(?:threw|throw|throws|throwing|thrown)\s+(?:his|her|their|its|our|my|your)\s+(?:full\s+)?weight\s+behind\b"
        ),
        "champions",
    ),
    # "has cooled on X": has soured on X; "walked back her support for X": now opposes X
    (("cooled on",), re.compile(r"\bcooled\s+on\b"), "soured on"),
    (
        ("back",),
        re.compile(
            r"\b(?:walked|walks|walking)\s+back\s+(?:his|her|their|its|our|my)\s+support\s+(?:for|of)\b"
        ),
        "now opposes",
    ),
    # "pull the plug on X": cancel X
    (
        ("plug",),
        re.compile(r"\b(?P<v>pull(?:ed|s|ing)?)\s+the\s+plug\s+on\b"),
        lambda m: {"pull": "cancel", "pulled": "cancelled", "pulls": "cancels", "pulling": "cancelling"}[
            m.group("v")
        ],
    ),
    # "gives up on the harbor", "writes off the farms": abandon (the engine read "give up" as the
    # speaker's giving up on the question)
    (
        ("up on",),
        re.compile(
            r"\b(?P<neg>(?:should|will|would|can|must|do|does|did|wo|ca)?\s*(?:never|not|n['’]t))\s+(?:ever\s+)?give\s+up\s+on\b"
        ),
        lambda m: ("should" if m.group("neg").startswith("should") else "will") + " keep fighting for",
    ),
    (
        ("up on",),
        re.compile(r"\b(?P<v>give|gives|gave|giving|given)\s+up\s+on\b"),
        lambda m: {
            "give": "abandon",
            "gives": "abandons",
            "gave": "abandoned",
            "giving": "abandoning",
            "given": "abandoned",
        }[m.group("v")],
    ),
    (
        ("off",),
        re.compile(r"\b(?P<v>write|writes|wrote|writing|written)\s+off\b"),
        lambda m: {
            "write": "abandon",
            "writes": "abandons",
            "wrote": "abandoned",
            "writing": "abandoning",
            "written": "abandoned",
        }[m.group("v")],
    ),
    # "X is safe -- but then there are always exceptions": X, with a few exceptions (the engine
    # read the exceptions as the claim); "I wouldn't bet against it": I expect it
    (
        ("outlier", "exception"),
        re.compile(
            r"\s*[,;]?\s*(?:--|[—–-])?\s*\bbut\s+(?:then\s+)?(?:again\s+)?there\s+(?:are|will\s+be|is|were)\s+"
            r"(?:always\s+)?(?:the\s+|some\s+|a\s+few\s+)?(?:outliers|exceptions|an?\s+(?:outlier|exception))\b"
        ),
        ", with a few exceptions",
    ),
    (
        ("bet against",),
        re.compile(r"\b(?:would\s+not|would\s*n['’]t|would\s+never|['’]d\s+never)\s+bet\s+against\b"),
        "would expect",
    ),
    # "Who could argue against cleaner air?", "No one could object to X": I fully support it (the
    # engine read the rhetorical question as opposition)
    (
        ("argue against", "object to", "oppose", "be against", "disagree with", "say no to"),
        re.compile(
            r"\b(?:[Ww]ho|[Nn]o\s*one|[Nn]obody)\s+(?:could|would|can|will|should)\s+(?:possibly\s+|really\s+|seriously\s+)?"
            r"(?:argue\s+against|object\s+to|oppose|be\s+against|disagree\s+with|say\s+no\s+to)\s+(?P<x>[^?.!]+)[?.!]?"
        ),
        r"I fully support \g<x>.",
    ),
    # "the plan falls short": it is not good enough; "it hits the mark": it gets it right
    (
        ("short",),
        re.compile(r"\b(?:falls|fall|fell|falling|fallen)\s+(?:well\s+|far\s+|way\s+)?short\b(?!\s+of\b)"),
        "is not good enough",
    ),
    (("the mark",), re.compile(r"\b(?:hits|hit|hitting)\s+the\s+mark\b"), "gets it right"),
    # "a lifeline for families": a vital help; "the costs outweigh the benefits": it does more
    # harm than good (the engine read both the wrong way round); "can't afford to wait": must
    # act now; "I have my doubts (about X)": I doubt (X)
    (("lifeline",), re.compile(r"\ba\s+lifeline\s+(?:for|to)\b"), "a vital help for"),
    (  # "the costs of the ban outweigh its benefits": the ban does more harm than good
        ("outweigh",),
        re.compile(
            r"\b(?:the\s+)?(?:costs|risks|downsides|harms|drawbacks|dangers)\s+of\s+"
            r"(?P<x>(?:the|a|an|this|that|its|their|such\s+a)\s+[^,.;]{1,50}?)\s+(?:far\s+|clearly\s+|still\s+)?"
            r"outweigh\s+(?:the\s+|its\s+|their\s+|any\s+)?(?:benefits|gains|upside|advantages)\b",
            re.IGNORECASE,
        ),
        r"\g<x> does more harm than good",
    ),
    (
        ("outweigh",),
        re.compile(
            r"\b(?:the\s+|its\s+)?(?:costs|risks|downsides|harms|drawbacks|dangers)\s+(?:far\s+|clearly\s+|still\s+)?"
            r"outweigh\s+(?:the\s+|its\s+|any\s+)?(?:benefits|gains|upside|advantages)\b",
            re.IGNORECASE,
        ),
        "it does more harm than good",
    ),
    (
        ("afford to wait",),
        re.compile(r"\b(?:can['’]t|cannot|can\s+not)\s+afford\s+to\s+wait\b"),
        "must act now",
    ),
    (
        ("doubts",),
        re.compile(
            r"\b(?P<who>[Ii]|[Ww]e|[Tt]hey)\s+(?:still\s+)?(?:have|had)\s+(?:my|our|their|some|serious|real|grave)\s+doubts\b(?:\s+about)?"
        ),
        r"\g<who> doubt",
    ),
    # "That is not a small effect", "no small feat": a significant one (the engine read the negation)
    (
        ("small", "minor", "trivial", "negligible", "insignificant", "tiny", "little"),
        re.compile(
            r"\b(?:not|no)\s+(?P<a>(?:an?|so)\s+)?(?:small|minor|trivial|negligible|insignificant|tiny|little)\b(?!\s+(?:than|part\s+of))"
        ),
        lambda m: ("a " if m.group("a") and m.group("a").strip() in ("a", "an") else "") + "significant",
    ),
    # "I wouldn't say no to a sale": I would welcome one
    (
        ("say no",),
        re.compile(
            r"\b(?:would\s+not|would\s*n['’]t|will\s+not|won['’]t|would\s+never|will\s+never)\s+say\s+no\s+to\b"
        ),
        "would welcome",
    ),
)


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


def plain_phrasings(text: str) -> str:
    """Doubt, superlatives, urgency and idioms in words the engine reads the right way round."""
    upper, changed = text[:1].isupper(), False
    for keys, rx, plain in IDIOMS:
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
