"""The run's writer: plain executemany on the hot path, and a bulk load that builds its indexes at the end."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from quotes.model import Quote, Span, Speaker
from quotes.readers import Article
from quotes.store import QUOTE_COLUMNS, Store, StoredArticle, open_db, stored_article
from quotes.writer import Writer

PEOPLE = ["Ana Diaz", "Tom Reyes", "Ines Moreau"]


def story(number: int, words: str = "the pier will reopen") -> StoredArticle:
    """An article with two quotes by two of three people, as a worker would send it."""
    first, second = PEOPLE[number % 3], PEOPLE[(number + 1) % 3]
    text = (f'"{words.capitalize()} in week {number}," said {first}, harbour master. '
            f'"{words.capitalize()} soon," {second} said.')
    role = text.index("harbour master")
    quotes = []
    for name, content in ((first, f"{words.capitalize()} in week {number},"), (second, f"{words.capitalize()} soon,")):
        start, at = text.index(content), text.index(name, text.index(content))
        quotes.append(Quote(Span.of(text, start, start + len(content)), "direct", Span.of(text, at - 5, at - 1),
                            Speaker(Span.of(text, at, at + len(name)), name, "person",
                                    Span.of(text, role, role + len("harbour master"))),
                            "test", 0.9, number, 0))
    item = Article(text=text, source=f"wire.jsonl:{number}", id=f"a-{number}", title=f"Story {number}",
                   outlet=["Herald", "Post"][number % 2], published=f"2025-03-{number % 28 + 1:02d}")
    return stored_article(item, quotes, "v1")


# Three batches: new articles, then some of them again with new words (replaced), then new ones.
BATCHES = [[story(n) for n in range(6)], [story(2, "the ferry is late"), story(7), story(4, "the tram is late")],
           [story(n) for n in range(8, 12)]]


def rows(db_path: Path, leave_out: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table, with its rowid, in rowid order; without the columns ``leave_out``."""
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' and name not like "
                                         "'%_fts%' and name not like 'sqlite_%' and name != '_quotes_migrations'")]
    found = {}
    for table in tables:
        columns = [f"[{r[1]}]" for r in conn.execute(f"pragma table_info([{table}])") if r[1] not in leave_out]
        found[table] = conn.execute(f"select rowid, {', '.join(columns)} from [{table}] order by rowid").fetchall()
    found["search"] = [conn.execute(f"select rowid from {table}_fts where {table}_fts match ? order by rowid",
                                    [word]).fetchall() for table, word in (("quotes", "late"), ("speakers", "Diaz"))]
    conn.close()
    return found


def write_with_sqlite_utils(store: Store, batch: list[StoredArticle], run_id: int | None) -> None:
    """The reference: the same batch stored through sqlite-utils' own upsert_all and insert_all."""
    db = store.db
    latest = {item.article["id"]: item for item in batch}
    with db.atomic():
        for aid in latest:
            for (sid,) in db.execute("select distinct speaker_id from quotes where article_id = ?", [aid]):
                db["speakers"].update(sid, {"quote_count": None})
            db.execute("delete from quotes where article_id = ?", [aid])
        last_quote, last_article = (db.execute(f"select coalesce(max(rowid), 0) from {t}").fetchone()[0]
                                    for t in ("quotes", "articles"))
        db["articles"].upsert_all(({**item.article, "run_id": run_id, "extracted_at": "then"}
                                   for item in latest.values()), pk="id")
        speakers = {row["id"]: row for item in latest.values() for row in item.speakers}
        db["speakers"].insert_all(speakers.values(), ignore=True)
        for sid in speakers:
            db["speakers"].update(sid, {"quote_count": None})
        db["quotes"].insert_all(itertools.chain([QUOTE_COLUMNS], (r for i in latest.values() for r in i.quotes)))
        db.execute("insert into quotes_fts (rowid, content) select rowid, content from quotes where rowid > ?",
                   [last_quote])
        db.execute("insert into articles_fts (rowid, title, text) select rowid, title, text from articles "
                   "where rowid > ?", [last_article])


