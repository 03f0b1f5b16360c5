"""`annotator stance`, `annotator train`, `annotator bench stance`,
`annotator bench learning-curve`."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import app, finish, handle_errors
from annotator.cli.bench import bench_app
from annotator.errors import InputError
from annotator.io import Reporter


@app.command("stance")
@handle_errors
def stance_cmd(
    quotes: Path | None = typer.Argument(None, help="quotes JSONL (from `annotator quotes`)"),
    codebook: Path | None = typer.Option(None, "--codebook", "-c", help="codebook YAML/JSON (needed for quotes)"),
    output: Path = typer.Option(..., "--output", "-o", help="where to write the labelled JSONL"),
    model: Path | None = typer.Option(None, "--model", "-m", help="a model from `annotator train` "
                                         "(default: the bundled general model)"),
    pairs: Path | None = typer.Option(None, "--pairs", help='label {"id","question","text"} pairs instead'),
    articles: list[Path] | None = typer.Option(None, "--articles", help="articles the quotes come from "
                                                  "(to build context for quotes without one)"),
) -> None:
    """Propose a stance for each quote on each codebook question, or label question/text pairs.

    Quotes get `stances: {question_id: {label, confidence, source, model_version}}`; pairs
    get `{"id", "stance", "confidence"}` with stance support, oppose or neutral (= not about
    the question, or no stance).

    Example:

    \b
        annotator stance out/quotes.jsonl --codebook seeds/codebook.yaml -o out/labelled.jsonl
        annotator stance --pairs pairs.jsonl -o predictions.jsonl
    """
    from annotator.stance.files import label_pairs, label_quotes

    reporter = Reporter()
    if pairs is not None:
        if quotes is not None:
            raise InputError("give either a quotes file or --pairs, not both")
        n = label_pairs(pairs, output, model, reporter)
        typer.echo(f"labelled {n} pairs -> {output}", err=True)
    else:
        if quotes is None:
            raise InputError("give a quotes JSONL file (with --codebook) or --pairs FILE")
        if codebook is None:
            raise InputError("labelling quotes needs --codebook FILE (the questions); see seeds/codebook.yaml")
        n = label_quotes(quotes, codebook, output, model, articles or [], reporter)
        typer.echo(f"labelled {n} quotes -> {output}", err=True)
    finish(reporter, "lines")


@app.command("train")
@handle_errors
def train_cmd(
    reviewed: Path | None = typer.Argument(None, help="reviewed labels JSONL (`annotator studio pull`)"),
    pairs: list[Path] | None = typer.Option(None, "--pairs", help='labelled pairs {"question","text","stance"} '
                                              "(repeatable)"),
    base: bool = typer.Option(False, "--base", help="add the public base pairs (--pairs, or "
                              "$ANNOTATOR_STANCE_DATA, or ../shared/data/stance/train.jsonl)"),
    codebook: Path | None = typer.Option(None, "--codebook", "-c", help="codebook of the reviewed labels"),
    output: Path = typer.Option(..., "--output", "-o", help="model file to write (.npz)"),
    review_weight: float = typer.Option(5.0, "--review-weight", help="weight of a reviewed item vs a public pair"),
    cv: bool = typer.Option(True, "--cv/--no-cv", help="print question-disjoint cross-validation figures"),
) -> None:
    """Train a stance model from public pairs and/or reviewed labels; prints CV figures.

    Reproducible: fixed seed; the data's SHA-256 and library versions go into the model.

    Example:

    \b
        annotator train --pairs ../shared/data/stance/train.jsonl -o model.npz
        annotator train reviewed.jsonl --codebook seeds/codebook.yaml --base -o model.npz
    """
    from annotator.stance.files import train

    reporter = Reporter()
    for line in train(reviewed, pairs or [], base, codebook, output, review_weight, cv, reporter):
        typer.echo(line)
    finish(reporter, "labels")


@bench_app.command("stance")
@handle_errors
def bench_stance_cmd(
    pairs: Path | None = typer.Option(None, "--pairs", help="pairs JSONL to time (default: generated "
                                         "sentence-length pairs)"),
    n: int = typer.Option(5000, "--n", help="number of pairs"),
    model: Path | None = typer.Option(None, "--model", "-m"),
) -> None:
    """Pairs per second of `annotator stance --pairs` on one core, and peak memory.

    Example:

        annotator bench stance --n 5000
    """
    from annotator.stance.bench import bench_pairs

    for line in bench_pairs(pairs, n, model):
        typer.echo(line)


@bench_app.command("learning-curve")
@handle_errors
def bench_learning_curve_cmd(
    pairs: Path | None = typer.Option(None, "--pairs", help="labelled pairs to simulate reviews from "
                                         "(default: ../shared/data/stance/dev.jsonl)"),
    base: Path | None = typer.Option(None, "--base", help="public base pairs (default: "
                                        "../shared/data/stance/train.jsonl)"),
    sizes: str = typer.Option("0,4,8,16", "--sizes", help="reviewed items per question"),
    questions: int = typer.Option(40, "--questions", help="how many questions to simulate"),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Macro-F1 on held-out items of reviewed questions as reviewed items per question grow.

    Example:

        annotator bench learning-curve --sizes 0,4,8,16
    """
    from annotator.stance.bench import learning_curve

    for line in learning_curve(pairs, base, [int(s) for s in sizes.split(",") if s.strip()], questions, seed):
        typer.echo(line)
