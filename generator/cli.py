"""Command line: ``python -m generator <command>`` (also installed as ``azure-swagger-pygen``).

Each command is a thin shell over one module's ``run_*`` function, imported lazily so that a
command pays only for the imports it uses (openapi-spec-validator alone takes ~0.4 s to import).

Exit codes everywhere: 0 success, 1 the input has errors (or, for ``--check``/``diff``, a gate
tripped), 2 bad usage or the tool itself failed.  Problems print one line each, never a traceback;
set ``AZPYGEN_DEBUG=1`` to see the traceback of an internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.diagnostics import one_line

# Looked up in the working directory, so that the installed tool works in any project folder.
DEFAULT_MANIFEST = Path("specs", "manifest.yaml")
DEFAULT_OUTPUT = Path("generated")

_existing_file = click.Path(exists=True, dir_okay=False, path_type=Path)
_manifest_option = click.option(
    "--manifest",
    type=_existing_file,
    default=None,
    help=f"The manifest [default: {DEFAULT_MANIFEST} in the working directory].",
)


def _manifest_here(given: Path | None) -> Path:
    """``--manifest`` when given, else the working directory's; without one, a line and exit 2."""
    if given is not None:
        return given
    if DEFAULT_MANIFEST.is_file():
        return DEFAULT_MANIFEST
    click.echo(
        f"error: no {DEFAULT_MANIFEST} in {Path.cwd()}; run in the project folder or pass "
        "--manifest FILE",
        err=True,
    )
    sys.exit(2)


# A spec that exists but is not a regular file (a directory, FIFO, device) is bad input, which
# the loader reports in one line with exit 1; only a missing path is bad usage.
_spec_file = click.Path(exists=True, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="azure-swagger-pygen")
def cli() -> None:
    """Compile Azure-flavoured Swagger 2.0 specs into typed Python clients and diff reports."""


@cli.command()
@click.argument("specs", nargs=-1, required=True, type=_spec_file)
@click.option("--allow-network", is_flag=True, help="Allow $ref to http(s) URLs.")
def validate(specs: tuple[Path, ...], allow_network: bool) -> None:
    """Check SPECS (JSON or YAML): print diagnostics; exit 0 when usable, 1 on errors."""
    from generator.commands.inspect import run_validate

    sys.exit(run_validate(list(specs), allow_network=allow_network))


@cli.command()
@click.argument("specs", nargs=-1, required=True, type=_spec_file)
@click.option("--allow-network", is_flag=True, help="Allow $ref to http(s) URLs.")
@click.option(
    "--validate/--no-validate",
    "with_validation",
    default=True,
    help="Run openapi-spec-validator (default, as every command does; cached by content).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the JSON here instead of standard output.",
)
def ir(
    specs: tuple[Path, ...], allow_network: bool, with_validation: bool, output: Path | None
) -> None:
    """Print the intermediate model of SPECS as JSON (stable key order)."""
    from generator.commands.inspect import run_ir

    sys.exit(
        run_ir(list(specs), allow_network=allow_network, validate=with_validation, output=output)
    )


@cli.command()
@click.option(
    "--from",
    "mirror",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    envvar="AZPYGEN_SPECS_MIRROR",
    help="Copy from this mirror folder instead of downloading (env AZPYGEN_SPECS_MIRROR).",
)
@_manifest_option
def sync(mirror: Path | None, manifest: Path | None) -> None:
    """Fill the git-ignored local copy of the pinned specs, checking every sha256."""
    from generator.commands.sync import run_sync

    sys.exit(run_sync(_manifest_here(manifest), mirror=mirror))


@cli.command("check-version")
@_manifest_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="The output folder holding the previous run's generate-record.json.",
)
@click.option(
    "--against",
    default=None,
    metavar="REF",
    help="Compare with the record committed at this git ref (e.g. origin/main) instead.",
)
def check_version(manifest: Path | None, out: Path, against: str | None) -> None:
    """Exit 1 when the manifest's version does not move enough since the previous release."""
    from generator.commands.check_version import run_check_version

    sys.exit(run_check_version(_manifest_here(manifest), out, against=against))


@cli.command()
@click.argument("spec", type=_spec_file)
@click.option("--api-version", default=None, help="The API version (default: info.version).")
@click.option("--package", default=None, help="Subpackage name (default: v<api version>).")
@click.option("--repository", default=None, help="Upstream owner/name, recorded with --commit.")
@click.option("--commit", default=None, help="Full commit id of --repository holding SPEC.")
@_manifest_option
def pin(
    spec: Path,
    api_version: str | None,
    package: str | None,
    repository: str | None,
    commit: str | None,
    manifest: Path | None,
) -> None:
    """Add or refresh the manifest entry of SPEC: every file it needs, with its sha256."""
    if (repository is None) != (commit is None):
        raise click.UsageError("--repository and --commit go together")
    from generator.commands.pin import PinRequest, run_pin

    request = PinRequest(spec, _manifest_here(manifest), api_version, package, repository, commit)
    sys.exit(run_pin(request))


