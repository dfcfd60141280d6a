"""OpenAPI 3 path items and operations -> their Swagger 2.0 form.

An operation keeps its identity (operationId, tags, summary, description, security and every
``x-`` extension, ``x-ms-examples`` and ``x-ms-long-running-operation`` included); its
parameters, ``requestBody`` and responses are lowered by :mod:`.parameters` and
:mod:`.responses`, and the media types they declare become ``consumes`` and ``produces``.
Constructs a client does not act on (``callbacks``, per-path ``servers``, ``trace``) are noted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.openapi3.context import Lowering, child, copied, extensions
from generator.openapi3.parameters import lower_parameter, lower_request_body
from generator.openapi3.responses import lower_responses

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_KEPT = ("tags", "summary", "description", "operationId", "deprecated", "security")


def lower_paths(low: Lowering, paths: object) -> Any:
    """The Swagger ``paths`` object."""
    if not isinstance(paths, Mapping):
        return paths
    out: dict[str, Any] = {}
    for path, value in paths.items():
        at = child("/paths", path)
        item, item_at = low.follow(value, at) if isinstance(value, Mapping) else (None, at)
        low.moved(at, item_at)
        if item is None:
            out[path] = copied(value)
            continue
        lowered: dict[str, Any] = {}
        for key, entry in item.items():
            if key in METHODS and isinstance(entry, Mapping):
                lowered[key] = _operation(low, entry, child(at, key), child(item_at, key))
            elif key == "parameters" and isinstance(entry, list):
                lowered[key] = _parameters(low, entry, child(at, key), child(item_at, key))
            elif key in ("trace", "servers"):
                low.sink.warning(child(item_at, key), f"{key!r} is not used by a client", "ignored")
            elif key not in ("summary", "description"):
                lowered[key] = copied(entry)
        out[path] = lowered
    return out


def _parameters(low: Lowering, values: list[Any], lat: str, oat: str) -> list[Any]:
    return [
        lower_parameter(low, value, child(lat, i), child(oat, i)) for i, value in enumerate(values)
    ]


def _operation(low: Lowering, operation: Mapping[str, Any], lat: str, oat: str) -> dict[str, Any]:
    out: dict[str, Any] = {k: copied(operation[k]) for k in _KEPT if k in operation}
    out.update(extensions(operation))
    raw_parameters = operation.get("parameters")
    parameters = (
        _parameters(low, raw_parameters, child(lat, "parameters"), child(oat, "parameters"))
        if isinstance(raw_parameters, list)
        else []
    )
    if raw_parameters is not None and not isinstance(raw_parameters, list):
        out["parameters"] = raw_parameters  # the builder reports it
    if "requestBody" in operation:
        consumes, body = lower_request_body(low, operation, len(parameters), lat, oat)
        parameters.extend(body)
        if consumes:
            out["consumes"] = consumes
    if parameters:
        out["parameters"] = parameters
    responses, produces = lower_responses(
        low, operation.get("responses"), child(lat, "responses"), child(oat, "responses")
    )
    if responses is not None:
        out["responses"] = responses
    if produces:
        out["produces"] = produces
    for key in ("callbacks", "servers"):
        if key in operation:
            low.sink.warning(child(oat, key), f"{key!r} are not used by a client", "ignored")
    out.pop("x-ms-requestBody-name", None)
    return out


__all__ = ["METHODS", "lower_paths"]
