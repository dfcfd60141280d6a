"""Pathological but valid spec shapes, sized by a parameter: for complexity tests and benchmarks.

Each is small to write and was once slow to compile (quadratic or exponential in its size).
"""

from __future__ import annotations

import itertools
from typing import Any

_PUNCTUATION = "-.,:;!?@#$%^&*()+=~"


def _spec(paths: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Shapes", "version": "2024-01-01"},
        "host": "example.com",
        "produces": ["application/json"],
        "paths": paths,
        "definitions": definitions,
    }


def _get(operation_id: str, ref: str) -> dict[str, Any]:
    response = {"description": "OK", "schema": {"$ref": ref}}
    return {"get": {"operationId": operation_id, "responses": {"200": response}}}


def large_enum(values: int) -> dict[str, Any]:
    """One string enum of ``values`` distinct values."""
    enum = {
        "type": "string",
        "enum": [f"value{i}" for i in range(values)],
        "x-ms-enum": {"name": "Large", "modelAsString": True},
    }
    return _spec({"/e": _get("Large_Get", "#/definitions/Large")}, {"Large": enum})


def colliding_values(count: int) -> list[str]:
    """``count`` distinct enum values that all spell the member name ``A``."""
    suffixes = itertools.chain.from_iterable(
        itertools.product(_PUNCTUATION, repeat=length) for length in itertools.count(1)
    )
    return ["a" + "".join(suffix) for suffix in itertools.islice(suffixes, count)]


def colliding_enum(count: int) -> dict[str, Any]:
    """One enum whose ``count`` values all want the same Python member name."""
    enum = {
        "type": "string",
        "enum": colliding_values(count),
        "x-ms-enum": {"name": "Clash", "modelAsString": True},
    }
    return _spec({"/e": _get("Clash_Get", "#/definitions/Clash")}, {"Clash": enum})


def allof_lattice(levels: int) -> dict[str, Any]:
    """Models ``A<i>`` and ``B<i>`` each inheriting both of level ``i - 1`` (2^levels paths)."""
    definitions: dict[str, Any] = {
        "A0": {"type": "object", "properties": {"a0": {"type": "string"}}},
        "B0": {"type": "object", "properties": {"b0": {"type": "string"}}},
    }
    for level in range(1, levels):
        parents = [{"$ref": f"#/definitions/{name}{level - 1}"} for name in "AB"]
        for name in "AB":
            definitions[f"{name}{level}"] = {
                "type": "object",
                "allOf": parents,
                "properties": {f"{name.lower()}{level}": {"type": "string"}},
            }
    top = f"#/definitions/A{levels - 1}"
    return _spec({"/lattice": _get("Lattice_Get", top)}, definitions)


def long_operation_id(size: int) -> dict[str, Any]:
    """One operation whose operationId is ``size`` characters of alternating-case words."""
    definitions = {"M": {"type": "object", "properties": {"x": {"type": "string"}}}}
    return _spec({"/o": _get("Ab" * (size // 2), "#/definitions/M")}, definitions)


def many_operations(count: int, groups: int = 50) -> dict[str, Any]:
    """``count`` GET operations with a path parameter, spread over ``groups`` groups."""
    definitions = {
        "M": {
            "type": "object",
            "properties": {"x": {"type": "string"}, "y": {"type": "integer"}},
        }
    }
    paths: dict[str, Any] = {}
    for index in range(count):
        item = _get(f"Group{index % groups}_Get{index}", "#/definitions/M")
        item["get"]["parameters"] = [
            {"name": "id", "in": "path", "required": True, "type": "string"}
        ]
        paths[f"/things{index}/{{id}}"] = item
    return _spec(paths, definitions)
