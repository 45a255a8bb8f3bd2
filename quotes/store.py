"""The SQLite store: every write to the quotes database goes through this module.

Articles, quotes and speakers have deterministic ids, so storing the same article twice changes
nothing, and storing a changed article replaces its quotes in the same transaction. Speakers are
shared across articles: one row per person (matched on the resolved full name), organisation
(matched on its name) or anonymous source (one per article and phrase, since two "officials" in
two articles are not known to be the same person).
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import itertools
import json
import os
import re
import socket
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from quotes.canonical import canonical_quote
from quotes.corrections import Corrections
from quotes.gender import Tally, decide
from quotes.identity import text_hash
from quotes.lexicon import default_lexicon
from quotes.linking import Link, Name, fold, links, majority, person_key
from quotes.location import DB_ENV, DEFAULT_DB, default_db_path  # noqa: F401 - the store's names for them
from quotes.memory import release_freed_memory
from quotes.migrations import DatabaseProblem, check_database, migrate, pending_migrations
from quotes.model import ARTICLE_SCOPED, Quote, Span, Speaker
from quotes.readers import Article
from quotes.sqlbatch import chunked, marks
from quotes.variants import store_variants

SQLITE_HEADER = b"SQLite format 3\x00"
DAMAGE_MESSAGES = ("malformed", "file is not a database", "disk image", "corrupt")


class DatabaseDamaged(DatabaseProblem):
    """A SQLite file whose pages cannot be read: restore it, or recover what can be read."""


class DatabaseReadOnly(DatabaseProblem):
    """A database this process cannot write: the file or its folder is read-only."""


class DatabaseBusy(DatabaseProblem):
    """Another run is writing this database."""


class DiskFull(DatabaseProblem):
    """The disk filled up (or failed, or a file-size limit was reached) while writing."""


def open_db(path: str | Path, *, read_only_ok: bool = False) -> Database:
    """Open (creating and upgrading as needed) a quotes database in WAL mode with foreign keys on.

    WAL lets Datasette read the database while an extraction writes to it. A file that is not a
    quotes database, or comes from a newer version, raises :class:`DatabaseProblem` untouched; a
    damaged one :class:`DatabaseDamaged`; one that cannot be written (a read-only file or folder:
    SQLite must create ``-wal`` and ``-shm`` files beside it) :class:`DatabaseReadOnly`, unless
    ``read_only_ok``, for commands that only read: then it is opened read-only, as it is.
    """
    path = Path(path)
    unwritable = cannot_write(path)
    if unwritable:
        if not read_only_ok:
            raise DatabaseReadOnly(f"cannot write the database {path}: {unwritable}")
        return open_read_only(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        check_database(db, str(path))
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
    except DatabaseProblem:
        raise
    except (OSError, sqlite3.DatabaseError) as error:
        raise database_error(path, error) from None
    return db


def cannot_write(path: Path) -> str | None:
    """Why this process cannot write the database at ``path`` (or create it), or None when it can."""
    if path.is_dir():
        return None  # sqlite says so itself: "unable to open database file"
    folder = path.parent if str(path.parent) else Path(".")
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        where = "its folder" if existing == folder else f"the folder {existing}"
        return (f"{where} is read-only (SQLite writes {path.name}-wal and {path.name}-shm beside it); "
                "copy the database to a folder you can write, or pass --db")
    return None


def open_read_only(path: Path) -> Database:
    """The database opened read-only without changing anything, not even its ``-shm`` file: for
    reading a database on a read-only disk or in a folder of someone else's. It must be up to date."""
    try:
        db = Database(sqlite3.connect(f"file:{path}?immutable=1", uri=True))
        check_database(db, str(path))
        pending = pending_migrations(db)
    except DatabaseProblem:
        raise
    except (OSError, sqlite3.DatabaseError) as error:
        raise database_error(path, error) from None
    if pending:
        raise DatabaseReadOnly(f"cannot upgrade the database {path}, which is read-only: open it once with a "
                               f"version of quotes that can write it (it needs {', '.join(pending)})")
    return db


