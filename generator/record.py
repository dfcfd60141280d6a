"""What a ``generate`` run produced, recorded in its output (``generated/generate-record.json``).

The record is part of the output, committed with it, and serves two later questions: which
files in the output folder ``generate`` made (so that a file someone else put there is named
when it is removed), and what the previous release looked like -- the distribution's version,
its API versions and the default (newest) one -- so that ``check-version`` can tell whether the
version number moved enough.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

RECORD_FILE = "generate-record.json"


class RecordError(ValueError):
    """The record cannot be read; the message says why."""


@dataclass(frozen=True)
class Record:
    """One run's outcome: distribution, version, API versions (oldest first) and files."""

    distribution: str
    version: str
    api_versions: tuple[str, ...]
    files: tuple[str, ...]

    @property
    def default_api_version(self) -> str:
        """The API version the top-level package re-exports: the newest."""
        return self.api_versions[-1]


def record_text(
    distribution: str, version: str, api_versions: Iterable[str], files: Iterable[str]
) -> str:
    """The record as stable JSON text (sorted file list, trailing newline)."""
    versions = list(api_versions)
    data = {
        "distribution": distribution,
        "version": version,
        "api_versions": versions,
        "default_api_version": versions[-1] if versions else None,
        "files": sorted(path for path in files if path != RECORD_FILE),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def parse_record(text: str, where: str) -> Record:
    """Read a record's text; raise :class:`RecordError` naming ``where`` when it is wrong."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RecordError(f"{where}: not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise RecordError(f"{where}: expected a JSON object")
    versions = data.get("api_versions")
    files = data.get("files")
    fields = (data.get("distribution"), data.get("version"))
    if (
        not all(isinstance(value, str) for value in fields)
        or not isinstance(versions, list)
        or not versions
        or not all(isinstance(value, str) for value in versions)
        or not isinstance(files, list)
        or not all(isinstance(value, str) for value in files)
    ):
        raise RecordError(
            f"{where}: expected distribution, version, api_versions and files; "
            "run `python -m generator generate` to rewrite it"
        )
    return Record(str(fields[0]), str(fields[1]), tuple(versions), tuple(files))
