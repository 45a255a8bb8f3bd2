"""Scale: streaming partitions, worker pools, WARC input, Dask and Parquet shards.

Every parallel or sharded run is checked against a plain one-worker run of the same code on
the same corpus: same rows in the same order, same ids, same speaker aggregates.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import memory
from quotes.cli import EXIT_SKIPPED

PEOPLE = [
    ("Ines Moreau", "harbour master"),
    ("Karl Brenner", "city engineer"),
    ("Amara Okafor", "health minister"),
    ("Tom Reyes", "councillor"),
    ("Lucia Fernandez", "mayor"),
]
TOPICS = ["ferry", "bridge", "hospital", "school", "harbour wall", "tram line", "library"]

# Columns that record when or by which run something happened, not what was extracted.
BOOKKEEPING = {"extracted_at", "run_id", "created_at"}


def news_article(number: int) -> dict:
    """An article whose two quotes no extractor version can read differently."""
    name, role = PEOPLE[number % len(PEOPLE)]
    other, _ = PEOPLE[(number * 3 + 1) % len(PEOPLE)]
    topic = TOPICS[number % len(TOPICS)]
    text = (f"{topic.title()} plans, update {number}\n\n"
            f"\"The {topic} will open on time,\" said {name}, the {role}.\n\n"
            f"\"We have checked every figure twice,\" said {other}.\n")
    return {"id": f"n-{number}", "title": f"{topic.title()} plans", "outlet": ["Herald", "Post"][number % 2],
            "date": f"2025-03-{number % 28 + 1:02d}", "text": text}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder: a JSON Lines file with 120 articles (one bad line, one id given twice with another
    text, one with no text), a text file, and a CSV file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = [json.dumps(news_article(n)) for n in range(120)]
    lines.insert(40, "{this is not json")
    lines.insert(70, json.dumps({"id": "n-5", "text": '"The plan has changed," said Tom Reyes.'}))
    lines.insert(90, json.dumps({"id": "empty", "text": "   "}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "note.txt").write_text('Storm\n\n"Stay indoors tonight," said Ines Moreau.\n', encoding="utf-8")
    (folder / "letters.csv").write_text(
        'id,text\nl-1,"""The tram is late again,"" said Karl Brenner."\n', encoding="utf-8")
    return folder


def table_rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of the content tables in storage order, without the run bookkeeping columns."""
    db = sqlite3.connect(db_path)
    found = {}
    for table in ("articles", "quotes", "speakers", "errors"):
        columns = [f'"{row[1]}"' for row in db.execute(f"pragma table_info({table})") if row[1] not in BOOKKEEPING]
        found[table] = db.execute(f"select {', '.join(columns)} from {table} order by rowid").fetchall()
    full_text = db.execute("select count(*) from quotes_fts where quotes_fts match 'open'").fetchone()
    found["search"] = [full_text]
    db.close()
    return found


def extract(corpus_dir: Path, db: Path, **options):
    from quotes.api import extract_corpus

    return extract_corpus([str(corpus_dir)], db, partition_bytes=2000, **options)


@pytest.fixture
def one_worker(corpus, tmp_path) -> dict:
    summary = extract(corpus, tmp_path / "one.db", workers=1)
    # 120, a text, a CSV row; a bad line, no text, and n-5 given again with another text (a collision, not stored)
    assert (summary.articles, summary.errors) == (122, 3)
    return table_rows(tmp_path / "one.db")


# --- partitions -------------------------------------------------------------------------


def test_line_ranges_cover_a_file_at_line_ends_with_their_line_numbers(tmp_path):
    from quotes.pipeline import line_ranges

    path = tmp_path / "lines.jsonl"
    lines = [f'{{"n": {n}, "pad": "{"x" * (n % 50)}"}}\n'.encode() for n in range(500)]
    path.write_bytes(b"".join(lines))
    ranges = list(line_ranges(str(path), path.stat().st_size, 1000))
    assert len(ranges) > 10
    data = path.read_bytes()
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    for (start, end, first), (next_start, _, next_first) in zip(ranges, ranges[1:], strict=False):
        assert end == next_start and data[end - 1:end] == b"\n"
        assert next_first == first + data[start:end].count(b"\n")


def test_partitions_read_the_same_items_as_one_reader(corpus):
    from quotes.pipeline import partition_items, plan_partitions
    from quotes.readers import Notice, ReadOptions, read_inputs

    options = ReadOptions()
    partitions = list(plan_partitions([str(corpus)], options, size=1500))
    assert len(partitions) > 5 and [p.index for p in partitions] == list(range(len(partitions)))
    cut = [item for p in partitions for item in partition_items(p, options)]
    whole = list(read_inputs([str(corpus)], options))
    assert [i for i in cut if not isinstance(i, Notice)] == [i for i in whole if not isinstance(i, Notice)]
    # each byte range of a file says which fields it reads; the run prints each once
    assert {(i.source, i.message) for i in cut if isinstance(i, Notice)} == {
        (i.source, i.message) for i in whole if isinstance(i, Notice)}


def test_large_csv_records_are_read_by_the_planner_in_batches(tmp_path):
    from quotes.pipeline import partition_items, plan_partitions
    from quotes.readers import ReadOptions, read_inputs

    path = tmp_path / "big.csv"
    rows = [f'r-{n},"""Row {n} is fine,"" said Tom Reyes."' for n in range(300)]
    path.write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    partitions = list(plan_partitions([str(path)], ReadOptions(), size=2000))
    assert len(partitions) > 3 and all(piece.records for p in partitions for piece in p.pieces)
    items = [i for p in partitions for i in partition_items(p, ReadOptions())]
    assert items == list(read_inputs([str(path)]))


