"""Fixtures for sync tests: a small manifest with its mirror, and a local http server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from synckit import COMMIT, REPOSITORY, Layout, free_port, wait_for_port, write_manifest


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Layout:
    """A manifest of two files, with a mirror holding both; no environment overrides."""
    monkeypatch.delenv("AZPYGEN_SPECS_MIRROR", raising=False)
    monkeypatch.delenv("AZPYGEN_SPECS_BASE_URL", raising=False)
    files = {
        "demo/2024-01-01/spec.json": b'{"swagger": "2.0"}',
        "demo/2024-01-01/examples/one.json": b'{"parameters": {}}',
    }
    mirror = tmp_path / "mirror"
    for name, data in files.items():
        (mirror / name).parent.mkdir(parents=True, exist_ok=True)
        (mirror / name).write_bytes(data)
    manifest = tmp_path / "repo" / "specs" / "manifest.yaml"
    write_manifest(manifest, files)
    return Layout(manifest, manifest.parent / ".cache", mirror, files)


@pytest.fixture
def upstream(tmp_path: Path, layout: Layout) -> Iterator[str]:
    """Serve the layout's files as ``<base>/<repository>/<commit>/upstream/<path>`` on 127.0.0.1.

    The server is a child process, stopped by its own pid when the test ends.
    """
    root = tmp_path / "served"
    for name, data in layout.files.items():
        target = root / REPOSITORY / COMMIT / "upstream" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
