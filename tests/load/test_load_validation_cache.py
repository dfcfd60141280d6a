"""Validation findings are cached by content: a second read neither runs nor imports the
validator, a copy of the spec elsewhere shares the entry, and a change of any byte misses."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import generator.load.validate as validate_module
from generator.pipeline import compile_spec

ODD = {
    "swagger": "2.0",
    "info": {"title": "t", "version": "1"},
    "paths": {},
    "definitions": {"Odd": {"type": "object", "nullable": True}},
}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """A fresh cache folder, and the labels the validator was run for."""
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))
    calls: list[str] = []
    real: Callable[..., Any] = validate_module.validate_document

    def spy(document: Any, label: str, base_uri: str) -> Any:
        calls.append(label)
        return real(document, label, base_uri)

    monkeypatch.setattr(validate_module, "validate_document", spy)
    return calls


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    _, diagnostics = compile_spec(path)
    return [d.render() for d in diagnostics if d.severity.value == "error"]


def test_second_read_uses_the_cached_findings(counted: list[str], tmp_path: Path) -> None:
    spec = _write(tmp_path / "a" / "spec.json", ODD)
    first = _errors(spec)
    assert first and "/definitions/Odd" in first[0]
    assert _errors(spec) == first
    assert counted == [str(spec)]


def test_a_copy_elsewhere_shares_the_entry_under_its_own_name(
    counted: list[str], tmp_path: Path
) -> None:
    spec = _write(tmp_path / "a" / "spec.json", ODD)
    copy = tmp_path / "b" / "copy.json"
    copy.parent.mkdir()
    shutil.copy(spec, copy)
    _errors(spec)
    assert all(line.startswith(f"{copy}:") for line in _errors(copy))
    assert counted == [str(spec)]


def test_a_changed_byte_or_a_changed_referenced_file_misses(
    counted: list[str], tmp_path: Path
) -> None:
    main = dict(ODD, definitions={"Odd": {"$ref": "other.json#/definitions/Part"}})
    spec = _write(tmp_path / "spec.json", main)
    other = _write(tmp_path / "other.json", {"definitions": {"Part": {"type": "object"}}})
    assert _errors(spec) == []
    assert _errors(spec) == []
    assert len(counted) == 1
    other.write_text(json.dumps({"definitions": {"Part": {"type": "string"}}}))
    assert _errors(spec) == []
    assert len(counted) == 2  # the referenced file changed: validated again
    spec.write_text(spec.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _errors(spec) == []
    assert len(counted) == 3  # one more byte in the main file: validated again


def test_an_array_of_files_in_form_data_is_a_warning(tmp_path: Path) -> None:
    upload = {
        "operationId": "Files_Upload",
        "consumes": ["multipart/form-data"],
        "parameters": [
            {"name": "files", "in": "formData", "type": "array", "items": {"type": "file"}}
        ],
        "responses": {"200": {"description": "ok"}},
    }
    spec = _write(tmp_path / "spec.json", dict(ODD, definitions={}, paths={"/u": {"post": upload}}))
    _, diagnostics = compile_spec(spec)
    assert not [d for d in diagnostics if d.severity.value == "error"]
    assert any(
        d.severity.value == "warning" and d.pointer == "/paths/~1u/post/parameters/0"
        for d in diagnostics
    )
