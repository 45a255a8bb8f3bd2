"""Bytes of unknown origin into text, or a clear reason why they are not text.

Scraped files arrive as UTF-8, UTF-8 with a few damaged bytes, UTF-16 with a byte-order mark,
Windows-1252 or another legacy encoding, and sometimes as an image or an archive with a text
name. Each case is told apart here so that a reader either gets honest text or a reason to skip.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
SIGNATURES = [  # magic numbers of the binary files most often met in a folder of articles
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive (or a .docx, .xlsx or .epub file)"),
    (b"PK\x05\x06", "ZIP archive"), (b"\x1f\x8b", "gzip-compressed file"), (b"BZh", "bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "xz-compressed file"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed file"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (OLE) document"),
    (b"OggS", "Ogg audio"), (b"ID3", "MP3 audio"), (b"\x00\x00\x01\x00", "icon image"),
]
SYMBOL_CATEGORIES = {"No", "Sc", "Sk", "Sm", "So"}  # other numbers and symbols: ¹ ² ³ £ ¥ ¨ ± © °
# One well-formed multi-byte UTF-8 character (no overlong forms, no surrogates).
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


class NotText(ValueError):
    """The bytes are not text in any encoding: a binary file, or noise."""


@dataclass
class Decoded:
    """Text from bytes, the encoding it was read as, and damage that was repaired, if any."""

    text: str
    encoding: str
    problem: str | None = None  # set when bytes had to be replaced: the caller should tell the user


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` is, or None when it may be text."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    riff = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
    return riff.get(data[8:12]) if data[:4] == b"RIFF" else None


def utf8_damage(data: bytes) -> tuple[str, str] | None:
    """``(text, description)`` when ``data`` is UTF-8 apart from a few bad bytes, else None."""
    repair = utf8_repair(data)
    if repair is None:
        return None
    text, replaced, first_bad = repair
    several_lines = b"\n" in data.rstrip(b"\r\n")  # a line number only where there are lines to count
    return text, damage_note(replaced, first_bad, data.count(b"\n", 0, first_bad) + 1 if several_lines else None)


def utf8_repair(data: bytes, known_utf8: bool = False) -> tuple[str, int, int] | None:
    """``(text, bad sequences replaced, byte of the first)`` when ``data`` is UTF-8 apart from a few bad bytes.

    None when it is valid UTF-8, or not UTF-8 at all. The test is whether there are at least
    half as many well-formed multi-byte UTF-8 characters (curly quotes, dashes, accents) as bad
    sequences: in legacy 8-bit text (Windows-1252, Latin-1) nearly every accented letter is a bad
    sequence and a well-formed one is a rare chance. ``known_utf8`` skips the test, for a line
    of a file already seen to be UTF-8.
    """
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if not known_utf8 and 2 * len(UTF8_MULTIBYTE.findall(data)) < replaced:
        return None
    return text, replaced, first_bad


def damage_note(replaced: int, first_bad: int, line: int | None) -> str:
    """The repair note for damaged UTF-8, for the user and the ``errors`` table."""
    where = f"the first at byte {first_bad}" + (f", line {line}" if line else "")
    return (f"invalid UTF-8: {replaced} bad byte sequence{'s' * (replaced != 1)} replaced by U+FFFD ({where}); "
            "the rest of the text was kept")


def repair_note(data: bytes) -> str | None:
    """What :func:`decode_bytes` will have to repair in ``data``, for telling the user; None if nothing."""
    if any(data.startswith(bom) for bom, _ in BOMS) or binary_kind(data):
        return None
    damage = utf8_damage(data)
    return damage[1] if damage else None


def wide_encoding(data: bytes) -> str | None:
    """"utf-16" or "utf-32" when ``data`` starts with their byte-order mark: text that cannot be cut at byte ``\\n``."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom) and encoding != "utf-8-sig"), None)


