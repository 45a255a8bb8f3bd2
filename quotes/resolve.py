"""Resolve speaker mentions within one article.

Pronouns go to the nearest compatible earlier person or organisation (gender from titles and
forenames, number from the pronoun), short names to the fullest earlier name with the same
surname ("Trump" -> "Donald Trump", "Mrs. Clinton" -> "Hillary Clinton"), and descriptions
("the ministry", "the spokesperson") to the entity they describe, as citron does. Roles and
organisations stated anywhere in the article for that entity are gathered onto it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.lexicon import Lexicon
from quotes.model import Span, Speaker
from quotes.phrases import FUNCTION_WORDS, PHRASE_CHAR
from quotes.speakers import HONORIFICS, ParsedSpeaker, _bare, gender_of, parse_speaker, split_role

NAME_RUN = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'.-]*\s+(?:(?:de|da|van|von|der|den|bin|al|la|le|del|di)\s+)?){1,5}[A-Z][\w’'-]*[\w]"
)
DESCRIPTION_WORD = re.compile(r"[\w’'.-]+")
ORG_AFTER = re.compile(
    r"^\s+(?:of|with|from|at)\s+((?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w’'.&-]*)*)"
)
# "His lawyer, Zhang Wei": a description, then the name as an appositive
ROLE_BEFORE_COMMA = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+),\s*$")
# "Tom Lane stepped down as coach of the Harbour Seals"
AS_ROLE_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+){1,3}as\s+((?:the\s+)?[a-z][\w-]*(?:\s+(?!(?:of|for|at|with|the)\b)[a-z][\w-]*){0,3}"
    r"(?:\s+(?:of|for|at|with)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)?)")
APPOSITIVE_AFTER = re.compile(
    rf"^,\s*((?:the|a|an)\s+{PHRASE_CHAR}{{2,120}}?|[a-z]{PHRASE_CHAR}{{2,60}}?"
    rf"|[A-Z][\w-]*\s+{PHRASE_CHAR}{{2,60}}?)(?=[,.;)]|$)")  # "…, CEO and founder of …", "…, Alberta-based manager"


# Capitalised only because they open a sentence: "On Twitter", "But Trump", "After Clinton".
SENTENCE_OPENERS = FUNCTION_WORDS | {"after", "before", "during", "while", "since", "because", "although",
                                     "though", "yet", "now", "still", "meanwhile", "instead", "until", "unless"}


def _words_before(text: str, pos: int) -> list[str]:
    """Up to five words that run right up to ``pos`` (a name), separated by spaces only."""
    window = text[max(0, pos - 80):pos]
    if not window or not window[-1].isspace():
        return []
    window = window[window.rfind("\n", 0, len(window) - 1) + 1:]  # a description never crosses a line break
    words: list[str] = []
    for token in reversed(window.split()[-5:]):
        if not DESCRIPTION_WORD.fullmatch(token):
            break
        words.insert(0, token)
    return words


def _drop_opening_words(start: int, run: str) -> tuple[int, str]:
    while True:
        first, _, rest = run.partition(" ")
        if not rest or first.lower() not in SENTENCE_OPENERS:
            return start, run
        start += len(first) + 1
        run = rest.lstrip(" ")




def _word_char(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and (text[pos].isalnum() or text[pos] in "’'-")
MAX_MENTIONS = 40  # a role is stated near the first mentions; long articles need not be read to the end


@dataclass
class Entity:
    name: str
    kind: str
    role: str | None
    organization: str | None
    gender: str | None
    position: int


class Resolver:
    """Keeps the entities of one article in reading order and resolves mentions against them."""

    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        self.lexicon = lexicon
        self.entities: list[Entity] = []
        self.name_runs = [run for m in NAME_RUN.finditer(text) for run in self._split_run(m.start(), m.group())]
        self._people: list[tuple[int, ParsedSpeaker]] | None = None
        self._full_names: dict[str, str] = {}
        self._descriptions: dict[str, tuple[str | None, str | None]] = {}

    def _mentions(self, name: str) -> list[tuple[int, int]]:
        """Where ``name`` is written as whole words (``str.find`` runs in C, a word index in Python)."""
        found: list[tuple[int, int]] = []
        pos = self.text.find(name)
        while pos >= 0 and len(found) < MAX_MENTIONS:
            end = pos + len(name)
            if not _word_char(self.text, pos - 1) and not _word_char(self.text, end):
                found.append((pos, end))
            pos = self.text.find(name, pos + 1)
        return found

    @property
    def people(self) -> list[tuple[int, ParsedSpeaker]]:
        """Every capitalised run of the article that parses as a person, parsed once."""
        if self._people is None:
            parsed = ((start, parse_speaker(run, self.lexicon)) for start, run in self.name_runs)
            self._people = [(start, p) for start, p in parsed if p.kind == "person" and p.name]
        return self._people

    def _split_run(self, start: int, run: str) -> list[tuple[int, str]]:
        """Cut a capitalised run at a full stop that ends a sentence ("Monday. She"), not a title's."""
        parts: list[tuple[int, str]] = []
        piece_start = 0
        for m in re.finditer(r"\S+", run):
            token = m.group()
            if token.endswith(".") and len(token) > 2 and token not in self.lexicon.titles:
                parts.append((start + piece_start, run[piece_start:m.end() - 1]))
                piece_start = m.end() + 1
        parts.append((start + piece_start, run[piece_start:]))
        return [trimmed for s, r in parts if len((trimmed := _drop_opening_words(s, r))[1].split()) >= 2]

    def full_name(self, short: str, position: int) -> str:
        """The fullest name in the article that ends with the surname of ``short``."""
        if short not in self._full_names:
            self._full_names[short] = self._fullest(short)
        return self._full_names[short]

    def _fullest(self, short: str) -> str:
        tokens = short.split()
        surname = _bare(tokens[-1])
        forename = tokens[0] if len(tokens) > 1 and _bare(tokens[0]) not in HONORIFICS else None
        best = short
        for _, parsed in self.people:
            run_tokens = parsed.name.split()
            if len(run_tokens) <= len(best.split()) or _bare(run_tokens[-1]) != surname:
                continue
            if forename and run_tokens[0] != forename:
                continue
            best = parsed.name
        return best

    def describe(self, name: str) -> tuple[str | None, str | None]:
        """Role and organisation written next to any mention of ``name`` in the article."""
        if name not in self._descriptions:
            self._descriptions[name] = self._describe(name)
        return self._descriptions[name]

    def _describe(self, name: str) -> tuple[str | None, str | None]:
        role = org = None
        # the full name first, then the surname alone ("Lane, a nine-time league all-star, …")
        mentions = self._mentions(name)
        if len(name.split()) > 1:
            mentions += self._mentions(name.split()[-1])
        for start, end in mentions[:MAX_MENTIONS]:
            words = _words_before(self.text, start)
            if words:
                # keep the words that run up to the name: role, title or organisation words
                kept: list[str] = []
                for w in reversed(words):
                    bare = _bare(w)
                    if bare in self.lexicon.role_heads or bare in self.lexicon.role_modifiers \
                            or bare in self.lexicon.org_heads or w[:1].isupper() or w.endswith(("’s", "'s")):
                        kept.insert(0, w)
                    else:
                        break
                if kept:
                    parsed = parse_speaker(" ".join(kept) + " " + name, self.lexicon)
                    role = role or parsed.role
                    org = org or parsed.organization
            before_comma = self.text[max(0, start - 3):start].rstrip().endswith(",") \
                and ROLE_BEFORE_COMMA.search(self.text, max(0, start - 80), start)
            if before_comma:  # "His lawyer, Zhang Wei, said …"
                a_role, a_org = split_role(before_comma.group(1), self.lexicon)
                role, org = role or a_role, org or a_org
            following = self.text[end:end + 160]
            linked = ORG_AFTER.match(following)
            if linked and org is None:
                org = linked.group(1)
            after = APPOSITIVE_AFTER.match(following) or AS_ROLE_AFTER.match(following)
            if after:
                parsed = parse_speaker(name + ", " + after.group(1), self.lexicon)
                role = role or parsed.role
                org = org or parsed.organization
            if role and org:
                break
        return role, org

    def remember(self, entity: Entity) -> Entity:
        for known in self.entities:
            if known.name == entity.name:
                known.role = known.role or entity.role
                known.organization = known.organization or entity.organization
                known.gender = known.gender or entity.gender
                known.position = entity.position
                return known
        self.entities.append(entity)
        return entity

    def _nearest(self, position: int, accept) -> Entity | None:
        earlier = [e for e in self.entities if e.position <= position and accept(e)]
        return max(earlier, key=lambda e: e.position) if earlier else None

    def _nearest_person_name(self, position: int, gender: str | None) -> Entity | None:
        """A person named in the text before ``position`` (not only earlier speakers)."""
        for start, parsed in reversed(self.people):
            if start >= position or position - start > 600:
                continue
            # only a run known to name a person (a forename or a title gives its gender) can take
            # a pronoun: "Harbour Farmers" or "Ellery Catholic" parse as names too
            if len(parsed.name.split()) >= 2 and parsed.gender:
                if gender and parsed.gender not in (gender, "neutral"):
                    continue
                return self._person(start, parsed)
        return None

    def _person(self, start: int, parsed: ParsedSpeaker) -> Entity:
        """The person a name run in the text stands for, with the role and organisation stated for them."""
        full = self.full_name(parsed.name, start)
        role, org = self.describe(full)
        return Entity(full, "person", role, org, parsed.gender, start)

    def _described_before(self, position: int, head: str) -> Entity | None:
        """The nearest person named earlier whose stated role has ``head`` ("the spokesperson")."""
        for start, parsed in reversed(self.people):
            if start >= position:
                continue
            entity = self._person(start, parsed)
            if entity.role and head in entity.role.lower().split():
                return self.remember(entity)
        return None

    def resolve(self, mention: Span, parsed: ParsedSpeaker) -> Speaker:
        pos = mention.start
        if parsed.kind == "pronoun":
            low = mention.text.lower()
            if low in ("he", "she", "him", "her"):
                gender = parsed.gender
                entity = self._nearest(pos, lambda e: e.kind == "person" and e.gender in (None, "neutral", gender))
                nearby = self._nearest_person_name(pos, gender)
                if nearby and (entity is None or nearby.position > entity.position):
                    entity = self.remember(nearby)
                if entity:
                    return Speaker(mention, entity.name, "person", entity.role, entity.organization)
                return Speaker(mention, mention.text, "person")
            entity = self._nearest(pos, lambda e: e.kind in ("organization", "anonymous"))
            if entity:
                return Speaker(mention, entity.name, entity.kind, entity.role, entity.organization)
            return Speaker(mention, mention.text, "organization" if low == "it" else "anonymous")
        if parsed.kind == "description":
            head = _bare(mention.text.split()[-1])
            entity = self._nearest(pos, lambda e: head in (e.role or "").lower().split()
                                   or head in e.name.lower().split())
            if entity is None:
                entity = self._described_before(pos, head)
            if entity:
                return Speaker(mention, entity.name, entity.kind, entity.role, entity.organization)
            kind = "person" if parsed.role else "organization" if head in self.lexicon.org_heads else "unknown"
            return Speaker(mention, mention.text, kind, parsed.role, parsed.organization)
        if parsed.kind == "organization":
            name = parsed.name or mention.text
            entity = self._nearest(pos, lambda e: e.kind == "organization" and _bare(name.split()[-1])
                                   in e.name.lower().split() and len(e.name) > len(name))
            if entity and name.lower().startswith("the "):
                return Speaker(mention, entity.name, "organization")
            entity = self.remember(Entity(name, "organization", None, None, None, pos))
            return Speaker(mention, entity.name, "organization")
        if parsed.kind == "person" and parsed.name:
            full = self.full_name(parsed.name, pos)
            role, org = self.describe(full)
            gender = parsed.gender or gender_of(full, self.lexicon)
            entity = self.remember(Entity(full, "person", parsed.role or role, parsed.organization or org, gender, pos))
            return Speaker(mention, entity.name, "person", entity.role, entity.organization)
        if parsed.kind == "anonymous":
            entity = self.remember(Entity(parsed.name or mention.text, "anonymous", parsed.role,
                                          parsed.organization, None, pos))
            return Speaker(mention, entity.name, "anonymous", parsed.role, parsed.organization)
        return Speaker(mention, parsed.name or mention.text, "unknown", parsed.role, parsed.organization)
