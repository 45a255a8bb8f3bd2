"""Resolve speaker mentions within one article.

The article's names are read once into entities: every capitalised run is parsed as a
:class:`~quotes.model.Mention` (the same parser that reads speaker phrases), people are grouped
by forename and surname and organisations by name, acronym and short form. A mention then
resolves against them:

- a full name to its entity, a surname or a forename to the entity that carries it ("Trump" ->
  "Donald Trump", "Mrs. Clinton" -> "Hillary Clinton", "Ana" -> "Ana Ruiz", "Hua" -> "Hua Chunying");
- a pronoun to the person (or, for "it" and "they", the organisation) the text is about at that
  point: sentence by sentence backwards, the subject before an object, gender agreeing, never a
  name inside a quotation, a headline, a caption or a place (citron and Hobbs' algorithm, kept small);
- a description ("the spokesperson", "the company", "the Kentucky Republican") to the nearest
  entity whose role, organisation or name it matches, and an acronym ("the PBO") to the name it
  abbreviates.

Roles and organisations come from every mention of the entity: the words before a name, an
appositive after it, "X, who is the …", "X is the CEO of Y" and "stepped down as coach of …",
each a span of the article.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from quotes.document import Document, Paragraph
from quotes.lexicon import GrammarRegex, Lexicon
from quotes.mentions import (
    FULL_STOP_WORD,
    LEADING_THE,
    NAME_RUN,
    bare,
    clean_name,
    current_role_start,
    describe,
    joint_people,
    parse_mention,
    plural_people_name,
    sentence_end,
    statement_owner,
)
from quotes.model import Mention, Span, Speaker
from quotes.phrases import AGE, PHRASE_CHAR, POSSESSIVE_END, org_name_across_and, sentence_subject
from quotes.sentences import strip_space

NOUN_AFTER = re.compile(r"[ \u00a0]+([a-z][a-z-]*)\b")
ROLE_BEFORE_NAME = re.compile(r"(?:[ \u00a0]+[a-z][a-z-]*){0,2}[ \u00a0]+([a-z][a-z-]*)[ \u00a0]+(?=[A-Z])")
MAX_LEFT_WORDS = 5
LEFT_WINDOW = 40  # a description word is read within this many characters before the next one
LEFT_WORD_PUNCTUATION = "_’'.&-"  # with the letters and digits of \w: the characters of a word before a name
SPACES = " \u00a0"
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# An opinion piece's closing note on its writer: "Jane Roe is a playwright …", "Jane Roe, a lawyer, …"
AUTHOR_NOTE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+),?\s+(?:is|was|has\s+been|teaches|writes|a|an)\s")
THE = re.compile(r"[Tt]he\s+")
# "a report titled …", "a book called …": what follows is a title, and its subtitle after a colon belongs to it
TITLED_BEFORE = re.compile(r"\b(?:titled|entitled|called)\s+$")
TITLED_IN = re.compile(r"\b(?:titled|entitled|called)\s+(.+)$")
SUBTITLE = re.compile(r":\s+[A-Z][\w’'-]*(?:\s+(?:(?:a|an|the|of|in|on|for|and|to|at|with|by)\s+)*[A-Z][\w’'-]*)*")
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&.]{1,9})\)")
# After a name: ", the national security adviser," / " (17-4), the UFC's bantamweight champion,"
APPOSITIVE_AFTER = re.compile(
    rf"(?:\s*\([^()]{{1,30}}\))?,\s*(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+)?"
    rf"((?:the|a|an)\s+{PHRASE_CHAR}{{2,160}}?|[a-z]{PHRASE_CHAR}{{2,100}}?"
    rf"|[A-Z][\w-]*\s+{PHRASE_CHAR}{{2,60}}?)(?=[,;)]|(?<![A-Z]\.[A-Z])\.(?!\w)|$)")  # not "Harbour.Net", "U.S."
SHORT_APPOSITIVE, ROLE_WITHIN = 60, 5  # a longer lower-case appositive has a role word among its first five words
# "Lane is the chief executive of Harbour Rail" / "Lane, who is the …"
PREDICATIVE_AFTER = re.compile(
    rf"\s+(?:is|was|has\s+been|had\s+been|became|becomes|remains|serves\s+as|served\s+as)\s+"
    rf"((?:the|a|an)\s+{PHRASE_CHAR}{{2,100}}?)(?=[,.;)]|\s+(?:and|who|since|until|when)\b|$)")
# "Tom Lane stepped down as coach of the Harbour Seals", "David Lee has taken over as minister"
AS_ROLE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){1,3}as\s+((?:the\s+)?[\w-]+(?:\s+(?!(?:of|for|at|with|the|in|on|and)\b)[\w-]+){0,3}"
    r"(?:\s+(?:of|for|at|with)\s+(?:the\s+)?(?:[A-Z][\w’'.&-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'.&-]*)*"
    r"|[a-z]+(?:\s+and\s+[a-z]+)?(?=[,.;]|\s+(?:in|on|at|since|until|after|before|and|but)\b|$)))?)")
# A role hoped for or claimed, no one's description: "vying to be the next president", "cast himself as
# a champion of working people"
HOPED_FOR = re.compile(r"\bto\s+(?:be|become)\b|\b(?:himself|herself|themselves)\s+as\b")
# "Tim Guest with the Health Authority"
ORG_AFTER = re.compile(
    r"\s+(?:of|with|from|at)\s+((?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+|and\s+|for\s+|&\s+)?[A-Z][\w’'.&-]*)*)")
# A state or country after a place, with its comma: "(of Ellery), N.H.", "(of Burke County), Georgia"
STATE_AFTER = re.compile(r",\s+((?:[A-Z][a-z]{0,4}\.){1,2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=[\s,.;:]|$)")
# "His lawyer, Zhang Wei": a description, then the name as an appositive
ROLE_BEFORE_COMMA = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)\s+((?:[\w’'.&-]+\s+){0,7}[\w’'.&-]+),\s*$")
NAME_BEFORE_COMMA = re.compile(r"[a-z,]\s+[A-Z][\w.’'-]*,\s*$")  # "… to John Kerry, (the nominee)"
# "the mayor", "Obama's former campaign strategist": a description that points at one person
NEXT_WORD = re.compile(r" ([\w-]+)")  # the word right after a name, one space on
AGE_DESCRIPTION = re.compile(r"[Tt]he\s+(\d{1,3})-year-old")  # "the 46-year-old (said)": a person given that age
DEFINITE = re.compile(r"(?:^|\s)(?:[Tt]he|[A-Z][\w-]*[’']s)\s")
WORD_RUN = re.compile(r"\S+")
SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.$")  # "… as Attorney General." ends its sentence; "U.S." does not
# "resigned as coach of the Hurricanes": a role stated with "as" after a verb of leaving it is a former one
LEFT_ROLE = re.compile(r"\b(?:resigned|retired|quit|left|stepped\s+down|was\s+fired|was\s+dismissed|departed)\b")
PAST = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:former|then|ex-|onetime|one-time|retired|erstwhile)\b", re.IGNORECASE)
CAPTION = re.compile(r"^\s*(?:\(?(?:photo|file photo|image|video|credit|photograph|pictured|byline)\b|[A-Z\s.]+/)",
                     re.IGNORECASE)
SENTENCES_BACK = 8
AUTHOR_WINDOW = 120  # how far before a document noun its author may be written
MAX_DOCUMENT_WORDS = 4  # "the new audit report": a document written with its author elsewhere
HEADLINE_WORDS = 20  # a first line in Title Case up to this long is a headline, full stop or not
SHORT_FIRST_LINE = 12  # a first line up to this long is a headline ("Park wins the port vote."), unless it opens
# with an article as a story's first sentence does ("The woman named herself …"; headlines drop them)
LABEL_WORDS = 3  # a line in capitals up to this long labels a part of the page ("ABSTRACT.", "FULL TEXT.")
SUBJECT_SENTENCES_BACK = 2  # a "they" or "it" for the subject of its sentence or of one of the two before
IT_SENTENCES_BACK = 2  # "it" for a name not shown to be a person's: only in the sentences right before
COMPARISONS = frozenset({"versus", "vs.", "than", "like", "according"})  # words that open no description
# Words that open a clause of time or cause: "Shortly before the governor spoke, Cruz …" describes no one
SUBORDINATORS = frozenset({"before", "after", "when", "while", "since", "because", "although", "though", "if",
                           "until", "unless", "whenever", "once", "during"})
PLURAL_OPENERS = frozenset({"those", "these"})  # "those who voted": a group
SINGULAR_QUANTIFIERS = frozenset({"one", "each", "much", "none", "half"})
SECTION_BREAK = re.compile(r"\s*(?:_{3,}|\*{3,}|(?:\*\s*){3,})\.?\s*")  # "___." between a live blog's items
STORY_SENTENCES_BACK = 6  # "the candidate" reaches past a quoted paragraph to the person the story is about
RECENT_PEOPLE = 50  # a description reaches back to this many people introduced before it
MAX_MENTIONS = 40  # a role is stated near the first mentions; long articles need not be read to the end
# "her campaign", "Ellen Park's campaign", "the Park campaign": an organisation named after its owner
OWNED = GrammarRegex(r"(?:[Tt]he\s+)?(?:(his|her|their|His|Her|Their)|"
                     r"((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*?)(?:[’']s?)?)\s+(__OWNED_ORGANIZATIONS__)")
PORTFOLIO_END = re.compile(r"\bof\s+\S+$")  # "secretary of state", "minister of defence"
OWNER = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)[’']s\s")  # "Donald Trump’s (aide)"
SUBJECT_PRONOUN = re.compile(r"(?:He|She)\b")
# he, him, his, himself, she, her, hers, herself as whole words. The first letter comes before the
# look-behinds that check the word's start and choose its rest: a pattern that opens with a
# character class lets re jump from one h or s to the next (for speed; the same matches).
PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])(?:e|im|is|imself|er|ers|erself)|(?<=[Ss])he)\b")


def word_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    r"""The word that ends in spaces right before ``pos`` (looking no further back than ``floor``), or None.

    The span is the one ``re.compile(r"[\w’'.&-]+[ \u00a0]+$").search(text, floor, pos)`` gives
    (without its spaces), found by stepping back from ``pos`` because that search tries every
    start in the window and was the resolver's costliest call. ``\w`` is ``str.isalnum()`` or "_",
    and, as there, a newline right before ``pos`` is stepped over (``$`` matches before it).
    """
    if pos > floor and text[pos - 1] == "\n":
        pos -= 1
    end = pos
    while end > floor and text[end - 1] in SPACES:
        end -= 1
    start = end
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in LEFT_WORD_PUNCTUATION):
        start -= 1
    return (start, end) if start < end < pos else None


@dataclass
class Entity:
    """A person or organisation of the article, with every place its name is written."""

    kind: str  # person or organization
    name: Span  # the fullest form of its name, where first written so
    key: tuple
    gender: str | None = None
    gender_evidence: str | None = None
    acronym: str | None = None
    evidenced: bool = False  # a person: a title, a role, a known forename or a quote of theirs says so
    mentions: list[Mention] = field(default_factory=list)
    _description: tuple[Span | None, Span | None] | None = None
    _words: tuple | None = None  # the words that describe it, with the description they were read from

    @property
    def display(self) -> str:
        return clean_name(self.name.text)


def _people_plural(word: str, lexicon: Lexicon) -> bool:
    """A plural noun for people: one of the lexicon's ("officials", "voters", "Democrats"), a people
    ("Americans", "Latinos"), or a lower-case agent noun ("dockers", "economists", "residents");
    not "analysis", "virus", "Congress", "the party's"."""
    word = word.strip(".,;:")
    low = word.lower()
    if not _plural_form(low):
        return False
    if low in lexicon.anonymous_heads or plural_people_name(word, lexicon):
        return True
    return word.islower() and (low[:-1] in lexicon.speaker_nouns or low[:-3] + "y" in lexicon.speaker_nouns
                               or low.endswith(AGENT_ENDINGS))


def _plural_form(word: str) -> bool:
    """Written as a plural: "-s", but not "-ss", "-is", "-us" or a possessive ("Congress", "analysis")."""
    return len(word) > 3 and word.endswith("s") and not word.lower().endswith(("ss", "is", "us", "’s", "'s"))


AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ents")  # the endings of nouns for people who do something


def _plural_phrase(words: list[str], lexicon: Lexicon) -> bool:
    """A subject that names a group: a plural head ("the dock unions' members", "Most voters",
    "Democrats") or two joined by "and" ("Ana Ruiz and Tom Reyes")."""
    return any(w in lexicon.grammar["coordinators"] for w in words[1:-1]) or _people_plural(words[-1], lexicon)


# A dateline opening a paragraph: a place in capitals, perhaps its state and an agency, then a dash.
DATELINE = re.compile(r"[A-Z][A-Z.' -]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?\s*"
                      r"(?:\([^()]{1,30}\)\s*)?[—–-]{1,2}\s")
DATELINE_LENGTH = 60  # a name further into its paragraph is past any dateline


class Described(NamedTuple):
    """A role and organisation written for a person, whether the role is a former one, and whether
    the words are an adjunct rather than a description ("In an interview with Harbour News, …",
    "…, speaking at the Harbour Club, …": its organisation is none of the person's)."""

    role: Span | None
    organization: Span | None
    past: bool
    adjunct: bool = False


class Event(NamedTuple):
    """A mention of an entity at a position, as a pronoun's candidate antecedent (a named tuple:
    thousands are made per article, and a frozen dataclass's ``__init__`` costs three times more)."""

    position: int
    entity: Entity
    core: bool  # a subject or direct object, not after a preposition and not a possessor
    narrative: bool  # in a sentence of the story, not a headline, caption or quotation
    speaker: bool = False  # the speaker of a quote


class Resolver:
    """Resolves the speaker mentions of one article against the entities its names make."""

    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self._built = False
        self.people: list[Entity] = []
        self.organizations: list[Entity] = []
        self.events: list[Event] = []
        self._breaks: list[int] = []  # where a live blog's items end (the section breaks' ends)
        self._event_positions: list[int] = []
        self._by_key: dict[tuple, Entity] = {}
        self._singles: list[tuple[int, Mention, bool]] = []  # one-word names, linked once all full names are known
        self._headlines: set[int] = set()
        self._people_by_name: dict[int, dict[str, list[Entity]]] = {1: {}, 2: {}}
        # people with a forename and a surname of five letters or more, by the surname's first letter:
        # the only ones a misspelt surname is compared with (for speed: a typo is looked for often)
        self._surnames_by_initial: dict[str, list[Entity]] = {}
        self._organizations_by_word: dict[str, Entity] = {}
        # organisations given an acronym, with each organisation's place in ``organizations``
        self._with_acronym: list[Entity] = []
        self._organization_order: dict[int, int] = {}

    # ---- the article's entities ------------------------------------------------------------

    def _headline(self, position: int) -> bool:
        return self.doc.paragraph_at(position).index in self._headlines

    def _build(self) -> None:
        """Read every capitalised run of the article once, in reading order."""
        self._built = True
        headlines = self._headlines = self._headline_paragraphs()
        openers, text = self.lexicon.sentence_openers, self.text
        for start, end in self._name_runs():
            run = text[start:end]
            # for a run of letters alone `bare` is `str.lower` (a third of all runs are such openers)
            opens_sentence = run.lower() in openers if run.isalpha() else all(bare(w) in openers for w in run.split())
            if not opens_sentence:  # "The", "She": capitalised because a sentence starts
                self._read_name(start, end, headlines)
        for position, mention, narrative in self._singles:
            entity = self._single(mention, position)
            if entity is not None:
                entity.mentions.append(mention)
                self._event(position, entity, mention, narrative)
        self.events.sort(key=lambda e: e.position)
        self._event_positions = [e.position for e in self.events]
        # a line of underscores or asterisks ends one item of a live blog: nothing after it refers back
        self._breaks = [p.end for p in self.doc.paragraphs if SECTION_BREAK.fullmatch(self.text, p.start, p.end)]
        self._gender_from_pronouns()
        self._subject_pronouns()

    def _gender_from_pronouns(self) -> None:
        """The gender the article itself gives a person whose title and forename say none, from its
        he/she/his/her outside quotations: each votes for the nearest person named before it, in its
        sentence or the one before, whose gender does not disagree; two votes to one decide.

        A forename's gender is not overturned: a story about a woman named in passing beside a man
        puts many a "she" right after his name (measured: it cost more than it gained).
        """
        votes: dict[int, Counter] = {}
        people = [e for e in self.events if e.entity.kind == "person" and e.narrative]
        positions = [e.position for e in people]
        starts = self.doc.sentence_starts
        genders = self.lexicon.pronoun_genders
        for m in PRONOUN.finditer(self.text):
            if self._quoted(m.start()):
                continue
            gender = genders[m.group().lower()]
            floor = starts[max(0, self.doc.sentence_index(m.start()) - 1)] if starts else 0
            i = bisect.bisect_left(positions, m.start()) - 1
            while i >= 0 and positions[i] >= floor and people[i].entity.gender not in (None, gender):
                i -= 1
            if i >= 0 and positions[i] >= floor:
                votes.setdefault(id(people[i].entity), Counter())[gender] += 1
        for entity in self.people:
            tally = votes.get(id(entity))
            if tally and entity.gender_evidence == "forename" and tally[entity.gender]:
                word = "he" if entity.gender == "male" else "she"  # the article's own word, over a name list's
                entity.gender_evidence = f"pronoun {word} ({tally[entity.gender]})"
            if not tally or entity.gender is not None or not (entity.evidenced or len(entity.display.split()) >= 2):
                continue  # "China" or "Thursday" near a "she" names nobody
            for gender, other in (("male", "female"), ("female", "male")):
                if tally[gender] >= 1 and tally[gender] >= 2 * tally[other]:
                    word = "he" if gender == "male" else "she"
                    entity.gender, entity.gender_evidence = gender, f"pronoun {word} ({tally[gender]})"
                    entity.evidenced = True

    def _subject_pronouns(self) -> None:
        """A story's "He …" or "She …" that opens a sentence mentions its person again: each is
        resolved in reading order and kept as a mention, so that a person the story keeps talking
        about stays nearer than a name met in passing since ("She has called the shootings of …
        Hillary Clinton's …. “…,” she said": the first "she")."""
        genders = self.lexicon.pronoun_genders
        for start in self.doc.sentence_starts:
            m = SUBJECT_PRONOUN.match(self.text, start)
            if m is None or self._quoted(start) or self._headline(start):
                continue
            gender = genders[m.group().lower()]
            entity = self._antecedent(start, self._agreeing(gender), gender)
            if entity is not None:
                self._add_event(Event(start, entity, True, True))

    def _headline_paragraphs(self) -> set[int]:
        """Paragraphs that are no sentences of the story: headlines (a first line in Title Case, or a
        short one that opens with no article), labels in capitals ("FULL TEXT."), bylines and photo
        captions."""
        found = set()
        for para in self.doc.paragraphs:
            body = self.text[para.start:para.end]
            if CAPTION.match(body):
                found.add(para.index)
            elif not body.rstrip("”\"’' ").endswith((".", "?", "!", ":")):  # words counted only here
                words = body.split()
                if len(words) <= 8 or sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words):
                    found.add(para.index)  # short, or in Title Case
            elif body.isupper() and len(body.split()) <= LABEL_WORDS:
                found.add(para.index)  # "ABSTRACT.", "FULL TEXT.", "CORRECTION APPENDED."
            elif para.index == 0 and len(words := body.split()) <= HEADLINE_WORDS and len(self.doc.paragraphs) > 1 \
                    and ((len(words) <= SHORT_FIRST_LINE and words[0] not in ("The", "A", "An")
                          and not self._opens_with_pronoun(self.doc.paragraphs[1]))
                         or sum(1 for w in words if w.lstrip("“\"‘'")[:1].isupper()) >= 0.8 * len(words)):
                found.add(para.index)  # "Ellen Park Slams Port Board: ‘You Should Resign.’", "Park wins the vote."
        return found

    def _opens_with_pronoun(self, para: Paragraph) -> bool:
        """A paragraph that opens with "He", "She" or "They" goes on from the one before: that one is
        the story's first sentence ("Mayor Ana Ruiz resigned on Tuesday. // She said …"), no headline."""
        first = self.text[para.start:para.end].split(None, 1)[:1]
        return bool(first) and first[0].lower() in self.lexicon.subject_pronouns and first[0].lower() != "it"

    def _name_runs(self) -> list[tuple[int, int]]:
        """The article's capitalised runs, cut at sentence ends, and joined across an "and" inside
        an organisation's name ("Securities and Exchange Commission": `phrases.org_name_across_and`)."""
        runs: list[tuple[int, int]] = []
        for m in NAME_RUN.finditer(self.text):
            for start, end in self._split_run(m.start(), m.end()):
                if runs and self.text[runs[-1][1]:start] == " and " and org_name_across_and(
                        self.text, self.text[runs[-1][0]:runs[-1][1]].split(), self.text[start:end].split(),
                        self.lexicon):
                    runs[-1] = (runs[-1][0], end)
                else:
                    runs.append((start, end))
        return runs

    def _split_run(self, start: int, end: int) -> list[tuple[int, int]]:
        """A run cut where a sentence ends inside it ("World War I. Clinton", "July. Cruz"), and
        without a sentence's full stop at its end."""
        starts = self.doc.sentence_starts
        first = bisect.bisect_right(starts, start)
        run = self.text[start:end]
        if (first == len(starts) or starts[first] >= end) and "." not in run:
            # most runs: one piece with nothing to cut or trim
            start, end = strip_space(self.text, start, end)
            return [(start, end)] if start < end else []
        cuts = set(starts[first:bisect.bisect_left(starts, end)])
        cuts.update(start + m.end() for m in FULL_STOP_WORD.finditer(run) if sentence_end(m.group(), self.lexicon))
        pieces, previous = [], start
        for cut in sorted(cuts):
            pieces.append((previous, cut))
            previous = cut
        pieces.append((previous, end))
        out = []
        for s, e in pieces:
            s, e = strip_space(self.text, s, e)
            if e > s and self.text[e - 1] == "." and sentence_end(self.text[s:e].rsplit(None, 1)[-1], self.lexicon):
                e -= 1
            if s < e:
                out.append((s, e))
        return out

    def _read_name(self, start: int, end: int, headlines: set[int]) -> None:
        words = self.text[start:end].split()
        if len(words) == 1 and words[0].isupper() and bare(words[0]) in self.lexicon.grammar["time_zones"]:
            return  # "sent at 7:19 p.m. EST"
        if words[0].isupper() and start - (para_start := self.doc.paragraph_at(start).start) < DATELINE_LENGTH \
                and (dateline := DATELINE.match(self.text, para_start)) and start < dateline.end():
            return  # "WASHINGTON —", "MANCHESTER, N.H. (AP) —": where the story was filed, no one who speaks
        floor = max(0, start - 12)
        # "titled", "entitled" and "called" end in "led": a substring test spares most searches
        if "led" in self.text[floor:start] and TITLED_BEFORE.search(self.text, floor, start):
            self._read_title(start, end, headlines)
            return
        before = self.text[max(0, start - 5):start]
        if "he" in before and THE_BEFORE.search(before) and bare(words[0]) not in self.lexicon.forenames:
            self._read_organization(start, end, headlines)
            return
        left = self._left_context(start)
        if left < start and self._modifies_noun_after(end):
            left = start  # "a major Emanuel foe": what comes before describes the foe, not Emanuel
        mention = parse_mention(self.text, left, end, self.lexicon)
        para = self.doc.paragraph_at(start)
        narrative = para.index not in headlines and not self._quoted(start, para)
        acronym = ACRONYM_AFTER.match(self.text, end)
        if acronym and len(words) >= 2 and _initials(self.text[start:end]) == acronym.group(1).replace(".", "") \
                and not (mention.kind == "person" and mention.gender):
            # "Export Development Canada (EDC)": an organisation, defined with its acronym
            mention = _renamed(parse_mention(self.text, start, end, self.lexicon), Span.of(self.text, start, end),
                               "organization")
        if mention.kind == "organization" and mention.name:
            self._organization(mention, start, end, narrative)
        elif mention.kind == "person" and mention.name:
            words = clean_name(mention.name.text).split()
            last = bare(words[-1])
            if any(c.isdigit() for c in words[-1]):
                return  # "Bill C-74", "Flight 370": no person's name
            nouns = self.lexicon.speaker_nouns
            if last.endswith("s") and (last[:-1] in nouns or last[:-2] in nouns):
                return  # "Harbour Farmers", "Ellery Teachers": a group, not a person
            if para.index in headlines:
                if not (mention.gender or mention.title or mention.role):
                    return  # "Hit Piece Exploits Trump": only a forename or a title makes a headline's name
                mention = self._headline_name(mention)
                words = clean_name(mention.name.text).split()
            if len(words) == 1 or len(words) == 2 and (bare(words[-1]) in self.lexicon.name_words["suffixes"]
                                                     or bare(words[0]) in self.lexicon.name_words["particles"]):
                self._singles.append((mention.name.start, mention, narrative))
                return
            entity = self._person(mention)
            self._event(mention.name.start, entity, mention, narrative)

    def _read_title(self, start: int, end: int, headlines: set[int]) -> None:
        """The title of a report, a book or a show ("a report titled Harbour Paper: Ferries in the
        Northern Winter"): a source of its own, named with its subtitle."""
        subtitle = SUBTITLE.match(self.text, end)
        end = subtitle.end() if subtitle else end
        mention = parse_mention(self.text, start, end, self.lexicon)
        self._organization(_renamed(mention, Span.of(self.text, start, end), "organization"), start, end,
                           self.doc.paragraph_at(start).index not in headlines and not self._quoted(start))

    def _read_organization(self, start: int, end: int, headlines: set[int]) -> None:
        """A name after "the" is an organisation, a place or a title, never a person ("the Lower Mainland")."""
        mention = parse_mention(self.text, start, end, self.lexicon)
        if mention.kind in ("organization", "person") and mention.name and not mention.title:
            para = self.doc.paragraph_at(start)
            self._organization(_renamed(mention, Span.of(self.text, start, end), "organization"), start, end,
                               para.index not in headlines and not self._quoted(start))

    def _document_author(self, mention: Mention) -> Entity | None:
        """Who wrote the document a definite mention names: the organisation it is written with ("the
        Globe report"), or where the article writes the last one of that kind with its author ("The
        report said …" after "a report by the Harbour Trust", "the Harbour Trust's report", "a Harbour
        Times article", "the Harbour Trust published a report")."""
        words = mention.text.split()
        head = bare(words[-1])
        if head not in self.lexicon.document_nouns or len(words) > MAX_DOCUMENT_WORDS \
                or not DEFINITE.search(mention.text):
            return None
        named = [w for w in words[:-1] if bare(w) != "the"]
        if named and all(w[:1].isupper() for w in named):  # "the Globe report": the Globe's
            wanted = {bare(w) for w in named}
            fuller = [o for o in self.organizations if wanted < {bare(w) for w in o.display.split()}]
            entity = fuller[0] if len(fuller) == 1 else self._by_key.get(("organization", bare(" ".join(named))))
            if entity is not None:
                return entity
        written = [author for start, noun, author in self._authored_documents if noun == head and start < mention.start]
        if not written:
            return None
        name = clean_name(LEADING_THE.sub("", written[-1]))
        entity = self._by_key.get(("organization", bare(name)))
        if entity is None and len(name.split()) >= 2:
            entity = self._by_key.get(_person_key(name.split(), self.lexicon.name_words["suffixes"]))
        return entity

    @cached_property
    def _authored_documents(self) -> list[tuple[int, str, str]]:
        """Every document noun of the article written with its author: (where, noun, author).
        Read once, and only for an article with a document as a speaker (for speed)."""
        lexicon, text, found = self.lexicon, self.text, []
        for m in lexicon.document_regex.finditer(text):
            hit = lexicon.author_before_regex.search(text, max(0, m.start() - AUTHOR_WINDOW), m.start()) \
                or lexicon.author_after_regex.match(text, m.end())
            if hit:
                found.append((m.start(), m.group().lower(), _filled(hit, "a")))
        return found

    def _person_opening(self, mention: Mention) -> Entity | None:
        """A person of the article named in full by the first two words of a headline's phrase,
        which Title Case runs into the words after them."""
        words = mention.text.split()[:2]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None
        entity = self._by_key.get(_person_key(words, self.lexicon.name_words["suffixes"]))
        return entity if entity is not None and entity.kind == "person" else None

    def _headline_name(self, mention: Mention) -> Mention:
        """In a headline a name is a forename, an initial or two, and one surname: "Strike Ends As
        Ellen Park Signs Deal" names Ellen Park."""
        words = list(re.finditer(r"\S+", mention.name.text))
        keep = 1
        while keep < len(words) - 1 and re.fullmatch(r"[A-Z]\.", words[keep].group()):
            keep += 1
        if len(words) <= keep + 1:
            return mention
        end = mention.name.start + words[keep].end()
        return _renamed(mention, Span.of(self.text, mention.name.start, end))

    def _modifies_noun_after(self, end: int) -> bool:
        """Whether a name is followed by a lower-case noun for a person it qualifies ("Emanuel foe",
        "Clinton ally", "Trump supporter")."""
        m = NEXT_WORD.match(self.text, end)
        if m is None or self.text[max(0, end - 2):end] in ("’s", "'s"):
            return False  # ("candidate Gary Johnson’s doctor": the candidate is Gary Johnson)
        low = m.group(1)
        lexicon = self.lexicon
        return low.islower() and (low in lexicon.anonymous_heads or low in lexicon.role_heads)

    def _left_context(self, start: int) -> int:
        """Where the description words that run up to a name start ("state department spokesperson")."""
        pos = start
        lexicon = self.lexicon
        for _ in range(MAX_LEFT_WORDS):
            found = word_before(self.text, pos, max(0, pos - LEFT_WINDOW))
            if found is None:
                break
            word = self.text[found[0]:found[1]]
            low = bare(word)
            if sentence_end(word, lexicon) or word.endswith((",", ";", ":")):
                break
            if not (low in lexicon.role_heads or low in lexicon.role_modifiers or low in lexicon.org_heads
                    or low in lexicon.portfolios or low in lexicon.gendered_nouns or word.endswith(("’s", "'s"))
                    or AGE.fullmatch(low) or word[:1].isupper() and low not in lexicon.sentence_openers):
                break
            if low in lexicon.grammar["role_verbs"] and self.text[max(0, found[0] - 4):found[0]].endswith("to "):
                break  # "expected to host (Trump's rivals)": a verb
            pos = found[0]
        return pos

    def _quoted(self, pos: int, para: Paragraph | None = None) -> bool:
        """Whether ``pos`` is inside a quotation (``para``, its paragraph, when the caller has it)."""
        span = (para or self.doc.paragraph_at(pos)).span_at(pos)
        return span is not None and span.inner_start <= pos < span.inner_end

    def _person(self, mention: Mention) -> Entity:
        words = clean_name(mention.name.text).split()
        key = _person_key(words, self.lexicon.name_words["suffixes"])
        entity = self._by_key.get(key) or self._longer_name(words)
        if entity is None:
            entity = self._by_key[key] = Entity("person", mention.name, key)
            self._add_person(entity)
        elif len(words) > len(clean_name(entity.name.text).split()):
            entity.name = mention.name  # "Donald J. Trump" after "Donald Trump": the fuller form
        self._learn(entity, mention)
        entity.mentions.append(mention)
        return entity

    def _add_person(self, entity: Entity) -> None:
        self.people.append(entity)
        for part in (1, 2):  # forename and surname, for the one-word names that follow
            if entity.key[part]:
                self._people_by_name[part].setdefault(entity.key[part], []).append(entity)
        if entity.key[1] and len(entity.key[2]) >= 5:
            self._surnames_by_initial.setdefault(entity.key[2][0], []).append(entity)

    def _add_organization(self, entity: Entity, shortened: bool = True) -> None:
        """An organisation, indexed by the one-word names that stand for it: the first word of a
        company's name ("Suncor" for "Suncor Energy") or of two joined by "and" ("the Globe"), the
        last of a paper's ("the Times"), its acronym and its initials; not a run of a headline's
        capitalised words (``shortened`` False), which no later word stands for."""
        self._organization_order[id(entity)] = len(self.organizations)
        self.organizations.append(entity)
        if not shortened:
            return
        words = [bare(w) for w in LEADING_THE.sub("", entity.name.text).split()]
        short = self._organizations_by_word
        corporate = self.lexicon.corporate_words
        if len(words) >= 2 and all(w in self.lexicon.company_words or w in corporate for w in words[1:]):
            short.setdefault(words[0], entity)  # but "Clinton" is not the Clinton Foundation
        if len(words) >= 2 and words[-1] in self.lexicon.org_heads:
            short.setdefault(words[-1], entity)
        if len(words) == 3 and words[1] == "and":
            short.setdefault(words[0], entity)  # "the Globe" for "The Globe and Mail"
        if len(words) >= 2:
            short.setdefault(_initials(entity.display).lower(), entity)

    def _longer_name(self, words: list[str]) -> Entity | None:
        """A person already named with more words that end with these: "Guajardo Villarreal" after
        "Ildefonso Guajardo Villarreal" (a two-word surname), unless the first word is a forename."""
        if bare(words[0]) in self.lexicon.forenames:
            return None
        folded = [bare(w) for w in words]
        for entity in self.people:
            known = [bare(w) for w in entity.display.split()]
            if len(known) > len(folded) and known[-len(folded):] == folded:
                return entity
        return None

    def _learn(self, entity: Entity, mention: Mention) -> None:
        """What a mention says about its person: gender from a title or forename, and evidence
        that the name is a person's at all."""
        if mention.title or mention.role or mention.gender:
            entity.evidenced = True
        if entity.gender_evidence and not entity.gender_evidence.startswith(("forename", "pronoun")):
            return  # a title or a gendered noun has spoken already
        title = mention.title.text if mention.title else None
        name_words = set(mention.name.text.split()) if mention.name else set()
        noun = next((w for w in mention.text.split() if w not in name_words
                     and bare(w) in self.lexicon.gendered_nouns), None)
        if title and self.lexicon.titles.get(title) in ("male", "female"):
            entity.gender, entity.gender_evidence = self.lexicon.titles[title], f"title {title}"
        elif noun:  # "9/11 widow Terry Strada", "spokeswoman Ana Diaz": over a forename's usual gender
            entity.gender, entity.gender_evidence = self.lexicon.gendered_nouns[bare(noun)], f"noun {bare(noun)}"
            entity.evidenced = True
        elif mention.gender and entity.gender is None:
            entity.gender, entity.gender_evidence = mention.gender, "forename"

    def _organization(self, mention: Mention, start: int, end: int, narrative: bool) -> None:
        name_start, name_end = mention.name.start, mention.name.end
        if mention.name.text.endswith(("’s", "'s")):  # "the PBO’s forecast"
            name_end -= 2
        the = THE.match(mention.name.text)
        if the:  # "The Export Council of Ellery": its name has no article
            name_start += the.end()
        name_span = Span.of(self.text, name_start, name_end)
        name = clean_name(name_span.text)
        events = self.lexicon.event_names
        if name in self.lexicon.places or name.rstrip(".") in self.lexicon.places \
                or name.endswith(tuple(events)) and any(name == e or name.endswith(" " + e) for e in events):
            return  # a place or an event ("the U.S. Open") is never an antecedent, and names no speaker here
        mention = _renamed(mention, name_span)
        key = ("organization", bare(name))
        entity = self._by_key.get(key)
        if entity is None and (name.isupper() and len(name) >= 2 or " " not in name):
            # "HDB" after "Harbour Development Bank", "the Globe" after "The Globe and Mail"
            entity = self._organization_named(name, start)
        if entity is None:
            entity = self._by_key[key] = Entity("organization", mention.name, key)
            self._add_organization(entity, shortened=narrative)
        acronym = ACRONYM_AFTER.match(self.text, end)
        if acronym and _initials(name) == acronym.group(1).replace(".", ""):
            if entity.acronym is None:
                self._with_acronym.append(entity)
            entity.acronym = acronym.group(1).replace(".", "")
            # "Export Development Canada (EDC)": later, "EDC" and "the EDC" are the same organisation
            self._by_key.setdefault(("organization", entity.acronym.lower()), entity)
        entity.mentions.append(mention)
        self._event(mention.name.start, entity, mention, narrative)

    def _oblique(self, position: int) -> bool:
        """The name at ``position`` follows a preposition ("a photo of …"): no subject or object."""
        before = self.text[max(0, position - 24):position].lower().split()
        if before and before[-1] == "the":  # "a fellow at the Harbour Institute"
            before.pop()
        return bool(before) and before[-1] in self.lexicon.grammar["oblique_markers"]

    def _event(self, position: int, entity: Entity, mention: Mention, narrative: bool) -> None:
        possessive = self.text[mention.name.end:mention.name.end + 2] in ("’s", "'s") if mention.name else False
        core = not possessive and not self._oblique(position) \
            and not (mention.name and self._modifies_noun(mention.name.end))
        self.events.append(Event(position, entity, core, narrative))

    def _modifies_noun(self, end: int) -> bool:
        """Whether the name ending at ``end`` modifies the noun after it, inside another noun phrase
        ("Trump campaign spokesman Jason Miller", "Obama administration officials"): not a subject."""
        noun = NOUN_AFTER.match(self.text, end)
        if noun is None:
            return False
        word, lexicon = noun.group(1), self.lexicon
        singular = word[:-1] if word.endswith("s") else word
        if any(w in lexicon.role_heads or w in lexicon.org_heads or w in lexicon.speaker_nouns
               for w in (word, singular)):
            return True
        if word in lexicon.cue_forms or word in lexicon.grammar["function_words"]:
            return False  # "Park said", "Park and …": a verb or a small word, no noun (and for speed)
        # "Park communication director Jana Lee": a role before another name, a few words on
        titled = ROLE_BEFORE_NAME.match(self.text, end)
        return titled is not None and titled.group(1) in lexicon.role_heads

    def _single(self, mention: Mention, position: int) -> Entity | None:
        """The entity a one-word name stands for: a surname, then a forename, of a full name;
        then an organisation it shortens; else a person of its own."""
        words = clean_name(mention.name.text).split()
        particles = self.lexicon.name_words["particles"]
        word = words[-1] if len(words) == 2 and bare(words[0]) in particles else words[0]  # "De Blasio"
        entity = self._by_name_word(word, position, mention.gender, surname_only=mention.title is not None
                                    or word is not words[0])
        if entity is not None:
            self._learn(entity, mention)
            return entity
        org = self._organization_named(word, position)
        if org is not None:
            return org
        if mention.text[:1].islower() or bare(word) in self.lexicon.sentence_openers \
                or word.strip(".") in self.lexicon.places or word in self.lexicon.org_names \
                or word.isupper() and len(word) > 1:
            return None  # "WASHINGTON —", "NASA": a dateline or an acronym is no person
        key = ("person", "", bare(word), "")
        entity = self._by_key.get(key) or self._misspelt_surname(word, mention.gender)
        if entity is None:
            entity = self._by_key[key] = Entity("person", mention.name, key)
            self._add_person(entity)
            gender = self.lexicon.forenames.get(bare(word))
            if gender in ("male", "female"):  # "Melanie said": a known forename gives its gender, but
                entity.gender, entity.gender_evidence = gender, "forename"  # "in Chelsea" is no person yet
        self._learn(entity, mention)
        return entity

    def _misspelt_surname(self, word: str, gender: str | None) -> Entity | None:
        """The one person whose surname is ``word`` but for a letter ("Wines" for "Wimes", "McLenney"
        for "McClenney"): news copy has typos, and a stray spelling must not start a new person."""
        low = bare(word)
        if len(low) < 5:
            return None
        close = [e for e in self._surnames_by_initial.get(low[0], ())
                 if e.key[2] != low and abs(len(e.key[2]) - len(low)) <= 2 and gender in (None, e.gender or gender)
                 and difflib.SequenceMatcher(None, e.key[2], low).ratio() >= 0.8]
        return close[0] if len(close) == 1 else None

    def _by_name_word(self, word: str, position: int, gender: str | None, surname_only: bool = False) -> Entity | None:
        """The person whose surname, else whose forename, is ``word``, gender agreeing.

        Where two people share a surname the story is about one of them, and writes the other's
        forename or title: the surname alone goes to the one named in full most often before
        ``position``, then to the one introduced first.
        """
        low = bare(word)
        for part in (2,) if surname_only else (2, 1):  # "Mr. Obama" is a surname
            found = [e for e in self._people_by_name[part].get(low, ()) if e.key[1]
                     and (gender is None or e.gender in (None, gender))
                     and (part == 2 or e.evidenced or self.description(e)[0] is not None)]  # not "Obama Sees"
            if len(found) > 1:
                recent = self._named_recently(found, position)
                if recent is not None:
                    return recent
            if found:
                return min(found, key=lambda e: (-self._full_mentions(e, position), e.name.start))
        return None

    def _named_recently(self, entities: list[Entity], position: int) -> Entity | None:
        """Of people sharing a name, the one named in full in this sentence or the two before."""
        starts = self.doc.sentence_starts
        floor = starts[max(0, self.doc.sentence_index(position) - 2)] if starts else 0
        recent = [(m.start, e) for e in entities for m in e.mentions
                  if floor <= m.start < position and m.name and len(m.name.text.split()) >= 2
                  and not self._oblique(m.start)]  # not "a photo of Ana Reyes": no one the story turns to
        return max(recent, key=lambda pair: pair[0])[1] if recent else None

    @staticmethod
    def _full_mentions(entity: Entity, position: int) -> int:
        return sum(1 for m in entity.mentions if m.start < position and m.name and len(m.name.text.split()) >= 2)

    def _organization_named(self, word: str, position: int) -> Entity | None:
        """An organisation that a word shortens ("Suncor" for "Suncor Energy", "the Times") or
        abbreviates ("EDC", by its stated acronym or its initials)."""
        low = bare(word)
        found = min((o for o in self._with_acronym if o.acronym and o.acronym.lower() == low),
                    key=lambda o: self._organization_order[id(o)], default=None)  # the first in reading order
        if found is not None:
            return found
        org = self._organizations_by_word.get(low)
        if org is not None and (low != _initials(org.display).lower() or len(word) >= 2 and word.isupper()):
            return org
        return None

    # ---- roles and organisations -------------------------------------------------------------

    def description(self, entity: Entity) -> tuple[Span | None, Span | None]:
        """The role and organisation written for an entity: next to its mentions, as an appositive,
        "who is the …", "is the CEO of …" or "as ROLE". A current role wins over a former one."""
        if entity._description is None:
            entity._description = self._describe(entity)
        return entity._description

    def _describe(self, entity: Entity) -> tuple[Span | None, Span | None]:
        if entity.kind != "person":
            return None, None  # an organisation has no role, and the words after its name are no appositive
        found: list[Described] = []
        for mention in entity.mentions[:MAX_MENTIONS]:
            found.append(Described(mention.role, mention.organization, bool(PAST.match(mention.text))))
            end = mention.name.end if mention.name else mention.end
            found.extend(self._described_after(end))
            found.append(self._described_before(mention.start, end))
        roles = [d for d in found if d.role and not d.adjunct]
        current = [d for d in roles if not d.past and not PAST.match(d.role.text)]
        chosen = (current or roles or [Described(None, None, False)])[0]
        # an organisation of a former role ("a former McGill University law professor") is not the current one;
        # a description with no role gives only an organisation's proper name ("Ellen Park of the Harbour
        # Trust"; not "Dressed in a pair of slip-on Tom’s shoes, Ellen Park …" nor "the sleeper in Obama’s")
        if chosen.organization:
            return chosen.role, chosen.organization
        return chosen.role, next((org for d in found if d.organization and (not d.past or chosen.past) and (
            org := None if d.adjunct else d.organization if d.role else self._proper_organization(d.organization))),
                                 None)

    def _proper_organization(self, org: Span) -> Span | None:
        """The organisation a description with no role names, if it is written as one: a common noun
        for one ("the organization's head", which stands for the one named before), or the
        capitalised words it opens with ("in charge of USGA amateur events": USGA), unless they are a
        title, a role or a date ("Mr", "Judge Richard A", "April"); not "Dressed in a pair of Tom’s
        shoes, Ellen Park …" nor "the sleeper in Obama’s cabinet"."""
        lexicon = self.lexicon
        words = list(WORD_RUN.finditer(org.text))
        texts = [w.group() for w in words]
        if all(w.islower() for w in texts) and len(texts) <= 3 and bare(texts[-1]) in lexicon.org_heads:
            return org
        joiners = lexicon.org_joiners
        first = 0
        while first < len(texts) - 1 and bare(texts[first]) in lexicon.role_standing:
            first += 1  # "Former CIA": the CIA
        opening = first + 1 if texts[first].lower() == "the" else first  # "the Harbour Trust"
        end = opening
        while end < len(texts) and (texts[end][:1].isupper() or end > opening and texts[end] in joiners):
            end += 1
        while end > opening and texts[end - 1] in joiners:
            end -= 1  # "Harbour Trust and": not a name's last word
        if end == opening:
            return None
        word = texts[opening].rstrip(".")
        if word in lexicon.titles or word + "." in lexicon.titles or bare(word) in lexicon.honorifics \
                or bare(word) in lexicon.role_heads or bare(word) in lexicon.grammar["months"] \
                or bare(word) in lexicon.grammar["weekdays"]:
            return None
        last = words[end - 1]
        return Span.of(self.text, org.start + words[first].start(), org.start + last.end() - (
            len(last.group()) - len(POSSESSIVE_END.sub("", last.group()))))  # "the Harbour Trust’s": the trust

    def _described_after(self, end: int) -> list[Described]:
        found = []
        limit = min(len(self.text), end + 200)
        appositive = APPOSITIVE_AFTER.match(self.text, end, limit)
        if appositive and (self._has_verb(appositive.group(1)) or self._long_without_role(appositive.group(1))):
            appositive = None  # "in Chelsea, the mayor also said …" is a clause of its own, not an appositive
        # "Dev Patel, a former law professor, has taken over as minister": the verb after the appositive too
        after = appositive.end() + 1 if appositive and self.text[appositive.end():appositive.end() + 1] == "," else end
        for pattern, pos in ((APPOSITIVE_AFTER, end), (PREDICATIVE_AFTER, after), (AS_ROLE_AFTER, after)):
            m = pattern.match(self.text, pos, limit) if pattern is not APPOSITIVE_AFTER else appositive
            if m and "\n" not in m.group() and not HOPED_FOR.search(m.group()):
                end = m.end(1) - 1 if SENTENCE_STOP.search(self.text, m.start(1), m.end(1)) else m.end(1)
                end = self._before_title(m.start(1), end)
                role, org = describe(self.text, m.start(1), end, self.lexicon)
                # ("a campaign aide in 2008 and now director of …": the current role, which describe() gives)
                now = current_role_start(self.text, m.start(1), end, self.lexicon) is not None
                left = pattern is AS_ROLE_AFTER and LEFT_ROLE.search(m.group(), 0, m.start(1) - m.start())
                found.append(Described(role, org, bool((PAST.match(m.group(1)) or left) and not now),
                                       self._adjunct(m.start(1), end)))
        m = ORG_AFTER.match(self.text, end, limit)
        if m and "\n" not in m.group() and not self._hometown(Span.of(self.text, m.start(1), m.end(1))):
            org_start, org_end = m.start(1), self._sentence_cut(m.start(1), m.end(1))
            org = parse_mention(self.text, org_start, org_end, self.lexicon)
            # "at" a place or an event says where ("Ana Ruiz at the Harbour Convention"), at an
            # institution who ("Ana Ruiz at the Harbour Institute of Technology")
            located = m.group().split(None, 1)[0] == "at" and not self._institution(org.text)
            if org.kind == "organization" and org.text.strip(".") not in self.lexicon.places and not located:
                found.append(Described(None, Span.of(self.text, org_start, org_end), False))
        return found

    def _hometown(self, org: Span) -> bool:
        """Whether an organisation's name is a place with its state or country, after it or in it
        ("Tom Reyes of Ellery, N.H.", "… of Burke County, Georgia,", "Flint, Mich."): where someone
        is from, no employer (but "the University of Ellery, Harbourton" is one)."""
        lexicon = self.lexicon
        comma = org.text.find(",")
        state = STATE_AFTER.match(org.text, comma) if comma > 0 else STATE_AFTER.match(self.text, org.end)
        if state is None or state.group(1) in lexicon.titles or lexicon.title_role(state.group(1)):
            return False  # (", Gen. Joseph Dunford": a title)
        named = org.text[:comma] if comma > 0 else org.text
        return (state.group(1).endswith(".") or state.group(1) in lexicon.places) \
            and not self._institution(named) \
            and (comma < 0 or state.end() in (len(org.text), len(org.text.rstrip("."))))

    def _institution(self, name: str) -> bool:
        """A name with an organisation's head word in it ("the Harbour Institute of Technology"): an
        institution, not a place where someone is or is from."""
        return any(bare(w) in self.lexicon.org_heads for w in name.split())

    def _sentence_cut(self, start: int, end: int) -> int:
        """``end``, or where a sentence ends between ``start`` and it ("of the Tax Policy Center.
        Proposals …"), without that full stop."""
        starts = self.doc.sentence_starts
        i = bisect.bisect_right(starts, start)
        if i < len(starts) and starts[i] < end:
            end = strip_space(self.text, start, starts[i])[1]
        if self.text[end - 1:end] == "." and sentence_end(self.text[start:end].rsplit(None, 1)[-1], self.lexicon):
            end -= 1
        return end

    def _before_title(self, start: int, end: int) -> int:
        """Where a description that stopped at a title's full stop ends: before the title and the
        link word before it ("a leader of Mr. Cruz's coalition" is read as "a leader"; its
        organisation is no "Mr")."""
        words = list(WORD_RUN.finditer(self.text, start, end))
        if not words or self.text[end:end + 1] != "." or not (
                words[-1].group() + "." in self.lexicon.titles or bare(words[-1].group()) in self.lexicon.honorifics):
            return end
        words.pop()
        while words and words[-1].group() in self.lexicon.grammar["link_words"]:
            words.pop()
        return words[-1].end() if words else start

    def _long_without_role(self, phrase: str) -> bool:
        """A long phrase in lower case, with no article and no role word among its first words: a clause
        ("similar statements made by …"), not a description ("director of the Project on … at the …")."""
        words = phrase.split()
        return phrase[:1].islower() and words[0] not in ("the", "a", "an") and len(phrase) > SHORT_APPOSITIVE \
            and not any(bare(w) in self.lexicon.role_heads for w in words[:ROLE_WITHIN])

    def _has_verb(self, phrase: str) -> bool:
        """A verb of saying or an auxiliary among the words of a phrase, before any relative clause
        ("a lawyer who has …" is an appositive): then the phrase is a clause of its own."""
        words = phrase.lower().split()
        relative = next((i for i, w in enumerate(words) if w in ("who", "which", "that", "whose")), len(words))
        auxiliaries = self.lexicon.grammar["clause_auxiliaries"]
        return any(w in self.lexicon.cue_forms or w in auxiliaries for w in words[:relative])

    def _described_before(self, start: int, end: int) -> Described:
        """A description before a comma and the name that starts at ``start`` and ends at ``end``:
        "His lawyer, Zhang Wei", "the secretary of the harbour board, Tom Reyes,"; in a clause of time
        or place, or after a preposition, none of the name's ("In an interview with Harbour News, Tom
        Reyes …"), unless the name stands in apposition to it ("… by the secretary, Tom Reyes, that …")."""
        if not self.text[max(0, start - 3):start].rstrip().endswith(","):
            return Described(None, None, False)
        sentence_start = self.doc.sentence_start(start)
        m = ROLE_BEFORE_COMMA.search(self.text, max(0, start - 80, sentence_start), start)
        if not m or "\n" in m.group():
            return Described(None, None, False)
        # the object of a preposition is no description ("(In an) interview with Harbour News, Tom Reyes"),
        # nor a clause of time or place ("On Thursday night as the candidates took the stage at …, Trump")
        grammar = self.lexicon.grammar
        prepositions = (grammar["leading_prepositions"] | grammar["oblique_markers"] | SUBORDINATORS) - {"as"}
        before = self.text[max(sentence_start, m.start(1) - 20):m.start(1)].lower().split()[-2:]
        inside = any(w in prepositions for w in before if w not in grammar["determiners"])
        clause = max([sentence_start] + [self.text.rfind(mark, sentence_start, m.start(1)) + 1 for mark in ",;:"])
        timed = self._opens_adjunct(self.text[clause:m.start(1)].lower().split())
        apposition = self.text[end:end + 2].lstrip().startswith(",")
        # another name's appositive: "(a tribute to) John Kerry, the party's nominee that year, Obama (said)"
        earlier_name = NAME_BEFORE_COMMA.search(self.text, sentence_start, m.start()) is not None
        adjunct = (inside or timed or earlier_name or self._adjunct(m.start(1), m.end(1))) \
            and not apposition and not self._as_role(clause, m.end(1))
        return Described(*describe(self.text, m.start(1), m.end(1), self.lexicon), bool(PAST.match(m.group(1))),
                         adjunct)

    def _adjunct(self, start: int, end: int) -> bool:
        """Words that say when, where or how rather than who: a preposition and a determiner or a
        day ("In an interview with …", "On Thursday at …", "During his visit to …"), or a participle
        ("speaking at …", "Standing in …"); not "in charge of USGA events", which says who."""
        words = self.text[start:end].lower().split()[:2]
        if not words or self._as_role(start, end):
            return False
        if words[0].isalpha() and words[0].endswith("ing") and words[0] not in self.lexicon.speaker_nouns \
                and words[0] not in self.lexicon.role_standing or words[0] in COMPARISONS:
            return True  # (", versus 39 percent for Trump", ", according to a spokesman,")
        return self._opens_adjunct(words)

    def _opens_adjunct(self, words: list[str]) -> bool:
        """Whether lower-case words open a phrase of time or place: a preposition and a determiner or
        a day ("In an …", "On Thursday …"; not "As the firm's head"), or a subordinator ("Shortly
        before …", "While …")."""
        words, grammar = words[:2], self.lexicon.grammar
        return any(w in SUBORDINATORS for w in words) or len(words) == 2 and words[0] != "as" \
            and words[0] in grammar["leading_prepositions"] | grammar["oblique_markers"] \
            and (words[1] in grammar["determiners"] or words[1] in grammar["weekdays"])

    def _as_role(self, start: int, end: int) -> bool:
        """Whether words hold a role after "as", which describes whoever they belong to ("Over her
        career as a senator, Clinton …"; not "as the candidates took the stage")."""
        words = self.text[start:end].lower().split()
        return any(w == "as" and any(bare(v) in self.lexicon.role_heads for v in words[i + 1:i + 4])
                   for i, w in enumerate(words))

    # ---- resolution ---------------------------------------------------------------------------

    def resolve(self, mention: Mention) -> Speaker:
        """Who ``mention`` stands for, with role and organisation."""
        speaker = self._resolve(mention)
        return self._owned(speaker) if speaker.kind == "organization" and speaker.name else speaker

    def _owned(self, speaker: Speaker) -> Speaker:
        """An organisation named after the person who owns it, one name for every way it is written:
        "her campaign", "Ellen Park's campaign", "the Park campaign" and "the campaign" after them are
        all "Ellen Park campaign" (``[grammar] owned_organizations``)."""
        owned = OWNED(self.lexicon)
        mention = speaker.mention
        match = owned.fullmatch(speaker.name)
        head = match.group(3) if match else None
        if match and match.group(2):  # "Huckabee’s campaign", "the Clinton campaign", resolved or as written
            written = match.group(2)  # ("Mrs. Clinton": her gender picks Hillary, not Bill)
            gender = parse_mention(written, 0, len(written), self.lexicon).gender
            owner = self._by_name_word(written.split()[-1], mention.start, gender)
        elif (match := owned.fullmatch(mention.text)) and match.group(1) \
                and bare(speaker.name).lower() == match.group(3).lower():
            head = match.group(3)  # "her campaign", with no campaign named before it
            owner = self._pronoun_entity(mention.start + match.start(1), match.group(1).lower())
        else:
            return speaker
        if owner is None or owner.kind != "person":
            return speaker
        return replace(speaker, name=f"{owner.display} {head.lower()}")

    def _resolve(self, mention: Mention) -> Speaker:
        if not self._built:
            self._build()
        if possessor := statement_owner(mention.text, self.lexicon):
            return self._possessor(mention, possessor)  # "her statement", "the company's statement"
        kind = mention.kind
        if kind == "pronoun":
            return self._pronoun(mention)
        if (author := self._document_author(mention)) is not None:
            return self._speaker(mention, author.display, author.kind, author, "document's author")
        if kind != "person" and self._headline(mention.start) and (person := self._person_opening(mention)):
            # "Ellen Park Slams Port Board Chief: ‘…’": the person, with no role or organisation read
            # from the headline's other words
            first = list(re.finditer(r"\S+", mention.text))[1].end()
            named = Mention(mention.start, mention.end, mention.text, "person",
                            Span.of(self.text, mention.start, mention.start + first), None, None, None,
                            mention.gender, False)
            return self._remembered(named, person, "name")
        if (age := AGE_DESCRIPTION.match(mention.text)) is not None \
                and mention.text[age.end():] == mention.text[age.end():].lower():
            return self._by_age(mention, age.group(1))  # "the 46-year-old", "the 51-year-old mother of two"
        if kind == "person" and mention.name:
            return self._joint(mention) or self._named(mention)
        if kind == "organization" and mention.name:
            return self._organization_speaker(mention)
        if kind == "description":
            return self._described(mention)
        if kind == "anonymous":
            name = mention.name.text if mention.name else mention.text
            if mention.plural:  # "officials said …" and then "they added"
                self._add_event(Event(mention.start, Entity("anonymous", mention.name or mention, ("anonymous", name),
                                                            mentions=[mention]), True, True, True))
            return self._speaker(mention, name, "anonymous", None, "as written")
        return self._speaker(mention, mention.text, self._kind_of_phrase(mention), None, "unresolved")

    def _by_age(self, mention: Mention, age: str) -> Speaker:
        """"The 46-year-old said …": the person given that age ("Tom Reyes, 46,", "46-year-old Tom
        Reyes"), else the person the text is about there."""
        aged, text = re.compile(rf",\s*{age}\b"), self.text

        def given_age(e: Entity) -> bool:
            return e.kind == "person" and any(
                aged.match(text, m.end) or text[max(0, m.start - 14):m.start].rstrip().endswith(f"{age}-year-old")
                for m in e.mentions if m.start < mention.start)
        entity = self._antecedent(mention.start, given_age) \
            or self._antecedent(mention.start, lambda e: e.kind == "person")
        if entity is None:
            return self._speaker(mention, mention.text, "person", None, "unresolved")
        return self._speaker(mention, entity.display, "person", entity, "description")

    def _kind_of_phrase(self, mention: Mention) -> str:
        """The kind an unresolved phrase's head noun says: a document or data is an organisation's
        ("the lawsuit", "exit polls"), a plural for people a group ("the lawyers", "strategists"), a
        role, a gendered noun, a party or an unnamed person's noun a person ("the ferry captain",
        "the widow", "the woman"); else unknown."""
        lexicon = self.lexicon
        words = mention.text.split()
        if not words:
            return "unknown"
        # the head noun before what describes it: "a Democrat (familiar with his remarks)", "early results (of …)"
        grammar = lexicon.grammar
        after = grammar["postmodifying_prepositions"] | grammar["source_modifiers"] | grammar["relatives"] | {"by"}
        cut = next((i for i, w in enumerate(words)
                    if i and (w.lower() in after or w.islower() and w.endswith(("ed", "ing")))), len(words))
        opening = bare(words[cut - 1])
        if opening in PLURAL_OPENERS or opening in grammar["quantifiers"] and opening not in SINGULAR_QUANTIFIERS:
            return "anonymous"  # "most of his rivals", "those who voted"
        if opening not in grammar["function_words"] | grammar["determiners"]:
            words = words[:cut]
        head = bare(words[-1])
        singular = head[:-1] if head.endswith("s") else head
        if any(w in lexicon.document_nouns or w in lexicon.data_words or w in lexicon.statement_nouns
               for w in (head, singular)):
            return "organization"
        if _people_plural(words[-1], lexicon) or head.endswith("men") and head[:-3] + "man" in lexicon.speaker_nouns:
            return "anonymous"
        if head in lexicon.role_heads or head in lexicon.gendered_nouns or head in lexicon.parties \
                or head in grammar["unnamed_people"] or head in lexicon.kinship:
            return "person"
        return "unknown"

    def _joint(self, mention: Mention) -> Speaker | None:
        """Two people who speak together ("Ana Ruiz and Tom Reyes said"), each resolved: one speaker
        named for both, with no one's role or organisation, and the gender the two share. None unless
        both are people the article names in full or shows to be people by a title, a role or a gender
        ("Ellery and Ashby said" are places, not two people)."""
        pair = joint_people(mention, self.text, self.lexicon)
        if pair is None:
            return None
        first, second = pair
        people = [self._resolve(part) for part in pair]
        if len(first.text.split()) == 1 and bare(first.text) in self.lexicon.forenames and people[0].name \
                and (people[0].resolution == "forename" or len(people[0].name.split()) == 1) \
                and len(second.name.text.split()) >= 2 and people[1].name:
            # "David and Jeanne Heidler": a forename, and the surname the two share
            people[0] = replace(people[0], name=f"{first.text} {people[1].name.split()[-1]}", kind="person")
        if not all(p.kind == "person" and p.name and (len(p.name.split()) >= 2 or part.title or p.role or p.gender)
                   for p, part in zip(people, pair, strict=True)):
            return None
        genders = {p.gender for p in people}
        gender = genders.pop() if len(genders) == 1 else None  # two women, two men: the pair's
        evidence = f"both: {people[0].gender_evidence}; {people[1].gender_evidence}" if gender else None
        return Speaker(mention, " and ".join(p.name for p in people), "person", gender=gender,
                       resolution="joint", gender_evidence=evidence)

    def resolve_relative(self, who: Mention, antecedent: Mention) -> Speaker:
        """``Maria Lopez, who said …``: "who" stands for the phrase before it; a role there is no one
        named earlier in its sentence ("Ana Lane heard the port director, who said …": not Ana Lane)."""
        speaker = self.resolve(antecedent)
        if speaker.resolution.startswith("description, ") and speaker.antecedent is not None \
                and self.doc.sentence_start(antecedent.start) <= speaker.antecedent.start < antecedent.start:
            speaker = self._speaker(antecedent, antecedent.text, "person", None, "unresolved")
        return replace(speaker, mention=who, resolution="relative")

    def _speaker(self, mention: Mention, name: str, kind: str, entity: Entity | None, how: str) -> Speaker:
        role, org = mention.role, mention.organization
        gender, evidence = mention.gender, self._mention_gender_evidence(mention)
        antecedent = None
        if entity is not None:
            entity_role, entity_org = self.description(entity)
            if role is None:
                role, org = entity_role, org or entity_org
            org = org or entity_org
            if entity.gender:
                gender, evidence = entity.gender, entity.gender_evidence
            if mention.name is None or clean_name(mention.name.text) != entity.display:
                antecedent = entity.name
        org = None if org is not None and (self._hometown(org) or self._a_person(org)) \
            else self._named_organization(org)
        expanded = self.lexicon.title_role(role.text) if role else None
        person = kind == "person" and gender is not None
        return Speaker(mention, name, kind, role, org, gender if person else None, antecedent, how,  # type: ignore[arg-type]
                       expanded, evidence if person else None)

    def _a_person(self, org: Span) -> bool:
        """An "organisation" that is a person the article names ("a Trump supporter", "Santilli's
        attorney", "President Obama's budget director", "House Speaker Paul Ryan"): the speaker works
        for no organisation there."""
        text = POSSESSIVE_END.sub("", org.text)
        if text.split()[:1] in (["the"], ["The"]):
            return False  # "the Lincoln Initiative": no person's name takes an article
        parsed = parse_mention(text, 0, len(text), self.lexicon)
        before = text[:parsed.name.start].split()[-1:] if parsed.name is not None else []
        named = parsed.name.text.split() if parsed.kind == "person" and parsed.name is not None \
            and not (before and before[0] in self.lexicon.grammar["leading_prepositions"]) \
            else []  # (not "Liberty Baptist Church in Marion": a place there)
        return self._names_person(text.split(), org.start) or bool(named) and self._names_person(named, org.start)

    def _names_person(self, words: list[str], position: int) -> bool:
        """Whether capitalised words are the name of a person of the article, with any title."""
        lexicon = self.lexicon
        if not words or not all(w[:1].isupper() for w in words) \
                or any(bare(w) in lexicon.org_heads or bare(w) in lexicon.company_words for w in words) \
                or not all(w in lexicon.titles or bare(w) in lexicon.forenames or w in lexicon.places
                           or len(w) == 2 and w.endswith(".") for w in words[:-1]) \
                or self._organization_named(words[-1], position) is not None:
            return False
        if any(w in lexicon.titles for w in words[:-1]) \
                and any(e.kind == "person" for e in self._people_by_name[2].get(bare(words[-1]), ())):
            return True  # "President Obama", "Mrs. Ruiz": a title and a surname the article gives a person
        entity = self._by_name_word(words[-1], position, None, surname_only=True) or next(
            (e for e in self._people_by_name[2].get(bare(words[-1]), ())
             if e.kind == "person" and len(e.name.text.split()) >= 2), None)
        # a person named with a forename ("the Dallas Mavericks" and "In Miami" are not "Mavericks" and "Miami")
        first = entity.name.text.split()[0] if entity is not None else ""
        return entity is not None and entity.kind == "person" and bare(first) in lexicon.forenames \
            and first not in lexicon.places  # (the key may lack the forename: "Al Gore", "al" a particle)

    def _mention_gender_evidence(self, mention: Mention) -> str | None:
        """What gave a mention its own gender: its pronoun, its title, else its forename."""
        if not mention.gender:
            return None
        if mention.kind == "pronoun":
            return f"pronoun {mention.text.lower()}"
        if mention.title and self.lexicon.titles.get(mention.title.text) == mention.gender:
            return f"title {mention.title.text}"
        return "forename"

    def _named_organization(self, org: Span | None) -> Span | None:
        """An organisation written as a common noun ("the organization's director", "a union
        representative") is the organisation it stands for, named earlier, or none."""
        if org is not None and org.text.isupper() and len(org.text) >= 2:
            named = self._organization_named(org.text, org.start)  # "EDC’s then-chief risk officer"
            return named.name if named is not None and named.display != org.text else org
        if org is None or not org.text.split()[-1].islower() or any(w[:1].isupper() for w in org.text.split()):
            return org
        head = bare(org.text.split()[-1])
        if head in self.lexicon.generic_org_heads:
            entity = self._main_organization(org.start)
        else:
            entity = self._antecedent(org.start, lambda e: e.kind == "organization" and self._org_matches(e, head))
        return entity.name if entity is not None else None

    def _main_organization(self, position: int) -> Entity | None:
        """What "the organization" or "the group" stands for: the organisation the article has named
        most often before ``position`` (the story's subject, not the last name met in passing),
        else the nearest one."""
        counts = Counter(id(e.entity) for e in self.events[:bisect.bisect_left(self._event_positions, position)]
                         if e.entity.kind == "organization" and e.narrative)
        if counts:
            (top, n), *rest = counts.most_common(2) + [(None, 0)]
            if n >= 2 and n > rest[0][1]:
                return next(o for o in self.organizations if id(o) == top)
        return self._antecedent(position, lambda e: e.kind == "organization")

    def _named(self, mention: Mention) -> Speaker:
        if self._headline(mention.start):
            mention = self._headline_name(mention)  # "Elizabeth Warren Hammers Wells Fargo CEO"
        entity: Entity | None
        words = clean_name(mention.name.text).split()
        if len(words) >= 2 and not (len(words) == 2 and bare(words[-1]) in self.lexicon.name_words["suffixes"]):
            entity = self._by_key.get(_person_key(words, self.lexicon.name_words["suffixes"])) or self._person(mention)
            return self._remembered(mention, entity, "name")
        entity = self._single(mention, mention.start)
        if entity is None:
            return self._speaker(mention, clean_name(mention.name.text), "person", None, "as written")
        how = "name" if entity.display == clean_name(mention.name.text) else (
            "surname" if entity.kind == "person" and bare(words[0]) == entity.key[2] else "forename"
            if entity.kind == "person" else "short name")
        return self._remembered(mention, entity, how)

    def _remembered(self, mention: Mention, entity: Entity, how: str) -> Speaker:
        """A speaker resolved to ``entity``; a quoted person is a person, for later pronouns."""
        if entity.kind == "person":
            entity.evidenced = True
            self._add_event(Event(mention.start, entity, True, True, True))
        if (mention.role or mention.organization) and mention not in entity.mentions:
            entity.mentions.append(mention)  # "the director … for EHS, Jeff Fraser, says": for "Fraser" later
            entity._description = None
        return self._speaker(mention, entity.display, entity.kind, entity, how)

    @cached_property
    def _author_note(self) -> str | None:
        """The writer's name from an opinion piece's closing note: "Jane Roe is a playwright in …"."""
        last = self.doc.paragraphs[-1] if self.doc.paragraphs else None
        note = AUTHOR_NOTE.match(self.text, last.start, last.end) if last and last.end - last.start <= 400 else None
        return clean_name(note.group(1)) if note else None

    def _add_event(self, event: Event) -> None:
        i = bisect.bisect_right(self._event_positions, event.position)
        self._event_positions.insert(i, event.position)
        self.events.insert(i, event)

    def _pronoun(self, mention: Mention) -> Speaker:
        low = bare(mention.text)
        if low == "i" and not self._quoted(mention.start):
            # "“It was late,” I said": outside quotation marks the first person is the article's writer
            author = self._author_note
            if author is not None:
                return self._speaker(mention, author, "person", None, "the writer, named in the author note")
            return self._speaker(mention, "the author", "person", None, "the writer")
        if low in self.lexicon.first_person_pronouns:
            return self._speaker(mention, mention.text, "unknown", None, "unresolved")
        if low in self.lexicon.plural_pronouns and (group := self._plural_subject(mention.start)) is not None:
            return replace(self._speaker(mention, self._group_name(*group), "anonymous", None,
                                         "pronoun, the group the sentence is about"),
                           antecedent=Span.of(self.text, *group))
        if low == "it" and (thing := self._recent_subject(mention.start, "organization", self._thing_phrase)):
            # "The email shows …. At the bottom it reads": the phrase as written, not a name further back
            return replace(self._speaker(mention, self.text[thing[0]:thing[1]], "organization", None,
                                         "pronoun, the thing the sentence is about"),
                           antecedent=Span.of(self.text, *thing))
        entity = self._pronoun_entity(mention.start, low)
        if entity is None:
            kind = "person" if low in self.lexicon.pronoun_genders else "anonymous" \
                if low in self.lexicon.plural_pronouns else "organization"
            return self._speaker(mention, mention.text, kind, None, "unresolved")
        return self._speaker(mention, entity.display, entity.kind, entity, "pronoun")

    def _group_name(self, start: int, end: int) -> str:
        """A group's name: the name its phrase gives when that ends in the phrase's head ("Most voters"),
        else the phrase ("Ana Ruiz and Tom Reyes", "his family, friends and employees")."""
        phrase = parse_mention(self.text, start, end, self.lexicon)
        head = self.text[start:end].split()[-1]
        return phrase.name.text if phrase.name and phrase.name.text.split()[-1] == head \
            and " and " not in phrase.text else phrase.text

    def _group_between(self, entity: Entity, position: int) -> bool:
        """Whether a plural noun for people ("researchers", "Republicans") stands between the last
        mention of ``entity`` and ``position``: a nearer group that a "they" stands for."""
        last = max((m.end for m in entity.mentions if m.end <= position), default=position)
        nouns = self.lexicon.speaker_nouns
        return any(word.islower() and _plural_form(word) and (word in nouns or word[:-1] in nouns)
                   for word in (w.strip(".,;:") for w in self.text[last:position].split()))

    def _thing_phrase(self, words: list[str], start: int, end: int) -> bool:
        """A subject that an "it" can stand for: a common noun for a statement, a document or data
        ("the memo", "The email", "the agency's report"), or an organisation someone owns ("Trump's
        campaign", "his team", "The Park campaign"); not "The company", which may stand for one named
        ("Acme cut jobs. The company … it said" is Acme's)."""
        head = words[-1].strip(".,")
        low = head.lower()
        lexicon = self.lexicon
        owned = len(words) >= 2 and (words[-2].endswith(("’s", "'s"))
                                     or words[-2][:1].isupper() and bare(words[-2]) not in lexicon.sentence_openers
                                     or words[-2].lower() in lexicon.grammar["description_openers"] - {"the"})
        return head[:1].islower() and (low in lexicon.statement_nouns or low in lexicon.document_nouns
                                       or low in lexicon.data_words or owned and low in lexicon.org_heads)

    def _plural_subject(self, position: int) -> tuple[int, int] | None:
        """The unnamed group a "they" at ``position`` stands for: the plural subject of its sentence
        or of one of the two before ("The dock unions are wary. But they say …", "Most voters
        back the toll, and they …"), when no name is nearer. Named organisations are "it" far more
        often than "they" in news, so a plural subject beats one (measured: "they" went to a named
        organisation wrongly about four times in five on PolNeAR train)."""
        return self._recent_subject(position, "anonymous", self._group_phrase)

    def _group_phrase(self, words: list[str], start: int, end: int) -> bool:
        """A subject for a "they": a group ("Most voters", "Ana Ruiz and Tom Reyes"), not an
        organisation's name with "and" in it ("the Department of Health and Human Services")."""
        return _plural_phrase(words, self.lexicon) \
            and parse_mention(self.text, start, end, self.lexicon).kind != "organization"

    def _recent_subject(self, position: int, blocking: str,
                        accept: Callable[[list[str], int, int], bool]) -> tuple[int, int] | None:
        """The subject of the sentence at ``position`` (before it) or of one of the
        ``SUBJECT_SENTENCES_BACK`` before that ``accept`` takes, unless an entity of kind ``blocking``
        is mentioned nearer (its own event) or a nearer subject is something else."""
        starts = self.doc.sentence_starts
        if not starts:
            return None
        sentence = self.doc.sentence_index(position)
        # one already quoted or named nearer ("Mr. Obama, officials said, …. …, they said"): its own event
        quoted = self._antecedent(position, lambda e: e.kind == blocking, sentences=SUBJECT_SENTENCES_BACK + 1,
                                  core=True)
        nearest = max((m for m in quoted.mentions if m.start < position), key=lambda m: m.start, default=None) \
            if quoted else None
        floor = nearest.start if nearest else -1
        for index in range(sentence, max(-1, sentence - SUBJECT_SENTENCES_BACK - 1), -1):
            start = starts[index]
            if self._headline(start) or self._quoted(start):
                if floor >= start:
                    return None
                continue
            limit = position if index == sentence else starts[index + 1]
            subject = sentence_subject(self.text, start, limit, self.lexicon)
            if floor >= start and not (subject and subject[0] <= floor and nearest.end < subject[1]):
                return None  # (but a name that modifies the subject is part of it: "The Sanders campaign")
            if subject is None or subject[1] > position:
                continue
            words = self.text[subject[0]:subject[1]].split()
            if len(words) == 1 and bare(words[0]) in self.lexicon.pronoun_words:
                continue  # "They …" before: the group is further back
            if accept(words, *subject):
                return subject
            return None  # the nearest subject is someone or something else
        return None

    def _pronoun_entity(self, position: int, pronoun: str) -> Entity | None:
        """Who a third-person pronoun (or possessive: "his", "its") at ``position`` stands for."""
        if pronoun in self.lexicon.pronoun_genders:
            gender = self.lexicon.pronoun_genders[pronoun]
            agrees = self._agreeing(gender)
            entity = self._antecedent(position, agrees, gender) or self._last_speaker(position, agrees)
            if entity is not None:
                self._add_event(Event(position, entity, True, True, True))
            return entity
        plural = pronoun in self.lexicon.plural_pronouns
        # a "they" stands for an organisation only as a subject or object: "a study with Ann Lee of
        # M.I.T. …, they found", "a fellow at the Brookings Institution says …. They …" is someone else's
        entity = self._antecedent(position, lambda e: e.kind == "organization" or plural and e.kind == "anonymous",
                                  core=plural)
        if plural and entity is not None and entity.kind == "organization" and self._group_between(entity, position):
            return None  # "Congress boosted funding, yet researchers say they …": the researchers, unnamed
        if entity is None and not plural:
            # "Harbour Affairs says …, but it now explains …": a name that nothing shows to be a person's
            entity = self._antecedent(position, self._not_shown_a_person, sentences=IT_SENTENCES_BACK)
            if entity is not None:
                entity.kind = "organization"  # "it" says what the name is
        return entity

    @staticmethod
    def _not_shown_a_person(entity: Entity) -> bool:
        """A name read as a person's for want of anything else: no title, role, forename or gender."""
        return entity.kind == "person" and entity.gender is None and len(entity.display.split()) >= 2 \
            and not any(m.title or m.role or m.gender for m in entity.mentions)

    def _agreeing(self, gender: str):
        """Which entities a he or she of ``gender`` may stand for."""
        def agrees(e: Entity) -> bool:
            return e.kind == "person" and e.gender in (None, gender) and self._person_like(e)
        return agrees

    def _antecedent(self, position: int, accept, gender: str | None = None,
                    sentences: int = SENTENCES_BACK, core: bool = False) -> Entity | None:
        """The entity the text is about at ``position``: in the nearest sentence before it that names
        an acceptable one, its subject (the first name not after a preposition), else its last name;
        with ``core``, none when that sentence names them only after a preposition or as possessors
        (looking past it to an earlier subject gave the wrong one on PolNeAR train, twice in two).

        For a gendered pronoun a person known to agree wins over a nearer one of unknown gender,
        unless that one is more than two sentences nearer.
        """
        sentence = self.doc.sentence_index(position)
        starts = self.doc.sentence_starts
        hi = bisect.bisect_left(self._event_positions, position)
        unknown: tuple[Entity, int] | None = None
        floor = self._breaks[bisect.bisect_left(self._breaks, position) - 1] \
            if self._breaks and self._breaks[0] < position else 0
        for distance, index in enumerate(range(sentence, max(-1, sentence - sentences), -1)):
            if starts and starts[index] < floor and index != sentence:
                break
            lo = bisect.bisect_left(self._event_positions, max(floor, starts[index]) if starts else floor)
            found = [e for e in self.events[lo:hi] if e.narrative and accept(e.entity)]
            hi = lo
            if not found:
                continue
            if core and not any(e.core for e in found):
                return None
            subject = _subject(found, self.text, self.lexicon.grammar["determiners"])
            if gender is None or subject.gender == gender:
                if unknown is not None and distance > unknown[1] + 2:
                    return unknown[0]
                return subject  # "Ana Osei, a nurse, said Ivanka Trump's plan …": Ana Osei
            if unknown is None:
                unknown = (subject, distance)
        return unknown[0] if unknown else None

    def _person_like(self, entity: Entity) -> bool:
        """Whether a pronoun may stand for ``entity``: the article shows it is a person (a title, a
        role, a known forename, a quote of theirs) and, for a one-word name, says which gender."""
        if len(entity.display.split()) < 2 and entity.gender is None:
            return False  # "SNC-Lavalin said": one word of unknown gender may be anything
        return entity.evidenced or self.description(entity)[0] is not None

    def _last_speaker(self, position: int, accept) -> Entity | None:
        """The last person quoted before ``position`` that ``accept`` takes, however far back."""
        i = bisect.bisect_left(self._event_positions, position) - 1
        while i >= 0:
            event = self.events[i]
            if event.speaker and accept(event.entity):
                return event.entity
            i -= 1
        return None

    def _organization_speaker(self, mention: Mention) -> Speaker:
        name = clean_name(mention.name.text)
        titled = TITLED_IN.search(name)
        if titled:  # "a document titled White Paper": the document of that title
            entity = next((o for o in self.organizations if o.display.startswith(titled.group(1))), None)
            if entity is not None:
                return self._speaker(mention, entity.display, "organization", entity, "short name")
        words = LEADING_THE.sub("", name).split()
        if len(words) == 1 and words[0].isupper():
            person = self._by_name_word(words[0], mention.start, None, surname_only=True)
            if person is not None:  # "REYES: …", a transcript's turn, after "Tom Reyes"
                return self._speaker(mention, person.display, "person", person, "surname")
        entity = self._by_key.get(("organization", bare(" ".join(words))))
        if entity is None and len(words) == 1:
            entity = self._organization_named(words[0], mention.start)
        if entity is None:  # "Russia's foreign ministry said": named here, for "the ministry" and "it" later
            entity = self._by_key[("organization", bare(" ".join(words)))] = Entity(
                "organization", mention.name, ("organization", bare(" ".join(words))), mentions=[mention])
            self._add_organization(entity)
        self._add_event(Event(mention.start, entity, True, True, True))
        how = "name" if entity.display == name else "short name"
        return self._speaker(mention, entity.display, "organization", entity, how)

    def _described(self, mention: Mention) -> Speaker:
        head = bare(mention.text.split()[-1])
        lexicon = self.lexicon
        if mention.role is not None and mention.role.end == mention.end and PORTFOLIO_END.search(mention.role.text):
            # "the former secretary of state": the role's head, not its portfolio's last word
            head = next((bare(w) for w in mention.role.text.split() if bare(w) in lexicon.role_heads), head)
        if head in lexicon.statement_nouns and DEFINITE.search(mention.text):
            # "The Security Council issued a statement … The statement noted …": its author, just named
            author = self._antecedent(mention.start, lambda e: e.kind == "organization" or self._person_like(e),
                                      sentences=3)
            if author is not None:
                return self._speaker(mention, author.display, author.kind, author, "statement's author")
        if head in lexicon.org_heads and head not in lexicon.role_heads:
            entity = self._antecedent(mention.start, lambda e: e.kind == "organization"
                                      and self._org_matches(e, head))
            if entity is None:  # "the union", many paragraphs after the union was named
                named = [e for e in self.organizations if self._org_matches(e, head)
                         and any(m.start < mention.start for m in e.mentions)]
                entity = max(named, key=lambda e: max(m.start for m in e.mentions if m.start < mention.start),
                             default=None)
            if entity is not None:
                return self._speaker(mention, entity.display, "organization", entity, "description")
            if (acronym := self._organization_named(mention.text.split()[-1], mention.start)) is not None:
                return self._speaker(mention, acronym.display, "organization", acronym, "acronym")
            return self._speaker(mention, mention.text, "organization", None, "unresolved")
        owner = OWNER.match(mention.text)
        owners = {bare(w) for w in owner.group(1).split()} if owner else set()

        def fits(e: Entity) -> bool:  # "Donald Trump’s campaign manager" is someone of Trump's, never Trump
            return e.kind == "person" and self._person_matches(e, head) \
                and owners.isdisjoint(bare(w) for w in e.display.split())

        entity = self._antecedent(mention.start, fits)
        if entity is None:
            entity = self._antecedent_anywhere(mention.start, fits)
        how = "description"
        if entity is None and (DEFINITE.search(mention.text) or self._bare_role(mention)) \
                and head not in lexicon.grammar["participant_roles"] and (
                head in lexicon.role_heads or head in lexicon.parties):
            # "the New York businessman says …": the person the story is about at that point; not for
            # another participant's role ("the moderator", `[grammar] participant_roles`), and a role
            # in an organisation ("NATO's secretary general", "Cameron's spokesman") is no one the
            # article gives another organisation, or none
            gender = lexicon.gendered_nouns.get(head)
            entity = self._antecedent(mention.start, lambda e: e.kind == "person" and e.evidenced
                                      and e.gender in (None, gender or e.gender)
                                      and self._may_serve(e, mention.organization), gender,
                                      sentences=STORY_SENTENCES_BACK)
            how = "description, the person the story is about"
        if entity is not None:
            entity.evidenced = True
            return self._speaker(mention, entity.display, "person", entity, how)
        kind = "person" if mention.role else self._kind_of_phrase(mention)
        return self._speaker(mention, mention.text, kind, None, "unresolved")

    def _bare_role(self, mention: Mention) -> bool:
        """A role of two words or more with no determiner, as a name's title is written ("…, said
        Democratic presidential nominee"): as definite as "the nominee" (a lone "billionaire" is no one's)."""
        words, lexicon = mention.text.lower().split(), self.lexicon
        return mention.role is not None and mention.role.end == mention.end and len(words) >= 2 \
            and words[0] not in lexicon.grammar["determiners"] and words[0] not in lexicon.anonymous_determiners \
            and not mention.plural

    def _possessor(self, mention: Mention, match: re.Match[str]) -> Speaker:
        """"her statement", "the company's statement": the statement speaks for its author."""
        if match.group(1):
            entity = self._pronoun_entity(mention.start + match.start(1), match.group(1).lower())
            if entity is None:
                return self._speaker(mention, mention.text, "organization", None, "unresolved")
            return self._speaker(mention, entity.display, entity.kind, entity, "possessor")
        start = mention.start + match.start(2)
        owner = self.resolve(parse_mention(self.text, start, start + len(match.group(2)), self.lexicon))
        if owner.resolution == "unresolved":
            return self._speaker(mention, mention.text, "organization", None, "unresolved")
        return replace(owner, mention=mention, resolution="possessor")

    def _may_serve(self, entity: Entity, organization: Span | None) -> bool:
        """Whether a person may hold a role in ``organization``: a party is anyone's, another
        organisation only theirs whose own organisation, as written, shares a word with it."""
        if organization is None or organization.text.lower() in self.lexicon.parties:
            return True
        _, own = self.description(entity)
        return own is not None and not {bare(w) for w in organization.text.split()}.isdisjoint(
            bare(w) for w in own.text.split())

    def _org_matches(self, entity: Entity, head: str) -> bool:
        """"the union" for the Harbour Workers Union, "the company" for a firm."""
        words = {bare(w) for w in entity.display.split()}
        if head in words:
            return True
        kinds = self.lexicon.description_classes.get(head)
        return bool(kinds) and (bool(words & kinds) or entity.display in self.lexicon.org_names
                                and "company" in kinds)

    def _person_matches(self, entity: Entity, head: str) -> bool:
        return head in self._described_words(entity)

    def _described_words(self, entity: Entity) -> frozenset[str]:
        """Every word that describes a person in the article (its mentions, role and organisation,
        titles spelt out), once per entity and description."""
        if entity._words is None or entity._words[0] is not entity._description:
            role, org = self.description(entity)
            described = {bare(w) for m in entity.mentions[:MAX_MENTIONS] for w in m.text.split()}
            described |= {bare(w) for span in (role, org) if span for w in span.text.split()}
            described |= {self.lexicon.title_role(w) for w in described} - {None}
            entity._words = (entity._description, frozenset(described))
        return entity._words[1]

    def _antecedent_anywhere(self, position: int, fits: Callable[[Entity], bool]) -> Entity | None:
        """A person described so before ``position`` ("the spokesperson" many sentences on): the last
        of the people introduced before it that ``fits``, among the ``RECENT_PEOPLE`` introduced last,
        so that an article of thousands of names stays linear."""
        before = [e for e in self.people[-RECENT_PEOPLE * 4:] if e.name.start < position][-RECENT_PEOPLE:]
        return next((e for e in reversed(before) if fits(e)), None)


