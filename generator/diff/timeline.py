"""One table across three or more versions: when each operation and definition appeared,
changed and disappeared (e.g. ``/fine_tuning/jobs`` arrives in 2023-10 beside ``/fine-tunes``,
which is gone in 2025-02).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.diff.engine import PairDiff
from generator.diff.index import SpecIndex

ADDED = "added"
CHANGED = "changed"
SAME = "same"
REMOVED = "removed"
ABSENT = ""
PRESENT = "present"  # in the first version


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """The life of one operation (by operationId), model or enum (by key)."""

    kind: str  # "operation", "model" or "enum"
    key: str
    label: str  # "GET /fine_tuning/jobs (FineTuning_List)" or the definition key
    cells: tuple[str, ...]  # one per version: present/added/changed/same/removed/""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """Rows for every operation, model and enum seen in any version."""

    versions: tuple[str, ...]
    rows: tuple[TimelineRow, ...]


def build_timeline(indexes: Sequence[SpecIndex], pairs: Sequence[PairDiff]) -> Timeline:
    """The timeline of ``indexes`` (oldest first) given their consecutive ``pairs``."""
    versions = tuple(index.version for index in indexes)
    rows: list[TimelineRow] = []
    for kind in ("operation", "model", "enum"):
        keys: set[str] = set()
        for index in indexes:
            keys |= _keys(index, kind)
        for key in keys:
            rows.append(_row(kind, key, indexes, pairs))
    order = {"operation": 0, "model": 1, "enum": 2}
    rows.sort(key=lambda r: (order[r.kind], _first(r.cells), r.label))
    return Timeline(versions, tuple(rows))


def _first(cells: tuple[str, ...]) -> int:
    return next((i for i, cell in enumerate(cells) if cell not in (ABSENT, REMOVED)), len(cells))


def _keys(index: SpecIndex, kind: str) -> set[str]:
    if kind == "operation":
        return set(index.operations)
    if kind == "model":
        named = {key for key, model in index.models.items() if not model.inline}
        return named | {alias.key for alias in index.spec.aliases}
    return set(index.enums)


def _row(
    kind: str, key: str, indexes: Sequence[SpecIndex], pairs: Sequence[PairDiff]
) -> TimelineRow:
    cells: list[str] = []
    notes: list[str] = []
    label = key
    for i, index in enumerate(indexes):
        present = key in _keys(index, kind)
        if kind == "operation" and present:
            op = index.operations[key]
            label = f"{op.method.upper()} {op.path} ({key})"
        before = i > 0 and key in _keys(indexes[i - 1], kind)
        if not present:
            cells.append(REMOVED if before else ABSENT)
            continue
        if i == 0:
            cells.append(PRESENT)
            continue
        if not before:
            cells.append(ADDED)
            continue
        touching = [c for c in pairs[i - 1].changes if c.subject == key]
        cells.append(CHANGED if touching else SAME)
        for change in touching:
            if change.rule.name == "MovedOperation":
                notes.append(f"moved in {index.version}: {change.old} → {change.new}")
    for pair in pairs:
        for change in pair.changes:
            if change.subject == key and change.rule.name in ("RenamedModel", "SplitModel"):
                notes.append(
                    f"{change.rule.name[:-5].lower()} into {change.new} in {pair.new_version}"
                )
    return TimelineRow(kind, key, label, tuple(cells), tuple(notes))
