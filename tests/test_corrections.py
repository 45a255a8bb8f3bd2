"""Corrections made by people: stored with who and when, applied after every run, kept through
re-extraction where they still apply and reported where they no longer do."""

import json
import sqlite3

import pytest

from tests.stories import STORIES, write_stories
from tests.stories import quotes as run


@pytest.fixture
def news(tmp_path):
    """(database, stories file): the stories extracted once."""
    stories, db = write_stories(tmp_path / "news.jsonl"), tmp_path / "news.db"
    run("extract", stories, "--db", db)
    return db, stories


def query(db, sql, params=()):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def speaker_of(db, words: str) -> str:
    return query(db, "select speakers.name from quotes join speakers on speakers.id = quotes.speaker_id "
                     "where content like ?", [f"%{words}%"])[0][0]


def listing(db) -> list[dict]:
    return json.loads(run("fix", "list", "--db", db, "--json").output)


def test_a_merge_is_stored_with_who_and_when_and_survives_re_extraction(news):
    db, stories = news
    out = run("fix", "merge", "Dana Holt", "Tom Reyes", "--db", db, "--by", "ines", "--note", "one commuter").output
    assert out.startswith("correction 1: merge Dana Holt into Tom Reyes: applied (2 quotes counted under")
    assert sorted(p.name for p in db.parent.iterdir()) == ["news.db", "news.jsonl"]  # the file alone holds it
    assert speaker_of(db, "table a motion") == "Tom Reyes"
    run("extract", stories, "--db", db, "--force")  # a new engine: every article extracted again
    assert speaker_of(db, "table a motion") == "Tom Reyes"
    [row] = listing(db)
    assert (row["by"], row["note"], row["status"], row["origin"]) == ("ines", "one commuter", "applied", "cli")
    assert row["at"][:2] == "20"
    assert query(db, "select count(*) from speakers where name = 'Dana Holt'") == [(0,)]


def test_a_manual_split_wins_over_the_automatic_surname_link(news):
    db, stories = news
    assert speaker_of(db, "gates stay shut") == "Daniel Okafor"  # "Okafor said", linked automatically
    run("fix", "split", "Daniel Okafor", "--article", "d2", "--name", "Amara Okafor", "--db", db)
    assert speaker_of(db, "gates stay shut") == "Amara Okafor"
    assert speaker_of(db, "stand with the drivers") == "Daniel Okafor"
    run("extract", stories, "--db", db, "--force")  # the link is decided afresh, and the split still wins
    assert speaker_of(db, "gates stay shut") == "Amara Okafor"
    assert query(db, "select alias_name from speaker_links") == [("Okafor",)]


def test_rename_and_set_win_over_the_computed_values_and_are_marked(news):
    db, stories = news
    run("fix", "rename", "Casey Lund", "Casey J. Lund", "--db", db, "--by", "ines")
    run("fix", "set", "Casey J. Lund", "gender", "nonbinary", "--db", db, "--by", "ines")
    run("fix", "set", "Casey J. Lund", "role", "chief spokesperson", "--db", db)
    run("extract", stories, "--db", db, "--force")
    [(name, gender, evidence, role)] = query(
        db, "select name, gender, gender_evidence, role from speakers where name like 'Casey%'")
    assert (name, gender, role) == ("Casey J. Lund", "nonbinary", "chief spokesperson")
    assert evidence.startswith("corrected by ines on 20")
    marked = query(db, "select field, json_extract(original, '$') from corrected_values "
                       "where table_name = 'speakers' order by field")
    assert marked == [("gender", "unknown"), ("name", "Casey Lund"), ("role", "spokesperson")]


def test_not_a_quote_stays_removed_and_undo_brings_it_back(news):
    db, stories = news
    run("fix", "not-a-quote", "Every route will be checked", "--article", "c1", "--db", db)
    assert query(db, "select count(*), (select quote_count from articles where id = 'c1') from quotes "
                     "where article_id = 'c1'") == [(0, 0)]
    run("extract", stories, "--db", db, "--force")
    assert query(db, "select count(*) from quotes where article_id = 'c1'") == [(0,)]
    run("fix", "undo", "1", "--db", db)
    assert query(db, "select count(*) from quotes where article_id = 'c1'") == [(1,)]
    assert run("search", "route", "--db", db, "--json").output.count('"content"') == 1  # searchable again
    assert listing(db) == []


