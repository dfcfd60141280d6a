"""The tree writer: all-or-nothing updates, no leftovers, build products left alone, and drift
detection for --check."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from generator import write
from generator.write import compare_tree, read_tree, write_tree


def test_write_replaces_the_tree_exactly(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"a/x.py": "one\n", "b.txt": "two\n"})
    write_tree(out, {"a/y.py": "three\n"})
    assert read_tree(out) == {"a/y.py": b"three\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_a_failure_while_writing_leaves_the_previous_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"keep.py": "old\n"})
    calls = {"n": 0}
    original = write._encode

    def failing(text: str) -> bytes:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return original(text)

    monkeypatch.setattr(write, "_encode", failing)
    with pytest.raises(OSError, match="disk full"):
        write_tree(out, {"new1.py": "1\n", "new2.py": "2\n", "new3.py": "3\n"})
    assert read_tree(out) == {"keep.py": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_a_failure_while_moving_files_in_puts_the_previous_tree_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"a.py": "old a\n", "b.py": "old b\n", "gone.py": "g\n"})
    original = os.replace
    calls = {"n": 0}

    def failing(source: object, destination: object) -> None:
        calls["n"] += 1
        if calls["n"] == 6:  # plan written, three old files moved aside, one new file in
            raise OSError("device error")
        original(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(write.os, "replace", failing)
    with pytest.raises(OSError, match="device error"):
        write_tree(out, {"a.py": "new a\n", "b.py": "new b\n", "c.py": "c\n"})
    monkeypatch.setattr(write.os, "replace", original)
    assert read_tree(out) == {"a.py": b"old a\n", "b.py": b"old b\n", "gone.py": b"g\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_a_run_killed_after_its_commit_point_is_finished_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"keep.py": "old\n", "gone.py": "g\n"})
    committed = tmp_path / ".tmp-generated-abc"  # as if killed while moving files in
    (committed / "files").mkdir(parents=True)
    (committed / "files" / "keep.py").write_text("new\n")
    plan = {"write": ["keep.py", "added.py"], "remove": ["gone.py"]}
    (committed / "plan.json").write_text(json.dumps(plan))
    (out / "added.py").write_text("moved in before the kill\n")
    (tmp_path / ".tmp-generated-xyz" / "files").mkdir(parents=True)  # killed while staging
    write.recover(out)
    assert read_tree(out) == {"keep.py": b"new\n", "added.py": b"moved in before the kill\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_an_update_says_what_changed_and_touches_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"same.py": "s\n", "changed.py": "old\n", "sub/gone.py": "g\n"})
    same = (out / "same.py").stat()
    drift = write_tree(out, {"same.py": "s\n", "changed.py": "new\n", "added.py": "a\n"})
    assert drift.summary() == "1 changed, 1 added, 1 removed, 1 unchanged"
    assert read_tree(out) == {"same.py": b"s\n", "changed.py": b"new\n", "added.py": b"a\n"}
    assert not (out / "sub").exists()  # emptied by the removal
    after = (out / "same.py").stat()
    assert (after.st_ino, after.st_mtime_ns) == (same.st_ino, same.st_mtime_ns)


def test_nothing_is_written_when_nothing_differs(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    files = {"a.py": "a\n", "pkg/b.py": "b\n"}
    write_tree(out, files)
    before = {p: (out / p).stat().st_mtime_ns for p in files}
    folder = out.stat().st_mtime_ns
    drift = write_tree(out, files)
    assert drift.clean and drift.summary() == "0 changed, 0 added, 0 removed, 2 unchanged"
    assert {p: (out / p).stat().st_mtime_ns for p in files} == before
    assert out.stat().st_mtime_ns == folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_build_products_are_neither_drift_nor_removed(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    files = {"dist-name/pyproject.toml": "[project]\n", "dist-name/pkg/__init__.py": ""}
    write_tree(out, files)
    products = [
        "dist-name/build/lib/pkg/__init__.py",
        "dist-name/pkg.egg-info/PKG-INFO",
        "dist-name/pkg/__pycache__/__init__.cpython-311.pyc",
        "dist-name/dist/pkg-0.1.0.tar.gz",
    ]
    for path in products:
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text("built\n")
    assert compare_tree(out, files).clean
    assert write_tree(out, files).clean
    assert all((out / path).is_file() for path in products)


def test_git_ignored_files_are_neither_drift_nor_removed(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("*.log\nscratch/\n")
    out = tmp_path / "generated"
    files = {"a.py": "a\n"}
    write_tree(out, files)
    (out / "run.log").write_text("x\n")
    (out / "scratch").mkdir()
    (out / "scratch" / "notes.txt").write_text("x\n")
    (out / "stray.txt").write_text("x\n")
    assert compare_tree(out, files).extra == ("stray.txt",)
    assert write_tree(out, files).extra == ("stray.txt",)
    assert (out / "run.log").is_file() and (out / "scratch" / "notes.txt").is_file()
    assert not (out / "stray.txt").exists()


def test_paths_outside_the_tree_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_tree(tmp_path / "out", {"../escape.py": "x"})
    assert not (tmp_path / "escape.py").exists()


def test_compare_lists_changed_missing_and_extra_files(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"same.py": "s\n", "changed.py": "old\n", "extra.py": "e\n"})
    (out / "__pycache__").mkdir()
    (out / "__pycache__" / "same.cpython-311.pyc").write_bytes(b"cache")
    drift = compare_tree(out, {"same.py": "s\n", "changed.py": "new\n", "missing.py": "m\n"})
    assert drift.lines() == ["changed: changed.py", "missing: missing.py", "extra: extra.py"]
    assert compare_tree(out, {"same.py": "s\n", "changed.py": "old\n", "extra.py": "e\n"}).clean
