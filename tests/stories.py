"""A small news beat written for the tests of the newsroom analyses: who gets a voice, quotes that
changed on the way, and corrections.

- Mara Quill, union president, is "she" in the Herald; the Gazette only names her. The Gazette
  alters her first quote ("won't") and quotes part of her second (an excerpt).
- Tom Reyes (a commuter) and Dana Holt (a councillor) are given the very same words by two outlets.
- Casey Lund is quoted with no pronoun or title, and Casey is given to women and men alike.
- Daniel Okafor is named in full once; a later story says only "Okafor".
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli

STORIES = [
    {"id": "h1", "outlet": "Harbour Herald", "date": "2024-01-10", "title": "Drivers vow to fight depot closure",
     "text": "Bus drivers rallied at the Eastgate depot on Tuesday.\n\n\"We will not back down from this fight, not "
             "now and not ever,\" said Mara Quill, president of the drivers' union. She said the board had ignored "
             "every letter.\n\n\"The depot will stay open until the last bus leaves the yard tonight, whatever the "
             "board decides,\" Quill added."},
    {"id": "g1", "outlet": "Valley Gazette", "date": "2024-01-12", "title": "Union digs in",
     "text": "The drivers' union is not giving ground.\n\n\"We won't back down from this fight, not now and not "
             "ever,\" said Mara Quill, the union's president.\n\n\"The depot will stay open until the last bus "
             "leaves the yard,\" Quill said."},
    {"id": "p1", "outlet": "Norhaven Post", "date": "2024-02-03", "title": "Commuters wait",
     "text": "Commuters waited in the rain on Monday.\n\n\"Nobody in this city should wait two hours for a bus,\" "
             "said Tom Reyes, a commuter from the north side.\n\nReyes said he had missed two shifts."},
    {"id": "p2", "outlet": "Harbour Herald", "date": "2024-02-05", "title": "Council debates buses",
     "text": "The council met on Wednesday to debate the bus service.\n\n\"Nobody in this city should wait two "
             "hours for a bus,\" said Dana Holt, a councillor for the north ward.\n\nHolt said she would table a "
             "motion in March."},
    {"id": "c1", "outlet": "Valley Gazette", "date": "2024-02-10", "title": "Timetable to change",
     "text": "The transit board will publish a new timetable.\n\n\"Every route will be checked before the "
             "summer,\" said Casey Lund, a spokesperson for the transit board."},
    {"id": "d1", "outlet": "Norhaven Post", "date": "2024-03-01", "title": "Dockers back drivers",
     "text": "The dockers' union backed the drivers on Friday.\n\n\"Our members will stand with the drivers at "
             "the gates,\" said Daniel Okafor, chair of the dockers' union."},
    {"id": "d2", "outlet": "Valley Gazette", "date": "2024-03-04", "title": "Solidarity at the gates",
     "text": "Dockers joined the picket on Monday.\n\n\"The gates stay shut until the board listens to the "
             "drivers,\" Okafor said."},
]


def write_stories(path: Path, stories: list[dict] | None = None) -> Path:
    """The stories as a JSON Lines file that ``quotes extract`` reads."""
    path.write_text("".join(json.dumps(s) + "\n" for s in (stories or STORIES)), encoding="utf-8")
    return path


def quotes(*args, code: int = 0, env: dict | None = None):
    """Run ``quotes ARGS`` through click's CliRunner; fail unless it exits with ``code``."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env=env)
    assert result.exit_code == code, result.output
    return result


def extracted(folder: Path, name: str = "news") -> Path:
    """A database of the stories, extracted by ``quotes extract``, in ``folder``."""
    db = folder / f"{name}.db"
    quotes("extract", write_stories(folder / f"{name}.jsonl"), "--db", db)
    return db
