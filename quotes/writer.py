"""The single SQLite writer of a run: stores results in the order it is given them, in batches.

SQLite has one writer, so workers (processes, Dask workers, shards) only build rows and this
stores them. Each batch of articles, with the errors met among them, is one transaction.
"""

from __future__ import annotations

from quotes.pipeline import Failed, Result, Unchanged
from quotes.readers import ReadError
from quotes.store import RunCounts, Store, StoredArticle

BATCH_ARTICLES = 500
BATCH_QUOTES = 5000


class Writer:
    """Counts every result of a run and writes them to the store in batches."""

    def __init__(self, store: Store, run_id: int, batch_size: int = BATCH_ARTICLES):
        self.store = store
        self.run_id = run_id
        self.batch_size = batch_size
        self.counts = RunCounts()
        self.articles: list[StoredArticle] = []
        self.errors: list[tuple[str, str]] = []
        self.quotes = 0

    def add(self, result: Result) -> None:
        if isinstance(result, ReadError):
            self.counts.errors += 1
            self.errors.append((result.source, result.reason))
            return
        self.counts.articles_read += 1
        if isinstance(result, Unchanged):
            self.counts.articles_unchanged += 1
        elif isinstance(result, Failed):
            self.counts.errors += 1
            self.errors.append((result.source, result.reason))
        else:
            self.articles.append(result)
            self.quotes += len(result.quotes)
            if len(self.articles) >= self.batch_size or self.quotes >= BATCH_QUOTES:
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

    def finish(self) -> None:
        """Write what is left and recompute the speakers the run touched."""
        self.flush()
        self.store.refresh_pending()
