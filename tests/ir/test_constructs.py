"""Small inline specs, one construct each, and the IR they must give."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic
from generator.ir import (
    AnyType,
    ApiKeyAuth,
    ApiSpec,
    ArrayType,
    BinaryBody,
    EnumRef,
    JsonBody,
    MapType,
    ModelRef,
    MultipartBody,
    OAuth2Auth,
    Operation,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    Property,
    UnionType,
)
from generator.pipeline import compile_spec

Compile = Callable[[dict[str, Any]], tuple[ApiSpec, tuple[Diagnostic, ...]]]
Doc = Callable[..., dict[str, Any]]
ERROR = {"description": "Error", "schema": {"$ref": "#/definitions/Err"}}
ERR_DEF = {"type": "object", "properties": {"message": {"type": "string"}}}


def prop(spec: ApiSpec, model: str, wire: str) -> Property:
    """Property ``wire`` of model ``model``."""
    return next(p for p in spec.model(model).properties if p.wire_name == wire)


def only_operation(spec: ApiSpec) -> Operation:
    """The single operation of a spec."""
    (op,) = spec.operations
    return op


def get(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A GET operation answering 200 with ``schema``."""
    op: dict[str, Any] = {
        "operationId": "Things_List",
        "produces": ["application/json"],
        "responses": {"200": {"description": "OK", "schema": schema}, "default": ERROR},
    }
    op.update(extra)
    return op


@pytest.mark.parametrize(
    ("schema", "primitive"),
    [
        ({"type": "integer", "format": "int32"}, Primitive.INT32),
        ({"type": "integer", "format": "int64"}, Primitive.INT64),
        ({"type": "integer"}, Primitive.INTEGER),
        ({"type": "integer", "format": "unixtime"}, Primitive.UNIX_TIME),
        ({"type": "number", "format": "float"}, Primitive.FLOAT),
        ({"type": "number", "format": "double"}, Primitive.DOUBLE),
        ({"type": "number"}, Primitive.NUMBER),
        ({"type": "string", "format": "date-time"}, Primitive.DATE_TIME),
        ({"type": "string", "format": "date"}, Primitive.DATE),
        ({"type": "string", "format": "byte"}, Primitive.BYTE),
        ({"type": "string", "format": "binary"}, Primitive.BINARY),
        ({"type": "string", "format": "url"}, Primitive.URL),
        ({"type": "string", "format": "uri"}, Primitive.URL),
        ({"type": "string", "format": "uuid"}, Primitive.UUID),
        ({"type": "string", "format": "duration"}, Primitive.DURATION),
        ({"type": "string"}, Primitive.STRING),
        ({"type": "boolean"}, Primitive.BOOLEAN),
        ({"type": "file"}, Primitive.FILE),
    ],
)
def test_primitive_formats(
    compile_data: Compile, swagger_doc: Doc, schema: dict[str, Any], primitive: Primitive
) -> None:
    doc = swagger_doc(definitions={"T": {"type": "object", "properties": {"v": schema}}})
    spec, diagnostics = compile_data(doc)
    assert prop(spec, "T", "v").type == PrimitiveType(primitive)
    assert not diagnostics


def test_unknown_format_falls_back_with_a_warning(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "T": {"type": "object", "properties": {"v": {"type": "string", "format": "x"}}}
        }
    )
    spec, diagnostics = compile_data(doc)
    assert prop(spec, "T", "v").type == PrimitiveType(Primitive.STRING)
    assert [d.pointer for d in diagnostics] == ["/definitions/T/properties/v/format"]


def test_arrays_maps_any_and_inline_objects(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "T": {
                "type": "object",
                "properties": {
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "blob": {"type": "object"},
                    "anything": {"description": "no type at all"},
                    "free": {"type": "object", "additionalProperties": True},
                    "nested": {"type": "object", "properties": {"a": {"type": "integer"}}},
                    "grid": {
                        "type": "array",
                        "items": {"type": "array", "items": {"$ref": "#/definitions/T"}},
                    },
                },
            }
        }
    )
    spec, _ = compile_data(doc)
    assert prop(spec, "T", "tags").type == ArrayType(PrimitiveType(Primitive.STRING))
    assert prop(spec, "T", "labels").type == MapType(PrimitiveType(Primitive.STRING))
    assert prop(spec, "T", "blob").type == AnyType()
    assert prop(spec, "T", "anything").type == AnyType()
    assert prop(spec, "T", "free").type == MapType(AnyType())
    assert prop(spec, "T", "nested").type == ModelRef("T.nested")
    assert prop(spec, "T", "grid").type == ArrayType(ArrayType(ModelRef("T")))
    nested = spec.model("T.nested")
    assert nested.inline and nested.class_name == "TNested"
    assert nested.source_pointer == "/definitions/T/properties/nested"


