"""Where reported content ends when its cue sits in a clause set off inside the sentence, who
"who" stands for, and verbs of saying after "continued to". Every sentence here is invented for
the tests."""

from __future__ import annotations

import pytest

from annotator.models import Article
from annotator.quotes import find_quotes
from annotator.quotes.given_names import is_plural_group_name


def found(text: str) -> list[tuple[str | None, str, str | None]]:
    """(cue, span text, speaker) of every quote found."""
    return [(q.cue, q.text, q.speaker) for q in find_quotes(Article(id="t", text=text))]


@pytest.mark.parametrize(
    "text, cue, content, speaker",
    [
        (
            "Tom Reyes, who praised the crews in March and said he would ride the new boat, never came.",
            "said",
            "he would ride the new boat",
            "Tom Reyes",
        ),
        (
            "But Ann Kim, who has long criticized the ferry levy, voted for it on Monday.",
            "criticized",
            "the ferry levy",
            "Ann Kim",
        ),
        (
            "The Ledger, citing harbor records, reported that the levy had doubled.",
            "citing",
            "harbor records",
            "Ledger",
        ),
        (
            "Her standing, even after she attacked the port board, stayed high among the pilots.",
            "attacked",
            "the port board",
            None,
        ),
    ],
)
def test_content_in_a_clause_set_off_by_commas_ends_at_its_closing_comma(text, cue, content, speaker):
    quotes = [q for q in found(text) if q[0] == cue]
    assert quotes == [(cue, content, speaker)]


@pytest.mark.parametrize(
    "text, content",
    [
        # the clause after "who" ends the sentence: its commas are the content's own
        (
            "The pilots cheered for Ann Kim, who said that the crews, after a long week, should rest.",
            "the crews, after a long week, should rest",
        ),
        # a comma after the subject alone opens no clause: "In May, Kim said ..." keeps its content
        (
            "In May, Tom Reyes said the toll, a burden for the crews, would go.",
            "the toll, a burden for the crews, would go",
        ),
        # a subject that is a clause ("Kim thanked the crews, who ...") is no subject set off by commas
        (
            "Ann Kim thanked the crews, who said that the piers, old as they are, should hold.",
            "the piers, old as they are, should hold",
        ),
    ],
)
def test_a_clause_that_runs_to_the_end_of_the_sentence_keeps_its_commas(text, content):
    assert content in [q[1] for q in found(text)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Ann Kim thanked the crews, who said the boats were safe.", "the crews"),
        ("The mayor praised Tom Reyes, who said the boats were safe.", "Tom Reyes"),
    ],
)
def test_who_stands_for_the_object_of_the_clause_before_it(text, speaker):
    assert [q[2] for q in found(text) if q[0] == "said"] == [speaker]


@pytest.mark.parametrize(
    "text, cue, content, speaker",
    [
        (
            "After the vote, Tom Reyes continued to say the ledger was accurate.",
            "say",
            "the ledger was accurate",
            "Tom Reyes",
        ),
        (
            "Ann Kim is continuing to insist that the port's records are complete.",
            "insist",
            "the port's records are complete",
            "Ann Kim",
        ),
        (
            "Ann Kim spoke first. She went out of her way to say that the port had turned a corner.",
            "say",
            "the port had turned a corner",
            "Ann Kim",
        ),
        ("Tom Reyes refused to say the name of the buyer.", "say", "the name of the buyer", "Tom Reyes"),
    ],
)
def test_a_verb_of_saying_after_a_verb_and_to_is_the_subjects_speech(text, cue, content, speaker):
    assert found(text) == [(cue, content, speaker)]


def test_a_verb_of_saying_after_a_promise_stays_in_the_promise():
    # "vowed to say no": the vow is the stance, its to-clause the content
    assert found("Ann Kim vowed to say no to the levy.") == [("vowed", "to say no to the levy", "Ann Kim")]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Among riders polled, 64 percent say they will keep the ferry pass.",
            "they will keep the ferry pass",
            "64 percent",
        ),
        (
            "While 71 percent of pilots liked the plan, 38 said the levy was fair.",
            "the levy was fair",
            "38",
        ),
        (
            "In the harbor poll, nine in 10 said the piers needed repair.",
            "the piers needed repair",
            "nine in 10",
        ),
    ],
)
def test_a_share_of_those_asked_is_the_speaker_of_said(text, content, speaker):
    assert found(text) == [("say" if " say " in text else "said", content, speaker)]


def test_words_before_a_subject_and_said_that_are_not_hers():
    # "that" opens all she said; the phrase before the subject is the writer's
    assert found("Despite the harsh coverage, Tom Reyes said that “the new dock is safe.”") == [
        ("said", "“the new dock is safe.”", "Tom Reyes")
    ]


def test_words_before_a_parenthetical_she_said_are_still_hers():
    assert [
        q[1]
        for q in found("Ann Kim spoke last. The crews worked hard, she said, “and they deserve a raise.”")
    ] == [
        "The crews worked hard",
        "“and they deserve a raise.”",
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The board will meet in May, said Ann Kim, a harbor historian who has written two books on the port.",
            "Ann Kim",
        ),
        (
            "The ferry will run all winter, said a harbor clerk who was shown the memo and spoke anonymously.",
            "a harbor clerk",
        ),
    ],
)
def test_a_relative_clause_after_an_inverted_speaker_is_no_content(text, speaker):
    assert found(text) == [("said", text.split(", said")[0], speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "“The levy is a fraud,” Tom Reyes said Sunday on the Harbor Channel's “Morning Watch.” “We will fight it.”",
        "“The levy is a fraud,” Tom Reyes said on “Morning Watch.” “We will fight it.”",
    ],
)
def test_the_title_of_a_show_is_no_quote(text):
    assert [q[1] for q in found(text)] == ["“The levy is a fraud,”", "“We will fight it.”"]


