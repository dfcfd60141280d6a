"""Where each part of a translated document came from, so diagnostics point into the original.

An OpenAPI 3 document is read by lowering it into the Swagger 2.0 shape the rest of the
compiler understands (:mod:`generator.openapi3`).  Every stage after that reports JSON pointers
into the lowered document; a :class:`Provenance` maps them back.  The lowering records a move
only where a subtree's location changes (``/definitions/X`` came from ``/components/schemas/X``,
``.../x-one-of`` from ``.../oneOf``); a pointer is translated through its longest recorded
prefix, and whatever follows that prefix is kept, because below a move the two shapes agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from generator.diagnostics import Diagnostic


@dataclass
class Provenance:
    """Lowered pointer prefix -> original pointer, for one translated document."""

    moves: dict[str, str] = field(default_factory=dict)

    def record(self, lowered: str, original: str) -> None:
        """Say that the subtree at ``lowered`` was written from the one at ``original``."""
        if lowered != original:
            self.moves[lowered] = original
        elif lowered in self.moves:
            del self.moves[lowered]

    def original(self, at: str) -> str:
        """The pointer in the original document for ``at`` in the lowered one."""
        if not at.startswith("/"):
            return at  # the root, or a location in another file ("other.json#/...")
        end = len(at)
        while end > 0:
            prefix = at[:end]
            if prefix in self.moves:
                return self.moves[prefix] + at[end:]
            end = at.rfind("/", 0, end)
        return at

    def relocate(self, diagnostics: Iterable[Diagnostic], file: str) -> tuple[Diagnostic, ...]:
        """``diagnostics`` with the pointers of those about ``file`` translated."""
        return tuple(
            replace(d, pointer=self.original(d.pointer)) if d.file == file else d
            for d in diagnostics
        )


__all__ = ["Provenance"]
