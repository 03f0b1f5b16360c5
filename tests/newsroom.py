"""An invented story for the matrix and export tests: a city weighing a tram line, four
invented experts, a resident and an unnamed group, a five-question codebook, and quotes
with hand-set stances (test data for the matrix and the views, not model output).

`EXPECTED` is the matrix these quotes must make, worked out by hand from the rules in
`annotator.matrix.rules` (for and against on one question: mixed; neutral only when no quote
takes a side; nothing on it: not addressed).
"""

from __future__ import annotations

from annotator.models import (
    NOT_ADDRESSED,
    Article,
    Codebook,
    Expert,
    Question,
    Quote,
    ReviewedLabel,
    StancePrediction,
    quote_id,
)
from annotator.stance.relevance import context_for

ARTICLE_ID = "riverton-tram"
TITLE = "Riverton council weighs a tram line across the river"
URL = "https://news.example.org/riverton-tram"
PUBLISHED = "2031-05-14"

PARAGRAPHS = [
    TITLE,
    "The council of Riverton will vote next month on a tram line linking the old docks to the "
    "university quarter, a plan that has split the city's transport experts.",
    "“A tram is the only way to move forty thousand people a day across the river without "
    "choking the bridges,” said Amara Okafor, a transport economist at Northfield University.",
    "Okafor said the city should not raise fares to pay for the line. “Cheaper tickets fill "
    "the trams, and full trams pay their way,” she added.",
    "Lukas Brandt, an urban planner at the Institute for City Studies, was more cautious. "
    "“The tram makes sense for the docks, but the route through the old town is a mistake,” "
    "he said.",
    "Brandt argued that bus lanes should come first, because they can open within a year.",
    "“Buses on their own lanes would carry most of those riders for a tenth of the cost,” said "
    "Mei Tanaka, a senior lecturer in public finance at Eastgate College. “Building the tram "
    "now would be a costly error.”",
    "Tanaka said that fares are a question for the transport board, not for this vote.",
    "Hannah Levy, director of the Riverton Cycling Trust, said the council should delay the "
    "vote until the route is redrawn.",
    "“I just want the trains to run on time,” said Tom Reyes, who owns a bakery near the docks.",
    "Officials say the first trams could run in four years.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"

QUESTIONS = [
    ("build_tram", "Should Riverton build the tram line?", "Build the tram"),
    ("bus_lanes_first", "Should the city open bus lanes before any tram?", "Bus lanes first"),
    ("raise_fares", "Should fares rise to pay for the line?", "Raise fares"),
    ("delay_vote", "Should the council delay the vote?", "Delay the vote"),
    ("private_operator", "Should a private company run the line?", "Private operator"),
]

EXPERTS = [
    ("amara-okafor", "Amara Okafor", "transport economist", "Northfield University", "she"),
    ("lukas-brandt", "Lukas Brandt", "urban planner", "Institute for City Studies", "he"),
    ("mei-tanaka", "Mei Tanaka", "senior lecturer in public finance", "Eastgate College", "she"),
    ("hannah-levy", "Hannah Levy", "director", "Riverton Cycling Trust", "she"),
]
NAMES = {e[0]: e[1] for e in EXPERTS}

# (speaker id, the quote's words, kind, attribution, {question: label}); not listed: not_addressed
EXPERT_QUOTES = [
    (
        "amara-okafor",
        "“A tram is the only way to move forty thousand people a day across the river without "
        "choking the bridges,”",
        "direct",
        "name",
        {"build_tram": "support"},
    ),
    (
        "amara-okafor",
        "the city should not raise fares to pay for the line",
        "indirect",
        "surname",
        {"raise_fares": "oppose"},
    ),
    (
        "amara-okafor",
        "“Cheaper tickets fill the trams, and full trams pay their way,”",
        "direct",
        "pronoun",
        {"raise_fares": "oppose", "build_tram": "support"},
    ),
    (
        "lukas-brandt",
        "“The tram makes sense for the docks, but the route through the old town is a mistake,”",
        "direct",
        "name",
        {"build_tram": "mixed"},
    ),
    (
        "lukas-brandt",
        "bus lanes should come first, because they can open within a year",
        "indirect",
        "surname",
        {"bus_lanes_first": "support"},
    ),
    (
        "mei-tanaka",
        "“Buses on their own lanes would carry most of those riders for a tenth of the cost,”",
        "direct",
        "name",
        {"bus_lanes_first": "support", "build_tram": "oppose"},
    ),
    (
        "mei-tanaka",
        "“Building the tram now would be a costly error.”",
        "direct",
        "continuation",
        {"build_tram": "oppose"},
    ),
    (
        "mei-tanaka",
        "fares are a question for the transport board, not for this vote",
        "indirect",
        "surname",
        {"raise_fares": "neutral"},
    ),
    (
        "hannah-levy",
        "the council should delay the vote until the route is redrawn",
        "indirect",
        "name",
        {"delay_vote": "support"},
    ),
]
OTHER_QUOTES = [
    ("Tom Reyes", "“I just want the trains to run on time,”", "direct", "name"),
    (None, "the first trams could run in four years", "indirect", "group"),
]

# the matrix the quotes above make (rows in the order the experts first speak)
EXPECTED = {
    "amara-okafor": {"build_tram": "support", "raise_fares": "oppose"},
    "lukas-brandt": {"build_tram": "mixed", "bus_lanes_first": "support"},
    "mei-tanaka": {"build_tram": "oppose", "bus_lanes_first": "support", "raise_fares": "neutral"},
    "hannah-levy": {"delay_vote": "support"},
}
ROWS = [e[0] for e in EXPERTS]
# with `reviews()`: the reviewers split support / mixed on Brandt's bus-lanes quote
REVIEWED_CHANGES = {("lukas-brandt", "bus_lanes_first"): "mixed"}


def expected(expert_id: str, question: str, reviewed: bool = False) -> str:
    if reviewed and (expert_id, question) in REVIEWED_CHANGES:
        return REVIEWED_CHANGES[(expert_id, question)]
    return EXPECTED.get(expert_id, {}).get(question, NOT_ADDRESSED)


def article(url: str | None = URL, published: str | None = PUBLISHED) -> Article:
    return Article(
        id=ARTICLE_ID, text=TEXT, title=TITLE, url=url, published=published, outlet="Riverton Courier"
    )


def codebook() -> Codebook:
    return Codebook(
        title="Riverton's tram line",
        version="test",
        questions=[Question(id=i, text=t, short=s) for i, t, s in QUESTIONS],
    )


def experts() -> list[Expert]:
    return [
        Expert(id=i, name=n, role=r, organisation=o, pronoun=p, is_expert=True, articles=[ARTICLE_ID])
        for i, n, r, o, p in EXPERTS
    ]


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def quotes(article_id: str = ARTICLE_ID, with_others: bool = True) -> list[Quote]:
    """The expert quotes with their stances on every question (confidence 0.7-0.9, not
    addressed 0.6), and, with `with_others`, the resident's and the group's (no stances)."""
    roles = {e[0]: e for e in EXPERTS}
    out = []
    for n, (who, words, kind, how, labels) in enumerate(EXPERT_QUOTES):
        start, end = _span(TEXT, words)
        context = context_for(TEXT, start, end)  # the sentence before and the quote's own,
        context_start = TEXT.index(context)  # through the quote's end (as the extractor keeps it)
        context = TEXT[context_start : max(context_start + len(context), end)]
        stances = {}
        for qid, _, _ in QUESTIONS:
            label = labels.get(qid, NOT_ADDRESSED)
            conf = 0.6 if label == NOT_ADDRESSED else 0.7 + (n % 3) / 10
            terms = [qid.split("_")[0]] if label != NOT_ADDRESSED else None
            stances[qid] = StancePrediction(
                label=label, confidence=conf, model_version="test-labels", terms=terms
            )
        _, name, role, org, _ = roles[who]
        out.append(
            Quote(
                id=quote_id(article_id, start, end),
                article_id=article_id,
                start=start,
                end=end,
                text=words,
                kind=kind,
                speaker=name,
                speaker_id=who,
                speaker_is_expert=True,
                role=role,
                organisation=org,
                attribution=how,
                context=context,
                context_start=context_start,
                stances=stances,
            )
        )
    if with_others:
        for name, words, kind, how in OTHER_QUOTES:
            start, end = _span(TEXT, words)
            out.append(
                Quote(
                    id=quote_id(article_id, start, end),
                    article_id=article_id,
                    start=start,
                    end=end,
                    text=words,
                    kind=kind,
                    speaker=name,
                    speaker_id=name.lower().replace(" ", "-") if name else None,
                    attribution=how,
                )
            )
    return sorted(out, key=lambda q: q.start)


def reviews(items: list[Quote]) -> list[ReviewedLabel]:
    """Two reviewers confirm Tanaka's costly-error quote (oppose on the tram) and split on
    Brandt's bus-lanes quote (support and mixed): a reviewed cell and a disputed one."""
    out = []
    for q in items:
        if q.text.startswith("“Building the tram now"):
            pairs = [("reviewer-a", "oppose"), ("reviewer-b", "oppose")]
            question = "build_tram"
        elif q.text.startswith("bus lanes should come first"):
            pairs = [("reviewer-a", "support"), ("reviewer-b", "mixed")]
            question = "bus_lanes_first"
        else:
            continue
        for (who, label), day in zip(pairs, ("2031-05-20", "2031-05-21")):
            out.append(
                ReviewedLabel(
                    quote_id=q.id,
                    article_id=q.article_id,
                    start=q.start,
                    end=q.end,
                    question=question,
                    label=label,
                    annotator=who,
                    created_at=f"{day}T10:00:00Z",
                    model_label=q.stances[question].label,
                )
            )
    return out


__all__ = [
    "ARTICLE_ID",
    "EXPECTED",
    "NAMES",
    "ROWS",
    "TEXT",
    "TITLE",
    "URL",
    "article",
    "codebook",
    "expected",
    "experts",
    "quotes",
    "reviews",
]
