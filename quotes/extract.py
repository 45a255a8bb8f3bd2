"""The extraction pipeline for one article: read, find quotes, attribute, resolve speakers."""

from __future__ import annotations

from quotes.document import read_document
from quotes.lexicon import Lexicon, default_lexicon
from quotes.model import Quote, Span, Speaker
from quotes.resolve import Resolver
from quotes.rules import SCOPES, Candidate, Extractor


def extract(text: str, lexicon: Lexicon | None = None, scope: str = "speech") -> list[Quote]:
    """Every direct quote and reported claim in ``text``, in reading order, with its speaker.

    ``scope`` "speech" (the default) keeps what was said or written; "all" adds the other
    attributions: beliefs, intentions, perception and evidence (each quote's ``category``).

    Offsets are character offsets into ``text``: ``text[q.content.start:q.content.end]`` is
    ``q.content.text`` for every quote, and likewise for its cue, its speaker mention and the
    role and organisation given for the speaker.
    """
    lexicon = lexicon or default_lexicon()
    doc = read_document(text, lexicon)
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}: one of {', '.join(SCOPES)}")
    candidates = [c for c in Extractor(doc, lexicon, scope=scope).run() if scope == "all" or c.category == "speech"]
    resolver = Resolver(doc, lexicon)
    speakers: dict[tuple, Speaker] = {}
    quotes: list[Quote] = []
    for cand in candidates:
        cue = Span.of(text, cand.cue.start, cand.cue.end) if cand.cue else None
        quotes.append(Quote(
            content=Span.of(text, *cand.content),
            type=cand.type,  # type: ignore[arg-type]
            cue=cue,
            speaker=_speaker(cand, resolver, speakers),
            rule=cand.rule,
            confidence=cand.confidence,
            sentence=doc.sentence_index(cand.content[0]),
            paragraph=cand.paragraph,
            continuation=cand.continuation,
            group=cand.group,
            category=cand.category,
        ))
    return quotes


def _speaker(cand: Candidate, resolver: Resolver, cache: dict[tuple, Speaker]) -> Speaker:
    """A candidate's resolved speaker: one mention (and antecedent) is resolved once."""
    mention = cand.speaker
    if mention is None:
        return Speaker(None)
    antecedent = cand.antecedent
    key = (mention.start, mention.end, antecedent.start if antecedent else None,
           antecedent.end if antecedent else None)
    if key not in cache:
        cache[key] = resolver.resolve_relative(mention, antecedent) if antecedent else resolver.resolve(mention)
    return cache[key]
