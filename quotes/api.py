"""The Python API behind ``quotes extract``: read articles, extract their quotes, store them."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import IO

from quotes.lexicon import load_lexicon
from quotes.model import Quote
from quotes.readers import Article, ReadError, ReadOptions, read_inputs
from quotes.store import RunCounts, Store, article_id, content_hash, default_db_path, open_db


@dataclass
class Summary:
    """What a run did: the figures every command prints at the end of its work."""

    db_path: str
    run_id: int
    articles: int
    extracted: int
    unchanged: int
    quotes: int
    speakers: int
    errors: int
    seconds: float

    def line(self) -> str:
        return (f"{self.articles} articles ({self.extracted} extracted, {self.unchanged} unchanged), "
                f"{self.quotes} quotes stored, {self.speakers} speakers in the database, "
                f"{self.errors} errors, {self.seconds:.1f}s → {self.db_path}")


def tool_version() -> str:
    try:
        return metadata.version("quotes")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def code_digest() -> str:
    """A hash of the package's Python source, so a changed extractor re-extracts unchanged articles."""
    digest = hashlib.sha256()
    for path in sorted(resources.files("quotes").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".py"):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def extract_corpus(inputs: Iterable[str], db_path: str | Path | None = None, *,
                   options: ReadOptions | None = None, lexicon_paths: Iterable[str] = (),
                   force: bool = False, batch_size: int = 50, stdin: IO[bytes] | None = None,
                   on_progress: Callable[[int], None] | None = None,
                   on_error: Callable[[ReadError], None] | None = None) -> Summary:
    """Read every input, extract quotes from new or changed articles, store them; return a summary.

    Articles whose text, metadata, extractor code and lexicon are all unchanged since they were
    stored are skipped without extraction, unless ``force``. Inputs that cannot be read and
    articles the extractor fails on are recorded in the ``errors`` table and the run goes on.
    ``on_progress`` is called with the input bytes consumed, for a progress bar, and
    ``on_error`` with each problem as it is recorded, so a long run reports them as they happen.
    """
    from quotes import extract  # the engine; imported here so the store works without it

    started = time.perf_counter()
    inputs = list(inputs)
    lexicon = load_lexicon(tuple(lexicon_paths))
    version = f"{tool_version()}+{code_digest()}.{lexicon.digest}"
    db_path = Path(db_path) if db_path else default_db_path()
    store = Store(open_db(db_path))
    run_id = store.start_run(inputs, version, lexicon.digest, tool_version())
    known = {} if force else store.stored_versions()
    counts = RunCounts()
    batch: list[tuple[Article, list[Quote]]] = []
    status = "interrupted"

    def record(problem: ReadError) -> None:
        counts.errors += 1
        store.record_error(run_id, problem.source, problem.reason)
        if on_error:
            on_error(problem)

    try:
        for item in read_inputs(inputs, options, stdin):
            if isinstance(item, ReadError):
                record(item)
            else:
                counts.articles_read += 1
                if known.get(article_id(item)) == (content_hash(item), version):
                    counts.articles_unchanged += 1
                else:
                    try:
                        batch.append((item, extract(item.text, lexicon)))
                    except Exception as error:  # one article the engine cannot handle must not stop a run
                        record(ReadError(item.source, f"extraction failed: {type(error).__name__}: {error}"))
                    if len(batch) >= batch_size:
                        counts.quotes_stored += store.save(batch, run_id, version)
                        counts.articles_extracted += len(batch)
                        batch = []
            if on_progress:
                on_progress(item.nbytes)
        counts.quotes_stored += store.save(batch, run_id, version)
        counts.articles_extracted += len(batch)
        status = "completed"
    finally:
        seconds = time.perf_counter() - started
        store.finish_run(run_id, counts, seconds, status)
    return Summary(db_path=str(db_path), run_id=run_id, articles=counts.articles_read,
                   extracted=counts.articles_extracted, unchanged=counts.articles_unchanged,
                   quotes=counts.quotes_stored, speakers=store.db["speakers"].count,
                   errors=counts.errors, seconds=seconds)
