"""Quotes that changed on the way: altered quotes, excerpts and the same words given to two speakers,
found at the end of a run and kept in ``quote_variants``."""

import re
import sqlite3

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.canonical import canonical_quote
from quotes.store import open_db
from quotes.variants import (
    CHUNK,
    CONTRACTIONS,
    EMPTY,
    EXCERPT_LONGS,
    PERMUTATIONS,
    band_keys,
    bucket_pairs,
    compare,
    excerpt_pairs,
    expanded,
    signatures,
    store_variants,
)
from tests.stories import STORIES, extracted, write_stories
from tests.stories import quotes as run


def variants(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("""
            select v.kind, v.relation, a.article_id, a.speaker_name, b.article_id, b.speaker_name
            from quote_variants v join quotes a on a.id = v.quote_a join quotes b on b.id = v.quote_b
            order by v.kind, a.article_id""").fetchall()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return extracted(tmp_path_factory.mktemp("variants"))


@pytest.mark.parametrize("a, b, expected", [
    ("we will not back down", "we won t back down from this", "altered"),  # the issue's own example
    ("the pier reopens next week say officials", "the pier reopens next month say officials", "altered"),
    ("we will not back down", "we will not back down from this fight", "excerpt"),
    ("we will not back down", "the fares go up in march for every rider", None),
])
def test_two_quotes_are_an_altered_quote_an_excerpt_or_unrelated(a, b, expected):
    found = compare(a, b)
    assert (found[0] if found else None) == expected


def test_contractions_are_the_same_words():
    assert expanded("we won t go and they can t stay we re sure") == \
        ["we", "will", "not", "go", "and", "they", "can", "not", "stay", "we", "are", "sure"]


def expanded_as_written(canonical: str) -> list[str]:
    """``expanded`` as it was before its word tests: each pattern after a substring test alone."""
    if not re.search(r"\b(?:t|re|ll|ve|m|d|cannot)\b", canonical):
        return canonical.split()
    for _, literal, pattern, replacement in CONTRACTIONS:
        if literal in canonical:
            canonical = pattern.sub(replacement, canonical)
    return canonical.split()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["won", "can", "shan", "cannot", "do", "n", "t", "re", "ll", "ve", "i", "m", "d",
                                 "we", "they", "x2", "éte", "tt", "dd"]), max_size=9))
def test_contractions_are_written_out_as_the_patterns_alone_write_them(words):
    canonical = " ".join(words)
    assert expanded(canonical) == expanded_as_written(canonical)


@pytest.mark.parametrize("quote", ["We won't go.", "They can't, and we're sure", "I'm here; you'd know", "Don’t",
                                   "T-shirts at 5 p.m.", "O'Neill said it", "no contraction here", "Éte d'ici"])
def test_contractions_in_quotes_are_written_out_as_the_patterns_alone_write_them(quote):
    canonical = canonical_quote(quote)
    assert expanded(canonical) == expanded_as_written(canonical)


def test_a_run_finds_the_altered_quote_the_excerpt_and_the_words_given_to_two_speakers(db):
    assert variants(db) == [
        ("altered", "altered", "h1", "Mara Quill", "g1", "Mara Quill"),  # "will not" became "won't", Jan 10 -> 12
        ("excerpt", "excerpt", "g1", "Mara Quill", "h1", "Mara Quill"),  # the Gazette's shorter depot quote
        ("two_speakers", "same", "p1", "Tom Reyes", "p2", "Dana Holt"),
    ]


def test_the_variants_are_recomputed_not_added_on_every_run(db):
    before = variants(db)
    run("extract", db.with_suffix(".jsonl"), "--db", db, "--force")
    assert variants(db) == before


def test_a_changed_article_that_no_longer_alters_a_quote_drops_it(tmp_path):
    path = tmp_path / "news.db"
    run("extract", write_stories(tmp_path / "news.jsonl"), "--db", path)
    changed = [dict(s, text=s["text"].replace("We won't back down from this fight, not now and not ever",
                                              "The fares must come down for every rider"))
               if s["id"] == "g1" else s for s in STORIES]
    run("extract", write_stories(tmp_path / "news.jsonl", changed), "--db", path)
    assert [v[0] for v in variants(path)] == ["excerpt", "two_speakers"]


