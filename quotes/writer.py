"""The single SQLite writer of a run: stores results in the order it is given them, in batches.

SQLite has one writer, so workers (processes, Dask workers, shards) only build rows and this
stores them. Each batch of articles, with the errors met among them, is one transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from quotes.memory import map_large_blocks, release_freed_memory
from quotes.pipeline import Failed, Result, Unchanged
from quotes.readers import ReadError
from quotes.store import RunCounts, Store, StoredArticle

BATCH_ARTICLES = 500
BATCH_QUOTES = 5000
RUN_CACHE_KIB = 16 * 1024  # SQLite's page cache during a run (2 MB by default), so a batch's pages are not spilled


class Writer:
    """Counts every result of a run and writes them to the store in batches."""

    def __init__(self, store: Store, run_id: int, batch_size: int = BATCH_ARTICLES,
                 on_error: Callable[[ReadError], None] | None = None):
        self.store = store
        self.on_error = on_error  # told of each problem as it arrives; it is stored with its batch
        self.run_id = run_id
        self.batch_size = batch_size
        self.counts = RunCounts()
        self.articles: list[StoredArticle] = []
        self.errors: list[tuple[str, str]] = []
        self.quotes = 0
        self.seconds = 0.0  # the run's duration, set when `recording` ends

    def add(self, result: Result) -> None:
        if isinstance(result, ReadError):
            self.problem(result)
            return
        self.counts.articles_read += 1
        if isinstance(result, Unchanged):
            self.counts.articles_unchanged += 1
        elif isinstance(result, Failed):
            self.problem(ReadError(result.source, result.reason))
        else:
            self.articles.append(result)
            self.quotes += len(result.quotes)
            if len(self.articles) >= self.batch_size or self.quotes >= BATCH_QUOTES:
                self.flush()

    def problem(self, error: ReadError) -> None:
        """An input skipped or repaired, or an article the extractor failed on: counted, told, kept for ``errors``."""
        self.counts.errors += 1
        self.errors.append((error.source, error.reason))
        if self.on_error:
            self.on_error(error)
        if len(self.errors) >= self.batch_size:  # a run of bad inputs is recorded as it goes, too
            self.flush()

    def flush(self) -> None:
        """Write the pending articles and errors in one transaction."""
        if not self.articles and not self.errors:
            return
        with self.store.db.atomic():
            self.counts.quotes_stored += self.store.write(self.articles, self.run_id)
            for source, reason in self.errors:
                self.store.record_error(self.run_id, source, reason)
        self.counts.articles_extracted += len(self.articles)
        self.articles, self.errors, self.quotes = [], [], 0

    @contextmanager
    def recording(self, started: float) -> Iterator[None]:
        """The run's lifecycle around the block that adds its results: when the block ends, write
        what is left and record the run "completed"; if it fails, record it "interrupted".
        ``self.seconds`` is the run's duration afterwards."""
        status = "interrupted"
        try:
            self.start()
            yield
            self.finish()
            status = "completed"
        finally:
            self.seconds = time.perf_counter() - started
            self.store.finish_run(self.run_id, self.counts, self.seconds, status)

    def start(self) -> None:
        """Build what a killed bulk load left unbuilt; put off the indexes if the database has no article.
        (And have this process hand large blocks back as it frees them: :func:`map_large_blocks`.)"""
        map_large_blocks()
        self.store.db.execute(f"pragma cache_size = -{RUN_CACHE_KIB}")
        self.store.build_deferred()
        self.store.defer_indexes()

    def finish(self) -> None:
        """Write what is left, build the indexes put off, and recompute the speakers the run touched
        (building them does that already)."""
        self.flush()
        release_freed_memory()  # the batches' memory, before the passes over the whole database
        if not self.store.build_deferred():
            self.store.refresh_pending()
