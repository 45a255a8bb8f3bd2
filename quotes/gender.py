"""A person's gender across articles, decided in the order the evidence deserves, and never beyond it.

1. **The articles themselves**: each quote carries the gender its article gives its speaker and
   what gave it (``quotes.speaker_gender_evidence``: a title such as "Mrs.", a gendered noun such
   as "spokeswoman", the article's own he/she). A person whose articles agree gets that gender,
   from all their articles at once, so one article's "she" genders them in an article that says
   nothing; articles that disagree decide only by a clear majority (``MAJORITY``), else the
   person stays unknown and the evidence says so.
2. **Only then a name list**: the person's forename in the shipped 1990 US Census list (public
   domain), where it names one sex at least three times as often as the other. A forename given
   to both ("Jordan") stays unknown.

"unknown" is a value like the others: it is counted and shown, never spread over the rest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from quotes.mentions import bare, clean_name

GENDERS = ("female", "male", "nonbinary")
UNKNOWN = "unknown"
ARTICLE_EVIDENCE = ("title", "role", "pronoun", "noun")  # written in the article, not guessed from a name
NAME_LIST = "1990 US Census forenames"
MAJORITY = 3  # articles that disagree decide only when one gender has this many times the other's articles


@dataclass(frozen=True)
class Tally:
    """The articles in which a speaker's quotes were given ``gender`` on ``evidence``."""

    gender: str | None
    evidence: str | None
    articles: int


def evidence_label(evidence: str) -> str:
    """ "pronoun she (3)" -> "pronoun she": the kind of evidence and its word, without the vote count."""
    return evidence.split(" (", 1)[0]


def decide(name: str | None, tallies: list[Tally], forenames: dict[str, str]) -> tuple[str, str]:
    """The gender of a person named ``name`` whose quotes give ``tallies``, and why: ``(gender, evidence)``."""
    by_gender: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for tally in tallies:
        if tally.gender in GENDERS and tally.evidence and tally.evidence.split()[0] in ARTICLE_EVIDENCE:
            by_gender[tally.gender][evidence_label(tally.evidence)] += tally.articles
    if by_gender:
        return _from_articles(by_gender)
    return _from_name(name, tallies, forenames)


def _from_articles(by_gender: dict[str, dict[str, int]]) -> tuple[str, str]:
    def said(gender: str) -> str:
        labels = sorted(by_gender[gender].items(), key=lambda item: (-item[1], item[0]))
        return ", ".join(f"{label} in {n} article{'s' * (n != 1)}" for label, n in labels)

    ranked = sorted(by_gender, key=lambda g: -sum(by_gender[g].values()))
    best = ranked[0]
    if len(ranked) == 1:
        return best, f"its articles: {said(best)}"
    mine, others = sum(by_gender[best].values()), sum(sum(by_gender[g].values()) for g in ranked[1:])
    disagreeing = "; ".join(f"{g}: {said(g)}" for g in ranked[1:])
    if mine >= MAJORITY * others:
        return best, f"most of its articles: {said(best)} (against {disagreeing})"
    return UNKNOWN, f"its articles disagree: {best}: {said(best)}; {disagreeing}"


def _from_name(name: str | None, tallies: list[Tally], forenames: dict[str, str]) -> tuple[str, str]:
    articles = sum(t.articles for t in tallies)
    nothing = (f"no pronoun, title or gendered noun in its {articles} article{'s' * (articles != 1)}"
               if articles else "no pronoun, title or gendered noun in its articles")
    words = clean_name(name or "").split()
    if len(words) < 2:  # a surname or a single word is no forename
        return UNKNOWN, f"{nothing}, and no forename"
    forename = words[0]
    gender = forenames.get(bare(forename))
    if gender in GENDERS:
        return gender, f"name list: the forename {forename} ({NAME_LIST})"
    if gender:
        return UNKNOWN, f"{nothing}; the forename {forename} is given to women and men alike"
    return UNKNOWN, f"{nothing}; the forename {forename} is not in the name list"
