"""Transports that record every exchange a generated client makes (sync and async).

They wrap azure-core's real transports, so requests really reach Prism; the recording lets a
test inspect each request and Prism's verdict on it (``sl-violations``), including the
requests a pager or a poller makes on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from azure.core.pipeline.transport import (
    AioHttpTransport,
    AsyncHttpTransport,
    HttpTransport,
    RequestsTransport,
)
from prism_server import request_violations


@dataclass
class Exchange:
    """One request and the status and headers it got."""

    method: str
    url: str
    request_headers: dict[str, str]
    status: int
    headers: dict[str, str]
    body: bytes | None  # None for streamed responses (left for the client to read)

    @property
    def violations(self) -> list[dict[str, Any]]:
        """Prism's request-side violations for this exchange."""
        return request_violations({k.lower(): v for k, v in self.headers.items()})


def _exchange(request: Any, response: Any, streamed: bool) -> Exchange:
    return Exchange(
        request.method,
        request.url,
        dict(request.headers),
        response.status_code,
        dict(response.headers),
        None if streamed else response.body(),
    )


class RecordingTransport(HttpTransport):
    """A requests-based transport that keeps every exchange."""

    def __init__(self) -> None:
        self.inner = RequestsTransport()
        self.exchanges: list[Exchange] = []

    def __enter__(self) -> RecordingTransport:
        self.inner.__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.inner.__exit__(*args)

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def send(self, request: Any, **kwargs: Any) -> Any:
        response = self.inner.send(request, **kwargs)
        self.exchanges.append(_exchange(request, response, bool(kwargs.get("stream"))))
        return response


class AsyncRecordingTransport(AsyncHttpTransport):
    """An aiohttp-based transport that keeps every exchange."""

    def __init__(self) -> None:
        self.inner = AioHttpTransport()
        self.exchanges: list[Exchange] = []

    async def __aenter__(self) -> AsyncRecordingTransport:
        await self.inner.__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.inner.__aexit__(*args)

    async def open(self) -> None:
        await self.inner.open()

    async def close(self) -> None:
        await self.inner.close()

    async def send(self, request: Any, **kwargs: Any) -> Any:
        response = await self.inner.send(request, **kwargs)
        self.exchanges.append(_exchange(request, response, bool(kwargs.get("stream"))))
        return response
