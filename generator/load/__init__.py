"""Load a Swagger 2.0 spec (JSON or YAML) into checked, normalized, lazily resolved data.

Stages, each reporting problems as :class:`~generator.diagnostics.Diagnostic` values rather than
raising: read (:mod:`.read`), normalize known spec defects (:mod:`generator.normalize`), check
every ``$ref`` eagerly (:mod:`.refs`), wrap in jsonref proxies (:mod:`.resolve`) and, on request,
validate with openapi-spec-validator (:mod:`.validate`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, DiagnosticSink, Severity
from generator.load.read import read_document
from generator.load.refs import RefChecker
from generator.load.resolve import (
    LazyDocument,
    ref_siblings,
    ref_target,
    resolve_lazily,
    without_examples,
)

__all__ = ["LoadedSpec", "load_spec", "ref_siblings", "ref_target"]


@dataclass(frozen=True)
class LoadedSpec:
    """A spec as loaded: the plain data, the resolved view, and what was wrong with it.

    Treat ``raw`` and ``document`` as read-only: they share every subtree that holds no
    reference (copy before changing anything).
    """

    path: Path
    raw: Mapping[str, Any]
    """Parsed and normalized document; ``$ref`` objects kept as written (plain JSON data)."""
    document: Mapping[str, Any]
    """The same, with ``$ref`` objects resolved lazily (jsonref proxies), no x-ms-examples."""
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """Whether the spec is usable: no diagnostic is an error."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def load_spec(path: Path, *, allow_network: bool = False, validate: bool = False) -> LoadedSpec:
    """Read, normalize, check and lazily resolve the spec at ``path``; never raises on bad input."""
    from generator.normalize import normalize

    label = str(path)
    sink = DiagnosticSink(label)
    data = read_document(path, sink)
    if data is not None and not isinstance(data, dict):
        sink.error("", f"the document is a {type(data).__name__}, not an object")
        data = None
    if data is None:
        return LoadedSpec(path, {}, {}, tuple(sink.items))

    fetch: Callable[[str, DiagnosticSink], Any] | None = None
    if allow_network:  # urllib.request is imported only when it may be used
        from generator.load.remote import network_fetcher

        fetch = network_fetcher()
    checker = RefChecker(
        main_path=path,
        main_label=label,
        allow_network=allow_network,
        fetch=fetch,
    )
    try:
        normalize(data, sink, spec_dir=path.resolve().parent)
        checker.check(data)
        resolvable = without_examples(data)
        main_uri, documents, ref_free = checker.main_uri, checker.documents, checker.ref_free
        document = LazyDocument(lambda: resolve_lazily(resolvable, main_uri, documents, ref_free))
    except RecursionError:  # depth is bounded everywhere; this is a last line of defence
        sink.extend(checker.diagnostics)
        sink.error("", "the document is nested too deeply to load")
        return LoadedSpec(path, {}, {}, tuple(sink.items))
    sink.extend(checker.diagnostics)
    if validate:
        from generator.load.validate import validate_document

        sink.extend(validate_document(resolvable, label, checker.main_uri))
    return LoadedSpec(path, data, document, tuple(sink.items))
