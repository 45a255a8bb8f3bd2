"""Turn files, folders and stdin into articles with their metadata.

Every input becomes a stream of :class:`Article` or :class:`ReadError` items, so one bad file
is recorded and skipped instead of stopping a run over thousands of good ones.
"""

from __future__ import annotations

import csv
import errno
import io
import itertools
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

from quotes.decoding import (
    Decoded,
    LineDecoder,
    NotText,
    binary_problem,
    decode_bytes,
    repair_note,
    wide_encoding,
)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
WARC_SUFFIXES = (".warc", ".warc.gz")
FORMATS = ("auto", "txt", "html", "jsonl", "json", "csv", "warc")
STDIN = "-"
HTML_MAX_BYTES = 20_000_000  # trafilatura's MAX_FILE_SIZE: it returns nothing for larger pages
DEFAULT_MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any news article, so a longer one is a dump
HEAD_BYTES = 65536  # the start of a streamed file, where its format and encoding are judged


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
    warc_reader: str = "warcio"  # or "fastwarc"
    max_chars: int = DEFAULT_MAX_CHARS  # longer articles are skipped; 0 for no limit


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


def stat_or_error(path: Path) -> os.stat_result | ReadError:
    """``path.stat()``, or the ReadError that says why it cannot be read."""
    try:
        return path.stat()
    except OSError as error:
        return ReadError(str(path), path_problem(path, error))


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
            info = stat_or_error(child)
            if isinstance(info, ReadError):
                found.append((child, info))
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
            info = stat_or_error(child)
            if isinstance(info, ReadError):
                found.append((child, info))
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
    """Read one source, streaming where the format allows (JSON Lines, CSV, WARC).

    Any failure becomes a ReadError rather than an exception, and articles read before it (say,
    from a web archive cut off half-way) are kept. Articles over ``options.max_chars`` are
    skipped, and a file too large to hold fewer characters is skipped without being read.
    """
    too_large = size_problem(source, options)
    if too_large:
        yield ReadError(source.path, too_large, source.size)
        return
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
    """``items`` finished (see :func:`finished`), ending in a ReadError instead of an exception."""
    try:
        for item in items:
            yield finished(item, options)
    except OSError as error:
        yield ReadError(label, f"cannot read: {path_problem(Path(label), error)}", nbytes)
    except Exception as error:  # a reader failing on one hostile input must not stop the run
        yield ReadError(label, reader_problem(error), nbytes)


def finished(item: Item, options: ReadOptions) -> Item:
    """An article over the ``--max-chars`` limit skipped, and the default outlet filled in."""
    if isinstance(item, Article):
        item = within_limit(item, options.max_chars)
    if isinstance(item, Article) and not item.outlet:
        item.outlet = options.outlet
    return item


def _source_items(source: Source, options: ReadOptions, stdin: IO[bytes] | None) -> Iterator[Item]:
    if source.path == STDIN:
        yield from _unnamed_items(stdin or sys.stdin.buffer, "<stdin>", source.format, options)
        return
    with open(source.path, "rb") as stream:
        if source.format == "auto" or not stream.seekable():  # a named pipe given by name: read like stdin
            yield from _unnamed_items(stream, source.path, source.format, options)
        elif source.format in STREAM_READERS:
            yield from STREAM_READERS[source.format](stream, source.path, options)
        else:
            yield from _whole_items(stream.read(), source.path, source.format, options)


