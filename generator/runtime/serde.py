"""Turning wire data into typed values and back.

``deserialize`` validates with one cached pydantic ``TypeAdapter`` per target type, straight
from the response bytes (pydantic parses and validates JSON in one compiled pass).
``serialize`` turns anything a caller may pass as a body (models, plain dicts that stand in for
models, lists, enums, datetimes) into JSON-ready data with wire names.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter

from ._gc import LARGE_BODY, cyclic_gc_paused
from .model import _DUMP_FLAGS, NULL_ITEMS

__all__ = ["deserialize", "serialize", "to_wire", "type_adapter"]


@functools.lru_cache(maxsize=512)
def type_adapter(tp: Any) -> TypeAdapter[Any]:
    """The pydantic adapter for ``tp``, built once per type (null array items accepted)."""
    return TypeAdapter(Annotated[tp, NULL_ITEMS])


def deserialize(tp: Any, data: bytes | bytearray | str | Any) -> Any:
    """Validates ``data`` as ``tp``: JSON text (bytes or str) or already parsed data.

    Empty bytes or text (a response without a body) give ``None``.
    """
    adapter = type_adapter(tp)
    if isinstance(data, (bytes, bytearray, str)):
        if not data:
            return None
        if len(data) < LARGE_BODY:
            return adapter.validate_json(data)
        with cyclic_gc_paused():
            return adapter.validate_json(data)
    return adapter.validate_python(data)


def serialize(value: Any, *, keep_read_only: bool = False) -> Any:
    """JSON-ready data with wire names for a model, dict, list, enum, datetime, bytes, ...

    Models write only the fields that were set (plus preserved unknown fields), and -- this
    being what request bodies are made of -- not their read-only ones (``__read_only__``: the
    service sets those) unless ``keep_read_only`` asks for everything (a model as the service
    sent it); dicts standing in for models pass through with their values serialized, as the
    caller wrote them.
    """
    if value is None or (
        isinstance(value, (bool, int, float, str)) and not isinstance(value, Enum)
    ):
        return value
    if isinstance(value, BaseModel):
        data = value.model_dump(**_DUMP_FLAGS)
        if not keep_read_only:
            _drop_read_only(value, data)
        return data
    if isinstance(value, Enum):
        return serialize(value.value)
    if isinstance(value, Mapping):
        return {
            str(serialize(key)): serialize(item, keep_read_only=keep_read_only)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return [serialize(item, keep_read_only=keep_read_only) for item in value]
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return type_adapter(timedelta).dump_python(value, mode="json")
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    value_type: Any = type(value)
    return type_adapter(value_type).dump_python(value, mode="json", by_alias=True)


def _drop_read_only(model: BaseModel, data: Any) -> None:
    """Remove from ``data`` (``model`` dumped) the read-only fields of every model in it."""
    if not isinstance(data, dict):
        return
    cls = type(model)
    read_only: frozenset[str] = getattr(cls, "__read_only__", frozenset())
    nested: dict[str, tuple[str, ...]] = getattr(cls, "__flatten__", {})
    for name, info in cls.__pydantic_fields__.items():
        alias = info.alias or name
        path = nested.get(alias, (alias,))  # a lifted (x-ms-client-flatten) field sits deeper
        container: Any = data
        for step in path[:-1]:
            container = container.get(step) if isinstance(container, dict) else None
        if not isinstance(container, dict) or path[-1] not in container:
            continue
        if name in read_only:
            del container[path[-1]]
        else:
            _drop_nested(getattr(model, name, None), container[path[-1]])


def _drop_nested(value: Any, data: Any) -> None:
    if isinstance(value, BaseModel):
        _drop_read_only(value, data)
    elif isinstance(value, (list, tuple)) and isinstance(data, list):
        for item, dumped in zip(value, data, strict=False):
            _drop_nested(item, dumped)
    elif isinstance(value, Mapping) and isinstance(data, dict):
        for key, item in value.items():
            _drop_nested(item, data.get(str(serialize(key))))


def _wire_types() -> dict[str, Any]:
    from .scalars import Base64, Base64Url, DateTime, Decimal, Rfc1123, UnixTime

    return {
        "date-time": DateTime,
        "date-time-rfc1123": Rfc1123,
        "unixtime": UnixTime,
        "date": date,
        "time": time,
        "duration": timedelta,
        "byte": Base64,
        "base64url": Base64Url,
        "decimal": Decimal,
    }


def to_wire(tp: Any, value: Any) -> Any:
    """``value`` in the wire form of its declared type ``tp`` (None stays None).

    ``tp`` is a type or a Swagger format name (``"unixtime"``, ``"date-time-rfc1123"``, ...).

    Used for parameters and bodies whose format decides the text: a unix time is sent as
    seconds, an RFC 1123 date as HTTP-date text, base64url without padding.  A value that is
    not of the declared type is sent as the caller gave it (the service judges it).
    """
    if value is None:
        return None
    if isinstance(tp, str):
        tp = _wire_types()[tp]
    return type_adapter(tp).dump_python(value, mode="json", warnings=False)
