"""Annotated scalar types for generated model fields.

Each alias is an ordinary type for type checkers (``datetime``, ``bytes``, a union with ``str``)
and carries the pydantic validator and serializer that give it its wire format.  Validation
stays in pydantic's compiled core where it can (unix seconds and RFC 3339 parsing are native),
so only what pydantic lacks runs in Python.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import decimal
import email.utils
import functools
from collections.abc import Callable
from datetime import datetime, timezone
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar, Union

from azure.core import CaseInsensitiveEnumMeta
from pydantic import BeforeValidator, GetCoreSchemaHandler, PlainSerializer
from pydantic_core import core_schema

__all__ = [
    "Base64",
    "Base64Url",
    "CaseInsensitiveEnumMeta",
    "DateTime",
    "Decimal",
    "Extensible",
    "Rfc1123",
    "UnixTime",
]


def _as_utc(value: datetime) -> datetime:
    """Timezone-aware datetimes unchanged; naive ones are taken to be UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _to_unix(value: datetime) -> Any:
    # utctimetuple() converts an aware value to UTC and leaves a naive one as it is (UTC).
    if not isinstance(value, datetime):
        return value  # a caller's own value: the service judges it
    return calendar.timegm(value.utctimetuple())


def _to_rfc3339(value: datetime) -> Any:
    if not isinstance(value, datetime):
        return value
    text = _as_utc(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _to_rfc1123(value: datetime) -> Any:
    if not isinstance(value, datetime):
        return value
    return email.utils.format_datetime(_as_utc(value).astimezone(timezone.utc), usegmt=True)


def _from_rfc1123(value: Any) -> Any:
    if isinstance(value, str):
        try:  # four-digit years as written (the email parser moves years < 100 to 19xx/20xx)
            return datetime.strptime(value.strip(), "%a, %d %b %Y %H:%M:%S GMT").replace(
                tzinfo=timezone.utc
            )
        except ValueError:
            pass
        try:
            return _as_utc(email.utils.parsedate_to_datetime(value))
        except (TypeError, ValueError) as error:
            raise ValueError(f"not an RFC 1123 date: {value!r}") from error
    return value


def _from_base64url(value: Any) -> Any:
    if isinstance(value, str):
        padded = value + "=" * (-len(value) % 4)
        try:
            return base64.urlsafe_b64decode(padded)
        except (binascii.Error, ValueError) as error:
            raise ValueError(f"not valid base64url: {error}") from None
    return value


def _to_base64url(value: bytes) -> Any:
    if not isinstance(value, (bytes, bytearray)):
        return value
    return base64.urlsafe_b64encode(bytes(value)).decode("ascii").rstrip("=")


def _decimal_number(value: decimal.Decimal) -> Any:
    """A decimal as a JSON number (an int when it is whole), not pydantic's string."""
    if not isinstance(value, decimal.Decimal):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _from_base64(value: Any) -> Any:
    if isinstance(value, str):
        padded = value + "=" * (-len(value) % 4)
        try:
            return base64.b64decode(
                padded, altchars=b"-_" if ("-" in value or "_" in value) else None, validate=True
            )
        except binascii.Error as error:
            raise ValueError(f"not valid base64: {error}") from None
    return value


def _to_base64(value: bytes) -> Any:
    if not isinstance(value, (bytes, bytearray)):
        return value
    return base64.b64encode(bytes(value)).decode("ascii")


class _AwareDateTimeSchema:
    """Core schema of an always-timezone-aware ``datetime`` written by ``serializer``.

    Aware values (every unix time, every RFC 3339 text with an offset) are validated entirely
    by pydantic-core; only a naive value reaches the Python fallback, which makes it UTC.
    """

    def __init__(self, serializer: Callable[[datetime], Any], wire_type: str) -> None:
        self._serializer = serializer
        self._wire_type = wire_type

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return_schema = (
            core_schema.int_schema() if self._wire_type == "int" else core_schema.str_schema()
        )
        return core_schema.union_schema(
            [
                core_schema.datetime_schema(tz_constraint="aware"),
                core_schema.no_info_after_validator_function(
                    _as_utc, core_schema.datetime_schema()
                ),
            ],
            mode="left_to_right",
            serialization=core_schema.plain_serializer_function_ser_schema(
                self._serializer, return_schema=return_schema
            ),
        )


UnixTime: TypeAlias = Annotated[datetime, _AwareDateTimeSchema(_to_unix, "int")]
"""Integer seconds since the epoch on the wire; a timezone-aware UTC ``datetime`` in Python."""

DateTime: TypeAlias = Annotated[datetime, _AwareDateTimeSchema(_to_rfc3339, "str")]
"""RFC 3339 text on the wire; always a timezone-aware ``datetime`` (naive input means UTC)."""

Base64: TypeAlias = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(_to_base64, return_type=str),
]
"""Base64 text on the wire (standard or URL-safe, padding optional); ``bytes`` in Python."""

Rfc1123: TypeAlias = Annotated[
    datetime,
    BeforeValidator(_from_rfc1123),
    PlainSerializer(_to_rfc1123, return_type=str),
]
"""HTTP-date text on the wire (``Mon, 01 Jan 2024 00:00:00 GMT``); an aware ``datetime``."""

Base64Url: TypeAlias = Annotated[
    bytes,
    BeforeValidator(_from_base64url),
    PlainSerializer(_to_base64url, return_type=str),
]
"""URL-safe base64 without padding on the wire; ``bytes`` in Python."""

Decimal: TypeAlias = Annotated[
    decimal.Decimal, PlainSerializer(_decimal_number, when_used="json-unless-none")
]
"""A JSON number read exactly as a ``decimal.Decimal`` (and written back as a number)."""


_E = TypeVar("_E", bound=Enum)


class _ExtensibleSchema:
    """Core schema of ``Extensible[E]``: exact member values are matched by pydantic-core;
    other letter cases and unknown strings go to a Python fallback (the rare path)."""

    def __init__(self, enum_type: type[Enum]) -> None:
        self._enum_type = enum_type
        self._members: dict[str, Enum] = {}
        for member in enum_type:
            self._members.setdefault(str(member.value).lower(), member)

    def _fallback(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._members.get(value.lower(), value)
        if isinstance(value, Enum) and isinstance(value.value, str):
            # A member of another enum with a matching value (e.g. another version's enum).
            return self._members.get(value.value.lower(), value.value)
        raise ValueError(f"expected a string or {self._enum_type.__name__} member")

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        enum_type = self._enum_type
        return core_schema.union_schema(
            [
                core_schema.enum_schema(enum_type, list(enum_type), sub_type="str"),
                core_schema.no_info_plain_validator_function(
                    self._fallback,
                    serialization=core_schema.plain_serializer_function_ser_schema(
                        _enum_value, return_schema=core_schema.str_schema()
                    ),
                ),
            ],
            mode="left_to_right",
        )


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


@functools.cache
def _extensible(enum_type: type[Enum]) -> Any:
    """The validated form of ``Extensible[enum_type]`` (one object per enum)."""
    return Annotated[Union[enum_type, str], _ExtensibleSchema(enum_type)]  # noqa: UP007


if TYPE_CHECKING:
    Extensible: TypeAlias = Union[_E, str]  # noqa: UP007
else:

    class Extensible:
        """``Extensible[E]``: a member of str-enum ``E`` (any letter case) or any other string.

        The service may add values to an extensible (``modelAsString``) enum at any time; such
        a value is kept as a plain ``str`` instead of failing validation.
        """

        def __class_getitem__(cls, enum_type: type[Enum]) -> Any:
            return _extensible(enum_type)