def test_x_nullable_items_and_values(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "Maybe": {"type": "string", "x-nullable": True},
            "T": {
                "type": "object",
                "properties": {
                    "inline": {"type": "array", "items": {"type": "integer", "x-nullable": True}},
                    "named": {"type": "array", "items": {"$ref": "#/definitions/Maybe"}},
                    "values": {
                        "type": "object",
                        "additionalProperties": {"type": "string", "x-nullable": True},
                    },
                    "plain": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    )
    spec, _ = compile_data(doc)
    assert prop(spec, "T", "inline").type == ArrayType(
        PrimitiveType(Primitive.INTEGER), nullable_items=True
    )
    assert prop(spec, "T", "named").type == ArrayType(
        PrimitiveType(Primitive.STRING), nullable_items=True
    )
    assert prop(spec, "T", "values").type == MapType(
        PrimitiveType(Primitive.STRING), nullable_values=True
    )
    assert prop(spec, "T", "plain").type == ArrayType(PrimitiveType(Primitive.STRING))


def test_model_facts(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "Status": {"type": "string", "enum": ["a", "b"], "readOnly": True},
            "T": {
                "type": "object",
                "description": "A thing.",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 5, "pattern": "^a"},
                    "id": {"type": "string", "readOnly": True},
                    "maybe": {"type": "integer", "x-nullable": True, "minimum": 0, "maximum": 9},
                    "count": {"type": "integer", "default": 3},
                    "displayName": {"type": "string", "x-ms-client-name": "label"},
                    "status": {"$ref": "#/definitions/Status", "description": "Why it is."},
                    "wrapped": {"allOf": [{"$ref": "#/definitions/Status"}], "description": "W."},
                    "list": {
                        "type": "array",
                        "items": {"type": "string"},
                        "minItems": 1,
                        "maxItems": 3,
                        "uniqueItems": True,
                    },
                },
            },
        }
    )
    spec, _ = compile_data(doc)
    model = spec.model("T")
    assert model.description == "A thing." and model.class_name == "T"
    name = prop(spec, "T", "name")
    assert name.required and (name.constraints.min_length, name.constraints.max_length) == (1, 5)
    assert name.constraints.pattern == "^a"
    assert prop(spec, "T", "id").read_only and not prop(spec, "T", "id").required
    maybe = prop(spec, "T", "maybe")
    assert maybe.nullable and (maybe.constraints.minimum, maybe.constraints.maximum) == (0.0, 9.0)
    count = prop(spec, "T", "count")
    assert count.default is not None and count.default.value == 3
    label = prop(spec, "T", "displayName")
    assert (label.client_name, label.py_name) == ("label", "label")
    status = prop(spec, "T", "status")
    assert status.description == "Why it is." and status.type == EnumRef("Status")
    assert not status.read_only  # readOnly on the referenced definition is not the property's
    wrapped = prop(spec, "T", "wrapped")  # allOf around one $ref only adds docs
    assert (wrapped.type, wrapped.description) == (EnumRef("Status"), "W.")
    items = prop(spec, "T", "list")
    assert (items.constraints.min_items, items.constraints.max_items) == (1, 3)
    assert items.constraints.unique_items and items.py_name == "list_"


