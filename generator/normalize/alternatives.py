"""``allOf`` lists that no value can satisfy: alternatives, written as ``x-one-of``.

``allOf`` means "all of these at once".  Some emitters write it where they mean "one of these"
(TypeSpec's OpenAPI 3 output does, e.g. ``testing_criteria.items: {allOf: [LabelModelGrader,
StringCheckGrader, ...]}``).  Read naively, that is a model inheriting from every alternative.
When the members contradict each other -- they declare different JSON types (a string and an
object), or each requires the same property with a disjoint ``enum`` (``type: label_model`` vs
``type: string_check``) -- no value could match them all, so the list can only mean
alternatives: it is rewritten as the ``x-one-of`` union, with a warning.  Compatible members
(a parent plus added properties, or several mixins) are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations
from typing import Any

from generator.diagnostics import DiagnosticSink, pointer
from generator.normalize.walk import find_objects

_DEFINITIONS = "#/definitions/"


def rewrite_contradictory_all_of(document: dict[str, Any], sink: DiagnosticSink) -> None:
    """Turn every self-contradictory ``allOf`` into ``x-one-of``, one warning each."""
    definitions = document.get("definitions")
    known: Mapping[str, Any] = definitions if isinstance(definitions, dict) else {}
    holders = find_objects(document, lambda obj: _many(obj.get("allOf")))
    for tokens, schema in holders:
        members = [_target(member, known) for member in schema["allOf"]]
        reason = _contradiction(members)
        if reason is None:
            continue
        sink.warning(
            pointer(*tokens, "allOf"),
            f"allOf members cannot all hold ({reason})",
            "read as alternatives (one of them)",
        )
        schema["x-one-of"] = schema.pop("allOf")
        if schema.get("type") == "object":
            del schema["type"]


def _many(value: object) -> bool:
    return isinstance(value, list) and len(value) > 1


def _target(member: object, definitions: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema a member stands for (a local definition is looked up, one hop)."""
    if not isinstance(member, Mapping):
        return {}
    ref = member.get("$ref")
    if isinstance(ref, str) and ref.startswith(_DEFINITIONS):
        found = definitions.get(ref[len(_DEFINITIONS) :].replace("~1", "/").replace("~0", "~"))
        return found if isinstance(found, Mapping) else {}
    return member


def _json_type(schema: Mapping[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, str):
        return kind
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    return None


def _fixed_values(schema: Mapping[str, Any]) -> dict[str, set[str]]:
    """Required properties restricted to an enum: name -> its allowed values (as JSON text)."""
    properties = schema.get("properties")
    required = schema.get("required")
    if not isinstance(properties, Mapping) or not isinstance(required, list):
        return {}
    fixed: dict[str, set[str]] = {}
    for name in required:
        prop = properties.get(name) if isinstance(name, str) else None
        if isinstance(prop, Mapping) and isinstance(prop.get("enum"), list) and prop["enum"]:
            fixed[name] = {repr(value) for value in prop["enum"]}
    return fixed


def _contradiction(members: list[Mapping[str, Any]]) -> str | None:
    """Why the members cannot all hold at once, or None when they can."""
    types = {t for t in (_json_type(m) for m in members) if t is not None}
    if len(types) > 1:
        return "they are of types " + ", ".join(sorted(types))
    for first, second in combinations(members, 2):
        a, b = _fixed_values(first), _fixed_values(second)
        for name in sorted(a.keys() & b.keys()):
            if not a[name] & b[name]:
                return f"they require different values of {name!r}"
    return None


__all__ = ["rewrite_contradictory_all_of"]
