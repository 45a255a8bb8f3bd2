"""The SQL behind the site's pages, run through Datasette's own database connections.

Every function takes a ``datasette.database.Database`` and returns plain dicts, so the page
handlers only arrange data for their templates. Full-text queries go through ``fts_query``:
what a reader types is matched as words, never as FTS5 syntax that could fail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from quotes.queries import fts_query

# Occurrences of one canonical form, oldest first: undated articles last, then by article and offset.
OCCURRENCE_ORDER = "quotes.published is null, quotes.published, quotes.article_id, quotes.start"
# An article's title as the site shows it (its first line when it has none), from the article_list view.
TITLE = "(select article_list.title from article_list where article_list.id = articles.id)"
VIEWS = {"quote_list", "article_list", "speaker_list"}


async def fetch(db, sql: str, params: dict | list | None = None) -> list[dict]:
    return [dict(row) for row in (await db.execute(sql, params or {})).rows]


async def fetch_one(db, sql: str, params: dict | list | None = None) -> dict | None:
    rows = await fetch(db, sql, params)
    return rows[0] if rows else None


async def is_quotes_database(db) -> bool:
    return {"articles", "quotes", "speakers"} <= set(await db.table_names())


async def is_upgraded(db) -> bool:
    """False for a database made by an older version of quotes and not opened by a quotes command since."""
    return set(await db.view_names()) >= VIEWS


async def speaker_links(db, speaker_id: str) -> list[dict]:
    """The names joined to a speaker across articles, with why (``Store.link_speakers``)."""
    if "speaker_links" not in await db.table_names():
        return []
    return await fetch(db, "select alias_name, quotes, reason from speaker_links where speaker_id = :id "
                           "order by quotes desc, alias_name", {"id": speaker_id})


async def has_canonical(db) -> bool:
    """False for a database made before quotes had a canonical form and not upgraded since."""
    return "canonical" in await db.table_columns("quotes")


def prefix_query(query: str) -> str:
    """Plain words as FTS5 prefixes, for names typed in part ("okaf" finds "Okafor")."""
    return " ".join(f"{word}*" for word in fts_query(query).split())


# ----- repeated quotes -------------------------------------------------------------------------


async def repeats(db, scope_sql: str, params: dict | list) -> dict[str, dict]:
    """For every quote in scope whose words appear in more than one article: where they first appeared.

    ``scope_sql`` selects quote ids. Returns ``{canonical: {"articles": n, "first": quote}}``.
    """
    if not await has_canonical(db):
        return {}
    rows = await fetch(db, f"""
        with scope as (
          select distinct canonical from quotes where id in ({scope_sql}) and canonical != ''
        ), repeated as (
          select canonical, count(distinct article_id) as articles from quotes
          where canonical in (select canonical from scope) group by canonical having articles > 1
        ), occurrences as (
          select quotes.id, quotes.canonical, quotes.article_id, quotes.outlet, quotes.published,
                 quotes.speaker_name, repeated.articles,
                 row_number() over (partition by quotes.canonical order by {OCCURRENCE_ORDER}) as position
          from quotes join repeated on repeated.canonical = quotes.canonical
        )
        select * from occurrences where position = 1""", params)
    return {row["canonical"]: {"articles": row["articles"], "first": row} for row in rows}


async def repeated_groups(db, limit: int = 200, per_group: int = 10) -> list[dict]:
    """Quotes whose canonical form appears in more than one article, the most repeated first.

    Each group carries its first ``per_group`` occurrences, oldest first; the quote page has them all.
    """
    groups = await fetch(db, """
        select canonical, count(*) as quotes, count(distinct article_id) as articles,
               count(distinct outlet) as outlets, count(distinct speaker_id) as speakers,
               min(published) as first_published
        from quotes where canonical is not null and canonical != ''
        group by canonical having count(distinct article_id) > 1
        order by articles desc, outlets desc, first_published, canonical
        limit :limit""", {"limit": limit})
    if not groups:
        return []
    members = await occurrences(db, [g["canonical"] for g in groups], per_group)
    for group in groups:
        group["occurrences"] = members[group["canonical"]]
    return groups


async def occurrences(db, canonicals: list[str], per_group: int = 1_000_000) -> dict[str, list[dict]]:
    """The first ``per_group`` quotes with each of these canonical forms, with their article, oldest first."""
    found: dict[str, list[dict]] = {c: [] for c in canonicals}
    for offset in range(0, len(canonicals), 500):  # stay far below SQLite's variable limit
        chunk = canonicals[offset:offset + 500]
        params = {f"c{i}": c for i, c in enumerate(chunk)}
        rows = await fetch(db, f"""
            with ranked as (
              select quotes.*, row_number() over (partition by quotes.canonical order by {OCCURRENCE_ORDER}) as position
              from quotes where quotes.canonical in ({", ".join(":" + k for k in params)})
            )
            select ranked.*, {TITLE} as title from ranked join articles on articles.id = ranked.article_id
            where ranked.position <= :per_group order by ranked.canonical, ranked.position""",
                               {**params, "per_group": per_group})
        for row in rows:
            found[row["canonical"]].append(row)
    return found


# ----- speakers --------------------------------------------------------------------------------


async def speaker_counts(db, speaker_id: str) -> dict:
    """A speaker's figures counted from their quotes, for while a run has not yet stored them."""
    return await fetch_one(db, """
        select count(*) as quote_count, count(distinct article_id) as article_count,
               count(distinct outlet) as outlet_count, min(published) as first_published,
               max(published) as last_published
        from quotes where speaker_id = :id""", {"id": speaker_id})


