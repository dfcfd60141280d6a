"""File parts for multipart/form-data uploads.

The service rejects a file part without a filename or without a content type, so every way a
caller can hand over a file ends up as ``(filename, content, content_type)`` with both filled.
"""

from __future__ import annotations

import mimetypes
import os
from typing import IO, TypeAlias

__all__ = ["FileInput", "FilePart", "file_part"]

FileInput: TypeAlias = (
    "str | os.PathLike[str] | bytes | IO[bytes] | tuple[str, bytes | IO[bytes], str]"
)
"""A path, raw bytes, a binary file object, or an explicit ``(filename, content, type)``."""

FilePart: TypeAlias = "tuple[str, bytes | IO[bytes], str]"

_FALLBACK_TYPE = "application/octet-stream"
# Types the standard table lacks (or gets wrong) for files this service accepts.
_EXTRA_TYPES = {".jsonl": "application/jsonl", ".jsonlines": "application/jsonl"}


def _guess_type(filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower()
    if extension in _EXTRA_TYPES:
        return _EXTRA_TYPES[extension]
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    return guessed or _FALLBACK_TYPE


def file_part(
    value: FileInput, *, field: str, content_type: str | None = None
) -> tuple[str, bytes | IO[bytes], str]:
    """``(filename, content, content type)`` for one multipart file part.

    * a path (``str`` or ``os.PathLike``): its base name, its bytes, a type guessed from the name;
    * ``bytes``: ``field`` as the filename, ``application/octet-stream``;
    * a binary file object: the base name of its ``name`` if it has one (else ``field``), the
      object itself (streamed), a type guessed from that name;
    * a tuple ``(filename, content, type)``: as given, with an empty type guessed.

    ``content_type`` overrides the type in every case.
    """
    if isinstance(value, tuple):
        filename, content, given_type = value
        return filename, content, content_type or given_type or _guess_type(filename)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return field, bytes(value), content_type or _FALLBACK_TYPE
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        with open(path, "rb") as handle:
            content = handle.read()
        filename = os.path.basename(path)
        return filename, content, content_type or _guess_type(filename)
    if hasattr(value, "read"):
        name = getattr(value, "name", None)
        filename = os.path.basename(name) if isinstance(name, str) and name else field
        return filename, value, content_type or _guess_type(filename)
    raise TypeError(
        f"{field}: expected a path, bytes, a binary file object or a "
        f"(filename, content, content_type) tuple, not {type(value).__name__}"
    )
