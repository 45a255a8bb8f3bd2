"""Hand-written scans that replace a regex for speed give exactly the spans the regex gave.

Each test runs the regex it replaces, as it was written, beside the scan on sentences written for
the edge cases: the window's first character, a no-break space, a newline, punctuation.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktToken

from quotes.alternation import alternation, plain_alternation
from quotes.lexicon import TOKEN, WORD_LIST, _opens_sentence, _whole_words_ignoring_case, _words_pattern, load_lexicon
from quotes.marks import MARK
from quotes.mentions import NAME_RUN, NAME_WORD, PARTICLE
from quotes.phrases import BETWEEN, between_words, may_end_between
from quotes.punkt import NewsToken
from quotes.readers import SURROGATE, has_surrogate
from quotes.resolve import PRONOUN, TITLED_BEFORE, word_before
from quotes.rules.filters import CAPTION, CAPTION_WORDS, NEGATION, NEGATION_WORDS
from quotes.sentences import LINE_BREAK, trailing_end

LEXICON = load_lexicon()
LEFT_WORD = re.compile(r"[\w’'.&-]+[ \u00a0]+$")  # what word_before replaces


def left_word_by_regex(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    m = LEFT_WORD.search(text, floor, pos)
    return (m.start(), m.start() + len(m.group().strip())) if m else None


LEFT_CONTEXTS = [
    "said state department spokesperson Tammy Bruce",
    "the harbour board’s chair Ann Lee",
    "Ellery & Sons' director\u00a0Ann Lee",
    "a 52-year-old Ann Lee",
    "the U.S. envoy  Ann Lee",
    "Minister \nAnn Lee",  # $ matches before a newline that ends the window
    "Minister\n Ann Lee",
    "Minister \n\nAnn Lee",
    "first line.\nAnn Lee",
    "(chair) Ann Lee",
    "Ann Lee",
    " Ann Lee",
    "chair_person Ann Lee",
    "a\tchair Ann Lee",
    "Zürich’s mayor Ann Lee",
    "the ٣rd deputy Ann Lee",  # a digit that is not ASCII is \w too
    "x" * 60 + " Ann Lee",  # the word runs past the window's start
    "the long-serving chair of the board of Ellery harbour Ann Lee",
]


@pytest.mark.parametrize("text", LEFT_CONTEXTS)
def test_word_before_gives_the_span_of_the_left_word_regex(text):
    for pos in range(len(text) + 1):
        for floor in {0, max(0, pos - 40), max(0, pos - 3), pos}:
            assert word_before(text, pos, floor) == left_word_by_regex(text, pos, floor), (text, pos, floor)


def test_isalnum_or_underscore_is_exactly_what_w_matches():
    """The scans read ``\\w`` as ``str.isalnum()`` or "_": true of every character there is."""
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    assert {c for c in every_character if c.isalnum() or c == "_"} == set(re.findall(r"\w", every_character))


BEFORE_CUES = [
    "Tom Reyes on Thursday said",
    "Tom Reyes, the harbour master, later this week said",
    "The mayor earlier in Ottawa told",
    "Sen. Ann Lee (D-Ky.) said",
    "Ann Lee (R) told",
    "Ann Lee on Jan. 5th said",
    "Ann Lee on May 12 said",
    "she angrily said",
    "Kelly said",
    "KELLY SAID",
    "Ann Lee, who ran the ferry, last week said",
    "Ann Lee has long argued",
    "Ann Lee went on to say",
    "Ann Lee was quick to note",
    "the minister also, separately, said",
    "the minister ALSO said",
    "The chair two days earlier said",
    "Ann Lee a few weeks ago said",
    "Ann Lee, ,\u00a0said",
    "the minister\nalso said",
    "the minister haſ said",  # under IGNORECASE the long s matches "s": "has"
    "the minister at Zürich said",
    "the minister in Zürich said",
    "Tom Reyes said",
    "Tom Reyes, said",
    "Tom Reyes) said",
    "Tom Reyes_2 said",
    "earlier that day",
    "in 2019 Ann Lee said",
]


@pytest.mark.parametrize("text", BEFORE_CUES)
def test_may_end_between_is_false_only_where_between_cannot_match(text):
    for end in range(len(text) + 1):
        for start in {0, max(0, end - 64), max(0, end - 9), max(0, end - 2), end}:
            if not may_end_between(text[start:end], LEXICON):
                assert BETWEEN(LEXICON).search(text, start, end) is None, (text, start, end)


@pytest.mark.parametrize(("window", "may_match"), [
    ("Tom Reyes ", False), ("the ministry ", False), ("Kelly ", True), ("Ann Lee on Thursday ", True),
    ("Ann Lee (D-Ky.) ", True), ("later this Reyes ", True), ("Ann Lee, ", False), ("the minister haſ ", True),
])
def test_may_end_between_rules_out_the_common_case(window, may_match):
    assert may_end_between(window, LEXICON) is may_match


def cue_words_by_finditer(lexicon, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """find_cues' single words as it found them before: one match object per token."""
    forms = lexicon.cue_forms
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)
            if m.group() in forms or m.group()[:1].isupper() and m.group().lower() in forms
            and _opens_sentence(text, start, m.start())]


