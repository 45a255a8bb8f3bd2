"""Where a reported claim ends, and where one that opens its sentence starts.

Each boundary is named and registered with sentences it must cut and neighbours it must leave
whole. PolNeAR's annotators stop a claim where the writer's own words take over: a clause of the
writer's (", but the council …"), another attribution (", the mayor said she …"), and so on. Each
boundary here was kept because it made claims on PolNeAR train match better, checked on dev.
"""

from __future__ import annotations

import re

from quotes.document import Paragraph
from quotes.lexicon import GrammarRegex
from quotes.phrases import skip_adjuncts, speaker_before
from quotes.rules.base import Boundary, example
from quotes.rules.clauses import (
    CONNECTIVE,
    MIN_CLAIM_WORDS,
    SUBORDINATE_LEAD,
    coordinated,
    first_break,
    opening_participle_clause_end,
    subordinate_lead_end,
)
from quotes.rules.engine import Extractor, has_words
from quotes.rules.registry import register
from quotes.sentences import Range

# A quotation mark that closes right after a comma: "was “about right,” though …".
CLOSING = r"(?:”|\"|’|'')"
# Where the writer's own clause takes over from a claim: ", but the …", "; …", ", though …"; but
# ", but that …", ", but also …" and ", but hasn't …" (no subject of its own) go on with the same claim.
WRITER_CLAUSE = GrammarRegex(rf",{CLOSING}?\s+__CONTRASTS__\b(?!\s+(?:that|__CONTRAST_CONTINUATIONS__)\b"
                           r"|\s+(?:__CONTRAST_AUXILIARIES__)(?:n[’']t)?\b)|;|"
                           r",\s+and\s+(?:he|she|they|has|have|had|is|was|were|did|does|when|(?-i:[a-z]+ed))\b|"
                           r",\s+compared\s+(?:with|to)\b|,\s+as\s+(?:has|have|had|did|does)\b")
# What may stand between a claim and the subject of another attribution: "…, the mayor said she …",
# "…, and rights groups warned that …".
SUBJECT_GAP = re.compile(r"[,;:—–―]|\s-|\s(?:and|but)\s", re.IGNORECASE)  # what BEFORE_SUBJECT needs somewhere
BEFORE_SUBJECT = re.compile(r"(?:[,;:—–―]|\s-{1,2}|,?\s+(?:and|but))\s*$")


# A clause set in commas inside the claim, after which the claim's own verb comes: "said the plan,
# which the council approved in May, is too costly", "said the scandal, while troubling, was dealt with".
INSIDE_COMMAS = GrammarRegex(r",?\s*(?:which|who|whose|whom|where|though|although|whereas|while)\b"
                             r"[^,;:.!?“”\"—–―()]{1,100},\s+__AUXILIARIES__\b")


# A concession of a word or two set in commas inside a noun phrase: "a crucial, although brief, chance".
BRIEF_ASIDE = re.compile(r",\s*(?:though|although|but|if|albeit)\s+[a-z]+(?:\s+[a-z]+)?,\s+(?-i:[a-z])")


def set_in_commas(ex: Extractor, cut: int, end: int) -> bool:
    """Whether the clause after a comma (and its closing mark) at ``cut`` is set in commas inside the
    claim, not the claim's end."""
    return INSIDE_COMMAS(ex.lexicon).match(ex.text, cut, end) is not None \
        or BRIEF_ASIDE.match(ex.text, cut, end) is not None


def after_closing_mark(text: str, comma: int) -> int:
    """Where a claim cut at ``comma`` ends: after the quotation mark that closes right after the
    comma ("was “about right,” though …" keeps its mark), else at the comma."""
    mark = CLOSING_AFTER_COMMA.match(text, comma)
    return mark.end() if mark else comma


CLOSING_AFTER_COMMA = re.compile(f",{CLOSING}")


