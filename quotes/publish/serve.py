"""Run ``datasette serve`` on a quotes database with the project's metadata and plugin."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from datasette.cli import cli as datasette_cli

from quotes.publish.metadata import metadata_json
from quotes.store import open_db


def serve(db_path: str | Path, extra_args: Sequence[str] = ()) -> None:
    """Serve the database on 127.0.0.1; ``extra_args`` go to ``datasette serve`` as they are.

    The database is upgraded first if its schema is old; after that Datasette opens it read-only
    (``?mode=ro``: it is not passed as immutable, so pages stay current while an extraction
    writes), with no write plugins and its default SQL time limit.

    The metadata is generated for the database's own name (its file stem), so a database
    called anything other than ``quotes.db`` still gets its descriptions and canned queries.
    Options given in ``extra_args`` win over these defaults (``--host 0.0.0.0``, ``-p 8080``).
    """
    db_path = Path(db_path)
    open_db(db_path).close()  # create or upgrade it, so the site always has the tables
    with tempfile.TemporaryDirectory() as folder:
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(metadata_json(db_path.stem), encoding="utf-8")
        datasette_cli.main(["serve", str(db_path), "--metadata", str(metadata), "--host", "127.0.0.1",
                            *extra_args], prog_name="datasette", standalone_mode=False)
