"""Shapes that were once quadratic or exponential to compile, at sizes that are quick now.

Before the fixes these took (same machine): the enum ~40 s, the lattice ~25 s, the operationId
over 60 s, the colliding names ~8 s.  Nothing here measures time; a regression shows as a test
that runs for minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spec_shapes import (
    allof_lattice,
    colliding_enum,
    colliding_values,
    large_enum,
    long_operation_id,
)

from generator.ir import ApiSpec
from generator.naming.words import resolve
from generator.render.model_context import all_properties, models_module

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, Any]]


def test_a_5000_value_enum_keeps_every_value_in_order(compile_data: Compile) -> None:
    spec, _ = compile_data(large_enum(5000))
    (enum,) = spec.enums
    assert [member.value for member in enum.values] == [f"value{i}" for i in range(5000)]
    assert len({member.py_name for member in enum.values}) == 5000


def test_a_duplicated_large_enum_drops_each_duplicate_once(compile_data: Compile) -> None:
    data = large_enum(3000)
    data["definitions"]["Large"]["enum"] += [f"value{i}" for i in range(0, 3000, 2)]
    spec, diagnostics = compile_data(data)
    assert len(spec.enums[0].values) == 3000
    assert sum("duplicate enum value" in d.message for d in diagnostics) == 1500


def test_3000_colliding_member_names_are_all_distinct(compile_data: Compile) -> None:
    spec, _ = compile_data(colliding_enum(3000))
    names = [member.py_name for member in spec.enums[0].values]
    assert names[:3] == ["A", "A_2", "A_3"]
    assert len(set(names)) == 3000


def test_resolve_numbers_many_equal_candidates_in_order() -> None:
    wanted: list[tuple[str, list[str]]] = [("Name", [])] * 5000 + [("Name2", []), ("x", [])] * 3
    names = resolve(wanted, taken={"Name3", "x_2"})
    assert names[:4] == ["Name", "Name2", "Name4", "Name5"]
    assert names[4999] == "Name5001"
    # "Name2" + index: Name22 .. Name2999 went to the Name series, so the first free is 1000
    assert names[5000:] == ["Name21000", "x", "Name21001", "x_3", "Name21002", "x_4"]
    assert len(set(names)) == len(names)


def test_a_22_level_allof_lattice_inherits_every_property(compile_data: Compile) -> None:
    levels = 22
    spec, _ = compile_data(allof_lattice(levels))
    top = spec.model(f"A{levels - 1}")
    names = {prop.wire_name for prop in all_properties(spec, top)}
    expected = {f"{n}{level}" for n in "ab" for level in range(levels - 1)} | {f"a{levels - 1}"}
    assert names == expected
    module = models_module(spec, "shapes.models")
    assert len(module.models) == 2 * levels


def test_a_100_kb_operation_id_is_named_from_its_words(compile_data: Compile) -> None:
    spec, _ = compile_data(long_operation_id(100_000))
    (operation,) = spec.operations
    assert operation.py_name == "_".join(["ab"] * 50_000)


def test_colliding_values_are_distinct_and_share_one_name() -> None:
    values = colliding_values(500)
    assert len(set(values)) == 500
    assert all(value[0] == "a" and not value[1:].isalnum() for value in values)
