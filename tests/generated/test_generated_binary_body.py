"""A binary body (``format: binary``) from bytes, a path or an open file, streamed to the
service with its length known, sync and async; a ``text/*`` body takes its text as a str."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from gen_fake_service import FakeService, Handler, Recorded

KEY = AzureKeyCredential("secret-key")
PAYLOAD = bytes(range(256)) * 4096  # 1 MiB


def _client(package: ModuleType, service: FakeService, aio: bool = False, retries: int = 0) -> Any:
    module = importlib.import_module(f"{package.__name__}.aio") if aio else package
    return module.SampleClient(service.url, KEY, retry_total=retries, retry_backoff_factor=0)


def _sent_bodies() -> tuple[list[Any], dict[str, Any]]:
    """A ``raw_request_hook`` recording the body object each request carries."""
    seen: list[Any] = []
    return seen, {"raw_request_hook": lambda request: seen.append(request.http_request.content)}


def _streamed(package: ModuleType, body: Any) -> bool:
    root = package.__name__.split(".")[0]
    chunked = importlib.import_module(f"{root}._runtime.multipart").ChunkedBody
    return isinstance(body, chunked)


def _sink(service: FakeService, path: str, status: int) -> None:
    service.route("PUT", path, lambda _h, _r: (status, {}, b""))


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "blob.bin"
    path.write_bytes(PAYLOAD)
    return path


def test_binary_body_from_bytes_a_path_or_a_file(
    sample_package: ModuleType, fake_service: FakeService, data_file: Path
) -> None:
    _sink(fake_service, "/sample/blobs/b", 201)
    seen, hook = _sent_bodies()
    with _client(sample_package, fake_service) as client:
        client.blobs.put("b", PAYLOAD, **hook)
        client.blobs.put("b", str(data_file), **hook)
        client.blobs.put("b", data_file, **hook)
        with data_file.open("rb") as handle:
            client.blobs.put("b", handle, **hook)
    assert [request.body == PAYLOAD for request in fake_service.requests] == [True] * 4
    for request in fake_service.requests:
        assert request.headers["Content-Length"] == str(len(PAYLOAD))
        assert request.headers["Content-Type"] == "application/octet-stream"
    assert [_streamed(sample_package, body) for body in seen] == [False, True, True, True]


async def test_async_binary_body_from_a_path_or_a_file(
    sample_package: ModuleType, fake_service: FakeService, data_file: Path
) -> None:
    _sink(fake_service, "/sample/blobs/b", 201)
    seen, hook = _sent_bodies()
    async with _client(sample_package, fake_service, aio=True) as client:
        await client.blobs.put("b", data_file, **hook)
        with data_file.open("rb") as handle:
            await client.blobs.put("b", handle, **hook)
    assert [request.body == PAYLOAD for request in fake_service.requests] == [True, True]
    assert all(r.headers["Content-Length"] == str(len(PAYLOAD)) for r in fake_service.requests)
    assert all(_streamed(sample_package, body) for body in seen)


def test_a_retry_sends_the_file_again_from_its_start(
    sample_package: ModuleType, fake_service: FakeService, data_file: Path
) -> None:
    answers = [503, 201]

    def flaky(_h: Handler, _r: Recorded) -> tuple[int, dict[str, str], bytes]:
        return answers.pop(0), {}, b""

    fake_service.route("PUT", "/sample/blobs/b", flaky)
    with _client(sample_package, fake_service, retries=1) as client, data_file.open("rb") as handle:
        handle.seek(256)
        client.blobs.put("b", handle)
    assert [request.body for request in fake_service.requests] == [PAYLOAD[256:]] * 2


def test_a_text_body_takes_its_text_or_a_path(
    sample_package: ModuleType, fake_service: FakeService, tmp_path: Path
) -> None:
    fake_service.route("PUT", "/sample/notes", lambda _h, _r: (204, {}, b""))
    note = tmp_path / "note.txt"
    note.write_text("from a file", encoding="utf-8")
    with _client(sample_package, fake_service) as client:
        client.notes.put(note="grüße")
        client.notes.put(note=note)
        client.notes.put()
    text, from_file, empty = fake_service.requests
    assert text.body == "grüße".encode() and from_file.body == b"from a file"
    assert text.headers["Content-Type"].startswith("text/plain")
    assert empty.body == b""


def test_a_missing_path_fails_before_sending(
    sample_package: ModuleType, fake_service: FakeService, tmp_path: Path
) -> None:
    with _client(sample_package, fake_service) as client, pytest.raises(FileNotFoundError):
        client.blobs.put("b", tmp_path / "missing.bin")
    assert fake_service.requests == []
