"""Load a Swagger 2.0 or OpenAPI 3.x spec (JSON or YAML) into checked, normalized, lazily
resolved data in the Swagger 2.0 shape.

Stages, each reporting problems as :class:`~generator.diagnostics.Diagnostic` values rather than
raising: read (:mod:`.read`), tell the format (:mod:`.formats`; anything that is neither Swagger
2.0 nor OpenAPI 3.x is refused), lower an OpenAPI 3 document into the Swagger shape
(:mod:`generator.openapi3`, with the provenance of every part), normalize known spec defects
(:mod:`generator.normalize`), check every ``$ref`` eagerly (:mod:`.refs`), wrap in jsonref
proxies (:mod:`.resolve`) and, on request, validate the document as written with
openapi-spec-validator (:mod:`.validate`).  Diagnostics of the stages after lowering are
translated back into the OpenAPI 3 document, so every pointer names the file the user has.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from generator.diagnostics import Diagnostic, DiagnosticSink, Severity
from generator.load.formats import SpecFamily, detect_format, format_label
from generator.load.provenance import Provenance
from generator.load.read import read_document
from generator.load.refs import RefChecker
from generator.load.resolve import (
    LazyDocument,
    ref_siblings,
    ref_target,
    resolve_lazily,
    without_examples,
)
from generator.load.shape import check_required_parts

if TYPE_CHECKING:
    from generator.load.validation_worker import Findings

__all__ = [
    "LoadedSpec",
    "PendingSpec",
    "Provenance",
    "load_spec",
    "ref_siblings",
    "ref_target",
    "start_loading",
]


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
    format: str = "Swagger 2.0"
    """The format read, as the document declares it: ``Swagger 2.0``, ``OpenAPI 3.0.0``..."""
    provenance: Provenance | None = None
    """For a lowered OpenAPI 3 document: where each part of ``raw`` came from."""
    files: tuple[Path, ...] = ()
    """Every local file read: the spec, then the files its ``$ref``s lead to (for ``pin``)."""

    def original_pointer(self, at: str) -> str:
        """The location in the file as written of the pointer ``at`` into ``raw``."""
        return self.provenance.original(at) if self.provenance is not None else at

    @property
    def ok(self) -> bool:
        """Whether the spec is usable: no diagnostic is an error."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


@dataclass(frozen=True)
class PendingSpec:
    """A loaded spec whose validator findings may still be on their way from a worker process.

    ``loaded`` can be used at once, for everything but its verdict: its diagnostics lack the
    validator's findings until :meth:`complete` collects them.
    """

    loaded: LoadedSpec
    findings: Findings
    at: int
    """How many of ``loaded.diagnostics`` come before the validator's findings."""

    def complete(self) -> LoadedSpec:
        """The loaded spec with the findings where an inline run has them (waits for them)."""
        found = self.findings.wait()
        if not found:
            return self.loaded
        before, after = self.loaded.diagnostics[: self.at], self.loaded.diagnostics[self.at :]
        diagnostics = tuple(dict.fromkeys((*before, *found, *after)))  # as a sink dedupes
        return replace(self.loaded, diagnostics=diagnostics)

    def cancel(self) -> None:
        """Stop a worker whose findings were not collected (nothing after :meth:`complete`)."""
        self.findings.cancel()


def load_spec(path: Path, *, allow_network: bool = False, validate: bool = False) -> LoadedSpec:
    """Read, normalize, check and lazily resolve the spec at ``path``; never raises on bad input."""
    return start_loading(path, allow_network=allow_network, validate=validate).complete()


