"""The ``quotes`` command line: a thin click layer over the Python API."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from importlib import resources
from pathlib import Path

import click
from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from quotes import queries, render
from quotes.annotate import annotate_stream
from quotes.api import extract_corpus
from quotes.cluster import ClusterError
from quotes.evaluate import evaluate_file, format_report
from quotes.lexicon import load_lexicon
from quotes.migrations import DatabaseProblem
from quotes.pipeline import default_workers
from quotes.publish.metadata import metadata_json
from quotes.readers import DEFAULT_MAX_CHARS, FORMATS, FieldMap, ReadError, ReadOptions, discover
from quotes.shards import ShardError, extract_to_shards, load_shards
from quotes.store import DB_ENV, DEFAULT_DB, default_db_path, open_db


def run_datasette(path: Path, datasette_args: tuple[str, ...]) -> None:
    """Datasette is imported only by the commands that serve: it costs every other command (and
    every worker process an extraction forks) 0.6 s and 20 MB."""
    from quotes.publish.serve import serve

    serve(path, datasette_args)


lexicon_option = click.option(
    "--lexicon",
    "lexicon_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra lexicon TOML file that extends the built-in cue verbs, roles and organisations. Repeatable.",
)


EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped or repaired


class QuotesGroup(click.Group):
    """Turns a database that cannot be used into a one-line error instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatabaseProblem as problem:
            raise click.ClickException(str(problem)) from None
        except sqlite3.OperationalError as error:  # disk full, database locked, read-only file
            raise click.ClickException(f"database error: {error}") from None


@click.group(cls=QuotesGroup)
@click.version_option(package_name="quotes")
def cli() -> None:
    """Find who said what in news text, store it in SQLite and publish it with Datasette."""


@cli.command()
@click.argument("input_file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
@lexicon_option
def annotate(input_file, output, lexicon_paths: tuple[str, ...]) -> None:
    """Add a `quotes` list to every JSON Lines document of INPUT_FILE.

    Each line is an object with `id` and `text`; other fields are kept. The output follows
    the evaluation format (shared/eval/FORMAT.md). Lines that are not valid documents are
    reported on stderr and skipped, and the exit status is then 3 (as for `extract`).
    """
    lexicon = load_lexicon(lexicon_paths)
    skipped = 0
    for line_number, result in annotate_stream(input_file, lexicon):
        if isinstance(result, str):
            skipped += 1
            click.echo(f"line {line_number}: skipped: {result}", err=True)
            continue
        output.write(json.dumps(result, ensure_ascii=False) + "\n")
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "n_errors", type=int, default=0, help="List up to N errors.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score this prediction file instead of annotating the gold documents.")
@lexicon_option
def evaluate(gold_file: str, n_errors: int, as_json: bool, predictions: str | None,
             lexicon_paths: tuple[str, ...]) -> None:
    """Annotate the documents of GOLD_FILE and score the result against its quotes.

    Prints precision, recall and F1 for finding quotes and for attributing them, by quote
    type and by rule, with the same matching as shared/eval/score.py.
    """
    report = evaluate_file(gold_file, predictions, load_lexicon(lexicon_paths), n_errors)
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(format_report(report))


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar=DB_ENV, show_envvar=True,
    help=f"Database file. Default: {DEFAULT_DB}.",
)


def output_options(fn):
    """``--json``, ``--csv`` and ``--nl`` (newline-delimited JSON); a text table by default."""
    for name, help_text in (("nl", "Newline-delimited JSON."), ("csv", "CSV with a header row."),
                            ("json", "A JSON array.")):
        fn = click.option(f"--{name}", "fmt", flag_value=name, help=help_text)(fn)
    return fn


def existing_db(db_path: Path | None) -> Database:
    path = db_path or default_db_path()
    if not path.exists():
        raise click.ClickException(f"no database at {path}: run `quotes extract` first, or pass --db")
    return open_db(path)


EXTRACT_EXIT_CODES = f"""Exit status: 0 when every input was read and stored; {EXIT_SKIPPED} when the run
finished but some inputs were skipped or repaired (each is printed on stderr as it happens and
recorded in the errors table); 1 when the run could not be done (for instance the database is
not a quotes database, or is from a newer version); 2 for a usage error. With --shards, problems
are printed as they happen and kept in the shards, and recorded in the errors table by `quotes load`."""
LOAD_EXIT_CODES = f"""Exit status: 0 when every shard row was stored; {EXIT_SKIPPED} when the shards hold inputs
that were skipped or repaired (each is printed on stderr and recorded in the errors table); 1 when
the shards or the database cannot be used."""


