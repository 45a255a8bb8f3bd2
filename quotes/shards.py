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
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from quotes.api import Intake, Summary, check_rules, extractor_version, tool_version, writing
from quotes.identity import Identities, text_hash
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
from quotes.readers import Notice, ReadError, ReadOptions
from quotes.store import QUOTE_COLUMNS, StoredArticle, default_db_path
from quotes.writer import BATCH_ARTICLES, Writer

MANIFEST = "_manifest.json"
ARTICLE_COLUMNS = {
    "id": "string", "title": "string", "url": "string", "outlet": "string", "author": "string",
    "published": "string", "crawled": "string", "source": "string", "text": "string",
    "content_hash": "string", "extractor_version": "string", "quote_count": "int64",
    "published_as_written": "string", "extra": "string", "text_hash": "string",
}
SHARD_NAME = re.compile(r"part-\d{6}\.parquet")
QUOTE_TYPES = {name: "string" for name in QUOTE_COLUMNS} | {"confidence": "float64"} | {
    name: "int64" for name in ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence",
                               "paragraph", "continuation", "quote_group", "speaker_role_start", "speaker_role_end",
                               "speaker_org_start", "speaker_org_end", "speaker_name_start", "speaker_name_end")}
SPEAKER_COLUMNS = {"id": "string", "match_key": "string", "kind": "string", "name": "string"}


class ShardError(ValueError):
    """A shard directory that cannot be written or loaded, with what to do about it."""


class ShardsDamaged(ShardError):
    """Shards or a manifest that cannot be trusted: unreadable, changed since they were written, or
    naming files outside their folder. Nothing is loaded from them."""


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
    notices: list[Notice]  # record layouts read (which field became which piece of an article)
    sha256: str = ""  # of the shard file, kept in the manifest so that a changed shard is refused


def write_shard(partition: Partition, job: Job, directory: str) -> ShardReport:
    """Extract one partition and write its rows to one Parquet file: a worker's task.

    The file appears under its final name only once complete, so a killed worker leaves no
    half-written shard.
    """
    _, pq = _arrow()
    results = run_partition(partition, job)
    rows = [shard_row(result) for result in results if not isinstance(result, Notice)]
    name = shard_name(partition.index)
    target = Path(directory) / name
    partial_file = target.with_name(name + ".partial")
    pq.write_table(_arrow()[0].Table.from_pylist(rows, schema=shard_schema()), partial_file,
                   compression="zstd")
    os.replace(partial_file, target)
    problems = [r if isinstance(r, ReadError) else ReadError(r.source, r.reason)
                for r in results if isinstance(r, ReadError | Failed)]
    return ShardReport(name, sum(r["kind"] == "article" for r in rows),
                       sum(len(r.get("quotes") or ()) for r in rows), problems,
                       [r for r in results if isinstance(r, Notice)], file_sha256(target))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def shard_row(result: Result) -> dict:
    if isinstance(result, StoredArticle):
        return {"kind": "article", **result.article,
                "quotes": [dict(zip(QUOTE_COLUMNS, row, strict=True)) for row in result.quotes],
                "speakers": [{k: row[k] for k in SPEAKER_COLUMNS} for row in result.speakers]}
    kind = ERROR_KINDS[result.verb] if isinstance(result, ReadError) else "failed"
    return {"kind": kind, "source": result.source, "reason": result.reason}


ERROR_KINDS = {"skipped": "read_error", "repaired": "repaired", "warning": "warning"}  # ReadError.verb -> kind
ERROR_VERBS = {kind: verb for verb, kind in ERROR_KINDS.items()}


def result_of(row: dict, where: str) -> Result:
    """The result a shard row holds, checked as far as a row can be: an article whose quotes are not
    their slice of its text, or whose ids do not follow from it, is reported, not stored."""
    if row["kind"] in ERROR_VERBS:
        return ReadError(row["source"], row["reason"], verb=ERROR_VERBS[row["kind"]])
    if row["kind"] == "failed":
        return Failed(row["source"], row["reason"])
    if row["kind"] != "article":
        raise ShardsDamaged(f"{where}: a row of unknown kind {row['kind']!r}")
    article = {name: row.get(name) for name in ARTICLE_COLUMNS}  # shards written before a column was added lack it
    speakers = [{**speaker, "quote_count": None} for speaker in row["speakers"]]
    quotes = [tuple(quote[name] for name in QUOTE_COLUMNS) for quote in row["quotes"]]
    problem = row_problem(article, row["quotes"])
    if problem:
        return ReadError(article["source"] or where, f"{where}: {problem}: the shard was changed after it was "
                                                     "written; not stored")
    article["text_hash"] = article["text_hash"] or text_hash(article["text"])
    return StoredArticle(article, quotes, speakers)


def row_problem(article: dict, quotes: list[dict]) -> str | None:
    """What is wrong with an article row of a shard, or None: offsets are sacred, ids follow from the text."""
    text = article["text"]
    if not isinstance(text, str) or not article["id"]:
        return "an article with no id or text"
    if article["text_hash"] and article["text_hash"] != text_hash(text):
        return "the text does not match its fingerprint"
    for quote in quotes:
        if quote["article_id"] != article["id"]:
            return f"quote {quote['id']} belongs to another article"
        for part, start, end in (("content", "start", "end"), ("speaker_as_written", "speaker_start", "speaker_end"),
                                 ("cue", "cue_start", "cue_end")):
            if quote[start] is not None and text[quote[start]:quote[end]] != quote[part]:
                return f"quote {quote['id']}: its {part} is not the text at its offsets"
    return None


