"""Pair quotation marks into quoted spans, one paragraph at a time.

Marks are paired by family (double or single) and by context, never by counting: a stray or
unbalanced mark is dropped and the rest of the document is still read (textacy loses whole
documents on an odd count). Apostrophes (’s, don’t, ’90s, players’) are told apart from
closing single quotes. A paragraph that opens a quote and never closes it continues into the
next paragraph when that one reopens a quote (the multi-paragraph convention), or when that one
closes a quote it never opened (a reopening mark left out).

Typing slips are read as the writer meant them: doubled single marks (‘‘ ’’) and a closing mark
at the start of a quote (’We …’) open a quote; a stray opener or closer inside a quote that starts
a sentence does not cut it in two (“I told them “no way,” …; “The 6" pipe burst,” …).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# A mark, with the two-apostrophe and two-backtick forms used by some wires and corpora. Three
# apostrophes after a word close a nested quote and then the quote around it (``…by that?'''
# he said``): the first is read alone, so that the two after it close the double quote. (The mark
# comes before its lookbehind: an alternative that opens with one scans 2.6x slower. And the single
# marks are alternatives of their own, not a class: when every alternative opens with a character,
# ``re`` jumps from one mark to the next instead of trying the pattern at every position, 2.3x faster.)
MARK = re.compile(r"'(?<=[^\s']')(?='')|``|''|‘‘|’’|" + "|".join(re.escape(mark) for mark in "\"'“”‘’«»„‚‹›‟"))
OPENERS = {"“": "d", "„": "d", "«": "d", "``": "d", "‘‘": "d", "‘": "s", "‚": "s", "‹": "s", "‟": "d"}
CLOSERS = {"”": "d", "»": "d", "’": "s", "›": "s"}
EITHER = {'"': "d", "''": "d", "’’": "d", "'": "s"}
# Closing marks that open a quote when they start a paragraph or a sentence before a capital
# ("’We will appeal,’ she said"): an autocorrect slip, common in rewritten text.
MISTYPED_OPENERS = {"”", "’"}
SENTENCE_END = set(".?!:")
PUNCTUATION_BEFORE_CLOSE = set(",.?!…")
SPACE_BEFORE_OPEN = set(" \t\n\u00a0([{—–―-/:;,") | {""}
AFTER_CLOSE = set(" \t\n\u00a0)]}—–―-/:;,.?!…") | {""}


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of marks. ``start``/``end`` include the marks; ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended before a closing mark
    reopens: bool = False  # True when it continues a quote left open in the previous paragraph


def _is_apostrophe(text: str, pos: int, mark: str) -> bool:
    """’ or ' inside a word (don’t, Russia’s), before a decade (’90s) or after a plural (players’)."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + len(mark):pos + len(mark) + 1]
    # inside a word (don’t), or before a decade (’90s)
    return (before.isalnum() and after.isalnum()) or (after.isdigit() and not before.isalnum())


ELLIPSIS_THEN_WORD = re.compile(r"(?:\.\s?\.\s?\.|…)\s*\w")


def _role(text: str, pos: int, mark: str, start: int, end: int) -> str | None:
    """'open', 'close', or None for a mark that is not a quotation mark here."""
    before = text[pos - 1] if pos > start else ""
    after = text[pos + len(mark)] if pos + len(mark) < end else ""
    if mark in ("’", "'") and _is_apostrophe(text, pos, mark):
        return None
    if mark in MISTYPED_OPENERS and after.isupper() and _starts_sentence(text, pos, start):
        return "open"
    if mark in OPENERS:
        if after and not after.isspace():
            return "open"
        # „German“ and ‚German‘ close with a mark that opens in English
        return "close" if mark in "“‘" and before and not before.isspace() else None
    if mark in CLOSERS:
        return "close" if before and not before.isspace() else None
    # Straight marks: judged by the characters around them. After a space or at the start, before an
    # ellipsis and a word, one opens ('… he said. ". . . You are going to want …"').
    if (not before or before.isspace()) and ELLIPSIS_THEN_WORD.match(text, pos + len(mark), end):
        return "open"
    # A mark after a space that follows the close of a nested quote or a full stop closes
    # ("… 'a fair night rate,' " he said).
    if before.isspace() and pos - 2 >= start and text[pos - 2] in "'’.,?!" and (not after or after in AFTER_CLOSE):
        return "close"
    # Right after the punctuation that ends spoken words and right before a word, a space is missing
    # on one side: it closes a quote left open ("… every warning,"Mia Tran said) or opens one (said,"We …)
    if before in PUNCTUATION_BEFORE_CLOSE and after.isalnum():
        return "either"
    opens = (before in SPACE_BEFORE_OPEN or before in OPENERS or before in "([") and after and not after.isspace()
    closes = before and not before.isspace() and (after in AFTER_CLOSE or after in CLOSERS)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either" if opens and closes else None


def _starts_sentence(text: str, pos: int, start: int) -> bool:
    """Whether a mark at ``pos`` stands at the start of the paragraph or of a sentence."""
    return pos == start or pos - 2 >= start and text[pos - 1].isspace() and text[pos - 2] in SENTENCE_END


def _ends_speech(text: str, pos: int) -> bool:
    """Whether the closing mark at ``pos`` follows the punctuation that ends spoken words ("…,”")."""
    return text[pos - 1] in PUNCTUATION_BEFORE_CLOSE


def _family(mark: str) -> str:
    return OPENERS.get(mark) or CLOSERS.get(mark) or EITHER[mark]