@cli.command(epilog=EXTRACT_EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--glob", default="*", show_default=True, help="File pattern to read inside folders.")
@click.option("--format", "input_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Read every input as this format instead of going by file extension.")
@click.option("--text-field", help="Record field with the article text. Default: text, body, content.")
@click.option("--id-field", help="Record field with the article id. Default: id.")
@click.option("--title-field", help="Record field with the title. Default: title, headline.")
@click.option("--url-field", help="Record field with the URL. Default: url, link.")
@click.option("--date-field", help="Record field with the publication date. Default: date, published.")
@click.option("--outlet-field", help="Record field with the outlet. Default: outlet, source, publication.")
@click.option("--outlet", help="Outlet for articles whose input names none.")
@click.option("--force", is_flag=True, help="Re-extract articles even when nothing has changed.")
@click.option("--max-chars", type=click.IntRange(min=0), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Skip articles longer than this many characters (0: no limit).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers, show_default="number of cores",
              help="Processes extracting in parallel (or LocalCluster workers with --dask local).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
                   "LocalCluster of --workers processes. Needs pip install 'quotes[dask]'.")
@click.option("--shards", "shards_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write Parquet shards, one per partition, to this (empty) directory instead of the "
                   "database; merge them with `quotes load`.")
@click.option("--warc-reader", type=click.Choice(["warcio", "fastwarc"]), default="warcio", show_default=True,
              help="Library that reads .warc/.warc.gz files (fastwarc: pip install 'quotes[warc-fast]').")
@lexicon_option
def extract(inputs: tuple[str, ...], db_path: Path | None, glob: str, input_format: str,
            text_field: str | None, id_field: str | None, title_field: str | None, url_field: str | None,
            date_field: str | None, outlet_field: str | None, outlet: str | None, force: bool,
            max_chars: int, as_json: bool, workers: int, dask_address: str | None, shards_dir: Path | None,
            warc_reader: str, lexicon_paths: tuple[str, ...]) -> None:
    """Read articles from INPUTS, extract their quotes and store them.

    INPUTS are files (.txt, .md, .html, .jsonl, .json, .csv, .warc, .warc.gz), folders (read
    recursively) or - for stdin. Articles already stored and unchanged are skipped; changed
    ones are replaced. Input is read as a stream and extracted by --workers processes, or on a
    Dask cluster; one process writes the database, so the result is the same either way.
    """
    fields = FieldMap.with_overrides(text=text_field, id=id_field, title=title_field, url=url_field,
                                     date=date_field, outlet=outlet_field)
    options = ReadOptions(glob=glob, format=input_format, fields=fields, outlet=outlet, max_chars=max_chars,
                          warc_reader=warc_reader)
    total = sum(s.size for s in discover(inputs, options) if not isinstance(s, ReadError))
    try:
        with click.progressbar(length=total, label="Extracting", file=sys.stderr,
                               hidden=not sys.stderr.isatty() or not total) as bar:
            if shards_dir:
                summary = extract_to_shards(inputs, shards_dir, options=options, lexicon_paths=lexicon_paths,
                                            workers=workers, dask=dask_address, on_progress=bar.update,
                                            on_error=print_problem)
            else:
                summary = extract_corpus(inputs, db_path, options=options, lexicon_paths=lexicon_paths,
                                         force=force, on_progress=bar.update, on_error=print_problem,
                                         workers=workers, dask=dask_address)
    except (ShardError, ClusterError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(asdict(summary), indent=2) if as_json else summary.line())
    exit_if_skipped(summary.errors, "the shards" if shards_dir else f"the errors table (run {summary.run_id})")


def print_problem(problem: ReadError) -> None:
    """One skipped or repaired input on stderr, over the progress bar's line when there is one."""
    clear_line = "\r\033[K" if sys.stderr.isatty() else ""
    verb = "skipped" if problem.skipped else "repaired"
    click.echo(f"{clear_line}{verb} {problem.source}: {problem.reason}", err=True)


def exit_if_skipped(errors: int, where: str) -> None:
    """Exit with status 3, saying how many inputs were skipped or repaired, when there were any."""
    if errors:
        click.echo(f"{errors} input{'s' * (errors != 1)} skipped or repaired: see {where}.", err=True)
        sys.exit(EXIT_SKIPPED)


@cli.command(epilog=LOAD_EXIT_CODES)
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def load(directory: Path, db_path: Path | None, as_json: bool) -> None:
    """Merge the Parquet shards in DIRECTORY (from `quotes extract --shards`) into the database.

    Speakers are merged as in a normal run, and the database ends up the same as a plain
    `quotes extract` of the same inputs. Loading the same shards again changes nothing.
    """
    try:
        summary = load_shards(directory, db_path, on_error=print_problem)
    except ShardError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(asdict(summary), indent=2) if as_json else summary.line())
    exit_if_skipped(summary.errors, f"the errors table (run {summary.run_id})")


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="Most results to show.")
@click.option("--speaker", help="Only quotes by speakers whose name or alias contains this.")
@click.option("--type", "quote_type", type=click.Choice(["direct", "indirect", "mixed"]),
              help="Only quotes of this type.")
