"""Python type expressions for IR :data:`~generator.ir.TypeRef` values.

One function turns a type into the annotation text the generated code writes, and records which
imports that text needs, so every generated module imports exactly what it uses (ruff-clean
without a fix-up pass).  Types that signatures name (format scalars, ``Extensible``,
``FileInput``) are reached through ``_types``, the alias of the package's public ``types`` module,
so that users can import what they see; other runtime names through ``_rt`` (the private
``_runtime``) and the standard-library ``datetime`` module through ``_dt``: a spec may define a
model called ``Model`` or a field called ``date``, and qualified names can never collide with
either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.ir import (
    AnyType,
    ApiSpec,
    ArrayType,
    EnumRef,
    MapType,
    ModelRef,
    Primitive,
    PrimitiveType,
    TypeRef,
    UnionType,
)

_PRIMITIVES: dict[Primitive, str] = {
    Primitive.STRING: "str",
    Primitive.PASSWORD: "str",
    Primitive.URL: "str",
    Primitive.UUID: "str",
    Primitive.BOOLEAN: "bool",
    Primitive.INT32: "int",
    Primitive.INT64: "int",
    Primitive.INTEGER: "int",
    Primitive.FLOAT: "float",
    Primitive.DOUBLE: "float",
    Primitive.NUMBER: "float",
    Primitive.DATE_TIME: "_types.DateTime",
    Primitive.DATE: "_dt.date",
    Primitive.UNIX_TIME: "_types.UnixTime",
    Primitive.BYTE: "_types.Base64",
    Primitive.BINARY: "bytes",
    Primitive.FILE: "bytes",
    Primitive.DURATION: "_dt.timedelta",
    Primitive.DATE_TIME_RFC1123: "_types.Rfc1123",
    Primitive.TIME: "_dt.time",
    Primitive.BASE64URL: "_types.Base64Url",
    Primitive.DECIMAL: "_types.Decimal",
}

_DOC_PRIMITIVES: dict[Primitive, str] = {
    Primitive.DATE_TIME: "~datetime.datetime",
    Primitive.UNIX_TIME: "~datetime.datetime",
    Primitive.DATE: "~datetime.date",
    Primitive.DURATION: "~datetime.timedelta",
    Primitive.BYTE: "bytes",
    Primitive.DATE_TIME_RFC1123: "~datetime.datetime",
    Primitive.TIME: "~datetime.time",
    Primitive.BASE64URL: "bytes",
    Primitive.DECIMAL: "~decimal.Decimal",
}

#: Builtin names annotations use, which a class member of the same name would hide (mypy
#: resolves annotations in the class body, where ``def list`` means the method).
BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes"})

#: Names of the package's public ``types`` module (``<namespace>/types.py``), which re-exports
#: them from the private runtime; annotations write them as ``_types.<name>``.
PUBLIC_TYPES = (
    "Base64",
    "Base64Url",
    "DateTime",
    "Decimal",
    "Extensible",
    "FileInput",
    "KindOf",
    "Rfc1123",
    "UnixTime",
)

#: The alias annotations use for the public ``types`` module.
TYPES_ALIAS = "_types"


def types_import(depth: int) -> str:
    """The import of the public ``types`` module from a module ``depth`` packages below the root."""
    return f"from {'.' * (depth + 1)} import types as {TYPES_ALIAS}"


#: Imports a type expression may need, as the statement that provides them.
IMPORT_ANY = "from typing import Any"
IMPORT_DATETIME = "import datetime as _dt"


@dataclass
class ImportNeeds:
    """Import statements a module needs, collected while its types are rendered."""

    statements: set[str] = field(default_factory=set)

    def add(self, statement: str) -> None:
        """Record that ``statement`` must appear in the module's imports."""
        self.statements.add(statement)

    def has(self, statement: str) -> bool:
        """Whether ``statement`` was recorded."""
        return statement in self.statements


