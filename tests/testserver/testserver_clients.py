"""Generating and importing the client of one test-server spec (see ``conftest.py``)."""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import testserver_process as server

from generator.commands.generate import AdHocOptions, render_specs
from generator.write import write_tree


@dataclass(frozen=True)
class Generated:
    """A test-server spec's generated package, imported."""

    spec: str
    version: ModuleType  # the API-version subpackage
    client_name: str
    folder: Path  # the distribution folder (for type checks)

    @property
    def client(self) -> Any:
        """The sync client class."""
        return getattr(self.version, self.client_name)

    @property
    def aio_client(self) -> Any:
        """The async client class."""
        return getattr(importlib.import_module(self.version.__name__ + ".aio"), self.client_name)

    @property
    def models(self) -> Any:
        """The models module."""
        return importlib.import_module(self.version.__name__ + ".models")


def namespace_for(spec: str) -> str:
    """The import package a spec's client is generated under (one per spec)."""
    return "testserver_" + re.sub(r"[^a-z0-9]+", "_", spec.lower()).strip("_")


def generate(spec: str, root: Path, path: Path | None = None) -> Generated:
    """Generate the client of ``spec`` (the server's, or the file at ``path``) under ``root``
    (never ``generated/``) and import it."""
    namespace = namespace_for(spec)
    files = render_specs(
        [path or server.SWAGGER / f"{spec}.json"],
        AdHocOptions(namespace=namespace, package_name=spec),
    )
    write_tree(root / spec, files)
    folder = root / spec / spec
    sys.path.insert(0, str(folder))
    package = importlib.import_module(namespace)
    version = importlib.import_module(f"{namespace}.{package._NEWEST}")
    return Generated(spec, version, package.__all__[0], folder)
