"""Template contexts for operation groups: one finished view per method, for both flavours.

The templates receive finished code fragments (annotations, dict literals, docstrings) and only
lay them out; every choice about how an operation is called is made in Python, once, for both the
sync and the async flavour.  This module puts a method together from its parts --
:mod:`~generator.render.operation_parameters`, :mod:`~generator.render.parameter_groups`,
:mod:`~generator.render.operation_bodies` and :mod:`~generator.render.operation_results`, all
collected in one :class:`~generator.render.method_parts.MethodParts` -- and writes the request
call from them.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ir import ApiSpec, Operation, OperationGroup, ParameterLocation
from generator.render import docs
from generator.render.client_context import api_version_parameter
from generator.render.escape import py_string
from generator.render.method_parts import MethodParts, RenderScope
from generator.render.operation_bodies import add_body
from generator.render.operation_docs import operation_docstring
from generator.render.operation_parameters import add_cursor_parameter, add_parameters
from generator.render.operation_results import accept_header, expected_statuses, method_result
from generator.render.operation_views import GroupView, OperationView
from generator.render.parameter_groups import add_group_arguments, parameter_groups
from generator.render.types import IMPORT_ANY, ImportNeeds, TypeNamer
from generator.render.wire_values import dict_literal


def _spec_headers_win(op: Operation, headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop the Accept/Content-Type the generator chose when the spec declares that header as
    a parameter of its own (the caller's value, or the spec's constant, is what is sent)."""
    declared = {
        p.wire_name.lower() for p in op.parameters if p.location is ParameterLocation.HEADER
    }
    kept: list[tuple[str, str]] = []
    names = [name.lower() for name, _ in headers]
    for index, (name, value) in enumerate(headers):
        lowered = name.lower()
        chosen = lowered in ("accept", "content-type") and lowered in declared
        if chosen and names.index(lowered) != index:
            continue  # the generator's own entry, after the spec's parameter
        kept.append((name, value))
    return kept


def build_operation(scope: RenderScope, op: Operation) -> OperationView:
    """The view of one operation."""
    parts = MethodParts(scope)
    groups = parameter_groups(scope.spec, op)
    facts = add_parameters(parts, op, groups)
    add_group_arguments(parts, groups)
    body_args = add_body(parts, op, groups)
    result = method_result(scope, op, facts.stream_flag)
    if result.paging is None:
        add_cursor_parameter(parts, op)
    headers = _spec_headers_win(op, [*parts.headers, accept_header(op, result)])

    request_args: list[str] = []
    if parts.path_entries:
        request_args.append(f"path_params={dict_literal(parts.path_entries)}")
    if parts.skip:
        request_args.append(f"skip_encoding=({', '.join(py_string(s) for s in parts.skip)},)")
    if parts.query:
        request_args.append(f"query={dict_literal(parts.query)}")
    request_args.append(f"headers={dict_literal(headers)}")
    next_request_args = (request_args[-1],)
    if not facts.sends_version and api_version_parameter(scope.spec) is not None:
        request_args.append("send_api_version=False")
    if op.anonymous and scope.spec.client.auth:
        request_args.append("anonymous=True")  # security: [] -- no credential for this one
    request_args.extend(body_args)

    docstrings = tuple(
        operation_docstring(
            scope.namer,
            scope.models_path,
            op,
            parts.param_docs + parts.keyword_docs,
            result.kind,
            result.paging,
            result.stream,
            aio,
        )
        for aio in (False, True)
    )
    scope.needs.add(IMPORT_ANY)
    return OperationView(
        name=op.py_name,
        method=py_string(op.method.upper()),
        path=py_string(op.path),
        kind=result.kind,
        positional=tuple(parts.positional),
        keyword=tuple(parts.required_kw + parts.optional_kw),
        docstring=docstrings[0],
        async_docstring=docstrings[1],
        request_args=tuple(request_args),
        expected=expected_statuses(op, result),
        error_model=result.responses.errors,
        return_annotation=result.return_annotation,
        result_type=result.result_type,
        paging=result.paging,
        stream=result.stream,
        polling_header=py_string(result.polling_header),
        next_request_args=next_request_args,
        responses=result.responses,
        lro=result.lro,
    )


def _span_name(scope: RenderScope, group: OperationGroup, op: Operation) -> str:
    """``<package>/<group attribute>.<method>`` (``<package>/<method>`` on the client itself):
    the tracing span of one public method, named as the caller writes the call."""
    method = f"{group.py_name}.{op.py_name}" if group.py_name else op.py_name
    return py_string(f"{scope.package}/{method}" if scope.package else method)


def group_view(scope: RenderScope, group: OperationGroup) -> GroupView:
    """The view of one operation group."""
    if group.py_name:
        head = f"Operations on {group.key}."
        text = (
            f"Do not create this class directly; use the ``{group.py_name}`` attribute of the"
            " client, which creates it for you."
        )
    else:
        head = "The operations that belong to no group."
        text = "The client inherits these methods; call them on the client itself."
    doc = docs.render(docs.docstring(head, text, (), 4), 4)
    return GroupView(
        attribute=group.py_name,
        class_name=group.class_name,
        docstring=doc,
        operations=tuple(
            replace(build_operation(scope, op), span_name=_span_name(scope, group, op))
            for op in group.operations
        ),
    )


def operation_groups(
    spec: ApiSpec, models_path: str, package: str = ""
) -> tuple[tuple[GroupView, ...], ImportNeeds]:
    """Views of every group, with the imports their annotations need.

    ``package`` (the import package) starts each method's tracing span name.
    """
    methods = [op.py_name for op in spec.operations]
    namer = TypeNamer.for_spec(spec, "_models.", methods)
    scope = RenderScope(spec, namer, models_path, package=package)
    groups = tuple(group_view(scope, g) for g in spec.groups)
    return groups, scope.needs
