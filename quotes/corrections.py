"""Corrections made by people, kept in their own table and applied after every run.

A journalist who finds a wrong speaker fixes it once (``quotes fix …`` or a TOML/JSON file kept
in version control); the fix is stored in ``corrections`` with who made it and when, and applied
again at the end of every run, after the automatic links, so re-extracting an article (a new
engine, a changed text) keeps it wherever it still applies and reports the ones that no longer do.

Corrections name what they correct by what survives re-extraction: a speaker by id (a hash of
its match key, so the same across runs) or by name; a quote by its article and its words (folded
as ``canonical``), never by a row number. Every value a correction changes is recorded in
``corrected_values`` with the value it replaced, so the site can mark it and ``undo`` can put it
back.

Actions:

- ``merge``: the quotes of ``speaker`` are counted under ``into``;
- ``split``: the quotes of ``speaker`` in ``articles`` are another person's, named ``name``;
- ``rename``: ``speaker`` is called ``name``;
- ``set``: a speaker's ``field`` (kind, role, organization or gender) is ``value``;
- ``not_a_quote``: the words ``quote`` in ``article`` are no quote (a title, a scare quote);
- ``reassign``: the words ``quote`` in ``article`` are ``speaker``'s (a new person if none has that name).
"""

from __future__ import annotations

import datetime
import getpass
import hashlib
import json
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from quotes.canonical import canonical_quote
from quotes.linking import fold, person_key

# Which fields of a correction say what is corrected, and which give the new value.
SUBJECT = {"merge": ("speaker",), "split": ("speaker", "articles"), "rename": ("speaker",),
           "set": ("speaker", "field"), "not_a_quote": ("article", "quote"), "reassign": ("article", "quote")}
VALUE = {"merge": ("into",), "split": ("name",), "rename": ("name",), "set": ("value",), "not_a_quote": (),
         "reassign": ("speaker",)}
ACTIONS = tuple(SUBJECT)
QUOTE_ACTIONS = ("merge", "split", "reassign", "not_a_quote")  # applied before speakers are recomputed
SPEAKER_ACTIONS = ("split", "rename", "set")  # applied after, so they win over the computed values
FIELDS = {"kind": ("person", "organization", "anonymous", "unknown"), "role": None, "organization": None,
          "gender": ("female", "male", "nonbinary", "unknown")}
SPEAKER_COLUMNS = {"name": "name", "kind": "kind", "role": "role", "organization": "organization",
                   "gender": "gender"}
APPLIED, NOT_APPLIED = "applied", "no longer applies"
USER_ENV = "QUOTES_USER"
WHOLE_ROW = "*"  # the field recorded for a quote removed by not_a_quote: its original is the whole row


class CorrectionError(ValueError):
    """A correction that cannot be made as given; the message says why."""


def current_user() -> str:
    return os.environ.get(USER_ENV) or getpass.getuser()


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


