"""Stance prediction for quotes against a codebook, and for bare question/text pairs.

For a quote and a codebook question, in two stages (a cascade):

1. Relevance, cheap and lexical (`annotator.stance.relevance`): the question's words (text,
   target, keywords, description) in the quote, or at a discount in its context. A quote is
   usually about one or two of a codebook's questions, so a question far below the quote's
   best one is not addressed either.
2. Stance, from the engine's probabilities (none, oppose, support) on (question, quote):
   - neural engine: only the pairs that pass a low relevance bar are read by the
     transformer; it decides whether the quote takes a side (P(none)), and which one.
     A quote that takes no side but is clearly on the question is neutral; one that is
     barely on it, not addressed. Support and oppose too close to call are neutral.
   - fast engine: relevance decides addressed / not addressed; polarity comes from its
     P(support), nudged by the question's target words and cue words.

Defaults are general, documented in the README and never tuned on single quotes.
"""

from __future__ import annotations

import math
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
from annotator.stance.asking import ask, other_side
from annotator.stance.engine import StanceEngine, load_engine
from annotator.stance.features import anchored_polarity, content_stems, tokenize
from annotator.stance.reading import read_for, read_litotes, windows
from annotator.stance.relevance import (
    Idf,
    Profile,
    Weights,
    bundled_idf,
    context_for,
    matched_terms,
    points_back,
    question_profiles,
    quote_texts,
    relevance_and_own,
    relevance_scores,
    sentence_bounds,
    strip_quote_marks,
)


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
    return type(quote).model_construct(
        _fields_set=set(quote.model_fields_set) | {"stances"}, **{**dict(quote), "stances": stances}
    )


@dataclass(frozen=True)
class NeuralSettings:
    """Decision settings for the neural engine (general defaults, see module doc)."""

    candidate_min: float = 1.0  # lexical score a pair needs to be read by the transformer
    candidate_ratio: float = 0.5  # ... and its share of the quote's best question
    none_threshold: float = 0.7  # P(none) at or above this: the quote takes no side
    neutral_relevance: float = 2.5  # a sideless quote this relevant is neutral, else not addressed
    neutral_margin: float = 0.05  # |P(support) - P(oppose)| / their sum below this: neutral
    read_context: bool = True  # a quote on a question only through its context is read with it
    # a longer quote (past the engine's 128 tokens) is read in windows (`reading.windows`)
    window_words: int = 80


def _stance(label: str, confidence: float, version: str) -> StancePrediction:
    return StancePrediction(
        label=label,
        confidence=round(min(max(confidence, 0.0), 1.0), 4),
        source="model",
        model_version=version,
    )


def windowed_probs(
    engine: StanceEngine,
    pairs: Sequence[tuple[str, str]],
    max_words: int = 40,
    flipped: Sequence[bool] | None = None,
) -> np.ndarray:
    """The engine's probabilities (none, oppose, support) for each (question, text) pair, a
    long text read window by window (`reading.windows`) and its windows' probabilities
    averaged; for a pair whose question was asked in its positive form (`flipped`, from
    `asking.ask`), oppose and support swapped back."""
    flat: list[tuple[str, str]] = []
    owner: list[int] = []
    for k, (q, t) in enumerate(pairs):
        for w in windows(t, max_words):
            flat.append((q, w))
            owner.append(k)
    probs = np.asarray(engine.pair_probs(flat), dtype=float)
    if len(flat) != len(pairs):
        out = np.zeros((len(pairs), probs.shape[1]))
        count = np.zeros(len(pairs))
        np.add.at(out, owner, probs)
        np.add.at(count, owner, 1)
        probs = out / count[:, None]
    if flipped is not None and any(flipped):
        probs = probs.copy()
        rows = np.asarray(flipped, dtype=bool)
        probs[rows] = probs[rows][:, [0, 2, 1]]
    return probs


