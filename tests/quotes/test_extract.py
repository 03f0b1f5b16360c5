"""Quote finding: which spans are quotes, of what kind, and where they start and end.

Every sentence here is invented for the tests."""

from __future__ import annotations

import pytest

from annotator.models import Article
from annotator.quotes import find_quotes
from annotator.quotes.text import paragraphs, quotations, sentences


def found(text: str) -> list[tuple[str, str]]:
    """(kind, span text) of every quote found."""
    return [(q.kind, q.text) for q in find_quotes(Article(id="t", text=text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # curly double quotes, cue after
        (
            "“The bridge will not be ready before winter,” Maria Lopez said.",
            [("direct", "“The bridge will not be ready before winter,”")],
        ),
        # straight double quotes
        (
            '"The bridge will not be ready before winter," Maria Lopez said.',
            [("direct", '"The bridge will not be ready before winter,"')],
        ),
        # NYT-style doubled apostrophes
        (
            "''The bridge will not be ready before winter,'' Maria Lopez said.",
            [("direct", "''The bridge will not be ready before winter,''")],
        ),
        # a nested single-quoted word stays inside the quote
        (
            "“The rush for a ‘quick fix’ misses the point,” said Tom Brisk.",
            [("direct", "“The rush for a ‘quick fix’ misses the point,”")],
        ),
        # several sentences inside one pair of marks
        (
            "Ann Kim said: “Prices rose. Wages did not. That is the problem.”",
            [("direct", "“Prices rose. Wages did not. That is the problem.”")],
        ),
        # cue before the quote with an appositive
        (
            "Ann Kim, an economist at the Harbor Institute, stated, “Prices will fall by spring.”",
            [("direct", "“Prices will fall by spring.”")],
        ),
        # an exclamation mark before the cue does not end the sentence
        (
            '"We need a better plan for the river now!" Tom Brisk said on the radio.',
            [("direct", '"We need a better plan for the river now!"')],
        ),
        # marks typed the wrong way round (scraped text): a closing mark opening a paragraph,
        # an opening mark closing the words after their comma or full stop
        (
            "”We are proud of the crews. They sailed through the storm.” ― Tom Brisk",
            [("direct", "”We are proud of the crews. They sailed through the storm.”")],
        ),
        (
            "“Not yet,“ Ann Kim said. “The ferry is late again.“",
            [("direct", "“Not yet,“"), ("direct", "“The ferry is late again.“")],
        ),
        # a short quoted sentence going on after the attribution is still speech
        (
            '"There was smoke all over the pier," Ann Kim said. "Smoke everywhere."',
            [("direct", '"There was smoke all over the pier,"'), ("direct", '"Smoke everywhere."')],
        ),
        # right after "said," the quotation is speech, though nothing in it ends a sentence
        (
            'Ann Kim said, "The council will build the bridge" - at which point the crowd cheered.',
            [("direct", '"The council will build the bridge"')],
        ),
        # "blurted out" frames a quotation; "Minutes later" is no part of what was said
        (
            'Ann Kim, in an interview with a radio station, blurted out, "Oh, no," at the news.',
            [("direct", '"Oh, no,"')],
        ),
        ('Minutes later, Ann Kim sent an email saying, "done."', [("direct", '"done."')]),
    ],
)
def test_direct_quotes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quote continued after its cue: two parts, one group
        (
            "“Rents are too high,” Kim noted. “Nobody can save anything anymore.”",
            ["“Rents are too high,”", "“Nobody can save anything anymore.”"],
        ),
        # split around the cue in one sentence
        (
            "“Rents are too high,” Kim said, “and nobody can save anything.”",
            ["“Rents are too high,”", "“and nobody can save anything.”"],
        ),
        # continued in the next paragraph, and in a bullet, with no cue
        (
            "“Rents are too high for young families,” Kim said.\n\n“Nobody can save anything anymore.”\n"
            "- “And the city does nothing about it.”",
            [
                "“Rents are too high for young families,”",
                "“Nobody can save anything anymore.”",
                "“And the city does nothing about it.”",
            ],
        ),
    ],
)
def test_continued_quotes_share_the_speaker(text, expected):
    qs = find_quotes(Article(id="t", text=text))
    assert [q.text for q in qs] == expected
    assert {q.speaker for q in qs} == {"Kim"}
    # the parts of one quote share one group
    assert len({q.group for q in qs}) == 1 and qs[0].group is not None
    # the first part is named by its frame; the others continue it, or share its frame
    assert qs[0].attribution == "surname" and qs[0].cue is not None
    assert all(
        (q.attribution == "continuation" and q.cue is None)
        or (q.attribution, q.cue) == (qs[0].attribution, qs[0].cue)
        for q in qs[1:]
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tom Brisk argued that the council should delay the vote.",
            [("indirect", "the council should delay the vote")],
        ),
        (
            "Ann Kim, a lecturer at the Harbor Institute, emphasized to the committee that rents must be capped.",
            [("indirect", "rents must be capped")],
        ),
        (
            "The council should delay the vote, according to Tom Brisk.",
            [("indirect", "The council should delay the vote")],
        ),
        (
            "According to Tom Brisk, the council should delay the vote.",
            [("indirect", "the council should delay the vote")],
        ),
        (
            "The council, Tom Brisk said, should delay the vote.",
            [("indirect", "The council"), ("indirect", "should delay the vote")],
        ),
        (
            "Tom Brisk warned that the deal could be a “costly mistake” for the town.",
            [("mixed", "the deal could be a “costly mistake” for the town")],
        ),
        # content stops before a second reporting clause
        (
            "She said that the plan was late, adding that the budget had doubled.",
            [("indirect", "the plan was late"), ("indirect", "the budget had doubled")],
        ),
        (
            "Analysts caution that the figure is too low, estimating that costs will rise.",
            [("indirect", "the figure is too low")],
        ),
        # content opening with a quantity ("about half", "nearly 40 percent")
        (
            "The planning office said about half of the new spending went to fuel.",
            [("indirect", "about half of the new spending went to fuel")],
        ),
        (
            "The survey team said nearly 40 percent of the wells were dry.",
            [("indirect", "nearly 40 percent of the wells were dry")],
        ),
        # naming verbs: the object and its description are the content
        (
            "The mayor called the harbor plan a costly mistake.",
            [("indirect", "the harbor plan a costly mistake")],
        ),
        (
            "Ann Kim described the new tax as a burden on small shops.",
            [("indirect", "the new tax as a burden on small shops")],
        ),
        (
            "Tom Brisk called the zoning rules “absurd and outdated.”",
            [("mixed", "the zoning rules “absurd and outdated.”")],
        ),
        # the quotation ends the content where a comma or a dash parts it from what follows
        (
            "The ferry lost money, which Tom Brisk called “a scandal,” citing the council.",
            [("mixed", "“a scandal,”")],
        ),
        (
            "Ann Kim called the levy “a blunder” -- the question now is whether the board will act.",
            [("mixed", "the levy “a blunder”")],
        ),
        (
            "Tom Brisk called the budget “a blueprint” for the next ten years.",
            [("mixed", "the budget “a blueprint” for the next ten years")],
        ),
        # where and when it was said is not the content
        ("Ann Kim called the levy “reckless” in a tweet on Sunday.", [("mixed", "the levy “reckless”")]),
        (
            "Ann Kim called the levy “reckless” in a tweet on Sunday, and two councillors asked for a review.",
            [("mixed", "the levy “reckless”")],
        ),
        # a short thing written is no reported content; what was written about is
        ("Sen. Ann Kim, who wrote the bill, spoke first.", []),
        ("Ann Kim wrote the levy was unfair.", [("indirect", "the levy was unfair")]),
        # "said of X that ...": the that-clause
        ("Tom Brisk said of the levy that it was badly drawn.", [("indirect", "it was badly drawn")]),
        (
            "According to Ann Kim, “The harbor is busier than it has ever been,” perhaps because of the new pier.",
            [("direct", "“The harbor is busier than it has ever been,”")],
        ),
        (
            "According to Ann Kim, “the old pier” will close in May.",
            [("mixed", "“the old pier” will close in May")],
        ),
        # polls, reports and audits as sources of "shows", "finds"
        (
            "A new poll shows that most residents oppose the harbor bridge.",
            [("indirect", "most residents oppose the harbor bridge")],
        ),
        (
            "The latest survey shows the mayor with a five-point lead.",
            [("indirect", "the mayor with a five-point lead")],
        ),
        (
            "The audit finds the agency lost track of its trucks.",
            [("indirect", "the agency lost track of its trucks")],
        ),
        # commitments and agreement: the "to ..." clause or the "that" clause is the content
        ("The senator vowed to repeal the ferry tax.", [("indirect", "to repeal the ferry tax")]),
        (
            "The union threatened to strike before the harvest.",
            [("indirect", "to strike before the harvest")],
        ),
        ("The governor agreed that the levy was too high.", [("indirect", "the levy was too high")]),
        # an inverted speaker followed by a relative clause: the content is on the left
        (
            "Nor will the new tolls bring the ferries back, said Jane Roe, a lecturer at the Harbor Institute, "
            "who has studied the port for years.",
            [("indirect", "Nor will the new tolls bring the ferries back")],
        ),
        # a dash-delimited aside between the subject and the cue
        (
            "Many guests at the dinner — including bakers, farmers and teachers — said the closure hurt the town.",
            [("indirect", "the closure hurt the town")],
        ),
        # "according to" with a long source, an aside before it, no comma, or a short adverbial first
        (
            "The council put the plan on hold, according to engineers who inspected the dam.",
            [("indirect", "The council put the plan on hold")],
        ),
        (
            "Last spring the harbor lost 12 boats — mostly small sailboats — according to the port register.",
            [("indirect", "Last spring the harbor lost 12 boats — mostly small sailboats")],
        ),
        (
            "Turnout fell for a third year according to figures from the county clerk, but few were surprised.",
            [("indirect", "Turnout fell for a third year")],
        ),
        (
            "Over the next decade, according to the water board, the lake will shrink.",
            [("indirect", "Over the next decade"), ("indirect", "the lake will shrink")],
        ),
        # questions: "asked whether ...", "asked someone to ...", and an unattributed "Asked if ..., X said"
        (
            "The board asked the state whether the toll was legal.",
            [("indirect", "whether the toll was legal")],
        ),
        (
            "Ann Kim asked two young clerks to reopen the archive.",
            [("indirect", "two young clerks to reopen the archive")],
        ),
        (
            "Asked whether the storm had hurt sales, Tom Brisk said the shops were fine.",
            [("indirect", "whether the storm had hurt sales"), ("indirect", "the shops were fine")],
        ),
        # the question put to the speaker before a quotation is not part of her words
        (
            "Asked on Monday whether she would sign it, Ann Kim said: “I’m waiting for the board.”",
            [("indirect", "whether she would sign it"), ("direct", "“I’m waiting for the board.”")],
        ),
        (
            "Asked about the toll, Ann Kim said, “I’m waiting for the board.”",
            [("direct", "“I’m waiting for the board.”")],
        ),
        # a semicolon closes a trailing attribution
        (
            "The toll will pay for the bridge, transport analysts say; in 2019, the ferry lost money.",
            [("indirect", "The toll will pay for the bridge")],
        ),
        # asides between the speaker and the cue: age, affiliation, a name after its description,
        # "including ...", a relative clause, a bracketed remark
        ("Ann Kim, 64, said the orchard would be sold.", [("indirect", "the orchard would be sold")]),
        (
            "Tom Brisk, at the Harbor Institute, said tides were rising faster.",
            [("indirect", "tides were rising faster")],
        ),
        (
            "A farmer from the valley, Jo Marsh, said the rain came late this year.",
            [("indirect", "the rain came late this year")],
        ),
        (
            "Three bakers, including Brisk, said flour prices had doubled.",
            [("indirect", "flour prices had doubled")],
        ),
        (
            "The clubs, which rarely agree on anything, said the field needed new grass.",
            [("indirect", "the field needed new grass")],
        ),
        (
            "Ann Kim (who chairs the garden club) said the roses had survived.",
            [("indirect", "the roses had survived")],
        ),
        # a quotation closing a sentence inside indirect speech ends the sentence
        (
            "Kim said the repairs were “nearly done.” She said the pool would open in June.",
            [("mixed", "the repairs were “nearly done.”"), ("indirect", "the pool would open in June")],
        ),
        # content of a relative clause stops before the main clause's cue
        (
            "Brisk, who said he rarely cooks, said the new cafe was his favorite.",
            [("indirect", "he rarely cooks"), ("indirect", "the new cafe was his favorite")],
        ),
        # content before "the AP reported", "X told the paper", "the University of Y reported"
        (
            "The ferry was late again on Monday, the Harbor Times reported.",
            [("indirect", "The ferry was late again on Monday")],
        ),
        (
            "The orchard will need new trees within five years, Tom Brisk told the Herald.",
            [("indirect", "The orchard will need new trees within five years")],
        ),
        (
            "Still, Brisk told the club, the new pier could be finished by May.",
            [("indirect", "the new pier could be finished by May")],
        ),
        (
            "Bees are returning to the valley, the University of Eastbrook reported last week.",
            [("indirect", "Bees are returning to the valley")],
        ),
        # verbs of speaking with a preposition take their object as content
        (
            "Tom Brisk complained about the noise from the new harbor.",
            [("indirect", "the noise from the new harbor")],
        ),
        ("The mayor talked of a new start for the town.", [("indirect", "a new start for the town")]),
        # "reportedly": the subject and the predicate, with no named source
        (
            "The bakery is reportedly moving to a larger building.",
            [("indirect", "The bakery"), ("indirect", "moving to a larger building")],
        ),
        # quantifiers and plural nouns as groups of speakers
        (
            "Of the anglers at the lake, many said the fish were smaller.",
            [("indirect", "the fish were smaller")],
        ),
        ("Most attendees said they would return next year.", [("indirect", "they would return next year")]),
        # words before a mid-sentence cue are content too when a quotation follows it
        (
            "By next spring, Brisk said, “the whole garden will be in bloom again.”",
            [("indirect", "By next spring"), ("direct", "“the whole garden will be in bloom again.”")],
        ),
        # a bare clause after the medium and time of the statement
        (
            "The garden club said in a letter Friday morning it would host the fair.",
            [("indirect", "it would host the fair")],
        ),
        ("Brisk said Monday the ferry would run again.", [("indirect", "the ferry would run again")]),
        # a headline or summary line "Name: what they said."
        (
            "Brisk: Garden Fair Draws Its Largest Crowd Yet.",
            [("indirect", "Garden Fair Draws Its Largest Crowd Yet")],
        ),
        (
            "Kim to Bakers: Flour prices will fall by spring.",
            [("indirect", "Flour prices will fall by spring")],
        ),
        # title-case headlines with a capitalised cue
        ("Brisk Says Orchard Will Open Again In April.", [("indirect", "Orchard Will Open Again In April")]),
        (
            "The Garden Fair Needs More Volunteers, Ann Kim Says.",
            [("indirect", "The Garden Fair Needs More Volunteers")],
        ),
        # passive views with no named holder: "seen as", "regarded as", "known to be"
        (
            "The fair moved to Elmwood, a town seen as friendly to growers.",
            [("indirect", "a town"), ("indirect", "as friendly to growers")],
        ),
        (
            "Brisk is widely regarded as the favorite.",
            [("indirect", "Brisk"), ("indirect", "as the favorite")],
        ),
        # a stance inside reported content is part of it, not a quote of its own
        (
            "Ann Kim says she wants to rebuild the old pier by spring.",
            [("indirect", "she wants to rebuild the old pier by spring")],
        ),
        # an article's dateline is no part of the content before an inverted cue
        (
            "PORT ALDER, Ore. — The toll would cut traffic, several planners said this week.",
            [("indirect", "The toll would cut traffic")],
        ),
        (
            "US-BASED shippers would pay more, Ann Kim warned.",
            [("indirect", "US-BASED shippers would pay more")],
        ),
        # an infinitive after an interrupting cue is the rest of the content; "to reporters" is not
        (
            "It is the council's job, she said, to explain the levy to every household.",
            [("indirect", "It is the council's job"), ("indirect", "to explain the levy to every household")],
        ),
        ("The levy is too high, she said to reporters.", [("indirect", "The levy is too high")]),
        # "according to" inside a clause: both sides are the content
        (
            "Ridership, according to the transit board, has doubled since May.",
            [("indirect", "Ridership"), ("indirect", "has doubled since May")],
        ),
        # a spaced dash ends the source; a dash ends the words a "that" may be looked for in
        (
            "The levy would raise $4 million a year, according to the Harbor Budget Office - a tenth of the deficit.",
            [("indirect", "The levy would raise $4 million a year")],
        ),
        (
            "PORT ALDER -- Fares will rise this year, the transit board reported on Tuesday -- a change that riders fear.",
            [("indirect", "Fares will rise this year")],
        ),
        # a "which" clause after a parenthetical cue comments on the content before it
        (
            "Riders in the survey were older and richer, she noted, which could explain the gap.",
            [("indirect", "Riders in the survey were older and richer")],
        ),
        # the speaker's own stance verb inside her reported words is part of them, not a second quote
        (
            "Ann Kim says she would not recommend the toll to towns without a bus service.",
            [("indirect", "she would not recommend the toll to towns without a bus service")],
        ),
        # "was also accused" is a passive, not a speaker of its own inside "As X noted, ..."
        (
            "As Ann Kim noted, the mayor was also accused of breaking the rules.",
            [("indirect", "the mayor was also accused of breaking the rules")],
        ),
        # an appositive of the content's subject does not end the content; one after it does
        (
            "Tom Brisk said the levy, a flat fee on every car, would hurt drivers.",
            [("indirect", "the levy, a flat fee on every car, would hurt drivers")],
        ),
        (
            "Tom Brisk said the council approved the levy, a move that angered drivers.",
            [("indirect", "the council approved the levy")],
        ),
        (
            "Tom Brisk said the levy, which took effect in May, would hurt drivers.",
            [("indirect", "the levy, which took effect in May, would hurt drivers")],
        ),
        # the means ("by raising ...") is part of what was said
        (
            "Tom Brisk said the city should pay for the tunnel by raising the levy.",
            [("indirect", "the city should pay for the tunnel by raising the levy")],
        ),
        # a second participle cue, or when it happened in the writer's words, ends the content
        (
            "Ann Kim took the toll on sideways, acknowledging that drivers had a point but warning that the bridge would decay.",
            [("indirect", "drivers had a point"), ("indirect", "the bridge would decay")],
        ),
        (
            "Tom Brisk said the levy was a mistake, just a day after the council passed it.",
            [("indirect", "the levy was a mistake")],
        ),
        # a subordinate clause that holds the cue ends at its comma, however it opens
        (
            "A week after Tom Brisk announced that the depot would close, its drivers called a strike.",
            [("indirect", "the depot would close")],
        ),
        (
            "Even after Ann Kim warned that the dam was failing, engineers left it open.",
            [("indirect", "the dam was failing")],
        ),
    ],
)
def test_indirect_and_mixed(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The town wants a “safety net” before it signs.",  # a term in quotation marks
        "The plan was a “good cop, bad cop” routine from the start.",  # a scare quote
        "She reviewed the book “The Long Road Home” for the paper.",  # a title
        "When asked about the “safety net,” the mayor smiled.",  # a term with a comma inside
        "The mayor hoped to finish the road by June.",  # intention, not speech
        "The report was told to the board in May.",  # passive, no speaker
        "Ann Kim appeared on the radio show on Monday.",  # showing up, not seeming
        "On Sunday evening, Tom Brisk called Ann Kim.",  # a telephone call
        "He runs a company called Harbor Works, which sells boats.",  # a name given to a thing
        "The plan was drafted by two think tanks and the party leaders.",  # "think tanks"
        "Note: This story was updated with new figures.",  # a label, not a speaker
        # a means after "by", not speech: "admitting" people, not admitting a fact
        "Coastal towns make up the shortfall by admitting more visitors.",
        "Public harbors make up the shortfall by raising fees, admitting more cruise ships and cutting staff.",
    ],
)
def test_not_quotes(text):
    assert found(text) == []


