"""Attribution rules: each names one layout of quote, cue and speaker, and records itself.

The rules run in three passes over a :class:`~quotes.document.Document`:

1. direct quotes with their own attribution (``"…," S said``, ``S said: "…"``, dash sign-offs,
   colon lead-ins, split quotes);
2. reported claims around the remaining cues (``S said (that) …``, ``…, S said``,
   ``according to S``), typed mixed when they hold a quoted fragment;
3. quotes with no cue of their own that continue an attributed quote (the next sentence or
   paragraph, or a quote reopened in the next paragraph).

Rule names follow the order of speaker (S), cue (V) and content (C or Q for a quotation), as in
the GenderGapTracker's pattern codes, so errors can be counted per layout.

Every look-up bisects sorted positions (spans, cues and sentences per paragraph, candidates by
start and end), and no rule reads further than ``REACH`` from its cue or quote, so the work per
cue does not grow with the article: hostile text stays linear (``benchmarks/adversarial.py``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotes.document import Cue, Document, Paragraph
from quotes.lexicon import Lexicon
from quotes.marks import QuotedSpan
from quotes.mentions import NAME_RUN, parse_mention
from quotes.model import Mention
from quotes.phrases import (
    DETERMINERS,
    WORD,
    adjunct_regex,
    content_range,
    content_start,
    head_ok,
    sentence_subject,
    skip_adjuncts,
    source_after,
    speaker_after,
    speaker_before,
    words,
)
from quotes.sentences import Range, strip_space

MIN_CONTINUATION_WORDS = 4
# No rule reads further than this from a cue or a quote: real sentences are shorter, and a hostile
# text without full stops must not make each cue read the whole article.
REACH = 1500
MIN_CLAIM_WORDS = 2
LOOSE_WORDS = 10  # the longest speaker phrase kept when the finders would not take it
MIN_LEAD_WORDS = 2  # "The golf trade, she said, is back": a lead of one word ("Sometimes, …") is no claim
CONTINUATION_PARAGRAPHS = 2
DASH = re.compile(r"\s*[—–―]+\s*|\s+-{1,2}\s*")
NOT_SPEECH_AFTER_CUE = re.compile(
    r"(?:(?:it|them|this|these|those|him|her)\s*(?:[,.;:!?]|$)|to|for|about|of|with|by|from|into|up|out|off|no|nothing|so|yes|goodbye|"
    r"hello|thanks|otherwise|on|in|at|before|after|during|through|over|against|"
    r"without|within|under|across|onto|upon|as|while|when|and|or|but|goodbye|anything|something)\b",
    re.IGNORECASE)
# A clause in the first words of a claim: an auxiliary, a modal or a past-tense verb.
CLAUSE_VERB = re.compile(
    r"\b(?:is|was|were|are|am|be|been|will|would|could|can|should|may|might|must|shall|had|has|have|"
    r"did|does|do|isn’t|wasn’t|won’t|wouldn’t|can’t|don’t|doesn’t|didn’t|isn't|wasn't|won't|"
    r"wouldn't|can't|don't|doesn't|didn't|\w+ed|(?:it|he|she|that|there|what|who|here)[’']s|\w+’re|\w+'re|"
    r"\w+’ll|\w+'ll)\b")  # case-sensitive: "May", "Will" and "Can" are names more often than verbs
CLAUSE_WINDOW = 60
# Where the writer's own clause takes over from a claim: ", but the …", "; …", ", though …".
CLAIM_BREAK = re.compile(r",\s+(?:but|though|although|whereas|while)\b|;|,\s+and\s+(?:he|she|they|(?-i:[a-z]+ed))\b")
# What a quotation is about, between its cue and the quotation: "said about the movement, “…”".
TOPIC_BEFORE_QUOTE = re.compile(r"(?:about|of|on|to|at|in|during|after|before|when|while|with)\b[^\"“”‘«]{0,60}[,:]\s*",
                                re.IGNORECASE)
# "… and said", "… but says", "…, and later told": a verb that shares the subject before it.
COORDINATED = re.compile(r",?\s+(?:and|but)\s+(?:(?:also|then|later|again|\w+ly)\s+)?$|\s(?:by|while|before|after)\s+$",
                         re.IGNORECASE)
# A sentence that opens with a subordinate clause: "While he said …, the main clause …".
SUBORDINATE_LEAD = re.compile(r"\s*(?:While|Although|Though|After|Before|When|If|As|Because|Since|Once|Until|"
                              r"Even\s+though|Even\s+as)\b")
# A claim that opens with its verb lost its subject to a relative ("the plan that he thought would fail").
RELATIVE_GAP = re.compile(r"(?:is|was|were|are|has|have|had|should|would|could|will|can|may|might|must)\b")
# "Maria Lopez, who said …", "the agency, which has also said …"
RELATIVE = re.compile(r",\s*(who|which)\s+(?:(?:has|have|had|also|later|then|\w+ly)\s+){0,2}$", re.IGNORECASE)
COORDINATION_WINDOW = 40  # ", and then also said" fits; searching further back only costs time
# Words that end a claim's subject before any verb: "continued the repairs until …" holds no clause;
# "and" does too, unless it joins names ("Lavrov and Rubio agreed …").
NOT_A_SUBJECT = re.compile(
    r"\b(?:until|after|before|during|when|because|while|since|if|unless|despite|through|against|but|"
    r"than|into|toward|towards|without|amid|whether)\b|\b(?:and|or)\s+(?-i:[a-z])|[,;:—–]", re.IGNORECASE)
PREPOSITIONS = frozenset({"at", "in", "on", "of", "from", "during", "after", "before", "while", "as", "to",
                          "with", "about", "when", "outside", "inside", "near", "via", "through", "because",
                          "since", "into", "by", "for", "over", "under", "without", "amid", "following",
                          "last", "this", "earlier", "later", "recently", "and", "but", "then", "adding",
                          "noting", "saying", "according", "told", "upon", "until", "where"})
# Sentence-initial words that are capitalised but are never a speaker.
NOT_SPEAKERS = frozenset({"perhaps", "maybe", "still", "yet", "also", "instead", "meanwhile", "however",
                          "thus", "nonetheless", "nevertheless", "indeed", "so", "then", "now", "here",
                          "there", "this", "that", "it’s", "it's", "what", "which", "who", "when", "why"})


@dataclass
class Candidate:
    """A quote found by a rule, before its speaker is parsed and resolved."""

    content: Range
    type: str
    cue: Cue | None
    speaker: Mention | None
    rule: str
    confidence: float
    paragraph: int
    continuation: bool = False
    source: Candidate | None = None  # the quote whose speaker this one takes (split, continuation)
    group: int | None = None
    antecedent: Mention | None = None  # the phrase a relative "who" speaker stands for


def quote_type(doc: Document, para: Paragraph, start: int, end: int) -> str:
    """direct when the content is one quotation, mixed when it holds one, else indirect."""
    span = para.span_at(start)
    if span is not None and span.inner_start <= start and end <= span.inner_end + 1:
        return "direct"
    following = para.span_from(start)
    if following is not None and following.start < end:
        return "mixed"
    return "indirect"


def _sentence_of(para: Paragraph, pos: int) -> Range:
    """The sentence around ``pos``, but no more than ``REACH`` characters either side of it."""
    s, e = para.sentence_at(pos)
    return max(s, pos - REACH), min(e, pos + REACH)


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``n`` words, read no further than the n-th."""
    return n <= 0 or any(found >= n for found, _ in enumerate(WORD.finditer(text, start, end), start=1))


