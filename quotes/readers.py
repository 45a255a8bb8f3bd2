"""Turn files, folders and stdin into articles with their metadata.

Every input becomes a stream of :class:`Article` or :class:`ReadError` items, so one bad file
is recorded and skipped instead of stopping a run over thousands of good ones.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePath
from typing import IO

from quotes.decoding import NotText, decode_bytes, repair_note

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
FORMATS = ("auto", "txt", "html", "jsonl", "json", "csv")
STDIN = "-"
HTML_MAX_BYTES = 20_000_000  # trafilatura's MAX_FILE_SIZE: it returns nothing for larger pages
DEFAULT_MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any news article, so a longer one is a dump


@dataclass
class Article:
    """One article's text and what is known about where it came from."""

    text: str
    source: str  # file path, "path:line" for a record, or "<stdin>"
    id: str | None = None  # the id given by the input, if any
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    nbytes: int = 0  # input bytes this article came from, for progress bars


@dataclass
class ReadError:
    """An input that could not be turned into an article, and why."""

    source: str
    reason: str
    nbytes: int = 0
    skipped: bool = True  # False for a repair worth reporting: the article itself was still read


Item = Article | ReadError


@dataclass
class FieldMap:
    """Which record fields (JSON keys or CSV columns) hold each piece of an article.

    Each entry lists candidate names tried in order, so common layouts work without options.
    """

    text: tuple[str, ...] = ("text", "body", "content", "article")
    id: tuple[str, ...] = ("id", "doc_id", "article_id", "guid")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link", "source_url")
    date: tuple[str, ...] = ("date", "published", "published_at", "pubdate", "datetime")
    outlet: tuple[str, ...] = ("outlet", "source", "publication", "site", "sitename", "media")
    author: tuple[str, ...] = ("author", "authors", "byline")

    @classmethod
    def with_overrides(cls, **names: str | None) -> FieldMap:
        """Field map where each given name replaces the defaults for that piece."""
        fields = cls()
        for key, name in names.items():
            if name:
                setattr(fields, key, (name,))
        return fields


@dataclass
class Source:
    """One input to read: a path (or stdin) and the format to read it as."""

    path: str
    format: str
    size: int = 0


@dataclass
class ReadOptions:
    """How to find and read inputs."""

    glob: str = "*"
    format: str = "auto"
    fields: FieldMap = field(default_factory=FieldMap)
    outlet: str | None = None  # outlet for articles whose input names none
    max_chars: int = DEFAULT_MAX_CHARS  # longer articles are skipped; 0 for no limit


def format_for(path: Path) -> str | None:
    """The reader for a file name, or None for files a folder scan should pass over."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix in {".json", ".csv"}:
        return suffix[1:]
    return None


def discover(inputs: Iterable[str], options: ReadOptions | None = None) -> list[Source | ReadError]:
    """Expand inputs into sources: folders recursively (matching ``glob``), files as given.

    A path that cannot be used (missing, a symbolic link loop, no permission) becomes a
    ReadError naming the problem. A named pipe or ``/dev/fd/N`` given by name is read like stdin,
    so ``quotes extract <(zcat feed.jsonl.gz)`` works.
    """
    options = options or ReadOptions()
    found: list[Source | ReadError] = []
    for name in inputs:
        if name == STDIN:
            found.append(Source(STDIN, options.format))
            continue
        path = Path(name)
        try:
            info = path.stat()
        except OSError as error:
            found.append(ReadError(name, path_problem(path, error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(folder_sources(path, options))
            continue
        regular = stat.S_ISREG(info.st_mode)
        fmt = options.format if options.format != "auto" else (format_for(path) or ("txt" if regular else "auto"))
        found.append(Source(str(path), fmt, info.st_size if regular else 0))
    return found


def path_problem(path: Path, error: OSError) -> str:
    """Why a path cannot be read, in words: a loop, a broken link, no permission."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link to {os.readlink(path)}"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.EACCES:
        return "permission denied"
    return error.strerror or str(error)


