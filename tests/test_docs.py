"""The README and docs/database.md promise only commands and options that exist, and document them all.

Every ``quotes COMMAND --option`` written as code in the README (inline or in a code block) must be
a real command with that option; options after ``serve`` or ``demo`` may also be Datasette's own,
which those commands pass on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from datasette.cli import serve as datasette_serve

from quotes.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DATABASE_DOC = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")


def code_in(markdown: str) -> list[str]:
    """The code of a Markdown text: inline spans and the lines of indented and fenced blocks."""
    code = re.findall(r"`([^`\n]+)`", markdown)
    code += [line.strip() for line in markdown.splitlines() if line.startswith("    ")]
    for block in re.findall(r"```[a-z]*\n(.*?)```", markdown, re.S):
        code += block.splitlines()
    return code


def invocations(markdown: str) -> list[tuple[str, list[str]]]:
    """``(command, options)`` for every ``quotes COMMAND ...`` in the code of ``markdown``."""
    found = []
    for snippet in code_in(markdown):
        for match in re.finditer(r"(?:^|\$\(|\$ |\| |&& |-m )quotes ([a-z][a-z-]*)([^|#;&)]*)", snippet):
            found.append((match.group(1), re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", match.group(2))))
    return found


def options_of(command) -> set[str]:
    return {opt for param in command.params for opt in [*param.opts, *param.secondary_opts]} | {"--help"}


README_INVOCATIONS = invocations(README)


def test_the_readme_shows_commands():
    assert len(README_INVOCATIONS) > 15


@pytest.mark.parametrize("command, options", README_INVOCATIONS, ids=[f"{c} {' '.join(o)}"
                                                                        for c, o in README_INVOCATIONS])
def test_every_command_and_option_in_the_readme_exists(command, options):
    assert command in cli.commands, f"the README shows `quotes {command}`, which does not exist"
    known = options_of(cli.commands[command])
    for sub in getattr(cli.commands[command], "commands", {}).values():  # a group: `quotes fix merge --by`
        known |= options_of(sub)
    if command in ("serve", "demo"):
        known |= options_of(datasette_serve)
    for option in options:
        assert option in known, f"the README shows `quotes {command} {option}`, which does not exist"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"`quotes {name}\b|`{name}`", README), f"quotes {name} is not in the README"


@pytest.mark.parametrize("name", ["extract", "load", "path", "search", "speakers", "show", "export", "metadata",
                                  "serve", "demo"])
def test_every_option_of_the_store_commands_is_in_docs_database(name):
    assert f"quotes {name}" in DATABASE_DOC
    for param in cli.commands[name].params:
        if getattr(param, "hidden", False):
            continue
        for option in param.opts:
            if option.startswith("--"):
                assert option in DATABASE_DOC, f"{name} {option} is not in docs/database.md"
