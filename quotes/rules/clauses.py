"""What several rules share: the subject of a cue, whether words open a clause, and where a claim ends.

There is no parser. A claim's subject is the speaker phrase before its cue (or the subject an
earlier verb shares with it), and its content runs from after the cue's hearer, adjuncts and
"that" to the end of the clause, which is found from punctuation and the words that open the
writer's own clauses.
"""

from __future__ import annotations

import re

from quotes.document import VERBS, Cue, Paragraph
from quotes.lexicon import GrammarRegex
from quotes.mentions import parse_mention
from quotes.phrases import (
    TIME,
    content_range,
    content_start,
    name_run_before,
    sentence_subject,
    speaker_before,
    speaker_with_clause,
    words,
)
from quotes.rules.base import Found
from quotes.rules.engine import Extractor, has_words, quote_type
from quotes.sentences import Range

MIN_CLAIM_WORDS = 2
# "As the Harbour Daily reported, …": the writer passes on what S said.
AS_LEAD = re.compile(r"\s*[\"“]?(?:(?:And|But|Yet)\s+|,\s*)?[Aa]s\s+")
THAT_WORD = re.compile(r"\bthat\b")
DEMONSTRATIVE_THAT = re.compile(r"\bthat\s+$")
# A finite verb right after "that" makes it a pronoun, not the word that opens a clause.
FINITE_FIRST = GrammarRegex(r"__AUXILIARIES__\b")
# After a noun and "that", a verb in the past too: "dresses that showed more …" (a relative's subject)
RELATIVE_VERB = GrammarRegex(r"(?:__AUXILIARIES__|__IRREGULAR_PAST__|(?-i:[a-z]+ed))\b")
# "said on Tuesday at a rally that …": a gap of place, time or manner before "that"
PLAIN_GAP = re.compile(r"[\s,]*(?:at|in|on|of|during|to|before|after|from|with|via|through|over|under|into|for|about|"
                       r"outside|inside|near|by|last|this|earlier|later|again|also|repeatedly)\b", re.IGNORECASE)
DASH_OR_PARENTHESIS = re.compile(r"\s[-—–―(]")
# A clause in the first words of a claim: an auxiliary, a modal or a past-tense verb.
CLAUSE_VERB = re.compile(
    r"\b(?:is|was|were|are|am|be|been|will|would|could|can|should|may|might|must|shall|had|has|have|"
    r"did|does|do|isn’t|wasn’t|won’t|wouldn’t|can’t|don’t|doesn’t|didn’t|isn't|wasn't|won't|"
    r"wouldn't|can't|don't|doesn't|didn't|\w+ed|(?:it|he|she|that|there|what|who|here)[’']s|\w+’re|\w+'re|"
    r"(?:i|he|she|we|they|you|it|who)[’']d|"
    r"\w+’ll|\w+'ll)\b")  # case-sensitive: "May", "Will" and "Can" are names more often than verbs
CLAUSE_WINDOW = 60
# "… and said", "… but says", "…, and later told": a verb that shares the subject before it.
COORDINATED = GrammarRegex(rf",?\s+(?:and|but)\s+(?:(?:also|then|later|again|now|still|\w+ly|{TIME})\s+)?$"
                         r"|\s(?:by|while|before|after|upon)\s+(?:(?:also|then|\w+ly)\s+)?$", re.IGNORECASE)
# ("… and on Monday announced", "…, while also saying")
# A conjunction that opens a subordinate clause inside a sentence: "… cheered when Trump spoke".
SUBORDINATOR = GrammarRegex(r"\b(?:__SUBORDINATORS__)\s+(?=\S)", re.IGNORECASE)
# A sentence that opens with a subordinate clause: "While he said …, the main clause …".
# The sentence's first word is capitalised; a conjunction and a word of degree may come before the
# subordinator: "And when she saw …, …", "Ever since he backed …, …", "Shortly after …".
SUBORDINATE_LEAD = GrammarRegex(r"\s*(?=[A-Z])(?:(?:__COORDINATORS__)\s+)?(?:(?:__SUBORDINATOR_MODIFIERS__)\s+)?"
                                r"(?:__SUBORDINATORS__"
                                # "Three years after Republicans vowed …, the party …"
                                r"|(?:[\w-]+\s+){0,2}(?:__TIME_UNITS__)\s+(?:after|before|since))\b", re.IGNORECASE)
