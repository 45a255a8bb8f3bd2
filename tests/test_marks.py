"""Quotation marks: pairs by family and context, apostrophes, nesting, and stray marks."""

from quotes.marks import quoted_spans


def inner(text: str) -> list[str]:
    return [text[s.inner_start:s.inner_end] for s in quoted_spans(text, 0, len(text))]


def test_curly_straight_guillemet_and_low_marks():
    assert inner("“one” and \"two\" and «three» and „four“ and ``five''") == ["one", "two", "three", "four", "five"]


def test_apostrophes_are_not_quote_marks():
    assert inner("Russia’s players’ union said the ’90s don’t matter, ‘really’ not.") == ["really"]


def test_single_quotes_nest_inside_double_quotes():
    assert inner("“He told me ‘never again’ and left,” she said.") == ["He told me ‘never again’ and left,"]


def test_guillemets_nest_inside_curly_quotes():
    assert inner("“This is a «nested» quote,” he wrote.") == ["This is a «nested» quote,"]


def test_curly_and_straight_double_marks_close_each_other():
    text = "“The first part,\" he said. \"The second part.”"
    assert inner(text) == ["The first part,", "The second part."]


def test_double_mark_after_a_nested_close_and_a_space_closes():
    text = "\"They call it 'a fair night rate,' \" he said."
    assert inner(text) == ["They call it 'a fair night rate,' "]


def test_stray_marks_never_lose_the_rest_of_the_paragraph():
    assert inner("A stray ” here and a » there. “The rest,” she said, “still works.”") == ["The rest,", "still works."]


def test_unclosed_quote_runs_to_the_paragraph_end():
    (span,) = quoted_spans("“It never closes", 0, 16)
    assert (span.closed, span.inner_end) == (False, 16)


def test_reopened_paragraph_is_marked():
    text = "“It never closes"
    (span,) = quoted_spans(text, 0, len(text), previous_open=True)
    assert span.reopens


def test_thousands_of_unbalanced_marks_finish_and_stay_in_bounds():
    text = "“ \" ' « » „ ‚ `` '' " * 2000
    for s in quoted_spans(text, 0, len(text)):
        assert 0 <= s.start <= s.inner_start <= s.inner_end <= s.end <= len(text)
