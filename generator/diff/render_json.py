"""The JSON report, for machines.  Its schema is documented in ``generator/diff/SCHEMA.md`` and
versioned by ``schema_version``: fields are only ever added within a schema version."""

from __future__ import annotations

import json
from typing import Any

from generator.diff.changes import Change
from generator.diff.report import DiffReport, summary
from generator.diff.report_view import ViewOptions, migrations, section_of, select
from generator.diff.rules import all_rules

SCHEMA_VERSION = 1


def change_data(change: Change) -> dict[str, Any]:
    """One change as JSON-ready data."""
    return {
        "fingerprint": change.fingerprint,
        "rule": {"code": change.rule.code, "name": change.rule.name},
        "kind": change.kind.value,
        "severity": change.severity.value,
        "reason": change.reason,
        "wire_breaking": change.wire_breaking,
        "client_breaking": change.client_breaking,
        "migration": change.migration,
        "location": change.location,
        "subject": change.subject,
        "operations": list(change.operations),
        "groups": list(change.groups),
        "models": list(change.models),
        "old": change.old,
        "new": change.new,
        "evidence": list(change.evidence),
        "section": section_of(change),
    }


def report_data(report: DiffReport, options: ViewOptions | None = None) -> dict[str, Any]:
    """The whole report as JSON-ready data (``options``: the same view as the other formats)."""
    options = options or ViewOptions()
    report = select(report, options)
    full = not options.summary_only
    timeline = None
    if report.timeline is not None and full:
        timeline = {
            "versions": list(report.timeline.versions),
            "rows": [
                {
                    "kind": row.kind,
                    "key": row.key,
                    "label": row.label,
                    "cells": list(row.cells),
                    "notes": list(row.notes),
                }
                for row in report.timeline.rows
            ],
        }
    return {
        "schema_version": SCHEMA_VERSION,
        "versions": list(report.versions),
        "view": {
            "only": options.only.value if options.only is not None else None,
            "summary_only": options.summary_only,
            "note": options.describe(),
        },
        "rules": [
            {
                "code": r.code,
                "name": r.name,
                "description": r.description,
                "wire_breaking_when": r.wire,
                "client_breaking_when": r.client,
                "not_applicable": r.not_applicable,
            }
            for r in all_rules()
        ],
        "pairs": [
            {
                "old_version": pair.old_version,
                "new_version": pair.new_version,
                "summary": summary(pair),
                "migration": [
                    {"fingerprint": c.fingerprint, "location": c.location, "note": c.migration}
                    for c in migrations(pair)
                ],
                "changes": [change_data(c) for c in pair.changes] if full else [],
                "ignored": (
                    [
                        {"reason": item.reason, "change": change_data(item.change)}
                        for item in pair.ignored
                    ]
                    if full
                    else []
                ),
            }
            for pair in report.pairs
        ],
        "timeline": timeline,
        "stale_ignores": [
            {"entry": e.number, "selector": e.describe(), "reason": e.reason}
            for e in report.stale_ignores
        ],
    }


def render_json(report: DiffReport, options: ViewOptions | None = None) -> str:
    """The JSON text: sorted keys, two-space indent, trailing newline."""
    data = report_data(report, options)
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
