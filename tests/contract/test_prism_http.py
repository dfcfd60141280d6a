"""Prism serves every operation of each bundle: plain HTTP, no generated client involved.

A minimal valid request per operation must pass Prism's request validation (no 422, no
``sl-violations`` entry located in the request) and get a declared success status.  This
separates "the bundle or the mock is wrong" from "the client is wrong" in the client tests.

Two operations cannot be answered with their declared success by Prism 5, whatever the
request: it has no serializer for ``application/octet-stream`` (file content downloads) and
cannot write an object schema as ``text/event-stream``.  Both are requested here with
``Accept: application/json``, which Prism can answer and which the spec also produces.
"""

from __future__ import annotations

import json

import pytest
from contract_wire import build_request, operations, send
from prism_server import VERSIONS, PrismPool, request_violations, spec_path


def _cases() -> list[tuple[str, str]]:
    cases = []
    for version in VERSIONS:
        document = json.loads(spec_path(version).read_text(encoding="utf-8"))
        for path in document["paths"].values():
            for operation in path.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    cases.append((version, operation["operationId"]))
    return cases


@pytest.mark.parametrize(("version", "operation_id"), _cases())
def test_prism_accepts_a_minimal_valid_request(
    prism: PrismPool, version: str, operation_id: str
) -> None:
    server = prism(version)
    (op,) = [o for o in operations(server.bundle) if o.operation_id == operation_id]
    result = send(build_request(server.bundle, op, server.root_url))
    violations = request_violations(result.headers)
    assert violations == [], violations
    declared = {int(code) for code in op.operation["responses"] if code.isdigit()}
    assert result.status in declared, (result.status, result.body[:500])
    if server.lro_example and "/operations/" in op.path and op.method == "get":
        assert json.loads(result.body) == server.lro_example
        assert "sl-violations" not in {k.lower() for k in result.headers}  # a valid example


def test_missing_required_query_parameter_is_a_422_with_violations(prism: PrismPool) -> None:
    server = prism("2023-06-01-preview")
    (op,) = [o for o in operations(server.bundle) if o.operation_id == "Files_List"]
    request = build_request(server.bundle, op, server.root_url)
    request.full_url = request.full_url.split("?")[0]
    result = send(request)
    assert result.status == 422
    assert [v["location"] for v in request_violations(result.headers)] == [["request", "query"]]


def test_missing_api_key_is_rejected(prism: PrismPool) -> None:
    server = prism("2025-02-01-preview")
    (op,) = [o for o in operations(server.bundle) if o.operation_id == "Models_List"]
    request = build_request(server.bundle, op, server.root_url)
    request.remove_header("Api-key")
    result = send(request)
    assert result.status == 401
    assert request_violations(result.headers)