def test_the_pool_never_reads_far_ahead_of_the_writer(corpus):
    """Backpressure: while the first answer is awaited, only a few partitions have been planned."""
    from quotes.api import extractor_version
    from quotes.lexicon import load_lexicon
    from quotes.pipeline import Job, plan_partitions, run_partitions
    from quotes.readers import ReadOptions

    planned = []

    def counted():
        for partition in plan_partitions([str(corpus)], ReadOptions(), size=500):
            planned.append(partition.index)
            yield partition

    lexicon = load_lexicon()
    answers = run_partitions(counted(), Job(lexicon, extractor_version(lexicon.digest), ReadOptions()), workers=2)
    next(answers)
    assert len(planned) <= 2 * 2 + 1
    assert sum(1 for _ in answers) + 1 == len(planned) > 20


# --- workers ------------------------------------------------------------------------------


def test_annotate_writes_the_same_lines_with_two_workers(tmp_path, monkeypatch):
    """Batches of lines go to the workers and come back in input order, bad lines reported with
    their own numbers, as one process reports them."""
    import json

    from click.testing import CliRunner

    import quotes.annotate
    from quotes.cli import cli

    monkeypatch.setattr(quotes.annotate, "BATCH_BYTES", 200)  # a batch or two per document
    lines = [json.dumps({"id": f"d{n}", "text": f"“The pier will open in {n + 1} weeks,” said Ana Ruiz, the "
                                                  f"harbour master. The council voted on it {n} times."})
             for n in range(12)]
    lines[5:5] = ["not a document", ""]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = {workers: CliRunner().invoke(cli, ["annotate", str(source), "--workers", str(workers)])
            for workers in (1, 2)}
    assert [r.exit_code for r in runs.values()] == [3, 3]
    assert runs[2].stdout == runs[1].stdout
    assert [json.loads(line)["id"] for line in runs[2].stdout.splitlines()] == [f"d{n}" for n in range(12)]
    assert runs[2].stderr == runs[1].stderr == "line 6: skipped: invalid JSON: Expecting value at column 1\n"


def test_two_workers_store_exactly_what_one_worker_stores(corpus, tmp_path, one_worker):
    summary = extract(corpus, tmp_path / "two.db", workers=2)
    assert summary.quotes > 200
    assert table_rows(tmp_path / "two.db") == one_worker


def test_speakers_merge_across_partitions_with_their_aggregates(corpus, tmp_path, one_worker):
    import sqlite3

    extract(corpus, tmp_path / "two.db", workers=2)
    db = sqlite3.connect(tmp_path / "two.db")
    quotes = dict(db.execute("select speaker_id, count(*) from quotes where speaker_id is not null group by 1"))
    speakers = dict(db.execute("select id, quote_count from speakers"))
    assert speakers == quotes  # every count recomputed at the end, none left marked
    moreau = db.execute("select name, role, article_count, outlet_count from speakers "
                        "where match_key = 'person:ines moreau'").fetchone()
    assert moreau[0] == "Ines Moreau" and moreau[2] > 20 and moreau[3] == 2


