"""Client-wide facts: title, API version, host template, client parameters, auth schemes.

The host comes from ``x-ms-parameterized-host`` (``{endpoint}/openai``) plus ``basePath``.  A spec
with a plain ``host`` gets the template ``{endpoint}<basePath>`` with an ``endpoint`` parameter
defaulting to ``<scheme>://<host>``, so every client is constructed the same way.  Auth schemes
are the ``securityDefinitions`` the spec's ``security`` requirements use (all of them when it
states none); OAuth2 scopes are the union of the requirement's and the definition's scopes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.ir import (
    ApiKeyAuth,
    AuthScheme,
    BasicAuth,
    BearerAuth,
    Client,
    Default,
    EnumRef,
    HostTemplate,
    OAuth2Auth,
    Operation,
    Parameter,
    ParameterLocation,
    Primitive,
    PrimitiveType,
)
from generator.ir_builder.context import BuildContext, as_mapping, child, text
from generator.ir_builder.parameters import API_VERSION, RawParameter, build_parameter


def build_client(ctx: BuildContext, operations: list[Operation]) -> Client:
    """The :class:`Client` of the spec; ``operations`` supply the client-level parameters."""
    info = as_mapping(ctx.raw.get("info")) or {}
    if not info:
        ctx.sink.warning("/info", "no info object", "title and version left empty")
    version = info.get("version")
    host = build_host(ctx)
    host_names = {p.wire_name for p in host.parameters}
    client_parameters: dict[str, Parameter] = {}
    for operation in operations:
        for parameter in operation.parameters:
            if parameter.client_level and parameter.wire_name not in host_names:
                client_parameters.setdefault(parameter.wire_name, parameter)
    api_version = client_parameters.get(API_VERSION)
    default_version = None
    if api_version is not None:
        default_version = api_version_default(ctx, api_version)
    return Client(
        title=text(info.get("title")),
        description=text(info.get("description")),
        api_version=str(version) if isinstance(version, str | int | float) else "",
        default_api_version=default_version,
        host=host,
        client_parameters=tuple(client_parameters[k] for k in sorted(client_parameters)),
        auth=_auth(ctx),
        schemes=_schemes(ctx.raw.get("schemes")),
    )


def _schemes(raw: object) -> tuple[str, ...]:
    """The declared transfer protocols, lower-cased and sorted."""
    if not isinstance(raw, list):
        return ()
    return tuple(sorted({s.lower() for s in raw if isinstance(s, str)}))


def api_version_default(ctx: BuildContext, parameter: Parameter) -> str | None:
    """The client's default API version: the parameter's default, else its one enum value."""
    if parameter.default is not None and parameter.default.value is not None:
        return str(parameter.default.value)
    if isinstance(parameter.type, EnumRef) and parameter.type.key in ctx.enums:
        values = ctx.enums[parameter.type.key].values
        if len(values) == 1:
            return str(values[0].value)
    return None


def _url_scheme(ctx: BuildContext) -> str:
    """``https`` unless the spec's ``schemes`` list only others (then its first)."""
    schemes = ctx.raw.get("schemes")
    if isinstance(schemes, list) and schemes and "https" not in schemes:
        return str(schemes[0])
    return "https"


def build_host(ctx: BuildContext) -> HostTemplate:
    """The host template and its parameters (see the module docstring)."""
    base_path = ctx.raw.get("basePath")
    if not isinstance(base_path, str) or base_path == "/":
        base_path = ""
    base_path = base_path.rstrip("/")
    declared = ctx.raw.get("x-ms-parameterized-host")
    if declared is not None:
        options = as_mapping(declared)
        template = options.get("hostTemplate") if options else None
        if options is not None and isinstance(template, str):
            return HostTemplate(
                template=template + base_path,
                use_scheme_prefix=options.get("useSchemePrefix", True) is not False,
                parameters=_host_parameters(ctx, options.get("parameters")),
                scheme=_url_scheme(ctx),
            )
        ctx.sink.error(
            "/x-ms-parameterized-host", "x-ms-parameterized-host has no hostTemplate", "ignored"
        )
    host = ctx.raw.get("host")
    scheme = _url_scheme(ctx)
    default = Default(f"{scheme}://{host}") if isinstance(host, str) and host else None
    if default is None:
        ctx.sink.warning("/host", "no host", "the endpoint must be given when constructing")
    endpoint = Parameter(
        wire_name="endpoint",
        py_name="",
        location=ParameterLocation.PATH,
        type=PrimitiveType(Primitive.URL),
        required=default is None,
        description="Service endpoint (protocol and host name).",
        default=default,
        client_level=True,
        skip_url_encoding=True,
    )
    return HostTemplate("{endpoint}" + base_path, False, (endpoint,), scheme)


