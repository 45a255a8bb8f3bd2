"""What makes two inputs the same article, and what a run does when two inputs claim one.

An article's **id** is the id its input gives, else a hash of its URL, else of its file (and line).
Its **text fingerprint** is a hash of its text with runs of white space folded, so the same story
saved twice, or scraped from an AMP and a desktop page, has one fingerprint.

Before an extracted article is stored, :class:`Identities` compares it with what this run and
the database already hold, in input order, so that no input silently replaces or doubles another:

- the **same id and the same text** as an earlier input is the same article read twice: stored once;
- the **same id with another text from another file** is a collision (two files that number
  their rows from 1, say): the later input is skipped and reported, unless ``replace`` is set
  (``--replace``: a corrected feed that is meant to replace what it gave before);
- the same id from the **same file** as the stored article is that file read again after an edit:
  it replaces the stored article, as a re-run should;
- the **same text under another id, from the same outlet** (or with no outlet) is a copy of an
  article already stored: skipped and reported, so quotes are not counted twice and "repeated
  quotes" never lists an article with its own copy. The same text from **another outlet** is a
  syndicated story, a real second publication, and is stored; ``articles.text_hash`` lets a page
  tell such copies apart.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from quotes.readers import ReadError
    from quotes.store import StoredArticle

LINE_OR_OFFSET = re.compile(r"(?::\d+|@\d+)$")  # "file.jsonl:12", "crawl.warc.gz@4096"


def text_hash(text: str) -> str:
    """The text's fingerprint: a hash of its words, white space folded."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def source_file(source: str) -> str:
    """The file an article came from: its source without the record's line or offset, made absolute."""
    name = LINE_OR_OFFSET.sub("", source or "")
    return name if name.startswith("<") else str(Path(name).absolute())


@dataclass
class Seen:
    """What identifies an article already met: where it came from, its text and its outlet."""

    source: str
    text_hash: str
    outlet: str


class Identities:
    """Checks each extracted article against those met before it (this run, then the database).

    What this run met is kept in two temporary tables of the database's connection, not in
    dictionaries: SQLite holds their pages in a small cache and spills the rest to a temporary
    file, where dictionaries of ids, sources and fingerprints held about 600 bytes an article (30
    MB of the writer's memory on 1 GB of news). Temporary tables are the connection's own: nothing
    of them is written to the database file.
    """

    def __init__(self, db: Database, replace: bool = False):
        self.db = db
        self.replace = replace
        for table, columns in (("met_ids", "id text primary key, source text, text_hash text, outlet text"),
                               ("met_texts", "text_hash text, outlet text, id text, source text, "
                                             "primary key (text_hash, outlet)")):
            db.execute(f"drop table if exists temp.{table}")
            db.execute(f"create temp table {table} ({columns}) without rowid")
        # Into a database with no article yet, every article stored is one this run met, so the
        # database is never asked; a first load also puts off its indexes (Store.defer_indexes), and
        # the question by text fingerprint would read every stored article's text for each new one.
        self.earlier_runs = bool(db.execute("select exists (select 1 from main.articles)").fetchone()[0])

    def check(self, item: StoredArticle) -> StoredArticle | ReadError:
        """``item`` when it may be stored, else the ReadError that says which article it would replace or double."""
        from quotes.readers import ReadError

        row = item.article
        this = Seen(row["source"], row["text_hash"], row["outlet"] or "")
        aid = row["id"]
        earlier, in_run = self._met(aid), True
        if earlier is None:
            earlier, in_run = self._stored(aid), False
        if earlier is not None:
            if earlier.text_hash == this.text_hash and (in_run or source_file(earlier.source) != source_file(
                    this.source)):
                return ReadError(row["source"], f"the same article as {earlier.source} (same id '{aid}' and text): "
                                                "stored once")
            same_file = source_file(earlier.source) == source_file(this.source)
            if earlier.text_hash != this.text_hash and (in_run or not same_file) and not self.replace:
                return ReadError(row["source"], f"id '{aid}' is already the article from {earlier.source}, with "
                                                "another text: not replaced. Give each input its own ids (--field "
                                                "id=NAME, or --field id= to number records by file and line), "
                                                "or pass --replace if this input corrects the other")
        else:
            copy = self._met_text(this) or self._stored_text(this)
            if copy is not None and copy[0] != aid:
                return ReadError(row["source"], f"the same text as the article '{copy[0]}' from {copy[1]}"
                                                f"{' in ' + this.outlet if this.outlet else ''}: stored once")
        self._remember(aid, this, "replace")
        return item

    def saw(self, aid: str, source: str, text_hash: str, outlet: str) -> None:
        """Record an article this run met and left as it was stored (unchanged)."""
        self._remember(aid, Seen(source, text_hash, outlet), "ignore")

    def _remember(self, aid: str, this: Seen, same_id: str) -> None:
        """Record ``this`` under ``aid`` (``same_id``: "replace" or "ignore" an earlier record of the id);
        a text keeps the first id met with it."""
        self.db.execute(f"insert or {same_id} into temp.met_ids values (?, ?, ?, ?)",
                        [aid, this.source, this.text_hash, this.outlet])
        self.db.execute("insert or ignore into temp.met_texts values (?, ?, ?, ?)",
                        [this.text_hash, this.outlet, aid, this.source])

    def _met(self, aid: str) -> Seen | None:
        row = self.db.execute("select source, text_hash, outlet from temp.met_ids where id = ?", [aid]).fetchone()
        return Seen(*row) if row else None

    def _met_text(self, this: Seen) -> tuple[str, str] | None:
        row = self.db.execute("select id, source from temp.met_texts where text_hash = ? and outlet = ?",
                              [this.text_hash, this.outlet]).fetchone()
        return tuple(row) if row else None

    def _stored(self, aid: str) -> Seen | None:
        if not self.earlier_runs:
            return None
        row = self.db.execute("select source, text_hash, coalesce(outlet, '') from main.articles where id = ?",
                              [aid]).fetchone()
        return Seen(*row) if row else None

    def _stored_text(self, this: Seen) -> tuple[str, str] | None:
        if not this.text_hash or not self.earlier_runs:
            return None
        row = self.db.execute("select id, source from main.articles where text_hash = ? and coalesce(outlet, '') = ? "
                              "limit 1", [this.text_hash, this.outlet]).fetchone()
        return tuple(row) if row else None
