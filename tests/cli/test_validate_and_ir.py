"""The ``validate`` and ``ir`` commands: output, exit codes, bad input, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

REAL = (
    "azure/2023-06-01-preview/azureopenai.json",
    "azure/2023-10-01-preview/azureopenai.json",
    "azure/2025-02-01-preview/azureopenai.json",
)
SMALL = {
    "swagger": "2.0",
    "info": {"title": "Small", "version": "1"},
    "host": "example.com",
    "paths": {
        "/things": {
            "get": {
                "operationId": "Things_List",
                "produces": ["application/json"],
                "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/T"}}},
            }
        }
    },
    "definitions": {"T": {"type": "object", "properties": {"a": {"type": "string"}}}},
}


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_validate_real_spec_is_usable(synced_specs: Path) -> None:
    code, out, err = run("validate", str(synced_specs / REAL[2]))
    assert code == 0
    lines = err.splitlines()
    assert out == f"1 spec checked: 0 error(s), {len(lines)} warning(s); usable\n"
    assert lines and all(": warning: " in line for line in lines)
    assert any("x-ms-discriminator-value" in line for line in lines)  # a builder finding
    assert all(line.startswith(str(synced_specs / REAL[2]) + ":/") for line in lines)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '{"swagger": "2.0", "info": ', ""),
        ("broken.yaml", "swagger: '2.0'\ninfo: [unclosed\n", ""),
        ("list.json", "[1, 2]", "not an object"),
    ],
)
def test_validate_unreadable_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = write(tmp_path, name, content)
    code, out, err = run("validate", str(path))
    assert code == 1
    assert "not usable" in out and "Traceback" not in err
    assert err.startswith(f"{path}:") and ": error: " in err and message in err


def test_dangling_ref_is_an_error_with_a_pointer(tmp_path: Path) -> None:
    data = json.loads(json.dumps(SMALL))
    data["definitions"]["T"]["properties"]["b"] = {"$ref": "#/definitions/Missing"}
    path = write(tmp_path, "dangling.json", data)
    code, _, err = run("validate", str(path))
    assert code == 1
    assert f"{path}:/definitions/T/properties/b" in err and "Traceback" not in err
    code, out, err = run("ir", str(path))
    assert code == 1  # the IR is still printed, best effort, with the diagnostics
    ir = json.loads(out)
    (model,) = ir["models"]
    assert [p["wire_name"] for p in model["properties"]] == ["a", "b"]


def test_hostile_refs_and_nesting(tmp_path: Path) -> None:
    data = json.loads(json.dumps(SMALL))
    data["definitions"]["T"]["properties"]["p"] = {"$ref": "../../etc/passwd#/x"}
    data["definitions"]["T"]["properties"]["u"] = {"$ref": "http://example.com/x.json#/y"}
    path = write(tmp_path, "hostile.json", data)
    code, _, err = run("validate", str(path))
    assert code == 1 and "Traceback" not in err
    assert "/definitions/T/properties/p" in err and "/definitions/T/properties/u" in err
    code, _, err = run("ir", str(path))
    assert code == 1 and "Traceback" not in err


@pytest.mark.parametrize(("depth", "code"), [(100, 0), (10_000, 1)])
def test_deep_nesting(tmp_path: Path, depth: int, code: int) -> None:
    data = json.loads(json.dumps(SMALL))
    data["definitions"]["Deep"] = "DEEP"
    deep = '{"type": "array", "items": ' * depth + '{"type": "string"}' + "}" * depth
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data).replace('"DEEP"', deep), encoding="utf-8")
    result, out, err = run("ir", str(path))
    assert result == code and "Traceback" not in err
    if code == 0:
        (alias,) = json.loads(out)["aliases"]
        assert alias["key"] == "Deep" and alias["type"]["kind"] == "array"
    else:
        assert "deeper" in err


def test_ir_prints_stable_json(tmp_path: Path) -> None:
    path = write(tmp_path, "small.json", SMALL)
    code, out, err = run("ir", str(path))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert out == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (group,) = data["groups"]
    (op,) = group["operations"]
    assert (group["py_name"], op["py_name"], op["responses"][0]["body"]["kind"]) == (
        "things",
        "list",
        "model",
    )
    assert data["client"]["host"]["parameters"][0]["default"] == {"value": "https://example.com"}


def test_ir_of_several_specs_is_keyed_by_path_and_can_go_to_a_file(tmp_path: Path) -> None:
    first = write(tmp_path, "a.json", SMALL)
    second = write(tmp_path, "b.json", "{not json")
    out_file = tmp_path / "out" / "ir.json"
    out_file.parent.mkdir()
    code, out, err = run("ir", str(first), str(second), "-o", str(out_file))
    assert code == 1 and out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert sorted(data) == [str(first), str(second)]
    assert data[str(second)] is None and data[str(first)]["client"]["title"] == "Small"
    assert err.startswith(f"{second}:")
    assert [p.name for p in out_file.parent.iterdir()] == ["ir.json"]  # no temporary left


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run("validate")[0] == 2
    assert run("ir", str(tmp_path / "missing.json"))[0] == 2
    assert run("ir", "--no-such-option", str(write(tmp_path, "s.json", SMALL)))[0] == 2


def test_ir_output_is_identical_across_runs_and_hash_seeds(synced_specs: Path) -> None:
    paths = [str(synced_specs / relative) for relative in REAL]
    outputs = []
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "generator", "ir", *paths],
            capture_output=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert sorted(json.loads(outputs[0])) == sorted(paths)


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["swagger: '2.0'", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    code, out, err = run("validate", str(path))
    assert code == 1 and "not usable" in out
    assert err.startswith(f"{path}:") and "Traceback" not in err


def test_openapi_3_is_read_and_says_so(tmp_path: Path) -> None:
    document = {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    path = write(tmp_path, "v3.json", document)
    code, out, err = run("ir", str(path))
    assert code == 0 and json.loads(out)["source_format"] == "OpenAPI 3.0.0", err


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, "small.json", SMALL)
    code, out, err = run("ir", str(path), "-o", str(tmp_path / "missing" / "ir.json"))
    assert code == 2 and out == "" and "cannot write" in err and "Traceback" not in err
