"""Bounded resources and hostile names: no input is read whole past what --max-chars allows, no page
is lost to its nesting, and no file name crashes a run or acts on the terminal.

Memory is measured as the peak of a ``quotes extract`` subprocess (its own parent reads it from
``getrusage``), never by timing.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import EXIT_SKIPPED, cli

FERRY = '"The ferry is late again," said Karl Brenner, a harbour pilot, on Monday morning at the pier.'
MEGABYTE = 1 << 20


def peak_memory_mb(args: list[str], stdin: bytes | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Run ``quotes ARGS`` and return its peak resident memory, in megabytes, and the finished process."""
    script = ("import resource, subprocess, sys, pickle\n"
              "done = subprocess.run([sys.executable, '-m', 'quotes', *sys.argv[1:]], input=sys.stdin.buffer.read(),"
              " capture_output=True)\n"
              "sys.stdout.buffer.write(pickle.dumps((resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done)))\n")
    import pickle

    wrapper = subprocess.run([sys.executable, "-c", script, *args], input=stdin or b"", capture_output=True,
                             timeout=600, check=True)
    peak_kb, done = pickle.loads(wrapper.stdout)
    return peak_kb / 1024, done


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def extract(db: Path, *args: object):
    return CliRunner().invoke(cli, ["extract", *map(str, args), "--db", str(db)], catch_exceptions=False)


# --- inputs that never end -----------------------------------------------------------------------

@pytest.mark.parametrize("fmt, reason", [
    ("auto", "input is over 4,000,000 bytes, so more than the --max-chars limit of 1,000,000 characters; not read "
             "further"),
    ("jsonl", "no line end in "),
    ("csv", "no line end in "),
    ("html", "HTML page is over 20,000,000 bytes, the most trafilatura reads; not read further"),
    ("json", "JSON document is over "),
])
def test_dev_zero_is_not_read_whole(tmp_path, fmt, reason):
    db = tmp_path / "q.db"
    peak, done = peak_memory_mb(["extract", "/dev/zero", "--db", str(db), "--format", fmt])
    assert done.returncode == EXIT_SKIPPED, done.stderr
    assert f"skipped /dev/zero: {reason}".encode() in done.stderr
    assert peak < 400


