"""The Markdown report, for people on GitHub: summary first, breaking changes first.

Info-level changes sit in a collapsed ``<details>`` block per pair, so a reviewer sees what
needs attention within the first screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.diff.changes import Change, Severity
from generator.diff.engine import PairDiff
from generator.diff.report import DiffReport, summary
from generator.diff.rules import all_rules
from generator.diff.timeline import ABSENT, SAME, Timeline

_CELL = {"present": "present", "added": "**added**", "changed": "changed", SAME: "·"}
_CELL_REMOVED = "~~removed~~"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _verdict(flag: bool) -> str:
    return "breaking" if flag else "ok"


def render_change(change: Change) -> list[str]:
    """One change as a bullet with its facts on indented lines."""
    lines = [
        f"- **`{change.location}`** — {change.reason}",
        f"  `{change.rule.code} {change.rule.name}` · wire: {_verdict(change.wire_breaking)}"
        f" · client: {_verdict(change.client_breaking)} · fingerprint `{change.fingerprint}`",
    ]
    if change.old is not None or change.new is not None:
        lines.append(f"  - was: {change.old or '—'}; now: {change.new or '—'}")
    if change.migration:
        lines.append(f"  - migration: {change.migration}")
    if change.operations:
        lines.append("  - operations: " + ", ".join(f"`{o}`" for o in change.operations))
    if change.models:
        lines.append("  - models: " + ", ".join(f"`{m}`" for m in change.models))
    for item in change.evidence:
        lines.append(f"  - evidence: {item}")
    return lines


def _section(title: str, changes: Iterable[Change], *, collapsed: bool = False) -> list[str]:
    items = list(changes)
    if not items:
        return []
    lines: list[str] = []
    if collapsed:
        lines += ["<details>", f"<summary>{title} ({len(items)})</summary>", ""]
    else:
        lines += [f"### {title} ({len(items)})", ""]
    for change in items:
        lines += render_change(change)
    lines.append("")
    if collapsed:
        lines += ["</details>", ""]
    return lines


def _pair(pair: PairDiff) -> list[str]:
    lines = [f"## {pair.old_version} → {pair.new_version}", ""]
    if not pair.changes and not pair.ignored:
        return [*lines, "No changes.", ""]
    for severity, title in ((Severity.BREAKING, "Breaking"), (Severity.REVIEW, "Review")):
        lines += _section(title, (c for c in pair.changes if c.severity is severity))
    notes = [c for c in pair.changes if c.client_breaking and c.migration]
    if notes:
        lines += [f"### Migrating code that uses the generated client ({len(notes)})", ""]
        lines += [f"- `{c.location}`: {c.migration}" for c in notes]
        lines.append("")
    info = [c for c in pair.changes if c.severity is Severity.INFO]
    lines += _section("Info", info, collapsed=True)
    if pair.ignored:
        lines += [f"### Accepted by the ignore file ({len(pair.ignored)})", ""]
        for item in pair.ignored:
            lines += render_change(item.change)
            lines.append(f"  - accepted: {item.reason}")
        lines.append("")
    return lines


def _timeline(timeline: Timeline) -> list[str]:
    lines = [
        "## Timeline",
        "",
        "When each operation and definition appeared, changed and disappeared "
        "(· unchanged; blank: absent).",
        "",
    ]
    header = "| {} | " + " | ".join(timeline.versions) + " | notes |"
    rule_line = "|---|" + "---|" * len(timeline.versions) + "---|"
    for kind, title in (("operation", "Operations"), ("model", "Models"), ("enum", "Enums")):
        rows = [r for r in timeline.rows if r.kind == kind]
        if not rows:
            continue
        lines += [f"### {title}", "", header.format(kind), rule_line]
        for row in rows:
            cells = [
                _CELL_REMOVED if c == "removed" else "" if c == ABSENT else _CELL[c]
                for c in row.cells
            ]
            lines.append(
                f"| {_escape(row.label)} | "
                + " | ".join(cells)
                + f" | {_escape('; '.join(row.notes))} |"
            )
        lines.append("")
    return lines


def render_md(report: DiffReport) -> str:
    """The Markdown text, ending in one newline."""
    arrow = " → ".join(f"`{v}`" for v in report.versions)
    lines = [
        "# API changes",
        "",
        f"Versions compared: {arrow}.",
        "",
        "## Summary",
        "",
        "| versions | breaking | review | info | wire-breaking | client-breaking | ignored |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for pair in report.pairs:
        counts = summary(pair)
        lines.append(
            f"| {pair.old_version} → {pair.new_version} | {counts['breaking']} | "
            f"{counts['review']} | {counts['info']} | {counts['wire_breaking']} | "
            f"{counts['client_breaking']} | {counts['ignored']} |"
        )
    lines += [
        "",
        "**breaking**: a client built for the old version may fail against the new service "
        "(*wire*), or code using the generated Python client must change (*client*). "
        "**review**: compatible, but worth a look. **info**: additions.",
        "",
    ]
    if report.stale_ignores:
        lines += ["### Stale ignore entries", ""]
        for entry in report.stale_ignores:
            lines.append(f"- entry {entry.number} ({entry.describe()}) matches no change")
        lines.append("")
    for pair in report.pairs:
        lines += _pair(pair)
    if report.timeline is not None:
        lines += _timeline(report.timeline)
    lines += ["## Rules", "", "| code | name | meaning |", "|--:|---|---|"]
    lines += [f"| {r.code} | {r.name} | {_escape(r.description)} |" for r in all_rules()]
    return "\n".join(lines) + "\n"
