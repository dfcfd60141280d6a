"""Diagnostics stay one line each whatever a spec's keys hold, and never drive the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, Severity, one_line

HOSTILE = {
    "newline": "M\nsecond line",
    "carriage return": "M\rover",
    "clear screen": "M\x1b[2J\x1b[H",
    "C1 CSI": "M\x9b31m",
    "bidi override": "M\u202eevil\u202c",
    "line separator": "M\u2028next",
    "NUL and DEL": "M\x00\x7f",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_rendered_diagnostic_is_one_printable_line(text: str) -> None:
    line = Diagnostic(
        "f.json", f"/definitions/{text}", Severity.ERROR, f"bad {text}", text
    ).render()
    assert line.isprintable() and len(line.splitlines()) == 1
    assert line.startswith("f.json:/definitions/M")


def test_escapes_are_readable_and_plain_text_is_unchanged() -> None:
    assert one_line("a\nb\x1b[2J\u202e\ud800") == "a\\x0ab\\x1b[2J\\u202e\\ud800"
    assert one_line("Größe: 価格 😀") == "Größe: 価格 😀"


def test_validate_prints_one_line_per_problem(tmp_path: Path) -> None:
    definitions = {text: {"type": "frob"} for text in HOSTILE.values()}
    spec = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "host": "example.com",
        "paths": {},
        "definitions": definitions,
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"{path}:/definitions/M") for line in lines)
    assert all(line.isprintable() for line in lines)
    # every hostile definition is reported (unknown type), each on its own line
    assert sum("/type: error: unknown type 'frob'" in line for line in lines) == len(HOSTILE)
