"""The lexicon: cue verbs, titles, roles, organisations and anonymous-source words, as data.

The built-in lexicon lives in ``quotes/data/lexicon.toml``. Users extend it with their own TOML
files of the same shape (``--lexicon FILE``); lists are merged, so nothing built in is lost.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from itertools import accumulate
from pathlib import Path

from quotes.alternation import alternation

VOWELS = "aeiou"


TOKEN = re.compile(r"[\w’'-]+")  # a whole word, as cue phrases bound them
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # split keeps the tokens, between the text around them
# What closes a quotation before its attribution: `,” `, `?" `, `!’ `.
CLOSED_QUOTATION = re.compile(r"[,?!…][\"”’']+\s+$")
MAX_SUBJECT_WORDS = 6
WORD_LIST = re.compile(r"__([A-Z]+(?:_[A-Z]+)*)__")  # a [grammar] list's place in a pattern: __WEEKDAYS__
# Distinct tokens remembered by find_cues: full, about 4 MB a process (100,000 took 6 MB on news that never
# repeats); PolNeAR train has 33,556.
TOKEN_MEMO_SIZE = 65536


def _opens_sentence(text: str, floor: int, pos: int) -> bool:
    before = text[max(floor, pos - 3):pos].rstrip()
    return pos == floor or not before or before[-1] in ".!?”\"\n"


def inflect(lemma: str) -> set[str]:
    """The regular forms of an English verb: lemma, -s, -ed and -ing, with the usual spelling rules."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


# A name as an author is written: capitalised words, maybe joined by "of", "for", "and", "the" or "on".
AUTHOR_NAME = r"[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?[A-Z][\w.&’'-]*)*"


