"""Pass "reported": claims around the cues no quotation used.

Each cue is read once (where its content would start, whether it ends its sentence, whether it is
a weak verb); the rules below take the layouts: the claim before the speaker and cue (CSV), the
cue parenthetical inside the claim (C-SV-C), the cue before the speaker (CVS), the speaker before
the cue and the claim after it (SVC, with its subject shared with an earlier verb, taken from a
participle's claim, or a relative "who"), and "according to".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotes.document import VERBS, Cue, Paragraph
from quotes.lexicon import GrammarRegex
from quotes.phrases import content_range, head_ok, source_after, speaker_after, speaker_before, words
from quotes.rules.base import Found, Rule, example
from quotes.rules.clauses import (
    AS_LEAD,
    CLAUSE_VERB,
    CONNECTIVE,
    adjunct_only,
    after_cue,
    claim,
    claim_start,
    content_begin,
    content_end,
    holds_attribution,
    is_belief,
    is_tell,
    is_time_of_saying,
    led_clause,
    not_a_speaker,
    opens_clause,
    relative_subject,
    subject_of,
    subordinate_lead_end,
)
from quotes.rules.engine import Extractor, quote_type, sentence_of
from quotes.rules.registry import register
from quotes.sentences import Range

PARTICIPLE_AFTER = re.compile(r",\s*\w+ing\b")  # "he said, wiping his face"
# "she said Tuesday in Harbourton, noting …": a place where it was said, then the participle
PLACE_THEN_PARTICIPLE = re.compile(r"(?:in|at)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*,\s*(?-i:[a-z]+ing)\b")
PLACE_AFTER_SPEAKER = re.compile(r"\s+(?:in|at|inside|outside|from)\s+(?:the|a|an|his|her|their)\s+[\w’'-]+"
                                 r"(?:\s+[\w’'-]+)?\s*[.!?]?[\"”’']?\s*")  # "…, said one source in the room."
RELATIVE_AFTER = re.compile(r"\s*,\s*(?:who|whose|which|whom)\b")
WRITER_AFTER_SPEAKER = re.compile(r"\s*,\s*(?:but|and|while)\s")  # "…, said Howard, but her record …"


def more_after_speaker(ex: Extractor, speaker: Range, rest: str) -> bool:
    """After a speaker phrase with no clause nor pronoun in it, the writer's clause ("…, said Howard,
    but her record …") or more of the speaker's description, with no clause ("…, said Dan Cole, an
    expert who wrote books, papers and columns on it")."""
    phrase = ex.text[speaker[0]:speaker[1]]
    if CLAUSE_VERB.search(phrase) or phrase.split()[0].lower() in ex.lexicon.subject_pronouns:
        return False  # "(…, reported) it to the F.B.I.": the cue's object, not its subject
    return WRITER_AFTER_SPEAKER.match(rest) is not None \
        or rest.lstrip().startswith(",") and CLAUSE_VERB.search(rest) is None
NOT_TO = re.compile(r"not\s+to\b")  # "asked not to be named"
INFINITIVE_AFTER = re.compile(r"to\s+\w")
# "…, said Dan Cole, an expert."
DESCRIPTION_AFTER = re.compile(r",\s*(?:a|an|the|who|whose|[a-z]+)\b[^.;!?]*[.!?]?[\"”’']?\s*$")
# "spoke about it", "asked for more", "said it.": what follows the cue is no claim
NOT_SPEECH_AFTER_CUE = GrammarRegex(r"(?:__NOT_SPEECH_OBJECTS__\s*(?:[,.;:!?]|$)|__NOT_SPEECH_OPENERS__\b)",
                                    re.IGNORECASE)
HEARER_ONLY = GrammarRegex(r"\s+(?:__HEARER_PRONOUNS__|(?-i:[A-Z][\w’'-]+)(?:\s+(?-i:[A-Z][\w’'-]+)){0,2})\s+")
# What a hearer the lexicon did not skip may lead into: "told a lunch group that …", "told host Matt
# Boyle, “…”", "told residents not to drink …", "told the crowd about …".
TOLD_CONTENT = GrammarRegex(r"\bthat\b|[\"“‘]|\bto\s+(?-i:[a-z])|\b(?:about|how|why|what|whether|of|against)\b|"
                            r"\b__TOLD_THINGS__\b")  # "told a joke", "told their stories"
TOLD_WINDOW = 80
PARTICIPLE_FIRST = re.compile(r"[\w’'-]*ing\b")
# "said about half of the rise …", "said over 200 homes …": a number that opens the claim's subject
APPROXIMATE_NUMBER = GrammarRegex(r"__PREPOSITIONAL_APPROXIMATORS__\s+(?:half|a\s+(?:third|quarter|fifth|dozen)\b|\d"
                                  r"|(?:__NUMBER_WORDS__|a)\s+(?:in|out)\b)", re.IGNORECASE)
# Words that open an adjunct or a participle after a cue, never a claim: "aboard his plane", "posted by …".
NO_SUBJECT = GrammarRegex(r"(?:__PLACE_ADVERBS__|(?-i:[a-z]+ed)\s+__PARTICIPLE_PREPOSITIONS__)\b", re.IGNORECASE)
# A claim that opens with its verb lost its subject to a relative ("the plan that he thought would fail").
RELATIVE_GAP = GrammarRegex(r"__GAP_AUXILIARIES__\b")


class CueReading(NamedTuple):
    """How a cue stands in its sentence, read once for every rule of the pass."""

    sentence: Range
    weak: bool
    after_cue: int  # where its content would start
    at_end: bool  # nothing but a participle or punctuation follows it


def reading(ex: Extractor, para: Paragraph, cue: Cue) -> CueReading:
    def read() -> CueReading:
        text = ex.text
        sent = sentence_of(para, cue.start)
        lemma = ex.lexicon.lemma(cue.text)
        start = after_cue(ex, cue, sent[1])
        at_end = not text[start:sent[1]].strip(" .!?\"”’'")
        # "Sales were great, he said, wiping his face" (or ", adding …"): a participle ends the attribution
        at_end = at_end or bool(PARTICIPLE_AFTER.match(text[cue.end:sent[1]])) \
            or text[cue.end:start].rstrip().endswith(",") and bool(PARTICIPLE_FIRST.match(text, start)) \
            or bool(PLACE_THEN_PARTICIPLE.match(text, start, sent[1]))
        # (also after the cue's adjuncts: "he said in an interview on Wednesday, adding …")
        return CueReading(sent, lemma in ex.lexicon.weak_lemmas, start, at_end)

    return ex.cached(("reading", cue.start), read)


def content_speaker_cue(ex: Extractor, para: Paragraph, cue: Cue) -> Found | None:
    """``…, S said.`` (CSV)."""
    r = reading(ex, para, cue)
    if cue.kind not in VERBS or r.weak and ex.category_of(cue) != "evidence" \
            or not r.at_end and not adjunct_after(ex, cue, r):
        return None
    s_start, _ = r.sentence
    left = ex.text[s_start:cue.start]
    comma = left.rfind(",")
    while comma > 0:
        speaker = speaker_before(ex.text, s_start + comma + 1, cue.start, ex.lexicon)
        if speaker and r.weak and not names_data(ex, speaker):
            return None  # "…, the audit found" and "…, records show"; but not "…, they found"
        if speaker and not ex.text[s_start + comma + 1:speaker[0]].strip():
            if adjunct_only(ex, *content_range(ex.text, s_start, s_start + comma)):
                return None  # "In a speech last July, he said:" tells when, not what
            end = s_start + comma
            return claim(ex, para, cue, speaker, (content_begin(ex, para, s_start, end, r.sentence), end))
        comma = left.rfind(",", 0, comma)  # an appositive speaker: step over its comma
    return None


