"""Spec file -> named IR, and the ``validate`` and ``ir`` commands built on it.

``compile_spec`` is the one entry point other stages use: load (with the loader's diagnostics),
build, name.  It returns the IR whenever the file could be read at all -- errors in parts of the
spec leave those parts out or typed as any -- together with every diagnostic, so callers decide
whether errors are fatal.  Diagnostics print as one line each on standard error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.atomic import write_file_atomically
from generator.diagnostics import Diagnostic, DiagnosticSink, Severity
from generator.ir import ApiSpec


def compile_spec(
    path: Path, *, allow_network: bool = False, validate: bool = False
) -> tuple[ApiSpec | None, tuple[Diagnostic, ...]]:
    """Load, build and name the spec at ``path``; None when the file is unusable as a whole."""
    from generator.build import build_ir
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


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.render(), file=sys.stderr)


def _count(diagnostics: Sequence[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity is severity)


def run_validate(paths: list[Path], *, allow_network: bool) -> int:
    """``validate``: diagnostics on stderr, a summary line; 0 when every spec is usable."""
    errors = warnings = 0
    for path in paths:
        spec, diagnostics = compile_spec(path, allow_network=allow_network, validate=True)
        _print_diagnostics(diagnostics)
        errors += _count(diagnostics, Severity.ERROR) + (
            1 if spec is None and not diagnostics else 0
        )
        warnings += _count(diagnostics, Severity.WARNING)
    verdict = "usable" if errors == 0 else "not usable"
    noun = "spec" if len(paths) == 1 else "specs"
    print(f"{len(paths)} {noun} checked: {errors} error(s), {warnings} warning(s); {verdict}")
    return 0 if errors == 0 else 1


def run_ir(paths: list[Path], *, allow_network: bool, validate: bool, output: Path | None) -> int:
    """``ir``: the IR as JSON (an object keyed by path for several specs); 1 if any has errors."""
    from generator.ir_json import dumps, ir_to_data, ir_to_json

    failed = False
    results: dict[str, object] = {}
    text = ""
    for path in paths:
        spec, diagnostics = compile_spec(path, allow_network=allow_network, validate=validate)
        _print_diagnostics(diagnostics)
        failed = failed or spec is None or _count(diagnostics, Severity.ERROR) > 0
        if len(paths) == 1:
            text = ir_to_json(spec) if spec is not None else ""
        else:
            results[str(path)] = ir_to_data(spec) if spec is not None else None
    if len(paths) != 1:
        text = dumps(results)
    if text:
        try:
            _write(text, output)
        except OSError as exc:
            print(f"{output}: error: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return 2
    return 1 if failed else 0


def _write(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically (temporary file, then rename), or to standard output."""
    data = text.encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_file_atomically(output, data, create_folder=False)


__all__ = ["compile_spec", "run_ir", "run_validate"]
