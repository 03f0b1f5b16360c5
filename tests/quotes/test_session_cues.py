"""Cues with an adverb or a copula, participle clauses after an inverted speaker, and where a
stance verb's object ends. Every sentence here is invented for the tests."""

from __future__ import annotations

import pytest

from annotator.models import Article
from annotator.quotes import find_quotes
from annotator.quotes.cues import lemma_of


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span text, speaker) of every quote found."""
    return [(q.kind, q.text, q.speaker) for q in find_quotes(Article(id="t", text=text))]


@pytest.mark.parametrize(
    "text, cue, lemma, content",
    [
        (
            "In May, Ann Kim complained loudly about the board's plan for a second pier.",
            "complained loudly about",
            "complain about",
            "the board's plan for a second pier",
        ),
        ("Ann Kim called repeatedly for a new pier.", "called repeatedly for", "call for", "a new pier"),
        (
            "The pilots spoke passionately about the harbor's history.",
            "spoke passionately about",
            "speak about",
            "the harbor's history",
        ),
    ],
)
def test_an_adverb_between_a_verb_and_its_preposition_keeps_the_cue(text, cue, lemma, content):
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.cue, q.text) for q in quotes] == [(cue, content)]
    assert lemma_of(cue) == lemma


@pytest.mark.parametrize(
    "text", ["The crews talked quietly among themselves.", "Ann Kim spoke briefly to the crews."]
)
def test_an_adverb_makes_no_cue_of_a_verb_whose_preposition_is_not_the_phrases(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Ann Kim has been openly critical of the ferry levy.", "the ferry levy", "Ann Kim"),
        ("Ann Kim was sharply critical of the winter timetable.", "the winter timetable", "Ann Kim"),
        ("Tom Reyes is supportive of a second pier.", "a second pier", "Tom Reyes"),
        ("The harbor pilots are wary of raising the mooring fee.", "raising the mooring fee", None),
    ],
)
def test_an_attitude_a_copula_reports_is_a_quote(text, content, speaker):
    quotes = found(text)
    assert [q[1] for q in quotes] == [content]
    if speaker:
        assert quotes[0][2] == speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“It matters now,” added Ann Kim, referring to the string of ferry delays.",
            [("direct", "“It matters now,”"), ("indirect", "the string of ferry delays")],
        ),
        (
            "Ann Kim shrugged off the defeat, pointing to her strong showing in Eastport.",
            [("indirect", "her strong showing in Eastport")],
        ),
    ],
)
def test_a_participle_clause_after_the_speaker_is_her_next_quote_not_her_appositive(text, expected):
    quotes = found(text)
    assert [(k, t) for k, t, _ in quotes] == expected
    assert {s for _, _, s in quotes} == {"Ann Kim"}


def test_an_appositive_after_an_inverted_speaker_is_still_read():
    quotes = find_quotes(Article(id="t", text="“It matters,” said Ann Kim, managing director of the port."))
    assert [q.speaker for q in quotes] == ["Ann Kim"]
    assert quotes[0].role.startswith("managing director")


def test_refers_to_is_a_cue():
    assert found("Ann Kim refers to those piers as city assets.") == [
        ("indirect", "those piers as city assets", "Ann Kim")
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "According to the Harbor Ledger, a memo was handed from the port's director, Tom Reyes, "
            "to every ferry crew.",
            "a memo was handed from the port's director, Tom Reyes, to every ferry crew",
        ),
        # a real appositive after the source still goes with the source
        ("According to Ann Kim, a lawyer at the firm, the ferry is late.", "the ferry is late"),
    ],
)
def test_a_clause_after_according_to_is_content_not_the_sources_appositive(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim expressed frustration but said the vote would go ahead.", "frustration"),
        ("Ann Kim referred to piracy but declined to name the crew.", "piracy"),
        (
            "The pilots praised Ann Kim for fixing the pier but refrained from backing her.",
            "Ann Kim for fixing the pier",
        ),
        ("Tom Reyes mocked the mayor on several occasions for skipping the hearing.", "the mayor"),
    ],
)
def test_a_stance_verbs_object_ends_before_a_second_verb_or_how_often(text, content):
    assert found(text)[0][1] == content


def test_a_one_word_object_of_a_stance_verb_is_content():
    assert [q[1] for q in found("Ann Kim opposes tolls, and her aide agrees.")][:1] == ["tolls"]
    # reported by someone else, the whole clause is that person's words (test_relative_frames)
    assert found("Ann Kim opposes tolls, her aide said.") == [
        ("indirect", "Ann Kim opposes tolls", "her aide")
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ann Kim insisted the slump would pass, reflecting unease among ferry riders.",
            "the slump would pass, reflecting unease among ferry riders",
        ),
        (
            "Tom Reyes said the levy would put the harbor in order, allowing crews to plan ahead.",
            "the levy would put the harbor in order, allowing crews to plan ahead",
        ),
    ],
)
def test_a_participle_after_a_clause_with_its_own_verb_goes_on_with_the_clause(text, content):
    assert [q[1] for q in found(text)] == [content]


def test_a_participle_after_a_noun_phrase_object_is_the_writers():
    # "declared war, leading to ...": what followed, in the writer's words
    assert [
        q[1] for q in found("The harbor board declared its opposition to the toll, leading to a long fight.")
    ][:1] == ["its opposition to the toll"]


def test_a_relative_clause_closed_by_a_comma_before_an_infinitive_goes_on():
    text = "Ann Kim vowed to set up a harbor patrol, which could draw on the police, to stop the thefts."
    assert [q[1] for q in found(text)] == [
        "to set up a harbor patrol, which could draw on the police, to stop the thefts"
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Tom Reyes noted that at an early board session, in 1998, he endorsed a plan to close the pier.",
            "at an early board session, in 1998, he endorsed a plan to close the pier",
        ),
        (
            "Ann Kim said that while she was firmly opposed to tolls, she was now backing the levy.",
            "while she was firmly opposed to tolls, she was now backing the levy",
        ),
    ],
)
def test_a_stance_with_its_own_subject_inside_reported_content_is_part_of_it(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text, first",
    [
        ("Ann Kim said the levy failed, but Tom Reyes supported it.", "the levy failed"),
        ("The crews said the pier was unsafe while the pilots praised its repairs.", "the pier was unsafe"),
    ],
)
def test_a_stance_after_a_coordination_is_the_next_speakers(text, first):
    assert found(text)[0][1] == first


@pytest.mark.parametrize(
    "text, first",
    [
        (
            "While the board stressed that Ann Kim was ''the right hand for the helm,'' her critics focused on her record.",
            "Ann Kim was ''the right hand for the helm,''",
        ),
        (
            "But even as Ann Kim argued at the hearing that “the pier is sound,” two engineers disputed it.",
            "“the pier is sound,”",
        ),
        ("But while Ann Kim said the pier was safe, the engineers disagreed.", "the pier was safe"),
    ],
)
def test_content_inside_an_opening_subordinate_clause_ends_where_the_clause_does(text, first):
    assert found(text)[0][1] == first


def test_after_as_x_said_the_main_clause_is_the_content_whole():
    assert [
        q[1] for q in found("As Ann Kim pointed out, the new rules have real, lasting effects on crews.")
    ] == ["the new rules have real, lasting effects on crews"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "In December, the harbor board expressed doubt that the ferry could carry more cars.",
            "expressed doubt",
            "the ferry could carry more cars",
        ),
        (
            "The ferry union, in a short reply, expressed confidence it would win the vote.",
            "expressed confidence",
            "it would win the vote",
        ),
    ],
)
def test_expressed_doubt_and_confidence_are_cues(text, cue, content):
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.cue, q.text) for q in quotes] == [(cue, content)]


def test_whom_a_speaker_told_is_never_the_speaker():
    text = (
        "''You need to fix the pier,'' Councilor Ann Kim, Democrat of Eastport, told Mr. Reyes as he passed."
    )
    assert [q[2] for q in found(text)] == ["Ann Kim"]


def test_a_participle_after_a_prepositions_object_is_the_subjects():
    text = "Councilor Ann Kim made her case to Eastport voters saying the new toll law hurts the port."
    assert found(text) == [("indirect", "the new toll law hurts the port", "Ann Kim")]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Tom Reyes has not endorsed Ann Kim and has clashed with her over the pier.", "Ann Kim"),
        (
            "Ann Kim has promised to keep the night ferry and thanked the crews on Monday.",
            "to keep the night ferry",
        ),
    ],
)
def test_a_stance_verbs_object_ends_before_the_subjects_next_verb(text, content):
    assert found(text)[0][1] == content


def test_a_reported_clause_keeps_its_own_second_verb():
    text = "Ann Kim said the crews had set up a relief fund and raised the money themselves."
    assert [q[1] for q in found(text)] == [
        "the crews had set up a relief fund and raised the money themselves"
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ann Kim acknowledged that plans for a toll in towns like Eastport, where the ferry is "
            "busiest, were stalling.",
            "plans for a toll in towns like Eastport, where the ferry is busiest, were stalling",
        ),
        (
            "Ann Kim said the council – a slim half of its members – knows better.",
            "the council – a slim half of its members – knows better",
        ),
        (
            "The letters show that Kim followed the board's line by posting attacks on the mayor.",
            "Kim followed the board's line by posting attacks on the mayor",
        ),
    ],
)
def test_an_aside_closed_inside_reported_content_keeps_the_content_going(text, content):
    assert found(text)[0][1] == content


def test_a_dash_and_the_writers_comment_still_end_the_content():
    assert found("Ann Kim noted that ferry use keeps falling — a slide that began in 2006.")[0][1] == (
        "ferry use keeps falling"
    )


def test_a_posted_quotation_is_still_a_quote():
    assert found("Tom Reyes shared the photo, posting “We did it!” under it.") == [
        ("direct", "“We did it!”", "Tom Reyes")
    ]
