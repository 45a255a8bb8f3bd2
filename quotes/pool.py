"""A task over units of work in a pool of worker processes, the answers in the order of the work.

Extraction (:mod:`quotes.pipeline`: partitions of the corpus) and annotation (:mod:`quotes.annotate`:
batches of JSON lines) both hand work to processes this way, so that N workers give the same
output as one.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from quotes.memory import map_large_blocks, release_freed_memory

Work = TypeVar("Work")
Context = TypeVar("Context")
Answer = TypeVar("Answer")

_WORKER_CONTEXT: object = None
PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h): a signal for this process when its parent dies


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_in_order(work: Iterable[Work], context: Context, workers: int,
                 task: Callable[[Work, Context], Answer]) -> Iterator[tuple[Work, Answer]]:
    """``task(unit, context)`` for every unit of ``work``, in a pool of ``workers`` processes; answers
    come in the order of the work.

    ``context`` (a lexicon and settings) goes to each worker once, when the pool starts. At most two
    units per worker are in flight, so a fast reader never queues all the work in memory. With one
    worker, or one unit, everything runs in this process.
    """
    work = iter(work)
    head = list(itertools.islice(work, 2))
    if workers <= 1 or len(head) < 2:
        for unit in itertools.chain(head, work):
            yield unit, task(unit, context)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(context, os.getpid())) as pool:
        window: deque[tuple[Work, Future]] = deque()
        try:
            for unit in itertools.chain(head, work):
                window.append((unit, pool.submit(_run_in_worker, task, unit)))
                if len(window) >= 2 * workers:
                    done, future = window.popleft()
                    yield done, future.result()
            while window:
                done, future = window.popleft()
                yield done, future.result()
        except BaseException:  # interrupted, or the writer failed: stop the workers now, not after their work
            pool.shutdown(wait=False, cancel_futures=True)
            for child in multiprocessing.active_children():
                child.terminate()
            raise


def _start_worker(context: object, run_pid: int) -> None:
    """Keep the context (lexicon, known articles) once per worker process, not once per unit of work.

    A worker also dies with the run that started it: a run that is killed (SIGKILL, or a crash,
    which skip Python's clean-up) would otherwise leave its workers waiting for work for ever,
    holding the run's stdout and stderr open. Ctrl-C and SIGTERM are the run's to handle: it
    stops its workers itself (see :func:`run_in_order`).
    """
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context
    map_large_blocks()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle: it stops the workers itself
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the run's own handler, inherited when forked
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != run_pid:  # the run died before the line above could take effect
        os._exit(1)


def _run_in_worker(task: Callable[[Work, object], Answer], unit: Work) -> Answer:
    try:
        return task(unit, _WORKER_CONTEXT)
    finally:
        release_freed_memory()