def start_loading(
    path: Path, *, allow_network: bool = False, validate: bool = False, parallel: bool = False
) -> PendingSpec:
    """:func:`load_spec`, with the validator left running in a worker when ``parallel``.

    The caller must :meth:`~PendingSpec.complete` or :meth:`~PendingSpec.cancel` the result.
    """
    from generator.load.validation_worker import Ready
    from generator.normalize import normalize

    label = str(path)
    sink = DiagnosticSink(label)
    data = read_document(path, sink)
    if data is not None and not isinstance(data, dict):
        sink.error("", f"the document is a {type(data).__name__}, not an object")
        data = None
    detected = detect_format(data, sink) if data is not None else None
    if data is None or detected is None:
        return _pending(LoadedSpec(path, {}, {}, tuple(sink.items)), Ready(), 0)
    family, version = detected
    if family is SpecFamily.SWAGGER_2:
        check_required_parts(data, sink)
    provenance: Provenance | None = None
    findings: Findings = Ready()
    at = -1  # where the findings go among the diagnostics (-1: at the end)
    if family is not SpecFamily.SWAGGER_2:
        from generator.openapi3 import lower_document

        if validate:
            findings = _validated_openapi3(data, path, label, family, parallel)
            at = len(sink.items)
        data, provenance = lower_document(data, sink, v31=family is SpecFamily.OPENAPI_31)
    later = DiagnosticSink(label)  # stages that see the Swagger shape
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
    loaded_format = format_label(family, version)
    try:
        normalize(data, later, spec_dir=path.resolve().parent)
        checker.check(data)
        resolvable = without_examples(data)
        main_uri, documents, ref_free = checker.main_uri, checker.documents, checker.ref_free
        document = LazyDocument(lambda: resolve_lazily(resolvable, main_uri, documents, ref_free))
    except RecursionError:  # depth is bounded everywhere; this is a last line of defence
        later.extend(checker.diagnostics)
        later.error("", "the document is nested too deeply to load")
        sink.extend(_relocated(later.items, provenance, label))
        loaded = LoadedSpec(path, {}, {}, tuple(sink.items), loaded_format, provenance)
        return _pending(loaded, findings, at)
    later.extend(checker.diagnostics)
    files = tuple(
        Path(url2pathname(urlsplit(uri).path))
        for uri in checker.documents
        if urlsplit(uri).scheme == "file"
    )
    if validate and provenance is None:
        findings = _validated_swagger(resolvable, label, checker.main_uri, files, checker, parallel)
    sink.extend(_relocated(later.items, provenance, label))
    loaded = LoadedSpec(
        path, data, document, tuple(sink.items), loaded_format, provenance, files=files
    )
    return _pending(loaded, findings, at)


def _pending(loaded: LoadedSpec, findings: Findings, at: int) -> PendingSpec:
    return PendingSpec(loaded, findings, len(loaded.diagnostics) if at < 0 else at)


def _validated_swagger(
    document: Mapping[str, Any],
    label: str,
    main_uri: str,
    files: tuple[Path, ...],
    checker: RefChecker,
    parallel: bool,
) -> Findings:
    """The validator's findings on a Swagger 2.0 document, cached by the files' content."""
    from generator.load.validate import validate_document
    from generator.load.validation_cache import cached_findings
    from generator.load.validation_worker import start_validation

    def run() -> list[Diagnostic]:
        return validate_document(document, label, main_uri)

    if len(files) != len(checker.documents):  # a remote part: validated every time
        return start_validation(run, label, parallel=parallel)
    return cached_findings("Swagger 2.0", files, label, run, parallel=parallel)


def _validated_openapi3(
    document: Mapping[str, Any], path: Path, label: str, family: SpecFamily, parallel: bool
) -> Findings:
    """The validator's findings on an OpenAPI 3 document as written, cached by its content.

    Only a document without references to other files is cached: the validator follows those
    itself, and the loader has not read them yet at this point.
    """
    from generator.load.validate import validate_openapi3
    from generator.load.validation_cache import cached_findings
    from generator.load.validation_worker import start_validation

    def run() -> list[Diagnostic]:
        return validate_openapi3(document, label, path.resolve().as_uri(), family)

    if _refers_elsewhere(document):
        return start_validation(run, label, parallel=parallel)
    return cached_findings(family.name, (path.resolve(),), label, run, parallel=parallel)


def _refers_elsewhere(node: Any) -> bool:
    """Whether any ``$ref`` under ``node`` leaves the document (iterative: depth is untrusted).

    ``x-ms-examples`` are metadata the validator does not follow, so their files do not count.
    """
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(value for key, value in item.items() if key != "x-ms-examples")
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _relocated(
    diagnostics: Sequence[Diagnostic], provenance: Provenance | None, label: str
) -> Sequence[Diagnostic]:
    return provenance.relocate(diagnostics, label) if provenance is not None else diagnostics
