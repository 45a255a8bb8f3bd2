"""The site's own pages: article, speaker, search, outlet comparison and repeated quotes.

Each handler checks the reader may see the database, reads through ``reads`` and renders a
template; every piece of text reaches HTML through Jinja's autoescaping, and the few strings
marked up here (search matches) are escaped first.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
import sqlite3
from collections import Counter, defaultdict
from urllib.parse import urlencode

from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from quotes.corrections import described
from quotes.publish import chart, reads
from quotes.publish.diff import word_diff
from quotes.publish.highlight import article_html, colour_of, speaker_colours
from quotes.queries import fts_query

QUOTE_LIMIT = 1000  # quotes listed on one article, speaker or outlet page; the quote list has the rest
SAME_QUOTE_LIMIT = 200  # occurrences listed on a quote page
QUERY_CHARACTERS = 500  # a search or topic is cut to this: longer text is not a search
# The type of a quote is written as the data writes it (direct, indirect, mixed), explained in tooltips.
TYPE_NAMES = {"direct": "direct: all in quotation marks", "indirect": "indirect: a reported claim",
              "mixed": "mixed: a reported claim with quoted words"}
# Which link of the bar is current on a table or view page.
CURRENT = {"quote_list": "quotes", "quotes": "quotes", "article_list": "articles", "articles": "articles",
           "speaker_list": "speakers", "speakers": "speakers"}


class Site:
    """URLs of one database's pages, for handlers and templates alike."""

    def __init__(self, datasette, database: str):
        self.datasette = datasette
        self.database = database

    def page(self, name: str, key: str | None = None, **params) -> str:
        path = f"/{tilde_encode(self.database)}/-/{name}"
        if key is not None:
            path += f"/{tilde_encode(str(key))}"
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return self.datasette.urls.path(path) + (f"?{query}" if query else "")

    def article(self, article_id: str, quote_id: str | None = None) -> str:
        return self.page("article", article_id) + (f"#q-{quote_id}" if quote_id else "")

    def speaker(self, speaker_id: str) -> str:
        return self.page("speaker", speaker_id)

    def quote(self, quote_id: str) -> str:
        return self.page("quote", quote_id)

    def row(self, table: str, pk: str) -> str:
        return self.datasette.urls.row(self.database, table, tilde_encode(str(pk)))

    def table(self, table: str, **params) -> str:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return self.datasette.urls.table(self.database, table) + (f"?{query}" if query else "")

    def nav(self) -> list[tuple[str, str, str]]:
        """The bar of links on every page: (key, label, address)."""
        return [("quotes", "Quotes", self.table("quote_list")),
                ("articles", "Articles", self.table("article_list")),
                ("speakers", "Speakers", self.table("speaker_list")),
                ("search", "Search", self.page("search")),
                ("outlets", "Outlets", self.page("outlets")),
                ("repeated", "Repeated quotes", self.page("repeated")),
                ("changed", "Changed quotes", self.page("changed")),
                ("corrections", "Corrections", self.page("corrections"))]

    def bar(self) -> dict:
        """The bar as data, for the script that draws it on Datasette's own pages."""
        return {"database": self.database, "links": [{"key": k, "label": label, "href": href}
                                                      for k, label, href in self.nav()],
                "search": self.page("search")}


async def open_database(datasette, request):
    """The database named in the URL, if the reader may see it and it holds quotes; else a 403 or 404."""
    database = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound(f"Database not found: {database}") from None
    await datasette.ensure_permissions(request.actor, [("view-database", database), "view-instance"])
    if not await reads.is_quotes_database(db):
        raise NotFound(f"{database} is not a quotes database (no articles, quotes and speakers tables)")
    site = Site(datasette, database)
    if not await reads.is_upgraded(db):
        raise Unavailable(site, f"The database {database} was made by an older version of quotes. Open it once "
                                f"with any quotes command (quotes serve --db {database}.db) to upgrade it.")
    return db, site


class Unavailable(Exception):
    """A page that cannot be shown now: a query ran past the site's time limit, or the schema is old."""

    def __init__(self, site: Site, message: str):
        super().__init__(message)
        self.site = site


