"""Throughput: MB/s, articles/s and quote rows/s, with one worker and with N, and peak memory.

Usage:
    python benchmarks/throughput.py [FILE.jsonl ...] [--repeat N]
        Extraction alone on one core, against the sentence splitter alone (the engine's view).
        Without files it measures the bundled example articles, repeated to about 5 MB.

    python benchmarks/throughput.py --scale [--size-mb 20] [--workers N] [--input PATH ...]
        The pipeline: extraction alone and extraction plus storage in SQLite, one worker against
        N, storage alone in quote rows/s, and the peak RSS of each. Every row runs in a fresh
        process, so its peak RSS is its own. Without --input it generates a JSON Lines corpus
        from the bundled example articles (quotes/examples) with distinct ids.
        Every copy after the first is credited to an outlet of its own ("copy 2"), so that the
        store keeps it: a run stores the same text from the same outlet once.

    python benchmarks/throughput.py --make-corpus big.jsonl --size-mb 1000
        Write such a corpus to a file, e.g. to measure peak RSS on a large input with
        --scale --input big.jsonl --stages store-n.

    python benchmarks/throughput.py --issue --input polnear-train.jsonl [--bytes-mb 200] [--rss-mb 1000]
                                    [--baseline OTHER/.venv/bin/python] [--near-copies]
                                    [--textacy PEER/bin/python --peer-input polnear-dev.jsonl]
        Every figure of issue 14: with --textacy, first its first row (`quotes annotate` of the
        input against textacy on --peer-input, one core, as `peers.py` measures it); then every
        storage and worker figure, side by side in one run, each command in a
        fresh process with its start-up: the storing ratio (quote rows/s of `quotes extract`
        minus `quotes annotate`, over raw `executemany` rows/s of the same rows; and, more
        precisely, of one run in one process less the engine timed inside it), the ratio's floor
        (SQLite's own work for the same database, with no Python: `sqlite_floor_rate`), `--workers 2`
        against `--workers 1` and the machine's own ceiling (two one-worker runs at once),
        bytes written per database byte, and peak RSS with two workers. The input (JSON Lines)
        is repeated with distinct ids and outlets up to each size (the text unchanged, so every
        copy costs the engine the same); generated corpora are deleted afterwards. With
        --near-copies, the copies for bytes and RSS have each word of five letters or more that
        is not in the lexicon tagged with the copy's own suffix: news that never repeats, whose
        distinct words, speakers and near copies of quotes an exact copy hides.
        --baseline runs the same commands with another installation's Python in the same rounds
        (e.g. a checkout of the previous release in its own virtualenv): before and after at once.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from functools import cache, partial
from importlib import resources
from pathlib import Path

from peers import compare as compare_with_textacy

from quotes import extract
from quotes.sentences import paragraphs, sentences

STAGES = ("extract-1", "extract-n", "store-1", "store-n", "store-only")


def bundled_texts() -> list[str]:
    folder = resources.files("quotes") / "examples"
    return [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith((".txt", ".md"))]


def load(paths: list[str]) -> list[str]:
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def timed(function, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def split_only(text: str) -> None:
    for start, end in paragraphs(text):
        sentences(text, start, end)


def split_only_stock(text: str) -> None:
    """The split-only pass on nltk's own Punkt (its patterns on the ``regex`` engine), for comparison."""
    from quotes.punkt import stock_tokenizer

    tokenizer = stock_tokenizer()
    for start, end in paragraphs(text):
        list(tokenizer.span_tokenize(text[start:end]))


def split_only_punkt(text: str) -> None:
    """The split-only pass on Punkt as the engine runs it (on ``re``), every paragraph through Punkt."""
    from quotes.punkt import tokenizer

    punkt = tokenizer()
    for start, end in paragraphs(text):
        list(punkt.span_tokenize(text[start:end]))


