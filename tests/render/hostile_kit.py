"""Helpers for hostile-input tests: a manifest over given specs, and importing what it generates
in a fresh interpreter whose working folder is watched for files a payload would create."""

from __future__ import annotations

import ast
import hashlib
import json
import re
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


def readme_opens(readme: str) -> list[object]:
    """First arguments of every ``open(...)`` call in the README's Python examples.

    The examples must parse; a payload that escaped its string literal shows up as a call.
    """
    blocks = re.findall(r"^```python\n(.*?)^```$", readme, flags=re.DOTALL | re.MULTILINE)
    found: list[object] = []
    for block in blocks:
        tree = ast.parse(block.replace("async with", "with").replace("async for", "for"))
        found.extend(
            call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else None
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            if call.func.id == "open"
        )
    return found


@dataclass(frozen=True)
class Version:
    """One API version of a hostile manifest: its package, the spec's file name and content."""

    package: str
    file: str  # relative path in the manifest (may itself be hostile)
    spec: dict[str, Any]


def write_manifest(
    root: Path,
    versions: Sequence[Version],
    *,
    distribution: str = "hostile-dist",
    namespace: str = "hostile_pkg",
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
    manifest = {"distribution": distribution, "namespace": namespace, "versions": entries}
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


_IMPORT_SERVER = """
import importlib, pathlib, sys, traceback
sys.dont_write_bytecode = True
for request in sys.stdin:
    root, namespace = request.rstrip("\\n").split("\\t")
    sys.path.insert(0, root)
    try:
        for path in sorted((pathlib.Path(root) / namespace).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        print("imported", flush=True)
    except BaseException as error:
        print(ascii(traceback.format_exception_only(error)[-1].strip()), flush=True)
"""


class ImportWorker:
    """One interpreter that imports generated packages on request, in a watched folder.

    Starting Python with pydantic and azure-core costs most of a second; a long-lived worker
    imports each new package in well under that, so a property test can afford many.  Each
    package needs its own namespace (modules stay imported).
    """

    def __init__(self, workdir: Path) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir = workdir
        self.process = subprocess.Popen(
            [sys.executable, "-c", _IMPORT_SERVER],
            cwd=workdir,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def import_package(self, root: Path, namespace: str) -> str:
        """``imported``, or the one-line error that stopped the import."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{root}\t{namespace}\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def stop(self) -> None:
        """Stop the worker (by its own process)."""
        self.process.kill()
        self.process.wait(timeout=30)
