"""x-ms-client-flatten in a generated client: flat attributes, nested wire data both ways,
unknown fields inside a container kept, a flattened body's arguments and constants."""

from __future__ import annotations

import inspect
import json
from types import ModuleType
from typing import Any

import pytest
from gen_adhoc import generate_package
from gen_fake_service import FakeService

REF = "#/definitions/"
NAME = {"name": "name", "in": "path", "required": True, "type": "string"}
WIDGET_RESPONSE = {"200": {"description": "OK", "schema": {"$ref": REF + "Widget"}}}
DOCUMENT: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Widgets", "version": "2024-01-01"},
    "host": "widgets.example",
    "schemes": ["https"],
    "produces": ["application/json"],
    "consumes": ["application/json"],
    "paths": {
        "/widgets/{name}": {
            "get": {
                "operationId": "Widgets_Get",
                "parameters": [NAME],
                "responses": WIDGET_RESPONSE,
            },
            "put": {
                "operationId": "Widgets_Put",
                "parameters": [
                    NAME,
                    {
                        "name": "widget",
                        "in": "body",
                        "required": True,
                        "x-ms-client-flatten": True,
                        "schema": {"$ref": REF + "Widget"},
                    },
                ],
                "responses": WIDGET_RESPONSE,
            },
        }
    },
    "definitions": {
        "Widget": {
            "type": "object",
            "required": ["props"],
            "properties": {
                "name": {"type": "string"},
                "props": {"x-ms-client-flatten": True, "$ref": REF + "WidgetProps"},
            },
        },
        "WidgetProps": {
            "type": "object",
            "required": ["color", "mode"],
            "properties": {
                "color": {"type": "string"},
                "size": {"type": "integer", "format": "int32"},
                "mode": {
                    "type": "string",
                    "enum": ["fixed"],
                    "x-ms-enum": {"name": "Mode", "modelAsString": False},
                },
                "name": {"type": "string"},
            },
        },
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("flatten")
    return generate_package(root, DOCUMENT, "flatten_widgets", "WidgetsClient", "v2024_01_01")


def test_wire_data_is_read_into_flat_attributes_and_written_back_nested(
    package: ModuleType,
) -> None:
    wire = {
        "name": "w",
        "props": {"color": "red", "size": 3, "mode": "fixed", "name": "inner", "later": [1]},
        "other": True,
    }
    widget = package.models.Widget.from_dict(wire)
    assert (widget.name, widget.color, widget.size, widget.props_name) == ("w", "red", 3, "inner")
    assert "props" not in type(widget).model_fields  # the container is no attribute
    assert widget.as_dict() == wire  # unknown fields, in the container or not, are kept
    assert wire["props"]["color"] == "red"  # the caller's data is not changed


def test_a_model_built_by_hand_sends_the_nesting(package: ModuleType) -> None:
    widget = package.models.Widget(color="blue", mode="fixed")
    assert widget.as_dict() == {"props": {"color": "blue", "mode": "fixed"}}
    widget.size = 4
    assert widget.as_dict()["props"] == {"color": "blue", "mode": "fixed", "size": 4}


def test_flattened_body_takes_the_properties_as_arguments(
    package: ModuleType, fake_service: FakeService
) -> None:
    answer = {"props": {"color": "red", "mode": "fixed"}}
    fake_service.json("PUT", "/widgets/w1", 200, answer)
    client = package.WidgetsClient(endpoint=fake_service.url, retry_total=0)
    parameters = inspect.signature(client.widgets.put).parameters
    # `name` is the path parameter; the body's own `name` and the container's `name` give way.
    assert [p for p in parameters if p != "kwargs"] == [
        "name",
        "color",
        "name_body",
        "size",
        "props_name",
    ]
    with client:
        widget = client.widgets.put("w1", "red", size=3, props_name="n")
    assert widget.color == "red"
    sent = json.loads(fake_service.requests[-1].body)
    # `mode` is a required enum of one value: a constant, sent without being asked for.
    assert sent == {"props": {"color": "red", "size": 3, "mode": "fixed", "name": "n"}}
