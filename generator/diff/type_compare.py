"""Comparing and describing IR types, with renamed and split definitions taken into account."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.ir import (
    AnyType,
    ArrayType,
    EnumRef,
    MapType,
    ModelRef,
    Primitive,
    PrimitiveType,
    TypeRef,
    UnionType,
)

_JSON_TYPE = {
    Primitive.STRING: "string",
    Primitive.DATE_TIME: "string",
    Primitive.DATE: "string",
    Primitive.BYTE: "string",
    Primitive.URL: "string",
    Primitive.UUID: "string",
    Primitive.DURATION: "string",
    Primitive.PASSWORD: "string",
    Primitive.BOOLEAN: "boolean",
    Primitive.INT32: "integer",
    Primitive.INT64: "integer",
    Primitive.INTEGER: "integer",
    Primitive.UNIX_TIME: "integer",
    Primitive.FLOAT: "number",
    Primitive.DOUBLE: "number",
    Primitive.NUMBER: "number",
    Primitive.BINARY: "binary",
    Primitive.FILE: "binary",
}

_PYTHON_TYPE = {
    Primitive.STRING: "str",
    Primitive.URL: "str",
    Primitive.UUID: "str",
    Primitive.DURATION: "str",
    Primitive.PASSWORD: "str",
    Primitive.DATE_TIME: "datetime",
    Primitive.UNIX_TIME: "datetime",
    Primitive.DATE: "date",
    Primitive.BYTE: "bytes",
    Primitive.BOOLEAN: "bool",
    Primitive.INT32: "int",
    Primitive.INT64: "int",
    Primitive.INTEGER: "int",
    Primitive.FLOAT: "float",
    Primitive.DOUBLE: "float",
    Primitive.NUMBER: "float",
    Primitive.BINARY: "bytes",
    Primitive.FILE: "bytes",
}

# How a type changed: "type" (different JSON type), "format" (same JSON type, different format
# or enum constraint), "redirect" (a different model or enum).
TYPE = "type"
FORMAT = "format"
REDIRECT = "redirect"

# The rule that reports each kind of type change.
RULE_FOR = {TYPE: "TypeChanged", FORMAT: "TypeFormatChanged", REDIRECT: "ReferenceRedirection"}


@dataclass(frozen=True, slots=True)
class TypeDelta:
    """How an old type differs from a new one."""

    how: str  # TYPE, FORMAT or REDIRECT
    old: str
    new: str
    python_changed: bool  # whether the generated annotation changes


def describe(t: TypeRef | None) -> str:
    """A short readable spelling: ``string``, ``int64``, ``list[File]``, ``enum FileState``."""
    if t is None:
        return "nothing"
    if isinstance(t, PrimitiveType):
        return t.primitive.value
    if isinstance(t, ModelRef):
        return t.key
    if isinstance(t, EnumRef):
        return f"enum {t.key}"
    if isinstance(t, ArrayType):
        return f"list[{describe(t.items)}]"
    if isinstance(t, MapType):
        return f"dict[str, {describe(t.values)}]"
    if isinstance(t, UnionType):
        return " | ".join(describe(m) for m in t.members)
    return "any"


def json_type(t: TypeRef, enum_base: Callable[[str], Primitive | None]) -> str:
    """The JSON type a value of ``t`` has on the wire."""
    if isinstance(t, PrimitiveType):
        return _JSON_TYPE[t.primitive]
    if isinstance(t, EnumRef):
        base = enum_base(t.key)
        return _JSON_TYPE[base] if base is not None else "string"
    if isinstance(t, ModelRef | MapType):
        return "object"
    if isinstance(t, ArrayType):
        return "array"
    if isinstance(t, UnionType):
        return "union"
    return "any"


def python_type(t: TypeRef) -> str:
    """A rough spelling of the generated annotation, to tell whether it changes."""
    if isinstance(t, PrimitiveType):
        return _PYTHON_TYPE[t.primitive]
    if isinstance(t, ArrayType):
        return f"list[{python_type(t.items)}]"
    if isinstance(t, MapType):
        return f"dict[str, {python_type(t.values)}]"
    if isinstance(t, UnionType):
        return " | ".join(python_type(m) for m in t.members)
    return describe(t)


def paired_refs(old: TypeRef | None, new: TypeRef | None) -> Iterator[tuple[str, str, str]]:
    """Walk two types in parallel: ``(kind, old key, new key)`` for refs in the same place."""
    if isinstance(old, ModelRef) and isinstance(new, ModelRef):
        yield ("model", old.key, new.key)
    elif isinstance(old, EnumRef) and isinstance(new, EnumRef):
        yield ("enum", old.key, new.key)
    elif isinstance(old, ArrayType) and isinstance(new, ArrayType):
        yield from paired_refs(old.items, new.items)
    elif isinstance(old, MapType) and isinstance(new, MapType):
        yield from paired_refs(old.values, new.values)
    elif (
        isinstance(old, UnionType)
        and isinstance(new, UnionType)
        and len(old.members) == len(new.members)
    ):
        for old_member, new_member in zip(old.members, new.members, strict=True):
            yield from paired_refs(old_member, new_member)


def compare_types(
    old: TypeRef,
    new: TypeRef,
    *,
    same: Callable[[str, str, str], bool],
    old_enum_base: Callable[[str], Primitive | None],
    new_enum_base: Callable[[str], Primitive | None],
) -> TypeDelta | None:
    """None when ``old`` and ``new`` mean the same (``same(kind, old_key, new_key)`` decides for
    model and enum references, so renames and splits are not redirections); else the delta."""
    if _equivalent(old, new, same):
        return None
    old_json = json_type(old, old_enum_base)
    new_json = json_type(new, new_enum_base)
    python_changed = python_type(old) != python_type(new)
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        inner = compare_types(
            old.items,
            new.items,
            same=same,
            old_enum_base=old_enum_base,
            new_enum_base=new_enum_base,
        )
        if inner is not None:
            return TypeDelta(inner.how, describe(old), describe(new), inner.python_changed)
    if isinstance(old, MapType) and isinstance(new, MapType):
        inner = compare_types(
            old.values,
            new.values,
            same=same,
            old_enum_base=old_enum_base,
            new_enum_base=new_enum_base,
        )
        if inner is not None:
            return TypeDelta(inner.how, describe(old), describe(new), inner.python_changed)
    if isinstance(old, AnyType) or isinstance(new, AnyType):
        return TypeDelta(FORMAT, describe(old), describe(new), python_changed)
    if old_json != new_json:
        return TypeDelta(TYPE, describe(old), describe(new), True)
    if (isinstance(old, ModelRef) and isinstance(new, ModelRef)) or (
        isinstance(old, EnumRef) and isinstance(new, EnumRef)
    ):
        return TypeDelta(REDIRECT, describe(old), describe(new), True)
    return TypeDelta(FORMAT, describe(old), describe(new), python_changed)


def _equivalent(old: TypeRef, new: TypeRef, same: Callable[[str, str, str], bool]) -> bool:
    if isinstance(old, ModelRef) and isinstance(new, ModelRef):
        return same("model", old.key, new.key)
    if isinstance(old, EnumRef) and isinstance(new, EnumRef):
        return same("enum", old.key, new.key)
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        return _equivalent(old.items, new.items, same)
    if isinstance(old, MapType) and isinstance(new, MapType):
        return _equivalent(old.values, new.values, same)
    if isinstance(old, UnionType) and isinstance(new, UnionType):
        return len(old.members) == len(new.members) and all(
            _equivalent(a, b, same) for a, b in zip(old.members, new.members, strict=True)
        )
    return old == new
