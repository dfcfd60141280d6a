"""Turning wire data into typed values and back.

``deserialize`` validates with one cached pydantic ``TypeAdapter`` per target type, straight
from the response bytes (pydantic parses and validates JSON in one compiled pass).
``serialize`` turns anything a caller may pass as a body (models, plain dicts that stand in for
models, lists, enums, datetimes) into JSON-ready data with wire names.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import gc
import threading
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import Any

from pydantic import BaseModel, TypeAdapter

from .model import _DUMP_FLAGS

__all__ = ["deserialize", "serialize", "type_adapter"]


@functools.lru_cache(maxsize=512)
def type_adapter(tp: Any) -> TypeAdapter[Any]:
    """The pydantic adapter for ``tp``, built once per type."""
    return TypeAdapter(tp)


def deserialize(tp: Any, data: bytes | bytearray | str | Any) -> Any:
    """Validates ``data`` as ``tp``: JSON text (bytes or str) or already parsed data.

    Empty bytes or text (a response without a body) give ``None``.
    """
    adapter = type_adapter(tp)
    if isinstance(data, (bytes, bytearray, str)):
        if not data:
            return None
        if len(data) < _LARGE_BODY:
            return adapter.validate_json(data)
        with _cyclic_gc_paused():
            return adapter.validate_json(data)
    return adapter.validate_python(data)


# Bodies from this size on are validated with the cyclic garbage collector paused.
_LARGE_BODY = 256 * 1024
_gc_lock = threading.Lock()
_gc_pausers = 0


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pauses the cyclic GC while a large body becomes objects (as ``timeit`` does).

    Validation allocates tens of thousands of containers that can hold no reference cycles, so
    the collector's repeated passes over them are pure overhead (half the time of a 10,000-item
    list).  Reference counting still frees everything; the collector is re-enabled (only if it
    was enabled before) when the last concurrent pause ends.
    """
    global _gc_pausers
    with _gc_lock:
        if _gc_pausers == 0 and not gc.isenabled():
            paused = False
        else:
            paused = True
            _gc_pausers += 1
            gc.disable()
    try:
        yield
    finally:
        if paused:
            with _gc_lock:
                _gc_pausers -= 1
                if _gc_pausers == 0:
                    gc.enable()


def serialize(value: Any) -> Any:
    """JSON-ready data with wire names for a model, dict, list, enum, datetime, bytes, ...

    Models write only the fields that were set (plus preserved unknown fields); dicts standing
    in for models pass through with their values serialized.
    """
    if value is None or (
        isinstance(value, (bool, int, float, str)) and not isinstance(value, Enum)
    ):
        return value
    if isinstance(value, BaseModel):
        return value.model_dump(**_DUMP_FLAGS)
    if isinstance(value, Enum):
        return serialize(value.value)
    if isinstance(value, Mapping):
        return {str(serialize(key)): serialize(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [serialize(item) for item in value]
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
