"""How an article's quotes are drawn over its text: cut points, and one colour per speaker."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from itertools import pairwise

from markupsafe import Markup, escape

# Pairs of (highlight, ink): a light background for the quote and a dark tone of the same hue
# for the speaker label and underlines, readable as black-on-colour and white-on-ink.
PALETTE = [
    ("#ffe08a", "#7a5600"), ("#b9e4ff", "#0b5c8a"), ("#c8f0c0", "#2e6b23"), ("#ffc9d6", "#9c2545"),
    ("#dcd0ff", "#4f3a9c"), ("#ffd2b3", "#9a4a12"), ("#bff0ea", "#16695f"), ("#eadbb8", "#6b5325"),
]
UNATTRIBUTED = ("#e4e4e4", "#555555")


def speaker_key(quote: dict) -> str | None:
    return quote.get("speaker_id") or quote.get("speaker_name")


def speaker_colours(quotes: list[dict]) -> dict[str, tuple[str, str]]:
    """A colour per speaker, in order of first quote, so the same speaker looks the same all along."""
    colours: dict[str, tuple[str, str]] = {}
    for quote in quotes:
        key = speaker_key(quote)
        if key and key not in colours:
            colours[key] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def colour_of(quote: dict, colours: dict[str, tuple[str, str]]) -> tuple[str, str]:
    key = speaker_key(quote)
    return colours.get(key, UNATTRIBUTED) if key else UNATTRIBUTED


def segments(text: str, quotes: list[dict]) -> list[dict]:
    """Cut the text at every quote, speaker-mention and cue boundary, in one sweep (linear in the marks).

    Each piece says which quote is innermost over it (the latest to start), which quotes start or
    end there, which speaker mention covers it and whether it is a cue, so nested or overlapping
    spans still render as valid HTML. Offsets outside the text are clamped to it.
    """
    size = len(text)
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    for number, quote in enumerate(quotes, 1):
        for kind, start_key, end_key in (("quote", "start", "end"), ("speaker", "speaker_start", "speaker_end"),
                                         ("cue", "cue_start", "cue_end")):
            start, end = quote.get(start_key), quote.get(end_key)
            if start is None or end is None:
                continue
            start, end = min(max(start, 0), size), min(max(end, 0), size)
            mark = (kind, number, quote, end)
            starts.setdefault(start, []).append(mark)
            ends.setdefault(end, []).append(mark)
    cuts = sorted({0, size} | starts.keys() | ends.keys())
    active = {"quote": {}, "speaker": {}, "cue": {}}
    quote_heap: list[int] = []  # -number of every open quote, with ended ones removed lazily
    speaker_heap: list[int] = []
    pieces = []
    for start, end in pairwise(cuts):
        for kind, number, _, _ in ends.get(start, []):
            active[kind].pop(number, None)
        for kind, number, quote, mark_end in starts.get(start, []):
            if start < mark_end:
                active[kind][number] = quote
                if kind == "quote":
                    heapq.heappush(quote_heap, -number)
                elif kind == "speaker":
                    heapq.heappush(speaker_heap, number)
        while quote_heap and -quote_heap[0] not in active["quote"]:
            heapq.heappop(quote_heap)
        while speaker_heap and speaker_heap[0] not in active["speaker"]:
            heapq.heappop(speaker_heap)
        pieces.append({
            "text": text[start:end],
            "quote": active["quote"][-quote_heap[0]] if quote_heap else None,
            "starts": [(n, q) for kind, n, q, _ in starts.get(start, []) if kind == "quote"],
            "ends": [(n, q) for kind, n, q, _ in ends.get(end, []) if kind == "quote"],
            "speaker": active["speaker"][speaker_heap[0]] if speaker_heap else None,
            "cue": bool(active["cue"]),
        })
    return pieces


def article_html(text: str, quotes: list[dict], speaker_url: Callable[[str], str],
                 type_names: dict[str, str]) -> Markup:
    """The article text with its quotes highlighted, speakers underlined, cues marked and a label after
    each quote. Built in Python rather than in a template, so it can run in a worker thread: every
    piece of text is escaped here."""
    out: list[str] = []
    for piece in segments(text, quotes):
        for _, quote in piece["starts"]:
            out.append(f'<a class="quote-anchor" id="q-{escape(quote["id"])}" style="--ink: {quote["ink"]}"></a>')
        q = piece["quote"]
        if q:
            who = q["speaker_name"] or q["speaker_as_written"] or "unattributed"
            out.append(f'<mark class="quote quote-{escape(q["type"])}" data-quote="{q["number"]}" '
                       f'style="--bg: {q["bg"]}; --ink: {q["ink"]}" '
                       f'title="{q["number"]} · {escape(type_names.get(q["type"], q["type"]))} · {escape(who)}">')
        if piece["speaker"]:
            out.append(f'<span class="speaker-mention" style="--ink: {piece["speaker"]["ink"]}">')
        out.append(f'<span class="cue">{escape(piece["text"])}</span>' if piece["cue"] else str(escape(piece["text"])))
        if piece["speaker"]:
            out.append("</span>")
        if q:
            out.append("</mark>")
        for number, quote in piece["ends"]:
            out.append(label_html(number, quote, speaker_url, type_names))
    return Markup("".join(out))


def label_html(number: int, quote: dict, speaker_url: Callable[[str], str], type_names: dict[str, str]) -> str:
    """The label after a quote: its number and speaker, with role and organisation on the speaker's first."""
    name = quote["speaker_name"] or quote["speaker_as_written"]
    who = (f'<a href="{escape(speaker_url(quote["speaker_id"]))}">{escape(name)}</a>' if quote["speaker_id"]
           else str(escape(name or "unattributed")))
    role = ""
    if quote.get("first_label") and (quote["speaker_role"] or quote["speaker_org"]):
        details = ", ".join(v for v in (quote["speaker_role"], quote["speaker_org"]) if v)
        role = f'<span class="label-role"> · {escape(details)}</span>'
    return (f'<span class="speaker-label" style="--ink: {quote["ink"]}" '
            f'title="{escape(type_names.get(quote["type"], quote["type"]))} {number}">{number} · {who}{role}</span>')
