"""Where things live in a Swagger 2.0 document: operations, parameters and every object."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from generator.diagnostics import pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(route, method, operation)`` for every operation, in document order."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for route, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield route, method, operation


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

    Iterative (no recursion limit) and cheap: a path is built only for the mappings wanted.
    Operation ``x-ms-examples`` are skipped: they are metadata, not part of the API.
    """
    found: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    # Each entry: (value, parent entry index, key); paths are rebuilt from parent links.
    entries: list[tuple[Any, int, str]] = [(document, -1, "")]
    stack = [0]
    while stack:
        index = stack.pop()
        value = entries[index][0]
        if isinstance(value, dict):
            if wanted(value):
                found.append((_path(entries, index), value))
            children: Iterable[tuple[str, Any]] = value.items()
        else:
            children = ((str(i), item) for i, item in enumerate(value))
        start = len(entries)
        for key, child in children:
            if isinstance(child, dict | list):
                entries.append((child, index, key))
        for child_index in range(len(entries) - 1, start - 1, -1):
            if not _is_examples(entries, child_index):
                stack.append(child_index)
    return found


def _path(entries: list[tuple[Any, int, str]], index: int) -> tuple[str, ...]:
    tokens: list[str] = []
    while index > 0:
        _, index, key = entries[index][0], entries[index][1], entries[index][2]
        tokens.append(key)
    return tuple(reversed(tokens))


def _is_examples(entries: list[tuple[Any, int, str]], index: int) -> bool:
    if entries[index][2] != "x-ms-examples":
        return False
    tokens = _path(entries, index)
    return len(tokens) == 4 and tokens[0] == "paths"
