"""Several declared responses per operation: the httpInfrastructure spec's multipleResponses group.

Each status is read as the type declared for it (200 -> ``A``, 201 -> ``B`` or ``C``, a 404
declared as a result -> ``D``); a status the spec does not declare raises ``HttpResponseError``
with that status and the ``default`` error model when one is declared; a status declared without
a body ignores whatever body comes with it; fields the model does not know never fail a call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]


@pytest.fixture
def generated(testserver_client: Load) -> Generated:
    """The httpInfrastructure client package."""
    return testserver_client("httpInfrastructure")


@pytest.fixture
def ops(testserver: TestServer, generated: Generated) -> Iterator[Any]:
    """The sync client's multipleResponses group, retries off."""
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        yield client.multiple_responses


def _error(call: Callable[[], Any], status: int) -> HttpResponseError:
    with pytest.raises(HttpResponseError) as caught:
        call()
    assert caught.value.status_code == status
    return caught.value


def test_model_per_status(ops: Any, generated: Generated) -> None:
    models = generated.models
    # A: 200 -> A, 204 -> no body, default -> Error
    a = ops.get200_model204_no_model_default_error200_valid()
    assert type(a) is models.A and a.status_code == "200"
    assert ops.get200_model204_no_model_default_error204_valid() is None
    for status, call in (
        (201, ops.get200_model204_no_model_default_error201_invalid),
        (202, ops.get200_model204_no_model_default_error202_none),
    ):
        error = _error(call, status)  # not declared: the default model describes it
        assert isinstance(error.model, models.Error)
    error = _error(ops.get200_model204_no_model_default_error400_valid, 400)
    assert isinstance(error.model, models.Error) and error.model.message == "client error"
    # B: 200 -> A, 201 -> B (a subclass of A), default -> Error
    a = ops.get200_model201_model_default_error200_valid()
    assert type(a) is models.A and a.status_code == "200"
    b = ops.get200_model201_model_default_error201_valid()
    assert type(b) is models.B
    assert (b.status_code, b.text_status_code) == ("201", "Created")
    error = _error(ops.get200_model201_model_default_error400_valid, 400)
    assert isinstance(error.model, models.Error) and error.model.message == "client error"
    # C: 200 -> A, 201 -> C, 404 -> D (a result, not a failure), default -> Error
    a = ops.get200_model_a201_model_c404_model_d_default_error200_valid()
    assert type(a) is models.A and a.status_code == "200"
    c = ops.get200_model_a201_model_c404_model_d_default_error201_valid()
    assert type(c) is models.C and c.http_code == "201"
    d = ops.get200_model_a201_model_c404_model_d_default_error404_valid()
    assert type(d) is models.D and d.http_status_code == "404"
    error = _error(ops.get200_model_a201_model_c404_model_d_default_error400_valid, 400)
    assert isinstance(error.model, models.Error) and error.model.message == "client error"


def test_statuses_without_body(ops: Any, generated: Generated) -> None:
    models = generated.models
    # D: 202 and 204 without a body, default -> Error
    assert ops.get202_none204_none_default_error202_none() is None
    assert ops.get202_none204_none_default_error204_none() is None
    error = _error(ops.get202_none204_none_default_error400_valid, 400)
    assert isinstance(error.model, models.Error) and error.model.message == "client error"
    # E: the same without an error model; a body on a status declaring none is ignored
    assert ops.get202_none204_none_default_none202_invalid() is None
    assert ops.get202_none204_none_default_none204_none() is None
    assert _error(ops.get202_none204_none_default_none400_none, 400).model is None
    assert _error(ops.get202_none204_none_default_none400_invalid, 400).model is None


def test_default_responses(ops: Any, generated: Generated) -> None:
    models = generated.models
    # F: 200 -> A; default -> A as the error model
    a = ops.get_default_model_a200_valid()
    assert type(a) is models.A and a.status_code == "200"
    assert ops.get_default_model_a200_none() is None
    assert _error(ops.get_default_model_a400_valid, 400).model is None  # no body sent
    error = _error(ops.get_default_model_a400_none, 400)
    assert isinstance(error.model, models.A)
    assert error.model.status_code is None  # the body's unknown field is kept, not fatal
    assert error.model.model_extra == {"property": "value"}
    # G: 200 without a body, default without a model
    assert ops.get_default_none200_invalid() is None
    assert ops.get_default_none200_none() is None
    assert _error(ops.get_default_none400_invalid, 400).model is None
    assert _error(ops.get_default_none400_none, 400).model is None


def test_only_200_declared(ops: Any, generated: Generated) -> None:
    models = generated.models
    # H: 200 -> A and nothing else
    a = ops.get200_model_a200_valid()
    assert type(a) is models.A and a.status_code == "200"
    assert ops.get200_model_a200_none() is None
    other = ops.get200_model_a200_invalid()  # the service's field is kept, the call works
    assert type(other) is models.A and other.status_code is None
    assert other.model_extra == {"statusCodeInvalid": "200"}
    for status, call in (
        (400, ops.get200_model_a400_none),
        (400, ops.get200_model_a400_valid),
        (400, ops.get200_model_a400_invalid),
        (202, ops.get200_model_a202_valid),
    ):
        assert _error(call, status).model is None  # no error model declared


async def test_async_model_per_status(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    models = generated.models
    async with generated.aio_client(endpoint=testserver.url, retry_total=0) as client:
        ops = client.multiple_responses
        b = await ops.get200_model201_model_default_error201_valid()
        assert type(b) is models.B and b.text_status_code == "Created"
        d = await ops.get200_model_a201_model_c404_model_d_default_error404_valid()
        assert type(d) is models.D
        with pytest.raises(HttpResponseError) as caught:
            await ops.get200_model204_no_model_default_error400_valid()
        assert caught.value.status_code == 400
        assert isinstance(caught.value.model, models.Error)
        assert await ops.get202_none204_none_default_none202_invalid() is None
