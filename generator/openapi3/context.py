"""State shared while one OpenAPI 3 document is lowered: the source, the sink, the provenance.

Every lowering function takes the location of what it writes (``lat``, in the Swagger-shaped
output) and of what it reads (``oat``, in the OpenAPI 3 source); where the two differ it records
a move in the :class:`~generator.load.provenance.Provenance`, so later diagnostics point into
the file the user has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import DiagnosticSink, node_at, pointer
from generator.load.provenance import Provenance

# OpenAPI 3 component folders that have a Swagger 2.0 home of their own
REF_HOMES = {
    "#/components/schemas/": "#/definitions/",
    "#/components/parameters/": "#/parameters/",
    "#/components/responses/": "#/responses/",
}


def child(at: str, *tokens: str | int) -> str:
    """Extend the JSON pointer ``at`` by raw (unescaped) tokens."""
    return at + pointer(*tokens)


def unescape(token: str) -> str:
    """Undo RFC 6901 escaping of one reference token."""
    return token.replace("~1", "/").replace("~0", "~")


@dataclass
class Lowering:
    """One lowering run: the OpenAPI 3 source, where problems go, and the moves recorded."""

    source: Mapping[str, Any]
    sink: DiagnosticSink
    v31: bool
    provenance: Provenance = field(default_factory=Provenance)
    # discriminator mappings met on the way: (where the discriminator is in the source, mapping)
    mappings: list[tuple[str, Mapping[str, Any]]] = field(default_factory=list)

    def moved(self, lat: str, oat: str) -> None:
        """Record that ``lat`` in the output was written from ``oat`` in the source."""
        self.provenance.record(lat, oat)

    def ref(self, value: object) -> object:
        """A ``$ref`` value with component references rewritten to their Swagger homes."""
        if isinstance(value, str):
            for old, new in REF_HOMES.items():
                if value.startswith(old):
                    return new + value[len(old) :]
        return value

    def follow(self, value: object, oat: str) -> tuple[Mapping[str, Any] | None, str]:
        """Follow local ``$ref`` hops in the source: (the object, its location); None if broken."""
        seen: set[str] = set()
        current, where = value, oat
        while isinstance(current, Mapping) and "$ref" in current:
            target = current["$ref"]
            if not isinstance(target, str) or not target.startswith("#/") or target in seen:
                self.sink.error(where, f"$ref {target!r} cannot be followed here", "ignored")
                return None, where
            seen.add(target)
            found = node_at(self.source, target[1:])
            if found is None:
                self.sink.error(where, f"$ref {target!r} points at nothing", "ignored")
                return None, where
            current, where = found, target[1:]
        if not isinstance(current, Mapping):
            self.sink.error(where, "expected an object here", "ignored")
            return None, where
        return current, where


def extensions(value: Mapping[str, Any]) -> dict[str, Any]:
    """The ``x-`` keys of ``value`` (Azure's extensions travel unchanged), as copies."""
    return {k: copied(v) for k, v in value.items() if isinstance(k, str) and k.startswith("x-")}


def copied(value: Any) -> Any:
    """A copy of JSON data.

    The lowered document must be a tree, as parsed JSON is: the same source object can be
    written in two places (a shared request body, a followed schema), and later stages rewrite
    objects in place (a broken ``$ref`` is replaced where it stands).
    """
    if isinstance(value, dict):
        return {k: copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copied(item) for item in value]
    return value


__all__ = ["REF_HOMES", "Lowering", "child", "copied", "extensions", "unescape"]
