"""Fixtures shared by every test folder: where the repository and the input specs are, and
compiling specs (the real ones once per session, small ones written to ``tmp_path``).

The real specs are read from the synced copy (``tests/spec_copy.py``); without it the session
stops before collection with one line saying to run ``python -m generator sync``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spec_copy import API_VERSIONS, REPO_ROOT, SPEC_COPY, azure_spec_path, sync_hint

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec
from generator.pipeline import compile_spec

__all__ = ["API_VERSIONS", "SPEC_COPY", "azure_spec_path"]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop at once, in one line, when the synced spec copy is missing or stale."""
    hint = sync_hint()
    if hint is not None:
        raise pytest.UsageError(hint)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def synced_specs() -> Path:
    """The local copy of the pinned specs (``specs/.cache``, filled by ``sync``)."""
    return SPEC_COPY


Compiled = tuple[ApiSpec, tuple[Diagnostic, ...]]


@pytest.fixture(scope="session")
def real_ir(synced_specs: Path) -> Callable[[str], ApiSpec]:
    """The named IR of a real spec (path relative to the copy), compiled once per session."""
    cache: dict[str, ApiSpec] = {}

    def compile_real(relative: str) -> ApiSpec:
        if relative not in cache:
            spec, diagnostics = compile_spec(synced_specs / relative)
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
    """Write a spec dict as JSON into ``tmp_path`` and compile it; the IR must exist.

    The builder's own view: openapi-spec-validator is left out so that each test sees exactly
    the diagnostics of the construct it builds (validation has its tests in ``tests/load``).
    """

    def run(data: dict[str, Any]) -> Compiled:
        path = tmp_path / "spec.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        spec, diagnostics = compile_spec(path, validate=False)
        assert spec is not None, [d.render() for d in diagnostics]
        return spec, diagnostics

    return run
