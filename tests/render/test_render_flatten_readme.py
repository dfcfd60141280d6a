"""The README's long-running example calls a flattened body's method as it is generated: the
required properties as positional arguments, a constant left out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec
from generator.render.readme_context import examples

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, tuple[Diagnostic, ...]]]
Doc = Callable[..., dict[str, Any]]
REF = "#/definitions/"
JOB = {
    "type": "object",
    "required": ["props"],
    "properties": {
        "id": {"type": "string", "readOnly": True},
        "props": {"x-ms-client-flatten": True, "$ref": REF + "JobProps"},
    },
}
PROPS = {
    "type": "object",
    "required": ["kind", "mode"],
    "properties": {
        "kind": {"type": "string"},
        "mode": {"type": "string", "enum": ["fixed"], "x-ms-enum": {"modelAsString": False}},
        "note": {"type": "string"},
    },
}


def test_long_running_example_with_a_flattened_body(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    body = {"name": "job", "in": "body", "required": True, "x-ms-client-flatten": True}
    operation = {
        "operationId": "Jobs_Create",
        "x-ms-long-running-operation": True,
        "parameters": [
            {"name": "name", "in": "path", "required": True, "type": "string"},
            {**body, "schema": {"$ref": REF + "Job"}},
        ],
        "responses": {"200": {"description": "ok", "schema": {"$ref": REF + "Job"}}},
    }
    doc = swagger_doc(
        paths={"/jobs/{name}": {"put": operation}}, definitions={"Job": JOB, "JobProps": PROPS}
    )
    spec, _ = compile_data(doc)
    (example,) = [e for e in examples([("v1", spec)]) if e.title == "Long-running operations"]
    assert example.code.splitlines()[0] == 'poller = client.jobs.begin_create("<name>", "<kind>")'
