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

    Relative imports are ordered furthest first (``..`` before ``.``), as isort does.  An aliased
    name (``from m import a as b``) keeps a line of its own, after the merged line of ``m``.
    """
    plain: set[str] = set()
    names: dict[str, set[str]] = {}
    aliased: set[tuple[str, str]] = set()
    for statement in statements:
        if statement.startswith("from "):
            module, _, imported = statement[5:].partition(" import ")
            for name in (n.strip() for n in imported.split(",")):
                if " as " in name:
                    aliased.add((module, name))
                else:
                    names.setdefault(module, set()).add(name)
        else:
            plain.add(statement)
    # (statement, rank within its module): the merged line first, then the aliased names
    rendered: list[tuple[str, tuple[int, str]]] = [(statement, (0, "")) for statement in plain]
    rendered += [
        (f"from {module} import {', '.join(sorted(items, key=_name_key))}", (0, ""))
        for module, items in names.items()
    ]
    rendered += [(f"from {module} import {name}", (1, name)) for module, name in aliased]
    sections: list[list[tuple[str, tuple[int, str]]]] = [[], [], []]
    for statement, rank in rendered:
        sections[_section(statement)].append((statement, rank))
    result: list[str] = []
    for index, section in enumerate(sections):
        if index == 2:
            section.sort(
                key=lambda s: (
                    -len(_module(s[0])) + len(_module(s[0]).lstrip(".")),
                    _module(s[0]),
                    s[1],
                )
            )
        else:
            section.sort(
                key=lambda s: (s[0].startswith("from "), _module(s[0]).lower(), s[1], s[0])
            )
        if section:
            if result:
                result.append("")
            result.extend(statement for statement, _ in section)
    return tuple(result)


def _name_key(name: str) -> tuple[int, str]:
    """isort's default order inside one ``from`` import: CONSTANTS, Classes, functions."""
    base = name.split(" as ")[0]
    if base.isupper() and len(base) > 1:
        return (0, base)
    if base[:1].isupper():
        return (1, base)
    return (2, base)
