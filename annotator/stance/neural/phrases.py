"""Invented phrases for training-data augmentation (see `augment`): frames around a claim,
contrast patterns, sentences that only restate a question, and everyday sentences that
address no question at all. General English; no article, person or question of any
evaluation set.

Placeholders: {x} the claim (first letter lower-cased, no final stop), {neg} the claim with
its negation switched, {a}/{b} the two sides of a contrast (lower-cased) and {A}/{B} the same
as full sentences, {Q} a yes/no question.
"""

from __future__ import annotations

import random

#: (template, effect on the claim's label): "keep" or "flip"
FRAMES: tuple[tuple[str, str], ...] = (
    # hedged or plain assertion: the claim's side
    ("Perhaps {x}", "keep"),
    ("I suspect {x}", "keep"),
    ("It may well be that {x}", "keep"),
    ("I'm fairly confident that {x}", "keep"),
    ("Frankly, {x}", "keep"),
    ("I have come to believe that {x}", "keep"),
    ("The evidence is clear: {x}", "keep"),
    ("My sense is that {x}", "keep"),
    # double negation: still the claim's side
    ("There is no denying that {x}", "keep"),
    ("Nothing could be clearer to me: {x}", "keep"),
    ("No argument I have heard is stronger than this one: {x}", "keep"),
    ("No one can seriously deny that {x}", "keep"),
    ("I don't doubt that {x}", "keep"),
    ("It is not true that {neg}", "keep"),
    ("It would be wrong to say that {neg}", "keep"),
    ("I can't disagree with the view that {x}", "keep"),
    # rhetorical questions that assert the claim
    ("Who could deny that {x}?", "keep"),
    ("Isn't it obvious that {x}?", "keep"),
    # doubt, denial and rejection: the other side
    ("I doubt that {x}", "flip"),
    ("It is a myth that {x}", "flip"),
    ("It is not true that {x}", "flip"),
    ("I don't think {x}", "flip"),
    ("I'm not convinced that {x}", "flip"),
    ("Nobody seriously believes that {x}", "flip"),
    ("There's no evidence that {x}", "flip"),
    ("It's wrong to claim that {x}", "flip"),
    ("Those who claim that {x} are mistaken", "flip"),
    ("It's naive to think that {x}", "flip"),
    ("I'd be surprised if it turned out that {x}", "flip"),
    ("I wouldn't bet on the idea that {x}", "flip"),
    ("I used to think {x}, but not anymore", "flip"),
    ("The idea that {x} does not hold up", "flip"),
    # rhetorical questions that deny the claim
    ("Does anyone really believe that {x}?", "flip"),
    ("How can anyone say that {x}?", "flip"),
)

#: contrast patterns: the label is the side of {b}/{B}, the clause the speaker stands on
CONTRASTS: tuple[str, ...] = (
    "{A} But {B}",
    "I used to believe {a}, but {b}.",
    "Although {a}, {b}.",
    "While {a}, {b}.",
    "Some argue that {a}. However, {B}",
    "It's true that {a}, but {b}.",
    "I can see the argument that {a}, but {b}.",
    "Critics say {a}. I disagree: {B}",
    "Granted, {a}. Still, {B}",
    "Yes, {a}. Even so, {B}",
)

#: sentences that only repeat a question: they take no side
RESTATE: tuple[str, ...] = (
    "The panel will take up the question next week: {Q}",
    "Reporters asked her: {Q}",
    "The survey asked respondents: {Q}",
    "The debate on Tuesday turned on one question: {Q}",
    "Listeners were invited to call in and answer: {Q}",
    "The hearing is scheduled to consider the question: {Q}",
)

