"""Read articles from .txt, .md, .html files, folders of them, and JSONL corpora.

Every reader yields `Article` records one at a time (a corpus is never held in memory).
A bad file or line is reported through the `Reporter` and skipped; the rest goes on.
The article text is kept as read (after decoding and newline translation), so offsets
into it are the offsets the scorers and Label Studio see.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from annotator.errors import InputError
from annotator.io import Reporter, describe_validation, iter_jsonl
from annotator.models import Article
from annotator.scratch import DiskIndex

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
ARTICLE_FIELDS = ("title", "url", "published", "outlet")
META_ALIASES = {
    "published": ("published", "date", "published_at", "datetime"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "publisher", "source_name"),
}


def decode(data: bytes, where: str, encoding: str | None = None) -> tuple[str, str | None]:
    """Bytes to text. UTF-8 (with or without BOM) first; then the given encoding; then a
    detected one (with a warning). Raises InputError for binary or undecodable data."""
    if not data.strip():
        raise InputError(f"{where}: the file is empty; remove it or add the article text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: looks like a binary file, not text; remove it from the input")
    if encoding:
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(f"{where}: cannot decode as {encoding} ({e}); try another --encoding") from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        first_error = e
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a core dependency
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding and best.encoding not in ("utf_8", "utf-8"):
            try:
                text = data.decode(best.encoding)
                return text, best.encoding
            except (UnicodeDecodeError, LookupError):
                pass
    raise InputError(
        f"{where}: not UTF-8 (bad byte at {first_error.start}) and no encoding could be detected; "
        "pass --encoding (e.g. --encoding cp1252)"
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path, encoding: str | None = None, reporter: Reporter | None = None) -> Article:
    text, detected = decode(path.read_bytes(), str(path), encoding)
    if detected and reporter:
        reporter.warn(f"{path}: not UTF-8; decoded as {detected} (pass --encoding to choose)")
    text = _newlines(text)
    if not text.strip():
        raise InputError(f"{path}: the file has no text")
    title = None
    first = text.lstrip().split("\n", 1)[0].strip()
    if path.suffix.lower() in (".md", ".markdown"):
        m = re.match(r"#+\s+(.*)", first)
        title = m.group(1).strip() if m else None
    else:
        title = text_headline(text)
    return Article(id=path.stem, text=text, title=title, source=str(path))


HEADLINE_WORDS = 20  # a first line ending in a full stop is a headline up to this many words


def text_headline(text: str) -> str | None:
    """The title of a plain-text article: its first line, when it is short and is not the
    start of the story. A line that ends without a full stop or a closing quotation mark is
    a headline; so is one ending in a full stop when it stands alone (a blank line after it),
    is one sentence without quotation marks and has at most HEADLINE_WORDS words ("Council
    votes to close the depot.")."""
    lines = text.lstrip().split("\n", 2)
    first = lines[0].strip()
    if not 0 < len(first) <= 200:
        return None
    if not first.endswith((".", "”", '"')):
        return first
    alone = len(lines) > 1 and not lines[1].strip()
    one_sentence = not re.search(r"[.!?][”\"’']?\s+\S", first)
    quoted = any(mark in first for mark in '"“”')  # a story opening on a quote, not a headline
    if first.endswith(".") and not first.endswith("...") and alone and one_sentence and not quoted:
        if len(first.split()) <= HEADLINE_WORDS:
            return first
    return None


BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "ul",
    "ol",
}
DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "form",
    "button",
    "head",
    "aside",
    "object",
    "embed",
    "canvas",
    "select",
    "textarea",
]


def html_to_article(html: str, article_id: str, source: str | None = None) -> Article:
    """Visible article text from HTML: scripts, styles, navigation dropped; one paragraph a
    line. Title, canonical URL and publication date are read from the usual meta tags."""
    try:  # selectolax >= 0.3.13: lexbor (the Modest backend is deprecated and refuses in 1.x)
        from selectolax.lexbor import LexborHTMLParser as HTMLParser
    except ImportError:  # pragma: no cover - an older selectolax
        from selectolax.parser import HTMLParser

    tree = HTMLParser(html)

    def meta(*names: str) -> str | None:
        for n in names:
            node = tree.css_first(f'meta[property="{n}"]') or tree.css_first(f'meta[name="{n}"]')
            if node is not None and node.attributes.get("content"):
                return node.attributes["content"].strip()
        return None

    title = meta("og:title", "twitter:title")
    if not title:
        node = tree.css_first("title") or tree.css_first("h1")
        title = node.text(strip=True) if node is not None else None
    url = meta("og:url")
    canon = tree.css_first('link[rel="canonical"]')
    if canon is not None and canon.attributes.get("href"):
        url = canon.attributes["href"]
    published = meta("article:published_time", "date", "pubdate", "dc.date", "DC.date.issued")
    if not published:
        node = tree.css_first("time[datetime]")
        published = node.attributes.get("datetime") if node is not None else None
    outlet = meta("og:site_name")
    tree.strip_tags(DROP_TAGS)
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = re.sub(r"[ \t\r\n\f\v]+", " ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    def walk(node) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                buf.append(child.text_content or "")
            elif tag in ("-comment", "!doctype"):
                pass
            else:
                block = tag in BLOCK_TAGS
                if block:
                    flush()
                if tag == "li":
                    buf.append("- ")
                walk(child)
                if block:
                    flush()
            child = child.next

    if root is not None:
        walk(root)
        flush()
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{source or article_id}: the HTML has no visible text")
    return Article(
        id=article_id,
        text=text,
        title=title or None,
        url=url,
        published=published,
        outlet=outlet,
        source=source,
    )


def read_html_file(path: Path, encoding: str | None = None, reporter: Reporter | None = None) -> Article:
    data = path.read_bytes()
    if not encoding:
        m = re.search(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_-]+)', data[:4096], re.I)
        if m:
            enc = m.group(1).decode("ascii", "ignore")
            try:
                data.decode(enc)
                encoding = enc
            except (UnicodeDecodeError, LookupError):
                pass
    html, detected = decode(data, str(path), encoding)
    if detected and reporter:
        reporter.warn(f"{path}: not UTF-8; decoded as {detected} (pass --encoding to choose)")
    return html_to_article(html, path.stem, str(path))


