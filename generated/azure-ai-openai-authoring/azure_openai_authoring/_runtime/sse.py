"""Server-sent events (``text/event-stream``) read from a streamed response.

Follows the WHATWG event-stream rules: lines end in CRLF, LF or CR; ``data:`` lines of one
event are joined with newlines; a line starting with ``:`` is a comment; a blank line ends an
event; an event without data is not dispatched; ``retry:`` and ``id:`` are recorded.  Iteration
stops at the terminator event (``[DONE]``) or the end of the stream, and the response is closed
either way.  An ``event: error`` frame raises ``HttpResponseError`` with the response attached and
the frame's data read as the operation's error model (``error.model``), instead of passing the
error off as one more event.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, TypeVar

from azure.core.exceptions import HttpResponseError
from azure.core.rest import AsyncHttpResponse, HttpResponse

from ._pipeline import parse_error_model

__all__ = ["EventStreamDecoder", "aiter_events", "iter_events"]

T = TypeVar("T")


class EventStreamDecoder:
    """Incremental decoder: feed byte chunks, get the ``data`` of each complete event."""

    def __init__(self) -> None:
        self._pending = b""
        self._data: list[str] = []
        self._started = False
        self._trailing_cr = False
        self.event_type = ""
        self.last_event_id = ""
        self.retry: int | None = None
        self.dispatched_types: list[str] = []
        """Event type of each event returned so far, in order (``message`` when unnamed)."""

    def feed(self, chunk: bytes) -> list[str]:
        """The data of every event completed by ``chunk``."""
        if self._trailing_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]  # the LF of a CRLF split across chunks
        self._trailing_cr = chunk.endswith(b"\r")
        buffer = self._pending + chunk
        lines = buffer.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        self._pending = lines.pop()
        events: list[str] = []
        for raw in lines:
            data = self._line(raw.decode("utf-8", errors="replace"))
            if data is not None:
                events.append(data)
        return events

    def close(self) -> list[str]:
        """The data of a final event not followed by a blank line (lenient end of stream)."""
        events = self.feed(b"\n") if self._pending else []
        if self._data:
            events.append("\n".join(self._data))
            self._data = []
            self.dispatched_types.append(self.event_type or "message")
        return events

    def _line(self, line: str) -> str | None:
        if not self._started:
            self._started = True
            line = line.removeprefix("\ufeff")
        if not line:
            if not self._data:
                self.event_type = ""
                return None
            data = "\n".join(self._data)
            self._data = []
            self.dispatched_types.append(self.event_type or "message")
            self.event_type = ""
            return data
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self.event_type = value
        elif name == "id" and "\x00" not in value:
            self.last_event_id = value
        elif name == "retry" and value.isdigit():
            self.retry = int(value)
        return None


def _frames(decoder: EventStreamDecoder, data: list[str]) -> list[tuple[str, str]]:
    """``(event type, data)`` of the events ``data`` the decoder just returned."""
    types = decoder.dispatched_types[-len(data) :] if data else []
    return list(zip(types, data, strict=True))


def _check(event: str, data: str, response: Any, error_model: Any) -> None:
    if event == "error":
        raise HttpResponseError(
            message=f"The service sent an error event: {data[:500]}",
            response=response,
            model=parse_error_model(error_model, data.encode("utf-8")),
        )


def iter_events(
    response: HttpResponse,
    parse: Callable[[str], T],
    *,
    terminator: str = "[DONE]",
    error_model: Any = None,
) -> Iterator[T]:
    """``parse(data)`` for each event of a streamed ``HttpResponse`` until ``terminator``."""
    decoder = EventStreamDecoder()
    try:
        for chunk in response.iter_bytes():
            for event, data in _frames(decoder, decoder.feed(chunk)):
                _check(event, data, response, error_model)
                if data.strip() == terminator:
                    return
                yield parse(data)
        for event, data in _frames(decoder, decoder.close()):
            _check(event, data, response, error_model)
            if data.strip() == terminator:
                return
            yield parse(data)
    finally:
        response.close()


async def aiter_events(
    response: AsyncHttpResponse,
    parse: Callable[[str], T],
    *,
    terminator: str = "[DONE]",
    error_model: Any = None,
) -> AsyncIterator[T]:
    """Async :func:`iter_events` for a streamed ``AsyncHttpResponse``."""
    decoder = EventStreamDecoder()
    try:
        async for chunk in response.iter_bytes():
            for event, data in _frames(decoder, decoder.feed(chunk)):
                _check(event, data, response, error_model)
                if data.strip() == terminator:
                    return
                yield parse(data)
        for event, data in _frames(decoder, decoder.close()):
            _check(event, data, response, error_model)
            if data.strip() == terminator:
                return
            yield parse(data)
    finally:
        await response.close()
