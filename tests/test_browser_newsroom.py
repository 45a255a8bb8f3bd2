"""The newsroom pages in a real browser: chromium driven by Playwright against ``quotes demo``.

They run on the bundled example corpus, as a reader would first see it, and check what the
reader sees (highlights, colours, the chart, links that lead somewhere) rather than exact
extraction counts. Each test saves a screenshot (see the ``screenshots`` fixture).
"""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def page(browser, demo_site):
    """A fresh page that records every request, to prove nothing is fetched from elsewhere."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.set_default_timeout(15000)
    yield page
    origin = demo_site.rsplit("/", 1)[0]
    outside = [url for url in page.requests if not url.startswith(origin) and not url.startswith("data:")]
    context.close()
    assert not outside, f"pages fetched from elsewhere: {outside}"


def open_article(page, demo_site, title: str) -> None:
    page.goto(f"{demo_site}/articles?title__startswith={title.replace(' ', '+')}")
    page.get_by_role("link", name=re.compile(title)).first.click()
    page.wait_for_selector("#article-text")


def test_article_highlights_quotes_by_speaker_and_type(page, demo_site, screenshots):
    open_article(page, demo_site, "Dock workers walk out")
    marks = page.locator("#article-text mark.quote")
    assert marks.count() >= 5
    colours = {marks.nth(i).evaluate("m => getComputedStyle(m).getPropertyValue('--bg').trim()")
               for i in range(marks.count())}
    assert len(colours) >= 2, "each speaker should have a colour of their own"
    reported = page.locator("#article-text mark.quote-indirect").first
    direct = page.locator("#article-text mark.quote-direct").first
    assert reported.evaluate("m => getComputedStyle(m).borderBottomStyle") == "dashed"
    assert direct.evaluate("m => getComputedStyle(m).borderBottomStyle") == "none"
    label = page.locator("#article-text .speaker-label", has_text="Daniel Okafor").first
    assert "chair" in label.inner_text()  # name, role and organisation beside the quote
    entries = page.locator(".quote-index li")
    assert entries.count() == len(set(page.locator("#article-text mark.quote").evaluate_all(
        "ms => ms.map(m => m.dataset.quote)")))
    page.screenshot(path=str(screenshots / "article.png"), full_page=True)


def test_side_list_jumps_to_each_quote(page, demo_site):
    open_article(page, demo_site, "Dock workers walk out")
    last = page.locator(".quote-index li a.jump").last
    target = last.get_attribute("href")
    page.evaluate("window.scrollTo(0, 0)")
    last.click()
    page.wait_for_function("hash => location.hash === hash", arg=target)
    anchor = page.locator(f"[id='{target[1:]}']")
    mark = page.locator(f"[id='{target[1:]}'] + mark")
    assert anchor.count() == 1 and mark.is_visible()
    top = mark.evaluate("m => m.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"], "the quote should be scrolled into view"
    assert mark.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"  # the target is outlined


def test_speaker_page_shows_profile_chart_and_every_quote(page, demo_site, screenshots):
    open_article(page, demo_site, "Dock workers walk out")
    page.locator("#article-text .speaker-label a", has_text="Daniel Okafor").first.click()
    page.wait_for_selector("h1.speaker-name")
    assert page.inner_text("h1.speaker-name") == "Daniel Okafor"
    quotes = int(page.inner_text(".stat-quotes"))
    assert int(page.inner_text(".stat-outlets")) >= 3
    assert "Ellery Dockers" in page.inner_text(".speaker-organizations")
    bars = page.locator("svg.quotes-timeline g.bar")
    counts = [int(c) for c in bars.evaluate_all("bs => bs.map(b => b.dataset.count)")]
    assert sum(1 for c in counts if c) >= 4, "quotes should spread over several weeks"
    assert sum(counts) == quotes  # every example article has a date
    box = page.locator("svg.quotes-timeline").bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    assert page.locator(".speaker-quote").count() == quotes
    page.screenshot(path=str(screenshots / "speaker.png"), full_page=True)
    page.locator(".speaker-quote a.in-article").last.click()
    page.wait_for_selector("#article-text")
    assert re.search(r"#q-\w+$", page.url)


def test_chart_bar_leads_to_the_quotes_of_its_week(page, demo_site):
    page.goto(f"{demo_site}/most_quoted_people")
    page.get_by_role("link", name="Daniel Okafor").first.click()
    page.wait_for_selector("svg.quotes-timeline")
    bar = page.locator("svg.quotes-timeline a").first
    count = int(bar.locator("g.bar").get_attribute("data-count"))
    bar.click()
    page.wait_for_load_state()
    assert "published__gte=" in page.url
    assert page.locator("table.rows-and-columns tbody tr").count() == count


def test_search_box_finds_quotes_with_speaker_and_context(page, demo_site, screenshots):
    page.goto(demo_site)
    page.get_by_placeholder("Search quotes, speakers and articles").fill("union")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-summary")
    results = page.locator(".quote-result")
    assert results.count() >= 1
    first = results.first
    assert first.locator("mark").count() >= 1  # the matched words
    assert first.locator(".speaker-link").count() == 1  # who said it, linked to their page
    assert len(first.locator(".context").inner_text()) > 60  # the words around the quote
    assert page.locator(".speaker-result").count() >= 1  # speakers whose names or aliases match
    assert page.locator(".article-result").count() >= 3
    page.screenshot(path=str(screenshots / "search.png"), full_page=True)
    page.fill("#search-q", "okaf")
    page.keyboard.press("Enter")
    page.wait_for_url("**/-/search?q=okaf*")  # the "union" page has speaker results too: read the new page's
    page.wait_for_selector("#speaker-results")
    names = page.locator(".speaker-result strong").all_inner_texts()
    assert {"Daniel Okafor", "Amara Okafor"} <= set(names)


def test_outlet_comparison_for_everyone_a_speaker_and_a_topic(page, demo_site, screenshots):
    page.goto(demo_site)
    page.get_by_role("link", name="Outlets").first.click()
    page.wait_for_selector("table.matrix")
    outlets = page.locator("table.matrix thead th").all_inner_texts()
    assert {"Norhaven Herald", "Coastal Times", "Ellery Gazette", "The Valley Post"} <= set(outlets)
    row = page.locator("table.matrix tr", has_text="Daniel Okafor")
    assert sum(1 for text in row.locator("td.count[data-outlet]").all_inner_texts() if text.strip()) >= 3
    anonymous = [int(n) for n in page.locator("table.anonymous-by-outlet td.anonymous").all_inner_texts()]
    assert sum(1 for n in anonymous if n) >= 3, "several outlets rely on unnamed sources"
    page.screenshot(path=str(screenshots / "outlets.png"), full_page=True)
    lucia = page.locator("#outlets-speaker option", has_text="Lucia Fern").first.get_attribute("value")
    page.select_option("#outlets-speaker", lucia)
    page.fill("#outlets-topic", "")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_selector("table.outlet-summary")
    assert "Lucia Fern" in page.inner_text("h1")
    assert page.locator("table.outlet-summary tbody tr").count() >= 2
    page.fill("#outlets-topic", "budgets")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_selector("h1:has-text('budgets')")
    assert page.locator(".outlet-quotes li").count() >= 2


def test_repeated_quotes_show_first_appearance_and_repeats(page, demo_site, screenshots):
    page.goto(demo_site)
    page.get_by_role("link", name="Repeated quotes").first.click()
    page.wait_for_selector(".repeat-group")
    group = page.locator(".repeat-group", has_text="nobody has listened")
    rows = group.locator("tbody tr")
    assert rows.count() >= 3
    assert rows.first.get_attribute("class") == "first-appearance"
    assert "The Valley Post" in rows.first.inner_text()
    outlets = {rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())}
    assert len(outlets) >= 2
    page.screenshot(path=str(screenshots / "repeated.png"), full_page=True)
    group.get_by_role("link", name="quote page").click()
    page.wait_for_selector("#same-quote")
    assert "first appeared in The Valley Post" in page.inner_text(".same-summary")
    page.screenshot(path=str(screenshots / "quote.png"), full_page=True)
