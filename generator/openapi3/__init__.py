"""Read OpenAPI 3.0 and 3.1 documents by lowering them into the Swagger 2.0 shape.

Design choice: one IR builder.  The IR builder (:mod:`generator.ir_builder`), the
normalizations of known defects (:mod:`generator.normalize`) and the reference checks of the
loader already understand Swagger 2.0 with Azure's extensions, including the extensions that
carry what plain Swagger cannot say (``x-one-of`` unions, ``x-nullable``,
``x-ms-parameterized-host``, ``x-ms-discriminator-value``).  Every OpenAPI 3 construct a client
acts on has such a spelling, so an OpenAPI 3 document is rewritten into it here, once, and
everything after the loader stays format-blind: an OpenAPI 3 document and its Swagger 2.0 twin
give the same IR.  A second builder would have duplicated ~1,500 lines of type, model,
parameter and behaviour logic, and every later fix would have had to be made twice.

What the rewrite loses is the location of things, so it records where each lowered subtree came
from (:class:`~generator.load.provenance.Provenance`); the loader translates every diagnostic
and the IR's source pointers back into the OpenAPI 3 document, and the IR records which format
was read (``ApiSpec.source_format``).

The mapping, part by part: :mod:`.servers` (host parameters), :mod:`.security`,
:mod:`.schemas` (components/schemas and every inline schema), :mod:`.parameters` (parameters
and request bodies), :mod:`.responses`, :mod:`.paths`, :mod:`.discriminators` (mappings).
References to ``#/components/schemas|parameters|responses/X`` become ``#/definitions|
parameters|responses/X``; request bodies and headers, which Swagger cannot share, are written in
place.  References into other files are followed as written (their schemas are not lowered).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.load.provenance import Provenance
from generator.openapi3.context import Lowering, child
from generator.openapi3.discriminators import apply_mappings
from generator.openapi3.parameters import lower_parameter
from generator.openapi3.paths import lower_paths
from generator.openapi3.responses import lower_response
from generator.openapi3.schemas import lower_schema
from generator.openapi3.security import lower_security_schemes
from generator.openapi3.servers import lower_servers

_TOP_KEPT = ("info", "tags", "security")


def lower_document(
    source: Mapping[str, Any], sink: DiagnosticSink, *, v31: bool
) -> tuple[dict[str, Any], Provenance]:
    """The Swagger 2.0 form of the OpenAPI 3 document ``source`` and where its parts came from."""
    low = Lowering(source, sink, v31)
    low.moved("/swagger", "/openapi")
    out: dict[str, Any] = {"swagger": "2.0"}
    out.update({k: source[k] for k in _TOP_KEPT if k in source})
    out.update({k: v for k, v in source.items() if isinstance(k, str) and k.startswith("x-")})
    lower_servers(low, source.get("servers"), out)
    components = source.get("components")
    parts: Mapping[str, Any] = components if isinstance(components, Mapping) else {}
    out["definitions"] = _section(low, parts, "schemas", "/definitions", lower_schema)
    parameters = _section(low, parts, "parameters", "/parameters", lower_parameter)
    if parameters:
        out["parameters"] = parameters
    responses = _section(low, parts, "responses", "/responses", _response)
    if responses:
        out["responses"] = responses
    if "securitySchemes" in parts:
        out["securityDefinitions"] = lower_security_schemes(low, parts["securitySchemes"])
    out["paths"] = lower_paths(low, source.get("paths", {}))
    if isinstance(source.get("webhooks"), Mapping) and source["webhooks"]:
        sink.warning("/webhooks", "webhooks are calls the service makes, not a client's", "ignored")
    apply_mappings(low, out["definitions"])
    return out, low.provenance


def _response(low: Lowering, value: object, lat: str, oat: str) -> Any:
    return lower_response(low, value, lat, oat) if isinstance(value, Mapping) else value


def _section(low: Lowering, parts: Mapping[str, Any], name: str, lat: str, lower: Any) -> Any:
    """One ``components`` folder lowered into its Swagger section."""
    oat = child("/components", name)
    low.moved(lat, oat)
    values = parts.get(name)
    if not isinstance(values, Mapping):
        return {}
    return {
        key: lower(low, value, child(lat, key), child(oat, key)) for key, value in values.items()
    }


__all__ = ["lower_document"]
