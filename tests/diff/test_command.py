"""The ``diff`` command: exit codes with ``--fail-on``, the ignore file, tool failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.commands.diff import run_diff
from generator.diff.engine import diff_specs
from tests.conftest import azure_spec_path
from tests.diff.swagger import (
    Doc,
    compile_document,
    document,
    obj,
    operation,
    query,
    ref,
    with_version,
)


def _thing(size_format: str) -> Doc:
    thing = obj({"id": {"type": "string"}, "size": {"type": "integer", "format": size_format}})
    return {"Thing": thing}


OLD = document(
    {"/a": {"get": operation("A_Get", responses={"200": ref("Thing")})}}, _thing("int32")
)
INFO_ONLY = document(
    {"/a": {"get": operation("A_Get", query("q"), responses={"200": ref("Thing")})}},
    _thing("int32"),
)
REVIEW = document(
    {"/a": {"get": operation("A_Get", responses={"200": ref("Thing")})}}, _thing("int64")
)
BREAKING = document({"/b": {"get": operation("B_Get")}})


def write(tmp_path: Path, name: str, doc: Doc, version: str) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(with_version(doc, version)), encoding="utf-8")
    return path


def run(
    paths: list[Path], fail_on: str, ignore: Path | None = None, out: Path | None = None
) -> int:
    return run_diff(paths, formats=("md",), out=out, fail_on=fail_on, ignore_file=ignore)


@pytest.mark.parametrize(
    ("new", "fail_on", "expected"),
    [
        (INFO_ONLY, "never", 0),
        (INFO_ONLY, "review", 0),
        (INFO_ONLY, "breaking", 0),
        (REVIEW, "review", 1),
        (REVIEW, "breaking", 0),
        (BREAKING, "breaking", 1),
        (BREAKING, "review", 1),
        (BREAKING, "never", 0),
    ],
)
def test_fail_on_thresholds(tmp_path: Path, new: Doc, fail_on: str, expected: int) -> None:
    paths = [write(tmp_path, "old", OLD, "v1"), write(tmp_path, "new", new, "v2")]
    assert run(paths, fail_on) == expected


def test_real_specs_gate_on_breaking(
    tmp_path: Path, synced_specs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [azure_spec_path("2023-10-01-preview"), azure_spec_path("2025-02-01-preview")]
    assert run(paths, "breaking") == 1
    out = capsys.readouterr().out
    assert out.startswith("# API changes") and "IngestionJobs_Create moved" in out


def test_spec_with_errors_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"swagger": "2.0", "paths": {', encoding="utf-8")
    assert run([write(tmp_path, "old", OLD, "v1"), broken], "never") == 1
    captured = capsys.readouterr()
    assert "broken.json" in captured.err and captured.out == ""


def test_unwritable_output_is_a_tool_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    paths = [write(tmp_path, "old", OLD, "v1"), write(tmp_path, "new", INFO_ONLY, "v2")]
    assert run(paths, "never", out=blocker / "report") == 2


def test_report_files_are_written_to_out(tmp_path: Path) -> None:
    paths = [write(tmp_path, "old", OLD, "v1"), write(tmp_path, "new", INFO_ONLY, "v2")]
    out = tmp_path / "report"
    code = run_diff(
        paths, formats=("md", "json", "html"), out=out, fail_on="never", ignore_file=None
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["changes.html", "changes.json", "changes.md"]


def test_ignore_file_accepts_changes_and_reports_stale_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_spec = compile_document(tmp_path, with_version(OLD, "v1"), "c-old")
    new_spec = compile_document(tmp_path, with_version(BREAKING, "v2"), "c-new")
    breaking = [c for c in diff_specs(old_spec, new_spec).changes if c.severity.value == "breaking"]
    assert len(breaking) >= 2
    first, *rest = breaking
    lines = ["ignore:"]
    lines += [
        "  - rule: " + first.rule.name,
        f"    location: {json.dumps(first.location)}",
        "    reason: Removed on purpose; announced to users.",
    ]
    for change in rest:
        lines += [f"  - fingerprint: {change.fingerprint}", "    reason: Accepted in review."]
    lines += ["  - rule: 1033", "    location: model Gone.field", "    reason: Left over."]
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text("\n".join(lines) + "\n", encoding="utf-8")

    paths = [write(tmp_path, "old", OLD, "v1"), write(tmp_path, "new", BREAKING, "v2")]
    assert run(paths, "breaking") == 1
    capsys.readouterr()
    assert run(paths, "breaking", ignore) == 0
    captured = capsys.readouterr()
    assert "entry 3 (rule 1033 at model Gone.field) matches no change" in captured.err
    assert "### Stale ignore entries" in captured.out
    assert "### Accepted by the ignore file" in captured.out
    assert "accepted: Removed on purpose; announced to users." in captured.out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignore:\n  - fingerprint: abc\n", ":/ignore/0: error: entry 1 has no reason"),
        ("ignore:\n  - rule: 1033\n    reason: r\n", "needs 'fingerprint', or both"),
        ("ignore:\n  - rule: 4242\n    location: x\n    reason: r\n", "unknown rule"),
        ("ignore:\n  - fingerprint: a\n    why: b\n    reason: r\n", "unknown keys: why"),
        ("ignore: [\n", ":/: error: not valid YAML ("),
        ("ignore:\n  - {a: [1, 2\n  - b\n", ":/: error: not valid YAML ("),
        ("just text\n", "expected a list"),
    ],
)
def test_malformed_ignore_file_is_a_tool_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text(text, encoding="utf-8")
    paths = [write(tmp_path, "old", OLD, "v1"), write(tmp_path, "new", INFO_ONLY, "v2")]
    assert run(paths, "never", ignore) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.splitlines()) == 1  # one line per problem


@pytest.mark.parametrize("text", ["", "ignore:\n", "ignore: []\n", "# nothing yet\n"])
def test_empty_ignore_file_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text(text, encoding="utf-8")
    paths = [write(tmp_path, "old", OLD, "v1"), write(tmp_path, "new", INFO_ONLY, "v2")]
    assert run(paths, "never", ignore) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{ignore}:/: warning: the ignore file lists no entries; it accepts nothing"]


def test_summary_and_only_options_through_the_command_line(tmp_path: Path) -> None:
    """``diff --summary`` and ``--only``: a shorter report, the same exit code."""
    import subprocess
    import sys

    paths = [str(write(tmp_path, "old", OLD, "v1")), str(write(tmp_path, "new", BREAKING, "v2"))]

    def cli(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "generator", "diff", *paths, "--fail-on", "breaking"]
        return subprocess.run([*command, *extra], capture_output=True, text=True, check=False)

    full, short, info = cli(), cli("--summary"), cli("--only", "info")
    assert full.returncode == short.returncode == info.returncode == 1
    assert "### Breaking" in full.stdout and "### Breaking" not in short.stdout
    assert "## Summary" in short.stdout and len(short.stdout) < len(full.stdout)
    assert "### Breaking" not in info.stdout and "only info changes are listed" in info.stdout
    assert cli("--only", "everything").returncode == 2  # bad usage
