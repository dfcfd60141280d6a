"""The lock file (requirements-dev.txt) covers pyproject.toml, with hashes, and is what runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from packkit import project_table

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCK = REPO_ROOT / "requirements-dev.txt"
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+?)(?:\s*;\s*(.+?))?\s*\\?$")


@dataclass
class Pin:
    """One ``name==version ; marker`` entry of the lock and how many hashes it lists."""

    version: Version
    marker: Marker | None
    hashes: int = 0

    def applies(self) -> bool:
        """Whether the entry is for the running interpreter and platform."""
        return self.marker is None or self.marker.evaluate()


def locked() -> dict[str, list[Pin]]:
    """Every entry of the lock, by canonical project name."""
    pins: dict[str, list[Pin]] = {}
    current: Pin | None = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            name, version, marker = match.groups()
            current = Pin(Version(version), Marker(marker) if marker else None)
            pins.setdefault(canonicalize_name(name), []).append(current)
        elif current is not None and line.strip().startswith("--hash=sha256:"):
            current.hashes += 1
    return pins


def here(pins: list[Pin]) -> list[Version]:
    """The locked versions that apply to the running interpreter."""
    return [pin.version for pin in pins if pin.applies()]


def direct_requirements() -> list[Requirement]:
    project = project_table()
    extras = project["optional-dependencies"]["dev"]
    return [Requirement(text) for text in [*project["dependencies"], *extras]]


def test_every_pin_has_a_hash_and_applies_once() -> None:
    pins = locked()
    assert len(pins) > 20
    for name, entries in pins.items():
        assert all(pin.hashes > 0 for pin in entries), name
        assert len(here(entries)) <= 1, name


@pytest.mark.parametrize("requirement", direct_requirements(), ids=str)
def test_every_direct_dependency_is_locked_within_its_range(requirement: Requirement) -> None:
    versions = here(locked().get(canonicalize_name(requirement.name), []))
    assert len(versions) == 1, f"{requirement.name} is not in the lock; run .ci/lock"
    assert requirement.specifier.contains(
        versions[0], prereleases=True
    ), f"{requirement.name} {versions[0]} does not satisfy {requirement}; run .ci/lock"


def test_black_is_pinned_exactly() -> None:
    black = [r for r in direct_requirements() if r.name == "black"]
    assert len(black) == 1 and str(black[0].specifier).startswith("==")


def test_the_running_environment_is_the_locked_one() -> None:
    stale = []
    for name, entries in locked().items():
        versions = here(entries)
        if versions and Version(metadata.version(name)) != versions[0]:
            stale.append(f"{name} {metadata.version(name)} (locked {versions[0]})")
    assert stale == [], "run bash .ci/setup: " + ", ".join(stale)
