"""Read-only questions the CLI asks of a quotes database: search, top speakers, articles, export."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

QUOTE_FIELDS = ("content", "start", "end", "speaker", "speaker_as_written", "speaker_start", "speaker_end",
                "cue", "cue_start", "cue_end", "type", "speaker_kind", "speaker_role", "speaker_role_start",
                "speaker_role_end", "speaker_role_expanded", "speaker_org", "speaker_org_start", "speaker_org_end",
                "speaker_gender", "speaker_gender_evidence", "speaker_resolution", "rule", "confidence", "sentence",
                "paragraph", "continuation", "group")


def context(text: str, start: int, end: int, width: int = 80) -> str:
    """The quote with up to ``width`` characters either side, cut at word boundaries, on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    if start - width > 0 and " " in left:
        left = "…" + left.split(" ", 1)[1]
    if end + width < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0] + "…"
    return " ".join((left + text[start:end] + right).split())


def fts_query(query: str) -> str:
    """Plain words as an FTS5 query: every word must appear; quotes and operators are neutralised."""
    words = [w.replace('"', "") for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w)


def search(db: Database, query: str, *, limit: int = 20, speaker: str | None = None,
           quote_type: str | None = None, raw: bool = False) -> list[dict]:
    """Quotes matching a full-text query, best match first, with speaker, article and context.

    ``raw`` passes FTS5 syntax through (``ukraine NOT russia``, ``"peace talks"``, ``sanction*``).
    """
    where = ["quotes_fts match :query"]
    params: dict = {"query": query if raw else fts_query(query), "limit": limit}
    if speaker:
        where.append("(quotes.speaker_name like :speaker or speakers.aliases like :speaker)")
        params["speaker"] = f"%{speaker}%"
    if quote_type:
        where.append("quotes.type = :type")
        params["type"] = quote_type
    sql = f"""
        select quotes.id, quotes.content, quotes.type, quotes.speaker_name as speaker,
               quotes.speaker_role as role, quotes.speaker_org as organization, quotes.cue,
               articles.id as article_id, articles.title, articles.outlet, articles.published,
               articles.text, quotes.start, quotes."end"
        from quotes_fts
        join quotes on quotes.rowid = quotes_fts.rowid
        join articles on articles.id = quotes.article_id
        left join speakers on speakers.id = quotes.speaker_id
        where {' and '.join(where)}
        order by quotes_fts.rank
        limit :limit"""
    try:
        rows = list(db.query(sql, params))
    except sqlite3.OperationalError as error:
        raise ValueError(f"invalid search query {query!r}: {error}") from None
    for row in rows:
        row["context"] = context(row.pop("text"), row.pop("start"), row.pop("end"))
    return rows


def top_speakers(db: Database, top: int = 20, kind: str | None = None) -> list[dict]:
    """The most-quoted speakers with role, organisation and how widely they are quoted."""
    where = "where kind = :kind" if kind else "where kind != 'anonymous'"
    return list(db.query(
        f"""select name, kind, role, organization, gender, quote_count as quotes, article_count as articles,
                   outlet_count as outlets, aliases, gender_evidence, id
            from speakers {where} order by quote_count desc, article_count desc, name limit :top""",
        {"kind": kind, "top": top}))


# Each article with ``heading``: its title, else its first line (the article_list view's title).
ARTICLES = "select articles.*, article_list.title as heading from articles join article_list using (id)"


def find_articles(db: Database, ref: str) -> list[dict]:
    """Articles matching an id exactly, else a source path, heading or URL containing ``ref``."""
    exact = list(db.query(f"{ARTICLES} where articles.id = ?", [ref]))
    if exact:
        return exact
    like = f"%{ref}%"
    return list(db.query(
        f"{ARTICLES} where articles.source like ? or article_list.title like ? or articles.url like ? "
        "order by heading", [like, like, like]))


def article_quotes(db: Database, aid: str) -> list[dict]:
    """The quotes of one article in text order."""
    return list(db.query('select * from quotes where article_id = ? order by start, "end"', [aid]))


def quote_record(row: dict) -> dict:
    """A stored quote in the evaluation format (shared/eval/FORMAT.md), as ``Quote.to_record`` gives."""
    record = {name: row.get(name) for name in QUOTE_FIELDS}
    record["speaker"] = row["speaker_name"]
    record["group"] = row["quote_group"]
    record["continuation"] = bool(row["continuation"])
    record["id"] = row["id"]
    record["speaker_id"] = row["speaker_id"]
    if row.get("extra"):
        record["extra"] = json.loads(row["extra"])
    return record


def export_articles(db: Database) -> Iterator[dict]:
    """Every article with its quotes nested: a file ``quotes extract`` and ``evaluate`` can read back."""
    for article in db.query("select * from articles order by published, id"):
        yield {
            "id": article["id"], "title": article["title"], "url": article["url"],
            "outlet": article["outlet"], "author": article["author"], "date": article["published"],
            "source": article["source"], "text": article["text"],
            "quotes": [quote_record(q) for q in article_quotes(db, article["id"])],
        }


def export_quotes(db: Database) -> Iterator[dict]:
    """Every quote as one flat row with its article's metadata, for spreadsheets."""
    yield from db.query(
        """select quotes.id, quotes.article_id, article_list.title as article_title, articles.url as article_url,
                  articles.outlet, articles.published, quotes.content, quotes.type,
                  quotes.speaker_name as speaker,
                  quotes.speaker_id, quotes.speaker_as_written, quotes.speaker_resolution, quotes.speaker_kind,
                  quotes.speaker_role, quotes.speaker_org, quotes.speaker_gender, quotes.speaker_gender_evidence,
                  quotes.cue, quotes.rule,
                  quotes.confidence, quotes.start, quotes."end",
                  quotes.continuation, quotes.quote_group
           from quotes join articles on articles.id = quotes.article_id
           join article_list on article_list.id = quotes.article_id
           order by articles.published, quotes.article_id, quotes.start""")
