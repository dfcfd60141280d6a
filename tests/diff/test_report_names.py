"""Every Python name the report gives exists in the committed generated client of its version.

A report that tells users to write ``models.Metadata`` when no such class was generated sends
them nowhere; so every ``models.X``, ``client.group.method`` and ``Class.field`` (or
``Class.MEMBER``) in a reason or migration note is looked up in the generated package of the
pair's old or new version (old names in the old one, new names in the new one; a note naming
both sides is checked against both).
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.diff.changes import Change
from generator.diff.report import DiffReport

COMMITTED = Path(__file__).resolve().parents[2] / "generated" / "azure-ai-openai-authoring"
NAMESPACE = "azure_openai_authoring"
CODE = re.compile(r"`([^`]+)`")
MODEL = re.compile(r"\bmodels\.([A-Za-z_]\w*)")
CALL = re.compile(r"\bclient\.(\w+)\.(\w+)")
MEMBER = re.compile(r"^([A-Z]\w*)\.(\w+)")


def _package(version: str) -> ModuleType:
    sys.dont_write_bytecode = True
    if str(COMMITTED) not in sys.path:
        sys.path.insert(0, str(COMMITTED))
    name = "v" + re.sub(r"\W", "_", version)
    return importlib.import_module(f"{NAMESPACE}.{name}")


def _client(package: ModuleType) -> Any:
    from azure.core.credentials import AzureKeyCredential

    return package.AzureOpenAIAuthoringClient("https://127.0.0.1", AzureKeyCredential("k"))


def _exists(package: ModuleType, client: Any, span: str) -> bool | None:
    """Whether the Python name in ``span`` exists; None when the span names no Python symbol."""
    found = CALL.search(span)
    if found:
        group = getattr(client, found.group(1), None)
        return group is not None and callable(getattr(group, found.group(2), None))
    found = MODEL.search(span)
    if found:
        return hasattr(package.models, found.group(1))
    found = MEMBER.match(span)
    if found and hasattr(package.models, found.group(1)):
        owner = getattr(package.models, found.group(1))
        fields = getattr(owner, "model_fields", None)
        if fields is not None:
            return found.group(2) in fields
        return hasattr(owner, found.group(2))
    return None


def _spans(change: Change) -> list[tuple[str, str]]:
    """(side, code span): ``old`` before an arrow, ``new`` after it, ``either`` otherwise."""
    found: list[tuple[str, str]] = []
    for text in (change.reason, change.migration):
        for part_index, part in enumerate(text.split("→")):
            side = "either" if "→" not in text else ("old" if part_index == 0 else "new")
            found.extend((side, span) for span in CODE.findall(part))
    return found


def test_report_names_exist_in_the_generated_clients(real_report: DiffReport) -> None:
    checked = 0
    for pair in real_report.pairs:
        old, new = _package(pair.old_version), _package(pair.new_version)
        clients = {"old": (old, _client(old)), "new": (new, _client(new))}
        for change in pair.changes:
            for side, span in _spans(change):
                sides = ["old", "new"] if side == "either" else [side]
                results = [_exists(*clients[s], span) for s in sides]
                if all(r is None for r in results):
                    continue
                checked += 1
                assert any(results), f"{change.location}: `{span}` ({side}) not generated"
    assert checked > 50


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("models.File", True),
        ("models.NoSuchModel", False),
        ("client.files.delete(...)", True),
        ("client.files.no_such_method(...)", False),
        ("File.status", True),
        ("File.no_such_field", False),
        ("plain text", None),
    ],
)
def test_the_name_check_can_fail(span: str, expected: bool | None) -> None:
    package = _package("2023-10-01-preview")
    assert _exists(package, _client(package), span) is expected