def engine_table(files: list[str], repeat: int) -> None:
    texts = load(files) if files else bundled_texts()
    size = sum(len(t.encode("utf-8")) for t in texts)
    repeat = repeat or max(1, 5_000_000 // max(size, 1))
    texts = texts * repeat
    megabytes = size * repeat / 1e6
    extract(texts[0])  # build the tokenizer and the lexicon once, outside the timing
    split_only_stock(texts[0])
    rows = [("extract", timed(extract, texts)), ("sentence split only", timed(split_only, texts)),
            ("Punkt on re, all", timed(split_only_punkt, texts)),
            ("Punkt on regex, all", timed(split_only_stock, texts))]
    print(f"{len(texts)} articles, {megabytes:.1f} MB")
    print(f"{'stage':22} {'seconds':>8} {'MB/s':>8} {'articles/s':>11}")
    for name, seconds in rows:
        print(f"{name:22} {seconds:8.2f} {megabytes / seconds:8.2f} {len(texts) / seconds:11.0f}")
    print(f"extract / split time ratio: {rows[0][1] / rows[1][1]:.2f}")
    print(f"Punkt on re is {rows[3][1] / rows[2][1]:.2f}x Punkt on nltk's regex engine")


def as_copy(outlet: str | None, copy: int) -> str | None:
    """The outlet of the ``copy``-th repetition of an article: its own for the first, then one per copy.

    A run stores an article's text once per outlet (``quotes/identity.py``) and skips a copy with
    the same text and outlet, so copies that differed by their ids alone would be skipped, and a
    storing benchmark would store half or less of what it extracts.
    """
    return outlet if copy == 0 else f"{outlet or 'outlet'} (copy {copy + 1})"


def make_corpus(path: Path, megabytes: float) -> None:
    """JSON Lines of the bundled example articles, repeated with distinct ids and outlets up to ``megabytes``."""
    from quotes.readers import Article, read_inputs

    with resources.as_file(resources.files("quotes") / "examples") as folder:
        articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    target = megabytes * 1e6
    with path.open("w", encoding="utf-8") as out:
        number, copy = 0, 0
        while out.tell() < target:
            for article in articles:
                number += 1
                out.write(json.dumps({"id": f"bench-{number}", "title": article.title,
                                      "outlet": as_copy(article.outlet, copy),
                                      "author": article.author, "date": article.published,
                                      "text": article.text}, ensure_ascii=False) + "\n")
            copy += 1


def corpus_figures(inputs: list[str]) -> tuple[float, int]:
    """Megabytes of article text and number of articles in the inputs."""
    from quotes.readers import Article, read_inputs

    size = count = 0
    for item in read_inputs(inputs):
        if isinstance(item, Article):
            size += len(item.text.encode("utf-8"))
            count += 1
    return size / 1e6, count


def count_quotes(partition, job) -> int:
    """A partition task that extracts but stores nothing: extraction (with reading) alone."""
    from quotes.pipeline import run_partition
    from quotes.store import StoredArticle

    return sum(len(r.quotes) for r in run_partition(partition, job) if isinstance(r, StoredArticle))


def run_stage(stage: str, inputs: list[str], workers: int, scratch: Path) -> dict:
    """One row of the table, measured in this (fresh) process."""
    from quotes.api import extract_corpus, extractor_version
    from quotes.lexicon import load_lexicon
    from quotes.pipeline import Job, plan_partitions, run_partitions
    from quotes.readers import ReadOptions

    lexicon = load_lexicon()
    extract("\"Warm up,\" said Ann Lee.", lexicon)  # tokenizer and lexicon built outside the timing
    n = 1 if stage.endswith("-1") else workers
    started = time.perf_counter()
    if stage.startswith("extract"):
        job = Job(lexicon, extractor_version(lexicon.digest), ReadOptions())
        quotes = sum(q for _, q in run_partitions(plan_partitions(inputs, job.options), job, n, count_quotes))
    elif stage.startswith("store-only"):
        return store_only(inputs, scratch)
    else:
        summary = extract_corpus(inputs, scratch / f"{stage}.db", workers=n)
        quotes = summary.quotes
    seconds = time.perf_counter() - started
    return {"stage": stage, "workers": n, "seconds": seconds, "quotes": quotes, **peak_rss()}


def store_only(inputs: list[str], scratch: Path) -> dict:
    """Quote rows per second through the writer, on rows extracted beforehand (up to 10,000 articles).

    The peak RSS of this row includes those rows, held in memory before the timing starts.
    """
    from quotes.api import extractor_version
    from quotes.lexicon import load_lexicon
    from quotes.pipeline import Job, plan_partitions, run_partition
    from quotes.readers import ReadOptions
    from quotes.store import Store, StoredArticle, open_db
    from quotes.writer import Writer

    lexicon = load_lexicon()
    job = Job(lexicon, extractor_version(lexicon.digest), ReadOptions())
    rows: list[StoredArticle] = []
    for partition in plan_partitions(inputs, job.options):
        rows += [r for r in run_partition(partition, job) if isinstance(r, StoredArticle)]
        if len(rows) >= 10_000:
            break
    store = Store(open_db(scratch / "store-only.db"))
    writer = Writer(store, store.start_run(inputs, job.version, lexicon.digest, "bench"))
    started = time.perf_counter()
    for row in rows:
        writer.add(row)
    writer.finish()
    seconds = time.perf_counter() - started
    return {"stage": "store-only", "workers": 1, "seconds": seconds, "articles": len(rows),
            "quotes": writer.counts.quotes_stored, **peak_rss()}


def peak_rss() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_main_mb": own, "rss_worker_mb": workers}


def scale_table(inputs: list[str], workers: int, stages: list[str]) -> None:
    megabytes, articles = corpus_figures(inputs)
    print(f"corpus: {articles} articles, {megabytes:.1f} MB of article text ({', '.join(inputs)})")
    print(f"{'stage':28} {'workers':>7} {'seconds':>8} {'MB/s':>7} {'articles/s':>10} {'quotes/s':>9} "
          f"{'peak RSS MB: main / worker / all':>33}")
    names = {"extract-1": "extraction alone", "extract-n": "extraction alone", "store-1": "extraction + storage",
             "store-n": "extraction + storage", "store-only": "storage alone (SQLite writer)"}
    times = {}
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as scratch:
        for stage in stages:
            command = [sys.executable, __file__, "--one-stage", stage, "--workers", str(workers),
                       "--scratch", scratch, "--input", *inputs]
            output, total_rss = run_sampled(command)
            row = json.loads(output.strip().splitlines()[-1])
            times[stage] = row["seconds"]
            share = row.get("articles", articles) / articles
            worker_rss = f"{row['rss_worker_mb']:.0f}" if row["workers"] > 1 else "-"
            print(f"{names[stage]:28} {row['workers']:>7} {row['seconds']:8.2f} "
                  f"{megabytes * share / row['seconds']:7.2f} {articles * share / row['seconds']:10.0f} "
                  f"{row['quotes'] / row['seconds']:9.0f} {row['rss_main_mb']:>15.0f} / {worker_rss:>6} / "
                  f"{total_rss:>6.0f}")
    for single, multi in (("extract-1", "extract-n"), ("store-1", "store-n")):
        if single in times and multi in times:
            print(f"{names[single]}: {workers} workers are {times[single] / times[multi]:.2f}x one worker")


def run_sampled(command: list[str]) -> tuple[str, float]:
    """Run ``command``; its output and the peak of the summed RSS of its process tree, in MB.

    The tree is sampled from /proc every 0.2 s (Linux); elsewhere the peak is reported as 0.
    """
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, text=True)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.2)
        if process.returncode:
            raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
        out.seek(0)
        return out.read(), peak


