"""Reading the compiler's pyproject.toml in tests (tomllib, or tomli on Python 3.10)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def project_table() -> dict[str, Any]:
    """The ``[project]`` table."""
    with PYPROJECT.open("rb") as handle:
        table: dict[str, Any] = tomllib.load(handle)["project"]
    return table
