"""Test data for aggregation and export: Quote records built from the seed's reference
annotation (seeds/gold/seed_gold.json), with stances from the gold's first labels.

This is data for testing the matrix and the exports, not a stand-in for the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.ingest import read_text_file
from annotator.models import (
    NOT_ADDRESSED,
    Article,
    Codebook,
    Expert,
    Question,
    Quote,
    StancePrediction,
    quote_id,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "gold" / "seed_gold.json"


def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def seed_article(
    url: str | None = "https://news.example.org/seed-article", published: str | None = "2025-02-27"
) -> Article:
    ref = gold()
    art = read_text_file(ROOT / "seeds" / ref["article"])
    return art.model_copy(update={"url": url, "published": published})


def seed_codebook() -> Codebook:
    ref = gold()
    return Codebook(
        title="Seed questions",
        version="test",
        labels=ref["labels"],
        questions=[Question(id=q["id"], text=q["text"]) for q in ref["questions"]],
    )


def seed_experts() -> list[Expert]:
    return [Expert(is_expert=True, **e) for e in gold()["experts"]]


def seed_quotes(article_id: str | None = None, with_others: bool = True) -> list[Quote]:
    """Expert quotes with the gold's first label on every question (not listed:
    not_addressed), and, with `with_others`, the non-expert quotes (no stances)."""
    ref = gold()
    article_id = article_id or Path(ref["article"]).stem
    experts = {e["id"]: e for e in ref["experts"]}
    questions = [q["id"] for q in ref["questions"]]
    out = []
    for n, g in enumerate(ref["expert_quotes"]):
        e = experts[g["speaker"]]
        stances = {}
        for qid in questions:
            label = g["stances"].get(qid, [NOT_ADDRESSED])[0]
            conf = 0.6 if label == NOT_ADDRESSED else 0.7 + (n % 3) / 10
            stances[qid] = StancePrediction(label=label, confidence=conf, model_version="gold-test")
        out.append(
            Quote(
                id=quote_id(article_id, g["start"], g["end"]),
                article_id=article_id,
                start=g["start"],
                end=g["end"],
                text=g["text"],
                kind=g["kind"],
                speaker=e["name"],
                speaker_id=e["id"],
                speaker_is_expert=True,
                role=e["role"],
                organisation=e["organisation"],
                cue=g["cue"],
                attribution=g["attribution"],
                stances=stances,
            )
        )
    if with_others:
        for g in ref["other_quotes"]:
            group = g["speaker"].startswith("unnamed")
            out.append(
                Quote(
                    id=quote_id(article_id, g["start"], g["end"]),
                    article_id=article_id,
                    start=g["start"],
                    end=g["end"],
                    text=g["text"],
                    kind=g["kind"],
                    speaker=g["speaker"],
                    speaker_id=None if group else g["speaker"].lower().replace(" ", "-"),
                    attribution="group" if group else "name",
                    cue=g["cue"],
                    speaker_is_expert=False,
                )
            )
    return sorted(out, key=lambda q: q.start)
