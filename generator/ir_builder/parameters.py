"""Operation parameters: path/query/header parameters and request bodies.

Path-level parameters are merged with the operation's own (the operation wins on the same
``in`` + ``name``).  ``in: body`` becomes a JSON or binary body, ``in: formData`` parameters
become one multipart body whose ``type: file`` parts carry file content.  Parameters defined in
the global ``parameters`` section are client parameters unless ``x-ms-parameter-location`` says
``method`` (AutoRest's rule).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.ir import (
    BinaryBody,
    Default,
    FormField,
    JsonBody,
    MapType,
    MultipartBody,
    Parameter,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    RequestBody,
)
from generator.ir_builder.context import BuildContext, as_mapping, child, text
from generator.ir_builder.types import constraints_of, default_of, inline_type, type_of

_LOCATIONS = {
    "path": ParameterLocation.PATH,
    "query": ParameterLocation.QUERY,
    "header": ParameterLocation.HEADER,
}
_BINARY_TYPES = (PrimitiveType(Primitive.FILE), PrimitiveType(Primitive.BINARY))


@dataclass(frozen=True, slots=True)
class RawParameter:
    """A parameter object after ``$ref`` resolution, with where it came from."""

    value: Mapping[str, Any]
    at: str  # where the parameter object itself is
    used_at: str  # where the operation (or path item) lists it
    is_global: bool  # defined under the top-level ``parameters`` section


def gather(ctx: BuildContext, lists: Sequence[tuple[object, str]]) -> list[RawParameter]:
    """Resolve and merge parameter lists; later lists override earlier ones by (in, name)."""
    merged: dict[tuple[str, str], RawParameter] = {}
    for raw_list, at in lists:
        if raw_list is None:
            continue
        if not isinstance(raw_list, list):
            ctx.sink.error(at, "parameters is not a list", "ignored")
            continue
        for index, item in enumerate(raw_list):
            used_at = child(at, index)
            resolved = ctx.resolve(item, used_at)
            value = resolved.value
            if value is None:
                continue
            name, where = value.get("name"), value.get("in")
            if not isinstance(name, str) or not isinstance(where, str):
                ctx.sink.error(used_at, "parameter without a string 'name' and 'in'", "skipped")
                continue
            is_global = resolved.at.split("#", 1)[-1].startswith("/parameters/")
            merged[(where, name)] = RawParameter(value, resolved.at, used_at, is_global)
    return list(merged.values())


def build_parameter(ctx: BuildContext, raw: RawParameter, context: str) -> Parameter | None:
    """A path/query/header parameter (None for other locations)."""
    value = raw.value
    location = _LOCATIONS.get(str(value["in"]))
    if location is None:
        return None
    name = str(value["name"])
    required = value.get("required") is True
    if location is ParameterLocation.PATH and not required:
        ctx.sink.warning(raw.at, f"path parameter {name!r} is not marked required", "required")
        required = True
    placement = value.get("x-ms-parameter-location")
    client_level = placement == "client" or (raw.is_global and placement != "method")
    if is_api_version(name, location) and value.get("x-ms-api-version") is not False:
        # One api_version keyword on the client, whether declared globally or per operation
        # (TypeSpec writes it per operation with x-ms-parameter-location: method).
        client_level = True
    default = default_of(ctx, value, raw.at)
    client_default = value.get("x-ms-client-default")
    if default is None and isinstance(client_default, str | int | float | bool):
        default = Default(client_default)
    collection = value.get("collectionFormat")
    client_name = value.get("x-ms-client-name")
    grouping = as_mapping(value.get("x-ms-parameter-grouping"))
    prefix = header_collection_prefix(ctx, value, raw.at, location is ParameterLocation.HEADER)
    return Parameter(
        wire_name=name,
        py_name="",
        location=location,
        type=(
            HEADER_COLLECTION
            if prefix is not None
            else _parameter_type(ctx, value, raw.at, f"{context}.{name}")
        ),
        required=required,
        description=text(value.get("description")),
        default=default,
        client_level=client_level,
        skip_url_encoding=value.get("x-ms-skip-url-encoding") is True,
        collection_format=collection if isinstance(collection, str) else None,
        constraints=constraints_of(ctx, value, raw.at),
        client_name=client_name if isinstance(client_name, str) and client_name else None,
        grouping=None if grouping is None else text(grouping.get("name")),
        secret=value.get("x-ms-secret") is True,
        collection_prefix=prefix,
    )


#: The type of a header collection (``x-ms-header-collection-prefix``), whatever the spec
#: declares (specs say ``type: string``, the type of each header of the family).
HEADER_COLLECTION = MapType(PrimitiveType(Primitive.STRING))


def header_collection_prefix(
    ctx: BuildContext, value: Mapping[str, Any], at: str, is_header: bool
) -> str | None:
    """The ``x-ms-header-collection-prefix`` of a header (None when there is none or it is
    unusable: not a non-empty string, or not on a header)."""
    prefix = value.get("x-ms-header-collection-prefix")
    if prefix is None:
        return None
    where = child(at, "x-ms-header-collection-prefix")
    if not isinstance(prefix, str) or not prefix:
        ctx.sink.warning(where, "x-ms-header-collection-prefix is not a string", "ignored")
        return None
    if not is_header:
        ctx.sink.warning(where, "x-ms-header-collection-prefix on a non-header", "ignored")
        return None
    return prefix


API_VERSION = "api-version"


def is_api_version(name: str, location: ParameterLocation) -> bool:
    """Whether the parameter is the service's API version (the ``api-version`` query)."""
    return location is ParameterLocation.QUERY and name.lower() == API_VERSION


