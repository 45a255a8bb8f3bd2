"""The ``quotes`` command line: a thin click layer over the Python API.

Modules that load NLTK, SQLite code or Datasette are imported inside the commands that use them,
so ``quotes --help`` starts in a fraction of a second (``benchmarks/startup.py`` measures it).
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from quotes.location import DB_ENV, DEFAULT_DB, default_db_path
from quotes.readers import DEFAULT_MAX_CHARS, FORMATS

# Exit statuses: each means one thing, for every command.
EXIT_FAILED = 1  # the command could not do its work (no database, not a quotes database, bad file): one line says why
EXIT_USAGE = 2  # an unknown option or a bad value (click's own)
EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped or repaired
EXIT_CANNOT_SERVE = 4  # `serve` or `demo` could not start the site (the port is in use, the address cannot be used)
EXIT_STATUSES = f"""Exit status: 0 done; {EXIT_FAILED} the command could not do its work (one line on stderr
says why); {EXIT_USAGE} a usage error; {EXIT_SKIPPED} a run finished but skipped or repaired some inputs;
{EXIT_CANNOT_SERVE} the site could not be started."""

lexicon_option = click.option(
    "--lexicon",
    "lexicon_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra lexicon TOML file that extends the built-in cue verbs, roles and organisations. Repeatable.",
)
scope_option = click.option(
    "--scope", type=click.Choice(["speech", "all"]), default="speech", show_default=True,
    help="speech: what was said or written; all: beliefs, intentions, perception and evidence as well "
         "(each quote's category says which).",
)
db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar=DB_ENV, show_envvar=True,
    help=f"Database file. Default: {DEFAULT_DB} under the current folder.",
)


class CannotServe(click.ClickException):
    exit_code = EXIT_CANNOT_SERVE


class QuotesGroup(click.Group):
    """Turns a database that cannot be used into a one-line error instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:  # imported only now, so that `quotes COMMAND --help` stays quick
            from sqlite3 import OperationalError

            from quotes.migrations import DatabaseProblem
            from quotes.rules.registry import RegistryError

            if isinstance(error, DatabaseProblem | RegistryError):
                raise click.ClickException(str(error)) from None
            if isinstance(error, OperationalError):  # disk full, database locked, read-only file
                raise click.ClickException(f"database error: {error}") from None
            raise


@click.group(cls=QuotesGroup, epilog=EXIT_STATUSES)
@click.version_option(package_name="quotes")
def cli() -> None:
    """Find who said what in news text, store it in SQLite and publish it with Datasette."""


def database_path(db_path: Path | None) -> Path:
    """The one rule: --db, else $QUOTES_DB, else db/quotes.db under the current folder; made absolute,
    so that every command says exactly which file it used."""
    return (db_path or default_db_path()).absolute()


def existing_db(db_path: Path | None):
    from quotes.store import open_db

    path = database_path(db_path)
    if not path.exists():
        raise click.ClickException(f"no database at {path}: run `quotes extract` first, pass --db, or set {DB_ENV}")
    return open_db(path)


