"""Which field of a record (a JSON key, a CSV column, a front-matter key) holds each piece of an article.

Every piece has documented default names, tried in order; ``--field outlet=publisher`` replaces
them with one name (``--field id=`` with none). A record's layout is decided once per set of keys,
so a file reads the same way from its first record to its last, and the layout is reported so
that a user sees which field became the outlet. Fields no piece uses are kept, in ``extra``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# The pieces of an article a record can give, with the names tried by default, in order.
DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "id": ("id", "doc_id", "article_id", "guid", "uuid"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate", "pub_date", "date_published",
             "date_publish", "datetime"),
    "outlet": ("outlet", "publisher", "publication", "site_name", "sitename", "media", "newspaper"),
    "author": ("author", "authors", "byline", "creator"),
}
PIECES = tuple(DEFAULT_NAMES)
SHOWN_EXTRA = 20  # field names listed in a mapping line; a file of thousands of columns says how many more


class FieldOptionError(ValueError):
    """A ``--field`` option that names no piece of an article, or is not ``PIECE=NAME``."""


@dataclass(frozen=True)
class Layout:
    """How one set of record keys maps onto an article: the key used for each piece, and the rest."""

    used: tuple[tuple[str, str], ...]  # (piece, key), in PIECES order
    not_found: tuple[str, ...]  # pieces asked for by --field whose name is not among the keys
    extra: tuple[str, ...]  # keys no piece uses, kept in the article's ``extra``

    def key(self, piece: str) -> str | None:
        return next((key for name, key in self.used if name == piece), None)

    def describe(self, explicit: Mapping[str, tuple[str, ...]]) -> str:
        """``text=body, id=guid, …; not found: outlet=publisher; kept in extra: section, tags``."""
        parts = [", ".join(f"{piece}={key}" for piece, key in self.used) or "no known field"]
        if self.not_found:
            parts.append("not found: " + ", ".join(f"{p}={'|'.join(explicit[p])}" for p in self.not_found))
        if self.extra:
            more = len(self.extra) - SHOWN_EXTRA
            parts.append("kept in extra: " + ", ".join(self.extra[:SHOWN_EXTRA]) + (f" and {more:,} more" if more > 0
                                                                                     else ""))
        return "; ".join(parts)


@dataclass
class FieldMap:
    """The names tried for each piece of an article; ``explicit`` holds those given with ``--field``."""

    names: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_NAMES))
    explicit: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _layouts: dict[tuple[str, ...], Layout] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def with_overrides(cls, **names: str | None) -> FieldMap:
        """The defaults, with each piece given here read from that one name only (``""``: from none)."""
        fields = cls()
        for piece, name in names.items():
            if name is not None:
                fields.set(piece, name)
        return fields

    @classmethod
    def from_options(cls, options: Iterable[str], **names: str | None) -> FieldMap:
        """The map for ``--field PIECE=NAME`` options (and the older ``--text-field NAME`` forms)."""
        fields = cls.with_overrides(**names)
        for option in options:
            piece, equals, name = option.partition("=")
            if not equals:
                raise FieldOptionError(f"'{option}' is not PIECE=NAME, such as outlet=publisher")
            fields.set(piece.strip(), name.strip())
        return fields

    def set(self, piece: str, name: str) -> None:
        if piece not in DEFAULT_NAMES:
            raise FieldOptionError(f"'{piece}' is not a piece of an article: use one of {', '.join(PIECES)}")
        self.names[piece] = self.explicit[piece] = (name,) if name else ()
        self._layouts.clear()

    def layout(self, keys: Iterable[str]) -> Layout:
        """The layout of records with these keys: an exact name first, else one differing only in
        case or surrounding spaces (``Text``, ``Headline `` from a spreadsheet)."""
        keys = tuple(keys)
        known = self._layouts.get(keys)
        if known is None:
            known = self._layouts[keys] = self._decide(keys)
        return known

    def _decide(self, keys: tuple[str, ...]) -> Layout:
        folded: dict[str, str] = {}
        for key in keys:
            folded.setdefault(key.strip().casefold(), key)
        used: list[tuple[str, str]] = []
        taken: set[str] = set()
        not_found: list[str] = []
        for piece in PIECES:
            candidates = (n if n in keys else folded.get(n.strip().casefold()) for n in self.names[piece])
            key = next((k for k in candidates if k is not None and k not in taken), None)
            if key is not None:
                used.append((piece, key))
                taken.add(key)
            elif piece in self.explicit and self.explicit[piece]:
                not_found.append(piece)
        return Layout(tuple(used), tuple(not_found), tuple(k for k in keys if k not in taken))

    def text_names(self) -> str:
        return ", ".join(self.names["text"]) or "(none)"


def value_text(value: object) -> str | None:
    """A field's value as text: a list of words joined (``["A", "B"]`` is ``A, B``), other lists and
    objects as JSON, empty as None."""
    if value is None:
        return None
    if isinstance(value, list) and not any(isinstance(v, list | dict) for v in value):
        value = ", ".join(str(v) for v in value if v is not None)
    elif isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)  # raises RecursionError when nested too deeply
    text = str(value)
    return text if text.strip() else None


def extra_fields(record: Mapping[str, object], layout: Layout) -> dict[str, object] | None:
    """The record's fields that no piece uses, without empty ones; None when there are none."""
    kept = {key: record[key] for key in layout.extra if record.get(key) not in (None, "", [], {})}
    return kept or None
