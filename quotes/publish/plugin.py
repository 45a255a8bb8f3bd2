"""The Datasette plugin: the newsroom pages, links into them, and navigation.

Registered through the ``datasette`` entry point. Pages live under ``/<database>/-/``:
``article/<id>``, ``speaker/<id>``, ``quote/<id>``, ``search``, ``outlets`` and ``repeated``
(handlers in ``pages``). Quote contents, article titles and speaker names in Datasette's own
tables and canned queries link to them, and the home, database and menu show where to start.
"""

from __future__ import annotations

from pathlib import Path

from datasette import hookimpl
from jinja2 import FileSystemLoader
from markupsafe import Markup, escape

from quotes.publish import pages, reads

TEMPLATES = Path(__file__).parent / "templates"
ROUTES = [
    (r"^/(?P<database>[^/]+)/-/article/(?P<article_id>[^/]+)$", pages.article_page),
    (r"^/(?P<database>[^/]+)/-/speaker/(?P<speaker_id>[^/]+)$", pages.speaker_page),
    (r"^/(?P<database>[^/]+)/-/quote/(?P<quote_id>[^/]+)$", pages.quote_page),
    (r"^/(?P<database>[^/]+)/-/search$", pages.search_page),
    (r"^/(?P<database>[^/]+)/-/outlets$", pages.outlets_page),
    (r"^/(?P<database>[^/]+)/-/repeated$", pages.repeated_page),
]


@hookimpl
def prepare_jinja2_environment(env) -> None:
    """Add this plugin's templates just before Datasette's defaults.

    Datasette only finds templates of plugins that are packages; this one is a module. Placed
    after any ``--template-dir`` a user gives, so their overrides still win, and before the
    defaults, so ``index.html`` and ``database.html`` here can extend ``default:`` ones.
    """
    loaders = env.loader.loaders
    search = loaders[0].searchpath if loaders and isinstance(loaders[0], FileSystemLoader) else None
    if search and str(TEMPLATES) not in search:
        search.insert(len(search) - 1, str(TEMPLATES))
    elif search is None:
        loaders.append(FileSystemLoader(str(TEMPLATES)))


@hookimpl
def register_routes():
    return ROUTES


async def quotes_databases(datasette) -> list[str]:
    """Names of the attached databases that hold quotes."""
    return [name for name, db in datasette.databases.items()
            if name != "_internal" and await reads.is_quotes_database(db)]


@hookimpl
def extra_template_vars(datasette, database, view_name):
    """The site's pages, for the navigation on the home and database pages."""
    if view_name not in ("index", "database"):
        return {}

    async def inner():
        names = await quotes_databases(datasette)
        if view_name == "database":
            names = [name for name in names if name == database]
        return {"quotes_sites": [pages.Site(datasette, name) for name in names]}

    return inner


@hookimpl
def menu_links(datasette):
    async def inner():
        links = []
        for name in await quotes_databases(datasette):
            site = pages.Site(datasette, name)
            prefix = f"{name}: " if len(datasette.databases) > 2 else ""
            links += [{"href": site.page("search"), "label": f"{prefix}Search quotes"},
                      {"href": site.page("outlets"), "label": f"{prefix}Compare outlets"},
                      {"href": site.page("repeated"), "label": f"{prefix}Repeated quotes"}]
        return links

    return inner


def _get(row, key: str):
    try:
        value = row[key]
    except (IndexError, KeyError):
        return None
    return value["value"] if isinstance(value, dict) else value


def _link(href: str, value) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Link quotes, article titles and speakers in tables and canned queries to the site's pages."""
    if value is None:
        return None
    site = pages.Site(datasette, database)
    if table == "quotes" and column == "content" and _get(row, "article_id"):
        return _link(site.article(_get(row, "article_id"), _get(row, "id")), value)
    if table == "quotes" and column == "speaker_name" and _get(row, "speaker_id"):
        return _link(site.speaker(_get(row, "speaker_id")), value)
    if table == "quotes" and column == "canonical" and _get(row, "id"):
        return _link(site.quote(_get(row, "id")), value)
    if table == "articles" and column == "title" and _get(row, "id"):
        return _link(site.article(_get(row, "id")), value)
    if table == "speakers" and column == "name" and _get(row, "id"):
        return _link(site.speaker(_get(row, "id")), value)
    if table is None and column == "article_id":
        return _link(site.article(value, _get(row, "quote_id")), value)
    if table is None and column in ("name", "speaker") and _get(row, "speaker_id"):
        return _link(site.speaker(_get(row, "speaker_id")), value)
    if table is None and column == "speaker_id":
        return _link(site.speaker(value), value)
    if table is None and column == "quote_id":
        return _link(site.quote(value), value)
    return None
