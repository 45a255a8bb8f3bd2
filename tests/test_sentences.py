"""Sentences from Punkt with the news parameters shipped in the package, never downloaded."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import extract
from quotes.punkt import load_punkt_parameters
from quotes.sentences import paragraphs, sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, 0, len(text))]


@pytest.mark.parametrize("text", [
    "Gov. Jane Doe met Sen. Tom Reyes at 9 a.m. on Tuesday.",
    "The U.S. and the U.N. agreed with Lt. Col. Ann Smith in Jan. last year.",
    "Dr. Ellen Park and Mrs. Clinton visited Sgt. Moore in Calif. on Monday.",
    "The F.B.I. said Gen. Mark Lee was right.",
])
def test_news_abbreviations_do_not_end_sentences(text):
    assert split(text) == [text]


def test_sentence_starters_split_after_an_abbreviation():
    assert split("He was born in the U.S. His parents moved later.") == [
        "He was born in the U.S.", "His parents moved later."]


def test_question_in_quotes_keeps_its_lower_case_attribution():
    assert split('"Are you serious?" she asked. Then she left.') == ['"Are you serious?" she asked.', "Then she left."]


@pytest.mark.parametrize("text", [
    "She chaired the H.W.U.-P.F.L. and then the harbour board for a decade.",
    "The ferry's H.P.A. records show no such crossing, and the Ph.D. thesis says nothing of it.",
    "He dropped a Ph.D. in chemistry for the law.",
    "The tour was called Hey Harbour! and it sold out in a week.",
    "Fans chanted (really?) and then went home.",
])
def test_a_lower_case_word_after_unknown_initials_or_a_title_goes_on_with_the_sentence(text):
    assert split(text) == [text]


@pytest.mark.parametrize("text, expected", [
    ("The vote went to the H.P.A. Its board met on Monday.",
     ["The vote went to the H.P.A.", "Its board met on Monday."]),
    ("Hey Harbour! The tour sold out.", ["Hey Harbour!", "The tour sold out."]),
])
def test_a_capital_after_initials_or_an_exclamation_still_starts_a_sentence(text, expected):
    assert split(text) == expected


def test_paragraph_breaks_are_sentence_breaks():
    text = "First line.\nSecond line\n\n  third line  \nFourth line"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line.", "Second line", "third line", "Fourth line"]


@pytest.mark.parametrize("text", [
    "The council will vote on the\nbudget next week.",
    "The council, which met on Monday,\nwill vote next week.",
    "The council will vote on the \u00a0\nbudget next week.",
    "\u201cWe will not back down, and we\r\nwill keep going,\u201d the mayor said.",
])
def test_a_sentence_wrapped_across_lines_is_one_paragraph(text):
    assert paragraphs(text) == [(0, len(text))]


@pytest.mark.parametrize("text", [
    "The council will vote.\nnext week the mayor decides.",  # a full stop ends the line
    "The council will vote\n\nbudget talks follow.",  # a blank line
    "The council will vote\nBudget talks follow.",  # the next line starts a new sentence
    "The council will vote\u2029budget talks follow.",  # an explicit paragraph separator
    ".menu {\n  width: 100%;\n  height: 20px;",  # style sheet lines
])
def test_a_line_break_between_sentences_or_after_a_blank_line_stays_a_paragraph_break(text):
    assert len(paragraphs(text)) >= 2


def test_parameters_come_from_package_files():
    params = load_punkt_parameters()
    assert {"gov", "sgt", "u.s", "e.u", "no", "a.m", "calif"} <= params.abbrev_types
    assert {"he", "she", "the", "but"} <= params.sent_starters


def test_punkt_files_do_not_end_with_a_newline():
    folder = Path(__file__).parent.parent / "quotes" / "data" / "punkt"
    for path in folder.iterdir():
        assert not path.read_bytes().endswith(b"\n"), path.name


def test_no_code_path_downloads_nltk_data():
    package = Path(__file__).parent.parent / "quotes"
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                assert node.attr != "download", f"{path}: {ast.unparse(node)}"
                assert not (node.attr in ("find", "load") and "nltk" in ast.unparse(node)), path


def test_extraction_runs_with_nltk_data_unreachable(monkeypatch, tmp_path):
    import nltk

    from quotes import extract

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download called"))
    assert extract('"It works offline," said Ellen Park.')[0].speaker.name == "Ellen Park"


def run_python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_splitting_sentences_imports_punkt_without_the_rest_of_nltk():
    """nltk's ``__init__`` imports nearly all of nltk (numpy with it); a process that splits
    sentences holds only the dozen modules Punkt needs, and none stays in the module table."""
    run_python("""
import sys
from quotes.punkt import tokenizer
text = "Tom Reyes said the vote would be close. Ellen Park disagreed."
assert [text[s:e] for s, e in tokenizer().span_tokenize(text)] == [
    "Tom Reyes said the vote would be close.", "Ellen Park disagreed."]