def test_a_rerun_with_workers_skips_every_unchanged_article(corpus, tmp_path):
    db = tmp_path / "q.db"
    extract(corpus, db, workers=2)
    again = extract(corpus, db, workers=2)
    # n-5 given again with another text is a collision in every run, never a change
    assert (again.extracted, again.unchanged, again.quotes, again.errors) == (0, 122, 0, 3)


def test_a_killed_run_leaves_speakers_marked_and_the_next_run_recomputes_them(tmp_path):
    from quotes.model import Quote, Span, Speaker
    from quotes.readers import Article
    from quotes.store import Store, open_db, stored_article

    text = '"We are ready," said Tom Reyes.'
    quote = Quote(Span.of(text, 1, 14), "direct", None, Speaker(Span.of(text, 21, 30), "Tom Reyes", "person"),
                  "test", 0.9, 0, 0)
    store = Store(open_db(tmp_path / "q.db"))
    store.write([stored_article(Article(text, "a.txt", id="a"), [quote], "v1")], None)  # killed before the end
    assert [r["quote_count"] for r in store.db["speakers"].rows] == [None]
    assert store.refresh_pending() == 1
    assert [r["quote_count"] for r in store.db["speakers"].rows] == [1]


def test_cli_extract_takes_workers_and_reads_stdin_as_a_stream(tmp_path):
    from click.testing import CliRunner

    from quotes.cli import cli

    lines = "\n".join(json.dumps(news_article(n)) for n in range(30)) + "\n"
    result = CliRunner().invoke(cli, ["extract", "-", "--db", str(tmp_path / "q.db"), "--workers", "2", "--json"],
                                input=lines)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["articles"], summary["quotes"], summary["errors"]) == (30, 60, 0)


# --- WARC -----------------------------------------------------------------------------------


def page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>").encode()


WARC_RECORDS = [
    ("https://news.example/ferry", "text/html; charset=utf-8", "200 OK", page(
        "Ferry starts", "<p>\"The ferry will run every hour from Monday,\" said Ines Moreau, the harbour master."
        "</p><p>The first crossing leaves at six in the morning from the north pier.</p>")),
    ("https://news.example/robots.txt", "text/plain", "200 OK", b"User-agent: *\nDisallow:\n"),
    ("https://news.example/old", "text/html", "301 Moved Permanently", b""),
    ("https://news.example/bridge", "text/html", "200 OK", page(
        "Bridge closes", "<p>\"We have no choice but to close the bridge for repairs,\" said Karl Brenner, "
        "the city engineer.</p><p>Drivers are asked to use the ring road until the work is done.</p>")),
]


def write_warc(path: Path, records=WARC_RECORDS) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for day, (url, content_type, status, payload) in enumerate(records, 1):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2024-03-0{day}T10:00:00Z"}))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_articles_with_url_and_crawl_date(tmp_path, name):
    from quotes.api import extract_corpus

    write_warc(tmp_path / name)
    summary = extract_corpus([str(tmp_path / name)], tmp_path / "q.db")
    assert (summary.articles, summary.errors) == (2, 0)  # robots.txt and the redirect are not articles
    db = sqlite3.connect(tmp_path / "q.db")
    rows = db.execute("select url, crawled, title, source from articles order by rowid").fetchall()
    assert [r[:3] for r in rows] == [
        ("https://news.example/ferry", "2024-03-01T10:00:00+00:00", "Ferry starts"),
        ("https://news.example/bridge", "2024-03-04T10:00:00+00:00", "Bridge closes"),
    ]
    assert all(r[3].startswith(str(tmp_path / name) + "@") for r in rows)
    speakers = {r[0] for r in db.execute("select speaker_name from quotes")}
    assert {"Ines Moreau", "Karl Brenner"} <= speakers
    for text, start, end, content in db.execute(
            "select a.text, q.start, q.end, q.content from quotes q join articles a on a.id = q.article_id"):
        assert text[start:end] == content


