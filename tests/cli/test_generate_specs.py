"""``generate SPEC... --out DIR``: a package from spec files at hand, no manifest."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from generator.cli import cli

REPO = Path(__file__).resolve().parents[2]


def _spec(version: str, title: str = "Contoso Widget Service") -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": title, "version": version},
        "host": "widgets.example.com",
        "schemes": ["https"],
        "paths": {
            "/widgets": {
                "get": {
                    "operationId": "Widgets_Get",
                    "produces": ["application/json"],
                    "responses": {"200": {"description": "OK", "schema": {"type": "string"}}},
                }
            }
        },
    }


def _write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_names_come_from_the_title(tmp_path: Path) -> None:
    spec = _write(tmp_path, "widgets.json", _spec("2024-01-01"))
    code, _ = _run("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 0
    package = tmp_path / "out" / "contoso-widget-service" / "contoso_widget_service"
    client = (package / "v2024_01_01" / "_client.py").read_text(encoding="utf-8")
    assert "class ContosoWidgetServiceClient:" in client
    assert "credential" not in client.split("def __init__", 1)[1].split(")", 1)[0]
    probe = "from contoso_widget_service import ContosoWidgetServiceClient as C; print(C.__name__)"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=package.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "ContosoWidgetServiceClient", done.stderr


def test_names_given_on_the_command_line(tmp_path: Path) -> None:
    old = _write(tmp_path, "old.json", _spec("2024-01-01"))
    new = _write(tmp_path, "new.json", _spec("2024-06-01"))
    code, _ = _run(
        "generate",
        str(new),
        str(old),
        "--out",
        str(tmp_path / "out"),
        "--package-name",
        "widgets",
        "--namespace",
        "widgets_client",
        "--client-name",
        "WidgetClient",
    )
    assert code == 0
    root = tmp_path / "out" / "widgets" / "widgets_client"
    assert (root / "v2024_01_01" / "_client.py").is_file()
    init = (root / "__init__.py").read_text(encoding="utf-8")
    assert '_NEWEST = "v2024_06_01"' in init
    assert "class WidgetClient:" in (root / "v2024_06_01" / "_client.py").read_text("utf-8")
    assert (tmp_path / "out" / "changes").is_dir()  # several versions: the change report too


def test_bad_names_and_usage_exit_2(tmp_path: Path) -> None:
    spec = _write(tmp_path, "widgets.json", _spec("1"))
    out = str(tmp_path / "out")
    assert _run("generate", str(spec), "--out", out, "--namespace", "Not-Valid")[0] == 2
    assert _run("generate", str(spec), "--out", out, "--client-name", "class")[0] == 2
    assert _run("generate", str(spec))[0] == 2  # --out is required with specs
    assert _run("generate", str(spec), str(spec), "--out", out)[0] == 2  # same version twice
    assert not (tmp_path / "out").exists()


def test_spec_errors_exit_1(tmp_path: Path) -> None:
    data = _spec("1")
    data["paths"]["/widgets/{id}"] = {"get": {"operationId": "W_G", "responses": {}}}
    spec = _write(tmp_path, "bad.json", data)
    assert _run("generate", str(spec), "--out", str(tmp_path / "out"))[0] == 1


def test_no_service_name_in_templates_or_renderer() -> None:
    pattern = re.compile("openai|authoring", re.IGNORECASE)
    places = [*(REPO / "templates").rglob("*"), *(REPO / "generator" / "render").rglob("*.py")]
    hits = [
        str(path)
        for path in places
        if path.is_file() and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert hits == []


def test_type_check_gate_passes_a_clean_package(tmp_path: Path) -> None:
    spec = _write(tmp_path, "widgets.json", _spec("2024-01-01"))
    code, _ = _run("generate", str(spec), "--out", str(tmp_path / "out"), "--type-check")
    assert code == 0
    assert (tmp_path / "out" / "contoso-widget-service").is_dir()


def test_type_check_gate_reports_problems(tmp_path: Path) -> None:
    from generator.commands.type_check import type_check

    files = {
        "dist/pkg/__init__.py": "x: int = 'not an int'\n",
        "dist/pkg/py.typed": "",
    }
    problems = type_check(files)
    assert len(problems) == 1 and "pkg/__init__.py:1" in problems[0]


def test_required_nullable_property_is_sent_as_null(tmp_path: Path) -> None:
    data = _spec("1")
    data["definitions"] = {
        "Thing": {
            "type": "object",
            "required": ["name", "note"],
            "properties": {
                "name": {"type": "string"},
                "note": {"type": "string", "x-nullable": True},
                "extra": {"type": "string"},
            },
        }
    }
    spec = _write(tmp_path, "things.json", data)
    assert _run("generate", str(spec), "--out", str(tmp_path / "out"))[0] == 0
    probe = (
        "from contoso_widget_service import models\n"
        "from contoso_widget_service._runtime import serialize\n"
        "print(serialize(models.Thing(name='a', note=None)))\n"
        "print(serialize(models.Thing(name='a', note='x', extra=None)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path / "out" / "contoso-widget-service",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.splitlines() == [
        "{'name': 'a', 'note': None}",  # required and nullable: null is sent
        "{'name': 'a', 'note': 'x'}",  # optional and not set: left out
    ], done.stderr


def test_text_body_takes_a_string(tmp_path: Path) -> None:
    data = _spec("1")
    data["paths"]["/notes"] = {
        "put": {
            "operationId": "Notes_Put",
            "consumes": ["text/plain"],
            "parameters": [
                {"name": "note", "in": "body", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"204": {"description": "ok"}},
        }
    }
    spec = _write(tmp_path, "notes.json", data)
    code, _ = _run("generate", str(spec), "--out", str(tmp_path / "out"), "--type-check")
    assert code == 0
    package = tmp_path / "out" / "contoso-widget-service" / "contoso_widget_service"
    operations = (package / "v1" / "_operations.py").read_text(encoding="utf-8")
    assert "note: str | os.PathLike[str] | bytes | IO[bytes]" in operations
    assert "content=_rt.binary_body(note, text=True)" in operations  # a str is the text
    assert '"Content-Type": "text/plain"' in operations