def read_shard(path: Path) -> Iterator[Result]:
    """The results in one shard, in input order, a few hundred rows in memory at a time."""
    _, pq = _arrow()
    try:
        batches = pq.ParquetFile(path).iter_batches(batch_size=256)
        number = 0
        for batch in batches:
            for row in batch.to_pylist():
                number += 1
                yield result_of(row, f"{path.name} row {number}")
    except ShardsDamaged:
        raise
    except (OSError, KeyError, TypeError, ValueError) as error:  # pyarrow's errors are OSError and ValueError kinds
        raise ShardsDamaged(f"the shard {path} cannot be read ({type(error).__name__}: {error}); nothing more was "
                            "loaded from it") from None


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
                      on_error: Callable[[ReadError], None] | None = None,
                      on_notice: Callable[[Notice], None] | None = None, scope: str = "speech") -> ShardSummary:
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
    noticed: set[str] = set()
    with closing(answers):  # stops the workers at once when the run is interrupted
        for partition, report in answers:
            reports.append(report)
            for notice in report.notices if on_notice else ():
                if notice.message not in noticed:
                    noticed.add(notice.message)
                    on_notice(notice)
            for problem in report.problems if on_error else ():
                on_error(problem)
            if on_progress:
                on_progress(partition.nbytes)
    summary = ShardSummary(str(directory), len(reports), sum(r.articles for r in reports),
                           sum(r.quotes for r in reports), sum(len(r.problems) for r in reports),
                           time.perf_counter() - started)
    manifest = {
        "extractor_version": job.version, "lexicon_hash": lexicon.digest, "tool_version": tool_version(),
        "inputs": inputs, "shards": [r.name for r in reports], "sha256": {r.name: r.sha256 for r in reports},
        "articles": summary.articles,
        "quotes": summary.quotes, "errors": summary.errors,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return summary


def load_shards(directory: str | Path, db_path: str | Path | None = None, *,
                batch_size: int = BATCH_ARTICLES, replace: bool = False,
                on_progress: Callable[[int], None] | None = None,
                on_error: Callable[[ReadError], None] | None = None,
                on_notice: Callable[[Notice], None] | None = None, wait: bool = True) -> Summary:
    """Merge the shards in ``directory`` into the database, as one run.

    Shards are stored in plan order through the same writer as ``quotes extract``, so the
    database equals the one a plain run over the same inputs gives. Loading twice changes
    nothing: articles already stored with the same content and extractor are skipped.
    Every shard is checked against the manifest's checksums before anything is stored, and
    every article row against its own text, so changed shards raise :class:`ShardsDamaged`.
    ``on_progress`` is called with 1 per shard loaded, ``on_error`` with each problem the shards hold.
    """
    _arrow()
    started = time.perf_counter()
    directory = Path(directory)
    manifest = read_manifest(directory)
    verify_shards(directory, manifest)
    db_path = Path(db_path) if db_path else default_db_path()
    with writing(db_path, wait, on_notice) as store:
        run_id = store.start_run([str(directory)], manifest["extractor_version"], manifest["lexicon_hash"],
                                 manifest["tool_version"])
        known = store.stored_versions()
        writer = Writer(store, run_id, batch_size, on_error)
        intake = Intake(writer, Identities(store.db, replace), on_notice)
        with writer.recording(started):
            for name in manifest["shards"]:
                for result in read_shard(directory / name):
                    if isinstance(result, StoredArticle) and known.get(result.article["id"]) == (
                            result.article["content_hash"], result.article["extractor_version"]):
                        row = result.article
                        result = Unchanged(row["source"], row["id"], row["text_hash"] or "", row["outlet"] or "")
                    intake.add(result)
                if on_progress:
                    on_progress(1)
        return Summary.of(db_path, run_id, writer.counts, store, writer.seconds)


MANIFEST_KEYS = {"extractor_version": str, "lexicon_hash": str, "tool_version": str, "shards": list}


def read_manifest(directory: Path) -> dict:
    """The manifest of a finished shard run, checked: its fields, and shard names that are plain files
    of this folder (never ``../elsewhere`` or an absolute path), all present."""
    path = directory / MANIFEST
    if not path.is_file():
        raise ShardError(f"no {MANIFEST} in {directory}: not a shard directory, or its "
                         "`quotes extract --shards` run did not finish (run it again into an empty directory)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeError) as error:
        raise ShardsDamaged(f"{path} is not a valid manifest ({error})") from None
    if not isinstance(manifest, dict) or any(not isinstance(manifest.get(key), kind)
                                             for key, kind in MANIFEST_KEYS.items()):
        raise ShardsDamaged(f"{path} is not a valid manifest: it needs {', '.join(MANIFEST_KEYS)}")
    folder = directory.resolve()
    for name in manifest["shards"]:
        if not isinstance(name, str) or not SHARD_NAME.fullmatch(name) or (directory / name).resolve().parent != folder:
            raise ShardsDamaged(f"{path} names {name!r}, which is not a shard file of {directory}: refused, "
                                "nothing loaded")
    missing = [name for name in manifest["shards"] if not (directory / name).is_file()]
    if missing:
        raise ShardError(f"{len(missing)} shards listed in {path} are missing, the first {missing[0]}")
    return manifest


def verify_shards(directory: Path, manifest: dict) -> None:
    """Every shard's checksum against the manifest's, before anything is loaded (manifests written
    before checksums were kept have none to check)."""
    sums = manifest.get("sha256") or {}
    if not isinstance(sums, dict):
        raise ShardsDamaged(f"{directory / MANIFEST} is not a valid manifest: its sha256 is not a table")
    for name in manifest["shards"]:
        if name in sums and file_sha256(directory / name) != sums[name]:
            raise ShardsDamaged(f"the shard {directory / name} was changed after it was written (its checksum "
                                "is not the manifest's): nothing loaded; extract the shards again")
