"""``python -m quotes`` runs the ``quotes`` command, for when the script is not on the PATH."""

from quotes.cli import cli

cli(prog_name="quotes")
