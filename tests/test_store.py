"""The store: schema, idempotent saves, replaced quotes, shared speakers and full-text search."""

import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotes.migrations import MIGRATIONS, MIGRATIONS_TABLE, migrate, schema_sql
from quotes.model import Speaker
from quotes.readers import Article
from quotes.store import Store, article_id, content_hash, default_db_path, open_db, speaker_key
from tests.builders import quote

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "q.db")


def article(aid: str, text: str, outlet: str = "Herald", published: str = "2025-03-05") -> Article:
    return Article(
        text=text, source=f"{aid}.txt", id=aid, title=aid.title(), outlet=outlet, published=published
    )


def test_schema_sql_matches_the_committed_file():
    memory = Database(memory=True)
    migrate(memory)
    assert schema_sql(memory) == (ROOT / "db" / "schema.sql").read_text(encoding="utf-8"), (
        "db/schema.sql is stale: run `python -m quotes.migrations > db/schema.sql`"
    )


def test_migrations_are_recorded_and_run_once(tmp_path):
    path = tmp_path / "q.db"
    open_db(path)
    db = open_db(path)  # a second open must not fail or re-run anything
    assert [r["name"] for r in db[MIGRATIONS_TABLE].rows] == [m.__name__ for m in MIGRATIONS]
    assert migrate(db) == []


def test_database_uses_wal_and_foreign_keys(db):
    assert db.journal_mode == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert {fk.other_table for fk in db["quotes"].foreign_keys} == {"articles", "speakers"}
    indexed = {tuple(i.columns) for i in db["quotes"].indexes}
    assert {("article_id",), ("speaker_id",)} <= indexed


def test_default_path_and_env_override(monkeypatch):
    monkeypatch.delenv("QUOTES_DB", raising=False)
    assert default_db_path() == Path("db/quotes.db")
    monkeypatch.setenv("QUOTES_DB", "/tmp/other.db")
    assert default_db_path() == Path("/tmp/other.db")


TEXT = '"We will rebuild the pier," said Ana Diaz, the harbour master. Luis Diaz said the pier was safe.'


def diaz_quotes(text=TEXT):
    return [
        quote(text, "We will rebuild the pier,", "Ana Diaz", mention="Ana Diaz", role="harbour master"),
        quote(text, "the pier was safe", "Luis Diaz", qtype="indirect"),
    ]


def test_saving_the_same_article_twice_changes_nothing(db):
    store = Store(db)
    store.save([(article("a1", TEXT), diaz_quotes())], None, "v1")
    first = list(db.query("select * from quotes order by id"))
    store.save([(article("a1", TEXT), diaz_quotes())], None, "v1")
    assert list(db.query("select id from quotes order by id")) == [{"id": r["id"]} for r in first]
    assert (db["articles"].count, db["quotes"].count, db["speakers"].count) == (1, 2, 2)


def test_the_content_hash_changes_with_every_stored_part_of_an_article_and_only_with_one():
    base = Article(TEXT, "feed.jsonl:1", id="a1", title="Pier", extra={"desk": "harbour", "tags": ["pier"]})
    same = Article(TEXT, "other.jsonl:9", id="a1", title="Pier", extra={"desk": "harbour", "tags": ["pier"]})
    changed = [
        Article(TEXT + " More.", "feed.jsonl:1", id="a1", title="Pier", extra=base.extra),
        Article(TEXT, "feed.jsonl:1", id="a1", title="The pier", extra=base.extra),
        Article(TEXT, "feed.jsonl:1", id="a1", title="Pier", extra={"desk": "seaport", "tags": ["pier"]}),
        Article(TEXT, "feed.jsonl:1", id="a1", title="Pier"),
    ]
    hashes = [content_hash(a) for a in (base, *changed)]
    assert content_hash(same) == hashes[0]
    assert len(set(hashes)) == len(hashes)


