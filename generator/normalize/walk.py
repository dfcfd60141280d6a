"""Where things live in a Swagger 2.0 document: operations, parameters and every object."""

from __future__ import annotations

from collections.abc import Iterator
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


def objects(document: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Yield ``(tokens, mapping)`` for every mapping in document order, without recursion.

    Operation ``x-ms-examples`` are skipped: they are metadata, not part of the API.
    """
    stack: list[tuple[tuple[str, ...], Any]] = [((), document)]
    while stack:
        tokens, value = stack.pop()
        if isinstance(value, dict):
            yield tokens, value
            children = list(value.items())
        elif isinstance(value, list):
            children = [(str(i), item) for i, item in enumerate(value)]
        else:
            continue
        for key, child in reversed(children):
            if isinstance(child, dict | list):
                child_tokens = (*tokens, key)
                if not _is_examples(child_tokens):
                    stack.append((child_tokens, child))


def _is_examples(tokens: tuple[str, ...]) -> bool:
    return len(tokens) == 4 and tokens[0] == "paths" and tokens[3] == "x-ms-examples"
