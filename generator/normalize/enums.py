"""Enums that are not what Swagger 2.0 (or AutoRest's x-ms-enum) says an enum is."""

from __future__ import annotations

import json
from typing import Any

from generator.diagnostics import DiagnosticSink, pointer
from generator.normalize.walk import find_objects


def _is_ref(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("$ref"), str)


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _key(value: object) -> tuple[str, object]:
    """A hashable identity for an enum value (``1``, ``1.0`` and ``True`` stay distinct)."""
    if _is_scalar(value):
        return type(value).__name__, value
    return "json", json.dumps(value, sort_keys=True)


def rewrite_enums(document: dict[str, Any], sink: DiagnosticSink) -> None:
    """Fix every ``enum`` in the document, then make same-named x-ms-enums agree."""
    holders = find_objects(document, lambda obj: isinstance(obj.get("enum"), list))
    for tokens, schema in holders:
        at = pointer(*tokens)
        if _rewrite_ref_members(schema, sink, at):
            continue
        _drop_non_scalar_members(schema, sink, at)
        _agree_with_x_ms_enum(schema, sink, at)
    _merge_same_named(holders, sink)


def _rewrite_ref_members(schema: dict[str, Any], sink: DiagnosticSink, at: str) -> bool:
    """``enum: [{$ref: A}, {$ref: B}]`` means "one of A or B": rewrite it as ``x-one-of``.

    Swagger 2.0 enum members are values, not schemas, but the 2025-02 ``method`` properties
    list ``$ref`` objects.  The rewritten schema keeps every other key except ``enum`` and
    ``type``; the IR builder turns ``x-one-of`` into a union of the referenced models.
    """
    members = schema["enum"]
    if not members or not all(_is_ref(member) for member in members):
        return False
    targets = ", ".join(member["$ref"] for member in members)
    sink.warning(
        at,
        f"enum members are $ref objects ({targets}), not values",
        "read as a union of the referenced schemas (x-one-of)",
    )
    rest = {k: v for k, v in schema.items() if k not in ("enum", "type")}
    schema.clear()
    schema["x-one-of"] = list(members)
    schema.update(rest)
    return True


def _drop_non_scalar_members(schema: dict[str, Any], sink: DiagnosticSink, at: str) -> None:
    members = schema["enum"]
    kept = [member for member in members if _is_scalar(member)]
    if len(kept) != len(members):
        sink.warning(
            at,
            f"{len(members) - len(kept)} enum member(s) are objects or lists, not values",
            "dropped them",
        )
        schema["enum"] = kept


def _x_ms_values(schema: dict[str, Any]) -> list[dict[str, Any]] | None:
    extension = schema.get("x-ms-enum")
    if not isinstance(extension, dict) or not isinstance(extension.get("values"), list):
        return None
    values = [v for v in extension["values"] if isinstance(v, dict) and "value" in v]
    return values if len(values) == len(extension["values"]) else None


def _agree_with_x_ms_enum(schema: dict[str, Any], sink: DiagnosticSink, at: str) -> None:
    """When ``enum`` and ``x-ms-enum.values`` list different values, use their union.

    Order: the ``enum`` order first, then values only ``x-ms-enum`` lists; descriptions (and
    names) come from ``x-ms-enum``.  2023-06 ``TypeDiscriminator`` documents ``deployment``
    in x-ms-enum only.  A mere difference of order is left alone.
    """
    described = _x_ms_values(schema)
    if described is None:
        return
    enum_keys = {_key(v) for v in schema["enum"]}
    x_keys = {_key(v["value"]) for v in described}
    if enum_keys == x_keys:
        return
    only_enum = [v for v in schema["enum"] if _key(v) not in x_keys]
    only_x = [v["value"] for v in described if _key(v["value"]) not in enum_keys]
    merged = list(schema["enum"]) + only_x
    by_key = {_key(v["value"]): v for v in described}
    schema["enum"] = merged
    schema["x-ms-enum"] = {
        **schema["x-ms-enum"],
        "values": [by_key.get(_key(value), {"value": value}) for value in merged],
    }
    name = schema["x-ms-enum"].get("name", "")
    sink.warning(
        at,
        f"enum and x-ms-enum {name!r} disagree: only in enum {only_enum}, "
        f"only in x-ms-enum {only_x}",
        f"both now list the union {merged} (enum order first, x-ms-enum descriptions)",
    )


def _merge_same_named(
    holders: list[tuple[tuple[str, ...], dict[str, Any]]], sink: DiagnosticSink
) -> None:
    """Places sharing an x-ms-enum name must list the same values: give them the union.

    One x-ms-enum name becomes one Python enum, so two places naming ``Purpose`` with different
    values (2025-02: file upload omits ``batch_output``) cannot both be right.  Each place gets
    every value seen under the name, in first-seen order.
    """
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for tokens, schema in holders:
        extension = schema.get("x-ms-enum")
        if isinstance(schema.get("enum"), list) and isinstance(extension, dict):
            name = extension.get("name")
            if isinstance(name, str) and name:
                groups.setdefault(name, []).append((pointer(*tokens), schema))
    for name, places in groups.items():
        union: dict[tuple[str, object], Any] = {}
        described: dict[tuple[str, object], dict[str, Any]] = {}
        for _, schema in places:
            for value in schema["enum"]:
                union.setdefault(_key(value), value)
            for item in _x_ms_values(schema) or []:
                described.setdefault(_key(item["value"]), item)
        for at, schema in places:
            present = {_key(x) for x in schema["enum"]}
            missing = [v for k, v in union.items() if k not in present]
            if not missing:
                continue
            others = [p for p, s in places if s is not schema]
            sink.warning(
                at,
                f"x-ms-enum {name!r} lacks {missing} listed under the same name at "
                f"{', '.join(others)}",
                "every place named "
                f"{name!r} now lists the union of their values (one name, one enum)",
            )
            schema["enum"] = list(union.values())
            if _x_ms_values(schema) is not None:
                schema["x-ms-enum"] = {
                    **schema["x-ms-enum"],
                    "values": [described.get(k, {"value": v}) for k, v in union.items()],
                }
