"""Replay every ``x-ms-examples`` file in the mirror through the generated sync and async clients.

For each example: its ``parameters`` become the method's arguments (the JSON body through the
generated model class), and the request the client sends must carry exactly the example's
method, path, query, headers and body.  The example's success response, answered by a replay
transport (:mod:`replay_transport`), must come back as the declared type and serialize to the
example body without losing or changing a field (unknown fields included); the only
normalisation allowed is the spelling of one RFC 3339 instant.

Known differences between examples and their spec, each asserted so a new one fails:

* ``2025-02-01-preview/upload_file_start.json`` answers ``201``; the spec declares only ``200``
  for ``UploadFile_Start``.  The spec is the contract: the replay answers ``200`` with the body.
* ``upload_file_start.json`` and ``upload_file_complete.json`` name the body parameter
  ``body``; the spec calls it ``requestBody``.  ``post_batch.json`` calls it
  ``batchCreateRequest``; the spec calls it ``createBatchRequest``.
* ``2023-10-01-preview/post_images_generate.json`` returns an ``operation-location`` with
  ``api-version=2023-08-01-preview``: the poller must follow that URL as given.
"""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from json_compare import json_differences
from replay_support import (
    ExampleCase,
    client_class,
    compiled,
    example_cases,
    python_type,
    version_module,
)
from replay_transport import Canned, replay_transport

from generator import ir

UNDECLARED_STATUS = {("2025-02-01-preview", "upload_file_start.json"): (201, 200)}
BODY_PARAMETER_ALIASES = {
    ("2025-02-01-preview", "upload_file_start.json"): "body",
    ("2025-02-01-preview", "upload_file_complete.json"): "body",
    ("2025-02-01-preview", "post_batch.json"): "batchCreateRequest",
}
ENDPOINT = "https://aoairesource.openai.azure.com"


