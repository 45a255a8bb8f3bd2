"""Resolution within an article: who a pronoun, a surname, a description or an acronym stands for.

Every example is written for these tests. A case is (text, [(mention as written, resolved name)]),
read over every quote of the text in order; ``MUST_NOT`` cases name a wrong answer instead.
"""

import pytest

from quotes import extract

MUST_RESOLVE = {
    "a post named with its owner and its platform is the owner's": (
        "Ana Ortez spoke late. Ortez's Facebook post said the toll was fair.",
        [("Ortez's Facebook post", "Ana Ortez")]),
    "a role reaches past a quoted paragraph to the person the story is about": (
        "Tom Reyes spoke in Ellery on Monday. “We will win,” Reyes said.\n\n“We will cut the toll. We will build "
        "the bridge. We will not wait. We are ready.”\n\nIn a later post, the candidate boasted that everyone was "
        "with him.", [("the candidate", "Tom Reyes")]),
    "the speaker of a claim before it is what the next pronoun stands for": (
        "Tom Reyes plans to cut the toll by half, Dan Ruiz said on Monday.\n\n“It will pass,” he told reporters.",
        [("he", "Dan Ruiz")]),
    "but not one asking in a clause of time": (
        "Tom Reyes did not sound sure when Dan Ruiz asked whether the toll would pass.\n\n“It is hard to say,” he "
        "said.", [("he", "Tom Reyes")]),
    "an age stands for the person given it": (
        "Tom Reyes, 46, runs the ferry. Ana Ruiz, 51, runs the port. The 46-year-old said the toll was fair.",
        [("The 46-year-old", "Tom Reyes")]),
    "an age with a description after it stands for the person given that age too": (
        "Tom Reyes, 46, runs the ferry. Ana Ruiz, 51, runs the port. Asked about the fares, the 51-year-old mother "
        "of two replied, “They will stay as they are.”",
        [("the 51-year-old mother of two", "Ana Ruiz")]),
    "a name before 'of the' and an adjective is the person's": (
        "Ana Ruiz of the nonpartisan Harbour Report said the race was close.", [("Ana Ruiz of the nonpartisan Harbour "
                                                                               "Report", "Ana Ruiz")]),
    "a name with 'and' after 'the' is one organisation, and its first word stands for it later": (
        "A report in The Harbour and Beacon said the mayor pushed the clerk. The Harbour said the clerk refused.",
        [("A report in The Harbour and Beacon", "Harbour and Beacon"), ("The Harbour", "Harbour and Beacon")]),
    "surname to the full name": (
        "US President Donald Lane visited the plant. Lane said the jobs would stay in the country.",
        [("Lane", "Donald Lane")]),
    "honorific and pronoun": (
        "Hillary Stone visited the plant. Mrs. Stone said the jobs would stay. She added that wages would rise.",
        [("Mrs. Stone", "Hillary Stone"), ("She", "Hillary Stone")]),
    "pronoun agrees in gender": (
        "Tom Reyes met Ellen Park on Monday. She said the vote would be close.", [("She", "Ellen Park")]),
    "a newly introduced person beats the earlier speaker": (
        "“We will win,” Tom Reyes said.\n\nBob Lane, a nurse at the clinic, has worked nights for years. "
        "“Nobody asked us,” he said.", [("Tom Reyes", "Tom Reyes"), ("he", "Bob Lane")]),
    "a new person with an unusual forename": (
        "“We will win,” Tom Reyes said.\n\nOkonkwo Adebayo, a nurse at the clinic, has worked nights for years. "
        "“Nobody asked us,” he said.", [("Tom Reyes", "Tom Reyes"), ("he", "Okonkwo Adebayo")]),
    "the subject before the object": (
        "Tom Reyes criticised Bob Lane’s plan on Monday. “It was a mistake,” he said.", [("he", "Tom Reyes")]),
    "the article's own pronouns give a gender": (
        "Rakel Strand lost her job in May. She wants it back, and she says the firm owes her.\n\n"
        "Ed Mills runs the firm. “She was paid in full,” he said. “We owe nothing,” she replied.",
        [("she", "Rakel Strand"), ("he", "Ed Mills"), ("she", "Rakel Strand")]),
    "a surname that is a word of grammar": (
        "Prime Minister Hilda May met the dockers. May said the ferry would run. Mrs. May said the toll "
        "would fall. Columnist Roy Will wrote that the pier was safe. “It is,” Will said.",
        [("May", "Hilda May"), ("Mrs. May", "Hilda May"), ("Columnist Roy Will", "Roy Will"), ("Will", "Roy Will")]),
    "who: the person named after a verb's preposition": (
        "Ana Lane plans to vote for Senator Tom Reyes of Ellery, who says the toll is a mistake.",
        [("who", "Tom Reyes")]),
    "they: the group the sentence before is about": (
        "Most workers back the strike. “We will stay out,” they said.", [("they", "Most workers")]),
    "they: a plural subject before are": (
        "Most voters are wary of the toll. “We cannot pay it,” they said.", [("they", "Most voters")]),
    "it: the company the story named": (
        "Harbour Energy cut jobs on Monday. The company is closing the plant, and it said the workers would be paid.",
        [("it", "Harbour Energy")]),
    "they: a name with News in it is no group between": (
        "The Harbour Trust met Fox News on Monday. But they said the pier would close.", [("they", "Harbour Trust")]),
    "they: two people joined by and": (
        "Ana Ruiz and Tom Reyes met the mayor. They said the ferry must run.", [("They", "Ana Ruiz and Tom Reyes")]),
    "it: the document the sentence before is about": (
        "The Harbour Trust sent a memo to the mayor. The memo sets out the costs. “The pier must close,” it says.",
        [("it", "The memo")]),
    "a month after a name's words is not its surname": (
        "Hilda Park lost her job last May. In May, Mrs. Park said the firm owed her.",
        [("Mrs. Park", "Hilda Park")]),
    "a place is never an antecedent": (
        "Ana Ruiz moved to Manitoba in May. “It is cold,” she said.", [("she", "Ana Ruiz")]),
    "a campaign is named after its owner however it is written": (
        "Ellen Park toured the pier on Monday. Her campaign said the ferry would run again. The Park campaign "
        "said the toll would fall. Mrs. Park’s campaign said the crew was paid.",
        [("Her campaign", "Ellen Park campaign"), ("The Park campaign", "Ellen Park campaign"),
         ("Mrs. Park’s campaign", "Ellen Park campaign")]),
    "a group for the alliance just named": (
        "The Harbour Workers Alliance marched on Monday. The group said the ferry would stop in June.",
        [("The group", "Harbour Workers Alliance")]),
    "a role with its portfolio": (
        "Former Secretary of State Ellen Park toured the pier on Monday. The former secretary of state said the "
        "ferry would run again.", [("The former secretary of state", "Ellen Park")]),
    "a party's nominee is the person the story is about": (
        "Tom Reyes won the harbour primary on Tuesday. The Republican nominee said the ferry would stay.",
        [("The Republican nominee", "Tom Reyes")]),
    "a forename alone": ("Ana Ruiz runs the bakery. “We open at six,” Ana said.", [("Ana", "Ana Ruiz")]),
    "a family name written first": (
        "Hua Mei, a spokeswoman for the ministry, spoke on Monday. Hua said the talks would go on.",
        [("Hua", "Hua Mei")]),
    "a transcript's surname in capitals": (
        "Tom Reyes spoke with Ellen Park on Monday.\n\nREYES: Will the ferry stop?\n\nPARK: It stops in June.",
        [("REYES", "Tom Reyes"), ("PARK", "Ellen Park")]),
    "title and surname": ("Tom Reyes took office in May. Mr. Reyes said the port would stay open.",
                          [("Mr. Reyes", "Tom Reyes")]),
    "a misspelt surname": (
        "Dora Kowalski leads the tenants’ group. Kowalsky said rents had doubled in a year.",
        [("Kowalsky", "Dora Kowalski")]),
    "a two-word surname": (
        "Ildefonso Garza Villarreal met the ministers. Mr. Garza Villarreal said the deal was close.",
        [("Mr. Garza Villarreal", "Ildefonso Garza Villarreal")]),
    "a description to the organisation": (
        "The Harbour Workers Union voted on Monday. The union said the strike would go on.",
        [("The union", "Harbour Workers Union")]),
    "'the company' to a firm": (
        "Calgary-based Harbour Energy cut its forecast. The company said demand was weak.",
        [("The company", "Harbour Energy")]),
    "a short name to the organisation": (
        "Harbour Energy cut its forecast on Monday. Harbour said demand was weak.", [("Harbour", "Harbour Energy")]),
    "a description to the person with that role": (
        "State department spokesperson Tammy Bruce spoke first. The spokesperson said more talks were planned.",
        [("The spokesperson", "Tammy Bruce")]),
    "an abbreviated title matches its role": (
        "Ellery Gov. Ana Ruiz spoke on Monday. The Ellery governor said the budget was balanced.",
        [("The Ellery governor", "Ana Ruiz")]),
    "a defined acronym": (
        "The Export Council of Ellery (ECE) published its figures. The ECE said exports fell.",
        [("The ECE", "Export Council of Ellery")]),
    "an acronym of a named organisation": (
        "Harbour Development Bank lends to farmers. HDB said loans rose in May.",
        [("HDB", "Harbour Development Bank")]),
    "a statement speaks for its author": (
        "Ana Ruiz resigned on Monday. “I leave with pride,” her statement said.", [("her statement", "Ana Ruiz")]),
    "a relative 'who'": ("The port is run by Maria Lopez, who said the cranes were old.", [("who", "Maria Lopez")]),
    "a quoted organisation for 'the ministry'": (
        "Russia’s foreign ministry said the meeting was useful. The ministry added that the talks would go on.",
        [("Russia’s foreign ministry", "Russia’s foreign ministry"), ("The ministry", "Russia’s foreign ministry")]),
    "'they' for unnamed sources": (
        "Officials said the bridge was safe. They added that it would reopen in May.",
        [("Officials", "Officials"), ("They", "Officials")]),
    "a newspaper by the last word of its name": (
        "The Ellery Evening Times published the plans on Monday. The Times said the pier would close.",
        [("The Times", "Ellery Evening Times")]),
    "the writer's first person": ("“The ferry was late again,” I said to the driver.", [("I", "the author")]),
    "the writer named in an author note": (
        "“The ferry was late again,” I said to the driver.\n\nJane Roe, a playwright, teaches at Harbour College.",
        [("I", "Jane Roe")]),
    "a statement's author": (
        "The Ellery Harbour Board issued a statement on Monday. The statement said the pier would reopen in May.",
        [("The statement", "Ellery Harbour Board")]),
    "a title word as a surname": (
        "Larry King hosts a talk show. Mr. King said the network never edits him.", [("Mr. King", "Larry King")]),
    "a surname with a particle": (
        "Mayor Bill de Blasio spoke first. De Blasio said the city was safe.", [("De Blasio", "Bill de Blasio")]),
    "a name with initials that Punkt would end a sentence at": (
        "“The port is safe,” said Rep. G.K. Lindqvist (D-Maine), who chairs the panel.",
        [("Rep. G.K. Lindqvist", "G.K. Lindqvist")]),
    "a title, a surname and the organisation": (
        "“The plan is a scam,” said Mr. Morgan of the Harbour Trust.", [("Mr. Morgan of the Harbour Trust", "Morgan")]),
    "a name before an age, a home town and a relative clause": (
        "Dana Sampson Reyes, 59, of Ashton, Md., who watched the vote, said the ferry was late.",
        [("Dana Sampson Reyes, 59, of Ashton, Md., who watched the vote", "Dana Sampson Reyes")]),
    "a subject with a party label shared by a second verb": (
        "Chairman Jason Lindqvist (R-Utah) said the deal was signed and added that it was bad.",
        [("Chairman Jason Lindqvist", "Jason Lindqvist"), ("Chairman Jason Lindqvist (R-Utah)", "Jason Lindqvist")]),
    "an acronym of a name with an abbreviated word": (
        "The U.S. Rowing Federation set the course. The USRF said entries had doubled.",
        [("The USRF", "U.S. Rowing Federation")]),
    "a headline's words are no name": (
        "Harbour Strike Ends As Ellen Park Signs Deal\n\n“It is done,” Park said.", [("Park", "Ellen Park")]),
    "a headline's phrase that opens with a person named in full in the story": (
        "Ellen Park Slams Port Board Chief: ‘You Should Resign.’\n\nHarbour Sen. Ellen Park grilled the "
        "board chief Tom Reyes on Tuesday.",
        [("Ellen Park Slams Port Board Chief", "Ellen Park")]),
    "'it' for an office described by lower-case words": (
        "The harbour ministry’s port office also posted a notice Tuesday saying that the pier had closed.\n\n"
        "It urged sailors to stay in port.",
        [("The harbour ministry’s port office", "harbour ministry’s port office"),
         ("It", "harbour ministry’s port office")]),
    "a report to the organisation that wrote it": (
        "A report by the Harbour Trust came out on Monday. The report said the pier was unsafe.",
        [("The report", "Harbour Trust")]),
    "an article to its newspaper": (
        "A Harbour Times article on Monday looked at the pier. The article said the pier was unsafe.",
        [("The article", "Harbour Times")]),
    "a report named with the short name of its organisation": (
        "The Harbour Trust met on Monday. The port will close, according to the Trust report.",
        [("the Trust report", "Harbour Trust")]),
    "a book to the person who wrote it": (
        "Ana Ruiz wrote a book about the port. The book says the pier was unsafe.", [("The book", "Ana Ruiz")]),
    "a surname shared with someone named after a preposition": (
        "Tom Reyes took office in May. “The port is open,” Reyes said. Critics shared a photo of Ana Reyes on "
        "Monday. “Leave my family alone,” Reyes said.",
        [("Reyes", "Tom Reyes"), ("Reyes", "Tom Reyes")]),
    "a name that modifies a role before another name is not the subject": (
        "Ellen Park spoke on Monday. Park communication director Jana Lee said the mayor is reduced to taunts. "
        "“You could dismiss these actions,” she said.",
        [("Park communication director Jana Lee", "Jana Lee"), ("she", "Jana Lee")]),
    "it: an organisation someone's name modifies, as written": (
        "Ellen Park toured the pier. The Park campaign sent a letter on Monday, which it said was final.",
        [("it", "Ellen Park campaign")]),
    "it: the document the sentence is about, not a name after a preposition in it": (
        "The post showed a man in a hat with parts of the Harbour Trust logo cut out. It says: “Keep the pier open.”",
        [("It", "The post")]),
    "a day's possessive is no part of an organisation's name": (
        "Tom Reyes spoke after Saturday’s Harbour Business Council vote. “We are closed,” it said.",
        [("it", "Harbour Business Council")]),
    "a short first line is a headline, and its words are no forename": (
        "Understated Reyes gains a following.\n\nSo Harbour Minister Tom Reyes stopped writing his speech.\n\n"
        "The ferry was late. The pier was wet. The crowd was small. The vote was close. The toll was high.\n\n"
        "The crew was tired. The mayor was away. The port was shut.\n\n“We did it,” Reyes said.",
        [("Reyes", "Tom Reyes")]),
    "two people who speak together": (
        "Ana Ruiz met Tom Reyes at the pier. “The ferry must run,” Ruiz and Reyes said. Both Reyes and Ruiz "
        "have said they want the toll cut.",
        [("Ruiz and Reyes", "Ana Ruiz and Tom Reyes"), ("Both Reyes and Ruiz", "Tom Reyes and Ana Ruiz")]),
    "two people with roles, and a shared appositive": (
        "“The toll is fair,” council leader Ana Ruiz and port director Tom Reyes, both Liberals, said.",
        [("council leader Ana Ruiz and port director Tom Reyes, both Liberals", "Ana Ruiz and Tom Reyes")]),
    "a state in parentheses after a name is no part of it": (
        "Sen. Tom Reyes (Vt.) said the toll was fair. Ellen Park and Sen. Ana Ruiz (Md.) have said the ferry "
        "must run.",
        [("Sen. Tom Reyes", "Tom Reyes"), ("Ellen Park and Sen. Ana Ruiz", "Ellen Park and Ana Ruiz")]),
    "two people named before by title and surname": (
        "President Reyes met Mrs. Ruiz on Monday. “The ferry must run,” Reyes and Ruiz said.",
        [("Reyes and Ruiz", "Reyes and Ruiz")]),
    "a role written without 'the' for the person the story is about": (
        "Sen. Tom Reyes toured the pier on Monday. “The ferry must run,” said Democratic presidential candidate, "
        "adding that the toll was high.",
        [("Democratic presidential candidate", "Tom Reyes"), ("Democratic presidential candidate", "Tom Reyes")]),
    "an organisation's name with 'and' in it is one organisation": (
        "The Harbour Safety and Ferry Commission met on Monday. “The pier is unsafe,” it said. The Harbour "
        "Safety and Ferry Commission said the toll would stay.",
        [("it", "Harbour Safety and Ferry Commission"),
         ("The Harbour Safety and Ferry Commission", "Harbour Safety and Ferry Commission")]),
    "they: prosecutors are a group, not an organisation": (
        "Former prosecutors said the port board was rushed. Act before the vote, they said, and you look partisan.",
        [("Former prosecutors", "Former prosecutors"), ("they", "Former prosecutors"), ("they", "Former prosecutors")]),
    "two people after an opening word and a comma": (
        "However, Ana Ruiz and Tom Reyes said the ferry must run.",
        [("Ana Ruiz and Tom Reyes", "Ana Ruiz and Tom Reyes")]),
    "a short first line followed by 'She' is the story's first sentence": (
        "Mayor Ana Ruiz resigned on Tuesday.\n\nShe said the ferry must run.", [("She", "Ana Ruiz")]),
    "a hyphenated given name is no participle": (
        "Li Ka-shing said the port deal was fair.", [("Li Ka-shing", "Li Ka-shing")]),
    "a forename and the surname two people share": (
        "Tom Reyes wrote a book about the port. “The ferry must run,” David and Ana Ruiz wrote.",
        [("David and Ana Ruiz", "David Ruiz and Ana Ruiz")]),
    "a short first line that opens with an article is the story's first sentence": (
        "The nurse gave her name as Carla Bell, a resident of Ellery.\n\n“He truly cares about the port,” she said.",
        [("she", "Carla Bell")]),
    "'it' for a name that nothing shows to be a person's": (
        "Harbour Affairs told sailors to stay in port. It added that the storm would pass by Friday.",
        [("Harbour Affairs", "Harbour Affairs"), ("It", "Harbour Affairs")]),
}

