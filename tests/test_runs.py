"""A run's life: one writer at a time, a whole database file at the end and after Ctrl-C, a demo apart.

These run the real ``quotes`` command in subprocesses (signals and locks need real processes)
on real SQLite files.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import EXIT_BUSY, EXIT_INTERRUPTED, cli
from quotes.store import RunCounts, Store, checkpoint, open_db


def corpus_file(folder: Path, articles: int = 6000) -> Path:
    path = folder / "wire.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            out.write(json.dumps({"id": f"a{n}", "text": f'"Harbour plan {n} will go ahead," said Ines Moreau, '
                                                         f'the harbour master. "We checked it {n} times," she added.'})
                      + "\n")
    return path


def stored(db: Path) -> int:
    """Articles stored so far, read as another program would while the run writes."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_until_writing(db: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while stored(db) == 0:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run stored nothing in time"
        time.sleep(0.05)


def alone(db: Path, folder: Path) -> Path:
    """A copy of the database file alone, without its -wal and -shm files: what a user would send or publish."""
    copy = folder / "alone.db"
    shutil.copyfile(db, copy)
    return copy


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_the_database_file_is_whole_when_a_run_ends(tmp_path):
    wire = corpus_file(tmp_path, 300)
    db = tmp_path / "q.db"
    result = CliRunner().invoke(cli, ["extract", str(wire), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    copy = alone(db, tmp_path)
    assert rows(copy, "select count(*) from articles") == [(300,)]
    assert rows(copy, "select status from runs") == [("completed",)]


def test_a_run_cut_between_a_statement_and_its_commit_still_records_its_end_and_leaves_a_whole_file(tmp_path):
    """sqlite-utils commits each write statement just after it runs: a signal between the two
    leaves the statement's transaction open. The end of the run rolls that back, so the run's
    status is committed and the file can be checkpointed ("database table is locked" otherwise)."""
    db = tmp_path / "q.db"
    store = Store(open_db(db))
    run_id = store.start_run(["wire.jsonl"], "v", "lexicon", "tool")
    store.db.conn.execute("insert into errors (source, reason) values ('wire.jsonl:1', 'cut short')")
    assert store.db.conn.in_transaction  # as the signal leaves it
    store.finish_run(run_id, RunCounts(), 1.0, "interrupted")
    checkpoint(store.db)
    store.db.close()
    copy = alone(db, tmp_path)
    assert rows(copy, "select status from runs") == [("interrupted",)]
    assert rows(copy, "select count(*) from errors") == [(0,)]


# The run as `quotes extract` makes it, with small partitions so that a pool of workers is busy
# when the signal comes, and Ctrl-C turned into the command's message as the CLI turns it.
POOL_RUN = """
import signal
import sys
from quotes.api import extract_corpus
# as on a terminal: the test process may ignore Ctrl-C (a library in an earlier test can leave it so),
# and a child inherits an ignored signal
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    extract_corpus([sys.argv[1]], sys.argv[2], workers=2, partition_bytes=50_000)
except KeyboardInterrupt:
    sys.exit("Error: interrupted: everything stored so far is kept, and the database file is whole")
"""


@pytest.mark.parametrize("sig, pool", [(signal.SIGINT, True), (signal.SIGTERM, False)])
def test_an_interrupted_run_stops_at_once_and_leaves_a_whole_database_file(tmp_path, quotes_command, sig, pool):
    articles = 20000  # enough that the run is still going when the signal comes, on a fast machine too
    wire = corpus_file(tmp_path, articles)
    db = tmp_path / "q.db"
    argv = [sys.executable, "-c", POOL_RUN, wire, db] if pool else quotes_command("extract", wire, "--db", db,
                                                                                  "--workers", 1)
    run = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_writing(db, run)
    run.send_signal(sig)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == (1 if pool else EXIT_INTERRUPTED), stderr
    assert "interrupted: everything stored so far is kept, and the database file is whole" in stderr
    assert "Traceback" not in stderr
    copy = alone(db, tmp_path)
    kept = rows(copy, "select count(*) from articles")[0][0]
    assert 0 < kept < articles
    assert rows(copy, "select status from runs") == [("interrupted",)]
    assert rows(copy, "pragma integrity_check") == [("ok",)]
    again = CliRunner().invoke(cli, ["extract", str(wire), "--db", str(db), "--workers", "2"])
    assert again.exit_code == 0
    assert f"{articles} articles ({articles - kept} extracted, {kept} unchanged)" in again.stdout


def test_a_second_run_waits_for_the_first_or_refuses_at_once(tmp_path, quotes_command):
    """A run holds the database's lock from start to end; here the test holds it, as a run would."""
    from quotes.store import RunLock, Store, open_db

    wire = corpus_file(tmp_path, 50)
    db = tmp_path / "q.db"
    with RunLock(db):
        store = Store(open_db(db))
        store.start_run(["elsewhere.jsonl"], "v", "l", "t")  # the run the message names
        store.db.close()
        refused = subprocess.run(quotes_command("extract", wire, "--db", db, "--no-wait"), capture_output=True,
                                 text=True, timeout=60)
        assert refused.returncode == EXIT_BUSY
        assert refused.stderr.startswith(f"Error: another run is writing {db} (run 1, process {os.getpid()} on ")
        assert "Traceback" not in refused.stderr and stored(db) == 0
        second = subprocess.Popen(quotes_command("extract", wire, "--db", db), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while "waiting" not in (line := second.stderr.readline()):
            assert line and time.monotonic() < deadline, "the second run did not say it waits"
        assert line.startswith(f"waiting for another run writing {db} (run 1, process {os.getpid()}")
        time.sleep(1)
        assert second.poll() is None and stored(db) == 0  # it waits: nothing written beside the first run
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "50 articles (50 extracted" in out


def test_demo_never_touches_the_users_database(tmp_path):
    mine = tmp_path / "mine.db"
    mine.write_bytes(b"")  # the user's database, set in the environment as many do
    (tmp_path / "db").mkdir()
    before = {path: path.stat().st_mtime_ns for path in (mine, tmp_path / "db")}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["demo", "--get", "/quotes/articles.json?_shape=array&_size=max"],
                                    env={"QUOTES_DB": str(mine)})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) > 10  # the examples, served from the demo's own database
    assert {path: path.stat().st_mtime_ns for path in before} == before
    assert mine.read_bytes() == b"" and list((tmp_path / "db").iterdir()) == []
