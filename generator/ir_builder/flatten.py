"""``x-ms-client-flatten``: which properties Python sees instead of a flattened container.

AutoRest's rule, on a model property: when the property's type is an object model, that
model's properties (inherited ones and the ones it flattens itself included) become properties
of the outer model, reached on the wire through the container; a property lifted from an
optional container is optional, and one lifted from a read-only container is read-only.  On a
body parameter: the body model's properties (read-only ones left out) become the method's
keyword arguments, required where the model requires the property (the model is what is
sent, so an optional body still takes its required properties).

A container whose model is polymorphic (a discriminator anywhere in its hierarchy) or takes
``additionalProperties`` cannot be lifted without losing what its type says; neither can one that
leads back to the model itself.  Those keep their nested shape, with a warning, as does a flag on
a property or body whose type is not an object model.  A body that is also a member of an
``x-ms-parameter-grouping`` group stays one member of the group: the group model holds it.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ir import JsonBody, Model, ModelRef, Operation
from generator.ir_builder.context import BuildContext, child
from generator.ir_flatten import FlatProperty


class _Flattener:
    """Computes the Python-facing properties of each model once (memoized)."""

    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.views: dict[str, list[FlatProperty]] = {}
        self.lifted: dict[str, tuple[FlatProperty, ...]] = {}
        self.active: set[str] = set()

    def liftable(self, prop_type: object, at: str, what: str) -> Model | None:
        """The model a flattened ``what`` lifts from, or None (with a warning) when it cannot."""
        if not isinstance(prop_type, ModelRef) or prop_type.key not in self.ctx.models:
            self.ctx.sink.warning(
                at, f"x-ms-client-flatten on {what} that is not an object", "kept"
            )
            return None
        model = self.ctx.models[prop_type.key]
        why = None
        if self._polymorphic(model.key, set()):
            why = "its model is polymorphic"
        elif model.additional_properties is not None:
            why = "its model takes additionalProperties"
        elif model.key in self.active:
            why = "its model contains the flattened model itself"
        if why is not None:
            self.ctx.sink.warning(at, f"x-ms-client-flatten on {what}: {why}", "kept nested")
            return None
        return model

    def _polymorphic(self, key: str, seen: set[str]) -> bool:
        model = self.ctx.models.get(key)
        if model is None or key in seen:
            return False
        seen.add(key)
        if model.discriminator is not None or model.discriminator_value is not None:
            return True
        return any(self._polymorphic(parent, seen) for parent in model.parents)

    def own(self, model: Model) -> tuple[FlatProperty, ...]:
        """The properties lifted out of ``model``'s own flattened containers."""
        known = self.lifted.get(model.key)
        if known is not None:
            return known
        self.active.add(model.key)
        found: list[FlatProperty] = []
        for prop in model.properties:
            if not prop.client_flatten:
                continue
            at = child(model.source_pointer, "properties", prop.wire_name)
            inner = self.liftable(prop.type, at, f"property {prop.wire_name!r}")
            if inner is None:
                continue
            for lifted in self.view(inner):
                found.append(
                    FlatProperty(
                        (prop.wire_name, *lifted.path),
                        replace(
                            lifted.property,
                            required=prop.required and lifted.property.required,
                            read_only=prop.read_only or lifted.property.read_only,
                        ),
                    )
                )
        self.active.discard(model.key)
        self.lifted[model.key] = result = tuple(found)
        return result

    def view(self, model: Model) -> list[FlatProperty]:
        """Every property Python sees on ``model``, inherited ones first."""
        known = self.views.get(model.key)
        if known is not None:
            return known
        entries: dict[tuple[str, ...], FlatProperty] = {}
        for parent in model.parents:
            if parent in self.ctx.models and parent not in self.active:
                self.active.add(model.key)
                for entry in self.view(self.ctx.models[parent]):
                    entries.setdefault(entry.path, entry)
                self.active.discard(model.key)
        flat = {p.wire_name for p in model.properties if p.client_flatten}
        lifted = self.own(model)
        lifted_roots = {entry.path[0] for entry in lifted}
        for prop in model.properties:
            entries.pop((prop.wire_name,), None)
            if prop.wire_name not in flat or prop.wire_name not in lifted_roots:
                entries[(prop.wire_name,)] = FlatProperty((prop.wire_name,), prop)
        for entry in lifted:
            entries[entry.path] = entry
        self.views[model.key] = result = list(entries.values())
        return result


def flatten(ctx: BuildContext, operations: list[Operation]) -> list[Operation]:
    """Fill :attr:`Model.flattened` and the arguments of flattened bodies."""
    flattener = _Flattener(ctx)
    for key in sorted(ctx.models):
        model = ctx.models[key]
        if any(p.client_flatten for p in model.properties):
            ctx.models[key] = replace(model, flattened=flattener.own(model))
    result: list[Operation] = []
    for op in operations:
        body = op.body
        if isinstance(body, JsonBody) and body.client_flatten and not body.group_key:
            at = child(op.source_pointer, "parameters")
            inner = flattener.liftable(body.type, at, f"body {body.wire_name!r}")
            if inner is not None:
                view = flattener.view(ctx.models[inner.key])
                arguments = tuple(e for e in view if not e.property.read_only)
                op = replace(op, body=replace(body, flattened=arguments))
        result.append(op)
    return result


__all__ = ["flatten"]
