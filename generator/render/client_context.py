"""Template contexts for the client classes and for the imports of each module.

The constructor follows the Azure order: the host parameters the client owns (every
``x-ms-parameterized-host`` parameter that is not the operations', or ``endpoint`` for a plain
``host``), then ``credential`` -- only when the spec declares security, typed with exactly the
kinds it declares (``AzureKeyCredential`` for an api key in a header or the query,
``TokenCredential`` for OAuth2, ``AzureNamedKeyCredential`` for basic) -- then the other
client-level parameters (``x-ms-parameter-location: client``, e.g. ``subscriptionId``); those
with a default are keywords, as is ``api_version`` when the spec has an ``api-version``
parameter (globally or per operation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.ir import (
    TOKEN_SCHEMES,
    ApiKeyAuth,
    ApiSpec,
    BasicAuth,
    OAuth2Auth,
    Parameter,
    ParameterLocation,
)
from generator.ir_builder.parameters import is_api_version
from generator.render import docs, escape
from generator.render.operation_views import GroupView, ParamView
from generator.render.types import TYPES_ALIAS, ImportNeeds, TypeNamer, optional, types_import


@dataclass(frozen=True)
class ClientView:
    """The client class of one version, in both flavours."""

    class_name: str
    summary: str
    docstring: str
    host_template_text: str
    config_args: tuple[str, ...]  # keyword arguments of ``_rt.ServiceConfig``
    parameters: tuple[str, ...]  # constructor parameter declarations, "*" included
    core_args: tuple[str, ...]  # arguments of the runtime core after ``self``
    credential_annotation: str  # "" when the client takes no credential
    accepts_token: bool
    imports: tuple[str, ...]


def _lit(text: str | None) -> str:
    return "None" if text is None else escape.py_string(text)


def api_version_parameter(spec: ApiSpec) -> str | None:
    """Wire name of the client-level query parameter that carries the API version."""
    for param in spec.client.client_parameters:
        if is_api_version(param.wire_name, param.location):
            return param.wire_name
    return None


def constructor_parameters(spec: ApiSpec) -> tuple[tuple[Parameter, ...], tuple[Parameter, ...]]:
    """(host parameters, other client parameters) the constructor takes, api-version excluded."""
    host = tuple(p for p in spec.client.host.parameters if p.client_level)
    others = tuple(
        p for p in spec.client.client_parameters if not is_api_version(p.wire_name, p.location)
    )
    return host, others


def credential_kinds(spec: ApiSpec, aio: bool) -> list[str]:
    """The credential classes the spec's security schemes accept, in a fixed order."""
    auth = spec.client.auth
    kinds: list[str] = []
    if any(isinstance(a, ApiKeyAuth) for a in auth):
        kinds.append("AzureKeyCredential")
    if accepts_token(spec):
        kinds.append("AsyncTokenCredential" if aio else "TokenCredential")
    if any(isinstance(a, BasicAuth) for a in auth):
        kinds.append("AzureNamedKeyCredential")
    return kinds


def accepts_token(spec: ApiSpec) -> bool:
    """Whether a scheme of the spec takes a ``TokenCredential`` (OAuth2 or HTTP bearer)."""
    return any(isinstance(a, TOKEN_SCHEMES) for a in spec.client.auth)


def _config_args(
    spec: ApiSpec, sdk_moniker: str, default_scopes: tuple[str, ...], library: tuple[str, str]
) -> list[str]:
    keys = [a for a in spec.client.auth if isinstance(a, ApiKeyAuth)]
    header = next((k.header for k in keys if not k.in_query), None)
    query = next((k.header for k in keys if k.in_query), None)
    tokens = [a for a in spec.client.auth if isinstance(a, OAuth2Auth)]
    scopes = tuple(sorted({s for t in tokens for s in t.scopes})) if tokens else ()
    if accepts_token(spec) and (default_scopes or not scopes):
        scopes = default_scopes or scopes
    host = spec.client.host
    raw = sorted(p.wire_name for p in host.parameters if p.skip_url_encoding)
    args = [
        f"host_template={_lit(host.template)}",
        f"api_key_header={_lit(header)}",
        "scopes=(" + "".join(f"{_lit(s)}, " for s in scopes) + ")",
        f"sdk_moniker={_lit(sdk_moniker)}",
        f"api_version_parameter={_lit(api_version_parameter(spec))}",
        "raw_host_parameters=(" + "".join(f"{_lit(r)}, " for r in raw) + ")",
    ]
    if host.use_scheme_prefix:
        args.append(f"scheme_prefix={_lit(host.scheme + '://')}")
    if query:
        args.append(f"api_key_query={_lit(query)}")
    if any(isinstance(a, BasicAuth) for a in spec.client.auth):
        args.append("basic=True")
    if accepts_token(spec) and not scopes:
        args.append("token=True")  # no scopes known: the caller must give credential_scopes=
    secrets = secret_parameter_names(spec)
    if secrets:
        args.append("secret_names=(" + "".join(f"{_lit(s)}, " for s in secrets) + ")")
    name, version = library
    if name:
        args.append(f"library_name={_lit(name)}")
    if version:
        args.append(f"library_version={_lit(version)}")
    return args


