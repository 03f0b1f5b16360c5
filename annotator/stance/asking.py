"""How the stance engine is asked a codebook question: a bare topic as a question of support
(`topic_question`), a question worded against its target in its positive form with the sides
read back (`AGAINST_TARGET`, `other_side`), and a harm in the words the engine reads best
(`engine_question`). `ask` does all three. The question is shown and stored as written."""

from __future__ import annotations

import re

#: a question worded with a harm the engine reads worse than "hurt" ("Would a ban put students
#: at risk?", "Would the dam endanger the salmon?"): on invented probes it read "A ban could
#: hurt students" as *oppose* on the first wording and *support* on "Would a ban hurt students?"
_RISK_QUESTION_RE = re.compile(
    r"\bput(?P<s>s?)\s+(?P<x>[^?.,;]{1,60}?)\s+at\s+(?:greater\s+|serious\s+|more\s+|real\s+|undue\s+)?risk\b"
    r"(?!\s+of\b)"  # "at risk of flooding": a named harm, asked as written
)
_ENDANGER_RE = re.compile(r"\b(?:endanger|jeopardi[sz]e|imperil|threaten)(?P<s>s?)\b(?!\s+to\b)")
#: the words between "pose" and "risk": "pose a serious risk to", "pose a real health risk"
_RISK_ADJ = r"(?:an?\s+)?(?:serious\s+|real\s+|significant\s+|grave\s+|major\s+|genuine\s+|growing\s+)?"
_POSE_RISK_RE = re.compile(rf"\bpose(?P<s>s?)\s+{_RISK_ADJ}(?:risk|threat|danger)\s+to\b")
_BAD_FOR_RE = re.compile(r"\b(?:harmful|damaging|detrimental|hurtful)\s+(?:to|for)\b")
#: a named risk to health or safety: "Do blowers pose a real health risk?" is asked as "Do
#: blowers hurt people's health?", "Is the bridge a safety hazard?" as "Is the bridge bad for
#: people's safety?" (on invented probes the engine read "Blowers damage hearing" as *oppose*
#: on the first wording)
_POSE_NAMED_RISK_RE = re.compile(
    rf"\bpose(?P<s>s?)\s+{_RISK_ADJ}(?P<n>health|safety|public[\s-]health|public\s+safety)\s+"
    r"(?:risks?|threats?|hazards?|dangers?)\b"
)
_NAMED_RISK_RE = re.compile(
    rf"\b{_RISK_ADJ}(?P<n>health|safety|public[\s-]health|public\s+safety)\s+(?:risks?|threats?|hazards?|dangers?)\b"
    r"(?!\s+(?:of|for|to)\b)"
)


def _whose(named: str) -> str:
    """ "health" -> "people's health"; "public-health" -> "public health"."""
    named = " ".join(named.replace("-", " ").split())
    return named if named.startswith("public") else f"people's {named}"


def engine_question(question: str) -> str:
    """The question as the engine is asked it: a harm worded as "put X at risk", "endanger",
    "threaten" or "pose a risk to" is asked as "hurt", "pose a health risk" as "hurt people's
    health", "a safety hazard" as "bad for people's safety", and "harmful to" as "bad for", which
    the engine reads best. The journalist's question is shown and stored as
    written."""
    if "risk" in question or "threat" in question or "hazard" in question or "danger" in question:
        question = _RISK_QUESTION_RE.sub(lambda m: "hurt" + m.group("s") + " " + m.group("x"), question)
        question = _POSE_RISK_RE.sub(lambda m: "hurt" + m.group("s"), question)
        question = _POSE_NAMED_RISK_RE.sub(lambda m: f"hurt{m.group('s')} {_whose(m.group('n'))}", question)
        question = _NAMED_RISK_RE.sub(lambda m: f"bad for {_whose(m.group('n'))}", question)
    if "harmful" in question or "damaging" in question or "detrimental" in question or "hurtful" in question:
        question = _BAD_FOR_RE.sub("bad for", question)  # "Is X harmful to Y?": "Is X bad for Y?"
    if "endanger" in question or "jeopardi" in question or "imperil" in question or "threaten" in question:
        question = _ENDANGER_RE.sub(lambda m: "hurt" + m.group("s"), question)
    return question


#: a question worded against its target, and the same question worded for it: "Is the
#: stadium a waste of money?" is asked as "Is the stadium worth the money?" and the engine's
#: support and oppose are swapped back. On invented probes the engine read 5 of 12 against-worded
#: questions right and 11 of 12 of their positive forms.
AGAINST_TARGET: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:a\s+|just\s+a\s+)?waste\s+of\s+"
            r"(?P<what>money|time|resources|(?:public|taxpayers['’]|the\s+taxpayers['’])\s+money)\b"
        ),
        r"worth the \g<what>",
    ),
    (re.compile(r"\btoo\s+(?:expensive|costly)\b"), "affordable"),
    (
        re.compile(r"\ban?\s+(?:big\s+|huge\s+|serious\s+|costly\s+)?(?:mistake|error)\b"),
        "the right decision",
    ),
    (re.compile(r"\b(?:being\s+)?(?:overblown|exaggerated|overstated|overhyped)\b"), "real"),
)


def other_side(label: str) -> str:
    """support <-> oppose; any other label as it is (a flipped question's answer read back)."""
    return {"support": "oppose", "oppose": "support"}.get(label, label)


#: a verb that makes a question or claim of a phrase ("should", "is", "will", ...)
_FINITE_RE = re.compile(
    r"\b(?:should|shall|is|are|was|were|will|would|can|could|must|do|does|did|has|have|had|may|might|ought|be)\b",
    re.IGNORECASE,
)


def topic_question(question: str) -> str:
    """A bare topic ("online learning", "the wealth tax", "declawing cats"): no question mark,
    six words or fewer, no verb that makes it a claim, no full stop. The engine, trained on
    questions and claims, reads the sides of a bare topic poorly; it is asked "Do you support
    online learning?" (on VAST's topics macro-F1 0.562 -> 0.5999, pro/con unchanged).
    Anything else as it is."""
    q = question.strip()
    if not q or "?" in q or q.endswith(".") or len(q.split()) > 6 or _FINITE_RE.search(q):
        return question
    return f"Do you support {q}?"


def ask(question: str) -> tuple[str, bool]:
    """The question the engine is asked, and whether its support and oppose must be swapped
    back: a bare topic as a question (`topic_question`); a question worded against its target
    (`AGAINST_TARGET`) in its positive form; then `engine_question`'s harm wording."""
    question = topic_question(question)
    flipped = False
    for rx, positive in AGAINST_TARGET:
        new = rx.sub(positive, question, count=1)
        if new != question:
            question, flipped = new, True
            break
    return engine_question(question), flipped