def output_options(fn):
    """sqlite-utils' output options, written once for every listing command.

    ``--table`` (the default), ``--fmt``, ``--json``, ``--nl``, ``--csv``, ``--tsv`` and ``--wide``
    become one ``output`` argument (a ``render.Output``).
    """
    options = [
        click.option("-t", "--table", "as_table", is_flag=True, help="A text table (the default)."),
        click.option("--fmt", "table_format", metavar="FORMAT",
                     help="A text table in this tabulate format: simple, github, grid, psql, rst, html, …"),
        click.option("--json", "as_json", is_flag=True, help="A JSON array of objects."),
        click.option("--nl", is_flag=True, help="Newline-delimited JSON: one object a line."),
        click.option("--csv", "as_csv", is_flag=True,
                     help="CSV with a header row; text a spreadsheet would run as a formula gets a leading '."),
        click.option("--tsv", is_flag=True, help="Tab-separated values with a header row, escaped as --csv."),
        click.option("--wide", is_flag=True, help="Table cells in full: long text is not wrapped."),
    ]

    @functools.wraps(fn)
    def command(*args, as_table, table_format, as_json, nl, as_csv, tsv, wide, **kwargs):
        from quotes.render import Output

        chosen = [name for name, given in (("table", as_table or bool(table_format)), ("json", as_json),
                                           ("nl", nl), ("csv", as_csv), ("tsv", tsv)) if given]
        if len(chosen) > 1:
            raise click.UsageError(f"choose one output format, not {' and '.join('--' + c for c in chosen)}")
        if table_format:
            from tabulate import tabulate_formats

            if table_format not in tabulate_formats:
                raise click.BadParameter(f"{table_format!r} is not one of {', '.join(tabulate_formats)}",
                                         param_hint="--fmt")
        output = Output(chosen[0] if chosen else None, table_format or "simple", wide)
        return fn(*args, output=output, **kwargs)

    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@click.argument("input_file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
@lexicon_option
@scope_option
def annotate(input_file, output, lexicon_paths: tuple[str, ...], scope: str) -> None:
    """Add a `quotes` list to every JSON Lines document of INPUT_FILE.

    Each line is an object with `id` and `text`; other fields are kept. The output follows
    the evaluation format (shared/eval/FORMAT.md). Lines that are not valid documents are
    reported on stderr and skipped, and the exit status is then 3 (as for `extract`).
    """
    from quotes.annotate import annotate_stream
    from quotes.lexicon import load_lexicon

    lexicon = load_lexicon(lexicon_paths)
    skipped = 0
    for line_number, result in annotate_stream(input_file, lexicon, scope):
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
@click.option("--calibration", "show_calibration", is_flag=True,
              help="Also print a reliability table: per confidence bin, the share of quotes attributed right.")
@click.option("--fit-calibration", "fit_to", type=click.Path(dir_okay=False, writable=True),
              help="Fit each rule's confidence on GOLD_FILE (annotated with --scope all) and write the table "
                   "to this file (the shipped one is quotes/data/calibration.json).")
@lexicon_option
@scope_option
def evaluate(gold_file: str, n_errors: int, as_json: bool, predictions: str | None, show_calibration: bool,
             fit_to: str | None, lexicon_paths: tuple[str, ...], scope: str) -> None:
    """Annotate the documents of GOLD_FILE and score the result against its quotes.

    Prints precision, recall and F1 for finding quotes and for attributing them, by quote
    type and by rule, with the same matching as shared/eval/score.py.
    """
    from quotes.calibration import format_reliability
    from quotes.evaluate import evaluate_file, fit_calibration_file, format_report
    from quotes.lexicon import load_lexicon

    lexicon = load_lexicon(lexicon_paths)
    if fit_to:
        fitted = fit_calibration_file(gold_file, fit_to, lexicon)
        click.echo(f"Fitted the confidence of {len(fitted['rules'])} rules on {gold_file}: {fit_to}", err=True)
        return
    report = evaluate_file(gold_file, predictions, lexicon, n_errors, scope)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(format_report(report))
    if show_calibration:
        click.echo(format_reliability(report["calibration"]))


@cli.command()
@click.option("--markdown", is_flag=True, help="The README's tables, in Markdown.")
@click.option("--check", is_flag=True, help="Run every rule's must and must-not examples; exit 1 if one fails.")
@lexicon_option
def rules(markdown: bool, check: bool, lexicon_paths: tuple[str, ...]) -> None:
    """List the attribution rules, claim boundaries and filters, in the order they run.

    Each rule shows its pass, the layout it reads and its confidence (the share of its quotes
    attributed right on PolNeAR train). Plugins' rules, and the pattern rules of a --lexicon
    file, are listed too.
    """
    from quotes.lexicon import load_lexicon
    from quotes.rules import registry
    from quotes.rules.examples import problems
    from quotes.rules.pattern import pattern_rules
    from quotes.rules.registry import markdown_tables

    lexicon = load_lexicon(lexicon_paths)
    if markdown:
        click.echo(markdown_tables(), nl=False)
        return
    reg = registry()
    every = [*reg.rules.values(), *pattern_rules(lexicon)]
    if check:
        found = [p for item in [*every, *reg.boundaries.values(), *reg.filters.values()]
                 for p in problems(item.name, item.must, item.must_not, lexicon)]
        for problem in found:
            click.echo(problem, err=True)
        click.echo(f"{len(every)} rules, {len(reg.boundaries)} boundaries, {len(reg.filters)} filters: "
                   f"{len(found)} example{'s' * (len(found) != 1)} failed", err=True)
        sys.exit(EXIT_FAILED if found else 0)
    for rule in sorted(every, key=lambda r: (PASS_ORDER.index(r.pass_name), r.priority, r.name)):
        click.echo(f"{rule.name:32} {rule.pass_name:12} {rule.confidence:.2f}  {rule.layout}")
    for boundary in reg.boundaries.values():
        click.echo(f"{boundary.name:32} {'claim ' + boundary.side:12}       {boundary.description}")
    for flt in reg.filters.values():
        click.echo(f"{flt.name:32} {flt.stage:12}       {flt.description}")


PASS_ORDER = ("direct", "patterns", "reported", "continuation")


EXTRACT_EXIT_CODES = f"""Exit status: 0 when every input was read and stored; {EXIT_SKIPPED} when the run
finished but some inputs were skipped or repaired (each is printed on stderr as it happens and
recorded in the errors table); 1 when the run could not be done (for instance the database is
not a quotes database, or is from a newer version); 2 for a usage error. With --shards, problems
are printed as they happen and kept in the shards, and recorded in the errors table by `quotes load`."""
LOAD_EXIT_CODES = f"""Exit status: 0 when every shard row was stored; {EXIT_SKIPPED} when the shards hold inputs
that were skipped or repaired (each is printed on stderr and recorded in the errors table); 1 when
the shards or the database cannot be used."""


def default_workers() -> int:
    from quotes.pipeline import default_workers as cores

    return cores()


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
@click.option("--silent", is_flag=True, help="No progress bar (it is shown on a terminal only, in any case).")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers, show_default="number of cores",
              help="Processes extracting in parallel (or LocalCluster workers with --dask local).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
                   "LocalCluster of --workers processes. Needs pip install '.[dask]'.")
