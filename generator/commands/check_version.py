"""``check-version``: does the manifest's version move enough since the previous release?

The previous release is the record the last ``generate`` left in the output folder
(``generated/generate-record.json``), or, with ``--against REF``, that record as committed at a
git ref (in CI: the target branch).  The rules are :mod:`generator.versioning`'s: a new default
API version needs at least a minor bump; code written against the previous release breaking
(the diff's client verdict from the previous default to the new one, or a removed API version)
needs a major bump, a minor one while 0.x.

Exit codes: 0 the version is enough (or there is no previous release); 1 it is not, or a spec
has errors; 2 bad usage or the tool failed (manifest or record unreadable, unknown ref).
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.diagnostics import Severity
from generator.git import GitError, file_at
from generator.manifest import Manifest, ManifestError, load_manifest
from generator.record import RECORD_FILE, Record, RecordError, parse_record
from generator.sync import MirrorMissing, ensure_specs
from generator.versioning import Bump, Change, bump_problem, required_bump


def run_check_version(manifest_path: Path, out: Path, *, against: str | None) -> int:
    """The ``check-version`` command; see the module docstring for exit codes."""
    try:
        manifest = load_manifest(manifest_path)
        previous = _previous_record(out / RECORD_FILE, against)
    except (ManifestError, RecordError, GitError) as error:
        print(f"check-version: {error}", file=sys.stderr)
        return 2
    if previous is None:
        where = f"{out / RECORD_FILE}" + (f" at {against}" if against else "")
        print(f"check-version: no previous release recorded ({where}); {manifest.version} is fine")
        return 0
    default = manifest.versions[-1].api_version
    listed = {entry.api_version for entry in manifest.versions}
    breaking = 0
    if previous.default_api_version != default and previous.default_api_version in listed:
        counted = _client_breaking(manifest, previous.default_api_version, default)
        if counted is None:
            print("check-version: the specs have errors; nothing was compared", file=sys.stderr)
            return 1
        breaking = counted
    removed = tuple(v for v in previous.api_versions if v not in listed)
    change = Change(previous.default_api_version, default, removed, breaking)
    needed = required_bump(change, previous.version)
    problem = bump_problem(previous.version, manifest.version, needed)
    reasons = "; ".join(change.reasons()) or "no change users see"
    if problem is not None:
        print(
            f"check-version: {reasons}; {problem}: set `version:` in {manifest_path}",
            file=sys.stderr,
        )
        return 1
    need = "" if needed is Bump.NONE else f", a {needed.value} bump needed"
    print(f"check-version: {previous.version} -> {manifest.version} is enough ({reasons}{need})")
    return 0


def _previous_record(path: Path, against: str | None) -> Record | None:
    """The previous release's record: on disk, or at the git ref ``against``; None if none."""
    if against is not None:
        text = file_at(against, path)
        where = f"{path} at {against}"
    else:
        try:
            text = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError) as exc:
            raise RecordError(f"{path}: cannot read: {exc}") from None
        where = str(path)
    return None if text is None else parse_record(text, where)


def _client_breaking(manifest: Manifest, old: str, new: str) -> int | None:
    """How many changes from API version ``old`` to ``new`` break user code (None: errors)."""
    from generator.diff.api import diff_pair
    from generator.pipeline import compile_spec

    try:
        problems = ensure_specs(manifest, None)
    except MirrorMissing as missing:
        print(str(missing), file=sys.stderr)
        return None
    if problems:
        for diagnostic in problems:
            print(diagnostic.render(), file=sys.stderr)
        return None
    entries = {entry.api_version: entry for entry in manifest.versions}
    specs = []
    for version in (old, new):
        spec, diagnostics = compile_spec(manifest.spec_path(entries[version]), parallel=True)
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        for diagnostic in errors:
            print(diagnostic.render(), file=sys.stderr)
        if spec is None or errors:
            return None
        specs.append(spec)
    return sum(1 for change in diff_pair(specs[0], specs[1]).changes if change.client_breaking)
