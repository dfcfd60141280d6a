"""Adding or replacing one API version's entry in the manifest, as ``pin`` does.

The manifest is data that people also read and comment, so the text is rewritten in one stable
layout (the order of keys kept, lists indented under their key) with its leading comment block
kept (comments further down are not), and the result is checked by the manifest's own reader
before anyone writes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.manifest import ApiVersionEntry, Manifest, ManifestError, parse_manifest


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key (``files:\\n  - path: ...``), as the manifest is
    written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _entry_data(entry: ApiVersionEntry) -> dict[str, Any]:
    files: list[dict[str, str]] = []
    for item in entry.files:
        data = {"path": item.path}
        if item.repository is not None and item.commit is not None:
            data |= {
                "repository": item.repository,
                "commit": item.commit,
                "source_path": item.source_path,
            }
        files.append(data | {"sha256": item.sha256})
    return {
        "api_version": entry.api_version,
        "package": entry.package,
        "spec": entry.spec,
        "files": files,
    }


def _leading_comments(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def with_version(text: str, path: Path, entry: ApiVersionEntry) -> tuple[str, Manifest]:
    """The manifest ``text`` with ``entry`` added, or replacing the entry of its API version;
    and the manifest it reads as.  Raises :class:`ManifestError` when the result is wrong
    (for example a package name another version already uses)."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("versions"), list):
        raise ManifestError(f"{path}:/versions: expected a list")
    versions: list[Any] = data["versions"]
    same = [
        i
        for i, version in enumerate(versions)
        if isinstance(version, dict) and version.get("api_version") == entry.api_version
    ]
    if same:
        versions[same[0]] = _entry_data(entry)
    else:
        versions.append(_entry_data(entry))
    body = yaml.dump(
        data, Dumper=_IndentedDumper, sort_keys=False, allow_unicode=True, width=10_000
    )
    new_text = _leading_comments(text) + body
    return new_text, parse_manifest(new_text, path)
