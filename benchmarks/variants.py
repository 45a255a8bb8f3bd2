"""Time to find the quotes that changed on the way (``quotes.variants``), per 100,000 quotes.

Usage: python benchmarks/variants.py [--quotes 100000 300000] [--copies 8 64] [--keep DIR]

For each size it writes a quotes database of that many distinct quotes (6 to 40 words drawn from a
20,000-word vocabulary with Zipf's frequencies, as words are in news), one in twenty an altered
copy, an excerpt or another speaker's copy of an earlier one, spread over 2,000 speakers; then it
times ``store_variants`` (what the end of every run does) and prints the seconds, the seconds per
100,000 quotes, how many variants it stored and how many of the planted ones it found (joined to
their source, directly or through their family), and its peak memory (on a pass of its own); then it
adds 1% more quotes and times it again, when the signatures of the quotes already there are read
back instead of computed. Two sizes side by side show whether the time and the memory grow linearly.
Last, it times the pages that read them (``/-/changed``, by kind, for one speaker, and the canned
query) through Datasette's in-process client. First, it times 100,000 quotes in families of near
copies (a wire quote as each of ``--copies`` outlets edited it), which are one row a copy, not one a
pair.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from quotes.canonical import canonical_quote
from quotes.store import open_db
from quotes.variants import Joined, store_variants

VOCABULARY = 20_000
SPEAKERS = 2_000


def corpus(size: int, seed: int = 1) -> tuple[list[dict], set[tuple[int, int]]]:
    """``size`` quote rows, and the (earlier, later) row numbers of the planted variants."""
    rng = random.Random(seed)
    words = [f"w{rank}" for rank in range(VOCABULARY)]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(VOCABULARY)))
    rows, planted = [], set()
    for number in range(size):
        speaker = f"s{rng.randrange(SPEAKERS)}"
        if number > 100 and rng.random() < 0.05:
            source = rng.randrange(number - 100)
            base = rows[source]["content"].split()
            change = rng.choice(("altered", "excerpt", "copied"))
            if change == "altered":
                base[rng.randrange(len(base))] = rng.choice(words)
                base.insert(rng.randrange(len(base)), rng.choice(words))
            elif change == "excerpt":
                start = rng.randrange(max(1, len(base) - 8))
                base = base[start:start + rng.randint(6, max(6, len(base) - start - 1))]
            speaker = rows[source]["speaker_id"] if change != "copied" else f"s{rng.randrange(SPEAKERS)}"
            planted.add((source, number))
            text = " ".join(base)
        else:
            text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(6, 40)))
        rows.append(quote_row(number, text, speaker, f"2024-{1 + number * 12 // size:02d}-{1 + number % 28:02d}"))
    return rows, planted


def quote_row(number: int, text: str, speaker: str, day: str) -> dict:
    """The ``number``-th quote row: five quotes an article."""
    return {"id": f"q{number}", "article_id": f"a{number // 5}", "speaker_id": speaker, "content": text,
            "canonical": canonical_quote(text), "speaker_kind": "person", "published": day,
            "start": number % 5 * 100, "end": number % 5 * 100 + len(text)}


def families(size: int, copies: int, seed: int = 1) -> list[dict]:
    """``size`` quote rows in families of ``copies`` near copies: a wire quote as each outlet
    edited it (one word changed, at a different place in each copy), all by its one speaker."""
    rng = random.Random(seed)
    words = [f"w{rank}" for rank in range(VOCABULARY)]
    rows = []
    for family in range(size // copies):
        base = rng.choices(words, k=rng.randint(12, 40))
        speaker = f"s{rng.randrange(SPEAKERS)}"
        for copy in range(copies):
            edited = list(base)
            edited[copy % len(base)] = rng.choice(words)
            rows.append(quote_row(len(rows), " ".join(edited), speaker,
                                  f"2024-{1 + copy * 12 // copies:02d}-{1 + family % 28:02d}"))
    return rows


def build(path: Path, rows: list[dict]) -> None:
    db = open_db(path)
    with db.atomic():
        db["articles"].insert_all(({"id": f"a{n}"} for n in range(len(rows) // 5 + 1)), batch_size=1000)
        db["speakers"].insert_all(({"id": f"s{n}", "match_key": f"person:s{n}", "kind": "person", "name": f"s{n}"}
                                   for n in range(SPEAKERS)), batch_size=1000)
        db["quotes"].insert_all(rows, batch_size=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    parser.add_argument("--copies", type=int, nargs="*", default=[8, 64],
                        help="also time 100,000 quotes in families of this many near copies")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        for copies in args.copies:
            path = folder / f"families-{copies}.db"
            path.unlink(missing_ok=True)
            build(path, rows := families(100_000, copies))
            db = open_db(path)
            start = time.perf_counter()
            stored = store_variants(db)
            seconds = time.perf_counter() - start
            count = len(rows) // copies
            print(f"{len(rows):>9,} quotes in {count:,} families of {copies} near copies: {seconds:6.1f} s, "
                  f"{stored:,} variants stored (one a copy: {count * (copies - 1):,}; every pair: "
                  f"{count * copies * (copies - 1) // 2:,}); peak memory of a first pass "
                  f"{first_pass_peak(db) / 1e6:.0f} MB")
        for size in args.quotes:
            rows, planted = corpus(size)
            path = folder / f"variants-{size}.db"
            path.unlink(missing_ok=True)
            build(path, rows)
            db = open_db(path)
            start = time.perf_counter()
            stored = store_variants(db)
            seconds = time.perf_counter() - start
            family = families_found(db, size)
            caught = sum(1 for source, copy in planted if family(source) == family(copy))
            print(f"{size:>9,} quotes: {seconds:6.1f} s, {seconds * 100_000 / size:5.1f} s per 100,000 quotes, "
                  f"{stored:,} variants stored, {caught:,} of {len(planted):,} planted found")
            print(f"{'':>9}  peak memory of a first pass: {first_pass_peak(db) / 1e6:.0f} MB (tracemalloc, untimed)")
            more, _ = corpus(size // 100, seed=2)  # a later run brings 1% more quotes
            db["quotes"].insert_all(({**row, "id": f"n{row['id']}", "article_id": "a0"} for row in more),
                                    batch_size=1000)
            start = time.perf_counter()
            store_variants(db)
            again = time.perf_counter() - start
            print(f"{'':>9}  and after a run that adds {len(more):,} quotes (signatures stored): {again:6.1f} s, "
                  f"{again * 100_000 / (size + len(more)):5.1f} s per 100,000 quotes")
            for page, seconds in asyncio.run(page_times(path)):
                print(f"{'':>9}  {seconds * 1000:6.0f} ms  {page}")


def families_found(db, size: int):
    """Each quote's family (the root of its row number) as the stored variants join them: a planted
    copy of a copy is reported beside the earliest quote of its family, not beside its source."""
    family = Joined(size)
    for a, b in db.execute("select quote_a, quote_b from quote_variants"):
        family.join(int(a[1:]), int(b[1:]))
    return family.root


def first_pass_peak(db) -> int:
    """Bytes allocated at the peak of ``store_variants`` with no signature stored (Python objects and
    numpy arrays alike), measured on a pass of its own, since tracing slows what it traces."""
    db.execute("delete from quote_signatures")
    tracemalloc.start()
    try:
        store_variants(db)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def page_times(path: Path, runs: int = 3) -> list[tuple[str, float]]:
    """The median time of the pages that read the variants, through Datasette's in-process client."""
    from datasette.app import Datasette
    from site_pages import median_time  # benchmarks/ is on the path when a script in it runs

    ds = Datasette([str(path)])
    name = path.stem
    speaker = (await ds.client.get(f"/{name}/quote_variants.json?_shape=array&_size=1")).json()[0]["speaker_a"]
    found = []
    for page in (f"/{name}/-/changed", f"/{name}/-/changed?kind=altered", f"/{name}/-/changed?speaker={speaker}",
                 f"/{name}/quotes_that_changed"):
        found.append((page, (await median_time(ds, page, runs))[0]))
    return found


if __name__ == "__main__":
    main()
