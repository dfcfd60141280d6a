"""openapi-spec-validator in a worker process, so that it runs while the compiler builds the IR.

Why: on a large spec the validator is the longest step that nothing else waits on (a
10,000-operation spec: 8-11 s of CPU, against 1.5-3 s to build and name the IR and about as
much to render it), and its findings depend only on the document as loaded.  A forked child
sees that document as it stands at the fork -- nothing is copied or pickled on the way in --
and validates it on the machine's other core while the parent goes on; only the findings come
back through a pipe.  The caller collects them before it reports anything and puts them where
a run without a worker puts them, so the diagnostics are the same, order included.  The parent
imports the validator before forking, so that several workers (one per spec) share one import.

A worker is started only when the findings are not cached (:mod:`.validation_cache`) and the
caller asks for one (the commands do; library calls, such as most tests make, run inline).  When
``fork`` is unavailable or the worker cannot start, the validator runs inline, with the same
findings.  A worker that ends without answering (killed, out of memory) gives one located error
line instead of findings, which is not cached.  The worker dies with the run and ignores SIGINT
(:mod:`generator.processes`); :meth:`InWorker.cancel` ends it when the caller gives up.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from generator.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # multiprocessing is imported only when a worker is started (~50 ms)
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

Run = Callable[[], list[Diagnostic]]
Keep = Callable[[list[Diagnostic]], None]


class Findings(Protocol):
    """The validator's findings, ready or still being computed."""

    def wait(self) -> list[Diagnostic]:
        """The findings, waiting for them if need be (the same list on every call)."""

    def cancel(self) -> None:
        """Give up on findings not collected yet: end their worker (nothing after ``wait``)."""


@dataclass(frozen=True)
class Ready:
    """Findings already known: cached, computed inline, or nothing validated."""

    findings: tuple[Diagnostic, ...] = ()

    def wait(self) -> list[Diagnostic]:
        """The findings."""
        return list(self.findings)

    def cancel(self) -> None:
        """Nothing runs: nothing to end."""


class InWorker:
    """Findings being computed in a forked worker process."""

    def __init__(self, process: BaseProcess, answers: Connection, label: str, keep: Keep) -> None:
        self._process = process
        self._answers = answers
        self._label = label
        self._keep = keep
        self._result: list[Diagnostic] | None = None
        self.pid = process.pid
        """The worker's process id."""

    def wait(self) -> list[Diagnostic]:
        """The worker's findings; one error line when it ended without sending them."""
        if self._result is not None:
            return list(self._result)
        try:
            answer: object = self._answers.recv()
        except (EOFError, OSError):  # the worker ended before its answer was complete
            answer = None
        finally:
            self._answers.close()
        exitcode = self._ended()
        if isinstance(answer, list):
            self._result = answer
            self._keep(answer)
        else:
            self._result = [_lost(self._label, exitcode)]
        return list(self._result)

    def cancel(self) -> None:
        """End the worker now unless its findings were collected."""
        if self._result is not None:
            return
        self._result = []
        self._process.kill()
        self._ended()
        self._answers.close()

    def _ended(self) -> int | None:
        """Reap the worker and free what tracks it; its exit code (-N: killed by signal N)."""
        self._process.join()
        exitcode = self._process.exitcode
        self._process.close()
        return exitcode


def start_validation(run: Run, label: str, keep: Keep | None = None, *, parallel: bool) -> Findings:
    """``run()``'s findings, computed in a worker when ``parallel`` (and fork works), else now.

    ``keep`` receives the findings once they are known (to cache them); never a lost worker's.
    """
    keep = keep or _discard
    if parallel:
        worker = _started(run, label, keep)
        if worker is not None:
            return worker
    findings = run()
    keep(findings)
    return Ready(tuple(findings))


def _started(run: Run, label: str, keep: Keep) -> InWorker | None:
    import multiprocessing

    from generator.load.validate import import_validator

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform
        return None
    import_validator()  # here, once, not in every worker (~0.25 s of CPU each)
    answers, sender = context.Pipe(duplex=False)
    process = context.Process(target=_work, args=(run, sender, os.getpid()), daemon=True)
    try:
        process.start()
    except OSError:  # no process to spare (EAGAIN, ENOMEM): validate inline
        answers.close()
        return None
    finally:
        sender.close()  # the parent's copy: the worker's end alone keeps the pipe open
    return InWorker(process, answers, label, keep)


def _work(run: Run, sender: Connection, parent: int) -> None:
    """The worker: validate, send the findings, end without running the parent's exit code."""
    from generator.processes import die_with_parent

    die_with_parent(parent)
    try:
        sender.send(run())
    except BaseException:  # the parent reports a worker that did not answer; no traceback
        os._exit(1)
    os._exit(0)


def _lost(label: str, exitcode: int | None) -> Diagnostic:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    else:
        how = f"ended with exit code {exitcode}"
    return Diagnostic(
        label,
        "",
        Severity.ERROR,
        f"the validator's worker process {how} before it reported its findings",
        "the spec was not validated; run the command again",
    )


def _discard(findings: list[Diagnostic]) -> None:
    """Nowhere to keep findings (a spec with remote parts is validated every time)."""


__all__ = ["Findings", "InWorker", "Ready", "start_validation"]