def folder_sources(root: Path, options: ReadOptions) -> list[Source | ReadError]:
    """Every readable file under ``root`` matching the glob, hidden files and folders left out.

    Symbolic links to folders are followed, but a link back to a folder already read (a loop,
    or a second way into the same folder) is skipped and reported, so nothing is read twice.
    """
    found: list[tuple[Path, Source | ReadError]] = []
    seen = {(root.stat().st_dev, root.stat().st_ino)}

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or root)
        found.append((where, ReadError(str(where), path_problem(where, error))))

    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        for name in sorted(dirnames):
            dirnames.remove(name)
            child = Path(folder, name)
            if name.startswith("."):
                continue
            try:
                info = child.stat()
            except OSError as error:
                found.append((child, ReadError(str(child), path_problem(child, error))))
                continue
            if (info.st_dev, info.st_ino) in seen:
                found.append((child, ReadError(str(child), f"symbolic link to {os.path.realpath(child)}, "
                                                           "a folder already read (a loop or a duplicate)")))
                continue
            seen.add((info.st_dev, info.st_ino))
            dirnames.append(name)
        for name in filenames:
            child = Path(folder, name)
            fmt = options.format if options.format != "auto" else format_for(child)
            if fmt is None or name.startswith(".") or not PurePath(child.relative_to(root)).match(options.glob):
                continue
            try:
                info = child.stat()
            except OSError as error:
                found.append((child, ReadError(str(child), path_problem(child, error))))
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((child, Source(str(child), fmt, info.st_size)))
            else:
                found.append((child, ReadError(str(child), "not a regular file (a pipe, socket or device)")))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def read_inputs(inputs: Iterable[str], options: ReadOptions | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article (or read error) from files, folders and ``-`` for stdin, in order."""
    options = options or ReadOptions()
    for source in discover(inputs, options):
        if isinstance(source, ReadError):
            yield source
        else:
            yield from read_source(source, options, stdin)


def read_source(source: Source, options: ReadOptions, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Read one source; any failure becomes a ReadError rather than an exception.

    Articles read before a failure (say, a web archive cut off half-way) are kept. Articles over
    ``options.max_chars`` are skipped, and a text file too large to hold fewer characters is
    skipped without being read.
    """
    try:
        too_large = size_problem(source, options)
        if too_large:
            yield ReadError(source.path, too_large, source.size)
            return
        if source.path == STDIN:
            data = (stdin or sys.stdin.buffer).read()
            label = "<stdin>"
        else:
            with open(source.path, "rb") as file:
                data = file.read()
            label = source.path
        fmt = source.format if source.format != "auto" else sniff_format(data)
        if fmt in DECODED_FORMATS and (note := repair_note(data)):
            yield ReadError(label, note, skipped=False)
        for item in READERS[fmt](data, label, options):
            if isinstance(item, Article):
                item = within_limit(item, options.max_chars)
            if isinstance(item, Article) and not item.outlet:
                item.outlet = options.outlet
            yield item
    except OSError as error:
        yield ReadError(source.path, f"cannot read: {path_problem(Path(source.path), error)}", source.size)
    except Exception as error:  # a reader failing on one hostile input must not stop the run
        yield ReadError(source.path, reader_problem(error), source.size)


def size_problem(source: Source, options: ReadOptions) -> str | None:
    """Why a file is too large to read at all, judged from its size alone."""
    if source.format == "txt" and options.max_chars and source.size > 4 * options.max_chars:
        return (f"file is {source.size:,} bytes, so more than the --max-chars limit of "
                f"{options.max_chars:,} characters")
    if source.format == "html" and source.size > HTML_MAX_BYTES:
        return f"HTML page is {source.size:,} bytes, over the {HTML_MAX_BYTES:,} bytes trafilatura reads"
    return None


def within_limit(article: Article, max_chars: int) -> Item:
    if max_chars and len(article.text) > max_chars:
        return ReadError(article.source, f"article is {len(article.text):,} characters, over the --max-chars "
                                         f"limit of {max_chars:,}", article.nbytes)
    return article


def reader_problem(error: Exception) -> str:
    """The reason to record for a reader's exception: our own messages as they are, others named."""
    if isinstance(error, RecursionError):
        return "nested too deeply to read (RecursionError)"
    if type(error) in (ValueError, NotText):
        return str(error)
    return f"{type(error).__name__}: {error}"


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed input (stdin) from its first character."""
    head = data.lstrip()[:1]
    if head == b"{":
        return "jsonl"
    if head == b"[":
        return "json"
    if head == b"<":
        return "html"
    return "txt"


def decode(data: bytes) -> str:
    """Text from bytes in any encoding (see :mod:`quotes.decoding`); raises NotText for binary files."""
    return decode_bytes(data).text


def normalise_date(value: str | None) -> str | None:
    """An ISO 8601 date or timestamp where the input's date can be read, else the input as given.

    ISO forms and RSS/e-mail dates (``Tue, 05 Mar 2024 10:00:00 GMT``) are understood, so that
    per-day counts work across feeds.
    """
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return value
    return parsed.date().isoformat() if len(value) <= 10 else parsed.isoformat()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
FRONT_MATTER_KEYS = {"title": "title", "url": "url", "outlet": "outlet", "source": "outlet",
                     "author": "author", "date": "published", "published": "published", "id": "id"}


def read_text(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """A plain text or Markdown article: optional ``---`` front matter, title from the first line.

    The front matter (``title: …``, ``date: …``, ``outlet: …``, ``author: …``, ``url: …``) is
    removed from the stored text; the headline line is kept, because quotes may sit in it.
    """
    text = normalise_newlines(decode(data))
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            target = FRONT_MATTER_KEYS.get(key.strip().lower())
            if target and value.strip():
                meta[target] = value.strip().strip("\"'")
        text = text[match.end():]
    if not text.strip():
        yield ReadError(label, "empty article", len(data))
        return
    yield Article(text=text, source=label, id=meta.get("id"), title=meta.get("title") or headline(text),
                  url=meta.get("url"), outlet=meta.get("outlet"), author=meta.get("author"),
                  published=normalise_date(meta.get("published")), nbytes=len(data))


def headline(text: str) -> str | None:
    """The first line when it reads like a headline: short, no final full stop, not a quote."""
    first = text.strip().split("\n", 1)[0].strip().lstrip("#").strip()
    if not first or len(first) > 150 or len(first.split()) > 25:
        return None
    if first[-1] in ".,;:" or first[0] in "\"“‘'«„-—":
        return None
    return first


def read_html(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """An HTML page: main text and metadata (title, author, date, URL, site) by trafilatura."""
    import trafilatura  # slow to import; only HTML inputs need it

    html = decode(data)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    text = document.text if document is not None else None
    if not text or not text.strip():
        yield ReadError(label, "no article text found in the HTML", len(data))
        return
    if only_link_text(html, text):
        yield ReadError(label, "no article text found in the HTML, only navigation links", len(data))
        return
    yield Article(text=normalise_paragraphs(text), source=label, title=document.title, url=document.url,
                  outlet=document.sitename, author=document.author, published=normalise_date(document.date),
                  nbytes=len(data))


def only_link_text(html: str, text: str) -> bool:
    """Whether every word of ``text`` is the text of a link in ``html``: a menu, not an article.

    trafilatura falls back to all the page's text when it finds no article body, and on a page
    without one (a login form, an index) that is the navigation.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return False
    rest = " ".join(text.split())
    for link in sorted({" ".join(a.text_content().split()) for a in tree.iter("a")}, key=len, reverse=True):
        if link:
            rest = rest.replace(link, " ")
    return not re.search(r"\w", rest)


def normalise_paragraphs(text: str) -> str:
    """Blank lines between paragraphs, as in text files, so paragraph rules see them."""
    return "\n\n".join(line.strip() for line in normalise_newlines(text).split("\n") if line.strip())


def read_jsonl(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """One JSON object per line; blank lines are passed over, bad lines become errors."""
    for number, line in enumerate(decode(data).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadError(where, f"invalid JSON: {error}", len(line))
            continue
        except RecursionError:
            yield ReadError(where, "JSON nested too deeply to read", len(line))
            continue
        yield from without_surrogates(from_record(record, where, options.fields, len(line)))


def read_json(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """A JSON array of article objects, or one object (optionally under an ``articles`` key)."""
    try:
        value = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON: {error}") from None
    if isinstance(value, dict):
        value = value.get("articles", [value])
    if not isinstance(value, list):
        raise ValueError(f"the JSON document is {json_kind(value)}, not an object or an array of objects")
    for number, record in enumerate(value, 1):
        yield from without_surrogates(
            from_record(record, f"{label}:{number}", options.fields, len(data) // max(len(value), 1)))


def json_kind(value: object) -> str:
    """``a number``, ``a string``, … for error messages about JSON values."""
    kinds = {bool: "true or false", int: "a number", float: "a number", str: "a string", list: "an array",
             dict: "an object", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(item: Item) -> Iterator[Item]:
    """The item with lone UTF-16 surrogates (JSON escapes like ``\\ud83d`` with no partner) replaced.

    SQLite cannot store them. Each becomes U+FFFD, one character for one, so offsets hold; the
    repair is reported before the article.
    """
    if isinstance(item, Article):
        fields = [name for name, value in vars(item).items() if isinstance(value, str) and SURROGATE.search(value)]
        if fields:
            for name in fields:
                setattr(item, name, SURROGATE.sub("\ufffd", getattr(item, name)))
            yield ReadError(item.source, f"invalid Unicode: lone surrogate characters in {', '.join(fields)} "
                                         "replaced by U+FFFD", skipped=False)
    yield item


def read_csv(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """A CSV file with a header row; the delimiter is sniffed so TSV and semicolons work too."""
    text = decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = reader.fieldnames or []
    if not columns:
        raise ValueError("empty CSV file: no header row")
    if not set(options.fields.text) & set(columns):
        raise ValueError(f"the CSV has no text column: none of {', '.join(options.fields.text)} among its "
                         f"columns {', '.join(columns)} (choose one with --text-field)")
    for record in reader:
        # reader.line_num is the line where the row ends; rows may span lines
        yield from_record(record, f"{label}:{reader.line_num}", options.fields,
                          sum(len(v or "") for v in record.values() if isinstance(v, str)))


def from_record(record: object, where: str, fields: FieldMap, nbytes: int) -> Item:
    """An article from one JSON object or CSV row, using the first present name for each field."""
    if not isinstance(record, dict):
        return ReadError(where, f"record is {json_kind(record)}, not an object", nbytes)

    def pick(names: tuple[str, ...]) -> str | None:
        for name in names:
            value = record.get(name)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value not in (None, ""):
                return str(value)
        return None

    text = pick(fields.text)
    if not text or not text.strip():
        return ReadError(where, f"no text in any of the fields {', '.join(fields.text)}", nbytes)
    return Article(text=normalise_newlines(text), source=where, id=pick(fields.id), title=pick(fields.title),
                   url=pick(fields.url), outlet=pick(fields.outlet), author=pick(fields.author),
                   published=normalise_date(pick(fields.date)), nbytes=nbytes)


DECODED_FORMATS = {"txt", "html", "jsonl", "json", "csv"}  # formats read as text in some encoding
READERS = {"txt": read_text, "html": read_html, "jsonl": read_jsonl, "json": read_json, "csv": read_csv}
