"""Which kind of document a file is: Swagger 2.0, OpenAPI 3.0 or OpenAPI 3.1, or neither.

The marker is the top-level ``swagger: "2.0"`` or ``openapi: "3.x.y"`` key.  A document with
neither (or both) is refused: reading it as Swagger anyway would turn a wrong file into a
client with no operations and a page of confusing warnings.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Any

from generator.diagnostics import DiagnosticSink

_OPENAPI3 = re.compile(r"3\.(\d+)(\.\d+)?(-[0-9A-Za-z.-]+)?")


class SpecFamily(enum.Enum):
    """The grammar a document is read with."""

    SWAGGER_2 = "swagger"
    OPENAPI_30 = "openapi 3.0"
    OPENAPI_31 = "openapi 3.1"


def detect_format(data: Mapping[str, Any], sink: DiagnosticSink) -> tuple[SpecFamily, str] | None:
    """The family and the declared version (``"2.0"``, ``"3.0.0"``); None (reported) if neither."""
    swagger, openapi = data.get("swagger"), data.get("openapi")
    if swagger is not None and openapi is not None:
        sink.error("", "the document declares both 'swagger' and 'openapi'", "not read")
        return None
    if swagger is not None:
        if str(swagger) == "2.0":
            return SpecFamily.SWAGGER_2, "2.0"
        sink.error("/swagger", f"Swagger version {swagger!r} is not 2.0", "not read")
        return None
    if openapi is not None:
        match = _OPENAPI3.fullmatch(str(openapi)) if isinstance(openapi, str) else None
        if match is None:
            sink.error("/openapi", f"OpenAPI version {openapi!r} is not 3.x", "not read")
            return None
        minor = int(match.group(1))
        if minor > 1:
            sink.warning("/openapi", f"OpenAPI {openapi} is newer than 3.1", "read as 3.1")
        family = SpecFamily.OPENAPI_30 if minor == 0 else SpecFamily.OPENAPI_31
        return family, str(openapi)
    sink.error(
        "",
        "neither Swagger 2.0 nor OpenAPI 3.x: no top-level 'swagger: \"2.0\"' or 'openapi: 3.x'",
        "not read",
    )
    return None


def format_label(family: SpecFamily, version: str) -> str:
    """How the IR and the loader name a format: ``"Swagger 2.0"``, ``"OpenAPI 3.0.0"``."""
    return f"Swagger {version}" if family is SpecFamily.SWAGGER_2 else f"OpenAPI {version}"


__all__ = ["SpecFamily", "detect_format", "format_label"]
