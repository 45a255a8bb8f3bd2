"""NLTK's Punkt sentence tokenizer, with parameters for news text, run on the standard ``re`` engine.

The parameters (Kiss & Strunk 2006) ship in ``quotes/data/punkt`` in the punkt_tab format. They
are built from files, never from ``nltk.data``, so nothing is ever downloaded.

Since nltk 3.10.3 every Punkt pattern runs on the third-party ``regex`` engine under a timeout
wrapper (``nltk/redos.py``), which makes sentence splitting 2.1 times slower. Our patterns are
nltk's own, fixed and known to be linear, so they run here on the standard ``re`` engine, written
so that they match exactly what ``regex`` matches (``tests/test_sentences.py`` compares the spans).

Only :mod:`quotes.sentences` imports this module, when it first splits a sentence, so a process
that never splits one (the writer of a run with workers, ``quotes serve``) holds no nltk; and it
imports the dozen nltk modules Punkt needs, not the whole of nltk (:func:`nltk_modules`).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from types import ModuleType

import regex

from quotes.sentences import Range


def nltk_modules(*names: str) -> list[ModuleType]:
    """nltk's modules of these names, imported without running the ``nltk`` package's ``__init__``.

    That ``__init__`` imports nearly all of nltk (some 450 modules, numpy among them: 0.24 s and
    about 40 MB a process) for the dozen modules Punkt needs (0.07 s, 14 MB), and every worker of
    a run pays it. So the packages ``nltk`` and ``nltk.tokenize`` stand in the module table,
    created from their specs but never run, while these modules are imported; then every nltk
    module this imported is taken out of the table again, so that an ``import nltk`` after this
    (by a user's own code) is nltk's usual, whole import. Where nltk is imported already, its
    modules are used as they are. (Another thread that imported nltk in those 70 ms would get the
    package that has not run: holding the global import lock instead could deadlock with a thread
    importing anything else, and this runs once, when a process first splits a sentence.)
    """
    if "nltk" in sys.modules:
        return [importlib.import_module(name) for name in names]
    before = set(sys.modules)
    try:
        for package in ("nltk", "nltk.tokenize"):
            spec = importlib.util.find_spec(package)
            if spec is None:
                raise ModuleNotFoundError(f"No module named {package!r}", name=package)
            sys.modules[package] = importlib.util.module_from_spec(spec)
        return [importlib.import_module(name) for name in names]
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


_punkt, _tabdata = nltk_modules("nltk.tokenize.punkt", "nltk.tabdata")
PunktLanguageVars, PunktParameters = _punkt.PunktLanguageVars, _punkt.PunktParameters
PunktSentenceTokenizer, PunktToken = _punkt.PunktSentenceTokenizer, _punkt.PunktToken
PunktDecoder = _tabdata.PunktDecoder


def load_punkt_parameters() -> PunktParameters:
    """Punkt parameters from the punkt_tab files in the package (abbreviations, sentence starters)."""
    decoder = PunktDecoder()
    folder = resources.files("quotes").joinpath("data/punkt")
    params = PunktParameters()

    def lines(name: str) -> list[str]:
        return [line for line in folder.joinpath(name).read_text(encoding="utf-8").split("\n") if line]

    params.abbrev_types = set(lines("abbrev_types.txt"))
    params.sent_starters = set(lines("sent_starters.txt"))
    params.collocations = {decoder.tab2tup(line) for line in lines("collocations.tab")}
    params.ortho_context.update({k: int(v) for k, v in map(decoder.tab2tup, lines("ortho_context.tab"))})
    return params


# ``regex`` leaves out of ``\s`` four ASCII separators that ``re`` puts in it: written so, the
# two engines agree on every code point (a test checks all of them).
REGEX_SPACE, REGEX_NON_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"
REGEX_FLAGS = ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII")


def on_re(pattern) -> re.Pattern:
    r"""nltk's compiled ``regex`` pattern (bare or in ``redos``'s wrapper) as an equivalent ``re`` pattern.

    ``\s`` and ``\S`` are rewritten to mean what they mean to ``regex``; a pattern with another
    class that depends on the engine's Unicode tables (``\w``, ``\d``, ``\b``) is refused, since
    the two engines' tables differ (combining marks are word characters only to ``regex``).
    """
    source = pattern.pattern
    out: list[str] = []
    i, class_start = 0, -1  # where the character class being read began, or -1
    while i < len(source):
        char = source[i]
        if char == "\\":
            escape = source[i:i + 2]
            if escape[1:] in ("s", "S") and class_start < 0:
                out.append(REGEX_SPACE if escape == "\\s" else REGEX_NON_SPACE)
            elif escape[1:] in ("s", "S", "w", "W", "d", "D", "b", "B"):
                raise ValueError(f"{escape} in {source!r} has no exact equivalent on re")
            else:
                out.append(escape)
            i += 2
            continue
        if char == "[" and class_start < 0:
            class_start = i
        elif char == "]" and class_start >= 0 and source[class_start + 1:i] not in ("", "^"):
            class_start = -1  # a "]" first in the class is a literal
        out.append(char)
        i += 1
    flags = sum(getattr(re, name) for name in REGEX_FLAGS if pattern.flags & getattr(regex, name))
    return re.compile("".join(out), flags)


class NewsLanguageVars(PunktLanguageVars):
    """Punkt's English language variables, matched by ``re`` (same patterns, same matches)."""

    __slots__ = ()

    def __init__(self):
        stock = PunktLanguageVars()
        self._re_word_tokenizer = on_re(stock._word_tokenizer_re())
        self._re_period_context = on_re(stock.period_context_re())

    re_boundary_realignment = on_re(PunktLanguageVars.re_boundary_realignment)


