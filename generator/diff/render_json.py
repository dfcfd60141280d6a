"""The JSON report, for machines.  Its schema is documented in ``generator/diff/SCHEMA.md`` and
versioned by ``schema_version``: fields are only ever added within a schema version."""

from __future__ import annotations

import json
from typing import Any

from generator.diff.changes import Change
from generator.diff.report import DiffReport, summary
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
    }


def report_data(report: DiffReport) -> dict[str, Any]:
    """The whole report as JSON-ready data."""
    timeline = None
    if report.timeline is not None:
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
        "rules": [
            {"code": r.code, "name": r.name, "description": r.description} for r in all_rules()
        ],
        "pairs": [
            {
                "old_version": pair.old_version,
                "new_version": pair.new_version,
                "summary": summary(pair),
                "changes": [change_data(c) for c in pair.changes],
                "ignored": [
                    {"reason": item.reason, "change": change_data(item.change)}
                    for item in pair.ignored
                ],
            }
            for pair in report.pairs
        ],
        "timeline": timeline,
        "stale_ignores": [
            {"entry": e.number, "selector": e.describe(), "reason": e.reason}
            for e in report.stale_ignores
        ],
    }


def render_json(report: DiffReport) -> str:
    """The JSON text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(report_data(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
