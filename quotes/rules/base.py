"""What a rule is: a named layout of quote, cue and speaker, with the examples that define it.

A :class:`Rule` declares everything about itself that the rest of the project reads: its name,
the pass it runs in, its priority within that pass, the function that finds it, the category of
what it attributes, the README's description of its layout, and sentences it must and must not
extract (the tests read them from here). A :class:`Filter` is a named veto: a cue, a paragraph or
a candidate it matches is dropped before or after the rules run, again with its examples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from quotes.document import Cue
from quotes.marks import QuotedSpan
from quotes.model import Mention
from quotes.sentences import Range

if TYPE_CHECKING:
    from quotes.rules.engine import Extractor

# The passes, in the order they run, and what each one's rules are tried on:
# - direct: every quoted span not yet attributed (a quotation with its own attribution);
# - patterns: every sentence (rules written as regular expressions, in a lexicon);
# - reported: every cue no quote used yet (reported claims around a reporting verb or noun);
# - continuation: quotes with no cue of their own, after an attributed one.
PASSES = ("direct", "patterns", "reported", "continuation")
CATEGORIES = ("speech", "belief", "intention", "perception", "evidence")
SCOPES = ("speech", "all")
SCOPE_CATEGORIES = {"speech": ("speech",), "all": CATEGORIES}  # what each scope keeps; an "act" cue, none
Category = Literal["speech", "belief", "intention", "perception", "evidence"]


@dataclass
class Candidate:
    """A quote found by a rule, before its speaker is resolved."""

    content: Range
    type: str
    cue: Cue | None
    speaker: Mention | None
    rule: str
    confidence: float
    paragraph: int
    continuation: bool = False
    source: Candidate | None = None  # the quote whose speaker this one takes (split, continuation)
    group: int | None = None
    antecedent: Mention | None = None  # the phrase a relative "who" speaker stands for
    category: str = "speech"
    attribution_end: int | None = None  # where the attribution after a quotation ends (for a split quote)

    @property
    def end_with_attribution(self) -> int:
        """Where the quote and the words that attribute it (speaker, cue) end, whichever comes last."""
        return max(self.content[1], self.speaker.end if self.speaker else 0, self.cue.end if self.cue else 0)


@dataclass
class Found:
    """What a rule's function returns: the parts of one quote, in offsets.

    The engine turns it into a :class:`Candidate` named after the rule, with the rule's
    confidence; ``type`` is worked out from the quotation marks when left out, and ``category``
    from the cue (a verb of belief gives a belief) when the rule does not set it.
    """

    content: Range
    speaker: Range | Mention | None
    cue: Cue | None = None
    type: str | None = None
    span: QuotedSpan | None = None  # the quotation this attributes: it is then taken
    attribution_end: int | None = None
    antecedent: Range | None = None
    source: Candidate | None = None
    continuation: bool = False
    joins: Candidate | None = None  # another fragment of the same quote: both share a group
    category: str | None = None


Finder = Callable[["Extractor", Any, Any], "Found | list[Found] | None"]


@dataclass(frozen=True)
class Example:
    """A sentence written for the tests and what the whole extractor must find in it.

    ``quotes`` lists (rule, type, content, speaker as written, cue) for every quote found, in
    reading order; an empty list says nothing at all may be found. ``scope`` is the scope the
    example is extracted with ("all" for beliefs, intentions, perception and evidence).
    """

    text: str
    quotes: tuple[tuple[str, str, str, str | None, str | None], ...] = ()
    scope: str = "speech"


def example(text: str, *quotes: tuple[str, str, str, str | None, str | None], scope: str = "speech") -> Example:
    return Example(text, tuple(quotes), scope)


@dataclass(frozen=True)
class Rule:
    """One layout of quote, cue and speaker.

    ``find(extractor, paragraph, target)`` returns a :class:`Found` (or several fragments of one
    quote) or None; ``target`` is a quoted span (pass "direct" and the spans of "continuation"), a
    cue (pass "reported"), a sentence range (pass "patterns"), or a paragraph whose last quote is
    left open (pass "continuation"). Rules of a pass are tried on each target by priority, lowest
    first, and the first that finds something takes it. ``confidence`` is the share of this rule's
    quotes attributed right on PolNeAR train (the calibration table in ``quotes/data``); a rule
    that was never measured (a plugin's) gives ``default_confidence``.
    """

    name: str
    pass_name: str
    priority: int
    find: Finder = field(compare=False)
    layout: str
    must: tuple[Example, ...]
    must_not: tuple[Example, ...] = ()
    category: str | None = None  # None: the category of the cue
    default_confidence: float = 0.6
    splits: bool = False  # a quotation right after this rule's attribution continues the quote

    @property
    def confidence(self) -> float:
        from quotes.calibration import calibrated

        return calibrated(self.name, self.default_confidence)


@dataclass(frozen=True)
class Boundary:
    """Where a reported claim stops (side "end") or starts (side "start").

    ``find(extractor, paragraph, start, end, sentence)`` returns a new end (or start) inside
    ``start``–``end``, or None. A claim whose end was open (it ran to the end of its sentence) is
    cut at the earliest end any boundary finds; one whose start was open (it began with its
    sentence) starts at the latest start. ``must`` are sentences whose claims it cuts right;
    ``must_not`` are neighbours it leaves whole.
    """

    name: str
    side: Literal["start", "end"]
    find: Callable[..., int | None] = field(compare=False)
    description: str
    must: tuple[Example, ...] = ()
    must_not: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Filter:
    """A named veto. ``stage`` says what it is asked about:

    - "paragraph": ``test(extractor, paragraph)`` True drops every quote and cue of the paragraph
      (photo captions, credit lines, link headlines);
    - "cue": ``test(extractor, paragraph, cue)`` True drops the cue as the cue of a reported claim
      (negated acts, passives);
    - "sense": the same test, True where the word is no cue at all (a sense of the verb that reports
      nothing: "went on the attack", "putting it into the file"), for every rule that reads cues;
    - "candidate": ``test(extractor, candidate)`` True drops a quote a rule found.

    ``must_not`` are sentences it keeps from being extracted; ``must`` are near neighbours it lets
    through.
    """

    name: str
    stage: Literal["paragraph", "cue", "sense", "candidate"]
    test: Callable[..., bool] = field(compare=False)
    description: str
    must: tuple[Example, ...] = ()
    must_not: tuple[Example, ...] = ()