MUST_NOT_RESOLVE = {
    "a statement named inside a longer phrase is not the phrase's head": (
        "Tom Reyes will speak at the dinner. Critics of the drive to skip Tom Reyes's speech said "
        "they were worried.", "Critics of the drive to skip Tom Reyes's speech", "Tom Reyes"),
    "nothing refers back across a live blog's section break": (
        "The campaign chairman, Tom Reyes, said he had not seen the letter.\n\n___.\n\n11:50 a.m.\n\n"
        "The state attorney general says the fund is not registered.", "The state attorney general", "Tom Reyes"),
    "who: not the clause before a role it follows": (
        "Ana Lane sat through a lecture from the port director, who said that the pier was unsafe.",
        "who", "Ana Lane sat through a lecture from the port director"),
    "who: nor the person the sentence names before that role": (
        "Ana Lane sat through a lecture from the port director, who said that the pier was unsafe.",
        "who", "Ana Lane"),
    "who: not the clause before the person it follows": (
        "Ana Lane plans to vote for Senator Tom Reyes of Ellery, who says the toll is a mistake.",
        "who", "Ana Lane plans to vote for Senator Tom Reyes of Ellery"),
    "a spokesman for someone is not that someone": (
        "Mayor Ana Ruiz of Ellery was away. A spokesman for Mayor Ana Ruiz of Ellery said the toll would stay.",
        "A spokesman for Mayor Ana Ruiz of Ellery", "Ana Ruiz"),
    "the mayor of a place is not a person named for it": (
        "The mayor of Ellery, who said the fee was fair, left early.", "who", "Ellery"),
    "it: not the dateline": (
        "HARBOURTON, Ont. — The vote on the ferry was close. “We lost,” it said.", "it", "HARBOURTON"),
    "they: not the organisation before a nearer group": (
        "Harbour Energy cut the ferry grant, yet researchers say they need more. “It is not enough,” they said.",
        "they", "Harbour Energy"),
    "a role in another organisation": (
        "Defence Minister Tom Reyes met his counterparts on Monday.\n\n"
        "NATO's secretary general said the talks would go on.",
        "NATO's secretary general", "Tom Reyes"),
    "the owner of a role is not its holder": (
        "While Bob Hill keeps the title campaign manager and rides with the candidate, Tom Reyes has hired "
        "others.\n\nTom Reyes’s campaign manager said he was “pleased” with the ruling.",
        "Tom Reyes’s campaign manager", "Tom Reyes"),
    "another participant's role": (
        "Tom Reyes took the first question at the harbour debate. “Why the ferry?” the moderator asked.",
        "the moderator", "Tom Reyes"),
    "a spokesman of the one named": (
        "Prime Minister Tom Reyes met the union on Monday. Reyes’s spokesman said the talks would go on.",
        "Reyes’s spokesman", "Tom Reyes"),
    "the name a group is defined by": (
        "Critics of Ellen Park said the ferry must stop.", "Critics of Ellen Park", "Ellen Park"),
    "the name a participle's object": (
        "Voters supporting Ellen Park said the ferry must run.", "Voters supporting Ellen Park", "Ellen Park"),
    "a caption's name": (
        "Photo: Tom Reyes/Harbour Times\n\nThe storm hit the pier at dawn. “It was loud,” he said.", "he", "Tom Reyes"),
    "a legislative bill": ("Bill C-74 passed in May. “It will help,” he said.", "he", "Bill C-74"),
    "one of two people sharing a surname, by gender": (
        "Bill Lane and Ann Lane run the farm. Mrs. Lane said the harvest was poor.", "Mrs. Lane", "Bill Lane"),
    "a report to the one who only cited it": (
        "Ellen Park cited a report on Monday. The report said the pier was unsafe.", "The report", "Ellen Park"),
    "'it' for a person": (
        "Tom Reyes said the toll was too high. It added that the ferry would wait.", "It", "Tom Reyes"),
    "'it' for a name three sentences back": (
        "Harbour Affairs told sailors to stay in port. The storm hit at dawn. The pier broke. "
        "It added that the ferry would wait.", "It", "Harbour Affairs"),
    "they: not an organisation after a preposition": (
        "In another study written with Ana Ruiz from the Harbour Institute, the toll was found too high. "
        "“It cannot last,” they wrote.", "they", "Harbour Institute"),
    "they: not an organisation after a preposition and 'the'": (
        "Tom Reyes, a fellow at the Harbour Institute, says the ferry is late. They also say the toll is high.",
        "They", "Harbour Institute"),
    "a label of the page in capitals": (
        "Port vote goes to the wire.\n\nFULL TEXT.\n\n“We are ready,” he said on Monday.", "he", "FULL TEXT"),
    "a label of the page in capitals, for 'they'": (
        "Port vote goes to the wire.\n\nABSTRACT.\n\nThe ferry will run, they say.", "they", "ABSTRACT"),
    "a person and an organisation are no one organisation": (
        "Ellen Park and City Council said the toll was fair.", "City Council", "Ellen Park and City Council"),
    "two organisations are no one: a place in the first": (
        "The Bank of Ontario and Harbour Trust said rates would rise.", "Harbour Trust",
        "Bank of Ontario and Harbour Trust"),
    "two organisations are no one: a company named alone elsewhere": (
        "Acme cut jobs. Acme and Harbour Corporation said prices would rise.", "Harbour Corporation",
        "Acme and Harbour Corporation"),
    "two are no one organisation: a person's surname": (
        "Mayor Ana Ruiz met them. Ruiz and City Council said the toll was fair.", "City Council",
        "Ruiz and City Council"),
    "places in a list are no two people": (
        "Most voters in Ellery, Harbourton and Ashby said the ferry must run.", "Ashby", "Harbourton and Ashby"),
    "a time zone": (
        "The memo went out at 6:42 a.m. EST from the port office. “We are closed,” it said.", "it", "EST"),
    "a participle compound after 'the'": (
        "Ana Ruiz backed the Ferry-opposing campaign. “It is over,” it said.", "it", "Ferry-opposing"),
    "a place after 'the'": (
        "Ana Ruiz flew in from the Lower Mainland. “It is colder here,” she said.", "she", "Lower Mainland"),
}


