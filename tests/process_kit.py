"""Looking at a run's child processes through /proc (Linux): for the process hygiene tests."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def children(pid: int) -> set[int]:
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


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until(condition: Callable[[], bool], limit: float) -> bool:
    """Poll ``condition()`` until true or ``limit`` seconds pass (a hang guard, not a timing)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _interruptible() -> None:
    """In the child before it starts: SIGINT at its default, so that Python turns it into
    KeyboardInterrupt.  A shell without job control starts background commands with SIGINT
    ignored, and Python keeps an ignored SIGINT ignored: the run would not see the signal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass(frozen=True)
class Killed:
    """A run signalled while it had the children looked for."""

    attempt: int
    workers: set[int]
    returncode: int
    stderr: str


def kill_while(
    command: Callable[[int], tuple[list[str], dict[str, str]]],
    wanted: Callable[[set[int]], bool],
    how: signal.Signals,
    cwd: Path,
) -> Killed:
    """Start ``command(attempt)``, stop it once its children are ``wanted``, and send ``how``.

    Stopped, the run cannot finish between this look at its children and the signal (it stays
    pending until the run continues, and is then the first thing it handles).  On a loaded
    machine the run may still move on between the first sight of its children and the stop:
    then there is nothing to test in that run, and another is started (five at most).
    """
    for attempt in range(5):
        args, env = command(attempt)
        process = subprocess.Popen(
            args,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_interruptible,
        )
        try:
            pid = process.pid
            assert wait_until(lambda: wanted(children(pid)), 120), "no worker started"  # noqa: B023
            os.kill(process.pid, signal.SIGSTOP)
            workers = children(process.pid)
            if wanted(workers):
                os.kill(process.pid, how)
                os.kill(process.pid, signal.SIGCONT)
                _, err = process.communicate(timeout=60)
                return Killed(attempt, workers, process.returncode, err)
            os.kill(process.pid, signal.SIGCONT)
            process.communicate(timeout=300)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    raise AssertionError("no run was caught with the children looked for")
