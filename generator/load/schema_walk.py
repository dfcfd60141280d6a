"""How much work openapi-spec-validator's schema checks would do on a document, before it runs.

For every schema with ``allOf`` the validator collects the property names of each member by
walking it, through ``$ref``s and into ``allOf``/``anyOf``/``oneOf``/``items``/``not``, without
remembering what it has walked.  Its cost is therefore the number of paths through those
keywords, which doubles with each level of a lattice of models that inherit two parents each:
30 levels is about a billion paths, hours of work and gigabytes of memory for a 60-line spec.
Counting the paths is linear (each schema's count is computed once), so the loader counts first
and skips only those checks when the count is over :data:`WALK_LIMIT`, saying so in one line.
Only references inside the document itself are followed; a path through another file counts as
one step.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import node_at, pointer

WALK_LIMIT = 20_000
"""Paths the validator may walk: about 2 s of its time at its ~100 µs per step on this machine."""

_NESTED_LISTS = ("allOf", "anyOf", "oneOf")
_NESTED_SCHEMAS = ("items", "not")


@dataclass(frozen=True)
class WalkCost:
    """The validator's walk over a document: its length and the schema that costs the most."""

    paths: int
    worst_pointer: str


def validator_walk_cost(document: Mapping[str, Any]) -> WalkCost:
    """Paths the validator's ``allOf`` property collection would walk in ``document``."""
    counter = _PathCounter(document)
    total = 0
    worst, worst_at = 0, ""
    for tokens, node in _mappings(document):
        members = node.get("allOf")
        if not isinstance(members, list):
            continue
        cost = sum(counter.paths(member) for member in members)
        total += cost
        if cost > worst:
            worst, worst_at = cost, pointer(*tokens)
    return WalkCost(total, worst_at)


class _PathCounter:
    """Paths from a schema through the nested-schema keywords, each schema counted once."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document
        self._known: dict[int, int] = {}
        self._open: set[int] = set()

    def paths(self, schema: Any) -> int:
        stack: list[tuple[Any, bool]] = [(schema, False)]
        while stack:
            node, children_done = stack.pop()
            node = self._target(node)
            key = id(node)
            if not isinstance(node, Mapping) or key in self._known:
                continue
            children = [self._target(child) for child in _children(node)]
            if children_done:
                self._open.discard(key)
                self._known[key] = 1 + sum(self._count_of(child) for child in children)
                continue
            if key in self._open:  # a cycle: the validator's own guard stops there
                continue
            self._open.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children)
        return self._count_of(self._target(schema))

    def _count_of(self, node: Any) -> int:
        if not isinstance(node, Mapping):
            return 1
        return self._known.get(id(node), 1)

    def _target(self, node: Any) -> Any:
        """``node`` itself, or what its local ``$ref`` points at (chains followed, bounded)."""
        for _ in range(64):
            if not isinstance(node, Mapping):
                return node
            ref = node.get("$ref")
            if not isinstance(ref, str) or not ref.startswith("#"):
                return node
            found = node_at(self._document, ref[1:])
            if found is None:
                return node
            node = found
        return node


def _children(node: Mapping[str, Any]) -> Iterator[Any]:
    for keyword in _NESTED_LISTS:
        members = node.get(keyword)
        if isinstance(members, list):
            yield from members
    for keyword in _NESTED_SCHEMAS:
        if isinstance(node.get(keyword), Mapping):
            yield node[keyword]


def _mappings(document: Mapping[str, Any]) -> Iterator[tuple[tuple[str, ...], Mapping[str, Any]]]:
    """Every mapping in ``document`` with the tokens of its pointer (iterative: any depth)."""
    stack: list[tuple[tuple[str, ...], Any]] = [((), document)]
    while stack:
        tokens, node = stack.pop()
        if isinstance(node, Mapping):
            yield tokens, node
            stack.extend(((*tokens, str(key)), value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend(((*tokens, str(index)), value) for index, value in enumerate(node))
