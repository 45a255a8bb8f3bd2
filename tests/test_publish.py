"""The Datasette site, checked through Datasette's own in-process client on a real database.

No metadata is passed to Datasette: everything here comes from the plugin, as it does for
``datasette news.db``.
"""

import asyncio
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.app import Datasette

from quotes.api import extract_corpus
from quotes.model import Quote, Span, Speaker
from quotes.publish.metadata import QUERIES, TABLES, VIEWS
from quotes.readers import Article
from quotes.store import Store, open_db
from tests import builders

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "quotes" / "examples"


def get(ds: Datasette, path: str):
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    """The bundled example corpus, extracted by the real engine into ``quotes.db``."""
    path = tmp_path_factory.mktemp("site") / "quotes.db"
    extract_corpus([str(EXAMPLES)], path)
    return path


@pytest.fixture(scope="module")
def site(examples_db) -> Datasette:
    return Datasette([str(examples_db)])


def test_every_table_view_and_column_is_described(examples_db):
    db = open_db(examples_db)
    described = {**TABLES, **VIEWS}
    tables = [t for t in db.table_names() if "_fts" not in t] + db.view_names()
    assert sorted(tables) == sorted(described)
    for table in tables:
        assert described[table]["description"]
        assert sorted(db[table].columns_dict) == sorted(described[table]["columns"]), table


def test_plugin_gives_descriptions_facets_search_and_queries_without_a_metadata_file(site):
    metadata = get(site, "/-/metadata.json").json()
    assert metadata["title"] == "Quotes: who said what in the news"
    assert "license" not in metadata, "the data's licence is the publisher's to state"
    assert "Apache-2.0" in metadata["about"]  # the software's licence, stated apart
    tables = metadata["databases"]["quotes"]["tables"]
    assert tables["quote_list"]["facets"] == ["speaker", "type", "outlet", "kind"]
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    queries = get(site, "/quotes.json").json()["queries"]
    assert {q["name"] for q in queries} == set(QUERIES) and len(QUERIES) >= 7
    footer = get(site, "/quotes/quote_list").text
    assert "Data license" not in footer and "software licensed Apache-2.0" in footer


def test_a_metadata_file_of_the_users_adds_to_the_plugins(examples_db):
    mine = {"title": "Harbour desk", "license": "CC BY 4.0",
            "databases": {"quotes": {"tables": {"quotes": {"facets": ["cue"]}},
                                     "queries": {"mine": {"sql": "select 1 as one"},
                                                 "most_quoted_people": {"sql": "select 2 as two"}}}}}
    ds = Datasette([str(examples_db)], metadata=mine)
    metadata = get(ds, "/-/metadata.json").json()
    assert metadata["title"] == "Harbour desk" and metadata["license"] == "CC BY 4.0"
    quotes = metadata["databases"]["quotes"]["tables"]["quotes"]
    assert quotes["facets"] == ["cue"] and quotes["description"].startswith("Every direct quote")
    names = {q["name"] for q in get(ds, "/quotes.json").json()["queries"]}
    assert names == set(QUERIES) | {"mine"}
    assert get(ds, "/quotes/most_quoted_people.json?_shape=array").json() == [{"two": 2}]  # the user's wins
    assert "CC BY 4.0" in get(ds, "/").text


def test_datasette_lists_the_plugin_with_its_templates_and_static_files():
    listed = subprocess.run([sys.executable, "-m", "datasette", "plugins"], capture_output=True, text=True,
                            check=True).stdout
    plugin = next(p for p in json.loads(listed) if p["name"] == "quotes")
    assert plugin["templates"] is True and plugin["static"] is True
    assert {"get_metadata", "canned_queries", "extra_body_script", "menu_links"} <= set(plugin["hooks"])


def test_plugin_overrides_none_of_datasettes_templates():
    ours = {p.name for p in (ROOT / "quotes" / "publish" / "templates").iterdir()}
    import datasette

    core = {p.name for p in (Path(datasette.__file__).parent / "templates").iterdir()}
    assert not ours & core


