"""The HTML report: one self-contained page (inline CSS and JS, no network) with summary counts,
filters by severity, kind, operation group and version pair, and one anchor per change.

The page is a Jinja2 template (``templates/diff_report.html.jinja``, StrictUndefined); this
module only prepares plain values for it.
"""

from __future__ import annotations

from typing import Any

import jinja2
import markupsafe

from generator.diff.changes import Change, Kind, Severity
from generator.diff.report import DiffReport, summary
from generator.diff.report_view import ViewOptions, by_severity, grouped, migrations, select
from generator.diff.rules import all_rules
from generator.resources import template_root

TEMPLATES = template_root()
TEMPLATE = "diff_report.html.jinja"


def code_spans(text: str) -> markupsafe.Markup:
    """Escape ``text`` and show its `backticked` parts as ``<code>``, as Markdown would."""
    parts = str(markupsafe.escape(text)).split("`")
    html = "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
    return markupsafe.Markup(html)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["code_spans"] = code_spans
    return environment


def _change(pair_index: int, change: Change, accepted: str | None) -> dict[str, Any]:
    return {
        "anchor": f"c{pair_index}-{change.fingerprint}",
        "pair": pair_index,
        "fingerprint": change.fingerprint,
        "code": change.rule.code,
        "rule": change.rule.name,
        "kind": change.kind.value,
        "severity": change.severity.value,
        "reason": change.reason,
        "wire": change.wire_breaking,
        "client": change.client_breaking,
        "migration": change.migration,
        "location": change.location,
        "operations": list(change.operations),
        "groups": list(change.groups),
        "models": list(change.models),
        "old": change.old or "",
        "new": change.new or "",
        "evidence": list(change.evidence),
        "accepted": accepted or "",
    }


def render_html(report: DiffReport, options: ViewOptions | None = None) -> str:
    """The HTML text (``options``: the same view as the other formats)."""
    options = options or ViewOptions()
    report = select(report, options)
    full = not options.summary_only
    pairs = []
    groups: set[str] = set()
    totals = dict.fromkeys(("breaking", "review", "info", "wire", "client", "ignored"), 0)
    for i, pair in enumerate(report.pairs):
        counts = summary(pair)
        for key, source in (
            ("breaking", "breaking"),
            ("review", "review"),
            ("info", "info"),
            ("wire", "wire_breaking"),
            ("client", "client_breaking"),
            ("ignored", "ignored"),
        ):
            totals[key] += counts[source]
        changes = [_change(i, c, None) for c in pair.changes]
        accepted = [_change(i, item.change, item.reason) for item in pair.ignored]
        for change in changes + accepted:
            groups.update(change["groups"])
        blocks = [
            {
                "title": title,
                "severity": severity.value,
                "sections": [
                    {"name": name, "changes": [_change(i, c, None) for c in members]}
                    for name, members in grouped(found)
                ],
            }
            for severity, title, found in by_severity(pair)
            if found and full
        ]
        if accepted and full:
            blocks.append(
                {
                    "title": "Accepted by the ignore file",
                    "severity": "accepted",
                    "sections": [{"name": "", "changes": accepted}],
                }
            )
        pairs.append(
            {
                "index": i,
                "title": f"{pair.old_version} → {pair.new_version}",
                "counts": counts,
                "blocks": blocks,
                "empty": not changes and not accepted,
                "migration": [
                    {
                        "anchor": f"c{i}-{c.fingerprint}",
                        "location": c.location,
                        "note": c.migration,
                    }
                    for c in migrations(pair)
                ],
            }
        )
    timeline = None
    if report.timeline is not None and full:
        timeline = {
            "versions": list(report.timeline.versions),
            "rows": [
                {"kind": r.kind, "label": r.label, "cells": list(r.cells), "notes": list(r.notes)}
                for r in report.timeline.rows
            ],
        }
    template = _environment().get_template(TEMPLATE)
    return template.render(
        versions=list(report.versions),
        pairs=pairs,
        totals=totals,
        severities=[s.value for s in sorted(Severity, key=lambda s: -s.rank)],
        kinds=[k.value for k in Kind],
        groups=sorted(groups),
        timeline=timeline,
        stale=[{"number": e.number, "selector": e.describe()} for e in report.stale_ignores],
        view_note=options.describe(),
        full=full,
        rules=[{"code": r.code, "name": r.name, "description": r.description} for r in all_rules()],
    )
