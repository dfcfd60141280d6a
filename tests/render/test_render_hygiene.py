"""Process hygiene of ``generate``: formatter workers die with the run; a cache that cannot be
written costs one warning, never the run."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import jinja2.bccache
import pytest
from process_kit import alive, kill_while, wait_until

import generator.cache as cache_notice
from generator.render import format as formatting
from generator.render import templates

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killing_generate_leaves_no_formatter_worker(tmp_path: Path, how: signal.Signals) -> None:
    def command(attempt: int) -> tuple[list[str], dict[str, str]]:
        folder = tmp_path / f"run-{attempt}"
        env = {**os.environ, "AZPYGEN_CACHE": str(folder / "cold-cache")}
        return [sys.executable, "-m", "generator", "generate", "--out", str(folder / "out")], env

    killed = kill_while(command, lambda workers: len(workers) >= 2, how, REPO)
    assert killed.returncode != 0
    assert wait_until(lambda: not any(alive(pid) for pid in killed.workers), 30)
    assert "Traceback" not in killed.stderr
    assert not (tmp_path / f"run-{killed.attempt}" / "out").exists()


def test_a_cache_path_through_a_file_costs_one_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {**os.environ, "AZPYGEN_CACHE": str(blocker / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr  # the output is still the committed tree
    notes = [line for line in result.stderr.splitlines() if "cannot be written" in line]
    assert len(notes) == 1
    assert notes[0].startswith(f"warning: cache folder {blocker}")


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder for this test, and a run that has not warned yet."""
    monkeypatch.setattr(cache_notice, "_warned", False)
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _disk_full(*args: object, **kwargs: object) -> object:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_under_the_format_cache_costs_one_warning(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Path, "write_text", _disk_full)
    sources = {f"m{i}.py": f"x   =  {i}\n" for i in range(4)}
    assert formatting.format_many(sources) == {name: f"x = {i}\n" for i, name in enumerate(sources)}
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "No space left on device" in err[0]
    assert not list(fresh_cache.rglob("*.tmp"))


def test_a_full_disk_under_the_template_cache_costs_one_warning(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", _disk_full)
    templates.environment.cache_clear()
    try:
        environment = templates.environment()
        names = [n for n in environment.list_templates() if n.endswith(".py.j2")][:3]
        assert len(names) == 3
        for name in names:
            environment.get_template(name)  # compiles, then fails to keep the bytecode
    finally:
        templates.environment.cache_clear()
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "No space left on device" in err[0]


_FAIL_AMONG_MANY = """
import sys
from generator.render.format import FormatError, format_many
sources = {"bad.py": "def (:\\n"}
sources |= {f"m{i}.py": "x = [\\n" + "1,\\n" * 3000 + "]\\n" for i in range(6)}
try:
    format_many(sources, parallel=True)
except FormatError as error:
    print("refused", error)
"""


def test_a_file_that_fails_among_many_stops_the_workers_and_the_run_ends(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FAIL_AMONG_MANY],
        cwd=REPO,
        env={**os.environ, "AZPYGEN_CACHE": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        timeout=300,  # before the fix the process could hang at exit
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused bad.py:1:")
    assert result.stderr == ""
