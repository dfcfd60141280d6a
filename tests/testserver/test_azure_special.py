"""Azure-specific request conventions against the test server (azure-special-properties).

Client-level subscription id and api-version, method-level and constant api-versions,
x-ms-skip-url-encoding in path and query, OData query options and request-id headers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer

SUBSCRIPTION = "1234-5678-9012-3456"
REQUEST_ID = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"


@pytest.fixture
def generated(testserver_client: Callable[[str], Generated]) -> Generated:
    return testserver_client("azure-special-properties")


@pytest.fixture
def client(testserver: TestServer, generated: Generated) -> Iterator[Any]:
    with generated.client(SUBSCRIPTION, endpoint=testserver.url) as created:
        yield created


def test_subscription_id_from_the_client(client: Any) -> None:
    client.subscription_in_credentials.post_method_global_valid()
    client.subscription_in_credentials.post_method_global_not_provided_valid()
    client.subscription_in_credentials.post_path_global_valid()
    client.subscription_in_credentials.post_swagger_global_valid()


def test_subscription_id_of_the_method(client: Any) -> None:
    client.subscription_in_method.post_method_local_valid(SUBSCRIPTION)
    client.subscription_in_method.post_path_local_valid(SUBSCRIPTION)
    client.subscription_in_method.post_swagger_local_valid(SUBSCRIPTION)


def test_api_version_from_the_client(client: Any) -> None:
    client.api_version_default.get_method_global_valid()
    client.api_version_default.get_method_global_not_provided_valid()
    client.api_version_default.get_path_global_valid()
    client.api_version_default.get_swagger_global_valid()


def test_api_version_pinned_by_the_operation(client: Any) -> None:
    client.api_version_local.get_method_local_valid()  # the constant "2.0", not the client's
    client.api_version_local.get_path_local_valid()
    client.api_version_local.get_swagger_local_valid()
    client.api_version_local.get_method_local_null()  # optional and not given: not sent


def test_skip_url_encoding(client: Any) -> None:
    client.skip_url_encoding.get_method_path_valid("path1/path2/path3")
    client.skip_url_encoding.get_path_path_valid("path1/path2/path3")
    client.skip_url_encoding.get_swagger_path_valid()
    client.skip_url_encoding.get_method_query_valid(q1="value1&q2=value2&q3=value3")
    client.skip_url_encoding.get_path_query_valid(q1="value1&q2=value2&q3=value3")
    client.skip_url_encoding.get_swagger_query_valid()
    client.skip_url_encoding.get_method_query_null()


def test_odata_query_options(client: Any) -> None:
    client.odata.get_with_filter(filter_="id gt 5 and name eq 'foo'", top=10, orderby="id")


def test_client_request_id(
    client: Any, testserver: TestServer, testserver_client: Callable[[str], Generated]
) -> None:
    client.x_ms_client_request_id.get(request_id=REQUEST_ID)
    client.x_ms_client_request_id.param_get(x_ms_client_request_id=REQUEST_ID)
    with pytest.raises(HttpResponseError):
        client.x_ms_client_request_id.get(request_id="not-the-expected-id")
    generated = testserver_client("azure-special-properties")
    with generated.client(
        SUBSCRIPTION, endpoint=testserver.url, auto_request_id=False
    ) as without_id:
        without_id.x_ms_client_request_id.get()


def test_custom_named_request_id(client: Any, generated: Generated) -> None:
    client.header.custom_named_request_id(foo_client_request_id=REQUEST_ID)
    # x-ms-parameter-grouping: the header is a member of the operation's parameter group
    group = generated.models.HeaderCustomNamedRequestIdParamGroupingParameters
    client.header.custom_named_request_id_param_grouping(group(foo_client_request_id=REQUEST_ID))
    assert client.header.custom_named_request_id_head(foo_client_request_id=REQUEST_ID) is True
