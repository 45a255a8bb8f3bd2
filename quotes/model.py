"""The one result type that flows from the extractor to the database and the web pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "anonymous", "unknown"]


@dataclass(frozen=True)
class Span:
    """A piece of the original input: ``text[start:end] == self.text`` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])


@dataclass
class Speaker:
    """Who made a statement: the mention as written and what it resolves to."""

    mention: Span | None
    name: str | None = None  # resolved fullest name, or the phrase itself for anonymous sources
    kind: SpeakerKind = "unknown"
    role: str | None = None
    organization: str | None = None


@dataclass
class Quote:
    """One direct quote or reported claim, with its attribution and provenance.

    ``content`` is exactly ``text[content.start:content.end]`` of the article. ``rule`` names the
    attribution pattern that produced it, so every result can be explained.
    """

    content: Span
    type: QuoteType
    cue: Span | None
    speaker: Speaker
    rule: str
    confidence: float
    sentence: int  # index of the sentence where the content starts
    paragraph: int  # index of the paragraph where the content starts
    continuation: bool = False
    group: int | None = None  # shared by the fragments of one split quote
    extra: dict = field(default_factory=dict)

    def to_record(self) -> dict:
        """The quote in the JSON Lines format of the evaluation data (shared/eval/FORMAT.md)."""
        mention = self.speaker.mention
        return {
            "content": self.content.text,
            "start": self.content.start,
            "end": self.content.end,
            "speaker": self.speaker.name,
            "speaker_as_written": mention.text if mention else None,
            "speaker_start": mention.start if mention else None,
            "speaker_end": mention.end if mention else None,
            "cue": self.cue.text if self.cue else None,
            "cue_start": self.cue.start if self.cue else None,
            "cue_end": self.cue.end if self.cue else None,
            "type": self.type,
            "speaker_kind": self.speaker.kind,
            "speaker_role": self.speaker.role,
            "speaker_org": self.speaker.organization,
            "rule": self.rule,
            "confidence": self.confidence,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
            "continuation": self.continuation,
            "group": self.group,
        }

