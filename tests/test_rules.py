"""Each attribution rule and filter, with sentences it must extract and near-misses it must not.

The examples live with the rules in the registry (``quotes/rules``): these tests read them from
there, so a rule cannot exist without them. Every example is written for these tests. An
expectation is (rule, type, content, speaker as written, cue).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes import extract, load_lexicon
from quotes.cli import cli
from quotes.rules import Found, RegistryError, Rule, example, register, registry
from quotes.rules.registry import REGISTRY, markdown_tables


def found(text: str, scope: str = "speech") -> list[tuple[str, str, str, str | None, str | None]]:
    return [(q.rule, q.type, q.content.text, q.speaker.mention.text if q.speaker.mention else None,
             q.cue.text if q.cue else None) for q in extract(text, scope=scope)]


RULES = registry().rules
FILTERS = registry().filters
MUST = [(name, i, ex) for name, item in {**RULES, **FILTERS}.items() for i, ex in enumerate(item.must)]
MUST_NOT = [(name, i, ex) for name, item in {**RULES, **FILTERS}.items() for i, ex in enumerate(item.must_not)]


@pytest.mark.parametrize("name, index, example", MUST, ids=[f"{n}-{i}" for n, i, _ in MUST])
def test_rule_extracts_its_examples(name, index, example):
    assert found(example.text, example.scope) == list(example.quotes)
    if name in RULES:
        assert name in [q[0] for q in example.quotes], f"{name}'s example does not show {name}"


@pytest.mark.parametrize("name, index, example", MUST_NOT, ids=[f"{n}-{i}" for n, i, _ in MUST_NOT])
def test_rule_does_not_extract_its_near_misses(name, index, example):
    assert found(example.text, example.scope) == list(example.quotes)
    assert name not in [q[0] for q in example.quotes]


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_has_examples_and_a_layout(name):
    rule = RULES[name]
    assert rule.must and rule.layout
    assert 0 < rule.confidence <= 1


@pytest.mark.parametrize("name", sorted(registry().boundaries))
def test_every_boundary_cuts_a_claim_in_its_examples(name):
    boundary = registry().boundaries[name]
    assert boundary.must and boundary.description
    for item in boundary.must + boundary.must_not:
        assert found(item.text, item.scope) == list(item.quotes)


def test_the_readme_lists_the_rules_as_the_registry_does():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert markdown_tables() in readme, "run `quotes rules --markdown` and paste it into the README"


def bulletin(ex, para, cue):
    """A rule of a plugin's own: "The Harbour Bulletin has learned that …"."""
    if ex.text[cue.start:cue.end] != "learned":
        return None
    start = ex.text.index("that", cue.end) + 5
    return Found((start, para.end - 1), (para.start, cue.start - 5), cue)


def test_a_plugin_adds_a_rule_without_editing_the_engine():
    text = "The Harbour Bulletin has learned that the ferry will stop in June."
    assert found(text) == []
    lexicon = load_lexicon()
    lexicon.data["cue_verbs"]["learn"] = []  # the plugin's cue word, as a --lexicon file gives it
    rule = register(Rule("indirect.learned", "reported", 1, bulletin, "`S has learned that …`",
                         must=(example(text),)))
    try:
        quotes = extract(text, lexicon)
        assert [(q.rule, q.content.text, q.speaker.mention.text) for q in quotes] == [
            ("indirect.learned", "the ferry will stop in June", "The Harbour Bulletin")]
        with pytest.raises(RegistryError, match="already registered"):
            register(rule)
    finally:
        del REGISTRY.rules[rule.name]


def test_plugins_register_through_entry_points(monkeypatch):
    loaded = []

    class Point:
        def load(self):
            return lambda: loaded.append("registered")

    module = sys.modules["quotes.rules.registry"]  # the name quotes.rules.registry is also its function
    monkeypatch.setattr(module, "entry_points", lambda group: [Point()] if group == "quotes.rules" else [])
    monkeypatch.setattr(REGISTRY, "_plugins_loaded", False)
    registry()
    assert loaded == ["registered"]


def test_a_rule_in_an_unknown_pass_or_category_is_refused():
    with pytest.raises(RegistryError, match="unknown pass"):
        register(Rule("indirect.nowhere", "sometimes", 1, bulletin, "…", must=()))
    with pytest.raises(RegistryError, match="unknown category"):
        register(Rule("indirect.moods", "reported", 1, bulletin, "…", must=(), category="mood"))


LEXICON_RULE = """
[rules."indirect.bulletin"]
pattern = '(?P<speaker>The Harbour Bulletin) (?P<cue>reports) (?P<content>.+)'
layout = "`The Harbour Bulletin reports …`"
confidence = 0.7
must = [
  {text = "The Harbour Bulletin reports the ferry will stop in June.",\
content = "the ferry will stop in June", speaker = "The Harbour Bulletin"},
]
must_not = ["The Harbour Daily reports were late again."]
"""


def test_a_lexicon_adds_a_rule_written_as_a_pattern(tmp_path):
    path = tmp_path / "bulletin.toml"
    path.write_text(LEXICON_RULE, encoding="utf-8")
    lexicon = load_lexicon([str(path)])
    (quote,) = extract("The Harbour Bulletin reports the ferry will stop in June.", lexicon)
    assert (quote.rule, quote.content.text, quote.speaker.mention.text, quote.cue.text, quote.confidence) == (
        "indirect.bulletin", "the ferry will stop in June", "The Harbour Bulletin", "reports", 0.7)
    result = CliRunner().invoke(cli, ["rules", "--check", "--lexicon", str(path)])
    assert result.exit_code == 0, result.output
    assert "indirect.bulletin" in CliRunner().invoke(cli, ["rules", "--lexicon", str(path)]).output


