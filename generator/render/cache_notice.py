"""One warning, once per run, when the cache folder cannot be written.

The formatter cache and the compiled-template cache only save time: a read-only folder, a full
disk or a path through a file must cost that time and one line on standard error, never the run
(nor a line per file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.diagnostics import one_line

_warned = False


def cache_unwritable(folder: Path, error: OSError) -> None:
    """Report that ``folder`` cannot be written, the first time only; the run goes on."""
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
