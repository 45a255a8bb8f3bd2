"""Claims a verb takes in other shapes than a "that" clause: the lexicon's ``[cue_frames]``.

"vowed to repeal the law" (infinitive), "urged voters to stay home" (infinitive after a hearer),
"asked whether the plan would work" (wh), "accused the mayor of lying" (of), "described the plan
as reckless" (as), "called the plan “a disgrace”" (predicate, a characterisation) and "called for
an inquiry" or "criticized the deal" (object, a speech act with a noun-phrase object). Which verb
takes which frame is data, measured on PolNeAR train: a frame is listed for a verb only where the
quotes it gives are mostly right there (and on dev).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotes.document import VERBS, Cue, Paragraph
from quotes.lexicon import GrammarRegex
from quotes.phrases import skip_adjuncts
from quotes.rules.base import Found, Rule, example
from quotes.rules.clauses import (
    MIN_CLAIM_WORDS,
    claim,
    content_end,
    is_belief,
    is_tell,
    not_a_speaker,
    relative_subject,
    subject_of,
)
from quotes.rules.engine import Extractor, has_words
from quotes.rules.registry import register
from quotes.rules.reported import reading

PARTICLE_AFTER = re.compile(r"\s*([a-z]+)\b")  # "called for", "asked about"
WH = re.compile(r"(?:if|whether|why|how|what|who|whom|when|where|which)\b")
INFINITIVE = re.compile(r"[\"“‘]?(?:not\s+)?to\s+[\"“‘]?(?-i:[a-z])[\w’'-]*\b")  # "vowed to “bomb …”", "“not to …”"
# Words that end a noun-phrase object before its complement: "accused the mayor| of …".
OBJECT_WORDS = 8
OBJECT = re.compile(r"[^,;:.!?“”\"()—–―]{1,80}?(?=\s+(?:of|as|to|if|whether|why|how|what|who|when|where)\b)")
OBJECT_BEFORE_INFINITIVE = re.compile(r"[^,;:.!?“”\"()—–―]{1,80}?(?=\s+[\"“‘]?(?:not\s+)?to\s+(?-i:[a-z]))")
PREDICATE_WINDOW = 80
AS_QUOTED = re.compile(r"as\s+[“\"‘]")
APPOSITIVE_THEN = re.compile(r"\s*,[^,;:.!?“”\"]{1,60},\s*(?:([“\"‘])|([\w’'-]+))")  # ", his rival, a …"
DETERMINED_PREDICATE = re.compile(r"(?:the|his|her|their|its|this|that|these|those)\s+(?-i:[a-z][\w-]*\s+){1,2}?"
                                  r"((?-i:[a-z][\w-]*))(?=\s*(?:[,.;!?]|\s+and\s))", re.IGNORECASE)
# Narration after a quoted name: "… “reckless” in a post on Friday", "… “the old pier” instead and …".
NARRATION_AFTER_NAME = GrammarRegex(
    r"[,.]?\s*(?:[—–―]|\s-{1,2}\s|\(|,?\s*and\s+(?:he|she|they|it|then|also|in|at|on|later|(?-i:[a-z]+ed))\b"
    r"|instead\b|in\s+(?:a|an|his|her|their)\s+(?:tweet|statement|interview|post|speech)\b"
    r"|(?:on|last|this|late|early)\s+(?:__WEEKDAYS__|week|month|year)\b"
    # a day, a time or a clause of the writer's: "“a disgrace” Wednesday", "“a crazy system” during a
    # stop", "“a terrible situation,” but stopped short …", "“a disgrace” after she …" (PolNeAR
    # keeps "because …" and "when …": they say why it was called so)
    r"|(?-i:__WEEKDAYS__)\b|(?:during|after|before)\s|,?\s*but\s)", re.IGNORECASE)


class Frame(NamedTuple):
    name: str
    start: int  # where the claim starts
    particle: str  # "for" in "called for", or ""


def frames_of(ex: Extractor, cue: Cue) -> dict[str, frozenset[str]]:
    """The frames the cue's lemma takes, bare and with each particle ("call", "call for", "call on")."""
    lemma = ex.lexicon.lemma(cue.text)
    if lemma is None:
        return {}
    if "frames_by_lemma" not in ex.lexicon.compiled:
        by_lemma: dict[str, dict[str, frozenset[str]]] = {}
        for key, frames in ex.lexicon.cue_frames.items():
            head, _, particle = key.partition(" ")
            by_lemma.setdefault(head, {})[particle] = frames
        ex.lexicon.compiled["frames_by_lemma"] = by_lemma
    return ex.lexicon.compiled["frames_by_lemma"].get(lemma, {})


