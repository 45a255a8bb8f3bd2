"""Attributions beyond speech: --scope all and the category of every quote, from the engine to the site.

Speech is the default everywhere: `extract`, `annotate` and `evaluate` keep what was said or
written unless asked for `--scope all`, and the site's quote list and canned queries read speech
unless asked for another category.
"""

import asyncio
import json

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from quotes import extract
from quotes.cli import cli
from quotes.store import open_db

ARTICLE = ("The harbour board said the ferry would stop running in June.\n\n"
           "Tom Reyes believes the pier can be saved by the autumn.\n\n"
           "The council plans to sell the old pier to a developer.\n\n"
           "A survey of residents showed that most of them use the ferry every week.")


def categories(text: str, scope: str) -> list[tuple[str, str]]:
    return [(q.category, q.content.text) for q in extract(text, scope=scope)]


def test_speech_is_the_default_scope():
    assert categories(ARTICLE, "speech") == [("speech", "the ferry would stop running in June")]
    assert extract(ARTICLE) == extract(ARTICLE, scope="speech")


def test_scope_all_adds_beliefs_intentions_and_evidence_with_their_category():
    assert categories(ARTICLE, "all") == [
        ("speech", "the ferry would stop running in June"),
        ("belief", "the pier can be saved by the autumn"),
        ("intention", "to sell the old pier to a developer"),
        ("evidence", "most of them use the ferry every week"),
    ]


def test_a_belief_that_quotes_its_source_reports_their_words():
    # the quotation marks say the words were said: speech, kept by the default scope
    text = "Tom Reyes mocked the “harbour club” that runs the pier. Ellen Park mocked the harbour club."
    assert categories(text, "speech") == [("speech", "the “harbour club” that runs the pier")]
    assert categories(text, "all") == [("speech", "the “harbour club” that runs the pier"),
                                       ("belief", "the harbour club")]


def test_an_unknown_scope_is_an_error():
    with pytest.raises(ValueError, match="unknown scope"):
        extract(ARTICLE, scope="everything")


def test_annotate_writes_the_category_of_every_quote(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    for scope, expected in (("speech", ["speech"]), ("all", ["speech", "belief", "intention", "evidence"])):
        out = tmp_path / f"{scope}.jsonl"
        result = CliRunner().invoke(cli, ["annotate", str(source), "-o", str(out), "--scope", scope])
        assert result.exit_code == 0, result.output
        (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [q["category"] for q in doc["quotes"]] == expected


@pytest.fixture(scope="module")
def scoped_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scope")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "news.db"
    result = CliRunner().invoke(cli, ["extract", str(folder / "article.txt"), "--db", str(path), "--scope", "all"])
    assert result.exit_code == 0, result.output
    return path


def test_extract_stores_the_category_and_the_views_tell_speech_from_the_rest(scoped_db):
    db = open_db(scoped_db)
    assert sorted(r["category"] for r in db["quotes"].rows) == ["belief", "evidence", "intention", "speech"]
    assert [r["quote"] for r in db["quote_list"].rows] == ["the ferry would stop running in June"]
    assert sorted(r["category"] for r in db["attribution_list"].rows) == ["belief", "evidence", "intention",
                                                                          "speech"]


def test_extracting_again_with_another_scope_replaces_the_quotes(scoped_db, tmp_path):
    copy = tmp_path / "copy.db"
    copy.write_bytes(scoped_db.read_bytes())
    article = scoped_db.parent / "article.txt"  # the same input: another one with its text is a duplicate
    result = CliRunner().invoke(cli, ["extract", str(article), "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert [r["category"] for r in open_db(copy)["quotes"].rows] == ["speech"]


def test_canned_queries_read_speech_unless_asked(scoped_db):
    site = Datasette([str(scoped_db)])

    def quotes(category: str = "") -> list[int]:
        path = f"/news/anonymous_sources_by_outlet.json?_shape=array&category={category}"
        return [row["quotes"] for row in asyncio.run(site.client.get(path)).json()]

    assert quotes() == [1]
    assert quotes("all") == [4]
    assert quotes("belief") == [1]


def test_databases_from_before_the_category_read_as_speech(tmp_path):
    import sqlite_utils

    from quotes.migrations import MIGRATIONS, MIGRATIONS_TABLE

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old[MIGRATIONS_TABLE].create({"name": str, "applied_at": str}, pk="name")
    for migration in MIGRATIONS:
        if migration.__name__ < "m025":
            migration(old)
            old[MIGRATIONS_TABLE].insert({"name": migration.__name__, "applied_at": "then"})
    old["quotes"].insert({"id": "q1", "content": "We will appeal", "type": "direct"})
    old.close()
    db = open_db(path)
    assert [r["category"] for r in db["quotes"].rows] == ["speech"]
    assert [r["quote"] for r in db["quote_list"].rows] == ["We will appeal"]
