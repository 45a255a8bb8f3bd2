"""How an article's quotes are drawn over its text: cut points, and one colour per speaker."""

from __future__ import annotations

from itertools import pairwise

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
    """Cut the text at every quote, speaker-mention and cue boundary.

    Each piece says which quotes cover it, which quotes start or end there, and whether it is a
    speaker mention or cue, so nested or overlapping spans still render as valid HTML.
    """
    marks = []
    for number, quote in enumerate(quotes, 1):
        marks.append(("quote", quote["start"], quote["end"], number, quote))
        if quote["speaker_start"] is not None:
            marks.append(("speaker", quote["speaker_start"], quote["speaker_end"], number, quote))
        if quote["cue_start"] is not None:
            marks.append(("cue", quote["cue_start"], quote["cue_end"], number, quote))
    cuts = sorted({0, len(text)} | {m[1] for m in marks} | {m[2] for m in marks})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [m for m in marks if m[1] <= start and end <= m[2]]
        pieces.append({
            "text": text[start:end],
            "quotes": [m[4] for m in covering if m[0] == "quote"],
            "starts": [(m[3], m[4]) for m in marks if m[0] == "quote" and m[1] == start],
            "ends": [(m[3], m[4]) for m in marks if m[0] == "quote" and m[2] == end],
            "speaker": [m[4] for m in covering if m[0] == "speaker"],
            "cue": any(m[0] == "cue" for m in covering),
        })
    return pieces