def degrades(handler):
    """A page handler that answers 503 with a message and the bar, never 500, when its SQL is too slow.

    Datasette stops every query at its SQL time limit (``sql_time_limit_ms``); a busy or very large
    database then gets a page saying so, with links that still work.
    """
    @functools.wraps(handler)
    async def page(datasette, request) -> Response:
        try:
            return await handler(datasette, request)
        except Unavailable as problem:
            site, message = problem.site, str(problem)
        except (QueryInterrupted, sqlite3.DatabaseError) as error:
            site = Site(datasette, tilde_decode(request.url_vars["database"]))
            message = slow_message(error)
        try:
            response = await render(datasette, request, site, "quotes_unavailable.html", {"message": message})
        except (QueryInterrupted, sqlite3.DatabaseError):  # so busy that the page around the message timed out too
            response = Response.html(f"<!DOCTYPE html><title>Busy</title><p>{escape(message)}</p>")
        response.status = 503
        response.headers["Retry-After"] = "10"
        return response

    return page


def slow_message(error: Exception) -> str:
    if isinstance(error, QueryInterrupted) or "interrupted" in str(error):
        return ("This page took longer than the site's time limit for a query, so it was stopped. The "
                "database may be busy or very large: try again in a moment, or narrow it down (one speaker, "
                "one topic) from the quote list.")
    return f"This page could not be read from the database: {error}"


async def render(datasette, request, site: Site, template: str, context: dict, current: str = "") -> Response:
    return Response.html(await datasette.render_template(template, {
        "database": site.database, "site": site, "current": current, "type_names": TYPE_NAMES, **context,
    }, request=request, view_name=template.removesuffix(".html")))


def search_words(value: str | None) -> tuple[str, bool]:
    """What a reader typed in a search or topic box, made safe: no NUL or control characters, at most
    ``QUERY_CHARACTERS`` long. Returns it and whether it was cut."""
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", value or "").strip()
    if len(text) <= QUERY_CHARACTERS:
        return text, False
    return text[:QUERY_CHARACTERS].rsplit(" ", 1)[0], True


def marked(text: str | None) -> Markup:
    """Text with FTS matches (between \\x02 and \\x03) wrapped in <mark>, everything else escaped."""
    return Markup(str(escape(text or "")).replace(reads.MARK_START, "<mark>").replace(reads.MARK_END, "</mark>"))


def trim_context(before: str, after: str) -> tuple[str, str]:
    """The words either side of a quote, cut at word boundaries, white space folded to single spaces."""
    if " " in before[1:]:
        before = "…" + before.split(" ", 1)[1]
    if " " in after[:-1]:
        after = after.rsplit(" ", 1)[0] + "…"
    return re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after)


def outlet_label(outlet: str | None) -> str:
    return outlet or "(no outlet)"


@degrades
async def article_page(datasette, request) -> Response:
    db, site = await open_database(datasette, request)
    article_id = tilde_decode(request.url_vars["article_id"])
    article = await reads.fetch_one(db, f"""
        select articles.*, {reads.TITLE} as title from articles where articles.id = :id""", {"id": article_id})
    if not article:
        raise NotFound(f"Article not found: {article_id}")
    total = article["quote_count"] or 0
    quotes = await reads.fetch(db, 'select * from quotes where article_id = :id order by start, "end" limit :limit',
                               {"id": article_id, "limit": QUOTE_LIMIT})
    repeated = await reads.repeats(db, "select id from quotes where article_id = :id", {"id": article_id})
    # Highlighting is linear in the quotes but still real work on a long article: off the event loop.
    text_html = await asyncio.to_thread(highlighted, article["text"] or "", quotes, repeated, site)
    return await render(datasette, request, site, "quotes_article.html", {
        "corrected": await reads.corrected(db, "quotes", [q["id"] for q in quotes]),
        "not_quotes": await reads.not_quotes(db, article_id),
        "article": article, "quotes": quotes, "text_html": text_html, "types": Counter(q["type"] for q in quotes),
        "total": max(total, len(quotes)), "all_url": site.table("quote_list", article_id=article_id),
    }, current="articles")


def highlighted(text: str, quotes: list[dict], repeated: dict, site: Site) -> Markup:
    """Number and colour the quotes (role and organisation on a speaker's first label only), then draw them."""
    colours = speaker_colours(quotes)
    labelled: set = set()
    for number, quote in enumerate(quotes, 1):
        quote["number"] = number
        quote["bg"], quote["ink"] = colour_of(quote, colours)
        quote["repeat"] = repeated.get(quote.get("canonical"))
        key = quote["speaker_id"] or quote["speaker_name"]
        quote["first_label"] = key not in labelled
        labelled.add(key)
    return article_html(text, quotes, site.speaker, TYPE_NAMES)


