"""The extraction pipeline for one article: read, find quotes, attribute, resolve speakers."""

from __future__ import annotations

from dataclasses import replace

from quotes.document import read_document
from quotes.lexicon import Lexicon, default_lexicon
from quotes.model import Quote, Span, Speaker
from quotes.resolve import Resolver
from quotes.rules import Candidate, Extractor
from quotes.speakers import parse_speaker


def extract(text: str, lexicon: Lexicon | None = None) -> list[Quote]:
    """Every direct quote and reported claim in ``text``, in reading order, with its speaker.

    Offsets are character offsets into ``text``: ``text[q.content.start:q.content.end]`` is
    ``q.content.text`` for every quote, and likewise for its cue and speaker mention.
    """
    lexicon = lexicon or default_lexicon()
    doc = read_document(text, lexicon)
    candidates = Extractor(doc, lexicon).run()
    resolver = Resolver(text, lexicon)
    speakers: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    for cand in candidates:
        speaker = _speaker(cand, text, lexicon, resolver, speakers)
        cue = Span.of(text, cand.cue.start, cand.cue.end) if cand.cue else None
        quotes.append(Quote(
            content=Span.of(text, *cand.content),
            type=cand.type,  # type: ignore[arg-type]
            cue=cue,
            speaker=speaker,
            rule=cand.rule,
            confidence=cand.confidence,
            sentence=doc.sentence_index(cand.content[0]),
            paragraph=cand.paragraph,
            continuation=cand.continuation,
            group=cand.group,
        ))
    return quotes


def _speaker(cand: Candidate, text: str, lexicon: Lexicon, resolver: Resolver,
             cache: dict[int, Speaker]) -> Speaker:
    """Parse and resolve a candidate's speaker mention; one mention is resolved once."""
    if cand.speaker is None:
        return Speaker(None)
    if cand.speaker[0] not in cache:
        mention = Span.of(text, *cand.speaker)
        if cand.antecedent:
            # a relative "who" is written as such but stands for the phrase before it
            antecedent = Span.of(text, *cand.antecedent)
            resolved = resolver.resolve(antecedent, parse_speaker(antecedent.text, lexicon))
            cache[cand.speaker[0]] = replace(resolved, mention=mention)
        else:
            cache[cand.speaker[0]] = resolver.resolve(mention, parse_speaker(mention.text, lexicon))
    return cache[cand.speaker[0]]
