"""Sentences from Punkt with the news parameters shipped in the package, never downloaded."""

import ast
import re
from pathlib import Path

import pytest

from quotes.sentences import load_punkt_parameters, paragraphs, sentences


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


def test_paragraph_breaks_are_sentence_breaks():
    text = "First line\nsecond line\n\n  third line  "
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line", "second line", "third line"]


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
