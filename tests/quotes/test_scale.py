"""Big inputs: linear-time scanning, and an open quotation mark never swallows the article."""

from __future__ import annotations

import time

from annotator.models import Article
from annotator.quotes import find_quotes

PARA = (
    "“We will keep going until the work is done, whatever it takes,” said Dana Smith, a lecturer at "
    "Some University. She added that the plan was sound. “It is “risky” and “costly,” she said.\n\n"
)


def test_a_large_article_is_linear_and_bounded():
    small = Article(id="s", text=PARA * 1000)
    big = Article(id="b", text=PARA * 10000)  # about 2 MB, 20,000 quotes
    t0 = time.process_time()
    n_small = len(find_quotes(small))
    t1 = time.process_time()
    n_big = len(find_quotes(big))
    t2 = time.process_time()
    assert n_big == 10 * n_small == 20000
    # ten times the text must not cost much more than ten times the time (linear scanning)
    assert (t2 - t1) < 25 * max(t1 - t0, 0.05)
    assert t2 - t1 < 30


def test_unclosed_quotes_stop_at_the_paragraph_end():
    para = "“An opening mark that never closes, on and on\n\nTom Brisk said the road will open in May.\n\n"
    text = para * 2000
    quotes = find_quotes(Article(id="u", text=text))
    assert len(quotes) == 4000
    assert max(q.end - q.start for q in quotes) < 60
    assert sum(q.kind == "indirect" and q.text == "the road will open in May" for q in quotes) == 2000
