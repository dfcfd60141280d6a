"""`bundle`: a self-contained, tool-friendly copy of a spec (no examples, no external refs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from spec_copy import API_VERSIONS, SPEC_COPY, azure_spec_path

from generator.bundle import fold_base_path, one_of_replacement
from generator.cli import cli
from generator.commands.bundle import run_bundle

REPO_ROOT = Path(__file__).resolve().parents[2]
SPECS = SPEC_COPY / "azure"
SWAGGER_VERSIONS = tuple(v for v in API_VERSIONS if azure_spec_path(v).is_relative_to(SPECS))
OPENAPI3_VERSIONS = tuple(v for v in API_VERSIONS if v not in SWAGGER_VERSIONS)


def _walk(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every (pointer, node) of a JSON document."""
    found = [(path, value)]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_walk(child, f"{path}/{key}"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_walk(child, f"{path}/{index}"))
    return found


def _refs(document: Any) -> list[str]:
    return [n["$ref"] for _, n in _walk(document) if isinstance(n, dict) and "$ref" in n]


def _bundle(spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = tmp_path / "out" / "bundle.json"
    code = run_bundle(spec, out)
    return code, capsys.readouterr().err


def _spec(tmp_path: Path, extra: dict[str, Any] | None = None, name: str = "spec.json") -> Path:
    document: dict[str, Any] = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "x-ms-parameterized-host": {
            "hostTemplate": "{endpoint}/api",
            "useSchemePrefix": False,
            "parameters": [{"$ref": "#/parameters/endpoint"}],
        },
        "parameters": {
            "endpoint": {"in": "path", "name": "endpoint", "required": True, "type": "string"}
        },
        "paths": {
            "/things": {
                "get": {
                    "operationId": "Things_List",
                    "responses": {"200": {"description": "ok", "schema": {"type": "string"}}},
                    "x-ms-examples": {"list": {"$ref": "./examples/missing.json"}},
                }
            }
        },
        "definitions": {},
    }
    document.update(extra or {})
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("version", SWAGGER_VERSIONS)
def test_real_spec_bundles_into_a_self_contained_document(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = json.loads((SPECS / version / "azureopenai.json").read_text(encoding="utf-8"))
    out = tmp_path / "bundle.json"
    assert run_bundle(SPECS / version / "azureopenai.json", out) == 0
    assert "error" not in capsys.readouterr().err
    bundled = json.loads(out.read_text(encoding="utf-8"))

    assert bundled["basePath"] == "/openai"
    assert "host" not in bundled
    assert "x-ms-parameterized-host" not in bundled
    assert bundled["security"] == source["security"]
    assert bundled["securityDefinitions"] == source["securityDefinitions"]
    assert sorted(bundled["paths"]) == sorted(source["paths"])
    keys = {key for _, node in _walk(bundled) if isinstance(node, dict) for key in node}
    assert "x-ms-examples" not in keys
    assert "x-one-of" not in keys
    for ref in _refs(bundled):  # only internal references remain, and each one resolves
        assert ref.startswith("#/definitions/") or ref.startswith("#/parameters/"), ref
        section, name = ref[2:].split("/", 1)
        assert name in bundled[section], ref
    formats = {n.get("format") for _, n in _walk(bundled) if isinstance(n, dict)}
    assert "url" not in formats
    assert "uri" in formats  # operation-location / Location headers


@pytest.mark.parametrize("version", OPENAPI3_VERSIONS)
def test_openapi3_spec_bundles_into_its_swagger_form(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = azure_spec_path(version)
    source = json.loads(spec.read_text(encoding="utf-8"))
    out = tmp_path / "bundle.json"
    assert run_bundle(spec, out, paths_with_base=True) == 0
    err = capsys.readouterr().err
    assert "error" not in err and f"{spec}:/components/schemas/" in err  # located warnings
    bundled = json.loads(out.read_text(encoding="utf-8"))
    assert bundled["swagger"] == "2.0" and "host" not in bundled
    assert sorted(bundled["paths"]) == sorted("/openai" + path for path in source["paths"])
    assert bundled["security"] == source["security"]
    assert sorted(bundled["securityDefinitions"]) == sorted(source["components"]["securitySchemes"])
    keys = {key for _, node in _walk(bundled) if isinstance(node, dict) for key in node}
    assert not keys & {"x-ms-examples", "x-one-of", "requestBody", "components", "servers"}
    for ref in _refs(bundled):
        section, name = ref[2:].split("/", 1)
        assert ref.startswith("#/") and name in bundled[section], ref


def test_yaml_and_json_copies_bundle_alike(tmp_path: Path) -> None:
    """The 2025-02 YAML and JSON bundle identically, apart from the one documented difference
    (the batch enqueued-token headers sit on GET /batches 200 in the YAML, POST 201 in JSON)."""
    bundles = []
    for name in ("azureopenai.yaml", "azureopenai.json"):
        out = tmp_path / f"{name}.bundle.json"
        assert run_bundle(SPECS / "2025-02-01-preview" / name, out) == 0
        bundles.append(json.loads(out.read_text(encoding="utf-8")))
    from_yaml, from_json = bundles
    batches_yaml, batches_json = from_yaml["paths"]["/batches"], from_json["paths"]["/batches"]
    moved = batches_yaml["get"]["responses"]["200"].pop("headers")
    assert moved == batches_json["post"]["responses"]["201"].pop("headers")
    assert sorted(moved) == ["deployment-enqueued-tokens", "deployment-maximum-enqueued-tokens"]
    assert from_yaml == from_json


def test_enum_of_refs_becomes_the_common_discriminated_parent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bundle.json"
    assert run_bundle(SPECS / "2025-02-01-preview" / "azureopenai.json", out) == 0
    err = capsys.readouterr().err
    definitions = json.loads(out.read_text(encoding="utf-8"))["definitions"]
    job_method = definitions["FineTuningJob"]["properties"]["method"]
    create_method = definitions["FineTuningJobCreation"]["properties"]["method"]
    assert job_method["$ref"] == "#/definitions/FineTuneMethod"
    assert create_method["$ref"] == "#/definitions/FineTuneMethodRequest"
    assert "enum" not in job_method and "enum" not in create_method
    assert job_method["description"].startswith("A configuration for finetuning method")
    assert "/definitions/FineTuningJob/properties/method: warning:" in err


def test_one_of_replacement_rules() -> None:
    definitions = {
        "Base": {"type": "object", "discriminator": "kind"},
        "A": {"type": "object", "allOf": [{"$ref": "#/definitions/Base"}]},
        "B": {"allOf": [{"$ref": "#/definitions/Base"}], "properties": {"x": {}}},
        "C": {"type": "object", "properties": {"y": {}}},
        "S": {"type": "string"},
    }
    union = {"title": "U", "description": "d"}
    assert one_of_replacement(
        {**union, "x-one-of": [{"$ref": "#/definitions/A"}, {"$ref": "#/definitions/B"}]},
        definitions,
    ) == {"$ref": "#/definitions/Base", **union}
    assert one_of_replacement(
        {**union, "x-one-of": [{"$ref": "#/definitions/A"}, {"$ref": "#/definitions/C"}]},
        definitions,
    ) == {"type": "object", **union}
    assert (
        one_of_replacement(
            {"x-one-of": [{"$ref": "#/definitions/C"}, {"$ref": "#/definitions/S"}]}, definitions
        )
        == {}
    )


def test_external_refs_are_inlined_and_examples_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "types.yaml").write_text(
        "definitions:\n"
        "  Error:\n"
        "    type: object\n"
        "    properties:\n"
        "      code: {type: string}\n"
        "      inner: {$ref: '#/definitions/Inner'}\n"
        "  Inner:\n"
        "    type: object\n"
        "    properties:\n"
        "      url: {type: string, format: url}\n",
        encoding="utf-8",
    )
    spec = _spec(
        tmp_path,
        {
            "definitions": {
                "Thing": {
                    "type": "object",
                    "properties": {
                        "error": {"$ref": "common/types.yaml#/definitions/Error"},
                        "other": {"$ref": "#/definitions/Other"},
                    },
                },
                "Other": {"type": "string"},
            }
        },
    )
    out = tmp_path / "bundle.json"
    assert run_bundle(spec, out) == 0, capsys.readouterr().err
    bundled = json.loads(out.read_text(encoding="utf-8"))
    error = bundled["definitions"]["Thing"]["properties"]["error"]
    assert error["properties"]["code"] == {"type": "string"}
    assert error["properties"]["inner"]["properties"]["url"] == {"type": "string", "format": "uri"}
    assert bundled["definitions"]["Thing"]["properties"]["other"] == {"$ref": "#/definitions/Other"}
    assert "x-ms-examples" not in bundled["paths"]["/things"]["get"]
    assert bundled["basePath"] == "/api"
    assert "endpoint" not in bundled["parameters"]  # used only by the host template


@pytest.mark.parametrize(
    ("template", "base_path", "expected"),
    [
        ("{endpoint}/openai", None, {"basePath": "/openai"}),
        ("{endpoint}", "/v1", {"basePath": "/v1"}),
        ("{endpoint}/openai", "/v1/", {"basePath": "/openai/v1"}),
        (
            "https://example.com/api",
            None,
            {"basePath": "/api", "host": "example.com", "schemes": ["https"]},
        ),
    ],
)
def test_host_template_becomes_base_path(
    template: str,
    base_path: str | None,
    expected: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    extra: dict[str, Any] = {
        "host": "placeholder.invalid",
        "x-ms-parameterized-host": {"hostTemplate": template, "parameters": []},
    }
    if base_path is not None:
        extra["basePath"] = base_path
    out = tmp_path / "bundle.json"
    assert run_bundle(_spec(tmp_path, extra), out) == 0, capsys.readouterr().err
    bundled = json.loads(out.read_text(encoding="utf-8"))
    assert {k: bundled.get(k) for k in expected} == expected
    if "host" not in expected:
        assert "host" not in bundled


def test_fold_base_path_prefixes_every_path() -> None:
    folded = fold_base_path({"basePath": "/openai/", "paths": {"/files": {}, "/models": {}}})
    assert folded == {"basePath": "/", "paths": {"/openai/files": {}, "/openai/models": {}}}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"openapi": "2.5", "paths": {}}), "not 3.x"),
        (
            json.dumps(
                {"swagger": "2.0", "paths": {}, "definitions": {"A": {"$ref": "../../etc/passwd"}}}
            ),
            "",
        ),
        (
            json.dumps(
                {"swagger": "2.0", "definitions": {"A": {"$ref": "http://example.com/x.json"}}}
            ),
            "",
        ),
        (json.dumps({"swagger": "2.0", "definitions": {"A": {"$ref": "missing.json"}}}), ""),
        (
            '{"swagger": "2.0", "definitions": {"A": '
            + '{"items": ' * 10_000
            + "{}"
            + "}" * 10_002,
            "nesting",
        ),
    ],
    ids=["invalid-json", "openapi-2.5", "outside-folder", "url", "missing-file", "deep-nesting"],
)
def test_bad_input_gives_one_line_diagnostics_and_no_output(
    content: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "spec" / "bad.json"
    spec.parent.mkdir()
    spec.write_text(content, encoding="utf-8")
    out = tmp_path / "bundle.json"
    out.write_text("previous\n", encoding="utf-8")
    assert run_bundle(spec, out) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert lines, err
    assert all(line.startswith(str(spec)) for line in lines), err
    assert message in err
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.json", "spec"]


def test_alias_bomb_in_a_referenced_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spec = _spec(tmp_path, {"definitions": {"A": {"$ref": "bomb.yaml#/a11"}}})
    out = tmp_path / "bundle.json"
    assert run_bundle(spec, out) == 1
    err = capsys.readouterr().err
    assert ": error: " in err and "Traceback" not in err
    assert not out.exists()


def test_unwritable_output_is_a_diagnostic_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "taken"
    out.mkdir()  # a folder where the file should go
    (out / "keep.txt").write_text("kept\n", encoding="utf-8")
    assert run_bundle(SPECS / "2023-06-01-preview" / "azureopenai.json", out) == 1
    err = capsys.readouterr().err
    assert f"{out}:/: error: cannot write the bundle" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no temporary file left
    assert (out / "keep.txt").read_text(encoding="utf-8") == "kept\n"


def test_output_is_deterministic_across_processes(tmp_path: Path) -> None:
    spec = SPECS / "2025-02-01-preview" / "azureopenai.json"
    outputs = []
    for seed in ("0", "12345"):
        out = tmp_path / f"bundle-{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "generator", "bundle", str(spec), "-o", str(out)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO_ROOT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].endswith(b"}\n")
    assert b"\r\n" not in outputs[0]


def test_cli_bundle_command(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    spec = SPECS / "2023-06-01-preview" / "azureopenai.json"
    result = CliRunner().invoke(cli, ["bundle", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    bundled = json.loads(out.read_text(encoding="utf-8"))
    assert bundled["info"]["version"] == "2023-06-01-preview"
    assert "/files" in bundled["paths"]
    result = CliRunner().invoke(cli, ["bundle", str(spec), "-o", str(out), "--paths-with-base"])
    assert result.exit_code == 0, result.output
    folded = json.loads(out.read_text(encoding="utf-8"))
    assert folded["basePath"] == "/"
    assert sorted(folded["paths"]) == sorted("/openai" + p for p in bundled["paths"])
