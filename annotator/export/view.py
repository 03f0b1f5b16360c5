"""What every export renders: the cells, the quotes, the questions, the experts and the run's
metadata, gathered once (from memory after `annotator run`, or from a run folder's files for
`annotator export`), plus the label styles (word, symbol, colour) shared by all formats."""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from annotator.errors import InputError
from annotator.io import Reporter, read_models
from annotator.models import (
    NOT_ADDRESSED,
    Article,
    Cell,
    Codebook,
    Evidence,
    Expert,
    Question,
    Quote,
    label_word,
)
from annotator.quotes.people import slug
from annotator.run.folder import RUN_META

# Okabe-Ito colours (safe for the common colour-vision deficiencies); every stance is also
# shown as a word and a symbol, never by colour alone.
STYLES: dict[str, tuple[str, str, str]] = {
    #               symbol  strong     tint   (the word: `models.label_word`)
    "support": ("✔", "#0072B2", "#d6e8f5"),
    "oppose": ("✖", "#D55E00", "#f8dccb"),
    "mixed": ("◐", "#9E4F8A", "#f0dcea"),
    "neutral": ("○", "#6B6B6B", "#e9e9e9"),
    NOT_ADDRESSED: ("–", "#8A8A8A", "#ffffff"),
}
OTHER_STYLES = [
    ("■", "#009E73", "#d2efe6"),
    ("◆", "#E69F00", "#fcebc7"),
    ("▲", "#56B4E9", "#dcf0fb"),
    ("●", "#000000", "#e4e4e4"),
]
LABEL_MEANINGS = {
    "support": "The expert argues for what the question proposes.",
    "oppose": "The expert argues against what the question proposes.",
    "mixed": "The expert's words go both ways: for in part, against in part.",
    "neutral": "The expert speaks to the question without taking a side.",
    NOT_ADDRESSED: "None of the expert's quotes speaks to the question.",
}


@dataclass(frozen=True)
class Style:
    label: str
    symbol: str
    word: str
    colour: str
    tint: str
    css: str


def style(label: str, labels: Sequence[str] = ()) -> Style:
    """Symbol, word and colours of a label (codebook labels outside the defaults get the
    next free symbol and colour)."""
    css = "s-" + re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    if label in STYLES:
        sym, colour, tint = STYLES[label]
    else:
        extra = [lab for lab in labels if lab not in STYLES]
        i = extra.index(label) if label in extra else len(extra)
        sym, colour, tint = OTHER_STYLES[i % len(OTHER_STYLES)]
    return Style(label, sym, label_word(label), colour, tint, css)


def web_url(value: str | None) -> str | None:
    """An http(s) address to link to, else None: the views link nothing else (no
    javascript:, data: or relative links from article metadata)."""
    v = (value or "").strip()
    return v if re.match(r"https?://\S", v, re.IGNORECASE) else None


