"""Object schemas -> :class:`Model`: properties, allOf inheritance, discriminators.

``allOf`` members that are ``$ref`` to object definitions become parents; inline members are
merged into the model's own properties (that is how Azure specs spell "the subtype adds these
fields").  Discriminator subtype maps are filled in after every model exists, because a root does
not list its subtypes: each subtype names its root through allOf.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.ir import Discriminator, Model, Property, TypeRef, UnionType
from generator.ir_builder.context import BuildContext, as_mapping, child, is_ref, text
from generator.ir_builder.types import (
    additional_properties,
    constraints_of,
    default_of,
    type_of,
)

_OBJECT_KEYS = ("properties", "allOf", "discriminator")


def is_object_schema(schema: Mapping[str, Any]) -> bool:
    """Whether ``schema`` describes an object with named fields (a model, not a map)."""
    return any(key in schema for key in _OBJECT_KEYS)


def register_inline_model(
    ctx: BuildContext, schema: Mapping[str, Any], at: str, context: str
) -> str:
    """Build the model for an inline object schema; return its (context-path) key."""
    if at in ctx.inline_keys:
        return ctx.inline_keys[at]
    key = context
    while key in ctx.models or key in ctx.pending or key in ctx.definitions:
        key += "_"
    ctx.inline_keys[at] = key
    build_model(ctx, key, schema, at, inline=True)
    return key


def build_model(
    ctx: BuildContext, key: str, schema: Mapping[str, Any], at: str, *, inline: bool
) -> None:
    """Build and register the model ``key`` from ``schema`` found at ``at``."""
    if key in ctx.models or key in ctx.pending:
        return
    ctx.pending.add(key)
    parents: list[str] = []
    sources: list[tuple[Mapping[str, Any], str]] = [(schema, at)]
    required = _required(ctx, schema, at)
    all_of = schema.get("allOf")
    if all_of is not None and not isinstance(all_of, list):
        ctx.sink.error(child(at, "allOf"), "allOf is not a list", "ignored")
        all_of = []
    for index, member in enumerate(all_of or []):
        member_at = child(at, "allOf", index)
        member_map = as_mapping(member)
        if member_map is None:
            ctx.sink.error(member_at, "allOf member is not an object", "ignored")
            continue
        if is_ref(member_map):
            parent = _parent_key(ctx, member_map, member_at)
            if parent is not None and parent not in parents:
                parents.append(parent)
            continue
        sources.append((member_map, member_at))
        required |= _required(ctx, member_map, member_at)
    properties: list[Property] = []
    seen: set[str] = set()
    alternatives = _contradictory(ctx, parents)
    if alternatives is not None:
        ctx.sink.warning(
            child(at, "allOf"),
            f"allOf members cannot all hold at once ({alternatives[0]})",
            "read as one of them: no parents; a property some member requires is optional,"
            " and one typed differently is typed as either",
        )
        parents = []
        properties.extend(alternatives[1])
        seen.update(p.wire_name for p in alternatives[1])
    for source, source_at in sources:
        for prop in _properties(ctx, key, source, source_at, required):
            if prop.wire_name in seen:
                ctx.sink.warning(
                    source_at, f"property {prop.wire_name!r} declared twice", "first one kept"
                )
                continue
            seen.add(prop.wire_name)
            properties.append(prop)
    discriminator = schema.get("discriminator")
    if discriminator is not None and not isinstance(discriminator, str):
        ctx.sink.error(child(at, "discriminator"), "discriminator is not a string", "ignored")
        discriminator = None
    value = schema.get("x-ms-discriminator-value")
    if value is not None and not isinstance(value, str):
        ctx.sink.error(
            child(at, "x-ms-discriminator-value"), "discriminator value is not a string", "ignored"
        )
        value = None
    extra = None
    for source, source_at in sources:
        extra = extra or additional_properties(ctx, source, source_at, key)
    ctx.models[key] = Model(
        key=key,
        class_name="",
        properties=tuple(properties),
        description=text(schema.get("description")),
        parents=tuple(parents),
        discriminator=Discriminator(discriminator, ()) if discriminator else None,
        discriminator_value=value,
        additional_properties=extra,
        inline=inline,
        source_pointer=at,
        read_only=schema.get("readOnly") is True,
    )
    ctx.pending.discard(key)


def _contradictory(ctx: BuildContext, parents: list[str]) -> tuple[str, list[Property]] | None:
    """(why, merged properties) when the allOf parents contradict each other, else None.

    Parents contradict when one property is typed differently in two of them (AutoRest
    specs use such an ``allOf`` to list alternatives).  The merged properties accept a payload
    valid for any member: each property once, required only where every member requires it,
    typed as the union of the members' types.
    """
    from generator.ir_builder.behaviours import all_properties
    from generator.ir_builder.definitions import reference

    if len(parents) < 2:
        return None
    members: list[dict[str, Property]] = []
    for key in parents:
        if key in ctx.pending:
            return None  # recursion through this model: keep the parents as declared
        found = ctx.definition_schema(key)
        if found is not None and key not in ctx.models:
            build_model(ctx, key, found[0], found[1], inline=False)
        reference(ctx, key)
        members.append({p.wire_name: p for p in all_properties(ctx, key)})
    why = None
    names = sorted({name for member in members for name in member})
    merged: list[Property] = []
    for name in names:
        present = [member[name] for member in members if name in member]
        types: list[TypeRef] = []
        for prop in present:
            if prop.type not in types:
                types.append(prop.type)
        if len(types) > 1 and why is None:
            why = f"property {name!r} has {len(types)} types"
        required = len(present) == len(members) and all(p.required for p in present)
        chosen = types[0] if len(types) == 1 else UnionType(tuple(types))
        merged.append(replace(present[0], type=chosen, required=required))
    return (why, merged) if why is not None else None


def _required(ctx: BuildContext, schema: Mapping[str, Any], at: str) -> set[str]:
    raw = schema.get("required", [])
    if not isinstance(raw, list) or not all(isinstance(name, str) for name in raw):
        ctx.sink.warning(child(at, "required"), "required is not a list of names", "ignored")
        return set()
    return set(raw)


def _parent_key(ctx: BuildContext, member: Mapping[str, Any], at: str) -> str | None:
    from generator.ir_builder.definitions import classify, reference

    resolved = ctx.resolve(member, at)
    if resolved.value is None:
        return None
    if resolved.definition is None or classify(resolved.value) != "model":
        ctx.sink.error(at, "allOf $ref does not name an object definition", "parent ignored")
        return None
    reference(ctx, resolved.definition)  # a parent in another file is built like any use of it
    return resolved.definition


def _properties(
    ctx: BuildContext,
    model_key: str,
    schema: Mapping[str, Any],
    at: str,
    required: set[str],
) -> list[Property]:
    raw = schema.get("properties")
    if raw is None:
        return []
    props = as_mapping(raw)
    if props is None:
        ctx.sink.error(child(at, "properties"), "properties is not an object", "ignored")
        return []
    found: list[Property] = []
    for wire_name, prop_schema in props.items():
        prop_at = child(at, "properties", wire_name)
        local = as_mapping(prop_schema)
        if local is None:
            ctx.sink.error(prop_at, "property schema is not an object", "property skipped")
            continue
        prop_type = type_of(ctx, local, prop_at, f"{model_key}.{wire_name}")
        target: Mapping[str, Any] = {}
        if is_ref(local):  # facts about the property are the keys beside the $ref
            resolved = ctx.resolve(local, prop_at)
            target = resolved.value or {}
            local = resolved.siblings
        description = text(local.get("description")) or text(target.get("description"))
        default = default_of(ctx, local, prop_at)
        if default is None and target and not is_object_schema(target):
            default = default_of(ctx, target, prop_at)
        client_name = local.get("x-ms-client-name")
        mutability = local.get("x-ms-mutability")
        found.append(
            Property(
                wire_name=wire_name,
                py_name="",
                type=prop_type,
                required=wire_name in required,
                read_only=local.get("readOnly") is True,
                nullable=local.get("x-nullable") is True or target.get("x-nullable") is True,
                default=default,
                description=description,
                constraints=constraints_of(ctx, local, prop_at),
                client_name=client_name if isinstance(client_name, str) and client_name else None,
                mutability=(
                    tuple(sorted({m for m in mutability if isinstance(m, str)}))
                    if isinstance(mutability, list)
                    else ()
                ),
                client_flatten=local.get("x-ms-client-flatten") is True,
            )
        )
    return found


def link_hierarchy(ctx: BuildContext) -> None:
    """Drop inheritance cycles, then fill discriminator subtype maps and subtype values."""
    for key in sorted(ctx.models):
        if _reaches(ctx, key, key, set()):
            model = ctx.models[key]
            ctx.sink.error(model.source_pointer, "allOf inheritance cycle", "parents dropped")
            ctx.models[key] = replace(model, parents=())
    for root_key in sorted(ctx.models):
        root = ctx.models[root_key]
        if root.discriminator is None:
            continue
        if not any(p.wire_name == root.discriminator.property_wire_name for p in root.properties):
            ctx.sink.warning(
                child(root.source_pointer, "discriminator"),
                f"discriminator {root.discriminator.property_wire_name!r} is not a property",
                "kept; subtypes are still told apart by it",
            )
        subtypes: dict[str, str] = {}
        if root.discriminator_value is not None:
            subtypes[root.discriminator_value] = root_key
        for key in sorted(ctx.models):
            if key == root_key or not _reaches(ctx, key, root_key, set()):
                continue
            model = ctx.models[key]
            value = model.discriminator_value
            if value is None:
                value = key
                ctx.sink.warning(
                    model.source_pointer,
                    f"subtype of {root_key!r} has no x-ms-discriminator-value",
                    f"its key {key!r} is used as the value (Swagger's rule)",
                )
                ctx.models[key] = replace(model, discriminator_value=value)
            if value in subtypes:
                ctx.sink.error(
                    model.source_pointer,
                    f"discriminator value {value!r} already names {subtypes[value]!r}",
                    "this subtype is not reachable by the discriminator",
                )
                continue
            subtypes[value] = key
        ctx.models[root_key] = replace(
            root,
            discriminator=Discriminator(
                root.discriminator.property_wire_name, tuple(sorted(subtypes.items()))
            ),
        )


def _reaches(ctx: BuildContext, key: str, target: str, seen: set[str]) -> bool:
    """Whether ``target`` is a (transitive) parent of ``key``."""
    model = ctx.models.get(key)
    if model is None:
        return False
    for parent in model.parents:
        if parent == target:
            return True
        if parent not in seen:
            seen.add(parent)
            if _reaches(ctx, parent, target, seen):
                return True
    return False
