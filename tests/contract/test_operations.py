"""Every operation of every version, through the generated sync and async clients, against Prism.

Arguments come from the IR (:mod:`contract_values`), typed through the generated model
classes.  Each operation is called twice: with the required arguments only, then with every
optional parameter and property as well (uploads from a file path, pagers resumed from a
continuation token, which must travel as the cursor parameter).  Each test asserts that Prism
found nothing wrong with any request the client sent (no 422/401, no ``sl-violations`` entry
located in the request), that the result has the declared type, and that it serializes back
to exactly the JSON Prism sent (no field lost or added).

What Prism 5 cannot do, and what is checked instead:

* Paging: Prism's page says ``has_more`` but every page is the same, so only the first page is
  consumed (``by_page()``); its items must be instances of the item model.
* Long-running operations: Prism has no state machine.  The harness (see ``conftest``) points
  ``operation-location`` at the status operation on the same mock and gives that a
  ``succeeded`` example, so the poller (``polling_interval=0``) polls Prism once and its
  result must be the final model carrying the example's images.
* ``text/event-stream``: Prism cannot write an object schema as an event stream (it answers
  500 ``NO_COMPLEX_OBJECT_TEXT`` after the request passed validation).  The JSON form is
  checked as a typed result; for ``stream=True`` the test asserts the client asked for
  ``text/event-stream`` with a valid request and surfaced Prism's 500 as HttpResponseError.
* ``application/octet-stream`` downloads: Prism has no serializer for it, so the call passes
  ``headers={"Accept": "application/json"}`` (which the spec also produces) and the streamed
  bytes must be Prism's JSON body.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError
from contract_transport import AsyncRecordingTransport, Exchange, RecordingTransport
from contract_values import Synthesizer, compiled, generated
from json_compare import json_differences
from prism_server import VERSIONS, PrismPool, PrismServer, spec_path

from generator import ir

JSON_ACCEPT = {"Accept": "application/json"}
CURSOR = "ftjob-cursor-0001"


def _cases() -> list[Any]:
    cases = []
    for version in VERSIONS:
        document = json.loads(spec_path(version).read_text(encoding="utf-8"))
        for path in document["paths"].values():
            for operation in path.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    for mode in ("sync", "async"):
                        cases.append(
                            pytest.param(
                                version,
                                operation["operationId"],
                                mode,
                                id=f"{version}-{operation['operationId']}-{mode}",
                            )
                        )
    return cases


class Case:
    """Everything one test needs: the IR operation, its group, arguments and checks."""

    def __init__(self, server: PrismServer, version: str, operation_id: str) -> None:
        self.server = server
        self.api = compiled(spec_path(version))
        self.generated = generated(version)
        matches = [
            (group, op)
            for group in self.api.groups
            for op in group.operations
            if op.operation_id == operation_id
        ]
        assert len(matches) == 1, f"{operation_id} is not one operation of the IR"
        self.group, self.op = matches[0]
        self.synth = Synthesizer(self.api, self.generated.models)
        self.kwargs = self.synth.arguments(self.op)
        upload = server.log.parent / "training-data.jsonl"  # the full call uploads from a path
        upload.write_bytes(b'{"prompt": "p", "completion": "c"}\n')
        everything = Synthesizer(self.api, self.generated.models, full=True, upload=upload)
        full = everything.arguments(self.op)
        # The smallest valid call, then (when it differs) one with every optional argument.
        self.variants = [self.kwargs] + ([full] if full != self.kwargs else [])
        paging = self.op.paging
        self.cursor = paging.cursor_parameter if paging is not None else None

    def continuation(self, kwargs: dict[str, Any]) -> str | None:
        """The cursor to resume from: none for the smallest call, one for the full call."""
        return CURSOR if self.cursor and kwargs is not self.kwargs else None

    def check_cursor_sent(self, token: str | None, exchanges: list[Exchange]) -> None:
        """A page fetched from a continuation token sends it as the cursor parameter."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(exchanges[-1].url).query)
        if token is not None and self.cursor is not None:
            assert query.get(self.cursor) == [token], exchanges[-1].url
        elif self.cursor is not None:
            assert self.cursor not in query

    @property
    def declared(self) -> ir.TypeRef | None:
        """Body type of the first declared success response."""
        successes = self.op.success_responses
        return successes[0].body if successes else None

    @property
    def is_download(self) -> bool:
        return self.declared in (
            ir.PrimitiveType(ir.Primitive.FILE),
            ir.PrimitiveType(ir.Primitive.BINARY),
        )

    def stream_keyword(self) -> str | None:
        """The Python name of the flag that asks for an event stream."""
        stream = self.op.event_stream
        if stream is None or stream.trigger_parameter is None:
            return None
        for param in self.op.parameters:
            if param.wire_name == stream.trigger_parameter:
                return param.py_name
        return None

    def method_of(self, client: Any) -> Any:
        return getattr(getattr(client, self.group.py_name), self.op.py_name)

    def check_instance(self, value: Any, tp: ir.TypeRef | None) -> None:
        cls = self.synth.python_class(tp)
        if cls is not None:
            assert isinstance(value, cls), f"{type(value).__name__} is not a {cls.__name__}"

    def serialize(self, value: Any) -> Any:
        runtime = __import__("azure_openai_authoring._runtime", fromlist=["serialize"])
        return runtime.serialize(value, keep_read_only=True)  # as the service sent it

    def check_round_trip(self, result: Any, exchanges: list[Exchange]) -> None:
        """The typed result serializes back to exactly what Prism sent (nothing lost)."""
        body = exchanges[-1].body
        assert body is not None
        sent = json.loads(body)
        if self.op.paging is not None:
            sent = sent[self.op.paging.items_property]
        assert json_differences(sent, self.serialize(result)) == []

    def check_items(self, items: list[Any]) -> None:
        assert items, "Prism's first page has items; the pager yielded none"
        paging = self.op.paging
        assert paging is not None
        for item in items:
            self.check_instance(item, paging.item_type)

    def check_lro_result(self, result: Any) -> None:
        long_running = self.op.long_running
        assert long_running is not None
        self.check_instance(result, long_running.final_type)
        if self.server.lro_example:
            data = result.as_dict()
            assert data["status"] == "succeeded"
            assert data["result"] == self.server.lro_example["result"]

    def check_stream_error(self, error: HttpResponseError, exchanges: list[Exchange]) -> None:
        assert error.status_code == 500
        assert "NO_COMPLEX_OBJECT_TEXT" in (error.response.text() if error.response else "")
        accept = {k.lower(): v for k, v in exchanges[-1].request_headers.items()}.get("accept")
        assert accept is not None and "text/event-stream" in accept, accept


