"""The CLI in sqlite-utils' manner: one set of output options, one database rule, clear exit statuses."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import EXIT_CANNOT_SERVE, cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "quotes" / "examples"
LISTING_COMMANDS = {"search": ["search", "union"], "speakers": ["speakers"], "export": ["export"]}


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("output") / "quotes.db"
    assert run("extract", EXAMPLES, "--db", path).exit_code == 0
    return path


@pytest.mark.parametrize("command", sorted(LISTING_COMMANDS))
def test_every_listing_command_has_the_same_output_options(command):
    options = {opt for param in cli.commands[command].params for opt in param.opts}
    assert {"--table", "--fmt", "--json", "--nl", "--csv", "--tsv", "--wide"} <= options


@pytest.mark.parametrize("command", sorted(LISTING_COMMANDS))
@pytest.mark.parametrize("flag", ["--json", "--nl", "--csv", "--tsv", "--table"])
def test_every_format_gives_the_same_rows(db, command, flag):
    result = run(*LISTING_COMMANDS[command], "--db", db, flag)
    assert result.exit_code == 0, result.output
    text = result.stdout
    if flag == "--json":
        rows = json.loads(text)
    elif flag == "--nl":
        rows = [json.loads(line) for line in text.splitlines()]
    elif flag in ("--csv", "--tsv"):
        rows = list(csv.DictReader(io.StringIO(text), delimiter="," if flag == "--csv" else "\t"))
    else:
        lines = text.splitlines()
        assert set(lines[1].replace(" ", "")) == {"-"}  # a header, then its rule
        rows = lines[2:]
    assert rows


def test_tables_never_cut_an_id(db):
    rows = json.loads(run("search", "union", "--db", db, "--json").stdout)
    table = run("search", "union", "--db", db, "--table").stdout
    assert rows and all(row["id"] in table and row["article_id"] in table for row in rows)
    assert run("show", rows[0]["article_id"], "--db", db).exit_code == 0  # copied from the table, it works
    speakers = run("speakers", "--db", db).stdout
    assert all(row["id"] in speakers for row in json.loads(run("speakers", "--db", db, "--json").stdout))


def test_long_text_wraps_in_a_table_and_is_whole_with_wide(db):
    narrow = run("search", "union", "--db", db, "--table").stdout
    wide = run("search", "union", "--db", db, "--table", "--wide").stdout
    longest = max(len(row["content"]) for row in json.loads(run("search", "union", "--db", db, "--json").stdout))
    assert max(len(line) for line in wide.splitlines()) > max(len(line) for line in narrow.splitlines())
    assert longest > 48 and len(wide.splitlines()) < len(narrow.splitlines())


def test_fmt_takes_tabulate_formats_and_formats_do_not_mix(db):
    github = run("speakers", "--db", db, "--fmt", "github").stdout
    assert github.startswith("| name")
    bad = CliRunner().invoke(cli, ["speakers", "--db", str(db), "--fmt", "nonsense"])
    assert bad.exit_code == 2 and "github" in bad.output
    both = CliRunner().invoke(cli, ["speakers", "--db", str(db), "--json", "--csv"])
    assert both.exit_code == 2 and "choose one output format" in both.output


def test_csv_export_escapes_what_a_spreadsheet_would_run(tmp_path):
    story = tmp_path / "sums.txt"
    story.write_text('Budget row\n\n"=SUM(A1:A9) is what the council owes," said Mayor Lucia Fernandez.\n',
                     encoding="utf-8")
    path = tmp_path / "q.db"
    run("extract", story, "--db", path)
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", path, "--csv").stdout)))
    assert rows[0]["content"] == "'=SUM(A1:A9) is what the council owes,"
    assert json.loads(run("export", "--db", path, "--json").stdout)[0]["quotes"][0]["content"].startswith("=SUM")


def test_export_says_what_it_wrote_and_where(db, tmp_path):
    out = tmp_path / "all.jsonl"
    result = run("export", "--db", db, "-o", out)
    assert f"to {out}" in result.stderr and str(db) in result.stderr
    legacy = run("export", "--db", db, "--format", "csv")  # the older spelling still works
    assert legacy.stdout.startswith("id,article_id,")


def test_one_database_rule_printed_by_every_command(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("path").stdout.strip() == str(tmp_path / "db" / "quotes.db")
    assert run("path", env={"QUOTES_DB": str(db)}).stdout.strip() == str(db)
    assert run("path", "--db", "other.db", env={"QUOTES_DB": str(db)}).stdout.strip() == str(tmp_path / "other.db")
    extracted = run("extract", EXAMPLES / "harbour-strike.txt", "--db", "rel.db")
    assert extracted.stdout.rstrip().endswith(f"→ {tmp_path / 'rel.db'}")
    assert str(db) in run("search", "union", "--db", db).stderr
    missing = run("speakers")
    assert missing.exit_code == 1 and str(tmp_path / "db" / "quotes.db") in missing.output


def test_serve_says_it_could_not_serve_when_the_port_is_taken(db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "-p", str(port)])
    assert result.exit_code == EXIT_CANNOT_SERVE == 10
    assert f"could not serve on 127.0.0.1:{port}: the port is in use" in result.output


def test_serve_with_site_settings_and_a_metadata_file_of_ones_own(db, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("description: Our harbour desk\nsource: Harbour wire\n", encoding="utf-8")
    result = run("serve", "--db", db, "--title", "Harbour quotes", "--license", "CC BY 4.0", "-m", mine,
                 "--get", "/-/metadata.json")
    metadata = json.loads(result.stdout)
    assert metadata["title"] == "Harbour quotes" and metadata["license"] == "CC BY 4.0"
    assert metadata["description"] == "Our harbour desk" and metadata["source"] == "Harbour wire"
    assert metadata["databases"]["quotes"]["tables"]["quote_list"]["facets"]  # the plugin's, kept
    queries = json.loads(run("serve", "--db", db, "-m", mine, "--get", "/quotes.json").stdout)["queries"]
    assert len(queries) >= 7


def test_help_does_not_load_datasette_or_nltk():
    code = ("import sys; from quotes.cli import cli; "
            "print(sorted(m for m in ('datasette', 'nltk', 'sqlite_utils', 'tabulate') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