PARAGRAPHS = [
    "“We will appeal,” said Ann Lee. Said Tom Reyes: “Never.” He told reporters he disagreed.",
    "The board said, added and warned; she SAID nothing. Says who?",
    "No cue in this one at all.",
    "",
    "said",
    "Ann Lee’s aide-de-camp said it's fine\u00a0— announced\nthe ministry, and Reyes' lawyer noted that.",
    "Ann Lee pointed out that the ferry ran late, and said so.",  # a phrase cue hides its words
    "Zürich’s mayor said: ‘fine’. Warned the union, “no”.",
]


def cues_by_regex(lexicon, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    phrases = [(m.start(), m.end(), m.group()) for m in lexicon.cue_phrase_regex.finditer(text, start, end)]
    words = [w for w in cue_words_by_finditer(lexicon, text, start, end)
             if not any(s <= w[0] < e for s, e, _ in phrases)]
    return sorted(phrases + words)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_find_cues_finds_the_cues_the_regexes_found(paragraph):
    lexicon = load_lexicon()
    text = "Before. " + paragraph + " After said."
    start, end = len("Before. "), len("Before. ") + len(paragraph)
    assert lexicon.find_cues(text, start, end) == cues_by_regex(lexicon, text, start, end)


@pytest.mark.parametrize("memo_size", [3, 100_000])
def test_find_cues_remembers_its_tokens_without_changing_what_it_finds(monkeypatch, memo_size):
    """One lexicon reads every paragraph twice: the tokens it remembers from earlier paragraphs (and
    forgets when the memo fills) never change the cues of the next one."""
    monkeypatch.setattr("quotes.lexicon.TOKEN_MEMO_SIZE", memo_size)
    lexicon = load_lexicon()
    for paragraph in PARAGRAPHS + PARAGRAPHS[::-1]:
        text = "Before. " + paragraph + " After said."
        start, end = len("Before. "), len("Before. ") + len(paragraph)
        assert lexicon.find_cues(text, start, end) == cues_by_regex(lexicon, text, start, end)
    # bounded: never more than the bound and one paragraph's tokens
    assert len(lexicon._token_memo[0]) <= memo_size + max(len(TOKEN.findall(p)) for p in PARAGRAPHS)


def test_a_cue_phrase_whose_first_word_is_no_token_is_searched_everywhere(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[cue_phrases]\nphrases = ["re:tweeted that"]\n', encoding="utf-8")
    lexicon = load_lexicon([str(extra)])
    assert lexicon.cue_phrase_openers is None
    assert load_lexicon().cue_phrase_openers is not None
    text = "Ann Lee re:tweeted that the ferry was late."
    found = lexicon.find_cues(text, 0, len(text))
    assert (8, 23, "re:tweeted that") in found
    assert found == cues_by_regex(lexicon, text, 0, len(text))


@pytest.mark.parametrize("caption", [
    "(AP Photo/Jane Doe)", "(Reuters Photograph by Tom Reyes)", "(AFP Images)", "(File photo)", "(Photos: Ann Lee)",
    "Photo: the harbour at dawn", "Photo credit: Ann Lee", "Credit : Ann Lee", "Caption: the pier",
    "The pier at dawn. / Getty Images", "The pier, via AP Photo", "The pier by Reuters", "The pier /AFP",
    "The pier, by Shutterstock",
])
def test_every_caption_match_holds_one_of_the_caption_words(caption):
    """caption() tests the words first and searches only where one occurs: the same paragraphs."""
    match = CAPTION.search(caption)
    assert match is not None
    assert any(word in match.group() for word in CAPTION_WORDS)


# The patterns as they were written, with the look-behind first; the module's versions match the
# first letter first, for speed.
NAME_RUN_AS_WRITTEN = re.compile(
    rf"(?<![\w’'.-]){NAME_WORD}(?:[ \u00a0]+(?:(?:{PARTICLE}|of|for|&)[ \u00a0]+)?{NAME_WORD}){{0,6}}")
PRONOUN_AS_WRITTEN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
ARTICLE = (
    "Foreign Minister Sergei Lavrov met Ludwig van Beethoven's heir. She said HE would go; his aide, "
    "Ann-Marie O’Brien, and herself. Shell's CEO said: “hers, not his.” Sheila Heston (D-N.Y.) and "
    "Him Lee of the Bank of Canada. Ernst & Young. J.R.R. Tolkien’s estate. x.Ann and -Bob; 'Carl.\n"
    "Émile Zola\u00a0Fils, Hershey, Shehe, he’s, she's, HERSELF, _he, 2she, Mc Donald for Ellery."
)


@pytest.mark.parametrize(("fast", "as_written"), [(NAME_RUN, NAME_RUN_AS_WRITTEN), (PRONOUN, PRONOUN_AS_WRITTEN)])
def test_first_letter_first_patterns_match_as_written(fast, as_written):
    for start in range(0, len(ARTICLE), 7):
        spans = [m.span() for m in fast.finditer(ARTICLE, start)]
        assert spans == [m.span() for m in as_written.finditer(ARTICLE, start)]
    assert len(list(fast.finditer(ARTICLE))) >= 8


ACCORDING_TEXT = (
    "According to Ann Lee, the ferry ran late; according\u00a0to the board, per the city, and as  reported "
    "by the Sentinel. PER capita, paper, per-diem, super, _per, 2per, ACCORDING TO, accordingly to, "
    "In keeping with custom. Per\nthe rules. ſer, İn keeping with, accoRding\tto, (per) “per” per"
)


@pytest.mark.parametrize("phrases", [
    {"according to", "per", "as reported by", "in keeping with"},
    {"per", "Per cent", "a b", "A  long phrase here", "p"},  # one letter, a capital, repeated spaces
    {"'cording to", "per"},  # a first character that is no letter: the pattern as written
])
def test_whole_words_ignoring_case_matches_as_written(phrases):
    fast = _whole_words_ignoring_case(phrases, r"[\w-]")
    as_written = re.compile(r"(?<![\w-])(?:" + _words_pattern(phrases) + r")(?![\w-])", re.IGNORECASE)
    for start in range(len(ACCORDING_TEXT)):
        for end in (len(ACCORDING_TEXT), start + 9):
            assert [m.span() for m in fast.finditer(ACCORDING_TEXT, start, end)] == \
                [m.span() for m in as_written.finditer(ACCORDING_TEXT, start, end)]
    assert len(list(fast.finditer(ACCORDING_TEXT))) >= 3


@pytest.mark.parametrize("before", [
    "The mayor did not", "The mayor has never", "The mayor won't", "She no longer", "The company declined to",
    "He refused to publicly", "The mayor DID NOT", "The mayor Never",
])
def test_every_ascii_negation_holds_one_of_the_negation_words(before):
    """negated() searches NEGATION only where one of the words occurs, or beyond ASCII."""
    window = before + " "
    assert NEGATION.search(window)
    assert any(word in window.lower() for word in NEGATION_WORDS)


def test_a_negation_beyond_ascii_is_left_to_the_regex():
    window = "The mayor refuſed to "  # IGNORECASE matches the long s to "s"; lower() does not
    assert NEGATION.search(window) and not window.isascii()
    assert not any(word in window.lower() for word in NEGATION_WORDS)


TRAILING_END = re.compile(r"[.?!…]*[\"”’')\]]*$")  # what trailing_end replaces


@pytest.mark.parametrize("chunk", [
    "The ferry ran late.", "“Are you serious?” she asked.", "He said it (twice).)", "Fine!”’", "What?!…”",
    "No end", "", ".", "”", "Wait…\n", "Wait.\n\n", "Wait.”\n", "\n", "x.”.”", "a ]", "Line one.\nLine two",
])
def test_trailing_end_is_where_the_trailing_end_regex_starts(chunk):
    assert trailing_end(chunk) == TRAILING_END.search(chunk).start()


@pytest.mark.parametrize("token", ["Trump’s", "“We", "٣٤٥", "-,٣.", "Über", "1,000", "—", "12’", "-٣", "x٣"])
def test_punkt_token_types_are_nltks_own(token):
    """NewsToken remembers the type of a token beyond ASCII: the type nltk gives it, every time."""
    assert NewsToken(token).type == PunktToken(token).type
    assert NewsToken(token).type == PunktToken(token).type


@pytest.mark.parametrize("before", ["a report titled ", "a book entitled\u00a0", "a show called\n", "called  "])
def test_every_title_lead_in_holds_led(before):
    """Resolver._read_name searches TITLED_BEFORE only where "led" occurs before the name."""
    assert TITLED_BEFORE.search(before)
    assert "led" in before


def test_renamed_is_dataclasses_replace():
    """The resolver builds a renamed mention directly; a field added to Mention must reach it too."""
    from dataclasses import replace

    from quotes.model import Mention, Span
    from quotes.resolve import _renamed

    text = "Sen. Ann Lee, chair of the Harbour Board"
    mention = Mention(0, 12, text[:12], "person", Span.of(text, 5, 12), Span.of(text, 14, 19),
                      Span.of(text, 23, 40), Span.of(text, 0, 4), "female", True)
    name = Span.of(text, 9, 12)
    assert _renamed(mention, name) == replace(mention, name=name)
    assert _renamed(mention, name, "organization") == replace(mention, name=name, kind="organization")
    assert len(set(vars(mention).values())) == len(vars(mention)), "every field differs, so each is checked"


def test_mentions_built_without_init_equal_those_init_builds():
    """parse_mention writes a Span's and a Mention's fields directly; they must be the objects the
    dataclasses' own __init__ makes, with every field set."""
    from dataclasses import fields

    from quotes.mentions import _made, parse_mention
    from quotes.model import Mention, Span

    text = "Before it, state department spokesperson Sen. Tammy Bruce said."
    mention = parse_mention(text, 11, 58, load_lexicon())
    assert type(mention) is Mention and mention.name.text == "Tammy Bruce" and mention.role.text == "spokesperson"
    for made in (mention, mention.name, mention.role, mention.title):
        assert vars(made).keys() == {f.name for f in fields(made)}
        rebuilt = type(made)(**{f.name: getattr(made, f.name) for f in fields(made)})
        assert made == rebuilt and hash(made) == hash(rebuilt) and repr(made) == repr(rebuilt)
    assert _made(Span, start=1, end=3, text="ef") == Span.of("Before", 1, 3)
    with pytest.raises(AttributeError):
        mention.name = None  # still frozen
    assert not hasattr(Mention, "__post_init__") and not hasattr(Mention, "__slots__")


# ---- word lists factored by common beginnings (quotes.alternation) ----------------------------------

# What may follow an alternation in the rules' patterns: nothing, a word's end, more of a word that
# the alternation's choice decides, an optional next word, a repeat, an anchor at the end.
CONTEXTS = ["{}", r"{}\b", r"{}(\w*)", r"({})(?:\s+\w+)?", r"(?:{}\s*,?)+\s*$", r"(?<!\w){}(?=\s|$)", r"x?{}a",
            r"({})\w?\b"]


def assert_matches_as_plain(words: list[str], text: str, flags: int) -> None:
    for context in CONTEXTS:
        plain = re.compile(context.format(plain_alternation(words)), flags)
        factored = re.compile(context.format(alternation(words)), flags)
        for pos in range(len(text) + 1):
            for find in ("match", "search", "fullmatch"):
                a, b = getattr(plain, find)(text, pos), getattr(factored, find)(text, pos)
                assert (a and a.regs) == (b and b.regs), (words, text, context, find, pos)


@pytest.mark.parametrize(("words", "text", "first"), [
    (["on", "on the other hand"], "on the other hand", "on"),  # the word written first is preferred
    (["on the other hand", "on"], "on the  other hand", "on the  other hand"),
    (["in fact", "in", "in turn"], "in turn", "in"),  # neither order: kept plain
    (["late", "later", "Late"], "Later", "Late"),  # a capital beside a small letter: kept plain
    (["a", "Abb", "ab"], "abb", "a"),  # (factored, "ab" would be tried before "Abb")
])
def test_a_factored_alternation_prefers_the_word_the_plain_one_prefers(words, text, first):
    assert re.compile(alternation(words), re.IGNORECASE).match(text).group() == first
    assert_matches_as_plain(words, text, re.IGNORECASE)


def test_lists_whose_order_a_trie_cannot_keep_stay_plain():
    assert alternation(["in fact", "in", "in turn"]) == plain_alternation(["in fact", "in", "in turn"])
    assert alternation(["late", "Late"]) == plain_alternation(["late", "Late"])
    assert alternation(["café", "cafe"]) == plain_alternation(["café", "cafe"])
    assert alternation(["on", "on the other hand", "in fact", "in turn"]) \
        == r"(?:(?:on(?:\s+the\s+other\s+hand)??|in\s+(?:fact|turn)))"


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="abA -", min_size=1, max_size=5).filter(str.strip), min_size=1, max_size=6),
       text=st.text(alphabet="abA -,\n", max_size=12), ignore_case=st.booleans())
