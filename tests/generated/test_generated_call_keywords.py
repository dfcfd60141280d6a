"""Azure's per-call keywords on every kind of generated operation, sync and async: ``cls``
(``cls(pipeline_response, deserialized, response_headers)``; for pages ``cls(items)``),
``headers``, ``timeout``, ``request_id``/``client_request_id``, ``raw_response_hook``,
``continuation_token`` and ``stream``, against a local fake service."""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from gen_fake_service import FakeService, Handler, Recorded

KEY = AzureKeyCredential("secret-key")


def _client(package: ModuleType, service: FakeService, aio: bool = False) -> Any:
    module = importlib.import_module(f"{package.__name__}.aio") if aio else package
    return module.SampleClient(service.url, KEY, retry_total=0)


def _pages(_h: Handler, request: Recorded) -> tuple[int, dict[str, str], bytes]:
    if "after=b" in request.path:
        body: dict[str, Any] = {"data": [{"id": "c", "status": "running"}], "has_more": False}
    else:
        body = {
            "data": [{"id": "a", "status": "running"}, {"id": "b", "status": "running"}],
            "has_more": True,
        }
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _events(_h: Handler, request: Recorded) -> tuple[int, dict[str, str], bytes]:
    headers = {"x-trace": "t-1"}
    if "stream=true" not in request.path:
        body = json.dumps({"data": [{"message": "one"}]}).encode()
        return 200, {"Content-Type": "application/json", **headers}, body
    stream = b'data: {"message": "one"}\n\ndata: {"message": "two"}\n\ndata: [DONE]\n\n'
    return 200, {"Content-Type": "text/event-stream", **headers}, stream


