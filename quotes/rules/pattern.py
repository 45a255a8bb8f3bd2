"""Rules written in a lexicon as regular expressions: a layout added without any code.

    [rules."indirect.bulletin"]
    pattern = '(?P<speaker>The Harbour Bulletin) (?P<cue>reports) (?P<content>.+)'
    layout = "`The Harbour Bulletin reports …`"
    category = "speech"
    confidence = 0.7
    priority = 50
    must = [{text = "The Harbour Bulletin reports the ferry will stop in June.",
             content = "the ferry will stop in June", speaker = "The Harbour Bulletin"}]
    must_not = ["The Harbour Bulletin reports were late again."]

The pattern is searched in every sentence not yet quoted, in the "patterns" pass (after the
quotations with their own attribution, before the reported claims). Its named groups ``speaker``
and ``content`` (and an optional ``cue``) are the quote's parts; its type (direct, mixed or
indirect) follows from the quotation marks. ``quotes rules --check --lexicon FILE`` runs the
examples. A key this module does not know, a pattern that does not compile or lacks a group is an
error, not silence.
"""

from __future__ import annotations

import re
from typing import Any

from quotes.document import Cue, Paragraph
from quotes.lexicon import Lexicon
from quotes.phrases import content_range
from quotes.rules.base import CATEGORIES, Example, Found, Rule
from quotes.rules.engine import Extractor, has_words
from quotes.rules.registry import RegistryError
from quotes.sentences import Range, strip_space

KEYS = frozenset({"pattern", "layout", "category", "confidence", "priority", "must", "must_not", "flags"})
EXAMPLE_KEYS = frozenset({"text", "content", "speaker", "cue", "type"})
TABLE = "rules"


FRAMES = ("infinitive", "wh", "of", "as", "to", "predicate", "object")
# The lexicon tables the rules read, with the keys each may hold: a typo is an error, not silence.
RULE_TABLES = {"cue_frames": FRAMES, "hearer_cue_verbs": ("verbs",), "belief_cue_verbs": ("verbs",),
               "intention_cue_verbs": ("verbs",), "perception_cue_verbs": ("verbs",),
               "evidence_cue_verbs": ("verbs",), "act_cue_verbs": ("verbs",), "not_speakers": ("words",)}


def pattern_rules(lexicon: Lexicon) -> list[Rule]:
    """The lexicon's pattern rules, compiled once per lexicon, after checking the tables the rules
    read; a malformed rule or table raises RegistryError."""
    if TABLE not in lexicon.compiled:
        check_tables(lexicon)
        lexicon.compiled[TABLE] = [compile_rule(name, spec) for name, spec in lexicon.data.get(TABLE, {}).items()]
    return lexicon.compiled[TABLE]


def check_tables(lexicon: Lexicon) -> None:
    """Every key of the rules' tables is known, and every verb they list is a cue verb."""
    lemmas = set(lexicon.data.get("cue_verbs", {}))
    for table, keys in RULE_TABLES.items():
        for key, values in lexicon.data.get(table, {}).items():
            if key not in keys:
                raise RegistryError(f"lexicon table [{table}]: unknown key {key!r} (known: {', '.join(keys)})")
            if table == "not_speakers":
                continue
            unknown = sorted({v.split()[0] for v in values} - lemmas)
            if unknown:
                raise RegistryError(f"lexicon table [{table}] {key}: {', '.join(unknown)} "
                                    f"{'is not a cue verb' if len(unknown) == 1 else 'are not cue verbs'} "
                                    f"(add {'it' if len(unknown) == 1 else 'them'} to [cue_verbs])")


def compile_rule(name: str, spec: Any) -> Rule:
    where = f"lexicon rule {name!r}"
    if not isinstance(spec, dict):
        raise RegistryError(f"{where}: expected a table with a pattern")
    unknown = set(spec) - KEYS
    if unknown:
        raise RegistryError(f"{where}: unknown key {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    try:
        regex = re.compile(spec.get("pattern", ""), re.IGNORECASE if "i" in spec.get("flags", "") else 0)
    except re.error as error:
        raise RegistryError(f"{where}: the pattern does not compile: {error}") from None
    missing = {"speaker", "content"} - set(regex.groupindex)
    if missing:
        raise RegistryError(f"{where}: the pattern needs the named group(s) {', '.join(sorted(missing))}")
    category = spec.get("category", "speech")
    if category not in CATEGORIES:
        raise RegistryError(f"{where}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
    confidence = spec.get("confidence", 0.6)
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise RegistryError(f"{where}: confidence must be a number above 0 and at most 1")
    must = tuple(_example(name, item, where) for item in spec.get("must", []))
    must_not = tuple(Example(item) if isinstance(item, str) else _bad_example(where)
                     for item in spec.get("must_not", []))
    return Rule(name, "patterns", int(spec.get("priority", 50)), matcher(regex),
                spec.get("layout", f"`{regex.pattern}`"), must, must_not, category=category,
                default_confidence=float(confidence))


def _example(name: str, item: Any, where: str) -> Example:
    if not isinstance(item, dict) or "text" not in item or set(item) - EXAMPLE_KEYS:
        raise RegistryError(f"{where}: each must example is a table with text, content and speaker "
                            f"(and optionally cue and type)")
    quote = (name, item.get("type"), item.get("content"), item.get("speaker"), item.get("cue"))
    return Example(item["text"], (quote,), "all")


def _bad_example(where: str) -> Example:
    raise RegistryError(f"{where}: each must_not example is a sentence")


def matcher(regex: re.Pattern[str]):
    """The rule's function: the pattern searched in the sentence, its groups as the quote's parts."""

    def find(ex: Extractor, para: Paragraph, sentence: Range) -> Found | None:
        m = regex.search(ex.text, *sentence)
        if m is None or ex.in_content(m.start("content")):
            return None
        content = content_range(ex.text, m.start("content"), m.end("content"))
        speaker = strip_space(ex.text, m.start("speaker"), m.end("speaker"))
        if content[0] >= content[1] or speaker[0] >= speaker[1] or not has_words(ex.text, *content, 1) \
                or ex.overlaps_direct(*content):
            return None
        cue = None
        if "cue" in regex.groupindex and m.group("cue"):
            cue = Cue(m.start("cue"), m.end("cue"), m.group("cue"), "pattern")
        return Found(content, speaker, cue)

    return find
