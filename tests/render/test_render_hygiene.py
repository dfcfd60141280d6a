"""Process hygiene of ``generate``: formatter workers die with the run; a cache that cannot be
written costs one warning, never the run."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jinja2.bccache
import pytest

import generator.cache as cache_notice
from generator.render import format as formatting
from generator.render import templates

REPO = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_until(condition: object, limit: float) -> bool:
    """Poll ``condition()`` until true or ``limit`` seconds pass (a hang guard, not a timing)."""
    assert callable(condition)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


def _start_generate(folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "AZPYGEN_CACHE": str(folder / "cold-cache")}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--out", str(folder / "out")],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stop_while_formatting(process: subprocess.Popen[str]) -> set[int]:
    """Stop ``process`` while it has formatter workers; their pids, or none if it got past them.

    Stopped, the run cannot finish between this look at its workers and the signal the test
    sends next (the signal stays pending until it continues, and is then the first thing it
    handles).  On a loaded machine the run may still have moved past formatting between the
    first sight of its workers and the stop: then there is nothing to test in this run.
    """
    assert _wait_until(lambda: len(_children(process.pid)) >= 2, 120), "no workers started"
    os.kill(process.pid, signal.SIGSTOP)
    workers = _children(process.pid)
    if len(workers) >= 2:
        return workers
    os.kill(process.pid, signal.SIGCONT)
    process.communicate(timeout=120)
    return set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killing_generate_leaves_no_formatter_worker(tmp_path: Path, how: signal.Signals) -> None:
    workers: set[int] = set()
    for attempt in range(5):
        folder = tmp_path / f"run-{attempt}"
        process = _start_generate(folder)
        try:
            workers = _stop_while_formatting(process)
            if workers:
                os.kill(process.pid, how)
                os.kill(process.pid, signal.SIGCONT)
                _, err = process.communicate(timeout=60)
                break
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert workers, "no run was caught while formatting"
    assert process.returncode != 0
    assert _wait_until(lambda: not any(_alive(pid) for pid in workers), 30)
    assert "Traceback" not in err
    assert not (folder / "out").exists()


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
