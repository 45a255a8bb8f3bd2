"""The store commands of the CLI, run through click's CliRunner on real SQLite files."""

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.readers import Article, read_inputs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "quotes" / "examples"
STRIKE = EXAMPLES / "harbour-strike.txt"
EXAMPLE_ARTICLES = sum(isinstance(item, Article) for item in read_inputs([str(EXAMPLES)]))


def run(*args, input=None, env=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "quotes.db"
    result = run("extract", EXAMPLES, "--db", path)
    assert result.exit_code == 0, result.output
    return path


def test_extract_prints_a_summary_and_rerun_skips_unchanged_articles(tmp_path):
    db = tmp_path / "q.db"
    first = run("extract", STRIKE, "--db", db)
    assert first.exit_code == 0
    assert first.output.startswith("1 articles (1 extracted, 0 unchanged),")
    assert "0 errors" in first.output
    second = run("extract", STRIKE, "--db", db, "--json")
    summary = json.loads(second.stdout)
    assert (summary["extracted"], summary["unchanged"], summary["quotes"]) == (0, 1, 0)
    forced = json.loads(run("extract", STRIKE, "--db", db, "--json", "--force").stdout)
    assert forced["extracted"] == 1


def test_extract_replaces_quotes_of_a_changed_article(tmp_path):
    db, article = tmp_path / "q.db", tmp_path / "a.txt"
    article.write_text('Port news\n\n"The cranes are still," said Daniel Okafor.\n', encoding="utf-8")
    run("extract", article, "--db", db)
    article.write_text('Port news\n\n"The cranes are moving again," said Daniel Okafor.\n', encoding="utf-8")
    run("extract", article, "--db", db)
    rows = json.loads(run("search", "cranes", "--db", db, "--json").stdout)
    assert [r["content"] for r in rows] == ["The cranes are moving again,"]


def test_extract_records_bad_inputs_and_goes_on(tmp_path):
    db, bad, good = tmp_path / "q.db", tmp_path / "bad.jsonl", tmp_path / "good.txt"
    bad.write_text(
        '{broken\n{"id": "ok", "text": "\\"We are open,\\" said Ines Moreau."}\n', encoding="utf-8"
    )
    good.write_text('"The ferry is late," said Karl Brenner.', encoding="utf-8")
    result = run("extract", bad, good, tmp_path / "missing.txt", "--db", db, "--json")
    summary = json.loads(result.stdout)
    assert (summary["articles"], summary["errors"]) == (2, 2)
    assert "skipped" in result.stderr and "missing.txt" in result.stderr


def test_extract_reads_stdin_and_uses_field_options(tmp_path):
    db = tmp_path / "q.db"
    line = json.dumps(
        {"story": '"The wall will hold," said Mayor Lucia Fernandez.', "key": "s-1", "paper": "Herald"}
    )
    result = run(
        "extract",
        "-",
        "--db",
        db,
        "--text-field",
        "story",
        "--id-field",
        "key",
        "--outlet-field",
        "paper",
        input=line + "\n",
    )
    assert result.exit_code == 0
    shown = json.loads(run("show", "s-1", "--db", db, "--json").stdout)
    assert shown["outlet"] == "Herald"
    assert shown["quotes"][0]["speaker"] == "Lucia Fernandez"


def test_db_from_environment(tmp_path):
    db = tmp_path / "env.db"
    run("extract", STRIKE, env={"QUOTES_DB": str(db)})
    assert db.exists()
    assert "Okafor" in run("speakers", env={"QUOTES_DB": str(db)}).output


def test_search_shows_speaker_article_and_context(corpus_db):
    output = run("search", "patience", "--db", corpus_db).output
    assert "we have run out of patience" in output
    assert "— Daniel Okafor" in output
    assert "Dock workers walk out at Port Ellery" in output


@pytest.mark.parametrize("flag", ["--json", "--csv", "--nl"])
def test_search_output_formats(corpus_db, flag):
    output = run("search", "hospital", "--db", corpus_db, flag).stdout
    if flag == "--json":
        rows = json.loads(output)
    elif flag == "--csv":
        rows = list(csv.DictReader(io.StringIO(output)))
    else:
        rows = [json.loads(line) for line in output.splitlines()]
    assert rows and {"content", "speaker", "title", "context"} <= set(rows[0])


def test_search_filters_and_bad_raw_query(corpus_db):
    rows = json.loads(run("search", "patience", "--db", corpus_db, "--speaker", "Okafor", "--json").stdout)
    assert rows and {r["speaker"] for r in rows} == {"Daniel Okafor"}
    assert (
        json.loads(run("search", "patience", "--db", corpus_db, "--speaker", "Marsh", "--json").stdout) == []
    )
    bad = run("search", 'NOT "', "--raw", "--db", corpus_db)
    assert bad.exit_code == 1 and "invalid search query" in bad.output


def test_speakers_lists_most_quoted_with_role_and_organisation(corpus_db):
    rows = json.loads(run("speakers", "--top", "3", "--db", corpus_db, "--json").stdout)
    assert len(rows) == 3
    assert rows[0]["name"] == "Daniel Okafor" and rows[0]["quotes"] >= rows[1]["quotes"] >= rows[2]["quotes"]
    assert rows[0]["organization"] and rows[0]["role"]
    names = [
        r["name"] for r in json.loads(run("speakers", "--top", "100", "--db", corpus_db, "--json").stdout)
    ]
    assert "Amara Okafor" in names and names.count("Daniel Okafor") == 1  # same surname, two people
    table = run("speakers", "--db", corpus_db).output
    assert table.splitlines()[0].split()[:3] == ["name", "kind", "role"]


def test_show_marks_quotes_and_lists_speakers(corpus_db):
    output = run("show", "Dock workers", "--db", corpus_db).output
    assert "[1 We have asked for a fair night rate" in output
    assert "] Daniel Okafor (" in output  # the legend gives role and organisation
    flood = run("show", "flood", "--db", corpus_db).output
    assert "“It” → Harbour Authority (pronoun)" in flood  # a mention resolved to a name it does not write
    ambiguous = run("show", "Port", "--db", corpus_db)
    assert ambiguous.exit_code == 1 and "articles match" in ambiguous.output
    assert run("show", "no such thing", "--db", corpus_db).exit_code == 1


def test_export_jsonl_round_trips_through_extract(corpus_db, tmp_path):
    exported = tmp_path / "all.jsonl"
    run("export", "--db", corpus_db, "-o", exported)
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert len(records) == EXAMPLE_ARTICLES
    for record in records:
        for q in record["quotes"]:
            assert record["text"][q["start"] : q["end"]] == q["content"]
    copy = tmp_path / "copy.db"
    summary = json.loads(run("extract", exported, "--db", copy, "--json").stdout)
    assert summary["articles"] == EXAMPLE_ARTICLES and summary["quotes"] == sum(len(r["quotes"]) for r in records)


def test_export_csv_has_one_row_per_quote(corpus_db):
    result = run("export", "--db", corpus_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"content", "speaker", "outlet", "article_title"} <= set(rows[0])
    assert f"Exported {len(rows)} quotes" in result.stderr


def test_metadata_writes_site_settings_and_never_replaces_a_file_unasked(tmp_path):
    out = tmp_path / "site.json"
    first = run("metadata", "-o", out, "--title", "Harbour desk", "--license", "CC BY 4.0")
    assert first.exit_code == 0 and str(out) in first.stderr
    settings = json.loads(out.read_text(encoding="utf-8"))
    assert settings["title"] == "Harbour desk" and settings["license"] == "CC BY 4.0"
    out.write_text("{}", encoding="utf-8")
    again = run("metadata", "-o", out, "--title", "Other")
    assert again.exit_code == 1 and "--force" in again.output
    assert out.read_text(encoding="utf-8") == "{}"
    assert json.loads(run("metadata", "-o", out, "--force", "--title", "Other").exit_code == 0 and
                      out.read_text(encoding="utf-8"))["title"] == "Other"
    assert json.loads(run("metadata", "-o", "-").stdout)["title"]


def test_serve_get_passes_through_to_datasette(corpus_db):
    result = run("serve", "--db", corpus_db, "--get", "/quotes/quotes.json?_shape=array&_size=2")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 2


def test_serve_uses_metadata_for_a_database_of_any_name(corpus_db, tmp_path):
    other = tmp_path / "news.db"
    with sqlite3.connect(corpus_db) as source, sqlite3.connect(other) as target:
        source.backup(target)  # a file copy would miss pages still in the WAL
    result = run("serve", "--db", other, "--get", "/news/most_quoted_people.json?_shape=array")
    assert result.exit_code == 0 and json.loads(result.output)[0]["name"]


def test_demo_extracts_the_examples_then_serves(tmp_path):
    db = tmp_path / "demo.db"
    result = run("demo", "--db", db, "--get", "/demo/articles.json?_shape=array&_size=max")
    assert result.exit_code == 0
    assert f"{EXAMPLE_ARTICLES} articles ({EXAMPLE_ARTICLES} extracted" in result.stderr
    assert len(json.loads(result.stdout)) == EXAMPLE_ARTICLES


def test_commands_without_a_database_explain_what_to_do(tmp_path):
    result = run("speakers", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "run `quotes extract` first" in result.output
