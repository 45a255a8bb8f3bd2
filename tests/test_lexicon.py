"""The cue lexicon is data: every inflection is generated, and users extend it with a file."""

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
