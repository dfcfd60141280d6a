"""The spec manifest (``specs/manifest.yaml``): which pinned files feed which client package.

Each API version names its output package, its main spec and every file it needs, each pinned
by upstream repository, full commit, path there and sha256.  The files themselves live in a
git-ignored local copy (``specs/.cache/``) that
:func:`generator.sync.ensure_specs` (and ``sync``) fills.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.render.escape import UNSAFE

COPY_FOLDER = ".cache"
"""The local copy's folder, beside the manifest (``specs/.cache``, git-ignored)."""

_HEX40 = re.compile(r"[0-9a-f]{40}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_PACKAGE = re.compile(r"[a-z_][a-z0-9_]*")
_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")  # PEP 508 names
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
DEFAULT_VERSION = "0.1.0"
"""The distribution's version when the manifest names none."""
_CLASS = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ManifestError(ValueError):
    """The manifest cannot be read or breaks its schema; the message says where."""


@dataclass(frozen=True)
class SpecFile:
    """One pinned input file."""

    path: str
    """Where it lives in the local copy, e.g. ``azure/2023-06-01-preview/azureopenai.json``."""
    sha256: str
    repository: str | None = None
    """Upstream ``owner/name``; None for a local file (copied by ``pin`` or from a mirror)."""
    commit: str | None = None
    source_path: str = ""
    """The path in ``repository`` (the local ``path`` when not given)."""


@dataclass(frozen=True)
class ApiVersionEntry:
    """One API version: the package it becomes and the files it needs."""

    api_version: str
    package: str
    spec: str
    files: tuple[SpecFile, ...]


@dataclass(frozen=True)
class Manifest:
    """The whole manifest; ``versions`` oldest first.

    ``client_name``, ``title`` and ``credential_scopes`` are optional; when
    absent the renderer derives them from the newest spec (see
    :func:`generator.render.settings.package_settings`).
    """

    distribution: str
    namespace: str
    versions: tuple[ApiVersionEntry, ...]
    copy_root: Path
    version: str = DEFAULT_VERSION
    """The generated distribution's version (``MAJOR.MINOR.PATCH``)."""
    client_name: str | None = None
    title: str | None = None
    credential_scopes: tuple[str, ...] = ()

    def spec_path(self, entry: ApiVersionEntry) -> Path:
        """The local copy of ``entry``'s main spec."""
        return self.copy_root / entry.spec

    def all_files(self) -> tuple[SpecFile, ...]:
        """Every pinned file once, in manifest order."""
        seen: dict[str, SpecFile] = {}
        for entry in self.versions:
            for item in entry.files:
                seen.setdefault(item.path, item)
        return tuple(seen.values())


def load_manifest(path: Path) -> Manifest:
    """Read and check the manifest at ``path``; raise :class:`ManifestError` when it is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else exc
        raise ManifestError(f"{path}: cannot read: {reason or exc}") from exc
    return parse_manifest(text, path)


def parse_manifest(text: str, path: Path) -> Manifest:
    """Check the manifest ``text`` as if read from ``path`` (which places the local copy)."""
    try:
        # libyaml's safe loader when PyYAML has it: reading the manifest drops from ~80 to ~30 ms.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ManifestError(f"{path}: invalid YAML: {exc}") from exc
    where = str(path)
    body = _mapping(data, where)
    versions = tuple(
        _version(item, f"{where}:/versions/{i}")
        for i, item in enumerate(_list(body.get("versions"), f"{where}:/versions"))
    )
    if not versions:
        raise ManifestError(f"{where}:/versions: no API versions listed")
    for field_name in ("api_version", "package"):
        values = [getattr(entry, field_name) for entry in versions]
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            raise ManifestError(f"{where}:/versions: {field_name} {repeated[0]!r} is listed twice")
    ordered = tuple(sorted(versions, key=lambda entry: entry.api_version))
    client_name = _optional_text(body.get("client_name"), f"{where}:/client_name")
    if client_name is not None and not is_class_name(client_name):
        raise ManifestError(f"{where}:/client_name: {client_name!r} is not a Python class name")
    scopes = body.get("credential_scopes")
    return Manifest(
        distribution=_distribution(body.get("distribution"), f"{where}:/distribution"),
        namespace=_identifier(body.get("namespace"), f"{where}:/namespace"),
        versions=ordered,
        copy_root=path.resolve().parent / COPY_FOLDER,
        version=_semver(body.get("version", DEFAULT_VERSION), f"{where}:/version"),
        client_name=client_name,
        title=_optional_text(body.get("title"), f"{where}:/title"),
        credential_scopes=(
            ()
            if scopes is None
            else tuple(
                _text(item, f"{where}:/credential_scopes/{i}")
                for i, item in enumerate(_list(scopes, f"{where}:/credential_scopes"))
            )
        ),
    )


def is_distribution_name(text: str) -> bool:
    """Whether ``text`` is a valid distribution (PEP 508) name."""
    return _DISTRIBUTION.fullmatch(text) is not None


def is_package_name(text: str) -> bool:
    """Whether ``text`` is a lower-case Python identifier (an import package's name)."""
    return _PACKAGE.fullmatch(text) is not None


def is_class_name(text: str) -> bool:
    """Whether ``text`` can name a Python class (an identifier, not a keyword)."""
    return _CLASS.fullmatch(text) is not None and not keyword.iskeyword(text)


def _version(data: Any, where: str) -> ApiVersionEntry:
    body = _mapping(data, where)
    files = tuple(
        _file(item, f"{where}/files/{i}")
        for i, item in enumerate(_list(body.get("files"), f"{where}/files"))
    )
    spec = _relative(body.get("spec"), f"{where}/spec")
    if spec not in {item.path for item in files}:
        raise ManifestError(f"{where}/spec: {spec} is not among the version's files")
    return ApiVersionEntry(
        api_version=_text(body.get("api_version"), f"{where}/api_version"),
        package=_identifier(body.get("package"), f"{where}/package"),
        spec=spec,
        files=files,
    )


def _file(data: Any, where: str) -> SpecFile:
    """One pinned file; ``repository`` and ``commit`` go together and are optional (a local
    file is pinned by its sha256 alone)."""
    body = _mapping(data, where)
    path = _relative(body.get("path"), f"{where}/path")
    repository = body.get("repository")
    commit = body.get("commit")
    if (repository is None) != (commit is None):
        raise ManifestError(f"{where}: repository and commit go together; give both or neither")
    if repository is not None:
        repository = _text(repository, f"{where}/repository")
        commit = _hex(commit, _HEX40, f"{where}/commit", "a full 40-hex commit id")
    source = body.get("source_path")
    return SpecFile(
        path=path,
        sha256=_hex(body.get("sha256"), _HEX64, f"{where}/sha256", "a sha256 in hex"),
        repository=repository,
        commit=commit,
        source_path=path if source is None else _relative(source, f"{where}/source_path"),
    )


def _hex(data: Any, pattern: re.Pattern[str], where: str, what: str) -> str:
    """A hex id as text.  YAML reads an unquoted all-digit id as a number (and drops leading
    zeros, so ``000...0`` becomes 0): that is refused with the fix rather than guessed."""
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        raise ManifestError(f"{where}: read as the number {data}, not text; quote it ('...')")
    text = _text(data, where)
    if not pattern.fullmatch(text):
        raise ManifestError(f"{where}: {text!r} is not {what}")
    return text


def _mapping(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: expected a mapping")
    return data


def _list(data: Any, where: str) -> list[Any]:
    if not isinstance(data, list):
        raise ManifestError(f"{where}: expected a list")
    return data


def _text(data: Any, where: str) -> str:
    if not isinstance(data, str) or not data.strip():
        raise ManifestError(f"{where}: expected a non-empty string")
    found = UNSAFE.search(data)  # controls, lone surrogates, line separators, bidi controls
    if found is not None:
        # Names and paths from here reach file names, records and generated text.
        raise ManifestError(f"{where}: {data!a} holds the invisible character {found.group()!a}")
    return data


def parse_semver(text: str) -> tuple[int, int, int] | None:
    """``(major, minor, patch)`` of a plain ``MAJOR.MINOR.PATCH`` version, else None."""
    match = _SEMVER.fullmatch(text)
    if match is None:
        return None
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def _semver(data: Any, where: str) -> str:
    text = data if isinstance(data, str) else str(data)  # YAML reads an unquoted 1.0 as a float
    if parse_semver(text) is None:
        raise ManifestError(f"{where}: {text!r} is not a MAJOR.MINOR.PATCH version (quote it)")
    return text


def _optional_text(data: Any, where: str) -> str | None:
    return None if data is None else _text(data, where)


def _identifier(data: Any, where: str) -> str:
    text = _text(data, where)
    if not _PACKAGE.fullmatch(text):
        raise ManifestError(f"{where}: {text!r} is not a lower-case Python identifier")
    return text


def _distribution(data: Any, where: str) -> str:
    """A distribution name as PEP 508 spells one; it is also the output folder's name."""
    text = _text(data, where)
    if not _DISTRIBUTION.fullmatch(text):
        raise ManifestError(f"{where}: {text!r} is not a distribution name (letters, digits, .-_)")
    return text


def _relative(data: Any, where: str) -> str:
    """A relative POSIX path that cannot climb out of its root (no ``..``, not absolute)."""
    text = _text(data, where)
    pure = PurePosixPath(text)
    if pure.is_absolute() or ".." in pure.parts or "\\" in text or text != pure.as_posix():
        raise ManifestError(f"{where}: {text!r} must be a plain relative path")
    return text
