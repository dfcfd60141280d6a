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
from urllib.parse import urljoin

from generator.diagnostics import DiagnosticSink, array_index, escape_pointer_token, pointer
from generator.ir import Alias, Enum, Model
from generator.load import ref_siblings, ref_target

DEFINITIONS_PREFIX = "#/definitions/"


def child(at: str, *tokens: str | int) -> str:
    """Extend the JSON pointer ``at`` by raw (unescaped) tokens."""
    return at + pointer(*tokens)


def escape(token: str) -> str:
    """RFC 6901 escaping of one reference token."""
    return escape_pointer_token(token)


def _index_in(node: list[Any], token: str) -> int | None:
    """The index ``token`` names in ``node`` when it is one (ASCII digits, in range)."""
    index = array_index(token)
    return index if index is not None and index < len(node) else None


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
    document: Mapping[str, Any] = field(default_factory=dict)  # the loader's resolved view
    main_uri: str = "file:///spec.json"  # URI of the main file, as the loader names it
    models: dict[str, Model] = field(default_factory=dict)
    enums: dict[str, Enum] = field(default_factory=dict)
    aliases: dict[str, Alias] = field(default_factory=dict)
    # keys of models/aliases registered but not yet complete (recursion guard)
    pending: set[str] = field(default_factory=set)
    # pointer of an inline schema -> the key it was registered under
    inline_keys: dict[str, str] = field(default_factory=dict)
    # definitions found in other files: key -> (schema, pointer), and full URI -> key
    external: dict[str, tuple[Mapping[str, Any], str]] = field(default_factory=dict)
    external_keys: dict[str, str] = field(default_factory=dict)
    # model keys registered for x-ms-parameter-grouping groups
    parameter_groups: set[str] = field(default_factory=set)

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
            elif isinstance(node, list) and _index_in(node, name) is not None:
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
        siblings: Mapping[str, Any] = {}
        if is_ref(first):
            siblings = (
                ref_siblings(first)
                if type(first) is not dict
                else {k: v for k, v in first.items() if k != "$ref"}
            )
        current: Mapping[str, Any] = first
        where = at
        definition: str | None = None
        seen: set[str] = set()
        while is_ref(current):
            step = self._step(current, where, seen)
            if step is None:
                return Resolved(None, where, None, siblings)
            current, where, definition = step
        return Resolved(current, where, definition, siblings)

    def _step(
        self, current: Mapping[str, Any], where: str, seen: set[str]
    ) -> tuple[Mapping[str, Any], str, str | None] | None:
        """One ``$ref`` hop: (target, its pointer, its definitions key) or None (reported)."""
        if type(current) is dict:  # a reference written in the main document
            ref = current["$ref"]
            if not isinstance(ref, str):
                self.sink.error(where, "$ref is not a string", "typed as any")
                return None
            if not ref.startswith("#"):
                proxy = self._proxy_at(where)
                if proxy is None:
                    self.sink.error(where, f"$ref {ref!r} could not be followed", "typed as any")
                    return None
                return self._step(proxy, where, seen)
            full = self.main_uri + ref
        else:  # a jsonref proxy: a reference inside (or into) another file of the spec
            text = ref_target(current) or ""
            full = urljoin(object.__getattribute__(current, "base_uri"), text)
        if full in seen:
            self.sink.error(where, f"$ref cycle through {full!r}", "typed as any")
            return None
        seen.add(full)
        document, _, fragment = full.partition("#")
        name = _definition_name(fragment)
        if document == self.main_uri:
            try:
                target = as_mapping(self.lookup("#" + fragment))
            except KeyError:
                self.sink.error(where, f"$ref to #{fragment} points at nothing", "typed as any")
                return None
            if target is None:
                self.sink.error(where, f"$ref to #{fragment} is not an object", "typed as any")
                return None
            return target, fragment, name
        try:
            subject = as_mapping(object.__getattribute__(current, "__subject__"))
        except Exception:  # a proxy that cannot resolve; the loader has reported why
            subject = None
        if subject is None:
            self.sink.error(where, f"$ref {full!r} could not be followed", "typed as any")
            return None
        label = f"{_file_label(document, self.main_uri)}#{fragment}"
        key = self._external_key(full, name, subject, label) if name is not None else None
        return subject, label, key

    def _proxy_at(self, where: str) -> Mapping[str, Any] | None:
        """The loader's resolved view of the main-document location ``where``."""
        node: Any = self.document
        for token in where.split("/")[1:]:
            name = unescape_token(token)
            try:
                if isinstance(node, list) and _index_in(node, name) is not None:
                    node = node[int(name)]
                elif isinstance(node, Mapping) and not is_ref(node):
                    node = node[name]
                else:
                    return None
            except (KeyError, IndexError):
                return None
        return node if isinstance(node, Mapping) and is_ref(node) else None

    def _external_key(self, full: str, name: str, schema: Mapping[str, Any], label: str) -> str:
        """The key of a definition in another file: its name, made unique against the rest."""
        if full in self.external_keys:
            return self.external_keys[full]
        key = name
        while key in self.definitions or key in self.external:
            key += "_"
        self.external_keys[full] = key
        self.external[key] = (schema, label)
        return key

    def definition_schema(self, key: str) -> tuple[Mapping[str, Any], str] | None:
        """The schema of definition ``key`` (this file's or another's) and its pointer."""
        if key in self.external:
            return self.external[key]
        schema = as_mapping(self.definitions.get(key))
        return (schema, "/definitions/" + escape(key)) if schema is not None else None


def is_ref(value: object) -> bool:
    """Whether ``value`` is a reference: a raw ``$ref`` object or a loader proxy."""
    if type(value) is dict:
        return "$ref" in value
    return ref_target(value) is not None


def _definition_name(fragment: str) -> str | None:
    prefix = DEFINITIONS_PREFIX[1:]
    if fragment.startswith(prefix) and "/" not in fragment[len(prefix) :]:
        return unescape_token(fragment[len(prefix) :])
    return None


def _file_label(document: str, main_uri: str) -> str:
    """A short name for another file of the spec: its path relative to the main file's folder."""
    base = main_uri.rsplit("/", 1)[0] + "/"
    return document[len(base) :] if document.startswith(base) else document