def test_single_quotation_marks_quote_where_an_article_has_no_double_ones():
    # British style, straight and curly; apostrophes ("weren't", "firms’", "didn’t") are not marks
    text = (
        "'Rents held up in almost every town,' said Professor Ann Kim of Harbor University. "
        "'Tenants weren't worried.'\n\n"
        "‘The firms’ owners didn’t sign up,’ Tom Brisk said."
    )
    assert found(text) == [
        ("direct", "'Rents held up in almost every town,'"),
        ("direct", "'Tenants weren't worried.'"),
        ("direct", "‘The firms’ owners didn’t sign up,’"),
    ]
    speakers = [q.speaker for q in find_quotes(Article(id="t", text=text))]
    assert speakers == ["Ann Kim", "Ann Kim", "Tom Brisk"]
    # a plural possessive and a decade are not quotation marks
    assert found("The tenants' rents rose in the '90s and fell after.") == []


def test_single_marks_stay_terms_where_an_article_quotes_with_double_ones():
    # American style: single marks in a headline or inside a quote are not a quote's marks
    text = "Kim Warns Rents Will ‘Keep Rising’\n\n“Rents will rise,” Ann Kim said."
    assert [q.text for q in find_quotes(Article(id="t", text=text)) if q.kind == "direct"] == [
        "“Rents will rise,”"
    ]


