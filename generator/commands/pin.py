"""``pin SPEC``: add a new API version (or refresh one) from a spec on disk, in one command.

The spec is loaded as every command loads it (a spec with errors is refused, exit 1, and the
manifest is left alone); the files it needs -- the spec, every file its ``$ref``s lead to and
every ``x-ms-examples`` file that exists -- are copied into the local copy under
``pinned/<package>/`` and recorded in the manifest with their sha256.  Repository and commit
are recorded when given (then ``sync`` can fetch the files upstream); without them the files are
local, and ``sync`` keeps the copy or takes them from a mirror.  ``sync``, ``generate`` and the
change report then include the version.

Exit codes: 0 pinned; 1 the spec has errors; 2 bad usage or the tool failed (manifest
unreadable, a package name taken, a file that cannot be written).
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.atomic import write_file_atomically
from generator.bounded_io import ReadRefused, read_regular_file
from generator.diagnostics import Severity
from generator.git import work_tree_top
from generator.manifest import ApiVersionEntry, ManifestError, SpecFile, load_manifest
from generator.manifest_edit import with_version

PINNED_FOLDER = "pinned"
"""Where pinned files go in the local copy: ``pinned/<package>/<path beside the spec>``."""
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class PinRequest:
    """What the command line asked for; None means "derive it from the spec"."""

    spec: Path
    manifest: Path
    api_version: str | None = None
    package: str | None = None
    repository: str | None = None
    commit: str | None = None


class PinFailed(Exception):
    """Bad usage or a tool failure (exit 2), as one printable line."""


def package_for(api_version: str) -> str:
    """The package name of an API version: ``2025-02-01-preview`` -> ``v2025_02_01_preview``."""
    return "v" + re.sub(r"[^0-9a-z]+", "_", api_version.lower()).strip("_")


def run_pin(request: PinRequest) -> int:
    """The ``pin`` command; see the module docstring for exit codes."""
    from generator.load import load_spec
    from generator.normalize.examples import example_files

    loaded = load_spec(request.spec)
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
    if errors or not loaded.raw:
        for diagnostic in errors:
            print(diagnostic.render(), file=sys.stderr)
        print("pin: the spec has errors; the manifest was not changed", file=sys.stderr)
        return 1
    try:
        manifest = load_manifest(request.manifest)
        api_version = request.api_version or _declared_version(loaded.raw.get("info"))
        package = request.package or package_for(api_version)
        spec_dir = request.spec.resolve().parent
        sources = list(dict.fromkeys([*loaded.files, *example_files(dict(loaded.raw), spec_dir)]))
        entry, contents = _entry(request, api_version, package, spec_dir, sources)
        text, updated = with_version(
            request.manifest.read_text(encoding="utf-8-sig"), request.manifest, entry
        )
        for item in entry.files:
            write_file_atomically(manifest.copy_root / item.path, contents[item.path])
        write_file_atomically(request.manifest, text)
    except (ManifestError, PinFailed, ReadRefused) as problem:
        print(f"pin: {problem}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"pin: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(
        f"pin: {api_version} (package {package}, {len(updated.versions)} versions): "
        f"{len(entry.files)} file(s) recorded in {request.manifest} and copied to "
        f"{manifest.copy_root / PINNED_FOLDER / package}"
    )
    return 0


def _declared_version(info: object) -> str:
    version = info.get("version") if isinstance(info, dict) else None
    if not isinstance(version, str) or not version.strip():
        raise PinFailed("the spec declares no info.version; give --api-version")
    return version


def _entry(
    request: PinRequest, api_version: str, package: str, spec_dir: Path, sources: list[Path]
) -> tuple[ApiVersionEntry, dict[str, bytes]]:
    """The manifest entry for ``sources`` (the spec first) and each file's bytes by path."""
    top = work_tree_top(spec_dir) if request.repository is not None else None
    files: list[SpecFile] = []
    contents: dict[str, bytes] = {}
    for source in sources:
        relative = source.resolve().relative_to(spec_dir).as_posix()
        local = f"{PINNED_FOLDER}/{package}/{relative}"
        data = read_regular_file(source, MAX_FILE_BYTES)
        upstream = source.resolve().relative_to(top).as_posix() if top is not None else relative
        files.append(
            SpecFile(
                path=local,
                sha256=hashlib.sha256(data).hexdigest(),
                repository=request.repository,
                commit=request.commit,
                source_path=upstream if request.repository is not None else local,
            )
        )
        contents[local] = data
    return ApiVersionEntry(api_version, package, files[0].path, tuple(files)), contents
