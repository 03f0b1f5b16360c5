"""Speakers: who said each quote, by name, surname, title, pronoun, continuation or group.

Every sentence here is invented for the tests."""

from __future__ import annotations

import pytest

from annotator.experts import collect_experts
from annotator.models import Article, Expert
from annotator.quotes import People, find_quotes


def speakers(text: str, people: People | None = None) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.attribution) for q in find_quotes(Article(id="t", text=text), people)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # named after the quote
        ("“Rents are far too high,” Ann Kim said.", [("Ann Kim", "name")]),
        # inverted, with title and appositive
        (
            "“Rents are far too high,” asserted Dr. Ann Kim, a senior lecturer at the Harbor Institute.",
            [("Ann Kim", "name")],
        ),
        # named before the quote
        ("Professor Ann Kim stated, “Rents are far too high.”", [("Ann Kim", "name")]),
        # surname after the first mention resolves to the full name
        ("Ann Kim runs the institute.\n\n“Rents are far too high,” Kim said.", [("Ann Kim", "surname")]),
        # title and surname
        ("Ann Kim runs the institute.\n\n“Rents are far too high,” Ms. Kim said.", [("Ann Kim", "title")]),
        # pronouns go to the right person
        (
            "Ann Kim argued that rents were high. “Nobody can save,” she explained.",
            [("Ann Kim", "name"), ("Ann Kim", "pronoun")],
        ),
        (
            "“Rents are high,” Ann Kim said. Rates are low, according to Tom Brisk. “Wait and see,” he added.",
            [("Ann Kim", "name"), ("Tom Brisk", "name"), ("Tom Brisk", "pronoun")],
        ),
        # described speakers keep their description; a role before a name is dropped from the name
        ("“We will win this state easily,” said campaign spokeswoman Jo Park.", [("Jo Park", "name")]),
        ("“We will win this state easily,” the campaign said in a statement.", [("the campaign", "name")]),
        # a party tag and initials do not break the name
        ("“It is a sad day for the whole town,” Rep. Jo Park (D-Ore.) said Friday.", [("Jo Park", "name")]),
        (
            "“It is a sad day for the whole town,” said Rep. J.D. Park (R-Utah), head of the caucus.",
            [("J.D. Park", "name")],
        ),
        # "according to" takes any source phrase
        (
            "Rents rose by a tenth last year, according to the average of surveys compiled by Harbor Data.",
            [("Harbor Data", "name")],
        ),
        # groups stay groups
        ("Some experts contend that the plan will fail.", [("experts", "group")]),
        ("In talks with reporters, four analysts asserted that the plan will fail.", [("analysts", "group")]),
        # an unattributed quote has no speaker
        ("“This will not end well for anyone involved.”", [(None, "none")]),
    ],
)
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_groups_are_never_given_to_a_person():
    text = (
        "Ann Kim leads the team. Experts suggest that the budget is too small. “It is too small,” Kim said."
    )
    qs = find_quotes(Article(id="t", text=text))
    assert [(q.speaker, q.speaker_id) for q in qs] == [("experts", None), ("Ann Kim", "ann-kim")]


def test_a_group_after_with_is_named_without_the_preposition():
    text = "The plan split the town's grocers, with some warning that prices would rise and others saying it was fair."
    qs = find_quotes(Article(id="t", text=text))
    assert [(q.speaker, q.attribution) for q in qs] == [("some", "group"), ("others", "group")]
    text = "Despite economists arguing that the levy is unfair, the council passed it."
    qs = find_quotes(Article(id="t", text=text))
    assert [(q.speaker, q.attribution) for q in qs] == [("economists", "group")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("About one in five say they would not ride the ferry.", "About one in five"),
        ("More than six in 10 said the fares were too high.", "More than six in 10"),
        ("Two-thirds said they would ride it again.", "two-thirds"),
        ("42 percent of riders said the fares were too high.", "42 percent of riders"),
    ],
)
def test_a_share_of_people_is_a_group_speaker(text, speaker):
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.attribution) == (speaker, "group")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Residents living near the plant say the air is worse.", "Residents living near the plant"),
        ("Economists surveyed by the Ledger said rates would fall.", "Economists surveyed by the Ledger"),
        ("Doctors in rural clinics say the rule is unfair.", "Doctors in rural clinics"),
        # a finite verb is no modifier: the group's own clause
        ("Investigators reviewed the records and said the pier was safe.", "investigators"),
    ],
)
def test_a_group_with_a_modifier_is_the_speaker_not_the_last_noun(text, speaker):
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.attribution) == (speaker, "group")


def test_a_name_with_particles_is_found_again_by_its_surname():
    text = (
        "Anna van der Berg, an economist at Eastbrook University, spoke first. "
        "“Costs went up,” van der Berg said. “Nobody priced that in,” Van der Berg added. "
        "Luis de la Cruz, a historian, disagreed. “It was priced in,” de la Cruz said."
    )
    assert speakers(text) == [
        ("Anna van der Berg", "surname"),
        ("Anna van der Berg", "surname"),
        ("Luis de la Cruz", "surname"),
    ]


def test_a_past_tense_who_clause_makes_a_person_for_a_pronoun():
    text = (
        "Ruth Obi, an analyst, spoke first. Tom Akers, who ran the port for a decade, was calmer. "
        "The slump, he said, would pass."
    )
    assert {s for s in speakers(text)[-2:]} == {("Tom Akers", "pronoun")}


def test_a_stance_verb_in_a_description_of_a_named_person_is_hers():
    text = "Sen. Ruth Obi, a Republican who has opposed the toll, called the results “a vindication.”"
    got = [(q.speaker, q.cue, q.text) for q in find_quotes(Article(id="t", text=text))]
    assert got == [
        ("Ruth Obi", "opposed", "the toll"),
        ("Ruth Obi", "called", "the results “a vindication.”"),
    ]


def test_she_skips_a_man_and_he_skips_a_woman():
    text = (
        "Ms. Ann Kim runs the institute. “Rents are high,” Kim said. Mr. Tom Brisk disagreed. "
        "“Rents are fine,” Brisk said. “They always were,” he added. “They never were,” she replied."
    )
    got = speakers(text)
    assert got[-2] == ("Tom Brisk", "pronoun")
    assert got[-1] == ("Ann Kim", "pronoun")


def test_one_canonical_id_across_mentions_and_articles():
    people = People()
    a = find_quotes(
        Article(id="a1", text="“Rents are far too high,” said Dr. Ann Kim, a lecturer at Harbor College."),
        people,
    )
    b = find_quotes(Article(id="a2", text="“Prices will fall,” Kim said."), people)
    assert a[0].speaker_id == b[0].speaker_id == "ann-kim"
    assert b[0].speaker == "Ann Kim"
    experts = collect_experts(a + b, people)
    assert [(e.id, e.role, e.organisation, e.articles) for e in experts] == [
        ("ann-kim", "lecturer", "Harbor College", ["a1", "a2"])
    ]


def test_registry_adds_aliases_and_pronouns():
    people = People([Expert(id="ann-kim", name="Ann Kim", aliases=["Kim"], pronoun="she", is_expert=True)])
    text = (
        "Tom Brisk spoke first. “It will pass,” Brisk said.\n\n"
        "“Rents are far too high,” Kim said. “Nobody saves,” she added."
    )
    got = [(q.speaker_id, q.speaker_is_expert) for q in find_quotes(Article(id="t", text=text), people)]
    assert got == [("tom-brisk", False), ("ann-kim", True), ("ann-kim", True)]


