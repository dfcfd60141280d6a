"""What an operation takes: path, query and header parameters and the request body.

Swagger 2.0 spells all of these as parameters (``in: body``, ``in: formData``); the IR keeps a
non-body :class:`Parameter` apart from the :data:`RequestBody` union, one variant per way the body
is sent (JSON, form data, a byte stream).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from generator.ir.types import (
    NO_CONSTRAINTS,
    Constraints,
    Default,
    Primitive,
    PrimitiveType,
    TypeRef,
)

if TYPE_CHECKING:
    from generator.ir_flatten import FlatProperty


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
