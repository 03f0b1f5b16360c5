"""`annotator agreement` and `annotator disagreements`: how far reviewers agree, and where not."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from annotator.cli.app import app, finish, handle_errors, path_argument, path_option
from annotator.io import Reporter, read_models, write_text


class AgreementFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class DisagreementFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _emit(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_text(output, text)
        typer.echo(f"Wrote {output}", err=True)


def _notes(report, reporter: Reporter) -> None:
    if report.dropped_empty:
        reporter.warn(f"{report.dropped_empty} empty (cancelled or skipped) labels dropped")
    if report.replaced_duplicates:
        reporter.warn(
            f"{report.replaced_duplicates} labels replaced by the same annotator's later label "
            "on the same item (the latest created_at counts)"
        )


@app.command("agreement")
@handle_errors
def agreement_cmd(
    reviewed: Path = path_argument(..., help="Reviewed labels JSONL (from `annotator studio pull`)."),
    format: AgreementFormat = typer.Option(AgreementFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = path_option(None, "--output", "-o", help="Write here instead of stdout."),
    quotes: Path | None = path_option(
        None,
        "--quotes",
        help="The run's quotes.jsonl: the model's labels, to compare with blind reviews "
        "(pushed with --no-predictions, whose tasks carry none).",
    ),
) -> None:
    """Inter-annotator agreement per question and overall: items, annotators, percent
    agreement (share of items rated by 2+ annotators on which all agree), Krippendorff's
    nominal alpha, Cohen's kappa (exactly two annotators), and the model's proposals
    against the humans' majority label (accuracy, macro-F1, confusion matrix). Blind
    reviews are also measured apart: the humans among themselves, and the model against
    them (with --quotes).

    Example:

    \b
        annotator agreement reviewed.jsonl --format json -o agreement.json
        annotator agreement blind-reviewed.jsonl --quotes out/quotes.jsonl
    """
    reporter = Reporter()
    from annotator import agreement as agr

    model_labels = None
    if quotes is not None:
        from annotator.models import Quote

        model_labels = agr.model_labels_of(read_models(quotes, Quote, reporter))
    report = agr.compute(agr.read_labels(reviewed, reporter), model_labels)
    _notes(report, reporter)
    render = {"table": agr.render_table, "json": agr.render_json, "csv": agr.render_csv}[format.value]
    _emit(render(report), output)
    finish(reporter, "lines")


@app.command("disagreements")
@handle_errors
def disagreements_cmd(
    reviewed: Path = path_argument(..., help="Reviewed labels JSONL (from `annotator studio pull`)."),
    output: Path | None = path_option(None, "--output", "-o", help="Write here instead of stdout."),
    format: DisagreementFormat = typer.Option(
        DisagreementFormat.table, "--format", "-f", help="Output format."
    ),
) -> None:
    """The items (quote x question) where reviewers gave different labels, with the quote and
    each annotator's latest label, for adjudication.

    Example:

    \b
        annotator disagreements reviewed.jsonl --format jsonl -o disputed.jsonl
    """
    reporter = Reporter()
    from annotator import agreement as agr
    from annotator import disagreements as dis

    items = dis.find_disagreements(agr.read_labels(reviewed, reporter))
    render = dis.render_jsonl if format is DisagreementFormat.jsonl else dis.render_table
    _emit(render(items), output)
    finish(reporter, "lines")
