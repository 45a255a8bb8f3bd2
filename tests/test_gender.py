"""A person's gender across articles: the article's own words first, then the person's other
articles, then an unambiguous forename; "unknown" otherwise, with the evidence saying why."""

import json
import sqlite3

import pytest

from quotes import extract
from quotes.gender import Tally, decide
from quotes.lexicon import default_lexicon
from tests.stories import extracted
from tests.stories import quotes as run

FORENAMES = default_lexicon().forenames


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return extracted(tmp_path_factory.mktemp("gender"))


def speakers(path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return {name: (gender, evidence) for name, gender, evidence in conn.execute(
            "select name, gender, gender_evidence from speakers")}


def test_the_article_itself_comes_before_the_name_list():
    said = [Tally("male", "pronoun he (2)", 1), Tally("male", "forename", 3)]
    assert decide("Ashley Moore", said, FORENAMES) == ("male", "its articles: pronoun he in 1 article")


def test_one_article_genders_a_person_in_articles_that_say_nothing(db):
    # Mara Quill is "she" in the Herald; the Gazette only names her
    assert speakers(db)["Mara Quill"] == ("female", "its articles: pronoun she in 1 article")


def test_an_ambiguous_forename_is_decided_by_the_article_or_stays_unknown(db):
    found = speakers(db)
    assert found["Dana Holt"] == ("female", "its articles: pronoun she in 1 article")  # Dana: both, "she" decides
    gender, evidence = found["Casey Lund"]
    assert gender == "unknown"
    assert "no pronoun, title or gendered noun in its 1 article" in evidence
    assert "the forename Casey is given to women and men alike" in evidence


def test_an_unambiguous_forename_decides_only_when_the_articles_say_nothing(db):
    assert speakers(db)["Daniel Okafor"] == ("male", "name list: the forename Daniel (1990 US Census forenames)")


def test_articles_that_disagree_decide_only_by_a_clear_majority():
    split = [Tally("female", "title Ms.", 2), Tally("male", "pronoun he (1)", 1)]
    gender, evidence = decide("Robin Vale", split, FORENAMES)
    assert gender == "unknown" and evidence.startswith("its articles disagree: female: title Ms. in 2 articles")
    clear = [Tally("female", "title Ms.", 3), Tally("male", "pronoun he (1)", 1)]
    assert decide("Robin Vale", clear, FORENAMES) == (
        "female", "most of its articles: title Ms. in 3 articles (against male: pronoun he in 1 article)")


@pytest.mark.parametrize("name, tallies, expected", [
    ("Okafor", [], ("unknown", "no pronoun, title or gendered noun in its articles, and no forename")),
    ("Zephyrine Ols", [Tally(None, None, 2)], ("unknown", "no pronoun, title or gendered noun in its 2 articles; "
                                                          "the forename Zephyrine is not in the name list")),
    ("Sam Ode", [Tally("nonbinary", "pronoun they (2)", 1)], ("nonbinary", "its articles: pronoun they in 1 article")),
])
def test_no_evidence_no_gender(name, tallies, expected):
    assert decide(name, tallies, FORENAMES) == expected


def test_organisations_have_no_gender_and_every_quote_keeps_its_article_s_evidence(db, tmp_path):
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from speakers where kind != 'person' and gender is not null"
                            ).fetchone()[0] == 0
    out = tmp_path / "quotes.csv"
    run("export", "--db", db, "--nl", "-o", out)
    quotes = [q for article in map(json.loads, out.read_text().splitlines()) for q in article["quotes"]]
    by_article = {(q["speaker"], q["speaker_gender_evidence"]) for q in quotes if q["speaker"] == "Mara Quill"}
    assert by_article == {("Mara Quill", "pronoun she (1)"), ("Mara Quill", "forename")}


def test_annotate_gives_every_quote_its_gender_and_evidence(tmp_path):
    article = tmp_path / "a.jsonl"
    text = '"The vote is final," said Ms. Rowan Teller. Teller left.'
    article.write_text(json.dumps({"id": "a", "text": text}) + "\n")
    quote = json.loads(run("annotate", article).output)["quotes"][0]
    assert (quote["speaker_gender"], quote["speaker_gender_evidence"]) == ("female", "title Ms.")


def test_quotes_speakers_lists_each_person_s_gender_and_evidence(db):
    rows = {r["name"]: r for r in json.loads(run("speakers", "--db", db, "--json").output)}
    assert (rows["Tom Reyes"]["gender"], rows["Tom Reyes"]["gender_evidence"]) == (
        "male", "its articles: pronoun he in 1 article")
    assert "gender" in run("speakers", "--db", db).output.splitlines()[0]


def test_two_people_who_speak_together_have_the_gender_they_share():
    (men,) = extract("Mr. Ruiz met Mr. Reyes. Ruiz and Reyes said the ferry must run.")
    assert (men.speaker.name, men.speaker.gender) == ("Ruiz and Reyes", "male")
    assert men.speaker.gender_evidence == "both: title Mr.; title Mr."
    (pair,) = extract("Ana Ruiz met Tom Reyes. Ruiz and Reyes said the ferry must run.")
    assert (pair.speaker.name, pair.speaker.gender) == ("Ana Ruiz and Tom Reyes", None)
