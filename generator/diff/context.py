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
    op_key,
    reach_of,
)
from generator.diff.match import Matches
from generator.diff.type_compare import (
    FORMAT,
    TypeDelta,
    compare_types,
    narrows,
    strict_reader,
)
from generator.ir import Operation, TypeRef, UnionType

BOTH = frozenset({REQUEST, RESPONSE})


@dataclass(frozen=True, slots=True)
class TypeChange:
    """A type difference with its two verdicts, for values sent and/or read."""

    delta: TypeDelta
    wire_breaking: bool
    client_breaking: bool


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
                ops.add(op_key(op))
                groups.add(index.group_of[op_key(op)].py_name)
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
            old_enums=self.old.enums.get,
            new_enums=self.new.enums.get,
        )

    def type_change(
        self, old: TypeRef, new: TypeRef, *, sent: bool, read: bool
    ) -> TypeChange | None:
        """The difference between ``old`` and ``new`` for a value clients send and/or read.

        A different JSON type or model breaks the wire either way.  A different format breaks it
        when clients send the value and the new format admits less (string -> date-time, a
        closed enum), or when clients read it and the old type is parsed strictly (date-time ->
        string, a closed enum -> string).  The client verdict is whether the generated
        annotation changes incompatibly (date-time -> str, str -> closed enum).
        """
        delta = self.compare(old, new)
        if delta is None:
            return None
        narrowed = self._members_kept(old, new, new_side=True)  # new members all in old
        widened = self._members_kept(new, old, new_side=False)  # old members all in new
        if narrowed or widened:
            # A union losing members hurts senders of the lost ones; gaining members hurts
            # readers, who may now receive one they do not know.
            breaking = sent if narrowed else read
            return TypeChange(delta, breaking, breaking)
        wire = True
        if delta.how == FORMAT:
            wire = (sent and narrows(old, new, self.new.enums.get)) or (
                read and strict_reader(old, new, self.old.enums.get)
            )
        return TypeChange(delta, wire, delta.python_changed)

    def _members_kept(self, outer: TypeRef, inner: TypeRef, *, new_side: bool) -> bool:
        """Whether every member of ``inner`` is a member of the union ``outer``.

        ``new_side``: ``inner`` is the new type (``outer`` the old one), else the reverse; the
        comparison always runs old -> new so renamed definitions count as the same.
        """
        if not isinstance(outer, UnionType):
            return False
        members = inner.members if isinstance(inner, UnionType) else (inner,)

        def same(member: TypeRef, other: TypeRef) -> bool:
            pair = (other, member) if new_side else (member, other)
            return self.compare(*pair) is None

        return all(any(same(m, o) for o in outer.members) for m in members)