def secret_parameter_names(spec: ApiSpec) -> list[str]:
    """Wire names of the header and query parameters the spec marks ``x-ms-secret``."""
    names = {
        param.wire_name
        for op in spec.operations
        for param in (*op.parameters, *spec.client.client_parameters)
        if param.secret and param.location is not ParameterLocation.PATH
    }
    return sorted(names)


def client_view(
    spec: ApiSpec,
    class_name: str,
    title: str,
    sdk_moniker: str,
    groups: tuple[GroupView, ...],
    version_path: str,
    aio: bool,
    default_scopes: tuple[str, ...] = (),
    library: tuple[str, str] = ("", ""),
) -> ClientView:
    """The client context for ``spec`` (``aio`` picks the async credential type).

    ``title`` names the service in docs; ``default_scopes`` are the token scopes used when the
    spec's OAuth2 scheme names none (the caller's ``credential_scopes=`` overrides either).
    """
    namer = TypeNamer.for_spec(spec, "_models.")
    needs = ImportNeeds()
    host_params, client_params = constructor_parameters(spec)
    kinds = credential_kinds(spec, aio)
    version_name = api_version_parameter(spec)
    default_version = spec.client.default_api_version or spec.client.api_version
    positional: list[ParamView] = []
    keywords: list[ParamView] = []
    fields: list[str] = []
    keyword_fields: list[str] = []

    def add(param: Parameter, annotation: str, doc_type: str) -> None:
        name = param.py_name
        text = param.description or f"The {param.wire_name} of the service."
        default = param.default.value if param.default is not None else None
        if isinstance(default, str | int | float | bool):
            keywords.append(ParamView(name, annotation, escape.py_value(default)))
            text += f" Default value is {default!r}."
            keyword_fields.extend(docs.field_lines("keyword", name, text, 4))
            keyword_fields.extend(docs.field_lines("paramtype", name, doc_type, 4))
        elif param.required:
            positional.append(ParamView(name, annotation, None))
            fields.extend(docs.field_lines("param", name, f"{text} Required.", 4))
            fields.extend(docs.field_lines("type", name, doc_type, 4))
        else:  # a list or object default is the service's when the value is left out
            if default is not None:
                text += f" When omitted, the service uses {json.dumps(default)}."
            keywords.append(ParamView(name, optional(annotation), "None"))
            keyword_fields.extend(docs.field_lines("keyword", name, text, 4))
            keyword_fields.extend(docs.field_lines("paramtype", name, doc_type, 4))

    for param in host_params:
        add(param, "str", "str")
    if kinds:
        positional.append(ParamView("credential", " | ".join(kinds), None))
        credential_doc = " or ".join(
            f"~azure.core.credentials{'_async' if k.startswith('Async') else ''}.{k}" for k in kinds
        )
        fields.extend(
            docs.field_lines(
                "param", "credential", "The credential to authenticate with. Required.", 4
            )
        )
        fields.extend(docs.field_lines("type", "credential", credential_doc, 4))
    for param in client_params:
        add(
            param,
            namer.annotation(param.type, needs),
            namer.doc_type(param.type, f"{version_path}.models"),
        )
    if version_name is not None:
        keywords.append(ParamView("api_version", "str", _lit(default_version)))
        keyword_fields.extend(
            docs.field_lines(
                "keyword",
                "api_version",
                f'The API version to call. Default value is "{default_version}". Other versions'
                " may not match the models of this package.",
                4,
            )
        )
        keyword_fields.extend(docs.field_lines("paramtype", "api_version", "str", 4))
    if accepts_token(spec):
        keyword_fields.extend(
            docs.field_lines(
                "keyword",
                "credential_scopes",
                "The OAuth2 scopes to request tokens for, instead of the service's own.",
                4,
            )
        )
        keyword_fields.extend(docs.field_lines("paramtype", "credential_scopes", "list[str]", 4))
    for group in (g for g in groups if not g.mixin):
        keyword_fields += docs.field_lines(
            "ivar", group.attribute, f"{group.class_name} operations", 4
        )
        prefix = f"{version_path}.aio" if aio else version_path
        keyword_fields += docs.field_lines(
            "vartype", group.attribute, f"~{prefix}._operations.{group.class_name}", 4
        )
    parameters = [p.declaration() for p in positional]
    if keywords:
        parameters.append("*")
        parameters.extend(p.declaration() for p in keywords)
    parameters.append("**kwargs: Any")
    host_values = "{" + ", ".join(f"{_lit(p.wire_name)}: {p.py_name}" for p in host_params) + "}"
    client_values = (
        "{" + ", ".join(f"{_lit(p.wire_name)}: {p.py_name}" for p in client_params) + "}"
    )
    core_args = [
        host_values,
        "credential" if kinds else "None",
        "config=_CONFIG",
        f"api_version={'api_version' if version_name else _lit(default_version)}",
    ]
    if client_params:
        core_args.append(f"client_values={client_values}")
    core_args.append("**kwargs")
    description = spec.client.description
    flavour = "Async client" if aio else "Client"
    head = f"{flavour} for {docs.one_line(title)}, API version {spec.client.api_version}."
    return ClientView(
        class_name=class_name,
        summary=escape.docstring(head),
        docstring=docs.render(docs.docstring(head, description, fields + keyword_fields, 4), 4),
        host_template_text=escape.docstring(spec.client.host.template),
        config_args=tuple(_config_args(spec, sdk_moniker, default_scopes, library)),
        parameters=tuple(parameters),
        core_args=tuple(core_args),
        credential_annotation=" | ".join(kinds),
        accepts_token=accepts_token(spec),
        imports=tuple(sorted(needs.statements)),
    )


