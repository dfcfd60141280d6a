"""The Markdown report: it reads in a terminal and renders on GitHub.

Order: the summary counts, then what users of the generated Python client must change, then per
version pair the breaking and review entries grouped by client operation group, then one line
per informational change.  No HTML, and no line longer than :data:`WIDTH` outside code blocks:
long sentences wrap with an indented continuation, never inside a `code span`, and the timeline
is a fixed-width table in a code block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.diff.changes import Change, Severity
from generator.diff.engine import PairDiff
from generator.diff.report import DiffReport, summary
from generator.diff.report_view import ViewOptions, by_severity, grouped, migrations, select
from generator.diff.rules import implemented_rules
from generator.diff.timeline import ABSENT, Timeline

WIDTH = 120
# A word: a run of non-space characters in which `code spans` (spaces included) are unbroken.
_ATOM = re.compile(r"(?:`[^`]*`|[^\s`])+|`")
_CELL = {
    "present": "present",
    "added": "added",
    "changed": "changed",
    "same": "·",
    "removed": "removed",
}


def wrap(text: str, first: str = "", rest: str = "  ") -> list[str]:
    """``text`` filled to :data:`WIDTH` columns: ``first`` prefixes line one, ``rest`` the others.

    A word longer than a line keeps a line of its own (only a code span can be that long).
    """
    lines: list[str] = []
    line = first
    empty = True
    for atom in _ATOM.findall(text):
        if not empty and len(line) + 1 + len(atom) > WIDTH:
            lines.append(line)
            line, empty = rest, True
        line += atom if empty else " " + atom
        empty = False
    lines.append(line)
    return lines


def _cell(text: str) -> str:
    """Spec text (a version label) made safe for one table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _plain(text: str) -> str:
    """Spec text made safe inside a code block (no backtick can end the block early)."""
    return " ".join(text.split()).replace("`", "'")


def _title(pair: PairDiff) -> str:
    """``old → new`` for a heading: spec text on one line."""
    return f"{' '.join(pair.old_version.split())} → {' '.join(pair.new_version.split())}"


def _verdict(flag: bool) -> str:
    return "breaking" if flag else "ok"


def _codes(items: Iterable[str]) -> str:
    return ", ".join(f"`{item}`" for item in items)


def render_change(change: Change) -> list[str]:
    """One change as a bullet with its facts on indented lines."""
    lines = wrap(f"**`{change.location}`** — {change.reason}", "- ", "  ")
    lines += wrap(
        f"`{change.rule.code} {change.rule.name}` · wire: {_verdict(change.wire_breaking)} · "
        f"client: {_verdict(change.client_breaking)} · fingerprint `{change.fingerprint}`",
        "  ",
        "  ",
    )
    facts: list[str] = []
    if change.old is not None or change.new is not None:
        facts.append(f"was: {change.old or '(none)'}; now: {change.new or '(none)'}")
    if change.migration:
        facts.append(f"migration: {change.migration}")
    if change.operations:
        facts.append("operations: " + _codes(change.operations))
    if change.models:
        facts.append("models: " + _codes(change.models))
    facts += [f"evidence: {item}" for item in change.evidence]
    for fact in facts:
        lines += wrap(fact, "  - ", "    ")
    return lines


def _info_line(change: Change) -> list[str]:
    return wrap(
        f"`{change.location}` — {change.reason} ({change.rule.code} {change.rule.name})", "- "
    )


def _counts_line(pair: PairDiff) -> str:
    counts = summary(pair)
    return (
        f"{counts['breaking']} breaking ({counts['wire_breaking']} on the wire, "
        f"{counts['client_breaking']} for generated-client code), {counts['review']} to review, "
        f"{counts['info']} informational, {counts['ignored']} accepted by the ignore file."
    )


