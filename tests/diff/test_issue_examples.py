"""The examples a new user tried, each one old/new pair making one change, through the ``diff``
command with ``--fail-on breaking``: each is reported, with the right verdicts and exit code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.commands.diff import run_diff
from tests.diff.swagger import Doc, body, document, obj, operation, query, ref, string_enum

ORDER = obj({"item": {"type": "string", "maxLength": 64}, "due": {"type": "string"}})
THING = obj({"id": {"type": "string"}, "at": {"type": "string", "format": "date-time"}})


def write_api(order: Doc) -> Doc:
    return document(
        {"/orders": {"put": operation("Orders_Put", body(ref("Order")))}}, {"Order": order}
    )


def read_api(thing: Doc, *, headers: dict[str, Any] | None = None) -> Doc:
    doc = document(
        {"/things": {"get": operation("Things_Get", responses={"200": ref("Thing")})}},
        {"Thing": thing},
    )
    if headers is not None:
        doc["paths"]["/things"]["get"]["responses"]["200"]["headers"] = headers
    return doc


def with_item(item: dict[str, Any]) -> Doc:
    return write_api(obj({**ORDER["properties"], "item": item}))


def q(**facts: Any) -> Doc:
    return document({"/a": {"get": operation("A_Get", {**query("q"), **facts})}})


HOST = {"parameters": [{"name": "endpoint", "in": "path", "required": True, "type": "string"}]}
KEY = {"key": {"type": "apiKey", "name": "api-key", "in": "header"}}
AAD = {"aad": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://x", "scopes": {}}}


@dataclass(frozen=True)
class Example:
    name: str
    old: Doc
    new: Doc
    rule: str
    wire: bool
    client: bool
    exit_code: int  # with --fail-on breaking


EXAMPLES = [
    Example(
        "basePath",
        {**q(), "basePath": "/api"},
        {**q(), "basePath": "/api/v2"},
        "ServiceRootChanged",
        True,
        False,
        1,
    ),
    Example(
        "hostTemplate",
        {**q(), "x-ms-parameterized-host": {**HOST, "hostTemplate": "{endpoint}/openai"}},
        {**q(), "x-ms-parameterized-host": {**HOST, "hostTemplate": "{endpoint}/ai"}},
        "ServiceRootChanged",
        True,
        False,
        1,
    ),
    Example(
        "schemes", q(), {**q(), "schemes": ["http"]}, "ProtocolNoLongerSupported", True, False, 1
    ),
    Example(
        "maxLength",
        write_api(ORDER),
        with_item({"type": "string", "maxLength": 32}),
        "ConstraintIsStronger",
        True,
        False,
        1,
    ),
    Example(
        "pattern",
        write_api(ORDER),
        with_item({"type": "string", "maxLength": 64, "pattern": "^a"}),
        "ConstraintIsStronger",
        True,
        False,
        1,
    ),
    Example(
        "minLength",
        write_api(ORDER),
        with_item({"type": "string", "maxLength": 64, "minLength": 2}),
        "ConstraintIsStronger",
        True,
        False,
        1,
    ),
    Example(
        "maximum",
        q(type="integer"),
        q(type="integer", maximum=5),
        "ConstraintIsStronger",
        True,
        False,
        1,
    ),
    Example(
        "maxItems",
        q(type="array", items={"type": "string"}),
        q(type="array", items={"type": "string"}, maxItems=3),
        "ConstraintIsStronger",
        True,
        False,
        1,
    ),
    Example(
        "consumes",
        write_api(ORDER),
        {**write_api(ORDER), "consumes": ["application/xml"]},
        "RequestBodyFormatNoLongerSupported",
        True,
        False,
        1,
    ),
    Example(
        "produces",
        q(),
        {**q(), "produces": ["application/xml"]},
        "ResponseBodyFormatNowSupported",
        True,
        False,
        1,
    ),
    Example(
        "security",
        {**q(), "securityDefinitions": KEY, "security": [{"key": []}]},
        {**q(), "securityDefinitions": AAD, "security": [{"aad": []}]},
        "SecurityChanged",
        True,
        True,
        1,
    ),
    Example("default", q(default="a"), q(default="b"), "DefaultValueChanged", True, False, 1),
    Example(
        "x-nullable",
        read_api({**THING, "required": ["id"]}),
        read_api(
            obj(
                {**THING["properties"], "id": {"type": "string", "x-nullable": True}},
                required=("id",),
            )
        ),
        "NullableChanged",
        True,
        False,  # model attributes are ``T | None`` already: no user code breaks
        1,
    ),
    Example(
        "collectionFormat",
        q(type="array", items={"type": "string"}),
        q(type="array", items={"type": "string"}, collectionFormat="pipes"),
        "ArrayCollectionFormatChanged",
        True,
        False,
        1,
    ),
    Example(
        "header removed",
        read_api(THING, headers={"Retry-After": {"type": "integer"}}),
        read_api(THING, headers={}),
        "RemovingHeader",
        False,
        False,
        0,
    ),
    Example(
        "header retyped",
        read_api(THING, headers={"Retry-After": {"type": "integer"}}),
        read_api(THING, headers={"Retry-After": {"type": "string"}}),
        "TypeChanged",
        True,
        False,
        1,
    ),
    Example(
        "date-time to string",
        read_api(THING),
        read_api(obj({**THING["properties"], "at": {"type": "string"}})),
        "TypeFormatChanged",
        True,
        True,
        1,
    ),
    Example(
        "additionalProperties removed",
        read_api({**THING, "additionalProperties": {"type": "string"}}),
        read_api(THING),
        "RemovedAdditionalProperties",
        False,
        True,
        1,
    ),
    Example(
        "string to closed enum",
        write_api(ORDER),
        write_api(obj({**ORDER["properties"], "due": string_enum("Due", "now", extensible=False)})),
        "TypeFormatChanged",
        True,
        True,
        1,
    ),
    Example(
        "modelAsString true to false on a request enum",
        write_api(obj({"due": string_enum("Due", "now", "later")})),
        write_api(obj({"due": string_enum("Due", "now", "later", extensible=False)})),
        "XmsEnumChanged",
        True,
        True,
        1,
    ),
    Example(
        "query to header",
        q(),
        document({"/a": {"get": operation("A_Get", {**query("q"), "in": "header"})}}),
        "ParameterInHasChanged",
        True,
        False,
        1,
    ),
    Example(
        "optional response property removed",
        read_api(THING),
        read_api(obj({"id": {"type": "string"}})),
        "RemovedProperty",
        False,
        True,
        1,
    ),
    Example(
        "readOnly definition",
        write_api(ORDER),
        write_api({**ORDER, "readOnly": True}),
        "ReadonlyPropertyChanged",
        True,
        False,
        1,
    ),
]


def _write(tmp_path: Path, name: str, doc: Doc, version: str) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({**doc, "info": {"title": "T", "version": version}}), "utf-8")
    return path


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_issue_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example: Example
) -> None:
    paths = [_write(tmp_path, "old", example.old, "v1"), _write(tmp_path, "new", example.new, "v2")]
    code = run_diff(paths, formats=("json",), out=None, fail_on="breaking", ignore_file=None)
    changes = json.loads(capsys.readouterr().out)["pairs"][0]["changes"]
    found = [c for c in changes if c["rule"]["name"] == example.rule]
    assert found, [c["reason"] for c in changes]
    assert [(c["wire_breaking"], c["client_breaking"]) for c in found] == [
        (example.wire, example.client)
    ], [c["reason"] for c in found]
    assert code == example.exit_code
    if example.rule == "ParameterInHasChanged":  # one root cause, not a removal plus an addition
        assert {c["rule"]["name"] for c in changes} == {"ParameterInHasChanged"}


def test_operation_without_operation_id_reads_as_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = q()
    new = q()
    new["paths"]["/a"]["get"] = {
        k: v for k, v in new["paths"]["/a"]["get"].items() if k != "operationId"
    }
    paths = [_write(tmp_path, "old", old, "v1"), _write(tmp_path, "new", new, "v2")]
    run_diff(paths, formats=("json",), out=None, fail_on="never", ignore_file=None)
    changes = json.loads(capsys.readouterr().out)["pairs"][0]["changes"]
    (renamed,) = [c for c in changes if c["rule"]["name"] == "ModifiedOperationId"]
    assert renamed["reason"] == "The operation GET /a loses its operationId A_Get."
    for change in changes:
        assert " ." not in change["reason"] and change["reason"].endswith(".")