@click.option("--shards", "shards_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write Parquet shards, one per partition, to this (empty) directory instead of the "
                   "database; merge them with `quotes load`.")
@click.option("--warc-reader", type=click.Choice(["warcio", "fastwarc"]), default="warcio", show_default=True,
              help="Library that reads .warc/.warc.gz files (fastwarc: pip install '.[warc-fast]').")
@lexicon_option
@scope_option
def extract(inputs: tuple[str, ...], db_path: Path | None, glob: str, input_format: str,
            text_field: str | None, id_field: str | None, title_field: str | None, url_field: str | None,
            date_field: str | None, outlet_field: str | None, outlet: str | None, force: bool,
            max_chars: int, as_json: bool, silent: bool, workers: int, dask_address: str | None,
            shards_dir: Path | None, warc_reader: str, lexicon_paths: tuple[str, ...], scope: str) -> None:
    """Read articles from INPUTS, extract their quotes and store them.

    INPUTS are files (.txt, .md, .html, .jsonl, .json, .csv, .warc, .warc.gz), folders (read
    recursively) or - for stdin. Articles already stored and unchanged are skipped; changed
    ones are replaced. Input is read as a stream and extracted by --workers processes, or on a
    Dask cluster; one process writes the database, so the result is the same either way.
    """
    from quotes.api import extract_corpus
    from quotes.cluster import ClusterError
    from quotes.readers import FieldMap, ReadError, ReadOptions, discover
    from quotes.shards import ShardError, extract_to_shards

    fields = FieldMap.with_overrides(text=text_field, id=id_field, title=title_field, url=url_field,
                                     date=date_field, outlet=outlet_field)
    options = ReadOptions(glob=glob, format=input_format, fields=fields, outlet=outlet, max_chars=max_chars,
                          warc_reader=warc_reader)
    total = sum(s.size for s in discover(inputs, options) if not isinstance(s, ReadError))
    try:
        with click.progressbar(length=total, label="Extracting", file=sys.stderr,
                               hidden=silent or not sys.stderr.isatty() or not total) as bar:
            if shards_dir:
                summary = extract_to_shards(inputs, shards_dir, options=options, lexicon_paths=lexicon_paths,
                                            workers=workers, dask=dask_address, on_progress=bar.update,
                                            on_error=print_problem, scope=scope)
            else:
                summary = extract_corpus(inputs, database_path(db_path), options=options,
                                         lexicon_paths=lexicon_paths, force=force, on_progress=bar.update,
                                         on_error=print_problem, workers=workers, dask=dask_address, scope=scope)
    except (ShardError, ClusterError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(asdict(summary), indent=2) if as_json else summary.line())
    exit_if_skipped(summary.errors, "the shards" if shards_dir else f"the errors table (run {summary.run_id})")


def print_problem(problem) -> None:
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
    from quotes.shards import ShardError, load_shards

    try:
        summary = load_shards(directory, database_path(db_path), on_error=print_problem)
    except ShardError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(asdict(summary), indent=2) if as_json else summary.line())
    exit_if_skipped(summary.errors, f"the errors table (run {summary.run_id})")