@pytest.mark.parametrize(
    "text, is_expert",
    [
        ("“Rates will rise,” said Ann Kim, a senior lecturer at Harbor College.", True),
        ("“Rates will rise,” said Ann Kim, an analyst at the Harbor Institute.", True),
        ("“Rates will rise,” said Ann Kim, a former deputy secretary general of the alliance.", True),
        ("“Rates will rise,” said Professor Ann Kim.", True),
        ("“Rates will rise,” said Ann Kim, the president of the republic.", False),
        ("“Rates will rise,” said Ann Kim, a spokeswoman for the ministry.", False),
        ("“Rates will rise,” said Ann Kim, a senator from the north.", False),
        ("“Rates will rise,” Ann Kim said.", False),
    ],
)
def test_expert_flag(text, is_expert):
    q = find_quotes(Article(id="t", text=text))[0]
    assert q.speaker == "Ann Kim"
    assert q.speaker_is_expert is is_expert


def test_role_and_organisation_from_the_appositive():
    q = find_quotes(
        Article(
            id="t",
            text="Ann Kim, an expert in urban policy at the Harbor Institute, "
            "argued that rents must be capped.",
        )
    )[0]
    assert (q.role, q.organisation) == ("expert in urban policy", "Harbor Institute")


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inverted name right after the cue wins over a place named earlier in the clause
        (
            "As the vote moves to Port Alder, a city she hoped to win easily, the race will be close, said "
            "Dan Quill, an independent analyst.",
            [("Dan Quill", "name")],
        ),
        # the object of "told" is the audience, not the speaker
        ("“It is a very weak budget,” Ann Kim, 49, told The Harbor Times.", [("Ann Kim", "name")]),
        # a name after "said" that opens the reported clause is no inverted speaker
        (
            "Tom Brisk, a former aide, said Ann Kim “was deeply involved in the talks.”",
            [("Tom Brisk", "name")],
        ),
        # a title in title case is not speech, even with the comma inside the marks
        (
            "As Ann Kim, author of ''The Long Harbor Road,'' put it, ''Nobody plans for a flood until it comes.''",
            [("Ann Kim", "name")],
        ),
        # a source phrase names the person in it, and her affiliation is no person
        (
            "The levy would raise $2 billion a year, according to calculations by Mia Holt of the Harbor Institute "
            "of Technology.",
            [("Mia Holt", "name")],
        ),
        (
            "According to estimates by the Quarry Policy Center, the plan would cost $4 billion.",
            [("Quarry Policy Center", "name")],
        ),
        # a progressive verb is a finite cue, and a participle after it takes the same speaker
        (
            "Tom Brisk, a former budget director, has been pushing for a new levy, arguing its benefits.",
            [("Tom Brisk", "name"), ("Tom Brisk", "name")],
        ),
        # a verb of memory reports speech; the continuation keeps the speaker
        (
            "“Everyone told us no,” remembered Ann Kim, the firm's former spokeswoman. “So we built it.”",
            [("Ann Kim", "name"), ("Ann Kim", "continuation")],
        ),
        # a description, then the name in apposition: the name speaks
        ("“We are anxious,” said another harbor resident, Tom Brisk.", [("Tom Brisk", "name")]),
        # an unnamed source described with its tie to someone
        (
            "“The rain kept people at home,” said a person close to the mayor.",
            [("a person close to the mayor", "name")],
        ),
        # a title abbreviation does not end the speaker's phrase
        ("“It is a nightmare,” said the Rev. Tom Brisk.", [("Tom Brisk", "name")]),
        # a role "of" a place is a person, not the place
        ("“It works,” said the mayor of Port Alder.", [("the mayor of Port Alder", "name")]),
        # a chain of appositives describes the name that opens it
        (
            "“The rule reaches too far into local affairs,” Dan Quill, the attorney general of the state, one of the "
            "states suing the agency, said at an event.",
            [("Dan Quill", "name")],
        ),
        # the subject of a participle cue after an opening adverbial
        (
            "On Tuesday, Ms. Kim deflected questions about the budget before saying, “It is time to stop.”",
            [("Kim", "title")],
        ),
        # a quote before "NAME, ROLE, told AUDIENCE": the audience is not the content
        (
            "“The referee got it wrong,” the driver, Tom Brisk, told the radio program after the race.",
            [("Tom Brisk", "name")],
        ),
        # a one-word answer framed by a reporting verb is speech
        (
            "Dan Quill, its acting chairman, told the news agency simply, “It's over.”",
            [("Dan Quill", "name")],
        ),
        # reported content, then a quotation its colon introduces: two parts, one speaker
        (
            "Ann Kim said that a deal might still be possible if the council waits: “Patience has won "
            "more votes than speeches.”",
            [("Ann Kim", "name"), ("Ann Kim", "name")],
        ),
        # quotations signed with a dash, one a line
        (
            "“The ferry is always late.” ― Ann Kim\n“We need a second pier.” ― Tom Brisk.",
            [("Ann Kim", "name"), ("Tom Brisk", "name")],
        ),
        # "Name: “...”" answers in a run, and a colon after a clause with its subject
        (
            "Ann Kim: “The orchard needs more pickers this year.” Tom Brisk: “The co-op should pay them more.”",
            [("Ann Kim", "name"), ("Tom Brisk", "name")],
        ),
        (
            "But Ann Kim quickly changed the subject: “The ferry timetable is what matters tonight.”",
            [("Ann Kim", "name")],
        ),
        # a colon after words with no person in them gives no speaker
        ("The sign on the door read: “Harbor Club: the best party in the county.”", [(None, "none")]),
        # a name ending in -ly is no adverb
        ("“You have called voters lazy,” Kelly charged in her opening question.", [("Kelly", "surname")]),
        # a cue may open its sentence, before its speaker
        (
            "Said Jo Marsh, who grew up nearby, “The old mill meant everything to this valley.”",
            [("Jo Marsh", "name")],
        ),
        ("Said the harbor master: “It is over.”", [("the harbor master", "name")]),
        # a statement issued, or read out
        (
            "Immediately after the vote, Dan Quill issued a statement, “The orchard co-op will appeal the decision.”",
            [("Dan Quill", "name")],
        ),
        (
            "“The co-op will reopen the cannery in spring,” read the statement, which was signed by Tom Brisk.",
            [("the statement", "name")],
        ),
        # a participle after an opening place: the subject speaks, and the clause is no quote
        (
            "Here in Lakeside, Dan Quill stepped up his focus on schools, saying, “We have got to fund them.”",
            [("Dan Quill", "name")],
        ),
        # an organisation named inside an appositive is not the subject
        (
            "Ed Gray, who then chaired the Harbor Club, a circle of anglers, said that the new pier was "
            "popular.",
            [("Ed Gray", "name")],
        ),
        # a party code between commas is not the speaker
        ("Rep. Ann Kim, D-Ore., says the scenario is likely.", [("Ann Kim", "name")]),
        # a verb inside an inverted speaker's appositive is hers, and so is the quotation after it
        (
            "“The ferry fare is far too high,” said Dan Quill, a Lakeside councillor who declined "
            "to run again. “Families cannot afford it.”",
            [("Dan Quill", "name"), ("Dan Quill", "name"), ("Dan Quill", "continuation")],
        ),
        # described speakers: a tie to a person, an ally, a source, a spokeswoman for a council
        (
            "“The pier will be finished by June,” said one longtime adviser to Tom Brisk.",
            [("one longtime adviser to Tom Brisk", "name")],
        ),
        ("“The pier plan is sound,” said Quill ally Jo Marsh.", [("Jo Marsh", "name")]),
        ("“The board never trusted the plan,” this source told the Harbor Times.", [("this source", "name")]),
        (
            "“It works,” said a spokeswoman for the Harbor Council.",
            [("a spokeswoman for the Harbor Council", "name")],
        ),
        # signed with a dash after a no-break space
        (
            "“I just hope this works.” ―\u00a0Jo Marsh\n“Maybe it will.” ― Tom Brisk",
            [("Jo Marsh", "name"), ("Tom Brisk", "name")],
        ),
        # a name with its organisation, then an appositive
        (
            "Hal Moss of the Quarry Bank, the valley's oldest lender, warned that the floods may raise prices.",
            [("Hal Moss", "name")],
        ),
        # "said of THING, “...”", then a participle after the closing mark
        (
            "Ms. Kim said of the closure, “It was the wrong call,” adding that “the ferry crews deserve better.”",
            [("Kim", "title"), ("Kim", "title")],
        ),
        # a possessive or a modifier before the subject's head noun is not the subject
        (
            "The Harbor's fishing board ended its session on Friday by announcing it would raise quotas.",
            [("Harbor's fishing board", "name")],
        ),
        (
            "Lakeside politicians, who gave the cannery a new lease, are angry at its closure and want the lease cancelled.",
            [("Lakeside politicians", "group")],
        ),
        # a title "of" a department, then the name
        ("Secretary of State Ann Kim said the treaty would be signed in May.", [("Ann Kim", "name")]),
        # a city and its state inside an appositive are no speaker
        (
            "Tom Brisk, a delegate from Salem, Oregon, said the vote was a formality.",
            [("Tom Brisk", "name")],
        ),
        # the author of a statement speaks through it
        (
            "During the campaign, Ann Kim issued a statement saying she would push for a rail line.",
            [("Ann Kim", "name")],
        ),
        # an aside that opens with a preposition is skipped for the subject before it
        (
            "Tom Brisk, in a statement released by the club on Thursday, said he “welcomes the decision” "
            "of the board.",
            [("Tom Brisk", "name")],
        ),
        # a long appositive after a quotation that ends a sentence still belongs to it
        (
            "“Is the ferry running today? I hope so.” Marsh, a retired pilot from the harbor "
            "office, said quietly into the radio.",
            [("Marsh", "surname")],
        ),
        # "X acknowledged, however, “...”"; a party tag before an appositive
        (
            "Dan Quill acknowledged, however, “The tides decide more than the council does.”",
            [("Dan Quill", "name")],
        ),
        (
            "“The pier should stay open all year,” Rep. Jim Marsh (R-Ohio), a panel member, said in an interview.",
            [("Jim Marsh", "name")],
        ),
        # a group's words start at the group, not at the clause word or date before it
        (
            "They held a call on Sunday in which organizers claimed that 400 delegates took part.",
            [("organizers", "group")],
        ),
        (
            "The co-op gave $5,000 on May 3, 2019, campaign finance records show.",
            [("campaign finance records", "group")],
        ),
        # "wrote of Ms. X: “...”": the writer, and the description before her name is no quote
        (
            "Another reader, Tom Z, wrote of Ms. Kim: “Your office is still ignoring the harbor.”",
            [("Tom Z", "name")],
        ),
        # "Name:" after a dash; a colon after a common noun that opens the sentence gives no speaker
        ("Surveyors agree - Ann Kim: “Count the birds at dawn, not at noon.”", [("Ann Kim", "name")]),
        ("Signs of a shift were there all along: “The counts rose every spring.”", [(None, "none")]),
        # a run, a role, then the name: the name is the subject
        (
            "The Harbor sailing columnist Jo Marsh went so far as to say: “The regatta has lost its way.”",
            [("Jo Marsh", "name")],
        ),
        # a participle after a comma belongs to the subject, not to the phrase before it
        (
            "Ann Kim repeated that approach in her interview last week, saying the club would keep every branch open.",
            [("Ann Kim", "name")],
        ),
        # a dateline and an opening participle phrase are not the subject
        (
            "SALEM, Ore. - Visiting dozens of growers, Ann Kim listened to their worries and promised to cut the fees.",
            [("Ann Kim", "name")],
        ),
        # an adverbial that opens with a preposition is no speaker
        ("In a series of late meetings, the growers drew up a plan for the harvest.", []),
        # a relative clause after the name holds the commas of its own appositive
        (
            "Mr. Quill, whose newest boat, the Sea Lark, carries tourists in summer, said the town was ready.",
            [("Quill", "title")],
        ),
        # "secretary of state" before a name is its description
        (
            "“The levee is the town's best friend,” said former secretary of state Ann Kim.",
            [("Ann Kim", "name")],
        ),
        # an adverb ends the subject
        (
            "Once the report was out, the community immediately began calling for the harbor master to resign.",
            [("the community", "name")],
        ),
        # subordinate and prepositional openers are skipped for the subject of a participle
        (
            "Shortly after the sale was announced, the families of the growers had organised, warning that "
            "the deal would hurt the valley.",
            [("families", "group")],
        ),
        (
            "When the family moved to the coast, his mother refused to sell the farm, "
            "insisting that the land would recover.",
            [("his mother", "name"), ("his mother", "name")],
        ),
        # an opening adverb, and an adjective before a group subject
        (
            "Likewise, Ann Kim went down to the harbor and called for a new vote.",
            [("Ann Kim", "name")],
        ),
        (
            "Absent a clear answer from the board, ordinary members may listen and conclude that the pier is doomed.",
            [("ordinary members", "group")],
        ),
        # a sentence that only announces speech gives the next quotation its speaker
        (
            "Her neighbour Jo Marsh, 64, a retired teacher from Lakeside, chimed in. “The bus used to stop here every hour.”",
            [("Jo Marsh", "name")],
        ),
        (
            "Dan Quill continued his sharp remarks.\n\n“Ten years ago this pier was full of boats.”",
            [("Dan Quill", "name")],
        ),
        # ... but not a sentence that only says what someone did
        ("The mayor spoke. “We will rebuild.”", [(None, "none")]),
        # more cue verbs and described speakers
        ("“The sea gives and the sea takes,” my father often said.", [("my father", "name")]),
        ("Ann Kim tried to laugh it off by interjecting, “Only on Sundays.”", [("Ann Kim", "name")]),
        # a message sent to supporters speaks for its sender; a subordinate clause before it is
        # narrative when the quotation opens a sentence of its own ...
        (
            "Even before Dan Quill reached the hall, his campaign sent out a text message to supporters saying: "
            "“The count is in and the pier vote is ours.”",
            [("his campaign", "name")],
        ),
        # ... and the speaker's own words when the quotation goes on from it
        (
            "When we win, Ann Kim said, “we will rebuild the bridge.”",
            [("Ann Kim", "name"), ("Ann Kim", "name")],
        ),
        # a source named with a day: the day is not part of its name
        (
            "The club started booking the hall, as first reported by the Harbor Times on Tuesday.",
            [("the Harbor Times", "name")],
        ),
        # "As one employee told ...,": a described speaker with "one"
        (
            "As one employee told the Harbor Weekly, “The new rota leaves no time for lunch.”",
            [("one employee", "name")],
        ),
        # "long ago" ends no subject
        ("The town council long ago showed a taste for volunteer crews.", []),
        # "As X explained, CLAUSE": the clause is what X explained
        (
            "As the harbor spokesman Tom Brisk explained, the mooring fees will rise in April.",
            [("Tom Brisk", "name")],
        ),
        # "noted, however, that ..."
        ("Ann Kim noted, however, that the plan will fail.", [("Ann Kim", "name")]),
        # "Even as ...," opens a sentence before its subject
        (
            "Even as inspectors were checking the hulls, Mr. Quill, 61, remained a champion of the ferry, "
            "telling a reporter that the boats were safe.",
            [("Quill", "title")],
        ),
        # a name inside a relative clause ("who spoke with the Harbor Times") is no subject
        (
            "Former officials who spoke with the Harbor Times said the club has lost most of its members.",
            [("Former officials", "group")],
        ),
        # a title's dot after a question that ends the quotation does not end the attribution
        ("“Are we still talking about that?” Mr. Quill fumed, using a rude word.", [("Quill", "title")]),
        # a quantifier with its noun; an opening "A few minutes later,"
        (
            "Many local growers try to stay out of sight, telling few people about their debts.",
            [("local growers", "group")],
        ),
        (
            "A few minutes later, Dan Quill followed up by lamenting the churn of meetings his job entails.",
            [("Dan Quill", "name")],
        ),
        # a source described by what it is involved in
        (
            "“The ads will cost millions,” said one organizer involved in the planning, who asked not to be named.",
            [("one organizer involved in the planning", "name")],
        ),
        # an appositive closed after a time ("on Saturday,") still closes with its comma
        (
            "President Kim, opening the Harbor Museum of Maritime History on Saturday, said it would tell a "
            "local story.",
            [("Kim", "title")],
        ),
        # "here" between the subject and the cue
        (
            "Her campaign workers here said they have been working the county since spring.",
            [("campaign workers", "group")],
        ),
        # "X responded by saying": the subject, not the verb phrase
        (
            "Ann Kim responded by saying that the co-op does not pay for tastings.",
            [("Ann Kim", "name")],
        ),
        # a paragraph ending in a colon announces the quotation that opens the next one
        (
            "On May 3, Ann Kim made the following comment:\n\n“For island families, the ferry is the only "
            "way to reach a hospital.”",
            [("Ann Kim", "name")],
        ),
        # a quotation going on after a short attribution keeps its speaker
        (
            "“There was smoke all over the pier,” Tom Brisk said. “Smoke everywhere.”",
            [("Tom Brisk", "name"), ("Tom Brisk", "continuation")],
        ),
    ],
)
def test_speakers_follow_the_sentence_structure(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the subject of the sentence before wins over the last speaker
        (
            "“The port will flood,” said Professor Ann Kim.\n\nMr. Brisk, the mayor, visited the docks on Monday. "
            "“We are ready for anything,” he told a radio station.",
            "Tom Brisk",
        ),
        # a name inside the quote is not the pronoun's person
        (
            "Tom Brisk has argued for a levy for years. “With a levy, Ann Kim could rebuild the docks,” he wrote.",
            "Tom Brisk",
        ),
        # a capitalised place is not a person
        (
            "“The port will flood,” said Professor Ann Kim.\n\nIn towns like Port Alder and New Harbor, she said "
            "the risk was rising.",
            "Ann Kim",
        ),
        # a sentence about what harbors do (a means after "by") names no speaker for "he"
        (
            "“It is an expensive way to run a port,” said Tom Brisk, a professor of economics.\n\nPublic "
            "harbors make up the shortfall by raising fees, admitting more cruise ships and cutting staff. "
            "Those changes can also affect the safety of the docks, he said.",
            "Tom Brisk",
        ),
        # a name described as a person ("X, president of ...", "X, who teaches ...") is the
        # subject "she" takes, over the latest speaker, whose gender is not known
        (
            "The port director, Tom Brisk, said the docks would reopen.\n\nMia Holt, president of the "
            "Harbor Policy Center, a think tank, disagreed with the engineers. She said the same warning "
            "had been made in 2009.",
            "Mia Holt",
        ),
        (
            "The port director, Tom Brisk, said the docks would reopen.\n\nMia Holt, who teaches civil "
            "engineering, disagreed. She said the same warning had been made in 2009.",
            "Mia Holt",
        ),
    ],
)
def test_pronouns_follow_the_text(text, expected):
    people = People()
    if "Mr. Brisk" in text:
        people.meet("Tom Brisk")
    quotes = find_quotes(Article(id="t", text=text), people)
    assert quotes[-1].attribution == "pronoun"
    assert quotes[-1].speaker == expected