def database_error(path: Path, error: Exception) -> DatabaseProblem:
    """The problem to report for an error SQLite or the system gave on the database at ``path``."""
    message = str(error)
    if isinstance(error, OSError) and error.errno == errno.ENOSPC or "database or disk is full" in message:
        return DiskFull(f"the disk is full: cannot write the database {path} ({message})")
    if "disk I/O error" in message:
        return DiskFull(f"cannot write the database {path}: {message} (a full disk, a file-size limit, or a "
                        "failing disk); what was stored before is kept")
    if any(part in message for part in DAMAGE_MESSAGES) and is_sqlite_file(path):
        return DatabaseDamaged(f"the database {path} is damaged ({message}): restore it from a backup, or "
                               f"save what can be read with: sqlite3 {path} .recover | sqlite3 recovered.db")
    if "readonly" in message or "read-only" in message:
        return DatabaseReadOnly(f"cannot write the database {path}: {message}")
    if "locked" in message or "busy" in message:
        return DatabaseBusy(f"the database {path} is locked by another program ({message}); try again when it "
                            "is done")
    return DatabaseProblem(f"database error on {path}: {message}")


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


class RunLock:
    """Only one run writes a database at a time: an exclusive ``flock`` on the database file, held for the run.

    A second ``quotes extract`` (or ``quotes load``) waits for the first, saying so, or with
    ``wait=False`` is refused at once with :class:`DatabaseBusy`. The lock is the operating
    system's, so a run that is killed releases it at once, and no lock file is left behind.
    SQLite's own locks are POSIX record locks, which a ``flock`` does not touch; the descriptor
    is opened before SQLite opens the file and closed after SQLite has closed it, because closing
    any descriptor of the file would drop SQLite's locks while it held them.
    """

    def __init__(self, db_path: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None):
        self.db_path = db_path
        self.wait = wait
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> RunLock:
        import fcntl

        unwritable = cannot_write(self.db_path)
        if unwritable:
            raise DatabaseReadOnly(f"cannot write the database {self.db_path}: {unwritable}")
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.fd = os.open(self.db_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise database_error(self.db_path, error) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return self
        except BlockingIOError:
            pass
        holder = running_run(self.db_path)
        if not self.wait:
            self.__exit__()
            raise DatabaseBusy(f"another run is writing {self.db_path}{holder}: try again when it has finished")
        if self.on_wait:
            self.on_wait(f"waiting for another run writing {self.db_path}{holder} to finish (Ctrl-C to stop)")
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock
            self.fd = None


def running_run(db_path: Path) -> str:
    """`` (run 12, pid 345 on host, started …)``: the run still marked running, for the waiting message."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        row = conn.execute("select id, pid, host, started_at from runs where status = 'running' "
                           "order by id desc limit 1").fetchone()
        conn.close()
    except sqlite3.Error:
        return ""
    return f" (run {row[0]}, process {row[1]} on {row[2]}, started {row[3]})" if row else ""


def checkpoint(db: Database) -> None:
    """Move everything from the ``-wal`` file into the database file and empty it, so the ``.db`` file
    alone is the whole database (to copy, publish or send); readers still open keep what they need."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


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


def speaker_id(key: str) -> str:
    """The id of the speaker row with match key ``key``.

    Not remembered: most keys name an article's own anonymous or unresolved speaker and never come
    back, so a cache filled up with them (about 20 MB a worker on a large corpus) to save under a
    microsecond a quote."""
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


def stored_extra(article: Article) -> str | None:
    """The article's extra fields as the ``extra`` column stores them (as the reader encoded them,
    when it did)."""
    if not article.extra:
        return None
    return article.extra_json or json.dumps(article.extra, ensure_ascii=False, default=str)


def content_hash(article: Article, extra: str | None = None) -> str:
    """A hash of everything stored about an article, to tell a changed article from a re-read one.

    ``extra`` is :func:`stored_extra` when the caller has it: feeds can carry large extra fields
    (PolNeAR's gold annotations are ~14 KB an article), and encoding them twice, for the hash and
    for the row, was 6 % of a run's CPU. The text is hashed as it is, after its length, not
    escaped into JSON first, and so are the extra fields' JSON, after the text (escaping it again
    was a third of the hash's time).
    """
    extra = extra or stored_extra(article)
    digest = hashlib.sha256(json.dumps(
        [len(article.text), article.title, article.url, article.outlet, article.author, article.published,
         article.published_as_written, None if extra is None else len(extra)], default=str).encode())
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    if extra:
        digest.update(extra.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def quote_id(article: str, quote: Quote) -> str:
    """The same quote in the same article always gets the same id."""
    return short_hash("quote", article, quote.content.start, quote.content.end, quote.type)


GENDER_BITS = {"male": 1, "female": 2}  # the genders a name's quotes give, as the bits of one small integer
PERSON_OWNED = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){1,2})\s+(\w+)")  # "Ellen Park campaign"


