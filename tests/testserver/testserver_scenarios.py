"""Which of the test server's scenarios belong to which spec, by the spec's paths.

The server knows scenarios two ways.  Newer routes are registered with their scenario name
(the server logs ``Registering route <method> <path> (<name>)``), so a scenario belongs to every
spec with an operation of that method whose path matches the route, segment by segment (``:x``
and ``{x}`` match anything).  Older ("legacy") route modules are mounted under a prefix
(``app.use("/int", ...)`` in ``dist/legacy/legacy.js``) and bump counters by literal name: a
scenario named in a route's handler belongs to that route (see :func:`legacy_scenarios`).
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


_ROUTE = re.compile(r"router\.(get|put|post|patch|delete|head|options|all)\(\s*[\"'`]([^\"'`]+)")
_DECLARATION = re.compile(r"\]\s*=\s*0\b")
_LITERAL = re.compile(r"[\"'`]([A-Za-z0-9_]+)[\"'`]")


def legacy_scenarios(package: Path, names: Iterable[str]) -> list[tuple[str, str, str]]:
    """(method, route, scenario) of the legacy modules, method ``*`` for any.

    A scenario named inside a route's handler (the source between one ``router.<method>(...)``
    and the next) belongs to that route under the module's mount prefix.  Every scenario the
    module names at all also gets the route ``<prefix>/*`` (helpers, counters set up with
    ``= 0``, polling routes no spec operation reaches): :func:`assign` uses it only for a
    scenario that no spec reaches through its own route.
    """
    legacy = (package / "dist" / "legacy" / "legacy.js").read_text(encoding="utf-8")
    modules = dict(_MODULE.findall(legacy))
    wanted = set(names)
    found: list[tuple[str, str, str]] = []
    for prefix, variable in _MOUNT.findall(legacy):
        filename = modules.get(variable)
        if filename is None or prefix == "/":
            continue
        source_path = package / "legacy" / "routes" / filename
        if source_path.suffix != ".js":
            source_path = source_path.with_name(source_path.name + ".js")
        source = source_path.read_text(encoding="utf-8")
        routes = [(m.start(), m.group(1), m.group(2)) for m in _ROUTE.finditer(source)]
        named: set[str] = set()
        for match in _LITERAL.finditer(source):
            name = match.group(1)
            if name not in wanted:
                continue
            named.add(name)
            before = [r for r in routes if r[0] < match.start()]
            if before and not _DECLARATION.match(source, match.end()):
                _, method, route = before[-1]
                full = (prefix + route).rstrip("/") or "/"
                found.append(("*" if method == "all" else method, full, name))
        found.extend(("*", prefix + "/*", name) for name in sorted(named))
    return found


def _reaches(spec: SpecOperations, method: str, route: str) -> bool:
    for op_method, path in spec.operations:
        if method not in ("*", op_method):
            continue
        if route.endswith("/*"):
            mount = route[:-2].lower()
            if path.lower() == mount or path.lower().startswith(mount + "/"):
                return True
        elif _segments_match(route, path):
            return True
    return False


def assign(
    specs: Iterable[SpecOperations], registrations: Iterable[tuple[str, str, str]]
) -> dict[str, set[str]]:
    """Spec name -> the scenarios whose routes its operations reach.

    A scenario goes to the specs that reach one of its exact routes; only when no spec does is
    it given to the specs under its module's prefix (``<prefix>/*`` routes).
    """
    entries = [r for r in registrations if r[2]]
    result: dict[str, set[str]] = {}
    exact: dict[str, set[str]] = {}
    for spec in specs:
        result[spec.name] = set()
        for method, route, name in entries:
            if not route.endswith("/*") and _reaches(spec, method, route):
                exact.setdefault(name, set()).add(spec.name)
                result[spec.name].add(name)
    for spec in specs:
        for method, route, name in entries:
            if route.endswith("/*") and name not in exact and _reaches(spec, method, route):
                result[spec.name].add(name)
    return result
