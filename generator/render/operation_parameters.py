"""Path, query and header parameters of one operation: the arguments they become, their docs,
and the request entries that send them.

A parameter is sent from one of four places: the client (``x-ms-parameter-location: client``),
the spec itself (a constant: a required enum of one value), a parameter group's argument, or an
argument of its own -- positional for a path parameter, a keyword otherwise.  A query parameter
that carries a paging cursor is filled by the pager, not by the caller.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.ir import ApiSpec, EnumRef, Operation, Parameter, ParameterLocation, Property
from generator.ir_builder.parameters import is_api_version
from generator.render.escape import py_string, py_value
from generator.render.method_parts import MethodParts, safe_name
from generator.render.operation_views import ParamView
from generator.render.parameter_groups import ParameterGroup
from generator.render.types import optional
from generator.render.wire_values import value_expr

#: The query value that stands for the cursor until the pager fills it in.
CURSOR_PLACEHOLDER = "_cursor"


@dataclass(frozen=True)
class ParameterFacts:
    """What the parameters tell about the rest of the method."""

    sends_version: bool  # the operation sends the client's api-version
    stream_flag: str  # the argument that asks for server-sent events ("" when there is none)


def constant_value(spec: ApiSpec, param: Parameter | Property) -> str | int | float | bool | None:
    """The value of a constant parameter (a required enum of one value), else None.

    Such a parameter is not an argument: the only value the spec allows is always sent.  The
    same holds for a property of a flattened body.
    """
    if not param.required or not isinstance(param.type, EnumRef):
        return None
    values = spec.enum(param.type.key).values
    return values[0].value if len(values) == 1 else None


def _client_value(parts: MethodParts, param: Parameter) -> None:
    """Send a client-level parameter (``x-ms-parameter-location: client``) from the client."""
    value = value_expr(param, f"self._core.client_values[{py_string(param.wire_name)}]")
    if param.location is ParameterLocation.PATH:
        parts.path_entries.append((param.wire_name, value))
        if param.skip_url_encoding:
            parts.skip.append(param.wire_name)
    elif param.location is ParameterLocation.QUERY:
        parts.query.append((param.wire_name, value))
    else:
        parts.headers.append((param.wire_name, value))


def _constant(parts: MethodParts, param: Parameter, constant: str | int | float | bool) -> None:
    """Send the one value a constant parameter allows."""
    fixed = (param.wire_name, py_value(constant))
    if param.skip_url_encoding:
        parts.skip.append(param.wire_name)
    if param.location is ParameterLocation.PATH:
        parts.path_entries.append(fixed)
    else:
        (parts.query if param.location is ParameterLocation.QUERY else parts.headers).append(fixed)


def _grouped(parts: MethodParts, param: Parameter, group: ParameterGroup) -> None:
    """Send a member of a parameter group from the group's argument."""
    value = value_expr(param, group.value(param.wire_name))
    if param.location is ParameterLocation.PATH:
        parts.path_entries.append((param.wire_name, value))
        if param.skip_url_encoding:
            parts.skip.append(param.wire_name)
    else:
        (parts.query if param.location is ParameterLocation.QUERY else parts.headers).append(
            (param.wire_name, value)
        )
        if param.skip_url_encoding and param.location is ParameterLocation.QUERY:
            parts.skip.append(param.wire_name)


def _own_argument(parts: MethodParts, param: Parameter) -> str:
    """Send a parameter from an argument of its own; returns the argument's name."""
    name = safe_name(param.py_name)
    scope = parts.scope
    annotation = scope.namer.annotation(param.type, scope.needs)
    value = value_expr(param, name)
    if param.location is ParameterLocation.PATH:
        parts.positional.append(ParamView(name, annotation, None))
        parts.path_entries.append((param.wire_name, value))
        if param.skip_url_encoding:
            parts.skip.append(param.wire_name)
        parts.document("param", name, param.description, param.type, True)
        return name
    target = parts.query if param.location is ParameterLocation.QUERY else parts.headers
    target.append((param.wire_name, value))
    if param.skip_url_encoding and param.location is ParameterLocation.QUERY:
        parts.skip.append(param.wire_name)
    parts.keyword(name, annotation, param.required)
    text = param.description
    if param.default is not None and not param.required:
        shown = json.dumps(param.default.value)
        text = f"{text} When omitted, the service uses {shown}.".strip()
    parts.document("keyword", name, text, param.type, param.required)
    return name


def add_parameters(
    parts: MethodParts, op: Operation, groups: dict[str, ParameterGroup]
) -> ParameterFacts:
    """Every path, query and header parameter of ``op``, in the order the spec declares them."""
    spec = parts.scope.spec
    cursor_wire = op.paging.cursor_parameter if op.paging else None
    stream_flag = op.event_stream.trigger_parameter if op.event_stream else None
    flag_name = ""
    host_names = {p.wire_name for p in spec.client.host.parameters if p.client_level}
    sends_version = False
    for param in op.parameters:
        if param.client_level:
            if is_api_version(param.wire_name, param.location):
                sends_version = True
            elif param.wire_name not in host_names:
                _client_value(parts, param)
            continue
        constant = constant_value(spec, param)
        if constant is not None:
            _constant(parts, param, constant)
        elif param.group_key:
            _grouped(parts, param, groups[param.group_key])
        elif param.location is ParameterLocation.QUERY and param.wire_name == cursor_wire:
            parts.query.append((param.wire_name, CURSOR_PLACEHOLDER))
        else:
            name = _own_argument(parts, param)
            if param.wire_name == stream_flag and param.location is not ParameterLocation.PATH:
                flag_name = name
    return ParameterFacts(sends_version, flag_name)


def add_cursor_parameter(parts: MethodParts, op: Operation) -> None:
    """For an operation that is not paged after all: the cursor placeholder leaves the query,
    and a cursor parameter becomes an ordinary keyword."""
    parts.query = [(k, v) for k, v in parts.query if v != CURSOR_PLACEHOLDER]
    cursor_wire = op.paging.cursor_parameter if op.paging else None
    if cursor_wire is None:
        return
    scope = parts.scope
    for param in op.parameters:
        if param.wire_name == cursor_wire and param.location is ParameterLocation.QUERY:
            name = safe_name(param.py_name)
            annotation = optional(scope.namer.annotation(param.type, scope.needs))
            parts.optional_kw.append(ParamView(name, annotation, "None"))
            parts.query.append((param.wire_name, name))
            parts.document("keyword", name, param.description, param.type, False)
