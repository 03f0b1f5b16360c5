"""A change said the other way round from the question's ("Rents will fall" on "Will rents
rise?", "The pier is cheaper" on "Does the pier cost more?"), shown to the stance engine as
the negation of the question's word ("Rents will not rise"): on invented probes the engine
read such pairs as agreeing. Used by `annotator.stance.reading.read_for`."""

from __future__ import annotations

import re

#: verbs whose past and participle are not "-ed", and those that double their last letter
_IRREGULAR = {
    "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"),
    "grow": ("grew", "grown"),
    "shrink": ("shrank", "shrunk"),
    "go": ("went", "gone"),
    "win": ("won", "won"),
    "lose": ("lost", "lost"),
    "cut": ("cut", "cut"),
    "shut": ("shut", "shut"),
    "quit": ("quit", "quit"),
    "keep": ("kept", "kept"),
    "leave": ("left", "left"),
    "tear": ("tore", "torn"),
    "strike": ("struck", "struck"),
    "uphold": ("upheld", "upheld"),
    "cancel": ("canceled", "cancelled"),
}
_DOUBLES = frozenset({"drop", "win", "cut", "shut", "quit", "cancel"})


def _forms(verb: str) -> tuple[str, ...]:
    """(base, 3rd person, past, participle, -ing) of a verb, or of a phrasal verb's first word
    ("go up": "goes up", "went up", ...)."""
    head, _, rest = verb.partition(" ")
    tail = " " + rest if rest else ""
    stem = head + head[-1] if head in _DOUBLES else head
    past, participle = _IRREGULAR.get(head, (head + "d",) * 2 if head.endswith("e") else (stem + "ed",) * 2)
    third = head + "es" if head.endswith(("s", "sh", "ch", "x", "o")) else head + "s"
    ing = head[:-1] + "ing" if head.endswith("e") else stem + "ing"
    return tuple(w + tail for w in (head, third, past, participle, ing))


#: verbs of change, and verbs of acting on something, that have an opposite below
_VERBS = [
    "rise",
    "fall",
    "increase",
    "decrease",
    "grow",
    "shrink",
    "drop",
    "decline",
    "climb",
    "raise",
    "boost",
    "cut",
    "reduce",
    "lower",
    "win",
    "lose",
    "expand",
    "contract",
    "improve",
    "worsen",
    "deteriorate",
    "create",
    "destroy",
    "eliminate",
    "approve",
    "reject",
    "block",
    "veto",
    "open",
    "close",
    "shut",
    "demolish",
    "preserve",
    "restore",
    "end",
    "cancel",
    "extend",
    "renew",
    "lift",
    "keep",
    "maintain",
    "leave",
    "quit",
    "remain",
    "stay",
    "accept",
    "refuse",
    "support",
    "back",
    "endorse",
    "oppose",
    "uphold",
    "overturn",
    "survive",
] + [
    "go up",
    "go down",
    "tear down",
    "knock down",
    "turn down",
    "strike down",
    "go bankrupt",
    "go under",
]
#: plain adjectives whose opposites the engine read as agreeing ("E-scooters are safe" on
#: "Are e-scooters dangerous?", invented probes): said "not X" even as a modifier
_PLAIN_ADJECTIVES = (
    "safe",
    "dangerous",
    "unsafe",
    "risky",
    "affordable",
    "cheap",
    "expensive",
    "unaffordable",
    "costly",
    "likely",
    "unlikely",
    "clean",
    "polluted",
    "dirty",
    "strong",
    "weak",
    "legal",
    "illegal",
    "effective",
    "ineffective",
    "successful",
    "unsuccessful",
    "fair",
    "unfair",
)
_PLAIN = frozenset(_PLAIN_ADJECTIVES)
#: adjectives (comparative or plain) of one form each ("not faster", "not dangerous")
_ADJECTIVES = [
    "faster",
    "quicker",
    "slower",
    "safer",
    "riskier",
    "better",
    "worse",
    "stronger",
    "weaker",
    "higher",
    "lower",
    "larger",
    "bigger",
    "smaller",
    "earlier",
    "later",
    "early",
    "late",
    "easier",
    "harder",
    *_PLAIN_ADJECTIVES,
    "mandatory",
    "compulsory",
    "voluntary",
    "optional",
    "more dangerous",
    "more difficult",
]
#: (a word both, "lower", is the verb: its forms include the adjective)
_CHANGE_FORMS: dict[str, tuple[str, ...]] = {a: (a,) * 5 for a in _ADJECTIVES} | {
    v: _forms(v) for v in _VERBS
}
#: each form, the word it is a form of and which form (the first entry naming it)
_FORM_OF: dict[str, tuple[str, int]] = {}
for _base, _fs in _CHANGE_FORMS.items():
    for _k, _f in enumerate(_fs):
        _FORM_OF.setdefault(_f, (_base, _k))
