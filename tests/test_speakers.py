"""Speaker mentions: a phrase split into name, role, organisation and title, each a span of the text.

Every example is written for these tests. A row of ``LAYOUTS`` is (phrase, name, role,
organisation, kind); ``None`` means the part must be absent.
"""

import pytest

from quotes import extract
from quotes.lexicon import default_lexicon
from quotes.mentions import parse_mention

LAYOUTS = {
    "a description, then a role word and the name in apposition: the name, and the description's role": (
        "her host, actress Dana Cole", "Dana Cole", "host", None, "person"),
    "the current role after 'and now', past an adjunct of time": (
        "Mo Ellis, a campaign aide during her 2008 run and now director of the Harbour Institute of Politics",
        "Mo Ellis", "director", "the Harbour Institute of Politics", "person"),
    "an organisation before 'and' and another description": (
        "Dana Cole, a lecturer at the Harbour College of Nursing and the host of a health podcast",
        "Dana Cole", "lecturer", "the Harbour College of Nursing", "person"),
    "but not before it when no role comes first: the role and organisation of the second": (
        "Jo Zee, a Ruiz superdelegate out of Ward Nine and the chair of the Harbour Policy Institute",
        "Jo Zee", "chair", "the Harbour Policy Institute", "person"),
    "an aide to a titled person is an aide, of no organisation": (
        "Tom Lane, a longtime aide to Port Commissioner Ana Ruiz", "Tom Lane", "longtime aide", None, "person"),
    "a standing word before an organisation is no part of it": (
        "Susan Reyes, then Ruiz’s literary agent", "Susan Reyes", "literary agent", "Ruiz", "person"),
    "an organisation named with 'on'": (
        "Edward Lane, former director of the Joint Committee on Harbour Tolls", "Edward Lane", "former director",
        "the Joint Committee on Harbour Tolls", "person"),
    "an organisation after a country's initials": (
        "Greg Hill, a trade officer at the U.S. Embassy in Ellery", "Greg Hill", "trade officer",
        "the U.S. Embassy", "person"),
    "an adviser to a person is unnamed, and the person no organisation": (
        "one longtime adviser to Tom Reyes", "one longtime adviser to Tom Reyes", "longtime adviser", None,
        "anonymous"),
    "a spokesman for a bare name keeps it as the organisation": (
        "a spokesman for Dunmore", "a spokesman for Dunmore", "spokesman", "Dunmore", "anonymous"),
    "aides to a person are a group, not the person": (
        "Aides to Tom Reyes", "Aides to Tom Reyes", None, None, "anonymous"),
    "a possessive person's organisation after the role": (
        "Bill Burton, a former press official in Ana Ruiz’s White House", "Bill Burton", "former press official",
        "White House", "person"),
    "a numeral opening a sentence is no organisation": (
        "One Liberal official", "One Liberal official", "Liberal official", "Liberal", "anonymous"),
    "a two-word military title": ("Rear Admiral Tom Reyes", "Tom Reyes", "Rear Admiral", None, "person"),
    "a description opening a sentence, then the name with its title": (
        "One early backer, Senator Tom Reyes", "Tom Reyes", "Senator", None, "person"),
    "one of a group, then the name": ("One of his advisers, Tom Reyes", "Tom Reyes", None, None, "person"),
    "a role word before a noun of people is an adjective there": (
        "his fellow Liberals", "his fellow Liberals", None, None, "anonymous"),
    "and before a group's noun": (
        "a major dockworkers group", "major dockworkers group", None, None, "organization"),
    "role and organisation before the name": (
        "state department spokesperson Tammy Bruce", "Tammy Bruce", "spokesperson", "state department", "person"),
    "appositive role": (
        "Mike Waltz, the national security adviser", "Mike Waltz", "national security adviser", None, "person"),
    "unnamed source with an organisation": (
        "a spokesperson for HMRC", "a spokesperson for HMRC", "spokesperson", "HMRC", "anonymous"),
    "appositive role with organisation": (
        "Jane Doe, a lawyer for the Harbour Workers Union", "Jane Doe", "lawyer", "the Harbour Workers Union",
        "person"),
    "capitalised title with a portfolio": (
        "Foreign Affairs Minister Chrystia Freeland", "Chrystia Freeland", "Foreign Affairs Minister", None, "person"),
    "abbreviated title": ("Sen. Ted Cruz", "Ted Cruz", "Sen.", None, "person"),
    "country's ministry": ("Russia’s foreign ministry", "Russia’s foreign ministry", None, None, "organization"),
    "known organisation": ("The White House", "White House", None, None, "organization"),
    "person familiar with the matter": (
        "a person familiar with the matter", "a person familiar with the matter", None, None, "anonymous"),
    "spun person familiar with the matter": (
        "an individual conversant in the matter", "an individual conversant in the matter", None, None, "anonymous"),
    "plural source": ("Officials", "Officials", None, None, "anonymous"),
    "description without a role, then the name": (
        "his oldest friend at Harbour College, Tom Reyes", "Tom Reyes", None, None, "person"),
    "share of those polled": ("Six in 10", "Six in 10", None, None, "anonymous"),
    "fraction of those polled": ("two-thirds", "two-thirds", None, None, "anonymous"),
    "two groups": ("Her aides and allies", "Her aides and allies", None, None, "anonymous"),
    "team in a title": ("Seals head coach Peter Lang", "Peter Lang", "Seals head coach", "Seals", "person"),
    "party in a title": ("Republican state senator Ann Ross", "Ann Ross", "Republican state senator", "Republican",
                         "person"),
    "description first, the name, then another appositive": (
        "the mayor, Ana Ruiz, a Democrat", "Ana Ruiz", "mayor", None, "person"),
    "a party word as a surname": ("Tom Green", "Tom Green", None, None, "person"),
    "a forename that is a role word, then what the person is": (
        "Dean Lane, co-director of the Harbour Institute", "Dean Lane", "co-director", "the Harbour Institute",
        "person"),
    "an unnamed partisan": ("a Harbour County Republican", "a Harbour County Republican", None, None, "anonymous"),
    "an unnamed person": ("a young woman", "a young woman", None, None, "anonymous"),
    "a watchdog's name": ("Harbour Rights Watch", "Harbour Rights Watch", None, None, "organization"),
    "a role that is also a surname, after its article": ("the Dean", None, "Dean", None, "description"),
    "where, then who": ("Salem, New Hampshire, Tom Reyes", "Tom Reyes", None, None, "person"),
    "description first, then the name": (
        "the director of operations for the Port Authority, Jeff Lane", "Jeff Lane", "director of operations",
        "the Port Authority", "person"),
    "organisation cut from a trailing clause": (
        "Robin Hale, a lawyer with Dunmore LLP in Halifax who handles arbitrations", "Robin Hale", "lawyer",
        "Dunmore LLP", "person"),
    "two roles and a named company": (
        "Rosa Kern, CEO and founder of the software company Harbour.Net", "Rosa Kern",
        "CEO and founder of the software company", "Harbour.Net", "person"),
    "person with an organisation": (
        "Joe Lane with Harbour Rail Workers, a non-profit group", "Joe Lane", None, "Harbour Rail Workers", "person"),
    "newspaper": ("the Harbour Sentinel", "Harbour Sentinel", None, None, "organization"),
    "a role word that modifies the organisation's noun": (
        "Tom Reyes with Harbour Workers United, a volunteer group of dockers", "Tom Reyes", None,
        "Harbour Workers United", "person"),
    "an organisation named with 'of'": ("the Bureau of Harbour Statistics", "Bureau of Harbour Statistics", None, None,
                                       "organization"),
    "an organisation named with 'on' and 'and'": (
        "the Committee on Ports and Harbours", "Committee on Ports and Harbours", None, None, "organization"),
    "an organisation named with 'of', then the role": (
        "Department of Harbours spokesman Tom Reyes", "Tom Reyes", "spokesman", "Department of Harbours", "person"),
    "a title after the organisation's name": (
        "the Council on Harbour Relations President Tom Reyes", "Tom Reyes", "President",
        "Council on Harbour Relations", "person"),
    "an organisation in a second appositive joined by 'and'": (
        "Ana Ruiz, a crane mechanic based in Ellery, Ont., and an organizer at Harbour Workers United", "Ana Ruiz",
        "crane mechanic", "Harbour Workers United", "person"),
    "a participle that modifies the company's noun": (
        "Tom Reyes, CEO and founder of cloud hosting company Harbour.Net", "Tom Reyes",
        "CEO and founder of cloud hosting company", "Harbour.Net", "person"),
    "document with a date": (
        "a report published by the city on Thursday", "report published by the city", None, None, "organization"),
    "organisation with 'of'": ("the Roman Catholic Diocese of Ellery", "Roman Catholic Diocese of Ellery", None, None,
                               "organization"),
    "long appositive with a named organisation": (
        "Ada Osei, regional nutrition manager with Dairy Growers of Canada", "Ada Osei", "regional nutrition manager",
        "Dairy Growers of Canada", "person"),
    "portfolio after the role": (
        "Dev Patel, Minister of Innovation, Science and Economic Development", "Dev Patel",
        "Minister of Innovation, Science and Economic Development", None, "person"),
    "relative clause after the role": (
        "Ann Koenig, a state representative who graduated from Ellery High in 1989", "Ann Koenig",
        "state representative", None, "person"),
    "participle after the role": (
        "Nick Lane, the Ellery High student seen smiling in the video beside activist Tom Reyes", "Nick Lane",
        "Ellery High student", "Ellery High", "person"),
    "honorific and a title word as the surname": ("Mr. King", "King", None, None, "person"),
    "initial inside a name": ("Julie A. Diaz Martinez", "Julie A. Diaz Martinez", None, None, "person"),
    "role word that is a surname": ("Brian Baker", "Brian Baker", None, None, "person"),
    "hyphenated given name": ("U.N. Secretary-General Ban Ki-moon", "Ban Ki-moon", "U.N. Secretary-General", "U.N.",
                              "person"),
    "party-led description": ("the Kentucky Republican", None, None, None, "description"),
    "title of a portfolio alone": ("Minister of Innovation", None, "Minister of Innovation", None, "description"),
    "pronoun": ("she", None, None, None, "pronoun"),
    "a people by its demonym": ("Most Canadians", "Most Canadians", None, None, "anonymous"),
    "a people by its name": ("Latinos", "Latinos", None, None, "anonymous"),
    "a brand with a capital inside": ("HarbourNet", "HarbourNet", None, None, "organization"),
    "a surname with a capital inside": ("Dana McAllister", "Dana McAllister", None, None, "person"),
    "a surname that is a word of grammar": ("Hilda May", "Hilda May", None, None, "person"),
    "an organisation named after a demonym": ("The Canadian Legion", "Canadian Legion", None, None, "organization"),
    "a paper named with a descriptor": ("the Daily Harbour", "Daily Harbour", None, None, "organization"),
    "a place of two words": ("New Hampshire", "New Hampshire", None, None, "organization"),
    "a role of a place of two words": ("the mayor of New York", None, "mayor", None, "description"),
    "people of a place of two words": ("Harbour leaders in North Carolina", "Harbour leaders in North Carolina",
                                       None, None, "anonymous"),
    "people of a named place": ("People in Harbourton", "People in Harbourton", None, None, "anonymous"),
    "a former title's organisation": ("Former Harbour Trust chairman Tom Lane", "Tom Lane", "chairman", "Harbour Trust",
                                      "person"),
    "a presumptive nominee's party": ("Presumptive Liberal nominee Ana Ruiz", "Ana Ruiz",
                                      "Presumptive Liberal nominee", "Liberal", "person"),
    "a title that is also a surname, after a demonym": ("the German Chancellor", None, "Chancellor", None,
                                                         "description"),
    "a party before an unknown forename": ("the Democrat Kyra Sinemo", "Kyra Sinemo", None, None, "person"),
    "a paper's writer": ("the Harbour Post's Dana Lane", "Dana Lane", None, None, "person"),
    "an agency after a determiner and a standing word": ("Other former RCMP", "RCMP", None, None, "organization"),
    "a party after a modifier of its member": ("a veteran NDP strategist", "a veteran NDP strategist", "strategist",
                                               "NDP", "anonymous"),
    "an unnamed organisation keeps its words": ("the editorial board", "editorial board", None, None, "organization"),
    "an intermediary is no description": ("Ana Ruiz, through a spokeswoman", "Ana Ruiz", None, None, "person"),
    "an adjective before an organisation's name is no part of the role": (
        "Tom Reyes, former director of the nonpartisan Harbour Budget Office", "Tom Reyes", "former director",
        "Harbour Budget Office", "person"),
    "a role ends in no preposition, and a place after it gives way to a possessive": (
        "Tom Reyes, HarbourNet's vice president of public policy in Europe", "Tom Reyes",
        "vice president of public policy", "HarbourNet", "person"),
    "a spokesman for an event's organisers": ("Tom Reyes, a spokesman for the Harbour National Convention",
                                               "Tom Reyes", "spokesman", "the Harbour National Convention", "person"),
    "an organisation's possessive": ("Tom Reyes, a candidate for the NDP’s nomination", "Tom Reyes", "candidate",
                                     "the NDP", "person"),
}