def resolved(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.mention.text, q.speaker.name) for q in extract(text) if q.speaker.mention]


@pytest.mark.parametrize("case", MUST_RESOLVE)
def test_mention_resolves(case):
    text, expected = MUST_RESOLVE[case]
    found = resolved(text)
    assert [pair for pair in found if pair in expected] == expected, found


@pytest.mark.parametrize("case", MUST_NOT_RESOLVE)
def test_mention_does_not_resolve_to(case):
    text, written, wrong = MUST_NOT_RESOLVE[case]
    found = resolved(text)
    assert any(w == written for w, _ in found), found
    assert (written, wrong) not in found


def test_role_and_organisation_come_from_another_mention_as_spans():
    text = ("Jeff Lane, director of operations at the Port Authority, toured the depot. "
            "Lane said the ambulances were late again.")
    (quote,) = extract(text)
    speaker = quote.speaker
    assert (speaker.name, speaker.role.text, speaker.organization.text) == (
        "Jeff Lane", "director of operations", "the Port Authority")
    assert text[speaker.role.start:speaker.role.end] == "director of operations"
    assert text[speaker.antecedent.start:speaker.antecedent.end] == "Jeff Lane"
    assert speaker.resolution == "surname"


def test_a_current_role_wins_over_a_former_one():
    text = ("Dev Patel, a former Ellery University law lecturer, has since served as minister of justice.\n\n"
            "Patel said the bill would pass.")
    (quote,) = extract(text)
    assert quote.speaker.role.text == "minister of justice"


