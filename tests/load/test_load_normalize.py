"""Normalization rules on small inline specs: each rewrite and its one warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from loadkit import errors, minimal_spec, warnings_of

from generator.load import load_spec, ref_target


def operation(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"responses": {"200": {"description": "ok"}}}
    body.update(extra)
    return body


def test_enum_of_refs_keeps_other_keys(write_spec: Callable[..., Path]) -> None:
    method = {
        "title": "Method",
        "type": "object",
        "description": "d",
        "enum": [{"$ref": "#/definitions/A"}, {"$ref": "#/definitions/B"}],
    }
    definitions = {"A": {"type": "object"}, "B": {"type": "object"}, "M": method}
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.raw["definitions"]["M"] == {
        "x-one-of": [{"$ref": "#/definitions/A"}, {"$ref": "#/definitions/B"}],
        "title": "Method",
        "description": "d",
    }
    (warning,) = warnings_of(spec)
    assert warning.pointer == "/definitions/M"
    members = spec.document["definitions"]["M"]["x-one-of"]
    assert [ref_target(m) for m in members] == ["#/definitions/A", "#/definitions/B"]


def test_enum_with_some_object_members_drops_them(write_spec: Callable[..., Path]) -> None:
    definitions = {"E": {"type": "string", "enum": ["a", {"x": 1}, ["b"], "c"]}}
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.raw["definitions"]["E"]["enum"] == ["a", "c"]
    (warning,) = warnings_of(spec)
    assert "2 enum member(s) are objects or lists" in warning.message


def test_enum_and_x_ms_enum_union_keeps_enum_order(write_spec: Callable[..., Path]) -> None:
    schema = {
        "type": "string",
        "enum": ["b", "a", "only-enum"],
        "x-ms-enum": {
            "name": "E",
            "modelAsString": False,
            "values": [
                {"value": "a", "description": "A"},
                {"value": "extra", "description": "X", "name": "Extra"},
                {"value": "b", "description": "B"},
            ],
        },
    }
    spec = load_spec(write_spec(minimal_spec(definitions={"E": schema})))
    result = spec.raw["definitions"]["E"]
    assert result["enum"] == ["b", "a", "only-enum", "extra"]
    assert result["x-ms-enum"]["values"] == [
        {"value": "b", "description": "B"},
        {"value": "a", "description": "A"},
        {"value": "only-enum"},
        {"value": "extra", "description": "X", "name": "Extra"},
    ]
    assert result["x-ms-enum"]["modelAsString"] is False
    (warning,) = warnings_of(spec)
    assert "only in enum ['only-enum'], only in x-ms-enum ['extra']" in warning.message


def test_enum_order_difference_alone_is_not_a_defect(write_spec: Callable[..., Path]) -> None:
    schema = {
        "type": "string",
        "enum": ["a", "b"],
        "x-ms-enum": {"name": "E", "values": [{"value": "b"}, {"value": "a"}]},
    }
    spec = load_spec(write_spec(minimal_spec(definitions={"E": schema})))
    assert spec.diagnostics == ()
    assert spec.raw["definitions"]["E"] == schema


def test_same_named_enums_are_merged(write_spec: Callable[..., Path]) -> None:
    def enum(values: list[str]) -> dict[str, Any]:
        return {"type": "string", "enum": values, "x-ms-enum": {"name": "Color"}}

    definitions = {
        "A": {"properties": {"c": enum(["red", "green"])}},
        "B": {"properties": {"c": enum(["green", "blue"])}},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    for name in ("A", "B"):
        assert spec.raw["definitions"][name]["properties"]["c"]["enum"] == [
            "red",
            "green",
            "blue",
        ]
    assert [d.pointer for d in warnings_of(spec)] == [
        "/definitions/A/properties/c",
        "/definitions/B/properties/c",
    ]


def test_missing_produces_assumes_json_only_with_a_body(write_spec: Callable[..., Path]) -> None:
    error_response = {"description": "e", "schema": {"type": "object"}}
    paths = {
        "/a": {
            "delete": operation(responses={"204": {"description": "no"}, "default": error_response})
        },
        "/b": {"delete": operation(responses={"204": {"description": "no"}})},
        "/c": {"get": operation(produces=["text/plain"], responses={"200": error_response})},
    }
    spec = load_spec(write_spec(minimal_spec(paths=paths)))
    (warning,) = warnings_of(spec)
    assert warning.pointer == "/paths/~1a/delete/responses/default"
    assert spec.raw["paths"]["/a"]["delete"]["produces"] == ["application/json"]
    assert "produces" not in spec.raw["paths"]["/b"]["delete"]
    assert spec.raw["paths"]["/c"]["get"]["produces"] == ["text/plain"]


def test_global_produces_is_enough(write_spec: Callable[..., Path]) -> None:
    paths = {"/a": {"get": operation(responses={"200": {"description": "", "schema": {}}})}}
    spec = load_spec(write_spec(minimal_spec(paths=paths, produces=["application/json"])))
    assert spec.diagnostics == ()


def test_parameters_without_description(write_spec: Callable[..., Path]) -> None:
    shared = {"Q": {"in": "query", "name": "q", "type": "string"}}
    params = [
        {"$ref": "#/parameters/Q"},
        {"in": "formData", "name": "data", "type": "file", "required": True},
        {"in": "body", "name": "payload", "schema": {"type": "object"}, "description": " "},
        {"in": "header", "name": "h", "type": "string", "description": "fine"},
    ]
    paths = {"/a": {"post": operation(parameters=params, consumes=["multipart/form-data"])}}
    spec = load_spec(write_spec(minimal_spec(paths=paths, parameters=shared)))
    assert [d.pointer for d in warnings_of(spec)] == [
        "/parameters/Q",
        "/paths/~1a/post/parameters/1",
        "/paths/~1a/post/parameters/2",
    ]
    assert spec.raw["parameters"]["Q"]["description"] == "The 'q' query parameter."
    described = spec.raw["paths"]["/a"]["post"]["parameters"]
    assert described[1]["description"] == "The 'data' form field."
    assert described[2]["description"] == "The request body."
    assert described[0] == {"$ref": "#/parameters/Q"}


def test_missing_example_files_warn_once_per_file(write_spec: Callable[..., Path]) -> None:
    write_spec("{}", "examples/here.json")
    examples = {
        "one": {"$ref": "./examples/gone.json"},
        "two": {"$ref": "./examples/here.json"},
    }
    paths = {
        "/a": {"get": operation(**{"x-ms-examples": examples})},
        "/b": {"get": operation(**{"x-ms-examples": {"again": {"$ref": "examples/gone.json"}}})},
        "/c": {"get": operation(**{"x-ms-examples": {"odd": "text"}})},
    }
    spec = load_spec(write_spec(minimal_spec(paths=paths)))
    assert errors(spec) == []
    assert [(d.pointer, d.message) for d in warnings_of(spec)] == [
        ("/paths/~1a/get/x-ms-examples/one", "example './examples/gone.json' does not exist"),
        ("/paths/~1c/get/x-ms-examples/odd", "example is not a {'$ref': file} object"),
    ]
    assert "x-ms-examples" not in spec.document["paths"]["/a"]["get"]


def test_discriminator_value_from_name_prefix(write_spec: Callable[..., Path]) -> None:
    definitions = {
        "Kind": {"type": "string", "enum": ["cat", "dog"]},
        "Pet": {
            "discriminator": "kind",
            "required": ["kind"],
            "properties": {"kind": {"$ref": "#/definitions/Kind"}},
        },
        "CatPet": {"allOf": [{"$ref": "#/definitions/Pet"}]},
        "dog": {"allOf": [{"$ref": "#/definitions/Pet"}]},
        "Bird": {"allOf": [{"$ref": "#/definitions/Pet"}]},
        "Fish": {"allOf": [{"$ref": "#/definitions/Pet"}], "x-ms-discriminator-value": "fish"},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    raw = spec.raw["definitions"]
    assert raw["CatPet"]["x-ms-discriminator-value"] == "cat"
    assert "x-ms-discriminator-value" not in raw["dog"]
    assert "x-ms-discriminator-value" not in raw["Bird"]
    assert raw["Pet"]["discriminator"] == "kind"
    assert [(d.pointer, d.action) for d in warnings_of(spec)] == [
        ("/definitions/CatPet", "used 'cat', the value its name starts with"),
        ("/definitions/Bird", "left as is: no single value matches its name"),
    ]


def test_discriminator_only_renamed_when_every_subtype_agrees(
    write_spec: Callable[..., Path],
) -> None:
    kind = {"type": "string"}
    definitions = {
        "Root": {"discriminator": "kind", "required": ["kind"], "properties": {"kind": kind}},
        "A": {
            "allOf": [{"$ref": "#/definitions/Root"}],
            "required": ["type"],
            "properties": {"type": kind},
        },
        "B": {"allOf": [{"$ref": "#/definitions/Root"}], "properties": {"type": kind}},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.raw["definitions"]["Root"]["discriminator"] == "kind"
    definitions["B"]["required"] = ["type"]
    spec = load_spec(write_spec(minimal_spec(definitions=definitions), "again.json"))
    assert spec.raw["definitions"]["Root"] == {
        "discriminator": "type",
        "required": ["type"],
        "properties": {"type": kind},
    }
    (warning,) = warnings_of(spec)
    assert warning.pointer == "/definitions/Root/discriminator"
