"""The IR as JSON: for people reading it, for tests, and for tools outside Python.

Every dataclass becomes an object of its fields; a value of a tagged union (any class with a
``KIND`` constant) also carries ``"kind"``; enums become their values and tuples lists.  Keys are
sorted and the text ends with a newline, so equal IR gives byte-identical JSON.
"""

from __future__ import annotations

import enum
import json
from dataclasses import fields, is_dataclass
from typing import Any

from generator.ir import ApiSpec


def to_data(value: object) -> Any:
    """Plain JSON data for any IR value (dataclass, enum, tuple, scalar)."""
    if is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {f.name: to_data(getattr(value, f.name)) for f in fields(value)}
        kind = getattr(type(value), "KIND", None)
        if isinstance(kind, str):
            data["kind"] = kind
        return data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def ir_to_data(spec: ApiSpec) -> dict[str, Any]:
    """The IR of one spec as plain JSON data."""
    data = to_data(spec)
    assert isinstance(data, dict)
    return data


def dumps(data: object) -> str:
    """JSON text in the stable form: sorted keys, 2-space indent, trailing newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def ir_to_json(spec: ApiSpec) -> str:
    """The IR of one spec as stable JSON text."""
    return dumps(ir_to_data(spec))


__all__ = ["dumps", "ir_to_data", "ir_to_json", "to_data"]
