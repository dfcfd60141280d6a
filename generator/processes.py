"""Child processes that never outlive the run that started them.

``generate`` formats in a process pool and runs openapi-spec-validator in a worker of its own
(:mod:`generator.render.workers`, :mod:`generator.load.validation_worker`).  When the run is
killed (SIGTERM, SIGKILL) its children must not live on, working for nobody, and an interrupted
run (SIGINT) must stop them at once.  Each child asks Linux to kill it when its parent dies
(``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread in the child watches the parent's pid.
Children ignore SIGINT (Ctrl-C reaches the whole process group): the parent decides, and ends
them itself.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Run first in a child: end this process when process ``parent`` ends; ignore SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _ask_kernel_to_kill_on_parent_death():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)


def _ask_kernel_to_kill_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


__all__ = ["die_with_parent"]
