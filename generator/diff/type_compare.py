"""Comparing and describing IR types, with renamed and split definitions taken into account."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.ir import (
    AnyType,
    ArrayType,
    Enum,
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
    Primitive.DATE_TIME_RFC1123: "string",
    Primitive.TIME: "string",
    Primitive.BASE64URL: "string",
    Primitive.DECIMAL: "number",
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
    Primitive.DATE_TIME_RFC1123: "datetime",
    Primitive.TIME: "time",
    Primitive.BASE64URL: "bytes",
    Primitive.DECIMAL: "Decimal",
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
    python_changed: bool  # whether the generated annotation changes incompatibly


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


EnumLookup = Callable[[str], Enum | None]


def json_type(t: TypeRef, enums: EnumLookup) -> str:
    """The JSON type a value of ``t`` has on the wire."""
    if isinstance(t, PrimitiveType):
        return _JSON_TYPE[t.primitive]
    if isinstance(t, EnumRef):
        found = enums(t.key)
        return _JSON_TYPE[found.base] if found is not None else "string"
    if isinstance(t, ModelRef | MapType):
        return "object"
    if isinstance(t, ArrayType):
        return "array"
    if isinstance(t, UnionType):
        return "union"
    return "any"


def python_type(t: TypeRef, enums: EnumLookup) -> str:
    """A rough spelling of the generated annotation, to tell whether it changes incompatibly.

    An extensible string enum is annotated ``Extensible[E]``, which accepts and is a ``str``, so
    it is spelled ``str``: a string becoming an extensible enum changes no caller's code, while a
    string becoming a closed enum (annotated ``E``) does.
    """
    if isinstance(t, PrimitiveType):
        return _PYTHON_TYPE[t.primitive]
    if isinstance(t, EnumRef):
        found = enums(t.key)
        if found is not None and found.extensible and found.base is Primitive.STRING:
            return "str"
    if isinstance(t, ArrayType):
        return f"list[{python_type(t.items, enums)}]"
    if isinstance(t, MapType):
        return f"dict[str, {python_type(t.values, enums)}]"
    if isinstance(t, UnionType):
        return " | ".join(python_type(m, enums) for m in t.members)
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
    old_enums: EnumLookup,
    new_enums: EnumLookup,
) -> TypeDelta | None:
    """None when ``old`` and ``new`` mean the same (``same(kind, old_key, new_key)`` decides for
    model and enum references, so renames and splits are not redirections); else the delta."""
    if _equivalent(old, new, same):
        return None
    old_json = json_type(old, old_enums)
    new_json = json_type(new, new_enums)
    python_changed = python_type(old, old_enums) != python_type(new, new_enums)
    if isinstance(old, ArrayType) and isinstance(new, ArrayType):
        inner = compare_types(
            old.items,
            new.items,
            same=same,
            old_enums=old_enums,
            new_enums=new_enums,
        )
        if inner is not None:
            return TypeDelta(inner.how, describe(old), describe(new), inner.python_changed)
    if isinstance(old, MapType) and isinstance(new, MapType):
        inner = compare_types(
            old.values,
            new.values,
            same=same,
            old_enums=old_enums,
            new_enums=new_enums,
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


# Values a reader built for the old type parses strictly: anything else in their place fails.
_STRICT_PRIMITIVES = frozenset(
    {Primitive.DATE_TIME, Primitive.DATE, Primitive.BYTE, Primitive.UNIX_TIME}
)
# Formats that admit fewer strings than a plain string.
_FORMATTED_STRINGS = frozenset(
    {
        Primitive.DATE_TIME,
        Primitive.DATE,
        Primitive.BYTE,
        Primitive.UUID,
        Primitive.URL,
        Primitive.DURATION,
    }
)
# (old, new) number formats where the new one admits fewer values.
_NARROWER_NUMBERS = frozenset(
    {
        (Primitive.INT64, Primitive.INT32),
        (Primitive.INTEGER, Primitive.INT32),
        (Primitive.INTEGER, Primitive.INT64),
        (Primitive.DOUBLE, Primitive.FLOAT),
        (Primitive.NUMBER, Primitive.FLOAT),
        (Primitive.NUMBER, Primitive.DOUBLE),
    }
)


def _leaf(t: TypeRef) -> TypeRef:
    while isinstance(t, ArrayType | MapType):
        t = t.items if isinstance(t, ArrayType) else t.values
    return t


def _closed_enum(t: TypeRef, enums: EnumLookup) -> bool:
    found = enums(t.key) if isinstance(t, EnumRef) else None
    return found is not None and not found.extensible


def strict_reader(old: TypeRef, new: TypeRef, old_enums: EnumLookup) -> bool:
    """Whether a reader of ``old`` values fails on some values of ``new`` (same JSON type)."""
    a, b = _leaf(old), _leaf(new)
    if isinstance(b, AnyType):
        return not isinstance(a, AnyType)
    if isinstance(a, PrimitiveType) and a.primitive in _STRICT_PRIMITIVES:
        return a != b
    return _closed_enum(a, old_enums) and not isinstance(b, EnumRef)


def narrows(old: TypeRef, new: TypeRef, new_enums: EnumLookup) -> bool:
    """Whether ``new`` admits fewer values than ``old`` (a sender of ``old`` values may fail)."""
    a, b = _leaf(old), _leaf(new)
    if isinstance(a, AnyType):
        return not isinstance(b, AnyType)
    if _closed_enum(b, new_enums):
        return not isinstance(a, EnumRef)
    if isinstance(a, PrimitiveType) and isinstance(b, PrimitiveType):
        if a.primitive in (Primitive.STRING, Primitive.PASSWORD):
            return b.primitive in _FORMATTED_STRINGS
        return (a.primitive, b.primitive) in _NARROWER_NUMBERS
    return False
