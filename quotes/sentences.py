"""Paragraphs and sentences, as character offsets into the original text.

Sentences come from NLTK's Punkt (Kiss & Strunk 2006) with parameters for news text shipped in
``quotes/data/punkt`` in the punkt_tab format. They are built from files, never from
``nltk.data``, so nothing is ever downloaded.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from nltk.tabdata import PunktDecoder
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

Range = tuple[int, int]

LINE_BREAK = re.compile(r"\r\n|[\n\r\u2029]")
CLOSING_AFTER_MARK = re.compile(r"[?!][\"'”’»]+\s*$")


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


@cache
def tokenizer() -> PunktSentenceTokenizer:
    """The news sentence tokenizer, built once per process."""
    return PunktSentenceTokenizer(load_punkt_parameters())


def paragraphs(text: str) -> list[Range]:
    """Non-empty paragraphs: every line break ends one, blank lines or not."""
    out: list[Range] = []
    start = 0
    for m in LINE_BREAK.finditer(text):
        if not text[start:m.start()].isspace() and start < m.start():
            out.append(strip_space(text, start, m.start()))
        start = m.end()
    if start < len(text) and not text[start:].isspace():
        out.append(strip_space(text, start, len(text)))
    return out


def strip_space(text: str, start: int, end: int) -> Range:
    """``start``/``end`` moved inward past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Punkt only breaks after one of these; a paragraph with none before its final punctuation is one
# sentence, and Punkt need not read it (about two paragraphs in five in news).
SENTENCE_END = re.compile(r"[.?!]")
TRAILING_END = re.compile(r"[.?!…]*[\"”’')\]]*$")


def sentences(text: str, start: int, end: int) -> list[Range]:
    """Sentences of ``text[start:end]`` (one paragraph), as absolute offsets.

    A split after ``?"`` or ``!"`` followed by a lower-case word is undone: in
    ``"Are you serious?" she asked.`` the attribution belongs to the quote's sentence.
    """
    chunk = text[start:end]
    if not SENTENCE_END.search(chunk, 0, TRAILING_END.search(chunk).start()):
        return [(start, end)]  # no full stop, question or exclamation mark before the end: one sentence
    spans = [(start + s, start + e) for s, e in tokenizer().span_tokenize(chunk)]
    merged: list[Range] = []
    for s, e in spans:
        if merged and CLOSING_AFTER_MARK.search(text[merged[-1][0]:merged[-1][1]]) and text[s].islower():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
