"""``servers`` -> where the client sends requests, spelled as Swagger 2.0 / Azure spell it.

A fixed URL (``https://example.com/v1``) becomes ``host``, ``schemes`` and ``basePath``; a relative
one (``/v1``) only ``basePath``.  A URL with variables (``{endpoint}/openai``) becomes Azure's
``x-ms-parameterized-host`` with one required ``in: path`` parameter per variable -- the client's
host parameters -- carrying the variable's description, ``enum``, default and the extension
keys emitters put beside them (``format``, ``x-ms-skip-url-encoding``, ...).  A server variable
is a property of the service, not of one request, so each is marked
``x-ms-parameter-location: client`` (a constructor argument, as Azure's generators make it)
unless the variable itself says otherwise; an inline host parameter without it would belong to
every operation.

OpenAPI 3 makes every variable's ``default`` mandatory, so emitters write placeholders
(TypeSpec writes ``"none"`` for an account endpoint).  A default is kept only when the URL it
gives is usable: when substituting the defaults leaves no absolute URL, the defaults of the
variables that make up the scheme and host are dropped with a warning and those parameters must
be given when the client is constructed.  The first server is the client's; others are noted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from generator.openapi3.context import Lowering, child, extensions

_VARIABLE = re.compile(r"\{([^{}]+)\}")
_HOST = "/x-ms-parameterized-host"
_STANDARD = frozenset({"enum", "default", "description"})


def lower_servers(low: Lowering, servers: object, out: dict[str, Any]) -> None:
    """Write ``host``/``basePath``/``schemes`` or ``x-ms-parameterized-host`` into ``out``."""
    low.moved("/host", "/servers")  # "no host" is about the servers list
    if servers is None:
        return
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], Mapping):
        low.sink.warning("/servers", "servers is not a list of server objects", "ignored")
        return
    if len(servers) > 1:
        low.sink.warning("/servers/1", f"{len(servers)} servers", "the first is the client's")
    server: Mapping[str, Any] = servers[0]
    url = server.get("url")
    if not isinstance(url, str):
        low.sink.warning("/servers/0/url", "server without a url", "ignored")
        return
    names = list(dict.fromkeys(_VARIABLE.findall(url)))
    if not names:
        _fixed(low, url, out)
        return
    variables = server.get("variables")
    declared: Mapping[str, Any] = variables if isinstance(variables, Mapping) else {}
    usable = _usable_defaults(low, url, names, declared)
    parameters: list[dict[str, Any]] = []
    for name in names:
        oat = child("/servers/0/variables", name)
        low.moved(child(_HOST, "parameters", len(parameters)), oat)
        value = declared.get(name)
        if not isinstance(value, Mapping):
            low.sink.warning("/servers/0/url", f"variable {{{name}}} is not declared", "a string")
            value = {}
        extra = sorted(k for k in value if k not in _STANDARD and not str(k).startswith("x-"))
        if extra:
            low.sink.warning(
                oat,
                f"non-standard key(s) {', '.join(map(repr, extra))} beside the variable",
                "read as the host parameter's, as in Swagger",
            )
        parameters.append(_parameter(name, value, usable))
    for name in declared:
        if name not in names:
            low.sink.warning(
                child("/servers/0/variables", name), "variable not in the url", "ignored"
            )
    out["x-ms-parameterized-host"] = {
        "hostTemplate": url,
        "useSchemePrefix": False,
        "parameters": parameters,
    }
    low.moved(_HOST, "/servers/0")
    low.moved(child(_HOST, "hostTemplate"), "/servers/0/url")


def _parameter(name: str, value: Mapping[str, Any], usable: set[str]) -> dict[str, Any]:
    parameter: dict[str, Any] = {"name": name, "in": "path", "required": True, "type": "string"}
    for key in ("description", "enum", "format"):
        if key in value:
            parameter[key] = value[key]
    if name in usable and "default" in value:
        parameter["default"] = value["default"]
    parameter.update(extensions(value))
    parameter.setdefault("x-ms-parameter-location", "client")
    return parameter


def _usable_defaults(
    low: Lowering, url: str, names: list[str], declared: Mapping[str, Any]
) -> set[str]:
    """Variables whose default may stand: all of them when the defaults give an absolute URL."""
    defaults = {
        n: str((declared.get(n) or {}).get("default", ""))
        for n in names
        if isinstance(declared.get(n), Mapping)
    }
    filled = _VARIABLE.sub(lambda m: defaults.get(m.group(1), ""), url)
    parts = urlsplit(filled)
    if parts.scheme and parts.netloc:
        return set(defaults)
    authority = url.split("://", 1)[-1].split("/", 1)[0] if "://" in url else url.split("/", 1)[0]
    host_variables = set(_VARIABLE.findall(authority))
    for name in names:
        if name in host_variables and name in defaults:
            low.sink.warning(
                child("/servers/0/variables", name, "default"),
                f"default {defaults[name]!r} does not make {url!r} an absolute URL",
                f"no default; {name!r} must be given to the client",
            )
    return set(defaults) - host_variables


def _fixed(low: Lowering, url: str, out: dict[str, Any]) -> None:
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        out["host"] = parts.netloc
        out["schemes"] = [parts.scheme]
        low.moved("/host", "/servers/0/url")
        low.moved("/schemes", "/servers/0/url")
    if parts.path and parts.path != "/":
        out["basePath"] = parts.path
        low.moved("/basePath", "/servers/0/url")


__all__ = ["lower_servers"]