@pytest.mark.parametrize("engine", ["warcio", "fastwarc"])
def test_warc_readers_agree_and_a_truncated_archive_keeps_what_came_before(tmp_path, engine):
    if engine == "fastwarc":
        pytest.importorskip("fastwarc", reason="FastWARC is optional: pip install 'quotes[warc-fast]'")
    from quotes.readers import ReadError
    from quotes.warc import html_pages

    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    pages = list(html_pages(path.open("rb"), str(path), engine))
    assert [(p.url, p.crawled) for p in pages] == [
        ("https://news.example/ferry", "2024-03-01T10:00:00+00:00"),
        ("https://news.example/bridge", "2024-03-04T10:00:00+00:00"),
    ]
    assert b"ferry will run" in pages[0].html
    data = path.read_bytes()
    for cut in (10, 200, 400):  # inside the last record's trailer, body and header
        truncated = tmp_path / "cut.warc.gz"
        truncated.write_bytes(data[:len(data) - cut])
        found = list(html_pages(truncated.open("rb"), str(truncated), engine))
        assert found[0].url == "https://news.example/ferry"
        if engine == "warcio":  # FastWARC ends a truncated archive quietly, as the docs say
            assert isinstance(found[-1], ReadError) and "damaged web archive" in found[-1].reason


def test_a_file_that_is_not_a_warc_is_an_error_not_a_crash(tmp_path):
    from click.testing import CliRunner

    from quotes.cli import cli

    (tmp_path / "fake.warc").write_text("this is not a web archive\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "fake.warc"), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == EXIT_SKIPPED
    assert "1 errors" in result.stdout and "not a WARC file" in result.stderr


def test_a_large_warc_is_read_by_the_planner_and_extracted_by_workers(tmp_path):
    from quotes.api import extract_corpus

    records = [(f"https://news.example/{n}", "text/html", "200 OK", page(
        f"Story {n}", f"<p>\"Story {n} is about the harbour and nothing else at all,\" said Tom Reyes.</p>"
        "<p>The council meets again next week to decide on the budget.</p>")) for n in range(40)]
    write_warc(tmp_path / "big.warc.gz", records)
    pooled = extract_corpus([str(tmp_path / "big.warc.gz")], tmp_path / "two.db", workers=2, partition_bytes=2000)
    alone = extract_corpus([str(tmp_path / "big.warc.gz")], tmp_path / "one.db", workers=1)
    assert pooled.articles == alone.articles == 40
    assert table_rows(tmp_path / "two.db") == table_rows(tmp_path / "one.db")


# --- Dask and Parquet shards ----------------------------------------------------------------


@pytest.fixture(scope="module")
def local_cluster():
    """A real Dask LocalCluster with two worker processes, shared by the tests that need one."""
    distributed = pytest.importorskip("distributed", reason="Dask is optional: pip install 'quotes[dask]'")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


def test_a_dask_cluster_of_two_workers_stores_what_one_worker_stores(corpus, tmp_path, one_worker, local_cluster):
    summary = extract(corpus, tmp_path / "dask.db", dask=local_cluster)
    assert summary.articles == 122
    assert table_rows(tmp_path / "dask.db") == one_worker


def test_cli_extract_on_a_local_dask_cluster(corpus, tmp_path, one_worker):
    pytest.importorskip("distributed", reason="Dask is optional: pip install 'quotes[dask]'")
    from click.testing import CliRunner

    from quotes.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(corpus), "--db", str(tmp_path / "local.db"),
                                      "--dask", "local", "--workers", "2"])
    assert result.exit_code == EXIT_SKIPPED, result.output  # a bad line, an empty text, a collision
    assert result.stdout.startswith("122 articles (122 extracted")
    assert table_rows(tmp_path / "local.db") == one_worker


@pytest.mark.parametrize("runner", ["pool", "dask"])
def test_shards_then_load_give_the_database_of_a_plain_run(corpus, tmp_path, one_worker, runner, request):
    pytest.importorskip("pyarrow", reason="shards need pyarrow: pip install 'quotes[dask]'")
    from quotes.shards import extract_to_shards, load_shards

    where = {"dask": request.getfixturevalue("local_cluster")} if runner == "dask" else {"workers": 2}
    shards = tmp_path / "shards"
    written = extract_to_shards([str(corpus)], shards, partition_bytes=2000, **where)
    names = sorted(p.name for p in shards.glob("part-*.parquet"))
    assert len(names) == written.shards > 5
    assert (written.articles, written.errors) == (123, 2)  # the collision is found when the shards are loaded
    loaded = load_shards(shards, tmp_path / "loaded.db")
    assert (loaded.articles, loaded.extracted, loaded.errors) == (122, 122, 3)
    assert table_rows(tmp_path / "loaded.db") == one_worker


