"""Helpers for hostile-input tests: a manifest over given specs, and importing what it generates
in a fresh interpreter whose working folder is watched for files a payload would create."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: What every payload tries to do when it runs: create this file in the working folder.
MARKER = "pwned"
#: A statement that creates the marker (payloads splice it in after breaking out).
RUN = f"open({MARKER!r}, 'w')"

_IMPORT_EVERYTHING = """
import importlib, pathlib, sys
root = pathlib.Path(sys.argv[1])
sys.path.insert(0, str(root))
sys.dont_write_bytecode = True
for path in sorted(root.rglob("*.py")):
    parts = path.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    importlib.import_module(".".join(parts))
print("imported")
"""


@dataclass(frozen=True)
class Version:
    """One API version of a hostile manifest: its package, the spec's file name and content."""

    package: str
    file: str  # relative path in the manifest (may itself be hostile)
    spec: dict[str, Any]


def write_manifest(
    root: Path, versions: Sequence[Version], *, distribution: str = "hostile-dist"
) -> Path:
    """A manifest under ``root`` whose local copy already holds every spec (sha256 pinned)."""
    entries = []
    for number, version in enumerate(versions):
        data = json.dumps(version.spec).encode("utf-8", "surrogatepass")
        copy = root / ".cache" / version.file
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(data)
        entries.append(
            {
                "api_version": f"2024-01-{number + 1:02d}",
                "package": version.package,
                "spec": version.file,
                "files": [
                    {
                        "path": version.file,
                        "repository": "example/specs",
                        "commit": "0" * 40,
                        "source_path": "spec.json",
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
                ],
            }
        )
    manifest = {"distribution": distribution, "namespace": "hostile_pkg", "versions": entries}
    path = root / "manifest.yaml"
    path.write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return path


def import_all(package_root: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """Import every module under ``package_root`` in a new interpreter running in ``workdir``."""
    workdir.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERYTHING, str(package_root)],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
