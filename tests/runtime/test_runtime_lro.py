"""Long-running operations in every Azure style, on azure-core's polling machinery.

Each test scripts a local service and drives ``begin_operation`` the way generated code does.
"""

from __future__ import annotations

from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError
from pydantic import Field
from runtime_scripted_server import ScriptedServer, reply

from generator.runtime import AsyncClientCore, ClientCore, Model, ServiceConfig
from generator.runtime.polling import async_begin_operation, begin_operation

CONFIG = ServiceConfig("{endpoint}", "api-key", (), "lro-test/1.0", None)


class Product(Model):
    id: str | None = None
    status: str | None = None
    state: str | None = Field(default=None, alias="provisioningState")


class ErrorDetail(Model):
    code: str | None = None
    message: str | None = None


class ErrorBody(Model):
    error: ErrorDetail | None = None


def _core(server: ScriptedServer) -> ClientCore:
    return ClientCore(
        server.url, AzureKeyCredential("k"), config=CONFIG, api_version="1", retry_total=0
    )


def _begin(core: ClientCore, method: str, path: str, result: Any = Product, **kwargs: Any) -> Any:
    def initial() -> Any:
        request = core.build_request(method, path)
        return core.send_raw(
            request, expected=(200, 201, 202, 204), error_model={"default": ErrorBody}
        )

    kwargs.setdefault("polling_interval", 0)
    return begin_operation(core, initial, result, errors={"default": ErrorBody}, **kwargs)


def _paths(server: ScriptedServer) -> list[str]:
    return [f"{seen.method} {seen.path}" for seen in server.requests]


def test_operation_location_then_status_monitor_body(scripted: ScriptedServer) -> None:
    scripted.script(
        "POST", "/jobs", reply(202, {"status": "notRunning"}, operation_location="/monitor/1")
    )
    scripted.script(
        "GET",
        "/monitor/1",
        reply(200, {"id": "1", "status": "running"}),
        reply(200, {"id": "1", "status": "succeeded"}),
    )
    result = _begin(_core(scripted), "POST", "/jobs").result()
    assert result.id == "1" and result.status == "succeeded"
    assert _paths(scripted) == ["POST /jobs", "GET /monitor/1", "GET /monitor/1"]


def test_azure_async_operation_put_gets_the_resource_from_the_original_uri(
    scripted: ScriptedServer,
) -> None:
    scripted.script(
        "PUT",
        "/products/p",
        reply(200, {"id": "p", "provisioningState": "Accepted"}, Azure_AsyncOperation="/op/7"),
    )
    scripted.script(
        "GET", "/op/7", reply(200, {"status": "InProgress"}), reply(200, {"status": "Succeeded"})
    )
    scripted.script("GET", "/products/p", reply(200, {"id": "p", "provisioningState": "Succeeded"}))
    result = _begin(_core(scripted), "PUT", "/products/p").result()
    assert result.state == "Succeeded"
    assert _paths(scripted)[-1] == "GET /products/p"


def test_location_polling_until_not_202(scripted: ScriptedServer) -> None:
    scripted.script("DELETE", "/products/p", reply(202, None, Location="/poll/p", Retry_After="0"))
    scripted.script("GET", "/poll/p", reply(202), reply(200, {"id": "p", "status": "gone"}))
    result = _begin(_core(scripted), "DELETE", "/products/p").result()
    assert result.status == "gone"
    assert _paths(scripted).count("GET /poll/p") == 2


def test_body_status_put_is_polled_on_its_own_uri(scripted: ScriptedServer) -> None:
    scripted.script("PUT", "/products/b", reply(201, {"id": "b", "provisioningState": "Creating"}))
    scripted.script(
        "GET",
        "/products/b",
        reply(200, {"id": "b", "provisioningState": "Updating"}),
        reply(200, {"id": "b", "provisioningState": "Succeeded"}),
    )
    result = _begin(_core(scripted), "PUT", "/products/b").result()
    assert result.state == "Succeeded"
    assert _paths(scripted) == ["PUT /products/b", "GET /products/b", "GET /products/b"]


@pytest.mark.parametrize(
    ("via", "final_path"),
    [("location", "GET /final/location"), ("azure-async-operation", "GET /op/2")],
)
def test_final_state_via_decides_where_the_result_comes_from(
    scripted: ScriptedServer, via: str, final_path: str
) -> None:
    scripted.script(
        "POST",
        "/double",
        reply(202, None, Azure_AsyncOperation="/op/2", Location="/final/location"),
    )
    scripted.script("GET", "/op/2", reply(200, {"id": "from-monitor", "status": "Succeeded"}))
    scripted.script("GET", "/final/location", reply(200, {"id": "from-location"}))
    result = _begin(_core(scripted), "POST", "/double", final_state_via=via).result()
    assert _paths(scripted)[-1] == final_path
    assert result.id == ("from-location" if via == "location" else "from-monitor")


def test_final_state_via_original_uri_for_a_post(scripted: ScriptedServer) -> None:
    scripted.script("POST", "/orig", reply(202, None, Operation_Location="/op/3"))
    scripted.script("GET", "/op/3", reply(200, {"status": "succeeded"}))
    scripted.script("GET", "/orig", reply(200, {"id": "original"}))
    result = _begin(_core(scripted), "POST", "/orig", final_state_via="original-uri").result()
    assert result.id == "original"


