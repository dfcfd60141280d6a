"""OpenAPI 3 Schema Objects -> the Swagger 2.0 schema dialect the IR builder reads.

Most keywords mean the same in both and are copied.  The differences:

- ``oneOf`` / ``anyOf`` become ``x-one-of`` (the builder's union); a ``{type: "null"}`` member
  (3.1) makes the schema nullable instead.
- ``nullable: true`` (3.0) and a ``"null"`` entry in a ``type`` array (3.1) become
  ``x-nullable``; a ``type`` array with several other types becomes a union of them.
- ``discriminator: {propertyName, mapping}`` becomes Swagger's ``discriminator: propertyName``;
  the mapping is applied to the named subtypes afterwards (:mod:`.discriminators`).
- ``writeOnly: true`` becomes Azure's ``x-ms-mutability: [create, update]``.
- 3.1's ``const`` becomes a one-value ``enum``; a numeric ``exclusiveMinimum``/``Maximum``
  becomes the bound plus the 2.0 flag.
- ``example``, ``examples``, ``externalDocs``, ``xml``, ``deprecated`` and the JSON Schema
  bookkeeping keys are documentation for other tools and are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.openapi3.context import Lowering, child, copied

_DROPPED = frozenset(
    {
        "example",
        "examples",
        "externalDocs",
        "xml",
        "deprecated",
        "$schema",
        "$id",
        "$anchor",
        "$comment",
        "$defs",
        "contentMediaType",
        "contentEncoding",
    }
)
_NESTED = ("items", "additionalProperties", "not")


def lower_schema(low: Lowering, node: object, lat: str, oat: str) -> Any:
    """The Swagger form of the schema ``node`` found at ``oat``, to be written at ``lat``."""
    low.moved(lat, oat)
    if not isinstance(node, Mapping):
        return node  # the builder reports schemas that are not objects
    if "$ref" in node:
        return _reference(low, node, lat, oat)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED:
            continue
        if key == "properties" and isinstance(value, Mapping):
            out[key] = {
                name: lower_schema(low, sub, child(lat, key, name), child(oat, key, name))
                for name, sub in value.items()
            }
        elif key in _NESTED and isinstance(value, Mapping):
            out[key] = lower_schema(low, value, child(lat, key), child(oat, key))
        elif key == "allOf" and isinstance(value, list):
            out[key] = [
                lower_schema(low, sub, child(lat, key, i), child(oat, key, i))
                for i, sub in enumerate(value)
            ]
        elif key in ("oneOf", "anyOf") and isinstance(value, list):
            continue  # below, once the other keys are known
        elif key == "nullable":
            if value is True:
                out["x-nullable"] = True
                low.moved(child(lat, "x-nullable"), child(oat, key))
        elif key == "type" and isinstance(value, list):
            _type_list(low, value, out, lat, oat)
        elif key == "discriminator" and isinstance(value, Mapping):
            _discriminator(low, value, out, lat, oat)
        elif key == "writeOnly":
            if value is True and "x-ms-mutability" not in node:
                out["x-ms-mutability"] = ["create", "update"]
                low.moved(child(lat, "x-ms-mutability"), child(oat, key))
        elif key == "const" and low.v31:
            out["enum"] = [copied(value)]
            low.moved(child(lat, "enum"), child(oat, key))
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and not isinstance(value, bool):
            bound = "minimum" if key == "exclusiveMinimum" else "maximum"
            out[bound], out[key] = copied(value), True
            low.moved(child(lat, bound), child(oat, key))
        else:
            out[key] = copied(value)
    for key in ("oneOf", "anyOf"):
        if isinstance(node.get(key), list):
            _alternatives(low, node[key], out, lat, child(oat, key))
    return out


def _reference(low: Lowering, node: Mapping[str, Any], lat: str, oat: str) -> dict[str, Any]:
    """A ``$ref`` (3.1 allows keywords beside it; 3.0 tools keep a description there)."""
    out: dict[str, Any] = {"$ref": low.ref(node["$ref"])}
    siblings = {k: v for k, v in node.items() if k != "$ref"}
    if not siblings:
        return out
    lowered = lower_schema(low, siblings, lat, oat)
    if isinstance(lowered, dict):
        out.update(lowered)
    return out


def _type_list(low: Lowering, types: list[Any], out: dict[str, Any], lat: str, oat: str) -> None:
    """3.1 ``type: [a, b, "null"]``: nullable, and a union when several types remain."""
    names = [t for t in types if isinstance(t, str)]
    if "null" in names:
        out["x-nullable"] = True
    rest = [t for t in dict.fromkeys(names) if t != "null"]
    if len(rest) == 1:
        out["type"] = rest[0]
    elif len(rest) > 1:
        out["x-one-of"] = [{"type": t} for t in rest]
        low.moved(child(lat, "x-one-of"), child(oat, "type"))
    else:
        low.sink.warning(child(oat, "type"), "type allows only null", "typed as any")


def _discriminator(
    low: Lowering, value: Mapping[str, Any], out: dict[str, Any], lat: str, oat: str
) -> None:
    name = value.get("propertyName")
    if not isinstance(name, str):
        low.sink.error(child(oat, "discriminator"), "discriminator has no propertyName", "ignored")
        return
    out["discriminator"] = name
    mapping = value.get("mapping")
    if isinstance(mapping, Mapping) and mapping:
        low.mappings.append((child(oat, "discriminator", "mapping"), mapping))


def _alternatives(
    low: Lowering, members: list[Any], out: dict[str, Any], lat: str, oat: str
) -> None:
    """``oneOf``/``anyOf``: a union; null members make it nullable; one member stands alone."""
    kept: list[Any] = []
    for index, member in enumerate(members):
        if isinstance(member, Mapping) and member.get("type") == "null" and len(member) == 1:
            out["x-nullable"] = True
            continue
        member_lat = child(lat, "x-one-of", len(kept))
        kept.append(lower_schema(low, member, member_lat, child(oat, index)))
    if not kept:
        return
    if len(kept) > 1 or "x-one-of" in out:
        out["x-one-of"] = [*out.get("x-one-of", []), *kept]
        out.pop("discriminator", None)  # the members tell themselves apart; no root to link
        return
    only = kept[0]
    low.moved(child(lat, "allOf", 0), child(oat, 0))
    if isinstance(only, Mapping) and "$ref" in only and len(only) == 1:
        out["allOf"] = [*out.get("allOf", []), only]  # the builder's "$ref with docs" wrapper
    elif isinstance(only, Mapping):
        for key, value in only.items():
            out.setdefault(key, value)


__all__ = ["lower_schema"]
