"""A canonical dump of everything ``extract()`` returns, to show that a speed change changes nothing.

Usage:
    python benchmarks/identical.py FILE.jsonl [FILE.jsonl ...] > after.jsonl
    PYTHONPATH=/path/to/baseline/checkout python benchmarks/identical.py FILE.jsonl ... > before.jsonl
    cmp before.jsonl after.jsonl

Each article (the ``text`` of each JSON line) is extracted with both scopes, "speech" and "all",
since the resolver sees different candidates under each. Every quote is written with every field
of its dataclasses (spans, the speaker's mention and its parts, ``extra``), one JSON line per
article, so any change of a field or an offset shows up as a differing line. The last line on
stderr is a digest of the whole dump, handy for comparing runs without keeping the files.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys

import quotes
from quotes import extract
from quotes.lexicon import load_lexicon

SCOPES = ("speech", "all")


def dump_lines(paths: list[str]):
    """One canonical JSON line per (file, line, scope)."""
    lexicon = load_lexicon()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                text = json.loads(line)["text"]
                for scope in SCOPES:
                    found = [dataclasses.asdict(q) for q in extract(text, lexicon, scope=scope)]
                    yield json.dumps({"file": path, "line": number, "scope": scope, "quotes": found},
                                     ensure_ascii=False, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="JSON Lines files with a 'text' field")
    args = parser.parse_args()
    digest = hashlib.sha256()
    for line in dump_lines(args.files):
        print(line)
        digest.update(line.encode("utf-8") + b"\n")
    print(f"quotes from {quotes.__file__}; sha256 of the dump {digest.hexdigest()}", file=sys.stderr)


if __name__ == "__main__":
    main()
