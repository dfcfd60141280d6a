"""``generate --type-check``: run ``mypy --strict`` over the packages about to be written.

The renderer is meant to produce code that passes ``mypy --strict`` for any spec; this gate
turns a slip into exit 1 with mypy's findings instead of a silently bad package.  It is opt-in
because it costs far more than generating (about 10-20 s per package on a 2-core machine, cold
cache, against ~1 s for ``generate``); CI and the test-server tests run it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath


class TypeCheckUnavailable(Exception):
    """mypy cannot be run here (not installed); the message says so."""


def packages(files: Mapping[str, str]) -> list[str]:
    """The import packages among ``files``: ``<dist>/<namespace>/__init__.py`` folders."""
    found = {
        str(PurePosixPath(path).parent)
        for path in files
        if len(PurePosixPath(path).parts) == 3 and path.endswith("/__init__.py")
    }
    return sorted(found)


def type_check(files: Mapping[str, str]) -> list[str]:
    """mypy's error lines for the generated packages in ``files`` (empty when they pass)."""
    wanted = packages(files)
    if not wanted:
        return []
    with tempfile.TemporaryDirectory(prefix="azpygen-typecheck-") as folder:
        root = Path(folder)
        for path, text in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return check_packages([root / name for name in wanted], root / ".mypy_cache")


def check_packages(folders: Sequence[Path], cache: Path) -> list[str]:
    """mypy --strict over package ``folders`` in one run; its error lines (empty: they pass)."""
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--config-file",
        "",
        "--cache-dir",
        str(cache),
        *(str(folder) for folder in folders),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise TypeCheckUnavailable(f"mypy could not run: {error}") from None
    if "No module named mypy" in done.stderr:
        raise TypeCheckUnavailable("mypy is not installed; install it or drop --type-check")
    if done.returncode == 0:
        return []
    lines = [line for line in done.stdout.splitlines() if ": error:" in line]
    return lines or (done.stdout + done.stderr).strip().splitlines()
