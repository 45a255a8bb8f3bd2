"""Two quotes side by side, word by word: what one has that the other does not.

Words are compared folded (``canonical_quote``: case, punctuation and accents aside), so a comma
or a capital does not count as a change, and shown as written. difflib aligns them.
"""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

from quotes.canonical import canonical_quote


def word_diff(a: str, b: str, excerpt: bool = False) -> tuple[Markup, Markup]:
    """``a`` and ``b`` as HTML: words only ``a`` has in <del>, words only ``b`` has in <ins>. For an
    excerpt (``a`` inside ``b``), ``b``'s words that ``a`` quotes are in <mark> instead."""
    words_a, words_b = re.findall(r"\S+", a or ""), re.findall(r"\S+", b or "")
    matcher = difflib.SequenceMatcher(None, [canonical_quote(w) for w in words_a],
                                      [canonical_quote(w) for w in words_b], autojunk=False)
    out_a: list[str] = []
    out_b: list[str] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        left = " ".join(str(escape(w)) for w in words_a[a1:a2])
        right = " ".join(str(escape(w)) for w in words_b[b1:b2])
        if tag == "equal":
            out_a.append(left)
            out_b.append(f"<mark>{right}</mark>" if excerpt else right)
            continue
        if left:
            out_a.append(f"<del>{left}</del>")
        if right:
            out_b.append(right if excerpt else f"<ins>{right}</ins>")
    return Markup(" ".join(out_a)), Markup(" ".join(out_b))