def test_a_current_title_that_ends_its_paragraph_wins_over_a_former_one_with_its_organisation():
    text = ("Dev Patel, a former Ellery University law lecturer, was sworn in as Minister of Fisheries and "
            "Attorney General.\n\nLater, Patel said the bill would pass.")
    (quote,) = extract(text)
    assert (quote.speaker.role.text, quote.speaker.organization) == ("Minister of Fisheries and Attorney General", None)


def test_a_role_left_is_a_former_one():
    text = ("Dev Patel resigned as coach of the Harbour Seals in May. Patel, the director of the Ellery Rowing "
            "Club, has not looked back.\n\n“We could have won,” Patel said.")
    (quote,) = extract(text)
    assert (quote.speaker.role.text, quote.speaker.organization.text) == ("director", "the Ellery Rowing Club")


def test_role_stated_with_as():
    text = 'Tom Lane stepped down as coach of the Harbour Seals in May.\n\n"We could have won that game," Lane said.'
    (quote,) = extract(text)
    assert (quote.speaker.name, quote.speaker.role.text, quote.speaker.organization.text) == (
        "Tom Lane", "coach", "the Harbour Seals")


def test_gender_comes_with_its_evidence_order():
    quotes = extract("Mrs. Jordan Ellis spoke first. “We are ready,” she said.")
    assert {q.speaker.gender for q in quotes} == {"female"}


