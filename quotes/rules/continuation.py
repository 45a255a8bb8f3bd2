"""Pass "continuation": quotations with no cue of their own take the speaker of the quote before them.

A paragraph left open, whose quotation is reopened and attributed in the next paragraph, takes
that speaker; the open paragraphs are read backwards from the end, so that chains link up. Then
every quotation still unattributed that opens its sentence continues the attributed quote before
it, unless narrative in between introduced someone new.
"""

from __future__ import annotations

import re

from quotes.document import Paragraph
from quotes.marks import QuotedSpan
from quotes.mentions import NAME_RUN, parse_mention
from quotes.model import Mention
from quotes.phrases import OPENING_ADJUNCT, sentence_subject
from quotes.rules.base import Candidate, Found, Rule, example
from quotes.rules.direct import Attribution, colon_paragraph
from quotes.rules.engine import MIN_CONTINUATION_WORDS, REACH, Extractor, has_words, sentence_of
from quotes.rules.registry import register


def reopened_in_next(ex: Extractor, para: Paragraph, target) -> Found | None:
    """A quote left open at the paragraph's end, reopened and attributed in the next paragraph.

    A block quotation that a lead-in paragraph ending with a colon introduces ("He listed the
    questions:") is the lead-in's, never that of someone it quotes further down: it takes the
    lead-in's speaker, or none."""
    if not isinstance(target, Paragraph):
        return None
    last = para.spans[-1]
    content = ex.direct_content(last)
    if content[0] >= content[1]:
        return None
    introduced, lead_in = block_lead_in(ex, para)
    if introduced:
        return Found(content, lead_in.speaker, lead_in.cue, type="direct", span=last) if lead_in else None
    nxt = ex.doc.paragraphs[para.index + 1]
    reopened = nxt.spans[0] if nxt.spans and nxt.spans[0].reopens else None
    source = ex.attributed.get(reopened.start) if reopened else None
    if source and source.speaker:
        return Found(content, carried(source), source.cue, type="direct", span=last, source=source)
    return None


def carried(previous: Candidate) -> Mention | None:
    """The speaker a quotation takes over from the quote before it: the person a relative "who"
    stands for ("said Ana Ruiz, who noted that …. “…”" is Ana Ruiz's), else the same mention."""
    return previous.antecedent or previous.speaker


def block_lead_in(ex: Extractor, para: Paragraph) -> tuple[bool, Attribution | None]:
    """Whether the multi-paragraph quotation ``para`` belongs to opens after a lead-in paragraph
    ending with a colon, and the attribution that lead-in makes (None when it names no speaker)."""
    while para.index > 0 and para.spans and para.spans[0].start == para.start and para.spans[0].reopens:
        para = ex.doc.paragraphs[para.index - 1]
    if para.index == 0 or not para.spans or para.spans[0].start != para.start \
            or not ex.text[:para.start].rstrip().endswith(":"):
        return False, None
    return True, colon_paragraph(ex, para, para.spans[0])


def _continues(ex: Extractor, para: Paragraph, span: QuotedSpan) -> tuple[str, Candidate] | None:
    """How an unattributed quotation continues the quote before it: "reopened" (a quotation
    reopened after a paragraph left open), "sentence" (a quoted sentence), or None."""
    return ex.cached(("continues", span.start), lambda: continues(ex, para, span))


def continues(ex: Extractor, para: Paragraph, span: QuotedSpan) -> tuple[str, Candidate] | None:
    if span.start in ex.attributed:
        return None
    content = ex.direct_content(span)
    whole_paragraph = span.start == para.start and not ex.text[span.end:para.end].strip()
    if content[0] >= content[1] or ex.in_content(span.start) or ex.is_title(span, heading=whole_paragraph) \
            or whole_paragraph and heading_in_single_marks(ex, span):
        return None  # a quoted heading or title ("Coal Is Not the Villain") goes on with nobody's words
    previous = ex.previous_speaker(para, span)
    if previous is None or ex.own_cue_after(para, span):
        return None
    if span.reopens and last_span_of_previous(ex, para) is not None:
        return "reopened", previous
    if opens_sentence(ex, para, span) and has_words(ex.text, *content, MIN_CONTINUATION_WORDS):
        return "sentence", previous
    return None


