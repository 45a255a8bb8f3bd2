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
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from quotes.canonical import canonical_quote
from quotes.identity import Link, Name, fold, links, majority, person_key
from quotes.location import DB_ENV, DEFAULT_DB, default_db_path  # noqa: F401 - the store's names for them
from quotes.migrations import DatabaseProblem, check_database, migrate
from quotes.model import Quote, Span, Speaker
from quotes.readers import Article

PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "he", "him", "his", "she", "her", "hers",
    "it", "its", "they", "them", "their", "this", "that", "who",
})


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
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:length]


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


def speaker_key(speaker: Speaker, article: str) -> str | None:
    """What identifies a speaker across articles, or None for a quote with no known speaker.

    People match on forename and surname: "Rubio" alone never joins "Marco Rubio" here (the run's
    end links surnames, with the evidence kept), and "Ana Diaz" never joins "Luis Diaz".
    Organisations match on their name without a leading "the". Anonymous sources, and
    descriptions that could not be resolved, stay within their article.
    """
    name = speaker.name or (speaker.mention.text if speaker.mention else None)
    folded = fold(name or "")
    if not folded or folded in PRONOUNS:
        return None
    if speaker.kind == "organization":
        key = re.sub(r"^the ", "", folded)
        return f"organization:{key}" if key and key not in PRONOUNS else None
    if speaker.kind == "anonymous":
        return f"anonymous:{article}:{folded}"
    if speaker.resolution == "unresolved":  # "the billionaire mogul" names nobody beyond its article
        return f"unresolved:{article}:{folded}"
    if speaker.kind == "person":
        return f"person:{person_key(name)}"
    return None


def speaker_id(key: str) -> str:
    """The id of the speaker row with match key ``key``."""
    return short_hash("speaker", key, length=12)


def speaker_display_name(speaker: Speaker) -> str | None:
    return speaker.name or (speaker.mention.text if speaker.mention else None)


