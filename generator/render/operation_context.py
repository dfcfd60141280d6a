"""Template contexts for operation groups: signatures, request parts and result handling.

The templates receive finished code fragments (annotations, dict literals, docstrings) and only
lay them out; every choice about how an operation is called is made here, once, for both the
sync and the async flavour.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from generator.ir import (
    ApiSpec,
    ArrayType,
    BinaryBody,
    EnumRef,
    JsonBody,
    MapType,
    ModelRef,
    MultipartBody,
    Operation,
    OperationGroup,
    Parameter,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    Property,
    TypeRef,
)
from generator.ir_builder.parameters import is_api_version
from generator.naming.words import snake
from generator.render import docs
from generator.render.client_context import api_version_parameter
from generator.render.escape import py_string, py_value
from generator.render.model_context import all_properties, init_names
from generator.render.operation_docs import operation_docstring, success_type
from generator.render.operation_views import (
    GroupView,
    LroView,
    OperationView,
    PagingView,
    ParamView,
    StreamView,
)
from generator.render.response_context import lro_states, response_view
from generator.render.types import IMPORT_ANY, TYPES_ALIAS, ImportNeeds, TypeNamer, optional

_RESERVED_LOCALS = {"self", "kwargs", "cls"}
_STREAM_TYPES = (PrimitiveType(Primitive.FILE), PrimitiveType(Primitive.BINARY))
_FILE_INPUT = f"{TYPES_ALIAS}.FileInput"
#: Initial statuses every long-running operation may answer with, declared or not.
_LRO_INITIAL_STATUSES = frozenset({200, 201, 202, 204})
_WIRE_FORMATS = frozenset(
    {
        Primitive.DATE_TIME,
        Primitive.DATE_TIME_RFC1123,
        Primitive.UNIX_TIME,
        Primitive.DATE,
        Primitive.TIME,
        Primitive.DURATION,
        Primitive.BYTE,
        Primitive.BASE64URL,
        Primitive.DECIMAL,
    }
)


@dataclass
class _Builder:
    spec: ApiSpec
    namer: TypeNamer
    models_path: str
    needs: ImportNeeds = field(default_factory=ImportNeeds)
    package: str = ""  # the import package, first part of every span name


def _safe(name: str) -> str:
    return f"{name}_" if name in _RESERVED_LOCALS else name


def _is_model(tp: TypeRef | None) -> bool:
    return isinstance(tp, ModelRef)


def _property_name(spec: ApiSpec, tp: TypeRef | None, wire: str | None) -> str | None:
    """Python attribute of the property ``wire`` on model ``tp`` (inherited ones included)."""
    if wire is None or not isinstance(tp, ModelRef):
        return None
    for prop in all_properties(spec, spec.model(tp.key)):
        if prop.wire_name == wire:
            return prop.py_name
    return None


def _dict_literal(entries: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{py_string(k)}: {v}" for k, v in entries) + "}"


def _format_of(tp: TypeRef) -> str | None:
    """The Swagger format whose wire text the runtime must write for ``tp`` (None: plain)."""
    if isinstance(tp, PrimitiveType) and tp.primitive in _WIRE_FORMATS:
        return tp.primitive.value
    return None


def _json_body_expr(tp: TypeRef, name: str) -> str:
    """A JSON body in its wire form: formatted scalars (and lists and maps of them) by format."""
    fmt = _format_of(tp)
    if fmt is not None:
        return f"_rt.to_wire({py_string(fmt)}, {name})"
    if isinstance(tp, ArrayType) and (fmt := _format_of(tp.items)) is not None:
        return f"None if {name} is None else [_rt.to_wire({py_string(fmt)}, v) for v in {name}]"
    if isinstance(tp, MapType) and (fmt := _format_of(tp.values)) is not None:
        items = f"{{k: _rt.to_wire({py_string(fmt)}, v) for k, v in {name}.items()}}"
        return f"None if {name} is None else {items}"
    return name


def _value_expr(param: Parameter, name: str) -> str:
    """The value sent for ``param`` in its wire form.

    Arrays are joined for ``csv``-style formats; a formatted value (dates, times, durations,
    unix times, RFC 1123 dates, base64, decimals) is written by ``_rt.to_wire`` in its format's
    text; enums are sent as their value.
    """
    if param.collection_prefix is not None:  # a dict, one header per entry
        return f"_rt.prefixed_headers({py_string(param.collection_prefix)}, {name})"
    if isinstance(param.type, ArrayType) and param.collection_format != "multi":
        sep = {"ssv": " ", "tsv": "\t", "pipes": "|"}.get(param.collection_format or "csv", ",")
        fmt = _format_of(param.type.items)
        item = f"_rt.to_wire({py_string(fmt)}, v)" if fmt else "_rt.serialize(v)"
        items = f"str({item}) for v in {name}"
        return f"None if {name} is None else {py_string(sep)}.join({items})"
    fmt = _format_of(param.type)
    if fmt is not None:
        return f"_rt.to_wire({py_string(fmt)}, {name})"
    if isinstance(param.type, EnumRef):
        return f"_rt.serialize({name})"
    return name


def _content_type(
    types: tuple[str, ...],
    optional_kw: list[ParamView],
    headers: list[tuple[str, str]],
    keyword_docs: list[str],
) -> None:
    """The body's Content-Type: the one the spec consumes, or a ``content_type`` keyword (the
    first type by default) when it consumes several."""
    if len(types) == 1:
        headers.append(("Content-Type", py_string(types[0])))
        return
    optional_kw.append(ParamView("content_type", "str", py_string(types[0])))
    headers.append(("Content-Type", "content_type"))
    listed = ", ".join(f"``{t}``" for t in types)
    text = f"The body's media type: one of {listed}. Default value is ``{types[0]}``."
    keyword_docs.extend(docs.field_lines("keyword", "content_type", text, 8))
    keyword_docs.extend(docs.field_lines("paramtype", "content_type", "str", 8))


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


def constant_value(spec: ApiSpec, param: Parameter | Property) -> str | int | float | bool | None:
    """The value of a constant parameter (a required enum of one value), else None.

    Such a parameter is not an argument: the only value the spec allows is always sent.  The
    same holds for a property of a flattened body.
    """
    if not param.required or not isinstance(param.type, EnumRef):
        return None
    values = spec.enum(param.type.key).values
    return values[0].value if len(values) == 1 else None


def _constant_expr(builder: _Builder, prop: Property, value: str | int | float | bool) -> str:
    """The constant ``value`` of enum-typed ``prop`` as an expression its type accepts."""
    assert isinstance(prop.type, EnumRef)
    annotation = builder.namer.annotation(prop.type, builder.needs)
    cls = builder.namer.class_name(prop.type.key)
    if annotation not in (cls, f"_rt.Extensible[{cls}]"):
        return py_value(value)  # an enum typed as its value (booleans)
    member = builder.spec.enum(prop.type.key).values[0]
    return f"{cls}.{member.py_name}"


def _client_value(
    param: Parameter,
    path_entries: list[tuple[str, str]],
    skip: list[str],
    query: list[tuple[str, str]],
    headers: list[tuple[str, str]],
) -> None:
    """Send a client-level parameter (``x-ms-parameter-location: client``) from the client."""
    value = _value_expr(param, f"self._core.client_values[{py_string(param.wire_name)}]")
    if param.location is ParameterLocation.PATH:
        path_entries.append((param.wire_name, value))
        if param.skip_url_encoding:
            skip.append(param.wire_name)
    elif param.location is ParameterLocation.QUERY:
        query.append((param.wire_name, value))
    else:
        headers.append((param.wire_name, value))


@dataclass(frozen=True)
class _Group:
    """A parameter group (x-ms-parameter-grouping) as one argument of a method."""

    key: str
    arg: str  # the argument's name
    required: bool  # a member this operation sends is required
    attrs: dict[str, str]  # member wire name -> attribute on the group model

    def value(self, wire_name: str) -> str:
        """The expression reading one member from the argument."""
        read = f"{self.arg}.{self.attrs[wire_name]}"
        return read if self.required else f"(None if {self.arg} is None else {read})"


def _groups(spec: ApiSpec, op: Operation) -> dict[str, _Group]:
    """The operation's parameter groups by model key, in the order their members appear."""
    members: list[tuple[str, bool]] = [
        (p.group_key, p.required) for p in op.parameters if p.group_key and not p.client_level
    ]
    if isinstance(op.body, JsonBody) and op.body.group_key:
        members.append((op.body.group_key, op.body.required))
    groups: dict[str, _Group] = {}
    for key, required in members:
        if key in groups:
            if required and not groups[key].required:
                groups[key] = _Group(key, groups[key].arg, True, groups[key].attrs)
            continue
        model = spec.model(key)
        attrs = {p.wire_name: p.py_name for p in model.properties}
        groups[key] = _Group(key, _safe(snake(model.class_name)), required, attrs)
    return groups


