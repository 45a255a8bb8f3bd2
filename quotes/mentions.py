"""Parse a speaker phrase into a :class:`~quotes.model.Mention`: name, role and organisation spans.

"state department spokesperson Tammy Bruce" gives name "Tammy Bruce", role "spokesperson" and
organisation "state department"; "Mike Waltz, the national security adviser" gives role
"national security adviser"; "a spokesperson for HMRC" is an anonymous source with role
"spokesperson" and organisation "HMRC". Every part is a span of the original text, so nothing is
rewritten on the way to the database. The same parser reads the phrase next to a cue and every
name the resolver reads elsewhere in the article. Word classes come from the lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from quotes.lexicon import GrammarRegex, Lexicon
from quotes.model import Mention, Span
from quotes.phrases import AGE, POLL_SHARE, grammar_surname


class Word(NamedTuple):
    """A token of a phrase, with its offsets in the phrase."""

    start: int
    end: int
    text: str


Range = tuple[int, int]
TOKEN = re.compile(r"[^\s,()\[\]]+")
PARENTHESES = re.compile(r"\([^()]{0,40}\)|\[[^\[\]]{0,40}\]")  # "(D-N.Y.)", "(17-4)": left out of the words
POSSESSIVE = ("’s", "'s")
# "a report published by the city on Thursday": a date ends the phrase, and names nobody
TRAILING_TIME = GrammarRegex(
    r"\s+(?:(?:on|in|last|this|early|late|by|since|until)\s+)?(?:__WEEKDAYS__|__MONTHS__)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?:\s+(?:morning|afternoon|evening|night))?$")
CAPITALISED_WORD = re.compile(r"[A-Z][\w’'.-]*")
# A word with a capital inside it, and the part before that capital: "Buzz" of "BuzzFeed".
CAPITAL_INSIDE = re.compile(r"([A-Z][a-z]+)[A-Z][A-Za-z]*[a-z][A-Za-z]*")
# A capitalised run of the text, which may be a name: "Tammy Bruce", "Ban Ki-moon", "Ludwig van
# Beethoven", "Bank of Canada", "Centers for Disease Control", "Ernst & Young".
PARTICLE = r"(?:de|da|van|von|der|den|bin|al|la|le|del|di|du|dos|das|ter|ten|ibn|abu)"
NAME_INITIAL = r"[A-Z\u00c0-\u00de]"
NAME_WORD_REST = r"(?:[\w\-\u00ad\u200b-\u200d]|[’'](?=\w)|\.(?=\w))*\.?"
NAME_WORD = NAME_INITIAL + NAME_WORD_REST
# The first letter comes before the look-behind that says no word runs into it: a pattern that
# opens with a character class lets re jump from one capital to the next (for speed: 1.5 to 2
# times faster than with the look-behind first, and the same matches).
NAME_RUN = re.compile(rf"{NAME_INITIAL}(?<![\w’'.-]{NAME_INITIAL}){NAME_WORD_REST}"
                      rf"(?:[ \u00a0]+(?:(?:{PARTICLE}|of|for|&)[ \u00a0]+)?{NAME_WORD}){{0,6}}")
FULL_STOP_WORD = re.compile(r"\S+\.(?=[ \u00a0])")
INVISIBLE = dict.fromkeys(c for c in range(0x2000, 0x2070) if unicodedata.category(chr(c)) == "Cf")
INVISIBLE[0x00AD] = None  # soft hyphen
INVISIBLE[0xFEFF] = None
APOSTROPHE_END = re.compile(r"(?:’s|'s|’|')$")
LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # "state", "long-time"
LOWER_LETTERS = re.compile(r"[a-z]+")
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_name(name: str) -> str:
    """A name as one person: no zero-width or soft-hyphen characters, single spaces."""
    if not name.isascii():  # every invisible character is beyond ASCII; translate is slow
        name = name.translate(INVISIBLE)
    return " ".join(name.split())


@lru_cache(maxsize=32768)  # news repeats its words (full: about 5 MB a process)
def bare(word: str) -> str:
    """A word for look-ups: lower case, without a possessive ending or edge full stops."""
    return APOSTROPHE_END.sub("", word.translate(INVISIBLE)).strip(".,").lower().replace("’", "'")


def is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def is_possessive(word: str) -> bool:
    return word.endswith(POSSESSIVE) or word.endswith(("s’", "s'")) and len(word) > 3


def words_of(phrase: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``phrase[start:end]``, leaving out short parentheses ("(D-N.Y.)")."""
    end = len(phrase) if end is None else end
    hidden = [(m.start(), m.end()) for m in PARENTHESES.finditer(phrase, start, end)]
    words = [Word(m.start(), m.end(), m.group()) for m in TOKEN.finditer(phrase, start, end)]
    if hidden:
        words = [w for w in words if not any(s <= w.start < e for s, e in hidden)]
    return words


def _span(words: list[Word]) -> Range | None:
    return (words[0].start, words[-1].end) if words else None


def _unpossessed(word: Word) -> Range:
    """A word's span without its possessive ending ("Trump’s" -> "Trump")."""
    for ending in POSSESSIVE:
        if word.text.endswith(ending):
            return word.start, word.end - len(ending)
    if word.text.endswith(("s’", "s'")):
        return word.start, word.end - 1
    return word.start, word.end


def _strip_det(words: list[Word], lexicon: Lexicon) -> list[Word]:
    if words and words[0].text.lower() in lexicon.grammar["dropped_determiners"]:
        return words[1:]
    return words


PARTICIPLE_TAIL = 6  # "-hating", "-loving", "-repelling"; not a given name's syllable ("Ka-shing", "Kai-ching")


def _descriptor(word: str, lexicon: Lexicon) -> bool:
    """A capitalised compound that describes rather than names: "Korean-born", "Oscar-winner",
    "Mexican-American" (but "Ki-moon" and "Wilson-Raybould" are names)."""
    head, dash, tail = word.rpartition("-")
    if not dash or not head[:1].isupper():
        return False
    if tail.strip(".,") in lexicon.places or bare(tail) in lexicon.peoples:
        return True  # an origin: "Mexican-American", "Cuban-American", "Arab-Israeli"
    tail = bare(tail)
    # or a participle: "Republican-repelling", "Trump-supporting" ("Jong-un", "Ki-moon", "Ka-shing" are names)
    return tail in lexicon.name_words["descriptor_tails"] or tail.isalpha() and tail.islower() \
        and len(tail) >= PARTICIPLE_TAIL and tail.endswith(("ing", "ed"))


class Parsed(NamedTuple):
    """A phrase's parse, with spans relative to the phrase: cached once per phrase text."""

    kind: str
    name: Range | None = None
    role: Range | None = None
    organization: Range | None = None
    title: Range | None = None
    gender: str | None = None
    plural: bool = False


# Speaker phrases parsed and remembered: full, about 8 MB a process (100,000 took 23 MB on news that
# never repeats, the largest share of a worker's growth there); PolNeAR train has 18,797.
PARSED_CACHE_SIZE = 32768