def test_a_quotation_inside_a_quotation_in_the_same_marks_keeps_the_outer_one():
    text = "Ann Kim said: “The fares were set early. Beyond the “off-peak only” tickets, the loss is old.”"
    assert found(text) == [("direct", text[text.index("“The") :])]
    # a stray opening mark before a quotation is still dropped
    assert found("The “ stray mark. “The levy is a mistake,” Ann Kim said.") == [
        ("direct", "“The levy is a mistake,”")
    ]


def test_a_clause_before_an_interrupting_cue_is_content_too():
    # "The figures assume that ..., he said, “and ...”": the clause is his as well
    assert found("The figures assume that drivers keep coming, Tom Brisk said, “and they won't.”") == [
        ("indirect", "The figures assume that drivers keep coming"),
        ("direct", "“and they won't.”"),
    ]
    # a description before the name is not ("Another resident, Tom Brisk, said, “...”")
    assert found("Another resident, Tom Brisk, said, “We will not move.”") == [
        ("direct", "“We will not move.”")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a contracted negation before the cue keeps the frame
        ("Tom Brisk doesn't think the ferry will pay.", [("indirect", "the ferry will pay")]),
        ("Tom Brisk didn’t say whether the ferry will pay.", [("indirect", "whether the ferry will pay")]),
        # a prediction with a noun-phrase object: what is expected is the content
        ("Ann Kim expects rates to rise.", [("indirect", "rates to rise")]),
        ("Ann Kim doesn't expect a deal before spring.", [("indirect", "a deal before spring")]),
        # the writer's reason after ", because" is not the content
        (
            "Ann Kim doesn't expect a deal before spring, because the board meets late.",
            [("indirect", "a deal before spring")],
        ),
        # not predictions: an adjective, a comparison, a passive (with an adverb too)
        ("Sales rose faster than expected.", []),
        ("The expected deal fell through.", []),
    ],
)
def test_negated_cues_and_predictions(text, expected):
    assert found(text) == expected


