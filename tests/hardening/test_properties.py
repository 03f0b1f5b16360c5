"""Property tests (hypothesis) on quote extraction: never raises, offsets always valid and
exact, output deterministic, whatever the text: news-like fragments, quotation marks of
every kind (balanced or not), zero-width joiners, combining marks, RTL text, newlines."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.models import Article
from annotator.quotes import find_quotes
from annotator.quotes.people import People

FRAGMENTS = [
    "The minister said",
    "said",
    "told reporters",
    "according to",
    "Dr. Lena Frisk",
    "Prof. Omar Haddad,",
    "a senior fellow at the Westbrook Institute,",
    "she added",
    "he warned",
    "they argued",
    "Officials",
    "Experts say",
    "Mr. Ode",
    "Ms. Varga",
    "The report",
    "Frisk",
    "Haddad",
    "It is",
    "not",
    "a risk",
    "We will not",
    "agree",
    "on Tuesday",
    "In a statement,",
    "- ",
    "* ",
    "•",
    "...",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "—",
    "–",
    "U.S.",
    "St.",
    "No. 10",
    "1,000",
    "42%",
]
MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "`", "''", "``"]
ODD = [
    "\u200d",
    "\u200c",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2069",
    "\u0301",
    "\u0308",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "שלום",
    "مرحبا",
    "e\u0301",
    "\U0001f469\u200d\U0001f52c",
    "ß",
    "İ",
]
WS = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n"]

token = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(MARKS),
    st.sampled_from(ODD),
    st.sampled_from(WS),
    st.text(max_size=6),
)
texts = st.lists(token, min_size=1, max_size=60).map("".join)

# Sentences with a balanced quote and a frame, so the attribution paths run too; the quote's
# words may carry zero-width joiners, combining marks and RTL letters.
WORDS = [
    "prices",
    "will",
    "rise",
    "we",
    "cannot",
    "wait",
    "the",
    "plan",
    "is",
    "a",
    "mistake",
    "peace",
    "now",
    "Caf\u00e9",
    "cafe\u0301",
    "war\u200dtime",
    "שלום",
    "سلام",
    "naïve",
    "Ölpreis",
]
body = (
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)
    .map(" ".join)
    .map(lambda b: b[:1].upper() + b[1:])
)
framed = st.builds(
    lambda o, c, body, who, verb, tail: f"{o}{body},{c} {who} {verb}.{tail}",
    st.sampled_from(["“", '"', "«", "„", "‘"]),
    st.sampled_from(["”", '"', "»", "“", "’"]),
    body,
    st.sampled_from(
        ["Dr. Lena Frisk, an economist at Westbrook,", "Haddad", "she", "officials", "the report"]
    ),
    st.sampled_from(["said", "told reporters", "warned", "added"]),
    st.one_of(st.just(""), st.just(" "), texts),
)
articles = st.one_of(texts, framed, st.lists(st.one_of(texts, framed), max_size=6).map("\n".join))

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    art = Article(id="p", text=text)
    first = find_quotes(art, People())
    for q in first:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.article_id == "p"
        if q.speaker_start is not None or q.speaker_end is not None:
            assert q.speaker_start is not None and q.speaker_end is not None
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
            if q.speaker_mention is not None:
                assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert 0 <= q.cue_start <= q.cue_end <= len(text)
    again = find_quotes(art, People())
    assert [q.model_dump() for q in again] == [q.model_dump() for q in first]


@SETTINGS
@given(articles)
def test_extraction_properties(text):
    check(text)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_unicode_text(text):
    check(text)


def test_unbalanced_marks_regression():
    for text in [
        "“" * 50,
        "”“" * 30 + "said",
        "« a\n\n» b said Dr. X.",
        "'''''",
        "“a” “b” “c",
        '"\n"\n"said',
    ]:
        check(text)
