"""Models with ``x-ms-client-flatten`` properties: flat in Python, nested on the wire.

A generated model whose spec flattens a container declares each lifted property as an ordinary
field under a synthetic alias, and lists ``alias -> wire path`` in ``__flatten__``::

    __flatten__ = {"properties.provisioningState": ("properties", "provisioningState")}

Reading wire data, the value at the path is moved to the alias before pydantic validates (so
validation stays typed and in Rust); writing, it is moved back under its containers.  Anything
else the service put in a container (fields the spec does not describe) stays under the
container's key as an unknown field and is written back merged with the lifted values, so a
round trip keeps it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import SerializerFunctionWrapHandler, model_serializer, model_validator

from .model import Model

_MISSING: Any = object()


def _take(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    """Remove and return the value at ``path`` in ``data`` (copying the containers it passes
    through, so the caller's data is never changed); ``_MISSING`` when there is none.  A container
    left empty is removed."""
    head, rest = path[0], path[1:]
    if not rest:
        return data.pop(head, _MISSING)
    inner = data.get(head)
    if not isinstance(inner, dict):
        return _MISSING
    inner = dict(inner)
    value = _take(inner, rest)
    if value is not _MISSING:
        if inner:
            data[head] = inner
        else:
            del data[head]
    return value


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Write ``value`` at ``path`` in ``data``, creating (or copying) containers on the way."""
    head, rest = path[0], path[1:]
    if not rest:
        data[head] = value
        return
    inner = data.get(head)
    inner = dict(inner) if isinstance(inner, Mapping) else {}
    _put(inner, rest, value)
    data[head] = inner


class FlattenedModel(Model):
    """Base (beside its parent) of a model with lifted properties; see the module docstring."""

    __flatten__: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, /, **data: Any) -> None:
        # Declared again so type checkers see ``**data`` here too (as on PolymorphicModel).
        super().__init__(**data)

    @model_validator(mode="before")
    @classmethod
    def _lift(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        lifted: dict[str, Any] = dict(data)
        for alias, path in cls.__flatten__.items():
            value = _take(lifted, path)
            if value is not _MISSING:
                lifted[alias] = value
        return lifted

    @model_serializer(mode="wrap")
    def _nest(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not isinstance(data, dict):
            return data
        for alias, path in type(self).__flatten__.items():
            if alias in data:
                _put(data, path, data.pop(alias))
        return data