def test_a_passive_with_an_adverb_has_no_speaker():
    quotes = find_quotes(Article(id="t", text="Ann Kim leads. She is widely expected to win the vote."))
    assert [q.speaker for q in quotes] == [None] * len(quotes)


def test_content_runs_over_two_names_joined_and_ends_with_a_relative_clause():
    # "states like Oregon and Idaho will ...": one noun phrase, not a second speaker's clause
    assert found("Ann Kim said towns like Elmwood and Lakeside will settle the race.") == [
        ("indirect", "towns like Elmwood and Lakeside will settle the race")
    ]
    # "X said A and Y said B": two clauses, two quotes
    assert found("Ann Kim said the plan failed and Tom Brisk said it worked.") == [
        ("indirect", "the plan failed"),
        ("indirect", "it worked"),
    ]
    # "X, who said ..., issued a statement": the relative clause ends before the main verb
    text = "Tom Brisk, who said last week that the harbor judge was biased, issued a statement on Tuesday."
    assert found(text) == [("indirect", "the harbor judge was biased")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "As X put it ...," with a time, a place or a source before the comma
        (
            "As Ann Kim put it in a report last spring, the gains are “real but uneven.”",
            [("mixed", "the gains are “real but uneven.”")],
        ),
        (
            "As Ann Kim said last week in Elmwood, “The ferry must run.”",
            [("direct", "“The ferry must run.”")],
        ),
        (
            "But as Tom Brisk noted, riders will come back if fares fall.",
            [("indirect", "riders will come back if fares fall")],
        ),
        ("As Ann Kim spoke, the crowd cheered.", []),
        # "In the words of X, ...": like "according to"
        (
            "In the words of Tom Brisk, a historian at Eastbrook, the trial “proved that the desk is not the job.”",
            [("mixed", "the trial “proved that the desk is not the job.”")],
        ),
        # a held view, stated: "X's view is that ..."
        ("Ann Kim's argument was that the levy is unfair.", [("indirect", "the levy is unfair")]),
        ("Her position was weak.", []),
        # "according to X, a Y at Z, a Z of W, content": both descriptions go
        (
            "According to Ann Kim, an analyst at Harbor Bank, a lender in Lakeside, rates will rise.",
            [("indirect", "rates will rise")],
        ),
    ],
)
def test_as_x_put_it_in_the_words_of_and_held_views(text, expected):
    assert found(text) == expected