def check_exchanges(exchanges: list[Exchange]) -> None:
    """Prism saw at least one request and found every one valid."""
    assert exchanges, "the client sent nothing"
    for exchange in exchanges:
        where = f"{exchange.method} {exchange.url}"
        assert exchange.violations == [], f"{where}: {exchange.violations}"
        assert exchange.status not in (401, 422), f"{where}: {exchange.status}"


def _check_download(data: bytes) -> None:
    """Prism's JSON rendering of a byte stream: null for Swagger's ``type: file``, a placeholder
    string for OpenAPI 3's ``type: string, format: binary``; the client returns it untouched."""
    rendered = json.loads(data)
    assert rendered is None or isinstance(rendered, str)


def _call_sync(case: Case, method: Any, kwargs: dict[str, Any], transport: Any) -> None:
    if case.op.paging is not None:
        token = case.continuation(kwargs)
        pages: Iterator[Any] = method(**kwargs).by_page(continuation_token=token)
        items = list(next(pages))
        case.check_cursor_sent(token, transport.exchanges)
        case.check_items(items)
        case.check_round_trip(items, transport.exchanges)
    elif case.op.long_running is not None:
        result = method(**kwargs, polling_interval=0).result(timeout=60)
        case.check_lro_result(result)
        case.check_round_trip(result, transport.exchanges)
    elif case.is_download:
        content = method(**kwargs, headers=JSON_ACCEPT)
        data = content if isinstance(content, bytes) else b"".join(content)
        _check_download(data)
    else:
        result = method(**kwargs)
        case.check_instance(result, case.declared)
        if case.declared is not None:
            case.check_round_trip(result, transport.exchanges)
    check_exchanges(transport.exchanges)


async def _call_async(case: Case, method: Any, kwargs: dict[str, Any], transport: Any) -> None:
    if case.op.paging is not None:
        token = case.continuation(kwargs)
        pages: AsyncIterator[Any] = method(**kwargs).by_page(continuation_token=token)
        first = await pages.__anext__()
        items = [item async for item in first]
        case.check_cursor_sent(token, transport.exchanges)
        case.check_items(items)
        case.check_round_trip(items, transport.exchanges)
    elif case.op.long_running is not None:
        poller = await method(**kwargs, polling_interval=0)
        result = await poller.result()
        case.check_lro_result(result)
        case.check_round_trip(result, transport.exchanges)
    elif case.is_download:
        content = await method(**kwargs, headers=JSON_ACCEPT)
        data = content if isinstance(content, bytes) else b"".join([c async for c in content])
        _check_download(data)
    else:
        result = await method(**kwargs)
        case.check_instance(result, case.declared)
        if case.declared is not None:
            case.check_round_trip(result, transport.exchanges)
    check_exchanges(transport.exchanges)


def _run_sync(case: Case) -> None:
    transport = RecordingTransport()
    client_class = case.generated.client_class(asynchronous=False)
    with client_class(
        case.server.root_url,
        AzureKeyCredential("test-key"),
        transport=transport,
        retry_total=0,  # a 5xx from the mock is the answer under test, not a reason to retry
    ) as client:
        method = case.method_of(client)
        for kwargs in case.variants:
            _call_sync(case, method, kwargs, transport)
        keyword = case.stream_keyword()
        if keyword is not None:
            with pytest.raises(HttpResponseError) as raised:
                list(method(**case.kwargs, **{keyword: True}))
            case.check_stream_error(raised.value, transport.exchanges)
            check_exchanges(transport.exchanges)


async def _run_async(case: Case) -> None:
    transport = AsyncRecordingTransport()
    client_class = case.generated.client_class(asynchronous=True)
    async with client_class(
        case.server.root_url,
        AzureKeyCredential("test-key"),
        transport=transport,
        retry_total=0,  # a 5xx from the mock is the answer under test, not a reason to retry
    ) as client:
        method = case.method_of(client)
        for kwargs in case.variants:
            await _call_async(case, method, kwargs, transport)
        keyword = case.stream_keyword()
        if keyword is not None:
            with pytest.raises(HttpResponseError) as raised:
                stream = await method(**case.kwargs, **{keyword: True})
                _ = [event async for event in stream]
            case.check_stream_error(raised.value, transport.exchanges)
            check_exchanges(transport.exchanges)


@pytest.mark.parametrize(("version", "operation_id", "mode"), _cases())
async def test_operation_against_prism(
    prism: PrismPool, version: str, operation_id: str, mode: str
) -> None:
    case = Case(prism(version), version, operation_id)
    if mode == "sync":
        _run_sync(case)
    else:
        await _run_async(case)
