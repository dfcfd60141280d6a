"""Wrap a checked document in jsonref's lazy proxies.

References are resolved lazily (a proxy resolves on first use), which keeps loading a spec to
a few milliseconds; :mod:`generator.load.refs` has already proved that every reference works,
so no proxy raises later.  Recursive schemas are fine: a proxy points at shared data, it never
copies it.  ``x-ms-examples`` are left out: they point at example payloads, not schemas.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Set
from typing import Any

from generator.load.refs import HTTP_METHODS


class LazyDocument(Mapping[str, Any]):
    """A read-only mapping that builds the resolved document on first use.

    Importing jsonref costs ~100 ms (it imports ``requests`` and ``urllib3``), more than loading
    a spec; the IR builder reads the plain ``raw`` data and needs the resolved view only for
    references into other files, so most runs never pay for it.
    """

    def __init__(self, build: Callable[[], Mapping[str, Any]]) -> None:
        self._build: Callable[[], Mapping[str, Any]] | None = build
        self._value: Mapping[str, Any] = {}

    def _resolved(self) -> Mapping[str, Any]:
        if self._build is not None:
            self._value, self._build = self._build(), None
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._resolved()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._resolved())

    def __len__(self) -> int:
        return len(self._resolved())

    def __repr__(self) -> str:
        return repr(self._resolved())


def without_examples(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` with every operation's ``x-ms-examples`` removed.

    Only the containers on the way to an ``x-ms-examples`` key are copied; everything else is
    shared with ``document``.
    """
    out = dict(document)
    for section in ("paths", "x-ms-paths"):
        paths = document.get(section)
        if not isinstance(paths, dict):
            continue
        new_paths: dict[str, Any] = {}
        for route, item in paths.items():
            if isinstance(item, dict) and any(
                method in HTTP_METHODS and isinstance(op, dict) and "x-ms-examples" in op
                for method, op in item.items()
            ):
                item = {
                    method: (
                        {k: v for k, v in op.items() if k != "x-ms-examples"}
                        if method in HTTP_METHODS and isinstance(op, dict)
                        else op
                    )
                    for method, op in item.items()
                }
            new_paths[route] = item
        out[section] = new_paths
    return out


def resolve_lazily(
    document: Mapping[str, Any],
    base_uri: str,
    documents: Mapping[str, Any],
    ref_free: Set[int] = frozenset(),
) -> Mapping[str, Any]:
    """Return ``document`` with each ``$ref`` object replaced by a lazy jsonref proxy.

    ``documents`` maps the URI of every other document the references reach (already read
    and checked) to its data.  All of them go into one jsonref store up front, so jsonref
    never loads anything itself.  (jsonref's own ``replace_refs`` splits the base URI at every
    node, which made it the slowest step of loading; this does the same job directly.)
    Containers listed in ``ref_free`` (ids of containers holding no reference) are shared with
    the input instead of copied: the resolved document is for reading only.
    """
    import jsonref

    store = jsonref.URIDict()
    for uri, data in documents.items():
        if uri != base_uri:
            store[uri] = _Proxier(uri, store, ref_free).copy(data)
    resolved: Mapping[str, Any] = _Proxier(base_uri, store, ref_free).copy(document)
    store[base_uri] = resolved
    return resolved


def _refuse_loading(uri: str) -> Any:
    raise LookupError(f"{uri} was not loaded before resolution")


class _Proxier:
    """Copies one document, turning each ``$ref`` object into a :class:`jsonref.JsonRef`."""

    def __init__(self, base_uri: str, store: Any, ref_free: Set[int]) -> None:
        self.base_uri = base_uri
        self.store = store
        self.ref_free = ref_free

    def copy(self, value: Any) -> Any:
        import jsonref

        if id(value) in self.ref_free:
            return value
        if isinstance(value, dict):
            copied = {
                key: self.copy(item) if isinstance(item, dict | list) else item
                for key, item in value.items()
            }
            if isinstance(copied.get("$ref"), str):
                return jsonref.JsonRef(
                    copied, base_uri=self.base_uri, loader=_refuse_loading, _store=self.store
                )
            return copied
        if isinstance(value, list):
            return [self.copy(item) if isinstance(item, dict | list) else item for item in value]
        return value


def ref_target(value: object) -> str | None:
    """The ``$ref`` text when ``value`` is a jsonref proxy, e.g. ``"#/definitions/File"``."""
    reference = _reference(value)
    if reference is not None:
        ref = reference.get("$ref")
        return ref if isinstance(ref, str) else None
    return None


def ref_siblings(value: object) -> Mapping[str, Any]:
    """Keys written beside the ``$ref`` that produced ``value`` (e.g. a description)."""
    reference = _reference(value)
    if reference is None:
        return {}
    return {k: v for k, v in reference.items() if k != "$ref"}


def _reference(value: object) -> Mapping[str, Any] | None:
    """The ``$ref`` object behind a jsonref proxy (``type`` is exact: proxies fake isinstance)."""
    jsonref = sys.modules.get("jsonref")  # not imported yet: no value can be a proxy
    if jsonref is None or type(value) is not jsonref.JsonRef:
        return None
    reference: Mapping[str, Any] = object.__getattribute__(value, "__reference__")
    return reference
