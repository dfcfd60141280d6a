"""Enums: values, x-ms-enum name/extensibility/value docs, and sharing by x-ms-enum name.

Keys: a definition's enum is keyed by its definitions key.  An inline enum with an x-ms-enum name
shares the enum already registered under that name (by key or by x-ms-enum name) when the values,
base type and extensibility agree; otherwise it is a distinct enum keyed by its context path with
the same ``enum_name``, and the naming pass resolves the class-name collision.  An inline enum
without a name is keyed by its context path (``Parent.property``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.ir import Enum, EnumValue, Primitive
from generator.ir_builder.context import BuildContext, as_mapping, child, text
from generator.ir_builder.enum_values import fit_members
from generator.ir_builder.types import primitive_of

_SCALARS = (str, int, float, bool)


def register_enum(
    ctx: BuildContext,
    schema: Mapping[str, Any],
    at: str,
    context: str,
    *,
    definition_key: str | None,
) -> str | None:
    """Register the enum of ``schema`` and return its key (None: not a usable enum)."""
    values = _values(ctx, schema, at)
    if values is None:
        return None
    x_ms_enum = as_mapping(schema.get("x-ms-enum")) or {}
    if "x-ms-enum" in schema and not as_mapping(schema.get("x-ms-enum")):
        ctx.sink.warning(child(at, "x-ms-enum"), "x-ms-enum is not an object", "ignored")
    name = x_ms_enum.get("name")
    enum_name = name if isinstance(name, str) and name else None
    extensible = x_ms_enum.get("modelAsString") is True
    base = primitive_of(ctx, schema, at) or _infer_base(values)
    documented = _documented_values(ctx, x_ms_enum, child(at, "x-ms-enum", "values"))
    members = fit_members(ctx, base, _members(ctx, values, documented, at), child(at, "enum"))
    if not members:
        ctx.sink.warning(child(at, "enum"), "no enum value fits its type", "typed by its 'type'")
        return None
    candidate = Enum(
        key="",
        class_name="",
        base=base,
        values=members,
        extensible=extensible,
        description=text(schema.get("description")),
        source_pointer=at,
        enum_name=None,
    )
    if definition_key is not None:
        key = definition_key
    else:
        shared = _find_shared(ctx, enum_name, candidate)
        if shared is not None:
            return shared
        key = enum_name if enum_name is not None and enum_name not in ctx.enums else context
        while key in ctx.enums:  # two unnamed inline enums at the same context path
            key += "_"
    ctx.enums[key] = Enum(
        key=key,
        class_name="",
        base=base,
        values=members,
        extensible=extensible,
        description=candidate.description,
        source_pointer=at,
        enum_name=enum_name if enum_name != key else None,
        declared="x-ms-enum" in schema,
    )
    return key


def _same_shape(a: Enum, b: Enum) -> bool:
    return (
        a.base == b.base
        and a.extensible == b.extensible
        and tuple(v.value for v in a.values) == tuple(v.value for v in b.values)
    )


def _find_shared(ctx: BuildContext, enum_name: str | None, candidate: Enum) -> str | None:
    """The key of an enum this inline one merges with: same x-ms-enum name and same shape."""
    if enum_name is None:
        return None
    for key in sorted(ctx.enums):
        known = ctx.enums[key]
        if (known.enum_name or known.key) == enum_name and _same_shape(known, candidate):
            return key
    return None


def _values(ctx: BuildContext, schema: Mapping[str, Any], at: str) -> list[Any] | None:
    raw = schema.get("enum")
    if not isinstance(raw, list) or not raw:
        ctx.sink.error(child(at, "enum"), "enum is not a non-empty list", "typed by its 'type'")
        return None
    values: list[Any] = []
    seen: set[Any] = set()  # equality as list membership has it: 1, 1.0 and True are one value
    for index, value in enumerate(raw):
        if value is None:
            ctx.sink.warning(child(at, "enum", index), "null enum member", "dropped")
        elif not isinstance(value, _SCALARS):
            ctx.sink.error(child(at, "enum", index), "enum member is not a scalar", "dropped")
        elif value in seen:
            ctx.sink.warning(child(at, "enum", index), f"duplicate enum value {value!r}", "dropped")
        else:
            values.append(value)
            seen.add(value)
    if not values:
        ctx.sink.error(child(at, "enum"), "enum has no usable members", "typed by its 'type'")
        return None
    return values


def _infer_base(values: list[Any]) -> Primitive:
    if all(isinstance(v, bool) for v in values):
        return Primitive.BOOLEAN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return Primitive.INTEGER
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return Primitive.NUMBER
    return Primitive.STRING


def _documented_values(
    ctx: BuildContext, x_ms_enum: Mapping[str, Any], at: str
) -> list[tuple[Any, str, str | None]]:
    """(value, description, client name) from x-ms-enum ``values``."""
    raw = x_ms_enum.get("values")
    if raw is None:
        return []
    if not isinstance(raw, list):
        ctx.sink.warning(at, "x-ms-enum values is not a list", "ignored")
        return []
    found: list[tuple[Any, str, str | None]] = []
    for index, item in enumerate(raw):
        entry = as_mapping(item)
        if entry is None or not isinstance(entry.get("value"), _SCALARS):
            ctx.sink.warning(child(at, index), "x-ms-enum value entry without a value", "ignored")
            continue
        name = entry.get("name")
        found.append(
            (
                entry["value"],
                text(entry.get("description")),
                name if isinstance(name, str) else None,
            )
        )
    return found


def _members(
    ctx: BuildContext,
    values: list[Any],
    documented: list[tuple[Any, str, str | None]],
    at: str,
) -> tuple[EnumValue, ...]:
    """Members in ``enum`` order, then values only x-ms-enum lists (AutoRest keeps those too)."""
    docs = {value: (description, name) for value, description, name in documented}
    members = [EnumValue(v, "", *docs.get(v, ("", None))) for v in values]
    listed = set(values)
    for value, description, name in documented:
        if value not in listed:
            ctx.sink.warning(
                child(at, "x-ms-enum", "values"),
                f"x-ms-enum documents value {value!r} that 'enum' does not list",
                "kept as a member",
            )
            values.append(value)
            listed.add(value)
            members.append(EnumValue(value, "", description, name))
    return tuple(members)
