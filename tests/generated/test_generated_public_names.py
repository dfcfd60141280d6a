"""Public signatures name only public things.

Every annotation of every public class, method and model field of a generated version package is
read back as text and each name in it resolved in its module: a private module (``_runtime``,
reached as ``_rt``) or a private attribute must never appear, so a user can import every type a
signature shows (``<namespace>.types`` holds the runtime's: ``Extensible``, ``FileInput``, the
format scalars).  Checked on the committed package and on one generated from a spec that uses
every format, an extensible enum and an upload.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from gen_inline_spec import build_package

from generator.render.settings import PackageSettings
from generator.render.types import PUBLIC_TYPES

FORMATS = {
    "date-time": "string",
    "date-time-rfc1123": "string",
    "date": "string",
    "time": "string",
    "duration": "string",
    "unixtime": "integer",
    "byte": "string",
    "base64url": "string",
    "decimal": "number",
    "uuid": "string",
    "int64": "integer",
}


def _formats_spec() -> dict[str, Any]:
    fields: dict[str, Any] = {
        name.replace("-", "_"): {"type": wire, "format": name} for name, wire in FORMATS.items()
    }
    fields["kind"] = {
        "type": "string",
        "enum": ["a", "b"],
        "x-ms-enum": {"name": "Kind", "modelAsString": True},
    }
    fields["tags"] = {"type": "array", "items": fields["kind"]}
    # one of two kinds of a discriminator root (typed with KindOf)
    fields["shape"] = {
        "x-one-of": [{"$ref": "#/definitions/Circle"}, {"$ref": "#/definitions/Square"}]
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Formats", "version": "2024-01-01"},
        "host": "formats.example",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {
            "/things/{when}": {
                "put": {
                    "operationId": "Things_Put",
                    "parameters": [
                        {
                            "in": "path",
                            "name": "when",
                            "required": True,
                            "type": "string",
                            "format": "date-time",
                        },
                        {"in": "query", "name": "at", "type": "integer", "format": "unixtime"},
                        {
                            "in": "header",
                            "name": "if-since",
                            "type": "string",
                            "format": "date-time-rfc1123",
                        },
                        {"in": "query", "name": "kind", **fields["kind"]},
                        {
                            "in": "body",
                            "name": "thing",
                            "required": True,
                            "schema": {"$ref": "#/definitions/Thing"},
                        },
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Thing"}}
                    },
                }
            },
            "/files": {
                "post": {
                    "operationId": "Files_Upload",
                    "consumes": ["multipart/form-data"],
                    "parameters": [
                        {"in": "formData", "name": "file", "type": "file", "required": True},
                        {"in": "formData", "name": "kind", **fields["kind"]},
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Thing"}}
                    },
                }
            },
        },
        "definitions": {
            "Thing": {"type": "object", "required": ["date_time"], "properties": fields},
            "Shape": {
                "type": "object",
                "discriminator": "shape",
                "required": ["shape"],
                "properties": {"shape": {"type": "string"}},
            },
            "Circle": {
                "allOf": [{"$ref": "#/definitions/Shape"}],
                "x-ms-discriminator-value": "circle",
            },
            "Square": {
                "allOf": [{"$ref": "#/definitions/Shape"}],
                "x-ms-discriminator-value": "square",
            },
        },
    }


@pytest.fixture(scope="module")
def formats_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    settings = PackageSettings("formats-client", "formats_client", "FormatsClient", "Formats")
    return build_package(tmp_path_factory.mktemp("formats"), _formats_spec(), settings)


def _is_private(dotted: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))


def _names(annotation: str, module: ModuleType) -> list[str]:
    """Problems with the names ``annotation`` uses, resolved in ``module``."""
    problems: list[str] = []
    for node in ast.walk(ast.parse(annotation, mode="eval")):
        chain: list[str] = []
        current: ast.expr = node  # type: ignore[assignment]
        if not isinstance(node, ast.Attribute | ast.Name):
            continue
        while isinstance(current, ast.Attribute):
            chain.insert(0, current.attr)
            current = current.value
        if not isinstance(current, ast.Name):
            continue
        root = current.id
        value = vars(module).get(root, getattr(builtins, root, None))
        if value is None:
            problems.append(f"{annotation}: {root} is not defined in {module.__name__}")
            continue
        if isinstance(value, ModuleType):
            if _is_private(value.__name__):
                problems.append(f"{annotation}: {root} is the private module {value.__name__}")
            for attr in chain:
                if attr.startswith("_"):
                    problems.append(f"{annotation}: private attribute {attr}")
        elif root.startswith("_"):
            problems.append(f"{annotation}: private name {root}")
    return problems


def _signature_problems(version: ModuleType) -> list[str]:
    package = version.__name__
    modules = [
        importlib.import_module(f"{package}.{name}")
        for name in ("models", "_client", "_operations", "aio._client", "aio._operations")
    ]
    problems: list[str] = []
    checked = 0
    for module in modules:
        for name, cls in vars(module).items():
            if (
                name.startswith("_")
                or not inspect.isclass(cls)
                or cls.__module__ != module.__name__
            ):
                continue
            for field, annotation in vars(cls).get("__annotations__", {}).items():
                if not field.startswith("_"):
                    problems.extend(_names(annotation, module))
                    checked += 1
            for member_name, member in vars(cls).items():
                if member_name.startswith("_") and member_name != "__init__":
                    continue
                if member_name == "__init__" and module.__name__.endswith("_operations"):
                    continue  # a group is built by its client from the client's private core
                if not inspect.isfunction(member):
                    continue
                for parameter in inspect.signature(member).parameters.values():
                    if isinstance(parameter.annotation, str):
                        problems.extend(_names(parameter.annotation, module))
                        checked += 1
                returned = inspect.signature(member).return_annotation
                if isinstance(returned, str):
                    problems.extend(_names(returned, module))
    assert checked > 20, "too few annotations read: the walk found nothing to check"
    return sorted(set(problems))


def test_committed_signatures_name_only_public_types(committed_distribution: Path) -> None:
    for version in ("v2023_06_01_preview", "v2025_02_01_preview", "v2025_04_01_preview"):
        module = importlib.import_module(f"azure_openai_authoring.{version}")
        assert _signature_problems(module) == []


def test_signatures_of_every_format_name_only_public_types(formats_package: ModuleType) -> None:
    assert _signature_problems(formats_package) == []
    source = Path(formats_package.__file__ or "").parent
    used = {name for name in PUBLIC_TYPES if f"_types.{name}" in _all_text(source)}
    assert used == set(PUBLIC_TYPES)  # the spec exercises every public type


def test_the_types_module_exports_what_signatures_use(formats_package: ModuleType) -> None:
    types = importlib.import_module("formats_client.types")
    assert sorted(types.__all__) == sorted(PUBLIC_TYPES)
    runtime = importlib.import_module("formats_client._runtime")
    for name in PUBLIC_TYPES:
        assert getattr(types, name) is getattr(runtime, name)


def _all_text(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.py")))
