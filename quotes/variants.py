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
(``difflib``), so the hashing decides only what is compared, never what is reported. A family of
near copies (a wire story edited by each outlet) is reported copy by copy, each beside the
earliest copy it was found related to, not as every pair of copies.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from sqlite_utils import Database

from quotes.model import ARTICLE_SCOPED
from quotes.sqlbatch import chunked, marks

MIN_WORDS = 5  # shorter quotes ("no comment", scare quotes) repeat by chance, not by copying
NEAR = 0.75  # word-level similarity (difflib ratio) from which two quotes are the same quote altered
# 12 bands of 5 rows: pairs whose words and word pairs have a Jaccard similarity of 0.7 are compared 89% of the
# time, 0.8 99%, 0.3 under 3%. Four rows a band compared 13 times as many pairs on 100,000 quotes, most of
# them unrelated quotes of common words, and their number grew faster than the quotes.
PERMUTATIONS, BANDS = 60, 12
HEAD = 5  # an excerpt is found by its first HEAD words, looked up among longer quotes' runs of HEAD words
# Long forms holding a short form's head that it is compared with, for any speaker and for each of its own: more
# than one, since the first may share only the head (the words after it edited), and only the first
# related one is reported.
EXCERPT_LONGS = 4
NAMED = ("person", "organization")
# Contractions written out, so "won't" and "will not" are the same words (canonical forms split
# "won't" into "won t"). Each with the word it needs ("t" in "won t"), and a string any match holds:
# a canonical form is words of letters and digits between single spaces, so a pattern runs only
# on a form that holds its word and its string, and the tests are cheaper than the pattern's scan
# (three calls a form in a run). No replacement makes one of those words.
CONTRACTIONS = [(word, literal, re.compile(p), r) for word, literal, p, r in (
    ("t", "won t", r"\bwon t\b", "will not"), ("t", "can t", r"\bcan t\b", "can not"),
    ("cannot", "cannot", r"\bcannot\b", "can not"), ("t", "shan t", r"\bshan t\b", "shall not"),
    ("t", " n t", r"\b(\w+) n t\b", r"\1 not"), ("re", " re", r"\b(\w+) re\b", r"\1 are"),
    ("ll", " ll", r"\b(\w+) ll\b", r"\1 will"), ("ve", " ve", r"\b(\w+) ve\b", r"\1 have"),
    ("m", "i m", r"\bi m\b", "i am"), ("d", " d", r"\b(\w+) d\b", r"\1 would"),
)]
CONTRACTED_WORDS = frozenset(word for word, *_ in CONTRACTIONS)


def expanded(canonical: str) -> list[str]:
    """The words of a canonical form with contractions written out."""
    words = canonical.split()
    present = CONTRACTED_WORDS.intersection(words)
    if not present:
        return words
    for word, literal, pattern, replacement in CONTRACTIONS:
        if word in present and literal in canonical:
            canonical = pattern.sub(replacement, canonical)
    return canonical.split()


class Occurrence(NamedTuple):  # a named tuple: a run makes one per quote, a third faster than a dataclass
    """The first quote of one speaker with one canonical form."""

    quote_id: str
    speaker_id: str | None
    named: bool  # a person or organisation known beyond its article (see ARTICLE_SCOPED)
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


def band_keys(signature: np.ndarray) -> np.ndarray:
    """Each row's LSH keys: one 64-bit key (wrapping sum of weighted values) per band of its signature."""
    rows = PERMUTATIONS // BANDS
    weights = np.array([0x9E3779B97F4A7C15 >> (7 * i) | 1 for i in range(rows)], dtype=np.uint64)
    keys = np.empty((len(signature), BANDS), dtype=np.uint64)
    for band in range(BANDS):
        keys[:, band] = (signature[:, band * rows:(band + 1) * rows] * weights).sum(axis=1)  # wraps mod 2**64
    return keys


