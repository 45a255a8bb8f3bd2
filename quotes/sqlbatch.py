"""Batches for SQL written by hand: lists of ids short enough for one ``in (...)``, and their placeholders."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int = 500) -> Iterator[list[T]]:
    """Lists of at most ``size`` of ``items``, in order, read as they are needed (a generator is never
    held whole): small enough for one SQL ``in (...)`` list, or one batch of rows."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def marks(items) -> str:
    """The ``?, ?, ...`` placeholders of ``items``."""
    return ", ".join("?" * len(items))