def test_a_short_quoted_part_cut_by_its_attribution_is_speech():
    text = "“The alternative,” Ann Kim said, “is paying for repairs after every flood.”"
    assert found(text) == [
        ("direct", "“The alternative,”"),
        ("direct", "“is paying for repairs after every flood.”"),
    ]
    # a quoted term inside a sentence is not
    assert found("The so-called “harbor plan,” Ann Kim said, “is dead.”") == [("direct", "“is dead.”")]


def test_a_possessive_before_a_reporting_word_makes_it_a_noun():
    assert found("Ann Kim’s remarks suggested the council would back the levy.") == [
        ("indirect", "the council would back the levy")
    ]


def test_scare_quote_before_a_cue_is_not_the_content():
    assert found(
        "Asked about the “safety net,” Tom Brisk indicated that shops could act as a deterrent."
    ) == [("indirect", "shops could act as a deterrent")]


def test_unclosed_quote_is_capped_at_its_paragraph():
    text = "“This quote never closes and runs on\n\nTom Brisk said the road will open in May."
    qs = find_quotes(Article(id="t", text=text))
    assert qs[0].text == "“This quote never closes and runs on"
    assert qs[-1].text == "the road will open in May" and qs[-1].speaker == "Tom Brisk"


def test_offsets_point_into_the_text():
    text = (
        "Intro line.\n\n“Prices will fall by spring,” Ann Kim said.\n- Tom Brisk argued that rents must fall."
    )
    for q in find_quotes(Article(id="t", text=text)):
        assert text[q.start : q.end] == q.text


