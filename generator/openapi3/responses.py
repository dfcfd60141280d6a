"""OpenAPI 3 responses -> Swagger 2.0 responses plus the operation's ``produces``.

Swagger gives one schema per response and one ``produces`` list per operation; OpenAPI 3 gives a
schema per media type.  The body is the first JSON media type's schema (else the first one's);
every media type joins ``produces`` in the order written.  A byte-stream body (``type: string,
format: binary``) is Swagger's ``type: file``.  A JSON-shaped schema served as ``*/*``
(TypeSpec writes that for some responses) is read as ``application/json``, with a warning:
asking for ``*/*`` would leave the client guessing how to decode the body.  Response headers
keep their type keywords on the header itself, as Swagger spells them.  ``links`` describe
follow-up calls for documentation tools; a client does not use them, so they are dropped with a
note.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.openapi3.context import Lowering, child, copied, extensions
from generator.openapi3.schemas import lower_schema

_COMPONENT_RESPONSES = "#/components/responses/"


def lower_responses(low: Lowering, responses: object, lat: str, oat: str) -> tuple[Any, list[str]]:
    """(the Swagger ``responses`` object, the media types they produce)."""
    low.moved(lat, oat)
    if not isinstance(responses, Mapping):
        return responses, []
    out: dict[str, Any] = {}
    produces: list[str] = []
    for status, value in responses.items():
        status_lat, status_oat = child(lat, status), child(oat, status)
        ref = value.get("$ref") if isinstance(value, Mapping) else None
        if isinstance(ref, str) and ref.startswith(_COMPONENT_RESPONSES):
            out[status] = {"$ref": low.ref(ref)}
            target, _ = low.follow(value, status_oat)
            produces.extend(media_types(target))
            continue
        if not isinstance(value, Mapping):
            out[status] = copied(value)  # the builder reports it
            continue
        target, target_oat = low.follow(value, status_oat) if ref else (value, status_oat)
        if target is None:
            continue
        json_target = _json_for_any(low, target, target_oat)
        out[status] = lower_response(low, json_target, status_lat, target_oat)
        if json_target is not target:  # the schema is found under */* in the document
            low.moved(child(status_lat, "schema"), child(target_oat, "content", "*/*", "schema"))
        produces.extend(media_types(json_target))
    return out, list(dict.fromkeys(produces))


def _json_for_any(low: Lowering, response: Mapping[str, Any], oat: str) -> Mapping[str, Any]:
    """``response`` with a ``*/*`` entry whose schema is JSON-shaped renamed application/json."""
    content = response.get("content")
    if not isinstance(content, Mapping) or "*/*" not in content or "application/json" in content:
        return response
    entry = content["*/*"]
    schema = entry.get("schema") if isinstance(entry, Mapping) else None
    if not isinstance(schema, Mapping) or _is_binary(schema):
        return response
    low.sink.warning(
        child(oat, "content", "*/*"), "a JSON schema served as */*", "read as application/json"
    )
    renamed = {("application/json" if m == "*/*" else m): e for m, e in content.items()}
    return {**response, "content": renamed}


def _is_binary(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") == "string" and schema.get("format") == "binary"


def media_types(response: Mapping[str, Any] | None) -> list[str]:
    """The media types a response declares, in order."""
    content = response.get("content") if response is not None else None
    return [str(m) for m in content] if isinstance(content, Mapping) else []


def lower_response(low: Lowering, value: Mapping[str, Any], lat: str, oat: str) -> dict[str, Any]:
    """The Swagger form of one Response Object."""
    low.moved(lat, oat)
    out: dict[str, Any] = {"description": value.get("description", "")}
    out.update(extensions(value))
    content = value.get("content")
    if isinstance(content, Mapping) and content:
        schema = _body_schema(low, content, lat, child(oat, "content"))
        if schema is not None:
            out["schema"] = schema
    headers = value.get("headers")
    if isinstance(headers, Mapping) and headers:
        out["headers"] = {
            name: _header(low, header, child(lat, "headers", name), child(oat, "headers", name))
            for name, header in headers.items()
        }
    if "links" in value:
        low.sink.warning(child(oat, "links"), "response links are not used by a client", "ignored")
    return out


def _body_schema(low: Lowering, content: Mapping[str, Any], lat: str, oat: str) -> Any:
    with_schema = [
        m for m, entry in content.items() if isinstance(entry, Mapping) and "schema" in entry
    ]
    if not with_schema:
        return None
    chosen = next((m for m in with_schema if "json" in m), with_schema[0])
    schema = content[chosen]["schema"]
    for media in with_schema:
        if content[media]["schema"] != schema:
            low.sink.warning(
                child(oat, media, "schema"),
                f"media type {media!r} has another schema than {chosen!r}",
                f"the {chosen!r} schema is used",
            )
    schema_lat = child(lat, "schema")
    lowered = lower_schema(low, schema, schema_lat, child(oat, chosen, "schema"))
    binary = isinstance(lowered, dict) and lowered.get("type") == "string"
    if binary and lowered.get("format") == "binary":  # Swagger's byte-stream response
        lowered = {k: v for k, v in lowered.items() if k != "format"}
        lowered["type"] = "file"
    return lowered


def _header(low: Lowering, value: object, lat: str, oat: str) -> Any:
    header, header_oat = low.follow(value, oat)
    low.moved(lat, header_oat)
    if header is None:
        return {}
    out: dict[str, Any] = {}
    if "description" in header:
        out["description"] = header["description"]
    out.update(extensions(header))
    schema = header.get("schema")
    if isinstance(schema, Mapping):
        schema_oat = child(header_oat, "schema")
        resolved, resolved_oat = low.follow(schema, schema_oat)
        lowered = lower_schema(low, resolved, lat, resolved_oat) if resolved else {}
        low.moved(lat, header_oat)
        for key, item in (lowered if isinstance(lowered, dict) else {}).items():
            out.setdefault(key, item)
            low.moved(child(lat, key), child(resolved_oat, key))
    return out


__all__ = ["lower_response", "lower_responses", "media_types"]
