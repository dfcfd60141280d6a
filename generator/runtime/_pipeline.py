"""Pieces shared by the sync and async client cores: configuration, policies, requests, errors.

Kept free of any transport so that importing a client package does not import an HTTP library;
the transport is created when a client is constructed.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import logging
import re
import types
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, NoReturn
from urllib.parse import quote, urlsplit

from azure.core.credentials import AzureKeyCredential, AzureNamedKeyCredential
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
    ResourceNotModifiedError,
)
from azure.core.pipeline import PipelineRequest
from azure.core.pipeline.policies import (
    AzureKeyCredentialPolicy,
    ContentDecodePolicy,
    CustomHookPolicy,
    DistributedTracingPolicy,
    HeadersPolicy,
    HttpLoggingPolicy,
    NetworkTraceLoggingPolicy,
    ProxyPolicy,
    RequestIdPolicy,
    SansIOHTTPPolicy,
    SensitiveHeaderCleanupPolicy,
    UserAgentPolicy,
)
from azure.core.rest import HttpRequest

from ._redact import REDACTED, is_secret, redact_url
from .header_collections import PrefixedHeaders
from .multipart import ChunkedBody, MultipartStream
from .serde import deserialize, serialize

__all__ = ["ServiceConfig"]

_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# The generated package's own logger (this module is ``<package>._runtime._pipeline`` there), so
# that a user can turn one client's request tracing on or off by its package name.
_LOGGER = logging.getLogger(__name__.split("._runtime", 1)[0])

# Status codes with a dedicated azure-core error; everything else is HttpResponseError.
_ERROR_TYPES: dict[int, type[HttpResponseError]] = {
    304: ResourceNotModifiedError,
    401: ClientAuthenticationError,
    404: ResourceNotFoundError,
    409: ResourceExistsError,
    412: ResourceModifiedError,
}


@dataclass(frozen=True)
class ServiceConfig:
    """What a generated client tells the runtime about its service."""

    host_template: str
    """Base URL with ``{name}`` placeholders for the host parameters, e.g. ``"{endpoint}/api"``."""
    api_key_header: str | None
    """Header that carries an ``AzureKeyCredential``; None when the service takes no key."""
    scopes: tuple[str, ...]
    """OAuth scopes for a ``TokenCredential``; empty when the service takes no token."""
    sdk_moniker: str
    """``name/version`` for the user agent, sent as ``azsdk-python-<moniker>``."""
    api_version_parameter: str | None = "api-version"
    """Query parameter that carries the API version, or None."""
    raw_host_parameters: tuple[str, ...] = ("endpoint",)
    """Host parameters filled in as given (``x-ms-skip-url-encoding`` or ``format: url``)."""
    scheme_prefix: str = ""
    """``"https://"`` when the template has no scheme of its own (``useSchemePrefix``)."""
    api_key_query: str | None = None
    """Query parameter that carries an ``AzureKeyCredential`` (apiKey ``in: query``)."""
    basic: bool = False
    """Whether HTTP basic authentication is accepted (a ``(user, password)`` credential)."""
    secret_names: tuple[str, ...] = ()
    """Header and query parameters the spec marks ``x-ms-secret``: never logged."""
    token: bool = False
    """Whether a ``TokenCredential`` is accepted though no scopes are known (an HTTP bearer
    scheme declares none): the caller then passes ``credential_scopes=``."""
    library_name: str = ""
    """The distribution's name, the instrumentation scope of its tracing spans."""
    library_version: str = ""
    """The distribution's version, recorded with the instrumentation scope."""

    @property
    def instrumentation_config(self) -> dict[str, str]:
        """What azure-core's tracing (``distributed_trace`` and ``DistributedTracingPolicy``)
        reads to name the instrumentation scope of the spans this client makes."""
        config = {"library_name": self.library_name, "library_version": self.library_version}
        return {key: value for key, value in config.items() if value}


