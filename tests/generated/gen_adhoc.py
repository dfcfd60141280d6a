"""Generating a package from a small spec written in a test, into a temporary folder."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.pipeline import compile_spec
from generator.render.package import (
    PackageSettings,
    VersionInput,
    render_distribution,
    runtime_files,
)
from generator.write import write_tree


def generate_package(
    root: Path, document: dict[str, Any], namespace: str, client: str, version: str
) -> ModuleType:
    """Compile ``document``, render it as the distribution of ``namespace`` under ``root`` and
    import its version subpackage ``version``."""
    spec_path = root / "spec.json"
    spec_path.write_text(json.dumps(document), encoding="utf-8")
    spec, diagnostics = compile_spec(spec_path)
    assert spec is not None, [d.render() for d in diagnostics]
    distribution = namespace.replace("_", "-")
    settings = PackageSettings(distribution, namespace, client, client)
    files = render_distribution(
        settings, [VersionInput(version, "spec.json", spec)], runtime_files()
    )
    write_tree(root / "out", files)
    sys.path.insert(0, str(root / "out" / distribution))
    return importlib.import_module(f"{namespace}.{version}")
