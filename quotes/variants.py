"""Quotes that changed on the way: altered quotes, excerpts, and the same words given to two speakers.

Exact copies share a canonical form (``quotes.canonical``) and are grouped by it. This finds the
near copies, across the whole database, at the end of each run, and stores them in
``quote_variants`` so that pages only read them:

- **altered**: one speaker quoted in two articles with nearly the same words ("we will not back
  down" / "we won't back down from this");
- **excerpt**: a shorter quote of a speaker whose words sit, in order, inside a longer quotation of
  the same speaker elsewhere;
- **two speakers**: the same or nearly the same words attributed to two different named speakers.

Near copies are found with MinHash signatures of each distinct canonical form's
words, grouped by locality-sensitive hashing; excerpts by the words a short quote starts with,
looked up among the word runs of longer ones; every candidate is then checked word by word
(``difflib``), so the hashing decides only what is compared, never what is reported.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from sqlite_utils import Database

MIN_WORDS = 5  # shorter quotes ("no comment", scare quotes) repeat by chance, not by copying
NEAR = 0.75  # word-level similarity (difflib ratio) from which two quotes are the same quote altered
# 12 bands of 5 rows: pairs whose words and word pairs have a Jaccard similarity of 0.7 are compared 89% of the
# time, 0.8 99%, 0.3 under 3%. Four rows a band compared 13 times as many pairs on 100,000 quotes, most of
# them unrelated quotes of common words, and their number grew faster than the quotes.
PERMUTATIONS, BANDS = 60, 12
HEAD = 5  # an excerpt is found by its first HEAD words, looked up among longer quotes' runs of HEAD words
BUCKET = 50  # forms compared from one LSH bucket: near copies, beyond that, are also linked through others
NAMED = ("person", "organization")
# Contractions written out, so "won't" and "will not" are the same words (canonical forms split
# "won't" into "won t"). Each with a string that any match contains: most forms have few contractions,
# and the test is cheaper than the pattern's scan.
CONTRACTIONS = [(literal, re.compile(p), r) for literal, p, r in (
    ("won t", r"\bwon t\b", "will not"), ("can t", r"\bcan t\b", "can not"), ("cannot", r"\bcannot\b", "can not"),
    ("shan t", r"\bshan t\b", "shall not"), (" n t", r"\b(\w+) n t\b", r"\1 not"), (" re", r"\b(\w+) re\b", r"\1 are"),
    (" ll", r"\b(\w+) ll\b", r"\1 will"), (" ve", r"\b(\w+) ve\b", r"\1 have"), ("i m", r"\bi m\b", "i am"),
    (" d", r"\b(\w+) d\b", r"\1 would"),
)]


CONTRACTED = re.compile(r"\b(?:t|re|ll|ve|m|d|cannot)\b")


def expanded(canonical: str) -> list[str]:
    """The words of a canonical form with contractions written out."""
    if not CONTRACTED.search(canonical):
        return canonical.split()
    for literal, pattern, replacement in CONTRACTIONS:
        if literal in canonical:
            canonical = pattern.sub(replacement, canonical)
    return canonical.split()


class Occurrence(NamedTuple):  # a named tuple: a run makes one per quote, a third faster than a dataclass
    """The first quote of one speaker with one canonical form."""

    quote_id: str
    speaker_id: str | None
    kind: str | None
    published: str | None


@dataclass
class Variant:
    kind: str  # altered, excerpt or two_speakers
    relation: str  # altered, excerpt or same (two speakers with the very same words)
    similarity: float
    a: Occurrence  # the earlier
    b: Occurrence

    def row(self) -> dict:
        return {"kind": self.kind, "relation": self.relation, "similarity": round(self.similarity, 3),
                "quote_a": self.a.quote_id, "quote_b": self.b.quote_id, "speaker_a": self.a.speaker_id,
                "speaker_b": self.b.speaker_id, "published_a": self.a.published, "published_b": self.b.published}


def occurrences(db: Database) -> dict[str, list[Occurrence]]:
    """``{canonical: [the first quote of each speaker with it]}``, oldest first, for forms of MIN_WORDS or more."""
    forms: dict[str, list[Occurrence]] = defaultdict(list)
    seen: set[tuple[str, str | None]] = set()
    for quote_id, canonical, speaker, kind, published in db.execute(
            "select id, canonical, speaker_id, speaker_kind, published from quotes "
            "where length(canonical) - length(replace(canonical, ' ', '')) >= ? "
            "order by published is null, published, article_id, start", [MIN_WORDS - 1]):
        if (canonical, speaker) not in seen:
            seen.add((canonical, speaker))
            forms[canonical].append(Occurrence(quote_id, speaker, kind, published))
    return forms


# MinHash written here with numpy rather than taken from datasketch, whose values these are (its
# "affine32" scheme, seed 1; tests/test_variants.py holds a signature it computed): datasketch makes
# one MinHash object and one numpy pass per quote form, 40 to 100 µs each, where one pass over a
# thousand forms' words at once does the same arithmetic in a tenth of the time (0.06 s against 0.4
# to 1.0 s for PolNeAR train's 10,873 forms); and datasketch needs scipy, which nltk imports at
# start-up whenever it is installed (0.9 s for every command and every worker process).
_PERMUTATION_STATE = np.random.RandomState(1)
A = _PERMUTATION_STATE.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd
B = _PERMUTATION_STATE.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
EMPTY = 0xFFFFFFFF  # the signature of a set with no words
CHUNK = 1000  # forms hashed together: a 60 x (their words) array of a few MB


def mixed(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, a bijection that spreads CRC-32's structure before the permutations."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes *= np.uint32(0x85EBCA6B)
    hashes ^= hashes >> np.uint32(13)
    hashes *= np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def signatures(word_sets: list[list[bytes]]) -> np.ndarray:
    """MinHash signatures, one row of PERMUTATIONS 32-bit values per set of words: for each
    permutation ``a * h + b`` (mod 2**32) of the words' hashes, the least. CRC-32 hashes the words:
    stable across processes and versions, so signatures can be stored."""
    signature = np.full((len(word_sets), PERMUTATIONS), EMPTY, dtype=np.uint32)
    for first in range(0, len(word_sets), CHUNK):
        chunk = word_sets[first:first + CHUNK]
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        hashes = mixed(np.fromiter(map(zlib.crc32, (word for words in chunk for word in words)), dtype=np.uint32,
                                   count=int(lengths.sum())))
        filled = np.flatnonzero(lengths)
        if len(filled):  # uint32 arithmetic wraps: the modulo 2**32 of the permutations
            permuted = A[:, None] * hashes + B[:, None]
            starts = (np.cumsum(lengths) - lengths)[filled]
            signature[first + filled] = np.minimum.reduceat(permuted, starts, axis=1).T
    return signature


def lsh_pairs(signature: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of rows whose signatures agree on every value of at least one band (Indyk & Motwani's LSH).

    datasketch's ``MinHashLSH`` inserts one key at a time into Python dictionaries (about 15 s per
    100,000 quotes here); sorting each band's keys with numpy gives the same buckets at once.
    """
    pairs: set[tuple[int, int]] = set()
    if len(signature) < 2:
        return pairs
    rows = PERMUTATIONS // BANDS
    weights = np.array([0x9E3779B97F4A7C15 >> (7 * i) | 1 for i in range(rows)], dtype=np.uint64)
    for band in range(BANDS):
        keys = (signature[:, band * rows:(band + 1) * rows] * weights).sum(axis=1)  # wraps mod 2**64
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        edges = np.diff(np.concatenate(([0], ordered[1:] == ordered[:-1], [0])).astype(np.int8))
        for first, last in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            members = sorted(order[first:last + 1].tolist())[:BUCKET]  # only buckets of two or more
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return pairs


