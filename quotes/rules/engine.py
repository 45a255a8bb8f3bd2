"""The engine: runs the registry's passes over one document and collects the candidates.

Each pass hands its targets (quoted spans, sentences, cues, open paragraphs) to the pass's rules
in priority order; the first rule that finds something takes the target. Filters drop whole
paragraphs (captions, credit lines), single cues (negated acts) and finished candidates.

Every look-up bisects sorted positions (spans, cues and sentences per paragraph, candidates by
start and end), and no rule reads further than ``REACH`` from its cue or quote, so the work per
cue does not grow with the article: hostile text stays linear (``benchmarks/adversarial.py``).
"""

from __future__ import annotations

import bisect
import re

from quotes.document import Cue, Document, Paragraph
from quotes.lexicon import GrammarRegex, Lexicon
from quotes.marks import QuotedSpan
from quotes.mentions import parse_mention
from quotes.model import Mention
from quotes.phrases import WORD, adjunct_regex, predicate_start, speaker_before
from quotes.rules.base import SCOPE_CATEGORIES, Candidate, Filter, Found, Rule
from quotes.rules.registry import Registry, registry
from quotes.sentences import Range, strip_space

# A cue that goes on after a quotation with "and" is the subject's next verb, not the quotation's
# attribution: `“…,” he said, “…” - and vowed to …`, `… and then vowed`.
COORDINATED_VERB = GrammarRegex(r"\s*[,;—–―-]*\s*(?:__COORDINATORS__)\s+(?:(?-i:[a-z])[\w’'-]*\s+)?", re.IGNORECASE)

# ", after …", "; when …": a clause of time or cause set off after an attribution
SUBORDINATE_CLAUSE = GrammarRegex(r"[,;]\s+(?:__SUBORDINATORS__)\s", re.IGNORECASE)
DASH_AFTER = re.compile(r"\s*(?:[—–―]|-{1,2}\s)")
# No rule reads further than this from a cue or a quote: real sentences are shorter, and a hostile
# text without full stops must not make each cue read the whole article.
REACH = 1500
REACH_OF_LEAD = 250  # the most characters between a cue and its quotation read as the cue's adjuncts
MIN_CONTINUATION_WORDS = 4
CONTINUATION_PARAGRAPHS = 2


def sentence_of(para: Paragraph, pos: int) -> Range:
    """The sentence around ``pos``, but no more than ``REACH`` characters either side of it."""
    s, e = para.sentence_at(pos)
    return max(s, pos - REACH), min(e, pos + REACH)