def test_paragraphs_strip_bullets_and_blank_lines():
    text = "First.\n\n- Second item\n  * third\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["First.", "Second item", "third"]


def test_sentences_never_split_inside_a_quote():
    text = "Kim said: “One. Two. Three.” Then she left."
    qs = quotations(text, 0, len(text))
    assert [text[s.start : s.end] for s in sentences(text, 0, len(text), qs)] == [
        "Kim said: “One. Two. Three.”",
        "Then she left.",
    ]


def test_abbreviations_do_not_end_sentences():
    text = "Dr. Kim met Mr. Brisk in the U.S. Capitol. They talked."
    assert [text[s.start : s.end] for s in sentences(text, 0, len(text), [])] == [
        "Dr. Kim met Mr. Brisk in the U.S. Capitol.",
        "They talked.",
    ]


def test_context_holds_the_sentence_before():
    text = "The council met on Monday to discuss the bridge. “They can and must do this,” Kim said."
    q = find_quotes(Article(id="t", text=text))[0]
    assert q.context == text


def test_a_one_word_answer_is_reported_content_and_no_ends_a_sentence():
    text = 'Asked whether the pier is safe, Ann Kim said no. Tom Reyes said yes, adding that "the pilings are new."'
    assert found(text) == [
        ("indirect", "whether the pier is safe"),
        ("indirect", "no"),
        ("indirect", "yes"),
        ("direct", '"the pilings are new."'),
    ]
    # "No. 12" is still a number
    assert found('The bill, No. 12, passed. Ann Kim said it was "a good day for the town."') == [
        ("mixed", 'it was "a good day for the town."')
    ]


