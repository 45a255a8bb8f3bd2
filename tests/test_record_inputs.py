"""Records as newsrooms really have them: spreadsheets, CSV exports, feeds with their own field names.

Every test runs the real ``quotes extract`` on files written the way ``csv.writer``, Excel,
LibreOffice and Google Sheets write them, into a real SQLite file, and checks what was stored and
what was said: nothing may be stored wrong, or dropped, with exit status 0.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import EXIT_SKIPPED, cli

APPEAL = '"We will appeal," said Jane Doe, a lawyer for the Harbour Workers Union.'
RULING = '"The ruling is wrong," said Tom Reyes, a councillor. "We expected better," he added.'


def extract(db: Path, *args: object):
    return CliRunner().invoke(cli, ["extract", *map(str, args), "--db", str(db)], catch_exceptions=False)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def article(number: int) -> dict:
    """A distinct article whose text opens with a quotation, so a CSV writer escapes its quote marks."""
    return {"id": f"s{number}", "date": f"Sept. {number % 28 + 1}, 2016", "headline": f"Harbour story {number}",
            "text": f'"We will appeal ruling {number}," said Jane Doe, a lawyer for the union. '
                    f'"Nobody "wins" this one," she said.'}


# --- CSV: the files spreadsheets and csv.writer produce ------------------------------------------

@pytest.mark.parametrize("dialect, delimiter, encoding, newline", [
    ("csv.writer", ",", "utf-8", "\r\n"),  # Python's default: excel dialect, CRLF
    ("Excel CSV UTF-8", ",", "utf-8-sig", "\r\n"),  # a byte-order mark and CRLF
    ("Excel in a comma-decimal locale", ";", "cp1252", "\r\n"),
    ("LibreOffice", ",", "utf-8", "\n"),
    ("Google Sheets TSV", "\t", "utf-8", "\r\n"),
    ("pipes", "|", "utf-8", "\n"),
])
def test_csv_from_spreadsheets_and_csv_writer_is_stored_exactly(tmp_path, dialect, delimiter, encoding, newline):
    records = [article(n) for n in range(40)]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(records[0]), delimiter=delimiter, lineterminator=newline)
    writer.writeheader()
    writer.writerows(records)
    path = tmp_path / "sheet.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == 0, result.output
    stored = rows(tmp_path / "q.db", "select id, text, title, published, published_as_written from articles "
                                      "order by rowid")
    assert stored == [(r["id"], r["text"], r["headline"], f"2016-09-{int(r['id'][1:]) % 28 + 1:02d}", r["date"])
                      for r in records]
    quotes = rows(tmp_path / "q.db", "select content from quotes where article_id = 's7'")
    assert ("We will appeal ruling 7,",) in quotes  # every "" was one quote mark, so the quotes are found


def test_the_two_row_csv_of_the_issue_keeps_its_escaped_quotes(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text(f'id,text\na1,"{APPEAL.replace(chr(34), 2 * chr(34))}"\n'
                    f'a2,"{RULING.replace(chr(34), 2 * chr(34))}"\n', encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == 0
    assert rows(tmp_path / "q.db", "select text from articles order by id") == [(APPEAL,), (RULING,)]
    assert ("We will appeal,", "Jane Doe") in rows(tmp_path / "q.db", "select content, speaker_name from quotes")


def test_excel_sep_line_names_the_delimiter(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text('sep=;\r\nid;text\r\nx1;"Prices rose, said the minister; nobody agreed."\r\n', encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == 0
    assert rows(tmp_path / "q.db", "select id, text from articles") == [
        ("x1", "Prices rose, said the minister; nobody agreed.")]


def test_spreadsheet_headers_in_other_case_blank_rows_and_cells_beyond_the_header(tmp_path):
    path = tmp_path / "intern.csv"
    path.write_text('ID,Headline ,Text,,Section\r\n'
                    f'r1,Court,"{APPEAL.replace(chr(34), 2 * chr(34))}",note,Courts,overflow\r\n'
                    ',,,,\r\n,,,,\r\n', encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == 0, result.output  # rows with no data at all are not articles, nor errors
    assert rows(tmp_path / "q.db", "select id, title, text, extra from articles") == [
        ("r1", "Court", APPEAL, json.dumps({"column 4": "note", "Section": "Courts", "column 6": "overflow"}))]
    assert "fields " + str(path) + ": text=Text, id=ID, title=Headline; kept in extra: column 4, Section" \
        in result.stderr


def test_a_column_named_twice_is_reported_and_kept(tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text('id,text,text\nd1,"Ana Ruiz said the ferry was late.","Draft: the ferry was early."\n',
                    encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == EXIT_SKIPPED
    assert f"warning {path}: the column 'text' is named twice" in result.stderr
    assert rows(tmp_path / "q.db", "select text, extra from articles") == [
        ("Ana Ruiz said the ferry was late.", json.dumps({"text (2)": "Draft: the ferry was early."}))]


def test_a_quote_never_closed_does_not_swallow_the_rest_of_the_file(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('id,text\n'
                    'b1,"Ana Ruiz said the ferry was late."\n'
                    'b2,"This cell opens a quote and never closes it\n'
                    'b3,Tom Reyes said the bridge would open.\n'
                    'b4,Ines Moreau said the tide was early.\n', encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == EXIT_SKIPPED
    assert (f"skipped {path}:3: a quoted cell opened in this row is never closed, so the rest of the file (to line "
            "5) would be one cell") in result.stderr
    assert rows(tmp_path / "q.db", "select id from articles") == [("b1",)]  # no article of three rows in one


def test_a_malformed_row_is_one_error_and_the_next_rows_are_read(tmp_path):
    path = tmp_path / "hand-made.csv"
    path.write_text('id,text\nm1,"Quoted" and then more,x\nm2,Tom Reyes said the bridge would open.\n',
                    encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == EXIT_SKIPPED
    assert f"skipped {path}:2: malformed CSV row" in result.stderr
    assert rows(tmp_path / "q.db", "select id from articles") == [("m2",)]


def test_a_csv_cell_longer_than_max_chars_ends_the_file_without_reading_it_whole(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text('id,text\nk1,Ana Ruiz said the ferry was late.\nk2,"' + "word " * 20_000 + '"\nk3,Later.\n',
                    encoding="utf-8")
    result = extract(tmp_path / "q.db", path, "--max-chars", "1000")
    assert result.exit_code == EXIT_SKIPPED
    assert "longer than a row holding an article within the --max-chars limit" in result.stderr
    assert rows(tmp_path / "q.db", "select id from articles") == [("k1",)]


# --- dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, stored", [
    ("2016-09-12", "2016-09-12"),
    ("Sept. 12, 2016", "2016-09-12"),
    ("September 12th, 2016 at 3:04pm EDT", "2016-09-12T15:04:00-04:00"),
    ("Mon, 12 Sep 2016 10:00:00 GMT", "2016-09-12T10:00:00+00:00"),
    ("09/12/2016", "2016-09-12"),  # month first, as in US news
    ("12.09.2016", "2016-09-12"),  # dotted dates are day first everywhere they are written
    ("1473674400", "2016-09-12T10:00:00+00:00"),  # Unix time, as JSON APIs give it
])
def test_dates_are_stored_in_iso_8601_beside_what_was_written(tmp_path, written, stored):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "d1", "date": written, "text": APPEAL}) + "\n", encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == 0, result.output
    assert rows(tmp_path / "q.db", "select published, published_as_written from articles") == [(stored, written)]
    assert rows(tmp_path / "q.db", "select published from quotes") == [(stored,)]


def test_day_first_option_reads_numeric_dates_the_european_way(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "d1", "date": "09/12/2016", "text": APPEAL}) + "\n", encoding="utf-8")
    assert extract(tmp_path / "q.db", path, "--day-first").exit_code == 0
    assert rows(tmp_path / "q.db", "select published from articles") == [("2016-12-09",)]


@pytest.mark.parametrize("written, reason", [
    ("next Tuesday", "not understood"),
    ("Sept. 2016", "has no day"),
    ("2016-02-30", "not understood (day is out of range for month)"),
    ("9999-12-31", "is far outside the dates of news"),
    ("42625", "looks like a spreadsheet's day number (12 September 2016 in Excel's count"),
    ("0001-01-01", "is far outside the dates of news"),
])
def test_a_date_that_cannot_be_read_is_kept_as_written_and_reported(tmp_path, written, reason):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "d1", "date": written, "text": APPEAL}) + "\n", encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == EXIT_SKIPPED
    assert f"warning {path}:1: date '{written}' {reason}" in result.stderr
    assert "kept as written in published_as_written, published left empty" in result.stderr
    assert rows(tmp_path / "q.db", "select published, published_as_written from articles") == [(None, written)]
    assert rows(tmp_path / "q.db", "select count(*) from quotes where published is null") == [(1,)]
    assert rows(tmp_path / "q.db", "select reason from errors")[0][0].startswith(f"date '{written}'")


def test_an_old_database_with_dates_as_written_is_read_again_on_upgrade(tmp_path):
    from sqlite_utils import Database

    from quotes.migrations import MIGRATIONS, MIGRATIONS_TABLE

    db = Database(tmp_path / "old.db")
    db[MIGRATIONS_TABLE].create({"name": str, "applied_at": str}, pk="name")
    for migration in (m for m in MIGRATIONS if m.__name__ < "m010"):
        migration(db)
        db[MIGRATIONS_TABLE].insert({"name": migration.__name__, "applied_at": "2025-01-01"})
    db["articles"].insert({"id": "o1", "text": APPEAL, "published": "Sept. 12, 2016", "source": "o.txt"})
    db["articles"].insert({"id": "o2", "text": RULING, "published": "someday", "source": "p.txt"})
    db["quotes"].insert({"id": "q1", "article_id": "o1", "content": "We will appeal,", "published": "Sept. 12, 2016"})
    db.conn.close()
    assert CliRunner().invoke(cli, ["speakers", "--db", str(tmp_path / "old.db")]).exit_code == 0
    assert rows(tmp_path / "old.db", "select id, published, published_as_written from articles order by id") == [
        ("o1", "2016-09-12", "Sept. 12, 2016"), ("o2", None, "someday")]
    assert rows(tmp_path / "old.db", "select published from quotes") == [("2016-09-12",)]


# --- field mapping ----------------------------------------------------------------------------------

WIRE = {"guid": "w-1", "body": APPEAL, "headline": "Appeal", "publisher": "Harbour Herald",
        "publication_date": "2016-09-12", "source": "Reuters feed", "section": "Courts", "tags": ["law", "port"]}


def test_default_names_are_explicit_and_the_mapping_is_printed(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == 0
    assert (f"fields {path}: text=body, id=guid, title=headline, date=publication_date, outlet=publisher; "
            "kept in extra: source, section, tags") in result.stderr
    assert rows(tmp_path / "q.db", "select id, title, outlet, published, extra from articles") == [
        ("w-1", "Appeal", "Harbour Herald", "2016-09-12",
         json.dumps({"source": "Reuters feed", "section": "Courts", "tags": ["law", "port"]}))]


def test_field_options_choose_the_fields(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
    result = extract(tmp_path / "q.db", path, "--field", "outlet=source", "--field", "id=", "--field",
                     "author=byline")
    assert result.exit_code == 0, result.output
    assert ("text=body, title=headline, date=publication_date, outlet=source; not found: author=byline; "
            "kept in extra: guid, publisher, section, tags") in result.stderr
    assert rows(tmp_path / "q.db", "select outlet, source from articles") == [("Reuters feed", f"{path}:1")]


@pytest.mark.parametrize("option, message", [
    ("outlet", "is not PIECE=NAME"), ("publisher=outlet", "'publisher' is not a piece of an article"),
])
def test_a_bad_field_option_is_a_usage_error(tmp_path, option, message):
    result = CliRunner().invoke(cli, ["extract", "x.jsonl", "--db", str(tmp_path / "q.db"), "--field", option])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "q.db").exists()


def test_front_matter_uses_the_same_names_and_keeps_the_rest(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Appeal\npublisher: Harbour Herald\ndate: Sept. 12, 2016\nsource: wire\n---\n"
                    + APPEAL + "\n", encoding="utf-8")
    assert extract(tmp_path / "q.db", path).exit_code == 0
    assert rows(tmp_path / "q.db", "select title, outlet, published, extra from articles") == [
        ("Appeal", "Harbour Herald", "2016-09-12", json.dumps({"source": "wire"}))]


def test_a_json_array_saved_as_json_lines_is_read_as_json(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps([article(1), article(2)], indent=2), encoding="utf-8")
    result = extract(tmp_path / "q.db", path)
    assert result.exit_code == EXIT_SKIPPED
    assert f"repaired {path}: the file is one JSON array, not JSON Lines: read as JSON" in result.stderr
    assert rows(tmp_path / "q.db", "select id from articles order by id") == [("s1",), ("s2",)]
