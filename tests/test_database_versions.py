"""Old databases upgrade themselves; newer ones and files that are not quotes databases are refused.

Refusals are one clear line and exit status 1, never a traceback, and the file is left untouched.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from quotes.cli import cli
from quotes.migrations import MIGRATIONS, MIGRATIONS_TABLE

STORY = '"The ferry is late again," said Karl Brenner, a harbour pilot.\n'
COMMANDS = [["extract", "{story}"], ["search", "ferry"], ["speakers"], ["show", "ferry"], ["export"],
            ["serve", "--get", "/quotes/quotes.json"]]


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def database_at_version(path: Path, applied: int) -> None:
    """A database built by the first ``applied`` migrations only, holding one article and quote."""
    db = Database(path)
    db[MIGRATIONS_TABLE].create({"name": str, "applied_at": str}, pk="name")
    for migration in MIGRATIONS[:applied]:
        migration(db)
        db[MIGRATIONS_TABLE].insert({"name": migration.__name__, "applied_at": "2025-01-01T00:00:00+00:00"})
    db["articles"].insert({"id": "old-1", "title": "Ferry late", "text": STORY, "source": "old.txt",
                           "quote_count": 1})
    db["speakers"].insert({"id": "s1", "name": "Karl Brenner", "kind": "person", "quote_count": 1,
                           "match_key": "person:karl brenner"})
    db["quotes"].insert({"id": "q1", "article_id": "old-1", "speaker_id": "s1", "content": STORY[1:26],
                         "type": "direct", "speaker_name": "Karl Brenner", "start": 1, "end": 26})
    if db["quotes_fts"].exists() and "quotes_ai" not in {t.name for t in db.triggers}:
        # from m005 on, the store indexes new rows itself, as it did for the rows of such a database
        db.execute("insert into quotes_fts (rowid, content) select rowid, content from quotes")
    db.conn.close()


@pytest.mark.parametrize("applied", range(1, len(MIGRATIONS)))
def test_older_database_upgrades_itself_and_keeps_its_rows(tmp_path, applied):
    path = tmp_path / "quotes.db"
    database_at_version(path, applied)
    result = invoke("search", "ferry", "--db", path, "--json")
    assert result.exit_code == 0, result.output
    assert "The ferry is late again," in result.stdout  # the old quote, found through the new search index
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute(f"select name from {MIGRATIONS_TABLE}")]
        assert names == [m.__name__ for m in MIGRATIONS]
        assert conn.execute("select id, text from articles").fetchall() == [("old-1", STORY)]


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "quotes.db"
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert invoke("extract", story, "--db", path).exit_code == 0
    with sqlite3.connect(path) as conn:
        conn.execute(f"insert into {MIGRATIONS_TABLE} values ('m900_from_the_future', '2030-01-01')")
    before = digest(path)
    for command in COMMANDS:
        args = [a.format(story=story) for a in command]
        result = invoke(*args, "--db", path)
        assert result.exit_code == 1, (command, result.output)
        assert isinstance(result.exception, SystemExit), f"{command} raised {result.exception!r}"
        assert result.output == (f"Error: {path} was written by a newer version of quotes (its schema has "
                                 "m900_from_the_future, which this version does not know). Upgrade quotes to "
                                 "use it.\n")
    assert digest(path) == before


def sqlite_file_with_other_tables(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("create table customers (id integer primary key, name text)")
        conn.execute("insert into customers (name) values ('Acme')")
    conn.close()


@pytest.mark.parametrize("make, message", [
    (lambda path: path.write_text("name,phone\nAcme,123\n", encoding="utf-8"),
     "is not a quotes database: file is not a database"),
    (sqlite_file_with_other_tables,
     "is not a quotes database: it has other tables (customers) and no _quotes_migrations table. "
     "Pass --db with a new file name."),
])
def test_file_that_is_not_a_quotes_database_is_refused_and_left_untouched(tmp_path, make, message):
    path = tmp_path / "other.db"
    make(path)
    before = digest(path)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for command in COMMANDS:
        args = [a.format(story=story) for a in command]
        result = invoke(*args, "--db", path)
        assert result.exit_code == 1, (command, result.output)
        assert isinstance(result.exception, SystemExit), f"{command} raised {result.exception!r}"
        assert result.output == f"Error: {path} {message}\n"
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db", "story.txt"]  # no -wal or -shm made


def test_refusal_is_one_line_on_stderr_not_a_traceback(tmp_path, quotes_command):
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n", encoding="utf-8")
    done = subprocess.run(quotes_command("speakers", "--db", path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == f"Error: {path} is not a quotes database: file is not a database\n"


def test_empty_file_becomes_a_quotes_database(tmp_path):
    path = tmp_path / "new.db"
    path.touch()  # what `touch new.db` or a tool reserving the name leaves
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert invoke("extract", story, "--db", path).exit_code == 0


def test_database_path_that_is_a_folder(tmp_path):
    result = invoke("speakers", "--db", tmp_path)
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit)
    assert "Error:" in result.output and "Traceback" not in result.output
