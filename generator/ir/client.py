"""Client-wide facts: the service root, client-level parameters and authentication schemes.

Each security scheme is one variant of the :data:`AuthScheme` union; which credential type the
generated client takes follows from the variants present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TypeAlias

from generator.ir.parameters import Parameter


@dataclass(frozen=True, slots=True)
class ApiKeyAuth:
    """An API key sent in a header or a query parameter (AzureKeyCredential)."""

    KIND: ClassVar[str] = "api_key"
    scheme_name: str  # securityDefinitions key
    header: str  # the header or query parameter name, e.g. "api-key"
    description: str = ""
    in_query: bool = False  # ``in: query`` rather than ``in: header``


@dataclass(frozen=True, slots=True)
class BasicAuth:
    """HTTP basic authentication (a user name and password)."""

    KIND: ClassVar[str] = "basic"
    scheme_name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class OAuth2Auth:
    """OAuth2 / AAD bearer tokens (TokenCredential)."""

    KIND: ClassVar[str] = "oauth2"
    scheme_name: str
    flow: str
    scopes: tuple[str, ...]
    authorization_url: str | None = None
    token_url: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class BearerAuth:
    """An HTTP ``bearer`` scheme (OpenAPI 3): a token sent as ``Authorization: Bearer <token>``.

    Its own type rather than an :class:`OAuth2Auth` without a flow: the two give the same client
    (a ``TokenCredential``), but a bearer scheme declares no flow, URLs or scopes, so lowering it
    to OAuth2 would invent a flow and let the diff report an OAuth2 scheme the spec never had.
    The token scopes come from the ``credential_scopes`` setting or keyword instead.
    """

    KIND: ClassVar[str] = "bearer"
    scheme_name: str
    bearer_format: str = ""  # ``bearerFormat``, a hint such as "JWT"
    description: str = ""


AuthScheme: TypeAlias = ApiKeyAuth | OAuth2Auth | BasicAuth | BearerAuth
TOKEN_SCHEMES = (OAuth2Auth, BearerAuth)  # the schemes a TokenCredential satisfies


@dataclass(frozen=True, slots=True)
class HostTemplate:
    """The service root, e.g. ``{endpoint}/openai`` from x-ms-parameterized-host."""

    template: str
    use_scheme_prefix: bool
    parameters: tuple[Parameter, ...]  # parameters filled into the template
    scheme: str = "https"  # prefixed when ``use_scheme_prefix`` (from ``schemes``)


@dataclass(frozen=True, slots=True)
class Client:
    """Client-wide facts: where the service is, which API version, how to authenticate."""

    title: str
    description: str
    api_version: str  # info.version
    default_api_version: str | None  # x-ms-client-default of the api-version parameter
    host: HostTemplate
    client_parameters: tuple[Parameter, ...]  # x-ms-parameter-location: client (api-version, ...)
    auth: tuple[AuthScheme, ...]
    schemes: tuple[str, ...] = ()  # transfer protocols (``schemes``), sorted; () when unstated
