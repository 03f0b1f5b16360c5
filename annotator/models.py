"""The project's data records: small, frozen pydantic models.

These are the contracts between stages (see README "Data contracts"). JSON Schema files in
schemas/ are generated from them with `python -m annotator.schemas` and a test fails when
they are stale. Add fields freely; never rename or drop the contract fields.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DEFAULT_LABELS: tuple[str, ...] = ("support", "oppose", "mixed", "neutral", "not_addressed")
NOT_ADDRESSED = "not_addressed"

LABEL_WORDS = {
    "support": "Support",
    "oppose": "Oppose",
    "mixed": "Mixed",
    "neutral": "Neutral",
    NOT_ADDRESSED: "Not addressed",
}


def label_word(label: str) -> str:
    """A label as people read it: "not_addressed" -> "Not addressed"."""
    return LABEL_WORDS.get(label) or (label.replace("_", " ").strip().capitalize() or label)


QuoteKind = Literal["direct", "indirect", "mixed"]
Attribution = Literal["name", "surname", "title", "description", "pronoun", "continuation", "group", "none"]
LabelSource = Literal["model", "annotator", "rule"]


class Record(BaseModel):
    """Base for every record: frozen, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable quote id from the article id and the span (same input, same id, every run)."""
    digest = hashlib.sha1(f"{article_id}\x00{start}\x00{end}".encode()).hexdigest()[:12]
    return f"q_{digest}"


class Article(Record):
    """One article. `text` is the normalised text every offset points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or date-time")
    outlet: str | None = None
    source: str | None = Field(None, description="where the article was read from (path or path:line)")
    meta: dict = Field(default_factory=dict)


class Expert(Record):
    """A person (or group) who speaks in the articles; one canonical record across articles."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    organisation: str | None = None
    pronoun: Literal["he", "she", "they"] | None = None
    kind: Literal["person", "group", "organisation"] = "person"
    is_expert: bool = False
    articles: list[str] = Field(default_factory=list, description="ids of articles they speak in")
    quotes: int = Field(0, ge=0, description="how many quotes of theirs the run found")


class StancePrediction(Record):
    """A stance on one question: the label and how sure the source is."""

    label: str
    confidence: float = Field(ge=0.0, le=1.0)
    source: LabelSource = "model"
    model_version: str | None = None
    terms: list[str] | None = Field(
        None,
        description="the question's words or phrases found in the quote or its context (why it is on it)",
    )


class Quote(Record):
    """A quote in an article, attributed to a speaker. Offsets are Python string indices."""

    id: str
    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: QuoteKind
    speaker: str | None = Field(None, description="canonical name, or null when unknown")
    speaker_id: str | None = None
    speaker_mention: str | None = Field(None, description="the words naming the speaker at this quote")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_is_expert: bool = False
    role: str | None = None
    organisation: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    attribution: Attribution = "none"
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    group: str | None = Field(None, description="id shared by the parts of one quote split by its cue")
    context: str | None = Field(None, description="the sentence(s) around the quote, for stance and review")
    context_start: int | None = Field(None, ge=0, description="where `context` starts in the article")
    stances: dict[str, StancePrediction] | None = None

    @model_validator(mode="after")
    def _span(self) -> Quote:
        if self.end < self.start:
            raise ValueError(f"quote end {self.end} is before its start {self.start}")
        return self


def _number_as_text(value: Any) -> Any:
    """A number written where text is wanted (YAML reads `2030` or `version: 1` as numbers) as
    its text; anything else as it is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


