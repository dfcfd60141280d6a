"""``pin``: a new API version from a spec on disk, in one command, through sync, generate and the
change report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from spec_copy import MANIFEST, SPEC_COPY, azure_spec_path

from generator.cli import cli
from generator.commands.generate import run_generate
from generator.commands.sync import run_sync
from generator.manifest import load_manifest

NEW_VERSION = "2025-06-01-preview"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's manifest, its local copy synced from the repository's."""
    manifest = tmp_path / "project" / "specs" / "manifest.yaml"
    manifest.parent.mkdir(parents=True)
    shutil.copyfile(MANIFEST, manifest)
    assert run_sync(manifest, mirror=SPEC_COPY) == 0
    return manifest


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    """A copy of the newest spec with its examples, declaring a new version."""
    folder = tmp_path / "incoming"
    source = azure_spec_path("2025-02-01-preview")
    shutil.copytree(source.parent / "examples", folder / "examples")
    document = json.loads(source.read_text(encoding="utf-8"))
    document["info"]["version"] = NEW_VERSION
    spec = folder / "azureopenai.json"
    spec.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return spec


def _pin(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["pin", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_pinned_fourth_version_is_synced_generated_and_reported(
    project: Path, incoming: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _pin(str(incoming), "--manifest", str(project))
    assert code == 0, err
    assert "v2025_06_01_preview" in out
    manifest = load_manifest(project)
    assert [v.api_version for v in manifest.versions][-1] == NEW_VERSION
    entry = manifest.versions[-1]
    cited = {f"examples/{p.name}" for p in (incoming.parent / "examples").iterdir()}
    pinned = {item.path.removeprefix("pinned/v2025_06_01_preview/") for item in entry.files}
    assert entry.spec == "pinned/v2025_06_01_preview/azureopenai.json"
    assert pinned == {"azureopenai.json"} | cited  # every example the spec cites exists here
    assert all(item.repository is None and item.commit is None for item in entry.files)
    assert run_sync(project, mirror=None) == 0  # local files: the copy is current
    assert f"{len(manifest.all_files())} already current" in capsys.readouterr().out

    out_dir = tmp_path / "generated"
    assert run_generate(project, out_dir, check=False, mirror=None) == 0
    package = out_dir / "azure-ai-openai-authoring" / "azure_openai_authoring"
    assert (package / "v2025_06_01_preview" / "_client.py").is_file()
    assert NEW_VERSION in (package / "__init__.py").read_text(encoding="utf-8")
    report = json.loads((out_dir / "changes" / "changes.json").read_text(encoding="utf-8"))
    assert NEW_VERSION in json.dumps(report)
    assert NEW_VERSION in (out_dir / "changes" / "changes.md").read_text(encoding="utf-8")

    before = project.read_text(encoding="utf-8")  # pinning again changes nothing
    assert _pin(str(incoming), "--manifest", str(project))[0] == 0
    assert project.read_text(encoding="utf-8") == before


def test_pin_records_repository_and_commit_when_given(project: Path, incoming: Path) -> None:
    commit = "0" * 40
    args = ["--api-version", "2099-01-01", "--package", "v_next", "--manifest", str(project)]
    code, _, err = _pin(str(incoming), *args, "--repository", "Example/specs", "--commit", commit)
    assert code == 0, err
    entry = load_manifest(project).versions[-1]
    assert (entry.api_version, entry.package) == ("2099-01-01", "v_next")
    assert {(item.repository, item.commit) for item in entry.files} == {("Example/specs", commit)}
    assert f"commit: '{commit}'" in project.read_text(encoding="utf-8")  # quoted: stays text


def test_pin_refuses_a_spec_with_errors_and_leaves_the_manifest(
    project: Path, tmp_path: Path
) -> None:
    spec = tmp_path / "broken.json"
    spec.write_text('{"swagger": "2.0", "info": {"title": "t", "version": "1"}}', encoding="utf-8")
    before = project.read_text(encoding="utf-8")
    code, _, err = _pin(str(spec), "--manifest", str(project))
    assert code == 1
    assert "/paths" in err and "the manifest was not changed" in err
    assert project.read_text(encoding="utf-8") == before
    code, _, err = _pin(str(spec), "--manifest", str(project), "--commit", "0" * 40)
    assert code == 2 and "--repository and --commit go together" in err