def test_a_group_described_by_who_is_not_a_person_for_a_pronoun():
    # "who" with a plural verb describes a group: "she" finds no person in that sentence
    text = (
        "“The port will flood,” said Professor Ann Kim.\n\nHarbor Islanders, who voted early, disagreed "
        "with the council. She said the risk was rising."
    )
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.speaker, q.attribution) for q in quotes][-1] == ("Ann Kim", "pronoun")


def test_a_sentence_end_inside_a_capitalised_run_is_not_part_of_a_name():
    # "... the Harbor Cup. Ann Kim ...": the words before the full stop are not her name
    text = "The team won the Harbor Cup. Ann Kim scored twice.\n\n“It will save the club,” Kim said."
    q = find_quotes(Article(id="t", text=text))[-1]
    assert (q.speaker, q.attribution) == ("Ann Kim", "surname")


def test_a_naming_verb_after_a_described_name_keeps_its_subject():
    # "A spokesman for the <Organisation>, <Name>, called the bill “...”": the name is the
    # speaker, "the bill" is the object
    text = "A spokesman for the Harbor Lenders Association, Tom Brisk, called the bill “a disaster for families.”"
    q = find_quotes(Article(id="t", text=text))[0]
    assert q.speaker == "Tom Brisk"
    assert q.text.startswith("the bill")


