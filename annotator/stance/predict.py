"""Stance prediction for quotes against a codebook, and for bare question/text pairs.

For a quote and a codebook question:

1. Relevance: the model's relevance probability of the question's words (text and target,
   plus keywords and description) in the quote, and at a discount in the quote's context
   (the sentence before + the quote's sentence: "They could and should do this" is only on a
   question through the sentence before it). A question is addressed when this reaches
   `min_relevance` and is within `relative_relevance` of the best question for the quote
   (a quote is usually about one or two of a codebook's questions, not all of them).
2. Polarity: the model's P(support) on (question, quote), in the direction the codebook
   gives (support of "Should we ban X?" = against X), nudged by the question's cue words.
   Near 0.5 (within `neutral_margin`) the label is neutral.

Defaults are general, documented in the README and never tuned on single quotes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.models import (
    NOT_ADDRESSED,
    Article,
    Codebook,
    Pair,
    PairPrediction,
    Question,
    Quote,
    StancePrediction,
)
from annotator.stance import lexicon
from annotator.stance.features import anchored_polarity, content_stems, tokenize
from annotator.stance.model import StanceModel


@dataclass(frozen=True)
class QuoteSettings:
    """Decision settings for codebook prediction (general defaults, see module doc)."""

    min_score: float = 1.0
    relative_relevance: float = 0.5
    context_weight: float = 0.5
    question_weight: float = 0.5
    description_weight: float = 0.25
    cue_shift: float = 0.2
    anchor_weight: float = 0.5
    anchor_min_factor: float = 0.6
    neutral_margin: float = 0.02


_SENT_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? (and closing quotes) or at line breaks."""
    bounds, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def context_for(text: str, start: int, end: int) -> str:
    """The sentence before the span plus the sentence(s) the span is in."""
    bounds = sentence_bounds(text)
    idx = [i for i, (a, b) in enumerate(bounds) if a < end and b > start]
    if not idx:
        return text[start:end]
    first, last = idx[0], idx[-1]
    a = bounds[max(first - 1, 0)][0]
    return text[a:bounds[last][1]]


def strip_quote_marks(text: str) -> str:
    return text.strip().strip("\"'\u201c\u201d\u2018\u2019 ,").strip()


@dataclass(frozen=True)
class Profile:
    """A question's relevance terms: phrases (tuples of stems) with weights, and the
    specificity x rarity factor of each stem."""

    phrases: tuple[tuple[tuple[str, ...], float], ...]
    factor: Mapping[str, float]

    def score(self, stems: set[str]) -> float:
        """Sum over matched stems of factor x the best phrase weight x the share of that
        phrase found ("defence spending" counts fully, "air defence" half)."""
        best: dict[str, float] = {}
        for phrase, weight in self.phrases:
            hit = [s for s in phrase if s in stems]
            if not hit:
                continue
            value = weight * len(hit) / len(phrase)
            for s in hit:
                if value > best.get(s, 0.0):
                    best[s] = value
        return sum(v * self.factor.get(s, 0.0) for s, v in best.items())


def question_profiles(codebook: Codebook, model: StanceModel,
                      settings: QuoteSettings) -> list[Profile]:
    """Per question: the target and each keyword are phrases of weight 1; each other word
    of the question weighs `question_weight`, each word of the description
    `description_weight`. A stem's factor is its specificity to this question within the
    codebook (soft document frequency over the questions: a stem every question uses only
    says what the whole codebook is about) times its rarity in general text (model IDF)."""
    per_q: list[list[tuple[tuple[str, ...], float]]] = []
    for q in codebook.questions:
        phrases: list[tuple[tuple[str, ...], float]] = []
        for core in ([q.target] if q.target else []) + list(q.keywords):
            st = tuple(dict.fromkeys(content_stems(tokenize(core))))
            if st:
                phrases.append((st, 1.0))
        for s in dict.fromkeys(content_stems(tokenize(q.text))):
            phrases.append(((s,), 1.0 if not q.target and not q.keywords else settings.question_weight))
        for s in dict.fromkeys(content_stems(tokenize(q.description or ""))):
            phrases.append(((s,), settings.description_weight))
        per_q.append(phrases)
    n = len(per_q)
    df: dict[str, float] = {}
    for phrases in per_q:
        top_w: dict[str, float] = {}
        for st, w in phrases:
            for s in st:
                top_w[s] = max(top_w.get(s, 0.0), w)
        for s, w in top_w.items():
            df[s] = df.get(s, 0.0) + w
    top = math.log((n + 1) / 1.5)

    def factor(s: str) -> float:
        spec = 1.0 if n == 1 else min(max(math.log((n + 1) / (df[s] + 0.5)) / top, 0.0), 1.0)
        rarity = min(1.0, 1.5 * model.idf.get(s, model.idf_default_) / model.idf_default_)
        return spec * rarity

    return [Profile(tuple(ph), {s: factor(s) for st, _ in ph for s in st}) for ph in per_q]


