"""Turn files, folders and stdin into articles with their metadata.

Every input becomes a stream of :class:`Article` or :class:`ReadError` items, so one bad file
is recorded and skipped instead of stopping a run over thousands of good ones.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO

from charset_normalizer import from_bytes

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
WARC_SUFFIXES = (".warc", ".warc.gz")
FORMATS = ("auto", "txt", "html", "jsonl", "json", "csv", "warc")
STDIN = "-"


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
    crawled: str | None = None  # when a crawler fetched the page (WARC-Date), for web archives


@dataclass
class ReadError:
    """An input that could not be turned into an article, and why."""

    source: str
    reason: str
    nbytes: int = 0


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
    warc_reader: str = "warcio"  # or "fastwarc"


def format_for(path: Path) -> str | None:
    """The reader for a file name, or None for files a folder scan should pass over."""
    suffix = path.suffix.lower()
    if path.name.lower().endswith(WARC_SUFFIXES):
        return "warc"
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
    """Expand inputs into sources: folders recursively (matching ``glob``), files as given."""
    options = options or ReadOptions()
    found: list[Source | ReadError] = []
    for name in inputs:
        if name == STDIN:
            found.append(Source(STDIN, options.format))
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob(options.glob) if p.is_file()):
                fmt = options.format if options.format != "auto" else format_for(child)
                hidden = any(part.startswith(".") for part in child.parts[len(path.parts):])
                if fmt is not None and not hidden:
                    found.append(Source(str(child), fmt, child.stat().st_size))
        elif path.is_file():
            fmt = options.format if options.format != "auto" else (format_for(path) or "txt")
            found.append(Source(str(path), fmt, path.stat().st_size))
        else:
            found.append(ReadError(name, "no such file or directory"))
    return found


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
    """Read one source, streaming where the format allows (JSON Lines, CSV, WARC).

    Any failure becomes a ReadError rather than an exception; what was read before it is kept.
    """
    yield from guarded(source.path, source.size, _source_items(source, options, stdin), options)


def read_lines(path: str, start: int, end: int, first_line: int, options: ReadOptions) -> Iterator[Item]:
    """The records of a JSON Lines file whose lines start at byte ``start`` up to ``end``.

    ``start`` is a line start and ``first_line`` its line number, so sources and ids are those
    of reading the whole file: this is how a worker reads its share of one big file.
    """
    def lines() -> Iterator[bytes]:
        with open(path, "rb") as stream:
            stream.seek(start)
            position = start
            while position < end:
                line = stream.readline()
                if not line:
                    return
                position += len(line)
                yield line

    yield from guarded(path, end - start, jsonl_records(lines(), path, options, first_line), options)


def guarded(label: str, nbytes: int, items: Iterator[Item], options: ReadOptions) -> Iterator[Item]:
    """``items`` with the default outlet filled in, ending in a ReadError instead of an exception."""
    try:
        for item in items:
            if isinstance(item, Article) and not item.outlet:
                item.outlet = options.outlet
            yield item
    except (OSError, ValueError, UnicodeError, csv.Error, EOFError) as error:
        yield ReadError(label, f"{type(error).__name__}: {error}", nbytes)


def _source_items(source: Source, options: ReadOptions, stdin: IO[bytes] | None) -> Iterator[Item]:
    if source.path == STDIN:
        stream = stdin or sys.stdin.buffer
        head = stream.read(65536)
        fmt = source.format if source.format != "auto" else sniff_format(head)
        if fmt == "jsonl":  # JSON Lines is read a line at a time, so a pipe of any length streams
            first = io.BytesIO(head + (stream.readline() if not head.endswith(b"\n") else b""))
            yield from jsonl_records(itertools.chain(first, stream), "<stdin>", options)
        else:
            yield from READERS[fmt](head + stream.read(), "<stdin>", options)
    elif source.format in STREAM_READERS:
        with open(source.path, "rb") as stream:
            yield from STREAM_READERS[source.format](stream, source.path, options)
    else:
        yield from READERS[source.format](Path(source.path).read_bytes(), source.path, options)


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
    """Text from bytes in any encoding: UTF-8 (with or without BOM) first, then detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ValueError("cannot detect the text encoding") from None
        return str(best)


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
    yield html_article(data, label)


