"""Error responses from Prism become azure-core errors carrying the spec's typed error model.

Prism answers with a given status when asked with ``Prefer: code=<status>`` (the operation's
``default`` response supplies the body), so every version's client is checked for the
status-to-exception mapping and for ``error.model`` being the generated ``ErrorResponse``
whose serialization is exactly the body Prism sent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from contract_transport import AsyncRecordingTransport, RecordingTransport
from contract_values import Synthesizer, compiled, generated
from json_compare import json_differences
from prism_server import VERSIONS, PrismPool, spec_path

EXPECTED = {
    400: HttpResponseError,
    401: ClientAuthenticationError,
    404: ResourceNotFoundError,
    409: ResourceExistsError,
    500: HttpResponseError,
}


def _error_class(version: str) -> Any:
    api = compiled(spec_path(version))
    (operation,) = [op for op in api.operations if op.operation_id == "Models_Get"]
    return Synthesizer(api, generated(version).models).python_class(operation.error_type)


def _check(error: HttpResponseError, status: int, version: str, body: bytes | None) -> None:
    assert type(error) is EXPECTED[status]
    assert error.status_code == status
    error_class = _error_class(version)
    assert isinstance(error.model, error_class), type(error.model)
    assert body is not None
    runtime = __import__("azure_openai_authoring._runtime", fromlist=["serialize"])
    assert (
        json_differences(json.loads(body), runtime.serialize(error.model, keep_read_only=True))
        == []
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("status", sorted(EXPECTED))
@pytest.mark.parametrize("version", VERSIONS)
async def test_error_status_maps_to_typed_exception(
    prism: PrismPool, version: str, status: int, mode: str
) -> None:
    server = prism(version)
    prefer = {"Prefer": f"code={status}"}
    credential = AzureKeyCredential("test-key")
    if mode == "sync":
        transport = RecordingTransport()
        client_class = generated(version).client_class(asynchronous=False)
        with (
            client_class(server.root_url, credential, transport=transport, retry_total=0) as client,
            pytest.raises(HttpResponseError) as raised,
        ):
            client.models.get("model-1", headers=prefer)
        exchanges = transport.exchanges
    else:
        async_transport = AsyncRecordingTransport()
        client_class = generated(version).client_class(asynchronous=True)
        async with client_class(
            server.root_url, credential, transport=async_transport, retry_total=0
        ) as client:
            with pytest.raises(HttpResponseError) as raised:
                await client.models.get("model-1", headers=prefer)
        exchanges = async_transport.exchanges
    assert [e.status for e in exchanges] == [status]
    _check(raised.value, status, version, exchanges[0].body)
