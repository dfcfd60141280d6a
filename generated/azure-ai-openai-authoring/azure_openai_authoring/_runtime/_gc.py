"""Pausing the cyclic garbage collector while a large response body becomes objects."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["LARGE_BODY", "cyclic_gc_paused"]

# Bodies from this size on are validated with the cyclic garbage collector paused.
LARGE_BODY = 256 * 1024
_gc_lock = threading.Lock()
_gc_pausers = 0


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pauses the cyclic GC while a large body becomes objects (as ``timeit`` does).

    Validation allocates tens of thousands of containers that can hold no reference cycles, so
    the collector's repeated passes over them are pure overhead (half the time of a 10,000-item
    list).  Reference counting still frees everything; the collector is re-enabled (only if it
    was enabled before) when the last concurrent pause ends.
    """
    global _gc_pausers
    with _gc_lock:
        if _gc_pausers == 0 and not gc.isenabled():
            paused = False
        else:
            paused = True
            _gc_pausers += 1
            gc.disable()
    try:
        yield
    finally:
        if paused:
            with _gc_lock:
                _gc_pausers -= 1
                if _gc_pausers == 0:
                    gc.enable()
