"""One small spec pair per rule, compiled through the real pipeline, checking the verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.diff.engine import PairDiff
from generator.diff.rules import all_rules
from generator.diff.rules_doc import RULES_DOC, render_rules_document
from tests.diff.swagger import (
    Doc,
    body,
    diff_documents,
    document,
    obj,
    operation,
    path_param,
    query,
    ref,
    string_enum,
)

Verdict = tuple[str, str, bool, bool]  # rule, severity, wire, client


@dataclass(frozen=True)
class Case:
    rule: str
    old: Doc
    new: Doc
    location: str
    severity: str
    wire: bool
    client: bool
    back: Verdict | None = None  # the same pair diffed new -> old, at the same location
    versions: tuple[str, str] = ("v1", "v2")  # info.version of old and new

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.location}"


def read_api(thing: Doc, **definitions: Any) -> Doc:
    """GET /things answers a Thing (so Thing travels in responses only)."""
    return document(
        {"/things": {"get": operation("Things_List", responses={"200": ref("Thing")})}},
        {"Thing": thing, **definitions},
    )


def write_api(order: Doc, **definitions: Any) -> Doc:
    """PUT /orders takes an Order (so Order travels in requests only)."""
    return document(
        {"/orders": {"put": operation("Orders_Put", body(ref("Order")))}},
        {"Order": order, **definitions},
    )


def round_trip_api(order: Doc) -> Doc:
    """PUT /orders takes an Order and answers it (a readOnly flag the spec contradicts by
    sending a model no response returns is not honoured, see ir_builder/read_only.py)."""
    put = operation("Orders_Put", body(ref("Order")), responses={"200": ref("Order")})
    return document({"/orders": {"put": put}}, {"Order": order})


THING = obj({"id": {"type": "string"}, "size": {"type": "integer", "format": "int32"}})
ORDER = obj({"item": {"type": "string"}, "note": {"type": "string"}}, required=("item",))
PLAIN = document({"/a": {"get": operation("A_Get"), "delete": operation("A_Delete")}})

CASES = [
    Case(
        "RemovedPath",
        PLAIN,
        document({"/b": {"get": operation("B_Get")}}),
        "GET /a",
        "breaking",
        True,
        True,
    ),
    Case(
        "RemovedOperation",
        PLAIN,
        document({"/a": {"get": operation("A_Get")}}),
        "DELETE /a",
        "breaking",
        True,
        True,
    ),
    Case(
        "AddedPath",
        PLAIN,
        document({**PLAIN["paths"], "/b": {"get": operation("B_Get")}}),
        "GET /b",
        "info",
        False,
        False,
    ),
    Case(
        "AddedOperation",
        document({"/a": {"get": operation("A_Get")}}),
        PLAIN,
        "DELETE /a",
        "info",
        False,
        False,
    ),
    Case(
        "ModifiedOperationId",
        document({"/a": {"get": operation("A_Get")}}),
        document({"/a": {"get": operation("A_Read")}}),
        "GET /a",
        "breaking",
        False,
        True,
    ),
    Case(
        "MovedOperation",
        document({"/x/{jobId}": {"get": operation("Jobs_Get", path_param("jobId"))}}),
        document({"/y/{job-id}": {"get": operation("Jobs_Get", path_param("job-id"))}}),
        "GET /y/{job-id}",
        "breaking",
        True,
        False,
    ),
    Case(
        "AddingRequiredParameter",
        PLAIN,
        document(
            {"/a": {**PLAIN["paths"]["/a"], "get": operation("A_Get", query("q", required=True))}}
        ),
        "GET /a query parameter q",
        "breaking",
        True,
        True,
    ),
    Case(
        "AddingOptionalParameter",
        PLAIN,
        document({"/a": {**PLAIN["paths"]["/a"], "get": operation("A_Get", query("q"))}}),
        "GET /a query parameter q",
        "info",
        False,
        False,
    ),
    Case(
        "RemovedOptionalParameter",
        document({"/a": {"get": operation("A_Get", query("q"))}}),
        document({"/a": {"get": operation("A_Get")}}),
        "GET /a query parameter q",
        "breaking",
        False,
        True,
        back=("AddingOptionalParameter", "info", False, False),
    ),
    Case(
        "RemovedRequiredParameter",
        document({"/a": {"get": operation("A_Get", query("q", required=True))}}),
        document({"/a": {"get": operation("A_Get")}}),
        "GET /a query parameter q",
        "breaking",
        False,
        True,
        back=("AddingRequiredParameter", "breaking", True, True),
    ),
    Case(
        "AddingResponseCode",
        document({"/a": {"get": operation("A_Get", responses={"200": None})}}),
        document({"/a": {"get": operation("A_Get", responses={"200": None, "202": None})}}),
        "GET /a response 202",
        "breaking",
        True,
        False,
    ),
    Case(
        "RemovedResponseCode",
        document(
            {
                "/a/{id}": {
                    "delete": operation("A_Delete", path_param("id"), responses={"204": None})
                }
            }
        ),
        document(
            {
                "/a/{id}": {
                    "delete": operation(
                        "A_Delete", path_param("id"), responses={"200": ref("Gone")}
                    )
                }
            },
            {"Gone": obj({"deleted": {"type": "boolean"}})},
        ),
        "DELETE /a/{id} response 204",
        "breaking",
        True,
        False,
    ),
    Case(
        "ReferenceRedirection",
        read_api(
            obj({"owner": ref("Person")}),
            Person=obj({"name": {"type": "string"}}),
            Team=obj({"members": {"type": "integer"}}),
        ),
        read_api(
            obj({"owner": ref("Team")}),
            Person=obj({"name": {"type": "string"}}),
            Team=obj({"members": {"type": "integer"}}),
        ),
        "model Thing.owner",
        "breaking",
        True,
        True,
    ),
    Case(
        "RemovedEnumValue",
        write_api(obj({"color": string_enum("Color", "red", "blue")})),
        write_api(obj({"color": string_enum("Color", "red")})),
        "enum Color",
        "breaking",
        True,
        True,
    ),
    Case(
        "AddedEnumValue",
        read_api(obj({"color": string_enum("Color", "red", "green")})),
        read_api(obj({"color": string_enum("Color", "red", "green", "blue")})),
        "enum Color",
        "info",
        False,
        False,
    ),
    Case(
        "TypeFormatChanged",
        read_api(THING),
        read_api(obj({"id": {"type": "string"}, "size": {"type": "integer", "format": "int64"}})),
        "model Thing.size",
        "review",
        False,
        False,
    ),
    Case(
        "RequiredStatusChange",
        write_api(ORDER),
        write_api(obj(ORDER["properties"], required=("item", "note"))),
        "model Order.note",
        "breaking",
        True,
        True,
    ),
    Case(
        "TypeChanged",
        read_api(THING),
        read_api(obj({"id": {"type": "string"}, "size": {"type": "string"}})),
        "model Thing.size",
        "breaking",
        True,
        True,
    ),
    Case(
        "ReadonlyPropertyChanged",
        read_api(THING),
        read_api(
            obj({"id": {"type": "string", "readOnly": True}, "size": THING["properties"]["size"]})
        ),
        "model Thing.id",
        "review",
        False,
        False,
    ),
    Case(
        "DifferentDiscriminator",
        write_api(
            obj({"kind": {"type": "string"}, "item": {"type": "string"}}, required=("kind",))
        ),
        write_api(
            obj(
                {"kind": {"type": "string"}, "item": {"type": "string"}},
                required=("kind",),
                discriminator="kind",
            ),
            BigOrder={"allOf": [ref("Order")], "x-ms-discriminator-value": "big", "type": "object"},
        ),
        "model Order",
        "breaking",
        True,
        False,
    ),
    Case(
        "RemovedProperty",
        read_api(THING),
        read_api(obj({"id": {"type": "string"}})),
        "model Thing.size",
        "breaking",
        False,  # optional: an old client reads None
        True,
        back=("AddedPropertyInResponse", "info", False, False),
    ),
    Case(
        "RemovedProperty",
        read_api(obj(THING["properties"], required=("id",))),
        read_api(obj({"size": THING["properties"]["size"]})),
        "model Thing.id",
        "breaking",
        True,  # required: an old client relies on it
        True,
    ),
    Case(
        "AddedRequiredProperty",
        write_api(ORDER),
        write_api(
            obj({**ORDER["properties"], "count": {"type": "integer"}}, required=("item", "count"))
        ),
        "model Order.count",
        "breaking",
        True,
        True,
    ),
    Case(
        "AddedPropertyInResponse",
        read_api(THING),
        read_api(obj({**THING["properties"], "color": {"type": "string"}})),
        "model Thing.color",
        "info",
        False,
        False,
    ),
    Case(
        "AddedOptionalProperty",
        write_api(ORDER),
        write_api(obj({**ORDER["properties"], "gift": {"type": "boolean"}}, required=("item",))),
        "model Order.gift",
        "info",
        False,
        False,
    ),
    Case(
        "XmsEnumChanged",
        read_api(obj({"color": string_enum("Color", "red")})),
        read_api(obj({"color": string_enum("Color", "red", extensible=False)})),
        "enum Color",
        "review",
        False,
        False,
        back=("XmsEnumChanged", "breaking", True, True),
    ),
    Case(
        "RenamedModel",
        read_api(
            obj({"owner": ref("Person")}),
            Person=obj({"name": {"type": "string"}, "age": {"type": "integer"}}),
        ),
        read_api(
            obj({"owner": ref("Human")}),
            Human=obj({"name": {"type": "string"}, "age": {"type": "integer"}}),
        ),
        "model Person",
        "breaking",
        False,
        True,
    ),
    Case(
        "SplitModel",
        read_api(
            obj({"a": ref("State"), "b": ref("State")}), State=string_enum("State", "on", "off")
        ),
        read_api(
            obj({"a": ref("AState"), "b": ref("BState")}),
            AState=string_enum("AState", "on", "off", "dim"),
            BState=string_enum("BState", "on", "off"),
        ),
        "enum State",
        "breaking",
        False,
        True,
    ),
    Case(
        "AddedDefinition",
        read_api(THING),
        read_api(
            obj({**THING["properties"], "tag": ref("Tag")}), Tag=obj({"label": {"type": "string"}})
        ),
        "model Tag",
        "info",
        False,
        False,
    ),
    Case(
        "RemovedDefinition",
        read_api(
            obj({**THING["properties"], "tag": ref("Tag")}), Tag=obj({"label": {"type": "string"}})
        ),
        read_api(THING),
        "model Tag",
        "breaking",
        False,
        True,
    ),
    Case(
        "RenamedModelClass",
        read_api(obj({"color": ref("Color")}), Color=string_enum("Color", "red", "blue")),
        read_api(obj({"color": ref("Color")}), Color=string_enum("Colour", "red", "blue")),
        "enum Color",
        "breaking",
        False,
        True,
    ),
    Case(
        "RenamedClientName",
        read_api(THING),
        read_api(
            obj(
                {
                    "id": {"type": "string", "x-ms-client-name": "identifier"},
                    "size": THING["properties"]["size"],
                }
            )
        ),
        "model Thing.id",
        "breaking",
        False,
        True,
    ),
    Case(
        "ParentChanged",
        read_api(obj({"id": {"type": "string"}}), Base=obj({"x": {"type": "string"}})),
        read_api(
            {"allOf": [ref("Base")], "type": "object", "properties": {"id": {"type": "string"}}},
            Base=obj({"x": {"type": "string"}}),
        ),
        "model Thing",
        "review",
        False,
        False,
    ),
    Case(
        "DiscriminatorValueChanged",
        read_api(
            obj({"kind": {"type": "string"}}, required=("kind",), discriminator="kind"),
            Big={"allOf": [ref("Thing")], "type": "object", "x-ms-discriminator-value": "big"},
        ),
        read_api(
            obj({"kind": {"type": "string"}}, required=("kind",), discriminator="kind"),
            Big={"allOf": [ref("Thing")], "type": "object", "x-ms-discriminator-value": "large"},
        ),
        "model Big",
        "breaking",
        True,
        False,
    ),
]

CASES += [
    Case(
        "RenamedClientName",
        document({"/a": {"get": operation("A_Get", query("q"))}}),
        document({"/a": {"get": operation("A_Get", {**query("q"), "x-ms-client-name": "query"})}}),
        "GET /a query parameter q",
        "breaking",
        False,
        True,
    ),
    Case(
        "RenamedClientMethod",
        document({"/things": {"get": {**operation("ListThings"), "tags": ["Things"]}}}),
        document({"/things": {"get": {**operation("ListThings"), "tags": ["Items"]}}}),
        "GET /things",
        "breaking",
        False,
        True,
    ),
    Case(
        "XmsLongRunningOperationChanged",
        document({"/jobs": {"post": operation("Jobs_Start", responses={"202": None})}}),
        document(
            {
                "/jobs": {
                    "post": {
                        **operation("Jobs_Start", responses={"202": None}),
                        "x-ms-long-running-operation": True,
                    }
                }
            }
        ),
        "POST /jobs long-running",
        "breaking",
        False,
        True,
        back=("XmsLongRunningOperationChanged", "breaking", False, True),
    ),
    Case(
        "OperationKindChanged",
        document(
            {"/jobs": {"get": operation("Jobs_List", responses={"200": ref("Page")})}},
            {"Page": obj({"name": {"type": "string"}})},
        ),
        document(
            {
                "/jobs": {
                    "get": {
                        **operation("Jobs_List", responses={"200": ref("Page")}),
                        "x-ms-pageable": {"nextLinkName": "nextLink"},
                    }
                }
            },
            {
                "Page": obj(
                    {
                        "value": {"type": "array", "items": {"type": "string"}},
                        "nextLink": {"type": "string"},
                    }
                )
            },
        ),
        "GET /jobs paged",
        "breaking",
        False,
        True,
        back=("OperationKindChanged", "breaking", False, True),
    ),
]


def with_root(doc: Doc, **fields: Any) -> Doc:
    """``doc`` with top-level fields replaced (host, basePath, schemes, security...)."""
    return {**doc, **fields}


def with_op(doc: Doc, path: str, method: str, **fields: Any) -> Doc:
    """``doc`` with fields of one operation replaced."""
    paths = {p: dict(item) for p, item in doc["paths"].items()}
    paths[path][method] = {**paths[path][method], **fields}
    return {**doc, "paths": paths}


def q_api(**param: Any) -> Doc:
    """GET /a with one query parameter q (facts given as keyword arguments)."""
    return document({"/a": {"get": operation("A_Get", {**query("q"), **param})}})


def form_api(**facts: Any) -> Doc:
    """POST /uploads takes a multipart form with a string field ``purpose``."""
    field = {"name": "purpose", "in": "formData", "type": "string", **facts}
    upload = {**operation("Uploads_Create", field), "consumes": ["multipart/form-data"]}
    return document({"/uploads": {"post": upload}})


API_KEY = {"key": {"type": "apiKey", "name": "api-key", "in": "header"}}
OAUTH = {
    "aad": {
        "type": "oauth2",
        "flow": "implicit",
        "authorizationUrl": "https://login.example.com/authorize",
        "scopes": {"https://example.com/.default": "d"},
    }
}
HEADERED = {
    "description": "d",
    "headers": {"Retry-After": {"type": "integer", "format": "int32"}},
}
POST_ORDER = document(
    {"/orders": {"post": operation("Orders_Create", body(ref("Order")))}}, {"Order": ORDER}
)
ONE_ORDER = document(
    {"/orders/{id}/{line}": {"get": operation("Orders_Get", path_param("id"), path_param("line"))}}
)

CASES += [
    Case(
        "NoVersionChange",
        PLAIN,
        document({"/a": {"get": operation("A_Get")}}),
        "info.version",
        "review",
        False,
        False,
        versions=("v1", "v1"),
    ),
    Case(
        "ServiceRootChanged",
        with_root(PLAIN, basePath="/api"),
        with_root(PLAIN, basePath="/api/v2"),
        "service root",
        "breaking",
        True,
        False,
        back=("ServiceRootChanged", "breaking", True, False),
    ),
    Case(
        "ServiceRootChanged",
        with_root(
            PLAIN,
            **{
                "x-ms-parameterized-host": {
                    "hostTemplate": "{endpoint}/openai",
                    "parameters": [
                        {"name": "endpoint", "in": "path", "required": True, "type": "string"}
                    ],
                }
            },
        ),
        with_root(
            PLAIN,
            **{
                "x-ms-parameterized-host": {
                    "hostTemplate": "{endpoint}/ai",
                    "parameters": [
                        {"name": "endpoint", "in": "path", "required": True, "type": "string"}
                    ],
                }
            },
        ),
        "service root",
        "breaking",
        True,
        False,
    ),
    Case(
        "ProtocolNoLongerSupported",
        with_root(PLAIN, schemes=["https", "http"]),
        PLAIN,
        "schemes",
        "breaking",
        True,
        False,
        back=("ServiceRootChanged", "info", False, False),
    ),
    Case(
        "SecurityChanged",
        with_root(PLAIN, securityDefinitions=API_KEY, security=[{"key": []}]),
        with_root(
            PLAIN, securityDefinitions=OAUTH, security=[{"aad": ["https://example.com/.default"]}]
        ),
        "security",
        "breaking",
        True,
        True,
        back=("SecurityChanged", "breaking", True, True),
    ),
    Case(
        "SecurityChanged",
        with_root(PLAIN, securityDefinitions=API_KEY, security=[{"key": []}]),
        with_root(
            PLAIN,
            securityDefinitions={**API_KEY, **OAUTH},
            security=[{"key": []}, {"aad": ["https://example.com/.default"]}],
        ),
        "security",
        "review",
        False,
        False,
        back=("SecurityChanged", "breaking", True, True),
    ),
    Case(
        "RequestBodyFormatNoLongerSupported",
        POST_ORDER,
        with_op(POST_ORDER, "/orders", "post", consumes=["application/xml"]),
        "POST /orders consumes",
        "breaking",
        True,
        False,
    ),
    Case(
        "ResponseBodyFormatNowSupported",
        PLAIN,
        with_op(PLAIN, "/a", "get", produces=["application/xml"]),
        "GET /a produces",
        "breaking",
        True,
        False,
        back=("ResponseBodyFormatNowSupported", "breaking", True, False),
    ),
    Case(
        "ResponseBodyFormatNowSupported",
        PLAIN,
        with_op(PLAIN, "/a", "get", produces=["application/json", "text/plain"]),
        "GET /a produces",
        "review",
        False,
        False,
    ),
    Case(
        "RemovedClientParameter",
        document({"/a": {"get": operation("A_Get", {"$ref": "#/parameters/Region"})}})
        | {"parameters": {"Region": {**query("region"), "x-ms-parameter-location": "client"}}},
        PLAIN_GET := document({"/a": {"get": operation("A_Get")}}),
        "client parameter region",
        "breaking",
        False,
        True,
        back=("AddingOptionalParameter", "info", False, False),
    ),
    Case(
        "ParameterLocationHasChanged",
        document({"/a": {"get": operation("A_Get", {"$ref": "#/parameters/Region"})}})
        | {"parameters": {"Region": {**query("region"), "x-ms-parameter-location": "client"}}},
        document({"/a": {"get": operation("A_Get", query("region"))}}),
        "GET /a query parameter region",
        "breaking",
        False,
        True,
        back=("ParameterLocationHasChanged", "breaking", False, True),
    ),
    Case(
        "AddingHeader",
        document({"/a": {"get": operation("A_Get")}}),
        with_op(PLAIN_GET, "/a", "get", responses={"200": HEADERED}),
        "GET /a response 200 header Retry-After",
        "info",
        False,
        False,
        back=("RemovingHeader", "review", False, False),
    ),
    Case(
        "RemovingHeader",
        document({"/a": {"get": operation("A_Get", responses={"200": None})}})
        | {"paths": {"/a": {"get": {**operation("A_Get"), "responses": {"200": HEADERED}}}}},
        document({"/a": {"get": operation("A_Get")}}),
        "GET /a response 200 header Retry-After",
        "review",
        False,
        False,
    ),
    Case(
        "ParameterInHasChanged",
        q_api(),
        document({"/a": {"get": operation("A_Get", {**query("q"), "in": "header"})}}),
        "GET /a header parameter q",
        "breaking",
        True,
        False,
    ),
    Case(
        "ConstantStatusHasChanged",
        read_api(
            obj(
                {
                    "kind": {
                        "type": "string",
                        "enum": ["only"],
                        "x-ms-enum": {"name": "Kind", "modelAsString": False},
                    }
                }
            )
        ),
        read_api(
            obj(
                {
                    "kind": {
                        "type": "string",
                        "enum": ["only", "other"],
                        "x-ms-enum": {"name": "Kind", "modelAsString": False},
                    }
                }
            )
        ),
        "enum Kind",
        "breaking",
        True,
        False,
    ),
    Case(
        "AddedAdditionalProperties",
        write_api(ORDER),
        write_api({**ORDER, "additionalProperties": {"type": "string"}}),
        "model Order",
        "info",
        False,
        False,
        back=("RemovedAdditionalProperties", "breaking", True, True),
    ),
    Case(
        "RemovedAdditionalProperties",
        read_api({**THING, "additionalProperties": {"type": "string"}}),
        read_api(THING),
        "model Thing",
        "breaking",
        False,
        True,
    ),
    Case(
        "ConstraintIsStronger",
        q_api(maxLength=64),
        q_api(maxLength=32),
        "GET /a query parameter q",
        "breaking",
        True,
        False,
        back=("ConstraintIsWeaker", "info", False, False),
    ),
    Case(
        "ConstraintIsStronger",
        write_api(ORDER),
        write_api(
            obj(
                {**ORDER["properties"], "note": {"type": "string", "pattern": "^[a-z]+$"}},
                required=("item",),
            )
        ),
        "model Order.note",
        "breaking",
        True,
        False,
    ),
    Case(
        "ConstraintIsWeaker",
        read_api(obj({"size": {"type": "integer", "maximum": 10}})),
        read_api(obj({"size": {"type": "integer", "maximum": 100}})),
        "model Thing.size",
        "review",
        False,
        False,
        back=("ConstraintIsStronger", "info", False, False),
    ),
    Case(
        "ConstraintChanged",
        q_api(pattern="^a"),
        q_api(pattern="^b"),
        "GET /a query parameter q",
        "breaking",
        True,
        False,
        back=("ConstraintChanged", "breaking", True, False),
    ),
    Case(
        "DefaultValueChanged",
        q_api(default="x"),
        q_api(default="y"),
        "GET /a query parameter q",
        "breaking",
        True,
        False,
        back=("DefaultValueChanged", "breaking", True, False),
    ),
    Case(
        "DefaultValueChanged",
        q_api(),
        q_api(default="y"),
        "GET /a query parameter q",
        "info",
        False,
        False,
        back=("DefaultValueChanged", "breaking", True, False),
    ),
    Case(
        "ArrayCollectionFormatChanged",
        q_api(type="array", items={"type": "string"}, collectionFormat="csv"),
        q_api(type="array", items={"type": "string"}, collectionFormat="multi"),
        "GET /a query parameter q",
        "breaking",
        True,
        False,
        back=("ArrayCollectionFormatChanged", "breaking", True, False),
    ),
    Case(
        "AddedReadOnlyPropertyInResponse",
        read_api(THING),
        read_api(obj({**THING["properties"], "etag": {"type": "string", "readOnly": True}})),
        "model Thing.etag",
        "info",
        False,
        False,
        back=("RemovedProperty", "breaking", False, True),
    ),
    Case(
        "ChangedParameterOrder",
        ONE_ORDER,
        document(
            {
                "/orders/{id}/{line}": {
                    "get": operation("Orders_Get", path_param("line"), path_param("id"))
                }
            }
        ),
        "GET /orders/{id}/{line} positional arguments",
        "breaking",
        False,
        True,
        back=("ChangedParameterOrder", "breaking", False, True),
    ),
    Case(
        "AddedXmsEnum",
        read_api(obj({"color": {"type": "string", "enum": ["red"]}})),
        read_api(
            obj(
                {
                    "color": {
                        "type": "string",
                        "enum": ["red"],
                        "x-ms-enum": {"modelAsString": False},
                    }
                }
            )
        ),
        "enum Thing.color",
        "info",
        False,
        False,
        back=("RemovedXmsEnum", "info", False, False),
    ),
    Case(
        "RemovedXmsEnum",
        read_api(
            obj(
                {
                    "color": {
                        "type": "string",
                        "enum": ["red"],
                        "x-ms-enum": {"modelAsString": False},
                    }
                }
            )
        ),
        read_api(obj({"color": {"type": "string", "enum": ["red"]}})),
        "enum Thing.color",
        "info",
        False,
        False,
    ),
    Case(
        "XmsEnumChanged",
        write_api(obj({"color": string_enum("Color", "red")})),
        write_api(obj({"color": string_enum("Color", "red", extensible=False)})),
        "enum Color",
        "breaking",
        True,
        True,
        back=("XmsEnumChanged", "review", False, False),
    ),
    Case(
        # Sent: a required argument that stops accepting None breaks callers passing it.
        "NullableChanged",
        write_api(obj({"id": {"type": "string"}}, required=("id",))),
        write_api(obj({"id": {"type": "string", "x-nullable": True}}, required=("id",))),
        "model Order.id",
        "review",
        False,
        False,
        back=("NullableChanged", "breaking", True, True),
    ),
    Case(
        "SkipUrlEncodingChanged",
        document({"/a/{p}": {"get": operation("A_Get", path_param("p"))}}),
        document(
            {
                "/a/{p}": {
                    "get": operation("A_Get", {**path_param("p"), "x-ms-skip-url-encoding": True})
                }
            }
        ),
        "GET /a/{p} path parameter p",
        "breaking",
        True,
        False,
        back=("SkipUrlEncodingChanged", "breaking", True, False),
    ),
    Case(
        "MutabilityChanged",
        write_api(ORDER),
        write_api(
            obj(
                {
                    **ORDER["properties"],
                    "note": {"type": "string", "x-ms-mutability": ["read", "create"]},
                },
                required=("item",),
            )
        ),
        "model Order.note",
        "breaking",
        True,
        False,
        back=("MutabilityChanged", "review", False, False),
    ),
    Case(
        "ClientFlattenChanged",
        write_api(
            obj({"item": {"type": "string"}, "extra": ref("Extra")}),
            Extra=obj({"a": {"type": "string"}}),
        ),
        write_api(
            obj(
                {"item": {"type": "string"}, "extra": {**ref("Extra"), "x-ms-client-flatten": True}}
            ),
            Extra=obj({"a": {"type": "string"}}),
        ),
        "model Order.extra",
        "breaking",
        False,
        True,
        back=("ClientFlattenChanged", "breaking", False, True),
    ),
    Case(
        "ParameterGroupingChanged",
        q_api(),
        q_api(**{"x-ms-parameter-grouping": {"name": "Options"}}),
        "GET /a query parameter q",
        "info",
        False,
        False,
        back=("ParameterGroupingChanged", "info", False, False),
    ),
    Case(
        "ServiceRootChanged",
        with_root(
            PLAIN,
            **{
                "x-ms-parameterized-host": {
                    "hostTemplate": "{endpoint}",
                    "parameters": [
                        {"name": "endpoint", "in": "path", "required": True, "type": "string"}
                    ],
                }
            },
        ),
        with_root(
            PLAIN,
            **{
                "x-ms-parameterized-host": {
                    "hostTemplate": "{baseUrl}",
                    "parameters": [
                        {"name": "baseUrl", "in": "path", "required": True, "type": "string"}
                    ],
                }
            },
        ),
        "service root parameters",
        "breaking",
        False,
        True,
        back=("ServiceRootChanged", "breaking", False, True),
    ),
    Case(
        "ReadonlyPropertyChanged",
        round_trip_api(ORDER),
        round_trip_api(
            obj(
                {**ORDER["properties"], "note": {"type": "string", "readOnly": True}},
                required=("item",),
            )
        ),
        "model Order.note",
        "breaking",
        True,
        True,
        back=("ReadonlyPropertyChanged", "review", False, False),
    ),
    Case(
        "ConstraintIsStronger",
        form_api(maxLength=64),
        form_api(maxLength=32),
        "POST /uploads form field purpose",
        "breaking",
        True,
        False,
        back=("ConstraintIsWeaker", "info", False, False),
    ),
    Case(
        "DefaultValueChanged",
        form_api(default="a"),
        form_api(default="b"),
        "POST /uploads form field purpose",
        "breaking",
        True,
        False,
        back=("DefaultValueChanged", "breaking", True, False),
    ),
    Case(
        "AddedPath",  # an x-ms-paths route is an operation like any other
        PLAIN,
        {**PLAIN, "x-ms-paths": {"/a?op=copy": {"post": operation("A_Copy")}}},
        "POST /a?op=copy",
        "info",
        False,
        False,
        back=("RemovedPath", "breaking", True, True),
    ),
    Case(
        "VersionsReversed",
        PLAIN,
        document({"/a": {"get": operation("A_Get")}}),
        "info.version",
        "review",
        False,
        False,
        versions=("2024-01-01", "2023-06-01-preview"),
        back=None,
    ),
    Case(
        "PagingChanged",
        document(
            {
                "/jobs": {
                    "get": {
                        **operation("Jobs_List", responses={"200": ref("Page")}),
                        "x-ms-pageable": {"nextLinkName": "nextLink"},
                    }
                }
            },
            {
                "Page": obj(
                    {
                        "value": {"type": "array", "items": {"type": "string"}},
                        "nextLink": {"type": "string"},
                        "next": {"type": "string"},
                    }
                )
            },
        ),
        document(
            {
                "/jobs": {
                    "get": {
                        **operation("Jobs_List", responses={"200": ref("Page")}),
                        "x-ms-pageable": {"nextLinkName": "next"},
                    }
                }
            },
            {
                "Page": obj(
                    {
                        "value": {"type": "array", "items": {"type": "string"}},
                        "nextLink": {"type": "string"},
                        "next": {"type": "string"},
                    }
                )
            },
        ),
        "GET /jobs paging next-link property",
        "breaking",
        True,
        False,
        back=("PagingChanged", "breaking", True, False),
    ),
]


def _check(result: PairDiff, rule_name: str, location: str, expected: Verdict) -> None:
    here = [c for c in result.changes if c.rule.name == rule_name and c.location == location]
    assert len(here) == 1, [(c.rule.name, c.location) for c in result.changes]
    change = here[0]
    assert (
        change.rule.name,
        change.severity.value,
        change.wire_breaking,
        change.client_breaking,
    ) == expected, change.reason


def _complete(result: PairDiff) -> None:
    """Every entry is a sentence with no empty field, and breaking code has a migration."""
    for change in result.changes:
        assert change.reason.endswith(".") and change.reason[:1].isupper(), change.reason
        assert " ." not in change.reason and "``" not in change.reason, change.reason
        assert change.location and change.subject
        assert "" not in (change.old, change.new, change.migration.strip() or None), change
        assert "()" not in change.reason and "  " not in change.reason, change.reason
        if change.client_breaking:
            assert change.migration, change.reason


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule(tmp_path: Path, case: Case) -> None:
    result = diff_documents(tmp_path, case.old, case.new, case.versions)
    _check(result, case.rule, case.location, (case.rule, case.severity, case.wire, case.client))
    _complete(result)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_backwards(tmp_path: Path, case: Case) -> None:
    """The same pair new -> old: what it reports is complete, and as stated where stated."""
    result = diff_documents(tmp_path, case.new, case.old, case.versions[::-1])
    if case.back is not None:
        _check(result, case.back[0], case.location, case.back)
    _complete(result)


def test_every_rule_has_a_case_or_a_reason() -> None:
    covered = {case.rule for case in CASES}
    assert covered == {rule.name for rule in all_rules() if rule.implemented}
    for rule in all_rules():
        assert rule.implemented or len(rule.not_applicable) > 20, rule.name


def rules_document() -> str:
    """``generator/diff/RULES.md``: the rule table with each rule's verdicts and tests."""
    tests: dict[str, list[str]] = {}
    for case in CASES:
        tests.setdefault(case.rule, []).append(f"`test_rule[{case.id}]`")
    return render_rules_document(tests)


def test_rules_document_is_current() -> None:
    """Regenerate with ``python -m tests.diff.test_rules``."""
    assert RULES_DOC.read_text(encoding="utf-8") == rules_document()


if __name__ == "__main__":
    RULES_DOC.write_text(rules_document(), encoding="utf-8")
