"""The Datasette site, checked through Datasette's own in-process client on a real database."""

import asyncio
import json
import re
from pathlib import Path

import pytest
from datasette.app import Datasette

from quotes.api import extract_corpus
from quotes.model import Quote, Span, Speaker
from quotes.publish.metadata import QUERIES, TABLES, build_metadata, metadata_json
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
    return Datasette([str(examples_db)], metadata=build_metadata("quotes"))


def test_committed_metadata_json_is_generated_from_code():
    assert (ROOT / "metadata.json").read_text(encoding="utf-8") == metadata_json("quotes"), (
        "metadata.json is stale: run `quotes metadata`"
    )


def test_every_table_and_column_is_described(examples_db):
    db = open_db(examples_db)
    tables = [t for t in db.table_names() if "_fts" not in t]
    assert sorted(tables) == sorted(TABLES)
    for table in tables:
        assert TABLES[table]["description"]
        assert sorted(db[table].columns_dict) == sorted(TABLES[table]["columns"]), table


def test_metadata_has_title_licence_source_facets_and_search():
    metadata = build_metadata()
    assert metadata["title"] and metadata["license"] and metadata["source"]
    quotes = metadata["databases"]["quotes"]["tables"]["quotes"]
    assert quotes["facets"] == ["type", "speaker_id", "speaker_org", "speaker_kind", "cue", "outlet"]
    assert quotes["fts_table"] == "quotes_fts"
    assert len(QUERIES) >= 7


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
    site = Datasette([str(path)], metadata=build_metadata("quotes"))
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
    return Datasette([str(path)], metadata=build_metadata("quotes"))


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


def test_metadata_json_file_is_valid_json():
    assert json.loads((ROOT / "metadata.json").read_text(encoding="utf-8"))["databases"]["quotes"]["queries"]


def test_article_page_says_whom_a_pronoun_was_resolved_to(site, examples_db):
    db = open_db(examples_db)
    row = next(db.query("select article_id, speaker_as_written, speaker_name from quotes "
                        "where speaker_resolution = 'pronoun' order by article_id, start limit 1"))
    page = get(site, f"/quotes/-/article/{row['article_id']}").text
    assert f'<strong>{row["speaker_name"]}</strong> <span class="resolved-from"' in page
    assert f"(“{row['speaker_as_written']}”)" in page
