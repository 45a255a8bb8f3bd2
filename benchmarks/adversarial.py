"""How time grows on adversarial input, for the engine and for every reader: linear, or worse?

Usage: python benchmarks/adversarial.py [--size N] [--only engine|readers]

Each case is built at N and at 4N characters (or bytes) and timed in the same run. The ratio of
the two times is about 4 when the work grows linearly and about 16 when it grows with the
square of the length, which a hostile input of ``--max-chars`` length could turn into hours.

- engine: ``quotes.extract`` on runs of quote marks, cue words, capitals, spaces, and one long
  paragraph of nested quotations;
- readers: each input format read as ``quotes extract`` reads it (``quotes.readers``, with
  trafilatura for HTML and web archives), on the shapes that hurt it: a navigation page of
  thousands of links, HTML nested hundreds of levels deep, a CSV cell of escaped quote marks,
  a JSON Lines file of deep arrays, a web archive of many pages, and more.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from quotes import extract
from quotes.readers import ReadOptions, read_inputs

PATTERNS = {
    "curly quotes": "“", "straight quotes": "\"", "nested marks": "“‘«", "guillemets": "«",
    "cue words": "said ", "according to": "According to ", "quote-cue pairs": '"x," said ',
    "pronoun cues": ", he said, ", "capitals": "A ", "names": "Ellen Park ", "titles": "Mr. Sen. Dr. U.S. ",
    "spaces": " ", "paragraph breaks": "\n\n", "full stops": ". ", "one long word": "a",
    "nested quotes, one paragraph": "“A ‘b “c” d’ e,” Ana Ruiz said. ",
}


def repeat(pattern: str, size: int) -> str:
    return (pattern * (size // len(pattern) + 1))[:size]


def new_people_and_descriptions(size: int) -> str:
    """A new person in every sentence, each followed by a description to resolve ("the mayor"): the
    resolver must not read every earlier person for every description."""
    sentences, i = [], 0
    while sum(map(len, sentences)) < size:
        name = "".join(chr(97 + (i // 26 ** k) % 26) for k in range(3))
        sentences.append(f"Ana {name.capitalize()}son met the council. The mayor said the port would close. ")
        i += 1
    return "".join(sentences)[:size]


ENGINE_CASES = {"new people, then descriptions": new_people_and_descriptions}


# --- readers: each builds a file of about `size` characters and names its format -----------------

def navigation_page(size: int) -> tuple[str, bytes]:
    link = '<li><a href="/section/{n}">Section {n} of the news</a></li>'
    links = "".join(link.format(n=n) for n in range(size // len(link)))
    return "page.html", f"<html><head><title>Menu</title></head><body><nav><ul>{links}</ul></nav></body></html>" \
        .encode()


def links_in_paragraphs(size: int) -> tuple[str, bytes]:
    link = '<p><a href="/s/{n}">Story {n} about the harbour</a> | <a href="/t/{n}">Topic {n}</a></p>'
    body = "".join(link.format(n=n) for n in range(size // len(link)))
    return "page.html", f"<html><body><div>{body}</div></body></html>".encode()


def links_in_an_article(size: int) -> tuple[str, bytes]:
    """An article whose every paragraph holds a link: the text kept and the links both grow."""
    paragraph = '<p>The harbour story number {n} goes on, with <a href="/s/{n}">a link to story {n}</a> in it.</p>'
    body = "".join(paragraph.format(n=n) for n in range(size // len(paragraph)))
    return "page.html", f"<html><head><title>Harbour</title></head><body><article>{body}</article></body></html>" \
        .encode()


def deep_html(size: int) -> tuple[str, bytes]:
    depth = size // 11
    article = "<p>“We will appeal,” said Jane Doe, a lawyer for the union, outside the court.</p>"
    return "deep.html", ("<html><body>" + "<div>" * depth + article + "</div>" * depth + "</body></html>").encode()


def long_paragraph_html(size: int) -> tuple[str, bytes]:
    paragraph = repeat("“A ‘b’ c,” she said. ", size)
    return "long.html", f"<html><body><article><p>{paragraph}</p></article></body></html>".encode()


def csv_escaped_quotes(size: int) -> tuple[str, bytes]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "text"])
    writer.writerow(["c1", repeat('"We will," ', size)])
    return "sheet.csv", out.getvalue().encode()


def csv_many_rows(size: int) -> tuple[str, bytes]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "date", "text"])
    row = 0
    while out.tell() < size:
        writer.writerow([f"r{row}", "Sept. 12, 2016", f'"Row {row} is here," said Ana Ruiz.'])
        row += 1
    return "sheet.csv", out.getvalue().encode()


def csv_unclosed_quote(size: int) -> tuple[str, bytes]:
    return "sheet.csv", ('id,text\nu1,"never closed\n' + "more,text\n" * (size // 10)).encode()


def jsonl_deep_arrays(size: int) -> tuple[str, bytes]:
    line = '{"text": ' + "[" * 500 + "]" * 500 + "}\n"
    return "wire.jsonl", (line * (size // len(line))).encode()


def jsonl_many_records(size: int) -> tuple[str, bytes]:
    lines, n = [], 0
    while sum(map(len, lines)) < size:
        lines.append(json.dumps({"guid": f"g{n}", "body": f'"Record {n}," said Tom Reyes.',
                                 "publication_date": "Mon, 12 Sep 2016 10:00:00 GMT", "tags": ["a", "b"]}) + "\n")
        n += 1
    return "wire.jsonl", "".join(lines).encode()


def json_array(size: int) -> tuple[str, bytes]:
    record = {"id": "x", "text": "Ana Ruiz said the ferry was late."}
    count = size // len(json.dumps(record))
    return "all.json", json.dumps([{**record, "id": f"x{n}"} for n in range(count)]).encode()


def text_one_line(size: int) -> tuple[str, bytes]:
    return "dump.txt", repeat("word ", size).encode()


def warc_many_pages(size: int) -> tuple[str, bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    n = 0
    while buffer.tell() < size // 4:
        html = (f"<html><head><title>Story {n}</title></head><body><article><p>“Story {n} is here,” said Ana "
                f"Ruiz, the harbour master, on Monday.</p></article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
        n += 1
    return "crawl.warc.gz", buffer.getvalue()


READER_CASES: dict[str, Callable[[int], tuple[str, bytes]]] = {
    "html: navigation list": navigation_page,
    "html: links in paragraphs": links_in_paragraphs,
    "html: links in an article": links_in_an_article,
    "html: nested divs": deep_html,
    "html: nested quotes": long_paragraph_html,
    "csv: escaped quotes": csv_escaped_quotes,
    "csv: many rows": csv_many_rows,
    "csv: unclosed quote": csv_unclosed_quote,
    "jsonl: deep arrays": jsonl_deep_arrays,
    "jsonl: many records": jsonl_many_records,
    "json: one array": json_array,
    "txt: one line": text_one_line,
    "warc: many pages": warc_many_pages,
}


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def read_file(folder: Path, make: Callable[[int], tuple[str, bytes]], size: int) -> Callable[[], object]:
    name, data = make(size)
    path = folder / f"{size}-{name}"
    path.write_bytes(data)
    options = ReadOptions(max_chars=0)  # no limit: the growth itself is measured
    return lambda: list(read_inputs([str(path)], options))


def report(name: str, small: float, large: float) -> None:
    ratio = large / max(small, 1e-6)
    growth = "quadratic" if ratio > 10 else "linear" if ratio < 6 else "worse than linear"
    print(f"{name:30} {small:>10.3f}s {large:>10.3f}s {ratio:6.1f}  {growth}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller input")
    parser.add_argument("--only", choices=["engine", "readers"], help="time only the engine or only the readers")
    args = parser.parse_args()
    size = args.size
    print(f"{'case':30} {size:>9,} ch {4 * size:>9,} ch  ratio  growth")
    if args.only != "readers":
        for name, pattern in PATTERNS.items():
            small, large = (repeat(pattern, n) for n in (size, 4 * size))
            report(f"engine: {name}", seconds(lambda t=small: extract(t)), seconds(lambda t=large: extract(t)))
        for name, make in ENGINE_CASES.items():
            small, large = make(size), make(4 * size)
            report(f"engine: {name}", seconds(lambda t=small: extract(t)), seconds(lambda t=large: extract(t)))
    if args.only != "engine":
        with tempfile.TemporaryDirectory() as folder:
            for name, make in READER_CASES.items():
                report(name, seconds(read_file(Path(folder), make, size)),
                       seconds(read_file(Path(folder), make, 4 * size)))


if __name__ == "__main__":
    main()
