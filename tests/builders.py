"""Quotes built by hand, as the engine would return them, for tests of the store and the site.

Every part is a span of the article's text, found by ``str.index``, so a test cannot store a
role or an organisation that its article does not write.
"""

from __future__ import annotations

from quotes.model import Mention, Quote, Span, Speaker


def span_of(text: str, words: str | None) -> Span | None:
    """The first place ``words`` are written in ``text`` (an error if they are not)."""
    if words is None:
        return None
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def quote(text: str, content: str, speaker: str | None, mention: str | None = None, kind: str = "person",
          role: str | None = None, org: str | None = None, qtype: str = "direct") -> Quote:
    """A quote over ``content`` spoken by ``speaker``, written ``mention`` (the name by default)."""
    written = span_of(text, mention or speaker)
    as_mention = Mention(written.start, written.end, written.text, kind) if written else None
    return Quote(span_of(text, content), qtype, None,
                 Speaker(as_mention, speaker, kind, span_of(text, role), span_of(text, org)), "test", 0.9, 0, 0)
