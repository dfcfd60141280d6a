"""``generate``'s specs compiled, with the validator left running while the packages render.

Why: openapi-spec-validator is the longest step nothing waits on (a 10,000-operation spec:
8-11 s of CPU; building and naming the IR takes 1.5-3 s, rendering about as much).  Its
findings can only add errors to the verdict, never change the IR, so ``generate`` builds the IR
while a worker process validates (:mod:`generator.load.validation_worker`) and renders the
packages before it collects the findings, just before black formats them.  The verdict is
settled before anything is formatted, written or printed, and is the one
:func:`generator.pipeline.compile_spec` gives: each spec's errors, in order, and nothing written
when there is one.  A spec known to have errors before its findings arrive (no IR, errors of
the loader or builder) is not rendered at all.

Measured on the 10,000-operation spec with only the findings not cached (2 cores, others' load
1-3): 11.3-12.5 s validating first, 10.5-12.2 s collecting the findings once the IR is built,
8.6-9.2 s collecting them after rendering -- building alone is too short to hide the validator
behind.  With every cache empty: 16.1-17.1 s validating first, 13.4-13.7 s now.  Collecting
the findings after formatting too took 11.6-12.2 s, but the worker then lives beside the
formatter's: 545 MiB of resident memory summed over the processes (330 MiB proportional)
against 456 (274) now: past the 500 MB goal by that sum, for 2 s.

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


class SpecErrors(Exception):
    """The specs have errors (exit 1); the diagnostics were printed."""


class Verdict:
    """The compiled versions, and the specs' verdict once every finding is collected."""

    def __init__(self, compilations: Sequence[tuple[str, str, Compilation]]) -> None:
        from generator.render.package import VersionInput

        self._compilations = compilations
        self._failed: bool | None = None
        self.versions = [
            VersionInput(package, shown, compilation.spec)
            for package, shown, compilation in compilations
            if compilation.spec is not None
        ]

    def settle(self) -> None:
        """Collect the findings and print the verdict (once); SpecErrors when a spec has errors.

        ``generate`` calls it once the files are rendered, before black formats them: the
        validator then overlaps building and rendering, and its worker is gone before the
        formatter's workers start (the validator would only take a core from them).
        """
        if self._failed is None:
            self._failed = _settled(self._compilations)
        if self._failed:
            raise SpecErrors()


@contextmanager
def compiled_versions(
    entries: Sequence[tuple[str, str, Path]], *, validate: bool = True, parallel: bool = False
) -> Iterator[Verdict]:
    """Each (package, shown path, file) compiled (:attr:`Verdict.versions`), for the body.

    ``parallel``: the validator runs in worker processes until the body calls
    :meth:`Verdict.settle`.  Leaving the block settles the verdict if the body did not,
    whatever the body raised but an interrupt: SpecErrors (the errors printed) when a spec has
    errors, else the body's own exception, if any.
    """
    from generator.pipeline import start_compile

    compilations: list[tuple[str, str, Compilation]] = []
    running: deque[Compilation] = deque()
    try:
        for package, shown, path in entries:
            if len(running) >= (os.cpu_count() or 1):
                running.popleft().diagnostics()  # collected now, kept for the verdict
            compilation = start_compile(path, validate=validate, parallel=parallel)
            compilations.append((package, shown, compilation))
            running.append(compilation)
        verdict = Verdict(compilations)
        if any(compilation.failed_early for _, _, compilation in compilations):
            verdict.settle()
        try:
            yield verdict
        except Exception:
            verdict.settle()  # the specs' errors come first, as when nothing is rendered
            raise
        verdict.settle()
    finally:
        for _, _, compilation in compilations:
            compilation.cancel()


def _settled(compilations: Sequence[tuple[str, str, Compilation]]) -> bool:
    """Print every spec's errors, else the warning count (if any); whether any spec failed."""
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
    if warnings and not failed:
        print(
            f"{warnings} warning(s) in the specs; `python -m generator validate` lists them",
            file=sys.stderr,
        )
    return failed


__all__ = ["SpecErrors", "Verdict", "compiled_versions"]
