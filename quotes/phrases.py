"""Find the speaker phrase next to a cue, and trim the content of a reported claim.

There is no parser: a speaker is the noun phrase that ends right before the cue (``the ministry
said``), or starts right after it (``said Tammy Bruce``), found with word classes from the
lexicon. The functions return offsets into the original text and never change it.
"""

from __future__ import annotations

import re

from quotes.alternation import alternation
from quotes.lexicon import WORD_LIST, GrammarRegex, Lexicon

Range = tuple[int, int]

WORD = re.compile(r"[^\s,;:()\[\]“”\"«»„]+")
# A time adjunct; __WEEKDAYS__ and __MONTHS__ are the lexicon's lists (GrammarRegex).
TIME = (r"(?:(?:on|last|this|late|early)\s+)?__WEEKDAYS__(?:\s+(?:morning|afternoon|evening|night))?"
        r"|(?:yesterday|today|tonight|earlier|later|(?:(?:early|late)\s+)?(?:last\s+(?:week|weekend|month|year|night)\b"
        r"|this\s+(?:week|weekend|month|year)\b)"
        r"|(?:earlier|later)\s+(?:this|that|on|in)\s+\w+|in\s+(?:early\s+|late\s+|mid-)?__MONTHS__"
        r"|on\s+\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?"
        r"|(?:a|__NUMBER_WORDS__|eleven|twelve|twenty|several|a\s+few|\d{1,3})"
        r"\s+(?:minute|minutes|hour|hours|day|days|week|weeks|month|months|year"
        r"|years)\s+"
        r"(?:earlier|later|ago|before)|at\s+the\s+time|in\s+(?:early\s+|late\s+|mid-)?(?:19|20)\d\d"
        r"|(?:last|this)\s+(?:spring|summer|fall|autumn|winter)|in\s+the\s+past"
        r"|(?:that|the\s+same|the\s+next|the\s+following)\s+(?:day|night|morning|afternoon|evening|week|weekend"
        r"|month|year)\b)(?![\w’'-])")  # "he said that night"
# Words that may stand between a speaker and a cue ("Trump on Thursday said", "she also told",
# "Ellen Park in her budget speech called").
BETWEEN = GrammarRegex(
    rf"(?:\s*,?\s*(?<![\w’'-])(?:{TIME}|__BEFORE_CUE__|__ASIDES__|"
    r"(?:went|goes|go|has\s+gone|had\s+gone)\s+on\s+to|(?:continues|continued|continue|has\s+continued|began|begins)"
    r"\s+to|(?:was|were|is|are)\s+(?:quick|prompted|careful|eager|"
    r"moved|forced)\s+to|\((?:[DRI]-)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)|"
    r"(?:in|during)\s+(?:his|her|their|its|a|an|the)\s+(?:[\w’'-]+\s+){0,2}__CHANNEL_NOUNS__|"  # "in his speech"
    r"(?-i:(?!__LY_NOUNS__\b)[a-z]+ly))\s*,?)+\s*$",
    # "angrily said", never "Kelly said" nor "the rally said"
    re.IGNORECASE,
)
BETWEEN_BEFORE_ANY_WORD = frozenset({"this", "that", "on", "in"})
IN_OR_DURING = re.compile(r"\b(?:in|during)\s", re.IGNORECASE)
BETWEEN_WINDOW = 64
PARENTHETICAL = GrammarRegex(r"\s*,\s*__ASIDES__\s*,", re.IGNORECASE)
# Words that open a clause or a coordination, so that no speaker phrase runs back past them.
LEFT_BOUNDARY_WORDS = (
    "that", "which", "who", "whom", "whose", "because", "while", "when", "whereas", "if", "but", "yet", "so",
    "although", "though", "since", "after", "before", "until", "unless", "where", "as", "and", "or", "than", "then",
    "meanwhile", "however", "also", "instead", "still", "now", "even", "why", "how", "what", "whether")
LEFT_BOUNDARY = re.compile(
    r"(?:,\s*with\s|[,;:()\[\]—–―“”\"]|\s--?\s|(?<![\w’'-])" + alternation(LEFT_BOUNDARY_WORDS) + r"(?![\w’'-]))",
    re.IGNORECASE,
)
POSSESSIVE_END = re.compile(r"[’']s?$")
RELATIVE_WORD = re.compile(r"\s*(?:who|whose|which)\b")
# What follows a name in apposition and is neither a name nor a description: an age ("59"), a
# home town ("of Ashton"), a state ("Md."), or all three.
AGE_OR_PLACE = re.compile(r"(?:\s*,?\s*(?:\d{1,3}|of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}"
                          r"|[A-Z][a-z]{1,4}\.))+\s*")
# A politician's party and state after the name, part of the speaker phrase: "(R-Ohio)", "(D-N.C.)", "(Vt.)".
PARTY_LABEL = re.compile(r"\((?:[DRI]-)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)")
PARTY_LABEL_AT_END = re.compile(PARTY_LABEL.pattern + r"$")
LEADING_JUNK = re.compile(
    r"(?:(?:and|but|so|yet|or|also|meanwhile|still|instead|now|then|indeed|however|moreover|"
    r"separately|later|earlier|previously|in\s+addition|at\s+the\s+same\s+time|(?-i:[a-z]+ly)(?=\s+\w)|"
    r"\w+ly(?=,))\b[\s,]*)+",  # "Clearly, she …" and "angrily Kelly …", never "Kelly" itself
    re.IGNORECASE,
)
THAT = re.compile(r"\s*,?\s*that\b\s*", re.IGNORECASE)
# A phrase set off by commas between a cue and "that": "said, without evidence, that …"
ASIDE_THEN_THAT = re.compile(r"\s*,\s*[^,;:.!?“”\"()]{1,50}?,\s*that\s+", re.IGNORECASE)
CONTENT_END = re.compile(r"[\s.,;:!?…]+$")


def _last_word(text: str) -> str:
    """The run of ``\\w`` characters (``str.isalnum()`` or "_") that ends ``text``."""
    start = len(text)
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:]


def between_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word written in BETWEEN, in lower case, read from its template and word lists so that the
    two cannot drift apart. A match of BETWEEN ends with one of them, a number ("on May 5"), a word in
    -ly, a party ("(D-Ky.)") or any word after this/that/on/in ("later this week"): see may_end_between.
    (Not from the compiled pattern, whose lists are factored into pieces of words.)"""
    found = lexicon.compiled.get(between_words)
    if found is None:
        written = WORD_LIST.sub(lambda m: " ".join(lexicon.data["grammar"][m.group(1).lower()]), BETWEEN.template)
        found = frozenset(re.findall(r"[a-z]+", written.lower()))
        found = lexicon.compiled.setdefault(between_words, found)
    return found


def may_end_between(window: str, lexicon: Lexicon) -> bool:
    """False where ``BETWEEN(lexicon).search`` cannot match at the end of ``window``, true otherwise.

    A test of the window's last two words, where the search tries each of the window's starts
    against the whole alternation: it rules the search out before most cues ("Tom Reyes said"),
    and its result is the same. A word that is not ASCII is left to the search, since under
    IGNORECASE some such letters match ASCII ones ("ſ" matches "s").
    """
    tail = window.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    if tail.endswith(")"):
        return True
    last = _last_word(tail)
    if not last:
        return False
    if last.lower() in lexicon.grammar["channel_nouns"]:
        return IN_OR_DURING.search(tail) is not None  # only "in her budget speech" ends with one
    if not last.isascii() or last.lower() in between_words(lexicon) or last.endswith("ly") \
            or any(c.isdigit() for c in last):
        return True
    before = _last_word(tail[:-len(last)].rstrip())
    return not before.isascii() or before.lower() in BETWEEN_BEFORE_ANY_WORD


def grammar_surname(word: str, before: str | None, lexicon: Lexicon) -> bool:
    """Whether a capitalised word of grammar ("May", "Will") is a surname here: alone (``before`` is
    None: "May said"), or after a name's word or a title ("Theresa May", "Mrs. May"), not after a
    word that opens sentences ("In May", "Last May")."""
    return word[:1].isupper() and word.lower().rstrip(".,") in lexicon.grammar_surnames and (
        before is None or before[:1].isupper() and before.lower().rstrip(".,") not in lexicon.sentence_openers)


def surname_at_end(window: str, lexicon: Lexicon) -> bool:
    """The window ends in a name whose surname is a word of grammar ("George Will", "Mrs. May"), which
    is no modal between a subject and its verb."""
    tail = window.split()[-2:]
    return len(tail) == 2 and grammar_surname(tail[1], tail[0], lexicon)


def words(text: str, start: int, end: int) -> list[Range]:
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def _trim(text: str, start: int, end: int, chars: str = " \t\n\u00a0,") -> Range:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name (Tammy, O’Brien, U.S., McAllister)."""
    return bool(word) and (word[0].isupper() or (word[0].isdigit() is False and word[:2] in ("d’", "d'")))


