"""Numbered schema migrations, recorded in the ``_quotes_migrations`` table (the style of llm).

A database of any age upgrades itself when opened: each migration runs once, in order, and
nothing already stored is lost. Add new migrations at the end; never edit a released one.
``python -m quotes.migrations > db/schema.sql`` prints the schema they produce.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from quotes.canonical import canonical_quote

MIGRATIONS_TABLE = "_quotes_migrations"
Migration = Callable[[Database], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


class DatabaseProblem(Exception):
    """A file that cannot be used as a quotes database; the message says why and what to do."""


def check_database(db: Database, name: str) -> None:
    """Refuse, before anything is written, a file that is not a quotes database or is from a newer version.

    An empty SQLite file (or a new one) is fine: the migrations will build the schema in it.
    """
    try:
        tables = db.table_names()
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error):
            raise  # a damaged SQLite database, not another kind of file: the caller says so
        raise DatabaseProblem(f"{name} is not a quotes database: {error}") from None
    if MIGRATIONS_TABLE not in tables:
        if tables:
            listed = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
            raise DatabaseProblem(f"{name} is not a quotes database: it has other tables ({listed}) and no "
                                  f"{MIGRATIONS_TABLE} table. Pass --db with a new file name.")
        return
    applied = [row["name"] for row in db[MIGRATIONS_TABLE].rows]
    unknown = [applied_name for applied_name in applied if applied_name not in {m.__name__ for m in MIGRATIONS}]
    if unknown:
        raise DatabaseProblem(f"{name} was written by a newer version of quotes (its schema has "
                              f"{', '.join(unknown)}, which this version does not know). Upgrade quotes to use it.")


def pending_migrations(db: Database) -> list[str]:
    """The names of the migrations not yet applied to ``db``."""
    done = {row["name"] for row in db[MIGRATIONS_TABLE].rows} if db[MIGRATIONS_TABLE].exists() else set()
    return [fn.__name__ for fn in MIGRATIONS if fn.__name__ not in done]


def migrate(db: Database) -> list[str]:
    """Apply every migration not yet recorded; returns the names of those applied now."""
    table = db[MIGRATIONS_TABLE]
    if not table.exists():
        table.create({"name": str, "applied_at": str}, pk="name")
    done = {row["name"] for row in table.rows}
    applied = []
    for fn in MIGRATIONS:
        if fn.__name__ not in done:
            with db.atomic():
                fn(db)
                applied_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
                table.insert({"name": fn.__name__, "applied_at": applied_at})
            applied.append(fn.__name__)
    return applied


@migration
def m001_initial(db: Database) -> None:
    db["runs"].create({
        "id": int, "started_at": str, "finished_at": str, "seconds": float, "status": str,
        "tool_version": str, "extractor_version": str, "lexicon_hash": str, "inputs": str,
        "articles_read": int, "articles_extracted": int, "articles_unchanged": int,
        "quotes_stored": int, "speakers": int, "errors": int,
    }, pk="id")
    db["articles"].create({
        "id": str, "title": str, "url": str, "outlet": str, "author": str, "published": str,
        "source": str, "text": str, "content_hash": str, "extractor_version": str,
        "quote_count": int, "run_id": int, "extracted_at": str,
    }, pk="id", foreign_keys=[("run_id", "runs", "id")])
    db["speakers"].create({
        "id": str, "name": str, "kind": str, "role": str, "organization": str, "aliases": str,
        "quote_count": int, "article_count": int, "outlet_count": int,
        "first_published": str, "last_published": str, "match_key": str,
    }, pk="id")
    db["quotes"].create({
        "id": str, "article_id": str, "speaker_id": str, "content": str, "type": str,
        "speaker_name": str, "speaker_as_written": str, "speaker_kind": str, "speaker_role": str,
        "speaker_org": str, "cue": str, "rule": str, "confidence": float,
        "outlet": str, "published": str,
        "start": int, "end": int, "speaker_start": int, "speaker_end": int,
        "cue_start": int, "cue_end": int, "sentence": int, "paragraph": int,
        "continuation": int, "quote_group": int, "extra": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")])
    db["errors"].create({"id": int, "run_id": int, "source": str, "reason": str, "created_at": str},
                        pk="id", foreign_keys=[("run_id", "runs", "id")])
    db["articles"].create_index(["run_id"])
    db["articles"].create_index(["outlet"])
    db["articles"].create_index(["published"])
    db["speakers"].create_index(["match_key"], unique=True)
    db["speakers"].create_index(["quote_count"])
    for column in ("article_id", "speaker_id", "type", "speaker_kind", "speaker_org", "outlet", "published"):
        db["quotes"].create_index([column])
    db["errors"].create_index(["run_id"])


@migration
def m002_full_text_search(db: Database) -> None:
    """FTS5 with triggers, so incremental runs keep the search index current."""
    db["quotes"].enable_fts(["content"], fts_version="FTS5", create_triggers=True, tokenize="porter")
    db["speakers"].enable_fts(["name", "aliases"], fts_version="FTS5", create_triggers=True)
    db["articles"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="porter")


@migration
def m003_quote_canonical_form(db: Database) -> None:
    """``quotes.canonical``: each quote folded as Quotebank does, to group the same quote across articles.

    Quotes already stored get theirs here, so an older database groups its quotes too.
    """
    db["quotes"].add_column("canonical", str)
    db.register_function(canonical_quote, deterministic=True, replace=True)
    db.execute("update quotes set canonical = canonical_quote(content)")
    db["quotes"].create_index(["canonical"])


@migration
def m004_article_crawl_date(db: Database) -> None:
    """When a web archive's crawler fetched the page (WARC-Date), kept apart from the publication date."""
    db["articles"].add_column("crawled", str)


