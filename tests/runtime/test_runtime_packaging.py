"""The runtime works when copied into a package as ``_runtime`` (as the generator ships it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

RUNTIME = Path(__file__).resolve().parents[2] / "generator" / "runtime"


def test_runtime_uses_only_relative_imports_of_itself() -> None:
    for module in RUNTIME.glob("*.py"):
        text = module.read_text()
        assert "generator" not in text.replace("generator/", ""), module.name
        assert "import runtime" not in text, module.name


def test_copied_runtime_imports_and_works_in_a_fresh_process(tmp_path: Path) -> None:
    package = tmp_path / "some_dist" / "_runtime"
    shutil.copytree(RUNTIME, package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "some_dist" / "__init__.py").write_text("")
    script = (
        "from some_dist._runtime import Model, deserialize, UnixTime\n"
        "from pydantic import Field\n"
        "class M(Model):\n"
        "    at: UnixTime = Field(alias='at')\n"
        'm = deserialize(M, b\'{"at": 5, "x": 1}\')\n'
        "assert m.as_dict() == {'at': 5, 'x': 1}, m.as_dict()\n"
        "import sys\n"
        "assert 'generator' not in sys.modules\n"
        "assert 'requests' not in sys.modules and 'aiohttp' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
