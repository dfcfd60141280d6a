"""The Python modules ``generate`` renders, before black: what the formatting tests format."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.commands.generate import render_all
from generator.render import package


def unformatted(monkeypatch: pytest.MonkeyPatch, manifest: Path, mirror: Path) -> dict[str, str]:
    """The Python modules ``generate`` renders for ``manifest``, before black."""
    captured: dict[str, str] = {}

    def capture(sources: dict[str, str], *, parallel: bool = False) -> dict[str, str]:
        captured.update(sources)
        return dict(sources)

    with monkeypatch.context() as patch:
        patch.setattr(package, "format_many", capture)
        render_all(manifest, mirror=mirror, validate=False)
    return captured