_FIRST = ("Mara", "Tomas", "Ilse", "Dev", "Noor", "Pavel", "Ines", "Kofi", "Lena", "Oren", "Ruth", "Sami")
_LAST = ("Voss", "Reyna", "Halden", "Okafor", "Lindqvist", "Marek", "Castell", "Ibarra", "Tannen", "Quill")
_PLACES = (
    "a small coastal town",
    "the northern suburbs",
    "a farming village",
    "the old harbour district",
    "a city in the Midwest",
    "the capital",
    "a mountain valley",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EVENTS = (
    "annual book fair",
    "spring exhibition",
    "film festival",
    "charity run",
    "county fair",
    "new concert series",
)
_ORGS = (
    "a regional newspaper",
    "the city council staff",
    "a shipping company",
    "a children's hospital",
    "the state archive",
    "a software start-up",
    "a local theatre company",
)
_VENUES = ("hotel ballroom", "school gymnasium", "community hall", "conference centre", "church basement")

_EVERYDAY: tuple[str, ...] = (
    "{name} joined {org} in {year}.",
    "The {event} opens on {day}.",
    "{name}, {age}, grew up in {place}.",
    "The meeting was held in a {venue} in {place}.",
    "Tickets for the {event} go on sale on {day} morning.",
    "{name} spoke to reporters after the {event}.",
    "The report runs to {pages} pages and includes several appendices.",
    "{name} has written three books, the latest in {year}.",
    "This interview has been edited for length and clarity.",
    "{name} did not respond to a request for comment on {day}.",
    "The office is on the fourth floor of a building near the station.",
    "The company was founded in {year} and employs about {staff} people.",
    "Rain is expected across the region on {day}.",
    "{name} lives with her two children in {place}.",
    "The orchestra opens its {event} on {day}.",
    "Doors open at seven, and the talk starts half an hour later.",
    "{name} studied history before moving to {place} in {year}.",
    "The conference drew about {staff} people this year.",
    "He is married and has two daughters.",
    "The building was renovated in {year}.",
)

#: words too common to tell two questions' topics apart
COMMON_WORDS: frozenset[str] = frozenset(
    [
        "should",
        "would",
        "could",
        "must",
        "will",
        "shall",
        "house",
        "believes",
        "believe",
        "that",
        "this",
        "with",
        "have",
        "been",
        "more",
        "from",
        "their",
        "they",
        "there",
        "which",
        "into",
        "about",
        "being",
        "other",
        "than",
        "make",
        "made",
        "good",
        "better",
        "people",
        "allowed",
        "right",
        "wrong",
        "ought",
        "does",
        "every",
        "should",
        "world",
        "countries",
        "country",
        "government",
        "governments",
        "state",
        "states",
        "public",
        "should",
    ]
)


def everyday_sentence(rng: random.Random) -> str:
    """An invented sentence about no contested question (a schedule, a career, a place)."""
    template = rng.choice(_EVERYDAY)
    return template.format(
        name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        org=rng.choice(_ORGS),
        year=rng.randint(1975, 2024),
        day=rng.choice(_DAYS),
        event=rng.choice(_EVENTS),
        age=rng.randint(24, 81),
        place=rng.choice(_PLACES),
        venue=rng.choice(_VENUES),
        pages=rng.randint(40, 400),
        staff=rng.randint(20, 3000),
    )


# --------------------------------------------------------------------------- predictions
#: invented events: (subject, base verb phrase, -ing verb phrase); questions about whether
#: something will happen are answered with likelihood words ("no chance", "bound to")
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("the merger", "go through", "going through"),
    ("the bill", "pass the senate", "passing the senate"),
    ("the strike", "end this month", "ending this month"),
    ("the company", "be sold this year", "being sold this year"),
    ("the team", "win the title", "winning the title"),
    ("the council", "approve the budget", "approving the budget"),
    ("the talks", "produce a deal", "producing a deal"),
    ("prices", "fall next year", "falling next year"),
    ("the candidate", "win the primary", "winning the primary"),
    ("the court", "overturn the ruling", "overturning the ruling"),
    ("the airline", "return to profit", "returning to profit"),
    ("the central bank", "raise rates again", "raising rates again"),
    ("the treaty", "be ratified", "being ratified"),
    ("the plant", "reopen", "reopening"),
    ("the governor", "sign the law", "signing the law"),
    ("voters", "approve the measure", "approving the measure"),
    ("the project", "finish on time", "finishing on time"),
    ("the union", "accept the offer", "accepting the offer"),
    ("the economy", "slip into recession", "slipping into recession"),
    ("the firm", "find a buyer", "finding a buyer"),
    ("the new rules", "cut emissions", "cutting emissions"),
    ("the reform", "lower costs for families", "lowering costs for families"),
    ("the ceasefire", "hold", "holding"),
    ("the startup", "go public next year", "going public next year"),
    ("the minister", "resign", "resigning"),
    ("the scheme", "work in practice", "working in practice"),
    ("the stadium", "be built on time", "being built on time"),
    ("the two parties", "reach a compromise", "reaching a compromise"),
    ("the club", "keep its coach", "keeping its coach"),
    ("the housing plan", "bring rents down", "bringing rents down"),
)

