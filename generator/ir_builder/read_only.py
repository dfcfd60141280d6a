"""readOnly properties the spec itself shows being sent: kept writable, with a warning.

Swagger's ``readOnly`` means "sent by the service only": a client reads such a property and
leaves it out of request bodies and of model constructors (AutoRest's clients do the same, and
Azure services reject or ignore the value).  A spec can contradict its own flag, and then the
flag cannot be what the authors meant; the property is kept writable, one warning each:

* the model is reached only from request bodies, never from a response, so no service could
  ever set the property: the flag would make it unreachable;
* a request body in the spec's own ``x-ms-examples`` sets the property (2025-02
  ``WandBIntegrationRequest.tags``): the spec shows clients sending it.

Both tests read only the spec and its example files, so they hold for any Azure spec.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.diagnostics import DiagnosticSink, node_at
from generator.ir import (
    ArrayType,
    JsonBody,
    MapType,
    ModelRef,
    MultipartBody,
    Operation,
    Property,
    TypeRef,
    UnionType,
)
from generator.ir_builder.context import BuildContext, child
from generator.load.read import read_document
from generator.normalize.examples import example_file


def keep_contradicted_read_only(
    ctx: BuildContext, operations: Iterable[Operation], spec_dir: Path
) -> None:
    """Clear ``read_only`` on the properties the spec contradicts (see the module docstring)."""
    operations = list(operations)
    sent = _reached(ctx, _request_types(operations))
    returned = _reached(ctx, (r.body for op in operations for r in op.responses if r.body))
    found: dict[tuple[str, str], str] = {}
    for key in sorted(sent - returned):
        for prop in ctx.models[key].properties:
            if prop.read_only:
                found.setdefault(
                    (key, prop.wire_name),
                    "is readOnly in a model that only request bodies carry (no response "
                    "returns it)",
                )
    for op, body, body_type in _example_bodies(ctx, operations, spec_dir):
        try:
            sent_here = list(_read_only_set(ctx, body_type, body.value))
        except RecursionError:
            continue  # an example nested beyond reason says nothing usable
        for key, wire in sent_here:
            found.setdefault(
                (key, wire), f"is readOnly, yet the example {body.file!r} of {op} sends it"
            )
    for (key, wire), why in sorted(found.items()):
        model = ctx.models[key]
        at = child(model.source_pointer, "properties", wire)
        ctx.sink.warning(at, f"property {wire!r} {why}", "sent like any writable property")
        ctx.models[key] = replace(
            model,
            properties=tuple(
                replace(p, read_only=False) if p.wire_name == wire else p for p in model.properties
            ),
        )


def _request_types(operations: Iterable[Operation]) -> Iterator[TypeRef]:
    for op in operations:
        if isinstance(op.body, JsonBody):
            yield op.body.type
        elif isinstance(op.body, MultipartBody):
            yield from (f.type for f in op.body.fields)


def _reached(ctx: BuildContext, types: Iterable[TypeRef]) -> set[str]:
    """Keys of every model a value of these types can hold (subtypes and parents included)."""
    children: dict[str, list[str]] = {}
    for model in ctx.models.values():
        for parent in model.parents:
            children.setdefault(parent, []).append(model.key)
    seen: set[str] = set()
    pending = list(types)
    while pending:
        tp = pending.pop()
        if isinstance(tp, ArrayType):
            pending.append(tp.items)
        elif isinstance(tp, MapType):
            pending.append(tp.values)
        elif isinstance(tp, UnionType):
            pending.extend(tp.members)
        elif isinstance(tp, ModelRef) and tp.key not in seen and tp.key in ctx.models:
            seen.add(tp.key)
            model = ctx.models[tp.key]
            pending.extend(p.type for p in model.properties)
            if model.additional_properties is not None:
                pending.append(model.additional_properties)
            pending.extend(ModelRef(k) for k in (*model.parents, *children.get(tp.key, ())))
    return seen


@dataclass(frozen=True)
class _Body:
    """An example's request body and the file reference it came from."""

    file: str
    value: Any


def _example_bodies(
    ctx: BuildContext, operations: Iterable[Operation], spec_dir: Path
) -> Iterator[tuple[str, _Body, TypeRef]]:
    """(operationId, example body, body type) for every JSON body an example file gives."""
    for op in operations:
        if not isinstance(op.body, JsonBody):
            continue
        raw = node_at(ctx.raw, op.source_pointer)
        examples = raw.get("x-ms-examples") if isinstance(raw, Mapping) else None
        if not isinstance(examples, Mapping):
            continue
        for example in examples.values():
            ref = example.get("$ref") if isinstance(example, Mapping) else None
            path = example_file(ref, spec_dir) if isinstance(ref, str) else None
            data = _read_example(path) if path is not None else None
            params = data.get("parameters") if isinstance(data, Mapping) else None
            if not isinstance(params, Mapping):
                continue
            wanted = op.body.wire_name.lower()
            for name, value in params.items():
                if isinstance(name, str) and name.lower() == wanted:
                    yield op.operation_id, _Body(str(ref), value), op.body.type


def _read_example(path: Path) -> Any:
    """An example file's data (JSON or YAML, read as specs are), None when unreadable: an
    example that cannot be read says nothing (``check_example_files`` reports missing ones)."""
    try:
        return read_document(path, DiagnosticSink(str(path)))
    except RecursionError:
        return None


def _read_only_set(ctx: BuildContext, tp: TypeRef, value: Any) -> Iterator[tuple[str, str]]:
    """(model key, wire name) of every readOnly property ``value`` sets, read as ``tp``."""
    if isinstance(tp, ArrayType) and isinstance(value, list):
        for item in value:
            yield from _read_only_set(ctx, tp.items, item)
    elif isinstance(tp, MapType) and isinstance(value, Mapping):
        for item in value.values():
            yield from _read_only_set(ctx, tp.values, item)
    elif isinstance(tp, ModelRef) and isinstance(value, Mapping) and tp.key in ctx.models:
        owners = _properties(ctx, _subtype(ctx, tp.key, value))
        for wire, item in value.items():
            owner = owners.get(wire)
            if owner is None:
                continue
            key, prop = owner
            if prop.read_only:
                yield key, wire
            yield from _read_only_set(ctx, prop.type, item)


def _subtype(ctx: BuildContext, key: str, value: Mapping[str, Any]) -> str:
    """The model a polymorphic ``value`` names through its discriminator (else ``key``)."""
    for ancestor in _lineage(ctx, key):
        discriminator = ctx.models[ancestor].discriminator
        if discriminator is None:
            continue
        kind = value.get(discriminator.property_wire_name)
        for sub_value, sub_key in discriminator.subtypes:
            if sub_value == kind and sub_key in ctx.models:
                return sub_key
    return key


def _lineage(ctx: BuildContext, key: str) -> list[str]:
    """``key`` and its ancestors, nearest first."""
    order: list[str] = []
    pending = [key]
    while pending:
        current = pending.pop(0)
        if current in order or current not in ctx.models:
            continue
        order.append(current)
        pending.extend(ctx.models[current].parents)
    return order


def _properties(ctx: BuildContext, key: str) -> dict[str, tuple[str, Property]]:
    """Wire name -> (owning model key, property), own properties over inherited ones."""
    found: dict[str, tuple[str, Property]] = {}
    for ancestor in _lineage(ctx, key):
        for prop in ctx.models[ancestor].properties:
            found.setdefault(prop.wire_name, (ancestor, prop))
    return found
