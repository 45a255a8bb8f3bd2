"""Paragraphs and sentences, as character offsets into the original text.

Sentences come from NLTK's Punkt (Kiss & Strunk 2006) with parameters for news text, in
:mod:`quotes.punkt`, imported when the first sentence is split.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

Range = tuple[int, int]

# The same breaks as ``\r\n|[\n\r\u2029]``, each alternative opening with its character so that
# ``re`` jumps from one break character to the next (2x faster).
LINE_BREAK = re.compile(r"\r\n?|\n|\u2029")
CLOSING_AFTER_MARK = re.compile(r"[?!][\"'”’»)]*\s*$")


def tokenizer() -> PunktSentenceTokenizer:
    """The news sentence tokenizer of :mod:`quotes.punkt`, imported on first use (see there why)."""
    from quotes.punkt import tokenizer as news_tokenizer

    return news_tokenizer()


# A line that ends mid-sentence (a word, a comma or a dash) and a next line that goes on in lower
# case: one sentence wrapped by a fixed line width or a <br>, not two paragraphs. (Only the last
# few characters of the line are read.)
WRAPPED = re.compile(r"[\w,–—-][ \t\u00a0]{0,4}$")
GOES_ON = re.compile(r"[ \t\u00a0]*[a-z]")


def paragraphs(text: str) -> list[Range]:
    """Non-empty paragraphs: every line break ends one, blank lines or not, except a single line
    break inside a wrapped sentence ("… personally\nin the caucuses")."""
    out: list[Range] = []
    start = 0
    for m in LINE_BREAK.finditer(text):
        if m.group() != "\u2029" and WRAPPED.search(text, max(start, m.start() - 5), m.start()) \
                and GOES_ON.match(text, m.end()):
            continue
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
FINAL_MARKS = ".?!…"
CLOSERS = "\"”’')]"


def trailing_end(chunk: str) -> int:
    r"""Where the punctuation that ends ``chunk`` starts: final marks, then closing quotes and
    brackets (``?”)``). It is ``re.compile(r"[.?!…]*[\"”’')\]]*$").search(chunk).start()``, ``$``
    matching before a final newline too, found with ``rstrip`` because that search tried every
    position of the paragraph (for speed)."""
    body = chunk[:-1] if chunk.endswith("\n") else chunk
    return len(body.rstrip(CLOSERS).rstrip(FINAL_MARKS))


def sentences(text: str, start: int, end: int) -> list[Range]:
    """Sentences of ``text[start:end]`` (one paragraph), as absolute offsets.

    A split after ``?``, ``!`` or ``?"`` followed by a lower-case word is undone: in
    ``"Are you serious?" she asked.`` the attribution belongs to the quote's sentence, and in
    "the Hey Harbour! tour was cancelled" the title does. So is one
    after dotted initials that Punkt does not know ("she chaired the H.W.U.-P.F.L. and
    then the board", "the ferry's H.P.A. records show").
    """
    chunk = text[start:end]
    if not SENTENCE_END.search(chunk, 0, trailing_end(chunk)):
        return [(start, end)]  # no full stop, question or exclamation mark before the end: one sentence
    spans = [(start + s, start + e) for s, e in tokenizer().span_tokenize(chunk)]
    if QUOTATION_OPENERS.search(chunk):  # INITIALS_BEFORE_QUOTATION needs one (most paragraphs have none)
        spans = [piece for s, e in spans for piece in _split_before_quotation(text, s, e)]
    merged: list[Range] = []
    for s, e in spans:
        if merged and ((CLOSING_AFTER_MARK.search(text[merged[-1][0]:merged[-1][1]])
                        or DOTTED_END.search(text, max(merged[-1][0], merged[-1][1] - 20), merged[-1][1]))
                       and text[s].islower() or _initials_of_a_name(text, merged[-1][1], s)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


# "… the Number 1 car in the U.S. “Forget about Ford,” he said.": Punkt reads "U.S." as an
# abbreviation and goes on; a quotation that opens with a capital after it starts a sentence.
INITIALS_BEFORE_QUOTATION = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})[ \t\u00a0]+(?=[“\"«][A-Z])")
QUOTATION_OPENERS = re.compile(r"[“\"«]")


def _split_before_quotation(text: str, start: int, end: int) -> list[Range]:
    pieces, previous = [], start
    for m in INITIALS_BEFORE_QUOTATION.finditer(text, start, end):
        pieces.append((previous, m.end(1)))
        previous = m.end()
    pieces.append((previous, end))
    return pieces


DOTTED_END = re.compile(r"\w\.[\w-]+\.$")  # "U.S.", "H.W.U.-P.F.L.", "Ph.D.": a stop inside the word too
INITIALS_END = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})$")
NEXT_WORD = re.compile(r"[A-Z][\w’'-]*")


def _initials_of_a_name(text: str, end: int, next_start: int) -> bool:
    """Whether Punkt cut a name after its initials ("Rep. G.K. | Butterfield", "J.R.R. | Tolkien"): the
    initials are no known abbreviation ("U.S.") nor a place after a comma ("Washington, D.C."), and
    the next word is capitalised and starts no sentence."""
    initials = INITIALS_END.search(text, max(0, end - 9), end)
    word = NEXT_WORD.match(text, next_start)
    if initials is None or word is None or text[max(0, initials.start() - 2):initials.start()] == ", ":
        return False
    params = tokenizer()._params
    return initials.group(1).lower()[:-1] not in params.abbrev_types \
        and word.group().lower() not in params.sent_starters
