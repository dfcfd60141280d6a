"""The tree writer: atomic replacement, no leftovers, and drift detection for --check."""

from __future__ import annotations

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


def test_an_interrupted_swap_is_recovered(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"keep.py": "old\n"})
    out.rename(tmp_path / ".old-generated-abc")  # as if killed between the two renames
    (tmp_path / ".tmp-generated-xyz" / "half").mkdir(parents=True)  # and while staging
    write.recover(out)
    assert read_tree(out) == {"keep.py": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


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
