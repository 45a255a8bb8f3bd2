"""Response time of the newsroom pages on a large database, next to Datasette's own table page.

Usage: python benchmarks/site_pages.py [--copies N] [--db PATH] [--runs N]

Without --db it builds a database from the bundled examples copied N times (default 300: 5,400
articles, about 25,000 quotes), spread over eight outlets and two years, so every speaker, outlet
and repeated quote is large. Each page is requested --runs times through Datasette's in-process
client and the median is printed, with its ratio to the median of ``/<db>/quotes`` (Datasette's
table page, 100 rows) measured in the same run.

It then stores one hostile article, a million characters holding 5,489 quotes, and times its page
alone and a small page requested while it renders: the highlighting is linear and runs in a
worker thread, so the small page does not wait for it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import random
import statistics
import tempfile
import time
from importlib import resources
from pathlib import Path

from datasette.app import Datasette

from quotes.api import extract_corpus
from quotes.readers import Article, read_inputs

OUTLETS = ["Herald", "Gazette", "Post", "Times", "Courier", "Observer", "Chronicle", "Wire"]


def build(path: Path, copies: int) -> None:
    with resources.as_file(resources.files("quotes") / "examples") as folder:
        articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    rng = random.Random(1)
    corpus = path.with_suffix(".jsonl")
    with corpus.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for number, article in enumerate(articles):
                day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(730))
                # A run stores one text once per outlet (quotes/identity.py): each copy ends with its
                # own line, or all but eight copies of each article would be skipped as the same text.
                text = f"{article.text}\n\nThis article appeared in edition {copy + 1}."
                out.write(json.dumps({"id": f"c{copy}-{number}", "title": article.title, "text": text,
                                      "outlet": rng.choice(OUTLETS), "date": day.isoformat()}) + "\n")
    print(extract_corpus([str(corpus)], path).line())


async def measure(path: Path, runs: int) -> None:
    name = path.stem
    ds = Datasette([str(path)])

    async def first(url: str, key: str) -> str:
        rows = (await ds.client.get(url)).json()
        return rows[0][key] if rows else "none"

    speaker = await first(f"/{name}/most_quoted_people.json?_shape=array", "speaker_id")
    article = await first(f"/{name}/articles.json?_shape=array&_size=1&_sort_desc=quote_count", "id")
    repeated = await first(f"/{name}/same_quote_in_many_articles.json?_shape=array", "quote_id")
    pages = [f"/{name}/quotes", f"/{name}/-/article/{article}", f"/{name}/-/speaker/{speaker}",
             f"/{name}/-/search?q=union", f"/{name}/-/outlets", f"/{name}/-/outlets?speaker={speaker}",
             f"/{name}/-/outlets?topic=strike", f"/{name}/-/repeated", f"/{name}/-/quote/{repeated}",
             f"/{name}/-/changed", f"/{name}/-/corrections", f"/{name}/women_quoted_by_outlet_and_month"]
    medians = {}
    for page in pages:
        medians[page], response = await median_time(ds, page, runs)
        reference = medians[pages[0]]
        print(f"{medians[page] * 1000:7.0f} ms  {medians[page] / reference:5.2f}x  "
              f"{len(response.content) / 1024:6.0f} KB  {page}")


async def median_time(ds: Datasette, page: str, runs: int):
    """The median seconds ``page`` takes through Datasette's in-process client, and its last response."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = await ds.client.get(page)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (page, response.status_code)
    return statistics.median(times), response


def long_article(path: Path) -> str:
    """A 1,000,000-character article with 5,489 quotes, stored by the real store; returns its id."""
    from quotes.model import Quote, Span, Speaker
    from quotes.store import Store, open_db

    sentence = '"The harbour wall will hold for now," said Jane Doe. '
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    quotes = []
    for n in range(5489):
        start = n * len(sentence) + 1
        quotes.append(Quote(Span.of(text, start, start + 35), "direct", None,
                            Speaker(Span.of(text, start + 41, start + 49), "Jane Doe", "person"), "bench", 0.9, 0, 0))
    Store(open_db(path)).save([(Article(text=text, source="long.txt", id="long-1", title="Long"), quotes)], None, "v")
    return "long-1"


async def measure_long(path: Path, runs: int) -> None:
    name = path.stem
    article = long_article(path)
    ds = Datasette([str(path)])
    await ds.client.get(f"/{name}/-/search?q=wall")
    alone, beside, small_alone = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        await ds.client.get(f"/{name}/-/article/{article}")
        alone.append(time.perf_counter() - start)
        start = time.perf_counter()
        await ds.client.get("/-/versions.json")
        small_alone.append(time.perf_counter() - start)

        async def small() -> float:
            await asyncio.sleep(0.05)  # once the article's request is under way
            begun = time.perf_counter()
            await ds.client.get("/-/versions.json")
            return time.perf_counter() - begun

        _, waited = await asyncio.gather(ds.client.get(f"/{name}/-/article/{article}"), small())
        beside.append(waited)
    print(f"{statistics.median(alone) * 1000:7.0f} ms  the page of a 1,000,000-character article with 5,489 quotes")
    print(f"{statistics.median(small_alone) * 1000:7.0f} ms  /-/versions.json alone")
    print(f"{statistics.median(beside) * 1000:7.0f} ms  /-/versions.json while the long article renders")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--db", type=Path, help="time the pages on this database instead of building one")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        if not args.db:
            build(path, args.copies)
        asyncio.run(measure(path, args.runs))
        if not args.db:
            asyncio.run(measure_long(path, args.runs))


if __name__ == "__main__":
    main()