@dataclass
class Correction:
    """One correction: ``action`` on ``subject`` with ``value``, by ``author``."""

    action: str
    subject: dict
    value: dict = field(default_factory=dict)
    author: str | None = None
    note: str | None = None
    origin: str = "cli"  # "cli", or the corrections file it came from
    created_at: str | None = None

    def __post_init__(self) -> None:
        if self.action not in SUBJECT:
            raise CorrectionError(f"unknown action {self.action!r}: use one of {', '.join(ACTIONS)}")
        missing = [k for k in SUBJECT[self.action] + VALUE[self.action]
                   if not ({**self.subject, **self.value}.get(k))]
        if missing:
            raise CorrectionError(f"a {self.action} correction needs {' and '.join(missing)}")
        if self.action == "set":
            name, value = self.subject["field"], self.value["value"]
            if name not in FIELDS:
                raise CorrectionError(f"cannot set {name!r}: choose one of {', '.join(FIELDS)}")
            if FIELDS[name] and value not in FIELDS[name]:
                raise CorrectionError(f"{name} must be one of {', '.join(FIELDS[name])}, not {value!r}")

    @classmethod
    def from_record(cls, record: dict, origin: str) -> Correction:
        """A correction written as one flat record of a file: ``{"action": "merge", "speaker": …, "into": …}``."""
        record = dict(record)
        action = str(record.pop("action", "")).replace("-", "_")
        if action not in SUBJECT:
            raise CorrectionError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
        author, note, date = record.pop("by", None), record.pop("note", None), record.pop("date", None)
        known = SUBJECT[action] + VALUE[action]
        unknown = sorted(set(record) - set(known))
        if unknown:
            raise CorrectionError(f"a {action} correction has no field {', '.join(unknown)} (it takes "
                                  f"{', '.join(known)}, by, note and date)")
        return cls(action, {k: record[k] for k in SUBJECT[action] if k in record},
                   {k: record[k] for k in VALUE[action] if k in record}, author, note, origin,
                   str(date) if date else None)

    def record(self) -> dict:
        """The flat record a corrections file holds."""
        return {"action": self.action, **self.subject, **self.value,
                **({"by": self.author} if self.author else {}), **({"note": self.note} if self.note else {}),
                **({"date": self.created_at} if self.created_at else {})}

    def digest(self) -> str:
        """The same correction made twice (by hand, then from a file) is one correction."""
        return hashlib.sha1(json.dumps([self.action, self.subject, self.value],
                                       sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def describe(self) -> str:
        s, v = self.subject, self.value
        return {
            "merge": lambda: f"merge {s['speaker']} into {v['into']}",
            "split": lambda: f"split {s['speaker']}: in {', '.join(s['articles'])} it is {v['name']}",
            "rename": lambda: f"rename {s['speaker']} to {v['name']}",
            "set": lambda: f"set {s['field']} of {s['speaker']} to {v['value']}",
            "not_a_quote": lambda: f"not a quote: “{s['quote']}” in {s['article']}",
            "reassign": lambda: f"“{s['quote']}” in {s['article']} is {v['speaker']}'s",
        }[self.action]()


def read_file(path: str | Path) -> list[Correction]:
    """The corrections of a TOML file (``[[correction]]`` tables) or a JSON file (a list of records,
    or ``{"corrections": [...]}``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CorrectionError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
            records = data.get("corrections", []) if isinstance(data, dict) else data
        else:
            records = tomllib.loads(text).get("correction", [])
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise CorrectionError(f"{path} is not a valid corrections file: {error}") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise CorrectionError(f"{path}: corrections must be a list of records")
    found = []
    for number, record in enumerate(records, 1):
        try:
            found.append(Correction.from_record(record, str(path)))
        except CorrectionError as error:
            raise CorrectionError(f"{path}, correction {number}: {error}") from None
    return found


def toml_text(corrections: Iterable[Correction]) -> str:
    """Corrections as a TOML file. Every value is a string or a list of strings, and a JSON string is
    a valid TOML basic string, so no TOML writer is needed (the standard library reads TOML only)."""
    out = ["# Corrections to the quotes database: applied after every run (quotes fix apply FILE).\n"]
    for correction in corrections:
        out.append("\n[[correction]]\n")
        for key, value in correction.record().items():
            out.append(f"{key} = {json.dumps(value, ensure_ascii=False)}\n")
    return "".join(out)


def quotes(n: int) -> str:
    return f"{n} quote{'s' * (n != 1)}"


def _store():
    from quotes import store  # the store imports this module: late, to avoid a cycle

    return store


class Corrections:
    """The corrections of one database: add, apply, undo and report them."""

    def __init__(self, db: Database):
        self.db = db
        self.table = db["corrections"]

    # ---- adding and removing -------------------------------------------------------------

    def add(self, correction: Correction) -> int:
        """Store a correction (once: the same one again is the same row); returns its id."""
        correction.author = correction.author or current_user()
        correction.created_at = correction.created_at or now()
        digest = correction.digest()
        existing = list(self.db.execute("select id from corrections where digest = ?", [digest]))
        if existing:
            return existing[0][0]
        self.table.insert({"action": correction.action, "subject": json.dumps(correction.subject, ensure_ascii=False),
                           "value": json.dumps(correction.value, ensure_ascii=False), "author": correction.author,
                           "created_at": correction.created_at, "origin": correction.origin,
                           "note": correction.note, "digest": digest})
        return self.table.last_pk

    def sync_file(self, path: str | Path) -> tuple[int, int]:
        """Make the stored corrections of the file ``path`` what it now holds: new ones added, ones
        taken out of it undone. Returns (added, removed)."""
        wanted = read_file(path)
        digests = {c.digest() for c in wanted}
        before = {row["digest"]: row["id"] for row in self.table.rows_where("origin = ?", [str(path)])}
        removed = [cid for digest, cid in before.items() if digest not in digests]
        for cid in removed:
            self.undo(cid)
        added = 0
        for correction in wanted:
            if correction.digest() in before:
                continue
            cid = self.add(correction)  # one already made by hand is the file's from now on
            self.table.update(cid, {"origin": str(path)})
            added += 1
        return added, len(removed)

    def undo(self, correction_id: int) -> None:
        """Remove a correction and put back the quote values it changed (a quote it removed comes back
        while its article still has those words); its speakers are recomputed at the next refresh."""
        if not self.table.count_where("id = ?", [correction_id]):
            raise CorrectionError(f"no correction {correction_id}")
        with self.db.atomic():
            for row in list(self.db["corrected_values"].rows_where("correction_id = ?", [correction_id])):
                self._restore(row)
            self.db["corrected_values"].delete_where("correction_id = ?", [correction_id])
            self.table.delete(correction_id)

    def _restore(self, row: dict) -> None:
        original, value = json.loads(row["original"]), json.loads(row["value"])
        if row["table_name"] == "speakers":
            self.db.execute("update speakers set quote_count = null, gender = null where id = ?", [row["row_id"]])
            if row["field"] == "kind":
                self.db.execute("update speakers set kind = ? where id = ?", [original, row["row_id"]])
                self.db.execute("update quotes set speaker_kind = ? where speaker_id = ?", [original, row["row_id"]])
            return
        if row["field"] == WHOLE_ROW:
            self._reinsert(original)
            return
        current = self.db.execute(f"select [{row['field']}], speaker_id from quotes where id = ?",
                                  [row["row_id"]]).fetchone()
        if current and current[0] == value:
            if row["field"] == "speaker_id" and original:
                self._restore_speaker_row(self.quote(row["row_id"]), original)
            self.db.execute(f"update quotes set [{row['field']}] = ? where id = ?", [original, row["row_id"]])
            self._pending([current[1], original, value] if row["field"] == "speaker_id" else [current[1]])

    def _restore_speaker_row(self, quote: dict, sid: str) -> None:
        """The row of a speaker a merge emptied (and so deleted), back for the quote returning to it,
        with the match key the store gives that quote's speaker."""
        if self.db["speakers"].count_where("id = ?", [sid]):
            return
        from quotes.model import Mention, Speaker

        store = _store()
        written = quote["speaker_as_written"]
        mention = Mention(0, len(written), written, quote["speaker_kind"] or "unknown") if written else None
        key = store.speaker_key(Speaker(mention, quote["speaker_name"], quote["speaker_kind"] or "unknown",
                                        resolution=quote["speaker_resolution"]), quote["article_id"])
        self.db["speakers"].insert({"id": sid, "match_key": key if key and store.speaker_id(key) == sid else None,
                                    "kind": quote["speaker_kind"], "name": quote["speaker_name"],
                                    "quote_count": None})

    def _reinsert(self, quote: dict) -> None:
        """A quote removed by mistake, back where it was, if its article still has its words there."""
        found = self.db.execute("select substr(text, ? + 1, ? - ?) from articles where id = ?",
                                [quote["start"], quote["end"], quote["start"], quote["article_id"]]).fetchone()
        if not found or found[0] != quote["content"] or self.db["quotes"].count_where("id = ?", [quote["id"]]):
            return
        if quote.get("speaker_id"):
            self._restore_speaker_row(quote, quote["speaker_id"])
        self.db["quotes"].insert({k: v for k, v in quote.items() if k != "rowid"})  # a rowid of its own now
        self.db.execute("insert into quotes_fts (rowid, content) select rowid, content from quotes where id = ?",
                        [quote["id"]])
        self._recount(quote["article_id"])
        self._pending([quote.get("speaker_id")])

    def check(self, correction: Correction) -> list[str]:
        """Refuse a correction that names nothing in the database now (a typo, an ambiguous name);
        returns notes worth telling (a reassignment to a person not yet quoted creates them)."""
        def one(ref: str) -> str:
            ids = self.find_speakers(ref)
            if len(ids) != 1:
                raise CorrectionError(self._not_found(ref, ids))
            return ids[0]

        s, v = correction.subject, correction.value
        if "speaker" in s:
            source = one(s["speaker"])
        if correction.action == "merge" and one(v["into"]) == source:
            raise CorrectionError(f"{s['speaker']} and {v['into']} are the same speaker already")
        if correction.action == "split":
            missing = [a for a in s["articles"] if not self.db["quotes"].count_where(
                "article_id = ? and speaker_id = ?", [a, source])]
            if missing:
                raise CorrectionError(f"{s['speaker']} has no quotes in {', '.join(missing)}")
            if self._split_target(correction) is None:
                raise CorrectionError(f"{v['name']} is matched like {s['speaker']}: give a name that tells them apart")
        if "quote" in s and self.find_quote(s["article"], s["quote"]) is None:
            raise CorrectionError(f"no quote “{s['quote']}” in article {s['article']}")
        if correction.action == "reassign" and not self.find_speakers(v["speaker"]):
            return [f"no speaker is named {v['speaker']}: the quote goes to a new person of that name"]
        return []

    def quote_subject(self, quote_id: str) -> dict:
        """What names a quote across re-extractions: its article and its words."""
        row = self.db.execute("select article_id, content from quotes where id = ?", [quote_id]).fetchone()
        if row is None:
            raise CorrectionError(f"no quote {quote_id}: give a quote id (see `quotes show ARTICLE --json`), "
                                  "or --article ID and the quote's words")
        return {"article": row[0], "quote": row[1]}

    def status(self, correction_id: int) -> dict:
        return next(row for row in self.listing() if row["id"] == correction_id)

    # ---- applying ------------------------------------------------------------------------

    def stored(self, actions: tuple[str, ...]) -> list[tuple[int, Correction]]:
        rows = self.db.execute(
            f"select id, action, subject, value, author, note, origin, created_at from corrections "
            f"where action in ({', '.join('?' * len(actions))}) order by id", list(actions)).fetchall()
        return [(row[0], Correction(row[1], json.loads(row[2]), json.loads(row[3]), row[4], row[5], row[6], row[7]))
                for row in rows]

    def apply_to_quotes(self) -> None:
        """Merges, splits, reassignments and removals, in the order they were made. The speakers they
        touch are marked for recomputing (``quote_count`` empty), as a run marks them."""
        if not self.table.exists():
            return
        with self.db.atomic():
            for cid, correction in self.stored(QUOTE_ACTIONS):
                status, detail = getattr(self, f"_{correction.action}")(cid, correction)
                self._report(cid, status, detail)

    def apply_to_speakers(self) -> None:
        """Names, kinds, roles, organisations and genders set by people, over the computed ones."""
        if not self.table.exists():
            return
        with self.db.atomic():
            for cid, correction in self.stored(SPEAKER_ACTIONS):
                if correction.action == "split":
                    target = self._split_target(correction)
                    if target:
                        self._set_speaker(cid, target[0], "name", correction.value["name"], correction)
                    continue
                ids = self.find_speakers(correction.subject["speaker"])
                if len(ids) != 1:
                    self._report(cid, NOT_APPLIED, self._not_found(correction.subject["speaker"], ids))
                    continue
                field_name = "name" if correction.action == "rename" else correction.subject["field"]
                value = correction.value["name" if correction.action == "rename" else "value"]
                self._set_speaker(cid, ids[0], field_name, value, correction)
                self._report(cid, APPLIED, f"the {field_name} of speaker {ids[0]} is {value}")

    def _set_speaker(self, cid: int, sid: str, name: str, value: str, correction: Correction) -> None:
        row = self.db.execute(f"select [{SPEAKER_COLUMNS[name]}] from speakers where id = ?", [sid]).fetchone()
        if row is None:
            return
        self._remember(cid, "speakers", sid, name, row[0], value)
        changes = {SPEAKER_COLUMNS[name]: value}
        if name == "gender":
            changes["gender_evidence"] = f"corrected by {correction.author} on {(correction.created_at or '')[:10]}"
        if name == "kind":
            self.db.execute("update quotes set speaker_kind = ? where speaker_id = ?", [value, sid])
        self.db["speakers"].update(sid, changes)

    def _merge(self, cid: int, correction: Correction) -> tuple[str, str]:
        targets = self.find_speakers(correction.value["into"])
        if len(targets) != 1:
            return NOT_APPLIED, self._not_found(correction.value["into"], targets)
        target = targets[0]
        sources = [s for s in self.find_speakers(correction.subject["speaker"], keys=True) if s != target]
        moved = self._move(cid, f"speaker_id in ({', '.join('?' * len(sources))})", sources, target) if sources else 0
        held = self._still_held(cid)
        if not held:
            return NOT_APPLIED, f"no quotes of {correction.subject['speaker']} in the database"
        return APPLIED, f"{quotes(held)} counted under {target}" + (f" ({moved} moved now)" if moved else "")

    def _split_target(self, correction: Correction) -> tuple[str, str] | None:
        """The id and match key of the person a split makes, or None when the new name is the old one's."""
        key = f"person:{person_key(correction.value['name'])}"
        sid = _store().speaker_id(key)
        return None if sid in self.find_speakers(correction.subject["speaker"], keys=True) else (sid, key)

    def _split(self, cid: int, correction: Correction) -> tuple[str, str]:
        target = self._split_target(correction)
        if target is None:
            return NOT_APPLIED, (f"{correction.value['name']} is matched like {correction.subject['speaker']}: "
                                 "give a name that tells them apart")
        sid, key = target
        sources = [s for s in self.find_speakers(correction.subject["speaker"], keys=True) if s != sid]
        articles = list(correction.subject["articles"])
        self.db["speakers"].insert({"id": sid, "match_key": key, "kind": "person", "name": correction.value["name"],
                                    "quote_count": None}, ignore=True)
        self._move(cid, f"speaker_id in ({', '.join('?' * len(sources))}) and article_id in "
                        f"({', '.join('?' * len(articles))})", [*sources, *articles], sid, correction.value["name"])
        held = self._still_held(cid)
        if not held:
            return NOT_APPLIED, f"no quotes of {correction.subject['speaker']} in {', '.join(articles)}"
        return APPLIED, f"{quotes(held)} counted under {correction.value['name']} ({sid})"

    def _reassign(self, cid: int, correction: Correction) -> tuple[str, str]:
        quote = self.find_quote(correction.subject["article"], correction.subject["quote"])
        if quote is None:
            if self._still_held(cid):
                return APPLIED, "the quote keeps its corrected speaker"
            return NOT_APPLIED, self._quote_gone(correction)
        sid = self._speaker_for(correction.value["speaker"])
        name, kind = self.db.execute("select name, kind from speakers where id = ?", [sid]).fetchone()
        for column, value in (("speaker_id", sid), ("speaker_name", name), ("speaker_kind", kind)):
            self._remember(cid, "quotes", quote["id"], column, quote[column], value)
        self.db["quotes"].update(quote["rowid"], {"speaker_id": sid, "speaker_name": name, "speaker_kind": kind})
        self._pending([quote["speaker_id"], sid])
        return APPLIED, f"quote {quote['id']} is {name}'s"

    def _not_a_quote(self, cid: int, correction: Correction) -> tuple[str, str]:
        article = correction.subject["article"]
        if not self.db["articles"].count_where("id = ?", [article]):
            return NOT_APPLIED, f"no article {article} in the database"
        quote = self.find_quote(article, correction.subject["quote"])
        if quote is None:
            return APPLIED, f"not among the quotes of {article}"
        self._remember(cid, "quotes", quote["id"], WHOLE_ROW, quote, None)
        self.db["quotes"].delete(quote["rowid"])
        self._recount(article)
        self._pending([quote["speaker_id"]])
        return APPLIED, f"quote {quote['id']} removed from {article}"

    # ---- finding what a correction names -------------------------------------------------

    def find_speakers(self, ref: str, keys: bool = False) -> list[str]:
        """The ids of the speakers ``ref`` names: an id, a match key, else a name (folded). With
        ``keys``, also the ids a speaker of that id or name has whether or not its row exists now, so
        a merge still finds the quotes of a speaker whose row it emptied, once they are extracted again."""
        ref = str(ref).strip()
        found = [row[0] for row in self.db.execute("select id from speakers where id = ? or match_key = ?", [ref, ref])]
        person, organization = f"person:{person_key(ref)}", f"organization:{fold(ref).removeprefix('the ')}"
        if not found:  # a name: the speaker it is matched as first, else any of that name
            found = [row[0] for row in self.db.execute(
                "select id from speakers where match_key in (?, ?)", [person, organization])] or sorted(
                {row[0] for row in self.db.execute("select id from speakers where lower(name) = lower(?)", [ref])})
        if keys:
            store = _store()
            extra = (ref, store.speaker_id(person), store.speaker_id(organization))
            found += [sid for sid in extra if sid not in found]
        return found

    def _speaker_for(self, ref: str) -> str:
        """The speaker ``ref`` names, or a new person of that name."""
        ids = self.find_speakers(ref)
        if len(ids) == 1:
            return ids[0]
        key = f"person:{person_key(ref)}"
        sid = _store().speaker_id(key)
        self.db["speakers"].insert({"id": sid, "match_key": key, "kind": "person", "name": ref, "quote_count": None},
                                   ignore=True)
        return sid

    def quote(self, quote_id: str) -> dict:
        """A stored quote by its id (the table is keyed by its rowid)."""
        return next(self.db["quotes"].rows_where("id = ?", [quote_id]))

    def find_quote(self, article: str, words: str) -> dict | None:
        """The quote of ``article`` with these words (folded), else the one that shares most of them
        (a re-extraction that moved a boundary), else None."""
        wanted = canonical_quote(words)
        quotes = list(self.db["quotes"].rows_where("article_id = ?", [article], order_by="start"))
        for quote in quotes:
            if quote["canonical"] == wanted:
                return quote
        mine = set(wanted.split())
        best, score = None, 0.0
        for quote in quotes:
            theirs = set((quote["canonical"] or "").split())
            overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
            if overlap > score:
                best, score = quote, overlap
        return best if score >= 0.6 else None

    # ---- bookkeeping ---------------------------------------------------------------------

    def _move(self, cid: int, where: str, params: list, target: str, name: str | None = None) -> int:
        """Give the quotes ``where`` selects to the speaker ``target`` (and, for a split, its ``name``)."""
        rows = self.db.execute(f"select id, speaker_id, speaker_name from quotes where {where} and speaker_id != ?",
                               [*params, target]).fetchall()
        for quote_id, old, old_name in rows:
            self._remember(cid, "quotes", quote_id, "speaker_id", old, target)
            if name:
                self._remember(cid, "quotes", quote_id, "speaker_name", old_name, name)
        if rows:
            self.db.execute(f"update quotes set speaker_id = ?, speaker_name = coalesce(?, speaker_name) where {where}",
                            [target, name, *params])
            self._pending([target, *{old for _, old, _ in rows}])
        return len(rows)

    def _still_held(self, cid: int) -> int:
        """How many quotes this correction gave another speaker still carry it."""
        return self.db.execute(
            "select count(*) from corrected_values join quotes on quotes.id = corrected_values.row_id "
            "where correction_id = ? and table_name = 'quotes' and field = 'speaker_id' "
            "and quotes.speaker_id = json_extract(corrected_values.value, '$')", [cid]).fetchone()[0]

    def _remember(self, cid: int, table: str, row_id: str, field_name: str, original, value) -> None:
        """Record the value a correction replaces. A row that already holds the corrected value keeps
        the record made when it was first corrected; a row extracted afresh gets a new one."""
        if original == value:
            return
        self.db["corrected_values"].upsert({
            "correction_id": cid, "table_name": table, "row_id": row_id, "field": field_name,
            "original": json.dumps(original, ensure_ascii=False), "value": json.dumps(value, ensure_ascii=False),
        }, pk=("correction_id", "table_name", "row_id", "field"))

    def _pending(self, speaker_ids: Iterable[str | None]) -> None:
        for sid in {s for s in speaker_ids if s}:
            self.db.execute("update speakers set quote_count = null where id = ?", [sid])

    def _recount(self, article: str) -> None:
        self.db.execute("update articles set quote_count = (select count(*) from quotes where article_id = ?) "
                        "where id = ?", [article, article])

    def _report(self, cid: int, status: str, detail: str) -> None:
        self.table.update(cid, {"status": status, "detail": detail, "checked_at": now()})

    def _not_found(self, ref: str, ids: list[str]) -> str:
        return (f"{len(ids)} speakers are named {ref}: give an id" if ids else f"no speaker {ref} in the database")

    def _quote_gone(self, correction: Correction) -> str:
        return (f"the words “{correction.subject['quote']}” are no longer a quote of article "
                f"{correction.subject['article']} (its text or the engine changed)")

    # ---- reading -------------------------------------------------------------------------

    def listing(self) -> list[dict]:
        """Every correction with its status, oldest first, for ``quotes fix list``."""
        rows = []
        for row in self.table.rows_where(order_by="id"):
            rows.append({"id": row["id"], "correction": described(row),
                         "status": row["status"] or "not yet applied", "detail": row["detail"], "by": row["author"],
                         "at": row["created_at"], "origin": row["origin"], "note": row["note"]})
        return rows

    def problems(self) -> list[dict]:
        return [row for row in self.listing() if row["status"] == NOT_APPLIED]

    def all(self) -> list[Correction]:
        return [c for _, c in self.stored(ACTIONS)]


def described(row: dict) -> str:
    """A stored correction (a ``corrections`` row) in words."""
    return Correction(row["action"], json.loads(row["subject"]), json.loads(row["value"])).describe()
