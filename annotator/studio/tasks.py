"""Label Studio tasks from quotes: the task data the labeling config shows, and the model's
stances as a prediction (model_version, score) that the reviewer sees pre-selected; or, for a
blind review (`blind=True`), no prediction and nothing of the model's in the task data (the
reviewer cannot see it in the data manager either), marked `"blind": true`.

Each task carries a stable `task_hash` (quote id + codebook digest): pushing the same quotes
with the same codebook again finds the hash and imports nothing twice. Tasks are ordered
most uncertain first (lowest model confidence), so reviewers start where they help most.
"""

from __future__ import annotations

import hashlib
import html
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from annotator.io import Reporter
from annotator.models import Article, Codebook, Quote
from annotator.studio import adapter
from annotator.studio.config import QUOTE_OBJECT, build_config, control_name

UNKNOWN_SPEAKER = "(speaker unknown)"
DEFAULT_MODEL_VERSION = "unversioned"


def task_hash(quote_id: str, codebook: Codebook) -> str:
    """Stable task key: the same quote under the same codebook always gives the same hash."""
    return hashlib.sha1(f"{quote_id}\x00{codebook.digest}".encode()).hexdigest()[:20]


def speaker_line(q: Quote) -> str:
    """'Name, role, organisation (model's attribution)' as shown above the quote."""
    who = q.speaker or UNKNOWN_SPEAKER
    extra = ", ".join(x for x in (q.role, q.organisation) if x)
    return f"Speaker: {who}" + (f", {extra}" if extra else "")


def article_html(article_id: str, article: Article | None) -> str:
    """The article reference as safe HTML: a link when the article has an http(s) url."""
    title = (article.title if article and article.title else None) or article_id
    label = html.escape(title)
    bits = []
    if article is not None and article.outlet:
        bits.append(html.escape(article.outlet))
    if article is not None and article.published:
        bits.append(html.escape(article.published))
    meta = f" ({', '.join(bits)})" if bits else ""
    url = article.url if article is not None else None
    if url and url.lower().startswith(("http://", "https://")):
        return (
            f'Article: <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f"{label}</a>{meta}"
        )
    return f"Article: {label}{meta}"


def model_version_of(q: Quote) -> str:
    versions = [p.model_version for p in (q.stances or {}).values() if p.model_version]
    return Counter(versions).most_common(1)[0][0] if versions else DEFAULT_MODEL_VERSION


def certainty(q: Quote) -> float | None:
    """The model's certainty about a quote: its lowest confidence over the questions."""
    if not q.stances:
        return None
    return round(min(p.confidence for p in q.stances.values()), 4)


def prediction(q: Quote, codebook: Codebook) -> dict | None:
    """The model's stances as one Label Studio prediction, in codebook question order."""
    if not q.stances:
        return None
    result = []
    for question in codebook.questions:
        pred = q.stances.get(question.id)
        if pred is None or pred.source != "model":
            continue
        result.append(
            {
                "from_name": control_name(question.id),
                "to_name": QUOTE_OBJECT,
                "type": "choices",
                "value": {"choices": [pred.label]},
            }
        )
    if not result:
        return None
    return {"model_version": model_version_of(q), "score": certainty(q), "result": result}


def fit_problems(q: Quote, codebook: Codebook) -> list[str]:
    """Stances of a quote that do not fit the codebook (unknown question or label)."""
    problems = []
    known = {x.id for x in codebook.questions}
    for qid, pred in (q.stances or {}).items():
        if qid not in known:
            problems.append(f"unknown question '{qid}'")
        elif pred.label not in codebook.labels_for(qid):
            problems.append(
                f"label '{pred.label}' is not one of {', '.join(codebook.labels_for(qid))} "
                f"for question '{qid}'"
            )
    return problems


def build_task(q: Quote, codebook: Codebook, article: Article | None = None, blind: bool = False) -> dict:
    """One importable task: {"data": {...}, "predictions": [...]} (no check; see build_tasks);
    blind: no prediction and no model label, version or certainty in the data."""
    data: dict[str, Any] = {
        "task_hash": task_hash(q.id, codebook),
        "codebook_digest": codebook.digest,
        "quote_id": q.id,
        "article_id": q.article_id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "context": q.context or q.text,
        "speaker": q.speaker,
        "speaker_id": q.speaker_id,
        "role": q.role,
        "organisation": q.organisation,
        "speaker_line": speaker_line(q),
        "article_title": article.title if article else None,
        "article_url": article.url if article else None,
        "article_html": article_html(q.article_id, article),
        "model_labels": {k: v.label for k, v in (q.stances or {}).items() if v.source == "model"},
        "model_version": model_version_of(q) if q.stances else None,
        "certainty": certainty(q),
    }
    if blind:
        for key in ("model_labels", "model_version", "certainty"):
            del data[key]
        data["blind"] = True
        return {"data": data}
    task: dict[str, Any] = {"data": data}
    pred = prediction(q, codebook)
    if pred is not None:
        task["predictions"] = [pred]
    return task


def _order_key(task: dict, c: float | None) -> tuple:
    return (-1.0 if c is None else c, task["data"]["article_id"], task["data"]["start"], task["data"]["end"])


def build_tasks(
    quotes: Iterable[Quote],
    codebook: Codebook,
    articles: Mapping[str, Article] | None = None,
    reporter: Reporter | None = None,
    config: str | None = None,
    blind: bool = False,
) -> list[dict]:
    """Tasks for the quotes, most uncertain first (no stances at all counts as most uncertain);
    `blind`: without the model's proposals (see the module doc).

    A quote whose stances do not fit the codebook, or whose prediction Label Studio's
    LabelInterface rejects, is reported (`reporter.skip`) and left out; a repeated quote id
    is pushed once."""
    reporter = reporter or Reporter()
    articles = articles or {}
    config = config or build_config(codebook)
    seen: set[str] = set()
    tasks = []
    for q in quotes:
        if q.id in seen:
            reporter.warn(f"quote {q.id} appears more than once; pushed once")
            continue
        seen.add(q.id)
        problems = [] if blind else fit_problems(q, codebook)
        task = build_task(q, codebook, articles.get(q.article_id), blind)
        for pred in task.get("predictions", []):
            problems += adapter.prediction_errors(config, pred)
        if problems:
            reporter.skip(
                f"quote {q.id} ({q.article_id} {q.start}-{q.end}): its stances do not fit the codebook "
                f"({'; '.join(problems)}); not pushed; predict again with this codebook"
            )
            continue
        tasks.append((_order_key(task, certainty(q)), task))
    tasks.sort(key=lambda kt: kt[0])
    return [t for _, t in tasks]


def project_model_version(tasks: Iterable[dict]) -> str | None:
    """The model version most tasks' predictions carry (the project's model_version, so that
    Label Studio records which prediction each reviewer saw)."""
    versions = Counter(p["model_version"] for t in tasks for p in t.get("predictions", []))
    return versions.most_common(1)[0][0] if versions else None
