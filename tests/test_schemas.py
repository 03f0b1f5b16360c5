import json

import pytest
from pydantic import ValidationError

from annotator import schemas
from annotator.models import SCHEMA_MODELS, Codebook, Question, Quote, quote_id


def test_schema_files_are_current():
    assert schemas.stale() == [], "schemas/ is stale: run `python -m annotator.schemas`"


def test_stale_detects_a_changed_file(tmp_path):
    schemas.write(tmp_path)
    assert schemas.stale(tmp_path) == []
    victim = tmp_path / "quote.schema.json"
    victim.write_text(victim.read_text().replace('"end"', '"finish"'))
    assert schemas.stale(tmp_path) == ["quote.schema.json"]


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_every_schema_is_valid_json_with_required_contract_fields(name):
    data = json.loads((schemas.SCHEMA_DIR / f"{name}.schema.json").read_text())
    assert data["$id"] == f"{name}.schema.json"
    assert data["type"] == "object"


def test_quote_contract_fields_present():
    props = Quote.model_json_schema()["properties"]
    for field in (
        "article_id",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_id",
        "cue",
        "attribution",
        "confidence",
        "stances",
    ):
        assert field in props


def test_quote_id_is_stable_and_span_specific():
    assert quote_id("a", 1, 5) == quote_id("a", 1, 5)
    assert quote_id("a", 1, 5) != quote_id("a", 1, 6)
    assert quote_id("a", 1, 5) != quote_id("b", 1, 5)


def test_models_are_frozen_and_strict():
    q = Quote(id="q", article_id="a", start=0, end=3, text="abc", kind="direct")
    with pytest.raises(ValidationError, match="frozen"):
        q.start = 2
    with pytest.raises(ValidationError, match="colour"):
        Quote(id="q", article_id="a", start=0, end=3, text="abc", kind="direct", colour="red")
    with pytest.raises(ValidationError, match="before its start"):
        Quote(id="q", article_id="a", start=5, end=3, text="", kind="direct")


def test_codebook_rejects_repeated_ids_and_unknown_labels():
    q = Question(id="q1", text="Should it happen?")
    with pytest.raises(Exception, match="unique"):
        Codebook(questions=[q, q])
    with pytest.raises(Exception, match="not in the codebook labels"):
        Codebook(questions=[Question(id="q2", text="Is it so?", cues={"maybe": ["x"]})])
    assert Codebook(questions=[q]).digest == Codebook(questions=[q]).digest
