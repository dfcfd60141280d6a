"""Read bytes from outside (spec files, mirror files, URLs) with bounds on size, kind and time.

Specs are input people did not write.  A size check before reading proves nothing (``st_size``
is 0 for a FIFO or ``/dev/zero``), opening a FIFO blocks until a writer appears, and a server can
send one byte every few seconds forever.  So: names are checked before any file-system call
(a NUL byte or an over-long name makes the OS raise odd errors), only regular files are read
(checked on the open descriptor, opened without blocking), reading stops at the size cap, and a
download has a per-read timeout and an overall deadline.  Every refusal is a
:class:`ReadRefused` whose text fits a one-line diagnostic.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

NAME_MAX_BYTES = 255
"""Longest file-name component most file systems accept."""
PATH_MAX_BYTES = 4096
"""Longest path Linux accepts."""
_CHUNK = 1024 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class ReadRefused(Exception):
    """Why bytes were not read, worded for a diagnostic (``cannot read the file: ...``)."""


def name_problem(name: str) -> str | None:
    """What makes ``name`` unusable as a file path (NUL byte, over-long), or None."""
    if "\x00" in name:
        return "the file name contains a NUL byte"
    encoded = name.encode("utf-8", "surrogatepass")
    if len(encoded) >= PATH_MAX_BYTES:
        return f"the path is longer than {PATH_MAX_BYTES - 1} bytes"
    if any(len(part) > NAME_MAX_BYTES for part in encoded.split(b"/")):
        return f"a file name in it is longer than {NAME_MAX_BYTES} bytes"
    return None


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes.

    Raises :class:`ReadRefused` for anything else: a bad name, a missing file, a directory,
    FIFO or device, a file that grows past ``limit`` while it is read.
    """
    problem = name_problem(str(path))
    if problem is not None:
        raise ReadRefused(problem)
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise ReadRefused(getattr(exc, "strerror", None) or str(exc)) from None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise ReadRefused(f"it is {_kind(mode)}, not a regular file")
        return _read_capped(lambda size: os.read(handle, size), limit)
    except OSError as exc:
        raise ReadRefused(exc.strerror or str(exc)) from None
    finally:
        os.close(handle)


def _read_capped(read: Callable[[int], bytes], limit: int, deadline: float | None = None) -> bytes:
    """Call ``read(n)`` until it returns nothing; refuse more than ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise ReadRefused(f"larger than the {limit} bytes accepted")
        if deadline is not None and time.monotonic() > deadline:
            raise ReadRefused("timed out (the whole transfer took too long)")


def read_url(url: str, limit: int, *, timeout: float, deadline: float) -> bytes:
    """The body at ``url``: each wait at most ``timeout`` s, the whole at most until ``deadline``.

    ``deadline`` is a :func:`time.monotonic` value; a caller fetching several documents passes
    the same one to bound them all.  Bytes are taken as they arrive (``read1``), so a server
    sending one byte at a time cannot hold a read open past the deadline by more than one wait.
    """
    import urllib.error
    import urllib.request

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise ReadRefused("timed out (the time allowed for downloads is used up)")
    try:
        with urllib.request.urlopen(url, timeout=min(timeout, remaining)) as response:
            return _read_capped(response.read1, limit, deadline)
    except urllib.error.HTTPError as exc:
        raise ReadRefused(f"HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise ReadRefused(str(exc.reason)) from None
    except TimeoutError:
        raise ReadRefused("timed out") from None
    except (OSError, ValueError) as exc:
        raise ReadRefused(getattr(exc, "strerror", None) or str(exc)) from None
