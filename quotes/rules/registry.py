"""The registry of rules and filters: the engine, the tests, the README table and ``quotes evaluate``
all read it, so a rule exists in one place.

Built-in rules register themselves when their modules are imported. A plugin adds its own
through the ``quotes.rules`` entry point group: the entry point names a module (or a function)
that calls :func:`register` when loaded, so no engine code is edited. A lexicon adds rules
written as regular expressions (``[rules.NAME]`` tables, see :mod:`quotes.rules.pattern`).
"""

from __future__ import annotations

from importlib.metadata import entry_points

from quotes.rules.base import CATEGORIES, PASSES, Boundary, Filter, Rule

ENTRY_POINT_GROUP = "quotes.rules"


class RegistryError(ValueError):
    """A rule or filter that cannot be registered: a name taken, an unknown pass or category."""


class Registry:
    """Rules by name and filters by name, in registration order."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.filters: dict[str, Filter] = {}
        self.boundaries: dict[str, Boundary] = {}
        self._plugins_loaded = False

    def _check_name(self, name: str) -> None:
        if name in self.rules or name in self.filters or name in self.boundaries:
            raise RegistryError(f"a rule, filter or boundary named {name!r} is already registered")

    def add_rule(self, rule: Rule) -> Rule:
        self._check_name(rule.name)
        if rule.pass_name not in PASSES:
            raise RegistryError(f"rule {rule.name!r}: unknown pass {rule.pass_name!r} (one of {', '.join(PASSES)})")
        if rule.category is not None and rule.category not in CATEGORIES:
            raise RegistryError(f"rule {rule.name!r}: unknown category {rule.category!r} "
                                f"(one of {', '.join(CATEGORIES)})")
        self.rules[rule.name] = rule
        return rule

    def add_boundary(self, boundary: Boundary) -> Boundary:
        self._check_name(boundary.name)
        if boundary.side not in ("start", "end"):
            raise RegistryError(f"boundary {boundary.name!r}: unknown side {boundary.side!r}")
        self.boundaries[boundary.name] = boundary
        return boundary

    def add_filter(self, flt: Filter) -> Filter:
        self._check_name(flt.name)
        if flt.stage not in ("paragraph", "cue", "sense", "candidate"):
            raise RegistryError(f"filter {flt.name!r}: unknown stage {flt.stage!r}")
        self.filters[flt.name] = flt
        return flt

    def load_plugins(self) -> None:
        """Load the ``quotes.rules`` entry points once: each registers its rules as it loads."""
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for point in entry_points(group=ENTRY_POINT_GROUP):
            loaded = point.load()
            if callable(loaded):
                loaded()

    def for_pass(self, pass_name: str) -> list[Rule]:
        """The rules of a pass, in the order they are tried."""
        return sorted((r for r in self.rules.values() if r.pass_name == pass_name),
                      key=lambda r: (r.priority, r.name))

    def filters_at(self, stage: str) -> list[Filter]:
        return [f for f in self.filters.values() if f.stage == stage]

    def boundaries_at(self, side: str) -> list[Boundary]:
        return [b for b in self.boundaries.values() if b.side == side]


REGISTRY = Registry()


def register(item: Rule | Filter | Boundary) -> Rule | Filter | Boundary:
    """Add a rule, a filter or a boundary to the registry; its name must be new."""
    if isinstance(item, Filter):
        return REGISTRY.add_filter(item)
    if isinstance(item, Boundary):
        return REGISTRY.add_boundary(item)
    return REGISTRY.add_rule(item)


def registry() -> Registry:
    """The registry with every built-in rule and every installed plugin's."""
    import quotes.rules  # noqa: F401 - the built-in rules register on import

    REGISTRY.load_plugins()
    return REGISTRY


def markdown_tables(reg: Registry | None = None) -> str:
    """The README's tables of rules, boundaries and filters, in the order they run."""
    reg = reg or registry()
    lines = ["| rule | pass | layout | confidence |", "|---|---|---|---|"]
    for pass_name in PASSES:
        for rule in reg.for_pass(pass_name):
            lines.append(f"| `{rule.name}` | {pass_name} | {_cell(rule.layout)} | {rule.confidence:.2f} |")
    lines += ["", "| boundary or filter | applies to | what it does |", "|---|---|---|"]
    for boundary in reg.boundaries.values():
        lines.append(f"| `{boundary.name}` | claim {boundary.side} | {_cell(boundary.description)} |")
    for flt in reg.filters.values():
        lines.append(f"| `{flt.name}` | {flt.stage} | {_cell(flt.description)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
