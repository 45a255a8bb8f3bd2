"""quotes: find who said what in news text.

>>> from quotes import extract
>>> [q.speaker.name for q in extract('"We will appeal," said Jane Doe, a lawyer for the firm.')]
['Jane Doe']

The names below are imported on first use (PEP 562), so that ``quotes --help`` and every
submodule import start without loading NLTK.
"""

from __future__ import annotations

import importlib
import sys
import types

_EXPORTS = {"extract": "quotes.extract", "Lexicon": "quotes.lexicon", "load_lexicon": "quotes.lexicon",
            "Quote": "quotes.model", "Span": "quotes.model", "Speaker": "quotes.model"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quotes' has no attribute {name!r}")


class _Package(types.ModuleType):
    """``quotes.extract`` stays the function when the submodule of the same name is imported."""

    def __setattr__(self, name: str, value) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return  # the submodule is still in sys.modules under its full name
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