def short_label(q: Question) -> str:
    """A column label: the question's `short`, else one made from its id."""
    if q.short:
        return q.short
    words = re.sub(r"[_.-]+", " ", q.id).strip()
    return words[:1].upper() + words[1:]


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date(-time) or an RFC 2822 date; other text is kept as is."""
    if not value:
        return None
    v = value.strip()
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4}-\d{2}-\d{2})", v)
    return m.group(1) if m else v


def question_stub(qid: str) -> Question:
    """A question known only by its id (a matrix exported without its codebook)."""
    return Question.model_construct(id=qid, text=qid.replace("_", " "), short=None, description=None)


@dataclass
class Row:
    """One expert's row: their cells without the quotes behind them (`cells`), how many
    quotes back each (`quotes`) and the one quote one-row formats show (`leads`)."""

    id: str
    name: str
    role: str | None
    organisation: str | None
    cells: dict[str, Cell]
    quotes: dict[str, int] = field(default_factory=dict)
    leads: dict[str, Evidence | None] = field(default_factory=dict)
    articles: dict[str, None] = field(default_factory=dict)  # ids of the articles of its evidence
    evidence_quotes: int = 0  # distinct quotes behind its cells


def row_key(cell: Cell) -> str:
    return cell.expert_id or slug(cell.expert)


class Summary:
    """The rows of a matrix from one pass over its cells, keeping no quote but each cell's
    lead: what the table parts of every export need, in memory that grows with the number
    of experts, not of quotes. Also the labels met, in the order they are met (a label the
    codebook does not list still gets a style)."""

    def __init__(self, experts: Sequence[Expert] = ()):
        self.registry = {e.id: e for e in experts}
        self.by_id: dict[str, Row] = {}
        self.labels_seen: dict[str, None] = {}
        self._row: Row | None = None  # the row being read and the ids of its quotes so far
        self._ids: set[str] = set()

    def add(self, c: Cell) -> None:
        key = row_key(c)
        row = self.by_id.get(key)
        if row is not self._row or row is None:
            self._ids = set()  # a run writes a row's cells together: only one row's ids are kept
        if row is None:
            e = self.registry.get(key)
            row = self.by_id[key] = Row(
                key,
                c.expert,
                c.role or (e.role if e else None),
                c.organisation or (e.organisation if e else None),
                {},
            )
        row.cells[c.question] = c.model_copy(update={"evidence": []}) if c.evidence else c
        row.quotes[c.question] = len(c.evidence)
        row.leads[c.question] = lead_evidence(c)
        self.labels_seen[c.stance] = None
        self._row = row
        for e in c.evidence:
            self.labels_seen[e.label] = None
            if e.model_label:
                self.labels_seen[e.model_label] = None
            row.articles[e.article_id] = None
            if e.quote_id not in self._ids:
                self._ids.add(e.quote_id)
                row.evidence_quotes += 1

    @property
    def rows(self) -> list[Row]:
        return list(self.by_id.values())


@dataclass
class MatrixData:
    """Everything an export needs. The cells are in memory (`cells`) or, for a run too big
    to hold, read back from a file each time they are needed (`cell_source`, with the
    `summary` made while writing it, and `article_source`): exports go through `rows()`,
    `iter_cells()`, `iter_row_cells()` and `iter_articles()`, which serve both."""

    cells: list[Cell] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    codebook: Codebook | None = None
    experts: list[Expert] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    cell_source: Callable[[], Iterable[Cell]] | None = None
    summary: Summary | None = None
    article_source: Callable[[], Iterable[dict]] | None = None
    quote_source: Callable[[], Iterable[Quote]] | None = None

    @property
    def questions(self) -> list[Question]:
        if self.codebook is not None:
            return list(self.codebook.questions)
        ids = list(dict.fromkeys(c.question for c in self.iter_cells()))
        return [question_stub(i) for i in ids]

    @property
    def labels(self) -> list[str]:
        if self.codebook is not None:
            return list(self.codebook.labels)
        seen = list(dict.fromkeys(c.stance for c in self.iter_cells()))
        return [lab for lab in STYLES if lab in seen or lab == NOT_ADDRESSED] + [
            s for s in seen if s not in STYLES
        ]

    def iter_cells(self) -> Iterator[Cell]:
        return iter(self.cell_source()) if self.cell_source is not None else iter(self.cells)

    def _summary(self) -> Summary:
        if self.summary is not None:
            return self.summary
        summary = Summary(self.experts)  # from the cells in memory, each time (they may change)
        for c in self.cells:
            summary.add(c)
        return summary

    def rows(self) -> list[Row]:
        return self._summary().rows

    def labels_seen(self) -> list[str]:
        """Every label of the cells and their quotes, in the order met."""
        return list(self._summary().labels_seen)

    def iter_row_cells(self) -> Iterator[tuple[Row, dict[str, Cell]]]:
        """Each row with its cells whole (their quotes too), one row at a time."""
        rows = {r.id: r for r in self.rows()}
        if self.cell_source is None:
            full: dict[str, dict[str, Cell]] = {}
            for c in self.cells:
                full.setdefault(row_key(c), {})[c.question] = c
            for key, row in rows.items():
                yield row, full[key]
            return
        for key, group in itertools.groupby(
            self.cell_source(), key=row_key
        ):  # a run writes a row's cells together
            yield rows[key], {c.question: c for c in group}

    def iter_quotes(self) -> Iterator[Quote]:
        return iter(self.quote_source()) if self.quote_source is not None else iter(self.quotes)

    def quote_count(self) -> int | None:
        """How many quotes the run found (None: not known)."""
        if self.quotes:
            return len(self.quotes)
        if self.quote_source is not None and "quotes" not in self.meta:
            return sum(1 for _ in self.iter_quotes())
        return self.meta.get("quotes")

    def iter_articles(self) -> Iterator[dict]:
        """id, title, url, published, outlet of every article behind the quotes and cells."""
        if self.article_source is not None:
            for a in self.article_source():
                yield {k: a.get(k) for k in ("id", "title", "url", "published", "outlet")}
            return
        yield from self.articles()

    def articles(self) -> list[dict]:
        """`iter_articles` as a list."""
        if self.article_source is not None:
            return list(self.iter_articles())
        out: dict[str, dict] = {}
        for a in self.meta.get("articles", []):
            out[a["id"]] = {k: a.get(k) for k in ("id", "title", "url", "published", "outlet")}
        for q in self.iter_quotes():
            out.setdefault(
                q.article_id,
                {"id": q.article_id, "title": None, "url": None, "published": None, "outlet": None},
            )
        for c in self.iter_cells():
            for e in c.evidence:
                a = out.setdefault(
                    e.article_id,
                    {"id": e.article_id, "title": None, "url": None, "published": None, "outlet": None},
                )
                for k, v in (("title", e.title), ("url", e.url), ("published", e.published)):
                    a[k] = a[k] or v
        return list(out.values())

    def title(self) -> str:
        return (
            self.meta.get("title")
            or (self.codebook.title if self.codebook and self.codebook.title else None)
            or "Where the experts stand"
        )


@dataclass
class DirectoryEntry:
    """One expert in the experts directory: who they are, where and how often they are
    quoted, and the questions they address (question id -> the cell's stance)."""

    id: str
    name: str
    role: str | None
    organisation: str | None
    quotes: int
    articles: list[dict]  # id, title, url, published: every article they are quoted in
    addressed: dict[str, str]


def directory(data: MatrixData) -> list[DirectoryEntry]:
    """Every row's expert with their articles, number of quotes and addressed questions, in
    row order. Articles and counts come from the run's experts.jsonl where it has the expert
    (every quote and article, on a question or not), else from the quotes behind the cells."""
    records = {e.id: e for e in data.experts}
    rows = data.rows()
    wanted: dict[str, list[str]] = {}
    for r in rows:
        e = records.get(r.id)
        wanted[r.id] = list(dict.fromkeys((e.articles if e and e.articles else []) + list(r.articles)))
    needed = {a for ids in wanted.values() for a in ids}
    meta: dict[str, dict] = {}
    for a in data.iter_articles():
        if a.get("id") in needed:
            meta[a["id"]] = a
    out = []
    for r in rows:
        e = records.get(r.id)
        arts = [meta.get(a) or {"id": a, "title": None, "url": None, "published": None} for a in wanted[r.id]]
        out.append(
            DirectoryEntry(
                id=r.id,
                name=r.name,
                role=r.role,
                organisation=r.organisation,
                quotes=max(e.quotes if e else 0, r.evidence_quotes),
                articles=arts,
                addressed={q: c.stance for q, c in r.cells.items() if c.stance != NOT_ADDRESSED},
            )
        )
    return out


CONTEXT_BEFORE = 320  # characters of the context shown before a quote, at most
CONTEXT_AFTER = 200  # ... and after it


def context_parts(e: Evidence) -> tuple[str, str] | None:
    """The context around an evidence quote as (before, after), trimmed at a word to what an
    editor reads at a glance; None when the quote has no context or is not found in it."""
    ctx = e.context
    if not ctx:
        return None
    at = e.start - e.context_start if e.context_start is not None else -1
    if at < 0 or ctx[at : at + len(e.text)] != e.text:
        at = ctx.find(e.text)
        if at < 0:
            return None
    before, after = ctx[:at], ctx[at + len(e.text) :]
    if len(before) > CONTEXT_BEFORE:
        cut = before[-CONTEXT_BEFORE:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > CONTEXT_AFTER:
        cut = after[:CONTEXT_AFTER]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return before, after


def lead_evidence(cell: Cell) -> Evidence | None:
    """The quote shown for a cell in one-row formats: a human-reviewed quote with the cell's
    label first, then the most confident quote with the cell's label, then any, earliest first."""
    if not cell.evidence:
        return None
    return min(
        enumerate(cell.evidence),
        key=lambda ie: (
            ie[1].label != cell.stance
            and not (cell.stance == "mixed" and ie[1].label in ("support", "oppose")),
            ie[1].source != "annotator",
            -ie[1].confidence,
            ie[0],
        ),
    )[1]


def generated_at() -> str | None:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) as an ISO time, if set; files
    never carry the wall-clock time, so reruns are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def data_as_of(data: MatrixData) -> str | None:
    """The newest article date or review time behind the matrix (a deterministic 'as of')."""
    dates = (iso_date(a.get("published")) for a in data.iter_articles())
    reviews = (iso_date(d) for d in data.meta.get("reviewed_at", []))
    return max(
        (d for d in itertools.chain(dates, reviews) if d and re.match(r"\d{4}-\d{2}-\d{2}$", d)), default=None
    )


def read_codebook(path: Path) -> Codebook:
    """The codebook through the stance package's loader (its checks and messages), or, while
    that is absent, a plain YAML/JSON read."""
    try:
        from annotator.stance.codebook import load_codebook
    except ImportError:
        import yaml
        from pydantic import ValidationError

        from annotator.errors import CodebookError
        from annotator.io import describe_validation

        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            return Codebook.model_validate(raw)
        except OSError as e:
            raise CodebookError(f"{path}: cannot read the codebook ({e.strerror or e})") from None
        except (yaml.YAMLError, ValidationError) as e:
            why = describe_validation(e) if isinstance(e, ValidationError) else str(e).splitlines()[0]
            raise CodebookError(f"{path}: not a valid codebook ({why})") from None
    return load_codebook(path)


def load(
    matrix: Path,
    quotes: Path | None = None,
    codebook: Path | None = None,
    meta: Path | None = None,
    experts: Path | None = None,
    reporter: Reporter | None = None,
) -> MatrixData:
    """MatrixData from files: matrix.jsonl (cells), and optionally quotes.jsonl, a codebook,
    run.json (the run's metadata, with the codebook) and experts.jsonl. The cells and the
    quotes stay in their files, read again when an export needs them (one pass here checks
    the cells, reports bad lines and makes the rows), so a run of any size can be exported;
    a matrix whose rows are not written together, as `annotator run` writes them, is read
    into memory instead."""
    run_meta: dict = {}
    if meta is not None:
        try:
            run_meta = json.loads(Path(meta).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise InputError(
                f"{meta}: cannot read the run metadata ({e}); remove it or rerun `annotator run`"
            ) from None
    book = None
    if codebook is not None:
        book = read_codebook(codebook)
    elif run_meta.get("codebook"):
        book = Codebook.model_validate(run_meta["codebook"])
    expert_list = list(read_models(experts, Expert, reporter)) if experts else []
    summary = Summary(expert_list)
    together, finished, last = True, set(), None
    for c in read_models(matrix, Cell, reporter):
        key = row_key(c)
        if key != last:
            together = together and key not in finished
            finished.add(last)
            last = key
        summary.add(c)
    if not summary.by_id:
        raise InputError(f"{matrix}: no matrix cells; give the matrix.jsonl written by `annotator run`")
    if quotes is not None:
        for _ in read_models(quotes, Quote, reporter):  # bad lines are reported once, here
            pass

    def again(path: Path, model: type) -> Callable[[], Iterator]:
        return lambda: read_models(path, model, Reporter(quiet=True))  # reported above: skipped quietly

    data = MatrixData(
        codebook=book,
        experts=expert_list,
        meta=run_meta,
        quote_source=again(quotes, Quote) if quotes is not None else None,
    )
    if isinstance(run_meta.get("articles"), list):
        data.article_source = lambda: iter(run_meta["articles"])
    if together:
        data.cell_source, data.summary = again(matrix, Cell), summary
    else:
        data.cells = list(again(matrix, Cell)())
    return data


def load_run(
    folder: Path,
    codebook: Path | None = None,
    reporter: Reporter | None = None,
    rows: str = "experts",
    labels: Path | None = None,
) -> MatrixData:
    """MatrixData from a run folder written by `annotator run` (a folder whose run did not
    finish is refused). rows="people", or reviewed `labels`, make the matrix again from the
    run's quotes (their stances as the run left them)."""
    folder = Path(folder)
    matrix = folder / "matrix.jsonl"
    if not folder.is_dir():
        raise InputError(
            f"{folder}: no such run folder; give a folder written by `annotator run` or pass --matrix"
        )
    if not matrix.exists():
        raise InputError(
            f"{folder}: no matrix.jsonl in this folder; give a folder written by `annotator run` "
            "or pass --matrix"
        )
    if not (folder / RUN_META).exists():
        raise InputError(
            f"{folder}: the run that wrote this folder did not finish ({RUN_META} is missing); "
            "rerun `annotator run` with the same --out to complete it"
        )
    if rows != "experts" or labels is not None:
        return _remade(folder, codebook, reporter, rows, labels)

    def opt(name: str) -> Path | None:
        return folder / name if (folder / name).exists() else None

    return load(matrix, opt("quotes.jsonl"), codebook, opt(RUN_META), opt("experts.jsonl"), reporter)


def _remade(
    folder: Path, codebook: Path | None, reporter: Reporter | None, rows: str, labels: Path | None
) -> MatrixData:
    """The matrix made again from a run folder's quotes, experts and codebook."""
    from annotator.matrix import build_matrix

    reporter = reporter or Reporter()
    meta = json.loads((folder / RUN_META).read_text(encoding="utf-8"))
    book = read_codebook(codebook) if codebook is not None else Codebook.model_validate(meta["codebook"])
    quotes_path = folder / "quotes.jsonl"
    if not quotes_path.exists():
        raise InputError(f"{folder}: no quotes.jsonl; the matrix can only be made again from a run's quotes")
    experts = (
        list(read_models(folder / "experts.jsonl", Expert, reporter))
        if (folder / "experts.jsonl").exists()
        else []
    )
    reviewed: list = []
    if labels is not None:
        from annotator.models import ReviewedLabel

        if not Path(labels).is_file():
            raise InputError(
                f"{labels}: no such reviewed-labels file; give the JSONL written by `annotator studio pull`"
            )
        reviewed = [lab for lab in read_models(labels, ReviewedLabel, reporter) if lab.label or lab.speaker]
    articles = {
        a["id"]: Article(
            id=a["id"],
            text="",
            title=a.get("title"),
            url=a.get("url"),
            published=a.get("published"),
            outlet=a.get("outlet"),
        )
        for a in meta.get("articles") or []
    }
    cells = build_matrix(
        read_models(quotes_path, Quote, reporter),
        book,
        experts,
        reviewed,
        articles,
        reporter=reporter,
        rows=rows,
    )
    return MatrixData(
        cells=cells,
        codebook=book,
        experts=experts,
        meta=meta,
        quote_source=lambda: read_models(quotes_path, Quote, Reporter(quiet=True)),
    )
