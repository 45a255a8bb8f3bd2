"""Speaker phrases split into name, role, organisation and kind; resolution within an article."""

import pytest

from quotes import extract
from quotes.lexicon import default_lexicon
from quotes.speakers import parse_speaker


@pytest.mark.parametrize("phrase, name, role, org, kind", [
    ("state department spokesperson Tammy Bruce", "Tammy Bruce", "spokesperson", "state department", "person"),
    ("Mike Waltz, the national security adviser", "Mike Waltz", "national security adviser", None, "person"),
    ("a spokesperson for HMRC", "a spokesperson for HMRC", "spokesperson", "HMRC", "anonymous"),
    ("Jane Doe, a lawyer for the Harbour Workers Union", "Jane Doe", "lawyer", "the Harbour Workers Union", "person"),
    ("Foreign Affairs Minister Chrystia Freeland", "Chrystia Freeland", "Foreign Affairs Minister", None, "person"),
    ("Sen. Ted Cruz", "Ted Cruz", "senator", None, "person"),
    ("Russia’s foreign ministry", "Russia’s foreign ministry", None, None, "organization"),
    ("The White House", "White House", None, None, "organization"),
    ("a person familiar with the matter", "a person familiar with the matter", None, None, "anonymous"),
    ("Officials", "Officials", None, None, "anonymous"),
    ("Seals head coach Peter Lang", "Peter Lang", "Seals head coach", "Seals", "person"),
    ("Republican state senator Ann Ross", "Ann Ross", "Republican state senator", "Republican", "person"),
    ("the director of operations for the Port Authority, Jeff Lane", "Jeff Lane", "director of operations",
     "the Port Authority", "person"),
    ("Robin Hale, a lawyer with Dunmore LLP in Halifax who handles arbitrations", "Robin Hale", "lawyer",
     "Dunmore LLP", "person"),
    ("Rosa Kern, CEO and founder of the software company Harbour.Net", "Rosa Kern",
     "CEO and founder of the software company",
     "Harbour.Net", "person"),
    ("Joe Lane with Harbour Rail Workers, a non-profit group", "Joe Lane", None, "Harbour Rail Workers",
     "person"),
    ("the Harbour Sentinel", "Harbour Sentinel", None, None, "organization"),
    ("a report published by the city on Thursday", "report published by the city", None, None, "organization"),
])
def test_speaker_phrase_is_split(phrase, name, role, org, kind):
    parsed = parse_speaker(phrase, default_lexicon())
    assert (parsed.name, parsed.role, parsed.organization, parsed.kind) == (name, role, org, kind)


def speakers(text: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return [(q.speaker.mention.text, q.speaker.name, q.speaker.role, q.speaker.organization, q.speaker.kind)
            for q in extract(text)]


def test_short_name_resolves_to_full_name_with_its_role():
    text = "US President Donald Trump visited the plant. Trump said the jobs would stay in the country."
    assert speakers(text) == [("Trump", "Donald Trump", "President", None, "person")]


def test_honorific_and_pronoun_resolve_to_the_person():
    text = "Hillary Clinton visited the plant. Mrs. Clinton said the jobs would stay. She added that wages would rise."
    assert [s[:2] for s in speakers(text)] == [("Mrs. Clinton", "Hillary Clinton"), ("She", "Hillary Clinton")]


def test_pronoun_respects_gender():
    text = "Tom Reyes met Ellen Park on Monday. She said the vote would be close."
    assert speakers(text)[0][1] == "Ellen Park"


def test_description_resolves_to_the_person_it_describes():
    text = ("State department spokesperson Tammy Bruce spoke first. "
            "The spokesperson said more talks were planned for the spring.")
    assert speakers(text) == [("The spokesperson", "Tammy Bruce", "spokesperson", "State department", "person")]


def test_description_resolves_to_the_organisation():
    text = "Russia's foreign ministry said the meeting was useful. The ministry added that it would continue the talks."
    assert [s[1] for s in speakers(text)] == ["Russia's foreign ministry", "Russia's foreign ministry"]


def test_role_and_organisation_stated_elsewhere_in_the_article():
    text = ("Jeff Lane, director of operations at the Port Authority, toured the depot. "
            "Lane said the ambulances were late again.")
    assert speakers(text) == [("Lane", "Jeff Lane", "director of operations", "the Port Authority", "person")]


def test_seed_article_speaker_fields():
    from importlib import resources

    text = resources.files("quotes").joinpath("examples/rubio-lavrov.txt").read_text(encoding="utf-8")
    bruce = next(q.speaker for q in extract(text) if q.speaker.name == "Tammy Bruce")
    assert (bruce.role, bruce.organization, bruce.kind) == ("spokesperson", "state division", "person")


def test_role_before_the_name_as_an_appositive():
    text = "His lawyer, Zhang Wei, said his client would appeal within ten days."
    assert speakers(text) == [("His lawyer, Zhang Wei", "Zhang Wei", "lawyer", None, "person")]


def test_role_stated_with_as_elsewhere_in_the_article():
    text = ('Tom Lane stepped down as coach of the Harbour Seals in May.\n\n'
            '"We could have won that game," Lane said.')
    assert speakers(text) == [("Lane", "Tom Lane", "coach", "the Harbour Seals", "person")]


def test_role_from_an_appositive_of_the_surname():
    text = ("Jeremy Lane rowed in the harbour race.\n\n"
            "Lane, a three-time champion, said the wind made it hard.")
    assert speakers(text)[0][1:4] == ("Jeremy Lane", "champion", None)


def test_pronoun_skips_capitalised_runs_that_name_no_person():
    text = "Anna Lind spoke after the report from Harbour Farmers. She said the rules were overdue."
    assert speakers(text)[0][:2] == ("She", "Anna Lind")


def test_description_never_crosses_a_line_break():
    text = "Mayor opens new library in Saltmarsh\n\nMayor Lucia Ferrer said the books were donated."
    assert speakers(text)[0][1:4] == ("Lucia Ferrer", "Mayor", None)
