"""TypeRef -> annotation text, with the imports it needs."""

from __future__ import annotations

from render_sample_ir import sample_spec

from generator.ir import (
    AnyType,
    ArrayType,
    EnumRef,
    MapType,
    ModelRef,
    Primitive,
    PrimitiveType,
    UnionType,
)
from generator.render.types import ImportNeeds, TypeNamer, optional


def test_primitives_models_enums_and_containers() -> None:
    namer = TypeNamer.for_spec(sample_spec(), "_models.")
    needs = ImportNeeds()
    assert namer.annotation(PrimitiveType(Primitive.INT64), needs) == "int"
    assert namer.annotation(PrimitiveType(Primitive.UNIX_TIME), needs) == "_types.UnixTime"
    assert namer.annotation(PrimitiveType(Primitive.DATE_TIME), needs) == "_types.DateTime"
    assert namer.annotation(PrimitiveType(Primitive.DATE), needs) == "_dt.date"
    assert namer.annotation(ModelRef("Operation"), needs) == "_models.OperationStatus"
    assert namer.annotation(EnumRef("State"), needs) == "_types.Extensible[_models.State]"
    assert namer.annotation(EnumRef("Kind"), needs) == "_models.Kind"
    assert namer.annotation(ArrayType(MapType(AnyType())), needs) == "list[dict[str, Any]]"
    nullable = ArrayType(MapType(PrimitiveType(Primitive.INT32), nullable_values=True), True)
    assert namer.annotation(nullable, needs) == "list[dict[str, int | None] | None]"
    union = UnionType((ModelRef("Job"), PrimitiveType(Primitive.STRING)))
    assert namer.annotation(union, needs) == "_models.Job | str"
    assert needs.statements == {"import datetime as _dt", "from typing import Any"}


def test_models_accept_dicts_where_asked() -> None:
    namer = TypeNamer.for_spec(sample_spec())
    needs = ImportNeeds()
    assert namer.annotation(ModelRef("Job"), needs, accept_dict=True) == "Job | dict[str, Any]"
    assert optional("Job | dict[str, Any]") == "Job | dict[str, Any] | None"
    assert optional("Any") == "Any"


def test_builtins_hidden_by_a_member_name_are_qualified() -> None:
    namer = TypeNamer.for_spec(sample_spec(), "", ["list", "get"])
    needs = ImportNeeds()
    assert (
        namer.annotation(ArrayType(PrimitiveType(Primitive.STRING)), needs) == "builtins.list[str]"
    )
    assert "import builtins" in needs.statements


def test_doc_types_name_the_public_models_module() -> None:
    namer = TypeNamer.for_spec(sample_spec())
    assert namer.doc_type(EnumRef("State"), "pkg.models") == "str or ~pkg.models.State"
    assert namer.doc_type(ArrayType(ModelRef("Job")), "pkg.models") == "list[~pkg.models.Job]"


def test_a_union_of_kinds_of_one_root_is_validated_through_the_root() -> None:
    spec = sample_spec()
    roots = [m for m in spec.models if m.discriminator and len(m.discriminator.subtypes) >= 2]
    assert roots, "the sample spec has a discriminator root with two subtypes"
    root = roots[0]
    assert root.discriminator is not None
    (_, first), (_, second) = root.discriminator.subtypes[:2]
    namer = TypeNamer.for_spec(spec)
    needs = ImportNeeds()
    names = [namer.class_name(k) for k in (first, second, root.key)]
    union = UnionType((ModelRef(first), ModelRef(second)))
    assert namer.annotation(union, needs, kinds=True) == (
        f"Annotated[{' | '.join(names)}, _types.KindOf({names[2]})]"
    )
    assert namer.annotation(union, needs) == " | ".join(names[:2])  # outside model fields
    assert "from typing import Annotated" in needs.statements
    mixed = UnionType((ModelRef(first), PrimitiveType(Primitive.STRING)))
    assert namer.annotation(mixed, needs, kinds=True) == f"{names[0]} | str"