class _Seen:
    """A ``cls`` that records what it is given and wraps the result."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        return ("wrapped", *args[1:])


def _per_call(hooked: list[int]) -> dict[str, Any]:
    return {
        "headers": {"x-custom": "yes"},
        "timeout": 30,
        "client_request_id": "req-42",
        "raw_response_hook": lambda response: hooked.append(response.http_response.status_code),
    }


def _check_sent(service: FakeService, count: int | None = None) -> None:
    for request in service.requests[:count]:
        assert request.headers["x-custom"] == "yes"
        assert request.headers["x-ms-client-request-id"] == "req-42"


def test_paged_cls_gets_each_page_items_and_per_call_options_reach_every_page(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs", _pages)
    pages: list[list[str]] = []
    hooked: list[int] = []

    def cls(items: list[Any]) -> list[str]:
        pages.append([item.id for item in items])
        return [item.id.upper() for item in items]

    with _client(sample_package, fake_service) as client:
        result = list(client.jobs.list(cls=cls, **_per_call(hooked)))
    assert result == ["A", "B", "C"]
    assert pages == [["a", "b"], ["c"]]  # the cursor still comes from the real items
    assert hooked == [200, 200]
    _check_sent(fake_service)


async def test_async_paged_cls_and_per_call_options(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs", _pages)
    hooked: list[int] = []
    async with _client(sample_package, fake_service, aio=True) as client:
        paged = client.jobs.list(cls=lambda items: [i.id * 2 for i in items], **_per_call(hooked))
        result = [item async for item in paged]
    assert result == ["aa", "bb", "cc"]
    assert hooked == [200, 200]
    _check_sent(fake_service)


def test_paged_continuation_token_starts_at_that_page(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs", _pages)
    with _client(sample_package, fake_service) as client:
        pages = client.jobs.list().by_page()
        first = [job.id for job in next(pages)]
        token = pages.continuation_token
        resumed = [job.id for job in client.jobs.list(continuation_token=token)]
    assert first == ["a", "b"] and token == "b"
    assert resumed == ["c"]
    assert "after=b" in fake_service.requests[-1].path


async def test_async_paged_continuation_token(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs", _pages)
    async with _client(sample_package, fake_service, aio=True) as client:
        resumed = [job.id async for job in client.jobs.list(continuation_token="b")]
    assert resumed == ["c"]
    assert len(fake_service.requests) == 1


def _content(service: FakeService) -> bytes:
    payload = bytes(range(256)) * 16
    service.route(
        "GET",
        "/sample/files/f1/content",
        lambda _h, _r: (200, {"Content-Type": "application/octet-stream"}, payload),
    )
    return payload


def test_download_cls_gets_the_response_and_the_byte_stream(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    payload = _content(fake_service)
    seen = _Seen()
    hooked: list[int] = []
    with _client(sample_package, fake_service) as client:
        tag, chunks, headers = client.files.get_content("f1", cls=seen, **_per_call(hooked))
        assert tag == "wrapped" and b"".join(chunks) == payload
        plain = b"".join(client.files.get_content("f1", stream=True))
    assert plain == payload
    ((pipeline_response, _, _),) = seen.calls
    assert pipeline_response.http_response.status_code == 200 and headers == {}
    assert hooked == [200]
    _check_sent(fake_service, 1)


async def test_async_download_cls(sample_package: ModuleType, fake_service: FakeService) -> None:
    payload = _content(fake_service)
    seen = _Seen()
    hooked: list[int] = []
    async with _client(sample_package, fake_service, aio=True) as client:
        _, chunks, _ = await client.files.get_content("f1", cls=seen, **_per_call(hooked))
        received = b"".join([chunk async for chunk in chunks])
    assert received == payload
    assert hooked == [200]
    _check_sent(fake_service)


def test_event_stream_cls_gets_the_event_iterator(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs/j1/events", _events)
    streamed, listed = _Seen(), _Seen()
    hooked: list[int] = []
    with _client(sample_package, fake_service) as client:
        _, events, _ = client.jobs.get_events("j1", stream=True, cls=streamed, **_per_call(hooked))
        messages = [event.message for event in events]
        _, page, _ = client.jobs.get_events("j1", cls=listed, **_per_call(hooked))
    assert messages == ["one", "two"]
    assert [event.message for event in page.data] == ["one"]
    assert streamed.calls[0][0].http_response.headers["x-trace"] == "t-1"
    assert listed.calls[0][0].http_response.status_code == 200
    assert hooked == [200, 200]
    _check_sent(fake_service)


async def test_async_event_stream_cls(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/sample/jobs/j1/events", _events)
    hooked: list[int] = []
    async with _client(sample_package, fake_service, aio=True) as client:
        _, events, _ = await client.jobs.get_events(
            "j1", stream=True, cls=_Seen(), **_per_call(hooked)
        )
        messages = [event.message async for event in events]
        _, page, _ = await client.jobs.get_events("j1", cls=_Seen(), **_per_call(hooked))
    assert messages == ["one", "two"] and page.data[0].message == "one"
    assert hooked == [200, 200]
    _check_sent(fake_service)


def test_stream_on_a_json_operation_returns_the_body_unread(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    body = {"id": "a", "status": "running"}
    fake_service.json("GET", "/sample/jobs/a", 200, body)
    with _client(sample_package, fake_service) as client:
        chunks = client.jobs.get("a", stream=True)
        assert json.loads(b"".join(chunks)) == body


@pytest.mark.parametrize(
    "keyword", [{"polling_interval": 1}, {"polling": False}, {"continuation_token": "x"}]
)
def test_a_keyword_of_another_operation_kind_is_refused(
    sample_package: ModuleType, fake_service: FakeService, keyword: dict[str, Any]
) -> None:
    with _client(sample_package, fake_service) as client, pytest.raises(TypeError) as error:
        client.jobs.get("a", **keyword)
    assert next(iter(keyword)) in str(error.value)
    assert fake_service.requests == []


def test_stream_on_a_paged_operation_is_refused(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    with _client(sample_package, fake_service) as client, pytest.raises(TypeError):
        client.jobs.list(stream=True)
