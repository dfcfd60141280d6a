"""Parameters written without a description."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.normalize.walk import parameters

_LOCATION_WORDS = {
    "formData": "form field",
    "query": "query parameter",
    "header": "header",
    "path": "path parameter",
    "body": "request body",
}


def fill_missing_descriptions(document: dict[str, Any], sink: DiagnosticSink) -> None:
    """Give every parameter without a description a neutral one, so docs never go blank.

    ``UploadFile_Part`` (2025-02) has a formData ``data`` parameter with none.
    """
    for at, parameter in parameters(document):
        description = parameter.get("description")
        if isinstance(description, str) and description.strip():
            continue
        name = parameter.get("name")
        location = parameter.get("in")
        what = _LOCATION_WORDS.get(location if isinstance(location, str) else "", "parameter")
        text = f"The {what}." if location == "body" else f"The '{name}' {what}."
        sink.warning(
            at, f"parameter {name!r} ({location}) has no description", f"described as {text!r}"
        )
        parameter["description"] = text
