"""Schema -> :data:`TypeRef`: primitives with formats, arrays, maps, references, unions, any.

A ``$ref`` to a definition becomes a reference by key (``ModelRef``/``EnumRef``); a definition
that is neither an object nor an enum (an array, a primitive) is an alias and its type is used in
place.  Inline objects and inline enums are registered under a context key (``Parent.property``)
and referenced the same way, so the renderer never sees a schema twice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from generator.ir import (
    NO_CONSTRAINTS,
    AnyType,
    ArrayType,
    Constraints,
    Default,
    EnumRef,
    JsonValue,
    MapType,
    ModelRef,
    Primitive,
    PrimitiveType,
    TypeRef,
    UnionType,
)
from generator.ir_builder.context import (
    DEFINITIONS_PREFIX,
    BuildContext,
    as_mapping,
    child,
    is_ref,
    unescape_token,
)

_STRING_FORMATS = {
    None: Primitive.STRING,
    "date-time": Primitive.DATE_TIME,
    "date": Primitive.DATE,
    "byte": Primitive.BYTE,
    "binary": Primitive.BINARY,
    "file": Primitive.FILE,
    "url": Primitive.URL,
    "uri": Primitive.URL,
    "uuid": Primitive.UUID,
    "duration": Primitive.DURATION,
    "password": Primitive.PASSWORD,
    "unixtime": Primitive.UNIX_TIME,
    "date-time-rfc1123": Primitive.DATE_TIME_RFC1123,
    "time": Primitive.TIME,
    "base64url": Primitive.BASE64URL,
}
_INTEGER_FORMATS = {
    None: Primitive.INTEGER,
    "int32": Primitive.INT32,
    "int64": Primitive.INT64,
    "unixtime": Primitive.UNIX_TIME,
}
_NUMBER_FORMATS = {
    None: Primitive.NUMBER,
    "float": Primitive.FLOAT,
    "double": Primitive.DOUBLE,
    "decimal": Primitive.DECIMAL,
    "int32": Primitive.INT32,
    "int64": Primitive.INT64,
}
_FALLBACK = {
    "string": Primitive.STRING,
    "integer": Primitive.INTEGER,
    "number": Primitive.NUMBER,
}

ANY = AnyType()


def primitive_of(ctx: BuildContext, schema: Mapping[str, Any], at: str) -> Primitive | None:
    """The primitive named by ``type`` + ``format``, or None when the type is not scalar."""
    kind = schema.get("type")
    fmt = schema.get("format")
    if fmt is not None and not isinstance(fmt, str):
        ctx.sink.warning(child(at, "format"), "format is not a string", "ignored")
        fmt = None
    if kind == "boolean":
        return Primitive.BOOLEAN
    if kind == "file":
        return Primitive.FILE
    table = {"string": _STRING_FORMATS, "integer": _INTEGER_FORMATS, "number": _NUMBER_FORMATS}
    if not isinstance(kind, str) or kind not in table:
        return None
    found = table[kind].get(fmt)
    if found is None:
        ctx.sink.warning(
            child(at, "format"),
            f"format {fmt!r} is not known for type {kind!r}",
            f"treated as plain {kind}",
        )
        return _FALLBACK[kind]
    return found


def type_of(ctx: BuildContext, schema: object, at: str, context: str) -> TypeRef:
    """The type of ``schema`` found at pointer ``at``; ``context`` names inline schemas."""
    local = as_mapping(schema)
    if local is None:
        ctx.sink.error(at, "schema is not an object", "typed as any")
        return ANY
    if is_ref(local):
        return _referenced_type(ctx, local, at)
    return inline_type(ctx, local, at, context)


def _referenced_type(ctx: BuildContext, local: Mapping[str, Any], at: str) -> TypeRef:
    from generator.ir_builder import definitions

    resolved = ctx.resolve(local, at)
    if resolved.value is None:
        return ANY
    if resolved.definition is not None:
        return definitions.reference(ctx, resolved.definition)
    # a $ref to something that is not a definition (e.g. #/parameters/x/schema): type it in place
    return inline_type(ctx, resolved.value, resolved.at, resolved.at.rsplit("/", 1)[-1])


def inline_type(ctx: BuildContext, schema: Mapping[str, Any], at: str, context: str) -> TypeRef:
    """The type of a schema written in place (not a ``$ref``)."""
    from generator.ir_builder import enums, models

    wrapped = _single_all_of(schema)
    if wrapped is not None:  # {allOf: [{$ref}], description: ...}: the referenced type
        return type_of(ctx, wrapped, child(at, "allOf", 0), context)
    if "x-one-of" in schema:
        return _union(ctx, schema["x-one-of"], child(at, "x-one-of"), context)
    if "enum" in schema:
        key = enums.register_enum(ctx, schema, at, context, definition_key=None)
        return EnumRef(key) if key is not None else _plain(ctx, schema, at, context)
    return _plain(ctx, schema, at, context, models.is_object_schema(schema))


_WRAPPER_KEYS = frozenset(
    {"allOf", "description", "title", "readOnly", "x-nullable", "default", "type", "example"}
)


def _single_all_of(schema: Mapping[str, Any]) -> object | None:
    """The member of an inline ``allOf`` that only wraps one ``$ref`` to add docs, else None."""
    members = schema.get("allOf")
    if not isinstance(members, list) or len(members) != 1 or not is_ref(members[0]):
        return None
    if any(key not in _WRAPPER_KEYS for key in schema) or schema.get("type", "object") != "object":
        return None
    member: object = members[0]
    return member


def _plain(
    ctx: BuildContext, schema: Mapping[str, Any], at: str, context: str, is_object: bool = False
) -> TypeRef:
    from generator.ir_builder import models

    if is_object:
        return ModelRef(models.register_inline_model(ctx, schema, at, context))
    kind = schema.get("type")
    if kind == "array":
        if "items" not in schema:
            ctx.sink.warning(at, "array without 'items'", "items typed as any")
            return ArrayType(ANY)
        items = schema["items"]
        return ArrayType(
            type_of(ctx, items, child(at, "items"), context + ".item"),
            nullable_items=x_nullable(ctx, items),
        )
    if kind == "object" or (kind is None and "additionalProperties" in schema):
        values = additional_properties(ctx, schema, at, context)
        if values is None:
            return ANY
        return MapType(values, nullable_values=x_nullable(ctx, schema["additionalProperties"]))
    if kind is None:
        return ANY
    primitive = primitive_of(ctx, schema, at)
    if primitive is None:
        ctx.sink.error(child(at, "type"), f"unknown type {kind!r}", "typed as any")
        return ANY
    return PrimitiveType(primitive)


def x_nullable(ctx: BuildContext, schema: object) -> bool:
    """Whether ``schema`` (an items or values schema) says ``x-nullable: true``, beside its
    ``$ref`` or on the definition it names (a broken reference is reported elsewhere)."""
    local = as_mapping(schema)
    if local is None:
        return False
    if local.get("x-nullable") is True:
        return True
    ref = local.get("$ref")
    if isinstance(ref, str) and ref.startswith(DEFINITIONS_PREFIX):
        found = ctx.definition_schema(unescape_token(ref[len(DEFINITIONS_PREFIX) :]))
        return found is not None and found[0].get("x-nullable") is True
    return False


def additional_properties(
    ctx: BuildContext, schema: Mapping[str, Any], at: str, context: str
) -> TypeRef | None:
    """The value type of ``additionalProperties`` (None when absent or false)."""
    extra = schema.get("additionalProperties")
    if extra is None or extra is False:
        return None
    if extra is True:
        return ANY
    return type_of(ctx, extra, child(at, "additionalProperties"), context + ".value")


def _union(ctx: BuildContext, members: object, at: str, context: str) -> TypeRef:
    if not isinstance(members, list) or not members:
        ctx.sink.error(at, "x-one-of is not a non-empty list", "typed as any")
        return ANY
    types: list[TypeRef] = []
    for index, member in enumerate(members):
        member_type = type_of(ctx, member, child(at, index), f"{context}.option{index + 1}")
        if member_type not in types:
            types.append(member_type)
    return types[0] if len(types) == 1 else UnionType(tuple(types))


def constraints_of(ctx: BuildContext, schema: Mapping[str, Any], at: str) -> Constraints:
    """Validation keywords of ``schema``; malformed ones are reported and dropped."""
    found: dict[str, Any] = {}
    numbers = {"minimum": "minimum", "maximum": "maximum"}
    counts = {
        "minLength": "min_length",
        "maxLength": "max_length",
        "minItems": "min_items",
        "maxItems": "max_items",
    }
    flags = {
        "exclusiveMinimum": "exclusive_minimum",
        "exclusiveMaximum": "exclusive_maximum",
        "uniqueItems": "unique_items",
    }
    for key, name in numbers.items():
        if key in schema:
            value = schema[key]
            if isinstance(value, int | float) and not isinstance(value, bool):
                number = _as_float(value)
                if number is None:
                    ctx.sink.warning(child(at, key), f"{key} is too large for a float", "ignored")
                else:
                    found[name] = number
            else:
                ctx.sink.warning(child(at, key), f"{key} is not a number", "ignored")
    for key, name in counts.items():
        if key in schema:
            value = schema[key]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                found[name] = value
            else:
                ctx.sink.warning(child(at, key), f"{key} is not a non-negative integer", "ignored")
    for key, name in flags.items():
        if key in schema:
            if isinstance(schema[key], bool):
                found[name] = schema[key]
            else:
                ctx.sink.warning(child(at, key), f"{key} is not a boolean", "ignored")
    if "pattern" in schema:
        if isinstance(schema["pattern"], str):
            found["pattern"] = schema["pattern"]
        else:
            ctx.sink.warning(child(at, "pattern"), "pattern is not a string", "ignored")
    return Constraints(**found) if found else NO_CONSTRAINTS


def _as_float(value: int | float) -> float | None:
    """``value`` as a finite float, or None when it has none (a 400-digit integer)."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def json_value(value: object) -> JsonValue | None:
    """``value`` when it is plain JSON data (as YAML may give dates etc.), else None."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        items = [json_value(item) for item in value]
        lost = any(i is None and o is not None for i, o in zip(items, value, strict=True))
        return None if lost else items
    if isinstance(value, Mapping) and all(isinstance(k, str) for k in value):
        converted = {k: json_value(v) for k, v in value.items()}
        if any(converted[k] is None and value[k] is not None for k in value):
            return None
        return converted
    return None


def default_of(ctx: BuildContext, schema: Mapping[str, Any], at: str) -> Default | None:
    """The ``default`` of ``schema`` wrapped in :class:`Default`, or None when it has none."""
    if "default" not in schema:
        return None
    raw = schema["default"]
    value = json_value(raw)
    if value is None and raw is not None:
        ctx.sink.warning(child(at, "default"), "default is not JSON data", "ignored")
        return None
    return Default(value)