def led_in_by_another(ex: Extractor, para: Paragraph, span: QuotedSpan, previous: Candidate) -> bool:
    """The quotation follows a colon that ends a sentence of narrative, after the quote before, with
    a subject of its own ("The mayor's first three questioners ranged from doubtful to angry: “…”"):
    whoever the lead-in presents speaks, whether or not a rule could name them; the quote before
    does not go on."""
    text = ex.text
    earlier = [s for s in para.spans if s.end <= span.start]
    while earlier and not text[earlier[-1].end:span.start].strip(" .…\u00a0"):
        span = earlier.pop()  # `: “Is it late?” . . . “Who pays?”`: a run of quotations after one lead-in
    before = text[para.start:span.start].rstrip()
    if not before.endswith(":"):
        return False
    colon = para.start + len(before) - 1
    sent_start, _ = sentence_of(para, colon)
    if sent_start < previous.end_with_attribution:
        return False
    subject = sentence_subject(text, sent_start, colon, ex.lexicon)
    if subject is not None:
        # a pronoun may well stand for the one quoted before ("She was upset, so I had to change my answer: “…”")
        return text[slice(*subject)].lower() not in ex.lexicon.pronoun_words
    # a subject the lexicon cannot head ("the mayor's first three questioners"): a determiner or a
    # possessor opens it, after any phrase of time or place
    opening = OPENING_ADJUNCT(ex.lexicon).match(text, sent_start, colon)
    first = text[opening.end() if opening else sent_start:colon].split(None, 1)[:1]
    if not first:
        return False
    word, function_words = first[0], ex.lexicon.grammar["function_words"]
    return word.lower() in ex.lexicon.grammar["determiners"] \
        or word.endswith(("’s", "'s")) and word[0].isupper() and word[:-2].lower() not in function_words


SINGLE_MARKS = ("'", "‘", "’")
HEADING_WORDS = 12


def heading_in_single_marks(ex: Extractor, span: QuotedSpan) -> bool:
    """A short paragraph quoted in single marks in an article whose quotations open with double
    ones ('The pier was never the same.' between two sections): a section heading, since such an
    article puts single marks only inside a quotation."""
    if ex.text[span.start:span.inner_start] not in SINGLE_MARKS \
            or has_words(ex.text, span.inner_start, span.inner_end, HEADING_WORDS + 1):
        return False
    return ex.cached(("double marks",), lambda: any(
        ex.text[s.start:s.inner_start] not in SINGLE_MARKS for p in ex.doc.paragraphs for s in p.spans))


def last_span_of_previous(ex: Extractor, para: Paragraph) -> QuotedSpan | None:
    if para.index == 0:
        return None
    prev = ex.doc.paragraphs[para.index - 1]
    return prev.spans[-1] if prev.spans and not prev.spans[-1].closed else None


def opens_sentence(ex: Extractor, para: Paragraph, span: QuotedSpan) -> bool:
    s_start, _ = sentence_of(para, span.start)
    before = ex.text[max(para.start, span.start - REACH):span.start].rstrip()
    # Punkt keeps "Fla. “She …" together: a full stop right before the quote also opens it
    return not ex.text[s_start:span.start].strip() or not before or before[-1] in ".!?:”\"’'"


