"""``quotes serve`` is safe by default: local only, read-only, no write plugins, SQL time limit kept."""

from __future__ import annotations

import ipaddress
import json
import os
import sqlite3
import sys
import urllib.error
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "quotes" / "examples"
OUR_PLUGINS = {"quotes", "datasette-search-all"}  # each checked to be read-only; list a new plugin only once it is


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "quotes.db"
    result = CliRunner().invoke(cli, ["extract", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def get_json(db: Path, path: str, refused: bool = False):
    """The JSON answer to one request, by ``quotes serve --get`` (exit status 1 when Datasette refuses)."""
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", path])
    assert result.exit_code == (1 if refused else 0), result.output
    return json.loads(result.stdout)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "quotes", "speakers")}


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port``, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))  # little-endian words
                found.add(str(ipaddress.ip_address(words)))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the kernel's socket table in /proc")
def test_serve_listens_on_localhost_only_by_default(db, served_site):
    site = served_site(db)
    assert listening_addresses(site.port) == {"127.0.0.1"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads open file modes in /proc")
def test_served_database_file_is_opened_read_only(db, served_site):
    site = served_site(db)
    site.get("/quotes/quotes.json?_size=5")
    site.get("/quotes/-/article/wire-0301")
    modes = []
    for fd in os.listdir(f"/proc/{site.process.pid}/fd"):
        try:
            target = os.readlink(f"/proc/{site.process.pid}/fd/{fd}")
        except OSError:
            continue
        if target == str(db):
            flags = next(line for line in Path(f"/proc/{site.process.pid}/fdinfo/{fd}").read_text().splitlines()
                         if line.startswith("flags:"))
            modes.append(int(flags.split()[1], 8) & os.O_ACCMODE)
    assert modes and set(modes) == {os.O_RDONLY}, "Datasette must open the database with mode=ro"


@pytest.mark.parametrize("sql, refusal", [
    ("delete from quotes", "Statement must be a SELECT"),
    ("update speakers set name = 'x'", "Statement must be a SELECT"),
    ("drop table articles", "Statement must be a SELECT"),
    ("insert into errors (source, reason) values ('x', 'y')", "Statement must be a SELECT"),
    ("attach database ':memory:' as other", "Statement must be a SELECT"),
    ("pragma journal_mode = delete", "Statement must be a SELECT"),
    ("select 1; delete from quotes", "You can only execute one statement at a time."),
    # passes Datasette's SELECT check: only the read-only connection stops it
    ("with gone as (select 1) delete from quotes", "attempt to write a readonly database"),
])
def test_sql_from_the_site_cannot_write(db, sql, refusal):
    before = counts(db)
    response = get_json(db, "/quotes.json?" + urllib.parse.urlencode({"sql": sql}), refused=True)
    assert response["ok"] is False and response["error"] == refusal
    assert counts(db) == before


def test_no_plugin_can_write(db):
    plugins = {plugin["name"] for plugin in get_json(db, "/-/plugins.json")}
    assert plugins == OUR_PLUGINS, f"check that {plugins - OUR_PLUGINS} cannot write, then add it to OUR_PLUGINS"


def test_sql_time_limit_is_kept(db):
    assert get_json(db, "/-/settings.json")["sql_time_limit_ms"] == 1000  # Datasette's default
    endless = "with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n"
    response = get_json(db, "/quotes.json?" + urllib.parse.urlencode({"sql": endless}), refused=True)
    assert response["ok"] is False and response["title"] == "SQL Interrupted"


def test_serve_needs_an_existing_database(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(missing)])
    assert result.exit_code == 1 and "run `quotes extract` first" in result.output
    assert not missing.exists()  # serving never creates a database


def test_page_for_a_missing_article_is_a_plain_404(db, served_site):
    site = served_site(db)
    with pytest.raises(urllib.error.HTTPError) as error:
        site.get("/quotes/-/article/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert error.value.code == 404
    assert b"<script>alert(1)</script>" not in error.value.read()