def test_a_sentence_in_title_case_after_said_is_still_speech():
    assert [q[1] for q in found("Tom Reyes said: “We Will Win This Vote.”")] == ["“We Will Win This Vote.”"]


def test_while_and_a_new_subject_end_the_content():
    assert found("Ann Kim said the levy would pass, while the harbor board has rejected every plan.") == [
        ("said", "the levy would pass", "Ann Kim"),
        ("rejected", "every plan", "the harbor board"),
    ]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Tom Reyes cast himself as a friend of the ferry crews.",
            "cast himself as",
            "a friend of the ferry crews",
        ),
        (
            "Ann Kim has framed herself as a voice for the pilots.",
            "framed herself as",
            "a voice for the pilots",
        ),
        ("Tom Reyes paints himself as a careful steward.", "paints himself as", "a careful steward"),
        ("Tom Reyes agreed with the harbor analysis.", "agreed with", "the harbor analysis"),
        (
            "Tom Reyes disagreed with the board's plan for the pier.",
            "disagreed with",
            "the board's plan for the pier",
        ),
        ("In the end, Ann Kim sided with the pilots.", "sided with", "the pilots"),
    ],
)
def test_presenting_oneself_agreeing_or_siding_with_someone_is_a_stance(text, cue, content):
    assert [(q[0], q[1]) for q in found(text)] == [(cue, content)]


def test_a_cast_vote_is_no_quote():
    assert found("Tom Reyes cast his vote for the levy on Monday.") == []


def test_a_participle_after_a_comma_and_at_one_point_is_the_subjects():
    assert found("Tom Reyes clashed with the port board, at one point calling its plan “reckless.”") == [
        ("calling", "its plan “reckless.”", "Tom Reyes")
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        ("In addition, according to the port, nine more ferries will run.", ["nine more ferries will run"]),
        (
            "Tom Reyes skipped the vote, and he will skip the next one, because, according to Reyes, "
            "the ferry board had rigged it.",
            ["the ferry board had rigged it"],
        ),
        ("Ridership, according to the port, has surged.", ["Ridership", "has surged"]),
    ],
)
def test_words_before_according_to_that_open_a_clause_are_not_its_content(text, content):
    assert [q[1] for q in found(text)] == content


@pytest.mark.parametrize(
    "text, content",
    [
        ("Last winter, the pilot said, the ferry was empty.", ["the ferry was empty"]),
        (
            "Stepping off the ferry, Tom Reyes said, “The new dock works well.”",
            ["“The new dock works well.”"],
        ),
        # a participle that is itself a cue keeps its content
        (
            "Noting that the pier had closed, Tom Reyes said: “That is where the problem is.”",
            ["Noting that the pier had closed", "“That is where the problem is.”"],
        ),
    ],
)
def test_a_time_or_a_participle_phrase_before_the_speaker_is_not_content(text, content):
    assert [q[1] for q in found(text)] == content


def test_a_quote_inside_a_longer_quote_of_the_same_speaker_is_part_of_it():
    # her belief is part of what she said: one quote
    assert found("Ann Kim said she believes the levy is fair.") == [
        ("said", "she believes the levy is fair", "Ann Kim")
    ]


def test_a_quote_inside_a_quote_of_another_speaker_stays():
    assert found("Ann Kim said that Tom Reyes has long called for a new pier.") == [
        ("said", "Tom Reyes has long called for a new pier", "Ann Kim"),
        ("called for", "a new pier", "Tom Reyes"),
    ]


@pytest.mark.parametrize(
    "name, group",
    [
        ("Harbor Islanders", True),
        ("Senate Republicans", True),
        ("New Yorkers", True),
        ("Ann Kim", False),
        ("Jim Rogers", False),  # a surname that ends like a plural
        ("Ms. Shanklin-Hawkins", False),  # a title: a person
    ],
)
def test_capitalised_plural_words_name_a_group(name, group):
    assert is_plural_group_name(name) is group


def test_a_group_that_disagrees_is_no_person_for_she():
    quotes = find_quotes(
        Article(
            id="t",
            text="“The port will flood,” said Professor Ann Kim.\n\nHarbor Islanders disagreed with the "
            "council. She said the risk was rising.",
        )
    )
    assert [(q.speaker, q.attribution) for q in quotes][-1] == ("Ann Kim", "pronoun")


def test_her_own_words_in_marks_inside_her_reported_speech_stay_a_quote():
    quotes = found("Ann Kim said the port was violating its own rules — which she added “is deeply unfair.”")
    assert ("added", "“is deeply unfair.”", "Ann Kim") in quotes


def test_without_evidence_before_that_is_how_not_what():
    assert found("Tom Reyes claimed without evidence that the ferry race is tied.") == [
        ("claimed", "the ferry race is tied", "Tom Reyes")
    ]


def test_and_a_time_then_a_new_subject_end_the_content():
    text = "On Sunday, he was in Eastport, claiming that the race is tied in the port, and on Monday, he appeared in Westport."
    assert [q[1] for q in found(text)] == ["the race is tied in the port"]
