"""A stance inside the subject's relative clause, a relative gap before a modal, a possessive
time word, a prepositional aside before an auxiliary, and what a pledge commits. Every
sentence here is invented for the tests."""

from __future__ import annotations

import pytest

from annotator.models import Article
from annotator.quotes import find_quotes


def found(text: str) -> list[tuple[str | None, str, str | None]]:
    """(cue, span text, speaker) of every quote found."""
    return [(q.cue, q.text, q.speaker) for q in find_quotes(Article(id="t", text=text))]


def test_a_stance_in_the_subjects_relative_clause_ends_at_the_main_verb():
    quotes = found("Residents who opposed the levy said the vote was unfair.")
    assert [(c, t) for c, t, _ in quotes] == [("opposed", "the levy"), ("said", "the vote was unfair")]
    assert {s for _, _, s in quotes} == {"residents"}


def test_the_relative_clause_set_off_by_commas_reads_the_same():
    quotes = found("Tom Reyes, who opposed the levy, said the vote was unfair.")
    assert [(c, t, s) for c, t, s in quotes] == [
        ("opposed", "the levy", "Tom Reyes"),
        ("said", "the vote was unfair", "Tom Reyes"),
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ann Kim said Monday's vote will settle the matter.",
            "Monday's vote will settle the matter",
        ),
        ("Ann Kim said last year’s plan failed.", "last year’s plan failed"),
        ("Ann Kim said Monday the vote was fair.", "the vote was fair"),  # a time, then the clause
    ],
)
def test_a_possessive_time_word_opens_the_content(text, content):
    assert [t for _, t, _ in found(text)] == [content]


def test_a_modal_right_after_hope_is_a_relative_gap():
    assert found("The board backed a plan that Ann Kim hopes will save the pier.") == [
        ("hopes", "will save the pier", "Ann Kim")
    ]
    assert found("Ann Kim hopes the pier.") == []  # no clause: nothing hoped in words


def test_a_prepositional_aside_before_an_auxiliary_keeps_the_subject():
    text = (
        "The port authority, in a broad effort to cut fares that has drawn fire from the unions, "
        "has said it would add three ferries."
    )
    assert found(text) == [("said", "it would add three ferries", "The port authority")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ann Kim pledged on Friday to clear the bay of the blight.",
            [("pledged", "to clear the bay of the blight", "Ann Kim")],
        ),
        ("The two towns have pledged to send more ferries to the island.", []),  # resources given
        ("The harbor fund pledged to help fund a second pier.", []),
    ],
)
def test_a_pledge_of_a_position_is_content_a_pledge_of_resources_is_not(text, expected):
    assert found(text) == expected


def test_a_time_phrase_between_the_speaker_and_the_cue():
    assert found("Ann Kim, the port chief, this past weekend announced plans for a ferry fund.") == [
        ("announced", "plans for a ferry fund", "Ann Kim")
    ]


def test_according_to_after_a_colon_opens_its_content():
    quotes = found("It did not go unnoticed: according to two new polls, Kim holds a fifth of the vote.")
    assert [(c, t) for c, t, _ in quotes] == [("according to", "Kim holds a fifth of the vote")]


def test_a_vow_not_to_act_is_content():
    assert found("Ann Kim vows not to answer the board's letters until it drops the levy.") == [
        ("vows", "not to answer the board's letters until it drops the levy", "Ann Kim")
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim spelled out her worries about the levy.", "her worries about the levy"),
        ("Tom Reyes laid out a scheme to fix the pier.", "a scheme to fix the pier"),
    ],
)
def test_laying_out_a_plan_takes_its_object(text, content):
    assert [t for _, t, _ in found(text)] == [content]


def test_a_command_opening_the_sentence_names_nobody():
    text = "Check out the port website, and you will find a set of papers laying out bold plans."
    assert all(s != "Check" for _, _, s in found(text))


