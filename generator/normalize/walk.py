"""Where things live in a Swagger 2.0 document: operations, parameters and every object."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.diagnostics import pointer
from generator.load.yaml_safe import MAX_DEPTH

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


PATH_SECTIONS = ("paths", "x-ms-paths")
"""Where operations live: ``paths`` and Azure's ``x-ms-paths`` (routes with a query part)."""


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Yield ``(section, route, method, operation)`` for every operation, in document order."""
    for section in PATH_SECTIONS:
        paths = document.get(section)
        if not isinstance(paths, dict):
            continue
        for route, item in paths.items():
            if not isinstance(item, dict):
                continue
            for method, operation in item.items():
                if method in HTTP_METHODS and isinstance(operation, dict):
                    yield section, route, method, operation


def parameter_lists(document: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], list[Any]]]:
    """Yield ``(tokens, parameters)`` for every parameter list (path items and operations)."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for route, item in paths.items():
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("parameters"), list):
            yield ("paths", route, "parameters"), item["parameters"]
        for method, operation in item.items():
            if (
                method in HTTP_METHODS
                and isinstance(operation, dict)
                and isinstance(operation.get("parameters"), list)
            ):
                yield ("paths", route, method, "parameters"), operation["parameters"]


def parameters(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(pointer, parameter)`` for every parameter written out (not a ``$ref``)."""
    shared = document.get("parameters")
    if isinstance(shared, dict):
        for name, parameter in shared.items():
            if isinstance(parameter, dict) and "$ref" not in parameter:
                yield pointer("parameters", name), parameter
    for tokens, items in parameter_lists(document):
        for index, parameter in enumerate(items):
            if isinstance(parameter, dict) and "$ref" not in parameter:
                yield pointer(*tokens, index), parameter


def find_objects(
    document: dict[str, Any], wanted: Callable[[dict[str, Any]], bool]
) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every mapping for which ``wanted`` is true, with its path, in document order.

    Operation ``x-ms-examples`` are skipped: they are metadata, not part of the API.  Nothing
    deeper than :data:`MAX_DEPTH` is visited: the reference check cuts such nesting anyway.
    """
    found: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    path: list[str] = []

    def visit(value: dict[str, Any] | list[Any]) -> None:
        if isinstance(value, dict) and wanted(value):
            found.append((tuple(path), value))
        if len(path) >= MAX_DEPTH:
            return
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(item, dict | list):
                path.append(str(key))
                if not (len(path) == 4 and path[3] == "x-ms-examples" and path[0] == "paths"):
                    visit(item)
                path.pop()

    visit(document)
    return found
