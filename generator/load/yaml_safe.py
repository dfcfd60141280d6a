"""A YAML safe loader that refuses hostile documents instead of exhausting the machine.

PyYAML's C composer recurses in C, so a 100,000-deep document crashes the interpreter, and
aliases let a few hundred bytes stand for billions of nodes (the "billion laughs" bomb).  This
loader keeps libyaml's fast C scanner and parser, but composes nodes in Python so that it can
count nesting depth and the size that aliases expand to, and stop with a clear error.
"""

from __future__ import annotations

from typing import Any

from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.error import MarkedYAMLError
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import Node
from yaml.resolver import Resolver

try:  # libyaml's scanner and parser are much faster; PyYAML wheels ship them
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.loader import BaseLoader as _Parser  # type: ignore[assignment]


MAX_DEPTH = 128
"""Deepest nesting accepted; real Swagger documents stay under 20 levels."""

MAX_EXPANDED_NODES = 500_000
"""Largest node count accepted once aliases are expanded; real specs have ~10,000."""


class YamlLimitError(MarkedYAMLError):
    """The document is too deep, or its aliases expand to too many nodes."""


class GuardedSafeLoader(Composer, _Parser, SafeConstructor, Resolver):
    """Safe loader (no arbitrary tags) with depth and alias-expansion limits."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)
        self._depth = 0
        self._expanded = 0
        self._sizes: dict[int, int] = {}
        self.alias_count = 0

    def dispose(self) -> None:
        """Nothing to release (the C parser frees its state itself)."""

    def compose_node(self, parent: Node | None, index: Any) -> Any:
        """Compose one node, counting depth and the size aliases expand to."""
        event: Any = self.peek_event()
        mark: Any = event.start_mark
        node: Any
        if isinstance(event, AliasEvent):
            self.alias_count += 1
            node = super().compose_node(parent, index)
            size = self._sizes.get(id(node))
            if size is None:
                raise YamlLimitError(None, None, "alias refers to the node that contains it", mark)
            self._add(size, event)
            return node
        if isinstance(event, ScalarEvent):
            node = super().compose_node(parent, index)
            self._sizes[id(node)] = 1
            self._add(1, event)
            return node
        if isinstance(event, SequenceStartEvent | MappingStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise YamlLimitError(None, None, f"nesting is deeper than {MAX_DEPTH} levels", mark)
            before = self._expanded
            node = super().compose_node(parent, index)
            self._depth -= 1
            self._sizes[id(node)] = self._expanded - before + 1
            self._add(1, event)
            return node
        return super().compose_node(parent, index)

    def _add(self, size: int, event: Any) -> None:
        self._expanded += size
        if self._expanded > MAX_EXPANDED_NODES:
            raise YamlLimitError(
                None,
                None,
                f"aliases expand to more than {MAX_EXPANDED_NODES} nodes (alias bomb?)",
                event.start_mark,
            )