def test_all_of_and_discriminators(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "Pet": {
                "type": "object",
                "discriminator": "kind",
                "required": ["kind"],
                "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
            },
            "Cat": {
                "allOf": [
                    {"$ref": "#/definitions/Pet"},
                    {"type": "object", "properties": {"lives": {"type": "integer"}}},
                ],
                "required": ["lives"],
                "x-ms-discriminator-value": "cat",
            },
            "Lion": {
                "allOf": [{"$ref": "#/definitions/Cat"}],
                "properties": {"mane": {"type": "boolean"}},
                "x-ms-discriminator-value": "lion",
            },
            "Dog": {"allOf": [{"$ref": "#/definitions/Pet"}], "type": "object"},
        }
    )
    spec, diagnostics = compile_data(doc)
    pet = spec.model("Pet")
    assert pet.discriminator is not None and pet.discriminator.property_wire_name == "kind"
    assert pet.discriminator.subtypes == (("Dog", "Dog"), ("cat", "Cat"), ("lion", "Lion"))
    cat = spec.model("Cat")
    assert cat.parents == ("Pet",) and cat.discriminator_value == "cat"
    assert [(p.wire_name, p.required) for p in cat.properties] == [("lives", True)]
    assert spec.model("Lion").parents == ("Cat",)
    assert spec.model("Dog").discriminator_value == "Dog"
    assert [d.pointer for d in diagnostics] == ["/definitions/Dog"]  # no discriminator value


def test_enums_extensible_closed_shared_and_colliding(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    color = {
        "type": "string",
        "enum": ["red", "green"],
        "x-ms-enum": {
            "name": "Color",
            "modelAsString": True,
            "values": [
                {"value": "red", "description": "Warm.", "name": "Crimson"},
                {"value": "green", "description": "Calm."},
            ],
        },
    }
    other_color = {"type": "string", "enum": ["blue"], "x-ms-enum": {"name": "Color"}}
    doc = swagger_doc(
        definitions={
            "Level": {"type": "integer", "enum": [1, 2, 3]},
            "T": {
                "type": "object",
                "properties": {
                    "a": color,
                    "b": color,
                    "c": other_color,
                    "level": {"$ref": "#/definitions/Level"},
                    "mode": {"type": "string", "enum": ["on", "off"]},
                },
            },
        }
    )
    spec, _ = compile_data(doc)
    assert prop(spec, "T", "a").type == prop(spec, "T", "b").type == EnumRef("Color")
    shared = spec.enum("Color")
    assert shared.extensible and shared.class_name == "Color"
    # the loader gives every place named "Color" the union of the values
    assert [(v.value, v.py_name, v.description) for v in shared.values] == [
        ("red", "CRIMSON", "Warm."),
        ("green", "GREEN", "Calm."),
        ("blue", "BLUE", ""),
    ]
    # same name and values, but closed instead of extensible: a distinct enum, renamed
    clash = prop(spec, "T", "c").type
    assert isinstance(clash, EnumRef) and clash.key == "T.c"
    other = spec.enum("T.c")
    assert other.enum_name == "Color" and not other.extensible
    assert other.class_name == "TC"  # the cascade's context suffix
    level = spec.enum("Level")
    assert level.base is Primitive.INTEGER and [v.py_name for v in level.values] == [
        "V_1",
        "V_2",
        "V_3",
    ]
    mode = prop(spec, "T", "mode").type
    assert mode == EnumRef("T.mode") and spec.enum("T.mode").class_name == "TMode"


def test_one_of_refs_and_alias_definitions(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "A": {"type": "object", "properties": {"x": {"type": "string"}}},
            "B": {"type": "object", "properties": {"y": {"type": "string"}}},
            "Many": {"type": "array", "items": {"$ref": "#/definitions/A"}},
            "T": {
                "type": "object",
                "properties": {
                    "either": {"enum": [{"$ref": "#/definitions/A"}, {"$ref": "#/definitions/B"}]},
                    "many": {"$ref": "#/definitions/Many"},
                },
            },
        }
    )
    spec, _ = compile_data(doc)
    assert prop(spec, "T", "either").type == UnionType((ModelRef("A"), ModelRef("B")))
    assert prop(spec, "T", "many").type == ArrayType(ModelRef("A"))
    (alias,) = spec.aliases
    assert (alias.key, alias.class_name, alias.type) == ("Many", "Many", ArrayType(ModelRef("A")))


