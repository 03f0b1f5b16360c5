"""Roles, organisations, and who counts as an expert.

`split_role("an economist who served as director of the Budget Office and is now president
of the Policy Forum")` -> ("economist; former director; president", "Budget Office; Policy
Forum"): the appositive's noun phrase, plus what a relative clause says the person is or
was ("who was X" -> "former X") or does ("who teaches law", "who runs a research firm");
coordinated roles ("director of X and an analyst") are kept apart; a role or organisation is
cut where a clause or a place begins ("... now", "... in Springfield", "... who has said").

`expert_by_role(role, title, organisation)` applies `EXPERT_RULES`, a table read top to
bottom; the first rule that matches decides:

| rule | verdict | e.g. |
|---|---|---|
| speaks for an organisation | no | spokeswoman, press secretary, communications director |
| former central or public banker | yes | former central-bank governor, former governor of a development bank |
| scholar | yes | professor, lecturer, fellow, researcher, research associate, teaches law |
| school staff | no | teacher, head teacher, school principal |
| campaign staff | no | deputy campaign manager, adviser to the campaign, a party's national committee staff |
| analyst | yes | economist, analyst, historian, pollster, scientist, adviser or "advises"/"advised" (not a government), "has studied X", "co-wrote a study" |
| heads a research organisation | yes | president of a think tank, director of a policy center, runs a research firm |
| former official | yes | former budget director, former ambassador (not a head of state or government, legislator or candidate) |
| politician | no | senator, governor, mayor, minister, candidate |
| engineer at a research organisation | yes | civil engineer at a university, planner at an institute |
| company staff | no | chief executive, manager, company lawyer, engineer |
| serving official | no | director of a federal agency, police chief, ambassador |
| academic title | yes | Dr., Professor (with no role above) |
| research affiliation | yes | no role, but "of the Example Institute of Technology", "of Eastbrook University" |

Anyone else (no role, or a role none of the rules names) is not an expert. The registry's
`is_expert` always wins over this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# --------------------------------------------------------------------------- word sets
# fmt: off
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary",
                    "communications director", "director of communications", "press officer"})
FORMER = frozenset({"former", "ex", "retired", "onetime", "one-time", "erstwhile", "formerly"})
BANK = frozenset({"central bank", "central-bank", "federal reserve", "reserve bank", "bank of", "development bank",
                  "national bank", "world bank", "monetary authority", "monetary fund"})
CAMPAIGN = frozenset({"campaign", "campaign's", "superdelegate", "delegate", "party chairman", "party chair",
                      "party official", "transition team", "national committee"})
SCHOLAR = frozenset({"professor", "lecturer", "reader in", "fellow", "researcher", "research scientist", "scholar",
                     "research associate", "research assistant",
                     "academic", "teaches", "taught", "postdoctoral", "phd candidate", "doctoral", "emeritus",
                     "dean of", "provost", "lead author", "co-author", "coauthor"})
ANALYST = frozenset({"economist", "analyst", "historian", "pollster", "demographer", "scientist", "expert",
                     "physicist", "chemist", "statistician", "mathematician", "astronomer", "geographer",
                     "specialist", "epidemiologist", "physician", "doctor", "psychologist", "sociologist",
                     "political scientist", "strategist at", "adviser", "advisor", "commentator", "observer",
                     "author of", "report's author", "study's author", "paper's author", "studies",
                     "researches", "specializes", "specialises", "tracks", "follows", "advises", "advised", "studied",
                     "researched", "a study", "authored", "co-authored", "co-wrote", "co-led"})
GOVERNMENT = frozenset({"president", "white house", "administration", "government", "minister", "ministry",
                        "prime", "senator", "governor", "mayor", "secretary of", "cabinet", "congress",
                        "congressional", "parliament", "national security"})
LEADER = frozenset({"president", "director", "head", "heads", "chair", "chairman", "chairwoman", "founder",
                    "co-founder", "founded", "runs", "leads", "directs", "chief", "executive director",
                    "managing director", "partner", "principal"})
RESEARCH_ORG = frozenset({"institute", "institution", "think tank", "center", "centre", "foundation", "research",
                          "policy", "studies", "forum", "university", "college", "school", "academy of",
                          "laboratory", "observatory", "report", "analytics", "economics", "consultancy",
                          "advisory", "council on", "program", "programme", "initiative", "project"})
OFFICIAL = frozenset({"official", "officer", "secretary", "minister", "commissioner", "administrator",
                      "ambassador", "envoy", "diplomat", "director", "deputy", "assistant", "general", "admiral",
                      "commander", "colonel", "coordinator", "negotiator", "adviser", "advisor", "counsel",
                      "inspector", "auditor", "regulator", "head", "chief", "judge", "attorney general",
                      "prosecutor", "governor"})
TOP_POLITICAL = frozenset({"president", "prime", "senator", "governor", "candidate", "nominee", "king", "queen",
                           "chancellor", "mayor", "congressman", "congresswoman", "mp", "representative",
                           "lawmaker", "legislator", "speaker", "premier", "vice president", "assemblyman",
                           "assemblywoman", "councilman", "councilwoman", "councillor"})
POLITICIAN = frozenset({"senator", "governor", "mayor", "minister", "prime", "candidate", "nominee",
                        "congressman", "congresswoman", "representative", "lawmaker", "legislator", "mp", "mep",
                        "president", "premier", "king", "queen", "chancellor", "councilman", "councilwoman",
                        "councillor", "assemblyman", "assemblywoman", "speaker", "leader", "democrat",
                        "republican", "party", "secretary of state", "cabinet"})
SERVING = frozenset({"official", "officer", "secretary", "commissioner", "administrator", "ambassador", "envoy",
                     "diplomat", "director", "agency", "bureau", "department", "police", "chief", "sheriff",
                     "general", "admiral", "commander", "judge", "justice", "prosecutor", "attorney general",
                     "regulator", "inspector", "coordinator", "adviser", "advisor"})
COMPANY = frozenset({"executive", "ceo", "cfo", "coo", "chief executive", "chief financial", "chief operating",
                     "vice president", "manager", "employee", "owner", "lawyer", "attorney", "banker", "trader",
                     "salesman", "saleswoman", "engineer", "accountant"})
ENGINEERS = frozenset({"engineer", "architect", "urban planner", "planner"})
SCHOOL_STAFF = frozenset({"teacher", "head teacher", "headteacher", "headmaster", "headmistress",
                          "school principal", "principal of"})
TITLES = frozenset({"dr", "professor", "prof"})
SCIENCE_RE = re.compile(r"[a-z]ologists? ")
# an organisation that, named with no role ("Ann Kim of the Example Institute of Technology"),
# says its people do research
RESEARCH_AFFILIATION = frozenset({"university", "college", "institute", "institution", "think tank",
                                  "laboratory", "academy of", "school of", "research"})


# fmt: on


@dataclass(frozen=True)
class ExpertRule:
    """A row of the expert table: the role has a word of `any_of`, and (when given) one of
    `also`, and none of `unless`; then `verdict`."""

    why: str
    verdict: bool
    any_of: frozenset[str]
    also: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()


EXPERT_RULES: tuple[ExpertRule, ...] = (
    ExpertRule("speaks for an organisation", False, SPOKES),
    ExpertRule("former central or public banker", True, FORMER, also=BANK),
    ExpertRule("scholar", True, SCHOLAR),
    ExpertRule("school staff", False, SCHOOL_STAFF),
    ExpertRule("campaign staff", False, CAMPAIGN, unless=FORMER),
    ExpertRule("analyst", True, ANALYST, unless=GOVERNMENT),
    ExpertRule("heads a research organisation", True, LEADER, also=RESEARCH_ORG),
    ExpertRule("former official", True, FORMER, also=OFFICIAL | ANALYST | LEADER, unless=TOP_POLITICAL),
    ExpertRule("politician", False, POLITICIAN),
    ExpertRule("engineer at a research organisation", True, ENGINEERS, also=RESEARCH_AFFILIATION),
    ExpertRule("company staff", False, COMPANY),
    ExpertRule("serving official", False, SERVING),
)


def _text(*parts: str | None) -> str:
    """Lower-case words of the parts, space-separated and padded (for phrase look-ups)."""
    words = re.findall(r"[a-z][a-z'\-]*", " ".join(p for p in parts if p).lower().replace("’", "'"))
    return " " + " ".join(words) + " "


def _has(text: str, words: frozenset[str]) -> bool:
    return any(f" {w} " in text for w in words)


@lru_cache(maxsize=8192)
def expert_rule(
    role: str | None, title: str | None = None, organisation: str | None = None
) -> ExpertRule | None:
    """The first rule of `EXPERT_RULES` the role matches (None: no rule, or no role)."""
    text = _text(role, organisation)
    if SCIENCE_RE.search(text):
        text += "scientist "  # "hydrologist", "seismologist": the -ologist sciences
    if text.strip():
        # "ex-ambassador" reads as "ex ambassador"
        text = text.replace(" ex-", " ex ")
        for rule in EXPERT_RULES:
            if (
                _has(text, rule.any_of)
                and (not rule.also or _has(text, rule.also))
                and not _has(text, rule.unless)
            ):
                return rule
    if title and _has(_text(title), TITLES) and not _has(_text(role, title), POLITICIAN):
        return ExpertRule("academic title", True, TITLES)
    if not (role or "").strip() and _has(_text(organisation), RESEARCH_AFFILIATION):
        return ExpertRule("research affiliation", True, RESEARCH_AFFILIATION)
    return None


def expert_by_role(role: str | None, title: str | None = None, organisation: str | None = None) -> bool:
    """The expert rule for a speaker the registry does not mark (see the module doc)."""
    rule = expert_rule(role, title, organisation)
    return bool(rule and rule.verdict)


# --------------------------------------------------------------------------- role parsing
_REL = re.compile(r"\s*,?\s*\b(?:who|whom|whose)\b\s*", re.IGNORECASE)
_CLAUSE_CUT = re.compile(
    r"\s*,?\s*\b(?:who|whom|whose|which|that|where|now|currently|since|until|from \d{4}|"
    r"in \d{4}|between \d{4}|during|when|after|before|until|"
    r"for\s+(?:more\s+than\s+|nearly\s+|almost\s+|over\s+)?(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|thirty|many|several)\s+(?:years?|decades?|months?))\b.*$",
    re.IGNORECASE,
)
_PLACE_CUT = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*$")
_AND_ROLE = re.compile(
    r",?\s+and\s+(?=(?:an?|the|former|now|also|is|was|has|had|runs|heads|leads|teaches|"
    r"directs|served|serves|founded|author|co-author|professor|director|president|founder|"
    r"chair|head|editor|member|fellow|analyst|economist|adviser|advisor|lecturer|"
    r"researcher|expert|partner|consultant|senior|associate|assistant)\b)",
    re.IGNORECASE,
)
_ADVERBS = re.compile(
    r"^(?:(?:now|also|currently|previously|once|later|still|then|formerly|recently)\s+)+", re.IGNORECASE
)
_IS = re.compile(r"^(?:is|serves as|works as|acts as|has been|remains)\s+(?P<r>.+)$", re.IGNORECASE)
_WAS = re.compile(
    r"^(?:was|served as|worked as|had been|used to be|spent \w+ years as)\s+(?P<r>.+)$", re.IGNORECASE
)
_DOES = re.compile(
    r"^(?:runs|heads|leads|directs|chairs|founded|co-founded|oversees|manages|teaches|taught|"
    r"studies|studied|researches|researched|specializes in|specialises in|writes about|covers|tracks|"
    r"advises|advised|ran|headed|led|co-led|directed|wrote|co-wrote|authored|co-authored|conducted)\s+.+$",
    re.IGNORECASE,
)
_ORG_SPLIT = re.compile(r"\s+(?:at|of|for|with|from)\s+(?:the\s+)?(?:[a-z][a-z-]+\s+){0,3}?(?=[A-Z0-9])")
_AT_SPLIT = re.compile(r"\s+at\s+(?:the\s+)?(?:[a-z][a-z-]+\s+){0,3}?(?=[A-Z0-9])")
_AGE = re.compile(r"^\d{1,3}\s*(?:,\s*|$)")
#: first words that make an appositive a clause ("remained a defender of ..."), not a role
_NOT_ROLE_START = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "remained",
        "remains",
        "became",
        "becomes",
        "said",
        "says",
        "told",
        "added",
        "did",
        "does",
        "who",
        "which",
        "that",
        "whose",
        "whom",
        "in",
        "on",
        "during",
        "after",
    }
)
_ED_ROLE_START = frozenset(
    {
        "retired",
        "former",
        "acting",
        "elected",
        "appointed",
        "noted",
        "celebrated",
        "renowned",
        "respected",
        "distinguished",
        "unaffiliated",
        "registered",
        "licensed",
        "certified",
        "published",
        "tenured",
        "trained",
    }
)
_DET = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_AFFILIATION = re.compile(r"^(?:of|at|from|with)\s+(?:the\s+)?(?P<org>[A-Z0-9].*)$")

#: head nouns of an appositive that describe a place or an organisation, not a person
# fmt: off
PLACE_OR_ORG_HEADS = frozenset({
    "state", "city", "country", "town", "village", "county", "region", "province", "nation", "district",
    "neighborhood", "neighbourhood", "island", "suburb", "capital", "company", "firm", "corporation", "group",
    "organization", "organisation", "agency", "newspaper", "network", "channel", "station", "party", "union",
    "website", "magazine", "publication", "outlet", "bank", "fund", "charity", "nonprofit", "non-profit",
    "coalition", "committee", "chain", "retailer", "manufacturer", "maker", "airline", "university", "college",
    "institute", "think", "school", "hospital", "team", "club", "league", "court", "country's", "state's",
})
# fmt: on


def _clean(part: str) -> str:
    part = _AGE.sub("", part.strip(" ,;:"))
    adv = _ADVERBS.match(part)
    if adv:  # "now a professor at ...", "formerly an envoy to ...": the adverb, then the role
        part = part[adv.end() :]
        past = re.search(r"\b(?:formerly|previously|once)\b", adv.group(), re.IGNORECASE)
    part = _DET.sub("", part.strip(" ,;:"))
    if adv and past and part and not part.lower().startswith("former "):
        part = "former " + part
    part = _CLAUSE_CUT.sub("", part)
    part = _PLACE_CUT.sub("", part)
    first = part.split(None, 1)[0].lower() if part else ""
    if first in _NOT_ROLE_START or (
        first.endswith("ed") and first not in _ED_ROLE_START and not _DOES.match(part)
    ):
        return ""
    return part.strip(" ,;:")


def _role_org(part: str) -> tuple[str | None, str | None]:
    """ "senior lecturer at Harbor College" -> ("senior lecturer", "Harbor College")."""
    part = _clean(part)
    if not part:
        return None, None
    org = None
    role = part
    m = next(reversed(list(_AT_SPLIT.finditer(part))), None)  # the last "at"
    if m is None:
        m = _ORG_SPLIT.search(part)
    if m is not None:
        role, org = part[: m.start()].strip(), part[m.end() :].strip()
    elif re.match(r"(?:[A-Z][\w’'&.-]*\s+){1,5}[a-z]", part):
        # "UNESCO's former envoy", "Acme Corp analyst": organisation first (two words, an
        # acronym or a possessive; "Democratic strategist" is a role)
        m2 = re.match(r"((?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*?)([’']s)?\s+([a-z].*)$", part)
        if m2 and (m2.group(2) or " " in m2.group(1) or m2.group(1).isupper()):
            org, role = m2.group(1), m2.group(3)
    if org:
        org = _PLACE_CUT.sub("", org).strip(" ,;:") or None
    return (role or None), org


def _relative(clause: str) -> list[str]:
    """Role phrases a relative clause states: "was X" -> "former X", "is X" -> "X", "runs
    X" / "teaches X" as written; anything else says nothing about the role."""
    out = []
    for vp in _AND_ROLE.split(clause):
        vp = _ADVERBS.sub("", vp.strip(" ,;:"))
        vp = re.sub(
            r"^(?:has|have|had)\s+(?:long\s+|also\s+)?(?!been\b)(?=[a-z-]+\s)", "", vp
        )  # "has studied X"
        vp = re.sub(r"\s+(?:from|between)\s+\d{4}.*$|\s+(?:since|until|in)\s+\d{4}.*$", "", vp)
        m = _IS.match(vp)
        if m:
            r = _ADVERBS.sub("", m.group("r").strip())
            if not re.match(r"(?:not|no|never)\b", r, re.IGNORECASE):  # "is not related to ...": no role
                out.append(r)
            continue
        m = _WAS.match(vp)
        if m:
            r = _DET.sub("", _ADVERBS.sub("", m.group("r").strip()))
            if re.match(r"(?:not|no|never)\b", r, re.IGNORECASE):
                continue  # "who was not involved in the study": no role
            words = r.lower().split(None, 2)
            if (
                words
                and words[0].endswith("ed")
                and (
                    words[0] not in _ED_ROLE_START
                    or words[1:2] in (["in"], ["to"], ["by"], ["as"], ["on"], ["at"])
                )
            ):
                continue  # "who was elected in 2010", "who was named by the board": a passive, not a role
            out.append(r if r.lower().startswith(("former ", "a former ", "an ")) else "former " + r)
            continue
        if _DOES.match(vp):
            out.append(vp)
    return out


