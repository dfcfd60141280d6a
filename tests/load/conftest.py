"""Fixtures for loader tests: the real specs (loaded once), and small specs in ``tmp_path``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.load import LoadedSpec, load_spec


@pytest.fixture(scope="session")
def real_spec(shared_specs: Path) -> Callable[[str], LoadedSpec]:
    """Load a real spec (relative to the mirror) once per session."""
    cache: dict[str, LoadedSpec] = {}

    def load(relative: str) -> LoadedSpec:
        if relative not in cache:
            cache[relative] = load_spec(shared_specs / relative)
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