def test_bodies_and_responses(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={"Err": ERR_DEF},
        paths={
            "/things/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "type": "string"}],
                "put": {
                    "operationId": "Things_Put",
                    "consumes": ["application/octet-stream"],
                    "parameters": [
                        {
                            "name": "data",
                            "in": "body",
                            "required": True,
                            "schema": {"type": "string", "format": "binary"},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "schema": {"type": "file"},
                            "headers": {
                                "x-ms-request-id": {"type": "string", "format": "uuid"},
                                "ETag": {"type": "string"},
                            },
                        },
                        "default": ERROR,
                    },
                },
                "post": {
                    "operationId": "Things_Upload",
                    "consumes": ["multipart/form-data"],
                    "parameters": [
                        {"name": "file", "in": "formData", "type": "file", "required": True},
                        {"name": "note", "in": "formData", "type": "string"},
                    ],
                    "responses": {"204": {"description": "Done"}, "default": ERROR},
                },
                "patch": {
                    "operationId": "Things_Patch",
                    "consumes": ["application/json"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "integer"},
                        {"name": "patch", "in": "body", "schema": {"$ref": "#/definitions/Err"}},
                    ],
                    "responses": {"200": {"description": "OK"}},
                },
            }
        },
    )
    spec, _ = compile_data(doc)
    ops = {op.operation_id: op for op in spec.operations}
    put = ops["Things_Put"]
    assert isinstance(put.body, BinaryBody) and put.body.required
    assert (put.body.py_name, put.body.content_types) == ("data", ("application/octet-stream",))
    ok = put.responses[0]
    assert ok.body == PrimitiveType(Primitive.FILE)
    assert [(h.wire_name, h.py_name) for h in ok.headers] == [
        ("ETag", "e_tag"),
        ("x-ms-request-id", "x_ms_request_id"),
    ]
    assert [p.wire_name for p in put.parameters] == ["id"]  # path-level parameter merged
    assert put.error_type == ModelRef("Err")
    upload = ops["Things_Upload"]
    assert isinstance(upload.body, MultipartBody)
    assert [(f.wire_name, f.is_file, f.required) for f in upload.body.fields] == [
        ("file", True, True),
        ("note", False, False),
    ]
    assert upload.body.content_type == "multipart/form-data"
    assert [r.status for r in upload.responses] == ["204", "default"]
    assert upload.responses[0].body is None
    patch = ops["Things_Patch"]
    assert isinstance(patch.body, JsonBody) and not patch.body.required
    (id_parameter,) = patch.parameters  # the operation's own declaration wins
    assert id_parameter.type == PrimitiveType(Primitive.INTEGER)
    assert id_parameter.py_name == "id_"


def test_long_running_with_location_and_options(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        definitions={
            "Err": ERR_DEF,
            "Job": {"type": "object", "properties": {"id": {"type": "string"}}},
        },
        paths={
            "/jobs/{id}": {
                "put": {
                    "operationId": "Jobs_Create",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string"}
                    ],
                    "responses": {
                        "201": {
                            "description": "Started",
                            "schema": {"$ref": "#/definitions/Job"},
                            "headers": {"Location": {"type": "string"}},
                        },
                        "default": ERROR,
                    },
                    "x-ms-long-running-operation": True,
                    "x-ms-long-running-operation-options": {"final-state-via": "original-uri"},
                },
                "get": {
                    "operationId": "Jobs_Get",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string"}
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Job"}}
                    },
                },
            }
        },
    )
    spec, _ = compile_data(doc)
    create = next(op for op in spec.operations if op.operation_id == "Jobs_Create")
    assert create.long_running is not None
    assert create.long_running.polling_header == "location"
    assert create.long_running.final_state_via == "original-uri"
    assert create.long_running.final_type == ModelRef("Job")
    assert create.py_name == "begin_create"