def parse_mention(text: str, start: int, end: int, lexicon: Lexicon) -> Mention:
    """The mention written at ``text[start:end]``, every part a span of ``text``.

    News repeats its names and titles article after article, so a phrase is parsed once per
    lexicon (the cache is emptied when it fills).
    """
    phrase = text[start:end]
    cache = lexicon.parsed_speakers
    parsed = cache.get(phrase)
    if parsed is None:
        if len(cache) >= PARSED_CACHE_SIZE:
            cache.clear()
        parsed = cache[phrase] = _parse(phrase, lexicon)

    def shifted(part: Range | None) -> Span | None:
        return _made(Span, start=start + part[0], end=start + part[1], text=text[start + part[0]:start + part[1]]) \
            if part else None

    return _made(Mention, start=start, end=end, text=phrase, kind=parsed.kind, name=shifted(parsed.name),
                 role=shifted(parsed.role), organization=shifted(parsed.organization), title=shifted(parsed.title),
                 gender=parsed.gender, plural=parsed.plural)


JOINT = re.compile(r"\s+and\s+")


def joint_people(mention: Mention, text: str, lexicon: Lexicon) -> tuple[Mention, Mention] | None:
    """The two people of a speaker phrase that names two ("Ana Ruiz and Tom Reyes", "Ruiz and Reyes,
    both Liberals"), each a mention of its own; None for one person ("Ellen Park and her staff" is
    not two names, nor "the Department of Health and Human Services" one)."""
    joins = list(JOINT.finditer(text, mention.start, mention.name.end if mention.name else mention.end))
    if len(joins) != 1:
        return None
    first = parse_mention(text, mention.start, joins[0].start(), lexicon)
    second = parse_mention(text, joins[0].end(), mention.end, lexicon)

    def after_name(m: Mention) -> str:
        """What follows the name, without a party label ("(D-Vt.)") or a possessive ending."""
        return PARENTHESES.sub("", text[m.name.end:m.end]).strip(" ’'s") if m.name else ""

    # each a person's name, with what they are before it ("House Speaker Tim Moore"); the second may
    # have an appositive after it ("…, both Republicans")
    named = all(m.kind == "person" and m.name is not None
                and (not after_name(m).lstrip(",").strip() or m is second and after_name(m).startswith(","))
                for m in (first, second))
    return (first, second) if named else None


def _made(cls: type, **fields):
    """``cls(**fields)`` for the frozen dataclasses Span and Mention, built without their ``__init__``.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, and every
    mention the engine and the resolver read (a hundred per article) is made here with up to four
    spans: writing the instance's fields at once makes it three times cheaper (for speed). The
    result is the same object (``tests/test_equivalent_scans.py`` compares them field by field);
    every field is given, so no default is left unset.
    """
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


