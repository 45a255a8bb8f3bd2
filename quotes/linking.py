"""One speaker row per real person or organisation across articles: which names are one entity.

Within an article the resolver writes a person's fullest name ("Mr. Obama" -> "Barack Obama"
where the article says "Barack Obama"), and across articles rows are keyed on forename and
surname (:func:`quotes.store.person_key`), so "Donald J. Trump" and "Donald Trump" are one row
and Donald Trump Jr. another. What is left are names that no article completed: a surname alone
("Obama" in articles that only ever say "Mr. Obama"), a short forename ("Len Burman" for
"Leonard Burman") and an acronym ("FBI"). Each is linked to
the one entity in the database it can name, and the link is kept with its reason (the table
``speaker_links``), so that a wrong merge is shown, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from quotes.canonical import without_accents
from quotes.lexicon import default_lexicon
from quotes.mentions import clean_name


@lru_cache(maxsize=32768)  # the same names come back in article after article (full: about 5 MB)
def fold(name: str) -> str:
    """A name reduced for matching: no accents, case, punctuation or invisible characters
    (``José Núñez`` = ``jose nunez``)."""
    return " ".join(re.sub(r"[^\w]+", " ", without_accents(clean_name(name)).casefold()).split())


def person_key(name: str) -> str:
    """A person across articles: forename, surname and suffix ("Donald J. Trump" = "Donald Trump",
    "Hillary Rodham Clinton" = "Hillary Clinton"; "Donald Trump Jr." stays apart). Two people who
    speak together are both, in either order ("Ana Ruiz and Tom Reyes" = "Tom Reyes and Ana Ruiz")."""
    folded = fold(name)
    if len(people := folded.split(" and ")) > 1:
        return " and ".join(sorted(person_key(one) for one in people))
    words = folded.split()
    suffix = [words.pop()] if len(words) > 2 and words[-1] in _suffixes() else []
    return " ".join(([words[0], words[-1]] if len(words) > 2 else words) + suffix)


def is_joint(name: str) -> bool:
    """A speaker that is two people ("Ana Ruiz and Tom Reyes"): no surname of theirs stands for it."""
    return " and " in fold(name)


def _suffixes() -> frozenset[str]:
    """Name suffixes ("jr", "iii"), from the built-in lexicon: keys across articles are the database's,
    the same whatever lexicon one run was given."""
    return default_lexicon().name_words["suffixes"]


DOMINANCE = 4  # a surname shared by several people goes to one only when it has this many times the quotes


@dataclass(frozen=True, slots=True)  # slots: a run's end holds one for each name quoted
class Name:
    """A resolved speaker name as stored, with how often and how it is quoted."""

    kind: str  # person or organization
    key: str  # the speaker row's match key
    name: str
    quotes: int
    gender: str | None


@dataclass(frozen=True)
class Link:
    """``alias`` (a speaker row's key) is the same entity as ``target``, for ``reason``."""

    alias: Name
    target: Name
    reason: str


def links(names: list[Name], short_names: frozenset[str] = frozenset()) -> list[Link]:
    """Every surname-only person, short forename and acronym that names exactly one entity of
    ``names``, and every organisation in ``short_names`` (written "the Times" somewhere), a word
    that heads organisations' names, that is the last word of exactly one organisation's name
    written in full, in title case ("the Hill" is no "Capitol Hill")."""
    people = [n for n in names if n.kind == "person"]
    full = [n for n in people if len(fold(n.name).split()) >= 2 and not is_joint(n.name)]
    by_surname: dict[str, list[Name]] = {}
    for name in full:
        by_surname.setdefault(_surname(name.name), []).append(name)
    found = []
    for alias in people:
        words = fold(alias.name).split()
        link = _surname_link(alias, by_surname.get(words[0], [])) if len(words) == 1 else \
            _short_forename_link(alias, by_surname.get(words[1], [])) if len(words) == 2 else None
        if link:
            found.append(link)
    organizations = [n for n in names if n.kind == "organization"]
    by_initials: dict[str, list[Name]] = {}
    by_last_word: dict[str, list[Name]] = {}
    for name in organizations:
        if len(name.name.split()) >= 2:
            by_initials.setdefault(initials(name.name), []).append(name)
        if len(words := _without_the(name.name).split()) >= 2 and _titled(words):
            by_last_word.setdefault(fold(words[-1]), []).append(name)
    for alias in organizations:
        letters = _without_the(alias.name).replace(".", "")
        candidates = by_initials.get(letters, []) if 2 <= len(letters) <= 8 and letters.isupper() else []
        if len(candidates) == 1:
            found.append(Link(alias, candidates[0], f"acronym: {alias.name} is {candidates[0].name}, "
                                                    "the only organisation quoted with those initials"))
        elif alias.name in short_names and fold(alias.name) in default_lexicon().org_heads \
                and len(candidates := by_last_word.get(fold(alias.name), [])) == 1:
            found.append(Link(alias, candidates[0], f"short name: the {alias.name} is {candidates[0].name}, "
                                                    "the only organisation quoted whose name ends so"))
    return found


def _without_the(name: str) -> str:
    return name.removeprefix("the ").removeprefix("The ")


def _titled(words: list[str]) -> bool:
    """A name in title case whose last word is its own ("Harbour Evening Gazette"; not "Committee
    on Benghazi" nor "report by Politico")."""
    small = default_lexicon().grammar["title_small_words"]
    return all(w[:1].isupper() or w in small for w in words) and words[-2] not in small


SHORT_FORENAME = 3  # "Len" for "Leonard", "Chris" for "Christopher"; not "Al", nor "Dan" for "Dana"


def _short_forename_link(alias: Name, candidates: list[Name]) -> Link | None:
    """The person a short forename stands for ("Len Burman" for "Leonard Burman"): the only person
    of that surname quoted with a longer forename it shortens (gender agreeing)."""
    forename = fold(alias.name).split()[0]
    if len(forename) < SHORT_FORENAME:
        return None
    longer = {person_key(c.name): c for c in candidates
              if _shortens(forename, fold(c.name).split()[0])
              and (alias.gender is None or c.gender in (None, alias.gender))}
    if len(longer) != 1:
        return None
    (target,) = longer.values()
    return Link(alias, target, f"short forename: {alias.name} is {target.name}, the only person of that surname "
                               f"quoted with a forename that {alias.name.split()[0]} shortens")


def _shortens(short: str, forename: str) -> bool:
    """``short`` is a short form of ``forename``: its first letter, then its other letters in order,
    and two letters fewer at least ("len" of "leonard", "tom" of "thomas"; not "dan" of "dana")."""
    if short[:1] != forename[:1] or len(forename) < len(short) + 2:
        return False
    letters = iter(forename[1:])
    return all(letter in letters for letter in short[1:])


def _surname(name: str) -> str:
    words = fold(name).split()
    if len(words) > 2 and words[-1] in _suffixes():
        return words[-2]
    return words[-1]


def _surname_link(alias: Name, candidates: list[Name]) -> Link | None:
    """The person a surname quoted alone stands for: the only one of that surname quoted by full
    name (gender agreeing), or one quoted ``DOMINANCE`` times as often as any other."""
    plain = [c for c in candidates if not _suffixed(c.name)] or candidates
    agreeing = [c for c in plain if alias.gender is None or c.gender in (None, alias.gender)]
    entities: dict[str, list[Name]] = {}
    for candidate in agreeing:  # "Donald Trump" and "Donald J. Trump" are one entity already
        entities.setdefault(person_key(candidate.name), []).append(candidate)
    if not entities:
        return None
    ranked = sorted(entities.values(), key=lambda group: -sum(n.quotes for n in group))
    best = max(ranked[0], key=lambda n: n.quotes)
    surname = alias.name
    if len(ranked) == 1:
        return Link(alias, best, f"surname only: {best.name} is the only person surnamed {surname} quoted by full name")
    total, second = sum(n.quotes for n in ranked[0]), sum(n.quotes for n in ranked[1])
    if total >= DOMINANCE * second:
        return Link(alias, best, f"surname only: {best.name} has {total} of the quotes of people surnamed "
                                 f"{surname} quoted by full name, the next {second}")
    return None


def _suffixed(name: str) -> bool:
    return fold(name).split()[-1] in _suffixes()


def initials(name: str) -> str:
    """"Federal Bureau of Investigation" -> "FBI"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in ("of", "and", "the", "for"))


def majority(genders: Iterable[str | None]) -> str | None:
    """The gender the quotes give (each given once), when none gives the other."""
    known = {g for g in genders if g in ("male", "female")}
    return next(iter(known)) if len(known) == 1 else None
