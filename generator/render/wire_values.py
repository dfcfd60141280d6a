"""Generated expressions that put a value in its wire form: query, path and header values, and
JSON bodies.

A Swagger ``format`` decides the text a value travels as (RFC 3339 or RFC 1123 dates, unix times,
base64, decimals...), and ``collectionFormat`` how an array is joined; the runtime does the work
(``_rt.to_wire``, ``_rt.serialize``), and this module writes the call of it for one value.
"""

from __future__ import annotations

from generator.ir import ArrayType, EnumRef, MapType, Parameter, Primitive, PrimitiveType, TypeRef
from generator.render.escape import py_string

_WIRE_FORMATS = frozenset(
    {
        Primitive.DATE_TIME,
        Primitive.DATE_TIME_RFC1123,
        Primitive.UNIX_TIME,
        Primitive.DATE,
        Primitive.TIME,
        Primitive.DURATION,
        Primitive.BYTE,
        Primitive.BASE64URL,
        Primitive.DECIMAL,
    }
)


def dict_literal(entries: list[tuple[str, str]]) -> str:
    """A dict display of string keys and the expressions given for them."""
    return "{" + ", ".join(f"{py_string(k)}: {v}" for k, v in entries) + "}"


def _format_of(tp: TypeRef) -> str | None:
    """The Swagger format whose wire text the runtime must write for ``tp`` (None: plain)."""
    if isinstance(tp, PrimitiveType) and tp.primitive in _WIRE_FORMATS:
        return tp.primitive.value
    return None


def json_body_expr(tp: TypeRef, name: str) -> str:
    """A JSON body in its wire form: formatted scalars (and lists and maps of them) by format."""
    fmt = _format_of(tp)
    if fmt is not None:
        return f"_rt.to_wire({py_string(fmt)}, {name})"
    if isinstance(tp, ArrayType) and (fmt := _format_of(tp.items)) is not None:
        return f"None if {name} is None else [_rt.to_wire({py_string(fmt)}, v) for v in {name}]"
    if isinstance(tp, MapType) and (fmt := _format_of(tp.values)) is not None:
        items = f"{{k: _rt.to_wire({py_string(fmt)}, v) for k, v in {name}.items()}}"
        return f"None if {name} is None else {items}"
    return name


def value_expr(param: Parameter, name: str) -> str:
    """The value sent for ``param`` in its wire form.

    Arrays are joined for ``csv``-style formats; a formatted value (dates, times, durations,
    unix times, RFC 1123 dates, base64, decimals) is written by ``_rt.to_wire`` in its format's
    text; enums are sent as their value.
    """
    if param.collection_prefix is not None:  # a dict, one header per entry
        return f"_rt.prefixed_headers({py_string(param.collection_prefix)}, {name})"
    if isinstance(param.type, ArrayType) and param.collection_format != "multi":
        sep = {"ssv": " ", "tsv": "\t", "pipes": "|"}.get(param.collection_format or "csv", ",")
        fmt = _format_of(param.type.items)
        item = f"_rt.to_wire({py_string(fmt)}, v)" if fmt else "_rt.serialize(v)"
        items = f"str({item}) for v in {name}"
        return f"None if {name} is None else {py_string(sep)}.join({items})"
    fmt = _format_of(param.type)
    if fmt is not None:
        return f"_rt.to_wire({py_string(fmt)}, {name})"
    if isinstance(param.type, EnumRef):
        return f"_rt.serialize({name})"
    return name
