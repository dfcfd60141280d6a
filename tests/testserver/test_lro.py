"""Long-running operations of the test server's lro and lro-parameterized-endpoints specs.

Every operation of the lro spec is started the way a user would (``begin_*`` then ``result()``)
and must end as the scenario intends: with the final resource, or -- for the scenarios where
the operation fails, is canceled or the service misbehaves -- with an ``HttpResponseError``.
The server's own checks decide whether each scenario was exercised correctly.
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
CUSTOM_HEADERS = {"x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"}

#: Scenarios that end in failure: failed or canceled operations, 4xx answers, broken monitors.
FAILING = {
    "lr_os.begin_delete_async_retry_failed",
    "lr_os.begin_delete_async_retrycanceled",
    "lr_os.begin_post_async_retry_failed",
    "lr_os.begin_post_async_retrycanceled",
    "lr_os.begin_put200_acceptedcanceled200",
    "lr_os.begin_put201_creating_failed200",
    "lr_os.begin_put_async_no_retrycanceled",
    "lr_os.begin_put_async_retry_failed",
    *(
        f"lrosa_ds.begin_{name}"
        for name in (
            "delete202_non_retry400",
            "delete202_retry_invalid_header",
            "delete_async_relative_retry400",
            "delete_async_relative_retry_invalid_header",
            "delete_async_relative_retry_invalid_json_polling",
            "delete_async_relative_retry_no_status",
            "delete_non_retry400",
            "post202_non_retry400",
            "post202_retry_invalid_header",
            "post_async_relative_retry400",
            "post_async_relative_retry_invalid_header",
            "post_async_relative_retry_invalid_json_polling",
            "post_async_relative_retry_no_payload",
            "post_non_retry400",
            "put200_invalid_json",
            "put_async_relative_retry400",
            "put_async_relative_retry_invalid_header",
            "put_async_relative_retry_invalid_json_polling",
            "put_async_relative_retry_no_status",
            "put_async_relative_retry_no_status_payload",
            "put_non_retry201_creating400",
            "put_non_retry201_creating400_invalid_json",
            "put_non_retry400",
        )
    ),
}


def _operations(client: Any) -> list[tuple[str, Any]]:
    found = []
    for group_name in sorted(vars(client)):
        group = getattr(client, group_name)
        if group_name.startswith("_") or not type(group).__name__.endswith("Operations"):
            continue
        for name in sorted(dir(group)):
            if name.startswith("begin_"):
                found.append((f"{group_name}.{name}", getattr(group, name)))
    return found


def _arguments(method: Any, models: Any) -> list[Any]:
    values = []
    for parameter in inspect.signature(method).parameters.values():
        if (
            parameter.kind is parameter.POSITIONAL_OR_KEYWORD
            and parameter.default is parameter.empty
        ):
            if "sku" in parameter.name:
                values.append(models.Sku(name="doesNotMatter"))
            elif "sub" in parameter.name:
                values.append(models.SubProduct())
            else:
                values.append(models.Product(location="West US"))
    return values


def test_every_lro_scenario(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("lro")
    outcomes: dict[str, str] = {}
    with generated.client(endpoint=testserver.url) as client:
        operations = _operations(client)
        assert len(operations) == 81
        for name, method in operations:
            extra = {"headers": CUSTOM_HEADERS} if "custom_header" in name else {}
            try:
                result = method(
                    *_arguments(method, generated.models), polling_interval=0, **extra
                ).result()
            except HttpResponseError:
                outcomes[name] = "error"
                continue
            outcomes[name] = "ok"
            # Product flattens its `properties` (x-ms-client-flatten): the state is an attribute
            state = getattr(result, "provisioning_state", None)
            if name.startswith("lr_os.begin_put") and state is not None:
                assert state == "Succeeded", name
    assert {name for name, outcome in outcomes.items() if outcome == "error"} == FAILING


def test_final_state_via_and_list_results(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("lro")
    with generated.client(endpoint=testserver.url) as client:
        via_location = client.lr_os.begin_post_double_headers_final_location_get(
            polling_interval=0
        ).result()
        via_monitor = client.lr_os.begin_post_double_headers_final_azure_header_get(
            polling_interval=0
        ).result()
        listed = client.lr_os.begin_post202_list(polling_interval=0).result()
    assert via_location.id == "100" and via_monitor.id == "100"
    assert [item.name for item in listed] == ["foo"]


def test_continuation_token_resumes_a_poller(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("lro")
    models = generated.models
    with generated.client(endpoint=testserver.url) as client:
        poller = client.lr_os.begin_put201_creating_succeeded200(
            product=models.Product(location="West US"), polling_interval=0
        )
        token = poller.continuation_token()
        poller.result()
        resumed = client.lr_os.begin_put201_creating_succeeded200(
            continuation_token=token, polling_interval=0
        )
        assert resumed.result().provisioning_state == "Succeeded"


async def test_async_lro_success_and_failure(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("lro")
    models = generated.models
    async with generated.aio_client(endpoint=testserver.url) as client:
        # Scenarios the sync test already ran that the server can serve again.
        poller = await client.lr_os.begin_put201_creating_succeeded200(
            product=models.Product(location="West US"), polling_interval=0
        )
        assert (await poller.result()).provisioning_state == "Succeeded"
        with pytest.raises(HttpResponseError):
            failing = await client.lrosa_ds.begin_put_non_retry400(
                product=models.Product(location="West US"), polling_interval=0
            )
            await failing.result()


def test_lro_with_parameterized_endpoints(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("lro-parameterized-endpoints")
    # "{accountName}{host}": "local" + "host:<port>" is the server; the spec names no scheme
    # (the client then assumes https), so the account name carries the test server's http.
    port = testserver.url.rsplit(":", 1)[1]
    account = "http://local"
    with generated.client(host=f"host:{port}") as client:
        plain = client.begin_poll_with_parameterized_endpoints(account, polling_interval=0)
        with_constant = client.begin_poll_with_constant_parameterized_endpoints(
            account, polling_interval=0
        )
        assert (plain.result(), with_constant.result()) == ("success", "success")