#: yes/no question forms about an event
PREDICTION_QUESTIONS: tuple[str, ...] = (
    "Will {s} {v}?",
    "Is {s} likely to {v}?",
    "Can {s} {v}?",
    "Could {s} {v}?",
    "Is it likely that {s} will {v}?",
)

#: (template, label): what a speaker says about whether it will happen
PREDICTIONS: tuple[tuple[str, str], ...] = (
    ("{S} will {v}.", "support"),
    ("{S} is almost certain to {v}.", "support"),
    ("I fully expect {s} to {v}.", "support"),
    ("There's every chance {s} will {v}.", "support"),
    ("{S} is bound to {v}, in my view.", "support"),
    ("Make no mistake: {s} will {v}.", "support"),
    ("I'd be surprised if {s} didn't {v}.", "support"),
    ("Nothing can stop {s} from {ving} now.", "support"),
    ("It's inevitable that {s} will {v}.", "support"),
    ("If current trends hold, {s} will {v}.", "support"),
    ("There's no question {s} will {v}.", "support"),
    ("Some doubt it, but {s} will {v}.", "support"),
    ("I'm fairly sure {s} will {v}.", "support"),
    ("My guess is that {s} will {v}, probably sooner than people think.", "support"),
    ("I think {s} will probably {v}.", "support"),
    ("{S} won't {v}.", "oppose"),
    ("{S} is unlikely to {v}.", "oppose"),
    ("There's no way {s} will {v}.", "oppose"),
    ("I wouldn't bet on {s} {ving}.", "oppose"),
    ("{S} has little chance of {ving}.", "oppose"),
    ("Fine in principle, but I'm not putting money on {s} {ving}.", "oppose"),
    ("It's a long shot that {s} will {v}.", "oppose"),
    ("Don't expect {s} to {v} any time soon.", "oppose"),
    ("The odds are against {s} {ving}.", "oppose"),
    ("People hope {s} will {v}, but it won't happen.", "oppose"),
    ("{S} could {v} in theory, but I doubt it.", "oppose"),
    ("I'm skeptical that {s} will {v}.", "oppose"),
    ("Nobody knows yet whether {s} will {v}.", "none"),
    ("It's too early to say if {s} will {v}.", "none"),
    ("We'll know next month whether {s} will {v}.", "none"),
    ("It remains to be seen whether {s} will {v}.", "none"),
)


