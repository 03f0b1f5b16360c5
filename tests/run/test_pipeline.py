"""`annotator run` end to end through the CLI: the real quote finder, the real stance model,
the matrix and every export; idempotent reruns; reviewed labels; per-article failures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.models import Cell, Quote
from annotator.run.folder import RUN_FILES
from tests.gold_fixtures import gold

runner = CliRunner()

ARTICLES = [
    {
        "id": "tram-1",
        "title": "City weighs a new tram line",
        "url": "https://example.org/tram-1",
        "published": "2024-05-02T08:00:00Z",
        "text": "City weighs a new tram line\nThe council will vote next week on the proposed tram line. "
        "Ana Ruiz, a transport economist at the University of Leeds, said: \u201cThe tram will pay for "
        "itself within a decade and the city should build it now.\u201d\n"
        "\u201cIt is a poor use of money that the city cannot afford,\u201d said Tom Okafor, a senior "
        "fellow at the Fiscal Policy Centre. He added that bus lanes would do more for less.",
    },
    {
        "id": "tram-2",
        "title": "Tram plan divides residents",
        "url": "https://example.org/tram-2",
        "published": "2024-05-09",
        "text": "Tram plan divides residents\nResidents met on Tuesday. \u201cBuilding the tram is the right "
        "choice for a growing city,\u201d said Ana Ruiz, the transport economist. Analysts say the costs "
        "are uncertain.",
    },
]
CODEBOOK = """title: Tram questions
questions:
  - id: build_tram
    text: Should the city build the new tram line?
    short: Build the tram
    target: building the tram line
    keywords: [tram, tram line]
  - id: bus_lanes
    text: Should the city invest in bus lanes instead?
    short: Bus lanes instead
    keywords: [bus lanes, buses]