def introduced(ex: Extractor, previous: Candidate, para: Paragraph, span: QuotedSpan) -> Mention | None:
    """A quote paragraph with no cue, after narrative that names a new person, is that person's:
    "“…,” Tom Reyes said. / Ana Ruiz, a nurse, works nights. / “Nobody asked us.”"."""
    attribution_end = previous.end_with_attribution
    if span.start != para.start:
        # "Sen. Ana Ruiz, who lost the primary, named young voters as a reason. “They are tired …”":
        # the subject of the sentence that leads into a quote in the same paragraph
        # (the last sentence to start before the quotation: its own, or the one before if it opens one)
        lead_in = max((s for s in para.sentences if s[0] < span.start), default=(para.start, para.end))
        cues = para.cues_between(lead_in[0], span.start) + para.cues_between(lead_in[0], span.start, "according")
        if lead_in[0] < attribution_end or any(c.start in ex.used_cues for c in cues):
            return None
        reach, opens = (lead_in[0], span.start), False
        if lead_in[1] <= span.start:
            # a sentence of its own: its subject, not a name further in ("Dorsey backs Ana Ruiz.": Dorsey),
            # or where the subject is not found, a name that opens a clause ("On Monday, Sen. Ana Ruiz …")
            subject = sentence_subject(ex.text, lead_in[0], span.start, ex.lexicon)
            reach, opens = (subject, False) if subject else (reach, True)
        names = [_person(ex, m) for m in NAME_RUN.finditer(ex.text, *reach) if para.span_at(m.start()) is None
                 and not (opens and _inside_clause(ex, lead_in[0], m.start()))]
        found = next((mention for mention in names if mention is not None), None) \
            or _named_subject(ex, lead_in[0], span.start)
    else:
        found = None
        for m in NAME_RUN.finditer(ex.text, attribution_end, span.start):
            narrative = ex.doc.paragraph_at(m.start())
            if narrative.span_at(m.start()) is not None or narrative.cues_between(narrative.start, narrative.end):
                continue  # a name in a quotation, or in a sentence with an attribution of its own
            found = _person(ex, m) or found
    if found is None or previous.speaker is None:
        return found
    said = (previous.speaker.name.text if previous.speaker.name else previous.speaker.text).split()
    named = found.name.text.split()
    if len(said) >= 2 and len(named) >= 2 and said[0] != named[0]:
        return found  # "Tom Abbott said …. Betsy Abbott shook her head. “…”": another of the family
    return None if said[-1] == named[-1] else found


def _inside_clause(ex: Extractor, start: int, pos: int) -> bool:
    """Whether ``pos`` is neither the start of the sentence at ``start`` nor right after a comma."""
    return bool(ex.text[start:pos].strip()) and not ex.comma_before(pos, start)


def _named_subject(ex: Extractor, start: int, end: int) -> Mention | None:
    """The subject that opens a lead-in sentence, when it is a name or a named group ("Clinton
    touted her record.", "Iowa State's Dana Cole agreed."), not a pronoun or a common noun."""
    subject = sentence_subject(ex.text, start, end, ex.lexicon)
    if subject is None:
        return None
    mention = ex.mention(subject)
    return mention if mention.kind in ("person", "organization") and mention.name else None


def _person(ex: Extractor, name: re.Match[str]) -> Mention | None:
    """The mention of a name run, if it names a person the text shows is one (two words, and a
    gender, a title or a role)."""
    mention = parse_mention(ex.text, name.start(), name.end(), ex.lexicon)
    if mention.kind == "person" and mention.name and len(mention.name.text.split()) >= 2 \
            and (mention.gender or mention.title or mention.role):
        return mention
    return None


def _introduced_speaker(ex: Extractor, para: Paragraph, span: QuotedSpan, previous: Candidate) -> Mention | None:
    return ex.cached(("introduced", span.start), lambda: introduced(ex, previous, para, span))


def reopened(ex: Extractor, para: Paragraph, target) -> Found | None:
    if isinstance(target, Paragraph):
        return reopened_in_next(ex, para, target)
    how = _continues(ex, para, target)
    if how is None or how[0] != "reopened":
        return None
    introduced, lead_in = block_lead_in(ex, para)
    if introduced:
        return Found(ex.direct_content(target), lead_in.speaker, lead_in.cue, type="direct",
                     span=target) if lead_in else None
    previous = how[1]
    return Found(ex.direct_content(target), carried(previous), None, type="direct", span=target,
                 continuation=True, source=previous)


