"""Quote prediction details: context, keeping human labels, records built without validation."""

from __future__ import annotations

import pytest

from annotator.models import Codebook, Question, Quote, StancePrediction
from annotator.stance import StanceModel, predict_quotes
from annotator.stance.predict import context_for

CODEBOOK = Codebook(
    questions=[
        Question(
            id="trams",
            text="Should the city build a tram network?",
            target="a tram network",
            keywords=["trams", "light rail"],
        ),
        Question(
            id="parking",
            text="Should the city cut parking spaces in the centre?",
            target="fewer parking spaces",
            keywords=["parking", "car parks"],
        ),
    ]
)


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("One. Two is here. Three.", "Two is here.", "One. Two is here."),
        (
            "First line\nSecond \u201cquoted\u201d line. Next.",
            "\u201cquoted\u201d",
            "First line\nSecond \u201cquoted\u201d line.",
        ),
        ("Alone here.", "Alone", "Alone here."),
    ],
)
def test_context_is_previous_plus_own_sentence(text, span, expected):
    start = text.index(span)
    assert context_for(text, start, start + len(span)) == expected


def quote(text: str, context: str | None = None, **kw) -> Quote:
    return Quote(
        id="q1", article_id="a", start=0, end=len(text), text=text, kind="direct", context=context, **kw
    )


@pytest.fixture(scope="module")
def model():
    return StanceModel.load()


def test_anaphoric_quote_uses_its_context(model):
    q = quote(
        "\u201cThey can and must do this, it would be a great benefit,\u201d",
        context="Some planners say the city should build a tram network soon. "
        "\u201cThey can and must do this, it would be a great benefit,\u201d she said.",
    )
    (out,) = predict_quotes([q], CODEBOOK, model)
    assert out.stances["trams"].label == "support"
    assert out.stances["parking"].label == "not_addressed"
    (bare,) = predict_quotes([quote(q.text)], CODEBOOK, model)
    assert bare.stances["trams"].label == "not_addressed"


def test_human_labels_are_kept(model):
    human = StancePrediction(label="oppose", confidence=1.0, source="annotator")
    q = quote("Trams are a great benefit for the city.", stances={"trams": human})
    (out,) = predict_quotes([q], CODEBOOK, model)
    assert out.stances["trams"] == human
    assert out.stances["parking"].source == "model"


def test_records_built_without_validation_are_copied(model):
    q = Quote.model_construct(
        _fields_set=frozenset({"id", "article_id", "start", "end", "text", "kind"}),
        **dict(quote("Cutting parking spaces would be a costly mistake for shops.")),
    )
    (out,) = predict_quotes([q], CODEBOOK, model)
    assert out.stances["parking"].label == "oppose"
    assert q.stances is None


def test_reported_speech_cut_by_its_attribution_is_read_whole():
    """'Trams, she argued, would empty the car parks': a part of at most three words says
    nothing alone, so both parts are read as the whole clause; longer parts, direct parts
    and parts of other frames are read as they are."""
    from annotator.models import Article
    from annotator.quotes import find_quotes
    from annotator.stance.relevance import quote_texts

    text = (
        "Trams, Ann Kim argued, would empty the car parks within a year. "
        "“We have waited long enough,” she said, “and the buses are full.”"
    )
    quotes = find_quotes(Article(id="a", text=text))
    reported = [q for q in quotes if q.kind != "direct"]
    assert [q.text for q in reported] == ["Trams", "would empty the car parks within a year"]
    texts, _ = quote_texts(quotes)
    by_id = dict(zip([q.id for q in quotes], texts))
    assert {by_id[q.id] for q in reported} == {"Trams would empty the car parks within a year"}
    direct = [by_id[q.id] for q in quotes if q.kind == "direct"]
    assert direct == ["We have waited long enough", "and the buses are full."]


