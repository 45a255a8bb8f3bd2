"""The Datasette plugin's hooks: metadata, canned queries, pages, links, navigation and safeguards.

Registered through the ``datasette`` entry point as the package ``quotes.publish``, so Datasette
finds its ``templates/`` and ``static/`` folders itself. Nothing here overrides a template of
Datasette's: the bar of links reaches every page (home, tables, rows, queries) through
``extra_css_urls``, ``extra_js_urls`` and ``extra_body_script``, and Datasette's menu, table and
database actions lead to the same pages, so it also works beside plugins that replace
``index.html`` (datasette-search-all).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from weakref import WeakKeyDictionary

from datasette import hookimpl
from datasette.utils import tilde_decode
from markupsafe import Markup, escape

from quotes.publish import guard, pages
from quotes.publish.metadata import QUERIES, plugin_metadata

PLUGIN = "quotes"
ROUTES = [
    (r"^/(?P<database>[^/]+)/-/article/(?P<article_id>[^/]+)$", pages.article_page),
    (r"^/(?P<database>[^/]+)/-/speaker/(?P<speaker_id>[^/]+)$", pages.speaker_page),
    (r"^/(?P<database>[^/]+)/-/quote/(?P<quote_id>[^/]+)$", pages.quote_page),
    (r"^/(?P<database>[^/]+)/-/search$", pages.search_page),
    (r"^/(?P<database>[^/]+)/-/outlets$", pages.outlets_page),
    (r"^/(?P<database>[^/]+)/-/repeated$", pages.repeated_page),
    (r"^/(?P<database>[^/]+)/-/changed$", pages.changed_page),
    (r"^/(?P<database>[^/]+)/-/corrections$", pages.corrections_page),
]
QUOTES_TABLES = ("articles", "quotes", "speakers")
RECHECK_SECONDS = 5.0  # how long a database without quotes tables is believed to stay so

# Per Datasette instance: {"names": (the answer, when), database name: (path, holds quotes, when checked)}.
_checked: WeakKeyDictionary = WeakKeyDictionary()


def quotes_databases(datasette) -> list[str]:
    """Names of the attached databases that hold quotes, in Datasette's order.

    ``get_metadata`` is synchronous and called dozens of times per page, ``render_cell`` thousands,
    so the answer is kept for a second; each database's own answer is kept for good when it holds
    quotes, and for a few seconds when it does not yet.
    """
    cache = _checked.setdefault(datasette, {})
    now = time.monotonic()
    answer = cache.get("names")
    if answer and now - answer[1] < 1.0:
        return answer[0]
    names = []
    for name, db in list(datasette.databases.items()):
        path = getattr(db, "path", None)
        if name == "_internal" or not path:
            continue
        known = cache.get(name)
        if not known or known[0] != path or (not known[1] and now - known[2] > RECHECK_SECONDS):
            known = cache[name] = (path, holds_quotes(path), now)
        if known[1]:
            names.append(name)
    cache["names"] = (names, now)
    return names


def holds_quotes(path: str) -> bool:
    try:
        with sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True) as conn:
            found = {row[0] for row in conn.execute(
                "select name from sqlite_master where type = 'table' and name in (?, ?, ?)", QUOTES_TABLES)}
    except sqlite3.Error:
        return False
    return found == set(QUOTES_TABLES)


@hookimpl
def get_metadata(datasette, key, database, table):
    """Titles, descriptions, facets, sort orders and full-text search of every quotes database."""
    return plugin_metadata(quotes_databases(datasette))


@hookimpl
def canned_queries(datasette, database, actor):
    """The project's canned queries, for quotes databases; a user's own query of the same name wins."""
    if database not in quotes_databases(datasette):
        return None
    own = datasette.metadata("queries", database=database, fallback=False) or {}
    return {name: dict(query) for name, query in QUERIES.items() if name not in own}


@hookimpl
def register_routes():
    return ROUTES


@hookimpl
def prepare_connection(conn, database, datasette):
    guard.limit_connection(conn)


@hookimpl
def asgi_wrapper(datasette):
    return guard.wrapper(datasette)


def _is_quotes_page(datasette, database) -> bool:
    names = quotes_databases(datasette)
    return bool(names) and (database is None or database in names)


@hookimpl
def extra_css_urls(template, database, table, columns, view_name, request, datasette):
    if _is_quotes_page(datasette, database):
        return [datasette.urls.static_plugins(PLUGIN, "quotes.css")]
    return []


@hookimpl
def extra_js_urls(template, database, table, columns, view_name, request, datasette):
    if _is_quotes_page(datasette, database):
        return [datasette.urls.static_plugins(PLUGIN, "quotes.js")]
    return []


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):
    """The bar of links for Datasette's own pages, drawn by ``static/quotes.js``.

    The plugin's pages draw the bar in their templates; here it is described as JSON, escaped so
    that a database or table name cannot end the script.
    """
    if not _is_quotes_page(datasette, database) or template.startswith("quotes_"):
        return None
    names = [database] if database else quotes_databases(datasette)
    config = {
        "sites": [{"label": name if len(names) > 1 else None, **pages.Site(datasette, name).bar()} for name in names],
        "current": pages.CURRENT.get(table, ""),
        "record": record_page(datasette, view_name, database, table, request),
        "home": view_name == "index",
    }
    return f"quotesSite({script_json(config)});"


def script_json(value) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


RECORD_PAGES = {"quotes": ("quote", "This quote in context"), "articles": ("article", "This article, highlighted"),
                "speakers": ("speaker", "This speaker's page")}


def record_page(datasette, view_name, database, table, request) -> dict | None:
    """On the row page of a quote, article or speaker: the plugin's page for the same record."""
    if view_name != "row" or table not in RECORD_PAGES or request is None:
        return None
    key = tilde_decode(request.url_vars.get("pks", ""))
    name, label = RECORD_PAGES[table]
    return {"href": pages.Site(datasette, database).page(name, key), "label": label}


