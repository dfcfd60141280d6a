"""Where the generator keeps results it can recompute: formatted code, compiled templates,
validation findings.

Every cache is keyed by content and the versions of the tools involved, so a stale entry is
never used; all of them are best-effort (an unreadable or unwritable cache only costs time).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from generator.diagnostics import one_line

_warned = False


def cache_root() -> Path:
    """The generator's cache folder: ``AZPYGEN_CACHE``, else under ``$XDG_CACHE_HOME``."""
    explicit = os.environ.get("AZPYGEN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "azure-swagger-pygen"


def read_entry(folder: Path, key: str) -> str | None:
    """The text stored under ``key`` in ``folder``, or None when absent or unreadable."""
    try:
        return (folder / key[:2] / key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def store_entry(folder: Path, key: str, text: str) -> bool:
    """Keep ``text`` under ``key`` (atomically, by rename); False, after one warning per run,
    when that fails: a cache only saves time."""
    temporary = folder / key[:2] / f"{key}.{os.getpid()}.tmp"
    try:
        temporary.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(temporary.with_name(key))
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        cache_unwritable(folder, error)
        return False
    return True


def cache_unwritable(folder: Path, error: OSError) -> None:
    """Report that ``folder`` cannot be written, the first time only; the run goes on.

    A read-only folder, a full disk or a path through a file must cost time and one line on
    standard error, never the run (nor a line per file).
    """
    global _warned
    if _warned:
        return
    _warned = True
    reason = error.strerror or str(error)
    print(
        one_line(
            f"warning: cache folder {folder} cannot be written ({reason}); running without it"
        ),
        file=sys.stderr,
    )
