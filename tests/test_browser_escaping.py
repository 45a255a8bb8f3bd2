"""Hostile text in articles and quotes shows literally in a real browser and never runs.

An article whose quotes hold ``<script>`` and ``<img onerror>`` payloads is extracted by the
real engine, served by ``quotes serve`` and opened in headless Chromium. Every payload would
set ``window.__xss`` and open a dialog if it ran.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli

SCRIPT = "<script>window.__xss='script';alert('script')</script>"
IMAGE = "<img src=x onerror=window.__xss=1;alert(1)>"
SVG = "<svg onload=window.__xss=2;alert(2)>"
TITLE = f"Clerk finds {SCRIPT} in council forms"
QUOTE_1 = f"Typing {SCRIPT} into the box broke the form,"
QUOTE_2 = f"The page showed {IMAGE} and then froze,"
ARTICLE = (f"{TITLE}\n\n"
           f'"{QUOTE_1}" said Jane Doe, a council clerk.\n\n'
           f'"{QUOTE_2}" said John Roe, a web developer.\n\n'
           f"The council said the form would stay offline while {SVG} was checked.\n")
LINKED = {"id": "linked-1", "title": "Ferry late", "url": "javascript:window.__xss=3;alert(3)",
          "text": '"The ferry is late again," said Karl Brenner, a harbour pilot.'}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "forms.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "linked.jsonl").write_text(json.dumps(LINKED) + "\n", encoding="utf-8")
    db = folder / "quotes.db"
    result = CliRunner().invoke(cli, ["extract", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def site(hostile_db, served_site):
    return served_site(hostile_db)


class Watched:
    """A page that records every dialog and console message, for proof that nothing ran."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("console", lambda message: self.console.append(message.text))

    def open(self, url: str) -> None:
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, url
        self.page.wait_for_timeout(200)  # an <img onerror> fires after its request fails

    def assert_nothing_ran(self) -> None:
        assert self.page.evaluate("window.__xss") is None, "a payload ran"
        assert self.dialogs == []
        assert not [m for m in self.console if "xss" in m or "alert" in m]
        assert self.page.evaluate("document.querySelectorAll('img[src=x], svg[onload]').length") == 0
        assert self.page.evaluate("[...document.scripts].some(s => s.text.includes('__xss'))") is False


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    page.context.close()


def article_id(db: Path, source_name: str) -> str:
    result = CliRunner().invoke(cli, ["show", source_name, "--db", str(db), "--json"])
    return json.loads(result.stdout)["id"]


def test_quotes_are_found_with_their_payloads(hostile_db):
    shown = json.loads(CliRunner().invoke(cli, ["show", "forms.txt", "--db", str(hostile_db), "--json"]).stdout)
    assert shown["title"] == TITLE
    assert {QUOTE_1, QUOTE_2} <= {q["content"] for q in shown["quotes"]}


def test_article_page_shows_payloads_as_text(site, watched, hostile_db):
    watched.open(f"{site.url}/quotes/-/article/{article_id(hostile_db, 'forms.txt')}")
    watched.assert_nothing_ran()
    # the article's own text, without the speaker labels the page sets after each quote
    text = watched.page.evaluate("""() => {
        const article = document.querySelector('.article-text').cloneNode(true);
        article.querySelectorAll('.speaker-label').forEach(label => label.remove());
        return article.innerText;
    }""")
    assert QUOTE_1 in text and QUOTE_2 in text and SVG in text
    assert watched.page.locator("h1").inner_text() == TITLE
    assert watched.page.title().startswith(TITLE)
    table = watched.page.locator("table.rows-and-columns").inner_text()
    assert QUOTE_1 in table and QUOTE_2 in table


def test_quotes_table_shows_payloads_as_text(site, watched):
    watched.open(f"{site.url}/quotes/quotes")
    watched.assert_nothing_ran()
    table = watched.page.locator("table.rows-and-columns").inner_text()
    assert QUOTE_1 in table and QUOTE_2 in table


def test_articles_table_search_and_row_pages_show_payloads_as_text(site, watched, hostile_db):
    pages = ["/quotes/articles", "/quotes/quotes?_search=form", "/quotes/speakers",
             f"/quotes/articles/{article_id(hostile_db, 'forms.txt')}",
             "/quotes/everything_one_person_said?name=Jane"]
    for path in pages:
        watched.open(site.url + path)
        watched.assert_nothing_ran()
    assert SCRIPT in watched.page.locator("table.rows-and-columns").inner_text()


def test_sql_typed_into_the_site_shows_as_text(site, watched):
    def literal(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    sql = f"select {literal(SCRIPT)} as payload, {literal('</textarea>' + IMAGE)} as other"
    watched.open(f"{site.url}/quotes?" + urllib.parse.urlencode({"sql": sql}))
    watched.assert_nothing_ran()
    assert SCRIPT in watched.page.locator("table.rows-and-columns").inner_text()


def test_javascript_url_is_never_a_link(site, watched):
    watched.open(f"{site.url}/quotes/-/article/linked-1")
    watched.assert_nothing_ran()
    assert watched.page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
    assert LINKED["url"] in watched.page.locator(".article-meta").inner_text()  # shown, as text
    watched.open(f"{site.url}/quotes/articles")
    assert watched.page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
