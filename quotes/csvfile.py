"""CSV as spreadsheets and ``csv.writer`` write it, read a row at a time into articles.

Excel, LibreOffice, Google Sheets and Python's ``csv.writer`` all write one dialect: a cell
holding a quote mark is quoted, and each quote mark in it is doubled. Only the delimiter differs
from file to file, so only the delimiter is detected; the rest of each row becomes an article
through the same field mapping as every record (see :mod:`quotes.fields`).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from quotes.bounded import Overlong, bounded_lines
from quotes.decoding import LineDecoder
from quotes.readers import Item, Layouts, ReadError, ReadOptions, peek_head, record_items, warning

CSV_DELIMITERS = ",;\t|"
SEP_LINE = re.compile(r"sep=(.)\r?\n?")  # Excel's first line naming the delimiter


def csv_records(stream: IO[bytes], label: str, options: ReadOptions) -> Iterator[Item]:
    """CSV rows read one at a time, as ``csv.writer`` and spreadsheets write them.

    The dialect is Excel's, the one every spreadsheet and ``csv.writer`` use: a ``""`` inside a
    quoted cell is one quote mark. Only the delimiter (``,`` ``;`` tab ``|``) is detected, from
    the first rows, or read from Excel's ``sep=;`` line; ``csv.Sniffer`` is not used, because it
    can guess that ``""`` is not an escape and then cuts every such cell short. The encoding is
    judged on the start of the file; damaged UTF-8 is repaired line by line and reported once,
    after the rows. A malformed row is reported and the next row read; a quote that is never
    closed, or a cell too long for an article within ``--max-chars``, ends the file with an error.
    """
    head = peek_head(stream)
    decoder = LineDecoder(head)
    limit = options.record_limit
    if decoder.wide:
        raw_lines: Iterator = bounded_lines(io.TextIOWrapper(stream, encoding=decoder.encoding, newline=""), limit)
    else:
        raw_lines = bounded_lines(stream, limit)

    def lines() -> Iterator[str]:
        for number, line in enumerate(raw_lines, 1):
            if isinstance(line, Overlong):
                raise ValueError(f"line {number} is {line.nbytes:,} bytes, longer than a row holding an article "
                                 f"within the --max-chars limit of {options.max_chars:,} characters; the rest of "
                                 "the file was not read")
            yield from (csv_lines(line) if isinstance(line, str) else csv_lines(decoder.decode(line)))

    text_lines = lines()
    sample: list[str] = []
    try:
        sample.extend(itertools.islice(text_lines, 64))
    except ValueError as error:  # a line too long among the first: the rows before it are still read
        text_lines = raising(error)
    delimiter = None
    if sample and (sep := SEP_LINE.fullmatch(sample[0])):
        delimiter, sample = sep.group(1), sample[1:]
    delimiter = delimiter or csv_delimiter(sample)
    csv.field_size_limit(limit or sys.maxsize)
    reader = csv.reader(itertools.chain(sample, text_lines), dialect="excel", delimiter=delimiter, strict=True)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise ValueError("empty CSV file: no header row")
    columns, doubled = column_names(header)
    layout = options.fields.layout(columns)
    if not layout.key("text"):
        raise ValueError(f"the CSV has no text column: none of {options.fields.text_names()} among its "
                         f"columns {', '.join(columns)} (choose one with --field text=COLUMN)")
    layouts = Layouts(label, options.fields)
    for name in doubled:
        yield warning(label, f"the column '{name}' is named twice: the first is read as '{name}', the next "
                             f"is kept in extra as '{name} (2)'")
    row_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            where = f"{label}:{row_end + 1}"
            if "field larger than field limit" in str(error):
                raise ValueError(f"line {row_end + 1}: a cell longer than an article within the --max-chars limit "
                                 "(a quote mark opened and never closed?); the rest of the file was not read") from None
            if "unexpected end of data" in str(error):
                yield ReadError(where, "a quoted cell opened in this row is never closed, so the rest of the file "
                                       f"(to line {reader.line_num}) would be one cell: skipped")
                break
            yield ReadError(where, f"malformed CSV row: {error} (in a quoted cell, write a quote mark as \"\")")
            row_end = reader.line_num
            continue
        row_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # a blank row, as spreadsheets leave at the end: no data in it
        record = dict(zip(columns, row, strict=False))
        record.update({f"column {n}": cell for n, cell in enumerate(row[len(columns):], len(columns) + 1)})
        # reader.line_num is the line where the row ends; rows may span lines
        yield from record_items(record, f"{label}:{row_end}", options, sum(map(len, row)), layouts)
    if note := decoder.problem():
        yield ReadError(label, note, skipped=False)


def raising(error: Exception) -> Iterator[str]:
    """An iterator that raises ``error`` when it is reached."""
    raise error
    yield ""


def csv_delimiter(sample: list[str]) -> str:
    """The delimiter that splits the header into the most columns that the rows below agree with.

    Each candidate is tried with the Excel dialect; one that gives a single-column header is no
    delimiter of this file. Comma when nothing splits (a one-column file).
    """
    best, best_score = ",", (0.0, 0)
    for delimiter in CSV_DELIMITERS:
        try:
            rows = [row for row in csv.reader(sample, dialect="excel", delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        body = rows[1:-1] or rows[1:]  # the last row of a sample may be cut short
        agreeing = sum(len(row) == len(rows[0]) for row in body) / len(body) if body else 1.0
        score = (agreeing, len(rows[0]))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def column_names(header: list[str]) -> tuple[list[str], list[str]]:
    """The header's names, made unique: an empty one is ``column N``, a repeated one ``NAME (2)``.

    Returns the names and the names that were repeated.
    """
    names: list[str] = []
    doubled: list[str] = []
    for number, cell in enumerate(header, 1):
        name = cell.strip() or f"column {number}"
        if name in names:
            doubled.append(name)
            copy = 2
            while f"{name} ({copy})" in names:
                copy += 1
            name = f"{name} ({copy})"
        names.append(name)
    return names, doubled


def csv_lines(text: str) -> Iterable[str]:
    """A line as the csv module wants it: one ending each, so a lone ``\\r`` (old Mac files) ends a line too."""
    return io.StringIO(text, newline="") if "\r" in text.rstrip("\r\n") else (text,)
