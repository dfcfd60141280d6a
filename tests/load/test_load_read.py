"""Reading JSON and YAML: BOMs, YAML spellings that JSON lacks, and the safe loader."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from loadkit import errors, minimal_spec, warnings_of

from generator.load import load_spec


@pytest.mark.parametrize("name", ["spec.json", "spec.yaml", "spec.yml"])
def test_utf8_bom_is_accepted(write_spec: Callable[..., Path], name: str) -> None:
    text = json.dumps(minimal_spec(definitions={"A": {"type": "string"}}))
    spec = load_spec(write_spec("\ufeff".encode() + text.encode(), name))
    assert spec.ok, spec.diagnostics
    assert spec.raw["definitions"] == {"A": {"type": "string"}}


def test_yaml_integer_response_codes_and_dates_become_strings(
    write_spec: Callable[..., Path],
) -> None:
    text = (
        "swagger: '2.0'\ninfo: {title: t, version: 2024-01-31}\n"
        "paths:\n  /x:\n    get:\n      responses:\n        200: {description: ok}\n"
    )
    spec = load_spec(write_spec(text, "spec.yaml"))
    assert spec.ok
    assert spec.raw["info"]["version"] == "2024-01-31"
    assert list(spec.raw["paths"]["/x"]["get"]["responses"]) == ["200"]
    assert warnings_of(spec) == []


def test_yaml_non_string_keys_warn(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(write_spec("swagger: '2.0'\nx-flags: {yes: 1, null: 2}\n", "spec.yaml"))
    assert set(spec.raw["x-flags"]) == {"true", "null"}
    assert {d.pointer for d in warnings_of(spec)} == {"/x-flags"}


def test_yaml_values_without_json_form_are_errors(write_spec: Callable[..., Path]) -> None:
    spec = load_spec(
        write_spec(
            "swagger: '2.0'\ninfo: {}\npaths: {}\nx-blob: !!binary aGVsbG8=\nx-n: .nan\n", "s.yaml"
        )
    )
    assert {d.pointer for d in errors(spec)} == {"/x-blob", "/x-n"}
    assert spec.raw["x-blob"] is None


def test_json_nan_is_refused(write_spec: Callable[..., Path]) -> None:
    (error,) = errors(load_spec(write_spec('{"swagger": "2.0", "x": NaN}')))
    assert "NaN is not a JSON number" in error.message


def test_diagnostics_render_as_one_line(write_spec: Callable[..., Path]) -> None:
    path = write_spec(minimal_spec(definitions={"A": {"$ref": "#/definitions/Gone"}}))
    (error,) = errors(load_spec(path))
    line = error.render()
    assert line.startswith(f"{path}:/definitions/A: error: $ref '#/definitions/Gone'")
    assert "\n" not in line


@pytest.mark.parametrize(("name", "text"), [("e.yaml", ""), ("c.yaml", "# only a comment\n")])
def test_empty_yaml_is_an_error(write_spec: Callable[..., Path], name: str, text: str) -> None:
    spec = load_spec(write_spec(text, name))
    assert not spec.ok
    assert [d.message for d in errors(spec)] == ["the document is empty"]


def test_several_yaml_documents_are_an_error(write_spec: Callable[..., Path]) -> None:
    (error,) = errors(load_spec(write_spec("a: 1\n---\nb: 2\n", "multi.yaml")))
    assert "invalid YAML at line 2" in error.message
