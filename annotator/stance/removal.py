"""A removal said to be wrong, read as keeping: "There is no reason to scrap the credit",
"Closing the clinics would be a mistake", "We should not take them away", "Why would you
end a program that works?" are read as "we should keep ...".

The engine reads a denied or condemned removal as *oppose* whatever the question asks. On
invented probes it read all 5 such texts right on questions worded with the removal ("Should
the county close the clinics?") and 0 of 8 on questions worded for keeping ("Should the
county keep the clinics open?", "Should the city make the patios permanent?"), while it read
"We should keep the clinics" right on both kinds. So a text that denies or condemns a
removal is rewritten as keeping, but only for a question that does not itself ask for a
removal (`read_kept`); the journalist's question and the quote are stored as written.
"""

from __future__ import annotations

import re

#: verbs of ending or taking away a thing, with their forms: base, 3rd person, -ing, past,
#: past participle ("take ... away" and "get rid of" keep their particles)
_REMOVAL: tuple[tuple[str, str, str, str, str], ...] = (
    ("end", "ends", "ending", "ended", "ended"),
    ("scrap", "scraps", "scrapping", "scrapped", "scrapped"),
    ("abolish", "abolishes", "abolishing", "abolished", "abolished"),
    ("close", "closes", "closing", "closed", "closed"),
    ("shut down", "shuts down", "shutting down", "shut down", "shut down"),
    ("kill", "kills", "killing", "killed", "killed"),
    ("take away", "takes away", "taking away", "took away", "taken away"),
    ("get rid of", "gets rid of", "getting rid of", "got rid of", "gotten rid of"),
    ("do away with", "does away with", "doing away with", "did away with", "done away with"),
    ("eliminate", "eliminates", "eliminating", "eliminated", "eliminated"),
    ("remove", "removes", "removing", "removed", "removed"),
    ("cancel", "cancels", "cancelling", "cancelled", "cancelled"),
    ("repeal", "repeals", "repealing", "repealed", "repealed"),
    ("axe", "axes", "axing", "axed", "axed"),
    ("ditch", "ditches", "ditching", "ditched", "ditched"),
    ("dismantle", "dismantles", "dismantling", "dismantled", "dismantled"),
    ("discontinue", "discontinues", "discontinuing", "discontinued", "discontinued"),
    ("phase out", "phases out", "phasing out", "phased out", "phased out"),
    ("roll back", "rolls back", "rolling back", "rolled back", "rolled back"),
    ("defund", "defunds", "defunding", "defunded", "defunded"),
    ("tear down", "tears down", "tearing down", "tore down", "torn down"),
    ("knock down", "knocks down", "knocking down", "knocked down", "knocked down"),
    ("demolish", "demolishes", "demolishing", "demolished", "demolished"),
)


def _alt(forms: set[str]) -> str:
    return "|".join(sorted((re.escape(f).replace(r"\ ", r"\s+") for f in forms), key=len, reverse=True))


_BASE = _alt({r[0] for r in _REMOVAL} | {"take", "shut", "phase", "roll", "tear", "knock"})
_ING = _alt({r[2] for r in _REMOVAL} | {"taking", "shutting", "phasing", "rolling", "tearing", "knocking"})
_PP = _alt({r[4] for r in _REMOVAL})
_ANY = _alt(
    {f for r in _REMOVAL for f in r} | {"take", "took", "taken", "taking", "shut", "shutting", "tear", "tore"}
)
#: what is removed: the rest of the clause (not "end up", "close to", "end of")
_OBJ = r"(?!\s*(?:up|to|of)\b)(?P<x>[^,.;:!?]{2,80}?)"
_STOP = r"(?=\s*(?:[,.;:!?]|$|\s+(?:now|just|because|when|if|since|unless|until|anytime)\b))"
#: words that say a removal is wrong
_WRONG = (
    r"(?:a\s+(?:big\s+|huge\s+|serious\s+|terrible\s+|grave\s+)?(?:mistake|error|shame|tragedy|disaster)|"
    r"(?:very\s+|really\s+|incredibly\s+)?(?:foolish|wrong|crazy|madness|reckless|short-sighted|"
    r"shortsighted|silly|absurd|ridiculous|unwise|irresponsible)|a\s+(?:bad|terrible|dumb)\s+idea)"
)
_REASON = r"(?:good\s+|real\s+|compelling\s+|single\s+|valid\s+|strong\s+)?(?:reason|argument|case|need|justification)"

