"""Input the loader must bound or repair: special files, odd names, bad text, odd numbers.

Each case gives located one-line diagnostics and a normal exit code, never an internal error,
a hang or unbounded reading.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from loadkit import errors, minimal_spec, warnings_of

import generator.load.remote as remote
from generator.bounded_io import ReadRefused, read_regular_file
from generator.diagnostics import one_line
from generator.load import load_spec
from generator.pipeline import compile_spec

OPERATION = {"operationId": "Things_Get", "responses": {"200": {"description": "ok"}}}


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command line in a child process (a hang fails the test instead of blocking it)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory"])
def test_special_files_are_refused_in_one_line(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "spec.json"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")
    else:
        target.mkdir()
    result = run_cli("ir", str(target))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{target}:/: error: cannot read the file: ")
    assert "not a regular file" in line
    assert result.stdout == ""


def test_size_cap_holds_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 5000)
    assert read_regular_file(path, 5000) == b" " * 5000
    with pytest.raises(ReadRefused, match="larger than the 4999 bytes"):
        read_regular_file(path, 4999)


@pytest.mark.parametrize(
    ("ref", "problem"),
    [
        ("x" * 300 + ".json#/definitions/A", "longer than 255 bytes"),
        ("sub/" + "é" * 130 + ".json", "longer than 255 bytes"),
        ("x\u0000y.json#/definitions/A", "NUL byte"),
        ("x%00y.json#/definitions/A", "NUL byte"),
        ("a/" * 2100 + "x.json", "path is longer than"),
    ],
)
def test_unusable_ref_file_names_are_located_errors(
    write_spec: Callable[..., Path], ref: str, problem: str
) -> None:
    spec = load_spec(write_spec(minimal_spec(definitions={"R": {"$ref": ref}})))
    (error,) = errors(spec)
    assert error.pointer == "/definitions/R"
    assert problem in error.message
    assert spec.raw["definitions"]["R"] == {}


@pytest.mark.parametrize("name", ["y" * 300 + ".json", "y\u0000.json", "y%00.json"])
def test_unusable_example_file_names_are_warnings(
    write_spec: Callable[..., Path], name: str
) -> None:
    operation = {**OPERATION, "x-ms-examples": {"e": {"$ref": name}}}
    spec = load_spec(write_spec(minimal_spec(paths={"/t": {"get": operation}})))
    assert spec.ok
    (warning,) = warnings_of(spec)
    assert warning.pointer == "/paths/~1t/get/x-ms-examples/e"
    assert "is not usable" in warning.message


def test_ref_to_a_fifo_beside_the_spec_is_refused(write_spec: Callable[..., Path]) -> None:
    path = write_spec(minimal_spec(definitions={"R": {"$ref": "pipe.json#/A"}}))
    os.mkfifo(path.parent / "pipe.json")
    spec = load_spec(path)
    assert {d.pointer for d in errors(spec)} == {"", "/definitions/R"}
    assert any("a FIFO, not a regular file" in d.message for d in errors(spec))


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\ud83d"])
def test_lone_surrogates_in_json_are_replaced_with_a_warning(
    write_spec: Callable[..., Path], tmp_path: Path, escape: str
) -> None:
    text = json.dumps(minimal_spec(definitions={"M": {"type": "object"}}))
    text = text.replace('"Test"', f'"T{escape}"').replace('"M"', f'"M{escape}"')
    path = write_spec(text)
    spec = load_spec(path)
    assert spec.ok
    pointers = {one_line(d.pointer) for d in warnings_of(spec)}  # as rendered
    assert pointers == {"/info/title", f"/definitions/M{escape}"}
    assert spec.raw["info"]["title"].endswith("\ufffd")
    out = tmp_path / "ir.json"
    result = run_cli("ir", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["client"]["title"].endswith("\ufffd")


def test_surrogate_pairs_in_json_stay_as_they_are(write_spec: Callable[..., Path]) -> None:
    text = json.dumps(minimal_spec()).replace('"Test"', '"T\\ud83d\\ude00"')
    spec = load_spec(write_spec(text))
    assert spec.diagnostics == ()
    assert spec.raw["info"]["title"] == "T\U0001f600"


@pytest.mark.parametrize("status", ["²", "١٢٣", "20", "2XX", "2000"])
def test_status_codes_must_be_three_ascii_digits(
    write_spec: Callable[..., Path], status: str
) -> None:
    responses = {"200": {"description": "ok"}, status: {"description": "odd"}}
    paths = {"/t": {"get": {"operationId": "T_Get", "responses": responses}}}
    # The builder's own check (the validator, left out here, reports these codes too).
    spec, diagnostics = compile_spec(write_spec(minimal_spec(paths=paths)), validate=False)
    assert spec is not None
    (error,) = [d for d in diagnostics if d.severity.value == "error"]
    assert error.pointer == f"/paths/~1t/get/responses/{status}"
    assert [r.status for r in spec.operations[0].responses] == ["200"]


def test_unicode_digit_pointer_token_is_a_dangling_ref(write_spec: Callable[..., Path]) -> None:
    definitions = {"L": {"type": "string", "enum": ["a"]}, "R": {"$ref": "#/definitions/L/enum/²"}}
    spec, diagnostics = compile_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec is not None
    assert [d.pointer for d in diagnostics if d.severity.value == "error"] == ["/definitions/R"]


def ir_of(path: Path) -> tuple[subprocess.CompletedProcess[str], Any]:
    result = run_cli("ir", str(path))
    return result, json.loads(result.stdout) if result.stdout else None


def test_huge_integer_minimum_is_ignored_with_a_warning(
    write_spec: Callable[..., Path],
) -> None:
    schema = {"type": "integer", "minimum": 10**600, "maximum": 5}
    path = write_spec(
        minimal_spec(definitions={"N": {"type": "object", "properties": {"n": schema}}})
    )
    result, data = ir_of(path)
    assert result.returncode == 0, result.stderr
    assert f"{path}:/definitions/N/properties/n/minimum: warning: " in result.stderr
    (model,) = data["models"]
    constraints = model["properties"][0]["constraints"]
    assert constraints["minimum"] is None and constraints["maximum"] == 5


@pytest.mark.parametrize("literal", ["1e999", "-1e999", "1" + "0" * 400 + ".5"])
def test_json_numbers_beyond_float_are_located_errors(
    write_spec: Callable[..., Path], literal: str
) -> None:
    text = json.dumps(minimal_spec(definitions={"N": {"type": "number", "minimum": 0}}))
    path = write_spec(text.replace('"minimum": 0', f'"minimum": {literal}'))
    result, data = ir_of(path)
    assert result.returncode == 1
    assert f"{path}:/definitions/N/minimum: error: " in result.stderr
    assert "internal error" not in result.stderr
    assert "Infinity" not in result.stdout
    assert data is not None


@pytest.mark.parametrize(
    "scalar", ["9" * 5000, "2024-13-45"], ids=["5000-digit integer", "impossible date"]
)
def test_yaml_scalars_python_refuses_are_located_errors(
    write_spec: Callable[..., Path], scalar: str
) -> None:
    path = write_spec(
        f"swagger: '2.0'\ninfo: {{title: t, version: '1'}}\nx-value: {scalar}\n", "s.yaml"
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    line, summary = result.stderr.splitlines() + result.stdout.splitlines()
    assert line.startswith(f"{path}:/: error: invalid YAML: ")
    assert "not usable" in summary


DRIP_SERVER = textwrap.dedent("""
    import socket, sys, time
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    print(server.getsockname()[1], flush=True)
    while True:
        connection, _ = server.accept()
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Length: 100000\\r\\n\\r\\n")
        try:
            while True:  # one byte every 0.1 s: each read returns well within the timeout
                connection.sendall(b" ")
                time.sleep(0.1)
        except OSError:
            connection.close()
    """)


@pytest.fixture
def drip_server() -> Iterator[str]:
    """A server on 127.0.0.1 that answers every request one byte at a time, forever."""
    process = subprocess.Popen(
        [sys.executable, "-c", DRIP_SERVER], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        yield f"http://127.0.0.1:{port}"
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_network_refs_share_one_deadline(
    write_spec: Callable[..., Path], drip_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote, "DEADLINE_SECONDS", 1.0)
    monkeypatch.setattr(remote, "TIMEOUT_SECONDS", 5.0)
    definitions = {f"R{i}": {"$ref": f"{drip_server}/r{i}.json#/A"} for i in range(3)}
    path = write_spec(minimal_spec(definitions=definitions))
    started = time.monotonic()
    spec = load_spec(path, allow_network=True)
    assert time.monotonic() - started < 4.0
    assert {d.pointer for d in errors(spec) if d.file == str(path)} == {
        f"/definitions/{name}" for name in definitions
    }
    downloads = [d for d in errors(spec) if d.file != str(path)]
    assert len(downloads) == 3 and all("timed out" in d.message for d in downloads)


def test_a_ref_object_shared_by_merged_enums_is_replaced_once(
    write_spec: Callable[..., Path],
) -> None:
    """Found by the fuzzer: enum merging shares x-ms-enum entries between places."""
    broken = {"value": {"$ref": "#/nowhere"}}
    definitions = {
        "A": {"type": "string", "enum": ["a"], "x-ms-enum": {"name": "P", "values": [broken]}},
        "B": {"type": "string", "enum": ["b"], "x-ms-enum": {"name": "P", "values": []}},
    }
    spec, diagnostics = compile_spec(write_spec(minimal_spec(definitions=definitions)))
    assert spec is not None
    assert any(d.severity.value == "error" and "#/nowhere" in d.message for d in diagnostics)