def bucket_pairs(keys: np.ndarray, speakers: Callable[[int], Iterable[int]] = lambda row: ()) -> np.ndarray:
    """Pairs of rows whose band keys (:func:`band_keys`) agree in at least one band (Indyk & Motwani's
    LSH), packed as ``later * len(keys) + earlier`` and sorted: each row's candidates, earliest first.

    A bucket is most often a family of near copies (one wire story edited by each outlet), so its
    members are not paired all with all, n(n-1)/2 pairs for n copies: each is paired with the
    bucket's first member, the member before it, and the last member before it that shares one of
    its speakers (``speakers(row)``, hashes), enough for :func:`find_variants` to join every copy to
    its family and every speaker's copies to one another. datasketch's ``MinHashLSH`` inserts one
    key at a time into Python dictionaries (about 15 s per 100,000 quotes here); sorting each
    band's keys with numpy gives the same buckets at once.
    """
    rows = len(keys)
    pairs = np.empty(0, dtype=np.int64)
    for band in range(BANDS if rows > 1 else 0):
        order = np.argsort(keys[:, band], kind="stable")
        ordered = keys[order, band]
        edges = np.diff(np.concatenate(([0], ordered[1:] == ordered[:-1], [0])).astype(np.int8))
        found = array("q")
        for first, last in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            members = sorted(order[first:last + 1].tolist())  # only buckets of two or more
            root = members[0]
            last_with = dict.fromkeys(speakers(root), root)
            for previous, member in zip(members, members[1:], strict=False):
                found.extend((member * rows + root, member * rows + previous))
                for speaker in speakers(member):
                    if (earlier := last_with.get(speaker)) not in (None, root, previous):
                        found.append(member * rows + earlier)
                    last_with[speaker] = member
        # Merged a band at a time, since bands repeat pairs: two sorted runs, which a stable sort
        # (timsort) merges in linear time.
        merged = np.concatenate((pairs, np.unique(np.frombuffer(found, dtype=np.int64))))
        merged.sort(kind="stable")
        pairs = merged[np.concatenate(([True], merged[1:] != merged[:-1]))] if len(merged) else merged
    return pairs


def packed(pairs: Iterable[tuple[int, int]], rows: int) -> np.ndarray:
    """Pairs of row numbers packed as :func:`bucket_pairs` packs them, sorted."""
    found = array("q", (max(pair) * rows + min(pair) for pair in pairs))
    return np.unique(np.frombuffer(found, dtype=np.int64))


RUN_WEIGHTS = np.array([0x9E3779B97F4A7C15 >> (5 * i) | 1 for i in range(HEAD)], dtype=np.uint64)


def run_hashes(words: list[str]) -> np.ndarray:
    """A hash of each run of HEAD words, by its first word's position (the last HEAD - 1 positions
    have none: 0). Words are hashed with Python's own string hash, which is the same within one
    process, the only place these are compared."""
    hashes = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).astype(np.uint64)
    runs = np.zeros(len(words), dtype=np.uint64)
    count = len(words) - HEAD + 1
    for offset in range(HEAD if count > 0 else 0):
        runs[:count] += hashes[offset:offset + count] * RUN_WEIGHTS[offset]  # wraps mod 2**64
    return runs


def excerpt_pairs(forms: Callable[[], Iterable[list[str]]],
                  speakers: Callable[[int], Iterable[int]] = lambda number: ()) -> set[tuple[int, int]]:
    """Pairs (short, long) where the first HEAD words of the short form are a run of the long one's:
    for each short form, the earliest EXCERPT_LONGS such long forms, and the earliest EXCERPT_LONGS
    of each of the short's speakers (``speakers(number)``, hashes). A long quotation copied by n
    outlets would otherwise pair each of n copies of its excerpt with each of its n copies.

    ``forms()`` gives every form's words, in order, each time it is called: once for the heads,
    once for the runs, a thousand forms at a time, so that no form's words are kept beyond their
    chunk. Runs are compared by 64-bit hashes (a false match would only add a pair that
    :func:`compare` then checks).
    """
    heads, lengths = [], []
    for chunk in chunked(forms(), CHUNK):
        runs, starts, sizes = _runs(chunk)
        heads.append(runs[starts])
        lengths.append(np.where(sizes >= HEAD, sizes, 0))  # a form shorter than a head is nobody's excerpt
    if not heads:
        return set()
    order = np.argsort(head_keys := np.concatenate(heads), kind="stable")
    sorted_heads, length = head_keys[order], np.concatenate(lengths)
    pairs: set[tuple[int, int]] = set()
    covered: dict[int, Counter] = {}  # long forms given to each short form, by speaker; None: any speaker
    first = 0
    for chunk in chunked(forms(), CHUNK):
        runs, starts, sizes = _runs(chunk)
        owner = np.repeat(np.arange(len(chunk)), sizes)
        inside = np.flatnonzero(np.arange(len(runs)) + HEAD <= (starts + sizes)[owner])
        inside = inside[inside != starts[owner[inside]]]  # a run at the start is the head: the LSH compares those
        found = np.searchsorted(sorted_heads, runs[inside]).clip(max=len(sorted_heads) - 1)
        for at in inside[sorted_heads[found] == runs[inside]].tolist():
            index, position = first + int(owner[at]), int(np.searchsorted(sorted_heads, runs[at]))
            while position < len(sorted_heads) and sorted_heads[position] == runs[at]:
                short = int(order[position])
                if short != index and 0 < length[short] < sizes[owner[at]]:
                    have = covered.setdefault(short, Counter())
                    new = [key for key in {None, *speakers(short)}.intersection({None, *speakers(index)})
                           if have[key] < EXCERPT_LONGS]
                    if new:
                        pairs.add((short, index))
                        have.update(new)
                position += 1
        first += len(chunk)
    return pairs


