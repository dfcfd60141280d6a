"""Run openapi-spec-validator and turn each finding into a diagnostic with its JSON pointer.

The validator takes ~0.4 s to import, so it is imported here, lazily, only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostic, DiagnosticSink, pointer

MAX_FINDINGS = 200
"""Stop after this many findings: a wrong file would otherwise print thousands of lines."""


def validate_document(document: Mapping[str, Any], label: str, base_uri: str) -> list[Diagnostic]:
    """Validate ``document`` (plain data, references already checked) as Swagger 2.0."""
    sink = DiagnosticSink(label)
    try:
        from openapi_spec_validator import OpenAPIV2SpecValidator
    except ImportError as exc:  # pragma: no cover - it is a dependency of the project
        sink.error("", f"openapi-spec-validator is not available: {exc}")
        return list(sink.items)
    try:
        validator = OpenAPIV2SpecValidator(document, base_uri=base_uri)
        for count, finding in enumerate(validator.iter_errors()):
            if count >= MAX_FINDINGS:
                sink.error("", f"more than {MAX_FINDINGS} validation findings; stopped")
                break
            where = pointer(*getattr(finding, "absolute_path", ()) or ())
            sink.error(where, f"invalid Swagger 2.0: {_message(finding)}")
    except RecursionError:
        sink.error("", "the validator cannot follow this document (recursion too deep)")
    except Exception as exc:  # the validator's own failures must not become tracebacks
        sink.error("", f"the validator failed: {type(exc).__name__}: {_short(str(exc))}")
    return list(sink.items)


def _message(finding: Any) -> str:
    return _short(str(getattr(finding, "message", finding)))


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
