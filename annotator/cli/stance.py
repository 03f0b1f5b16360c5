"""`annotator stance`, `annotator train`, `annotator bench stance`,
`annotator bench learning-curve`."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import app, finish, handle_errors, path_argument, path_option
from annotator.cli.bench import bench_app
from annotator.errors import InputError
from annotator.io import Reporter


@app.command("stance")
@handle_errors
def stance_cmd(
    quotes: Path | None = path_argument(None, help="quotes JSONL (from `annotator quotes`)"),
    codebook: Path | None = path_option(
        None, "--codebook", "-c", help="codebook YAML/JSON (needed for quotes)"
    ),
    output: Path = path_option(..., "--output", "-o", help="where to write the labelled JSONL"),
    model: Path | None = path_option(
        None, "--model", "-m", help="a model from `annotator train` (default: the bundled engine)"
    ),
    engine: str | None = typer.Option(None, "--engine", help="stance engine: neural (default) or fast"),
    pairs: Path | None = path_option(None, "--pairs", help='label {"id","question","text"} pairs instead'),
    articles: list[Path] | None = path_option(
        None, "--articles", help="articles the quotes come from (to build context for quotes without one)"
    ),
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
        n = label_pairs(pairs, output, model, reporter, engine)
        typer.echo(f"labelled {n} pairs -> {output}", err=True)
    else:
        if quotes is None:
            raise InputError("give a quotes JSONL file (with --codebook) or --pairs FILE")
        if codebook is None:
            raise InputError(
                "labelling quotes needs --codebook FILE (the questions); see seeds/codebook.yaml"
            )
        n = label_quotes(quotes, codebook, output, model, articles or [], reporter, engine)
        typer.echo(f"labelled {n} quotes -> {output}", err=True)
    finish(reporter, "lines")


@app.command("train")
@handle_errors
def train_cmd(
    reviewed: Path | None = path_argument(None, help="reviewed labels JSONL (`annotator studio pull`)"),
    pairs: list[Path] | None = path_option(
        None, "--pairs", help='labelled pairs {"question","text","stance"} (repeatable)'
    ),
    base: bool = typer.Option(
        False,
        "--base",
        help="add the public base pairs (--pairs, or "
        "$ANNOTATOR_STANCE_DATA, or ../shared/data/stance/train.jsonl)",
    ),
    codebook: Path | None = path_option(None, "--codebook", "-c", help="codebook of the reviewed labels"),
    output: Path = path_option(
        ..., "--output", "-o", help="model file to write: .zip (neural) or .npz (fast)"
    ),
    engine: str | None = typer.Option(
        None, "--engine", help="neural or fast (default: from the -o suffix; .npz is fast)"
    ),
    model: Path | None = path_option(
        None, "--model", "-m", help="neural engine to learn reviews on (default: the bundled one)"
    ),
    dev: Path | None = path_option(
        None,
        "--dev",
        help="pairs to measure a fine-tuned neural engine on (e.g. ../shared/data/stance/dev.jsonl)",
    ),
    review_weight: float = typer.Option(
        5.0, "--review-weight", help="fast engine: weight of a reviewed item vs a public pair"
    ),
    cv: bool = typer.Option(
        True, "--cv/--no-cv", help="fast engine: print question-disjoint cross-validation"
    ),
    force: bool = typer.Option(False, "--force", help="write a model even when the reviews lower its score"),
    epochs: int | None = typer.Option(
        None, "--epochs", min=1, help="neural fine-tuning: passes over the pairs (4)"
    ),
    lr: float | None = typer.Option(None, "--lr", help="neural fine-tuning: learning rate (5e-5)"),
    init: Path | None = path_option(
        None,
        "--init",
        help="neural fine-tuning: continue from this fine-tuned folder (an earlier run's work/hf)",
    ),
    augment: str | None = typer.Option(
        None,
        "--augment",
        help='neural fine-tuning: augmentation rates as JSON (default {"predictions": 0.3, '
        '"necessities": 0.05, "comparisons": 0.05, "effects": 0.05, "off_topic": 0.25}; see '
        "annotator/stance/neural/augment.py)",
    ),
    device: str | None = typer.Option(
        None, "--device", help="neural fine-tuning: cpu (default) or cuda (same recipe, minutes on a GPU)"
    ),
) -> None:
    """Train a stance engine, or teach one your reviewed labels; prints its scores.

    Neural (-o model.zip): reviewed labels train a small head on the bundled engine (no
    extra install; refused when it scores lower on the reviews than the engine alone);
    --pairs fine-tunes the transformer (pip install -e '.[train]'; about 10 minutes an
    epoch on two cores, under a minute with --device cuda). Fast (-o model.npz): TF-IDF +
    cue features from public pairs and/or reviews. Fixed seeds; the recipe, data hashes and
    versions go into the model's manifest (a neural rebuild gets close figures, not the same
    bytes).

    Example:

    \b
        annotator train reviewed.jsonl --codebook seeds/codebook.yaml -o newsroom.zip
        annotator train --pairs ../shared/data/stance/train.jsonl --dev ../shared/data/stance/dev.jsonl -o neural.zip
        annotator train --pairs ../shared/data/stance/train.jsonl --device cuda -o neural.zip
        annotator train --pairs ../shared/data/stance/train.jsonl --epochs 1 --lr 2e-5 --init .neural-work/hf -o final.zip
        annotator train --pairs ../shared/data/stance/train.jsonl -o model.npz
        annotator train reviewed.jsonl --codebook seeds/codebook.yaml --base -o model.npz
    """
    import json

    from annotator.errors import InputError
    from annotator.stance.files import train

    tuning: dict = {}
    if epochs is not None:
        tuning["epochs"] = epochs
    if lr is not None:
        tuning["lr"] = lr
    if device is not None:
        tuning["device"] = device
    if augment is not None:
        try:
            tuning["augment"] = json.loads(augment)
        except json.JSONDecodeError as e:
            raise InputError(
                f"--augment: not JSON ({e.msg}); e.g. --augment '{{\"predictions\": 0.2}}'"
            ) from None
    reporter = Reporter()
    for line in train(
        reviewed,
        pairs or [],
        base,
        codebook,
        output,
        review_weight,
        cv,
        reporter,
        engine,
        model,
        force,
        dev,
        tuning=tuning,
        init=init,
    ):
        typer.echo(line)
    finish(reporter, "labels")


@bench_app.command("stance")
@handle_errors
def bench_stance_cmd(
    pairs: Path | None = path_option(
        None, "--pairs", help="pairs JSONL to time (default: generated sentence-length pairs)"
    ),
    n: int = typer.Option(5000, "--n", help="number of pairs"),
    model: Path | None = path_option(
        None, "--model", "-m", help="time this model file instead of both bundled engines"
    ),
) -> None:
    """Pairs per second of `annotator stance --pairs` on one core for each engine (neural and
    fast), and peak memory.

    Example:

    \b
        annotator bench stance --n 5000
    """
    from annotator.bench.stance import bench_pairs

    for line in bench_pairs(pairs, n, model):
        typer.echo(line)


@bench_app.command("learning-curve")
@handle_errors
def bench_learning_curve_cmd(
    pairs: Path | None = path_option(
        None,
        "--pairs",
        help="labelled pairs to simulate reviews from (default: ../shared/data/stance/dev.jsonl)",
    ),
    base: Path | None = path_option(
        None, "--base", help="public base pairs (default: ../shared/data/stance/train.jsonl)"
    ),
    sizes: str = typer.Option("0,4,8,16", "--sizes", help="reviewed items per question"),
    questions: int = typer.Option(40, "--questions", help="how many questions to simulate"),
    seed: int = typer.Option(0, "--seed"),
    engine: str = typer.Option(
        "neural", "--engine", help="neural (reviews train a head) or fast (retrained)"
    ),
) -> None:
    """Macro-F1 on held-out items of reviewed questions as reviewed items per question grow.

    Example:

    \b
        annotator bench learning-curve --sizes 0,4,8,16
    """
    from annotator.bench.stance import learning_curve

    for line in learning_curve(
        pairs, base, [int(s) for s in sizes.split(",") if s.strip()], questions, seed, engine=engine
    ):
        typer.echo(line)
