"""The site a user gets from ``datasette news.db``, without ``quotes serve``, in a real browser.

Debian's chromium driven by Playwright opens Datasette's own pages (home, the quote list, a raw
table, a row, a canned query) and the plugin's, on a database named ``news``, twice: with the
plugin alone, and with datasette-search-all installed beside it (it replaces ``index.html``).
Screenshots go where the ``screenshots`` fixture says (``QUOTES_SCREENSHOTS=docs/screenshots``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Site, free_port, quotes_argv, start_server, stop_site

from quotes.publish.metadata import TABLES

ROOT = Path(__file__).resolve().parent.parent
# Datasette 0.65 loads every installed plugin; this runs its own command line without one of them.
WITHOUT_PLUGIN = ("import sys; from datasette.plugins import pm; pm.unregister(name=sys.argv.pop(1)); "
                  "from datasette.cli import cli; cli(prog_name='datasette')")


@pytest.fixture(scope="module")
def news_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.db"
    subprocess.run(quotes_argv("extract", ROOT / "quotes" / "examples", "--db", path), check=True,
                   capture_output=True, timeout=600)
    return path


def start_datasette(db: Path, without: str | None) -> Site:
    """``datasette news.db -p PORT``, as a user types it (optionally with one plugin held back)."""
    port = free_port()
    argv = [sys.executable, "-m", "datasette"] if without is None else [sys.executable, "-c", WITHOUT_PLUGIN, without]
    return start_server([*argv, db, "-p", port], port)


@pytest.fixture(scope="module", params=["plugin alone", "with datasette-search-all"])
def datasette_site(request, news_db) -> Iterator[tuple[str, str]]:
    site = start_datasette(news_db, "search_all" if request.param == "plugin alone" else None)
    plugins = site.get("/-/plugins.json").decode()
    assert ("datasette-search-all" in plugins) is (request.param != "plugin alone")
    yield site.url, request.param
    stop_site(site)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    # a refusal by the Content-Security-Policy, or a script that failed (not a slow fetch under load)
    page.on("console", lambda message: page.problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.set_default_timeout(15000)
    yield page
    context.close()
    assert not page.problems, f"errors in the browser (a script failed, or the CSP refused something): {page.problems}"


def bar_links(page) -> list[str]:
    page.wait_for_selector(".quotes-nav")
    assert page.locator(".quotes-nav").count() == 1, "one bar, not two"
    return page.locator(".quotes-nav > a").all_inner_texts()


def shot(page, screenshots: Path, name: str, variant: str) -> None:
    if variant == "plugin alone":
        page.screenshot(path=str(screenshots / name), full_page=False)


NAV = ["Quotes", "Articles", "Speakers", "Search", "Outlets", "Repeated quotes"]


def test_home_page_shows_the_bar(page, datasette_site, screenshots):
    url, variant = datasette_site
    page.goto(url + "/")
    assert bar_links(page)[:6] == NAV
    shot(page, screenshots, "home.png", variant)
    page.locator(".quotes-nav input[type=search]").fill("union")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-summary")
    assert page.locator(".quote-result").count() >= 1


def test_quote_list_shows_speaker_role_and_organisation_within_1280_px(page, datasette_site, screenshots):
    url, variant = datasette_site
    page.goto(url + "/")
    page.locator(".quotes-nav a", has_text="Quotes").first.click()
    page.wait_for_selector("table.rows-and-columns")
    assert "/news/quote_list" in page.url
    assert page.locator(".quotes-nav a.current").inner_text() == "Quotes"
    for column in ("speaker", "role", "organization"):
        box = page.locator(f"th.col-{column}").bounding_box()
        assert box and box["x"] + box["width"] <= 1280, column
    assert page.locator("th.col-rowid").is_hidden()
    assert page.locator("details.column-descriptions").get_attribute("open") is None  # folded away
    assert page.locator("table.rows-and-columns").bounding_box()["y"] < 900, "the rows start on the first screen"
    shot(page, screenshots, "quote-list.png", variant)
    page.locator("td.col-speaker a").first.click()
    page.wait_for_selector("h1.speaker-name")


def test_raw_table_page_shows_the_bar_and_folds_its_descriptions(page, datasette_site, screenshots):
    url, variant = datasette_site
    page.goto(url + "/news/quotes")
    assert bar_links(page)[:6] == NAV
    details = page.locator("details.column-descriptions")
    columns = len(TABLES["quotes"]["columns"])
    assert details.get_attribute("open") is None and f"{columns} columns" in details.locator("summary").inner_text()
    assert page.locator("table.rows-and-columns").bounding_box()["y"] < 900
    shot(page, screenshots, "table.png", variant)


def test_row_page_shows_the_bar_and_leads_to_the_quote_page(page, datasette_site, screenshots):
    url, variant = datasette_site
    page.goto(url + "/news/quotes?_size=1")
    page.locator("table.rows-and-columns tbody td a").first.click()  # the row link
    page.wait_for_selector("table.quotes-record")
    assert bar_links(page)[:6] == NAV
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280, "the record fits the screen"
    shot(page, screenshots, "row.png", variant)
    page.locator(".quotes-nav a.record-link").click()
    page.wait_for_selector("#same-quote")


def test_canned_query_shows_the_bar(page, datasette_site, screenshots):
    url, variant = datasette_site
    page.goto(url + "/news/most_quoted_people")
    assert bar_links(page)[:6] == NAV
    assert page.locator("table.rows-and-columns tbody tr").count() >= 5
    shot(page, screenshots, "canned-query.png", variant)
    page.locator("td.col-name a").first.click()
    page.wait_for_selector("svg.quotes-timeline")


def test_search_all_keeps_working_beside_the_plugin(page, datasette_site):
    url, variant = datasette_site
    if variant == "plugin alone":
        pytest.skip("datasette-search-all is held back in this variant")
    page.goto(url + "/-/search?q=ferry")
    tables = page.locator("#search-all-results li[data-searchable-url]").evaluate_all(
        "items => items.map(li => li.dataset.searchableUrl)")
    assert {"/news/quotes", "/news/articles", "/news/speakers"} <= set(tables)
    assert bar_links(page)[:6] == NAV


def labels_stay_left_of(page, right: float) -> None:
    """Every line of every quote label ends before ``right`` (the side list, or the screen's edge)."""
    text = page.locator("#article-text").bounding_box()
    boxes = page.locator("#article-text .speaker-label").evaluate_all(
        "ls => ls.flatMap(l => Array.from(l.getClientRects()).map(r => ({x: r.x, width: r.width})))")
    assert boxes
    for box in boxes:
        assert text["x"] - 1 <= box["x"] and box["x"] + box["width"] <= right


def test_article_page_is_readable_on_a_phone(browser, datasette_site, screenshots):
    url, variant = datasette_site
    if variant != "plugin alone":
        pytest.skip("once is enough")
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(url + "/news/article_list?title__startswith=Dock+workers+walk+out")
    page.locator("td.col-title a").first.click()
    page.wait_for_selector("#article-text")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    labels_stay_left_of(page, 390)
    size = page.locator("#article-text").evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    assert size >= 15
    page.screenshot(path=str(screenshots / "article-phone.png"), full_page=False)
    context.close()


def test_long_labels_stay_inside_the_article_text(page, datasette_site):
    url, _ = datasette_site
    page.goto(url + "/news/article_list?_size=max")
    hrefs = page.locator("td.col-title a").evaluate_all("links => links.map(a => a.href)")
    for href in hrefs:
        page.goto(href)
        page.wait_for_selector("#article-text")
        if not page.locator("#article-text .speaker-label").count():
            continue
        index = page.locator(".quote-index").bounding_box()
        labels_stay_left_of(page, index["x"])
        text = page.locator("#article-text").bounding_box()
        assert text["x"] + text["width"] <= index["x"], "the side list never lies over the text"


def test_every_page_is_served_with_a_content_security_policy(datasette_site):
    import urllib.request

    url, _ = datasette_site
    with urllib.request.urlopen(url + "/news/quote_list") as response:
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_nothing_is_fetched_from_elsewhere(page, datasette_site):
    url, _ = datasette_site
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/news/quote_list", "/news/quotes", "/news/most_quoted_people"]:
        page.goto(url + path)
        page.wait_for_selector(".quotes-nav")
    assert requested and all(r.startswith(url) or r.startswith("data:") for r in requested)
    assert not [r for r in requested if re.search(r"cdn|googleapis|unpkg", r)]

