"""x-ms-header-collection-prefix in the IR: a header of that kind is a ``dict[str, str]`` with its
prefix, whatever type the spec writes; an unusable prefix is ignored with a warning."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec, MapType, Primitive, PrimitiveType

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, tuple[Diagnostic, ...]]]
Doc = Callable[..., dict[str, Any]]
KEY = "x-ms-header-collection-prefix"
STRINGS = MapType(PrimitiveType(Primitive.STRING))


def test_request_and_response_header_collections(compile_data: Compile, swagger_doc: Doc) -> None:
    meta = {"name": "x-ms-meta", "in": "header", "type": "string", KEY: "x-ms-meta-"}
    bad = {"name": "x-bad", "in": "header", "type": "string", KEY: ""}
    query = {"name": "q", "in": "query", "type": "string", KEY: "q-"}
    operation = {
        "operationId": "Blobs_Get",
        "parameters": [meta, bad, query],
        "responses": {
            "200": {
                "description": "OK",
                "headers": {"x-ms-meta": {"type": "string", KEY: "x-ms-meta-"}},
            }
        },
    }
    spec, diagnostics = compile_data(swagger_doc(paths={"/blobs": {"get": operation}}))
    (op,) = spec.operations
    found = {p.wire_name: (p.type, p.collection_prefix) for p in op.parameters}
    assert found == {
        "x-ms-meta": (STRINGS, "x-ms-meta-"),
        "x-bad": (PrimitiveType(Primitive.STRING), None),
        "q": (PrimitiveType(Primitive.STRING), None),
    }
    (header,) = op.responses[0].headers
    assert (header.type, header.collection_prefix) == (STRINGS, "x-ms-meta-")
    warned = sorted(d.pointer for d in diagnostics if KEY in d.message)
    at = "/paths/~1blobs/get/parameters"
    assert warned == [f"{at}/1/{KEY}", f"{at}/2/{KEY}"]
