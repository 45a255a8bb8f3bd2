"""Attributions in other layouts than a verb with its subject: "As S reported, …" and "NAME: claim"
headlines.

Noun cues ("his claim that …") were tried and left out: on PolNeAR train fewer than half of the
claims they found were right, mostly because such a noun is itself the content of another
attribution ("he mocked her claim that …"), which PolNeAR does not annotate inside it.
"""

from __future__ import annotations

import re

from quotes.document import Cue, Paragraph
from quotes.mentions import bare, parse_mention
from quotes.phrases import skip_adjuncts, speaker_before
from quotes.rules.base import Found, Rule, example
from quotes.rules.clauses import AS_LEAD, CLAUSE_VERB, claim
from quotes.rules.engine import Extractor, has_words, quote_type, sentence_of
from quotes.rules.registry import register
from quotes.sentences import Range

# A headline or transcript line: "Ellen Park: The ferry will stop in June".
# The name may be followed by whom or where it spoke: "Ellen Park to Harbour Council: …", "Park at Rally: …".
NAME_COLON = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w.’'-]*)"
                        r"(\s+(?:to|at|in|To|At|In)\s+(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w.’'-]*)?:\s+(?=\S)")
MIN_HEADLINE_WORDS = 3
NAME_LIST = re.compile(r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*,\s+){2}")  # "Tim Abel, Brad Anders, Rob …"


def named_here(ex: Extractor, phrase: str) -> bool:
    """A headline's speaker: a person named with forename and surname, a surname the article gives in
    full elsewhere ("Trump:" beside "Donald Trump"), or a source noun ("Poll:", "Report:"); never a
    word of the page's furniture ("Correction:", "Wow:", "Editor’s Note:")."""
    words = phrase.split()
    low = words[0].lower() if len(words) == 1 else None
    if low is not None and (low in ex.lexicon.data_words or low in ex.lexicon.anonymous_heads):
        return True
    if any(w.lower() in ex.lexicon.grammar["function_words"] for w in words):
        return False  # "Old Cranes At The Harbour:", a heading in title case
    mention = parse_mention(phrase, 0, len(phrase), ex.lexicon)
    if mention.kind != "person" or not mention.name or any(w.endswith(("’s", "'s")) for w in words):
        return False
    if len(mention.name.text.split()) >= 2:
        return True
    return re.search(rf"\b[A-Z][\w.’'-]+\s+{re.escape(words[-1])}\b", ex.text) is not None


# A transcript's turn: "JAKE TAPPER: …", "TRUMP: …".
CAPS_TURN = re.compile(r"^([A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,3}):\s+\S", re.MULTILINE)
MIN_TURNS = 2


def transcript_speaker(ex: Extractor, name: str) -> bool:
    """Whether a name in capitals before a colon is a speaker of a transcript: the article has at
    least two such turns by different names, and the name is a person's forename and surname (not
    a dateline, "WASHINGTON:", nor a label, "UPDATE:"), with a known forename or a surname the
    article writes elsewhere."""
    speakers = ex.cached(("transcript",), lambda: {m.group(1) for m in CAPS_TURN.finditer(ex.text)})
    words = name.title().split()
    if len(speakers) < MIN_TURNS or " ".join(words) in ex.lexicon.places:
        return False
    if len(words) == 1:  # "REYES: …", where the article names Tom Reyes
        return re.search(rf"\b[A-Z][\w’'-]+\s+{re.escape(words[0])}\b", ex.text) is not None
    return bare(words[0]) in ex.lexicon.forenames or re.search(rf"\b{re.escape(words[-1])}\b", ex.text) is not None


