"""Reading with a limit: no input, however long or endless (``/dev/zero``, a pipe), is held whole.

Every reader takes what it needs through these: a whole input up to a size, or lines up to a
length. A longer line is passed over in small chunks, never kept, and an input with no line end
for many times the limit is not read further, so an endless stream ends too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, AnyStr

CHUNK = 1 << 16
GIVE_UP = 16  # an over-long line is passed over for up to this many times the limit, then the input is dropped


class LineTooLong(ValueError):
    """An input with no line end for many times the limit: it is not read further."""


@dataclass
class Overlong:
    """A line longer than the limit, passed over without being kept; ``nbytes`` is its length."""

    nbytes: int


def read_at_most(stream: IO[bytes], limit: int) -> bytes:
    """The input, or its first ``limit + 1`` bytes when it is longer (the extra byte tells so); all of it for 0."""
    if not limit:
        return stream.read()
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        part = stream.read(min(CHUNK, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def bounded_lines(stream: IO[AnyStr], limit: int) -> Iterator[AnyStr | Overlong]:
    """The lines of ``stream`` (bytes or text), each at most ``limit`` long without its line end.

    A longer line is read past in chunks and given as :class:`Overlong`; after ``GIVE_UP`` times
    the limit with no line end, :class:`LineTooLong` is raised. ``limit`` 0 reads lines of any length.
    """
    if not limit:
        yield from stream
        return
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line[-1:] in (b"\n", "\n"):
            yield line
            continue
        size = len(line)
        while line[-1:] not in (b"\n", "\n"):
            line = stream.readline(CHUNK)
            if not line:
                break
            size += len(line)
            if size > GIVE_UP * limit:
                raise LineTooLong(f"no line end in {size:,} bytes (a record can be {limit:,} at most); "
                                  "not read further")
        yield Overlong(size)


class _HeadThenRest(io.RawIOBase):
    """The bytes already read from a stream that cannot go back, then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self.head = memoryview(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = getattr(self.rest, "read1", self.rest.read)(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def rewound(head: bytes, rest: IO[bytes]) -> io.BufferedReader:
    """A stream that gives ``head`` again, then the rest: for stdin, whose start was read to sniff its format."""
    return io.BufferedReader(_HeadThenRest(head, rest), buffer_size=max(len(head), io.DEFAULT_BUFFER_SIZE))