# "Maria Lopez, who said …", "the agency, which has also said …"
# "Maria Lopez, who has said …", and a verb joined to the relative clause's first: "…, who backed
# the plan in May and said …"
RELATIVE = re.compile(r",\s*(who|which)\s+(?:[^,;:.!?“”\"()]{1,80}?\s+and\s+)?"
                      r"(?:(?:has|have|had|also|later|then|\w+ly)\s+){0,2}$", re.IGNORECASE)
COORDINATION_WINDOW = 40  # ", and then also said" fits; searching further back only costs time
# Words that end a claim's subject before any verb: "continued the repairs until …" holds no clause;
# "and" does too, unless it joins names ("Lavrov and Rubio agreed …").
NOT_A_SUBJECT = re.compile(
    r"\b(?:until|after|before|during|when|because|while|since|if|unless|despite|through|against|but|"
    r"than|into|toward|towards|without|amid|whether)\b|\b(?:and|or)\s+(?!(?:his|her|their|its|the)\s)(?-i:[a-z])|"
    r"[,;:—–―]", re.IGNORECASE)  # (but "Ellen Park and her team were …" is a subject)


# Between a cue and the "that" of its clause, a phrase of place, time or channel: "argued at The
# Harbour Review that", "wrote in her memoir that", "said on Tuesday at a rally that".
GAP_BEFORE_THAT = re.compile(
    r"[\s,]*(?:(?:at|in|on|of|during|to|before|after|from|with|via|through|over|under|into|for|about|outside|"
    r"inside|near|by|last|this|earlier|later|again|also|repeatedly)\b[^.;:!?“”\"]{0,90}?|[^.;:!?]{1,60}?)"
    r",?\s+that\s+", re.IGNORECASE)
GAP_WORDS = 12


def is_tell(ex: Extractor, cue: Cue) -> bool:
    """tell and ask take a hearer before their content: "told reporters (that) …" (``[hearer_cue_verbs]``)."""
    return ex.lexicon.lemma(cue.text) in ex.lexicon.hearer_lemmas


def after_cue(ex: Extractor, cue: Cue, limit: int) -> int:
    """Where the words after ``cue`` begin, up to ``limit``: :func:`quotes.phrases.content_start`, read
    once per cue and limit (how the cue is read and where its claim starts both ask)."""
    return ex.cached(("after cue", cue.start, limit),
                     lambda: content_start(ex.text, cue.end, limit, ex.lexicon, is_tell(ex, cue), ex.adjuncts))


def claim_start(ex: Extractor, cue: Cue, limit: int) -> tuple[int, bool]:
    """Where the claim after ``cue`` starts, and whether a "that" introduced it: past the hearer,
    adjuncts and "that" (:func:`quotes.phrases.content_start`), and past a longer phrase of place,
    time or channel when a "that" follows it ("said on Tuesday at a rally that …")."""
    text = ex.text
    told = is_tell(ex, cue)
    start = after_cue(ex, cue, limit)
    if text[cue.end:start].strip().startswith("that ") and FINITE_FIRST(ex.lexicon).match(text, start, limit):
        # "said that night was the best of his life": what looked like a time is the claim's subject
        return cue.end + len(text[cue.end:start]) - len(text[cue.end:start].lstrip()), False
    if THAT_WORD.search(text[cue.end:start]):
        that = DEMONSTRATIVE_THAT.search(text, cue.end, start)
        if that is not None and FINITE_FIRST(ex.lexicon).match(text, start, limit):
            return that.start(), False  # "said that was a natural part of it": "that" is the subject
        return start, True
    m = GAP_BEFORE_THAT.match(text, start, limit)
    if m is None:
        return start, False
    gap = text[start:m.end()]
    plain_gap = m.group().lstrip(" ,")[:1].islower() and PLAIN_GAP.match(gap)
    if not (plain_gap or told) or has_words(text, start, m.end(), GAP_WORDS + 1) or DASH_OR_PARENTHESIS.search(gap) \
            or verb_in_gap(text, start, m.end() - 5) or para_cue_between(ex, start, m.end()) \
            or RELATIVE_VERB(ex.lexicon).match(text, m.end(), limit) \
            or not (opens_clause(ex, m.end(), limit) or clause_after_that(ex, m.end())):
        # "agreed on that specific point", "described a group that was …": no clause; "added to the
        # delays that have …": a "that" with a verb right after it is the subject of a relative clause
        return start, False
    return m.end(), True