def speaker_key(speaker: Speaker, article: str) -> str | None:
    """What identifies a speaker across articles, or None for a quote with no known speaker.

    People match on forename and surname: "Rubio" alone never joins "Marco Rubio" here (the run's
    end links surnames, with the evidence kept), and "Ana Diaz" never joins "Luis Diaz".
    Organisations match on their name without a leading "the", one named after a person ("Ellen
    Rosa Park campaign") on that person's key and its own noun. Anonymous sources, and
    descriptions that could not be resolved, stay within their article.
    """
    name = speaker.name or (speaker.mention.text if speaker.mention else None)
    folded = fold(name or "")
    unnamed = default_lexicon().unnamed_pronouns  # keys are the database's, whatever one run's lexicon
    if not folded or folded in unnamed:
        return None
    if speaker.kind == "organization":
        key = re.sub(r"^the ", "", folded)
        owned = PERSON_OWNED.fullmatch(name or "")
        if owned and owned.group(2).lower() in default_lexicon().grammar["owned_organizations"]:
            # "Hillary Rodham Clinton campaign" is "Hillary Clinton campaign", as the person is
            key = f"{person_key(owned.group(1))} {owned.group(2).lower()}"
        return f"organization:{key}" if key and key not in unnamed else None
    if speaker.kind == "anonymous":
        return f"anonymous:{article}:{folded}"
    if speaker.resolution in ARTICLE_SCOPED:  # "the billionaire mogul", an article's "I":
        return f"{speaker.resolution.replace(' ', '-')}:{article}:{folded}"  # nobody beyond its article
    if speaker.kind == "person":
        return f"person:{person_key(name)}"
    return None


def speaker_display_name(speaker: Speaker) -> str | None:
    return speaker.name or (speaker.mention.text if speaker.mention else None)


