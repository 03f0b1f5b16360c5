"""Is a quote on a codebook question at all? The cheap, lexical first stage of stance.

For each question a `Profile` of weighted phrases is built from what the journalist wrote
(the target and each keyword weigh 1; other words of the question `question_weight`, words
of the description `description_weight`). A stem's factor is its specificity to this
question within the codebook (a stem every question uses says only what the whole codebook
is about) times its rarity in general text (IDF of the public pairs). A quote's score on a
question is the sum, over the question's stems it contains, of factor x best phrase weight x
the share of that phrase found; its context (the sentence before and the quote's sentence)
counts at `context_weight` when the quote points back ("They should do this") or is on no
question by itself.

The neural engine reads only the pairs that pass a low bar here (the cascade: cheap
relevance first, the transformer only where the quote may be on the question); the fast
engine uses the scores as its relevance decision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from annotator.models import Article, Codebook, Quote
from annotator.stance import lexicon
from annotator.stance.features import content_stems, tokenize
from annotator.stance.reading import plain_words, read_answer, stance_text, strip_quote_marks

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
    return text[a : bounds[last][1]]


@dataclass(frozen=True)
class Weights:
    """How much each part of a question counts (general defaults, documented in the README)."""

    question_weight: float = 0.5
    description_weight: float = 0.25
    context_weight: float = 0.5
    min_score: float = 1.0
    condition_weight: float = 0.5  # question words only inside "if ...", "whether ..." count this much
    keyword_floor: float = 1.0  # a one-word keyword or target found scores at least this (min_score)


@dataclass(frozen=True)
class Profile:
    """A question's relevance terms: phrases (tuples of stems) with weights, and the
    specificity x rarity factor of each stem."""

    phrases: tuple[tuple[tuple[str, ...], float], ...]
    factor: Mapping[str, float]
    texts: tuple[str, ...] = ()  # each phrase as the journalist wrote it
    keyword_floor: float = 0.0  # the least score of a quote with a one-word keyword of the question
    n_keywords: int = 0  # the first phrases are the journalist's target and keywords
    proposal: bool = False  # the question asks whether something should be done (`PROPOSAL_RE`)

    def matched(self, stems: set[str], limit: int = 5) -> list[str]:
        """The question's words and phrases found (the weightiest first): why a quote is on
        it. A phrase found whole is given whole; of one found in part, the words found."""
        score_of: dict[str, float] = {}
        spelling: dict[str, str] = {}
        for k, (phrase, weight) in enumerate(self.phrases):
            found = [s for s in phrase if s in stems]
            if not found or k >= len(self.texts):
                continue
            score = weight * len(found) / len(phrase) * max(self.factor.get(s, 0.0) for s in phrase)
            if len(found) == len(phrase):
                shown = [self.texts[k]]
            else:
                words: dict[str, str] = {}
                for word, st in _words_and_stems(self.texts[k]):
                    if st in found:
                        words.setdefault(st, word)
                shown = list(words.values())
            for text in shown:
                key = text.lower()
                spelling.setdefault(key, text)
                score_of[key] = max(score_of.get(key, 0.0), score)
        out: list[str] = []
        for key in sorted(score_of, key=lambda k: -score_of[k]):
            if not any(key in o.lower() for o in out):  # a word inside a phrase shown says nothing new
                out.append(spelling[key])
        return out[:limit]

    def score(self, stems: set[str]) -> float:
        """Sum over matched stems of factor x the best phrase weight x the share of that
        phrase found ("defence spending" counts fully, "air defence" half)."""
        best: dict[str, float] = {}
        whole = 0.0
        for k, (phrase, weight) in enumerate(self.phrases):
            hit = [s for s in phrase if s in stems]
            if not hit:
                continue
            value = weight * len(hit) / len(phrase)
            if k < self.n_keywords and len(phrase) == 1 and self.factor.get(hit[0], 0.0) > 0:
                # a one-word keyword (or target) the journalist listed: on the question, however
                # common the word ("cut" on a rates question); a word every question lists is not
                whole = self.keyword_floor
            for s in hit:
                if value > best.get(s, 0.0):
                    best[s] = value
        return max(sum(v * self.factor.get(s, 0.0) for s, v in best.items()), whole)


@dataclass(frozen=True)
class Idf:
    """Rarity of stems in general text (from the public pairs), for relevance weights."""

    values: Mapping[str, float]
    default: float

    def get(self, stem: str) -> float:
        return self.values.get(stem, self.default)


@lru_cache(maxsize=1)
def bundled_idf() -> Idf:
    """The IDF table shipped inside the fast model file (read without loading the model)."""
    import json

    from annotator.paths import MODEL_DIR
    from annotator.stance.model import DEFAULT_MODEL_NAME

    with np.load(MODEL_DIR / DEFAULT_MODEL_NAME, allow_pickle=False) as z:
        keys, values = z["idf_keys"], z["idf_values"]
        manifest = json.loads(z["manifest"].tobytes().decode())
    return Idf(dict(zip(keys.tolist(), values.tolist())), float(manifest["idf_default"]))


def question_profiles(codebook: Codebook, idf: Idf, weights: Weights = Weights()) -> list[Profile]:
    """One Profile per question (see the module doc)."""
    per_q: list[list[tuple[tuple[str, ...], float]]] = []
    per_q_texts: list[list[str]] = []
    n_keywords: list[int] = []
    for q in codebook.questions:
        phrases: list[tuple[tuple[str, ...], float]] = []
        texts: list[str] = []
        for core in ([q.target] if q.target else []) + list(q.keywords):
            st = tuple(dict.fromkeys(content_stems(tokenize(core))))
            if st:
                phrases.append((st, 1.0))
                texts.append(core)
        n_keywords.append(len(phrases))
        for word, s in _words_and_stems(q.text):
            phrases.append(((s,), 1.0 if not q.target and not q.keywords else weights.question_weight))
            texts.append(word)
        for word, s in _words_and_stems(q.description or ""):
            phrases.append(((s,), weights.description_weight))
            texts.append(word)
        per_q.append(phrases)
        per_q_texts.append(texts)
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
        rarity = min(1.0, 1.5 * idf.get(s) / idf.default)
        return spec * rarity

    return [
        Profile(
            tuple(ph),
            {s: factor(s) for st, _ in ph for s in st},
            tuple(tx),
            weights.keyword_floor,
            nk,
            PROPOSAL_RE.match(q.text.strip()) is not None,
        )
        for ph, tx, nk, q in zip(per_q, per_q_texts, n_keywords, codebook.questions)
    ]


_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def _words_and_stems(text: str) -> list[tuple[str, str]]:
    """(word as written, stem) of each content word of `text`, a stem once, in the order of
    `content_stems(tokenize(text))` (what relevance scores with); the written word is for
    showing, the token where no written word gives the stem."""
    written: dict[str, str] = {}
    for m in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", m.group())
        for st in content_stems(tokenize(word)):
            written.setdefault(st, word)
    return [(written.get(st, st), st) for st in dict.fromkeys(content_stems(tokenize(text)))]


#: a part of reported speech this short ("Private operators, he argued, often invest more")
#: says nothing alone: the parts of its sentence are read together
FRAGMENT_WORDS = 3


def quote_texts(
    quotes: Sequence[Quote], articles: Mapping[str, Article] | None = None
) -> tuple[list[str], list[str]]:
    """Each quote's words without their quotation marks, and its context. Reported speech cut
    in two by its attribution, one part of at most FRAGMENT_WORDS words ("Private operators,
    he argued, often invest more in pipes"), is read whole for each part; the rest of a quoted
    sentence cut after a short first part ("“The alternative,” X said, “is paying more.”")
    is read with that part;
    a continuation that points back is read after the quote it continues."""
    texts, contexts = [], []
    for q in quotes:
        ctx = q.context
        if not ctx and articles and q.article_id in articles:
            ctx = context_for(articles[q.article_id].text, q.start, q.end)
        contexts.append(ctx or "")
        # "Asked whether the levy would hurt grocers, she conceded that it could": the claim answered
        answer = None
        if len(q.text) < 40:
            if q.context and q.context_start is not None:
                before = q.context[: max(0, q.start - q.context_start)]
            elif articles and q.article_id in articles:
                before = articles[q.article_id].text[max(0, q.start - 400) : q.start]
            else:
                before = ""
            answer = read_answer(plain_words(q), before)
        texts.append(answer or stance_text(q))
    i = 0
    while i < len(quotes):
        j = i
        g = quotes[i].group
        while (
            g is not None
            and g.startswith("s")  # the parts of one frame in one sentence (not a continuation)
            and j + 1 < len(quotes)
            and quotes[j + 1].group == g
            and quotes[j + 1].article_id == quotes[i].article_id
        ):
            j += 1
        a = i
        while a <= j:  # each run of reported (not direct) parts in the group
            if quotes[a].kind == "direct":
                a += 1
                continue
            b = a
            while b + 1 <= j and quotes[b + 1].kind != "direct":
                b += 1
            parts = [plain_words(quotes[k]) for k in range(a, b + 1)] if b > a else []
            if parts and min(len(w.split()) for w in parts) <= FRAGMENT_WORDS:
                texts[a : b + 1] = [" ".join(parts)] * (b + 1 - a)
            a = b + 1
        i = j + 1
    # a quoted sentence cut by its attribution ("“The alternative,” X said, “is paying for
    # emergencies.”"): the rest is read with its short first part
    for k in range(len(quotes) - 1):
        q, nxt = quotes[k], quotes[k + 1]
        if (
            q.kind == "direct"
            and nxt.kind == "direct"
            and q.group is not None
            and q.group.startswith("s")
            and nxt.group == q.group
            and nxt.article_id == q.article_id
            and q.text.rstrip("”\"'’ ").endswith(",")
            and len(texts[k].split()) <= FRAGMENT_WORDS
            and texts[k + 1][:1].islower()
        ):
            # the rest carries the whole sentence; the short part abstains (one statement,
            # one vote), and is not read through its context either
            texts[k + 1] = texts[k].rstrip(",") + " " + texts[k + 1]
            texts[k], contexts[k] = "", ""
    own = list(texts)
    # a concession its speaker then turns from ("“Some walls were badly built,” he said. “But
    # telling owners they cannot protect their homes is not serious.”") is one statement: the
    # turn is read after the concession, which abstains (read alone it says the other side)
    for k in range(len(quotes) - 1):
        q, nxt = quotes[k], quotes[k + 1]
        if (
            own[k]
            and q.speaker is not None
            and nxt.speaker == q.speaker
            and nxt.article_id == q.article_id
            and 0 <= nxt.start - q.end <= TURN_GAP
            and TURN_RE.match(own[k + 1])
        ):
            texts[k + 1] = own[k] + " " + own[k + 1]
            texts[k], contexts[k] = "", ""
    # a continuation that opens by pointing back ("That never came to pass.") is read after
    # the quote it continues, which says what "that" is
    own = list(texts)
    for k in range(1, len(quotes)):
        q, prev = quotes[k], quotes[k - 1]
        if (
            q.attribution == "continuation"
            and q.group is not None
            and q.group == prev.group
            and q.article_id == prev.article_id
            and points_back(own[k])
        ):
            texts[k] = (own[k - 1] + " " + own[k]).strip()
    return texts, contexts


#: a quote that turns from the one before it ("But ...", "However, ..."), at most TURN_GAP
#: characters after it (an attribution between them: '," he said. "')
TURN_RE = re.compile(r"(?:But|However|Yet|Still)\b")
TURN_GAP = 60
POINTING_BACK_WORDS = 3  # a text points back when one of its first words is one of POINTERS
POINTERS = frozenset({"this", "that", "these", "those", "it", "such"})


#: words that may come before a pointer at the start of a text ("But that never worked")
OPENERS = frozenset(
    {"and", "but", "so", "yes", "no", "well", "now", "still", "yet", "or", "then", "because", "also", "however",
     "indeed", "instead", "again", "even", "though", "sure", "of", "course", "after", "all", "oh"}
)  # fmt: skip


def points_back(text: str) -> bool:
    """The text opens by pointing back ("That would be a disaster", "It never worked", "But
    that never worked"); a pointer after a noun is a relative word ("Towns that tried it")."""
    for t in tokenize(text)[:POINTING_BACK_WORDS]:
        if t in POINTERS:
            return True
        if t not in OPENERS and not t.endswith("ly"):  # "Frankly, that ..."
            return False
    return False


def relevance_scores(
    texts: Sequence[str], contexts: Sequence[str], profiles: Sequence[Profile], weights: Weights = Weights()
) -> np.ndarray:
    """(quotes x questions) scores: the quote's own words, or its context at a discount when
    the quote points back or is on no question by itself."""
    return relevance_and_own(texts, contexts, profiles, weights)[0]


#: a condition or an open question inside a quote: "if ...", "unless ...", "whether ...",
#: "should a deal be reached" (to the next comma or the sentence's end)
CONDITION_RE = re.compile(
    r"\b(?:[Ii]f|[Uu]nless|[Ww]hether|[Ss]hould\s+(?:a|an|the|any)\b(?=[^,.;]*\bbe\b))\b[^,.;:!?]*"
)


#: a question that proposes something: "Should the state lower the voting age?", "Should we
#: keep ...", "Do you support ..."
PROPOSAL_RE = re.compile(r"(?:should|ought|must|do\s+you\s+support|would\s+you\s+support)\b", re.IGNORECASE)
#: a quote that names the proposal by a definite noun ("the change", "this plan", "the bill")
TOPIC_ANAPHOR_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:proposed\s+|new\s+)?(?:plan|proposal|bill|measure|change|deal|program|programme|"
    r"policy|idea|law|rule|ordinance|initiative|reform|scheme|project)\b"
)


def relevance_and_own(
    texts: Sequence[str], contexts: Sequence[str], profiles: Sequence[Profile], weights: Weights = Weights()
) -> tuple[np.ndarray, np.ndarray]:
    """`relevance_scores`, and the scores of the quotes' own words alone (no context)."""
    rel = np.zeros((len(texts), len(profiles)))
    own = np.zeros((len(texts), len(profiles)))
    for i, (text, ctx) in enumerate(zip(texts, contexts)):
        tt = tokenize(text)
        ts = set(content_stems(tt))
        own[i] = rel[i] = [prof.score(ts) for prof in profiles]
        if weights.condition_weight < 1 and CONDITION_RE.search(text):
            # "... is essential if the county hopes to keep X open": words only inside a condition are
            # backgrounded, not asserted; they count at `condition_weight`
            main = set(content_stems(tokenize(CONDITION_RE.sub(" ", text))))
            for j, prof in enumerate(profiles):
                if own[i, j] > 0:
                    m = prof.score(main)
                    own[i, j] = rel[i, j] = m + weights.condition_weight * (own[i, j] - m)
        if own[i].max(initial=0.0) < weights.min_score and TOPIC_ANAPHOR_RE.search(text):
            # "the change would strain poll workers": the proposal the article is about, on
            # each question that proposes something ("Should the state lower the voting
            # age?"); the engine then decides whether the quote takes a side on it
            for j, prof in enumerate(profiles):
                if prof.proposal:
                    rel[i, j] = max(rel[i, j], weights.min_score)
        if ctx and (any(t in lexicon.ANAPHORS for t in tt) or own[i].max(initial=0.0) < weights.min_score):
            cs = set(content_stems(tokenize(ctx)))
            for j, prof in enumerate(profiles):
                rel[i, j] = max(rel[i, j], weights.context_weight * prof.score(cs))
    return rel, own


def matched_terms(profile: Profile, text: str, context: str | None = None, limit: int = 5) -> list[str]:
    """The question's words and phrases in the quote, else in its context: why the quote was
    taken to be on the question (shown to the editor beside the label)."""
    own = profile.matched(set(content_stems(tokenize(text))), limit)
    if own or not context:
        return own
    return profile.matched(set(content_stems(tokenize(context))), limit)


__all__ = [
    "Idf",
    "Profile",
    "Weights",
    "bundled_idf",
    "context_for",
    "matched_terms",
    "question_profiles",
    "quote_texts",
    "relevance_and_own",
    "relevance_scores",
    "sentence_bounds",
    "stance_text",
    "strip_quote_marks",
]
