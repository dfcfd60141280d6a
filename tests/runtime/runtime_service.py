"""A small client written the way generated code uses the runtime, for the runtime tests.

Models, enums and one sync and one async client over the fake service in
``runtime_fake_server.py``; each method follows the calling conventions of the runtime contract.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from enum import Enum
from typing import Any, ClassVar, Literal

from azure.core.async_paging import AsyncItemPaged
from azure.core.credentials import AzureKeyCredential
from azure.core.paging import ItemPaged
from azure.core.polling import AsyncLROPoller, LROPoller
from pydantic import Field

from generator.runtime import (
    AsyncClientCore,
    CaseInsensitiveEnumMeta,
    ClientCore,
    Extensible,
    FileInput,
    Model,
    PolymorphicModel,
    ServiceConfig,
    UnixTime,
    aiter_bytes,
    aiter_events,
    async_begin_operation,
    async_cursor_paged,
    async_next_link_paged,
    begin_operation,
    cursor_paged,
    deserialize,
    file_part,
    iter_bytes,
    iter_events,
    next_link_paged,
)

API_VERSION = "2024-01-01-test"
CONFIG = ServiceConfig(
    host_template="{endpoint}/openai",
    api_key_header="api-key",
    scopes=("https://cognitiveservices.azure.com/.default",),
    sdk_moniker="ai-openai-authoring/0.1.0",
    api_version_parameter="api-version",
)


class JobStatus(str, Enum, metaclass=CaseInsensitiveEnumMeta):
    RUNNING = "running"
    SUCCEEDED = "succeeded"


class InnerError(Model):
    code: str | None = Field(default=None, alias="code")


class Error(Model):
    code: str = Field(alias="code")
    message: str = Field(alias="message")
    inner_error: InnerError | None = Field(default=None, alias="innererror")


class ErrorResponse(Model):
    error: Error = Field(alias="error")


class Hyperparameters(Model):
    n_epochs: int | None = Field(default=None, alias="n_epochs")


class Job(Model):
    id: str = Field(alias="id")
    status: Extensible[JobStatus] = Field(alias="status")
    created_at: UnixTime = Field(alias="created_at")
    hyperparameters: Hyperparameters | None = Field(default=None, alias="hyperparameters")


class JobList(Model):
    data: list[Job] = Field(alias="data")
    has_more: bool | None = Field(default=None, alias="has_more")


class Item(Model):
    name: str = Field(alias="name")


class ItemPage(Model):
    value: list[Item] = Field(alias="value")
    next_link: str | None = Field(default=None, alias="nextLink")


class ImageUrl(Model):
    url: str | None = Field(default=None, alias="url")


class ImageResult(Model):
    created: UnixTime = Field(alias="created")
    data: list[ImageUrl] = Field(alias="data")


class ImageOperation(Model):
    id: str = Field(alias="id")
    status: str = Field(alias="status")
    result: ImageResult | None = Field(default=None, alias="result")


class Event(Model):
    id: str = Field(alias="id")
    message: str = Field(alias="message")


class File(Model):
    id: str = Field(alias="id")
    filename: str = Field(alias="filename")
    content_type: str = Field(alias="content_type")
    size: int = Field(alias="bytes")
    purpose: str = Field(alias="purpose")


class IngestionJob(PolymorphicModel):
    __discriminator__: ClassVar[str] = "kind"
    kind: str = Field(alias="kind")
    job_id: str | None = Field(default=None, alias="jobId")

    def __init__(self, *, kind: str, job_id: str | None = None, **kwargs: Any) -> None:
        super().__init__(kind=kind, job_id=job_id, **kwargs)


class SystemComputeJob(IngestionJob):
    kind: Literal["SystemCompute"] = Field(default="SystemCompute", alias="kind")
    data_ref: str | None = Field(default=None, alias="dataRef")

    def __init__(
        self, *, job_id: str | None = None, data_ref: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(kind="SystemCompute", job_id=job_id, data_ref=data_ref, **kwargs)


class UserComputeJob(IngestionJob):
    kind: Literal["UserCompute"] = Field(default="UserCompute", alias="kind")
    workers: int | None = Field(default=None, alias="workers")


IngestionJob.register_subtypes({"SystemCompute": SystemComputeJob, "UserCompute": UserComputeJob})


def _json(tp: Any, response: Any) -> Any:
    return deserialize(tp, response.content)


class FakeServiceClient:
    """Sync client in the shape a generated client has."""

    def __init__(
        self, endpoint: str, credential: Any, *, api_version: str = API_VERSION, **kwargs: Any
    ) -> None:
        self._core = ClientCore(
            endpoint, credential, config=CONFIG, api_version=api_version, **kwargs
        )

    def close(self) -> None:
        self._core.close()

    def __enter__(self) -> FakeServiceClient:
        self._core.__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self._core.__exit__(*args)

    def get_job(self, job_id: str, **kwargs: Any) -> Job:
        request = self._core.build_request("GET", "/jobs/{job-id}", path_params={"job-id": job_id})
        response = self._core.send(request, expected=(200,), error_model=ErrorResponse, **kwargs)
        result: Job = _json(Job, response)
        return result

    def list_jobs(self, *, limit: int | None = None, **kwargs: Any) -> ItemPaged[Job]:
        def fetch(after: str | None) -> JobList:
            request = self._core.build_request(
                "GET", "/jobs", query={"after": after, "limit": limit}
            )
            response = self._core.send(
                request, expected=(200,), error_model=ErrorResponse, **kwargs
            )
            page: JobList = _json(JobList, response)
            return page

        return cursor_paged(
            fetch, items=lambda p: p.data, has_more=lambda p: p.has_more, cursor=lambda j: j.id
        )

    def list_items(self, **kwargs: Any) -> ItemPaged[Item]:
        def fetch(link: str | None) -> ItemPage:
            request = self._core.build_request("GET", link or "/items")
            response = self._core.send(request, expected=(200,), **kwargs)
            page: ItemPage = _json(ItemPage, response)
            return page

        return next_link_paged(fetch, items=lambda p: p.value, next_link=lambda p: p.next_link)

    def begin_generate(
        self,
        prompt: str,
        *,
        polling_interval: float = 0.0,
        continuation_token: str | None = None,
        **kwargs: Any,
    ) -> LROPoller[ImageOperation]:
        def initial() -> Any:
            request = self._core.build_request(
                "POST", "/images/generations:submit", json={"prompt": prompt}
            )
            return self._core.send_raw(
                request, expected=(202,), error_model=ErrorResponse, **kwargs
            )

        poller: LROPoller[ImageOperation] = begin_operation(
            self._core,
            initial,
            ImageOperation,
            polling_interval=polling_interval,
            continuation_token=continuation_token,
            errors={"default": ErrorResponse},
            failed=("deleted",),
        )
        return poller

    def get_events(self, job_id: str, **kwargs: Any) -> Iterator[Event]:
        request = self._core.build_request(
            "GET", "/jobs/{job-id}/events", path_params={"job-id": job_id}, query={"stream": True}
        )
        response = self._core.send(request, expected=(200,), stream=True, **kwargs)
        return iter_events(response, lambda data: Event.model_validate_json(data))

    def upload_file(self, file: FileInput, *, purpose: str, **kwargs: Any) -> File:
        request = self._core.build_request(
            "POST",
            "/files",
            files={"file": file_part(file, field="file")},
            data={"purpose": purpose},
        )
        response = self._core.send(request, expected=(201,), error_model=ErrorResponse, **kwargs)
        result: File = _json(File, response)
        return result

    def download(self, file_id: str, **kwargs: Any) -> Iterator[bytes]:
        request = self._core.build_request(
            "GET", "/files/{file-id}/content", path_params={"file-id": file_id}
        )
        response = self._core.send(request, expected=(200,), stream=True, **kwargs)
        return iter_bytes(response)

    def echo(self, name: str, *, skip: bool = False, **query: Any) -> dict[str, Any]:
        request = self._core.build_request(
            "GET",
            "/echo/{name}",
            path_params={"name": name},
            skip_encoding=("name",) if skip else (),
            query=query,
        )
        response = self._core.send(request, expected=(200,))
        result: dict[str, Any] = json.loads(response.content)
        return result


class AsyncFakeServiceClient:
    """Async twin of :class:`FakeServiceClient`."""

    def __init__(
        self, endpoint: str, credential: Any, *, api_version: str = API_VERSION, **kwargs: Any
    ) -> None:
        self._core = AsyncClientCore(
            endpoint, credential, config=CONFIG, api_version=api_version, **kwargs
        )

    async def close(self) -> None:
        await self._core.close()

    async def __aenter__(self) -> AsyncFakeServiceClient:
        await self._core.__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self._core.__aexit__(*args)

    async def get_job(self, job_id: str, **kwargs: Any) -> Job:
        request = self._core.build_request("GET", "/jobs/{job-id}", path_params={"job-id": job_id})
        response = await self._core.send(
            request, expected=(200,), error_model=ErrorResponse, **kwargs
        )
        await response.read()
        result: Job = _json(Job, response)
        return result

    def list_jobs(self, *, limit: int | None = None, **kwargs: Any) -> AsyncItemPaged[Job]:
        async def fetch(after: str | None) -> JobList:
            request = self._core.build_request(
                "GET", "/jobs", query={"after": after, "limit": limit}
            )
            response = await self._core.send(request, expected=(200,), **kwargs)
            await response.read()
            page: JobList = _json(JobList, response)
            return page

        return async_cursor_paged(
            fetch, items=lambda p: p.data, has_more=lambda p: p.has_more, cursor=lambda j: j.id
        )

    def list_items(self, **kwargs: Any) -> AsyncItemPaged[Item]:
        async def fetch(link: str | None) -> ItemPage:
            request = self._core.build_request("GET", link or "/items")
            response = await self._core.send(request, expected=(200,), **kwargs)
            await response.read()
            page: ItemPage = _json(ItemPage, response)
            return page

        return async_next_link_paged(
            fetch, items=lambda p: p.value, next_link=lambda p: p.next_link
        )

    async def begin_generate(
        self,
        prompt: str,
        *,
        polling_interval: float = 0.0,
        continuation_token: str | None = None,
        **kwargs: Any,
    ) -> AsyncLROPoller[ImageOperation]:
        async def initial() -> Any:
            request = self._core.build_request(
                "POST", "/images/generations:submit", json={"prompt": prompt}
            )
            return await self._core.send_raw(request, expected=(202,), **kwargs)

        poller: AsyncLROPoller[ImageOperation] = await async_begin_operation(
            self._core,
            initial,
            ImageOperation,
            polling_interval=polling_interval,
            continuation_token=continuation_token,
            errors={"default": ErrorResponse},
            failed=("deleted",),
        )
        return poller

    async def get_events(self, job_id: str, **kwargs: Any) -> AsyncIterator[Event]:
        request = self._core.build_request(
            "GET", "/jobs/{job-id}/events", path_params={"job-id": job_id}, query={"stream": True}
        )
        response = await self._core.send(request, expected=(200,), stream=True, **kwargs)
        return aiter_events(response, lambda data: Event.model_validate_json(data))

    async def upload_file(self, file: FileInput, *, purpose: str, **kwargs: Any) -> File:
        request = self._core.build_request(
            "POST",
            "/files",
            files={"file": file_part(file, field="file")},
            data={"purpose": purpose},
        )
        response = await self._core.send(
            request, expected=(201,), error_model=ErrorResponse, **kwargs
        )
        await response.read()
        result: File = _json(File, response)
        return result

    async def download(self, file_id: str, **kwargs: Any) -> AsyncIterator[bytes]:
        request = self._core.build_request(
            "GET", "/files/{file-id}/content", path_params={"file-id": file_id}
        )
        response = await self._core.send(request, expected=(200,), stream=True, **kwargs)
        return aiter_bytes(response)


def key(value: str = "secret-key") -> AzureKeyCredential:
    return AzureKeyCredential(value)
