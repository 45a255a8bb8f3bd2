"""Clear errors, never a traceback: each failure a user can meet is one line with its own exit status.

Every case runs the real CLI on real files and checks the line, the status, and that nothing was
stored or changed that should not be.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import (
    EXIT_BAD_LEXICON,
    EXIT_BAD_SHARDS,
    EXIT_DAMAGED,
    EXIT_DISK_FULL,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_READ_ONLY,
    EXIT_SKIPPED,
    cli,
)

FERRY = '"The ferry is late again," said Karl Brenner, a harbour pilot.\n'


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_error_line(result, status: int, *parts: str) -> None:
    """The command failed with ``status`` and said so in one line holding ``parts``, with no traceback."""
    assert result.exit_code == status, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for part in parts:
        assert part in lines[0]


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(FERRY, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the database ----------------------------------------------------------------------------------

def damaged_database(path: Path, story: Path) -> None:
    assert invoke("extract", story, "--db", path).exit_code == 0
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data)):  # every page but the header's
        data[i] = (data[i] * 7 + 13) % 256
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("command", [["extract", "{story}"], ["search", "ferry"], ["speakers"], ["export"]])
def test_a_damaged_database_is_named_as_damaged(tmp_path, story, command):
    db = tmp_path / "q.db"
    damaged_database(db, story)
    before = digest(db)
    result = invoke(*[part.format(story=story) for part in command], "--db", db)
    one_error_line(result, EXIT_DAMAGED, f"the database {db} is damaged", f"sqlite3 {db} .recover")
    assert digest(db) == before


def without_root_file_access() -> None:
    """In a child process: drop root's power to write files whatever their mode (see test_bad_input.py)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def as_user(quotes_command, *args: object) -> subprocess.CompletedProcess:
    if os.geteuid() == 0 and not sys.platform.startswith("linux"):
        pytest.skip("running as root, which writes read-only folders, and not on Linux, where it could be stopped")
    return subprocess.run(quotes_command(*args), capture_output=True, text=True, timeout=120,
                          preexec_fn=without_root_file_access if os.geteuid() == 0 else None)


@pytest.mark.parametrize("read_only", ["folder", "file"])
def test_a_database_that_cannot_be_written_is_said_so_and_can_still_be_read(tmp_path, story, quotes_command,
                                                                             read_only):
    folder = tmp_path / "published"
    folder.mkdir()
    db = folder / "q.db"
    assert invoke("extract", story, "--db", db).exit_code == 0
    (db if read_only == "file" else folder).chmod(0o555 if read_only == "folder" else 0o444)
    try:
        refused = as_user(quotes_command, "extract", story, "--db", db, "--force")
        found = as_user(quotes_command, "search", "ferry", "--db", db)
        listed = sorted(p.name for p in folder.iterdir())
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert refused.returncode == EXIT_READ_ONLY, refused.stderr
    reason = "its folder is read-only (SQLite writes q.db-wal and q.db-shm beside it)" if read_only == "folder" \
        else "the file is read-only"
    assert refused.stderr == f"Error: cannot write the database {db}: {reason}" + (
        "; copy the database to a folder you can write, or pass --db\n" if read_only == "folder" else "\n")
    assert "not a quotes database" not in refused.stderr
    assert found.returncode == 0 and "The ferry is late again," in found.stdout  # reading needs no writing
    assert listed == ["q.db"]


def test_a_full_disk_while_extracting_stops_cleanly_and_keeps_what_was_stored(tmp_path, quotes_command):
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps({"id": f"a{n}", "text": FERRY.replace("again", f"again, day {n}")}) + "\n"
                            for n in range(3000)), encoding="utf-8")
    db = tmp_path / "q.db"

    def small_disk() -> None:  # a file-size limit stands in for a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_500_000, 1_500_000))

    done = subprocess.run(quotes_command("extract", wire, "--db", db, "--workers", 1), capture_output=True,
                          text=True, timeout=300, preexec_fn=small_disk)
    assert done.returncode == EXIT_DISK_FULL, done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"Error: cannot write the database {db}: disk I/O error")
    assert "Traceback" not in done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("select status from runs").fetchall() == [("interrupted",)]
        assert conn.execute("select count(*) from articles").fetchone()[0] > 0


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_full_disk_during_export_is_one_line_and_claims_nothing(tmp_path, story, fmt):
    db = tmp_path / "q.db"
    assert invoke("extract", story, "--db", db).exit_code == 0
    result = invoke("export", "--db", db, "--format", fmt, "-o", "/dev/full")
    one_error_line(result, EXIT_DISK_FULL, "the disk is full", "No space left on device")
    assert "Exported" not in result.output


