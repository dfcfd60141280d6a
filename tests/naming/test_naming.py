"""The naming pass: shapes, reserved words, the collision cascade, guideline method names."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from generator.diagnostics import Diagnostic
from generator.ir import ApiSpec, EnumRef, ModelRef, Operation, Paging, Primitive, PrimitiveType
from generator.ir_json import ir_to_json
from generator.naming import method_name, pascal, resolve, snake, upper, words

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, tuple[Diagnostic, ...]]]
Doc = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("dataRefreshIntervalInMinutes", "data_refresh_interval_in_minutes"),
        ("fine_tuned_model", "fine_tuned_model"),
        ("HTTPRequest", "http_request"),
        ("api-version", "api_version"),
        ("$filter", "filter"),
        ("@odata.nextLink", "odata_next_link"),
        ("x-ms-request-id", "x_ms_request_id"),
        ("int32Value", "int32_value"),
        ("2fa", "n_2fa"),
        ("ünïcödé", "n_c_d"),
        ("", "field"),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


def test_pascal_upper_and_words() -> None:
    assert pascal("OperationResponse.result") == "OperationResponseResult"
    assert pascal("fine-tune") == "FineTune"
    assert pascal("256x256") == "N256xX256" or pascal("256x256").isidentifier()
    assert upper("fine-tune-results") == "FINE_TUNE_RESULTS"
    assert upper("Size256x256") == "SIZE256_X256"
    assert upper("1") == "V_1"
    assert words("FineTunes_GetEvents") == ["Fine", "Tunes", "Get", "Events"]


def test_resolve_cascade() -> None:
    wanted = [("foo_bar", []), ("foo_bar", ["foo_bar_query"]), ("foo_bar", ["foo_bar_query"])]
    assert resolve(wanted) == ["foo_bar", "foo_bar_query", "foo_bar_2"]
    assert resolve([("Thing", [])], taken={"Thing"}) == ["Thing2"]


def _operation(
    operation_id: str, group: str, *, paged: bool = False, lro: bool = False
) -> Operation:
    from generator.ir import LongRunning

    return Operation(
        operation_id=operation_id,
        group_key=group,
        py_name="",
        method="get",
        path="/x",
        paging=Paging("data", PrimitiveType(Primitive.STRING)) if paged else None,
        long_running=LongRunning("operation-location") if lro else None,
    )


@pytest.mark.parametrize(
    ("operation_id", "group", "paged", "lro", "expected"),
    [
        ("FineTuning_List", "FineTuning", True, False, "list"),
        ("FineTuning_GetEvents", "FineTuning", True, False, "list_events"),
        ("FineTuning_GetEvents", "FineTuning", False, False, "get_events"),
        ("Things_Events", "Things", True, False, "list_events"),
        ("Images_Generate", "Images", False, True, "begin_generate"),
        ("Files_Import", "Files", False, False, "import_file"),
        ("Files_Delete", "Files", False, False, "delete"),
        ("microsoftAzureFilesList", "Files", False, False, "list"),
        ("microsoftAzureFinetunesCancel", "FineTunes", False, False, "cancel"),
        ("microsoftAzureOperationsimagesGet", "Operations", False, False, "images_get"),
        ("doStuff", "Other", False, False, "do_stuff"),
    ],
)
def test_method_names(operation_id: str, group: str, paged: bool, lro: bool, expected: str) -> None:
    operation = _operation(operation_id, group, paged=paged, lro=lro)
    assert method_name(operation, snake(group)) == expected


def test_hostile_property_names(compile_data: Compile, swagger_doc: Doc) -> None:
    hostile = 'Say """hi""" \\ and C:\\path\\n and \'quotes\''
    doc = swagger_doc(
        definitions={
            "Base": {"type": "object", "properties": {"fooBar": {"type": "string"}}},
            "T": {
                "type": "object",
                "description": hostile,
                "allOf": [{"$ref": "#/definitions/Base"}],
                "properties": {
                    "foo_bar": {"type": "string", "description": hostile},
                    "class": {"type": "string"},
                    "import": {"type": "string"},
                    "model_config": {"type": "string"},
                    "json": {"type": "string"},
                    "copy": {"type": "string"},
                    "schema": {"type": "string"},
                    "dict": {"type": "string"},
                    "type": {"type": "string"},
                    "id": {"type": "string"},
                    "match": {"type": "string"},
                    "_private": {"type": "string"},
                    "a-b": {"type": "string"},
                    "a_b": {"type": "string"},
                    "aB": {"type": "string"},
                },
            },
        }
    )
    spec, _ = compile_data(doc)
    names = {p.wire_name: p.py_name for p in spec.model("T").properties}
    assert spec.model("Base").properties[0].py_name == "foo_bar"
    assert names["foo_bar"] == "foo_bar_2"  # inherited fooBar keeps foo_bar
    assert names["class"] == "class_" and names["import"] == "import_"
    assert names["model_config"] == "model_config_" and names["json"] == "json_"
    assert names["copy"] == "copy_" and names["schema"] == "schema_" and names["dict"] == "dict_"
    assert names["type"] == "type" and names["id"] == "id" and names["match"] == "match"
    assert names["_private"] == "private"
    # the spelling that already is the snake name wins; the others take an index, sorted
    assert names["a_b"] == "a_b" and {names["a-b"], names["aB"]} == {"a_b_2", "a_b_3"}
    assert names["a-b"] == "a_b_2"
    assert len(set(names.values())) == len(names)
    # descriptions are kept verbatim; escaping is the renderer's job, and JSON round-trips
    assert spec.model("T").description == hostile
    data = json.loads(ir_to_json(spec))
    (model,) = [m for m in data["models"] if m["key"] == "T"]
    assert model["description"] == hostile


def test_hostile_parameter_and_group_names(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={"In": {"type": "object"}},
        paths={
            "/x/{self}": {
                "post": {
                    "operationId": "Close_Import",
                    "parameters": [
                        {"name": "self", "in": "path", "required": True, "type": "string"},
                        {"name": "type", "in": "query", "type": "string"},
                        {"name": "fooBar", "in": "query", "type": "string"},
                        {"name": "foo_bar", "in": "header", "type": "string"},
                        {"name": "kwargs", "in": "header", "type": "string"},
                        {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/In"}},
                    ],
                    "responses": {"204": {"description": "OK"}},
                }
            },
            "/y": {
                "get": {
                    "operationId": "Close_List",
                    "responses": {"204": {"description": "OK"}},
                }
            },
        },
    )
    spec, _ = compile_data(doc)
    (group,) = spec.groups
    assert (group.key, group.py_name, group.class_name) == ("Close", "close_", "CloseOperations")
    post = next(op for op in group.operations if op.method == "post")
    assert post.py_name == "import_close"
    names = {p.wire_name: p.py_name for p in post.parameters}
    assert names["self"] == "self_" and names["type"] == "type_" and names["kwargs"] == "kwargs_"
    assert names["foo_bar"] == "foo_bar" and names["fooBar"] == "foo_bar_query"
    assert post.body is not None and post.body.KIND == "json"
    every = [n for n in names.values()] + ["body"]
    assert all(name.isidentifier() for name in every)


def test_class_name_collisions(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "Mode": {"type": "object", "properties": {"x": {"type": "string"}}},
            "Exception": {"type": "object", "properties": {"x": {"type": "string"}}},
            "Field": {"type": "string", "enum": ["a"]},
            "T": {
                "type": "object",
                "properties": {
                    "mode": {"type": "string", "enum": ["on"], "x-ms-enum": {"name": "Mode"}},
                    "t": {"type": "object", "properties": {"y": {"type": "string"}}},
                },
            },
            "TT": {"type": "object", "properties": {"z": {"type": "string"}}},
        }
    )
    spec, diagnostics = compile_data(doc)
    assert spec.model("Mode").class_name == "Mode"
    assert spec.model("Exception").class_name == "ExceptionModel"
    assert spec.enum("Field").class_name == "FieldEnum"
    mode = next(p for p in spec.model("T").properties if p.wire_name == "mode")
    assert isinstance(mode.type, EnumRef) and spec.enum(mode.type.key).class_name == "ModeEnum"
    inline = next(p for p in spec.model("T").properties if p.wire_name == "t")
    assert isinstance(inline.type, ModelRef)
    assert spec.model("TT").class_name == "TT"
    assert spec.model(inline.type.key).class_name == "TTModel"  # definitions win
    assert any("already taken" in d.message for d in diagnostics)
    classes = [m.class_name for m in spec.models] + [e.class_name for e in spec.enums]
    assert len(classes) == len(set(classes))


def test_client_name_and_enum_member_names(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "E": {
                "type": "string",
                "enum": ["fooBar", "foo_bar", "", "None", "1024x1024"],
                "x-ms-enum": {"name": "E", "modelAsString": False},
            },
            "T": {
                "type": "object",
                "properties": {"odd": {"type": "string", "x-ms-client-name": "niceName"}},
            },
        }
    )
    spec, _ = compile_data(doc)
    members = [v.py_name for v in spec.enum("E").values]
    assert members == ["FOO_BAR", "FOO_BAR_2", "EMPTY", "NONE", "V_1024X_1024"]
    assert spec.model("T").properties[0].py_name == "nice_name"


def test_duplicate_and_missing_operation_ids(compile_data: Compile, swagger_doc: Doc) -> None:
    ok = {"204": {"description": "OK"}}
    doc = swagger_doc(
        paths={
            "/jobs": {
                "get": {"operationId": "Jobs_Get", "responses": ok},
                "post": {"operationId": "Jobs_Get", "responses": ok},
            },
            "/jobs/{id}/restart": {
                "post": {
                    "tags": ["Jobs"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string"}
                    ],
                    "responses": ok,
                }
            },
        }
    )
    spec, diagnostics = compile_data(doc)
    (group,) = spec.groups
    assert sorted(op.py_name for op in group.operations) == ["get", "get_post", "post_restart"]
    messages = [d.message for d in diagnostics]
    assert any("also used" in m for m in messages)
    assert any("no operationId" in m for m in messages)


@pytest.mark.parametrize(
    ("operation_id", "group", "paged", "expected"),
    [
        ("microsoftAzureFinetuningGetevents", "FineTuning", True, "list_events"),
        ("microsoftAzureOperationsimagesDelete", "Images", False, "delete"),
        ("microsoftAzureIngestionjobsList", "Ingestion", False, "jobs_list"),
    ],
)
def test_method_names_of_copies_without_word_boundaries(
    operation_id: str, group: str, paged: bool, expected: str
) -> None:
    operation = _operation(operation_id, group, paged=paged)
    assert method_name(operation, snake(group)) == expected