def frame_at(ex: Extractor, cue: Cue, limit: int) -> Frame | None:
    """The frame the words after ``cue`` make, if the cue's lemma takes it."""
    text = ex.text
    by_particle = frames_of(ex, cue)
    if not by_particle:
        return None
    pos = skip_adjuncts(text, cue.end, limit, None, ex.adjuncts, rounds=2)
    particle = ""
    m = PARTICLE_AFTER.match(text[pos:limit])
    if not (m and m.group(1) in by_particle) and pos > cue.end:
        right_after = PARTICLE_AFTER.match(text[cue.end:limit])  # "referred to Ellen Park as": not a hearer
        if right_after and right_after.group(1) in by_particle:
            pos, m = cue.end, right_after
    if m and m.group(1) in by_particle and m.group(1):
        particle = m.group(1)
        pos = skip_adjuncts(text, pos + m.end(), limit, None, ex.adjuncts, rounds=2)
    frames = by_particle.get(particle, frozenset())
    while pos < limit and text[pos] in " \t\u00a0":
        pos += 1
    rest = text[pos:limit]
    if not rest.strip(" .!?,"):
        return None
    if "infinitive" in frames and INFINITIVE.match(rest):
        return Frame("infinitive", pos, particle)
    if "wh" in frames and WH.match(rest):
        return Frame("wh", pos, particle)
    if "as" in frames and AS_QUOTED.match(rest):
        return Frame("as", pos, particle)  # "(the server,) which he described as “an open orchid”": no object here
    obj = OBJECT.match(rest)
    after = rest[obj.end():].lstrip() if obj else ""
    small = obj is not None and not has_words(text, pos, pos + obj.end(), OBJECT_WORDS + 1)
    if "infinitive" in frames and not (small and INFINITIVE.match(after)):
        # "urged all residents travelling to Ellery this week to check …": the object runs to the infinitive
        obj = OBJECT_BEFORE_INFINITIVE.match(rest)
        small = obj is not None and not has_words(text, pos, pos + obj.end(), OBJECT_WORDS + 1)
        after = rest[obj.end():].lstrip() if obj else ""
    if small and "infinitive" in frames and INFINITIVE.match(after):
        hearer = is_tell(ex, cue) and not after.startswith("not")
        return Frame("infinitive", pos + obj.end() + (len(rest[obj.end():]) - len(after)) if hearer else pos, particle)
    if small and "wh" in frames and WH.match(after):
        return Frame("wh", pos + obj.end() + (len(rest[obj.end():]) - len(after)), particle)
    if small and "of" in frames and after.startswith("of "):
        return Frame("of", pos, particle)
    if small and "as" in frames and after.startswith("as "):
        return Frame("as", pos, particle)
    if small and "to" in frames and after.startswith("to "):
        return Frame("as", pos, particle)  # "likened the rules to “burning the charter”": what they are likened to
    if "predicate" in frames and characterises(ex, pos, limit):
        return Frame("predicate", pos, particle)
    if "object" in frames and object_ok(ex, rest):
        return Frame("object", pos, particle)
    return None


