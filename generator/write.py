"""Writing a whole output tree atomically, and comparing one with what is on disk.

The new tree is built completely in a temporary folder beside the target, then swapped in with
two renames (old -> backup, new -> target) and the backup removed.  A run that fails or is
interrupted before the swap leaves the previous tree untouched; the only window where the
target is missing is between the two renames, and the next run restores the backup if it finds
the target gone.  Temporary folders never outlive the run that made them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: Folder and file names a check ignores: caches that tools create inside the tree.
_IGNORED_DIRS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
_IGNORED_SUFFIXES = (".pyc", ".pyo")
_TEMP_PREFIX = ".tmp-"
_BACKUP_PREFIX = ".old-"


@dataclass(frozen=True)
class Drift:
    """How a tree on disk differs from the expected files (relative POSIX paths, sorted)."""

    changed: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def clean(self) -> bool:
        """Whether the tree matches exactly."""
        return not (self.changed or self.missing or self.extra)

    def lines(self) -> list[str]:
        """One line per differing file, ``changed: path`` and so on."""
        return (
            [f"changed: {p}" for p in self.changed]
            + [f"missing: {p}" for p in self.missing]
            + [f"extra: {p}" for p in self.extra]
        )


def _encode(text: str) -> bytes:
    return text.encode("utf-8")


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (caches ignored): relative POSIX path -> bytes."""
    found: dict[str, bytes] = {}
    if not root.is_dir():
        return found
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _IGNORED_DIRS)
        for name in sorted(names):
            if name.endswith(_IGNORED_SUFFIXES):
                continue
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def compare_tree(root: Path, files: Mapping[str, str]) -> Drift:
    """How ``root`` differs from ``files`` (relative path -> text)."""
    actual = read_tree(root)
    expected = {path: _encode(text) for path, text in files.items()}
    return Drift(
        changed=tuple(sorted(p for p in expected if p in actual and actual[p] != expected[p])),
        missing=tuple(sorted(p for p in expected if p not in actual)),
        extra=tuple(sorted(p for p in actual if p not in expected)),
    )


def _check_relative(path: str) -> None:
    parts = Path(path).parts
    if not parts or Path(path).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {path!r}")


def recover(target: Path) -> None:
    """Undo what a killed run left behind: restore its backup if the target is gone (it was
    stopped between the two renames), then remove its staging and backup folders."""
    backups = sorted(target.parent.glob(f"{_BACKUP_PREFIX}{target.name}-*"))
    if not target.exists() and backups:
        backups.pop().rename(target)
    for leftover in backups + sorted(target.parent.glob(f"{_TEMP_PREFIX}{target.name}-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def write_tree(target: Path, files: Mapping[str, str]) -> None:
    """Replace the folder ``target`` with exactly ``files`` (relative path -> text)."""
    for path in files:
        _check_relative(path)
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{target.name}-", dir=target.parent))
    backup: Path | None = None
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the result is an ordinary folder
        for path, text in sorted(files.items()):
            destination = staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(_encode(text))
        if target.exists():
            backup = Path(
                tempfile.mkdtemp(prefix=f"{_BACKUP_PREFIX}{target.name}-", dir=target.parent)
            )
            backup.rmdir()
            target.rename(backup)
        staging.rename(target)
    except BaseException:
        if backup is not None and not target.exists():
            backup.rename(target)
            backup = None
        raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if backup is not None and backup.exists():
            shutil.rmtree(backup, ignore_errors=True)
