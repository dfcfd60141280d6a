"""Template contexts for ``models.py`` and ``_enums.py``: the decisions, made in Python.

Every model attribute is typed ``T | None`` with a ``None`` default, required or not: a response
that omits a field the spec requires still loads (a tolerant reader: services do omit them, as
the 2023-06 image operation example omits ``result.created``), and the type says so, so that
``mypy --strict`` makes a caller check before using it instead of failing at run time.  What the
spec requires is enforced where it matters to a caller, in the typed keyword-only ``__init__``.
``readOnly`` fields stay out of ``__init__`` and a subtype's discriminator is filled in by the
subtype itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import ApiSpec, Enum, EnumRef, Model, Primitive, Property
from generator.render import docs
from generator.render.escape import py_value as literal
from generator.render.imports import organize
from generator.render.types import (
    IMPORT_ANY,
    TYPES_ALIAS,
    ImportNeeds,
    TypeNamer,
    optional,
    types_import,
)

#: Names the generated ``__init__`` itself uses; a field so named gets a ``_``-suffixed argument.
_INIT_NAMES = frozenset({"self", "kwargs"})


@dataclass(frozen=True)
class FieldView:
    """One pydantic field declaration."""

    name: str
    annotation: str
    value: str  # right-hand side: ``None`` or ``Field(default=None, alias="...")``


@dataclass(frozen=True)
class InitParam:
    """One keyword-only parameter of a model ``__init__``."""

    name: str
    annotation: str
    default: str | None  # None: required


@dataclass(frozen=True)
class ModelView:
    """Everything ``models.py`` writes for one class."""

    class_name: str
    bases: str
    docstring: str
    discriminator: str | None  # wire name, on polymorphic roots
    fields: tuple[FieldView, ...]
    init_params: tuple[InitParam, ...]
    init_args: tuple[tuple[str, str], ...]  # (keyword, expression) passed to super().__init__
    # (quoted keyword, expression): discriminator values this subtype fixes, given to
    # super().__init__ through ``kwargs.setdefault`` so that a subtype of this subtype, which
    # passes its own value first, keeps it.
    fixed_args: tuple[tuple[str, str], ...] = ()
    nullable_required: str | None = None  # frozenset literal of required x-nullable fields
    flatten: str | None = None  # dict literal of ``__flatten__`` (alias -> wire path)
    read_only: str | None = None  # frozenset literal of readOnly fields (never sent)


@dataclass(frozen=True)
class RegistrationView:
    """A ``Root.register_subtypes({...})`` call."""

    root: str
    subtypes: tuple[tuple[str, str], ...]  # (python literal of the value, class name)


@dataclass(frozen=True)
class EnumMemberView:
    """One enum member and its docstring (empty when the spec has none)."""

    name: str
    value: str
    docstring: str


@dataclass(frozen=True)
class EnumView:
    """One enum class."""

    class_name: str
    base: str
    docstring: str
    members: tuple[EnumMemberView, ...]


@dataclass(frozen=True)
class ModelsModule:
    """The context of ``models.py``."""

    imports: tuple[str, ...]
    enum_names: tuple[str, ...]
    models: tuple[ModelView, ...]
    registrations: tuple[RegistrationView, ...]
    exports: tuple[str, ...]


@dataclass(frozen=True)
class EnumsModule:
    """The context of ``_enums.py``."""

    enums: tuple[EnumView, ...]
    exports: tuple[str, ...]


def ordered_models(spec: ApiSpec) -> list[Model]:
    """Models with every parent before its children, otherwise in key order."""
    by_key = {m.key: m for m in spec.models}
    done: set[str] = set()
    result: list[Model] = []

    def visit(model: Model) -> None:
        if model.key in done:
            return
        done.add(model.key)
        for parent in model.parents:
            if parent in by_key:
                visit(by_key[parent])
        result.append(model)

    for model in sorted(spec.models, key=lambda m: m.key):
        visit(model)
    return result


def own_properties(model: Model) -> list[Property]:
    """The properties Python sees declared on ``model`` itself: its own wire properties, with
    each lifted ``x-ms-client-flatten`` container replaced by the properties lifted from it."""
    if not model.flattened:
        return list(model.properties)
    containers = {entry.path[0] for entry in model.flattened}
    kept = [p for p in model.properties if p.wire_name not in containers]
    return kept + [entry.property for entry in model.flattened]


def all_properties(spec: ApiSpec, model: Model, *, python: bool = False) -> list[Property]:
    """Own and inherited properties, ancestors first; a redefinition replaces the inherited one.

    The wire properties, or with ``python`` what Python sees (:func:`own_properties`).  Each
    ancestor is merged once (memoized), so a lattice of ``allOf`` parents costs time in
    proportion to its size, not to the number of paths through it.
    """
    merged: dict[str, list[Property]] = {}

    def of(current: Model) -> list[Property]:
        known = merged.get(current.key)
        if known is not None:
            return known
        seen: dict[str, Property] = {}
        for parent in current.parents:
            for prop in of(spec.model(parent)):
                seen.pop(prop.py_name, None)
                seen[prop.py_name] = prop
        for prop in own_properties(current) if python else current.properties:
            seen.pop(prop.py_name, None)
            seen[prop.py_name] = prop
        merged[current.key] = result = list(seen.values())
        return result

    return of(model)


def _ancestors(spec: ApiSpec, model: Model) -> list[Model]:
    """Every ancestor of ``model`` once, nearest first."""
    seen: set[str] = set()
    found: list[Model] = []
    pending = list(model.parents)
    while pending:
        key = pending.pop(0)
        if key in seen:
            continue
        seen.add(key)
        parent = spec.model(key)
        found.append(parent)
        pending.extend(parent.parents)
    return found


def _lifted_names(spec: ApiSpec, model: Model) -> frozenset[str]:
    """Python names of the properties ``model`` and its ancestors lift out of containers (their
    wire names are those inside the container: never the model's own discriminator)."""
    lineage = [model, *_ancestors(spec, model)]
    return frozenset(e.property.py_name for m in lineage for e in m.flattened)


def flatten_aliases(spec: ApiSpec, model: Model) -> dict[tuple[str, ...], str]:
    """Wire path -> field alias of each property lifted by ``model`` itself.

    The alias is the path joined with dots (``properties.provisioningState``), made unique
    against the model's wire names and the other aliases by ``#`` suffixes: it must never be
    read as a real field of the payload.
    """
    taken = {p.wire_name for p in all_properties(spec, model)}
    aliases: dict[tuple[str, ...], str] = {}
    for entry in model.flattened:
        alias = ".".join(entry.path)
        while alias in taken:
            alias += "#"
        taken.add(alias)
        aliases[entry.path] = alias
    return aliases


def _flatten_map(spec: ApiSpec, model: Model) -> str | None:
    """The ``__flatten__`` literal of ``model`` (its ancestors' entries too), or None when it
    lifts nothing itself (it then inherits its parent's map)."""
    if not model.flattened:
        return None
    entries: dict[str, tuple[str, ...]] = {}
    for current in [*reversed(_ancestors(spec, model)), model]:
        for path, alias in flatten_aliases(spec, current).items():
            entries[alias] = path
    items = ", ".join(
        f"{literal(alias)}: ({', '.join(literal(part) for part in path)})"
        for alias, path in entries.items()
    )
    return f"{{{items}}}"


def _init_name(py_name: str) -> str:
    """The ``__init__`` argument that sets the field ``py_name``."""
    return f"{py_name}_" if py_name in _INIT_NAMES else py_name


def init_names(spec: ApiSpec, model: Model) -> dict[tuple[str, ...], str]:
    """Wire path -> ``__init__`` argument, for every property Python sees on ``model``."""
    found: dict[tuple[str, ...], str] = {}
    for current in [*reversed(_ancestors(spec, model)), model]:
        lifted = {entry.property.py_name: entry.path for entry in current.flattened}
        for prop in own_properties(current):
            path = lifted.get(prop.py_name, (prop.wire_name,))
            found[path] = _init_name(prop.py_name)
    return found


def _discriminator_values(spec: ApiSpec, model: Model, namer: TypeNamer) -> dict[str, str]:
    """Wire name of each ancestor discriminator -> expression of this model's value for it.

    The value is the enum member when the discriminator property is a closed enum.
    """
    values: dict[str, str] = {}
    if model.discriminator_value is None:
        return values
    stack = list(model.parents)
    visited: set[str] = set()  # each ancestor once, however many paths lead to it
    while stack:
        key = stack.pop()
        if key in visited:
            continue
        visited.add(key)
        parent = spec.model(key)
        if parent.discriminator is not None:
            wire = parent.discriminator.property_wire_name
            values[wire] = _value_expression(spec, parent, wire, model.discriminator_value, namer)
        stack.extend(parent.parents)
    return values


def _value_expression(spec: ApiSpec, root: Model, wire: str, value: str, namer: TypeNamer) -> str:
    for prop in all_properties(spec, root):
        if prop.wire_name == wire and isinstance(prop.type, EnumRef):
            for member in spec.enum(prop.type.key).values:
                if member.value == value:
                    return f"{namer.class_name(prop.type.key)}.{member.py_name}"
    return literal(value)


def _field(
    prop: Property, namer: TypeNamer, needs: ImportNeeds, alias: str | None = None
) -> FieldView:
    """A field declaration; ``alias`` replaces the wire name (lifted properties).

    Optional whether required or not: see the module docstring.
    """
    annotation = optional(namer.annotation(prop.type, needs, kinds=True))
    wire = prop.wire_name if alias is None else alias
    if wire == prop.py_name:
        return FieldView(prop.py_name, annotation, "None")
    needs.add("from pydantic import Field")
    return FieldView(prop.py_name, annotation, f"Field(default=None, alias={literal(wire)})")


def _class_doc(spec: ApiSpec, model: Model, namer: TypeNamer, models_path: str) -> str:
    fields: list[str] = []
    for prop in all_properties(spec, model, python=True):
        text = prop.description
        if prop.read_only:
            text = f"{text} Read-only; set by the service.".strip()
        elif prop.mutability and "read" not in prop.mutability:  # writeOnly, x-ms-mutability
            text = f"{text} Write-only; the service never returns it.".strip()
        if prop.required:
            text = f"{text} Required.".strip()
        fields.extend(docs.field_lines("ivar", prop.py_name, text, 4))
        fields.extend(
            docs.field_lines("vartype", prop.py_name, namer.doc_type(prop.type, models_path), 4)
        )
    summary = model.description or f"The {model.class_name} model."
    return docs.render(docs.docstring(summary, "", fields, 4), 4)


def _polymorphic_ancestor(spec: ApiSpec, model: Model) -> bool:
    """Whether some ancestor of ``model`` declares a discriminator (is already polymorphic)."""
    seen: set[str] = set()
    pending = list(model.parents)
    while pending:
        key = pending.pop()
        if key in seen:
            continue
        seen.add(key)
        parent = spec.model(key)
        if parent.discriminator is not None:
            return True
        pending.extend(parent.parents)
    return False


def read_only_fields(spec: ApiSpec, model: Model) -> frozenset[str]:
    """Python names of the readOnly fields of ``model`` (inherited ones included) that a
    request body leaves out; a discriminator is always sent, whatever the spec says."""
    lineage = [model, *_ancestors(spec, model)]
    kinds = {m.discriminator.property_wire_name for m in lineage if m.discriminator}
    lifted = _lifted_names(spec, model)
    return frozenset(
        p.py_name
        for p in all_properties(spec, model, python=True)
        if p.read_only and (p.wire_name not in kinds or p.py_name in lifted)
    )


def _read_only_literal(spec: ApiSpec, model: Model) -> str | None:
    """The ``__read_only__`` value to write, None where the inherited one is already right."""
    names = read_only_fields(spec, model)
    if len(model.parents) == 1 and read_only_fields(spec, spec.model(model.parents[0])) == names:
        return None
    if not names:
        return None if not model.parents else "frozenset()"
    return "frozenset({" + ", ".join(literal(n) for n in sorted(names)) + "})"


def model_view(
    spec: ApiSpec, model: Model, namer: TypeNamer, models_path: str, needs: ImportNeeds
) -> ModelView:
    """The class declaration for ``model``."""
    if model.parents:
        bases = ", ".join(namer.class_name(p) for p in model.parents)
        if model.discriminator is not None and not _polymorphic_ancestor(spec, model):
            bases += ", _rt.PolymorphicModel"  # a discriminator below a plain base
    elif model.discriminator is not None:
        bases = "_rt.PolymorphicModel"
    else:
        bases = "_rt.Model"
    flatten = _flatten_map(spec, model)
    if flatten is not None and not any(a.flattened for a in _ancestors(spec, model)):
        bases = "_rt.FlattenedModel" if bases == "_rt.Model" else bases + ", _rt.FlattenedModel"
    fixed = _discriminator_values(spec, model, namer)
    params: list[InitParam] = []
    args: list[tuple[str, str]] = []
    fixed_args: list[tuple[str, str]] = []
    props = all_properties(spec, model, python=True)
    lifted_names = _lifted_names(spec, model)
    for prop in sorted(props, key=lambda p: not p.required):
        if prop.wire_name in fixed and prop.py_name not in lifted_names:
            fixed_args.append((literal(prop.py_name), fixed[prop.wire_name]))
            continue
        if prop.read_only:
            continue
        annotation = namer.annotation(prop.type, needs, accept_dict=True, kinds=True)
        name = _init_name(prop.py_name)
        if prop.required:
            if prop.nullable:
                annotation = optional(annotation)
            params.append(InitParam(name, annotation, None))
        else:
            params.append(InitParam(name, optional(annotation), "None"))
        args.append((prop.py_name, name))
    aliases = flatten_aliases(spec, model)
    lifted = {entry.property.py_name: aliases[entry.path] for entry in model.flattened}
    declared = own_properties(model)
    own = tuple(_field(p, namer, needs, lifted.get(p.py_name)) for p in declared)
    discriminator = model.discriminator.property_wire_name if model.discriminator else None
    if discriminator is not None or flatten is not None:
        needs.add("from typing import Any, ClassVar")
    keep_null = sorted(p.py_name for p in declared if p.required and p.nullable)
    inherited = sorted(p.py_name for p in props if p.required and p.nullable and p not in declared)
    nullable_required = None
    if keep_null:
        needs.add("from typing import Any, ClassVar")
        names = ", ".join(literal(n) for n in sorted({*keep_null, *inherited}))
        nullable_required = f"frozenset({{{names}}})"
    read_only = _read_only_literal(spec, model)
    if read_only is not None:
        needs.add("from typing import Any, ClassVar")
    return ModelView(
        class_name=model.class_name,
        bases=bases,
        docstring=_class_doc(spec, model, namer, models_path),
        discriminator=literal(discriminator) if discriminator is not None else None,
        fields=own,
        init_params=tuple(params),
        init_args=tuple(args),
        fixed_args=tuple(fixed_args),
        nullable_required=nullable_required,
        flatten=flatten,
        read_only=read_only,
    )


def enum_view(item: Enum) -> EnumView:
    """The class declaration for ``item``."""
    base = {Primitive.STRING: "str"}.get(item.base, "str")
    if item.base in {Primitive.INT32, Primitive.INT64, Primitive.INTEGER}:
        base = "int"
    elif item.base in {Primitive.FLOAT, Primitive.DOUBLE, Primitive.NUMBER}:
        base = "float"
    members = tuple(
        EnumMemberView(
            name=v.py_name,
            value=literal(v.value),
            docstring=(
                docs.render(docs.docstring(v.description, "", (), 4), 4)
                if docs.paragraphs(v.description)
                else ""
            ),
        )
        for v in item.values
    )
    summary = item.description or f"The {item.class_name} values."
    if item.extensible:
        summary = docs.one_line(summary)
    return EnumView(
        class_name=item.class_name,
        base=base,
        docstring=docs.render(docs.docstring(summary, "", (), 4), 4),
        members=members,
    )


def class_enums(spec: ApiSpec) -> list[Enum]:
    """The enums that get a class: all but boolean ones (``enum: [true]``), which Python cannot
    subclass from bool and which are therefore typed ``bool`` wherever they are used."""
    return [e for e in spec.enums if e.base is not Primitive.BOOLEAN]


def models_module(spec: ApiSpec, models_path: str) -> ModelsModule:
    """The context of one version's ``models.py``."""
    namer = TypeNamer.for_spec(spec, "", (p.py_name for m in spec.models for p in m.properties))
    needs = ImportNeeds()
    needs.add(IMPORT_ANY)
    needs.add("from .. import _runtime as _rt")
    enums = class_enums(spec)
    if enums:
        needs.add("from ._enums import " + ", ".join(e.class_name for e in enums))
    views = tuple(model_view(spec, m, namer, models_path, needs) for m in ordered_models(spec))
    if f"{TYPES_ALIAS}." in repr(views):
        needs.add(types_import(1))
    registrations = tuple(
        RegistrationView(
            root=m.class_name,
            subtypes=tuple(
                (literal(value), namer.class_name(key)) for value, key in m.discriminator.subtypes
            ),
        )
        for m in ordered_models(spec)
        if m.discriminator is not None and m.discriminator.subtypes
    )
    enum_names = tuple(sorted(e.class_name for e in enums))
    exports = tuple(sorted([v.class_name for v in views] + list(enum_names)))
    return ModelsModule(
        imports=organize(needs.statements),
        enum_names=enum_names,
        models=views,
        registrations=registrations,
        exports=exports,
    )


def enums_module(spec: ApiSpec) -> EnumsModule:
    """The context of one version's ``_enums.py``."""
    views = tuple(enum_view(e) for e in sorted(class_enums(spec), key=lambda e: e.class_name))
    return EnumsModule(enums=views, exports=tuple(v.class_name for v in views))
