"""Bad input: each case is skipped (or repaired) with a clear reason, and the run goes on.

Every test runs the real ``quotes extract`` on real files next to a good article, then checks
the exit status, what was printed on stderr, the ``errors`` table and that the good article
was stored. Exit status 3 means "finished, but something was skipped or repaired".
"""

from __future__ import annotations

import ctypes
import gzip
import io
import json
import os
import sqlite3
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quotes.cli import EXIT_SKIPPED, cli
from quotes.decoding import decode_bytes
from quotes.readers import DEFAULT_MAX_CHARS, HTML_MAX_BYTES, ReadOptions, format_for

GOOD = '"The ferry is late again," said Karl Brenner, a harbour pilot.\n'


def story(n: object) -> str:
    """A good article of its own: the same text twice is one article (see tests/test_identity.py)."""
    return f'"The ferry is late again on pier {n}," said Karl Brenner, a harbour pilot.\n'


@dataclass
class Run:
    """One ``quotes extract`` run and the database it wrote."""

    result: Result | None  # None for a run made in a subprocess
    db: Path

    @property
    def exit_code(self) -> int:
        return self.result.exit_code

    @property
    def stderr(self) -> str:
        return self.result.stderr

    def query(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql).fetchall()

    def errors(self) -> dict[str, str]:
        return dict(self.query("select source, reason from errors"))

    def texts(self) -> dict[str, str]:
        return dict(self.query("select source, text from articles"))

    def check_offsets(self) -> int:
        """Every stored quote's content, speaker, cue, role and organisation are exactly their slice of the text."""
        rows = self.query("""select a.text, q.content, q.start, q."end", q.speaker_as_written, q.speaker_start,
                                    q.speaker_end, q.cue, q.cue_start, q.cue_end, q.speaker_role, q.speaker_role_start,
                                    q.speaker_role_end, q.speaker_org, q.speaker_org_start, q.speaker_org_end
                             from quotes q join articles a on a.id = q.article_id""")
        for text, *fields in rows:
            for value, start, end in zip(fields[0::3], fields[1::3], fields[2::3], strict=True):
                if value is not None:
                    assert text[start:end] == value
        return len(rows)