def test_event_stream_and_paging_kinds(compile_data: Compile, swagger_doc: Doc) -> None:
    item = {"type": "object", "properties": {"id": {"type": "string"}}}
    doc = swagger_doc(
        definitions={
            "Item": item,
            "Cursor": {
                "type": "object",
                "properties": {
                    "data": {"type": "array", "items": {"$ref": "#/definitions/Item"}},
                    "has_more": {"type": "boolean"},
                },
            },
            "Linked": {
                "type": "object",
                "properties": {
                    "value": {"type": "array", "items": {"$ref": "#/definitions/Item"}},
                    "nextLink": {"type": "string"},
                },
            },
            "Declared": {
                "type": "object",
                "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/definitions/Item"}},
                    "next": {"type": "string"},
                },
            },
            "Events": {
                "type": "object",
                "properties": {"data": {"type": "array", "items": {"$ref": "#/definitions/Item"}}},
            },
            "Report": {
                "type": "object",
                "properties": {
                    "data": {"type": "array", "items": {"$ref": "#/definitions/Item"}},
                    "total": {"type": "integer"},
                },
            },
        },
        paths={
            "/cursor": {
                "get": get(
                    {"$ref": "#/definitions/Cursor"},
                    operationId="Items_GetCursor",
                    parameters=[
                        {"name": "after", "in": "query", "type": "string"},
                        {"name": "limit", "in": "query", "type": "integer"},
                    ],
                )
            },
            "/linked": {"get": get({"$ref": "#/definitions/Linked"}, operationId="Items_Linked")},
            "/declared": {
                "get": get(
                    {"$ref": "#/definitions/Declared"},
                    operationId="Items_Declared",
                    **{"x-ms-pageable": {"nextLinkName": "next", "itemName": "items"}},
                )
            },
            "/plain": {"get": get({"$ref": "#/definitions/Events"}, operationId="Items_Plain")},
            "/report": {"get": get({"$ref": "#/definitions/Report"}, operationId="Items_Report")},
            "/events": {
                "get": get(
                    {"$ref": "#/definitions/Events"},
                    operationId="Items_Events",
                    produces=["application/json", "text/event-stream"],
                    parameters=[{"name": "stream", "in": "query", "type": "boolean"}],
                )
            },
        },
    )
    spec, _ = compile_data(doc)
    ops = {op.operation_id: op for op in spec.operations}
    cursor = ops["Items_GetCursor"].paging
    assert cursor is not None and cursor.cursor_parameter == "after"
    assert (cursor.limit_parameter, cursor.cursor_item_property) == ("limit", "id")
    assert ops["Items_GetCursor"].py_name == "list_cursor"
    linked = ops["Items_Linked"].paging
    assert linked is not None and linked.next_link_property == "nextLink"
    assert ops["Items_Linked"].py_name == "list_linked"
    declared = ops["Items_Declared"].paging
    assert declared is not None and declared.from_extension
    assert (declared.items_property, declared.next_link_property) == ("items", "next")
    assert declared.item_type == ModelRef("Item") and declared.detected_by == "x-ms-pageable"
    # a bare list envelope is one page (list methods return ItemPaged), an object with more is not
    single = ops["Items_Plain"].paging
    assert single is not None and single.items_property == "data"
    assert (single.cursor_parameter, single.next_link_property) == (None, None)
    assert single.item_type == ModelRef("Item") and single.detected_by.startswith("single page")
    assert ops["Items_Report"].paging is None
    # the same envelope answering an event stream keeps its list form
    assert ops["Items_Events"].paging is None
    events = ops["Items_Events"].event_stream
    assert events is not None and events.trigger_parameter == "stream"
    assert events.event_type == ModelRef("Item")


def test_parameterized_host_and_auth(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        parameters={
            "Endpoint": {
                "name": "endpoint",
                "in": "path",
                "required": True,
                "type": "string",
                "x-ms-skip-url-encoding": True,
                "x-ms-parameter-location": "client",
            },
            "ApiVersion": {
                "name": "api-version",
                "in": "query",
                "required": True,
                "type": "string",
                "x-ms-client-default": "2024-01-01",
            },
        },
        basePath="/v1",
        securityDefinitions={
            "key": {"type": "apiKey", "name": "x-key", "in": "header"},
            "aad": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "https://login/x",
                "scopes": {"https://svc/.default": "access"},
            },
        },
        security=[{"key": []}, {"aad": ["https://svc/.default"]}],
        paths={
            "/ping": {
                "get": {
                    "operationId": "Ping",
                    "parameters": [{"$ref": "#/parameters/ApiVersion"}],
                    "responses": {"204": {"description": "OK"}},
                }
            }
        },
        **{
            "x-ms-parameterized-host": {
                "hostTemplate": "{endpoint}/svc",
                "useSchemePrefix": False,
                "parameters": [{"$ref": "#/parameters/Endpoint"}],
            }
        },
    )
    spec, _ = compile_data(doc)
    client = spec.client
    assert client.host.template == "{endpoint}/svc/v1" and not client.host.use_scheme_prefix
    assert [p.py_name for p in client.host.parameters] == ["endpoint"]
    (api_version,) = client.client_parameters
    assert api_version.client_level and api_version.location is ParameterLocation.QUERY
    assert client.default_api_version == "2024-01-01"
    assert client.auth == (
        OAuth2Auth("aad", "implicit", ("https://svc/.default",), "https://login/x"),
        ApiKeyAuth("key", "x-key"),
    )
    (op,) = spec.operations
    assert (op.group_key, op.py_name) == ("", "ping")  # no group: a method of the client


