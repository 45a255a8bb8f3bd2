"""The cue lexicon is data: every inflection is generated, and users extend it with a file."""

import re

from quotes import extract
from quotes.lexicon import inflect, load_lexicon


def test_regular_inflections():
    assert inflect("warn") == {"warn", "warns", "warned", "warning"}
    assert inflect("deny") == {"deny", "denies", "denied", "denying"}
    assert inflect("argue") == {"argue", "argues", "argued", "arguing"}


def test_builtin_lexicon_has_well_over_a_hundred_cue_forms():
    forms = load_lexicon().cue_forms
    assert len(forms) > 300
    assert {"said", "says", "told", "added", "noted", "warned", "argued", "claimed", "insisted", "stated",
            "explained", "mentioned", "announced", "acknowledged", "wrote", "tweeted"} <= set(forms)


def test_nouns_that_look_like_verbs_are_not_cues():
    forms = load_lexicon().cue_forms
    assert "state" not in forms and "post" not in forms and "stated" in forms


def test_user_lexicon_extends_the_cue_verbs(tmp_path):
    text = "The minister opined that the talks would resume next week."
    assert extract(text, load_lexicon()) == [] or "opine" in load_lexicon().cue_forms.values()
    extra = tmp_path / "mine.toml"
    extra.write_text('[cue_verbs]\nharrumph = []\n', encoding="utf-8")
    lexicon = load_lexicon([str(extra)])
    quotes = extract("The minister harrumphed that the talks would resume next week.", lexicon)
    assert [(q.cue.text, q.speaker.mention.text) for q in quotes] == [("harrumphed", "The minister")]
    assert lexicon.digest != load_lexicon().digest


def test_a_typo_in_a_table_the_rules_read_is_an_error(tmp_path):
    import pytest

    from quotes.lexicon import LexiconError
    from quotes.rules import RegistryError

    # a misspelt key is caught when the lexicon is read, a word the rules cannot use when they compile
    for table, error, message in (
            ('[cue_frames]\ninfinitve = ["vow"]\n', LexiconError, "unknown key 'infinitve'"),
            ('[cue_frames]\nobject = ["harrumph"]\n', RegistryError, "harrumph is not a cue verb"),
            ('[belief_cue_verbs]\nverb = ["think"]\n', LexiconError, "unknown key 'verb'")):
        path = tmp_path / "mine.toml"
        path.write_text(table, encoding="utf-8")
        with pytest.raises(error, match=message):
            extract("The mayor said the bridge was safe.", load_lexicon([str(path)]))


def test_a_user_lexicon_gives_a_verb_a_frame(tmp_path):
    text = "The mayor harrumphed to close the pier before the storm."
    assert extract(text) == []
    path = tmp_path / "mine.toml"
    path.write_text('[cue_verbs]\nharrumph = []\n\n[cue_frames]\ninfinitive = ["harrumph"]\n', encoding="utf-8")
    (quote,) = extract(text, load_lexicon([str(path)]))
    assert (quote.rule, quote.content.text) == ("indirect.SV-to", "to close the pier before the storm")


def test_a_user_lexicon_extends_a_grammar_list(tmp_path):
    # "on Weds" is no time adjunct to the built-in lexicon, so it stays in the speaker phrase
    text = "Mayor Tom Reyes on Weds said the pier would reopen in the spring."
    (quote,) = extract(text)
    assert quote.speaker.mention.text == "Mayor Tom Reyes on Weds"
    path = tmp_path / "mine.toml"
    path.write_text('[grammar]\nweekdays = ["Weds"]\n', encoding="utf-8")
    lexicon = load_lexicon([str(path)])
    assert "weds" in lexicon.grammar["weekdays"] and "monday" in lexicon.grammar["weekdays"]
    (quote,) = extract(text, lexicon)
    assert (quote.speaker.mention.text, quote.content.text) == (
        "Mayor Tom Reyes", "the pier would reopen in the spring")


def test_a_user_lexicon_extends_the_subject_pronouns(tmp_path):
    text = "“The pier will reopen in the spring,” ye said."
    assert extract(text) == []
    path = tmp_path / "mine.toml"
    path.write_text('[pronouns]\nsubject = ["ye"]\n', encoding="utf-8")
    (quote,) = extract(text, load_lexicon([str(path)]))
    assert (quote.speaker.mention.text, quote.cue.text) == ("ye", "said")


def test_a_misspelt_grammar_table_or_list_is_an_error(tmp_path):
    import pytest

    from quotes.lexicon import LexiconError

    for table, message in (
            ('[grammer]\nweekdays = ["Weds"]\n', "unknown table [grammer]: did you mean [grammar]?"),
            ('[grammar]\nweekday = ["Weds"]\n', "unknown key 'weekday' in [grammar]: did you mean weekdays?"),
            ('[names]\nparticle = ["ter"]\n', "unknown key 'particle' in [names]: did you mean particles?")):
        path = tmp_path / "mine.toml"
        path.write_text(table, encoding="utf-8")
        with pytest.raises(LexiconError, match=re.escape(message)):
            load_lexicon([str(path)])


def test_every_grammar_list_is_read_by_the_code():
    """A [grammar] list no rule reads would be a word list that does nothing: each is named in the
    code, as a key (``grammar["determiners"]``) or as a pattern's placeholder (``__WEEKDAYS__``)."""
    from pathlib import Path

    import quotes

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(quotes.__file__).parent.rglob("*.py"))
    unread = [key for key in load_lexicon().grammar
              if f'"{key}"' not in source and f"__{key.upper()}__" not in source]
    assert unread == []


def test_a_pattern_placeholder_without_a_list_is_an_error():
    import pytest

    lexicon = load_lexicon()
    expanded = lexicon.with_words(r"on\s+__WEEKDAYS__")
    assert [re.fullmatch(expanded, f"on {day}") is not None for day in ("Monday", "Sunday", "Thursday", "Day")] \
        == [True, True, True, False]
    with pytest.raises(KeyError, match="weekday"):
        lexicon.with_words(r"on\s+__WEEKDAY__")