def test_a_gendered_noun_beside_a_name_outweighs_the_forename_s_usual_gender():
    text = "“The ruling does not hold,” said harbour widow Terry Strada.\n\nShe added, “We will appeal it.”"
    first, second = extract(text)
    assert (first.speaker.name, first.speaker.gender) == ("Terry Strada", "female")
    assert (second.speaker.name, second.speaker.resolution) == ("Terry Strada", "pronoun")


def test_a_gendered_noun_in_a_relative_clause_says_nothing_of_the_speaker():
    (quote,) = extract("Tom Reyes, whose wife runs the ferry, said the port was unsafe.")
    assert quote.speaker.gender == "male"


def test_a_name_that_modifies_a_noun_is_not_the_subject_a_pronoun_goes_to():
    text = ("Tom Reyes is running for mayor.\n\n"
            "Reyes campaign spokesman Dan Ortiz told reporters the plan would cover part-time workers. "
            "He could not say why Ellen Reyes had said otherwise.\n\n"
            "“We don’t have the final text,” he said.")
    *_, quote = extract(text)
    assert (quote.speaker.name, quote.speaker.resolution) == ("Dan Ortiz", "pronoun")


def test_a_person_the_story_keeps_calling_she_stays_the_antecedent_over_a_name_met_in_passing():
    text = ("Ellen Park is the harbour commissioner. She has faced criticism since June, most recently for a "
            "dinner with Tom Reyes while the board was investigating his sister, councillor Ana Reyes, over "
            "the permits she signed. She has called the inquiry a distraction.\n\n"
            "“Nobody says those things to my face,” she said.")
    characterisation, quote = extract(text)  # "She has called the inquiry a distraction." is one too
    assert characterisation.content.text == "the inquiry a distraction"
    assert (quote.speaker.name, quote.speaker.resolution) == ("Ellen Park", "pronoun")


