"""The one result type that flows from the extractor to the database and the web pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "anonymous", "unknown"]
# What a speaker phrase is before resolution: a pronoun ("she") and a description ("the
# ministry", "the spokesperson") stand for an entity named elsewhere in the article.
MentionKind = Literal["person", "organization", "anonymous", "unknown", "pronoun", "description"]


@dataclass(frozen=True)
class Span:
    """A piece of the original input: ``text[start:end] == self.text`` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])


@dataclass(frozen=True)
class Mention(Span):
    """A speaker phrase as written, with the parts its words name, each a span of the same text.

    "state department spokesperson Tammy Bruce" has name "Tammy Bruce", role "spokesperson" and
    organisation "state department"; "Sen. Ted Cruz" has title "Sen."; "she" is a pronoun. It is
    made once per phrase (:func:`quotes.mentions.parse_mention`) and flows unchanged from the
    rule that found it to the database.
    """

    kind: MentionKind = "unknown"
    name: Span | None = None  # the proper name, or the phrase that names an organisation or source
    role: Span | None = None
    organization: Span | None = None
    title: Span | None = None  # an honorific or title before the name ("Mrs.", "Sen.")
    gender: str | None = None  # "male" or "female" when a pronoun, title or forename says so
    plural: bool = False


@dataclass
class Speaker:
    """Who made a statement: the mention as written and what it resolves to.

    ``role`` and ``organization`` are spans of the article, written next to this mention or next
    to another mention of the same entity. ``antecedent`` is where the resolved name is written
    when the mention itself does not write it (a pronoun, a surname, a description).
    """

    mention: Mention | None
    name: str | None = None  # resolved fullest name, or the phrase itself for anonymous sources
    kind: SpeakerKind = "unknown"
    role: Span | None = None
    organization: Span | None = None
    gender: str | None = None
    antecedent: Span | None = None
    resolution: str | None = None  # how the name was found: "name", "surname", "pronoun", ...
    role_expanded: str | None = None  # "senator" for a role written "Sen."
    gender_evidence: str | None = None  # what gave the gender: "title Mrs.", "pronoun she (2)", "forename", ...


# Resolutions that leave a speaker known only within its article: a description never resolved to a
# name ("the ferry captain"), an article's own "I". Such a speaker is nobody beyond its article.
ARTICLE_SCOPED = ("unresolved", "the writer")


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
    category: str = "speech"  # what is attributed: speech, belief, intention, perception or evidence
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
            "speaker_role": _text(self.speaker.role),
            "speaker_role_start": _start(self.speaker.role),
            "speaker_role_end": _end(self.speaker.role),
            "speaker_role_expanded": self.speaker.role_expanded,
            "speaker_org": _text(self.speaker.organization),
            "speaker_org_start": _start(self.speaker.organization),
            "speaker_org_end": _end(self.speaker.organization),
            "speaker_gender": self.speaker.gender,
            "speaker_gender_evidence": self.speaker.gender_evidence,
            "speaker_resolution": self.speaker.resolution,
            "rule": self.rule,
            "confidence": self.confidence,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
            "continuation": self.continuation,
            "group": self.group,
            "category": self.category,
        }



def _text(span: Span | None) -> str | None:
    return span.text if span else None


def _start(span: Span | None) -> int | None:
    return span.start if span else None


def _end(span: Span | None) -> int | None:
    return span.end if span else None
