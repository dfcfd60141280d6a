"""The compiler itself is typed (mypy --strict), linted (ruff) and formatted (black)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )


def test_compiler_passes_mypy_strict(tmp_path: Path) -> None:
    result = _run("mypy", "--cache-dir", str(tmp_path / "mypy"), "generator")
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiler_and_tests_pass_ruff() -> None:
    result = _run("ruff", "check", "generator", "tests", "setup.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiler_is_black_formatted() -> None:
    result = _run("black", "--check", "--quiet", "generator", "tests", "setup.py")
    assert result.returncode == 0, result.stdout + result.stderr