def tree_rss(pid: int) -> float:
    """Summed resident memory of a process and all its descendants, in MB (0 without /proc)."""
    return tree_memory(pid)[0]


def tree_memory(pid: int) -> tuple[float, float]:
    """Summed RSS and PSS of a process and all its descendants, in MB (0 without /proc).

    Workers are forked, so pages they still share with the main process (its imports) count in
    each one's RSS; PSS counts a shared page once, split between the processes that share it.
    """
    rss = pss = 0.0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) / 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return rss, pss


# --- issue 14: storage and workers, side by side in one run ---------------------------------


LONG_WORD = re.compile(r"\b[A-Za-z]{5,}\b")


def near_copy(text: str, copy: int, kept: frozenset[str]) -> str:
    """``text`` with each word of five letters or more that is not in ``kept`` given the copy's own
    suffix ("Fleeing" -> "Fleeingqb"): distinct words, names and quotes in every copy, as news that
    never repeats has, where an exact copy hides whatever grows with distinct text (caches, speakers,
    near copies of quotes). The words the rules read (the lexicon's) are left alone."""
    import numpy as np  # imported here: the script also runs under other installations, which may have none

    suffix = "q" + "".join(chr(ord("a") + int(digit, 26)) for digit in np.base_repr(copy, 26))
    return LONG_WORD.sub(lambda word: word[0] if word[0].lower() in kept else word[0] + suffix, text)


