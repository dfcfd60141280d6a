"""``check-version``: the distribution's version moves enough for what changed for users."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.record import RECORD_FILE, record_text
from generator.versioning import Bump, Change, bump_problem, required_bump

OPERATION = {
    "produces": ["application/json"],
    "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/T"}}},
}
V1: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Demo", "version": "1"},
    "host": "example.com",
    "paths": {"/a": {"get": {"operationId": "A_Get", **OPERATION}}},
    "definitions": {"T": {"type": "object", "properties": {"x": {"type": "string"}}}},
}
V2 = copy.deepcopy(V1) | {"info": {"title": "Demo", "version": "2"}}
V2["paths"]["/b"] = {"get": {"operationId": "B_Get", **OPERATION}}  # an addition
V3 = copy.deepcopy(V2) | {"info": {"title": "Demo", "version": "3"}}
del V3["paths"]["/a"]  # a removal: code calling a_get breaks


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project of three local API versions (1, 2, 3), the later two added with ``pin``."""
    data = json.dumps(V1).encode()
    copy_path = tmp_path / "specs" / ".cache" / "demo" / "v1.json"
    copy_path.parent.mkdir(parents=True)
    copy_path.write_bytes(data)
    manifest = tmp_path / "specs" / "manifest.yaml"
    manifest.write_text(
        "\n".join(
            [
                "distribution: demo",
                "namespace: demo",
                'version: "1.0.0"',
                "versions:",
                "  - api_version: '1'",
                "    package: v1",
                "    spec: demo/v1.json",
                "    files:",
                "      - path: demo/v1.json",
                f"        sha256: {hashlib.sha256(data).hexdigest()}",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    for number, spec in (("2", V2), ("3", V3)):
        path = tmp_path / "incoming" / number / "spec.json"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(spec), encoding="utf-8")
        assert _invoke("pin", str(path), "--manifest", str(manifest))[0] == 0
    return manifest


def _release(project: Path, version: str, api_versions: list[str]) -> None:
    """Record a previous release in the project's output folder, as ``generate`` does."""
    out = project.parent.parent / "generated"
    out.mkdir(exist_ok=True)
    (out / RECORD_FILE).write_text(record_text("demo", version, api_versions, []), "utf-8")


def _check(project: Path, version: str, *extra: str) -> tuple[int, str]:
    text = project.read_text(encoding="utf-8")
    project.write_text(re.sub(r"(?m)^version: .*$", f'version: "{version}"', text, count=1))
    out = project.parent.parent / "generated"
    return _invoke("check-version", "--manifest", str(project), "--out", str(out), *extra)


def _drop_version(project: Path, api_version: str) -> None:
    import yaml

    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    data["versions"] = [v for v in data["versions"] if v["api_version"] != api_version]
    project.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_a_new_default_version_needs_a_minor_bump(project: Path) -> None:
    _drop_version(project, "3")
    _release(project, "1.0.0", ["1"])
    code, output = _check(project, "1.0.1")
    assert code == 1
    assert "default API version moved 1 -> 2" in output and "at least 1.1.0" in output
    assert _check(project, "1.1.0")[0] == 0


def test_breaking_user_code_needs_a_major_bump_or_a_minor_one_in_0x(project: Path) -> None:
    _release(project, "1.1.0", ["1", "2"])
    code, output = _check(project, "1.2.0")
    assert code == 1
    assert "break user code" in output and "at least 2.0.0" in output
    assert _check(project, "2.0.0")[0] == 0
    _release(project, "0.3.0", ["1", "2"])
    code, output = _check(project, "0.3.5")
    assert code == 1 and "at least 0.4.0" in output
    assert _check(project, "0.4.0")[0] == 0


def test_no_user_visible_change_needs_no_bump_and_no_release_passes(project: Path) -> None:
    code, output = _check(project, "1.0.0")
    assert code == 0 and "no previous release" in output
    _release(project, "1.0.0", ["1", "2", "3"])
    assert _check(project, "1.0.0")[0] == 0


def test_against_a_git_ref_reads_the_committed_record(project: Path) -> None:
    root = project.parent.parent
    _release(project, "1.1.0", ["1", "2"])
    for command in (
        ["init", "-q"],
        ["add", f"generated/{RECORD_FILE}"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "release"],
    ):
        subprocess.run(["git", *command], cwd=root, check=True)
    _release(project, "1.2.0", ["1", "2", "3"])  # what a later generate wrote on disk
    assert _check(project, "1.2.0")[0] == 0
    code, output = _check(project, "1.2.0", "--against", "HEAD")
    assert code == 1 and "at least 2.0.0" in output
    code, output = _check(project, "1.2.0", "--against", "no-such-ref")
    assert code == 2 and "not a commit git knows" in output


@pytest.mark.parametrize(
    ("change", "previous", "version", "needed", "fails"),
    [
        (Change("1", "1", ("0",), 0), "1.4.2", "1.5.0", Bump.MAJOR, True),  # removed version
        (Change("1", "1", ("0",), 0), "1.4.2", "2.0.0", Bump.MAJOR, False),
        (Change("1", "1", (), 0), "1.4.2", "1.4.2", Bump.NONE, False),
        (Change("1", "1", (), 0), "1.4.2", "1.4.1", Bump.NONE, True),  # going backwards
        (Change("1", "2", (), 0), "0.9.9", "0.10.0", Bump.MINOR, False),
    ],
)
def test_bump_rules(change: Change, previous: str, version: str, needed: Bump, fails: bool) -> None:
    assert required_bump(change, previous) is needed
    assert (bump_problem(previous, version, needed) is not None) is fails
