"""Spec file -> named IR, and the ``validate`` and ``ir`` commands built on it.

``compile_spec`` is the one entry point other stages use: load (with the loader's diagnostics),
build, name.  It returns the IR whenever the file could be read at all -- errors in parts of the
spec leave those parts out or typed as any -- together with every diagnostic, so callers decide
whether errors are fatal.  Diagnostics print as one line each on standard error.
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.ir import ApiSpec


def compile_spec(
    path: Path, *, allow_network: bool = False, validate: bool = False
) -> tuple[ApiSpec | None, tuple[Diagnostic, ...]]:
    """Load, build and name the spec at ``path``; None when the file is unusable as a whole."""
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
    try:
        spec = assign_names(build_ir(loaded, sink), sink)
    except RecursionError:
        sink.error("", "the document is nested too deeply to build", "no IR produced")
        return None, tuple(sink.items)
    return spec, tuple(sink.items)


__all__ = ["compile_spec"]