@pytest.mark.parametrize("text, speaker, kind", [
    ("African Americans said the shootings must stop.", "African Americans", "anonymous"),
    ("Native Canadians told the inquiry the treaty was broken.", "Native Canadians", "anonymous"),
    ("Tom Evans said the shootings must stop.", "Tom Evans", "person"),
])
def test_a_people_named_by_a_plural_demonym_is_a_group_not_a_person(text, speaker, kind):
    (quote,) = extract(text)
    assert (quote.speaker.name, quote.speaker.kind) == (speaker, kind)


def test_the_organization_is_the_one_the_story_is_about_not_the_last_name_met_in_passing():
    text = ("Dana Whitfield will no longer set the course for the Harbour Rowing Federation. The Harbour "
            "Rowing Federation said entries had doubled.\n\n"
            "Crews from the Lakeside Regatta Club complained about the new course. As the organization’s "
            "public face, Whitfield took the criticism calmly.\n\n"
            "“We will listen,” Whitfield said.")
    *_, quote = extract(text)
    assert (quote.speaker.name, quote.speaker.organization.text) == ("Dana Whitfield", "Harbour Rowing Federation")


def test_an_event_is_no_organisation():
    text = ("Dana Whitfield runs the course. Players made six cuts at the Harbour Open last year.\n\n"
            "As the organization’s public face, Whitfield took the criticism calmly.\n\n"
            "“We will listen,” Whitfield said.")
    *_, quote = extract(text)
    assert quote.speaker.organization is None


def test_a_description_with_no_antecedent_stays_unresolved():
    (quote,) = extract("“The ferry is late again,” the billionaire mogul said.")
    assert (quote.speaker.name, quote.speaker.resolution) == ("the billionaire mogul", "unresolved")