class Replay:
    """One example, its operation in the IR, and the generated code that runs it."""

    def __init__(self, case: ExampleCase) -> None:
        self.case = case
        self.key = (case.version, case.path.name)
        self.api = compiled(case.version)
        self.models = version_module(case.version, ".models")
        self.runtime = __import__("azure_openai_authoring._runtime", fromlist=["serialize"])
        self.group, self.op = next(
            (g, o)
            for g in self.api.groups
            for o in g.operations
            if o.operation_id == case.operation_id
        )
        example = case.data
        self.params = {k.lower(): v for k, v in example["parameters"].items()}
        self.responses = example["responses"]

    # -- request --------------------------------------------------------------------------

    def body_value(self) -> Any:
        body = self.op.body
        assert isinstance(body, ir.JsonBody)
        name = BODY_PARAMETER_ALIASES.get(self.key, body.wire_name).lower()
        assert name in self.params, f"the example has no body parameter {name!r}"
        return self.params[name]

    def arguments(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for param in self.op.parameters:
            if not param.client_level and param.wire_name.lower() in self.params:
                kwargs[param.py_name] = self.params[param.wire_name.lower()]
        body = self.op.body
        if isinstance(body, ir.JsonBody):
            raw = self.body_value()
            kwargs[body.py_name] = self.runtime.deserialize(self.python_type(body.type), raw)
        elif isinstance(body, ir.MultipartBody):
            for part in body.fields:
                value = self.params.get(part.wire_name.lower())
                if value is None:
                    continue
                if part.is_file:
                    value = ("upload.jsonl", str(value).encode(), "application/octet-stream")
                kwargs[part.py_name] = value
        return kwargs

    def check_request(self, sent: Any) -> None:
        url = urllib.parse.urlsplit(sent.url)
        assert sent.method == self.op.method.upper()
        path = "/openai" + self.op.path
        query: dict[str, list[str]] = {}
        for param in self.op.parameters:
            value = self.params.get(param.wire_name.lower())
            if value is None:
                continue
            text = str(value).lower() if isinstance(value, bool) else str(value)
            if param.location is ir.ParameterLocation.PATH:
                path = path.replace("{" + param.wire_name + "}", urllib.parse.quote(text, safe=""))
            elif param.location is ir.ParameterLocation.QUERY:
                query[param.wire_name] = [text]
            else:
                assert sent.headers.get(param.wire_name) == text, param.wire_name
        assert url.path == path
        assert urllib.parse.parse_qs(url.query) == query
        body = self.op.body
        if isinstance(body, ir.JsonBody):
            assert sent.headers["Content-Type"].startswith("application/json")
            sent_body = json.loads(sent.body)
            assert json_differences(self.body_value(), sent_body) == []
        elif isinstance(body, ir.MultipartBody):
            content_type = sent.headers["Content-Type"]
            assert content_type.startswith("multipart/form-data; boundary=")
            payload = sent.body
            if hasattr(payload, "read"):  # a streamed multipart body: read it from the start
                payload.seek(0)
                payload = payload.read()
            elif isinstance(payload, str):
                payload = payload.encode()
            for part in body.fields:
                value = self.params.get(part.wire_name.lower())
                if value is None:
                    continue
                assert f'name="{part.wire_name}"'.encode() in payload
                assert str(value).encode() in payload
                if part.is_file:
                    assert b'filename="upload.jsonl"' in payload
                    assert b"Content-Type: application/octet-stream" in payload

    # -- response -------------------------------------------------------------------------

    def python_type(self, tp: ir.TypeRef) -> Any:
        return python_type(self.api, self.models, tp)

    def success(self) -> tuple[int, dict[str, Any]]:
        """(status to answer, example response) for the example's success response."""
        (status_text,) = [s for s in self.responses if s.startswith("2")]
        status = int(status_text)
        declared = {int(r.status) for r in self.op.success_responses}
        if status not in declared:
            assert self.key in UNDECLARED_STATUS, f"{status} is not declared ({declared})"
            assert UNDECLARED_STATUS[self.key][0] == status
            return UNDECLARED_STATUS[self.key][1], self.responses[status_text]
        return status, self.responses[status_text]

    def declared_body(self, status: int) -> ir.TypeRef | None:
        return next(r for r in self.op.success_responses if int(r.status) == status).body

    def check_declared_type(self, status: int, body: Any) -> None:
        """The example body deserializes into the declared type and back, losing nothing."""
        declared = self.declared_body(status)
        if declared is None or not isinstance(body, dict | list):
            return
        value = self.runtime.deserialize(self.python_type(declared), body)
        assert json_differences(body, self.runtime.serialize(value, keep_read_only=True)) == []


def _poll_answer(case: ExampleCase) -> Any:
    """The terminal status body polled after an LRO: the version's status-operation example."""
    path = case.path.parent / "get_images_operation.json"
    return json.loads(path.read_text(encoding="utf-8"))["responses"]["200"]["body"]


def _is_download(replay: Replay, status: int) -> bool:
    return replay.declared_body(status) in (
        ir.PrimitiveType(ir.Primitive.FILE),
        ir.PrimitiveType(ir.Primitive.BINARY),
    )


def _check_result(replay: Replay, status: int, body: Any, poll_body: Any, result: Any) -> None:
    """What the method returned is the example's answer, typed, with nothing lost."""

    def serialize(value: Any) -> Any:  # the answer as the service sent it, read-only included
        return replay.runtime.serialize(value, keep_read_only=True)

    if replay.op.paging is not None:
        expected = body[replay.op.paging.items_property]
        assert json_differences(expected, serialize(result)) == []
    elif replay.op.long_running is not None:
        assert json_differences(poll_body, serialize(result)) == []
    elif _is_download(replay, status):
        assert result == str(body).encode()
    elif replay.declared_body(status) is None:
        declared = {h.wire_name for r in replay.op.success_responses for h in r.headers}
        if declared:  # an operation without a body returns its declared headers
            assert isinstance(result, dict) and set(result) <= declared
        else:
            assert result is None
    else:
        assert json_differences(body, serialize(result)) == []


def _call_sync(replay: Replay, status: int, transport: Any) -> Any:
    client = client_class(replay.case.version)(
        replay.params.get("endpoint", ENDPOINT), AzureKeyCredential("key"), transport=transport
    )
    with client:
        method = getattr(getattr(client, replay.group.py_name), replay.op.py_name)
        kwargs = replay.arguments()
        if replay.op.paging is not None:
            return list(next(method(**kwargs).by_page()))
        if replay.op.long_running is not None:
            return method(**kwargs, polling_interval=0).result()
        result = method(**kwargs)
        if _is_download(replay, status) and not isinstance(result, bytes):
            return b"".join(result)
        return result


async def _call_async(replay: Replay, status: int, transport: Any) -> Any:
    client = client_class(replay.case.version, asynchronous=True)(
        replay.params.get("endpoint", ENDPOINT), AzureKeyCredential("key"), transport=transport
    )
    async with client:
        method = getattr(getattr(client, replay.group.py_name), replay.op.py_name)
        kwargs = replay.arguments()
        if replay.op.paging is not None:
            first = await method(**kwargs).by_page().__anext__()
            return [item async for item in first]
        if replay.op.long_running is not None:
            poller = await method(**kwargs, polling_interval=0)
            return await poller.result()
        result = await method(**kwargs)
        if _is_download(replay, status) and not isinstance(result, bytes):
            return b"".join([chunk async for chunk in result])
        return result


@pytest.mark.parametrize("case", example_cases(), ids=lambda c: f"{c.version}/{c.path.name}")
async def test_example_replays(case: ExampleCase) -> None:
    """The sync client, then the async one, replay the example."""
    replay = Replay(case)
    status, response = replay.success()
    body = response.get("body")
    headers = {k: str(v) for k, v in (response.get("headers") or {}).items()}
    replay.check_declared_type(status, body)
    poll_body = _poll_answer(case) if replay.op.long_running else None

    def answer(request: Any) -> Canned:
        if poll_body is not None and request.method == "GET":
            return Canned(200, {}, poll_body)
        return Canned(status, headers, body)

    for asynchronous in (False, True):
        transport, sent = replay_transport(answer, asynchronous=asynchronous)
        if asynchronous:
            result = await _call_async(replay, status, transport)
        else:
            result = _call_sync(replay, status, transport)
        _check_result(replay, status, body, poll_body, result)
        replay.check_request(sent[0])
        if replay.op.long_running is not None:
            assert sent[1].url == headers["operation-location"]  # followed as given