@degrades
async def speaker_page(datasette, request) -> Response:
    db, site = await open_database(datasette, request)
    speaker_id = tilde_decode(request.url_vars["speaker_id"])
    speaker = await reads.fetch_one(db, "select * from speakers where id = :id", {"id": speaker_id})
    if not speaker:
        raise NotFound(f"Speaker not found: {speaker_id}")
    updating = speaker["quote_count"] is None  # a run is writing it now, or one stopped part-way
    if updating:
        speaker.update(await reads.speaker_counts(db, speaker_id))
    quotes = await reads.speaker_quotes(db, speaker_id, QUOTE_LIMIT)
    repeated = await reads.repeats(db, "select id from quotes where speaker_id = :id", {"id": speaker_id})
    by_article: dict[str, dict] = {}
    for quote in quotes:
        quote["repeat"] = repeated.get(quote.get("canonical"))
        entry = by_article.setdefault(quote["article_id"], {"article": quote, "quotes": []})
        entry["quotes"].append(quote)
    days = [(day, row["type"], row["quotes"]) for row in await reads.speaker_days(db, speaker_id)
            if (day := chart.parse_day(row["day"]))]
    undated = speaker["quote_count"] - sum(count for _, _, count in days)
    by = chart.choose_period([d for d, _, _ in days], request.args.get("by"))
    bars = chart.periods(days, by)

    def period_link(period: chart.Period) -> str:
        return site.table("quote_list", speaker_id=speaker_id, published__gte=period.start.isoformat(),
                          published__lt=period.end.isoformat(), _sort="published")

    svg = chart.timeline_svg(bars, by, period_link, title=f"Quotes by {speaker['name']} per {by}") if bars else None
    return await render(datasette, request, site, "quotes_speaker.html", {
        "speaker": speaker, "aliases": json.loads(speaker["aliases"] or "[]"),
        "roles": await reads.speaker_values(db, speaker_id, "speaker_role"),
        "organizations": await reads.speaker_values(db, speaker_id, "speaker_org"),
        "outlets": await reads.speaker_values(db, speaker_id, "outlet"),
        "types": Counter(q["type"] for q in quotes),
        "articles": list(by_article.values()), "shown": len(quotes), "chart": svg, "by": by,
        "periods": len(bars), "undated": undated, "repeated": len(repeated), "updating": updating,
        "all_url": site.table("quote_list", speaker_id=speaker_id),
        "merged": await reads.speaker_links(db, speaker_id),
        "corrected": (await reads.corrected(db, "speakers", [speaker_id])).get(speaker_id, {}),
        "reassigned": await reads.corrected(db, "quotes", [q["id"] for q in quotes]),
        "changed": await speaker_changes(db, speaker_id),
    }, current="speakers")


async def speaker_changes(db, speaker_id: str) -> dict[str, int]:
    """How many of a speaker's quotes were altered, excerpted or given to someone else."""
    if not await reads.has_variants(db):
        return {}
    row = await reads.fetch_one(db, """
        select sum(kind = 'altered') as altered, sum(kind = 'excerpt') as excerpt,
               sum(kind = 'two_speakers') as two_speakers
        from quote_variants where speaker_a = :id or speaker_b = :id""", {"id": speaker_id})
    return {kind: n for kind, n in (row or {}).items() if n}


@degrades
async def search_page(datasette, request) -> Response:
    db, site = await open_database(datasette, request)
    query, shortened = search_words(request.args.get("q"))
    results: dict = {}
    errors = []
    if fts_query(query):
        searches = {"quotes": (reads.search_quotes, 50), "speakers": (reads.search_speakers, 20),
                    "articles": (reads.search_articles, 20)}
        for name, (search, limit) in searches.items():
            try:  # each part on its own: one that runs out of time leaves the others
                total, rows = await search(db, query, limit)
            except (QueryInterrupted, sqlite3.OperationalError) as error:
                total, rows = 0, []
                errors.append(f"The search of {name} could not finish: {slow_message(error)}")
            results[name] = {"total": total, "rows": rows}
        for quote in results["quotes"]["rows"]:
            quote["before"], quote["after"] = trim_context(quote["before"] or "", quote["after"] or "")
    if shortened:
        errors.insert(0, f"The search was cut to its first {len(query):,} characters.")
    return await render(datasette, request, site, "quotes_search.html", {
        "query": query, "results": results, "errors": errors, "marked": marked,
        "suggestions": [] if query else await reads.top_speakers(db, 5),
    }, current="search")