def test_a_description_never_resolved_to_a_name_is_nobody_else_in_another_article(tmp_path):
    """"the ferry captain" of one article and of its syndicated copy may well be one person: an
    unresolved description is nobody beyond its article, so the same words are not "two speakers"
    there; two named people given them are."""
    words = "The harbour has never been this crowded in thirty years"
    stories = [{"id": aid, "outlet": outlet, "date": f"2024-04-0{n}", "title": "Ferries late",
                "text": f'Ferries ran late on Monday.\n\n"{words}," said {speaker}.'}
               for n, (aid, outlet, speaker) in enumerate((
                   ("f1", "Harbour Herald", "the ferry captain"), ("f2", "Valley Gazette", "the ferry captain"),
                   ("f3", "Norhaven Post", "Ivo Brandt, a ferry captain"),
                   ("f4", "Norhaven Post", "Lena Ruiz, the harbour master")), start=1)]
    path = tmp_path / "ferries.db"
    run("extract", write_stories(tmp_path / "ferries.jsonl", stories), "--db", path)
    assert variants(path) == [("two_speakers", "same", "f3", "Ivo Brandt", "f4", "Lena Ruiz")]


def test_lsh_pairs_rows_with_equal_bands_and_excerpts_are_found_by_their_first_words():
    sets = [[w.encode() for w in s.split()] for s in (
        "one two three four five six", "one two three four five six", "seven eight nine ten eleven twelve")]
    signature = signatures(sets)
    assert signature.shape == (3, PERMUTATIONS) and signature.dtype == np.uint32
    assert bucket_pairs(band_keys(signature)).tolist() == [1 * 3 + 0]  # packed: later * rows + earlier
    words = [s.split() for s in ("c d e f g", "a b c d e f g h", "x y z w v")]
    assert excerpt_pairs(lambda: iter(words)) == {(0, 1)}


def test_an_excerpt_is_found_in_any_chunk_and_never_across_two_forms():
    """Forms are read a thousand at a time: the excerpt and its quotation may sit in different
    chunks, and a run that starts in one form and ends in the next is no run of either."""
    filler = [f"f{n} g{n} h{n} i{n} j{n}".split() for n in range(CHUNK + 5)]
    words = [["c", "d", "e", "f", "g"], *filler, ["a", "b", "c", "d", "e", "f", "g", "h"],
             ["x", "y", "c", "d"], ["e", "f", "g", "z"], ["d", "e", "f", "g"]]
    assert excerpt_pairs(lambda: iter(words)) == {(0, CHUNK + 6)}


# The signature datasketch 2.0 gives these words (MinHash(num_perm=60, hashfunc=zlib.crc32), its
# default "affine32" scheme and seed): signatures stored by databases of earlier runs were made by it,
# and a signature that changed would stop their quotes from ever meeting new ones in a bucket.
DATASKETCH_SIGNATURE = [
    836015920, 2639927777, 1604159534, 1233499271, 748003940, 1170221524, 2040509472, 498626884, 3467886990,
    87873550, 498650791, 1409908414, 312423829, 1180732263, 71954207, 304102137, 1594347, 487773557, 1012626232,
    1764147256, 794866733, 1191517723, 322813401, 1402103410, 2118291081, 979037741, 695784758, 622008466,
    35797093, 441800567, 1115452791, 2625193295, 494508470, 397132866, 3245696, 818786720, 2104809092, 416916372,
    2540919637, 303481305, 3355523223, 147706834, 92439445, 399273093, 700785111, 582495314, 1067817952,
    1329102211, 906378816, 1381728448, 507169333, 1484804704, 295669676, 460108200, 199011358, 776266387,
    862798969, 1624322077, 1248783143, 37117281,
]


def test_a_signature_is_the_one_datasketch_gives_the_same_words():
    assert signatures([[b"harbour", b"ferry", b"harbour ferry"]])[0].tolist() == DATASKETCH_SIGNATURE


