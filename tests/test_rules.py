"""Each attribution rule, with sentences it must extract and near-misses it must not.

Every example is written for these tests. An expectation is (rule, type, content, speaker as
written, cue).
"""

from __future__ import annotations

import pytest

from quotes import extract


def found(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(q.rule, q.type, q.content.text, q.speaker.mention.text if q.speaker.mention else None,
             q.cue.text if q.cue else None) for q in extract(text)]


MUST_EXTRACT = {
    "quote, said, speaker": (
        '"We will appeal the ruling," said Jane Doe, a lawyer for the Harbour Workers Union.',
        [("direct.QCQ-VS", "direct", "We will appeal the ruling,",
          "Jane Doe, a lawyer for the Harbour Workers Union", "said")],
    ),
    "quote, speaker said": (
        '"The bridge is safe," Mayor Ellen Park said on Tuesday.',
        [("direct.QCQ-SV", "direct", "The bridge is safe,", "Mayor Ellen Park", "said")],
    ),
    "quote, speaker, role, said": (
        '"We are not done yet," Mike Waltz, the national security adviser, said.',
        [("direct.QCQ-SV", "direct", "We are not done yet,", "Mike Waltz, the national security adviser", "said")],
    ),
    "quote with question mark, then the attribution as Punkt's next sentence": (
        '"Who pays for the repairs?" Ellen Park asked. "Not the residents."',
        [("direct.QCQ-SV", "direct", "Who pays for the repairs?", "Ellen Park", "asked"),
         ("direct.split", "direct", "Not the residents.", "Ellen Park", "asked")],
    ),
    "speaker said colon quote": (
        'Ellen Park said: "The bridge will reopen in May."',
        [("direct.SVQ", "direct", "The bridge will reopen in May.", "Ellen Park", "said")],
    ),
    "speaker said comma quote": (
        'Ellen Park said, "The bridge will reopen in May."',
        [("direct.SVQ", "direct", "The bridge will reopen in May.", "Ellen Park", "said")],
    ),
    "speaker said quote": (
        'Ellen Park said "the bridge will reopen in May."',
        [("direct.SVQ", "direct", "the bridge will reopen in May.", "Ellen Park", "said")],
    ),
    "split quote": (
        '"The first part," Ellen Park said, "and the second part of the sentence."',
        [("direct.QCQ-SV", "direct", "The first part,", "Ellen Park", "said"),
         ("direct.split", "direct", "and the second part of the sentence.", "Ellen Park", "said")],
    ),
    "colon lead-in paragraph": (
        "The Daily Harbour reports:\n\n“The ferry will run twice a day until the bridge reopens.”",
        [("direct.colon_lead_in", "direct", "The ferry will run twice a day until the bridge reopens.",
          "The Daily Harbour", "reports")],
    ),
    "dash sign-off": (
        '"Nobody should pay for a bridge they cannot use." — Councillor Tom Reyes',
        [("direct.dash_signoff", "direct", "Nobody should pay for a bridge they cannot use.",
          "Councillor Tom Reyes", None)],
    ),
    "multi-paragraph quote": (
        "“The first paragraph of the speech goes on and on.\n\n“The second paragraph ends it,” said the premier.",
        [("direct.multi_paragraph", "direct", "The first paragraph of the speech goes on and on.",
          "the premier", "said"),
         ("direct.QCQ-VS", "direct", "The second paragraph ends it,", "the premier", "said")],
    ),
    "continuation in the next paragraph": (
        "“We expect a long fight,” said Ellen Park.\n\n“The union has the numbers on its side.”",
        [("direct.QCQ-VS", "direct", "We expect a long fight,", "Ellen Park", "said"),
         ("direct.continuation", "direct", "The union has the numbers on its side.", "Ellen Park", None)],
    ),
    "speaker said that": (
        "Ellen Park told reporters on Thursday that the bridge would reopen in May.",
        [("indirect.SVC", "indirect", "the bridge would reopen in May", "Ellen Park", "told")],
    ),
    "speaker said without that": (
        "The minister said the talks would resume next week.",
        [("indirect.SVC", "indirect", "the talks would resume next week", "The minister", "said")],
    ),
    "speaker said in a statement": (
        "The company said in a statement that its profits fell sharply.",
        [("indirect.SVC", "indirect", "its profits fell sharply", "The company", "said")],
    ),
    "speaker tweeted": (
        "She tweeted that the vote had been rigged.",
        [("indirect.SVC", "indirect", "the vote had been rigged", "She", "tweeted")],
    ),
    "content, speaker said": (
        "The bridge would reopen in May, Ellen Park said.",
        [("indirect.CSV", "indirect", "The bridge would reopen in May", "Ellen Park", "said")],
    ),
    "content, said speaker": (
        "The bridge would reopen in May, said Ellen Park.",
        [("indirect.CVS", "indirect", "The bridge would reopen in May", "Ellen Park", "said")],
    ),
    "parenthetical attribution: one claim in two fragments": (
        "The repairs, officials said, would take at least six months.",
        [("indirect.C-SV-C", "indirect", "The repairs", "officials", "said"),
         ("indirect.C-SV-C", "indirect", "would take at least six months", "officials", "said")],
    ),
    "parenthetical attribution after a time phrase": (
        "On Monday, officials said, the bridge would reopen within a week.",
        [("indirect.C-SV-C", "indirect", "the bridge would reopen within a week", "officials", "said")],
    ),
    "parenthetical attribution after a one-word lead": (
        "Sometimes, officials said, the repairs take longer than planned.",
        [("indirect.C-SV-C", "indirect", "the repairs take longer than planned", "officials", "said")],
    ),
    "according to, first": (
        "According to a spokesperson for HMRC, the rules will change in April.",
        [("according_to.AC", "indirect", "the rules will change in April", "a spokesperson for HMRC", "According to")],
    ),
    "according to, last": (
        "The rules will change in April, according to a person familiar with the matter.",
        [("according_to.CA", "indirect", "The rules will change in April",
          "a person familiar with the matter", "according to")],
    ),
    "mixed quote": (
        'Trump said there was still "a long way" to go in the talks.',
        [("indirect.SVC", "mixed", 'there was still "a long way" to go in the talks', "Trump", "said")],
    ),
    "quoted fragment, attribution, then the rest of the quotation": (
        'The plan means "the council is doing something right," she says, "but the cost is too high."',
        [("mixed.CQ-SV", "mixed", 'The plan means "the council is doing something right,"', "she", "says"),
         ("direct.split", "direct", "but the cost is too high.", "she", "says")],
    ),
    "quoted fragment before the attribution": (
        "Rubio “reaffirmed the commitment to peace”, said spokesperson Tammy Bruce.",
        [("mixed.CQ-VS", "mixed", "Rubio “reaffirmed the commitment to peace”", "spokesperson Tammy Bruce", "said")],
    ),
    "a second verb shares the subject": (
        "Ellen Park visited the ferry terminal on Monday and said the second boat would start in June.",
        [("indirect.coordinated", "indirect", "the second boat would start in June", "Ellen Park", "said")],
    ),
    "a participle shares the subject": (
        "The mayor hit back on Saturday, saying the council had known about the cracks for years.",
        [("indirect.coordinated", "indirect", "the council had known about the cracks for years",
          "The mayor", "saying")],
    ),
    "two claims joined by and": (
        "Ellen Park said the bridge was safe and warned that the ferry could not carry more cars.",
        [("indirect.SVC", "indirect", "the bridge was safe", "Ellen Park", "said"),
         ("indirect.coordinated", "indirect", "the ferry could not carry more cars", "Ellen Park", "warned")],
    ),
    "relative who speaker": (
        "The plan was backed by Maria Lopez, who has said the city cannot wait another winter.",
        [("indirect.relative", "indirect", "the city cannot wait another winter", "who", "said")],
    ),
    "cue and speaker before the quote": (
        "Because of the timetable, explained Tom Reyes, “the ferry cannot run on Sundays.”",
        [("direct.VSQ", "direct", "the ferry cannot run on Sundays.", "Tom Reyes", "explained")],
    ),
    "cue opening the sentence before the speaker and the quote": (
        "The pier was rebuilt. Said Dorothy Lane, who has fished here for years, “Nobody expected it to reopen.”",
        [("direct.VSQ", "direct", "Nobody expected it to reopen.", "Dorothy Lane, who has fished here for years",
          "Said")],
    ),
    "what a sign or a message reads": (
        "“We are still here,” the banner read.",
        [("direct.QCQ-SV", "direct", "We are still here,", "the banner", "read")],
    ),
    "topic between the cue and the quote": (
        "Ellen Park said about the plan, “I support the parents who asked for it.”",
        [("direct.SVQ", "direct", "I support the parents who asked for it.", "Ellen Park", "said")],
    ),
    "time phrase between the cue and the quote": (
        "He also stated a day earlier, “If the bridge fails, we will all pay.”",
        [("direct.SVQ", "direct", "If the bridge fails, we will all pay.", "He", "stated")],
    ),
    "participle before the quote": (
        'Ellen Park rallied supporters on Monday, saying: "We have to be ready for the winter."',
        [("direct.SVQ", "direct", "We have to be ready for the winter.", "Ellen Park", "saying")],
    ),
    "claim in a leading subordinate clause": (
        "While the mayor said the bridge was safe, the engineers kept it closed for a week.",
        [("indirect.SVC", "indirect", "the bridge was safe", "the mayor", "said")],
    ),
    "quoted fragment inside a reported clause after the cue": (
        "The lawyers said “every filing points one way” that the permit is valid.",
        [("indirect.SVC", "mixed", "“every filing points one way” that the permit is valid",
          "The lawyers", "said")],
    ),
    "quote then a participle claim": (
        'Ellen Park said: "The bridge is safe," adding that the ferry would keep running.',
        [("direct.SVQ", "direct", "The bridge is safe,", "Ellen Park", "said"),
         ("indirect.participle", "indirect", "the ferry would keep running", "Ellen Park", "adding")],
    ),
    "speaker with a long relative clause": (
        "Tom Reyes, who ran the ferry, the bus line, and the bridge toll office for a decade, "
        "last week said the council had ignored the repairs.",
        [("indirect.SVC", "indirect", "the council had ignored the repairs",
          "Tom Reyes, who ran the ferry, the bus line, and the bridge toll office for a decade", "said")],
    ),
    "plural role as speaker": (
        "The repairs will take a year, engineers said.",
        [("indirect.CSV", "indirect", "The repairs will take a year", "engineers", "said")],
    ),
    "share of a poll as speaker": (
        "In the survey, 46 percent said they would take the ferry more often.",
        [("indirect.SVC", "indirect", "they would take the ferry more often", "46 percent", "said")],
    ),
    "split quote with a role-first appositive and a hearer": (
        '"It is a serious disruption," the port\'s operations director, Helen Marsh, told reporters, '
        '"and every day costs the region money."',
        [("direct.QCQ-SV", "direct", "It is a serious disruption,", "the port's operations director, Helen Marsh",
          "told"),
         ("direct.split", "direct", "and every day costs the region money.",
          "the port's operations director, Helen Marsh", "told")],
    ),
    "anonymous source with an aside": (
        "A senior port official, speaking on condition of anonymity, said the talks had stalled.",
        [("indirect.SVC", "indirect", "the talks had stalled",
          "A senior port official, speaking on condition of anonymity", "said")],
    ),
    "anonymous source who asked not to be named": (
        "A dock worker, who asked not to be named, said the cranes were idle.",
        [("indirect.SVC", "indirect", "the cranes were idle", "A dock worker, who asked not to be named", "said")],
    ),
    "participle after a quote and its attribution": (
        "“The union has a list for every pier,” she said of the strike, adding the port would answer it.",
        [("direct.QCQ-SV", "direct", "The union has a list for every pier,", "she", "said"),
         ("indirect.participle", "indirect", "the port would answer it", "she", "adding")],
    ),
    "participle after an opening participial phrase": (
        "Facing a packed hall, the mayor wrote to every household, insisting that the ferry was safe.",
        [("indirect.coordinated", "indirect", "the ferry was safe", "the mayor", "insisting")],
    ),
    "belief of a named person": (
        "Ellen Park believes the ferry will need a second crew by June.",
        [("indirect.SVC", "indirect", "the ferry will need a second crew by June", "Ellen Park", "believes")],
    ),
    "according to a titled name": (
        "The ferry lost money in May, according to Ms. Ellen Park.",
        [("according_to.CA", "indirect", "The ferry lost money in May", "Ms. Ellen Park", "according to")],
    ),
    "claim, speaker and cue, then a participle with a quotation": (
        'The ferry left early, Tom Reyes said, adding, "Nobody told the crew."',
        [("indirect.CSV", "indirect", "The ferry left early", "Tom Reyes", "said"),
         ("direct.SVQ", "direct", "Nobody told the crew.", "Tom Reyes", "adding")],
    ),
    "claim that stops before a second verb of the speaker's": (
        "Ellen Park said the toll would rise in May, and called the vote a disgrace.",
        [("indirect.SVC", "indirect", "the toll would rise in May", "Ellen Park", "said")],
    ),
    "directive to a hearer": (
        "The mayor urged residents to stay off the bridge until the repairs end.",
        [("indirect.SVC", "indirect", "to stay off the bridge until the repairs end", "The mayor", "urged")],
    ),
    "spun cue from the lexicon": (
        "Russia’s international ministry mentioned the two sides would meet again soon.",
        [("indirect.SVC", "indirect", "the two sides would meet again soon", "Russia’s international ministry",
          "mentioned")],
    ),
}


