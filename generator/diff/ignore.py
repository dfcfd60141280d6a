"""The ignore file: changes a team has reviewed and accepted, each with a reason.

Format (YAML)::

    ignore:
      - fingerprint: 3f2a9c0d1e4b5a67      # accepts exactly that change
        reason: Ingestion jobs moved on purpose; announced in the 2025-02 notes.
      - rule: RemovedProperty              # or the code, 1033
        location: model IngestionJob.progress
        reason: Replaced by runs; see IngestionJobRun.

An entry matching no change is *stale* and is reported, so the file does not silently outlive
the changes it was written for.  A malformed file is a tool failure (exit 2), never a silent
"accept nothing"; an empty one (no entries) is accepted with a warning, since it accepts nothing.
Every problem is one line, ``file:pointer: severity: message; action``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from generator.diff.changes import Change, IgnoredChange
from generator.diff.engine import PairDiff
from generator.diff.rules import RULES, RULES_BY_CODE

_KEYS = {"fingerprint", "rule", "location", "reason"}


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    """One accepted change: by fingerprint, or by rule code and location."""

    number: int  # 1-based position in the file, for messages
    reason: str
    fingerprint: str | None = None
    rule: int | None = None
    location: str | None = None

    def matches(self, change: Change) -> bool:
        """Whether this entry accepts ``change``."""
        if self.fingerprint is not None:
            return change.fingerprint == self.fingerprint
        return change.rule.code == self.rule and change.location == self.location

    def describe(self) -> str:
        """How the entry selects changes, for the stale-ignore report."""
        if self.fingerprint is not None:
            return f"fingerprint {self.fingerprint}"
        return f"rule {self.rule} at {self.location}"


class IgnoreFileError(Exception):
    """The ignore file cannot be used; the message is one line saying where and why."""


def _problem(path: Path, pointer: str, message: str, action: str) -> IgnoreFileError:
    return IgnoreFileError(f"{path}:{pointer}: error: {message}; {action}")


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's multi-line report as one clause: what is wrong and where."""
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"not valid YAML ({' '.join(str(problem or 'syntax error').split())}{where})"


@dataclass(frozen=True, slots=True)
class IgnoreFile:
    """The entries of an ignore file and the warnings reading it gave (one line each)."""

    entries: tuple[IgnoreEntry, ...]
    warnings: tuple[str, ...] = ()


def load_ignore_file(path: Path) -> IgnoreFile:
    """Parse and check ``path``; raises :class:`IgnoreFileError` with a one-line message."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = " ".join(str(getattr(exc, "strerror", None) or exc).split())
        raise _problem(
            path, "/", f"cannot read the ignore file ({reason})", "check the path"
        ) from None
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _problem(path, "/", _yaml_problem(exc), "fix the file") from None
    if isinstance(data, dict) and set(data) == {"ignore"}:
        data = data["ignore"]
    if data is None or data == []:
        empty = f"{path}:/: warning: the ignore file lists no entries; it accepts nothing"
        return IgnoreFile((), (empty,))
    if not isinstance(data, list):
        raise _problem(path, "/", "expected a list under 'ignore:'", "see generator/diff/ignore.py")
    return IgnoreFile(tuple(_entry(path, number, item) for number, item in enumerate(data, 1)))


def _entry(path: Path, number: int, item: Any) -> IgnoreEntry:
    where = f"{path}:/ignore/{number - 1}: error: entry {number}"
    if not isinstance(item, dict):
        raise IgnoreFileError(f"{where} is not a mapping; give fingerprint or rule and location")
    unknown = sorted(str(k) for k in item if k not in _KEYS)
    if unknown:
        raise IgnoreFileError(f"{where} has unknown keys: {', '.join(unknown)}; remove them")
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise IgnoreFileError(f"{where} has no reason; a non-empty 'reason' is required")
    if "fingerprint" in item:
        if "rule" in item or "location" in item:
            raise IgnoreFileError(
                f"{where} mixes selectors; give a fingerprint, or rule and location, not both"
            )
        return IgnoreEntry(number, reason.strip(), fingerprint=str(item["fingerprint"]))
    if "rule" not in item or "location" not in item:
        raise IgnoreFileError(
            f"{where} selects nothing; it needs 'fingerprint', or both 'rule' and 'location'"
        )
    return IgnoreEntry(
        number, reason.strip(), rule=_rule_code(where, item["rule"]), location=str(item["location"])
    )


def _rule_code(where: str, value: Any) -> int:
    if isinstance(value, int) and value in RULES_BY_CODE:
        return value
    if isinstance(value, str):
        if value.isdigit() and int(value) in RULES_BY_CODE:
            return int(value)
        if value in RULES:
            return RULES[value].code
    raise IgnoreFileError(f"{where} names an unknown rule {value!r}; see generator/diff/RULES.md")


def apply_ignores(
    pairs: Sequence[PairDiff], entries: Sequence[IgnoreEntry]
) -> tuple[tuple[PairDiff, ...], tuple[IgnoreEntry, ...]]:
    """Move accepted changes aside; also return the entries that matched nothing (stale)."""
    used: set[int] = set()
    result: list[PairDiff] = []
    for pair in pairs:
        kept: list[Change] = []
        ignored = list(pair.ignored)
        for change in pair.changes:
            entry = next((e for e in entries if e.matches(change)), None)
            if entry is None:
                kept.append(change)
            else:
                used.add(entry.number)
                ignored.append(IgnoredChange(change, entry.reason))
        result.append(replace(pair, changes=tuple(kept), ignored=tuple(ignored)))
    stale = tuple(e for e in entries if e.number not in used)
    return tuple(result), stale
