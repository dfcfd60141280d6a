"""Writing one output file so that readers never see it half-written.

Every command that writes a single file (``ir -o``, ``bundle``, ``diff --out``, ``sync``) goes
through :func:`write_file_atomically`; whole trees (``generate``) are updated by
:mod:`generator.write`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_file_atomically(path: Path, data: bytes | str, *, create_folder: bool = True) -> None:
    """Write ``data`` (text is UTF-8 with ``\\n`` line ends) to ``path`` via a temporary file.

    ``create_folder=False`` makes a missing folder an error, as for a shell redirection.

    The temporary file sits beside ``path`` so the final ``os.replace`` is a rename on one file
    system; on any failure it is removed and ``path`` keeps its previous content.  The file gets
    the usual ``0o644`` mode (``mkstemp`` would leave it readable by its owner only).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
