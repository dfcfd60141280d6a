"""``sync``: fill the local copy of every pinned spec file and say what was done."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.manifest import ManifestError, load_manifest
from generator.sync import MirrorMissing, sync_files


def run_sync(manifest_path: Path, *, mirror: Path | None) -> int:
    """CLI ``sync``: 0 when every file is in place, 1 if any failed, 2 for a bad manifest or a
    mirror folder that does not exist."""
    try:
        manifest = load_manifest(manifest_path)
    except ManifestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        result = sync_files(manifest, mirror)
    except MirrorMissing as exc:
        print(str(exc), file=sys.stderr)
        return 2
    for note in result.notes:
        print(f"sync: {note}", file=sys.stderr)
    for diagnostic in result.diagnostics:
        print(diagnostic.render(), file=sys.stderr)
    total = len(manifest.all_files())
    print(
        f"{total - len(result.diagnostics)} of {total} files in {manifest.copy_root} "
        f"({result.current} already current, {result.copied} copied, "
        f"{result.downloaded} downloaded; source {result.source})"
    )
    return 1 if result.diagnostics else 0