def test_a_name_that_it_stands_for_is_an_organisation():
    *_, quote = extract("Harbour Affairs told sailors to stay in port. It added that the storm would pass by Friday.")
    assert (quote.speaker.name, quote.speaker.kind) == ("Harbour Affairs", "organization")


def test_a_headline_s_other_words_give_its_speaker_no_role_or_organisation():
    first, second = extract("Ellen Park Slams Port Board Chief: ‘You Should Resign.’\n\n"
                            "Harbour Sen. Ellen Park grilled the board chief on Tuesday.\n\n"
                            "“You should resign,” Park told him.")
    for quote in (first, second):
        assert (quote.speaker.name, quote.speaker.organization) == ("Ellen Park", None)



def test_an_appositive_runs_past_the_dot_inside_a_name():
    (quote,) = extract("“It was late,” said Tom Reyes, CEO and founder of cloud hosting company Harbour.Net.")
    assert quote.speaker.organization.text == "Harbour.Net"


def test_a_description_without_a_role_gives_an_organisation_only_by_its_name():
    """Words before a name that are no description of the person give no organisation ("Dressed in a
    pair of … boots, Ellen Park"), while a description that names one gives it."""
    for text in ("Dressed in a pair of slip-on Harbourco’s boots, Ellen Park said the ferry was late.",
                 "On the eve of Friday’s vote in Harbourton, Ellen Park said the ferry was late."):
        (quote,) = extract(text)
        assert quote.speaker.organization is None, quote.speaker.organization
    (named,) = extract("Tom Lane of the Harbour Trust said the ferry was late.")
    assert named.speaker.organization is not None and named.speaker.organization.text == "the Harbour Trust"


def test_a_title_inside_a_description_does_not_end_it():
    """The full stop of "Mrs." or "St." inside an appositive is no sentence's end: a strategist for
    Mrs. Park works for a person (no organisation, and not "Mrs"), a nurse at St. Mary Hospital for it."""
    for text in ("“We will win,” said Geoff Lane, a strategist for Mrs. Park. “It is close.”",
                 "The vote was close, said Geoff Lane, a strategist for Mrs. Park."):
        quotes = extract(text)
        assert quotes and all(q.speaker.role.text == "strategist" and q.speaker.organization is None
                              for q in quotes), text
    quotes = extract("“We will win,” said Geoff Lane, a nurse at St. Mary Hospital. “It is close.”")
    assert [q.speaker.organization.text for q in quotes] == ["St. Mary Hospital"] * 2


UNRESOLVED_KINDS = {
    "a plural for people is a group": ("Party strategists said the toll was fair.", "anonymous"),
    "the head before what describes it": ("A Democrat familiar with her remarks said the toll was fair.", "person"),
    "those who …": ("Those surveyed said the toll was fair.", "anonymous"),
    "data is an organisation's": ("Early results of the exit polls showed the toll was popular.", "organization"),
    "an unnamed person's noun": ("The woman said the toll was fair.", "person"),
    "a friend or a colleague": ("His childhood friend said the toll was fair.", "person"),
    "a person known for their wealth or fame": ("The gambling tycoon said the toll was fair.", "person"),
}


@pytest.mark.parametrize("case", UNRESOLVED_KINDS)
def test_an_unresolved_phrase_takes_the_kind_its_head_noun_says(case):
    text, kind = UNRESOLVED_KINDS[case]
    (quote,) = extract(text, scope="all")
    assert (quote.speaker.resolution, quote.speaker.kind) == ("unresolved", kind)


