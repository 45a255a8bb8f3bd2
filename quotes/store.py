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
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from quotes.canonical import canonical_quote
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


def fold(name: str) -> str:
    """A name reduced for matching: no accents, case or punctuation (``José Núñez`` = ``jose nunez``)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


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
        table = self.db["runs"]
        table.insert({"started_at": now(), "status": "running", "tool_version": tool_version,
                      "extractor_version": extractor_version, "lexicon_hash": lexicon_hash,
                      "inputs": json.dumps(list(inputs))})
        return table.last_pk

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
        stored = 0
        with self.db.atomic():
            touched: set[str] = set()
            for article, quotes in batch:
                aid = article_id(article)
                touched.update(self._speakers_of(aid))
                self.db.execute("delete from quotes where article_id = ?", [aid])
                self.db["articles"].upsert({
                    "id": aid, "title": article.title, "url": article.url, "outlet": article.outlet,
                    "author": article.author, "published": article.published, "source": article.source,
                    "text": article.text, "content_hash": content_hash(article),
                    "extractor_version": extractor_version, "quote_count": len(quotes),
                    "run_id": run_id, "extracted_at": now(),
                }, pk="id")
                rows = self._quote_rows(aid, article, quotes)
                self.db["quotes"].insert_all(rows, batch_size=1000)
                touched.update(r["speaker_id"] for r in rows if r["speaker_id"])
                stored += len(rows)
            self.refresh_speakers(touched)
        return stored

    def _speakers_of(self, aid: str) -> set[str]:
        return {row[0] for row in self.db.execute(
            "select distinct speaker_id from quotes where article_id = ? and speaker_id is not null", [aid])}

    def _quote_rows(self, aid: str, article: Article, quotes: list[Quote]) -> list[dict]:
        rows: dict[str, dict] = {}
        for quote in quotes:
            key = speaker_key(quote.speaker, aid)
            sid = short_hash("speaker", key, length=12) if key else None
            if sid:
                self.db["speakers"].insert({"id": sid, "match_key": key, "kind": quote.speaker.kind,
                                            "name": speaker_display_name(quote.speaker), "quote_count": 0},
                                           ignore=True)
            record = quote.to_record()
            qid = quote_id(aid, quote)
            rows[qid] = {
                "id": qid, "article_id": aid, "speaker_id": sid, "content": quote.content.text,
                "type": quote.type, "speaker_name": speaker_display_name(quote.speaker),
                "speaker_as_written": record["speaker_as_written"], "speaker_kind": quote.speaker.kind,
                "speaker_role": quote.speaker.role, "speaker_org": quote.speaker.organization,
                "cue": record["cue"], "rule": quote.rule, "confidence": quote.confidence,
                "outlet": article.outlet, "published": article.published,
                "start": quote.content.start, "end": quote.content.end,
                "speaker_start": record["speaker_start"], "speaker_end": record["speaker_end"],
                "cue_start": record["cue_start"], "cue_end": record["cue_end"],
                "sentence": quote.sentence, "paragraph": quote.paragraph,
                "continuation": int(quote.continuation), "quote_group": quote.group,
                "extra": json.dumps(quote.extra) if quote.extra else None,
                "canonical": canonical_quote(quote.content.text),
            }
        return list(rows.values())

    def refresh_speakers(self, speaker_ids: Iterable[str]) -> None:
        """Recompute name, role, organisation, aliases and counts of speakers from their quotes.

        The most frequent value wins, so one odd mention does not rename a speaker; speakers with
        no quotes left are removed.
        """
        for sid in speaker_ids:
            rows = list(self.db.query(
                "select article_id, speaker_name, speaker_as_written, speaker_role, speaker_org, outlet, "
                "published from quotes where speaker_id = ?", [sid]))
            if not rows:
                self.db.execute("delete from speakers where id = ?", [sid])
                continue

            def most_common(column: str, rows: list[dict] = rows) -> str | None:
                counts = Counter(r[column] for r in rows if r[column])
                return counts.most_common(1)[0][0] if counts else None

            aliases = Counter(r["speaker_name"] for r in rows if r["speaker_name"])
            aliases.update(r["speaker_as_written"] for r in rows
                           if r["speaker_as_written"] and fold(r["speaker_as_written"]) not in PRONOUNS)
            dates = sorted(r["published"] for r in rows if r["published"])
            self.db["speakers"].update(sid, {
                "name": most_common("speaker_name"), "role": most_common("speaker_role"),
                "organization": most_common("speaker_org"),
                "aliases": json.dumps([alias for alias, _ in aliases.most_common()], ensure_ascii=False),
                "quote_count": len(rows), "article_count": len({r["article_id"] for r in rows}),
                "outlet_count": len({r["outlet"] for r in rows if r["outlet"]}),
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
            })