_UP = ("rise", "increase", "grow", "go up", "climb", "raise", "boost")
_DOWN = ("fall", "decrease", "shrink", "drop", "decline", "go down", "cut", "reduce", "lower")
#: the other pairs of opposite words (each side: what the question may ask, what says the other way)
_OPPOSITES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("approve",), ("reject", "block", "veto")),
    (("demolish", "tear down", "knock down"), ("preserve", "restore")),
    (("end", "cancel"), ("extend", "renew")),
    (("lift",), ("keep", "maintain")),
    (("accept",), ("reject", "refuse", "turn down")),
    (("support", "back", "endorse"), ("oppose",)),
    (("uphold",), ("strike down", "overturn")),
    (("survive",), ("go bankrupt", "go under")),
    (("leave", "quit"), ("remain", "stay")),
    (("open",), ("close", "shut")),
    (("mandatory", "compulsory"), ("voluntary", "optional")),
    (("safe",), ("dangerous", "unsafe", "risky")),
    (("affordable", "cheap"), ("expensive", "unaffordable", "costly")),
    (("likely",), ("unlikely",)),
    (("clean",), ("polluted", "dirty")),
    (("win",), ("lose",)),
    (("create",), ("destroy", "eliminate")),
    (("expand",), ("contract", "shrink")),
    (("improve",), ("worsen", "deteriorate")),
    (("faster", "quicker"), ("slower",)),
    (("safer",), ("riskier", "more dangerous")),
    (("better",), ("worse",)),
    (("stronger",), ("weaker",)),
    (("strong",), ("weak",)),
    (("legal",), ("illegal",)),
    (("effective",), ("ineffective",)),
    (("successful",), ("unsuccessful",)),
    (("fair",), ("unfair",)),
    (("higher",), ("lower",)),
    (("larger", "bigger"), ("smaller",)),
    (("earlier", "early"), ("later", "late")),
    (("easier",), ("harder", "more difficult")),
)
#: comparatives of cost: the question's word, and what says the opposite
_COST_UP = ("more expensive", "cost more", "costs more", "costlier", "pricier")
_COST_DOWN = ("cheaper", "less expensive", "cost less", "costs less")


def _form_re(bases: tuple[str, ...]) -> re.Pattern[str]:
    forms = sorted({f for b in bases for f in _CHANGE_FORMS[b]}, key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")\b", re.IGNORECASE
    )


_UP_RE, _DOWN_RE = _form_re(_UP), _form_re(_DOWN)
#: (what the question asks, what says the other way), both ways round for each pair
_DIRECTION_PAIRS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (_UP_RE, _DOWN_RE),
    (_DOWN_RE, _UP_RE),
    *((_form_re(a), _form_re(b)) for a, b in _OPPOSITES),
    *((_form_re(b), _form_re(a)) for a, b in _OPPOSITES),
)
#: "it could be worse", "could have been worse": not bad, no opposite of "better"
_COULD_BE_WORSE_RE = re.compile(
    r"could\s+(?:have\s+been|be)\s+(?:a\s+lot\s+|much\s+|far\s+)?$", re.IGNORECASE
)
_COST_UP_RE = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _COST_UP) + r")\b", re.IGNORECASE
)
_COST_DOWN_RE = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _COST_DOWN) + r")\b", re.IGNORECASE
)


#: a preposition or determiner right before a verb of change: it is used as a noun or a
#: modifier ("result in reduced benefits", "a sharp cut"), not as the verb
_NOUN_USE_RE = re.compile(r"\b(?:in|of|for|with|a|an|the|by|from|on|at|its|their|his|her)\s+$", re.IGNORECASE)
#: a degree word right before an adjective ("more expensive", "too costly", "very risky")
_DEGREE_BEFORE_RE = re.compile(
    r"\b(?:more|less|most|least|too|very|so|really|extremely|quite|deeply|highly|increasingly|relatively|fairly)\s+$",
    re.IGNORECASE,
)
#: a negation right before a word ("will not fall", "won't go down"): left as written
_NEGATED_BEFORE_RE = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _not_the_other_way(word: str, asked: str, participle: bool = False) -> str:
    """The form of `word` (a verb of change going the other way) said as a negation of the
    asked verb: "fall" -> "not rise", "fell" -> "did not rise", "falls" -> "does not rise",
    "falling" -> "not rising", "fallen" -> "not risen"."""
    found = _FORM_OF.get(" ".join(word.lower().split()))
    if found is None:
        return word
    k = found[1]
    a = _CHANGE_FORMS[asked]
    if participle and k in (2, 3):  # "has fallen", "was decreased": the participle
        return "not " + a[3]
    return ("not " + a[0], "does not " + a[0], "did not " + a[0], "not " + a[3], "not " + a[4])[k]