def extract(tmp_path: Path, *inputs: object, args: tuple[str, ...] = (), good: bool = True) -> Run:
    """Run ``quotes extract`` on the inputs (plus a good article) into a fresh database."""
    db = tmp_path / "quotes.db"
    paths = [str(i) for i in inputs]
    if good:
        (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
        paths.append(str(tmp_path / "good.txt"))
    result = CliRunner().invoke(cli, ["extract", *paths, "--db", str(db), *args], catch_exceptions=False)
    run = Run(result, db)
    if good:
        assert run.texts()[str(tmp_path / "good.txt")] == GOOD, "the good article must be stored"
    return run


def assert_skipped(run: Run, source: object, reason: str) -> None:
    """``source`` was skipped: printed on stderr, in the errors table, and the exit status says so."""
    assert run.exit_code == EXIT_SKIPPED, run.result.output
    assert reason in run.errors()[str(source)]
    assert f"skipped {source}: " in run.stderr
    assert str(source) not in run.texts()


def png_image() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", GOOD * 20)
    return buffer.getvalue()


# --- empty and binary files ---------------------------------------------------------------------

def test_empty_file_is_skipped(tmp_path):
    empty, blank = tmp_path / "empty.txt", tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    run = extract(tmp_path, empty, blank)
    assert_skipped(run, empty, "empty article")
    assert_skipped(run, blank, "empty article")
    assert "2 inputs skipped or repaired" in run.stderr


@pytest.mark.parametrize("name, data, kind", [
    ("photo.txt", png_image(), "PNG image"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)), "JPEG image"),
    ("archive.txt", zip_archive(), "ZIP archive"),
    ("stories.jsonl", gzip.compress(b'{"text": "x"}\n'), "gzip-compressed"),
    ("noise.txt", bytes(range(256)) * 4, "binary file"),
])
def test_binary_file_is_skipped_as_not_text(tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    run = extract(tmp_path, path)
    assert_skipped(run, path, "binary file")
    assert kind in run.errors()[str(path)]


def test_binary_files_in_a_folder_are_passed_over_by_extension(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "photo.png").write_bytes(png_image())
    (folder / "story.txt").write_text(GOOD, encoding="utf-8")
    run = extract(tmp_path, folder, good=False)
    assert run.exit_code == 0 and run.errors() == {}
    assert list(run.texts()) == [str(folder / "story.txt")]


# --- encodings ----------------------------------------------------------------------------------

def test_invalid_utf8_keeps_the_text_and_reports_the_repair(tmp_path):
    path = tmp_path / "damaged.txt"
    story = "Port news\n\n“We will not move the cranes,” said Ana Ruiz — a crane driver.\n"
    path.write_bytes(story.encode() + b"Cut mid-character: \xe2\x80 and a stray \xff byte.\n")
    run = extract(tmp_path, path)
    assert run.exit_code == EXIT_SKIPPED
    reason = run.errors()[str(path)]
    assert reason.startswith("invalid UTF-8: 2 bad byte sequences replaced by U+FFFD")
    assert f"(the first at byte {len(story.encode()) + 19}, line 4)" in reason
    assert f"repaired {path}: invalid UTF-8" in run.stderr
    text = run.texts()[str(path)]
    assert text == story + "Cut mid-character: \ufffd and a stray \ufffd byte.\n"  # no mojibake
    assert ("We will not move the cranes,",) in run.query("select content from quotes")
    assert run.check_offsets() >= 2


@pytest.mark.parametrize("damage", [b"\xe2\x80", b"\xff", b"\xe2\x80 and \xff", b"\xc3 \xa9 \xff"])
def test_utf8_with_few_non_ascii_characters_and_damage_is_not_taken_for_a_legacy_encoding(damage):
    story = "“We will not move,” said Ana Ruiz.\n".encode()  # only two well-formed multi-byte characters
    decoded = decode_bytes(story + damage)
    assert decoded.text.startswith("“We will not move,” said Ana Ruiz.\n")
    assert decoded.encoding == "utf-8" and decoded.problem.startswith("invalid UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read_exactly(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    story = "Port news\n\n“We will not move the cranes,” said Ana Ruiz — a crane driver.\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + story.encode(encoding))
    run = extract(tmp_path, path)
    assert run.exit_code == 0 and run.errors() == {}
    assert run.texts()[str(path)] == story
    assert ("We will not move the cranes,", "Ana Ruiz") in run.query("select content, speaker_name from quotes")


def test_utf16_with_a_broken_body_is_skipped(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfe" + "Hello".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate at the end
    run = extract(tmp_path, path)
    assert_skipped(run, path, "invalid UTF-16 after its byte-order mark")


def test_windows_1252_is_detected(tmp_path):
    path = tmp_path / "legacy.txt"
    story = ("Café owners protest\n\n\u201cWe will stay open until the council listens to us,\u201d said Renée "
             "Dupré \u2014 who has run the café on the quay for twenty years.\n")
    path.write_bytes(story.encode("cp1252"))
    run = extract(tmp_path, path)
    assert run.exit_code == 0 and run.errors() == {}
    assert run.texts()[str(path)] == story
    assert ("Renée Dupré",) in run.query("select speaker_name from quotes")


def test_windows_1252_csv_is_detected(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes('id,text\nc1,"\u201cWe stay open,\u201d said Renée Dupré."\n'.encode("cp1252"))
    run = extract(tmp_path, path)
    assert run.exit_code == 0
    assert run.texts()[f"{path}:2"] == "\u201cWe stay open,\u201d said Renée Dupré."


def test_legacy_text_with_a_chance_utf8_pair_is_still_legacy():
    text = "CAFÉ’S OWNER: “We stay open,” said Renée — é, è, à, ç and ô all over the page.\n"
    data = text.encode("cp1252")
    assert b"\xc9\x92" in data  # "É’" happens to be a well-formed UTF-8 character
    assert decode_bytes(data).text == text and decode_bytes(data).problem is None


@pytest.mark.parametrize("text, encoding", [
    ("«Мы не закроем порт», — сказал министр Иван Петров в понедельник журналистам в столице.", "cp1251"),
    ("„Nie zgadzamy się z tą decyzją”, powiedział Paweł Łukaszewicz, rzecznik ministerstwa.", "cp1250"),
])
def test_other_legacy_encodings_are_still_detected(text, encoding):
    assert decode_bytes(text.encode(encoding)).text == text


# --- size limits --------------------------------------------------------------------------------

def test_fifty_megabyte_single_line_text_file_is_skipped_without_being_read(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"word " * 10_485_760)  # 50 MB, no newline
    run = extract(tmp_path, path)
    assert_skipped(run, path, f"file is 52,428,800 bytes, so more than the --max-chars limit of "
                              f"{DEFAULT_MAX_CHARS:,} characters")


def test_fifty_megabyte_single_line_jsonl_record_is_skipped(tmp_path):
    path = tmp_path / "dump.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "huge", "text": "' + b"word " * 10_485_760 + b'"}\n')
        out.write(json.dumps({"id": "small", "text": story("small")}).encode() + b"\n")
    run = extract(tmp_path, path)
    assert_skipped(run, f"{path}:1", f"record is 52,428,827 bytes, longer than a record holding an article within "
                                     f"the --max-chars limit of {DEFAULT_MAX_CHARS:,} characters can be; passed over "
                                     "unread")
    assert run.texts()[f"{path}:2"] == story("small")  # the next line of the same file is read


def test_fifty_megabyte_html_page_is_skipped(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body><p>" + b"word " * 10_485_760 + b"</p></body></html>")
    run = extract(tmp_path, path)
    assert_skipped(run, path, f"over the {HTML_MAX_BYTES:,} bytes trafilatura reads")


def test_html_limit_is_trafilaturas_own():
    from trafilatura.settings import DEFAULT_CONFIG

    assert DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE") == HTML_MAX_BYTES


def test_article_over_max_chars_is_skipped_and_the_limit_can_be_raised(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text(GOOD * 40, encoding="utf-8")  # 2,520 characters
    run = extract(tmp_path, long, args=("--max-chars", "2000"))
    assert_skipped(run, long, f"article is {len(GOOD) * 40:,} characters, over the --max-chars limit of 2,000")
    rerun = extract(tmp_path, long, args=("--max-chars", "0"))  # 0: no limit
    assert rerun.exit_code == 0 and str(long) in rerun.texts()


def test_max_chars_has_a_documented_default():
    help_text = CliRunner().invoke(cli, ["extract", "--help"]).output
    assert "--max-chars" in help_text and f"default: {DEFAULT_MAX_CHARS}" in " ".join(help_text.split())


# --- hostile characters -------------------------------------------------------------------------

HOSTILE = (
    "Bell\x07, escape \x1b[31mred\x1b[0m and \x1b]0;title\x07 in the headline\n\n"
    "\"Prices rose 👍🏽 again — مرحبا بالعالم,\" said Karl Brenner, a harbour pilot.\n\n"
    "\u202eReversed\u202c text, zero\u200bwidth, NUL\x00 and form\x0cfeed.\n\n"
    "\"שלום עולם is what we say at the harbour,\" said Dana Levi.\n\n"
    + "\"" * 3001 + "\n\n" + "“" * 2000 + "”" * 1500 + "\n\n" + "«“‘" * 1000 + "’”»" * 700 + "\n\n"
    + "'' `` \" ' « » „ ‚ " * 500 + "\n"
)


def test_control_characters_emoji_rtl_and_thousands_of_quote_marks(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    run = extract(tmp_path, path)
    assert run.exit_code == 0 and run.errors() == {}, run.result.output
    assert run.texts()[str(path)] == HOSTILE  # stored exactly, NUL and escapes included
    contents = [row[0] for row in run.query("select content from quotes")]
    assert "Prices rose 👍🏽 again — مرحبا بالعالم," in contents
    assert "שלום עולם is what we say at the harbour," in contents
    assert run.check_offsets() >= 3


def test_terminal_output_shows_control_characters_instead_of_obeying_them(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    run = extract(tmp_path, path)
    shown = CliRunner().invoke(cli, ["show", str(path), "--db", str(run.db)]).output
    assert "\x1b" not in shown and "\x07" not in shown and "\x00" not in shown
    assert "␛[31mred␛[0m" in shown and "NUL␀" in shown
    found = CliRunner().invoke(cli, ["search", "Prices", "--db", str(run.db)]).output
    assert "Prices rose 👍🏽 again" in found and "\x1b" not in found
    exported = CliRunner().invoke(cli, ["export", "--db", str(run.db)]).stdout
    texts = [json.loads(line)["text"] for line in exported.splitlines()]
    assert HOSTILE in texts  # data formats keep the text exactly


# --- records ------------------------------------------------------------------------------------

def test_malformed_jsonl_line_is_skipped_with_its_line_number(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "w1", "text": story(1)}),
        '{"id": "w2", "text": "cut off',
        json.dumps({"id": "w3", "text": '"We are open," said Ines Moreau.'}),
        "[1, 2, 3]",
        '{"id": "w5", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ]) + "\n", encoding="utf-8")
    run = extract(tmp_path, path)
    assert_skipped(run, f"{path}:2", "invalid JSON: Unterminated string")
    assert_skipped(run, f"{path}:4", "record is an array, not an object")
    assert_skipped(run, f"{path}:5", "JSON nested too deeply to read")
    assert {f"{path}:1", f"{path}:3"} <= set(run.texts())


def test_json_with_lone_surrogates_is_repaired(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "s1", "title": "Bad \\udc00 title", '
                    '"text": "\\"The tide is early \\ud83d,\\" said Ana Ruiz."}\n', encoding="utf-8")
    run = extract(tmp_path, path)
    assert run.exit_code == EXIT_SKIPPED
    assert run.errors()[f"{path}:1"] == ("invalid Unicode: lone surrogate characters in text, title replaced by "
                                         "U+FFFD")
    assert run.texts()[f"{path}:1"] == '"The tide is early \ufffd," said Ana Ruiz.'
    assert run.check_offsets() >= 1


def test_extra_fields_with_lone_surrogates_are_stored_repaired_as_one_json_text(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "e1", "text": "\\"The tide is early,\\" said Ana Ruiz.", '
                    '"desk": {"tags": ["port", "bad \\udc00 tag"], "pages": 2}}\n', encoding="utf-8")
    run = extract(tmp_path, path)
    assert run.errors()[f"{path}:1"] == "invalid Unicode: lone surrogate characters in extra replaced by U+FFFD"
    with sqlite3.connect(run.db) as conn:
        (stored,) = conn.execute("select extra from articles").fetchone()
    assert json.loads(stored) == {"desk": {"tags": ["port", "bad \ufffd tag"], "pages": 2}}
    assert stored == json.dumps(json.loads(stored), ensure_ascii=False)  # the reader's encoding, kept as is


def test_csv_without_the_text_column_is_one_clear_error(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("id,headline,story\nr1,Ferry late,\"\"\"Late again,\"\" said Ana Ruiz.\"\n"
                    "r2,Ferry early,Early today.\n", encoding="utf-8")
    run = extract(tmp_path, path)
    assert_skipped(run, path, "the CSV has no text column: none of text, body, content, article, maintext, "
                              "full_text among its columns id, headline, story (choose one with --field text=COLUMN)")
    assert len(run.errors()) == 1  # one error for the file, not one per row
    fixed = extract(tmp_path, path, args=("--text-field", "story", "--db", str(tmp_path / "fixed.db")))
    assert fixed.result.exit_code == 0


@pytest.mark.parametrize("document, kind", [
    ("42", "a number"), ('"just a string"', "a string"), ("null", "null"), ("true", "true or false"),
])
def test_json_document_that_is_not_an_object(tmp_path, document, kind):
    path = tmp_path / "doc.json"
    path.write_text(document, encoding="utf-8")
    run = extract(tmp_path, path)
    assert_skipped(run, path, f"the JSON document is {kind}, not an object or an array of objects")


def test_json_array_items_that_are_not_objects_are_skipped_one_by_one(tmp_path):
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "a", "text": story("a")}, 7, "text", None]), encoding="utf-8")
    run = extract(tmp_path, path)
    assert_skipped(run, f"{path}:2", "record is a number, not an object")
    assert_skipped(run, f"{path}:3", "record is a string, not an object")
    assert_skipped(run, f"{path}:4", "record is null, not an object")
    assert f"{path}:1" in run.texts()


def test_json_nested_too_deeply(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    run = extract(tmp_path, path)
    assert_skipped(run, path, "nested too deeply to read")


# --- streamed files: JSON Lines and CSV are read a line at a time, big ones by several workers ----

def test_jsonl_record_with_damaged_utf8_is_repaired_and_reported_by_its_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    record = '{"id": "d1", "text": "\u201cWe stay,\u201d said Ana Ruiz '.encode() + b'\xff."}\n'
    path.write_bytes(json.dumps({"id": "g1", "text": story("g1")}).encode() + b"\n" + record)
    bad = record.index(b"\xff")
    run = extract(tmp_path, path)
    assert run.exit_code == EXIT_SKIPPED
    assert run.errors() == {f"{path}:2": f"invalid UTF-8: 1 bad byte sequence replaced by U+FFFD (the first at byte "
                                         f"{bad}); the rest of the text was kept"}
    assert f"repaired {path}:2: invalid UTF-8" in run.stderr
    assert run.texts()[f"{path}:2"] == "\u201cWe stay,\u201d said Ana Ruiz \ufffd."


def test_csv_with_damaged_utf8_keeps_every_row_and_reports_the_repair_once(tmp_path):
    path = tmp_path / "sheet.csv"
    first = 'id,text\nc1,"\u201cWe stay open,\u201d said Ren\u00e9e Dupr\u00e9."\n'.encode()
    path.write_bytes(first + b'c2,"Cut \xe2\x80 here, and a stray \xff byte."\n')
    run = extract(tmp_path, path)
    assert run.exit_code == EXIT_SKIPPED
    assert run.errors() == {str(path): f"invalid UTF-8: 2 bad byte sequences replaced by U+FFFD (the first at byte "
                                       f"{len(first) + 8}, line 3); the rest of the text was kept"}
    assert f"repaired {path}: invalid UTF-8" in run.stderr
    texts = run.texts()
    assert texts[f"{path}:2"] == "\u201cWe stay open,\u201d said Ren\u00e9e Dupr\u00e9."
    assert texts[f"{path}:3"] == "Cut \ufffd here, and a stray \ufffd byte."  # not read as another encoding


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_jsonl_and_csv_with_a_wide_byte_order_mark_are_read(tmp_path, encoding):
    wire, sheet = tmp_path / "wire.jsonl", tmp_path / "sheet.csv"
    wire.write_bytes("".join(json.dumps({"id": f"w{n}", "text": story(n)}, ensure_ascii=False) + "\n"
                             for n in range(3)).encode(encoding))
    sheet.write_bytes("id,text\nc1,Ana Ruiz said the ferry was late again.\n".encode(encoding))
    run = extract(tmp_path, wire, sheet)
    assert run.exit_code == 0 and run.errors() == {}
    texts = run.texts()
    assert [texts[f"{wire}:{n}"] for n in (1, 2, 3)] == [story(n) for n in range(3)]
    assert texts[f"{sheet}:2"] == "Ana Ruiz said the ferry was late again."


def test_big_files_read_by_two_workers_report_bad_input_as_one_reader_does(tmp_path):
    """Files larger than a partition are cut into byte ranges (JSON Lines) or batched by the planner
    (CSV); each problem is still reported once, with the source a single reader gives it."""
    from quotes.api import extract_corpus

    wire = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": f"w{n}", "text": story(n)}).encode() for n in range(60)]
    lines[10] = b'{"id": "w10", "text": "cut off'
    lines[20] = json.dumps({"id": "w20", "text": GOOD * 40}).encode()  # over --max-chars 2000
    lines[30] = b'{"id": "w30", "text": "\xe2\x80\x9cLate,\xe2\x80\x9d said Ana Ruiz \xff."}'
    wire.write_bytes(b"\n".join(lines) + b"\n")
    packed = tmp_path / "packed.jsonl"
    packed.write_bytes(gzip.compress(wire.read_bytes() * 3, compresslevel=0))  # no lines: one error, not one per range
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(b"id,text\n" + b"".join(f'c{n},"{story(f"c{n}").strip().replace(chr(34), 2 * chr(34))}"\n'
                                              .encode() for n in range(60))
                      + b'c60,"Stray \xff byte; \xe2\x80\x9cfine\xe2\x80\x9d."\n')
    inputs = [str(wire), str(packed), str(sheet)]
    seen: dict[int, list[tuple[str, str, bool]]] = {}
    for workers in (1, 2):
        seen[workers] = []
        extract_corpus(inputs, tmp_path / f"{workers}.db", options=ReadOptions(max_chars=2000), workers=workers,
                       partition_bytes=1000, on_error=lambda e, w=workers: seen[w].append((e.source, e.reason,
                                                                                            e.skipped)))
    assert seen[1] == seen[2]
    problems = {source: (reason, skipped) for source, reason, skipped in seen[2]}
    assert problems[f"{wire}:11"][0].startswith("invalid JSON: Unterminated string")
    assert problems[f"{wire}:21"] == ("article is 2,520 characters, over the --max-chars limit of 2,000", True)
    assert problems[f"{wire}:31"][0].startswith("invalid UTF-8: 1 bad byte sequence") and not problems[f"{wire}:31"][1]
    assert problems[str(packed)] == ("binary file, not text: gzip-compressed file", True)
    assert problems[str(sheet)][0].startswith("invalid UTF-8: 1 bad byte sequence")
    assert len(seen[2]) == 5
    with sqlite3.connect(tmp_path / "2.db") as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 58 + 61
        assert conn.execute("select count(*) from errors").fetchone()[0] == 5


# --- paths --------------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere" / "story.txt"
    run = extract(tmp_path, missing)
    assert_skipped(run, missing, "no such file or directory")


def test_broken_symbolic_link(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    run = extract(tmp_path, link)
    assert_skipped(run, link, f"broken symbolic link to {tmp_path / 'gone.txt'}")


def test_symbolic_link_loops_in_a_folder_are_reported_and_everything_else_read_once(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "story.txt").write_text(GOOD, encoding="utf-8")
    (folder / "self.txt").symlink_to("self.txt")  # points at itself
    (folder / "a.txt").symlink_to("b.txt")  # a and b point at each other
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "sub" / "up").symlink_to("..")  # a folder that contains itself
    run = extract(tmp_path, folder, good=False)
    assert run.exit_code == EXIT_SKIPPED
    errors = run.errors()
    for name in ("self.txt", "a.txt", "b.txt"):
        assert errors[str(folder / name)] == "symbolic link loop"
    assert errors[str(folder / "sub" / "up")].endswith("a folder already read (a loop or a duplicate)")
    assert list(run.texts()) == [str(folder / "sub" / "story.txt")]  # read once, not once per loop
    assert f"skipped {folder / 'self.txt'}: symbolic link loop" in run.stderr


def test_symbolic_link_loop_given_by_name(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    run = extract(tmp_path, loop)
    assert_skipped(run, loop, "symbolic link loop")


def test_linked_folder_is_followed(tmp_path):
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    (elsewhere / "old.txt").write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2024").symlink_to(elsewhere)
    run = extract(tmp_path, folder, good=False)
    assert run.exit_code == 0 and list(run.texts()) == [str(folder / "2024" / "old.txt")]


def test_named_pipe_in_a_folder_is_skipped_without_blocking(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    run = extract(tmp_path, folder)
    assert_skipped(run, folder / "pipe.txt", "not a regular file")


def test_named_pipe_given_by_name_is_read_like_stdin(tmp_path):
    """``quotes extract <(zcat wire.jsonl.gz)`` hands over a pipe: it is read, its format sniffed."""
    pipe = tmp_path / "feed"
    os.mkfifo(pipe)
    record = json.dumps({"id": "p1", "text": story("p1")}).encode() + b"\n"
    writer = subprocess.Popen(["sh", "-c", f"cat > '{pipe}'"], stdin=subprocess.PIPE)
    try:
        writer.stdin.write(record)
        writer.stdin.close()
        run = extract(tmp_path, pipe)
    finally:
        writer.wait(timeout=10)
    assert run.exit_code == 0
    assert run.query("select id from articles where id = 'p1'") == [("p1",)]


def without_root_file_access() -> None:
    """In a child process about to start: drop root's power to read files whatever their mode.

    Removes CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the capability bounding set
    (prctl PR_CAPBSET_DROP), so the new program runs as root but obeys file permissions.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_unreadable_file_and_folder(tmp_path, quotes_command):
    """A file and a folder without read permission are skipped, and the run goes on.

    Root reads any file whatever its mode, so when the tests run as root the command runs as
    root without the capabilities that bypass file permissions (Linux only).
    """
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "inside.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "secret.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "secret.txt").chmod(0)
    (corpus / "locked").chmod(0)
    db = tmp_path / "quotes.db"
    as_root = os.geteuid() == 0
    if as_root and not sys.platform.startswith("linux"):
        pytest.skip("running as root, which reads unreadable files, and not on Linux, where it could be stopped")
    try:
        done = subprocess.run(quotes_command("extract", corpus, corpus / "secret.txt", "--db", db),
                              capture_output=True, text=True, timeout=120,
                              preexec_fn=without_root_file_access if as_root else None)
    except subprocess.SubprocessError as error:
        pytest.skip(f"running as root and cannot give up root's file access: {error}")
    finally:
        (corpus / "secret.txt").chmod(0o644)
        (corpus / "locked").chmod(0o755)
    assert done.returncode == EXIT_SKIPPED, done.stderr
    run = Run(None, db)
    errors = run.errors()
    assert errors[str(corpus / "secret.txt")] == "cannot read: permission denied"
    assert errors[str(corpus / "locked")] == "permission denied"
    assert f"skipped {corpus / 'secret.txt'}: cannot read: permission denied" in done.stderr
    assert list(run.texts()) == [str(corpus / "good.txt")]


# --- HTML and web archives ----------------------------------------------------------------------

@pytest.mark.parametrize("page", [
    "<html><head><title>Gazette</title></head><body></body></html>",
    "<html><body><script>window.app = {};</script><div id='root'></div></body></html>",
    """<!doctype html><html><head><title>Sign in | Gazette</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <form action="/login"><label>Email <input name="email"></label><button>Sign in</button></form>
    <footer>© 2025 Gazette Media</footer></body></html>""",
])
def test_html_with_no_article_body(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    run = extract(tmp_path, path)
    assert_skipped(run, path, "no article text found in the HTML")


def test_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    pytest.importorskip("warcio", reason="WARC reading needs warcio, not installed here")
    if format_for(Path("crawl.warc.gz")) is None:
        pytest.skip("this version of quotes does not read .warc.gz files yet")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://gazette.example/ferry", "Ferry late", '"The ferry is late again," said Karl Brenner, a pilot.'),
        ("https://gazette.example/cranes", "Cranes still", '"We will not move the cranes," said Ana Ruiz.'),
    ]
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    ends = []
    for url, title, paragraph in pages:
        html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"<p>{paragraph}</p><p>{paragraph} It was the talk of the harbour on Monday.</p>"
                f"</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                      http_headers=headers))
        ends.append(buffer.tell())
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(buffer.getvalue()[:ends[0] + (ends[1] - ends[0]) // 2])  # cut inside the second record
    run = extract(tmp_path, path, good=False)
    assert run.exit_code == EXIT_SKIPPED, run.result.output
    assert any(source.startswith(str(path)) for source in run.errors())
    assert f"skipped {path}" in run.stderr
    assert ("Karl Brenner",) in run.query("select speaker_name from quotes")
