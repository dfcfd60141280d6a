"""Rendering x-ms-client-flatten: the README's long-running example calls a flattened body's
method as it is generated (required properties positional, a constant left out), and a lifted
property named like the discriminator stays an argument of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec
from generator.render.model_context import models_module
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


def test_a_lifted_property_named_like_the_discriminator_is_not_fixed(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    pet = {
        "type": "object",
        "discriminator": "kind",
        "required": ["kind"],
        "properties": {
            "kind": {"type": "string"},
            "info": {"x-ms-client-flatten": True, "$ref": REF + "Info"},
        },
    }
    info = {"type": "object", "properties": {"kind": {"type": "string", "readOnly": True}}}
    dog = {"allOf": [{"$ref": REF + "Pet"}], "x-ms-discriminator-value": "dog"}
    doc = swagger_doc(definitions={"Pet": pet, "Info": info, "Dog": dog})
    spec, _ = compile_data(doc)
    views = {v.class_name: v for v in models_module(spec, "models").models}
    assert views["Dog"].fixed_args == (('"kind"', '"dog"'),)
    assert views["Pet"].read_only == 'frozenset({"info_kind"})'  # lifted, read-only: not sent
