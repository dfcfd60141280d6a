"""Helpers shared by the loader tests: the real spec list and small-spec builders."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.load import LoadedSpec

REAL_SPECS = (
    "azure/2023-06-01-preview/azureopenai.json",
    "azure/2023-10-01-preview/azureopenai.json",
    "azure/2025-02-01-preview/azureopenai.json",
    "azure/2025-02-01-preview/azureopenai.yaml",
    "api-evangelist/2023-06-01-preview/openapi.yml",
    "api-evangelist/2023-10-01-preview/openapi.yml",
)


def minimal_spec(**extra: Any) -> dict[str, Any]:
    """A small valid Swagger 2.0 document; ``extra`` keys are added at the top level."""
    spec: dict[str, Any] = {
        "swagger": "2.0",
        "info": {"title": "Test", "version": "1.0"},
        "paths": {},
        "definitions": {},
    }
    spec.update(extra)
    return spec


def errors(spec: LoadedSpec) -> list[Diagnostic]:
    """The error diagnostics of a loaded spec."""
    return [d for d in spec.diagnostics if d.severity is Severity.ERROR]


def warnings_of(spec: LoadedSpec) -> list[Diagnostic]:
    """The warning diagnostics of a loaded spec."""
    return [d for d in spec.diagnostics if d.severity is Severity.WARNING]
