"""Properties a subtype declares again: an enum narrowed back to its plain type keeps the enum.

Under ``allOf`` a value must satisfy the parent and the subtype at once, so when a subtype
redeclares a property its parent types as an enum (``role: enum [user, assistant, ...]``) with
just the enum's base type (``role: string``), the enum is what actually holds.  Taken naively,
the subtype's class would widen an inherited field, which typed Python rejects; instead the
subtype keeps the parent's enum (its own description and required flag stay), with a warning.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ir import EnumRef, Model, PrimitiveType, Property
from generator.ir_builder.context import BuildContext


def keep_inherited_enums(ctx: BuildContext) -> None:
    """Give every redeclared property the parent's enum when the subtype only restates its base."""
    for key in sorted(ctx.models):
        model = ctx.models[key]
        inherited = _inherited(ctx, model, set())
        changed = False
        properties: list[Property] = []
        for prop in model.properties:
            parent = inherited.get(prop.wire_name)
            if parent is not None and _widens_enum(ctx, parent, prop):
                ctx.sink.warning(
                    model.source_pointer,
                    f"property {prop.wire_name!r} is redeclared as a plain "
                    f"{_base(ctx, parent)} where a parent has an enum",
                    "the enum is kept (allOf: both hold)",
                )
                prop = replace(prop, type=parent.type)
                changed = True
            properties.append(prop)
        if changed:
            ctx.models[key] = replace(model, properties=tuple(properties))


def _inherited(ctx: BuildContext, model: Model, seen: set[str]) -> dict[str, Property]:
    found: dict[str, Property] = {}
    for parent_key in model.parents:
        parent = ctx.models.get(parent_key)
        if parent is None or parent_key in seen:
            continue
        seen.add(parent_key)
        for wire_name, prop in _inherited(ctx, parent, seen).items():
            found.setdefault(wire_name, prop)
        for prop in parent.properties:
            found[prop.wire_name] = prop
    return found


def _widens_enum(ctx: BuildContext, parent: Property, own: Property) -> bool:
    if not isinstance(parent.type, EnumRef) or not isinstance(own.type, PrimitiveType):
        return False
    enum = ctx.enums.get(parent.type.key)
    return enum is not None and enum.base is own.type.primitive


def _base(ctx: BuildContext, parent: Property) -> str:
    assert isinstance(parent.type, EnumRef)
    return ctx.enums[parent.type.key].base.value


__all__ = ["keep_inherited_enums"]