def adjunct_after(ex: Extractor, cue: Cue, r: CueReading) -> bool:
    """Only a phrase of time or place follows the cue, right after it: "…, Tom Reyes said after the storm."."""
    rest = ex.text[r.after_cue:r.sentence[1]].rstrip(" .!?\"”’'")
    return bool(rest) and not ex.text[cue.end:r.after_cue].strip() and not GERUND_OBJECT.match(rest) \
        and adjunct_only(ex, r.after_cue, r.after_cue + len(rest))


GERUND_OBJECT = re.compile(r"\w+\s+(?-i:[a-z]+ing)\b")  # "insist on being …" is what is insisted on


def names_data(ex: Extractor, speaker: Range) -> bool:
    """The speaker phrase is a document or data ("federal records", "the audit", "a study by the
    council"): a word for data heads it, before any "by" or "of" that says whose it is."""
    head = re.split(r"\s+(?:by|of|from|for)\s+", ex.text[speaker[0]:speaker[1]])[0].split()[-1]
    return head.strip(".,’'").lower() in ex.lexicon.data_words


def parenthetical(ex: Extractor, para: Paragraph, cue: Cue) -> list[Found] | None:
    """``The deal, officials said, was done.`` (C-SV-C): the claim is what follows the cue, and
    the words before the speaker are its first fragment."""
    r = reading(ex, para, cue)
    text = ex.text
    if cue.kind not in VERBS or r.at_end or r.weak or not text[cue.end:r.after_cue].rstrip().endswith(","):
        return None
    s_start, s_end = r.sentence
    comma = text.rfind(",", s_start, cue.start)
    if comma < 0:
        return None  # "The mayor hit back, saying …": no claim before the speaker
    speaker = speaker_before(text, comma + 1, cue.start, ex.lexicon)
    if not speaker or text[comma + 1:speaker[0]].strip():
        return None
    rest = claim(ex, para, cue, speaker, (r.after_cue, s_end))
    if rest is None:
        return None
    # the words before the speaker open the same claim: one claim in two fragments, as a split quote
    # ("Over the years, she said, …" and "Instead, she said, …" do; "On Monday, officials said, …" and
    # "But, he said, …" open no claim)
    lead = content_range(text, s_start, comma)
    if lead[0] < lead[1] and not is_time_of_saying(ex, *lead) and not ex.in_content(lead[0]) \
            and text[lead[0]:lead[1]].lower() not in ex.lexicon.grammar["coordinators"] \
            and not CONNECTIVE(ex.lexicon).fullmatch(text, s_start, comma + 1) \
            and not holds_attribution(ex, *lead):
        return [rest, Found(lead, speaker, cue, type=quote_type(para, *lead))]
    return [rest]


def content_cue_speaker(ex: Extractor, para: Paragraph, cue: Cue) -> Found | None:
    """``…, said S.`` (CVS)."""
    r = reading(ex, para, cue)
    text = ex.text
    s_start, s_end = r.sentence
    if cue.kind not in VERBS or r.at_end or r.weak or not ex.comma_before(cue.start, s_start):
        return None
    if cue.participle:
        return None  # "…, repeating a charge": a participle, and no speaker follows it
    before = speaker_before(text, s_start, cue.start, ex.lexicon)
    if before and not text[s_start:before[0]].strip(" \"“”‘’'"):
        return None  # "Michael Lee, a fellow at the institute, says …": the speaker comes first
    speaker = speaker_after(text, cue.end, s_end, ex.lexicon)
    rest = text[speaker[1]:s_end] if speaker else ""
    if not speaker or rest.strip(" .!?,\"”’'") and not ex.adjuncts.match(text, speaker[1], s_end) \
            and not RELATIVE_AFTER.match(rest) and not PLACE_AFTER_SPEAKER.fullmatch(rest) \
            and not more_after_speaker(ex, speaker, rest):
        return None
    comma = text.rfind(",", s_start, cue.start)
    return claim(ex, para, cue, speaker, (content_begin(ex, para, s_start, comma, r.sentence), comma))


def speaker_cue_content(ex: Extractor, para: Paragraph, cue: Cue) -> tuple[str, Found] | None:
    """``S said (that) …``, ``S told reporters on Thursday …``: the subject and how it was found
    ("SVC", "coordinated", "participle" or "relative"), and the claim after the cue."""
    text = ex.text
    r = reading(ex, para, cue)
    s_start, s_end = r.sentence
    start, that = claim_start(ex, cue, s_end)
    told = is_tell(ex, cue)
    if no_claim_after(ex, cue, start, that, told, s_end):
        return None  # read before the subject, which costs more: most cues with no claim stop here
    skipped = text[cue.end:start]
    # "urged lawmakers to act": a hearer, then what they were told to do
    directive = told and skipped.strip() and INFINITIVE_AFTER.match(text[start:s_end])
    # "assured me he would stay": a hearer, then a clause, is what a weak verb of telling reports
    heard = told and HEARER_ONLY(ex.lexicon).fullmatch(skipped) and opens_clause(ex, start, s_end)
    introduced = bool(that or text[start:start + 1] in "\"“‘'«" or directive or heard)
    # a cue of evidence is introduced by a clause of its own after a document or data as its subject
    evidential = ex.category_of(cue) == "evidence"
    if not evidential and unintroduced_claim(ex, cue, start, s_end, told, introduced):
        return None
    speaker, how = subject_of(ex, cue, s_start)
    antecedent = None
    if speaker is None:
        speaker, antecedent = relative_subject(ex, cue, s_start)
        how = "relative"
        if speaker is None:
            return None
    if antecedent is None and not_a_speaker(ex, speaker):
        return None
    if skipped.rstrip().endswith(",") and (cue.end <= subordinate_lead_end(ex, s_start, s_end) < start
                                           and not AS_LEAD.match(text, s_start)
                                           or OBJECT_RELATIVE.search(text, s_start, speaker[0])):
        return None  # "After the mayor testified, the council …", "the claims, which Reyes denies, ended …":
        # the comma closes the clause the cue is in, and the main clause after it is no claim ("As Ruiz
        # told the paper, …" is still a claim)
    if evidential:
        # "the report found it was …": evidence from a document or data, with a clause of its own
        introduced = introduced or bool(names_data(ex, speaker) and opens_clause(ex, start, s_end))
        if unintroduced_claim(ex, cue, start, s_end, told, introduced):
            return None
    end = content_end(ex, para, start, r.sentence)
    found = claim(ex, para, cue, speaker, (start, end), antecedent)
    return (how, found) if found else None


def unintroduced_claim(ex: Extractor, cue: Cue, start: int, s_end: int, told: bool, introduced: bool) -> bool:
    """A cue whose claim nothing introduces (no "that", quotation, hearer or evidence) and that takes
    none on its own: "denied the charges", "told a council panel on Wednesday"."""
    if introduced:
        return False
    lemma = ex.lexicon.lemma(cue.text)
    if lemma in ex.lexicon.weak_lemmas or lemma not in ex.lexicon.strong_lemmas and not opens_clause(ex, start, s_end):
        return True  # "denied the charges": no clause, no claim
    # "told a council panel on Wednesday": a hearer, and nothing told
    return told and not opens_clause(ex, start, s_end) \
        and not TOLD_CONTENT(ex.lexicon).search(ex.text, start, min(s_end, start + TOLD_WINDOW))