async def speaker_quotes(db, speaker_id: str, limit: int) -> list[dict]:
    return await fetch(db, f"""
        select quotes.*, {TITLE} as title from quotes join articles on articles.id = quotes.article_id
        where quotes.speaker_id = :id order by {OCCURRENCE_ORDER} limit :limit""",
                       {"id": speaker_id, "limit": limit})


async def speaker_days(db, speaker_id: str) -> list[dict]:
    """Quotes per publication day and type: what the timeline is drawn from."""
    return await fetch(db, """
        select substr(published, 1, 10) as day, type, count(*) as quotes from quotes
        where speaker_id = :id group by day, type""", {"id": speaker_id})


async def speaker_values(db, speaker_id: str, column: str) -> list[dict]:
    """The distinct values of ``column`` (a role, an organisation, an outlet) over a speaker's quotes."""
    assert column in {"speaker_role", "speaker_org", "outlet"}
    return await fetch(db, f"""
        select {column} as value, count(*) as quotes, count(distinct article_id) as articles,
               min(published) as first_published, max(published) as last_published
        from quotes where speaker_id = :id and {column} is not null
        group by {column} order by quotes desc, value""", {"id": speaker_id})


async def top_speakers(db, limit: int = 300) -> list[dict]:
    return await fetch(db, """
        select id, name, kind, quote_count from speakers where kind != 'anonymous'
        order by quote_count desc, name limit :limit""", {"limit": limit})


# ----- search ----------------------------------------------------------------------------------

MARK_START, MARK_END = "\x02", "\x03"


async def search_quotes(db, query: str, limit: int) -> tuple[int, list[dict]]:
    """Quotes whose words match, best first, with matched words marked and the text around them."""
    match = {"match": fts_query(query), "limit": limit, "width": 160}
    total = (await fetch_one(db, "select count(*) as n from quotes_fts where quotes_fts match :match", match))["n"]
    rows = await fetch(db, f"""
        select quotes.*, {TITLE} as title,
               highlight(quotes_fts, 0, char(2), char(3)) as marked,
               substr(articles.text, max(1, quotes.start - :width + 1), min(quotes.start, :width)) as before,
               substr(articles.text, quotes."end" + 1, :width) as after
        from quotes_fts
        join quotes on quotes.rowid = quotes_fts.rowid
        join articles on articles.id = quotes.article_id
        where quotes_fts match :match
        order by quotes_fts.rank limit :limit""", match)
    return total, rows


async def search_speakers(db, query: str, limit: int) -> tuple[int, list[dict]]:
    match = {"match": prefix_query(query), "limit": limit}
    total = (await fetch_one(db, "select count(*) as n from speakers_fts where speakers_fts match :match",
                             match))["n"]
    rows = await fetch(db, """
        select speakers.* from speakers_fts join speakers on speakers.rowid = speakers_fts.rowid
        where speakers_fts match :match
        order by speakers.kind = 'anonymous', speakers.quote_count desc, speakers.name limit :limit""", match)
    return total, rows


async def search_articles(db, query: str, limit: int) -> tuple[int, list[dict]]:
    match = {"match": fts_query(query), "limit": limit}
    total = (await fetch_one(db, "select count(*) as n from articles_fts where articles_fts match :match",
                             match))["n"]
    rows = await fetch(db, f"""
        select articles.id, {TITLE} as title, articles.outlet, articles.published, articles.quote_count,
               highlight(articles_fts, 0, char(2), char(3)) as marked_title,
               snippet(articles_fts, 1, char(2), char(3), '…', 30) as snippet
        from articles_fts join articles on articles.rowid = articles_fts.rowid
        where articles_fts match :match order by articles_fts.rank limit :limit""", match)
    return total, rows


