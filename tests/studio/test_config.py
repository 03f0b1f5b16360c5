"""The labeling config generated from a codebook (no server needed)."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.errors import CodebookError
from annotator.models import Codebook, Question
from annotator.studio.adapter import prediction_errors, validate_config
from annotator.studio.config import (
    SPEAKER_CHECK,
    SPEAKER_FIX,
    build_config,
    control_name,
    labeling_config,
    question_of,
    questions_of_codebook,
    questions_of_config,
)
from tests.conftest import SEEDS

runner = CliRunner()


def _book(*questions: Question, labels: list[str] | None = None) -> Codebook:
    return Codebook(
        title="Test book",
        labels=labels or ["support", "oppose", "mixed", "neutral", "not_addressed"],
        questions=list(questions),
    )


def test_one_single_choice_block_per_question_with_the_codebook_labels(codebook):
    root = ElementTree.fromstring(build_config(codebook))
    blocks = {c.get("name"): c for c in root.iter("Choices")}
    assert set(blocks) == {control_name(q.id) for q in codebook.questions} | {SPEAKER_CHECK}
    for q in codebook.questions:
        block = blocks[control_name(q.id)]
        assert block.get("choice") == "single-radio" and block.get("toName") == "quote"
        assert [c.get("value") for c in block.iter("Choice")] == codebook.labels_for(q.id)
    headers = [h.get("value") for h in root.iter("Header")]
    assert all(q.text in headers for q in codebook.questions)


def test_config_shows_quote_speaker_context_article_and_speaker_fix(codebook):
    root = ElementTree.fromstring(build_config(codebook))
    values = {n.get("value") for n in root.iter() if n.get("value", "").startswith("$")}
    assert {"$text", "$speaker_line", "$context", "$article_html"} <= values
    assert [t.get("name") for t in root.iter("TextArea")] == [SPEAKER_FIX]


def test_config_is_deterministic_and_reads_back(codebook):
    xml = labeling_config(codebook)
    assert xml == labeling_config(codebook)
    assert questions_of_config(xml) == questions_of_codebook(codebook)


@pytest.mark.parametrize(
    "text, description",
    [
        ('Is "A & B" <better> than C?', None),
        ("Should it go on? 'Yes' or no", 'He said "no" & <left>'),
        ("Ünïcode — question, with “curly” quotes?", "Beschreibung: Größe"),
    ],
)
def test_question_text_is_escaped_and_still_valid(text, description):
    book = _book(Question(id="q.1-a", text=text, description=description))
    xml = build_config(book)  # LabelInterface validates it
    root = ElementTree.fromstring(xml)
    headers = [h.get("value") for h in root.iter("Header")]
    assert text in headers
    if description:
        assert description in headers


def test_per_question_labels():
    book = _book(
        Question(id="a", text="Question A?"),
        Question(id="b", text="Question B?", labels=["support", "oppose", "not_addressed"]),
    )
    got = questions_of_config(build_config(book))
    assert got.labels["a"] == book.labels
    assert got.labels["b"] == ["support", "oppose", "not_addressed"]
    assert got.check("b", "mixed") is not None and got.check("b", "oppose") is None
    assert "unknown question" in got.check("zz", "support")


@pytest.mark.parametrize(
    "control, expected",
    [
        ("stance_q1", "q1"),
        ("stance_a.b-c", "a.b-c"),
        ("stance_", None),
        (SPEAKER_CHECK, None),
        ("quote", None),
    ],
)
def test_question_of(control, expected):
    assert question_of(control) == expected


def test_label_interface_checks_predictions(codebook):
    xml = build_config(codebook)
    q = codebook.questions[0]
    good = {
        "result": [
            {
                "from_name": control_name(q.id),
                "to_name": "quote",
                "type": "choices",
                "value": {"choices": ["oppose"]},
            }
        ],
        "score": 0.5,
    }
    assert prediction_errors(xml, good) == []
    bad_label = {"result": [{**good["result"][0], "value": {"choices": ["maybe"]}}]}
    assert prediction_errors(xml, bad_label)
    bad_question = {"result": [{**good["result"][0], "from_name": "stance_nope"}]}
    assert prediction_errors(xml, bad_question)


def test_broken_config_is_rejected():
    from annotator.errors import StudioError

    with pytest.raises(StudioError, match="not valid for Label Studio"):
        validate_config('<View><Choices name="x" toName="nothing"><Choice value="a"/></Choices></View>')


def test_config_of_unrelated_project_is_refused():
    with pytest.raises(CodebookError, match="no stance questions"):
        questions_of_config(
            '<View><Text name="t" value="$t"/><Choices name="sentiment" toName="t">'
            '<Choice value="pos"/></Choices></View>'
        )


def test_cli_config_stdout_and_file(tmp_path, codebook):
    result = runner.invoke(app, ["studio", "config", "--codebook", str(SEEDS / "codebook.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stdout == build_config(codebook)
    out = tmp_path / "config.xml"
    result = runner.invoke(app, ["studio", "config", "-c", str(SEEDS / "codebook.yaml"), "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == build_config(codebook)


def test_cli_config_bad_codebook(tmp_path):
    bad = tmp_path / "book.yaml"
    bad.write_text("questions: []\n", encoding="utf-8")
    result = runner.invoke(app, ["studio", "config", "-c", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "questions" in result.stderr
