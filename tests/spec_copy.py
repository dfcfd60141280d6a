"""Where the tests read the real specs: the local copy that ``python -m generator sync`` fills.

Tests never read a mirror folder directly: ``sync`` fills ``specs/.cache`` from a mirror or by
download, checking every sha256, and the tests read that copy, so they pass on any machine where
``sync`` succeeded.  The session refuses to start, in one line, when the copy is incomplete.
"""

from __future__ import annotations

from pathlib import Path

from generator.manifest import load_manifest
from generator.sync import is_current

REPO_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = REPO_ROOT / "specs" / "manifest.yaml"
_PINNED = load_manifest(MANIFEST)
SPEC_COPY = _PINNED.copy_root
API_VERSIONS = tuple(entry.api_version for entry in _PINNED.versions)
"""Every API version the manifest pins, oldest first (each feeds a client package)."""


def azure_spec_path(version: str) -> Path:
    """The synced main spec of ``version`` (Swagger 2.0 or OpenAPI 3, as the manifest pins it)."""
    for entry in _PINNED.versions:
        if entry.api_version == version:
            return _PINNED.spec_path(entry)
    raise KeyError(version)


def unsynced_files(manifest_path: Path = MANIFEST) -> list[str]:
    """Pinned files whose local copy is missing or differs from the manifest's sha256."""
    manifest = load_manifest(manifest_path)
    return [item.path for item in manifest.all_files() if not is_current(manifest, item)]


def sync_hint(manifest_path: Path = MANIFEST) -> str | None:
    """One line telling how to fill the copy, or None when every pinned file is in place."""
    missing = unsynced_files(manifest_path)
    if not missing:
        return None
    copy_root = load_manifest(manifest_path).copy_root
    return (
        f"{copy_root}: {len(missing)} pinned spec file(s) missing or stale (first: {missing[0]}); "
        "run `python -m generator sync` (add `--from DIR` to copy from a mirror folder)"
    )
