"""Success, redirect, retry and failure status codes: the httpInfrastructure spec.

* every declared success status answers with the declared result (``True`` from ``get200``,
  whether the resource exists from a ``HEAD``, None where no body is declared);
* a redirect azure-core follows (300, 303, 307, and 301/302 for GET and HEAD) ends in the
  target's answer; a PUT/PATCH 301/302, which must not be followed, is returned to the caller
  with its declared ``Location`` header;
* a retryable status (408, 500, 502, 503, 504) is retried until the server answers 200 (the
  server remembers the first attempt in a cookie);
* every failure operation raises azure-core's error for its status (``ResourceNotFoundError``
  for 404, ...; ``HttpResponseError`` otherwise), with the ``Error`` model where the spec declares
  it and the body has one.

Each call records the statuses it saw through ``raw_response_hook`` (called once per attempt and
per redirect hop), so the tests see the redirects and retries happen, not only the result.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.core.pipeline.transport import AioHttpTransport
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]
#: Retries without waiting: the server fails the first attempt only.
FAST_RETRY: dict[str, Any] = {"retry_backoff_factor": 0.001, "retry_backoff_max": 0.01}


class Statuses:
    """The status of every response the pipeline received for one call (a raw_response_hook)."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, response: Any) -> None:
        self.seen.append(response.http_response.status_code)

    def __eq__(self, other: object) -> bool:
        return self.seen == other

    def __repr__(self) -> str:
        return repr(self.seen)


def _call(method: Any, **kwargs: Any) -> Any:
    accepts = inspect.signature(method).parameters
    if "boolean_value" in accepts:
        kwargs["boolean_value"] = True
    return method(**kwargs)


def _methods(group: Any) -> list[tuple[str, Any]]:
    return [
        (name, getattr(group, name))
        for name in sorted(dir(group))
        if not name.startswith("_") and callable(getattr(group, name))
    ]


#: error types azure-core raises for a status (any other failure: ``HttpResponseError``)
ERROR_TYPES = {
    401: ClientAuthenticationError,
    404: ResourceNotFoundError,
    409: ResourceExistsError,
    412: ResourceModifiedError,
}


def _failures(client: Any) -> list[tuple[str, Any, int, str | None]]:
    """(name, method, status, error message) of every failure operation.

    The client- and server-failure operations answer the status their name ends with, without a
    body; the httpFailure ones answer 400 with an ``Error`` body when the spec declares that model.
    """
    found: list[tuple[str, Any, int, str | None]] = []
    for group in (client.http_client_failure, client.http_server_failure):
        for name, method in _methods(group):
            status = re.search(r"\d{3}$", name)
            assert status, name
            found.append((name, method, int(status.group()), None))
    failure = client.http_failure
    found.append(("get_empty_error", failure.get_empty_error, 400, ""))
    found.append(("get_no_model_error", failure.get_no_model_error, 400, None))
    found.append(("get_no_model_empty", failure.get_no_model_empty, 400, None))
    return found


def _check_failure(error: HttpResponseError, name: str, status: int, message: str | None) -> None:
    assert error.status_code == status, name
    assert type(error) is ERROR_TYPES.get(status, HttpResponseError), name
    if message is None:
        assert error.model is None, name
    else:
        assert error.model is not None and error.model.message == message, name


