"""Run ``datasette serve`` on a quotes database, with the publisher's site settings.

Everything the site needs (descriptions, facets, canned queries, pages) comes from the plugin, so
``quotes serve`` adds only what a publisher chose: a title, a description, the data's licence and
source, a ``--metadata`` file of their own, and the host names the site may answer to.
"""

from __future__ import annotations

import errno
import json
import socket
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from quotes.publish.metadata import site_settings
from quotes.store import open_db

STARTUP_FAILURE = 3  # what uvicorn exits with when it cannot start (a port in use, an address it cannot bind)


class CannotServe(Exception):
    """The site could not be started; the message says why and what to do."""


def serve(db_path: str | Path, extra_args: Sequence[str] = (), *, host: str = "127.0.0.1", port: int = 8001,
          settings: dict | None = None, metadata_file: str | Path | None = None,
          allowed_hosts: Sequence[str] = ()) -> None:
    """Serve the database on ``host:port``; ``extra_args`` go to ``datasette serve`` as they are.

    The database is upgraded first if its schema is old; after that Datasette opens it read-only
    (``?mode=ro``: not as immutable, so pages stay current while an extraction writes), with the
    plugin's safeguards and Datasette's SQL time limit.
    """
    db_path = Path(db_path)
    open_db(db_path).close()  # create or upgrade it, so the site always has its tables and views
    one_request = "--get" in extra_args
    if not one_request:
        check_port(host, port)
    metadata = publisher_metadata(metadata_file, settings or {}, allowed_hosts)
    with tempfile.TemporaryDirectory() as folder:
        args = ["serve", str(db_path), "--host", host, "--port", str(port)]
        if metadata:
            path = Path(folder) / "metadata.json"
            path.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
            args += ["--metadata", str(path)]
        if not one_request:
            shown = f"[{host}]" if ":" in host else host
            print(f"Serving {db_path.resolve()} on http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
        from datasette.cli import cli as datasette_cli

        try:
            datasette_cli.main([*args, *extra_args], prog_name="datasette", standalone_mode=False)
        except SystemExit as stop:
            if stop.code == STARTUP_FAILURE and not one_request:
                raise CannotServe(f"could not serve on {host}:{port}: Datasette did not start (see above)") from None
            raise


def publisher_metadata(metadata_file: str | Path | None, settings: dict, allowed_hosts: Sequence[str]) -> dict:
    """The publisher's own metadata file, with the settings given as options on top of it."""
    metadata: dict = {}
    if metadata_file:
        from datasette.utils import parse_metadata

        try:
            metadata = parse_metadata(Path(metadata_file).read_text(encoding="utf-8")) or {}
        except Exception as error:  # Datasette raises BadMetadataError, yaml and json errors alike
            raise CannotServe(f"cannot read the metadata file {metadata_file}: {error}") from None
    metadata.update(site_settings(**settings))
    if allowed_hosts:
        plugin = metadata.setdefault("plugins", {}).setdefault("quotes", {})
        plugin["allowed_hosts"] = [*plugin.get("allowed_hosts", []), *allowed_hosts]
    return metadata


def check_port(host: str, port: int) -> None:
    """Fail now, with one clear line, when the address cannot be listened on (uvicorn's own message is a log)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise CannotServe(f"could not serve on {host}:{port}: the port is in use (is the site already "
                                  f"running?). Pass -p with another port.") from None
            raise CannotServe(f"could not serve on {host}:{port}: {error.strerror or error}") from None
