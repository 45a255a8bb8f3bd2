"""The canonical form of a quote, stored with every quote and given to older databases by a migration."""

from sqlite_utils import Database

from quotes.canonical import canonical_quote
from quotes.migrations import MIGRATIONS, MIGRATIONS_TABLE, migrate
from quotes.model import Quote, Span, Speaker
from quotes.readers import Article
from quotes.store import Store, open_db


def test_case_punctuation_quote_marks_accents_and_spacing_are_folded():
    variants = ["We will appeal,", "we will appeal.", "“We   will\nappeal!”", "WE WILL APPEAL", " we will appeal… "]
    assert {canonical_quote(v) for v in variants} == {"we will appeal"}
    assert canonical_quote("Café déjà-vu") == canonical_quote("cafe deja vu") == "cafe deja vu"
    assert canonical_quote("Don't") == canonical_quote("don’t")


def test_different_words_stay_different():
    assert canonical_quote("We will appeal") != canonical_quote("We will not appeal")
    assert canonical_quote("10 per cent") != canonical_quote("100 per cent")
    assert canonical_quote("!!! …") == ""


def one_quote_article(aid: str, text: str) -> tuple[Article, list[Quote]]:
    content = text[1:text.index('"', 1)]
    quote = Quote(Span.of(text, 1, 1 + len(content)), "direct", None, Speaker(None, "Jane Doe", "person"),
                  "test", 0.9, 0, 0)
    return Article(text=text, source=f"{aid}.txt", id=aid), [quote]


def test_the_store_saves_the_canonical_form(tmp_path):
    db = open_db(tmp_path / "q.db")
    Store(db).save([one_quote_article("a", '"We will APPEAL," said Jane Doe.')], None, "v")
    assert [r["canonical"] for r in db["quotes"].rows] == ["we will appeal"]


def test_an_older_database_gets_canonical_forms_for_the_quotes_it_holds(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    older = [m for m in MIGRATIONS if m.__name__ < "m003"]
    old[MIGRATIONS_TABLE].create({"name": str, "applied_at": str}, pk="name")
    for step in older:  # a database as the previous release left it
        step(old)
        old[MIGRATIONS_TABLE].insert({"name": step.__name__, "applied_at": "2025-01-01T00:00:00+00:00"})
    old["articles"].insert({"id": "a", "text": '"Nobody has  Listened!" he said.'})
    old["quotes"].insert({"id": "q", "article_id": "a", "content": "Nobody has  Listened!", "start": 1, "end": 22})
    old.close()
    assert "m003_quote_canonical_form" in migrate(Database(path))
    db = open_db(path)
    assert db.execute("select canonical from quotes where id = 'q'").fetchone()[0] == "nobody has listened"
    assert ("canonical",) in {tuple(i.columns) for i in db["quotes"].indexes}
    assert db.execute("select count(*) from quotes_fts where quotes_fts match 'listened'").fetchone()[0] == 1


def test_the_canonical_form_drops_exactly_the_combining_marks_whatever_the_text():
    import unicodedata

    from hypothesis import given, settings
    from hypothesis import strategies as st

    def reference(text: str) -> str:  # the definition, one character at a time
        decomposed = unicodedata.normalize("NFKD", text)
        letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        return " ".join("".join(c if c.isalnum() else " " for c in letters).split())

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))) | st.text("aé ’'\u0301\u0327ßﬁ½.,!-_"))
    def same(text):
        assert canonical_quote(text) == reference(text)

    same()


def test_no_combining_mark_lies_beyond_the_planes_the_table_covers():
    import sys
    import unicodedata

    from quotes.canonical import MARKS_END

    assert not [c for c in range(MARKS_END, sys.maxunicode + 1) if unicodedata.combining(chr(c))]