DETERMINED_PARTICIPLE = re.compile(r"\b(?:a|an|the|his|her|their|its|our)\s+(?-i:[a-z])\w*ed$", re.IGNORECASE)


def verb_in_gap(text: str, start: int, end: int) -> bool:
    """A verb in the words between a cue and "that": a clause of its own, no adjunct ("said in a
    heated argument that …" has none: in a phrase of place or time, a determiner's -ed word
    describes a noun; "agreed to repair the closed piers and …" is a clause)."""
    described = PLACE_OR_TIME_OPENER.match(text, start, end) is not None
    return any(not (described and DETERMINED_PARTICIPLE.search(text, start, verb.end()))
               for verb in CLAUSE_VERB.finditer(text, start, end))


PLACE_OR_TIME_OPENER = re.compile(r"[\s,]*(?:in|at|on|during)\b", re.IGNORECASE)


PRONOUN_OR_QUOTATION = re.compile(r"[\"“‘]|[A-Za-z]+\b")


def clause_after_that(ex: Extractor, start: int) -> bool:
    """What follows "that" opens a clause whatever its verb: a subject pronoun ("that she cast her
    vote") or a quotation ("that “when you win, it's beautiful.”")."""
    m = PRONOUN_OR_QUOTATION.match(ex.text, start)
    return m is not None and (not m.group()[0].isalpha() or m.group().lower() in ex.lexicon.subject_pronouns)


def para_cue_between(ex: Extractor, start: int, end: int) -> bool:
    para = ex.doc.paragraph_at(start)
    return any(para.cues_between(start, end, kind) for kind in ("verb", "attitude", "according"))


# A short phrase of time or place that opens a clause: "(admits) in this instance, there were …".
LEADING_PHRASE = re.compile(r"(?:in|at|on|for|by|during|after|before|under|since|over)\s+(?:[\w’'.:-]+\s+){0,4}?"
                            r"[\w’'.:-]+,\s+")


PARTICIPLE = re.compile(r"(?-i:[a-z]+ing)\b")  # "(said Tuesday in Harbourton,) noting …": no clause of the claim


def led_clause(ex: Extractor, start: int, end: int) -> bool:
    """A clause after a short opening phrase of time or place: "in this instance, there were …"."""
    lead = LEADING_PHRASE.match(ex.text, start, end)
    return lead is not None and not PARTICIPLE.match(ex.text, lead.end(), end) and opens_clause(ex, start, end)


def opens_clause(ex: Extractor, start: int, end: int) -> bool:
    """A finite verb comes before the words that would end a subject ("the plan would fail"), after
    a short opening phrase of time or place if there is one."""
    lead = LEADING_PHRASE.match(ex.text, start, end)
    if lead:
        start = lead.end()
    window = min(end, start + CLAUSE_WINDOW)
    verb = CLAUSE_VERB.search(ex.text, start, window)
    if verb is None:
        return False
    return NOT_A_SUBJECT.search(ex.text, start, verb.start()) is None


def not_a_speaker(ex: Extractor, speaker: Range) -> bool:
    phrase = ex.text[speaker[0]:speaker[1]]
    tokens = phrase.split()
    if len(tokens) > 1 and (tokens[-1] == "to"  # "encouraging his supporters … to (ask)"
                            or "," not in phrase and any(t in ex.lexicon.grammar["clause_verbs"] for t in tokens[1:])):
        return True
    return len(tokens) == 1 and (tokens[0].lower() in ex.lexicon.not_speakers
                                 or tokens[0].endswith("ly") and tokens[0].islower())


QUOTATION_MARK = re.compile(r"[“”\"«»]")  # not ’, which is an apostrophe as often


def closes_quotation(text: str, start: int, end: int) -> bool:
    """The first quotation mark in ``text[start:end]`` closes a quotation opened before ``start``
    (a quoted title inside an appositive, "the author of “Going Viral,”", opens and closes in it)."""
    m = QUOTATION_MARK.search(text, start, end)
    return m is not None and (m.group() in "”»"
                              or m.group() == '"' and m.start() > 0 and not text[m.start() - 1].isspace())


ASKED_IN_CONTEXT = GrammarRegex(r"(?:__QUESTION_CONTEXTS__)$", re.IGNORECASE)


