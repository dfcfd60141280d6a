"""x-ms-client-flatten against the test server (model-flattening).

A flattened property's model lends its properties to the outer model (``p_name`` instead of
``properties.p_name``; ``properties_type`` beside the inherited ``type``) while the wire keeps
the nesting, which the server checks body by body; a flattened body parameter makes the body
model's properties keyword arguments of the operation.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from testserver_clients import Generated
from testserver_process import TestServer

TAGS = {"tag1": "value1", "tag2": "value3"}
CUSTOM = {
    "base_product_id": "123",
    "base_product_description": "product description",
    "details": {
        "max_product_display_name": "max name",
        "max_product_capacity": "Large",
        "max_product_image": {"@odata.value": "http://foo"},
    },
}


@pytest.fixture
def generated(testserver_client: Callable[[str], Generated]) -> Generated:
    return testserver_client("model-flattening")


@pytest.fixture
def client(testserver: TestServer, generated: Generated) -> Iterator[Any]:
    with generated.client(endpoint=testserver.url) as created:
        yield created


def _check_product(product: Any, number: int) -> None:
    assert (product.id, product.name, product.location) == (
        str(number),
        f"Resource{number}",
        "Building 44",
    )
    assert product.p_name == f"Product{number}"
    assert product.properties_type == "Flat"  # the inherited `type` keeps its name
    assert product.type == "Microsoft.Web/sites"
    assert product.provisioning_state == "Succeeded"
    assert product.provisioning_state_values == "OK"
    assert product.tags == TAGS


def test_get_array_lifts_nested_properties(client: Any) -> None:
    first, second, third = client.get_array()
    _check_product(first, 1)
    assert second.p_name is None and second.location == "Building 44"
    assert third.location is None


def test_put_array(client: Any, generated: Generated) -> None:
    resource = generated.models.Resource
    client.put_array(
        resource_array=[resource(location="West US", tags=TAGS), resource(location="Building 44")]
    )


def test_dictionary_both_ways(client: Any, generated: Generated) -> None:
    products = client.get_dictionary()
    _check_product(products["Product1"], 1)
    assert products["Product3"].name == "Resource3"
    product = generated.models.FlattenedProduct
    client.put_dictionary(
        resource_dictionary={
            "Resource1": product(
                location="West US", tags=TAGS, p_name="Product1", properties_type="Flat"
            ),
            "Resource2": product(location="Building 44", p_name="Product2", properties_type="Flat"),
        }
    )


def test_resource_collection_both_ways(client: Any, generated: Generated) -> None:
    collection = client.get_resource_collection()
    _check_product(collection.dictionaryofresources["Product1"], 1)
    _check_product(collection.arrayofresources[0], 4)
    assert collection.productresource.name == "Resource7"
    models = generated.models
    product = models.FlattenedProduct
    client.put_resource_collection(
        resource_complex_object=models.ResourceCollection(
            arrayofresources=[
                product(location="West US", tags=TAGS, p_name="Product1", properties_type="Flat"),
                product(location="East US", p_name="Product2", properties_type="Flat"),
            ],
            dictionaryofresources={
                "Resource1": product(
                    location="West US", tags=TAGS, p_name="Product1", properties_type="Flat"
                ),
                "Resource2": product(
                    location="Building 44", p_name="Product2", properties_type="Flat"
                ),
            },
            productresource=product(location="India", p_name="Azure", properties_type="Flat"),
        )
    )


def test_nested_flattening_with_inherited_properties(client: Any, generated: Generated) -> None:
    # SimpleProduct flattens `details`, which flattens `max_product_image` (a ProductUrl that
    # inherits `generic_value`): four levels of wire nesting, one level of Python attributes.
    product = generated.models.SimpleProduct(
        product_id="123",
        description="product description",
        max_product_display_name="max name",
        capacity="Large",
        odata_value="http://foo",
        generic_value="https://generic",
    )
    echoed = client.put_simple_product(simple_body_product=product)
    assert echoed.odata_value == "http://foo" and echoed.generic_value == "https://generic"
    assert echoed.max_product_display_name == "max name" and echoed.product_id == "123"
    assert echoed.as_dict() == product.as_dict()


def test_flattened_body_parameter(client: Any) -> None:
    signature = inspect.signature(client.post_flattened_simple_product)
    assert "simple_body_product" not in signature.parameters
    # the model requires product_id; what the optional `details` container holds is optional
    assert signature.parameters["product_id"].default is inspect.Parameter.empty
    echoed = client.post_flattened_simple_product(
        "123",
        description="product description",
        max_product_display_name="max name",
        capacity="Large",
        odata_value="http://foo",
    )
    assert echoed.as_dict() == CUSTOM


def test_grouped_body_stays_a_member_of_its_group(client: Any, generated: Generated) -> None:
    models = generated.models
    body = models.SimpleProduct.from_dict(CUSTOM)
    group = models.FlattenParameterGroup(name="groupproduct", simple_body_product=body)
    echoed = client.put_simple_product_with_grouping(group)
    assert echoed.max_product_display_name == "max name"


async def test_async_flattened_body_parameter(testserver: TestServer, generated: Generated) -> None:
    async with generated.aio_client(endpoint=testserver.url) as client:
        echoed = await client.post_flattened_simple_product(
            product_id="123",
            description="product description",
            max_product_display_name="max name",
            capacity="Large",
            odata_value="http://foo",
        )
    assert echoed.odata_value == "http://foo"
