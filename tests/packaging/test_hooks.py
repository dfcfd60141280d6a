"""The pre-commit hooks (.pre-commit-hooks.yaml) run: each entry as pre-commit would call it,
through the installed console script, with the exit codes CI relies on."""

from __future__ import annotations

import copy
import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from manifest_kit import SAMPLE_SPEC, one_spec_manifest
from packkit import REPO_ROOT, project_table

HOOKS: list[dict[str, Any]] = yaml.safe_load(
    (REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
)


def hook(hook_id: str) -> dict[str, Any]:
    (found,) = [h for h in HOOKS if h["id"] == hook_id]
    return found


def run_hook(hook_id: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry plus ``args``, run by the console script installed beside this Python."""
    program, *rest = shlex.split(hook(hook_id)["entry"])
    tool = Path(sys.executable).parent / program
    return subprocess.run(
        [str(tool), *rest, *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_hooks_are_complete_and_call_the_installed_script() -> None:
    assert sorted(h["id"] for h in HOOKS) == [
        "azure-swagger-pygen-check",
        "azure-swagger-pygen-diff",
    ]
    scripts = project_table()["scripts"]
    for entry in HOOKS:
        assert {"id", "name", "entry", "language"} <= entry.keys()
        assert entry["language"] == "python" and entry["pass_filenames"] is False
        assert shlex.split(entry["entry"])[0] in scripts


def test_check_hook_passes_on_this_repository() -> None:
    done = run_hook("azure-swagger-pygen-check", cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr


def test_check_hook_fails_when_generated_code_drifts(tmp_path: Path) -> None:
    one_spec_manifest(tmp_path / "specs", SAMPLE_SPEC)
    generate = [str(Path(sys.executable).parent / "azure-swagger-pygen"), "generate"]
    subprocess.run(generate, cwd=tmp_path, capture_output=True, check=True, timeout=300)
    assert run_hook("azure-swagger-pygen-check", cwd=tmp_path).returncode == 0
    readme = tmp_path / "generated" / "sample-client" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    drift = run_hook("azure-swagger-pygen-check", cwd=tmp_path)
    assert drift.returncode == 1
    assert "sample-client/README.md" in drift.stderr


def _spec_file(path: Path, spec: dict[str, Any]) -> str:
    path.write_text(json.dumps(spec), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("breaking", [False, True])
def test_diff_hook_fails_on_a_breaking_change_only(tmp_path: Path, breaking: bool) -> None:
    newer = copy.deepcopy(SAMPLE_SPEC)
    if breaking:  # a new required parameter breaks every existing call
        operation: Any = newer["paths"]
        operation["/widgets/{name}"]["get"]["parameters"].append(
            {"in": "query", "name": "color", "required": True, "type": "string"}
        )
    old = _spec_file(tmp_path / "old.json", SAMPLE_SPEC)
    new = _spec_file(tmp_path / "new.json", newer)
    done = run_hook("azure-swagger-pygen-diff", old, new, cwd=tmp_path)
    assert done.returncode == (1 if breaking else 0), done.stdout + done.stderr
    assert ("color" in done.stdout) == breaking