@lru_cache(maxsize=4096)
def split_role(appositive: str | None) -> tuple[str | None, str | None]:
    """(role, organisation) from an appositive; several roles or organisations are joined
    with "; " (see the module doc)."""
    if not appositive:
        return None, None
    app = appositive.strip().strip(",").strip()
    if len(app) < 3:
        return None, None
    aff = _AFFILIATION.match(app)
    if aff:  # "of the Harbor Institute": an affiliation only
        org = _PLACE_CUT.sub("", _CLAUSE_CUT.sub("", aff.group("org"))).strip(" ,;:")
        return None, (org or None)
    m = _REL.search(app)
    main, rel = (app[: m.start()], app[m.end() :]) if m else (app, "")
    parts = [p for p in _AND_ROLE.split(main) if p.strip()] if main.strip() else []
    if parts and re.match(r"^(?:which|that)\b", parts[0].strip(), re.IGNORECASE):
        parts = []
    parts += _relative(rel)
    roles: list[str] = []
    orgs: list[str] = []
    for part in parts:
        if re.match(
            r"^(?:is|was|has|had|runs|heads|leads|teaches|directs|served|serves|founded)\b",
            part.strip(),
            re.IGNORECASE,
        ):
            converted = _relative(part)
            if not converted:
                continue
            part = converted[0]
        role, org = _role_org(part)
        if role and role not in roles and len(role.split()) <= 10:
            roles.append(role)
        if org and org not in orgs and len(org.split()) <= 10:
            orgs.append(org)
    return ("; ".join(roles) or None), ("; ".join(orgs) or None)


def describes_place_or_org(appositive: str | None) -> bool:
    """An appositive whose head noun is a place or an organisation ("a state that ...",
    "the company's parent"): the name it follows is not a person."""
    if not appositive or _AFFILIATION.match(appositive.strip(" ,")):
        return False  # "of the Harbor Institute": where a person works
    app = _DET.sub("", appositive.strip(" ,").lower())
    head = re.split(
        r"\s+(?:that|which|who|where|whose|of|in|at|with|for|from|and|based|located|"
        r"headquartered|known|founded|owned|run)\b|,",
        app,
        maxsplit=1,
    )[0]
    words = head.split()
    return bool(words) and words[-1] in PLACE_OR_ORG_HEADS and len(words) <= 5


__all__ = [
    "EXPERT_RULES",
    "ExpertRule",
    "describes_place_or_org",
    "expert_by_role",
    "expert_rule",
    "split_role",
]
