"""Byte streams for file downloads: chunks straight from the response, closed at the end."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from azure.core.rest import AsyncHttpResponse, HttpResponse

__all__ = ["aiter_bytes", "iter_bytes"]


def iter_bytes(response: HttpResponse) -> Iterator[bytes]:
    """The body of a streamed ``HttpResponse``, decompressed, chunk by chunk."""
    try:
        yield from response.iter_bytes()
    finally:
        response.close()


async def aiter_bytes(response: AsyncHttpResponse) -> AsyncIterator[bytes]:
    """Async :func:`iter_bytes` for a streamed ``AsyncHttpResponse``."""
    try:
        async for chunk in response.iter_bytes():
            yield chunk
    finally:
        await response.close()