def repeat_corpus(source: str, path: Path, megabytes: float, near: bool = False) -> int:
    """``source`` (JSON Lines) repeated up to ``megabytes``, copies with ids and outlets of their own
    (with ``near``, their long words tagged by :func:`near_copy`); lines written."""
    lines = [json.loads(line) for line in Path(source).read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = frozenset(word.lower() for word in re.findall(r"[A-Za-z]+", (
        resources.files("quotes") / "data" / "lexicon.toml").read_text(encoding="utf-8"))) if near else frozenset()
    written, copy = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < megabytes * 1e6 or copy == 0:
            for number, doc in enumerate(lines):
                copied = {**doc, "id": f"{doc.get('id', number)}~{copy}"}
                if copy:
                    copied["outlet"] = as_copy(doc.get("outlet"), copy)
                if copy and near:
                    copied["text"] = near_copy(doc["text"], copy, kept)
                out.write(json.dumps(copied, ensure_ascii=False) + "\n")
                written += 1
            copy += 1
    return written


def measured(command: list[str]) -> dict:
    """Run ``command`` in a fresh process: wall seconds, peak summed RSS and PSS of its process tree
    (MB, sampled every 0.1 s) and bytes it and its workers wrote to storage (``ru_oublock``)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = peak_pss = 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        rss, pss = tree_memory(process.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 3):  # 3: finished, with inputs skipped
        raise SystemExit(f"{' '.join(map(str, command))} failed with status {os.waitstatus_to_exitcode(status)}")
    return {"seconds": seconds, "rss_mb": peak, "pss_mb": peak_pss, "written": usage.ru_oublock * 512,
            "cpu": usage.ru_utime + usage.ru_stime}  # its own and its workers', as the machine's load barely moves it


def measured_together(commands: list[list[str]]) -> float:
    """Wall seconds of ``commands`` run at the same time, each in its own process."""
    started = time.perf_counter()
    processes = [subprocess.Popen(c, stdout=subprocess.DEVNULL) for c in commands]
    for process in processes:
        process.wait()
    return time.perf_counter() - started


def quotes_command(*args: object, python: str = sys.executable) -> list[str]:
    """``quotes`` run by the installation of ``python``: ``-P``, since ``python -m`` otherwise puts the
    current folder first on the path, and from a checkout's root every Python ran that checkout."""
    return [python, "-P", "-m", "quotes", *(str(a) for a in args)]


@cache  # a Python started for each question: asked for each installation by the check and by the table
def package_of(python: str) -> str:
    """The folder of the quotes package that ``quotes_command`` runs with ``python``."""
    return subprocess.run([python, "-P", "-c", "import quotes; print(quotes.__file__)"], capture_output=True,
                          text=True, check=True).stdout.strip().removesuffix("__init__.py")


def one_core_annotate(python: str) -> list[str]:
    """``annotate`` on one core: ``--workers 1`` where the installation has the option (since
    2026-12-05, whose default is every core), nothing for an older one, which has one process."""
    usage = subprocess.run(quotes_command("annotate", "--help", python=python), capture_output=True, text=True).stdout
    return ["--workers", "1"] if "--workers" in usage else []


def installations(baseline: str | None) -> dict[str, str]:
    """The Pythons to measure, by label: this one, and ``baseline`` (another installation's) first when given."""
    pythons = {"baseline": baseline, "this version": sys.executable} if baseline else {"this version": sys.executable}
    if baseline and package_of(baseline) == package_of(sys.executable):
        raise SystemExit(f"the baseline's Python runs the same package as this one ({package_of(baseline)})")
    return pythons


def annotate_on_one_core(pythons: dict[str, str], corpus: str | Path) -> dict[str, list[str]]:
    """By label, `quotes annotate` of ``corpus`` by each installation in one process (``one_core_annotate``),
    its output discarded."""
    return {label: quotes_command("annotate", corpus, "-o", os.devnull, *one_core_annotate(python), python=python)
            for label, python in pythons.items()}


def raw_executemany_rate(db_path: Path, scratch: Path) -> tuple[int, float]:
    """Rows per CPU second of plain ``executemany`` of the stored quote rows into a table with no key and no index."""
    source = sqlite3.connect(db_path)
    columns = [row[1] for row in source.execute("pragma table_info(quotes)") if row[1] != "rowid"]
    rows = source.execute(f"select {', '.join(f'[{c}]' for c in columns)} from quotes").fetchall()
    source.close()
    target = sqlite3.connect(scratch / "raw.db")
    target.execute(f"create table quotes ({', '.join(f'[{c}]' for c in columns)})")
    started = time.process_time()
    with target:
        target.executemany(f"insert into quotes values ({', '.join('?' * len(columns))})", rows)
    seconds = time.process_time() - started
    target.close()
    return len(rows), len(rows) / seconds


FLOOR_CACHE_KIB = 64 * 1024  # SQLite's page cache for the floor: four times a run's, so that no cache limits it
FILLING_TRIGGER = re.compile(r"after\s+insert\b.*?\binsert\s+into\s+[\"\[]?(\w+)", re.I | re.S)


def sqlite_floor_rate(db_path: Path, scratch: Path) -> float:
    """Quote rows per CPU second of SQLite's own work for the database at ``db_path``: every table
    copied by ``INSERT … SELECT`` into a new database of the same schema, its indexes built after
    the load (as a run into a new database builds them) and its full-text search rebuilt, with no
    Python per row and nothing computed. No storing that writes this database, this schema and these
    rows, can run faster: its ratio to the raw ``executemany`` rate is the floor of the storing ratio.
    """
    source = sqlite3.connect(db_path)
    schema = source.execute("select type, name, sql from sqlite_master "
                            "where sql is not null and name not like 'sqlite_%' order by rowid").fetchall()
    source.close()
    searches = {name for kind, name, sql in schema if kind == "table" and sql.lower().startswith("create virtual")}
    shadows = {name for kind, name, _ in schema
               if kind == "table" and any(name.startswith(f"{search}_") for search in searches)}
    filled_by_trigger = {m.group(1) for kind, _, sql in schema if kind == "trigger"
                         for m in [FILLING_TRIGGER.search(sql)] if m}
    tables = [name for kind, name, _ in schema if kind == "table" and name not in searches | shadows]
    target_path = scratch / "floor.db"
    for path in scratch.glob("floor.db*"):
        path.unlink()
    target = sqlite3.connect(target_path, isolation_level=None)
    target.execute("pragma journal_mode = wal")
    target.execute(f"pragma cache_size = -{FLOOR_CACHE_KIB}")
    for kind, name, sql in schema:
        if kind == "table" and name not in shadows:
            target.execute(sql)
    for kind, _, sql in schema:
        if kind == "trigger":  # full-text search filled as rows go in, where the schema does so
            target.execute(sql)
    target.execute(f"attach database '{db_path}' as source")
    started = time.process_time()
    target.execute("begin")
    for table in tables:
        target.execute(f"insert into main.[{table}] select * from source.[{table}]")
    target.execute("commit")
    for kind, _, sql in schema:
        if kind == "index":
            target.execute(sql)
    for search in sorted(searches - filled_by_trigger):
        target.execute(f"insert into [{search}]([{search}]) values ('rebuild')")
    seconds = time.process_time() - started
    quotes = target.execute("select count(*) from main.quotes").fetchone()[0]
    target.close()
    for path in scratch.glob("floor.db*"):
        path.unlink()
    return quotes / seconds


def storing_probe(corpus: str, db_path: str) -> dict:
    """CPU seconds of one ``extract_corpus`` with one worker into a new database, and of the engine
    (``quotes.extract``) inside it, and the quotes stored: run in a fresh process by each
    installation's Python (``--storing-probe``), their difference is storing measured in one
    process, free of the start-up and noise that two separate processes each carry."""
    import quotes
    import quotes.pipeline
    from quotes.api import extract_corpus

    engine = [0.0]
    original = quotes.extract

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            engine[0] += time.process_time() - started

    quotes.extract = timed
    if getattr(quotes.pipeline, "extract", None) is original:  # an installation that imported it at load
        quotes.pipeline.extract = timed
    started = time.process_time()
    summary = extract_corpus([corpus], db_path, workers=1)
    return {"total": time.process_time() - started, "engine": engine[0], "quotes": summary.quotes}


def storing_in_one_process(python: str, corpus: Path, db_path: Path) -> dict:
    """:func:`storing_probe` run by ``python`` (this script, with that installation of quotes), into a new database."""
    for path in db_path.parent.glob(db_path.name + "*"):
        path.unlink()
    output = subprocess.run([python, __file__, "--storing-probe", str(corpus), str(db_path)], capture_output=True,
                            text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def quote_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as db:
        return db.execute("select count(*) from quotes").fetchone()[0]


def database_bytes(db_path: Path) -> int:
    return sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))


