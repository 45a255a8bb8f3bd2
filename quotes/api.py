"""The Python API behind ``quotes extract``: read articles, extract their quotes, store them."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import IO

from quotes.identity import Identities
from quotes.lexicon import load_lexicon
from quotes.pipeline import PARTITION_BYTES, Job, Result, Unchanged, plan_partitions, run_partitions
from quotes.readers import Notice, ReadError, ReadOptions
from quotes.store import RunCounts, RunLock, Store, StoredArticle, checkpoint, default_db_path, open_db
from quotes.writer import BATCH_ARTICLES, Writer


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

    @classmethod
    def of(cls, db_path: str | Path, run_id: int, counts: RunCounts, store: Store, seconds: float) -> Summary:
        return cls(db_path=str(db_path), run_id=run_id, articles=counts.articles_read,
                   extracted=counts.articles_extracted, unchanged=counts.articles_unchanged,
                   quotes=counts.quotes_stored, speakers=store.db["speakers"].count,
                   errors=counts.errors, seconds=seconds)

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
    """A hash of the package's Python source and of the rules' calibration table, so a changed
    extractor re-extracts unchanged articles."""
    digest = hashlib.sha256()
    package = resources.files("quotes")
    for folder in (package, package / "rules"):
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            if path.name.endswith(".py"):
                digest.update(path.read_bytes())
    digest.update(package.joinpath("data/calibration.json").read_bytes())
    return digest.hexdigest()[:8]


def extract_corpus(inputs: Iterable[str], db_path: str | Path | None = None, *,
                   options: ReadOptions | None = None, lexicon_paths: Iterable[str] = (),
                   force: bool = False, replace: bool = False, batch_size: int = BATCH_ARTICLES,
                   stdin: IO[bytes] | None = None, on_progress: Callable[[int], None] | None = None,
                   on_error: Callable[[ReadError], None] | None = None,
                   on_notice: Callable[[Notice], None] | None = None, workers: int = 1,
                   dask: str | None = None, partition_bytes: int = PARTITION_BYTES, wait: bool = True,
                   scope: str = "speech") -> Summary:
    """Read every input, extract quotes from new or changed articles, store them; return a summary.

    Articles whose text, metadata, extractor code and lexicon are all unchanged since they were
    stored are skipped without extraction, unless ``force``. Inputs that cannot be read and
    articles the extractor fails on are recorded in the ``errors`` table and the run goes on, and
    so are inputs that would replace or double an article another input gave (see
    :mod:`quotes.identity`; ``replace`` lets a later input with the same id replace it).
    ``workers`` processes extract in parallel, or the workers of the Dask cluster at ``dask``
    ("local" starts one on this machine); this process alone writes, so the database is the
    same whatever runs the extraction. ``partition_bytes`` is the input given to a worker at a
    time. ``on_progress`` is called with the input bytes consumed, for a progress bar,
    ``on_error`` with each problem (an input skipped or repaired, an article the extractor
    failed on) as it arrives, so a long run reports them as they happen, and ``on_notice`` with
    each record layout read (which field became which piece of an article). ``scope`` "all"
    stores beliefs, intentions, perception and evidence as well as speech, each with its category.

    One run writes a database at a time: another one waits for it (``on_notice`` is told), or
    with ``wait=False`` raises :class:`DatabaseBusy`. At the end, and when the run is interrupted,
    the write-ahead log is checkpointed, so the database file alone holds everything stored.
    """
    started = time.perf_counter()
    inputs = list(inputs)
    options = options or ReadOptions()
    lexicon = load_lexicon(tuple(lexicon_paths))
    check_rules(lexicon)
    version = extractor_version(lexicon.digest, scope)
    db_path = Path(db_path) if db_path else default_db_path()
    with writing(db_path, wait, on_notice) as store:
        run_id = store.start_run(inputs, version, lexicon.digest, tool_version())
        job = Job(lexicon, version, options, {} if force else store.stored_versions(), scope)
        writer = Writer(store, run_id, batch_size, on_error)
        intake = Intake(writer, Identities(store.db, replace), on_notice)
        with writer.recording(started):
            partitions = plan_partitions(inputs, options, stdin, size=partition_bytes, workers_read_files=bool(dask))
            if dask:
                from quotes.cluster import run_on_dask

                results = run_on_dask(partitions, job, dask, workers)
            else:
                results = run_partitions(partitions, job, workers)
            with closing(results):  # stops the workers at once when the run is interrupted
                for partition, partition_results in results:
                    for result in partition_results:
                        intake.add(result)
                    if on_progress:
                        on_progress(partition.nbytes)
        return Summary.of(db_path, run_id, writer.counts, store, writer.seconds)


@contextmanager
def writing(db_path: Path, wait: bool = True, on_notice: Callable[[Notice], None] | None = None) -> Iterator[Store]:
    """The store of a run: the database locked for this run alone (see :class:`RunLock`), opened,
    and checkpointed and closed when the run ends, however it ends."""
    def waiting(message: str) -> None:
        if on_notice:
            on_notice(Notice("", message, verb="waiting"))

    with RunLock(db_path, wait, waiting):
        store = Store(open_db(db_path))
        try:
            yield store
        finally:
            try:
                checkpoint(store.db)
            finally:
                store.db.close()


class Intake:
    """Hands a run's results to its writer in input order, after the identity check
    (:class:`Identities`); notices go to ``on_notice`` and never to the database, each message
    once (a folder of files laid out alike shows its mapping once, with the first file)."""

    def __init__(self, writer: Writer, identities: Identities, on_notice: Callable[[Notice], None] | None = None):
        self.writer = writer
        self.identities = identities
        self.on_notice = on_notice
        self.noticed: set[str] = set()

    def add(self, result: Result) -> None:
        if isinstance(result, Notice):
            if self.on_notice and result.message not in self.noticed:
                self.noticed.add(result.message)
                self.on_notice(result)
            return
        if isinstance(result, StoredArticle):
            result = self.identities.check(result)
        elif isinstance(result, Unchanged):
            self.identities.saw(result.id, result.source, result.text_hash, result.outlet)
        self.writer.add(result)


def check_rules(lexicon) -> None:
    """Compile the lexicon's own rules now: a malformed one stops the run before any article is read."""
    from quotes.rules.pattern import pattern_rules

    pattern_rules(lexicon)


def extractor_version(lexicon_digest: str, scope: str = "speech") -> str:
    """What the stored quotes depend on: tool version, code, lexicon and scope."""
    return f"{tool_version()}+{code_digest()}.{lexicon_digest}" + ("" if scope == "speech" else f".{scope}")
