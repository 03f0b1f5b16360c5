"""Agreement and disagreements: hand-worked values, cleaning rules, the CLI and bad input.

The fixture tests/data/agreement/reviewed.jsonl holds two invented questions:

q1: two annotators (ann, ben), ten items, no missing rating
    item   1 2 3 4 5 6 7 8 9 10
    ann    S S S S O O O N N S
    ben    S S S O O O N N N O
q2: three annotators (ann, ben, cat) with missing ratings; the model's proposal per item
    item   u1 u2 u3 u4 u5 u6 u7
    ann    S  S  O  N  S  .  O
    ben    S  O  O  .  S  N  .
    cat    S  .  O  N  O  .  N
    model  S  S  O  O  S  N  N
plus an earlier 'oppose' by ann on u1 (listed after her later 'support': the later
created_at must win) and an empty label by cat on u6 (dropped).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator import agreement as agr
from annotator.cli import app
from annotator.disagreements import find_disagreements
from annotator.errors import InputError
from annotator.models import ReviewedLabel

DATA = Path(__file__).parent / "data" / "agreement"
REVIEWED = DATA / "reviewed.jsonl"
BAD_LINES = DATA / "bad_lines.jsonl"

runner = CliRunner()


def lab(
    item: str,
    annotator: str,
    label: str,
    question: str = "q",
    created_at: str | None = None,
    model_label: str | None = None,
) -> ReviewedLabel:
    return ReviewedLabel(
        quote_id=item,
        article_id="a",
        start=0,
        end=1,
        question=question,
        label=label,
        annotator=annotator,
        created_at=created_at,
        model_label=model_label,
        text=f"quote {item}",
    )


def table_labels(rows: dict[str, str], question: str = "q") -> list[ReviewedLabel]:
    """rows: annotator -> one character per item (S/O/N, '.' for missing)."""
    names = {"S": "support", "O": "oppose", "N": "neutral", "M": "mixed"}
    return [
        lab(f"i{j}", ann, names[c], question)
        for ann, cells in rows.items()
        for j, c in enumerate(cells)
        if c != "."
    ]


@pytest.fixture(scope="module")
def report() -> agr.AgreementReport:
    return agr.compute(agr.read_labels(REVIEWED))


# --------------------------------------------------------------------------- hand-worked values

# q1, Cohen's kappa by hand:
#   observed agreement p_o = 7/10 (items 1,2,3,5,6,8,9 agree)
#   marginals ann S=5 O=3 N=2, ben S=3 O=4 N=3
#   chance p_e = (5*3 + 3*4 + 2*3) / 100 = 33/100
#   kappa = (0.70 - 0.33) / (1 - 0.33) = 37/67 = 0.552239
KAPPA_Q1 = 37 / 67
# q1, Krippendorff's alpha by hand (nominal, 2 coders, 20 pairable values):
#   coincidences: S-S 6, O-O 4, N-N 4, S-O 2, O-S 2, O-N 1, N-O 1 ; n_S=8 n_O=7 n_N=5, n=20
#   D_o = (2+2+1+1)/20 = 6/20 ; D_e = (20^2 - (64+49+25)) / (20*19) = 262/380
#   alpha = 1 - (6/20)/(262/380) = 1 - 114/262 = 148/262 = 0.564885
ALPHA_Q1 = 148 / 262
# q2, Krippendorff's alpha by hand from the coincidence matrix (u6 has one rating: not pairable):
#   u1 S,S,S (m=3): S-S += 6/2 = 3      u2 S,O (m=2): S-O += 1, O-S += 1
#   u3 O,O,O (m=3): O-O += 3            u4 N,N (m=2): N-N += 2
#   u5 S,S,O (m=3): S-S += 2/2, S-O += 2/2, O-S += 2/2
#   u7 O,N (m=2): O-N += 1, N-O += 1
#          S  O  N   | n_c
#     S    4  2  0   | 6
#     O    2  3  1   | 6
#     N    0  1  2   | 3       n = 15
#   D_o = (2+2+1+1)/15 = 6/15 ; D_e = (15^2 - (36+36+9)) / (15*14) = 144/210
#   alpha = 1 - (6/15)/(144/210) = 1 - 1260/2160 = 5/12 = 0.416667
ALPHA_Q2 = 5 / 12
# overall: both coincidence matrices added: S [10 4 0] O [4 7 2] N [0 2 6]; n_S=14 n_O=13 n_N=8, n=35
#   D_o = 12/35 ; D_e = (35^2 - (196+169+64)) / (35*34) = 796/1190
#   alpha = 1 - (12/35)/(796/1190) = 1 - 14280/27860 = 97/199 = 0.487437
ALPHA_ALL = 97 / 199
# model vs the humans' majority on q2 (u2, u7 tie: left out):
#   u1 S/S  u3 O/O  u4 N/O  u5 S/S  u6 N/N  -> accuracy 4/5
#   F1: S P=2/2 R=2/2 -> 1 ; O P=1/2 R=1/1 -> 2/3 ; N P=1/1 R=1/2 -> 2/3 ; macro = 7/9
MACRO_F1_Q2 = 7 / 9


def test_two_annotator_kappa_and_alpha(report):
    q1 = report.questions["q1"]
    assert (q1.items, q1.annotators, q1.multi_rated_items, q1.agreed_items) == (10, 2, 10, 7)
    assert q1.percent_agreement == pytest.approx(0.7)
    assert q1.cohen_kappa == pytest.approx(KAPPA_Q1)
    assert q1.kappa_items == 10
    assert q1.krippendorff_alpha == pytest.approx(ALPHA_Q1)


def test_three_annotators_with_missing_ratings(report):
    q2 = report.questions["q2"]
    assert (q2.items, q2.annotators, q2.multi_rated_items, q2.agreed_items) == (7, 3, 6, 3)
    assert q2.percent_agreement == pytest.approx(3 / 6)
    assert q2.krippendorff_alpha == pytest.approx(ALPHA_Q2)
    assert q2.cohen_kappa is None  # three annotators


def test_overall_pools_all_items(report):
    o = report.overall
    assert (o.items, o.annotators, o.multi_rated_items, o.agreed_items) == (17, 3, 16, 10)
    assert o.percent_agreement == pytest.approx(10 / 16)
    assert o.krippendorff_alpha == pytest.approx(ALPHA_ALL)
    assert o.cohen_kappa is None


def test_model_against_humans(report):
    m = report.model_vs_human
    assert m is not None and "q1" not in m.questions  # q1 carries no model proposal
    q2 = m.questions["q2"]
    assert (q2.items, q2.ties) == (5, 2)
    assert q2.accuracy == pytest.approx(0.8)
    assert q2.macro_f1 == pytest.approx(MACRO_F1_Q2)
    assert q2.labels == ["support", "oppose", "neutral"]
    assert q2.confusion_matrix == [[2, 0, 0], [0, 1, 0], [0, 1, 1]]
    assert m.overall.accuracy == pytest.approx(0.8)


def test_cleaning_counts(report):
    assert (report.labels_read, report.dropped_empty, report.replaced_duplicates) == (38, 1, 1)


# --------------------------------------------------------------------------- undefined values


@pytest.mark.parametrize(
    "rows, alpha, kappa",
    [
        ({"a": "SSOO", "b": "SSOO"}, 1.0, 1.0),  # perfect agreement with variation
        ({"a": "SSSS", "b": "SSSS"}, None, None),  # no variation: D_e = 0, p_e = 1
        ({"a": "SO..", "b": "..SO"}, None, None),  # nobody rated an item twice
        ({"a": "SO", "b": "OS"}, -0.5, -1.0),  # D_o = 1, D_e = (16-8)/12: alpha = -0.5
        ({"a": "SSO", "b": "SSO", "c": "SS."}, 1.0, None),  # three annotators: no kappa
    ],
)
def test_undefined_and_boundary_values(rows, alpha, kappa):
    r = agr.compute(table_labels(rows))
    q = r.questions["q"]
    assert q.krippendorff_alpha == (None if alpha is None else pytest.approx(alpha))
    assert q.cohen_kappa == (None if kappa is None else pytest.approx(kappa))


def test_kappa_only_over_items_both_rated():
    # a and b share items 0-3 (SSOO vs SOOO): p_o = 3/4, p_e = (2*1 + 2*3)/16 = 1/2, kappa = 1/2
    r = agr.compute(table_labels({"a": "SSOO.S", "b": "SOOOO."}))
    assert r.questions["q"].kappa_items == 4
    assert r.questions["q"].cohen_kappa == pytest.approx(0.5)


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    "first, second, expected",
    [
        (("oppose", "2024-01-01T10:00:00Z"), ("support", "2024-01-02T10:00:00Z"), "support"),  # later wins
        (
            ("support", "2024-01-02T10:00:00Z"),
            ("oppose", "2024-01-01T10:00:00Z"),
            "support",
        ),  # file order not
        (
            ("oppose", "2024-01-01T10:00:00+02:00"),
            ("support", "2024-01-01T09:30:00Z"),
            "support",
        ),  # time zones
        (("oppose", None), ("support", "2024-01-01T00:00:00"), "support"),  # dated beats none
        (
            ("oppose", "2024-01-01T10:00:00Z"),
            ("support", "2024-01-01T10:00:00Z"),
            "support",
        ),  # tie: last line
    ],
)
def test_latest_label_of_an_annotator_wins(first, second, expected):
    labels = [lab("i", "a", first[0], created_at=first[1]), lab("i", "a", second[0], created_at=second[1])]
    assert [x.label for x in agr.clean_labels(labels)] == [expected]
    assert agr.clean(labels).replaced == 1


@pytest.mark.parametrize("label", ["", "   "])
def test_empty_labels_are_dropped(label):
    labels = [lab("i", "a", label), lab("i", "b", "support"), lab("i", "c", "oppose")]
    cleaned = agr.clean(labels)
    assert [x.annotator for x in cleaned.labels] == ["b", "c"]
    assert cleaned.dropped_empty == 1


def test_only_empty_labels_is_an_error():
    with pytest.raises(InputError, match="every label is empty"):
        agr.compute([lab("i", "a", ""), lab("j", "b", " ")])


# --------------------------------------------------------------------------- for the matrix


def test_disputed_items_and_majority_labels():
    labels = agr.read_labels(REVIEWED)
    assert agr.disputed_items(labels) == {
        ("q_t04", "q1"),
        ("q_t07", "q1"),
        ("q_t10", "q1"),
        ("q_u2", "q2"),
        ("q_u5", "q2"),
        ("q_u7", "q2"),
    }
    maj = agr.majority_labels(labels)
    assert maj[("q_u1", "q2")] == ("support", ("ann", "ben", "cat"))  # ann's earlier 'oppose' replaced
    assert maj[("q_u5", "q2")].label == "support"
    assert maj[("q_u2", "q2")] == (None, ("ann", "ben"))  # tie
    assert maj[("q_u6", "q2")] == ("neutral", ("ben",))  # cat's empty label dropped
    assert len(maj) == 17


def test_find_disagreements_carries_text_and_labels():
    items = find_disagreements(agr.read_labels(REVIEWED))
    # ordered by article id, then span: art-levy before art-tram
    assert [d.quote_id for d in items] == ["q_u2", "q_u5", "q_u7", "q_t04", "q_t07", "q_t10"]
    u5 = next(d for d in items if d.quote_id == "q_u5")
    assert u5.labels == {"ann": "support", "ben": "support", "cat": "oppose"}
    assert (u5.majority, u5.model_label) == ("support", "support")
    assert u5.text == "The levy funds the clinics we need."


# --------------------------------------------------------------------------- CLI


def test_cli_json_has_the_contract_shape():
    result = runner.invoke(app, ["agreement", str(REVIEWED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for q in ("q1", "q2"):
        assert {"items", "annotators", "percent_agreement", "krippendorff_alpha", "cohen_kappa"} <= set(
            data["questions"][q]
        )
    assert data["questions"]["q1"]["cohen_kappa"] == pytest.approx(KAPPA_Q1)
    assert data["questions"]["q2"]["cohen_kappa"] is None
    assert data["overall"]["krippendorff_alpha"] == pytest.approx(ALPHA_ALL)
    assert data["model_vs_human"]["overall"]["macro_f1"] == pytest.approx(MACRO_F1_Q2)
    assert "1 empty" in result.stderr and "replaced" in result.stderr


def test_cli_table():
    result = runner.invoke(app, ["agreement", str(REVIEWED)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    q1 = next(line.split() for line in lines if line.startswith("q1 "))
    assert q1[:7] == ["q1", "10", "2", "10", "0.700", f"{ALPHA_Q1:.3f}", f"{KAPPA_Q1:.3f}"]
    assert any(line.startswith("(overall)") and f"{ALPHA_ALL:.3f}" in line for line in lines)
    assert "human \\ model" in result.stdout


def test_cli_csv_to_file(tmp_path):
    out = tmp_path / "agreement.csv"
    result = runner.invoke(app, ["agreement", str(REVIEWED), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["question"] for r in rows] == ["q1", "q2", "(overall)"]
    assert float(rows[1]["krippendorff_alpha"]) == pytest.approx(ALPHA_Q2)
    assert rows[1]["cohen_kappa"] == ""  # undefined: empty cell
    assert float(rows[1]["model_accuracy"]) == pytest.approx(0.8)


def test_cli_disagreements_jsonl_and_table(tmp_path):
    out = tmp_path / "disputed.jsonl"
    result = runner.invoke(app, ["disagreements", str(REVIEWED), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6
    assert rows[0]["labels"] == {"ann": "support", "ben": "oppose"} and rows[0]["majority"] is None
    table = runner.invoke(app, ["disagreements", str(REVIEWED)])
    assert table.exit_code == 0
    assert "It is worth a look, costs permitting." in table.stdout
    assert "6 disputed items." in table.stdout


def test_cli_no_disagreements(tmp_path):
    f = tmp_path / "calm.jsonl"
    f.write_text("".join(x.model_dump_json() + "\n" for x in table_labels({"a": "SO", "b": "SO"})))
    result = runner.invoke(app, ["disagreements", str(f)])
    assert result.exit_code == 0 and "No disagreements" in result.stdout


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("command", ["agreement", "disagreements"])
def test_missing_file(tmp_path, command):
    result = runner.invoke(app, [command, str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "no such file" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["agreement", "disagreements"])
def test_empty_file(tmp_path, command):
    f = tmp_path / "empty.jsonl"
    f.write_text("\n")
    result = runner.invoke(app, [command, str(f)])
    assert result.exit_code == 1
    assert "Error: " in result.stderr and "no reviewed labels" in result.stderr


def test_bad_lines_are_skipped_with_exit_3():
    result = runner.invoke(app, ["agreement", str(BAD_LINES), "--format", "json"])
    assert result.exit_code == 3
    assert "bad_lines.jsonl:3: not valid JSON" in result.stderr
    assert "bad_lines.jsonl:4:" in result.stderr and "label" in result.stderr
    data = json.loads(result.stdout)  # the rest is still reported
    assert data["questions"]["q1"]["items"] == 2
    assert data["questions"]["q1"]["percent_agreement"] == pytest.approx(0.5)


def test_only_bad_lines_is_an_error(tmp_path):
    f = tmp_path / "junk.jsonl"
    f.write_text('{"quote_id": "x"}\nnot json\n')
    result = runner.invoke(app, ["agreement", str(f)])
    assert result.exit_code == 1
    assert "no reviewed labels (2 invalid lines)" in result.stderr


# --------------------------------------------------------------------------- blind reviews
#   item      b1 b2 b3 b4 | s1 s2 s3
#   blind A   S  O  N  S  |
#   blind B   S  O  O  S  |
#   seen  C               | S  O  S   (saw the model's proposal)
#   model     S  S  N  S  | S  O  S


def _blind_labels() -> list[ReviewedLabel]:
    out = []
    for item, a, b in [
        ("b1", "support", "support"),
        ("b2", "oppose", "oppose"),
        ("b3", "neutral", "oppose"),
        ("b4", "support", "support"),
    ]:
        out.append(lab(item, "ann", a).model_copy(update={"blind": True}))
        out.append(lab(item, "ben", b).model_copy(update={"blind": True}))
    for item, c in [("s1", "support"), ("s2", "oppose"), ("s3", "support")]:
        out.append(lab(item, "cat", c, model_label=c))
    return out


MODEL = {
    ("b1", "q"): "support",
    ("b2", "q"): "support",
    ("b3", "q"): "neutral",
    ("b4", "q"): "support",
    ("s1", "q"): "support",
    ("s2", "q"): "oppose",
    ("s3", "q"): "support",
}


def test_blind_reviews_are_measured_apart():
    report = agr.compute(_blind_labels(), MODEL)
    assert report.blind_labels == 8
    # the humans among themselves, blind: 3 of 4 items agreed
    assert report.blind.overall.multi_rated_items == 4 and report.blind.overall.percent_agreement == 0.75
    assert report.blind.overall.annotator_names == ["ann", "ben"]
    # the model against the reviewers who saw it: all three agree
    assert report.model_vs_human.overall.items == 3 and report.model_vs_human.overall.accuracy == 1.0
    # the model against the blind reviewers' majority: b1, b4 right, b2 wrong, b3 a tie (left out)
    mb = report.model_vs_blind.overall
    assert (mb.items, mb.ties, mb.accuracy) == (3, 1, 2 / 3)


def test_blind_reviews_without_the_run_quotes_say_what_to_pass():
    report = agr.compute(_blind_labels())
    assert report.model_vs_blind is None and report.blind is not None
    text = agr.render_table(report)
    assert "Blind reviews only (8 labels" in text and "Pass --quotes" in text
    rows = list(csv.DictReader(io.StringIO(agr.render_csv(report))))
    assert {r["reviews"] for r in rows} == {"all", "blind"}
    blind_overall = next(r for r in rows if r["reviews"] == "blind" and r["question"] == "(overall)")
    assert blind_overall["percent_agreement"] == "0.75"


def test_cli_reads_the_model_labels_from_the_quotes(tmp_path):
    from annotator.models import Quote, StancePrediction

    labels = tmp_path / "blind.jsonl"
    labels.write_text("".join(x.model_dump_json() + "\n" for x in _blind_labels()), encoding="utf-8")
    quotes = tmp_path / "quotes.jsonl"
    rows = []
    for item in ("b1", "b2", "b3", "b4", "s1", "s2", "s3"):
        q = Quote(
            id=item,
            article_id="a",
            start=0,
            end=1,
            text="x",
            kind="direct",
            stances={"q": StancePrediction(label=MODEL[(item, "q")], confidence=0.8)},
        )
        rows.append(q.model_dump_json())
    quotes.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["agreement", str(labels), "--quotes", str(quotes), "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["model_vs_blind"]["overall"]["accuracy"] == pytest.approx(2 / 3)
    assert doc["blind"]["overall"]["percent_agreement"] == 0.75
