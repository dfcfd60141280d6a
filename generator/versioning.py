"""How far the generated distribution's version must move between two releases (semver).

Users import the top-level package, which re-exports the default (newest) API version, and the
version subpackages.  So a release that changes the default API version changes what users get
and needs at least a minor bump; one where code written against the previous release breaks --
the diff's client verdict on the old and new default, or an API version subpackage removed --
needs a major bump, or a minor one while the major version is 0 (semver's rule for 0.x).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from generator.manifest import parse_semver


class Bump(Enum):
    """The smallest version change a release needs."""

    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"


@dataclass(frozen=True)
class Change:
    """What changed for users between two releases, as far as the version number cares."""

    previous_default: str
    default: str
    removed_versions: tuple[str, ...]
    client_breaking: int
    """How many changes from the previous default to the new one break user code."""

    @property
    def breaks_users(self) -> bool:
        """Whether code written against the previous release may break."""
        return bool(self.removed_versions) or self.client_breaking > 0

    def reasons(self) -> list[str]:
        """Why a bump is needed, one phrase each."""
        found = []
        if self.default != self.previous_default:
            found.append(f"the default API version moved {self.previous_default} -> {self.default}")
        if self.client_breaking:
            found.append(f"{self.client_breaking} change(s) there break user code")
        if self.removed_versions:
            found.append(f"API version(s) removed: {', '.join(self.removed_versions)}")
        return found


def required_bump(change: Change, previous_version: str) -> Bump:
    """The bump ``change`` needs from ``previous_version`` (0.x: breaking needs a minor)."""
    previous = parse_semver(previous_version)
    if change.breaks_users:
        return Bump.MINOR if previous is not None and previous[0] == 0 else Bump.MAJOR
    if change.default != change.previous_default:
        return Bump.MINOR
    return Bump.NONE


def bump_problem(previous_version: str, version: str, needed: Bump) -> str | None:
    """Why ``version`` is not enough after ``previous_version``, or None when it is."""
    old, new = parse_semver(previous_version), parse_semver(version)
    if old is None or new is None:
        return f"cannot compare {previous_version!r} with {version!r}: not MAJOR.MINOR.PATCH"
    if new < old:
        return f"{version} is lower than the previous {previous_version}"
    if needed is Bump.MAJOR and new[0] <= old[0]:
        return f"{previous_version} -> {version} needs a major bump (at least {old[0] + 1}.0.0)"
    if needed is Bump.MINOR and new[:2] <= old[:2]:
        return (
            f"{previous_version} -> {version} needs a minor bump "
            f"(at least {old[0]}.{old[1] + 1}.0)"
        )
    return None
