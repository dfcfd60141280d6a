"""The ``definitions`` section: each key becomes exactly one model, enum or alias.

Enums are registered first (all of them), so an inline enum elsewhere that shares an x-ms-enum
name finds the definition's enum instead of claiming the name.  Then every object definition
becomes a model and every other definition (array, primitive, union) an alias whose type is used
in place wherever it is referenced.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.ir import Alias, AnyType, EnumRef, ModelRef, TypeRef
from generator.ir_builder.context import BuildContext, as_mapping, child, text

DEFINITIONS_AT = "/definitions"


def classify(schema: Mapping[str, Any]) -> str:
    """``"enum"``, ``"model"`` or ``"alias"`` for a definition's schema."""
    from generator.ir_builder.models import is_object_schema

    if "enum" in schema and "x-one-of" not in schema:
        return "enum"
    if is_object_schema(schema) or (
        schema.get("type") == "object" and "additionalProperties" not in schema
    ):
        return "model"
    return "alias"


def reference(ctx: BuildContext, key: str) -> TypeRef:
    """The type a ``$ref`` to definition ``key`` (of this file or another) stands for."""
    from generator.ir_builder.enums import register_enum
    from generator.ir_builder.models import build_model

    found = ctx.definition_schema(key)
    if found is None:
        return AnyType()
    schema, at = found
    kind = classify(schema)
    if kind == "enum":
        if key not in ctx.enums and key in ctx.external:
            register_enum(ctx, schema, at, key, definition_key=key)
        return EnumRef(key) if key in ctx.enums else _alias_type(ctx, key, schema, at)
    if kind == "model":
        if key in ctx.external:
            build_model(ctx, key, schema, at, inline=False)
        return ModelRef(key)
    return _alias_type(ctx, key, schema, at)


def _alias_type(ctx: BuildContext, key: str, schema: Mapping[str, Any], at: str) -> TypeRef:
    from generator.ir_builder.types import inline_type

    if key in ctx.aliases:
        return ctx.aliases[key].type
    if key in ctx.pending:
        ctx.sink.error(at, f"definition {key!r} is defined in terms of itself", "typed as any")
        return AnyType()
    ctx.pending.add(key)
    target = inline_type(ctx, schema, at, key)
    ctx.pending.discard(key)
    ctx.aliases[key] = Alias(
        key=key,
        class_name="",
        type=target,
        description=text(schema.get("description")),
        source_pointer=at,
    )
    return target


def build_definitions(ctx: BuildContext) -> None:
    """Register every definition: enums first, then models and aliases, in key order."""
    from generator.ir_builder.enums import register_enum
    from generator.ir_builder.models import build_model

    raw_definitions = ctx.raw.get("definitions")
    if raw_definitions is not None and as_mapping(raw_definitions) is None:
        ctx.sink.error(DEFINITIONS_AT, "definitions is not an object", "ignored")
    keys = sorted(ctx.definitions)
    schemas: dict[str, Mapping[str, Any]] = {}
    for key in keys:
        schema = as_mapping(ctx.definitions[key])
        if schema is None:
            ctx.sink.error(child(DEFINITIONS_AT, key), "definition is not an object", "skipped")
            continue
        schemas[key] = schema
    for key, schema in schemas.items():
        if classify(schema) == "enum":
            register_enum(ctx, schema, child(DEFINITIONS_AT, key), key, definition_key=key)
    for key, schema in schemas.items():
        kind = classify(schema)
        if kind == "model":
            build_model(ctx, key, schema, child(DEFINITIONS_AT, key), inline=False)
        elif kind == "alias" or key not in ctx.enums:
            _alias_type(ctx, key, schema, child(DEFINITIONS_AT, key))
