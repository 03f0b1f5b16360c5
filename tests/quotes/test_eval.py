"""The project's floors, scored with the shared scorer (../shared/eval/score_quotes.py):
the seed article, and the PolNeAR dev articles (skipped when ../shared is absent, except
under CI=true)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from annotator.ingest import iter_articles
from annotator.io import write_jsonl
from annotator.quotes import People, find_quotes
from tests.conftest import SEEDS, SHARED, need


def _scorer():
    path = SHARED / "eval" / "score_quotes.py"
    need(path.is_file(), f"{path} not found; set ANNOTATOR_SHARED")
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _predict(corpus, out, people=None):
    people = people if people is not None else People()
    write_jsonl(out, (q for art in iter_articles([corpus]) for q in find_quotes(art, people)))
    return out


@pytest.mark.parametrize("registry", [None, SEEDS / "experts.yaml"], ids=["no registry", "seed registry"])
def test_seed_reaches_the_floor(tmp_path, registry):
    scorer = _scorer()
    gold = SEEDS / "gold" / "seed_quotes.jsonl"
    people = People.load(registry) if registry else People()
    pred = _predict(gold, tmp_path / "pred.jsonl", people)
    result = scorer.score(str(gold), str(pred))
    assert result["end_to_end_f1"] >= 0.95, result
    assert result["speaker_accuracy_on_matched"] >= 0.95, result


def test_seed_reports_no_scare_quote(tmp_path):
    reference = json.loads((SEEDS / "gold" / "seed_gold.json").read_text(encoding="utf-8"))
    article = next(iter_articles([SEEDS / "gold" / "seed_quotes.jsonl"]))
    quotes = find_quotes(article)
    for bad in reference["not_quotes"]:
        assert not [q for q in quotes if q.start < bad["end"] and bad["start"] < q.end], bad["text"]


def test_seed_experts_are_found_with_roles():
    reference = json.loads((SEEDS / "gold" / "seed_gold.json").read_text(encoding="utf-8"))
    article = next(iter_articles([SEEDS / "gold" / "seed_quotes.jsonl"]))
    quotes = find_quotes(article)
    experts = {q.speaker_id: q for q in quotes if q.speaker_is_expert}
    assert set(experts) == {e["id"] for e in reference["experts"]}
    for e in reference["experts"]:
        assert experts[e["id"]].organisation == e["organisation"]


@pytest.mark.slow
def test_polnear_dev_reaches_the_floors(tmp_path):
    scorer = _scorer()
    corpus = SHARED / "data" / "attribution" / "polnear_dev.jsonl"
    need(corpus.is_file(), f"{corpus} not found")
    pred = _predict(corpus, tmp_path / "pred.jsonl")
    result = scorer.score(str(corpus), str(pred))
    assert result["quote_f1"] >= 0.655, result
    assert result["speaker_accuracy_on_matched"] >= 0.89, result
    assert result["recall_by_kind"]["direct"] >= 0.93, result
