"""Shared state of one IR build: the raw document, the diagnostic sink and the registries.

The builder works on the loader's ``raw`` document (plain JSON data with ``$ref`` objects left in
place), so it always knows whether a schema was written inline or referenced by name: a ``$ref``
to ``#/definitions/X`` becomes ``ModelRef("X")``/``EnumRef("X")`` rather than a copy of X.
Local references are resolved here with RFC 6901 pointers; anything else is reported.

Models, enums and aliases are registered by key before they are filled in, so recursive schemas
(Error -> InnerError -> InnerError) terminate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import DiagnosticSink, pointer
from generator.ir import Alias, Enum, Model

DEFINITIONS_PREFIX = "#/definitions/"


def child(at: str, *tokens: str | int) -> str:
    """Extend the JSON pointer ``at`` by raw (unescaped) tokens."""
    return at + pointer(*tokens)


def unescape_token(token: str) -> str:
    """Undo RFC 6901 escaping of one reference token."""
    return token.replace("~1", "/").replace("~0", "~")


def as_mapping(value: object) -> Mapping[str, Any] | None:
    """``value`` when it is a JSON object, else None."""
    return value if isinstance(value, Mapping) else None


def text(value: object) -> str:
    """A description-like value as text ("" for anything that is not a string)."""
    return value if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A schema-or-parameter reached through zero or more ``$ref`` hops.

    ``definition`` is the definitions key when the last hop pointed at ``#/definitions/<key>``;
    ``siblings`` are the keys written beside the first ``$ref`` (e.g. a description).
    """

    value: Mapping[str, Any] | None
    at: str
    definition: str | None = None
    siblings: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class BuildContext:
    """Everything the build stages share for one spec file."""

    raw: Mapping[str, Any]
    sink: DiagnosticSink
    models: dict[str, Model] = field(default_factory=dict)
    enums: dict[str, Enum] = field(default_factory=dict)
    aliases: dict[str, Alias] = field(default_factory=dict)
    # keys of models/aliases registered but not yet complete (recursion guard)
    pending: set[str] = field(default_factory=set)
    # pointer of an inline schema -> the key it was registered under
    inline_keys: dict[str, str] = field(default_factory=dict)

    definitions: Mapping[str, Any] = field(init=False)
    """The ``definitions`` section (empty when missing or malformed)."""

    def __post_init__(self) -> None:
        self.definitions = as_mapping(self.raw.get("definitions")) or {}

    def lookup(self, ref: str) -> Any:
        """The value at a local reference ``#/a/b``; raises KeyError when there is none."""
        if not ref.startswith("#"):
            raise KeyError(ref)
        node: Any = self.raw
        body = ref[1:]
        if not body:
            return node
        if not body.startswith("/"):
            raise KeyError(ref)
        for token in body[1:].split("/"):
            name = unescape_token(token)
            if isinstance(node, Mapping) and name in node:
                node = node[name]
            elif isinstance(node, list) and name.isdigit() and int(name) < len(node):
                node = node[int(name)]
            else:
                raise KeyError(ref)
        return node

    def resolve(self, value: object, at: str) -> Resolved:
        """Follow ``$ref`` hops from ``value`` (found at ``at``) to a mapping; report failures."""
        first = as_mapping(value)
        if first is None:
            self.sink.error(at, "expected an object here", "ignored")
            return Resolved(None, at)
        siblings = {k: v for k, v in first.items() if k != "$ref"} if "$ref" in first else {}
        current: Mapping[str, Any] = first
        where = at
        definition: str | None = None
        seen: set[str] = set()
        while "$ref" in current:
            ref = current["$ref"]
            if not isinstance(ref, str):
                self.sink.error(where, "$ref is not a string", "typed as any")
                return Resolved(None, where, None, siblings)
            if ref in seen:
                self.sink.error(where, f"$ref cycle through {ref!r}", "typed as any")
                return Resolved(None, where, None, siblings)
            seen.add(ref)
            if not ref.startswith("#"):
                self.sink.error(
                    where,
                    f"$ref {ref!r} points outside this document, which the builder does not read",
                    "typed as any",
                )
                return Resolved(None, where, None, siblings)
            try:
                target = self.lookup(ref)
            except KeyError:
                self.sink.error(where, f"$ref {ref!r} points at nothing", "typed as any")
                return Resolved(None, where, None, siblings)
            target_map = as_mapping(target)
            if target_map is None:
                self.sink.error(where, f"$ref {ref!r} points at a non-object", "typed as any")
                return Resolved(None, where, None, siblings)
            definition = None
            if ref.startswith(DEFINITIONS_PREFIX):
                rest = ref[len(DEFINITIONS_PREFIX) :]
                if "/" not in rest:
                    definition = unescape_token(rest)
            where = ref[1:]
            current = target_map
        return Resolved(current, where, definition, siblings)
