"""Check every ``$ref`` of a spec eagerly, before jsonref builds its lazy proxies.

jsonref resolves references only when a proxy is first touched, so a dangling or hostile
reference would raise deep inside whichever stage happened to touch it.  This pass walks the
document once, follows every reference (and the references those lead to) and, for each one
that cannot be used, records a diagnostic naming where the ``$ref`` is and replaces it by the
keys written beside it (an empty schema when there are none), so the rest of the spec loads.

Rules enforced here:
- files are read only inside the spec's folder (after resolving symlinks), only when their
  names are sane (no NUL byte, no over-long name) and only when they are regular files;
- ``http(s)://`` references are refused unless the network is allowed;
- pointers must resolve; chains of references must end (``A -> B -> A`` is refused);
- documents deeper than :data:`MAX_DEPTH` are cut (jsonref and the builders recurse).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from generator.bounded_io import name_problem
from generator.diagnostics import (
    Diagnostic,
    DiagnosticSink,
    array_index,
    escape_pointer_token,
)
from generator.load.read import read_document
from generator.load.yaml_safe import MAX_DEPTH

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch"})

Fetch = Callable[[str, DiagnosticSink], Any]
"""Reads a remote document (``http(s)://``) when the network is allowed."""


def is_ref_object(value: object) -> bool:
    """Whether ``value`` is a JSON Reference object (a mapping with a string ``$ref``)."""
    return isinstance(value, dict) and isinstance(value.get("$ref"), str)


def is_examples_location(tokens: tuple[str, ...]) -> bool:
    """Whether ``tokens`` (a path of keys) is an operation's ``x-ms-examples``."""
    return (
        len(tokens) == 4
        and tokens[0] in ("paths", "x-ms-paths")
        and tokens[2] in HTTP_METHODS
        and tokens[3] == "x-ms-examples"
    )


@dataclass
class _Site:
    """One ``$ref`` object found in a document, and how to replace it."""

    uri: str  # of the document holding it
    label: str  # file name used in diagnostics
    container: dict[str, Any] | list[Any]
    key: str | int
    pointer: str


@dataclass
class RefChecker:
    """Walks documents, checks their references and keeps every document it read."""

    main_path: Path
    main_label: str
    allow_network: bool
    fetch: Fetch | None = None
    documents: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _labels: dict[str, str] = field(default_factory=dict)
    _failures: dict[str, str | None] = field(default_factory=dict)
    _pending: list[str] = field(default_factory=list)
    _joined: dict[tuple[str, str], str] = field(default_factory=dict)
    ref_free: set[int] = field(default_factory=set)
    """Ids of scanned containers with no reference inside: resolution can share them."""

    def __post_init__(self) -> None:
        self.root = self.main_path.resolve().parent
        self.main_uri = self.main_path.resolve().as_uri()

    def check(self, document: dict[str, Any]) -> None:
        """Check every reference reachable from ``document`` (the main spec), in place."""
        self.documents[self.main_uri] = document
        self._labels[self.main_uri] = self.main_label
        self._pending.append(self.main_uri)
        while self._pending:
            uri = self._pending.pop()
            for site in self._scan(uri):
                self._check_site(site)

    # -- walking --------------------------------------------------------------------------

    def _scan(self, uri: str) -> list[_Site]:
        """Find the ``$ref`` objects of one document, in document order.

        Recursive, but never deeper than MAX_DEPTH: nesting beyond it is cut (and reported),
        which also protects jsonref and every later stage from deep recursion.
        """
        sites: list[_Site] = []
        path: list[str] = []
        label = self._labels[uri]
        skip_examples = uri == self.main_uri

        def visit(value: dict[str, Any] | list[Any]) -> bool:
            """Scan ``value``; return whether any reference is inside it."""
            if len(path) >= MAX_DEPTH:
                self._report(
                    label, _pointer(path), f"nesting is deeper than {MAX_DEPTH} levels", "cut here"
                )
                value.clear()
                return False
            has_ref = isinstance(value, dict) and isinstance(value.get("$ref"), str)
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if not isinstance(item, dict | list):
                    continue
                path.append(str(key))
                if skip_examples and len(path) == 4 and is_examples_location(tuple(path)):
                    path.pop()
                    continue
                if isinstance(item, dict) and "$ref" in item:
                    item = self._found_ref(uri, label, value, key, path, sites)
                    has_ref = True
                has_ref = visit(item) or has_ref
                path.pop()
            if not has_ref:
                self.ref_free.add(id(value))
            return has_ref

        visit(self.documents[uri])
        return sites

    def _found_ref(
        self,
        uri: str,
        label: str,
        container: dict[str, Any] | list[Any],
        key: str | int,
        path: list[str],
        sites: list[_Site],
    ) -> Any:
        """Record a reference object (or replace an invalid one); return what is there now."""
        item = _at(container, key)
        at = _pointer(path)
        if isinstance(item["$ref"], str):
            sites.append(_Site(uri, label, container, key, at))
            self._warn_siblings(label, at, item)
            return item
        self._report(
            label,
            at,
            f"$ref must be a string, not {type(item['$ref']).__name__}",
            "replaced by an empty schema",
        )
        _replace(container, key)
        return _at(container, key)

    def _warn_siblings(self, label: str, at: str, item: dict[str, Any]) -> None:
        # Extensions beside a $ref (x-ms-client-flatten, x-ms-client-name, ...) are how Azure
        # specs annotate a use of a shared schema; the builder reads them, so they are no defect.
        siblings = sorted(k for k in item if k != "$ref" and not str(k).startswith("x-"))
        if siblings:
            names = ", ".join(repr(k) for k in siblings)
            sink = DiagnosticSink(label)
            sink.warning(
                at,
                f"{names} written beside $ref (JSON Reference ignores keys beside $ref)",
                "the referenced schema is used; the keys are kept as ref_siblings",
            )
            self.diagnostics.extend(sink.items)

    # -- checking -------------------------------------------------------------------------

    def _check_site(self, site: _Site) -> None:
        item = _at(site.container, site.key)
        if not is_ref_object(item):  # replaced already, through another path to this container
            return
        ref = item["$ref"]
        joined = self._joined.get((site.uri, ref))
        if joined is None:
            joined = self._joined[(site.uri, ref)] = urljoin(site.uri, ref)
        problem = self._resolve(joined, set())
        if problem is not None:
            self._report(
                site.label,
                site.pointer,
                f"$ref {ref!r} cannot be used: {problem}",
                "replaced by an empty schema",
            )
            _replace(site.container, site.key)

    def _resolve(self, target: str, seen: set[str]) -> str | None:
        """Follow ``target`` to a value that is not a reference; None when it works."""
        if target in self._failures:
            return self._failures[target]
        if target in seen:
            return "circular chain of $ref"
        seen.add(target)
        problem = self._resolve_uncached(target, seen)
        self._failures[target] = problem
        return problem

    def _resolve_uncached(self, target: str, seen: set[str]) -> str | None:
        uri, fragment = urldefrag(target)
        loaded = self._document(uri)
        if isinstance(loaded, str):
            return loaded
        node = loaded
        if fragment and not fragment.startswith("/"):
            return f"fragment {fragment!r} is not a JSON pointer"
        tokens = unquote(fragment).split("/")[1:] if fragment else []
        walked = ""
        for raw in tokens:
            token = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and isinstance(node.get("$ref"), str):
                via = urljoin(uri, node["$ref"])
                problem = self._resolve(via, seen)
                if problem is not None:
                    return problem
                node, uri = self._value_at(via), urldefrag(via)[0]
            index = array_index(token) if isinstance(node, list) else None
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and index is not None and index < len(node):
                node = node[index]
            else:
                return f"{walked or 'the document root'} has no {token!r}"
            walked += "/" + raw
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            return self._resolve(urljoin(uri, node["$ref"]), seen)
        return None

    def _value_at(self, target: str) -> Any:
        """The value a checked, working reference leads to (references followed)."""
        uri, fragment = urldefrag(target)
        node = self.documents[uri]
        for raw in unquote(fragment).split("/")[1:] if fragment else []:
            if is_ref_object(node):
                node = self._value_at(urljoin(uri, node["$ref"]))
            token = raw.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def _document(self, uri: str) -> Any:
        """The document at ``uri`` (read on first use), or a string saying why not."""
        if uri in self.documents:
            return self.documents[uri]
        scheme = urlsplit(uri).scheme.lower()
        sink: DiagnosticSink
        if scheme == "file":
            name = _url_to_path(urlsplit(uri).path)
            problem = name_problem(name)
            if problem is not None:  # checked before any file-system call
                return problem
            try:
                path = Path(name).resolve()
                if not path.is_relative_to(self.root):
                    return "it points outside the spec's folder, which is never read"
                if not path.exists():
                    return "the file does not exist"
            except OSError as exc:
                return f"the file cannot be read: {exc.strerror or exc}"
            label = str(Path(self.main_label).parent / path.relative_to(self.root))
            sink = DiagnosticSink(label)
            data = read_document(path, sink)
        elif scheme in ("http", "https"):
            if not self.allow_network or self.fetch is None:
                return "network references are refused (allow the network to follow them)"
            label = uri
            sink = DiagnosticSink(label)
            data = self.fetch(uri, sink)
        else:
            return f"the {scheme or 'empty'} scheme is not supported"
        self.diagnostics.extend(sink.items)
        if data is None:
            return "the referenced document cannot be read"
        self.documents[uri] = data
        self._labels[uri] = label
        self._pending.append(uri)
        return data

    def _report(self, label: str, at: str, message: str, action: str) -> None:
        sink = DiagnosticSink(label)
        sink.error(at, message, action)
        self.diagnostics.extend(sink.items)


def _pointer(path: list[str]) -> str:
    return "".join("/" + escape_pointer_token(token) for token in path)


def _at(container: dict[str, Any] | list[Any], key: str | int) -> Any:
    return container[str(key)] if isinstance(container, dict) else container[int(key)]


def _replace(container: dict[str, Any] | list[Any], key: str | int) -> None:
    """Replace a reference object by the keys beside its ``$ref`` (an empty schema)."""
    siblings = {k: v for k, v in _at(container, key).items() if k != "$ref"}
    if isinstance(container, dict):
        container[str(key)] = siblings
    else:
        container[int(key)] = siblings


def _url_to_path(url_path: str) -> str:
    """The file-system path of a ``file:`` URL's path part.

    ``urllib.request.url2pathname`` does this too, but importing ``urllib.request`` (it pulls in
    ``http.client`` and ``ssl``) costs ~30 ms of every run.
    """
    if os.name == "nt":  # pragma: no cover - drive letters and backslashes
        from urllib.request import url2pathname

        return url2pathname(url_path)
    return unquote(url_path)
