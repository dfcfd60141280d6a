"""Hostile input gives a clear diagnostic (or a correct load): no traceback, hang or stray read."""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from loadkit import errors, minimal_spec

import generator.load.read as read_module
from generator.load import load_spec, ref_siblings, ref_target

SECRET = "TOP-SECRET-VALUE-7f3a"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything opens a URL."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"network used: {args!r}")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file the loader reads (it reads files through one function)."""
    seen: list[Path] = []
    original = read_module.read_regular_file

    def recording(path: Path, limit: int) -> bytes:
        seen.append(path.resolve())
        return original(path, limit)

    monkeypatch.setattr(read_module, "read_regular_file", recording)
    return seen


def test_invalid_json_names_line_and_column(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec('{\n  "swagger": "2.0",\n  "info": {,\n}'))
    assert spec.raw == {} and spec.document == {}
    (error,) = errors(spec)
    assert error.message.startswith("invalid JSON at line 3, column 12")


def test_invalid_yaml_names_line_and_column(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec("swagger: '2.0'\ninfo: [1, 2\npaths: {}\n", "spec.yaml"))
    (error,) = errors(spec)
    assert error.message.startswith("invalid YAML at line ")
    assert "column" in error.message
    assert spec.raw == {}


def test_yaml_python_tags_are_refused(write_spec: Callable[..., Path]) -> None:
    text = "swagger: !!python/object/apply:os.system ['echo hacked']\n"
    spec = load_spec(write_spec(text, "spec.yaml"))
    (error,) = errors(spec)
    assert "invalid YAML" in error.message
    assert "python/object" in error.message


def test_yaml_alias_bomb_is_refused(write_spec: Callable[..., Path]) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    spec = load_spec(write_spec("\n".join(lines) + "\n", "bomb.yaml"))
    (error,) = errors(spec)
    assert "alias bomb" in error.message
    assert "line 3" in error.message or "line" in error.message


def test_self_referencing_yaml_alias_is_refused(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec("swagger: '2.0'\nloop: &x [1, *x]\n", "spec.yaml"))
    (error,) = errors(spec)
    assert "alias refers to the node that contains it" in error.message


def test_small_yaml_aliases_still_load(write_spec: Callable[..., Path]) -> None:
    text = (
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "definitions:\n  A: &shape {type: object, properties: {x: {type: string}}}\n"
        "  B: *shape\n"
    )
    spec = load_spec(write_spec(text, "spec.yaml"))
    assert spec.ok
    assert spec.raw["definitions"]["A"] == spec.raw["definitions"]["B"]
    assert spec.raw["definitions"]["A"] is not spec.raw["definitions"]["B"]


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_json_nesting_is_refused(write_spec: Callable[..., Path], depth: int) -> None:
    spec = load_spec(write_spec("[" * depth + "]" * depth))
    (error,) = errors(spec)
    assert "nesting is deeper than" in error.message


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_yaml_nesting_is_refused(write_spec: Callable[..., Path], depth: int) -> None:
    spec = load_spec(write_spec("a: " + "[" * depth + "]" * depth + "\n", "spec.yaml"))
    (error,) = errors(spec)
    assert "nesting is deeper than" in error.message


def test_deep_yaml_block_nesting_is_refused(write_spec: Callable[..., Path]) -> None:
    text = "a:\n" + "- " * 10_000 + "leaf\n"  # compact block sequences, 10,000 deep
    spec = load_spec(write_spec(text, "spec.yaml"))
    (error,) = errors(spec)
    assert "nesting is deeper than" in error.message


def test_moderately_deep_json_is_cut_with_an_error(write_spec: Callable[..., Path]) -> None:
    deep: Any = {"type": "string"}
    for _ in range(300):
        deep = {"type": "object", "properties": {"x": deep}}
    spec = load_spec(write_spec(minimal_spec(definitions={"Deep": deep})))
    assert any("nesting is deeper than" in d.message for d in errors(spec))
    assert spec.document["definitions"]["Deep"]["type"] == "object"


