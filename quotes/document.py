"""One article, read once into paragraphs, sentences, quoted spans and cue words, all as offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from quotes.lexicon import Lexicon
from quotes.marks import QuotedSpan, quoted_spans
from quotes.sentences import Range, paragraphs, sentences


@dataclass(frozen=True)
class Cue:
    """A reporting verb, phrase or "according to" found outside any quotation."""

    start: int
    end: int
    text: str
    kind: str  # "verb" or "according"


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    sentences: list[Range]
    spans: list[QuotedSpan]
    cues: list[Cue]


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)



def _inside(pos: int, spans: list[QuotedSpan]) -> bool:
    return any(s.inner_start <= pos < s.inner_end for s in spans)


# "a report", "his claims", "the ministry's statement": after these, a cue word is a noun.
NOUN_BEFORE = re.compile(r"(?:\b(?:a|an|the|this|these|those|his|her|its|their|our|my|your|another|each|"
                         r"every|no|any)|\w[’']s)\s+$", re.IGNORECASE)


def _is_noun(text: str, start: int, word: str) -> bool:
    """A bare or -s form right after a determiner or a possessive names a thing, not a speech act."""
    return not word.endswith(("ed", "ing")) and " " not in word \
        and NOUN_BEFORE.search(text, max(0, start - 16), start) is not None


def read_document(text: str, lexicon: Lexicon) -> Document:
    """Split ``text`` into paragraphs and sentences and find its quoted spans and cues."""
    doc = Document(text)
    previous_open = False
    for index, (start, end) in enumerate(paragraphs(text)):
        spans = quoted_spans(text, start, end, previous_open)
        previous_open = bool(spans) and not spans[-1].closed
        cues = [Cue(m.start(), m.end(), m.group(), "verb")
                for m in lexicon.cue_regex.finditer(text, start, end)
                if not _inside(m.start(), spans) and not _is_noun(text, m.start(), m.group().lower())]
        cues += [Cue(m.start(), m.end(), m.group(), "according")
                 for m in lexicon.according_regex.finditer(text, start, end) if not _inside(m.start(), spans)]
        cues.sort(key=lambda c: c.start)
        sents = sentences(text, start, end)
        doc.paragraphs.append(Paragraph(index, start, end, sents, spans, cues))
        doc.sentence_starts.extend(s for s, _ in sents)
    return doc
