"""A run killed part-way loses nothing, and the site reads the database while a run writes it.

Both tests run the real ``quotes extract`` in a subprocess on a generated corpus big enough to
take a few seconds, and watch its database through a read-only SQLite connection.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

ARTICLES = 2000  # a few seconds of work, so a kill or a read lands part-way with a wide margin
FIRST = ["Ana", "Karl", "Ines", "Dana", "Omar", "Lena", "Tomas", "Mira", "Jonas", "Sara"]
LAST = ["Ruiz", "Brenner", "Moreau", "Levi", "Haddad", "Novak", "Berg", "Okafor", "Lind", "Costa"]


def corpus_article(number: int) -> dict:
    """One article with unambiguous quotes by one of a hundred people."""
    name = f"{FIRST[number % 10]} {LAST[number // 10 % 10]}"
    paragraphs = [f"Harbour report {number}",
                  f'"The ferry on route {number} is late again," said {name}, a harbour pilot.',
                  f'"We have asked the port for new engines," {name} said on Monday.']
    paragraphs += [f"The repairs on pier {number} were planned for spring, and the council met twice about "
                   f"them before the budget for year {2000 + number % 25} was set." for _ in range(8)]
    return {"id": f"report-{number}", "title": f"Harbour report {number}", "outlet": "Harbour Gazette",
            "date": f"2025-03-{number % 28 + 1:02d}", "text": "\n\n".join(paragraphs)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "reports.jsonl"
    path.write_text("".join(json.dumps(corpus_article(n)) + "\n" for n in range(ARTICLES)), encoding="utf-8")
    return path


def start_extract(corpus: Path, db: Path, quotes_command) -> subprocess.Popen:
    return subprocess.Popen(quotes_command("extract", corpus, "--db", db, "--json"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def reference_db(corpus, tmp_path_factory, quotes_command) -> Path:
    """The database of one uninterrupted run."""
    db = tmp_path_factory.mktemp("reference") / "quotes.db"
    done = subprocess.run(quotes_command("extract", corpus, "--db", db, "--json"),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["extracted"] == ARTICLES
    return db


def read_only(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)


def stored_articles(db: Path) -> int | None:
    """Articles committed so far, or None while the database or its tables do not exist yet."""
    try:
        with read_only(db) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:
        return None


def wait_for_articles(db: Path, process: subprocess.Popen, timeout: float = 120) -> int:
    """Wait until a first batch of articles is committed; return how many there are."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = stored_articles(db)
        if count:
            return count
        assert process.poll() is None, f"the run ended before writing anything: {process.communicate()}"
        time.sleep(0.01)
    raise AssertionError("no articles were stored in time")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything a run stores, without what differs between runs (run ids and times)."""
    with read_only(db) as conn:
        return {
            "articles": conn.execute(
                "select id, title, url, outlet, author, published, source, text, content_hash, extractor_version, "
                "quote_count from articles order by id").fetchall(),
            "quotes": conn.execute("select * from quotes order by id").fetchall(),
            "speakers": conn.execute("select * from speakers order by id").fetchall(),
            "search": conn.execute("select rowid, content from quotes_fts where quotes_fts match 'ferry' "
                                   "order by rowid").fetchall(),
        }


def test_killed_run_leaves_a_sound_database_and_a_rerun_completes_it(corpus, reference_db, tmp_path,
                                                                     quotes_command):
    db = tmp_path / "quotes.db"
    process = start_extract(corpus, db, quotes_command)
    wait_for_articles(db, process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL

    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        conn.execute("insert into quotes_fts(quotes_fts) values ('integrity-check')")  # raises if corrupt
        stored, status = conn.execute("select (select count(*) from articles), status from runs").fetchone()
        orphans = conn.execute("select count(*) from quotes where article_id not in (select id from articles)")
        assert orphans.fetchone()[0] == 0
        partial = conn.execute("select count(*) from articles a where quote_count != "
                               "(select count(*) from quotes q where q.article_id = a.id)").fetchone()[0]
    assert 0 < stored < ARTICLES, "the kill must land part-way through the run"
    assert status == "running"  # the killed process could not record an end
    assert partial == 0  # whole articles only: each with all of its quotes

    rerun = subprocess.run(quotes_command("extract", corpus, "--db", db, "--json"),
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["unchanged"], summary["extracted"]) == (stored, ARTICLES - stored)

    with read_only(db) as conn:
        statuses = [row[0] for row in conn.execute("select status from runs order by id")]
    assert statuses == ["interrupted", "completed"]  # the re-run marked the killed run

    final, reference = snapshot(db), snapshot(reference_db)
    assert len(final["articles"]) == ARTICLES
    for table in ("articles", "quotes", "speakers", "search"):
        assert final[table] == reference[table], f"{table} differs from an uninterrupted run"
    with read_only(db) as conn:
        spans = conn.execute('select count(*), count(distinct article_id || ":" || start || ":" || "end" '
                             '|| ":" || type) from quotes').fetchone()
    assert spans[0] == spans[1] > 0  # no quote stored twice


def test_site_reads_the_database_while_a_run_writes_it(corpus, tmp_path, quotes_command, served_site):
    db = tmp_path / "quotes.db"
    first = tmp_path / "first.txt"
    first.write_text('"The tide is early," said Ana Ruiz.\n', encoding="utf-8")
    subprocess.run(quotes_command("extract", first, "--db", db), check=True, capture_output=True, timeout=600)
    site = served_site(db)  # serving before the run starts
    process = start_extract(corpus, db, quotes_command)
    query = "/quotes.json?_shape=array&sql=" + "select+count(*)+as+n+from+articles+where+id+like+'report-%25'"
    seen: list[int] = []
    pages_during_run = 0
    while process.poll() is None:
        seen.append(json.loads(site.get(query))[0]["n"])
        if process.poll() is None:
            assert b"<title>quotes: articles:" in site.get("/quotes/articles?_size=5")  # urlopen raises on errors
            pages_during_run += 1
    out, err = process.communicate()
    assert process.returncode == 0, err
    assert seen == sorted(seen), "counts only grow"
    assert any(0 < n < ARTICLES for n in seen), f"no read landed while the run was writing: {seen}"
    assert pages_during_run > 0
    assert json.loads(site.get(query))[0]["n"] == ARTICLES  # the site sees the finished run without a restart