def no_claim_after(ex: Extractor, cue: Cue, start: int, that: bool, told: bool, s_end: int) -> bool:
    """What follows the cue is no claim, whoever the subject: the tests of ``speaker_cue_content`` that
    read only the words after the cue (``start`` is where its claim would begin)."""
    text = ex.text
    if is_belief(ex, cue) and RELATIVE_GAP(ex.lexicon).match(text, start):
        # "what scientists think is necessary" is no belief of theirs (PolNeAR keeps "… he said was");
        # "think that can change" is one ("that" is its subject)
        return True
    if NOT_TO.match(text[start:s_end]):
        return True  # "asked not to be named"
    if NOT_SPEECH_AFTER_CUE(ex.lexicon).match(text, start, s_end) and not told and not that \
            and not led_clause(ex, start, s_end) and not APPROXIMATE_NUMBER(ex.lexicon).match(text, start, s_end):
        return True  # "spoke about it", "asked for more"; but "said that for decades …" is a claim
    if not that and NO_SUBJECT(ex.lexicon).match(text, start, s_end):
        return True  # "said aboard his plane", "posted by CBN": an adjunct or a participle, no clause
    if not that and names_the_speaker(ex, start, s_end):
        return True  # "…, said Dan Cole, an expert at the institute": a speaker after the cue, not a claim
    # "Trump asked, looking …": what follows the comma is no claim ("wrote, Lazar is …" is)
    return text[cue.end:start].rstrip().endswith(",") and text[start:start + 1] not in "\"“‘'«" \
        and bool(PARTICIPLE_FIRST.match(text, start, s_end) or not opens_clause(ex, start, s_end))


# A relative clause whose pronoun is the verb's object, right before its subject: "…, which Tom Reyes denies".
OBJECT_RELATIVE = re.compile(r",\s*(?:which|whom)\s+$", re.IGNORECASE)


def names_the_speaker(ex: Extractor, start: int, end: int) -> bool:
    """What follows the cue is a speaker phrase alone (a name, and maybe who they are)."""
    speaker = speaker_after(ex.text, start, end, ex.lexicon)
    if speaker is None or speaker[0] != start or not ex.text[start].isupper() or opens_clause(ex, start, speaker[1]):
        return False  # "Reyes was busy at the pier": a clause, not a speaker phrase
    rest = ex.text[speaker[1]:end]
    if not rest.strip(" .,;:!?\"”’'"):
        return True
    return DESCRIPTION_AFTER.match(rest) is not None \
        and not opens_clause(ex, speaker[1], end)


def subject_rule(how: str):
    """The rule for a claim after its cue whose subject was found ``how``."""

    def find(ex: Extractor, para: Paragraph, cue: Cue) -> Found | None:
        if cue.kind not in VERBS:
            return None
        found = ex.cached(("svc", cue.start), lambda: speaker_cue_content(ex, para, cue))
        return found[1] if found and found[0] == how else None

    return find


def according_to(ex: Extractor, para: Paragraph, cue: Cue) -> tuple[str, Found | list[Found]] | None:
    """``According to S, …`` (AC), ``…, according to S.`` (CA) and ``…, according to S, …`` (CAC)."""
    if cue.kind != "according":
        return None
    text = ex.text
    s_start, s_end = sentence_of(para, cue.start)
    according = cue.text.lower().startswith("according")
    speaker = source_after(text, cue.end, s_end, ex.lexicon, any_phrase=according)
    if speaker is None:
        return None
    if not according and not named_source(ex, speaker):
        return None  # the spinner's "per day", "in keeping with the rules": no source
    lead = LEAD_BEFORE_ACCORDING.match(text, s_start, cue.start)
    if lead is not None:
        comma = text.find(",", speaker[1], s_end)
        if comma < 0:
            return None
        described = SOURCE_PARTICIPLE.match(text, comma + 1, s_end)
        if described:
            comma = described.end() - 1  # "According to Jack Kelly, writing for the Review, …": who the source is
        end = s_end
        opened = para.span_from(comma + 1)
        if opened is not None and not text[comma + 1:opened.start].strip() and opened.end > end:
            end = para.sentence_at(opened.end - 1)[1]  # "According to S, “… . …”": the whole quotation
        found = claim(ex, para, cue, speaker, (comma + 1, end))
        return ("AC", found) if found else None
    inside = according_inside(ex, para, cue, speaker, (s_start, s_end))
    if inside is not None:
        return "CAC", inside
    quoted = next((span for span in para.spans if span.closed and span.start < s_start <= span.end <= cue.start
                   and not text[span.end:cue.start].strip(" ,")), None)
    if quoted is not None:  # "“… files. The new material shows …,” according to S.": the whole quotation
        s_start = sentence_of(para, quoted.start)[0]
    found = claim(ex, para, cue, speaker, (content_begin(ex, para, s_start, cue.start, (s_start, s_end)), cue.start))
    last = text[found.content[0]:found.content[1]].split()[-1].lower() if found else ""
    if last in ex.lexicon.cue_forms and ex.lexicon.cue_category(last) == "speech":
        return None  # "Tom Lane said, per a translator, that …": the source of the words, inside their attribution
    if last in ex.lexicon.grammar["clause_auxiliaries"]:
        return None  # "Her choice is in keeping with her record": the phrase is the predicate, no source
    return ("CA", found) if found else None


# After the source in mid-sentence, who it is: ", another former envoy," or ", writing for the Review,".
SOURCE_APPOSITIVE = GrammarRegex(r"\s*(?:__DETERMINERS__|(?-i:[a-z]+ing))\s+[^,;:.!?“”\"]{1,60},", re.IGNORECASE)
RELATIVE_IN_SUBJECT = re.compile(r"[^,;:.!?“”\"]*?\b(?:who|that|which)\s", re.IGNORECASE)
# What goes on after "…, according to S," without being the claim: the writer's own clause or tail.
NOT_THE_REST = GrammarRegex(r"\s*(?:__CONTRASTS__|__SUBORDINATORS__|__RELATIVE_PRONOUNS__|__COORDINATORS__|where|"
                            r"compared|(?-i:[a-z]+ing))\b", re.IGNORECASE)


def according_inside(ex: Extractor, para: Paragraph, cue: Cue, speaker: Range, sent: Range) -> list[Found] | None:
    """``Ticket sales, according to the harbour authority, have doubled`` (C-A-C): the source set in commas inside
    the claim, which goes on after it; the claim's two fragments share a group. A source has no time
    of saying, so a lead of time or place belongs to the claim ("Since May, according to S, …")."""
    text = ex.text
    if not text.startswith(",", speaker[1]):
        return None
    rest = speaker[1] + 1
    who = SOURCE_APPOSITIVE(ex.lexicon).match(text, rest, sent[1])
    if who is not None:
        rest = who.end()
    if NOT_THE_REST(ex.lexicon).match(text, rest, sent[1]) or not opens_clause(ex, rest, sent[1]) \
            or RELATIVE_IN_SUBJECT.match(text, rest, sent[1]):
        # "…, according to the AP, although …", "…, according to Tom Lane, director of the port." and
        # "…, according to Tom Lane, a pollster who ran the survey.": no claim goes on
        return None
    comma = text.rfind(",", sent[0], cue.start)
    if comma < 0 or text[comma + 1:cue.start].strip():
        return None
    after = claim(ex, para, cue, speaker, (rest, content_end(ex, para, rest, sent)))
    if after is None:
        return None
    lead = content_range(text, sent[0], comma)
    if lead[0] >= lead[1] or holds_attribution(ex, *lead) or open_ended(ex, *lead) \
            or CONNECTIVE(ex.lexicon).fullmatch(text, sent[0], comma + 1):
        return [after]  # ("In addition, according to S, …": the writer's link, no fragment)
    return [Found(lead, speaker, cue, type=quote_type(para, *lead)), after]