@dataclass(frozen=True)
class TypeNamer:
    """Renders types for one module of one spec.

    ``model_prefix`` qualifies model and enum class names (``"_models."`` outside ``models.py``),
    ``extensible_enums`` holds the keys of enums that admit unknown values.
    """

    class_names: dict[str, str]
    extensible_enums: frozenset[str]
    model_prefix: str = ""
    shadowed: frozenset[str] = frozenset()  # builtins hidden by a method or field of that name
    # Boolean enums (``enum: [true]``): Python cannot subclass bool, so they are typed ``bool``.
    boolean_enums: frozenset[str] = frozenset()
    # model key -> keys of the discriminator roots that list it as a subtype
    kind_roots: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def for_spec(
        cls, spec: ApiSpec, model_prefix: str = "", shadowing: Iterable[str] = ()
    ) -> TypeNamer:
        """A namer for ``spec``; ``shadowing`` are member names of the module's classes."""
        names = {m.key: m.class_name for m in spec.models}
        names.update({e.key: e.class_name for e in spec.enums})
        extensible = frozenset(e.key for e in spec.enums if e.extensible)
        booleans = frozenset(e.key for e in spec.enums if e.base is Primitive.BOOLEAN)
        shadowed = frozenset(shadowing) & BUILTIN_TYPES
        roots: dict[str, set[str]] = {}
        for model in spec.models:
            for _value, key in model.discriminator.subtypes if model.discriminator else ():
                roots.setdefault(key, set()).add(model.key)
        kind_roots = {key: frozenset(found) for key, found in roots.items()}
        return cls(names, extensible, model_prefix, shadowed, booleans, kind_roots)

    def kind_root(self, members: Iterable[TypeRef]) -> str | None:
        """The discriminator root every member of a union is a kind of (the nearest one when
        several are), None when the members are not all models of one hierarchy."""
        common: set[str] | None = None
        for member in members:
            if not isinstance(member, ModelRef):
                return None
            found = self.kind_roots.get(member.key, frozenset()) | {member.key}
            common = set(found) if common is None else common & found
        if not common:
            return None
        every_root = frozenset().union(*self.kind_roots.values())
        for candidate in sorted(common & every_root):
            # the nearest: every other common root is one of its own roots
            if common - {candidate} <= self.kind_roots.get(candidate, frozenset()):
                return candidate
        return None

    def _builtin(self, name: str, needs: ImportNeeds) -> str:
        if name in self.shadowed:
            needs.add("import builtins")
            return f"builtins.{name}"
        return name

    def class_name(self, key: str) -> str:
        """The qualified class name of the model or enum ``key``."""
        return self.model_prefix + self.class_names[key]

    def annotation(
        self, tp: TypeRef, needs: ImportNeeds, *, accept_dict: bool = False, kinds: bool = False
    ) -> str:
        """The annotation for ``tp``; ``accept_dict`` lets a model also be given as a dict;
        ``kinds`` (model fields and their constructor arguments) types a union of kinds of one
        discriminator root with that root, validated through it (``_types.KindOf``)."""
        if isinstance(tp, PrimitiveType):
            text = _PRIMITIVES[tp.primitive]
            if text.startswith("_dt."):
                needs.add(IMPORT_DATETIME)
            return self._builtin(text, needs) if text in BUILTIN_TYPES else text
        if isinstance(tp, ArrayType):
            items = self.annotation(tp.items, needs, accept_dict=accept_dict, kinds=kinds)
            items = optional(items) if tp.nullable_items else items
            return f"{self._builtin('list', needs)}[{items}]"
        if isinstance(tp, MapType):
            values = self.annotation(tp.values, needs, accept_dict=accept_dict, kinds=kinds)
            values = optional(values) if tp.nullable_values else values
            return f"{self._builtin('dict', needs)}[{self._builtin('str', needs)}, {values}]"
        if isinstance(tp, AnyType):
            needs.add(IMPORT_ANY)
            return "Any"
        if isinstance(tp, ModelRef):
            name = self.class_name(tp.key)
            if accept_dict:
                needs.add(IMPORT_ANY)
                mapping = f"{self._builtin('dict', needs)}[{self._builtin('str', needs)}, Any]"
                return f"{name} | {mapping}"
            return name
        if isinstance(tp, EnumRef):
            name = self.class_name(tp.key)
            if tp.key in self.boolean_enums:
                return self._builtin("bool", needs)
            return f"_types.Extensible[{name}]" if tp.key in self.extensible_enums else name
        if isinstance(tp, UnionType):
            root = self.kind_root(tp.members) if kinds else None
            members = (*tp.members, ModelRef(root)) if root is not None else tp.members
            parts: list[str] = []
            for member in members:
                text = self.annotation(member, needs, accept_dict=accept_dict)
                if text not in parts:
                    parts.append(text)
            if root is None or accept_dict:
                return " | ".join(parts)
            # Kinds of one root: validated through the root's tagged union, so a kind this
            # client does not know loads as the root (see ``KindOf`` in the runtime).
            needs.add("from typing import Annotated")
            return f"Annotated[{' | '.join(parts)}, _types.KindOf({self.class_name(root)})]"
        raise TypeError(f"unknown type reference {tp!r}")

    def doc_type(self, tp: TypeRef, models_path: str) -> str:
        """The type as docs write it: ``list[~pkg.models.File]``, ``str or ~pkg.models.State``."""
        if isinstance(tp, ModelRef):
            return f"~{models_path}.{self.class_names[tp.key]}"
        if isinstance(tp, EnumRef):
            if tp.key in self.boolean_enums:
                return "bool"  # as the annotation: a boolean enum is typed bool
            name = f"~{models_path}.{self.class_names[tp.key]}"
            return f"str or {name}" if tp.key in self.extensible_enums else name
        if isinstance(tp, ArrayType):
            return f"list[{self.doc_type(tp.items, models_path)}]"
        if isinstance(tp, MapType):
            return f"dict[str, {self.doc_type(tp.values, models_path)}]"
        if isinstance(tp, UnionType):
            return " or ".join(self.doc_type(m, models_path) for m in tp.members)
        if isinstance(tp, PrimitiveType):
            return _DOC_PRIMITIVES.get(tp.primitive, _PRIMITIVES[tp.primitive])
        return "any"


def optional(annotation: str) -> str:
    """``annotation`` that also admits None (no duplicate ``| None``)."""
    if annotation == "Any" or annotation.endswith("| None"):
        return annotation
    return f"{annotation} | None"
