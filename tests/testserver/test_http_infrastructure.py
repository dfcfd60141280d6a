"""Failure status codes and HEAD results: the httpInfrastructure spec.

Every client- and server-failure operation must raise ``HttpResponseError`` with its status;
a ``HEAD`` declaring 404 answers False.  (The success, redirect, retry and multiple-responses
groups are not covered yet.)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]


def _call(method: Any) -> Any:
    accepts = inspect.signature(method).parameters
    return method(boolean_value=True) if "boolean_value" in accepts else method()


def _methods(group: Any) -> list[tuple[str, Any]]:
    return [
        (name, getattr(group, name))
        for name in sorted(dir(group))
        if not name.startswith("_") and callable(getattr(group, name))
    ]


def test_failure_scenarios_raise(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        groups = (client.http_client_failure, client.http_server_failure, client.http_failure)
        for group in groups:
            for _name, method in _methods(group):
                with pytest.raises(HttpResponseError) as caught:
                    _call(method)
                assert caught.value.status_code is not None and caught.value.status_code >= 400


async def test_async_head_and_failure(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    async with generated.aio_client(endpoint=testserver.url, retry_total=0) as client:
        assert await client.http_success.head404() is False
        with pytest.raises(HttpResponseError):
            await client.http_client_failure.get400()