def test_factored_alternations_match_as_plain_ones(words, text, ignore_case):
    assert_matches_as_plain(words, text, re.IGNORECASE if ignore_case else 0)


def test_the_words_of_between_are_those_of_its_pattern_written_plain():
    written = WORD_LIST.sub(lambda m: plain_alternation(LEXICON.data["grammar"][m.group(1).lower()]), BETWEEN.template)
    assert between_words(LEXICON) == frozenset(re.findall(r"[a-z]+", written.lower()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "’", "\ud7ff", "\ud800", "\udbff", "\udc00", "\udfff",
                                         "\ue000", "😀", "\U0010ffff"]), max_size=8))
def test_has_surrogate_is_what_the_surrogate_search_tells(text):
    assert has_surrogate(text) == (SURROGATE.search(text) is not None)


MARK_AS_WRITTEN = re.compile(r"'(?<=[^\s']')(?='')|``|''|‘‘|’’|[\"'“”‘’«»„‚‹›‟]")
LINE_BREAK_AS_WRITTEN = re.compile(r"\r\n|[\n\r\u2029]")
MARKS_TEXT = ("“We’ll see,” she said. ‘Fine’ — ``so'' he said: \"No.\" «Oui» „Ja“ ‚ja‘ ‹non› ‟x” that'''"
              " it's ''twas'' ' ' '' \n\r\n\u2029\r\r\n\n\r end")


@pytest.mark.parametrize(("fast", "as_written"), [(MARK, MARK_AS_WRITTEN), (LINE_BREAK, LINE_BREAK_AS_WRITTEN)])
def test_patterns_whose_alternatives_each_open_with_a_character_match_as_written(fast, as_written):
    for start in range(len(MARKS_TEXT)):
        assert [(m.span(), m.group()) for m in fast.finditer(MARKS_TEXT, start)] == \
            [(m.span(), m.group()) for m in as_written.finditer(MARKS_TEXT, start)]
    assert len(list(fast.finditer(MARKS_TEXT))) >= 7


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "'", "`", '"', "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›",
                                         "‟", "\r", "\n", "\u2029", "é"]), max_size=12))
def test_marks_and_line_breaks_are_found_as_the_patterns_written_with_classes_found_them(text):
    for fast, as_written in ((MARK, MARK_AS_WRITTEN), (LINE_BREAK, LINE_BREAK_AS_WRITTEN)):
        assert [(m.span(), m.group()) for m in fast.finditer(text)] == \
            [(m.span(), m.group()) for m in as_written.finditer(text)]