def test_content_two_cues_claim_is_one_quote_of_the_nearer_cue():
    text = (
        "Dr. Ana Lind, who testified at the hearing, called the vote “a sensible first step” but warned "
        "that enforcement would decide whether it works."
    )
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.kind, q.text, q.cue) for q in quotes] == [
        ("mixed", "the vote “a sensible first step”", "called"),
        ("indirect", "enforcement would decide whether it works", "warned"),
    ]
    assert len({q.id for q in quotes}) == len(quotes)


def test_called_a_vote_is_no_naming_unless_a_quotation_names_it():
    assert found("The mayor called a vote on the plan.") == []
    assert found('Ann Kim called the vote "a sensible first step."') == [
        ("mixed", 'the vote "a sensible first step."')
    ]


def test_a_closing_mark_run_into_the_next_opening_one_ends_the_sentence():
    """Scraped text loses the space between sentences: '... by a fifth.”“Your numbers ...'."""
    text = "Kim kept tweeting back with a study proving “tolls cut traffic by a fifth.”“Your numbers are wrong,” Kim wrote."
    assert [(q.kind, q.text, q.cue) for q in find_quotes(Article(id="t", text=text))] == [
        ("mixed", "back with a study proving “tolls cut traffic by a fifth.”", "tweeting"),
        ("direct", "“Your numbers are wrong,”", "wrote"),
    ]
    text = 'Ann Kim asked not to be named for fear of the authorities."We got deceived," she said.'
    assert [q.text for q in find_quotes(Article(id="t", text=text))][-1] == '"We got deceived,"'


