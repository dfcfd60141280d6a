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

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, DiagnosticSink, Severity
from generator.ir import ApiSpec, OperationGroup
from generator.load.provenance import Provenance

if TYPE_CHECKING:
    from generator.load import LoadedSpec, PendingSpec


def compile_spec(
    path: Path, *, allow_network: bool = False, validate: bool = True, parallel: bool = False
) -> tuple[ApiSpec | None, tuple[Diagnostic, ...]]:
    """Load, build and name the spec at ``path``; None when the file is unusable as a whole.

    Every command validates (``validate=True``), so one spec gets one verdict whichever command
    reads it; the validator's findings are cached by content
    (:mod:`generator.load.validation_cache`), so this costs nothing once a file has been seen.
    When they are not cached and ``parallel`` is set (the commands set it), the validator runs
    in a worker process while this one builds the IR (:mod:`generator.load.validation_worker`);
    its findings are collected before this returns, so the result is the same either way.
    """
    compilation = start_compile(
        path, allow_network=allow_network, validate=validate, parallel=parallel
    )
    try:
        return compilation.spec, compilation.diagnostics()
    finally:
        compilation.cancel()


@dataclass(frozen=True)
class Compilation:
    """A spec built and named whose validator findings may still be on their way from a worker.

    ``spec`` is final at once; :meth:`diagnostics` collects the findings and gives what
    :func:`compile_spec` returns.  ``generate`` renders while the validator runs this way.
    """

    path: Path
    spec: ApiSpec | None
    pending: PendingSpec
    built: tuple[Diagnostic, ...]
    """The builder's and the naming pass's diagnostics, located in the document as written."""

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic, the validator's findings included (waits for them)."""
        loaded = self.pending.complete()
        sink = DiagnosticSink(str(self.path))
        sink.extend(loaded.diagnostics)
        if not loaded.raw and not sink.has_errors:
            sink.error("", "the document is empty", "nothing to build")
        sink.extend(self.built)
        return tuple(sink.items)

    @property
    def failed_early(self) -> bool:
        """Whether the spec has errors whatever the validator finds (no IR, or other errors)."""
        known = (*self.pending.loaded.diagnostics, *self.built)
        return self.spec is None or any(d.severity is Severity.ERROR for d in known)

    def cancel(self) -> None:
        """Stop the validator's worker if its findings were not collected."""
        self.pending.cancel()


def start_compile(
    path: Path, *, allow_network: bool = False, validate: bool = True, parallel: bool = False
) -> Compilation:
    """:func:`compile_spec`, returning as soon as the IR is named.

    The caller must collect :meth:`Compilation.diagnostics` or :meth:`~Compilation.cancel`.
    """
    from generator.load import start_loading

    pending = start_loading(path, allow_network=allow_network, validate=validate, parallel=parallel)
    try:
        loaded = pending.loaded
        if not loaded.raw:
            return Compilation(path, None, pending, ())
        sink = DiagnosticSink(str(path))
        spec = _built(loaded, sink)
        built = sink.items
        provenance = loaded.provenance
        if provenance is not None:
            built = provenance.relocate(built, str(path))
            spec = _relocated(spec, provenance) if spec is not None else None
        if spec is not None:
            spec = replace(spec, source_format=loaded.format)
        return Compilation(path, spec, pending, tuple(built))
    except BaseException:
        pending.cancel()
        raise


def _built(loaded: LoadedSpec, sink: DiagnosticSink) -> ApiSpec | None:
    """The named IR of ``loaded``; None when it is nested too deeply to build."""
    from generator.ir_builder import build_ir
    from generator.naming import assign_names

    try:
        return assign_names(build_ir(loaded, sink), sink)
    except RecursionError:
        sink.error("", "the document is nested too deeply to build", "no IR produced")
        return None


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


__all__ = ["Compilation", "compile_spec", "start_compile"]
