"""Request bodies of one operation: the arguments they become and how they are sent.

A JSON body is one argument, a member of a parameter group, or -- flattened
(``x-ms-client-flatten``) -- one argument per property of its model; form data is one keyword
per field (a file part takes a path, bytes or a file); a binary body takes the same inputs as a
file part and is streamed.  When the spec consumes several media types, a ``content_type``
keyword chooses one.
"""

from __future__ import annotations

from generator.ir import (
    ArrayType,
    BinaryBody,
    EnumRef,
    JsonBody,
    ModelRef,
    MultipartBody,
    Operation,
    Primitive,
    PrimitiveType,
    Property,
)
from generator.render import docs
from generator.render.escape import py_string, py_value
from generator.render.method_parts import MethodParts, safe_name
from generator.render.model_context import init_names
from generator.render.operation_parameters import constant_value
from generator.render.operation_views import ParamView
from generator.render.parameter_groups import ParameterGroup
from generator.render.types import TYPES_ALIAS
from generator.render.wire_values import dict_literal, json_body_expr

#: Types of a byte stream: a file part, a binary body or a download.
STREAM_TYPES = (PrimitiveType(Primitive.FILE), PrimitiveType(Primitive.BINARY))
_FILE_INPUT = f"{TYPES_ALIAS}.FileInput"


def add_body(parts: MethodParts, op: Operation, groups: dict[str, ParameterGroup]) -> list[str]:
    """The arguments of ``op``'s body, if any; returns how the request sends it (``json=...``,
    ``files=...``, ``data=...`` or ``content=...``)."""
    body = op.body
    if isinstance(body, JsonBody):
        body_args = [_json_body(parts, body, groups)]
        concrete = tuple(t for t in body.content_types if "*" not in t)
        if concrete and "application/json" not in concrete:
            _content_type(parts, concrete)
        return body_args
    if isinstance(body, MultipartBody):
        return _form_body(parts, body)
    if isinstance(body, BinaryBody):
        return _binary_body(parts, body)
    return []


def _json_body(parts: MethodParts, body: JsonBody, groups: dict[str, ParameterGroup]) -> str:
    scope = parts.scope
    if body.group_key:
        value = groups[body.group_key].value(body.wire_name)
        return f"json={json_body_expr(body.type, value)}"
    if body.flattened and isinstance(body.type, ModelRef):
        # x-ms-client-flatten: the body model is built from one argument per property.
        targets = init_names(scope.spec, scope.spec.model(body.type.key))
        values: list[str] = []
        for arg in body.flattened:
            prop = arg.property
            constant = constant_value(scope.spec, prop)
            if constant is not None:
                values.append(f"{targets[arg.path]}={_constant_expr(parts, prop, constant)}")
                continue
            name = safe_name(prop.py_name)
            annotation = scope.namer.annotation(prop.type, scope.needs, accept_dict=True)
            parts.argument(name, annotation, prop.required, prop.description, prop.type)
            values.append(f"{targets[arg.path]}={name}")
        model_class = scope.namer.annotation(body.type, scope.needs)
        return f"json={model_class}({', '.join(values)})"
    name = safe_name(body.py_name)
    annotation = scope.namer.annotation(body.type, scope.needs, accept_dict=True)
    parts.argument(name, annotation, body.required, body.description, body.type)
    return f"json={json_body_expr(body.type, name)}"


def _constant_expr(parts: MethodParts, prop: Property, value: str | int | float | bool) -> str:
    """The constant ``value`` of enum-typed ``prop`` as an expression its type accepts."""
    assert isinstance(prop.type, EnumRef)
    scope = parts.scope
    annotation = scope.namer.annotation(prop.type, scope.needs)
    cls = scope.namer.class_name(prop.type.key)
    if annotation not in (cls, f"_rt.Extensible[{cls}]"):
        return py_value(value)  # an enum typed as its value (booleans)
    member = scope.spec.enum(prop.type.key).values[0]
    return f"{cls}.{member.py_name}"


def _form_body(parts: MethodParts, body: MultipartBody) -> list[str]:
    scope = parts.scope
    files: list[tuple[str, str]] = []
    data: list[tuple[str, str]] = []
    for part in body.fields:
        name = safe_name(part.py_name)
        if part.is_file:
            annotation = _FILE_INPUT
            entry = f"_rt.file_part({name}, field={py_string(part.wire_name)})"
            if not part.required:
                entry = f"None if {name} is None else {entry}"
            files.append((part.wire_name, entry))
            doc_type = "str or ~os.PathLike or bytes or IO[bytes] or tuple"
        elif isinstance(part.type, ArrayType) and part.type.items in STREAM_TYPES:
            # One part per file, all under the field's name.
            annotation = f"list[{_FILE_INPUT}]"
            each = f"_rt.file_part(v, field={py_string(part.wire_name)})"
            entry = f"[{each} for v in {name}]"
            if not part.required:
                entry = f"None if {name} is None else {entry}"
            files.append((part.wire_name, entry))
            doc_type = "list[str or ~os.PathLike or bytes or IO[bytes] or tuple]"
        else:
            annotation = scope.namer.annotation(part.type, scope.needs)
            data.append((part.wire_name, f"_rt.serialize({name})"))
            doc_type = scope.namer.doc_type(part.type, scope.models_path)
        parts.keyword(name, annotation, part.required)
        parts.document("keyword", name, part.description, doc_type, part.required)
    body_args: list[str] = []
    # A url-encoded form is sent as ``data`` alone; a file part makes it multipart.
    if files or body.content_type.startswith("multipart/"):
        body_args.append(f"files={dict_literal(files)}")
    if data or not files:
        body_args.append(f"data={dict_literal(data)}")
    return body_args


def _binary_body(parts: MethodParts, body: BinaryBody) -> list[str]:
    needs = parts.scope.needs
    name = safe_name(body.py_name)
    needs.add("from typing import IO")
    textual = bool(body.content_types) and all(t.startswith("text/") for t in body.content_types)
    needs.add("import os")
    # The inputs of a file part: a path, bytes or a file, streamed (a str is the text itself
    # for a text/* body, so a path is then given as an os.PathLike).
    parts.take(name, "str | os.PathLike[str] | bytes | IO[bytes]", body.required)
    value = f"_rt.binary_body({name}{', text=True' if textual else ''})"
    if not body.required:
        value = f"None if {name} is None else {value}"
    doc_type = "str or ~os.PathLike or bytes or IO[bytes]"
    parts.document("param", name, body.description, doc_type, body.required)
    concrete = tuple(t for t in body.content_types if "*" not in t)
    if concrete:
        _content_type(parts, concrete)
    return [f"content={value}"]


def _content_type(parts: MethodParts, types: tuple[str, ...]) -> None:
    """The body's Content-Type: the one the spec consumes, or a ``content_type`` keyword (the
    first type by default) when it consumes several."""
    if len(types) == 1:
        parts.headers.append(("Content-Type", py_string(types[0])))
        return
    parts.optional_kw.append(ParamView("content_type", "str", py_string(types[0])))
    parts.headers.append(("Content-Type", "content_type"))
    listed = ", ".join(f"``{t}``" for t in types)
    text = f"The body's media type: one of {listed}. Default value is ``{types[0]}``."
    parts.keyword_docs.extend(docs.field_lines("keyword", "content_type", text, 8))
    parts.keyword_docs.extend(docs.field_lines("paramtype", "content_type", "str", 8))