def open_ended(ex: Extractor, start: int, end: int) -> bool:
    """The words end with a subordinating conjunction or a verb of saying, and so say nothing on their
    own: "He left after, (according to him, …)", "Politico reported, (according to sources, …)"; not
    "… reshuffled its envoys and, (according to officials, adopted …)", one claim."""
    last = ex.text[start:end].split()[-1].lower()
    grammar = ex.lexicon.grammar
    return last in grammar["subordinators"] or last in grammar["contrasts"] or last in ex.lexicon.cue_forms


# A participle that says who the source is, between it and the claim: ", writing for the Review,".
SOURCE_PARTICIPLE = re.compile(r"\s*(?-i:[a-z]+ing)\s+(?:for|in|on|at|from|with|to)\b[^,;:.!?“”\"]{1,60},")
# What may stand before a leading "According to S, …": nothing, a parenthesis, a conjunction, or a
# clause of the writer's that ends in a colon ("It has not gone unnoticed: according to polls, …").
LEAD_BEFORE_ACCORDING = re.compile(r"(?:[^:;]*[:;]\s*)?[\s(\"“”‘’']*(?:(?:but|and|yet|so|also|however),?\s+)?$",
                                   re.IGNORECASE)


def named_source(ex: Extractor, source: Range) -> bool:
    """A source that a phrase other than "according to" may name: a name, or a speaker word
    heading it ("an individual conversant in the matter"), never "the rules" or "per day"."""
    text = ex.text
    tokens = words(text, *source)
    first = text[tokens[0][0]:tokens[0][1]]
    if not (first[0].isupper() or first.lower() in ("a", "an", "the", "one", "two", "three", "several")):
        return False
    heads = [text[s:e] for s, e in tokens[1:4] if head_ok(text[s:e], ex.lexicon)]
    return first[0].isupper() and head_ok(text[tokens[-1][0]:tokens[-1][1]], ex.lexicon) or bool(heads)


def according_rule(layout: str):
    def find(ex: Extractor, para: Paragraph, cue: Cue) -> Found | list[Found] | None:
        found = ex.cached(("according", cue.start), lambda: according_to(ex, para, cue))
        return found[1] if found and found[0] == layout else None

    return find


