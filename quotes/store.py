"""The SQLite store: every write to the quotes database goes through this module.

Articles, quotes and speakers have deterministic ids, so storing the same article twice changes
nothing, and storing a changed article replaces its quotes in the same transaction. Speakers are
shared across articles: one row per person (matched on the resolved full name), organisation
(matched on its name) or anonymous source (one per article and phrase, since two "officials" in
two articles are not known to be the same person).
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
import re
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from quotes.canonical import canonical_quote, without_accents
from quotes.migrations import DatabaseProblem, check_database, migrate
from quotes.model import Quote, Speaker
from quotes.readers import Article

DEFAULT_DB = Path("db") / "quotes.db"
DB_ENV = "QUOTES_DB"
PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "he", "him", "his", "she", "her", "hers",
    "it", "its", "they", "them", "their", "this", "that", "who",
})


def default_db_path() -> Path:
    """``$QUOTES_DB`` when set, else ``db/quotes.db`` under the current directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def open_db(path: str | Path) -> Database:
    """Open (creating and upgrading as needed) a quotes database in WAL mode with foreign keys on.

    WAL lets Datasette read the database while an extraction writes to it. A file that is not a
    quotes database, or comes from a newer version, raises :class:`DatabaseProblem` untouched.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        check_database(db, str(path))
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
    except (OSError, sqlite3.DatabaseError) as error:
        raise DatabaseProblem(f"cannot open the database {path}: {error}") from None
    return db


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0 checks that the process exists, and sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def short_hash(*parts: object, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:length]


@lru_cache(maxsize=65536)  # a person or organisation is quoted in article after article
def speaker_id(key: str) -> str:
    return short_hash("speaker", key, length=12)


def article_id(article: Article) -> str:
    """The id the input gives, else a hash of the URL, else of the source path or line.

    Text read from stdin with no id or URL has nothing stable but its text, so the text is
    hashed: the same text piped twice is one article.
    """
    if article.id:
        return article.id
    if article.url:
        return short_hash("url", article.url)
    if article.source.startswith("<stdin>"):
        return short_hash("text", article.text)
    path, _, line = article.source.rpartition(":") if re.search(r":\d+$", article.source) else (
        article.source, "", "")
    return short_hash("path", Path(path).resolve(), line)


def content_hash(article: Article) -> str:
    """A hash of everything stored about an article, to tell a changed article from a re-read one."""
    return hashlib.sha256(json.dumps(
        [article.text, article.title, article.url, article.outlet, article.author, article.published]
    ).encode()).hexdigest()[:24]


def quote_id(article: str, quote: Quote) -> str:
    """The same quote in the same article always gets the same id."""
    return short_hash("quote", article, quote.content.start, quote.content.end, quote.type)


@lru_cache(maxsize=65536)  # the same names come back in article after article
def fold(name: str) -> str:
    """A name reduced for matching: no accents, case or punctuation (``José Núñez`` = ``jose nunez``)."""
    return " ".join(re.sub(r"[^\w]+", " ", without_accents(name).casefold()).split())


def speaker_key(speaker: Speaker, article: str) -> str | None:
    """What identifies a speaker across articles, or None for a quote with no known speaker.

    People match on their full resolved name only: "Rubio" alone never joins "Marco Rubio", and
    "Ana Diaz" never joins "Luis Diaz". Organisations match on their name without a leading
    "the". Anonymous sources stay within their article.
    """
    name = speaker.name or (speaker.mention.text if speaker.mention else None)
    if speaker.kind == "organization":
        name = speaker.organization or name
        key = fold(re.sub(r"^(the)\s+", "", name or "", flags=re.I))
        return f"organization:{key}" if key and key not in PRONOUNS else None
    if not name or not fold(name) or fold(name) in PRONOUNS:
        return None
    if speaker.kind == "anonymous":
        return f"anonymous:{article}:{fold(name)}"
    if speaker.kind == "person":
        return f"person:{fold(name)}"
    return None


def speaker_display_name(speaker: Speaker) -> str | None:
    if speaker.kind == "organization":
        return speaker.name or speaker.organization
    return speaker.name or (speaker.mention.text if speaker.mention else None)


QUOTE_COLUMNS = (
    "id", "article_id", "speaker_id", "content", "type", "speaker_name", "speaker_as_written", "speaker_kind",
    "speaker_role", "speaker_org", "cue", "rule", "confidence", "outlet", "published", "start", "end",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence", "paragraph", "continuation",
    "quote_group", "extra", "canonical",
)


@dataclass
class StoredArticle:
    """An article and its quotes as database rows.

    Built by :func:`stored_article` where the article was extracted (a worker process, a Dask
    worker or a shard), so the single SQLite writer only writes.
    """

    article: dict  # the articles row, without run_id and extracted_at
    quotes: list[tuple]  # the quotes rows, values in QUOTE_COLUMNS order (a quarter of a dict's memory)
    speakers: list[dict]  # new speakers rows (id, match_key, kind, name), first quoted first


def stored_article(article: Article, quotes: list[Quote], extractor_version: str) -> StoredArticle:
    """The rows that store ``article`` and its ``quotes``: a pure function of its arguments."""
    aid = article_id(article)
    rows: dict[str, dict] = {}
    speakers: dict[str, dict] = {}
    for quote in quotes:
        key = speaker_key(quote.speaker, aid)
        sid = speaker_id(key) if key else None
        if sid and sid not in speakers:
            speakers[sid] = {"id": sid, "match_key": key, "kind": quote.speaker.kind,
                             "name": speaker_display_name(quote.speaker), "quote_count": None}
        mention, cue = quote.speaker.mention, quote.cue
        qid = quote_id(aid, quote)
        rows[qid] = (  # in QUOTE_COLUMNS order
            qid, aid, sid, quote.content.text, quote.type, speaker_display_name(quote.speaker),
            mention.text if mention else None, quote.speaker.kind, quote.speaker.role, quote.speaker.organization,
            cue.text if cue else None, quote.rule, quote.confidence, article.outlet, article.published,
            quote.content.start, quote.content.end, mention.start if mention else None,
            mention.end if mention else None, cue.start if cue else None, cue.end if cue else None,
            quote.sentence, quote.paragraph, int(quote.continuation), quote.group,
            json.dumps(quote.extra) if quote.extra else None, canonical_quote(quote.content.text),
        )
    row = {
        "id": aid, "title": article.title, "url": article.url, "outlet": article.outlet,
        "author": article.author, "published": article.published, "crawled": article.crawled,
        "source": article.source, "text": article.text, "content_hash": content_hash(article),
        "extractor_version": extractor_version, "quote_count": len(rows),
    }
    return StoredArticle(row, list(rows.values()), list(speakers.values()))


@dataclass
class RunCounts:
    """What one run did, as recorded in ``runs`` and shown in the summary."""

    articles_read: int = 0
    articles_extracted: int = 0
    articles_unchanged: int = 0
    quotes_stored: int = 0
    errors: int = 0


class Store:
    """Writes articles, quotes, speakers, runs and errors to one database."""

    def __init__(self, db: Database):
        self.db = db

    def start_run(self, inputs: Iterable[str], extractor_version: str, lexicon_hash: str,
                  tool_version: str) -> int:
        self.close_dead_runs()
        table = self.db["runs"]
        table.insert({"started_at": now(), "status": "running", "tool_version": tool_version,
                      "extractor_version": extractor_version, "lexicon_hash": lexicon_hash,
                      "inputs": json.dumps(list(inputs)), "host": socket.gethostname(), "pid": os.getpid()})
        return table.last_pk

    def close_dead_runs(self) -> list[int]:
        """Mark "interrupted" the runs still "running" whose process on this host is gone (killed,
        or the machine went down); runs of other hosts, and of live processes, are left alone."""
        host = socket.gethostname()
        dead = [row["id"] for row in self.db["runs"].rows_where("status = 'running' and host = ?", [host])
                if row["pid"] is not None and not process_alive(row["pid"])]
        for run_id in dead:
            self.db["runs"].update(run_id, {"status": "interrupted"})
        return dead

    def finish_run(self, run_id: int, counts: RunCounts, seconds: float, status: str = "completed") -> None:
        self.db["runs"].update(run_id, {
            "finished_at": now(), "seconds": round(seconds, 3), "status": status,
            "speakers": self.db["speakers"].count, **vars(counts),
        })

    def record_error(self, run_id: int | None, source: str, reason: str) -> None:
        self.db["errors"].insert({"run_id": run_id, "source": source, "reason": reason, "created_at": now()})

    def stored_versions(self) -> dict[str, tuple[str, str]]:
        """``{article id: (content hash, extractor version)}`` for the fast unchanged check."""
        return {row[0]: (row[1], row[2]) for row in
                self.db.execute("select id, content_hash, extractor_version from articles")}

    def save(self, batch: list[tuple[Article, list[Quote]]], run_id: int | None,
             extractor_version: str) -> int:
        """Store a batch of articles with their quotes in one transaction; returns quotes stored.

        An article already stored has its old quotes removed first, and speakers left with no
        quote are deleted, so the database always equals one clean extraction of its articles.
        What a killed bulk load left unbuilt is built first.
        """
        with self.db.atomic():
            self.build_deferred()
            stored = self.write([stored_article(a, q, extractor_version) for a, q in batch], run_id)
            self.refresh_pending()
        return stored

    def write(self, batch: list[StoredArticle], run_id: int | None) -> int:
        """Store a batch of extracted articles in one transaction; returns quotes stored.

        The bulk path of a run: rows were built by the worker that extracted them, so this only
        writes, by plain ``executemany`` (``tests/test_writer.py`` checks that it stores exactly
        what sqlite-utils' ``upsert_all`` and ``insert_all`` store). Speakers the batch touches
        are marked (``quote_count`` empty) rather than recomputed, because recomputing a
        much-quoted speaker after every batch costs time that grows with the corpus;
        :meth:`refresh_pending` recomputes them once, at the end of the run, and a run that was
        killed leaves the marks for the next run to finish.
        """
        latest: dict[str, StoredArticle] = {}
        for item in batch:  # an article given twice in one batch: the later text wins, as in two batches
            latest[item.article["id"]] = item
        with self.db.atomic():
            replaced = self._stored_articles(list(latest))  # during a bulk load, articles given twice: a scan each
            touched = self._speakers_of(replaced)
            for chunk in chunked(replaced):
                self.db.execute(f"delete from quotes where article_id in ({marks(chunk)})", chunk)
            last_quote, last_article = (self.db.execute(f"select coalesce(max(rowid), 0) from {table}").fetchone()[0]
                                        for table in ("quotes", "articles"))
            extracted_at = now()
            conn = self.db.conn
            for columns, rows in grouped_by_columns(
                    {**item.article, "run_id": run_id, "extracted_at": extracted_at} for item in latest.values()):
                conn.executemany(upsert_sql("articles", columns, "id"), rows)
            speakers: dict[str, dict] = {}
            for item in latest.values():
                for row in item.speakers:
                    speakers.setdefault(row["id"], row)
            for columns, rows in grouped_by_columns(speakers.values()):
                conn.executemany(f"insert or ignore into speakers ({names(columns)}) values ({marks(columns)})", rows)
            touched.update(speakers)
            for chunk in chunked(sorted(touched)):  # only rows not marked yet: each update re-indexes a speaker
                self.db.execute(f"update speakers set quote_count = null where id in ({marks(chunk)}) "
                                "and quote_count is not null", chunk)
            rows = [row for item in latest.values() for row in item.quotes]
            conn.executemany(f"insert into quotes ({names(QUOTE_COLUMNS)}) values ({marks(QUOTE_COLUMNS)})", rows)
            if not self.deferred():
                # new rows only (an updated article is re-indexed by its update trigger): see migration m005
                self.db.execute("insert into quotes_fts (rowid, content) select rowid, content from quotes "
                                "where rowid > ?", [last_quote])
                self.db.execute("insert into articles_fts (rowid, title, text) select rowid, title, text "
                                "from articles where rowid > ?", [last_article])
        return len(rows)

    def _stored_articles(self, article_ids: list[str]) -> list[str]:
        """Those of ``article_ids`` already stored (by an earlier batch or run), in the given order."""
        found: set[str] = set()
        for chunk in chunked(article_ids):
            found.update(row[0] for row in self.db.execute(
                f"select id from articles where id in ({marks(chunk)})", chunk))
        return [aid for aid in article_ids if aid in found]

    def _speakers_of(self, article_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunked(article_ids):
            found.update(row[0] for row in self.db.execute(
                f"select distinct speaker_id from quotes where article_id in ({marks(chunk)}) "
                "and speaker_id is not null", chunk))
        return found

    # --- a bulk load into an empty database -----------------------------------------------

    def defer_indexes(self) -> bool:
        """Before a bulk load into a database with no quotes yet, drop the indexes of ``quotes``,
        ``articles`` and ``speakers`` and their full-text triggers, to be built at the end;
        returns whether it did.

        Each index is a B-tree that every batch spreads its rows over (quote ids, speaker ids
        and canonical forms are random), so loading with them rewrites the same pages batch
        after batch; building them once at the end sorts each once. What was put off is
        recorded in ``_quotes_deferred`` in the same transaction, so a run killed part-way
        leaves it for the next run (:meth:`build_deferred`). Primary keys stay.
        """
        with self.db.atomic():
            if self.deferred() or self.db.execute("select exists (select 1 from quotes)").fetchone()[0]:
                return False
            dropped = self.db.execute(  # indexes, and the triggers that keep search current
                f"select type, name, sql from sqlite_master where tbl_name in ({marks(BULK_TABLES)}) "
                "and sql is not null and (type = 'index' or (type = 'trigger' and sql like '%' || tbl_name || '_fts%'))"
                " order by type, name", BULK_TABLES).fetchall()
            work = [*((name, sql) for _, name, sql in dropped),
                    *((f"{table}_fts", f"insert into {table}_fts ({table}_fts) values ('rebuild')")
                      for table in BULK_TABLES)]
            self.db.conn.executemany(f"insert into {DEFERRED} (name, sql) values (?, ?)", work)
            for kind, name, _ in dropped:
                self.db.execute(f"drop {kind} [{name}]")
        return True

    def deferred(self) -> bool:
        """Whether indexes or full-text search are put off until the end of a bulk load."""
        return bool(self.db.execute(f"select exists (select 1 from {DEFERRED})").fetchone()[0])

    def build_deferred(self) -> int:
        """Build what :meth:`defer_indexes` put off, and forget it; returns how many steps ran.

        The indexes come first; then the speakers the load marked are recomputed, before their
        full-text triggers are back, so that the rebuild of search indexes each speaker once.
        """
        with self.db.atomic():
            work = self.db.execute(f"select name, sql from {DEFERRED} order by rowid").fetchall()
            indexes = [sql for _, sql in work if INDEX_SQL.match(sql)]
            for sql in indexes:
                self.db.execute(sql)
            if work:
                self.refresh_pending()
            for _, sql in work:
                if sql not in indexes:
                    self.db.execute(sql)
            self.db.execute(f"delete from {DEFERRED}")
        return len(work)

    def refresh_pending(self) -> int:
        """Recompute every speaker marked by :meth:`write`; returns how many were recomputed."""
        pending = [row[0] for row in self.db.execute("select id from speakers where quote_count is null")]
        self.refresh_speakers(pending)
        return len(pending)

    def refresh_speakers(self, speaker_ids: Iterable[str]) -> None:
        """Recompute name, role, organisation, aliases and counts of speakers from their quotes.

        The most frequent value wins, so one odd mention does not rename a speaker (ties go to
        the value quoted first); speakers with no quotes left are removed. SQLite groups the
        quotes, so a speaker quoted a million times costs a few grouped rows, not a million.
        """
        with self.db.atomic():
            for chunk in chunked(list(speaker_ids)):
                self._refresh_chunk(chunk)

    def _refresh_chunk(self, ids: list[str]) -> None:
        where = f"speaker_id in ({marks(ids)})"
        totals = {row[0]: row[1:] for row in self.db.execute(
            "select speaker_id, count(*), count(distinct article_id), count(distinct nullif(outlet, '')), "
            f"min(nullif(published, '')), max(nullif(published, '')) from quotes where {where} "
            "group by speaker_id", ids)}

        # One grouped pass gives every column's tallies: {column: {speaker: {value: [count, first rowid]}}}
        found: list[dict[str, dict[str, list[int]]]] = [{} for _ in TALLIED]
        for sid, *values, count, first in self.db.execute(
                f"select speaker_id, {names(TALLIED)}, count(*), min(rowid) from quotes where {where} "
                f"group by speaker_id, {names(TALLIED)}", ids):
            for column, value in enumerate(values):
                if value:  # not NULL, not empty
                    entry = found[column].setdefault(sid, {}).setdefault(value, [0, first])
                    entry[0] += count
                    entry[1] = min(entry[1], first)
        resolved, roles, orgs, written = ({sid: [(value, count, first) for value, (count, first) in by.items()]
                                           for sid, by in tally.items()} for tally in found)
        gone = [[sid] for sid in ids if sid not in totals]
        self.db.conn.executemany("delete from speakers where id = ?", gone)
        self.db.conn.executemany(
            f"update speakers set {', '.join(f'[{c}] = ?' for c in SPEAKER_FIGURES)} where id = ?",
            ([most_common(resolved.get(sid, [])), most_common(roles.get(sid, [])), most_common(orgs.get(sid, [])),
              json.dumps(aliases(resolved.get(sid, []), written.get(sid, [])), ensure_ascii=False),
              *totals[sid], sid] for sid in ids if sid in totals))


TALLIED = ("speaker_name", "speaker_role", "speaker_org", "speaker_as_written")  # their most frequent values
SPEAKER_FIGURES = ("name", "role", "organization", "aliases", "quote_count", "article_count", "outlet_count",
                   "first_published", "last_published")  # what refresh_speakers recomputes, in its order
DEFERRED = "_quotes_deferred"  # indexes and full-text search put off by a bulk load (migration m013)
BULK_TABLES = ("quotes", "articles", "speakers")  # the tables a bulk load indexes at its end
INDEX_SQL = re.compile(r"create\s+(unique\s+)?index\b", re.I)


def most_common(tally: list[tuple[str, int, int]]) -> str | None:
    """The most frequent value; on a tie, the one quoted first."""
    return min(tally, key=lambda t: (-t[1], t[2]))[0] if tally else None


def aliases(names: list[tuple[str, int, int]], written: list[tuple[str, int, int]]) -> list[str]:
    """Every resolved name and written mention (pronouns aside), most frequent first.

    Ties go to resolved names before mentions, then to the one quoted first.
    """
    counts: dict[str, list[int]] = {}
    for rank, tally in enumerate((names, written)):
        for value, count, first in tally:
            if rank and fold(value) in PRONOUNS:
                continue
            entry = counts.setdefault(value, [0, rank, first])
            entry[0] += count
    return sorted(counts, key=lambda v: (-counts[v][0], counts[v][1], counts[v][2]))


def chunked(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """Slices small enough for one SQL ``in (...)`` list."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def marks(items) -> str:
    return ", ".join("?" * len(items))


def names(columns) -> str:
    return ", ".join(f"[{c}]" for c in columns)


def upsert_sql(table: str, columns: tuple[str, ...], key: str) -> str:
    """Insert, or update every other column of the row with the same ``key``: sqlite-utils' upsert."""
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != key)
    return (f"insert into {table} ({names(columns)}) values ({marks(columns)}) "
            f"on conflict ([{key}]) do update set {updates}")


def grouped_by_columns(rows: Iterable[dict]) -> Iterator[tuple[tuple[str, ...], list[tuple]]]:
    """Dict rows as ``(columns, value tuples)``, one group per run of rows with the same keys, in order."""
    for columns, group in itertools.groupby(rows, key=lambda row: tuple(row)):
        yield columns, [tuple(row.values()) for row in group]
