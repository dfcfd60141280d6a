"""``sync``: fill the local copy of the pinned spec files, checking every sha256.

Sources, in order: a mirror folder laid out like the copy (``--from DIR``, or the
``AZPYGEN_SPECS_MIRROR`` environment variable, else ``../shared/specs`` beside the checkout when
it exists); with no mirror, the pinned upstream file (``<base>/<repository>/<commit>/<path>``,
base ``https://raw.githubusercontent.com``, overridable with ``AZPYGEN_SPECS_BASE_URL``).

A mirror that was asked for (``--from`` or the variable) and does not exist is refused at once
(:class:`MirrorMissing`), whatever the state of the copy; the default mirror is optional, and its
absence is said in one line before the first download.  A file whose bytes do not match the
manifest's sha256, or that cannot be fetched, is reported in one line and the previous local
copy, when there is one, is left untouched: new bytes are verified in memory,
written to a temporary file in the same folder and moved into place with ``os.replace``.
Downloads time out; nothing waits forever.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_file_atomically
from generator.bounded_io import ReadRefused, read_regular_file, read_url
from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.manifest import Manifest, SpecFile

MIRROR_ENV = "AZPYGEN_SPECS_MIRROR"
BASE_URL_ENV = "AZPYGEN_SPECS_BASE_URL"
DEFAULT_BASE_URL = "https://raw.githubusercontent.com"
DOWNLOAD_TIMEOUT_SECONDS = 20.0
"""Longest wait for the server to connect or send the next bytes."""
DOWNLOAD_DEADLINE_SECONDS = 120.0
"""Longest time one file's whole transfer may take."""
MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024


class MirrorMissing(Exception):
    """A mirror folder was asked for and does not exist (bad usage); the message is one line."""


@dataclass
class SyncResult:
    """What happened to each file: counts, one diagnostic per failure, and notes to print."""

    current: int = 0
    copied: int = 0
    downloaded: int = 0
    source: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _shared_specs(manifest: Manifest) -> Path:
    """The default mirror: ``../shared/specs`` beside the checkout holding the manifest."""
    return manifest.copy_root.parent.parent.parent / "shared" / "specs"


def default_mirror(manifest: Manifest) -> Path | None:
    """The mirror used when none is given: the env variable, else ``../shared/specs`` when it
    exists (else None: download)."""
    configured = os.environ.get(MIRROR_ENV)
    if configured:
        return Path(configured)
    shared = _shared_specs(manifest)
    return shared if shared.is_dir() else None


def _check_mirror(source: Path | None) -> None:
    """Raise MirrorMissing when a mirror was asked for and is not a folder."""
    if source is not None and not source.is_dir():
        raise MirrorMissing(
            f"{source}: error: the mirror folder does not exist; give an existing folder to "
            f"--from (or {MIRROR_ENV}), or neither to download the pinned files"
        )


def sync_files(manifest: Manifest, mirror: Path | None, *, lazily: bool = False) -> SyncResult:
    """Bring every file of ``manifest`` into its local copy; see the module docstring.

    ``lazily`` checks the mirror only when a file must be fetched (``generate``, for which the
    mirror is a fallback); ``sync`` checks it first, whatever the state of the copy.
    """
    source = mirror if mirror is not None else default_mirror(manifest)
    if not lazily:
        _check_mirror(source)
    base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    result = SyncResult(source=str(source) if source is not None else base_url)
    for item in manifest.all_files():
        target = manifest.copy_root / item.path
        sink = DiagnosticSink(str(target))
        if is_current(manifest, item):
            result.current += 1
            continue
        _check_mirror(source)
        if source is None and not result.notes:
            result.notes.append(
                f"no mirror folder at {_shared_specs(manifest)}; downloading the pinned files "
                f"from {base_url}"
            )
        if source is not None:
            data = _read_mirror(source, item, sink)
        else:
            data = _download(base_url, item, sink)
        if data is None:
            result.diagnostics.extend(sink.items)
            continue
        actual = hashlib.sha256(data).hexdigest()
        if actual != item.sha256:
            sink.error(
                "", f"sha256 mismatch: got {actual}, manifest pins {item.sha256}", _kept(target)
            )
            result.diagnostics.extend(sink.items)
            continue
        if not _write_atomically(target, data, sink):
            result.diagnostics.extend(sink.items)
            continue
        if source is not None:
            result.copied += 1
        else:
            result.downloaded += 1
    return result


def is_current(manifest: Manifest, item: SpecFile) -> bool:
    """Whether the local copy of ``item`` exists with the pinned sha256."""
    return _sha256_of_file(manifest.copy_root / item.path) == item.sha256


def _sha256_of_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(read_regular_file(path, MAX_DOWNLOAD_BYTES)).hexdigest()
    except ReadRefused:
        return None


def _read_mirror(mirror: Path, item: SpecFile, sink: DiagnosticSink) -> bytes | None:
    """The mirror's copy: a regular file, read no further than the size cap."""
    source = mirror / item.path
    try:
        return read_regular_file(source, MAX_DOWNLOAD_BYTES)
    except ReadRefused as refused:
        sink.error("", f"cannot copy from mirror {source}: {refused}", "not synced")
        return None


def _download(base_url: str, item: SpecFile, sink: DiagnosticSink) -> bytes | None:
    """The pinned upstream file; each wait and the whole transfer are bounded in time."""
    if item.repository is None:
        sink.error(
            "",
            "not in the local copy, and the manifest pins no repository to download it from",
            "copy it in with `python -m generator pin` or sync from a mirror that holds it",
        )
        return None
    url = f"{base_url.rstrip('/')}/{item.repository}/{item.commit}/{item.source_path}"
    deadline = time.monotonic() + DOWNLOAD_DEADLINE_SECONDS
    try:
        return read_url(
            url, MAX_DOWNLOAD_BYTES, timeout=DOWNLOAD_TIMEOUT_SECONDS, deadline=deadline
        )
    except ReadRefused as refused:
        sink.error("", f"download failed: {url}: {refused}", _kept(Path(sink.file)))
        return None


def _kept(target: Path) -> str:
    """What became of the local copy after a failure: kept when there was one."""
    return "previous copy kept" if target.exists() else "not synced"


def _write_atomically(target: Path, data: bytes, sink: DiagnosticSink) -> bool:
    """Write ``data`` to a temporary file beside ``target``, then move it into place."""
    try:
        write_file_atomically(target, data)
    except OSError as exc:
        sink.error("", f"cannot write the local copy: {exc.strerror or exc}", _kept(target))
        return False
    return True


def ensure_specs(manifest: Manifest, mirror: Path | None) -> tuple[Diagnostic, ...]:
    """Make sure every pinned file is in the local copy with the right sha256.

    Files already there and intact are kept.  Others are copied from ``mirror`` (default: the
    ``AZPYGEN_SPECS_MIRROR`` folder, else ``../shared/specs`` beside the checkout when it
    exists) or downloaded.  Returns one error diagnostic per file that could not be made right;
    raises :class:`MirrorMissing` when a file must be fetched and ``mirror`` (or the variable)
    names no folder.
    """
    return tuple(sync_files(manifest, mirror, lazily=True).diagnostics)