QUOTE_COLUMNS = (
    "id", "article_id", "speaker_id", "content", "type", "speaker_name", "speaker_as_written", "speaker_kind",
    "speaker_role", "speaker_org", "cue", "rule", "confidence", "outlet", "published", "start", "end",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence", "paragraph", "continuation",
    "quote_group", "extra", "canonical", "speaker_role_start", "speaker_role_end", "speaker_role_expanded",
    "speaker_org_start", "speaker_org_end", "speaker_gender", "speaker_resolution", "speaker_name_start",
    "speaker_name_end", "speaker_gender_evidence", "category",
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
    extra = stored_extra(article)
    rows: dict[str, dict] = {}
    speakers: dict[str, dict] = {}
    for quote in quotes:
        key = speaker_key(quote.speaker, aid)
        sid = speaker_id(key) if key else None
        if sid and sid not in speakers:
            speakers[sid] = {"id": sid, "match_key": key, "kind": quote.speaker.kind,
                             "name": speaker_display_name(quote.speaker), "quote_count": None}
        speaker = quote.speaker
        qid = quote_id(aid, quote)
        rows[qid] = (  # in QUOTE_COLUMNS order
            qid, aid, sid, quote.content.text, quote.type, speaker_display_name(speaker), *_parts(speaker.mention)[:1],
            speaker.kind, *_parts(speaker.role)[:1], *_parts(speaker.organization)[:1], *_parts(quote.cue)[:1],
            quote.rule, quote.confidence, article.outlet, article.published,
            quote.content.start, quote.content.end, *_parts(speaker.mention)[1:], *_parts(quote.cue)[1:],
            quote.sentence, quote.paragraph, int(quote.continuation), quote.group,
            json.dumps(quote.extra) if quote.extra else None, canonical_quote(quote.content.text),
            *_parts(speaker.role)[1:], speaker.role_expanded, *_parts(speaker.organization)[1:], speaker.gender,
            speaker.resolution, *_parts(speaker.antecedent)[1:], speaker.gender_evidence, quote.category,
        )
    row = {
        "id": aid, "title": article.title, "url": article.url, "outlet": article.outlet,
        "author": article.author, "published": article.published, "crawled": article.crawled,
        "source": article.source, "text": article.text, "content_hash": content_hash(article, extra),
        "extractor_version": extractor_version, "quote_count": len(rows),
        "published_as_written": article.published_as_written, "text_hash": text_hash(article.text),
        "extra": extra,
    }
    return StoredArticle(row, list(rows.values()), list(speakers.values()))


def _parts(span: Span | None) -> tuple[str | None, int | None, int | None]:
    """A span as the text, start and end columns that store it."""
    return (span.text, span.start, span.end) if span else (None, None, None)


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
        """Record how the run ended, in a transaction of its own.

        sqlite-utils commits each write statement just after it runs; a signal between the two
        (Ctrl-C, SIGTERM) leaves that statement's transaction open, which would take in this record
        and keep the database from being checkpointed ("database table is locked"). It is rolled
        back first: every batch commits whole, so what it holds is one unfinished statement.
        """
        if self.db.conn.in_transaction:
            self.db.conn.rollback()
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
        """Before a bulk load into a database with no article yet, drop the indexes of ``quotes``,
        ``articles`` and ``speakers`` and their full-text triggers, to be built at the end;
        returns whether it did.

        Each index is a B-tree that every batch spreads its rows over (quote ids, speaker ids
        and canonical forms are random), so loading with them rewrites the same pages batch
        after batch; building them once at the end sorts each once. What was put off is
        recorded in ``_quotes_deferred`` in the same transaction, so a run killed part-way
        leaves it for the next run (:meth:`build_deferred`). Primary keys stay.
        """
        with self.db.atomic():
            if self.deferred() or self.db.execute(  # articles too: a run asks them for copies by text fingerprint
                    "select exists (select 1 from quotes) or exists (select 1 from articles)").fetchone()[0]:
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
        """Link names across articles, then recompute every speaker marked by :meth:`write` or by
        the links; returns how many were recomputed."""
        self.link_speakers()
        corrections = Corrections(self.db)
        corrections.apply_to_quotes()  # a person's merge, split or reassignment wins over the links above
        pending = [row[0] for row in self.db.execute("select id from speakers where quote_count is null")]
        self.refresh_speakers(pending)
        corrections.apply_to_speakers()  # a person's name, kind, role or gender over the computed ones,
        self.refresh_genders(pending)  # a gender decided under the corrected name,
        corrections.apply_to_speakers()  # and a corrected gender over the decided one
        if pending:
            release_freed_memory()  # what the speakers' pass freed, before the variants' arrays
            store_variants(self.db)
        return len(pending)

    def refresh_genders(self, speaker_ids: Iterable[str]) -> None:
        """Decide the gender of these speakers, and of every person not yet given one (:mod:`quotes.gender`).

        Organisations and anonymous sources have none; a person whose articles and forename say
        nothing is "unknown", with the evidence saying why.
        """
        ids = set(speaker_ids) | {row[0] for row in self.db.execute(
            "select id from speakers where kind = 'person' and gender is null")}
        forenames = default_lexicon().forenames
        with self.db.atomic():
            for chunk in chunked(sorted(ids)):
                tallies: dict[str, list[Tally]] = {}
                for sid, gender, evidence, articles in self.db.execute(
                        "select speaker_id, speaker_gender, speaker_gender_evidence, count(distinct article_id) "
                        f"from quotes where speaker_id in ({marks(chunk)}) group by 1, 2, 3", chunk):
                    tallies.setdefault(sid, []).append(Tally(gender, evidence, articles))
                decided = [(*(decide(name, tallies.get(sid, []), forenames) if kind == "person" else (None, None)), sid)
                           for sid, kind, name in self.db.execute(
                               f"select id, kind, name from speakers where id in ({marks(chunk)})", chunk).fetchall()]
                # one statement for the chunk: sqlite-utils' update() reads the table's schema for every row
                self.db.conn.executemany("update speakers set gender = ?, gender_evidence = ? where id = ?", decided)

    def link_speakers(self) -> list[Link]:
        """Point the quotes of a surname quoted alone, or of an acronym, at the one entity it names
        in the database (:mod:`quotes.linking`), and undo links that no longer hold.

        Decided afresh from every stored name at the end of each run, so the rows are the same
        however the articles were split over runs, workers or shards. Each link is kept in
        ``speaker_links`` with its reason.
        """
        names, several = self._quoted_names()
        # an organisation written "the Times" may be the one organisation whose full name ends so
        short_names = frozenset(name for (name,) in self.db.execute(
            "select distinct speaker_name from quotes where speaker_kind = 'organization' "
            "and lower(speaker_as_written) = 'the ' || lower(speaker_name) and speaker_name not like '% %'"))
        found = links(names, short_names)
        wanted = {link.alias.key: link for link in found}
        current = {row["alias_key"]: row["speaker_id"] for row in self.db["speaker_links"].rows}
        needed = set(wanted) | set(current)
        written = {name.key: several.get(name.key, [name.name]) for name in names if name.key in needed}
        for alias_key in sorted(needed):
            link = wanted.get(alias_key)
            own = speaker_id(alias_key)
            target = speaker_id(link.target.key) if link else own
            previous = current.get(alias_key, own)
            kind = alias_key.split(":", 1)[0]
            if link is None:
                self.db["speakers"].insert({"id": own, "match_key": alias_key, "kind": kind, "name": None,
                                            "quote_count": None}, ignore=True)
            moved = 0
            for name in written.get(alias_key, []):
                # "+speaker_kind": found by speaker id, never by kind (without statistics SQLite
                # chose the index on kind, and each link read every quote of that kind)
                moved += self.db.execute(
                    "update quotes set speaker_id = ? where speaker_id in (?, ?) and speaker_id != ? "
                    "and speaker_name = ? and +speaker_kind = ?", [target, own, previous, target, name, kind]).rowcount
            if moved or target != previous:  # a link that holds as it was, over the same quotes, changes no speaker
                self.db.execute("update speakers set quote_count = null where id in (?, ?, ?)", [own, target, previous])
            if link is None:
                self.db["speaker_links"].delete_where("alias_key = ?", [alias_key])
            else:
                self.db["speaker_links"].upsert({"alias_key": alias_key, "alias_name": link.alias.name, "kind": kind,
                                                 "speaker_id": target, "quotes": link.alias.quotes,
                                                 "reason": link.reason}, pk="alias_key")
        return found

    def _quoted_names(self) -> tuple[list[Name], dict[str, list[str]]]:
        """Every person and organisation quoted, one :class:`Name` per match key (its most quoted
        writing, quotes and gender), sorted by kind and key; and each way of writing the keys
        written more than one way."""
        # Per (kind, key): [most quoted name, its quotes, all quotes, genders given (GENDER_BITS), the
        # names written when more than one]. A group's rows come name by name, so each name's count is
        # whole before it is weighed, and a tie keeps the name met first, as Counter.most_common does.
        # Plain lists of plain values: a dictionary and two Counters per key took 1.1 KB each, 120 MB
        # for the 104,000 names of a 1 GB run.
        tallies: dict[tuple[str, str], list] = {}
        rows = self.db.execute(
            "select speaker_kind, speaker_name, speaker_gender, count(*) from quotes "
            "where speaker_kind in ('person', 'organization') and speaker_name is not null "
            "and coalesce(speaker_resolution, '') != 'unresolved' "
            "group by speaker_kind, speaker_name, speaker_gender order by speaker_kind, speaker_name")
        for (kind, name), group in itertools.groupby(rows, key=lambda row: (row[0], row[1])):
            key = speaker_key(Speaker(None, name, kind), "")
            if key is None:
                continue
            count, genders = 0, 0
            for _, _, gender, quoted in group:
                count += quoted
                genders |= GENDER_BITS.get(gender, 0)
            entry = tallies.get((kind := sys.intern(kind), key))
            if entry is None:
                tallies[(kind, key)] = [name, count, count, genders, None]
                continue
            entry[4] = entry[4] or [entry[0]]
            entry[4].append(name)
            if count > entry[1]:
                entry[0], entry[1] = name, count
            entry[2] += count
            entry[3] |= genders
        names = [Name(kind, key, best, total, majority(g for g, bit in GENDER_BITS.items() if genders & bit))
                 for (kind, key), (best, _, total, genders, _) in sorted(tallies.items())]
        return names, {key: entry[4] for (_, key), entry in tallies.items() if entry[4]}

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
            ([most_common(full_names(resolved.get(sid, []))), most_common(roles.get(sid, [])),
              most_common(orgs.get(sid, [])),
              json.dumps(aliases(resolved.get(sid, []), written.get(sid, [])), ensure_ascii=False),
              *totals[sid], sid] for sid in ids if sid in totals))