def test_a_titled_subject_and_a_modal_make_a_clause_for_fear():
    assert [t for _, t, _ in found("Many riders fear Dr. Kim would close the pier.")] == [
        "Dr. Kim would close the pier"
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ann Kim said that if the levy passes, the pier will close.",
            "if the levy passes, the pier will close",
        ),
        (
            "Ann Kim said when the ferry ran on time, the port was a good neighbor.",
            "when the ferry ran on time, the port was a good neighbor",
        ),
        ("The audit found that as of June, the ferry ran late.", "as of June, the ferry ran late"),
        ("Ann Kim said that in 1998, she backed the pier.", "in 1998, she backed the pier"),
    ],
)
def test_a_clause_or_phrase_opening_the_content_does_not_end_it(text, content):
    assert [t for _, t, _ in found(text)] == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Tom Reyes announced the ferry deal after dropping the old firm.", "the ferry deal"),
        ("Several towns announced their support on Thursday.", "their support"),
        ("Ann Kim explained her reasoning in an interview with the Harbor Times.", "her reasoning"),
        # a clause keeps its own adjuncts ("came" is its verb)
        (
            "Ann Kim said the board would vote after reviewing the plan.",
            "the board would vote after reviewing the plan",
        ),
        ("A ferry pilot, Jo Marsh, said the fog came late this year.", "the fog came late this year"),
    ],
)
def test_when_where_and_after_what_a_noun_phrase_object_was_given_are_the_writers(text, content):
    assert [t for _, t, _ in found(text)] == [content]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The port authority claims the pier is safe.",
            [("claims", "the pier is safe", "The port authority")],
        ),
        (
            "The harbor board claims Ann Kim runs a secret network.",
            [("claims", "Ann Kim runs a secret network", "The harbor board")],
        ),
        # a plural noun after a preposition: no subject, no verb
        ("Worries grew on Friday over claims that the ferry logs were forged.", []),
    ],
)
def test_a_singular_subject_makes_claims_a_verb(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "While a survey taken last week showed Kim poised to win, Reyes led.",
            ("showed", "Kim poised to win", "a survey"),
        ),
        (
            "Although the ferry board declined to comment, riders complained.",
            ("declined", "to comment", "the ferry board"),
        ),
        (
            "When Ann Kim two weeks later announced 600 layoffs, the crews felt betrayed.",
            ("announced", "600 layoffs", "Ann Kim"),
        ),
    ],
)
def test_the_subject_of_a_subordinate_clause_speaks(text, expected):
    assert found(text)[:1] == [expected]


def test_the_month_a_source_came_out_is_no_name():
    assert found("A survey published in May showed Kim poised to win.") == [
        ("showed", "Kim poised to win", "A survey")
    ]


def test_a_new_clause_after_a_short_object_is_the_writers():
    text = "Jeers rang out when Kim mentioned the mayor, and at one point two riders walked out."
    assert found(text) == [("mentioned", "the mayor", "Kim")]


def test_a_described_person_with_a_relative_clause_speaks():
    assert found("The woman who runs the ferry said the fares would rise.") == [
        ("said", "the fares would rise", "The woman")
    ]


def test_a_quantity_after_an_interposed_cue_opens_the_content():
    assert [t for _, t, _ in found("Still, she added, at least nine pilots have signed on.")] == [
        "at least nine pilots have signed on"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In the end, nine pilots prevailed, and two others pledged to back the mayor, according to Reyes.",
            [
                (
                    "according to",
                    "In the end, nine pilots prevailed, and two others pledged to back the mayor",
                    "Reyes",
                )
            ],
        ),
        (
            "The port has often pushed for fees on ferries, according to the Harbor Institute, which tracks it.",
            [("according to", "The port has often pushed for fees on ferries", "Harbor Institute")],
        ),
    ],
)
def test_a_report_inside_an_according_to_clause_is_the_sources(text, expected):
    assert found(text) == expected


def test_a_bracketed_according_to_leaves_the_sentence_to_its_speaker():
    text = "Kim, in turn, cites her riders as proof of her claim (the rise is nearer a twentieth, according to the Ledger)."
    assert [(c, s) for c, _, s in found(text)] == [("cites", "Kim")]


def test_a_report_inside_a_clause_a_source_ends_is_the_sources():
    text = (
        "Kim hailed word that Reyes would step down, saying he had made a wise choice, the Ledger reported."
    )
    assert found(text) == [
        (
            "reported",
            "Kim hailed word that Reyes would step down, saying he had made a wise choice",
            "Ledger",
        )
    ]
    text = "In Eastport, riders met the ferry with roses, the Ledger reported, while in Westport the pier stayed shut, the Herald reported."
    assert [(c, s) for c, _, s in found(text)] == [("reported", "Ledger"), ("reported", "Herald")]
    text = (
        "Kim had told the crews that she did not want an escort, but the board overruled her, a clerk added."
    )
    assert [(c, s) for c, _, s in found(text)] == [("added", "a clerk")]