@pytest.mark.parametrize("name", MUST_EXTRACT)
def test_rule_extracts(name):
    text, expected = MUST_EXTRACT[name]
    assert found(text) == expected


MUST_NOT_EXTRACT = {
    "scare quote": 'He called it "woke" nonsense at the time.',
    "film title": 'The film "A Bridge Too Far" was shown at the festival.',
    "no cue, no earlier speaker": '"The bridge is closed until further notice."',
    "cue verb used as a noun": "The state department announced nothing new on the report.",
    "reporting verb with a noun object, not a claim": "The senator denied the charges through her lawyer.",
    "in keeping with as a plain phrase": "The plan was drawn up in keeping with the rules set by the council.",
    "reporting verb whose object runs into a subordinate clause": (
        "The crews continued the repairs until the harbour froze in January."),
    "weak cue with a noun object": "She answered every complaint with a long letter to the editor.",
    "belief in the first person, outside any quotation": "I think the ferry will need a second crew by June.",
    "belief in the first person as an aside": "Look out, harbour, I thought, here comes the storm.",
    "belief whose claim lost its subject to a relative clause": (
        "The council cut the repairs that engineers think are necessary for the bridge."),
    "the spinner's per before a unit": "The ferry carries 4,000 people per day in the summer months.",
    "possessive before a cue noun": "Editor’s note: the ferry timetable has changed since this was written.",
    "added with a plain object": "Later, the council added trucks to the snow fleet.",
    "cue word used as a noun after a determiner": "His claims about the ferry were checked by the council.",
}