NAMES_ARE_NAMES = {
    # phrase: the name, never a headline word, a sentence opener, a possessive or a descriptor
    "Struggling Ellen Park": "Ellen Park",
    "Harbour Strike Deal Ellen Park": "Ellen Park",
    "Neither Ellen M. Park": "Ellen M. Park",
    "Mr. Reyes’s": "Reyes",
    "Meanwhile Reyes": "Reyes",
    "July. Reyes": "Reyes",
    "Korean-born Min Park": "Min Park",
    "Will Young": "Will Young",
    "Mrs. May": "May",
    "Ellen Park in May": "Ellen Park",
    "Hana Pope, a deputy adviser": "Hana Pope",
    "Sen. Dora Boxer": "Dora Boxer",
    "Yin Lwin May, 60": "Yin Lwin May",
    "Roy DeVane": "Roy DeVane",
    "Wednesday Harbour Energy": "Harbour Energy",
    "Calgary-based Harbour Energy": "Harbour Energy",
}

NEVER_AN_ORGANISATION = {
    "a bare place": "Canada’s ambassador",
    "a demonym": "Native American activist Tom Reyes",
    "a portfolio": "Finance Minister Bill Lane",
    "someone else's organisation": "Tom Reyes, younger brother of Seth Reyes of the Harbour Seals",
    "a pronoun": "Ann Lee, a lawyer for who",
    "a sentence's opening word": "When President Tom Reyes",
    "an interjection": "Well Senator Tom Reyes",
    "a place's first word before a place-based adjective": "Ellery City-based attorney Ana Ruiz",
    "a name cut at an initial": "Tom Reyes, a senior fellow at the Peter G",
    "a title after a place": "former U.S. Sen. Tom Reyes",
    "an origin of two places": "Chilean-Canadian reporter Ana Ruiz",
    "an event": "Tom Reyes, a delegate at the Harbour National Convention",
    "a person with a title": "Tom Reyes, chief of staff to Mayor Ana Ruiz",
    "a person described": "Tom Reyes, the Ellery senator’s chief of staff",
}