@pytest.mark.parametrize(
    "text, role, organisation",
    [
        # described where first named, quoted later by surname
        (
            "Ann Kim, an associate professor of law at Harbor College, has studied rents for years.\n\n"
            "“They will rise,” Kim said.",
            "associate professor of law",
            "Harbor College",
        ),
        # described where first named, quoted through "she"
        (
            "Tom Brisk said the docks would reopen.\n\nMia Holt, president of the Harbor Policy Center, "
            "a think tank, disagreed with the engineers. She said the same warning was made in 2009.",
            "president",
            "Harbor Policy Center, a think tank",
        ),
        # role words written before the name, in a sentence that quotes nobody
        (
            "Her colleague, economist Mia Holt, disagreed in part.\n\n“The costs are real,” Holt said.",
            "economist",
            None,
        ),
        # a description before the name and its comma ("The study’s lead author, X,")
        (
            "The study’s lead author, Mia Holt, cautioned that the figure is an estimate.",
            "study’s lead author",
            None,
        ),
        (
            "A researcher at the Harbor Institute, Mia Holt, said the figure is an estimate.",
            "researcher",
            "Harbor Institute",
        ),
    ],
)
def test_a_role_given_outside_any_quote_reaches_the_speaker(text, role, organisation):
    q = find_quotes(Article(id="t", text=text))[-1]
    assert (q.role, q.organisation, q.speaker_is_expert) == (role, organisation, True)


