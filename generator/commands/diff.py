"""``diff OLD NEW [NEWER ...]``: compile each spec, compare consecutive pairs, write the report,
and gate CI.

Exit codes: 0 nothing (left after the ignore file) is at or above ``--fail-on``; 1 something is,
or a spec has errors (the input is wrong, as for every command); 2 the tool failed (an
unreadable ignore file, an unwritable output folder).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.atomic import write_file_atomically
from generator.diagnostics import Severity as DiagnosticSeverity
from generator.diff.changes import Severity
from generator.diff.ignore import IgnoreEntry, IgnoreFileError, load_ignore_file
from generator.diff.render_html import render_html
from generator.diff.render_json import render_json
from generator.diff.render_md import render_md
from generator.diff.report import DiffReport, build_report
from generator.diff.report_view import ViewOptions
from generator.ir import ApiSpec

RENDERERS = {"md": render_md, "json": render_json, "html": render_html}
THRESHOLDS = {"breaking": Severity.BREAKING, "review": Severity.REVIEW}


def gate(report: DiffReport, fail_on: str) -> int:
    """0 when no change reaches the ``fail_on`` threshold (or it is ``never``), else 1."""
    threshold = THRESHOLDS.get(fail_on)
    worst = report.worst()
    if threshold is None or worst is None:
        return 0
    return 1 if worst.rank >= threshold.rank else 0


def compile_all(paths: Sequence[Path]) -> list[ApiSpec] | None:
    """Compile every spec; print each error diagnostic and return None if any spec failed."""
    from generator.pipeline import compile_spec

    specs: list[ApiSpec] = []
    failed = False
    for path in paths:
        spec, diagnostics = compile_spec(path, parallel=True)
        errors = [d for d in diagnostics if d.severity is DiagnosticSeverity.ERROR]
        for diagnostic in errors:
            print(diagnostic.render(), file=sys.stderr)
        if spec is None and not errors:
            print(f"{path}: cannot be compared: the spec has errors", file=sys.stderr)
        if spec is None or errors:
            failed = True
        else:
            specs.append(spec)
    return None if failed else specs


def run_diff(
    specs: Sequence[Path],
    *,
    formats: Sequence[str],
    out: Path | None,
    fail_on: str,
    ignore_file: Path | None,
    only: str | None = None,
    summary_only: bool = False,
) -> int:
    """The ``diff`` command (see the module docstring for exit codes).

    ``only`` (breaking, review or info) and ``summary_only`` choose what the report shows; the
    exit code always judges every change.
    """
    entries: tuple[IgnoreEntry, ...] = ()
    if ignore_file is not None:
        try:
            loaded = load_ignore_file(ignore_file)
        except IgnoreFileError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        entries = loaded.entries
        for warning in loaded.warnings:
            print(warning, file=sys.stderr)
    compiled = compile_all(specs)
    if compiled is None:
        return 1
    report = build_report(compiled, entries)
    for entry in report.stale_ignores:
        print(
            f"{ignore_file}:/ignore/{entry.number - 1}: warning: entry {entry.number} "
            f"({entry.describe()}) matches no change; remove it",
            file=sys.stderr,
        )
    chosen = list(dict.fromkeys(formats)) or ["md"]
    view = ViewOptions(Severity(only) if only else None, summary_only)
    try:
        for name in chosen:
            text = RENDERERS[name](report, view)
            if out is None:
                sys.stdout.write(text)
            else:
                write_file_atomically(out / f"changes.{name}", text)
    except OSError as exc:
        print(f"{out}: cannot write the report: {exc}", file=sys.stderr)
        return 2
    return gate(report, fail_on)
