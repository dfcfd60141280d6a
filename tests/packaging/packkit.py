"""Helpers of the packaging tests: the compiler's pyproject.toml, pip, and build logs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

REPO_ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = REPO_ROOT / "pyproject.toml"
_DEPRECATION = re.compile("deprecat", re.IGNORECASE)


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as data."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def project_table() -> dict[str, Any]:
    """The ``[project]`` table of the compiler's pyproject.toml."""
    table: dict[str, Any] = read_toml(PYPROJECT)["project"]
    return table


def pip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the dev environment's pip (output captured, never raising)."""
    return subprocess.run(
        [sys.executable, "-m", "pip", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def build_log_problems(log: str) -> list[str]:
    """The lines of a build log that announce a deprecation (SetuptoolsDeprecationWarning...)."""
    return [line for line in log.splitlines() if _DEPRECATION.search(line)]