@pytest.mark.parametrize("name", MUST_NOT_EXTRACT)
def test_rule_does_not_extract(name):
    text = MUST_NOT_EXTRACT[name]
    assert found(text) == []


def test_title_after_told_is_not_a_second_fragment():
    quotes = found('"We have to act," the senator told "Morning Report" after the vote.')
    assert [q[2] for q in quotes] == ["We have to act,"]


def test_continuation_stops_at_another_speaker():
    text = ("“The ferry is full every morning,” said Ellen Park.\n\n"
            "Tom Reyes said the council would add a second boat.\n\n"
            "“We heard the residents loud and clear.”")
    quotes = extract(text)
    assert quotes[-1].rule == "direct.continuation"
    assert quotes[-1].speaker.name == "Tom Reyes"


def test_continuation_does_not_reach_far_paragraphs():
    text = ("“The ferry is full every morning,” said Ellen Park.\n\nThe ferry runs at seven.\n\n"
            "It costs two dollars.\n\nTickets are sold on board.\n\n“This is a separate quotation here.”")
    assert [q.rule for q in extract(text)] == ["direct.QCQ-VS"]


ATTRIBUTED_DIRECT_QUOTES = {
    "speaker with a hyphenated adjective": ('"We did not discuss it," soft-spoken Ellen Park said.',
                                            "soft-spoken Ellen Park"),
    "speaker described by a phrase after the head": (
        '"Will the ferry run on Sunday?" a council staffer in the room wondered.', "a council staffer in the room"),
    "anonymous source familiar with something": (
        '"It was not a convincing plan," said one official familiar with the talks.',
        "one official familiar with the talks"),
    "question, then an attribution with a prepositional phrase": (
        '"How long will the repairs take?" Ellen Park said in response.', "Ellen Park"),
    "question, then an attribution with a participle": (
        '"Who pays for it?" Tom Reyes asked, repeating his question from May.', "Tom Reyes"),
    "speaker with a party tag": ('"We will vote no," state Sen. Ellen Park (D) said after the debate.',
                                 "state Sen. Ellen Park"),
    "speaker described by age": ('"He has always been a fair man," said the 52-year-old.', "the 52-year-old"),
    "description, then the name after the cue": ('"Targets do not staff wards," said its general secretary, '
                                                 'Greta Solberg.', "its general secretary, Greta Solberg"),
    "speaker led by an adjective": ('"I do not know where he stands," said undecided voter Jane Doe of Milford.',
                                    "undecided voter Jane Doe of Milford"),
    "question, then asked with a long hearer": (
        '"Did you know about the cracks?" Tom Reyes asked the city engineer.', "Tom Reyes"),
}


