"""What every comparison needs: both indexed versions, what was paired, and shared helpers."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.changes import Reach
from generator.diff.index import (
    REQUEST,
    RESPONSE,
    SpecIndex,
    enum_node,
    model_node,
    reach_of,
)
from generator.diff.match import Matches
from generator.diff.type_compare import TypeDelta, compare_types
from generator.ir import Operation, Primitive, TypeRef

BOTH = frozenset({REQUEST, RESPONSE})


@dataclass
class DiffContext:
    """Two versions side by side."""

    old: SpecIndex
    new: SpecIndex
    matches: Matches

    def node(self, kind: str, key: str) -> str:
        """Graph node of a model or enum key."""
        return model_node(key) if kind == "model" else enum_node(key)

    def reach(self, kind: str, old_key: str | None, new_key: str | None) -> Reach:
        """Operations, groups and models reached by a definition in either version."""
        nodes: list[str] = []
        if old_key is not None:
            nodes.append(self.node(kind, old_key))
        if new_key is not None and new_key != old_key:
            nodes.append(self.node(kind, new_key))
        return reach_of(nodes, (self.old, self.new))

    def op_reach(self, old: Operation | None, new: Operation | None) -> Reach:
        """An operation's own reach: itself and its client group."""
        ops: set[str] = set()
        groups: set[str] = set()
        for op, index in ((old, self.old), (new, self.new)):
            if op is not None:
                ops.add(op.operation_id)
                groups.add(index.group_of[op.operation_id].py_name)
        return Reach(tuple(sorted(ops)), tuple(sorted(groups)), ())

    def directions(self, kind: str, old_key: str | None, new_key: str | None) -> frozenset[str]:
        """Where a definition travels in either version; both when no operation uses it."""
        found: set[str] = set()
        if old_key is not None:
            found |= self.old.directions(self.node(kind, old_key))
        if new_key is not None:
            found |= self.new.directions(self.node(kind, new_key))
        return frozenset(found) or BOTH

    def compare(self, old: TypeRef, new: TypeRef) -> TypeDelta | None:
        """Type difference, with renamed and split definitions counted as the same."""
        return compare_types(
            old,
            new,
            same=self.matches.same,
            old_enum_base=self._old_base,
            new_enum_base=self._new_base,
        )

    def _old_base(self, key: str) -> Primitive | None:
        item = self.old.enums.get(key)
        return item.base if item is not None else None

    def _new_base(self, key: str) -> Primitive | None:
        item = self.new.enums.get(key)
        return item.base if item is not None else None