def predict_quotes(
    quotes: Sequence[Quote],
    codebook: Codebook,
    model: StanceEngine | None = None,
    articles: Mapping[str, Article] | None = None,
    settings: QuoteSettings | NeuralSettings | None = None,
) -> list[Quote]:
    """Copies of the quotes with `stances` filled for every codebook question.

    Existing non-model stances (a human's or a rule's) are kept as they are.
    """
    engine = model if model is not None else load_engine()
    if not quotes:
        return []
    texts, contexts = quote_texts(quotes, articles)
    if getattr(engine, "name", None) == "fast":
        table, profiles = _fast_stances(
            engine,
            quotes,
            texts,
            contexts,
            codebook,
            settings if isinstance(settings, QuoteSettings) else QuoteSettings(),
        )
    else:
        table, profiles = _neural_stances(
            engine,
            texts,
            contexts,
            codebook,
            settings if isinstance(settings, NeuralSettings) else NeuralSettings(),
        )
    out = []
    for quote, row, text, ctx in zip(quotes, table, texts, contexts):
        stances = {}
        for j, question in enumerate(codebook.questions):
            old = (quote.stances or {}).get(question.id)
            if old is not None and old.source != "model":
                stances[question.id] = old
                continue
            pred = row[question.id]
            if pred.label != NOT_ADDRESSED:
                pred = pred.model_copy(update={"terms": matched_terms(profiles[j], text, ctx)})
            stances[question.id] = pred
        out.append(_with_stances(quote, stances))
    return out


def _neural_stances(
    engine: StanceEngine,
    texts: Sequence[str],
    contexts: Sequence[str],
    codebook: Codebook,
    settings: NeuralSettings,
) -> tuple[list[dict[str, StancePrediction]], list[Profile]]:
    """The cascade: lexical relevance picks the pairs the engine reads. Returns the stances
    and the question profiles used (the `terms` of each label come from them)."""
    questions = codebook.questions
    weights = Weights()
    profiles = question_profiles(codebook, bundled_idf(), weights)
    rel, own = relevance_and_own(texts, contexts, profiles, weights)
    best = rel.max(axis=1) if len(questions) else np.zeros(len(texts))
    candidates = [
        (i, j)
        for i in range(len(texts))
        for j in range(len(questions))
        if rel[i, j] >= settings.candidate_min and rel[i, j] >= settings.candidate_ratio * best[i]
    ]

    # each question as the engine is asked it, and whether its sides come back swapped (`asking.ask`)
    asked = [ask(q.text) for q in questions]
    probs = windowed_probs(
        engine,
        [(asked[j][0], read_for(texts[i], questions[j].text)) for i, j in candidates],
        settings.window_words,
        [asked[j][1] for _, j in candidates],
    )
    read = {pair: probs[k] for k, pair in enumerate(candidates)}
    # A quote that opens by pointing back ("That would be a disaster"), is on the question
    # only through its context and takes no side read alone, is read again with its context
    # (the sentence before and its own), so the model sees what "that" is.
    again = [
        (i, j)
        for i, j in candidates
        if settings.read_context
        and read[(i, j)][0] >= settings.none_threshold
        and own[i, j] < settings.candidate_min
        and contexts[i]
        and points_back(texts[i])
    ]
    if again:
        ctx_probs = windowed_probs(
            engine,
            [(asked[j][0], contexts[i]) for i, j in again],
            settings.window_words,
            [asked[j][1] for _, j in again],
        )
        read.update(zip(again, ctx_probs))
    version = engine.version
    out = []
    for i in range(len(texts)):
        row = {}
        for j, question in enumerate(questions):
            labels = codebook.labels_for(question.id)
            r = 1 - math.exp(-float(rel[i, j]))
            p = read.get((i, j))
            if p is None:
                row[question.id] = _stance(NOT_ADDRESSED, 1 - r / 2, version)
                continue
            p_none, p_opp, p_sup = (float(x) for x in p)
            side = p_opp + p_sup
            lean = (p_sup - p_opp) / side if side else 0.0
            if p_none >= settings.none_threshold:
                if rel[i, j] >= settings.neutral_relevance and "neutral" in labels:
                    row[question.id] = _stance("neutral", p_none * r, version)
                else:
                    row[question.id] = _stance(NOT_ADDRESSED, p_none, version)
                continue
            if abs(lean) < settings.neutral_margin and "neutral" in labels:
                label, conf = "neutral", (1 - p_none) * (1 - abs(lean))
            elif lean >= 0:
                label, conf = "support", p_sup / side
            else:
                label, conf = "oppose", p_opp / side
            if label not in labels:
                label, conf = NOT_ADDRESSED, p_none
            row[question.id] = _stance(
                label, conf * (1 - p_none) if label != NOT_ADDRESSED else conf, version
            )
        out.append(row)
    return out, profiles