def test_dangling_ref_names_its_pointer_and_becomes_an_empty_schema(
    write_spec: Callable[..., Path],
) -> None:
    definitions = {
        "A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/Missing"}}},
        "C": {"type": "string"},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    (error,) = errors(spec)
    assert error.pointer == "/definitions/A/properties/b"
    assert "'#/definitions/Missing'" in error.message
    assert "replaced by an empty schema" in error.action
    assert spec.raw["definitions"]["A"]["properties"]["b"] == {}
    assert spec.document["definitions"]["A"]["properties"]["b"] == {}
    assert spec.document["definitions"]["C"] == {"type": "string"}


def test_dangling_ref_keeps_its_sibling_description(write_spec: Callable[..., Path]) -> None:
    definitions = {"A": {"properties": {"b": {"$ref": "#/nowhere", "description": "kept"}}}}
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.document["definitions"]["A"]["properties"]["b"] == {"description": "kept"}


def test_circular_ref_chain_is_refused(write_spec: Callable[..., Path]) -> None:
    definitions = {
        "A": {"$ref": "#/definitions/B"},
        "B": {"$ref": "#/definitions/A"},
        "Self": {"$ref": "#/definitions/Self"},
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert {d.pointer for d in errors(spec)} == {
        "/definitions/A",
        "/definitions/B",
        "/definitions/Self",
    }
    assert all("circular" in d.message for d in errors(spec))
    assert spec.document["definitions"]["A"] == {}


def test_recursive_schema_loads(write_spec: Callable[..., Path]) -> None:
    definitions = {
        "Error": {"properties": {"innererror": {"$ref": "#/definitions/InnerError"}}},
        "InnerError": {
            "properties": {
                "code": {"type": "string"},
                "innererror": {"$ref": "#/definitions/InnerError"},
            }
        },
    }
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.ok
    inner = spec.document["definitions"]["Error"]["properties"]["innererror"]
    deeper = inner["properties"]["innererror"]["properties"]["innererror"]
    assert ref_target(deeper) == "#/definitions/InnerError"
    assert deeper["properties"]["code"] == {"type": "string"}


def test_ref_outside_the_spec_folder_is_refused_and_never_read(
    write_spec: Callable[..., Path], tmp_path: Path, reads: list[Path]
) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"definitions": {"S": {"description": SECRET}}}))
    definitions = {
        "Up": {"$ref": "../secret.json#/definitions/S"},
        "Passwd": {"$ref": "../../../../../../../../etc/passwd"},
        "Absolute": {"$ref": secret.as_uri() + "#/definitions/S"},
    }
    path = write_spec(minimal_spec(definitions=definitions))
    spec = load_spec(path)
    assert {d.pointer for d in errors(spec)} == {
        "/definitions/Up",
        "/definitions/Passwd",
        "/definitions/Absolute",
    }
    assert all("outside the spec's folder" in d.message for d in errors(spec))
    assert SECRET not in repr(spec.raw) + repr(spec.document["definitions"])
    assert reads == [path.resolve()]


def test_symlink_leaving_the_folder_is_refused(
    write_spec: Callable[..., Path], tmp_path: Path, reads: list[Path]
) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"S": {"description": SECRET}}))
    path = write_spec(minimal_spec(definitions={"L": {"$ref": "link.json#/S"}}))
    os.symlink(secret, path.parent / "link.json")
    spec = load_spec(path)
    (error,) = errors(spec)
    assert "outside the spec's folder" in error.message
    assert SECRET not in repr(spec.document["definitions"])
    assert secret.resolve() not in reads


def test_example_refs_outside_the_folder_are_not_followed(
    write_spec: Callable[..., Path], tmp_path: Path, reads: list[Path]
) -> None:
    (tmp_path / "outside.json").write_text("{}")
    paths = {
        "/x": {
            "get": {
                "responses": {"200": {"description": "ok"}},
                "x-ms-examples": {"e": {"$ref": "../outside.json"}},
            }
        }
    }
    spec = load_spec(write_spec(minimal_spec(paths=paths)))
    assert spec.ok
    (warning,) = spec.diagnostics
    assert "points outside the spec's folder" in warning.message
    assert len(reads) == 1


