"""The ``quotes`` command line: a thin click layer over the Python API.

Modules that load NLTK, SQLite code or Datasette are imported inside the commands that use them,
so ``quotes --help`` starts in a fraction of a second (``benchmarks/startup.py`` measures it).
"""

from __future__ import annotations

import errno
import functools
import json
import re
import signal
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import click

from quotes.fields import PIECES
from quotes.location import DB_ENV, DEFAULT_DB, default_db_path
from quotes.readers import DEFAULT_MAX_CHARS, FORMATS

# Exit statuses: each means one thing, for every command.
EXIT_FAILED = 1  # the command could not do its work (no database, not a quotes database, bad file): one line says why
EXIT_USAGE = 2  # an unknown option or a bad value (click's own)
EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped or repaired, or need a look
EXIT_BUSY = 4  # another run is writing the database (with --no-wait), or another program locks it
EXIT_DAMAGED = 5  # the database file is damaged
EXIT_READ_ONLY = 6  # the database (or its folder) cannot be written
EXIT_DISK_FULL = 7  # the disk filled up while writing
EXIT_BAD_SHARDS = 8  # shards or their manifest were changed, or name files outside their folder
EXIT_BAD_LEXICON = 9  # a --lexicon file is not valid TOML, or names a table or key the lexicon lacks
EXIT_CANNOT_SERVE = 10  # `serve` or `demo` could not start the site (the port is in use, the address cannot be used)
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM: what was stored is kept, and the database file is whole
EXIT_STATUSES = f"""Exit status: 0 done; {EXIT_FAILED} the command could not do its work (one line on stderr
says why); {EXIT_USAGE} a usage error; {EXIT_SKIPPED} a run finished but skipped, repaired or warned about
some inputs; {EXIT_BUSY} another run writes the database (--no-wait); {EXIT_DAMAGED} the database file is
damaged; {EXIT_READ_ONLY} the database or its folder is read-only; {EXIT_DISK_FULL} the disk is full;
{EXIT_BAD_SHARDS} shards were changed or their manifest names files outside their folder; {EXIT_BAD_LEXICON} a
--lexicon file is invalid; {EXIT_CANNOT_SERVE} the site could not be started; {EXIT_INTERRUPTED} interrupted
(Ctrl-C): what was stored is kept and the database file is whole."""


def default_workers() -> int:
    """The default of ``--workers``: every core (the pool's module is imported only when asked)."""
    from quotes.pool import default_workers as cores

    return cores()


def workers_option(help_text: str):
    return click.option("--workers", type=click.IntRange(min=1), default=default_workers,
                        show_default="number of cores", help=help_text)


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