@click.option("--raw", is_flag=True, help="Use FTS5 syntax as written (AND, OR, NOT, \"phrases\", prefix*).")
@output_options
def search(query: str, db_path: Path | None, limit: int, speaker: str | None, quote_type: str | None,
           raw: bool, fmt: str | None) -> None:
    """Full-text search over quotes, best match first, with speaker, article and context."""
    try:
        rows = queries.search(existing_db(db_path), query, limit=limit, speaker=speaker,
                              quote_type=quote_type, raw=raw)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(render.rows_as(rows, fmt) if fmt else render.search_hits(rows), nl=False)
    click.echo(f"{len(rows)} quote{'s' if len(rows) != 1 else ''} found", err=True)


@cli.command()
@db_option
@click.option("--top", default=20, show_default=True, help="How many speakers to list.")
@click.option("--kind", type=click.Choice(["person", "organization", "anonymous"]),
              help="Only this kind of speaker (default: people and organisations).")
@output_options
def speakers(db_path: Path | None, top: int, kind: str | None, fmt: str | None) -> None:
    """The most-quoted speakers, with role, organisation and how widely they are quoted."""
    rows = queries.top_speakers(existing_db(db_path), top, kind)
    columns = None if fmt else ["name", "kind", "role", "organization", "quotes", "articles", "outlets"]
    click.echo(render.rows_as(rows, fmt or "table", columns), nl=False)


@cli.command()
@click.argument("article")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the article and its quotes as JSON.")
def show(article: str, db_path: Path | None, as_json: bool) -> None:
    """Print ARTICLE with its quotes marked and attributed.

    ARTICLE is an article id, or part of its title, source path or URL.
    """
    db = existing_db(db_path)
    matches = queries.find_articles(db, article)
    if not matches:
        raise click.ClickException(f"no article matches {article!r}")
    if len(matches) > 1:
        listing = render.rows_as(matches, "table", ["id", "title", "outlet", "source"])
        raise click.ClickException(f"{len(matches)} articles match {article!r}; give an id:\n{listing}")
    found = matches[0]
    quotes = queries.article_quotes(db, found["id"])
    if as_json:
        click.echo(json.dumps({**found, "quotes": [queries.quote_record(q) for q in quotes]},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(render.article(found, quotes, color=sys.stdout.isatty()), nl=False)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv"]), default="jsonl",
              show_default=True,
              help="jsonl/json: one article per record with its quotes; csv: one quote per row.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
def export(db_path: Path | None, fmt: str, output) -> None:
    """Write every article and quote out again.

    The JSON Lines export can be read back by `quotes extract` and scored by `quotes evaluate
    --predictions`.
    """
    db = existing_db(db_path)
    rows = queries.export_quotes(db) if fmt == "csv" else queries.export_articles(db)
    count = 0
    if fmt == "csv":
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(output, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
            count += 1
    elif fmt == "json":
        records = list(rows)
        count = len(records)
        output.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    click.echo(f"Exported {count} {'quotes' if fmt == 'csv' else 'articles'} "
               f"({db['quotes'].count} quotes, {db['speakers'].count} speakers).", err=True)


@cli.command()
@click.option("-o", "--output", default="metadata.json", show_default=True,
              type=click.File("w", encoding="utf-8"),
              help="Where to write it; - for stdout.")
@click.option("--database", default="quotes", show_default=True,
              help="Database name the metadata is for: the database file's name without .db.")
def metadata(output, database: str) -> None:
    """Write the Datasette metadata: descriptions, facets, search settings and canned queries."""
    output.write(metadata_json(database))


SERVE_SETTINGS = {"ignore_unknown_options": True, "allow_extra_args": True}


@cli.command(context_settings=SERVE_SETTINGS)
@db_option
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db_path: Path | None, datasette_args: tuple[str, ...]) -> None:
    """Browse the database with Datasette on http://127.0.0.1:8001.

    The site only listens on this machine unless you pass `--host 0.0.0.0`. Datasette opens the
    database read-only, keeps its SQL time limit, and can be used while `quotes extract` writes.
    Options after the command go to `datasette serve`: `quotes serve -p 8080`, or
    `quotes serve --get /quotes/quotes.json` for one request without a server.
    """
    path = db_path or default_db_path()
    if not path.exists():
        raise click.ClickException(f"no database at {path}: run `quotes extract` first, or pass --db")
    run_datasette(path, datasette_args)


@cli.command(context_settings=SERVE_SETTINGS)
@db_option
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def demo(db_path: Path | None, datasette_args: tuple[str, ...]) -> None:
    """Extract the bundled example articles into the database and serve them.

    Extra options go to `datasette serve`, as for `quotes serve`.
    """
    path = db_path or default_db_path()
    with resources.as_file(resources.files("quotes") / "examples") as examples:
        summary = extract_corpus([str(examples)], path)
    click.echo(summary.line(), err=True)
    run_datasette(path, datasette_args)
