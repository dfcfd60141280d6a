"""The few questions asked of git: where a work tree starts, and a file's text at a ref.

Every call is bounded in time and never raises for a missing git or a folder outside a work
tree: the callers fall back or report in one line.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_TIMEOUT_SECONDS = 30.0


class GitError(Exception):
    """git could not answer (unknown ref, not a work tree, no git); the message is one line."""


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git did not run: {exc}") from None


def work_tree_top(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder``, or None (no git, not a work tree)."""
    try:
        result = _git(folder, "rev-parse", "--show-toplevel")
    except GitError:
        return None
    top = result.stdout.strip()
    return Path(top).resolve() if result.returncode == 0 and top else None


def file_at(ref: str, path: Path) -> str | None:
    """The text of ``path`` (an existing folder's file) at ``ref``; None when the file is not
    there at that ref.  Raises :class:`GitError` for an unknown ref or a path outside git."""
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    top = work_tree_top(folder)
    if top is None:
        raise GitError(f"{folder} is not in a git work tree")
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise GitError(f"{ref!r} is not a commit git knows")
    try:
        relative = path.resolve().relative_to(top).as_posix()
    except ValueError:
        raise GitError(f"{path} is outside the work tree {top}") from None
    if _git(top, "cat-file", "-e", f"{ref}:{relative}").returncode != 0:
        return None
    shown = _git(top, "show", f"{ref}:{relative}")
    if shown.returncode != 0:
        raise GitError(f"cannot read {relative} at {ref}: {shown.stderr.strip()}")
    return shown.stdout