@pytest.mark.parametrize(
    "text, role, is_expert",
    [
        ("Commission President Mia Holt said the levy was fair.", "Commission President", False),
        ("Harbor Bank Governor Mia Holt said the levy was fair.", "Harbor Bank Governor", False),
        (
            "Eastbrook University professor Mia Holt said the levy was fair.",
            "professor",
            True,
        ),
    ],
)
def test_an_office_of_an_organisation_before_a_name_is_the_persons_title(text, role, is_expert):
    # the organisation's words before the title do not make the speaker an organisation
    q = find_quotes(Article(id="t", text=text))[0]
    assert (q.speaker, q.role, q.speaker_is_expert) == ("Mia Holt", role, is_expert)
    # an organisation alone is still one
    q = find_quotes(Article(id="t", text="The Harbor Policy Institute said the levy was fair."))[0]
    assert q.speaker == "Harbor Policy Institute" and not q.speaker_is_expert


def test_a_profession_opening_a_sentence_is_a_role_in_lower_case():
    q = find_quotes(Article(id="t", text="Hydrologist Mia Holt said the river was at its lowest level."))[0]
    assert (q.speaker, q.role, q.speaker_is_expert) == ("Mia Holt", "hydrologist", True)
    q = find_quotes(Article(id="t", text="Senator Mia Holt said the river was at its lowest level."))[0]
    assert (q.speaker, q.role, q.speaker_is_expert) == ("Mia Holt", "Senator", False)


def test_a_list_of_described_names_with_colons_gives_roles():
    text = (
        "Two experts weighed in.\n\n"
        "- Mia Holt, a child psychologist at Harbor Hospital: “A ban gives pupils their breaks back.”\n"
        "- Tom Brisk, who studies school policy at the Harbor Institute: “The evidence is thin.”"
    )
    got = [
        (q.speaker, q.role, q.organisation, q.speaker_is_expert)
        for q in find_quotes(Article(id="t", text=text))
    ]
    assert ("Mia Holt", "child psychologist", "Harbor Hospital", True) in got
    assert ("Tom Brisk", "studies school policy", "Harbor Institute", True) in got


def test_a_transcript_answer_goes_on_to_the_end_of_its_paragraph():
    text = (
        "Q: Would you make it the law?\n\n"
        "Holt: Not as a mandate. I would offer it as an option that firms can choose. It suits offices.\n\n"
        "Q: And shops?\n\nHolt: Less so."
    )
    got = [(q.speaker, q.attribution, q.text) for q in find_quotes(Article(id="t", text=text))]
    assert got == [
        ("Holt", "surname", "Not as a mandate"),
        ("Holt", "continuation", "I would offer it as an option that firms can choose"),
        ("Holt", "continuation", "It suits offices"),
    ]


def test_a_research_affiliation_with_no_role_makes_an_expert():
    text = "According to estimates by Mia Holt of the Harbor Institute of Technology, rents will rise by a third."
    q = find_quotes(Article(id="t", text=text))[0]
    assert (q.speaker, q.organisation, q.speaker_is_expert) == (
        "Mia Holt",
        "Harbor Institute of Technology",
        True,
    )


def test_roles_of_inverted_speakers_keep_their_relative_clause():
    text = (
        "“Changing these habits takes very little time,” said Mia Holt, a former executive at Lantern Bank, "
        "who now runs a research firm."
    )
    q = find_quotes(Article(id="t", text=text))[0]
    assert (q.speaker, q.role, q.organisation) == (
        "Mia Holt",
        "former executive; runs a research firm",
        "Lantern Bank",
    )
    assert q.speaker_is_expert


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a person said, named by her possessive: she is the speaker
        ("Ann Kim’s statement said the levy would be repealed.", [("Ann Kim", "name")]),
        ("Tom Brisk's remarks suggested the council would back the levy.", [("Tom Brisk", "name")]),
        # a group after a noun and its determiner: "a measure its backers say ..."
        (
            "The council will vote on a levy, a measure its backers say would cut traffic.",
            [("backers", "group")],
        ),
        # a capitalised word that names nobody before "Name of Organisation"
        (
            "Tom Brisk is an analyst. Even Mr. Brisk of Harbor Bank doesn't expect a deal soon.",
            [("Tom Brisk", "title")],
        ),
        # a capitalised modifier of a described person is not a name
        (
            "The Harbor candidate opened her rally by saying, “We will rebuild the pier.”",
            [("The Harbor candidate", "name")],
        ),
        (
            "At a fair in May, the Eastbrook history graduate ended her speech with a line: “Every storm passes.”",
            [("the Eastbrook history graduate", "name")],
        ),
        # ... but a verb after the capitalised words leaves the name alone
        (
            "The Harbor Times ran an editorial on Sunday, saying the levy “is long overdue.”",
            [("Harbor Times", "name")],
        ),
        # a statement's author, with a participle that takes a side
        (
            "Mayor Ann Kim released a statement Thursday night condemning “what appears to be a deliberate attack.”",
            [("Ann Kim", "name")],
        ),
        # intros in a row before the subject of a participle
        (
            "Tom Brisk teaches law. Thursday, after staying neutral for months, Brisk endorsed Ann Kim, saying, "
            "“She is what this city needs.”",
            [("Tom Brisk", "surname"), ("Tom Brisk", "surname")],
        ),
        # a conjunction opening the sentence is not the subject's
        ("But the ferry's owners said they don't want to sell.", [("ferry's owners", "group")]),
        ("And Ann Kim said the levy would pass.", [("Ann Kim", "name")]),
        # a digest's next item from the same source: "HEADLINE -More from Kim: “...”"
        (
            "Ferry fares too low - Ann Kim: “Fares have not moved in years.”\n\n"
            "Riders stay loyal -More from Kim: “Most riders would pay more.”",
            [("Ann Kim", "name"), ("Ann Kim", "surname")],
        ),
        # NYT marks with a quotation inside: the inner single mark, then the closing ''
        (
            "Tom Brisk spoke at length. ''We are told all the time, 'The harbor is a special case,''' "
            "Mr. Brisk said. ''It is all lies.''",
            [("Tom Brisk", "title"), ("Tom Brisk", "continuation")],
        ),
        # a non-breaking space inside a cue phrase
        ("Ann Kim issued a\u00a0statement, “The harbor will reopen in May.”", [("Ann Kim", "name")]),
        # a date with its year before the subject of an announcing sentence
        (
            "Ann Kim is a senator.\n\nOn July 6, 2015, Kim made the following comment:\n\n"
            "“The jobless rate is far too high.”",
            [("Ann Kim", "surname")],
        ),
        # a noun phrase that ends in a name ("A statement posted on the website X said")
        (
            "A statement posted on the website HarborNews.com said listings are user generated.",
            [("HarborNews.com", "title")],
        ),
        # a described subject with a modifier before its appositive
        (
            "The clerk of nearly four years, a registered voter who spoke on condition of anonymity, said she "
            "would leave.",
            [("The clerk of nearly four years", "name")],
        ),
        # a group whose relative clause runs on to the cue
        (
            "But many shop owners who attended the long hearing on the levy say they will close early.",
            [("shop owners", "group")],
        ),
        # a document keeps its own voice
        ("Harbor Bank's report said rates would rise.", [("Harbor Bank's report", "name")]),
        # "released a statement Wednesday saying": the statement's author
        (
            "Lakeside Council released a statement Wednesday saying the ferry “will run all winter.”",
            [("Lakeside Council", "name")],
        ),
        # a digest's item, "HEADLINE - A and B: “...”": the first of the two authors
        (
            "FERRY FARES TOO LOW, STUDY SAYS - Ann Kim and Tom Brisk: “The ferry has not raised its fares in "
            "twenty years. It cannot go on like this.”",
            [("Ann Kim", "name")],
        ),
    ],
)
def test_possessives_statements_and_digest_items(text, expected):
    assert speakers(text) == expected


