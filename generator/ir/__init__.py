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

This package is the one place the IR is imported from (``from generator.ir import Model``); its
modules hold one part each: :mod:`~generator.ir.types` (types of values, constraints, defaults),
:mod:`~generator.ir.models` (models, enums, aliases), :mod:`~generator.ir.parameters` (parameters
and request bodies), :mod:`~generator.ir.responses`, :mod:`~generator.ir.operations` (operations,
groups, paging, long-running, streaming), :mod:`~generator.ir.client` (service root and
authentication) and :mod:`~generator.ir.spec` (the root, :class:`ApiSpec`).
"""

from __future__ import annotations

from generator.ir.client import (
    TOKEN_SCHEMES,
    ApiKeyAuth,
    AuthScheme,
    BasicAuth,
    BearerAuth,
    Client,
    HostTemplate,
    OAuth2Auth,
)
from generator.ir.models import (
    Alias,
    Discriminator,
    Enum,
    EnumValue,
    Model,
    Property,
)
from generator.ir.operations import (
    EventStream,
    LongRunning,
    Operation,
    OperationGroup,
    Paging,
)
from generator.ir.parameters import (
    BinaryBody,
    FormField,
    JsonBody,
    MultipartBody,
    Parameter,
    ParameterLocation,
    RequestBody,
)
from generator.ir.responses import (
    Response,
    ResponseHeader,
)
from generator.ir.spec import (
    ApiSpec,
)
from generator.ir.types import (
    NO_CONSTRAINTS,
    AnyType,
    ArrayType,
    Constraints,
    Default,
    EnumRef,
    JsonValue,
    MapType,
    ModelRef,
    Primitive,
    PrimitiveType,
    TypeRef,
    UnionType,
)

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
