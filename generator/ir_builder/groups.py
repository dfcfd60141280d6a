"""``x-ms-parameter-grouping``: operation parameters gathered into one model argument.

AutoRest's rule names the group: the extension's ``name`` when given, else the operationId's
group and method followed by the ``postfix`` (``Parameters`` when there is none).  Each group is
a model whose properties are its members (registered once, members of every operation that
shares it merged), and every member parameter records the group's key so that the renderer
reads the member's value from the model argument and sends it where the member belongs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.ir import Default, JsonBody, Model, Parameter, Property, RequestBody, TypeRef
from generator.ir_builder.context import BuildContext, as_mapping, text
from generator.ir_builder.parameters import RawParameter

GROUP_SUFFIX = "Parameters"


def group_name(raw: RawParameter, operation: str) -> str | None:
    """The group a parameter belongs to (None when it is not grouped)."""
    grouping = as_mapping(raw.value.get("x-ms-parameter-grouping"))
    if grouping is None:
        return None
    name = text(grouping.get("name")).strip()
    if name:
        return name
    postfix = text(grouping.get("postfix")).strip() or GROUP_SUFFIX
    return f"{operation}_{postfix}"


def _member(
    wire_name: str,
    tp: TypeRef,
    required: bool,
    description: str,
    default: Default | None,
    client_name: str | None,
) -> Property:
    return Property(
        wire_name=wire_name,
        py_name="",
        type=tp,
        required=required,
        default=default,
        description=description,
        client_name=client_name,
    )


def apply_groups(
    ctx: BuildContext,
    raws: Sequence[RawParameter],
    parameters: list[Parameter],
    body: RequestBody | None,
    operation: str,
    at: str,
) -> tuple[list[Parameter], RequestBody | None]:
    """Mark grouped members with their group's key and register (or extend) the group models."""
    names: dict[tuple[str, str], str] = {}
    for raw in raws:
        group = group_name(raw, operation)
        if group is not None:
            names[(str(raw.value["in"]), str(raw.value["name"]))] = group
    if not names:
        return parameters, body
    members: dict[str, list[Property]] = {}
    grouped: list[Parameter] = []
    for param in parameters:
        group = names.get((param.location.value, param.wire_name))
        if group is None or param.client_level:
            grouped.append(param)
            continue
        key = _group_key(ctx, group)
        members.setdefault(key, []).append(
            _member(
                param.wire_name,
                param.type,
                param.required,
                param.description,
                param.default,
                param.client_name,
            )
        )
        grouped.append(replace(param, group_key=key))
    if isinstance(body, JsonBody):
        group = names.get(("body", body.wire_name))
        if group is not None:
            key = _group_key(ctx, group)
            members.setdefault(key, []).append(
                _member(body.wire_name, body.type, body.required, body.description, None, None)
            )
            body = replace(body, group_key=key)
    for key, props in members.items():
        _register(ctx, key, props, at)
    return grouped, body


def _group_key(ctx: BuildContext, group: str) -> str:
    """The model key of a group: its name, unless a schema already holds that key."""
    key = group
    while key in ctx.models and key not in ctx.parameter_groups:
        key = f"{key}_{GROUP_SUFFIX}"
    return key


def _register(ctx: BuildContext, key: str, props: list[Property], at: str) -> None:
    known = ctx.models.get(key)
    if known is None:
        ctx.parameter_groups.add(key)
        ctx.models[key] = Model(
            key=key,
            class_name="",
            properties=tuple(props),
            description="Parameters grouped into one argument (x-ms-parameter-grouping).",
            inline=True,
            source_pointer=at,
        )
        return
    wires = {p.wire_name for p in known.properties}
    extra = tuple(p for p in props if p.wire_name not in wires)
    if extra:
        ctx.models[key] = replace(known, properties=known.properties + extra)


__all__ = ["apply_groups", "group_name"]
