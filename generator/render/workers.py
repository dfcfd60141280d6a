"""Formatter worker processes that never outlive the run that started them.

``generate`` formats cache misses in a process pool.  When the run is killed (SIGTERM, SIGKILL)
its workers must not live on, formatting for nobody, and an interrupted run (SIGINT) must stop
them at once instead of waiting for the queue to drain.  Each worker asks Linux to kill it when
its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread in the worker watches the
parent's pid.  Workers ignore SIGINT (Ctrl-C reaches the whole process group): the parent
decides, and :func:`stop_pool` ends them.
"""

from __future__ import annotations

import multiprocessing
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


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End ``pool`` now: kill its workers, dropping queued work (after an interrupt or error)."""
    # The pool offers no public way to stop a running task; its worker table (read before
    # shutdown, which drops it) is the only handle.  Futures are not cancelled: the pool marks
    # them broken when it sees its workers gone (cancelling them too raises in its thread).
    processes = dict(getattr(pool, "_processes", None) or {})
    for process in processes.values():
        process.kill()
    pool.shutdown(wait=False)


class WorkerPool:
    """Worker processes for one formatting run, ended when the ``with`` block is left.

    Workers are forked (spawned ones would take ~0.2 s to start, and a run killed while one
    starts would see it print a traceback).  A forked worker shares the run's pages, and counts
    them in its own resident memory, so :meth:`start` forks them before the run builds its
    working data: one fork for all the maps of the run.
    """

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        return self

    @property
    def workers(self) -> int:
        """How many processes share the work (1: it is done in this one)."""
        return self._workers

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self._pool is None:
            return
        if error is None:
            self._pool.shutdown()
        else:
            stop_pool(self._pool)

    def map(
        self,
        function: Callable[[_Item], _Result],
        items: list[_Item],
        *,
        size: Callable[[_Item], int],
    ) -> list[_Result]:
        """``[function(item) for item in items]``, in the workers when there is enough to
        share, the largest items handed out first so that the small ones fill the gaps.

        ``function`` must be importable by name (a module-level function).  The first exception
        (or an interrupt) propagates; leaving the ``with`` block then stops every worker.
        ``Executor.map`` is not used: on an exception it cancels the remaining futures, and
        Python 3.11's pool then fails in its own thread while marking them broken, leaving a
        queue thread blocked on a pipe nobody reads, so the process never exits.
        """
        order = sorted(range(len(items)), key=lambda k: -size(items[k]))
        ordered = [items[k] for k in order]
        if self._workers > 1 and len(ordered) > 2:
            pool = self._started()
            futures = [pool.submit(function, item) for item in ordered]
            results = [future.result() for future in futures]
        else:
            results = [function(item) for item in ordered]
        in_place: list[_Result] = list(results)
        for k, result in zip(order, results, strict=True):
            in_place[k] = result
        return in_place

    def start(self) -> None:
        """Fork the workers now (Python's pool forks all of them at its first task)."""
        if self._workers > 1:
            self._started().submit(_nothing).result()

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            )
        return self._pool


def _nothing() -> None:
    """A task that makes the pool start its workers."""
