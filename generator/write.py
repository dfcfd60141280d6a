"""Updating an output tree file by file, so that a run applies completely or not at all.

``generate`` owns its output folder, but people build and install the generated distribution in
place (``pip install ./generated/...`` leaves ``build/`` and ``*.egg-info``), Python leaves
``__pycache__``, and a project may git-ignore more.  Those files are neither compared nor
removed: the fixed patterns below always, plus whatever ``git check-ignore`` reports when the
folder is in a git work tree.

An update compares the expected files with the tree (changed, missing, extra, unchanged) and,
when anything differs, stages every new or changed file in a folder beside the tree (one file
system, so moving a file in is a rename), then writes the list of moves and removals there.
From that moment the update is committed: files are moved into place, extra files removed and
the staging folder deleted.  A run that fails leaves the previous tree as it was (an error while
moving files puts back what was moved); a run killed after the list was written is finished by
the next one (:func:`recover`).  A lock
makes concurrent runs on one tree take turns.  Nothing is touched when nothing differs.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.atomic import write_file_atomically

#: Folders that tools create inside the tree: caches, build and install products.
_IGNORED_DIRS = frozenset(
    {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist"}
)
_IGNORED_DIR_SUFFIXES = (".egg-info",)
_IGNORED_SUFFIXES = (".pyc", ".pyo")
_TEMP_PREFIX = ".tmp-"
_PLAN = "plan.json"
_STAGED = "files"
_OLD = "previous"
_GIT_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Drift:
    """How a tree on disk differs from the expected files (relative POSIX paths, sorted)."""

    changed: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]
    unchanged: int = 0

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

    def summary(self) -> str:
        """``3 changed, 1 added, 1 removed, 41 unchanged``, as an update applies it."""
        return (
            f"{len(self.changed)} changed, {len(self.missing)} added, "
            f"{len(self.extra)} removed, {self.unchanged} unchanged"
        )


def _encode(text: str) -> bytes:
    return text.encode("utf-8")


def _tool_made(name: str, *, folder: bool) -> bool:
    if folder:
        return name in _IGNORED_DIRS or name.endswith(_IGNORED_DIR_SUFFIXES)
    return name.endswith(_IGNORED_SUFFIXES)


def _walk(root: Path) -> list[str]:
    """Every file under ``root`` except tool-made ones, as sorted relative POSIX paths."""
    found: list[str] = []
    if not root.is_dir():
        return found
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _tool_made(d, folder=True))
        for name in names:
            if not _tool_made(name, folder=False):
                found.append((Path(folder) / name).relative_to(root).as_posix())
    return sorted(found)


def _git_ignored(root: Path, paths: list[str]) -> set[str]:
    """Which of ``paths`` git ignores in ``root``'s work tree (none when git is unavailable)."""
    if not paths:
        return set()
    try:
        result = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            cwd=root,
            input="\0".join(paths) + "\0",
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    return {path for path in result.stdout.split("\0") if path}


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` that is not tool-made or git-ignored: path -> bytes."""
    paths = _walk(root)
    ignored = _git_ignored(root, paths)
    return {path: (root / path).read_bytes() for path in paths if path not in ignored}


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def compare_tree(root: Path, files: Mapping[str, str]) -> Drift:
    """How ``root`` differs from ``files`` (relative path -> text), build products aside."""
    changed: list[str] = []
    missing: list[str] = []
    for path, text in sorted(files.items()):
        actual = _read(root / path)
        if actual is None:
            missing.append(path)
        elif actual != _encode(text):
            changed.append(path)
    others = [path for path in _walk(root) if path not in files]
    ignored = _git_ignored(root, others)
    extra = tuple(path for path in others if path not in ignored)
    unchanged = len(files) - len(changed) - len(missing)
    return Drift(tuple(changed), tuple(missing), extra, unchanged)


def _check_relative(path: str) -> None:
    parts = Path(path).parts
    if not parts or Path(path).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {path!r}")


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock for ``target`` (kept in the temporary folder, not the tree)."""
    digest = hashlib.sha256(str(target).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"azpygen-{digest}.lock"
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _commit(target: Path, staging: Path) -> None:
    """Apply a staged update whose plan is written.

    Each file it replaces or removes is first moved into the staging folder, so that an error
    half-way puts every moved file back (the previous tree, intact).
    """
    plan = json.loads((staging / _PLAN).read_text(encoding="utf-8"))
    moved: list[tuple[Path, Path]] = []  # (from, to), in the order done

    def move(source: Path, destination: Path) -> None:
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, destination)
        moved.append((source, destination))

    try:
        for path in plan["remove"] + plan["write"]:
            if (target / path).is_file():
                move(target / path, staging / _OLD / path)
        for path in plan["write"]:
            move(staging / _STAGED / path, target / path)
    except BaseException:
        for source, destination in reversed(moved):
            os.replace(destination, source)
        (staging / _PLAN).unlink()
        raise
    finally:
        if not (staging / _PLAN).exists():
            shutil.rmtree(staging, ignore_errors=True)
    for path in plan["remove"]:
        _prune_empty_folders(target, (target / path).parent)
    shutil.rmtree(staging, ignore_errors=True)


def _finish(target: Path, staging: Path) -> None:
    """Complete the plan of a run killed after its commit point (idempotent)."""
    plan = json.loads((staging / _PLAN).read_text(encoding="utf-8"))
    for path in plan["remove"]:
        (target / path).unlink(missing_ok=True)
        _prune_empty_folders(target, (target / path).parent)
    for path in plan["write"]:
        source = staging / _STAGED / path
        if source.exists():
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target / path)
    shutil.rmtree(staging, ignore_errors=True)


def _prune_empty_folders(target: Path, folder: Path) -> None:
    while folder != target and target in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def recover(target: Path) -> None:
    """Finish what a killed run committed, and delete what an unfinished run staged."""
    for staging in sorted(target.parent.glob(f"{_TEMP_PREFIX}{target.name}-*")):
        if (staging / _PLAN).is_file():
            _finish(target, staging)
        else:
            shutil.rmtree(staging, ignore_errors=True)


def write_tree(target: Path, files: Mapping[str, str]) -> Drift:
    """Make the folder ``target`` hold exactly ``files`` (build products aside); return what
    differed before the update, which is what the update changed."""
    for path in files:
        _check_relative(path)
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target):
        recover(target)
        drift = compare_tree(target, files)
        if drift.clean:
            return drift
        staging = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{target.name}-", dir=target.parent))
        try:
            writes = sorted(drift.changed + drift.missing)
            for path in writes:
                destination = staging / _STAGED / path
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(_encode(files[path]))
                destination.chmod(0o644)
            plan = json.dumps({"write": writes, "remove": list(drift.extra)})
            write_file_atomically(staging / _PLAN, plan)  # whole, or absent: the commit point
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        target.mkdir(exist_ok=True)
        _commit(target, staging)
    return drift