def test_quote_ids_are_deterministic_across_databases(tmp_path):
    ids = []
    for name in ("one.db", "two.db"):
        db = open_db(tmp_path / name)
        Store(db).save([(article("a1", TEXT), diaz_quotes())], None, "v1")
        ids.append([r["id"] for r in db.query("select id from quotes order by start")])
    assert ids[0] == ids[1]


def test_changed_article_has_its_quotes_replaced_and_orphan_speakers_removed(db):
    store = Store(db)
    store.save([(article("a1", TEXT), diaz_quotes())], None, "v1")
    changed = '"The pier stays closed," said Ana Diaz.'
    store.save([(article("a1", changed), [quote(changed, "The pier stays closed,", "Ana Diaz")])], None, "v1")
    assert [r["content"] for r in db["quotes"].rows] == ["The pier stays closed,"]
    assert [r["name"] for r in db["speakers"].rows] == ["Ana Diaz"]
    assert db["articles"].get("a1")["text"] == changed


def test_one_person_quoted_in_many_articles_is_one_speaker_with_aliases(db):
    texts = {
        "a1": '"The wall will hold," said Mayor Lucia Fernández.',
        "a2": '"We start in autumn," Fernández said.',
        "a3": '"It is on budget," said Lucia Fernandez, the mayor.',
    }
    mentions = {"a1": "Mayor Lucia Fernández", "a2": "Fernández", "a3": "Lucia Fernandez"}
    outlets = {"a1": "Herald", "a2": "Herald", "a3": "Post"}
    names = {"a1": "Lucia Fernández", "a2": "Lucia Fernández", "a3": "Lucia Fernandez"}
    roles = {"a1": "Mayor", "a2": None, "a3": "mayor"}
    batch = [
        (
            article(aid, text, outlet=outlets[aid]),
            [quote(text, text[1 : text.index(",") + 1], names[aid], mention=mentions[aid], role=roles[aid])],
        )
        for aid, text in texts.items()
    ]
    Store(db).save(batch, None, "v1")
    [speaker] = list(db["speakers"].rows)
    assert speaker["name"] == "Lucia Fernández"  # the most frequent spelling
    assert (speaker["quote_count"], speaker["article_count"], speaker["outlet_count"]) == (3, 3, 2)
    assert speaker["role"] == "Mayor"  # a tie goes to the role quoted first
    assert set(json.loads(speaker["aliases"])) == {
        "Lucia Fernández",
        "Lucia Fernandez",
        "Mayor Lucia Fernández",
        "Fernández",
    }


def test_people_sharing_only_a_surname_are_never_merged(db):
    Store(db).save([(article("a1", TEXT), diaz_quotes())], None, "v1")
    assert sorted(r["name"] for r in db["speakers"].rows) == ["Ana Diaz", "Luis Diaz"]


def test_unresolved_surname_stays_apart_from_the_full_name():
    assert speaker_key(Speaker(None, "Diaz", "person"), "a1") != speaker_key(
        Speaker(None, "Ana Diaz", "person"), "a1"
    )


@pytest.mark.parametrize(
    "speaker, expected",
    [
        (Speaker(None, "Ana Diaz", "person"), "person:ana diaz"),
        (Speaker(None, "the Harbour Authority", "organization"), "organization:harbour authority"),
        (Speaker(None, "Ministry of Health", "organization"), "organization:ministry of health"),
        (Speaker(None, "Donald J. Trump", "person"), "person:donald trump"),
        (Speaker(None, "Donald Trump Jr.", "person"), "person:donald trump jr"),
        (Speaker(None, "Tam\u200bmy Bru\u00adce", "person"), "person:tammy bruce"),
        (Speaker(None, "the billionaire", "person", resolution="unresolved"), "unresolved:a1:the billionaire"),
        (Speaker(None, "a senior official", "anonymous"), "anonymous:a1:a senior official"),
        (Speaker(None, "he", "person"), None),
        (Speaker(None, None, "unknown"), None),
    ],
)
def test_speaker_keys(speaker, expected):
    assert speaker_key(speaker, "a1") == expected


