"""Spec and manifest text that tries to break out of its place in a generated file runs nothing.

Each payload closes the string, docstring or comment it lands in and calls ``open`` to create a
marker file; the generated package must import cleanly and the marker must not appear.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_kit import MARKER, RUN, Version, import_all, readme_opens, write_manifest

from generator.commands.generate import render_all, run_generate
from generator.render.templates import ESCAPE_FILTERS, environment
from generator.write import read_tree, write_tree

if sys.version_info >= (3, 11):
    import tomllib
else:  # black brings tomli on 3.10
    import tomli as tomllib

BREAKOUTS = {
    "docstring": f'x"""; {RUN}; """',
    "single docstring": f"x'''; {RUN}; '''",
    "string": f'x"); {RUN}; ("',
    "line": f"x\n{RUN}\n#",
    "backslash": "x\\",
}


def _spec(version: str, path_name: str) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Hostile", "version": version},
        "host": "example.com",
        "paths": {
            f"/files/{{{path_name}}}/content": {
                "get": {
                    "operationId": "Files_GetContent",
                    "produces": ["application/octet-stream"],
                    "parameters": [
                        {"in": "path", "name": path_name, "required": True, "type": "string"}
                    ],
                    "responses": {"200": {"description": "ok", "schema": {"type": "file"}}},
                }
            }
        },
    }


@pytest.fixture(scope="module", params=sorted(BREAKOUTS))
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output of ``generate`` for two versions whose version, file and names are hostile."""
    payload = BREAKOUTS[request.param]
    root = tmp_path_factory.mktemp("injection")
    name = payload.replace("\n", " ").replace("\\", "/")  # the manifest refuses backslashes
    older = Version("v1", f"old/{name}.json", _spec(payload, payload))
    newer = Version("v2", "new/spec.json", _spec(f"2.0{payload}", f"id{payload}"))
    manifest = write_manifest(root / "specs", [older, newer])
    # The validator refuses some of these specs (a newline in a path parameter's name); the
    # escaping must hold without it, so it is left out here.
    files = render_all(manifest, mirror=root / "no-mirror", validate=False)
    write_tree(root / "out", files)
    return root / "out"


def test_every_module_imports_and_no_payload_runs(generated: Path, tmp_path: Path) -> None:
    result = import_all(generated / "hostile-dist", tmp_path / "work")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported"
    assert not (tmp_path / "work" / MARKER).exists()


def test_readme_examples_parse_and_call_nothing_but_the_client(generated: Path) -> None:
    readme = (generated / "hostile-dist" / "README.md").read_text(encoding="utf-8")
    assert "get_content(" in readme
    assert set(readme_opens(readme)) <= {"content.bin"}


def test_pyproject_is_valid_toml_with_the_distribution_name(generated: Path) -> None:
    text = (generated / "hostile-dist" / "pyproject.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["project"]["name"] == "hostile-dist"


def test_code_that_does_not_compile_is_one_located_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # An escaping bug, simulated: the docstring filter passes text through unchanged.
    monkeypatch.setitem(ESCAPE_FILTERS, "docstring", lambda text: text)
    environment.cache_clear()
    try:
        spec = _spec(BREAKOUTS["string"] + '"""', "id")
        manifest = write_manifest(tmp_path / "specs", [Version("v1", "a/spec.json", spec)])
        out = tmp_path / "generated"
        write_tree(out, {"previous.py": "kept\n"})
        assert run_generate(manifest, out, check=False, mirror=tmp_path / "no-mirror") == 2
    finally:
        environment.cache_clear()
    assert read_tree(out) == {"previous.py": b"kept\n"}
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.fullmatch(
        r"generate: hostile-dist/hostile_pkg/\S+\.py:\d+: generated code does not compile: "
        r"[^\n]+; nothing was written",
        last,
    )
