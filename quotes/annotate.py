"""Annotate JSON Lines documents with their quotes, in the evaluation format (shared/eval/FORMAT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from quotes.extract import extract
from quotes.lexicon import Lexicon


def annotate_document(doc: dict, lexicon: Lexicon | None = None, scope: str = "speech") -> dict:
    """``doc`` with its ``quotes`` list replaced by the extracted quotes; other fields are kept."""
    return {**doc, "quotes": [q.to_record() for q in extract(doc["text"], lexicon, scope)]}


def annotate_stream(lines: Iterable[str], lexicon: Lexicon | None = None,
                    scope: str = "speech") -> Iterator[tuple[int, dict | str]]:
    """For each JSON Lines input line: (line number, annotated document) or (line number, error)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"invalid JSON: {exc.msg} at column {exc.colno}"
            continue
        if not isinstance(doc, dict):
            yield number, f"expected a JSON object, got {type(doc).__name__}"
        elif not isinstance(doc.get("text"), str):
            yield number, "no 'text' string field"
        else:
            yield number, annotate_document(doc, lexicon, scope)