def asked_in_context(ex: Extractor, cue: Cue) -> bool:
    """The cue of the question a claim answers ("who told the council when asked about the toll: “…”"),
    which attributes nothing: the cue before it does."""
    return ASKED_IN_CONTEXT(ex.lexicon).search(ex.text, max(0, cue.start - 12), cue.end) is not None


def subject_of(ex: Extractor, cue: Cue, s_start: int) -> tuple[Range | None, str]:
    """The speaker before a cue, and how it was found: the phrase right before it ("SVC"), the
    subject it shares with a verb before it ("coordinated"), or the speaker of the claim before a
    participle ("participle")."""
    # several rules ask for the subject of the same cue: the phrase is read once
    speaker = ex.cached(("speaker_before", s_start, cue.start),
                        lambda: speaker_before(ex.text, s_start, cue.start, ex.lexicon))
    if speaker is not None and closes_quotation(ex.text, *speaker):
        speaker = None  # "with “Harbour Talk,” Ellen Park pointed to …": from inside a quotation, no one phrase
    shown = shown_saying(ex, cue, s_start) if cue.participle else None
    if shown is not None:
        return shown, "SVC"  # "The ad shows footage of Ellen Park asking, “…”": she asks
    if speaker is None:
        speaker = speaker_with_clause(ex.text, s_start, cue.start, ex.lexicon)
        if speaker is None and (opening := opening_participle_end(ex, cue)) is not None:
            # "Citing “family duties,” the mayor skipped the vote": the main clause's subject
            subject = sentence_subject(ex.text, opening, ex.doc.paragraph_at(cue.start).sentence_at(cue.start)[1],
                                       ex.lexicon)
            if subject is not None and _can_speak(ex, subject):
                return subject, "participle"
        return (speaker, "SVC") if speaker else shared_subject(ex, cue, s_start)
    if cue.participle:
        verb = ex.text[speaker[1]:cue.start].split()
        if len(verb) == 1 and verb[0].endswith(",") and verb[0][:-1] in ex.lexicon.cue_forms:
            return speaker, "SVC"  # "…, Tom Reyes said, adding …": the one who said it adds it
        # "The mayor hit back, saying …": the participle's subject opens the sentence
        subject = sentence_subject(ex.text, s_start, cue.start, ex.lexicon)
        if subject and speaker[0] <= subject[0] and subject[1] < speaker[1]:
            return subject, "coordinated"
        if ex.comma_before(cue.start, s_start):
            # "Clinton spoke about the shooting in Tulsa, Oklahoma, arguing …": not Oklahoma
            shared, how = shared_subject(ex, cue, s_start)
            if shared is None and s_start > (sentence := ex.doc.sentence_start(cue.start)):
                # "Reyes hardly cleared it up, treating it -- ''…'' -- and, when pressed after the vote,
                # asserting, ''…''": the subject before the quotation that cut the sentence
                shared, how = shared_subject(ex, cue, sentence)
            if shared is not None and (shared[0] < speaker[0] or after_preposition(ex, speaker)):
                return shared, how
    return speaker, "SVC"


def after_preposition(ex: Extractor, phrase: Range) -> bool:
    """A phrase that is a preposition's object ("after the debate", "with the Harbour Times"), no
    subject: the last word before it, past a determiner, is a preposition."""
    determiners = ex.lexicon.grammar["determiners"]
    before = [w for w in ex.text[max(0, phrase[0] - 40):phrase[0]].split()[-2:] if w.lower() not in determiners][-1:]
    return bool(before) and before[0].lower() in ex.lexicon.grammar["leading_prepositions"]


def shown_saying(ex: Extractor, cue: Cue, s_start: int) -> Range | None:
    """``footage of Ellen Park asking``, ``a video of Tom Reyes saying``: a name right before a
    participle, after a recording "of" it (``[grammar] recordings``), is the one who speaks in it;
    so is the phrase after "with" ("ends with a narrator saying")."""
    window = max(s_start, cue.start - 80)
    if ex.comma_before(cue.start, window):
        return None
    absolute = WITH_SUBJECT.search(ex.text, window, cue.start)
    if absolute and parse_mention(ex.text, absolute.start(1), absolute.end(1), ex.lexicon).kind in SPEAKING_KINDS:
        return absolute.span(1)  # "The ad ends with an announcer saying: “…”": the announcer says it
    name = name_run_before(ex.text, words(ex.text, window, cue.start), ex.lexicon)
    if name is None or not RECORDING_OF(ex.lexicon).search(ex.text, window, name[0]):
        return None
    return name


