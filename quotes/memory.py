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


def map_large_blocks() -> None:
    """Have every block of ``LARGE_BLOCK`` bytes or more mapped on its own, so freeing it hands it back.

    glibc does so from 128 KB, but raises that threshold to the size of each such block freed (up
    to 32 MB): after the first large array is freed, the next ones come from the heap and stay
    resident once freed, and the variants pass's arrays, built and freed one after another, add
    up (22 MB more at its peak on 650,418 quotes). A fixed threshold keeps the first behaviour;
    the engine's time does not change (measured in docs/performance.md).
    """
    if _LIBC is not None:
        _LIBC.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)


M_MMAP_THRESHOLD = -3  # mallopt's parameter (malloc.h)
LARGE_BLOCK = 256 * 1024


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim, libc.mallopt  # noqa: B018  (musl has no malloc_trim: then nothing is done)
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _glibc()