def _pair(pair: PairDiff) -> list[str]:
    lines = [f"## {_title(pair)}", ""]
    if not pair.changes and not pair.ignored:
        return [*lines, "No changes.", ""]
    lines += [*wrap(_counts_line(pair), "", ""), ""]
    for severity, title, changes in by_severity(pair):
        if not changes:
            continue
        lines += [f"### {title} ({len(changes)})", ""]
        if severity is Severity.INFO:
            for change in changes:
                lines += _info_line(change)
            lines.append("")
            continue
        for section, members in grouped(changes):
            lines += [f"#### {section} ({len(members)})", ""]
            for change in members:
                lines += render_change(change)
            lines.append("")
    if pair.ignored:
        lines += [f"### Accepted by the ignore file ({len(pair.ignored)})", ""]
        for item in pair.ignored:
            lines += render_change(item.change)
            lines += wrap(f"accepted: {item.reason}", "  - ", "    ")
        lines.append("")
    return lines


def _migration_section(report: DiffReport) -> list[str]:
    notes = [(pair, migrations(pair)) for pair in report.pairs]
    if not any(found for _, found in notes):
        return []
    lines = ["## Migrating code that uses the generated Python client", ""]
    for pair, found in notes:
        if not found:
            continue
        lines += [f"### {_title(pair)} ({len(found)})", ""]
        for change in found:
            lines += wrap(f"`{change.location}`: {change.migration}", "- ", "  ")
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
    for kind, title in (("operation", "Operations"), ("model", "Models"), ("enum", "Enums")):
        rows = [r for r in timeline.rows if r.kind == kind]
        if not rows:
            continue
        header = [kind, *(_plain(v) for v in timeline.versions)]
        table = [
            [_plain(r.label), *("" if c == ABSENT else _CELL[c] for c in r.cells)] for r in rows
        ]
        widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header))]
        lines += [f"### {title}", "", "```text"]
        for row in [header, ["-" * w for w in widths], *table]:
            lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        lines += ["```", ""]
        notes = [(r.label, "; ".join(r.notes)) for r in rows if r.notes]
        for label, note in notes:
            lines += wrap(f"`{label}`: {note}", "- ", "  ")
        if notes:
            lines.append("")
    return lines


def _summary(report: DiffReport, options: ViewOptions) -> list[str]:
    arrow = " → ".join(f"`{_plain(v)}`" for v in report.versions)
    lines = [
        "# API changes",
        "",
        f"Versions compared: {arrow}.",
        "",
    ]
    if options.describe():
        lines += [*wrap(options.describe(), "", ""), ""]
    lines += [
        "## Summary",
        "",
        "| versions | breaking | wire | client | review | info | accepted |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for pair in report.pairs:
        counts = summary(pair)
        lines.append(
            f"| {_cell(pair.old_version)} → {_cell(pair.new_version)} | {counts['breaking']} | "
            f"{counts['wire_breaking']} | {counts['client_breaking']} | {counts['review']} | "
            f"{counts['info']} | {counts['ignored']} |"
        )
    lines += [
        "",
        *wrap(
            "**breaking**: a client built for the old version fails against the new service "
            "(*wire*), or code using the generated Python client must change (*client*). "
            "**review**: compatible, but worth a look. **info**: additions.",
            "",
            "",
        ),
        "",
    ]
    if report.stale_ignores:
        lines += ["### Stale ignore entries", ""]
        for entry in report.stale_ignores:
            lines += wrap(f"entry {entry.number} ({entry.describe()}) matches no change", "- ")
        lines.append("")
    return lines


def render_md(report: DiffReport, options: ViewOptions | None = None) -> str:
    """The Markdown text, ending in one newline."""
    options = options or ViewOptions()
    shown = select(report, options)
    lines = _summary(shown, options) + _migration_section(shown)
    if not options.summary_only:
        for pair in shown.pairs:
            lines += _pair(pair)
        if shown.timeline is not None:
            lines += _timeline(shown.timeline)
        lines += [
            "## Rules",
            "",
            *wrap(
                "Each rule's verdicts and tests: `generator/diff/RULES.md`. Codes 1000-1050 are "
                "Azure's breaking-change rules (openapi-diff); 9xxx are this project's.",
                "",
                "",
            ),
            "",
            "| code | name | meaning |",
            "|--:|---|---|",
        ]
        lines += [f"| {r.code} | {r.name} | {r.description} |" for r in implemented_rules()]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