def _parameter_type(ctx: BuildContext, value: Mapping[str, Any], at: str, context: str) -> Any:
    if "schema" in value:  # not Swagger 2.0 for non-body parameters, but seen in the wild
        return type_of(ctx, value["schema"], child(at, "schema"), context)
    if "type" not in value:
        ctx.sink.warning(at, "parameter has no 'type'", "typed as string")
        return PrimitiveType(Primitive.STRING)
    return inline_type(ctx, value, at, context)


def build_body(
    ctx: BuildContext,
    raws: list[RawParameter],
    consumes: tuple[str, ...],
    context: str,
    at: str,
) -> RequestBody | None:
    """The request body from ``in: body`` or ``in: formData`` parameters (None if neither)."""
    bodies = [r for r in raws if r.value["in"] == "body"]
    forms = [r for r in raws if r.value["in"] == "formData"]
    if len(bodies) > 1:
        ctx.sink.error(bodies[1].used_at, "more than one body parameter", "only the first kept")
    if bodies and forms:
        ctx.sink.error(forms[0].used_at, "formData beside a body parameter", "formData ignored")
    if bodies:
        return _body(ctx, bodies[0], consumes, context)
    if forms:
        fields = tuple(_form_field(ctx, raw, context) for raw in forms)
        if not any(c.startswith("multipart/") or "form" in c for c in consumes):
            ctx.sink.warning(at, "formData parameters without a form content type", "multipart")
        urlencoded = "application/x-www-form-urlencoded"
        if urlencoded in consumes and not any(c.startswith("multipart/") for c in consumes):
            if any(f.is_file for f in fields):
                ctx.sink.warning(at, "file parts in a url-encoded form", "sent as multipart")
            else:
                return MultipartBody(fields, urlencoded)
        return MultipartBody(fields)
    return None


def _body(
    ctx: BuildContext, raw: RawParameter, consumes: tuple[str, ...], context: str
) -> RequestBody:
    value = raw.value
    name = str(value["name"])
    required = value.get("required") is True
    description = text(value.get("description"))
    if "schema" not in value:
        ctx.sink.error(raw.at, "body parameter without a schema", "typed as any")
        schema: object = {}
    else:
        schema = value["schema"]
    body_type = type_of(ctx, schema, child(raw.at, "schema"), f"{context}.{name}")
    json_like = [c for c in consumes if "json" in c]
    stream = isinstance(schema, Mapping) and schema.get("format") in ("file", "binary")
    if stream or body_type in _BINARY_TYPES or (consumes and not json_like):
        return BinaryBody(name, "", required, consumes, description)
    return JsonBody(
        name,
        "",
        body_type,
        required,
        tuple(json_like) or consumes,
        description,
        client_flatten=value.get("x-ms-client-flatten") is True,
    )


def _form_field(ctx: BuildContext, raw: RawParameter, context: str) -> FormField:
    value = raw.value
    name = str(value["name"])
    field_type = _parameter_type(ctx, value, raw.at, f"{context}.{name}")
    if field_type == PrimitiveType(Primitive.BINARY):
        field_type = PrimitiveType(Primitive.FILE)
    return FormField(
        wire_name=name,
        py_name="",
        type=field_type,
        required=value.get("required") is True,
        description=text(value.get("description")),
        default=default_of(ctx, value, raw.at),
        constraints=constraints_of(ctx, value, raw.at),
    )


def content_types(ctx: BuildContext, value: object, at: str) -> tuple[str, ...] | None:
    """A consumes/produces list as a tuple (None when absent or malformed)."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        ctx.sink.warning(at, "content-type list is not a list of strings", "ignored")
        return None
    return tuple(dict.fromkeys(value))


def is_form(raw: RawParameter) -> bool:
    """Whether the parameter is a form field."""
    return raw.value.get("in") == "formData"


def unknown_locations(ctx: BuildContext, raws: list[RawParameter]) -> None:
    """Report parameters whose ``in`` the builder does not know."""
    for raw in raws:
        where = raw.value["in"]
        if where not in _LOCATIONS and where not in ("body", "formData"):
            ctx.sink.error(raw.used_at, f"parameter location {where!r} is not known", "skipped")


__all__ = [
    "RawParameter",
    "as_mapping",
    "build_body",
    "build_parameter",
    "content_types",
    "gather",
    "unknown_locations",
]