def test_a_definite_description_by_role_is_the_person_named_with_that_role():
    text = (
        "Ann Kim, an economist at Harbor University, said the levy would raise little. "
        "The economist added that most shops would pass it on."
    )
    assert speakers(text) == [("Ann Kim", "name"), ("Ann Kim", "description")]
    text = "Tom Brisk, a professor of law at Eastbrook, doubts the ban is legal. “It will not last,” the professor said."
    assert speakers(text) == [("Tom Brisk", "name"), ("Tom Brisk", "description")]
    # a role nobody named has stays a description; officials are not resolved this way
    assert speakers("Ann Kim, an economist, spoke first. “Rents will rise,” the professor said.")[-1] == (
        "the professor",
        "name",
    )
    assert speakers("Ann Kim, a city official, spoke. “The pier will close,” the official said.")[-1] == (
        "the official",
        "name",
    )


def test_an_age_or_a_profession_in_ist_makes_a_person_for_a_pronoun():
    text = (
        "Ann Okonkwo, a pharmacist, has studied closures. “A van cannot check your pills,” she says. "
        "Greta Lund, 67, a retired teacher, now drives 40 miles for her pills. “It's a whole morning gone,” she says."
    )
    assert speakers(text) == [("Ann Okonkwo", "pronoun"), ("Greta Lund", "pronoun")]
    # an adjective in -ian is no profession: "forcing civilian airliners"
    text = "The ban covers the Harbor Strait, forcing civilian airliners to fly around it. “It is absurd,” he said."
    assert speakers(text) == [(None, "none")]


def test_an_occupation_in_an_appositive_or_a_copula_makes_a_person_for_a_pronoun():
    text = "Ann Okafor, an engineer at Tollgate College, studied the pier. She said the piles were sound."
    assert speakers(text) == [("Ann Okafor", "pronoun")]
    text = "Ruth Abara is a professor of law at Eastbrook University. She said the ruling was wrong."
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.role, q.organisation, q.speaker_is_expert) == (
        "Ruth Abara",
        "professor of law",
        "Eastbrook University",
        True,
    )
    # a place described by a copula names nobody
    assert speakers("Port Alder is a city. She said the pier was sound.") == [(None, "none")]


def test_a_participle_of_asking_opens_the_sentence_before_its_speaker():
    text = (
        "Ann Okafor, an engineer at Tollgate College, studied the pier. "
        "Asked whether the pier would reopen by May, Okafor was blunt: “Not a chance.” "
        "Reached by phone, Okafor said the piles were sound."
    )
    got = [
        (q.speaker, q.cue)
        for q in find_quotes(Article(id="t", text=text))
        if q.kind == "direct" or q.cue == "said"
    ]
    assert got == [("Ann Okafor", ":"), ("Ann Okafor", "said")]


def test_doubt_reports_what_the_speaker_doubts():
    text = "Ann Okafor, an engineer, spoke first. Still, Okafor doubted the pier was worth its price."
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.cue, q.text) == ("Ann Okafor", "doubted", "the pier was worth its price")


def test_a_source_phrase_before_a_name_gives_the_role_and_organisation():
    t = "According to a study by researchers at Eastmoor College led by economist Tom Ibarra, towns saw fewer visits."
    [q] = find_quotes(Article(id="t", text=t))
    assert (q.speaker, q.role, q.organisation, q.speaker_is_expert) == (
        "Tom Ibarra",
        "economist",
        "Eastmoor College",
        True,
    )


def test_an_interview_printed_as_questions_and_answers_gives_the_answers_to_the_interviewee():
    text = (
        "Ann Kim, an economist at Eastbrook University, has studied flood insurance. We asked her about the levy.\n\n"
        "Q: Is the levy fair?\n\n"
        "A: Mostly, yes. Homeowners near the river pay more, and they should.\n\n"
        "Q: Will it cut building in the flood zone?\n\n"
        "A: Not by much, I think."
    )
    # (a frame inside an answer, "..., I think", stays a quote of its own, with no speaker)
    quotes = [q for q in find_quotes(Article(id="t", text=text)) if q.speaker is not None]
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("Mostly, yes. Homeowners near the river pay more, and they should.", "Ann Kim", "A:"),
        ("Not by much, I think.", "Ann Kim", "A:"),
    ]
    assert all(q.speaker_is_expert for q in quotes)
    # "A:" lines with no question before them are no interview
    assert find_quotes(Article(id="t", text="Plan A: keep the ferry.\n\nA: the ferry stays.")) == []
    # with nobody named before the first question, the answers are quotes without a speaker
    text = "Answers were edited for length.\n\nQ: Is the levy fair?\n\nA: Mostly, yes. Owners near the river pay more."
    assert [(q.text, q.speaker, q.cue) for q in find_quotes(Article(id="t", text=text))] == [
        ("Mostly, yes. Owners near the river pay more.", None, "A:")
    ]


@pytest.mark.parametrize(
    "text, speaker, attribution",
    [
        # a plural occupation is a group, like "economists"
        (
            "Surveyors hired by the county said the bridge was sound.",
            "Surveyors hired by the county",
            "group",
        ),
        # two groups joined are one speaker, with or without a modifier after them
        (
            "Economists and planners said the fare cut would pay for itself.",
            "Economists and planners",
            "group",
        ),
        (
            "Economists and planners interviewed for this story agreed that the toll would work.",
            "Economists and planners interviewed for this story",
            "group",
        ),
        # a described person opening the sentence speaks for a coordinated or participle cue
        ("The mayor thanked the growers and said the dam would be finished.", "The mayor", "name"),
        ("The mayor thanked growers and said the dam would be finished.", "The mayor", "name"),
        ("The engineer took the stage, saying the dam would be finished.", "The engineer", "name"),
        # a group with "of ..." or "close to ..." after it, also after an opening "But"
        ("Proponents of a higher levy say it would fund the buses.", "Proponents of a higher levy", "group"),
        ("Sources close to the mayor say she will veto the toll.", "Sources close to the mayor", "group"),
        ("But residents of the valley say the dam is unsafe.", "residents of the valley", "group"),
        # a described organisation with a participle and its members after it is the organisation
        (
            "The union representing bus drivers welcomed the fare plan.",
            "The union representing bus drivers",
            "name",
        ),
        # a group with a clause of who asked it: the group, not the one who asked
        (
            "All the planners I interviewed said the fare cut would pay for itself.",
            "planners I interviewed",
            "group",
        ),
        ("The voters we spoke to said the fare cut would pay for itself.", "voters we spoke to", "group"),
        # a quantifier "of" a possessive or article before the group: the group
        ("But some of his supporters remain wary, citing the fare cut.", "supporters", "group"),
        ("Some of the residents said the fare cut would pay for itself.", "residents", "group"),
    ],
)
def test_groups_and_described_subjects(text, speaker, attribution):
    qs = find_quotes(Article(id="t", text=text))
    assert [(q.speaker, q.attribution) for q in qs] == [(speaker, attribution)]


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        # a chant, a shout or a cry is speech however short, and the clause's subject voices it
        (
            "About fifty nurses gathered outside the clinic on Friday, chanting “Fair pay now” as managers arrived.",
            "“Fair pay now”",
            "nurses",
        ),
        (
            "Outside the hall in Lakeview, about 200 tenants waited in the rain, holding signs and chanting "
            "“Rent freeze now.”",
            "“Rent freeze now.”",
            "tenants",
        ),
        (
            "Dozens of parents marched through the old town on the first day of the Harbor Schools Convention "
            "on Monday, chanting “Keep our buses,” and waving flags.",
            "“Keep our buses,”",
            "parents",
        ),
        ("The treasurer took the microphone and shouted “We won!”", "“We won!”", "The treasurer"),
        ("“Never!” the crowd cried out, booing.", "“Never!”", "the crowd"),
        (
            "The rally met outside a depot owned by investor Dan Ruiz — where about 40 drivers had gathered "
            "on Friday morning, chanting “No deal, no wheels” after the talks failed.",
            "“No deal, no wheels”",
            "drivers",
        ),
        (
            "The governor drew big crowds, alternately shouting “Go home” and “Be nice.”",
            "“Go home”",
            "The governor",
        ),
        # no frame: the voicing words are the cue, the sentence's subject the speaker
        (
            "Supporters of the mayor responded with chants of “Four more years” until she spoke.",
            "“Four more years”",
            "supporters",
        ),
        ("At the rally, Dana Holt hoisted a sign that read “15%!” near the stage.", "“15%!”", "Dana Holt"),
        # "..., many of them chanting": the group the sentence opens with, and no content before
        (
            "About 90 tenants filled the hall on Monday night, many of them chanting “Rent freeze now” as "
            "the board arrived.",
            "“Rent freeze now”",
            "tenants",
        ),
    ],
)
def test_a_chant_or_a_shout_is_speech_voiced_by_the_clause_subject(text, quote, speaker):
    qs = find_quotes(Article(id="t", text=text))
    assert [(q.text, q.speaker) for q in qs][:1] == [(quote, speaker)]


