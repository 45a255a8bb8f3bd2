"""Pass "direct": quotations with an attribution of their own.

Two analyses read each quotation once: what follows it (``"…," S said`` and ``"…," said S``) and
what comes before it (``S said: "…"``, ``…, said S, "…"``, a colon lead-in). The rules below
accept the layouts those analyses find, in priority order.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotes.document import Cue, Paragraph
from quotes.lexicon import GrammarRegex
from quotes.marks import QuotedSpan
from quotes.mentions import NAME_RUN, bare, parse_mention, statement_owner
from quotes.phrases import (
    HEARERS,
    content_start,
    name_run_before,
    sentence_subject,
    skip_adjuncts,
    speaker_after,
    speaker_before,
    words,
)
from quotes.rules.base import Found, Rule, example
from quotes.rules.clauses import (
    CLAUSE_VERB,
    SPEAKING_KINDS,
    after_preposition,
    asked_in_context,
    is_tell,
    opening_participle_clause_end,
    opens_clause,
    relative_subject,
    subject_of,
)
from quotes.rules.engine import Extractor, has_words, sentence_of
from quotes.rules.registry import register
from quotes.sentences import Range, strip_space

LOOSE_WORDS = 10  # the longest speaker phrase kept when the finders would not take it
NAMED_KINDS = ("person", "organization")
MAX_OBJECT_WORDS = 12  # "emailed a clip of the vote with one line:": an object before a colon, not a claim
GAP_AFTER_QUOTE = re.compile(r"[\s,—–―-]*")
DASH = re.compile(r"\s*[—–―]+\s*|\s+-{1,2}\s*")
LINE_DASH = re.compile(r"[—–―-]{1,2}\s*(?=[A-Z])")
PLACE_AFTER = re.compile(r",\s*(?:[A-Z][\w.’'-]*\s*){1,4}\.?\s*")  # "— Michelle Marks, Philadelphia."
# When or where the signed words were said: "— Ana Ruiz, speaking after the vote."
OCCASION_AFTER = re.compile(r",\s*(?-i:[a-z]+ing)\s[^.!?;:]{1,80}\.?\s*")
INNER_CLOSERS = " \"'”’»›"  # "…?’”": the question mark inside a quotation within the quotation
SENTENCE_WORDS = 4  # a quoted sentence, with its final mark, of at least this many words is no title
AS_LEAD = re.compile(r"\s*As\s")  # "As Jeff Wade put it, …"
THAT_BEFORE = re.compile(r"\bthat\s*$")
# What a quotation is about, between its cue and the quotation: "said about the movement, “…”".
TOPIC_BEFORE_QUOTE = re.compile(r"(?:about|of|on|to|at|in|during|after|before|when|while|with)\b[^\"“”‘«]{0,60}[,:]\s*",
                                re.IGNORECASE)
# The rest of a speaker phrase between an attribution and the quotation it continues into.
PARTICIPLE_BEFORE_QUOTE = re.compile(r"(?-i:[a-z]+ing)\b[^\"“”‘«;:.!?]{0,80},\s*")  # ", explaining why …, “"
WHERE_WRITTEN = re.compile(r"(?:on|in|at|to)\s+[^\"“”‘«,;:.!?]{1,50}\.\s*")
DESCRIBED_WHO = re.compile(r"(?:a|an|the)\s+[^\"“”‘«,;:.!?]{1,40}?\bwho\b")  # ", an economist who is …,"
APPOSITIVE_BEFORE_QUOTE = re.compile(r"[^\"“”‘«,;:.!?]{1,80},\s*")


LEADING_COORDINATOR = GrammarRegex(r"(?:__COORDINATORS__)\s+")
PLAIN_POSSESSIVE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s")
# What someone said, named with its owner, then "is" or "was": "Ana Ruiz’s reply was: “…”", "Her
# slogan is “…”", "Tom Lane’s advice to new pilots (repeated for years) was, “…”".
STATEMENT_IS = GrammarRegex(
    r"(?:^|(?<=\s))((?:(?-i:[A-Z])[\w.’'-]*\s+){0,3}(?-i:[A-Z])[\w.’'-]*[’']s|his|her|their|its)"
    r"(\s+(?:[\w-]+\s+){0,2}?(?:__SAID_NOUNS__))"
    r"(?:\s+(?:to|for|on|about|in)\s+[^,.:;()“”\"]{1,40}?)?(\s*\([^()]{1,80}\))?"
    r"\s+(?:is|was)(?:\s*[,:]|\s+(?-i:[a-z]+)\s*:)?\s*$", re.IGNORECASE)

# A clause of its own before the colon: "She was so upset that I had to change my answer: …".
SECOND_SUBJECT = re.compile(r"\b(?:that|so|until|when)\s+(?:I|he|she|we|they)\b")


class Attribution(NamedTuple):
    """An attribution found next to a quotation: its layout, cue, speaker and where it ends."""

    layout: str
    cue: Cue | None
    speaker: Range
    end: int
    antecedent: Range | None = None  # the phrase a relative "who" speaker stands for


# ---- what follows a quotation ---------------------------------------------------------------


def trailing(ex: Extractor, para: Paragraph, span: QuotedSpan, loose: bool = False) -> Attribution | None:
    """``"…," S said.`` (layout SV) and ``"…," said S.`` (VS).

    ``loose``: when no rule found the quote's speaker, a cue in the place of an attribution
    keeps the quote, with the nearest name or the phrase as written (layouts SV.loose, VS.loose).
    """
    if not span.closed:
        return None
    text = ex.text
    _, limit = sentence_of(para, max(span.end - 1, span.start))
    crossed = whole = False
    if limit <= span.end + 1 and limit < para.end:
        # Punkt ends the sentence at `?"`: the attribution may be the next, short sentence; after a
        # full stop only when it is all the sentence holds ("“….” Trump said."), never the lead-in
        # of the next quotation ("“….” The mayor added: “…”")
        whole = text[span.start:span.inner_end].rstrip(INNER_CLOSERS)[-1:] not in "?!…"
        _, limit = sentence_of(para, limit + 1 if text[limit].isspace() else limit)
        crossed = True
    limit = max(limit, min(para.end, span.end + 1))
    sentence_end = limit  # (a whole sentence of attribution has nothing after it, a quotation neither)
    next_span = para.span_from(span.end)
    if next_span is not None and next_span.start < limit:
        limit = next_span.start
    gap_start = span.end
    m = GAP_AFTER_QUOTE.match(text[gap_start:limit])
    gap_start += m.end() if m else 0
    for cue in _trailing_cues(ex, para, gap_start, limit, stances=not loose):
        if has_words(text, gap_start, cue.start, 11) and not _appositive_speaker(ex, gap_start, cue.start):
            break
        if cue.start == gap_start:
            clause_end = clause_limit(para, cue.end)
            # (after a participle, the phrase is its object: "“…” — asserting that big donations …")
            speaker = None if cue.participle else speaker_after(text, cue.end, clause_end,
                                                                                   ex.lexicon)
            if speaker and (not crossed or ends_clause(ex, speaker[1], limit, False)) \
                    and not (whole and text[speaker[1]:sentence_end].strip(" .")):
                return Attribution("VS", cue, speaker, speaker[1])
            if loose and not crossed and (phrase := loose_phrase(ex, cue.end, clause_end)):
                return Attribution("VS.loose", cue, phrase, phrase[1])
            continue
        speaker = speaker_before(text, gap_start, cue.start, ex.lexicon)
        if has_complement(ex, cue, limit) or crossed and not ends_clause(ex, cue.end, limit, is_tell(ex, cue)):
            continue
        if speaker is not None and (speaker[0] == gap_start or coordinated_speaker(ex, gap_start, speaker[0])) \
                and not (whole and text[cue.end:sentence_end].strip(" .")):
            return Attribution("SV", cue, speaker, cue.end)
        if loose and speaker is None and not has_words(text, gap_start, cue.start, LOOSE_WORDS + 1) \
                and (phrase := loose_phrase(ex, gap_start, cue.start)):
            return Attribution("SV.loose", cue, phrase, cue.end)
    return None


def _trailing_cues(ex: Extractor, para: Paragraph, start: int, end: int, stances: bool) -> list[Cue]:
    """The cues after a quotation: of speech, and (``stances``) of a stance ("“…,” he mocks", "“…,” Ruiz
    slammed"), which after a quoted sentence report what was said (``Extractor.category_found``); never
    after a quoted phrase (``quote_then_attribution``)."""
    cues = para.cues_between(start, end)
    found = [c for c in para.cues_between(start, end, "attitude") if ex.category_of(c) == "belief"] if stances else []
    return sorted(cues + found, key=lambda c: c.start) if found else cues


def coordinated_speaker(ex: Extractor, start: int, speaker_start: int) -> bool:
    """``“…,” Ana Ruiz and Tom Reyes said``: another speaker joined by "and" fills the gap before
    the one found (the speaker keeps the last name, as in ``Ana Ruiz and Tom Reyes said …``)."""
    m = AND_BEFORE.search(ex.text, start, speaker_start)
    if m is None:
        return False
    other = speaker_before(ex.text, start, m.start(), ex.lexicon)
    return other is not None and other[0] == start and other[1] == m.start()


AND_BEFORE = re.compile(r"\s+and\s+$")


def _appositive_speaker(ex: Extractor, start: int, cue_start: int) -> bool:
    """Whether the many words between a quotation and its cue are one speaker with a long
    appositive ("…,” Michael Ortiz, a senior fellow at the institute and a former envoy, said), or
    speakers joined by "and" ("…,” harbour experts Ana Ruiz and Tom Reyes of the Harbour Institute wrote)."""
    speaker = speaker_before(ex.text, start, cue_start, ex.lexicon)
    return speaker is not None and (speaker[0] == start and "," in ex.text[speaker[0]:speaker[1]]
                                    or coordinated_speaker(ex, start, speaker[0]))


def loose_phrase(ex: Extractor, start: int, end: int) -> Range | None:
    """A speaker phrase the finders would not take, kept rather than losing the quote: the first
    name written in it, else the phrase itself up to its first clause break."""
    text = ex.text
    stop = re.search(r"[,;:.!?“”\"(]|\s[—–―-]\s", text[start:end])
    start, end = strip_space(text, start, start + stop.start() if stop else end)
    if start >= end or not has_words(text, start, end, 1) or has_words(text, start, end, LOOSE_WORDS + 1):
        return None
    first = text[start:end].split()[0]
    if not (first[0].isupper() or first.lower() in ex.lexicon.grammar["determiners"]) \
            or first.lower() in ex.lexicon.grammar["adjunct_openers"] \
            or first.lower() in ex.lexicon.not_speakers:
        return None  # "…" about the decision, said …: the quotation runs on into a report
    names = [m for m in NAME_RUN.finditer(text, start, end)
             if m.group().split()[0].lower() not in ex.lexicon.sentence_openers]
    return (names[0].start(), names[0].end()) if names else (start, end)  # "Blige sings to Clinton": Blige


DETERMINED_HEARER = re.compile(r"\s*(?:a|an|the|his|her|their|its|one|some|several)\s+[a-z][\w-]*"
                               r"(?:\s+(?![a-z]+ing\b)[a-z][\w-]*)?")  # (a participle after it describes the hearer)


def has_complement(ex: Extractor, cue: Cue, limit: int) -> bool:
    """``"This Week," Rubio said that …``: the cue governs a clause of its own, not the quote."""
    text = ex.text
    told = is_tell(ex, cue)
    pos = skip_adjuncts(text, cue.end, limit, HEARERS(ex.lexicon) if told else None, ex.adjuncts, rounds=3)
    if told and pos == cue.end and (hearer := DETERMINED_HEARER.match(text, pos, limit)):
        pos = hearer.end()  # "told a fisherman walking along …": whom it was told, before any clause of its own
    if text[cue.end:pos].rstrip().endswith(","):
        return False
    m = re.match(r"\s*([A-Za-z’']+)", text[pos:limit])
    if not m or m.group(1).lower() in ex.lexicon.grammar["adjunct_openers"]:
        return False
    if m.group(1).lower().endswith("ing") or CLAUSE_VERB.match(text, pos + m.start(1)):
        return False  # "said in a statement explaining why …", "said in an interview aired Monday": no subject
    return m.group(1).lower() == "that" or opens_clause(ex, pos, limit)


def ends_clause(ex: Extractor, pos: int, limit: int, told: bool) -> bool:
    """Only adjuncts stand between ``pos`` and the end of the clause: a time, the place of speech,
    a phrase led by a preposition ("in response") or a participle (", repeating …"), but no
    clause of its own ("that …") and no other quotation."""
    text = ex.text
    end = content_start(text, pos, limit, ex.lexicon, told, ex.adjuncts)
    rest = text[end:limit]
    if not rest.strip(" .,;:!?—–―-\"”’'"):
        return True
    first = re.match(r"[\s,]*([A-Za-z]+)", rest)
    if not first or re.search(r"\bthat\b|[\"“”«»]", rest):
        return False
    word = first.group(1).lower()
    if (word.endswith("ed") or word in ex.lexicon.grammar["irregular_past"]) and _after_speech_noun(ex, pos, end):
        return True  # "told the paper in an interview aired last week …": the interview's, no clause of its own
    comma = "," in text[pos:end + first.start(1)]
    if comma and (word in ("a", "an") or word not in ex.lexicon.pronoun_words and not CLAUSE_VERB.search(rest)):
        # `"…!" Ana Ruiz shouted, a line she often repeats`, `…, shorthand for taking the fight on`: an
        # appositive of the writer's (a phrase with no verb of its own)
        return True
    participle = word.endswith("ing") and comma
    # a hearer: a few words, or a noun phrase however long ("told a fisherman walking along the pier who …")
    hearer = told and (len(rest.split()) <= 4 or word in ex.lexicon.grammar["determiners"]) \
        and not any(w in ex.lexicon.cue_forms for w in rest.split())
    return word in ex.lexicon.grammar["adjunct_openers"] or word == "who" or participle or hearer


def _after_speech_noun(ex: Extractor, pos: int, end: int) -> bool:
    """Whether the adjuncts ``text[pos:end]`` end with a channel of speech ("in an interview")."""
    words = ex.text[pos:end].split()
    return bool(words) and ex.lexicon.speech_noun_regex.fullmatch(words[-1].rstrip(",")) is not None


def clause_limit(para: Paragraph, pos: int) -> int:
    _, end = sentence_of(para, pos)
    nxt = para.span_from(pos)
    return min(end, nxt.start) if nxt else end


def lead_of(ex: Extractor, para: Paragraph, span: QuotedSpan) -> tuple[int, bool]:
    """Where the quotation's sentence starts, and whether the words before the quotation introduce
    it (they end in a colon or dash): otherwise they are the first part of a mixed claim."""
    sent_start, _ = sentence_of(para, span.start)
    lead = ex.text[sent_start:span.start]
    introduced = lead.rstrip().endswith((":", "-", "—", "–"))  # "… painting him as a sympathizer - “…”"
    return sent_start, bool(lead.strip(" \t\"“”‘’'")) and not introduced


def _trailing(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Attribution | None:
    return ex.cached(("trailing", span.start), lambda: trailing(ex, para, span))


def _quotation(ex: Extractor, span: QuotedSpan, attribution: Attribution) -> Found:
    return Found(ex.direct_content(span), attribution.speaker, attribution.cue, type="direct", span=span,
                 attribution_end=attribution.end, antecedent=attribution.antecedent)


def quote_then_attribution(layout: str, mixed: bool):
    """The rules for a quotation followed by its attribution: direct when the quotation opens its
    sentence (or follows a colon), mixed when words of the writer's lead into it."""

    def find(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Found | None:
        if ex.direct_content(span)[0] >= ex.direct_content(span)[1]:
            return None
        sent_start, led = lead_of(ex, para, span)
        if led != mixed:
            return None
        found = _trailing(ex, para, span)
        if found is None or found.layout != layout:
            return None
        if not mixed:
            return _quotation(ex, span, found)
        if found.cue is not None and found.cue.kind != "verb":
            return None  # `While Ruiz grants the plan a “bold stroke,” …`: a stance, no words said
        if ex.is_title(span):
            return None  # `On this weekend's "Fox News Sunday," Pence said …`: a title, no words of the speaker
        lead = ex.cached(("leading", span.start), lambda: leading(ex, para, span))
        if lead is not None and lead.layout in ("SVQ", "VSQ"):
            return None  # `…, telling the paper, “…,” he said`: a cue leads into the quotation, which is direct
        if opens_with_participle_clause(ex, para, sent_start, span):
            return None  # `Describing the pier as “a death trap,” the union asked …`: the participle's claim
        # `Rubio "reaffirmed …", said S`: the quote is a fragment of a reported clause
        start = claim_start(ex, para, sent_start, span)
        if start == span.start:
            return _quotation(ex, span, found)  # the writer's words before it are no part of the claim
        return Found((start, span.end), found.speaker, found.cue, type="mixed", span=span,
                     attribution_end=found.end)

    return find


def opens_with_participle_clause(ex: Extractor, para: Paragraph, sent_start: int, span: QuotedSpan) -> bool:
    """The quotation ends a participial clause that a cue opens the sentence with ("Calling the plan
    “a disgrace,” …"): the clause is that cue's claim, and its subject the main clause's."""
    return opening_participle_clause_end(ex, para, sent_start, span.start) == span.end


def claim_start(ex: Extractor, para: Paragraph, sent_start: int, span: QuotedSpan) -> int:
    """Where the reported clause that a quotation ends starts: at its sentence's start, or after
    an earlier quotation of the sentence that has an attribution of its own and the attribution
    (`“…,” she said, and the port “…,” said Park`; at the quotation itself when a comma sets off
    the writer's words before it), or inside the parenthesis the quotation is in (`those who fear
    it (“…,” Ana Ruiz wrote)`)."""
    text = ex.text
    start = sent_start
    earlier = [s for s in para.spans if sent_start <= s.start and s.end <= span.start]
    taken = ex.attributed.get(earlier[-1].start) if earlier else None
    if taken is not None:
        start = max(earlier[-1].end, taken.attribution_end or 0)
        if text[start:span.start].rstrip().endswith(","):
            return span.start  # “…,” she said, but despite the tone, “…,” said Park: the writer's aside
        start = span.start - len(text[start:span.start].lstrip(" ,;"))
        joined = LEADING_COORDINATOR(ex.lexicon).match(text, start, span.start)
        start = joined.end() if joined else start  # “…,” she said, and the port “is closed,” said Park
    lead = text[start:span.start]
    opening = lead.rfind("(")
    if opening > lead.rfind(")"):
        return strip_space(text, start + opening + 1, span.start)[0]
    return start


def loose_attribution(layout: str):
    def find(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Found | None:
        content = ex.direct_content(span)
        if content[0] >= content[1]:
            return None
        _, led = lead_of(ex, para, span)
        if led:
            return None  # a fragment inside a sentence, with a speaker no finder took: too little to go on
        found = ex.cached(("trailing-loose", span.start), lambda: trailing(ex, para, span, loose=True))
        return _quotation(ex, span, found) if found and found.layout == layout else None

    return find


# ---- what comes before a quotation ----------------------------------------------------------


def leading(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Attribution | None:
    """``S said: "…"``, ``S said, "…"``, ``S said "…"`` (SVQ), ``…, said S, "…"`` (VSQ) and colon
    lead-ins (colon)."""
    text = ex.text
    sent_start, _ = sentence_of(para, span.start)
    if span.start == para.start and para.index > 0:
        return colon_paragraph(ex, para, span)
    prev_span_end = para.last_span_end(span.start, sent_start)
    region_start = max(sent_start, prev_span_end)
    cues = [c for c in para.cues_between(region_start, span.start) if c.start not in ex.used_cues
            and not ex.no_cue(para, c)]
    asked = [c for c in cues if asked_in_context(ex, c)]
    cues = [c for c in cues if c not in asked]
    if cues:
        put = next((c for c in cues if c.text.lower().endswith(" it")), None)
        if put is not None and AS_LEAD.match(text, region_start, put.start) \
                and text[put.end:span.start].rstrip().endswith(","):
            # "As Jeff Wade put it in a memo to staff explaining the deal, “…”": all between is the cue's adjunct
            cue, told, start = put, False, span.start
        else:
            cue = cues[-1]
            told = is_tell(ex, cue)
            start = content_start(text, cue.end, span.start, ex.lexicon, told, ex.adjuncts)
        if start < span.start and TOPIC_BEFORE_QUOTE.fullmatch(text, start, span.start) \
                and not THAT_BEFORE.search(text, cue.end, start):
            start = span.start  # "Lopez said about the movement, “…”"; not "said that while …, “…”": a claim
        # "Harbour Watch emailed a link with one line: “…”": a colon after the cue's object still leads in
        object_then_colon = start < span.start and text[cue.end:span.start].rstrip().endswith(":") \
            and len(text[cue.end:span.start].split()) <= MAX_OBJECT_WORDS \
            and not DASH.search(text, cue.end, span.start)  # "Pollsters agree - Ana Ruiz: “…”": hers
        if (start >= span.start or object_then_colon) and not fragment(ex, para, span) \
                and not joined_quotation(ex, para, span) and not work_title(ex, cue.end, span):
            speaker, _ = subject_of(ex, cue, region_start)
            if speaker:
                return Attribution("SVQ", cue, speaker, span.start)
            who, antecedent = relative_subject(ex, cue, region_start)
            if who is not None:  # "Tom Lane, who declared in the spin room, “…”"
                return Attribution("SVQ", cue, who, span.start, antecedent)
        # "…, explained Tom Reyes, “…”" and "Said Dorothy Lane, “…”": the cue opens its clause
        opens = text[region_start:cue.start].rstrip().endswith(",") \
            or not text[region_start:cue.start].strip(" \"“”‘’'")
        # (after a participle, the phrase is its object: "…, telling the Harbour Times: “…”")
        speaker = speaker_after(text, cue.end, span.start, ex.lexicon) \
            if opens and not cue.participle else None
        if speaker and text[speaker[1]:span.start].strip() in (",", ":"):
            return Attribution("VSQ", cue, speaker, span.start)
    owned = STATEMENT_IS(ex.lexicon).search(text, region_start, span.start) if "’s" in text[region_start:span.start] \
        or "'s" in text[region_start:span.start] or PLAIN_POSSESSIVE.search(text, region_start, span.start) else None
    if owned and all(owned.start(3) <= c.start < owned.end(3) for c in cues):
        # (a cue in the parenthesis, "(repeated to me for years)", tells how it was said)
        return Attribution("statement", None, (owned.start(1), owned.end(2)), span.start)
    before = text[region_start:span.start].rstrip()
    clause_start = colon_clause_start(ex, sent_start, region_start)
    if before.endswith(":") and not asked:  # ("who told the council when asked about it: “…”": the cue's, later)
        colon = region_start + len(before) - 1
        speaker = speaker_before(text, region_start, colon, ex.lexicon) \
            or _document_lead_in(ex, region_start, colon)
        if speaker and region_start == sent_start and _no_subject(ex, speaker):
            # "Tom Reyes gave the plan a try in an interview with the Harbour Times: “…”": Tom Reyes's
            found = colon_subject(ex, sent_start, colon, span)
            if found is not None:
                return found
            subject = speaker_before(text, sent_start, speaker[0], ex.lexicon)  # "Tom Reyes, a Liberal, gave …"
            if subject is not None and text[subject[1]:speaker[0]].strip() in ("", ",") \
                    and plain_subject(ex, subject, colon) \
                    and parse_mention(text, *subject, ex.lexicon).kind in NAMED_KINDS:
                return Attribution("colon.subject", None, subject, span.start)
        if speaker:
            speaker = _named_object(ex, speaker) or _clause_subject(ex, speaker) or speaker
            if parse_mention(text, *speaker, ex.lexicon).kind != "unknown":
                return Attribution("colon", None, speaker, span.start)
            # "… and recites the line: “…”", "a three-word proclamation: “…”": a thing names no one
            return colon_subject(ex, clause_start, colon, span) if clause_start is not None else None
        if clause_start is not None:
            return colon_subject(ex, clause_start, colon, span)
    return None


def colon_clause_start(ex: Extractor, sent_start: int, region_start: int) -> int | None:
    """Where the clause that a colon ends starts: its sentence's start, or, after an earlier quotation
    of the sentence, a new clause joined by a conjunction (`…, “…,” but she paid Reyes a
    tribute: “…”`); None inside the earlier quotation's clause."""
    if region_start == sent_start:
        return sent_start
    joined = JOINED_CLAUSE(ex.lexicon).match(ex.text, region_start)
    return joined.end() if joined and joined.group(1).lower() in ex.lexicon.personal_subject_pronouns else None


# After a quotation, a comma and a conjunction that open a new clause with a pronoun for its subject:
# `“…,” but he …` (not "and that …", nor "and the partner being …", the same claim going on).
JOINED_CLAUSE = GrammarRegex(r"\s*,?\s*(?:__COORDINATORS__)\s+(?=(\w+)\b)", re.IGNORECASE)


LAST_WORD_BEFORE_COMMA = re.compile(r"([\w-]+)\s*,\s*$")


def work_title(ex: Extractor, cue_end: int, span: QuotedSpan) -> bool:
    """The quotation names the work the cue's adjunct speaks of ("wrote in her memoir, “Hard
    Choices.”"): a title in apposition to the noun before its comma, no words of the speaker."""
    last = LAST_WORD_BEFORE_COMMA.search(ex.text, cue_end, span.start)
    if last is None:
        return False
    noun = last.group(1).lower()
    return (noun in ex.lexicon.document_nouns or noun in ex.lexicon.statement_nouns) and ex.is_title(span, heading=True)


def _document_lead_in(ex: Extractor, start: int, colon: int) -> Range | None:
    """A lead-in that names whose statement the quotation comes from ("From Tom Reyes's Facebook
    post: “…”", "In her statement: “…”"): the statement, which speaks for its author. Only a
    statement with its owner: "In a statement:" names no one."""
    text = ex.text
    first = text[start:colon].split(None, 1)
    if len(first) < 2 or first[0].lower() not in ex.lexicon.grammar["document_lead_ins"]:
        return None
    phrase = strip_space(text, colon - len(first[1]), colon)
    return phrase if statement_owner(text[slice(*phrase)], ex.lexicon) else None


def _named_object(ex: Extractor, phrase: Range) -> Range | None:
    """The person a clause before a colon ends with, when the clause's subject is no one ("The timing
    of the surge does not surprise pollster Tom Reyes: “…”"): the one who speaks."""
    text, lexicon = ex.text, ex.lexicon
    found = words(text, *phrase)
    auxiliaries = lexicon.grammar["clause_auxiliaries"]
    auxiliary = next((i for i, (s, e) in enumerate(found)
                      if text[s:e].lower().replace("n’t", "").replace("n't", "") in auxiliaries), None)
    if auxiliary is None or auxiliary == 0:
        return None
    named = name_run_before(text, found[auxiliary + 1:], lexicon)
    if named is None or named[1] != phrase[1] \
            or parse_mention(text, found[0][0], found[auxiliary - 1][1], lexicon).kind in ("person", "pronoun"):
        return None
    return named if parse_mention(text, *named, lexicon).kind == "person" else None


def _no_subject(ex: Extractor, phrase: Range) -> bool:
    """A phrase before a colon that cannot be the clause's subject: the object of a preposition
    ("… in an interview with the Harbour Times:") or a predicate that opens with its verb ("gave
    the plan a try …:")."""
    grammar = ex.lexicon.grammar
    first = ex.text[phrase[0]:phrase[1]].split()[0]
    return after_preposition(ex, phrase) or first.islower() and first not in grammar["determiners"] \
        and first not in grammar["function_words"] and first not in ex.lexicon.subject_pronouns


def _clause_subject(ex: Extractor, phrase: Range) -> Range | None:
    """The subject of a clause before a colon whose verb is past ("Tom Reyes released the following
    statement: “…”", "The senator emailed supporters saying: “…”"): the one who speaks; not where
    the verb hands the words to its object ("quoted", "cited": ``[grammar] object_speaks_verbs``)."""
    text, lexicon = ex.text, ex.lexicon
    found = words(text, *phrase)
    irregular = lexicon.grammar["irregular_past"]
    verb = next((i for i, (s, e) in enumerate(found) if i and text[s:e].islower() and (
        text[s:e] in irregular or text[s:e].endswith("ed") and e - s > 4)), None)
    if verb is None or verb == len(found) - 1 or text[slice(*found[verb])] in lexicon.grammar["object_speaks_verbs"]:
        return None
    subject = (found[0][0], found[verb - 1][1])
    if not text[found[verb - 1][0]].isupper() and bare(text[slice(*found[verb - 1])]) not in lexicon.role_heads:
        return None  # "the embattled mayor" is one phrase; "Tom Reyes released", "The senator emailed" are two
    return subject if parse_mention(text, *subject, lexicon).kind in SPEAKING_KINDS else None


def plain_subject(ex: Extractor, subject: Range, limit: int) -> bool:
    """A subject that can speak, followed by its verb: not "It" ("It was simple: …", "Wait, it gets
    better: …"), nor a verb ("See the updates below:"), nor a phrase led by a preposition or followed
    by one ("With party leaders worried …", "Ever since …")."""
    phrase = ex.text[subject[0]:subject[1]]
    following = ex.first_word(subject[1], limit).lower()
    grammar = ex.lexicon.grammar
    return phrase.split()[-1].lower() not in ex.lexicon.impersonal_pronouns \
        and not (" " not in phrase and ex.lexicon.lemma(phrase)) \
        and phrase.split()[0].lower() not in grammar["adjunct_openers"] and following not in grammar["clause_links"] \
        and not SECOND_SUBJECT.search(ex.text, subject[1], limit)


# "said that “…” and “…”", "said that “…,” and that, on trade, “…”": quotations joined into one claim.
JOINED_QUOTATION = re.compile(r"\s*,?\s*(?:and|or|because)\s+(?:that\b[^\"“”.;:!?]{0,60}?)?(?:[\"“‘]|'')")


def joined_quotation(ex: Extractor, para: Paragraph, span: QuotedSpan) -> bool:
    """A quotation that "and" joins to another in the same claim is part of a mixed claim, not a
    direct quote of its own."""
    return JOINED_QUOTATION.match(ex.text, span.end, para.end) is not None


def fragment(ex: Extractor, para: Paragraph, span: QuotedSpan) -> bool:
    """``said the filings “all point one way” that …``: the clause goes on after the
    quotation, which is then part of a mixed claim, not a direct quote of its own."""
    text = ex.text
    _, s_end = sentence_of(para, max(span.end - 1, span.start))
    following = para.span_from(span.end)
    end = min(s_end, following.start) if following else s_end
    if re.match(r"\s*[,;:—–―(-]", text[span.end:end]) or text[span.inner_end - 1:span.inner_end] in ",.?!":
        return False  # a new phrase after the quotation, or a quoted sentence of its own
    # after "that", any word goes on with the clause ("told reporters that “personnel changes” could come")
    return has_words(text, span.end, end, 1 if THAT_BEFORE.search(text, max(0, span.start - 8), span.start) else 3)


def colon_paragraph(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Attribution | None:
    """A paragraph that ends with a colon introduces the quoted paragraph after it."""
    prev = ex.doc.paragraphs[para.index - 1]
    if not ex.text[prev.start:prev.end].endswith(":") or prev.spans and not prev.spans[-1].closed:
        return None  # no lead-in, or one inside a quotation ("… Here they are:" in a block quote)
    sent_start, _ = prev.sentences[-1]
    colon = prev.end - 1
    cues = prev.cues_between(sent_start, colon)
    if cues:
        cue = cues[-1]
        speaker = speaker_before(ex.text, sent_start, cue.start, ex.lexicon)
        if speaker:
            return Attribution("colon", cue, speaker, span.start)
    speaker = speaker_before(ex.text, sent_start, colon, ex.lexicon)
    if speaker:
        return Attribution("colon", None, _clause_subject(ex, speaker) or speaker, span.start)
    # "Tom Reyes listed his questions:" then the quoted paragraph: the subject of the lead-in, as
    # when the quotation follows the colon in the same sentence; unless the quotation has its own
    # attribution after it ("… has proof:" then "“…?” a reporter can be heard asking")
    return None if ex.own_cue_after(para, span) else colon_subject(ex, sent_start, colon, span)


def colon_subject(ex: Extractor, sent_start: int, colon: int, span: QuotedSpan) -> Attribution | None:
    """``Kasich pushed back: “…”``: the subject of the sentence the colon ends, if it can speak."""
    subject = sentence_subject(ex.text, sent_start, colon, ex.lexicon)
    if subject and plain_subject(ex, subject, colon):
        return Attribution("colon.subject", None, subject, span.start)
    return None


def attribution_then_quote(layout: str):
    def find(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Found | None:
        content = ex.direct_content(span)
        if content[0] >= content[1]:
            return None
        found = ex.cached(("leading", span.start), lambda: leading(ex, para, span))
        return _quotation(ex, span, found) if found and found.layout == layout else None

    return find


def dash_signoff(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Found | None:
    """``"…" — S`` at the end of a paragraph."""
    content = ex.direct_content(span)
    if content[0] >= content[1]:
        return None
    m = DASH.match(ex.text, span.end, para.end)
    end = para.end
    if m is None and not ex.text[span.end:para.end].strip(" .") and para.index + 1 < len(ex.doc.paragraphs):
        # the sign-off on a line of its own: `"…"` then `— Councillor Tom Reyes, Port Ellery.`
        nxt = ex.doc.paragraphs[para.index + 1]
        m = LINE_DASH.match(ex.text, nxt.start, nxt.end)
        end = nxt.end
    if not m:
        return None
    speaker = speaker_after(ex.text, m.end(), end, ex.lexicon)
    if speaker and (ex.text[speaker[1]:end].strip(" .,") == "" or PLACE_AFTER.fullmatch(ex.text, speaker[1], end)
                    or OCCASION_AFTER.fullmatch(ex.text, speaker[1], end)):
        return Found(content, speaker, None, type="direct", span=span, attribution_end=speaker[1])
    return None


def split_rest(ex: Extractor, para: Paragraph, span: QuotedSpan) -> Found | None:
    """``"…," S said, "…."``: the quote right after an attribution has the same speaker."""
    before = para.span_before(span)
    if before is None:
        return None
    cand = ex.attributed.get(before.start)
    if cand is None or cand.attribution_end is None or not ex.registry.rules[cand.rule].splits:
        return None
    text = ex.text
    if any(not c.participle for c in para.cues_between(cand.attribution_end, span.start)):
        # `"…," she wrote to him. He replied, "…"`: a cue of its own leads into the quote (a participle,
        # `"…," she said, referring to the report, "…"`, goes on with the same attribution)
        return None
    told = cand.cue is not None and cand.attribution_end == cand.cue.end and is_tell(ex, cand.cue)
    pos = content_start(text, cand.attribution_end, span.start, ex.lexicon, told, ex.adjuncts)
    if pos < span.start and (TOPIC_BEFORE_QUOTE.fullmatch(text, pos, span.start)
                             or WHERE_WRITTEN.fullmatch(text, pos, span.start)
                             or PARTICIPLE_BEFORE_QUOTE.fullmatch(text, pos, span.start)):
        pos = span.start  # `"…," he said of the campaign, "…"`, `"…," she wrote on Harbour Talk. "…"`,
        # `"…," she wrote in a statement explaining why she ran, "…"`
    if pos < span.start and APPOSITIVE_BEFORE_QUOTE.fullmatch(text, pos, span.start) \
            and (not opens_clause(ex, pos, span.start) or DESCRIBED_WHO.match(text, pos, span.start)):
        pos = span.start  # `"…," said Dana Cole, the port's director, "…"`: the rest of the speaker phrase
    if pos < span.start and text[pos:span.start].strip(" ,.;:—–―-"):
        return None
    if not any(c in text[cand.attribution_end:span.start] for c in ",.:;—–―") \
            and not (text[span.inner_start:span.inner_end].rstrip(INNER_CLOSERS)[-1:] in (".", "!", "?")
                     and has_words(text, span.inner_start, span.inner_end, SENTENCE_WORDS)):
        # `told "Fox and Friends"`: a title right after the cue, not a second fragment; but a sentence
        # of four words or more is one, its comma left out (`“…,” she said “Ultimately the vote …”`)
        return None
    if ex.own_cue_after(para, span):
        return None  # `"…," he said. "…," she replied.`: the next quote has an attribution of its own
    if work_title(ex, cand.attribution_end, span):
        return None  # `"…," she wrote in her memoir, "Hard Choices."`: the book's title
    content = ex.direct_content(span)
    if content[0] >= content[1]:
        return None
    return Found(content, cand.speaker, cand.cue, type="direct", span=span, source=cand, joins=cand)


register(Rule(
    "direct.split", "direct", 0, split_rest,
    '`"…," she said, "…."`: the second fragment takes the same speaker',
    must=(
        # a sentence quoted right after the cue of the quote before, its comma left out
        example("“They are trying to stop us,” she said “Ultimately the vote is about kids.”",
                ("direct.QCQ-SV", "direct", "They are trying to stop us,", "she", "said"),
                ("direct.split", "direct", "Ultimately the vote is about kids.", "she", "said")),
        example('"The first part," Ellen Park said, "and the second part of the sentence."',
                ("direct.QCQ-SV", "direct", "The first part,", "Ellen Park", "said"),
                ("direct.split", "direct", "and the second part of the sentence.", "Ellen Park", "said")),
        example('"Who pays for the repairs?" Ellen Park asked. "Not the residents."',
                ("direct.QCQ-SV", "direct", "Who pays for the repairs?", "Ellen Park", "asked"),
                ("direct.split", "direct", "Not the residents.", "Ellen Park", "asked")),
        example("“The toll is late,” Ellen Park wrote on Harbour Talk. “Again?”",
                ("direct.QCQ-SV", "direct", "The toll is late,", "Ellen Park", "wrote"),
                ("direct.split", "direct", "Again?", "Ellen Park", "wrote")),
        # a participle after a dash that follows the second is the writer's, no attribution of its own
        example("“The key group is older women,” said Jaime Hart. “Reyes has to do the harbour two-step” - raising "
                "his name and then convincing voters.",
                ("direct.QCQ-VS", "direct", "The key group is older women,", "Jaime Hart", "said"),
                ("direct.split", "direct", "Reyes has to do the harbour two-step", "Jaime Hart", "said")),
        example('"The risk," said Dana Cole, an engineer who is the director of the port, "is that the pier sinks."',
                ("direct.QCQ-VS", "direct", "The risk,", "Dana Cole, an engineer who is the director of the port",
                 "said"),
                ("direct.split", "direct", "is that the pier sinks.",
                 "Dana Cole, an engineer who is the director of the port", "said")),
        example("“Every time you say that,” Ellen Park said, referring to the report, “you make the ferry look bad.”",
                ("direct.QCQ-SV", "direct", "Every time you say that,", "Ellen Park", "said"),
                ("direct.split", "direct", "you make the ferry look bad.", "Ellen Park", "said")),
        example('"It is a serious disruption," the port\'s operations director, Helen Marsh, told reporters, '
                '"and every day costs the region money."',
                ("direct.QCQ-SV", "direct", "It is a serious disruption,",
                 "the port's operations director, Helen Marsh", "told"),
                ("direct.split", "direct", "and every day costs the region money.",
                 "the port's operations director, Helen Marsh", "told")),
        example("“Many people are unsure this year,” Ana Ruiz wrote in a statement explaining why she ran, “but most "
                "voters agree that the port is failing.”",
                ("direct.QCQ-SV", "direct", "Many people are unsure this year,", "Ana Ruiz", "wrote"),
                ("direct.split", "direct", "but most voters agree that the port is failing.", "Ana Ruiz", "wrote")),
        # a time adjunct with "early" or "late" between the fragments
        example('"Will I change?" Tom Reyes asked reporters late last month. "I am not changing."',
                ("direct.QCQ-SV", "direct", "Will I change?", "Tom Reyes", "asked"),
                ("direct.split", "direct", "I am not changing.", "Tom Reyes", "asked")),
        # the subject's next verb after the fragment is no attribution of it
        example("“I love the ferry,” Tom Reyes said, “I will never ride it again” - and vowed to fight the toll.",
                ("direct.QCQ-SV", "direct", "I love the ferry,", "Tom Reyes", "said"),
                ("direct.split", "direct", "I will never ride it again", "Tom Reyes", "said"),
                ("indirect.SV-to", "indirect", "to fight the toll", "Tom Reyes", "vowed")),
    ),
    must_not=(
        example('"We have to act," the senator told "Morning Report" after the vote.',
                ("direct.QCQ-SV", "direct", "We have to act,", "the senator", "told")),
        example('"The ferry is late," he said. "It always is," she replied.',
                ("direct.QCQ-SV", "direct", "The ferry is late,", "he", "said"),
                ("direct.QCQ-SV", "direct", "It always is,", "she", "replied")),
        example("“Did we not build the pier first?” Ana Ruiz wrote to Tom Reyes. He replied, “Yes, but they can "
                "have the credit now.”",
                ("direct.QCQ-SV", "direct", "Did we not build the pier first?", "Ana Ruiz", "wrote"),
                ("direct.SVQ", "direct", "Yes, but they can have the credit now.", "He", "replied")),
        # the title of the work the attribution names
        example("“We stayed on,” she wrote in her memoir, “Hard Choices.” She was adamant.",
                ("direct.QCQ-SV", "direct", "We stayed on,", "she", "wrote")),
    ),
    default_confidence=0.9,
))

register(Rule(
    "mixed.CQ-SV", "direct", 10, quote_then_attribution("SV", mixed=True),
    '`Rubio "reaffirmed …," spokesperson Tammy Bruce said.`',
    must=(
        example('The plan means "the council is doing something right," she says, "but the cost is too high."',
                ("mixed.CQ-SV", "mixed", 'The plan means "the council is doing something right,"', "she", "says"),
                ("direct.split", "direct", "but the cost is too high.", "she", "says")),
        # a quotation inside parentheses is all that is attributed, not the sentence around it
        example("Those who fear the storm (“This is no drill at all,” Ana Ruiz wrote last week) and those who "
                "do not argue on.",
                ("mixed.CQ-SV", "direct", "This is no drill at all,", "Ana Ruiz", "wrote")),
    ),
    must_not=(
        # the words after the quotation go on with the claim: "without reporters" is no speaker
        example("Frustrated, Ellen Park said she “cannot walk down the pier” without reporters asking why.",
                ("indirect.SVC", "mixed", "she “cannot walk down the pier” without reporters asking why",
                 "Ellen Park", "said")),
        # after a full stop, a sentence that leads into the next quotation is not this one's attribution
        example('Ellen Park said, “The bridge is safe.” The mayor added: “It will reopen in May.”',
                ("direct.SVQ", "direct", "The bridge is safe.", "Ellen Park", "said"),
                ("direct.SVQ", "direct", "It will reopen in May.", "The mayor", "added")),
        example("Ms. Park got a huge roar when she sang “A Change Is Gonna Come,” Tom Reyes said."),
        # nor after a quoted phrase of the writer's sentence
        example("When Tom Reyes used the words “not quite there yet,” Ana Ruiz mocked him."),
        # a sentence that goes on to a quotation of its own is no attribution of the one before
        example('Tom Reyes praised "the courage of the crew." Ana Ruiz criticized "reckless spending" at the port.',
                ("indirect.SVC", "direct", "the courage of the crew.", "Tom Reyes", "praised"),
                ("indirect.SVC", "mixed", '"reckless spending" at the port', "Ana Ruiz", "criticized")),
    ),
    default_confidence=0.8, splits=True,
))
register(Rule(
    "mixed.CQ-VS", "direct", 10, quote_then_attribution("VS", mixed=True),
    '`Rubio "reaffirmed …", said spokesperson Tammy Bruce.`',
    must=(
        example("Rubio “reaffirmed the commitment to peace”, said spokesperson Tammy Bruce.",
                ("mixed.CQ-VS", "mixed", "Rubio “reaffirmed the commitment to peace”", "spokesperson Tammy Bruce",
                 "said")),
        # after a quotation the sentence has attributed already, the writer's aside is no part of the claim
        example("“The ferry is late,” she said, but despite the weather, “I think it will come,” said Ellen Park.",
                ("direct.QCQ-SV", "direct", "The ferry is late,", "she", "said"),
                ("mixed.CQ-VS", "direct", "I think it will come,", "Ellen Park", "said")),
    ),
    must_not=(
        # after a participle, the phrase is its object, not the quotation's speaker
        example("He said the report is a “distortion,” describing the harbour crew as highly trained.",
                ("indirect.SVC", "mixed", "the report is a “distortion,”", "He", "said"),
                ("indirect.characterisation.as", "indirect", "the harbour crew as highly trained", "He",
                 "describing")),
    ),
    default_confidence=0.8, splits=True,
))
register(Rule(
    "direct.QCQ-SV", "direct", 10, quote_then_attribution("SV", mixed=False),
    '`"…," Ellen Park said.` / `"…," Mike Waltz, the national security adviser, said.`',
    must=(
        example("“The pier has seen worse storms,” he jokes.",
                ("direct.QCQ-SV", "direct", "The pier has seen worse storms,", "he", "jokes")),
        example("“Voters fear wasting their votes,” he surmised.",
                ("direct.QCQ-SV", "direct", "Voters fear wasting their votes,", "he", "surmised")),
        example("“The pier has seen worse storms,” he said that night.",
                ("direct.QCQ-SV", "direct", "The pier has seen worse storms,", "he", "said")),
        # a place after the cue's adjunct, whatever its noun's modifier looks like, opens no clause
        example("“I am a fan of the port,” Ruiz said on Monday aboard the crowded ferry.",
                ("direct.QCQ-SV", "direct", "I am a fan of the port,", "Ruiz", "said")),
        # after a question mark, the next sentence attributes it when only a hearer and adjuncts follow
        example("“Who will pay for the pier?” Ana Ruiz told Harbour’s KTV television station in an interview "
                "aired last week.",
                ("direct.QCQ-SV", "direct", "Who will pay for the pier?", "Ana Ruiz", "told")),
        # after "!", the next sentence attributes it when only the writer's phrase with no verb follows
        example("“Not one more toll!” Dana Dawes shouted, code for keeping the ferry free.",
                ("direct.QCQ-SV", "direct", "Not one more toll!", "Dana Dawes", "shouted")),
        # a verb of stance after a quoted sentence reports it ("mocks", "slammed")
        example("“The market has not failed the workers,” Ana Ruiz mocks.",
                ("direct.QCQ-SV", "direct", "The market has not failed the workers,", "Ana Ruiz", "mocks")),
        # a verb written as often as a noun ("quips", "tweets", "states") is a verb after a quotation
        example("“The ferry is late again,” the mayor quips.",
                ("direct.QCQ-SV", "direct", "The ferry is late again,", "the mayor", "quips")),
        example("“The ferry is late again,” Ellen Park tweets, “and so am I.”",
                ("direct.QCQ-SV", "direct", "The ferry is late again,", "Ellen Park", "tweets"),
                ("direct.split", "direct", "and so am I.", "Ellen Park", "tweets")),
        # two people joined by "and" speak together
        example("“The ferry is late,” council leader Ana Ruiz and port director Tom Reyes said in a statement.",
                ("direct.QCQ-SV", "direct", "The ferry is late,", "council leader Ana Ruiz and port director Tom Reyes",
                 "said")),
        # an appositive the two share: "both …", "each …"
        example("“The toll is fair,” council leader Ana Ruiz and port director Tom Reyes, both Liberals, said in "
                "a statement.",
                ("direct.QCQ-SV", "direct", "The toll is fair,",
                 "council leader Ana Ruiz and port director Tom Reyes, both Liberals", "said")),
        # however many words the two take
        example("“Salt water eats the old cables faster than anyone expects,” harbour engineers Ana Ruiz and Tom "
                "Reyes of the Ellery Institute wrote in May.",
                ("direct.QCQ-SV", "direct", "Salt water eats the old cables faster than anyone expects,",
                 "Tom Reyes of the Ellery Institute", "wrote")),
        # whom it was told, however long the phrase
        example("“We are still friends,” Tom Reyes told a fisherman walking along the pier who looked upset.",
                ("direct.QCQ-SV", "direct", "We are still friends,", "Tom Reyes", "told")),
        example('“The bridge is safe.” Ellen Park said.',  # a full stop where the comma belongs
                ("direct.QCQ-SV", "direct", "The bridge is safe.", "Ellen Park", "said")),
        example('"The bridge is safe," Mayor Ellen Park said on Tuesday.',
                ("direct.QCQ-SV", "direct", "The bridge is safe,", "Mayor Ellen Park", "said")),
        example('"We are not done yet," Mike Waltz, the national security adviser, said.',
                ("direct.QCQ-SV", "direct", "We are not done yet,", "Mike Waltz, the national security adviser",
                 "said")),
        # a noun the lexicon does not know, named by the appositive after it
        example("“He deserved it,” the deckhand, John Rowe, told reporters.",
                ("direct.QCQ-SV", "direct", "He deserved it,", "the deckhand, John Rowe", "told")),
        example("“We are still here,” the banner read.",
                ("direct.QCQ-SV", "direct", "We are still here,", "the banner", "read")),
        example("“The port needs a plan,” Rep. Ellen Park (D-Maine), a member of the transport committee and a "
                "former harbour pilot, said in an interview.",
                ("direct.QCQ-SV", "direct", "The port needs a plan,", "Rep. Ellen Park (D-Maine), a member of the "
                 "transport committee and a former harbour pilot", "said")),
        example("“Let us look back six months,” Ana Ruiz said in an interview with Harbour Radio aired Monday.",
                ("direct.QCQ-SV", "direct", "Let us look back six months,", "Ana Ruiz", "said")),
    ),
    must_not=(
        example('"This Week," the senator said that the bridge would close.',
                ("indirect.SVC", "indirect", "the bridge would close", "the senator", "said")),
    ),
    default_confidence=0.9, splits=True,
))
register(Rule(
    "direct.QCQ-VS", "direct", 10, quote_then_attribution("VS", mixed=False),
    '`"…," said Jane Doe, a lawyer for the union.`',
    must=(
        # a possessor's role, then the name after its comma
        example("“The pier is safe,” said Ana Ruiz’s spokesman, Tom Lane.",
                ("direct.QCQ-VS", "direct", "The pier is safe,", "Ana Ruiz’s spokesman, Tom Lane", "said")),
        example("“It was his first try,” said his oldest friend at Harbour College, Tom Reyes, who still lives there.",
                ("direct.QCQ-VS", "direct", "It was his first try,", "his oldest friend at Harbour College, Tom Reyes",
                 "said")),
        example("“The ferry is late,” quips Mr. Reyes.",
                ("direct.QCQ-VS", "direct", "The ferry is late,", "Mr. Reyes", "quips")),
        example('"We will appeal the ruling," said Jane Doe, a lawyer for the Harbour Workers Union.',
                ("direct.QCQ-VS", "direct", "We will appeal the ruling,",
                 "Jane Doe, a lawyer for the Harbour Workers Union", "said")),
    ),
    default_confidence=0.9, splits=True,
))
register(Rule(
    "direct.SVQ", "direct", 20, attribution_then_quote("SVQ"),
    '`Ellen Park said: "…"` / `said, "…"` / `said "…"` / `Park rallied supporters, saying: "…"`',
    must=(
        # a participle that describes the subject's noun ("protesters marching down …")
        example("Protesters marching down the narrow lanes chanted “No new tolls!” as they went.",
                ("direct.SVQ", "direct", "No new tolls!", "Protesters marching down the narrow lanes", "chanted")),
        example('Ellen Park said: "The bridge will reopen in May."',
                ("direct.SVQ", "direct", "The bridge will reopen in May.", "Ellen Park", "said")),
        example("Ellen Park then writes back, “The ferry stays.”",
                ("direct.SVQ", "direct", "The ferry stays.", "Ellen Park", "writes back")),
        example("Ellen Park drew boos upon saying, “The ferry stays.”",
                ("direct.SVQ", "direct", "The ferry stays.", "Ellen Park", "saying")),
        # an object between the cue and a colon: the subject still speaks
        example("Harbour Watch, a residents’ group, emailed a clip of the vote with one line: “This is not fine.”",
                ("direct.SVQ", "direct", "This is not fine.", "Harbour Watch, a residents’ group", "emailed")),
        # a party label before the comma is no appositive: the name before it
        example("At Harbour University, after winning the primary, Gov. Tom Reyes (R-Ohio), said, “We will rent a "
                "covered wagon.”",
                ("direct.SVQ", "direct", "We will rent a covered wagon.", "Gov. Tom Reyes", "said")),
        # a participle after a parenthetical attribution is the attribution's speaker's, not the claim's subject's
        example("Ellen Park left as soon as the vote was over, Tom Reyes said, adding, “She was not patient.”",
                ("indirect.CSV", "indirect", "Ellen Park left as soon as the vote was over", "Tom Reyes", "said"),
                ("direct.SVQ", "direct", "She was not patient.", "Tom Reyes", "adding")),
        # a coordinated cue after an opening clause with an appositive in it: the main clause's subject
        example("When Tom Reyes, the campaign manager, was asked if Ana Ruiz would run, he laughed and said, "
                "“We’ll see.”",
                ("direct.SVQ", "direct", "We’ll see.", "he", "said")),
        # a coordinated cue after an opening clause with an abbreviation in it
        example("Asked whether Mr. Reyes would run again, Mrs. Park shook her head and said, “No.”",
                ("direct.SVQ", "direct", "No.", "Mrs. Park", "said")),
        # the horizontal bar is a dash like the em dash: the claim before it ends there
        example("When Ana Ruiz noted that Tom Reyes paid no harbour fees ― as was true for years ― Reyes boasted, "
                "“That makes me smart.”",
                ("indirect.SVC", "indirect", "Tom Reyes paid no harbour fees ― as was true for years", "Ana Ruiz",
                 "noted"),
                ("direct.SVQ", "direct", "That makes me smart.", "Reyes", "boasted")),
        # "As S put it …, “…”": what stands between the cue and the comma is its adjunct
        example("As Jeff Wade put it in his memo to the staff explaining the merger, “Imagine a port that leads.”",
                ("direct.SVQ", "direct", "Imagine a port that leads.", "Jeff Wade", "put it")),
        # a name shown speaking: "footage of X asking"
        example("The ad uses footage of Ellen Park asking, “Why are we not ahead?”",
                ("direct.SVQ", "direct", "Why are we not ahead?", "Ellen Park", "asking")),
        # a participle after a quotation that cut the sentence, and a clause of time: the sentence's subject
        example("Tom Reyes hardly cleared it up, treating the remark as praise -- “That shows I am careful” -- and, "
                "when pressed after the vote, asserting, “Of course I pay my toll.”",
                ("direct.SVQ", "direct", "Of course I pay my toll.", "Tom Reyes", "asserting")),
        # a participle after a clause of time whose subject speaks, when the sentence's own cannot
        example("The first clash came during a speech at the pier, when Reyes protesters interrupted her, shouting "
                "“She wins, we lose!”",
                ("direct.SVQ", "direct", "She wins, we lose!", "Reyes protesters", "shouting")),
        # after a subordinate clause that opens the sentence, the main clause's subject, not the
        # subordinate one's nor a phrase of time before it
        example("Ever since she endorsed Tom Reyes, Ana Ruiz has toured the docks for him, saying “He must win.”",
                ("direct.SVQ", "direct", "He must win.", "Ana Ruiz", "saying")),
        example("Since May, Ana Ruiz has toured the docks for him, saying “He must win.”",
                ("direct.SVQ", "direct", "He must win.", "Ana Ruiz", "saying")),
        # "who" after a name: the name speaks, whatever adjuncts come between the cue and the quotation;
        # the question it answers, before a colon, is no speaker's
        example("Ana Ruiz won the backing of Tom Lane, who declared in the spin room, “It is time to unite.”",
                ("direct.SVQ", "direct", "It is time to unite.", "who", "declared")),
        example("The case went to Ana Ruiz, who told the council when asked about it: “That matter is handled by "
                "agents.”",
                ("direct.SVQ", "direct", "That matter is handled by agents.", "who", "told")),
        # a number counting the people the subject names
        example("Outside the hall, about 200 workers lined the pier, waving flags and chanting “Dump the toll.”",
                ("direct.SVQ", "direct", "Dump the toll.", "about 200 workers", "chanting")),
        # "with" and a phrase before a participle: the phrase speaks, not the sentence's subject
        example("The ad ends with a voice saying: “Can voters trust Dan Ruiz?”",
                ("direct.SVQ", "direct", "Can voters trust Dan Ruiz?", "a voice", "saying")),
        example("The ad closes with a narrator asking, “Who pays for the ferry?”",
                ("direct.SVQ", "direct", "Who pays for the ferry?", "a narrator", "asking")),
        # after a participle of telling, the phrase is the hearer, not the speaker
        example("Tom Reyes was critical of the plan, telling the Harbour Times: “The ferry is late every day.”",
                ("direct.SVQ", "direct", "The ferry is late every day.", "Tom Reyes", "telling")),
        example("Ellen Park quieted the room, telling her colleagues, “We have to remember who built the pier.”",
                ("direct.SVQ", "direct", "We have to remember who built the pier.", "Ellen Park", "telling")),
        example('Ellen Park said, "The bridge will reopen in May."',
                ("direct.SVQ", "direct", "The bridge will reopen in May.", "Ellen Park", "said")),
        example('Ellen Park said "the bridge will reopen in May."',
                ("direct.SVQ", "direct", "the bridge will reopen in May.", "Ellen Park", "said")),
        example("Ellen Park said about the plan, “I support the parents who asked for it.”",
                ("direct.SVQ", "direct", "I support the parents who asked for it.", "Ellen Park", "said")),
        # manner adverbs and the writer's "and I quote" between the cue and the quotation
        example("She replied so warmly and simply, “The harbour belongs to all of us.”",
                ("direct.SVQ", "direct", "The harbour belongs to all of us.", "She", "replied")),
        example("The mayor said, and I quote, “Tolls are here to stay.”",
                ("direct.SVQ", "direct", "Tolls are here to stay.", "The mayor", "said")),
        example("He also stated a day earlier, “If the bridge fails, we will all pay.”",
                ("direct.SVQ", "direct", "If the bridge fails, we will all pay.", "He", "stated")),
        example("Manning said the club would meet less often, but said, “We will be back.”",
                ("indirect.SVC", "indirect", "the club would meet less often", "Manning", "said"),
                ("direct.SVQ", "direct", "We will be back.", "Manning", "said")),
        example('Later, she released a statement saying, "The ferry will run all winter."',
                ("direct.SVQ", "direct", "The ferry will run all winter.", "she", "saying")),
        example('And then Ellen Park went on the attack, saying, "The council has failed us."',
                ("direct.SVQ", "direct", "The council has failed us.", "Ellen Park", "saying")),
        example('Ellen Park rallied supporters on Monday, saying: "We have to be ready for the winter."',
                ("direct.SVQ", "direct", "We have to be ready for the winter.", "Ellen Park", "saying")),
        # the subject a second verb shares, after an opening participle or time and with an age
        example('Appearing before cheering supporters at the hall, Ana Ruiz, 70, said it was too early to call '
                'the vote but added, "I think you all know the result."',
                ("indirect.SVC", "indirect", "it was too early to call the vote", "Ana Ruiz, 70", "said"),
                ("direct.SVQ", "direct", "I think you all know the result.", "Ana Ruiz", "added")),
        example("Eight years ago, he backed Ellen Park and said, “Ruiz has never done anything for us.”",
                ("direct.SVQ", "direct", "Ruiz has never done anything for us.", "he", "said")),
    ),
    must_not=(
        example('Ana Ruiz said that "many of the crew are from the port" and "nobody is more loyal to the ferry."',
                ("indirect.SVC", "mixed", '"many of the crew are from the port" and "nobody is more loyal to the '
                 'ferry."', "Ana Ruiz", "said")),
        example("The lawyers said “every filing points one way” that the permit is valid.",
                ("indirect.SVC", "mixed", "“every filing points one way” that the permit is valid",
                 "The lawyers", "said")),
        # the title of the work the cue's adjunct names
        example("Ellen Park said in her 2019 book, “A Harbour Life.” So they never left."),
    ),
    default_confidence=0.9,
))
register(Rule(
    "direct.VSQ", "direct", 20, attribution_then_quote("VSQ"),
    '`…, explained Tom Reyes, "…"` / `Said Jane Doe, "…"`',
    must=(
        example("Because of the timetable, explained Tom Reyes, “the ferry cannot run on Sundays.”",
                ("direct.VSQ", "direct", "the ferry cannot run on Sundays.", "Tom Reyes", "explained")),
        example("The pier was rebuilt. Said Dorothy Lane, who has fished here for years, “Nobody expected it to "
                "reopen.”",
                ("direct.VSQ", "direct", "Nobody expected it to reopen.", "Dorothy Lane, who has fished here for years",
                 "Said")),
    ),
    default_confidence=0.85,
))
register(Rule(
    "direct.colon_lead_in", "direct", 20, attribution_then_quote("colon"),
    "`The Daily Harbour reports:` followed by a quoted paragraph",
    must=(
        example("The Daily Harbour reports:\n\n“The ferry will run twice a day until the bridge reopens.”",
                ("direct.colon_lead_in", "direct", "The ferry will run twice a day until the bridge reopens.",
                 "The Daily Harbour", "reports")),
        # a clause whose subject is no one: the person it ends with speaks
        example("The surge does not surprise Liberal pollster Tom Reyes: “Lesser-known candidates gain the most.”",
                ("direct.colon_lead_in", "direct", "Lesser-known candidates gain the most.",
                 "Liberal pollster Tom Reyes", None)),
        # a clause with a past verb: its subject speaks
        example("When the mayor died, Gov. Tom Reyes released the following statement:\n\n“We mourn a friend.”",
                ("direct.colon_lead_in", "direct", "We mourn a friend.", "Gov. Tom Reyes", None)),
        # a lead-in naming whose statement it quotes: the statement, so its owner
        example("The vote is on Monday. From Ana Ortez's Facebook post: “We must all pull together now.”",
                ("direct.colon_lead_in", "direct", "We must all pull together now.", "Ana Ortez's Facebook post",
                 None)),
        # a name after a dash: the name, not the clause before the dash
        example("Pollsters agree - Ana Ruiz: “The early vote decided it.”",
                ("direct.colon_lead_in", "direct", "The early vote decided it.", "Ana Ruiz", None)),
    ),
    must_not=(
        # a thing before the colon names no one: the quotation is a slogan's, not a speaker's
        example("There was also a three-word slogan: “Build the Pier.”"),
    ),
    default_confidence=0.75,
))
register(Rule(
    "direct.statement_is", "direct", 20, attribution_then_quote("statement"),
    "`Ana Ruiz’s reply was: \"…\"`, `Her slogan is \"…\"`: what someone said, named with its owner, is the owner's",
    must=(
        example("When asked about the toll, Ana Ruiz’s reply was: “We build the bridge first.”",
                ("direct.statement_is", "direct", "We build the bridge first.", "Ana Ruiz’s reply", None)),
        example("Tom Lane’s advice to new pilots (which he repeated every spring) was, “Never trust a calm sea.”",
                ("direct.statement_is", "direct", "Never trust a calm sea.", "Tom Lane’s advice", None)),
        example("Her campaign slogan is “The harbour for all.”",
                ("direct.statement_is", "direct", "The harbour for all.", "Her campaign slogan", None)),
    ),
    must_not=(
        # no owner, or the thing is no one's words
        example("The reply was: “We build the bridge first.”"),
        example("Ana Ruiz’s boat was “the fastest in the harbour.”"),
    ),
    default_confidence=0.75,
))
register(Rule(
    "direct.colon_subject", "direct", 25, attribution_then_quote("colon.subject"),
    "`Ellen Park pushed back: \"…\"`: a quote after a colon, in the same sentence or in the paragraph a "
    "lead-in paragraph introduces, that no cue takes, is the subject's",
    must=(
        # after an earlier quotation of the sentence, a clause of its own with a pronoun for its subject
        example("Ellen Park said both men are “strangers to the pier,” but she paid Reyes a grudging "
                "tribute: “Nobody ever wonders where he stands.”",
                ("indirect.SVC", "mixed", "both men are “strangers to the pier,”", "Ellen Park", "said"),
                ("direct.colon_subject", "direct", "Nobody ever wonders where he stands.", "she", None)),
        example("Ellen Park pushed back on Monday: “The ferry has never been late twice in a row.”",
                ("direct.colon_subject", "direct", "The ferry has never been late twice in a row.", "Ellen Park",
                 None)),
        # the phrase before the colon is an object ("with the Harbour Times") or a predicate: the subject speaks
        example("Tom Reyes gave the plan a try in an interview with the Harbour Times: “It works.”",
                ("direct.colon_subject", "direct", "It works.", "Tom Reyes", None)),
        example("Tom Reyes, a ferry pilot, gave the plan a try in an interview with the Harbour Times: “It works.”",
                ("direct.colon_subject", "direct", "It works.", "Tom Reyes, a ferry pilot", None)),
        example("“The pier is closed,” said Tom Reyes.\n\nShe then turned to the crowd again: “We will build a "
                "new one by spring.”",
                ("direct.QCQ-VS", "direct", "The pier is closed,", "Tom Reyes", "said"),
                ("direct.colon_subject", "direct", "We will build a new one by spring.", "She", None)),
        # the colon ends a lead-in paragraph of its own
        example("Tom Reyes listed his questions:\n\n“Who pays for the pier?”",
                ("direct.colon_subject", "direct", "Who pays for the pier?", "Tom Reyes", None)),
        # a date with its year before the subject: the year is no speaker
        example("On July 6, 2015, Ana Ruiz made the following comment:\n\n“The port has no jobs for the young.”",
                ("direct.colon_subject", "direct", "The port has no jobs for the young.", "Ana Ruiz", None)),
        example("She then listed the qualities a harbour master needs:\n\n“A record of service.\n\n“A boat of "
                "her own.”",
                ("direct.colon_subject", "direct", "A record of service.", "She", None),
                ("direct.multi_paragraph", "direct", "A boat of her own.", "She", None)),
    ),
    must_not=(
        example("It was a simple message: “The ferry runs at seven every morning.”"),
        example("It was a simple message:\n\n“The ferry runs at seven every morning.”"),
        example("Wait, it gets better: “The council has no money for the pier.”"),
        example("Read the full statement below:\n\n“The ferry will run all winter.”"),
        example("With the council worried about costs, the mayor is trying a new line: “Trust me.”"),
        example("She was so angry that I changed my answer: “Fine, the ferry can wait until the spring.”"),
    ),
    default_confidence=0.7,
))
register(Rule(
    "direct.dash_signoff", "direct", 30, dash_signoff,
    '`"…" — Councillor Tom Reyes`, on the same line or the next',
    must=(
        example('"Nobody should pay for a bridge they cannot use." — Councillor Tom Reyes',
                ("direct.dash_signoff", "direct", "Nobody should pay for a bridge they cannot use.",
                 "Councillor Tom Reyes", None)),
        example('"The ferry must run in every season."\n\n-Mayor Ana Ruiz, speaking after the vote.',
                ("direct.dash_signoff", "direct", "The ferry must run in every season.", "Mayor Ana Ruiz", None)),
        example('"Nobody should pay for a bridge they cannot use."\n\n-Ana Ruiz, Port Ellery.',
                ("direct.dash_signoff", "direct", "Nobody should pay for a bridge they cannot use.",
                 "Ana Ruiz", None)),
    ),
    default_confidence=0.8,
))
register(Rule(
    "direct.QCQ-SV.loose", "direct", 40, loose_attribution("SV.loose"),
    "a cue right after a quotation whose speaker phrase no finder takes: the quote is kept, with the first "
    "name in the phrase or the phrase as written",
    must=(
        example("“The tide is late,” a worker can be heard shouting at the crane.",
                ("direct.QCQ-SV.loose", "direct", "The tide is late,", "a worker", "shouting")),
    ),
    default_confidence=0.6, splits=True,
))
register(Rule(
    "direct.QCQ-VS.loose", "direct", 40, loose_attribution("VS.loose"),
    "the same, with the cue before the speaker phrase",
    must=(
        example("“We have waited long enough,” said Ana Ruiz of the harbour delegation.",
                ("direct.QCQ-VS.loose", "direct", "We have waited long enough,", "Ana Ruiz", "said")),
    ),
    default_confidence=0.6, splits=True,
))
