"""Turn files, folders and stdin into articles with their metadata.

Every input becomes a stream of :class:`Article` or :class:`ReadError` items, so one bad file
is recorded and skipped instead of stopping a run over thousands of good ones.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO

from quotes.bounded import LineTooLong, Overlong, bounded_lines, read_at_most, rewound
from quotes.dates import read_date
from quotes.decoding import (
    Decoded,
    NotText,
    binary_problem,
    decode_bytes,
    repair_note,
    wide_encoding,
)
from quotes.fields import FieldMap, Layout, extra_fields, value_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
WARC_SUFFIXES = (".warc", ".warc.gz")
FORMATS = ("auto", "txt", "html", "jsonl", "json", "csv", "warc")
STDIN = "-"
HTML_MAX_BYTES = 20_000_000  # trafilatura's MAX_FILE_SIZE: it returns nothing for larger pages
DEFAULT_MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any news article, so a longer one is a dump
HEAD_BYTES = 65536  # the start of a streamed file, where its format and encoding are judged
BYTES_PER_CHAR = 6  # the most bytes a character takes in a record: \uXXXX in ASCII-only JSON
RECORD_SLACK = 65536  # room for a record's other fields beside a --max-chars text
JSON_DOCUMENT_ARTICLES = 16  # a JSON document (read whole) may hold this many --max-chars articles
LITTLE_TEXT = 500  # characters: less from a page many times larger is a page whose article was missed


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
    published_as_written: str | None = None  # the date as the input wrote it; ``published`` is its ISO form
    extra: dict | None = None  # record fields no piece of the article took (see quotes.fields)
    # ``extra`` as JSON, kept from the reader's check for lone surrogates so that the store does not
    # encode it again (a feed's extra fields can be larger than its text)
    extra_json: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.source = shown_path(self.source)


@dataclass
class ReadError:
    """An input that could not be turned into an article, and why; or a note on one that was read.

    ``verb`` says which: "skipped" (nothing stored), "repaired" (stored after a repair, such as
    bad bytes replaced) or "warning" (stored, but something in it needs a look, such as a date
    that could not be read). Every one is printed, recorded in ``errors`` and counted in the
    exit status.
    """

    source: str
    reason: str
    nbytes: int = 0
    skipped: bool = True  # False for a note on an article that was still read: a repair or a warning
    verb: str = ""  # "skipped", "repaired" or "warning"; by default from ``skipped``

    def __post_init__(self) -> None:
        self.source = shown_path(self.source)
        self.verb = self.verb or ("skipped" if self.skipped else "repaired")
        self.skipped = self.verb == "skipped"


def warning(source: str, reason: str) -> ReadError:
    """A note on an article that was stored, but holds something the user should look at."""
    return ReadError(source, reason, verb="warning")


@dataclass
class Notice:
    """Something a run tells the user that is not a problem: which field became which piece of an article."""

    source: str
    message: str
    nbytes: int = 0
    verb: str = "fields"


Item = Article | ReadError | Notice


@dataclass
class Source:
    """One input to read: a path (or stdin) and the format to read it as."""

    path: str  # as the operating system gives it, to open it
    format: str
    size: int = 0

    @property
    def label(self) -> str:
        """The path as text that can be stored and printed (see :func:`shown_path`)."""
        return shown_path(self.path)


@dataclass
class ReadOptions:
    """How to find and read inputs."""

    glob: str = "*"
    format: str = "auto"
    fields: FieldMap = field(default_factory=FieldMap)
    outlet: str | None = None  # outlet for articles whose input names none
    warc_reader: str = "warcio"  # or "fastwarc"
    max_chars: int = DEFAULT_MAX_CHARS  # longer articles are skipped; 0 for no limit
    day_first: bool = False  # numeric dates are day first (12/09/2016 is 12 September)

    @property
    def record_limit(self) -> int:
        """The most bytes a record (a JSON Lines or CSV line) can take and hold a --max-chars article; 0: none."""
        return self.max_chars and BYTES_PER_CHAR * self.max_chars + RECORD_SLACK


def shown_path(path: str) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not UTF-8
    (which Python keeps as lone surrogates) are written ``\\xNN``. Other paths are returned as they are."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            return os.fsencode(path).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return path.encode("utf-8", "backslashreplace").decode("utf-8")


def bad_name_note(path: str) -> ReadError | None:
    """The note for a file name that is not valid UTF-8: the file is read, under its shown name."""
    shown = shown_path(path)
    if shown == path:
        return None
    return ReadError(shown, "the file name is not valid UTF-8: its bad bytes are shown and stored as \\xNN",
                     skipped=False)


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
        if note := bad_name_note(name):
            found.append(note)
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
            if note := bad_name_note(name):  # once for the folder, not for every file in it
                found.append((child, ReadError(str(child), note.reason, skipped=False)))
        for name in filenames:
            child = Path(folder, name)
            fmt = options.format if options.format != "auto" else format_for(child)
            if fmt is None or name.startswith(".") or not PurePath(child.relative_to(root)).match(options.glob):
                continue
            info = stat_or_error(child)
            if isinstance(info, ReadError):
                found.append((child, info))
                continue
            if bad_name_note(name):
                found.append((child, ReadError(str(child), bad_name_note(name).reason, skipped=False)))
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
    skipped, and no input is read further than an article within that limit could reach (see
    :func:`whole_limit` and :attr:`ReadOptions.record_limit`), so ``/dev/zero`` or an endless
    pipe costs a few megabytes, not all the memory there is.
    """
    label = "<stdin>" if source.path == STDIN else source.label
    too_large = size_problem(source, options)
    if too_large:
        yield ReadError(label, too_large, source.size)
        return
    yield from guarded(label, source.size, _source_items(source, label, options, stdin), options)


