"""``generate``'s specs compiled, with the validator left running while the packages render.

Why: openapi-spec-validator is the longest step nothing waits on (a 10,000-operation spec:
~8-11 s of CPU; building and naming the IR takes ~1.5-3 s, rendering and formatting longer).
Its findings can only add errors to the verdict, never change the IR, so ``generate`` builds
the IR while a worker process validates (:mod:`generator.load.validation_worker`) and renders
the packages before it collects the findings.  The verdict is settled before anything is
written or printed and is the one :func:`generator.pipeline.compile_spec` gives: each spec's
errors, in order, and nothing written when there is one.  A spec known to have errors before
its findings arrive (no IR, errors of the loader or builder) is not rendered at all.

Measured on the 10,000-operation spec with only the findings not cached (2 cores, others' load
about 2): 11.7-12.5 s validating first, 10.5-12.2 s collecting the findings once the IR is
built, 8.3-10.2 s collecting them after rendering -- building alone is too short to hide the
validator behind.

At most one worker per core is left running: before compiling a further spec, the oldest
spec's findings are collected.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Severity

if TYPE_CHECKING:
    from generator.pipeline import Compilation
    from generator.render.package import VersionInput


class SpecErrors(Exception):
    """The specs have errors (exit 1); the diagnostics were printed."""


@contextmanager
def compiled_versions(
    entries: Sequence[tuple[str, str, Path]], *, validate: bool = True, parallel: bool = False
) -> Iterator[list[VersionInput]]:
    """Each (package, shown path, file) compiled to a :class:`VersionInput`, for the body.

    ``parallel``: the validator runs in worker processes until the body has rendered.  Leaving
    the block settles the verdict, whatever the body raised but an interrupt: SpecErrors (the
    errors printed) when a spec has errors, else the body's own exception, if any.
    """
    from generator.pipeline import start_compile
    from generator.render.package import VersionInput

    compilations: list[tuple[str, str, Compilation]] = []
    running: deque[Compilation] = deque()
    try:
        for package, shown, path in entries:
            if len(running) >= (os.cpu_count() or 1):
                running.popleft().diagnostics()  # collected now, kept for the verdict
            compilation = start_compile(path, validate=validate, parallel=parallel)
            compilations.append((package, shown, compilation))
            running.append(compilation)
        if any(compilation.failed_early for _, _, compilation in compilations):
            _settle(compilations)
        versions = [
            VersionInput(package, shown, compilation.spec)
            for package, shown, compilation in compilations
            if compilation.spec is not None
        ]
        try:
            yield versions
        except Exception:
            _settle(compilations)  # the specs' errors come first, as when nothing is rendered
            raise
        _settle(compilations)
    finally:
        for _, _, compilation in compilations:
            compilation.cancel()


def _settle(compilations: Sequence[tuple[str, str, Compilation]]) -> None:
    """Print every spec's errors; SpecErrors if any, else the warning count (if any)."""
    failed = False
    warnings = 0
    for _, _, compilation in compilations:
        diagnostics = compilation.diagnostics()
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        warnings += len(diagnostics) - len(errors)
        if errors or compilation.spec is None:
            for error in errors:
                print(error.render(), file=sys.stderr)
            failed = True
    if failed:
        raise SpecErrors()
    if warnings:
        print(
            f"{warnings} warning(s) in the specs; `python -m generator validate` lists them",
            file=sys.stderr,
        )


__all__ = ["SpecErrors", "compiled_versions"]