def ascii_twin(pattern) -> re.Pattern:
    r"""nltk's pattern on ``re``, for tokens in ASCII, where the two engines agree on ``\w`` and ``\d``."""
    return re.compile(pattern.pattern)


def untimed(pattern) -> regex.Pattern:
    """nltk's pattern on ``regex`` without ``redos``'s timeout wrapper: the same engine and pattern, so
    the same matches. The wrapper's timeout costs 2 µs a call and, inside a long run, stalls of a
    few milliseconds now and then (measured: 258 calls took 69 ms over PolNeAR train); these
    patterns are nltk's own and linear, and are only ever given one token."""
    return regex.compile(pattern.pattern, pattern.flags)


NUMERIC_BEYOND_ASCII = untimed(PunktToken._RE_NUMERIC)


@lru_cache(maxsize=65536)
def _type_beyond_ascii(tok: str) -> str:
    """``PunktToken._get_type`` of a token beyond ASCII, on nltk's ``regex`` pattern, remembered:
    such tokens ("Trump’s", "“We") recur."""
    return NUMERIC_BEYOND_ASCII.sub("##number##", tok.lower())


class NewsToken(PunktToken):
    """Punkt's token, whose word-class tests run on ``re`` for ASCII tokens (nearly all of news).

    Other tokens keep nltk's ``regex`` tests, whose Unicode tables ``re`` does not share.
    """

    __slots__ = ()
    ELLIPSIS = ascii_twin(PunktToken._RE_ELLIPSIS)
    NUMERIC = ascii_twin(PunktToken._RE_NUMERIC)
    INITIAL = ascii_twin(PunktToken._RE_INITIAL)
    INITIAL_BEYOND_ASCII = untimed(PunktToken._RE_INITIAL)
    ALPHA = ascii_twin(PunktToken._RE_ALPHA)
    NON_PUNCT = re.compile(r"[^\W\d]")  # nltk.tokenize.punkt._re_non_punct

    def _get_type(self, tok):
        lowered = tok.lower()
        return self.NUMERIC.sub("##number##", lowered) if lowered.isascii() else _type_beyond_ascii(tok)

    @property
    def is_ellipsis(self):
        return self.ELLIPSIS.match(self.tok)  # no class in it: the same on both engines

    @property
    def is_initial(self):
        return (self.INITIAL if self.tok.isascii() else self.INITIAL_BEYOND_ASCII).match(self.tok)

    @property
    def is_alpha(self):
        return self.ALPHA.match(self.tok) if self.tok.isascii() else super().is_alpha

    @property
    def is_non_punct(self):
        return self.NON_PUNCT.search(self.type) if self.type.isascii() else super().is_non_punct


