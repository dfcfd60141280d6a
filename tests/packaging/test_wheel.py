"""The compiler as an installed tool: built (sdist, then wheel, as `python -m build` does),
installed into a fresh venv and run from a project folder outside the checkout.

The venv reuses the dev environment's packages through a path entry instead of downloading
them (the wheel is installed with --no-deps), which keeps the test fast and offline. The entry
is a plain path, so the editable install's import hook in that folder stays inactive: the
`generator` that runs is the one from the wheel (checked).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from manifest_kit import SAMPLE_SPEC, one_spec_manifest
from packkit import REPO_ROOT, build_log_problems, pip

from generator.commands.generate import render_all

#: What a source tree of the compiler needs to build (everything else stays behind).
SOURCE = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "generator", "templates")


def _build(tmp: Path) -> tuple[Path, str]:
    """Build the sdist from a copy of the sources, then the wheel from the unpacked sdist."""
    source = tmp / "source"
    source.mkdir()
    for name in SOURCE:
        path = REPO_ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, source / name)
    sdist = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, setuptools.build_meta as b; print(b.build_sdist(sys.argv[1]))",
            str(tmp / "sdist"),
        ],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert sdist.returncode == 0, sdist.stderr
    with tarfile.open(tmp / "sdist" / sdist.stdout.strip().splitlines()[-1]) as archive:
        archive.extractall(tmp / "unpacked", filter="data")
    (unpacked,) = (tmp / "unpacked").iterdir()
    wheel = pip(
        "wheel",
        "-v",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(tmp / "dist"),
        ".",
        cwd=unpacked,
    )
    assert wheel.returncode == 0, wheel.stdout + wheel.stderr
    (built,) = (tmp / "dist").glob("*.whl")
    return built, sdist.stdout + sdist.stderr + wheel.stdout + wheel.stderr


@pytest.fixture(scope="module")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The compiler's wheel and the log of building it."""
    return _build(tmp_path_factory.mktemp("compiler-build"))


@pytest.fixture(scope="module")
def installed_tool(tmp_path_factory: pytest.TempPathFactory, built_wheel: tuple[Path, str]) -> Path:
    """``azure-swagger-pygen`` of a fresh venv holding only the wheel (deps seen via a path)."""
    venv = tmp_path_factory.mktemp("tool-venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "dev-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    result = pip("--python", str(python), "install", "--no-deps", "--no-index", str(built_wheel[0]))
    assert result.returncode == 0, result.stdout + result.stderr
    return venv / "bin" / "azure-swagger-pygen"


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _run(tool: Path, *args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AZPYGEN_CACHE": str(cache)}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(tool), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_wheel_carries_the_templates_and_the_runtime(built_wheel: tuple[Path, str]) -> None:
    names = set(zipfile.ZipFile(built_wheel[0]).namelist())
    templates = {
        p.relative_to(REPO_ROOT / "templates").as_posix()
        for p in (REPO_ROOT / "templates").rglob("*")
        if p.is_file()
    }
    assert {f"generator/_templates/{t}" for t in templates} <= names
    runtime = {p.name for p in (REPO_ROOT / "generator" / "runtime").glob("*.py")}
    assert {f"generator/runtime/{r}" for r in runtime} <= names


def test_installed_tool_generates_in_a_project_folder(installed_tool: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    manifest = one_spec_manifest(project / "specs", SAMPLE_SPEC)
    where = _run(
        installed_tool.parent / "python",
        "-c",
        "import generator; print(generator.__file__)",
        cwd=project,
        cache=tmp_path / "cache",
    )
    assert where.stdout.startswith(str(installed_tool.parents[1])), where.stdout + where.stderr

    done = _run(installed_tool, "generate", cwd=project, cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # The installed tool writes exactly what the checkout's compiler renders for that manifest.
    assert _tree(project / "generated") == render_all(manifest, mirror=None)
    assert (project / "generated" / "sample-client" / "sample_client" / "v2024_01_01").is_dir()

    check = _run(installed_tool, "generate", "--check", cwd=project, cache=tmp_path / "cache")
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("command", ["generate", "sync"])
def test_installed_tool_outside_a_project_says_so_in_one_line(
    installed_tool: Path, tmp_path: Path, command: str
) -> None:
    done = _run(installed_tool, command, cwd=tmp_path, cache=tmp_path / "cache")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "specs/manifest.yaml" in lines[0] and str(tmp_path) in lines[0]
    assert not (tmp_path / "generated").exists()


def test_building_the_compiler_warns_of_no_deprecation(built_wheel: tuple[Path, str]) -> None:
    assert build_log_problems(built_wheel[1]) == []