def issue_table(source: str, workers: int, corpus_mb: float, bytes_mb: float, rss_mb: float, rounds: int,
                baseline: str | None = None, near: bool = False, textacy: str | None = None,
                peer_input: str | None = None) -> None:
    """Every figure of issue 14, measured side by side in this run: with ``textacy`` (a Python with
    textacy, see ``peers.py``) its first row too, `quotes annotate` on ``source`` against textacy on
    ``peer_input``, then the storage and worker figures.

    The timed commands run in ``rounds`` interleaved rounds and each figure is the best round,
    so that other jobs on a shared machine disturb the ratios as little as they can. With
    ``baseline`` (the Python of another installation of quotes, e.g. an older release), the same
    commands run for it too, in the same rounds, and its figures are printed first.
    """
    pythons = installations(baseline)
    packages = {label: package_of(python) for label, python in pythons.items()}
    if textacy:
        print(f"first row: quotes annotate on {source} against textacy on {peer_input}")
        compare_with_textacy(textacy, peer_input, annotate_on_one_core(pythons, source), source, rounds)
        print()
    with tempfile.TemporaryDirectory(prefix="quotes-issue-") as folder:
        scratch = Path(folder)
        corpus = scratch / "corpus.jsonl"
        articles = repeat_corpus(source, corpus, corpus_mb)
        megabytes = corpus.stat().st_size / 1e6
        print(f"corpus: {source} repeated to {megabytes:.1f} MB, {articles} articles; best of {rounds} rounds; "
              f"load average {os.getloadavg()[0]:.2f}")
        best: dict[tuple[str, str], dict] = {}
        raw_rate: dict[str, float] = {}
        floor_rate: dict[str, float] = {}  # SQLite's own work for the same database (sqlite_floor_rate)
        in_process: dict[str, dict] = {}
        annotate = annotate_on_one_core(pythons, corpus)
        rows: dict[str, int] = {}  # each installation's quotes: an older one may find fewer
        for _ in range(rounds):
            for label, python in pythons.items():
                for path in scratch.glob("*.db*"):
                    path.unlink()
                run = partial(quotes_command, python=python)
                found = {"annotate": measured(annotate[label]),
                         "one": measured(run("extract", corpus, "--db", scratch / "w1.db", "--workers", 1)),
                         "many": measured(run("extract", corpus, "--db", scratch / "wn.db", "--workers", workers)),
                         "pair": {"seconds": measured_together(
                             [run("extract", corpus, "--db", scratch / f"pair{n}.db", "--workers", 1)
                              for n in range(workers)]), "rss_mb": 0, "cpu": 0}}
                for name, row in found.items():
                    kept = best.setdefault((label, name), row)
                    if row["seconds"] < kept["seconds"]:
                        best[(label, name)] = {**row, "cpu": min(row["cpu"], kept["cpu"])}
                    else:
                        kept["cpu"] = min(kept["cpu"], row["cpu"])
                rows[label], rate = raw_executemany_rate(scratch / "w1.db", scratch)
                raw_rate[label] = max(raw_rate.get(label, 0), rate)
                floor_rate[label] = max(floor_rate.get(label, 0), sqlite_floor_rate(scratch / "w1.db", scratch))
                probe = storing_in_one_process(python, corpus, scratch / "probe.db")
                fastest = in_process.setdefault(label, probe)
                if probe["total"] - probe["engine"] < fastest["total"] - fastest["engine"]:
                    in_process[label] = probe
        for label in pythons:
            annotate, one, many, pair = (best[(label, n)] for n in ("annotate", "one", "many", "pair"))
            print(f"\n{label} ({pythons[label]}: quotes from {packages[label]})")
            print(f"{'command (fresh process, start-up included)':52} {'seconds':>8} {'CPU s':>6} {'MB/s':>6} "
                  f"{'peak RSS MB':>12}")
            for name, row in (("quotes annotate", annotate), ("quotes extract --workers 1", one),
                              (f"quotes extract --workers {workers}", many),
                              (f"{workers} x quotes extract --workers 1, at once", pair)):
                rate = megabytes * (workers if row is pair else 1) / row["seconds"]
                cpu, rss = ("-", "-") if row is pair else (f"{row['cpu']:.2f}", f"{row['rss_mb']:.0f}")  # not sampled
                print(f"{name:52} {row['seconds']:8.2f} {cpu:>6} {rate:6.2f} {rss:>12}")
            for clock, clock_name in (("seconds", "wall"), ("cpu", "CPU")):
                if one[clock] <= annotate[clock]:  # the machine's noise larger than storing itself
                    print(f"storing ({clock_name} time): not measurable, extract "
                          f"took {one[clock]:.2f} s and annotate {annotate[clock]:.2f} s")
                    continue
                storing = rows[label] / (one[clock] - annotate[clock])
                print(f"storing ({clock_name} time): {rows[label]} quote rows in "
                      f"{one[clock] - annotate[clock]:.2f} s (extract - annotate) = {storing:,.0f} rows/s; raw "
                      f"executemany of the same rows: {raw_rate[label]:,.0f} rows per CPU second; "
                      f"ratio {storing / raw_rate[label]:.3f}")
            print(f"storing's floor: SQLite's own work for the same database (every table copied by INSERT … "
                  f"SELECT into its schema, indexes and full-text search built after; no Python) "
                  f"{floor_rate[label]:,.0f} rows per CPU second; ratio {floor_rate[label] / raw_rate[label]:.3f}")
            probe = in_process[label]
            if probe["engine"]:
                seconds = probe["total"] - probe["engine"]
                print(f"storing (CPU time, in one process: the run less its engine, reading included): "
                      f"{probe['quotes']} quote rows in {seconds:.2f} s = {probe['quotes'] / seconds:,.0f} rows/s; "
                      f"ratio {probe['quotes'] / seconds / raw_rate[label]:.3f}")
            else:
                print("storing in one process: not measured (this installation's engine is not timed inside a run)")
            ceiling = workers * one["seconds"] / pair["seconds"]
            speedup = one["seconds"] / many["seconds"]
            print(f"workers: --workers {workers} is {speedup:.2f}x --workers 1; the machine's ceiling "
                  f"({workers} one-worker runs at once) is {ceiling:.2f}x, so {speedup / ceiling:.0%} of it")
        for path in scratch.glob("*.db*"):
            path.unlink()
        for size, figure in ((bytes_mb, "bytes"), (rss_mb, "rss")):
            if not size:
                continue
            big = scratch / f"{figure}.jsonl"
            repeat_corpus(source, big, size, near)
            for label, python in pythons.items():
                if figure == "rss" and label == "baseline":
                    continue  # an hour on a busy machine: the baseline's figure is in docs/performance.md
                db = scratch / f"{figure}.db"
                row = measured(quotes_command("extract", big, "--db", db, "--workers", workers, python=python))
                stored = database_bytes(db)
                print(f"{label}: {big.stat().st_size / 1e6:.0f} MB corpus{' of near copies' if near else ''}, "
                      f"--workers {workers}, "
                      f"{row['seconds']:.0f} s: {quote_count(db)} quotes, "
                      f"peak RSS {row['rss_mb']:.0f} MB for all processes (PSS {row['pss_mb']:.0f} MB, shared "
                      "pages counted once), "
                      f"{row['written'] / 1e9:.2f} GB written for a {stored / 1e6:.0f} MB database: "
                      f"{row['written'] / stored:.1f} bytes written per database byte")
                for path in scratch.glob(f"{figure}.db*"):
                    path.unlink()
            big.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=0,
                        help="repeat the texts N times (default: to ~5 MB); with --issue, the rounds (default 3)")
    parser.add_argument("--scale", action="store_true", help="measure the pipeline (see above)")
    parser.add_argument("--input", nargs="+", default=[], help="corpus files or folders for --scale")
    parser.add_argument("--size-mb", type=float, default=20, help="size of the generated corpus")
    parser.add_argument("--workers", type=int, default=2, help="N, the workers to compare with one")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--make-corpus", type=Path, help="write a generated corpus here and stop")
    parser.add_argument("--issue", action="store_true", help="the storage and worker figures of issue 14")
    parser.add_argument("--corpus-mb", type=float, default=16, help="--issue: size of the timed corpus")
    parser.add_argument("--bytes-mb", type=float, default=0, help="--issue: corpus for bytes written (0: skip)")
    parser.add_argument("--rss-mb", type=float, default=0, help="--issue: corpus for peak RSS (0: skip)")
    parser.add_argument("--baseline", help="--issue: the Python of another installation, measured alongside")
    parser.add_argument("--textacy", help="--issue: the Python of an environment with textacy (see peers.py)")
    parser.add_argument("--peer-input", help="--issue: the articles textacy reads (the issue: PolNeAR dev)")
    parser.add_argument("--near-copies", action="store_true",
                        help="--issue: copies for bytes and RSS with their long words tagged (news that never repeats)")
    parser.add_argument("--one-stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--storing-probe", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.storing_probe:
        print(json.dumps(storing_probe(*args.storing_probe)))
    elif args.make_corpus:
        make_corpus(args.make_corpus, args.size_mb)
    elif args.issue:
        if len(args.input) != 1:
            raise SystemExit("--issue needs one JSON Lines file: --input FILE.jsonl")
        if bool(args.textacy) != bool(args.peer_input):
            raise SystemExit("--textacy and --peer-input go together")
        issue_table(args.input[0], args.workers, args.corpus_mb, args.bytes_mb, args.rss_mb, args.repeat or 3,
                    args.baseline, args.near_copies, args.textacy, args.peer_input)
    elif args.one_stage:
        print(json.dumps(run_stage(args.one_stage, args.input, args.workers, args.scratch)))
    elif args.scale:
        if args.input:
            scale_table(args.input, args.workers, args.stages)
            return
        with tempfile.TemporaryDirectory(prefix="quotes-corpus-") as folder:
            corpus = Path(folder) / "corpus.jsonl"
            make_corpus(corpus, args.size_mb)
            scale_table([str(corpus)], args.workers, args.stages)
    else:
        engine_table(args.files, args.repeat)


if __name__ == "__main__":
    main()