def as_reported(ex: Extractor, para: Paragraph, cue: Cue) -> Found | None:
    """``As the Harbour Daily reported last week, the ferry will stop in June.``: the sentence opens
    with "As", a speaker and a verb of saying, and what follows the comma is what was said."""
    if cue.kind != "verb":
        return None  # "as many people expected", "as Mr. Kerry continues": no speech
    text = ex.text
    s_start, s_end = sentence_of(para, cue.start)
    lead = AS_LEAD.match(text, s_start, cue.start)
    if lead is None:
        return None
    speaker = speaker_before(text, lead.end(), cue.start, ex.lexicon)
    if speaker is None or speaker[0] != lead.end():
        return None
    after = skip_adjuncts(text, cue.end, s_end, None, ex.adjuncts)  # "reported last week,"
    if not text[cue.end:after + 1].rstrip().endswith(","):
        return None
    return claim(ex, para, cue, speaker, (text.rindex(",", cue.end, after + 1) + 1, s_end))


def name_colon(ex: Extractor, para: Paragraph, sentence: Range) -> Found | None:
    """``Ellen Park: The ferry will stop in June``: a headline or a transcript gives a name, a colon
    and what the person said."""
    if sentence[0] != para.start:
        return None
    text = ex.text
    m = NAME_COLON.match(text, para.start, para.end)
    if m is None or ex.in_content(m.end()):
        return None
    words = m.group(1).split()
    if words[0].lower() in ex.lexicon.sentence_openers or len(m.group(1)) < 3:
        return None  # "Update: …", "Q: …"
    if m.group(1).isupper():
        if not transcript_speaker(ex, m.group(1)):
            return None  # "WASHINGTON: …": a dateline
    elif not named_here(ex, m.group(1)):
        return None
    elif m.group(2) and len(re.findall(rf"\b{re.escape(words[-1])}\b", text)) < 2:
        return None  # "Old Cranes at the Harbour: …": a heading; a speaker with a hearer is named again below
    start, end = m.end(), para.end
    while end > start and text[end - 1] in " .":
        end -= 1
    if not has_words(text, start, end, MIN_HEADLINE_WORDS) or ex.overlaps_direct(start, end) \
            or NAME_LIST.match(text, start, end) or section_heading(ex, m.group(1), start, end):
        return None
    return Found((start, end), (m.start(1), m.end(1)), None, type=quote_type(para, start, end))


SECTION_HEADING_WORDS = 5


def section_heading(ex: Extractor, name: str, start: int, end: int) -> bool:
    """``Kasich: Now or never.``: after a name that is no transcript's speaker, a few words in lower
    case with no verb and no pronoun head a section about that person; nothing was said."""
    words = ex.text[start:end].split()
    return not name.isupper() and len(words) <= SECTION_HEADING_WORDS and any(w.islower() for w in words) \
        and CLAUSE_VERB.search(ex.text, start, end) is None \
        and not any(w.lower().strip("?!.,") in ex.lexicon.subject_pronouns for w in words)


# A headline in title case with its verb of saying: "Former Harbour Pilot Says Ferry Is Doomed".
TITLE_WORD = re.compile(r"[\w’'.-]+")
HEADLINE_WORDS = (4, 20)
HEADLINE_SPEAKER_WORDS = 5
HEADLINE_CHARS = 160  # a longer paragraph is no headline (read before its words, for speed)


def headline(ex: Extractor, para: Paragraph, sentence: Range) -> Found | None:
    """``Former Harbour Pilot Says Ferry Is Doomed``: a line in title case (every word capitalised
    but the small ones) whose verb of saying is capitalised with it; the words before it are the
    speaker, the words after it what was said."""
    text = ex.text
    if sentence[0] != para.start or para.end - para.start > HEADLINE_CHARS or not text[para.start].isupper():
        return None
    end = para.end
    while end > para.start and text[end - 1] in " .":
        end -= 1
    words = list(TITLE_WORD.finditer(text, para.start, end))
    if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]:
        return None
    small = ex.lexicon.grammar["title_small_words"]
    if not all(w.group()[0].isupper() or w.group()[0].isdigit() or w.group() in small for w in words):
        return None  # a sentence, not a headline
    grammar = ex.lexicon.grammar
    for i in range(1, min(len(words) - 1, HEADLINE_SPEAKER_WORDS + 1)):
        word = words[i].group()
        lemma = ex.lexicon.lemma(word.lower())
        if word in small or lemma is None:
            continue
        cue = Cue(words[i].start(), words[i].end(), word, "verb")
        # the headline's present in -s ("Says", "Warns"), after a speaker with no verb of its own
        if not word.endswith("s") or word.lower() == lemma or ex.category_of(cue) != "speech" \
                or any(w.group().lower() in grammar["auxiliaries"] or w.group() in small for w in words[:i]):
            return None
        speaker = (words[0].start(), words[i - 1].end())
        start = words[i + 1].start()
        if ex.in_content(start) or ex.overlaps_direct(start, end) or text[start].isdigit() \
                or not has_words(text, start, end, MIN_HEADLINE_WORDS):
            return None
        return Found((start, end), speaker, cue, type=quote_type(para, start, end))
    return None


