"""``components/securitySchemes`` -> Swagger 2.0 ``securityDefinitions``.

``apiKey`` is the same in both.  ``http`` with ``scheme: basic`` is Swagger's ``basic``; ``http``
``bearer`` has no Swagger spelling and keeps ``type: http`` with its ``scheme``; the builder makes
it a ``BearerAuth`` (other ``http`` schemes are reported as unsupported there).  An ``oauth2``
scheme has one flow in Swagger and a map of flows in OpenAPI 3: the first of
implicit, password, clientCredentials, authorizationCode names the flow and its URLs, and the
scopes are those of every flow, since a token credential asks for scopes whatever the flow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.openapi3.context import Lowering, child, extensions

_FLOWS = {
    "implicit": "implicit",
    "password": "password",
    "clientCredentials": "application",
    "authorizationCode": "accessCode",
}


def lower_security_schemes(low: Lowering, schemes: object) -> dict[str, Any]:
    """The ``securityDefinitions`` object."""
    at = "/components/securitySchemes"
    low.moved("/securityDefinitions", at)
    if not isinstance(schemes, Mapping):
        return {}
    out: dict[str, Any] = {}
    for name, value in schemes.items():
        scheme, scheme_at = low.follow(value, child(at, name))
        low.moved(child("/securityDefinitions", name), scheme_at)
        if scheme is not None:
            out[name] = _scheme(low, scheme, scheme_at)
    return out


def _scheme(low: Lowering, scheme: Mapping[str, Any], at: str) -> dict[str, Any]:
    kind = scheme.get("type")
    out: dict[str, Any] = {k: scheme[k] for k in ("description",) if k in scheme}
    out.update(extensions(scheme))
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        out["type"] = "basic"
    elif kind == "oauth2":
        out.update(_oauth2(low, scheme.get("flows"), child(at, "flows")))
    else:  # apiKey, http bearer, openIdConnect, mutualTLS: the same keys in both
        out.update({k: v for k, v in scheme.items() if k not in out})
    return out


def _oauth2(low: Lowering, flows: object, at: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "oauth2"}
    if not isinstance(flows, Mapping) or not flows:
        low.sink.warning(at, "oauth2 scheme without flows", "no flow, no scopes")
        return out
    scopes: dict[str, Any] = {}
    for flow in flows.values():
        if isinstance(flow, Mapping) and isinstance(flow.get("scopes"), Mapping):
            scopes.update(flow["scopes"])
    name = next((n for n in _FLOWS if n in flows), None)
    if name is not None and isinstance(flows[name], Mapping):
        out["flow"] = _FLOWS[name]
        for key in ("authorizationUrl", "tokenUrl"):
            if key in flows[name]:
                out[key] = flows[name][key]
    out["scopes"] = scopes
    return out


__all__ = ["lower_security_schemes"]
