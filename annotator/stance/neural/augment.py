"""Training pairs that teach what counting words cannot: negation, contrast, hedges,
rhetorical questions, and text that is not about the question.

Every pair made here is derived from the labelled public pairs (question, text, stance) or
from the short invented sentences in `annotator.stance.neural.phrases`; nothing is taken
from an article. Each transformation states how it moves the label:

- `negate`: "X should be banned" <-> "X should not be banned" flips support and oppose
  (applied to the text, or to a claim-shaped question);
- frames: "I doubt that X", "It is a myth that X" flip; "There is no denying that X",
  "I don't doubt that X" keep (double negation); "Perhaps X", "I suspect X" keep (hedges);
- contrast: "I used to think A, but B", "Although A, B", "A. However, B" take the label of
  B, the clause the speaker stands on (A is a text of the opposite side of the same
  question);
- rhetorical questions: "Who could deny that B?" keeps B's label, "Does anyone really
  believe A?" takes the side against A;
- `as_question`: "We should abolish X" -> "Should we abolish X?", so the model meets the
  journalist's yes/no form of a question as well as the motion form;
- predictions: invented events asked about ("Will the strike end this month?") and what a
  speaker says of their likelihood ("There's no way it will", "I'd be surprised if it
  didn't", "Nobody knows yet whether ..."), the event also named in other words than the
  question's ("I'm not betting on a deal" on "Will the merger go through?");
- necessity: keeping an invented service, and what saying people cannot do without it
  means ("There's no way they could manage without it": keep it);
- comparisons: negated comparatives ("There is no better place to X than Y": praise);
- effects: invented measures and what a speaker says they do to a group, negated negatives
  included ("It won't hurt them one bit" answers "Is it good for them?" yes and "Will it
  hurt them?" no);
- consequences: plain good or bad consequences of an invented measure, with no negation
  ("It hits small shops hardest"), asked as merit ("Was it the right decision?": no) and as
  harm ("Does it harm small shops?": yes);
- not addressed ("none"): a text paired with a question of another topic, an invented
  everyday sentence (schedules, careers, places), or a sentence that only repeats the
  question ("Reporters asked whether ...").

`augment(rows, seed)` returns the original rows plus the derived ones, deterministically.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.stance.neural import phrases

SUPPORT, OPPOSE, NONE = "support", "oppose", "none"
FLIP = {SUPPORT: OPPOSE, OPPOSE: SUPPORT, NONE: NONE}


@dataclass(frozen=True)
class Example:
    """One training pair: the question as asked, the text, and its label."""

    question: str
    text: str
    label: str
    kind: str = "original"


# --------------------------------------------------------------------------- negation
_AUX_INSERT = {
    "is": "is not",
    "are": "are not",
    "was": "was not",
    "were": "were not",
    "will": "will not",
    "would": "would not",
    "should": "should not",
    "can": "cannot",
    "could": "could not",
    "must": "must not",
    "may": "may not",
    "might": "might not",
    "has": "has not",
    "have": "have not",
    "had": "had not",
    "does": "does not",
    "do": "do not",
    "did": "did not",
}
_CONTRACTED = {
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "won't": "will",
    "wouldn't": "would",
    "shouldn't": "should",
    "can't": "can",
    "cannot": "can",
    "couldn't": "could",
    "mustn't": "must",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "doesn't": "does",
    "don't": "do",
    "didn't": "did",
}
#: words after which a clause is subordinate: an auxiliary behind them is not the main verb's
_SUBORDINATORS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "because",
        "if",
        "when",
        "while",
        "although",
        "though",
        "since",
        "unless",
        "whether",
        "where",
        "as",
        "than",
        "so",
    ]
)
_NEGATORS = frozenset(
    ["not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "n't", "cannot"]
)
_WORD = re.compile(r"[A-Za-z]+(?:[\u2019'][A-Za-z]+)?|[^\sA-Za-z]+")


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _norm(w: str) -> str:
    return w.lower().replace("\u2019", "'")


def negate(sentence: str) -> str | None:
    """The sentence with its main clause's negation switched, or None when no safe switch is
    found. Only the first auxiliary before any subordinate clause is touched; a sentence
    with a second negator (or "has/have/do" used as a main verb) is left alone."""
    words = _words(sentence)
    low = [_norm(m.group()) for m in words]
    negators = [i for i, w in enumerate(low) if w in _NEGATORS or w.endswith("n't")]
    for i, w in enumerate(low[:14]):
        if w in _SUBORDINATORS or w in {",", ";", ":"} or (w.endswith(",") and i):
            return None
        if w in _CONTRACTED and len(negators) == 1:
            repl = _CONTRACTED[w]
            m = words[i]
            return sentence[: m.start()] + _case_like(m.group(), repl) + sentence[m.end() :]
        if w in _AUX_INSERT:
            nxt = low[i + 1] if i + 1 < len(low) else ""
            if nxt == "not" and len(negators) == 1:
                m, n = words[i], words[i + 1]
                return sentence[: m.end()] + sentence[n.end() :]
            if negators or not nxt or not nxt[0].isalpha():
                return None
            if w in {"has", "have", "had"} and not (nxt == "been" or re.fullmatch(r"[a-z]+(ed|en|wn)", nxt)):
                return None
            if w in {"do", "does", "did"}:
                return None
            if i == 0:  # a question or an inverted clause
                return None
            m = words[i]
            return sentence[: m.start()] + _case_like(m.group(), _AUX_INSERT[w]) + sentence[m.end() :]
    return None


def _case_like(original: str, repl: str) -> str:
    return repl[0].upper() + repl[1:] if original[:1].isupper() else repl


# --------------------------------------------------------------------------- question forms
_HOUSE = re.compile(r"^\s*(?:this house (?:believes|would|supports)|we believe)(?: that)?\s+", re.I)
_MODAL_Q = re.compile(
    r"^(?P<subj>.{2,80}?)\s+(?P<aux>should|must|can|will|would|could|is|are)\s+(?P<rest>.+)$", re.I
)
_WE_SHOULD = re.compile(r"^we should (?:not )?(?P<rest>.+)$", re.I)
_IMPERATIVE = frozenset(
    [
        "abolish",
        "adopt",
        "allow",
        "ban",
        "end",
        "grant",
        "introduce",
        "legalise",
        "legalize",
        "limit",
        "make",
        "promote",
        "recognise",
        "recognize",
        "remove",
        "require",
        "restrict",
        "subsidise",
        "subsidize",
        "support",
        "widen",
        "increase",
        "reduce",
        "cancel",
        "replace",
        "create",
        "build",
        "protect",
        "fund",
    ]
)


def as_question(motion: str) -> str | None:
    """A yes/no question with the motion's meaning ("We should ban X" -> "Should we ban X?"),
    or None when its shape is not one of the simple ones."""
    m0 = motion.strip().rstrip(".!")
    if m0.endswith("?"):
        return m0
    m0 = _HOUSE.sub("", m0)
    if not m0:
        return None
    m = _WE_SHOULD.match(m0)
    if m and not m0.lower().startswith("we should not"):
        return f"Should we {m.group('rest')}?"
    first = m0.split()[0].lower()
    if first in _IMPERATIVE:
        return f"Should we {m0[0].lower()}{m0[1:]}?"
    m = _MODAL_Q.match(m0)
    if m and not any(w in _SUBORDINATORS for w in m.group("subj").lower().split()):
        subj = m.group("subj")
        subj = subj[0].lower() + subj[1:] if subj.split()[0] in {"The", "A", "An", "All", "Every"} else subj
        return f"{m.group('aux').capitalize()} {subj} {m.group('rest')}?"
    return None


# --------------------------------------------------------------------------- frames
def _lc(text: str) -> str:
    """Lower-case the first letter (for embedding a sentence in a frame); "I" stays."""
    t = text.strip().rstrip(".!")
    if t[:2] in ("I ", "I'") or (len(t) > 1 and t[1].isupper()):
        return t
    return t[:1].lower() + t[1:]


def _sentence(text: str) -> str:
    t = text.strip()
    return t if t[-1:] in ".!?" else t + "."


# --------------------------------------------------------------------------- the augmenter
def augment(
    rows: Sequence[Example],
    seed: int = 0,
    off_topic: float = 0.35,
    negations: float = 0.35,
    frames: float = 0.3,
    contrasts: float = 0.3,
    restated: float = 0.08,
    everyday: float = 0.12,
    question_form: float = 0.5,
    predictions: float = 0.0,
    necessities: float = 0.0,
    comparisons: float = 0.0,
    effects: float = 0.0,
    consequences: float = 0.0,
    max_words: int = 70,
) -> list[Example]:
    """The rows (with some questions put in yes/no form) plus derived pairs; see module doc.

    The rates are per original row: e.g. `negations=0.35` adds a negated copy of about 35% of
    the rows whose text can be negated safely.
    """
    rng = random.Random(seed)
    by_q: dict[str, dict[str, list[str]]] = {}
    for r in rows:
        by_q.setdefault(r.question, {}).setdefault(r.label, []).append(r.text)
    questions = sorted(by_q)
    topic = {q: _topic_words(q) for q in questions}
    asked = {q: as_question(q) for q in questions}
    out: list[Example] = []

    def ask(q: str) -> str:
        return asked[q] if asked[q] and rng.random() < question_form else q

    for r in rows:
        q = ask(r.question)
        out.append(Example(q, r.text, r.label, "original"))
        if r.label not in (SUPPORT, OPPOSE):
            continue
        n_words = len(r.text.split())
        if rng.random() < negations:
            neg = negate(r.text)
            if neg:
                out.append(Example(ask(r.question), neg, FLIP[r.label], "negation"))
        if rng.random() < negations / 3:
            negq = negate(r.question)
            if negq:
                out.append(Example(negq, r.text, FLIP[r.label], "negated_question"))
        if rng.random() < frames and n_words <= max_words:
            framed = _frame(r, rng)
            if framed:
                out.append(Example(ask(r.question), *framed, "frame"))
        other_side = by_q[r.question].get(FLIP[r.label], [])
        if other_side and rng.random() < contrasts:
            a = rng.choice(other_side)
            if len(a.split()) + n_words <= max_words:
                template = rng.choice(phrases.CONTRASTS)
                text = template.format(a=_lc(a), b=_lc(r.text), A=_sentence(a), B=_sentence(r.text))
                out.append(Example(ask(r.question), text, r.label, "contrast"))
        if rng.random() < off_topic and len(questions) > 1:
            for _ in range(8):
                other = questions[rng.randrange(len(questions))]
                if other != r.question and not (topic[other] & topic[r.question]):
                    out.append(Example(ask(other), r.text, NONE, "off_topic"))
                    break
        if rng.random() < restated and asked[r.question]:
            frame = rng.choice(phrases.RESTATE)
            out.append(Example(ask(r.question), frame.format(Q=asked[r.question]), NONE, "restated"))
    # pairs about invented things, each family at its rate (in this order: the draws are seeded)
    for rate, example, kind in (
        (predictions, phrases.prediction_example, "prediction"),
        (necessities, phrases.necessity_example, "necessity"),
        (comparisons, phrases.comparison_example, "comparison"),
        (effects, phrases.effect_example, "effect"),
        (consequences, phrases.consequence_example, "consequence"),
    ):
        for _ in range(int(rate * len(rows))):
            out.append(Example(*example(rng), kind))
    n_everyday = int(everyday * len(rows))
    for _ in range(n_everyday):
        q = questions[rng.randrange(len(questions))]
        out.append(Example(ask(q), phrases.everyday_sentence(rng), NONE, "everyday"))
    rng.shuffle(out)
    return out


def _frame(row: Example, rng: random.Random) -> tuple[str, str] | None:
    """(text, label) of the row's text inside a random frame, or None when the frame needs a
    negated text and none can be made."""
    template, effect = rng.choice(phrases.FRAMES)
    if "{neg}" in template:
        neg = negate(row.text)
        if not neg:
            return None
        text = template.format(neg=_lc(neg))
    else:
        text = template.format(x=_lc(row.text))
    if not text.endswith("?"):
        text = _sentence(text)
    return text, row.label if effect == "keep" else FLIP[row.label]


def _topic_words(question: str) -> set[str]:
    """Content words of a question (for picking a question of another topic)."""
    return {w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in phrases.COMMON_WORDS}


__all__ = ["FLIP", "NONE", "OPPOSE", "SUPPORT", "Example", "as_question", "augment", "negate"]