def test_a_continuation_that_points_back_is_read_after_the_quote_it_continues():
    from annotator.models import Article
    from annotator.quotes import find_quotes
    from annotator.stance.relevance import points_back, quote_texts

    text = (
        "“The theory was that the trams would empty the car parks,” Ann Kim said. "
        "“That never came to pass. The car parks are full.”"
    )
    quotes = find_quotes(Article(id="a", text=text))
    assert [q.attribution for q in quotes] == ["name", "continuation"]
    texts, _ = quote_texts(quotes)
    assert texts[1] == (
        "The theory was that the trams would empty the car parks That never came to pass. The car parks are full."
    )
    # a continuation that does not point back is read alone
    other = text.replace("That never came to pass.", "Nobody expected the queues.")
    quotes = find_quotes(Article(id="a", text=other))
    assert quote_texts(quotes)[0][1] == "Nobody expected the queues. The car parks are full."
    assert points_back("It never worked") and not points_back("Nobody expected the queues")
    # a pointer after an opening connective points back; after a noun it is a relative word
    assert points_back("But that never worked") and points_back("However, it remains unclear")
    assert not points_back("Towns that tried it kept their visitors")
    quotes = find_quotes(
        Article(id="a", text=text.replace("That never came to pass.", "Towns that tried it cope."))
    )
    assert quote_texts(quotes)[0][1] == "Towns that tried it cope. The car parks are full."


@pytest.mark.parametrize(
    "text, read",
    [
        (
            "Asked whether the trams would empty the car parks, Ann Kim conceded that they could.",
            "the trams could empty the car parks",
        ),
        (
            "Asked if the levy will hurt grocers, Ann Kim said it will not.",
            "the levy will not hurt grocers",
        ),
        (
            "Ann Kim is an engineer at the depot. Asked whether the depot should close, Ann Kim paused. "
            "“Absolutely not,” she said.",
            "the depot should not close",
        ),
        ("Asked if the pier is safe, Ann Kim said: “Yes.”", "the pier is safe"),
        # no question asked before it: the words as they are
        ("Ann Kim said it could.", "it could"),
    ],
)
def test_a_short_answer_is_read_as_the_claim_it_answers(text, read):
    from annotator.models import Article
    from annotator.quotes import find_quotes
    from annotator.stance.relevance import quote_texts

    quotes = [q for q in find_quotes(Article(id="a", text=text)) if q.speaker == "Ann Kim"]
    assert len(quotes) == 1, [(q.text, q.speaker) for q in quotes]
    assert quote_texts(quotes)[0][0].rstrip('.”"') == read


def test_question_words_only_inside_a_condition_count_less():
    from annotator.stance.relevance import Weights, bundled_idf, question_profiles, relevance_and_own

    book = Codebook(
        questions=[
            Question(
                id="ferry", text="Should the city keep the night ferry?", keywords=["night ferry", "ferry"]
            ),
        ]
    )
    profiles = question_profiles(book, bundled_idf(), Weights())
    said = "Keeping the night ferry running is essential."
    cond = "More buses are essential if the city cuts the night ferry."
    rel, _ = relevance_and_own([said, cond], ["", ""], profiles, Weights())
    plain, _ = relevance_and_own([cond], [""], profiles, Weights(condition_weight=1.0))
    assert rel[1, 0] == pytest.approx(plain[0, 0] * 0.5)  # only inside "if ...": half
    assert rel[0, 0] > rel[1, 0]  # the same words asserted count fully


def test_a_quoted_sentence_cut_after_a_short_part_is_read_whole():
    from annotator.models import Article
    from annotator.quotes import find_quotes
    from annotator.stance.relevance import quote_texts

    text = (
        "Ann Kim teaches engineering. “The alternative,” Kim said, “is paying for repairs after every flood.”"
    )
    quotes = find_quotes(Article(id="a", text=text))
    texts, contexts = quote_texts(quotes)
    # the rest reads the whole sentence; the short part abstains, context and all (one
    # statement, one vote)
    assert texts == ["", "The alternative is paying for repairs after every flood."]
    assert contexts[0] == ""