def test_an_aside_with_its_own_speakers_is_not_content():
    """ "..., with many marchers chanting “...”": the words before the aside are nobody's."""
    text = "The flood was on everyone's mind, with many marchers and neighbours chanting “We are Lakeview.”"
    assert [(q.text, q.speaker) for q in find_quotes(Article(id="t", text=text))] == [
        ("“We are Lakeview.”", "marchers and neighbours")
    ]


def test_a_quoted_title_or_term_is_still_no_speech():
    """Short quotations after ordinary verbs stay terms, not speech."""
    text = "The council adopted a plan it calls “Vision Zero” and put it on the agenda."
    assert [q.kind for q in find_quotes(Article(id="t", text=text)) if q.kind == "direct"] == []


@pytest.mark.parametrize(
    "text, role, expert",
    [
        # a description before the name, with lower-case words before the role word
        (
            "“It is a modest step,” said former state health commissioner Rosa Vale.",
            "former state health commissioner",
            True,
        ),
        (
            "“It is a modest step,” said state health commissioner Rosa Vale.",
            "state health commissioner",
            False,
        ),
        (
            "Former state health commissioner Rosa Vale said the levy is a modest step.",
            "former state health commissioner",
            True,
        ),
        # "now a professor at ..." after a former office: the professor
        (
            "Former ferry commissioner Rosa Vale, now a professor of law at Eastbrook, said the levy was fair.",
            "professor of law",
            True,
        ),
    ],
)
def test_descriptions_before_a_name_and_now(text, role, expert):
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.role, q.speaker_is_expert) == ("Rosa Vale", role, expert)


def test_a_description_before_a_name_in_apposition_makes_a_person_for_she():
    text = (
        "The ferry company’s managing director, Rosa Vale, disputed that. "
        "“This is not a toll,” she said in a statement."
    )
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.attribution, q.role) == ("Rosa Vale", "pronoun", "ferry company’s managing director")


def test_it_after_a_noun_is_the_speaker_not_the_noun_phrase():
    # "a change it says would ...": "it" speaks; "a change it" is no one's name
    for text in (
        "The board may adopt a shorter week, a change it says would save money.",
        "The city backs a toll it says would cut traffic.",
    ):
        [q] = find_quotes(Article(id="t", text=text))
        assert q.speaker is None and q.attribution in ("pronoun", "none"), (q.speaker, q.attribution)


@pytest.mark.parametrize(
    "text, role",
    [
        # a name at a sentence's end, then a capitalised word: still a name, and a person
        ("The port hired statistician Rosa Vale. She says the tide data are sound.", "statistician"),
        # a profession before the name, opening the sentence or after an adjective
        (
            "Tom Brisk runs the ferry. Hydrologist Rosa Vale has mapped the bay. She says the dam is safe.",
            "hydrologist",
        ),
        (
            "Tom Brisk runs the ferry. Marine biologist Rosa Vale has mapped the bay. She says the dam is safe.",
            "Marine biologist",
        ),
        # an appositive that ends the sentence describes her too
        (
            "The worry is shared by Rosa Vale, an economist at the Harbor Institute. Vale argued that the toll is too high.",
            "economist",
        ),
    ],
)
def test_people_described_where_they_are_named_speak_later(text, role):
    qs = [q for q in find_quotes(Article(id="t", text=text)) if q.speaker == "Rosa Vale"]
    assert len(qs) == 1 and qs[0].role == role and qs[0].speaker_is_expert, [(q.speaker, q.role) for q in qs]


def test_british_titles_and_an_organisation_with_a_plural_possessive():
    [q] = find_quotes(
        Article(
            id="t", text="Councillor Rosa Vale told the meeting: “This is about children walking to school.”"
        )
    )
    assert (q.speaker, q.role) == ("Rosa Vale", "Councillor")
    [q] = find_quotes(Article(id="t", text="The Harbor Drivers’ Association said the toll was unfair."))
    assert q.speaker == "Harbor Drivers’ Association" and q.attribution == "name"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a person's study or findings speak for her; an organisation's report stays its own
        ("Dana Holt's study found that the ferry loses money on winter nights.", "Dana Holt"),
        (
            "Dana Holt, who teaches transport economics at Corrigan University, has counted riders for years. "
            "Her research shows that the ferry loses money on winter nights.",
            "Dana Holt",
        ),
        (
            "The port authority's report found that the ferry loses money on winter nights.",
            "The port authority's report",
        ),
    ],
)
def test_a_persons_findings_are_hers(text, speaker):
    quotes = find_quotes(Article(id="t", text=text))
    assert [q.speaker for q in quotes][-1:] == [speaker]


@pytest.mark.parametrize(
    "text, role, organisation",
    [
        # a person described before she is quoted, in a sentence with no quotation
        (
            'Another economist, Dana Holt, was less sure. "The toll will not cut traffic much," Holt said.',
            "economist",
            None,
        ),
        (
            'Dana Holt of the Eastfield Institute was less sure. "The toll will not cut traffic much," Holt said.',
            None,
            "Eastfield Institute",
        ),
        (
            'Another economist, Dana Holt of the Eastfield Institute, was less sure. "The toll will not cut traffic '
            'much," Holt said.',
            "economist",
            "Eastfield Institute",
        ),
        # a place after a name is no organisation
        ('Dana Holt of Lakeside was less sure. "The toll will not cut traffic much," Holt said.', None, None),
    ],
)
def test_a_description_before_the_quote_gives_the_role(text, role, organisation):
    q = find_quotes(Article(id="t", text=text))[0]
    assert (q.speaker, q.role, q.organisation) == ("Dana Holt", role, organisation)
    assert q.speaker_is_expert is (role is not None or organisation is not None)


