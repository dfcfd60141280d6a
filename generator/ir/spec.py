"""The root of the IR for one spec file, and its lookups of models and enums by key."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TypeVar

from generator.ir.client import Client
from generator.ir.models import Alias, Enum, Model
from generator.ir.operations import Operation, OperationGroup


@dataclass(frozen=True, slots=True)
class ApiSpec:
    """The root of the IR for one spec file."""

    source: str  # the spec file, as given
    client: Client
    groups: tuple[OperationGroup, ...]
    models: tuple[Model, ...]  # sorted by key
    enums: tuple[Enum, ...]  # sorted by key
    aliases: tuple[Alias, ...] = ()  # sorted by key
    # provenance: the format read ("Swagger 2.0", "OpenAPI 3.0.0"); nothing downstream reads it
    source_format: str = "Swagger 2.0"

    @property
    def operations(self) -> tuple[Operation, ...]:
        """All operations, group by group."""
        return tuple(op for group in self.groups for op in group.operations)

    def model(self, key: str) -> Model:
        """The model with ``key``; raises KeyError when there is none."""
        return _by_key(self.models, key)

    def enum(self, key: str) -> Enum:
        """The enum with ``key``; raises KeyError when there is none."""
        return _by_key(self.enums, key)


_Keyed = TypeVar("_Keyed", Model, Enum)


def _by_key(items: tuple[_Keyed, ...], key: str) -> _Keyed:
    """The item with ``key``: a binary search (items are sorted by key), else a scan.

    The scan keeps hand-built IR that is not sorted working; built IR never needs it.
    """
    index = bisect.bisect_left(items, key, key=lambda item: item.key)
    if index < len(items) and items[index].key == key:
        return items[index]
    for item in items:
        if item.key == key:
            return item
    raise KeyError(key)
