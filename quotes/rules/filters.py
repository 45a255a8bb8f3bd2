"""Named filters: cues that report nothing, and paragraphs that hold no quotes.

Each filter is registered with sentences it must keep from being extracted and neighbours it must
let through. They were kept because they removed more wrong quotes than right ones on PolNeAR
train, checked on dev.
"""

from __future__ import annotations

import re

from quotes.document import VERBS, Cue, Paragraph
from quotes.rules.base import Filter, example
from quotes.rules.engine import Extractor
from quotes.rules.registry import register

# "did not say", "has never said", "won't comment": an act that did not happen reports nothing.
NEGATION = re.compile(r"(?:\bnot|\bnever|n[’']t|\bno\s+longer|\bdeclined\s+to|\brefused\s+to)"
                      r"(?:\s+(?:yet|even|publicly|immediately|specifically|directly|explicitly|been|be|have|"
                      r"to|also|always|once))*\s+$", re.IGNORECASE)
# "was criticized by …", "a report published by …": a passive, whose agent follows "by".
BY_AGENT = re.compile(r"\s+by\b")
BE = re.compile(r"\b(?:is|was|were|are|been|being|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)



def negated(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    return NEGATION.search(ex.text, max(para.start, cue.start - 40), cue.start) is not None


def passive(ex: Extractor, para: Paragraph, cue: Cue) -> bool:
    if cue.kind not in VERBS or not cue.text.lower().endswith(("ed", "en", "told", "said", "wrote", "written")):
        return False
    if BE.search(ex.text, max(para.start, cue.start - 24), cue.start) and \
            ex.lexicon.cue_forms.get(cue.text.lower()) not in ("ask", "say", "tell"):
        return True  # "was criticized", "is widely reported"; "was asked whether", "is said to" say something
    return BY_AGENT.match(ex.text, cue.end, para.end) is not None


register(Filter(
    "filter.negated", "cue", negated,
    "a negated act reports nothing: `did not say that …`, `has never claimed …`, `declined to comment on …`",
    must_not=(
        example("The mayor did not say that the bridge would reopen in May."),
        example("The company declined to comment on the ferry contract."),
    ),
    must=(
        example("The mayor said the bridge would not reopen in May.",
                ("indirect.SVC", "indirect", "the bridge would not reopen in May", "The mayor", "said")),
    ),
))
register(Filter(
    "filter.passive", "cue", passive,
    "a passive reports nothing of its subject: `was criticized by …`, `a study published by …`",
    must_not=(
        example("The ferry plan was criticized by several harbour captains."),
        example("The pier is a landmark, described by visitors from every county."),
    ),
    must=(
        example("Tom Reyes was asked whether the ferry would run on Sunday.",
                ("indirect.SV-wh", "indirect", "whether the ferry would run on Sunday", "Tom Reyes", "asked")),
    ),
))