ORGANISATIONS = {
    "an interview with an outlet is no employer": (
        "In an interview with Harbour News published Thursday, Tom Reyes did not rule out a toll. "
        "“We will see,” Reyes said.", None),
    "a place where someone spoke is no employer": (
        "Tom Reyes, speaking at the Harbour Club resort in Ellery, was introduced by the mayor. "
        "“We will see,” Reyes said.", None),
    "a day and a place before the name": (
        "On Thursday night at the University of Ellery, Tom Reyes opened with a call for calm. "
        "“We will see,” Reyes said.", None),
    "of an organisation": ("“We will see,” said Tom Reyes of the Harbour Policy Center.", "the Harbour Policy Center"),
    "of an organisation, at the end of a sentence": (
        "“We will see,” said Tom Reyes of the Harbour Policy Center. Proposals for the toll are late.",
        "the Harbour Policy Center"),
    "a home town with its state": ("“We will see,” said Tom Reyes of Ellery, N.H., at the rally.", None),
    "a place with its state, in commas": ("Ana Ruiz, 22, of Ashby, Mich., said the pier was late.", None),
    "at an event": ("The crowd booed Tom Reyes at the Harbour Convention. “We will see,” Reyes said.", None),
    "at an institution": ("“We will see,” said Tom Reyes at the Harbour Institute of Technology.",
                          "the Harbour Institute of Technology"),
    "a university with its town": ("“We will see,” said Tom Reyes of the University of Ellery, Harbourton.",
                                   "the University of Ellery"),
    "as an organisation's face": (
        "The Harbour Trust met on Monday. As the trust’s public face, Tom Reyes took the questions. "
        "“We will see,” Reyes said.", "Harbour Trust"),
    "an agency named after a standing word elsewhere": (
        "“We will see,” RCMP spokesman Tom Reyes said. Other former RCMP officers disagreed.", "RCMP"),
    "a party after a modifier of its member": (
        "“We will see,” said Mike Murphy, a veteran NDP strategist.", "NDP"),
    "another name's appositive before the name": (
        "In a tribute to Ana Ruiz, the Harbour Party's nominee that year, Tom Reyes praised the port. "
        "“We will see,” Reyes said.", None),
    "a long description": ("“We will see,” said Tom Reyes, director of the Project on Harbour Secrecy at the "
                           "Federation of Ellery Scientists.", "the Federation of Ellery Scientists"),
    "a place after 'in'": ("“We will see,” said Tom Reyes, one of the best reporters in Ellery.", None),
    "an organisation, then what it is": (
        "“We will see,” said Tom Reyes, president of Harbour Watch, a group that sued the port.", "Harbour Watch"),
    "an organisation, then another role": (
        "“We will see,” said Tom Reyes, a senior fellow at the Harbour Institution and a former ambassador to Chile.",
        "the Harbour Institution"),
    "a person the article names is no one's organisation": (
        "Ana Ruiz opened the rally in Ellery. Tom Reyes, a Ruiz supporter, said the hall was full.", None),
    "nor is a person with a title before a possessive": (
        "Ana Ruiz opened the rally in Ellery. Tom Reyes, Mrs. Ruiz’s chief of staff, said the hall was full.", None),
    "nor one whose forename is also a particle": (
        "Al Reyes left the port. Reyes’s close friends and allies said the exile was real.", None),
    "nor a person with the words that describe him": (
        "Paul Lane spoke first. Dan Andres, a spokesman for House Speaker Paul Lane, said the toll was a tax.", None),
    "a clause after a name gives no organisation": (
        "Ted Lane, when asked what about Ana Ruiz’s plan is wrong, said the toll was a tax.", None),
    "a title and a surname the article gives a person is no organisation": (
        "The hall was full. Tom Reyes, the chief strategist on President Ruiz’s campaigns, said it went well. "
        "Ruiz left early.", None),
    "some of a person's allies work for no organisation": (
        "Ana Ruiz spoke first. Some of Ruiz’s allies said the vote was rigged.", None),
    "a team named with a place that is also a forename stays an organisation": (
        "Dallas Hawks fans cheered. Tom Reyes, owner of the Dallas Hawks, said the arena was full.",
        "the Dallas Hawks"),
    "an organisation after a country's initials runs past them": (
        "The cable was signed by Greg Hill, a trade officer at the U.S. Embassy in Ellery. "
        "Hill said the warning had been sent twice.", "the U.S. Embassy"),
    "an organisation named with 'on' keeps what follows it": (
        "Ana Ruiz, a senior fellow at the Council on Harbour Relations, toured the port. "
        "“We will see,” Ruiz said.", "the Council on Harbour Relations"),
}


@pytest.mark.parametrize("case", ORGANISATIONS)
def test_a_speaker_s_organisation_comes_from_a_description_never_from_an_adjunct(case):
    text, organisation = ORGANISATIONS[case]
    quote = extract(text)[-1]
    assert (quote.speaker.organization.text if quote.speaker.organization else None) == organisation


ROLES = {
    "the words before a name that qualifies a noun describe the noun": (
        "Tom Reyes runs the port. The dockers’ union, a major Reyes foe, will vote. Reyes said the toll was fair.",
        None),
    "but a possessive name keeps them": (
        "Port director Tom Reyes’s doctor spoke first. Reyes said the toll was fair.", "Port director"),
    "a role someone casts themself in": (
        "Tom Reyes cast himself as a champion of dock workers. “We will see,” Reyes said.", None),
    "a role hoped for": ("Tom Reyes, who is vying to be the next mayor, said the toll was fair.", None),
    "a verb before a titled name is no part of the role of the one \"who\" stands for": (
        "The case would involve Attorney General Ana Ruiz, who said the toll was fair.", "Attorney General"),
    "a source after the name": (
        "The emails were sent by Tom Reyes, according to a harbour spokesman. “We will see,” Reyes said.", None),
    "a clause of time before the name": (
        "Shortly before the governor spoke, Tom Reyes said the toll was fair.", None),
    "a role after 'as' in an adjunct": (
        "Over her career as a senator, Ana Ruiz raised money from the port. “We will see,” Ruiz said.", "senator"),
    "a description the name stands in apposition to": (
        "He rejected complaints by the port director, Tom Reyes, that the toll was high. “We will see,” Reyes said.",
        "port director"),
    "an intermediary": ("Tom Reyes, through a spokeswoman, declined to comment. “We will see,” Reyes said.", None),
    "a role's word as a verb after 'to'": (
        "Tom Reyes arrived on Monday. The forum is expected to host Reyes’s two rivals. “We will see,” Reyes said.",
        None),
    "another name's appositive before the name": (
        "Introduced by Ana Ruiz, the port director, Tom Reyes spoke first. “We will see,” Reyes said.", None),
}


@pytest.mark.parametrize("case", ROLES)
def test_a_speaker_s_role_is_a_description_of_them_not_a_hope_a_claim_or_an_adjunct(case):
    text, role = ROLES[case]
    quote = extract(text)[-1]
    assert (quote.speaker.role.text if quote.speaker.role else None) == role