def test_loading_shards_twice_changes_nothing(corpus, tmp_path):
    pytest.importorskip("pyarrow", reason="shards need pyarrow: pip install 'quotes[dask]'")
    from click.testing import CliRunner

    from quotes.cli import cli

    wire = corpus / "wire.jsonl"  # without the article given twice, whose first text a re-run would bring back
    wire.write_text("".join(line for line in wire.read_text(encoding="utf-8").splitlines(keepends=True)
                            if "The plan has changed" not in line), encoding="utf-8")
    shards, db = tmp_path / "shards", tmp_path / "q.db"
    made = CliRunner().invoke(cli, ["extract", str(corpus), "--shards", str(shards), "--workers", "2"])
    assert made.exit_code == EXIT_SKIPPED, made.output  # the bad line and the empty text, printed as they come
    assert f"skipped {wire}:41: invalid JSON" in made.stderr and "2 inputs skipped or repaired" in made.stderr
    assert "shards" in made.stdout and "quotes load" in made.stdout
    first = CliRunner().invoke(cli, ["load", str(shards), "--db", str(db), "--json"])
    before = table_rows(db)
    second = CliRunner().invoke(cli, ["load", str(shards), "--db", str(db), "--json"])
    assert first.exit_code == second.exit_code == EXIT_SKIPPED  # the shards hold the two problems
    assert f"skipped {wire}:41: invalid JSON" in first.stderr
    assert json.loads(first.stdout)["extracted"] == 122
    assert (json.loads(second.stdout)["extracted"], json.loads(second.stdout)["unchanged"]) == (0, 122)
    after = table_rows(db)
    assert {t: rows for t, rows in after.items() if t != "errors"} == {
        t: rows for t, rows in before.items() if t != "errors"}


def test_unfinished_or_reused_shard_directories_get_a_clear_error(corpus, tmp_path):
    pytest.importorskip("pyarrow", reason="shards need pyarrow: pip install 'quotes[dask]'")
    from click.testing import CliRunner

    from quotes.cli import cli

    shards = tmp_path / "shards"
    assert CliRunner().invoke(cli, ["extract", str(corpus), "--shards", str(shards)]).exit_code == EXIT_SKIPPED
    again = CliRunner().invoke(cli, ["extract", str(corpus), "--shards", str(shards)])
    assert again.exit_code == 1 and "already holds shards" in again.output
    (shards / "_manifest.json").unlink()
    unfinished = CliRunner().invoke(cli, ["load", str(shards), "--db", str(tmp_path / "q.db")])
    assert unfinished.exit_code == 1 and "did not finish" in unfinished.output


@pytest.mark.skipif(memory._LIBC is None, reason="only glibc hands freed pages back")
def test_memory_freed_by_a_partition_goes_back_to_the_system():
    def resident_mb() -> float:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    texts = [str(i).rjust(2000, "x") for i in range(40_000)]  # 80 MB of article-sized strings
    kept = texts[::100]  # one in a hundred outlives the others, as a stored row does: the free memory is in holes
    del texts
    before = resident_mb()
    memory.release_freed_memory()
    assert before - resident_mb() > 40
    assert len(kept) == 400


@pytest.mark.skipif(memory._LIBC is None, reason="only glibc hands freed pages back")
def test_a_large_block_goes_back_to_the_system_when_freed_even_after_a_larger_one(tmp_path):
    # in a process of its own: the C allocator's threshold depends on what the process freed before
    script = tmp_path / "blocks.py"
    script.write_text(
        "import os\n"
        "from quotes import memory\n"
        "def resident_mb():\n"
        "    with open('/proc/self/statm') as statm:\n"
        "        return int(statm.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20\n"
        "memory.map_large_blocks()\n"
        "first = b'x' * (8 * 2**20)\n"
        "del first  # glibc's own rule would now keep any block under 8 MB in the heap\n"
        "before = resident_mb()\n"
        "second = b'y' * (6 * 2**20)\n"
        "del second\n"
        "print(resident_mb() - before)\n")
    grown = float(subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout)
    assert grown < 1
