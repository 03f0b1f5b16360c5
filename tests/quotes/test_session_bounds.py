"""Where reported content ends and starts: a stance verb's object, a lead that only says when,
and a block quotation whose marks were lost. Every sentence here is invented for the tests."""

from __future__ import annotations

import pytest

from annotator.models import Article
from annotator.quotes import find_quotes


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span text, speaker) of every quote found."""
    return [(q.kind, q.text, q.speaker) for q in find_quotes(Article(id="t", text=text))]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim endorsed Tom Reyes at a rally in the old mill.", "Tom Reyes"),
        ("Ann Kim criticized the levy during a debate with her rivals.", "the levy"),
        ("Ann Kim endorsed Tom Reyes in a statement on Thursday.", "Tom Reyes"),
        ("Ann Kim praised the new ferry schedule on Instagram.", "the new ferry schedule"),
        ("Ann Kim endorsed Tom Reyes late Sunday.", "Tom Reyes"),
    ],
)
def test_a_stance_verbs_object_ends_before_where_and_when(text, content):
    assert [q[1] for q in found(text)] == [content]


def test_an_infinitive_or_clause_object_keeps_its_adjuncts():
    # the circumstance may be part of what is wanted
    assert [q[1] for q in found("Ann Kim wants to speak at a news conference on the pier.")] == [
        "to speak at a news conference on the pier"
    ]
    # a noun phrase's own prepositional phrase stays
    assert [q[1] for q in found("Ann Kim criticized the plan for the harbor.")] == ["the plan for the harbor"]


def test_a_lead_that_only_says_when_or_where_is_no_content():
    assert found("Ann Kim spoke after the vote. In a radio address in May, she said:") == []
    # a lead with a verb of its own is still the content
    assert [q[1] for q in found("In the end the levy failed, Ann Kim said.")] == [
        "In the end the levy failed"
    ]


def test_a_paragraph_after_said_colon_is_a_block_quotation():
    text = (
        "Ann Kim, a harbor engineer, spoke at the hearing. In her testimony, she said:\n\n"
        "The seawall is too low for the storms we now see. It will not hold back the next one.\n\n"
        "The council adjourned at nine."
    )
    quotes = found(text)
    assert quotes == [
        (
            "direct",
            "The seawall is too low for the storms we now see. It will not hold back the next one",
            "Ann Kim",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a list or a summary follows "found that:" / "the following:"
        "The audit also found that:\n\nThe audit covered every ferry route in the county.",
        # a colon that is no speech verb's
        "Here is the schedule for the week:\n\nMonday brings the vote on the new harbor wall plan.",
        # a short line
        "Ann Kim wrote:\n\nNo comment.",
    ],
)
def test_no_block_quotation_without_a_speech_verb_and_a_real_paragraph(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        # a full stop inside a number or after an abbreviation does not end the complement
        ("Ridership is expected to rise to 3.4 percent next year.", "to rise to 3.4 percent next year"),
        (
            "It seems likely that Mr. Reyes will run again.",
            "likely that Mr. Reyes will run again",
        ),
        # a comma inside a number is no clause boundary
        (
            "This spring, more than 12,000 riders are expected to use the ferry.",
            "more than 12,000 riders",
        ),
        # a spaced hyphen used as a dash closes it
        ("In a remark that seemed aimed at the mayor - the crowd cheered - Kim spoke.", "aimed at the mayor"),
    ],
)
def test_stative_content_ends_at_a_clause_boundary_not_inside_a_number(text, content):
    assert content in [q[1] for q in found(text)]


def test_a_subordinate_clause_content_ends_at_a_comma_that_is_no_thousands_separator():
    text = "While one survey finds that more than 1,300 boats use the bay, another counts fewer."
    assert [q[1] for q in found(text)] == ["more than 1,300 boats use the bay"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim vowed she and her crew would finish the pier.", "she and her crew would finish the pier"),
        ("Tom Reyes feared his landlord would raise the rent.", "his landlord would raise the rent"),
        ("Ann Kim hopes the ferry will run by May.", "the ferry will run by May"),
    ],
)
def test_a_verb_that_needs_that_reports_a_bare_clause_with_a_subject_and_an_auxiliary(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Kim knows the harbor well.",  # an object, not a clause
        "Tom Reyes feared the worst.",
        "The mayor hopes for rain.",
    ],
)
def test_a_verb_that_needs_that_takes_no_bare_object_as_content(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # the participle opens the sentence: its subject is the main clause's
        (
            "While conceding that he admires Ms. Kim, Tom Reyes kept his distance from her plan.",
            "he admires Ms. Kim",
            "Tom Reyes",
        ),
        (
            "Aside from stating that the pier has no future, Kim wants it closed.",
            "the pier has no future",
            "Kim",
        ),
        # an opening phrase before the subject ("For her part, ...") does not hide it
        (
            "For her part, Ann Kim spoke against the levy, saying it hurts renters.",
            "it hurts renters",
            "Ann Kim",
        ),
    ],
)
def test_a_participles_speaker_is_the_subject_of_its_clause(text, content, speaker):
    assert (("indirect", content, speaker)) in found(text)


@pytest.mark.parametrize(
    "text, content",
    [
        # a concession after the reported clause is the writer's
        (
            "Ann Kim insisted that the count was wrong even though every ballot was checked twice.",
            "the count was wrong",
        ),
        (
            "Tom Reyes said the ferry would run by May, although the dock is still closed.",
            "the ferry would run by May",
        ),
        # a dash and an appositive: the writer's comment on it
        (
            "Ann Kim said she does not want to close the pier — a plan she floated in June.",
            "she does not want to close the pier",
        ),
        # a comparison with a forecast
        (
            "The ferry line reported revenue of $2 million, well above what the board expected.",
            "revenue of $2 million",
        ),
    ],
)
def test_the_writers_aside_after_reported_content_is_not_the_content(text, content):
    assert [q[1] for q in found(text)] == [content]


def test_a_concession_inside_the_content_stays():
    text = "Ann Kim said it was likely, though not certain, that the pier would close."
    assert [q[1] for q in found(text)] == ["it was likely, though not certain, that the pier would close"]


def test_a_spaced_hyphen_aside_between_subject_and_cue_leaves_the_subject():
    text = "Renters - most of them in the old harbor district - said that the levy had gone too far."
    assert found(text) == [("indirect", "the levy had gone too far", "Renters")]


def test_left_no_doubt_is_a_cue_and_a_determiner_makes_a_cue_word_a_noun():
    assert found("Reyes left no doubt that he would run again.") == [
        ("indirect", "he would run again", "Reyes")
    ]
    assert found("There was little doubt that the pier would close.") == []


def test_content_ends_where_a_coordinated_frame_starts_past_a_nested_cue():
    text = (
        "Lind said he did not expect the vote to hurt the port, but he said Kim could carry the north side."
    )
    assert [q[1] for q in found(text)] == [
        "he did not expect the vote to hurt the port",
        "Kim could carry the north side",
    ]
    # a verb of knowing after "but" stays inside the content
    text = "Ann Kim says she wants the pier rebuilt, but she knows that the money is short."
    assert (
        next(q[1] for q in found(text)) == "she wants the pier rebuilt, but she knows that the money is short"
    )


def test_a_parenthetical_concession_inside_a_noun_phrase_stays():
    text = "Lind said Kim could win mostly rural, though fast growing, towns."
    assert [q[1] for q in found(text)] == ["Kim could win mostly rural, though fast growing, towns"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim said the levy would pass easily, but the council refused.", "the levy would pass easily"),
        (
            "Tom Reyes said the ferry was late again, and the harbor master has resigned.",
            "the ferry was late again",
        ),
        # a quotation after the conjunction is still the speaker's
        (
            "Ann Kim said the levy would pass easily, but the council “will regret it.”",
            "the levy would pass easily, but the council “will regret it.”",
        ),
        # no subject of its own: the content goes on
        (
            "Ann Kim said the levy would pass, but only after a fight.",
            "the levy would pass, but only after a fight",
        ),
    ],
)
def test_a_coordinated_clause_with_its_own_subject_is_the_writers(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        # "that" and then a subordinate clause or a place: the content starts after "that"
        (
            "Reyes argues that as the port grows, rents will rise.",
            "as the port grows, rents will rise",
        ),
        (
            'Ann Kim said that in her town, "nobody trusts the board."',
            'in her town, "nobody trusts the board."',
        ),
        # whom it was said to, before "that"
        ("The mayor promised Ms. Lind that the port would stay open.", "the port would stay open"),
        ("The mayor assured residents that the port would stay open.", "the port would stay open"),
    ],
)
def test_content_after_that_past_a_clause_opener_or_whom_it_was_said_to(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The firm, however, says that the rule is wrong.", "The firm"),
        ("In May, Ann Kim, however, said that the rule is wrong.", "Ann Kim"),
        ("Lind, for his part, said the rule is wrong.", "Lind"),
    ],
)
def test_an_aside_between_the_subject_and_the_cue_leaves_the_subject(text, speaker):
    assert [q[2] for q in found(text)] == [speaker]


def test_said_in_a_statement_is_still_no_content():
    assert found("Ann Kim said in a statement.") == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim sniped that Reyes had never run a ferry.", "Reyes had never run a ferry"),
        ("Tom Reyes fretted that the ferry would be late.", "the ferry would be late"),
        ("Ann Kim decried the new parking fees.", "the new parking fees"),
    ],
)
def test_more_verbs_of_saying_and_of_stance(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ann Kim implied the harbor board was biased against her.",
            "the harbor board was biased against her",
        ),
        (
            'Lind wrote in the listing he was "glad" to sell the boat.',
            'he was "glad" to sell the boat',
        ),
        ("Ann Kim vowed Saturday to close the old pier.", "to close the old pier"),
        ('The newspaper calls it "the jewel" of the harbor.', 'it "the jewel" of the harbor'),
        ('Reyes, whom she mocked as a "bully" at every stop, was defeated.', 'as a "bully" at every stop'),
    ],
)
def test_more_frames_and_their_content(text, content):
    assert content in [q[1] for q in found(text)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Sen. Ann Kim kept asking why the port had closed the pier.", "Ann Kim"),
        ("Tom Reyes began arguing that the levy was unfair.", "Tom Reyes"),
    ],
)
def test_a_verb_before_the_cues_ing_form_is_not_part_of_the_speaker(text, speaker):
    assert [q[2] for q in found(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    ["Dozens of neighbors showed up to watch Kim speak.", "Ferry traffic declined 12 percent last year."],
)
def test_showing_up_and_a_decline_by_a_number_are_no_speech(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ann Kim portrayed the mayor as a friend of the port.", "the mayor as a friend of the port"),
        ('The harbor board deemed him "fit for the job."', 'him "fit for the job."'),
    ],
)
def test_portray_and_deem_name_like_call(text, content):
    assert [q[1] for q in found(text)] == [content]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "The count shows only a slight rise in ferry riders.",
            "only a slight rise in ferry riders",
            "The count",
        ),
        ("Ann Kim said only the council could decide.", "only the council could decide", "Ann Kim"),
        ("Ann Kim said only that the council would decide.", "the council would decide", "Ann Kim"),
        (
            "A harbor poll released Monday shows Kim ahead by four points.",
            "Kim ahead by four points",
            "A harbor poll",
        ),
        ("Exit polling shows she carried the river towns.", "she carried the river towns", "Exit polling"),
    ],
)
def test_only_opens_content_and_a_poll_released_on_a_day_speaks(text, content, speaker):
    assert [(q[1], q[2]) for q in found(text)] == [(content, speaker)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The levy has not shifted votes, according to local and state strategists.",
            "local and state strategists",
        ),
        ("The plan failed, according to Ann Kim and Tom Reyes.", "Ann Kim"),
    ],
)
def test_according_to_two_coordinated_sources(text, speaker):
    assert [q[2] for q in found(text)] == [speaker]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "As Kim told the New Harbor Daily News, the ferry fare will not rise.",
            "the ferry fare will not rise",
        ),
        ("Kim told the Ledger's editorial board that the levy is fair.", "the levy is fair"),
        ("Kim told the town hall audience that the levy is fair.", "the levy is fair"),
    ],
)
def test_whom_it_was_told_to_is_not_the_content(text, content):
    assert [q[1] for q in found(text)] == [content]


def test_a_quotation_after_told_an_outlet_with_its_initials_is_the_speakers():
    text = "As Ann Kim told the Harbor Wire Service (HWS), “We will rebuild the pier.”"
    assert found(text) == [("direct", "“We will rebuild the pier.”", "Ann Kim")]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "A Second Harbor Trustee Endorses Ann Kim.\n\nThe story follows.",
            "Ann Kim",
            "A Second Harbor Trustee",
        ),
        (
            "Ann Kim Calls for Harbor Audit after Memo Shows Port Deals.\n\nThe story follows.",
            "Harbor Audit",
            "Ann Kim",
        ),
        (
            "Tom Reyes Promises New Ferry By Spring.\n\nThe story follows.",
            "New Ferry By Spring",
            "Tom Reyes",
        ),
    ],
)
def test_a_title_case_headline_with_a_stance_verb(text, content, speaker):
    assert (content, speaker) in [(q[1], q[2]) for q in found(text)]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            # "expressed confidence that" is a cue of its own: the clause is the content
            "The port authority expressed confidence that the ferry would run by May.",
            "the ferry would run by May",
        ),
        (
            "Update: Ann Kim Just Said The Pier Will Reopen In June.\n\nThe story follows.",
            "The Pier Will Reopen In June",
        ),
    ],
)
def test_expressed_and_a_labelled_headline(text, content):
    assert content in [q[1] for q in found(text)]


def test_a_relative_clause_closed_by_a_comma_inside_the_content_when_the_clause_goes_on():
    text = "The board may declare the port's lease on the old quarry, which lies beyond the river, void."
    assert [q[1] for q in found(text)] == [
        "the port's lease on the old quarry, which lies beyond the river, void"
    ]
    # a comment after the content is not the content
    assert [q[1] for q in found("Ann Kim said the levy failed, which surprised the council.")] == [
        "the levy failed"
    ]


def test_a_time_alone_after_a_cue_is_no_content():
    assert found("Ridership was higher than the port office had forecast last spring.") == []


@pytest.mark.parametrize(
    "text, content",
    [("As Kim attacked Reyes, the harbor crowd booed.", "Reyes"), ("Ann Kim endorsed him.", "him")],
)
def test_a_one_word_object_that_names_someone_is_a_stance_verbs_content(text, content):
    assert [q[1] for q in found(text)] == [content]


def test_a_one_word_object_that_names_nothing_is_no_content():
    assert found("Ann Kim endorsed it.") == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "It's a long shot, but Kim was in Eastport on Tuesday, weeks before the vote, stressing its ferry plan.",
            "Kim",
        ),
        ("And even Kim tried to ease their worries, noting that she would wait too.", "Kim"),
    ],
)
def test_a_participles_subject_after_but_or_and_even(text, speaker):
    assert [q[2] for q in found(text)] == [speaker]


def test_asked_someone_which():
    assert [q[1] for q in found("Lind then asked Kim which piers the town should repair.")] == [
        "which piers the town should repair"
    ]


def test_content_ends_before_a_trailing_attribution_after_a_quotation_with_its_comma_inside():
    text = 'Kim said the plan was "a mess," the Ledger reported.'
    assert [q[1] for q in found(text)] == ['the plan was "a mess,"']


def test_a_line_that_signs_the_quotation_before_it():
    text = '"The ferry fares are too high for families."\n\n-Ann Kim, Eastport.\n\nThe end.'
    assert [q[2] for q in found(text)] == ["Ann Kim"]
    # a dash line that names nobody signs nothing
    text = '"The ferry fares are too high for families."\n\n- and more to come.'
    assert [q[2] for q in found(text)] == [None]
