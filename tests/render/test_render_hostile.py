"""Hostile names and descriptions still give a package that imports and round-trips."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.pipeline import compile_spec
from generator.render.package import (
    PackageSettings,
    VersionInput,
    render_distribution,
    runtime_files,
)
from generator.write import write_tree

# Python keywords, builtins, pydantic's own attributes, and names the generated code uses.
NAMES = [
    "class", "model_config", "json", "self", "kwargs", "list", "_rt", "_models", "Any",
    "Field", "date", "type", "model_dump", "copy", "schema", "_ABSENT", "str", "validate",
    "register_subtypes", "as_dict",
]  # fmt: skip
HOSTILE = 'x """ y \\ z "'


def _spec() -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Hostile", "version": "1"},
        "host": "example.com",
        "securityDefinitions": {"k": {"type": "apiKey", "name": "api-key", "in": "header"}},
        "security": [{"k": []}],
        "paths": {
            "/things/{self}": {
                "post": {
                    "operationId": "Things_Do",
                    "description": HOSTILE,
                    "parameters": [
                        {"in": "path", "name": "self", "required": True, "type": "string"},
                        {"in": "query", "name": "kwargs", "type": "string"},
                        {"in": "header", "name": "_request", "type": "string"},
                        {"in": "body", "name": "body", "schema": {"$ref": "#/definitions/Model"}},
                    ],
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "#/definitions/Any"}}
                    },
                }
            }
        },
        "definitions": {
            "Model": {
                "type": "object",
                "description": HOSTILE,
                "properties": {name: {"type": "string", "description": HOSTILE} for name in NAMES},
            },
            "Any": {
                "type": "object",
                "properties": {
                    "Field": {
                        "type": "string",
                        "enum": ['a"b', "c\\d", "class"],
                        "x-ms-enum": {"name": "Field", "modelAsString": False},
                    }
                },
            },
        },
    }


@pytest.fixture(scope="module")
def hostile_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "spec.json").write_text(json.dumps(_spec()), encoding="utf-8")
    spec, diagnostics = compile_spec(root / "spec.json")
    assert spec is not None, [d.render() for d in diagnostics]
    settings = PackageSettings("hostile-dist", "hostile_pkg", "HostileClient", "Hostile")
    files = render_distribution(settings, [VersionInput("v1", "spec.json", spec)], runtime_files())
    write_tree(root / "out", files)
    sys.path.insert(0, str(root / "out" / "hostile-dist"))
    sys.dont_write_bytecode = True
    try:
        yield importlib.import_module("hostile_pkg.v1")
    finally:
        sys.path.remove(str(root / "out" / "hostile-dist"))


def test_every_field_constructs_and_round_trips_with_its_wire_name(
    hostile_package: ModuleType,
) -> None:
    model = hostile_package.models.Model
    arguments = list(inspect.signature(model.__init__).parameters)[1:-1]
    assert len(arguments) == len(NAMES)
    instance = model(**{name: f"v-{name}" for name in arguments})
    wire = instance.as_dict()
    assert sorted(wire) == sorted(NAMES)
    assert model.from_dict(wire).as_dict() == wire


def test_docstrings_keep_hostile_text(hostile_package: ModuleType) -> None:
    assert (hostile_package.models.Model.__doc__ or "").startswith(HOSTILE)
    operations = importlib.import_module("hostile_pkg.v1._operations")
    method = operations.ThingsOperations.do
    assert HOSTILE in (method.__doc__ or "")
    assert list(inspect.signature(method).parameters)[:2] == ["self", "self_"]


def test_enum_values_with_quotes_and_backslashes(hostile_package: ModuleType) -> None:
    values = {member.value for member in hostile_package.models.FieldEnum}
    assert values == {'a"b', "c\\d", "class"}


def test_generated_files_compile(tmp_path: Path, hostile_package: ModuleType) -> None:
    package_root = Path(hostile_package.__file__ or "").parent
    for path in sorted(package_root.rglob("*.py")):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
