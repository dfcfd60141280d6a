"""Enum values checked against the enum's declared type before anything is rendered.

The generated enum class mixes in ``int``, ``float`` or ``str`` by the enum's type, so every
member value must be one of those: ``"1.0"`` in an integer enum, ``"x"`` in a number enum or
``10**600`` (no float holds it) would give a module that fails at import.  Each value that does
not fit gives one located warning and a fallback that keeps the wire meaning where there is
one: an integral float in an integer enum becomes that integer, a number or boolean in a string
enum becomes its JSON text, and anything else is dropped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

from generator.ir import EnumValue, Primitive
from generator.ir_builder.context import BuildContext

INTEGER_BASES = frozenset({Primitive.INT32, Primitive.INT64, Primitive.INTEGER})
NUMBER_BASES = frozenset({Primitive.FLOAT, Primitive.DOUBLE, Primitive.NUMBER})

Value = str | int | float | bool


def _as_integer(value: Value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _as_number(value: Value) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return value if math.isfinite(float(value)) else None
    except OverflowError:  # an integer beyond the float range
        return None


def _as_text(value: Value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return json.dumps(value)


def fit(base: Primitive, value: Value) -> Value | None:
    """``value`` as a member of an enum of ``base``, or None when it has no such form."""
    if base in INTEGER_BASES:
        return _as_integer(value)
    if base in NUMBER_BASES:
        return _as_number(value)
    if base is Primitive.BOOLEAN:
        return value if isinstance(value, bool) else None
    return _as_text(value)


def _kind(base: Primitive) -> str:
    if base in INTEGER_BASES:
        return "an integer"
    if base in NUMBER_BASES:
        return "a finite number"
    if base is Primitive.BOOLEAN:
        return "a boolean"
    return "a string"


def fit_members(
    ctx: BuildContext, base: Primitive, members: Iterable[EnumValue], at: str
) -> tuple[EnumValue, ...]:
    """``members`` whose values fit ``base`` (converted where that keeps the meaning).

    ``at`` is the pointer of the enum's ``enum`` keyword; each value that does not fit, and
    each value that a conversion made a duplicate, is one warning there.
    """
    kept: list[EnumValue] = []
    seen: set[tuple[type, Value]] = set()
    for member in members:
        value = fit(base, member.value)
        shown = _shown(member.value)
        if value is None:
            ctx.sink.warning(at, f"enum value {shown} is not {_kind(base)}", "dropped")
            continue
        if (type(value), value) in seen:
            ctx.sink.warning(at, f"enum value {shown} repeats a value once converted", "dropped")
            continue
        seen.add((type(value), value))
        if type(value) is not type(member.value) or value != member.value:
            ctx.sink.warning(
                at, f"enum value {shown} is not {_kind(base)}", f"written as {_shown(value)}"
            )
            member = EnumValue(value, member.py_name, member.description, member.client_name)
        kept.append(member)
    return tuple(kept)


def _shown(value: Value) -> str:
    """A short, one-line form of ``value`` for a diagnostic."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        digits = int(abs(value).bit_length() * math.log10(2)) + 1
        return f"{'-' if value < 0 else ''}<integer of about {digits} digits>"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