@migration
def m005_index_new_rows_per_batch(db: Database) -> None:
    """New quotes and articles enter full-text search in one statement per batch (``Store.write``).

    A trigger per inserted row made storing four times slower; the update and delete triggers
    stay, so every other change keeps the index current by itself.
    """
    db.execute("drop trigger if exists quotes_ai")
    db.execute("drop trigger if exists articles_ai")


@migration
def m006_run_process(db: Database) -> None:
    """The host and process id of each run, so that a run killed part-way can be told from a live one."""
    db["runs"].add_column("host", str)
    db["runs"].add_column("pid", int)


@migration
def m007_speaker_parts(db: Database) -> None:
    """Where a quote's role and organisation are written, how its speaker was resolved and where
    the resolved name is written, each as offsets into the article (``text[start:end]`` is the value)."""
    for column, kind in (("speaker_role_start", int), ("speaker_role_end", int), ("speaker_role_expanded", str),
                         ("speaker_org_start", int), ("speaker_org_end", int), ("speaker_gender", str),
                         ("speaker_resolution", str), ("speaker_name_start", int), ("speaker_name_end", int)):
        db["quotes"].add_column(column, kind)


@migration
def m008_speaker_links(db: Database) -> None:
    """Names linked across articles to the entity they name: a surname quoted alone, an acronym
    (``Store.link_speakers``), each with its reason, so that every merge can be seen and checked."""
    db["speaker_links"].create({"alias_key": str, "alias_name": str, "kind": str, "speaker_id": str,
                                "quotes": int, "reason": str}, pk="alias_key")
    db["speaker_links"].create_index(["speaker_id"])


@migration
def m010_article_dates_as_written_and_extra_fields(db: Database) -> None:
    """``articles.published_as_written`` keeps the date as the input wrote it, beside ``published`` in
    ISO 8601; ``articles.extra`` keeps, as JSON, the record fields no piece of the article took.

    Older databases stored unreadable dates ("Sept. 12, 2016") as written in ``published``: each is
    read again here, stored in ISO 8601 where it can be, else left empty, and the dates copied to
    quotes and speakers follow.
    """
    from quotes.dates import read_date

    db["articles"].add_column("published_as_written", str)
    db["articles"].add_column("extra", str)
    with without_trigger(db, "articles_au"):
        db.execute("update articles set published_as_written = published where published is not null")
    changed = []
    for aid, written in db.execute("select id, published from articles where published is not null "
                                   "and published not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'").fetchall():
        date = read_date(written)
        changed.append((date.iso if date else None, aid))
    with without_trigger(db, "articles_au"), without_trigger(db, "quotes_au"):
        for iso, aid in changed:
            db.execute("update articles set published = ? where id = ?", [iso, aid])
            db.execute("update quotes set published = ? where article_id = ?", [iso, aid])
    db.execute("""update speakers set
                    first_published = (select min(nullif(published, '')) from quotes where speaker_id = speakers.id),
                    last_published = (select max(nullif(published, '')) from quotes where speaker_id = speakers.id)
                  where id in (select speaker_id from quotes where article_id in (select id from articles
                               where published_as_written is not null and published is not published_as_written))""")


@migration
def m011_article_text_hash(db: Database) -> None:
    """``articles.text_hash``: a fingerprint of the text (see ``quotes/identity.py``), indexed, so the
    same text from two inputs is stored once and a syndicated copy can be told from a new story."""
    from quotes.identity import text_hash

    db["articles"].add_column("text_hash", str)
    db.register_function(text_hash, deterministic=True, replace=True)
    with without_trigger(db, "articles_au"):
        db.execute("update articles set text_hash = text_hash(text)")
    db["articles"].create_index(["text_hash"])