#: the start of the clause a removal is condemned in: "There is no reason to ...", "It
#: would be a mistake to ..." become "we should keep ..." (what came before a comma stays)
_LEAD = r"(?:^|(?<=[.;:!?,])\s*|(?<=[.;:!?,][\"”’]))[^.;:!?,]*?"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "there is no reason to scrap the credit", "I don't see a good argument for taking them away"
    re.compile(
        rf"{_LEAD}(?:\bno|n['’]t\s+(?:see|find|know\s+of)\s+(?:a|any)|\bnot\s+(?:a|any))\s+{_REASON}\s+"
        rf"(?:to|for)\s+(?P<v>{_BASE}|{_ING})\s+{_OBJ}{_STOP}",
        re.IGNORECASE,
    ),
    # "it would be foolish to end a program that works", "a mistake to close the clinics"
    re.compile(rf"{_LEAD}\b{_WRONG}\s+to\s+(?P<v>{_BASE})\s+{_OBJ}{_STOP}", re.IGNORECASE),
    # "why would you end a program that works?"
    re.compile(
        rf"{_LEAD}\bwhy\s+(?:would|should|on\s+earth\s+would)\s+(?:you|we|anyone|they|the\s+\w+)\s+"
        rf"(?P<v>{_BASE})\s+{_OBJ}{_STOP}",
        re.IGNORECASE,
    ),
    # "Closing the clinics would be a mistake": the removal named first
    re.compile(
        rf"{_LEAD}\b(?P<v>{_ING})\s+(?P<x>[^,.;:!?]{{2,80}}?)\s+(?:would|will|is|was)\s+(?:be\s+)?"
        rf"(?:just\s+|simply\s+)?{_WRONG}\b",
        re.IGNORECASE,
    ),
)
#: "we should not scrap the credit", "you can't take them away": the subject keeps it
_DENIED_RE = re.compile(
    rf"\b(?P<m>should|must|would|will|can|could)(?:\s+not|n['’]t)\s+(?P<v>{_BASE})\s+{_OBJ}{_STOP}",
    re.IGNORECASE,
)
#: "the credit should not be scrapped"
_DENIED_PASSIVE_RE = re.compile(
    rf"\b(?P<m>should|must|can|will|would)(?:\s+not|n['’]t)\s+be\s+(?:{_PP})\b", re.IGNORECASE
)
_ASKS_REMOVAL_RE = re.compile(rf"\b(?:{_ANY})\b", re.IGNORECASE)
#: a particle after a short object: "take them away" -> "them"
_PARTICLE_END_RE = re.compile(r"^(?P<o>\S+(?:\s+\S+)?)\s+(?:away|down|out|back)$", re.IGNORECASE)
#: verbs that remove only with their particle ("take them away", not "take it into account")
_PARTICLE_VERBS = frozenset({"take", "taking", "shut", "shutting", "phase", "phasing", "roll", "rolling", "tear",
                             "tearing", "knock", "knocking"})  # fmt: skip


def _object(x: str) -> str:
    x = x.strip()
    m = _PARTICLE_END_RE.match(x)
    return m.group("o") if m else x


def _no_particle(m: re.Match[str]) -> bool:
    """A particle verb matched without its particle ("take the interests into account")."""
    return m.group("v").lower() in _PARTICLE_VERBS and _PARTICLE_END_RE.match(m.group("x").strip()) is None


def _lead_kept(m: re.Match[str]) -> str:
    if _no_particle(m):
        return m.group()
    lead = m.group()[: len(m.group()) - len(m.group().lstrip())]
    return f"{lead}we should keep {_object(m.group('x'))}"


def _denied_kept(m: re.Match[str]) -> str:
    if _no_particle(m):
        return m.group()
    return f"{m.group('m')} keep {_object(m.group('x'))}"


def read_kept(text: str, question: str) -> str:
    """The text with each denied or condemned removal read as keeping (see module doc); as it
    is for a question that itself names a removal ("Should the county close the clinics?")."""
    if not question or _ASKS_REMOVAL_RE.search(question) or not _ASKS_REMOVAL_RE.search(text):
        return text
    for rx in _PATTERNS:
        text = rx.sub(_lead_kept, text)
    text = _DENIED_RE.sub(_denied_kept, text)
    return _DENIED_PASSIVE_RE.sub(lambda m: f"{m.group('m')} be kept", text)


__all__ = ["read_kept"]
