"""Memory a process has freed, handed back to the system."""

from __future__ import annotations

import ctypes
import sys


def release_freed_memory() -> None:
    """Give the memory freed since the last call back to the system, where the C library allows it.

    A partition's texts and results are large strings and lists that the C allocator keeps for
    reuse once freed, so a process's resident size stays at its highest point, and on news that
    never repeats the high points of unrelated work add up (measured in docs/performance.md).
    glibc's ``malloc_trim`` hands the free pages back; elsewhere this does nothing.
    """
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018  (musl has no malloc_trim: then nothing is released)
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _glibc()