def test_executemany_stores_exactly_what_sqlite_utils_stores(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.store.now", lambda: "then")
    fast, reference = Store(open_db(tmp_path / "fast.db")), Store(open_db(tmp_path / "reference.db"))
    for batch in BATCHES:
        fast.write(batch, None)
        write_with_sqlite_utils(reference, batch, None)
    for store in (fast, reference):
        store.refresh_pending()
    assert rows(tmp_path / "fast.db") == rows(tmp_path / "reference.db")
    assert [len(found) for found in rows(tmp_path / "fast.db")["search"]] == [4, 1]  # the ferry and the tram, twice


def indexes(db) -> set[str]:
    return {sql for (sql,) in db.execute("select sql from sqlite_master where type = 'index' and sql is not null")}


def run(store: Store, batches: list[list[StoredArticle]], finish: bool = True) -> Writer:
    writer = Writer(store, store.start_run(["wire.jsonl"], "v1", "lexicon", "test"), batch_size=3)
    writer.start()
    for item in itertools.chain.from_iterable(batches):
        writer.add(item)
    if finish:
        writer.finish()
    else:
        writer.flush()
    return writer


def test_a_load_into_an_empty_database_builds_indexes_and_search_at_the_end(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.store.now", lambda: "then")
    schema = indexes(open_db(tmp_path / "schema.db"))
    store = Store(open_db(tmp_path / "bulk.db"))
    run(store, BATCHES, finish=False)
    assert store.deferred()
    assert "idx_quotes_speaker_id" not in " ".join(indexes(store.db))  # put off while loading
    assert store.db.execute("select count(*) from quotes_fts where quotes_fts match 'late'").fetchone()[0] == 0
    store.build_deferred()
    store.refresh_pending()
    assert indexes(store.db) == schema and not store.deferred()
    incremental = Store(open_db(tmp_path / "incremental.db"))
    for batch in BATCHES:  # with every index in place all along
        incremental.write(batch, None)
    incremental.refresh_pending()
    bulk, step = (rows(tmp_path / name, leave_out=("run_id",)) for name in ("bulk.db", "incremental.db"))
    assert {t: bulk[t] for t in ("articles", "quotes", "speakers", "search")} == {
        t: step[t] for t in ("articles", "quotes", "speakers", "search")}


def test_a_run_into_a_database_that_holds_quotes_keeps_its_indexes(tmp_path):
    store = Store(open_db(tmp_path / "q.db"))
    store.write(BATCHES[0], None)
    before = indexes(store.db)
    run(store, BATCHES[1:], finish=False)
    assert not store.deferred() and indexes(store.db) == before
    assert store.db.execute("select count(*) from quotes_fts where quotes_fts match 'late'").fetchone()[0] == 4


def test_a_killed_bulk_load_is_indexed_by_the_next_run(tmp_path):
    path = tmp_path / "q.db"
    run(Store(open_db(path)), BATCHES[:2], finish=False)  # killed: nothing after the last batch
    store = Store(open_db(path))
    assert store.deferred()
    run(store, BATCHES[2:])
    assert not store.deferred() and indexes(store.db) == indexes(open_db(tmp_path / "schema.db"))
    assert store.db.execute("select count(*) from quotes_fts where quotes_fts match 'late'").fetchone()[0] == 4
    assert store.db.execute("select count(*) from speakers where quote_count is null").fetchone()[0] == 0


@pytest.mark.parametrize("table", ["quotes", "articles", "speakers"])
def test_full_text_search_after_a_bulk_load_passes_sqlites_integrity_check(tmp_path, table):
    store = Store(open_db(tmp_path / "q.db"))
    run(store, BATCHES)
    store.db.execute(f"insert into {table}_fts ({table}_fts, rank) values ('integrity-check', 1)")


def test_saving_through_the_python_api_builds_what_a_killed_bulk_load_left(tmp_path):
    from tests.test_store import TEXT, article, diaz_quotes

    path = tmp_path / "q.db"
    run(Store(open_db(path)), BATCHES[:1], finish=False)
    store = Store(open_db(path))
    store.save([(article("a1", TEXT), diaz_quotes())], None, "v1")
    assert not store.deferred()
    found = store.db.execute("select count(*) from quotes_fts where quotes_fts match 'pier'").fetchone()[0]
    assert found == 6 * 2 + 2  # the first batch's stories, and the two Diaz quotes