@pytest.mark.parametrize("name", ATTRIBUTED_DIRECT_QUOTES)
def test_direct_quote_is_attributed(name):
    text, speaker = ATTRIBUTED_DIRECT_QUOTES[name]
    quotes = extract(text)
    assert [(q.type, q.speaker.mention.text) for q in quotes] == [("direct", speaker)]


def test_pronoun_never_resolves_to_a_sentence_opening_phrase():
    (quote,) = extract('On Twitter, she answered by saying, "Seriously, just stop it."')
    assert quote.speaker.name == "she"


def test_relative_who_resolves_to_the_name_before_it():
    (quote,) = extract("The plan was backed by Maria Lopez, who has said the city cannot wait another winter.")
    assert quote.speaker.mention.text == "who"
    assert quote.speaker.name == "Maria Lopez"


def test_speaker_after_cue_reads_past_a_title_abbreviation():
    (quote,) = extract('"We held the line," said Army Capt. Dana Cole.')
    assert quote.speaker.mention.text == "Army Capt. Dana Cole"
    assert quote.speaker.name == "Dana Cole"


def test_offsets_point_into_the_original_text():
    text = open_seed()
    for q in extract(text):
        assert text[q.content.start:q.content.end] == q.content.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker.mention:
            assert text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.mention.text


def test_every_quote_records_its_rule_confidence_and_position():
    text = "First paragraph here.\n\nThe minister said the talks would resume next week. Then she left."
    (quote,) = extract(text)
    assert quote.rule == "indirect.SVC"
    assert 0 < quote.confidence <= 1
    assert (quote.paragraph, quote.sentence) == (1, 1)


def open_seed() -> str:
    from importlib import resources

    return resources.files("quotes").joinpath("examples/rubio-lavrov.txt").read_text(encoding="utf-8")


def test_parenthetical_fragments_share_a_group():
    lead, rest = extract("The repairs, officials said, would take at least six months.")
    assert lead.group == rest.group is not None