def article_from_record(obj: dict, where: str) -> Article:
    """An Article from a JSONL object with at least "id" and "text"; other known fields kept."""
    if "id" not in obj or obj["id"] in (None, ""):
        raise InputError(f'{where}: no "id"; every line needs an "id" and a "text"')
    if not isinstance(obj.get("text"), str):
        raise InputError(f'{where}: no "text" string; every line needs an "id" and a "text"')
    if not obj["text"].strip():
        raise InputError(f'{where}: "text" is empty')
    if isinstance(obj["id"], (dict, list)):
        raise InputError(f'{where}: "id" must be a string or a number')
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    fields: dict = {}
    for name, aliases in META_ALIASES.items():
        for a in aliases:
            value = obj.get(a) if a in obj else meta.get(a)
            if isinstance(value, (str, int, float)) and str(value).strip():
                fields[name] = str(value)
                break
    keep = {k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool)) or v is None}
    try:
        return Article(id=str(obj["id"]), text=obj["text"], source=where, meta=keep, **fields)
    except ValidationError as e:
        raise InputError(f"{where}: {describe_validation(e)}") from None


def read_jsonl_file(path: Path, reporter: Reporter, encoding: str | None = None) -> Iterator[Article]:
    for n, obj in iter_jsonl(path, reporter, encoding):
        try:
            yield article_from_record(obj, f"{path}:{n}")
        except InputError as e:
            reporter.skip(str(e))


def expand(
    inputs: Iterable[Path | str],
    reporter: Reporter,
    skip: Sequence[Path] = (),
    folder_suffixes: Sequence[str] | None = None,
) -> Iterator[tuple[Path, str | None]]:
    """(file, article id or None) from the inputs: files as given (their id is the file name
    without suffix), folders searched in sorted order for known suffixes, each file's id its
    path relative to the folder (so `2024-01-02/article.txt` is "2024-01-02/article").
    Hidden files and folders, folders a run wrote into (`annotator.run.folder`) and the
    `skip` folders (a run's own OUT) are not read; an unreadable folder is reported.
    `folder_suffixes` ("text", "html", "jsonl") limits what is read inside folders."""
    from annotator.run.folder import is_run_folder

    kinds = {"text": TEXT_SUFFIXES, "html": HTML_SUFFIXES, "jsonl": JSONL_SUFFIXES}
    wanted = set().union(*(kinds[k] for k in folder_suffixes)) if folder_suffixes else SUFFIXES
    skipped = {Path(p).resolve() for p in skip}
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = []
            errors: list[OSError] = []
            for root, dirs, files in os.walk(p, onerror=errors.append):
                here = Path(root)
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and (here / d).resolve() not in skipped
                    and not is_run_folder(here / d)
                )
                for name in files:
                    f = here / name
                    if not name.startswith(".") and f.suffix.lower() in wanted:
                        found.append(f)
            for e in errors:
                reporter.skip(
                    f"{e.filename}: cannot read this folder ({e.strerror or e}); its articles were "
                    "skipped, fix its permissions"
                )
            found.sort()
            if not found and not errors:
                reporter.skip(f"{p}: folder has no .txt, .md, .html or .jsonl files")
            for f in found:
                yield f, f.relative_to(p).with_suffix("").as_posix()
        elif p.is_file():
            yield p, None
        else:
            reporter.skip(f"{p}: no such file or folder; check the path")


def read_file(
    path: Path, reporter: Reporter, encoding: str | None = None, article_id: str | None = None
) -> Iterator[Article]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path, reporter, encoding)
        elif suffix in HTML_SUFFIXES:
            art = read_html_file(path, encoding, reporter)
            yield art.model_copy(update={"id": article_id}) if article_id else art
        elif suffix in TEXT_SUFFIXES or suffix == "":
            art = read_text_file(path, encoding, reporter)
            yield art.model_copy(update={"id": article_id}) if article_id else art
        else:
            reporter.skip(f"{path}: unknown file type '{suffix}'; use .txt, .md, .html or .jsonl")
    except InputError as e:
        reporter.skip(str(e))
    except OSError as e:
        reporter.skip(f"{path}: cannot read ({e.strerror or e})")


def iter_articles(
    inputs: Iterable[Path | str],
    reporter: Reporter | None = None,
    encoding: str | None = None,
    skip: Sequence[Path] = (),
    folder_suffixes: Sequence[str] | None = None,
) -> Iterator[Article]:
    """All articles of the inputs, in order. Duplicate ids are reported and skipped; the
    `skip` folders (and any folder a run wrote into) are not read."""
    reporter = reporter or Reporter()
    seen = DiskIndex()  # every id read, on disk: a corpus of any size
    try:
        for path, article_id in expand(inputs, reporter, skip, folder_suffixes):
            for art in read_file(path, reporter, encoding, article_id):
                if art.id in seen:
                    reporter.skip(
                        f"{art.source}: duplicate article id '{art.id}' (already read); "
                        "skipped, give it a unique id"
                    )
                    continue
                seen.add(art.id)
                yield art
    finally:
        seen.close()
