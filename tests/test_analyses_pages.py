"""The newsroom analyses on the site, through Datasette's own client: who gets a voice per outlet
and month, quotes that changed on the way, and corrections marked where they apply."""

import asyncio
import re

import pytest
from datasette.app import Datasette

from quotes.publish.diff import word_diff
from tests.stories import extracted
from tests.stories import quotes as run


def get(ds: Datasette, path: str):
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Datasette:
    db = extracted(tmp_path_factory.mktemp("analyses"))
    run("fix", "rename", "Casey Lund", "Casey J. Lund", "--db", db, "--by", "ines", "--note", "as the board writes it")
    run("fix", "split", "Daniel Okafor", "--article", "d2", "--name", "Amara Okafor", "--db", db, "--by", "ines")
    run("fix", "not-a-quote", "he had missed two shifts", "--article", "p1", "--db", db, "--note", "his own words?")
    return Datasette([str(db)])


def speaker_id(site, name: str) -> str:
    return get(site, f"/news/speakers.json?_shape=array&name={name.replace(' ', '+')}").json()[0]["id"]


def row_of(html: str, table: str, outlet: str, month: str | None = None) -> str:
    body = re.search(rf'<table class="rows-and-columns {table}">(.*?)</table>', html, re.S).group(1)
    attrs = f'data-outlet="{outlet}"' + (f' data-month="{month}"' if month else "")
    return re.search(rf"<tr {attrs}>(.*?)</tr>", body, re.S).group(1)


def test_the_outlet_page_gives_the_share_of_women_and_of_unknown_with_counts(site):
    html = get(site, "/news/-/outlets").text
    gazette = row_of(html, "voices", "Valley Gazette")
    assert '<td class="people">3</td>' in gazette  # Mara Quill ("she"), Casey Lund and Amara Okafor
    assert "<b>33.3%</b> (1)" in gazette  # Mara Quill
    # Casey (a forename of both) and Amara (in no name list): shown, never spread over the others
    assert '<td class="unknown">66.7% (2)</td>' in gazette
    herald = row_of(html, "voices-by-month", "Harbour Herald", "2024-02")
    assert "<b>100.0%</b> (1)" in herald  # Dana Holt, "she" in her article


def test_a_topic_narrows_who_gets_a_voice(site):
    html = get(site, "/news/-/outlets?topic=motion").text
    assert "<b>100.0%</b> (1)" in row_of(html, "voices", "Harbour Herald")  # only Dana Holt speaks of a motion
    assert 'data-outlet="Valley Gazette"' not in re.search(r'<table class="rows-and-columns voices">(.*?)</table>',
                                                           html, re.S).group(1)


def test_the_canned_query_gives_the_same_table_for_sql_users(site):
    rows = get(site, "/news/women_quoted_by_outlet_and_month.json?_shape=array").json()
    feb = next(r for r in rows if r["outlet"] == "Valley Gazette" and r["month"] == "2024-02")
    assert (feb["people"], feb["women"], feb["unknown"], feb["women_percent"], feb["unknown_percent"]) == (
        1, 0, 1, 0.0, 100.0)


def test_the_speaker_page_says_where_the_gender_came_from_and_what_was_corrected(site):
    html = get(site, f"/news/-/speaker/{speaker_id(site, 'Mara Quill')}").text
    gender = re.search(r'<dd class="speaker-gender">(.*?)</dd>', html, re.S).group(1)
    assert "<b>female</b>" in gender and "its articles: pronoun she in 1 article" in gender
    assert "1 altered" in html and "1 excerpted" in html
    casey = get(site, f"/news/-/speaker/{speaker_id(site, 'Casey J. Lund')}").text
    assert re.search(r'<h1 class="speaker-name">Casey J. Lund<span class="corrected-badge" title="Corrected by '
                     r'ines on 20\d\d-\d\d-\d\d; was “Casey Lund”: as the board writes it \(correction 1\)">'
                     r'corrected</span>', casey)
    assert "the forename Casey is given to women and men alike" in casey


def test_a_quote_given_to_another_speaker_is_marked_on_its_page(site):
    rows = get(site, "/news/quotes.json?_shape=array&article_id=d2").json()
    html = get(site, f"/news/-/quote/{rows[0]['id']}").text
    assert re.search(r'Amara Okafor</a><span class="corrected-badge" title="Corrected by ines on [\d-]+ '
                     r'\(correction 2\)">corrected</span>', html)


def test_the_changed_page_shows_each_kind_side_by_side_with_the_words_that_changed(site):
    html = get(site, "/news/-/changed").text
    assert "Altered quotes (1)" in html and "Excerpts (1)" in html and "One quote, two speakers (1)" in html
    altered = re.search(r'<section class="variant variant-altered".*?</section>', html, re.S).group(0)
    assert '2024-01-10</span> · Harbour Herald' in altered and '2024-01-12</span> · Valley Gazette' in altered
    assert "We <del>will not</del> back down" in altered and "We <ins>won&#39;t</ins> back down" in altered
    excerpt = re.search(r'<section class="variant variant-excerpt".*?</section>', html, re.S).group(0)
    assert "<mark>The depot will stay open until the last bus leaves the yard</mark> tonight," in excerpt
    two = re.search(r'<section class="variant variant-two_speakers".*?</section>', html, re.S).group(0)
    assert "Tom Reyes" in two and "Dana Holt" in two and "the very same words" in two


def test_the_changed_page_filters_by_kind_and_speaker(site):
    html = get(site, f"/news/-/changed?kind=excerpt&speaker={speaker_id(site, 'Mara Quill')}").text
    assert html.count('<section class="variant ') == 1 and "variant-excerpt" in html
    assert get(site, "/news/-/changed?kind=rewritten").status_code == 404


def test_the_quote_page_shows_how_the_quote_changed(site):
    rows = get(site, "/news/quotes.json?_shape=array&article_id=g1&_sort=start").json()
    html = get(site, f"/news/-/quote/{rows[0]['id']}").text
    assert '<h2 id="changed">Changed on the way</h2>' in html and "variant-altered" in html


def test_the_corrections_page_lists_who_when_and_whether_it_applies(site):
    html = get(site, "/news/-/corrections").text
    assert html.count('<tr class="correction-ok"') == 3
    assert '<td class="what">split Daniel Okafor: in d2 it is Amara Okafor</td>' in html
    assert "as the board writes it" in html


def test_the_quote_variants_table_links_to_the_quotes_and_speakers(site):
    html = get(site, "/news/quote_variants").text
    assert re.search(r'<a href="/news/-/quote/\w+">\w+</a>', html)
    assert re.search(r'<a href="/news/-/speaker/\w+">\w+</a>', html)


def test_word_differences_escape_the_quotes():
    a, b = word_diff("We <b>will</b> stay", "We <i>won't</i> stay")
    assert "<b>" not in a and "&lt;b&gt;will&lt;/b&gt;" in a and "<ins>&lt;i&gt;won&#39;t&lt;/i&gt;</ins>" in b


def test_the_article_page_marks_a_corrected_speaker_and_the_passages_that_are_no_quote(site):
    html = get(site, "/news/-/article/d2").text
    assert re.search(r"<strong>Amara Okafor</strong><span class=\"corrected-badge\"", html)
    p1 = get(site, "/news/-/article/p1").text
    assert re.search(r'Marked as no quote by people: “he had missed two shifts”<span class="corrected-badge" '
                     r'title="Corrected by [^"]+: his own words\? \(correction 3\)"', p1)