# "with" and a noun phrase before a participle: the phrase is the participle's subject.
WITH_SUBJECT = re.compile(r"\bwith\s+((?:a|an|the|one|another)\s+[\w-]+(?:\s+[\w-]+){0,2}?)\s+$")
SPEAKING_KINDS = ("person", "organization", "description", "anonymous")  # the kinds of mention that can speak
RECORDING_OF = GrammarRegex(r"\b(?:__RECORDINGS__)\s+of\s+$", re.IGNORECASE)


def shared_subject(ex: Extractor, cue: Cue, s_start: int) -> tuple[Range | None, str]:
    """A cue with no subject of its own shares the subject of the verb before it.

    ``X said …, adding that …`` takes the speaker of the claim before it; ``X visited …
    and said …`` and ``X hit back, saying …`` take the subject that opens the sentence.
    """
    participle = cue.participle and ex.comma_before(cue.start, s_start)
    lead_end = subordinate_lead_end(ex, s_start, cue.start) if participle else s_start
    if participle:
        # the claim or the attribution right before: "X said …, adding", "“…,” he said of it, adding"
        previous = [c for c in ex.near(s_start, cue.start) if c.speaker and c.content[0] < cue.start and (
            cue.start - c.content[1] < 4 or c.cue and max(s_start, lead_end) <= c.cue.start
            and c.cue.end <= cue.start)]
        if previous:
            speaker = max(previous, key=lambda c: c.content[0]).speaker
            return (speaker.start, speaker.end), "participle"
        # "The first incident came during a speech, when protesters interrupted it, shouting …": the
        # clause the comma ends, when the sentence's own subject cannot speak
        comma = ex.text.rfind(",", s_start, cue.start)
        inner = [m for m in SUBORDINATOR(ex.lexicon).finditer(ex.text, s_start, comma)
                 if "," not in ex.text[m.end():comma]]
        main = sentence_subject(ex.text, after_opening_quote(ex, s_start, cue.start), cue.start, ex.lexicon)
        subject = sentence_subject(ex.text, inner[-1].start(), comma, ex.lexicon) if inner else None
        if subject and not (main and _can_speak(ex, main)):
            return subject, "coordinated"
    joined = None if participle else coordinated(ex, s_start, cue)
    if joined:
        # "The crowd cheered when Trump spotted a sign and asked …": the verb goes on the clause it is in
        inner = [m for m in SUBORDINATOR(ex.lexicon).finditer(ex.text, s_start, joined.start())
                 if "," not in ex.text[m.start():cue.start]]
        subject = sentence_subject(ex.text, inner[-1].start(), cue.start, ex.lexicon) if inner else None
        if subject and subject[1] < cue.start:
            return subject, "coordinated"
    if participle or joined or written_in(ex, s_start, cue):
        opening = after_opening_quote(ex, s_start, cue.start)
        if participle and lead_end > s_start:
            opening = max(opening, lead_end + 1)  # the main clause's subject, after the subordinate clause
        subject = sentence_subject(ex.text, opening, cue.start, ex.lexicon)
        if subject and subject[1] < cue.start:
            return subject, "coordinated"
    return None, ""


def opening_participle_end(ex: Extractor, cue: Cue) -> int | None:
    """Where the main clause starts after a participial clause that opens the sentence with the cue
    ("Citing “family duties at home,” | the mayor …", "Calling the plan a disgrace, | she …"): past
    the first comma outside a quotation, or past a quotation that a comma inside it ends; None when
    the cue opens no sentence or no comma ends its clause."""
    text = ex.text
    para = ex.doc.paragraph_at(cue.start)
    sentence_start, limit = para.sentence_at(cue.start)
    if not cue.participle or text[sentence_start:cue.start].strip(" \"“‘'"):
        return None
    comma = text.find(",", cue.end, limit)
    while comma >= 0:
        span = para.span_at(comma)
        if span is None:
            return comma + 1
        if span.inner_end == comma + 1 and span.closed:
            return span.end  # “…,” and the main clause
        comma = text.find(",", comma + 1, limit)
    return None


