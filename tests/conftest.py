"""Fixtures shared by every test folder: where the repository and the input specs are, and
compiling specs (the real ones once per session, small ones written to ``tmp_path``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec
from generator.pipeline import compile_spec

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_SPECS = REPO_ROOT.parent / "shared" / "specs"
API_VERSIONS = ("2023-06-01-preview", "2023-10-01-preview", "2025-02-01-preview")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_specs() -> Path:
    """The read-only mirror of the real specs (``../shared/specs`` beside the checkout)."""
    if not (SHARED_SPECS / "MANIFEST.md").is_file():
        pytest.fail(
            f"the spec mirror is missing: {SHARED_SPECS} (CI keeps ../shared beside the checkout)"
        )
    return SHARED_SPECS


def azure_spec_path(version: str) -> Path:
    """Path of the Azure JSON spec of ``version`` in the shared mirror."""
    return SHARED_SPECS / "azure" / version / "azureopenai.json"


Compiled = tuple[ApiSpec, tuple[Diagnostic, ...]]


@pytest.fixture(scope="session")
def real_ir(shared_specs: Path) -> Callable[[str], ApiSpec]:
    """The named IR of a real spec (path relative to the mirror), compiled once per session."""
    cache: dict[str, ApiSpec] = {}

    def compile_real(relative: str) -> ApiSpec:
        if relative not in cache:
            spec, diagnostics = compile_spec(shared_specs / relative)
            assert spec is not None, [d.render() for d in diagnostics]
            assert not [d for d in diagnostics if d.severity.value == "error"]
            cache[relative] = spec
        return cache[relative]

    return compile_real


@pytest.fixture
def swagger_doc() -> Callable[..., dict[str, Any]]:
    """Builds a small Swagger 2.0 document; keyword arguments are set at the top level."""

    def build(**extra: Any) -> dict[str, Any]:
        spec: dict[str, Any] = {
            "swagger": "2.0",
            "info": {"title": "Test", "version": "1.0"},
            "host": "example.com",
            "paths": {},
            "definitions": {},
        }
        spec.update(extra)
        return spec

    return build


@pytest.fixture
def compile_data(tmp_path: Path) -> Callable[[dict[str, Any]], Compiled]:
    """Write a spec dict as JSON into ``tmp_path`` and compile it; the IR must exist."""

    def run(data: dict[str, Any]) -> Compiled:
        path = tmp_path / "spec.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        spec, diagnostics = compile_spec(path)
        assert spec is not None, [d.render() for d in diagnostics]
        return spec, diagnostics

    return run
