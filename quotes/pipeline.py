"""Extraction at scale: the corpus cut into partitions, each article turned into rows by a pure function.

Data flows one way: :func:`plan_partitions` decides what each worker reads, :func:`run_partition`
reads, extracts and builds the rows of one partition on a worker, and a single writer stores
the results in plan order. Partitions are planned the same way whatever runs them, and every
result is stored in plan order, so one process, a process pool and a Dask cluster store the
same rows with the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from quotes.identity import text_hash
from quotes.lexicon import Lexicon
from quotes.pool import run_in_order
from quotes.readers import (
    STDIN,
    Article,
    Item,
    Notice,
    ReadError,
    ReadOptions,
    Source,
    cut_at_newlines,
    discover,
    path_problem,
    read_lines,
    read_source,
)
from quotes.store import StoredArticle, article_id, content_hash, stored_article

PARTITION_BYTES = 500_000  # input per partition: the last one keeps one worker busy alone, so small; yet it amortises
SPLIT_BY_PLANNER = {"csv", "json", "warc"}  # formats whose records only a reader from the start can find


@dataclass
class Job:
    """Everything a worker needs to turn articles into rows; the same for every worker of a run."""

    lexicon: Lexicon
    version: str  # extractor version recorded with every article
    options: ReadOptions
    known: dict[str, tuple[str, str]] = field(default_factory=dict)  # stored (content hash, version) by id
    scope: str = "speech"  # "speech", or "all" for beliefs, intentions, perception and evidence too


@dataclass
class Unchanged:
    """An article stored before with the same text, metadata and extractor: nothing to do.

    Its id, text fingerprint and outlet let the run tell a later input that claims the same id.
    """

    source: str
    id: str = ""
    text_hash: str = ""
    outlet: str = ""


@dataclass
class Failed:
    """An article the extractor failed on; it is recorded in ``errors`` and the run goes on."""

    source: str
    reason: str


Result = StoredArticle | Unchanged | Failed | ReadError | Notice


@dataclass
class Piece:
    """Part of a partition: a whole file, the lines ``start:end`` of a JSON Lines file, or records.

    ``records`` are read by the planner from inputs only a reader from the start can cut
    (CSV, JSON, WARC, stdin): articles, read errors, or WARC pages still to be extracted.
    """

    source: Source | None = None
    start: int = 0
    end: int | None = None
    first_line: int = 1
    records: list | None = None


@dataclass
class Partition:
    """One unit of work, as numbered in the plan; results are stored in this order."""

    index: int
    pieces: list[Piece | ReadError]
    nbytes: int = 0


def plan_partitions(inputs: Iterable[str], options: ReadOptions, stdin: IO[bytes] | None = None, *,
                    size: int = PARTITION_BYTES, workers_read_files: bool = False) -> Iterator[Partition]:
    """Cut the inputs into partitions of about ``size`` bytes of input, in input order, lazily.

    Small files are grouped; a JSON Lines file is cut at line ends, and each worker reads its
    own range. The records of a large CSV, JSON or WARC file and of stdin are read here and
    sent in batches, so memory stays flat, unless ``workers_read_files`` (a cluster reading a
    shared input location), where such a file is one partition that one worker reads, and
    relative paths are made absolute.
    """
    if workers_read_files:  # other machines open these paths: make them independent of this directory
        inputs = [name if name == STDIN else str(Path(name).absolute()) for name in inputs]
    plan = _Plan(size)
    for source in discover(inputs, options):
        if isinstance(source, ReadError):
            yield from plan.add(source, 0)
        elif source.path == STDIN or source.format == "auto":  # stdin, or a named pipe: only readable once
            yield from plan.add_records(read_source(source, options, stdin))
        elif source.format == "jsonl" and source.size > size and cut_at_newlines(source.path):
            for start, end, line in line_ranges(source.path, source.size, size):
                yield from plan.add(Piece(source, start, end, line), end - start)
        elif source.format in SPLIT_BY_PLANNER and source.size > size and not workers_read_files:
            yield from plan.add_records(planner_records(source, options))
        else:
            yield from plan.add(Piece(source), source.size)
    yield from plan.flush()


class _Plan:
    """Numbers partitions and fills each up to the size."""

    def __init__(self, size: int):
        self.size = size
        self.index = 0
        self.pieces: list[Piece | ReadError] = []
        self.nbytes = 0

    def add(self, piece: Piece | ReadError, nbytes: int) -> Iterator[Partition]:
        self.pieces.append(piece)
        self.nbytes += nbytes
        if self.nbytes >= self.size:
            yield from self.flush()

    def add_records(self, records: Iterable) -> Iterator[Partition]:
        batch: list = []
        nbytes = 0
        for record in records:
            batch.append(record)
            nbytes += record.nbytes if isinstance(record, Article | ReadError | Notice) else len(record.html)
            if nbytes >= self.size:
                yield from self.add(Piece(records=batch), nbytes)
                batch, nbytes = [], 0
        if batch:
            yield from self.add(Piece(records=batch), nbytes)

    def flush(self) -> Iterator[Partition]:
        if self.pieces:
            yield Partition(self.index, self.pieces, self.nbytes)
            self.index += 1
            self.pieces, self.nbytes = [], 0


def planner_records(source: Source, options: ReadOptions) -> Iterator:
    """The records of a file that cannot be cut by byte ranges; WARC pages stay unextracted."""
    if source.format != "warc":
        yield from read_source(source, options)
        return
    from quotes.warc import html_pages

    try:
        with open(source.path, "rb") as stream:
            yield from html_pages(stream, source.path, options.warc_reader)
    except OSError as error:
        yield ReadError(source.path, f"cannot read: {path_problem(Path(source.path), error)}", source.size)


def line_ranges(path: str, size: int, target: int) -> Iterator[tuple[int, int, int]]:
    """``(start, end, first line number)`` of consecutive line-aligned byte ranges of about ``target``."""
    block = 1 << 20
    start, line = 0, 1
    with open(path, "rb") as stream:
        while start < size:
            stream.seek(start)
            position, lines, end = start, 0, size
            while True:
                chunk = stream.read(block)
                if not chunk:
                    break
                cut = start + target - position  # where in this chunk the range reaches its size
                newline = chunk.find(b"\n", max(cut - 1, 0)) if cut <= len(chunk) else -1
                if newline >= 0:
                    end = position + newline + 1
                    lines += chunk.count(b"\n", 0, newline + 1)
                    break
                lines += chunk.count(b"\n")
                position += len(chunk)
            yield start, end, line
            start, line = end, line + lines


def partition_items(partition: Partition, options: ReadOptions) -> Iterator[Item]:
    """Every article and read error of a partition, in input order."""
    for piece in partition.pieces:
        if isinstance(piece, ReadError):
            yield piece
        elif piece.records is not None:
            for record in piece.records:
                yield from [record] if isinstance(record, Article | ReadError | Notice) else record.items(options)
        elif piece.end is not None:
            yield from read_lines(piece.source.path, piece.start, piece.end, piece.first_line, options)
        else:
            yield from read_source(piece.source, options)


def process(item: Item, job: Job) -> Result:
    """The rows of one article: a pure function of the article and the job."""
    from quotes import extract  # the engine

    if isinstance(item, ReadError | Notice):
        return item
    if job.known and job.known.get(aid := article_id(item)) == (content_hash(item), job.version):
        return Unchanged(item.source, aid, text_hash(item.text), item.outlet or "")
    try:
        quotes = extract(item.text, job.lexicon, job.scope)
    except Exception as error:  # noqa: BLE001 - one article the engine cannot handle must not stop a run
        return Failed(item.source, f"extraction failed: {type(error).__name__}: {error}")
    return stored_article(item, quotes, job.version)


def run_partition(partition: Partition, job: Job) -> list[Result]:
    """Read, extract and build the rows of one partition: what a worker does."""
    return [process(item, job) for item in partition_items(partition, job.options)]


PartitionTask = Callable[[Partition, Job], object]


def run_partitions(partitions: Iterable[Partition], job: Job, workers: int = 1,
                   task: PartitionTask = run_partition) -> Iterator[tuple[Partition, object]]:
    """``task`` over every partition, in a pool of ``workers`` processes; answers come in plan order
    (:func:`quotes.pool.run_in_order`: at most two partitions per worker in flight, and everything in
    this process with one worker or one partition)."""
    return run_in_order(partitions, job, workers, task)
