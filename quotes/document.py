"""One article, read once into paragraphs, sentences, quoted spans and cue words, all as offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from quotes.lexicon import Lexicon
from quotes.marks import QuotedSpan, quoted_spans
from quotes.sentences import Range, paragraphs, sentences

VERBS = ("verb", "attitude")  # the kinds of cue that are verbs


@dataclass(frozen=True)
class Cue:
    """A reporting verb, phrase or "according to" found outside any quotation."""

    start: int
    end: int
    text: str
    # "verb" (of saying or writing), "attitude" (a verb of belief, intention, perception or evidence:
    # only reported claims read it) or "according"
    kind: str

    @property
    def participle(self) -> bool:
        """An -ing form ("saying", "telling"): its subject is written elsewhere, and a phrase right
        after it is its object, never its speaker."""
        return self.text.lower().endswith("ing")


@dataclass
class Paragraph:
    """A paragraph's sentences, quoted spans and cues, each sorted by position.

    The look-ups bisect those lists, so that a rule's work per cue or per quote does not grow
    with the length of the paragraph (a hostile article may hold one huge paragraph).
    """

    index: int
    start: int
    end: int
    sentences: list[Range]
    spans: list[QuotedSpan]
    cues: list[Cue]
    _sentence_starts: list[int] = field(init=False, repr=False)
    _span_starts: list[int] = field(init=False, repr=False)
    _span_ends: list[int] = field(init=False, repr=False)
    _cue_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]
        self._span_starts = [s.start for s in self.spans]  # spans never overlap, so ends are sorted too
        self._span_ends = [s.end for s in self.spans]
        self._cue_starts = [c.start for c in self.cues]

    def sentence_at(self, pos: int) -> Range:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return self.start, self.end

    def span_at(self, pos: int) -> QuotedSpan | None:
        """The quoted span, marks included, that holds ``pos``."""
        i = bisect.bisect_right(self._span_starts, pos) - 1
        return self.spans[i] if i >= 0 and pos < self.spans[i].end else None

    def span_from(self, pos: int) -> QuotedSpan | None:
        """The first quoted span that starts at or after ``pos``."""
        i = bisect.bisect_left(self._span_starts, pos)
        return self.spans[i] if i < len(self.spans) else None

    def span_before(self, span: QuotedSpan) -> QuotedSpan | None:
        """The quoted span right before ``span`` in this paragraph."""
        i = bisect.bisect_left(self._span_starts, span.start)
        return self.spans[i - 1] if i > 0 else None

    def last_span_end(self, pos: int, default: int) -> int:
        """Where the last quoted span that ends at or before ``pos`` ends."""
        i = bisect.bisect_right(self._span_ends, pos) - 1
        return self._span_ends[i] if i >= 0 else default

    def cues_between(self, start: int, end: int, kind: str = "verb") -> list[Cue]:
        i = bisect.bisect_left(self._cue_starts, start)
        found = []
        while i < len(self.cues) and self.cues[i].start < end:
            if self.cues[i].end <= end and self.cues[i].kind == kind:
                found.append(self.cues[i])
            i += 1
        return found


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence that holds ``pos`` starts (0 in a document with no sentence)."""
        return self.sentence_starts[self.sentence_index(pos)] if self.sentence_starts else 0

    def paragraph_at(self, pos: int) -> Paragraph:
        return self.paragraphs[max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)]



def _inside(pos: int, spans: list[QuotedSpan], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i].inner_start <= pos < spans[i].inner_end


# "a report", "his claims", "the ministry's statement": after these, a cue word is a noun.
DETERMINER = r"\b(?:a|an|the|this|these|those|his|her|its|their|our|my|your|another|each|every|no|any)"
NOUN_BEFORE = re.compile(rf"(?:{DETERMINER}|\w[’']s)\s+$", re.IGNORECASE)
# "its proposed cutoff", "the stated goal": after an article or a possessive, a past form describes a
# thing (but "Another wrote", "Each said": those determiners stand alone as subjects).
ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|our|my|your)\s+$", re.IGNORECASE)


def _is_noun(text: str, start: int, word: str, lexicon: Lexicon) -> bool:
    """A bare or -s form right after a determiner or a possessive names a thing, not a speech act;
    a past form right after a determiner describes one ("its proposed cutoff"; but "He's said",
    "she's told": a past form after "'s" is "has")."""
    lemma = lexicon.lemma(word) or word
    before = NOUN_BEFORE if word in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies") else ADJECTIVE_BEFORE
    return before.search(text, max(0, start - 16), start) is not None


def read_document(text: str, lexicon: Lexicon) -> Document:
    """Split ``text`` into paragraphs and sentences and find its quoted spans and cues."""
    doc = Document(text)
    previous_open = False
    for index, (start, end) in enumerate(paragraphs(text)):
        spans = quoted_spans(text, start, end, previous_open)
        previous_open = bool(spans) and not spans[-1].closed
        starts = [s.start for s in spans]
        cues = [Cue(s, e, word, "verb" if lexicon.cue_category(word) == "speech" else "attitude")
                for s, e, word in lexicon.find_cues(text, start, end)
                if not _inside(s, spans, starts) and not _is_noun(text, s, word.lower(), lexicon)]
        cues += [Cue(m.start(), m.end(), m.group(), "according")
                 for m in lexicon.according_regex.finditer(text, start, end) if not _inside(m.start(), spans, starts)]
        cues.sort(key=lambda c: c.start)
        sents = sentences(text, start, end)
        doc.paragraphs.append(Paragraph(index, start, end, sents, spans, cues))
        doc.paragraph_starts.append(start)
        doc.sentence_starts.extend(s for s, _ in sents)
    return doc
