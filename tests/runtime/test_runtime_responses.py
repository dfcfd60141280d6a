"""Reading responses: typed headers, per-status bodies and errors, cls, HEAD, DecodeError."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import DecodeError, HttpResponseError, ResourceNotFoundError
from runtime_scripted_server import ScriptedServer, reply

from generator.runtime import (
    AsyncClientCore,
    ClientCore,
    Constant,
    DateTime,
    Model,
    ServiceConfig,
)

CONFIG = ServiceConfig("{endpoint}", "api-key", (), "responses-test/1.0", None)


class Pet(Model):
    name: str | None = None
    age: int | None = None


class Dog(Model):
    bark: str | None = None


class NotFoundBody(Model):
    reason: str | None = None


class ErrorBody(Model):
    message: str | None = None


def _core(server: ScriptedServer) -> ClientCore:
    return ClientCore(
        server.url, AzureKeyCredential("k"), config=CONFIG, api_version="1", retry_total=0
    )


def _call(server: ScriptedServer, method: str, path: str, **kwargs: Any) -> Any:
    core = _core(server)
    return core.call(core.build_request(method, path), **kwargs)


def test_headers_are_typed_and_returned_when_there_is_no_body(scripted: ScriptedServer) -> None:
    scripted.script(
        "GET",
        "/h",
        reply(200, None, count="7", flag="true", when="2024-01-02T03:04:05Z", span="P1D"),
    )
    result = _call(
        scripted,
        "GET",
        "/h",
        responses={200: None},
        response_headers={"count": int, "flag": bool, "when": DateTime, "span": dt.timedelta},
    )
    assert result == {
        "count": 7,
        "flag": True,
        "when": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
        "span": dt.timedelta(days=1),
    }


def test_cls_gets_response_body_and_headers(scripted: ScriptedServer) -> None:
    scripted.script("GET", "/c", reply(200, {"name": "rex"}, ETag="abc"))
    calls: list[Any] = []
    result = _call(
        scripted,
        "GET",
        "/c",
        responses={200: Pet},
        response_headers={"ETag": str},
        cls=lambda response, body, headers: calls.append((response, body, headers)) or "mine",
    )
    assert result == "mine"
    ((pipeline_response, body, headers),) = calls
    assert pipeline_response.http_response.status_code == 200
    assert body.name == "rex" and headers == {"ETag": "abc"}


def test_per_call_keywords_reach_the_pipeline(scripted: ScriptedServer) -> None:
    scripted.script("GET", "/k", reply(200, {"name": "a"}))
    hooked: list[int] = []
    _call(
        scripted,
        "GET",
        "/k",
        responses={200: Pet},
        headers={"x-extra": "1"},
        timeout=30,
        client_request_id="my-request-id",
        raw_response_hook=lambda response: hooked.append(response.http_response.status_code),
    )
    seen = scripted.requests[-1].headers
    assert seen["x-extra"] == "1" and seen["x-ms-client-request-id"] == "my-request-id"
    assert hooked == [200]


def test_each_status_has_its_own_body_type(scripted: ScriptedServer) -> None:
    scripted.script("GET", "/s", reply(200, {"name": "p"}), reply(201, {"bark": "woof"}))
    tables: dict[str, Any] = {"responses": {200: Pet, 201: Dog}}
    assert isinstance(_call(scripted, "GET", "/s", **tables), Pet)
    assert isinstance(_call(scripted, "GET", "/s", **tables), Dog)


def test_head_answers_whether_it_exists(scripted: ScriptedServer) -> None:
    scripted.script("HEAD", "/e", reply(204), reply(404))
    tables: dict[str, Any] = {"responses": {204: None, 404: None}, "head": True}
    assert _call(scripted, "HEAD", "/e", **tables) is True
    assert _call(scripted, "HEAD", "/e", **tables) is False


def test_errors_are_typed_per_status_and_default(scripted: ScriptedServer) -> None:
    scripted.script("GET", "/err", reply(404, {"reason": "gone"}), reply(500, {"message": "boom"}))
    errors = {404: NotFoundBody, "default": ErrorBody}
    with pytest.raises(ResourceNotFoundError) as missing:
        _call(scripted, "GET", "/err", responses={200: Pet}, errors=errors)
    assert isinstance(missing.value.model, NotFoundBody) and missing.value.model.reason == "gone"
    with pytest.raises(HttpResponseError) as failed:
        _call(scripted, "GET", "/err", responses={200: Pet}, errors=errors)
    assert isinstance(failed.value.model, ErrorBody) and failed.value.status_code == 500


def test_a_body_of_the_wrong_shape_is_a_decode_error_with_the_response(
    scripted: ScriptedServer,
) -> None:
    scripted.script("GET", "/bad", reply(200, {"name": "x", "age": "not a number"}))
    with pytest.raises(DecodeError) as caught:
        _call(scripted, "GET", "/bad", responses={200: Pet})
    assert isinstance(caught.value, HttpResponseError)
    assert caught.value.response is not None and caught.value.response.status_code == 200


class Kind(str, Enum):
    ONLY = "only"


def test_a_constant_body_is_answered_by_the_status(scripted: ScriptedServer) -> None:
    # no body, a framework's plain-text answer, the constant itself: the spec fixed the value
    scripted.script(
        "OPTIONS",
        "/k",
        reply(200),
        reply(200, b"GET,HEAD", Content_Type="text/html"),
        reply(200, True),
    )
    for _ in range(3):
        assert _call(scripted, "OPTIONS", "/k", responses={200: Constant(bool, True)}) is True
    scripted.script("GET", "/kind", reply(201))
    kind = _call(scripted, "GET", "/kind", responses={201: Constant(Kind, "only")})
    assert kind is Kind.ONLY


def test_unknown_fields_never_fail_and_are_kept(scripted: ScriptedServer) -> None:
    scripted.script("GET", "/extra", reply(200, {"name": "x", "brandNew": {"a": 1}}))
    pet = _call(scripted, "GET", "/extra", responses={200: Pet})
    assert pet.name == "x" and pet.as_dict()["brandNew"] == {"a": 1}


async def test_async_call_reads_headers_and_errors(scripted: ScriptedServer) -> None:
    scripted.script("GET", "/a", reply(200, None, count="3"), reply(404, {"reason": "no"}))
    core = AsyncClientCore(
        scripted.url, AzureKeyCredential("k"), config=CONFIG, api_version="1", retry_total=0
    )
    async with core:
        request = core.build_request("GET", "/a")
        result = await core.call(request, responses={200: None}, response_headers={"count": int})
        assert result == {"count": 3}
        with pytest.raises(ResourceNotFoundError) as missing:
            await core.call(
                core.build_request("GET", "/a"),
                responses={200: None},
                errors={404: NotFoundBody},
            )
        assert isinstance(missing.value.model, NotFoundBody)
