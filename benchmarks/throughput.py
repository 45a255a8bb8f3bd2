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

    python benchmarks/throughput.py --make-corpus big.jsonl --size-mb 1000
        Write such a corpus to a file, e.g. to measure peak RSS on a large input with
        --scale --input big.jsonl --stages store-n.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

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


def engine_table(files: list[str], repeat: int) -> None:
    texts = load(files) if files else bundled_texts()
    size = sum(len(t.encode("utf-8")) for t in texts)
    repeat = repeat or max(1, 5_000_000 // max(size, 1))
    texts = texts * repeat
    megabytes = size * repeat / 1e6
    extract(texts[0])  # build the tokenizer and the lexicon once, outside the timing
    rows = [("extract", timed(extract, texts)), ("sentence split only", timed(split_only, texts))]
    print(f"{len(texts)} articles, {megabytes:.1f} MB")
    print(f"{'stage':22} {'seconds':>8} {'MB/s':>8} {'articles/s':>11}")
    for name, seconds in rows:
        print(f"{name:22} {seconds:8.2f} {megabytes / seconds:8.2f} {len(texts) / seconds:11.0f}")
    print(f"extract / split time ratio: {rows[0][1] / rows[1][1]:.2f}")


def make_corpus(path: Path, megabytes: float) -> None:
    """JSON Lines of the bundled example articles, repeated with distinct ids up to ``megabytes``."""
    from quotes.readers import Article, read_inputs

    with resources.as_file(resources.files("quotes") / "examples") as folder:
        articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    target = megabytes * 1e6
    with path.open("w", encoding="utf-8") as out:
        number = 0
        while out.tell() < target:
            for article in articles:
                number += 1
                out.write(json.dumps({"id": f"bench-{number}", "title": article.title, "outlet": article.outlet,
                                      "author": article.author, "date": article.published,
                                      "text": article.text}, ensure_ascii=False) + "\n")


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
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) / 1024 if "VmRSS:" in status else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=0, help="repeat the texts N times (default: to ~5 MB)")
    parser.add_argument("--scale", action="store_true", help="measure the pipeline (see above)")
    parser.add_argument("--input", nargs="+", default=[], help="corpus files or folders for --scale")
    parser.add_argument("--size-mb", type=float, default=20, help="size of the generated corpus")
    parser.add_argument("--workers", type=int, default=2, help="N, the workers to compare with one")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--make-corpus", type=Path, help="write a generated corpus here and stop")
    parser.add_argument("--one-stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_corpus:
        make_corpus(args.make_corpus, args.size_mb)
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
