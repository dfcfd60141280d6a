"""Format detection: Swagger 2.0 and OpenAPI 3.0/3.1 are read and named; anything else is
refused by every command, with one diagnostic line and exit code 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.load import load_spec

NOT_A_SPEC: list[tuple[str, dict[str, Any]]] = [
    ("no-marker", {"info": {"title": "t", "version": "1"}, "paths": {}}),
    ("swagger-1.2", {"swagger": "1.2", "paths": {}}),
    ("openapi-2.5", {"openapi": "2.5", "paths": {}}),
    ("both", {"swagger": "2.0", "openapi": "3.0.0", "paths": {}}),
]
VALID = {"info": {"title": "t", "version": "1"}, "paths": {}}


@pytest.mark.parametrize(
    ("marker", "label"),
    [
        ({"swagger": "2.0"}, "Swagger 2.0"),
        ({"openapi": "3.0.3"}, "OpenAPI 3.0.3"),
        ({"openapi": "3.1.0"}, "OpenAPI 3.1.0"),
    ],
)
def test_loader_says_which_format_it_read(
    tmp_path: Path, marker: dict[str, str], label: str
) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(marker | VALID), encoding="utf-8")
    loaded = load_spec(path)
    assert loaded.ok and loaded.format == label
    assert loaded.raw["swagger"] == "2.0"  # every format reaches the builder in one shape
    assert (loaded.provenance is None) == (label == "Swagger 2.0")


@pytest.mark.parametrize("command", ["validate", "ir", "bundle", "diff"])
@pytest.mark.parametrize(("name", "document"), NOT_A_SPEC, ids=[n for n, _ in NOT_A_SPEC])
def test_every_command_refuses_other_documents_in_one_line(
    tmp_path: Path, command: str, name: str, document: dict[str, Any]
) -> None:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    args = {
        "validate": ["validate", str(path)],
        "ir": ["ir", str(path)],
        "bundle": ["bundle", str(path), "-o", str(tmp_path / "out.json")],
        "diff": ["diff", str(path), str(path)],
    }[command]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    problems = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    assert result.exit_code == 1, result.stderr
    assert len(set(problems)) == 1 and ": error: " in problems[0], result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.json").exists()


def test_openapi3_is_validated_as_written_when_asked(tmp_path: Path) -> None:
    document = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}
    document["paths"] = {"/x": {"get": {"responses": {"200": {"content": {}}}}}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_spec(path).ok  # validation is opt-in
    found = [d for d in load_spec(path, validate=True).diagnostics if d.severity.value == "error"]
    assert [d.pointer for d in found] == ["/paths/~1x/get/responses/200"]
    assert found[0].message.startswith("invalid OpenAPI 3.0: ")


BROKEN_REF = {"$ref": "#/nowhere"}
HOSTILE_OPENAPI3: list[tuple[str, dict[str, Any]]] = [
    ("response-not-object", {"paths": {"/a": {"get": {"responses": {"200": ["x"]}}}}}),
    ("paths-not-object", {"paths": ["x"]}),
    ("parameters-not-list", {"paths": {"/a": {"get": {"parameters": "x", "responses": {}}}}}),
    ("body-not-object", {"paths": {"/a": {"post": {"requestBody": 3, "responses": {}}}}}),
    ("content-not-object", {"paths": {"/a": {"post": {"requestBody": {"content": 1}}}}}),
    ("servers-junk", {"paths": {}, "servers": [{"url": 5}, "x"]}),
    ("variables-junk", {"paths": {}, "servers": [{"url": "{a}/b", "variables": {"a": 1}}]}),
    ("type-list-junk", {"paths": {}, "components": {"schemas": {"A": {"type": [1, None]}}}}),
    (
        "mapping-junk",
        {
            "paths": {},
            "components": {
                "schemas": {
                    "A": {"discriminator": {"propertyName": "k", "mapping": {"x": 5, "y": "B"}}},
                    "B": {"allOf": [{"$ref": "#/components/schemas/A"}]},
                    "C": {"x-ms-discriminator-value": {"a": 1}, "allOf": [{"$ref": "#/nope"}]},
                }
            },
        },
    ),
    (
        "shared-body-with-broken-ref",
        {
            "components": {
                "requestBodies": {
                    "B": {"x-extra": BROKEN_REF, "content": {"application/json": {"schema": {}}}}
                },
                "headers": {"H": {"x-extra": BROKEN_REF, "schema": BROKEN_REF}},
            },
            "paths": {
                f"/{name}": {
                    "post": {
                        "requestBody": {"$ref": "#/components/requestBodies/B"},
                        "responses": {
                            "200": {
                                "description": "ok",
                                "headers": {"h": {"$ref": "#/components/headers/H"}},
                            }
                        },
                    }
                }
                for name in ("a", "b")
            },
        },
    ),
]


@pytest.mark.parametrize(("name", "parts"), HOSTILE_OPENAPI3, ids=[n for n, _ in HOSTILE_OPENAPI3])
def test_malformed_openapi3_gives_diagnostics_not_tracebacks(
    tmp_path: Path, name: str, parts: dict[str, Any]
) -> None:
    path = tmp_path / f"{name}.json"
    document = {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}} | parts
    path.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ir", str(path)], catch_exceptions=False)
    assert result.exit_code in (0, 1) and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"{path}:/") for line in lines), result.stderr