def test_views_for_reading_have_the_columns_a_reader_needs(site):
    quote = get(site, "/quotes/quote_list.json?_shape=array&_size=1").json()[0]
    assert list(quote)[:4] == ["speaker", "role", "organization", "quote"]
    article = get(site, "/quotes/article_list.json?_shape=array&_size=1").json()[0]
    assert "text" not in article and article["title"]
    facets = get(site, "/quotes/quote_list.json").json()["facet_results"]
    assert {"speaker", "type", "outlet", "kind"} <= set(facets)
    assert len(get(site, "/quotes/quote_list.json?_search=ferry&_shape=array").json()) >= 2


def test_an_article_without_a_title_is_listed_under_its_first_line(tmp_path):
    story = tmp_path / "no-title.txt"
    story.write_text("the council met again on tuesday evening and talked for a long time about the "
                     "harbour wall, the ferry and the bridge, and then it voted\n\n\"We will build it,\" "
                     "said Mayor Lucia Fernandez.\n", encoding="utf-8")
    path = tmp_path / "quotes.db"
    extract_corpus([str(story)], path)
    row = get(Datasette([str(path)]), "/quotes/article_list.json?_shape=array").json()[0]
    assert row["title"].startswith("the council met again on tuesday") and row["title"].endswith("…")
    assert len(row["title"]) == 100


PARAMS = {"everything_one_person_said": "?name=Okafor", "who_is_quoted_on_a_topic": "?topic=hospital"}


# Every example quote is attributed and resolved, so this query is checked on a database of its own.
EMPTY_ON_THE_EXAMPLES = {"unattributed_quotes"}


@pytest.mark.parametrize("name", sorted(set(QUERIES) - EMPTY_ON_THE_EXAMPLES))
def test_every_canned_query_returns_rows_on_the_examples(site, name):
    response = get(site, f"/quotes/{name}.json?_shape=array{PARAMS.get(name, '').replace('?', '&')}")
    assert response.status_code == 200, response.text
    assert len(response.json()) > 0


def test_unattributed_query_lists_quotes_with_no_speaker_or_an_unresolved_one(tmp_path):
    text = '"The gate stays shut," said the watchman. "It will open," he said. "Fine," said Ada Lane.'
    quotes = [builders.quote(text, "The gate stays shut,", "the watchman", kind="person"),
              builders.quote(text, "It will open,", "he", kind="person"),
              builders.quote(text, "Fine,", "Ada Lane")]
    quotes[0].speaker.resolution = "unresolved"
    quotes[1].speaker.mention = None
    path = tmp_path / "quotes.db"
    Store(open_db(path)).save([(Article(text=text, source="g.txt", id="g"), quotes)], None, "v")
    site = Datasette([str(path)])  # the plugin gives the canned queries
    rows = get(site, "/quotes/unattributed_quotes.json?_shape=array").json()
    assert [r["content"] for r in rows] == ["The gate stays shut,", "It will open,"]


def test_one_person_query_finds_every_quote_of_that_person_only(site):
    rows = get(site, "/quotes/everything_one_person_said.json?_shape=array&name=Amara Okafor").json()
    assert rows and {r["speaker"] for r in rows} == {"Amara Okafor"}


def test_table_page_shows_facets_and_search(site):
    data = get(site, "/quotes/quotes.json?_search=ferry").json()
    assert len(data["rows"]) >= 2  # porter stemming: "ferry" also finds "Ferries"
    assert all("ferr" in row[data["columns"].index("content")].lower() for row in data["rows"])
    facets = get(site, "/quotes/quotes.json").json()["facet_results"]
    assert {"type", "speaker_id", "outlet"} <= set(facets)


def test_quote_rows_link_to_their_article_page(site):
    html = get(site, "/quotes/quotes?_size=5").text
    assert 'href="/quotes/-/article/' in html and "#q-" in html


def test_example_article_page_highlights_quotes_with_speakers(site):
    html = get(site, "/quotes/-/article/wire-0301").text
    assert "<h1>Minister defends hospital waiting-list target</h1>" in html
    assert '<mark class="quote quote-direct"' in html
    label = re.search(r'<span class="speaker-label"[^>]*>(.*?)</span>', html).group(1)
    assert "Amara Okafor</a>" in label  # the speaker label after the quote links to the speaker page
    assert 'href="/quotes/-/speaker/' in label


