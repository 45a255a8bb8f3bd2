"""Named filters: cues that report nothing, and paragraphs that hold no quotes.

Each filter is registered with sentences it must keep from being extracted and neighbours it must
let through. They were kept because they removed more wrong quotes than right ones on PolNeAR
train, checked on dev.
"""

from __future__ import annotations

import re

from quotes.document import VERBS, Cue, Paragraph
from quotes.lexicon import GrammarRegex
from quotes.mentions import bare
from quotes.phrases import QUESTION_CONTEXT, predicate_start
from quotes.rules.base import Candidate, Filter, example
from quotes.rules.engine import Extractor, sentence_of
from quotes.rules.registry import register
from quotes.rules.reported import RELATIVE_GAP
from quotes.sentences import Range

# "did not say", "has never said", "won't comment": an act that did not happen reports nothing.
NEGATION = re.compile(r"(?:\bnot|\bnever|n[’']t|\bno\s+longer|\bdeclined\s+to|\brefused\s+to)"
                      r"(?:\s+(?:yet|even|publicly|immediately|specifically|directly|explicitly|been|be|have|"
                      r"to|also|always|once))*\s+$", re.IGNORECASE)
# "was criticized by …", "a report published by …": a passive, whose agent follows "by".
BY_AGENT = GrammarRegex(r"\s+by\b(?!\s+(?:__CHANNELS_AFTER_BY__)\b)", re.IGNORECASE)  # not "said by telephone"
BE = re.compile(r"\b(?:is|was|were|are|been|being|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)



# Every match of NEGATION holds one of these, in lower case: an ASCII window without any is no
# negation, which substring tests tell faster than NEGATION tried at each of its characters.
NEGATION_WORDS = ("no", "never", "n't", "declined", "refused")
NEGATION_WINDOW = 40


def negated(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    start = max(para.start, cue.start - NEGATION_WINDOW)
    window = ex.text[start:cue.start].lower()
    # beyond ASCII, the search decides: IGNORECASE matches letters that lower() does not give ("ſ")
    if window.isascii() and not any(word in window for word in NEGATION_WORDS):
        return False
    return NEGATION.search(ex.text, start, cue.start) is not None


def passive(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    return participle(cue) and (be_passive(ex, para, cue)
                                or BY_AGENT(ex.lexicon).match(ex.text, cue.end, para.end) is not None)


def participle(cue: Cue) -> bool:
    return cue.kind in VERBS and cue.text.lower().endswith(("ed", "en", "told", "said", "wrote", "written"))


def be_passive(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    """"was criticized", "was told that", "was asked whether" (by whom?); not "is said to", which says something."""
    return BE.search(ex.text, max(para.start, cue.start - 24), cue.start) is not None \
        and ex.lexicon.lemma(cue.text) != "say"


register(Filter(
    "filter.negated", "cue", negated,
    "a negated act reports nothing: `did not say that …`, `has never claimed …`, `declined to comment on …`",
    must_not=(
        example("The mayor did not say that the bridge would reopen in May."),
        example("The company declined to comment on the ferry contract."),
    ),
    must=(
        example("The mayor said the bridge would not reopen in May.",
                ("indirect.SVC", "indirect", "the bridge would not reopen in May", "The mayor", "said")),
    ),
))
register(Filter(
    "filter.passive", "cue", passive,
    "a passive reports nothing of its subject: `was criticized by …`, `a study published by …`",
    must_not=(
        example("The ferry plan was criticized by several harbour captains."),
        example("The pier is a landmark, described by visitors from every county."),
        # the one who was told is the hearer: who told is not written
        example("For example, I was told that the crew from the port would not sit with the mayor."),
        # nor the one who was asked: the question is someone else's
        example("Tom Reyes was asked whether the ferry would run on Sunday."),
    ),
    must=(
        # "by" and a channel is how it was said, no agent
        example("Tom Reyes said by telephone that the ferry would run on Sunday.",
                ("indirect.SVC", "indirect", "the ferry would run on Sunday", "Tom Reyes", "said")),
        example("Tom Reyes asked whether the ferry would run on Sunday.",
                ("indirect.SV-wh", "indirect", "whether the ferry would run on Sunday", "Tom Reyes", "asked")),
    ),
))


def put_to_the_subject(ex: Extractor, candidate: Candidate) -> bool:
    """A quotation after a passive cue ("Tom Reyes was asked, “…?”"): put to the subject by someone the
    sentence does not name, so not the subject's words (the reported pass skips such cues before any
    rule reads them: ``filter.passive``)."""
    cue = candidate.cue
    return cue is not None and candidate.type != "indirect" and participle(cue) \
        and be_passive(ex, ex.doc.paragraph_at(cue.start), cue)


register(Filter(
    "filter.put_to_the_subject", "candidate", put_to_the_subject,
    "a quotation after a passive cue is not the subject's: `Tom Reyes was asked, “Will the ferry run?”`",
    must_not=(
        example("In an interview, Tom Reyes was asked, “Will the ferry run on Sunday?”"),
    ),
    must=(
        example("In an interview, Tom Reyes asked, “Will the ferry run on Sunday?”",
                ("direct.SVQ", "direct", "Will the ferry run on Sunday?", "Tom Reyes", "asked")),
    ),
))


def question_context(ex: Extractor, candidate: Candidate) -> bool:
    """A reported claim, or a fragment of one, that opens with the question it answers ("When asked
    by a host about the ferry, Ana Ruiz said …": the first fragment) is the writer's setting, not a claim."""
    return candidate.type == "indirect" and QUESTION_CONTEXT(ex.lexicon).match(ex.text, *candidate.content) is not None


register(Filter(
    "filter.question_context", "candidate", question_context,
    "the question a claim answers is no claim: `When asked about the toll, Ana Ruiz said …`",
    must_not=(
        example("Tom Reyes told the Harbour Times show when asked about the toll."),
    ),
    must=(
        example("When asked about the toll, Ana Ruiz said it would rise in May.",
                ("indirect.SVC", "indirect", "it would rise in May", "Ana Ruiz", "said")),
    ),
))


FREE_RELATIVE = re.compile(r"\bwhat\s+$", re.IGNORECASE)


def free_relative(ex: Extractor, candidate: Candidate) -> bool:
    """A claim whose speaker follows "what", and which has a subject of its own, lacks its object,
    the thing "what" stands for ("the gap between what the mayor says her plan would do and …"): it
    names what was said, not a claim. (One that opens with its verb is a claim: "what she said is
    growing demand" claims that it is.)"""
    speaker = candidate.speaker
    return candidate.type != "direct" and speaker is not None and candidate.cue is not None \
        and speaker.end <= candidate.cue.start \
        and FREE_RELATIVE.search(ex.text, max(0, speaker.start - 12), speaker.start) is not None \
        and RELATIVE_GAP(ex.lexicon).match(ex.text, candidate.content[0]) is None


register(Filter(
    "filter.free_relative", "candidate", free_relative,
    "a clause after \"what S says\" lacks the thing said and is no claim: `the gap between what the mayor says "
    "her plan would do and what it does`",
    must_not=(
        example("The distance between what the mayor says her toll will raise and what it raises keeps growing."),
    ),
    must=(
        example("That is what the mayor said. She said her plan would cut the toll.",
                ("indirect.SVC", "indirect", "her plan would cut the toll", "She", "said")),
        # the claim that opens with its verb says what the thing is
        example("The port must plan for what the mayor said is a rising need for ferries.",
                ("indirect.SVC", "indirect", "is a rising need for ferries", "the mayor", "said")),
    ),
))


CONTRACTION = re.compile(r"[’'](?:m|s|re|ve|d|ll)\b")
LAST_WORD = re.compile(r"([\w’'-]+)[\s\"“”‘’']*$")


def subjectless_claim(ex: Extractor, candidate: Candidate) -> bool:
    """A claim after its cue that opens with a verb lost its subject to a relative clause, which
    needs a head before the speaker ("the toll that she said will rise", "a plan he said was
    dead"; not "The toll, she said, will rise": the claim's subject before the speaker). Where the
    speaker opens its clause instead ("A merger announced Monday would turn …", "How a mayor
    responds can matter …"), the cue is inside the subject of the sentence's own verb, and nothing
    was claimed."""
    speaker, cue = candidate.speaker, candidate.cue
    if candidate.type == "direct" or speaker is None or cue is None or candidate.antecedent is not None \
            or not speaker.end <= cue.start < cue.end <= candidate.content[0] \
            or "," in ex.text[cue.end:candidate.content[0]] \
            or RELATIVE_GAP(ex.lexicon).match(ex.text, candidate.content[0]) is None:
        return False
    grammar = ex.lexicon.grammar
    if any(w in grammar["determiners"] or w in ex.lexicon.pronoun_words  # ("All I’m asking is …": "I")
           for w in CONTRACTION.sub("", speaker.text.lower()).split()[1:]):
        return False  # "(They opened) a probe the police said was ongoing": the relative's head is in the phrase
    para = ex.doc.paragraph_at(cue.start)
    sent_start, _ = sentence_of(para, cue.start)
    before = ex.text[sent_start:speaker.start]
    last = LAST_WORD.search(before)
    if last is None:
        return not before.strip(" \t\n\"“”‘’'") or before.rstrip().endswith((",", ";", ":", "(", "—", "–"))
    word = last.group(1).lower()
    return word in grammar["coordinators"] or word in grammar["subordinators"] \
        or word in grammar["subject_clause_openers"]


register(Filter(
    "filter.subjectless_claim", "candidate", subjectless_claim,
    "a cue inside the subject of the sentence's own verb reports nothing: `A merger announced Monday would "
    "turn the firm Dutch`, `How a mayor responds can matter more than the storm`",
    must_not=(
        example("A $2 billion merger announced Monday would turn the ferry firm into a Dutch company."),
        example("How a mayor responds can matter more than the storm itself."),
    ),
    must=(
        example("The port must plan for the rise in fares that the mayor said will come in May.",
                ("indirect.SVC", "indirect", "will come in May", "the mayor", "said")),
        example("The council backed the repairs, which the mayor said were overdue.",
                ("indirect.SVC", "indirect", "were overdue", "the mayor", "said")),
    ),
))


# Rules whose verb, said of a thing, is no act of speech: "The vote promised to be a turning point",
# "the primary threatens to knock one of them out", "The roll call began with …".
THINGS_DO_NOT = ("indirect.SV-to", "indirect.characterisation", "indirect.characterisation.as")


def a_thing_promises(ex: Extractor, candidate: Candidate) -> bool:
    """A promise, a threat or a characterisation whose subject is a thing (one thing, of no known kind, with a
    determiner and no role word: "The debate", "the primary"): the verb's other sense, which reports nothing.
    (Not "Border Patrol agents" nor "the leader of …": people the lexicon does not type.)"""
    speaker = candidate.speaker
    if candidate.rule not in THINGS_DO_NOT or speaker is None or candidate.antecedent is not None \
            or speaker.kind != "unknown" or speaker.plural:
        return False
    words, lexicon = speaker.text.split(), ex.lexicon
    # an article, not a possessive ("His surrogates called him …"); no person's word nor a people's name
    # ("The former first lady called it …", "the Chinese promised to …")
    unnamed = lexicon.grammar["unnamed_people"]
    return words[0].lower() in lexicon.grammar["articles"] and not any(
        bare(w) in lexicon.role_heads or bare(w) in lexicon.speaker_nouns or bare(w) in unnamed or w in lexicon.places
        for w in words)


register(Filter(
    "filter.a_thing_promises", "candidate", a_thing_promises,
    "a thing that promises or threatens says nothing: `The vote promised to be a turning point`",
    must_not=(
        example("The vote promised to be a turning point for the harbour board."),
        example("The storm threatens to knock out the ferry for a week."),
    ),
    must=(
        example("The union promised to strike in May.",
                ("indirect.SV-to", "indirect", "to strike in May", "The union", "promised")),
    ),
))


# "The jobs report was released", "the October report exceeded …", "The audit report found …": the
# bare form of a cue verb right after a noun and before a verb heads the subject. After a pronoun
# ("what they say is …") or in a relative clause ("the things that polls say will …") it stays a verb.
VERB_AFTER = GrammarRegex(r"\s+(?:__AUXILIARIES__|__IRREGULAR_PAST__|have|(?-i:[a-z]+ed))\b", re.IGNORECASE)
WORDS_BEFORE = re.compile(r"(?:([\w’'-]+)\s+)?(?:([\w’'-]+)\s+)?([\w’'-]+)\s+$")


def noun_before_verb(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    word = cue.text.lower()
    if cue.kind not in VERBS or " " in word or ex.lexicon.lemma(word) != word or word.endswith("ed"):
        return False
    if not VERB_AFTER(ex.lexicon).match(ex.text, cue.end, para.end):
        return False
    before = WORDS_BEFORE.search(ex.text, max(para.start, cue.start - 60), cue.start)
    if before is None:
        return False
    words = [w.lower() for w in before.groups() if w]
    return words[-1] not in ex.lexicon.pronoun_words and ex.lexicon.grammar["relative_pronouns"].isdisjoint(words)


register(Filter(
    "filter.noun_before_verb", "cue", noun_before_verb,
    "the bare form of a cue verb between a singular noun and a verb is a noun: `the jobs report was released`, "
    "`The audit report found …` (where `found` is the cue)",
    must_not=(
        example("The October jobs report was released on Friday."),
        example("The yield on the benchmark ten-year Harbour Treasury note fell to 1.4 percent."),
    ),
    must=(
        example("The audit report found that the ferry lost money.",
                ("indirect.SVC", "indirect", "the ferry lost money", "The audit report", "found"), scope="all"),
        example("Harbour officials report the pier was closed for a week.",
                ("indirect.SVC", "indirect", "the pier was closed for a week", "Harbour officials", "report")),
    ),
))

# "put it" reports speech only where a manner or a quotation follows: "as she put it,", "put it
# bluntly", "put it this way", "put it in a memo"; "putting it into the national file" is no speech.
PUT_IT_SPEECH = re.compile(r"\s*(?:[,:;.!?—–―\"“”‘’')]|(?-i:[a-z]+ly)\b|(?:this|that|another)\s+way\b|so\b|best\b|"
                           r"more\s|differently\b|in\s+(?:a|an|his|her|their|its|the|an?)\s|$)", re.IGNORECASE)


def not_putting_it_in_words(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    return " ".join(cue.text.lower().split()) in ex.lexicon.grammar["put_it"] \
        and not PUT_IT_SPEECH.match(ex.text, cue.end, para.end)


register(Filter(
    "filter.put_it", "sense", not_putting_it_in_words,
    "`put it` reports only before a manner or a quotation (`as she put it,`, `put it bluntly`, `put it this way:`), "
    "not in `putting it into the file`",
    must_not=(
        example("Tom Lane, who was in charge of putting it into the port's records: “He knows every number.”"),
    ),
    must=(
        example("As Jeff Wade put it bluntly, “The pier is finished.”",
                ("direct.SVQ", "direct", "The pier is finished.", "Jeff Wade", "put it")),
    ),
))


# "went on" reports speech only before what was said: "she went on, “…”", "he went on to say …",
# "“…,” he went on." Before a noun phrase it is another verb: "went on the attack", "as the day went on".
GO_ON_SPEECH = re.compile(r"\s*(?:[,:;.!?—–―\"“”‘’']|to\s+(?-i:[a-z])|$)")


def not_going_on_to_speak(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    if " ".join(cue.text.lower().split()) not in ex.lexicon.grammar["go_on"]:
        return False
    before = ex.text[max(para.start, cue.start - 12):cue.start].lower().rstrip()
    return not GO_ON_SPEECH.match(ex.text, cue.end, para.end) \
        or before.endswith(tuple(ex.lexicon.grammar["passing_time"]))  # "as the day went on"


register(Filter(
    "filter.went_on", "sense", not_going_on_to_speak,
    "`went on` reports only before what was said (`went on, “…”`, `went on to say …`), not in `went on the "
    "attack` or `as the day went on`",
    must_not=(
        example("Six council members went on the attack at the meeting while two of them kept quiet."),
        example("As the day went on, Ellen Park offered stronger defences of the plan."),
    ),
    must=(
        example("“The pier is safe,” Ellen Park went on.",
                ("direct.QCQ-SV", "direct", "The pier is safe,", "Ellen Park", "went on")),
    ),
))

# "READ MORE: …", "WATCH: …": a link to another story, whose headline quotes nobody here.
LINK_HEADLINE = re.compile(r"\s*(?:READ\s+MORE|Read\s+more|RELATED|Related|WATCH|Watch|SEE\s+ALSO|See\s+also|"
                           r"MORE|LISTEN|PHOTOS|VIDEO|Video|RECOMMENDED|Recommended)\s*:")
# A photo caption or credit line: "(AP Photo/Jane Doe)", "Photo: …", "Credit: …", "… / Getty Images".
CAPTION = re.compile(r"\((?:AP\s+|Reuters\s+|AFP\s+)?(?:Photo|Photograph|Image|File\s+photo)s?\b[^)]{0,80}\)|"
                     r"^\s*(?:Photo|Photograph|Image|Credit|Photo\s+credit|Caption)\s*:|"
                     r"(?:/|\bvia|\bby)\s*(?:Getty\s+Images|AP\s+Photo|Reuters|AFP|Shutterstock)\b")
MAX_CAPTION_CHARS = 400
# Every match of CAPTION holds one of these words: a paragraph without any is no caption, which
# plain substring tests tell faster than CAPTION tried at each of its characters.
CAPTION_WORDS = ("Photo", "photo", "Image", "Credit", "Caption", "Getty", "Reuters", "AFP", "Shutterstock")
# A list of links: three or more short paragraphs in a row, each a Title Case headline.
LINK_LIST_RUN = 3
MAX_LINK_WORDS = 16


def link_headline(ex: Extractor, para: Paragraph) -> bool:
    return LINK_HEADLINE.match(ex.text, para.start, para.end) is not None


def caption(ex: Extractor, para: Paragraph) -> bool:
    if para.end - para.start > MAX_CAPTION_CHARS:
        return False
    body = ex.text[para.start:para.end]
    # searched in the paragraph alone, so that "^" is its start (with a start position, "^" is only the text's)
    return any(word in body for word in CAPTION_WORDS) and CAPTION.search(body) is not None


def _headline(ex: Extractor, para: Paragraph) -> bool:
    words = ex.text[para.start:para.end].split()
    if not words or len(words) > MAX_LINK_WORDS or ex.text[para.end - 1] in ".:":
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def link_list(ex: Extractor, para: Paragraph) -> bool:
    """Part of a run of short Title Case paragraphs: a list of links, not the story."""
    paragraphs = ex.doc.paragraphs

    def run_from(i: int, step: int) -> int:
        n = 0
        while 0 <= i < len(paragraphs) and _headline(ex, paragraphs[i]):
            n += 1
            i += step
        return n

    i = para.index
    if not _headline(ex, para):
        return False
    return run_from(i, 1) + run_from(i - 1, -1) >= LINK_LIST_RUN


def nested(ex: Extractor, candidate: Candidate) -> bool:
    """An attribution inside what another source is reported to have said, believed or found
    ("The survey showed that 74 percent said …"): the outer source's claim holds it whole, speaker,
    cue and all. The outer claim may lie outside the scope and be kept by no one (an act, "tried
    to", holds nothing). A quotation keeps its own cue against a claim found around it, which may
    be the claim that ran too far ("“Is it late?” she said, but …, Tom said yes")."""
    cue, speaker = candidate.cue, candidate.speaker
    if cue is None:
        return False
    start, end = candidate.content
    if speaker is not None:
        start = min(start, speaker.start)  # "a source familiar with her thinking said" is no belief's

    def holds(outer: Range) -> bool:
        return outer[0] <= cue.start < outer[1] and outer[0] <= start and end <= outer[1] + NESTED_SLACK

    if any(holds(outer) for outer in ex.unkept):
        return True
    return candidate.type != "direct" and any(
        other is not candidate and other.cue is not None and holds(other.content) for other in ex.candidates)


NESTED_SLACK = 2  # a closing quotation mark and full stop the outer claim leaves out


register(Filter(
    "filter.nested", "candidate", nested,
    "an attribution inside another source's claim: `The survey showed that most residents said …`",
    must_not=(
        example("The harbour survey showed that most residents said the ferry was too slow."),
        example("Ellen Park said that Tom Reyes told her the ferry was too slow.",
                ("indirect.SVC", "indirect", "Tom Reyes told her the ferry was too slow", "Ellen Park", "said")),
    ),
    must=(
        example("The survey was published on Monday. Most residents said the ferry was too slow.",
                ("indirect.SVC", "indirect", "the ferry was too slow", "Most residents", "said")),
        example("A source familiar with her thinking said the ferry was too slow.",
                ("indirect.SVC", "indirect", "the ferry was too slow", "A source familiar with her thinking", "said")),
    ),
))
register(Filter(
    "filter.link_headline", "paragraph", link_headline,
    "a link to another story: `READ MORE: …`, `WATCH: …`, `RELATED: …`",
    must_not=(
        example("READ MORE: Mayor says the ferry will stop in June"),
        example("WATCH: “We will not move,” the dockers tell the council"),
    ),
    must=(
        example("The mayor said the ferry will stop in June.",
                ("indirect.SVC", "indirect", "the ferry will stop in June", "The mayor", "said")),
    ),
))
register(Filter(
    "filter.caption", "paragraph", caption,
    "a photo caption or credit line: `… (AP Photo/Jane Doe)`, `Photo: …`, `… / Getty Images`",
    must_not=(
        example("Dockers march past the pier on Monday, saying the ferry will stop. (AP Photo/Dana Cole)"),
        example("Photo: Ellen Park said the bridge would reopen in May."),
        example("The ferry is late again.\n\nPhoto: Ellen Park said the bridge would reopen in May."),
    ),
    must=(
        example("HARBOUR CITY (AP) — The mayor said the ferry will stop in June.",
                ("indirect.SVC", "indirect", "the ferry will stop in June", "The mayor", "said")),
    ),
))
register(Filter(
    "filter.link_list", "paragraph", link_list,
    "a list of links: three or more short Title Case paragraphs in a row",
    must_not=(
        example("Mayor Says Ferry Will Stop In June\n\nDockers Vow To Strike Over Night Pay\n\n"
                "Council Tells Residents To Avoid The Pier"),
    ),
    must=(
        example("Ellen Park: Ferry Will Stop In June\n\nThe mayor said the pier was safe.",
                ("indirect.name_colon", "indirect", "Ferry Will Stop In June", "Ellen Park", None),
                ("indirect.SVC", "indirect", "the pier was safe", "The mayor", "said")),
    ),
))


LOWER_WORD = re.compile(r" (?-i:[a-z])")


def clause_as_speaker(ex: Extractor, candidate: Candidate) -> bool:
    """The speaker phrase holds a predicate of its own, so it names no one: after its cue ("The
    contract, announced Monday, would run for six years …" is no ``…, said S.``), or before it where
    no subject is left once the predicate is cut ("There is other (promising news)"). A phrase
    before its cue is otherwise cut back to its subject (``Extractor.speaker_phrase``)."""
    speaker = candidate.speaker
    if speaker is None:
        return False
    words = speaker.text.split()
    if len(words) > 1 and words[-1].lower() in ex.lexicon.grammar["dropped_determiners"] \
            and words[-1].lower() not in ex.lexicon.grammar["articles"] and LOWER_WORD.match(ex.text, speaker.end):
        return True  # "(…,) the network cut his (first report)": a possessive before its noun heads no phrase
    return predicate_start(ex.text, speaker.start, speaker.end, ex.lexicon) is not None


register(Filter(
    "filter.clause_as_speaker", "candidate", clause_as_speaker,
    "a phrase with a predicate of its own is no speaker: `There is other promising news …`, "
    "`The contract, announced Monday, would run for six years`; before its cue the phrase stops at its "
    "predicate: `Tom Reyes, a broker, has been pushing for it, arguing …` is Tom Reyes's",
    must_not=(
        example("There is other promising news for the port this week."),
        example("He left the harbour thirty years ago after, in his telling, the network cut his first report."),
        example("The ferry contract, announced Monday, would run for six years and must be ratified by the union."),
    ),
    must=(
        example("Tom Reyes, a broker at the port, has been pushing for a new toll, arguing that the ferry loses money.",
                ("indirect.coordinated", "indirect", "the ferry loses money", "Tom Reyes, a broker at the port",
                 "arguing")),
        example("Ellen Park has adopted the view of most of the harbour board: “The ferry must go.”",
                ("direct.colon_lead_in", "direct", "The ferry must go.", "Ellen Park", None)),
        example("Ana Ruiz, a broker whose firm has a stake in the pier, said the ferry was too slow.",
                ("indirect.SVC", "indirect", "the ferry was too slow",
                 "Ana Ruiz, a broker whose firm has a stake in the pier", "said")),
    ),
))
