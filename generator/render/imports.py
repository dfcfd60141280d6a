"""Import blocks in the order ruff's isort rules expect: stdlib, third party, local."""

from __future__ import annotations

import sys
from collections.abc import Iterable

_STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}


def _module(statement: str) -> str:
    words = statement.split()
    return words[1]


def _section(statement: str) -> int:
    module = _module(statement)
    if module.startswith("."):
        return 2
    return 0 if module.split(".")[0] in _STDLIB else 1


def organize(statements: Iterable[str]) -> tuple[str, ...]:
    """Merge ``from m import a`` statements per module, sort, and separate sections by ``""``.

    Relative imports are ordered furthest first (``..`` before ``.``), as isort does.
    """
    plain: set[str] = set()
    names: dict[str, set[str]] = {}
    for statement in statements:
        if statement.startswith("from "):
            module, _, imported = statement[5:].partition(" import ")
            names.setdefault(module, set()).update(n.strip() for n in imported.split(","))
        else:
            plain.add(statement)
    rendered = list(plain) + [
        f"from {module} import {', '.join(sorted(items, key=_name_key))}"
        for module, items in names.items()
    ]
    sections: list[list[str]] = [[], [], []]
    for statement in rendered:
        sections[_section(statement)].append(statement)
    result: list[str] = []
    for index, section in enumerate(sections):
        if index == 2:
            section.sort(key=lambda s: (-len(_module(s)) + len(_module(s).lstrip(".")), _module(s)))
        else:
            section.sort(key=lambda s: (s.startswith("from "), _module(s).lower(), s))
        if section:
            if result:
                result.append("")
            result.extend(section)
    return tuple(result)


def _name_key(name: str) -> tuple[int, str]:
    """isort's default order inside one ``from`` import: CONSTANTS, Classes, functions."""
    base = name.split(" as ")[0]
    if base.isupper() and len(base) > 1:
        return (0, base)
    if base[:1].isupper():
        return (1, base)
    return (2, base)