class QuotesError(click.ClickException):
    """A one-line error with its own exit status, shown safely (no control characters reach the terminal)."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED):
        super().__init__(terminal_line(message))
        self.exit_code = exit_code


class CannotServe(QuotesError):
    def __init__(self, message: str):
        super().__init__(message, EXIT_CANNOT_SERVE)


BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def terminal_line(text: str) -> str:
    """``text`` safe to print as one line: control characters and escape sequences shown as symbols
    (``␛``), line breaks as ``␊``, and bidirectional overrides as ``<U+202E>``, so that a file name or a
    field can neither act on the terminal nor fake or reorder the lines around it."""
    from quotes.render import printable

    return BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", printable(text).replace("\n", "␊"))


def exit_statuses() -> dict:
    """Each kind of failure with its exit status, the most specific first (imported only when one happens,
    so that `quotes COMMAND --help` stays quick)."""
    from quotes.cluster import ClusterError
    from quotes.lexicon import LexiconError
    from quotes.migrations import DatabaseProblem
    from quotes.rules.registry import RegistryError
    from quotes.shards import ShardError, ShardsDamaged
    from quotes.store import DatabaseBusy, DatabaseDamaged, DatabaseReadOnly, DiskFull

    return {DatabaseBusy: EXIT_BUSY, DatabaseDamaged: EXIT_DAMAGED, DatabaseReadOnly: EXIT_READ_ONLY,
            DiskFull: EXIT_DISK_FULL, ShardsDamaged: EXIT_BAD_SHARDS, LexiconError: EXIT_BAD_LEXICON,
            DatabaseProblem: EXIT_FAILED, RegistryError: EXIT_FAILED, ShardError: EXIT_FAILED,
            ClusterError: EXIT_FAILED}


STORING_COMMANDS = {"extract", "load", "demo", "fix"}  # the commands that write a database


class QuotesGroup(click.Group):
    """Turns every failure a user can meet into one clear line with its own exit status, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            if ctx.invoked_subcommand in STORING_COMMANDS:
                raise QuotesError("interrupted: everything stored so far is kept, and the database file is whole; "
                                  "run the same command again to finish", EXIT_INTERRUPTED) from None
            raise QuotesError("interrupted before the end: what the command wrote so far is incomplete",
                              EXIT_INTERRUPTED) from None
        except Exception as error:
            import sqlite3

            from quotes.store import database_error

            statuses = exit_statuses()
            if isinstance(error, tuple(statuses)):
                raise QuotesError(str(error), status_of(error, statuses)) from None
            if isinstance(error, sqlite3.DatabaseError):  # disk full, database locked or damaged, read-only file
                problem = database_error(ctx.meta.get(DB_META) or default_db_path(), error)
                raise QuotesError(str(problem), status_of(problem, statuses)) from None
            if isinstance(error, OSError):
                if error.errno == errno.ENOSPC:
                    raise QuotesError(f"the disk is full: {error.filename or 'the output'} could not be written "
                                      f"whole ({error.strerror})", EXIT_DISK_FULL) from None
                raise QuotesError(f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")) from None
            raise


def status_of(error: Exception, statuses: dict) -> int:
    return next(code for kind, code in statuses.items() if isinstance(error, kind))


DB_META = "quotes.db_path"


@click.group(cls=QuotesGroup, epilog=EXIT_STATUSES)
@click.version_option(package_name="quotes")
def cli() -> None:
    """Find who said what in news text, store it in SQLite and publish it with Datasette."""


def database_path(db_path: Path | None) -> Path:
    """The one rule: --db, else $QUOTES_DB, else db/quotes.db under the current folder; made absolute,
    so that every command says exactly which file it used (and an error names it)."""
    path = (db_path or default_db_path()).absolute()
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[DB_META] = path
    return path


def existing_db(db_path: Path | None):
    """The database for a command that only reads it: upgraded if it can be written, else read as it is."""
    from quotes.store import open_db

    path = database_path(db_path)
    if not path.exists():
        raise QuotesError(f"no database at {path}: run `quotes extract` first, pass --db, or set {DB_ENV}")
    return open_db(path, read_only_ok=True)


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
@workers_option("Processes annotating in parallel; the output is the same, in input order.")
def annotate(input_file, output, lexicon_paths: tuple[str, ...], scope: str, workers: int) -> None:
    """Add a `quotes` list to every JSON Lines document of INPUT_FILE.

    Each line is an object with `id` and `text`; other fields are kept. The output follows
    the evaluation format (shared/eval/FORMAT.md). Lines that are not valid documents are
    reported on stderr and skipped, and the exit status is then 3 (as for `extract`).
    """
    from quotes.annotate import annotated_lines
    from quotes.lexicon import load_lexicon

    lexicon = load_lexicon(lexicon_paths)
    skipped = annotated = 0
    for line_number, result, ok in annotated_lines(input_file, lexicon, scope, workers):
        if not ok:
            skipped += 1
            click.echo(f"line {line_number}: skipped: {result}", err=True)
            continue
        annotated += 1
        output.write(result + "\n")
    if skipped and not annotated:
        click.echo(f"{input_file.name}: no line is a JSON object with a 'text' field, the only input annotate "
                   "reads; for text, HTML, CSV, web archives or a folder, use `quotes extract` (then `quotes "
                   "show ARTICLE` prints an article with its quotes)", err=True)
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
@workers_option("Processes annotating the gold documents in parallel; the figures are the same.")
def evaluate(gold_file: str, n_errors: int, as_json: bool, predictions: str | None, show_calibration: bool,
             fit_to: str | None, lexicon_paths: tuple[str, ...], scope: str, workers: int) -> None:
    """Annotate the documents of GOLD_FILE and score the result against its quotes.

    Prints precision, recall and F1 for finding quotes and for attributing them, by quote
    type and by rule, with the same matching as shared/eval/score.py.
    """
    from quotes.calibration import format_reliability
    from quotes.evaluate import evaluate_file, fit_calibration_file, format_report
    from quotes.lexicon import load_lexicon

    lexicon = load_lexicon(lexicon_paths)
    if fit_to:
        fitted = fit_calibration_file(gold_file, fit_to, lexicon, workers=workers)
        click.echo(f"Fitted the confidence of {len(fitted['rules'])} rules on {gold_file}: {fit_to}", err=True)
        return
    report = evaluate_file(gold_file, predictions, lexicon, n_errors, scope, workers)
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
            click.echo(terminal_line(problem), err=True)
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


EXIT_CODES = f"""Exit status: 0 when every input was read and stored; {EXIT_SKIPPED} when the run
finished but some inputs were skipped, repaired or need a look (each is printed on stderr as it
happens and recorded in the errors table); {EXIT_FAILED} when the run could not be done (not a quotes
database, or a newer one; shards whose run did not finish); 2 for a usage error; {EXIT_BUSY} when another run
writes the database (--no-wait) or another program locks it; {EXIT_DAMAGED} when the database file is
damaged; {EXIT_READ_ONLY} when the database or its folder is read-only; {EXIT_DISK_FULL} when the disk
is full; {EXIT_BAD_SHARDS} when shards were changed or their manifest names files outside their folder;
{EXIT_BAD_LEXICON} when a --lexicon file is invalid; {EXIT_INTERRUPTED} when interrupted (Ctrl-C): what
was stored is kept and the database file is whole."""
EXTRACT_EXIT_CODES = EXIT_CODES + """ With --shards, problems are printed as they happen and kept in the
shards, and recorded in the errors table by `quotes load`."""
LOAD_EXIT_CODES = EXIT_CODES

replace_option = click.option(
    "--replace", is_flag=True,
    help="Let an input replace a stored article with the same id and another text from another file (a "
         "corrected feed). Without it such an input is skipped and reported as a collision.")
wait_option = click.option(
    "--wait/--no-wait", default=True, show_default=True,
    help="When another run is writing the database, wait for it (saying so), or give up at once "
         f"with exit status {EXIT_BUSY}.")


@cli.command(epilog=EXTRACT_EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--glob", default="*", show_default=True, help="File pattern to read inside folders.")
@click.option("--format", "input_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Read every input as this format instead of going by file extension.")
@click.option("--field", "field_options", multiple=True, metavar="PIECE=NAME",
              help=f"Read a piece of each article ({', '.join(PIECES)}) from the record field (JSON key, CSV "
                   "column) NAME, instead of the default names; PIECE= with no name reads it from none. "
                   "Repeatable: --field outlet=publisher --field date=publication_date.")
@click.option("--text-field", help="Same as --field text=NAME.")
@click.option("--id-field", help="Same as --field id=NAME.")
@click.option("--title-field", help="Same as --field title=NAME.")
@click.option("--url-field", help="Same as --field url=NAME.")
@click.option("--date-field", help="Same as --field date=NAME.")
@click.option("--outlet-field", help="Same as --field outlet=NAME.")
@click.option("--day-first", is_flag=True,
              help="Numeric dates put the day first (12/09/2016 is 12 September); by default the month.")
@click.option("--outlet", help="Outlet for articles whose input names none.")
@click.option("--force", is_flag=True, help="Re-extract articles even when nothing has changed.")
@replace_option
@click.option("--max-chars", type=click.IntRange(min=0), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Skip articles longer than this many characters, and read no input further than such an "
                   "article could reach (0: no limit).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--silent", is_flag=True, help="No progress bar (it is shown on a terminal only, in any case).")
@workers_option("Processes extracting in parallel (or LocalCluster workers with --dask local).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
                   "LocalCluster of --workers processes. Needs pip install '.[dask]'.")
@click.option("--shards", "shards_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write Parquet shards, one per partition, to this (empty) directory instead of the "
                   "database; merge them with `quotes load`.")
@click.option("--warc-reader", type=click.Choice(["warcio", "fastwarc"]), default="warcio", show_default=True,
              help="Library that reads .warc/.warc.gz files (fastwarc: pip install '.[warc-fast]').")
@click.option("--corrections", "correction_files", multiple=True, envvar="QUOTES_CORRECTIONS",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML or JSON file of corrections (see `quotes fix`) to apply after the run. Repeatable.")
@wait_option
@lexicon_option
@scope_option
def extract(inputs: tuple[str, ...], db_path: Path | None, glob: str, input_format: str,
            field_options: tuple[str, ...], text_field: str | None, id_field: str | None, title_field: str | None,
            url_field: str | None, date_field: str | None, outlet_field: str | None, day_first: bool,
            outlet: str | None, force: bool, replace: bool, max_chars: int, as_json: bool, silent: bool,
            workers: int, dask_address: str | None, shards_dir: Path | None, warc_reader: str, wait: bool,
            correction_files: tuple[Path, ...], lexicon_paths: tuple[str, ...], scope: str) -> None:
    """Read articles from INPUTS, extract their quotes and store them.

    INPUTS are files (.txt, .md, .html, .jsonl, .json, .csv, .warc, .warc.gz), folders (read
    recursively) or - for stdin. Articles already stored and unchanged are skipped; changed
    ones are replaced. Input is read as a stream and extracted by --workers processes, or on a
    Dask cluster; one process writes the database, so the result is the same either way. The
    fields each record file is read with are printed first, as `fields FILE: text=body, …`.
    """
    from quotes.api import extract_corpus
    from quotes.fields import FieldOptionError
    from quotes.readers import FieldMap, ReadError, ReadOptions, discover
    from quotes.shards import extract_to_shards

    try:
        fields = FieldMap.from_options(field_options, text=text_field, id=id_field, title=title_field,
                                       url=url_field, date=date_field, outlet=outlet_field)
    except FieldOptionError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    options = ReadOptions(glob=glob, format=input_format, fields=fields, outlet=outlet, max_chars=max_chars,
                          warc_reader=warc_reader, day_first=day_first)
    total = sum(s.size for s in discover(inputs, options) if not isinstance(s, ReadError))
    with interruptible(), click.progressbar(length=total, label="Extracting", file=sys.stderr,
                                            hidden=silent or not sys.stderr.isatty() or not total) as bar:
        if shards_dir:
            summary = extract_to_shards(inputs, shards_dir, options=options, lexicon_paths=lexicon_paths,
                                        workers=workers, dask=dask_address, on_progress=bar.update,
                                        on_error=print_problem, on_notice=print_notice, scope=scope)
        else:
            summary = extract_corpus(inputs, database_path(db_path), options=options, lexicon_paths=lexicon_paths,
                                     force=force, replace=replace, on_progress=bar.update,
                                     on_error=print_problem, on_notice=print_notice, workers=workers,
                                     dask=dask_address, wait=wait, scope=scope)
    click.echo(json.dumps(asdict(summary), indent=2) if as_json else terminal_line(summary.line()))
    if not shards_dir:
        corrections_after_run(database_path(db_path), correction_files)
    exit_if_skipped(summary.errors, "the shards" if shards_dir else f"the errors table (run {summary.run_id})")


def corrections_after_run(path: Path, files: tuple[Path, ...]) -> None:
    """The run applied the stored corrections; bring in those of ``files`` and say which no longer apply."""
    with writing_db(path) as db:
        if files:
            apply_correction_files(db, files)
        else:
            report_corrections(db)


@contextmanager
def writing_db(db_path: Path | None):
    """The database for a command that writes it, as a run holds it: locked, then checkpointed and closed,
    so the database file alone holds everything (no -wal file left beside it)."""
    from quotes.api import writing

    path = database_path(db_path)
    if not path.exists():
        raise QuotesError(f"no database at {path}: run `quotes extract` first, pass --db, or set {DB_ENV}")
    with writing(path) as store:
        yield store.db


@contextmanager
def interruptible():
    """SIGTERM (``kill``) handled as Ctrl-C is, for the block: the run stops at once, records itself
    "interrupted" and checkpoints the database, instead of dying with its data in the ``-wal`` file."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def print_problem(problem) -> None:
    """One skipped, repaired or doubtful input on stderr, over the progress bar's line when there is one."""
    clear_line = "\r\033[K" if sys.stderr.isatty() else ""
    click.echo(f"{clear_line}{problem.verb} {terminal_line(problem.source)}: {terminal_line(problem.reason)}",
               err=True)


def print_notice(notice) -> None:
    """What a run tells that is not a problem (the fields a file is read with, a wait), on stderr."""
    clear_line = "\r\033[K" if sys.stderr.isatty() else ""
    where = f"{notice.verb} {terminal_line(notice.source)}: " if notice.source else ""
    click.echo(f"{clear_line}{where}{terminal_line(notice.message)}", err=True)


def exit_if_skipped(errors: int, where: str) -> None:
    """Exit with status 3, saying how many inputs were skipped or repaired, when there were any."""
    if errors:
        click.echo(f"{errors} input{'s' * (errors != 1)} skipped or repaired, or with a warning: see {where}.",
                   err=True)
        sys.exit(EXIT_SKIPPED)


@cli.command(epilog=LOAD_EXIT_CODES)
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@replace_option
@wait_option
def load(directory: Path, db_path: Path | None, as_json: bool, replace: bool, wait: bool) -> None:
    """Merge the Parquet shards in DIRECTORY (from `quotes extract --shards`) into the database.

    Speakers are merged as in a normal run, and the database ends up the same as a plain
    `quotes extract` of the same inputs. Loading the same shards again changes nothing. Every
    shard is checked against the checksum its manifest keeps before anything is stored.
    """
    from quotes.shards import load_shards

    with interruptible():
        summary = load_shards(directory, database_path(db_path), replace=replace, on_error=print_problem,
                              on_notice=print_notice, wait=wait)
    click.echo(json.dumps(asdict(summary), indent=2) if as_json else terminal_line(summary.line()))
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
    """The most-quoted speakers, with role, organisation, gender and how widely they are quoted."""
    from quotes import queries

    rows = queries.top_speakers(existing_db(db_path), top, kind)
    columns = ["name", "kind", "role", "organization", "gender", "quotes", "articles", "outlets", "id"]
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
    output_file.flush()  # a full disk shows here, before the count is claimed
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
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Keep the demo database in this file. Default: a temporary file, removed when the demo "
                   "stops. Never $QUOTES_DB or db/quotes.db, which hold your own articles.")
@with_serve_options
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def demo(db_path: Path | None, host: str, port: int, metadata_file: str | None, allowed_hosts: tuple[str, ...],
         title, description, license_, license_url, source, source_url, datasette_args: tuple[str, ...]) -> None:
    """Extract the bundled example articles into a database of their own and serve them.

    The demo never touches your database: it uses a temporary one unless --db names another.
    Options are those of `quotes serve`.
    """
    from importlib import resources

    from quotes.api import extract_corpus

    with tempfile.TemporaryDirectory(prefix="quotes-demo-") as folder:
        path = database_path(db_path or Path(folder) / "quotes.db")
        with resources.as_file(resources.files("quotes") / "examples") as examples:
            summary = extract_corpus([str(examples)], path)
        click.echo(terminal_line(summary.line()), err=True)
        run_site(path, datasette_args, host, port, metadata_file, allowed_hosts,
                 settings_of(title, description, license_, license_url, source, source_url))


FIX_HELP = """Correct speakers and quotes by hand; the corrections are kept and applied after every run.

Each correction is stored in the `corrections` table with who made it (--by, else $QUOTES_USER,
else your login) and when, applied at once, and applied again at the end of every `quotes
extract`, so re-extracting an article keeps it wherever it still applies. `quotes fix list`
shows which no longer apply. SPEAKER is a speaker id or a name; QUOTE is a quote id, or the
quote's words with --article. Corrections can also live in a TOML or JSON file kept in version
control: `quotes fix apply FILE` (or `quotes extract --corrections FILE`)."""


@cli.group(help=FIX_HELP)
def fix() -> None:
    pass


def correction_options(fn):
    for option in reversed([
        db_option,
        click.option("--by", "author", metavar="NAME", help="Who makes the correction (default: $QUOTES_USER, "
                                                               "else your login name)."),
        click.option("--note", help="Why, for whoever reads the corrections later."),
    ]):
        fn = option(fn)
    return fn


def make_correction(db_path: Path | None, action: str, subject: dict, value: dict, author: str | None,
                    note: str | None) -> None:
    """Check, store and apply one correction, and say what it did."""
    from quotes.corrections import NOT_APPLIED, Correction, CorrectionError, Corrections
    from quotes.store import Store

    with writing_db(db_path) as db:
        fixes = Corrections(db)
        try:
            correction = Correction(action, subject, value, author, note)
            notes = fixes.check(correction)
        except CorrectionError as error:
            raise click.ClickException(str(error)) from None
        for line in notes:
            click.echo(line, err=True)
        correction_id = fixes.add(correction)
        Store(db).refresh_pending()
        status = fixes.status(correction_id)
    click.echo(f"correction {correction_id}: {status['correction']}: {status['status']} ({status['detail']})")
    if status["status"] == NOT_APPLIED:
        sys.exit(EXIT_FAILED)


def quote_subject(db_path: Path | None, quote: str, article: str | None) -> dict:
    from quotes.corrections import CorrectionError, Corrections

    if article:
        return {"article": article, "quote": quote}
    try:
        return Corrections(existing_db(db_path)).quote_subject(quote)
    except CorrectionError as error:
        raise click.ClickException(str(error)) from None


@fix.command(name="merge")
@click.argument("speaker")
@click.argument("into")
@correction_options
def fix_merge(speaker: str, into: str, db_path: Path | None, author: str | None, note: str | None) -> None:
    """Count the quotes of SPEAKER under INTO (the same person or organisation).

    A merge wins over the automatic links between names."""
    make_correction(db_path, "merge", {"speaker": speaker}, {"into": into}, author, note)


@fix.command(name="split")
@click.argument("speaker")
@click.option("--article", "articles", multiple=True, required=True, metavar="ID",
              help="An article whose quotes of SPEAKER are the other person's. Repeatable.")
@click.option("--name", required=True, help="The other person's name (one that tells them apart).")
@correction_options
def fix_split(speaker: str, articles: tuple[str, ...], name: str, db_path: Path | None, author: str | None,
              note: str | None) -> None:
    """Give the quotes of SPEAKER in some articles to another person: two people shared one row."""
    make_correction(db_path, "split", {"speaker": speaker, "articles": list(articles)}, {"name": name}, author, note)


@fix.command(name="rename")
@click.argument("speaker")
@click.argument("name")
@correction_options
def fix_rename(speaker: str, name: str, db_path: Path | None, author: str | None, note: str | None) -> None:
    """Call SPEAKER by NAME everywhere."""
    make_correction(db_path, "rename", {"speaker": speaker}, {"name": name}, author, note)


@fix.command(name="set")
@click.argument("speaker")
@click.argument("field", type=click.Choice(["kind", "role", "organization", "gender"]))
@click.argument("value")
@correction_options
def fix_set(speaker: str, field: str, value: str, db_path: Path | None, author: str | None,
            note: str | None) -> None:
    """Set a speaker's kind (person, organization, anonymous, unknown), role, organization or gender
    (female, male, nonbinary, unknown)."""
    make_correction(db_path, "set", {"speaker": speaker, "field": field}, {"value": value}, author, note)


@fix.command(name="not-a-quote")
@click.argument("quote")
@click.option("--article", metavar="ID", help="QUOTE is the words of a quote of this article, not an id.")
@correction_options
def fix_not_a_quote(quote: str, article: str | None, db_path: Path | None, author: str | None,
                    note: str | None) -> None:
    """QUOTE is no quote (a title, a scare quote): remove it, now and after every run."""
    make_correction(db_path, "not_a_quote", quote_subject(db_path, quote, article), {}, author, note)


@fix.command(name="speaker")
@click.argument("quote")
@click.argument("speaker")
@click.option("--article", metavar="ID", help="QUOTE is the words of a quote of this article, not an id.")
@correction_options
def fix_speaker(quote: str, speaker: str, article: str | None, db_path: Path | None, author: str | None,
                note: str | None) -> None:
    """QUOTE was said by SPEAKER (a speaker id or name; a new person when no one has that name)."""
    make_correction(db_path, "reassign", quote_subject(db_path, quote, article), {"speaker": speaker}, author, note)


@fix.command(name="list")
@db_option
@output_options
def fix_list(db_path: Path | None, output) -> None:
    """Every correction, with whether it still applies and what it did."""
    from quotes.corrections import Corrections

    rows = Corrections(existing_db(db_path)).listing()
    output.write(rows, ["id", "correction", "status", "detail", "by", "at"] if output.format in (None, "table")
                 else None)


@fix.command(name="undo")
@click.argument("correction_id", type=int)
@db_option
def fix_undo(correction_id: int, db_path: Path | None) -> None:
    """Remove a correction and put back what it changed."""
    from quotes.corrections import CorrectionError, Corrections
    from quotes.store import Store

    with writing_db(db_path) as db:
        try:
            Corrections(db).undo(correction_id)
        except CorrectionError as error:
            raise click.ClickException(str(error)) from None
        Store(db).refresh_pending()
    click.echo(f"correction {correction_id} undone")


@fix.command(name="apply")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def fix_apply(files: tuple[Path, ...], db_path: Path | None) -> None:
    """Apply the corrections of TOML or JSON FILES: new ones are added, ones taken out of a file undone."""
    with writing_db(db_path) as db:
        apply_correction_files(db, files)


def apply_correction_files(db, files) -> None:
    """Bring the corrections of ``files`` into the database, apply them all, and report those that no
    longer apply (exit status 1 when a file cannot be read)."""
    from quotes.corrections import CorrectionError, Corrections
    from quotes.store import Store

    fixes = Corrections(db)
    for path in files:
        try:
            added, removed = fixes.sync_file(path)
        except CorrectionError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"{path}: {added} correction{'s' * (added != 1)} added, {removed} removed", err=True)
    Store(db).refresh_pending()
    report_corrections(db)


def report_corrections(db) -> None:
    """One line per stored correction that no longer applies, on stderr."""
    from quotes.corrections import Corrections

    for row in Corrections(db).problems():
        click.echo(f"correction {row['id']} no longer applies: {row['correction']}: {row['detail']}", err=True)


@fix.command(name="export")
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A .toml or .json file (default: TOML on stdout).")
@db_option
def fix_export(output_file: Path | None, db_path: Path | None) -> None:
    """Write every stored correction as a file to keep in version control and apply with `quotes fix apply`."""
    from quotes.corrections import Corrections, toml_text

    corrections = Corrections(existing_db(db_path)).all()
    if output_file and output_file.suffix.lower() == ".json":
        text = json.dumps({"corrections": [c.record() for c in corrections]}, indent=2, ensure_ascii=False) + "\n"
    else:
        text = toml_text(corrections)
    if output_file:
        output_file.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {len(corrections)} corrections to {output_file.absolute()}", err=True)
    else:
        click.echo(text, nl=False)