def characterises(ex: Extractor, pos: int, limit: int) -> bool:
    """``called the plan “a disgrace”`` or ``called him a liar``: an object, then what it is called."""
    text = ex.text
    para = ex.doc.paragraph_at(pos)
    span = para.span_from(pos)
    window = min(limit, pos + PREDICATE_WINDOW)
    if span is not None and span.start < window and not re.search(r"[,;:.!?]", text[pos:span.start]) \
            and text[pos:span.start].strip():
        return True  # a quoted name for it, after its object
    words = re.findall(r"[\w’'-]+", text[pos:window])
    if len(words) < 2:
        return False
    first = words[0]
    not_predicates = ex.lexicon.grammar["not_predicates"]
    if first.lower() in ex.lexicon.object_pronouns or first[0].isupper() and \
            first.lower() not in ex.lexicon.grammar["determiners"]:
        i = 1
        while i < len(words) and words[i][:1].isupper() and first[0].isupper():
            i += 1  # "called Councillor Tom Reyes a liar": the whole name is the object
        if i >= len(words):
            return False
        name_end = pos + text[pos:window].find(words[i - 1]) + len(words[i - 1])
        if first[0].isupper() and text[name_end:window].lstrip().startswith(","):
            # past an appositive, what the name is called: "called Tom Reyes, her rival, a “fraud”"; not
            # "a group called Harbour Watch, led by …" nor "called Tom Reyes, a friend, onto the stage"
            after = APPOSITIVE_THEN.match(text, name_end, min(limit, name_end + PREDICATE_WINDOW))
            return after is not None and (after.group(1) is not None or after.group(2).lower() in ("a", "an", "the"))
        nxt = words[i].lower()
        return nxt in ("a", "an", "the") or (words[i].islower() and nxt not in not_predicates
                                             and nxt not in ex.lexicon.cue_forms and not nxt.endswith("ly"))
    # "called the plan reckless.", "called the actions lawful, and …": a short object, then one word
    # that ends the clause
    m = DETERMINED_PREDICATE.match(text, pos, window)
    called = m.group(1).lower() if m else ""
    return m is not None and called not in not_predicates and called not in ex.lexicon.grammar["function_words"] \
        and called not in ex.lexicon.cue_forms


def object_ok(ex: Extractor, rest: str) -> bool:
    """A noun-phrase (or gerund) object that can be what was said: not a pronoun alone, a person's
    name alone or a plain "it"."""
    if rest[:1] in "\"“‘":
        return True  # "called for “boots on the docks”": the object is their words
    m = re.match(r"([\w’'-]+)(?:\s+([\w’'-]+))?", rest)
    if not m:
        return False
    first = m.group(1).lower()
    lexicon = ex.lexicon
    if first == "her" and m.group(2) and m.group(2).lower() not in lexicon.grammar["function_words"]:
        return True  # "criticized her plan": a possessive, not the pronoun of "criticized her for …"
    if first in lexicon.grammar["place_prepositions"] and not re.search(r"\bthat\b", rest):
        return False  # "as Tom Lane noted in the Harbour Review": where it was said, and no object
    return not (first in lexicon.object_pronouns or first in lexicon.demonstratives or first in lexicon.subject_pronouns
                or first in ("nothing", "anything", "something"))


def quoted_name_end(ex: Extractor, para: Paragraph, start: int, end: int) -> int:
    """Where the quoted name given to something ends ("called the toll “theft” in a post"): the
    claim is the object and its name, not the narration after it. Names joined by "and" or a comma
    ("“meritless” and “improper”") stay together."""
    span = para.span_from(start)
    if span is None or span.start >= end:
        return end
    last = span
    while (nxt := para.span_from(last.end)) is not None and nxt.start < end \
            and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", ex.text[last.end:nxt.start]):
        last = nxt
    if NARRATION_AFTER_NAME(ex.lexicon).match(ex.text, last.end, end) or ex.adjuncts.fullmatch(ex.text, last.end, end):
        return last.end
    return end