assert [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")] == []
assert "numpy" not in sys.modules
""")


def test_nltk_imported_after_the_splitter_is_nltk_whole():
    """A user's own ``import nltk`` after quotes has split sentences gets every part of nltk."""
    run_python("""
from quotes.punkt import tokenizer
tokenizer().span_tokenize("It works. It does.")
import nltk
import nltk.tokenize.punkt
assert nltk.tokenize.TreebankWordTokenizer().tokenize("It works.") == ["It", "works", "."]
assert nltk.probability.FreqDist("aab")["a"] == 2
assert nltk.tokenize.punkt.PunktSentenceTokenizer is nltk.tokenize.PunktSentenceTokenizer
""")


def test_nltk_imported_before_the_splitter_is_used_as_it_is():
    run_python("""
import nltk.tokenize.punkt
import quotes.punkt
assert quotes.punkt.PunktToken is nltk.tokenize.punkt.PunktToken
text = "Sen. Ellen Park spoke. Tom Reyes left."
assert list(quotes.punkt.tokenizer().span_tokenize(text)) == [(0, 22), (23, 38)]
""")


PARAGRAPHS = [
    "The ferry runs twice a day",
    "The ferry runs twice a day.",
    "“Why now?” the mayor asked.",
    "She said “enough!”",
    "Tom Reyes said the vote would be close. Ellen Park disagreed.",
    "Sen. Ellen Park of the U.S. Senate spoke first.",
    "But you said . . .",
    "The plan was “the cheapest policy we will ever buy.”.",
    "Wait… what happened next?",
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_one_sentence_shortcut_splits_as_punkt_does(paragraph, monkeypatch):
    shortcut = sentences(paragraph, 0, len(paragraph))
    monkeypatch.setattr("quotes.sentences.SENTENCE_END", re.compile(r"."))  # every paragraph goes to Punkt
    assert shortcut == sentences(paragraph, 0, len(paragraph))


# --- Punkt on the standard re engine --------------------------------------------------------

NEWS = [
    "Gov. Jane Doe met Sen. Tom Reyes at 9 a.m. on Tuesday. The talks ran late.",
    "“Why now?” the mayor asked. “Because the money is there.” She left at 5.30 p.m.",
    "The vote was 52-48... Then (as expected) the bill failed. It was 3.5 per cent!",
    "He said: 'No.' Then he said it again -- louder. J.R.R. Tolkien was not there.",
    "Prices rose 1,200.50 dollars in Jan. and 3.4% in Feb. Nobody was surprised.",
    "Café owners (in Zürich) said « non ». Naïve? Perhaps. The Ω-3 plan won.",
]
# Characters on which re and regex disagree (ASCII separators, combining marks, superscripts,
# a digit newer than Python's Unicode tables) or which Punkt treats specially.
ALPHABET = "aZ9 .?!,;:\"'()[]-–—…“”‘’«»\n\t\x1c\x1f\x85\xa0\u2028\u0301\u00b2\u00bd\U00010d40ÉßĲ."


@pytest.mark.parametrize("text", NEWS)
def test_punkt_on_re_gives_the_spans_of_nltks_own_punkt(text):
    from quotes.punkt import stock_tokenizer, tokenizer

    assert list(tokenizer().span_tokenize(text)) == list(stock_tokenizer().span_tokenize(text))


def test_punkt_on_re_agrees_with_nltk_on_any_mix_of_difficult_characters():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from quotes.punkt import stock_tokenizer, tokenizer

    words = st.text(alphabet=ALPHABET, min_size=1, max_size=12)

    @settings(max_examples=400, deadline=None)
    @given(st.lists(words, max_size=30).map(" ".join))
    def same_spans(text):
        assert list(tokenizer().span_tokenize(text)) == list(stock_tokenizer().span_tokenize(text))

    same_spans()


def test_rewritten_white_space_matches_what_regex_matches_on_every_code_point():
    import sys

    import regex

    from quotes.punkt import REGEX_NON_SPACE, REGEX_SPACE

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert re.findall(REGEX_SPACE, everything) == regex.findall(r"\s", everything)
    assert re.findall(REGEX_NON_SPACE, everything) == regex.findall(r"\S", everything)


def test_a_pattern_with_an_engine_dependent_class_is_refused():
    import regex

    from quotes.punkt import on_re

    assert on_re(regex.compile(r"[]s.]+\S")).pattern == r"[]s.]+[\S\x1c-\x1f]"
    for pattern in (r"\w+\.", r"[\s.]+", r"\d"):
        with pytest.raises(ValueError, match="no exact equivalent"):
            on_re(regex.compile(pattern))


def test_a_quote_wrapped_across_lines_is_found_whole():
    text = "“We will not back down from this fight, and we\nwill keep going until the end,” Ellen Park said."
    (quote,) = extract(text)
    assert quote.content.text == "We will not back down from this fight, and we\nwill keep going until the end,"
    assert quote.speaker.name == "Ellen Park"


@pytest.mark.parametrize("text, expected", [
    ("It was the top car in the U.S. “Forget the others,” Ellen Park said.",
     ["It was the top car in the U.S.", "“Forget the others,” Ellen Park said."]),
    ("The U.S. “war on terror” goes on.", ["The U.S. “war on terror” goes on."]),
])
def test_a_quotation_that_opens_with_a_capital_after_initials_starts_a_sentence(text, expected):
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("The bill was backed by Rep. G.K. Lindqvist of Maine.", ["The bill was backed by Rep. G.K. Lindqvist of Maine."]),
    ("It was written by J.R.R. Tolkien in Oxford.", ["It was written by J.R.R. Tolkien in Oxford."]),
    ("She moved to the U.S. He stayed in France.", ["She moved to the U.S.", "He stayed in France."]),
])
def test_initials_of_a_name_do_not_end_a_sentence(text, expected):
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == expected