# --- lexicons -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("[cue_verbs\nharrumph = []\n", "not valid TOML: Expected ']' at the end of a table declaration (at line 1"),
    ("[cue_verb]\nharrumph = []\n", "unknown table [cue_verb]: did you mean [cue_verbs]?"),
    ("[roles]\nhead = [\"harbourmaster\"]\n", "unknown key 'head' in [roles]: did you mean heads?"),
    ("[roles]\nheads = \"harbourmaster\"\n", "[roles] heads must be a list of words in quotes"),
    ("roles = 3\n", "'roles' must be a table ([roles]), not a single value"),
    ("\xff\xfe[roles]", "not UTF-8 text"),
])
@pytest.mark.parametrize("command", ["extract", "annotate"])
def test_a_lexicon_with_a_mistake_is_an_error_not_silence(tmp_path, story, content, message, command):
    lexicon = tmp_path / "beat.toml"
    lexicon.write_bytes(content.encode("latin-1"))
    args = ["extract", story, "--db", tmp_path / "q.db"] if command == "extract" else ["annotate", os.devnull]
    result = invoke(*args, "--lexicon", lexicon)
    one_error_line(result, EXIT_BAD_LEXICON, f"lexicon {lexicon}: {message}")
    assert not (tmp_path / "q.db").exists()


def test_plain_text_given_to_annotate_says_which_command_reads_it(tmp_path):
    """annotate reads the evaluation format only; a plain article is pointed to `quotes extract`."""
    article = tmp_path / "ferry.txt"
    article.write_text("Harbour news\n\n" + FERRY, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = invoke("annotate", article, "-o", output)
    assert result.exit_code == EXIT_SKIPPED
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "line 1: skipped: invalid JSON: Expecting value at column 1"
    assert lines[-1].startswith(f"{article}: no line is a JSON object with a 'text' field")
    assert "use `quotes extract`" in lines[-1] and not output.exists()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps({"id": "a", "text": FERRY}) + "\nnot json\n", encoding="utf-8")
    result = invoke("annotate", mixed, "-o", output)
    assert result.exit_code == EXIT_SKIPPED and "quotes extract" not in result.stderr
    assert json.loads(output.read_text(encoding="utf-8"))["quotes"][0]["speaker"] == "Karl Brenner"


def test_a_lexicon_may_add_new_cue_verbs_under_their_own_names(tmp_path, story):
    lexicon = tmp_path / "beat.toml"
    lexicon.write_text('[cue_verbs]\nharrumph = []\n[roles]\nheads = ["harbourmaster"]\n', encoding="utf-8")
    assert invoke("extract", story, "--db", tmp_path / "q.db", "--lexicon", lexicon).exit_code == 0


# --- shards ---------------------------------------------------------------------------------------

@pytest.fixture
def shards(tmp_path) -> Path:
    pytest.importorskip("pyarrow", reason="shards need pyarrow: pip install 'quotes[dask]'")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"s{n}.txt").write_text(FERRY.replace("again", f"again, day {n}"), encoding="utf-8")
    folder = tmp_path / "shards"
    assert invoke("extract", corpus, "--shards", folder).exit_code == 0
    return folder


def manifest(folder: Path) -> dict:
    return json.loads((folder / "_manifest.json").read_text(encoding="utf-8"))


def rewrite_manifest(folder: Path, **changes) -> None:
    (folder / "_manifest.json").write_text(json.dumps({**manifest(folder), **changes}), encoding="utf-8")