def new_person(ex: Extractor, para: Paragraph, target) -> Found | None:
    if isinstance(target, Paragraph):
        return None
    how = _continues(ex, para, target)
    if how is None or how[0] != "sentence":
        return None
    speaker = _introduced_speaker(ex, para, target, how[1])
    if speaker is None:
        return None
    return Found(ex.direct_content(target), speaker, None, type="direct", span=target)


def continuation(ex: Extractor, para: Paragraph, target) -> Found | None:
    if isinstance(target, Paragraph):
        return None
    how = _continues(ex, para, target)
    if how is None or how[0] != "sentence":
        return None
    previous = how[1]
    if _introduced_speaker(ex, para, target, previous) is not None or led_in_by_another(ex, para, target, previous):
        return None
    return Found(ex.direct_content(target), carried(previous), None, type="direct", span=target,
                 continuation=True, source=previous)


register(Rule(
    "direct.multi_paragraph", "continuation", 10, reopened,
    "a quote left open at a paragraph end and reopened in the next",
    must=(
        example("“The first paragraph of the speech goes on and on.\n\n“The second paragraph ends it,” said the "
                "premier.",
                ("direct.multi_paragraph", "direct", "The first paragraph of the speech goes on and on.",
                 "the premier", "said"),
                ("direct.QCQ-VS", "direct", "The second paragraph ends it,", "the premier", "said")),
        # a block quotation after a lead-in is the lead-in's, whatever it says inside ("we asked:")
        example("Ellen Park wrote to the council:\n\n“Here are the questions we asked:\n\n“Who pays for the "
                "pier?\n\n“When does the bridge reopen?”",
                ("direct.colon_lead_in", "direct", "Here are the questions we asked:", "Ellen Park", "wrote"),
                ("direct.multi_paragraph", "direct", "Who pays for the pier?", "Ellen Park", "wrote"),
                ("direct.multi_paragraph", "direct", "When does the bridge reopen?", "Ellen Park", "wrote")),
    ),
    default_confidence=0.85,
))
register(Rule(
    "direct.introduced", "continuation", 20, new_person,
    "a quoted paragraph with no cue, after narrative that introduces a person: `Ana Ruiz, a nurse, works "
    "nights.` then `\"Nobody asked us.\"` is Ana Ruiz's; and a quote right after a sentence whose subject is "
    "a new person, in the same paragraph",
    must=(
        example("“The night shift is short again,” said Tom Reyes.\n\nMs. Ana Ruiz, a nurse, works nights at the "
                "clinic.\n\n“Nobody asked us about the rota.”",
                ("direct.QCQ-VS", "direct", "The night shift is short again,", "Tom Reyes", "said"),
                ("direct.introduced", "direct", "Nobody asked us about the rota.", "Ms. Ana Ruiz", None)),
        example("“The night shift is short again,” said Tom Reyes.\n\nOn Sunday, Sen. Ana Ruiz, who chairs the health "
                "committee, named the rota as a reason for the strike. “Nobody asked the nurses about it.”",
                ("direct.QCQ-VS", "direct", "The night shift is short again,", "Tom Reyes", "said"),
                ("direct.introduced", "direct", "Nobody asked the nurses about it.", "Sen. Ana Ruiz", None)),
        # in the paragraph of the quote before: the sentence between names the next speaker, even one
        # of the same family
        example("“The toll goes in one ear and out the other,” Tom Abbott said. Betsy Abbott shook her head. "
                "“Tom is much calmer about it than I am.”",
                ("direct.QCQ-SV", "direct", "The toll goes in one ear and out the other,", "Tom Abbott", "said"),
                ("direct.introduced", "direct", "Tom is much calmer about it than I am.", "Betsy Abbott", None)),
        # a lead-in whose cue took nothing ("Ruiz agreed.") still names who speaks next
        example("“The pier is safe,” said Tom Reyes.\n\nRuiz agreed on Monday. “Nobody has been hurt there in ten "
                "years.”",
                ("direct.QCQ-VS", "direct", "The pier is safe,", "Tom Reyes", "said"),
                ("direct.introduced", "direct", "Nobody has been hurt there in ten years.", "Ruiz", None)),
    ),
    default_confidence=0.6,
))
register(Rule(
    "direct.continuation", "continuation", 30, continuation,
    "a quoted sentence with no cue, after an attributed quote",
    must=(
        example("“We expect a long fight,” said Ellen Park.\n\n“The union has the numbers on its side.”",
                ("direct.QCQ-VS", "direct", "We expect a long fight,", "Ellen Park", "said"),
                ("direct.continuation", "direct", "The union has the numbers on its side.", "Ellen Park", None)),
        # the quote after "said S, who noted …" continues S, not the relative pronoun
        example("“The rota is broken,” said Ana Ruiz, who noted that the clinic had lost four nurses. “Nobody "
                "wants to work nights any more.”",
                ("direct.QCQ-VS", "direct", "The rota is broken,", "Ana Ruiz", "said"),
                ("indirect.relative", "indirect", "the clinic had lost four nurses", "who", "noted"),
                ("direct.continuation", "direct", "Nobody wants to work nights any more.", "Ana Ruiz", None)),
        # nor a person named after the verb of the sentence between: its subject is the one who spoke
        example("“I like the plan,” said Mel Dorsey, who works in retail. Dorsey supports Mayor Ana Ruiz in the "
                "race. “I have loans, and I see no way out.”",
                ("direct.QCQ-VS", "direct", "I like the plan,", "Mel Dorsey, who works in retail", "said"),
                ("direct.continuation", "direct", "I have loans, and I see no way out.",
                 "Mel Dorsey, who works in retail", None)),
        # nor a claim told in a clause of time after the quote's attribution
        example("“Your show is amazing,” Reyes assured Ruiz, after Ruiz assured Reyes that most of his listeners "
                "backed him. “I will not let you down.”",
                ("direct.QCQ-SV", "direct", "Your show is amazing,", "Reyes", "assured"),
                ("indirect.SVC", "indirect", "most of his listeners backed him", "Ruiz", "assured"),
                ("direct.continuation", "direct", "I will not let you down.", "Reyes", None)),
        # nor the participle after "S said,": it names no speaker
        example("“The toll is too high,” Ellen Park said, referencing a Harbour PAC called Toll Watch funded by Dan "
                "Cole. “Nobody can pay it.”",
                ("direct.QCQ-SV", "direct", "The toll is too high,", "Ellen Park", "said"),
                ("direct.continuation", "direct", "Nobody can pay it.", "Ellen Park", None)),
    ),
    must_not=(
        example('"The bridge is closed until further notice."'),
        # a lead-in with a subject of its own presents the next words, which the quote before does not go on into
        example("“The ferry is late,” said Ellen Park.\n\nAt the hearing, the mayor’s first three questioners "
                "ranged from doubtful to angry: “Is it time to sell the ferry?” . . . “Who pays for the pier?”",
                ("direct.QCQ-VS", "direct", "The ferry is late,", "Ellen Park", "said")),
        example("“We expect a long fight,” said Ellen Park.\n\n“The Villain Is Not the Ferry”\n\nThe strike began in "
                "May.", ("direct.QCQ-VS", "direct", "We expect a long fight,", "Ellen Park", "said")),
        example("“We expect a long fight,” said Ellen Park.\n\n'Legend in the Harbour.'\n\nThe strike began in May.",
                ("direct.QCQ-VS", "direct", "We expect a long fight,", "Ellen Park", "said")),
        # a sentence in single marks between sections of an article quoting in double ones: a heading
        example("“We expect a long fight,” said Ellen Park.\n\n'The pier was never the same.'\n\nThe strike began "
                "in May.", ("direct.QCQ-VS", "direct", "We expect a long fight,", "Ellen Park", "said")),
        example("“The ferry is full every morning,” said Ellen Park.\n\nThe ferry runs at seven.\n\nIt costs two "
                "dollars.\n\nTickets are sold on board.\n\n“This is a separate quotation here.”",
                ("direct.QCQ-VS", "direct", "The ferry is full every morning,", "Ellen Park", "said")),
    ),
    default_confidence=0.7,
))
