"""One verdict per spec: every command that reads a spec gives it the same exit code.

0 usable, 1 the input has errors; nothing is written for a spec that is not usable, and a
document that is not Swagger 2.0 at all is refused in one line.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from test_validate_and_ir import SMALL

from generator.cli import cli

GOOD = SMALL  # a usable spec: one operation, one model
SPECS = {
    "usable": (json.dumps(GOOD), 0),
    "syntax-error": ('{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {', 1),
    "no-paths": (json.dumps({k: v for k, v in GOOD.items() if k != "paths"}), 1),
    "not-swagger": ('{"hello": "world"}', 1),
    # Only openapi-spec-validator objects to this one (an OpenAPI 3 keyword in a Swagger 2.0
    # schema); every command runs it, so none builds from what `validate` calls not usable.
    "validator-only-error": (
        json.dumps({**GOOD, "definitions": {"Odd": {"type": "object", "nullable": True}}}),
        1,
    ),
}
COMMANDS = ("validate", "ir", "bundle", "generate", "diff")


def _project(root: Path, name: str, text: str) -> Path:
    """A manifest whose one version is the spec ``text``, already in the local copy."""
    data = text.encode("utf-8")
    sha256 = hashlib.sha256(data).hexdigest()
    copy = root / "specs" / ".cache" / "demo" / f"{name}.json"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(data)
    manifest = {
        "distribution": "demo-client",
        "namespace": "demo_client",
        "versions": [
            {
                "api_version": "2024-01-01",
                "package": "v2024_01_01",
                "spec": f"demo/{name}.json",
                "files": [{"path": f"demo/{name}.json", "sha256": sha256}],
            }
        ],
    }
    path = root / "specs" / "manifest.yaml"
    path.write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return path


def _arguments(command: str, spec: Path, root: Path, name: str, text: str) -> list[str]:
    if command == "bundle":
        return ["bundle", str(spec), "-o", str(root / "out" / "bundle.json")]
    if command == "generate":
        manifest = _project(root / "project", name, text)
        return ["generate", "--manifest", str(manifest), "--out", str(root / "out" / "generated")]
    if command == "diff":
        base = root / "base.json"
        base.write_text(json.dumps(GOOD), encoding="utf-8")
        return ["diff", str(base), str(spec), "--out", str(root / "out" / "report")]
    return [command, str(spec)]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", list(SPECS))
def test_every_command_gives_a_spec_the_same_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str
) -> None:
    monkeypatch.delenv("AZPYGEN_SPECS_MIRROR", raising=False)
    text, verdict = SPECS[name]
    spec = tmp_path / f"{name}.json"
    spec.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, _arguments(command, spec, tmp_path, name, text))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == verdict, result.stderr
    if verdict:
        assert not (tmp_path / "out").exists()  # nothing written for a spec with errors
        assert "Traceback" not in result.stderr
    else:
        assert command in ("validate", "ir") or (tmp_path / "out").is_dir()


def test_diff_refuses_a_document_that_is_not_swagger_in_one_line(tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    base.write_text(json.dumps(GOOD), encoding="utf-8")
    hello = tmp_path / "hello.json"
    hello.write_text('{"hello": "world"}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(base), str(hello), "--fail-on", "breaking"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{hello}:/: error: ")
