"""File parts, multipart/form-data bodies and binary bodies streamed from their sources.

The service rejects a file part without a filename or without a content type, so every way a
caller can hand over a file ends up as ``(filename, content, content_type)`` with both filled.

A multipart body is never assembled in memory: :class:`MultipartStream` is a readable file object
that yields the part headers and reads each file (a path is opened only when its turn comes) in
chunks as the transport asks for them, with its total length known up front whenever every part's
size is, so the request carries ``Content-Length`` instead of chunked encoding.  Uploading a
200 MiB file this way costs a few MiB of memory (``tests/benchmark.py`` measures it).

A binary body (``format: binary`` / ``type: file``) takes the same kinds of input as a file part
-- a path, bytes or a binary file object -- and is sent the same way (:func:`binary_body`): a
:class:`ChunkedBody` of that one source.
"""

from __future__ import annotations

import io
import mimetypes
import os
import uuid
from collections.abc import Iterator, Mapping
from typing import IO, Any, TypeAlias

__all__ = [
    "ChunkedBody",
    "FileInput",
    "FilePart",
    "MultipartStream",
    "PathSource",
    "binary_body",
    "file_part",
]

FileInput: TypeAlias = (
    "str | os.PathLike[str] | bytes | IO[bytes] | tuple[str, bytes | IO[bytes], str]"
)
"""A path, raw bytes, a binary file object, or an explicit ``(filename, content, type)``."""

FilePart: TypeAlias = "tuple[str, bytes | IO[bytes] | PathSource, str]"

_FALLBACK_TYPE = "application/octet-stream"
# Types the standard table lacks (or gets wrong) for common upload formats.
_EXTRA_TYPES = {".jsonl": "application/jsonl", ".jsonlines": "application/jsonl"}
_CHUNK = 64 * 1024


class PathSource:
    """A file named by its path, opened only while its bytes are sent."""

    def __init__(self, path: str) -> None:
        self.path = path

    def size(self) -> int:
        """The file's size in bytes."""
        return os.path.getsize(self.path)

    def __repr__(self) -> str:
        return f"PathSource({self.path!r})"


