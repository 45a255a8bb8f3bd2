"""Plain-text views for the terminal: tables, search hits and an article with its quotes marked."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

import click

FORMATS = ("table", "json", "csv", "nl")
# Control characters other than tab and newline, shown as their Unicode symbols (ESC as ␛): an
# escape sequence in a scraped article must not recolour, retitle or clear the reader's terminal.
CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
CONTROL_PICTURES |= {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters become visible symbols."""
    return text.translate(CONTROL_PICTURES)


def rows_as(rows: list[dict], fmt: str, columns: Iterable[str] | None = None) -> str:
    """Rows as JSON (an array), CSV, newline-delimited JSON, or an aligned text table."""
    columns = list(columns or (rows[0].keys() if rows else []))
    rows = [{c: row.get(c) for c in columns} for row in rows]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "nl":
        return "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    return table(rows, columns)


def cell(value: object, width: int = 40) -> str:
    text = "" if value is None else " ".join(printable(str(value)).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def table(rows: list[dict], columns: list[str]) -> str:
    """An aligned text table, long cells cut to 40 characters."""
    cells = [[cell(row[c]) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


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
    header = [article["title"] or article["id"]]
    header.append(" · ".join(str(v) for v in (article["outlet"], article["author"], article["published"],
                                             article["url"] or article["source"]) if v))
    legend = [f"[{n}] {attribution(q)} — {q['type']}{', ' + q['cue'] if q['cue'] else ''} ({q['rule']})"
              for n, q in enumerate(quotes, 1)]
    return printable("\n".join(header)) + "\n\n" + "".join(out).rstrip() + "\n\n" + printable(
        "\n".join(legend) if legend else "No quotes found.") + "\n"
