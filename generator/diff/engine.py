"""Comparing two versions: index, match, run every comparison, order the result.

:func:`diff_indexed` is the hot path (what the benchmark times): both versions are already
compiled and indexed, and a pair of the real specs takes a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.changes import Change, IgnoredChange, Severity
from generator.diff.client_surface import class_renames, method_renames
from generator.diff.compare_enums import compare_enums
from generator.diff.compare_models import compare_models
from generator.diff.compare_operations import compare_operations
from generator.diff.compare_renames import compare_renames
from generator.diff.compare_service import compare_service
from generator.diff.context import DiffContext
from generator.diff.index import SpecIndex, build_index
from generator.diff.match import match
from generator.ir import ApiSpec


@dataclass(frozen=True, slots=True)
class PairDiff:
    """Everything that changed from one version to the next, breaking first."""

    old_version: str
    new_version: str
    changes: tuple[Change, ...]  # not accepted by the ignore file
    ignored: tuple[IgnoredChange, ...] = ()  # accepted by the ignore file, with its reason

    def count(self, severity: Severity) -> int:
        """How many changes have ``severity``."""
        return sum(1 for c in self.changes if c.severity is severity)


def diff_indexed(old: SpecIndex, new: SpecIndex) -> PairDiff:
    """Compare two indexed versions."""
    ctx = DiffContext(old, new, match(old, new))
    drafts = [
        *compare_operations(ctx),
        *compare_renames(ctx),
        *compare_models(ctx),
        *compare_enums(ctx),
        *method_renames(ctx),
        *class_renames(ctx),
    ]
    service = compare_service(ctx)
    if not drafts and all(d.rule.name == "NoVersionChange" for d in service):
        service = []  # the same version label is only worth a note when something changed
    drafts += service
    unique: dict[str, Change] = {}
    for draft in drafts:
        change = draft.finish()
        unique.setdefault(change.fingerprint, change)
    changes = tuple(sorted(unique.values(), key=lambda c: c.sort_key))
    return PairDiff(old.version, new.version, changes)


def diff_specs(old: ApiSpec, new: ApiSpec) -> PairDiff:
    """Compare two compiled versions (indexing both first)."""
    return diff_indexed(build_index(old), build_index(new))
