"""The records the extraction passes hand to each other: quotation spans, sentences,
speaker mentions and raw quote candidates (before speakers are resolved).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class QSpan:
    """A span between quotation marks (marks included)."""

    start: int
    end: int
    speech: bool
    unclosed: bool = False
    used: bool = False


@dataclass(slots=True)
class Mention:
    """The words naming a speaker at one quote."""

    start: int
    end: int
    text: str
    kind: str  # name | pronoun | group | np
    appositive: str | None = None
    app_start: int | None = None


@dataclass(slots=True)
class Raw:
    """A quote candidate before speakers are resolved."""

    start: int
    end: int
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    mention: Mention | None = None
    how: str = "frame"  # frame | continuation | none
    group: str | None = None
    sent_start: int = 0
    sent_end: int = 0
    para: int = 0
    sent: int = 0  # index of the sentence the quote starts in
    inherit_raw: Raw | None = None  # the quote whose speaker this one continues


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
