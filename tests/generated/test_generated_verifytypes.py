"""Type completeness of the committed package as ``pyright --verifytypes`` measures it.

Checklist item 20: the public API is fully type-hinted.  pyright (pinned, installed into
``.tools/pyright`` by ``.ci/setup``) counts the package's exported symbols whose types are fully
known.  ``--ignoreexternal`` leaves out what the package cannot change: pydantic's own metaclass
(``ModelMetaclass.__new__`` takes a partially unknown ``PydanticGenericMetadata``) would
otherwise make every model, and every signature naming one, "partially unknown".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PYRIGHT = REPO_ROOT / ".tools" / "pyright" / "node_modules" / ".bin" / "pyright"
NAMESPACE = "azure_openai_authoring"
GOAL = 0.99


def verify_types(distribution: Path, package: str, cwd: Path) -> dict[str, object]:
    """pyright's ``--verifytypes`` report (``--outputjson``) for ``package`` in ``distribution``."""
    if not os.access(PYRIGHT, os.X_OK):
        pytest.fail(f"pyright is not installed at {PYRIGHT}; run .ci/setup")
    # pyright asks the interpreter for its search paths, but under --verifytypes it resolved the
    # ``azure`` namespace package (azure-core) only when site-packages is also on PYTHONPATH:
    # without it every enum's metaclass (CaseInsensitiveEnumMeta) is Unknown.
    search = os.pathsep.join([str(distribution), sysconfig.get_paths()["purelib"]])
    result = subprocess.run(
        [
            str(PYRIGHT),
            "--pythonpath",
            sys.executable,
            "--verifytypes",
            package,
            "--ignoreexternal",
            "--outputjson",
        ],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": search, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # Exit 1 means "some symbol is not fully known"; anything else without JSON is a failure.
    assert result.stdout.startswith("{"), result.stdout + result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_pyright_verifytypes_finds_the_package_fully_typed(
    committed_distribution: Path, tmp_path: Path
) -> None:
    report = verify_types(committed_distribution, NAMESPACE, tmp_path)
    completeness = report["typeCompleteness"]
    assert isinstance(completeness, dict)
    assert completeness.get("pyTypedPath"), report.get("generalDiagnostics")
    counts = completeness["exportedSymbolCounts"]
    assert counts["withKnownType"] > 1000  # the package was found and read, not an empty run
    unknown = [
        (symbol["name"], [d["message"] for d in symbol.get("diagnostics", [])])
        for symbol in completeness["symbols"]
        if symbol.get("isExported") and not symbol["isTypeKnown"]
    ]
    score = completeness["completenessScore"]
    print(f"pyright --verifytypes {NAMESPACE}: {score:.1%} of exported symbols fully typed")
    assert score >= GOAL, unknown[:20]
