"""The entry point ``generate`` uses to write the committed change report under ``generated/``."""

from __future__ import annotations

from collections.abc import Sequence

from generator.ir import ApiSpec


def report_files(specs: Sequence[ApiSpec]) -> dict[str, str]:
    """Report files for ``specs`` (oldest first): relative path under ``generated/`` -> text."""
    versions = [spec.client.api_version for spec in specs]
    lines = ["# API changes", "", "Versions: " + ", ".join(versions), ""]
    return {"changes/changes.md": "\n".join(lines)}