def opening_participle_clause_end(ex: Extractor, para: Paragraph, sent_start: int, limit: int) -> int | None:
    """Where the participial clause ends that the sentence's first cue (before ``limit``) opens it
    with (:func:`opening_participle_end`), or None."""
    first = min((c for kind in VERBS for c in para.cues_between(sent_start, limit, kind)),
                key=lambda c: c.start, default=None)
    return opening_participle_end(ex, first) if first is not None else None


def subordinate_lead_end(ex: Extractor, s_start: int, limit: int) -> int:
    """Where the subordinate clause that opens a sentence ends, at its comma ("Ever since she backed
    Reyes, | Ana Ruiz has …"), or ``s_start`` when none opens it: a verb after that comma belongs to
    the main clause, and shares nothing with a claim inside the subordinate one."""
    if SUBORDINATE_LEAD(ex.lexicon).match(ex.text, s_start, limit) is None:
        return s_start
    comma = mark_outside_quotes(ex, ex.doc.paragraph_at(s_start), ",", s_start, limit)
    return comma if comma is not None else s_start


def _can_speak(ex: Extractor, phrase: Range) -> bool:
    """A subject that may be the one who speaks: a person, a group or an organisation, or a personal
    pronoun ("She noted …, saying"), not a thing ("The first incident came …") nor "It"."""
    word = ex.text[slice(*phrase)].lower()
    if word in ex.lexicon.subject_pronouns:
        return word in ex.lexicon.personal_subject_pronouns
    return ex.mention(phrase).kind in SPEAKING_KINDS


def written_in(ex: Extractor, floor: int, cue: Cue) -> bool:
    """``she released a statement saying …``, ``he sent reporters an email saying …``: a participle
    right after what the subject put out (``[statement_nouns]``) says what the subject wrote."""
    return cue.participle and ex.lexicon.published_statement_regex.search(
        ex.text, max(floor, cue.start - COORDINATION_WINDOW - 20), cue.start) is not None


def coordinated(ex: Extractor, floor: int, cue: Cue) -> re.Match[str] | None:
    """``… and said``, ``… but says`` right before ``cue``: a verb that shares the subject before it;
    after "by", "while", "before" or "upon", only a participle does ("before saying", "by pointing
    out", not "before details emerge", a noun)."""
    m = COORDINATED(ex.lexicon).search(ex.text, max(floor, cue.start - COORDINATION_WINDOW), cue.start)
    if m is not None and not cue.text.split()[0].lower().endswith("ing") and SUBORDINATE_JOIN.match(m.group()):
        return None
    return m


SUBORDINATE_JOIN = re.compile(r"\s(?:by|while|before|after|upon)\s", re.IGNORECASE)


def after_opening_quote(ex: Extractor, s_start: int, limit: int) -> int:
    """Where the words of a sentence begin, after a quotation that opens it ("“…,” he said")."""
    para = ex.doc.paragraph_at(s_start)
    span = para.span_at(s_start) or para.span_from(s_start)
    if span is not None and span.start < limit and not ex.text[s_start:span.start].strip():
        return span.end
    return s_start


def relative_subject(ex: Extractor, cue: Cue, s_start: int) -> tuple[Range | None, Range | None]:
    """``Maria Lopez, who said …``: the speaker is "who", standing for the name before it."""
    m = RELATIVE.search(ex.text, s_start, cue.start)
    if not m:
        return None, None
    antecedent = ex.speaker_ends.get(m.start()) or speaker_before(ex.text, s_start, m.start(), ex.lexicon) \
        or name_run_before(ex.text, words(ex.text, max(s_start, m.start() - 60), m.start()), ex.lexicon) \
        or person_noun_before(ex, max(s_start, m.start() - 60), m.start())
    if antecedent is not None:
        antecedent = _object_of(ex, antecedent) or antecedent
    # "… was steep for Mr. Sanders, who said …": the name before "who"
    if antecedent is None or ex.text[antecedent[0]:antecedent[1]].split()[0].lower() in ex.lexicon.cue_forms:
        return None, None
    return (m.start(1), m.end(1)), antecedent


# A noun phrase that ends a clause: a determiner, up to three words, and its head.
NOUN_PHRASE_AT_END = GrammarRegex(r"(?<![\w’'-])(?:__DETERMINERS__)\s+(?:[\w’'-]+\s+){0,3}?((?-i:[a-z])[\w-]*)\s*$",
                                  re.IGNORECASE)


