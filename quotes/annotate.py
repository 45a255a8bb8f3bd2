"""Annotate JSON Lines documents with their quotes, in the evaluation format (shared/eval/FORMAT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quotes.extract import extract
from quotes.lexicon import Lexicon
from quotes.pool import run_in_order

# Input per unit of work sent to a worker: enough text that extracting it outweighs its trip there
# and back, small enough that the last unit does not keep one worker busy alone for long.
BATCH_BYTES = 200_000


def annotate_document(doc: dict, lexicon: Lexicon | None = None, scope: str = "speech") -> dict:
    """``doc`` with its ``quotes`` list replaced by the extracted quotes; other fields are kept."""
    return {**doc, "quotes": [q.to_record() for q in extract(doc["text"], lexicon, scope)]}


def annotate_stream(lines: Iterable[str], lexicon: Lexicon | None = None,
                    scope: str = "speech", first_line: int = 1) -> Iterator[tuple[int, dict | str]]:
    """For each JSON Lines input line: (line number, annotated document) or (line number, error)."""
    for number, line in enumerate(lines, start=first_line):
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


@dataclass
class Batch:
    """Consecutive input lines, the first of them numbered ``first_line``."""

    first_line: int
    lines: list[str]


@dataclass
class Settings:
    """What every worker annotates with."""

    lexicon: Lexicon | None
    scope: str


def annotated_lines(lines: Iterable[str], lexicon: Lexicon | None = None, scope: str = "speech",
                    workers: int = 1) -> Iterator[tuple[int, str, bool]]:
    """Each input line as (line number, its annotated document as one line of JSON, True), or (line
    number, why it was skipped, False), in input order: with ``workers`` above one, batches of lines
    are annotated in that many processes, and the output is the same."""
    for _, answers in run_in_order(_batches(lines), Settings(lexicon, scope), workers, _annotate_batch):
        yield from answers


def _batches(lines: Iterable[str]) -> Iterator[Batch]:
    batch, size, first = [], 0, 1
    for number, line in enumerate(lines, start=1):
        batch.append(line)
        size += len(line)
        if size >= BATCH_BYTES:
            yield Batch(first, batch)
            batch, size, first = [], 0, number + 1
    if batch:
        yield Batch(first, batch)


def _annotate_batch(batch: Batch, settings: Settings) -> list[tuple[int, str, bool]]:
    """A worker's part: its lines annotated and written as JSON (a line of text is cheaper to send back
    than the document it encodes)."""
    return [(number, json.dumps(result, ensure_ascii=False), True) if isinstance(result, dict)
            else (number, result, False)
            for number, result in annotate_stream(batch.lines, settings.lexicon, settings.scope, batch.first_line)]
