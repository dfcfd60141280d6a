"""IR of ``x-ms-client-flatten``: what a flattened property or body argument is.

A model keeps its wire shape in :attr:`generator.ir.Model.properties` (the container property is
still there, marked ``client_flatten``); what Python sees instead of a flattened container is a
tuple of :class:`FlatProperty`, each one property of the container's model (inherited ones and
those it flattens itself included), reached through ``path``.  A flattened JSON body lists the
same kind of entries as the method's keyword arguments.  Kept apart from :mod:`generator.ir` so
that module stays one screenful per idea; the builder fills these in
(:mod:`generator.ir_builder.flatten`) and the naming pass names them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Property


@dataclass(frozen=True, slots=True)
class FlatProperty:
    """One property lifted out of ``x-ms-client-flatten`` containers.

    ``path`` is the wire names from the outer object down to the value, the last being the
    property's own (``("properties", "provisioningState")``); ``property`` is the innermost
    property, whose ``py_name`` is the lifted name the naming pass chose (the attribute on the
    outer model, or the keyword argument of a flattened body).
    """

    path: tuple[str, ...]
    property: Property


__all__ = ["FlatProperty"]