#: how a speaker names an event without repeating the question's words: (subject, noun)
EVENT_NOUNS: dict[str, tuple[str, ...]] = {
    "the merger": ("a deal", "the tie-up"),
    "the bill": ("passage", "a vote in its favour"),
    "the strike": ("a settlement", "an end to the walkout"),
    "the company": ("a sale", "a takeover", "a buyer stepping in"),
    "the team": ("a championship", "a title run"),
    "the council": ("a budget deal", "approval"),
    "the talks": ("an agreement", "a breakthrough"),
    "prices": ("a drop", "cheaper prices"),
    "the candidate": ("a victory", "an upset"),
    "the court": ("a reversal", "a new ruling"),
    "the airline": ("a recovery", "a profitable year"),
    "the treaty": ("ratification", "approval"),
    "the plant": ("a reopening", "the lights coming back on"),
    "the union": ("a settlement", "a yes vote"),
    "the economy": ("a downturn", "a slump"),
    "the firm": ("a buyer", "a sale"),
    "the two parties": ("a bargain", "common ground"),
    "the startup": ("a listing", "an offering"),
}
#: (template, label): the event named by a noun of its own ({n}), not the question's words
OBLIQUE_PREDICTIONS: tuple[tuple[str, str], ...] = (
    ("I'm not betting on {n}.", "oppose"),
    ("I just don't see {n} happening.", "oppose"),
    ("{N} looks like a long shot to me.", "oppose"),
    ("There's little appetite for {n} right now.", "oppose"),
    ("Could {n} happen? Sure. Will it? I doubt it.", "oppose"),
    ("Nobody I talk to expects {n} this year.", "oppose"),
    ("I wouldn't hold my breath waiting for {n}.", "oppose"),
    ("{N} is only a matter of time.", "support"),
    ("Everything points to {n}.", "support"),
    ("The pieces are in place for {n}.", "support"),
    ("I'd be shocked if we didn't see {n} soon.", "support"),
    ("Sooner or later {n} will come; the numbers leave no other way.", "support"),
    ("Whether we see {n} is anyone's guess.", "none"),
    ("Ask me again about {n} in a month.", "none"),
)

# --------------------------------------------------------------------------- effects
#: invented measures and who they touch: (measure, group)
MEASURES: tuple[tuple[str, str], ...] = (
    ("the new ferry timetable", "island commuters"),
    ("the parking levy", "small shops"),
    ("the orchard subsidy", "fruit growers"),
    ("the longer school day", "working parents"),
    ("the river toll", "delivery drivers"),
    ("the harbour dredging plan", "fishing crews"),
    ("the rent cap", "young tenants"),
    ("the library merger", "students"),
)
#: yes/no questions about a measure, some asked for the good side, some for the bad
EFFECT_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Is {m} good for {g}?", "good"),
    ("Will {m} help {g}?", "good"),
    ("Will {m} hurt {g}?", "bad"),
    ("Is {m} bad for {g}?", "bad"),
)
#: (template, side): what a speaker says, "good" or "bad" for the group, negated negatives too
EFFECTS: tuple[tuple[str, str], ...] = (
    ("{M} won't hurt {g} one bit.", "good"),
    ("It doesn't make life any harder for {g}.", "good"),
    ("Far from hurting {g}, {m} will help them.", "good"),
    ("I don't see any downside for {g}.", "good"),
    ("{G} have nothing to lose from {m}.", "good"),
    ("{M} does nothing for {g}.", "bad"),
    ("I don't see how {m} helps {g} at all.", "bad"),
    ("There's no evidence {m} makes things easier for {g}.", "bad"),
    ("Rather than helping {g}, {m} will squeeze them.", "bad"),
    ("{G} will hardly gain anything from {m}.", "bad"),
    ("{M} was drawn up last winter.", "none"),
)