"""


def _cells(folder) -> list[Cell]:
    return [
        Cell.model_validate_json(line) for line in (folder / "matrix.jsonl").read_text("utf-8").splitlines()
    ]


def _files(folder) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "out"
    res = runner.invoke(app, ["run", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_seed_run_writes_every_file(seed_run):
    out, output = seed_run
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(RUN_FILES)
    quotes = [json.loads(line) for line in (out / "quotes.jsonl").read_text("utf-8").splitlines()]
    assert quotes and all(Quote.model_validate(q) for q in quotes)
    for q in quotes:  # the quotes contract, with a stance on every question
        assert {
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
        } <= set(q)
        assert {"label", "confidence"} <= set(next(iter(q["stances"].values())))
    ref = gold()
    cells = _cells(out)
    experts = list(dict.fromkeys(c.expert_id for c in cells))
    assert set(experts) == {e["id"] for e in ref["experts"]}  # the four experts, nobody else
    assert len(cells) == 4 * len(ref["questions"])
    for e in ref["experts"]:  # the terminal table
        assert e["name"] in output
    assert f"Wrote {len(RUN_FILES)} files" in output


def test_seed_run_scores_with_the_shared_scorer(seed_run, shared):
    out, _ = seed_run
    res = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score_stance.py"),
            "seed",
            str(shared / "gold" / "seed_gold.json"),
            "--quotes",
            str(out / "quotes.jsonl"),
            "--matrix",
            str(out / "matrix.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(res.stdout)
    print("seed scores:", {k: v for k, v in score.items() if not k.endswith("errors")})
    assert score["quotes_found_with_right_speaker"].split("/")[1] == "21"
    assert score["matrix_accuracy"] >= 0.6  # well above everything-not-addressed (15/28 = 0.54)


def test_rerun_is_byte_identical(seed_run, tmp_path):
    out, _ = seed_run
    res = runner.invoke(app, ["run", "--out", str(tmp_path / "again"), "--quiet"])
    assert res.exit_code == 0, res.output
    assert _files(tmp_path / "again") == _files(out)
    res = runner.invoke(app, ["run", "--out", str(out), "--quiet"])  # over the old files
    assert res.exit_code == 0 and _files(out) == _files(tmp_path / "again")


def test_reviewed_labels_win_and_move_quotes(seed_run, tmp_path):
    out, _ = seed_run
    quotes = [
        Quote.model_validate_json(line) for line in (out / "quotes.jsonl").read_text("utf-8").splitlines()
    ]
    # two experts of the seed (read from its reference file: no name is written here)
    ref = gold()
    first, second = ref["experts"][1]["id"], ref["experts"][2]["id"]
    target = ref["experts"][3]
    q_split, q_moved = ref["questions"][4]["id"], ref["questions"][0]["id"]
    a = next(q for q in quotes if q.speaker_id == first)
    b = next(q for q in quotes if q.speaker_id == second)
    span = lambda q: {"quote_id": q.id, "article_id": q.article_id, "start": q.start, "end": q.end}  # noqa: E731
    labels = [
        {
            **span(a),
            "question": q_split,
            "label": "oppose",
            "annotator": "ann",
            "created_at": "2025-03-01T10:00:00Z",
        },
        {
            **span(a),
            "question": q_split,
            "label": "support",
            "annotator": "bob",
            "created_at": "2025-03-01T11:00:00Z",
        },
        {**span(b), "question": q_moved, "label": "support", "annotator": "ann", "speaker": target["name"]},
    ]
    path = tmp_path / "reviewed.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in labels), encoding="utf-8")
    res = runner.invoke(app, ["run", "--labels", str(path), "--out", str(tmp_path / "rev"), "--quiet"])
    assert res.exit_code == 0, res.output
    cells = {(c.expert_id, c.question): c for c in _cells(tmp_path / "rev")}
    split = cells[(first, q_split)]
    assert split.reviewed and split.disputed and split.stance == "mixed"
    moved = cells[(target["id"], q_moved)]
    assert moved.reviewed and moved.stance == "support"
    assert [(e.quote_id, e.label, e.annotators) for e in moved.evidence if e.source == "annotator"] == [
        (b.id, "support", ["ann"])
    ]
    assert b.id not in {e.quote_id for c in cells.values() if c.expert_id == second for e in c.evidence}
    meta = json.loads((tmp_path / "rev" / "run.json").read_text("utf-8"))
    assert meta["reviewed_labels"] == 3 and meta["reviewed_at"] == ["2025-03-01T11:00:00Z"]
    page = (tmp_path / "rev" / "matrix.html").read_text("utf-8")
    assert "Data as of 2025-03-01" in page


def test_run_on_a_corpus_with_metadata(tmp_path):
    corpus = tmp_path / "tram.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    book = tmp_path / "codebook.yaml"
    book.write_text(CODEBOOK, encoding="utf-8")
    res = runner.invoke(app, ["run", str(corpus), "--codebook", str(book), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    cells = _cells(tmp_path / "o")
    assert {c.question for c in cells} == {"build_tram", "bus_lanes"}
    rows = list(dict.fromkeys(c.expert for c in cells))
    assert "Ana Ruiz" in rows and "Analysts" not in rows
    ruiz = [c for c in cells if c.expert == "Ana Ruiz"]
    evidence = [e for c in ruiz for e in c.evidence]
    for e in evidence:
        assert e.url.startswith("https://example.org/tram-") and e.title and e.published
    wide = (tmp_path / "o" / "matrix_wide.csv").read_text("utf-8").splitlines()
    assert wide[0] == "expert,role,organisation,Build the tram,Bus lanes instead"


def test_bad_article_is_skipped_and_the_rest_written(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLES[1]["text"], encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_text("", encoding="utf-8")
    book = tmp_path / "codebook.yaml"
    book.write_text(CODEBOOK, encoding="utf-8")
    res = runner.invoke(
        app,
        [
            "run",
            str(good),
            str(empty),
            str(tmp_path / "missing.txt"),
            "--codebook",
            str(book),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert res.exit_code == 3, res.output
    assert (tmp_path / "o" / "matrix.html").exists()
    assert "b.txt" in res.output and "missing.txt" in res.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--codebook", "{tmp}/nope.yaml"], "nope.yaml"),
        (["--labels", "{tmp}/nope.jsonl"], "nope.jsonl"),
        (["{tmp}/nothing-here.txt"], "no article could be read"),
    ],
)
def test_run_errors_are_one_line(tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    res = runner.invoke(app, ["run", *args, "--out", str(tmp_path / "o"), "--quiet"])
    assert res.exit_code == 1, res.output
    assert "Error:" in res.output and message in res.output and "Traceback" not in res.output
    assert not (tmp_path / "o").exists()  # a failed run leaves no folder behind


def test_out_must_be_a_folder(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x", encoding="utf-8")
    res = runner.invoke(app, ["run", "--out", str(f), "--quiet"])
    assert res.exit_code == 1 and "not a folder" in res.output


def in_file_cells(out):
    from annotator.io import read_models
    from annotator.models import Cell

    return list(read_models(out / "matrix.jsonl", Cell))


def test_run_streams_quotes_to_its_folder(tmp_path):
    """With an out folder the quotes go to OUT/quotes.jsonl as they come (not kept in
    memory), and the files equal those of a run that keeps them in memory."""
    from annotator.export import write_all
    from annotator.io import write_jsonl
    from annotator.run import run

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), "utf-8")
    book = tmp_path / "codebook.yaml"
    book.write_text(CODEBOOK, "utf-8")
    (tmp_path / "streamed").mkdir()
    (tmp_path / "streamed" / ".scratch.k1lled00.tmp").write_bytes(b"left by a killed run")
    (tmp_path / "streamed" / ".notes.tmp").write_bytes(b"a user's own file")
    streamed = run([corpus], codebook=book, out=tmp_path / "streamed", jobs=1)
    assert streamed.quotes == [] and streamed.n_quotes > 0
    assert streamed.cells == in_file_cells(tmp_path / "streamed")  # cells read back from the file
    lines = (tmp_path / "streamed" / "quotes.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == streamed.n_quotes
    assert [p.name for p in (tmp_path / "streamed").iterdir() if p.name.endswith(".tmp")] == [".notes.tmp"]

    in_memory = run([corpus], codebook=book, out=None, jobs=1)  # the same path, over an in-memory store
    assert len(in_memory.quotes) == in_memory.n_quotes == streamed.n_quotes
    assert in_memory.cells == streamed.cells and any(c.evidence for c in streamed.cells)
    streamed_quotes = [json.loads(x) for x in lines]
    assert [json.loads(q.model_dump_json()) for q in in_memory.quotes] == streamed_quotes
    memory = tmp_path / "memory"  # the exports of the in-memory data equal the folder's
    memory.mkdir()
    write_all(in_memory.data, memory)
    for name in ("matrix.csv", "matrix_wide.csv", "matrix.json", "matrix.md", "matrix.html"):
        assert (memory / name).read_bytes() == (tmp_path / "streamed" / name).read_bytes(), name
    write_jsonl(memory / "x.jsonl", in_memory.cells, exclude_none=False)
    assert (memory / "x.jsonl").read_bytes() == (tmp_path / "streamed" / "matrix.jsonl").read_bytes()
