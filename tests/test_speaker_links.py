"""One speaker row per real person or organisation across articles, through the real store.

Every article is written for these tests and stored with ``extract_corpus`` into a real SQLite file.
"""

import json
import sqlite3

from quotes.api import extract_corpus
from quotes.linking import Name, links, person_key
from quotes.store import Store, open_db


def store(tmp_path, articles: dict[str, str], name: str = "quotes.db"):
    """Extract ``{id: text}`` into a new database; returns a connection."""
    source = tmp_path / f"{name}.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles.items()),
                      encoding="utf-8")
    db_path = tmp_path / name
    extract_corpus([str(source)], db_path=db_path)
    return sqlite3.connect(db_path)


def rows_of(db) -> dict[str, list[str]]:
    """Speaker name -> the contents of its quotes."""
    found: dict[str, list[str]] = {}
    for name, content in db.execute("select speakers.name, quotes.content from quotes "
                                    "join speakers on speakers.id = quotes.speaker_id order by quotes.content"):
        found.setdefault(name, []).append(content)
    return found


def test_middle_initials_and_titles_make_no_new_person(tmp_path):
    db = store(tmp_path, {
        "a": "Donald J. Lane visited the port. “The cranes are old,” Lane said.",
        "b": "“We will build more,” said Donald Lane, the mayor.",
        "c": "“I am not my father,” said Donald Lane Jr. at the rally.",
    })
    rows = rows_of(db)
    assert sorted(rows["Donald J. Lane"]) == ["The cranes are old,", "We will build more,"]
    assert rows["Donald Lane Jr."] == ["I am not my father,"]


def test_a_surname_alone_joins_the_one_person_it_names_with_its_reason(tmp_path):
    db = store(tmp_path, {
        "a": "“The budget is sound,” said Marta Oduya, the finance minister.",
        "b": "“We will not raise taxes,” Ms. Oduya said on Tuesday.",
    })
    assert rows_of(db) == {"Marta Oduya": ["The budget is sound,", "We will not raise taxes,"]}
    (alias, reason), = db.execute("select alias_name, reason from speaker_links")
    assert alias == "Oduya" and "only person surnamed Oduya" in reason


def test_a_surname_shared_by_two_people_joins_neither(tmp_path):
    db = store(tmp_path, {
        "a": "“The harvest was poor,” said Bill Fenwick.",
        "b": "“The rain came late,” said Anna Fenwick.",
        "c": "“Prices will rise,” Fenwick said.",
    })
    assert "Fenwick" in rows_of(db)
    assert db.execute("select count(*) from speaker_links").fetchone() == (0,)


def test_a_title_that_gives_a_gender_picks_the_person_of_that_gender(tmp_path):
    db = store(tmp_path, {
        "a": "“The harvest was poor,” said Bill Fenwick.",
        "b": "“The rain came late,” said Anna Fenwick.",
        "c": "“Prices will rise,” Mrs. Fenwick said.",
    })
    assert sorted(rows_of(db)["Anna Fenwick"]) == ["Prices will rise,", "The rain came late,"]


def test_links_are_decided_afresh_when_a_second_person_appears(tmp_path):
    first = {"a": "“The budget is sound,” said Marta Oduya.", "b": "“We will cut,” Oduya said."}
    later = {"c": "“The roads are bad,” said Peter Oduya, a driver."}
    db_path = tmp_path / "twice.db"
    for batch in (first, later):
        source = tmp_path / "batch.jsonl"
        source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in batch.items()),
                          encoding="utf-8")
        extract_corpus([str(source)], db_path=db_path)
    twice = rows_of(sqlite3.connect(db_path))
    once = rows_of(store(tmp_path, first | later, "once.db"))
    assert twice == once
    assert once["Oduya"] == ["We will cut,"]  # now ambiguous: a link that no longer holds is undone


def test_an_acronym_joins_the_organisation_with_those_initials(tmp_path):
    db = store(tmp_path, {
        "a": "The Harbour Development Bank said loans rose in May.",
        "b": "HDB said on Friday that it would lend more to farmers.",
    })
    assert set(rows_of(db)) == {"Harbour Development Bank"}
    (reason,) = db.execute("select reason from speaker_links").fetchone()
    assert reason.startswith("acronym: HDB is Harbour Development Bank")


def test_a_campaign_is_one_row_however_its_owner_is_written(tmp_path):
    db = store(tmp_path, {
        "a": "Ellen Rosa Park toured the pier on Monday. Her campaign said the ferry would run again.",
        "b": "Ellen Park toured the dock on Friday. The Park campaign said the toll would fall.",
    })
    rows = rows_of(db)
    assert len([name for name in rows if name.endswith("campaign")]) == 1
    assert sorted(next(v for k, v in rows.items() if k.endswith("campaign"))) == [
        "the ferry would run again", "the toll would fall"]