def read_lines(path: str, start: int, end: int, first_line: int, options: ReadOptions) -> Iterator[Item]:
    """The records of a JSON Lines file whose lines start at byte ``start`` up to ``end``.

    ``start`` is a line start and ``first_line`` its line number, so sources and ids are those
    of reading the whole file: this is how a worker reads its share of one big file.
    """
    def lines() -> Iterator[bytes | Overlong]:
        with open(path, "rb") as stream:
            stream.seek(start)
            position = start
            for line in bounded_lines(stream, options.record_limit):
                if position >= end:
                    return
                position += line.nbytes if isinstance(line, Overlong) else len(line)
                yield line

    label = shown_path(path)
    yield from guarded(label, end - start, jsonl_records(lines(), label, options, first_line), options)


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


def _source_items(source: Source, label: str, options: ReadOptions, stdin: IO[bytes] | None) -> Iterator[Item]:
    if source.path == STDIN:
        yield from _unnamed_items(stdin or sys.stdin.buffer, label, source.format, options)
        return
    with open(source.path, "rb") as stream:
        if source.format == "auto" or not stream.seekable():  # a named pipe given by name: read like stdin
            yield from _unnamed_items(stream, label, source.format, options)
        elif source.format in STREAM_READERS:
            yield from STREAM_READERS[source.format](stream, label, options)
        else:
            yield from _whole_items(stream, label, source.format, options)


