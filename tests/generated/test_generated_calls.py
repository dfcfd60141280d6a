"""The generated glue calls the runtime correctly: a client generated from the inline spec,
called against a local fake service, for paging, LRO, SSE, multipart, download and errors."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from gen_fake_service import FakeService, Handler, Recorded

KEY = AzureKeyCredential("secret-key")


def _client(package: ModuleType, service: FakeService, aio: bool = False) -> Any:
    module = importlib.import_module(f"{package.__name__}.aio") if aio else package
    return module.SampleClient(service.url, KEY, retry_total=0)


def _pages(service: FakeService) -> None:
    def handler(_h: Handler, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        if "after=b" in request.path:
            body: dict[str, Any] = {"data": [{"id": "c", "status": "running"}], "has_more": False}
        else:
            body = {
                "data": [{"id": "a", "status": "running"}, {"id": "b", "status": "NEW-STATE"}],
                "has_more": True,
            }
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    service.route("GET", "/sample/jobs", handler)


def test_list_follows_the_cursor_while_has_more(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    _pages(fake_service)
    with _client(sample_package, fake_service) as client:
        jobs = list(client.jobs.list(limit=2))
    assert [job.id for job in jobs] == ["a", "b", "c"]
    assert jobs[0].status == sample_package.models.JobState.RUNNING
    assert jobs[1].status == "NEW-STATE"  # extensible enum keeps an unknown value as str
    first, second = fake_service.requests
    assert "api-version=2024-01-01" in first.path and "limit=2" in first.path
    assert "after=" not in first.path and "after=b" in second.path
    assert first.headers["api-key"] == "secret-key"


async def test_async_list_follows_the_cursor(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    _pages(fake_service)
    async with _client(sample_package, fake_service, aio=True) as client:
        ids = [job.id async for job in client.jobs.list()]
    assert ids == ["a", "b", "c"]


def test_error_status_raises_the_typed_error(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.json(
        "GET", "/sample/jobs/missing", 404, {"error": {"code": "NotFound", "message": "gone"}}
    )
    fake_service.json("GET", "/sample/jobs/bad", 400, {"error": {"code": "Bad", "message": "no"}})
    with _client(sample_package, fake_service) as client:
        with pytest.raises(ResourceNotFoundError) as missing:
            client.jobs.get("missing")
        with pytest.raises(HttpResponseError) as bad:
            client.jobs.get("bad")
    assert isinstance(missing.value.model, sample_package.models.ErrorResponse)
    assert missing.value.model.error.code == "NotFound"
    assert bad.value.status_code == 400 and bad.value.model.error.message == "no"


def test_get_deserializes_unix_time_and_path_encoding(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.json(
        "GET", "/sample/jobs/a%2Fb", 200, {"id": "a/b", "status": "succeeded", "created_at": 60}
    )
    with _client(sample_package, fake_service) as client:
        job = client.jobs.get("a/b")
    assert job.created_at.timestamp() == 60 and job.created_at.tzinfo is not None


def _image_operation(service: FakeService) -> None:
    status_url = f"{service.url}/sample/operations/images/op1?api-version=2024-01-01"
    service.json(
        "POST",
        "/sample/images/generations:submit",
        202,
        {"id": "op1", "status": "notRunning"},
        **{"operation-location": status_url},
    )
    service.json(
        "GET",
        "/sample/operations/images/op1",
        200,
        {"id": "op1", "status": "succeeded", "result": {"data": ["img-1", "img-2"]}},
    )


def test_begin_generate_polls_operation_location_and_returns_the_result(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    _image_operation(fake_service)
    with _client(sample_package, fake_service) as client:
        poller = client.images.begin_generate({"prompt": "a cat"}, polling_interval=0)
        result = poller.result()
    assert result.status == "succeeded"
    assert result.result.data == ["img-1", "img-2"]
    assert json.loads(fake_service.requests[0].body) == {"prompt": "a cat"}


async def test_async_begin_generate_returns_the_result(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    _image_operation(fake_service)
    async with _client(sample_package, fake_service, aio=True) as client:
        request = sample_package.models.ImageRequest(prompt="a cat")
        poller = await client.images.begin_generate(request, polling_interval=0)
        result = await poller.result()
    assert result.result.data == ["img-1", "img-2"]
    assert json.loads(fake_service.requests[0].body) == {"prompt": "a cat"}


def _events(_h: Handler, request: Recorded) -> tuple[int, dict[str, str], bytes]:
    if "stream=true" not in request.path:
        body = json.dumps({"data": [{"message": "one"}]}).encode()
        return 200, {"Content-Type": "application/json"}, body
    stream = b'data: {"message": "one"}\n\ndata: {"message": "two"}\n\ndata: [DONE]\n\n'
    return 200, {"Content-Type": "text/event-stream"}, stream


def test_get_events_streams_typed_events_until_done(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs/j1/events", _events)
    with _client(sample_package, fake_service) as client:
        events = list(client.jobs.get_events("j1", stream=True))
        listed = client.jobs.get_events("j1")
    assert [e.message for e in events] == ["one", "two"]
    assert isinstance(events[0], sample_package.models.Event)
    assert [e.message for e in listed.data] == ["one"]
    assert fake_service.requests[0].headers["Accept"] == "text/event-stream"


async def test_async_get_events_streams(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs/j1/events", _events)
    async with _client(sample_package, fake_service, aio=True) as client:
        stream = await client.jobs.get_events("j1", stream=True)
        messages = [event.message async for event in stream]
    assert messages == ["one", "two"]


def test_upload_sends_a_named_typed_file_part(
    sample_package: ModuleType, fake_service: FakeService, tmp_path: Path
) -> None:
    fake_service.json("POST", "/sample/files", 201, {"id": "f1", "filename": "train.jsonl"})
    data = tmp_path / "train.jsonl"
    data.write_bytes(b'{"prompt": "x"}\n')
    with _client(sample_package, fake_service) as client:
        created = client.files.upload(purpose="fine-tune", file=data)
        client.files.upload(purpose="fine-tune", file=b"raw bytes")
    assert created.id == "f1"
    from_path, from_bytes = fake_service.requests
    assert from_path.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="train.jsonl"' in from_path.body
    assert b"Content-Type: application/jsonl" in from_path.body
    assert b'name="purpose"' in from_path.body and b"fine-tune" in from_path.body
    assert b'filename="file"' in from_bytes.body
    assert b"Content-Type: application/octet-stream" in from_bytes.body


def test_array_of_files_is_one_part_per_file(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.json("POST", "/sample/files", 201, {"id": "f1", "filename": "a"})
    with _client(sample_package, fake_service) as client:
        client.files.upload(purpose="p", file=b"main", attachments=[b"first", ("b.txt", b"x", "")])
    body = fake_service.requests[0].body
    assert body.count(b'form-data; name="attachments"') == 2
    assert b'filename="attachments"' in body and b'filename="b.txt"' in body
    assert b"first" in body


def test_get_content_streams_bytes(sample_package: ModuleType, fake_service: FakeService) -> None:
    payload = bytes(range(256)) * 64
    fake_service.route(
        "GET",
        "/sample/files/f1/content",
        lambda _h, _r: (200, {"Content-Type": "application/octet-stream"}, payload),
    )
    with _client(sample_package, fake_service) as client:
        chunks = client.files.get_content("f1")
        assert b"".join(chunks) == payload


def test_send_request_uses_the_client_pipeline(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    from azure.core.rest import HttpRequest

    fake_service.json("GET", "/sample/jobs/a", 200, {"id": "a", "status": "running"})
    with _client(sample_package, fake_service) as client:
        response = client.send_request(HttpRequest("GET", "/jobs/a"))
    assert response.status_code == 200 and response.json()["id"] == "a"
    assert fake_service.requests[0].headers["api-key"] == "secret-key"
    assert fake_service.requests[0].headers["User-Agent"].startswith("azsdk-python-")


def test_url_encoded_form_is_sent_as_a_form(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("POST", "/sample/tokens", lambda _h, _r: (204, {}, b""))
    with _client(sample_package, fake_service) as client:
        assert client.tokens.create(grant="code 1") is None
    request = fake_service.requests[0]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.body == b"grant=code+1"


def test_a_list_envelope_is_one_page(sample_package: ModuleType, fake_service: FakeService) -> None:
    body = {"object": "list", "data": [{"message": "m1"}, {"message": "m2"}]}
    fake_service.json("GET", "/sample/models", 200, body)
    with _client(sample_package, fake_service) as client:
        assert [m.message for m in client.models.list()] == ["m1", "m2"]
    assert len(fake_service.requests) == 1


def test_the_package_logs_under_its_own_name(sample_package: ModuleType) -> None:
    pipeline = importlib.import_module(
        sample_package.__name__.split(".")[0] + "._runtime._pipeline"
    )
    assert pipeline._LOGGER.name == sample_package.__name__.split(".")[0]
