"""openapi-spec-validator findings become diagnostics at their JSON pointer; imported lazily."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from loadkit import REAL_SPECS, errors, minimal_spec

from generator.load import load_spec


@pytest.mark.parametrize("relative", REAL_SPECS)
def test_real_specs_validate_clean(synced_specs: Path, relative: str) -> None:
    spec = load_spec(synced_specs / relative, validate=True)
    assert errors(spec) == []


def test_schema_findings_carry_their_pointer(write_spec: Callable[..., Path]) -> None:
    document = minimal_spec(info={"title": "t"})
    document["paths"] = {"/a": {"get": {"responses": {"200": {"description": 5}}}}}
    spec = load_spec(write_spec(document), validate=True)
    found = {d.pointer: d.message for d in errors(spec)}
    assert "'version' is a required property" in found["/info"]
    assert "/paths/~1a/get/responses/200" in " ".join(found)


def test_operation_findings_are_placed_at_the_operation(write_spec: Callable[..., Path]) -> None:
    ok = {"200": {"description": "ok"}}
    document = minimal_spec(
        paths={
            "/a": {"get": {"operationId": "Same", "responses": ok}},
            "/b/{id}": {"get": {"operationId": "Same", "responses": ok}},
        }
    )
    spec = load_spec(write_spec(document), validate=True)
    found = {(d.pointer, d.message) for d in errors(spec)}
    assert any(p == "/paths/~1b~1{id}/get" and "'Same'" in m for p, m in found)
    assert any(p == "/paths/~1b~1{id}/get" and "'id'" in m for p, m in found)


def test_file_response_schema_is_allowed(write_spec: Callable[..., Path]) -> None:
    responses = {"200": {"description": "bytes", "schema": {"type": "file"}}}
    document = minimal_spec(
        paths={"/f": {"get": {"produces": ["application/octet-stream"], "responses": responses}}}
    )
    assert load_spec(write_spec(document), validate=True).diagnostics == ()


def test_validator_is_not_imported_without_validate(synced_specs: Path) -> None:
    path = synced_specs / "azure/2023-06-01-preview/azureopenai.json"
    code = (
        "import sys; from pathlib import Path; from generator.load import load_spec; "
        f"assert load_spec(Path({str(path)!r})).ok; "
        "print('openapi_spec_validator' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