def _unnamed_items(stream: IO[bytes], label: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    """Input with no name to go by (stdin, a pipe): the format is sniffed from its start, and JSON
    Lines, CSV and web archives stream as from a file."""
    head = stream.read(HEAD_BYTES)
    fmt = fmt if fmt != "auto" else sniff_format(head)
    whole = rewound(head, stream)
    if fmt in STREAM_READERS:
        yield from STREAM_READERS[fmt](whole, label, options)
    else:
        yield from _whole_items(whole, label, fmt, options)


def _whole_items(stream: IO[bytes], label: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    """The items of an input read whole, up to :func:`whole_limit`; repaired encoding damage is reported first."""
    limit = whole_limit(fmt, options)
    data = read_at_most(stream, limit)
    if limit and len(data) > limit:
        raise ValueError(whole_too_large(fmt, limit, options))
    if fmt in DECODED_FORMATS and (note := repair_note(data)):
        yield ReadError(label, note, skipped=False)
    yield from READERS[fmt](data, label, options)


def whole_limit(fmt: str, options: ReadOptions) -> int:
    """The most bytes of an input read whole: a text file of 4 bytes a character, an HTML page
    trafilatura reads, a JSON document of 16 records of the longest article; 0 for no limit."""
    if fmt == "html":
        return HTML_MAX_BYTES
    if fmt == "json":
        return JSON_DOCUMENT_ARTICLES * options.record_limit
    return 4 * options.max_chars


JSON_ADVICE = "give a collection this large as JSON Lines, one article a line (jq -c '.[]' FILE.json > FILE.jsonl)"


def whole_too_large(fmt: str, limit: int, options: ReadOptions) -> str:
    if fmt == "html":
        return f"HTML page is over {limit:,} bytes, the most trafilatura reads; not read further"
    if fmt == "json":
        return f"JSON document is over {limit:,} bytes, the most read whole; {JSON_ADVICE}; not read further"
    return (f"input is over {limit:,} bytes, so more than the --max-chars limit of {options.max_chars:,} characters; "
            "not read further")


def size_problem(source: Source, options: ReadOptions) -> str | None:
    """Why a file is too large to read at all, judged from its size alone."""
    if source.format == "txt" and options.max_chars and source.size > 4 * options.max_chars:
        return (f"file is {source.size:,} bytes, so more than the --max-chars limit of "
                f"{options.max_chars:,} characters")
    if source.format == "html" and source.size > HTML_MAX_BYTES:
        return html_too_large(source.size)
    if source.format == "json" and (limit := whole_limit("json", options)) and source.size > limit:
        return f"JSON file is {source.size:,} bytes, over the {limit:,} read whole; {JSON_ADVICE}"
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
    if type(error) in (ValueError, NotText, LineTooLong):
        return str(error)
    return f"{type(error).__name__}: {error}"


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed input (stdin) from its first bytes."""
    if data.startswith(b"WARC/") or (data.startswith(b"\x1f\x8b") and gzip_start(data).startswith(b"WARC/")):
        return "warc"
    head = data.lstrip()[:1]
    if head == b"{":
        return "jsonl"
    if head == b"[":
        return "json"
    if head == b"<":
        return "html"
    return "txt"


def gzip_start(data: bytes) -> bytes:
    """The first bytes that gzip-compressed ``data`` inflates to (a few, whatever it would inflate to)."""
    import zlib

    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 16)
    except zlib.error:
        return b""


def decode(data: bytes) -> str:
    """Text from bytes in any encoding (see :mod:`quotes.decoding`); raises NotText for binary files."""
    return decode_bytes(data).text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def read_text(data: bytes, label: str, options: ReadOptions) -> Iterator[Item]:
    """A plain text or Markdown article: optional ``---`` front matter, title from the first line.

    The front matter (``title: …``, ``date: …``, ``outlet: …``, ``author: …``, ``url: …``, ``id: …``)
    is read with the same field names as records (see :mod:`quotes.fields`) and removed from the
    stored text; other keys go to ``extra``. The headline line is kept, because quotes may sit in it.
    """
    text = normalise_newlines(decode(data))
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, colon, value = line.partition(":")
            if colon and key.strip():
                meta[key.strip()] = value.strip().strip("\"'")
        text = text[match.end():]
    if not text.strip():
        yield ReadError(label, "empty article", len(data))
        return
    layout = options.fields.layout(meta)
    yield from article_items(text, meta, layout, label, options, len(data),
                             title=None if layout.key("title") else headline(text), extra=extra_fields(meta, layout))


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
    yield from html_items(data, label, options)


MAX_DEPTH_NOTE = "Excessive depth"  # libxml2's error when a page nests deeper than it parses
LAYOUT_TAGS = re.compile(r"</?(?!(?:p|br|h[1-6]|title|head|body|html|meta|li|blockquote)\b)[a-z][\w:-]*\b[^>]*>",
                         re.I)


def html_items(data: bytes, label: str, options: ReadOptions, url: str | None = None,
               crawled: str | None = None) -> Iterator[Item]:
    """The article in an HTML page, by trafilatura, with notes on what needs a look.

    ``url`` and ``crawled`` come from a web archive. A page nested deeper than libxml2 parses
    (2,048 levels) is read with its layout tags removed, and says so; a page whose words are all
    link texts is navigation, not an article; a page that gives little text for its size is
    stored with a warning, because its article is likely in a script or behind a login.
    """
    import trafilatura  # slow to import; only HTML inputs need it

    html = decode(data)
    tree, repaired = parse_html(html)
    links = link_words(tree) if tree is not None else set()
    document = trafilatura.bare_extraction(tree if repaired is not None else html, url=url, with_metadata=True,
                                           include_comments=False, include_tables=False, favor_precision=True)
    text = document.text if document is not None else None
    if not text or not text.strip():
        yield ReadError(label, "no article text found in the HTML", len(data))
        return
    if only_link_text(text, links):
        yield ReadError(label, "no article text found in the HTML, only navigation links", len(data))
        return
    if repaired:
        yield ReadError(label, repaired, skipped=False)
    text = normalise_paragraphs(text)
    if len(text) < LITTLE_TEXT and len(data) > 10 * len(text):
        yield warning(label, f"little text found: {len(text):,} characters from a page of {len(data):,} bytes "
                             "(the article may be in a script, behind a login, or missed)")
    meta = {"title": document.title, "url": url or document.url, "outlet": document.sitename,
            "author": document.author, "date": document.date}
    yield from article_items(text, meta, PAGE_LAYOUT, label, options, len(data), crawled=crawled)


PAGE_LAYOUT = Layout((("title", "title"), ("url", "url"), ("date", "date"), ("outlet", "outlet"),
                      ("author", "author")), (), ())  # trafilatura's metadata, one name a piece


def parse_html(html: str):
    """``(tree, repair)``: the page parsed by lxml (None if it cannot be); ``repair`` is None when
    trafilatura can read the page as it is, else the note to give after parsing it deeper or flatter."""
    from lxml import etree
    from lxml import html as lxml_html

    def parsed(markup: str, huge: bool):
        parser = lxml_html.HTMLParser(huge_tree=huge, collect_ids=False, remove_comments=True, remove_pis=True)
        try:
            tree = lxml_html.document_fromstring(markup, parser=parser)
        except (ValueError, etree.ParserError):
            return None, False
        return tree, any(MAX_DEPTH_NOTE in entry.message for entry in parser.error_log)

    tree, too_deep = parsed(html, huge=False)
    if not too_deep:
        return tree, None
    tree, too_deep = parsed(html, huge=True)  # as deep as libxml2 goes: 2,048 levels
    if not too_deep:
        return tree, ""
    tree, _ = parsed(LAYOUT_TAGS.sub(" ", html), huge=True)
    return tree, "HTML nested deeper than 2,048 levels: read with its layout tags (div, span, table, …) removed"


WORD = re.compile(r"\w+")


def link_words(tree) -> set[str]:
    """Every word in the text of the page's links."""
    return {word for link in tree.iter("a") for word in WORD.findall(link.text_content())}


def only_link_text(text: str, links: set[str]) -> bool:
    """Whether every word of ``text`` is a word of the page's links: a menu, not an article.

    trafilatura falls back to all the page's text when it finds no article body, and on a page
    without one (a login form, an index) that is the navigation. Words, not whole link texts,
    are compared, so the check takes one pass whatever the number of links.
    """
    return all(word in links for word in WORD.findall(text))


def normalise_paragraphs(text: str) -> str:
    """Blank lines between paragraphs, as in text files, so paragraph rules see them."""
    return "\n\n".join(line.strip() for line in normalise_newlines(text).split("\n") if line.strip())


def cut_at_newlines(path: str) -> bool:
    """Whether a JSON Lines file can be cut into byte ranges at ``\\n``: text, and not UTF-16 or UTF-32.

    Otherwise it is read whole by one reader, which reports what is wrong with it.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return False
    return binary_problem(head) is None and wide_encoding(head) is None and not one_json_array(head)


def one_json_array(head: bytes) -> bool:
    """Whether a file named as JSON Lines starts like one JSON array (a ``[`` before its first record)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"["


def peek_head(stream: IO[bytes]) -> bytes:
    """The first bytes of a stream, left in it to be read again: where encoding and format are judged."""
    if stream.seekable():
        head = stream.read(HEAD_BYTES)
        stream.seek(0)
        return head
    return stream.peek(HEAD_BYTES)[:HEAD_BYTES]  # a stream from :func:`rewound`, which buffers that much


def read_jsonl_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """The records of a JSON Lines file, read a line at a time (at most a record's length each).

    A binary file (say, a gzip-compressed one) is one error, not one per line. A file with a
    UTF-16 or UTF-32 byte-order mark cannot be cut into lines as bytes, so it is decoded as it is read.
    """
    head = peek_head(stream)
    problem = binary_problem(head)
    if problem:
        raise NotText(problem)
    if one_json_array(head):  # a JSON document saved under a .jsonl name: every line would be an error
        yield ReadError(label, "the file is one JSON array, not JSON Lines: read as JSON", skipped=False)
        yield from _whole_items(stream, label, "json", options)
        return
    encoding = wide_encoding(head)
    lines = io.TextIOWrapper(stream, encoding=encoding, newline="") if encoding else stream
    yield from jsonl_records(bounded_lines(lines, options.record_limit), label, options)


def jsonl_records(lines: Iterable[bytes | str | Overlong], label: str, options: ReadOptions,
                  first_line: int = 1) -> Iterator[Item]:
    """Articles from lines of JSON Lines, read one at a time; ``first_line`` numbers the first one.

    Lines end at ``\\n`` only, as the format says; each is decoded alone, so one line in another
    encoding costs that line, not the file, and a line whose damaged UTF-8 was repaired is
    reported before its article. A line too long to hold an article within ``--max-chars`` was
    passed over unread.
    """
    layouts = Layouts(label, options.fields)
    for number, line in enumerate(lines, first_line):
        where = f"{label}:{number}"
        if isinstance(line, Overlong):
            yield ReadError(where, record_too_long(line.nbytes, options), line.nbytes)
            continue
        if not line.strip():
            continue
        try:
            decoded = decode_bytes(line) if isinstance(line, bytes) else Decoded(line, "str")
            record = json.loads(decoded.text.rstrip("\r\n"))  # without its line end, as the format has it
        except (ValueError, UnicodeError) as error:
            yield ReadError(where, f"invalid JSON: {error}", len(line))
            continue
        except RecursionError:
            yield ReadError(where, "JSON nested too deeply to read", len(line))
            continue
        yield from record_items(record, where, options, len(line), layouts, repaired=decoded.problem)


def record_too_long(nbytes: int, options: ReadOptions) -> str:
    return (f"record is {nbytes:,} bytes, longer than a record holding an article within the --max-chars limit "
            f"of {options.max_chars:,} characters can be; passed over unread")


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
    layouts = Layouts(label, options.fields)
    for number, record in enumerate(value, 1):
        yield from record_items(record, f"{label}:{number}", options, len(data) // max(len(value), 1), layouts)


def json_kind(value: object) -> str:
    """``a number``, ``a string``, … for error messages about JSON values."""
    kinds = {bool: "true or false", int: "a number", float: "a number", str: "a string", list: "an array",
             dict: "an object", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate, as ``SURROGATE.search`` tells: they are the only
    characters UTF-8 cannot encode, and encoding is ten times faster than the search (for speed; an
    ASCII string, which Python marks as such, holds none)."""
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def without_surrogates(item: Item) -> Iterator[Item]:
    """The item with lone UTF-16 surrogates (JSON escapes like ``\\ud83d`` with no partner) replaced.

    SQLite cannot store them. Each becomes U+FFFD, one character for one, so offsets hold; the
    repair is reported before the article. Encoding the extra fields here is also what stops a
    field nested too deeply while the input is read, and not when the article is stored.
    """
    if isinstance(item, Article):
        fields = [name for name, value in vars(item).items() if isinstance(value, str) and has_surrogate(value)]
        encoded = json.dumps(item.extra, ensure_ascii=False) if item.extra else None
        if encoded is not None and has_surrogate(encoded):
            encoded = SURROGATE.sub("\ufffd", encoded)
            item.extra = json.loads(encoded)
            fields.append("extra")
        item.extra_json = encoded
        if fields:
            for name in fields:
                if name != "extra":
                    setattr(item, name, SURROGATE.sub("\ufffd", getattr(item, name)))
            yield ReadError(item.source, f"invalid Unicode: lone surrogate characters in {', '.join(fields)} "
                                         "replaced by U+FFFD", skipped=False)
    yield item


MAX_LAYOUT_NOTICES = 3  # per file: records whose fields vary are reported for their first few layouts


class Layouts:
    """Decides the layout of each record of one file, and gives a Notice for the first records of each."""

    def __init__(self, label: str, fields: FieldMap):
        self.label = label
        self.fields = fields
        self.seen: set[tuple] = set()

    def of(self, record: dict) -> tuple[Layout, Notice | None]:
        layout = self.fields.layout(record)
        shape = (layout.used, layout.not_found)
        if shape in self.seen or len(self.seen) >= MAX_LAYOUT_NOTICES:
            return layout, None
        self.seen.add(shape)
        return layout, Notice(self.label, layout.describe(self.fields.explicit))


def record_items(record: object, where: str, options: ReadOptions, nbytes: int, layouts: Layouts,
                 repaired: str | None = None) -> Iterator[Item]:
    """The article in one JSON object or CSV row (with the notes on it), or the reason there is none.

    ``repaired`` is a note on damage repaired in the record's bytes, given before its article.
    """
    try:
        items = list(_record_items(record, where, options, nbytes, layouts, repaired))
    except RecursionError:  # a field nested too deeply to turn into text or JSON
        items = [ReadError(where, "JSON nested too deeply to read", nbytes)]
    yield from items


def _record_items(record: object, where: str, options: ReadOptions, nbytes: int, layouts: Layouts,
                  repaired: str | None) -> Iterator[Item]:
    if not isinstance(record, dict):
        yield ReadError(where, f"record is {json_kind(record)}, not an object", nbytes)
        return
    layout, notice = layouts.of(record)
    if notice:
        yield notice
    key = layout.key("text")
    text = value_text(record.get(key)) if key else None
    if text is None:
        reason = (f"the text field '{key}' is empty" if key else
                  f"no text in any of the fields {options.fields.text_names()} (choose one with --field text=NAME)")
        yield ReadError(where, reason, nbytes)
        return
    if repaired:
        yield ReadError(where, repaired, skipped=False)
    extra = extra_fields(record, layout)  # encoded by without_surrogates: one nested too deeply fails there
    yield from article_items(normalise_newlines(text), record, layout, where, options, nbytes, extra=extra)


def article_items(text: str, record: dict, layout: Layout, where: str, options: ReadOptions, nbytes: int, *,
                  title: str | None = None, extra: dict | None = None, crawled: str | None = None) -> Iterator[Item]:
    """The article with its metadata read from ``record`` by ``layout``; a date that could not be read
    is kept as written and reported before the article."""
    def value(piece: str) -> str | None:
        key = layout.key(piece)
        return value_text(record.get(key)) if key else None

    date = read_date(value("date"), day_first=options.day_first)
    if date and date.problem:
        yield warning(where, f"{date.problem}: kept as written in published_as_written, published left empty")
    article = Article(text=text, source=where, id=value("id"), title=value("title") or title, url=value("url"),
                      outlet=value("outlet"), author=value("author"), published=date.iso if date else None,
                      published_as_written=date.as_written if date else None, nbytes=nbytes, crawled=crawled,
                      extra=extra)
    yield from without_surrogates(article)


def read_csv_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """CSV rows read one at a time, as spreadsheets and ``csv.writer`` write them (see :mod:`quotes.csvfile`)."""
    from quotes.csvfile import csv_records

    yield from csv_records(stream, label, options)


def read_warc_stream(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """The articles in a web archive: each HTML response, extracted by trafilatura."""
    from quotes.warc import html_pages

    for page in html_pages(stream, label, options.warc_reader):
        yield from [page] if isinstance(page, ReadError) else page.items(options)


DECODED_FORMATS = {"txt", "html", "json"}  # formats read whole as text in some encoding (see _whole_items)
READERS = {"txt": read_text, "html": read_html, "json": read_json}  # read whole, up to whole_limit
STREAM_READERS = {"jsonl": read_jsonl_stream, "csv": read_csv_stream, "warc": read_warc_stream}  # read as they come
