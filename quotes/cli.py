"""The ``quotes`` command line: a thin click layer over the Python API."""

from __future__ import annotations

import json
import sys

import click

from quotes.annotate import annotate_stream
from quotes.evaluate import evaluate_file, format_report
from quotes.lexicon import load_lexicon

lexicon_option = click.option(
    "--lexicon",
    "lexicon_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra lexicon TOML file that extends the built-in cue verbs, roles and organisations. Repeatable.",
)


@click.group()
@click.version_option(package_name="quotes")
def cli() -> None:
    """Find who said what in news text, store it in SQLite and publish it with Datasette."""


@cli.command()
@click.argument("input_file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
@lexicon_option
def annotate(input_file, output, lexicon_paths: tuple[str, ...]) -> None:
    """Add a ``quotes`` list to every JSON Lines document of INPUT_FILE.

    Each line is an object with ``id`` and ``text``; other fields are kept. The output follows
    the evaluation format (shared/eval/FORMAT.md). Lines that are not valid documents are
    reported on stderr and skipped.
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
        sys.exit(1)


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
