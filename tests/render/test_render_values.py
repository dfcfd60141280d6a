"""Enum values that do not fit their declared type give a warning and a fallback, and the
package still imports; huge and non-finite numbers never reach generated code as bad literals."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_kit import MARKER, Version, import_all, write_manifest

from generator.commands.generate import render_all
from generator.ir import ApiSpec
from generator.pipeline import compile_spec
from generator.write import write_tree

HUGE = 10**600


def _enum_spec() -> dict[str, Any]:
    def enum(kind: str, values: list[Any]) -> dict[str, Any]:
        return {"type": kind, "enum": values}

    return {
        "swagger": "2.0",
        "info": {"title": "Values", "version": "1"},
        "host": "example.com",
        "paths": {},
        "definitions": {
            "Ints": enum("integer", ["1.0", 2, 3.0, True, 2.5]),
            "Numbers": enum("number", ["x", 1.5, HUGE, 7]),
            "Texts": enum("string", [2, "a", True, 1.5]),
            "Nothing": enum("integer", ["a", "b"]),
            "Holder": {
                "type": "object",
                "properties": {
                    "big": {"type": "integer", "default": HUGE},
                    "ints": {"$ref": "#/definitions/Ints"},
                    "nothing": {"$ref": "#/definitions/Nothing"},
                },
            },
        },
    }


@pytest.fixture(scope="module")
def compiled(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[ApiSpec, list[str]]:
    root = tmp_path_factory.mktemp("values")
    path = root / "spec.json"
    path.write_text(json.dumps(_enum_spec()), encoding="utf-8")
    spec, diagnostics = compile_spec(path)
    assert spec is not None
    return spec, [d.render() for d in diagnostics]


def _values(spec: ApiSpec, key: str) -> list[object]:
    return [v.value for v in spec.enum(key).values]


def test_values_that_do_not_fit_are_converted_or_dropped(
    compiled: tuple[ApiSpec, list[str]],
) -> None:
    spec, _ = compiled
    assert _values(spec, "Ints") == [2, 3]
    assert [type(v) for v in _values(spec, "Ints")] == [int, int]
    assert _values(spec, "Numbers") == [1.5, 7]
    assert _values(spec, "Texts") == ["2", "a", "true", "1.5"]
    assert "Nothing" not in {e.key for e in spec.enums}


def test_each_misfit_is_one_located_warning(compiled: tuple[ApiSpec, list[str]]) -> None:
    _, lines = compiled
    ints = [line for line in lines if ":/definitions/Ints/enum: warning:" in line]
    assert len(ints) == 4  # "1.0" and True and 2.5 dropped, 3.0 written as 3
    assert any("3.0 is not an integer; written as 3" in line for line in ints)
    numbers = [line for line in lines if ":/definitions/Numbers/enum: warning:" in line]
    assert len(numbers) == 2 and any("about 601 digits" in line for line in numbers)
    assert any(":/definitions/Nothing/enum: warning: no enum value fits" in x for x in lines)
    assert all("\n" not in line for line in lines)


def test_the_package_imports(
    tmp_path: Path, generate_from: Callable[[dict[str, Any]], Path]
) -> None:
    out = generate_from(_enum_spec())
    result = import_all(out / "hostile-dist", tmp_path / "work")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "work" / MARKER).exists()


@pytest.fixture
def generate_from(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    def run(spec: dict[str, Any]) -> Path:
        manifest = write_manifest(tmp_path / "specs", [Version("v1", "a/spec.json", spec)])
        write_tree(tmp_path / "out", render_all(manifest, mirror=tmp_path / "no-mirror"))
        return tmp_path / "out"

    return run


def test_client_parameter_defaults_of_any_json_shape(
    tmp_path: Path,
    generate_from: Callable[[dict[str, Any]], Path],
    swagger_doc: Callable[..., dict[str, Any]],
) -> None:
    def client(name: str, **schema: Any) -> dict[str, Any]:
        return {"in": "query", "name": name, "x-ms-parameter-location": "client", **schema}

    spec = swagger_doc(
        paths={
            "/a": {
                "get": {
                    "operationId": "A_Get",
                    "parameters": [
                        client("tags", type="array", items={"type": "string"}, default=["x"]),
                        client("big", type="integer", default=HUGE),
                        client("ratio", type="number", default=1e308),
                        client("text", type="string", default='"""\\'),
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        }
    )
    out = generate_from(spec)
    result = import_all(out / "hostile-dist", tmp_path / "work")
    assert result.returncode == 0, result.stderr
    client_py = next((out / "hostile-dist").rglob("v1/_client.py")).read_text(encoding="utf-8")
    assert 'When omitted, the service uses ["x"].' in client_py


def test_a_boolean_enum_is_a_bool_and_a_one_value_body_a_constant(
    tmp_path: Path,
    generate_from: Callable[[dict[str, Any]], Path],
    swagger_doc: Callable[..., dict[str, Any]],
) -> None:
    flag = {"type": "boolean", "enum": [True], "x-ms-enum": {"name": "Flag"}}
    kind = {"type": "string", "enum": ["only"], "x-ms-enum": {"name": "Kind"}}
    spec = swagger_doc(
        paths={
            "/flag": {
                "put": {
                    "operationId": "Flag_Put",
                    "parameters": [{"in": "body", "name": "value", "schema": flag}],
                    "responses": {"200": {"description": "ok", "schema": flag}},
                },
                "get": {
                    "operationId": "Flag_Get",
                    "responses": {"201": {"description": "ok", "schema": kind}},
                },
            }
        }
    )
    out = generate_from(spec)
    result = import_all(out / "hostile-dist", tmp_path / "work")
    assert result.returncode == 0, result.stderr
    version = next((out / "hostile-dist").rglob("v1/_operations.py")).parent
    operations = (version / "_operations.py").read_text(encoding="utf-8")
    assert "responses={200: _rt.Constant(bool, True)}" in operations
    assert "responses={201: _rt.Constant(_models.Kind, " in operations
    assert "def put(self, *, value: bool | None = None, **kwargs: Any) -> bool:" in operations
    enums = (version / "_enums.py").read_text(encoding="utf-8")
    assert "class Kind(" in enums and "class Flag(" not in enums  # bool cannot be subclassed
