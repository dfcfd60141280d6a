"""``generate``: manifest -> every client package, the change report and the run's record,
updated atomically in the output folder.

The output folder holds ``generate``'s output only: a file there that this run does not produce
is removed, and named when no earlier run produced it either (the record says which did).  Build
products (``build/``, ``*.egg-info``, ``__pycache__``) and git-ignored files are left alone.
The run prints what it changed; when nothing differs it writes nothing.

Exit codes: 0 done (or, with ``--check``, the tree is current); 1 a spec has errors (nothing is
written) or ``--check`` found drift; 2 the tool failed (manifest unreadable, output not
writable, a template bug).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.diagnostics import Diagnostic, Severity
from generator.ir import ApiSpec
from generator.record import RECORD_FILE, RecordError, parse_record, record_text


class GenerateError(Exception):
    """A failure of the tool itself (exit 2), as one printable line."""


class SpecErrors(Exception):
    """The specs have errors (exit 1); the diagnostics were printed."""


def _print(lines: Sequence[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _errors(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def render_all(
    manifest_path: Path, *, mirror: Path | None, parallel: bool = False
) -> dict[str, str]:
    """Every file ``generate`` produces, relative to the output folder, in memory.

    Raises SpecErrors (after printing the errors) when a spec cannot be compiled cleanly, and
    GenerateError when the manifest or the spec copy is unusable.
    """
    from generator.diff.api import report_files
    from generator.manifest import ManifestError, load_manifest
    from generator.pipeline import compile_spec
    from generator.render.package import (
        PackageSettings,
        VersionInput,
        render_distribution,
        runtime_files,
    )
    from generator.sync import ensure_specs

    try:
        manifest = load_manifest(manifest_path)
    except ManifestError as error:
        raise GenerateError(str(error)) from None
    problems = _errors(ensure_specs(manifest, mirror))
    if problems:
        _print([d.render() for d in problems])
        raise GenerateError(f"{len(problems)} spec file(s) could not be made available")
    versions: list[VersionInput] = []
    failed = False
    warnings = 0
    for entry in manifest.versions:
        spec, diagnostics = compile_spec(manifest.spec_path(entry))
        errors = _errors(diagnostics)
        warnings += len(diagnostics) - len(errors)
        if errors or spec is None:
            _print([d.render() for d in errors])
            failed = True
            continue
        versions.append(VersionInput(entry.package, entry.spec, spec))
    if failed:
        raise SpecErrors()
    if warnings:
        print(
            f"{warnings} warning(s) in the specs; `python -m generator validate` lists them",
            file=sys.stderr,
        )
    settings = PackageSettings(
        manifest.distribution, manifest.namespace, package_version=manifest.version
    )
    files = render_distribution(settings, versions, runtime_files(), parallel=parallel)
    specs: list[ApiSpec] = [v.spec for v in versions]
    for path, text in sorted(report_files(specs).items()):
        if path in files:
            raise GenerateError(f"report file {path} clashes with a package file")
        files[path] = text
    api_versions = [entry.api_version for entry in manifest.versions]
    files[RECORD_FILE] = record_text(manifest.distribution, manifest.version, api_versions, files)
    return dict(sorted(files.items()))


def run_generate(manifest_path: Path, out: Path, *, check: bool, mirror: Path | None) -> int:
    """The ``generate`` command; see the module docstring for exit codes."""
    from generator.render.format import FormatError
    from generator.write import compare_tree, write_tree

    try:
        files = render_all(manifest_path, mirror=mirror, parallel=True)
    except SpecErrors:
        print("generate: the specs have errors; nothing was written", file=sys.stderr)
        return 1
    except (GenerateError, FormatError) as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    if check:
        drift = compare_tree(out, files)
        if drift.clean:
            print(f"generate --check: {out} is current ({len(files)} files)", file=sys.stderr)
            return 0
        _print(drift.lines())
        print(
            f"generate --check: {out} is stale; run `python -m generator generate`",
            file=sys.stderr,
        )
        return 1
    produced_before = _previously_produced(out)
    try:
        drift = write_tree(out, files)
    except OSError as error:
        print(f"generate: cannot write {out}: {error}", file=sys.stderr)
        return 2
    for path in drift.extra:
        if path not in produced_before:
            print(
                f"generate: removed {out / path}, which generate did not produce "
                f"({out} holds generated files only)",
                file=sys.stderr,
            )
    print(f"generate: {drift.summary()} in {out}", file=sys.stderr)
    return 0


def _previously_produced(out: Path) -> frozenset[str]:
    """The files the last run recorded as its own (none when there is no readable record)."""
    path = out / RECORD_FILE
    try:
        record = parse_record(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, RecordError):
        return frozenset()
    return frozenset((*record.files, RECORD_FILE))