def test_a_changed_shard_is_refused_before_anything_is_loaded(tmp_path, shards):
    shard = shards / manifest(shards)["shards"][0]
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 0xFF
    shard.write_bytes(bytes(data))
    result = invoke("load", shards, "--db", tmp_path / "q.db")
    one_error_line(result, EXIT_BAD_SHARDS, f"the shard {shard} was changed after it was written")
    assert not (tmp_path / "q.db").exists()


def test_a_shard_that_is_not_parquet_is_refused(tmp_path, shards):
    shard = shards / manifest(shards)["shards"][0]
    shard.write_bytes(b"PAR1 not really")
    rewrite_manifest(shards, sha256={})  # as a manifest of an older version, which kept no checksums
    result = invoke("load", shards, "--db", tmp_path / "q.db")
    one_error_line(result, EXIT_BAD_SHARDS, f"the shard {shard} cannot be read")


@pytest.mark.parametrize("name", ["../outside.parquet", "/etc/passwd", "sub/part-000000.parquet", 7])
def test_a_manifest_naming_files_outside_its_folder_is_refused(tmp_path, shards, name):
    (tmp_path / "outside.parquet").write_bytes((shards / manifest(shards)["shards"][0]).read_bytes())
    rewrite_manifest(shards, shards=[name])
    result = invoke("load", shards, "--db", tmp_path / "q.db")
    one_error_line(result, EXIT_BAD_SHARDS, f"names {name!r}, which is not a shard file of {shards}")


@pytest.mark.parametrize("text", ["{not json", "[]", '{"shards": "part-000000.parquet"}'])
def test_a_damaged_manifest_is_refused(tmp_path, shards, text):
    (shards / "_manifest.json").write_text(text, encoding="utf-8")
    result = invoke("load", shards, "--db", tmp_path / "q.db")
    one_error_line(result, EXIT_BAD_SHARDS, "is not a valid manifest")


def test_a_shard_row_whose_offsets_were_changed_is_not_stored(tmp_path, shards):
    """A shard rewritten whole, checksum and all: each article row is still checked against its text."""
    import pyarrow.parquet as pq

    from quotes.shards import file_sha256

    name = manifest(shards)["shards"][0]
    table = pq.read_table(shards / name).to_pylist()
    table[0]["quotes"][0]["start"] += 3
    import pyarrow as pa

    from quotes.shards import shard_schema

    pq.write_table(pa.Table.from_pylist(table, schema=shard_schema()), shards / name)
    rewrite_manifest(shards, sha256={name: file_sha256(shards / name)})
    result = invoke("load", shards, "--db", tmp_path / "q.db")
    assert result.exit_code == EXIT_SKIPPED
    assert "its content is not the text at its offsets: the shard was changed after it was written; not stored" \
        in result.stderr
    with sqlite3.connect(tmp_path / "q.db") as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (2,)


def test_shards_of_an_unfinished_run_are_not_damaged_ones(tmp_path, shards):
    (shards / "_manifest.json").unlink()
    one_error_line(invoke("load", shards, "--db", tmp_path / "q.db"), EXIT_FAILED, "did not finish")


@pytest.mark.parametrize(("command", "says"), [
    ("annotate", "interrupted before the end: what the command wrote so far is incomplete"),
    ("extract", "interrupted: everything stored so far is kept, and the database file is whole"),
])
def test_ctrl_c_says_what_it_leaves_behind(command, says, tmp_path, monkeypatch):
    """Only a command that writes a database speaks of one when interrupted."""
    import quotes.annotate
    import quotes.api

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(quotes.annotate, "annotated_lines", interrupted)
    monkeypatch.setattr(quotes.api, "extract_corpus", interrupted)
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "a", "text": FERRY}) + "\n", encoding="utf-8")
    args = [command, article] + (["--db", tmp_path / "q.db"] if command == "extract" else ["-o", tmp_path / "o"])
    one_error_line(invoke(*args), EXIT_INTERRUPTED, says)
