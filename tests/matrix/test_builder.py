"""The matrix: aggregation rules, reviewed labels, speaker corrections, evidence."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annotator.io import Reporter, write_jsonl
from annotator.matrix import Vote, build_matrix, combine
from annotator.models import Codebook, Expert, Question, Quote, ReviewedLabel, StancePrediction, quote_id
from tests.gold_fixtures import gold, seed_article, seed_codebook, seed_experts, seed_quotes

LABELS = ["support", "oppose", "mixed", "neutral", "not_addressed"]


@pytest.mark.parametrize(
    "votes, expected",
    [
        ([], "not_addressed"),
        (["not_addressed", "not_addressed"], "not_addressed"),
        (["neutral", "not_addressed"], "neutral"),
        (["neutral", "support"], "support"),
        (["support", "support", "not_addressed"], "support"),
        (["oppose"], "oppose"),
        (["support", "oppose"], "mixed"),
        (["support", "neutral", "oppose"], "mixed"),
        (["mixed", "support"], "mixed"),
        (["mixed"], "mixed"),
    ],
)
def test_combine_rules(votes, expected):
    assert combine([Vote(v, 0.8) for v in votes], LABELS)[0] == expected


def test_combine_confidence_is_mean_of_deciding_votes():
    label, conf = combine([Vote("support", 0.9), Vote("support", 0.7), Vote("not_addressed", 0.2)], LABELS)
    assert (label, conf) == ("support", 0.8)
    assert combine([Vote("not_addressed", 0.6), Vote("not_addressed", 0.8)], LABELS) == ("not_addressed", 0.7)
    assert combine([], LABELS) == ("not_addressed", 1.0)


def test_combine_without_mixed_label_takes_heaviest():
    labels = ["yes", "no", "not_addressed"]
    label, conf = combine([Vote("yes", 0.9), Vote("yes", 0.8), Vote("no", 0.6)], labels)
    assert label == "yes" and 0 < conf < 0.85


def _book(*ids: str) -> Codebook:
    return Codebook(questions=[Question(id=i, text=f"Question {i}?") for i in ids])


def _quote(
    start: int,
    speaker: str | None,
    labels: dict[str, str],
    *,
    article: str = "a1",
    expert: bool = True,
    attribution: str = "name",
    conf: float = 0.8,
) -> Quote:
    return Quote(
        id=quote_id(article, start, start + 10),
        article_id=article,
        start=start,
        end=start + 10,
        text=f"words at {start}",
        kind="direct",
        speaker=speaker,
        speaker_id=speaker.lower().replace(" ", "-") if speaker else None,
        speaker_is_expert=expert,
        attribution=attribution,
        stances={q: StancePrediction(label=lab, confidence=conf) for q, lab in labels.items()},
    )


def _cell(cells, expert_id, question):
    [cell] = [c for c in cells if c.expert_id == expert_id and c.question == question]
    return cell


def test_one_cell_per_expert_and_question_only_experts():
    quotes = [
        _quote(0, "Ann Lee", {"q1": "support", "q2": "not_addressed"}),
        _quote(20, "Bo Chan", {"q1": "oppose"}),
        _quote(40, "Some Officials", {"q1": "support"}, expert=True, attribution="group"),
        _quote(60, "A Politician", {"q1": "support"}, expert=False),
        _quote(80, None, {"q1": "support"}, expert=False),
    ]
    cells = build_matrix(quotes, _book("q1", "q2"), experts=[])
    assert [(c.expert_id, c.question) for c in cells] == [
        ("ann-lee", "q1"),
        ("ann-lee", "q2"),
        ("bo-chan", "q1"),
        ("bo-chan", "q2"),
    ]
    assert _cell(cells, "bo-chan", "q2").stance == "not_addressed"  # no label at all
    assert _cell(cells, "bo-chan", "q2").evidence == []


def test_registry_expert_counts_even_when_quote_not_flagged_and_groups_never():
    quotes = [
        _quote(0, "Ann Lee", {"q1": "support"}, expert=False),
        _quote(20, "The Union", {"q1": "oppose"}, expert=True),
    ]
    experts = [
        Expert(id="ann-lee", name="Ann Lee", role="professor", is_expert=True),
        Expert(id="the-union", name="The Union", kind="group", is_expert=True),
    ]
    cells = build_matrix(quotes, _book("q1"), experts)
    assert [c.expert_id for c in cells] == ["ann-lee"]
    assert cells[0].role == "professor"


def test_evidence_lists_addressing_quotes_with_article_metadata():
    art = seed_article()
    quotes = [
        _quote(30, "Ann Lee", {"q1": "support"}, article=art.id),
        _quote(0, "Ann Lee", {"q1": "not_addressed"}, article=art.id),
        _quote(10, "Ann Lee", {"q1": "neutral"}, article=art.id),
    ]
    [cell] = build_matrix(quotes, _book("q1"), [], articles={art.id: art})
    assert cell.stance == "support"
    assert [(e.start, e.label) for e in cell.evidence] == [(10, "neutral"), (30, "support")]
    ev = cell.evidence[1]
    assert (ev.title, ev.url, ev.published, ev.source) == (art.title, art.url, "2025-02-27", "model")
    assert ev.quote_id == quote_id(art.id, 30, 40)


def _review(q: Quote, question: str, label: str, who: str, **kw) -> ReviewedLabel:
    return ReviewedLabel(
        quote_id=q.id,
        article_id=q.article_id,
        start=q.start,
        end=q.end,
        question=question,
        label=label,
        annotator=who,
        **kw,
    )


def test_reviewed_label_wins_and_marks_cell():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    [cell] = build_matrix([q], _book("q1"), [], reviewed=[_review(q, "q1", "oppose", "rev1")])
    assert (cell.stance, cell.reviewed, cell.disputed, cell.confidence) == ("oppose", True, False, 1.0)
    [ev] = cell.evidence
    assert (ev.label, ev.source, ev.model_label, ev.annotators) == (
        "oppose",
        "annotator",
        "support",
        ["rev1"],
    )


def test_reviewed_label_matched_by_span_when_ids_differ():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    lab = ReviewedLabel(
        quote_id="q_other", article_id="a1", start=0, end=10, question="q1", label="oppose", annotator="r"
    )
    assert build_matrix([q], _book("q1"), [], reviewed=[lab])[0].stance == "oppose"


def test_reviewers_majority_wins_and_any_split_is_disputed():
    q = _quote(0, "Ann Lee", {"q1": "support", "q2": "support"})
    reviews = [
        _review(q, "q1", "oppose", "a"),
        _review(q, "q1", "oppose", "b"),
        _review(q, "q1", "support", "c"),
        _review(q, "q2", "oppose", "a"),
        _review(q, "q2", "neutral", "b"),
    ]
    cells = build_matrix([q], _book("q1", "q2"), [], reviewed=reviews)
    q1, q2 = _cell(cells, "ann-lee", "q1"), _cell(cells, "ann-lee", "q2")
    assert (q1.stance, q1.disputed, q1.confidence) == ("oppose", True, 0.6667)  # 2:1 split still shown
    assert q2.disputed and q2.reviewed
    assert q2.evidence[0].disputed
    assert q2.stance == "oppose"  # oppose vs neutral: the polar side shows


def test_unanimous_reviewers_are_not_disputed():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    reviews = [_review(q, "q1", "oppose", "a"), _review(q, "q1", "oppose", "b")]
    [cell] = build_matrix([q], _book("q1"), [], reviewed=reviews)
    assert (cell.stance, cell.disputed, cell.reviewed) == ("oppose", False, True)


def test_reviewer_changing_mind_latest_label_counts():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    reviews = [
        _review(q, "q1", "oppose", "a", created_at="2025-01-02T00:00:00Z"),
        _review(q, "q1", "neutral", "a", created_at="2025-01-01T00:00:00Z"),
    ]
    [cell] = build_matrix([q], _book("q1"), [], reviewed=reviews)
    assert cell.stance == "oppose" and not cell.disputed


def test_reviewed_not_addressed_removes_model_evidence():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    [cell] = build_matrix([q], _book("q1"), [], reviewed=[_review(q, "q1", "not_addressed", "a")])
    assert (cell.stance, cell.reviewed, cell.evidence) == ("not_addressed", True, [])


def test_speaker_correction_moves_quote():
    q1 = _quote(0, "Ann Lee", {"q1": "support"})
    q2 = _quote(20, "Ann Lee", {"q1": "oppose"})
    experts = [
        Expert(id="ann-lee", name="Ann Lee", is_expert=True),
        Expert(id="bo-chan", name="Bo Chan", aliases=["Chan"], role="analyst", is_expert=True),
    ]
    fix = _review(q2, "q1", "oppose", "rev", speaker="Chan")
    cells = build_matrix([q1, q2], _book("q1"), experts, reviewed=[fix])
    assert _cell(cells, "ann-lee", "q1").stance == "support"
    moved = _cell(cells, "bo-chan", "q1")
    assert (moved.stance, moved.expert, moved.role, moved.reviewed) == ("oppose", "Bo Chan", "analyst", True)


def test_speaker_correction_to_non_expert_drops_quote_and_unknown_name_adds_row():
    q1 = _quote(0, "Ann Lee", {"q1": "support"})
    q2 = _quote(20, "Ann Lee", {"q1": "oppose"})
    experts = [
        Expert(id="ann-lee", name="Ann Lee", is_expert=True),
        Expert(id="a-politician", name="A Politician", is_expert=False),
    ]
    reviews = [
        _review(q1, "q1", "support", "r", speaker="A Politician"),
        _review(q2, "q1", "oppose", "r", speaker="Cy Dorn"),
    ]
    cells = build_matrix([q1, q2], _book("q1"), experts, reviewed=reviews)
    assert [(c.expert, c.stance) for c in cells] == [("Cy Dorn", "oppose")]


def test_unmatched_and_invalid_reviews_are_reported_not_fatal():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    bad = [
        ReviewedLabel(
            quote_id="q_x", article_id="zz", start=1, end=2, question="q1", label="oppose", annotator="r"
        ),
        _review(q, "q9", "oppose", "r"),
        _review(q, "q1", "maybe", "r"),
    ]
    import io

    buf = io.StringIO()
    [cell] = build_matrix([q], _book("q1"), [], reviewed=bad, reporter=Reporter(stream=buf))
    assert cell.stance == "support" and not cell.reviewed
    out = buf.getvalue()
    assert "matches no quote" in out and "'q9'" in out and "'maybe'" in out


def test_seed_gold_quotes_give_the_gold_matrix():
    ref = gold()
    art = seed_article()
    cells = build_matrix(seed_quotes(art.id), seed_codebook(), seed_experts(), articles={art.id: art})
    assert [e for e in dict.fromkeys(c.expert_id for c in cells)] == [e["id"] for e in ref["experts"]]
    assert len(cells) == 4 * 7
    for c in cells:
        ok = ref["matrix"].get(c.expert_id, {}).get(c.question, ["not_addressed"])
        assert c.stance in ok, (c.expert_id, c.question, c.stance, ok)
    assert all(not c.reviewed for c in cells)


def test_seed_matrix_scores_full_marks_with_the_shared_scorer(tmp_path, shared):
    art = seed_article()
    cells = build_matrix(seed_quotes(art.id), seed_codebook(), seed_experts(), articles={art.id: art})
    write_jsonl(tmp_path / "matrix.jsonl", cells)
    scorer = shared / "eval" / "score_stance.py"
    out = subprocess.run(
        [
            sys.executable,
            str(scorer),
            "seed",
            str(shared / "gold" / "seed_gold.json"),
            "--matrix",
            str(tmp_path / "matrix.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["matrix_accuracy"] == 1.0


def test_build_matrix_is_deterministic_and_order_independent():
    art = seed_article()
    quotes = seed_quotes(art.id)
    a = build_matrix(quotes, seed_codebook(), seed_experts(), articles={art.id: art})
    b = build_matrix(list(reversed(quotes)), seed_codebook(), seed_experts(), articles={art.id: art})
    assert [c.model_dump() for c in a] == [c.model_dump() for c in b]


def test_empty_label_with_speaker_correction_only_moves():
    q = _quote(0, "Ann Lee", {"q1": "support"})
    experts = [
        Expert(id="ann-lee", name="Ann Lee", is_expert=True),
        Expert(id="bo-chan", name="Bo Chan", is_expert=True),
    ]
    import io

    buf = io.StringIO()
    cells = build_matrix(
        [q],
        _book("q1"),
        experts,
        reviewed=[_review(q, "q1", "", "r", speaker="Bo Chan")],
        reporter=Reporter(stream=buf),
    )
    assert [(c.expert_id, c.stance, c.reviewed) for c in cells] == [("bo-chan", "support", False)]
    assert buf.getvalue() == ""


def _stream_quotes(n_articles: int, per_article: int) -> list[Quote]:
    """Many quotes by a few experts, most addressing nothing; a few on q1, one expert quoted
    only off-topic, varied confidences (the compact path must give the same cells)."""
    speakers = ["Ana Ruiz", "Tom Okafor", "Lea Brandt", None]
    out = []
    for a in range(n_articles):
        for i in range(per_article):
            speaker = speakers[(a + i) % len(speakers)]
            labels = {"q1": "not_addressed", "q2": "not_addressed"}
            if (a * per_article + i) % 17 == 0 and speaker != "Lea Brandt":
                labels["q1"] = "support" if a % 2 else "oppose"
            q = _quote(i * 20, speaker, labels, article=f"art-{a}", conf=0.5 + ((a * 7 + i * 3) % 50) / 100)
            if i == 1 and speaker:
                q = q.model_copy(update={"role": f"role {a}", "organisation": f"org {a}"})
            out.append(q)
    return out


def test_streamed_builder_keeps_only_evidence_and_equals_the_rules_on_every_quote():
    from annotator.matrix import MatrixBuilder
    from annotator.matrix.rules import RowKeys, Vote, combine

    quotes = _stream_quotes(60, 12)
    review = ReviewedLabel(
        quote_id=quotes[5].id,
        article_id=quotes[5].article_id,
        start=quotes[5].start,
        end=quotes[5].end,
        question="q2",
        label="support",
        annotator="rev1",
    )
    book = _book("q1", "q2")
    compact = MatrixBuilder(book, [review])
    for q in quotes:
        compact.add(q)
    addressing = [q for q in quotes if q.stances["q1"].label != "not_addressed"]
    assert compact.kept == len(addressing) + 1  # the evidence and the reviewed quote, nothing else
    assert len(compact.items) == 1 and compact.stored == len(addressing)  # only the reviewed one in memory
    assert compact.count == len(quotes)
    cells = compact.cells()
    # the reference: every quote's votes held at once, the pure rule applied per row and question
    keys = RowKeys([])
    votes: dict = {}
    for q in quotes:
        key = keys.key_of(q)
        if key is None:
            continue
        for qid, pred in q.stances.items():
            label = "support" if (q.id, qid) == (review.quote_id, "q2") else pred.label
            conf = 1.0 if (q.id, qid) == (review.quote_id, "q2") else pred.confidence
            votes.setdefault((key, qid), []).append(Vote(label, conf))
    for c in cells:
        assert (c.stance, c.confidence) == combine(votes[(c.expert_id, c.question)], book.labels), c
    assert {(c.expert_id, c.question) for c in cells} == set(votes)
    rows = {c.expert for c in cells}
    assert rows == {"Ana Ruiz", "Tom Okafor", "Lea Brandt"}  # an expert quoted only off-topic has a row
    lea = [c for c in cells if c.expert == "Lea Brandt" and c.question == "q1"]
    assert (
        lea[0].stance == "not_addressed" and lea[0].role == "role 1"
    )  # the first of her quotes to name a role


def test_not_addressed_confidence_does_not_depend_on_order():
    a = combine(
        [Vote("not_addressed", 0.3333), Vote("not_addressed", 0.6667), Vote("not_addressed", 0.98825)], LABELS
    )
    b = combine([Vote("not_addressed", 0.98825)], LABELS, na_units=3333 + 6667, na_count=2)
    assert a == b


def test_rows_people_gives_every_named_person_a_row_and_groups_none():
    from tests import newsroom

    art = newsroom.article()
    quotes = newsroom.quotes(art.id)
    experts_only = build_matrix(quotes, newsroom.codebook(), newsroom.experts(), articles={art.id: art})
    people = build_matrix(
        quotes, newsroom.codebook(), newsroom.experts(), articles={art.id: art}, rows="people"
    )
    rows = lambda cells: list(dict.fromkeys(c.expert_id for c in cells))  # noqa: E731
    assert rows(experts_only) == newsroom.ROWS
    assert rows(people) == newsroom.ROWS + ["tom-reyes"]  # the resident; the unnamed officials never
    assert all(c.stance == "not_addressed" for c in people if c.expert_id == "tom-reyes")


def test_cli_rows_people_in_run_and_export(tmp_path):
    import json

    from typer.testing import CliRunner

    from annotator.cli import app
    from tests import newsroom

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "tram.txt").write_text(newsroom.TEXT, encoding="utf-8")
    book = tmp_path / "codebook.yaml"
    book.write_text(
        "questions:\n" + "".join(f"  - id: {i}\n    text: {t!r}\n" for i, t, _ in newsroom.QUESTIONS), "utf-8"
    )
    runner = CliRunner()
    args = ["run", str(tmp_path / "articles"), "-c", str(book), "--engine", "fast", "-q"]
    res = runner.invoke(app, [*args, "--out", str(tmp_path / "experts")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, [*args, "--rows", "people", "--out", str(tmp_path / "people")])
    assert res.exit_code == 0, res.output

    def names(folder):
        lines = (folder / "matrix.jsonl").read_text("utf-8").splitlines()
        return list(dict.fromkeys(json.loads(x)["expert"] for x in lines))

    assert "Tom Reyes" in names(tmp_path / "people") and "Tom Reyes" not in names(tmp_path / "experts")
    res = runner.invoke(
        app,
        [
            "export",
            str(tmp_path / "experts"),
            "--rows",
            "people",
            "-f",
            "csv",
            "-o",
            str(tmp_path / "again.csv"),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "Tom Reyes" in (tmp_path / "again_wide.csv").read_text("utf-8")
    res = runner.invoke(app, [*args, "--rows", "everyone", "--out", str(tmp_path / "x")])
    assert res.exit_code == 1 and "--rows must be experts or people" in res.output


def test_a_faint_opposite_side_from_the_model_does_not_make_mixed():
    from annotator.matrix.rules import MIXED_MIN_SHARE, Vote, combine
    from annotator.models import DEFAULT_LABELS

    strong = [Vote("support", 0.9), Vote("support", 0.8), Vote("support", 0.85)]
    faint = Vote("oppose", 0.5)  # 0.5 of 3.05: 16% of the weight
    assert MIXED_MIN_SHARE > 0.5 / 3.05
    label, conf = combine([*strong, faint], DEFAULT_LABELS)
    assert label == "support" and 0 < conf < 0.85
    # a side with a quarter of the weight or more, a mixed quote, or a person's label still make mixed
    assert combine([*strong[:2], Vote("oppose", 0.8)], DEFAULT_LABELS)[0] == "mixed"
    assert combine([*strong, Vote("mixed", 0.6)], DEFAULT_LABELS)[0] == "mixed"
    assert combine([*strong, Vote("oppose", 0.5, "annotator")], DEFAULT_LABELS)[0] == "mixed"


def test_one_model_reading_against_three_or_more_does_not_make_mixed():
    from annotator.matrix.rules import MIXED_MIN_MAJORITY, Vote, combine
    from annotator.models import DEFAULT_LABELS

    three = [Vote("oppose", 0.6), Vote("oppose", 0.9), Vote("oppose", 0.7)]
    lone = Vote("support", 0.9)  # 0.9 of 3.1: more than a quarter of the weight
    assert MIXED_MIN_MAJORITY == 3
    label, conf = combine([*three, lone], DEFAULT_LABELS)
    assert label == "oppose" and 0 < conf < 0.75
    # against two, or two against three, or a reviewer's lone label, it is still mixed
    assert combine([*three[:2], lone], DEFAULT_LABELS)[0] == "mixed"
    assert combine([*three, lone, Vote("support", 0.5)], DEFAULT_LABELS)[0] == "mixed"
    assert combine([*three, Vote("support", 0.9, "annotator")], DEFAULT_LABELS)[0] == "mixed"


def test_a_quotation_repeated_word_for_word_in_its_article_counts_once():
    said = _quote(0, "Ann Lee", {"q1": "support"}).model_copy(
        update={"text": "“We can dig this tunnel on time and on budget,”"}
    )
    pull = _quote(200, "Ann Lee", {"q1": "support"}, attribution="continuation").model_copy(
        update={"text": "“We can dig this tunnel on time and on budget.”"}
    )
    against = _quote(400, "Ann Lee", {"q1": "oppose"}, conf=0.9)
    [cell] = build_matrix([said, pull, against], _book("q1"), [])
    # the pull quote adds no evidence: one support and one oppose make the cell mixed
    assert [e.start for e in cell.evidence] == [0, 400]
    assert cell.stance == "mixed"
    # the same words in another article count there too; short quotations always count
    again = pull.model_copy(update={"article_id": "a2", "id": quote_id("a2", 200, 210)})
    yes = [
        _quote(k, "Ann Lee", {"q1": "support"}).model_copy(update={"text": "“Yes, absolutely.”"})
        for k in (600, 700)
    ]
    [cell] = build_matrix([said, pull, *yes, again], _book("q1"), [])
    assert [(e.article_id, e.start) for e in cell.evidence] == [
        ("a1", 0),
        ("a1", 600),
        ("a1", 700),
        ("a2", 200),
    ]
