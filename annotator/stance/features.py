"""Features for (question, text) stance pairs: fast, sparse, no downloads.

- `tokenize`, `stem`, `content_stems`: light English normalisation (lower case, "n't" ->
  "not", a crude suffix strip and a 5-letter prefix, so "Brazilian"/"Brazil" and
  "defence"/"defense" meet).
- `infer_direction(question)`: "against" when the question's wording makes "support" mean
  being against its target ("Should we ban X?"), else "for".
- `PairFeaturizer`: hashed word 1-2-grams and character 2-5-grams of the text (TF-IDF), and a
  block of cue features: lexicon polarity with negation scope, modality, hedges, contrast,
  and question/text interactions (overlap, negation near the overlapping words). Features
  that read the question are multiplied by its direction sign, so every feature lives in the
  direction-normalised space ("for the target" vs "against the target").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

from annotator.stance import lexicon

_APOS = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_NT = re.compile(r"n't\b")
_TOKEN = re.compile(r"[a-z0-9]+")
_US = re.compile(r"\bU\.S\.(?!\w)|\bUS\b|\bUSA\b")


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, "shouldn't" -> "should not", "US" -> "usa" (so the
    country is not lost as the pronoun "us")."""
    t = _US.sub("usa", text.translate(_APOS)).lower()
    t = t.replace("can't", "can not").replace("won't", "will not")
    return _NT.sub(" not", t)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Crude, fast stem: strip a plural/verb ending, undouble a final consonant, unify
    -ise/-ize and -ence/-ense, keep 6 letters ("Brazilian"/"Brazil" -> "brasil")."""
    w = word.lower().replace("z", "s")
    if len(w) > 4:
        for suf in ("ies", "es", "s", "ing", "ed", "ly"):
            if w.endswith(suf) and not w.endswith("ss") and len(w) - len(suf) >= 3:
                w = w[: -len(suf)]
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
                    w = w[:-1]
                break
    if w.endswith("ence"):
        w = w[:-4] + "ense"
    return w[:6]


def content_stems(tokens: Iterable[str]) -> list[str]:
    return [stem(t) for t in tokens if t not in lexicon.STOPWORDS and len(t) > 1 and not t.isdigit()]


class LexiconMatcher:
    """Membership test for a word list where entries ending in '*' are prefixes."""

    def __init__(self, words: Iterable[str]):
        words = list(words)
        self.exact = frozenset(w for w in words if not w.endswith("*"))
        self.prefixes = tuple(sorted({w[:-1] for w in words if w.endswith("*")}))

    def __contains__(self, token: str) -> bool:
        return token in self.exact or (bool(self.prefixes) and token.startswith(self.prefixes))


POSITIVE = LexiconMatcher(lexicon.POSITIVE)
NEGATIVE = LexiconMatcher(lexicon.NEGATIVE)
NEG_SCOPE = 4  # a negator flips lexicon words up to this many tokens after it


def infer_direction(question: str) -> str:
    """'against' when supporting the question means being against its target, else 'for'.

    An against-word ("ban", "abolish", "limit", "harmful", ...) flips the direction, and so
    does a negation ("should not"); two flips cancel ("should not ban" -> 'for').
    """
    toks = tokenize(question)
    flips = sum(1 for t in toks if t in lexicon.AGAINST_WORDS)
    flips += sum(1 for t in toks if t in lexicon.NEGATORS)
    return "against" if flips % 2 else "for"


def direction_sign(direction: str | None) -> float:
    return -1.0 if direction == "against" else 1.0


CUE_NAMES: tuple[str, ...] = (
    "pos",
    "neg",
    "pos_negated",
    "neg_negated",
    "polarity",
    "negators",
    "lack",
    "obligation",
    "obligation_negated",
    "hedges",
    "contrast",
    "after_contrast_polarity",
    "q_overlap",
    "q_overlap_any",
    "q_neg_near_overlap",
    "q_lack_near_overlap",
    "q_obligation_overlap",
    "q_polarity_near_overlap",
    "q_restates",
    "q_against_words_in_text",
    "len_log",
    "question_sign",
)


def cue_vector(question_tokens: Sequence[str], text_tokens: Sequence[str], sign: float) -> list[float]:
    """Hand-made cue features of one pair (see CUE_NAMES); question features times `sign`."""
    n = max(len(text_tokens), 1)
    pos = neg = pos_n = neg_n = neg_count = lack = obl = obl_n = hedge = contrast = 0.0
    after_contrast = 0.0
    seen_contrast = False
    last_neg = -100
    qstems = set(content_stems(question_tokens))
    overlap_pos: list[int] = []
    neg_pos: list[int] = []
    polar_pos: list[tuple[int, float]] = []
    obl_pos: list[int] = []
    for i, t in enumerate(text_tokens):
        if t in lexicon.NEGATORS:
            neg_count += 1
            last_neg = i
            neg_pos.append(i)
            continue
        negated = i - last_neg <= NEG_SCOPE
        if t in lexicon.LACK:
            lack += 1
            neg_pos.append(i)
        if t in lexicon.OBLIGATION:
            obl_pos.append(i)
            if negated:
                obl_n += 1
            else:
                obl += 1
        if t in lexicon.HEDGES:
            hedge += 1
        if t in lexicon.CONTRAST:
            contrast += 1
            seen_contrast = True
        value = 0.0
        if t in POSITIVE:
            value = 1.0
            if negated:
                pos_n += 1
            else:
                pos += 1
        elif t in NEGATIVE:
            value = -1.0
            if negated:
                neg_n += 1
            else:
                neg += 1
        if value:
            v = -value if negated else value
            polar_pos.append((i, v))
            if seen_contrast:
                after_contrast += v
        if t not in lexicon.STOPWORDS and stem(t) in qstems:
            overlap_pos.append(i)
    polarity = (pos + neg_n - neg - pos_n) / math.sqrt(n)
    q_overlap = len({stem(text_tokens[i]) for i in overlap_pos}) / max(len(qstems), 1)

    def near(positions: list[int], window: int = 4) -> float:
        return float(sum(1 for p in positions if any(abs(p - o) <= window for o in overlap_pos)))

    neg_near = near(neg_pos)
    lack_near = float(
        sum(
            1
            for i, t in enumerate(text_tokens)
            if t in lexicon.LACK and any(abs(i - o) <= 4 for o in overlap_pos)
        )
    )
    obl_overlap = near(obl_pos)
    pol_near = sum(v for p, v in polar_pos if any(abs(p - o) <= 4 for o in overlap_pos))
    q_against = sum(1 for t in text_tokens if t in lexicon.AGAINST_WORDS)
    restates = q_overlap * (1.0 if neg_near == 0 else -1.0)
    return [
        pos / math.sqrt(n),
        neg / math.sqrt(n),
        pos_n,
        neg_n,
        polarity,
        neg_count,
        lack,
        obl,
        obl_n,
        hedge,
        contrast,
        after_contrast,
        sign * q_overlap,
        float(bool(overlap_pos)),
        sign * -neg_near,
        sign * -lack_near,
        sign * obl_overlap,
        sign * pol_near,
        sign * restates,
        -float(q_against),
        math.log1p(n),
        sign,
    ]


class PairFeaturizer(TransformerMixin, BaseEstimator):
    """(question, text, direction) triples -> sparse feature matrix.

    Parameters are plain values (scikit-learn contract); learned state ends in "_".
    """

    def __init__(
        self,
        n_word_features: int = 2**17,
        n_char_features: int = 2**17,
        char_weight: float = 0.7,
        cue_weight: float = 1.0,
    ):
        self.n_word_features = n_word_features
        self.n_char_features = n_char_features
        self.char_weight = char_weight
        self.cue_weight = cue_weight

    def _hashers(self) -> tuple[HashingVectorizer, HashingVectorizer]:
        word = HashingVectorizer(
            n_features=self.n_word_features,
            ngram_range=(1, 2),
            alternate_sign=False,
            norm=None,
            preprocessor=normalise,
            token_pattern=r"[a-z0-9]+",
            dtype=np.float32,
        )
        char = HashingVectorizer(
            n_features=self.n_char_features,
            analyzer="char_wb",
            ngram_range=(2, 5),
            alternate_sign=False,
            norm=None,
            preprocessor=normalise,
            dtype=np.float32,
        )
        return word, char

    def _raw(self, pairs: Sequence[tuple[str, str, str | None]]):
        word, char = self._hashers()
        texts = [p[1] for p in pairs]
        cues = np.array(
            [cue_vector(tokenize(q), tokenize(t), direction_sign(d)) for q, t, d in pairs], dtype=np.float32
        ).reshape(len(pairs), len(CUE_NAMES))
        return word.transform(texts), char.transform(texts), cues

    def fit(self, pairs, y=None):
        w, c, cues = self._raw(pairs)
        self.word_idf_ = TfidfTransformer(sublinear_tf=True).fit(w)
        self.char_idf_ = TfidfTransformer(sublinear_tf=True).fit(c)
        self.cue_scale_ = np.maximum(cues.std(axis=0), 1e-3).astype(np.float32)
        self.n_features_out_ = self.n_word_features + self.n_char_features + len(CUE_NAMES)
        return self

    def transform(self, pairs):
        w, c, cues = self._raw(pairs)
        w = self.word_idf_.transform(w)
        c = self.char_idf_.transform(c) * self.char_weight
        cues = sp.csr_matrix(cues / self.cue_scale_ * self.cue_weight)
        return sp.hstack([w, c, cues], format="csr", dtype=np.float32)


RELEVANCE_NAMES: tuple[str, ...] = (
    "idf_coverage",
    "coverage",
    "matched_log",
    "max_idf_matched",
    "any_match",
    "text_len_log",
    "query_len_log",
    "no_match_x_text_len",
)


def relevance_vector(
    question_tokens: Sequence[str],
    text_tokens: Sequence[str],
    idf: dict[str, float],
    idf_default: float,
    extra_stems: Iterable[str] = (),
) -> list[float]:
    """Overlap features between a question (plus optional extra query stems: a codebook's
    target and keywords) and a text, for the relevance model (see RELEVANCE_NAMES)."""
    query = set(content_stems(question_tokens)) | set(extra_stems)
    text = set(content_stems(text_tokens))
    if not query:
        return [0.0, 0.0, 0.0, 0.0, 0.0, math.log1p(len(text_tokens)), 0.0, math.log1p(len(text_tokens))]
    weights = {s: idf.get(s, idf_default) for s in query}
    matched = query & text
    total = sum(weights.values())
    got = sum(weights[s] for s in matched)
    return [
        got / total,
        len(matched) / len(query),
        math.log1p(len(matched)),
        max((weights[s] for s in matched), default=0.0) / idf_default,
        float(bool(matched)),
        math.log1p(len(text_tokens)),
        math.log1p(len(query)),
        0.0 if matched else math.log1p(len(text_tokens)),
    ]


def anchored_polarity(text_tokens: Sequence[str], anchors: set[str], window: int = 6) -> float:
    """Evaluation of the anchor words (a question's target terms) in a text: lexicon words
    within `window` tokens of an anchor count +1/-1 (flipped after a negator), and a
    negator or lack word right before an anchor ("lacks a coherent strategy", "no deal")
    counts -1. Clauses end at , ; : . and contrast words. Returns the sum."""
    if not anchors:
        return 0.0
    toks = list(text_tokens)
    anchor_pos = [i for i, t in enumerate(toks) if t not in lexicon.STOPWORDS and stem(t) in anchors]
    if not anchor_pos:
        return 0.0
    total = 0.0
    counted: set[int] = set()
    last_neg = -100
    for i, t in enumerate(toks):
        if t in lexicon.NEGATORS:
            last_neg = i
            continue
        if t in lexicon.CONTRAST:
            last_neg = -100
        near = any(abs(i - a) <= window for a in anchor_pos)
        if not near or i in counted:
            continue
        if i in anchor_pos:
            if i - last_neg <= 3 or any(toks[j] in lexicon.LACK for j in range(max(0, i - 3), i)):
                total -= 1.0
            continue
        value = 1.0 if t in POSITIVE else (-1.0 if t in NEGATIVE else 0.0)
        if value:
            counted.add(i)
            total += -value if i - last_neg <= NEG_SCOPE else value
    return total