def _fast_stances(
    model,
    quotes: Sequence[Quote],
    texts: Sequence[str],
    contexts: Sequence[str],
    codebook: Codebook,
    settings: QuoteSettings,
) -> tuple[list[dict[str, StancePrediction]], list[Profile]]:
    """The fast engine: lexical relevance decides addressed; polarity from P(support).
    Returns the stances and the question profiles used."""
    version = model.version
    questions = codebook.questions
    weights = Weights(
        settings.question_weight, settings.description_weight, settings.context_weight, settings.min_score
    )
    profiles = question_profiles(codebook, Idf(model.idf, model.idf_default_), weights)
    rel = relevance_scores(texts, contexts, profiles, weights)
    n_q = len(questions)
    triples = [
        (question.text + (" " + question.target if question.target else ""), text, question.direction)
        for text in texts
        for question in questions
    ]
    ps = model.polarity(triples).reshape(len(quotes), n_q)
    out = []
    for i in range(len(quotes)):
        best = float(rel[i].max())
        tokens = tokenize(texts[i])
        stances: dict[str, StancePrediction] = {}
        for j, question in enumerate(questions):
            score = float(rel[i, j])
            r = 1 - math.exp(-score)  # 0 words -> 0, one specific word -> 0.63, two -> 0.86
            labels = codebook.labels_for(question.id)
            if score < settings.min_score or score < settings.relative_relevance * best:
                stances[question.id] = StancePrediction(
                    label=NOT_ADDRESSED, confidence=round(1 - r / 2, 4), source="model", model_version=version
                )
                continue
            p = float(ps[i, j])
            anchors = {st for st, f in profiles[j].factor.items() if f >= settings.anchor_min_factor}
            local = anchored_polarity(tokens, anchors) * (-1 if question.direction == "against" else 1)
            if local:
                logit = (
                    math.log(max(p, 1e-6) / max(1 - p, 1e-6)) + settings.anchor_weight * math.tanh(local) * 2
                )
                p = 1 / (1 + math.exp(-logit))
            hits = _cue_hits(question, tokens)
            p += settings.cue_shift * (hits.get("support", 0) > 0) - settings.cue_shift * (
                hits.get("oppose", 0) > 0
            )
            p = min(max(p, 0.0), 1.0)
            if "neutral" in labels and abs(p - 0.5) < settings.neutral_margin:
                label, conf = "neutral", 1 - abs(p - 0.5) * 2
            elif p >= 0.5:
                label, conf = "support", p
            else:
                label, conf = "oppose", 1 - p
            if label not in labels:
                label, conf = NOT_ADDRESSED, 1 - r
            stances[question.id] = StancePrediction(
                label=label,
                confidence=round(min(conf * r + (1 - r) * 0.5, 1.0), 4)
                if label != NOT_ADDRESSED
                else round(conf, 4),
                source="model",
                model_version=version,
            )
        out.append(stances)
    return out, profiles


def predict_pairs(pairs: Iterable[Pair], model: StanceEngine | None = None) -> list[PairPrediction]:
    """support / oppose / neutral (= not about the question or no stance) for each pair."""
    engine = model if model is not None else load_engine()
    pairs = list(pairs)
    if not pairs:
        return []
    asked = [ask(p.question) for p in pairs]  # (question as asked, sides swapped back)
    if getattr(engine, "name", None) == "fast":
        labels, conf = engine.predict_with_confidence(  # type: ignore[attr-defined]
            [p.model_copy(update={"question": a[0]}) for p, a in zip(pairs, asked)]
        )
        return [
            PairPrediction(
                id=p.id, stance=other_side(str(lab)) if a[1] else str(lab), confidence=round(float(c), 4)
            )
            for p, a, lab, c in zip(pairs, asked, labels, conf)
        ]
    from annotator.stance.neural.runtime import decide_pair

    probs = windowed_probs(
        engine,
        [(a[0], read_for(read_litotes(p.text), p.question)) for a, p in zip(asked, pairs)],
        flipped=[a[1] for a in asked],
    )
    out = []
    for p, row in zip(pairs, probs):
        label, conf = decide_pair(row)
        out.append(PairPrediction(id=p.id, stance=label, confidence=round(min(max(conf, 0.0), 1.0), 4)))
    return out


__all__ = [
    "NeuralSettings",
    "QuoteSettings",
    "context_for",
    "predict_pairs",
    "predict_quotes",
    "sentence_bounds",
    "strip_quote_marks",
]
