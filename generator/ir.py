"""The intermediate model (IR): what a spec means, independent of Swagger's spelling of it.

Every type here is a small frozen dataclass.  Variants of one idea form a tagged union: each
variant has a ``KIND`` class constant, which :mod:`generator.ir_json` writes as ``"kind"`` so the
JSON form is self-describing.  Nothing here holds raw spec dicts; everything the renderer and the
diff need is a typed field.

Names: ``*_name`` / ``key`` fields hold what the spec says (wire names, definition keys,
operationIds); ``py_name`` / ``class_name`` fields hold the Python identifiers chosen by the one
naming pass (:mod:`generator.naming`).  The builder fills ``py_name`` fields with ``""`` and the
naming pass replaces them, so a renamed copy is produced rather than anything mutated.

Models and enums are referenced by ``key`` (:class:`ModelRef`, :class:`EnumRef`), never embedded,
so recursive schemas (Error -> InnerError -> InnerError) are plain data with no cycles.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeAlias, TypeVar

if TYPE_CHECKING:
    from generator.ir_flatten import FlatProperty

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"


# --------------------------------------------------------------------------------------------
# Types
# --------------------------------------------------------------------------------------------


class Primitive(enum.Enum):
    """Scalar wire types: Swagger ``type`` + ``format`` folded into one value."""

    STRING = "string"
    BOOLEAN = "boolean"
    INT32 = "int32"
    INT64 = "int64"
    INTEGER = "integer"  # integer without a format
    FLOAT = "float"
    DOUBLE = "double"
    NUMBER = "number"  # number without a format
    DATE_TIME = "date-time"  # RFC 3339 string
    DATE = "date"
    UNIX_TIME = "unixtime"  # integer seconds since the epoch
    BYTE = "byte"  # base64 string
    BINARY = "binary"  # raw bytes (request/response body)
    FILE = "file"  # multipart file part or file download
    URL = "url"
    UUID = "uuid"
    DURATION = "duration"
    PASSWORD = "password"
    DATE_TIME_RFC1123 = "date-time-rfc1123"  # HTTP-date text, e.g. "Mon, 01 Jan 2024 00:00:00 GMT"
    TIME = "time"  # ISO 8601 time of day
    BASE64URL = "base64url"  # URL-safe base64 without padding
    DECIMAL = "decimal"  # a JSON number kept exact


@dataclass(frozen=True, slots=True)
class PrimitiveType:
    """A scalar value."""

    KIND: ClassVar[str] = "primitive"
    primitive: Primitive


@dataclass(frozen=True, slots=True)
class ArrayType:
    """A JSON array of one item type."""

    KIND: ClassVar[str] = "array"
    items: TypeRef
    nullable_items: bool = False  # the items schema is x-nullable: null is a valid item


@dataclass(frozen=True, slots=True)
class MapType:
    """A JSON object used as a string-keyed map (``additionalProperties``)."""

    KIND: ClassVar[str] = "map"
    values: TypeRef
    nullable_values: bool = False  # the values schema is x-nullable: null is a valid value


@dataclass(frozen=True, slots=True)
class AnyType:
    """Any JSON value (a schema with no type, or ``type: object`` with no properties)."""

    KIND: ClassVar[str] = "any"


@dataclass(frozen=True, slots=True)
class ModelRef:
    """A reference to :class:`Model` by its key."""

    KIND: ClassVar[str] = "model"
    key: str


@dataclass(frozen=True, slots=True)
class EnumRef:
    """A reference to :class:`Enum` by its key."""

    KIND: ClassVar[str] = "enum"
    key: str


@dataclass(frozen=True, slots=True)
class UnionType:
    """One of several types (e.g. an ``enum`` whose members are ``$ref`` objects)."""

    KIND: ClassVar[str] = "union"
    members: tuple[TypeRef, ...]


TypeRef: TypeAlias = PrimitiveType | ArrayType | MapType | AnyType | ModelRef | EnumRef | UnionType


@dataclass(frozen=True, slots=True)
class Constraints:
    """Validation keywords carried for docs and for tools; the client does not enforce them."""

    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False


NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True, slots=True)
class Default:
    """A default value; wrapped so that "no default" and "default null" differ."""

    value: JsonValue


# --------------------------------------------------------------------------------------------
# Models and enums
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Property:
    """One property of a model."""

    wire_name: str
    py_name: str
    type: TypeRef
    required: bool
    read_only: bool = False
    nullable: bool = False
    default: Default | None = None
    description: str = ""
    constraints: Constraints = NO_CONSTRAINTS
    client_name: str | None = None  # x-ms-client-name, honoured by the naming pass
    # x-ms-mutability (sorted: "create", "read", "update"); empty when the spec states none
    mutability: tuple[str, ...] = ()
    client_flatten: bool = False  # x-ms-client-flatten: true (kept for the version diff)


@dataclass(frozen=True, slots=True)
class Discriminator:
    """Polymorphism root: which property tells the subtypes apart, and which value means which."""

    property_wire_name: str
    # (discriminator value, model key), sorted by value; includes the root's own value if any.
    subtypes: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Model:
    """An object schema: a named definition, or an inline object the naming pass names."""

    KIND: ClassVar[str] = "model"
    key: str  # definitions key, or a synthetic "Parent.property" path for inline objects
    class_name: str
    properties: tuple[Property, ...]  # own properties only; inherited ones live on parents
    description: str = ""
    parents: tuple[str, ...] = ()  # model keys from allOf
    discriminator: Discriminator | None = None  # set on polymorphic roots
    discriminator_value: str | None = None  # x-ms-discriminator-value (or key) on subtypes
    additional_properties: TypeRef | None = None
    inline: bool = False  # True when the schema had no definitions key of its own
    source_pointer: str = ""  # JSON pointer of the schema in the spec
    read_only: bool = False  # readOnly: true on the whole definition (sent by the service only)
    # what Python sees of the own x-ms-client-flatten containers (generator.ir_flatten)
    flattened: tuple[FlatProperty, ...] = ()


@dataclass(frozen=True, slots=True)
class EnumValue:
    """One member of an enum."""

    value: str | int | float | bool
    py_name: str  # UPPER_CASE member name
    description: str = ""
    client_name: str | None = None  # x-ms-enum values[].name


@dataclass(frozen=True, slots=True)
class Enum:
    """A set of allowed values; ``extensible`` (x-ms-enum modelAsString) admits unknown ones."""

    KIND: ClassVar[str] = "enum"
    key: str  # x-ms-enum name, definitions key, or synthetic path for unnamed inline enums
    class_name: str
    base: Primitive  # STRING, INT32, ...
    values: tuple[EnumValue, ...]
    extensible: bool
    description: str = ""
    source_pointer: str = ""
    enum_name: str | None = None  # x-ms-enum name when it differs from ``key`` (names the class)
    declared: bool = True  # False for a plain ``enum`` without x-ms-enum


@dataclass(frozen=True, slots=True)
class Alias:
    """A named definition that is neither an object nor an enum (e.g. an array of models).

    Uses of it are expanded in place (a property typed by it gets the aliased type); the alias is
    kept so that every definitions key is accounted for (docs, version diffs).
    """

    KIND: ClassVar[str] = "alias"
    key: str  # definitions key
    class_name: str
    type: TypeRef
    description: str = ""
    source_pointer: str = ""


# --------------------------------------------------------------------------------------------
# Operations
# --------------------------------------------------------------------------------------------


class ParameterLocation(enum.Enum):
    """Where a non-body parameter travels."""

    PATH = "path"
    QUERY = "query"
    HEADER = "header"


@dataclass(frozen=True, slots=True)
class Parameter:
    """A path, query or header parameter (bodies and form fields are :data:`RequestBody`)."""

    wire_name: str
    py_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    description: str = ""
    default: Default | None = None
    client_level: bool = False  # x-ms-parameter-location: client
    skip_url_encoding: bool = False  # x-ms-skip-url-encoding
    collection_format: str | None = None  # csv, multi, ... for arrays
    constraints: Constraints = NO_CONSTRAINTS
    client_name: str | None = None
    # x-ms-parameter-grouping: the group's name ("" when the spec leaves it to the generator)
    grouping: str | None = None
    secret: bool = False  # x-ms-secret: the value is never logged
    # key of the parameter-group model this parameter is a member of ("" when not grouped)
    group_key: str = ""
    # x-ms-header-collection-prefix: a dict sent as one header per entry, named prefix + key
    collection_prefix: str | None = None


@dataclass(frozen=True, slots=True)
class JsonBody:
    """A JSON request body (``in: body``)."""

    KIND: ClassVar[str] = "json"
    wire_name: str  # the body parameter's name in the spec
    py_name: str
    type: TypeRef
    required: bool
    content_types: tuple[str, ...]
    description: str = ""
    # key of the parameter-group model the body is a member of ("" when not grouped)
    group_key: str = ""
    client_flatten: bool = False  # x-ms-client-flatten on the body parameter
    # the body model's properties as keyword arguments, when flattened (generator.ir_flatten)
    flattened: tuple[FlatProperty, ...] = ()


@dataclass(frozen=True, slots=True)
class FormField:
    """One part of a multipart/form-data body."""

    wire_name: str
    py_name: str
    type: TypeRef  # PrimitiveType(FILE) for file parts
    required: bool
    description: str = ""
    default: Default | None = None
    constraints: Constraints = NO_CONSTRAINTS

    @property
    def is_file(self) -> bool:
        """Whether this part carries file content (sent with a filename and content type)."""
        return self.type == PrimitiveType(Primitive.FILE)


@dataclass(frozen=True, slots=True)
class MultipartBody:
    """A multipart/form-data request body built from ``in: formData`` parameters."""

    KIND: ClassVar[str] = "multipart"
    fields: tuple[FormField, ...]
    # "application/x-www-form-urlencoded" when the operation consumes only that (no file parts)
    content_type: str = "multipart/form-data"


@dataclass(frozen=True, slots=True)
class BinaryBody:
    """A raw byte-stream request body (``in: body`` with a binary/file schema)."""

    KIND: ClassVar[str] = "binary"
    wire_name: str
    py_name: str
    required: bool
    content_types: tuple[str, ...]
    description: str = ""


RequestBody: TypeAlias = JsonBody | MultipartBody | BinaryBody


@dataclass(frozen=True, slots=True)
class ResponseHeader:
    """A header the service returns."""

    wire_name: str
    py_name: str
    type: TypeRef
    description: str = ""
    # x-ms-header-collection-prefix: every header with this prefix, as a dict keyed by the rest
    collection_prefix: str | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """One declared response: a status code (or ``default``), its body and headers."""

    status: str  # "200", "204", "default"
    body: TypeRef | None  # None: no body; PrimitiveType(FILE/BINARY): a byte stream
    description: str = ""
    headers: tuple[ResponseHeader, ...] = ()
    error_response: bool | None = None  # x-ms-error-response, None when the spec does not say

    @property
    def is_error(self) -> bool:
        """Whether the response describes a failure.

        ``x-ms-error-response`` decides when present; otherwise ``default`` is the failure and
        every declared status code is an outcome the caller expects (as in AutoRest: a HEAD
        declaring 404 answers "does not exist", a 404 with its own model is a result).
        """
        if self.error_response is not None:
            return self.error_response
        return self.status == "default"


@dataclass(frozen=True, slots=True)
class Paging:
    """How a list operation pages.

    Cursor paging (these specs): the request carries ``cursor_parameter`` (``after``), the response
    carries ``items_property`` (``data``) and ``has_more_property`` (``has_more``); the next cursor
    is the ``cursor_item_property`` (``id``) of the last item.  Next-link paging (x-ms-pageable):
    ``next_link_property`` holds the URL of the next page.
    """

    items_property: str
    item_type: TypeRef
    next_link_property: str | None = None
    cursor_parameter: str | None = None
    limit_parameter: str | None = None
    has_more_property: str | None = None
    cursor_item_property: str | None = None
    from_extension: bool = False  # True when declared by x-ms-pageable, False when detected
    detected_by: str = ""  # how the paging was found, for people reading the IR


@dataclass(frozen=True, slots=True)
class LongRunning:
    """A long-running operation (x-ms-long-running-operation)."""

    polling_header: str  # e.g. "operation-location"
    final_state_via: str | None = None  # x-ms-long-running-operation-options
    final_type: TypeRef | None = None  # the type the poller returns when done
    final_type_from: str = ""  # where the final type was found, for people reading the IR


@dataclass(frozen=True, slots=True)
class EventStream:
    """A response that may be ``text/event-stream`` (server-sent events)."""

    trigger_parameter: str | None  # wire name of the query flag that asks for a stream ("stream")
    event_type: TypeRef  # type of each event's ``data``
    terminator: str = "[DONE]"


@dataclass(frozen=True, slots=True)
class Operation:
    """One HTTP operation."""

    operation_id: str
    group_key: str  # operation group the operation belongs to (operationId prefix or tag)
    py_name: str  # method name on the group class, e.g. "list", "begin_generate"
    method: str  # lower-case HTTP method
    path: str
    summary: str = ""
    description: str = ""
    parameters: tuple[Parameter, ...] = ()  # path/query/header, client-level ones included
    body: RequestBody | None = None
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    responses: tuple[Response, ...] = ()
    paging: Paging | None = None
    long_running: LongRunning | None = None
    event_stream: EventStream | None = None
    deprecated: bool = False
    tags: tuple[str, ...] = ()
    source_pointer: str = ""
    # Effective security: alternatives, each the sorted securityDefinitions names that must all
    # be satisfied (the operation's own ``security`` or else the global one); () for none.
    security: tuple[tuple[str, ...], ...] = ()
    # The effective ``security`` is an empty list: the service takes no credential here.
    anonymous: bool = False

    @property
    def success_responses(self) -> tuple[Response, ...]:
        """Responses for 1xx-3xx status codes, in status order."""
        return tuple(r for r in self.responses if not r.is_error)

    @property
    def error_type(self) -> TypeRef | None:
        """Body type of the ``default`` (or first error) response, the typed error model."""
        errors = [r for r in self.responses if r.is_error and r.body is not None]
        return errors[0].body if errors else None


@dataclass(frozen=True, slots=True)
class OperationGroup:
    """Operations sharing a prefix; rendered as one ``client.<py_name>`` attribute."""

    key: str
    py_name: str  # attribute on the client, e.g. "fine_tuning"
    class_name: str  # e.g. "FineTuningOperations"
    operations: tuple[Operation, ...]


# --------------------------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class ApiSpec:
    """The root of the IR for one spec file."""

    source: str  # the spec file, as given
    client: Client
    groups: tuple[OperationGroup, ...]
    models: tuple[Model, ...]  # sorted by key
    enums: tuple[Enum, ...]  # sorted by key
    aliases: tuple[Alias, ...] = ()  # sorted by key
    # provenance: the format read ("Swagger 2.0", "OpenAPI 3.0.0"); nothing downstream reads it
    source_format: str = "Swagger 2.0"

    @property
    def operations(self) -> tuple[Operation, ...]:
        """All operations, group by group."""
        return tuple(op for group in self.groups for op in group.operations)

    def model(self, key: str) -> Model:
        """The model with ``key``; raises KeyError when there is none."""
        return _by_key(self.models, key)

    def enum(self, key: str) -> Enum:
        """The enum with ``key``; raises KeyError when there is none."""
        return _by_key(self.enums, key)


_Keyed = TypeVar("_Keyed", Model, Enum)


def _by_key(items: tuple[_Keyed, ...], key: str) -> _Keyed:
    """The item with ``key``: a binary search (items are sorted by key), else a scan.

    The scan keeps hand-built IR that is not sorted working; built IR never needs it.
    """
    index = bisect.bisect_left(items, key, key=lambda item: item.key)
    if index < len(items) and items[index].key == key:
        return items[index]
    for item in items:
        if item.key == key:
            return item
    raise KeyError(key)


__all__ = [
    "NO_CONSTRAINTS",
    "TOKEN_SCHEMES",
    "Alias",
    "AnyType",
    "ApiKeyAuth",
    "ApiSpec",
    "ArrayType",
    "AuthScheme",
    "BasicAuth",
    "BearerAuth",
    "BinaryBody",
    "Client",
    "Constraints",
    "Default",
    "Discriminator",
    "Enum",
    "EnumRef",
    "EnumValue",
    "EventStream",
    "FormField",
    "HostTemplate",
    "JsonBody",
    "JsonValue",
    "LongRunning",
    "MapType",
    "Model",
    "ModelRef",
    "MultipartBody",
    "OAuth2Auth",
    "Operation",
    "OperationGroup",
    "Paging",
    "Parameter",
    "ParameterLocation",
    "Primitive",
    "PrimitiveType",
    "Property",
    "RequestBody",
    "Response",
    "ResponseHeader",
    "TypeRef",
    "UnionType",
]
