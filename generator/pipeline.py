"""Spec file -> named IR, and the ``validate`` and ``ir`` commands built on it.

``compile_spec`` is the one entry point other stages use: load (with the loader's diagnostics),
build, name.  It returns the IR whenever the file could be read at all -- errors in parts of the
spec leave those parts out or typed as any -- together with every diagnostic, so callers decide
whether errors are fatal.  Diagnostics print as one line each on standard error.

The builder and the naming pass see the Swagger 2.0 shape whatever the file's format; for an
OpenAPI 3 document their diagnostics and the IR's source pointers are translated back into the
document as written, and the IR records the format read (:attr:`ApiSpec.source_format`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.ir import ApiSpec, OperationGroup
from generator.load.provenance import Provenance


def compile_spec(
    path: Path, *, allow_network: bool = False, validate: bool = True
) -> tuple[ApiSpec | None, tuple[Diagnostic, ...]]:
    """Load, build and name the spec at ``path``; None when the file is unusable as a whole.

    Every command validates (``validate=True``), so one spec gets one verdict whichever command
    reads it; the validator's findings are cached by content
    (:mod:`generator.load.validation_cache`), so this costs nothing once a file has been seen.
    """
    from generator.ir_builder import build_ir
    from generator.load import load_spec
    from generator.naming import assign_names

    loaded = load_spec(path, allow_network=allow_network, validate=validate)
    sink = DiagnosticSink(str(path))
    sink.extend(loaded.diagnostics)
    if not loaded.raw:
        if not sink.has_errors:
            sink.error("", "the document is empty", "nothing to build")
        return None, tuple(sink.items)
    built = DiagnosticSink(str(path))
    try:
        spec = assign_names(build_ir(loaded, built), built)
    except RecursionError:
        built.error("", "the document is nested too deeply to build", "no IR produced")
        spec = None
    provenance = loaded.provenance
    if provenance is None:
        sink.extend(built.items)
    else:
        sink.extend(provenance.relocate(built.items, str(path)))
        spec = _relocated(spec, provenance) if spec is not None else None
    if spec is not None:
        spec = replace(spec, source_format=loaded.format)
    return spec, tuple(sink.items)


def _relocated(spec: ApiSpec, provenance: Provenance) -> ApiSpec:
    """``spec`` with every source pointer naming the document as written."""
    where = provenance.original
    return replace(
        spec,
        groups=tuple(
            OperationGroup(
                group.key,
                group.py_name,
                group.class_name,
                tuple(
                    replace(op, source_pointer=where(op.source_pointer)) for op in group.operations
                ),
            )
            for group in spec.groups
        ),
        models=tuple(replace(m, source_pointer=where(m.source_pointer)) for m in spec.models),
        enums=tuple(replace(e, source_pointer=where(e.source_pointer)) for e in spec.enums),
        aliases=tuple(replace(a, source_pointer=where(a.source_pointer)) for a in spec.aliases),
    )


__all__ = ["compile_spec"]
