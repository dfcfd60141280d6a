"""x-ms-client-flatten in the IR: what is lifted, what is required, how lifted names are chosen,
and where flattening is refused (with a warning) rather than losing what a type says."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec, JsonBody

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, tuple[Diagnostic, ...]]]
Doc = Callable[..., dict[str, Any]]
REF = "#/definitions/"

INNER = {
    "type": "object",
    "required": ["state"],
    "properties": {
        "state": {"type": "string"},
        "type": {"type": "string"},
        "deep": {"x-ms-client-flatten": True, "$ref": REF + "Deep"},
    },
}
DEEP = {"type": "object", "properties": {"value": {"type": "integer"}}}
OUTER = {
    "type": "object",
    "required": ["props"],
    "properties": {
        "type": {"type": "string"},
        "props": {"x-ms-client-flatten": True, "$ref": REF + "Inner"},
        "opt": {"x-ms-client-flatten": True, "readOnly": True, "$ref": REF + "Deep"},
    },
}


def _definitions(**extra: Any) -> dict[str, Any]:
    return {"Inner": INNER, "Deep": DEEP, "Outer": OUTER, **extra}


def _lifted(spec: ApiSpec, key: str) -> dict[tuple[str, ...], tuple[str, bool, bool]]:
    return {
        e.path: (e.property.py_name, e.property.required, e.property.read_only)
        for e in spec.model(key).flattened
    }


def test_lifted_properties_paths_names_and_requiredness(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    spec, diagnostics = compile_data(swagger_doc(definitions=_definitions()))
    assert not [d for d in diagnostics if "flatten" in d.message]
    assert _lifted(spec, "Outer") == {
        ("props", "state"): ("state", True, False),  # required in a required container
        ("props", "type"): ("props_type", False, False),  # `type` is the outer model's own
        ("props", "deep", "value"): ("value", False, False),  # flattened twice over
        ("opt", "value"): ("opt_value", False, True),  # a read-only container: read-only
    }
    # The wire shape is unchanged: the containers are still the model's properties.
    assert [p.wire_name for p in spec.model("Outer").properties] == ["type", "props", "opt"]


def test_an_optional_container_makes_its_properties_optional(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    outer = {
        "type": "object",
        "properties": {"props": {"x-ms-client-flatten": True, "$ref": REF + "Inner"}},
    }
    spec, _ = compile_data(swagger_doc(definitions=_definitions(Holder=outer)))
    assert _lifted(spec, "Holder")[("props", "state")] == ("state", False, False)


def test_inherited_properties_of_the_container_are_lifted_and_children_inherit(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    child_inner = {"allOf": [{"$ref": REF + "Deep"}], "properties": {"own": {"type": "string"}}}
    holder = {
        "type": "object",
        "properties": {"c": {"x-ms-client-flatten": True, "$ref": REF + "ChildInner"}},
    }
    sub = {"allOf": [{"$ref": REF + "Holder"}], "properties": {"value": {"type": "string"}}}
    definitions = _definitions(ChildInner=child_inner, Holder=holder, Sub=sub)
    spec, _ = compile_data(swagger_doc(definitions=definitions))
    assert set(_lifted(spec, "Holder")) == {("c", "value"), ("c", "own")}
    # A subtype's own `value` does not take the name its parent lifted.
    sub_names = {p.wire_name: p.py_name for p in spec.model("Sub").properties}
    assert sub_names == {"value": "value_2"}


def test_flattening_that_would_lose_meaning_is_refused(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    pet = {"type": "object", "discriminator": "kind", "properties": {"kind": {"type": "string"}}}
    bag = {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": True}
    holder = {
        "type": "object",
        "properties": {
            "pet": {"x-ms-client-flatten": True, "$ref": REF + "Pet"},
            "bag": {"x-ms-client-flatten": True, "$ref": REF + "Bag"},
            "name": {"x-ms-client-flatten": True, "type": "string"},
            "self": {"x-ms-client-flatten": True, "$ref": REF + "Holder"},
        },
    }
    spec, diagnostics = compile_data(
        swagger_doc(definitions={"Pet": pet, "Bag": bag, "Holder": holder})
    )
    assert spec.model("Holder").flattened == ()
    warned = sorted(d.pointer for d in diagnostics if "x-ms-client-flatten" in d.message)
    assert warned == [f"/definitions/Holder/properties/{n}" for n in ("bag", "name", "pet", "self")]


def test_flattened_body_arguments(compile_data: Compile, swagger_doc: Doc) -> None:
    body = {
        "name": "body",
        "in": "body",
        "required": True,
        "x-ms-client-flatten": True,
        "schema": {"$ref": REF + "Outer"},
    }
    path_name = {"name": "state", "in": "path", "required": True, "type": "string"}
    # Outer is answered too: a readOnly flag in a model only requests carry is not honoured
    # (see ir_builder/read_only.py), and this test is about a read-only container.
    answer = {"description": "done", "schema": {"$ref": REF + "Outer"}}
    operation = {
        "operationId": "Things_Put",
        "parameters": [path_name, body],
        "responses": {"200": answer},
    }
    doc = swagger_doc(definitions=_definitions(), paths={"/things/{state}": {"put": operation}})
    spec, _ = compile_data(doc)
    (op,) = spec.operations
    assert isinstance(op.body, JsonBody)
    arguments = {a.path: (a.property.py_name, a.property.required) for a in op.body.flattened}
    assert arguments == {
        ("type",): ("type_", False),
        ("props", "state"): ("props_state", True),  # the path parameter keeps `state`
        ("props", "type"): ("props_type", False),
        ("props", "deep", "value"): ("value", False),
        # the read-only container's property is not an argument
    }
