"""Extraction never raises, keeps every offset true to the text, and is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import extract

MARKS = list("\"'“”‘’«»„‚") + ["``", "''", " — ", ", ", ". ", "\n\n", ":"]
WORDS = ["said", "told", "according to", "Ellen", "Park", "the", "minister", "he", "she", "that", "was",
         "U.S.", "Sen.", "reporters", "on", "Thursday", "added", "a", "spokesperson", "for", "HMRC"]
news_like = st.lists(st.sampled_from(MARKS + WORDS + [" "] * 8), max_size=120).map("".join)


def check(text: str) -> None:
    quotes = extract(text)
    for q in quotes:
        spans = [q.content] + ([q.cue] if q.cue else []) + ([q.speaker.mention] if q.speaker.mention else [])
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text
    assert [q.to_record() for q in extract(text)] == [q.to_record() for q in quotes]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_with_random_quote_marks(text):
    check(text)


def test_adversarial_runs_finish():
    for text in ["“" * 5000, "said " * 3000, "A " * 5000, " " * 20000, ", he said, " * 2000,
                 "According to " * 2000, "\"'" * 4000, "Ellen Park " * 3000 + "said"]:
        check(text)
