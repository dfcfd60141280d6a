"""The sync client core against the fake service: auth, retries, errors, paging, LRO, SSE, files."""

from __future__ import annotations

import io
import logging
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from azure.core.credentials import AccessToken, AzureKeyCredential
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from azure.core.pipeline.transport import RequestsTransport
from runtime_fake_server import API_KEY, DOWNLOAD, JOBS, TOKEN, FakeServer
from runtime_service import ErrorResponse, FakeServiceClient, Job, JobStatus, key

from generator.runtime import ClientCore, ServiceConfig


class RecordingTransport(RequestsTransport):
    """Records the delays the pipeline asks for (retry-after, polling) instead of guessing."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sleeps: list[float] = []

    def sleep(self, duration: float) -> None:
        self.sleeps.append(duration)
        super().sleep(duration)


class FakeTokenCredential:
    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken(TOKEN, int(time.time()) + 3600)


def make_client(server: FakeServer, credential: Any = None, **kwargs: Any) -> FakeServiceClient:
    return FakeServiceClient(
        server.state.base_url, credential or key(), retry_backoff_factor=0, **kwargs
    )


def test_key_credential_sent_in_api_key_header_with_user_agent(server: FakeServer) -> None:
    with make_client(server) as client:
        job = client.get_job("job-1")
    assert job.id == "job-1"
    seen = server.state.headers[-1]
    assert seen["api-key"] == API_KEY
    assert seen["User-Agent"].startswith("azsdk-python-ai-openai-authoring/0.1.0 ")
    assert "x-ms-client-request-id" in seen
    assert "Authorization" not in seen


def test_token_credential_sent_as_bearer_with_scopes(server: FakeServer) -> None:
    credential = FakeTokenCredential()
    with make_client(server, credential) as client:
        # Bearer tokens are refused over plain http unless the caller opts out (tests only).
        job = client.get_job("job-2", enforce_https=False)
    assert job.id == "job-2"
    assert server.state.headers[-1]["Authorization"] == f"Bearer {TOKEN}"
    assert credential.scopes == [("https://cognitiveservices.azure.com/.default",)]


def test_unsupported_credentials_are_type_errors() -> None:
    with pytest.raises(TypeError, match="AzureKeyCredential or a TokenCredential"):
        FakeServiceClient("https://x.example", "a plain string key")
    keyless = ServiceConfig("{endpoint}/openai", None, ("scope/.default",), "x/1")
    with pytest.raises(TypeError, match="does not accept an AzureKeyCredential"):
        ClientCore("https://x.example", key(), config=keyless, api_version="1")
    tokenless = ServiceConfig("{endpoint}/openai", "api-key", (), "x/1")
    with pytest.raises(TypeError, match="takes no bearer token"):
        ClientCore("https://x.example", FakeTokenCredential(), config=tokenless, api_version="1")


def test_wrong_key_raises_client_authentication_error_with_model(server: FakeServer) -> None:
    client = make_client(server, AzureKeyCredential("wrong"))
    with client, pytest.raises(ClientAuthenticationError) as caught:
        client.get_job("job-1")
    assert isinstance(caught.value.model, ErrorResponse)
    assert caught.value.model.error.code == "Unauthorized"


def test_404_raises_resource_not_found_with_typed_error_model(server: FakeServer) -> None:
    with make_client(server) as client, pytest.raises(ResourceNotFoundError) as caught:
        client.get_job("missing")
    error = caught.value
    assert error.status_code == 404
    assert isinstance(error.model, ErrorResponse)
    assert error.model.error.code == "NotFound"
    assert error.model.error.inner_error is not None
    assert error.model.error.inner_error.code == "Inner"
    assert "job missing does not exist" in str(error)


def test_unparseable_error_body_gives_no_model(server: FakeServer) -> None:
    with make_client(server) as client, pytest.raises(ResourceExistsError) as caught:
        client.get_job("conflict")
    assert caught.value.model is None
    assert caught.value.status_code == 409


def test_429_is_retried_after_the_retry_after_delay(server: FakeServer) -> None:
    transport = RecordingTransport()
    with make_client(server, transport=transport) as client:
        job = client.get_job("flaky")
    assert job.id == "job-1"
    assert server.state.hits["flaky"] == 2
    assert transport.sleeps == [0.05]


def test_persistent_503_is_retried_then_raised(server: FakeServer) -> None:
    client = make_client(server, retry_total=2)
    with client, pytest.raises(HttpResponseError) as caught:
        client.get_job("broken")
    assert caught.value.status_code == 503
    assert server.state.hits["broken"] == 3
    assert isinstance(caught.value.model, ErrorResponse)


def test_per_call_headers_and_request_id(server: FakeServer) -> None:
    hook_statuses: list[int] = []
    with make_client(server) as client:
        client.get_job(
            "job-1",
            headers={"x-custom": "yes"},
            request_id="my-request-id",
            raw_response_hook=lambda response: hook_statuses.append(
                response.http_response.status_code
            ),
        )
    seen = server.state.headers[-1]
    assert seen["x-custom"] == "yes"
    assert seen["x-ms-client-request-id"] == "my-request-id"
    assert hook_statuses == [200]


def test_logging_never_writes_the_key(server: FakeServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with make_client(server, logging_enable=True) as client:
        client.get_job("job-1")
        client.upload_file(b"secret file content", purpose="fine-tune")
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "api-key" in text  # the header is logged ...
    assert API_KEY not in text  # ... but never its value
    assert "File upload" in text and "secret file content" not in text


def test_build_request_encodes_path_adds_version_and_formats_query(server: FakeServer) -> None:
    with make_client(server) as client:
        seen = client.echo("a b/c", flag=True, when=datetime(2024, 1, 2, tzinfo=timezone.utc))
        raw = client.echo("a/b", skip=True, status=JobStatus.RUNNING, dropped=None)
    assert seen["raw_path"].startswith("/openai/echo/a%20b%2Fc?")
    assert dict(seen["query"]) == {
        "api-version": "2024-01-01-test",
        "flag": "true",
        "when": "2024-01-02T00:00:00Z",
    }
    assert raw["raw_path"].startswith("/openai/echo/a/b?")
    assert dict(raw["query"]) == {"api-version": "2024-01-01-test", "status": "running"}


def test_cursor_paging_follows_after_while_has_more(server: FakeServer) -> None:
    with make_client(server) as client:
        jobs = list(client.list_jobs(limit=2))
        pages = client.list_jobs(limit=2).by_page(continuation_token="job-2")
        resumed = [[job.id for job in page] for page in pages]
    assert [job.id for job in jobs] == [job["id"] for job in JOBS]
    assert jobs[0].status is JobStatus.SUCCEEDED  # "SUCCEEDED" matched case-insensitively
    assert jobs[1].status == "paused_by_ops" and type(jobs[1].status) is str  # unknown value
    assert jobs[2].status is JobStatus.RUNNING
    assert jobs[0].created_at == datetime.fromtimestamp(1_700_000_001, timezone.utc)
    assert jobs[0].as_dict()["extra_field"] == {"kept": 1}
    assert resumed == [["job-3", "job-4"], ["job-5"]]


def test_next_link_paging(server: FakeServer) -> None:
    with make_client(server) as client:
        names = [item.name for item in client.list_items()]
        pages = client.list_items().by_page()
        first = [item.name for item in next(pages)]
        token = pages.continuation_token
    assert names == ["a", "b", "c", "d", "e"]
    assert first == ["a", "b"]
    assert token is not None and "page=2" in token


def test_lro_polls_operation_location_and_returns_final_body(server: FakeServer) -> None:
    transport = RecordingTransport()
    with make_client(server, transport=transport) as client:
        poller = client.begin_generate("a cat")
        result = poller.result()
    assert poller.status() == "succeeded"
    assert result.result is not None
    assert [image.url for image in result.result.data] == ["https://img/1.png", "https://img/2.png"]
    assert result.result.created == datetime.fromtimestamp(1_700_000_000, timezone.utc)
    assert result.as_dict()["expires"] == 1_700_086_400  # unknown field kept
    assert server.state.polls == 2
    assert transport.sleeps == [0.05]  # the running status asked for 0.05 s


def test_failed_lro_raises_with_typed_error_model(server: FakeServer) -> None:
    with make_client(server) as client:
        poller = client.begin_generate("forbidden")
        with pytest.raises(HttpResponseError) as caught:
            poller.result()
    assert isinstance(caught.value.model, ErrorResponse)
    assert caught.value.model.error.code == "contentFilter"
    assert poller.status() == "failed"


def test_lro_resumes_from_continuation_token(server: FakeServer) -> None:
    with make_client(server) as client:
        token = client.begin_generate("a dog").continuation_token()
        resumed = client.begin_generate("ignored", continuation_token=token)
        result = resumed.result()
    assert result.status == "succeeded"
    assert result.result is not None and len(result.result.data) == 2


def test_sse_events_are_parsed_until_done(server: FakeServer) -> None:
    with make_client(server) as client:
        events = list(client.get_events("job-1"))
    assert [(event.id, event.message) for event in events] == [
        ("e1", "one"),
        ("e2", "two\nlines"),
        ("e3", "three"),
    ]


def test_upload_from_path_bytes_file_object_and_tuple(server: FakeServer, tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"prompt": "a"}\n')
    with make_client(server) as client:
        from_path = client.upload_file(path, purpose="fine-tune")
        from_str = client.upload_file(str(path), purpose="fine-tune")
        from_bytes = client.upload_file(b"raw data", purpose="assistants")
        with path.open("rb") as handle:
            from_handle = client.upload_file(handle, purpose="fine-tune")
        from_buffer = client.upload_file(io.BytesIO(b"xyz"), purpose="fine-tune")
        from_tuple = client.upload_file(("x.txt", b"hello", "text/plain"), purpose="fine-tune")
    assert (from_path.filename, from_path.content_type, from_path.size) == (
        "train.jsonl",
        "application/jsonl",
        16,
    )
    assert from_str.filename == "train.jsonl"
    assert (from_bytes.filename, from_bytes.content_type) == ("file", "application/octet-stream")
    assert (from_handle.filename, from_handle.size) == ("train.jsonl", 16)
    assert (from_buffer.filename, from_buffer.size) == ("file", 3)
    assert (from_tuple.filename, from_tuple.content_type, from_tuple.purpose) == (
        "x.txt",
        "text/plain",
        "fine-tune",
    )


def test_download_streams_bytes(server: FakeServer) -> None:
    with make_client(server) as client:
        chunks = list(client.download("file-1"))
    assert b"".join(chunks) == DOWNLOAD


def test_job_model_from_service_round_trips(server: FakeServer) -> None:
    with make_client(server) as client:
        job = client.get_job("job-3")
    assert isinstance(job, Job)
    assert job.as_dict() == JOBS[2]