@pytest.fixture(scope="module")
def lexicon():
    return default_lexicon()


def parts(phrase: str, lexicon) -> tuple:
    mention = parse_mention(phrase, 0, len(phrase), lexicon)
    for part in (mention.name, mention.role, mention.organization, mention.title):
        assert part is None or phrase[part.start:part.end] == part.text  # every part is a slice of the text
    return tuple(p.text if p else None for p in (mention.name, mention.role, mention.organization)) + (mention.kind,)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_speaker_phrase_is_split(layout, lexicon):
    phrase, *expected = LAYOUTS[layout]
    assert parts(phrase, lexicon) == tuple(expected)


@pytest.mark.parametrize("phrase", NAMES_ARE_NAMES)
def test_a_name_is_only_a_name(phrase, lexicon):
    assert parts(phrase, lexicon)[0] == NAMES_ARE_NAMES[phrase]


@pytest.mark.parametrize("case", NEVER_AN_ORGANISATION)
def test_never_an_organisation(case, lexicon):
    assert parts(NEVER_AN_ORGANISATION[case], lexicon)[2] is None


def test_kinship_is_no_role(lexicon):
    assert parts("his mother, Ann Lee", lexicon)[1] is None
    assert parts("Tom Reyes, younger brother of Seth Reyes", lexicon)[1] is None


def test_title_keeps_its_abbreviation_beside_the_expansion():
    (quote,) = extract("Sen. Ted Cruz said the bill would pass.")
    assert (quote.speaker.role.text, quote.speaker.role_expanded) == ("Sen.", "senator")


def test_parse_is_shifted_to_where_the_phrase_is_written(lexicon):
    text = "Yesterday state department spokesperson Tammy Bruce spoke."
    start = text.index("state")
    mention = parse_mention(text, start, text.index(" spoke."), lexicon)
    assert (mention.name.start, mention.role.start, mention.organization.start) == (
        text.index("Tammy"), text.index("spokesperson"), start)
    again = parse_mention("Then state department spokesperson Tammy Bruce", 5, 46, lexicon)  # the cached parse
    assert again.name.text == "Tammy Bruce" and again.name.start == 35


def test_invisible_characters_do_not_split_a_person():
    text = "Tam\u200bmy Bru\u00adce said the talks went well."
    (quote,) = extract(text)
    assert quote.speaker.name == "Tammy Bruce"
    assert text[quote.speaker.mention.start:quote.speaker.mention.end] == "Tam\u200bmy Bru\u00adce"
