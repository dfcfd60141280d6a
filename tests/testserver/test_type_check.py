"""Every test-server spec's generated package passes ``mypy --strict`` (the --type-check gate)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from testserver_clients import Generated

from generator.commands.type_check import check_packages

SPECS = (
    "parameterized-endpoint",
    "multiapi-v1-custom-base-url",
    "custom-baseUrl",
    "lro-parameterized-endpoints",
    "security-key",
    "body-formdata",
    "body-file",
    "body-binary",
    "xms-error-responses",
    "extensible-enums-swagger",
    "body-integer",
    "azure-special-properties",
    "body-complex",
    "header",
    "httpInfrastructure",
    "lro",
    "model-flattening",
)


def test_generated_packages_pass_mypy_strict(
    testserver_client: Callable[[str], Generated], tmp_path: Path
) -> None:
    folders = []
    for spec in SPECS:
        generated = testserver_client(spec)
        folders.append(Path(generated.version.__file__ or "").parents[1])
    assert check_packages(folders, tmp_path / "cache") == []