def html_article(data: bytes, label: str, url: str | None = None, crawled: str | None = None) -> Item:
    """The article in an HTML page, by trafilatura; ``url`` and ``crawled`` come from a web archive."""
    import trafilatura  # slow to import; only HTML inputs need it

    html = decode(data)
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    text = document.text if document is not None else None
    if not text or not text.strip():
        return ReadError(label, "no article text found in the HTML", len(data))
    return Article(text=normalise_paragraphs(text), source=label, title=document.title,
                   url=url or document.url, outlet=document.sitename, author=document.author,
                   published=normalise_date(document.date), nbytes=len(data), crawled=crawled)


def normalise_paragraphs(text: str) -> str:
    """Blank lines between paragraphs, as in text files, so paragraph rules see them."""
    return "\n\n".join(line.strip() for line in normalise_newlines(text).split("\n") if line.strip())


def read_jsonl(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """One JSON object per line; blank lines are passed over, bad lines become errors."""
    yield from jsonl_records(io.BytesIO(data), label, options)


def jsonl_records(lines: Iterable[bytes], label: str, options: ReadOptions, first_line: int = 1) -> Iterator[Item]:
    """Articles from lines of JSON Lines, read one at a time; ``first_line`` numbers the first one.

    Lines end at ``\\n`` only, as the format says; each is decoded alone, so one line in another
    encoding costs that line, not the file.
    """
    for number, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(decode(line))
        except (ValueError, UnicodeError) as error:
            yield ReadError(where, f"invalid JSON: {error}", len(line))
            continue
        yield from_record(record, where, options.fields, len(line))


def read_json(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """A JSON array of article objects, or one object (optionally under an ``articles`` key)."""
    value = json.loads(decode(data))
    if isinstance(value, dict):
        value = value.get("articles", [value])
    if not isinstance(value, list):
        raise ValueError("expected a JSON array of objects")
    for number, record in enumerate(value, 1):
        yield from_record(record, f"{label}:{number}", options.fields, len(data) // max(len(value), 1))


def read_csv(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """A CSV file with a header row; the delimiter is sniffed so TSV and semicolons work too."""
    yield from read_csv_stream(io.BytesIO(data), label, options)


def read_csv_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """CSV rows read one at a time; encoding and delimiter are guessed from the start of the file."""
    head = stream.read(65536)
    stream.seek(0)
    text = io.TextIOWrapper(stream, encoding=stream_encoding(head), newline="")
    sample = text.read(4096)
    text.seek(0)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(text, dialect=dialect)
    for record in reader:
        # reader.line_num is the line where the row ends; rows may span lines
        yield from_record(record, f"{label}:{reader.line_num}", options.fields,
                          sum(len(v or "") for v in record.values() if isinstance(v, str)))


def stream_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes: UTF-8 (with or without BOM) first, then detection."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)  # a character cut at the end is fine
    except UnicodeDecodeError:
        best = from_bytes(head).best()
        if best is None:
            raise ValueError("cannot detect the text encoding") from None
        return best.encoding
    return "utf-8-sig"


def from_record(record: object, where: str, fields: FieldMap, nbytes: int) -> Item:
    """An article from one JSON object or CSV row, using the first present name for each field."""
    if not isinstance(record, dict):
        return ReadError(where, "record is not an object", nbytes)

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


def read_warc(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    yield from read_warc_stream(io.BytesIO(data), label, options)


def read_warc_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """The articles in a web archive: each HTML response, extracted by trafilatura."""
    from quotes.warc import html_pages

    for page in html_pages(stream, label, options.warc_reader):
        yield page if isinstance(page, ReadError) else page.article(options.outlet)


READERS = {"txt": read_text, "html": read_html, "jsonl": read_jsonl, "json": read_json, "csv": read_csv,
           "warc": read_warc}
STREAM_READERS = {"jsonl": lambda stream, label, options: jsonl_records(stream, label, options),
                  "csv": read_csv_stream, "warc": read_warc_stream}