def describe(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[Span | None, Span | None]:
    """The role and organisation in a description written at ``text[start:end]``
    ("director of operations at the Port Authority")."""
    role, org = split_role(words_of(text, start, end), text, lexicon)
    return (Span.of(text, *role) if role else None), (Span.of(text, *org) if org else None)


# Before the current role in a description that names a former one too: "a campaign aide in 2008 and
# now director of the Harbour Institute" (``[grammar] current_markers``).
NOW = GrammarRegex(r"(?:\band\s+|,\s*)(?:__CURRENT_MARKERS__)\s+(?=\S)", re.IGNORECASE)


def current_role_start(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the current role starts in a description of ``text[start:end]`` that names a former one
    too ("a former mayor of Ellery and now president of the Harbour Council"): after the marker, when a
    role word follows it (not ", now retired")."""
    now = NOW(lexicon).search(text, start, end)
    if now is None or not any(bare(w) in lexicon.role_heads for w in text[now.end():end].split()):
        return None
    return now.end()


def _joined_cut(candidate: list[Word], phrase: str) -> list[Word]:
    """The words of an organisation's name before another description joins on ("Harbour Writers and an
    independent analyst", "Harbour Jets, a charter firm")."""
    joined = next((k for k in range(1, len(candidate) - 1) if candidate[k].text == "and"
                   and candidate[k + 1].text[:1].islower()
                   or "," in phrase[candidate[k - 1].end:candidate[k].start] and candidate[k].text[:1].islower()),
                  None)
    return candidate[:joined]


def split_role(words: list[Word], phrase: str, lexicon: Lexicon) -> tuple[Range | None, Range | None]:
    """Role and organisation in a description, as spans of ``phrase``.

    "director of operations at the Port Authority" gives (director of operations, the Port Authority).
    """
    words = _strip_det(words, lexicon)
    if words and words[0].text.lower() in lexicon.grammar["determiners"]:
        words = words[1:]  # "One Democratic official", "two senior aides": no part of the role
    if not words or words[0].text.lower() in ("who", "which", "whose"):
        return None, None
    current = current_role_start(phrase, words[0].start, words[-1].end, lexicon)
    if current is not None:
        words = [w for w in words if w.start >= current]  # "a former mayor of Ellery and now president of …"
    words = _clause_cut(words, lexicon)
    last_cap = max((i for i, w in enumerate(words) if is_cap(w.text)), default=-1)
    if 0 <= last_cap < len(words) - 1 and _named_body(words[:last_cap + 1], lexicon) \
            and any(bare(w.text) in lexicon.role_heads for w in words[last_cap + 1:]):
        # "Department of Justice spokesman": the organisation's name, then the role
        role_words = words[last_cap + 1:]
        return (role_words[0].start, role_words[-1].end), _span(_strip_det(words[:last_cap + 1], lexicon))
    org: Range | None = None
    link_words = lexicon.grammar["link_words"]
    links = [i for i in range(1, len(words) - 1) if words[i].text in link_words and (
        words[i + 1].text[:1].isupper() or words[i + 1].text in ("the", "a") and i + 2 < len(words)
        and words[i + 2].text[:1].isupper())]
    # "manager with Dairy Farmers of Canada": the first link to a name that runs to the end (or to an "and"
    # before another description, after a role: "lecturer at the Harbour College of Nursing and the host
    # of …"), else the last link
    link = next((i for i in links if len(_org_name(cut := _joined_cut(words[i + 1:], phrase), lexicon)) == len(cut)
                 and (len(cut) == len(words) - i - 1 or any(bare(w.text) in lexicon.role_heads for w in words[:i]))),
                links[-1] if links else None)
    # "Minister of Innovation, Science and Economic Development": a portfolio, part of the role
    portfolio = link is not None and bare(words[link - 1].text) in lexicon.portfolio_heads \
        and words[link].text in ("of", "for")
    if portfolio:
        pass
    elif link is not None:
        # "Harbour Writers and an independent analyst", "Harbour Jets, a charter firm": the name, not what follows
        candidate = _joined_cut(words[link + 1:], phrase)
        named = _org_name(candidate, lexicon)
        following = candidate[len(named)].text if len(named) < len(candidate) else ""
        if named and (following in link_words or following in lexicon.grammar["phrase_prepositions"]):
            org = _span(named)  # "a lawyer with Dunmore LLP in Halifax": the name, not where it is
            words = words[:link]
        elif any(is_cap(w.text) for w in candidate) and (
                bare(candidate[-1].text) in lexicon.org_heads or is_cap(candidate[-1].text)):
            org = _span(candidate if candidate[0].text == "the" else _strip_det(candidate, lexicon))
            words = words[:link]
        elif named:  # "a lawyer with Dunmore LLP in Halifax who …": the name, not the rest
            org = (named[0].start, _unpossessed(named[-1])[1])  # (and "for the NDP’s nomination": the NDP)
            words = words[:link]
    else:
        trailing = len(words)
        while trailing > 1 and words[trailing - 1].text[:1].isupper():
            trailing -= 1
        if trailing == len(words) - 1 and words[trailing - 1].text == "in" and not words[-1].text.isupper():
            words = words[:trailing - 1]  # "(one of the best reporters) in Washington": a place
        elif trailing < len(words) and any(w.text == "of" for w in words[:trailing]):
            org = _span(words[trailing:])  # "founder of cloud company Harbour.Net"
            words = words[:trailing]
            of = max(i for i, w in enumerate(words) if w.text == "of")
            described = _strip_det(words[of + 1:], lexicon)
            if len(described) == 1 and bare(described[0].text) not in lexicon.org_heads \
                    and bare(described[0].text) not in lexicon.role_heads:
                words = words[:of]  # "director of the nonpartisan (Budget Office)": no noun of its own
    if _org_or_none(org, phrase, lexicon) is None:  # "the ministry's spokesman", "Canada's ambassador"
        for i, word in enumerate(words[:-1]):
            if word.text.endswith(POSSESSIVE):
                owner = i
                while owner > 0 and is_cap(words[owner - 1].text):
                    owner -= 1
                if not is_cap(word.text) or not any(bare(w.text) in lexicon.role_heads for w in words[:owner]):
                    # "the ministry’s spokesman", "(some) of Ana Ruiz’s allies": the owner's words
                    grammar = lexicon.grammar
                    lead_only = is_cap(word.text) and all(
                        w.text.lower() in grammar["function_words"] or w.text.lower() in grammar["determiners"]
                        or w.text in lexicon.role_standing for w in words[:owner])
                    org = (words[owner if lead_only else 0].start, _unpossessed(word)[1])
                    words = words[i + 1:]
                else:  # "a press official in Ana Ruiz’s White House": the role before, the White House
                    owned = words[i + 1:]
                    org = _span(owned) if is_cap(owned[0].text) and is_cap(owned[-1].text) \
                        and all(is_cap(w.text) or w.text in lexicon.org_joiners for w in owned) \
                        else (words[owner].start, _unpossessed(word)[1])
                    words = words[:owner]
                break
    if any(bare(w.text) in lexicon.kinship for w in words):
        return None, None  # "younger brother of Seth Jones": the role and organisation are someone else's
    served = next((i for i in range(1, len(words) - 1) if words[i].text == "to" and is_cap(words[i + 1].text)
                   and bare(words[i - 1].text) in lexicon.role_heads
                   and parse_mention(phrase, words[i + 1].start, words[-1].end, lexicon).kind == "person"), None)
    if served is not None:
        words = words[:served]  # "a longtime aide to Port Commissioner Ana Ruiz": an aide, not the commissioner
    # not a role word that modifies an organisation's noun: "a volunteer group of dockers"
    heads = [i for i, w in enumerate(words) if bare(w.text) in lexicon.role_heads
             and not (i + 1 < len(words) and bare(words[i + 1].text) in lexicon.org_heads
                      and bare(words[i + 1].text) not in lexicon.role_heads)
             and not _modifies_a_noun(words, i, lexicon)]
    if not heads:
        return None, _org_or_none(org, phrase, lexicon)
    head = heads[-1]
    while head >= 2 and words[head - 1].text == "of" and bare(words[head - 2].text) in lexicon.role_heads:
        head -= 2  # "minister of justice" is a minister, "secretary of state" a secretary
    last = head
    tail = words[head + 1:]
    # "secretary of state", "director of provincial operations": an "of" complement stays in the role
    if tail and tail[0].text.lower() == "of" and (org is None or not any(is_cap(w.text) for w in tail)):
        last = len(words) - 1
    first = head
    # "regional nutrition manager", "health promotion and nutrition manager": the lower-case words of a
    # compound role, up to a determiner, a number or a capitalised word
    while first > 0 and (bare(words[first - 1].text) in lexicon.role_modifiers
                         or bare(words[first - 1].text) in lexicon.role_heads
                         or _compound_word(words, first - 1, lexicon)):
        first -= 1
    # "Foreign Affairs Minister": capitalised words of a title, up to an organisation or a place
    while first > 0 and _title_word(words[first - 1].text, lexicon) \
            and all(bare(w.text) not in lexicon.org_heads for w in words[:first - 1]):
        first -= 1
    # "CEO and founder": a role joined to the role found
    if first >= 2 and words[first - 1].text.lower() == "and" and bare(words[first - 2].text) in lexicon.role_heads:
        first -= 2
        while first >= 2 and words[first - 1].text == "of" and bare(words[first - 2].text) in lexicon.role_heads:
            first -= 2  # "Minister of Justice and Attorney General": both titles
    elif first >= 4 and words[first - 1].text.lower() == "and":
        # "Minister of Fisheries and Attorney General": a title with its portfolio, then another
        of_index = next((j for j in range(first - 3, max(0, first - 6), -1) if words[j].text == "of"), None)
        if of_index is not None and bare(words[of_index - 1].text) in lexicon.role_heads \
                and all(is_cap(w.text) for w in words[of_index + 1:first - 1]):
            first = of_index - 1
    while last > head and bare(words[last].text) in lexicon.grammar["leading_prepositions"]:
        last -= 1  # "chief of staff to (a senator)", "vice president of public policy in (Europe)"
    role = (words[first].start, words[last].end)
    if org is None:
        # "Seals head coach", "Liberal MP", "Republican state senator": the capitalised words of a
        # title that are no role words name its organisation or party
        title_words = words[first:head]
        named_words = [w for w in title_words if is_cap(w.text) and bare(w.text) not in lexicon.role_heads
                       and bare(w.text) not in lexicon.generic_title_words
                       and bare(w.text) not in lexicon.portfolios
                       and (bare(w.text) not in lexicon.role_modifiers or bare(w.text) in lexicon.parties)
                       and bare(w.text) not in lexicon.role_standing
                       and w.text.strip(".") not in lexicon.places and not _descriptor(w.text, lexicon)]
        capitalised = [w for w in title_words if is_cap(w.text) and bare(w.text) not in lexicon.role_standing]
        if named_words and len(named_words) == len(capitalised) and _contiguous(named_words, title_words):
            org = _span(named_words)
    before = [w for w in words[:first]
              if bare(w.text) not in ("the", "a", "an") and bare(w.text) not in lexicon.role_standing]
    # "a former McGill University law professor": the capitalised words before the role, from the first to the last
    capitalised_at = [i for i, w in enumerate(before)
                      if is_cap(w.text) and not _descriptor(w.text, lexicon) and w.text[0].isalpha()]
    if capitalised_at and not any(bare(w.text) in lexicon.org_heads and w.text.islower() for w in before):
        before = before[capitalised_at[0]:capitalised_at[-1] + 1]
    if before and org is None and _contiguous(before, words[:first]) and (
            any(bare(w.text) in lexicon.org_heads for w in before)
            or capitalised_at and not any(w.text.strip(".") in lexicon.places for w in before)):
        org = _span(before)  # "Tesla CEO", "the Harbour Authority spokesperson" (not "Native American activist")
    return role, _org_or_none(org, phrase, lexicon)


def _org_words(words: list[Word], lexicon: Lexicon) -> list[Word]:
    """An organisation's name without the words before it that open a sentence or describe it
    ("Although EDC", "Calgary-based Suncor Energy", "the ministry", "last night’s Fox Business")."""
    words = _before_name(_owned_name(words, lexicon), lexicon)
    start = 0
    while start < len(words) - 1 and (bare(words[start].text) in lexicon.sentence_openers
                                      or _descriptor(words[start].text, lexicon) or AGE.fullmatch(words[start].text)):
        start += 1  # (and "49-year-old (Harbour Rail)")
    return words[start:]


def _before_name(words: list[Word], lexicon: Lexicon) -> list[Word]:
    """Words without the determiners and lower-case modifiers right before a capitalised name, no part
    of it: "(Other former) CIA (officers)", "(a veteran) GOP (strategist)"; not "a new report"."""
    start, determiners = 0, lexicon.grammar["determiners"]
    while start < len(words) - 1 and (bare(words[start].text) in determiners or words[start].text.islower()
                                      and bare(words[start].text) in lexicon.role_modifiers):
        start += 1
    return words[start:] if start and words[start].text[:1].isupper() else words


def _owned_name(words: list[Word], lexicon: Lexicon) -> list[Word]:
    """A name's words after a lower-case or a day's possessive, which is no part of it: "(last night’s)
    Fox Business", "(Saturday’s) GOP debate" (but "the company’s board" is the company's)."""
    days = lexicon.grammar["weekdays"]
    start = next((i + 1 for i in range(len(words) - 2, -1, -1)
                  if is_possessive(words[i].text) and is_cap(words[i + 1].text)
                  and (words[i].text[:1].islower() or bare(words[i].text) in days)), 0)
    return words[start:]


def _title_word(word: str, lexicon: Lexicon) -> bool:
    """A capitalised word that can stand in a title before its role: not an organisation, a place,
    a possessive or a descriptor."""
    return is_cap(word) and bare(word) not in lexicon.org_heads and word.strip(".") not in lexicon.places \
        and not word.endswith(POSSESSIVE) and not _descriptor(word, lexicon) \
        and bare(word) not in lexicon.sentence_openers  # ("When President Obama": no title "When")


def _compound_word(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """A lower-case word that can stand in a compound role before the words after it."""
    word = words[i].text
    if not LOWER_WORD.fullmatch(word) or word in lexicon.sentence_openers and word != "and" \
            or word.endswith("ly") or word in lexicon.grammar["link_words"] \
            or word in lexicon.grammar["phrase_prepositions"] or bare(word) in lexicon.org_heads:
        return False  # "state department spokesperson": the organisation is no part of the role
    if word == "and":  # "health promotion and nutrition manager", not "CEO and founder"
        return i > 0 and LOWER_LETTERS.fullmatch(words[i - 1].text) is not None \
            and words[i - 1].text not in lexicon.role_heads
    return True


def _clause_cut(words: list[Word], lexicon: Lexicon) -> list[Word]:
    """A description without the clause after its noun: "representative who graduated from …",
    "student seen smiling in the videos …" keep "representative" and "student"."""
    seen_head = False
    relatives = lexicon.grammar["relatives"]
    for i, word in enumerate(words):
        low = word.text.lower()
        if low in relatives and i:
            return words[:i]
        if seen_head and word.text.islower() and (low.endswith(("ing", "ed")) or low in lexicon.irregular_participles) \
                and low not in lexicon.role_modifiers and low not in lexicon.role_heads \
                and bare(low) not in lexicon.speaker_nouns \
                and not (i + 1 < len(words) and bare(words[i + 1].text) in lexicon.org_heads):
            return words[:i]  # (but "of cloud hosting company Harbour.Net": a modifier of the company)
        seen_head = seen_head or bare(word.text) in lexicon.role_heads
    return words


def _contiguous(chosen: list[Word], words: list[Word]) -> bool:
    """Whether ``chosen`` are consecutive words of ``words``."""
    first = words.index(chosen[0])
    return words[first:first + len(chosen)] == chosen


def _org_name(words: list[Word], lexicon: Lexicon) -> list[Word]:
    """The proper name that opens a phrase: "Dunmore LLP" in "Dunmore LLP in Halifax who …"."""
    taken = 1 if words and words[0].text == "the" else 0
    if taken >= len(words) or not words[taken].text[:1].isupper():
        return []
    end = taken + 1
    pos = end
    while pos < len(words):
        if words[pos].text[:1].isupper():
            end = pos = pos + 1
        elif words[pos].text in lexicon.org_joiners:
            pos += 1
        else:
            break
    return words[:end]


def _modifies_a_noun(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """A lower-case role word before a noun of the phrase that is none ("a major Muslim civil rights
    group", "veteran Republicans"): an adjective there, not the role."""
    word = words[i].text
    if not word.islower():
        return False
    grammar = lexicon.grammar
    stops = grammar["leading_prepositions"] | grammar["link_words"] | grammar["coordinators"] | grammar["relatives"]
    tail = []  # the words after it, up to a preposition, a conjunction or a relative, or through a comma
    for w in words[i + 1:]:
        if w.text.lower() in stops:
            break
        tail.append(w)
        if w.text.endswith(","):
            break
    last = bare(tail[-1].text) if tail else ""
    return bool(tail) and not any(bare(w.text) in lexicon.role_heads for w in tail) \
        and (last in lexicon.org_heads or last in lexicon.anonymous_heads
             or last.endswith("s") and last[:-1] in lexicon.parties or plural_people_name(tail[-1].text, lexicon))


def _org_or_none(org: Range | None, phrase: str, lexicon: Lexicon) -> Range | None:
    """An organisation, unless it is none: a pronoun, a bare place, an event, a number, a dangling "and"
    ("1989 … graduate and"), a place-based adjective ("Boston-based", "(Los) Angeles-based"), a
    portfolio ("Finance"), a sentence's opening word ("When President Obama"), or a name cut at an
    initial or a title ("the Peter G", "U.S. Sen."), or a person ("President Ana Ruiz"); a standing word
    before it is no part of it
    ("then Maples's")."""
    if org is None:
        return None
    text = phrase[org[0]:org[1]]
    words = text.split()
    if len(words) > 1 and words[0] in lexicon.role_standing:  # "then Maples’s literary agent"
        return _org_or_none((org[0] + len(text) - len(text[len(words[0]):].lstrip()), org[1]), phrase, lexicon)
    low = bare(words[-1])
    following = phrase[org[1]:].split(None, 1)[:1]
    if low in ("and", "or") or text[:1].isdigit() or text.endswith("-based") or bare(text) in lexicon.pronouns \
            or following and _descriptor(following[0], lexicon) \
            or len(words) == 1 and text[:1].isupper() and low in lexicon.sentence_openers \
            or len(low) == 1 and low.isalpha() \
            or words[-1] in lexicon.titles and (words[-1].endswith(".") or low in lexicon.honorifics) \
            or len(words) >= 2 and words[0] in lexicon.titles and bare(words[1]) in lexicon.forenames \
            and low not in lexicon.org_heads:
        return None
    if len(words) > 1 and words[-1].islower() and low in lexicon.role_heads and low not in lexicon.org_heads:
        return None  # "the Texas senator’s (allies)": a person, described
    function_words = lexicon.grammar["function_words"]
    if words[0][:1].islower() and words[0] not in lexicon.grammar["determiners"] \
            and any(w[:1].isupper() for w in words[1:]) and (
                words[0] in function_words or words[0].endswith(("ing", "ed"))
                or any(w in function_words for w in words[1:])):
        return None  # "(Ted Cruz,) when asked about Trump’s (vision)": a clause, not a name ("state GOP" is one)
    stripped = LEADING_THE.sub("", text).strip(".")
    if stripped in lexicon.places or bare(stripped) in lexicon.portfolios or bare(stripped) in lexicon.pronoun_words \
            or any(stripped == e or stripped.endswith(" " + e) for e in lexicon.event_names) \
            and not phrase[:org[0]].rstrip().endswith(" for"):
        return None  # (nor an event: "a delegate at the Harbour National Convention"; but "a spokesman for …")
    return org


def classify_name(words: list[Word], phrase: str, lexicon: Lexicon) -> str:
    """person or organization, for a capitalised name with no description."""
    name = phrase[words[0].start:words[-1].end]
    if name in lexicon.org_names or name in lexicon.places:
        return "organization"
    if bare(words[-1].text) in lexicon.org_heads or bare(words[-1].text) in lexicon.company_words or "&" in name:
        return "organization"  # "Harbour Authority", "Suncor Energy", "Ernst & Young"
    if len(words) == 1 and name.isupper() and len(name) > 1:
        return "organization"
    camel = CAPITAL_INSIDE.fullmatch(name)
    if len(words) == 1 and camel and camel.group(1).lower() not in lexicon.name_words["capital_prefixes"]:
        return "organization"  # "BuzzFeed", "WikiLeaks"; but "McConnell", "DeSantis"
    if any(bare(w.text) in ("of", "for", "and") for w in words[1:-1]):
        return "organization"
    return "person"


def plural_people_name(word: str, lexicon: Lexicon) -> bool:
    """A people in the plural, by a place's demonym or its own name: "Americans", "Latinos"."""
    return word.endswith("s") and (word[:-1] in lexicon.places or word[:-1].lower() in lexicon.peoples)


def _a_people(words: list[Word], lexicon: Lexicon) -> bool:
    """"African Americans", "Native Canadians", "Americans", "Latinos": a people named by a plural
    demonym or a people's name, not a person ("Tom Evans" starts with a forename; "Evans" alone is a
    surname, and no place's demonym)."""
    last = bare(words[-1].text)
    if len(words) == 1:
        return plural_people_name(words[0].text, lexicon)
    return len(words) >= 2 and last.endswith("ans") and bare(words[0].text) not in lexicon.forenames \
        and last[:-1] not in lexicon.forenames and not any(w.text.endswith(".") for w in words)


def gender_of(first_name: str | None, lexicon: Lexicon, title: str | None = None,
              noun: str | None = None) -> str | None:
    """male or female from a title ("Mrs."), a gendered noun written beside the name ("widow Terry
    Strada", "Pat Lee, his wife": ``noun``'s gender) or an unambiguous forename, else None."""
    if title:
        gender = lexicon.titles.get(title)
        if gender in ("male", "female"):
            return gender
    if noun:
        return noun
    if not first_name:
        return None
    gender = lexicon.forenames.get(bare(first_name))
    return gender if gender in ("male", "female") else None


def _parse(phrase: str, lexicon: Lexicon) -> Parsed:
    """Split a speaker phrase into name, role, organisation and kind, as spans of the phrase."""
    end = len(phrase.rstrip(" ,"))
    timed = TRAILING_TIME(lexicon).search(phrase, 0, end)
    before = phrase[:timed.start()].split()[-1:] if timed else []
    if timed and timed.start() > 0 and not grammar_surname(timed.group().strip(), (before or [None])[0], lexicon):
        # (a lone "May" after a name is the surname: "Theresa May", not "Ellen Park in May")
        end = len(phrase[:timed.start()].rstrip(" ,"))
    words = words_of(phrase, 0, end)
    if not words:
        return Parsed("unknown")
    low = bare(words[0].text)  # "He’s" is "he"
    if len(words) == 1 and low in lexicon.pronoun_words:
        return Parsed("pronoun", gender=lexicon.pronouns.get(low) if lexicon.pronouns.get(low) in ("male", "female")
                      else None, plural=lexicon.pronouns.get(low) == "plural")
    if POLL_SHARE(lexicon).fullmatch(phrase, 0, end):
        return Parsed("anonymous", (0, end), plural=True)  # "Six in 10 (say)": those polled
    last_comma = phrase.rfind(",", 0, end)
    if last_comma > 0:
        place = phrase[phrase.rfind(",", 0, last_comma) + 1:last_comma].strip()
        named = [w for w in words if w.start > last_comma]
        if place in lexicon.places and named and all(is_cap(w.text) for w in named) \
                and phrase[named[0].start:end] not in lexicon.places:
            # "(in Salem,) New Hampshire, Trump (went on)": where, then who; the place is no name
            return _shifted(_parse(phrase[named[0].start:end], lexicon), named[0].start)
    comma = phrase.find(",", 0, end)
    main = [w for w in words if comma < 0 or w.end <= comma]
    appositive = [w for w in words if comma >= 0 and w.start > comma]
    if not main:
        return Parsed("unknown")
    if _group_of_named(main, lexicon):
        # "Critics of Ellen Park (said)": people defined by her, not her
        return Parsed("anonymous", _span(_strip_det(main, lexicon)), plural=True)
    described = _participle_object(main, lexicon)
    if described is not None:
        # "Voters supporting Ellen Park (said)": the name is what the voters support, not who speaks
        return _parse(phrase[:main[described - 1].end], lexicon)
    second = phrase.find(",", comma + 1, end) if appositive else -1
    named = [w for w in appositive if second < 0 or w.end <= second]  # "the mayor, Ana Ruiz(, a Democrat)"
    titled = 0
    while titled < len(named) - 2 and named[titled].text.islower() and bare(named[titled].text) in lexicon.role_heads:
        titled += 1  # "Ellen Park's host, actress Dana Cole": the appositive's role, then the name
    if titled and _name_only(named[titled:]) and not _name_only(main):
        inner = _shifted(_parse(phrase[named[0].start:named[-1].end], lexicon), named[0].start)
        if inner.kind == "person" and inner.name:
            role, org = split_role(main, phrase, lexicon)
            return Parsed("person", inner.name, role or inner.role, org if role else inner.organization,
                          inner.title, inner.gender)
    if named and _name_only(named) and not _name_only(main):
        # "the director of operations for the Port Authority, Jeff Lane": the description comes first
        role, org = split_role(main, phrase, lexicon)
        if role or main[0].text.lower() in lexicon.anonymous_determiners \
                or main[0].text.lower() in lexicon.grammar["description_openers"]:
            # "his best friend at Lehigh, Bruce Turry": a description without a role names him too
            inner = _shifted(_parse(phrase[named[0].start:named[-1].end], lexicon), named[0].start)
            if inner.kind == "person" and inner.name:  # "One early backer, Senator Tom Reyes": his title
                return Parsed("person", inner.name, role or inner.role, org if role else inner.organization,
                              inner.title, inner.gender)
            return Parsed("person", _span(named), role, org if role else None, None, gender_of(named[0].text, lexicon))
    linked = _person_of_org(main)
    if linked is not None:
        person = _parse(phrase[:main[linked - 1].end], lexicon)
        if person.kind == "person" and person.name and (len(phrase[person.name[0]:person.name[1]].split()) >= 2
                                                        or person.title):  # "Mr. Morgan of the Sierra Club"
            a_role = split_role(appositive, phrase, lexicon)[0] if appositive else None
            org = person.organization or _org_or_none(_span(main[linked + 1:]), phrase, lexicon)
            return Parsed("person", person.name, person.role or a_role, org, person.title, person.gender)
        if person.kind == "anonymous" and person.role:
            return person  # "A spokesman for Mayor Ana Ruiz of Ellery": the spokesman
    return _parse_main(phrase, main, appositive, lexicon)


def _shifted(parsed: Parsed, offset: int) -> Parsed:
    """A parse of the phrase's tail, its spans moved to where the tail starts in the phrase."""
    def moved(part: Range | None) -> Range | None:
        return (part[0] + offset, part[1] + offset) if part else None

    return parsed._replace(name=moved(parsed.name), role=moved(parsed.role),
                           organization=moved(parsed.organization), title=moved(parsed.title))


def _group_of_named(words: list[Word], lexicon: Lexicon) -> bool:
    """"critics of Ellen Park", "supporters of Tom Reyes", "People in Fort Pierce": a plural word for
    unnamed people, then "of" or another preposition after a noun (``[grammar]
    postmodifying_prepositions``: "in", "at", "from" …) and a name (not "of the …": "officials of the
    Harbour Trust"; not a capitalised word inside a name: "Communications Workers of America")."""
    linking = lexicon.grammar["postmodifying_prepositions"]
    return any(words[i].text in linking and (head := bare(words[i - 1].text)).endswith(("s", "people"))
               and head in lexicon.anonymous_heads and is_cap(words[i + 1].text)
               and (words[i - 1].text.islower() or i == 1) for i in range(1, len(words) - 1))


def _participle_object(words: list[Word], lexicon: Lexicon) -> int | None:
    """The index of a cue verb's participle that describes the noun before it and takes an object
    after it ("voters supporting Ellen Park", "a group backing the mayor"), if any; not an adjective
    ("the leading Republican", "the ranking Democrat") nor a title's word ("Acting Mayor")."""
    grammar = lexicon.grammar
    for i in range(1, len(words) - 1):
        word, before, after = words[i].text, words[i - 1].text, words[i + 1].text
        if word.endswith("ing") and word.islower() and lexicon.lemma(word) is not None \
                and before.lower() not in grammar["function_words"] \
                and (after[:1].isupper() or after.lower() in grammar["determiners"]):
            return i
    return None


def _name_only(words: list[Word]) -> bool:
    return 2 <= len(words) <= 4 and all(CAPITALISED_WORD.fullmatch(w.text) for w in words)


def _person_of_org(words: list[Word]) -> int | None:
    """``Tim Guest with the Health Authority``: the index of the linking word, if any."""
    for i in range(1, len(words) - 1):
        if words[i].text in ("of", "with", "from", "at") and words[i - 1].text[:1].isupper() and (
                words[i + 1].text[:1].isupper()
                or words[i + 1].text == "the" and _name_after_adjectives(words[i + 2:])):
            return i
    return None


def _name_after_adjectives(words: list[Word]) -> bool:
    """A capitalised word, after at most two lower-case ones ("(the) nonpartisan Harbour Report")."""
    first = next((j for j, w in enumerate(words[:3]) if not w.text.islower()), None)
    return first is not None and words[first].text[:1].isupper()


def _common_word(word: str, lexicon: Lexicon) -> bool:
    """A capitalised word that opens a sentence or a headline rather than a name ("Officials", "Meanwhile")."""
    low = bare(word)
    return low in lexicon.anonymous_heads or low in lexicon.anonymous_determiners or low in lexicon.sentence_openers


def name_run_start(words: list[Word], lexicon: Lexicon) -> int:
    """Where the trailing run of capitalised words of a phrase starts, after opening words."""
    start = len(words)
    while start > 0 and (is_cap(words[start - 1].text) or start >= 2 and start < len(words)
                         and words[start - 1].text in lexicon.name_words["particles"]
                         and is_cap(words[start - 2].text)):
        start -= 1  # "Bill de Blasio", "Ludwig van Beethoven"
    while start < len(words) and _common_word(words[start].text, lexicon) and not (
            start < len(words) - 1 and bare(words[start].text) in lexicon.forenames
            or start == len(words) - 1
            and grammar_surname(words[start].text, words[start - 1].text if start else None, lexicon)):
        start += 1  # "Meanwhile Trump", but "Will Young" and "May Chen" are names, and "May" alone (not "Last May")
    return start


def name_cut(run: list[Word], lexicon: Lexicon) -> tuple[int, Word | None]:
    """How many words of a capitalised run describe rather than name, and the title among them.

    "Foreign Minister Sergei Lavrov" -> 2; "Sen. Ted Cruz" -> 1 with title "Sen."; "Struggling
    Donald Trump" and "Neither Donald J. Trump" -> 1, because a forename starts the name.
    """
    title = None
    cut = 0
    for i, word in enumerate(run):
        low = bare(word.text)
        if i < len(run) - 1 and sentence_end(word.text, lexicon):
            cut, title = i + 1, None  # "July. Cruz": a sentence ended inside the run
            continue
        if _initial(word.text) and i > 0:
            continue  # "Julie A. Diaz": an initial, not the article "A"
        if i == len(run) - 1 and i >= cut and low in lexicon.role_surnames and word.text[:1].isupper():
            continue  # "Brian Baker", "Dean said": a surname, though a role word too
        if i == len(run) - 1 and grammar_surname(word.text, run[i - 1].text if i else None, lexicon):
            continue  # "Theresa May", "Mrs. May", and "May" alone as a speaker phrase; not "In May", "Last May"
        # "Russian Foreign Minister …", "Prominent Canadian", but "Jordan Peterson", "Whitney Houston"
        place = word.text.rstrip(".") in lexicon.places and low not in lexicon.forenames and (
            i < len(run) - 1 or i == 0 or bare(run[i - 1].text) not in lexicon.forenames)
        if low in lexicon.role_heads or low in lexicon.role_modifiers or word.text in lexicon.titles \
                or low in lexicon.honorifics or lexicon.title_role(word.text) or place \
                or low in lexicon.org_heads or (word.text.endswith(POSSESSIVE) and i < len(run) - 1) \
                or _descriptor(word.text, lexicon) \
                or low in lexicon.sentence_openers and not (low in lexicon.forenames and i < len(run) - 1) \
                or low in lexicon.parties:
            cut = i + 1
            if (word.text in lexicon.titles or low in lexicon.honorifics) and title is None:
                title = word
    if cut == len(run) and title is not None and run[-1] is not title and is_cap(run[-1].text):
        cut = len(run) - 1  # "Mr. King", "Ms. Major": after an honorific, a title word is a surname
    # A headline or a sentence opener before a forename: "Border Wall Contract Donald Trump"
    for i in range(len(run) - 2, cut, -1):
        if bare(run[i].text) in lexicon.forenames and not _initial(run[i - 1].text) \
                and bare(run[i - 1].text) not in lexicon.forenames:
            cut = i
            break
    return cut, title


def sentence_end(word: str, lexicon: Lexicon) -> bool:
    """A word whose full stop ends a sentence: not an initial, a title, a suffix or an abbreviation."""
    if not word.endswith(".") or len(word) <= 2 or "." in word[:-1]:
        return False
    low = word.lower()
    return word not in lexicon.titles and low not in lexicon.honorifics and not lexicon.title_role(word) \
        and bare(word) not in lexicon.name_words["suffixes"] and low[:-1] not in lexicon.abbreviations




def _initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _named_body(main: list[Word], lexicon: Lexicon) -> bool:
    """An organisation noun, then "of", "on" or "for" and capitalised words to the end, with no title
    after the first of them ("the Bureau of Labor Statistics", "the Department of Justice"; not "the
    Council on Foreign Relations President Tom Reyes")."""
    prepositions = lexicon.grammar["org_name_prepositions"]
    head = next((i for i in range(len(main) - 2) if main[i + 1].text in prepositions and is_cap(main[i].text)
                 and bare(main[i].text) in lexicon.org_heads), None)
    if head is None or not all(is_cap(w.text) or w.text == "the" for w in main[:head]):
        return False
    rest = main[head + 2:]
    return bool(rest) and is_cap(rest[0].text) and is_cap(rest[-1].text) \
        and all(is_cap(w.text) or w.text in lexicon.org_joiners for w in rest) \
        and not any(lexicon.title_role(w.text) or bare(w.text) in lexicon.role_heads for w in rest[1:])


def _surely_a_person(run: list[Word], lexicon: Lexicon) -> bool:
    """A name with a title or a forename before its last word ("Mr. Pinchuk", "House Speaker Paul Ryan"):
    a person, who is no one's organisation. A bare name may be a company's ("a spokesman for Janney")."""
    return any(w.text in lexicon.titles or lexicon.title_role(w.text) for w in run[:-1]) \
        or len(run) >= 2 and bare(run[-2].text) in lexicon.forenames


def _parse_main(phrase: str, main: list[Word], appositive: list[Word], lexicon: Lexicon) -> Parsed:
    role: Range | None
    org: Range | None
    if appositive and bare(appositive[0].text) in lexicon.grammar["intermediaries"]:
        appositive = []  # "Ana Ruiz, through a spokeswoman,": not what she is
    if _named_body(main, lexicon):
        return Parsed("organization", _span(_strip_det(_owned_name(main, lexicon), lexicon)))
    run_start = name_run_start(main, lexicon)
    if 2 <= run_start < len(main) and main[run_start - 1].text in ("of", "for", "&") \
            and is_cap(main[run_start - 2].text) and name_cut(main[run_start:], lexicon)[0] == 0 \
            and bare(main[run_start].text) not in lexicon.forenames:
        # "Minister of Innovation" is a title, "Diocese of Covington" an organisation: never a person
        role, org = split_role(main, phrase, lexicon)
        if role:
            return Parsed("description", None, role, org)
        return Parsed("organization", _span(_strip_det(_owned_name(main, lexicon), lexicon)))
    if 2 <= run_start < len(main) and main[run_start - 1].text in ("of", "for", "to") \
            and main[run_start - 2].text.islower() and bare(main[run_start - 2].text) in lexicon.role_heads \
            and classify_name(main[run_start:], phrase, lexicon) == "person":
        described = main[:run_start - 1] if _surely_a_person(main[run_start:], lexicon) else main
        if described[0].text.lower() in lexicon.grammar["determiners"]:
            described = described[1:]  # "One longtime adviser to …" opening a sentence: "One" is no name
        role, org = split_role(described, phrase, lexicon)
        if role and bare(main[0].text) in lexicon.anonymous_determiners:
            return Parsed("anonymous", _span(main), role, org)  # "a lawyer for (an adviser to) Tom Reyes": not him
        if role:
            return Parsed("description", None, role, org)  # "the mayor of Ellery": the mayor, no one named
    run = main[run_start:]
    if len(run) == 1 and run_start >= 3 and main[run_start - 1].text == "and" and is_cap(main[run_start - 2].text) \
            and main[run_start - 3].text.lower() == "the" and bare(main[run_start - 2].text) not in lexicon.forenames:
        return Parsed("organization", (main[run_start - 2].start, run[0].end))  # "The Globe and Mail": one name
    if _span(run) and phrase[run[0].start:run[-1].end] in lexicon.org_names:
        return Parsed("organization", _span(_before_name(_strip_det(_owned_name(main, lexicon), lexicon), lexicon)))
    place = (run[0].start, _unpossessed(run[-1])[1]) if len(run) >= 2 else None
    if place and phrase[place[0]:place[1]] in lexicon.places:
        # a place of two words names no one: "New Hampshire" is the place, not Mr. Hampshire
        if run_start == 0 or run_start == 1 and bare(main[0].text) == "the":
            return Parsed("organization", place)
        before = main[:run_start]
        if len(before) > 1 and bare(before[-1].text) in lexicon.grammar["postmodifying_prepositions"]:
            # "Legislative leaders in North Carolina", "the mayor of New York": the words before say who
            return _parse(phrase[:before[-1].start], lexicon)
        run_start, run = len(main), []
    if len(run) == 1 and run_start > 0 and main[run_start - 1].text.lower() in ("the", "a", "an") \
            and bare(run[0].text) in lexicon.role_surnames:
        return Parsed("description", None, (run[0].start, run[0].end))  # "the Dean said": a role, not Mr. Dean
    cut, title_word = name_cut(run, lexicon)
    if cut == 1 and len(run) == 2 and run_start == 0 and appositive and appositive[0].text[:1].islower() \
            and bare(run[0].text) in lexicon.forenames and run[0].text not in lexicon.titles:
        cut, title_word = 0, None  # "Dean Baker, co-director of …": a forename, and what he is after it
    name_words = run[cut:]
    description = main[:run_start] + run[:cut]
    title = (title_word.start, title_word.end) if title_word else None
    role = org = None
    if description:
        role, org = split_role(description, phrase, lexicon)
        if role is None and title_word and lexicon.title_role(title_word.text):
            role = title
    if appositive:
        a_role, a_org = split_role(appositive, phrase, lexicon)
        joined = next((i for i in range(1, len(appositive) - 2) if appositive[i].text == "and"
                       and appositive[i + 1].text in ("a", "an")), None)
        if a_org is None and joined is not None:
            # "a mechanic based in Ellery, and an organizer at Harbour Workers United": the second's
            b_role, a_org = split_role(appositive[joined + 1:], phrase, lexicon)
            a_role = a_role or b_role
        role = role or a_role
        org = org or a_org
    if name_words:
        name: Range | None = (name_words[0].start, _unpossessed(name_words[-1])[1])
        if description and not role and (bare(main[-1].text) in lexicon.org_heads or org):
            # "Russia's foreign ministry", "the State Department": the whole phrase is an organisation
            return Parsed("organization", _span(_org_words(main, lexicon)))
        kind = classify_name(name_words, phrase, lexicon)
        if kind == "person" and _a_people(name_words, lexicon):
            return Parsed("anonymous", _span(_strip_det(main, lexicon)), role, org, plural=True)
        noun = next((lexicon.gendered_nouns[bare(w.text)] for w in description + appositive[-1:]
                     if bare(w.text) in lexicon.gendered_nouns), None)  # "widow Terry Strada", "Pat Lee, his wife"
        gender = gender_of(name_words[0].text if len(name_words) > 1 else None, lexicon,
                           title_word.text if title_word else None, noun)
        if kind == "person" and run_start > 0 and bare(main[run_start - 1].text) == "the" and gender is None:
            if not cut:
                kind = "organization"  # "the Sentinel", "the Courier": people take no article
            elif title_word is None and len(name_words) == 1 and bare(name_words[0].text) not in lexicon.role_heads \
                    and not any(bare(w.text) in lexicon.role_heads or w.text.endswith(POSSESSIVE) for w in run[:cut]):
                # "the Daily Caller", "The American Legion": the capitalised words before the last are the
                # organisation's name, not a description of a person (but "the Post's Dana Milbank")
                return Parsed("organization", _span(run))
        if kind == "organization":
            if description and not role:
                name = _span(_org_words(main, lexicon))
            return Parsed("organization", name)
        return Parsed("person", name, role, org, title, gender)
    # No proper name: a description, an organisation or an anonymous source.
    determiners = [i for i, w in enumerate(main) if i and w.text.lower() in ("the", "a", "an")]
    if determiners and not any(bare(w.text) in lexicon.speaker_nouns for w in main[:determiners[-1]]):
        # "In early November the company": the phrase starts at its determiner (but "an individual
        # conversant in the matter" is headed by "individual")
        main = main[determiners[-1]:]
    words = [bare(w.text) for w in main]
    head, determiner = words[-1], words[0]
    plural = head.endswith("s") and head[:-1] in lexicon.speaker_nouns
    indefinite = determiner in lexicon.anonymous_determiners or (head.endswith("s") and determiner != "the")
    if role is None:
        role, org = split_role(main, phrase, lexicon)
    whole = _span(main)
    if role and (indefinite or head in lexicon.anonymous_heads):
        return Parsed("anonymous", whole, role, org, plural=plural)
    if role:
        return Parsed("description", None, role, org, plural=plural)
    if head in lexicon.org_heads and head not in lexicon.role_heads:
        kind = "organization" if determiner != "the" or len(words) > 2 or org else "description"
        return Parsed(kind, _span(_before_name(_strip_det(_owned_name(main, lexicon), lexicon), lexicon)),
                      plural=plural)
    head_describes = head in lexicon.role_heads or head in lexicon.kinship or head in lexicon.parties
    if head in lexicon.anonymous_heads \
            or indefinite and (head_describes or head in lexicon.grammar["unnamed_people"]) \
            or (indefinite or words[0] in lexicon.anonymous_heads) and any(w in lexicon.anonymous_heads for w in words):
        return Parsed("anonymous", whole, role, org, plural=plural or head.endswith("s"))
    if head_describes:
        return Parsed("description", None, role, org, plural=plural)  # "the Kentucky Republican" too
    if is_cap(main[0].text) and head not in lexicon.sentence_openers \
            and classify_name(main, phrase, lexicon) == "organization":
        return Parsed("organization", whole)
    return Parsed("unknown", whole)  # "Prominent Canadian": capitalised words that name nobody


POSSESSOR = re.compile(r"(his|her|its|their)\s+(?:[\w-]+\s+){0,2}[\w-]+$|(.+?)[’']s\s+(?:[\w-]+\s+){0,2}[\w-]+$",
                       re.IGNORECASE)


def statement_owner(phrase: str, lexicon: Lexicon) -> re.Match[str] | None:
    """A statement named with its owner ("her statement", "the company's statement", "Tom Reyes's
    Facebook post"), which speaks for the owner: group 1 a possessive pronoun, or group 2 the owner.
    Not where the possessive sits inside a longer phrase ("Critics of the drive to skip Tom
    Reyes's speech" are the critics)."""
    owned = POSSESSOR.match(phrase)
    last = bare(phrase.split()[-1])
    if owned is None or last not in lexicon.statement_nouns and last not in lexicon.grammar["said_nouns"] \
            or not lexicon.grammar["leading_prepositions"].isdisjoint((owned.group(2) or "").split()):
        return None
    return owned
