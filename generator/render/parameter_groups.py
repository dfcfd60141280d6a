"""Parameter groups (``x-ms-parameter-grouping``): several parameters passed as one argument.

The members of a group may be path, query or header parameters or the JSON body; each is sent
from an attribute of the group model the caller passes, and the group itself is one argument,
required when any member this operation sends is.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import ApiSpec, JsonBody, ModelRef, Operation
from generator.naming.words import snake
from generator.render.method_parts import MethodParts, safe_name


@dataclass(frozen=True)
class ParameterGroup:
    """A parameter group (x-ms-parameter-grouping) as one argument of a method."""

    key: str
    arg: str  # the argument's name
    required: bool  # a member this operation sends is required
    attrs: dict[str, str]  # member wire name -> attribute on the group model

    def value(self, wire_name: str) -> str:
        """The expression reading one member from the argument."""
        read = f"{self.arg}.{self.attrs[wire_name]}"
        return read if self.required else f"(None if {self.arg} is None else {read})"


def parameter_groups(spec: ApiSpec, op: Operation) -> dict[str, ParameterGroup]:
    """The operation's parameter groups by model key, in the order their members appear."""
    members: list[tuple[str, bool]] = [
        (p.group_key, p.required) for p in op.parameters if p.group_key and not p.client_level
    ]
    if isinstance(op.body, JsonBody) and op.body.group_key:
        members.append((op.body.group_key, op.body.required))
    groups: dict[str, ParameterGroup] = {}
    for key, required in members:
        if key in groups:
            if required and not groups[key].required:
                groups[key] = ParameterGroup(key, groups[key].arg, True, groups[key].attrs)
            continue
        model = spec.model(key)
        attrs = {p.wire_name: p.py_name for p in model.properties}
        groups[key] = ParameterGroup(key, safe_name(snake(model.class_name)), required, attrs)
    return groups


def add_group_arguments(parts: MethodParts, groups: dict[str, ParameterGroup]) -> None:
    """One argument per group, typed by its model and documented by the model's description."""
    scope = parts.scope
    for group in groups.values():
        model = scope.spec.model(group.key)
        annotation = scope.namer.annotation(ModelRef(group.key), scope.needs)
        parts.argument(
            group.arg, annotation, group.required, model.description, ModelRef(group.key)
        )