@pytest.mark.parametrize(
    "text",
    [
        "“The toll is unfair,” said the harbor commissioner on KHBR, a local station.",
        "“The toll is unfair,” said the harbor commissioner on Harbor News Radio last night.",
        "“The toll is unfair,” said the harbor commissioner on Bayside Television.",
        "“The toll is unfair,” said the harbor commissioner on Instagram.",
    ],
)
def test_a_broadcaster_after_an_inverted_speaker_is_where_he_spoke(text):
    """Any station, by its acronym or a name and the kind of outlet (not a listed few), or a
    social platform."""
    assert found(text) == [("said", "“The toll is unfair,”", "the harbor commissioner")]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "A poll of voters found that the levy was unpopular.",
            "found",
            "A poll of voters",
            "the levy was unpopular",
        ),
        (
            "A survey of ferry riders showed that most want later boats.",
            "showed",
            "A survey of ferry riders",
            "most want later boats",
        ),
        # the survey's verb, though the group before it is plural ("residents shows")
        (
            "A new survey of harbor residents shows the pier is popular.",
            "shows",
            "A new survey of harbor residents",
            "the pier is popular",
        ),
        (
            "Most voters said the levy was unfair.",
            "said",
            "voters",
            "the levy was unfair",
        ),  # the group itself
    ],
)
def test_a_survey_of_a_group_reports_not_the_group(text, cue, speaker, content):
    assert found(text) == [(cue, content, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Kim took her case to voters saying the levy is fair.",
        "Mayor Ann Kim is taking her case to New Harbor voters saying the levy is fair.",
        "Ann Kim wrote to Tom Reyes saying the levy is fair.",
        "Ann Kim emailed a note to the board saying the levy is fair.",  # the note's sender
    ],
)
def test_the_object_of_to_before_saying_is_spoken_to_not_the_speaker(text):
    """A group or a name after "to" is who is addressed; the clause's subject is saying it."""
    assert found(text) == [("saying", "the levy is fair", "Ann Kim")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The levy is fair,” said Kim’s spokesman, Tom Reyes.", "Tom Reyes"),
        ("“The levy is fair,” said Harris’ spokesman Tom Reyes.", "Tom Reyes"),
        ("“The levy is fair,” said Kim’s campaign manager, Tom Reyes, in a statement.", "Tom Reyes"),
        ("“The levy is fair,” said Kim’s campaign manager, Tom Reyes, who ran her last race.", "Tom Reyes"),
        ("“The levy is fair,” Tom Reyes, Harris’ press aide, wrote on Monday.", "Tom Reyes"),
        ("“The levy is fair,” said Kim’s spokesman.", "Kim’s spokesman"),  # not Kim herself
    ],
)
def test_a_role_by_whose_it_is_speaks_not_its_owner(text, speaker):
    """ "Kim's spokesman" and "Harris' campaign manager" speak for Kim and Harris: their words
    are theirs (the owner of the role is no speaker), with either possessive."""
    assert [s for _, _, s in found(text)] == [speaker]


def test_a_report_with_its_own_clause_after_a_quotation_does_not_claim_it():
    """'“...” Tom Reyes said he might ...': Reyes reports his own words; the quotation before
    him goes on from the quote before it, and stays its speaker's."""
    text = (
        "“It is a sad day,” Ann Kim told reporters. “The race turned bitter.” "
        "Tom Reyes said he might quit the board."
    )
    assert found(text) == [
        ("told", "“It is a sad day,”", "Ann Kim"),
        (None, "“The race turned bitter.”", "Ann Kim"),
        ("said", "he might quit the board", "Tom Reyes"),
    ]
    # an attribution that ends its sentence still claims the quotation before it
    assert found("“The race turned bitter.” Tom Reyes said.") == [
        ("said", "“The race turned bitter.”", "Tom Reyes")
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Aides to Mayor Ann Kim said the levy is fair.", "Aides to Mayor Ann Kim"),
        ("Advisers to Ann Kim said the levy is fair.", "Advisers to Ann Kim"),
        # the same through the statement they issued (every path that reads the subject)
        ("Aides to Mayor Ann Kim issued a statement saying the levy is fair.", "Aides to Mayor Ann Kim"),
        ("Ann Kim said the levy is fair.", "Ann Kim"),
    ],
)
def test_the_people_around_someone_speak_not_that_person(text, speaker):
    """Aides, advisers and lawyers "to" or "for" a named person speak for themselves: their
    words are not the person's, whose row they would otherwise fill."""
    assert [s for _, _, s in found(text)] == [speaker]