# What follows a comma after the name given, and is the writer's: a relative, a participle, a time,
# or a new clause ("called it “insanity,” and Sanders …", "called him his friend, meeting him …").
# (An -ing word in a list is an adjective: "a kind, loving and decent man".)
COMPLEMENT_TAIL = GrammarRegex(r"\s+(?:and\s+(?:__DESCRIPTION_OPENERS__|(?-i:[A-Z]))|which\b|after\b|before\b"
                               r"|(?!including\b|according\b)(?-i:[a-z]+ing)\b(?!\s*(?:,|and\b|or\b)))")
CLOSING_MARK = re.compile(r"”|\"|''|’|'")


def complement_end(ex: Extractor, para: Paragraph, start: int, end: int) -> int:
    """Where a characterisation ends when a comma after it hands over to the writer's tail (a comma
    inside the quotation only where it closes it: `called it “insanity,” and …`)."""
    text = ex.text
    pos = text.find(",", start, end)
    while pos >= 0:
        closing = CLOSING_MARK.match(text, pos + 1, end)
        after = closing.end() if closing else pos + 1
        if (closing or not ex.inside_quote(para, pos)) and COMPLEMENT_TAIL(ex.lexicon).match(text, after, end):
            return after if closing else pos
        pos = text.find(",", pos + 1, end)
    return end


OBJECT_BREAK = re.compile(r",(?=\s+(?:with\s+whom|so|(?-i:[a-z]+ly))\b)")


def object_end(ex: Extractor, cue: Cue, start: int, end: int) -> int:
    """Where the noun phrase a verb of belief takes ends: "endorsed Tom Reyes | in late May",
    "voters supporting Ellen Park | have said": before an adverb after a comma, a word that opens an
    adjunct or another clause (``[grammar] object_enders``), an adjunct of time, or, after a
    participle that describes a noun ("the dockers supporting Tom Reyes | marched"), before a comma or
    the verb of that noun: an auxiliary, or a lower-case word right after the name backed."""
    text, grammar = ex.text, ex.lexicon.grammar
    before = text[max(0, cue.start - 12):cue.start].split()[-1:]
    modifies = cue.participle and not ex.comma_before(cue.start, max(0, cue.start - 50)) \
        and not (before and before[0].lower() in grammar["function_words"])  # not "is supporting"
    stop = (MODIFIER_BREAK if modifies else OBJECT_BREAK).search(text, start, end)
    if stop and ex.inside_quote(ex.doc.paragraph_at(start), stop.start()):
        stop = None  # "praising “his genuineness; his integrity”"
    end = stop.start() if stop else end
    previous, time_adjunct = "", TIME_ADJUNCT(ex.lexicon)
    for m in WORD_AT.finditer(text, start, end):
        word = m.group()
        if m.start() > start and (word.lower() in grammar["object_enders"]
                                  or modifies and (word in grammar["auxiliaries"] or name_then_verb(previous, word, ex))
                                  or time_adjunct.match(text, m.start(), end)):
            return m.start()
        previous = word
    return end


def name_then_verb(previous: str, word: str, ex: Extractor) -> bool:
    """``… Rand Paul paid``: a lower-case word after a name (not after a possessive, not a small word) is a verb."""
    return previous[:1].isupper() and not previous.endswith(("’s", "'s")) and word[:1].islower() \
        and word not in ex.lexicon.grammar["function_words"]


MODIFIER_BREAK = re.compile(r",")
WORD_AT = re.compile(r"[\w’'-]+")
TIME_ADJUNCT = GrammarRegex(r"(?:(?:in|on|at)\s+(?:late\s+|early\s+|mid-?)?(?:__WEEKDAYS__|__MONTHS__)"
                            r"|(?-i:__WEEKDAYS__))\b", re.IGNORECASE)