def test_file_beside_the_spec_resolves(write_spec: Callable[..., Path]) -> None:
    write_spec({"definitions": {"Shared": {"type": "integer"}}}, "common/types.json")
    path = write_spec(
        minimal_spec(definitions={"Use": {"$ref": "common/types.json#/definitions/Shared"}})
    )
    spec = load_spec(path)
    assert spec.ok, spec.diagnostics
    use = spec.document["definitions"]["Use"]
    assert use == {"type": "integer"}
    assert ref_target(use) == "common/types.json#/definitions/Shared"


def test_broken_file_beside_the_spec_is_reported_once(write_spec: Callable[..., Path]) -> None:
    write_spec("{not json", "broken.json")
    path = write_spec(
        minimal_spec(definitions={"A": {"$ref": "broken.json#/X"}, "B": {"$ref": "broken.json#/Y"}})
    )
    spec = load_spec(path)
    parse_errors = [d for d in errors(spec) if d.file.endswith("broken.json")]
    assert len(parse_errors) == 1
    assert "invalid JSON at line 1" in parse_errors[0].message
    assert {d.pointer for d in errors(spec) if d.file == str(path)} == {
        "/definitions/A",
        "/definitions/B",
    }


@pytest.mark.parametrize(
    "ref", ["http://127.0.0.1:9/x.json#/A", "https://example.com/spec.json", "ftp://x/y"]
)
def test_network_refs_are_refused_by_default(
    write_spec: Callable[..., Path], no_network: None, ref: str
) -> None:
    spec = load_spec(write_spec(minimal_spec(definitions={"R": {"$ref": ref}})))
    (error,) = errors(spec)
    assert error.pointer == "/definitions/R"
    assert ("network references are refused" in error.message) or ("scheme" in error.message)
    assert spec.document["definitions"]["R"] == {}


def test_network_ref_is_followed_when_allowed(
    write_spec: Callable[..., Path], http_folder: tuple[Path, str]
) -> None:
    folder, base_url = http_folder
    (folder / "remote.json").write_text(json.dumps({"definitions": {"R": {"type": "boolean"}}}))
    ref = f"{base_url}/remote.json#/definitions/R"
    path = write_spec(minimal_spec(definitions={"R": {"$ref": ref}}))
    spec = load_spec(path, allow_network=True)
    assert spec.ok, spec.diagnostics
    assert spec.document["definitions"]["R"] == {"type": "boolean"}
    missing = load_spec(
        write_spec(minimal_spec(definitions={"R": {"$ref": f"{base_url}/no.json"}}), "b.json"),
        allow_network=True,
    )
    assert any("cannot download" in d.message for d in errors(missing))


def test_description_with_quotes_and_backslashes_loads_verbatim(
    write_spec: Callable[..., Path],
) -> None:
    text = 'Ends with """ and \\ and \\n and \\"""'
    definitions = {"A": {"type": "string", "description": text}}
    spec = load_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec.ok
    assert spec.document["definitions"]["A"]["description"] == text


def test_non_object_document_is_an_error(write_spec: Callable[..., Path]) -> None:
    (error,) = errors(load_spec(write_spec("[1, 2, 3]")))
    assert "not an object" in error.message


def test_missing_and_non_utf8_files_are_errors(write_spec: Callable[..., Path]) -> None:
    (missing,) = errors(load_spec(write_spec("{}").parent / "nope.json"))
    assert "cannot read the file" in missing.message
    (binary,) = errors(load_spec(write_spec(b"\xff\xfe{}", "bin.json")))
    assert "not UTF-8" in binary.message


def test_non_string_ref_is_an_error(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec(minimal_spec(definitions={"A": {"$ref": 5, "title": "t"}})))
    (error,) = errors(spec)
    assert "$ref must be a string" in error.message
    assert spec.document["definitions"]["A"] == {"title": "t"}
    assert ref_siblings(spec.document["definitions"]["A"]) == {}