def _accept(types: tuple[str, ...]) -> str:
    return ", ".join(types) if types else "application/json"


def build_operation(builder: _Builder, op: Operation) -> OperationView:
    """The view of one operation."""
    namer, needs = builder.namer, builder.needs
    positional: list[ParamView] = []
    required_kw: list[ParamView] = []
    optional_kw: list[ParamView] = []
    path_entries: list[tuple[str, str]] = []
    skip: list[str] = []
    query: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    param_docs: list[str] = []  # positional parameters first, then keywords
    keyword_docs: list[str] = []
    paging = op.paging
    cursor_wire = paging.cursor_parameter if paging else None
    stream_flag = op.event_stream.trigger_parameter if op.event_stream else None
    flag_name = ""

    def document(role: str, name: str, text: str, tp: TypeRef | str, required: bool) -> None:
        suffix = "Required." if required else "Default value is None."
        target = param_docs if role == "param" else keyword_docs
        target.extend(docs.field_lines(role, name, f"{text} {suffix}".strip(), 8))
        type_role = "type" if role == "param" else "paramtype"
        type_text = tp if isinstance(tp, str) else namer.doc_type(tp, builder.models_path)
        target.extend(docs.field_lines(type_role, name, type_text, 8))

    host_names = {p.wire_name for p in builder.spec.client.host.parameters if p.client_level}
    groups = _groups(builder.spec, op)
    sends_version = False
    for param in op.parameters:
        if param.client_level:
            if is_api_version(param.wire_name, param.location):
                sends_version = True
            elif param.wire_name not in host_names:
                _client_value(param, path_entries, skip, query, headers)
            continue
        constant = constant_value(builder.spec, param)
        if constant is not None:
            fixed = (param.wire_name, py_value(constant))
            if param.skip_url_encoding:
                skip.append(param.wire_name)
            if param.location is ParameterLocation.PATH:
                path_entries.append(fixed)
            else:
                (query if param.location is ParameterLocation.QUERY else headers).append(fixed)
            continue
        if param.group_key:
            value = _value_expr(param, groups[param.group_key].value(param.wire_name))
            if param.location is ParameterLocation.PATH:
                path_entries.append((param.wire_name, value))
                if param.skip_url_encoding:
                    skip.append(param.wire_name)
            else:
                (query if param.location is ParameterLocation.QUERY else headers).append(
                    (param.wire_name, value)
                )
                if param.skip_url_encoding and param.location is ParameterLocation.QUERY:
                    skip.append(param.wire_name)
            continue
        name = _safe(param.py_name)
        if param.location is ParameterLocation.QUERY and param.wire_name == cursor_wire:
            query.append((param.wire_name, "_cursor"))
            continue
        annotation = namer.annotation(param.type, needs)
        value = _value_expr(param, name)
        if param.location is ParameterLocation.PATH:
            positional.append(ParamView(name, annotation, None))
            path_entries.append((param.wire_name, value))
            if param.skip_url_encoding:
                skip.append(param.wire_name)
            document("param", name, param.description, param.type, True)
            continue
        if param.wire_name == stream_flag:
            flag_name = name
        target = query if param.location is ParameterLocation.QUERY else headers
        target.append((param.wire_name, value))
        if param.skip_url_encoding and param.location is ParameterLocation.QUERY:
            skip.append(param.wire_name)
        if param.required:
            required_kw.append(ParamView(name, annotation, None))
        else:
            optional_kw.append(ParamView(name, optional(annotation), "None"))
        text = param.description
        if param.default is not None and not param.required:
            shown = json.dumps(param.default.value)
            text = f"{text} When omitted, the service uses {shown}.".strip()
        document("keyword", name, text, param.type, param.required)

    def argument(name: str, annotation: str, required: bool, text: str, tp: TypeRef) -> None:
        """A required argument goes first, positional; an optional one is a keyword."""
        if required:
            positional.append(ParamView(name, annotation, None))
        else:
            optional_kw.append(ParamView(name, optional(annotation), "None"))
        document("param" if required else "keyword", name, text, tp, required)

    for group in groups.values():
        model = builder.spec.model(group.key)
        annotation = namer.annotation(ModelRef(group.key), needs)
        argument(group.arg, annotation, group.required, model.description, ModelRef(group.key))

    body_args: list[str] = []
    body = op.body
    if isinstance(body, JsonBody) and body.group_key:
        value = groups[body.group_key].value(body.wire_name)
        body_args.append(f"json={_json_body_expr(body.type, value)}")
    elif isinstance(body, JsonBody) and body.flattened and isinstance(body.type, ModelRef):
        # x-ms-client-flatten: the body model is built from one argument per property.
        targets = init_names(builder.spec, builder.spec.model(body.type.key))
        values: list[str] = []
        for arg in body.flattened:
            prop = arg.property
            constant = constant_value(builder.spec, prop)
            if constant is not None:
                values.append(f"{targets[arg.path]}={_constant_expr(builder, prop, constant)}")
                continue
            name = _safe(prop.py_name)
            annotation = namer.annotation(prop.type, needs, accept_dict=True)
            argument(name, annotation, prop.required, prop.description, prop.type)
            values.append(f"{targets[arg.path]}={name}")
        model_class = namer.annotation(body.type, needs)
        body_args.append(f"json={model_class}({', '.join(values)})")
    elif isinstance(body, JsonBody):
        name = _safe(body.py_name)
        annotation = namer.annotation(body.type, needs, accept_dict=True)
        argument(name, annotation, body.required, body.description, body.type)
        body_args.append(f"json={_json_body_expr(body.type, name)}")
    if isinstance(body, JsonBody):
        concrete = tuple(t for t in body.content_types if "*" not in t)
        if concrete and "application/json" not in concrete:
            _content_type(concrete, optional_kw, headers, keyword_docs)
    elif isinstance(body, MultipartBody):
        files: list[tuple[str, str]] = []
        data: list[tuple[str, str]] = []
        for part in body.fields:
            name = _safe(part.py_name)
            if part.is_file:
                annotation = _FILE_INPUT
                entry = f"_rt.file_part({name}, field={py_string(part.wire_name)})"
                if not part.required:
                    entry = f"None if {name} is None else {entry}"
                files.append((part.wire_name, entry))
                doc_type = "str or ~os.PathLike or bytes or IO[bytes] or tuple"
            elif isinstance(part.type, ArrayType) and part.type.items in _STREAM_TYPES:
                # One part per file, all under the field's name.
                annotation = f"list[{_FILE_INPUT}]"
                each = f"_rt.file_part(v, field={py_string(part.wire_name)})"
                entry = f"[{each} for v in {name}]"
                if not part.required:
                    entry = f"None if {name} is None else {entry}"
                files.append((part.wire_name, entry))
                doc_type = "list[str or ~os.PathLike or bytes or IO[bytes] or tuple]"
            else:
                annotation = namer.annotation(part.type, needs)
                data.append((part.wire_name, f"_rt.serialize({name})"))
                doc_type = namer.doc_type(part.type, builder.models_path)
            if part.required:
                required_kw.append(ParamView(name, annotation, None))
            else:
                optional_kw.append(ParamView(name, optional(annotation), "None"))
            document("keyword", name, part.description, doc_type, part.required)
        # A url-encoded form is sent as ``data`` alone; a file part makes it multipart.
        if files or body.content_type.startswith("multipart/"):
            body_args.append(f"files={_dict_literal(files)}")
        if data or not files:
            body_args.append(f"data={_dict_literal(data)}")
    elif isinstance(body, BinaryBody):
        name = _safe(body.py_name)
        needs.add("from typing import IO")
        textual = bool(body.content_types) and all(
            t.startswith("text/") for t in body.content_types
        )
        needs.add("import os")
        # The inputs of a file part: a path, bytes or a file, streamed (a str is the text itself
        # for a text/* body, so a path is then given as an os.PathLike).
        annotation = "str | os.PathLike[str] | bytes | IO[bytes]"
        if body.required:
            positional.append(ParamView(name, annotation, None))
        else:
            optional_kw.append(ParamView(name, optional(annotation), "None"))
        value = f"_rt.binary_body({name}{', text=True' if textual else ''})"
        if not body.required:
            value = f"None if {name} is None else {value}"
        body_args.append(f"content={value}")
        doc_type = "str or ~os.PathLike or bytes or IO[bytes]"
        document("param", name, body.description, doc_type, body.required)
        concrete = tuple(t for t in body.content_types if "*" not in t)
        if concrete:
            _content_type(concrete, optional_kw, headers, keyword_docs)

    success, maybe_empty = success_type(op)
    kind = "plain"
    result_type: str | None = None
    return_annotation = "None"
    paging_view: PagingView | None = None
    stream_view: StreamView | None = None
    polling_header = ""

    table = response_view(builder.spec, op, namer, needs, None)
    if success in _STREAM_TYPES:
        kind = "download"
        return_annotation = "@Iterator[bytes]"
    elif success is not None:
        result_type = namer.annotation(success, needs)
        return_annotation = optional(result_type) if maybe_empty else result_type
    if kind == "plain" and op.paging is None:
        return_annotation = table.return_annotation

    if paging is not None and success is not None:
        paging_view = _paging_view(builder, op, success)
        if paging_view is not None:
            kind = "paged"
            return_annotation = f"@Paged[{paging_view.item_type}]"
    if kind != "paged":
        query = [(k, v) for k, v in query if v != "_cursor"]
        if cursor_wire is not None:
            _add_cursor_param(builder, op, cursor_wire, optional_kw, query, document)
    lro = None
    if op.long_running is not None:
        kind = "lro"
        final = op.long_running.final_type or success
        result_type = namer.annotation(final, needs) if final is not None else None
        return_annotation = f"@Poller[{result_type or 'None'}]"
        polling_header = op.long_running.polling_header
        states = lro_states(builder.spec, op)
        lro = LroView(
            final_state_via=(
                py_string(op.long_running.final_state_via)
                if op.long_running.final_state_via
                else "None"
            ),
            succeeded=states.succeeded,
            failed=states.failed,
        )
    if op.event_stream is not None and flag_name and kind == "plain":
        kind = "sse"
        event = namer.annotation(op.event_stream.event_type, needs)
        stream_view = StreamView(
            flag=flag_name,
            event_type=event,
            terminator=py_string(op.event_stream.terminator),
            non_stream_return=return_annotation,
            stream_return=f"@EventIterator[{event}]",
            stream_accept=py_string("text/event-stream"),
        )
        headers.append(("Accept", f'"text/event-stream" if {flag_name} else "application/json"'))
    elif kind == "download":
        headers.append(("Accept", py_string(_accept(op.produces))))
    else:
        json_types = tuple(t for t in op.produces if "json" in t) or ("application/json",)
        headers.append(("Accept", py_string(_accept(json_types))))

    headers = _spec_headers_win(op, headers)
    request_args: list[str] = []
    if path_entries:
        request_args.append(f"path_params={_dict_literal(path_entries)}")
    if skip:
        request_args.append(f"skip_encoding=({', '.join(py_string(s) for s in skip)},)")
    if query:
        request_args.append(f"query={_dict_literal(query)}")
    request_args.append(f"headers={_dict_literal(headers)}")
    next_request_args = (request_args[-1],)
    if not sends_version and api_version_parameter(builder.spec) is not None:
        request_args.append("send_api_version=False")
    if op.anonymous and builder.spec.client.auth:
        request_args.append("anonymous=True")  # security: [] -- no credential for this one
    request_args.extend(body_args)

    statuses = {int(r.status) for r in op.success_responses if r.status.isdigit()}
    if kind == "lro":
        statuses |= _LRO_INITIAL_STATUSES
    expected = (
        "("
        + ", ".join(str(s) for s in sorted(statuses))
        + ("," if len(statuses) == 1 else "")
        + ")"
    )
    error_model = table.errors

    docstrings = tuple(
        operation_docstring(
            namer,
            builder.models_path,
            op,
            param_docs + keyword_docs,
            kind,
            paging_view,
            stream_view,
            aio,
        )
        for aio in (False, True)
    )
    needs.add(IMPORT_ANY)
    return OperationView(
        name=op.py_name,
        method=py_string(op.method.upper()),
        path=py_string(op.path),
        kind=kind,
        positional=tuple(positional),
        keyword=tuple(required_kw + optional_kw),
        docstring=docstrings[0],
        async_docstring=docstrings[1],
        request_args=tuple(request_args),
        expected=expected,
        error_model=error_model,
        return_annotation=return_annotation,
        result_type=result_type,
        paging=paging_view,
        stream=stream_view,
        polling_header=py_string(polling_header),
        next_request_args=next_request_args,
        responses=table,
        lro=lro,
    )


