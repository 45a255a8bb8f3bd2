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


def test_a_straight_mark_before_an_ellipsis_and_a_word_opens_after_a_full_stop():
    text = "\"It is late,\" she said. \". . . We will open the pier in May.\""
    assert inner(text) == ["It is late,", ". . . We will open the pier in May."]


def test_a_straight_mark_between_closing_punctuation_and_a_word_closes_an_open_quote_or_opens_one():
    # a space is missing on one side: after the quote ("…,"Mia Tran said) or before it (said,"We …)
    assert inner('"The fares rose twice,"Mia Tran said. "They will rise again."') == [
        "The fares rose twice,", "They will rise again."]
    assert inner('The mayor said,"We will fix the ferries." She left.') == ["We will fix the ferries."]
    assert inner('The pier was shut."We lost a month," Tom Lane said.') == ["We lost a month,"]


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


def test_doubled_single_marks_are_double_quotes():
    assert inner("‘‘We will appeal,’’ she said, and ’’we will win.’’") == ["We will appeal,", "we will win."]


def test_a_closing_mark_typed_as_the_opener_of_a_quote_opens_it():
    assert inner("’We will appeal,’ she said. ”We will win,” he said.") == ["We will appeal,", "We will win,"]


def test_a_closing_mark_before_a_capital_mid_sentence_stays_a_closer():
    assert inner("He called it ’Plan B’ and left.") == []


def test_same_style_marks_nest_when_each_is_closed():
    assert inner("“They told me “never again” and left,” she said.") == ["They told me “never again” and left,"]


def test_a_stray_opener_inside_a_quote_that_opens_the_sentence_is_kept_inside_it():
    text = "“I told them “no way, not this year,” Reyes said."
    assert inner(text) == ["I told them “no way, not this year,"]


def test_a_stray_opener_before_a_scare_quote_is_dropped():
    assert inner("“The mayor praised the “spirit” of the crew.") == ["spirit"]


def test_a_stray_closer_inside_a_quote_does_not_cut_it_short():
    assert inner("“The 6\" pipe burst last night,” Reyes said.") == ["The 6\" pipe burst last night,"]
    assert inner("“We are ready” for it, and they know it,” Reyes said.") == ["We are ready” for it, and they know it,"]


def test_a_scare_quote_followed_by_a_spoken_closer_elsewhere_is_left_alone():
    assert inner("He called it “ready” and the council knows it,” Reyes said.") == ["ready"]


def test_a_closer_in_a_paragraph_after_an_open_quote_continues_it_without_a_reopening_mark():
    text = "The city did nothing,” Lee said. “Nothing.”"
    first, second = quoted_spans(text, 0, len(text), previous_open=True)
    assert (text[first.inner_start:first.inner_end], first.reopens) == ("The city did nothing,", True)
    assert text[second.inner_start:second.inner_end] == "Nothing."
    assert inner(text) == ["Nothing."]  # without an open quote before it, the first closer is a stray


def test_three_apostrophes_close_a_nested_quote_then_its_own():
    text = "''He kept asking, 'Is the ferry late again?''' Ms. Park recalled. ''It always was.''"
    assert inner(text) == ["He kept asking, 'Is the ferry late again?'", "It always was."]


def test_three_apostrophes_before_a_word_still_open():
    assert inner("''''Tis the season,'' she said.") == ["''Tis the season,"]
