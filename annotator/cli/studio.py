"""`annotator studio config|push|pull`: the Label Studio round trip; `annotator bench studio`.

The API key comes from LABEL_STUDIO_API_KEY or --api-key and is never printed. The SDK is
imported only when a command runs (annotator.studio loads it lazily).
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from annotator import paths
from annotator.cli.app import app, finish, handle_errors, path_argument, path_option
from annotator.cli.bench import bench_app
from annotator.errors import InputError
from annotator.io import Reporter, read_models, write_jsonl, write_text
from annotator.models import Article, Codebook, Quote

STUDIO_HELP = """Review the model's proposals in Label Studio: start a server, labeling config, push tasks, pull reviewed labels.

Example:

\b
    annotator studio serve --data studio-data/
    annotator studio config -c seeds/codebook.yaml -o config.xml
    annotator studio push out/quotes.jsonl --url http://127.0.0.1:8080 --project "My project"
    annotator studio pull --url http://127.0.0.1:8080 --project "My project" -o reviewed.jsonl
"""

studio_app = typer.Typer(help=STUDIO_HELP, no_args_is_help=True)
app.add_typer(studio_app, name="studio")

API_KEY_ENV = "LABEL_STUDIO_API_KEY"
URL_ENV = "LABEL_STUDIO_URL"

_codebook_opt = path_option(
    None,
    "--codebook",
    "-c",
    help="Codebook (YAML/JSON) with the questions and labels (default: the bundled seed codebook).",
)
_url_opt = typer.Option(
    None, "--url", help=f"Label Studio address, e.g. http://127.0.0.1:8080 (or env {URL_ENV})."
)
_key_opt = typer.Option(
    None, "--api-key", help=f"API token (default: env {API_KEY_ENV}); never printed.", show_default=False
)


def _codebook(path: Path | None) -> Codebook:
    from annotator.stance.codebook import load_codebook

    return load_codebook(path or paths.SEED_CODEBOOK)


def _url(url: str | None) -> str:
    url = url or os.environ.get(URL_ENV)
    if not url:
        raise InputError(f"no Label Studio address: pass --url http://HOST:PORT (or set {URL_ENV})")
    return url


def _key(api_key: str | None) -> str:
    key = api_key or os.environ.get(API_KEY_ENV) or ""
    if not key:
        raise InputError(
            f"no API key: set {API_KEY_ENV} or pass --api-key (Label Studio: Account & Settings > "
            "Personal Access Token)"
        )
    return key


def _articles(inputs: list[Path] | None, reporter: Reporter) -> dict[str, Article]:
    if not inputs:
        return {}
    from annotator.ingest import iter_articles

    # a folder's JSONL files are left out: beside articles they are quotes or labels, not corpora
    return {a.id: a for a in iter_articles(inputs, reporter, folder_suffixes=("text", "html"))}


@studio_app.command("serve")
@handle_errors
def serve_cmd(
    data: Path = typer.Option(
        Path("studio-data"),
        "--data",
        "-d",
        help="Label Studio's data folder (projects, labels, the login): made at the first start, kept.",
    ),
    port: int = typer.Option(
        8080, "--port", min=1, max=65535, help="Port on 127.0.0.1 (the next free one if taken)."
    ),
    email: str = typer.Option(
        "admin@example.com", "--email", help="The first user's e-mail (used at the first start only)."
    ),
) -> None:
    """Start the Label Studio installed by scripts/install-label-studio.sh on 127.0.0.1, with
    its data in a folder of yours. The first start makes the first user; every start prints
    the address, the login and the API token to use with LABEL_STUDIO_API_KEY. Ctrl-C stops
    it; the data stays for the next start.

    Example:

    \b
        annotator studio serve --data studio-data/
        annotator studio serve --data ~/newsroom/label-studio --port 8090
    """
    import signal

    from annotator.studio.server import LOGIN_FILE, serve

    def _terminate(signum, frame):  # `kill` stops it as cleanly as Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _terminate)
    # Ctrl-C (SIGINT) stops it even when it was started with SIGINT ignored, as a shell without
    # job control starts a background command (`annotator studio serve ... &`)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    typer.echo(
        f"Starting Label Studio with its data in {data} (the first start sets up its database: up to "
        "a minute)...",
        err=True,
    )
    server, first = serve(data, port=port, email=email)
    try:
        typer.echo(
            "\n".join(
                [
                    f"Label Studio is running at {server.url}  (Ctrl-C stops it)",
                    f"  log in as   {server.email}",
                    f"  password    {server.password}",
                    f"  API token   {server.token}",
                    f"  the login is kept in {server.data_dir / LOGIN_FILE}"
                    + (" (made now: this is the first start)" if first else ""),
                    "",
                    "In another terminal:",
                    f"  export {URL_ENV}={server.url}",
                    f"  export {API_KEY_ENV}={server.token}",
                    '  annotator studio push out/quotes.jsonl --project "My review"',
                ]
            )
        )
        server.process.wait()
        raise InputError(
            f"Label Studio stopped by itself (code {server.process.returncode}); its log ends:\n"
            + server.log_tail()
        )
    except KeyboardInterrupt:
        typer.echo("Stopping Label Studio...", err=True)
    finally:
        server.stop(keep_data=True)
    typer.echo(
        f"Stopped. The data stays in {server.data_dir}; `annotator studio serve --data {data}` starts it again.",
        err=True,
    )


@studio_app.command("config")
@handle_errors
def config_cmd(
    codebook: Path | None = _codebook_opt,
    output: Path | None = path_option(None, "--output", "-o", help="Write the XML here (default: stdout)."),
) -> None:
    """Print the Label Studio labeling config generated from a codebook: the quote with its
    speaker, role and context, a link to the article, one single-choice block per question,
    and a check/correction of the speaker. Validated with label-studio-sdk's LabelInterface.

    Example:

    \b
        annotator studio config --codebook seeds/codebook.yaml -o config.xml
    """
    from annotator.studio.config import build_config

    xml = build_config(_codebook(codebook))
    if output is None or str(output) == "-":
        typer.echo(xml, nl=False)
    else:
        write_text(output, xml)
        typer.echo(f"Wrote {output}", err=True)


@studio_app.command("push")
@handle_errors
def push_cmd(
    quotes: Path = path_argument(
        ..., help="Quotes JSONL with stances (from `annotator run` or `annotator stance`)."
    ),
    codebook: Path | None = _codebook_opt,
    url: str | None = _url_opt,
    project: str | None = typer.Option(
        None,
        "--project",
        "-p",
        help="Project title or id (default: the codebook's title); created when no project has that title.",
    ),
    api_key: str | None = _key_opt,
    articles: list[Path] | None = path_option(
        None,
        "--articles",
        "-a",
        help="The articles (files, folders, JSONL): their title and url make the link shown with each quote.",
    ),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="Tasks per import request."),
    to_file: Path | None = path_option(
        None, "--to-file", help="Offline: write a Label Studio import file (JSON) instead of calling the API."
    ),
    no_predictions: bool = typer.Option(
        False,
        "--no-predictions",
        help="Blind review: the reviewers see no proposal (nothing pre-selected, no model label in the "
        "task data). Push blind reviews to a project of their own.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings."),
) -> None:
    """Send quotes to Label Studio as tasks, with the model's stances as predictions
    (model_version, score), most uncertain first, in batches. Creates the project or reuses
    it; pushing the same quotes again adds nothing twice (a task hash of quote id and
    codebook), new quotes are added. With --no-predictions the review is blind: for an
    agreement study, reviewers who do not see the model.

    Examples:

    \b
        export LABEL_STUDIO_API_KEY=...
        annotator studio push out/quotes.jsonl --codebook seeds/codebook.yaml --url http://127.0.0.1:8080
        annotator studio push out/quotes.jsonl --to-file tasks.json   # offline: import by hand
        annotator studio push out/quotes.jsonl --no-predictions --project "Blind review"
    """
    from annotator.studio import sync

    reporter = Reporter(quiet=quiet)
    book = _codebook(codebook)
    items = list(read_models(quotes, Quote, reporter))
    arts = _articles(articles, reporter)
    if to_file is not None:
        n = sync.write_tasks_file(items, book, to_file, arts, reporter, blind=no_predictions)
        typer.echo(
            f"Wrote {n} tasks to {to_file}; import it in a project whose labeling config is "
            "`annotator studio config` of the same codebook"
        )
    else:
        r = sync.push(
            items,
            book,
            url=_url(url),
            api_key=_key(api_key),
            project=project,
            articles=arts,
            batch_size=batch_size,
            reporter=reporter,
            blind=no_predictions,
        )
        how = "created" if r.created else "reused"
        typer.echo(
            f"Project {r.project_id} '{r.project_title}' ({how}): {r.imported} new tasks in {r.batches} "
            f"batches, {r.existing} already there ({r.seconds:.1f} s)"
            + ("; blind review: no proposal shown" if no_predictions else "")
        )
    finish(reporter, "quotes")


@studio_app.command("pull")
@handle_errors
def pull_cmd(
    url: str | None = _url_opt,
    project: str | None = typer.Option(None, "--project", "-p", help="Project title or id."),
    output: Path | None = path_option(
        None, "--output", "-o", help="Reviewed labels JSONL (default: stdout)."
    ),
    codebook: Path | None = path_option(
        None,
        "--codebook",
        "-c",
        help="Check the labels against this codebook "
        "(default: the project's labeling config; needed with --from-export).",
    ),
    api_key: str | None = _key_opt,
    from_export: Path | None = path_option(
        None,
        "--from-export",
        help="Offline: read Label Studio's JSON export file (Export > JSON) instead of calling the API.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings."),
) -> None:
    """Fetch the reviewers' labels, one JSON line per quote and question: quote_id,
    article_id, start, end, question, label, annotator, created_at, a speaker correction where
    made, and model_label (the proposal the reviewer saw). Cancelled, skipped and empty
    annotations are dropped; a label outside the codebook is reported (exit 3), not passed on.

    Examples:

    \b
        export LABEL_STUDIO_API_KEY=...
        annotator studio pull --url http://127.0.0.1:8080 --project "My project" -o reviewed.jsonl
        annotator studio pull --from-export export.json --codebook seeds/codebook.yaml -o reviewed.jsonl
    """
    from annotator.studio import sync

    reporter = Reporter(quiet=quiet)
    if from_export is not None:
        if codebook is None:
            raise InputError(
                "pull --from-export needs --codebook F (the codebook the tasks were pushed with), "
                "to check the labels"
            )
        labels = sync.read_export(from_export, _codebook(codebook), reporter)
    else:
        if not project:
            raise InputError("pull needs --project NAME|ID (or --from-export FILE)")
        labels = sync.pull(
            url=_url(url),
            api_key=_key(api_key),
            project=project,
            codebook=_codebook(codebook) if codebook else None,
            reporter=reporter,
        )
    n = write_jsonl(output, labels, exclude_none=False)
    if output is not None and str(output) != "-":
        annotators = len({lab.annotator for lab in labels})
        typer.echo(f"Wrote {n} reviewed labels by {annotators} annotators to {output}", err=True)
    finish(reporter, "annotation results")


@bench_app.command("studio")
@handle_errors
def bench_studio_cmd(
    url: str | None = typer.Option(
        None,
        "--url",
        help="A Label Studio to use (default: start a throw-away "
        "local server from .venv-ls, see scripts/install-label-studio.sh).",
    ),
    api_key: str | None = _key_opt,
    tasks: int = typer.Option(5000, "--tasks", "-n", min=1, help="Synthetic quotes to push and pull back."),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="Tasks per import request."),
    annotate: int = typer.Option(
        100,
        "--annotate",
        min=0,
        help="Tasks to annotate one by one through the API (a reviewer's pace; the server's speed).",
    ),
) -> None:
    """Push N synthetic quotes (7 questions each) to Label Studio, push them again (nothing
    new), annotate a sample through the API as a second user, and pull N reviewed tasks
    back; prints the time of each step and peak memory. A throw-away server is started when
    --url is not given (its start-up time is reported apart).

    Example:

    \b
        annotator bench studio --tasks 5000
    """
    from annotator.bench.studio import bench_studio

    key = api_key or os.environ.get(API_KEY_ENV) if url else None
    for line in bench_studio(tasks, url=url, api_key=key, batch_size=batch_size, annotate=annotate).lines():
        typer.echo(line)
