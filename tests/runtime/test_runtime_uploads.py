"""Multipart and binary uploads streamed from a path or a file object, sync and async."""

from __future__ import annotations

import io
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from runtime_scripted_server import ScriptedServer

from generator.runtime import AsyncClientCore, ClientCore, ServiceConfig, file_part
from generator.runtime.multipart import MultipartStream

CONFIG = ServiceConfig("{endpoint}", "api-key", (), "upload-test/1.0", None)


def _parts(stream: MultipartStream) -> list[tuple[str, str | None, bytes]]:
    """The parts of a multipart body, read back with the standard library's MIME parser."""
    head = f"Content-Type: {stream.content_type}\r\n\r\n".encode()
    message = BytesParser(policy=default).parsebytes(head + stream.read())
    found = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found.append(
            (
                str(part.get_param("name", header="content-disposition")),
                part.get_filename(),
                payload,
            )
        )
    return found


def test_multipart_body_streams_parts_with_a_known_length(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"a": 1}\n' * 1000)
    stream = MultipartStream({"purpose": "fine-tune"}, {"file": file_part(path, field="file")})
    assert stream.length is not None and stream.length > path.stat().st_size
    body_length = stream.length
    parts = _parts(stream)
    assert parts == [
        ("purpose", None, b"fine-tune"),
        ("file", "train.jsonl", path.read_bytes()),
    ]
    assert stream.tell() == body_length


def test_multipart_body_rewinds_for_a_retry(tmp_path: Path) -> None:
    handle = io.BytesIO(b"0123456789")
    handle.seek(2)
    stream = MultipartStream({}, {"f": file_part(handle, field="f")})
    first = stream.read()
    assert b"\r\n\r\n23456789\r\n--" in first  # from the file's position on, not its start
    stream.seek(0)
    assert stream.read() == first


def test_an_unsized_stream_is_sent_without_a_length() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.left = [b"abc", b"def"]

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            if not self.left:
                return 0
            chunk = self.left.pop(0)
            buffer[: len(chunk)] = chunk
            return len(chunk)

    stream = MultipartStream({}, {"f": ("f.bin", Pipe(), "application/octet-stream")})
    assert stream.length is None and not stream.seekable()
    assert b"abcdef" in stream.read()


def test_upload_from_a_path_reaches_the_service_streamed(
    scripted: ScriptedServer, tmp_path: Path
) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * (3 * 1024 * 1024))
    core = ClientCore(
        scripted.url, AzureKeyCredential("k"), config=CONFIG, api_version="1", retry_total=0
    )
    request = core.build_request(
        "POST", "/upload-sink", files={"file": file_part(path, field="file")}, data={"p": "v"}
    )
    assert isinstance(request.content, MultipartStream)  # never assembled in memory
    result = core.call(request, responses={201: None}, response_headers={})
    assert result is None
    assert scripted.body_sizes == [int(request.headers["Content-Length"])]


async def test_async_upload_from_a_file_object(scripted: ScriptedServer, tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"y" * (2 * 1024 * 1024))
    core = AsyncClientCore(
        scripted.url, AzureKeyCredential("k"), config=CONFIG, api_version="1", retry_total=0
    )
    async with core:
        with path.open("rb") as handle:
            request = core.build_request(
                "POST", "/upload-sink", files={"file": file_part(handle, field="file")}
            )
            await core.call(request, responses={201: None})
    assert scripted.body_sizes == [int(request.headers["Content-Length"])]


def test_a_missing_path_fails_before_sending(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        file_part(tmp_path / "missing.jsonl", field="file")