@cli.command()
@click.argument("specs", nargs=-1, type=_existing_file)
@click.option("--check", is_flag=True, help="Regenerate in memory; exit 1 listing drifted files.")
@_manifest_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Output folder (required with SPECS). [default: {DEFAULT_OUTPUT}]",
)
@click.option(
    "--from",
    "mirror",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    envvar="AZPYGEN_SPECS_MIRROR",
    help="Mirror used when the local spec copy is missing.",
)
@click.option("--package-name", default=None, help="With SPECS: the distribution name.")
@click.option("--namespace", default=None, help="With SPECS: the import package.")
@click.option("--client-name", default=None, help="With SPECS: the client class.")
@click.option(
    "--type-check",
    is_flag=True,
    help="Run mypy --strict over the generated packages first; exit 1 if it finds problems.",
)
def generate(
    specs: tuple[Path, ...],
    check: bool,
    manifest: Path | None,
    out: Path | None,
    mirror: Path | None,
    package_name: str | None,
    namespace: str | None,
    client_name: str | None,
    type_check: bool,
) -> None:
    """Generate the manifest's client packages and version-diff report, or, given SPECS (one
    API's versions), one package from those files with no manifest (--out required)."""
    if specs:
        if manifest is not None or check:
            raise click.UsageError("SPECS cannot be combined with --manifest or --check")
        if out is None:
            raise click.UsageError("--out DIR is required when SPECS are given")
        from generator.commands.generate import AdHocOptions, check_names, run_generate_specs

        options = AdHocOptions(
            package_name=package_name, namespace=namespace, client_name=client_name
        )
        problem = check_names(options)
        if problem:
            raise click.UsageError(problem)
        sys.exit(run_generate_specs(list(specs), out, options, type_check=type_check))
    if package_name or namespace or client_name:
        raise click.UsageError("--package-name, --namespace and --client-name need SPECS")
    from generator.commands.generate import run_generate

    sys.exit(
        run_generate(
            _manifest_here(manifest),
            out or DEFAULT_OUTPUT,
            check=check,
            mirror=mirror,
            type_check=type_check,
        )
    )


@cli.command()
@click.argument("spec", type=_spec_file)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--paths-with-base",
    is_flag=True,
    help="Fold basePath into every path, for tools that ignore basePath (Stoplight Prism).",
)
def bundle(spec: Path, output: Path, paths_with_base: bool) -> None:
    """Write a self-contained, normalized copy of SPEC for tools such as mock servers."""
    from generator.commands.bundle import run_bundle

    sys.exit(run_bundle(spec, output, paths_with_base=paths_with_base))


@cli.command()
@click.argument("specs", nargs=-1, required=True, type=_spec_file)
@click.option(
    "--format",
    "formats",
    type=click.Choice(["md", "json", "html"]),
    multiple=True,
    help="Report formats to write (default: md to standard output).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for report files (changes.md, changes.json, changes.html).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "review", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 when a change is at or above this severity.",
)
@click.option(
    "--ignore",
    "ignore_file",
    type=_existing_file,
    default=None,
    help="YAML file of accepted changes (by fingerprint, or rule and location).",
)
@click.option(
    "--only",
    type=click.Choice(["breaking", "review", "info"]),
    default=None,
    help="List only changes of this severity (the exit code still judges all).",
)
@click.option(
    "--summary",
    "summary_only",
    is_flag=True,
    help="Show the counts and the migration list only, no individual changes.",
)
def diff(
    specs: tuple[Path, ...],
    formats: tuple[str, ...],
    out: Path | None,
    fail_on: str,
    ignore_file: Path | None,
    only: str | None,
    summary_only: bool,
) -> None:
    """Compare API versions OLD NEW [NEWER ...] and report what changed."""
    if len(specs) < 2:
        raise click.UsageError("diff needs at least two specs: OLD NEW [NEWER ...]")
    from generator.commands.diff import run_diff

    sys.exit(
        run_diff(
            list(specs),
            formats=formats or ("md",),
            out=out,
            fail_on=fail_on,
            ignore_file=ignore_file,
            only=only,
            summary_only=summary_only,
        )
    )


def main() -> None:
    """Entry point: run the CLI, turning any internal failure into one line and exit 2."""
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(2)
    except Exception as exc:  # the last line of defence against tracebacks
        if os.environ.get("AZPYGEN_DEBUG"):
            raise
        click.echo(
            one_line(
                f"internal error: {type(exc).__name__}: {exc} (set AZPYGEN_DEBUG=1 for details)"
            ),
            err=True,
        )
        sys.exit(2)