def _add_cursor_param(
    builder: _Builder,
    op: Operation,
    cursor_wire: str,
    optional_kw: list[ParamView],
    query: list[tuple[str, str]],
    document: Callable[[str, str, str, TypeRef | str, bool], None],
) -> None:
    """Keep a cursor parameter as an ordinary keyword when the operation is not paged."""
    for param in op.parameters:
        if param.wire_name == cursor_wire and param.location is ParameterLocation.QUERY:
            name = _safe(param.py_name)
            annotation = optional(builder.namer.annotation(param.type, builder.needs))
            optional_kw.append(ParamView(name, annotation, "None"))
            query.append((param.wire_name, name))
            document("keyword", name, param.description, param.type, False)


def _paging_view(builder: _Builder, op: Operation, page: TypeRef) -> PagingView | None:
    """Paging details, or None when the page or item shape does not support them."""
    spec, namer = builder.spec, builder.namer
    paging = op.paging
    assert paging is not None
    items_attr = _property_name(spec, page, paging.items_property)
    if items_attr is None or not _is_model(page):
        return None
    page_type = namer.annotation(page, builder.needs)
    item_type = namer.annotation(paging.item_type, builder.needs)
    if paging.next_link_property is not None:
        link = _property_name(spec, page, paging.next_link_property)
        if link is None:
            return None
        return PagingView("next_link", page_type, item_type, items_attr, "", "", link)
    if paging.cursor_parameter is None:  # one page, e.g. a list envelope or nextLinkName: null
        return PagingView("single", page_type, item_type, items_attr, "", "", "")
    has_more = _property_name(spec, page, paging.has_more_property)
    cursor = _property_name(spec, paging.item_type, paging.cursor_item_property)
    if paging.cursor_parameter is None or has_more is None or cursor is None:
        return None
    return PagingView("cursor", page_type, item_type, items_attr, has_more, cursor, "")


def _span_name(builder: _Builder, group: OperationGroup, op: Operation) -> str:
    """``<package>/<group attribute>.<method>`` (``<package>/<method>`` on the client itself):
    the tracing span of one public method, named as the caller writes the call."""
    method = f"{group.py_name}.{op.py_name}" if group.py_name else op.py_name
    return py_string(f"{builder.package}/{method}" if builder.package else method)


def group_view(builder: _Builder, group: OperationGroup) -> GroupView:
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
            replace(build_operation(builder, op), span_name=_span_name(builder, group, op))
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
    builder = _Builder(spec, namer, models_path, package=package)
    groups = tuple(group_view(builder, g) for g in spec.groups)
    return groups, builder.needs
