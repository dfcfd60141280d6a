"""``generate``: the committed tree is current, output is deterministic, and a failed run
writes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from manifest_kit import one_spec_manifest

from generator.commands.generate import render_all, run_generate
from generator.record import RECORD_FILE
from generator.write import compare_tree, read_tree, write_tree

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "specs" / "manifest.yaml"


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """Everything ``generate`` would write for the real manifest, rendered in memory."""
    return render_all(MANIFEST, mirror=None)


def test_check_is_clean_on_the_committed_tree(rendered: dict[str, str]) -> None:
    drift = compare_tree(REPO / "generated", rendered)
    assert drift.clean, "generated/ is stale; run `python -m generator generate`:\n" + "\n".join(
        drift.lines()
    )


def test_output_holds_three_versions_the_runtime_and_the_report(rendered: dict[str, str]) -> None:
    package = "azure-ai-openai-authoring/azure_openai_authoring"
    for version in ("v2023_06_01_preview", "v2023_10_01_preview", "v2025_02_01_preview"):
        for name in ("__init__.py", "_client.py", "_operations.py", "models.py", "_enums.py"):
            assert f"{package}/{version}/{name}" in rendered
        for name in ("__init__.py", "_client.py", "_operations.py"):
            assert f"{package}/{version}/aio/{name}" in rendered
    runtime = REPO / "generator" / "runtime" / "model.py"
    assert rendered[f"{package}/_runtime/model.py"] == runtime.read_text(encoding="utf-8")
    assert any(path.startswith("changes/") for path in rendered)
    assert all(text.endswith("\n") or not text for text in rendered.values())
    assert not any("\r" in text for path, text in rendered.items() if path.endswith(".py"))


def test_check_reports_drift_and_exits_1(
    rendered: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    write_tree(out, rendered)
    assert run_generate(MANIFEST, out, check=True, mirror=None) == 0
    target = sorted(p for p in rendered if p.endswith("models.py"))[0]
    (out / target).write_text("stale\n", encoding="utf-8")
    (out / "stray.py").write_text("", encoding="utf-8")
    capsys.readouterr()
    assert run_generate(MANIFEST, out, check=True, mirror=None) == 1
    err = capsys.readouterr().err
    assert f"changed: {target}" in err and "extra: stray.py" in err
    assert (out / "stray.py").exists()  # --check never writes


def test_generate_names_what_it_removes_and_then_reports_no_change(
    rendered: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    write_tree(out, rendered)
    installed = [  # what `pip install ./generated/<dist>` and imports leave behind
        "azure-ai-openai-authoring/build/lib/azure_openai_authoring/__init__.py",
        "azure-ai-openai-authoring/azure_ai_openai_authoring.egg-info/PKG-INFO",
        "azure-ai-openai-authoring/azure_openai_authoring/__pycache__/__init__.cpython-311.pyc",
    ]
    for path in installed:
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text("built\n", encoding="utf-8")
    assert run_generate(MANIFEST, out, check=True, mirror=None) == 0
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    record = json.loads((out / RECORD_FILE).read_text(encoding="utf-8"))
    record["files"].append("changes/old-report.md")  # produced by an earlier run
    (out / RECORD_FILE).write_text(json.dumps(record), encoding="utf-8")
    (out / "changes" / "old-report.md").write_text("old\n", encoding="utf-8")
    capsys.readouterr()
    assert run_generate(MANIFEST, out, check=False, mirror=None) == 0
    lines = capsys.readouterr().err.splitlines()
    named = [line for line in lines if "did not produce" in line]
    assert len(named) == 1 and str(out / "notes.txt") in named[0]
    unchanged = len(rendered) - 1
    assert f"generate: 1 changed, 0 added, 2 removed, {unchanged} unchanged in {out}" in lines
    assert not (out / "notes.txt").exists() and not (out / "changes" / "old-report.md").exists()
    assert all((out / path).is_file() for path in installed)
    assert run_generate(MANIFEST, out, check=False, mirror=None) == 0
    summary = f"generate: 0 changed, 0 added, 0 removed, {len(rendered)} unchanged in {out}"
    assert summary in capsys.readouterr().err.splitlines()


def _generate(out: Path, seed: str, cache: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "AZPYGEN_CACHE": str(cache)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    # The format cache is keyed by the unformatted text, so a seed-dependent difference in
    # what the templates produce would miss the cache and show up in the comparison.
    cache = tmp_path / "cache"
    _generate(tmp_path / "a", "0", cache)
    _generate(tmp_path / "b", "4242", cache)
    first, second = read_tree(tmp_path / "a"), read_tree(tmp_path / "b")
    assert first == second


def test_a_spec_with_errors_leaves_the_output_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Broken", "version": "2024-01-01"},
        "paths": {},
        "definitions": {"A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/No"}}}},
    }
    manifest = one_spec_manifest(tmp_path / "specs", spec)
    out = tmp_path / "generated"
    write_tree(out, {"previous.py": "kept\n"})
    assert run_generate(manifest, out, check=False, mirror=tmp_path / "no-mirror") == 1
    assert read_tree(out) == {"previous.py": b"kept\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated", "specs"]
    err = capsys.readouterr().err
    assert "#/definitions/No" in err and "nothing was written" in err


def test_an_unreadable_manifest_is_a_tool_failure(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("versions: [", encoding="utf-8")
    assert run_generate(manifest, tmp_path / "out", check=False, mirror=None) == 2
    assert not (tmp_path / "out").exists()


def test_a_missing_mirror_folder_is_bad_usage_when_a_file_must_be_fetched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}}
    manifest = one_spec_manifest(tmp_path / "specs", spec)
    out = tmp_path / "generated"
    (manifest.parent / ".cache" / "sample" / "spec.json").unlink()
    assert run_generate(manifest, out, check=False, mirror=tmp_path / "nonexistent") == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "the mirror folder does not exist" in err[0]
    assert not out.exists()