def _runs(chunk: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The run hashes of a chunk's words laid end to end, each form's first position and its length."""
    sizes = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
    return run_hashes([word for words in chunk for word in words]), np.cumsum(sizes) - sizes, sizes


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


QUOTES_IN_ORDER = ("select rowid, canonical, speaker_id from quotes "
                   "where length(canonical) - length(replace(canonical, ' ', '')) >= ? "
                   "order by published is null, published, article_id, start")


class Forms:
    """The distinct canonical forms of MIN_WORDS words or more, numbered in the order of their
    first quote (oldest first), and the first quote of each speaker with each form (its
    occurrences).

    Held as numpy arrays of a few bytes a quote; a form's words, text and occurrences are read
    back from the database when their turn comes. A database of a million quotes holds nearly as
    many distinct forms, and Python lists of each form's words and occurrences took 2 to 3 KB a
    form (290 MB for 100,000 quotes). Speakers are told apart by Python's hash of their id, the
    same within this process, where a collision has odds of one in 2**64.
    """

    def __init__(self, db: Database):
        self.db = db
        rowids, keys, speakers = array("q"), array("q"), array("q")
        for rowid, canonical, speaker in db.execute(QUOTES_IN_ORDER, [MIN_WORDS - 1]):
            rowids.append(rowid)
            keys.append(form_key(canonical))
            speakers.append(hash(speaker))
        quote_rowid = np.frombuffer(rowids, dtype=np.int64)
        unique, first, inverse = np.unique(np.frombuffer(keys, dtype=np.int64), return_index=True,
                                           return_inverse=True)
        by_first_quote = np.argsort(first, kind="stable")
        number = np.empty_like(by_first_quote)
        number[by_first_quote] = np.arange(len(unique))
        self.keys = unique[by_first_quote]  # each form's form_key
        self.rowids = quote_rowid[first[by_first_quote]]  # each form's first quote
        form = number[inverse.ravel()]
        _, firsts = np.unique(np.stack([form, np.frombuffer(speakers, dtype=np.int64)], axis=1), axis=0,
                              return_index=True)
        firsts.sort()  # the first quote of each speaker with each form, in the order of the quotes
        grouped = np.argsort(form[firsts], kind="stable")
        self.occurrence_rowids = quote_rowid[firsts][grouped]  # by form, then in the order of the quotes
        self.occurrence_starts = np.searchsorted(form[firsts[grouped]], np.arange(len(unique) + 1))
        # Read one at a time in find_variants' loop, where a C array's items come 5 times faster than numpy's.
        self._speakers = array("q", np.frombuffer(speakers, dtype=np.int64)[firsts][grouped].tobytes())
        self._starts = array("q", self.occurrence_starts.astype(np.int64).tobytes())

    def __len__(self) -> int:
        return len(self.keys)

    def occurrence_counts(self) -> np.ndarray:
        return np.diff(self.occurrence_starts)

    def speakers(self, number: int) -> array:
        """Hashes of the speakers of this form's occurrences."""
        return self._speakers[self._starts[number]:self._starts[number + 1]]

    def first_occurrence(self, number: int) -> int:
        return self._starts[number]

    def shared_speakers(self, first: int, second: int) -> list[tuple[int, int]]:
        """Pairs of occurrences (their numbers) of these two forms by the same speaker."""
        speaker, start = self._speakers, self._starts
        return [(a, b) for a in range(start[first], start[first + 1])
                for b in range(start[second], start[second + 1]) if speaker[a] == speaker[b]]

    def texts(self, numbers: Iterable[int]) -> Iterator[tuple[list[int], list[str]]]:
        """The forms of these numbers, CHUNK at a time: (numbers, texts)."""
        for chunk in chunked(numbers, CHUNK):
            rowids = self.rowids[chunk].tolist()
            text = dict(self.db.execute(f"select rowid, canonical from quotes where rowid in ({marks(rowids)})",
                                        rowids))
            yield chunk, [text[rowid] for rowid in rowids]

    def words(self) -> Iterator[list[str]]:
        """Every form's words, contractions written out, in order."""
        for _, texts in self.texts(range(len(self))):
            yield from map(expanded, texts)

    def occurrences(self, numbers: Iterable[int]) -> dict[int, list[Occurrence]]:
        """The occurrences of these forms."""
        spans = {number: (int(self.occurrence_starts[number]), int(self.occurrence_starts[number + 1]))
                 for number in numbers}
        wanted = [rowid for start, end in spans.values() for rowid in self.occurrence_rowids[start:end].tolist()]
        found: dict[int, Occurrence] = {}
        for chunk in chunked(wanted, CHUNK):
            found.update((rowid, Occurrence(quote_id, speaker, kind in NAMED and resolution not in ARTICLE_SCOPED,
                                            published))
                         for rowid, quote_id, speaker, kind, resolution, published in self.db.execute(
                f"select rowid, id, speaker_id, speaker_kind, speaker_resolution, published from quotes "
                f"where rowid in ({marks(chunk)})", chunk))
        return {number: [found[rowid] for rowid in self.occurrence_rowids[start:end].tolist()]
                for number, (start, end) in spans.items()}


def form_bands(forms: Forms) -> np.ndarray:
    """Each form's LSH band keys, from its signature: those stored by an earlier run read back, only
    new forms hashed (the MinHash is most of the work) and stored, and forms no quote has any more
    forgotten. Only band keys are kept: 96 bytes a form."""
    db = forms.db
    bands = np.empty((len(forms), BANDS), dtype=np.uint64)
    known = np.zeros(len(forms), dtype=bool)
    by_key = np.argsort(forms.keys)
    sorted_keys = forms.keys[by_key]
    gone: list[int] = []
    stored = db.execute("select form, signature from quote_signatures")
    while rows := stored.fetchmany(10 * CHUNK):
        keys = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        at = np.searchsorted(sorted_keys, keys).clip(max=max(len(forms) - 1, 0))
        ours = sorted_keys[at] == keys if len(forms) else np.zeros(len(rows), dtype=bool)
        gone += keys[~ours].tolist()
        number = by_key[at[ours]]
        signature = np.frombuffer(b"".join(row[1] for row, mine in zip(rows, ours, strict=True) if mine),
                                  dtype=np.uint32).reshape(-1, PERMUTATIONS)
        bands[number], known[number] = band_keys(signature), True
    for numbers, texts in forms.texts(np.flatnonzero(~known).tolist()):
        signature = signatures([shingles(expanded(text)) for text in texts])
        bands[numbers] = band_keys(signature)
        db["quote_signatures"].insert_all(({"form": int(forms.keys[number]), "signature": row.tobytes()}
                                           for number, row in zip(numbers, signature, strict=True)),
                                          batch_size=CHUNK, replace=True)
    for chunk in chunked(gone):
        db.execute(f"delete from quote_signatures where form in ({marks(chunk)})", chunk)
    return bands


class Joined:
    """Which items are known to be related, directly or through others: a union-find (disjoint
    sets, path halving) over a C array of 8 bytes an item. Written here: a union-find is ten lines,
    and the libraries that hold one (networkx, scipy) would each be a large dependency for them."""

    def __init__(self, size: int):
        self.parent = array("q", range(size))

    def root(self, item: int) -> int:
        parent = self.parent
        while (up := parent[item]) != item:
            parent[item] = parent[up]
            item = up
        return item

    def together(self, a: int, b: int) -> bool:
        return self.root(a) == self.root(b)

    def join(self, a: int, b: int) -> None:
        a, b = self.root(a), self.root(b)
        self.parent[max(a, b)] = min(a, b)


def find_variants(db: Database) -> Iterator[Variant]:
    """Every altered quote, excerpt and quote given to two speakers in the database."""
    forms = Forms(db)
    candidates = np.union1d(bucket_pairs(form_bands(forms), forms.speakers),
                            packed(excerpt_pairs(forms.words, forms.speakers), len(forms)))
    shared = np.flatnonzero(forms.occurrence_counts() > 1).tolist()
    for chunk in chunked(shared, CHUNK):
        for occurrences in forms.occurrences(chunk).values():
            yield from _same_words(occurrences)
    yield from _near_copies(forms, candidates)


def _near_copies(forms: Forms, candidates: np.ndarray) -> Iterator[Variant]:
    """The variants among candidate pairs of forms (packed as :func:`bucket_pairs` packs them).

    Forms are taken oldest first, each with its candidates oldest first, and a pair is compared
    only when it could tell something new: when its forms are not yet known to be one family of
    near copies, or when they share a speaker whose two copies are not yet known related. So a
    family of n near copies is reported (and compared) about n times, not n(n-1)/2 times: each
    copy is paired with the earliest copy it was found related to, once for each of its speakers,
    and given to two speakers where it joins the family.
    """
    family, voice = Joined(len(forms)), Joined(len(forms.occurrence_rowids))

    def news(i: int, j: int) -> tuple[bool, list[tuple[int, int]]]:
        """Whether comparing forms i and j could join a copy to a family, and the pairs of one speaker's
        occurrences it could join."""
        return (not family.together(i, j),
                [(a, b) for a, b in forms.shared_speakers(i, j) if not voice.together(a, b)])

    for start in range(0, len(candidates), CHUNK):
        later, earlier = np.divmod(candidates[start:start + CHUNK], len(forms))
        # What is joined stays joined: a pair that tells nothing new now never will, and its texts are not read.
        pairs = [(i, j) for i, j in zip(earlier.tolist(), later.tolist(), strict=True) if any(news(i, j))]
        texts = {number: text for chunk, chunk_texts in forms.texts(sorted({n for pair in pairs for n in pair}))
                 for number, text in zip(chunk, chunk_texts, strict=True)}
        words: dict[int, list[str]] = {}
        related = []
        for i, j in pairs:
            joins, apart = news(i, j)
            if not (joins or apart):
                continue
            for number in (i, j):
                if number not in words:
                    words[number] = expanded(texts[number])
            if found := compare(texts[i], texts[j], words[i], words[j]):
                family.join(i, j)
                for a, b in apart:
                    voice.join(a, b)
                related.append((i, j, found, joins, apart))
        occurrences = forms.occurrences(sorted({number for i, j, *_ in related for number in (i, j)}))
        for i, j, (relation, similarity), joins, apart in related:
            # the excerpt first, then the quotation it comes from
            excerpt_last = relation == "excerpt" and len(texts[i].split()) > len(texts[j].split())
            for a, b in apart:
                first = occurrences[i][a - forms.first_occurrence(i)]
                second = occurrences[j][b - forms.first_occurrence(j)]
                if first.speaker_id:
                    pair = (second, first) if excerpt_last else (first, second)
                    yield Variant(relation, relation, similarity, *_in_order(*pair, relation))
            if joins:
                i, j = (j, i) if excerpt_last else (i, j)
                yield from _two_speakers(occurrences[i], occurrences[j], relation, similarity)


def _same_words(occurrences: list[Occurrence]) -> Iterator[Variant]:
    """The very same words given to two named speakers: each later speaker beside the first."""
    named = [o for o in occurrences if o.speaker_id and o.named]
    for later in named[1:]:
        yield Variant("two_speakers", "same", 1.0, *_in_order(named[0], later, "same"))


def _two_speakers(first: list[Occurrence], second: list[Occurrence], relation: str,
                  similarity: float) -> Iterator[Variant]:
    """Pairs of named speakers (people, organisations) given these related words, one of each form."""
    for a in first:
        for b in second:
            if a.speaker_id and b.speaker_id and a.named and b.named and a.speaker_id != b.speaker_id:
                yield Variant("two_speakers", relation, similarity, *_in_order(a, b, relation))


def _in_order(a: Occurrence, b: Occurrence, relation: str) -> tuple[Occurrence, Occurrence]:
    """The earlier first; for an excerpt, the excerpt first whatever the dates."""
    if relation == "excerpt":
        return a, b
    return (a, b) if (a.published is None, a.published or "") <= (b.published is None, b.published or "") else (b, a)


def store_variants(db: Database) -> int:
    """Find every variant and replace ``quote_variants`` with them, a thousand rows at a time as
    they are found; returns how many."""
    with db.atomic():
        db.execute("delete from quote_variants")
        for rows in chunked((variant.row() for variant in find_variants(db)), 1000):
            db["quote_variants"].insert_all(rows)
    return db.execute("select count(*) from quote_variants").fetchone()[0]
