"""The newsroom analyses in a real browser: chromium driven by Playwright against ``quotes serve``
on the test beat (tests/stories.py) with corrections made through the CLI. Each test saves a
screenshot (see the ``screenshots`` fixture): the README shows them."""

from __future__ import annotations

import pytest

from tests.stories import extracted
from tests.stories import quotes as run


@pytest.fixture(scope="module")
def beat(tmp_path_factory):
    db = extracted(tmp_path_factory.mktemp("beat"), "beat")
    run("fix", "rename", "Casey Lund", "Casey J. Lund", "--db", db, "--by", "ines", "--note", "as the board writes it")
    run("fix", "set", "Casey J. Lund", "gender", "female", "--db", db, "--by", "ines", "--note", "asked her office")
    run("fix", "split", "Daniel Okafor", "--article", "d2", "--name", "Amara Okafor", "--db", db, "--by", "ines",
        "--note", "the Gazette quotes his sister")
    return db


@pytest.fixture
def page(browser, beat, served_site):
    site = served_site(beat)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base = f"{site.url}/beat"
    yield page
    context.close()


def test_the_outlet_page_shows_who_gets_a_voice(page, screenshots):
    page.goto(f"{page.base}/-/outlets")
    gazette = page.locator("table.voices tr[data-outlet='Valley Gazette']")
    assert gazette.locator("td.people").inner_text() == "3"
    assert gazette.locator("td.women").inner_text().strip() == "66.7% (2)"  # Mara Quill, and Casey Lund corrected
    assert gazette.locator("td.unknown").inner_text() == "33.3% (1)"  # Amara Okafor: in no name list
    assert page.locator("table.voices-by-month tr").count() > 4
    page.locator("#voices").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "voices.png"), full_page=True)


def test_the_changed_page_shows_what_changed_word_by_word(page, screenshots):
    page.goto(f"{page.base}/-/changed")
    altered = page.locator("section.variant-altered").first
    removed, added = altered.locator("del").first, altered.locator("ins").first
    assert (removed.inner_text(), added.inner_text()) == ("will not", "won't")
    assert removed.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert added.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    excerpt = page.locator("section.variant-excerpt mark").first.inner_text()
    assert excerpt == "The depot will stay open until the last bus leaves the yard"
    page.get_by_role("link", name="One quote, two speakers (1)").click()
    page.wait_for_url("**/-/changed?kind=two_speakers")
    page.wait_for_load_state("load")
    assert page.locator("section.variant").count() == 1
    assert "Tom Reyes" in page.locator("section.variant").inner_text()
    page.goto(f"{page.base}/-/changed")
    page.screenshot(path=str(screenshots / "changed.png"), full_page=True)


def test_corrections_are_listed_and_marked_where_they_apply(page, screenshots):
    page.goto(f"{page.base}/-/corrections")
    assert page.locator("table.corrections tbody tr.correction-ok").count() == 3
    page.screenshot(path=str(screenshots / "corrections.png"), full_page=True)
    page.goto(f"{page.base}/-/search?q=Casey")
    page.locator(".search-results a", has_text="Casey J. Lund").first.click()
    badge = page.locator("h1 .corrected-badge")
    assert badge.inner_text() == "corrected"
    assert "was “Casey Lund”: as the board writes it" in badge.get_attribute("title")
    gender = page.locator("dd.speaker-gender")
    assert gender.locator("b").inner_text() == "female" and "corrected by ines" in gender.inner_text()
    page.screenshot(path=str(screenshots / "speaker-corrected.png"), full_page=True)