def _unnamed_items(stream: IO[bytes], label: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    """Input with no name to go by (stdin, a pipe): the format is sniffed; JSON Lines streams."""
    head = stream.read(HEAD_BYTES)
    fmt = fmt if fmt != "auto" else sniff_format(head)
    if fmt == "jsonl":  # JSON Lines is read a line at a time, so a pipe of any length streams
        first = io.BytesIO(head + (stream.readline() if not head.endswith(b"\n") else b""))
        yield from jsonl_file_records(itertools.chain(first, stream), head, label, options)
    else:
        yield from _whole_items(head + stream.read(), label, fmt, options)


def _whole_items(data: bytes, label: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    """The items of input read whole; repaired encoding damage is reported before them."""
    if fmt in DECODED_FORMATS and (note := repair_note(data)):
        yield ReadError(label, note, skipped=False)
    yield from READERS[fmt](data, label, options)


def size_problem(source: Source, options: ReadOptions) -> str | None:
    """Why a file is too large to read at all, judged from its size alone."""
    if source.format == "txt" and options.max_chars and source.size > 4 * options.max_chars:
        return (f"file is {source.size:,} bytes, so more than the --max-chars limit of "
                f"{options.max_chars:,} characters")
    if source.format == "html" and source.size > HTML_MAX_BYTES:
        return html_too_large(source.size)
    return None


def html_too_large(size: int) -> str:
    return f"HTML page is {size:,} bytes, over the {HTML_MAX_BYTES:,} bytes trafilatura reads"


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
    if only_link_text(html, text):
        return ReadError(label, "no article text found in the HTML, only navigation links", len(data))
    return Article(text=normalise_paragraphs(text), source=label, title=document.title,
                   url=url or document.url, outlet=document.sitename, author=document.author,
                   published=normalise_date(document.date), nbytes=len(data), crawled=crawled)


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
    yield from read_jsonl_stream(io.BytesIO(data), label, options)


def cut_at_newlines(path: str) -> bool:
    """Whether a JSON Lines file can be cut into byte ranges at ``\\n``: text, and not UTF-16 or UTF-32.

    Otherwise it is read whole by one reader, which reports what is wrong with it.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return False
    return binary_problem(head) is None and wide_encoding(head) is None


def read_jsonl_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """JSON Lines read a line at a time from a file (or a stream that can go back to its start)."""
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    yield from jsonl_file_records(stream, head, label, options)


def jsonl_file_records(lines: Iterable[bytes], head: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """The records of a whole JSON Lines file whose first bytes are ``head``.

    A binary file (say, a gzip-compressed one) is one error, not one per line. A file with a
    UTF-16 or UTF-32 byte-order mark cannot be cut into lines as bytes, so it is decoded whole.
    """
    problem = binary_problem(head)
    if problem:
        raise NotText(problem)
    if wide_encoding(head):
        text = decode(b"".join(lines))
        yield from jsonl_records((line + "\n" for line in text.split("\n")), label, options)
    else:
        yield from jsonl_records(lines, label, options)


def jsonl_records(lines: Iterable[bytes | str], label: str, options: ReadOptions,
                  first_line: int = 1) -> Iterator[Item]:
    """Articles from lines of JSON Lines, read one at a time; ``first_line`` numbers the first one.

    Lines end at ``\\n`` only, as the format says; each is decoded alone, so one line in another
    encoding costs that line, not the file, and a line whose damaged UTF-8 was repaired is
    reported before its article.
    """
    for number, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            decoded = decode_bytes(line) if isinstance(line, bytes) else Decoded(line, "str")
            record = json.loads(decoded.text.rstrip("\r\n"))  # without its line end, as the format has it
        except (ValueError, UnicodeError) as error:
            yield ReadError(where, f"invalid JSON: {error}", len(line))
            continue
        except RecursionError:
            yield ReadError(where, "JSON nested too deeply to read", len(line))
            continue
        item = from_record(record, where, options.fields, len(line))
        if decoded.problem and isinstance(item, Article):
            yield ReadError(where, decoded.problem, skipped=False)
        yield from without_surrogates(item)


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
    yield from read_csv_stream(io.BytesIO(data), label, options)


def read_csv_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """CSV rows read one at a time; the encoding is judged on the start of the file, the delimiter on its first lines.

    Damaged UTF-8 is repaired line by line and reported once, after the rows.
    """
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    decoder = LineDecoder(head)
    if decoder.wide:
        lines: Iterator[str] = iter(io.TextIOWrapper(stream, encoding=decoder.encoding, newline=""))
    else:
        lines = (part for line in stream for part in csv_lines(decoder.decode(line)))
    sample: list[str] = []
    for line in lines:
        sample.append(line)
        if sum(map(len, sample)) >= 4096:
            break
    lines = itertools.chain(sample, lines)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff("".join(sample)[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(lines, dialect=dialect)
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
    if note := decoder.problem():
        yield ReadError(label, note, skipped=False)


def csv_lines(text: str) -> Iterable[str]:
    """A line as the csv module wants it: one ending each, so a lone ``\\r`` (old Mac files) ends a line too."""
    return io.StringIO(text, newline="") if "\r" in text.rstrip("\r\n") else (text,)


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


def read_warc(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    yield from read_warc_stream(io.BytesIO(data), label, options)


def read_warc_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """The articles in a web archive: each HTML response, extracted by trafilatura."""
    from quotes.warc import html_pages

    for page in html_pages(stream, label, options.warc_reader):
        yield from [page] if isinstance(page, ReadError) else page.items(options)


DECODED_FORMATS = {"txt", "html", "json"}  # formats read whole as text in some encoding (see _whole_items)
READERS = {"txt": read_text, "html": read_html, "jsonl": read_jsonl, "json": read_json, "csv": read_csv,
           "warc": read_warc}
STREAM_READERS = {"jsonl": read_jsonl_stream, "csv": read_csv_stream, "warc": read_warc_stream}