QUOTE_COLUMNS = (
    "id", "article_id", "speaker_id", "content", "type", "speaker_name", "speaker_as_written", "speaker_kind",
    "speaker_role", "speaker_org", "cue", "rule", "confidence", "outlet", "published", "start", "end",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence", "paragraph", "continuation",
    "quote_group", "extra", "canonical", "speaker_role_start", "speaker_role_end", "speaker_role_expanded",
    "speaker_org_start", "speaker_org_end", "speaker_gender", "speaker_resolution", "speaker_name_start",
    "speaker_name_end", "category",
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
            speaker.resolution, *_parts(speaker.antecedent)[1:], quote.category,
        )
    row = {
        "id": aid, "title": article.title, "url": article.url, "outlet": article.outlet,
        "author": article.author, "published": article.published, "crawled": article.crawled,
        "source": article.source, "text": article.text, "content_hash": content_hash(article),
        "extractor_version": extractor_version, "quote_count": len(rows),
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
        """
        with self.db.atomic():
            stored = self.write([stored_article(a, q, extractor_version) for a, q in batch], run_id)
            self.refresh_pending()
        return stored

    def write(self, batch: list[StoredArticle], run_id: int | None) -> int:
        """Store a batch of extracted articles in one transaction; returns quotes stored.

        The bulk path of a run: rows were built by the worker that extracted them, so this only
        writes. Speakers the batch touches are marked (``quote_count`` empty) rather than
        recomputed, because recomputing a much-quoted speaker after every batch costs time
        that grows with the corpus; :meth:`refresh_pending` recomputes them once, at the end of
        the run, and a run that was killed leaves the marks for the next run to finish.
        """
        latest: dict[str, StoredArticle] = {}
        for item in batch:  # an article given twice in one batch: the later text wins, as in two batches
            latest[item.article["id"]] = item
        ids = list(latest)
        with self.db.atomic():
            touched = self._speakers_of(ids)
            for chunk in chunked(ids):
                self.db.execute(f"delete from quotes where article_id in ({marks(chunk)})", chunk)
            last_quote, last_article = (self.db.execute(f"select coalesce(max(rowid), 0) from {table}").fetchone()[0]
                                        for table in ("quotes", "articles"))
            extracted_at = now()
            self.db["articles"].upsert_all(
                ({**item.article, "run_id": run_id, "extracted_at": extracted_at} for item in latest.values()),
                pk="id", batch_size=500)
            speakers: dict[str, dict] = {}
            for item in latest.values():
                for row in item.speakers:
                    speakers.setdefault(row["id"], row)
            self.db["speakers"].insert_all(speakers.values(), ignore=True, batch_size=500)
            touched.update(speakers)
            for chunk in chunked(sorted(touched)):
                self.db.execute(f"update speakers set quote_count = null where id in ({marks(chunk)})", chunk)
            rows = [row for item in latest.values() for row in item.quotes]
            # sqlite-utils' list mode (column names, then value tuples): a third faster than dicts
            self.db["quotes"].insert_all(itertools.chain([QUOTE_COLUMNS], rows), batch_size=1000)
            # new rows only (an updated article is re-indexed by its update trigger): see migration m005
            self.db.execute("insert into quotes_fts (rowid, content) select rowid, content from quotes "
                            "where rowid > ?", [last_quote])
            self.db.execute("insert into articles_fts (rowid, title, text) select rowid, title, text "
                            "from articles where rowid > ?", [last_article])
        return len(rows)

    def _speakers_of(self, article_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunked(article_ids):
            found.update(row[0] for row in self.db.execute(
                f"select distinct speaker_id from quotes where article_id in ({marks(chunk)}) "
                "and speaker_id is not null", chunk))
        return found

    def refresh_pending(self) -> int:
        """Link names across articles, then recompute every speaker marked by :meth:`write` or by
        the links; returns how many were recomputed."""
        self.link_speakers()
        pending = [row[0] for row in self.db.execute("select id from speakers where quote_count is null")]
        self.refresh_speakers(pending)
        return len(pending)

    def link_speakers(self) -> list[Link]:
        """Point the quotes of a surname quoted alone, or of an acronym, at the one entity it names
        in the database (:mod:`quotes.identity`), and undo links that no longer hold.

        Decided afresh from every stored name at the end of each run, so the rows are the same
        however the articles were split over runs, workers or shards. Each link is kept in
        ``speaker_links`` with its reason.
        """
        tallies: dict[tuple[str, str], dict] = {}
        for kind, name, gender, count in self.db.execute(
                "select speaker_kind, speaker_name, speaker_gender, count(*) from quotes "
                "where speaker_kind in ('person', 'organization') and speaker_name is not null "
                "and coalesce(speaker_resolution, '') != 'unresolved' "
                "group by speaker_kind, speaker_name, speaker_gender"):
            key = speaker_key(Speaker(None, name, kind), "")
            if key is None:
                continue
            entry = tallies.setdefault((kind, key), {"names": Counter(), "genders": Counter()})
            entry["names"][name] += count
            entry["genders"][gender] += count
        names = [Name(kind, key, entry["names"].most_common(1)[0][0], sum(entry["names"].values()),
                      majority(entry["genders"])) for (kind, key), entry in sorted(tallies.items())]
        found = links(names)
        wanted = {link.alias.key: link for link in found}
        current = {row["alias_key"]: row["speaker_id"] for row in self.db["speaker_links"].rows}
        spoken = {(kind, key): list(entry["names"]) for (kind, key), entry in tallies.items()}
        for alias_key in sorted(set(wanted) | set(current)):
            link = wanted.get(alias_key)
            own = speaker_id(alias_key)
            target = speaker_id(link.target.key) if link else own
            previous = current.get(alias_key, own)
            kind = alias_key.split(":", 1)[0]
            if link is None:
                self.db["speakers"].insert({"id": own, "match_key": alias_key, "kind": kind, "name": None,
                                            "quote_count": None}, ignore=True)
            for name in spoken.get((kind, alias_key), []):
                self.db.execute("update quotes set speaker_id = ? where speaker_id in (?, ?) and speaker_name = ? "
                                "and speaker_kind = ?", [target, own, previous, name, kind])
            self.db.execute("update speakers set quote_count = null where id in (?, ?, ?)", [own, target, previous])
            if link is None:
                self.db["speaker_links"].delete_where("alias_key = ?", [alias_key])
            else:
                self.db["speaker_links"].upsert({"alias_key": alias_key, "alias_name": link.alias.name, "kind": kind,
                                                 "speaker_id": target, "quotes": link.alias.quotes,
                                                 "reason": link.reason}, pk="alias_key")
        return found

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

        def tallies(column: str) -> dict[str, list[tuple[str, int, int]]]:
            """``{speaker: [(value, count, first rowid)]}`` over the non-empty values of a column."""
            found: dict[str, list[tuple[str, int, int]]] = {}
            for sid, value, count, first in self.db.execute(
                    f"select speaker_id, {column}, count(*), min(rowid) from quotes "
                    f"where {where} and coalesce({column}, '') != '' group by speaker_id, {column}", ids):
                found.setdefault(sid, []).append((value, count, first))
            return found

        names, roles, orgs, written = (tallies(c) for c in (
            "speaker_name", "speaker_role", "speaker_org", "speaker_as_written"))
        for sid in ids:
            if sid not in totals:
                self.db.execute("delete from speakers where id = ?", [sid])
                continue
            quote_count, article_count, outlet_count, first, last = totals[sid]
            self.db["speakers"].update(sid, {
                "name": most_common(full_names(names.get(sid, []))), "role": most_common(roles.get(sid, [])),
                "organization": most_common(orgs.get(sid, [])),
                "aliases": json.dumps(aliases(names.get(sid, []), written.get(sid, [])), ensure_ascii=False),
                "quote_count": quote_count, "article_count": article_count, "outlet_count": outlet_count,
                "first_published": first, "last_published": last,
            })


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


def marks(items: list[str]) -> str:
    return ", ".join("?" * len(items))
