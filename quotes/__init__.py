"""quotes: find who said what in news text.

>>> from quotes import extract
>>> [q.speaker.name for q in extract('"We will appeal," said Jane Doe, a lawyer for the firm.')]
['Jane Doe']
"""

from quotes.extract import extract
from quotes.lexicon import Lexicon, load_lexicon
from quotes.model import Quote, Span, Speaker

__all__ = ["Lexicon", "Quote", "Span", "Speaker", "extract", "load_lexicon"]