class Complement(NamedTuple):
    frame: str
    found: Found


def complement(ex: Extractor, para: Paragraph, cue: Cue) -> Complement | None:
    """The claim a cue's frame gives, with the cue's subject as speaker."""
    if cue.kind not in VERBS:
        return None
    r = reading(ex, para, cue)
    s_start, s_end = r.sentence
    frame = frame_at(ex, cue, s_end)
    if frame is None:
        return None
    speaker, _ = subject_of(ex, cue, s_start)
    antecedent = None
    if speaker is None:
        speaker, antecedent = relative_subject(ex, cue, s_start)
        if speaker is None:
            return None
    if antecedent is None and not_a_speaker(ex, speaker):
        return None
    if re.search(r"\b(?:what|which)\s+$", ex.text[max(s_start, speaker[0] - 12):speaker[0]], re.IGNORECASE) \
            and not (frame.name == "as" and AS_QUOTED.match(ex.text, frame.start)):
        return None  # "what he calls the “harbour club”": the writer names a thing with his words
    end = content_end(ex, para, frame.start, r.sentence)
    if frame.name in ("predicate", "as"):
        end = min(end, quoted_name_end(ex, para, frame.start, end), complement_end(ex, para, frame.start, end))
    min_words = MIN_CLAIM_WORDS
    if frame.name == "object" and is_belief(ex, cue):
        end = object_end(ex, cue, frame.start, end)
        if ex.text[frame.start].isupper():
            min_words = 1  # "endorsed Reyes on Monday": a name alone is what is backed
    found = claim(ex, para, cue, speaker, (frame.start, end), antecedent, min_words)
    return Complement(frame.name, found) if found else None


def frame_rule(frame: str):
    def find(ex: Extractor, para: Paragraph, cue: Cue) -> Found | None:
        found = ex.cached(("complement", cue.start), lambda: complement(ex, para, cue))
        return found.found if found and found.frame == frame else None

    return find