def _is_tell(cue: Cue) -> bool:
    """tell and ask take a hearer before their content: "told reporters (that) …"."""
    return cue.text.lower().startswith(("told", "tell", "ask", "remind", "assure", "inform", "warn", "urg",
                                         "advis", "implor", "beg", "caution", "counsel"))


class Extractor:
    """Runs the rules over one document and collects the candidates."""

    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.adjuncts = adjunct_regex(lexicon)
        self.candidates: list[Candidate] = []
        # the candidates sorted by content start, and those with a speaker by content end, so that
        # "is this position already quoted?" bisects instead of reading every candidate
        self._starts: list[int] = []
        self._by_start: list[Candidate] = []
        self._ends: list[int] = []
        self._by_end: list[Candidate] = []
        self._longest = 0
        self._speaker_ends: dict[int, Range] = {}
        self._mentions: dict[Range, Mention] = {}
        self.used_cues: set[int] = set()
        self.attributed: dict[int, Candidate] = {}  # quoted span start -> candidate
        self.groups = 0

    def run(self) -> list[Candidate]:
        for para in self.doc.paragraphs:
            for span in para.spans:
                if span.start not in self.attributed:
                    self.direct(para, span)
        for para in self.doc.paragraphs:
            self.reported(para)
        self.continuations()
        return sorted(self.candidates, key=lambda c: c.content[0])

    # ---- pass 1: direct quotes -------------------------------------------------------------

    def add(self, cand: Candidate, span: QuotedSpan | None = None) -> Candidate:
        self.candidates.append(cand)
        i = bisect.bisect_right(self._starts, cand.content[0])
        self._starts.insert(i, cand.content[0])
        self._by_start.insert(i, cand)
        self._longest = max(self._longest, cand.content[1] - cand.content[0])
        if cand.speaker:
            j = bisect.bisect_right(self._ends, cand.content[1])
            self._ends.insert(j, cand.content[1])
            self._by_end.insert(j, cand)
            self._speaker_ends.setdefault(cand.speaker.end, (cand.speaker.start, cand.speaker.end))
        if cand.cue:
            self.used_cues.add(cand.cue.start)
        if span is not None:
            self.attributed[span.start] = cand
        return cand

    def mention(self, phrase: Range) -> Mention:
        """The mention written at ``phrase``, parsed once however many rules find it."""
        if phrase not in self._mentions:
            self._mentions[phrase] = parse_mention(self.text, *phrase, self.lexicon)
        return self._mentions[phrase]

    def direct_content(self, span: QuotedSpan) -> Range:
        return strip_space(self.text, span.inner_start, span.inner_end)

    def direct(self, para: Paragraph, span: QuotedSpan) -> None:
        content = self.direct_content(span)
        if content[0] >= content[1]:
            return
        found = self.trailing(para, span) or self.leading(para, span) or self.dash_signoff(para, span) \
            or self.trailing(para, span, loose=True)
        if not found:
            return
        rule, cue, speaker, confidence, attribution_end = found
        kind = "direct"
        sent_start, _ = _sentence_of(para, span.start)
        lead = self.text[sent_start:span.start]
        introduced = lead.rstrip().endswith((":", "-", "—", "–"))  # "… painting him as a sympathizer - “…”"
        if rule.startswith("direct.QCQ") and lead.strip(" \t\"“”‘’'") and not introduced:
            if rule.endswith(".loose"):
                return  # a fragment inside a sentence, with a speaker no finder took: too little to go on
            # `Rubio "reaffirmed …", said S`: the quote is a fragment of a reported clause
            kind, rule, content = "mixed", rule.replace("direct.QCQ", "mixed.CQ"), (sent_start, span.end)
        cand = self.add(Candidate(content, kind, cue, self.mention(speaker), rule, confidence, para.index), span)
        self.split_rest(para, span, cand, attribution_end)

    def trailing(self, para: Paragraph, span: QuotedSpan, loose: bool = False):
        """``"…," S said.`` (QCQSV) and ``"…," said S.`` (QCQVS).

        ``loose``: when no rule found the quote's speaker, a cue in the place of an attribution
        keeps the quote, with the nearest name or the phrase as written (``….loose``).
        """
        if not span.closed:
            return None
        _, limit = _sentence_of(para, max(span.end - 1, span.start))
        crossed = False
        if limit <= span.end + 1 and limit < para.end:
            # Punkt ends the sentence at `?"`: the attribution may be the next, short sentence
            _, limit = _sentence_of(para, limit + 1 if self.text[limit].isspace() else limit)
            crossed = True
        limit = max(limit, min(para.end, span.end + 1))
        next_span = para.span_from(span.end)
        if next_span is not None and next_span.start < limit:
            limit = next_span.start
        gap_start = span.end
        m = re.match(r"[\s,—–―-]*", self.text[gap_start:limit])
        gap_start += m.end() if m else 0
        for cue in para.cues_between(gap_start, limit):
            if _has_words(self.text, gap_start, cue.start, 11):
                break
            if cue.start == gap_start:
                clause_end = self._clause_limit(para, cue.end)
                speaker = speaker_after(self.text, cue.end, clause_end, self.lexicon)
                if speaker and (not crossed or self._ends_clause(speaker[1], limit, False)):
                    return "direct.QCQ-VS", cue, speaker, 0.95, speaker[1]
                if loose and not crossed and (phrase := self._loose_phrase(cue.end, clause_end)):
                    return "direct.QCQ-VS.loose", cue, phrase, 0.6, phrase[1]
                continue
            speaker = speaker_before(self.text, gap_start, cue.start, self.lexicon)
            if self._has_complement(cue, limit) or crossed and not self._ends_clause(cue.end, limit, _is_tell(cue)):
                continue
            if speaker is not None and speaker[0] == gap_start:
                return "direct.QCQ-SV", cue, speaker, 0.95, cue.end
            if loose and speaker is None and not _has_words(self.text, gap_start, cue.start, LOOSE_WORDS + 1) \
                    and (phrase := self._loose_phrase(gap_start, cue.start)):
                return "direct.QCQ-SV.loose", cue, phrase, 0.6, cue.end
        return None

    def _loose_phrase(self, start: int, end: int) -> Range | None:
        """A speaker phrase the finders would not take, kept rather than losing the quote: the first
        name written in it, else the phrase itself up to its first clause break."""
        stop = re.search(r"[,;:.!?“”\"(]|\s[—–-]\s", self.text[start:end])
        start, end = strip_space(self.text, start, start + stop.start() if stop else end)
        if start >= end or not _has_words(self.text, start, end, 1) \
                or _has_words(self.text, start, end, LOOSE_WORDS + 1):
            return None
        first = self.text[start:end].split()[0]
        if not (first[0].isupper() or first.lower() in DETERMINERS) or first.lower() in PREPOSITIONS \
                or first.lower() in NOT_SPEAKERS:
            return None  # "…" about the decision, said …: the quotation runs on into a report
        names = [m for m in NAME_RUN.finditer(self.text, start, end)
                 if m.group().split()[0].lower() not in self.lexicon.sentence_openers]
        return (names[0].start(), names[0].end()) if names else (start, end)  # "Blige sings to Clinton": Blige

    def _has_complement(self, cue: Cue, limit: int) -> bool:
        """``"This Week," Rubio said that …``: the cue governs a clause of its own, not the quote."""
        pos = skip_adjuncts(self.text, cue.end, limit, _is_tell(cue), self.adjuncts, rounds=3)
        if self.text[cue.end:pos].rstrip().endswith(","):
            return False
        m = re.match(r"\s*([A-Za-z’']+)", self.text[pos:limit])
        if not m or m.group(1).lower() in PREPOSITIONS:
            return False
        return m.group(1).lower() == "that" or self._opens_clause(pos, limit)

    def _ends_clause(self, pos: int, limit: int, told: bool) -> bool:
        """Only adjuncts stand between ``pos`` and the end of the clause: a time, the place of speech,
        a phrase led by a preposition ("in response") or a participle (", repeating …"), but no
        clause of its own ("that …") and no other quotation."""
        end = content_start(self.text, pos, limit, self.lexicon, told, self.adjuncts)
        rest = self.text[end:limit]
        if not rest.strip(" .,;:!?—–-\"”’'"):
            return True
        first = re.match(r"[\s,]*([A-Za-z]+)", rest)
        if not first or re.search(r"\bthat\b|[\"“”«»]", rest):
            return False
        word = first.group(1).lower()
        participle = word.endswith("ing") and "," in self.text[pos:end + first.start(1)]
        hearer = told and len(rest.split()) <= 4 and not any(w in self.lexicon.cue_forms for w in rest.split())
        return word in PREPOSITIONS or word == "who" or participle or hearer

    def _clause_limit(self, para: Paragraph, pos: int) -> int:
        _, end = _sentence_of(para, pos)
        nxt = para.span_from(pos)
        return min(end, nxt.start) if nxt else end

    def leading(self, para: Paragraph, span: QuotedSpan):
        """``S said: "…"``, ``S said, "…"``, ``S said "…"`` (SVQ) and colon lead-ins."""
        sent_start, _ = _sentence_of(para, span.start)
        if span.start == para.start and para.index > 0:
            return self.colon_paragraph(para, span)
        prev_span_end = para.last_span_end(span.start, sent_start)
        region_start = max(sent_start, prev_span_end)
        cues = [c for c in para.cues_between(region_start, span.start) if c.start not in self.used_cues]
        if cues:
            cue = cues[-1]
            told = _is_tell(cue)
            start = content_start(self.text, cue.end, span.start, self.lexicon, told, self.adjuncts)
            if start < span.start and TOPIC_BEFORE_QUOTE.fullmatch(self.text, start, span.start):
                start = span.start  # "Lopez said about the movement, “…”"
            if start >= span.start and not self._fragment(para, span):
                speaker, _ = self._subject_of(cue, region_start)
                if speaker:
                    return "direct.SVQ", cue, speaker, 0.9, span.start
            # "…, explained Tom Reyes, “…”" and "Said Dorothy Lane, “…”": the cue opens its clause
            opens_clause = self.text[region_start:cue.start].rstrip().endswith(",") \
                or not self.text[region_start:cue.start].strip(" \"“”‘’'")
            speaker = speaker_after(self.text, cue.end, span.start, self.lexicon) if opens_clause else None
            if speaker and self.text[speaker[1]:span.start].strip() in (",", ":"):
                return "direct.VSQ", cue, speaker, 0.85, span.start
        before = self.text[region_start:span.start].rstrip()
        if before.endswith(":"):
            colon = region_start + len(before) - 1
            speaker = speaker_before(self.text, region_start, colon, self.lexicon)
            if speaker:
                return "direct.colon_lead_in", None, speaker, 0.75, span.start
        return None

    def _fragment(self, para: Paragraph, span: QuotedSpan) -> bool:
        """``said the filings “all point one way” that …``: the clause goes on after the
        quotation, which is then part of a mixed claim, not a direct quote of its own."""
        _, s_end = _sentence_of(para, max(span.end - 1, span.start))
        following = para.span_from(span.end)
        end = min(s_end, following.start) if following else s_end
        if re.match(r"\s*[,;:—–(-]", self.text[span.end:end]) or self.text[span.inner_end - 1:span.inner_end] in ",.?!":
            return False  # a new phrase after the quotation, or a quoted sentence of its own
        return _has_words(self.text, span.end, end, 3)

    def colon_paragraph(self, para: Paragraph, span: QuotedSpan):
        """A paragraph that ends with a colon introduces the quoted paragraph after it."""
        prev = self.doc.paragraphs[para.index - 1]
        if not self.text[prev.start:prev.end].endswith(":"):
            return None
        sent_start, _ = prev.sentences[-1]
        colon = prev.end - 1
        cues = prev.cues_between(sent_start, colon)
        if cues:
            cue = cues[-1]
            speaker = speaker_before(self.text, sent_start, cue.start, self.lexicon)
            if speaker:
                return "direct.colon_lead_in", cue, speaker, 0.85, span.start
        speaker = speaker_before(self.text, sent_start, colon, self.lexicon)
        if speaker:
            return "direct.colon_lead_in", None, speaker, 0.7, span.start
        return None

    def dash_signoff(self, para: Paragraph, span: QuotedSpan):
        """``"…" — S`` at the end of a paragraph."""
        m = DASH.match(self.text, span.end, para.end)
        if not m:
            return None
        speaker = speaker_after(self.text, m.end() - 0, para.end, self.lexicon)
        if speaker and self.text[speaker[1]:para.end].strip(" .,") == "":
            return "direct.dash_signoff", None, speaker, 0.8, speaker[1]
        return None

    def split_rest(self, para: Paragraph, span: QuotedSpan, cand: Candidate, attribution_end: int) -> None:
        """``"…," S said, "…."``: the quote right after the attribution has the same speaker."""
        if not cand.rule.startswith(("direct.QCQ", "mixed.CQ")):
            return
        nxt = para.span_from(span.end)
        if nxt is None or nxt.start in self.attributed:
            return
        told = cand.cue is not None and attribution_end == cand.cue.end and _is_tell(cand.cue)
        pos = content_start(self.text, attribution_end, nxt.start, self.lexicon, told, self.adjuncts)
        if pos < nxt.start and self.text[pos:nxt.start].strip(" ,.;:—–-"):
            return
        if not any(c in self.text[attribution_end:nxt.start] for c in ",.:;—–"):
            return  # `told "Fox and Friends"`: a title right after the cue, not a second fragment
        if self._own_cue_after(para, nxt):
            return  # `"…," he said. "…," she replied.`: the next quote has an attribution of its own
        self.groups += 1
        cand.group = self.groups
        content = self.direct_content(nxt)
        if content[0] < content[1]:
            self.add(Candidate(content, "direct", cand.cue, cand.speaker, "direct.split", cand.confidence,
                               para.index, source=cand, group=self.groups), nxt)

    # ---- pass 2: reported claims -----------------------------------------------------------

    def reported(self, para: Paragraph) -> None:
        for cue in para.cues:
            if cue.start in self.used_cues or self._in_content(cue.start) or self._inside_quotation(para, cue.start):
                continue
            sent = _sentence_of(para, cue.start)
            if cue.kind == "according":
                self.according_to(para, cue, sent)
            else:
                self.claim(para, cue, sent)

    def _in_content(self, pos: int) -> bool:
        return any(c.content[0] <= pos < c.content[1] for c in self._near(pos, pos + 1))

    def _overlaps_direct(self, start: int, end: int) -> bool:
        return any(c.type == "direct" and c.content[0] < end and start < c.content[1] for c in self._near(start, end))

    def _near(self, start: int, end: int) -> list[Candidate]:
        """The candidates whose content may overlap ``start``–``end``."""
        i = bisect.bisect_left(self._starts, end)
        floor = bisect.bisect_left(self._starts, start - self._longest)
        return self._by_start[floor:i]

    def claim(self, para: Paragraph, cue: Cue, sent: Range) -> None:
        lemma = self.lexicon.cue_forms.get(cue.text.lower())
        weak = lemma in self.lexicon.weak_lemmas
        s_start, s_end = sent
        after_cue = content_start(self.text, cue.end, s_end, self.lexicon, _is_tell(cue), self.adjuncts)
        at_end = not self.text[after_cue:s_end].strip(" .!?\"”’'")
        # "Sales were great, he said, wiping his face" (or ", adding …"): a participle ends the attribution
        at_end = at_end or bool(re.match(r",\s*\w+ing\b", self.text[cue.end:s_end]))
        if at_end and not weak:
            if self.content_speaker_cue(para, cue, sent):
                return
        elif not weak and (
            (self.text[cue.end:after_cue].rstrip().endswith(",") and self.parenthetical(para, cue, sent, after_cue))
            or (self._comma_before(cue.start, s_start) and self.content_cue_speaker(para, cue, sent))
        ):
            return
        self.speaker_cue_content(para, cue, sent)

    def _comma_before(self, pos: int, floor: int) -> bool:
        before = self.text[floor:pos].rstrip().rstrip("\"”’'")
        return before.endswith(",")

    def content_speaker_cue(self, para: Paragraph, cue: Cue, sent: Range) -> bool:
        """``…, S said.`` (CSV)."""
        s_start, _ = sent
        left = self.text[s_start:cue.start]
        comma = left.rfind(",")
        while comma > 0:
            speaker = speaker_before(self.text, s_start + comma + 1, cue.start, self.lexicon)
            if speaker and not self.text[s_start + comma + 1:speaker[0]].strip():
                return self._claim(para, cue, speaker, (s_start, s_start + comma), "indirect.CSV", 0.85)
            comma = left.rfind(",", 0, comma)  # an appositive speaker: step over its comma
        return False

    def parenthetical(self, para: Paragraph, cue: Cue, sent: Range, after_cue: int) -> bool:
        """``The deal, officials said, was done.`` (C-SV-C): the claim is what follows the cue."""
        s_start, s_end = sent
        comma = self.text.rfind(",", s_start, cue.start)
        if comma < 0:
            return False  # "The mayor hit back, saying …": no claim before the speaker
        speaker = speaker_before(self.text, comma + 1, cue.start, self.lexicon)
        if not speaker or self.text[comma + 1:speaker[0]].strip():
            return False
        if not self._claim(para, cue, speaker, (after_cue, s_end), "indirect.C-SV-C", 0.8):
            return False
        # the words before the speaker open the same claim: one claim in two fragments, as a split quote
        # ("On Monday, officials said, …" and "Sometimes, …" open no claim)
        lead = content_range(self.text, s_start, comma)
        first = re.match(r"[\w’']+", self.text[lead[0]:lead[1]])
        adjunct = first is not None and (first.group().lower() in PREPOSITIONS or first.group().endswith("ly"))
        if lead[0] < lead[1] and not adjunct and not self._in_content(lead[0]) \
                and _has_words(self.text, *lead, MIN_LEAD_WORDS):
            rest = self.candidates[-1]
            self.groups += 1
            rest.group = self.groups
            kind = quote_type(self.doc, para, *lead)
            self.add(Candidate(lead, kind, cue, self.mention(speaker), "indirect.C-SV-C", 0.7, para.index, source=rest,
                               group=self.groups))
        return True

    def content_cue_speaker(self, para: Paragraph, cue: Cue, sent: Range) -> bool:
        """``…, said S.`` (CVS)."""
        s_start, s_end = sent
        if cue.text.lower().endswith("ing"):
            return False  # "…, repeating a charge": a participle, and no speaker follows it
        before = speaker_before(self.text, s_start, cue.start, self.lexicon)
        if before and not self.text[s_start:before[0]].strip(" \"“”‘’'"):
            return False  # "Michael Lee, a fellow at the institute, says …": the speaker comes first
        speaker = speaker_after(self.text, cue.end, s_end, self.lexicon)
        rest = self.text[speaker[1]:s_end] if speaker else ""
        if not speaker or rest.strip(" .!?,\"”’'") and not self.adjuncts.match(self.text, speaker[1], s_end) \
                and not re.match(r"\s*,\s*(?:who|whose|which|whom)\b", rest):
            return False
        comma = self.text.rfind(",", s_start, cue.start)
        return self._claim(para, cue, speaker, (s_start, comma), "indirect.CVS", 0.85)

    def speaker_cue_content(self, para: Paragraph, cue: Cue, sent: Range) -> bool:
        """``S said (that) …``, ``S told reporters on Thursday …`` (SVC)."""
        s_start, s_end = sent
        speaker, rule = self._subject_of(cue, s_start)
        antecedent = None
        if speaker is None:
            speaker, antecedent = self._relative_subject(cue, s_start)
            rule = "indirect.relative"
            if speaker is None:
                return False
        if antecedent is None and self._not_a_speaker(speaker):
            return False
        if self._belief(cue) and RELATIVE_GAP.match(
                self.text, content_start(self.text, cue.end, s_end, self.lexicon, False, self.adjuncts)):
            return False  # "what scientists think is necessary" is no belief of theirs
        told = _is_tell(cue)
        start = content_start(self.text, cue.end, s_end, self.lexicon, told, self.adjuncts)
        skipped = self.text[cue.end:start]
        that = re.search(r"\bthat\b", skipped) is not None
        if re.match(r"not\s+to\b", self.text[start:s_end]):
            return False  # "asked not to be named"
        if NOT_SPEECH_AFTER_CUE.match(self.text, start, s_end) and not told and not that:
            return False  # "spoke about it", "asked for more"; but "said that for decades …" is a claim
        if skipped.rstrip().endswith(",") and self.text[start:start + 1] not in "\"“‘'«":
            return False  # "Trump asked, looking …": what follows the comma is no claim
        lemma = self.lexicon.cue_forms.get(cue.text.lower())
        # "urged lawmakers to act": a hearer, then what they were told to do
        directive = told and skipped.strip() and re.match(r"to\s+\w", self.text[start:s_end])
        introduced = that or self.text[start:start + 1] in "\"“‘'«" or directive
        if not introduced and (lemma in self.lexicon.weak_lemmas
                               or lemma not in self.lexicon.strong_lemmas and not self._opens_clause(start, s_end)):
            return False
        end = self._content_end(para, start, sent)
        return self._claim(para, cue, speaker, (start, end), rule, 0.8 if rule == "indirect.SVC" else 0.6,
                           antecedent)

    def _opens_clause(self, start: int, end: int) -> bool:
        """A finite verb comes before the words that would end a subject ("the plan would fail")."""
        window = min(end, start + CLAUSE_WINDOW)
        verb = CLAUSE_VERB.search(self.text, start, window)
        if verb is None:
            return False
        return NOT_A_SUBJECT.search(self.text, start, verb.start()) is None

    def _not_a_speaker(self, speaker: Range) -> bool:
        tokens = self.text[speaker[0]:speaker[1]].split()
        return len(tokens) == 1 and (tokens[0].lower() in NOT_SPEAKERS or tokens[0].lower().endswith("ly"))

    def _subject_of(self, cue: Cue, s_start: int) -> tuple[Range | None, str]:
        """The speaker before a cue: the phrase right before it, or the subject it shares."""
        speaker = speaker_before(self.text, s_start, cue.start, self.lexicon)
        if speaker is None:
            return self._shared_subject(cue, s_start)
        if cue.text.lower().endswith("ing"):
            # "The mayor hit back, saying …": the participle's subject opens the sentence
            subject = sentence_subject(self.text, s_start, cue.start, self.lexicon)
            if subject and subject[0] == speaker[0] and subject[1] < speaker[1]:
                return subject, "indirect.coordinated"
            if self._comma_before(cue.start, s_start):
                # "Clinton spoke about the shooting in Tulsa, Oklahoma, arguing …": not Oklahoma
                shared, rule = self._shared_subject(cue, s_start)
                if shared is not None and shared[0] < speaker[0]:
                    return shared, rule
        return speaker, "indirect.SVC"

    def _shared_subject(self, cue: Cue, s_start: int) -> tuple[Range | None, str]:
        """A cue with no subject of its own shares the subject of the verb before it.

        ``X said …, adding that …`` takes the speaker of the claim before it; ``X visited …
        and said …`` and ``X hit back, saying …`` take the subject that opens the sentence.
        """
        participle = cue.text.lower().endswith("ing") and self._comma_before(cue.start, s_start)
        if participle:
            # the claim or the attribution right before: "X said …, adding", "“…,” he said of it, adding"
            previous = [c for c in self._near(s_start, cue.start) if c.speaker and c.content[0] < cue.start and (
                cue.start - c.content[1] < 4 or c.cue and s_start <= c.cue.start and c.cue.end <= cue.start)]
            if previous:
                speaker = max(previous, key=lambda c: c.content[0]).speaker
                return (speaker.start, speaker.end), "indirect.participle"
        if participle or self._coordinated(s_start, cue):
            subject = sentence_subject(self.text, self._after_opening_quote(s_start, cue.start), cue.start,
                                       self.lexicon)
            if subject and subject[1] < cue.start:
                return subject, "indirect.coordinated"
        return None, ""

    def _coordinated(self, floor: int, cue: Cue) -> re.Match[str] | None:
        """``… and said``, ``… but says`` right before ``cue``: a verb that shares the subject before it."""
        return COORDINATED.search(self.text, max(floor, cue.start - COORDINATION_WINDOW), cue.start)

    def _after_opening_quote(self, s_start: int, limit: int) -> int:
        """Where the words of a sentence begin, after a quotation that opens it ("“…,” he said")."""
        para = self.doc.paragraph_at(s_start)
        span = para.span_at(s_start) or para.span_from(s_start)
        if span is not None and span.start < limit and not self.text[s_start:span.start].strip():
            return span.end
        return s_start

    def _relative_subject(self, cue: Cue, s_start: int) -> tuple[Range | None, Range | None]:
        """``Maria Lopez, who said …``: the speaker is "who", standing for the name before it."""
        m = RELATIVE.search(self.text, s_start, cue.start)
        if not m:
            return None, None
        antecedent = self._speaker_ends.get(m.start()) or speaker_before(self.text, s_start, m.start(), self.lexicon)
        if antecedent is None or self.text[antecedent[0]:antecedent[1]].split()[0].lower() in self.lexicon.cue_forms:
            return None, None
        return (m.start(1), m.end(1)), antecedent

    def _content_end(self, para: Paragraph, start: int, sent: Range) -> int:
        """A claim runs to the end of its sentence, but no further than:

        - a following cue that shares its subject (", adding …", "and warned …");
        - the main clause, when the claim sits in a leading subordinate one ("While he said …, …");
        - a break that starts a clause of the writer's own (", but …", "; …").
        """
        s_start, s_end = sent
        if SUBORDINATE_LEAD.match(self.text, s_start, start):
            comma = self._first_break(para, ",", start, s_end)
            if comma is not None:
                s_end = comma
        following = para.cues_between(start + 1, s_end) + para.cues_between(start + 1, s_end, "according")
        for cue in sorted(following, key=lambda c: c.start):
            if self._inside_quote(para, cue.start):
                continue
            coordinated = self._coordinated(start, cue)
            if coordinated and cue.kind == "verb":
                return coordinated.start()
            if cue.text.lower().endswith("ing") and self._comma_before(cue.start, start):
                return self.text.rfind(",", start, cue.start)
            break
        for m in CLAIM_BREAK.finditer(self.text, start, s_end):
            if _has_words(self.text, start, m.start(), MIN_CLAIM_WORDS) and not self._inside_quote(para, m.start()):
                return m.start()
        return s_end

    def _first_break(self, para: Paragraph, mark: str, start: int, end: int) -> int | None:
        pos = self.text.find(mark, start, end)
        while pos >= 0 and self._inside_quote(para, pos):
            pos = self.text.find(mark, pos + 1, end)
        return pos if pos >= 0 and _has_words(self.text, start, pos, MIN_CLAIM_WORDS) else None

    def _inside_quotation(self, para: Paragraph, pos: int) -> bool:
        """Inside a quoted sentence (not a short fragment): the quote's own words, not a report."""
        span = para.span_at(pos)
        return span is not None and span.inner_start <= pos < span.inner_end \
            and _has_words(self.text, span.inner_start, span.inner_end, MIN_CONTINUATION_WORDS)

    @staticmethod
    def _inside_quote(para: Paragraph, pos: int) -> bool:
        span = para.span_at(pos)
        return span is not None and span.start < pos

    def _belief(self, cue: Cue) -> bool:
        return self.lexicon.cue_forms.get(cue.text.lower()) in self.lexicon.belief_lemmas

    def _claim(self, para: Paragraph, cue: Cue, speaker: Range, content: Range, rule: str,
               confidence: float, antecedent: Range | None = None) -> bool:
        if self._belief(cue) and self.text[speaker[0]:speaker[1]].lower() in ("i", "we", "you"):
            return False  # "I think", outside quotation marks, is a quotation's voice, not a reported belief
        start, end = content_range(self.text, *content)
        if not _has_words(self.text, start, end, MIN_CLAIM_WORDS) or self._overlaps_direct(start, end):
            return False
        if speaker[0] < end and start < speaker[1]:
            return False
        kind = quote_type(self.doc, para, start, end)
        self.add(Candidate((start, end), kind, cue, self.mention(speaker), rule, confidence, para.index,
                           antecedent=self.mention(antecedent) if antecedent else None))
        return True

    def according_to(self, para: Paragraph, cue: Cue, sent: Range) -> None:
        """``According to S, …`` and ``…, according to S.``"""
        s_start, s_end = sent
        speaker = source_after(self.text, cue.end, s_end, self.lexicon)
        if speaker is None:
            return
        if not cue.text.lower().startswith("according") and not self._named_source(speaker):
            return  # the spinner's "per day", "in keeping with the rules": no source
        if not self.text[s_start:cue.start].strip(" ,\"“”‘’'"):
            comma = self.text.find(",", speaker[1], s_end)
            if comma < 0:
                return
            self._claim(para, cue, speaker, (comma + 1, s_end), "according_to.AC", 0.85)
        else:
            self._claim(para, cue, speaker, (s_start, cue.start), "according_to.CA", 0.85)

    def _named_source(self, source: Range) -> bool:
        """A source that a phrase other than "according to" may name: a name, or a speaker word
        heading it ("an individual conversant in the matter"), never "the rules" or "per day"."""
        tokens = words(self.text, *source)
        first = self.text[tokens[0][0]:tokens[0][1]]
        if not (first[0].isupper() or first.lower() in ("a", "an", "the", "one", "two", "three", "several")):
            return False
        heads = [self.text[s:e] for s, e in tokens[1:4] if head_ok(self.text[s:e], self.lexicon)]
        return first[0].isupper() and head_ok(self.text[tokens[-1][0]:tokens[-1][1]], self.lexicon) or bool(heads)

    # ---- pass 3: continuations ---------------------------------------------------------------

    def continuations(self) -> None:
        """A quote with no cue of its own takes the speaker of the attributed quote before it.

        A paragraph left open whose quote is reopened and attributed in the next paragraph takes
        that speaker, read backwards from the end so that chains of open paragraphs link up.
        """
        for para in reversed(self.doc.paragraphs[:-1]):
            if not para.spans or para.spans[-1].closed or para.spans[-1].start in self.attributed:
                continue
            nxt = self.doc.paragraphs[para.index + 1]
            reopened = nxt.spans[0] if nxt.spans and nxt.spans[0].reopens else None
            source = self.attributed.get(reopened.start) if reopened else None
            content = self.direct_content(para.spans[-1])
            if source and source.speaker and content[0] < content[1]:
                self.add(Candidate(content, "direct", source.cue, source.speaker, "direct.multi_paragraph", 0.85,
                                   para.index, source=source), para.spans[-1])
        for para in self.doc.paragraphs:
            for span in para.spans:
                if span.start in self.attributed:
                    continue
                content = self.direct_content(span)
                if content[0] >= content[1] or self._in_content(span.start):
                    continue
                previous = self._previous_speaker(para, span)
                if previous is None or self._own_cue_after(para, span):
                    continue
                if span.reopens and self._last_span_of_previous(para) is not None:
                    rule, confidence = "direct.multi_paragraph", 0.85
                elif self._opens_sentence(para, span) and _has_words(self.text, *content, MIN_CONTINUATION_WORDS):
                    rule, confidence = "direct.continuation", 0.7
                else:
                    continue
                speaker = previous.speaker
                introduced = self._introduced(previous, para, span) if rule == "direct.continuation" else None
                if introduced is not None:
                    rule, confidence, speaker, previous = "direct.introduced", 0.6, introduced, None
                cand = Candidate(content, "direct", None, speaker, rule, confidence, para.index,
                                 continuation=previous is not None, source=previous)
                self.add(cand, span)

    def _introduced(self, previous: Candidate, para: Paragraph, span: QuotedSpan) -> Mention | None:
        """A quote paragraph with no cue, after narrative that names a new person, is that person's:
        "“…,” Tom Reyes said. / Ana Ruiz, a nurse, works nights. / “Nobody asked us.”"."""
        if span.start != para.start:
            return None
        attribution_end = max(previous.content[1], previous.speaker.end if previous.speaker else 0,
                              previous.cue.end if previous.cue else 0)
        found = None
        for m in NAME_RUN.finditer(self.text, attribution_end, span.start):
            narrative = self.doc.paragraph_at(m.start())
            if narrative.span_at(m.start()) is not None or narrative.cues_between(narrative.start, narrative.end):
                continue  # a name in a quotation, or in a sentence with an attribution of its own
            mention = parse_mention(self.text, m.start(), m.end(), self.lexicon)
            if mention.kind == "person" and mention.name and len(mention.name.text.split()) >= 2 \
                    and (mention.gender or mention.title or mention.role):
                found = mention
        if found is None or previous.speaker is None:
            return found
        said = previous.speaker.name.text if previous.speaker.name else previous.speaker.text
        return None if said.split()[-1] == found.name.text.split()[-1] else found

    def _own_cue_after(self, para: Paragraph, span: QuotedSpan) -> bool:
        """A cue right after the quote, in its sentence, that no rule could read: the quote has an
        attribution of its own, so it continues nobody."""
        _, s_end = _sentence_of(para, max(span.end - 1, span.start))
        limit = min(para.end, max(s_end, span.end + 80))
        return any(c.start not in self.used_cues for c in para.cues_between(span.end, limit))

    def _last_span_of_previous(self, para: Paragraph) -> QuotedSpan | None:
        if para.index == 0:
            return None
        prev = self.doc.paragraphs[para.index - 1]
        return prev.spans[-1] if prev.spans and not prev.spans[-1].closed else None

    def _opens_sentence(self, para: Paragraph, span: QuotedSpan) -> bool:
        s_start, _ = _sentence_of(para, span.start)
        before = self.text[max(para.start, span.start - REACH):span.start].rstrip()
        # Punkt keeps "Fla. “She …" together: a full stop right before the quote also opens it
        return not self.text[s_start:span.start].strip() or not before or before[-1] in ".!?:”\"’'"

    def _previous_speaker(self, para: Paragraph, span: QuotedSpan) -> Candidate | None:
        i = bisect.bisect_right(self._ends, span.start)
        if i == 0:
            return None
        last = self._by_end[i - 1]
        if para.index - last.paragraph > CONTINUATION_PARAGRAPHS:
            return None
        return last
