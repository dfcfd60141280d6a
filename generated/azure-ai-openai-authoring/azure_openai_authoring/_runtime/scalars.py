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
import functools
from datetime import datetime, timezone
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar, Union

from azure.core import CaseInsensitiveEnumMeta
from pydantic import AfterValidator, BeforeValidator, PlainSerializer, PlainValidator

__all__ = ["Base64", "CaseInsensitiveEnumMeta", "DateTime", "Extensible", "UnixTime"]


def _as_utc(value: datetime) -> datetime:
    """Timezone-aware datetimes unchanged; naive ones are taken to be UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _to_unix(value: datetime) -> int:
    # utctimetuple() converts an aware value to UTC and leaves a naive one as it is (UTC).
    return calendar.timegm(value.utctimetuple())


def _to_rfc3339(value: datetime) -> str:
    text = _as_utc(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


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


def _to_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


UnixTime: TypeAlias = Annotated[
    datetime,
    AfterValidator(_as_utc),
    PlainSerializer(_to_unix, return_type=int),
]
"""Integer seconds since the epoch on the wire; a timezone-aware UTC ``datetime`` in Python."""

DateTime: TypeAlias = Annotated[
    datetime,
    AfterValidator(_as_utc),
    PlainSerializer(_to_rfc3339, return_type=str),
]
"""RFC 3339 text on the wire; always a timezone-aware ``datetime`` (naive input means UTC)."""

Base64: TypeAlias = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(_to_base64, return_type=str),
]
"""Base64 text on the wire (standard or URL-safe, padding optional); ``bytes`` in Python."""


_E = TypeVar("_E", bound=Enum)


@functools.cache
def _extensible(enum_type: type[Enum]) -> Any:
    """The validated form of ``Extensible[enum_type]``: members matched case-insensitively."""
    members: dict[str, Enum] = {}
    for member in enum_type:
        members.setdefault(str(member.value), member)
        members.setdefault(str(member.value).lower(), member)

    def validate(value: Any) -> Any:
        if isinstance(value, enum_type):
            return value
        if isinstance(value, str):
            return members.get(value) or members.get(value.lower()) or value
        if isinstance(value, Enum) and isinstance(value.value, str):
            # A member of another enum with a matching value (e.g. a newer version's enum).
            return members.get(value.value.lower(), value.value)
        raise ValueError(f"expected a string or {enum_type.__name__} member")

    def dump(value: Any) -> Any:
        return value.value if isinstance(value, Enum) else value

    return Annotated[
        Union[enum_type, str],  # noqa: UP007 - a runtime union object is needed here
        PlainValidator(validate, json_schema_input_type=str),
        PlainSerializer(dump, return_type=str),
    ]


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
