"""Formatter worker processes that never outlive the run that started them.

``generate`` formats cache misses in a process pool.  When the run is killed its workers must
not live on, and an interrupted run (SIGINT) must stop them at once instead of waiting for the
queue to drain: each worker dies with its parent and ignores SIGINT
(:func:`generator.processes.die_with_parent`), and :func:`stop_pool` ends them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from generator.processes import die_with_parent

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


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