register(Rule(
    "according_to.as_reported", "reported", 3, as_reported,
    "`As the Harbour Daily reported, …`: the rest of the sentence is what S said",
    must=(
        example("As the Harbour Daily reported last week, the ferry will stop running in June.",
                ("according_to.as_reported", "indirect", "the ferry will stop running in June", "the Harbour Daily",
                 "reported")),
        example("As Ana Ruiz put it in a letter to our reporter Tom Lane in July, the port is “a view you will "
                "not get elsewhere.”",
                ("according_to.as_reported", "mixed", "the port is “a view you will not get elsewhere.”", "Ana Ruiz",
                 "put it")),
    ),
    default_confidence=0.7,
))
register(Rule(
    "indirect.headline", "patterns", 20, headline,
    "`Former Harbour Pilot Says Ferry Is Doomed`: a headline in title case with a verb of saying",
    must=(
        example("Former Harbour Pilot Says Ferry Is Doomed\n\nThe ferry lost money again in May.",
                ("indirect.headline", "indirect", "Ferry Is Doomed", "Former Harbour Pilot", "Says")),
        example("Mayor's Son Warns Port Strike Will Last Until June",
                ("indirect.headline", "indirect", "Port Strike Will Last Until June", "Mayor's Son", "Warns")),
    ),
    must_not=(
        example("The Long Goodbye of the Harbour Ferry"),
        example("Says Who? The Ferry Debate Goes On"),
    ),
    default_confidence=0.6,
))
register(Rule(
    "indirect.name_colon", "patterns", 10, name_colon,
    "`Ellen Park: The ferry will stop running in June`: a headline or transcript line (`ELLEN PARK: …` in a "
    "transcript of two speakers or more)",
    must=(
        example("Ellen Park: The ferry will stop running in June",
                ("indirect.name_colon", "indirect", "The ferry will stop running in June", "Ellen Park", None)),
        example("Ellen Park to Harbour Council: The ferry will stop running in June\n\nPark wrote to the council "
                "on Monday.",
                ("indirect.name_colon", "indirect", "The ferry will stop running in June", "Ellen Park", None)),
        example("ELLEN PARK: The ferry will stop running in June.\n\nTOM REYES: Then the council must pay for the "
                "buses.",
                ("indirect.name_colon", "indirect", "The ferry will stop running in June", "ELLEN PARK", None),
                ("indirect.name_colon", "indirect", "Then the council must pay for the buses", "TOM REYES", None)),
        # a surname alone, where the article names the person in full
        example("Tom Reyes spoke with the mayor.\n\nREYES: Will the ferry stop?\n\nPARK: The ferry will stop running "
                "in June.\n\nEllen Park was elected in May.",
                ("indirect.name_colon", "indirect", "Will the ferry stop?", "REYES", None),
                ("indirect.name_colon", "indirect", "The ferry will stop running in June", "PARK", None)),
    ),
    must_not=(
        example("Update: The ferry will stop running in June"),
        example("WASHINGTON: The ferry will stop running in June"),
        example("Old Cranes At The Harbour: The ferry will stop running in June"),
        # a section heading about a person: a few lower-case words, no verb, no pronoun
        example("Here is what each of them needs on Tuesday.\n\nTom Reyes: Win by a mile.\n\nReyes leads the polls."),
        example("Correction: March 3, 2026, Tuesday.\n\nThis article has been revised."),
    ),
    default_confidence=0.6,
))