@cli.command()
@db_option
def path(db_path: Path | None) -> None:
    """Print the path of the database the other commands use (whether or not it exists yet).

    For instance `datasette "$(quotes path)"`.
    """
    click.echo(str(database_path(db_path)))


SEARCH_COLUMNS = ["speaker", "role", "organization", "type", "content", "title", "outlet", "published",
                  "article_id", "id"]


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
           raw: bool, output) -> None:
    """Full-text search over quotes, best match first, with speaker, article and context.

    Without an output option each quote is shown in its context; --table lists them in a table.
    """
    from quotes import queries, render

    db = existing_db(db_path)
    try:
        rows = queries.search(db, query, limit=limit, speaker=speaker, quote_type=quote_type, raw=raw)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if output.format:
        output.write(rows, None if output.format != "table" else SEARCH_COLUMNS)
    else:
        click.echo(render.search_hits(rows), nl=False)
    click.echo(f"{len(rows)} quote{'s' if len(rows) != 1 else ''} found in {database_path(db_path)}", err=True)


@cli.command()
@db_option
@click.option("--top", default=20, show_default=True, help="How many speakers to list.")
@click.option("--kind", type=click.Choice(["person", "organization", "anonymous"]),
              help="Only this kind of speaker (default: people and organisations).")
@output_options
def speakers(db_path: Path | None, top: int, kind: str | None, output) -> None:
    """The most-quoted speakers, with role, organisation and how widely they are quoted."""
    from quotes import queries

    rows = queries.top_speakers(existing_db(db_path), top, kind)
    columns = ["name", "kind", "role", "organization", "quotes", "articles", "outlets", "id"]
    output.write(rows, columns if output.format in (None, "table") else None)


