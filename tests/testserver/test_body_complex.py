"""Complex bodies against the test server (body-complex): models sent and read back.

Most scenarios are a GET answering a fixed document and a PUT expecting the same document, so
the tests read a model and send it back unchanged -- the round trip must keep every field and
format the server checks.  (Arrays and maps with null items, polymorphic subtypes and read-only
fields belong to the runtime's response and model work and are tested with it.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer


@pytest.fixture
def client(testserver: TestServer, testserver_client: Callable[[str], Generated]) -> Iterator[Any]:
    generated = testserver_client("body-complex")
    with generated.client(endpoint=testserver.url) as created:
        yield created


def test_basic(client: Any) -> None:
    basic = client.basic.get_valid()
    assert (basic.id, basic.name, basic.color) == (2, "abc", "YELLOW")
    client.basic.put_valid({"id": 2, "name": "abc", "color": "Magenta"})
    assert client.basic.get_empty().id is None
    assert client.basic.get_null().name is None
    assert client.basic.get_not_provided() is None
    with pytest.raises(HttpResponseError):
        client.basic.get_invalid()


PRIMITIVES = ("int", "long", "float", "double", "bool", "string", "date", "date_time")
MORE_PRIMITIVES = ("date_time_rfc1123", "duration", "byte")


@pytest.mark.parametrize("kind", PRIMITIVES + MORE_PRIMITIVES)
def test_primitive_round_trip(client: Any, kind: str) -> None:
    value = getattr(client.primitive, f"get_{kind}")()
    getattr(client.primitive, f"put_{kind}")(value)


def test_inheritance(client: Any) -> None:
    siamese = client.inheritance.get_valid()
    assert siamese.breed == "persian" and siamese.hates[1].food == "french fries"
    client.inheritance.put_valid(siamese)


def test_polymorphic_reads(client: Any) -> None:
    dot = client.polymorphism.get_dot_syntax()
    assert type(dot).__name__ == "DotSalmon"
    market = client.polymorphism.get_composed_with_discriminator()
    assert type(market.sample_salmon).__name__ == "DotSalmon"
    assert client.polymorphism.get_composed_without_discriminator() is not None
