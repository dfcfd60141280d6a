"""Fixtures for the diff tests: the three real versions, compiled once per session."""

from __future__ import annotations

import pytest

from generator.diff.report import DiffReport, build_report
from generator.ir import ApiSpec
from generator.pipeline import compile_spec
from tests.conftest import API_VERSIONS, azure_spec_path


@pytest.fixture(scope="session")
def real_specs(synced_specs: object) -> tuple[ApiSpec, ...]:
    """The three Azure versions, oldest first."""
    compiled = []
    for version in API_VERSIONS:
        spec, diagnostics = compile_spec(azure_spec_path(version))
        assert spec is not None, [d.render() for d in diagnostics]
        compiled.append(spec)
    return tuple(compiled)


@pytest.fixture(scope="session")
def real_report(real_specs: tuple[ApiSpec, ...]) -> DiffReport:
    """The report over the three versions."""
    return build_report(real_specs)
