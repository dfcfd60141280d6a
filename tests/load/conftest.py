"""Fixtures for loader tests: the real specs (loaded once), and small specs in ``tmp_path``."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.load import LoadedSpec, load_spec


@pytest.fixture(scope="session")
def real_spec(synced_specs: Path) -> Callable[[str], LoadedSpec]:
    """Load a real spec (relative to the synced copy) once per session."""
    cache: dict[str, LoadedSpec] = {}

    def load(relative: str) -> LoadedSpec:
        if relative not in cache:
            cache[relative] = load_spec(synced_specs / relative)
        return cache[relative]

    return load


@pytest.fixture
def write_spec(tmp_path: Path) -> Callable[..., Path]:
    """Write a spec (data as JSON, or text as given) into ``tmp_path/spec/``; return its path."""
    folder = tmp_path / "spec"
    folder.mkdir()

    def write(content: Any, name: str = "spec.json") -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
        return path

    return write


@pytest.fixture
def http_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over http on 127.0.0.1 by a child process, stopped by its pid."""
    folder = tmp_path / "served"
    folder.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the test http server did not start") from None
                time.sleep(0.05)
        yield folder, f"http://127.0.0.1:{port}"
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