def test_a_reassignment_that_no_longer_applies_is_reported_after_the_run(news):
    db, stories = news
    quote_id = query(db, "select id from quotes where content like 'Every route%'")[0][0]
    out = run("fix", "speaker", quote_id, "Mara Quill", "--db", db).output
    assert "is Mara Quill's: applied" in out
    assert speaker_of(db, "Every route") == "Mara Quill"
    changed = [dict(s, text=s["text"].replace("Every route will be checked before the summer",
                                              "No bus will run on the coast road"))
               if s["id"] == "c1" else s for s in STORIES]
    result = run("extract", write_stories(stories, changed), "--db", db)  # the same file, edited
    assert ("correction 1 no longer applies: “Every route will be checked before the summer,” in c1 is Mara "
            "Quill's: the words “Every route will be checked before the summer,” are no longer a quote of "
            "article c1") in result.stderr
    assert speaker_of(db, "coast road") == "Casey Lund"
    assert listing(db)[0]["status"] == "no longer applies"


def test_a_correction_that_names_nothing_is_refused(news):
    db, _ = news
    assert "no speaker Nobody Here in the database" in run("fix", "merge", "Nobody Here", "Tom Reyes", "--db", db,
                                                           code=1).output
    assert "gender must be one of female, male, nonbinary, unknown, not 'woman'" in run(
        "fix", "set", "Tom Reyes", "gender", "woman", "--db", db, code=1).output
    assert "no quote “no such words” in article h1" in run("fix", "not-a-quote", "no such words", "--article", "h1",
                                                           "--db", db, code=1).output
    assert listing(db) == []


def test_a_corrections_file_in_version_control_is_applied_and_kept_in_step(news, tmp_path):
    db, stories = news
    fixes = tmp_path / "fixes.toml"
    fixes.write_text('''
[[correction]]
action = "merge"
speaker = "Dana Holt"
into = "Tom Reyes"
by = "desk"

[[correction]]
action = "set"
speaker = "Casey Lund"
field = "gender"
value = "female"
note = "Checked with the transit board"
''', encoding="utf-8")
    run("extract", stories, "--db", db, "--corrections", fixes, env={"QUOTES_USER": "night desk"})
    assert speaker_of(db, "table a motion") == "Tom Reyes"
    assert query(db, "select gender from speakers where name = 'Casey Lund'") == [("female",)]
    assert [(r["origin"], r["by"], r["status"]) for r in listing(db)] == [
        (str(fixes), "desk", "applied"), (str(fixes), "night desk", "applied")]
    fixes.write_text(fixes.read_text().split("[[correction]]\naction = \"set\"")[0], encoding="utf-8")
    result = run("fix", "apply", fixes, "--db", db)
    assert f"{fixes}: 0 corrections added, 1 removed" in result.stderr
    assert query(db, "select gender from speakers where name = 'Casey Lund'") == [("unknown",)]


def test_corrections_export_to_a_file_that_applies_to_a_fresh_database(news, tmp_path):
    db, stories = news
    run("fix", "merge", "Dana Holt", "Tom Reyes", "--db", db, "--by", "ines")
    run("fix", "not-a-quote", "Every route will be checked", "--article", "c1", "--db", db)
    for name in ("fixes.toml", "fixes.json"):
        exported = tmp_path / name
        run("fix", "export", "-o", exported, "--db", db)
        fresh = tmp_path / f"fresh-{name}.db"
        run("extract", stories, "--db", fresh, "--corrections", exported)
        assert speaker_of(fresh, "table a motion") == "Tom Reyes"
        assert query(fresh, "select count(*) from quotes where article_id = 'c1'") == [(0,)]
        assert [r["by"] for r in listing(fresh)][0] == "ines"


def test_a_broken_corrections_file_is_refused_with_its_place(news, tmp_path):
    db, _ = news
    bad = tmp_path / "bad.toml"
    bad.write_text('[[correction]]\naction = "merge"\nspeaker = "Dana Holt"\n', encoding="utf-8")
    assert "bad.toml, correction 1: a merge correction needs into" in run("fix", "apply", bad, "--db", db,
                                                                           code=1).output