def test_stdin_is_read_only_as_far_as_an_article_can_reach(tmp_path):
    db = tmp_path / "q.db"
    peak, done = peak_memory_mb(["extract", "-", "--db", str(db)], stdin=b"word " * (60 * MEGABYTE // 5))
    assert done.returncode == EXIT_SKIPPED
    assert b"skipped <stdin>: input is over 4,000,000 bytes" in done.stderr
    assert peak < 300  # 60 MB on stdin, never held whole


def test_a_jsonl_record_too_long_is_passed_over_and_the_next_read(tmp_path):
    wire = tmp_path / "wire.jsonl"
    with wire.open("wb") as out:
        out.write(b'{"id": "dump", "text": "' + b"x" * (8 * MEGABYTE) + b'"}\n')
        out.write(json.dumps({"id": "next", "text": FERRY}).encode() + b"\n")
    peak, done = peak_memory_mb(["extract", str(wire), "--db", str(tmp_path / "q.db"), "--max-chars", "100000"])
    assert done.returncode == EXIT_SKIPPED
    assert f"skipped {wire}:1: record is 8,388,635 bytes".encode() in done.stderr
    assert rows(tmp_path / "q.db", "select id from articles") == [("next",)]
    assert peak < 250


# --- web archives: decompression bounded while it streams ------------------------------------------

def gzip_zeros(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MEGABYTE)
    return b"".join([packer.compress(block) for _ in range(megabytes)] + [packer.flush()])


def bomb_archive(path: Path, megabytes: int) -> None:
    """A .warc.gz of a few kilobytes whose first page inflates to ``megabytes`` (gzip inside gzip), then a good page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    bomb = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://bomb.example/", "response",
                                                  payload=io.BytesIO(gzip_zeros(megabytes)), http_headers=bomb))
    page = f"<html><head><title>Ferry</title></head><body><article><p>{FERRY}</p></article></body></html>"
    plain = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://gazette.example/ferry", "response",
                                                  payload=io.BytesIO(page.encode()), http_headers=plain))
    path.write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    archive = tmp_path_factory.mktemp("bomb") / "bomb.warc.gz"
    bomb_archive(archive, 768)  # 768 MB of page in a few kilobytes
    assert archive.stat().st_size < 20_000
    return archive


@pytest.mark.parametrize("engine", ["warcio", "fastwarc"])
@pytest.mark.parametrize("piped", [False, True])
def test_a_gzip_bomb_in_a_web_archive_is_cut_while_it_inflates(tmp_path, bomb, engine, piped):
    archive = bomb
    db = tmp_path / "q.db"
    source = "-" if piped else str(archive)
    peak, done = peak_memory_mb(["extract", source, "--db", str(db), "--warc-reader", engine],
                                stdin=archive.read_bytes() if piped else None)
    assert done.returncode == EXIT_SKIPPED, done.stderr
    assert b"Traceback" not in done.stderr and b"panicked" not in done.stderr
    label = "<stdin>" if piped else str(archive)
    assert f"skipped {label}@0: HTML page is over 20,000,000 bytes".encode() in done.stderr
    assert rows(db, "select url from articles") == [("https://gazette.example/ferry",)]
    assert peak < 400  # far below the 768 MB the page inflates to


# --- HTML that hurts parsers ---------------------------------------------------------------------------

@pytest.mark.parametrize("depth, note", [(600, None), (5000, "HTML nested deeper than 2,048 levels")])
def test_html_nested_hundreds_of_levels_keeps_its_article(tmp_path, depth, note):
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Ferry</title></head><body>" + "<div>" * depth
                    + f"<article><h1>Ferry late</h1>{''.join(f'<p>{FERRY} Day {n}.</p>' for n in range(8))}"
                    + "</article>" + "</div>" * depth + "</body></html>", encoding="utf-8")
    result = extract(tmp_path / "q.db", page)
    assert result.exit_code == (EXIT_SKIPPED if note else 0), result.output
    if note:
        assert f"repaired {page}: {note}" in result.stderr
    assert ("Karl Brenner",) in rows(tmp_path / "q.db", "select speaker_name from quotes")


def test_a_page_with_its_article_in_a_script_is_stored_with_a_warning(tmp_path):
    caption = "A crane at the port of Ellery on Monday, as the strike entered its third week."
    payload = json.dumps({"props": {"article": FERRY * 300}})
    page = tmp_path / "app.html"
    page.write_text(f"<html><head><title>Strike</title></head><body><figure><img src=a.jpg><figcaption>{caption}"
                    f"</figcaption></figure><script id='__NEXT_DATA__' type='application/json'>{payload}</script>"
                    "</body></html>", encoding="utf-8")
    result = extract(tmp_path / "q.db", page)
    assert result.exit_code == EXIT_SKIPPED
    size = page.stat().st_size
    assert f"warning {page}: little text found: {len(caption)} characters from a page of {size:,} bytes" \
        in result.stderr
    assert rows(tmp_path / "q.db", "select text from articles") == [(caption,)]


# --- names --------------------------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_one_note_and_the_article_is_read(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(FERRY + "\n", encoding="utf-8")
    odd = os.path.join(os.fsencode(folder), b"caf\xe9 ferry.txt")
    with open(odd, "w", encoding="utf-8") as out:
        out.write(FERRY.replace("ferry", "tram") + "\n")
    db = tmp_path / "q.db"
    for _ in range(2):  # and the same on every run
        result = extract(db, folder)
        assert result.exit_code == EXIT_SKIPPED, result.output
        shown = f"{folder}/caf\\xe9 ferry.txt"
        assert f"repaired {shown}: the file name is not valid UTF-8" in result.stderr
    assert sorted(rows(db, "select source from articles")) == [(shown,), (str(folder / "good.txt"),)]
    assert rows(db, "select count(*), count(distinct run_id) from errors") == [(2, 2)]


def test_control_characters_in_names_and_fields_never_reach_the_terminal(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "evil\x1b[2J\x1b]0;owned\x07\u202etxt.csv").write_text(
        "id,text,\x1b[31mred\x1b[0m\n1,Ana Ruiz said the ferry was late.,x\n2,,\n", encoding="utf-8")
    (folder / "line\nskipped fake.txt").write_text("", encoding="utf-8")
    result = extract(tmp_path / "q.db", folder)
    assert result.exit_code == EXIT_SKIPPED
    assert not any(ch in result.stderr + result.stdout for ch in "\x1b\x07\u202e")
    assert "evil␛[2J␛]0;owned␇<U+202E>txt.csv" in result.stderr and "kept in extra: ␛[31mred␛[0m" in result.stderr
    assert "line␊skipped fake.txt: empty article" in result.stderr  # one line: no forged "skipped" line
    assert not any(line.startswith("skipped fake") for line in result.stderr.splitlines())