TALLIED = ("speaker_name", "speaker_role", "speaker_org", "speaker_as_written")  # their most frequent values
SPEAKER_FIGURES = ("name", "role", "organization", "aliases", "quote_count", "article_count", "outlet_count",
                   "first_published", "last_published")  # what refresh_speakers recomputes, in its order
DEFERRED = "_quotes_deferred"  # indexes and full-text search put off by a bulk load (migration m013)
BULK_TABLES = ("quotes", "articles", "speakers")  # the tables a bulk load indexes at its end
INDEX_SQL = re.compile(r"create\s+(unique\s+)?index\b", re.I)


def full_names(tally: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The names of two words or more, if any: a row that holds "Obama" (linked) and "Barack
    Obama" is named "Barack Obama"."""
    return [t for t in tally if len(t[0].split()) >= 2] or tally


def most_common(tally: list[tuple[str, int, int]]) -> str | None:
    """The most frequent value; on a tie, the one quoted first."""
    return min(tally, key=lambda t: (-t[1], t[2]))[0] if tally else None


def aliases(names: list[tuple[str, int, int]], written: list[tuple[str, int, int]]) -> list[str]:
    """Every resolved name and written mention (pronouns aside), most frequent first.

    Ties go to resolved names before mentions, then to the one quoted first.
    """
    counts: dict[str, list[int]] = {}
    unnamed = default_lexicon().unnamed_pronouns
    for rank, tally in enumerate((names, written)):
        for value, count, first in tally:
            if rank and fold(value) in unnamed:
                continue
            entry = counts.setdefault(value, [0, rank, first])
            entry[0] += count
    return sorted(counts, key=lambda v: (-counts[v][0], counts[v][1], counts[v][2]))


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
