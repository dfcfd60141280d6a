"""The async client core against the fake service: the same behaviour as the sync twin."""

from __future__ import annotations

import io
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from azure.core.credentials import AccessToken
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.core.pipeline.transport import AioHttpTransport
from runtime_fake_server import API_KEY, DOWNLOAD, JOBS, TOKEN, FakeServer
from runtime_service import (
    CONFIG,
    AsyncFakeServiceClient,
    ErrorResponse,
    JobStatus,
    key,
)

from generator.runtime import AsyncClientCore
from generator.runtime.client import ClientCore


class RecordingAsyncTransport(AioHttpTransport):
    """Records the delays the pipeline asks for (retry-after, polling)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sleeps: list[float] = []

    async def sleep(self, duration: float) -> None:
        self.sleeps.append(duration)
        await super().sleep(duration)


class FakeAsyncTokenCredential:
    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken(TOKEN, int(time.time()) + 3600)

    async def close(self) -> None:
        return None


class FakeSyncTokenCredential:
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return AccessToken(TOKEN, int(time.time()) + 3600)


def make_client(
    server: FakeServer, credential: Any = None, **kwargs: Any
) -> AsyncFakeServiceClient:
    return AsyncFakeServiceClient(
        server.state.base_url, credential or key(), retry_backoff_factor=0, **kwargs
    )


async def test_key_and_user_agent(server: FakeServer) -> None:
    async with make_client(server) as client:
        job = await client.get_job("job-1")
    assert job.id == "job-1"
    seen = server.state.headers[-1]
    assert seen["api-key"] == API_KEY
    assert seen["User-Agent"].startswith("azsdk-python-ai-openai-authoring/0.1.0 ")


async def test_async_token_credential_sent_as_bearer(server: FakeServer) -> None:
    credential = FakeAsyncTokenCredential()
    async with make_client(server, credential) as client:
        job = await client.get_job("job-2", enforce_https=False)
    assert job.id == "job-2"
    assert server.state.headers[-1]["Authorization"] == f"Bearer {TOKEN}"
    assert credential.scopes == [("https://cognitiveservices.azure.com/.default",)]


def test_credential_kinds_are_checked_for_each_flavour() -> None:
    with pytest.raises(TypeError, match="synchronous credential"):
        AsyncClientCore(
            "https://x.example", FakeSyncTokenCredential(), config=CONFIG, api_version="1"
        )
    with pytest.raises(TypeError, match="async credential"):
        ClientCore("https://x.example", FakeAsyncTokenCredential(), config=CONFIG, api_version="1")
    with pytest.raises(TypeError, match="credential is required"):
        AsyncClientCore("https://x.example", None, config=CONFIG, api_version="1")  # type: ignore[arg-type]


async def test_404_carries_typed_model(server: FakeServer) -> None:
    async with make_client(server) as client:
        with pytest.raises(ResourceNotFoundError) as caught:
            await client.get_job("missing")
    assert isinstance(caught.value.model, ErrorResponse)
    assert caught.value.model.error.message == "job missing does not exist"


async def test_429_is_retried_after_the_retry_after_delay(server: FakeServer) -> None:
    transport = RecordingAsyncTransport()
    async with make_client(server, transport=transport) as client:
        job = await client.get_job("flaky")
    assert job.id == "job-1"
    assert server.state.hits["flaky"] == 2
    assert transport.sleeps == [0.05]


async def test_persistent_503_is_raised_after_retries(server: FakeServer) -> None:
    async with make_client(server, retry_total=1) as client:
        with pytest.raises(HttpResponseError) as caught:
            await client.get_job("broken")
    assert caught.value.status_code == 503
    assert server.state.hits["broken"] == 2


async def test_cursor_and_next_link_paging(server: FakeServer) -> None:
    async with make_client(server) as client:
        jobs = [job async for job in client.list_jobs(limit=2)]
        resumed = []
        async for page in client.list_jobs(limit=3).by_page(continuation_token="job-1"):
            resumed.append([job.id async for job in page])
        names = [item.name async for item in client.list_items()]
    assert [job.id for job in jobs] == [job["id"] for job in JOBS]
    assert jobs[0].status is JobStatus.SUCCEEDED
    assert jobs[1].status == "paused_by_ops"
    assert resumed == [["job-2", "job-3", "job-4"], ["job-5"]]
    assert names == ["a", "b", "c", "d", "e"]


async def test_lro_returns_final_body_and_resumes(server: FakeServer) -> None:
    transport = RecordingAsyncTransport()
    async with make_client(server, transport=transport) as client:
        poller = await client.begin_generate("a cat")
        result = await poller.result()
        token = (await client.begin_generate("a dog")).continuation_token()
        resumed = await (await client.begin_generate("x", continuation_token=token)).result()
    assert poller.status() == "succeeded"
    assert result.result is not None
    assert [image.url for image in result.result.data] == ["https://img/1.png", "https://img/2.png"]
    assert result.result.created == datetime.fromtimestamp(1_700_000_000, timezone.utc)
    assert transport.sleeps[0] == 0.05
    assert resumed.status == "succeeded"


async def test_failed_lro_raises_with_typed_error_model(server: FakeServer) -> None:
    async with make_client(server) as client:
        poller = await client.begin_generate("forbidden")
        with pytest.raises(HttpResponseError) as caught:
            await poller.result()
    assert isinstance(caught.value.model, ErrorResponse)
    assert caught.value.model.error.message == "the prompt was filtered"


async def test_sse_events_until_done(server: FakeServer) -> None:
    async with make_client(server) as client:
        events = [event async for event in await client.get_events("job-1")]
    assert [event.id for event in events] == ["e1", "e2", "e3"]
    assert events[1].message == "two\nlines"


async def test_upload_and_download(server: FakeServer, tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"a,b\n1,2\n")
    async with make_client(server) as client:
        from_path = await client.upload_file(path, purpose="fine-tune")
        from_bytes = await client.upload_file(b"123", purpose="fine-tune")
        from_buffer = await client.upload_file(io.BytesIO(b"12345"), purpose="fine-tune")
        chunks = [chunk async for chunk in await client.download("file-1")]
    assert (from_path.filename, from_path.content_type, from_path.size) == (
        "data.csv",
        "text/csv",
        8,
    )
    assert (from_bytes.filename, from_bytes.content_type) == ("file", "application/octet-stream")
    assert from_buffer.size == 5
    assert b"".join(chunks) == DOWNLOAD
