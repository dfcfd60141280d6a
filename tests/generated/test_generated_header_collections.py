"""x-ms-header-collection-prefix in a generated client: a request parameter of that kind is a
dict sent as one header per entry, a response header of that kind the dict of every header with
the prefix, keyed without it."""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any

import pytest
from gen_adhoc import generate_package
from gen_fake_service import FakeService, Handler, Recorded

PREFIX = "x-ms-meta-"
META = {
    "type": "string",
    "x-ms-client-name": "Metadata",
    "x-ms-header-collection-prefix": PREFIX,
}
NAME = {"name": "name", "in": "path", "required": True, "type": "string"}
DOCUMENT: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Blobs", "version": "2024-01-01"},
    "host": "blobs.example",
    "schemes": ["https"],
    "produces": ["application/json"],
    "paths": {
        "/blobs/{name}": {
            "put": {
                "operationId": "Blobs_SetMetadata",
                "parameters": [
                    NAME,
                    {"name": "x-ms-meta", "in": "header", "required": False, **META},
                ],
                "responses": {"200": {"description": "OK"}},
            },
            "get": {
                "operationId": "Blobs_GetProperties",
                "parameters": [NAME],
                "responses": {
                    "200": {
                        "description": "OK",
                        "headers": {"x-ms-meta": META, "ETag": {"type": "string"}},
                    }
                },
            },
        }
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("header_collections")
    return generate_package(root, DOCUMENT, "header_collection_blobs", "BlobsClient", "v2024_01_01")


def _answer(_handler: Handler, _request: Recorded) -> tuple[int, dict[str, str], bytes]:
    headers = {"ETag": '"1"', "x-ms-meta-color": "red", "X-MS-META-Size": "10", "x-ms-other": "x"}
    return 200, headers, b""


def test_request_dict_is_sent_as_prefixed_headers(
    package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("PUT", "/blobs/a", lambda _h, _r: (200, {}, b""))
    with package.BlobsClient(endpoint=fake_service.url, retry_total=0) as client:
        assert "dict[str, str]" in str(
            inspect.signature(client.blobs.set_metadata).parameters["metadata"].annotation
        )
        client.blobs.set_metadata("a", metadata={"color": "red", "Size": "10"})
        sent = {k.lower(): v for k, v in fake_service.requests[-1].headers.items()}
        assert sent["x-ms-meta-color"] == "red" and sent["x-ms-meta-size"] == "10"
        assert "x-ms-meta" not in sent
        client.blobs.set_metadata("a")  # no dict: no header of the family
        sent = {k.lower() for k in fake_service.requests[-1].headers}
    assert not [k for k in sent if k.startswith("x-ms-meta")]


def test_response_headers_with_the_prefix_are_one_dict(
    package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.route("GET", "/blobs/a", _answer)
    with package.BlobsClient(endpoint=fake_service.url, retry_total=0) as client:
        headers = client.blobs.get_properties("a")
        seen = client.blobs.get_properties("a", cls=lambda _r, _d, h: h)
    # Header names compare without case; the keys keep the rest of the name as received.
    assert headers == {"ETag": '"1"', "x-ms-meta": {"color": "red", "Size": "10"}}
    assert seen == headers
