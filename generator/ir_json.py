"""The IR as JSON: for people reading it, for tests, and for tools outside Python.

Every dataclass becomes an object of its fields; a value of a tagged union (any class with a
``KIND`` constant) also carries ``"kind"``; enums become their values and tuples lists.  Keys are
sorted, the indent is two spaces and the text ends with a newline, so equal IR gives
byte-identical JSON -- the same text ``json.dumps(data, sort_keys=True, indent=2,
ensure_ascii=False)`` gives.  The text is written by a small direct encoder because the standard
library's indenting encoder is pure Python and was the slowest step of ``ir``.
"""

from __future__ import annotations

import enum
import json
from dataclasses import fields, is_dataclass
from typing import Any

from generator.ir import ApiSpec

_encode_string = json.encoder.encode_basestring  # the C version when available

# class -> sorted (JSON key, attribute name) pairs; "kind" reads the KIND class constant
_LAYOUT: dict[type, tuple[tuple[str, str], ...]] = {}


def _layout(cls: type) -> tuple[tuple[str, str], ...]:
    layout = _LAYOUT.get(cls)
    if layout is None:
        keys = [(f.name, f.name) for f in fields(cls)]
        if isinstance(getattr(cls, "KIND", None), str):
            keys.append(("kind", "KIND"))
        layout = _LAYOUT[cls] = tuple(sorted(keys))
    return layout


def to_data(value: object) -> Any:
    """Plain JSON data for any IR value (dataclass, enum, tuple, scalar)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {key: to_data(getattr(value, name)) for key, name in _layout(type(value))}
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


def _encode(value: object, indent: str, out: list[str]) -> None:
    """Append the stable JSON text of ``value`` (IR objects or plain data) to ``out``."""
    if isinstance(value, str):
        out.append(_encode_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value, allow_nan=False))  # never "Infinity": not JSON
    elif isinstance(value, enum.Enum):
        _encode(value.value, indent, out)
    elif isinstance(value, tuple | list):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append(",\n" + inner if index else "\n" + inner)
            _encode(item, inner, out)
        out.append("\n" + indent + "]")
    elif isinstance(value, dict):
        _encode_pairs(sorted((str(k), v) for k, v in value.items()), indent, out)
    elif is_dataclass(value) and not isinstance(value, type):
        pairs = [(key, getattr(value, name)) for key, name in _layout(type(value))]
        _encode_pairs(pairs, indent, out)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _encode_pairs(pairs: list[tuple[str, Any]], indent: str, out: list[str]) -> None:
    if not pairs:
        out.append("{}")
        return
    inner = indent + "  "
    out.append("{")
    for index, (key, item) in enumerate(pairs):
        out.append((",\n" if index else "\n") + inner + _encode_string(key) + ": ")
        _encode(item, inner, out)
    out.append("\n" + indent + "}")


def dumps(data: object) -> str:
    """JSON text in the stable form: sorted keys, 2-space indent, trailing newline."""
    out: list[str] = []
    _encode(data, "", out)
    out.append("\n")
    return "".join(out)


def ir_to_json(spec: ApiSpec) -> str:
    """The IR of one spec as stable JSON text."""
    return dumps(spec)


__all__ = ["dumps", "ir_to_data", "ir_to_json", "to_data"]
