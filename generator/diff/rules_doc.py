"""``generator/diff/RULES.md``: the rule table of :mod:`generator.diff.rules` as a document.

The text is made from the table itself plus the names of the tests that exercise each rule, so
the document cannot drift from the code: ``tests/diff/test_rules.py`` compares the committed file
with this function's output and rewrites it when run as ``python -m tests.diff.test_rules``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.diff.rules import all_rules

RULES_DOC = Path(__file__).resolve().parent / "RULES.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_rules_document(tests: Mapping[str, Sequence[str]]) -> str:
    """The document; ``tests`` maps a rule name to the tests that check it."""
    lines = [
        "# Diff rules",
        "",
        "Generated from `generator/diff/rules.py` by `python -m tests.diff.test_rules`; do not "
        "edit.",
        "",
        "Codes 1000-1050 are Azure's breaking-change rules for Swagger 2.0 (openapi-diff); 9xxx "
        "are this project's. **wire**: when a client built for the old version fails against "
        "the new service. **client**: when code using the generated Python client must change. "
        "Each test runs its old/new pair in both directions (`test_rule` and "
        "`test_rule_backwards` in `tests/diff/test_rules.py`).",
        "",
        "| code | rule | meaning | wire breaking | client breaking | tests |",
        "|--:|---|---|---|---|---|",
    ]
    for rule in all_rules():
        if rule.implemented:
            wire, client = rule.wire, rule.client
            tested = ", ".join(tests.get(rule.name, ())) or "none"
        else:
            wire = client = "not reported"
            tested = "does not apply: " + rule.not_applicable
        lines.append(
            f"| {rule.code} | {rule.name} | {_cell(rule.description)} | {_cell(wire)} | "
            f"{_cell(client)} | {_cell(tested)} |"
        )
    return "\n".join(lines) + "\n"