def person_noun_before(ex: Extractor, start: int, end: int) -> Range | None:
    """The noun phrase for a person that ends a clause before "who" ("(The question came from) a
    small boy, who said …"): what "who" stands for, when no speaker phrase ends there."""
    m = NOUN_PHRASE_AT_END(ex.lexicon).search(ex.text, start, end)
    if m is None:
        return None
    head, lexicon = m.group(1).lower(), ex.lexicon
    person = head in lexicon.speaker_nouns or head in lexicon.role_heads or head in lexicon.grammar["unnamed_people"]
    return (m.start(), m.end(1)) if person else None


def _object_of(ex: Extractor, phrase: Range) -> Range | None:
    """The person a phrase ends with when it is the object of a preposition after a verb ("(she
    plans to vote) for Senator Ana Ruiz of Ellery"), rather than the head of the phrase (but "a
    spokesperson for HMRC" and "the mayor of Ellery" are the spokesperson and the mayor)."""
    lexicon = ex.lexicon
    found = words(ex.text, phrase[0], phrase[1])
    for i in range(len(found) - 2, 0, -1):
        word, before = (ex.text[s:e] for s, e in (found[i], found[i - 1]))
        following = ex.text[found[i + 1][0]:found[i + 1][1]]
        if word in lexicon.grammar["leading_prepositions"] and before.islower() \
                and (following[0].isupper() or following == "the"):
            if before in lexicon.speaker_nouns or before in lexicon.role_heads:
                return None
            start = found[i + 1][0]
            # a name, or a role with "the" ("a speech by the port director, who said …")
            kind = parse_mention(ex.text, start, phrase[1], lexicon).kind
            return (start, phrase[1]) if kind == "person" or following == "the" and kind == "description" else None
    return _verb_object(ex, phrase, found)


def _verb_object(ex: Extractor, phrase: Range, found: list[Range]) -> Range | None:
    """The name a phrase ends with when a verb governs it ("(the case) would involve Attorney General
    Ana Ruiz, who …", "praised Gov. Tom Reyes, who …"): the name, not the clause."""
    lexicon, text = ex.lexicon, ex.text
    lower = [i for i, (s, e) in enumerate(found) if text[s].islower()]
    if not lower or lower[-1] == len(found) - 1 or lower[-1] == 0:
        return None
    i = lower[-1]
    verb, before = text[slice(*found[i])], text[slice(*found[i - 1])].lower()
    if not (verb.endswith("ed") or verb in lexicon.grammar["irregular_past"] or before in lexicon.grammar["auxiliaries"]
            or before == "to"):
        return None
    start = found[i + 1][0]
    return (start, phrase[1]) if parse_mention(text, start, phrase[1], lexicon).kind == "person" else None


def content_end(ex: Extractor, para: Paragraph, start: int, sent: Range) -> int:
    """A claim runs to the end of its sentence, but no further than the earliest end a registered
    end boundary finds (:mod:`quotes.rules.boundaries`): the writer's own clause (", but …"), a
    relative or participial tail, another attribution, and so on. A quotation opened in the claim
    carries it across the full stops inside it ("the plan “will cost $5 bn. It is a waste.”")."""
    end = sent[1]
    span = para.span_at(end - 1)
    while span is not None and span.start >= start and span.end > end:
        end = para.sentence_at(span.end - 1)[1]
        span = para.span_at(end - 1)
    for boundary in ex.end_boundaries:
        cut = boundary.find(ex, para, start, end, sent)
        if cut is not None and start < cut < end and has_words(ex.text, start, cut, MIN_CLAIM_WORDS):
            end = cut
    return end


# A connective of the writer's that opens a sentence, with its comma: "In addition, …", "At the same time, …".
CONNECTIVE = GrammarRegex(r"\s*(?:(?:and|but)\s+)?(?:__CONNECTIVES__)\s*,\s*", re.IGNORECASE)