def require_scopes(config: ServiceConfig) -> None:
    """ValueError when a token is to be sent but neither the spec nor the caller named scopes."""
    if config.token and not config.scopes:
        raise ValueError(
            "this service declares no token scopes; pass credential_scopes=[...] "
            "(e.g. ['https://<resource>/.default']) to the client"
        )


def with_scopes(config: ServiceConfig, scopes: Any) -> ServiceConfig:
    """``config`` with the token scopes replaced by the caller's ``credential_scopes``."""
    if scopes is None:
        return config
    if isinstance(scopes, str) or not all(isinstance(s, str) for s in scopes):
        raise TypeError("credential_scopes must be a list of strings")
    return dataclasses.replace(config, scopes=tuple(scopes))


def base_url(config: ServiceConfig, values: str | Mapping[str, str]) -> str:
    """The client's base URL: the host template with the client's host parameters filled in.

    A plain string fills ``{endpoint}``.  Placeholders not given here stay for the operations
    that carry them as their own parameters.  Values are URL-encoded unless the spec says they
    are used as they are; the scheme is prefixed unless the filled URL already has one.
    """
    given = {"endpoint": values} if isinstance(values, str) else dict(values)
    url = config.host_template
    for name, value in given.items():
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string")
        raw = name in config.raw_host_parameters
        url = url.replace("{" + name + "}", value.rstrip("/") if raw else quote(value, safe=""))
    if config.scheme_prefix and "{" not in url and not _HAS_SCHEME.match(url):
        url = config.scheme_prefix + url  # else make_request adds it once the URL is complete
    return url.rstrip("/")


def accepts_credential(config: ServiceConfig) -> bool:
    """Whether the service declares any security scheme (else the client takes no credential)."""
    keys = config.api_key_header or config.api_key_query
    return bool(keys or config.scopes or config.basic or config.token)


def accepted_credentials(config: ServiceConfig) -> str:
    """Human-readable list of the credential kinds the service accepts (for TypeErrors)."""
    kinds = []
    if config.api_key_header or config.api_key_query:
        kinds.append("azure.core.credentials.AzureKeyCredential")
    if config.basic:
        kinds.append("azure.core.credentials.AzureNamedKeyCredential (user name and password)")
    if config.scopes or config.token:
        kinds.append("a TokenCredential (e.g. azure.identity.DefaultAzureCredential)")
    return " or ".join(kinds) or "no credential"


class KeyQueryPolicy(SansIOHTTPPolicy[HttpRequest, Any]):
    """Sends an ``AzureKeyCredential`` as a query parameter (apiKey ``in: query``)."""

    def __init__(self, credential: AzureKeyCredential, name: str) -> None:
        self._credential = credential
        self._name = name

    def on_request(self, request: PipelineRequest[HttpRequest]) -> None:
        request.http_request.format_parameters({self._name: self._credential.key})


class BasicAuthPolicy(SansIOHTTPPolicy[HttpRequest, Any]):
    """HTTP basic authentication from an ``AzureNamedKeyCredential`` (user name, password)."""

    def __init__(self, credential: AzureNamedKeyCredential) -> None:
        self._credential = credential

    def on_request(self, request: PipelineRequest[HttpRequest]) -> None:
        user, password = self._credential.named_key
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        request.http_request.headers["Authorization"] = f"Basic {token}"


def key_or_basic_policy(config: ServiceConfig, credential: object, kwargs: Any) -> Any:
    """The policy for a key or basic credential, None for other kinds; TypeError if refused."""
    if isinstance(credential, AzureKeyCredential):
        if config.api_key_header:
            return AzureKeyCredentialPolicy(credential, config.api_key_header, **kwargs)
        if config.api_key_query:
            return KeyQueryPolicy(credential, config.api_key_query)
        raise TypeError(
            "This service does not accept an AzureKeyCredential; "
            f"pass {accepted_credentials(config)} instead."
        )
    if isinstance(credential, AzureNamedKeyCredential):
        if config.basic:
            return BasicAuthPolicy(credential)
        raise TypeError(
            "This service does not accept an AzureNamedKeyCredential; "
            f"pass {accepted_credentials(config)} instead."
        )
    return None


