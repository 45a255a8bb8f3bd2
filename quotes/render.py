"""Plain-text views for the terminal: tables, search hits and an article with its quotes marked."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

import click

FORMATS = ("table", "json", "nl", "csv", "tsv")
WRAP = 48  # prose cells wrap at this width in a table, unless --wide; ids and URLs are never cut
FORMULA_START = tuple("=+-@\t\r")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# Control characters other than tab and newline, shown as their Unicode symbols (ESC as ␛): an
# escape sequence in a scraped article must not recolour, retitle or clear the reader's terminal.
CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
CONTROL_PICTURES |= {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters become visible symbols."""
    return text.translate(CONTROL_PICTURES)


def formula_safe(value: object) -> object:
    """A cell a spreadsheet will not run: text starting with = + - @, a tab or CR gets a leading ',
    unless it is a number (OWASP's advice for CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


@dataclass
class Output:
    """How a listing command prints its rows: the options of ``output_options`` in the CLI."""

    format: str | None = None  # one of FORMATS; None: the command's own view for people (a table)
    table_format: str = "simple"  # any of tabulate's formats
    wide: bool = False

    def write(self, rows: Iterable[dict], columns: list[str] | None = None, out: IO[str] | None = None) -> int:
        """Write ``rows`` (only ``columns``, when given) and return how many there were."""
        out = out or sys.stdout
        fmt = self.format or "table"
        rows = ({c: row.get(c) for c in columns} for row in rows) if columns else iter(rows)
        if fmt == "table":
            listed = list(rows)
            out.write(table(listed, columns or (list(listed[0]) if listed else []), self.table_format, self.wide))
            return len(listed)
        count = 0
        if fmt in ("csv", "tsv"):
            writer = None
            for row in rows:
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=columns or list(row), lineterminator="\n",
                                            delimiter="," if fmt == "csv" else "\t")
                    writer.writeheader()
                writer.writerow({key: formula_safe(value) for key, value in row.items()})
                count += 1
            if writer is None and columns:
                out.write(("," if fmt == "csv" else "\t").join(columns) + "\n")
            return count
        if fmt == "nl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                count += 1
            return count
        out.write("[")
        for count, row in enumerate(rows, 1):
            out.write(("\n " if count == 1 else ",\n ") + json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n]\n" if count else "]\n")
        return count


def table(rows: list[dict], columns: list[str], table_format: str = "simple", wide: bool = False) -> str:
    """An aligned text table by tabulate. Cells of prose longer than ``WRAP`` wrap onto more lines
    unless ``wide``; a cell without spaces (an id, a URL) is never cut."""
    from tabulate import tabulate  # on first use: it is not needed for --help or the data formats

    cells = [[" ".join(printable(str(row[c])).split()) if row[c] is not None else "" for c in columns] for row in rows]
    widths = None
    if not wide and cells:
        prose = [any(len(r[i]) > WRAP and " " in r[i] for r in cells) for i in range(len(columns))]
        widths = [WRAP if wrap else None for wrap in prose]
    return tabulate(cells, headers=columns, tablefmt=table_format, maxcolwidths=widths, disable_numparse=True) + "\n"


def attribution(row: dict) -> str:
    """``Jane Doe (lawyer, Acme Corp)``, ``“she” → Jane Doe (pronoun)`` for a mention resolved to a
    name it does not write, or ``unattributed``."""
    details = ", ".join(v for v in (row.get("speaker_role") or row.get("role"),
                                    row.get("speaker_org") or row.get("organization")) if v)
    name = row.get("speaker_name") or row.get("speaker") or "unattributed"
    written, how = row.get("speaker_as_written"), row.get("speaker_resolution")
    if written and name != written and how not in (None, "name", "as written"):
        name = f"“{written}” → {name} ({how})"
    return f"{name} ({details})" if details else name


def search_hits(rows: list[dict]) -> str:
    """Search results for reading: the context with the quote, who said it, and where."""
    blocks = []
    for row in rows:
        where = " · ".join(str(v) for v in (row["title"], row["outlet"], row["published"]) if v)
        blocks.append(f"{row['context']}\n    — {attribution(row)}, {row['type']}"
                      f"{', ' + row['cue'] if row['cue'] else ''}\n    {where} [{row['article_id']}]")
    return printable("\n\n".join(blocks) + ("\n" if blocks else ""))


def article(article: dict, quotes: list[dict], color: bool) -> str:
    """The article text with each quote in brackets numbered ``[1 …]``, coloured when ``color``,
    followed by the list of quotes with their speakers."""
    text = article["text"]
    colors = {"direct": "yellow", "indirect": "cyan", "mixed": "green"}
    out, position = [], 0
    for number, quote in enumerate(quotes, 1):
        start, end = max(quote["start"], position), quote["end"]
        if start >= end:  # nested in the previous quote: listed below, not marked twice
            continue
        out.append(printable(text[position:start]))
        marked = printable(text[start:end])
        if color:
            marked = click.style(marked, fg=colors.get(quote["type"]), bold=True)
        out.append(f"[{number} {marked}]")
        position = end
    out.append(printable(text[position:]))
    header = [article.get("heading") or article["title"] or article["id"]]
    header.append(" · ".join(str(v) for v in (article["outlet"], article["author"], article["published"],
                                             article["url"] or article["source"]) if v))
    legend = [f"[{n}] {attribution(q)} — {q['type']}{', ' + q['cue'] if q['cue'] else ''} ({q['rule']})"
              for n, q in enumerate(quotes, 1)]
    return printable("\n".join(header)) + "\n\n" + "".join(out).rstrip() + "\n\n" + printable(
        "\n".join(legend) if legend else "No quotes found.") + "\n"