def test_anonymous_sources_are_not_merged_across_articles(db):
    text = "A senior official said the talks had failed."
    batch = [
        (
            article(aid, text),
            [
                quote(
                    text,
                    "the talks had failed",
                    "a senior official",
                    kind="anonymous",
                    mention="A senior official",
                    qtype="indirect",
                )
            ],
        )
        for aid in ("a1", "a2")
    ]
    Store(db).save(batch, None, "v1")
    assert db["speakers"].count == 2
    assert {r["speaker_kind"] for r in db["quotes"].rows} == {"anonymous"}


def test_quotes_without_speaker_are_stored_without_a_speaker_row(db):
    text = '"Nobody told us anything," a sign outside read.'
    q = quote(text, "Nobody told us anything,", None, kind="unknown")
    Store(db).save([(article("a1", text), [q])], None, "v1")
    assert db["speakers"].count == 0
    assert [r["speaker_id"] for r in db["quotes"].rows] == [None]


def test_full_text_search_follows_inserts_and_replacements(db):
    store = Store(db)
    store.save([(article("a1", TEXT), diaz_quotes())], None, "v1")

    def hits(term, table="quotes"):
        return [
            r["rowid"] for r in db.query(f"select rowid from {table}_fts where {table}_fts match ?", [term])
        ]

    assert len(hits("rebuild")) == 1
    assert len(hits("rebuilding")) == 1  # porter stemming
    assert len(hits("Ana", "speakers")) == 1
    assert len(hits("pier", "articles")) == 1
    changed = '"The pier stays closed," said Ana Diaz.'
    store.save([(article("a1", changed), [quote(changed, "The pier stays closed,", "Ana Diaz")])], None, "v1")
    assert hits("rebuild") == []
    assert len(hits("closed")) == 1
    assert hits("Luis", "speakers") == []


def test_article_ids_prefer_given_id_then_url_then_path(tmp_path):
    given = Article(text="x", source="a.jsonl:3", id="doc-7", url="https://e.org/1")
    by_url = Article(text="x", source="a.jsonl:3", url="https://e.org/1")
    by_path = Article(text="x", source=str(tmp_path / "a.txt"))
    assert article_id(given) == "doc-7"
    assert article_id(by_url) == article_id(Article(text="changed", source="b.html", url="https://e.org/1"))
    assert article_id(by_path) != article_id(Article(text="x", source=str(tmp_path / "b.txt")))
    assert article_id(Article(text="x", source="a.jsonl:3")) != article_id(
        Article(text="x", source="a.jsonl:4")
    )


def test_every_stored_span_is_its_slice_of_the_stored_text(tmp_path):
    """Content, speaker mention, cue, role, organisation and the resolved name, as stored, against the
    article text as stored: a column written from the wrong field cannot pass."""
    from quotes.api import extract_corpus

    db_path = tmp_path / "examples.db"
    extract_corpus([str(ROOT / "quotes" / "examples")], db_path=db_path)
    db = Database(db_path)
    columns = [("content", "start", "end"), ("speaker_as_written", "speaker_start", "speaker_end"),
               ("cue", "cue_start", "cue_end"), ("speaker_role", "speaker_role_start", "speaker_role_end"),
               ("speaker_org", "speaker_org_start", "speaker_org_end")]
    checked = {name: 0 for name, _, _ in columns}
    for row in db.query("select quotes.*, articles.text as article_text from quotes "
                        "join articles on articles.id = quotes.article_id"):
        text = row["article_text"]
        for name, start, end in columns:
            if row[name] is not None:
                assert text[row[start]:row[end]] == row[name], (name, row["id"])
                checked[name] += 1
        if row["speaker_name_start"] is not None:
            assert text[row["speaker_name_start"]:row["speaker_name_end"]].split()[-1] in row["speaker_name"]
    assert all(checked.values()), checked  # every kind of span is stored for some quote of the examples
