"""``bundle``: write a self-contained, normalized copy of a spec for mock servers and tools."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from generator.atomic import write_file_atomically
from generator.bundle import bundle_document, fold_base_path, to_json
from generator.diagnostics import Diagnostic, DiagnosticSink, Severity


def run_bundle(spec: Path, output: Path, *, paths_with_base: bool = False) -> int:
    """Write the bundle of ``spec`` to ``output``; print one line per problem; 0 ok, 1 errors.

    ``paths_with_base`` folds ``basePath`` into every path (``/openai/files``) for tools that
    ignore ``basePath``; Stoplight Prism does so by design (its FAQ; stoplightio/prism#2191).
    """
    from generator.load import load_spec

    loaded = load_spec(spec, validate=True)
    _print(d for d in loaded.diagnostics if "/x-ms-examples" not in d.pointer)
    if not loaded.ok or not loaded.raw:
        if loaded.ok:
            _print([_no_document(spec)])
        return 1
    sink = DiagnosticSink(str(spec))
    bundled = bundle_document(loaded.raw, source=spec, sink=sink)
    provenance = loaded.provenance  # an OpenAPI 3 document is bundled in its Swagger 2.0 form
    _print(sink.items if provenance is None else provenance.relocate(sink.items, str(spec)))
    if bundled is None or sink.has_errors:
        return 1
    if paths_with_base:
        bundled = fold_base_path(bundled)
    try:
        write_file_atomically(output, to_json(bundled))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        _print([Diagnostic(str(output), "", Severity.ERROR, f"cannot write the bundle: {reason}")])
        return 1
    return 0


def _no_document(spec: Path) -> Diagnostic:
    return Diagnostic(str(spec), "", Severity.ERROR, "the spec could not be read", "")


def _print(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.render(), file=sys.stderr)
