"""Helpers shared by the sync tests: a small manifest writer and local-port utilities."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = "Example/specs"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@dataclass
class Layout:
    """A repository-like folder (``repo/specs/manifest.yaml``) and a mirror beside it."""

    manifest: Path
    copy_root: Path
    mirror: Path
    files: dict[str, bytes]


def write_manifest(path: Path, files: dict[str, bytes], *, sha_override: str | None = None) -> None:
    """Write a one-version manifest pinning ``files`` (local path -> bytes)."""
    lines = [
        "distribution: demo-dist",
        "namespace: demo",
        "versions:",
        '  - api_version: "2024-01-01"',
        "    package: v2024_01_01",
        f"    spec: {next(iter(files))}",
        "    files:",
    ]
    for name, data in files.items():
        lines += [
            f"      - path: {name}",
            f"        repository: {REPOSITORY}",
            f"        commit: {COMMIT}",
            f"        source_path: upstream/{name}",
            f"        sha256: {sha_override or hashlib.sha256(data).hexdigest()}",
        ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the test http server did not start") from None
            time.sleep(0.05)