def head_ok(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` can end a speaker phrase: a name, a pronoun or a known noun."""
    bare = POSSESSIVE_END.sub("", word).rstrip(".")
    low = bare.lower()
    if grammar_surname(bare, None, lexicon):
        return True  # "(Theresa) May said", not the modal: no modal ends a speaker phrase
    if not bare or low in lexicon.grammar["function_words"] and low != "who":
        return False
    if low in lexicon.subject_pronouns or bare[0].isupper() or AGE.fullmatch(low):
        return True
    if low in lexicon.data_words:
        return True  # "(…,) records show", "polls found"
    nouns = lexicon.speaker_nouns
    # plurals of the lexicon's nouns: "strategists", "respondents", "chairs"; singulars of its plurals
    return low in nouns or low + "s" in nouns or (
        low.endswith("s") and (low[:-1] in nouns or low.endswith("es") and low[:-2] in nouns
                               or low.endswith("ies") and low[:-3] + "y" in nouns))


AGE = re.compile(r"\d+-year-old")  # "said the 52-year-old"
OF_COUNT = GrammarRegex(r"\s+of\s+(?:\d+|__NUMBER_WORDS__)", re.IGNORECASE)  # "(a mother) of three"
# A share of those polled, standing for them: "Six in 10", "two-thirds", "18%", "nearly half".
NUMBER_WORD = r"(?:\d+|__NUMBER_WORDS__)"
# "520 superdelegates", "three sources" ("one source" too, but "one" is a determiner already)
NUMBER = GrammarRegex(r"\d[\d,]*|dozens|hundreds|thousands|__NUMBER_WORDS__")
POLL_SHARE = GrammarRegex(
    r"(?:__APPROXIMATORS__\s+)?"
    rf"(?:{NUMBER_WORD}\s+(?:in|out\s+of|of\s+every)\s+{NUMBER_WORD}|\d+(?:\.\d+)?\s*(?:%|percent)"
    r"|(?:one|two|three|four)[-\s](?:thirds?|fourths?|quarters?|fifths?)|half)", re.IGNORECASE)
# Part of a group standing for it: "most of them", "many of the workers", "much of the media".
QUANTIFIED = GrammarRegex(r"__QUANTIFIERS__\s+of\s+"
                        r"(?:them|us|those|(?:the|these|their|his|her|our)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+)",
                        re.IGNORECASE)
# "those who back her opponents (say)": who or that, then up to seven words before the cue
DASH = re.compile(r"\s--?\s|\s?[—–―]\s?")
DASH_BEFORE_CUE = re.compile(r"(?:\s--?|\s?[—–―])\s*$")
QUOTE_MARK = re.compile(r"[\"“”‘’«»]")
RELATIVE_CLAUSE = re.compile(r"\s+(?:who|that)\s+(?:[^\s,;:()“”\"]+\s+){1,7}$")
RELATIVE_CLAUSE_WINDOW = 90
SPEAKER_WINDOW = 250
MAX_APPOSITIVE_WORDS = 40


def postmodified_head(text: str, tokens: list[Range], lexicon: Lexicon) -> bool:
    """Whether a speaker word is followed by a phrase that describes it ("a staffer in the room")."""
    # Words that open a phrase after a speaker's head noun: "a person familiar with the matter",
    # "a staffer in the room", "officials close to the talks".
    modifiers, prepositions = lexicon.grammar["source_modifiers"], lexicon.grammar["postmodifying_prepositions"]
    last = text[tokens[-1][0]:tokens[-1][1]].lower()
    for (s, e), (ns, ne) in zip(tokens, tokens[1:-1], strict=False):
        if text[s:e].lower() in lexicon.subject_pronouns:
            return False  # "(accused) it of …"
        if text[ns:ne].lower() == "of" and (last in lexicon.grammar["function_words"]
                                            or last in lexicon.grammar["determiners"]):
            return False  # "Forty-three percent of all (reported …)": the phrase stops short of its noun
        following = text[ns:ne]
        if following.lower() in modifiers or following.lower() in prepositions \
                or following.endswith("ing") and following.islower() and following not in lexicon.cue_forms \
                and following not in lexicon.grammar["prepositional_participles"]:
            # (a participle describes the head too: "protesters marching through the streets")
            word = text[s:e]
            return word.lower() not in lexicon.grammar["function_words"] and head_ok(word, lexicon) and (
                word[0].islower() or word.lower() in lexicon.role_heads or word.lower() in lexicon.anonymous_heads
                or text[ns:ne].lower() in modifiers)  # "Many in the crowd"
    return False


def determined_noun(text: str, tokens: list[Range], lexicon: Lexicon) -> bool:
    """A short phrase led by a determiner and ending in a plain word: "one user", "the businessman"."""
    first = text[tokens[0][0]:tokens[0][1]].lower()
    last = text[tokens[-1][0]:tokens[-1][1]]
    middle = [text[s:e].lower() for s, e in tokens[1:]]
    counted = NUMBER(lexicon).fullmatch(first) is not None and last.endswith("s")  # "520 superdelegates"
    function_words, pronouns = lexicon.grammar["function_words"], lexicon.subject_pronouns
    return (len(tokens) >= 2 and (first in lexicon.grammar["determiners"] or counted) and last.isalpha()
            and last.islower() and not any(w in function_words or w in pronouns for w in middle)
            and not last.endswith("ly")
            and len(tokens) <= 6)


def speaker_before(text: str, clause_start: int, cue_start: int, lexicon: Lexicon) -> Range | None:
    """The speaker phrase that ends right before a cue: ``the ministry said``, ``Waltz, the adviser, said``.

    Returns the span of the whole mention, appositive included, or None. Only the last
    ``SPEAKER_WINDOW`` characters are read, which keeps long sentences linear.
    """
    clause_start = max(clause_start, cue_start - SPEAKER_WINDOW)
    closing = DASH_BEFORE_CUE.search(text, clause_start, cue_start)
    if closing:
        # "Ana Ruiz -- who ran the port -- said": the name before the dashes, with what they set off
        opening = [m for m in DASH.finditer(text, clause_start, closing.start())]
        if opening:
            head = speaker_before(text, clause_start, opening[-1].start() + 1, lexicon)
            if head is not None and not text[head[1]:opening[-1].start()].strip():
                return head[0], closing.start()
        return None
    end = cue_start
    window_start = max(clause_start, end - BETWEEN_WINDOW)
    window = text[window_start:end]
    between = BETWEEN(lexicon).search(text, window_start, end) \
        if may_end_between(window, lexicon) and not surname_at_end(window, lexicon) else None
    aside = between is not None and PARENTHETICAL(lexicon).match(between.group()) is not None
    if text[clause_start:end].rstrip().endswith(",") and between and between.group().strip() != "," and not aside:
        # "President Obama, dedicating the museum on Saturday, said": the time is in the appositive
        between = None
        end = clause_start + len(text[clause_start:end].rstrip())
    if between:
        end = between.start()
        if between.group().lstrip().startswith(",") and (not aside or "," in text[max(clause_start, end - 120):end]):
            # "Tom Reyes, who …, last week said", "Tom Reyes, the chairman, for example, said": keep the
            # appositive's comma (not ", in fact, even said")
            end = text.index(",", end) + 1
    start, end = _trim(text, clause_start, end, " \t\n\u00a0")
    if start >= end:
        return None
    appositive = text[end - 1] == ","
    head_words = None  # the words before an appositive's first comma
    if appositive:
        end -= 1
        label = PARTY_LABEL_AT_END.search(text, start, end)
        if label:  # "…, Gov. Tom Reyes (R-OH), said": the name and its party, no appositive
            appositive, end = False, label.start()
            start, end = _trim(text, start, end, " \t\n\u00a0")
    segment_end = end
    # Find the boundary before the phrase; with an appositive, step over one comma first.
    labels = [m.span() for m in PARTY_LABEL.finditer(text, start, segment_end)]
    boundaries = [m for m in LEFT_BOUNDARY.finditer(text, start, segment_end)
                  if not any(s <= m.start() < e for s, e in labels)]  # "Rep. Jim Jordan (R-Ohio), …"
    if appositive:
        commas = [m for m in boundaries if text[m.start()] == ","]
        relative = [m for m in commas if RELATIVE_WORD.match(text[m.end():segment_end])]
        if relative:
            # "Tom Reyes, who ran the ferry, the buses and the toll office, said": the name before "who"
            earlier = [m for m in boundaries if m.end() <= relative[0].start()]
            name_end = relative[0].start()
            while earlier and text[earlier[-1].start()] == "," \
                    and AGE_OR_PLACE.fullmatch(text, earlier[-1].end(), name_end):
                name_end = earlier.pop().start()  # "Donna Rawlings, 59, of Ashton, Md., who …": her age and town
            phrase_start = earlier[-1].end() if earlier else start
            named = name_run_before(text, words(text, phrase_start, name_end), lexicon)
            described = speaker_before(text, phrase_start, name_end + 1, lexicon)
            if named or described:  # "Tom Reyes, who …, said", "A dock worker, who asked not to be named, said"
                return (named or described)[0], segment_end
        if not commas:
            return None
        # "Helen Marsh, the director," and "the director, Helen Marsh," and "A senior official, speaking
        # on condition of anonymity,": the segment before the first comma that can head a speaker, not
        # after a coordination ("Ana Diaz, a welder based in Ellery, Ont., and a steward at …,")
        for comma in commas:
            earlier = [m for m in boundaries if m.end() <= comma.start()]
            if earlier and text[earlier[-1].start():earlier[-1].end()].strip().lower() in ("and", "or") \
                    and text[comma.end():segment_end].split(None, 1)[0].lower() \
                    not in lexicon.grammar["joint_appositives"]:
                continue  # (but "Ana Diaz and Tom Reyes, both welders,": one appositive for the two)
            phrase_start = earlier[-1].end() if earlier else start
            if earlier and text[earlier[-1].start():earlier[-1].end()].strip().lower() == "and":
                left = earlier[-2].end() if len(earlier) > 1 else start
                if _two_people(text, left, earlier[-1], comma.start(), lexicon):
                    phrase_start = left  # the two of "Ana Diaz and Tom Reyes, both welders,"
            rest = PARTY_LABEL.sub("", text[phrase_start:comma.start()]).split()
            if rest and OPENING_ADJUNCT(lexicon).match(text, phrase_start, comma.end()):
                continue  # "In a panel discussion in Washington, Marc Morial, …": a time or place, no speaker
            if len(rest) > 1 and rest[0].lower() in lexicon.cue_forms:
                # "(“…,” said) Michael Kofman, an expert,": the cue is not part of the name
                phrase_start = text.index(rest[1], phrase_start + len(rest[0]))
                rest = rest[1:]
            if any(w in lexicon.grammar["auxiliaries"] or w in lexicon.cue_forms for w in rest) \
                    or len(rest) > 1 and rest[-1].lower() in lexicon.subject_pronouns:
                continue  # "“She can claim it, but …”": a clause before the comma, no speaker's head
            following = text[comma.end():segment_end].split(",")[0].split()
            # a noun the lexicon lacks, opening the phrase, names the speaker when a name follows it in
            # commas: "(“…,”) the deckhand, John Rowe, (told)"; not "Until the election, Ana Ruiz, …" nor
            # "One of them, Harbour Group, …"
            named_next = phrase_start == start and len(rest) == 2 and rest[1].isalpha() and rest[1].islower() \
                and rest[0].lower() in lexicon.grammar["determiners"] \
                and rest[1] not in lexicon.grammar["function_words"] \
                and bool(following) and all(w[:1].isupper() for w in following)
            if rest and len(rest) <= 12 and (rest[-1][0].isupper() or head_ok(rest[-1], lexicon) or named_next):
                start = phrase_start
                boundaries = []
                head_words = len(rest)
                break
    after_relative = False
    if boundaries:
        floor, start = start, boundaries[-1].end()
        after_relative = text[boundaries[-1].start():start].lower() in ("who", "that", "which")
        if text[boundaries[-1].start():start].lower() in ("and", "or"):
            # "her advisers and allies": two groups, one speaker; "the Department of Health and Human
            # Services": one name; "Ana Ruiz and Tom Reyes": two people who speak together (other names
            # keep the last: "Ellery, Harbourton and Ashby")
            left = boundaries[-2].end() if len(boundaries) > 1 else floor
            if (_plain_group(text, left, boundaries[-1].start(), lexicon) and _plain_group(text, start, end, lexicon)) \
                    or _org_name_with_and(text, left, boundaries[-1], end, lexicon) \
                    or (_two_people(text, left, boundaries[-1], end, lexicon)
                        and not _in_a_list(text, boundaries[-2] if len(boundaries) > 1 else None, lexicon)):
                start = left
    start, end = _trim(text, start, end)
    junk = LEADING_JUNK.match(text, start, end)
    if junk:
        start = junk.end()
    tokens = words(text, start, end)
    if not tokens:
        return None
    if appositive and head_words is None and any(
            text[s:e] in lexicon.cue_forms and text[s:e].islower() for s, e in tokens[:-1]):
        return None  # "…, a senior aide said Park will have to choose, saying": a clause, not a speaker
    if head_words is not None and len(tokens) <= MAX_APPOSITIVE_WORDS:
        pass  # a long appositive after a short head: "Amanda Nash, health promotion manager with …,"
    elif len(tokens) > 12:
        return name_run_before(text, tokens, lexicon)
    last = text[tokens[-1][0]:tokens[-1][1]]
    published = lexicon.published_statement_regex.search(text, tokens[0][0], cue_start) \
        if last in lexicon.statement_nouns else None
    if published:  # "The town released a statement (saying …)": a clause, whose subject speaks
        return speaker_before(text, clause_start, published.start(), lexicon) if published.start() > tokens[0][0] \
            else None
    lemma = lexicon.cue_forms.get(last) if last.islower() and appositive else None
    if lemma and last not in (lemma, lemma + "s", lemma + "es"):
        # "the mayor said, adding …": the subject of the verb that ends the phrase is the speaker
        tokens = tokens[:-1]
        if not tokens or not head_ok(text[tokens[-1][0]:tokens[-1][1]], lexicon):
            return None
        last = text[tokens[-1][0]:tokens[-1][1]]
        if last.lower() in lexicon.subject_pronouns:
            return tokens[-1]  # "“…,” he said, adding …": he
    if QUANTIFIED(lexicon).fullmatch(text, tokens[0][0], tokens[-1][1]) and not POSSESSIVE_END.search(last):
        return tokens[0][0], tokens[-1][1]  # "most of them said", "many of the workers say"
    if POLL_SHARE(lexicon).fullmatch(text, tokens[0][0], tokens[-1][1]):
        return tokens[0][0], tokens[-1][1]  # "Six in 10 say", "two-thirds said": a share of those polled
    if last.lower() in lexicon.subject_pronouns and not appositive:
        return tokens[-1]  # "It’s something she said": a pronoun takes no words before it
    if last[-2:] in ("’s", "'s") and last[:-2].lower() in lexicon.subject_pronouns and not appositive:
        return tokens[-1][0], tokens[-1][1] - 2  # "He's said": the pronoun, without its "has"
    if last.endswith(("’s", "'s")) and last[:-2].lower() not in lexicon.subject_pronouns and not appositive:
        return None  # "Editor’s note": a possessive modifies the noun after it, it says nothing
    if len(tokens) >= 3 and OF_COUNT(lexicon).fullmatch(text, tokens[-3][1], tokens[-1][1]):
        last = text[tokens[-3][0]:tokens[-3][1]]  # "the 51-year-old mother of two (replied)": the mother
    if not head_ok(last, lexicon) and (not appositive or head_words is None and not last[0].isupper()) \
            and not determined_noun(text, tokens, lexicon) and not postmodified_head(text, tokens, lexicon):
        return None  # (an appositive's head was checked above; "the meeting went badly from there," is none)
    first = text[tokens[0][0]:tokens[0][1]]
    timed = (LEADING_TIME(lexicon).match(text, tokens[0][0], end)
             or adjunct_regex(lexicon).match(text, tokens[0][0], end)) \
        if first.lower() in lexicon.grammar["leading_prepositions"] else None
    if timed and words(text, timed.end(), end):
        tokens = words(text, timed.end(), end)  # "On Wednesday Suncor (said)", "In an interview Trump (said)"
        first = text[tokens[0][0]:tokens[0][1]]
    if first.lower() in lexicon.grammar["leading_prepositions"] or first in ("Having", "Being"):
        return None  # "(…”) without reporters asking", "In the wake of the report": a phrase, not the speaker
    if first[0].islower() and (first.endswith("ed") or first in lexicon.grammar["auxiliaries"]) \
            and first not in lexicon.role_modifiers:
        return None  # "endorsed Clinton, saying", "has derided the plan, suggesting": a verb phrase
    if first[0].islower() and first.endswith("ing") and not first.endswith("thing") and len(tokens) > 1 \
            and _comma_before(text, tokens[0][0]) and first not in lexicon.role_modifiers \
            and (first in lexicon.cue_forms or _opens_object(text[tokens[1][0]:tokens[1][1]], lexicon)):
        return None  # ", referencing a port study (called …)", ", telling Harbour Radio": a participle and its object
    if after_relative and len(tokens) > 1 and first[0].islower() and first not in lexicon.grammar["determiners"] \
            and first not in lexicon.role_modifiers and first not in lexicon.role_heads and is_name_word(last):
        return None  # "officials who spoke with the Post said": the relative clause's verb (see speaker_with_clause)
    if len(tokens) > 1 and first[0].islower() and first.lower() not in lexicon.grammar["determiners"] \
            and first.lower() not in lexicon.role_modifiers and first.lower() not in lexicon.role_heads \
            and not any(text[s:e][0].isupper() for s, e in tokens) and not _unnamed_group(text, tokens, lexicon):
        return None
    end = tokens[-1][1]
    if text.startswith(")", end) and text.count("(", tokens[0][0], end) > text.count(")", tokens[0][0], end):
        end += 1  # "Jeff Lane, chairman of Port Watch (a party committee)": the parenthesis closes in the phrase
    return tokens[0][0], end


def _org_name_with_and(text: str, start: int, conjunction: re.Match[str], end: int, lexicon: Lexicon) -> bool:
    """An organisation's name with "and" in it, split at ``conjunction``: "the Department of Health
    and Human Services", "the Centers for Disease Control and Prevention" (not "the Department of
    Justice and Tom Reyes", nor "the Globe and Mail", whose first half names no organisation's head)."""
    return org_name_across_and(text, [text[s:e] for s, e in words(text, start, conjunction.start())],
                               [text[s:e] for s, e in words(text, conjunction.end(), end)], lexicon)


def org_name_across_and(text: str, before: list[str], after: list[str], lexicon: Lexicon) -> bool:
    """Whether the words of ``text`` before and after an "and" make one organisation's name: an
    organisation's head and a preposition before it ("Department of Health"), or an organisation's
    head ending it ("Securities and Exchange Commission"), with names on both sides. Not two: a place
    ("the Bank of England and Barclays"), a person ("Mayor Ruiz … Ruiz and City Council"), or a
    company that the text names alone elsewhere ("Exxon and Chevron Corporation" in a story that
    names Exxon again; "the Department of Justice and Google")."""
    if not after or not all(is_name_word(w) for w in after) or after[0] in lexicon.titles \
            or after[0].lower() in lexicon.forenames:
        return False
    named = len(before)
    while named and is_name_word(before[named - 1]) and before[named - 1] != "The":
        named -= 1  # the capitalised words right before "and": "(a spokesperson for the) Parks"
    first = " ".join(before[named:])
    if 0 < named < len(before) and before[named - 1].lower() == "the" and first not in lexicon.places \
            and " ".join(after) not in lexicon.places and not _written_alone(text, after[0], before=False):
        return True  # "The Globe and Mail": no one's name takes "the"; two places or two companies do
    if named < len(before) and _org_head(after[-1], lexicon):
        corporate = after[-1].lower().rstrip(".") in lexicon.corporate_words | lexicon.company_words
        return before[named] not in lexicon.titles and before[named].lower() not in lexicon.forenames \
            and first not in lexicon.places and not _named_in_full(text, first, len(text), lexicon) \
            and not (corporate and _written_alone(text, first, before=True))
    # the name's head and preposition ("Department of"), the last before "and" ("A report by the …")
    at = max((i for i, w in enumerate(before) if w in lexicon.grammar["org_name_prepositions"]), default=0)
    return 0 < at < len(before) - 1 and _org_head(before[at - 1], lexicon) and is_name_word(before[at - 1]) \
        and all(is_name_word(w) or w == "the" for w in before[at + 1:]) \
        and " ".join(w for w in before[at + 1:] if w != "the") not in lexicon.places \
        and not (len(after) == 1 and _written_alone(text, after[0], before=False))


def _written_alone(text: str, name: str, before: bool) -> bool:
    """Whether ``text`` writes ``name`` somewhere other than before (``before``) or after an "and":
    a name of its own, not half of one ("Exxon said …" elsewhere; "Securities" never stands alone)."""
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
        joined = text.startswith(" and ", m.end()) if before else text.endswith(" and ", 0, m.start())
        if not joined:
            return True
    return False


def _org_head(word: str, lexicon: Lexicon) -> bool:
    """An organisation's head noun, singular or plural ("Department", "Centers", "Academies", "Churches")."""
    low = word.lower()
    return low in lexicon.org_heads or low.endswith("s") and (
        low[:-1] in lexicon.org_heads or low.endswith("es") and low[:-2] in lexicon.org_heads
        or low.endswith("ies") and low[:-3] + "y" in lexicon.org_heads)


MAX_JOINT_WORDS = 6  # "council leader Ana Ruiz", "Sen. Tom A. Reyes"


def _two_people(text: str, start: int, conjunction: re.Match[str], end: int, lexicon: Lexicon) -> bool:
    """Two people who speak together, "Ana Ruiz and Tom Reyes", "council leader Ana Ruiz and port
    director Tom Reyes": a person's name ending each side of "and", one at least shown a person's by a
    forename or a title, or two surnames the text has written after a forename or a title ("Ana Ruiz
    met Mr. Reyes. Ruiz and Reyes said …")."""
    from quotes.mentions import parse_mention  # (mentions reads this module's patterns)

    sides = [_trim(text, start, conjunction.start()), _trim(text, conjunction.end(), end)]
    first = words(text, *sides[0])
    if first and text[first[0][0]:first[0][1]].lower() == "both":
        sides[0] = (first[1][0], sides[0][1]) if len(first) > 1 else sides[0]  # "Both Ruiz and Reyes have said"
    people = []
    for side_start, side_end in sides:
        if (label := text.find("(", side_start, side_end)) > side_start:
            side_end = _trim(text, side_start, label)[1]  # "Sen. Tom Reyes (Vt.)": the name before the label
        tokens = [text[s:e].lower() for s, e in words(text, side_start, side_end)]
        if not 0 < len(tokens) <= MAX_JOINT_WORDS or tokens[0] in lexicon.sentence_openers \
                or any(t in lexicon.cue_forms or t in lexicon.grammar["function_words"] for t in tokens):
            return False
        person = parse_mention(text, side_start, side_end, lexicon)
        if person.kind != "person" or person.name is None or person.name.end != side_end \
                or person.name.text in lexicon.places:
            return False
        described = [(s, e) for s, e in words(text, side_start, person.name.start) if text[s].islower()]
        if any(not any(part and part.start <= s and e <= part.end for part in (person.role, person.organization))
               for s, e in described):
            return False  # "candidates like Ana Ruiz": lower-case words that are no role of hers
        people.append(person)
    if any(p.gender or p.title or p.role for p in people):
        return True
    return all(len(p.name.text.split()) == 1 and _named_in_full(text, p.name.text, start, lexicon) for p in people)


def _named_in_full(text: str, surname: str, before: int, lexicon: Lexicon) -> bool:
    """Whether the text before ``before`` writes ``surname`` after a forename or a title ("Tom Reyes",
    "Mrs. Reyes"; not "In Reyes")."""
    written = re.compile(rf"(\S+) {re.escape(surname)}\b").finditer(text, 0, before)
    return any(m.group(1) in lexicon.titles or lexicon.title_role(m.group(1)) is not None
               or m.group(1)[:1].isupper() and m.group(1).lower() in lexicon.forenames for m in written)


LIST_WINDOW = 60  # how far back a list's previous item is read


def _in_a_list(text: str, boundary: re.Match[str] | None, lexicon: Lexicon) -> bool:
    """Whether the words before "A and B" end in a comma after a name that is one of a list: "Ellery,
    Harbourton and Ashby" (not "On Sunday, Ana Ruiz and Tom Reyes …", nor "However, …")."""
    if boundary is None or text[boundary.start()] != ",":
        return False
    segment = re.split(r"[,;:.!?“”\"()—–]", text[max(0, boundary.start() - LIST_WINDOW):boundary.start()])[-1].split()
    if not segment or not segment[-1][:1].isupper():
        return False
    first, grammar = segment[0].lower(), lexicon.grammar
    return first not in lexicon.sentence_openers and first not in grammar["leading_prepositions"] \
        and segment[-1].lower() not in grammar["weekdays"] and segment[-1].lower() not in grammar["months"]


def _plain_group(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Up to three lower-case words ending in a speaker noun, after an optional determiner:
    "her advisers", "allies", "local party leaders"."""
    tokens = [text[s:e] for s, e in words(text, start, end)]
    if tokens and (tokens[0].lower() in lexicon.grammar["determiners"]
                   or POSSESSIVE_END.search(tokens[0]) and tokens[0][0].isupper()):
        tokens = tokens[1:]  # "her advisers", "Gore’s friends"
    if tokens and tokens[0][0].isupper() and len(tokens) > 1:
        tokens = tokens[1:]  # "RNC members", "Union members"
    return 0 < len(tokens) <= 3 and all(t.islower() for t in tokens) and head_ok(tokens[-1], lexicon) \
        and not any(t in lexicon.grammar["function_words"] or t in lexicon.cue_forms for t in tokens)


def speaker_with_clause(text: str, clause_start: int, cue_start: int, lexicon: Lexicon) -> Range | None:
    """A speaker with a short relative clause of its own: "those who back her opponents say",
    "groups that sued the state said"."""
    m = RELATIVE_CLAUSE.search(text, max(clause_start, cue_start - RELATIVE_CLAUSE_WINDOW), cue_start)
    if m is None:
        return None
    between, channels = between_words(lexicon), lexicon.grammar["channel_nouns"]
    if all(w in between and w not in channels or w.endswith("ly") for w in text[m.start():m.end()].lower().split()[1:]):
        return None  # "the hacker who first (revealed)": the cue is the relative clause's own verb
        # (but "those who watched the debate (said)" has a verb, "the residents who met him on Friday (say)" too)
    if QUOTE_MARK.search(text, max(clause_start, m.start() - 3), m.start()):
        return None  # "“… unlikely” that Park can win, said …": a quotation and its clause, no speaker
    head = speaker_before(text, clause_start, m.start(), lexicon)
    before = words(text, max(clause_start, m.start() - 12), m.start())
    if head is None and before and text[before[-1][0]:before[-1][1]].lower() in lexicon.relative_heads:
        head = before[-1]  # "those who …"
    if head is None or head[1] != m.start() or not (head_ok(text[head[0]:head[1]].split()[-1], lexicon)
                                                     or text[head[0]:head[1]].lower() in lexicon.relative_heads):
        return None  # "a passion that almost (…)": no speaker noun before the clause
    return head[0], _trim(text, m.start(), m.end())[1]


def _unnamed_group(text: str, tokens: list[Range], lexicon: Lexicon) -> bool:
    """A plural speaker noun in the first three words, before any preposition: "border officials",
    "law enforcement officials", "sources close to her campaign", "majorities in all five" (not
    "endorsed Clinton", "made several statements", "preventing circuit clerks")."""
    for i, (s, e) in enumerate(tokens[:3]):
        word = text[s:e].lower()
        if word in lexicon.grammar["function_words"]:
            return False
        if word.endswith("s") and head_ok(word, lexicon) and word not in lexicon.cue_forms:
            return i < 2 or not any(_verb_like(text[s:e].lower(), lexicon) for s, e in tokens[:2])
    return False


def _verb_like(word: str, lexicon: Lexicon) -> bool:
    """A word that may be the verb of a phrase rather than a modifier of its noun."""
    return word in lexicon.grammar["determiners"] or word in lexicon.cue_forms or word.endswith(("ing", "ed"))


def name_run_before(text: str, tokens: list[Range], lexicon: Lexicon) -> Range | None:
    """For a long left context, the trailing run of capitalised words (a name) if there is one."""
    run: list[Range] = []
    for s, e in reversed(tokens):
        if is_name_word(text[s:e]) or (run and text[s:e].lower() in lexicon.role_heads):
            run.insert(0, (s, e))
        else:
            break
    if run and len(run) <= 6:
        return run[0][0], run[-1][1]
    return None


# A phrase that opens a sentence before its subject: "On Sunday,", "In an interview with CNN,".
OPENING_ADJUNCT = GrammarRegex(
    r"\s*(?:__OPENING_ADJUNCT_WORDS__|(?-i:[A-Z])\w+ing)\b"
    r"(?:[^,;:.!?“”\"]|\.(?=\s+(?-i:[A-Z]))){0,90}(?:,\s*|[“\"][^“”\"\n]{1,60},[”\"]\s*)",  # "with “Fox,” …"
    re.IGNORECASE)  # (a full stop inside a sentence, before a capital, ends an abbreviation: "Asked if Mr. Reyes …,")
# "About 200 protesters", "Some 40 dockers": a number, maybe approximate, opens a subject like a determiner.
NUMBER_FIRST = GrammarRegex(r"(?:(?:__APPROXIMATORS__|some)\s+)?(?:\d+(?:[,.]\d+)*|__NUMBER_WORDS__)(?=\s)",
                            re.IGNORECASE)  # ("On July 6, 2015, Sanders …": a year and its comma open no subject)
# The rest of an opening phrase with a comma of its own: "In a wide-ranging, in-prison interview, …",
# and a date's year: "On July 6, 2015, …"
OPENING_CONTINUED = re.compile(r"(?:(?-i:[a-z])[^,;:.!?“”\"]{0,60}|\d{4}),\s*")


LEADING_TIME = GrammarRegex(rf"(?:{TIME})\s*,?\s+", re.IGNORECASE)
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


WORD_AFTER_COMMA = re.compile(r",\s+([A-Za-z]+)\b(?!\s*,)")


def sentence_subject(text: str, start: int, limit: int, lexicon: Lexicon) -> Range | None:
    """The subject that opens a sentence, for a cue that shares it with an earlier verb:
    "Park continued on Saturday, saying …", "the firm keeps its accounts private but says …".

    The subject is a pronoun, or a name or role phrase (determiner, capitalised words, role and
    organisation words) followed by a lower-case word, its verb.
    """
    m = OPENING_ADJUNCT(lexicon).match(text, start, limit)
    if m is None:
        return _subject_at(text, start, limit, lexicon)
    subject = _subject_at(text, m.end(), limit, lexicon)
    continued = OPENING_CONTINUED.match(text, m.end(), limit)
    if subject is None and continued:
        subject = _subject_at(text, continued.end(), limit, lexicon)
    if subject is None:
        # "And then Harper went on, saying", "Boreing said …, but said": no opening phrase after all
        subject = _subject_at(text, start, limit, lexicon)
    return subject


def _subject_at(text: str, pos: int, limit: int, lexicon: Lexicon) -> Range | None:
    junk = LEADING_JUNK.match(text, pos, limit)
    if junk:
        pos = junk.end()
    timed = LEADING_TIME(lexicon).match(text, pos, limit)
    if timed:
        pos = timed.end()  # "A few minutes later they rushed in and said …"
    tokens = words(text, pos, min(limit, pos + 120))
    if not tokens:
        return None
    first = text[tokens[0][0]:tokens[0][1]]
    if first.lower() in lexicon.subject_pronouns:
        return tokens[0]
    if first.lower() in lexicon.grammar["subordinators"] and len(tokens) > 1:
        # "When they met, Trump was away and said …": the main clause's subject, after the comma;
        # "When Trump spoke and said …": the subordinate clause's
        comma = text.find(",", tokens[0][1], limit)
        pronoun = next((m for m in WORD_AFTER_COMMA.finditer(text, tokens[0][1], limit)
                        if m.group(1).lower() in lexicon.personal_subject_pronouns), None)
        if pronoun is not None:  # "When Tom Reyes, the manager, was asked …, he laughed": past the appositive
            return pronoun.span(1)
        return _subject_at(text, comma + 1 if comma >= 0 else tokens[1][0], limit, lexicon)
    numbered = NUMBER_FIRST(lexicon).match(text, tokens[0][0], limit)
    if numbered is not None and len(tokens) > 1:
        # "About 200 protesters gathered …": the number counts the people the subject's noun names
        subject = _subject_at(text, numbered.end(), limit, lexicon)
        return (tokens[0][0], subject[1]) if subject is not None and subject[0] == words(
            text, numbered.end(), limit)[0][0] else None
    function_words, determiners = lexicon.grammar["function_words"], lexicon.grammar["determiners"]
    if first.lower() in function_words and first.lower() not in determiners \
            or first.lower() in lexicon.grammar["leading_prepositions"] or first.lower() == "ever":
        return None  # "With the council worried, …", "Ever since …", "Amid the protests, …": a phrase, not a subject
    taken = 1 if first.lower() in determiners else 0
    vocabulary = lexicon.subject_words

    def subject_word(i: int) -> bool:
        word = text[tokens[i][0]:tokens[i][1]]
        return is_name_word(word) or ORDINAL.fullmatch(word) is not None \
            or word.lower() not in function_words and (word.lower() in vocabulary or head_ok(word, lexicon))

    opening = taken
    while taken < len(tokens) and taken < 12:
        if taken >= opening > 0 and not subject_word(taken) \
                and all(text[tokens[k][0]].islower() for k in range(opening, taken)):
            # "The port office published …", "the consular-affairs office", "the former dock officers":
            # lower-case words that modify the noun after them, after the determiner or a possessor
            ahead = next((j for j in range(taken + 1, min(len(tokens), taken + 3)) if subject_word(j)), None)
            if ahead is not None and all(MODIFIER.fullmatch(text, *tokens[k]) and text[slice(*tokens[k])]
                                         not in function_words and text[slice(*tokens[k])] not in lexicon.cue_forms
                                         for k in range(taken, ahead)):
                taken = ahead
        if not subject_word(taken):
            # "the Court of Appeals for the 4th Circuit", "The director of the port": "of" or
            # "for" (and "the") inside a subject that goes on after them
            joiner = taken
            while joiner < len(tokens) and joiner - taken < 2 \
                    and text[tokens[joiner][0]:tokens[joiner][1]].lower() in lexicon.grammar["subject_joiners"]:
                joiner += 1
            if taken == 0 or joiner == taken or joiner >= len(tokens) or not subject_word(joiner) \
                    or text[tokens[taken][0]:tokens[taken][1]].lower() == "the":
                break
            taken = joiner
        word = text[tokens[taken][0]:tokens[taken][1]]
        if word.endswith(("’s", "'s")) and subject_word(taken) and word[:-2].lower() not in lexicon.pronoun_words:
            opening = taken + 1  # "the foreign ministry’s port office": modifiers again after a possessor
        taken += 1
    if taken == 0 or taken == len(tokens):
        return None
    last = text[tokens[taken - 1][0]:tokens[taken - 1][1]]
    following = text[tokens[taken][0]:tokens[taken][1]]
    aged = AGE_OR_PLACE.match(text, tokens[taken - 1][1], limit) if following[0].isdigit() else None
    if aged and "," in aged.group() and (after := words(text, aged.end(), min(limit, aged.end() + 30))):
        following = text[after[0][0]:after[0][1]]  # "Ana Ruiz, 70, said …": the age is the subject's
    described = APPOSITIVE.match(text, tokens[taken - 1][1], limit) if text[tokens[taken - 1][1]] == "," else None
    if described and text[described.end(1):described.end(1) + 1] == "," \
            and (_has_role_or_org(described.group(1), lexicon) or described.group(1).startswith("who ")) \
            and (after := words(text, described.end(1), min(limit, described.end(1) + 30))):
        # "Tom Reyes, a former party chairman, became a delegate and said …", "Ana Ruiz, who was
        # speaking in Ottawa, did not name him but told …": the appositive is the subject's
        following = text[after[0][0]:after[0][1]]
        if following[0].islower() and (following.lower() not in function_words
                                       or following.lower() in lexicon.grammar["subject_followers"]) \
                and head_ok(last, lexicon):
            return tokens[0][0], described.end(1)
    timed = LEADING_TIME(lexicon).match(text, tokens[taken][0], limit) if following[0].islower() else None
    if timed is not None and (after := words(text, timed.end(), min(limit, timed.end() + 30))):
        following = text[after[0][0]:after[0][1]]  # "Tom Reyes on Tuesday dismissed …": the time is an adjunct
    if not head_ok(last, lexicon) or last.endswith(("’s", "'s", "’", "'")) or not following[0].islower() \
            or following.lower() in function_words and following.lower() not in lexicon.grammar["subject_followers"]:
        return None
    end = tokens[taken - 1][1]
    if text[end:end + 1] == ")" and "(" in text[tokens[0][0]:end]:
        end += 1  # "Jason Chaffetz (R-Utah)": the label closes
    return tokens[0][0], end


MODIFIER = re.compile(r"[a-z][a-z-]*(?<![a-z]ed)(?<!ing)(?<!ly)")  # "port", "consular-affairs"; not "-ed", "-ly"

# A character inside a descriptive phrase: no clause punctuation, but the full stops of
# "U.K." and "Harbour.Net" are kept.
PHRASE_CHAR = r"(?:[^,.;:!?“”\"()]|\.(?=\w)|(?<=\b[A-Z])\.)"
RIGHT_STOP = re.compile(
    r"[,.;:!?()\[\]“”\"«»]|\s[—–―-]\s|\s(?:in|about|on|during|when|after|before|who|as|at\s+a|at\s+the|"
    r"while|because|that|of\s+the\s+(?:meeting|call|talks)|regarding|concerning|via|through|"
    r"from|last|this|earlier|late|early|told|said|says|added|noted)\s", re.IGNORECASE)


def speaker_after(text: str, cue_end: int, limit: int, lexicon: Lexicon) -> Range | None:
    """The speaker phrase that starts right after a cue: ``said Tammy Bruce, the spokesperson``."""
    start = cue_end
    while start < limit and text[start] in " \t\u00a0":
        start += 1
    if start >= limit:
        return None
    stop = RIGHT_STOP.search(text, start, limit)
    while stop and text[stop.start()] == "." and _abbreviation_before(text, stop.start(), lexicon):
        stop = RIGHT_STOP.search(text, stop.end(), limit)  # "said Army Capt. Dana Cole"
    end = stop.start() if stop else limit
    start, end = _trim(text, start, end, " \t\u00a0")
    tokens = words(text, start, end)
    if not tokens or len(tokens) > 10:
        return None
    first = text[tokens[0][0]:tokens[0][1]]
    if first.lower() not in lexicon.grammar["determiners"] and not first[0].isupper() \
            and first.lower() not in lexicon.subject_pronouns \
            and first.lower() not in lexicon.role_modifiers and first.lower() not in lexicon.role_heads \
            and not (len(tokens) > 2 and text[tokens[-1][0]].isupper()):  # "undecided voter Jane Doe"
        return None
    end = tokens[-1][1]
    named = NAME_AFTER_DESCRIPTION.match(text, end, limit)
    if named and (not any(text[s].isupper() for s, _ in tokens) or first in lexicon.grammar["determiners"]
                  or any(POSSESSIVE_END.search(text, s, e) for s, e in tokens[:-1])) \
            and all(w in lexicon.role_heads for w in named.group(1).split() if w.islower()):
        # "said its general secretary, Greta Solberg.", "said his oldest friend at Harbour College, Tom Reyes",
        # "said Ana Ruiz's spokesman, Tom Lane", "exhorted her host, actress Dana Cole"
        return start, named.end(1)
    head = text[tokens[-1][0]:tokens[-1][1]]
    if not head_ok(head, lexicon) and (not determined_noun(text, tokens, lexicon) or head.endswith("ing")) \
            and not postmodified_head(text, tokens, lexicon):
        return None  # "said a neighbour", but "tweeted a warning" names what was said
    m = APPOSITIVE.match(text, end, limit)
    if m and _has_role_or_org(m.group(1), lexicon) \
            and not any(w.lower() in lexicon.cue_forms for w in m.group(1).split()) \
            and m.group(1).split()[0] not in lexicon.grammar["coordinators"]:  # not ", but the mayor …"
        end = m.end(1)  # not ", who said …": that is a claim of its own
    return start, end


# Inside one sentence, the full stop after a short capitalised word and before a capital is an
# abbreviation's: "a strategist for Mrs. Park" (a search that does not stop at its sentence's end
# keeps to PHRASE_CHAR).
SENTENCE_PHRASE_CHAR = rf"(?:{PHRASE_CHAR}|(?:(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{{2}}))\.(?=\s[A-Z]))"
# An appositive right after the name, within its sentence: ", the state department spokesperson," or
# ", a Labour MP."
APPOSITIVE = re.compile(rf",\s*((?:the|a|an|who|its|his|her|their)\b{SENTENCE_PHRASE_CHAR}{{1,80}}"
                        rf"|[a-z]{SENTENCE_PHRASE_CHAR}{{1,60}}"
                        rf"|(?:[A-Z][\w&.-]*\s+){{0,3}}[A-Z][\w&.-]*[’']s\s+{SENTENCE_PHRASE_CHAR}{{1,60}})"
                        rf"(?=[,.;!?]|$)")
# (the last: ", Harbour Transit's head of policy", a possessive organisation before the role)
NAME_AFTER_DESCRIPTION = re.compile(r",\s*((?:[a-z]+\s+)?(?:[A-Z][\w’'-]*\.?\s+){1,3}[A-Z][\w’'-]*)"
                                    r"(?=\s*(?:[,.;!?]|$))")  # (a role word may open it: ", actress Dana Cole")


def _comma_before(text: str, pos: int) -> bool:
    """A comma before ``pos``, past white space only (read backwards, not by copying the text before)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


def _opens_object(word: str, lexicon: Lexicon) -> bool:
    """A word that opens a verb's object or adjunct: a determiner or a preposition. (Not a name:
    "(voters,) including Ana Ruiz, said" names one of the speakers.)"""
    return word.lower() in lexicon.grammar["determiners"] or word.lower() in lexicon.grammar["adjunct_openers"]


def _abbreviation_before(text: str, dot: int, lexicon: Lexicon) -> bool:
    """Whether the full stop at ``dot`` ends a title ("Capt.") or an initial ("E.")."""
    m = re.search(r"([A-Za-z]+)$", text[max(0, dot - 12):dot])
    return bool(m) and (m.group(1) + "." in lexicon.titles or m.group(1) in lexicon.titles
                        or (len(m.group(1)) == 1 and m.group(1).isupper()))


def _has_role_or_org(phrase: str, lexicon: Lexicon) -> bool:
    tokens = [w.strip(".,’'").lower() for w in phrase.split()]
    return any(t in lexicon.role_heads or t in lexicon.org_heads for t in tokens) or phrase.startswith("who")


# A source runs to the next comma, full stop (not one of "U.S.") or dash.
TITLE_STOP = "|".join(rf"(?<=\b{t})\." for t in ("Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
                                                  "St", "Jr", "Sr", "Rev", "Prof", "Sgt", "Capt", "Inc", "Co", "Corp"))
# (a quoted title inside the phrase is part of it: "according to the “Ferries for All” plan she released")
SOURCE_PIECE = r"(?:[^,;:.!?“”\"—–―-]|(?<=\w)-(?=\w)|(?<=\s)[“\"][^“”\",;:.!?]{1,60}[”\"](?=\s))"
SOURCE = re.compile(rf"{SOURCE_PIECE}+(?:(?:\.(?=\w)|(?<=\b[A-Z])\.|{TITLE_STOP}){SOURCE_PIECE}*)*")


def source_after(text: str, cue_end: int, limit: int, lexicon: Lexicon, any_phrase: bool = False) -> Range | None:
    """The source after "according to": the phrase up to the next comma or full stop, if one of its
    first three words can head a speaker ("a person familiar with the matter", not "the rules"), or
    any phrase there with ``any_phrase`` ("according to early returns", "according to the book")."""
    m = SOURCE.match(text, cue_end, limit)
    if not m:
        return None
    start, end = _trim(text, m.start(), m.end(), " \t\u00a0")
    tokens = words(text, start, end)
    if not tokens or len(tokens) > 20:
        return None
    if any_phrase and text[tokens[0][0]:tokens[0][1]].lower() not in lexicon.grammar["adjunct_openers"]:
        return start, end
    if any(head_ok(text[s:e], lexicon) and text[s:e].lower() not in lexicon.grammar["determiners"]
           for s, e in tokens[:3]):
        return start, end
    # "a count by The Associated Press", "early results of exit polls conducted for …": a little
    # further in, a name or a word for data ("in keeping with the rules set by …" is no source)
    if any(text[s].isupper() or text[s:e].lower() in lexicon.data_words for s, e in tokens[1:6]):
        return start, end
    return None


HEARERS = GrammarRegex(
    r"\s*(?:__HEARER_DETERMINERS__\s+(?:[a-z]+(?:ing|ed|ous|al|ic)\s+)?)?"
    r"(?:[A-Z][\w’'.&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.&-]*)*"
    # (a media noun may end the name: "Harbour's ITV television station")
    r"(?:(?:\s+(?:__MEDIA_MODIFIERS__))?\s+(?:__MEDIA_HEADS__)(?![\w’'-]))?|the\s+\w+|"
    r"[a-z]+s(?=\s+to\s+\w)|"  # "urged residents to …"
    r"(?<=his\s|her\s|our\s)[a-z]+s(?=\s*[,:])|"  # "telling her colleagues, “…”"
    r"(?:an?\s+)?__HEARER_NOUNS__)"
    r"(?:’s|'s)?(?=[\s,.:]|$)",
)
PLURAL_HEARER = re.compile(r"\s*(?:[A-Z][\w-]*\s+)?([a-z][\w-]*[a-z]s)(?=\s)")  # "(told) dockers", "African dockers"
# A hearer named with a role before the name ("told host Tom Reyes", "told CNN anchor Ana Diaz"): the
# role word is checked against the lexicon's roles, so "told friends Reyes was …" keeps its claim.
ROLE_AND_NAME = re.compile(r"\s*([a-z][\w-]*)\s+[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*(?:’s|'s)?(?=[\s,.]|$)")
ADJUNCT_TEMPLATE = (
    r"\s*,?\s*(?:__TIME__|(?:in|at|during|on|via|through|over|after|before)\s+(?:a|an|the|his|her|their|its)?"
    r"\s*(?:[\w’'-]+\s+){0,4}?(?:__SPEECH__)(?:\s+(?:__SPEECH__))?(?![\w’'])(?:\s+(?:with|to|on|at|from|by|for)\s+"
    r"(?:(?:the|a|an|my|our|his|her|their|its)\s+)?(?-i:(?:[a-z][\w’'-]*\s+){0,2}[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*"
    # or a few lower-case words ending the clause: "in a statement to reporters.", "… to the convention that"
    r"|(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*(?=\s*[,.;:!?)]|\s+that\s)))?"
    # a platform, and a show on it: "on Harbour TV’s Morning Desk", "on Fox's “Fox and Friends”"
    r"|(?:on|to)\s+__PLATFORMS__(?:[’']s\s+(?-i:[A-Z]\w*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z]\w*)*|[“\"][^”\"\n]{1,60}[”\"]))?|"
    r"also|again|repeatedly|further|once|flatly|however|though(?=\s*,)|in\s+fact|indeed|"
    r"previously|later|earlier|separately|bluntly|aloud|"
    # manner, maybe with a word of degree, and two of them joined: "so eloquently and simply"
    r"(?:__DEGREE_ADVERBS__\s+)?\w+ly(?:\s+(?:and|but)\s+\w+ly)?|"
    # the writer's own words that announce a verbatim quotation: "said, and I quote, “…”"
    r"__QUOTATION_ASIDES__(?=\s*,)|"
    r"to\s+(?-i:(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*))"
    r"(?![\w’'-])\s*,?"  # whole words only: "again" is no adjunct inside "against"
)


ADJUNCTS = ("adjunct_regex",)  # its key in ``Lexicon.compiled``


def adjunct_regex(lexicon: Lexicon) -> re.Pattern[str]:
    """Adjuncts between a cue and its content (time, channel of speech), with the lexicon's speech nouns.

    Compiled once per lexicon (kept in ``Lexicon.compiled``): building the pattern's text and looking
    it up in ``re``'s cache cost more than the match, on the speaker-phrase path (for speed).
    """
    pattern = lexicon.compiled.get(ADJUNCTS)
    if pattern is None:
        text = lexicon.with_words(ADJUNCT_TEMPLATE.replace("__TIME__", lexicon.with_words(TIME)).replace(
            "__SPEECH__", lexicon.speech_noun_regex.pattern).replace(
            "__PLATFORMS__", lexicon.alternation("platforms", "speech_nouns")))
        pattern = lexicon.compiled.setdefault(ADJUNCTS, re.compile(text, re.IGNORECASE))
    return pattern


def skip_adjuncts(text: str, pos: int, limit: int, hearers: re.Pattern[str] | None, adjuncts: re.Pattern[str],
                  rounds: int = 4) -> int:
    """The position after a cue's hearer (told reporters; ``hearers`` is ``HEARERS`` of the lexicon
    after a verb of telling, else None) and up to ``rounds`` adjuncts (on Thursday)."""
    if hearers is not None:
        m = hearers.match(text, pos, limit)
        if m:
            pos = m.end()
    for _ in range(rounds):
        m = adjuncts.match(text, pos, limit)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


# What opens the question a claim answers ("when asked about the toll"): ``[grammar] question_contexts``.
QUESTION_CONTEXT = GrammarRegex(r"\s*(?:__QUESTION_CONTEXTS__)\b", re.IGNORECASE)
QUOTATION_OPENER = re.compile(r"[“\"‘«]")


def content_start(text: str, cue_end: int, limit: int, lexicon: Lexicon, told: bool,
                  adjuncts: re.Pattern[str]) -> int:
    """Where reported content begins after a cue: past the hearer (told reporters), adjuncts and "that"."""
    pos = skip_adjuncts(text, cue_end, limit, HEARERS(lexicon) if told else None, adjuncts)
    if told:
        hearer = ROLE_AND_NAME.match(text, pos, limit)
        if hearer and hearer.group(1) in lexicon.role_heads:
            pos = skip_adjuncts(text, hearer.end(), limit, None, adjuncts)  # "told host Tom Reyes (she …)"
        elif (plural := PLURAL_HEARER.match(text, pos, limit)) is not None \
                and plural.group(1) not in lexicon.grammar["function_words"]:
            # "told dockers this week she would quit": a plural noun, then the clause's subject
            after = skip_adjuncts(text, plural.end(), limit, None, adjuncts)
            first = [text[s:e] for s, e in words(text, after, min(limit, after + 20))][:1]
            if first and (first[0].lower() in lexicon.personal_subject_pronouns or first[0] == "that"):
                pos = after
    asked = QUESTION_CONTEXT(lexicon).match(text, pos, limit)
    colon = text.find(":", asked.end(), limit) if asked else -1
    if colon >= 0 and not QUOTATION_OPENER.search(text, asked.end(), colon):
        pos = colon + 1  # "told the council when asked about it: “…”": the answer follows the colon
    m = THAT.match(text, pos, limit) or ASIDE_THEN_THAT.match(text, pos, limit)
    if m:
        pos = m.end()
    while pos < limit and text[pos] in " \t\u00a0,:":
        pos += 1
    return pos


def content_range(text: str, start: int, end: int) -> Range:
    """``text[start:end]`` without surrounding space and the final punctuation."""
    start, end = _trim(text, start, end, " \t\n\u00a0,;:")
    if text[end - 1:end] == ")" and "(" not in text[start:end]:
        end -= 1  # "(According to the police, it keeps no figures.)": the parenthesis is the writer's
    m = CONTENT_END.search(text, start, end)
    if m and m.start() > start:
        # keep a closing quote mark that follows the full stop of a quoted sentence
        end = m.start()
    return start, end


# The parts of a phrase between its commas.
PHRASE_PART = re.compile(r"[^,]+")


def predicate_start(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where a speaker phrase ran on into a predicate of its own: at the auxiliary in its head ("Ellen
    Park has adopted the view …:", "a paper … had this to (say)"), or at the comma before a part
    that an auxiliary opens ("Tom Reyes, a broker, has been pushing for …, (arguing)": a predicate,
    not an appositive); None when there is none. After a relative word ("who", "whose", "that")
    a verb belongs to that clause, and the phrase is left whole."""
    auxiliaries, relatives = lexicon.grammar["clause_auxiliaries"], lexicon.grammar["relative_pronouns"]
    if not any(word.strip(",;:()[]“”\"«»„") in auxiliaries for word in text[start:end].split()):
        return None  # most phrases: no auxiliary at all
    for part in PHRASE_PART.finditer(text, start, end):
        for i, m in enumerate(WORD.finditer(text, part.start(), part.end())):
            word = m.group()
            if word in relatives:
                return None
            if word in auxiliaries:
                if part.start() == start:
                    return m.start()
                if i == 0:
                    return part.start() - 1
    return None
