"""Client construction against the test server: hosts, client parameters and credentials.

Each test calls the generated client the way a user would and relies on the server's own checks
(a scenario's handler answers 200 only when the request is what the scenario expects).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from testserver_clients import Generated, generate
from testserver_process import TestServer

Load = Callable[[str], Generated]


def test_parameterized_endpoint_named_endpoint(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("parameterized-endpoint")
    with generated.client(testserver.url) as client:
        assert client.get() is None


async def test_parameterized_endpoint_async(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("parameterized-endpoint")
    async with generated.aio_client(testserver.url) as client:
        assert await client.get() is None


def test_host_template_with_path_and_capitalised_parameter(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("multiapi-v1-custom-base-url")
    with generated.client(testserver.url) as client:
        client.test(id_=1)


def test_host_parameter_per_operation(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("custom-baseUrl")
    host = testserver.url.removeprefix("http://127.0.0.1")  # ":<port>"
    with generated.client(host=f"127.0.0.1{host}") as client:
        client.paths.get_empty(account_name="http://")


def test_api_key_in_header(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("security-key")
    with generated.client(AzureKeyCredential("123456789"), endpoint=testserver.url) as client:
        client.head()


def test_client_without_security_takes_no_credential(testserver_client: Load) -> None:
    generated = testserver_client("body-integer")
    with pytest.raises(TypeError):
        generated.client("https://example.test", AzureKeyCredential("k"))  # type: ignore[misc]


def _parameters(generated: Generated) -> list[str]:
    import inspect

    return list(inspect.signature(generated.client).parameters)


def test_constructor_order(testserver_client: Load) -> None:
    assert _parameters(testserver_client("security-key"))[:2] == ["credential", "endpoint"]
    assert _parameters(testserver_client("parameterized-endpoint"))[:1] == ["endpoint"]


def test_operation_declaring_no_security_sends_no_credential(
    testserver: TestServer, tmp_path: Path
) -> None:
    ok = {"200": {"description": "OK", "schema": {"type": "boolean"}}}
    spec = {
        "swagger": "2.0",
        "info": {"title": "Mixed Security", "version": "1"},
        "host": "localhost",
        "produces": ["application/json"],
        "securityDefinitions": {"key": {"type": "apiKey", "name": "x-secret", "in": "header"}},
        "security": [{"key": []}],
        "paths": {
            "/bool/true": {"get": {"operationId": "Flags_Secured", "responses": ok}},
            "/bool/false": {"get": {"operationId": "Flags_Open", "security": [], "responses": ok}},
        },
    }
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    generated = generate("mixed-security", tmp_path / "out", path)
    sent: list[dict[str, str]] = []

    def record(response: Any) -> None:
        sent.append(dict(response.http_request.headers))

    with generated.client(AzureKeyCredential("k1"), endpoint=testserver.url) as client:
        assert client.flags.secured(raw_response_hook=record) is True
        assert client.flags.open(raw_response_hook=record) is False
    assert sent[0].get("x-secret") == "k1"
    assert "x-secret" not in sent[1]
