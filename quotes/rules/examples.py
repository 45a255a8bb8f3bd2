"""Run a rule's examples: what ``quotes rules --check`` reports and the tests assert."""

from __future__ import annotations

from quotes.lexicon import Lexicon
from quotes.rules.base import Example

Quote = tuple[str, str, str, str | None, str | None]


def found(text: str, lexicon: Lexicon | None = None, scope: str = "speech") -> list[Quote]:
    """(rule, type, content, speaker as written, cue) for every quote extracted from ``text``."""
    from quotes.extract import extract

    return [(q.rule, q.type, q.content.text, q.speaker.mention.text if q.speaker.mention else None,
             q.cue.text if q.cue else None) for q in extract(text, lexicon, scope=scope)]


def _agrees(expected: tuple, actual: Quote) -> bool:
    """A field left out of an example (None, in a lexicon's rule) agrees with anything."""
    return all(e is None or e == a for e, a in zip(expected, actual, strict=True))


def problems(name: str, must: tuple[Example, ...], must_not: tuple[Example, ...],
             lexicon: Lexicon | None = None) -> list[str]:
    """What goes wrong with a rule's examples: a quote it must find and does not, or a quote by it
    in a sentence it must leave alone."""
    out = []
    for example in must:
        actual = found(example.text, lexicon, example.scope)
        for expected in example.quotes:
            if expected[0] == name and not any(_agrees(expected, q) for q in actual):
                out.append(f"{name}: should find {expected[2]!r} ({expected[3]!r}) in {example.text!r}; "
                           f"found {[(q[0], q[2], q[3]) for q in actual]}")
    for example in must_not:
        wrong = [q for q in found(example.text, lexicon, "all") if q[0] == name]
        if wrong:
            out.append(f"{name}: should find nothing in {example.text!r}; found {[(q[2], q[3]) for q in wrong]}")
    return out