def _cue_hits(question: Question, tokens: list[str]) -> dict[str, int]:
    """How many of each label's cue words/phrases occur in the tokens (stemmed)."""
    stems = content_stems(tokens)
    joined = " " + " ".join(stems) + " "
    hits: dict[str, int] = {}
    for label, words in question.cues.items():
        n = 0
        for w in words:
            ws = content_stems(tokenize(w))
            if ws and f" {' '.join(ws)} " in joined:
                n += 1
        if n:
            hits[label] = n
    return hits


def _with_stances(quote: Quote, stances: dict[str, StancePrediction]) -> Quote:
    """A copy with `stances` set; works for records built with `model_construct` too
    (whose fields-set may be a frozenset, which `model_copy(update=...)` cannot extend)."""
    return type(quote).model_construct(_fields_set=set(quote.model_fields_set) | {"stances"},
                                       **{**dict(quote), "stances": stances})


def predict_quotes(quotes: Sequence[Quote], codebook: Codebook, model: StanceModel | None = None,
                   articles: Mapping[str, Article] | None = None,
                   settings: QuoteSettings = QuoteSettings()) -> list[Quote]:
    """Copies of the quotes with `stances` filled for every codebook question.

    Existing non-model stances (a human's or a rule's) are kept as they are.
    """
    model = model or StanceModel.load()
    if not quotes:
        return []
    version = model.version
    questions = codebook.questions
    texts, contexts = [], []
    for q in quotes:
        texts.append(strip_quote_marks(q.text))
        ctx = q.context
        if not ctx and articles and q.article_id in articles:
            ctx = context_for(articles[q.article_id].text, q.start, q.end)
        contexts.append(ctx or "")
    # relevance: question-specific words in the quote, and (discounted) in its context
    profiles = question_profiles(codebook, model, settings)
    n_q = len(questions)
    rel = np.zeros((len(quotes), n_q))
    for i, (text, ctx) in enumerate(zip(texts, contexts)):
        tt = tokenize(text)
        ts = set(content_stems(tt))
        own = [prof.score(ts) for prof in profiles]
        rel[i] = own
        # the context counts when the quote points back ("They should do this") or is not
        # clearly on any question by itself
        if ctx and (any(t in lexicon.ANAPHORS for t in tt) or max(own, default=0.0) < settings.min_score):
            cs = set(content_stems(tokenize(ctx)))
            for j, prof in enumerate(profiles):
                rel[i, j] = max(own[j], settings.context_weight * prof.score(cs))
    # polarity for every pair
    triples = [(question.text + (" " + question.target if question.target else ""), text, question.direction)
               for text in texts for question in questions]
    ps = model.polarity(triples).reshape(len(quotes), n_q)
    out = []
    for i, quote in enumerate(quotes):
        best = float(rel[i].max())
        tokens = tokenize(texts[i])
        stances: dict[str, StancePrediction] = {}
        for j, question in enumerate(questions):
            old = (quote.stances or {}).get(question.id)
            if old is not None and old.source != "model":
                stances[question.id] = old
                continue
            score = float(rel[i, j])
            r = 1 - math.exp(-score)  # 0 words -> 0, one specific word -> 0.63, two -> 0.86
            labels = codebook.labels_for(question.id)
            if score < settings.min_score or score < settings.relative_relevance * best:
                stances[question.id] = StancePrediction(label=NOT_ADDRESSED, confidence=round(1 - r / 2, 4),
                                                        source="model", model_version=version)
                continue
            p = float(ps[i, j])
            anchors = {st for st, f in profiles[j].factor.items() if f >= settings.anchor_min_factor}
            local = anchored_polarity(tokens, anchors) * (-1 if question.direction == "against" else 1)
            if local:
                logit = math.log(max(p, 1e-6) / max(1 - p, 1e-6)) + settings.anchor_weight * math.tanh(local) * 2
                p = 1 / (1 + math.exp(-logit))
            hits = _cue_hits(question, tokens)
            p += settings.cue_shift * (hits.get("support", 0) > 0) - settings.cue_shift * (hits.get("oppose", 0) > 0)
            p = min(max(p, 0.0), 1.0)
            if "neutral" in labels and abs(p - 0.5) < settings.neutral_margin:
                label, conf = "neutral", 1 - abs(p - 0.5) * 2
            elif p >= 0.5:
                label, conf = "support", p
            else:
                label, conf = "oppose", 1 - p
            if label not in labels:
                label, conf = NOT_ADDRESSED, 1 - r
            stances[question.id] = StancePrediction(label=label, confidence=round(min(conf * r + (1 - r) * 0.5, 1.0), 4)
                                                    if label != NOT_ADDRESSED else round(conf, 4),
                                                    source="model", model_version=version)
        out.append(_with_stances(quote, stances))
    return out


def predict_pairs(pairs: Iterable[Pair], model: StanceModel | None = None) -> list[PairPrediction]:
    """support / oppose / neutral (= not about the question or no stance) for each pair."""
    model = model or StanceModel.load()
    pairs = list(pairs)
    if not pairs:
        return []
    labels, conf = model.predict_with_confidence(pairs)
    return [PairPrediction(id=p.id, stance=str(lab), confidence=round(float(c), 4))
            for p, lab, c in zip(pairs, labels, conf)]


__all__ = ["QuoteSettings", "context_for", "predict_pairs", "predict_quotes", "sentence_bounds"]
