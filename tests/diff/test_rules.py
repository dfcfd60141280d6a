"""One small spec pair per rule, compiled through the real pipeline, checking the verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.diff.rules import all_rules
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


@dataclass(frozen=True)
class Case:
    rule: str
    old: Doc
    new: Doc
    location: str
    severity: str
    wire: bool
    client: bool


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
        "RemovedParameter",
        document({"/a": {"get": operation("A_Get", query("q"))}}),
        document({"/a": {"get": operation("A_Get")}}),
        "GET /a query parameter q",
        "breaking",
        False,
        True,
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
        read_api(obj({"color": string_enum("Color", "red")})),
        read_api(obj({"color": string_enum("Color", "red", "blue")})),
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
        True,
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
        "breaking",
        True,
        False,
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
        "OperationKindChanged",
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
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.location}")
def test_rule(tmp_path: Path, case: Case) -> None:
    result = diff_documents(tmp_path, case.old, case.new)
    found = [c for c in result.changes if c.rule.name == case.rule]
    here = [c for c in found if c.location == case.location]
    assert len(here) == 1, [(c.rule.name, c.location) for c in result.changes]
    change = here[0]
    assert (change.severity.value, change.wire_breaking, change.client_breaking) == (
        case.severity,
        case.wire,
        case.client,
    ), change.reason
    assert change.reason.endswith(".")
    if change.client_breaking:
        assert change.migration


def test_every_rule_has_a_case() -> None:
    covered = {case.rule for case in CASES}
    assert covered == {rule.name for rule in all_rules()}