def content_begin(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int:
    """A claim that starts with its sentence starts no earlier than the latest start a registered
    start boundary finds ("Because of the vote, the plan …, she said": the plan)."""
    for boundary in ex.start_boundaries:
        cut = boundary.find(ex, para, start, end, sent)
        if cut is not None and start < cut < end and has_words(ex.text, cut, end, MIN_CLAIM_WORDS):
            start = cut
    return start


def mark_outside_quotes(ex: Extractor, para: Paragraph, mark: str, start: int, end: int) -> int | None:
    """The first ``mark`` in ``text[start:end]`` that no quotation holds and no number ("125,000")."""
    text = ex.text
    pos = text.find(mark, start, end)
    while pos >= 0 and (ex.inside_quote(para, pos) or text[pos - 1:pos].isdigit() and text[pos + 1:pos + 2].isdigit()):
        pos = text.find(mark, pos + 1, end)
    return pos if pos >= 0 else None


def first_break(ex: Extractor, para: Paragraph, mark: str, start: int, end: int) -> int | None:
    pos = mark_outside_quotes(ex, para, mark, start, end)
    return pos if pos is not None and has_words(ex.text, start, pos, MIN_CLAIM_WORDS) else None


def is_belief(ex: Extractor, cue: Cue) -> bool:
    return ex.lexicon.lemma(cue.text) in ex.lexicon.belief_lemmas


def claim(ex: Extractor, para: Paragraph, cue: Cue, speaker: Range, content: Range,
          antecedent: Range | None = None, min_words: int = MIN_CLAIM_WORDS) -> Found | None:
    """A reported claim, or None when its content is too short (``min_words``), overlaps a direct
    quote or holds its own speaker."""
    text = ex.text
    if is_belief(ex, cue) and text[speaker[0]:speaker[1]].lower() in ex.lexicon.first_person_pronouns:
        return None  # "I think", outside quotation marks, is a quotation's voice, not a reported belief
    start, end = content_range(text, *content)
    if not has_words(text, start, end, min_words) or ex.overlaps_direct(start, end):
        return None
    if speaker[0] < end and start < speaker[1]:
        return None
    span = para.span_at(start)
    if span is not None and span.start < start and span.closed and span.end < end \
            and not any(span.start < e and s < start for s, e in ((cue.start, cue.end), speaker)):
        # the sentence began inside a quotation that opened a sentence or more before it
        # ("“… The port has the cash. They have no choice” but to raise the fees, says Tom Lane"):
        # the claim is the whole quotation and what follows it, unless its attribution is in it
        start = span.start
    if span is not None and span.start == start and span.closed and end >= span.inner_end \
            and not text[span.end:end].strip(" .,;:!?"):
        # "called for “boots on the docks.”": a quotation and nothing else is a direct quote
        return Found((span.inner_start, span.inner_end), speaker, cue, type="direct", antecedent=antecedent,
                     span=span)
    return Found((start, end), speaker, cue, type=quote_type(para, start, end), antecedent=antecedent)


# A phrase of time alone, or "then" / "now", maybe after "even" or a conjunction: "Even then".
TIME_ONLY = GrammarRegex(rf"(?:(?:even|just|only|and|but)\s+)?(?:{TIME}|then|now|since|again)\s*", re.IGNORECASE)


def is_time_of_saying(ex: Extractor, start: int, end: int) -> bool:
    """``text[start:end]`` is a time alone ("On Monday", "Even then"): before a parenthetical
    attribution it says when it was said ("On Monday, officials said, …"), not what."""
    return TIME_ONLY(ex.lexicon).fullmatch(ex.text, start, end) is not None


def adjunct_only(ex: Extractor, start: int, end: int) -> bool:
    """``text[start:end]`` is a phrase of time, place or manner and no clause: "In a speech last
    July", "Six months ago", "Even then", "In addition". Words before a cue that are only this say
    where or when, not what ("In a speech last July, he said: …")."""
    text = ex.text
    if is_time_of_saying(ex, start, end):
        return True
    first = text[start:end].split(maxsplit=1)[:1]
    return bool(first) and first[0].lower() in ex.lexicon.grammar["adjunct_prepositions"] \
        and "," not in text[start:end] and CLAUSE_VERB.search(text, start, end) is None


def holds_attribution(ex: Extractor, start: int, end: int) -> bool:
    """The words hold a whole attribution already found, its speaker and its cue ("Sources told the
    Review that she agreed, …"): they are that claim and its attribution, not another claim."""
    return any(c.cue is not None and c.speaker is not None and c.cue.kind != "according"
               and start <= c.speaker.start and c.cue.end <= end for c in ex.near(start, end))