def _words_pattern(phrases: set[str]) -> str:
    """An alternation that matches any of ``phrases`` with flexible spacing, longest first. Left plain:
    factored (:mod:`quotes.alternation`), these patterns made ca-dev's ``extract()`` run 0.7 % more
    instructions, not fewer."""
    escaped = [r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(escaped)


def _whole_words_ignoring_case(phrases: set[str], boundary: str) -> re.Pattern[str]:
    r"""``(?<!B)(?:PHRASES)(?!B)``, ``B`` the ``boundary`` class, under IGNORECASE, with each
    phrase's first letter matched first.

    ``re`` tries such a pattern at every position (under IGNORECASE a class of letters gives it
    nothing to jump by); opening with a character class instead of the look-behind makes each try
    fail at once on most characters: 1.6x faster, the same matches. The look-behind then checks
    the character before that letter, and each group of phrases is entered only after its own
    first letter (in the same longest-first order).
    Phrases that do not all start with an ASCII letter get the pattern as written.
    """
    ordered = sorted(phrases, key=len, reverse=True)
    if not ordered or not all(p[:1].isascii() and p[:1].isalpha() for p in ordered):
        return re.compile(rf"(?<!{boundary})(?:{_words_pattern(phrases)})(?!{boundary})", re.IGNORECASE)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        first, *rest = phrase.split()
        groups.setdefault(first[0].lower(), []).append(r"\s+".join([re.escape(first[1:]), *map(re.escape, rest)]))
    letters = "".join(groups)
    alternatives = "|".join(f"(?<=[{letter}])(?:{'|'.join(tails)})" for letter, tails in groups.items())
    return re.compile(rf"[{letters}](?<!{boundary}[{letters}])(?:{alternatives})(?!{boundary})", re.IGNORECASE)


@dataclass
class Lexicon:
    """Every word list the rules use. Build it with :func:`load_lexicon`."""

    data: dict
    sources: list[str] = field(default_factory=list)
    # speaker phrases parsed with this lexicon: news repeats its names and titles, article after article
    parsed_speakers: dict = field(default_factory=dict, repr=False, compare=False)
    # what other modules compile from this lexicon once (the rules' regular expressions), by name
    compiled: dict = field(default_factory=dict, repr=False, compare=False)

    def _list(self, table: str, key: str) -> list[str]:
        return list(self.data.get(table, {}).get(key, []))

    @cached_property
    def cue_forms(self) -> dict[str, str]:
        """Every inflected cue-verb form, mapped to its lemma."""
        forms: dict[str, str] = {}
        homographs = set(self._list("noun_homographs", "verbs"))
        for lemma, irregular in self.data.get("cue_verbs", {}).items():
            regular = inflect(lemma)
            if lemma in homographs:
                regular -= {lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"}
            for form in regular | set(irregular):
                forms[form.lower()] = lemma
        return forms

    @cached_property
    def homograph_forms(self) -> dict[str, str]:
        """The base and -s forms of cue verbs that are nouns as often ("vows", "jokes", "promise"),
        mapped to their lemma: :meth:`find_cues` takes them only after a subject pronoun."""
        forms: dict[str, str] = {}
        for lemma in set(self._list("noun_homographs", "verbs")) & self.data.get("cue_verbs", {}).keys():
            for form in inflect(lemma) & {lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"}:
                if form.lower() not in self.cue_forms:
                    forms[form.lower()] = lemma
        return forms

    @cached_property
    def infinitive_homographs(self) -> frozenset[str]:
        """The noun-homograph forms of verbs that take an infinitive ("plans", "seeks", "aims"):
        before "to" and a verb they are verbs whatever precedes them ("The group seeks to …")."""
        lemmas = {key for key, frames in self.cue_frames.items() if "infinitive" in frames}
        return frozenset(form for form, lemma in self.homograph_forms.items() if lemma in lemmas)

    def _infinitive_after(self, parts: list[str], i: int) -> bool:
        """``parts[i]`` is followed by "to" and a lower-case word that opens no noun phrase."""
        return i + 4 < len(parts) and parts[i + 2] == "to" and parts[i + 1].isspace() and parts[i + 3].isspace() \
            and parts[i + 4][:1].islower() and parts[i + 4] not in self.grammar["determiners"] \
            and parts[i + 4] not in self.grammar["function_words"]

    def _after_quotation(self, parts: list[str], i: int) -> bool:
        """``parts[i]`` is the verb of a quotation's attribution: ``“…,” the mayor jokes.``, ``“…,” Ellen
        Park tweets, “…”``, ``“…,” quips Mr. Reyes``. Right after the closed quotation and a short
        subject, a form that ends the attribution (punctuation or an adjunct's opening word after it)
        is never a noun; with no subject between, only an -s form before its subject ("“…,” state Sen.
        Ellen Park said": the state)."""
        following = parts[i + 1] if i + 1 < len(parts) else ""
        word_after = parts[i + 2] if i + 2 < len(parts) else ""
        for j in range(i, max(1, i - 2 * MAX_SUBJECT_WORDS), -2):
            if j < i and parts[j] in self.cue_forms:
                return False  # "“…,” said the state …": a verb of saying is no subject's word
            between = parts[j - 1]
            if not between.strip(". \t\u00a0"):
                continue  # only spaces (and the full stop of "Mr.") between a subject's words
            if not CLOSED_QUOTATION.search(between):
                return False
            if j == i:  # "“…,” quips Mr. Reyes"
                return parts[i].endswith("s") and following.isspace() and word_after[:1].isupper()
            # "“…,” the mayor jokes." / "jokes, “…”" / "states in the report" (not "“…,” White House press
            # secretary Josh Earnest said": an adjunct's word after it, not any lower-case word)
            return following[:1] in (".", ",", ";", ":", "!", "?") \
                or following.isspace() and word_after in self.grammar["adjunct_openers"]
        return False

    @cached_property
    def homograph_subjects(self) -> frozenset[str]:
        """Subjects after which a noun-homograph form is a verb: "she vows", not "it promises (to be close)";
        words for data ("polls show", "the survey shows"); and modal verbs ("will brand him a liar")."""
        return frozenset(w.lower() for w in self._list("noun_homographs", "subjects")) | self.data_words \
            | frozenset(w.lower() for w in self._list("noun_homographs", "modals"))

    def lemma(self, word: str) -> str | None:
        """The cue verb a written form belongs to ("said" -> "say", "vows" -> "vow"), or None."""
        low = word.lower()
        return self.cue_forms.get(low) or self.homograph_forms.get(low)

    @cached_property
    def weak_lemmas(self) -> frozenset[str]:
        return frozenset(self._list("weak_cue_verbs", "verbs"))

    @cached_property
    def strong_lemmas(self) -> frozenset[str]:
        return frozenset(self._list("strong_cue_verbs", "verbs"))

    @cached_property
    def belief_lemmas(self) -> frozenset[str]:
        return frozenset(self._list("belief_cue_verbs", "verbs"))

    @cached_property
    def cue_categories(self) -> dict[str, str]:
        """Cue lemma -> what it attributes when it is not speech: "belief", "intention", "perception"
        or "evidence" (the ``[belief_cue_verbs]``, ``[intention_cue_verbs]``, … tables), or "act"
        for a verb that attributes nothing (``[act_cue_verbs]``: "tried to")."""
        return {lemma: category for category in ("belief", "intention", "perception", "evidence", "act")
                for lemma in self._list(f"{category}_cue_verbs", "verbs")}

    def cue_category(self, cue: str) -> str:
        """What a cue as written attributes: "speech" unless its lemma is listed under another category."""
        return self.cue_categories.get(self.lemma(cue) or "", "speech")

    @cached_property
    def hearer_lemmas(self) -> frozenset[str]:
        """Cue verbs that take a hearer before their content ("told reporters that …")."""
        return frozenset(self._list("hearer_cue_verbs", "verbs"))

    @cached_property
    def not_speakers(self) -> frozenset[str]:
        """Words that are never a speaker on their own ("Perhaps", "Though")."""
        return frozenset(w.lower() for w in self._list("not_speakers", "words"))

    @cached_property
    def cue_frames(self) -> dict[str, frozenset[str]]:
        """Cue lemma, or lemma and particle ("call for") -> the frames it reports a claim in besides a
        "that" clause: "infinitive", "wh", "of", "as", "to", "predicate", "object" (``[cue_frames]``)."""
        frames: dict[str, set[str]] = {}
        for frame, keys in self.data.get("cue_frames", {}).items():
            for key in keys:
                frames.setdefault(key, set()).add(frame)
        return {key: frozenset(value) for key, value in frames.items()}

    @cached_property
    def cue_phrases(self) -> set[str]:
        return set(self._list("cue_phrases", "phrases"))

    @cached_property
    def cue_phrase_regex(self) -> re.Pattern[str]:
        """Matches a multi-word cue phrase ("pointed out", "took to Twitter") as whole words."""
        return re.compile(r"(?<![\w’'-])(?:" + _words_pattern(self.cue_phrases) + r")(?![\w’'-])")

    @cached_property
    def cue_phrase_openers(self) -> frozenset[str] | None:
        """The first words of the cue phrases. A match of ``cue_phrase_regex`` starts with a whole
        token that is one of them, so a paragraph without any holds no cue phrase. None (search
        every paragraph) when there are no phrases or a first word is not one token."""
        phrases = [p.split() for p in self.cue_phrases]
        if not phrases or not all(phrases) or not all(TOKEN.fullmatch(words[0]) for words in phrases):
            return None  # an empty phrase matches anywhere
        return frozenset(words[0] for words in phrases)

    @cached_property
    def _token_memo(self) -> tuple[set[str], set[str]]:
        """Every token :meth:`find_cues` has classified, and those of them that may be a cue form.

        Whether a token is a cue form depends on the token alone, and news reuses its vocabulary
        paragraph after paragraph: each distinct token is tested once, and a paragraph's forms are
        then two set operations in C instead of a Python test per token (for speed)."""
        return set(), set()

    def find_cues(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every cue in ``text[start:end]``: phrases first, then single verb forms outside them.

        Single words are looked up in a set, one token at a time; one regex alternating over
        hundreds of forms was three times slower.
        """
        # The tokens of TOKEN.finditer, at the odd places of the split, with no match object per
        # token: offsets are summed only for a paragraph that holds a cue form, and the phrase
        # regex runs only where a phrase's first word occurs (for speed).
        parts = TOKEN_SPLIT.split(text[start:end])
        tokens = set(parts[1::2])
        openers = self.cue_phrase_openers
        phrases = [] if openers is not None and openers.isdisjoint(tokens) else [
            (m.start(), m.end(), m.group()) for m in self.cue_phrase_regex.finditer(text, start, end)]
        forms = self.cue_forms
        seen, cue_tokens = self._token_memo
        new = tokens - seen
        if new:
            if len(seen) > TOKEN_MEMO_SIZE:  # a bound on memory over a long run
                seen.clear()
                cue_tokens.clear()
                new = tokens
            cue_tokens.update(w for w in new if w in forms or w[:1].isupper() and w.lower() in forms)
            seen |= new
        found = tokens & cue_tokens
        homographs = self.homograph_forms
        led = not homographs.keys().isdisjoint(tokens)
        words = []
        if found or led:
            offsets = list(accumulate(map(len, parts), initial=start))
            words = [(offsets[i], offsets[i + 1], parts[i]) for i in range(1, len(parts), 2)
                     if parts[i] in found and (parts[i] in forms or _opens_sentence(text, start, offsets[i]))]
        if led:
            subjects = self.homograph_subjects
            # "she vows to …", "he jokes, “…”", "polls show …": a form that is a noun as often is a cue
            # after a subject pronoun or a word for data
            infinitive = self.infinitive_homographs
            words = sorted(words + [(offsets[i], offsets[i + 1], parts[i]) for i in range(3, len(parts), 2)
                                    if parts[i] in homographs and (
                                        parts[i - 1].isspace() and (
                                            parts[i - 2].lower() in subjects
                                            or parts[i] in infinitive and self._infinitive_after(parts, i))
                                        or self._after_quotation(parts, i))])
        if phrases:
            starts = [s for s, _, _ in phrases]
            words = [w for w in words if (i := bisect.bisect_right(starts, w[0]) - 1) < 0 or w[0] >= phrases[i][1]]
        return sorted(phrases + words)

    @cached_property
    def according_regex(self) -> re.Pattern[str]:
        return _whole_words_ignoring_case(set(self._list("according_to", "phrases")), r"[\w-]")

    @cached_property
    def speech_noun_regex(self) -> re.Pattern[str]:
        return re.compile(_words_pattern(set(self._list("speech_nouns", "nouns"))), re.IGNORECASE)

    @cached_property
    def titles(self) -> dict[str, str]:
        """Honorific -> gender ("male", "female" or "neutral")."""
        return {t: gender for gender, ts in self.data.get("titles", {}).items() for t in ts}

    @cached_property
    def pronouns(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for kind in ("male", "female", "neuter", "plural"):
            for p in self._list("pronouns", kind):
                out[p] = kind
        return out

    def _pronoun_list(self, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("pronouns", key))

    @cached_property
    def subject_pronouns(self) -> frozenset[str]:
        """Pronouns that can be a speaker's subject: "he said", "we argued"."""
        return self._pronoun_list("subject")

    @cached_property
    def personal_subject_pronouns(self) -> frozenset[str]:
        """Subject pronouns that stand for someone who may speak ("he", "they"), not "it" nor a generic
        "you" or "we" (``[pronouns] impersonal``)."""
        return self.subject_pronouns - self.impersonal_pronouns

    @cached_property
    def object_pronouns(self) -> frozenset[str]:
        """Pronouns that can be a verb's object, reflexives among them ("him", "themselves")."""
        return self._pronoun_list("object")

    @cached_property
    def demonstratives(self) -> frozenset[str]:
        return self._pronoun_list("demonstrative")

    @cached_property
    def impersonal_pronouns(self) -> frozenset[str]:
        """Pronouns that open a sentence about a thing, not a speaker ("It was simple: “…”")."""
        return self._pronoun_list("impersonal")

    @cached_property
    def pronoun_genders(self) -> dict[str, str]:
        """Every form of "he" and "she" ("himself", "hers") -> "male" or "female"."""
        return {w: gender for gender in ("male", "female") for w in self._pronoun_list(f"{gender}_forms")}

    @cached_property
    def plural_pronouns(self) -> frozenset[str]:
        """Every form of "they"."""
        return self._pronoun_list("plural_forms")

    @cached_property
    def first_person_pronouns(self) -> frozenset[str]:
        """"I", "we", "you": outside quotation marks, the writer's voice or a quotation's, never a
        named speaker's."""
        return self._pronoun_list("first_person")

    @cached_property
    def unnamed_pronouns(self) -> frozenset[str]:
        """Words that stand for a speaker without naming one: never a speaker's identity across articles."""
        return self._pronoun_list("unnamed")

    @cached_property
    def forenames(self) -> dict[str, str]:
        """Forename -> "male", "female" or "neutral": the census list shipped in ``data/forenames.tsv``,
        then the lexicon's own lists, which win."""
        names = dict(_census_forenames())
        names.update({n: "female" for n in self._list("forenames", "female")})
        names.update({n: "male" for n in self._list("forenames", "male")})
        return names

    @cached_property
    def role_heads(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("roles", "heads"))

    @cached_property
    def kinship(self) -> frozenset[str]:
        """Kinship nouns: they head a speaker phrase ("his brother") but are never a role."""
        return frozenset(w.lower() for w in self._list("roles", "kinship"))

    @cached_property
    def grammar_surnames(self) -> frozenset[str]:
        """Words of grammar that are surnames too ("may", "will"): ``phrases.grammar_surname`` says when."""
        return self.name_words.get("grammar_surnames", frozenset())

    @cached_property
    def role_standing(self) -> frozenset[str]:
        """Words of a role's time or standing ("former", "acting", "presumptive"): no part of an organisation."""
        return frozenset(w.lower() for w in self._list("roles", "standing"))

    @cached_property
    def role_surnames(self) -> frozenset[str]:
        """Role words that are common surnames too ("Baker", "Dean"): the last word of a name is a surname."""
        return frozenset(w.lower() for w in self._list("roles", "surnames"))

    @cached_property
    def generic_title_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("roles", "generic_title_words"))

    @cached_property
    def portfolios(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("roles", "portfolios"))

    @cached_property
    def portfolio_heads(self) -> frozenset[str]:
        """Roles whose "of …" names a portfolio, not an organisation ("Minister of Finance")."""
        return frozenset(w.lower() for w in self._list("roles", "portfolio_heads"))

    @cached_property
    def honorifics(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("honorifics", "words"))

    @cached_property
    def title_roles(self) -> dict[str, str]:
        """Abbreviated title (lower case, as written) -> the role it stands for ("sen." -> "senator")."""
        return {k.lower(): v for k, v in self.data.get("title_roles", {}).items()}

    def title_role(self, word: str) -> str | None:
        """The role an abbreviated title stands for, as written with or without its full stop."""
        low = word.lower()
        return self.title_roles.get(low) or self.title_roles.get(low.rstrip(".") + ".")

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """Abbreviations whose full stop ends no sentence (Punkt's table: "jan", "inc", "corp", "st")."""
        text = resources.files("quotes").joinpath("data/punkt/abbrev_types.txt").read_text(encoding="utf-8")
        return frozenset(line.strip() for line in text.splitlines() if line.strip())

    @cached_property
    def sentence_openers(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("sentence_openers", "words"))

    @cached_property
    def pronoun_words(self) -> frozenset[str]:
        """Pronouns that can stand for a speaker: he, she, it, they, and the first and second persons."""
        return (frozenset(self.pronouns) | frozenset(self._list("pronouns", "first_person"))) - {"his", "its", "our"}

    @cached_property
    def role_modifiers(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("roles", "modifiers"))

    @cached_property
    def irregular_participles(self) -> frozenset[str]:
        """"seen", "known": after a role noun, the start of a clause ("the student seen smiling")."""
        return frozenset(w.lower() for w in self._list("roles", "participles"))

    @cached_property
    def org_heads(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("organizations", "heads"))

    @cached_property
    def org_names(self) -> frozenset[str]:
        return frozenset(self._list("organizations", "names"))

    @cached_property
    def data_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("organizations", "data"))

    @cached_property
    def parties(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("organizations", "parties"))

    @cached_property
    def org_joiners(self) -> frozenset[str]:
        """Words that join the words of an organisation's name ("Bank of Canada", "Ernst & Young")."""
        return frozenset(w.lower() for w in self._list("organizations", "joiners"))

    @cached_property
    def corporate_words(self) -> frozenset[str]:
        """Words that end a company's name after its first word ("Inc", "Holdings")."""
        return frozenset(w.lower() for w in self._list("organizations", "corporate"))

    @cached_property
    def generic_org_heads(self) -> frozenset[str]:
        """Heads of a description that fit any organisation ("the group", "the agency")."""
        return frozenset(w.lower() for w in self._list("organizations", "generic_heads"))

    @cached_property
    def places(self) -> frozenset[str]:
        return frozenset(self._list("organizations", "places"))

    @cached_property
    def event_names(self) -> frozenset[str]:
        """Last words of the names of events ("the U.S. Open"): no organisation of a speaker's."""
        return frozenset(self._list("organizations", "events"))

    @cached_property
    def gendered_nouns(self) -> dict[str, str]:
        """Noun -> "male" or "female" ("spokeswoman", "his father")."""
        return {w: gender for gender in ("male", "female") for w in self._list("gendered_nouns", gender)}

    @cached_property
    def statement_nouns(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("statement_nouns", "nouns"))

    @cached_property
    def document_nouns(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("statement_nouns", "documents"))

    @cached_property
    def document_regex(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_words_pattern(self.document_nouns)})\b")

    @cached_property
    def author_before_regex(self) -> re.Pattern[str]:
        """The author written right before a document noun (searched up to it): "the Harbour Trust's
        (report)", "a Harbour Times (article)", "the Harbour Trust published a (report)". The author
        is in group ``a1``, ``a2`` or ``a4``."""
        verbs = _words_pattern(set(self._list("statement_nouns", "publishing_verbs")))
        return re.compile(
            rf"(?:(?P<a1>{AUTHOR_NAME})[’']s\s+(?:[a-z-]+\s+){{0,2}}"
            rf"|\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<a2>{AUTHOR_NAME})\s+(?:[a-z-]+\s+)?"
            rf"|(?P<a4>{AUTHOR_NAME})\s+(?:{verbs})\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){{0,2}})$")

    @cached_property
    def author_after_regex(self) -> re.Pattern[str]:
        """The author written right after a document noun: "(a report) by the Harbour Trust", group ``a3``."""
        return re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?(?:by|from)\s+(?:the\s+)?(?P<a3>{AUTHOR_NAME})")

    @cached_property
    def published_statement_regex(self) -> re.Pattern[str]:
        """"released a statement", "sent her a brief email", "posted a notice Tuesday": a statement the
        subject put out, at the end."""
        verbs = _words_pattern(set(self._list("statement_nouns", "publishing_verbs")))
        nouns = _words_pattern(self.statement_nouns)
        days = _words_pattern(set(self.grammar["weekdays"]))
        return re.compile(rf"(?<![\w-])(?:{verbs})\s+(?:\w+\s+)?(?:a|an|the|his|her|its|their|our|my)\s+"
                          rf"(?:[\w-]+\s+)?(?:{nouns})(?:\s+(?:on\s+)?(?:{days}))?\s+$", re.IGNORECASE)

    @cached_property
    def description_classes(self) -> dict[str, frozenset[str]]:
        """Description head ("company") -> words whose presence in an organisation's name fits it."""
        return {k.lower(): frozenset(w.lower() for w in v) for k, v in self.data.get("description_classes", {}).items()}

    @cached_property
    def company_words(self) -> frozenset[str]:
        """Words that end a company's name ("Energy", "Motors", "Technologies")."""
        return self.description_classes.get("company", frozenset())

    @cached_property
    def anonymous_heads(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("anonymous", "heads"))

    @cached_property
    def peoples(self) -> frozenset[str]:
        """Peoples named by origin or faith ("latino", "muslim"): in the plural, a group."""
        return frozenset(w.lower() for w in self._list("anonymous", "peoples"))

    @cached_property
    def relative_heads(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("anonymous", "relative_heads"))

    @cached_property
    def speaker_nouns(self) -> frozenset[str]:
        """Nouns that can head a speaker phrase: roles, organisations, unnamed sources."""
        return self.role_heads | self.org_heads | self.anonymous_heads | self.kinship

    @cached_property
    def subject_words(self) -> frozenset[str]:
        """Lower-case words that may stand in a subject before its verb ("the state senator")."""
        return self.speaker_nouns | self.role_modifiers

    @cached_property
    def anonymous_determiners(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._list("anonymous", "determiners"))

    @cached_property
    def grammar(self) -> dict[str, frozenset[str]]:
        """The English function words the rules read (``[grammar]``: determiners, auxiliaries,
        prepositions, …), each list as a set of lower-case words, by its name in the table."""
        return {key: frozenset(w.lower() for w in words) for key, words in self.data.get("grammar", {}).items()}

    @cached_property
    def name_words(self) -> dict[str, frozenset[str]]:
        """The ``[names]`` lists (suffixes, particles, descriptor tails), in lower case, by key."""
        return {key: frozenset(w.lower() for w in words) for key, words in self.data.get("names", {}).items()}

    def alternation(self, key: str, table: str = "grammar") -> str:
        r"""``(?:w1|w2|…)``: the list ``key`` of ``[table]`` as a regular-expression alternation, in the
        order written (a user's words come last), each word escaped and its spaces matching ``\s+``;
        factored by common beginnings where that matches the same (:mod:`quotes.alternation`)."""
        return alternation(self.data[table][key])  # a KeyError names a placeholder with no list

    def with_words(self, template: str) -> str:
        """A regular expression's ``template`` with each ``__KEY__`` in it replaced by the ``[grammar]``
        list ``key`` as an alternation (``__WEEKDAYS__`` -> ``(?:Monday|Tuesday|…)``)."""
        return WORD_LIST.sub(lambda m: self.alternation(m.group(1).lower()), template)

    @cached_property
    def digest(self) -> str:
        """A short hash of the lexicon's content, recorded with every run."""
        return hashlib.sha256(repr(sorted(self.data.items())).encode()).hexdigest()[:12]


class GrammarRegex:
    """A regular expression whose word lists come from the lexicon's ``[grammar]`` table: each
    ``__KEY__`` in the template is the list ``key`` as an alternation (:meth:`Lexicon.with_words`).

    Compiled once per lexicon, kept in ``Lexicon.compiled`` under the object itself (hashed by
    identity): on the hot paths that call it, a use costs one dictionary lookup. The first use
    compiles every one made so far, so that, as when they were compiled on import, the cost is paid
    before the first article is done, not in the middle of a run.
    """

    made: list[GrammarRegex] = []

    def __init__(self, template: str, flags: int = 0) -> None:
        self.template = template
        self.flags = flags
        GrammarRegex.made.append(self)

    def __call__(self, lexicon: Lexicon) -> re.Pattern[str]:
        pattern = lexicon.compiled.get(self)
        if pattern is None:
            for each in [*GrammarRegex.made]:
                if each not in lexicon.compiled:
                    lexicon.compiled[each] = re.compile(lexicon.with_words(each.template), each.flags)
            pattern = lexicon.compiled[self]
        return pattern


def _census_forenames() -> list[tuple[str, str]]:
    text = resources.files("quotes").joinpath("data/forenames.tsv").read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict):
            _merge(base.setdefault(key, {}), value)
        elif isinstance(value, list):
            current = base.setdefault(key, [])
            current.extend(v for v in value if v not in current)
        else:
            base[key] = value


