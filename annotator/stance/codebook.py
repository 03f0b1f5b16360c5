"""Codebooks: a journalist's key questions, read from YAML or JSON.

A codebook holds what is written BEFORE reading the quotes: each question as the journalist
asks it, a description, its target, what "support" means (direction "for" or "against" the
target), general topic keywords and cue words, and the label set. It never holds answers.

    title: City transport
    labels: [support, oppose, mixed, neutral, not_addressed]   # optional, this is the default
    questions:
      - id: car_free_centre
        text: Should the city ban cars from its centre?
        target: banning cars from the city centre
        direction: for            # support = for the target (default)
        keywords: [car ban, traffic, pedestrian zone]
        cues: {oppose: [unaffordable]}

`load_codebook(path)` raises CodebookError naming the file, the question and the field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from annotator.errors import CodebookError
from annotator.models import Codebook, Question

QUESTION_FIELDS = tuple(Question.model_fields)
CODEBOOK_FIELDS = tuple(Codebook.model_fields)


class _Yaml12Bools(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false are booleans; yes, no, on and off
    stay words (`labels: [yes, no]` means the labels "yes" and "no", as a journalist means)."""


_Yaml12Bools.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Bools.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read(path: Path) -> Any:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CodebookError(f"{path}: no such codebook file; check the path") from None
    except IsADirectoryError:
        raise CodebookError(f"{path}: is a folder; pass the codebook's .yaml or .json file") from None
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: not UTF-8 text; re-save the codebook as UTF-8") from None
    if not raw.strip():
        raise CodebookError(f"{path}: the codebook is empty; add a `questions:` list")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(raw)
        except json.JSONDecodeError as e:
            raise CodebookError(
                f"{path}: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})"
            ) from None
    try:
        return yaml.load(raw, Loader=_Yaml12Bools)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise CodebookError(f"{path}: not valid YAML ({problem}{where})") from None


def _describe(err: ValidationError, prefix: str) -> str:
    parts = []
    for e in err.errors()[:3]:
        loc = ".".join(str(x) for x in e.get("loc", ()))
        msg = e.get("msg", "invalid")
        if e.get("type") == "extra_forbidden":
            allowed = QUESTION_FIELDS if prefix.startswith("question") else CODEBOOK_FIELDS
            msg = f"unknown field (allowed: {', '.join(allowed)})"
        elif e.get("type") == "literal_error" and loc.endswith("direction"):
            msg = "must be 'for' or 'against'"
        parts.append(f"{prefix}field '{loc}': {msg}" if loc else f"{prefix}{msg}")
    return "; ".join(parts)


def parse_codebook(data: Any, where: str = "codebook") -> Codebook:
    """Validate already-parsed codebook data (a dict) and return the Codebook."""
    if isinstance(data, list):
        data = {"questions": data}
    if not isinstance(data, dict):
        raise CodebookError(
            f"{where}: expected a mapping with a `questions:` list, got {type(data).__name__}"
        )
    _check_labels(data.get("labels"), where, "labels")
    questions = data.get("questions")
    if questions is None:
        raise CodebookError(
            f"{where}: missing `questions:`; list the key questions, each with an id and text"
        )
    if not isinstance(questions, list) or not questions:
        raise CodebookError(f"{where}: `questions` must be a non-empty list of questions")
    parsed = []
    for n, q in enumerate(questions, 1):
        qid = q.get("id") if isinstance(q, dict) else None
        label = f"question {n}" + (f" ('{qid}')" if qid else "")
        if not isinstance(q, dict):
            raise CodebookError(
                f"{where}: {label}: expected a mapping with id and text, got {type(q).__name__}"
            )
        _check_labels(q.get("labels"), where, f"{label}: labels")
        for key in ("keywords",):
            value = q.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):  # "a, b c", 2030
                q = {**q, key: [w.strip() for w in str(value).split(",") if w.strip()]}
        try:
            parsed.append(Question.model_validate(q))
        except ValidationError as e:
            raise CodebookError(f"{where}: {_describe(e, label + ': ')}") from None
    try:
        return Codebook.model_validate({**data, "questions": [p.model_dump() for p in parsed]})
    except ValidationError as e:
        msgs = []
        for err in e.errors()[:3]:
            loc = ".".join(str(x) for x in err.get("loc", ()))
            msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            if err.get("type") == "extra_forbidden":
                msg = f"unknown field (allowed: {', '.join(CODEBOOK_FIELDS)})"
            msgs.append(f"field '{loc}': {msg}" if loc else msg)
        raise CodebookError(f"{where}: {'; '.join(msgs)}") from None


def _check_labels(labels: Any, where: str, field: str) -> None:
    """Labels are words: a YAML boolean or number among them gets a message that says why."""
    if not isinstance(labels, list):
        return
    for lab in labels:
        if isinstance(lab, bool):
            raise CodebookError(
                f"{where}: {field}: {str(lab).lower()} is read by YAML as a true/false value, not a "
                f'label; put it in quotes (labels: ["{str(lab).lower()}", ...]) or use another word'
            )
        if isinstance(lab, (int, float)):
            raise CodebookError(
                f'{where}: {field}: {lab} is a number, not a label; put it in quotes (labels: ["{lab}", ...])'
            )


def load_codebook(path: Path | str) -> Codebook:
    """Read and validate a YAML or JSON codebook; CodebookError says which question and field."""
    path = Path(path)
    return parse_codebook(_read(path), str(path))


def query_terms(question: Question) -> tuple[list[str], list[str]]:
    """Words that show a text is on this question: (main terms from the question and target,
    extra terms from keywords and the description)."""
    main = [question.text] + ([question.target] if question.target else [])
    extra = list(question.keywords) + ([question.description] if question.description else [])
    return main, extra


__all__ = ["load_codebook", "parse_codebook", "query_terms"]