def test_plain_host_becomes_an_endpoint_with_a_default(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    spec, _ = compile_data(swagger_doc(basePath="/api/"))
    (endpoint,) = spec.client.host.parameters
    assert spec.client.host.template == "{endpoint}/api"
    assert endpoint.default is not None and endpoint.default.value == "https://example.com"
    assert spec.client.auth == ()


def test_references_into_another_file(tmp_path: Path) -> None:
    common = {
        "parameters": {"Limit": {"name": "limit", "in": "query", "type": "integer"}},
        "definitions": {
            "Thing": {
                "type": "object",
                "properties": {
                    "inner": {
                        "$ref": "#/definitions/Inner",
                        "description": "Beside.",
                        "readOnly": True,
                    },
                    "back": {"$ref": "spec.json#/definitions/Local"},
                },
            },
            "Inner": {"type": "object", "properties": {"x": {"type": "integer"}}},
            "Local": {"type": "string", "enum": ["clash"]},
        },
    }
    main = {
        "swagger": "2.0",
        "info": {"title": "Two files", "version": "1"},
        "host": "example.com",
        "paths": {
            "/a": {
                "get": {
                    "operationId": "A_Get",
                    "produces": ["application/json"],
                    "parameters": [{"$ref": "common.json#/parameters/Limit"}],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "schema": {"$ref": "common.json#/definitions/Thing"},
                        }
                    },
                }
            }
        },
        "definitions": {
            "Local": {
                "type": "object",
                "properties": {"t": {"$ref": "common.json#/definitions/Thing"}},
            },
        },
    }
    (tmp_path / "common.json").write_text(json.dumps(common), encoding="utf-8")
    (tmp_path / "spec.json").write_text(json.dumps(main), encoding="utf-8")
    spec, diagnostics = compile_spec(tmp_path / "spec.json")
    assert spec is not None, [d.render() for d in diagnostics]
    assert [d.pointer for d in diagnostics] == ["/definitions/Thing/properties/inner"]
    assert "beside $ref" in diagnostics[0].message  # the loader's note, in common.json
    assert prop(spec, "Local", "t").type == ModelRef("Thing")
    thing = spec.model("Thing")
    assert thing.source_pointer == "common.json#/definitions/Thing" and not thing.inline
    inner = prop(spec, "Thing", "inner")
    assert inner.type == ModelRef("Inner")
    assert (inner.description, inner.read_only) == ("Beside.", True)  # keys beside the $ref
    assert prop(spec, "Thing", "back").type == ModelRef("Local")  # back into the main file
    (op,) = spec.operations
    assert op.responses[0].body == ModelRef("Thing")
    (limit,) = op.parameters
    assert limit.wire_name == "limit" and limit.client_level  # a shared parameter


def test_url_encoded_form(compile_data: Compile, swagger_doc: Doc) -> None:
    doc = swagger_doc(
        paths={
            "/token": {
                "post": {
                    "operationId": "Token_Get",
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [{"name": "grant_type", "in": "formData", "type": "string"}],
                    "responses": {"204": {"description": "OK"}},
                }
            }
        }
    )
    spec, _ = compile_data(doc)
    body = only_operation(spec).body
    assert isinstance(body, MultipartBody)
    assert body.content_type == "application/x-www-form-urlencoded"
    assert [f.py_name for f in body.fields] == ["grant_type"]


def test_x_ms_paths_operations_keep_their_query(compile_data: Compile, swagger_doc: Doc) -> None:
    ok = {"204": {"description": "OK"}}
    doc = swagger_doc(
        paths={"/widgets": {"get": {"operationId": "Widgets_List", "responses": ok}}},
        **{
            "x-ms-paths": {
                "/widgets?action=reset": {
                    "post": {
                        "operationId": "Widgets_Reset",
                        "responses": ok,
                        "x-ms-examples": {"gone": {"$ref": "./examples/missing.json"}},
                    }
                }
            }
        },
    )
    spec, diagnostics = compile_data(doc)
    assert sorted((op.py_name, op.path) for op in spec.operations) == [
        ("list", "/widgets"),
        ("reset", "/widgets?action=reset"),
    ]
    assert all(d.severity.value != "error" for d in diagnostics)
    assert any("missing.json" in d.message for d in diagnostics)  # a warning, as under paths


