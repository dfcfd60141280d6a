"""openapi-spec-validator findings become diagnostics at their JSON pointer; imported lazily."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from loadkit import REAL_SPECS, errors, minimal_spec
from spec_shapes import allof_lattice

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


def test_a_lattice_the_validator_would_walk_for_hours_skips_its_schema_checks(
    tmp_path: Path,
) -> None:
    """Each level of models inheriting two parents doubles the validator's walk (2^30 here)."""
    document = allof_lattice(30)
    document["info"] = {"title": "lattice"}  # no version: the structural stage still runs
    path = tmp_path / "lattice.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    env = {**os.environ, "AZPYGEN_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,  # a hang guard: without the skip this runs for hours
        check=False,
    )
    lines = result.stderr.splitlines() + result.stdout.splitlines()
    skipped = [line for line in lines if "schema checks were skipped" in line]
    assert len(skipped) == 1
    assert f"{path}:/definitions/" in skipped[0] and "warning" in skipped[0]
    assert any("/info" in line and "'version' is a required property" in line for line in lines)
    assert result.returncode == 1


def test_a_shallow_lattice_is_checked_in_full(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec(allof_lattice(6)), validate=True)
    assert spec.diagnostics == ()