@migration
def m013_deferred_work(db: Database) -> None:
    """``_quotes_deferred``: the indexes (their SQL) and full-text rebuilds a bulk load put off.

    A run into an empty database drops the indexes of ``quotes`` and ``articles`` and builds
    them, with full-text search, once at the end (``Store.defer_indexes``); a run killed before
    the end leaves its rows here for the next run to build. A later migration that changes
    those indexes must change its rows here too.
    """
    db["_quotes_deferred"].create({"name": str, "sql": str}, pk="name")


@migration
def m014_quotes_keyed_by_rowid(db: Database) -> None:
    """``quotes`` keyed by its rowid, the quote id kept as a column with a unique index.

    The quote id is a hash, so its primary-key index took every batch's rows at random places,
    and it could not be dropped for a bulk load: rewriting its pages batch after batch was
    most of what storing wrote to disk, growing with the database. As a unique index it is
    built once at the end of a bulk load like the others. Ids, rowids and full-text search are
    kept as they are. The key is declared (``rowid INTEGER PRIMARY KEY``, an alias of the
    rowid) because Datasette 0.65 fails to page a table sorted on a column that ``_col`` leaves
    out when the table has no declared key.
    """
    triggers = [sql for (sql,) in db.execute(
        "select sql from sqlite_master where type = 'trigger' and tbl_name = 'quotes' order by name")]
    db["quotes"].transform(pk="rowid")  # rowids are copied; the table's triggers are not
    for sql in triggers:
        db.execute(sql)
    db["quotes"].create_index(["id"], unique=True)


# The title an article is listed under: its own, else the first line of its text (cut to 100
# characters), else its id. Plain SQL, so the views work in any SQLite client, not only the site.
ARTICLE_TITLE = """coalesce(nullif(trim(articles.title), ''), (
    select case when length(line) > 100 then rtrim(substr(line, 1, 99)) || '…' else nullif(line, '') end
    from (select trim(substr(body, 1, instr(body || char(10), char(10)) - 1)) as line
          from (select ltrim(substr(coalesce(articles.text, ''), 1, 2000), ' ' || char(9, 10, 13)) as body))
  ), articles.id)"""


@migration
def m016_browsing_views(db: Database) -> None:
    """Views to browse quotes, articles and speakers in Datasette: the columns a reader needs, in the
    order they read them, without full text or bookkeeping. ``rowid`` lets Datasette search them."""
    db.execute(f"""create view article_list as
select articles.id as id, {ARTICLE_TITLE} as title,
  articles.outlet as outlet, articles.author as author, articles.published as published,
  articles.quote_count as quotes, articles.url as url, articles.source as source, articles.rowid as rowid
from articles""")
    db.execute("""create view quote_list as
select quotes.speaker_name as speaker, quotes.speaker_role as role, quotes.speaker_org as organization,
  quotes.content as quote, quotes.type as type, quotes.speaker_kind as kind, quotes.outlet as outlet,
  quotes.published as published, article_list.title as article, quotes.id as id,
  quotes.article_id as article_id, quotes.speaker_id as speaker_id, quotes.rowid as rowid
from quotes left join article_list on article_list.id = quotes.article_id""")
    db.execute("""create view speaker_list as
select speakers.name as name, speakers.kind as kind, speakers.role as role,
  speakers.organization as organization, speakers.quote_count as quotes, speakers.article_count as articles,
  speakers.outlet_count as outlets, speakers.first_published as first_quoted,
  speakers.last_published as last_quoted, speakers.id as id, speakers.rowid as rowid
from speakers""")


@contextmanager
def without_trigger(db: Database, name: str) -> Iterator[None]:
    """The trigger ``name`` dropped for the block and made again after it: for a migration that fills a
    new column, which the full-text update trigger would otherwise re-index row by row, to no purpose."""
    row = db.execute("select sql from sqlite_master where type = 'trigger' and name = ?", [name]).fetchone()
    if row:
        db.execute(f"drop trigger [{name}]")
    try:
        yield
    finally:
        if row:
            db.execute(row[0])