def writer_clause(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    for m in WRITER_CLAUSE(ex.lexicon).finditer(ex.text, start, end):
        cut = after_closing_mark(ex.text, m.start())
        if has_words(ex.text, start, m.start(), MIN_CLAIM_WORDS) and not ex.inside_quote(para, cut) \
                and not set_in_commas(ex, cut, end):
            return cut
    return None


# A clause set in commas inside the sentence, which the claim's cue belongs to: "Clinton, though she
# praised him and said …, stopped short …", "O'Donnell, who said …, recalled …".
INSERTED_CLAUSE = re.compile(r",\s*(?:who|which|though|although|even\s+though|while|whereas)\b[^,;:.!?“”\"]*$")
# A subordinate clause opened inside the sentence, after a conjunction or "that": "…, and once she
# has said her piece, she moves on", "… said that when the mayor warned the pier was unsafe, …".
INNER_SUBORDINATE = GrammarRegex(r"\b(?:and|but|that)\s+(?:__SUBORDINATORS__)\b[^,;:.!?“”\"]*$", re.IGNORECASE)


def subordinate_clause(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    """A claim in a subordinate clause ends with it: "While he said …, the main clause …", and
    "Clinton, though she said …, stopped …" (a clause set in commas)."""
    in_lead = SUBORDINATE_LEAD(ex.lexicon).match(ex.text, sent[0], start) is not None \
        and subordinate_lead_end(ex, sent[0], start) == sent[0]  # not in the main clause after its comma
    window = max(sent[0], start - 120)
    if in_lead or INSERTED_CLAUSE.search(ex.text, window, start) \
            or INNER_SUBORDINATE(ex.lexicon).search(ex.text, window, start):
        return first_break(ex, para, ",", start, end)
    return None


def opening_participle(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    """A claim in a participial clause that opens the sentence ends with that clause: "Calling the
    plan “a disgrace,” Ana Ruiz voted no", "Saying the pier was unsafe, the union walked out"."""
    cut = opening_participle_clause_end(ex, para, sent[0], start)
    if cut is None or cut <= start:
        return None
    return cut - 1 if ex.text[cut - 1] == "," else cut


BOTH_BEFORE = re.compile(r"\b(?:both|either|neither)\s+(?:\S+\s+){0,2}\S+$", re.IGNORECASE)
BY_GERUND = re.compile(r"\s+by\s", re.IGNORECASE)


def following_cue(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    """The next cue in the sentence ends the claim when it shares the claim's subject (", adding …",
    "and warned …") or has a subject of its own after a clause break (", the mayor said she …")."""
    text = ex.text
    following = para.cues_between(start + 1, end) + para.cues_between(start + 1, end, "according")
    for cue in sorted(following, key=lambda c: c.start):
        if ex.inside_quote(para, cue.start) or ex.category_of(cue) != "speech":
            continue  # "said the tide was “late” and he fears a flood": a belief inside the claim
        joined = coordinated(ex, start, cue)
        if joined and cue.kind == "verb" and not BY_GERUND.match(joined.group()):
            return joined.start()  # (but "said the talks began by relaying news reports": the talks' manner)
        if cue.kind == "according" and not ex.text[start:cue.start].rstrip().endswith(("said", "says")):
            comma = text.rfind(",", start, cue.start)
            cut = after_closing_mark(text, comma)
            if comma > start and not text[max(cut, comma + 1):cue.start].strip():
                return cut  # "…, according to the Review": the source of the whole report, not the claim
        if cue.participle and ex.comma_before(cue.start, start):
            comma = text.rfind(",", start, cue.start)
            gap = text[comma + 1:cue.start]
            closing = len(gap) - len(gap.lstrip("\"”’'"))
            return comma + 1 + closing if closing else comma  # "that is a “distortion,” describing": the mark closes
        if cue.kind == "verb" and SUBJECT_GAP.search(text, start, cue.start):
            # (only where a gap before a subject can be: ", the mayor said she …"; for speed)
            subject = speaker_before(text, start, cue.start, ex.lexicon)
            if subject is not None and subject[0] > start:
                subject_gap = BEFORE_SUBJECT.search(text, start, subject[0])
                if subject_gap is not None and not BOTH_BEFORE.search(text, start, subject_gap.start()) \
                        and not opens_subordinate(ex, start, subject_gap.start()):
                    return subject_gap.start()  # (not "said both he and Ruiz promised …": one subject)
    return None  # (a cue inside the claim, "said it was too early to call the vote", is passed over)


def opens_subordinate(ex: Extractor, start: int, gap: int) -> bool:
    """The claim opens with a subordinate clause that the comma at ``gap`` ends ("said that if the ferry
    were a share, he would tell friends to buy it"): the clause after the comma is the claim's own."""
    first = ex.text[start:gap].split(None, 1)[:1]
    return bool(first) and first[0].lower() in ex.lexicon.grammar["subordinators"] and "," not in ex.text[start:gap]


register(Boundary(
    "boundary.writer_clause", "end", writer_clause,
    "a claim ends where the writer's own clause begins: `, but …`, `, though …`, `; …`, `, and he …`, `, and has …`, "
    "`, and when …`, "
    "`, compared with …`; `, but that …`, `, but has …` and a clause set in commas before the claim's verb go on",
    must=(
        example("The mayor said the bridge was safe, but engineers kept it closed for a week.",
                ("indirect.SVC", "indirect", "the bridge was safe", "The mayor", "said")),
        example("Ellen Park said the toll would rise in May, and has since refused to discuss it.",
                ("indirect.SVC", "indirect", "the toll would rise in May", "Ellen Park", "said")),
        example("Tom Reyes said he had not seen the crane fall, and when asked about the storm he left the room.",
                ("indirect.SVC", "indirect", "he had not seen the crane fall", "Tom Reyes", "said")),
        example("In the survey, 46 percent said they would take the ferry, compared with 30 percent in May.",
                ("indirect.SVC", "indirect", "they would take the ferry", "46 percent", "said")),
        # a quotation closing after the comma keeps its mark
        example("Most residents said the new toll is “about right,” though few of them drive every day.",
                ("indirect.SVC", "mixed", "the new toll is “about right,”", "Most residents", "said")),
    ),
    must_not=(
        # a clause set in commas before the claim's own verb is inside the claim
        example("Tom Reyes said the scandal over the ferry tolls, while troubling, was dealt with properly.",
                ("indirect.SVC", "indirect",
                 "the scandal over the ferry tolls, while troubling, was dealt with properly", "Tom Reyes", "said")),
        # an auxiliary with no subject after "but" goes on with the claim's subject
        example("Ellen Park said she had hired him for the pier job, but hasn’t decided what she will do next.",
                ("indirect.SVC", "indirect", "she had hired him for the pier job, but hasn’t decided what she will "
                 "do next", "Ellen Park", "said")),
        example("The mayor said the bridge was safe, but that the ferry would keep running.",
                ("indirect.SVC", "indirect", "the bridge was safe, but that the ferry would keep running",
                 "The mayor", "said")),
        example("The mayor said the bridge was safe, but not the old ferry pier.",
                ("indirect.SVC", "indirect", "the bridge was safe, but not the old ferry pier", "The mayor", "said")),
        # a concession of a word or two inside a noun phrase
        example("Ana Ruiz said the vote was a crucial, although brief, chance to question the mayor.",
                ("indirect.SVC", "indirect", "the vote was a crucial, although brief, chance to question the mayor",
                 "Ana Ruiz", "said")),
    ),
))
register(Boundary(
    "boundary.subordinate_clause", "end", subordinate_clause,
    "a claim in a subordinate clause ends with it: `While the mayor said …, the engineers …`, `Park, though "
    "she said …, voted …`, `Park, who said …, voted …`",
    must=(
        example("While the mayor said the bridge was safe, the engineers kept it closed for a week.",
                ("indirect.SVC", "indirect", "the bridge was safe", "the mayor", "said")),
        example("Ellen Park, though she said the bridge was safe, kept it closed for a week.",
                ("indirect.SVC", "indirect", "the bridge was safe", "she", "said")),
        example("Tom Reyes, who said in May that the toll would rise, voted against it.",
                ("indirect.relative", "indirect", "the toll would rise", "who", "said")),
        example("Three years after the party vowed to court young voters, it has done the opposite.",
                ("indirect.SV-to", "indirect", "to court young voters", "the party", "vowed")),
        # a conjunction or a word of degree before the subordinator
        example("And when the mayor said the bridge was safe, the engineers kept it closed for a week.",
                ("indirect.SVC", "indirect", "the bridge was safe", "the mayor", "said")),
        example("Ever since the union warned that the crane was unsafe, the port has kept it idle.",
                ("indirect.SVC", "indirect", "the crane was unsafe", "the union", "warned")),
        # a claim in the main clause, after the subordinate one, is not cut at its next comma
        example("When the vote was over, Ellen Park said the toll would rise in May, June and July.",
                ("indirect.SVC", "indirect", "the toll would rise in May, June and July", "Ellen Park", "said")),
        # a subordinate clause opened inside the sentence, after a conjunction
        example("Ana Ruiz cares about the port, and when she said the pier was unsafe, the council listened.",
                ("indirect.SVC", "indirect", "the pier was unsafe", "she", "said")),
        # nor a claim in the subordinate clause at the comma of a number
        example("While the mayor said the port had 12,000 workers, the union counted fewer.",
                ("indirect.SVC", "indirect", "the port had 12,000 workers", "the mayor", "said")),
    ),
))
register(Boundary(
    "boundary.opening_participle", "end", opening_participle,
    "a claim in a participial clause that opens the sentence ends with it: `Calling the plan “a disgrace,” "
    "Ana Ruiz voted no`, `Saying the pier was unsafe, the union walked out`; the main clause's subject speaks",
    must=(
        example("Calling the plan “a disgrace to the harbour,” Ana Ruiz voted no.",
                ("indirect.characterisation", "mixed", "the plan “a disgrace to the harbour,”", "Ana Ruiz",
                 "Calling")),
        example("Saying the pier was unsafe, the union walked out.",
                ("indirect.participle", "indirect", "the pier was unsafe", "the union", "Saying")),
        # the participle's claim, not a fragment of a claim the main clause's cue makes
        example("Describing the pier as “a death trap,” the union asked for an inquiry.",
                ("indirect.characterisation.as", "mixed", "the pier as “a death trap,”", "the union", "Describing")),
        example("Citing “family duties at home,” the mayor skipped the vote.",
                ("indirect.participle", "direct", "family duties at home,", "the mayor", "Citing")),
    ),
    must_not=(
        # a participle of the writer's, with no cue: nothing is claimed
        example("Standing by the pier, the mayor waved at the ferry."),
    ),
))
register(Boundary(
    "boundary.following_cue", "end", following_cue,
    "a claim ends before the next attribution in its sentence: `…, adding …`, `… and warned …`, "
    "`…, the mayor said she …`, `…, and the engineers warned …`",
    must=(
        example("Ellen Park said the bridge was safe and warned that the ferry could not carry more cars.",
                ("indirect.SVC", "indirect", "the bridge was safe", "Ellen Park", "said"),
                ("indirect.coordinated", "indirect", "the ferry could not carry more cars", "Ellen Park", "warned")),
        example("Asked whether he would back the ferry plan, Tom Reyes said he would wait for the audit.",
                ("indirect.SVC", "indirect", "he would wait for the audit", "Tom Reyes", "said")),
        # a subordinate clause that opens the claim: the clause after its comma is the claim's
        example("He said that if the ferry were a share, he would tell friends to buy it.",
                ("indirect.SVC", "indirect", "if the ferry were a share, he would tell friends to buy it", "He",
                 "said")),
        example("Ellen Park said the bridge was safe, and the engineers warned that the ferry could not carry "
                "more cars.",
                ("indirect.SVC", "indirect", "the bridge was safe", "Ellen Park", "said"),
                ("indirect.SVC", "indirect", "the ferry could not carry more cars", "the engineers", "warned")),
    ),
    must_not=(
        # after "before", only a participle shares the subject: "reports" is a noun
        example("The mayor said the divers would need “several more hours” before reports surface.",
                ("indirect.SVC", "mixed", "the divers would need “several more hours” before reports surface",
                 "The mayor", "said")),
        # "by" and a gerund inside the claim belong to the claim's subject
        example("Tom Reyes said the leaks began by relaying news reports to the board.",
                ("indirect.SVC", "indirect", "the leaks began by relaying news reports to the board", "Tom Reyes",
                 "said")),
        # "both … and …" joins one subject
        example("Tom Reyes said both he and Ana Ruiz promised as candidates to fight the toll.",
                ("indirect.SVC", "indirect", "both he and Ana Ruiz promised as candidates to fight the toll",
                 "Tom Reyes", "said")),
    ),
))


# After an infinitive claim, a verb in the past joined by a comma or "and" is the subject's next act,
# since the infinitive's own verbs are bare: "vowed to ban the ferry, declined to say why and then
# defended …", "urged the party to unite and tried to make the case …". Its object must follow.
PAST_ACT = GrammarRegex(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:most\s+)?(?:recently|also|then|later|soon|quickly)\s+)?"
                        r"(?:(?-i:[a-z]+ed)|__IRREGULAR_PAST__)\s+(?:at\s+first\s+)?"
                        r"(?:to|__DETERMINERS__|__HEARER_PRONOUNS__|__LEADING_PREPOSITIONS__)\b")
INFINITIVE_CLAIM = re.compile(r"[\"“‘]?(?:not\s+)?to\s")


def past_act(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    if INFINITIVE_CLAIM.match(ex.text, start) is None:
        return None
    for m in PAST_ACT(ex.lexicon).finditer(ex.text, start, end):
        if not ex.inside_quote(para, m.start()):
            return m.start()
    return None


register(Boundary(
    "boundary.past_act", "end", past_act,
    "an infinitive claim ends before a verb in the past joined to it, the subject's next act: `vowed to ban the "
    "ferry, declined to say why …`, `urged the council to unite and tried to …`",
    must=(
        example("The mayor vowed to close the pier, refused for a week to say why, and later defended the plan.",
                ("indirect.SV-to", "indirect", "to close the pier", "The mayor", "vowed")),
        example("Ana Ruiz urged the council to unite and tried to win the dockers over.",
                ("indirect.SVC", "indirect", "to unite", "Ana Ruiz", "urged")),
    ),
    must_not=(
        # the infinitive's own verbs are bare, and a past participle that describes a noun is no act
        example("The mayor promised to repair and reopen the pier and help the unemployed dockers.",
                ("indirect.SV-to", "indirect", "to repair and reopen the pier and help the unemployed dockers",
                 "The mayor", "promised")),
    ),
))


# Tails that are the writer's own after a complete claim: ", which …", ", a policy that …". (A dash
# and a participle were tried too: PolNeAR's claims run through them as often as they stop.)
RELATIVE_TAIL = re.compile(rf",{CLOSING}?\s+(?:which|who|whose|whom)\b")  # (not ", where …": PolNeAR keeps the place)
# ", a view the council shares" and ", remarks that were widely shown" (a plural noun and a relative)
APPOSITIVE_TAIL = re.compile(rf",{CLOSING}?\s+(?:(?:a|an)\s+(?-i:[a-z])|(?-i:[a-z]+s)\s+(?:that|which)\b)")
MIN_BEFORE_TAIL = 5  # a tail is the writer's only after a claim of some length


def tail(pattern: re.Pattern[str]):
    def find(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
        for m in pattern.finditer(ex.text, start, end):
            cut = after_closing_mark(ex.text, m.start())
            if has_words(ex.text, start, m.start(), MIN_BEFORE_TAIL) and not ex.inside_quote(para, cut) \
                    and not set_in_commas(ex, cut, end) and not cue_after_comma(ex, m):
                return cut
        return None

    return find


def cue_after_comma(ex: Extractor, m: re.Match[str]) -> bool:
    """The word after the tail's comma is a cue ("…, says that …"): another attribution, not a tail."""
    word = ex.text[m.start():m.end()].lstrip(",”\"’' ").split(None, 1)[:1]
    return bool(word) and word[0].lower() in ex.lexicon.cue_forms


def adjunct_tail(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    """The cue's own adjuncts after the claim and a comma end it: "(saying) his campaign wants none
    of it, in an interview with the Harbour Times on Sunday"."""
    text = ex.text
    comma = text.rfind(",", start, end)
    while comma > start:
        span = para.span_at(comma)
        closing = span is not None and span.inner_end == comma + 1
        if closing or not ex.inside_quote(para, comma):
            # (a comma inside the quotation's closing mark ends the clause too: "“that crap,” in …")
            rest = skip_adjuncts(text, span.end if closing else comma + 1, end, None, ex.adjuncts)
            if rest > comma + 2 and not text[rest:end].strip(" .!?\"”’'") \
                    and has_words(text, start, comma, MIN_BEFORE_TAIL):
                return after_closing_mark(text, comma)
            return None
        comma = text.rfind(",", start, comma)
    return None


def connective(ex: Extractor, para: Paragraph, start: int, end: int, sent: Range) -> int | None:
    """A claim that starts with its sentence starts after a connective of the writer's: "At the same
    time, the fares rose, the mayor said"."""
    m = CONNECTIVE(ex.lexicon).match(ex.text, start, end)
    return m.end() if m else None


register(Boundary(
    "boundary.connective", "start", connective,
    "a connective of the writer's that opens the sentence is no part of the claim: `At the same time, the fares "
    "rose, the mayor said`, `In addition, according to the port, …`",
    must=(
        example("At the same time, the fares rose sharply, the mayor said.",
                ("indirect.CSV", "indirect", "the fares rose sharply", "the mayor", "said")),
        example("The port hired pilots. In addition, according to the port, most dockers will get a raise.",
                ("according_to.C-A-C", "indirect", "most dockers will get a raise", "the port", "according to")),
        example("In fact, the ferry has been late all year, according to the port.",
                ("according_to.CA", "indirect", "the ferry has been late all year", "the port", "according to")),
    ),
))
register(Boundary(
    "boundary.adjunct_tail", "end", adjunct_tail,
    "the cue's adjuncts after the claim are no part of it: `saying the plan was dead, in an interview on Sunday`",
    must=(
        example("Ana Ruiz hit back, saying the dockers deserve better pay, in a radio interview with the Harbour Times "
                "on Sunday.",
                ("indirect.coordinated", "indirect", "the dockers deserve better pay", "Ana Ruiz", "saying")),
        example("Ana Ruiz hit back, saying the toll plan is “a shell game,” in a radio interview on Sunday.",
                ("indirect.coordinated", "mixed", "the toll plan is “a shell game,”", "Ana Ruiz", "saying")),
    ),
))
register(Boundary(
    "boundary.relative_tail", "end", tail(RELATIVE_TAIL),
    "a relative clause after the claim is the writer's: `…, which …`, `…, who …`; not one set in commas before "
    "the claim's own verb, nor `…, where …`",
    must=(
        example("The mayor said the council had ignored the bridge for years, which angered the engineers.",
                ("indirect.SVC", "indirect", "the council had ignored the bridge for years", "The mayor", "said")),
        example("Tom Reyes said the new harbour toll is “a theft,” which angered the board.",
                ("indirect.SVC", "mixed", "the new harbour toll is “a theft,”", "Tom Reyes", "said")),
        # a clause set in commas before the claim's own verb is inside the claim
        example("The mayor said the funds set aside for the harbour, which include the ferry account, are still "
                "under her control.",
                ("indirect.SVC", "indirect", "the funds set aside for the harbour, which include the ferry account, "
                 "are still under her control", "The mayor", "said")),
        # ", where …" says more of the place in the claim, and goes on with it
        example("The mayor said the ferry was safer than the old pier at Ellery, where two boats sank last year.",
                ("indirect.SVC", "indirect", "the ferry was safer than the old pier at Ellery, where two boats sank "
                 "last year", "The mayor", "said")),
    ),
))
register(Boundary(
    "boundary.appositive_tail", "end", tail(APPOSITIVE_TAIL),
    "a noun phrase in apposition to the claim is the writer's comment: `…, a claim the council denies`",
    must=(
        example("The mayor said the council had ignored the bridge for years, a view shared by the engineers.",
                ("indirect.SVC", "indirect", "the council had ignored the bridge for years", "The mayor", "said")),
        example("The mayor said most dockers wanted a new pier, remarks that were shown on every channel.",
                ("indirect.SVC", "indirect", "most dockers wanted a new pier", "The mayor", "said")),
    ),
))
