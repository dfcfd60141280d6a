"""Packaging metadata is current: an SPDX license expression with a setuptools that reads it,
in the compiler and in the generated distribution, and building either announces no deprecation.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version
from packkit import PYPROJECT, REPO_ROOT, build_log_problems, pip, read_toml

GENERATED = REPO_ROOT / "generated" / "azure-ai-openai-authoring"
#: The first setuptools that reads ``project.license`` as an SPDX expression.
SPDX_SETUPTOOLS = Version("77")


@pytest.mark.parametrize(
    "pyproject", [PYPROJECT, GENERATED / "pyproject.toml"], ids=["compiler", "generated"]
)
def test_license_is_an_spdx_expression_with_a_setuptools_that_reads_it(pyproject: Path) -> None:
    data = read_toml(pyproject)
    assert data["project"]["license"] == "MIT"
    (setuptools,) = [
        Requirement(r) for r in data["build-system"]["requires"] if r.startswith("setuptools")
    ]
    floors = [Version(s.version) for s in setuptools.specifier if s.operator in (">=", "==")]
    assert floors and min(floors) >= SPDX_SETUPTOOLS


def test_building_the_generated_distribution_warns_of_no_deprecation(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(GENERATED, source, ignore=shutil.ignore_patterns("__pycache__"))
    built = pip(
        "wheel", "-v", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), ".", cwd=source
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert list(tmp_path.glob("*.whl"))
    assert build_log_problems(built.stdout + built.stderr) == []
