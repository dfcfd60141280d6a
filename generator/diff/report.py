"""A whole report: every consecutive pair, the timeline, and what the ignore file left over."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from generator.diff.changes import Severity
from generator.diff.engine import PairDiff, diff_indexed
from generator.diff.ignore import IgnoreEntry, apply_ignores
from generator.diff.index import build_index
from generator.diff.timeline import Timeline, build_timeline
from generator.ir import ApiSpec


@dataclass(frozen=True, slots=True)
class DiffReport:
    """What changed across ``versions`` (oldest first)."""

    versions: tuple[str, ...]
    pairs: tuple[PairDiff, ...]
    timeline: Timeline | None  # for three or more versions
    stale_ignores: tuple[IgnoreEntry, ...] = ()

    def worst(self) -> Severity | None:
        """The highest severity of any change not accepted by the ignore file."""
        found = [c.severity for pair in self.pairs for c in pair.changes]
        return max(found, key=lambda s: s.rank) if found else None


def build_report(specs: Sequence[ApiSpec], ignores: Sequence[IgnoreEntry] = ()) -> DiffReport:
    """Diff each consecutive pair of ``specs``; add a timeline when there are three or more."""
    indexes = [build_index(spec) for spec in specs]
    pairs = tuple(diff_indexed(a, b) for a, b in itertools.pairwise(indexes))
    timeline = build_timeline(indexes, pairs) if len(indexes) >= 3 else None
    pairs, stale = apply_ignores(pairs, ignores)
    versions = tuple(index.version for index in indexes)
    return DiffReport(versions, pairs, timeline, stale)


def summary(pair: PairDiff) -> dict[str, int]:
    """Counts for the summary table: per severity, per verdict, and accepted changes."""
    return {
        "breaking": pair.count(Severity.BREAKING),
        "review": pair.count(Severity.REVIEW),
        "info": pair.count(Severity.INFO),
        "wire_breaking": sum(1 for c in pair.changes if c.wire_breaking),
        "client_breaking": sum(1 for c in pair.changes if c.client_breaking),
        "ignored": len(pair.ignored),
    }
