"""The types of values in the IR: scalars, arrays, maps, references, unions; constraints; defaults.

Every property, parameter, form field and response body is typed by a :data:`TypeRef`, the tagged
union of this module.  Models and enums are referenced by ``key`` (:class:`ModelRef`,
:class:`EnumRef`), never embedded, so recursive schemas are plain data with no cycles.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import ClassVar, TypeAlias

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"


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
