"""The README's examples are real: its Python quick start type-checks against the generated code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_ROOT = REPO_ROOT / "generated" / "azure-ai-openai-authoring"


def python_blocks(markdown: str) -> list[str]:
    """The fenced ```python blocks of a Markdown text."""
    return re.findall(r"^```python\n(.*?)^```$", markdown, flags=re.DOTALL | re.MULTILINE)


def test_quick_start_passes_mypy_strict(tmp_path: Path) -> None:
    blocks = python_blocks((REPO_ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks, "the README has no Python example"
    for number, block in enumerate(blocks):
        (tmp_path / f"example_{number}.py").write_text(block, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "."],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(PACKAGE_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_commands_exist() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash .ci/setup && .venv/bin/python -m generator sync" in readme
    run = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ".venv/bin/python -m pytest"
    assert test_command in readme and run.rstrip().endswith(test_command)