class LexiconError(ValueError):
    """A lexicon file that cannot be used: not TOML, or a table, key or value the lexicon does not have."""


OPEN_TABLES = {"cue_verbs"}  # tables whose keys are words (verb lemmas), not names of lists
# Pattern rules (``[rules."name"]``) are tables of settings, checked when they are compiled
# (quotes.rules.pattern), where a mistake is reported with the rule's name.
RULE_TABLE = "rules"


def load_lexicon(paths: tuple[str, ...] | list[str] = ()) -> Lexicon:
    """The built-in lexicon, extended by the TOML files in ``paths`` (lists are merged).

    Each file is checked against the built-in lexicon before it is merged: a file that is not
    TOML, a table or key the lexicon does not have (``[cue_verb]``, ``[roles] head``), or a value
    that is not a list of words raises :class:`LexiconError`, so a typo is never ignored in silence.
    """
    builtin = resources.files("quotes").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    data = tomllib.loads(builtin)
    shape = {table: set(keys) for table, keys in data.items()}
    for path in paths:
        _merge(data, _user_lexicon(str(path), shape))
    return Lexicon(data, ["builtin", *map(str, paths)])


def _user_lexicon(path: str, shape: dict[str, set[str]]) -> dict:
    """A user's lexicon file, read and checked against the tables and keys of the built-in one."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise LexiconError(f"lexicon {path}: cannot read it ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise LexiconError(f"lexicon {path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"lexicon {path}: not valid TOML: {error}") from None
    for table, keys in data.items():
        if table == RULE_TABLE and isinstance(keys, dict):
            continue
        if table not in shape:
            raise LexiconError(f"lexicon {path}: unknown table [{table}]{_did_you_mean(table, shape, '[{}]')}")
        if not isinstance(keys, dict):
            raise LexiconError(f"lexicon {path}: '{table}' must be a table ([{table}]), not a single value")
        for key, value in keys.items():
            if table not in OPEN_TABLES and key not in shape[table]:
                raise LexiconError(f"lexicon {path}: unknown key '{key}' in [{table}]"
                                   f"{_did_you_mean(key, shape[table], '{}')}")
            if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
                raise LexiconError(f"lexicon {path}: [{table}] {key} must be a list of words in quotes, "
                                   f'such as {key} = ["…"]')
    return data


def _did_you_mean(name: str, known: Iterable[str], form: str) -> str:
    """``: did you mean [cue_verbs]? (known: …)`` for an unknown table or key."""
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f": did you mean {form.format(close[0])}?" if close else ""
    return f"{hint} (known: {', '.join(form.format(k) for k in sorted(known))})"


_DEFAULT: Lexicon | None = None


def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_lexicon()
    return _DEFAULT