# --------------------------------------------------------------------------- consequences
#: questions on a measure's merit ("good") or its harm ("bad"), asked of the same statements
CONSEQUENCE_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Was {m} the right decision?", "good"),
    ("Is {m} a good idea?", "good"),
    ("Should {m} stay in place?", "good"),
    ("Is {m} fair to {g}?", "good"),
    ("Does {m} harm {g}?", "bad"),
    ("Is {m} unfair to {g}?", "bad"),
    ("Does {m} make things worse for {g}?", "bad"),
)
#: (template, side): plain consequences and evidence, no negation: what a measure does to a
#: group says whether it was right, and whether it harms them
CONSEQUENCES: tuple[tuple[str, str], ...] = (
    ("Since {m} came in, {g} have had fewer problems.", "good"),
    ("{M} saves {g} real money every month.", "good"),
    ("{G} are clearly better off with {m}.", "good"),
    ("The figures show {g} doing better under {m}.", "good"),
    ("{M} has made daily life easier for {g}.", "good"),
    ("{M} punishes {g} for no good reason.", "bad"),
    ("{G} living with {m} end up with more problems.", "bad"),
    ("{M} hits {g} hardest.", "bad"),
    ("Under {m}, {g} pay more and get less.", "bad"),
    ("{G} have seen their costs rise because of {m}.", "bad"),
    ("{M} will be reviewed next spring.", "none"),
)


def consequence_example(rng: random.Random) -> tuple[str, str, str]:
    """(question, text, label) about an invented measure: a plain good or bad consequence
    answers "was it right?" and "does it harm them?" in opposite ways."""
    return _measure_example(rng, CONSEQUENCE_QUESTIONS, CONSEQUENCES)


# --------------------------------------------------------------------------- necessity
#: invented services and the people who use them: (thing, its pronoun, the users)
SERVICES: tuple[tuple[str, str, str], ...] = (
    ("the ferry", "it", "island families"),
    ("the village post office", "it", "older residents"),
    ("the rural clinic", "it", "farm workers"),
    ("the free school meals", "them", "poorer pupils"),
    ("the winter shelter", "it", "rough sleepers"),
    ("the library's evening hours", "them", "students"),
    ("the cycle lanes", "them", "commuters"),
    ("the flood barrier", "it", "riverside homes"),
    ("the mobile bank", "it", "remote villages"),
    ("the helpline", "it", "carers"),
    ("the weekend trains", "them", "day visitors"),
    ("the youth centre", "it", "teenagers"),
)
NECESSITY_QUESTIONS: tuple[str, ...] = (
    "Should the council keep {t}?",
    "Is {t} worth keeping?",
    "Should {t} be saved from the cuts?",
    "Does the town still need {t}?",
)
#: (template, label): {t} the thing, {p} its pronoun, {u} its users
NECESSITIES: tuple[tuple[str, str], ...] = (
    ("There's no way {u} could manage without {p}.", "support"),
    ("Without {p}, {u} would simply be stranded.", "support"),
    ("{U} can't do without {t}.", "support"),
    ("Take {t} away and {u} have nothing left.", "support"),
    ("Cutting {t} would leave {u} with no other option.", "support"),
    ("Not a week goes by without {u} relying on {t}.", "support"),
    ("Frankly, {u} would hardly notice if {t} closed.", "oppose"),
    ("Nobody would miss {t}.", "oppose"),
    ("{U} have better options now; {t} has had its day.", "oppose"),
    ("There's no reason to keep paying for {t} when {u} no longer use {p}.", "oppose"),
    ("{T} opens at nine and closes at six on weekdays.", "none"),
    ("{T} was first set up decades ago.", "none"),
)

# --------------------------------------------------------------------------- comparisons
#: invented places and what people do there: (place, activity)
PLACES_FOR: tuple[tuple[str, str], ...] = (
    ("the old harbour", "watch the boats"),
    ("the northern lake", "go sailing"),
    ("the city park", "take children on a Sunday"),
    ("the valley trail", "walk a dog"),
    ("the market square", "open a café"),
    ("the east quarter", "start a business"),
    ("the hill farm", "keep bees"),
    ("the south beach", "learn to surf"),
)
COMPARISON_QUESTIONS: tuple[str, ...] = (
    "Is {place} a good place to {act}?",
    "Would you recommend {place} to anyone who wants to {act}?",
)
#: (template, label): negated comparatives say the most, not the least
COMPARISONS: tuple[tuple[str, str], ...] = (
    ("There is no better place to {act} than {place}.", "support"),
    ("You won't find a nicer spot to {act} anywhere in the region.", "support"),
    ("Nowhere else comes close to {place} if you want to {act}.", "support"),
    ("Few places are as good as {place} to {act}.", "support"),
    ("I can't think of a worse place to {act} than {place}.", "oppose"),
    ("There are far better places to {act} than {place}.", "oppose"),
    ("{Place} is the last place I'd choose to {act}.", "oppose"),
    ("Nobody in their right mind would go to {place} to {act}.", "oppose"),
    ("{Place} lies a few miles from the town centre.", "none"),
)