# ----- outlets ---------------------------------------------------------------------------------


@dataclass
class Scope:
    """Which quotes an outlet comparison covers: one speaker's, those on a topic, or all."""

    speaker: str | None = None
    topic: str | None = None

    def where(self, with_speaker: bool = True) -> tuple[str, dict]:
        clauses, params = ["1 = 1"], {}
        if self.speaker and with_speaker:
            clauses.append("quotes.speaker_id = :speaker")
            params["speaker"] = self.speaker
        if self.topic:
            clauses.append("quotes.rowid in (select rowid from quotes_fts where quotes_fts match :topic)")
            params["topic"] = fts_query(self.topic)
        return " and ".join(clauses), params


async def outlet_summary(db, scope: Scope) -> list[dict]:
    where, params = scope.where()
    return await fetch(db, f"""
        select quotes.outlet, count(distinct quotes.article_id) as articles, count(*) as quotes,
               sum(quotes.type = 'direct') as direct, sum(quotes.type = 'indirect') as indirect,
               sum(quotes.type = 'mixed') as mixed,
               count(distinct case when quotes.speaker_kind != 'anonymous' then quotes.speaker_id end) as speakers,
               sum(quotes.speaker_kind = 'anonymous') as anonymous,
               sum(quotes.speaker_id is null) as unattributed,
               min(quotes.published) as first_published, max(quotes.published) as last_published
        from quotes where {where}
        group by quotes.outlet order by quotes desc, quotes.outlet is null, quotes.outlet""", params)


async def speaker_outlet_counts(db, scope: Scope) -> list[dict]:
    """Quotes per named speaker (people and organisations) and outlet."""
    where, params = scope.where()
    return await fetch(db, f"""
        select quotes.speaker_id, speakers.name, speakers.kind, quotes.outlet, count(*) as quotes
        from quotes join speakers on speakers.id = quotes.speaker_id
        where {where} and speakers.kind != 'anonymous'
        group by quotes.speaker_id, quotes.outlet""", params)


async def anonymous_phrases(db, scope: Scope) -> list[dict]:
    """How each outlet words its unnamed sources ("a senior official", "people close to the talks")."""
    where, params = scope.where(with_speaker=False)
    return await fetch(db, f"""
        select quotes.outlet, lower(quotes.speaker_name) as phrase, count(*) as quotes
        from quotes where {where} and quotes.speaker_kind = 'anonymous'
        group by quotes.outlet, phrase order by quotes desc, phrase""", params)


async def anonymous_by_outlet(db, scope: Scope) -> list[dict]:
    where, params = scope.where(with_speaker=False)
    return await fetch(db, f"""
        select quotes.outlet, count(*) as quotes, sum(quotes.speaker_kind = 'anonymous') as anonymous
        from quotes where {where}
        group by quotes.outlet order by 1.0 * anonymous / count(*) desc, quotes desc""", params)


async def scoped_quotes(db, scope: Scope, limit: int) -> list[dict]:
    where, params = scope.where()
    return await fetch(db, f"""
        select quotes.*, {TITLE} as title from quotes join articles on articles.id = quotes.article_id
        where {where} order by quotes.outlet is null, quotes.outlet, {OCCURRENCE_ORDER} limit :limit""",
                       {**params, "limit": limit})


# ----- who gets a voice ------------------------------------------------------------------------

# People quoted (distinct person speakers) and their quotes, by the gender of ``speakers``: shared by
# the outlet page and the canned query. Unknown is counted as a gender of its own, never spread.
GENDER_COUNTS = """count(distinct quotes.speaker_id) as people,
  count(distinct case when speakers.gender = 'female' then quotes.speaker_id end) as women,
  count(distinct case when speakers.gender = 'male' then quotes.speaker_id end) as men,
  count(distinct case when speakers.gender = 'nonbinary' then quotes.speaker_id end) as nonbinary,
  count(distinct case when coalesce(speakers.gender, 'unknown') = 'unknown' then quotes.speaker_id end) as unknown,
  count(*) as quotes,
  sum(speakers.gender = 'female') as quotes_by_women,
  sum(coalesce(speakers.gender, 'unknown') = 'unknown') as quotes_by_unknown"""


