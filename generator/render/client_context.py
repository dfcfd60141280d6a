"""Template contexts for the client classes and for the imports of each module.

The client's constructor accepts exactly the credential kinds the spec's security schemes
allow: an ``AzureKeyCredential`` for an api-key header, a ``TokenCredential`` for OAuth2, or
either when both are declared (as 2025-02-01-preview does).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import ApiKeyAuth, ApiSpec, OAuth2Auth, ParameterLocation
from generator.render import docs, escape
from generator.render.operation_views import GroupView


@dataclass(frozen=True)
class ClientView:
    """The client class of one version, in both flavours."""

    class_name: str
    summary: str
    docstring: str
    host_template: str
    host_template_text: str
    api_key_header: str
    scopes: tuple[str, ...]
    sdk_moniker: str
    api_version_parameter: str
    default_api_version: str
    credential_annotation: str
    accepts_key: bool
    accepts_token: bool


def _lit(text: str | None) -> str:
    return "None" if text is None else escape.py_string(text)


def api_version_parameter(spec: ApiSpec) -> str | None:
    """Wire name of the client-level query parameter that carries the API version."""
    for param in spec.client.client_parameters:
        if param.location is ParameterLocation.QUERY and "version" in param.wire_name.lower():
            return param.wire_name
    return None


def client_view(
    spec: ApiSpec,
    class_name: str,
    title: str,
    sdk_moniker: str,
    groups: tuple[GroupView, ...],
    version_path: str,
    aio: bool,
) -> ClientView:
    """The client context for ``spec`` (``aio`` picks the async credential type).

    ``title`` names the service in docs (the spec's own title often repeats its version).
    """
    keys = [a for a in spec.client.auth if isinstance(a, ApiKeyAuth)]
    tokens = [a for a in spec.client.auth if isinstance(a, OAuth2Auth)]
    scopes = tuple(sorted({s for t in tokens for s in t.scopes}))
    token_type = "AsyncTokenCredential" if aio else "TokenCredential"
    kinds = (["AzureKeyCredential"] if keys else []) + ([token_type] if tokens else [])
    if not kinds:
        kinds = ["AzureKeyCredential"]
    default = spec.client.default_api_version or spec.client.api_version
    credential_doc = " or ".join(
        f"~azure.core.credentials{'_async' if k.startswith('Async') else ''}.{k}" for k in kinds
    )
    credential_text = (
        "The credential: "
        + " or ".join(
            ["an ``AzureKeyCredential`` holding the resource's API key"] * bool(keys)
            + [f"{'an' if aio else 'a'} ``{token_type}`` for Microsoft Entra ID"] * bool(tokens)
        )
        + "."
    )
    endpoint_doc = "The resource endpoint, e.g. https://<resource>.openai.azure.com."
    for param in spec.client.host.parameters:
        if param.wire_name == "endpoint" and param.description:
            endpoint_doc = param.description
    fields: list[str] = []
    fields += docs.field_lines("param", "endpoint", f"{endpoint_doc} Required.", 4)
    fields += docs.field_lines("type", "endpoint", "str", 4)
    fields += docs.field_lines("param", "credential", f"{credential_text} Required.", 4)
    fields += docs.field_lines("type", "credential", credential_doc, 4)
    fields += docs.field_lines(
        "keyword",
        "api_version",
        f'The API version to call. Default value is "{default}". Other versions may not'
        " match the models of this package.",
        4,
    )
    fields += docs.field_lines("paramtype", "api_version", "str", 4)
    for group in groups:
        fields += docs.field_lines("ivar", group.attribute, f"{group.class_name} operations", 4)
        prefix = f"{version_path}.aio" if aio else version_path
        fields += docs.field_lines(
            "vartype", group.attribute, f"~{prefix}._operations.{group.class_name}", 4
        )
    description = spec.client.description
    flavour = "Async client" if aio else "Client"
    head = f"{flavour} for {docs.one_line(title)}, API version {spec.client.api_version}."
    return ClientView(
        class_name=class_name,
        summary=escape.docstring(head),
        docstring=docs.render(docs.docstring(head, description, fields, 4), 4),
        host_template=_lit(spec.client.host.template),
        host_template_text=escape.docstring(spec.client.host.template),
        api_key_header=_lit(keys[0].header if keys else None),
        scopes=tuple(_lit(s) for s in scopes),
        sdk_moniker=_lit(sdk_moniker),
        api_version_parameter=_lit(api_version_parameter(spec)),
        default_api_version=_lit(default),
        credential_annotation=" | ".join(kinds),
        accepts_key=bool(keys),
        accepts_token=bool(tokens),
    )


def client_imports(view: ClientView, groups: tuple[GroupView, ...], aio: bool) -> list[str]:
    """Import statements of ``_client.py``."""
    lines = ["import copy", "from typing import Any"]
    if "AzureKeyCredential" in view.credential_annotation:
        lines.append("from azure.core.credentials import AzureKeyCredential")
    if view.accepts_token:
        if aio:
            lines.append("from azure.core.credentials_async import AsyncTokenCredential")
        else:
            lines.append("from azure.core.credentials import TokenCredential")
    response = "AsyncHttpResponse" if aio else "HttpResponse"
    lines.append(f"from azure.core.rest import HttpRequest, {response}")
    lines.append(f"from {'...' if aio else '..'} import _runtime as _rt")
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
    lines.add(f"from {'...' if aio else '..'} import _runtime as _rt")
    if "_models." in repr(groups):
        lines.add(f"from {'..' if aio else '.'} import models as _models")
    return sorted(lines)