def test_the_short_name_of_one_organisation_joins_it(tmp_path):
    db = store(tmp_path, {
        "a": "The Harbour Evening Gazette reported that the pier was closed.",
        "b": "Ana Ruiz read the Gazette on Friday. The Gazette said that the ferry would run again.",
    })
    assert set(rows_of(db)) == {"Harbour Evening Gazette"}
    (reason,) = db.execute("select reason from speaker_links").fetchone()
    assert reason.startswith("short name: the Gazette is Harbour Evening Gazette")


def test_a_short_name_two_organisations_end_with_joins_neither(tmp_path):
    db = store(tmp_path, {
        "a": "The Harbour Evening Gazette reported that the pier was closed.",
        "b": "The Ellery Morning Gazette reported that the ferry was late.",
        "c": "Ana Ruiz read the Gazette on Friday. The Gazette said that the ferry would run again.",
    })
    assert "Gazette" in rows_of(db)
    assert db.execute("select count(*) from speaker_links").fetchone() == (0,)


def test_person_key_keeps_suffixes_apart():
    assert person_key("Donald J. Trump") == person_key("Donald Trump") == "donald trump"
    assert person_key("Hillary Rodham Clinton") == "hillary clinton"
    assert person_key("Donald Trump Jr.") == "donald trump jr"


def test_two_people_who_speak_together_are_one_row_in_either_order_and_no_surname_joins_it(tmp_path):
    db = store(tmp_path, {
        "a": "“The pier must close,” said Marta Oduya and Tom Reyes, the port's two engineers.",
        "b": "Tom Reyes met Marta Oduya on Monday. “The ferry is safe,” Reyes and Oduya said.",
        "c": "“We will appeal,” Reyes said.",
    })
    rows = rows_of(db)
    assert sorted(rows["Marta Oduya and Tom Reyes"]) == ["The ferry is safe,", "The pier must close,"]
    assert rows["Reyes"] == ["We will appeal,"]  # a surname alone never stands for the two
    assert person_key("Tom A. Reyes and Marta Oduya") == person_key("Marta Oduya and Tom Reyes")


def test_a_dominant_person_takes_a_shared_surname_and_says_so():
    names = [Name("person", "person:barack obama", "Barack Obama", 40, "male"),
             Name("person", "person:malia obama", "Malia Obama", 2, None),
             Name("person", "person:obama", "Obama", 30, None)]
    (link,) = links(names)
    assert link.target.name == "Barack Obama" and "40 of the quotes" in link.reason


def test_the_speaker_page_shows_what_was_joined_and_why(tmp_path):
    import asyncio

    from datasette.app import Datasette

    db = store(tmp_path, {
        "a": "“The budget is sound,” said Marta Oduya, the finance minister.",
        "b": "“We will not raise taxes,” Ms. Oduya said on Tuesday.",
    })
    (speaker_id,) = db.execute("select id from speakers where name = 'Marta Oduya'").fetchone()
    site = Datasette([str(tmp_path / "quotes.db")])
    page = asyncio.run(site.client.get(f"/quotes/-/speaker/{speaker_id}")).text
    assert "Joined from other articles" in page
    assert "<b>Oduya</b>" in page and "the only person surnamed Oduya quoted by full name" in page


def test_a_short_forename_joins_the_one_person_whose_forename_begins_with_it():
    names = [Name("person", "person:leonard burman", "Leonard E. Burman", 6, "male"),
             Name("person", "person:len burman", "Len Burman", 4, None)]
    (link,) = links(names)
    assert (link.alias.name, link.target.name) == ("Len Burman", "Leonard E. Burman")
    assert link.reason.startswith("short forename")


def test_a_short_forename_shared_by_two_longer_ones_joins_neither():
    names = [Name("person", "person:christopher lane", "Christopher Lane", 3, "male"),
             Name("person", "person:christine lane", "Christine Lane", 3, "female"),
             Name("person", "person:chris lane", "Chris Lane", 2, None)]
    assert links(names) == []


def test_a_forename_one_letter_shorter_is_another_name():
    names = [Name("person", "person:dana reyes", "Dana Reyes", 3, None),
             Name("person", "person:dan reyes", "Dan Reyes", 2, None)]
    assert links(names) == []


def test_links_that_hold_as_they_were_mark_no_speaker_to_recompute(tmp_path):
    """Every run's end links names afresh; a link unchanged over the same quotes leaves its
    speakers as they are, where marking them would recompute them, and the quotes that changed
    on the way, at the end of every run."""
    db = store(tmp_path, {
        "a": "“The budget is sound,” said Marta Oduya, the finance minister.",
        "b": "“We will not raise taxes,” Ms. Oduya said on Tuesday.",
    })
    assert db.execute("select count(*) from speaker_links").fetchone() == (1,)
    again = Store(open_db(tmp_path / "quotes.db"))
    again.link_speakers()
    assert again.db.execute("select count(*) from speakers where quote_count is null").fetchone() == (0,)
