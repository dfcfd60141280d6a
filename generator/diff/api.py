"""Entry points other parts of the project call.

``report_files`` is what ``generate`` uses to write the committed change report under
``generated/``; ``diff_pair`` is the hot path the benchmark times (both specs already compiled).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.diff.engine import PairDiff, diff_specs
from generator.diff.render_html import render_html
from generator.diff.render_json import render_json
from generator.diff.render_md import render_md
from generator.diff.report import build_report
from generator.ir import ApiSpec


def report_files(specs: Sequence[ApiSpec]) -> dict[str, str]:
    """Report files for ``specs`` (oldest first): relative path under ``generated/`` -> text.

    All consecutive pairs plus, for three or more versions, the timeline; in Markdown, JSON
    and HTML.  Fewer than two specs give no files.
    """
    if len(specs) < 2:
        return {}
    report = build_report(specs)
    return {
        "changes/changes.md": render_md(report),
        "changes/changes.json": render_json(report),
        "changes/changes.html": render_html(report),
    }


def diff_pair(old: ApiSpec, new: ApiSpec) -> PairDiff:
    """Compare two compiled versions: what changed from ``old`` to ``new``."""
    return diff_specs(old, new)
