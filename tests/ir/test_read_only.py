"""readOnly properties: kept read-only, unless the spec itself shows clients sending them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, tuple[Diagnostic, ...]]]
Doc = Callable[..., dict[str, Any]]


def _read_only(spec: ApiSpec, model: str) -> dict[str, bool]:
    return {p.wire_name: p.read_only for p in spec.model(model).properties}


def _operation(body: str | None, answer: str | None, **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": "Things_Put",
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "responses": {"200": {"description": "OK"}},
        **extra,
    }
    if body is not None:
        op["parameters"] = [
            {
                "name": "thing",
                "in": "body",
                "description": "The thing.",
                "schema": {"$ref": f"#/definitions/{body}"},
            }
        ]
    if answer is not None:
        op["responses"]["200"]["schema"] = {"$ref": f"#/definitions/{answer}"}
    return op


THING = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "readOnly": True},
        "name": {"type": "string"},
        "labels": {"type": "array", "items": {"$ref": "#/definitions/Label"}},
    },
}
LABEL = {
    "type": "object",
    "properties": {"key": {"type": "string", "readOnly": True}, "at": {"type": "string"}},
}


def test_read_only_stays_when_responses_carry_the_model(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    doc = swagger_doc(
        paths={"/things": {"put": _operation("Thing", "Thing")}},
        definitions={"Thing": THING, "Label": LABEL},
    )
    spec, diagnostics = compile_data(doc)
    assert _read_only(spec, "Thing") == {"id": True, "name": False, "labels": False}
    assert _read_only(spec, "Label") == {"key": True, "at": False}
    assert not diagnostics


def test_read_only_in_a_model_only_requests_carry_is_sent(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    doc = swagger_doc(
        paths={"/things": {"put": _operation("Thing", None)}},
        definitions={"Thing": THING, "Label": LABEL},
    )
    spec, diagnostics = compile_data(doc)
    assert _read_only(spec, "Thing")["id"] is False
    assert _read_only(spec, "Label")["key"] is False
    assert sorted(d.pointer for d in diagnostics) == [
        "/definitions/Label/properties/key",
        "/definitions/Thing/properties/id",
    ]
    assert all(d.severity.value == "warning" for d in diagnostics)


def test_read_only_an_example_request_sets_is_sent(
    compile_data: Compile, swagger_doc: Doc, tmp_path: Path
) -> None:
    example = {"parameters": {"Thing": {"name": "n", "labels": [{"key": "k", "at": "a"}]}}}
    (tmp_path / "put.json").write_text(json.dumps(example), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    examples = {"put": {"$ref": "./put.json"}, "bad": {"$ref": "./broken.json"}}
    doc = swagger_doc(
        paths={"/things": {"put": _operation("Thing", "Thing", **{"x-ms-examples": examples})}},
        definitions={"Thing": THING, "Label": LABEL},
    )
    spec, diagnostics = compile_data(doc)
    assert _read_only(spec, "Thing")["id"] is True  # the example does not send it
    assert _read_only(spec, "Label")["key"] is False
    (only,) = diagnostics
    assert only.pointer == "/definitions/Label/properties/key"
    assert "./put.json" in only.render() and "Things_Put" in only.render()
