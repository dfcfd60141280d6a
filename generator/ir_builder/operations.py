"""Paths -> operations (parameters, bodies, responses) and operation groups.

The group of an operation is the operationId prefix before ``_`` (``FineTuning_List`` ->
``FineTuning``); an operationId without ``_`` falls back to the first tag (``"Fine-Tunes:"`` ->
``FineTunes``); an operationId of one part and no tags (``get``, ``ListWidgets``) belongs to
no group: its method sits on the client itself (key ``""``).  Without an operationId the first
literal path segment names the group.  Operations are ordered by path, then
HTTP method, so equivalent documents give equal IR whatever their key order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.ir import (
    Operation,
    Parameter,
    Primitive,
    PrimitiveType,
    Response,
    ResponseHeader,
    TypeRef,
)
from generator.ir_builder.context import BuildContext, as_mapping, child, text
from generator.ir_builder.groups import apply_groups
from generator.ir_builder.parameters import (
    HEADER_COLLECTION,
    build_body,
    build_parameter,
    content_types,
    gather,
    header_collection_prefix,
    unknown_locations,
)
from generator.ir_builder.types import inline_type, type_of

CLIENT_GROUP = ""
"""Group key of operations whose methods sit on the client itself."""
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
_WORDS = re.compile(r"[A-Za-z0-9]+")


def group_key(operation_id: str, tags: tuple[str, ...], path: str) -> str:
    """The operation group: operationId prefix, else first tag, else the client itself ("")
    when there is an operationId, else the first path segment."""
    if "_" in operation_id.strip("_"):
        return operation_id.strip("_").split("_", 1)[0]
    if operation_id.strip("_") and not any(_WORDS.search(tag) for tag in tags):
        return CLIENT_GROUP
    for source in (*tags, *[s for s in path.split("/") if s and "{" not in s][:1]):
        words = _WORDS.findall(source.split(":", 1)[0] if ":" in source else source)
        if words:
            return "".join(word[:1].upper() + word[1:] for word in words)
    return "Default"


def is_status_code(status: str) -> bool:
    """Whether ``status`` is a response key Swagger allows: three ASCII digits or ``default``.

    ``str.isdigit`` alone is not enough: ``"²"`` and ``"١٢٣"`` are digits to Python.
    """
    return status == "default" or (len(status) == 3 and status.isascii() and status.isdigit())


def _status_order(status: str) -> tuple[int, str]:
    return (
        (int(status), status) if status != "default" and is_status_code(status) else (1000, status)
    )


def build_operations(ctx: BuildContext) -> list[Operation]:
    """Every operation under ``paths`` and ``x-ms-paths``, in (path, method) order.

    An ``x-ms-paths`` route may carry a query part (``/widgets?action=reset``): it stays in the
    operation's path, so every request sends it.
    """
    paths = ctx.raw.get("paths")
    if paths is None:
        ctx.sink.warning("/paths", "no paths", "the client has no operations")
    operations: list[Operation] = []
    for section in ("paths", "x-ms-paths"):
        raw_section = ctx.raw.get(section)
        if raw_section is None:
            continue
        path_map = as_mapping(raw_section)
        if path_map is None:
            ctx.sink.error(f"/{section}", f"{section} is not an object", "ignored")
            continue
        operations.extend(_section(ctx, section, path_map))
    seen: dict[str, str] = {}
    for op in operations:
        if op.operation_id and op.operation_id in seen:
            ctx.sink.warning(
                op.source_pointer,
                f"operationId {op.operation_id!r} is also used at {seen[op.operation_id]}",
                "both kept; the naming pass tells their methods apart",
            )
        seen.setdefault(op.operation_id, op.source_pointer)
    return operations


def _section(ctx: BuildContext, section: str, path_map: Mapping[str, Any]) -> list[Operation]:
    operations: list[Operation] = []
    for path in sorted(path_map):
        item_at = child("/" + section, path)
        item = ctx.resolve(path_map[path], item_at).value
        if item is None:
            continue
        for key in sorted(item):
            if key not in METHODS and key != "parameters" and not key.startswith("x-"):
                ctx.sink.warning(child(item_at, key), f"unknown path item key {key!r}", "ignored")
        for method in sorted(m for m in item if m in METHODS):
            op_at = child(item_at, method)
            raw = as_mapping(item[method])
            if raw is None:
                ctx.sink.error(op_at, "operation is not an object", "skipped")
                continue
            operations.append(
                _operation(ctx, path, method, raw, op_at, item.get("parameters"), item_at)
            )
    return operations


def _operation(
    ctx: BuildContext,
    path: str,
    method: str,
    raw: Mapping[str, Any],
    at: str,
    path_parameters: object,
    item_at: str,
) -> Operation:
    operation_id = raw.get("operationId")
    if not isinstance(operation_id, str) or not operation_id:
        ctx.sink.warning(at, "operation has no operationId", "named from its method and path")
        operation_id = ""
    tags = (
        tuple(t for t in raw.get("tags", []) if isinstance(t, str))
        if isinstance(raw.get("tags"), list)
        else ()
    )
    context = operation_id or f"{method}{path}"
    consumes = content_types(ctx, raw.get("consumes"), child(at, "consumes"))
    if consumes is None:
        consumes = content_types(ctx, ctx.raw.get("consumes"), "/consumes") or ()
    produces = content_types(ctx, raw.get("produces"), child(at, "produces"))
    if produces is None:
        produces = content_types(ctx, ctx.raw.get("produces"), "/produces") or ()
    raws = gather(
        ctx,
        [
            (path_parameters, child(item_at, "parameters")),
            (raw.get("parameters"), child(at, "parameters")),
        ],
    )
    unknown_locations(ctx, raws)
    parameters: list[Parameter] = []
    for entry in raws:
        parameter = build_parameter(ctx, entry, context)
        if parameter is not None:
            parameters.append(parameter)
    _check_path_parameters(ctx, path, parameters, at)
    body = build_body(ctx, raws, consumes, context, at)
    parameters, body = apply_groups(ctx, raws, parameters, body, context, at)
    return Operation(
        operation_id=operation_id,
        group_key=group_key(operation_id, tags, path),
        py_name="",
        method=method,
        path=path,
        summary=text(raw.get("summary")),
        description=text(raw.get("description")),
        parameters=tuple(parameters),
        body=body,
        consumes=consumes,
        produces=produces,
        responses=_responses(ctx, raw.get("responses"), child(at, "responses"), context),
        deprecated=raw.get("deprecated") is True,
        tags=tags,
        source_pointer=at,
        security=security_of(raw.get("security", ctx.raw.get("security"))),
        anonymous=raw.get("security", ctx.raw.get("security")) == [],
    )


def security_of(requirements: object) -> tuple[tuple[str, ...], ...]:
    """Security requirement alternatives, each the sorted scheme names it needs together."""
    if not isinstance(requirements, list):
        return ()
    found: set[tuple[str, ...]] = set()
    for requirement in requirements:
        if isinstance(requirement, Mapping):
            found.add(tuple(sorted(str(name) for name in requirement)))
    return tuple(sorted(found))


def _check_path_parameters(
    ctx: BuildContext, path: str, parameters: list[Parameter], at: str
) -> None:
    declared = {p.wire_name for p in parameters if p.location.value == "path"}
    used = set(re.findall(r"{([^{}]+)}", path))
    for name in sorted(used - declared):
        ctx.sink.error(at, f"path template names {{{name}}} but no path parameter declares it")
    for name in sorted(declared - used):
        ctx.sink.warning(at, f"path parameter {name!r} does not appear in the path", "ignored")


def _responses(ctx: BuildContext, raw: object, at: str, context: str) -> tuple[Response, ...]:
    responses = raw if isinstance(raw, Mapping) else None  # YAML may give integer keys
    if responses is None:
        ctx.sink.error(at, "operation has no responses object", "no responses")
        return ()
    built: list[Response] = []
    for status in sorted((str(k) for k in responses), key=_status_order):
        status_at = child(at, status)
        if not is_status_code(status):
            if not status.startswith("x-"):
                ctx.sink.error(
                    status_at,
                    f"response key {status!r} is not a status code (three ASCII digits) "
                    "or 'default'",
                    "ignored",
                )
            continue
        original = responses.get(status, responses.get(int(status) if status.isdigit() else ""))
        resolved = ctx.resolve(original, status_at)
        if resolved.value is None:
            continue
        value = resolved.value
        body = None
        if "schema" in value:
            schema_at = child(resolved.at, "schema")
            body = type_of(ctx, value["schema"], schema_at, f"{context}.{status}")
        flag = value.get("x-ms-error-response")
        if not isinstance(flag, bool):
            flag = None
            if status[:1] in {"4", "5"}:
                ctx.sink.warning(
                    status_at,
                    f"status {status} is not marked x-ms-error-response",
                    "treated as an expected outcome (as AutoRest does); mark it"
                    " x-ms-error-response: true if it is a failure",
                )
        built.append(
            Response(
                status=status,
                body=body,
                description=text(value.get("description")),
                headers=_headers(ctx, value.get("headers"), child(resolved.at, "headers"), context),
                error_response=flag,
            )
        )
    return tuple(built)


def _headers(ctx: BuildContext, raw: object, at: str, context: str) -> tuple[ResponseHeader, ...]:
    if raw is None:
        return ()
    headers = as_mapping(raw)
    if headers is None:
        ctx.sink.warning(at, "headers is not an object", "ignored")
        return ()
    found: list[ResponseHeader] = []
    for name in sorted(headers, key=lambda n: (n.lower(), n)):
        header_at = child(at, name)
        value = ctx.resolve(headers[name], header_at).value
        if value is None:
            continue
        prefix = header_collection_prefix(ctx, value, header_at, True)
        if prefix is not None:
            header_type: TypeRef = HEADER_COLLECTION
        elif "type" in value:
            header_type = inline_type(ctx, value, header_at, f"{context}.{name}")
        else:
            header_type = PrimitiveType(Primitive.STRING)
        description = text(value.get("description"))
        found.append(ResponseHeader(name, "", header_type, description, prefix))
    return tuple(found)