register(Rule(
    "indirect.SV-to", "reported", 50, frame_rule("infinitive"),
    "`S vowed to repeal …`, `S urged voters to …`: what was promised, threatened or asked for",
    must=(
        example("The governor vowed to repeal the ferry tax before the summer.",
                ("indirect.SV-to", "indirect", "to repeal the ferry tax before the summer", "The governor", "vowed")),
        example("The mayor promised to rebuild the pier before the summer.",
                ("indirect.SV-to", "indirect", "to rebuild the pier before the summer", "The mayor", "promised")),
        example("She vows to defend the ferry act against repeal.",
                ("indirect.SV-to", "indirect", "to defend the ferry act against repeal", "She", "vows")),
        example("The mayor pledged to rebuild the pier.",
                ("indirect.SV-to", "indirect", "to rebuild the pier", "The mayor", "pledged")),
        # a noun-homograph form before "to" and a verb, whatever precedes it
        example("The port authority seeks to sell the old pier.",
                ("indirect.SV-to", "indirect", "to sell the old pier", "The port authority", "seeks"), scope="all"),
        example("The mayor vowed to “clean up” the harbour by May.",
                ("indirect.SV-to", "mixed", "to “clean up” the harbour by May", "The mayor", "vowed")),
        example("Ellen Park called on the council “not to sell the pier.”",
                ("indirect.SV-to", "mixed", "the council “not to sell the pier.”", "Ellen Park", "called")),
        example("Ellen Park urged all residents travelling to Ellery this week to check the ferry timetable.",
                ("indirect.SV-to", "indirect", "to check the ferry timetable", "Ellen Park", "urged")),
    ),
    must_not=(
        example("It promises to be a close race on the harbour."),
        example("His vows to the city were broken within a year."),
        example("Her plans to rebuild the pier were dropped."),
        example("The crew went to the pier to repair the crane."),
        example("The crew tried to reach the pier before the storm."),
    ),
    default_confidence=0.7,
))
register(Rule(
    "indirect.SV-wh", "reported", 50, frame_rule("wh"),
    "`S asked whether …`, `S asked the mayor why …`, `S explained how …`",
    must=(
        example("Tom Reyes asked the harbour master whether the ferry would run on Sunday.",
                ("indirect.SV-wh", "indirect", "whether the ferry would run on Sunday", "Tom Reyes", "asked")),
    ),
    default_confidence=0.7,
))
register(Rule(
    "indirect.SV-of", "reported", 50, frame_rule("of"),
    "`S accused the mayor of …`",
    must=(
        example("The union accused the port of hiding the accident reports.",
                ("indirect.SV-of", "indirect", "the port of hiding the accident reports", "The union", "accused")),
    ),
    default_confidence=0.7,
))
register(Rule(
    "indirect.characterisation", "reported", 50, frame_rule("predicate"),
    "`S called the plan \"a disgrace\"`, `S called him a liar`: a mixed quote of the one who called",
    must=(
        example("Ellen Park called the ferry plan “a disgrace to the harbour.”",
                ("indirect.characterisation", "mixed", "the ferry plan “a disgrace to the harbour.”", "Ellen Park",
                 "called")),
        example("Ellen Park called the report “false” on Thursday and in a short statement added nothing more.",
                ("indirect.characterisation", "mixed", "the report “false”", "Ellen Park", "called")),
        example("The mayor called him reckless and unfit for the job.",
                ("indirect.characterisation", "indirect", "him reckless and unfit for the job", "The mayor",
                 "called")),
        # a comma that hands over to the writer's tail ends it: a new clause, a relative, a participle
        example("Ellen Park called the tolls “unfair,” and her office has tried to cut them since.",
                ("indirect.characterisation", "mixed", "the tolls “unfair,”", "Ellen Park", "called")),
        example("Tom Reyes called her his friend, meeting with her in July at the pier.",
                ("indirect.characterisation", "indirect", "her his friend", "Tom Reyes", "called")),
        example("She called him a kind, loving and decent man.",
                ("indirect.characterisation", "indirect", "him a kind, loving and decent man", "She", "called")),
        example('He called it "woke" nonsense.',
                ("indirect.characterisation", "mixed", 'it "woke" nonsense', "He", "called")),
        example("The mayor called the toll plan reckless.",
                ("indirect.characterisation", "indirect", "the toll plan reckless", "The mayor", "called")),
        # past a name's appositive, what the name is called
        example("The mayor called Tom Reyes, her rival, a “fraud.”",
                ("indirect.characterisation", "mixed", "Tom Reyes, her rival, a “fraud.”", "The mayor", "called")),
        # a noun-homograph form after a modal verb is a verb
        example("The paper will brand you a liar.",
                ("indirect.characterisation", "indirect", "you a liar", "The paper", "brand")),
    ),
    must_not=(
        example("The so-called “harbour tax” was dropped in May."),
        example("She called the harbour master on Monday."),
        example("He called it quits after the vote."),
        example("He called the meeting off."),
        example("They called the ferry company twice."),
        example("They read about it on a website called Harbour Daily."),
        # a name with a comma after it, and no predicate past its appositive: naming, or a call
        example("A new club called Harbour Watch, run by two dockers, wants to raise money."),
        example("At the pier, the mayor called Tom Reyes, her old deputy, up to the microphone."),
        # the bare form of a noun homograph, after no subject: the noun
        example("One label Ana Ruiz dislikes is the one her rivals pin on her."),
    ),
    default_confidence=0.7,
))
register(Rule(
    "indirect.characterisation.as", "reported", 50, frame_rule("as"),
    "`S described the plan as …`, `S referred to him as …`, `S likened the plan to …`",
    must=(
        example("Another critic, Tom Lane, likened the new rules to “tearing up the charter” - a charge that stung.",
                ("indirect.characterisation.as", "mixed", "the new rules to “tearing up the charter”",
                 "Another critic, Tom Lane", "likened")),
        example("The auditor described the ferry contract as “a waste of public money.”",
                ("indirect.characterisation.as", "mixed", "the ferry contract as “a waste of public money.”",
                 "The auditor", "described")),
        # the writer's words after the quoted name are not the claim's
        example("Tom Reyes described the crash as a “terrible accident,” but stopped short of blaming the crew.",
                ("indirect.characterisation.as", "mixed", "the crash as a “terrible accident,”", "Tom Reyes",
                 "described")),
        example("Ana Ruiz described the toll as “a disgrace” after the council raised it.",
                ("indirect.characterisation.as", "mixed", "the toll as “a disgrace”", "Ana Ruiz", "described")),
        # the object before its subject, in a relative clause: what the speaker's words describe
        example("The auditor read the ferry contract, which she described as “a waste of public money.”",
                ("indirect.characterisation.as", "mixed", "as “a waste of public money.”", "she", "described")),
        # "to" and a name is the particle and the object, not a hearer ("said to Ellen Park")
        example("Tom Reyes referred to Ellen Park as “a steady hand” on Monday.",
                ("indirect.characterisation.as", "mixed", "Ellen Park as “a steady hand”", "Tom Reyes", "referred")),
    ),
    default_confidence=0.7,
))
register(Rule(
    "indirect.SVO", "reported", 60, frame_rule("object"),
    "`S called for an inquiry`, `S criticized the deal`, `S announced his candidacy`: a speech act with a "
    "noun-phrase object, for the verbs measured to report one",
    must=(
        example("The harbour union called for an independent inquiry into the crane collapse.",
                ("indirect.SVO", "indirect", "an independent inquiry into the crane collapse", "The harbour union",
                 "called")),
        example("The mayor explained her plan for the pier at the meeting.",
                ("indirect.SVO", "indirect", "her plan for the pier at the meeting", "The mayor", "explained")),
        example("The harbour master announced his resignation on Monday.",
                ("indirect.SVO", "indirect", "his resignation on Monday", "The harbour master", "announced")),
        # a quotation alone as the object is a direct quote of the speaker's words
        example("Ellen Park has also called for “boots on the docks.”",
                ("indirect.SVO", "direct", "boots on the docks.", "Ellen Park", "called")),
        # a verb of belief takes a noun phrase: it ends before an adjunct of time, a clause after
        # "when" or "but", and the verb of the noun a participle describes
        example("Ellen Park endorsed Tom Reyes in late May and praised his plan for the pier.",
                ("indirect.SVO", "indirect", "Tom Reyes", "Ellen Park", "endorsed"),
                ("indirect.SVO", "indirect", "his plan for the pier", "Ellen Park", "praised"), scope="all"),
        example("The dockers supporting Tom Reyes and Ana Ruiz paid for the ferry.",
                ("indirect.SVO", "indirect", "Tom Reyes and Ana Ruiz", "The dockers", "supporting"), scope="all"),
        example("Dockers supporting Tom Reyes have marched to the pier twice.",
                ("indirect.SVO", "indirect", "Tom Reyes", "Dockers", "supporting"), scope="all"),
        example("The dockers’ union endorsed Reyes on Wednesday.",
                ("indirect.SVO", "indirect", "Reyes", "The dockers’ union", "endorsed"), scope="all"),
        example("The union praised the ferry plan when it was first put forward.",
                ("indirect.SVO", "indirect", "the ferry plan", "The union", "praised"), scope="all"),
    ),
    must_not=(
        example("The senator denied the charges through her lawyer."),
        example("It is an old scare tactic, as Tom Lane noted in the Harbour Review."),
        # after an article or a possessive, a past form describes a thing: no speech act
        example("The port authority lowered its proposed docking fee after the vote."),
    ),
    default_confidence=0.6,
))
