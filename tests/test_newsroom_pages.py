"""The newsroom pages (speaker, search, outlets, repeated quotes, quote), through Datasette's own client.

The database is written by the real store from quotes built by hand, so every expected figure
is known exactly; the example corpus is checked separately for pages that show something.
"""

import asyncio
import re
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette

from quotes.api import extract_corpus
from quotes.readers import Article
from quotes.store import Store, open_db
from tests.builders import quote

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "Eve <i>Hacker</i>"
HOSTILE_QUOTE = "Use <script>alert(1)</script> & see,"


def get(ds: Datasette, path: str):
    return asyncio.run(ds.client.get(path))


def article(aid: str, text: str, outlet: str | None, published: str | None, quotes: list) -> tuple:
    return Article(text=text, source=f"{aid}.txt", id=aid, title=f"Story {aid}", outlet=outlet,
                   published=published), quotes


def newsroom() -> list[tuple]:
    """Jane Doe says "We will appeal" in three outlets over two months, then something else undated."""
    a1 = '"We will appeal," said Jane Doe, a lawyer for the Harbour Workers Union. Officials said the ruling was final.'
    a2 = 'Jane Doe, a spokesperson for the Harbour Workers Union, told reporters: "We will appeal." The union met.'
    a3 = f'"WE WILL  APPEAL!" said Ms. Doe. "{HOSTILE_QUOTE}" said {HOSTILE}.'
    a4 = '"Nothing to add," said Jane Doe.'
    return [
        article("h-1", a1, "Herald", "2025-01-06", [
            quote(a1, "We will appeal,", "Jane Doe", "Jane Doe", role="lawyer", org="Harbour Workers Union"),
            quote(a1, "the ruling was final", "officials", "Officials", kind="anonymous", qtype="indirect")]),
        article("g-1", a2, "Gazette", "2025-01-20", [
            quote(a2, "We will appeal.", "Jane Doe", role="spokesperson", org="Harbour Workers Union")]),
        article("p-1", a3, "Post", "2025-03-03T09:30:00+00:00", [
            quote(a3, "WE WILL  APPEAL!", "Jane Doe", "Ms. Doe"),
            quote(a3, HOSTILE_QUOTE, HOSTILE)]),
        article("x-1", a4, None, None, [quote(a4, "Nothing to add,", "Jane Doe")]),
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Datasette:
    path = tmp_path_factory.mktemp("newsroom") / "quotes.db"
    Store(open_db(path)).save(newsroom(), None, "v")
    return Datasette([str(path)])


@pytest.fixture(scope="module")
def jane(site) -> str:
    rows = get(site, "/quotes/speakers.json?_shape=array&name=Jane+Doe").json()
    return rows[0]["id"]


@pytest.fixture(scope="module")
def eve(site) -> str:
    return get(site, "/quotes/speakers.json?_shape=array&kind=person&name__contains=Hacker").json()[0]["id"]


def test_speaker_page_shows_identity_counts_and_every_quote(site, jane):
    html = get(site, f"/quotes/-/speaker/{jane}").text
    assert '<h1 class="speaker-name">Jane Doe</h1>' in html
    assert re.search(r'class="stat-quotes">4<', html) and re.search(r'class="stat-articles">4<', html)
    assert re.search(r'class="stat-outlets">3<', html)
    roles = re.search(r'<dd class="speaker-roles">(.*?)</dd>', html, re.S).group(1)
    assert "lawyer" in roles and "spokesperson" in roles
    assert "Harbour Workers Union" in re.search(r'<dd class="speaker-organizations">(.*?)</dd>', html, re.S).group(1)
    assert "Ms. Doe" in re.search(r'<dd class="speaker-aliases">(.*?)</dd>', html, re.S).group(1)
    assert html.count('class="speaker-quote"') == 4
    for aid in ("h-1", "g-1", "p-1", "x-1"):
        assert f'href="/quotes/-/article/{aid}#q-' in html  # each quote links to its place in the article


def test_speaker_chart_has_a_bar_per_week_with_gaps_and_counts_undated_quotes(site, jane):
    html = get(site, f"/quotes/-/speaker/{jane}").text
    svg = re.search(r'<svg[^>]*class="quotes-timeline".*?</svg>', html, re.S).group(0)
    bars = re.findall(r'data-period="([\d-]+)" data-count="(\d+)"', svg)
    assert bars[0] == ("2025-01-06", "1") and bars[-1] == ("2025-03-03", "1")
    assert len(bars) == 9  # every Monday from 6 January to 3 March, the empty weeks too
    assert sum(int(count) for _, count in bars) == 3
    assert "1 quote has no date" in html
    assert "<script" not in svg and "http://www.w3.org/2000/svg" in svg


def test_speaker_chart_by_month(site, jane):
    html = get(site, f"/quotes/-/speaker/{jane}?by=month").text
    bars = re.findall(r'data-period="([\d-]+)" data-count="(\d+)"', html)
    assert bars == [("2025-01-01", "2"), ("2025-02-01", "0"), ("2025-03-01", "1")]
    # each bar links to its quotes in the table, limited to its dates
    assert "published__gte=2025-01-01&amp;published__lt=2025-02-01" in html


def test_search_finds_quotes_speakers_and_articles_with_context(site):
    html = get(site, "/quotes/-/search?q=appeal").text
    assert "3 quotes, 0 speakers and 3 articles match" in html
    assert html.count('class="quote-result"') == 3
    assert "<mark>APPEAL</mark>" in html  # the matched word, highlighted inside the quote
    assert "said Jane Doe, a lawyer" in html  # the words around the quote
    assert 'class="speaker-link" href="/quotes/-/speaker/' in html


def test_search_matches_speaker_names_by_prefix(site, jane):
    html = get(site, "/quotes/-/search?q=jan").text
    assert f'href="/quotes/-/speaker/{jane}"><strong>Jane Doe</strong>' in html


def test_search_treats_operators_as_words_and_handles_empty_queries(site):
    for query in ['"', "appeal OR", "NOT", "*", "a AND (b"]:
        response = get(site, f"/quotes/-/search?q={query}")
        assert response.status_code == 200, query
    assert "Type a topic" in get(site, "/quotes/-/search").text


def test_outlet_comparison_counts_who_each_outlet_quotes(site, jane):
    html = get(site, "/quotes/-/outlets").text
    row = re.search(rf'<tr data-speaker="{jane}">(.*?)</tr>', html, re.S).group(1)
    counts = dict(re.findall(r'data-outlet="([^"]*)"[^>]*>(?:<a [^>]*>)?(\d*)', row))
    assert counts == {"Herald": "1", "Gazette": "1", "Post": "1", "": "1"}
    anonymous = re.search(r'<tr data-outlet="Herald"><td>Herald</td><td>2</td><td class="anonymous">1</td>', html)
    assert anonymous and "50.0%" in html and "“officials”" in html


def test_outlet_comparison_for_a_speaker_and_a_topic(site, jane):
    html = get(site, f"/quotes/-/outlets?speaker={jane}&topic=appeal").text
    assert "Outlet comparison: <a" in html and "on “appeal”" in html
    summary = re.search(r'<table class="rows-and-columns outlet-summary">(.*?)</table>', html, re.S).group(1)
    assert summary.count("<tr data-outlet=") == 3  # the undated quote says nothing about appeals
    assert html.count('class="article-group outlet-quotes"') == 3
    assert '<td class="share">100.0%</td>' in html  # the Herald's only quote on appeals is hers
    everything = get(site, f"/quotes/-/outlets?speaker={jane}").text
    assert '<td class="share">50.0%</td>' in everything  # but only half of all its quotes


def test_repeated_quotes_group_folded_variants_and_show_the_first(site, jane):
    html = get(site, "/quotes/-/repeated").text
    groups = re.findall(r'<section class="repeat-group" data-articles="(\d+)">(.*?)</section>', html, re.S)
    assert [n for n, _ in groups] == ["3"]
    rows = re.findall(r'<tr class="(first-appearance|repeat)">(.*?)</tr>', groups[0][1], re.S)
    assert [kind for kind, _ in rows] == ["first-appearance", "repeat", "repeat"]
    assert "Herald" in rows[0][1] and "2025-01-06" in rows[0][1]
    assert "“WE WILL  APPEAL!”" in rows[2][1]  # each repeat as it was written


def test_quote_page_lists_the_same_words_elsewhere(site):
    qid = get(site, "/quotes/quotes.json?_shape=array&article_id=g-1").json()[0]["id"]
    html = get(site, f"/quotes/-/quote/{qid}").text
    assert "These words appear in <b>3</b> articles from 3 outlets" in html
    assert "They first appeared in <b>Herald</b> on 2025-01-06" in html
    assert 'class="repeat this-quote"' in html


def test_article_page_marks_repeats_and_colours_each_speaker(site):
    html = get(site, "/quotes/-/article/p-1").text
    assert "repeated: first in Herald, 2025-01-06" in html
    colours = set(re.findall(r'<mark class="quote quote-direct"[^>]*style="--bg: (#[0-9a-f]+)', html))
    assert len(colours) == 2  # Jane Doe and Eve, one colour each
    assert html.count('<li style="--bg:') == 2  # the side list, one entry per quote


def test_article_page_sets_reported_claims_apart(site):
    html = get(site, "/quotes/-/article/h-1").text
    assert '<mark class="quote quote-indirect"' in html and '<mark class="quote quote-direct"' in html
    assert "reported claim" in html
    assert '<span class="label-role"> · lawyer, Harbour Workers Union</span>' in html


@pytest.mark.parametrize("path", ["/quotes/-/speaker/{eve}", "/quotes/-/search?q=alert", "/quotes/-/outlets",
                                  "/quotes/-/outlets?topic=alert", "/quotes/-/article/p-1"])
def test_pages_escape_quote_text_and_speaker_names(site, eve, path):
    html = get(site, path.format(eve=eve)).text
    assert "<script>alert(1)</script>" not in html
    assert "<i>Hacker</i>" not in html
    assert "Eve &lt;i&gt;Hacker&lt;/i&gt;" in html


def test_unknown_speakers_quotes_articles_and_databases_are_404(site):
    for path in ["/quotes/-/speaker/nobody", "/quotes/-/quote/nothing", "/quotes/-/article/nowhere",
                 "/quotes/-/outlets?speaker=nobody", "/nodb/-/speaker/x", "/nodb/-/search?q=a"]:
        assert get(site, path).status_code == 404, path


def test_a_database_without_quotes_has_no_pages(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("create table t (x)")
    ds = Datasette([str(other)])
    assert get(ds, "/other/-/search?q=a").status_code == 404
    assert 'href="/other/-/search"' not in get(ds, "/").text


def test_home_database_and_menu_lead_to_the_pages(site):
    for path in ["/", "/quotes"]:
        html = get(site, path).text
        for page in ("search", "outlets", "repeated"):
            assert f'href="/quotes/-/{page}"' in html, (path, page)
    menu = get(site, "/quotes/quotes").text  # Datasette's menu, on every page
    assert '<li><a href="/quotes/-/search">Search</a></li>' in menu
    assert '<li><a href="/quotes/quote_list">Quotes</a></li>' in menu


def test_tables_link_speakers_and_canonical_forms_to_the_pages(site, jane):
    assert f'href="/quotes/-/speaker/{jane}">Jane Doe</a>' in get(site, "/quotes/speakers").text
    quotes_table = get(site, "/quotes/quotes?article_id=g-1").text
    assert f'href="/quotes/-/speaker/{jane}">Jane Doe</a>' in quotes_table
    assert 'href="/quotes/-/quote/' in quotes_table and ">we will appeal</a>" in quotes_table


def test_example_corpus_fills_every_page(tmp_path):
    """The bundled examples show repeats, several outlets, anonymous sources and a timeline."""
    path = tmp_path / "quotes.db"
    extract_corpus([str(ROOT / "quotes" / "examples")], path)
    ds = Datasette([str(path)])
    repeated = get(ds, "/quotes/-/repeated").text
    assert repeated.count('class="repeat-group"') >= 3
    assert "nobody has listened" in repeated
    top = get(ds, "/quotes/most_quoted_people.json?_shape=array").json()[0]
    speaker = get(ds, f"/quotes/-/speaker/{top['speaker_id']}").text
    bars = [int(n) for n in re.findall(r'data-count="(\d+)"', speaker)]
    assert sum(1 for n in bars if n) >= 3 and len(bars) >= 6
    outlets = get(ds, "/quotes/-/outlets").text
    assert outlets.count("<tr data-outlet=") >= 8  # four outlets, in two tables
    anonymous = [int(n) for n in re.findall(r'<td class="anonymous">(\d+)</td>', outlets)]
    assert sum(1 for n in anonymous if n) >= 3