def has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``n`` words, read no further than the n-th."""
    return n <= 0 or any(found >= n for found, _ in enumerate(WORD.finditer(text, start, end), start=1))


def quote_type(para: Paragraph, start: int, end: int) -> str:
    """direct when the content is one quotation, mixed when it holds one, else indirect."""
    span = para.span_at(start)
    if span is not None and span.inner_start <= start and end <= span.inner_end + 1:
        return "direct"
    following = para.span_from(start)
    if following is not None and following.start < end:
        return "mixed"
    return "indirect"


# A quoted title ("Face the Nation") is a few words, each capitalised but the lexicon's small ones.
MAX_TITLE_WORDS = 8


class Extractor:
    """Runs the rules over one document and collects the candidates.

    Rules read the document through it (``text``, ``lexicon``, ``doc``) and ask it what is
    already taken (``in_content``, ``used_cues``, ``attributed``). ``memo`` keeps an analysis
    several rules share for one target, so that rules which differ only in the layout they accept
    read the text once.
    """

    def __init__(self, doc: Document, lexicon: Lexicon, rules: Registry | None = None, scope: str = "all"):
        from quotes.rules.pattern import pattern_rules

        self.doc = doc
        self.scope = scope
        self.text = doc.text
        self.lexicon = lexicon
        self.adjuncts = adjunct_regex(lexicon)
        self.registry = rules or registry()
        self.passes: dict[str, list[Rule]] = {name: self.registry.for_pass(name) for name in
                                              ("direct", "patterns", "reported", "continuation")}
        self.passes["patterns"] = sorted(self.passes["patterns"] + pattern_rules(lexicon),
                                         key=lambda r: (r.priority, r.name))
        self.sense_filters: list[Filter] = self.registry.filters_at("sense")
        self.cue_filters: list[Filter] = self.registry.filters_at("cue") + self.sense_filters
        self.candidate_filters: list[Filter] = self.registry.filters_at("candidate")
        self.end_boundaries = self.registry.boundaries_at("end")
        self.start_boundaries = self.registry.boundaries_at("start")
        self.candidates: list[Candidate] = []
        # the candidates sorted by content start, and those with a speaker by content end, so that
        # "is this position already quoted?" bisects instead of reading every candidate
        self._starts: list[int] = []
        self._by_start: list[Candidate] = []
        self._ends: list[int] = []
        self._by_end: list[Candidate] = []
        self._longest = 0
        self.speaker_ends: dict[int, Range] = {}
        self._attribution_spans: list[Range] = []  # sorted, for in_attribution
        self._mentions: dict[Range, Mention] = {}
        self.used_cues: set[int] = set()
        self.unkept: list[Range] = []  # the content of claims found outside the scope
        self.attributed: dict[int, Candidate] = {}  # quoted span start -> candidate
        self.groups = 0
        self.memo: dict[tuple, object] = {}
        self.skipped = self._skipped_paragraphs()

    # ---- running the passes ----------------------------------------------------------------

    def run(self) -> list[Candidate]:
        paragraphs = [p for p in self.doc.paragraphs if p.index not in self.skipped]
        for para in paragraphs:
            for span in para.spans:
                if span.start not in self.attributed:
                    self.try_rules("direct", para, span)
        if self.passes["patterns"]:
            for para in paragraphs:
                for sentence in para.sentences:
                    self.try_rules("patterns", para, sentence)
        for para in paragraphs:
            for cue in para.cues:
                if cue.start in self.used_cues or self.in_content(cue.start) or self.inside_quotation(para, cue.start) \
                        or self.in_attribution(cue.start):
                    continue  # (a cue inside a found speaker phrase is part of it: "according to an NBC report")
                if any(f.test(self, para, cue) for f in self.cue_filters):
                    continue
                self.try_rules("reported", para, cue)
        for para in reversed(paragraphs[:-1] if paragraphs and paragraphs[-1] is self.doc.paragraphs[-1]
                             else paragraphs):
            if para.spans and not para.spans[-1].closed and para.spans[-1].start not in self.attributed:
                self.try_rules("continuation", para, para)
        for para in paragraphs:
            for span in para.spans:
                if span.start not in self.attributed:
                    self.try_rules("continuation", para, span)
        kept = [c for c in self.candidates if not any(f.test(self, c) for f in self.candidate_filters)]
        return sorted(kept, key=lambda c: c.content[0])

    def no_cue(self, para: Paragraph, cue: Cue) -> bool:
        """A sense filter finds the word no cue here ("putting it into the file"), for the rules that
        read a cue before or after a quotation as for those that read its claim."""
        return self.cached(("no cue", cue.start), lambda: any(f.test(self, para, cue) for f in self.sense_filters))

    def try_rules(self, pass_name: str, para: Paragraph, target) -> bool:
        for rule in self.passes[pass_name]:
            found = rule.find(self, para, target)
            if found:
                self.accept(rule, para, found)
                return True
        return False

    def accept(self, rule: Rule, para: Paragraph, found: Found | list[Found]) -> list[Candidate]:
        """Turn what a rule found into candidates; fragments of one quote share a group."""
        fragments = found if isinstance(found, list) else [found]
        made: list[Candidate] = []
        category = self.category_found(rule, fragments[0])
        if category not in SCOPE_CATEGORIES[self.scope]:
            # a belief outside the scope, an act in any, takes no words: "endorsed Clinton, but told reporters …";
            # what a belief holds is still its own (``filter.nested``)
            if category != "act":
                self.unkept.extend(f.content for f in fragments if f.cue is not None)
            return made
        for i, f in enumerate(fragments):
            speaker = f.speaker if isinstance(f.speaker, Mention) or f.speaker is None \
                else self.mention(self.speaker_phrase(f))
            kind = f.type or quote_type(self.doc.paragraph_at(f.content[0]), *f.content)
            cand = Candidate(f.content, kind, f.cue, speaker, rule.name, rule.confidence, para.index,
                             continuation=f.continuation, source=f.source or (made[0] if i else None),
                             antecedent=self.mention(f.antecedent) if f.antecedent else None,
                             category=self.category_found(rule, f),
                             attribution_end=f.attribution_end)
            joins = f.joins or (made[0] if i else None)
            if joins is not None:
                if joins.group is None:
                    self.groups += 1
                    joins.group = self.groups
                cand.group = joins.group
            made.append(self.add(cand, f.span))
        return made

    def speaker_phrase(self, found: Found) -> Range:
        """The speaker phrase a rule found, cut back when it ran on into a predicate of its own (a
        phrase after its cue that holds one is no speaker: ``filter.clause_as_speaker``)."""
        start, end = found.speaker
        cue = found.cue
        if end > (cue.start if cue else found.content[0]):
            return start, end
        cut = predicate_start(self.text, start, end, self.lexicon)
        if cut is None:
            return start, end
        if cue is None or cue.participle or self.text[start:end].endswith(" to"):
            return self._subject_before(start, end, cut)
        return self._nearest_after(cut, end, cue) or (start, end)

    def _subject_before(self, start: int, end: int, cut: int) -> Range:
        """Before a participle, an infinitive or a colon the sentence's subject speaks: "Tom Reyes, a
        broker, has been pushing for …, arguing", "a report had this to say", "Ellen Park has adopted
        the view …:". A lone word of grammar is no subject ("There (is other promising news)"): the
        whole phrase is kept, for the filter to drop."""
        subject = strip_space(self.text, start, cut)
        words = self.text[subject[0]:subject[1]].split()
        if not words or len(words) == 1 and words[0].lower() in self.lexicon.grammar["function_words"]:
            return start, end
        return subject

    def _nearest_after(self, cut: int, end: int, cue: Cue) -> Range | None:
        """Before a finite cue the one who speaks is nearest it, after the predicate's verb: "… were the
        third time the union said …"."""
        verb = WORD.search(self.text, cut, end)
        return speaker_before(self.text, verb.end(), cue.start, self.lexicon) if verb else None

    def category_found(self, rule: Rule, found: Found) -> str:
        """What a found quote attributes: its own category, its rule's, or its cue's; but a belief's
        claim that quotes the source ("mocked the “harbour club”") reports words they said, and so
        does an intention's that is a quotation and nothing else ("offered “my thoughts and prayers”")."""
        category = found.category or rule.category or self.category_of(found.cue)
        if category in ("belief", "intention"):
            kind = found.type or quote_type(self.doc.paragraph_at(found.content[0]), *found.content)
            if kind == "direct" or category == "belief" and kind == "mixed":
                return "speech"
        return category

    def category_of(self, cue: Cue | None) -> str:
        if cue is None or cue.kind == "according":
            return "speech"
        return self.lexicon.cue_category(cue.text)

    def _skipped_paragraphs(self) -> set[int]:
        tests = self.registry.filters_at("paragraph")
        return {p.index for p in self.doc.paragraphs if any(f.test(self, p) for f in tests)} if tests else set()

    # ---- what is taken ---------------------------------------------------------------------

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
            self.speaker_ends.setdefault(cand.speaker.end, (cand.speaker.start, cand.speaker.end))
            bisect.insort(self._attribution_spans, (cand.speaker.start, cand.speaker.end))
            # the words between a cue and the quotation it leads into ("As Jeff Wade put it in a memo
            # explaining the deal, “…”"): its adjuncts, in which no cue starts another claim
            if cand.type == "direct" and cand.cue is not None and cand.speaker.end <= cand.cue.start \
                    and cand.cue.end < cand.content[0] < cand.cue.end + REACH_OF_LEAD:
                bisect.insort(self._attribution_spans, (cand.cue.end, cand.content[0]))
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

    def near(self, start: int, end: int) -> list[Candidate]:
        """The candidates whose content may overlap ``start``–``end``."""
        i = bisect.bisect_left(self._starts, end)
        floor = bisect.bisect_left(self._starts, start - self._longest)
        return self._by_start[floor:i]

    def in_content(self, pos: int) -> bool:
        return any(c.content[0] <= pos < c.content[1] for c in self.near(pos, pos + 1))

    def in_attribution(self, pos: int) -> bool:
        """Inside the speaker phrase of a quote already found, or between it and the quotation it leads into."""
        i = bisect.bisect_right(self._attribution_spans, (pos, len(self.text) + 1))
        return i > 0 and self._attribution_spans[i - 1][1] > pos

    def overlaps_direct(self, start: int, end: int) -> bool:
        return any(c.type == "direct" and c.content[0] < end and start < c.content[1] for c in self.near(start, end))

    def inside_quotation(self, para: Paragraph, pos: int) -> bool:
        """Inside a quoted sentence (not a short fragment): the quote's own words, not a report."""
        span = para.span_at(pos)
        return span is not None and span.inner_start <= pos < span.inner_end \
            and has_words(self.text, span.inner_start, span.inner_end, MIN_CONTINUATION_WORDS)

    @staticmethod
    def inside_quote(para: Paragraph, pos: int) -> bool:
        span = para.span_at(pos)
        return span is not None and span.start < pos

    def direct_content(self, span: QuotedSpan) -> Range:
        return strip_space(self.text, span.inner_start, span.inner_end)

    def is_title(self, span: QuotedSpan, heading: bool = False) -> bool:
        """Whether a quotation is the title of a show, a song, an ad or a section ("Fox News Sunday",
        ''A Change Is Gonna Come'', “Arrogant”): a few words in title case with no sentence in them.
        ``heading``: the quotation is a paragraph of its own, where a section heading may end in a
        full stop ('Legend in the Harbour.')."""
        words = self.text[span.inner_start:span.inner_end].strip(" ," + ("." if heading else "")).split()
        if not words or len(words) > MAX_TITLE_WORDS or words[-1][-1:] in ".?!" or not words[0][:1].isupper():
            return False
        # every word capitalised but the small ones: "Forget about Ford and GM" is no title
        capitalised = all(w[:1].isupper() or w in self.lexicon.grammar["title_small_words"] for w in words[1:])
        return capitalised and (len(words) > 1 or words[0][1:].islower())

    def previous_speaker(self, para: Paragraph, span: QuotedSpan) -> Candidate | None:
        """The last attributed quote that ends before ``span``, if it is near enough to continue."""
        i = bisect.bisect_right(self._ends, span.start)
        while i > 0 and self._by_end[i - 1].category != "speech":
            i -= 1  # a quotation goes on with what someone said, not with what they believe or plan
        if i == 0:
            return None
        last = self._by_end[i - 1]
        if para.index - last.paragraph > CONTINUATION_PARAGRAPHS:
            return None
        return self._quoted_before(i - 1) or last

    def _quoted_before(self, i: int) -> Candidate | None:
        """The direct quote of the sentence that ends with the claim ``self._by_end[i]``, when that
        claim is told in a clause of time or cause after the quote's attribution ("“…,” Reyes assured
        Ruiz, after Ruiz assured him that …. “…”": the next quotation goes on with Reyes's)."""
        claim = self._by_end[i]
        if claim.type != "indirect" or claim.cue is None or i == 0:
            return None
        quote = self._by_end[i - 1]
        s_start, s_end = sentence_of(self.doc.paragraph_at(claim.cue.start), claim.cue.start)
        if quote.type != "direct" or quote.category != "speech" or not s_start <= quote.content[0] < s_end:
            return None
        clause = SUBORDINATE_CLAUSE(self.lexicon).search(self.text, quote.end_with_attribution, claim.cue.start)
        return quote if clause is not None else None

    def own_cue_after(self, para: Paragraph, span: QuotedSpan) -> bool:
        """A cue right after the quote, in its sentence, that no rule could read: the quote has an
        attribution of its own, so it continues nobody."""
        _, s_end = sentence_of(para, max(span.end - 1, span.start))
        ends_sentence = self.text[max(span.inner_start, span.inner_end - 1):span.inner_end] == "."
        # a quoted sentence that ends its sentence is never attributed to a cue in the next one
        if ends_sentence and s_end <= span.end + 1:
            return False
        limit = min(para.end, max(s_end, span.end + 80))
        coordinated = COORDINATED_VERB(self.lexicon)
        # (a participle after a dash is the writer's: "“…” - raising his profile and then convincing voters …")
        aside = DASH_AFTER.match(self.text, span.end) is not None
        return any(c.start not in self.used_cues and not coordinated.fullmatch(self.text, span.end, c.start)
                   and not (aside and c.participle) for c in para.cues_between(span.end, limit))

    def comma_before(self, pos: int, floor: int) -> bool:
        before = self.text[floor:pos].rstrip().rstrip("\"”’'")
        return before.endswith(",")

    def first_word(self, start: int, end: int) -> str:
        m = re.match(r"\s*([\w’'-]+)", self.text[start:end])
        return m.group(1) if m else ""

    def cached(self, key: tuple, compute):
        """``compute()`` once per ``key`` (an analysis that several rules read)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]