def necessity_example(rng: random.Random) -> tuple[str, str, str]:
    """(question, text, label) about keeping an invented service: saying people cannot do
    without it supports keeping it, double negatives and all."""
    t, p, u = rng.choice(SERVICES)
    question = _cap(rng.choice(NECESSITY_QUESTIONS).format(t=t))
    template, label = rng.choice(NECESSITIES)
    text = template.format(t=t, T=_cap(t), p=p, u=u, U=_cap(u))
    return question, _cap(text), label


def comparison_example(rng: random.Random) -> tuple[str, str, str]:
    """(question, text, label) about an invented place: "no better place than X" is praise."""
    place, act = rng.choice(PLACES_FOR)
    question = _cap(rng.choice(COMPARISON_QUESTIONS).format(place=place, act=act))
    template, label = rng.choice(COMPARISONS)
    return question, _cap(template.format(place=place, Place=_cap(place), act=act)), label


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def prediction_example(rng: random.Random) -> tuple[str, str, str]:
    """(question, text, label) about an invented event; the text may be about another event
    (then it takes no side on the question: none)."""
    s, v, ving = rng.choice(EVENTS)
    question = _cap(rng.choice(PREDICTION_QUESTIONS).format(s=s, v=v))
    if rng.random() < 0.12:  # a statement about another event
        s2, v2, ving2 = rng.choice([e for e in EVENTS if e[0] != s])
        template, _ = rng.choice(PREDICTIONS)
        return question, _fill(template, s2, v2, ving2), "none"
    if s in EVENT_NOUNS and rng.random() < 0.4:  # the event in other words than the question's
        noun = rng.choice(EVENT_NOUNS[s])
        template, label = rng.choice(OBLIQUE_PREDICTIONS)
        return question, _cap(template.format(n=noun, N=_cap(noun))), label
    template, label = rng.choice(PREDICTIONS)
    return question, _fill(template, s, v, ving), label


def effect_example(rng: random.Random) -> tuple[str, str, str]:
    """(question, text, label) about an invented measure: "it won't hurt them" answers "is it
    good for them?" yes and "will it hurt them?" no."""
    return _measure_example(rng, EFFECT_QUESTIONS, EFFECTS)


def _measure_example(
    rng: random.Random, questions: tuple[tuple[str, str], ...], statements: tuple[tuple[str, str], ...]
) -> tuple[str, str, str]:
    """(question, text, label) about an invented measure and group: a statement on the side
    a question asks about ("good" or "bad") supports it, on the other side opposes it."""
    m, g = rng.choice(MEASURES)
    q_template, asked = rng.choice(questions)
    template, side = rng.choice(statements)
    text = _cap(template.format(m=m, M=_cap(m), g=g, G=_cap(g)))
    label = "none" if side == "none" else ("support" if side == asked else "oppose")
    return _cap(q_template.format(m=m, g=g)), text, label


def _fill(template: str, s: str, v: str, ving: str) -> str:
    return _cap(template.format(s=s, S=_cap(s), v=v, ving=ving))


__all__ = [
    "COMMON_WORDS",
    "CONTRASTS",
    "EVENTS",
    "FRAMES",
    "PREDICTIONS",
    "RESTATE",
    "comparison_example",
    "consequence_example",
    "effect_example",
    "everyday_sentence",
    "necessity_example",
    "prediction_example",
]