def _filled(match: re.Match[str], prefix: str) -> str:
    """The one group starting with ``prefix`` that a layout of an alternation filled."""
    return next(value for key, value in match.groupdict().items() if key.startswith(prefix) and value)


def _renamed(mention: Mention, name: Span, kind: str | None = None) -> Mention:
    """``dataclasses.replace(mention, name=name, kind=kind)``, built directly (replace() reads the
    class's fields on every call, and the resolver renames thousands of mentions per run)."""
    return Mention(mention.start, mention.end, mention.text, kind or mention.kind, name,  # type: ignore[arg-type]
                   mention.role, mention.organization, mention.title, mention.gender, mention.plural)


def _subject(events: list[Event], text: str, determiners: frozenset[str]) -> Entity:
    """Of the names in one sentence, the speaker of a quote in it ("Tom Reyes plans to cut the toll,
    Ana Ruiz said." is about Ana Ruiz; not one that opens a clause of time or reason: "Reyes did not
    answer when Ruiz asked whether …"), else the first that is a subject or object, else the last."""
    core = [e for e in events if e.core]
    speaker = next((e for e in events if e.speaker), None)
    if speaker is not None:
        before = [w for w in text[max(0, speaker.position - 30):speaker.position].split()
                  if w.lower() not in determiners][-1:]
        if not before or before[0].lower() not in SUBORDINATORS:
            return speaker.entity
    return (core[0] if core else events[-1]).entity


def _person_key(words: list[str], suffixes: frozenset[str]) -> tuple:
    """A person within an article: forename, surname and suffix ("Donald J. Trump" = "Donald Trump",
    but not "Donald Trump Jr.")."""
    suffix = bare(words[-1]) if bare(words[-1]) in suffixes else ""
    core = words[:-1] if suffix else words
    return "person", bare(core[0]), bare(core[-1]), suffix


INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")


def _initials(name: str) -> str:
    """"Harbour Development Bank" -> "HDB"; an abbreviated word gives all its capitals ("U.S. Golf
    Association" -> "USGA")."""
    return "".join((w.replace(".", "") if INITIALISM.fullmatch(w) else w[0]) for w in name.split()
                   if w[:1].isupper() and w.lower() not in ("of", "and", "the", "for"))