register(Rule(
    "according_to.AC", "reported", 5, according_rule("AC"),
    "`According to S, …` (and a spinner's \"in keeping with S\")",
    must=(
        # a quotation that opens the claim takes it to the quotation's end, past its full stops
        example("According to Tom Lane, “If it were up to the mayor, she would say nothing kind. It is up to the "
                "rivals to check each other.” Then he left.",
                ("according_to.AC", "direct", "If it were up to the mayor, she would say nothing kind. It is up to "
                 "the rivals to check each other.", "Tom Lane", "According to")),
        example("According to a spokesperson for HMRC, the rules will change in April.",
                ("according_to.AC", "indirect", "the rules will change in April", "a spokesperson for HMRC",
                 "According to")),
        example("(According to the port police, it keeps no figures on the thefts.)",
                ("according_to.AC", "indirect", "it keeps no figures on the thefts", "the port police",
                 "According to")),
        example("The fares went up again: according to a new survey, most riders now drive.",
                ("according_to.AC", "indirect", "most riders now drive", "a new survey", "according to")),
        example("According to Jack Kelly, writing for the Harbour Review, the ferry is late again.",
                ("according_to.AC", "indirect", "the ferry is late again", "Jack Kelly", "According to")),
    ),
    must_not=(
        example("The plan was drawn up in keeping with the rules set by the council."),
        # inside an attribution, the source of its words: the cue's claim is the one
        example("Tom Lane said, per a translator, that the ferry was unsafe.",
                ("indirect.SVC", "indirect", "the ferry was unsafe", "Tom Lane", "said")),
    ),
    default_confidence=0.85,
))
register(Rule(
    "according_to.C-A-C", "reported", 5, according_rule("CAC"),
    "`Ticket sales, according to the harbour authority, have doubled.`: the source inside the claim, in two fragments",
    must=(
        example("Ticket sales, according to the harbour authority, have doubled since May.",
                ("according_to.C-A-C", "indirect", "Ticket sales", "the harbour authority", "according to"),
                ("according_to.C-A-C", "indirect", "have doubled since May", "the harbour authority",
                 "according to")),
        # a lead that ends with a verb of saying or a subordinating conjunction is no fragment of the claim
        example("The Review reported, according to people at the meeting, the mayor tried to calm the crowd.",
                ("according_to.C-A-C", "indirect", "the mayor tried to calm the crowd", "people at the meeting",
                 "according to")),
        example("Ellen Park, according to the Harbour Review, rebuffed the council twice.",
                ("according_to.C-A-C", "indirect", "Ellen Park", "the Harbour Review", "according to"),
                ("according_to.C-A-C", "indirect", "rebuffed the council twice", "the Harbour Review",
                 "according to")),
        example("Since last winter, according to Tom Lane, a port engineer, the crane has failed twice.",
                ("according_to.C-A-C", "indirect", "Since last winter", "Tom Lane", "according to"),
                ("according_to.C-A-C", "indirect", "the crane has failed twice", "Tom Lane", "according to")),
    ),
    must_not=(
        example("The ferry is full, according to the harbour authority, although the buses are empty.",
                ("according_to.CA", "indirect", "The ferry is full", "the harbour authority", "according to")),
        example("The ferry is full, according to Tom Lane, a port engineer who counts the cars.",
                ("according_to.CA", "indirect", "The ferry is full", "Tom Lane", "according to")),
    ),
    default_confidence=0.8,
))
register(Rule(
    "according_to.CA", "reported", 5, according_rule("CA"),
    "`…, according to S.`",
    must=(
        example("The rules will change in April, according to a person familiar with the matter.",
                ("according_to.CA", "indirect", "The rules will change in April",
                 "a person familiar with the matter", "according to")),
        example("The ferry lost money in May, according to Ms. Ellen Park.",
                ("according_to.CA", "indirect", "The ferry lost money in May", "Ms. Ellen Park", "according to")),
        # a quotation of several sentences before the cue is one claim, not its last sentence
        example("“The files include new records. They show the port kept files on the council,” according to "
                "Harbour Watch.",
                ("according_to.CA", "direct", "The files include new records. They show the port kept files on the "
                 "council,", "Harbour Watch", "according to")),
        example("The ferry lost money in May, according to a Harbour Review report at the time.",
                ("according_to.CA", "indirect", "The ferry lost money in May", "a Harbour Review report at the time",
                 "according to")),
        # a quoted title is part of the source
        example("The plan would cost $1.4 billion a year, according to the \"Ferries for All\" paper she released.",
                ("according_to.CA", "indirect", "The plan would cost $1.4 billion a year",
                 "the \"Ferries for All\" paper she released", "according to")),
        # a claim with an attribution of its own inside is the source's whole, as PolNeAR marks it; the
        # attribution inside is dropped (filter.nested)
        example("Her campaign manager, Tom Lane, says the win is proof she can close the gap, according to the "
                "Harbour Review.",
                ("according_to.CA", "indirect", "Her campaign manager, Tom Lane, says the win is proof she can close "
                 "the gap", "the Harbour Review", "according to")),
    ),
    must_not=(
        example("The ferry carries 4,000 people per day in the summer months."),
        # the spinner's phrase as the predicate it can also be: no source
        example("The toll is in keeping with Ana Ruiz’s plan for the harbour."),
    ),
    default_confidence=0.85,
))
register(Rule(
    "indirect.CSV", "reported", 10, content_speaker_cue,
    "`…, S said.`",
    must=(
        example("The bridge would reopen in May, Ellen Park said.",
                ("indirect.CSV", "indirect", "The bridge would reopen in May", "Ellen Park", "said")),
        example("The repairs will take a year, engineers said.",
                ("indirect.CSV", "indirect", "The repairs will take a year", "engineers", "said")),
        example("The ferry line closed after the storm, the Harbour Review reported in 2014.",
                ("indirect.CSV", "indirect", "The ferry line closed after the storm", "the Harbour Review",
                 "reported")),
        # only a phrase of time or place after the cue
        example("“Boots on the pier” would be wise, Tom Reyes said after the storm.",
                ("indirect.CSV", "mixed", "“Boots on the pier” would be wise", "Tom Reyes", "said")),
        # the adjunct names a speech noun and who heard it, in lower-case words: no claim after the cue
        example("The ferry will run all winter, Ellen Park said in a statement to reporters.",
                ("indirect.CSV", "indirect", "The ferry will run all winter", "Ellen Park", "said")),
        example("The pier had “never looked better” after the storm, she said in a video message for the board.",
                ("indirect.CSV", "mixed", "The pier had “never looked better” after the storm", "she", "said")),
        example("The ferry is late, Tom Reyes said in a telephone interview on Wednesday, adding that the crew was "
                "sick.",
                ("indirect.CSV", "indirect", "The ferry is late", "Tom Reyes", "said"),
                ("indirect.participle", "indirect", "the crew was sick", "Tom Reyes", "adding")),
        example('The ferry left early, Tom Reyes said, adding, "Nobody told the crew."',
                ("indirect.CSV", "indirect", "The ferry left early", "Tom Reyes", "said"),
                ("direct.SVQ", "direct", "Nobody told the crew.", "Tom Reyes", "adding")),
        # a longer unnamed group; a place where it was said, then a participle
        example("The ferry cannot be inspected every week, port safety officials say.",
                ("indirect.CSV", "indirect", "The ferry cannot be inspected every week", "port safety officials",
                 "say")),
        example("The fares are too high, Ellen Park said Tuesday in Harbourton, noting that the buses are empty.",
                ("indirect.CSV", "indirect", "The fares are too high", "Ellen Park", "said"),
                ("indirect.participle", "indirect", "the buses are empty", "Ellen Park", "noting")),
        # a verb of evidence at the end, after a word for data
        example("The port lost money for a decade, federal records show.",
                ("indirect.CSV", "indirect", "The port lost money for a decade", "federal records", "show"),
                scope="all"),
        example("The ferry was overbooked all summer, the audit found.",
                ("indirect.CSV", "indirect", "The ferry was overbooked all summer", "the audit", "found"),
                scope="all"),
        example("The crane failed twice, a study by the harbour board found.",
                ("indirect.CSV", "indirect", "The crane failed twice", "a study by the harbour board", "found"),
                scope="all"),
        # an organisation's name with "and" in it is one speaker
        example("The pier will close in May, the Department of Ports and Harbours said.",
                ("indirect.CSV", "indirect", "The pier will close in May", "the Department of Ports and Harbours",
                 "said")),
    ),
    must_not=(
        # a gerund after the preposition is what the verb is about, not a time or place
        example("No matter the stakes, Tom Reyes will insist on being Tom Reyes."),
        example("Look out, harbour, I thought, here comes the storm."),
        example("The ferry was overbooked all summer, they found."),
        example("In a speech last July, the mayor said:\n\n“The ferry will run all winter.”",
                ("direct.colon_lead_in", "direct", "The ferry will run all winter.", "the mayor", "said")),
    ),
    default_confidence=0.85,
))
register(Rule(
    "indirect.C-SV-C", "reported", 20, parenthetical,
    "`The repairs, officials said, would take six months.`: two fragments of one claim, sharing a group",
    must=(
        example("The repairs, officials said, would take at least six months.",
                ("indirect.C-SV-C", "indirect", "The repairs", "officials", "said"),
                ("indirect.C-SV-C", "indirect", "would take at least six months", "officials", "said")),
        example("On Monday, officials said, the bridge would reopen within a week.",
                ("indirect.C-SV-C", "indirect", "the bridge would reopen within a week", "officials", "said")),
        example("Sometimes, officials said, the repairs take longer than planned.",
                ("indirect.C-SV-C", "indirect", "Sometimes", "officials", "said"),
                ("indirect.C-SV-C", "indirect", "the repairs take longer than planned", "officials", "said")),
        # a conjunction alone opens nothing, nor a connective of the writer's
        example("But, officials said, the repairs take longer than planned.",
                ("indirect.C-SV-C", "indirect", "the repairs take longer than planned", "officials", "said")),
        example("In contrast, officials said, the repairs take longer than planned.",
                ("indirect.C-SV-C", "indirect", "the repairs take longer than planned", "officials", "said")),
        # a phrase of place or manner opens the claim too; a time alone is when it was said
        example("Over the years, she said, the ferry has kept her in touch with the island.",
                ("indirect.C-SV-C", "indirect", "Over the years", "she", "said"),
                ("indirect.C-SV-C", "indirect", "the ferry has kept her in touch with the island", "she", "said")),
    ),
    default_confidence=0.8,
))
register(Rule(
    "indirect.CVS", "reported", 30, content_cue_speaker,
    "`…, said S.`",
    must=(
        example("The bridge would reopen in May, said Ellen Park.",
                ("indirect.CVS", "indirect", "The bridge would reopen in May", "Ellen Park", "said")),
        example('"She can claim it, but it looks very unlikely" that Park can catch Reyes, said Tom Lane, a '
                'strategist.',
                ("indirect.CVS", "mixed", '"She can claim it, but it looks very unlikely" that Park can catch Reyes',
                 "Tom Lane, a strategist", "said")),
        example("Tempers rose, and the meeting went badly from there, said one council source in the room.",
                ("indirect.CVS", "indirect", "Tempers rose, and the meeting went badly from there",
                 "one council source", "said")),
        # after the speaker, the writer's own clause, or more of the speaker's description
        example("The council has no plan, said Tom Lane, but the mayor has one.",
                ("indirect.CVS", "indirect", "The council has no plan", "Tom Lane", "said")),
        example("The toll costs too much, said Dan Cole, an expert who wrote books, papers and columns on it.",
                ("indirect.CVS", "indirect", "The toll costs too much", "Dan Cole", "said")),
        # a quotation of several sentences that the claim goes on from is the claim's whole start
        example('"Ferries lose money every winter. The port can pay. It has no other way" but to raise the fees, '
                "says Tom Lane.",
                ("indirect.CVS", "mixed", '"Ferries lose money every winter. The port can pay. It has no other way" '
                 "but to raise the fees", "Tom Lane", "says")),
        # an appositive that opens with its organisation's possessive
        example("The ferry is late again, said Ellen Park, Harbour Transit's spokeswoman.",
                ("indirect.CVS", "indirect", "The ferry is late again", "Ellen Park, Harbour Transit's spokeswoman",
                 "said")),
    ),
    must_not=(
        example("On the other side, Sen. Ana Ruiz, who has made the port her cause, tweeted a warning."),
        example("The port found the leak, reported it to the coast guard, and closed the dock."),
    ),
    default_confidence=0.85,
))
register(Rule(
    "indirect.participle", "reported", 40, subject_rule("participle"),
    "`…, adding that …` takes the speaker of the claim or quote before it",
    must=(
        example('Ellen Park said: "The bridge is safe," adding that the ferry would keep running.',
                ("direct.SVQ", "direct", "The bridge is safe,", "Ellen Park", "said"),
                ("indirect.participle", "indirect", "the ferry would keep running", "Ellen Park", "adding")),
        example("“The union has a list for every pier,” she said of the strike, adding the port would answer it.",
                ("direct.QCQ-SV", "direct", "The union has a list for every pier,", "she", "said"),
                ("indirect.participle", "indirect", "the port would answer it", "she", "adding")),
    ),
    default_confidence=0.6,
))
register(Rule(
    "indirect.coordinated", "reported", 40, subject_rule("coordinated"),
    "`Park visited the pier and said …` / `The mayor hit back, saying …`: the verb shares the sentence's subject",
    must=(
        # two words that modify the subject's noun
        example("The former dock officers chafed at the new rules and said the crews had been right.",
                ("indirect.coordinated", "indirect", "the crews had been right", "The former dock officers", "said")),
        # a day between the subject and its verb, and a phrase of place before them
        example("Inside the hotel, Tom Reyes on Tuesday waved off Gov. Ana Ruiz as a weak leader, arguing "
                "that the governor has run the port badly.",
                ("indirect.coordinated", "indirect", "the governor has run the port badly", "Tom Reyes",
                 "arguing")),
        # what the subject put out, then a day: lower-case words before the subject's noun
        example("The harbour ministry’s port office also posted a notice Tuesday saying that the pier had closed.",
                ("indirect.coordinated", "indirect", "the pier had closed", "The harbour ministry’s port office",
                 "saying")),
        # a verb joined to the verb of a subordinate clause shares that clause's subject
        example("The crowd cheered when Tom Reyes spotted a sign in the hall and asked that it be brought to him.",
                ("indirect.coordinated", "indirect", "it be brought to him", "Tom Reyes", "asked")),
        # a sentence that opens with a participle phrase
        example("Asked about the crane, Tom Reyes paused and said that it was old.",
                ("indirect.coordinated", "indirect", "it was old", "Tom Reyes", "said")),
        example("Tom Reyes left the pier early, while also saying that he expects the ferry back soon.",
                ("indirect.coordinated", "indirect", "he expects the ferry back soon", "Tom Reyes", "saying")),
        # an appositive or a relative clause between the subject and its first verb
        example("Ellen Park, who spoke to the harbour board, did not name Reyes but told members that the ferry "
                "should be sold.",
                ("indirect.coordinated", "indirect", "the ferry should be sold",
                 "Ellen Park, who spoke to the harbour board", "told")),
        example("Tom Reyes, a former harbour commissioner, toured the pier and said the crane was safe.",
                ("indirect.coordinated", "indirect", "the crane was safe", "Tom Reyes, a former harbour commissioner",
                 "said")),
        example("Ellen Park visited the ferry terminal on Monday and said the second boat would start in June.",
                ("indirect.coordinated", "indirect", "the second boat would start in June", "Ellen Park", "said")),
        # a plural subject with "were", "are" or "have" before its first verb
        example("The workers were angry on Monday, saying the pier was unsafe.",
                ("indirect.coordinated", "indirect", "the pier was unsafe", "The workers", "saying")),
        example("In an interview with “Harbour Talk,” Ellen Park pointed to the port as the culprit, remarking that "
                "the crane was old.",
                ("indirect.coordinated", "indirect", "the crane was old", "Ellen Park", "remarking")),
        example("Tom Reyes used to back the ferry, but now says the bridge is the better plan.",
                ("indirect.coordinated", "indirect", "the bridge is the better plan", "Tom Reyes", "says")),
        example("A few minutes later they reversed themselves and said the ferry would wait.",
                ("indirect.coordinated", "indirect", "the ferry would wait", "they", "said")),
        example("The mayor freed up $2 million and on Monday announced that the ferry would run all winter.",
                ("indirect.coordinated", "indirect", "the ferry would run all winter", "The mayor", "announced")),
        example("When the two met in May, Ellen Park was on the pier and said the ferry would run all winter.",
                ("indirect.coordinated", "indirect", "the ferry would run all winter", "Ellen Park", "said")),
        example("The Court of Appeals for the 4th Circuit overruled the judge and said the toll was lawful.",
                ("indirect.coordinated", "indirect", "the toll was lawful", "The Court of Appeals for the 4th Circuit",
                 "said")),
        # a belief or an endorsement outside the scope takes no words from the speech after it
        example("The senator endorsed Park, but told reporters that the ferry plan would fail.",
                ("indirect.coordinated", "indirect", "the ferry plan would fail", "The senator", "told")),
        example("On the ferry plan, the mayor has derided the new toll, suggesting that the council misread the law.",
                ("indirect.coordinated", "indirect", "the council misread the law", "the mayor", "suggesting")),
        example("The mayor hit back on Saturday, saying the council had known about the cracks for years.",
                ("indirect.coordinated", "indirect", "the council had known about the cracks for years",
                 "The mayor", "saying")),
        example("Ellen Park said the bridge was safe and warned that the ferry could not carry more cars.",
                ("indirect.SVC", "indirect", "the bridge was safe", "Ellen Park", "said"),
                ("indirect.coordinated", "indirect", "the ferry could not carry more cars", "Ellen Park", "warned")),
        example("Facing a packed hall, the mayor wrote to every household, insisting that the ferry was safe.",
                ("indirect.coordinated", "indirect", "the ferry was safe", "the mayor", "insisting")),
    ),
    default_confidence=0.6,
))
register(Rule(
    "indirect.SVC", "reported", 40, subject_rule("SVC"),
    "`S said (that) …`, `S told reporters on Thursday …`, `S said in a statement …`, `S tweeted …` (typed "
    "`mixed` when the claim holds a quoted fragment)",
    must=(
        example("Ellen Park told reporters on Thursday that the bridge would reopen in May.",
                ("indirect.SVC", "indirect", "the bridge would reopen in May", "Ellen Park", "told")),
        # a plural noun after "told" is the hearer when the clause's subject follows it
        example("The mayor told dockers this week she would quit.",
                ("indirect.SVC", "indirect", "she would quit", "The mayor", "told")),
        # a quotation alone after a verb of stance or intention reports the words themselves
        example("The union welcomed “the long overdue decision to rebuild the pier.”",
                ("indirect.SVC", "direct", "the long overdue decision to rebuild the pier.", "The union", "welcomed")),
        example("The mayor offered “warm thanks to every crew on the pier.”",
                ("indirect.SVC", "direct", "warm thanks to every crew on the pier.", "The mayor", "offered")),
        # a name shown speaking in a recording: the name, however the sentence opens
        example("Last month, she released a web ad made of his remarks, followed by a clip of Tom Reyes saying "
                "he will back the nominee.",
                ("indirect.SVC", "indirect", "he will back the nominee", "Tom Reyes", "saying")),
        example("The Centre for Ferry Safety and Research said the pier must close.",
                ("indirect.SVC", "indirect", "the pier must close", "The Centre for Ferry Safety and Research",
                 "said")),
        # "that", a quoted phrase, then words of the clause: the claim, however few the words after it
        example("Ana Ruiz told reporters that “personnel changes” could come.",
                ("indirect.SVC", "mixed", "“personnel changes” could come", "Ana Ruiz", "told")),
        # "that", then words before a quotation: the claim holds them ("said about the port, “…”" is a topic)
        example("Ellen Park said that while she fears the storm, “I have never seen a ferry this late.”",
                ("indirect.SVC", "mixed", "while she fears the storm, “I have never seen a ferry this late.”",
                 "Ellen Park", "said")),
        # a verb of intention with its hearer (scope all)
        example("The council encouraged residents to take the ferry on Sunday.",
                ("indirect.SVC", "indirect", "to take the ferry on Sunday", "The council", "encouraged"), scope="all"),
        # a phrase set off by commas between the cue and "that"
        example("She also said, without evidence, that the ferry was sinking.",
                ("indirect.SVC", "indirect", "the ferry was sinking", "She", "said")),
        example("The minister said the talks would resume next week.",
                ("indirect.SVC", "indirect", "the talks would resume next week", "The minister", "said")),
        # a speaker with a relative clause that ends in a time, a subject joined by "and", and a
        # phrase of place whose "heated" describes a noun before "that"
        example("The residents who met the mayor on Friday say the ferry plan is a mistake.",
                ("indirect.SVC", "indirect", "the ferry plan is a mistake", "The residents who met the mayor on Friday",
                 "say")),
        example("The auditor stated Ellen Park and her team were careless with the harbour fund.",
                ("indirect.SVC", "indirect", "Ellen Park and her team were careless with the harbour fund",
                 "The auditor", "stated")),
        example("Ellen Park declared in a heated argument with Tom Reyes that the deal would need secrecy.",
                ("indirect.SVC", "indirect", "the deal would need secrecy", "Ellen Park", "declared")),
        example("The harbour board has been warning that the ferry fund will be empty by May.",
                ("indirect.SVC", "indirect", "the ferry fund will be empty by May", "The harbour board", "warning")),
        # an aside in commas between the speaker and the cue is neither
        example("The dockers, on the other hand, argued that the new toll would keep the pier open.",
                ("indirect.SVC", "indirect", "the new toll would keep the pier open", "The dockers", "argued")),
        # a speaker noun described by an "of" phrase ending in a word the lexicon does not know
        example("The deputy head of the harbour delegation said the port should close at night.",
                ("indirect.SVC", "indirect", "the port should close at night",
                 "The deputy head of the harbour delegation", "said")),
        example("Organizers of both marches said they will meet their targets.",
                ("indirect.SVC", "indirect", "they will meet their targets", "Organizers of both marches", "said")),
        # "'s" for "has" after a pronoun
        example("She’s said the ferry is late again.",
                ("indirect.SVC", "indirect", "the ferry is late again", "She", "said")),
        # "that night" is a time after the cue, unless a verb follows it
        example("He said that night was the worst of the storm.",
                ("indirect.SVC", "indirect", "that night was the worst of the storm", "He", "said")),
        # ", though," between the cue and "that"
        example("Tom Reyes added, though, that the crew had been paid.",
                ("indirect.SVC", "indirect", "the crew had been paid", "Tom Reyes", "added")),
        # between the speaker and the cue, what they spoke in
        example("Ellen Park in her budget speech said the toll would rise in May.",
                ("indirect.SVC", "indirect", "the toll would rise in May", "Ellen Park", "said")),
        # past a hearer and a phrase of time or place, "that" and a pronoun or a quotation open the claim
        example("Ellen Park told the Harbour Review and Gazette on Saturday that she cast her vote early.",
                ("indirect.SVC", "indirect", "she cast her vote early", "Ellen Park", "told")),
        # the subject before what it put out speaks: not "The town released a statement"
        example("The town released a statement saying the mayor was wrong.",
                ("indirect.SVC", "indirect", "the mayor was wrong", "The town", "saying")),
        # a hearer named with a role before the name
        example("Ellen Park told host Tom Reyes on Sunday she believed the mayor would win.",
                ("indirect.SVC", "indirect", "she believed the mayor would win", "Ellen Park", "told")),
        example("Tom Reyes is telling voters after his win at the port that “the ferry stays.”",
                ("indirect.SVC", "direct", "the ferry stays.", "Tom Reyes", "telling")),
        example("The company said in a statement that its profits fell sharply.",
                ("indirect.SVC", "indirect", "its profits fell sharply", "The company", "said")),
        example("She tweeted that the vote had been rigged.",
                ("indirect.SVC", "indirect", "the vote had been rigged", "She", "tweeted")),
        # after "As S told …," the main clause is what S said
        example("As Ana Ruiz told the Harbour Times, tax relief is given in exchange for jobs.",
                ("indirect.SVC", "indirect", "tax relief is given in exchange for jobs", "Ana Ruiz", "told")),
        example('Trump said there was still "a long way" to go in the talks.',
                ("indirect.SVC", "mixed", 'there was still "a long way" to go in the talks', "Trump", "said")),
        example("The mayor said the repairs “will cost the port $5 bn. It is a waste of money.” Then she left.",
                ("indirect.SVC", "mixed", "the repairs “will cost the port $5 bn. It is a waste of money.”",
                 "The mayor", "said")),
        example("While the mayor said the bridge was safe, the engineers kept it closed for a week.",
                ("indirect.SVC", "indirect", "the bridge was safe", "the mayor", "said")),
        example("The lawyers said “every filing points one way” that the permit is valid.",
                ("indirect.SVC", "mixed", "“every filing points one way” that the permit is valid",
                 "The lawyers", "said")),
        example("Tom Reyes, who ran the ferry, the bus line, and the bridge toll office for a decade, last week said "
                "the council had ignored the repairs.",
                ("indirect.SVC", "indirect", "the council had ignored the repairs",
                 "Tom Reyes, who ran the ferry, the bus line, and the bridge toll office for a decade", "said")),
        example("In the survey, 46 percent said they would take the ferry more often.",
                ("indirect.SVC", "indirect", "they would take the ferry more often", "46 percent", "said")),
        example("One attendee, who like others spoke on condition of anonymity, said the ferry would be sold.",
                ("indirect.SVC", "indirect", "the ferry would be sold",
                 "One attendee, who like others spoke on condition of anonymity", "said")),
        example("A senior port official, speaking on condition of anonymity, said the talks had stalled.",
                ("indirect.SVC", "indirect", "the talks had stalled",
                 "A senior port official, speaking on condition of anonymity", "said")),
        example("A dock worker, who asked not to be named, said the cranes were idle.",
                ("indirect.SVC", "indirect", "the cranes were idle", "A dock worker, who asked not to be named",
                 "said")),
        example("Ellen Park said the toll would rise in May, and called the vote a disgrace.",
                ("indirect.SVC", "indirect", "the toll would rise in May", "Ellen Park", "said"),
                ("indirect.characterisation", "indirect", "the vote a disgrace", "Ellen Park", "called")),
        example("The mayor urged residents to stay off the bridge until the repairs end.",
                ("indirect.SVC", "indirect", "to stay off the bridge until the repairs end", "The mayor", "urged")),
        example("Russia’s international ministry mentioned the two sides would meet again soon.",
                ("indirect.SVC", "indirect", "the two sides would meet again soon", "Russia’s international ministry",
                 "mentioned")),
        example("Rather, sources close to the mayor say she backs the ferry plan.",
                ("indirect.SVC", "indirect", "she backs the ferry plan", "sources close to the mayor", "say")),
        example("The harbour master admits in this instance, there were delays.",
                ("indirect.SVC", "indirect", "in this instance, there were delays", "The harbour master", "admits")),
        example("The mayor told reporters this weekend she would close the bridge.",
                ("indirect.SVC", "indirect", "she would close the bridge", "The mayor", "told")),
        example("Former officials who spoke with the Harbour Review said the union had become a shell of itself.",
                ("indirect.SVC", "indirect", "the union had become a shell of itself",
                 "Former officials who spoke with the Harbour Review", "said")),
        example("Later, the mayor said of the ferry deal that it “was not good enough.”",
                ("indirect.SVC", "mixed", "it “was not good enough.”", "the mayor", "said")),
        example("He then implied that the council had hidden the report.",
                ("indirect.SVC", "indirect", "the council had hidden the report", "He", "implied")),
        example("Already, 120 delegates have publicly said they back the ferry plan.",
                ("indirect.SVC", "indirect", "they back the ferry plan", "120 delegates", "said")),
        example("Her neighbours and allies have in the past said she would not run.",
                ("indirect.SVC", "indirect", "she would not run", "Her neighbours and allies", "said")),
        example("Union members and officials, in fact, even insist the toll will fall.",
                ("indirect.SVC", "indirect", "the toll will fall", "Union members and officials", "insist")),
        example("Public defender Ann Lee wrote, Tom Reyes is a devoted father.",
                ("indirect.SVC", "indirect", "Tom Reyes is a devoted father", "Public defender Ann Lee", "wrote")),
        example("On Wednesday the port authority said it had received the payments.",
                ("indirect.SVC", "indirect", "it had received the payments", "the port authority", "said")),
        example("Until the pier closed, most of them said they had enjoyed the ferry.",
                ("indirect.SVC", "indirect", "they had enjoyed the ferry", "most of them", "said")),
        example("Many in the crowd said the mayor was the only one they trusted.",
                ("indirect.SVC", "indirect", "the mayor was the only one they trusted", "Many in the crowd", "said")),
        example("Ellen Park and Tom Reyes have both argued that the toll is too high.",
                ("indirect.SVC", "indirect", "the toll is too high", "Ellen Park and Tom Reyes", "argued")),
        example("A source familiar with her thinking said the mayor would not run.",
                ("indirect.SVC", "indirect", "the mayor would not run", "A source familiar with her thinking", "said")),
        example("The family said in a statement that the rally would go ahead.",
                ("indirect.SVC", "indirect", "the rally would go ahead", "The family", "said")),
        example("She said, however, that the ferry would run.",
                ("indirect.SVC", "indirect", "the ferry would run", "She", "said")),
        example("The mayor continues to insist that the bridge is safe.",
                ("indirect.SVC", "indirect", "the bridge is safe", "The mayor", "insist")),
        example("The port authority said about half of the delays came from the storms.",
                ("indirect.SVC", "indirect", "about half of the delays came from the storms", "The port authority",
                 "said")),
        example("In the ferry survey, six in 10 say the fares are too high.",
                ("indirect.SVC", "indirect", "the fares are too high", "six in 10", "say")),
        example("Her aides and allies say she will run again.",
                ("indirect.SVC", "indirect", "she will run again", "Her aides and allies", "say")),
        example("But those who live near the pier say the noise never stops.",
                ("indirect.SVC", "indirect", "the noise never stops", "those who live near the pier", "say")),
        example("Ellen Park said in an interview with the station that the port was safe.",
                ("indirect.SVC", "indirect", "the port was safe", "Ellen Park", "said")),
        example("Ellen Park said on Harbour TV’s Morning Desk that the port was safe.",
                ("indirect.SVC", "indirect", "the port was safe", "Ellen Park", "said")),
        example("Former harbour master Ed Moss -- who lost the 2008 vote to Park -- said the mayor had no plan.",
                ("indirect.SVC", "indirect", "the mayor had no plan",
                 "Former harbour master Ed Moss -- who lost the 2008 vote to Park", "said")),
        example("Tom Lane however said he would welcome a ferry network for the coast.",
                ("indirect.SVC", "indirect", "he would welcome a ferry network for the coast", "Tom Lane", "said")),
        example("Tom Reyes has assured me he is going to keep the ferry running.",
                ("indirect.SVC", "indirect", "he is going to keep the ferry running", "Tom Reyes", "assured")),
        example("Asked about the toll, Tom Reyes said that was a natural part of the job.",
                ("indirect.SVC", "indirect", "that was a natural part of the job", "Tom Reyes", "said")),
        example("Crews who worked on the bridge said the cables were rusted through.",
                ("indirect.SVC", "indirect", "the cables were rusted through", "Crews who worked on the bridge",
                 "said")),
        # a verb that is a noun as often ("the show") is a verb after a word for data
        example("Polls show that the ferry is most popular with commuters.",
                ("indirect.SVC", "indirect", "the ferry is most popular with commuters", "Polls", "show"),
                scope="all"),
        # a verb of belief takes a clause without "that" when a clause follows
        example("The mayor hopes the vote will go her way.",
                ("indirect.SVC", "indirect", "the vote will go her way", "The mayor", "hopes"), scope="all"),
        # evidence from a document, with a clause of its own
        example("The audit found the ferry was overbooked all summer.",
                ("indirect.SVC", "indirect", "the ferry was overbooked all summer", "The audit", "found"),
                scope="all"),
        # "that" as the claim's subject; a camp or a circle as the speaker
        example("But many of her backers think that can change.",
                ("indirect.SVC", "indirect", "that can change", "many of her backers", "think"), scope="all"),
        example("The mayor's inner circle believes that the vote is lost.",
                ("indirect.SVC", "indirect", "the vote is lost", "The mayor's inner circle", "believes"), scope="all"),
    ),
    must_not=(
        example("Voters may not let the harbour papers tell them whom to back."),
        example("A splinter group claimed responsibility for the fire at the pier."),
        example("Harbour chief Ana Ruiz told a council panel on Wednesday."),
        example("The mayor is also encouraging her voters at a rally on the pier to ask why the ferry stopped."),
        example("The state department announced nothing new on the report."),
        example("The senator denied the charges through her lawyer."),
        example("The crews continued the repairs until the harbour froze in January."),
        example("She answered every complaint with a long letter to the editor."),
        # an idiom's object is no claim, whatever clause follows its comma
        example("Once she has said her piece, she heads for the door."),
        example("Though few of them speak the language, their smiles said a lot."),
        example("Editor’s note: the ferry timetable has changed since this was written."),

        example("Later, the council added trucks to the snow fleet."),
        # the comma closes the subordinate or relative clause the cue is in: the main clause is no claim
        example("After the mayor testified, the council and its staff seemed to turn to the pier."),
        example("After the firm shared the details of the claims, which Tom Reyes denies, the talk of a strike ended."),
        # a "that" with a verb right after it is a relative's subject, opening no claim
        example("The latest delay adds to the drama that has surrounded the ferry contract for years."),
        example("Reyes once called for female dockers to wear brighter vests that showed more of the logo.",
                ("indirect.SVO", "indirect", "female dockers to wear brighter vests that showed more of the logo",
                 "Reyes", "called")),
        example("His claims about the ferry were checked by the council."),
        example("The crash was a blow that even years later remains so painful for the town."),
        example("The pilot who first reported the fire was praised by the council."),
        example("In the wake of the council report, Ellen Park has portrayed herself as a reformer."),
        example('Critics of the "woke" agenda gathered outside the hall.'),
        example('The film "A Bridge Too Far" was shown at the festival.'),
        # a share "of all" is no speaker: the noun after it is the subject ("all reported gifts")
        example("Forty-three percent of all reported gifts to the council came from builders, according to a "
                "study by the Harbour Review.",
                ("according_to.CA", "indirect", "Forty-three percent of all reported gifts to the council came "
                 "from builders", "a study by the Harbour Review", "according to")),
    ),
    default_confidence=0.8,
))
register(Rule(
    "indirect.relative", "reported", 40, subject_rule("relative"),
    "`… Maria Lopez, who said …`: the speaker is written \"who\" and resolved to the name before it",
    must=(
        example("The plan was backed by Maria Lopez, who has said the city cannot wait another winter.",
                ("indirect.relative", "indirect", "the city cannot wait another winter", "who", "said")),
        example("The loss was steep for Ellen Park, who said she would take a day off.",
                ("indirect.relative", "indirect", "she would take a day off", "who", "said")),
        # a common noun for a person, ending the clause before "who", is what "who" stands for
        example("The final question of the night came from a small boy, who said his aunt had rowed him over.",
                ("indirect.relative", "indirect", "his aunt had rowed him over", "who", "said")),
        # a verb joined to the relative clause's own verb
        example("Ellen Park, who backed Tom Reyes in May and said she would campaign with him, stayed home.",
                ("indirect.relative", "indirect", "she would campaign with him", "who", "said")),
    ),
    default_confidence=0.6,
))