@degrades
async def outlets_page(datasette, request) -> Response:
    db, site = await open_database(datasette, request)
    topic, shortened = search_words(request.args.get("topic"))
    scope = reads.Scope(speaker=request.args.get("speaker") or None, topic=topic)
    if scope.topic and not fts_query(scope.topic):
        scope.topic = None
    speaker = None
    if scope.speaker:
        speaker = await reads.fetch_one(db, "select * from speakers where id = :id", {"id": scope.speaker})
        if not speaker:
            raise NotFound(f"Speaker not found: {scope.speaker}")
    summary = await reads.outlet_summary(db, scope)
    outlets = [row["outlet"] for row in summary]
    cells: dict[str, dict] = {}
    for row in await reads.speaker_outlet_counts(db, scope):
        entry = cells.setdefault(row["speaker_id"], {"id": row["speaker_id"], "name": row["name"],
                                                    "kind": row["kind"], "by_outlet": {}, "total": 0})
        entry["by_outlet"][row["outlet"]] = row["quotes"]
        entry["total"] += row["quotes"]
    matrix = sorted(cells.values(), key=lambda s: (-s["total"], -len(s["by_outlet"]), s["name"] or ""))[:40]
    phrases: dict[str | None, list] = defaultdict(list)
    for row in await reads.anonymous_phrases(db, scope):
        phrases[row["outlet"]].append(row)
    anonymous = await reads.anonymous_by_outlet(db, scope)
    for row in anonymous:
        row["percent"] = round(100 * row["anonymous"] / row["quotes"], 1) if row["quotes"] else 0
        row["phrases"] = phrases.get(row["outlet"], [])
    outlet_totals = {row["outlet"]: row["quotes"] for row in anonymous}
    for row in summary:
        row["share"] = round(100 * row["quotes"] / outlet_totals[row["outlet"]], 1)
    quotes = await reads.scoped_quotes(db, scope, QUOTE_LIMIT) if scope.speaker or scope.topic else []
    grouped: dict[str | None, list] = defaultdict(list)
    for quote in quotes:
        grouped[quote["outlet"]].append(quote)

    def cell_link(speaker_id: str, outlet: str | None) -> str:
        return site.table("quote_list", speaker_id=speaker_id, _search=scope.topic or None,
                          **({"outlet": outlet} if outlet else {"outlet__isnull": 1}))

    voices = by_month = []
    if not scope.speaker and await reads.has_gender(db):
        voices = [shares(row) for row in await reads.voices(db, scope, by_month=False)]
        by_month = [shares(row) for row in await reads.voices(db, scope, by_month=True)]
    return await render(datasette, request, site, "quotes_outlets.html", {
        "voices": voices, "voices_by_month": by_month,
        "scope": scope, "speaker": speaker, "summary": summary, "outlets": outlets, "matrix": matrix,
        "max_cell": max((n for s in matrix for n in s["by_outlet"].values()), default=1),
        "anonymous": anonymous, "grouped": grouped, "shown": len(quotes), "cell_link": cell_link,
        "outlet_label": outlet_label, "speakers": await reads.top_speakers(db),
        "shortened": shortened,
    }, current="outlets")


def shares(row: dict) -> dict:
    """A row of people quoted by gender, with each gender's share of the people (unknown included)."""
    people = row["people"] or 0
    for gender in ("women", "men", "nonbinary", "unknown"):
        row[f"{gender}_percent"] = round(100 * row[gender] / people, 1) if people else 0.0
    row["quotes_by_women_percent"] = round(100 * row["quotes_by_women"] / row["quotes"], 1) if row["quotes"] else 0.0
    return row


CHANGED_LIMIT = 200  # variants listed per kind on the page; the quote_variants table has them all
CHANGED_KINDS = {
    "altered": ("Altered quotes", "The same speaker quoted in two articles with nearly the same words: "
                "words only the earlier has are struck out, words only the later has are underlined."),
    "excerpt": ("Excerpts", "A shorter quote whose words sit, in order, inside a longer quotation of the same "
                "speaker: the words it quotes are marked in the longer one."),
    "two_speakers": ("One quote, two speakers", "The same or nearly the same words attributed to two different "
                     "people or organisations."),
}


def with_diffs(rows: list[dict]) -> list[dict]:
    """Variants with their two quotes marked word by word (a few hundred short quotes: quick)."""
    for row in rows:
        row["diff_a"], row["diff_b"] = word_diff(row["content_a"], row["content_b"],
                                                 excerpt=row["relation"] == "excerpt")
    return rows