def test_failure_scenarios_raise(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        named = sorted(n for n, _ in _methods(client.http_failure))
        assert named == ["get_empty_error", "get_no_model_empty", "get_no_model_error"]
        for name, method, status, message in _failures(client):
            with pytest.raises(HttpResponseError) as caught:
                _call(method)
            _check_failure(caught.value, name, status, message)


async def test_async_failure_scenarios_raise(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("httpInfrastructure")
    async with generated.aio_client(endpoint=testserver.url, retry_total=0) as client:
        for name, method, status, message in _failures(client):
            with pytest.raises(HttpResponseError) as caught:
                await _call(method)
            _check_failure(caught.value, name, status, message)


#: group -> operation -> (its result, the statuses the pipeline sees: redirect hops, attempts)
TABLE: dict[str, dict[str, tuple[Any, list[int]]]] = {
    "http_success": {
        "get200": (True, [200]),
        "options200": (True, [200]),  # the spec fixes the body to true; the server sends text
        "head200": (True, [200]),
        "put200": (None, [200]),
        "post200": (None, [200]),
        "patch200": (None, [200]),
        "delete200": (None, [200]),
        "put201": (None, [201]),
        "post201": (None, [201]),
        "put202": (None, [202]),
        "post202": (None, [202]),
        "patch202": (None, [202]),
        "delete202": (None, [202]),
        "head204": (True, [204]),
        "put204": (None, [204]),
        "post204": (None, [204]),
        "patch204": (None, [204]),
        "delete204": (None, [204]),
        "head404": (False, [404]),
    },
    # followed: the answer of the 200 it ends in (no header declared there: an empty dict; get300
    # declares no body for 200); a PUT/PATCH 301/302 is not followed and returns its Location
    "http_redirects": {
        "head300": (True, [300, 200]),
        "get300": (None, [300, 200]),
        "head301": (True, [301, 200]),
        "get301": ({}, [301, 200]),
        "put301": ({"Location": "/http/failure/500"}, [301]),
        "head302": (True, [302, 200]),
        "get302": ({}, [302, 200]),
        "patch302": ({"Location": "/http/failure/500"}, [302]),
        "post303": ({}, [303, 200]),
        "head307": (True, [307, 200]),
        "get307": ({}, [307, 200]),
        "options307": ({}, [307, 200]),
        "put307": ({}, [307, 200]),
        "post307": ({}, [307, 200]),
        "patch307": ({}, [307, 200]),
        "delete307": ({}, [307, 200]),
    },
    # retried once: the server fails the first attempt only
    "http_retry": {
        "head408": (True, [408, 200]),
        "put500": (None, [500, 200]),
        "patch500": (None, [500, 200]),
        "get502": (None, [502, 200]),
        "options502": (True, [502, 200]),  # the body the spec fixes to true
        "post503": (None, [503, 200]),
        "delete503": (None, [503, 200]),
        "put504": (None, [504, 200]),
        "patch504": (None, [504, 200]),
    },
}


def test_every_operation_is_in_the_table(testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint="http://127.0.0.1:1") as client:
        for group, operations in TABLE.items():
            assert sorted(operations) == [n for n, _ in _methods(getattr(client, group))]


def test_success_redirect_and_retry(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, **FAST_RETRY) as client:
        for group, operations in TABLE.items():
            for name, (result, statuses) in operations.items():
                seen = Statuses()
                answer = _call(getattr(getattr(client, group), name), raw_response_hook=seen)
                assert (answer, seen) == (result, statuses), name


def test_not_followed_redirect_gives_a_typed_location(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        headers = client.http_redirects.put301(boolean_value=True)
        assert headers == {
            "Location": generated.models.HttpRedirectsPut301Location.HTTP_FAILURE_500
        }


def test_redirect_disabled_gives_the_declared_300_body(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, permit_redirects=False) as client:
        assert client.http_redirects.get300() == ["/http/success/get/200"]


def test_retry_disabled_raises_the_first_status(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        with pytest.raises(HttpResponseError) as caught:
            client.http_retry.put500(boolean_value=True)
        assert caught.value.status_code == 500
        client.http_retry.put500(boolean_value=True)  # the server let the cookie's retry pass


def _cookie_transport() -> AioHttpTransport:
    # The server tells a retry by a cookie; aiohttp keeps no cookie of an IP address by default.
    session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    return AioHttpTransport(session=session, session_owner=True)


async def test_async_success_redirect_retry(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("httpInfrastructure")
    client = generated.aio_client(
        endpoint=testserver.url, transport=_cookie_transport(), **FAST_RETRY
    )
    async with client:
        for group, operations in TABLE.items():
            for name, (result, statuses) in operations.items():
                seen = Statuses()
                answer = await _call(getattr(getattr(client, group), name), raw_response_hook=seen)
                assert (answer, seen) == (result, statuses), name
        with pytest.raises(HttpResponseError) as caught:
            await client.http_client_failure.get400(retry_total=0)
        assert caught.value.status_code == 400


def _documented_return(method: Any, models_path: str) -> str:
    """The ``:rtype:`` of a method's docstring, written as an annotation."""
    doc = inspect.getdoc(method) or ""
    found = re.search(r":rtype: (.*?)\n\s*:raises", doc, re.S)
    assert found, method.__name__
    text = " ".join(found.group(1).split()).replace(f"~{models_path}.", "_models.")
    return text.replace(" or ", " | ").replace("any]", "Any]")


def test_docstrings_say_what_the_methods_return(testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    models_path = generated.models.__name__
    for group_class in vars(generated.version._operations).values():
        if not (inspect.isclass(group_class) and group_class.__name__.endswith("Operations")):
            continue
        for name, method in inspect.getmembers(group_class, inspect.isfunction):
            if name.startswith("_"):
                continue
            annotation = inspect.signature(method).return_annotation
            assert _documented_return(method, models_path) == annotation, name