@cli.command()
@click.argument("article")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the article and its quotes as JSON.")
def show(article: str, db_path: Path | None, as_json: bool) -> None:
    """Print ARTICLE with its quotes marked and attributed.

    ARTICLE is an article id, or part of its title, source path or URL.
    """
    import io

    from quotes import queries, render

    db = existing_db(db_path)
    matches = queries.find_articles(db, article)
    if not matches:
        raise click.ClickException(f"no article matches {article!r}")
    if len(matches) > 1:
        listing = io.StringIO()
        render.Output("table").write(matches, ["id", "heading", "outlet", "source"], out=listing)
        raise click.ClickException(f"{len(matches)} articles match {article!r}; give an id:\n{listing.getvalue()}")
    found = matches[0]
    quotes = queries.article_quotes(db, found["id"])
    if as_json:
        found.pop("heading", None)
        click.echo(json.dumps({**found, "quotes": [queries.quote_record(q) for q in quotes]},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(render.article(found, quotes, color=sys.stdout.isatty()), nl=False)


@cli.command()
@db_option
@click.option("--format", "legacy_format", type=click.Choice(["jsonl", "json", "csv"]), hidden=True,
              help="Older spelling of --nl, --json and --csv.")
@click.option("-o", "--output", "output_file", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file (default: stdout).")
@output_options
def export(db_path: Path | None, legacy_format: str | None, output_file, output) -> None:
    """Write every article and quote out again.

    --nl (the default) and --json give one article per record with its quotes, which `quotes
    extract` can read back and `quotes evaluate --predictions` can score; --csv, --tsv and --table
    give one quote per row with its article's metadata.
    """
    from quotes import queries

    if legacy_format:
        output.format = {"jsonl": "nl", "json": "json", "csv": "csv"}[legacy_format]
    output.format = output.format or "nl"
    db = existing_db(db_path)
    per_quote = output.format in ("csv", "tsv", "table")
    rows = queries.export_quotes(db) if per_quote else queries.export_articles(db)
    count = output.write(rows, out=output_file)
    where = "stdout" if output_file.name == "<stdout>" else str(Path(output_file.name).absolute())
    click.echo(f"Exported {count} {'quotes' if per_quote else 'articles'} from {database_path(db_path)} to {where} "
               f"({db['quotes'].count} quotes, {db['speakers'].count} speakers).", err=True)


SITE_OPTIONS = [
    click.option("--title", help="The site's title."),
    click.option("--description", help="A sentence about the data, on the home page."),
    click.option("--license", "license_", metavar="NAME", help="The data's licence (the code's is stated apart)."),
    click.option("--license-url", help="Link to the data's licence."),
    click.option("--source", help="Where the data comes from."),
    click.option("--source-url", help="Link to the source of the data."),
]


def site_options(fn):
    for option in reversed(SITE_OPTIONS):
        fn = option(fn)
    return fn


def settings_of(title, description, license_, license_url, source, source_url) -> dict:
    return {"title": title, "description": description, "license": license_, "license_url": license_url,
            "source": source, "source_url": source_url}


@cli.command()
@click.option("-o", "--output", default="metadata.json", show_default=True, type=click.Path(dir_okay=False,
              allow_dash=True, path_type=Path), help="Where to write it; - for stdout.")
@click.option("--force", is_flag=True, help="Replace the file when it exists.")
@site_options
def metadata(output: Path, force: bool, title, description, license_, license_url, source, source_url) -> None:
    """Write a site settings file: title, description, and the data's licence and source.

    Edit it, then pass it to `quotes serve --metadata FILE` or `datasette DB --metadata FILE`;
    what it sets is added to what the plugin gives every quotes database.
    """
    from quotes.publish.metadata import settings_template, site_settings

    settings = {**settings_template(), **site_settings(**settings_of(title, description, license_, license_url,
                                                                      source, source_url))}
    text = json.dumps(settings, indent=2, ensure_ascii=False) + "\n"
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    if output.exists() and not force:
        raise click.ClickException(f"{output.absolute()} exists: pass --force to replace it, or -o another file")
    output.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {output.absolute()}: edit it, then `quotes serve --metadata {output}`.", err=True)


SERVE_SETTINGS = {"ignore_unknown_options": True, "allow_extra_args": True}
serve_options = [
    click.option("-h", "--host", default="127.0.0.1", show_default=True,
                 help="Address to listen on; 0.0.0.0 serves beyond this machine."),
    click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
                 help="Port to listen on."),
    click.option("-m", "--metadata", "metadata_file", type=click.Path(exists=True, dir_okay=False),
                 help="A metadata file of your own (JSON or YAML, as `quotes metadata` writes): added to the site's."),
    click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
                 help="A host name the site answers to besides this machine's (a public name behind a proxy); "
                      "'*' for any. Repeatable."),
    *SITE_OPTIONS,
]


def with_serve_options(fn):
    for option in reversed(serve_options):
        fn = option(fn)
    return fn


def run_site(path: Path, datasette_args, host, port, metadata_file, allowed_hosts, settings: dict) -> None:
    from quotes.publish.serve import CannotServe as NotServed
    from quotes.publish.serve import serve

    try:
        serve(path, datasette_args, host=host, port=port, settings=settings, metadata_file=metadata_file,
              allowed_hosts=allowed_hosts)
    except NotServed as problem:
        raise CannotServe(str(problem)) from None


@cli.command(context_settings=SERVE_SETTINGS, epilog=f"Exit status {EXIT_CANNOT_SERVE} when the site could not be "
             "started (the port is in use, or the address cannot be used); 1 when there is no database.")
@db_option
@with_serve_options
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db_path: Path | None, host: str, port: int, metadata_file: str | None, allowed_hosts: tuple[str, ...],
          title, description, license_, license_url, source, source_url, datasette_args: tuple[str, ...]) -> None:
    """Browse the database with Datasette on http://127.0.0.1:8001.

    The site only listens on this machine unless you pass `--host 0.0.0.0`. Datasette opens the
    database read-only, keeps its SQL time limit, and can be used while `quotes extract` writes.
    `datasette DB` gives the same site: the plugin brings it. Other options go to `datasette
    serve`, such as `--get /quotes/quotes.json` for one request without a server.
    """
    path = database_path(db_path)
    if not path.exists():
        raise click.ClickException(f"no database at {path}: run `quotes extract` first, pass --db, or set {DB_ENV}")
    run_site(path, datasette_args, host, port, metadata_file, allowed_hosts,
             settings_of(title, description, license_, license_url, source, source_url))


@cli.command(context_settings=SERVE_SETTINGS)
@db_option
@with_serve_options
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def demo(db_path: Path | None, host: str, port: int, metadata_file: str | None, allowed_hosts: tuple[str, ...],
         title, description, license_, license_url, source, source_url, datasette_args: tuple[str, ...]) -> None:
    """Extract the bundled example articles into the database and serve them.

    Options are those of `quotes serve`.
    """
    from importlib import resources

    from quotes.api import extract_corpus

    path = database_path(db_path)
    with resources.as_file(resources.files("quotes") / "examples") as examples:
        summary = extract_corpus([str(examples)], path)
    click.echo(summary.line(), err=True)
    run_site(path, datasette_args, host, port, metadata_file, allowed_hosts,
             settings_of(title, description, license_, license_url, source, source_url))
