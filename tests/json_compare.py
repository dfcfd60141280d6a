"""Comparing JSON the way the wire-level tests need: exact, except for what JSON cannot tell apart.

Used by the contract tests (what Prism sent vs what the client serializes back) and the example
replay (what an example file says vs what the client sends or parses).
"""

from __future__ import annotations

import datetime
from typing import Any


def _instant(value: Any) -> datetime.datetime | None:
    if not isinstance(value, str) or len(value) < 10 or value[4:5] != "-":
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def json_differences(expected: Any, actual: Any, at: str = "") -> list[str]:
    """Where ``actual`` differs from ``expected`` (JSON data), as ``pointer: detail`` lines.

    Allowed: one RFC 3339 instant written two ways, and ``1`` for ``1.0``.
    """
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = [f"{at}/{k}: missing" for k in expected if k not in actual]
        found += [f"{at}/{k}: unexpected {actual[k]!r}" for k in actual if k not in expected]
        for key in expected.keys() & actual.keys():
            found += json_differences(expected[key], actual[key], f"{at}/{key}")
        return sorted(found)
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{at}: {len(expected)} items expected, {len(actual)} found"]
        return [
            line
            for index, (left, right) in enumerate(zip(expected, actual, strict=True))
            for line in json_differences(left, right, f"{at}/{index}")
        ]
    if isinstance(expected, bool) or isinstance(actual, bool):
        same = expected is actual
    elif isinstance(expected, int | float) and isinstance(actual, int | float):
        same = expected == actual
    else:
        same = expected == actual or (
            _instant(expected) is not None and _instant(expected) == _instant(actual)
        )
    return [] if same else [f"{at or '/'}: expected {expected!r}, found {actual!r}"]