def client_imports(view: ClientView, groups: tuple[GroupView, ...], aio: bool) -> list[str]:
    """Import statements of ``_client.py``."""
    lines = ["import copy", "from typing import Any", *view.imports]
    plain = [
        k
        for k in ("AzureKeyCredential", "AzureNamedKeyCredential", "TokenCredential")
        if k in view.credential_annotation.split(" | ")
    ]
    if plain:
        lines.append(f"from azure.core.credentials import {', '.join(plain)}")
    if "AsyncTokenCredential" in view.credential_annotation:
        lines.append("from azure.core.credentials_async import AsyncTokenCredential")
    response = "AsyncHttpResponse" if aio else "HttpResponse"
    lines.append(f"from azure.core.rest import HttpRequest, {response}")
    lines.append(f"from {'...' if aio else '..'} import _runtime as _rt")
    if any("_models." in p for p in view.parameters):
        lines.append(f"from {'..' if aio else '.'} import models as _models")
    if any(f"{TYPES_ALIAS}." in p for p in view.parameters):
        lines.append(types_import(2 if aio else 1))
    if groups:
        lines.append("from ._operations import " + ", ".join(g.class_name for g in groups))
    return lines


def operations_imports(groups: tuple[GroupView, ...], extra: set[str], aio: bool) -> list[str]:
    """Import statements of ``_operations.py`` for the operation kinds it uses."""
    ops = [op for g in groups for op in g.operations]
    kinds = {op.kind for op in ops}
    lines = set(extra)
    lines.add("from typing import Any")
    if aio:
        if kinds - {"paged"}:
            lines.add("from azure.core.tracing.decorator_async import distributed_trace_async")
        if "paged" in kinds:
            lines.add("from azure.core.tracing.decorator import distributed_trace")
            lines.add("from azure.core.async_paging import AsyncItemPaged")
        if "lro" in kinds:
            lines.add("from azure.core.polling import AsyncLROPoller")
        if kinds & {"download", "sse"}:
            lines.add("from collections.abc import AsyncIterator")
    else:
        if ops:
            lines.add("from azure.core.tracing.decorator import distributed_trace")
        if "paged" in kinds:
            lines.add("from azure.core.paging import ItemPaged")
        if "lro" in kinds:
            lines.add("from azure.core.polling import LROPoller")
        if kinds & {"download", "sse"}:
            lines.add("from collections.abc import Iterator")
    if "lro" in kinds:
        lines.add("from azure.core.pipeline import PipelineResponse")
    if "sse" in kinds:
        lines.add("from typing import Literal, overload")
    if any(op.resume_required for op in ops):
        lines.add("from typing import overload")
    lines.add(f"from {'...' if aio else '..'} import _runtime as _rt")
    if "_models." in repr(groups):
        lines.add(f"from {'..' if aio else '.'} import models as _models")
    if f"{TYPES_ALIAS}." in repr(groups):
        lines.add(types_import(2 if aio else 1))
    return sorted(lines)