@hookimpl
def menu_links(datasette, actor, request):
    links = []
    names = quotes_databases(datasette)
    for name in names:
        site = pages.Site(datasette, name)
        prefix = f"{name}: " if len(names) > 1 else ""
        links += [{"href": href, "label": prefix + label} for _, label, href in site.nav()]
    return links


@hookimpl
def database_actions(datasette, actor, database, request):
    if database not in quotes_databases(datasette):
        return []
    return [{"href": href, "label": label} for _, label, href in pages.Site(datasette, database).nav()]


READABLE = {"quotes": ("quote_list", "Quotes, as a readable list"),
            "articles": ("article_list", "Articles, without their text"),
            "speakers": ("speaker_list", "Speakers, as a readable list")}


@hookimpl
def table_actions(datasette, actor, database, table, request):
    if database not in quotes_databases(datasette) or table not in READABLE:
        return []
    view, label = READABLE[table]
    site = pages.Site(datasette, database)
    return [{"href": site.table(view), "label": label}]


def _get(row, key: str):
    try:
        value = row[key]
    except (IndexError, KeyError):
        return None
    return value["value"] if isinstance(value, dict) else value


def _link(href: str, value, title: str | None = None) -> Markup:
    label = value["label"] if isinstance(value, dict) else value
    extra = f' title="{escape(title)}"' if title else ""
    return Markup(f'<a href="{escape(href)}"{extra}>{escape(label)}</a>')


def _date(value) -> Markup | None:
    """A timestamp shown as its date, the full value kept in the tooltip."""
    text = str(value)
    if len(text) <= 10:
        return None
    return Markup(f'<span class="date" title="{escape(text)}">{escape(text[:10])}</span>')


# (table or view, column) -> which page the cell links to, and the row key holding the page's id
CELL_LINKS = {
    ("quotes", "content"): ("article", "article_id"), ("quotes", "speaker_name"): ("speaker", "speaker_id"),
    ("quotes", "canonical"): ("quote", "id"), ("quotes", "id"): ("quote", "id"),
    ("quotes", "article_id"): ("article", "article_id"), ("quotes", "speaker_id"): ("speaker", "speaker_id"),
    ("articles", "title"): ("article", "id"), ("articles", "id"): ("article", "id"),
    ("speakers", "name"): ("speaker", "id"), ("speakers", "id"): ("speaker", "id"),
    ("quote_list", "quote"): ("article", "article_id"), ("quote_list", "speaker"): ("speaker", "speaker_id"),
    ("quote_list", "article"): ("article", "article_id"), ("quote_list", "id"): ("quote", "id"),
    ("quote_list", "article_id"): ("article", "article_id"), ("quote_list", "speaker_id"): ("speaker", "speaker_id"),
    ("article_list", "title"): ("article", "id"), ("article_list", "id"): ("article", "id"),
    ("speaker_list", "name"): ("speaker", "id"), ("speaker_list", "id"): ("speaker", "id"),
    ("quote_variants", "quote_a"): ("quote", "quote_a"), ("quote_variants", "quote_b"): ("quote", "quote_b"),
    ("quote_variants", "speaker_a"): ("speaker", "speaker_a"),
    ("quote_variants", "speaker_b"): ("speaker", "speaker_b"),
    # canned queries
    (None, "quote_a"): ("quote", "quote_a"), (None, "quote_b"): ("quote", "quote_b"),
    (None, "speaker_a"): ("speaker", "speaker_a"), (None, "speaker_b"): ("speaker", "speaker_b"),
    (None, "article_id"): ("article", "article_id"), (None, "speaker_id"): ("speaker", "speaker_id"),
    (None, "quote_id"): ("quote", "quote_id"), (None, "name"): ("speaker", "speaker_id"),
    (None, "speaker"): ("speaker", "speaker_id"),
}
DATE_COLUMNS = {"published", "first_quoted", "last_quoted", "first_published", "last_published", "crawled",
                "published_a", "published_b", "created_at", "checked_at"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Quotes, titles, names and ids link to the plugin's pages; timestamps show as dates."""
    target = CELL_LINKS.get((table, column))
    if value is None or not (target or column in DATE_COLUMNS) or database not in quotes_databases(datasette):
        return None
    if target:
        page, key = target
        record = _get(row, key)
        if record is None:
            return None
        site = pages.Site(datasette, database)
        if page == "article":
            quote_id = _get(row, "id") if table in ("quotes", "quote_list") else _get(row, "quote_id")
            return _link(site.article(record, quote_id), value)
        return _link(site.page(page, record), value)
    if column in DATE_COLUMNS and isinstance(value, str):
        return _date(value)
    return None