@migration
def m020_speaker_gender(db: Database) -> None:
    """Each person's gender with where it came from (``quotes.gender``), and each quote's evidence.

    ``speakers.gender`` stays empty until the next run or ``quotes fix`` decides it; the speaker
    list shows it beside the counts.
    """
    db["quotes"].add_column("speaker_gender_evidence", str)
    db["speakers"].add_column("gender", str)
    db["speakers"].add_column("gender_evidence", str)
    db["speakers"].create_index(["gender"])
    db.execute("drop view if exists speaker_list")
    db.execute("""create view speaker_list as
select speakers.name as name, speakers.kind as kind, speakers.role as role,
  speakers.organization as organization, speakers.gender as gender, speakers.quote_count as quotes,
  speakers.article_count as articles, speakers.outlet_count as outlets, speakers.first_published as first_quoted,
  speakers.last_published as last_quoted, speakers.id as id, speakers.rowid as rowid
from speakers""")


@migration
def m021_corrections(db: Database) -> None:
    """Corrections made by people (``quotes fix`` or a corrections file), applied after every run.

    ``corrected_values`` records each value a correction changed, with the value it replaced,
    so the site can mark it and an undo can put it back.
    """
    db["corrections"].create({
        "id": int, "action": str, "subject": str, "value": str, "author": str, "created_at": str,
        "origin": str, "note": str, "digest": str, "status": str, "detail": str, "checked_at": str,
    }, pk="id")
    db["corrections"].create_index(["digest"], unique=True)
    db["corrections"].create_index(["origin"])
    db["corrected_values"].create({
        "correction_id": int, "table_name": str, "row_id": str, "field": str, "original": str, "value": str,
    }, pk=("correction_id", "table_name", "row_id", "field"),
        foreign_keys=[("correction_id", "corrections", "id")])
    db["corrected_values"].create_index(["table_name", "row_id"])


@migration
def m022_quote_variants(db: Database) -> None:
    """Quotes that changed on the way (``quotes.variants``): altered quotes, excerpts, and near-identical
    words given to two speakers, found at the end of each run."""
    db["quote_variants"].create({
        "id": int, "kind": str, "relation": str, "similarity": float, "quote_a": str, "quote_b": str,
        "speaker_a": str, "speaker_b": str, "published_a": str, "published_b": str,
    }, pk="id")
    for column in ("quote_a", "quote_b", "speaker_a", "speaker_b"):
        db["quote_variants"].create_index([column])
    db["quote_variants"].create_index(["kind", "published_b", "id"])  # a page: one kind, the latest first


@migration
def m023_quote_signatures(db: Database) -> None:
    """The MinHash signature of each canonical form (``quotes.variants``), so that a run hashes only
    the forms it brought: 60 values of 32 bits, keyed by a 64-bit hash of the form."""
    db["quote_signatures"].create({"form": int, "signature": bytes}, pk="form")


# The columns a reader needs to read a quote, in the order they read them (the quote_list view of m016).
QUOTE_LIST_COLUMNS = """quotes.speaker_name as speaker, quotes.speaker_role as role, quotes.speaker_org as organization,
  quotes.content as quote, quotes.type as type, quotes.speaker_kind as kind, quotes.outlet as outlet,
  quotes.published as published, article_list.title as article, quotes.id as id,
  quotes.article_id as article_id, quotes.speaker_id as speaker_id, quotes.rowid as rowid"""


@migration
def m025_quote_category(db: Database) -> None:
    """What each quote attributes: "speech" (said or written), "belief", "intention", "perception" or
    "evidence" (``quotes extract --scope all``). Quotes stored before are speech: the default scope
    stored nothing else."""
    db["quotes"].add_column("category", str, not_null_default="speech")
    db["quotes"].create_index(["category"])


@migration
def m026_speech_and_attribution_views(db: Database) -> None:
    """``quote_list`` lists what was said or written; ``attribution_list`` lists every attribution,
    beliefs, intentions, perception and evidence included, with its category."""
    db.execute("drop view if exists quote_list")
    db.execute(f"""create view quote_list as
select {QUOTE_LIST_COLUMNS}
from quotes left join article_list on article_list.id = quotes.article_id
where quotes.category = 'speech'""")
    db.execute(f"""create view attribution_list as
select quotes.category as category, {QUOTE_LIST_COLUMNS}
from quotes left join article_list on article_list.id = quotes.article_id""")


def schema_sql(db: Database) -> str:
    """The schema as SQL, in a stable order, without SQLite's internal and FTS shadow tables."""
    rows = db.execute(
        "select sql from sqlite_master where sql is not null and name not like 'sqlite_%' "
        "and name not glob '*_fts_*' order by type = 'trigger', type = 'index', tbl_name, name"
    ).fetchall()
    return "".join(f"{sql};\n" for (sql,) in rows)


if __name__ == "__main__":
    memory = Database(memory=True)
    migrate(memory)
    print(schema_sql(memory), end="")