@pytest.mark.parametrize(
    "text, quote",
    [
        # a sign or shirt whose words come a little after it
        ('T-shirts quickly appeared outside the hall that said "We won." Supporters cheered.', '"We won."'),
        # words typed or scrawled
        ("On the form, a nurse had typed “acute distress.” She laughed.", "“acute distress.”"),
        ("Someone scrawled “Go home” across the door of the office.", "“Go home”"),
    ],
)
def test_words_written_on_things_are_speech_however_short(text, quote):
    assert [q.text for q in find_quotes(Article(id="t", text=text))] == [quote]


def test_an_opening_mark_typed_to_close_before_a_bracketed_source_closes():
    text = "Polls missed the upset - Harbor Pollster: “Pollsters are taking heat. But critics share the blame.“[Harbor Post.]"
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("“Pollsters are taking heat. But critics share the blame.“", "Harbor Pollster")
    ]


def test_a_quotation_said_then_another_verb_of_the_subject_is_the_quotation():
    assert found("Ann Kim said “The Harbor Folks” and swears the town loves her.") == [
        ("mixed", "“The Harbor Folks”")
    ]
    # a plain "and" inside reported content is not cut
    assert found("Ann Kim said the tax and cuts were wrong.") == [("indirect", "the tax and cuts were wrong")]