def test_a_panel_interview_gives_each_answer_whole_to_its_speaker():
    text = (
        "We asked two planners about the toll.\n\n"
        "Dana Holt teaches transport economics at Corrigan University. Omar Reyes is a fellow at the Bayline Trust.\n\n"
        "Q: Would a toll cut traffic?\n\n"
        "Holt: In the short run, yes. Drivers shift their trips. Over time the effect fades.\n\n"
        "Reyes: I wouldn't count on it. Drivers here have no other way across.\n\n"
        "Note: Answers were edited for length."
    )
    quotes = [q for q in find_quotes(Article(id="t", text=text)) if q.kind == "direct"]
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        (
            "Dana Holt",
            "Holt:",
            "In the short run, yes. Drivers shift their trips. Over time the effect fades.",
        ),
        ("Omar Reyes", "Reyes:", "I wouldn't count on it. Drivers here have no other way across."),
    ]
    # "Note:" names nobody in the text: no answer
    assert all(not q.text.startswith("Answers") for q in find_quotes(Article(id="t", text=text)))


def test_told_an_outlet_is_the_audience_not_the_content():
    text = "Greg Dorn told a local TV station on Sunday that he expects the vote to be close."
    [q] = find_quotes(Article(id="t", text=text))
    assert (q.speaker, q.text) == ("Greg Dorn", "he expects the vote to be close")


@pytest.mark.parametrize(
    "text, speaker, content, cue",
    [
        (
            "Dana Holt, who teaches transport economics at Corrigan University, disagrees. In her view, the "
            "toll will not cut traffic.",
            "Dana Holt",
            "the toll will not cut traffic",
            "In her view",
        ),
        (
            "But in Dana Holt's opinion, the toll is long overdue.",
            "Dana Holt",
            "the toll is long overdue",
            "in Dana Holt's opinion",
        ),
    ],
)
def test_in_her_view_attributes_the_rest_of_the_sentence(text, speaker, content, cue):
    q = find_quotes(Article(id="t", text=text))[-1]
    assert (q.speaker, q.text, q.cue, q.kind) == (speaker, content, cue, "indirect")


def test_in_the_view_of_many_is_no_attribution():
    assert find_quotes(Article(id="t", text="In the view of many, the toll failed.")) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a given name and a surname name a person, though nothing else says so
        ("Ann Kim wrote back. “Your numbers are wrong,” she said.", [("Ann Kim", "pronoun")]),
        ("Inés Cárdenas read the report. “It is late,” she said.", [("Inés Cárdenas", "pronoun")]),
        # "she" is not a man named just before her words: nobody, rather than the wrong person
        ("Tom Reyes read the report. “Your numbers are wrong,” she said.", [(None, "none")]),
        # ... and "he" skips the woman named first for the man named after her
        ("Ann Kim, an economist, met Tom Reyes. “It is wrong,” he said.", [("Tom Reyes", "pronoun")]),
        # what the article says of a person wins over her given name ("Ms. Reyes")
        (
            "Tom Reyes, a nurse, spoke first. “We are tired,” Ms. Reyes said. “Nobody listens,” she added.",
            [("Tom Reyes", "title"), ("Tom Reyes", "pronoun")],
        ),
        # capitalised words that are no given name and surname stay no person
        ("Star Wars opened on Friday. “We are tired,” she said.", [(None, "none")]),
    ],
)
def test_given_names_say_who_is_a_person_and_which_pronoun_cannot_be_theirs(text, expected):
    assert speakers(text) == expected


def test_given_name_lists():
    from annotator.quotes.given_names import given_pronoun, is_person_name

    assert is_person_name("Ann Kim") and is_person_name("Raúl Ibáñez") and is_person_name("Mary Smith-Jones")
    assert not any(is_person_name(n) for n in ("New Jersey", "Star Wars", "Santa Fe", "Kim", "Grand Rapids"))
    assert (given_pronoun("Ann Kim"), given_pronoun("Tom Reyes")) == ("she", "he")
    assert given_pronoun("Casey Moss") is None  # a name common for both says nothing


@pytest.mark.parametrize(
    "text, expected",
    [
        # a role "of" a place or office speaks, not the place
        ("The mayor of Eastport said the bridge would open.", [("The mayor of Eastport", "name")]),
        (
            "A spokeswoman for the Harbor Transit Authority said the line would reopen.",
            [("A spokeswoman for the Harbor Transit Authority", "name")],
        ),
        # ... but a name after a common noun is a name of its own
        ("The director of the institute Ann Kim said it would fail.", [("Ann Kim", "name")]),
        # a description opening the sentence after one about a person not yet described: her
        ("Margaret Lind disagrees. The former director of the Harbor Election Office said it would fail.",
         [("Margaret Lind", "description")]),
        # ... not when she was described already: someone else
        ("Ann Kim, an economist, doubts it. The mayor of Eastport said the bridge would open.",
         [("The mayor of Eastport", "name")]),
    ],
)  # fmt: skip
def test_a_role_of_a_place_speaks_and_may_describe_the_person_named_before(text, expected):
    assert speakers(text) == expected


def test_the_description_becomes_the_role_and_may_make_an_expert():
    people = People()
    find_quotes(
        Article(
            id="t",
            text="Margaret Lind disagrees. The former director of the Harbor Election Office said it would fail.",
        ),
        people,
    )
    lind = people.find("Margaret Lind")
    assert lind is not None and lind.role and "former director" in lind.role and lind.expert_flag


@pytest.mark.parametrize(
    "text, expected",
    [
        # a role word that is also a given name, before one more word, is the given name
        ("Asked about it, board member Dean Fowler said the board would wait.", [("Dean Fowler", "name")]),
        ("Dean Ann Kim of the law school said the plan would fail.", [("Ann Kim", "name")]),
        # a person "of" a place in common words is the person, not the place
        ("Tom Reyes of the neighborhood association said the plan would fail.", [("Tom Reyes", "name")]),
        ("Members of the neighborhood association said the plan would fail.",
         [("Members of the neighborhood association", "group")]),
    ],
)  # fmt: skip
def test_a_person_of_a_place_in_common_words_speaks(text, expected):
    assert speakers(text) == expected


def test_a_participle_after_a_term_with_its_comma_inside_the_marks_is_the_subjects():
    """ "a defense of “harbor values,” saying ...": the participle's subject speaks; what
    follows "saying" is its content, never a speaker after it."""
    text = (
        "Ann Kim delivered a defense of “harbor values,” saying the city embodied the “heart of the coast.”"
    )
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("mixed", "the city embodied the “heart of the coast.”", "Ann Kim")
    ]


def test_a_quotation_with_its_own_attribution_after_a_colon_is_its_own_quote():
    text = (
        "Minutes later, Ann Kim followed up by lamenting the churn of tasks her job entails: "
        "“There’s just a ton of nonsense with this job,” she said."
    )
    quotes = find_quotes(Article(id="t", text=text))
    assert [(q.kind, q.text, q.speaker, q.cue) for q in quotes] == [
        ("indirect", "the churn of tasks her job entails", "Ann Kim", "lamenting"),
        ("direct", "“There’s just a ton of nonsense with this job,”", "Ann Kim", "said"),
    ]
