"""Article identity: no input silently replaces or doubles another (see quotes/identity.py).

Each test runs the real ``quotes extract`` into a real SQLite file, then checks what was stored,
what was reported and the exit status.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import EXIT_SKIPPED, cli

FERRY = '"The ferry is late again," said Karl Brenner, a harbour pilot.'
BRIDGE = '"The bridge will open in May," said Ines Moreau, the harbour master.'


def extract(db: Path, *args: object):
    return CliRunner().invoke(cli, ["extract", *map(str, args), "--db", str(db), "--workers", "1"],
                              catch_exceptions=False)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_same_id_in_two_files_with_other_texts_is_a_collision_not_a_replacement(tmp_path):
    """Two exports that both number their rows from 1: the second never overwrites the first."""
    monday = jsonl(tmp_path / "monday.jsonl", {"id": "1", "text": FERRY})
    tuesday = jsonl(tmp_path / "tuesday.jsonl", {"id": "1", "text": BRIDGE})
    db = tmp_path / "q.db"
    result = extract(db, monday, tuesday)
    assert result.exit_code == EXIT_SKIPPED
    assert f"skipped {tuesday}:1: id '1' is already the article from {monday}:1, with another text: not " \
           "replaced" in result.stderr
    assert rows(db, "select id, text from articles") == [("1", FERRY)]
    later = extract(db, tuesday)  # in a later run too
    assert later.exit_code == EXIT_SKIPPED and rows(db, "select text from articles") == [(FERRY,)]


def test_ids_by_file_and_line_keep_both_articles(tmp_path):
    monday = jsonl(tmp_path / "monday.jsonl", {"id": "1", "text": FERRY})
    tuesday = jsonl(tmp_path / "tuesday.jsonl", {"id": "1", "text": BRIDGE})
    db = tmp_path / "q.db"
    result = extract(db, monday, tuesday, "--field", "id=")
    assert result.exit_code == 0, result.output
    assert sorted(rows(db, "select text, extra from articles")) == sorted([(FERRY, '{"id": "1"}'),
                                                                          (BRIDGE, '{"id": "1"}')])


def test_replace_lets_a_corrected_feed_replace_the_article(tmp_path):
    first = jsonl(tmp_path / "feed-0305.jsonl", {"guid": "g-7", "text": FERRY})
    correction = jsonl(tmp_path / "feed-0306.jsonl", {"guid": "g-7", "text": FERRY.replace("late", "very late")})
    db = tmp_path / "q.db"
    assert extract(db, first).exit_code == 0
    result = extract(db, correction, "--replace")
    assert result.exit_code == 0, result.output
    assert rows(db, "select id, text, source from articles") == [
        ("g-7", FERRY.replace("late", "very late"), f"{correction}:1")]
    assert rows(db, "select content from quotes") == [("The ferry is very late again,",)]


def test_an_edited_file_read_again_replaces_its_own_article(tmp_path):
    story = jsonl(tmp_path / "wire.jsonl", {"id": "w1", "text": FERRY})
    db = tmp_path / "q.db"
    assert extract(db, story).exit_code == 0
    jsonl(story, {"id": "w1", "text": BRIDGE})
    result = extract(db, story)
    assert result.exit_code == 0, result.output
    assert rows(db, "select id, text from articles") == [("w1", BRIDGE)]


def test_the_same_id_twice_in_one_file_keeps_the_first_and_reports_the_second(tmp_path):
    wire = jsonl(tmp_path / "wire.jsonl", {"id": "w1", "text": FERRY}, {"id": "w1", "text": BRIDGE},
                 {"id": "w1", "text": FERRY})
    db = tmp_path / "q.db"
    result = extract(db, wire)
    assert result.exit_code == EXIT_SKIPPED
    assert f"skipped {wire}:2: id 'w1' is already the article from {wire}:1, with another text" in result.stderr
    assert f"skipped {wire}:3: the same article as {wire}:1 (same id 'w1' and text): stored once" in result.stderr
    assert rows(db, "select id, text from articles") == [("w1", FERRY)]
    again = extract(db, wire)  # and so in every run: the stored article never flips
    assert again.exit_code == EXIT_SKIPPED and rows(db, "select text from articles") == [(FERRY,)]


def test_the_same_text_in_two_files_is_stored_once(tmp_path):
    """A story saved twice (a copy in another folder): its quotes are not counted twice, and "repeated
    quotes" never shows an article repeating itself."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "ferry.txt"
    first.write_text(FERRY + "\n", encoding="utf-8")
    copy = tmp_path / "b" / "ferry copy.txt"
    shutil.copy(first, copy)
    db = tmp_path / "q.db"
    result = extract(db, tmp_path / "a", tmp_path / "b")
    assert result.exit_code == EXIT_SKIPPED
    assert f"skipped {copy}: the same text as the article" in result.stderr and str(first) in result.stderr
    assert rows(db, "select source from articles") == [(str(first),)]
    assert rows(db, "select count(*), count(distinct canonical) from quotes") == [(1, 1)]
    rerun = extract(db, copy)  # a later run finds the copy in the database
    assert rerun.exit_code == EXIT_SKIPPED and rows(db, "select count(*) from articles") == [(1,)]


def test_the_same_text_with_white_space_changed_is_the_same_text(tmp_path):
    desktop = jsonl(tmp_path / "desktop.jsonl", {"url": "https://herald.example/ferry", "text": FERRY,
                                                 "outlet": "Herald"})
    amp = jsonl(tmp_path / "amp.jsonl", {"url": "https://herald.example/amp/ferry", "outlet": "Herald",
                                         "text": "  " + FERRY.replace(" ", "\n", 3) + "\n"})
    db = tmp_path / "q.db"
    result = extract(db, desktop, amp)
    assert result.exit_code == EXIT_SKIPPED
    assert rows(db, "select url from articles") == [("https://herald.example/ferry",)]


def test_a_syndicated_story_in_two_outlets_is_two_articles_with_one_fingerprint(tmp_path):
    wire = jsonl(tmp_path / "wire.jsonl", {"id": "h1", "text": FERRY, "outlet": "Herald"},
                 {"id": "p1", "text": FERRY, "outlet": "Post"})
    db = tmp_path / "q.db"
    assert extract(db, wire).exit_code == 0
    stored = rows(db, "select outlet, text_hash from articles order by id")
    assert [outlet for outlet, _ in stored] == ["Herald", "Post"] and stored[0][1] == stored[1][1]


def test_an_unchanged_rerun_reports_nothing(tmp_path):
    wire = jsonl(tmp_path / "wire.jsonl", {"id": "w1", "text": FERRY}, {"id": "w2", "text": BRIDGE})
    db = tmp_path / "q.db"
    assert extract(db, wire).exit_code == 0
    again = extract(db, wire)
    assert again.exit_code == 0 and "skipped" not in again.stderr
    assert "2 articles (0 extracted, 2 unchanged)" in again.stdout