def excerpt_pairs(words: list[list[str]]) -> set[tuple[int, int]]:
    """Pairs (short, long) where the first HEAD words of the short form are a run of the long one's."""
    heads: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, form in enumerate(words):
        heads[tuple(form[:HEAD])].append(index)
    firsts = {head[0] for head in heads}
    pairs: set[tuple[int, int]] = set()
    for index, form in enumerate(words):
        for start in range(1, len(form) - HEAD + 1):  # a run at the start is the head: the LSH compares those
            if form[start] not in firsts:  # cheaper than building the run
                continue
            for short in heads.get(tuple(form[start:start + HEAD]), ()):
                if short != index and len(words[short]) < len(form):
                    pairs.add((short, index))
    return pairs


def compare(a: str, b: str, a_words: list[str] | None = None, b_words: list[str] | None = None
            ) -> tuple[str, float] | None:
    """How two canonical forms relate: ("excerpt", share) when the shorter's words sit in order inside
    the longer's, ("altered", ratio) when their words, contractions written out (``a_words``,
    ``b_words`` when already known), are nearly the same (difflib's ratio), else None. A shorter
    quote that only fits once "won't" is read "will not" had its words changed: it is altered."""
    short, long = sorted((a, b), key=lambda form: form.count(" "))
    if short.count(" ") < long.count(" ") and f" {short} " in f" {long} ":
        return "excerpt", (short.count(" ") + 1) / (long.count(" ") + 1)
    matcher = difflib.SequenceMatcher(None, a_words or expanded(a), b_words or expanded(b), autojunk=False)
    if matcher.quick_ratio() < NEAR:  # an upper bound, counted without aligning: most candidates stop here
        return None
    ratio = matcher.ratio()
    return ("altered", ratio) if ratio >= NEAR else None