@pytest.mark.parametrize("table, message", [
    ('[rules."x.y"]\npatern = "(?P<speaker>A) (?P<content>b)"', "unknown key patern"),
    ('[rules."x.y"]\npattern = "(?P<speaker>A) b"', "needs the named group"),
    ('[rules."x.y"]\npattern = "(?P<speaker>A) (?P<content>b"', "does not compile"),
    ('[rules."x.y"]\npattern = "(?P<speaker>A) (?P<content>b)"\ncategory = "mood"', "unknown category"),
])
def test_a_malformed_lexicon_rule_is_an_error_not_silence(tmp_path, table, message):
    path = tmp_path / "bad.toml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        extract("A b.", load_lexicon([str(path)]))
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "A b."}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(source), "--lexicon", str(path)])
    assert result.exit_code == 1 and message in result.output


def test_quotes_rules_checks_every_example():
    result = CliRunner().invoke(cli, ["rules", "--check"])
    assert result.exit_code == 0, result.output
    assert "0 examples failed" in result.output


def test_title_after_told_is_not_a_second_fragment():
    quotes = found('"We have to act," the senator told "Morning Report" after the vote.')
    assert [q[2] for q in quotes] == ["We have to act,"]


def test_continuation_stops_at_another_speaker():
    text = ("“The ferry is full every morning,” said Ellen Park.\n\n"
            "Tom Reyes said the council would add a second boat.\n\n"
            "“We heard the residents loud and clear.”")
    quotes = extract(text)
    assert quotes[-1].rule == "direct.continuation"
    assert quotes[-1].speaker.name == "Tom Reyes"


def test_continuation_does_not_reach_far_paragraphs():
    text = ("“The ferry is full every morning,” said Ellen Park.\n\nThe ferry runs at seven.\n\n"
            "It costs two dollars.\n\nTickets are sold on board.\n\n“This is a separate quotation here.”")
    assert [q.rule for q in extract(text)] == ["direct.QCQ-VS"]


ATTRIBUTED_DIRECT_QUOTES = {
    "speaker with a hyphenated adjective": ('"We did not discuss it," soft-spoken Ellen Park said.',
                                            "soft-spoken Ellen Park"),
    "speaker described by a phrase after the head": (
        '"Will the ferry run on Sunday?" a council staffer in the room wondered.', "a council staffer in the room"),
    "anonymous source familiar with something": (
        '"It was not a convincing plan," said one official familiar with the talks.',
        "one official familiar with the talks"),
    "question, then an attribution with a prepositional phrase": (
        '"How long will the repairs take?" Ellen Park said in response.', "Ellen Park"),
    "question, then an attribution with a participle": (
        '"Who pays for it?" Tom Reyes asked, repeating his question from May.', "Tom Reyes"),
    "speaker with a party tag": ('"We will vote no," state Sen. Ellen Park (D) said after the debate.',
                                 "state Sen. Ellen Park"),
    "speaker described by age": ('"He has always been a fair man," said the 52-year-old.', "the 52-year-old"),
    "description, then the name after the cue": ('"Targets do not staff wards," said its general secretary, '
                                                 'Greta Solberg.', "its general secretary, Greta Solberg"),
    "speaker led by an adjective": ('"I do not know where he stands," said undecided voter Jane Doe of Milford.',
                                    "undecided voter Jane Doe of Milford"),
    "question, then asked with a long hearer": (
        '"Did you know about the cracks?" Tom Reyes asked the city engineer.', "Tom Reyes"),
}


@pytest.mark.parametrize("name", ATTRIBUTED_DIRECT_QUOTES)
def test_direct_quote_is_attributed(name):
    text, speaker = ATTRIBUTED_DIRECT_QUOTES[name]
    quotes = extract(text)
    assert [(q.type, q.speaker.mention.text) for q in quotes] == [("direct", speaker)]


def test_pronoun_never_resolves_to_a_sentence_opening_phrase():
    (quote,) = extract('On Twitter, she answered by saying, "Seriously, just stop it."')
    assert quote.speaker.name == "she"


def test_relative_who_resolves_to_the_name_before_it():
    (quote,) = extract("The plan was backed by Maria Lopez, who has said the city cannot wait another winter.")
    assert quote.speaker.mention.text == "who"
    assert quote.speaker.name == "Maria Lopez"


def test_speaker_after_cue_reads_past_a_title_abbreviation():
    (quote,) = extract('"We held the line," said Army Capt. Dana Cole.')
    assert quote.speaker.mention.text == "Army Capt. Dana Cole"
    assert quote.speaker.name == "Dana Cole"


def test_offsets_point_into_the_original_text():
    text = open_seed()
    for q in extract(text):
        assert text[q.content.start:q.content.end] == q.content.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker.mention:
            assert text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.mention.text


def test_every_quote_records_its_rule_confidence_and_position():
    text = "First paragraph here.\n\nThe minister said the talks would resume next week. Then she left."
    (quote,) = extract(text)
    assert quote.rule == "indirect.SVC"
    assert 0 < quote.confidence <= 1
    assert (quote.paragraph, quote.sentence) == (1, 1)


def open_seed() -> str:
    from importlib import resources

    return resources.files("quotes").joinpath("examples/rubio-lavrov.txt").read_text(encoding="utf-8")


def test_parenthetical_fragments_share_a_group():
    lead, rest = extract("The repairs, officials said, would take at least six months.")
    assert lead.group == rest.group is not None
