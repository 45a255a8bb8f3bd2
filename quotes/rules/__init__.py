"""Attribution rules, in a registry: each names one layout of quote, cue and speaker.

The rules run in passes over a :class:`~quotes.document.Document` (:mod:`quotes.rules.engine`):

1. ``direct``: quotations with their own attribution (``"…," S said``, ``S said: "…"``, dash
   sign-offs, colon lead-ins, split quotes);
2. ``patterns``: rules written as regular expressions in a lexicon;
3. ``reported``: claims around the remaining cues (``S said (that) …``, ``…, S said``,
   ``according to S``), typed mixed when they hold a quoted fragment;
4. ``continuation``: quotes with no cue of their own that continue an attributed quote.

Rule names follow the order of speaker (S), cue (V) and content (C or Q for a quotation), as in
the GenderGapTracker's pattern codes, so errors can be counted per layout. Every rule and filter
is listed by :func:`registry` with its examples: the tests, the README's table and ``quotes
evaluate`` read them from there.
"""

from quotes.rules import (  # noqa: F401 - each module registers its rules
    boundaries,
    complements,
    continuation,
    direct,
    filters,
    layouts,
    reported,
)
from quotes.rules.base import (
    CATEGORIES,
    PASSES,
    SCOPES,
    Boundary,
    Candidate,
    Example,
    Filter,
    Found,
    Rule,
    example,
)
from quotes.rules.engine import Extractor
from quotes.rules.registry import Registry, RegistryError, register, registry

__all__ = ["CATEGORIES", "PASSES", "SCOPES", "Boundary", "Candidate", "Example", "Extractor", "Filter", "Found",
           "Registry", "RegistryError", "Rule", "example", "register", "registry"]
