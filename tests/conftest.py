"""Fixtures shared by every test folder: where the repository and the input specs are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_SPECS = REPO_ROOT.parent / "shared" / "specs"
API_VERSIONS = ("2023-06-01-preview", "2023-10-01-preview", "2025-02-01-preview")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_specs() -> Path:
    """The read-only mirror of the real specs (``../shared/specs`` beside the checkout)."""
    if not (SHARED_SPECS / "MANIFEST.md").is_file():
        pytest.fail(
            f"the spec mirror is missing: {SHARED_SPECS} (CI keeps ../shared beside the checkout)"
        )
    return SHARED_SPECS


def azure_spec_path(version: str) -> Path:
    """Path of the Azure JSON spec of ``version`` in the shared mirror."""
    return SHARED_SPECS / "azure" / version / "azureopenai.json"