REMEMBERED_CONTEXTS = 32768  # full: about 6 MB a process
MAX_REMEMBERED_CONTEXT = 100  # characters: a word, its full stop and the next word


class NewsTokenizer(PunktSentenceTokenizer):
    """Punkt's sentence tokenizer, which remembers its decision for each context it reads.

    Punkt decides whether a potential end ("said. The") breaks a sentence from that short context
    alone, with parameters that never change after loading; news repeats its contexts, so each
    distinct one is annotated once (for speed: annotating builds a token object per word).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._decided = lru_cache(maxsize=REMEMBERED_CONTEXTS)(super().text_contains_sentbreak)

    def text_contains_sentbreak(self, text: str) -> bool:
        if len(text) > MAX_REMEMBERED_CONTEXT:  # a hostile run of text without spaces is not kept
            return super().text_contains_sentbreak(text)
        return self._decided(text)

    def span_tokenize(self, text: str, realign_boundaries: bool = True) -> Iterator[Range]:
        """nltk's ``span_tokenize`` (3.9 to 3.10: ``_match_potential_end_contexts``,
        ``_slices_from_text`` and ``_realign_boundaries``) in one pass over plain lists, without its
        three generators and a ``slice`` per sentence (for speed; ``tests/test_sentences.py``
        compares the spans with nltk's own on news and on random text)."""
        breaks: list[Range] = []
        last_break = 0
        previous: re.Match[str] | None = None
        previous_start = previous_stop = 0  # the word before the previous potential end
        for match in self._lang_vars.period_context_re().finditer(text):
            word_start = self._get_last_whitespace_index(text[previous_stop:match.start()])
            word_start = word_start + previous_stop + 1 if word_start else previous_start
            if previous is not None and previous_stop <= word_start:
                last_break = self._break(text, previous, previous_start, previous_stop, breaks, last_break)
            previous, previous_start, previous_stop = match, word_start, match.start()
        if previous is not None:
            last_break = self._break(text, previous, previous_start, previous_stop, breaks, last_break)
        breaks.append((last_break, len(text.rstrip())))
        return iter(self._realigned(text, breaks) if realign_boundaries else breaks)

    def _break(self, text: str, match: re.Match[str], word_start: int, word_end: int, breaks: list[Range],
               last_break: int) -> int:
        """Adds the sentence that ends at ``match`` when it breaks one; the start of the next."""
        if not self.text_contains_sentbreak(text[word_start:word_end] + match.group() + match.group("after_tok")):
            return last_break
        breaks.append((last_break, match.end()))
        return match.start("next_tok") if match.group("next_tok") else match.end()

    def _realigned(self, text: str, slices: list[Range]) -> list[Range]:
        """Closing punctuation after a break moved into the sentence it closes ("(Sent1.) Sent2.")."""
        out: list[Range] = []
        realign = 0
        boundary = self._lang_vars.re_boundary_realignment
        for i, (start, stop) in enumerate(slices):
            start += realign
            if i + 1 == len(slices):
                if text[start:stop]:
                    out.append((start, stop))
                continue
            next_start, next_stop = slices[i + 1]
            m = boundary.match(text[next_start:next_stop])
            if m:
                out.append((start, next_start + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[start:stop]:
                    out.append((start, stop))
        return out


@cache
def tokenizer() -> PunktSentenceTokenizer:
    """The news sentence tokenizer, built once per process."""
    return NewsTokenizer(load_punkt_parameters(), lang_vars=NewsLanguageVars(), token_cls=NewsToken)


@cache
def stock_tokenizer() -> PunktSentenceTokenizer:
    """The same tokenizer as nltk ships it, on ``regex``: the reference for tests and benchmarks."""
    return PunktSentenceTokenizer(load_punkt_parameters())