def _host_parameters(ctx: BuildContext, raw: object) -> tuple[Parameter, ...]:
    at = "/x-ms-parameterized-host/parameters"
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.sink.error(at, "parameters is not a list", "ignored")
        return ()
    found: list[Parameter] = []
    for index, item in enumerate(raw):
        resolved = ctx.resolve(item, child(at, index))
        value = resolved.value
        if value is None:
            continue
        if not isinstance(value.get("name"), str) or value.get("in") != "path":
            ctx.sink.error(child(at, index), "host parameter must be 'in: path'", "skipped")
            continue
        # A reference to a global parameter is a client parameter; one written inline belongs to
        # the operations unless it says ``x-ms-parameter-location: client`` (AutoRest's rule).
        is_global = resolved.at.split("#", 1)[-1].startswith("/parameters/")
        raw_parameter = RawParameter(value, resolved.at, child(at, index), is_global)
        parameter = build_parameter(ctx, raw_parameter, "client")
        if parameter is not None:
            if value.get("format") == "url":
                parameter = replace(parameter, skip_url_encoding=True)
            found.append(parameter)
    return tuple(found)


def _auth(ctx: BuildContext) -> tuple[AuthScheme, ...]:
    definitions = as_mapping(ctx.raw.get("securityDefinitions")) or {}
    wanted = _requirements(ctx)
    names = sorted(wanted) if wanted else sorted(definitions)
    schemes: list[AuthScheme] = []
    for name in names:
        at = child("/securityDefinitions", name)
        definition = as_mapping(definitions.get(name))
        if definition is None:
            ctx.sink.error("/security", f"security names undefined scheme {name!r}", "ignored")
            continue
        scheme = _scheme(ctx, name, definition, wanted.get(name, set()), at)
        if scheme is not None:
            schemes.append(scheme)
    return tuple(schemes)


def _requirements(ctx: BuildContext) -> dict[str, set[str]]:
    """Scheme name -> scopes, from the top-level and every operation's ``security``."""
    lists: list[object] = [ctx.raw.get("security")]
    items = [
        item
        for section in ("paths", "x-ms-paths")
        for item in (as_mapping(ctx.raw.get(section)) or {}).values()
    ]
    for item in items:
        for operation in (as_mapping(item) or {}).values():
            if isinstance(operation, Mapping):
                lists.append(operation.get("security"))
    wanted: dict[str, set[str]] = {}
    for requirements in lists:
        if not isinstance(requirements, list):
            continue
        for requirement in requirements:
            for name, scopes in (as_mapping(requirement) or {}).items():
                found = wanted.setdefault(name, set())
                if isinstance(scopes, list):
                    found.update(s for s in scopes if isinstance(s, str))
    return wanted


def _scheme(
    ctx: BuildContext, name: str, definition: Mapping[str, Any], scopes: set[str], at: str
) -> AuthScheme | None:
    kind = definition.get("type")
    description = text(definition.get("description"))
    if kind == "apiKey":
        header = definition.get("name")
        where = definition.get("in")
        if where not in ("header", "query") or not isinstance(header, str):
            ctx.sink.warning(
                at, "API key not sent in a header or query parameter", "scheme ignored"
            )
            return None
        return ApiKeyAuth(
            scheme_name=name, header=header, description=description, in_query=where == "query"
        )
    if kind == "basic":
        return BasicAuth(scheme_name=name, description=description)
    if kind == "oauth2":
        declared = as_mapping(definition.get("scopes")) or {}
        authorization_url = definition.get("authorizationUrl")
        token_url = definition.get("tokenUrl")
        return OAuth2Auth(
            scheme_name=name,
            flow=str(definition.get("flow", "")),
            scopes=tuple(sorted(scopes | set(declared))),
            authorization_url=authorization_url if isinstance(authorization_url, str) else None,
            token_url=token_url if isinstance(token_url, str) else None,
            description=description,
        )
    if kind == "http" and str(definition.get("scheme", "")).lower() == "bearer":
        bearer_format = definition.get("bearerFormat")
        return BearerAuth(
            scheme_name=name,
            bearer_format=bearer_format if isinstance(bearer_format, str) else "",
            description=description,
        )
    ctx.sink.warning(at, f"security scheme type {kind!r} is not supported", "ignored")
    return None
