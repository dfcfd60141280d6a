"""What every report format shows, decided once: which changes (``--only``), whether entries at
all (``--summary``), the migration list, and the grouping of entries by operation group.

The Markdown, JSON and HTML renderers all read this module, so the three formats carry the same
content in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from generator.diff.changes import Change, Kind, Severity
from generator.diff.engine import PairDiff
from generator.diff.report import DiffReport

SERVICE = "service"
SEVERAL = "several operation groups"
UNUSED = "definitions no operation uses"


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """How much of a report to show."""

    only: Severity | None = None  # show only changes of this severity
    summary_only: bool = False  # counts and the migration list, no entries

    def describe(self) -> str:
        """A sentence saying what was left out, or "" when nothing was."""
        parts = []
        if self.only is not None:
            parts.append(f"only {self.only.value} changes are listed")
        if self.summary_only:
            parts.append("individual changes are left out (--summary)")
        return ("This view is partial: " + "; ".join(parts) + ".") if parts else ""


def select(report: DiffReport, options: ViewOptions) -> DiffReport:
    """``report`` with only the changes ``options`` asks for."""
    if options.only is None:
        return report
    pairs = tuple(
        replace(
            pair,
            changes=tuple(c for c in pair.changes if c.severity is options.only),
            ignored=tuple(i for i in pair.ignored if i.change.severity is options.only),
        )
        for pair in report.pairs
    )
    return replace(report, pairs=pairs)


def section_of(change: Change) -> str:
    """The heading a change is listed under: the client group it concerns, or a shared one."""
    if change.kind is Kind.SERVICE:
        return SERVICE
    if len(change.groups) == 1:
        return f"client.{change.groups[0]}"
    return SEVERAL if change.groups else UNUSED


def _section_order(name: str) -> tuple[int, str]:
    rank = {SERVICE: 0, SEVERAL: 2, UNUSED: 3}
    return (rank.get(name, 1), name)


def grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """Changes by section (service first, then each client group, then shared), order kept."""
    sections: dict[str, list[Change]] = {}
    for change in changes:
        sections.setdefault(section_of(change), []).append(change)
    return [(name, sections[name]) for name in sorted(sections, key=_section_order)]


def migrations(pair: PairDiff) -> list[Change]:
    """Changes that need code written against the generated client to change, with a note."""
    return [c for c in pair.changes if c.client_breaking and c.migration]


def by_severity(pair: PairDiff) -> Sequence[tuple[Severity, str, list[Change]]]:
    """``(severity, title, changes)`` for breaking, review and info, in that order."""
    titles = ((Severity.BREAKING, "Breaking"), (Severity.REVIEW, "Review"), (Severity.INFO, "Info"))
    return [(s, t, [c for c in pair.changes if c.severity is s]) for s, t in titles]