class Question(Record):
    """One key question of a codebook, as the journalist writes it before reading the quotes."""

    @model_validator(mode="before")
    @classmethod
    def _numbers_as_text(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for key in ("id", "text", "short", "description", "target"):
            if key in data:
                data[key] = _number_as_text(data[key])
        if isinstance(data.get("keywords"), list):
            data["keywords"] = [_number_as_text(k) for k in data["keywords"]]
        if isinstance(data.get("cues"), dict):
            data["cues"] = {
                lab: [_number_as_text(w) for w in words] if isinstance(words, list) else words
                for lab, words in data["cues"].items()
            }
        return data

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    text: str = Field(min_length=3)
    short: str | None = Field(None, description="short column label")
    description: str | None = None
    target: str | None = Field(None, description="what the question is about, e.g. 'a ban on new seawalls'")
    direction: Literal["for", "against"] = Field(
        "for", description="'support' means being for the target ('for') or against it ('against')"
    )
    keywords: list[str] = Field(
        default_factory=list, description="words that show a quote is on this question"
    )
    cues: dict[str, list[str]] = Field(
        default_factory=dict, description="general cue words per label, e.g. {'oppose': ['risky']}"
    )
    labels: list[str] | None = Field(None, description="this question's label set, if not the codebook's")


class Codebook(Record):
    """A journalist's key questions and the label set."""

    title: str | None = None
    version: str | None = None
    labels: list[str] = Field(default_factory=lambda: list(DEFAULT_LABELS))
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _numbers_as_text(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(k in data for k in ("title", "version")):
            data = {**data, **{k: _number_as_text(data[k]) for k in ("title", "version") if k in data}}
        return data

    @model_validator(mode="after")
    def _check(self) -> Codebook:
        ids = [q.id for q in self.questions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(dupes)}")
        if NOT_ADDRESSED not in self.labels:
            raise ValueError(f"labels must include '{NOT_ADDRESSED}'")
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("labels must be unique")
        for q in self.questions:
            for lab in (q.labels or []) + list(q.cues):
                if lab not in self.labels:
                    raise ValueError(f"question '{q.id}': label '{lab}' is not in the codebook labels")
        return self

    def labels_for(self, question_id: str) -> list[str]:
        for q in self.questions:
            if q.id == question_id:
                return list(q.labels or self.labels)
        raise KeyError(question_id)

    @property
    def digest(self) -> str:
        """Content hash: changes whenever a question or label changes."""
        return hashlib.sha1(self.model_dump_json().encode()).hexdigest()[:12]


class ReviewedLabel(Record):
    """A human's label for one quote on one question (from Label Studio)."""

    quote_id: str
    article_id: str | None = Field(
        None, description="the quote's article (to match a label to a quote of a run)"
    )
    start: int | None = None
    end: int | None = None
    question: str
    label: str
    annotator: str
    created_at: str | None = None
    speaker: str | None = Field(None, description="speaker correction, where the reviewer made one")
    model_label: str | None = Field(None, description="the model's proposal the reviewer saw")
    blind: bool = Field(False, description="the reviewer saw no model proposal (a blind review)")
    model_version: str | None = None
    task_id: int | None = None
    annotation_id: int | None = None
    text: str | None = None


class Evidence(Record):
    """A quote behind a matrix cell."""

    quote_id: str
    article_id: str
    start: int
    end: int
    text: str
    label: str
    confidence: float
    source: LabelSource = "model"
    kind: QuoteKind | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    annotators: list[str] = Field(default_factory=list)
    model_label: str | None = Field(None, description="the model's label, kept beside a reviewer's")
    disputed: bool = Field(False, description="reviewers gave this quote different labels")
    reviews: dict[str, str] = Field(
        default_factory=dict, description="each reviewer's label: annotator -> label"
    )
    context: str | None = Field(None, description="the sentence before the quote and the quote's sentence(s)")
    context_start: int | None = Field(None, ge=0, description="where `context` starts in the article")
    terms: list[str] = Field(
        default_factory=list, description="the question's words or phrases that made the quote relevant"
    )


class Cell(Record):
    """One expert x question cell of the comparison matrix."""

    expert: str
    expert_id: str | None
    question: str
    stance: str
    confidence: float = Field(ge=0.0, le=1.0)
    reviewed: bool = False
    disputed: bool = False
    role: str | None = None
    organisation: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Pair(Record):
    """A question/text pair for `annotator stance --pairs`."""

    id: str
    question: str
    text: str


class PairPrediction(Record):
    id: str
    stance: str
    confidence: float = Field(ge=0.0, le=1.0)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "quote": Quote,
    "expert": Expert,
    "stance_prediction": StancePrediction,
    "question": Question,
    "codebook": Codebook,
    "reviewed_label": ReviewedLabel,
    "evidence": Evidence,
    "cell": Cell,
    "pair": Pair,
    "pair_prediction": PairPrediction,
}
