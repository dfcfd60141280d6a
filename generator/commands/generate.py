"""``generate``: manifest (or spec files at hand) -> client packages, the change report and the
run's record, updated atomically in the output folder.

The output folder holds ``generate``'s output only: a file there that this run does not produce
is removed, and named when no earlier run produced it either (the record says which did).  Build
products (``build/``, ``*.egg-info``, ``__pycache__``) and git-ignored files are left alone.
The run prints what it changed; when nothing differs it writes nothing.

With spec files (``generate SPEC... --out DIR``) no manifest is read: the files are one API's
versions, each becoming a subpackage named after its ``info.version``; names not given on the
command line come from the newest spec's title (:mod:`generator.render.settings`).

Exit codes: 0 done (or, with ``--check``, the tree is current); 1 a spec has errors (nothing is
written) or ``--check`` found drift; 2 the tool failed (manifest unreadable, output not
writable, a template bug).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.commands.spec_verdicts import SpecErrors, Verdict, compiled_versions
from generator.diagnostics import Diagnostic, Severity
from generator.ir import ApiSpec
from generator.record import RECORD_FILE, RecordError, parse_record, record_text

if TYPE_CHECKING:
    from generator.render.package import VersionInput
    from generator.render.settings import PackageSettings


class GenerateError(Exception):
    """A failure of the tool itself (exit 2), as one printable line."""


class UsageProblem(Exception):
    """The command was asked for something impossible (exit 2), as one printable line."""


def _print(lines: Sequence[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _errors(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def _package_files(
    settings: PackageSettings,
    versions: Sequence[VersionInput],
    verdict: Verdict,
    *,
    parallel: bool,
    report: bool,
    api_versions: list[str] | None = None,
) -> dict[str, str]:
    """The distribution plus, when ``report``, the change report; the specs' ``verdict`` is
    settled once the files are rendered, before they are formatted."""
    from generator.diff.api import report_files
    from generator.render.package import render_distribution, runtime_files

    files = render_distribution(
        settings, versions, runtime_files(), parallel=parallel, before_format=verdict.settle
    )
    if report:
        specs: list[ApiSpec] = [v.spec for v in versions]
        for path, text in sorted(report_files(specs).items()):
            if path in files:
                raise GenerateError(f"report file {path} clashes with a package file")
            files[path] = text
    api_versions = api_versions or [v.spec.client.api_version for v in versions]
    files[RECORD_FILE] = record_text(
        settings.distribution, settings.package_version, api_versions, files
    )
    return dict(sorted(files.items()))


def render_all(
    manifest_path: Path, *, mirror: Path | None, parallel: bool = False, validate: bool = True
) -> dict[str, str]:
    """Every file ``generate`` produces, relative to the output folder, in memory.

    ``validate=False`` leaves openapi-spec-validator out (for tests of later stages only: the
    command always validates, so that it gives the same verdict as ``validate``).

    Raises SpecErrors (after printing the errors) when a spec cannot be compiled cleanly, and
    GenerateError when the manifest or the spec copy is unusable.
    """
    from generator.manifest import ManifestError, load_manifest
    from generator.sync import MirrorMissing, ensure_specs

    try:
        manifest = load_manifest(manifest_path)
    except ManifestError as error:
        raise GenerateError(str(error)) from None
    try:
        problems = _errors(ensure_specs(manifest, mirror))
    except MirrorMissing as missing:
        raise GenerateError(str(missing)) from None
    if problems:
        _print([d.render() for d in problems])
        raise GenerateError(f"{len(problems)} spec file(s) could not be made available")
    options = AdHocOptions(
        package_name=manifest.distribution,
        namespace=manifest.namespace,
        client_name=manifest.client_name,
        title=manifest.title,
        package_version=manifest.version,
        credential_scopes=manifest.credential_scopes,
    )
    entries = [(e.package, e.spec, manifest.spec_path(e)) for e in manifest.versions]
    with compiled_versions(entries, validate=validate, parallel=parallel) as verdict:
        files = _package_files(
            _settings(verdict.versions, options),
            verdict.versions,
            verdict,
            parallel=parallel,
            report=True,
            api_versions=[entry.api_version for entry in manifest.versions],
        )
    return files


@dataclass(frozen=True)
class AdHocOptions:
    """What ``generate SPEC... --out DIR`` may name; None means "derive it from the spec"."""

    package_name: str | None = None
    namespace: str | None = None
    client_name: str | None = None
    title: str | None = None
    package_version: str | None = None
    credential_scopes: tuple[str, ...] = ()


def _settings(versions: Sequence[VersionInput], options: AdHocOptions) -> PackageSettings:
    """The package settings: the names given, the rest derived from the newest spec."""
    from generator.render.settings import package_settings

    return package_settings(
        [v.spec for v in versions],
        distribution=options.package_name,
        namespace=options.namespace,
        client_class=options.client_name,
        title=options.title,
        package_version=options.package_version,
        credential_scopes=options.credential_scopes,
    )


def check_names(options: AdHocOptions) -> str | None:
    """Why the names given on the command line cannot be used, or None when they can."""
    from generator.manifest import is_class_name, is_distribution_name, is_package_name

    if options.package_name is not None and not is_distribution_name(options.package_name):
        return f"--package-name {options.package_name!r} is not a valid distribution name"
    if options.namespace is not None and not is_package_name(options.namespace):
        return f"--namespace {options.namespace!r} is not a lower-case Python identifier"
    if options.client_name is not None and not is_class_name(options.client_name):
        return f"--client-name {options.client_name!r} is not a Python class name"
    return None


def render_specs(
    spec_paths: Sequence[Path], options: AdHocOptions, *, parallel: bool = False
) -> dict[str, str]:
    """Every file for spec files given directly (no manifest): one distribution, one
    subpackage per API version (oldest first), and the change report when there are several.

    ``parallel``: worker processes validate, and format when there are several specs.
    """
    entries = [("", str(path), path) for path in spec_paths]
    with compiled_versions(entries, parallel=parallel) as verdict:
        files = _named_package_files(verdict, options, parallel=parallel)
    return files


def _named_package_files(
    verdict: Verdict, options: AdHocOptions, *, parallel: bool
) -> dict[str, str]:
    """The files of :func:`render_specs`, each version named after its API version."""
    from generator.render.settings import version_package

    versions = sorted(verdict.versions, key=lambda v: v.spec.client.api_version)
    named: list[VersionInput] = []
    seen: dict[str, str] = {}
    for version in versions:
        package = version_package(version.spec.client.api_version)
        if package in seen:
            raise UsageProblem(
                f"{version.spec_path} and {seen[package]} have the same API version "
                f"({version.spec.client.api_version!r}); give each version once"
            )
        seen[package] = version.spec_path
        named.append(replace(version, package=package))
    several = len(named) > 1
    return _package_files(
        _settings(named, options),
        named,
        verdict,
        parallel=parallel and several,
        report=several,
    )


def run_generate_specs(
    spec_paths: Sequence[Path], out: Path, options: AdHocOptions, *, type_check: bool = False
) -> int:
    """``generate SPEC... --out DIR``: see the module docstring for exit codes."""
    return _run(
        lambda: render_specs(spec_paths, options, parallel=True),
        out,
        check=False,
        type_check=type_check,
    )


def run_generate(
    manifest_path: Path, out: Path, *, check: bool, mirror: Path | None, type_check: bool = False
) -> int:
    """The ``generate`` command; see the module docstring for exit codes."""
    return _run(
        lambda: render_all(manifest_path, mirror=mirror, parallel=True),
        out,
        check=check,
        type_check=type_check,
    )


def _type_errors(files: dict[str, str]) -> int | None:
    """Run the ``--type-check`` gate: None when it passes, else the exit code (printed why)."""
    from generator.commands.type_check import TypeCheckUnavailable, type_check

    try:
        problems = type_check(files)
    except TypeCheckUnavailable as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    if not problems:
        return None
    _print(problems)
    print(
        f"generate --type-check: mypy --strict reports {len(problems)} problem(s) in the "
        "generated code; nothing was written",
        file=sys.stderr,
    )
    return 1


def _run(produce: Callable[[], dict[str, str]], out: Path, *, check: bool, type_check: bool) -> int:
    """Render with ``produce``, then compare with or write ``out``; the exit code."""
    from generator.render.format import FormatError
    from generator.write import compare_tree, write_tree

    try:
        files = produce()
    except SpecErrors:
        print("generate: the specs have errors; nothing was written", file=sys.stderr)
        return 1
    except (GenerateError, UsageProblem, FormatError) as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    if type_check:
        failed = _type_errors(files)
        if failed is not None:
            return failed
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
