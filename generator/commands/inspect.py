"""``validate`` and ``ir``: compile specs and report on them, without writing a package."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.atomic import write_file_atomically
from generator.diagnostics import Diagnostic, Severity
from generator.pipeline import compile_spec


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.render(), file=sys.stderr)


def _count(diagnostics: Sequence[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity is severity)


def run_validate(paths: list[Path], *, allow_network: bool) -> int:
    """``validate``: diagnostics on stderr, a summary line; 0 when every spec is usable."""
    errors = warnings = 0
    for path in paths:
        spec, diagnostics = compile_spec(
            path, allow_network=allow_network, validate=True, parallel=True
        )
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
        spec, diagnostics = compile_spec(
            path, allow_network=allow_network, validate=validate, parallel=True
        )
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


__all__ = ["run_ir", "run_validate"]
