"""Small Swagger documents for diff tests, compiled through the real pipeline."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.diff.engine import PairDiff, diff_specs
from generator.ir import ApiSpec
from generator.pipeline import compile_spec

Doc = dict[str, Any]


def document(
    paths: dict[str, Any] | None = None,
    definitions: dict[str, Any] | None = None,
    *,
    version: str = "v1",
) -> Doc:
    """A minimal valid Swagger 2.0 document."""
    return {
        "swagger": "2.0",
        "info": {"title": "Test", "version": version},
        "host": "example.com",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": paths or {},
        "definitions": definitions or {},
    }


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


def operation(
    op_id: str,
    *parameters: dict[str, Any],
    responses: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An operation; ``responses`` maps status -> schema (or None for no body)."""
    given = responses if responses is not None else {"200": None}
    return {
        "operationId": op_id,
        "parameters": list(parameters),
        "responses": {
            status: {"description": "d", **({"schema": schema} if schema else {})}
            for status, schema in given.items()
        },
    }


def query(name: str, *, required: bool = False, type: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "type": type, "required": required, "description": "q"}


def path_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "type": "string", "required": True, "description": "p"}


def body(schema: dict[str, Any], *, required: bool = True) -> dict[str, Any]:
    return {"name": "body", "in": "body", "required": required, "schema": schema}


def obj(properties: dict[str, Any], *, required: tuple[str, ...] = (), **extra: Any) -> Doc:
    """An object schema."""
    schema: Doc = {"type": "object", "properties": properties, **extra}
    if required:
        schema["required"] = list(required)
    return schema


def string_enum(name: str, *values: str, extensible: bool = True) -> Doc:
    return {
        "type": "string",
        "enum": list(values),
        "x-ms-enum": {"name": name, "modelAsString": extensible},
    }


def with_version(doc: Doc, version: str) -> Doc:
    changed = copy.deepcopy(doc)
    changed["info"]["version"] = version
    return changed


def compile_document(tmp_path: Path, doc: Doc, name: str) -> ApiSpec:
    """Write ``doc`` and compile it; fails the test on error diagnostics."""
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    spec, diagnostics = compile_spec(path)
    errors = [d.render() for d in diagnostics if d.severity.value == "error"]
    assert spec is not None and not errors, errors
    return spec


def diff_documents(
    tmp_path: Path, old: Doc, new: Doc, versions: tuple[str, str] = ("v1", "v2")
) -> PairDiff:
    """Compile both documents (labelled ``versions``) and compare them."""
    return diff_specs(
        compile_document(tmp_path, with_version(old, versions[0]), "old"),
        compile_document(tmp_path, with_version(new, versions[1]), "new"),
    )
