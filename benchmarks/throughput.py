"""Extraction throughput: MB of text per second and articles per second, on one core.

Usage: python benchmarks/throughput.py [FILE.jsonl ...] [--repeat N]

Without files it measures the bundled example articles, repeated to about 5 MB. With JSON Lines
files (objects with a "text" field, such as the evaluation corpora) it measures those. The sentence
splitter alone is timed in the same run, so the ratio between the two holds on a noisy machine.
"""

from __future__ import annotations

import argparse
import json
import time
from importlib import resources

from quotes import extract
from quotes.sentences import paragraphs, sentences


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=0, help="repeat the texts N times (default: to ~5 MB)")
    args = parser.parse_args()
    texts = load(args.files) if args.files else bundled_texts()
    size = sum(len(t.encode("utf-8")) for t in texts)
    repeat = args.repeat or max(1, 5_000_000 // max(size, 1))
    texts = texts * repeat
    megabytes = size * repeat / 1e6
    extract(texts[0])  # build the tokenizer and the lexicon once, outside the timing
    rows = [("extract", timed(extract, texts)), ("sentence split only", timed(split_only, texts))]
    print(f"{len(texts)} articles, {megabytes:.1f} MB")
    print(f"{'stage':22} {'seconds':>8} {'MB/s':>8} {'articles/s':>11}")
    for name, seconds in rows:
        print(f"{name:22} {seconds:8.2f} {megabytes / seconds:8.2f} {len(texts) / seconds:11.0f}")
    print(f"extract / split time ratio: {rows[0][1] / rows[1][1]:.2f}")


if __name__ == "__main__":
    main()
