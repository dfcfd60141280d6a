"""Which of the test server's scenarios belong to which spec, by the spec's paths.

The server knows scenarios two ways.  Newer routes are registered with their scenario name
(the server logs ``Registering route <method> <path> (<name>)``), so a scenario belongs to every
spec with an operation of that method whose path matches the route, segment by segment (``:x``
and ``{x}`` match anything).  Older ("legacy") route modules are mounted under a prefix
(``app.use("/int", ...)`` in ``dist/legacy/legacy.js``) and bump counters by literal name, so a
scenario named in a module's source belongs to every spec with a path under its prefix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MODULE = re.compile(r"const (\w+) = requireLegacy\(\"([^\"]+)\"\)")
_MOUNT = re.compile(r"app\.use\(\"([^\"]+)\", new (\w+)\(")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")


@dataclass(frozen=True)
class SpecOperations:
    """The (method, full path) pairs of one spec, base path and host-template path included."""

    name: str
    operations: frozenset[tuple[str, str]]


def spec_operations(path: Path) -> SpecOperations:
    """Read a spec's operations (``paths`` and ``x-ms-paths``) with their full paths."""
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8-sig"))
    prefix = _host_path(doc)
    found: set[tuple[str, str]] = set()
    for section in ("paths", "x-ms-paths"):
        for route, item in (doc.get(section) or {}).items():
            for method in item:
                if method in _METHODS:
                    found.add((method, prefix + route.split("?", 1)[0]))
    return SpecOperations(path.stem, frozenset(found))


def _host_path(doc: Mapping[str, Any]) -> str:
    """The path part the host template and ``basePath`` put before every operation path."""
    template = (doc.get("x-ms-parameterized-host") or {}).get("hostTemplate", "")
    template = _PLACEHOLDER.sub("", template).split("://", 1)[-1]
    host_path = template[template.index("/") :] if "/" in template else ""
    base = doc.get("basePath") or ""
    return (host_path + (base if base != "/" else "")).rstrip("/")


def _segments_match(route: str, path: str) -> bool:
    # express matches paths case-insensitively
    left, right = route.lower().strip("/").split("/"), path.lower().strip("/").split("/")
    if len(left) != len(right):
        return False
    for a, b in zip(left, right, strict=True):
        if a.startswith(":") or "{" in b or a == b:
            continue
        return False
    return True


def legacy_scenarios(package: Path, names: Iterable[str]) -> dict[str, set[str]]:
    """Mount prefix -> the scenario names its legacy module's source spells out."""
    legacy = (package / "dist" / "legacy" / "legacy.js").read_text(encoding="utf-8")
    modules = dict(_MODULE.findall(legacy))
    wanted = set(names)
    found: dict[str, set[str]] = {}
    for prefix, variable in _MOUNT.findall(legacy):
        filename = modules.get(variable)
        if filename is None or prefix == "/":
            continue
        source_path = package / "legacy" / "routes" / filename
        if source_path.suffix != ".js":
            source_path = source_path.with_name(source_path.name + ".js")
        source = source_path.read_text(encoding="utf-8")
        literals = set(re.findall(r"[\"'`]([A-Za-z0-9_]+)[\"'`]", source))
        found.setdefault(prefix, set()).update(literals & wanted)
    return found


def scenarios_of(
    spec: SpecOperations,
    registrations: Iterable[tuple[str, str, str]],
    legacy: Mapping[str, set[str]],
) -> set[str]:
    """The scenario names that exercise ``spec``'s operations."""
    names: set[str] = set()
    for method, route, name in registrations:
        if name and any(m == method and _segments_match(route, p) for m, p in spec.operations):
            names.add(name)
    for prefix, scenario_names in legacy.items():
        mount = prefix.lower()
        if any(p.lower() == mount or p.lower().startswith(mount + "/") for _, p in spec.operations):
            names.update(scenario_names)
    return names
