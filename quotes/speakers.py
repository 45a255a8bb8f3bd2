"""Split a speaker phrase into name, role and organisation, and say what kind of source it is.

"state department spokesperson Tammy Bruce" gives name Tammy Bruce, role spokesperson,
organisation state department; "Mike Waltz, the national security adviser" gives role national
security adviser; "a spokesperson for HMRC" gives role spokesperson, organisation HMRC and no
name. Word classes come from the lexicon, so users can teach it their beat's titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotes.lexicon import Lexicon

TOKEN = re.compile(r"[^\s,]+")
ORG_LINK = re.compile(r"\s+(?:for|at|of|with|from)\s+(?=(?:the\s+|a\s+)?[A-Z])")
TITLE_ROLES = {"sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor",
               "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant",
               "capt.": "captain", "adm.": "admiral", "maj.": "major", "cmdr.": "commander",
               "det.": "detective", "insp.": "inspector", "supt.": "superintendent", "prof.": "professor",
               "rev.": "reverend", "cpl.": "corporal", "pvt.": "private", "const.": "constable"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lady", "lord",
              "hon.", "madam", "mx.", "mx"}
# "Tim Guest with the Health Authority", "Terry Chapman of the Engineers Union"
PERSON_OF_ORG = re.compile(r"^(.*?[A-Z][\w’'-]+)\s+(?:of|with|from|at)\s+((?:the\s+)?[A-Z].*)$")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
# The proper name that opens a phrase: "Dunmore LLP" in "Dunmore LLP in Halifax who …".
ORG_NAME = re.compile(r"(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w’'.&-]*)*")
TRAILING_NAME = re.compile(r"\s[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*$")
# Capitalised words of a title that name no organisation ("Deputy", "Chief", "Acting").
GENERIC_TITLE_WORDS = {"deputy", "chief", "acting", "interim", "senior", "assistant", "associate", "executive",
                       "vice", "general", "former", "then", "first", "head", "top", "lead", "prime"}
# "a report published by the city on Thursday": a date ends the phrase, and names nobody
TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|last|this|early|late|by|since|until)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?:\s+(?:morning|afternoon|evening|night))?$")
NAME_ONLY = re.compile(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}")


@dataclass(frozen=True)
class ParsedSpeaker:
    """What a speaker phrase says about its speaker, before resolution."""

    name: str | None
    role: str | None
    organization: str | None
    kind: str  # person, organization, anonymous, unknown; "pronoun" and "description" before resolution
    gender: str | None = None  # male, female, or None


def _strip_det(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an|his|her|its|their|our|my|your)\s+", "", phrase.strip(" ,"), flags=re.IGNORECASE)


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


@lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", token).strip(".,").lower()


def _common_word(token: str, lexicon: Lexicon) -> bool:
    """A capitalised word that is a common noun or determiner at the start of a sentence ("Officials")."""
    bare = _bare(token)
    return bare in lexicon.anonymous_heads or bare in lexicon.anonymous_determiners or bare in ("the", "this", "that")


def split_role(phrase: str, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """Role and organisation in a description.

    "director of operations at the Port Authority" gives (director of operations, the Port Authority).
    """
    phrase = _strip_det(phrase)
    if phrase.lower().startswith(("who ", "which ")):
        return None, None
    org = None
    links = list(ORG_LINK.finditer(phrase))
    m = links[-1] if links else None
    if m:
        candidate = phrase[m.end():].strip()
        head = _bare(candidate.split()[-1]) if candidate.split() else ""
        named = ORG_NAME.match(candidate)
        if any(_is_cap(t) for t in candidate.split()) and (head in lexicon.org_heads or _is_cap(candidate.split()[-1])):
            org = _strip_det(candidate) if not candidate.lower().startswith("the ") else candidate
            phrase = phrase[:m.start()].strip()
        elif named:  # "a lawyer with Dunmore LLP in Halifax who …": the name, not the rest
            org = named.group().strip()
            phrase = phrase[:m.start()].strip()
    elif (trailing := TRAILING_NAME.search(phrase)) and " of " in phrase[:trailing.start() + 1]:
        # "founder of cloud company Harbour.Net"
        org = trailing.group().strip()
        phrase = phrase[:trailing.start()].strip()
    tokens = phrase.split()
    # Possessive organisation: "the ministry's spokesman", "Canada's ambassador".
    for i, tok in enumerate(tokens):
        if tok.endswith(("’s", "'s")) and i < len(tokens) - 1 and org is None:
            org = " ".join(tokens[: i + 1])[:-2]
            tokens = tokens[i + 1:]
            break
    heads = [i for i, t in enumerate(tokens) if _bare(t) in lexicon.role_heads]
    if not heads:
        return None, org
    head = heads[-1]
    last = head
    # "secretary of state", "director of provincial operations": keep an "of" complement in the role
    tail = tokens[head + 1:]
    if tail and tail[0].lower() == "of" and (org is None or not any(_is_cap(t) for t in tail)):
        last = len(tokens) - 1
    first = head
    while first > 0 and (_bare(tokens[first - 1]) in lexicon.role_modifiers
                         or _bare(tokens[first - 1]) in lexicon.role_heads):
        first -= 1
    # "Foreign Affairs Minister": capitalised words of a title, up to an organisation or a place
    while first > 0 and _is_cap(tokens[first - 1]) and _bare(tokens[first - 1]) not in lexicon.org_heads \
            and tokens[first - 1].strip(".") not in lexicon.places and not tokens[first - 1].endswith(("’s", "'s")) \
            and all(_bare(t) not in lexicon.org_heads for t in tokens[:first - 1]):
        first -= 1
    # "CEO and founder": a role joined to the role found
    if first >= 2 and tokens[first - 1].lower() == "and" and _bare(tokens[first - 2]) in lexicon.role_heads:
        first -= 2
    role = " ".join(tokens[first:last + 1])
    if org is None:
        # "Seals head coach", "Liberal MP", "Republican state senator": the capitalised words of a
        # title that are no role words name its organisation or party
        named = [t for t in tokens[first:head] if _is_cap(t) and _bare(t) not in lexicon.role_heads
                 and _bare(t) not in GENERIC_TITLE_WORDS
                 and (_bare(t) not in lexicon.role_modifiers or _bare(t) in lexicon.parties)
                 and t.strip(".") not in lexicon.places and not t.endswith("-based")]
        if named and len(named) == len([t for t in tokens[first:head] if _is_cap(t)]):
            org = " ".join(named)
    before = [t for t in tokens[:first] if _bare(t) not in ("the", "a", "an", "former")]
    if before and org is None:
        prefix = " ".join(before)
        words = [_bare(t) for t in before]
        if any(w in lexicon.org_heads for w in words) or (
                any(_is_cap(t) for t in before) and not all(t.strip(".") in lexicon.places for t in before)):
            org = prefix
    if org and (org.split()[-1].lower() in ("and", "or") or org[:1].isdigit() or org.endswith("-based")):
        org = None  # "1989 … graduate and", "Boston-based": no organisation named
    return role, org


def classify_name(name: str, lexicon: Lexicon) -> str:
    """person or organization, for a capitalised name with no description."""
    name = _strip_det(name)
    tokens = name.split()
    if name in lexicon.org_names or name in lexicon.places:
        return "organization"
    if _bare(tokens[-1]) in lexicon.org_heads or "&" in name:
        return "organization"
    if len(tokens) == 1 and (name.isupper() and len(name) > 1):
        return "organization"
    if any(_bare(t) in ("of", "for", "and") for t in tokens[1:-1]):
        return "organization"
    return "person"


def gender_of(name: str | None, lexicon: Lexicon, title: str | None = None) -> str | None:
    if title:
        g = lexicon.titles.get(title)
        if g in ("male", "female"):
            return g
    if not name:
        return None
    return lexicon.forenames.get(name.split()[0].lower())


PARSED_CACHE_SIZE = 100_000


def parse_speaker(phrase: str, lexicon: Lexicon) -> ParsedSpeaker:
    """Split a speaker phrase (as written) into name, role, organisation and kind.

    Results are kept on the lexicon, which they depend on; the cache is emptied when it fills.
    """
    cache = lexicon.parsed_speakers
    if phrase not in cache:
        if len(cache) >= PARSED_CACHE_SIZE:
            cache.clear()
        cache[phrase] = _parse_speaker(phrase, lexicon)
    return cache[phrase]


def _parse_speaker(phrase: str, lexicon: Lexicon) -> ParsedSpeaker:
    phrase = TRAILING_TIME.sub("", phrase.strip(" ,")).strip(" ,")
    low = phrase.lower()
    if low in PRONOUNS:
        return ParsedSpeaker(None, None, None, "pronoun", {"he": "male", "him": "male", "she": "female",
                                                           "her": "female"}.get(low))
    main, _, appositive = phrase.partition(",")
    appositive = appositive.strip(" ,")
    if appositive and NAME_ONLY.fullmatch(appositive) and not NAME_ONLY.fullmatch(main):
        # "the director of operations for the Port Authority, Jeff Lane": the description comes first
        role, org = split_role(main, lexicon)
        if role:
            return ParsedSpeaker(appositive, role, org, "person", gender_of(appositive, lexicon))
    linked = PERSON_OF_ORG.match(main)
    if linked:
        person = parse_speaker(linked.group(1), lexicon)
        if person.kind == "person" and person.name and len(person.name.split()) >= 2:
            a_role = split_role(appositive, lexicon)[0] if appositive else None
            return ParsedSpeaker(person.name, person.role or a_role, person.organization or linked.group(2), "person",
                                 person.gender)
    tokens = main.split()
    # The trailing run of capitalised tokens is the name, after the last role or title word in it.
    run_start = len(tokens)
    while run_start > 0 and _is_cap(tokens[run_start - 1]):
        run_start -= 1
    while run_start < len(tokens) and _common_word(tokens[run_start], lexicon):
        run_start += 1
    name_tokens = tokens[run_start:]
    if " ".join(name_tokens) in lexicon.org_names:
        return ParsedSpeaker(_strip_det(main), None, None, "organization")
    title = None
    cut = 0
    for i, tok in enumerate(name_tokens):
        bare = _bare(tok)
        if bare in lexicon.role_heads or bare in lexicon.role_modifiers or tok in lexicon.titles \
                or bare in HONORIFICS or bare in TITLE_ROLES or tok.rstrip(".") in lexicon.places \
                or bare in lexicon.org_heads or tok.endswith(("’s", "'s")):
            cut = i + 1
            if tok in lexicon.titles or bare in HONORIFICS:
                title = tok
    name_part = name_tokens[cut:]
    description = " ".join(tokens[:run_start] + name_tokens[:cut])
    role, org = (None, None)
    if description:
        role, org = split_role(description, lexicon)
        if role is None and title and _bare(title) in TITLE_ROLES:
            role = TITLE_ROLES[_bare(title)]
    if appositive:
        a_role, a_org = split_role(appositive, lexicon)
        role = role or a_role
        org = org or a_org
    if name_part:
        name = " ".join(name_part)
        if description and not role and (_bare(tokens[-1]) in lexicon.org_heads or org):
            # "Russia's foreign ministry", "the State Department": the whole phrase is an organisation
            return ParsedSpeaker(_strip_det(main), None, None, "organization")
        kind = classify_name(name, lexicon)
        if kind == "person" and not cut and run_start > 0 and _bare(tokens[run_start - 1]) == "the" \
                and gender_of(name, lexicon) is None:
            kind = "organization"  # "the Sentinel", "the Courier": people take no article
        if kind == "organization" and description and not role:
            name = _strip_det(main)
        return ParsedSpeaker(re.sub(r"(?:’s|'s|’|')$", "", name), role,
                             org if kind == "person" else None, kind, gender_of(name, lexicon, title))
    # No proper name: a description, an organisation or an anonymous source.
    words = [_bare(t) for t in tokens]
    head = words[-1] if words else ""
    determiner = words[0] if words else ""
    indefinite = determiner in lexicon.anonymous_determiners or (head.endswith("s") and determiner != "the")
    if role is None:
        role, org = split_role(main, lexicon)
    if role and (indefinite or head in lexicon.anonymous_heads):
        return ParsedSpeaker(main.strip(), role, org, "anonymous")
    if role:
        return ParsedSpeaker(None, role, org, "description")
    if head in lexicon.org_heads and head not in lexicon.role_heads:
        return ParsedSpeaker(_strip_det(main), None, None, "organization" if determiner != "the" or len(words) > 2
                             or org else "description")
    if head in lexicon.anonymous_heads or (indefinite and head in lexicon.role_heads) or (
            (indefinite or words[0] in lexicon.anonymous_heads) and any(w in lexicon.anonymous_heads for w in words)):
        return ParsedSpeaker(main.strip(), role, org, "anonymous")
    if role or head in lexicon.role_heads:
        return ParsedSpeaker(None, role, org, "description")
    if main and _is_cap(main):
        return ParsedSpeaker(main, None, None, classify_name(main, lexicon))
    return ParsedSpeaker(main.strip() or None, role, org, "unknown")