def test_operation_ids_without_a_group(compile_data: Compile, swagger_doc: Doc) -> None:
    ok = {"204": {"description": "OK"}}
    doc = swagger_doc(
        paths={
            "/a": {
                "get": {
                    "operationId": "GetAzureBatchImageGenerationOperationStatus",
                    "responses": ok,
                }
            },
            "/b": {"get": {"operationId": "HttpSuccess_Head200", "responses": ok}},
            "/c": {"get": {"operationId": "httpSuccess_Get200", "responses": ok}},
            "/d": {"get": {"operationId": "ListWidgets", "tags": ["Widgets"], "responses": ok}},
        }
    )
    spec, _ = compile_data(doc)
    names = {(g.py_name, op.py_name) for g in spec.groups for op in g.operations}
    assert names == {
        ("", "get_azure_batch_image_generation_operation_status"),  # on the client itself
        ("http_success", "head200"),
        ("http_success", "get200"),  # one group whatever the case
        ("widgets", "list"),
    }


def test_allof_parent_in_another_file(tmp_path: Path) -> None:
    common = {
        "swagger": "2.0",
        "info": {"title": "c", "version": "1"},
        "paths": {},
        "definitions": {
            "Attributes": {"type": "object", "properties": {"enabled": {"type": "boolean"}}},
            "Base": {
                "type": "object",
                "discriminator": "kind",
                "required": ["kind"],
                "properties": {
                    "kind": {"type": "string"},
                    "attributes": {"$ref": "#/definitions/Attributes"},
                },
            },
        },
    }
    main = {
        "swagger": "2.0",
        "info": {"title": "Main", "version": "1"},
        "host": "example.com",
        "paths": {
            "/things": {
                "get": {
                    "operationId": "Things_Get",
                    "produces": ["application/json"],
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}
                    },
                }
            }
        },
        "definitions": {
            "Thing": {
                "allOf": [{"$ref": "common.json#/definitions/Base"}],
                "x-ms-discriminator-value": "thing",
                "properties": {"name": {"type": "string"}},
            }
        },
    }
    (tmp_path / "common.json").write_text(json.dumps(common), encoding="utf-8")
    (tmp_path / "main.json").write_text(json.dumps(main), encoding="utf-8")
    spec, diagnostics = compile_spec(tmp_path / "main.json")
    assert spec is not None
    assert not [d for d in diagnostics if d.severity.value == "error"]
    keys = {m.key for m in spec.models}
    assert {"Thing", "Base", "Attributes"} <= keys
    base = spec.model("Base")
    assert base.discriminator is not None
    assert base.discriminator.subtypes == (("thing", "Thing"),)


def test_contradictory_allof_is_read_as_alternatives(
    compile_data: Compile, swagger_doc: Doc
) -> None:
    doc = swagger_doc(
        definitions={
            "Cat": {
                "type": "object",
                "required": ["kind", "lives"],
                "properties": {"kind": {"type": "string"}, "lives": {"type": "integer"}},
            },
            "Dog": {
                "type": "object",
                "required": ["kind", "bark"],
                "properties": {"kind": {"type": "integer"}, "bark": {"type": "boolean"}},
            },
            "Pet": {"allOf": [{"$ref": "#/definitions/Cat"}, {"$ref": "#/definitions/Dog"}]},
            "Named": {
                "allOf": [{"$ref": "#/definitions/Cat"}],
                "properties": {"name": {"type": "string"}},
            },
        }
    )
    spec, diagnostics = compile_data(doc)
    pet = spec.model("Pet")
    assert pet.parents == ()
    by_name = {p.wire_name: p for p in pet.properties}
    assert by_name["kind"].required and isinstance(by_name["kind"].type, UnionType)
    assert not by_name["lives"].required and not by_name["bark"].required
    assert spec.model("Named").parents == ("Cat",)  # a consistent allOf still inherits
    assert [d.severity.value for d in diagnostics if "cannot all hold" in d.message] == ["warning"]
