"""Web archives: the HTML pages in a WARC file (``.warc`` or ``.warc.gz``), read as a stream.

warcio reads them by default. FastWARC, a faster reader written in Rust, is used when asked for
(``--warc-reader fastwarc`` after ``pip install 'quotes[warc-fast]'``); both give the same pages.
Only ``response`` records of HTML with a 2xx status are pages: robots.txt, images, redirects
and error pages are part of every crawl and are passed over without an error.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from quotes.bounded import read_at_most
from quotes.dates import read_date
from quotes.decoding import repair_note
from quotes.readers import (
    HTML_MAX_BYTES,
    Article,
    Item,
    ReadError,
    ReadOptions,
    finished,
    html_items,
    reader_problem,
)

HTML_TYPES = ("text/html", "application/xhtml+xml")
DRAIN = 1 << 16


@dataclass
class HtmlPage:
    """One HTML response of a web archive, before trafilatura turns it into an article.

    ``html`` holds at most ``HTML_MAX_BYTES + 1`` bytes: a longer payload (or one that inflates
    to more, such as a gzip bomb sent with ``Content-Encoding: gzip``) is cut there while it is
    read, and ``too_large`` says it was.
    """

    html: bytes
    source: str  # "archive.warc.gz@offset": the archive and the byte offset of the record
    url: str | None  # WARC-Target-URI
    crawled: str | None  # WARC-Date, ISO 8601

    @property
    def too_large(self) -> bool:
        return len(self.html) > HTML_MAX_BYTES

    def items(self, options: ReadOptions) -> Iterator[Item]:
        """The article in the page by trafilatura, checked as every article read is (see ``finished``).

        Damaged UTF-8 that was repaired is reported first; a page too large for trafilatura is skipped.
        """
        if self.too_large:
            yield ReadError(self.source, f"HTML page is over {HTML_MAX_BYTES:,} bytes (the most trafilatura "
                                         "reads); not read further", len(self.html))
            return
        try:
            items = list(html_items(self.html, self.source, options, self.url, self.crawled))
        except Exception as error:  # noqa: BLE001 - one hostile page must not stop the archive
            yield ReadError(self.source, reader_problem(error), len(self.html))
            return
        if isinstance(items[-1], Article) and (note := repair_note(self.html)):
            yield ReadError(self.source, note, skipped=False)
        for item in items:
            yield finished(item, options)


def payload(stream: IO[bytes]) -> bytes:
    """A record's payload, read up to one byte past the HTML limit and no further."""
    return read_at_most(stream, HTML_MAX_BYTES)


def html_pages(stream: IO[bytes], label: str, engine: str = "warcio") -> Iterator[HtmlPage | ReadError]:
    """Every HTML page of the archive in ``stream``, in order; a damaged archive ends with a ReadError.

    ``engine`` is "warcio" or "fastwarc" (faster, but it ends a truncated archive quietly where
    warcio reports it). FastWARC needs a file it can seek in, so stdin and pipes are read by warcio.
    """
    fast = engine == "fastwarc" and stream.seekable()
    pages = _fastwarc_pages(stream, label) if fast else _warcio_pages(stream, label)
    try:
        yield from pages
    except ImportError:
        yield ReadError(label, "FastWARC is not installed: pip install 'quotes[warc-fast]'")
    except Exception as error:  # noqa: BLE001 - the parsers raise many kinds on damaged archives; none may stop a run
        yield ReadError(label, f"damaged web archive: {type(error).__name__}: {error}")
    except BaseException as error:  # FastWARC's Rust panics are BaseExceptions (pyo3's PanicException)
        if type(error).__name__ != "PanicException":
            raise
        yield ReadError(label, f"damaged web archive: FastWARC failed: {error}")


def is_html(content_type: str | None, status: int | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return media in HTML_TYPES and status is not None and 200 <= status < 300


def _warcio_pages(stream: IO[bytes], label: str) -> Iterator[HtmlPage]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    for record in records:
        if record.format != "warc":
            raise ValueError(f"not a WARC file (found a record in {record.format} format)")
        http = record.http_headers if record.rec_type == "response" else None
        status = http.get_statuscode() if http else None
        page = None
        if http and is_html(http.get_header("Content-Type"), int(status) if status else None):
            page = HtmlPage(payload(record.content_stream()), f"{label}@{records.get_record_offset()}",
                            record.rec_headers.get_header("WARC-Target-URI"),
                            crawl_date(record.rec_headers.get_header("WARC-Date")))
        # skip the rest of the payload as it is stored (compressed, if it was sent so), to see whether it is complete
        while record.raw_stream.read(DRAIN):
            pass
        if getattr(record.raw_stream, "limit", 0) > 0:  # warcio returns what is there, not what was promised
            raise EOFError(f"the archive ends inside the record at byte {records.get_record_offset()}")
        if page:
            yield page
    if not stream.seekable():  # stdin: a cut is seen only as warcio sees it
        return
    size = stream.seek(0, 2)
    if records.offset < size or not _last_member_complete(stream, records.member_info):
        # warcio stops quietly at a record it cannot read to its end
        raise EOFError(f"the archive ends inside the record at byte {records.member_info[0]}")


def _last_member_complete(stream: IO[bytes], member: tuple[int, int] | None) -> bool:
    """Whether the last gzip member of a .warc.gz ends with its end-of-stream marker."""
    stream.seek(0)
    if member is None or stream.read(2) != b"\x1f\x8b":
        return True
    stream.seek(member[0])
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    inflater.decompress(stream.read(member[1]))
    return inflater.eof


def _fastwarc_pages(stream: IO[bytes], label: str) -> Iterator[HtmlPage]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    # auto_decode undoes chunked and gzip transfer, as warcio's content_stream() does
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True,
                                  auto_decode="all"):
        http = record.http_headers
        if http is None or not is_html(http.get("Content-Type"), http.status_code):
            continue
        page = HtmlPage(payload(record.reader), f"{label}@{record.stream_pos}", record.headers.get("WARC-Target-URI"),
                        crawl_date(record.headers.get("WARC-Date")))
        while page.too_large and record.reader.read(DRAIN):  # FastWARC reads on from the end of the payload only
            pass
        yield page


def crawl_date(value: str | None) -> str | None:
    """WARC-Date (always ISO 8601 in a sound archive) as stored in ``crawled``."""
    date = read_date(value)
    return date.iso if date else None
