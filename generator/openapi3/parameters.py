"""OpenAPI 3 parameters and request bodies -> Swagger 2.0 parameters.

A 3.x parameter keeps its type under ``schema``; Swagger writes the same keywords on the
parameter itself, so they are moved up (a ``$ref`` schema stays under ``schema``, which the
builder also reads).  ``style``/``explode`` of an array become ``collectionFormat``.

A ``requestBody`` becomes what Swagger would have written: one ``in: body`` parameter (named by
``x-ms-requestBody-name``, else ``body`` as AutoRest names it) for JSON and other payloads, or
one ``in: formData`` parameter per property for ``multipart/form-data`` and url-encoded forms
(a ``format: binary`` string part is a ``type: file`` part).  The media types become the
operation's ``consumes``.  When media types carry different schemas, the first is used and the
others are reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.openapi3.context import Lowering, child, copied, extensions
from generator.openapi3.schemas import lower_schema

_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
_COPIED = ("name", "in", "description", "required", "allowEmptyValue")
_STYLES = {"form": "csv", "simple": "csv", "spaceDelimited": "ssv", "pipeDelimited": "pipes"}


def lower_parameter(low: Lowering, value: object, lat: str, oat: str) -> Any:
    """The Swagger form of one parameter (or a ``$ref`` to a component parameter)."""
    low.moved(lat, oat)
    if not isinstance(value, Mapping):
        return value
    if "$ref" in value:
        return {"$ref": low.ref(value["$ref"])}
    out: dict[str, Any] = {k: copied(value[k]) for k in _COPIED if k in value}
    out.update(extensions(value))
    schema, schema_oat = value.get("schema"), child(oat, "schema")
    content = value.get("content")
    if schema is None and isinstance(content, Mapping) and content:
        media = next(iter(content))
        low.sink.warning(child(oat, "content"), "parameter typed by content", f"{media!r} used")
        entry = content[media]
        schema = entry.get("schema") if isinstance(entry, Mapping) else None
        schema_oat = child(oat, "content", media, "schema")
    if isinstance(schema, Mapping):
        _place_schema(low, schema, out, lat, schema_oat)
    if out.get("type") == "array":
        _collection_format(value, out)
    return out


def _place_schema(
    low: Lowering, schema: Mapping[str, Any], out: dict[str, Any], lat: str, oat: str
) -> None:
    """Write the parameter's schema keywords onto the parameter, as Swagger spells it."""
    if "$ref" in schema:
        out["schema"] = lower_schema(low, schema, child(lat, "schema"), oat)
        return
    lowered = lower_schema(low, schema, lat, oat)
    low.moved(lat, oat[: -len("/schema")] if oat.endswith("/schema") else oat)
    for key, item in lowered.items():
        if key == "description" and "description" in out:
            continue
        out.setdefault(key, item)
        low.moved(child(lat, key), child(oat, key))


def _collection_format(value: Mapping[str, Any], out: dict[str, Any]) -> None:
    where = value.get("in")
    style = value.get("style", "form" if where in ("query", "cookie") else "simple")
    explode = value.get("explode", style == "form")
    if style == "form" and explode is True:
        out["collectionFormat"] = "multi"
    elif isinstance(style, str) and style in _STYLES:
        out["collectionFormat"] = _STYLES[style]


def lower_request_body(
    low: Lowering, operation: Mapping[str, Any], first_index: int, lat: str, oat: str
) -> tuple[list[str], list[dict[str, Any]]]:
    """(consumes, parameters) for the operation's ``requestBody``; parameters start at index."""
    body, body_oat = low.follow(operation["requestBody"], child(oat, "requestBody"))
    if body is None:
        return [], []
    content = body.get("content")
    if not isinstance(content, Mapping) or not content:
        low.sink.warning(child(body_oat, "content"), "request body without content", "ignored")
        return [], []
    media_types = [str(m) for m in content]
    first = media_types[0]
    chosen = content[first] if isinstance(content[first], Mapping) else {}
    consumes = [first]
    for media in media_types[1:]:
        if content[media] == chosen:
            consumes.append(media)
        else:
            low.sink.warning(
                child(body_oat, "content", media),
                f"media type {media!r} has another schema than {first!r}",
                f"the {first!r} body is used",
            )
    schema_oat = child(body_oat, "content", first, "schema")
    schema = chosen.get("schema", {})
    at = child(lat, "parameters", first_index)
    if first.split(";")[0].strip() in _FORMS:
        return consumes, _form_fields(low, schema, body, first_index, lat, schema_oat)
    name = operation.get("x-ms-requestBody-name", body.get("x-ms-requestBody-name", "body"))
    parameter: dict[str, Any] = {"name": name if isinstance(name, str) else "body", "in": "body"}
    for key in ("description", "required"):
        if key in body:
            parameter[key] = copied(body[key])
    parameter.update(extensions(body))
    parameter.pop("x-ms-requestBody-name", None)
    low.moved(at, child(oat, "requestBody"))
    parameter["schema"] = lower_schema(low, schema, child(at, "schema"), schema_oat)
    return consumes, [parameter]


def _form_fields(
    low: Lowering,
    schema: object,
    body: Mapping[str, Any],
    first_index: int,
    lat: str,
    oat: str,
) -> list[dict[str, Any]]:
    """One ``in: formData`` parameter per property of the form's object schema."""
    resolved, at = low.follow(schema, oat)
    if resolved is None:
        return []
    properties = resolved.get("properties")
    if not isinstance(properties, Mapping):
        low.sink.warning(at, "form body without properties", "no form fields")
        return []
    required = resolved.get("required", [])
    fields: list[dict[str, Any]] = []
    for name, prop in properties.items():
        field_lat = child(lat, "parameters", first_index + len(fields))
        field_oat = child(at, "properties", name)
        field: dict[str, Any] = {"name": name, "in": "formData"}
        if isinstance(required, list) and name in required:
            field["required"] = True
        if isinstance(prop, Mapping):
            _place_schema(low, prop, field, field_lat, field_oat)
            if field.get("type") == "string" and field.get("format") == "binary":
                field["type"] = "file"
                del field["format"]
        low.moved(field_lat, field_oat)
        fields.append(field)
    return fields


__all__ = ["lower_parameter", "lower_request_body"]