_AUX_BEFORE_RE = re.compile(
    r"\b(?:be|been|being|is|are|was|were|has|have|had)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def _stems(text: str) -> set[str]:
    from annotator.stance.features import content_stems, tokenize

    return set(content_stems(tokenize(text)))


#: words after a verb of change that are no object of it ("rise next year", "cut by half")
_NO_OBJECT = frozenset(
    [
        "by",
        "in",
        "on",
        "at",
        "for",
        "next",
        "this",
        "that",
        "after",
        "before",
        "under",
        "over",
        "to",
        "from",
        "than",
        "soon",
        "again",
        "sharply",
        "steadily",
        "further",
        "quickly",
        "slowly",
        "this",
        "year",
        "month",
        "week",
    ]
)


def _around(text: str, start: int, end: int, before: int) -> set[str]:
    """What changes at a verb of change in `text[start:end]`: the words before it, and the
    words after it when they are its object ("cut emissions", not "fall next year")."""
    after = re.split(r"[,.;:!?]", text[end:], maxsplit=1)[0].split()[:4]
    words = text[:start].split()[-before:]
    if after and after[0].lower().strip("’'\"") not in _NO_OBJECT:
        words += after
    return _stems(" ".join(words))


def read_direction(text: str, question: str) -> str:
    """`text` as the engine reads it on `question` when the two speak of one change in
    opposite directions: the engine read "Rents will fall" as agreeing with "Will rents
    rise?" and "The bridge is cheaper" with "Does the bridge cost more?" (invented probes).
    The text's verb of change is said as the negation of the question's ("Rents will not
    rise"; "The bridge is not more expensive"), when the question has a verb of change one
    way, the text only the other way, and one of the question's words before its verb (what
    changes) comes shortly before the text's ("Poverty can be reduced" says nothing of "Should
    the wage be increased?")."""
    for ask_re, other_re in _DIRECTION_PAIRS:
        q = ask_re.search(question)
        if q is None or other_re.search(question) or ask_re.search(text) or not other_re.search(text):
            continue
        low = " ".join(q.group().lower().split())
        asked = _FORM_OF[low][0]
        subject = _around(question, q.start(), q.end(), 12) - _stems(q.group())

        def flip(m: re.Match, asked: str = asked, subject: set[str] = subject) -> str:
            if _NEGATED_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
                return m.group()  # "will not fall": left as written
            if not subject & _around(text, m.start(), m.end(), 6):
                return m.group()  # "Litter can be reduced by a higher levy": another thing changes
            if _COULD_BE_WORSE_RE.search(text, max(0, m.start() - 30), m.start()):
                return m.group()
            if (
                _NOUN_USE_RE.search(text, max(0, m.start() - 8), m.start())
                and m.group().lower() not in _PLAIN
            ):
                return m.group()  # "result in reduced benefits", "a cut": a noun or its modifier
            if _DEGREE_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
                return m.group()  # "more expensive", "too costly": a degree the engine reads as written
            passive = _AUX_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()) is not None
            return _not_the_other_way(m.group(), asked, passive)

        return other_re.sub(flip, text)
    for ask_re, other_re, say in (  # (cost: a negated comparative is rare; left to the engine)
        (_COST_UP_RE, _COST_DOWN_RE, "not more expensive"),
        (_COST_DOWN_RE, _COST_UP_RE, "not cheaper"),
    ):
        q = ask_re.search(question)
        o = other_re.search(text)
        if (
            q is not None
            and o is not None
            and not other_re.search(question)
            and not ask_re.search(text)
            and _around(question, q.start(), q.end(), 12) & _around(text, o.start(), o.end(), 6)
        ):
            return other_re.sub(say, text)
    return text


__all__ = ["read_direction"]
