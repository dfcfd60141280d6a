"""Event-stream parsing rules and file-part construction, without a server."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from azure.core.exceptions import HttpResponseError

from generator.runtime import EventStreamDecoder, Model, aiter_events, file_part, iter_events
from generator.runtime.multipart import PathSource


def decode(*chunks: bytes) -> list[str]:
    decoder = EventStreamDecoder()
    events = [data for chunk in chunks for data in decoder.feed(chunk)]
    return events + decoder.close()


def test_multi_line_data_comments_and_field_rules() -> None:
    stream = b": keep-alive\ndata: a\ndata:b\ndata:  c\nevent: x\nid: 7\nretry: 10\nignored\n\n"
    decoder = EventStreamDecoder()
    assert decoder.feed(stream) == ["a\nb\n c"]
    assert (decoder.dispatched_types, decoder.last_event_id, decoder.retry) == (["x"], "7", 10)


def test_crlf_cr_and_lf_line_endings_even_when_split_across_chunks() -> None:
    assert decode(b"data: 1\r", b"\n\r", b"\ndata: 2\r\rdata: 3\n\n") == ["1", "2", "3"]
    whole = b"data: one\r\n\r\ndata: two\r\n\r\n"
    for size in range(1, len(whole)):
        chunks = [whole[start : start + size] for start in range(0, len(whole), size)]
        assert decode(*chunks) == ["one", "two"], size


def test_events_without_data_are_not_dispatched_and_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfdata: x\n\nevent: ping\n\n\n: only a comment\n\n") == ["x"]


def test_final_event_without_blank_line_is_still_delivered() -> None:
    assert decode(b"data: last") == ["last"]


def test_utf8_split_inside_a_character() -> None:
    encoded = "data: h\u00e9llo \u2713\n\n".encode()
    assert decode(encoded[:9], encoded[9:]) == ["h\u00e9llo \u2713"]


class FakeResponse:
    def __init__(self, body: bytes) -> None:
        self.body = body
        self.closed = False

    def iter_bytes(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), 5):
            yield self.body[start : start + 5]

    def close(self) -> None:
        self.closed = True


class FakeAsyncResponse(FakeResponse):
    async def iter_bytes(self) -> AsyncIterator[bytes]:  # type: ignore[override]
        for start in range(0, len(self.body), 5):
            yield self.body[start : start + 5]

    async def close(self) -> None:  # type: ignore[override]
        self.closed = True


BODY = b"data: 1\n\ndata: 2\n\ndata: [DONE]\n\ndata: 3\n\n"


def test_iteration_stops_at_done_and_closes_the_response() -> None:
    response = FakeResponse(BODY)
    assert list(iter_events(response, int)) == [1, 2]  # type: ignore[arg-type]
    assert response.closed


def test_abandoned_iteration_still_closes_the_response() -> None:
    response = FakeResponse(BODY)
    events = iter_events(response, int)  # type: ignore[arg-type]
    assert next(events) == 1
    events.close()
    assert response.closed


async def test_async_iteration_stops_at_done_and_closes() -> None:
    response = FakeAsyncResponse(BODY)
    assert [value async for value in aiter_events(response, int)] == [1, 2]  # type: ignore[arg-type]
    assert response.closed


def test_file_part_from_each_input_kind(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(b"{}\n")
    name, source, content_type = file_part(path, field="file")
    assert (name, content_type) == ("notes.jsonl", "application/jsonl")
    assert isinstance(source, PathSource) and source.path == str(path)  # opened while sending
    assert file_part(str(path), field="file", content_type="text/plain")[2] == "text/plain"
    assert file_part(b"raw", field="file") == ("file", b"raw", "application/octet-stream")
    buffer = io.BytesIO(b"abc")
    assert file_part(buffer, field="upload") == ("upload", buffer, "application/octet-stream")
    with path.open("rb") as handle:
        name, content, content_type = file_part(handle, field="file")
        assert (name, content, content_type) == ("notes.jsonl", handle, "application/jsonl")
    assert file_part(("a.png", b"x", ""), field="f") == ("a.png", b"x", "image/png")
    assert file_part(("a.bin", b"x", "my/type"), field="f") == ("a.bin", b"x", "my/type")


def test_file_part_rejects_other_values() -> None:
    with pytest.raises(TypeError, match="expected a path, bytes"):
        file_part(42, field="file")  # type: ignore[arg-type]


class _FakeStream:
    """A streamed response holding ``body``, for the event iterators."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.closed = False
        self.status_code = 200
        self.headers: dict[str, str] = {}
        self.reason = "OK"
        self.request = None

    def iter_bytes(self) -> Iterator[bytes]:
        yield from (self.body[i : i + 5] for i in range(0, len(self.body), 5))

    def text(self) -> str:
        return ""

    def close(self) -> None:
        self.closed = True


class _StreamError(Model):
    code: str | None = None
    message: str | None = None


def test_an_error_frame_raises_the_typed_error_after_the_events_before_it() -> None:
    body = (
        b': comment\ndata: {"n": 1}\n\n'
        b'event: error\ndata: {"code": "rate_limit",\ndata: "message": "slow down"}\n\n'
        b"data: [DONE]\n\n"
    )
    response = _FakeStream(body)
    seen: list[str] = []
    with pytest.raises(HttpResponseError) as caught:
        for event in iter_events(response, str, error_model=_StreamError):  # type: ignore[arg-type]
            seen.append(event)
    assert seen == ['{"n": 1}']
    assert isinstance(caught.value.model, _StreamError)
    assert caught.value.model.code == "rate_limit" and response.closed
