"""openapi-spec-validator's findings, kept by the content of the files they were found in.

Every command validates, so that one spec gets one verdict whichever command reads it.  The
validator costs ~0.4 s to import and about a second per large spec; its findings depend only on
the bytes of the files read and on its own version, so they are cached under a hash of those
(``<cache>/validation``).  A warm ``ir`` or ``generate`` neither imports nor runs it.  A spec
that reaches the network is validated every time: its remote parts may change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.cache import cache_root, read_entry, store_entry
from generator.diagnostics import Diagnostic, Severity
from generator.load.validation_worker import Findings, Ready, Run, start_validation

_FORMAT = "1"
"""Bumped when the stored layout or the meaning of a finding changes."""


def cached_findings(
    kind: str, files: Sequence[Path], label: str, run: Run, *, parallel: bool = False
) -> Findings:
    """``run()``'s findings for the spec made of ``files`` (the main file first), cached.

    ``kind`` names what is validated (the format read) so that one file read two ways gets two
    entries.  Findings are stored with the main file's label left out and put back on reading,
    so a copy of the spec elsewhere shares the entry.  A miss runs the validator in a worker
    process when ``parallel`` (:mod:`.validation_worker`); its findings are stored once
    collected.
    """
    key = _key(kind, files)
    if key is None:
        return start_validation(run, label, parallel=parallel)
    folder = cache_root() / "validation"
    stored = read_entry(folder, key)
    if stored is not None:
        findings = _decode(stored, label)
        if findings is not None:
            return Ready(tuple(findings))

    def keep(findings: list[Diagnostic]) -> None:
        store_entry(folder, key, _encode(findings, label))

    return start_validation(run, label, keep, parallel=parallel)


def _key(kind: str, files: Sequence[Path]) -> str | None:
    try:
        tool = version("openapi-spec-validator")
    except PackageNotFoundError:
        return None
    digest = hashlib.sha256(f"{_FORMAT};{tool};{kind}".encode())
    base = files[0].parent if files else Path()
    for index, path in enumerate(files):
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:  # the main file's own name does not count; the others' names relative to it do
            name = "" if index == 0 else path.relative_to(base).as_posix()
        except ValueError:
            name = path.as_posix()
        digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _encode(findings: Sequence[Diagnostic], label: str) -> str:
    rows = [
        [None if d.file == label else d.file, d.pointer, d.severity.value, d.message, d.action]
        for d in findings
    ]
    return json.dumps(rows, ensure_ascii=True)


def _decode(text: str, label: str) -> list[Diagnostic] | None:
    try:
        rows = json.loads(text)
        return [
            Diagnostic(label if file is None else str(file), str(at), Severity(sev), msg, act)
            for file, at, sev, msg, act in rows
        ]
    except (ValueError, TypeError):
        return None


__all__ = ["cached_findings"]