@pytest.fixture
def hostile_site(tmp_path) -> Datasette:
    """An article whose text and quote contain HTML, stored without the engine."""
    text = 'Tags <b>bold</b> & more. "Use <script>alert(1)</script> & see," said Eve <i>Hacker</i>.'
    content = "Use <script>alert(1)</script> & see,"
    start = text.index(content)
    mention = text.index("Eve")
    q = Quote(
        Span.of(text, start, start + len(content)),
        "direct",
        None,
        Speaker(Span.of(text, mention, mention + 3), "Eve <i>Hacker</i>", "person"),
        "test",
        0.9,
        0,
        0,
    )
    path = tmp_path / "quotes.db"
    Store(open_db(path)).save(
        [(Article(text=text, source="x.txt", id="x/1", title="<Title>"), [q])], None, "v"
    )
    return Datasette([str(path)])


def test_article_page_escapes_all_text(hostile_site):
    response = get(hostile_site, "/quotes/-/article/x~2F1")
    assert response.status_code == 200
    html = response.text
    assert "<script>alert(1)</script>" not in html
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; see," in html
    assert "Eve &lt;i&gt;Hacker&lt;/i&gt;" in html
    assert "&lt;Title&gt;" in html


def test_quote_table_escapes_links(hostile_site):
    html = get(hostile_site, "/quotes/quotes").text
    assert "<script>alert(1)</script>" not in html
    assert 'href="/quotes/-/article/x~2F1#q-' in html


def test_unknown_article_is_a_404(site):
    assert get(site, "/quotes/-/article/nope").status_code == 404
    assert get(site, "/nodb/-/article/nope").status_code == 404


@pytest.mark.parametrize("path, page", [
    ("/quotes/quote_list?_size=5", "/quotes/-/quote/"), ("/quotes/quote_list?_size=5", "/quotes/-/speaker/"),
    ("/quotes/article_list?_size=5", "/quotes/-/article/"), ("/quotes/speaker_list?_size=5", "/quotes/-/speaker/"),
    ("/quotes/quotes?_size=5", "/quotes/-/article/"), ("/quotes/most_quoted_people", "/quotes/-/speaker/"),
])
def test_ids_titles_and_names_link_to_the_plugins_pages(site, path, page):
    assert f'href="{page}' in get(site, path).text


def test_the_bar_reaches_every_page_of_datasettes_own(site):
    first = get(site, "/quotes/quotes.json?_shape=array&_size=1").json()[0]
    rowid, quote_id = first["rowid"], first["id"]  # a quote's row is keyed by its rowid (migration m014)
    for path in ["/", "/quotes", "/quotes/quote_list", "/quotes/quotes", f"/quotes/quotes/{rowid}",
                 "/quotes/most_quoted_people", "/quotes?sql=select+1"]:
        html = get(site, path).text
        assert "/-/static-plugins/quotes/quotes.js" in html and "quotesSite(" in html, path
    row = get(site, f"/quotes/quotes/{rowid}").text
    assert f'"href": "/quotes/-/quote/{rowid}"' in row  # the record's own page, from its row page
    assert get(site, f"/quotes/-/quote/{rowid}").headers["location"] == f"/quotes/-/quote/{quote_id}"


def test_bar_data_cannot_end_its_script(tmp_path, examples_db):
    odd = tmp_path / "a<!--<script>&b.db"  # a name cannot hold "/", but "<!--<script>" breaks a script too
    with sqlite3.connect(examples_db) as source, sqlite3.connect(odd) as target:
        source.backup(target)
    html = get(Datasette([str(odd)]), "/").text
    script = html[html.index("quotesSite("):]
    script = script[:script.index("</script>")]
    assert "a\\u003c!--\\u003cscript\\u003e\\u0026b" in script and "<" not in script


def test_article_page_says_whom_a_pronoun_was_resolved_to(site, examples_db):
    db = open_db(examples_db)
    row = next(db.query("select article_id, speaker_as_written, speaker_name from quotes "
                        "where speaker_resolution = 'pronoun' order by article_id, start limit 1"))
    page = get(site, f"/quotes/-/article/{row['article_id']}").text
    assert f'<strong>{row["speaker_name"]}</strong> <span class="resolved-from"' in page
    assert f"(“{row['speaker_as_written']}”)" in page
