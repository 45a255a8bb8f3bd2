"""Parquet shards: extraction results written by the workers, one file per partition.

At scale no single SQLite writer has to keep up with the cluster: ``quotes extract --shards DIR``
has every worker write the rows of its partitions to ``DIR/part-NNNNNN.parquet``, and
``quotes load DIR`` merges them into a database later, in plan order, through the same writer
and speaker merging as a normal run. A shard holds one row per input item, in input order:
an article with its quotes and speakers as nested lists, or an error. ``_manifest.json`` is
written last and lists the shards, so a run that did not finish cannot be loaded by mistake.
Needs the extra: ``pip install 'quotes[dask]'``.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from quotes.api import Summary, check_rules, extractor_version, tool_version
from quotes.lexicon import load_lexicon
from quotes.pipeline import (
    PARTITION_BYTES,
    Failed,
    Job,
    Partition,
    Result,
    Unchanged,
    plan_partitions,
    run_partition,
    run_partitions,
)
from quotes.readers import ReadError, ReadOptions
from quotes.store import QUOTE_COLUMNS, Store, StoredArticle, default_db_path, open_db
from quotes.writer import BATCH_ARTICLES, Writer

MANIFEST = "_manifest.json"
ARTICLE_COLUMNS = {
    "id": "string", "title": "string", "url": "string", "outlet": "string", "author": "string",
    "published": "string", "crawled": "string", "source": "string", "text": "string",
    "content_hash": "string", "extractor_version": "string", "quote_count": "int64",
}
QUOTE_TYPES = {name: "string" for name in QUOTE_COLUMNS} | {"confidence": "float64"} | {
    name: "int64" for name in ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence",
                               "paragraph", "continuation", "quote_group", "speaker_role_start", "speaker_role_end",
                               "speaker_org_start", "speaker_org_end", "speaker_name_start", "speaker_name_end")}
SPEAKER_COLUMNS = {"id": "string", "match_key": "string", "kind": "string", "name": "string"}


class ShardError(ValueError):
    """A shard directory that cannot be written or loaded, with what to do about it."""


def _arrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ShardError("pyarrow is not installed: pip install 'quotes[dask]'") from None
    return pyarrow, pyarrow.parquet


def shard_schema():
    pa, _ = _arrow()

    def fields(columns: dict[str, str]) -> list:
        return [pa.field(name, getattr(pa, kind)()) for name, kind in columns.items()]

    return pa.schema([
        pa.field("kind", pa.string()),  # article, read_error, repaired (read, with a note) or failed
        pa.field("reason", pa.string()),
        *fields(ARTICLE_COLUMNS),
        pa.field("quotes", pa.list_(pa.struct(fields(QUOTE_TYPES)))),
        pa.field("speakers", pa.list_(pa.struct(fields(SPEAKER_COLUMNS)))),
    ])


def shard_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


@dataclass
class ShardReport:
    """What one shard holds."""

    name: str
    articles: int
    quotes: int
    problems: list[ReadError]  # inputs skipped or repaired, articles the extractor failed on


def write_shard(partition: Partition, job: Job, directory: str) -> ShardReport:
    """Extract one partition and write its rows to one Parquet file: a worker's task.

    The file appears under its final name only once complete, so a killed worker leaves no
    half-written shard.
    """
    _, pq = _arrow()
    results = run_partition(partition, job)
    rows = [shard_row(result) for result in results]
    name = shard_name(partition.index)
    target = Path(directory) / name
    partial_file = target.with_name(name + ".partial")
    pq.write_table(_arrow()[0].Table.from_pylist(rows, schema=shard_schema()), partial_file,
                   compression="zstd")
    os.replace(partial_file, target)
    problems = [r if isinstance(r, ReadError) else ReadError(r.source, r.reason)
                for r in results if isinstance(r, ReadError | Failed)]
    return ShardReport(name, sum(r["kind"] == "article" for r in rows),
                       sum(len(r.get("quotes") or ()) for r in rows), problems)


def shard_row(result: Result) -> dict:
    if isinstance(result, StoredArticle):
        return {"kind": "article", **result.article,
                "quotes": [dict(zip(QUOTE_COLUMNS, row, strict=True)) for row in result.quotes],
                "speakers": [{k: row[k] for k in SPEAKER_COLUMNS} for row in result.speakers]}
    kind = ("read_error" if result.skipped else "repaired") if isinstance(result, ReadError) else "failed"
    return {"kind": kind, "source": result.source, "reason": result.reason}


def result_of(row: dict) -> Result:
    if row["kind"] in ("read_error", "repaired"):
        return ReadError(row["source"], row["reason"], skipped=row["kind"] == "read_error")
    if row["kind"] == "failed":
        return Failed(row["source"], row["reason"])
    article = {name: row[name] for name in ARTICLE_COLUMNS}
    speakers = [{**speaker, "quote_count": None} for speaker in row["speakers"]]
    return StoredArticle(article, [tuple(quote[name] for name in QUOTE_COLUMNS) for quote in row["quotes"]], speakers)


def read_shard(path: Path) -> Iterator[Result]:
    """The results in one shard, in input order, a few hundred rows in memory at a time."""
    _, pq = _arrow()
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            yield result_of(row)


@dataclass
class ShardSummary:
    """What ``quotes extract --shards`` wrote."""

    directory: str
    shards: int
    articles: int
    quotes: int
    errors: int
    seconds: float

    def line(self) -> str:
        return (f"{self.articles} articles, {self.quotes} quotes, {self.errors} errors in {self.shards} shards, "
                f"{self.seconds:.1f}s → {self.directory} (merge them with `quotes load {self.directory}`)")


def extract_to_shards(inputs: Iterable[str], directory: str | Path, *, options: ReadOptions | None = None,
                      lexicon_paths: Iterable[str] = (), workers: int = 1, dask: str | None = None,
                      stdin: IO[bytes] | None = None, partition_bytes: int = PARTITION_BYTES,
                      on_progress: Callable[[int], None] | None = None,
                      on_error: Callable[[ReadError], None] | None = None, scope: str = "speech") -> ShardSummary:
    """Extract every input into Parquet shards in ``directory``, one per partition; no database is touched.

    ``on_error`` is told of each problem (an input skipped or repaired, an article the extractor
    failed on) as its shard is done; the shards keep them for ``quotes load`` to record.

    With ``dask``, the workers write the shards themselves, so ``directory`` must be a path
    they all see (a shared file system).
    """
    _arrow()
    started = time.perf_counter()
    inputs = list(inputs)
    options = options or ReadOptions()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if (directory / MANIFEST).exists() or any(directory.glob("part-*.parquet")):
        raise ShardError(f"{directory} already holds shards: load them with `quotes load {directory}`, "
                         "or choose an empty directory")
    lexicon = load_lexicon(tuple(lexicon_paths))
    check_rules(lexicon)
    job = Job(lexicon, extractor_version(lexicon.digest, scope), options, scope=scope)
    task = partial(write_shard, directory=str(directory.resolve()))
    partitions = plan_partitions(inputs, options, stdin, size=partition_bytes, workers_read_files=bool(dask))
    if dask:
        from quotes.cluster import run_on_dask

        answers = run_on_dask(partitions, job, dask, workers, task)
    else:
        answers = run_partitions(partitions, job, workers, task)
    reports: list[ShardReport] = []
    for partition, report in answers:
        reports.append(report)
        for problem in report.problems if on_error else ():
            on_error(problem)
        if on_progress:
            on_progress(partition.nbytes)
    summary = ShardSummary(str(directory), len(reports), sum(r.articles for r in reports),
                           sum(r.quotes for r in reports), sum(len(r.problems) for r in reports),
                           time.perf_counter() - started)
    manifest = {
        "extractor_version": job.version, "lexicon_hash": lexicon.digest, "tool_version": tool_version(),
        "inputs": inputs, "shards": [r.name for r in reports], "articles": summary.articles,
        "quotes": summary.quotes, "errors": summary.errors,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return summary


def load_shards(directory: str | Path, db_path: str | Path | None = None, *,
                batch_size: int = BATCH_ARTICLES, on_progress: Callable[[int], None] | None = None,
                on_error: Callable[[ReadError], None] | None = None) -> Summary:
    """Merge the shards in ``directory`` into the database, as one run.

    Shards are stored in plan order through the same writer as ``quotes extract``, so the
    database equals the one a plain run over the same inputs gives. Loading twice changes
    nothing: articles already stored with the same content and extractor are skipped.
    ``on_progress`` is called with 1 per shard loaded, ``on_error`` with each problem the shards hold.
    """
    _arrow()
    started = time.perf_counter()
    directory = Path(directory)
    manifest = read_manifest(directory)
    db_path = Path(db_path) if db_path else default_db_path()
    store = Store(open_db(db_path))
    run_id = store.start_run([str(directory)], manifest["extractor_version"], manifest["lexicon_hash"],
                             manifest["tool_version"])
    known = store.stored_versions()
    writer = Writer(store, run_id, batch_size, on_error)
    with writer.recording(started):
        for name in manifest["shards"]:
            for result in read_shard(directory / name):
                if isinstance(result, StoredArticle) and known.get(result.article["id"]) == (
                        result.article["content_hash"], result.article["extractor_version"]):
                    result = Unchanged(result.article["source"])
                writer.add(result)
            if on_progress:
                on_progress(1)
    return Summary.of(db_path, run_id, writer.counts, store, writer.seconds)


def read_manifest(directory: Path) -> dict:
    """The manifest of a finished shard run, checked against the shards present."""
    path = directory / MANIFEST
    if not path.is_file():
        raise ShardError(f"no {MANIFEST} in {directory}: not a shard directory, or its "
                         "`quotes extract --shards` run did not finish (run it again into an empty directory)")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    missing = [name for name in manifest["shards"] if not (directory / name).is_file()]
    if missing:
        raise ShardError(f"{len(missing)} shards listed in {path} are missing, the first {missing[0]}")
    return manifest
