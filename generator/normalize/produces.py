"""Operations whose responses have a body but no declared media type."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import DiagnosticSink, pointer
from generator.normalize.walk import operations

ASSUMED_MEDIA_TYPE = "application/json"


def fill_missing_produces(document: dict[str, Any], sink: DiagnosticSink) -> None:
    """Give ``produces: [application/json]`` to operations with a body but no ``produces``.

    Swagger 2.0 says a response body's media type comes from the operation's ``produces`` or,
    failing that, the document's.  ``OperationsImages_Delete`` declares neither, yet its
    default (error) response has a JSON error body.
    """
    if document.get("produces"):
        return
    for section, route, method, operation in operations(document):
        if operation.get("produces"):
            continue
        responses = operation.get("responses")
        if not isinstance(responses, dict):
            continue
        with_body = [
            code
            for code, response in responses.items()
            if isinstance(response, dict) and "schema" in response
        ]
        if not with_body:
            continue
        name = operation.get("operationId") or f"{method.upper()} {route}"
        sink.warning(
            pointer(section, route, method, "responses", with_body[0]),
            f"{name}: response {', '.join(map(str, with_body))} has a body, but neither the"
            " operation nor the document declares 'produces'",
            f"assumed {ASSUMED_MEDIA_TYPE}",
        )
        operation["produces"] = [ASSUMED_MEDIA_TYPE]
