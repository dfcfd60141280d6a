"""Run openapi-spec-validator and turn each finding into a diagnostic with its JSON pointer.

The validator has two stages.  The first checks the document against the official Swagger 2.0
JSON schema; its findings carry their exact location.  The second (duplicate operationIds,
undeclared path parameters, schema checks) reports findings without a location, so it is run
here one path item and one operation at a time, and each finding is placed at the operation
it came from.  That second stage checks schemas with OpenAPI 3.0 rules, which reject
``type: file`` in a response schema although Swagger 2.0 allows it there; that one finding is
dropped.

OpenAPI 3.0 and 3.1 documents are validated as written (before they are lowered into the
Swagger shape), with the validator of their version; its findings carry their location.

The validator takes ~0.4 s to import, so it is imported here, lazily, only when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from generator.diagnostics import Diagnostic, DiagnosticSink, node_at, pointer
from generator.load.formats import SpecFamily
from generator.load.schema_walk import WALK_LIMIT, validator_walk_cost

MAX_FINDINGS = 200
"""Stop after this many findings: a wrong file would otherwise print thousands of lines."""

_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch")
_SWAGGER2_FILE_RESPONSE = "'file' is not valid under any of the given schemas"
_SERVER_VARIABLE = re.compile(r"/servers/\d+/variables/[^/]+")
_EXTENSIONS_ONLY = "'^x-'"


def import_validator() -> None:
    """Import openapi-spec-validator now: once in a process that forks workers which use it."""
    import openapi_spec_validator.schemas  # noqa: F401


def validate_document(document: Mapping[str, Any], label: str, base_uri: str) -> list[Diagnostic]:
    """Validate ``document`` (plain data, references already checked) as Swagger 2.0."""
    sink = DiagnosticSink(label)
    schema_checks = _schema_checks_affordable(document, sink)
    try:
        for count, (where, message) in enumerate(_findings(document, base_uri, schema_checks)):
            if count >= MAX_FINDINGS:
                sink.error("", f"more than {MAX_FINDINGS} validation findings; stopped")
                break
            if _is_file_array_part(document, where):
                sink.warning(
                    where,
                    "an array of files in formData is not Swagger 2.0",
                    "read as one file part per item, as Azure's generators do",
                )
                continue
            sink.error(where, f"invalid Swagger 2.0: {message}")
    except RecursionError:
        sink.error("", "the validator cannot follow this document (recursion too deep)")
    except Exception as exc:  # the validator's own failures must not become tracebacks
        sink.error("", f"the validator failed: {type(exc).__name__}: {_short(str(exc))}")
    return list(sink.items)


def validate_openapi3(
    document: Mapping[str, Any], label: str, base_uri: str, family: SpecFamily
) -> list[Diagnostic]:
    """Validate ``document`` as the OpenAPI 3.0 or 3.1 document it declares itself to be."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    kind = OpenAPIV30SpecValidator if family is SpecFamily.OPENAPI_30 else OpenAPIV31SpecValidator
    name = "OpenAPI 3.0" if family is SpecFamily.OPENAPI_30 else "OpenAPI 3.1"
    sink = DiagnosticSink(label)
    if _schema_checks_affordable(document, sink):
        errors = kind(document, base_uri=base_uri).iter_errors()
    else:
        errors = _structure_only(family).iter_errors(document)
    try:
        for count, error in enumerate(errors):
            if count >= MAX_FINDINGS:
                sink.error("", f"more than {MAX_FINDINGS} validation findings; stopped")
                break
            where = pointer(*(getattr(error, "absolute_path", ()) or ()))
            message = _short(str(getattr(error, "message", error)))
            if _SERVER_VARIABLE.fullmatch(where) and _EXTENSIONS_ONLY in message:
                continue  # non-standard keys beside a variable: the loader warns and reads them
            sink.error(where, f"invalid {name}: {message}")
    except RecursionError:
        sink.error("", "the validator cannot follow this document (recursion too deep)")
    except Exception as exc:  # the validator's own failures must not become tracebacks
        sink.error("", f"the validator failed: {type(exc).__name__}: {_short(str(exc))}")
    return list(sink.items)


def _schema_checks_affordable(document: Mapping[str, Any], sink: DiagnosticSink) -> bool:
    """Whether the validator's schema checks end in reasonable time; a warning when not."""
    cost = validator_walk_cost(document)
    if cost.paths <= WALK_LIMIT:
        return True
    sink.warning(
        cost.worst_pointer,
        f"allOf/anyOf/oneOf schemas the validator would walk along {cost.paths} paths "
        f"(limit {WALK_LIMIT})",
        "its schema checks were skipped; the document's structure and the compiler's own "
        "checks still apply",
    )
    return False


def _structure_only(family: SpecFamily) -> Any:
    """The validator of the official JSON schema of ``family`` alone (no schema checks)."""
    from openapi_spec_validator.schemas import (
        openapi_v30_schema_validator,
        openapi_v31_schema_validator,
    )

    if family is SpecFamily.OPENAPI_30:
        return openapi_v30_schema_validator
    return openapi_v31_schema_validator


def _is_file_array_part(document: Mapping[str, Any], where: str) -> bool:
    """Whether ``where`` is a formData parameter typed as an array of files.

    The Swagger 2.0 schema allows ``type: file`` only on a parameter itself, yet real specs
    (the AutoRest test server's among them) send several files under one name this way.
    """
    node = node_at(document, where)
    if not isinstance(node, Mapping) or node.get("in") != "formData":
        return False
    items = node.get("items")
    return (
        node.get("type") == "array" and isinstance(items, Mapping) and items.get("type") == "file"
    )


def _findings(
    document: Mapping[str, Any], base_uri: str, schema_checks: bool
) -> Iterator[tuple[str, str]]:
    from openapi_spec_validator import OpenAPIV2SpecValidator
    from openapi_spec_validator.schemas import openapi_v2_schema_validator

    for error in openapi_v2_schema_validator.iter_errors(document):
        yield pointer(*error.absolute_path), _short(error.message)
    if not schema_checks:
        return

    validator = OpenAPIV2SpecValidator(document, base_uri=base_uri)
    registry: Any = validator.keyword_validators_registry
    spec = validator.schema_path
    if "tags" in spec and isinstance(document.get("tags"), list):
        yield from _placed(("tags",), registry["tags"](spec / "tags"))
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return
    for url, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        item_path = spec / "paths" / url
        shared = item_path / "parameters" if isinstance(item.get("parameters"), list) else None
        if shared is not None:
            yield from _placed(("paths", url, "parameters"), registry["parameters"](shared))
        for method in _OPERATIONS:
            if isinstance(item.get(method), Mapping):
                errors = registry["operation"](url, method, item_path / method, shared)
                yield from _placed(("paths", url, method), errors)


def _placed(tokens: tuple[str, ...], errors: Iterable[Any]) -> Iterator[tuple[str, str]]:
    for error in errors:
        message = _short(str(getattr(error, "message", error)))
        if _SWAGGER2_FILE_RESPONSE in message:
            continue
        relative = tuple(str(t) for t in getattr(error, "absolute_path", ()) or ())
        yield pointer(*tokens, *relative), message


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