def test_a_signature_does_not_depend_on_the_sets_hashed_with_it():
    rng = np.random.default_rng(7)
    words = [f"w{n}".encode() for n in range(400)]
    sets = [[words[i] for i in rng.choice(400, size=rng.integers(0, 12), replace=False)] for _ in range(CHUNK + 300)]
    together = signatures(sets)
    assert together.shape == (len(sets), PERMUTATIONS)
    for index in (0, 1, CHUNK - 1, CHUNK, len(sets) - 1, *rng.choice(len(sets), size=20)):
        assert together[index].tolist() == signatures([sets[index]])[0].tolist()
    empty = [i for i, s in enumerate(sets) if not s]
    assert empty and all((together[i] == EMPTY).all() for i in empty)
    assert signatures([[b"ferry", b"harbour"]]).tolist() == signatures([[b"harbour", b"ferry", b"ferry"]]).tolist()


WIRE = [
    "the", "council", "will", "vote", "on", "the", "harbour", "plan", "next", "week", "and", "we",
    "expect", "the", "ferries", "to", "run", "on", "time", "from", "the", "first", "of", "may",
]


def near_copies(path, speakers: list[str], edited: bool = True) -> list[tuple]:
    """A database holding one wire quote as each outlet edited it (one word changed, a different
    word in each copy) or left it, the copy of day n by ``speakers[n]``; the variants found in it."""
    rows = []
    for n, speaker in enumerate(speakers):
        words = list(WIRE)
        words[2 * n + 1] = f"very{n}" if edited else words[2 * n + 1]
        text = " ".join(words)
        rows.append({"id": f"q{n}", "article_id": f"a{n}", "speaker_id": speaker, "speaker_kind": "person",
                     "content": text, "canonical": canonical_quote(text), "published": f"2024-05-0{n + 1}",
                     "start": 0, "end": len(text)})
    db = open_db(path)
    db["articles"].insert_all({"id": row["article_id"]} for row in rows)
    db["speakers"].insert_all({"id": s, "match_key": f"person:{s}", "kind": "person", "name": s} for s in {*speakers})
    db["quotes"].insert_all(rows)
    store_variants(db)
    return db.execute("select kind, quote_a, quote_b, speaker_a, speaker_b from quote_variants "
                      "order by kind, quote_a, quote_b").fetchall()


def test_a_family_of_near_copies_is_each_copy_beside_an_earlier_one_not_every_pair(tmp_path):
    """Eight outlets each edit one wire quote: seven altered quotes, each later copy beside the
    earliest copy it was found related to (the first, unless hashing never put the two in one
    bucket), not the 28 pairs of every copy with every other."""
    found = near_copies(tmp_path / "wire.db", ["s1"] * 8)
    assert sorted(later for _, _, later, _, _ in found) == [f"q{n}" for n in range(1, 8)]
    assert all(kind == "altered" and earlier < later for kind, earlier, later, _, _ in found)
    assert sum(earlier == "q0" for _, earlier, _, _, _ in found) >= 5


def test_in_a_family_each_speakers_copies_are_related_and_a_new_speaker_is_reported_where_it_joins(tmp_path):
    assert near_copies(tmp_path / "wire.db", ["s1", "s2", "s1", "s2"]) == [
        ("altered", "q0", "q2", "s1", "s1"),
        ("altered", "q1", "q3", "s2", "s2"),
        ("two_speakers", "q0", "q1", "s1", "s2"),
        ("two_speakers", "q0", "q3", "s1", "s2"),
    ]


def test_the_same_words_given_to_several_speakers_are_each_later_speaker_beside_the_first(tmp_path):
    assert near_copies(tmp_path / "wire.db", ["s1", "s2", "s1", "s3"], edited=False) == [
        ("two_speakers", "q0", "q1", "s1", "s2"),
        ("two_speakers", "q0", "q3", "s1", "s3"),
    ]


def test_an_excerpt_is_compared_with_the_first_few_long_forms_that_hold_its_first_words():
    """Ten outlets' copies of one long quotation: its excerpt is checked against the first four
    (the first might share only its first words), not against every copy."""
    words = [["c", "d", "e", "f", "g"], *(["a", "b", "c", "d", "e", "f", "g", f"h{n}"] for n in range(10))]
    assert excerpt_pairs(lambda: iter(words)) == {(0, n) for n in range(1, EXCERPT_LONGS + 1)}
