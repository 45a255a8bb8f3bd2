"""The Datasette plugin: an article page with every quote highlighted and labelled with its speaker.

Registered through the ``datasette`` entry point. The page lives at
``/<database>/-/article/<article id>``; quote contents in tables and canned queries link to it,
anchored at the quote. Every piece of text is escaped by the template engine.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from jinja2 import FileSystemLoader
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"


def article_path(datasette, database: str, article_id: str, quote_id: str | None = None) -> str:
    path = datasette.urls.path(f"/{tilde_encode(database)}/-/article/{tilde_encode(str(article_id))}")
    return f"{path}#q-{quote_id}" if quote_id else path


def segments(text: str, quotes: list[dict]) -> list[dict]:
    """Cut the text at every quote, speaker-mention and cue boundary.

    Each piece says which quotes cover it, which quotes start or end there, and whether it is a
    speaker mention or cue, so nested or overlapping spans still render as valid HTML.
    """
    marks = []
    for number, quote in enumerate(quotes, 1):
        marks.append(("quote", quote["start"], quote["end"], number, quote))
        if quote["speaker_start"] is not None:
            marks.append(("speaker", quote["speaker_start"], quote["speaker_end"], number, quote))
        if quote["cue_start"] is not None:
            marks.append(("cue", quote["cue_start"], quote["cue_end"], number, quote))
    cuts = sorted({0, len(text)} | {m[1] for m in marks} | {m[2] for m in marks})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [m for m in marks if m[1] <= start and end <= m[2]]
        pieces.append({
            "text": text[start:end],
            "quotes": [m[4] for m in covering if m[0] == "quote"],
            "starts": [(m[3], m[4]) for m in marks if m[0] == "quote" and m[1] == start],
            "ends": [(m[3], m[4]) for m in marks if m[0] == "quote" and m[2] == end],
            "speaker": any(m[0] == "speaker" for m in covering),
            "cue": any(m[0] == "cue" for m in covering),
        })
    return pieces


async def article_page(datasette, request) -> Response:
    database = tilde_decode(request.url_vars["database"])
    article_id = tilde_decode(request.url_vars["article_id"])
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound(f"Database not found: {database}") from None
    if not await db.table_exists("articles"):
        raise NotFound("This database has no articles table")
    rows = (await db.execute("select * from articles where id = ?", [article_id])).rows
    if not rows:
        raise NotFound(f"Article not found: {article_id}")
    article = dict(rows[0])
    quotes = [dict(r) for r in (await db.execute(
        'select * from quotes where article_id = ? order by start, "end"', [article_id])).rows]
    for number, quote in enumerate(quotes, 1):
        quote["number"] = number
    return Response.html(await datasette.render_template("quotes_article.html", {
        "database": database, "article": article, "quotes": quotes,
        "pieces": segments(article["text"] or "", quotes),
        "speaker_url": lambda sid: datasette.urls.row(database, "speakers", tilde_encode(sid)),
        "table_url": datasette.urls.table(database, "articles"),
        "row_url": datasette.urls.row(database, "articles", tilde_encode(article_id)),
    }, request=request))


@hookimpl
def prepare_jinja2_environment(env) -> None:
    """Datasette finds plugin templates only in packages; this plugin is a module, so add them here."""
    env.loader.loaders.append(FileSystemLoader(str(TEMPLATES)))


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)/-/article/(?P<article_id>[^/]+)$", article_page)]


def _get(row, key: str):
    try:
        value = row[key]
    except (IndexError, KeyError):
        return None
    return value["value"] if isinstance(value, dict) else value


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Quote contents and article titles link to the article page; so do article ids in queries."""
    if value is None:
        return None
    if table == "quotes" and column == "content" and _get(row, "article_id"):
        href = article_path(datasette, database, _get(row, "article_id"), _get(row, "id"))
    elif table == "articles" and column == "title" and _get(row, "id"):
        href = article_path(datasette, database, _get(row, "id"))
    elif table is None and column == "article_id":
        href = article_path(datasette, database, value, _get(row, "quote_id"))
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    else:
        return None
    return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