@degrades
async def changed_page(datasette, request) -> Response:
    """Quotes that changed on the way, read from ``quote_variants`` (found at the end of each run)."""
    db, site = await open_database(datasette, request)
    upgraded = await reads.has_variants(db)
    kind = request.args.get("kind") or None
    if kind not in (None, *CHANGED_KINDS):
        raise NotFound(f"No such kind of change: {kind}")
    speaker_id = request.args.get("speaker") or None
    speaker = None
    if speaker_id:
        speaker = await reads.fetch_one(db, "select * from speakers where id = :id", {"id": speaker_id})
        if not speaker:
            raise NotFound(f"Speaker not found: {speaker_id}")
    counts = await reads.variant_counts(db) if upgraded else {}
    sections = []
    for name in (kind,) if kind else CHANGED_KINDS:
        rows = with_diffs(await reads.variants(db, name, CHANGED_LIMIT, speaker_id) if upgraded else [])
        title, description = CHANGED_KINDS[name]
        sections.append({"kind": name, "title": title, "description": description, "rows": rows,
                         "total": counts.get(name, 0)})
    return await render(datasette, request, site, "quotes_changed.html", {
        "sections": sections, "counts": counts, "kind": kind, "kinds": CHANGED_KINDS, "upgraded": upgraded,
        "speaker": speaker, "limit": CHANGED_LIMIT,
    }, current="changed")


@degrades
async def corrections_page(datasette, request) -> Response:
    """Every correction people made, with who, when and whether it still applies."""
    db, site = await open_database(datasette, request)
    rows = await reads.corrections(db)
    for row in rows:
        row["described"] = described(row)
    return await render(datasette, request, site, "quotes_corrections.html", {
        "corrections": rows, "problems": sum(1 for r in rows if r["status"] == "no longer applies"),
    }, current="corrections")


@degrades
async def repeated_page(datasette, request) -> Response:
    db, site = await open_database(datasette, request)
    upgraded = await reads.has_canonical(db)
    groups = await reads.repeated_groups(db) if upgraded else []
    return await render(datasette, request, site, "quotes_repeated.html", {
        "groups": groups, "upgraded": upgraded,
    }, current="repeated")


@degrades
async def quote_page(datasette, request) -> Response:
    db, site = await open_database(datasette, request)
    quote_id = tilde_decode(request.url_vars["quote_id"])
    quote = await reads.fetch_one(db, f"""
        select quotes.*, {reads.TITLE} as title,
               substr(articles.text, max(1, quotes.start - 239), min(quotes.start, 240)) as before,
               substr(articles.text, quotes."end" + 1, 240) as after
        from quotes join articles on articles.id = quotes.article_id where quotes.id = :id""", {"id": quote_id})
    if not quote and quote_id.isdigit():
        # the row page of a quote is keyed by its rowid (migration m014): send it on to the quote's own page
        row = await reads.fetch_one(db, "select id from quotes where rowid = :rowid", {"rowid": int(quote_id)})
        if row:
            return Response.redirect(site.quote(row["id"]))
    if not quote:
        raise NotFound(f"Quote not found: {quote_id}")
    before, after = trim_context(quote.pop("before") or "", quote.pop("after") or "")
    counts = {"articles": 1, "outlets": 1 if quote["outlet"] else 0, "speakers": 1, "quotes": 1}
    same = []
    if quote.get("canonical"):
        same = (await reads.occurrences(db, [quote["canonical"]], SAME_QUOTE_LIMIT))[quote["canonical"]]
        counts = await reads.fetch_one(db, """
            select count(distinct article_id) as articles, count(distinct outlet) as outlets,
                   count(distinct coalesce(speaker_id, speaker_name)) as speakers, count(*) as quotes
            from quotes where canonical = :canonical""", {"canonical": quote["canonical"]})
    variants = with_diffs(await reads.quote_variants(db, quote_id))
    return await render(datasette, request, site, "quotes_quote.html", {
        "variants": variants, "kinds": CHANGED_KINDS,
        "corrected": (await reads.corrected(db, "quotes", [quote_id])).get(quote_id, {}),
        "quote": quote, "before": before, "after": after, "same": same, "first": same[0] if same else quote,
        **counts, "all_url": site.table("quotes", canonical=quote.get("canonical"), _sort="published"),
    }, current="repeated")
