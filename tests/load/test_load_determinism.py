"""Diagnostics and normalized data are identical across runs and hash seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from loadkit import REAL_SPECS

SCRIPT = """
import json, sys
from pathlib import Path
from generator.load import load_spec
for relative in sys.argv[2:]:
    spec = load_spec(Path(sys.argv[1]) / relative)
    print(json.dumps(spec.raw, sort_keys=False))
    for diagnostic in spec.diagnostics:
        print(diagnostic.render())
"""


def run(synced_specs: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(synced_specs), *REAL_SPECS],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return result.stdout


def test_same_output_for_different_hash_seeds(synced_specs: Path) -> None:
    first = run(synced_specs, "0")
    assert first == run(synced_specs, "12345")
    assert "warning" in first