# Quotations nest a few levels deep at most; a deeper stack is a run of stray marks, and bounding
# it keeps pairing linear on hostile text.
MAX_DEPTH = 8
# Which closing marks end a quote opened by each mark. Curly and straight double marks close
# each other, since scraped and re-typed text mixes them ("“…," he said. "…”").
CLOSES = {"“": "”“\"", "„": "“”", "«": "»", "‹": "›", "‘": "’", "‚": "‘’", "``": "''”\"", "‟": "”",
          '"': '"”', "''": "''”", "'": "'’", "‘‘": "’’”\"", "’’": "’’”\"", "”": "”\"", "’": "’'"}


def _pair(text: str, marks: list[tuple[int, str, str]], start: int, end: int,
          reopened: bool, continues: bool = False) -> list[QuotedSpan]:
    """Pair the marks of one family with a stack, so that « » may nest inside “ ”.

    Only outermost pairs become spans. A closing mark that matches nothing is dropped, unless it
    closes a quote left open by the previous paragraph (``continues``) or ends the words of a quote
    that a stray closer cut short. A second opener of the style already open nests when two closers
    follow it, and otherwise one of the two is a stray: the later one, when the first opens a
    sentence and the quote ends like speech (“I told them “no way,” …), else the first. A quote
    still open at the end of the paragraph runs to ``end``.
    """
    spans: list[QuotedSpan] = []
    stack: list[tuple[int, str]] = []
    for index, (pos, mark, role) in enumerate(marks):
        match = next((i for i in range(len(stack) - 1, -1, -1) if mark in CLOSES[stack[i][1]]), None)
        if role in ("close", "either") and match is not None:
            opened = stack[match]
            del stack[match:]
            if not stack:
                spans.append(QuotedSpan(opened[0], pos + len(mark), opened[0] + len(opened[1]), pos, True))
        elif role == "close" and not stack and continues and not spans:
            spans.append(QuotedSpan(start, pos + len(mark), start, pos, True, True))  # the reopening mark left out
        elif role == "close" and not stack and spans and _cut_short(text, spans[-1], pos, start):
            last = spans[-1]
            spans[-1] = QuotedSpan(last.start, pos + len(mark), last.inner_start, pos, True, last.reopens)
        elif role in ("open", "either"):
            if stack and stack[-1][1] == mark:
                nesting, closer = _closers_before_next_opener(marks, index, mark)
                if nesting >= 2 and len(stack) < MAX_DEPTH:
                    stack.append((pos, mark))
                elif not (nesting == 1 and _starts_sentence(text, stack[-1][0], start)
                          and _ends_speech(text, closer)):
                    stack[-1] = (pos, mark)
            elif len(stack) >= MAX_DEPTH:
                continue  # deeper than any real quotation nests: a run of stray marks
            elif stack or not spans or spans[-1].end <= pos:
                stack.append((pos, mark))
    if stack:
        opened = stack[0]
        spans.append(QuotedSpan(opened[0], end, opened[0] + len(opened[1]), end, False))
    if reopened and spans and spans[0].start == start:
        first = spans[0]
        spans[0] = QuotedSpan(first.start, first.end, first.inner_start, first.inner_end, first.closed, True)
    return spans


def _cut_short(text: str, last: QuotedSpan, pos: int, start: int) -> bool:
    """Whether a closer that matches nothing ends the quote before it, which a stray closer inside
    it cut short: the quote opens a sentence, its closer does not end speech and this one does
    (“The 6" pipe burst,” …)."""
    return (last.closed and last.start >= start and _starts_sentence(text, last.start, start)
            and not _ends_speech(text, last.inner_end) and _ends_speech(text, pos))


def _closers_before_next_opener(marks: list[tuple[int, str, str]], index: int, opener: str) -> tuple[int, int]:
    """How many closers of ``opener``'s style follow the mark at ``index`` before the next opener,
    and where the first of them is (-1 without one)."""
    count, first = 0, -1
    for i in range(index + 1, len(marks)):
        pos, mark, role = marks[i]
        if role == "open" or role == "either" and mark == opener:
            break
        if mark in CLOSES[opener]:
            count += 1
            first = pos if first < 0 else first
    return count, first


def quoted_spans(text: str, start: int, end: int, previous_open: bool = False) -> list[QuotedSpan]:
    """The quoted spans of the paragraph ``text[start:end]``, in order.

    Double-quoted spans come first in importance: single marks inside them are nested quotes
    and stay part of the content. Single-quoted spans outside any double span are quotes too
    (British style). ``previous_open`` says the previous paragraph ended inside a quote.
    """
    doubles: list[tuple[int, str, str]] = []
    singles: list[tuple[int, str, str]] = []
    for m in MARK.finditer(text, start, end):
        pos, mark = m.start(), m.group()
        role = _role(text, pos, mark, start, end)
        if role is not None:
            (doubles if _family(mark) == "d" else singles).append((pos, mark, role))
    if not doubles and not singles:
        return []  # most paragraphs: no quotation mark, or only apostrophes
    spans = _pair(text, doubles, start, end, previous_open, continues=previous_open)
    starts = [q.start for q in spans]  # outermost spans only: in order and apart, so one bisection finds the one
    outside = [s for s in singles if (i := bisect.bisect_right(starts, s[0]) - 1) < 0 or s[0] >= spans[i].end]
    single_spans = [s for s in _pair(text, outside, start, end, previous_open) if s.closed]
    return sorted(spans + single_spans, key=lambda s: s.start)
