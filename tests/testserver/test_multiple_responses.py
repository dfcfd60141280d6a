"""Several declared responses per operation: the httpInfrastructure spec's multipleResponses group.

Each status is read as the type declared for it (200 -> ``A``, 201 -> ``B`` or ``C``, a 404
declared as a result -> ``D``); a status the spec does not declare raises ``HttpResponseError``
with that status and the ``default`` error model when one is declared; a status declared without
a body ignores whatever body comes with it; fields the model does not know never fail a call.
The sync and the async client are held to the same table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]


@dataclass(frozen=True)
class Returns:
    """The call returns an instance of exactly ``model`` (None: returns None) with ``fields``."""

    model: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] | None = None  # the unknown fields the model keeps


@dataclass(frozen=True)
class Raises:
    """The call raises ``HttpResponseError`` with ``status`` and a ``model`` error model."""

    status: int
    model: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] | None = None


CLIENT_ERROR = {"message": "client error"}

EXPECTED: dict[str, Returns | Raises] = {
    # A: 200 -> A, 204 -> no body, default -> Error
    "get200_model204_no_model_default_error200_valid": Returns("A", {"status_code": "200"}),
    "get200_model204_no_model_default_error204_valid": Returns(None),
    # statuses the spec does not declare: the default model describes them
    "get200_model204_no_model_default_error201_invalid": Raises(201, "Error"),
    "get200_model204_no_model_default_error202_none": Raises(202, "Error"),
    "get200_model204_no_model_default_error400_valid": Raises(400, "Error", CLIENT_ERROR),
    # B: 200 -> A, 201 -> B (a subclass of A), default -> Error
    "get200_model201_model_default_error200_valid": Returns("A", {"status_code": "200"}),
    "get200_model201_model_default_error201_valid": Returns(
        "B", {"status_code": "201", "text_status_code": "Created"}
    ),
    "get200_model201_model_default_error400_valid": Raises(400, "Error", CLIENT_ERROR),
    # C: 200 -> A, 201 -> C, 404 -> D (a result, not a failure), default -> Error
    "get200_model_a201_model_c404_model_d_default_error200_valid": Returns(
        "A", {"status_code": "200"}
    ),
    "get200_model_a201_model_c404_model_d_default_error201_valid": Returns(
        "C", {"http_code": "201"}
    ),
    "get200_model_a201_model_c404_model_d_default_error404_valid": Returns(
        "D", {"http_status_code": "404"}
    ),
    "get200_model_a201_model_c404_model_d_default_error400_valid": Raises(
        400, "Error", CLIENT_ERROR
    ),
    # D: 202 and 204 without a body, default -> Error
    "get202_none204_none_default_error202_none": Returns(None),
    "get202_none204_none_default_error204_none": Returns(None),
    "get202_none204_none_default_error400_valid": Raises(400, "Error", CLIENT_ERROR),
    # E: the same without an error model; a body on a status declaring none is ignored
    "get202_none204_none_default_none202_invalid": Returns(None),
    "get202_none204_none_default_none204_none": Returns(None),
    "get202_none204_none_default_none400_none": Raises(400, None),
    "get202_none204_none_default_none400_invalid": Raises(400, None),
    # F: 200 -> A; default -> A as the error model
    "get_default_model_a200_valid": Returns("A", {"status_code": "200"}),
    "get_default_model_a200_none": Returns(None),  # an empty body gives None
    "get_default_model_a400_valid": Raises(400, None),  # the server sends no body
    "get_default_model_a400_none": Raises(
        400, "A", {"status_code": None}, extra={"property": "value"}
    ),
    # G: 200 without a body, default without a model
    "get_default_none200_invalid": Returns(None),
    "get_default_none200_none": Returns(None),
    "get_default_none400_invalid": Raises(400, None),
    "get_default_none400_none": Raises(400, None),
    # H: 200 -> A and nothing else
    "get200_model_a200_valid": Returns("A", {"status_code": "200"}),
    "get200_model_a200_none": Returns(None),  # an empty body gives None
    "get200_model_a200_invalid": Returns(
        "A", {"status_code": None}, extra={"statusCodeInvalid": "200"}
    ),
    "get200_model_a400_none": Raises(400, None),
    "get200_model_a400_valid": Raises(400, None),
    "get200_model_a400_invalid": Raises(400, None),
    "get200_model_a202_valid": Raises(202, None),
}


def _check_value(value: Any, models: Any, expected: Returns | Raises, name: str) -> None:
    if expected.model is None:
        assert value is None, name
        return
    assert type(value) is getattr(models, expected.model), name
    for attribute, wanted in expected.fields.items():
        assert getattr(value, attribute) == wanted, name
    if expected.extra is not None:
        assert value.model_extra == expected.extra, name


def _check_error(error: HttpResponseError, models: Any, expected: Raises, name: str) -> None:
    assert error.status_code == expected.status, name
    _check_value(error.model, models, expected, name)


def test_every_operation_is_in_the_table(testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    group = generated.version._operations.MultipleResponsesOperations
    assert sorted(EXPECTED) == sorted(n for n in vars(group) if not n.startswith("_"))


def test_each_status_reads_as_declared(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("httpInfrastructure")
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        for name, expected in EXPECTED.items():
            call = getattr(client.multiple_responses, name)
            if isinstance(expected, Raises):
                with pytest.raises(HttpResponseError) as caught:
                    call()
                _check_error(caught.value, generated.models, expected, name)
            else:
                _check_value(call(), generated.models, expected, name)


async def test_async_each_status_reads_as_declared(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("httpInfrastructure")
    async with generated.aio_client(endpoint=testserver.url, retry_total=0) as client:
        for name, expected in EXPECTED.items():
            call = getattr(client.multiple_responses, name)
            if isinstance(expected, Raises):
                with pytest.raises(HttpResponseError) as caught:
                    await call()
                _check_error(caught.value, generated.models, expected, name)
            else:
                _check_value(await call(), generated.models, expected, name)