def reject_credential(config: ServiceConfig, credential: object, why: str = "") -> NoReturn:
    """Raises the TypeError for a credential the service does not accept."""
    if credential is None:
        raise TypeError(
            f"credential is required; this client accepts {accepted_credentials(config)}."
        )
    raise TypeError(
        f"Unsupported credential type {type(credential).__name__}{why}; "
        f"this client accepts {accepted_credentials(config)}."
    )


class RedactingNetworkTraceLoggingPolicy(NetworkTraceLoggingPolicy):
    """``logging_enable=True`` tracing that never writes a secret (see :mod:`._redact`).

    Request and response header values and query parameter values are replaced by
    ``REDACTED`` when the spec marks them ``x-ms-secret``, when they carry the credential, or
    when their name says they are secret.
    """

    def __init__(self, secret_headers: Collection[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._secret = tuple(secret_headers)

    def _headers(self, headers: Mapping[str, str]) -> list[str]:
        return [
            f"    '{name}': '{REDACTED if is_secret(name, self._secret) else value}'"
            for name, value in headers.items()
        ]

    def on_request(self, request: PipelineRequest[Any]) -> None:
        http_request = request.http_request
        options = request.context.options
        logging_enable = options.pop("logging_enable", self.enable_http_logger)
        request.context["logging_enable"] = logging_enable
        if not logging_enable or not _LOGGER.isEnabledFor(logging.DEBUG):
            return
        url = redact_url(http_request.url, self._secret)
        lines = [f"Request URL: '{url}'", f"Request method: '{http_request.method}'"]
        lines.append("Request headers:")
        lines.extend(self._headers(http_request.headers))
        body = http_request.body
        streamed = isinstance(body, (types.GeneratorType, types.AsyncGeneratorType, io.IOBase))
        if streamed or getattr(http_request, "files", None):
            lines.append("Request body:\nFile upload")
        elif body:
            lines.append(f"Request body:\n{body!s}")
        else:
            lines.append("Request body:\nThis request has no body")
        _LOGGER.debug("\n".join(lines))

    def on_response(self, request: PipelineRequest[Any], response: Any) -> None:
        if not response.context.get("logging_enable") or not _LOGGER.isEnabledFor(logging.DEBUG):
            return
        http_response = response.http_response
        lines = [f"Response status: '{http_response.status_code}'", "Response headers:"]
        lines.extend(self._headers(http_response.headers))
        content_type = http_response.headers.get("content-type", "")
        if response.context.options.get("stream", False) or "json" not in content_type:
            lines.append("Response content:\nnot logged (streamed or not JSON)")
        else:
            lines.append(f"Response content:\n{http_response.text()}")
        _LOGGER.debug("\n".join(lines))


def standard_policies(
    config: ServiceConfig,
    kwargs: dict[str, Any],
    *,
    authentication: Any,
    redirect: Any,
    retry: Any,
) -> list[Any]:
    """The azure-core policy list; each policy may be replaced by a ``<name>_policy`` kwarg.

    ``authentication``, ``redirect`` and ``retry`` come from the caller because the sync and
    async policy classes differ.
    """
    secret = ["Authorization", "x-ms-authorization-auxiliary", *config.secret_names]
    if config.api_key_header:
        secret.append(config.api_key_header)
    return [
        kwargs.get("request_id_policy") or RequestIdPolicy(**kwargs),
        kwargs.get("headers_policy") or HeadersPolicy(**kwargs),
        kwargs.get("user_agent_policy")
        or UserAgentPolicy(sdk_moniker=config.sdk_moniker, **kwargs),
        kwargs.get("proxy_policy") or ProxyPolicy(**kwargs),
        ContentDecodePolicy(**kwargs),
        kwargs.get("redirect_policy") or redirect,
        kwargs.get("retry_policy") or retry,
        kwargs.get("authentication_policy") or authentication,
        kwargs.get("custom_hook_policy") or CustomHookPolicy(**kwargs),
        kwargs.get("logging_policy") or RedactingNetworkTraceLoggingPolicy(secret, **kwargs),
        DistributedTracingPolicy(instrumentation_config=config.instrumentation_config, **kwargs),
        SensitiveHeaderCleanupPolicy(blocked_redirect_headers=secret, **kwargs),
        kwargs.get("http_logging_policy") or HttpLoggingPolicy(**kwargs),
    ]


def _text(value: Any) -> Any:
    """A query/header/path value as the text the service expects."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return _text(value.value)
    if isinstance(value, (datetime, date)):
        return serialize(value)
    if isinstance(value, (list, tuple)):
        return [_text(item) for item in value]
    return str(value) if not isinstance(value, str) else value


def make_request(
    config: ServiceConfig,
    base: str,
    api_version: str,
    method: str,
    path: str,
    *,
    path_params: Mapping[str, Any],
    skip_encoding: Collection[str],
    query: Mapping[str, Any],
    headers: Mapping[str, Any],
    json: Any,
    files: Mapping[str, Any] | None,
    data: Mapping[str, Any] | None,
    content: Any,
    send_api_version: bool = True,
) -> HttpRequest:
    """Builds the ``HttpRequest`` for :meth:`ClientCore.build_request` (see there).

    ``send_api_version=False``: an operation that does not declare the API version never sends it.
    Query parameters named in ``skip_encoding`` are written into the URL as given.
    """
    url = path if urlsplit(path).scheme in ("http", "https") else base + path
    for name, value in path_params.items():
        text = _text(value)
        if not isinstance(text, str):
            text = ",".join(text)
        if name not in skip_encoding:
            text = quote(text, safe="")
        url = url.replace("{" + name + "}", text)
    if config.scheme_prefix and not _HAS_SCHEME.match(url):
        url = config.scheme_prefix + url
    params = {name: _text(value) for name, value in query.items() if value is not None}
    raw = [f"{name}={params.pop(name)}" for name in list(params) if name in skip_encoding]
    if raw:  # x-ms-skip-url-encoding: the value goes into the query exactly as given
        url += ("&" if urlsplit(url).query else "?") + "&".join(raw)
    version_name = config.api_version_parameter
    if (
        version_name
        and send_api_version
        and version_name not in params
        and f"{version_name}=" not in urlsplit(url).query
    ):
        params[version_name] = api_version
    header_values: dict[str, str] = {}
    for name, value in headers.items():
        if isinstance(value, PrefixedHeaders):  # x-ms-header-collection-prefix: one per entry
            header_values.update({key: _text(text) for key, text in value.items()})
        elif value is not None:
            header_values[name] = _text(value)
    body: dict[str, Any] = {}
    if json is not None:
        body["json"] = serialize(json)
    form = {name: _form_value(value) for name, value in (data or {}).items() if value is not None}
    if files is not None:
        stream = MultipartStream(
            form, {name: value for name, value in files.items() if value is not None}
        )
        body["content"] = stream
        header_values["Content-Type"] = stream.content_type
        if stream.length is not None:
            header_values["Content-Length"] = str(stream.length)
    elif data is not None:
        body["data"] = form
    if content is not None:
        body["content"] = content
        if isinstance(content, ChunkedBody) and content.length is not None:
            header_values.setdefault("Content-Length", str(content.length))
    return HttpRequest(method, url, params=params, headers=header_values, **body)


def _form_value(value: Any) -> Any:
    text = _text(value)
    return text if isinstance(text, (str, list)) else str(text)


def parse_error_model(error_model: Any, body: bytes) -> Any:
    """The error body as ``error_model``, or None when there is none or it does not parse."""
    if error_model is None or not body:
        return None
    try:
        return deserialize(error_model, body)
    except Exception:  # any failure means "no typed model", never a second error
        return None


def raise_status_error(response: Any, model: Any) -> NoReturn:
    """Raises the azure-core error for the response's status with ``error.model`` set."""
    error_type = _ERROR_TYPES.get(response.status_code, HttpResponseError)
    raise error_type(response=response, model=model)