@pytest.mark.parametrize("status", [200, 204])
def test_a_final_initial_response_needs_no_polling(scripted: ScriptedServer, status: int) -> None:
    body = {"id": "now", "provisioningState": "Succeeded"} if status == 200 else None
    scripted.script("PUT", "/now", reply(status, body))
    result = _begin(_core(scripted), "PUT", "/now").result()
    assert (result.id if status == 200 else result) == ("now" if status == 200 else None)
    assert len(scripted.requests) == 1


def test_a_terminal_state_of_the_spec_enum_ends_polling_with_the_typed_error(
    scripted: ScriptedServer,
) -> None:
    scripted.script("POST", "/img", reply(202, {"status": "notRunning"}, operation_location="/m"))
    failure = {"status": "deleted", "error": {"code": "Gone", "message": "deleted by policy"}}
    scripted.script("GET", "/m", reply(200, {"status": "running"}), reply(200, failure))
    poller = _begin(_core(scripted), "POST", "/img", failed=("deleted",))
    with pytest.raises(HttpResponseError) as caught:
        poller.result()
    assert isinstance(caught.value.model, ErrorBody)
    assert caught.value.model.error is not None and caught.value.model.error.code == "Gone"
    assert len(scripted.requests) == 3  # stopped at "deleted", no 57 polls


def test_failed_status_carries_the_error_model(scripted: ScriptedServer) -> None:
    scripted.script("PUT", "/f", reply(201, {"provisioningState": "Creating"}))
    scripted.script("GET", "/f", reply(200, {"provisioningState": "Failed"}))
    with pytest.raises(HttpResponseError):
        _begin(_core(scripted), "PUT", "/f").result()


def test_a_bad_status_link_raises_http_response_error(scripted: ScriptedServer) -> None:
    scripted.script("POST", "/bad", reply(202, None, Operation_Location="/nowhere"))
    scripted.script("GET", "/nowhere", reply(404, {"error": {"code": "NotFound"}}))
    with pytest.raises(HttpResponseError) as caught:
        _begin(_core(scripted), "POST", "/bad").result()
    assert caught.value.status_code == 404


def test_an_unreachable_status_link_raises_http_response_error(scripted: ScriptedServer) -> None:
    scripted.script("POST", "/bad2", reply(202, None, Operation_Location="http://127.0.0.1:9/x"))
    with pytest.raises(HttpResponseError):
        _begin(_core(scripted), "POST", "/bad2").result()


def test_continuation_token_resumes_without_the_initial_call(scripted: ScriptedServer) -> None:
    scripted.script("POST", "/resume", reply(202, None, Operation_Location="/op/r"))
    scripted.script("GET", "/op/r", reply(200, {"id": "r", "status": "succeeded"}))
    first = _begin(_core(scripted), "POST", "/resume")
    token = first.continuation_token()
    first.result()
    scripted.requests.clear()
    core = _core(scripted)
    resumed = begin_operation(
        core, None, Product, continuation_token=token, polling_interval=0
    ).result()
    assert resumed.id == "r"
    assert _paths(scripted) == ["GET /op/r"]


def test_cls_receives_the_final_response_result_and_headers(scripted: ScriptedServer) -> None:
    scripted.script("PUT", "/c", reply(200, {"id": "c"}, ETag="v1"))
    seen: list[Any] = []

    def hook(pipeline_response: Any, result: Any, headers: dict[str, Any]) -> str:
        seen.append((pipeline_response.http_response.status_code, result.id, headers))
        return "from cls"

    poller = _begin(_core(scripted), "PUT", "/c", response_headers={"ETag": str}, cls=hook)
    assert poller.result() == "from cls"
    assert seen == [(200, "c", {"ETag": "v1"})]


def test_poll_requests_carry_the_callers_headers(scripted: ScriptedServer) -> None:
    scripted.script("POST", "/h", reply(202, None, Operation_Location="/op/h"))
    scripted.script("GET", "/op/h", reply(200, {"status": "succeeded"}))
    core = _core(scripted)

    def initial() -> Any:
        request = core.build_request("POST", "/h")
        return core.send_raw(request, headers={"x-custom": "1"})

    poller = begin_operation(core, initial, Product, polling_interval=0, headers={"x-custom": "1"})
    poller.result()
    assert _paths(scripted) == ["POST /h", "GET /op/h"]
    assert all(seen.headers.get("x-custom") == "1" for seen in scripted.requests)


async def test_async_operation_location_and_body_status(scripted: ScriptedServer) -> None:
    scripted.script("PUT", "/a", reply(201, {"id": "a", "provisioningState": "Creating"}))
    scripted.script("GET", "/a", reply(200, {"id": "a", "provisioningState": "Succeeded"}))
    scripted.script("POST", "/a2", reply(202, None, Operation_Location="/op/a2"))
    scripted.script("GET", "/op/a2", reply(200, {"status": "deleted"}))
    core = AsyncClientCore(
        scripted.url, AzureKeyCredential("k"), config=CONFIG, api_version="1", retry_total=0
    )
    async with core:

        async def initial(method: str, path: str) -> Any:
            return await core.send_raw(core.build_request(method, path))

        put = await async_begin_operation(
            core, lambda: initial("PUT", "/a"), Product, polling_interval=0
        )
        assert (await put.result()).state == "Succeeded"
        post = await async_begin_operation(
            core,
            lambda: initial("POST", "/a2"),
            Product,
            polling_interval=0,
            failed=("deleted",),
            errors=ErrorBody,
        )
        with pytest.raises(HttpResponseError):
            await post.result()
