"""Rewrite known Swagger defects in a raw spec before its references are resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import DiagnosticSink


def normalize(document: dict[str, Any], sink: DiagnosticSink, *, spec_dir: Path) -> None:
    """Fix known defects in ``document`` in place, one warning per fix."""
