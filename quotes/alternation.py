"""A list of words as a regular-expression alternation that ``re`` tries faster and that matches
exactly as the plain one (``(?:w1|w2|…)``) does.

``re`` tries an alternation's branches one after the other at each place it tries it, so a list of
a hundred words costs a hundred attempts there. Here words that share a beginning share one branch
(a trie: ``(?:on(?:\\s+the\\s+other\\s+hand)??|in\\s+(?:fact|turn))``), so an attempt reads each
character once. No library builds such a pattern with ``re``'s order of preference kept, which
the rules rely on, so it is written here.

Where the plain alternation is used, ``re`` takes the first word, in the order written, that lets
the rest of the pattern match. The words that can match at one place are each a beginning of the
next (their characters are the same text), so they lie on one path of the trie; each word on the
path is tried before the longer words below it (``(?:…)??``) when it was written before all of
them, and after them (``(?:…)?``) when it was written after all of them. A list whose order is
neither somewhere, or whose words could match the same character in two branches (a capital and
a small letter under IGNORECASE, letters beyond ASCII), keeps the plain alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPACE = r"\s+"  # a space in a word of the lexicon matches any run of white space


class _Node:
    __slots__ = ("children", "word")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.word: int | None = None  # the order of the word that ends here, if one does


class _Unfactorable(Exception):
    """The list's order cannot be kept in a trie: the plain alternation is used."""


def plain_alternation(words: Iterable[str]) -> str:
    r"""``(?:w1|w2|…)`` in the order written, each word escaped and its spaces matching ``\s+``."""
    return "(?:" + "|".join(SPACE.join(map(re.escape, w.split())) for w in words) + ")"


def alternation(words: Iterable[str]) -> str:
    """The words as a factored alternation that matches as :func:`plain_alternation` does."""
    words = list(words)
    if not all(w.isascii() for w in words):
        return plain_alternation(words)
    root = _Node()
    for order, word in enumerate(words):
        node = root
        for part_number, part in enumerate(word.split()):
            for token in ([SPACE] if part_number else []) + [re.escape(c) for c in part]:
                node = node.children.setdefault(token, _Node())
        if node.word is None:  # a word written twice is tried once: the second try fails as the first did
            node.word = order
    try:
        return "(?:" + _pattern(root)[0] + ")"
    except _Unfactorable:
        return plain_alternation(words)


def _pattern(node: _Node) -> tuple[str, list[int]]:
    """The pattern of what may follow ``node``, and the orders of the words below it."""
    if len({token.lower() for token in node.children}) < len(node.children):
        raise _Unfactorable  # "A" and "a" under IGNORECASE: both branches could match
    branches, below = [], []
    for token, child in node.children.items():
        pattern, orders = _pattern(child)
        branches.append(token + pattern)
        below += orders
    if node.word is None:
        return (branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"), below
    if not branches:
        return "", [node.word]
    if all(order > node.word for order in below):
        return "(?:" + "|".join(branches) + ")??", [node.word, *below]  # this word first, then longer ones
    if all(order < node.word for order in below):
        return "(?:" + "|".join(branches) + ")?", [node.word, *below]  # longer words first
    raise _Unfactorable