def shingles(words: list[str]) -> list[bytes]:
    """A form's words and pairs of words: pairs keep common words from making unrelated quotes look alike."""
    return [w.encode() for w in {*words, *(f"{x} {y}" for x, y in zip(words, words[1:], strict=False))}]


def form_key(text: str) -> int:
    """A canonical form as a 64-bit integer, the key of its stored signature."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def stored_signatures(db: Database, texts: list[str], words: list[list[str]]) -> np.ndarray:
    """The signatures of these forms: those stored by an earlier run read back, only new forms hashed
    (the MinHash is most of the work), and forms no quote has any more forgotten. Stored rows go
    straight into the array and new forms are hashed a chunk at a time, so that memory holds one
    array of 240 bytes a form, not a Python object per stored signature or per word of every form."""
    keys = [form_key(text) for text in texts]
    row_of = {key: row for row, key in enumerate(keys)}
    signature = np.empty((len(texts), PERMUTATIONS), dtype=np.uint32)
    known = np.zeros(len(texts), dtype=bool)
    gone = []
    for form, stored in db.execute("select form, signature from quote_signatures"):
        row = row_of.get(form)
        if row is None:
            gone.append(form)
        else:
            signature[row], known[row] = np.frombuffer(stored, dtype=np.uint32), True
    missing = np.flatnonzero(~known)
    for first in range(0, len(missing), CHUNK):
        chunk = missing[first:first + CHUNK]
        signature[chunk] = signatures([shingles(words[row]) for row in chunk])
    db["quote_signatures"].insert_all(({"form": keys[row], "signature": signature[row].tobytes()} for row in missing),
                                      batch_size=1000, replace=True)
    for start in range(0, len(gone), 500):
        chunk = gone[start:start + 500]
        db.execute(f"delete from quote_signatures where form in ({', '.join('?' * len(chunk))})", chunk)
    return signature


def find_variants(db: Database) -> Iterator[Variant]:
    """Every altered quote, excerpt and quote given to two speakers in the database."""
    forms = occurrences(db)
    texts = list(forms)
    words = [expanded(text) for text in texts]
    candidates = lsh_pairs(stored_signatures(db, texts, words))
    candidates |= {tuple(sorted(pair)) for pair in excerpt_pairs(words)}
    for text in texts:  # the very same words, given to two named speakers
        yield from _two_speakers(forms[text], forms[text], "same", 1.0)
    for i, j in sorted(candidates):
        found = compare(texts[i], texts[j], words[i], words[j])
        if found is None:
            continue
        relation, similarity = found
        if relation == "excerpt" and len(texts[i].split()) > len(texts[j].split()):
            i, j = j, i  # the excerpt first, then the quotation it comes from
        yield from _same_speaker(forms[texts[i]], forms[texts[j]], relation, similarity)
        yield from _two_speakers(forms[texts[i]], forms[texts[j]], relation, similarity)


def _same_speaker(first: list[Occurrence], second: list[Occurrence], relation: str,
                  similarity: float) -> Iterator[Variant]:
    by_speaker = {o.speaker_id: o for o in second if o.speaker_id}
    for a in first:
        b = by_speaker.get(a.speaker_id) if a.speaker_id else None
        if b is not None:
            yield Variant(relation, relation, similarity, *_in_order(a, b, relation))


def _two_speakers(first: list[Occurrence], second: list[Occurrence], relation: str,
                  similarity: float) -> Iterator[Variant]:
    """Pairs of named speakers (people, organisations), each pair once, given these words."""
    same = first is second
    for a in first:
        for b in second:
            if not (a.speaker_id and b.speaker_id and a.kind in NAMED and b.kind in NAMED):
                continue
            if (a.speaker_id < b.speaker_id) if same else (a.speaker_id != b.speaker_id):
                yield Variant("two_speakers", relation, similarity, *_in_order(a, b, relation))


def _in_order(a: Occurrence, b: Occurrence, relation: str) -> tuple[Occurrence, Occurrence]:
    """The earlier first; for an excerpt, the excerpt first whatever the dates."""
    if relation == "excerpt":
        return a, b
    return (a, b) if (a.published is None, a.published or "") <= (b.published is None, b.published or "") else (b, a)


def store_variants(db: Database) -> int:
    """Find every variant and replace ``quote_variants`` with them; returns how many."""
    with db.atomic():
        rows = [variant.row() for variant in find_variants(db)]
        db.execute("delete from quote_variants")
        db["quote_variants"].insert_all(rows, batch_size=1000)
    return len(rows)
