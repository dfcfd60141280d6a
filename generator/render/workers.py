"""Formatter worker processes that never outlive the run that started them.

``generate`` formats cache misses in a process pool.  When the run is killed (SIGTERM, SIGKILL)
its workers must not live on, formatting for nobody, and an interrupted run (SIGINT) must stop
them at once instead of waiting for the queue to drain.  Each worker asks Linux to kill it when
its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread in the worker watches the
parent's pid.  Workers ignore SIGINT (Ctrl-C reaches the whole process group): the parent
decides, and :func:`stop_pool` ends them.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Process-pool initializer: end this worker when process ``parent`` ends."""
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


def map_in_workers(
    function: Callable[[_Item], _Result], items: list[_Item], workers: int
) -> list[_Result]:
    """``[function(item) for item in items]`` computed in ``workers`` processes.

    The first exception (or an interrupt) stops every worker at once and propagates.
    ``Executor.map`` is not used: on an exception it cancels the remaining futures, and Python
    3.11's pool then fails in its own thread while marking them broken, leaving a queue thread
    blocked on a pipe nobody reads, so the process never exits.
    """
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    try:
        futures = [pool.submit(function, item) for item in items]
        results = [future.result() for future in futures]
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()
    return results


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End ``pool`` now: kill its workers, dropping queued work (after an interrupt or error)."""
    # The pool offers no public way to stop a running task; its worker table (read before
    # shutdown, which drops it) is the only handle.  Futures are not cancelled: the pool marks
    # them broken when it sees its workers gone (cancelling them too raises in its thread).
    processes = dict(getattr(pool, "_processes", None) or {})
    for process in processes.values():
        process.kill()
    pool.shutdown(wait=False)