def binary_problem(head: bytes) -> str | None:
    """Why the first bytes of a file show it is not text, as :func:`decode_bytes` would say it; None if they may be.

    For files read as a stream, so that a binary file is one error rather than one per line.
    """
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    kind = binary_kind(head)
    if kind:
        return f"binary file, not text: {kind}"
    if b"\x00" in head:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head)  # a character cut at the end is fine
        except UnicodeDecodeError:
            return "binary file (it holds NUL bytes and is not UTF-8), not text"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: by its byte-order mark, else as UTF-8, else by detection.

    A file that is UTF-8 apart from a few bad bytes (a cut mid-character, a stray byte) keeps
    its text, with each bad sequence replaced by U+FFFD and the damage reported in ``problem``:
    guessing a legacy encoding for it would turn every curly quote into mojibake. A file with
    no valid multi-byte UTF-8 is legacy text, whose code page is chosen among those
    charset-normalizer finds plausible. Raises :class:`NotText` for binary files.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as error:
                raise NotText(f"invalid {encoding.removesuffix('-sig').upper()} after its byte-order mark: "
                              f"{error.reason} at byte {error.start}") from None
    kind = binary_kind(data)
    if kind:
        raise NotText(f"binary file, not text: {kind}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise NotText("binary file (it holds NUL bytes and is not UTF-8), not text")
    damage = utf8_damage(data)
    if damage:
        return Decoded(damage[0], "utf-8", damage[1])
    matches = list(from_bytes(data))
    if not matches:
        raise NotText("not text: no text encoding fits these bytes")
    # Among Latin code pages charset-normalizer's pick is close to a coin toss on an article's few
    # accented names (it read the "è" of Windows-1252 as the "č" of Windows-1257). So the reading
    # with the fewest symbols stuck to letters wins (Polish "tą" read as Windows-1252 is "t¹"),
    # and on a tie Windows-1252, the legacy encoding of English-language news, then its order.
    order = {id(match): rank for rank, match in enumerate(matches)}
    best = min(matches, key=lambda m: (symbols_in_words(str(m)), m.encoding != "cp1252", order[id(m)]))
    return Decoded(str(best), best.encoding)


def symbols_in_words(text: str) -> int:
    """How many non-ASCII symbols (¹ ³ £ ¥ ©, …) touch a letter: what a wrong code page makes of letters."""
    return sum(1 for i, char in enumerate(text)
               if ord(char) > 0x7F and unicodedata.category(char) in SYMBOL_CATEGORIES
               and ((i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())))


class LineDecoder:
    """Decodes a file a line at a time, for files read as a stream rather than decoded whole (CSV).

    The encoding is judged on the file's first bytes as :func:`decode_bytes` judges a whole file.
    A later line that is not valid in it is repaired as UTF-8 once the file has shown well-formed
    multi-byte UTF-8 (the damage is added up for one note, :meth:`problem`); before that, it is
    judged on its own like a whole file. Files with a UTF-16 or UTF-32 byte-order mark cannot be
    cut into lines as bytes: :attr:`wide` says so, and they are read through a text wrapper.
    """

    def __init__(self, head: bytes):
        wide = wide_encoding(head)
        whole_lines = head[:head.rfind(b"\n") + 1] or head  # a character cut at the end is not damage
        self.encoding = wide or decode_bytes(whole_lines).encoding  # raises NotText for a binary file
        self.wide = wide is not None
        self.utf8_seen = False  # a line decoded as UTF-8 held multi-byte characters
        self.position = self.line = self.replaced = 0
        self.first_bad: tuple[int, int] | None = None  # byte and line of the first repair

    def decode(self, line: bytes) -> str:
        start = self.position
        self.position += len(line)
        self.line += 1
        try:
            text = line.decode(self.encoding)
        except UnicodeDecodeError:
            pass
        else:
            self.utf8_seen = self.utf8_seen or (self.encoding.startswith("utf-8") and len(text) < len(line))
            return text
        repair = utf8_repair(line, known_utf8=self.utf8_seen)
        if repair is None:
            return decode_bytes(line).text
        text, replaced, first_bad = repair
        self.replaced += replaced
        if self.first_bad is None:
            self.first_bad = (start + first_bad, self.line)
        return text

    def problem(self) -> str | None:
        """What was repaired in the lines decoded so far, as :func:`repair_note` says it; None if nothing."""
        return damage_note(self.replaced, *self.first_bad) if self.first_bad else None
