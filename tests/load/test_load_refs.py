"""Reference resolution details: odd file names, pointers through references, escapes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from loadkit import errors, minimal_spec

from generator.load import load_spec, ref_target


def test_folder_and_file_names_with_spaces_and_percent(tmp_path: Path) -> None:
    folder = tmp_path / "my specs %20 here"
    folder.mkdir()
    (folder / "other file.yaml").write_text("Shared:\n  type: number\n")
    spec_path = folder / "spec one.json"
    document = minimal_spec(definitions={"A": {"$ref": "other%20file.yaml#/Shared"}})
    spec_path.write_text(json.dumps(document))
    spec = load_spec(spec_path)
    assert spec.ok, spec.diagnostics
    assert spec.document["definitions"]["A"] == {"type": "number"}


def test_pointer_through_a_reference(write_spec: Callable[..., Path]) -> None:
    definitions = {
        "Alias": {"$ref": "#/definitions/Real"},
        "Real": {"properties": {"x": {"type": "integer"}}},
        "X": {"$ref": "#/definitions/Alias/properties/x"},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.ok, spec.diagnostics
    assert spec.document["definitions"]["X"] == {"type": "integer"}


def test_escaped_pointer_tokens(write_spec: Callable[..., Path]) -> None:
    paths = {"/a/{id}": {"get": {"responses": {"200": {"description": "ok"}}}}}
    definitions = {
        "Tilde~Name": {"type": "string"},
        "T": {"$ref": "#/definitions/Tilde~0Name"},
        "R": {"$ref": "#/paths/~1a~1%7Bid%7D/get/responses/200"},
    }
    spec = load_spec(write_spec(minimal_spec(paths=paths, definitions=definitions)))
    assert spec.ok, spec.diagnostics
    assert spec.document["definitions"]["T"] == {"type": "string"}
    assert spec.document["definitions"]["R"] == {"description": "ok"}


def test_refs_inside_a_referenced_file_are_checked_there(write_spec: Callable[..., Path]) -> None:
    write_spec(
        {"definitions": {"A": {"properties": {"b": {"$ref": "#/definitions/Missing"}}}}},
        "common.json",
    )
    path = write_spec(minimal_spec(definitions={"Use": {"$ref": "common.json#/definitions/A"}}))
    spec = load_spec(path)
    (error,) = errors(spec)
    assert error.file.endswith("common.json")
    assert error.pointer == "/definitions/A/properties/b"
    assert spec.document["definitions"]["Use"]["properties"]["b"] == {}


def test_ref_to_a_missing_file(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec(minimal_spec(definitions={"A": {"$ref": "gone.json#/X"}})))
    (error,) = errors(spec)
    assert "the file does not exist" in error.message


def test_non_pointer_fragment_is_refused(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec(minimal_spec(definitions={"A": {"$ref": "#anchor"}})))
    (error,) = errors(spec)
    assert "not a JSON pointer" in error.message


def test_same_target_from_many_places_is_shared(write_spec: Callable[..., Path]) -> None:
    definitions = {
        "T": {"type": "object"},
        "A": {"properties": {f"p{i}": {"$ref": "#/definitions/T"} for i in range(50)}},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    properties = spec.document["definitions"]["A"]["properties"]
    assert {ref_target(value) for value in properties.values()} == {"#/definitions/T"}
    assert properties["p0"] == properties["p49"] == {"type": "object"}