async def has_gender(db) -> bool:
    """False for a database made before speakers had a gender and not upgraded since."""
    return "gender" in await db.table_columns("speakers")


async def voices(db, scope: Scope, by_month: bool) -> list[dict]:
    """People quoted by each outlet (and month), by gender, with their quotes."""
    where, params = scope.where()
    month = "substr(quotes.published, 1, 7)" if by_month else "null"
    return await fetch(db, f"""
        select quotes.outlet, {month} as month, {GENDER_COUNTS}
        from quotes join speakers on speakers.id = quotes.speaker_id
        where {where} and speakers.kind = 'person'
        group by quotes.outlet, month
        order by quotes.outlet is null, quotes.outlet, month is null, month""", params)


# ----- quotes that changed on the way ----------------------------------------------------------

VARIANT_KINDS = ("altered", "excerpt", "two_speakers")


async def has_variants(db) -> bool:
    return "quote_variants" in await db.table_names()


async def variant_counts(db) -> dict[str, int]:
    rows = await fetch(db, "select kind, count(*) as n from quote_variants group by kind")
    return {kind: 0 for kind in VARIANT_KINDS} | {row["kind"]: row["n"] for row in rows}


VARIANT_SIDES = """
  a.content as content_a, a.article_id as article_a, a.outlet as outlet_a, a.speaker_name as speaker_name_a,
  a.type as type_a,
  (select article_list.title from article_list where article_list.id = a.article_id) as title_a,
  b.content as content_b, b.article_id as article_b, b.outlet as outlet_b, b.speaker_name as speaker_name_b,
  b.type as type_b,
  (select article_list.title from article_list where article_list.id = b.article_id) as title_b"""


async def variants(db, kind: str, limit: int, speaker: str | None = None) -> list[dict]:
    """Variants of one kind, the most recent change first, with both quotes and their articles."""
    clause = "and (v.speaker_a = :speaker or v.speaker_b = :speaker)" if speaker else ""
    return await fetch(db, f"""
        select v.*, {VARIANT_SIDES}
        from quote_variants v join quotes a on a.id = v.quote_a join quotes b on b.id = v.quote_b
        where v.kind = :kind {clause}
        order by v.published_b desc, v.id desc limit :limit""",
                       {"kind": kind, "limit": limit, "speaker": speaker})


async def quote_variants(db, quote_id: str) -> list[dict]:
    """Every variant one quote belongs to."""
    if not await has_variants(db):
        return []
    return await fetch(db, f"""
        select v.*, {VARIANT_SIDES}
        from quote_variants v join quotes a on a.id = v.quote_a join quotes b on b.id = v.quote_b
        where v.quote_a = :id or v.quote_b = :id order by v.kind, v.published_b""", {"id": quote_id})


# ----- corrections -----------------------------------------------------------------------------


async def has_corrections(db) -> bool:
    return "corrected_values" in await db.table_names()


async def corrected(db, table: str, row_ids: list[str]) -> dict[str, dict[str, dict]]:
    """``{row id: {field: correction}}``: the values people corrected, with who, when and what they were."""
    if not row_ids or not await has_corrections(db):
        return {}
    found: dict[str, dict[str, dict]] = {}
    for offset in range(0, len(row_ids), 500):
        chunk = row_ids[offset:offset + 500]
        params = {f"r{i}": r for i, r in enumerate(chunk)}
        for row in await fetch(db, f"""
                select v.row_id, v.field, v.original, c.id, c.action, c.author, c.created_at, c.note
                from corrected_values v join corrections c on c.id = v.correction_id
                where v.table_name = :table and v.row_id in ({", ".join(":" + k for k in params)})
                order by c.id""", {**params, "table": table}):
            row["original"] = json.loads(row["original"]) if row["original"] else None
            found.setdefault(row["row_id"], {})[row["field"]] = row
    return found


async def corrections(db) -> list[dict]:
    if "corrections" not in await db.table_names():
        return []
    return await fetch(db, """
        select corrections.*, (select count(*) from corrected_values where correction_id = corrections.id) as changed
        from corrections order by id desc""")


async def not_quotes(db, article_id: str) -> list[dict]:
    """The passages of an article that people marked as no quote, with who and when."""
    if "corrections" not in await db.table_names():
        return []
    return await fetch(db, """
        select id, json_extract(subject, '$.quote') as words, author, created_at, note, status from corrections
        where action = 'not_a_quote' and json_extract(subject, '$.article') = :id order by id""", {"id": article_id})