def _guess_type(filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower()
    if extension in _EXTRA_TYPES:
        return _EXTRA_TYPES[extension]
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    return guessed or _FALLBACK_TYPE


def file_part(
    value: FileInput, *, field: str, content_type: str | None = None
) -> tuple[str, bytes | IO[bytes] | PathSource, str]:
    """``(filename, content, content type)`` for one multipart file part.

    * a path (``str`` or ``os.PathLike``): its base name, the file (read while sending), a type
      guessed from the name;
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
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{field}: no such file: {path!r}")
        filename = os.path.basename(path)
        return filename, PathSource(path), content_type or _guess_type(filename)
    if hasattr(value, "read"):
        name = getattr(value, "name", None)
        filename = os.path.basename(name) if isinstance(name, str) and name else field
        return filename, value, content_type or _guess_type(filename)
    raise TypeError(
        f"{field}: expected a path, bytes, a binary file object or a "
        f"(filename, content, content_type) tuple, not {type(value).__name__}"
    )


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", " ")


def _remaining(stream: Any) -> int | None:
    """Bytes left in a file object, or None when it cannot tell (a pipe, a socket)."""
    try:
        if hasattr(stream, "fileno"):
            return int(os.fstat(stream.fileno()).st_size - stream.tell())
        position = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(position)
        return int(end) - int(position)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def _read_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def _position(stream: Any) -> int | None:
    try:
        return int(stream.tell()) if stream.seekable() else None
    except (OSError, ValueError, AttributeError):
        return None


def binary_body(value: Any, *, text: bool = False) -> bytes | str | ChunkedBody:
    """A binary request body from a path, bytes or a binary file object, never read whole.

    A path (``str`` or ``os.PathLike``) is opened only while the body is sent; a file object is
    read from where it stands (and rewound there for a retry).  With ``text`` (a body of
    ``text/*`` media types) a ``str`` is the text itself, sent as UTF-8, not a path.
    """
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str) and text:
        return value
    if isinstance(value, (str, os.PathLike)):
        path = os.fsdecode(value)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"no such file: {path!r}")
        return ChunkedBody([PathSource(path)])
    if hasattr(value, "read"):
        return ChunkedBody([value])
    raise TypeError(
        f"expected a path, bytes or a binary file object as the body, not {type(value).__name__}"
    )


class ChunkedBody(io.RawIOBase):
    """A request body read piece by piece: bytes, file objects and files named by path.

    Its length is known up front whenever every piece's size is (``length``, and ``len`` for
    the requests transport); it can be rewound to its start when every file object can.
    """

    def __init__(self, pieces: list[bytes | IO[bytes] | PathSource]) -> None:
        super().__init__()
        self._pieces = pieces
        self._length = self._total()
        self._starts = [
            _position(p) for p in self._pieces if not isinstance(p, (bytes, PathSource))
        ]
        self._chunks: Iterator[bytes] = self._generate()
        self._pending = b""
        self._sent = 0
        if self._length is not None:
            self.len = self._length  # how requests learns the size of a file-like body

    @property
    def length(self) -> int | None:
        """Total body size in bytes, or None when a part's size cannot be known in advance."""
        return self._length

    def _total(self) -> int | None:
        total = 0
        for piece in self._pieces:
            if isinstance(piece, bytes):
                total += len(piece)
            elif isinstance(piece, PathSource):
                total += piece.size()
            else:
                size = _remaining(piece)
                if size is None:
                    return None
                total += size
        return total

    def _generate(self) -> Iterator[bytes]:
        for piece in self._pieces:
            if isinstance(piece, bytes):
                yield piece
            elif isinstance(piece, PathSource):
                with open(piece.path, "rb") as handle:
                    yield from _read_chunks(handle)
            else:
                yield from _read_chunks(piece)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return None not in self._starts

    def tell(self) -> int:
        return self._sent

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Only a rewind to the start (what a retry does); every file is rewound with it."""
        if (offset, whence) == (self._sent, io.SEEK_SET) or (offset, whence) == (0, io.SEEK_CUR):
            return self._sent
        if (offset, whence) != (0, io.SEEK_SET) or not self.seekable():
            raise io.UnsupportedOperation("a streamed body can only be rewound to its start")
        streams = [p for p in self._pieces if not isinstance(p, (bytes, PathSource))]
        for stream, start in zip(streams, self._starts, strict=True):
            assert not isinstance(stream, (bytes, PathSource)) and start is not None
            stream.seek(start)
        self._chunks = self._generate()
        self._pending = b""
        self._sent = 0
        return 0

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = bytes(chunk)
        size = min(len(view), len(self._pending))
        view[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self._sent += size
        return size

    def __iter__(self) -> Iterator[bytes]:
        # Transports that iterate a body get chunks, not lines.
        while chunk := self.read(_CHUNK):
            yield chunk


class MultipartStream(ChunkedBody):
    """A multipart/form-data body read part by part (see the module docstring)."""

    def __init__(
        self, data: Mapping[str, Any], files: Mapping[str, FilePart | list[FilePart]]
    ) -> None:
        self.boundary = uuid.uuid4().hex
        pieces: list[bytes | IO[bytes] | PathSource] = []
        for name, value in data.items():
            for item in value if isinstance(value, list) else [value]:
                pieces.append(self._head(name) + str(item).encode("utf-8") + b"\r\n")
        for name, parts in files.items():
            for filename, content, content_type in parts if isinstance(parts, list) else [parts]:
                pieces.append(self._head(name, filename, content_type))
                pieces.append(content)
                pieces.append(b"\r\n")
        pieces.append(f"--{self.boundary}--\r\n".encode("ascii"))
        super().__init__(pieces)

    @property
    def content_type(self) -> str:
        """The request's ``Content-Type`` header."""
        return f"multipart/form-data; boundary={self.boundary}"

    def _head(
        self, name: str, filename: str | None = None, content_type: str | None = None
    ) -> bytes:
        disposition = f'form-data; name="{_quoted(name)}"'
        if filename is not None:
            disposition += f'; filename="{_quoted(filename)}"'
        lines = [f"--{self.boundary}", f"Content-Disposition: {disposition}"]
        if content_type is not None:
            lines.append(f"Content-Type: {content_type}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
